"""Aid definitions: the one loader of `aids/content/<aid>.toml`, with a strict schema check.

A malformed definition raises DefinitionError naming the file, the line and the reason,
so a broken content file fails the build instead of shipping a broken aid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from . import catalogue
from .schema import CONTENT_DIR, Checker, DefinitionError, read_toml
from .texts import PLACEHOLDER, fill

AID_ID = re.compile(r"^[a-z][a-z0-9-]*$")
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_TYPES = ("text", "textarea", "choice", "multi", "date", "number")
# Default maximum lengths (characters) per question type.
# A date is typed as people write it, up to "woensdag 29 september 2027" and more.
MAX_LENGTH = {"text": 200, "textarea": 4000, "date": 40, "choice": 100, "multi": 100, "number": 3}
# Where `options_from` takes its options: the catalogue or a table of the shared vocabulary.
OPTION_SOURCES = ("interventions", "phases", "concerns")
# The aids, in the order a family goes through them: the route on every aid page, the case-file
# document and the group overview follow it, and the family file keeps a part for each. Each
# has its content file (content/<id>.toml; aid_ids() fails on a file not named here and on a
# name without a file) and its entry in aids.builders.BUILDERS (checked there).
AIDS = ("analyse", "interventies", "omgang", "perspectief", "nazorg")
# The shared parts an aid can include as a step (aids/content/data/<name>.toml): asked once for
# the whole family, kept in one part of the family file, read by every aid's rules.
SHARED_PARTS = ("kader",)
# What every version for parents and for the young person ends with: what they can do when they
# disagree, whom they can talk to, their rights (aids/content/data/rechten.toml). It reads the
# legal frame, so an aid that asks the shared part "kader" includes it.
RIGHTS = "rechten"

# The readers a result speaks to: the professional, the parents and the young person. A reader's
# texts sit beside the professional's in the content, with a prefix (parent_label, youth_text).
# Parents see what has no text of their own in the professional's words, unless it is marked as
# not for them (in_parent = false, or a rule without parent_text); the young person sees only
# what has a text for them (youth_label, youth_text, youth_title).
PRO, PARENTS, YOUTH = "pro", "ouders", "jongere"
READERS = (PRO, PARENTS, YOUTH)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    advice: str = ""  # what choosing this means for the help (professional version only)
    parent_label: str = ""  # the words for parents, where the label is a slot ("Ouder 1")
    youth_label: str = ""  # the words for the young person (else the parents' words)
    private: bool = False  # for the professional only (help aimed at violence at home)
    about: str = ""  # what it is, in a family's words: a family's version says it with the choice

    def label_for(self, reader: str) -> str:
        if reader == YOUTH:
            return self.youth_label or self.parent_label or self.label
        return (self.parent_label or self.label) if reader == PARENTS else self.label


@dataclass(frozen=True)
class Condition:
    """Show a question when an earlier choice is one of `equals`, or a list includes one of
    `includes`."""

    question: str
    equals: tuple[str, ...] | None = None
    includes: tuple[str, ...] | None = None  # any of these


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: str
    hint: str = ""
    required: bool = False
    max_length: int = 0
    options: tuple[Option, ...] = ()
    per: str | None = None
    show_if: Condition | None = None
    after: str | None = None
    examples: tuple[str, ...] = ()
    summary_label: str = ""
    required_message: str = ""
    parent_label: str = ""  # the label in the version for parents
    in_parent: bool = True  # shown in the version for parents
    # The answer in a sentence for parents or the young person, with the answer as {<id>}: a date
    # as an intention ("We willen dat het kind rond {terugkeer_datum} weer thuis woont.").
    parent_text: str = ""
    youth_label: str = ""  # the label in the version for the young person: only then shown there
    youth_text: str = ""
    expected: bool = False  # in a repeated step: a gap when an entry leaves it empty
    concrete: bool = False  # in a repeated step: a gap when the text is vague
    minimum: int = 0  # for numbers
    maximum: int = 0
    range_message: str = ""  # for numbers: the error when the value is outside min..max
    no_full_name: bool = False  # a label people choose: refused when it looks like a full name

    def option_label(self, value: str, reader: str = PRO) -> str:
        option = next((o for o in self.options if o.value == value), None)
        return value if option is None else option.label_for(reader)

    def shown_to(self, reader: str) -> bool:
        if reader == YOUTH:
            return bool(self.youth_label)
        return self.in_parent if reader == PARENTS else True

    def label_for(self, reader: str) -> str:
        if reader == YOUTH:
            return self.youth_label
        return (self.parent_label or self.short) if reader == PARENTS else self.short

    def text_for(self, reader: str) -> str:
        """The sentence the answer is written in for this reader, or "" for the answer itself."""
        return {PARENTS: self.parent_text, YOUTH: self.youth_text}.get(reader, "")

    @property
    def short(self) -> str:
        return self.summary_label or self.label

    def asked(self, answers: dict) -> bool:
        """Whether the question is asked, given the answers its show_if looks at."""
        condition = self.show_if
        if condition is None:
            return True
        value = answers.get(condition.question)
        if condition.equals is not None:
            return value in condition.equals
        return isinstance(value, list) and any(v in condition.includes for v in value)


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    intro: str = ""
    questions: tuple[Question, ...] = ()
    warning: str = ""  # shown prominently above the questions
    repeat: int = 0  # > 0: the step is a list of up to `repeat` entries of its questions
    item_label: str = ""  # name of one entry, with {n}: "Doel {n}"
    shared: str = ""  # the shared part this step asks (SHARED_PARTS), or "" for the aid's own
    # Asked in the result, not as a step of its own: one multi question whose options the
    # result offers to tick (the help to take along into the plan).
    in_result: bool = False


@dataclass(frozen=True)
class Gap:
    question: str  # a question id, or the id of a repeated step
    message: str
    parent_message: str = ""
    youth_message: str = ""

    def message_for(self, reader: str) -> str:
        return {PRO: self.message, PARENTS: self.parent_message,
                YOUTH: self.youth_message}[reader]


@dataclass(frozen=True)
class ResultSection:
    title: str
    include: tuple[str, ...]  # question ids and repeated step ids, in order
    parent_title: str = ""
    parent_intro: str = ""
    overview: bool = False  # part of the one-page printed overview
    id: str = ""  # what rules and builders name to add items here
    intro: str = ""
    pair: str = ""  # the id of a section shown beside this one: both, or neither
    empty: str = ""  # shown in a paired section that has no items of its own
    parent_empty: str = ""
    youth_title: str = ""  # only a section with a title for the young person is shown to them
    youth_intro: str = ""
    youth_empty: str = ""
    youth_short: bool = False  # also in the short version for a younger child, read aloud
    youth_first: bool = False  # first in the young person's version (the plan in their words)

    def shown_to(self, reader: str) -> bool:
        return bool({PRO: self.title, PARENTS: self.parent_title, YOUTH: self.youth_title}[reader])

    def title_for(self, reader: str) -> str:
        return {PRO: self.title, PARENTS: self.parent_title, YOUTH: self.youth_title}[reader]

    def intro_for(self, reader: str) -> str:
        return {PRO: self.intro, PARENTS: self.parent_intro, YOUTH: self.youth_intro}[reader]

    def empty_for(self, reader: str) -> str:
        return {PRO: self.empty, PARENTS: self.parent_empty or self.empty,
                YOUTH: self.youth_empty}[reader]


@dataclass(frozen=True)
class Test:
    """One condition of a rule: the answer (or computed fact) `key` is one of `values`, or,
    with `filled` set, is answered (True) or not (False)."""

    key: str
    values: tuple[str, ...] = ()
    filled: bool | None = None


@dataclass(frozen=True)
class Rule:
    """When every test of `when` holds and none of `unless` does, add an item to a section
    (or, with section "open", a point still open), in both voices. A rule with `watch` is one of
    the dangers and contradictions Thuiswijzer watches for: `watch` says when it speaks, `topic`
    groups it on the generated page."""

    id: str  # "<aid>.<rule id>", or "kader.<rule id>" for a rule of the shared part
    section: str
    label: str
    text: str
    when: tuple[Test, ...] = ()
    unless: tuple[Test, ...] = ()
    parent_label: str = ""
    parent_text: str = ""  # empty: the item is not for the parents
    # `text` empty: not for the professional (what the professional sees already, or what only a
    # family's version says, such as whom the young person can talk to)
    watch: str = ""
    topic: str = ""
    replaces: tuple[str, ...] = ()  # ids of rules this one says better when both hold
    youth_label: str = ""
    youth_text: str = ""  # empty: the item is not for the young person

    def label_for(self, reader: str) -> str:
        if reader == YOUTH:
            return self.youth_label or self.parent_label or self.label
        return (self.parent_label or self.label) if reader == PARENTS else self.label

    def text_for(self, reader: str) -> str:
        return {PRO: self.text, PARENTS: self.parent_text, YOUTH: self.youth_text}[reader]


@dataclass(frozen=True)
class ItemRule:
    """A note the builder attaches to each computed item that carries `tag` (for example a
    caution on every parenting programme), when the answers hold."""

    tag: str
    text: str
    when: tuple[Test, ...] = ()
    unless: tuple[Test, ...] = ()


# The section id of the list of points still open (the gaps).
OPEN = "open"
# What a fact computed by a builder may be: a flag, a number, a text, or one of listed values.
FACT_TYPES = ("flag", "number", "text")


@dataclass(frozen=True)
class Migration:
    from_version: int
    rename: tuple[tuple[str, str], ...] = ()  # old key -> new key ("step.1.question" allowed)
    drop: tuple[str, ...] = ()


@dataclass(frozen=True)
class Aid:
    id: str
    title: str
    version: int
    intro: str
    disclaimer: str
    sources: tuple[str, ...]  # keys of data/sources.toml
    steps: tuple[Step, ...]
    result_title: str
    reviewed: dt.date | None = None  # when the content was last reviewed
    evidence: str = ""  # how certain the advice is, in words
    result_intro: str = ""
    gaps: tuple[Gap, ...] = ()
    sections: tuple[ResultSection, ...] = ()
    parent_title: str = ""
    parent_intro: str = ""
    parent_about: str = ""  # what the parents' version rests on, in words a family knows
    youth_title: str = ""  # the version for the young person: only with a title
    youth_intro: str = ""
    youth_short_intro: str = ""  # the intro of the short version for a child under 12
    youth_age: str = ""  # the number question with the child's age: under 12, the short version
    migrations: tuple[Migration, ...] = ()
    shared: tuple[str, ...] = ()  # answer keys other aids may take over (the family description)
    roles: str = ""  # the question where each member's role is typed ("moeder, M.")
    rules: tuple[Rule, ...] = ()
    item_rules: tuple[ItemRule, ...] = ()
    tags: tuple[str, ...] = ()  # what the builder may mark its items with, for item_rules
    facts: tuple[tuple[str, object], ...] = ()  # facts the builder computes: (id, type)
    texts: tuple[tuple[str, str], ...] = ()  # templates the builder fills in, by key
    parts: tuple[str, ...] = ()  # the shared parts this aid asks (SHARED_PARTS)
    rights: bool = False  # the family's versions end with the rights part (RIGHTS)
    path: Path = field(default=Path(), compare=False)

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Questions asked once (not inside a repeated step), by id."""
        return {q.id: q for s in self.steps if not s.repeat for q in s.questions}

    @cached_property
    def wizard_steps(self) -> tuple[Step, ...]:
        """The steps the form asks one at a time (not the question asked in the result)."""
        return tuple(s for s in self.steps if not s.in_result)

    @cached_property
    def pick(self) -> str:
        """The question whose options the result offers to tick, or ""."""
        return next((s.questions[0].id for s in self.steps if s.in_result), "")

    @cached_property
    def repeats(self) -> dict[str, Step]:
        """Repeated steps, by id."""
        return {s.id: s for s in self.steps if s.repeat}

    def text(self, key: str, **values: object) -> str:
        """One of the aid's own templates ([texts]), filled in (for its builder)."""
        return fill(dict(self.texts)[key], values)

    @property
    def has_parent_version(self) -> bool:
        return bool(self.parent_title)

    @property
    def readers(self) -> tuple[str, ...]:
        """The versions of the result: always the professional's, then the family's."""
        return (PRO,) + ((PARENTS,) if self.parent_title else ()) + (
            (YOUTH,) if self.youth_title else ())

    def title_for(self, reader: str) -> str:
        return {PRO: self.result_title, PARENTS: self.parent_title, YOUTH: self.youth_title}[reader]

    def intro_for(self, reader: str, short: bool = False) -> str:
        if reader == YOUTH and short:
            return self.youth_short_intro
        return {PRO: self.result_intro, PARENTS: self.parent_intro, YOUTH: self.youth_intro}[reader]


