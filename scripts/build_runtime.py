"""Build the browser runtime of the aids into build/runtime/.

The page loads these as classic <script> files, which work over http and from file://:
- worker.js: the source of Python's worker (aid_worker.js + Pyodide's loader + its Emscripten
  module, rewritten from an ES module into a classic script) and of the unpacker worker
  (aid_unpacker.js), as two strings;
- wasm-N.js, stdlib-N.js, wheel-N.js: the bytes the worker needs, in base64 chunks; the wheel
  ships as its files one after another (Zstandard), which the worker writes where Pyodide would
  unpack the wheel (its working directory): no zip to read in Python; the standard library
  holds only the modules Python imported while the snapshot was made (kept_stdlib), and only
  a normal start asks for it (LATER);
- snapshot-N.js: a memory snapshot of Python with the aids imported (made here in Node by
  snapshot.mjs from the same pinned runtime, standard library and wheel), Zstandard, in base64
  chunks; the worker checks its build id, restores it, and starts normally when that fails.
  Two thirds of the snapshot are zeros, mostly in a few long runs: those runs are left out
  (their places are listed), so the browser unpacks 15 MB instead of 31. About 3 MB
  more are the wasm's data segments as they lie in memory: those ranges are left out too and
  listed as copies from the wasm file, which always travels (the unpacker copies them back);
- bin/: the same chunks as bytes (wasm-0.bin, ...: each data script's bytes), and the two
  workers' source as plain scripts (worker.js, unpacker.js), for pages served over http: there
  the page fetches the workers' source and the unpacker fetches the chunks, each checked by
  Subresource Integrity (no base64 to decode, no work on the page); chunks let the unpacker
  start on a file before all of it is in; a file:// page cannot fetch, so the offline zip leaves
  bin/ out;
- manifest.json: the file list and the pinned versions.

Each file is served by a name with its content's hash (worker.0123456789ab.js,
bin/wasm-0.0123456789ab.bin): a new build has new names, so a host may mark these files as
never changing (README, "Hosting"). manifest.json lists both names ("served").

    python scripts/build_runtime.py
"""

from __future__ import annotations

import base64
import concurrent.futures
import hashlib
import io
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import zstandard

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import build_wheel  # noqa: E402
import vendor  # noqa: E402
from aids import contract  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "runtime"
# Characters of base64 per script file: small files keep each main-thread parse task short.
CHUNK = 1_000_000
SNAPSHOT_MAGIC = 0x706E7300
# Shipped as Zstandard (the unpacker decodes them with fzstd, in plain JavaScript: no browser
# decodes Zstandard or Brotli in a DecompressionStream yet). Over gzip that saves a quarter of
# these bytes (2.2 of 9.1 MB). The stdlib is a zip file already.
ZSTD = {"wasm", "snapshot", "wheel"}
# Level 19 with a 4 MB window: the window is within what fzstd reads (32 MB), and fzstd moves it
# once per block, so a smaller one decodes faster (the snapshot in 110 ms, not 140; 40 kB more).
ZSTD_PARAMETERS = zstandard.ZstdCompressionParameters.from_level(19, window_log=22)
# Files only a normal start needs, sent when Python's worker asks for them. A restored snapshot
# reads nothing from the standard library: it holds every module the aids import already (the
# stdlib keeps only those, kept_stdlib), so it starts on an empty zip and saves 0.8 MB.
LATER = ["stdlib"]
# Runs of zeros at least this long are left out of the shipped snapshot.
MIN_HOLE = 1024
# Runs of the snapshot's memory image at least this long that equal bytes of the wasm's data
# segments are left out of the shipped snapshot and copied back from the wasm file.
MIN_COPY = 64
WASM_MAGIC = b"\0asm\x01\0\0\0"


def classic_module(source: str) -> str:
    """Turn pyodide.asm.mjs into a classic script that defines _createPyodideModule."""
    export = "export default _createPyodideModule"
    # aid_worker.js restores the snapshot through API.restoreSnapshot, from the bytes it received.
    if (source.count(export) != 1 or source.count("import.meta.url") != 3
            or source.count("API.restoreSnapshot=function(t)") != 1):
        raise SystemExit("pyodide.asm.mjs changed shape: check the rewrite in build_runtime.py")
    source = source.replace(export, "")
    return source.replace("import.meta.url", '"tw-runtime:/pyodide.asm.mjs"')


