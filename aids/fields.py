"""Form field names, made and read by one pair of functions.

A question asked once is named by its id ("begin"); asked per member, "<question>.<member>"
("problemen.ouder1"); inside a repeated step, "<step>.<number>.<question>" ("doelen.2.wat").
"""

from __future__ import annotations

from dataclasses import dataclass

from .definition import Aid, Question, Step


@dataclass(frozen=True)
class FieldName:
    question: str
    member: str = ""  # for a question asked per member
    step: str = ""  # for a question in a repeated step
    number: int = 0  # the entry, from 1


def field_name(question: str, *, member: str = "", step: str = "", number: int = 0) -> str:
    if step:
        return f"{step}.{number}.{question}"
    return f"{question}.{member}" if member else question


def parse_field(name: str) -> FieldName:
    parts = name.split(".")
    if len(parts) == 3 and parts[1].isdigit():
        return FieldName(parts[2], step=parts[0], number=int(parts[1]))
    if len(parts) == 2:
        return FieldName(parts[0], member=parts[1])
    return FieldName(name)


def item_name(step: Step, number: int) -> str:
    return step.item_label.replace("{n}", str(number))


def field_names(aid: Aid, question: Question, step: Step | None = None) -> list[str]:
    """All form field names a question can have, whether or not they apply now."""
    if step is not None and step.repeat:
        return [field_name(question.id, step=step.id, number=n) for n in range(1, step.repeat + 1)]
    if question.per:
        return [field_name(question.id, member=o.value) for o in aid.questions[question.per].options]
    return [question.id]


def step_fields(aid: Aid, step: Step) -> list[str]:
    return [name for q in step.questions for name in field_names(aid, q, step)]