@dataclass(frozen=True)
class SharedPart:
    """A part of the family file every aid that includes it asks and reads (data/<id>.toml):
    its step, its section of the result, its rules, gaps and facts (aids.<id> computes them)."""

    id: str  # the step's and the section's id, and the prefix of its rules' ids
    part: str  # its key in the family file
    version: int
    step: Step
    section: ResultSection
    gaps: tuple[Gap, ...] = ()
    rules: tuple[Rule, ...] = ()
    facts: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)  # what its `watch` rules are grouped by

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.step.questions)


# Schema: for each table kind, its required keys and optional keys with their types.
_SCHEMA: dict[str, tuple[dict[str, type], dict[str, type]]] = {
    "aid": (
        {"id": str, "title": str, "version": int, "intro": str, "disclaimer": str,
         "sources": list, "steps": list, "result": dict, "reviewed": dt.date, "evidence": str},
        {"migrations": list, "shared": list, "roles": str, "rules": list, "facts": dict,
         "texts": dict, "groups": dict, "tags": dict, "item_rules": list},
    ),
    "step": ({"id": str, "title": str, "questions": list},
             {"intro": str, "warning": str, "repeat": int, "item_label": str, "in_result": bool}),
    "shared_step": ({"shared": str}, {}),
    "question": (
        {"id": str, "type": str, "label": str},
        {"hint": str, "required": bool, "max_length": int, "options": list, "per": str,
         "show_if": dict, "after": str, "examples": list, "summary_label": str,
         "required_message": str, "options_from": str, "parent_label": str, "in_parent": bool,
         "expected": bool, "concrete": bool, "min": int, "max": int, "range_message": str,
         "no_full_name": bool, "parent_text": str, "youth_label": str, "youth_text": str},
    ),
    "option": ({"value": str, "label": str},
               {"advice": str, "parent_label": str, "youth_label": str}),
    "show_if": ({"question": str}, {"equals": (str, list), "includes": (str, list)}),
    "result": ({"title": str}, {"intro": str, "gaps": list, "sections": list,
                                "parent_title": str, "parent_intro": str,
                                "parent_about": str, "youth_title": str, "youth_intro": str,
                                "youth_short_intro": str, "youth_age": str}),
    "gap": ({"question": str, "message": str}, {"parent_message": str, "youth_message": str}),
    "section": ({"title": str},
                {"include": list, "parent_title": str, "parent_intro": str, "overview": bool,
                 "id": str, "intro": str, "pair": str, "empty": str, "parent_empty": str,
                 "youth_title": str, "youth_intro": str, "youth_empty": str,
                 "youth_short": bool, "youth_first": bool}),
    "shared_section": ({"shared": str}, {}),
    "item_rule": ({"tag": str, "text": str}, {"when": dict, "unless": dict, "source": list}),
    "rule": ({"id": str, "section": str, "label": str, "text": str},
             {"when": dict, "unless": dict, "parent_label": str, "parent_text": str,
              "each": str, "source": list, "watch": str, "topic": str, "replaces": list,
              "youth_label": str, "youth_text": str}),
    # A shared part (aids/content/data/<name>.toml): one step, its section, rules and facts.
    "part": ({"version": int, "part": str, "step": dict, "section": dict, "facts": dict,
              "topics": dict}, {"rules": list, "gaps": list}),
    "part_step": ({"title": str, "questions": list}, {"intro": str, "warning": str}),
    "part_section": ({"title": str}, {"parent_title": str, "intro": str, "parent_intro": str}),
    "migration": ({"from_version": int}, {"rename": dict, "drop": list}),
    # The rights part (aids/content/data/rechten.toml): sections and rules for a family's versions.
    "rights": ({"sections": list, "rules": list, "facts": dict}, {}),
}


