"""Aid definitions: the one loader of `aids/content/<aid>.toml`, with a strict schema check.

A malformed definition raises DefinitionError naming the file, the line and the reason,
so a broken content file fails the build instead of shipping a broken aid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import catalogue
from .schema import CONTENT_DIR, Checker, DefinitionError, read_toml

AID_ID = re.compile(r"^[a-z][a-z0-9-]*$")
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_TYPES = ("text", "textarea", "choice", "multi", "date", "number")
# Default maximum lengths (characters) per question type.
MAX_LENGTH = {"text": 200, "textarea": 4000, "date": 10, "choice": 100, "multi": 100, "number": 3}
# Where `options_from` takes its options: the catalogue or a table of the shared vocabulary.
OPTION_SOURCES = ("interventions", "phases", "concerns")
# Aids whose result is built by code: the module aids.<builder> with a function result().
BUILDERS = ("interventions", "perspectief", "nazorg")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    advice: str = ""  # what choosing this means for the help (professional version only)


@dataclass(frozen=True)
class Condition:
    question: str
    equals: str | None = None
    includes: str | None = None


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
    expected: bool = False  # in a repeated step: a gap when an entry leaves it empty
    concrete: bool = False  # in a repeated step: a gap when the text is vague
    minimum: int = 0  # for numbers
    maximum: int = 0
    range_message: str = ""  # for numbers: the error when the value is outside min..max

    def option_label(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)

    @property
    def short(self) -> str:
        return self.summary_label or self.label


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    intro: str = ""
    questions: tuple[Question, ...] = ()
    warning: str = ""  # shown prominently above the questions
    repeat: int = 0  # > 0: the step is a list of up to `repeat` entries of its questions
    item_label: str = ""  # name of one entry, with {n}: "Doel {n}"


@dataclass(frozen=True)
class Gap:
    question: str  # a question id, or the id of a repeated step
    message: str
    parent_message: str = ""


@dataclass(frozen=True)
class ResultSection:
    title: str
    include: tuple[str, ...]  # question ids and repeated step ids, in order
    parent_title: str = ""
    parent_intro: str = ""
    overview: bool = False  # part of the one-page printed overview


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
    sources: tuple[str, ...]
    steps: tuple[Step, ...]
    result_title: str
    result_intro: str = ""
    gaps: tuple[Gap, ...] = ()
    sections: tuple[ResultSection, ...] = ()
    parent_title: str = ""
    parent_intro: str = ""
    migrations: tuple[Migration, ...] = ()
    builder: str = ""  # a module that builds the result instead of the generic summary
    shared: tuple[str, ...] = ()  # answer keys other aids may take over (the family description)
    vocabulary_help: str = ""  # documents the vocabulary on the page and in --help
    path: Path = field(default=Path(), compare=False)

    @property
    def questions(self) -> dict[str, Question]:
        """Questions asked once (not inside a repeated step), by id."""
        return {q.id: q for s in self.steps if not s.repeat for q in s.questions}

    @property
    def repeats(self) -> dict[str, Step]:
        """Repeated steps, by id."""
        return {s.id: s for s in self.steps if s.repeat}

    @property
    def has_parent_version(self) -> bool:
        return bool(self.parent_title)


# Schema: for each table kind, its required keys and optional keys with their types.
_SCHEMA: dict[str, tuple[dict[str, type], dict[str, type]]] = {
    "aid": (
        {"id": str, "title": str, "version": int, "intro": str, "disclaimer": str,
         "sources": list, "steps": list, "result": dict},
        {"migrations": list, "shared": list},
    ),
    "step": ({"id": str, "title": str, "questions": list},
             {"intro": str, "warning": str, "repeat": int, "item_label": str}),
    "question": (
        {"id": str, "type": str, "label": str},
        {"hint": str, "required": bool, "max_length": int, "options": list, "per": str,
         "show_if": dict, "after": str, "examples": list, "summary_label": str,
         "required_message": str, "options_from": str, "parent_label": str, "in_parent": bool,
         "expected": bool, "concrete": bool, "min": int, "max": int, "range_message": str},
    ),
    "option": ({"value": str, "label": str}, {"advice": str}),
    "show_if": ({"question": str}, {"equals": str, "includes": str}),
    "result": ({"title": str}, {"intro": str, "gaps": list, "sections": list,
                                "parent_title": str, "parent_intro": str, "builder": str}),
    "gap": ({"question": str, "message": str}, {"parent_message": str}),
    "section": ({"title": str, "include": list},
                {"parent_title": str, "parent_intro": str, "overview": bool}),
    "migration": ({"from_version": int}, {"rename": dict, "drop": list}),
}


def _parse(path: Path) -> Aid:
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    data = check.table("aid", raw, (), "de hulpmiddeldefinitie")
    if data["id"] != path.stem or not AID_ID.match(data["id"]):
        check.fail(f"id '{data['id']}' moet gelijk zijn aan de bestandsnaam '{path.stem}'", (), "id")
    if not all(isinstance(s, str) and s for s in data["sources"]) or not data["sources"]:
        check.fail("sources moet een niet-lege lijst met bronnen zijn", (), "sources")

    seen: dict[str, Question] = {}
    steps = []
    step_ids: set[str] = set()
    for i, step_raw in enumerate(data["steps"]):
        at = ("steps", i)
        step = check.table("step", step_raw, at, f"stap {i + 1}")
        if not FIELD_ID.match(step["id"]) or step["id"] in step_ids:
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
            if repeat and (question.per or question.show_if or question.type == "multi"):
                check.fail("in een herhaalde stap kan een vraag geen per, show_if of multi hebben",
                           q_at, "type")
            questions.append(question)
        if not questions:
            check.fail(f"stap '{step['id']}' heeft geen vragen", at)
        steps.append(Step(step["id"], step["title"], step.get("intro", ""), tuple(questions),
                          step.get("warning", ""), repeat, step.get("item_label", "")))
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
        gaps.append(Gap(gap["question"], gap["message"], gap.get("parent_message", "")))
    sections = []
    for k, section_raw in enumerate(result.get("sections", [])):
        section = check.table("section", section_raw, ("result.sections", k), f"sectie {k + 1}")
        unknown = [key for key in section["include"] if key not in keys]
        if unknown or not section["include"]:
            check.fail(f"sectie verwijst naar onbekende vragen {unknown}", ("result.sections", k),
                       "include")
        sections.append(ResultSection(section["title"], tuple(section["include"]),
                                      section.get("parent_title", ""),
                                      section.get("parent_intro", ""),
                                      section.get("overview", False)))
    if result.get("parent_title") and not all(s.parent_title for s in sections):
        check.fail("met een versie voor ouders heeft elke sectie een parent_title", (), "parent_title")
    unknown_shared = [key for key in data.get("shared", []) if key not in keys]
    if unknown_shared:
        check.fail(f"shared noemt onbekende vragen {unknown_shared}", (), "shared")
    builder = result.get("builder", "")
    if builder and builder not in BUILDERS:
        check.fail(f"builder moet een van {BUILDERS} zijn", (), "builder")
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
        sections=tuple(sections), parent_title=result.get("parent_title", ""),
        parent_intro=result.get("parent_intro", ""),
        migrations=tuple(sorted(migrations, key=lambda m: m.from_version)), builder=builder,
        shared=tuple(data.get("shared", [])), path=path,
    )


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
        options.append(Option(option["value"], option["label"], option.get("advice", "")))
    if "options_from" in q:
        source = q["options_from"]
        if source not in OPTION_SOURCES or options:
            check.fail(f"options_from kan alleen {OPTION_SOURCES} zijn, zonder eigen opties", at,
                       "options_from")
        if source == "interventions":
            options = [Option(item.id, item.name) for item in catalogue.interventions()]
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
        if wanted is None or len(cond) != 2 or wanted not in [o.value for o in target.options]:
            check.fail("show_if moet 'equals' (bij choice) of 'includes' (bij multi) met een "
                       "bestaande optie hebben", at, "show_if")
        condition = Condition(cond["question"], cond.get("equals"), cond.get("includes"))
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
    question = Question(
        id=qid, type=qtype, label=q["label"], hint=q.get("hint", ""),
        required=q.get("required", False), max_length=max_length, options=tuple(options),
        per=per, show_if=condition, after=after, examples=tuple(examples),
        summary_label=q.get("summary_label", ""),
        required_message=q.get("required_message", ""),
        parent_label=q.get("parent_label", ""), in_parent=q.get("in_parent", True),
        expected=q.get("expected", False), concrete=q.get("concrete", False),
        minimum=q.get("min", 0), maximum=q.get("max", 999),
        range_message=q.get("range_message", ""),
    )
    seen[qid] = question
    return question


def builder_module(aid: Aid):
    """The module that builds this aid's result (aids.<builder>), or None for the summary."""
    if not aid.builder:
        return None
    from importlib import import_module

    return import_module(f"aids.{aid.builder}")


def aid_ids() -> list[str]:
    """The ids of all aids, in alphabetical order."""
    # Each top-level content file defines one aid; shared data lives in content/data/.
    return sorted(p.stem for p in CONTENT_DIR.glob("*.toml"))


@cache
def load(aid_id: str) -> Aid:
    """Load and check one aid definition (cached)."""
    if not AID_ID.match(aid_id) or aid_id not in aid_ids():
        raise KeyError(aid_id)
    return _parse(CONTENT_DIR / f"{aid_id}.toml")


def load_file(path: Path) -> Aid:
    """Load and check a definition from any path (used by the build and tests)."""
    return _parse(path)
