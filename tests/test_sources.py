"""Sources as data (aids/content/data/sources.toml): the loader refuses a bad entry with file,
line and reason; every page names its sources by key; a source is cited the same way in the text
of every page, and the sources page lists every source in full."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import generate_pages
from aids import catalogue
from aids.schema import DefinitionError
from paths import ROOT, SITE
from test_content import GUIDANCE, article

DOCS = ROOT / "docs"
CITATION = re.compile(r"\(([^()]*?, (?:\d{4}|z\.j\.))\)")


def flat(text: str) -> str:
    """Text as a reader sees it: single spaces, none before punctuation (tooltips and emphasis
    leave a space where their tags were)."""
    return re.sub(r"\s+([,.;:)])", r"\1", " ".join(text.split()))


def plain(html_text: str) -> str:
    """The words of built HTML without its tags (a tooltip inside a word stays one word)."""
    return flat(html.unescape(re.sub(r"<[^>]+>", "", html_text)))


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""


def test_short_forms_are_unique():
    seen: dict[str, str] = {}
    for source in catalogue.sources().values():
        if source.cite in seen:
            pytest.fail(f"{source.key} en {seen[source.cite]} delen '{source.cite}'")
        seen[source.cite] = source.key


def test_the_journal_articles_are_real_references():
    # The first edition cited "PubMed Central, z.j." and "Child Maltreatment, 2019" as if they
    # were publishers; an article now has authors, a journal, its issue and year.
    for key in ("dijkstra-2019", "farmer-2014", "font-2018", "thijssen-2017"):
        source = catalogue.sources()[key]
        assert source.authors and source.issue and source.year, key
    assert not [s for s in catalogue.sources().values() if "PubMed" in s.publisher]


def test_every_guidance_page_names_its_sources_by_key():
    pages = [p for p in DOCS.rglob("*.md")
             if p.relative_to(DOCS).as_posix() not in {"over/bronnen.md", "over/terminal.md"}
             and "aid:" not in front_matter(p)]
    assert len(pages) > 30
    for page in pages:
        assert re.search(r"^sources: \[[a-z0-9, -]+\]$", front_matter(page), re.M), page
        assert not re.search(r"^## Bronnen", page.read_text(encoding="utf-8"), re.M), page


def test_a_page_lists_its_sources_as_the_sources_page_does(site):
    page = (SITE / "tijdens" / "sociaal-netwerk.html").read_text(encoding="utf-8")
    listing = page.split('id="bronnen"', 1)[1]
    full = (SITE / "over" / "bronnen.html").read_text(encoding="utf-8")
    farmer = "Improving reunification practice: pathways home"
    dijkstra = "A randomized controlled trial on the effectiveness of family group conferencing"
    assert dijkstra in listing and dijkstra in full and farmer in full


def test_the_sources_page_lists_every_source(site):
    text = plain((SITE / "over" / "bronnen.html").read_text(encoding="utf-8"))
    for source in catalogue.sources().values():
        assert flat(source.title) in text, source.key


def test_an_unknown_key_fails_with_the_page_named():
    with pytest.raises(DefinitionError, match="voorbeeld.md: onbekende of geen bronnen"):
        generate_pages.source_list(["bestaat-niet"], "voorbeeld.md")


# The training cases are generated from aids/content/cases/ by the training module, which cites
# in its own way; every other guidance page is checked.
CITING = [p for p in GUIDANCE if not p.relative_to(SITE).as_posix().startswith("trainen/casussen/")]


@pytest.mark.parametrize("page", CITING, ids=lambda p: p.relative_to(SITE).as_posix())
def test_citations_in_the_text_use_the_short_form_of_a_listed_source(site, page):
    body = flat(article(page, body_only=True))
    listing = plain(page.read_text(encoding="utf-8").split('<h2 id="bronnen', 1)[1])
    listed = {s.cite for s in catalogue.sources().values() if flat(s.title) in listing}
    known = {s.cite for s in catalogue.sources().values()}
    for match in CITATION.finditer(body):
        for cite in (part.strip() for part in match.group(1).split(";")):
            assert cite in known, f"'{cite}' is geen korte vorm uit sources.toml"
            assert cite in listed, f"'{cite}' staat niet in de bronnen van deze pagina"


# Issue 21, point 8: each law source links to its article; Book 1 of the Civil Code not as a whole.
LAWS = [s for s in catalogue.sources().values()
        if s.kind == "wetten" and s.key.startswith(("bw-", "rv-", "jeugdwet"))]


def test_every_law_source_links_to_its_article():
    keys = {s.key for s in LAWS}
    assert {"bw-1-255", "bw-1-260", "bw-1-264", "rv-809", "rv-810a", "jeugdwet"} <= keys
    assert "bw-boek-1" not in catalogue.sources() and "rv" not in catalogue.sources()
    for source in LAWS:
        assert source.url.startswith("https://"), source.key
        assert "BWBR0002656/" not in source.url, "not the whole of Book 1"
    for source in LAWS:
        if source.key.startswith(("bw-1-", "rv-")) and source.key != "bw-1-afdeling-4":
            article = source.key.rsplit("-", 1)[1]
            assert article in source.cite and re.search(rf"art(ikel)?-?1?{article}", source.url), \
                source.key
