"""The search index the build writes (Material's search_index.json): aid pages are found by their
purpose, not by the questions, options and answer keys of their form; the page for technical users
stays out of search; reference lists rank below guidance. The ranking itself is tested in the
browser (tests/browser/test_web_search.py)."""

from __future__ import annotations

import json

import pytest

import aids
from paths import SITE

INDEX = SITE / "search" / "search_index.json"


@pytest.fixture(scope="module")
def entries(site):
    return json.loads(INDEX.read_text(encoding="utf-8"))["docs"]


def page_text(entries, path: str) -> str:
    return " ".join(e["title"] + " " + e["text"] for e in entries if e["location"].startswith(path))


@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_an_aid_page_is_indexed_by_its_purpose_not_its_form(entries, aid_id):
    aid = aids.load(aid_id)
    text = page_text(entries, f"hulpmiddelen/{aid_id}.html")
    assert " ".join(aid.intro.split(".")[0].split()) in " ".join(text.split())
    labels = [q.label for step in aid.steps for q in step.questions]
    options = [o.label for step in aid.steps for q in step.questions for o in q.options]
    assert [label for label in labels + options if len(label) > 12 and label in text] == []
    keys = [q.id for step in aid.steps for q in step.questions if "_" in q.id]
    assert [key for key in keys if key in text] == []


def test_the_page_for_technical_users_is_not_in_search(entries):
    assert not [e for e in entries if e["location"].startswith("over/terminal.html")]
    assert (SITE / "over" / "terminal.html").is_file()


def test_reference_lists_and_aids_rank_below_guidance(site):
    assert json.loads(INDEX.read_text(encoding="utf-8"))["config"]["lang"] == ["nl"]
    boosts = {e["location"].split("#")[0]: e.get("boost", 1)
              for e in json.loads(INDEX.read_text(encoding="utf-8"))["docs"]}
    assert boosts["wet-en-begrippen/begrippenlijst.html"] < 1
    assert boosts["over/bronnen.html"] < 1
    assert boosts["hulpmiddelen/analyse.html"] < 1
    assert boosts["voorbeelden/nazorgplan.html"] < 1
    assert boosts["trainen/index.html"] < 1 and boosts["trainen/werkbladen/omgang.html"] < 1
    assert boosts["tijdens/omgang-en-bezoek.html"] == 1