def _parse(path: Path) -> Aid:
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    data = check.table("aid", catalogue.cite_all(check, raw), (), "de hulpmiddeldefinitie")
    if data["id"] != path.stem or not AID_ID.match(data["id"]):
        check.fail(f"id '{data['id']}' moet gelijk zijn aan de bestandsnaam '{path.stem}'", (), "id")
    if not data["sources"] or not all(s in catalogue.sources() for s in data["sources"]):
        check.fail("sources moet een niet-lege lijst met sleutels uit data/sources.toml zijn", (),
                   "sources")

    seen: dict[str, Question] = {}
    steps = []
    step_ids: set[str] = set()
    parts: list[SharedPart] = []
    for i, step_raw in enumerate(data["steps"]):
        at = ("steps", i)
        if isinstance(step_raw, dict) and "shared" in step_raw:
            part = _shared_step(check, step_raw, at, seen, parts)
            parts.append(part)
            step_ids.add(part.step.id)
            steps.append(part.step)
            continue
        step = check.table("step", step_raw, at, f"stap {i + 1}")
        if not FIELD_ID.match(step["id"]) or step["id"] in step_ids | set(SHARED_PARTS):
            check.fail(f"stap-id '{step['id']}' is ongeldig of dubbel", at, "id")
        step_ids.add(step["id"])
        repeat = step.get("repeat", 0)
        if repeat < 0 or repeat > 20 or (repeat and "{n}" not in step.get("item_label", "")):
            check.fail("repeat moet 0–20 zijn, met een item_label dat {n} bevat", at, "repeat")
        if repeat and step["id"] in seen:
            check.fail(f"stap-id '{step['id']}' is al een vraag-id", at, "id")
        # Questions in a repeated step are named within the step only.
        scope = dict(seen) if repeat else seen
        questions = []
        for j, q_raw in enumerate(step["questions"]):
            q_at = ("steps", i, "questions", j)
            question = _question(check, q_raw, q_at, scope)
            # In a repeated step a question may depend on an answer outside it (show_if), never
            # on another question of the entry.
            if repeat and (question.per or question.type == "multi" or (
                    question.show_if and question.show_if.question not in seen)):
                check.fail("in een herhaalde stap kan een vraag geen per of multi hebben, en "
                           "show_if alleen op een vraag buiten de stap", q_at, "type")
            questions.append(question)
        if not questions:
            check.fail(f"stap '{step['id']}' heeft geen vragen", at)
        in_result = step.get("in_result", False)
        if in_result and (repeat or len(questions) != 1 or questions[0].type != "multi"
                          or any(s.in_result for s in steps)):
            check.fail("een stap in het resultaat heeft één meerkeuzevraag en herhaalt niet; "
                       "er is hooguit één zo'n stap", at, "in_result")
        steps.append(Step(step["id"], step["title"], step.get("intro", ""), tuple(questions),
                          step.get("warning", ""), repeat, step.get("item_label", ""),
                          in_result=in_result))
    if not steps:
        check.fail("er zijn geen stappen", (), "steps")
    keys = set(seen) | {s.id for s in steps if s.repeat}

    result = check.table("result", data["result"], (), "[result]")
    gaps = []
    for k, gap_raw in enumerate(result.get("gaps", [])):
        gap = check.table("gap", gap_raw, ("result.gaps", k), f"gap {k + 1}")
        if gap["question"] not in keys:
            check.fail(f"gap verwijst naar onbekende vraag '{gap['question']}'",
                       ("result.gaps", k), "question")
        gaps.append(Gap(gap["question"], gap["message"], gap.get("parent_message", ""),
                        gap.get("youth_message", "")))
    gaps += [gap for part in parts for gap in part.gaps]
    sections = []
    placed: set[str] = set()
    for k, section_raw in enumerate(result.get("sections", [])):
        at = ("result.sections", k)
        if isinstance(section_raw, dict) and "shared" in section_raw:
            check.table("shared_section", section_raw, at, f"sectie {k + 1}")
            part = next((p for p in parts if p.id == section_raw["shared"]), None)
            if part is None or part.id in placed:
                check.fail(f"shared noemt geen gedeeld deel dat dit hulpmiddel vraagt, of noemt het "
                           f"twee keer: '{section_raw['shared']}'", at, "shared")
            placed.add(part.id)
            sections.append(part.section)
            continue
        sections.append(_section(check, section_raw, at, keys, {s.id for s in sections}))
    # A shared part's section the aid does not place itself leads the result.
    sections[:0] = [part.section for part in parts if part.id not in placed]
    if result.get("parent_title") and not all(s.parent_title for s in sections):
        check.fail("met een versie voor ouders heeft elke sectie een parent_title", (),
                   "parent_title")
    # The family's versions end with what they can do and whom they can talk to.
    rights = rights_part() if "kader" in {p.id for p in parts} else None
    if rights:
        clash = {s.id for s in sections} & {s.id for s in rights.sections}
        if clash:
            check.fail(f"secties {sorted(clash)} bestaan al in het deel '{RIGHTS}'", (), "result")
        sections += rights.sections
    section_ids = {s.id for s in sections if s.id}
    names = set(seen) | set(data.get("facts", {})) | {f for p in parts for f in p.facts}
    names |= set(rights.facts) if rights else set()
    for k, section in enumerate(sections):
        texts = (section.title, section.intro, section.parent_title, section.parent_intro,
                 section.youth_title, section.youth_intro)
        unknown = {name for t in texts for name in PLACEHOLDER.findall(t)} - names
        if unknown:
            check.fail(f"sectie gebruikt onbekende namen {sorted(unknown)}", ("result.sections", k),
                       "title")
    for k, section in enumerate(sections):
        if section.pair and (section.pair not in section_ids or section.pair == section.id):
            check.fail(f"pair noemt geen andere sectie: '{section.pair}'", ("result.sections", k),
                       "pair")
    youth_age = result.get("youth_age", "")
    if bool(result.get("youth_title")) != bool(youth_age) or (
            youth_age and (youth_age not in seen or seen[youth_age].type != "number")):
        check.fail("een versie voor de jongere (youth_title) noemt bij youth_age de vraag naar "
                   "de leeftijd, een getal", (), "youth_age")
    roles = data.get("roles", "")
    if roles and (roles not in seen or not seen[roles].per):
        check.fail(f"roles moet een vraag per persoon zijn, niet '{roles}'", (), "roles")
    facts = _facts(check, data.get("facts", {}))
    for part in parts:
        clash = set(facts) & set(part.facts)
        if clash:
            check.fail(f"feiten {sorted(clash)} bestaan al in het gedeelde deel '{part.id}'", (),
                       "facts")
        facts.update(part.facts)
    if rights:
        facts.update(rights.facts)
    texts = data.get("texts", {})
    if not all(isinstance(v, str) and v.strip() for v in texts.values()):
        check.fail("texts bevat alleen niet-lege teksten", (), "texts")
    # The shared parts' rules first: what holds in every aid leads its section.
    rules = tuple(rule for part in parts for rule in part.rules) + _rules(
        check, data, seen, facts, section_ids | {OPEN}, data["id"],
        {t for p in parts for t in p.topics}) + (rights.rules if rights else ())
    known = {rule.id for rule in rules}
    for k, rule in enumerate(rules):
        if not set(rule.replaces) <= known - {rule.id}:
            check.fail(f"replaces noemt onbekende regels {sorted(set(rule.replaces) - known)}",
                       ("rules", k), "replaces")
    item_rules = _item_rules(check, data, seen, facts)
    unknown_shared = [key for key in data.get("shared", []) if key not in keys]
    if unknown_shared:
        check.fail(f"shared noemt onbekende vragen {unknown_shared}", (), "shared")
    migrations = []
    for k, m_raw in enumerate(data.get("migrations", [])):
        migration = check.table("migration", m_raw, ("migrations", k), f"migratie {k + 1}")
        if not 1 <= migration["from_version"] < data["version"]:
            check.fail("from_version moet lager zijn dan version", ("migrations", k), "from_version")
        rename = migration.get("rename", {})
        if not all(isinstance(v, str) for v in rename.values()):
            check.fail("rename koppelt oude sleutels aan nieuwe", ("migrations", k), "rename")
        migrations.append(Migration(migration["from_version"], tuple(rename.items()),
                                    tuple(migration.get("drop", []))))

    return Aid(
        id=data["id"], title=data["title"], version=data["version"], intro=data["intro"],
        disclaimer=data["disclaimer"], sources=tuple(data["sources"]), steps=tuple(steps),
        result_title=result["title"], result_intro=result.get("intro", ""), gaps=tuple(gaps),
        reviewed=data["reviewed"], evidence=data["evidence"],
        sections=tuple(sections), parent_title=result.get("parent_title", ""),
        parent_intro=result.get("parent_intro", ""), parent_about=result.get("parent_about", ""),
        youth_title=result.get("youth_title", ""), youth_intro=result.get("youth_intro", ""),
        youth_short_intro=result.get("youth_short_intro", ""), youth_age=youth_age,
        migrations=tuple(sorted(migrations, key=lambda m: m.from_version)),
        shared=tuple(data.get("shared", [])), roles=roles, rules=rules, item_rules=item_rules,
        tags=tuple(data.get("tags", {})),
        facts=tuple(facts.items()), texts=tuple(texts.items()),
        parts=tuple(part.id for part in parts), rights=rights is not None, path=path,
    )


