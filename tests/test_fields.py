"""aids.fields: the form's field names, made and read by one pair of functions: a question
asked once ("begin"), per member ("problemen.ouder1") or in a repeated step ("doelen.2.wat")."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import aids
from aids.fields import FieldName, field_name, field_names, item_name, parse_field, step_fields
from strategies import field_ids, option_values

AID = aids.load("analyse")


@pytest.mark.parametrize(("name", "parts"), [
    ("begin", FieldName("begin")),
    ("problemen.ouder1", FieldName("problemen", member="ouder1")),
    ("rol.kind2", FieldName("rol", member="kind2")),
    ("doelen.2.wat", FieldName("wat", step="doelen", number=2)),
    ("evaluatie.12.datum", FieldName("datum", step="evaluatie", number=12)),
    # Not of any shape the form makes: read as a name of its own, never half understood.
    ("doelen.x.wat", FieldName("doelen.x.wat")),
    ("a.b.c.d", FieldName("a.b.c.d")),
    ("", FieldName("")),
])
def test_a_field_name_is_read_into_its_parts(name, parts):
    assert parse_field(name) == parts


def test_a_field_name_is_made_from_its_parts():
    assert field_name("begin") == "begin"
    assert field_name("problemen", member="ouder1") == "problemen.ouder1"
    assert field_name("wat", step="doelen", number=2) == "doelen.2.wat"


@given(field_ids, option_values, field_ids, st.integers(1, 99))
def test_every_name_made_reads_back_as_what_made_it(question, member, step, number):
    assert parse_field(field_name(question)) == FieldName(question)
    assert parse_field(field_name(question, member=member)) == FieldName(question, member=member)
    assert parse_field(field_name(question, step=step, number=number)) == FieldName(
        question, step=step, number=number)


def test_a_question_has_a_field_per_member_or_per_entry():
    assert field_names(AID, AID.questions["begin"]) == ["begin"]
    members = [o.value for o in AID.questions["leden"].options]
    assert field_names(AID, AID.questions["problemen"]) == [f"problemen.{m}" for m in members]
    goals = AID.repeats["doelen"]
    wat = next(q for q in goals.questions if q.id == "wat")
    assert field_names(AID, wat, goals) == [f"doelen.{n}.wat" for n in range(1, goals.repeat + 1)]
    assert item_name(goals, 2) == "Doel 2"


def test_a_steps_fields_are_its_questions_fields_in_order():
    (family,) = [step for step in AID.steps if step.id == "gezin"]
    assert step_fields(AID, family)[:3] == ["leden", "rol.ouder1", "rol.ouder2"]
    assert step_fields(AID, AID.repeats["doelen"])[:2] == ["doelen.1.wat", "doelen.2.wat"]


@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_every_field_of_every_aid_has_a_name_of_its_own_that_reads_back(aid_id):
    aid = aids.load(aid_id)
    names = [(step, name) for step in aid.steps for name in step_fields(aid, step)]
    assert len({name for _, name in names}) == len(names)
    for step, name in names:
        parts = parse_field(name)
        assert parts.question in {q.id for q in step.questions}, name
        assert (parts.step == step.id) is bool(step.repeat), name