def build_id(package: Path) -> str:
    """The runtime build id Pyodide writes into a snapshot and checks on restore."""
    found = re.findall(r'BUILD_ID:"([0-9a-f]{64})"', (package / "pyodide.js").read_text())
    if len(set(found)) != 1:
        raise SystemExit("pyodide.js changed shape: no single BUILD_ID, check build_runtime.py")
    return found[0]


def wheel_files(wheel: Path) -> tuple[bytes, list[list]]:
    """The wheel's files one after another, and each one's path and size."""
    with zipfile.ZipFile(wheel) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        data = b"".join(archive.read(info) for info in infos)
    return data, [[info.filename, info.file_size] for info in infos]


def kept_stdlib(source: Path, names: list[str]) -> bytes:
    """Pyodide's standard library zip with only the files named (and their folders). The
    entries keep their order, dates and compression: the same bytes every build."""
    keep = set(names) | {name.rsplit("/", 1)[0] + "/" for name in names if "/" in name}
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as kept:
        for info in original.infolist():
            if info.filename in keep:
                kept.writestr(info, original.read(info))
    return out.getvalue()


def make_snapshot(package: Path, stdlib: bytes, wheel: Path) -> tuple[bytes, list[str]]:
    """Snapshot of Python with the aids imported, made in Node from the pinned runtime and the
    standard library the browser gets (zipimport keeps the zip's table of contents in the heap),
    and the files of that zip Python imported on the way."""
    with tempfile.TemporaryDirectory() as tmp:
        out, stdlib_zip = Path(tmp) / "snapshot.bin", Path(tmp) / "python_stdlib.zip"
        modules = Path(tmp) / "modules.json"
        stdlib_zip.write_bytes(stdlib)
        subprocess.run(["node", str(ROOT / "scripts" / "snapshot.mjs"), str(package), str(wheel),
                        str(out), str(stdlib_zip), str(modules)], check=True)
        data, imported = out.read_bytes(), json.loads(modules.read_text())
    check_snapshot(data, build_id(package))
    return data, imported


def snapshot_and_stdlib(package: Path, wheel: Path) -> tuple[bytes, bytes]:
    """The snapshot and the standard library shipped with it. A first run on Pyodide's whole
    zip finds the files Python imports; the snapshot is made again on a zip of only those
    (it must fit the zip the browser gets), and that run must import nothing else."""
    source = package / "python_stdlib.zip"
    _, imported = make_snapshot(package, source.read_bytes(), wheel)
    stdlib = kept_stdlib(source, imported)
    snapshot, again = make_snapshot(package, stdlib, wheel)
    if again != imported:
        raise SystemExit(f"the kept standard library misses {sorted(set(again) - set(imported))}")
    return snapshot, stdlib


def check_snapshot(data: bytes, expected_id: str) -> None:
    # Header (pyodide src/js/snapshot.ts): magic, offset of the heap, json length, padding,
    # then the build id as 8 little-endian 32-bit words.
    magic, = struct.unpack_from("<I", data)
    words = struct.unpack_from("<8I", data, 16)
    found = "".join(f"{w:08x}" for w in words)
    if magic != SNAPSHOT_MAGIC or found != expected_id:
        raise SystemExit(f"snapshot header unexpected (magic {magic:#x}, build id {found})")


def leb128(data: bytes, position: int, signed: bool = False) -> tuple[int, int]:
    """The LEB128 number at position, and the position after it."""
    result = shift = 0
    while True:
        if position >= len(data):
            raise SystemExit("wasm ends inside a number: check the data segments in build_runtime.py")
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    if signed and byte & 0x40:
        result -= 1 << shift
    return result, position


