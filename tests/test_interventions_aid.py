"""The intervention aid as an aid: its answers, its result through the generic renderers,
its vocabulary in --help, and the number question type it uses."""

from __future__ import annotations

import json

import pytest

import aids
from aids import catalogue, engine, family, render, web
from test_cli import run as cli
from aids.contract import ATTRIBUTES as A

AID = aids.load("interventies")


def test_result_ranks_fitting_help_lists_what_does_not_fit_and_offers_picks():
    out = aids.run("interventies", {"leeftijd": 4, "fase": "tijdens",
                                    "zorgen": ["gedrag_kind", "trauma_ouder", "contact"]})
    assert out["valid"] is True
    headings = [s["heading"] for s in out["result"]["sections"]]
    assert headings[:2] == ["De situatie", "Past mogelijk"] and "Past niet, en waarom" in headings
    fitting = out["result"]["sections"][1]["items"]
    assert fitting[0]["label"] == "1. Traumabehandeling voor ouders"
    pcit = next(i for i in fitting if "(PCIT)" in i["label"])
    assert "Let op: Ouders met eigen trauma hebben vaak minder aan opvoedprogramma's" in pcit["text"]
    excluded = next(s for s in out["result"]["sections"] if s["heading"] == "Past niet, en waarom")
    mst = next(i for i in excluded["items"] if i["label"].startswith("Multisysteemtherapie"))
    assert "dit kind is 4" in mst["text"]
    assert "geen kant-en-klaar antwoord" in out["result"]["intro"]


def test_fitting_options_can_be_ticked_and_carried_to_the_plan():
    evaluation = engine.evaluate(AID, {"fase": "voorkomen", "zorgen": ["crisis"]})
    picks = render.Picks(AID.pick, frozenset({"families-first"}))
    html = render.result_html(evaluation.result, picks=picks, carry=family.carry_target(AID))
    # A ticked box is an answer of the aid (its field), kept in the family file.
    assert ('<input type="checkbox" id="tw-meenemen-families-first" name="meenemen" '
            f'value="families-first" checked {A["pick"]}>') in html
    assert f'{A["carry"]}="analyse" {A["carryStep"]}="hulp"' in html
    plan = aids.load("analyse")
    # Every option the intervention aid can offer is a choice in the plan.
    assert {o.value for o in plan.questions["hulp_keuze"].options} == {
        i.id for i in catalogue.interventions()}


@pytest.mark.parametrize(("value", "ok"), [("4", True), ("0", True), ("23", True), ("24", False),
                                           ("-1", False), ("vier", False), ("4.5", False),
                                           ("٤", False)])
def test_age_must_be_a_whole_number_from_0_to_23(value, ok):
    answers = engine.from_fields(AID, {"leeftijd": [value], "fase": ["tijdens"],
                                       "zorgen": ["contact"]})
    errors = engine.evaluate(AID, answers, final=True).errors
    assert (errors == ()) is ok
    if not ok:
        assert errors[0].message == "Vul een heel getal in van 0 tot en met 23."


def test_missing_phase_and_concerns_are_named():
    out = aids.run("interventies", {})
    assert [e["message"] for e in out["errors"]] == ["Kies de fase waarin het gezin zit.",
                                                    "Kies minstens één zorg."]


def test_help_documents_the_vocabulary():
    out = cli("interventies", "--help")
    assert out.returncode == 0
    for key, label in catalogue.vocabulary().concerns.items():
        assert f"{key}: {label}" in out.stdout


def test_unknown_concern_is_refused_by_the_terminal():
    out = cli("interventies", stdin=json.dumps({"fase": "tijdens", "zorgen": ["onbekend"]}))
    assert out.returncode == 2 and "Onbekende keuze 'onbekend'" in out.stderr


def test_web_bridge_renders_the_result_for_the_page():
    response = json.loads(web.handle(json.dumps({
        "op": "evaluate", "aid": "interventies", "want": ["result", "exports"],
        "fields": {"leeftijd": ["15"], "fase": ["voorkomen"], "zorgen": ["gedrag_kind", "meervoudig"]}})))
    assert response["ok"] and "Multisysteemtherapie (MST)" in response["result_html"]
    assert "Past mogelijk" in response["result_markdown"]