def _section(check: Checker, raw: object, at: tuple[object, ...], keys: set[str],
             taken: set[str]) -> ResultSection:
    """One section of the result, with its texts for each reader."""
    section = check.table("section", raw, at, f"sectie {at[-1] + 1}")
    unknown = [key for key in section.get("include", []) if key not in keys]
    if unknown or not (section.get("include") or section.get("id")):
        check.fail(f"sectie verwijst naar onbekende vragen {unknown}, of heeft geen include "
                   "en geen id", at, "include")
    if section.get("id") in taken | {OPEN} | set(SHARED_PARTS) or (
            "id" in section and not FIELD_ID.match(section["id"])):
        check.fail(f"sectie-id '{section['id']}' is ongeldig of dubbel", at, "id")
    return ResultSection(
        section["title"], tuple(section.get("include", [])), section.get("parent_title", ""),
        section.get("parent_intro", ""), section.get("overview", False),
        section.get("id", ""), section.get("intro", ""), section.get("pair", ""),
        section.get("empty", ""), section.get("parent_empty", ""),
        section.get("youth_title", ""), section.get("youth_intro", ""),
        section.get("youth_empty", ""), section.get("youth_short", False),
        section.get("youth_first", False))


@dataclass(frozen=True)
class RightsPart:
    """The sections and rules every family's version ends with (data/rechten.toml), and the
    facts they read (aids.rechten computes them)."""

    sections: tuple[ResultSection, ...]
    rules: tuple[Rule, ...]
    facts: dict


