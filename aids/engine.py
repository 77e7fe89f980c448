"""Evaluate answers against an aid definition: which fields apply, what is wrong, what results.

Answers have one canonical shape, shared by the browser, JSON files and the terminal:
a text, date or choice question maps to a string (a date as yyyy-mm-dd), a multi question
to a list of option values, a question asked per member (``per``) to a mapping of option
value to text, and a repeated step to a list of entries (question id -> value), where an
empty entry {} keeps the place of an entry left blank.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from .definition import Aid, Question, Step, builder_module


class AnswersError(ValueError):
    """Answers that do not fit the aid at all (unknown keys, wrong types). Dutch message."""


@dataclass(frozen=True)
class FieldError:
    field: str  # form field name, e.g. "begin", "begin.ouder1" or "doelen.2.wat"
    message: str  # Dutch, for the professional


@dataclass(frozen=True)
class Item:
    label: str
    text: str
    pick: str = ""  # a value the user can tick to take along (e.g. an intervention id)


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...]
    intro: str = ""
    overview: bool = False  # printed in the one-page overview
    key: str = ""  # a stable name to find the section by (the group overview uses it)


@dataclass(frozen=True)
class Voice:
    """One version of the result: for professionals, or in plain words for parents."""

    title: str
    intro: str
    sections: tuple[Section, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    professional: Voice
    parents: Voice | None = None

    # The professional version is the result; these keep simple callers simple.
    @property
    def title(self) -> str:
        return self.professional.title

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.professional.sections

    @property
    def gaps(self) -> tuple[str, ...]:
        return self.professional.gaps


@dataclass
class Evaluation:
    aid: Aid = field(repr=False)
    answers: dict
    visible: tuple[str, ...]
    errors: tuple[FieldError, ...]

    @cached_property
    def result(self) -> Result:
        # Built only when asked for: a live update on each key press does not need it.
        return build_result(self.aid, self.answers, list(self.visible))


def item_name(step: Step, number: int) -> str:
    return step.item_label.replace("{n}", str(number))


def field_names(aid: Aid, question: Question, step: Step | None = None) -> list[str]:
    """All form field names a question can have, whether or not they apply now."""
    if step is not None and step.repeat:
        return [f"{step.id}.{n}.{question.id}" for n in range(1, step.repeat + 1)]
    if question.per:
        return [f"{question.id}.{o.value}" for o in aid.questions[question.per].options]
    return [question.id]


def step_fields(aid: Aid, step: Step) -> list[str]:
    return [name for q in step.questions for name in field_names(aid, q, step)]


# Shape ---------------------------------------------------------------------------------

def normalize(aid: Aid, answers: object) -> dict:
    """Check the shape of answers strictly; raise AnswersError on anything unknown."""
    if not isinstance(answers, dict):
        raise AnswersError("De antwoorden moeten een JSON-object zijn.")
    questions, repeats = aid.questions, aid.repeats
    clean: dict = {}
    for key, value in answers.items():
        if key in repeats:
            clean[key] = _check_entries(aid, repeats[key], value)
        elif key in questions:
            clean[key] = _check_value(aid, questions[key], value)
        else:
            raise AnswersError(f"Onbekende vraag '{key}' voor hulpmiddel '{aid.id}'.")
    return clean


def _check_entries(aid: Aid, step: Step, value: object) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise AnswersError(f"Het antwoord op '{step.id}' moet een lijst met objecten zijn.")
    if len(value) > step.repeat:
        raise AnswersError(f"Bij '{step.id}' passen hooguit {step.repeat} items.")
    known = {q.id: q for q in step.questions}
    entries = []
    for entry in value:
        for key in entry:
            if key not in known:
                raise AnswersError(f"Onbekende vraag '{key}' in '{step.id}'.")
        entries.append({k: _check_value(aid, known[k], v) for k, v in entry.items()})
    return entries


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
    if question.type == "number" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise AnswersError(f"Het antwoord op {label} moet tekst zijn.")
    if question.type == "choice" and value and value not in {o.value for o in question.options}:
        raise AnswersError(f"Onbekende keuze '{value}' bij {label}.")
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
                entry = {q.id: _from_field(q, fields.get(f"{step.id}.{n}.{q.id}", []))
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
                    text = "".join(fields.get(name, [])).strip("\n")
                    if text.strip():
                        per[name.split(".", 1)[1]] = text
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
        return [f"{day.day}-{day.month}-{day.year}"]
    return [str(value)]


def to_fields(aid: Aid, answers: dict) -> dict[str, list[str]]:
    """The inverse of from_fields: form field values for canonical answers."""
    fields: dict[str, list[str]] = {}
    for step in aid.steps:
        if step.repeat:
            for n, entry in enumerate(answers.get(step.id, []), start=1):
                known = {q.id: q for q in step.questions}
                for key, value in entry.items():
                    fields[f"{step.id}.{n}.{key}"] = _to_field(known[key], value)
            continue
        for question in step.questions:
            value = answers.get(question.id)
            if value is None:
                continue
            if question.per:
                for member, text in value.items():
                    fields[f"{question.id}.{member}"] = [text]
            else:
                fields[question.id] = _to_field(question, value)
    return fields


# Visibility ----------------------------------------------------------------------------

def _applies(question: Question, answers: dict) -> bool:
    condition = question.show_if
    if condition is None:
        return True
    value = answers.get(condition.question)
    if condition.equals is not None:
        return value == condition.equals
    return condition.includes in (value or [])


def visible_fields(aid: Aid, answers: dict) -> list[str]:
    """The form field names that apply to these answers. A repeated step shows its entries
    in use and one empty entry to add the next."""
    names = []
    for step in aid.steps:
        if step.repeat:
            shown = min(len(answers.get(step.id, [])) + 1, step.repeat)
            names.extend(f"{step.id}.{n}.{q.id}" for n in range(1, shown + 1)
                         for q in step.questions)
            continue
        for question in step.questions:
            if not _applies(question, answers):
                continue
            if question.per:
                chosen = answers.get(question.per) or []
                names.extend(f"{question.id}.{member}" for member in chosen)
            else:
                names.append(question.id)
    return names


# Dates ---------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DUTCH = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def parse_date(text: object) -> dt.date | None:
    """Parse yyyy-mm-dd (as stored) or d-m-yyyy (what people type)."""
    if not isinstance(text, str):
        return None
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
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# Errors --------------------------------------------------------------------------------

def _value_errors(aid: Aid, question: Question, name: str, value: object, answers: dict,
                  required: bool) -> list[FieldError]:
    """Errors of one field's value (format, length, date order, required)."""
    if value in (None, "", []):
        return [FieldError(name, _required(question))] if required else []
    if question.type in ("text", "textarea") and len(value) > question.max_length:
        return [FieldError(name, _too_long(question))]
    if question.type == "number" and not (
            isinstance(value, int) and question.minimum <= value <= question.maximum):
        return [FieldError(name, question.range_message or f"Vul een heel getal in van "
                                 f"{question.minimum} tot en met {question.maximum}.")]
    if question.type == "date":
        day = parse_date(value)
        if day is None:
            return [FieldError(name, "Vul een bestaande datum in als dag-maand-jaar, "
                                     "bijvoorbeeld 15-3-2027.")]
        if question.after:
            before = parse_date(answers.get(question.after))
            if before is not None and day < before:
                other = aid.questions[question.after]
                return [FieldError(name, f"Deze datum ligt vóór '{other.short}' "
                                         f"({format_date(before)}). Kies een latere datum of "
                                         "pas de eerdere datum aan.")]
    return []


