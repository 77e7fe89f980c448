"""Evaluate answers against an aid definition: which fields apply, what is wrong, what results.

Answers have one canonical shape, shared by the browser, JSON files and the terminal:
a text, date or choice question maps to a string, a multi question to a list of option
values, and a question asked per member (``per``) to a mapping of option value to text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .definition import Aid, Question


class AnswersError(ValueError):
    """Answers that do not fit the aid at all (unknown keys, wrong types). Dutch message."""


@dataclass(frozen=True)
class FieldError:
    field: str  # form field name, e.g. "begin" or "begin.ouder1"
    message: str  # Dutch, for the professional


@dataclass(frozen=True)
class Item:
    label: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Result:
    title: str
    intro: str
    sections: tuple[Section, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Evaluation:
    visible: tuple[str, ...]
    errors: tuple[FieldError, ...]
    result: Result
    answers: dict = field(compare=False)


def field_names(aid: Aid, question: Question) -> list[str]:
    """All form field names a question can have, whether or not they apply now."""
    if question.per:
        return [f"{question.id}.{o.value}" for o in aid.questions[question.per].options]
    return [question.id]


def normalize(aid: Aid, answers: object) -> dict:
    """Check the shape of answers strictly; raise AnswersError on anything unknown."""
    if not isinstance(answers, dict):
        raise AnswersError("De antwoorden moeten een JSON-object zijn.")
    questions = aid.questions
    clean: dict = {}
    for key, value in answers.items():
        question = questions.get(key)
        if question is None:
            raise AnswersError(f"Onbekende vraag '{key}' voor hulpmiddel '{aid.id}'.")
        clean[key] = _check_value(aid, question, value)
    return clean


def _check_value(aid: Aid, question: Question, value: object) -> object:
    label = f"'{question.id}'"
    if question.per:
        allowed = {o.value for o in aid.questions[question.per].options}
        if not isinstance(value, dict):
            raise AnswersError(f"Het antwoord op {label} moet een object per persoon zijn.")
        for member, text in value.items():
            if member not in allowed:
                raise AnswersError(f"Onbekende persoon '{member}' bij {label}.")
            if not isinstance(text, str):
                raise AnswersError(f"Het antwoord op {label} voor '{member}' moet tekst zijn.")
        return dict(value)
    if question.type == "multi":
        allowed = {o.value for o in question.options}
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswersError(f"Het antwoord op {label} moet een lijst zijn.")
        for item in value:
            if item not in allowed:
                raise AnswersError(f"Onbekende keuze '{item}' bij {label}.")
        return list(dict.fromkeys(value))
    if not isinstance(value, str):
        raise AnswersError(f"Het antwoord op {label} moet tekst zijn.")
    if question.type == "choice" and value and value not in {o.value for o in question.options}:
        raise AnswersError(f"Onbekende keuze '{value}' bij {label}.")
    return value


def from_fields(aid: Aid, fields: dict[str, list[str]]) -> dict:
    """Turn submitted form fields (name -> values) into canonical answers. Empty is left out."""
    answers: dict = {}
    for question in aid.questions.values():
        if question.per:
            per = {}
            for name in field_names(aid, question):
                text = "".join(fields.get(name, [])).strip("\n")
                if text.strip():
                    per[name.split(".", 1)[1]] = text
            if per:
                answers[question.id] = per
        elif question.type == "multi":
            known = [v for v in fields.get(question.id, []) if v in
                     {o.value for o in question.options}]
            if known:
                answers[question.id] = list(dict.fromkeys(known))
        else:
            value = "".join(fields.get(question.id, [])[:1])
            if question.type == "choice" and value not in {o.value for o in question.options}:
                value = ""
            elif question.type == "date" and (day := parse_date(value)):
                value = day.isoformat()  # a date people typed is stored as yyyy-mm-dd
            if value.strip():
                answers[question.id] = value
    return answers


def to_fields(aid: Aid, answers: dict) -> dict[str, list[str]]:
    """The inverse of from_fields: form field values for canonical answers."""
    fields: dict[str, list[str]] = {}
    for question in aid.questions.values():
        value = answers.get(question.id)
        if value is None:
            continue
        if question.per:
            for member, text in value.items():
                fields[f"{question.id}.{member}"] = [text]
        elif question.type == "multi":
            fields[question.id] = list(value)
        elif question.type == "date" and (day := parse_date(value)):
            fields[question.id] = [f"{day.day}-{day.month}-{day.year}"]
        else:
            fields[question.id] = [value]
    return fields


def _applies(aid: Aid, question: Question, answers: dict) -> bool:
    condition = question.show_if
    if condition is None:
        return True
    value = answers.get(condition.question)
    if condition.equals is not None:
        return value == condition.equals
    return condition.includes in (value or [])


def visible_fields(aid: Aid, answers: dict) -> list[str]:
    """The form field names that apply to these answers."""
    names = []
    for question in aid.questions.values():
        if not _applies(aid, question, answers):
            continue
        if question.per:
            chosen = answers.get(question.per) or []
            names.extend(f"{question.id}.{member}" for member in chosen)
        else:
            names.append(question.id)
    return names


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DUTCH = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """Parse yyyy-mm-dd (what a date field sends) or d-m-yyyy (what people type)."""
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DUTCH.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(day: dt.date) -> str:
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _errors(aid: Aid, answers: dict, visible: list[str], final: bool) -> list[FieldError]:
    errors: list[FieldError] = []
    shown = set(visible)
    for question in aid.questions.values():
        names = [n for n in field_names(aid, question) if n in shown]
        if not names:
            continue
        value = answers.get(question.id)
        if question.per:
            for name in names:
                text = (value or {}).get(name.split(".", 1)[1], "")
                if len(text) > question.max_length:
                    errors.append(FieldError(name, _too_long(question)))
                elif final and question.required and not text.strip():
                    errors.append(FieldError(name, _required(question)))
            continue
        empty = value in (None, "", [])
        if empty:
            if final and question.required:
                errors.append(FieldError(question.id, _required(question)))
            continue
        if question.type in ("text", "textarea") and len(value) > question.max_length:
            errors.append(FieldError(question.id, _too_long(question)))
        elif question.type == "date":
            day = parse_date(value)
            if day is None:
                errors.append(FieldError(question.id, "Vul een bestaande datum in, bijvoorbeeld "
                                                      "15-3-2027."))
            elif question.after:
                before = parse_date(answers.get(question.after, "") or "")
                if before is not None and day < before:
                    other = aid.questions[question.after]
                    errors.append(FieldError(
                        question.id,
                        f"Deze datum ligt vóór '{other.summary_label or other.label}' ({format_date(before)}). "
                        "Kies een latere datum of pas de eerdere datum aan."))
    return errors


def _required(question: Question) -> str:
    return question.required_message or f"Beantwoord deze vraag: {question.label}"


def _too_long(question: Question) -> str:
    return f"Gebruik hier niet meer dan {question.max_length} tekens."


def _display(aid: Aid, question: Question, value: object) -> str:
    if question.type == "multi":
        return ", ".join(question.option_label(v) for v in value)
    if question.type == "choice":
        return question.option_label(value)
    if question.type == "date":
        day = parse_date(value)
        return format_date(day) if day else value
    return value


def build_result(aid: Aid, answers: dict, visible: list[str]) -> Result:
    """A summary in the order of the steps, with the gaps the definition names."""
    shown = set(visible)
    sections = []
    for step in aid.steps:
        items = []
        for question in step.questions:
            label = question.summary_label or question.label
            value = answers.get(question.id)
            if question.per:
                members = aid.questions[question.per]
                for member, text in (value or {}).items():
                    if f"{question.id}.{member}" in shown and text.strip():
                        items.append(Item(f"{label} — {members.option_label(member)}", text))
            elif question.id in shown and value not in (None, "", []):
                items.append(Item(label, _display(aid, question, value)))
        if items:
            sections.append(Section(step.title, tuple(items)))
    gaps = tuple(
        gap.message for gap in aid.gaps
        if _is_empty(aid, aid.questions[gap.question], answers, shown)
    )
    return Result(aid.result_title, aid.result_intro, tuple(sections), gaps)


def _is_empty(aid: Aid, question: Question, answers: dict, shown: set[str]) -> bool:
    value = answers.get(question.id)
    if question.per:
        return not any(text.strip() for member, text in (value or {}).items()
                       if f"{question.id}.{member}" in shown)
    return value in (None, "", [])


def evaluate(aid: Aid, answers: dict, final: bool = False) -> Evaluation:
    """Evaluate checked answers. `final` adds the errors for required fields left empty."""
    visible = visible_fields(aid, answers)
    errors = _errors(aid, answers, visible, final)
    return Evaluation(tuple(visible), tuple(errors), build_result(aid, answers, visible), answers)