@cache
def rights_part() -> RightsPart:
    path = CONTENT_DIR / "data" / f"{RIGHTS}.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    data = check.table("rights", catalogue.cite_all(check, raw), (), "het deel met rechten")
    sections: list[ResultSection] = []
    for k, section_raw in enumerate(data["sections"]):
        sections.append(_section(check, section_raw, ("sections", k), set(),
                                 {s.id for s in sections}))
    if not all(s.id and (s.parent_title or s.youth_title) for s in sections):
        check.fail("elke sectie heeft een id en een parent_title of youth_title", ("sections",))
    kader = shared_part("kader")
    facts = _facts(check, data["facts"])
    if set(facts) & set(kader.facts):
        check.fail("feiten bestaan al in het gedeelde deel 'kader'", ("facts",))
    questions = {q.id: q for q in kader.step.questions}
    rules = _rules(check, data, questions, {**kader.facts, **facts}, {s.id for s in sections},
                   RIGHTS, set())
    if any(rule.text for rule in rules):
        check.fail("regels hier zijn alleen voor ouders en jongere: text blijft leeg", ("rules",))
    return RightsPart(tuple(sections), rules, facts)


def _shared_step(check: Checker, raw: dict, at: tuple[object, ...], seen: dict[str, Question],
                 parts: list[SharedPart]) -> SharedPart:
    """A shared part asked as one of the aid's steps; its questions join the aid's."""
    check.table("shared_step", raw, at, f"stap {at[1] + 1}")
    name = raw["shared"]
    if name not in SHARED_PARTS or name in {p.id for p in parts}:
        check.fail(f"shared moet een van {SHARED_PARTS} zijn, één keer", at, "shared")
    part = shared_part(name)
    clash = [q.id for q in part.step.questions if q.id in seen]
    if clash:
        check.fail(f"vragen {clash} bestaan al in het gedeelde deel '{name}'", at, "shared")
    seen.update({q.id: q for q in part.step.questions})
    return part


