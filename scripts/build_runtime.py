"""Build the browser runtime of the aids into build/runtime/.

The page loads these as classic <script> files, which work over http and from file://:
- worker.js: the worker source (aid_worker.js + Pyodide's loader + its Emscripten module,
  rewritten from an ES module into a classic script), as one string;
- wasm-N.js, stdlib-N.js, wheel-N.js: the bytes the worker needs, in base64 chunks;
- manifest.json: the file list and the pinned versions.

    python scripts/build_runtime.py
"""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_wheel  # noqa: E402
import vendor  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "runtime"
# Characters of base64 per script file: small files keep each main-thread parse task short.
CHUNK = 1_000_000


def classic_module(source: str) -> str:
    """Turn pyodide.asm.mjs into a classic script that defines _createPyodideModule."""
    export = "export default _createPyodideModule"
    if source.count(export) != 1 or source.count("import.meta.url") != 3:
        raise SystemExit("pyodide.asm.mjs changed shape: check the rewrite in build_runtime.py")
    source = source.replace(export, "")
    return source.replace("import.meta.url", '"tw-runtime:/pyodide.asm.mjs"')


def worker_source(package: Path) -> str:
    lock = json.loads((package / "pyodide-lock.json").read_text())
    # A minimal lock: the worker loads no packages, only the aids wheel it is given.
    minimal = json.dumps({"info": lock["info"], "packages": {}})
    return "\n".join([
        f"var TW_LOCK = {json.dumps(minimal)};",
        (ROOT / "scripts" / "aid_worker.js").read_text(),
        (package / "pyodide.js").read_text(),
        classic_module((package / "pyodide.asm.mjs").read_text()),
    ])


def data_scripts(name: str, data: bytes) -> list[tuple[str, str]]:
    text = base64.b64encode(data).decode("ascii")
    parts = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    return [(f"{name}-{i}.js", f'__twRuntime("{name}",{i},{len(parts)},"{part}");\n')
            for i, part in enumerate(parts)]


def build() -> Path:
    package = vendor.package_dir("pyodide") / "package"
    wheel = build_wheel.build()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    # worker.js comes first: the loader starts the worker, then loads the data scripts, which
    # hand their chunks to it.
    files = [("worker.js", f"self.__twWorkerSource = {json.dumps(worker_source(package))};\n")]
    wasm = gzip.compress((package / "pyodide.asm.wasm").read_bytes(), compresslevel=9, mtime=0)
    files += data_scripts("wasm", wasm)
    files += data_scripts("stdlib", (package / "python_stdlib.zip").read_bytes())
    files += data_scripts("wheel", wheel.read_bytes())
    for name, text in files:
        (OUT / name).write_text(text, encoding="ascii")
    manifest = {
        "pyodide": vendor.PINNED["pyodide"][0],
        "wheel": wheel.name,
        "files": [name for name, _ in files],
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return OUT


if __name__ == "__main__":
    print(build())
