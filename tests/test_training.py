"""The case library and the trainer pages made at build time (scripts/training_pages.py): every
case is fictional data that opens in the aids it names, narratives are rendered without raw
HTML, the case files are what the aids' import takes, and the texts follow the writing rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import aids
from aids.texts import table as text_table
import training_pages
from aids import family, answers_file, catalogue, web
from aids.schema import DefinitionError
from paths import ROOT

CASES = catalogue.cases()
PAIRS = [(case, aid_id) for case in CASES for aid_id in case.answers]
TRAINER_DOCS = sorted((ROOT / "docs" / "trainen").rglob("*.md")) + [ROOT / "docs" / "over" /
                                                                      "download.md"]


def test_the_library_has_at_least_ten_cases_in_all_four_phases():
    assert len(CASES) >= 10
    assert {case.phase for case in CASES} == set(catalogue.vocabulary().phases)


def test_the_hard_situations_of_the_issue_are_covered():
    concerns = {c for case in CASES for c in case.concerns}
    assert {"trauma_ouder", "lvb", "verslaving", "schulden", "huiselijk_geweld",
            "permanent"} <= concerns
    ids = {case.id for case in CASES}
    # A baby in a foster family, a teenager in residential care, a stuck process, a fast
    # return that worked and one that failed.
    assert {"baby-pleeggezin", "tiener-groep", "vastgelopen", "snelle-terugkeer",
            "mislukte-terugkeer"} <= ids
    assert any("leefgroep" in case.narrative for case in CASES)
    assert any(case.answers.get("perspectief", {}).get("vastgelopen") == "niet_verder"
               for case in CASES)


@pytest.mark.parametrize(("case", "aid_id"), PAIRS, ids=lambda v: getattr(v, "id", v))
def test_each_case_is_complete_and_valid_in_the_terminal(case, aid_id, tmp_path):
    """The answers pass `python -m aids <aid>` with exit 0: complete, valid, no drift."""
    saved = training_pages.case_file(case)
    out = subprocess.run([sys.executable, "-m", "aids", aid_id], input=saved, text=True,
                         capture_output=True, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr + out.stdout
    assert json.loads(out.stdout)["valid"] is True


@pytest.mark.parametrize(("case", "aid_id"), PAIRS, ids=lambda v: getattr(v, "id", v))
def test_the_case_file_is_a_family_file_the_aid_imports(case, aid_id):
    aid = aids.load(aid_id)
    text = training_pages.case_file(case)
    found, notes = family.load_text(text)
    assert notes == [] and set(found.parts) == set(case.answers)
    own = {k: v for k, v in family.answers_for(found, aid).items() if k in case.answers[aid_id]}
    assert own == aids.normalize(aid, case.answers[aid_id])
    reply = json.loads(web.handle(json.dumps({"op": "import", "aid": aid_id, "text": text})))
    assert reply["ok"] and reply["fields"] and reply["family"] == text


def test_the_case_script_hands_every_file_to_the_page():
    case = next(c for c in CASES if len(c.answers) > 1)
    script = training_pages.case_script(case)
    prefix = f"(window.__twCases = window.__twCases || {{}})[{json.dumps(case.id)}] = "
    assert script.startswith(prefix) and script.endswith(";\n")
    file = json.loads(script[len(prefix):-2])
    assert set(json.loads(file)["aids"]) == set(case.answers)
    assert "</" not in script.replace("<\\/", "")  # nothing that could close a script element


def test_case_files_do_not_depend_on_the_clock():
    case = CASES[0]
    assert training_pages.case_file(case) == training_pages.case_file(case)
    assert json.loads(training_pages.case_file(case))["saved"] == "2026-11-23T00:00:00"


def test_a_case_that_drifts_from_the_aid_stops_the_build():
    case = CASES[0]
    aid_id = next(iter(case.answers))
    broken = catalogue.Case(**{**case.__dict__,
                               "answers": {aid_id: {**case.answers[aid_id], "oud": "x"}}})
    with pytest.raises(DefinitionError, match=f"antwoorden voor '{aid_id}'"):
        training_pages.check_case(broken)
    incomplete = catalogue.Case(**{**case.__dict__, "answers": {"nazorg": {"leden": ["ouder1"]}}})
    with pytest.raises(DefinitionError, match="hebben fouten"):
        training_pages.check_case(incomplete)


def test_a_malformed_case_file_names_file_and_reason(tmp_path, monkeypatch):
    source = (catalogue.CASES_DIR / f"{CASES[0].id}.toml").read_text(encoding="utf-8")
    (tmp_path / f"{CASES[0].id}.toml").write_text(
        source.replace(f'phase = "{CASES[0].phase}"', 'phase = "ergens"'), encoding="utf-8")
    monkeypatch.setattr(catalogue, "CASES_DIR", tmp_path)
    catalogue.cases.cache_clear()
    try:
        with pytest.raises(DefinitionError, match=r"\.toml:\d+: phase moet een van"):
            catalogue.cases()
    finally:
        catalogue.cases.cache_clear()


def test_narratives_are_rendered_with_raw_html_off():
    html = training_pages.render_markdown('Een **vet** woord <script>alert(1)</script> '
                                          '<img src=x onerror="y">')
    assert "<strong>vet</strong>" in html
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_case_pages_have_open_buttons_for_each_aid_and_sources():
    for case in CASES:
        page = training_pages.case_page(case)
        for aid_id in case.answers:
            assert f'href="../../hulpmiddelen/{aid_id}.html#casus={case.id}"' in page
        assert "## Bronnen {#bronnen}" in page and "beamer: true" in page


# Writing rules --------------------------------------------------------------------------

def _case_texts(case: catalogue.Case) -> list[str]:
    texts = [case.title, case.summary, case.narrative, *case.aims, *case.questions]

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(case.answers)
    return texts


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link counts as its words
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    text = re.sub(r"^\|.*\|$", "", text, flags=re.M)  # table rows are not sentences
    text = re.sub(r"<[^>]+>|`[^`]*`", " ", text)
    text = re.sub(r"[\"“”]", "", text)  # a quote ends where its sentence ends
    parts = re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n\s*(?:[-*]|\d+\.)\s", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def _long(texts: list[str]) -> list[str]:
    return [s for t in texts for s in _sentences(t) if len(re.findall(r"\w+", s)) > 25]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_sentences_have_at_most_25_words(case):
    assert _long(_case_texts(case)) == []


@pytest.mark.parametrize("page", TRAINER_DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_trainer_page_sentences_have_at_most_25_words(page):
    assert _long([page.read_text(encoding="utf-8")]) == []


def test_the_sentence_check_finds_a_long_sentence():
    long_one = " ".join(["woord"] * 26) + "."
    assert _long([f"Kort. {long_one}"]) == [long_one]


# Capitalised words that are not at the start of a sentence and are no names of people:
# organisations, methods, places and words of the aids.
NOT_NAMES = {"NJi", "WODC", "Universiteit", "Leiden", "Richtlijn", "Uithuisplaatsing", "Pleegzorg",
             "Jeugdbescherming", "Databank", "Effectieve", "Jeugdinterventies", "Families", "First",
             "Raad", "Kinderbescherming", "IVRK", "K2", "Beoordelingsboog", "Pleegkind",
             "Movisie", "Waar", "Veilig", "Thuis", "Zuidoost", "Utrecht", "Ik", "Samenwerken",
             "Snelle", "Samen"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cases_use_roles_never_names(case):
    """A name is a capitalised word inside a sentence; roles are written in lower case."""
    found = set()
    for text in _case_texts(case):
        for sentence in _sentences(text.replace("**", "")):
            words = re.findall(r"[\w'-]+", sentence)
            found |= {w for w in words[1:] if w[0].isupper() and w not in NOT_NAMES}
    assert found == set()
    roles = [t for a in case.answers.values() for t in a.get("rol", {}).values()]
    assert not [r for r in roles if re.search(r"\b[A-Z]\.", r)], "no initials either"


def test_the_names_check_finds_a_name():
    case = CASES[0]
    named = catalogue.Case(**{**case.__dict__, "narrative": "Gisteren belde Sanne de school."})
    with pytest.raises(AssertionError):
        test_cases_use_roles_never_names(named)


# The words of the training pages --------------------------------------------------------

def test_every_training_text_exists_and_overview_rows_name_real_keys():
    texts = catalogue.training()
    for row in texts.overview_rows:
        for dotted in row.answers:
            aid_id, key = dotted.split(".")
            aid = aids.load(aid_id)
            assert key in aid.questions or key in aid.repeats, dotted
        for dotted in row.sections:
            assert dotted.split(".")[0] in aids.aid_ids(), dotted
    source = Path(training_pages.__file__).read_text(encoding="utf-8")
    for table, key in re.findall(r'_t\("(\w+)", "(\w+)"', source):
        assert f"{table}.{key}" in text_table(), (table, key)
