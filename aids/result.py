"""The result of an aid, built one way for every aid and in both voices.

A result is a list of sections. Each section holds, in this order: the answers it includes
(question ids and repeated steps), the items the aid's builder computes (dates, a ranking),
and the items of the rules in the aid's content whose conditions hold. The version for parents
uses the parents' labels, the roles the professional typed ("moeder") instead of slot names
("Ouder 1"), and only what has a text for parents: an instruction meant for the professional
has none, so it never reaches them.

A builder may also draw: figures(aid, values, facts) gives per section id a picture for each
voice (aids.figures), which the section carries and aids.render draws beside its items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import catalogue
from .dates import format_date, parse_date
from .definition import OPEN, Aid, Question, ResultSection, Rule, Step, Test, builder_module
from . import kader
from .fields import field_name, item_name
from .figures import Figure
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
    """One version of the result: for professionals, or in plain words for parents."""

    title: str
    intro: str
    sections: tuple[Section, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    professional: Voice
    parents: Voice | None = None
    about: tuple[Item, ...] = ()  # once per result: when reviewed, where from, how certain
    rules: tuple[str, ...] = ()  # the ids of the rules that hold for these answers, in order

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


# What a builder adds: per section id, (item for professionals, item for parents or None).
Extra = dict[str, list[tuple[Item, Item | None]]]
# What a builder draws: per section id, (figure for professionals, figure for parents or None).
Figures = dict[str, tuple[Figure, Figure | None]]


def build_result(aid: Aid, answers: dict, visible: list[str]) -> Result:
    """The result for answers that apply now (hidden answers are kept, not used)."""
    values = applying(aid, answers, set(visible))
    module = builder_module(aid)
    facts = kader.facts(values) if kader.ID in aid.parts else {}
    if hasattr(module, "facts"):
        facts.update(module.facts(aid, values))
    extra = module.items(aid, values, facts) if hasattr(module, "items") else {}
    figures = module.figures(aid, values, facts) if hasattr(module, "figures") else {}
    context = _Context(aid, values, facts, extra, set(visible), figures)
    parents = context.voice(True) if aid.has_parent_version else None
    return Result(context.voice(False), parents, about(aid),
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


def member_name(aid: Aid, answers: dict, member: str, parents: bool = False) -> str:
    """A member as typed by the professional ("moeder, M."), else the option's words."""
    typed = roles(aid, answers)
    if member in typed:
        return typed[member]
    question = aid.questions[aid.questions[aid.roles].per] if aid.roles else None
    return question.option_label(member, parents) if question else member