@cache
def shared_part(name: str) -> SharedPart:
    """Load and check a shared part (aids/content/data/<name>.toml), once."""
    path = CONTENT_DIR / "data" / f"{name}.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    data = check.table("part", catalogue.cite_all(check, raw), (), "het gedeelde deel")
    step = check.table("part_step", data["step"], ("step",), "[step]")
    seen: dict[str, Question] = {}
    questions = tuple(_question(check, q_raw, ("step.questions", j), seen)
                      for j, q_raw in enumerate(step["questions"]))
    if not questions:
        check.fail("het gedeelde deel heeft geen vragen", ("step",))
    section = check.table("part_section", data["section"], ("section",), "[section]")
    gaps = []
    for k, gap_raw in enumerate(data.get("gaps", [])):
        gap = check.table("gap", gap_raw, ("gaps", k), f"gap {k + 1}")
        if gap["question"] not in seen:
            check.fail(f"gap verwijst naar onbekende vraag '{gap['question']}'", ("gaps", k),
                       "question")
        gaps.append(Gap(gap["question"], gap["message"], gap.get("parent_message", "")))
    facts = _facts(check, data["facts"])
    topics = data["topics"]
    if not topics or not all(isinstance(v, str) and v.strip() for v in topics.values()):
        check.fail("topics geeft elk onderwerp een naam", ("topics",))
    rules = _rules(check, data, seen, facts, {name, OPEN}, name, set(topics))
    return SharedPart(
        id=name, part=data["part"], version=data["version"],
        step=Step(name, step["title"], step.get("intro", ""), questions, step.get("warning", ""),
                  shared=name),
        section=ResultSection(section["title"], tuple(q.id for q in questions),
                              section.get("parent_title", ""), section.get("parent_intro", ""),
                              id=name, intro=section.get("intro", "")),
        gaps=tuple(gaps), rules=rules, facts=facts, topics=dict(topics))


def _facts(check: Checker, raw: dict) -> dict[str, object]:
    """Facts a builder computes, by id: a type from FACT_TYPES or a list of allowed values."""
    for key, kind in raw.items():
        listed = isinstance(kind, list) and kind and all(isinstance(v, str) for v in kind)
        if not FIELD_ID.match(key) or not (kind in FACT_TYPES or listed):
            check.fail(f"feit '{key}' moet een type uit {FACT_TYPES} of een lijst waarden hebben",
                       ("facts",), key)
    return {key: tuple(kind) if isinstance(kind, list) else kind for key, kind in raw.items()}


