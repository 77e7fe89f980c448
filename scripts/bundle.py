"""Write dist/thuiswijzer-offline.zip from the built site, with index.html at its root.

Unzipped and opened with a double-click, the site works without a network or a server.
The zip is reproducible: sorted entries with a fixed timestamp.

    python scripts/bundle.py
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
OUT = ROOT / "dist" / "thuiswijzer-offline.zip"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
# Only needed by a web server, not by someone opening files from disk.
SKIP = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def bundle(site: Path = SITE, out: Path = OUT) -> Path:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}/index.html ontbreekt: bouw eerst de site (make site)")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site).as_posix()
            if name in SKIP:
                continue
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(out)
    return out


if __name__ == "__main__":
    path = bundle()
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    sys.exit(0)
