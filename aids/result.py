"""The result of an aid, built one way for every aid and for each of its readers.

A result is a list of sections. Each section holds, in this order: the answers it includes
(question ids and repeated steps), the items the aid's builder computes (dates, a ranking),
and the items of the rules in the aid's content whose conditions hold. The same evaluation gives
one version per reader (aids.definition.READERS): the professional's, the parents' and the young
person's. A family's version uses its own labels, the roles the professional typed ("moeder")
instead of slot names ("Ouder 1"), and only what has a text for that reader: an instruction
meant for the professional has none, so it never reaches them. For a child under 12 the young
person's version is the short one, to read aloud: only the sections marked for it.

A builder may also give pictures: figures(aid, values, facts) gives per section id the data of
a picture for each reader (a Timeline or a Balance), which the section carries; aids.render draws
it beside its items (aids.figures).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import catalogue
from .dates import format_date, parse_date
from .definition import (OPEN, PARENTS, PRO, YOUTH, Aid, Question, ResultSection, Rule, Step,
                         Test)
from . import kader, rechten
from .fields import field_name, item_name
from .names import looks_like_full_name
from .texts import fill, text


@dataclass(frozen=True)
class Item:
    label: str
    text: str
    pick: str = ""  # a value the user can tick to take along (e.g. an intervention id)
    link: str = ""  # a page about the item, relative to the aid's page
    # Items that belong together under one heading: the answers of one entry ("Doel 1"), or of
    # one question asked per member (the label then names the member).
    group: str = ""
    rule: str = ""  # the id of the rule that made this item ("omgang.pleger_begeleiding")


# What a picture shows, as data: aids.figures draws it, the builders only compute it.

@dataclass(frozen=True)
class Mark:
    """One moment on a timeline."""

    day: dt.date
    number: str  # as in the list beside the picture
    evaluation: bool = False
    moved: bool = False


@dataclass(frozen=True)
class Timeline:
    """Moments from a start date, one row per calendar month up to the last moment, so the
    rhythm of a plan can be seen at a glance."""

    caption: str
    summary: str  # what the picture shows, in words (the picture's text alternative)
    start: dt.date
    marks: tuple[Mark, ...]
    start_label: str  # words at the start ("terug thuis")
    legend: tuple[tuple[str, str], ...]  # (shape: "moment", "evaluation" or "moved", words)


@dataclass(frozen=True)
class Balance:
    """A two-sided balance per row and column, drawn as a seesaw with its words beside it.

    A cell's tilt is "left" (the left side weighs more), "right", "level", "unknown" or ""
    (not given). It is a picture of what was chosen, never a score."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (label, ((tilt, words), ...))
    sides: tuple[str, str]  # the words for the left and the right side of the balance


Figure = Timeline | Balance


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...]
    intro: str = ""
    overview: bool = False  # printed in the one-page overview
    id: str = ""
    pair: str = ""  # the id of the section shown beside this one
    figure: Figure | None = None  # a picture of what the section says (aids.figures)


@dataclass(frozen=True)
class Voice:
    """One version of the result: a document of its own for one reader."""

    reader: str  # PRO, PARENTS or YOUTH
    title: str
    intro: str
    sections: tuple[Section, ...]
    gaps: tuple[str, ...]
    label: str = ""  # the family's label ("gezin B."), on every version
    about: tuple[Item, ...] = ()  # what this version rests on, said last
    short: bool = False  # the young person's short version, for a child under 12


@dataclass(frozen=True)
class Result:
    voices: tuple[Voice, ...]  # the professional's first, then the family's
    rules: tuple[str, ...] = ()  # the ids of the rules that hold for these answers, in order

    def voice(self, reader: str) -> Voice | None:
        return next((v for v in self.voices if v.reader == reader), None)

    @property
    def professional(self) -> Voice:
        return self.voices[0]

    @property
    def parents(self) -> Voice | None:
        return self.voice(PARENTS)

    @property
    def youth(self) -> Voice | None:
        return self.voice(YOUTH)

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

    @property
    def about(self) -> tuple[Item, ...]:
        return self.professional.about


# What a builder adds: per section id, a list of entries, each the item per reader. A reader
# without an item in an entry does not see it.
Extra = dict[str, list[dict[str, Item]]]
# What a builder pictures: per section id, the figure's data per reader.
Figures = dict[str, dict[str, Figure]]


@dataclass(frozen=True)
class Event:
    """One all-day event of a calendar."""

    key: str  # its own name in the plan, the same whatever its date: with the family's id, its UID
    day: dt.date
    summary: str
    description: str


