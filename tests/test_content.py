"""The knowledge base, checked on the built site: every seed recommendation is covered,
no seed sentence is copied, Dutch spelling, page length, sources and review dates, the
glossary and its tooltips."""

from __future__ import annotations

import html
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

import check_copy
from aids import catalogue
from paths import ROOT, SITE, page_names
from text_checks import doubled_words, long_sentences, unknown_words

DATA = ROOT / "tests" / "data"
# The source documents, as named in the committed fingerprints (the texts are not needed).
SEED_NAMES = sorted(set(check_copy.seed_runs().values()))
# Known from the sources, so the tests can be listed before the site is built; every test here
# reads the built site (the `site` fixture builds it once per run).
PAGES = [SITE / name for name in page_names()]
pytestmark = pytest.mark.usefixtures("site")
# Reference lists and landing pages are exempt from the 300–1200 word rule.
# Reference lists made from data: the glossary, the sources, the answer keys, the catalogue and
# what the aids watch for (every rule with `watch`).
LENGTH_EXEMPT = {"wet-en-begrippen/begrippenlijst.html", "over/bronnen.html", "over/terminal.html",
                 "interventies/index.html", "hulpmiddelen/waarschuwingen.html"}


def article(page: Path, body_only: bool = False, own: bool = False) -> str:
    """The main text of a built page as plain text (no navigation, scripts or forms).
    body_only stops at the sources section. own leaves out a worked example's result: that is
    the aid's output, checked by the aid's tests, not the page's prose."""
    source = page.read_text(encoding="utf-8")
    if own:
        source = re.sub(r'<div class="tw-example".*?(?=<h2 id="bronnen)', " ", source, flags=re.S)
    match = re.search(r"<article[^>]*>(.*)</article>", source, re.S)
    assert match, page
    # Code (answer keys shown in <pre>) is not prose: leave it out with scripts and forms.
    body = re.sub(r"<(script|style|form|pre)\b[^>]*>.*?</\1>", " ", match.group(1), flags=re.S)
    if body_only:
        body = re.split(r'<h2 id="bronnen', body)[0]
    # Block elements end a line: a list item or table cell is not part of the next sentence.
    body = re.sub(r"</?(p|li|td|th|tr|h[1-6]|dt|dd|br|div|table|ul|ol|summary)\b[^>]*>", "\n", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def body_words(page: Path) -> int:
    return len(re.findall(r"\w+", article(page, body_only=True, own=True)))


def test_site_has_all_sections():
    names = {p.relative_to(SITE).as_posix() for p in PAGES}
    for needed in ("voorkomen/verklarende-analyse.html", "tijdens/omgang-en-bezoek.html",
                   "terug-naar-huis/samen-voor-opvoedperspectief.html",
                   "nazorg/steun-na-terugkeer.html", "interventies/pcit.html",
                   "wet-en-begrippen/index.html", "cijfers/index.html", "uitleg/kinderen.html",
                   "over/privacy.html", "over/toegankelijkheid.html", "over/disclaimer.html",
                   "over/bronnen.html", "wet-en-begrippen/begrippenlijst.html"):
        assert needed in names
    # The list made from the sources is the list the build wrote: no page goes untested.
    built = {p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if p.name != "404.html"}
    assert built == names


# Coverage ------------------------------------------------------------------------------

COVERAGE = tomllib.loads((DATA / "coverage.toml").read_text(encoding="utf-8"))["recommendation"]


def test_every_seed_has_its_recommendations_mapped():
    per_seed = {name: 0 for name in SEED_NAMES}
    for entry in COVERAGE:
        assert set(entry) == {"seed", "summary", "page", "anchor"}, entry
        assert entry["seed"] in per_seed, entry["seed"]
        per_seed[entry["seed"]] += 1
    # Each seed's bullets, questions and recommendations have an entry of their own.
    assert per_seed == {name: count for name, count in per_seed.items() if count >= 5}, per_seed


@pytest.mark.parametrize("entry", COVERAGE, ids=lambda e: f"{e['page']}#{e['anchor']}")
def test_coverage_target_exists_in_the_built_site(entry):
    page = SITE / entry["page"].replace(".md", ".html")
    assert page.is_file(), f"{entry['page']} bestaat niet"
    assert f'id="{entry["anchor"]}"' in page.read_text(encoding="utf-8"), (
        f"kopje #{entry['anchor']} ontbreekt op {entry['page']}")


def test_coverage_summaries_are_our_own_words():
    seeds = check_copy.seed_runs()
    copied = [(e["summary"], check_copy.copied(e["summary"], seeds)) for e in COVERAGE]
    assert [c for c in copied if c[1]] == []


# Own words -----------------------------------------------------------------------------

def test_the_copy_check_finds_a_copied_sentence(tmp_path):
    source = tmp_path / "bron.txt"
    source.write_text("Een kind groeit het liefst op bij de eigen ouders, veilig en "
                      "met steun van het netwerk.", encoding="utf-8")
    prints = check_copy.seed_fingerprints(tmp_path)
    assert check_copy.copied("<p>Hier staat: een kind groeit het liefst op bij de eigen ouders, "
                             "veilig.</p>", prints) == [
        ("een kind groeit het liefst op bij de", "bron.txt"),
        ("groeit het liefst op bij de eigen ouders", "bron.txt"),
        ("het liefst op bij de eigen ouders veilig", "bron.txt"),
        ("kind groeit het liefst op bij de eigen", "bron.txt")]
    assert check_copy.copied("Een kind groeit op bij ouders die het liefst veilig zijn.",
                             prints) == []


def test_the_fingerprints_cover_every_source():
    prints = check_copy.seed_runs()
    assert len(SEED_NAMES) == 5 and len(prints) > 2000
    assert all(len(key) == 16 and int(key, 16) >= 0 for key in prints)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(SITE).as_posix())