def active_data_segments(wasm: bytes) -> list[tuple[int, int, int]]:
    """The wasm's active data segments: [(memory address, offset in the wasm file, length)].
    Passive segments (flag 1) are skipped; any other kind of segment, or an offset that is not a
    plain i32.const, stops the build: the copies would not know where the bytes go."""
    if not wasm.startswith(WASM_MAGIC):
        raise SystemExit("not a wasm module (version 1): check the data segments in build_runtime.py")
    segments, position = [], len(WASM_MAGIC)
    while position < len(wasm):
        section = wasm[position]
        size, start = leb128(wasm, position + 1)
        position = start + size
        if section != 11:
            continue
        count, at = leb128(wasm, start)
        for index in range(count):
            flag, at = leb128(wasm, at)
            address = None
            if flag == 0:
                if wasm[at] != 0x41:  # i32.const
                    raise SystemExit(f"wasm data segment {index}: its offset is not an i32.const "
                                     f"(opcode {wasm[at]:#x}): check build_runtime.py")
                address, at = leb128(wasm, at + 1, signed=True)
                if wasm[at] != 0x0B:  # end
                    raise SystemExit(f"wasm data segment {index}: its offset is not a plain "
                                     "i32.const: check build_runtime.py")
                at += 1
            elif flag != 1:
                raise SystemExit(f"wasm data segment {index} is of an unknown kind (flag {flag}): "
                                 "check the data segments in build_runtime.py")
            length, at = leb128(wasm, at)
            if address is not None:
                segments.append((address, at, length))
            at += length
        if at != position:
            raise SystemExit("wasm data section does not add up: check build_runtime.py")
    return segments


def wasm_copies(snapshot: bytes, wasm: bytes) -> list[list[int]]:
    """Where the snapshot's memory image holds what the wasm's data segments hold: runs of at
    least MIN_COPY equal bytes, not all zeros, as [[snapshot offset, wasm file offset, length],
    ...] in the order of the snapshot."""
    # Header (pyodide src/js/snapshot.ts): its second word is where the memory image starts.
    image, = struct.unpack_from("<I", snapshot, 4)
    copies = []
    for address, offset, length in active_data_segments(wasm):
        start = image + address
        memory = snapshot[start:start + length]
        segment = wasm[offset:offset + len(memory)]
        # The bytes where memory and segment differ are not zero.
        same = (int.from_bytes(memory, "little") ^ int.from_bytes(segment, "little")).to_bytes(
            len(memory), "little")
        for run in re.finditer(rb"\x00{%d,}" % MIN_COPY, same):
            if segment[run.start():run.end()].strip(b"\x00"):
                copies.append([start + run.start(), offset + run.start(), run.end() - run.start()])
    return sorted(copies)


def without_copies(snapshot: bytes, copies: list[list[int]]) -> bytes:
    """The snapshot with zeros where the copies will put the wasm's bytes back."""
    data = bytearray(snapshot)
    for start, _, length in copies:
        data[start:start + length] = bytes(length)
    return bytes(data)


def with_copies(data: bytes, copies: list[list[int]], wasm: bytes) -> bytes:
    """The bytes without_copies zeroed, back from the wasm file."""
    whole = bytearray(data)
    for start, offset, length in copies:
        whole[start:start + length] = wasm[offset:offset + length]
    return bytes(whole)


def copy_steps(copies: list[list[int]]) -> list[int]:
    """The copies as the unpacker gets them, smaller: one flat list, each copy as the distance
    from the end of the one before in the snapshot and in the wasm file, and its length."""
    steps, snapshot_end, wasm_end = [], 0, 0
    for start, offset, length in copies:
        steps += [start - snapshot_end, offset - wasm_end, length]
        snapshot_end, wasm_end = start + length, offset + length
    return steps


def without_zero_runs(data: bytes) -> tuple[bytes, list[list[int]]]:
    """data without its long runs of zeros, and where they were: [[offset, length], ...]."""
    holes = [[m.start(), m.end() - m.start()]
             for m in re.finditer(rb"\x00{%d,}" % MIN_HOLE, data)]
    parts, position = [], 0
    for start, length in holes:
        parts.append(data[position:start])
        position = start + length
    parts.append(data[position:])
    return b"".join(parts), holes


