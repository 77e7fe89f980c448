"""Singular and plural alike in search (scripts/search_forms.py): the forms a word gets, the
fields of the index that hold them, and the search worker that leaves common words without a
wildcard. What the search then finds is tested in the browser (tests/browser/test_web_search.py)."""

from __future__ import annotations

import json

import pytest

import search_forms
from paths import SITE


@pytest.mark.parametrize(("word", "other"), [
    ("terugplaatsingen", "terugplaatsing"), ("terugplaatsing", "terugplaatsingen"),
    ("bezoeken", "bezoek"), ("bezoek", "bezoeken"),
    ("hulpverleningsplannen", "hulpverleningsplan"),
    ("hulpverleningsplan", "hulpverleningsplannen"),
    ("pleeggezinnen", "pleeggezin"), ("gezin", "gezinnen"),
    ("jaren", "jaar"), ("jaar", "jaren"),
    ("ouders", "ouder"), ("ouder", "ouders"),
    ("evaluaties", "evaluatie"), ("evaluatie", "evaluaties"),
    ("mogelijkheden", "mogelijkheid"), ("mogelijkheid", "mogelijkheden"),
    ("expertteams", "expertteam"), ("gezinshuizen", "gezinshuis"), ("gezinshuis", "gezinshuizen"),
    ("brieven", "brief"), ("brief", "brieven"), ("jongeren", "jongere"), ("jongere", "jongeren"),
])
def test_a_word_gets_its_singular_or_plural(word, other):
    assert other in search_forms.forms(word)
    assert word not in search_forms.forms(word)


def test_short_words_get_no_forms():
    assert search_forms.forms("als") == search_forms.forms("wat") == set()


def test_an_entry_gets_the_forms_it_does_not_hold_per_field():
    entry = {"location": "x.html", "title": "Bezoek", "text": "<p>Een bezoek en twee bezoeken.</p>",
             "tags": ["terugplaatsing"]}
    found = search_forms.entry_forms(entry)
    assert "bezoeken" not in found.get("title_forms", "").split()  # the entry has it already
    assert "terugplaatsingen" in found["tags_forms"].split()


@pytest.fixture(scope="module")
def index(site):
    return json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_built_index_holds_the_forms_below_the_words_themselves(site, index):
    fields = index["config"]["fields"]
    for field in search_forms.FIELDS:
        assert fields[f"{field}_forms"]["boost"] < fields[field]["boost"]
    entries = [e for e in index["docs"] if "terugplaatsing" in e["text"].lower()]
    assert entries and all("terugplaatsingen" in e.get("text_forms", "").split()
                           for e in entries if e.get("boost", 1) >= search_forms.LOW
                           and "terugplaatsingen" not in e["text"].lower())
    script = (SITE / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = ")) == index  # the same for file://


def test_the_search_worker_leaves_common_words_without_a_wildcard(site):
    (worker,) = (SITE / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    assert text.startswith("self.__twStop=new Set([") and '"voor"' in text.split(";", 1)[0]
    assert search_forms.NO_WILDCARD in text and search_forms.WILDCARD not in text


def test_a_worker_of_another_material_version_stops_the_build(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    (tmp_path / "assets" / "javascripts" / "lunr" / "min").mkdir(parents=True)
    workers.mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js").write_text(
        'generateStopWordFilter(" aan al".split(" "))', encoding="utf-8")
    (workers / "search.0.min.js").write_text("function ue(t){return t}", encoding="utf-8")
    with pytest.raises(ValueError, match="does not end words with a wildcard"):
        search_forms.patch_worker(tmp_path)
