"""The build: a broken aid definition stops it with file, line and reason; the built site
carries the runtime on aid pages only and refers to no other host."""

from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
import zstandard
from hypothesis import given

import strategies
from paths import DIST_ZIP, ROOT, served

import build_runtime
from aids.contract import ATTRIBUTES as A


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory, runtime):
    copy = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "aids"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    (copy / "build").mkdir()
    shutil.copytree(runtime, copy / "build" / "runtime")
    return copy


def mkdocs_build(project, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, check=False,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **env})


def test_malformed_aid_definition_fails_the_build_with_file_line_and_reason(project_copy):
    content = project_copy / "aids" / "content" / "analyse.toml"
    original = content.read_text(encoding="utf-8")
    lines = original.splitlines()
    target = next(i for i, line in enumerate(lines, 1) if line == 'type = "textarea"')
    content.write_text(original.replace('type = "textarea"', 'type = "opstel"', 1), encoding="utf-8")
    try:
        out = mkdocs_build(project_copy)
    finally:
        content.write_text(original, encoding="utf-8")
    assert out.returncode != 0
    assert f"analyse.toml:{target}: onbekend vraagtype 'opstel'" in out.stdout + out.stderr


def test_the_untouched_copy_builds_and_with_a_site_url_has_a_sitemap_and_canonical_links(
        project_copy, site):
    """Issue 21, point 8: SITE_URL (the Makefile's, read by mkdocs.yml) gives a real sitemap,
    canonical links and a 404 page whose links work under a subpath. The site built without it
    (the one the tests serve and zip) has relative links only."""
    address = "https://voorbeeld.nl/thuiswijzer/"
    out = mkdocs_build(project_copy, SITE_URL=address)
    assert out.returncode == 0, out.stdout + out.stderr
    built = project_copy / "site"
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html")
                   if p.name != "404.html" and not p.relative_to(built).parts[0] == "assets")
    listed = re.findall(r"<loc>(.*?)</loc>", (built / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(address + page for page in pages)
    page = (built / "trainen" / "groepsoverzicht.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}trainen/groepsoverzicht.html">' in page
    missing = (built / "404.html").read_text(encoding="utf-8")
    assert 'href="/thuiswijzer/index.html"' in missing and 'href="/thuiswijzer/assets/' in missing
    # Without it: no canonical link, an empty sitemap, and relative links everywhere.
    assert 'rel="canonical"' not in (site / "trainen" / "groepsoverzicht.html").read_text("utf-8")
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="/' not in (site / "index.html").read_text(encoding="utf-8")


def test_worker_is_a_classic_script_without_module_syntax(runtime):
    source = (runtime / served("worker.js")).read_text()
    assert "import.meta" not in source and "export default" not in source
    assert source.startswith("self.__twWorkerSource = ")


def test_runtime_rewrite_refuses_an_unexpected_pyodide_module():
    with pytest.raises(SystemExit, match="changed shape"):
        build_runtime.classic_module("export default _createPyodideModule")


def test_snapshot_fits_this_runtime_build_and_is_checked_by_the_worker(runtime):
    package = build_runtime.vendor.package_dir("pyodide") / "package"
    snapshot = build_runtime.read_snapshot(runtime)
    build_runtime.check_snapshot(snapshot, build_runtime.build_id(package))
    # Two thirds zeros: the long runs are not shipped (read_snapshot put them back).
    shipped = build_runtime.read_unpacked("snapshot", runtime)
    assert len(shipped) < 0.6 * len(snapshot)
    assert f'"size": {len(snapshot)}' in worker_and_unpacker(runtime)
    worker = worker_and_unpacker(runtime)
    chunks = build_runtime.base64_chunks(build_runtime.read_data("snapshot", runtime))
    for chunk in chunks:
        assert hashlib.sha256(base64.b64decode(chunk)).hexdigest() in worker
    manifest = json.loads((runtime / "manifest.json").read_text())
    assert [manifest["served"][f"snapshot-{i}.js"] for i in range(len(chunks))] == \
        [name for name in manifest["files"] if name.startswith("snapshot-")]


def test_the_large_runtime_files_are_zstandard_that_fzstd_reads_and_every_chunk_is_checked(runtime):
    """The snapshot, the wasm and the wheel ship as one Zstandard frame each, with a window
    fzstd can hold (2**25 bytes at most) and their size written in the frame. The unpacker knows
    the sha256 of every chunk of every file, which it checks for data scripts."""
    unpacker = worker_and_unpacker(runtime)
    assert "fzstd.Decompress" in unpacker and "new DecompressionStream" not in unpacker
    for name in ("snapshot", "wasm", "wheel", "stdlib"):
        data = build_runtime.read_data(name, runtime)
        if name in build_runtime.ZSTD:
            frame = zstandard.get_frame_parameters(data)
            assert data[:4] == b"\x28\xb5\x2f\xfd" and frame.window_size <= 2**25
            assert frame.content_size == len(build_runtime.read_unpacked(name, runtime))
        for chunk in build_runtime.chunks(data):
            assert hashlib.sha256(chunk).hexdigest() in unpacker
    assert build_runtime.ZSTD == {"snapshot", "wasm", "wheel"}


def test_the_snapshot_leaves_out_what_the_wasm_holds_and_the_copies_put_it_back(runtime):
    """The ranges where the snapshot's memory image equals the wasm's data segments are zeros in
    the shipped snapshot; read_snapshot (as the unpacker) copies them back from the wasm."""
    manifest = json.loads((runtime / "manifest.json").read_text())
    copies = manifest["snapshot_copies"]
    wasm = build_runtime.read_unpacked("wasm", runtime)
    package = build_runtime.vendor.package_dir("pyodide") / "package"
    assert wasm == (package / "pyodide.asm.wasm").read_bytes()
    snapshot = build_runtime.read_snapshot(runtime)
    build_runtime.check_snapshot(snapshot, build_runtime.build_id(package))
    shipped = build_runtime.with_zero_runs(
        build_runtime.read_unpacked("snapshot", runtime), manifest["snapshot_holes"])
    assert len(shipped) == len(snapshot)
    assert sum(length for _, _, length in copies) > 2_000_000
    segments = build_runtime.active_data_segments(wasm)
    image = int.from_bytes(snapshot[4:8], "little")
    end = 0
    for start, offset, length in copies:
        assert start >= max(end, image) and length >= build_runtime.MIN_COPY
        assert snapshot[start:start + length] == wasm[offset:offset + length]
        assert wasm[offset:offset + length].strip(b"\0")
        assert shipped[start:start + length] == bytes(length)
        # Each copy lies inside one data segment, at the place that segment has in memory.
        assert any(address <= start - image and start - image + length <= address + size
                   and offset - at == start - image - address for address, at, size in segments)
        end = start + length
    # Elsewhere the snapshot is shipped as it is.
    assert build_runtime.without_copies(snapshot, copies) == shipped
    # The unpacker gets the copies as steps; they lead to the same places.
    steps = build_runtime.copy_steps(copies)
    assert json.dumps(steps, separators=(",", ":")) in worker_and_unpacker(runtime)
    to = source = 0
    for i, (start, offset, length) in enumerate(copies):
        to, source = to + steps[3 * i], source + steps[3 * i + 1]
        assert (to, source, steps[3 * i + 2]) == (start, offset, length)
        to, source = to + length, source + length


def wasm_with_data(*segments: bytes) -> bytes:
    """A wasm module with just a data section holding these segments (each already encoded)."""
    body = bytes([len(segments)]) + b"".join(segments)
    return build_runtime.WASM_MAGIC + bytes([11, len(body)]) + body


def test_a_wasm_with_an_unknown_kind_of_data_segment_fails_the_build():
    active = bytes([0, 0x41, 0x10, 0x0B, 3]) + b"abc"  # at 16: "abc"
    passive = bytes([1, 2]) + b"xy"
    wasm = wasm_with_data(active, passive)
    assert build_runtime.active_data_segments(wasm) == [(16, len(wasm) - 7, 3)]
    assert wasm[len(wasm) - 7:len(wasm) - 4] == b"abc"
    explicit_memory = bytes([2, 0, 0x41, 0x10, 0x0B, 3]) + b"abc"
    with pytest.raises(SystemExit, match="unknown kind"):
        build_runtime.wasm_copies(bytes(256), wasm_with_data(active, explicit_memory))
    global_offset = bytes([0, 0x23, 0, 0x0B, 3]) + b"abc"  # global.get 0
    with pytest.raises(SystemExit, match="not an i32.const"):
        build_runtime.active_data_segments(wasm_with_data(global_offset))


def test_the_worker_writes_exactly_the_files_of_the_wheel(runtime):
    (wheel,) = (ROOT / "build" / "wheel").glob("aids-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        files = {info.filename: archive.read(info)
                 for info in archive.infolist() if not info.is_dir()}
    assert build_runtime.read_wheel(runtime) == files
    assert "aids/content/data/interface.toml" in files
    # The worker gets each file's path and size, in the order of the bytes.
    entries = [[name, len(data)] for name, data in files.items()]
    assert json.dumps(entries) in worker_and_unpacker(runtime)


def worker_and_unpacker(runtime) -> str:
    """The source of both workers as the page receives it (JSON strings, unquoted once)."""
    return (runtime / served("worker.js")).read_text().replace('\\"', '"')


@given(strategies.zero_runs())
def test_zero_runs_left_out_come_back(data):
    dense, holes = build_runtime.without_zero_runs(data)
    assert build_runtime.with_zero_runs(dense, holes) == data
    assert len(dense) == len(data) - sum(length for _, length in holes)
    assert all(length >= build_runtime.MIN_HOLE for _, length in holes)


def test_snapshot_check_refuses_another_build():
    snapshot = bytearray(64)
    snapshot[0:4] = build_runtime.SNAPSHOT_MAGIC.to_bytes(4, "little")
    with pytest.raises(SystemExit, match="build id 0000"):
        build_runtime.check_snapshot(bytes(snapshot), "ab" * 32)
    build_runtime.check_snapshot(bytes(snapshot), "0" * 64)


def zip_modules(data: bytes) -> set[str]:
    """The top-level modules and packages in a standard library zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name.split("/")[0].removesuffix(".py") for name in archive.namelist()}


def built_into(wasm: bytes, module: str) -> bool:
    """Whether Pyodide's wasm has the module compiled in (sys and builtins always are)."""
    return module in ("sys", "builtins") or re.search(
        rb"PyInit_" + re.escape(module.encode()) + rb"(?![A-Za-z0-9_])", wasm) is not None


def test_the_shipped_standard_library_has_every_module_the_aids_import(runtime):
    """Every standard module the aids import (anywhere, inside a function too) is in the zip the
    browser gets or compiled into Pyodide: leaving out unused modules never breaks an aid."""
    package = build_runtime.vendor.package_dir("pyodide") / "package"
    pyodide_zip = zip_modules((package / "python_stdlib.zip").read_bytes())
    shipped = zip_modules(build_runtime.read_data("stdlib", runtime))
    wasm = (package / "pyodide.asm.wasm").read_bytes()
    imported = set()
    for path in (ROOT / "aids").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    standard = {name for name in imported if name in sys.stdlib_module_names | pyodide_zip}
    assert {"json", "tomllib", "datetime", "math"} <= standard
    missing = {name for name in standard if name not in shipped and not built_into(wasm, name)}
    assert not missing, f"the aids import modules the site does not ship: {sorted(missing)}"


def test_the_shipped_standard_library_is_the_part_of_pyodides_python_imports(runtime):
    """The files Python imported while the snapshot was made, with the same order, dates and
    bytes as in Pyodide's zip, and their folders: a third of the zip, not tools nobody runs."""
    package = build_runtime.vendor.package_dir("pyodide") / "package"
    shipped = build_runtime.read_data("stdlib", runtime)
    with zipfile.ZipFile(package / "python_stdlib.zip") as original, \
            zipfile.ZipFile(io.BytesIO(shipped)) as kept:
        names = [info.filename for info in kept.infolist()]
        assert names == [info.filename for info in original.infolist() if info.filename in names]
        assert all(kept.read(name) == original.read(name) for name in names)
        assert all(name.rsplit("/", 1)[0] + "/" in names for name in names if "/" in name[:-1])
    files = [name for name in names if not name.endswith("/")]
    assert shipped == build_runtime.kept_stdlib(package / "python_stdlib.zip", files)
    assert {"json/decoder.py", "tomllib/_parser.py", "datetime.py", "asyncio/__init__.py"} <= set(names)
    assert not {"unittest/__init__.py", "pydoc.py", "sqlite3/__init__.py"} & set(names)
    assert len(shipped) < (package / "python_stdlib.zip").stat().st_size / 2


def test_kept_stdlib_keeps_the_files_named_and_their_folders(tmp_path):
    source = tmp_path / "lib.zip"
    with zipfile.ZipFile(source, "w") as archive:
        for name in ("a/", "a/b.py", "a/c.py", "d.py", "e/", "e/f.py"):
            archive.writestr(name, "" if name.endswith("/") else name)
    kept = zipfile.ZipFile(io.BytesIO(build_runtime.kept_stdlib(source, ["a/c.py", "d.py"])))
    assert kept.namelist() == ["a/", "a/c.py", "d.py"] and kept.read("a/c.py") == b"a/c.py"


def test_vendor_refuses_a_tarball_with_the_wrong_integrity(tmp_path, monkeypatch):
    import vendor

    monkeypatch.setattr(vendor, "CACHE", tmp_path)
    monkeypatch.setitem(vendor.PINNED, "iframe-worker", ("1.0.4", "sha512-AAAA"))
    with pytest.raises(vendor.IntegrityError):
        vendor.package_dir("iframe-worker")


def test_only_pages_that_run_python_load_the_runtime(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        is_aid = 'class="aid"' in html
        # The group overview for trainers and the case-file page run Python too, without being
        # an aid.
        others = f"{A['overview']}=" in html or f"{A['caseFile']}=" in html
        assert ("assets/aid.js" in html) == is_aid, page
        assert (A["runtime"] in html) == (is_aid or others), page
        assert ("assets/runtime.js" in html) == (is_aid or others), page
    for path in ("trainen/groepsoverzicht.html", "hulpmiddelen/dossier.html"):
        assert (site / path).read_text().count(A["runtime"]) == 1


def test_no_built_file_loads_anything_from_another_host(site):
    pattern = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not pattern.search(html), page
    for asset in (site / "assets").rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", asset.read_text(encoding="utf-8")), asset


def test_runtime_manifest_lists_existing_files(site):
    manifest = json.loads((site / "assets" / "runtime" / "manifest.json").read_text())
    assert manifest["pyodide"] == "314.0.7"
    for name in manifest["files"]:
        assert (site / "assets" / "runtime" / name).is_file()


def test_every_runtime_file_is_served_by_a_name_with_its_content_hash(site):
    """A host may let browsers keep these files for good: a new build has new names."""
    runtime = site / "assets" / "runtime"
    served = json.loads((runtime / "manifest.json").read_text())["served"]
    assert "worker.js" in served and "bin/wasm-0.bin" in served
    on_disk = {p.relative_to(runtime).as_posix() for p in runtime.rglob("*") if p.is_file()}
    assert on_disk == set(served.values()) | {"manifest.json"}
    for plain, name in served.items():
        digest = hashlib.sha256((runtime / name).read_bytes()).hexdigest()[:12]
        assert name == build_runtime.hashed(plain, (runtime / name).read_bytes())
        assert name.endswith(f".{digest}." + plain.rsplit(".", 1)[1])


def test_the_runtime_over_http_is_the_runtime_of_the_data_scripts(site):
    """The chunks an http page fetches carry the same bytes as the data scripts of file://, one
    for one, and the integrity each page asks for is theirs."""
    runtime = site / "assets" / "runtime"
    manifest = json.loads((runtime / "manifest.json").read_text())
    fetch = manifest["bin"]
    assert sorted(fetch) == ["snapshot", "stdlib", "wasm", "wheel"]
    page = (site / "hulpmiddelen" / "analyse.html").read_text()
    for name, chunks in fetch.items():
        scripts = [file for file in manifest["served"] if re.fullmatch(rf"{name}-\d+\.js", file)]
        assert len(chunks) == len(scripts) > 0
        data = [(runtime / chunk["url"]).read_bytes() for chunk in chunks]
        assert b"".join(data) == build_runtime.read_data(name, runtime)
        for chunk, part in zip(chunks, data):
            assert chunk["integrity"] == "sha256-" + base64.b64encode(hashlib.sha256(part).digest()).decode()
            assert chunk["integrity"] in page


def test_the_workers_fetched_over_http_are_the_workers_of_the_data_script(site):
    """An http page fetches the two workers' source as plain files (it never parses them), the
    same source the data script worker.js holds as strings, each with the integrity it asks for."""
    runtime = site / "assets" / "runtime"
    manifest = json.loads((runtime / "manifest.json").read_text())
    script = (runtime / served("worker.js")).read_text()
    strings = [json.loads(part.split(" = ", 1)[1].rstrip(";")) for part in script.splitlines()]
    page = (site / "hulpmiddelen" / "analyse.html").read_text()
    for name, source in zip(("worker", "unpacker"), strings, strict=True):
        file = manifest["workers"][name]
        data = (runtime / file["url"]).read_bytes()
        assert data.decode() == source and file["url"] == served(f"bin/{name}.js")
        assert file["integrity"] == "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
        assert file["integrity"] in page


def test_the_offline_zip_stays_within_15_mb_and_leaves_out_what_offline_never_uses(site):
    if not DIST_ZIP.is_file():
        pytest.fail("dist/thuiswijzer-offline.zip ontbreekt: draai de tests met 'make test'")
    assert DIST_ZIP.stat().st_size <= 15_000_000
    with zipfile.ZipFile(DIST_ZIP) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.endswith(".map")]
    lunr = sorted(name.rsplit("/", 1)[1] for name in names if "/lunr/" in name)
    assert lunr == ["lunr.du.min.js", "lunr.multi.min.js", "lunr.nl.min.js",
                    "lunr.stemmer.support.min.js"]
    assert "index.html" in names and "hulpmiddelen/dossier.html" in names
    assert not [name for name in names if "/runtime/bin/" in name]  # a file:// page cannot fetch