def _errors(aid: Aid, answers: dict, visible: list[str], final: bool) -> list[FieldError]:
    errors: list[FieldError] = []
    shown = set(visible)
    for step in aid.steps:
        if step.repeat:
            for n, entry in enumerate(answers.get(step.id, []), start=1):
                for question in step.questions:
                    name = f"{step.id}.{n}.{question.id}"
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
                    text = (value or {}).get(name.split(".", 1)[1], "")
                    errors += _value_errors(aid, question, name, text, answers,
                                            final and question.required)
            elif names:
                errors += _value_errors(aid, question, question.id, value, answers,
                                        final and question.required)
    return errors


def _required(question: Question) -> str:
    return question.required_message or f"Beantwoord deze vraag: {question.label}"


def _too_long(question: Question) -> str:
    return f"Gebruik hier niet meer dan {question.max_length} tekens."


# Result --------------------------------------------------------------------------------

# Words that make a goal vague when nothing observable or countable is said with them.
_VAGUE = {"beter", "goed", "goede", "meer", "minder", "rustiger", "fijner", "prettiger",
          "normaal", "stabiel", "stabieler", "positief", "positiever", "verbeteren", "verbetering"}
_COUNTABLE = re.compile(r"\d|\b(keer|elke|iedere|per|dagelijks|wekelijks|maandelijks|nooit|"
                        r"altijd|zonder|uur|minuten|dagen|weken|maanden)\b", re.IGNORECASE)