def worker_source(package: Path, runtime: dict) -> str:
    lock = json.loads((package / "pyodide-lock.json").read_text())
    # A minimal lock: the worker loads no packages, only the aids wheel it is given.
    minimal = json.dumps({"info": lock["info"], "packages": {}})
    return "\n".join([
        contract.messages_line(),
        f"var TW_LOCK = {json.dumps(minimal)};",
        f"var TW_RUNTIME = {json.dumps(runtime)};",
        (ROOT / "scripts" / "aid_worker.js").read_text(),
        (package / "pyodide.js").read_text(),
        classic_module((package / "pyodide.asm.mjs").read_text()),
    ])


def chunks(data: bytes) -> list[bytes]:
    """data in the pieces that one data script (as base64) or one fetched file carries."""
    size = CHUNK // 4 * 3
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


def base64_chunks(data: bytes) -> list[str]:
    return [base64.b64encode(part).decode("ascii") for part in chunks(data)]


def hashed(name: str, data: bytes) -> str:
    """The name a runtime file is served by: its content's hash before the extension, so a host
    may let browsers keep it for good (the README says which headers)."""
    stem, _, extension = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.{extension}"


def fetched(url: str, data: bytes) -> dict:
    """A file an http page fetches: where, and the integrity it asks for."""
    return {"url": url, "integrity": "sha256-" + base64.b64encode(
        hashlib.sha256(data).digest()).decode("ascii")}


def data_scripts(name: str, parts: list[str]) -> list[tuple[str, str]]:
    return [(f"{name}-{i}.js", f'__twRuntime("{name}",{i},{len(parts)},"{part}");\n')
            for i, part in enumerate(parts)]


def with_zero_runs(data: bytes, holes: list[list[int]]) -> bytes:
    """The bytes without_zero_runs took the zeros from, whole again."""
    whole, position = bytearray(), 0
    for start, length in holes:
        size = start - len(whole)
        whole += data[position:position + size] + bytes(length)
        position += size
    return bytes(whole + data[position:])


def read_snapshot(directory: Path = OUT) -> bytes:
    """The snapshot the worker restores, rebuilt from its data scripts, the manifest and the
    wasm file, as the unpacker does."""
    manifest = json.loads((directory / "manifest.json").read_text())
    data = with_zero_runs(read_unpacked("snapshot", directory), manifest["snapshot_holes"])
    return with_copies(data, manifest["snapshot_copies"], read_unpacked("wasm", directory))


def read_wheel(directory: Path = OUT) -> dict[str, bytes]:
    """The aids' files the worker writes: {path in the wheel: bytes}."""
    entries = json.loads((directory / "manifest.json").read_text())["wheel_files"]
    data, files, position = read_unpacked("wheel", directory), {}, 0
    for name, size in entries:
        files[name] = data[position:position + size]
        position += size
    if position != len(data):
        raise ValueError("the wheel's files do not match the manifest")
    return files


def pack(data: bytes) -> bytes:
    return zstandard.ZstdCompressor(compression_params=ZSTD_PARAMETERS).compress(data)


def unpack(data: bytes) -> bytes:
    return zstandard.ZstdDecompressor().decompress(data)


def read_unpacked(name: str, directory: Path = OUT) -> bytes:
    """One runtime file as the unpacker hands it on: decoded, but still without what the build
    left out of it (the snapshot's runs of zeros and copies)."""
    data = read_data(name, directory)
    return unpack(data) if name in ZSTD else data


def read_data(name: str, directory: Path = OUT) -> bytes:
    """The bytes one runtime file's data scripts carry, as the worker receives them."""
    manifest = directory / "manifest.json"
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest}: build the runtime first (make site)")
    served = json.loads(manifest.read_text())["served"]
    count = sum(1 for plain in served if re.fullmatch(rf"{name}-\d+\.js", plain))
    parts = [directory / served[f"{name}-{i}.js"] for i in range(count)]
    return b"".join(base64.b64decode(p.read_text().split('"')[-2]) for p in parts)


