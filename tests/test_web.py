"""The browser bridge under stress: it never raises, refuses what is too big in Dutch, keeps
technical detail out of the message, and over-long answers get a Dutch error."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import aids
from aids import answers_file, family, render, web
from aids.answers_file import FileError
from aids.engine import field_names
from strategies import junk

AID = aids.load("analyse")


def ask(**request) -> dict:
    return json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "analyse", **request})))


def test_a_request_that_is_too_big_is_refused_in_dutch():
    huge = "x" * (web.MAX_REQUEST + 1)
    response = ask(fields={"begin": [huge]})
    assert response["ok"] is False
    assert response["message"].startswith("Er staat te veel tekst in het formulier")
    assert "request of" in response["detail"]


def test_an_error_inside_python_gives_dutch_text_and_the_detail_for_the_console(monkeypatch):
    def broken(result, **options):
        raise ZeroDivisionError("kapot")

    monkeypatch.setattr(render, "result_html", broken)
    response = ask(fields={"leden": ["kind1"]}, final=True, want=["result"])
    assert response == {"ok": False, "message": web.text("web.sorry"),
                        "detail": "ZeroDivisionError: kapot"}
    assert "Error" not in response["message"]


def test_a_request_of_an_unknown_kind_is_refused_in_dutch_not_evaluated():
    for kind in ("evalueer", "", 3, ["import"]):
        response = ask(op=kind, fields={"leden": ["kind1"]})
        assert response == {"ok": False, "message": web.text("web.sorry"),
                            "detail": f"unknown request kind: {kind}"}
    assert ask(op="evaluate", fields={"leden": ["kind1"]})["ok"] is True
    # A request that names no kind is not taken for an evaluation either.
    unnamed = json.loads(web.handle(json.dumps({"aid": "analyse", "fields": {"leden": ["kind1"]}})))
    assert unnamed == {"ok": False, "message": web.text("web.sorry"),
                       "detail": "unknown request kind: None"}


def test_an_over_long_answer_gets_a_dutch_error_per_field():
    long_fields = {}
    for question in AID.questions.values():
        if question.type in ("text", "textarea") and not question.per:
            long_fields[question.id] = ["x" * (question.max_length + 1)]
    response = ask(fields={"leden": ["kind1"], **long_fields}, final=True)
    assert response["ok"] is True
    messages = {e["field"]: e["message"] for e in response["errors"]}
    for name in long_fields:
        question = AID.questions[name]
        if name in response["visible"]:
            assert messages[name] == f"Gebruik hier niet meer dan {question.max_length} tekens."


def test_every_field_full_to_its_maximum_fits_in_one_request_and_response():
    """The limits allow the longest legitimate form: nothing a user can type is refused."""
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        fields = {}
        for step in aid.steps:
            for question in step.questions:
                for name in field_names(aid, question, step):
                    if question.type in ("text", "textarea"):
                        fields[name] = ["\"<é>\n" * (question.max_length // 5)]
        request = json.dumps({"op": "evaluate", "aid": aid_id, "fields": fields, "final": True,
                              "want": ["check", "result", "exports"]})
        assert len(request) < web.MAX_REQUEST
        response = json.loads(web.handle(request))
        assert response["ok"] is True, (aid_id, response)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({"format": st.just("thuiswijzer")},
                             optional={"aid": st.sampled_from(aids.aid_ids()) | junk(),
                                       "version": st.integers(-3, 5) | junk(),
                                       "answers": junk()}))
def test_any_file_is_opened_or_refused_in_dutch(envelope):
    try:
        answers_file.load_text(AID, json.dumps(envelope))
    except FileError as error:
        assert str(error) and "Error" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries(
    {"format": st.just(family.FORMAT)},
    optional={"version": st.integers(-1, 3) | junk(), "label": junk(),
              "aids": st.dictionaries(st.sampled_from(aids.aid_ids()) | st.text(max_size=5),
                                      st.fixed_dictionaries({}, optional={
                                          "version": st.integers(0, 4) | junk(),
                                          "answers": junk()}) | junk(), max_size=3) | junk()}))
def test_any_family_file_is_opened_or_refused_in_dutch(envelope):
    try:
        found, notes = family.load_text(json.dumps(envelope))
    except FileError as error:
        assert str(error) and "Error" not in str(error)
        return
    for aid_id in aids.aid_ids():
        family.answers_for(found, aids.load(aid_id))