def is_vague(text: str) -> bool:
    """A goal is vague when it is very short, or uses vague words without anything that can be
    seen or counted. A heuristic that prompts the professional; it decides nothing."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < 4:
        return True
    return bool(_VAGUE & set(words)) and not _COUNTABLE.search(text)


def _display(question: Question, value: object) -> str:
    if question.type == "multi":
        return "; ".join(question.option_label(v) for v in value)
    if question.type == "choice":
        return question.option_label(value)
    if question.type == "date":
        day = parse_date(value)
        return format_date(day) if day else value
    return value


def _question_items(aid: Aid, question: Question, answers: dict, shown: set[str],
                    parents: bool) -> list[Item]:
    label = (question.parent_label or question.short) if parents else question.short
    value = answers.get(question.id)
    if question.per:
        members = aid.questions[question.per]
        return [Item(f"{label} — {members.option_label(member)}", text)
                for member, text in (value or {}).items()
                if f"{question.id}.{member}" in shown and text.strip()]
    if question.id not in shown or value in (None, "", []):
        return []
    items = [Item(label, _display(question, value))]
    if not parents and question.type in ("choice", "multi"):
        chosen = value if isinstance(value, list) else [value]
        advice = [o.advice for o in question.options if o.value in chosen and o.advice]
        if advice:
            items.append(Item("Wat dit betekent voor de hulp", "\n".join(advice)))
    return items


def _entry_items(step: Step, answers: dict, parents: bool) -> list[Item]:
    items = []
    entries = [e for e in answers.get(step.id, []) if e]
    for number, entry in enumerate(entries, start=1):
        lines = []
        for question in step.questions:
            if question.id in entry and (question.in_parent or not parents):
                label = (question.parent_label or question.short) if parents else question.short
                lines.append(f"{label}: {_display(question, entry[question.id])}")
        items.append(Item(item_name(step, number), "\n".join(lines)))
    return items


def _items(aid: Aid, key: str, answers: dict, shown: set[str], parents: bool) -> list[Item]:
    if key in aid.repeats:
        return _entry_items(aid.repeats[key], answers, parents)
    question = aid.questions[key]
    if parents and not question.in_parent:
        return []
    return _question_items(aid, question, answers, shown, parents)


def _gaps(aid: Aid, answers: dict, shown: set[str], parents: bool) -> list[str]:
    gaps = []
    for gap in aid.gaps:
        if _is_empty(aid, gap.question, answers, shown):
            gaps.append((gap.parent_message or gap.message) if parents else gap.message)
    for step in aid.repeats.values():
        entries = [e for e in answers.get(step.id, []) if e]
        for number, entry in enumerate(entries, start=1):
            name = item_name(step, number)
            for question in step.questions:
                text = entry.get(question.id, "")
                if question.expected and not text:
                    gaps.append(f"Bij {name.lower()} staat nog niet: {question.short.lower()}.")
                elif question.concrete and text and is_vague(text):
                    gaps.append(f"{name} is nog niet concreet. Beschrijf wat je dan ziet of "
                                "hoort gebeuren, en hoe vaak.")
    return gaps


def _is_empty(aid: Aid, key: str, answers: dict, shown: set[str]) -> bool:
    if key in aid.repeats:
        return not any(answers.get(key, []))
    question = aid.questions[key]
    value = answers.get(question.id)
    if question.per:
        return not any(text.strip() for member, text in (value or {}).items()
                       if f"{question.id}.{member}" in shown)
    # A question that does not apply (show_if) leaves no gap.
    return question.id in shown and value in (None, "", [])


def _voice(aid: Aid, answers: dict, shown: set[str], parents: bool) -> Voice:
    sections = []
    if aid.sections:
        for spec in aid.sections:
            items = [item for key in spec.include
                     for item in _items(aid, key, answers, shown, parents)]
            heading = spec.parent_title if parents else spec.title
            if items:
                sections.append(Section(heading, tuple(items),
                                        spec.parent_intro if parents else "", spec.overview))
    else:
        for step in aid.steps:
            keys = [step.id] if step.repeat else [q.id for q in step.questions]
            items = [item for key in keys for item in _items(aid, key, answers, shown, parents)]
            if items:
                sections.append(Section(step.title, tuple(items)))
    title = aid.parent_title if parents else aid.result_title
    intro = aid.parent_intro if parents else aid.result_intro
    return Voice(title, intro, tuple(sections), tuple(_gaps(aid, answers, shown, parents)))


def build_result(aid: Aid, answers: dict, visible: list[str]) -> Result:
    """The result in the order of the sections (or steps), with the gaps pointed out; with a
    version for parents when the aid defines one. An aid with a builder gets its result from
    the module aids.<builder>."""
    if aid.builder:
        return builder_module(aid).result(aid, answers)
    shown = set(visible)
    parents = _voice(aid, answers, shown, True) if aid.has_parent_version else None
    return Result(_voice(aid, answers, shown, False), parents)


def evaluate(aid: Aid, answers: dict, final: bool = False, step: str | None = None) -> Evaluation:
    """Evaluate checked answers. `final` adds the errors for required fields left empty;
    `step` limits the errors to that step's fields (for the "Volgende" button)."""
    visible = visible_fields(aid, answers)
    errors = _errors(aid, answers, visible, final)
    if step is not None:
        own = set(step_fields(aid, next(s for s in aid.steps if s.id == step)))
        errors = [e for e in errors if e.field in own]
    return Evaluation(aid, answers, tuple(visible), tuple(errors))