def _rules(check: Checker, data: dict, questions: dict[str, Question], facts: dict[str, object],
           sections: set[str], prefix: str, topics: set[str]) -> tuple[Rule, ...]:
    """The result rules, with `each` expanded over its group and every name checked. A rule's
    id is named "<prefix>.<id>" (the aid, or the shared part) and is unique."""
    groups = data.get("groups", {})
    for name, group in groups.items():
        if not isinstance(group, dict) or not all(isinstance(v, str) for v in group.values()):
            check.fail(f"groep '{name}' koppelt sleutels aan namen", ("groups",), name)
    rules = []
    for k, raw in enumerate(data.get("rules", [])):
        at = ("rules", k)
        rule = check.table("rule", raw, at, f"regel {k + 1}")
        each = rule.get("each")
        if each is not None and each not in groups:
            check.fail(f"each noemt een onbekende groep '{each}'", at, "each")
        members = groups[each].items() if each else [("", "")]
        for member, label in members:
            def expand(value: object, member: str = member, label: str = label) -> object:
                if isinstance(value, str):
                    return value.replace("{each}", member).replace("{each_label}", label)
                if isinstance(value, dict):
                    return {expand(k): expand(v) for k, v in value.items()}
                if isinstance(value, list):
                    return [expand(v) for v in value]
                return value
            found = _rule(check, expand(rule), at, questions, facts, sections, prefix, topics)
            if found.id in {r.id for r in rules}:
                check.fail(f"regel-id '{found.id}' is dubbel", at, "id")
            rules.append(found)
    return tuple(rules)


def _item_rules(check: Checker, data: dict, questions: dict[str, Question],
                facts: dict[str, object]) -> tuple[ItemRule, ...]:
    """Notes on computed items, by the tags the aid declares in [tags] (name: what it marks)."""
    tags = data.get("tags", {})
    found = []
    for k, raw in enumerate(data.get("item_rules", [])):
        at = ("item_rules", k)
        rule = check.table("item_rule", raw, at, f"itemregel {k + 1}")
        if rule["tag"] not in tags:
            check.fail(f"itemregel noemt een onbekende tag '{rule['tag']}'", at, "tag")
        tests = {part: tuple(_test(check, key, wanted, at, part, questions, facts)
                             for key, wanted in rule.get(part, {}).items())
                 for part in ("when", "unless")}
        text = rule["text"]
        if rule.get("source"):
            text = catalogue.with_citation(check, text, rule["source"], at)
        found.append(ItemRule(rule["tag"], text, tests["when"], tests["unless"]))
    return tuple(found)


def _rule(check: Checker, rule: dict, at: tuple[object, ...], questions: dict[str, Question],
          facts: dict[str, object], sections: set[str], prefix: str, topics: set[str]) -> Rule:
    if not FIELD_ID.match(rule["id"]):
        check.fail(f"regel-id '{rule['id']}' is ongeldig: kleine letters, cijfers en _", at, "id")
    if bool(rule.get("watch")) != bool(rule.get("topic")) or (
            rule.get("topic") and rule["topic"] not in topics):
        check.fail(f"watch en topic horen samen, met een topic uit {sorted(topics)}", at,
                   "topic" if rule.get("topic") else "watch")
    if rule["section"] not in sections:
        check.fail(f"regel voegt toe aan een onbekende sectie '{rule['section']}'", at, "section")
    tests = {part: tuple(_test(check, key, wanted, at, part, questions, facts)
                         for key, wanted in rule.get(part, {}).items())
             for part in ("when", "unless")}
    names = set(questions) | set(facts)
    texts = [rule["label"], rule["text"], rule.get("parent_label", ""), rule.get("parent_text", ""),
             rule.get("youth_label", ""), rule.get("youth_text", "")]
    unknown = {name for t in texts for name in PLACEHOLDER.findall(t)} - names
    if unknown:
        check.fail(f"regel gebruikt onbekende namen {sorted(unknown)}", at, "text")
    text = rule["text"]
    for key in rule.get("source", []):
        catalogue.cite_of(check, key, at)  # a text for the family names no source, but has one
    if rule.get("source") and text:
        text = catalogue.with_citation(check, text, rule["source"], at)
    return Rule(f"{prefix}.{rule['id']}", rule["section"], rule["label"], text, tests["when"],
                tests["unless"], rule.get("parent_label", ""), rule.get("parent_text", ""),
                rule.get("watch", ""), rule.get("topic", ""), tuple(rule.get("replaces", [])),
                rule.get("youth_label", ""), rule.get("youth_text", ""))


def _test(check: Checker, key: str, wanted: object, at: tuple[object, ...], part: str,
          questions: dict[str, Question], facts: dict[str, object]) -> Test:
    if key not in questions and key not in facts:
        check.fail(f"{part} noemt een onbekende vraag of feit '{key}'", at, part)
    if isinstance(wanted, bool):
        return Test(key, filled=wanted)
    values = [wanted] if isinstance(wanted, str) else wanted
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        check.fail(f"{part}.{key} moet een waarde, een lijst waarden, true of false zijn", at, part)
    if key in questions and questions[key].type in ("choice", "multi"):
        allowed = {o.value for o in questions[key].options}
    elif isinstance(facts.get(key), tuple):
        allowed = set(facts[key])
    else:
        check.fail(f"{part} vergelijkt '{key}', dat geen keuzevraag of keuzefeit is", at, part)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        check.fail(f"{part}.{key} noemt onbekende opties {unknown}", at, part)
    return Test(key, tuple(values))