def display(question: Question, value: object, parents: bool = False) -> str:
    """An answer as a reader sees it: option labels, dates written out, typed text as typed."""
    if question.type == "multi":
        return "; ".join(question.option_label(v, parents) for v in value)
    if question.type == "choice":
        return question.option_label(value, parents)
    if question.type == "date":
        day = parse_date(value)
        return format_date(day) if day else value
    return str(value)


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
    """One evaluation's answers and facts, from which both voices are built."""

    def __init__(self, aid: Aid, values: dict, facts: dict, extra: Extra, shown: set[str],
                 figures: Figures) -> None:
        self.aid, self.values, self.facts, self.extra, self.shown = aid, values, facts, extra, shown
        self.figures = figures
        self.rules = [rule for rule in aid.rules if applies(rule, values, facts)]
        self._names: dict[bool, dict[str, str]] = {}

    # Names in texts ------------------------------------------------------------------

    def member(self, member: str, parents: bool) -> str:
        return member_name(self.aid, self.values, member, parents)

    def names(self, parents: bool) -> dict[str, str]:
        """What a rule text's {placeholders} stand for: facts and answers as displayed."""
        if parents not in self._names:
            names = {key: display(self.aid.questions[key], value, parents)
                     for key, value in self.values.items()
                     if key in self.aid.questions and not self.aid.questions[key].per}
            names.update({key: str(value) for key, value in self.facts.items()})
            self._names[parents] = names
        return self._names[parents]

    def fill(self, template: str, parents: bool) -> str:
        return fill(template, self.names(parents))

    # Items ---------------------------------------------------------------------------

    def answer_items(self, key: str, parents: bool) -> list[Item]:
        aid = self.aid
        if key in aid.repeats:
            return self.entry_items(aid.repeats[key], parents)
        question = aid.questions[key]
        if (parents and not question.in_parent) or key == aid.roles:
            return []  # the roles are named with the members themselves
        label = (question.parent_label or question.short) if parents else question.short
        value = self.values.get(key)
        if value is None:
            return []
        if question.per:
            return [Item(self.member(member, parents), typed, group=label)
                    for member, typed in value.items()]
        if aid.roles and key == aid.questions[aid.roles].per:
            return [Item(label, "; ".join(self.member(m, parents) for m in value))]
        items = [Item(label, display(question, value, parents))]
        if not parents and question.type in ("choice", "multi"):
            chosen = value if isinstance(value, list) else [value]
            advice = [o.advice for o in question.options if o.value in chosen and o.advice]
            if advice:
                items.append(Item(text("result.advice"), "\n".join(advice)))
        return items

    def entry_items(self, step: Step, parents: bool) -> list[Item]:
        """Each entry of a repeated step as a group ("Doel 1") of its answers."""
        items = []
        for number, entry in enumerate(self.values.get(step.id, []), start=1):
            for question in step.questions:
                if question.id in entry and (question.in_parent or not parents):
                    label = (question.parent_label or question.short) if parents else question.short
                    items.append(Item(label, display(question, entry[question.id], parents),
                                      group=item_name(step, number)))
        return items

    def rule_items(self, section: str, parents: bool) -> list[Item]:
        items = []
        for rule in self.rules:
            # No parent_text: for the professional only; no text: for the parents only.
            if rule.section != section or not (rule.parent_text if parents else rule.text):
                continue
            label = (rule.parent_label or rule.label) if parents else rule.label
            body = rule.parent_text if parents else rule.text
            items.append(Item(self.fill(label, parents), self.fill(body, parents),
                              rule=rule.id))
        return items

    def section_items(self, spec: ResultSection, parents: bool) -> list[Item]:
        items = [item for key in spec.include for item in self.answer_items(key, parents)]
        for pro, plain in self.extra.get(spec.id, []) if spec.id else []:
            if not parents:
                items.append(pro)
            elif plain is not None:
                items.append(plain)
        if spec.id:
            items += self.rule_items(spec.id, parents)
        return items

    # Voices --------------------------------------------------------------------------

    def specs(self) -> tuple[ResultSection, ...]:
        """The aid's sections, or one per step for an aid that names none."""
        if self.aid.sections:
            return self.aid.sections
        return tuple(ResultSection(step.title, (step.id,) if step.repeat else
                                   tuple(q.id for q in step.questions))
                     for step in self.aid.steps)

    def voice(self, parents: bool) -> Voice:
        specs = self.specs()
        built = {id(spec): self.section_items(spec, parents) for spec in specs}
        by_id = {spec.id: spec for spec in specs if spec.id}
        partner = {spec.id: spec.pair for spec in specs if spec.pair}
        partner.update({pair: own for own, pair in list(partner.items())})
        sections = []
        for spec in specs:
            items = built[id(spec)]
            other = by_id.get(partner.get(spec.id, "")) if spec.id else None
            if not items and other is not None and built[id(other)]:
                # Paired lists are shown together: an empty side says so, never a count.
                empty = (spec.parent_empty or spec.empty) if parents else spec.empty
                items = [Item(text("result.nothing_noted"), empty)]
            pro, plain = self.figures.get(spec.id, (None, None))
            figure = plain if parents else pro
            if not items and figure is None:
                continue
            heading = self.fill(spec.parent_title if parents else spec.title, parents)
            intro = self.fill(spec.parent_intro if parents else spec.intro, parents)
            sections.append(Section(heading, tuple(items), intro, spec.overview, spec.id,
                                    spec.pair, figure))
        title = self.aid.parent_title if parents else self.aid.result_title
        intro = self.aid.parent_intro if parents else self.aid.result_intro
        return Voice(title, intro, tuple(sections), tuple(self.gaps(parents)))

    def gaps(self, parents: bool) -> list[str]:
        aid = self.aid
        gaps = []
        for gap in aid.gaps:
            if self.is_empty(gap.question):
                message = gap.parent_message if parents else gap.message
                if message:
                    gaps.append(message)
        for step in aid.repeats.values():
            for number, entry in enumerate(self.values.get(step.id, []), start=1):
                name = item_name(step, number)
                for question in step.questions:
                    if not question.asked(self.values):
                        continue
                    typed = entry.get(question.id, "")
                    voice = "parents_" if parents else ""
                    if question.expected and not typed:
                        gaps.append(text(f"result.{voice}entry_missing", item=name.lower(),
                                         question=question.short.lower()))
                    elif question.concrete and typed and is_vague(typed):
                        gaps.append(text(f"result.{voice}entry_vague", item=name))
        gaps += [item.text for item in self.rule_items(OPEN, parents)]
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
