"""Where the tests find the project and what the build produced."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DIST_ZIP = ROOT / "dist" / "thuiswijzer-offline.zip"

for path in (ROOT, ROOT / "scripts"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


def served(plain: str, runtime: Path = ROOT / "build" / "runtime") -> str:
    """The name a runtime file is served by (with its content's hash, build_runtime.hashed), from
    the build's manifest: served("worker.js"), served("bin/wasm-0.bin")."""
    import json

    return json.loads((runtime / "manifest.json").read_text())["served"][plain]


def page_names() -> list[str]:
    """Every page the build writes (404 aside), known from the sources before anything is built:
    the pages in docs/ and the pages the build generates from the aids and the training cases."""
    import generate_pages
    import training_pages

    docs = ROOT / "docs"
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    sources += [*generate_pages.pages(), *training_pages.pages()]
    return sorted({name.removesuffix(".md") + ".html" for name in sources} - {"404.html"})