def test_no_run_of_eight_seed_words_is_copied(page):
    assert check_copy.copied(article(page), SEED_RUNS) == []


SEED_RUNS = check_copy.seed_runs()


# Spelling ------------------------------------------------------------------------------

def test_dutch_spelling_of_every_page(tmp_path):
    # The reference lists hold titles in other languages, names and addresses: they come from
    # sources.toml, whose own Dutch (the notes) is checked below.
    assert unknown_words([article(page, body_only=True) for page in PAGES], tmp_path) == []


def test_dutch_spelling_of_the_notes_on_sources(tmp_path):
    notes = [source.note for source in catalogue.sources().values()]
    assert unknown_words(notes, tmp_path) == []


def test_hunspell_catches_a_misspelling(tmp_path):
    listing = tmp_path / "words.txt"
    listing.write_text("uithuisplaatsing\nuithuisplaatsnig\n", encoding="utf-8")
    out = subprocess.run(["hunspell", "-d", "nl_NL", "-l", str(listing)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["uithuisplaatsnig"]


# Pages ---------------------------------------------------------------------------------

# Aid pages hold a form, not guidance text; they are checked by the aid tests. So are the blank
# worksheets of the aids (forms for paper, tw-sheet-step).
# Both are known from the sources: an aid page names its aid in its front matter, and the
# worksheets are generated into trainen/werkbladen/.
FORMS = {name for name in page_names() if name.startswith("trainen/werkbladen/")
         and name != "trainen/werkbladen/index.html"}
FORMS |= {p.relative_to(ROOT / "docs").as_posix().removesuffix(".md") + ".html"
          for p in (ROOT / "docs").rglob("*.md")
          if re.search(r"^aid: ", p.read_text(encoding="utf-8").split("\n---\n", 1)[0], re.M)}
GUIDANCE = [p for p in PAGES if p.relative_to(SITE).as_posix() not in LENGTH_EXEMPT | FORMS]


def test_the_pages_left_out_as_forms_are_the_pages_that_hold_a_form():
    held = {p.relative_to(SITE).as_posix() for p in PAGES
            if re.search(r'class="(aid|tw-sheet-step)"', p.read_text(encoding="utf-8"))}
    assert held - LENGTH_EXEMPT == FORMS - LENGTH_EXEMPT


@pytest.mark.parametrize("page", GUIDANCE, ids=lambda p: p.relative_to(SITE).as_posix())
def test_page_length_sources_and_review_date(page):
    words = body_words(page)
    assert 300 <= words <= 1200, f"{words} woorden"
    source = page.read_text(encoding="utf-8")
    assert re.search(r'<h2 id="bronnen[^"]*"', source), "geen kopje Bronnen"
    assert "Laatst inhoudelijk bekeken:" in source


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(SITE).as_posix())
def test_sentences_are_short_and_nothing_is_doubled(page):
    text = article(page, own=True)
    assert long_sentences(text) == [] and doubled_words(text) == []


def titles_and_descriptions() -> list[str]:
    found = []
    for page in PAGES:
        source = page.read_text(encoding="utf-8")
        found += [html.unescape(m) for m in re.findall(r"<title>(.*?)</title>", source)]
        found += [html.unescape(m) for m in re.findall(r'<meta name="description" content="([^"]*)"',
                                                        source)]
    return found


def test_titles_and_descriptions_pass_the_same_checks(tmp_path):
    texts = titles_and_descriptions()
    assert len(texts) >= 2 * len(PAGES) - 5
    assert unknown_words(texts, tmp_path) == []
    assert [t for t in texts if check_copy.copied(t)] == []
    assert [s for t in texts for s in long_sentences(t)] == []


def test_no_names_from_the_seeds_appear():
    names = ["Els Mourits", "Suzanne Bakker", "Pia van den Boom"]
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert not [n for n in names if n in text], page


# Glossary ------------------------------------------------------------------------------

def test_glossary_has_at_least_forty_terms_all_on_its_page():
    terms = catalogue.glossary()
    assert len(terms) >= 40
    page = (SITE / "wet-en-begrippen" / "begrippenlijst.html").read_text(encoding="utf-8")
    for term in terms:
        assert html.escape(term.term, quote=False) in page, term.term


# Jargon ---------------------------------------------------------------------------------

# Parts of a name in a short citation, not abbreviations a reader must know.
NAME_PARTS = {"FI", "CASA", "GAL"}


def test_every_abbreviation_on_a_page_is_explained_in_the_glossary():
    terms = {term.term for term in catalogue.glossary()}
    missing = {}
    for page in PAGES:
        # Commands and file names in <code> are not prose.
        code = " ".join(re.findall(r"<code>(.*?)</code>", page.read_text(encoding="utf-8"), re.S))
        for word in re.findall(r"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)?\b", article(page, body_only=True)):
            if word in code:
                continue
            if word not in terms | NAME_PARTS:
                missing.setdefault(word, page.relative_to(SITE).as_posix())
    assert missing == {}


def test_the_jargon_the_review_found_is_explained_and_pilot_is_gone():
    terms = {term.term for term in catalogue.glossary()}
    assert {"SDM", "CEBC", "regie", "maatwerk", "cohortonderzoek", "proef"} <= terms
    assert not [p for p in PAGES if re.search(r"\bpilot", article(p), re.I)]


def test_terms_are_tooltips_where_they_occur():
    page = (SITE / "tijdens" / "omgang-en-bezoek.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">omgangsregeling</abbr>', page)
