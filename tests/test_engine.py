"""Evaluation of answers: visibility, validation in Dutch, the result, and escaping."""

from __future__ import annotations

import json
import re

import pytest

import aids
from aids import engine, render, web
from aids.engine import AnswersError
from aids.contract import ATTRIBUTES as A

AID = aids.load("analyse")


def evaluate(answers: dict, final: bool = True) -> engine.Evaluation:
    return engine.evaluate(AID, engine.normalize(AID, answers), final=final)


def test_per_member_fields_follow_the_chosen_members():
    visible = evaluate({"leden": ["ouder1", "kind2"]}).visible
    assert "problemen.ouder1" in visible and "problemen.kind2" in visible
    assert "problemen.ouder2" not in visible


def test_condition_shows_trauma_question_only_when_trauma_is_chosen():
    assert "trauma_gevolg" not in evaluate({"eigen_problemen": ["schulden"]}).visible
    assert "trauma_gevolg" in evaluate({"eigen_problemen": ["schulden", "trauma"]}).visible


def test_required_errors_only_when_final():
    assert evaluate({}, final=False).errors == ()
    errors = evaluate({}, final=True).errors
    assert [e.field for e in errors] == ["leden"]
    assert errors[0].message == "Kies minstens één persoon over wie het plan gaat."


def test_date_in_wrong_order_gives_dutch_error_on_the_later_field():
    errors = evaluate({"leden": ["ouder1"], "datum_gesprek": "2027-03-15",
                       "evaluatie": [{"datum": "1-3-2027"}]}).errors
    assert [e.field for e in errors] == ["evaluatie.1.datum"]
    assert "vóór 'Datum van het gesprek' (15 maart 2027)" in errors[0].message


@pytest.mark.parametrize("text", ["31-02-2027", "2027-13-01", "morgen"])
def test_impossible_or_unreadable_date_is_refused(text):
    errors = evaluate({"leden": ["ouder1"], "datum_gesprek": text}).errors
    assert [e.field for e in errors] == ["datum_gesprek"]
    assert errors[0].message.startswith("Vul een bestaande datum in")


@pytest.mark.parametrize("text", ["2028-02-29", "29-2-2028", "1-1-2027"])
def test_real_dates_are_accepted(text):
    assert evaluate({"leden": ["ouder1"], "datum_gesprek": text}).errors == ()


def test_too_long_text_is_reported_not_cut():
    long = "x" * 4001
    evaluation = evaluate({"leden": ["ouder1"], "begin": long})
    assert [e.field for e in evaluation.errors] == ["begin"]
    assert "4000 tekens" in evaluation.errors[0].message


def test_result_follows_the_plan_sections_and_names_gaps():
    result = evaluate({"leden": ["ouder1", "kind1"], "begin": "Na de verhuizing.",
                       "krachten": {"kind1": "Goed op school."}, "hulp_keuze": ["pcit"]}).result
    headings = [s.heading for s in result.sections]
    assert headings == ["Samenhangend beeld van de problemen", "Interventies en andere hulp"]
    labels = [(i.group, i.label) for i in result.sections[0].items]
    assert labels == [("", "Gezinsleden en betrokkenen"), ("Wat goed gaat", "Kind 1"),
                      ("", "Hoe het begon")]
    assert result.sections[1].items[0].text == "Parent-Child Interaction Therapy (PCIT)"
    assert "Je hebt nog niet beschreven hoe de problemen begonnen." not in result.gaps
    assert "Er is nog geen evaluatiemoment gepland." in result.gaps


def test_parent_version_uses_plain_headings_labels_and_leaves_out_professional_items():
    result = evaluate({"leden": ["ouder1"], "gedeeld": "deels", "eigen_problemen": ["trauma"],
                       "begin": "Na de verhuizing."}).result
    parents = result.parents
    assert parents.title == "Ons plan, in gewone woorden"
    assert parents.sections[0].heading == "Wat er speelt in jullie gezin"
    labels = [i.label for i in parents.sections[0].items]
    assert "Herkent het gezin zich erin?" not in labels
    assert "Wat dit betekent voor de hulp" not in labels
    assert "We hebben nog geen doelen afgesproken." in parents.gaps
    pro = [i.label for i in result.professional.sections[0].items]
    assert "Wat dit betekent voor de hulp" in pro and "Herkent het gezin zich erin?" in pro


