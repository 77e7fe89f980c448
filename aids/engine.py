"""Evaluate answers against an aid definition: which fields apply, what is wrong, what results.

Answers have one canonical shape, shared by the browser, JSON files and the terminal:
a text, date or choice question maps to a string (a date as yyyy-mm-dd), a multi question
to a list of option values, a question asked per member (``per``) to a mapping of option
value to text, and a repeated step to a list of entries (question id -> value), where an
empty entry {} keeps the place of an entry left blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import builders
from .dates import format_date, parse_date, weekday, wrong_weekday
from .definition import Aid, Question, Step
from .fields import field_name, field_names, parse_field, step_fields
from .names import looks_like_full_name
from .result import Result, build_result
from .texts import shorten, text


class AnswersError(ValueError):
    """Answers that do not fit the aid at all (unknown keys, wrong types). Dutch message."""


@dataclass(frozen=True)
class FieldError:
    field: str  # form field name, e.g. "begin", "begin.ouder1" or "doelen.2.wat"
    message: str  # Dutch, for the professional


@dataclass
class Evaluation:
    aid: Aid = field(repr=False)
    answers: dict
    visible: tuple[str, ...]
    errors: tuple[FieldError, ...]

    @cached_property
    def result(self) -> Result:
        # Built only when asked for: a live update on each key press does not need it.
        return build_result(self.aid, self.answers, list(self.visible), builders.of(self.aid))


# Shape ---------------------------------------------------------------------------------

def normalize(aid: Aid, answers: object) -> dict:
    """Check the shape of answers strictly; raise AnswersError on anything unknown."""
    if not isinstance(answers, dict):
        raise AnswersError(text("answers.not_object"))
    questions, repeats = aid.questions, aid.repeats
    clean: dict = {}
    for key, value in answers.items():
        if key in repeats:
            clean[key] = _check_entries(aid, repeats[key], value)
        elif key in questions:
            clean[key] = _check_value(aid, questions[key], value)
        else:
            raise AnswersError(text("answers.unknown_question", key=shorten(key), aid=aid.id))
    return clean


def _check_entries(aid: Aid, step: Step, value: object) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise AnswersError(text("answers.entries_list", key=step.id))
    if len(value) > step.repeat:
        raise AnswersError(text("answers.entries_many", key=step.id, count=step.repeat))
    known = {q.id: q for q in step.questions}
    entries = []
    for entry in value:
        for key in entry:
            if key not in known:
                raise AnswersError(text("answers.unknown_in_entry", key=shorten(key), step=step.id))
        entries.append({k: _check_value(aid, known[k], v) for k, v in entry.items()})
    return entries


def _check_value(aid: Aid, question: Question, value: object) -> object:
    key = question.id
    if question.per:
        allowed = {o.value for o in aid.questions[question.per].options}
        if not isinstance(value, dict):
            raise AnswersError(text("answers.per_object", key=key))
        for member, typed in value.items():
            if member not in allowed:
                raise AnswersError(text("answers.unknown_member", key=key, member=shorten(member)))
            if not isinstance(typed, str):
                raise AnswersError(text("answers.member_text", key=key, member=member))
        return dict(value)
    if question.type == "multi":
        allowed = {o.value for o in question.options}
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswersError(text("answers.list", key=key))
        for item in value:
            if item not in allowed:
                raise AnswersError(text("answers.unknown_choice", key=key, value=shorten(item)))
        return list(dict.fromkeys(value))
    if question.type == "number" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise AnswersError(text("answers.text", key=key))
    if question.type == "choice" and value and value not in {o.value for o in question.options}:
        raise AnswersError(text("answers.unknown_choice", key=key, value=shorten(value)))
    return value


def _from_field(question: Question, values: list[str]) -> object:
    """One question's canonical value from its submitted field values ("" when empty)."""
    if question.type == "multi":
        allowed = {o.value for o in question.options}
        return list(dict.fromkeys(v for v in values if v in allowed))
    value = "".join(values[:1])
    if question.type == "choice" and value not in {o.value for o in question.options}:
        return ""
    if question.type == "date" and (day := parse_date(value)):
        return day.isoformat()  # a date people typed is stored as yyyy-mm-dd
    if question.type == "number" and value.strip().isdigit() and value.strip().isascii():
        return int(value.strip())  # a whole number; anything else is kept to show an error
    if question.type in ("text", "textarea", "number") and not value.strip():
        return ""
    return value


def from_fields(aid: Aid, fields: dict[str, list[str]]) -> dict:
    """Turn submitted form fields (name -> values) into canonical answers. Empty is left out."""
    answers: dict = {}
    for step in aid.steps:
        if step.repeat:
            entries = []
            for n in range(1, step.repeat + 1):
                entry = {q.id: _from_field(q, fields.get(field_name(q.id, step=step.id, number=n),
                                                         []))
                         for q in step.questions}
                entries.append({k: v for k, v in entry.items() if v not in ("", [])})
            while entries and not entries[-1]:
                entries.pop()
            if entries:
                answers[step.id] = entries
            continue
        for question in step.questions:
            if question.per:
                per = {}
                for name in field_names(aid, question):
                    typed = "".join(fields.get(name, [])).strip("\n")
                    if typed.strip():
                        per[parse_field(name).member] = typed
                if per:
                    answers[question.id] = per
                continue
            value = _from_field(question, fields.get(question.id, []))
            if value not in ("", []):
                answers[question.id] = value
    return answers


