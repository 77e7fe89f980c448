"""Saved answers files: written with the aid and its version, opened again to continue, older
versions migrated, and every kind of wrong file refused with a Dutch message."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings

import aids
from aids import answers_file, engine, web
from aids.answers_file import FileError
from strategies import answers as answers_for

AID = aids.load("analyse")
ANSWERS = {"leden": ["ouder1", "kind1"], "problemen": {"kind1": "Boos <b>en</b> verdrietig."},
           "doelen": [{"wat": "Elke ochtend op tijd op school.", "wanneer": "2027-06-01"}],
           "hulp_keuze": ["pcit", "wijkteam"]}


def test_dump_writes_the_envelope():
    text = answers_file.dump(AID, ANSWERS, dt.datetime(2027, 3, 1, 10, 30))
    data = json.loads(text)
    assert data == {"format": "thuiswijzer", "aid": "analyse", "version": AID.version,
                    "saved": "2027-03-01T10:30:00", "answers": ANSWERS}


@settings(max_examples=100, deadline=None)
@given(answers_for(AID))
def test_any_saved_answers_open_again_unchanged(answers):
    answers = engine.normalize(AID, answers)
    assert answers_file.load_text(AID, answers_file.dump(AID, answers)).answers == answers


def test_a_version_1_file_opens_with_its_answers_moved():
    old = {"format": "thuiswijzer", "aid": "analyse", "version": 1, "answers": {
        "leden": ["ouder1"], "begin": "Na de verhuizing.", "eerdere_hulp": "Praten hielp.",
        "datum_terugkijken": "2027-05-01"}}
    answers = answers_file.load_text(AID, json.dumps(old)).answers
    assert answers == {"leden": ["ouder1"], "begin": "Na de verhuizing.",
                       "eerder_werkte": "Praten hielp.", "evaluatie": [{"datum": "2027-05-01"}]}


@pytest.mark.parametrize(("text", "message"), [
    ("{kapot", "geen geldig JSON-bestand"),
    ("[1, 2]", "geen bestand van Thuiswijzer"),
    ('{"format": "iets anders"}', "geen bestand van Thuiswijzer"),
    ('{"format": "thuiswijzer", "aid": "onbekend", "version": 1, "answers": {}}',
     "hoort bij een ander hulpmiddel (onbekend)"),
    ('{"format": "thuiswijzer", "aid": "interventies", "version": 1, "answers": {}}',
     "hoort bij een ander hulpmiddel (Interventies en andere hulp kiezen)"),
    ('{"format": "thuiswijzer", "aid": "analyse", "version": 9, "answers": {}}',
     "nieuwere versie van dit hulpmiddel (versie 9)"),
    ('{"format": "thuiswijzer", "aid": "analyse", "version": "twee", "answers": {}}',
     "versie van dit bestand is onbekend"),
    ('{"format": "thuiswijzer", "aid": "analyse", "version": 2}', "ontbreken de antwoorden"),
    ('{"format": "thuiswijzer", "aid": "analyse", "version": 2, "answers": {"naam": "Jan"}}',
     "past niet bij dit hulpmiddel: Onbekende vraag 'naam'"),
    ("[" * 50 + "]" * 50, "te diep genest"),
    ('{"a": "' + "x" * 1_000_001 + '"}', "groter dan 1 MB"),
])
def test_wrong_files_are_refused_in_dutch(text, message):
    with pytest.raises(FileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        answers_file.load_text(AID, text)


@pytest.mark.parametrize(("text", "found"), [
    ('{"a": "' + "[" * 30 + "{" * 30 + '"}', None),  # brackets inside strings do not count
    ('{"a": "\\"' + "[" * 30 + '"}', None),
    ("[" * 20 + "]" * 20, None),
    ("[" * 21 + "]" * 21, "too_deep"),
    ("[" * 21 + "1, " + "]" * 21, "too_deep"),
    ("[[[[" * 40, None),  # not closed: not deep, not JSON either
    ("[" * 10 + "[]" * 10_000 + "]" * 10, None),
    ('{"version": ' + "9" * 21 + "}", "number_too_long"),
    ('{"version": ' + "9" * 20 + "}", None),
    ('{"v": "' + "9" * 5000 + '"}', None),  # a long number in a string is text
    ('{"v": -1.5e-300}', None),
    ("{" + ",".join(f'"{n}": 1' for n in range(10_001)) + "}", "too_many_items"),
    ("[" + ",".join("1" for _ in range(20_002)) + "]", "too_many_items"),
    ('"' + "é" * 500_001 + '"', "too_big"),
])
def test_the_limits_are_checked_on_the_text_before_it_is_parsed(text, found):
    assert answers_file.problem(text) == found


def test_a_hostile_file_is_refused_before_any_parsing(monkeypatch):
    # Refused by the cheap checks on the text alone: the JSON parser is never reached. (How long
    # that takes is measured by make bench, not asserted here.)
    def no_parsing(*args, **kwargs):
        raise AssertionError("the text was parsed before its limits were checked")

    hostile = ["[" * 400_000 + "]" * 400_000, '{"a": ' + "1" * 900_000 + "}",
               "{" + ",".join('"a":1' for _ in range(150_000)) + "}"]
    with monkeypatch.context() as patched:
        patched.setattr(answers_file.json, "loads", no_parsing)
        for text in hostile:
            with pytest.raises(FileError):
                answers_file.parse_json(text)
    # An unended string passes the text checks; the parser refuses it in one pass.
    with pytest.raises(FileError):
        answers_file.parse_json('"' + "\\" * 999_001)


def test_web_import_gives_form_fields_or_a_message():
    ok = json.loads(web.handle(json.dumps({"op": "import", "aid": "analyse",
                                           "text": answers_file.dump(AID, ANSWERS)})))
    assert ok == {"ok": True, "fields": engine.to_fields(AID, ANSWERS), "note": "", "family": "",
                  "brings": ["Je eigen antwoorden in dit hulpmiddel. Aantal beantwoorde vragen:"
                             f" {len(ANSWERS)}."],
                  "empty": False, "origins": {}, "open_step": "gezin"}
    refused = json.loads(web.handle(json.dumps({"op": "import", "aid": "analyse", "text": "{"})))
    assert refused["ok"] is False and "geen geldig JSON-bestand" in refused["message"]


def test_a_file_of_another_aid_gives_only_the_shared_family_description():
    nazorg = aids.load("nazorg")
    saved = answers_file.dump(nazorg, {"leden": ["ouder1", "kind1"], "rol": {"kind1": "zoon, 9"},
                                       "terugkeer_datum": "2027-01-31"})
    loaded = answers_file.load_text(AID, saved)
    assert loaded.answers == {"leden": ["ouder1", "kind1"], "rol": {"kind1": "zoon, 9"}}
    assert "Nazorgplan na terugkeer" in loaded.note and "beschrijving van het gezin" in loaded.note
    back = answers_file.load_text(nazorg, answers_file.dump(AID, ANSWERS))
    assert back.answers == {"leden": ["ouder1", "kind1"]}
