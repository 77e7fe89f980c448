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
from aids import catalogue, definition, family, web
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
    # Issue 23: a voluntary placement where the foster parents object to a return, a young
    # person turning 18 in residential care, parents who refuse help, a toddler in contact with
    # a parent who used violence.
    by_id = {case.id: case for case in CASES}
    foster = by_id["pleegouders-bezwaar"]
    assert foster.safety["maatregel"] == "vrijwillig" and "perspectief.blokkaderecht" in foster.flags
    adult = by_id["bijna-achttien"]
    assert "achttien" in adult.concerns and "leefgroep" in adult.narrative
    assert "nazorg.einde_maatregel" in adult.flags
    refused = by_id["hulp-geweigerd"]
    assert "hulp_afgewezen" in refused.concerns
    toddler = by_id["peuter-vader-geweld"]
    assert toddler.safety["geweld_wie"] == ["ouder"] and toddler.answers["omgang"][
        "jongste_kind"] == "jonger_dan_4"
    assert "omgang.pleger_plek" in toddler.flags
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
    given = case.answers_for(aid_id)
    own = {k: v for k, v in family.answers_for(found, aid).items() if k in given}
    assert own == aids.normalize(aid, given)
    # The shared part on safety and the legal frame is kept once, for every aid.
    assert found.shared["kader"].answers == aids.normalize(aid, case.safety)
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


# What the trainer's note promises -----------------------------------------------------------

def _drawn(case: catalogue.Case) -> set[str]:
    """The rules with `watch` (dangers and contradictions) the case's answers draw in its aids."""
    drawn = set()
    for aid_id in case.answers:
        watched = {rule.id for rule in aids.load(aid_id).rules if rule.watch}
        result = aids.run(aid_id, case.answers_for(aid_id))
        assert result["valid"], (aid_id, result["errors"])
        drawn |= set(result["rules"]) & watched
    return drawn


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_case_draws_the_flags_its_trainer_note_promises_and_no_other(case):
    drawn = _drawn(case)
    assert sorted(set(case.flags) - drawn) == [], "promised by the note, not drawn"
    assert sorted(drawn - set(case.flags)) == [], "drawn, not in the note"


# Cases where nothing is wrong with the safety: they draw no remark on violence, a missing
# safety plan or the meldcode, and nothing the answers leave unknown.
SOUND = ["snelle-terugkeer", "tiener-groep", "pleegouders-bezwaar", "vastgelopen",
         "gedeeld-opvoederschap"]


@pytest.mark.parametrize("case_id", SOUND)
def test_the_sound_cases_draw_no_danger_remark(case_id):
    case = next(c for c in CASES if c.id == case_id)
    topics = {rule.id: rule.topic for aid_id in case.answers for rule in aids.load(aid_id).rules}
    assert [flag for flag in _drawn(case) if topics[flag] in ("geweld", "omgang", "open",
                                                              "tegenspraak")] == []


def test_every_case_holds_the_shared_safety_part():
    keys = set(definition.shared_part("kader").keys)
    for case in CASES:
        assert {"maatregel", "gezag", "gevaren", "veilig_thuis"} <= set(case.safety) <= keys, case.id
        assert case.note.strip(), case.id


def test_the_case_page_has_the_trainers_note_with_what_the_aids_flag():
    case = next(c for c in CASES if c.id == "pleegouders-bezwaar")
    page = training_pages.case_page(case)
    assert "## Voor de trainer {#trainer}" in page and case.note in page
    rule = next(r for r in aids.load("perspectief").rules if r.id == "perspectief.blokkaderecht")
    assert f"<li>{rule.watch} (Samen beslissen over terugkeer)</li>" in page
    quiet = training_pages.case_page(next(c for c in CASES if c.id == "tiener-groep"))
    assert "geen gevaar en geen tegenspraak" in quiet


def test_a_flag_the_aids_do_not_have_stops_the_build():
    case = CASES[0]
    broken = catalogue.Case(**{**case.__dict__, "flags": ("omgang.bestaat_niet",)})
    with pytest.raises(DefinitionError, match="trainer.flags"):
        training_pages.check_case(broken)


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
    incomplete = catalogue.Case(**{**case.__dict__, "answers": {"nazorg": {"leden": ["ouder1"]}},
                                   "flags": ()})
    with pytest.raises(DefinitionError, match="hebben fouten"):
        training_pages.check_case(incomplete)


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
    texts = [case.title, case.summary, case.narrative, *case.aims, *case.questions, case.note]

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
    walk(case.safety)
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
             "Snelle", "Samen", "CBS", "Juridische", "GGD", "West-Brabant", "Bemoeizorg", "Wat",
             "Kindermishandeling"}


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

def test_every_training_text_exists_and_the_overview_names_real_aids_and_sections():
    texts = catalogue.training()
    for dotted in texts.overview_results:
        aid_id, key = dotted.split(".")
        assert key in {section.id for section in aids.load(aid_id).sections}, dotted
    source = Path(training_pages.__file__).read_text(encoding="utf-8")
    for table, key in re.findall(r'_t\("(\w+)", "(\w+)"', source):
        assert f"{table}.{key}" in text_table(), (table, key)