def test_chosen_parent_problems_bring_their_advice():
    items = evaluate({"leden": ["ouder1"], "eigen_problemen": ["trauma", "schulden"]}).result.sections[0].items
    advice = next(i.text for i in items if i.label == "Wat dit betekent voor de hulp")
    assert "traumabehandeling voor de ouder eerst, of tegelijk" in advice
    assert "schuldhulpverlening" in advice


@pytest.mark.parametrize(("where", "asked"), [("thuis", False), ("dreigt", False),
                                              ("besluit", True), ("uit_huis", True)])
def test_contact_questions_apply_from_the_decision_to_place(where, asked):
    evaluation = evaluate({"leden": ["kind1"], "woonsituatie": where})
    assert ("omgang_frequentie" in evaluation.visible) is asked
    gap = ("Er is nog geen omgangsregeling. Stel die vast bij het besluit tot plaatsing: hoe vaak "
           "zien ouders en kind elkaar?")
    assert (gap in evaluation.result.gaps) is asked


def test_the_plan_asks_for_help_for_the_child_as_well_as_the_parents():
    gaps = evaluate({"leden": ["kind1"], "hulp_keuze": ["triple-p"]}).result.gaps
    assert any(g.startswith("Het plan noemt nog geen hulp voor het kind zelf") for g in gaps)
    helped = evaluate({"leden": ["kind1"], "hulp_kind": "Een vaste mentor op school."})
    assert not any("hulp voor het kind zelf" in g for g in helped.result.gaps)


def test_repeated_step_shows_one_empty_entry_after_those_in_use():
    visible = evaluate({"doelen": [{"wat": "x"}, {}, {"wie": "moeder"}]}).visible
    assert "doelen.4.wat" in visible and "doelen.5.wat" not in visible
    assert "doelen.1.wat" in evaluate({}).visible and "doelen.2.wat" not in evaluate({}).visible


def test_goals_are_checked_for_who_what_and_when():
    gaps = evaluate({"doelen": [{"wat": "Het gaat beter"},
                                {"wat": "Moeder brengt het kind elke ochtend naar school.",
                                 "wie": "moeder", "wanneer": "2027-06-01"}]}).result.gaps
    assert "Doel 1 is nog niet concreet. Beschrijf wat je dan ziet of hoort gebeuren, en hoe vaak." in gaps
    assert "Bij doel 1 staat nog niet: wie." in gaps
    assert "Bij doel 1 staat nog niet: wanneer." in gaps
    assert not [g for g in gaps if "doel 2" in g.lower()]


def test_entries_left_blank_in_the_middle_keep_their_place():
    answers = engine.from_fields(AID, {"doelen.1.wat": ["a"], "doelen.3.wat": ["c"]})
    assert answers["doelen"] == [{"wat": "a"}, {}, {"wat": "c"}]
    assert engine.to_fields(AID, answers) == {"doelen.1.wat": ["a"], "doelen.3.wat": ["c"]}


def test_answers_for_hidden_fields_are_kept_but_left_out_of_the_result():
    answers = {"leden": ["ouder1"], "problemen": {"kind3": "verborgen tekst"}}
    evaluation = evaluate(answers)
    assert evaluation.answers["problemen"] == {"kind3": "verborgen tekst"}
    assert "verborgen tekst" not in render.result_text(evaluation.result)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([], "JSON-object"),
        ({"naam": "x"}, "Onbekende vraag 'naam'"),
        ({"leden": ["oma"]}, "Onbekende keuze 'oma'"),
        ({"leden": "ouder1"}, "moet een lijst zijn"),
        ({"problemen": {"buurman": "x"}}, "Onbekende persoon 'buurman'"),
        ({"problemen": "x"}, "object per persoon"),
        ({"gedeeld": "misschien"}, "Onbekende keuze 'misschien'"),
        ({"begin": 3}, "moet tekst zijn"),
    ],
)
def test_answers_that_do_not_fit_are_refused_in_dutch(answers, message):
    with pytest.raises(AnswersError, match=re.escape(message)):
        engine.normalize(AID, answers)


def test_typed_dates_are_stored_as_iso_and_shown_as_typed_dutch():
    answers = engine.from_fields(AID, {"datum_gesprek": ["5-1-2027"], "evaluatie.1.datum": ["ooit"]})
    assert answers == {"datum_gesprek": "2027-01-05", "evaluatie": [{"datum": "ooit"}]}
    assert engine.to_fields(AID, answers)["datum_gesprek"] == ["5 januari 2027"]


def test_form_fields_round_trip_to_answers():
    answers = {"leden": ["ouder1", "kind1"], "problemen": {"kind1": "Boos.\nVerdrietig."},
               "gedeeld": "deels", "datum_gesprek": "2027-01-05"}
    assert engine.from_fields(AID, engine.to_fields(AID, answers)) == answers