def build() -> Path:
    package = vendor.package_dir("pyodide") / "package"
    wheel = build_wheel.build()
    wheel_data, wheel_entries = wheel_files(wheel)
    snapshot, stdlib = snapshot_and_stdlib(package, wheel)
    raw = {
        "wasm": (package / "pyodide.asm.wasm").read_bytes(),
        "stdlib": stdlib,
        "wheel": wheel_data,
        "snapshot": snapshot,
    }
    shipped, holes = dict(raw), {}
    copies = wasm_copies(raw["snapshot"], raw["wasm"])
    shipped["snapshot"], holes["snapshot"] = without_zero_runs(
        without_copies(raw["snapshot"], copies))
    with concurrent.futures.ThreadPoolExecutor() as pool:  # zstandard lets go of the GIL
        packed = dict(zip(shipped, pool.map(
            lambda item: pack(item[1]) if item[0] in ZSTD else item[1], shipped.items())))
    parts = {name: chunks(data) for name, data in packed.items()}
    # What the workers need to know beforehand: each file's size, the runs of zeros left out of
    # it and each chunk's sha256 (the unpacker checks the chunks of data scripts; fetched chunks
    # are checked by their integrity), and the snapshot's build id.
    bins = {name: [(f"bin/{name}-{i}.bin", part) for i, part in enumerate(pieces)]
            for name, pieces in parts.items()}
    served = {plain: hashed(plain, data) for pieces in bins.values() for plain, data in pieces}
    runtime = {
        "files": {name: {"size": len(data), "zstd": name in ZSTD, "holes": holes.get(name, []),
                         "chunks": [hashlib.sha256(part).hexdigest() for part in parts[name]]}
                  for name, data in raw.items()},
        "snapshot": {"build_id": build_id(package)},
        "wheel": wheel_entries,
    }
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    # worker.js comes first: the loader starts the workers, then loads the data scripts, which
    # hand their chunks to the unpacker. Only the unpacker needs the copies.
    unpacking = {**runtime, "copies": copy_steps(copies)}
    unpacker = (contract.messages_line()
                + f"var TW_RUNTIME = {json.dumps(unpacking, separators=(',', ':'))};\n"
                # fzstd's browser build: it defines self.fzstd.
                + (vendor.package_dir("fzstd") / "package" / "umd" / "index.js").read_text() + "\n"
                + (ROOT / "scripts" / "aid_unpacker.js").read_text())
    worker = worker_source(package, runtime)
    files = [("worker.js", f"self.__twWorkerSource = {json.dumps(worker)};\n"
                           f"self.__twUnpackerSource = {json.dumps(unpacker)};\n")]
    # Over http the page fetches the workers' source as two plain files (bytes it never parses).
    sources = {"worker": ("bin/worker.js", worker.encode()),
               "unpacker": ("bin/unpacker.js", unpacker.encode())}
    served.update({plain: hashed(plain, data) for plain, data in sources.values()})
    for name, pieces in parts.items():
        files += data_scripts(name, [base64.b64encode(part).decode("ascii") for part in pieces])
    served.update({plain: hashed(plain, text.encode("ascii")) for plain, text in files})
    for name, text in files:
        (OUT / served[name]).write_text(text, encoding="ascii")
    (OUT / "bin").mkdir()
    for url, data in [*sources.values(), *(piece for pieces in bins.values() for piece in pieces)]:
        (OUT / served[url]).write_bytes(data)
    manifest = {
        "pyodide": vendor.PINNED["pyodide"][0],
        "fzstd": vendor.PINNED["fzstd"][0],
        "wheel": wheel.name,
        "snapshot_build_id": runtime["snapshot"]["build_id"],
        "snapshot_holes": holes["snapshot"],
        "snapshot_copies": copies,
        "wheel_files": wheel_entries,
        # Every file by its plain name and by the name it is served by (with its hash).
        "served": served,
        "files": [served[name] for name, _ in files],
        # What an http page fetches, chunk by chunk, with the integrity it asks for.
        "bin": {name: [fetched(served[url], data) for url, data in pieces]
                for name, pieces in bins.items()},
        "workers": {name: fetched(served[url], data) for name, (url, data) in sources.items()},
        "later": LATER,
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return OUT


if __name__ == "__main__":
    print(build())
