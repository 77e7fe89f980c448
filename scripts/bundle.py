"""Write dist/thuiswijzer-offline.zip from the built site, with index.html at its root, and
publish it in the site: a copy under download/ and its facts (size, date of the content,
SHA-256) on the download page.

Unzipped and opened with a double-click, the site works without a network or a server.
The zip is reproducible: sorted entries with a fixed timestamp. It cannot hold its own
checksum, so its copy of the download page says where the facts are instead.

    python scripts/bundle.py
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from aids import catalogue  # noqa: E402
from aids.contract import ATTRIBUTES as A  # noqa: E402
from aids.dates import format_date, parse_date  # noqa: E402

SITE = ROOT / "site"
OUT = ROOT / "dist" / "thuiswijzer-offline.zip"
DOWNLOADS = "download"  # the folder of the site that holds the zip
FACTS_PAGE = "over/download.html"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
# Only needed by a web server, not by someone opening files from disk.
SKIP = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
# Never used offline: source maps (for debugging the theme), the search's word splitters and
# stemmers for languages other than Dutch (the search runs with lang: nl), and the runtime's
# bytes for http.
_UNUSED = re.compile(r".*\.map|assets/javascripts/lunr/(wordcut|tinyseg)\.js|assets/runtime/bin/.*"
                     r"|assets/javascripts/lunr/min/lunr\.(?!nl\.|du\.|multi\.|stemmer\.)[a-z]+\.min\.js")
_FACT = re.compile(r'(<(dd|pre)[^>]* ' + A["fact"] + r'="(size|date|sha256)">)(.*?)(</\2>)', re.S)
_REVIEWED = re.compile(r"^reviewed: (\d{4}-\d{2}-\d{2})\s*$", re.M)


def with_facts(page: str, facts: dict[str, str]) -> str:
    """The download page with each fact filled in (escaped); the same result however often."""
    return _FACT.sub(lambda m: m.group(1) + html.escape(facts[m.group(3)]) + m.group(5), page)


def offline_page(page: str) -> str:
    """The download page as the zip holds it: no facts, a note where to find them."""
    note = catalogue.training()("download", "offline")
    return with_facts(page, {"size": note, "date": note, "sha256": note})


def bundle(site: Path = SITE, out: Path = OUT) -> Path:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}/index.html ontbreekt: bouw eerst de site (make site)")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site).as_posix()
            if name in SKIP or name.startswith(f"{DOWNLOADS}/") or _UNUSED.fullmatch(name):
                continue
            data = path.read_bytes()
            if name == FACTS_PAGE:
                data = offline_page(data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    tmp.replace(out)
    return out


def content_date(docs: Path = ROOT / "docs") -> str:
    """The latest date on which a page's content was reviewed, in Dutch."""
    import generate_pages
    import training_pages

    dates = [parse_date(m) for p in docs.rglob("*.md") for m in _REVIEWED.findall(p.read_text())]
    dates += [generate_pages.REVIEWED, training_pages.REVIEWED]
    return format_date(max(d for d in dates if d))


def facts(zip_path: Path) -> dict[str, str]:
    data = zip_path.read_bytes()
    megabytes = f"{len(data) / 1e6:.1f}".replace(".", ",")
    size = catalogue.training()("download", "size", megabytes=megabytes,
                                bytes=f"{len(data):,}".replace(",", "."))
    return {"size": size, "date": content_date(), "sha256": hashlib.sha256(data).hexdigest()}


def publish(zip_path: Path = OUT, site: Path = SITE) -> Path:
    """Put the zip in the site and its facts on the download page."""
    target = site / DOWNLOADS / zip_path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(zip_path, target)
    page = site / FACTS_PAGE
    page.write_text(with_facts(page.read_text(encoding="utf-8"), facts(zip_path)),
                    encoding="utf-8")
    return target


if __name__ == "__main__":
    path = bundle()
    publish(path)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB), ook in {SITE / DOWNLOADS}")
    sys.exit(0)