@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_every_text_field_carries_the_maximum_of_its_definition(aid_id):
    aid = aids.load(aid_id)
    html = render.form_html(aid)
    for step in aid.steps:
        for question in step.questions:
            if question.type in ("choice", "multi"):
                continue
            for name in engine.field_names(aid, question, step):
                control = re.search(rf'<(?:input|textarea) [^>]*name="{re.escape(name)}"[^>]*>', html)
                assert f'maxlength="{question.max_length}"' in control.group(0), name


def test_static_form_has_every_field_and_the_contract_attributes():
    html = render.form_html(AID)
    assert html.startswith(f'<form class="aid" {A["aid"]}="analyse" {A["state"]}="loading"')
    for repeat in AID.repeats.values():
        for question in repeat.questions:
            for name in engine.field_names(AID, question, repeat):
                assert f'{A["field"]}="{name}"' in html
    assert A["output"] in html and 'aria-live="polite"' in html
    for question in AID.questions.values():
        for name in engine.field_names(AID, question):
            assert f'{A["field"]}="{name}"' in html
    assert "Stap 1 van 14</span> Wie horen bij het gezin?" in html
    assert "Stap 2 van 14</span> Veiligheid en wettelijk kader" in html
    assert "Stap 14 van 14</span> Controleer je antwoorden" in html
    assert f'{A["field"]}="doelen.5.wanneer"' in html
    # Every control has a label pointing at it.
    ids = re.findall(r'<(?:input|textarea) [^>]*id="([^"]+)"', html)
    for control in ids:
        assert f'for="{control}"' in html


def test_live_updates_render_only_visibility_errors_and_member_names():
    response = json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "analyse", "fields": {"leden": ["kind1"]}})))
    assert set(response) == {"ok", "visible", "errors", "errors_html", "members"}
    named = json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "analyse", "fields": {
        "leden": ["ouder1", "kind1"], "rol.ouder1": ["moeder"], "rol.kind1": [" "]}})))
    assert named["members"] == {"ouder1": "moeder"}  # a role left empty keeps the slot's words


def test_the_check_page_names_members_by_their_roles():
    aid = aids.load("analyse")
    answers = {"leden": ["ouder1", "kind1"], "rol": {"ouder1": "moeder", "kind1": "zoon, 9 jaar"},
               "problemen": {"ouder1": "Slaapt slecht."}}
    html = render.check_html(aid, engine.evaluate(aid, answers))
    assert "<dt>moeder</dt>" in html and "moeder, zoon, 9 jaar" in html
    assert "Ouder 1" not in html and "Kind 1" not in html


def test_the_form_marks_member_labels_for_the_roles():
    html = render.form_html(aids.load("analyse"))
    assert f'<label for="tw-analyse-leden-0" {A["memberLabel"]}="ouder1">Ouder 1</label>' in html
    assert f'{A["memberLabel"]}="ouder1">Ouder 1</label>' in html.split(f'{A["field"]}="rol.ouder1"')[1]


def test_web_bridge_never_raises_on_garbage():
    for request in ["", "{", "[]", '{"op": "evaluate", "aid": "bestaat-niet"}',
                    '{"op": "evaluate", "aid": "analyse", "fields": 3}']:
        response = json.loads(web.handle(request))
        assert response["ok"] is False
        assert "Je antwoorden staan nog in het formulier" in response["message"]


def test_a_date_on_another_day_of_the_week_is_named_and_every_date_field_takes_a_written_date():
    aid = aids.load("omgang")
    errors = engine.evaluate(aid, {"plaatsing_datum": "dinsdag 1 december 2027"}).errors
    assert [e.message for e in errors] == [
        "1 december 2027 valt op een woensdag. Kijk welke dag je bedoelt, en pas de dag of de "
        "datum aan."]
    for aid_id in aids.aid_ids():
        for question in aids.load(aid_id).questions.values():
            if question.type == "date":
                assert question.max_length >= len("woensdag 29 september 2027")


def test_the_check_page_counts_one_problem_as_one():
    aid = aids.load("nazorg")
    evaluation = engine.evaluate(aid, {"plaatsing_datum": "2027-04-01",
                                       "terugkeer_datum": "2027-03-01"}, final=True)
    assert len(evaluation.errors) == 1
    assert "Er is nog 1 probleem. Je ziet het bovenaan." in render.check_html(aid, evaluation)
