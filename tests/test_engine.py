"""Evaluation of answers: visibility, validation in Dutch, the result, and escaping."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings

import aids
from aids import engine, render, web
from aids.engine import AnswersError
from strategies import answers as answers_for, junk

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
    assert errors[0].message == "Kies minstens één gezinslid over wie de analyse gaat."


def test_date_in_wrong_order_gives_dutch_error_on_the_later_field():
    errors = evaluate({"leden": ["ouder1"], "datum_gesprek": "2027-03-15",
                       "datum_terugkijken": "1-3-2027"}).errors
    assert [e.field for e in errors] == ["datum_terugkijken"]
    assert "vóór 'Datum van het gesprek' (15 maart 2027)" in errors[0].message


@pytest.mark.parametrize("text", ["31-02-2027", "2027-13-01", "morgen", "15/3/2027"])
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


def test_result_lists_answers_in_step_order_and_names_gaps():
    result = evaluate({"leden": ["ouder1", "kind1"], "begin": "Na de verhuizing.",
                       "krachten": {"kind1": "Goed op school."}}).result
    headings = [s.heading for s in result.sections]
    assert headings == ["Wie doen er mee?", "Problemen en krachten", "Hoe zijn de problemen begonnen?"]
    assert result.sections[1].items[0].label == "Wat goed gaat — Kind 1"
    assert "Je hebt nog niet beschreven hoe de problemen begonnen." not in result.gaps
    assert "Er is nog geen moment gepland om samen terug te kijken." in result.gaps


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


PAYLOADS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "a & b < c"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_text_is_escaped_in_result_and_error_html(payload):
    evaluation = evaluate({"leden": ["ouder1"], "problemen": {"ouder1": payload},
                           "begin": payload, "datum_gesprek": payload})
    html = render.result_html(evaluation.result) + render.errors_html(AID, evaluation.errors)
    assert "<script" not in html and "<img" not in html
    assert "&lt;" in html
    # Plain text keeps what was typed, unchanged.
    assert payload in render.result_text(evaluation.result)


def test_typed_dates_are_stored_as_iso_and_shown_as_typed_dutch():
    answers = engine.from_fields(AID, {"datum_gesprek": ["5-1-2027"], "datum_terugkijken": ["ooit"]})
    assert answers == {"datum_gesprek": "2027-01-05", "datum_terugkijken": "ooit"}
    assert engine.to_fields(AID, answers)["datum_gesprek"] == ["5-1-2027"]


def test_form_fields_round_trip_to_answers():
    answers = {"leden": ["ouder1", "kind1"], "problemen": {"kind1": "Boos.\nVerdrietig."},
               "gedeeld": "deels", "datum_gesprek": "2027-01-05"}
    assert engine.from_fields(AID, engine.to_fields(AID, answers)) == answers


def test_static_form_has_every_field_and_the_contract_attributes():
    html = render.form_html(AID)
    assert html.startswith('<form class="aid" data-aid="analyse" data-state="loading"')
    assert "data-aid-output" in html and 'aria-live="polite"' in html
    for question in AID.questions.values():
        for name in engine.field_names(AID, question):
            assert f'data-field="{name}"' in html
    assert "Stap 1 van 7: Wie doen er mee?" in html
    # Every control has a label pointing at it.
    ids = re.findall(r'<(?:input|textarea) [^>]*id="([^"]+)"', html)
    for control in ids:
        assert f'for="{control}"' in html


@settings(max_examples=150, deadline=None)
@given(answers_for(AID), junk())
def test_any_answers_give_a_plan_or_clear_errors_never_a_crash(answers, extra):
    evaluation = engine.evaluate(AID, engine.normalize(AID, answers), final=True)
    assert all(e.message for e in evaluation.errors)
    render.result_html(evaluation.result)
    text = render.result_text(evaluation.result)
    assert text.startswith(AID.result_title)
    try:
        engine.normalize(AID, extra)
    except AnswersError as error:
        assert str(error)


@settings(max_examples=100, deadline=None)
@given(answers_for(AID))
def test_web_bridge_answers_any_form_state(answers):
    fields = engine.to_fields(AID, answers)
    response = json.loads(web.handle(json.dumps({"aid": "analyse", "fields": fields,
                                                 "final": True})))
    assert response["ok"] is True
    assert set(response) == {"ok", "visible", "errors", "errors_html", "result_html", "result_text"}


def test_web_bridge_never_raises_on_garbage():
    for request in ["", "{", "[]", '{"aid": "bestaat-niet"}', '{"aid": "analyse", "fields": 3}']:
        response = json.loads(web.handle(request))
        assert response["ok"] is False
        assert "Je antwoorden staan nog in het formulier" in response["message"]