@dataclass(frozen=True)
class Calendar:
    """The events a builder offers as an .ics file (aids.ics writes it)."""

    name: str
    product: str  # PRODID: who made the file
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Builder:
    """What an aid's code computes beyond the rules in its content: each builder module declares
    one (BUILDER) and aids.builders names each aid's. A hook left out computes nothing. A builder
    computes data only; aids.render, aids.figures and aids.ics turn it into HTML, text, pictures
    and a calendar file."""

    facts: Callable[[Aid, dict], dict[str, object]] | None = None  # what the rules read
    items: Callable[[Aid, dict, dict], Extra] | None = None  # items per section id
    figures: Callable[[Aid, dict, dict], Figures] | None = None  # pictures' data per section id
    check: Callable[[Aid, dict], list[tuple[str, str]]] | None = None  # (field, message) errors
    calendar: Callable[[Aid, dict], Calendar] | None = None  # the events of an .ics file


def build_result(aid: Aid, answers: dict, visible: list[str], builder: Builder) -> Result:
    """The result for answers that apply now (hidden answers are kept, not used)."""
    values = applying(aid, answers, set(visible))
    facts = kader.facts(values) if kader.ID in aid.parts else {}
    if aid.rights:
        facts.update(rechten.facts(aid, values))
    if builder.facts:
        facts.update(builder.facts(aid, values))
    extra = builder.items(aid, values, facts) if builder.items else {}
    figures = builder.figures(aid, values, facts) if builder.figures else {}
    context = _Context(aid, values, facts, extra, set(visible), figures)
    return Result(tuple(context.voice(reader) for reader in aid.readers),
                  tuple(rule.id for rule in context.rules))


def about(aid: Aid) -> tuple[Item, ...]:
    """What IPDAS asks a decision aid to say: the date of its content, its sources and the
    uncertainty of its evidence."""
    sources = catalogue.sources()
    return (Item(text("result.about_reviewed"), format_date(aid.reviewed)),
            Item(text("result.about_sources"), "\n".join(sources[key].cite for key in aid.sources)),
            Item(text("result.about_certainty"), aid.evidence))


def applying(aid: Aid, answers: dict, shown: set[str]) -> dict:
    """The answers that apply to what is shown now; empty entries of a repeated step dropped."""
    values: dict = {}
    for key, value in answers.items():
        if key in aid.repeats:
            # An entry's answer to a question that is not asked now (show_if) is kept, not used.
            asked = {q.id for q in aid.repeats[key].questions if q.asked(answers)}
            entries = [kept for entry in value
                       if (kept := {k: v for k, v in entry.items() if k in asked})]
            if entries:
                values[key] = entries
        elif aid.questions[key].per:
            typed = {member: text for member, text in value.items()
                     if field_name(key, member=member) in shown and text.strip()}
            if typed:
                values[key] = typed
        elif key in shown and value not in ("", []):
            values[key] = value
    return values


def roles(aid: Aid, answers: dict) -> dict[str, str]:
    """The roles typed for the members ("moeder, M."), by member; only those filled in."""
    typed = answers.get(aid.roles, {}) if aid.roles else {}
    return {member: role.strip() for member, role in (typed if isinstance(typed, dict) else {})
            .items() if isinstance(role, str) and role.strip()}


def member_name(aid: Aid, answers: dict, member: str, reader: str = PRO) -> str:
    """A member as typed by the professional ("moeder, M."), else the option's words."""
    typed = roles(aid, answers)
    if member in typed:
        return typed[member]
    question = aid.questions[aid.questions[aid.roles].per] if aid.roles else None
    return question.option_label(member, reader) if question else member


def display(question: Question, value: object, reader: str = PRO) -> str:
    """An answer as a reader sees it: option labels, dates written out, typed text as typed. In
    a family's version each chosen option has a line of its own."""
    if question.type == "multi":
        shown = [v for v in value if reader == PRO or not _private(question, v)]
        return ("; " if reader == PRO else "\n").join(question.option_label(v, reader)
                                                     for v in shown)
    if question.type == "choice":
        return question.option_label(value, reader)
    if question.type == "date":
        day = parse_date(value)
        return format_date(day) if day else value
    return str(value)


def _private(question: Question, value: str) -> bool:
    return any(o.value == value and o.private for o in question.options)


def filled(value: object) -> bool:
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(isinstance(v, str) and v.strip() for v in value.values())
    if isinstance(value, (list, tuple)):
        return bool(value)
    return True