def _question(check: Checker, raw: object, at: tuple[object, ...],
              seen: dict[str, Question]) -> Question:
    q = check.table("question", raw, at, f"vraag {at[-1] + 1} van stap {at[1] + 1}")
    qid, qtype = q["id"], q["type"]
    if not FIELD_ID.match(qid) or qid in seen:
        check.fail(f"vraag-id '{qid}' is ongeldig of dubbel", at, "id")
    if qtype not in QUESTION_TYPES:
        check.fail(f"onbekend vraagtype '{qtype}' (kies uit {', '.join(QUESTION_TYPES)})", at, "type")
    options = []
    for k, o_raw in enumerate(q.get("options", [])):
        option = check.table("option", o_raw, at, f"optie {k + 1} van vraag '{qid}'")
        options.append(Option(option["value"], option["label"], option.get("advice", ""),
                              option.get("parent_label", ""), option.get("youth_label", "")))
    if "options_from" in q:
        source = q["options_from"]
        if source not in OPTION_SOURCES or options:
            check.fail(f"options_from kan alleen {OPTION_SOURCES} zijn, zonder eigen opties", at,
                       "options_from")
        if source == "interventions":
            options = [Option(item.id, item.name, private=catalogue.private(item), about=item.aim)
                       for item in catalogue.interventions()]
        else:
            labels = getattr(catalogue.vocabulary(), source)
            options = [Option(value, label) for value, label in labels.items()]
    values = [o.value for o in options]
    if qtype in ("choice", "multi"):
        if not options or len(set(values)) != len(values):
            check.fail(f"vraag '{qid}' heeft geen of dubbele opties", at, "options")
    elif options:
        check.fail(f"vraag '{qid}' van type {qtype} kan geen opties hebben", at, "options")
    per = q.get("per")
    if per is not None:
        if per not in seen or seen[per].type != "multi":
            check.fail(f"per verwijst naar '{per}', dat geen eerdere meerkeuzevraag is", at, "per")
        if qtype not in ("text", "textarea"):
            check.fail("per kan alleen bij tekstvragen", at, "per")
    condition = None
    if "show_if" in q:
        cond = check.table("show_if", q["show_if"], at, f"show_if van vraag '{qid}'")
        target = seen.get(cond["question"])
        if target is None or target.type not in ("choice", "multi"):
            check.fail(f"show_if verwijst naar '{cond['question']}', dat geen eerdere keuzevraag is",
                       at, "show_if")
        wanted = cond.get("equals") if target.type == "choice" else cond.get("includes")
        wanted = [wanted] if isinstance(wanted, str) else wanted
        if not wanted or len(cond) != 2 or not set(wanted) <= {o.value for o in target.options}:
            check.fail("show_if moet 'equals' (bij choice) of 'includes' (bij multi) hebben, met één "
                       "bestaande optie of een lijst", at, "show_if")
        condition = Condition(cond["question"],
                              tuple(wanted) if target.type == "choice" else None,
                              tuple(wanted) if target.type == "multi" else None)
    after = q.get("after")
    if after is not None and (qtype != "date" or after not in seen or seen[after].type != "date"):
        check.fail(f"after verwijst naar '{after}', dat geen eerdere datumvraag is", at, "after")
    if ("min" in q or "max" in q) and (qtype != "number" or q.get("min", 0) > q.get("max", 0)):
        check.fail("min en max horen bij een getal, met min ≤ max", at, "min")
    max_length = q.get("max_length", MAX_LENGTH[qtype])
    if max_length <= 0:
        check.fail("max_length moet positief zijn", at, "max_length")
    examples = q.get("examples", [])
    if not all(isinstance(e, str) for e in examples):
        check.fail("examples moet een lijst met teksten zijn", at, "examples")
    for key in ("parent_text", "youth_text"):
        if not set(PLACEHOLDER.findall(q.get(key, ""))) <= {qid}:
            check.fail(f"{key} noemt alleen het eigen antwoord: {{{qid}}}", at, key)
    if q.get("youth_text") and not q.get("youth_label"):
        check.fail("youth_text hoort bij een youth_label", at, "youth_text")
    question = Question(
        id=qid, type=qtype, label=q["label"], hint=q.get("hint", ""),
        required=q.get("required", False), max_length=max_length, options=tuple(options),
        per=per, show_if=condition, after=after, examples=tuple(examples),
        summary_label=q.get("summary_label", ""),
        required_message=q.get("required_message", ""),
        parent_label=q.get("parent_label", ""), in_parent=q.get("in_parent", True),
        expected=q.get("expected", False), concrete=q.get("concrete", False),
        minimum=q.get("min", 0), maximum=q.get("max", 999),
        range_message=q.get("range_message", ""), no_full_name=q.get("no_full_name", False),
        parent_text=q.get("parent_text", ""), youth_label=q.get("youth_label", ""),
        youth_text=q.get("youth_text", ""),
    )
    seen[qid] = question
    return question


def aid_ids() -> list[str]:
    """The ids of all aids, in alphabetical order (AIDS holds them in a family's order). A
    content file of an aid not in AIDS, or an aid in AIDS without one, raises DefinitionError."""
    # Each top-level content file defines one aid; shared data lives in content/data/.
    files = {path.stem: path for path in CONTENT_DIR.glob("*.toml")}
    for aid_id, path in files.items():
        if aid_id not in AIDS:
            raise DefinitionError(path, None, f"the aid '{aid_id}' is not in AIDS: add it there "
                                  "(aids/definition.py) and to BUILDERS (aids/builders.py)")
    for aid_id in AIDS:
        if aid_id not in files:
            raise DefinitionError(CONTENT_DIR / f"{aid_id}.toml", None,
                                  f"AIDS (aids/definition.py) names '{aid_id}', without a file")
    return sorted(files)


@cache
def load(aid_id: str) -> Aid:
    """Load and check one aid definition (cached)."""
    if not AID_ID.match(aid_id) or aid_id not in aid_ids():
        raise KeyError(aid_id)
    return _parse(CONTENT_DIR / f"{aid_id}.toml")


def load_file(path: Path) -> Aid:
    """Load and check a definition from any path (used by the build and tests)."""
    return _parse(path)
