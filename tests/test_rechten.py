"""aids.rechten: the facts of the rights part every family's version ends with, from the young
person's age: under 12 the short version to read aloud, from 12 rights of their own, from 16
consent to voluntary help alone."""

from __future__ import annotations

import pytest

import aids
from aids import rechten

AID = aids.load("analyse")


@pytest.mark.parametrize(("age", "under_12", "from_12", "from_16"), [
    (0, True, False, False), (11, True, False, False), (12, False, True, False),
    (15, False, True, False), (16, False, True, True), (17, False, True, True),
])
def test_the_age_gives_the_flags_of_the_rights_part(age, under_12, from_12, from_16):
    assert rechten.facts(AID, {"leeftijd_kind": age}) == {
        "jonger_dan_12": under_12, "vanaf_12": from_12, "vanaf_16": from_16}
    assert rechten.short(AID, {"leeftijd_kind": age}) is under_12


@pytest.mark.parametrize("value", [None, "12", True, False, 12.0])
def test_an_age_not_given_as_a_whole_number_gives_no_flag(value):
    values = {} if value is None else {"leeftijd_kind": value}
    assert rechten.age(AID, values) is None
    assert not any(rechten.facts(AID, values).values())
    assert rechten.short(AID, values) is False


def test_the_age_is_read_from_the_question_the_aid_names_and_only_there():
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        if aid.youth_age:
            assert aid.questions[aid.youth_age].type == "number", aid_id
    unnamed = aids.load("interventies")
    assert unnamed.rights and not unnamed.youth_age
    assert rechten.age(unnamed, {"leeftijd_kind": 8}) is None
    assert rechten.age(AID, {"leeftijd_kind": 8, "leeftijd": 15}) == 8