def _to_field(question: Question, value: object) -> list[str]:
    if question.type == "multi":
        return list(value)
    if question.type == "date" and (day := parse_date(value)):
        return [format_date(day)]  # shown back as people read a date: "1 juni 2027"
    return [str(value)]


def to_fields(aid: Aid, answers: dict) -> dict[str, list[str]]:
    """The inverse of from_fields: form field values for canonical answers."""
    fields: dict[str, list[str]] = {}
    for step in aid.steps:
        if step.repeat:
            for n, entry in enumerate(answers.get(step.id, []), start=1):
                known = {q.id: q for q in step.questions}
                for key, value in entry.items():
                    fields[field_name(key, step=step.id, number=n)] = _to_field(known[key], value)
            continue
        for question in step.questions:
            value = answers.get(question.id)
            if value is None:
                continue
            if question.per:
                for member, typed in value.items():
                    fields[field_name(question.id, member=member)] = [typed]
            else:
                fields[question.id] = _to_field(question, value)
    return fields


# Visibility ----------------------------------------------------------------------------

def visible_fields(aid: Aid, answers: dict) -> list[str]:
    """The form field names that apply to these answers. A repeated step shows its entries
    in use and one empty entry to add the next."""
    names = []
    for step in aid.steps:
        if step.repeat:
            shown = min(len(answers.get(step.id, [])) + 1, step.repeat)
            asked = [q for q in step.questions if q.asked(answers)]
            names.extend(field_name(q.id, step=step.id, number=n) for n in range(1, shown + 1)
                         for q in asked)
            continue
        for question in step.questions:
            if not question.asked(answers):
                continue
            if question.per:
                chosen = answers.get(question.per) or []
                names.extend(field_name(question.id, member=member) for member in chosen)
            else:
                names.append(question.id)
    return names


# Errors --------------------------------------------------------------------------------

def _value_errors(aid: Aid, question: Question, name: str, value: object, answers: dict,
                  required: bool) -> list[FieldError]:
    """Errors of one field's value (format, length, date order, required)."""
    if value in (None, "", []):
        return [FieldError(name, _required(question))] if required else []
    if question.type in ("text", "textarea") and len(value) > question.max_length:
        return [FieldError(name, _too_long(question))]
    if question.no_full_name and looks_like_full_name(value):
        return [FieldError(name, text("errors.full_name"))]
    if question.type == "number" and not (
            isinstance(value, int) and question.minimum <= value <= question.maximum):
        return [FieldError(name, question.range_message or text(
            "errors.number", min=question.minimum, max=question.maximum))]
    if question.type == "date":
        day = parse_date(value)
        if day is None and (meant := wrong_weekday(value)):
            return [FieldError(name, text("errors.date_weekday", date=format_date(meant),
                                          weekday=weekday(meant)))]
        if day is None:
            return [FieldError(name, text("errors.date"))]
        if question.after:
            before = parse_date(answers.get(question.after))
            if before is not None and day < before:
                other = aid.questions[question.after]
                return [FieldError(name, text("errors.date_order", other=other.short,
                                              date=format_date(before)))]
    return []


def _errors(aid: Aid, answers: dict, visible: list[str], final: bool) -> list[FieldError]:
    errors: list[FieldError] = []
    shown = set(visible)
    for step in aid.steps:
        if step.repeat:
            for n, entry in enumerate(answers.get(step.id, []), start=1):
                for question in step.questions:
                    name = field_name(question.id, step=step.id, number=n)
                    if name in shown:
                        required = final and question.required and bool(entry)
                        errors += _value_errors(aid, question, name, entry.get(question.id),
                                                answers, required)
            continue
        for question in step.questions:
            names = [n for n in field_names(aid, question) if n in shown]
            value = answers.get(question.id)
            if question.per:
                for name in names:
                    typed = (value or {}).get(parse_field(name).member, "")
                    errors += _value_errors(aid, question, name, typed, answers,
                                            final and question.required)
            elif names:
                errors += _value_errors(aid, question, question.id, value, answers,
                                        final and question.required)
    return errors


def _required(question: Question) -> str:
    return question.required_message or text("errors.required", label=question.label)


def _too_long(question: Question) -> str:
    return text("errors.too_long", max=question.max_length)


def evaluate(aid: Aid, answers: dict, final: bool = False, step: str | None = None) -> Evaluation:
    """Evaluate checked answers. `final` adds the errors for required fields left empty;
    `step` limits the errors to that step's fields (for the "Volgende" button)."""
    visible = visible_fields(aid, answers)
    errors = _errors(aid, answers, visible, final)
    check = builders.of(aid).check
    if check:  # what only the builder can know, such as a moment's number
        errors += [FieldError(name, message) for name, message in check(aid, answers)]
    if step is not None:
        own = set(step_fields(aid, next(s for s in aid.steps if s.id == step)))
        errors = [e for e in errors if e.field in own]
    return Evaluation(aid, answers, tuple(visible), tuple(errors))