def holds(test: Test, values: dict, facts: dict) -> bool:
    value = facts.get(test.key) if test.key in facts else values.get(test.key)
    if test.filled is not None:
        return filled(value) == test.filled
    if isinstance(value, list):
        return any(v in test.values for v in value)
    return value in test.values


def applies(rule: Rule, values: dict, facts: dict) -> bool:
    return (all(holds(t, values, facts) for t in rule.when)
            and not any(holds(t, values, facts) for t in rule.unless))


class _Context:
    """One evaluation's answers and facts, from which every reader's version is built."""

    def __init__(self, aid: Aid, values: dict, facts: dict, extra: Extra, shown: set[str],
                 figures: Figures) -> None:
        self.aid, self.values, self.facts, self.extra, self.shown = aid, values, facts, extra, shown
        self.figures = figures
        holding = [rule for rule in aid.rules if applies(rule, values, facts)]
        # A rule that says the same thing better for this aid replaces the general one.
        replaced = {old for rule in holding for old in rule.replaces}
        self.rules = [rule for rule in holding if rule.id not in replaced]
        self._names: dict[str, dict[str, str]] = {}

    # Names in texts ------------------------------------------------------------------

    def member(self, member: str, reader: str) -> str:
        return member_name(self.aid, self.values, member, reader)

    def names(self, reader: str) -> dict[str, str]:
        """What a rule text's {placeholders} stand for: facts and answers as displayed."""
        if reader not in self._names:
            names = {key: display(self.aid.questions[key], value, reader)
                     for key, value in self.values.items()
                     if key in self.aid.questions and not self.aid.questions[key].per}
            names.update({key: str(value) for key, value in self.facts.items()})
            self._names[reader] = names
        return self._names[reader]

    def fill(self, template: str, reader: str) -> str:
        return fill(template, self.names(reader))

    def label(self) -> str:
        """The family's label, on every version; not one that looks like a full name."""
        label = self.values.get("label", "") if "label" in self.aid.questions else ""
        if not isinstance(label, str) or looks_like_full_name(label):
            return ""
        return " ".join(label.split())  # one line, as a label is typed

    # Items ---------------------------------------------------------------------------

    def answer(self, question: Question, value: object, reader: str) -> str:
        """An answer as this reader reads it: in the sentence written for them, if there is one."""
        shown = display(question, value, reader)
        template = question.text_for(reader)
        return fill(template, {**self.names(reader), question.id: shown}) if template else shown

    def answer_items(self, key: str, reader: str) -> list[Item]:
        aid = self.aid
        if key in aid.repeats:
            return self.entry_items(aid.repeats[key], reader)
        question = aid.questions[key]
        if not question.shown_to(reader) or key == aid.roles:
            return []  # the roles are named with the members themselves
        label = question.label_for(reader)
        value = self.values.get(key)
        if value is None:
            return []
        if question.per:
            return [Item(self.member(member, reader), typed, group=label)
                    for member, typed in value.items()]
        if aid.roles and key == aid.questions[aid.roles].per:
            return [Item(label, "; ".join(self.member(m, reader) for m in value))]
        if reader != PRO and any(o.about for o in question.options):
            # Each choice with what it is, in a family's words ("Schuldhulpverlening: ...").
            chosen = value if isinstance(value, list) else [value]
            return [Item(o.label_for(reader), o.about, group=label) for o in question.options
                    if o.value in chosen and not o.private]
        shown = self.answer(question, value, reader)
        if not shown:  # only options for the professional were chosen
            return []
        items = [Item(label, shown)]
        if reader == PRO and question.type in ("choice", "multi"):
            chosen = value if isinstance(value, list) else [value]
            advice = [o.advice for o in question.options if o.value in chosen and o.advice]
            if advice:
                items.append(Item(text("result.advice"), "\n".join(advice)))
        return items

    def entry_items(self, step: Step, reader: str) -> list[Item]:
        """Each entry of a repeated step as a group ("Doel 1") of its answers."""
        items = []
        for number, entry in enumerate(self.values.get(step.id, []), start=1):
            for question in step.questions:
                if question.id in entry and question.shown_to(reader):
                    items.append(Item(question.label_for(reader),
                                      self.answer(question, entry[question.id], reader),
                                      group=item_name(step, number)))
        return items

    def rule_items(self, section: str, reader: str) -> list[Item]:
        items = []
        for rule in self.rules:
            # A rule speaks to a reader only with a text for that reader.
            if rule.section != section or not rule.text_for(reader):
                continue
            items.append(Item(self.fill(rule.label_for(reader), reader),
                              self.fill(rule.text_for(reader), reader), rule=rule.id))
        return items

    def section_items(self, spec: ResultSection, reader: str) -> list[Item]:
        items = [item for key in spec.include for item in self.answer_items(key, reader)]
        for entry in self.extra.get(spec.id, []) if spec.id else []:
            if reader in entry:
                items.append(entry[reader])
        if spec.id:
            items += self.rule_items(spec.id, reader)
        return items

    # Voices --------------------------------------------------------------------------

    def specs(self) -> tuple[ResultSection, ...]:
        """The aid's sections, or one per step for an aid that names none."""
        if self.aid.sections:
            return self.aid.sections
        return tuple(ResultSection(step.title, (step.id,) if step.repeat else
                                   tuple(q.id for q in step.questions))
                     for step in self.aid.steps)

    def voice(self, reader: str) -> Voice:
        short = reader == YOUTH and rechten.short(self.aid, self.values)
        specs = [spec for spec in self.specs()
                 if spec.shown_to(reader) and (spec.youth_short or not short)]
        if reader == YOUTH:  # the plan in the young person's words comes first
            specs.sort(key=lambda spec: not spec.youth_first)
        built = {id(spec): self.section_items(spec, reader) for spec in specs}
        by_id = {spec.id: spec for spec in specs if spec.id}
        partner = {spec.id: spec.pair for spec in specs if spec.pair}
        partner.update({pair: own for own, pair in list(partner.items())})
        sections = []
        for spec in specs:
            items = built[id(spec)]
            other = by_id.get(partner.get(spec.id, "")) if spec.id else None
            if not items and other is not None and built[id(other)] and spec.empty_for(reader):
                # Paired lists are shown together: an empty side says so, never a count.
                items = [Item(text("result.nothing_noted"), spec.empty_for(reader))]
            figure = self.figures.get(spec.id, {}).get(reader)
            if not items and figure is None:
                continue
            sections.append(Section(self.fill(spec.title_for(reader), reader), tuple(items),
                                    self.fill(spec.intro_for(reader), reader), spec.overview,
                                    spec.id, spec.pair, figure))
        return Voice(reader, self.aid.title_for(reader), self.aid.intro_for(reader, short),
                     tuple(sections), tuple(self.gaps(reader)), self.label(),
                     self.about(reader), short)

    def about(self, reader: str) -> tuple[Item, ...]:
        if reader == PRO:
            return about(self.aid)
        if reader == PARENTS and self.aid.parent_about:
            return (Item("", self.aid.parent_about),)
        return ()

    def gaps(self, reader: str) -> list[str]:
        aid = self.aid
        gaps = []
        for gap in aid.gaps:
            if self.is_empty(gap.question) and gap.message_for(reader):
                gaps.append(gap.message_for(reader))
        for step in aid.repeats.values() if reader != YOUTH else ():
            for number, entry in enumerate(self.values.get(step.id, []), start=1):
                name = item_name(step, number)
                for question in step.questions:
                    if not question.asked(self.values):
                        continue
                    typed = entry.get(question.id, "")
                    voice = "parents_" if reader == PARENTS else ""
                    if question.expected and not typed:
                        gaps.append(text(f"result.{voice}entry_missing", item=name.lower(),
                                         question=question.short.lower()))
                    elif question.concrete and typed and is_vague(typed):
                        gaps.append(text(f"result.{voice}entry_vague", item=name))
        gaps += [item.text for item in self.rule_items(OPEN, reader)]
        return gaps

    def is_empty(self, key: str) -> bool:
        """An answer that applies now and is not given. A question that does not apply (show_if)
        leaves no gap."""
        if key in self.aid.repeats:
            return not self.values.get(key)
        question = self.aid.questions[key]
        if question.per:
            return not self.values.get(key)
        return key not in self.values and key in self.shown


def is_vague(typed: str) -> bool:
    """A goal is vague when it is very short, or uses vague words without anything that can be
    seen or counted (both word lists are content). A heuristic that prompts the professional;
    it decides nothing."""
    words = set(re.findall(r"\w+", typed.lower()))
    if len(re.findall(r"\w+", typed)) < 4:
        return True
    vague = set(text("concrete.vague").split())
    countable = set(text("concrete.countable").split())
    return bool(vague & words) and not (countable & words or re.search(r"\d", typed))
