"""The group overview: the saved files of several groups, question by question.

In a training, groups fill in the same case on their own laptops and save their family file. The
trainer opens all files at once and sees, per question, each group's answer side by side, with
what differs marked and a summary line ("3 groepen zijn het eens", "2 van 3 groepen kozen: ...").
Choices, numbers and dates are compared; free text is shortened, with the whole text one click
away. Files may come from several aids: the questions are grouped by the aid they come from, and
the shared part on safety and the legal frame comes once, as a group of its own. After the
answers of an aid come what the aid made of them: the dangers and contradictions it flags (rules
with `watch`) and the result sections named in content/data/training.toml. Every word shown
comes from content. Runs in the browser (Pyodide) through aids.web; nothing is sent anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from . import answers_file, catalogue, definition, family
from ._html import Markup, h
from .contract import ATTRIBUTES as A
from .dates import format_date, parse_date
from .definition import SHARED_PARTS, Aid, Question, Step, aid_ids, load, shared_part
from .engine import evaluate
from .fields import item_name
from .result import member_name
from .texts import text

MAX_FILES = 12
SHORT_WORDS = 20  # free text longer than this shows its first words, the rest on request
NOT_COMPARED = ("label",)  # the family's label names the file, it is no answer to discuss


@dataclass(frozen=True)
class Column:
    """One group's file: its own answers per aid and per shared part, or why it cannot be read."""

    number: int
    name: str
    answers: dict[str, dict] = field(default_factory=dict)  # aid id -> the aid's own answers
    shared: dict[str, dict] = field(default_factory=dict)  # shared part id -> its answers
    label: str = ""
    problem: str = ""

    def full(self, aid: Aid) -> dict:
        """The answers as the aid sees them: its own and the shared parts it asks."""
        answers = dict(self.answers.get(aid.id, {}))
        for name in aid.parts:
            answers.update(self.shared.get(name, {}))
        return answers


def _t(key: str, **values: object) -> str:
    return catalogue.training()("overview", key, **values)


def _split(aid: Aid, answers: dict) -> tuple[dict, dict[str, dict]]:
    """An aid's answers without the shared parts' keys, and those parts' answers."""
    shared = {name: {k: v for k, v in answers.items() if k in shared_part(name).keys}
              for name in aid.parts}
    keys = {k for part in shared.values() for k in part}
    return {k: v for k, v in answers.items() if k not in keys}, {n: p for n, p in shared.items() if p}


def _read_file(number: int, name: str, content: str) -> Column:
    """One saved file (a family file, or an older single-aid file) as a column; FileError
    (Dutch) when it cannot be used. Its limits are checked before it is parsed."""
    data = answers_file.parse_json(content)
    if family.is_family(data):
        found, _ = family.parse(data)
        answers, shared = {}, {}
        for aid_id, part in found.parts.items():
            own, parts = _split(load(aid_id), part.answers)
            answers[aid_id] = own
            for part_id, values in parts.items():  # an older file kept them in the aid's part
                shared.setdefault(part_id, values)
        shared.update({part_id: part.answers for part_id, part in found.shared.items()})
        return Column(number, name, answers, shared, found.label)
    aid_id = data.get("aid") if isinstance(data, dict) else None
    if aid_id not in aid_ids():
        raise answers_file.FileError(text("files.unreadable"))
    aid = load(aid_id)
    own, shared = _split(aid, answers_file.load_text(aid, content).answers)
    return Column(number, name, {aid.id: own}, shared, str(own.get("label", "")))


def columns(files: list) -> list[Column]:
    """Each file as a column, numbered in the order given. A file the page could not read
    arrives with its problem instead of its text; a file that cannot be used is named with its
    reason, and the others still show."""
    found = []
    for number, item in enumerate(files[:MAX_FILES], start=1):
        item = item if isinstance(item, dict) else {}
        name = str(item.get("name", ""))[:200]
        if item.get("problem") or not isinstance(item.get("text"), str):
            problem = str(item.get("problem") or text("files.unreadable"))[:500]
            found.append(Column(number, name, problem=problem))
            continue
        try:
            found.append(_read_file(number, name, item["text"]))
        except answers_file.FileError as error:
            found.append(Column(number, name, problem=str(error)))
        except Exception:  # noqa: BLE001 - one file that breaks something must not hide the rest
            found.append(Column(number, name, problem=text("files.unreadable")))
    return found


# One answer of one group -------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    """What one group answered to one question. `key` is what is compared (None: empty);
    a choice of several is compared option by option (`items`, value -> label); `lines` is
    typed text."""

    key: object = None
    shown: str = ""
    items: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()


EMPTY = Answer()


def _answer(aid: Aid, question: Question, value: object, answers: dict) -> Answer:
    if value in (None, "", [], {}):
        return EMPTY
    if question.per:
        lines = tuple(f"{member_name(aid, answers, m)}: {t.strip()}" for m, t in value.items()
                      if isinstance(t, str) and t.strip())
        return Answer(key=lines, lines=lines) if lines else EMPTY
    if question.type == "multi":
        members = aid.roles and any(q.per == question.id for q in aid.questions.values())
        items = tuple((v, member_name(aid, answers, v) if members else question.option_label(v))
                      for v in value)
        return Answer(key=frozenset(v for v, _ in items), items=items)
    if question.type == "choice":
        return Answer(key=value, shown=question.option_label(value))
    if question.type == "number":
        return Answer(key=value, shown=str(value))
    if question.type == "date":
        day = parse_date(value)
        return Answer(key=day or str(value), shown=format_date(day) if day else str(value))
    lines = tuple(line.strip() for line in str(value).splitlines() if line.strip())
    return Answer(key=" ".join(" ".join(lines).split()), lines=lines)


# The rows: one per question, and what each aid made of the answers ------------------------

@dataclass(frozen=True)
class Row:
    """One question (or part of a result) and every group's answer to it; None for a group
    whose file does not hold this aid."""

    id: str
    label: str
    kind: str  # "one" (a choice, number or date), "many" (several choices), "text"
    answers: tuple[Answer | None, ...]


@dataclass(frozen=True)
class Group:
    """The rows of one aid, or of a shared part."""

    id: str
    title: str
    rows: tuple[Row, ...]


def _kind(question: Question) -> str:
    if question.per or question.type in ("text", "textarea"):
        return "text"
    return "many" if question.type == "multi" else "one"


def _question_rows(group: str, aid: Aid, steps: tuple[Step, ...], answers: list[dict | None]
                   ) -> list[Row]:
    rows = []
    for step in steps:
        if step.repeat:
            entries = [[e for e in a.get(step.id, []) if e] if a is not None else None
                       for a in answers]
            most = max((len(e) for e in entries if e is not None), default=0)
            for number in range(1, most + 1):
                for question in step.questions:
                    cells = tuple(
                        None if e is None else _answer(aid, question, e[number - 1].get(
                            question.id), answers[i]) if number <= len(e) else EMPTY
                        for i, e in enumerate(entries))
                    rows.append(Row(f"{group}-{step.id}-{number}-{question.id}",
                                    _t("entry", item=item_name(step, number),
                                       question=question.short), _kind(question), cells))
            continue
        for question in step.questions:
            if question.id in NOT_COMPARED:
                continue
            cells = tuple(None if a is None else _answer(aid, question, a.get(question.id), a)
                          for a in answers)
            rows.append(Row(f"{group}-{question.id}", question.label, _kind(question), cells))
    return rows


def _flags(aid: Aid, answers: dict, prefix: str) -> Answer:
    """The dangers and contradictions the aid flags for these answers (rules with `watch`),
    only those whose id starts with prefix."""
    rules = {rule.id: rule for rule in aid.rules}
    drawn = [rules[i] for i in evaluate(aid, answers).result.rules
             if i.startswith(prefix) and rules[i].watch]
    items = tuple((rule.id, rule.watch) for rule in drawn)
    return Answer(key=frozenset(i for i, _ in items), items=items) if items else EMPTY


def _section(aid: Aid, key: str, answers: dict) -> Answer:
    """A section of the aid's result, compared by the labels of its items."""
    result = evaluate(aid, answers).result
    labels = tuple(dict.fromkeys(item.label for section in result.professional.sections
                                 if section.id == key for item in section.items))
    items = tuple((label, label) for label in labels)
    return Answer(key=frozenset(labels), items=items) if items else EMPTY


def _aid_groups(usable: list[Column]) -> list[Group]:
    """The shared parts first (once, as groups of their own), then each aid in the order of the
    content, with what it made of the answers after its questions."""
    groups = []
    for name in SHARED_PARTS:
        part = shared_part(name)
        asked_by = [aid_id for aid_id in aid_ids() if name in load(aid_id).parts]
        holders = [next((load(a) for a in asked_by if a in c.answers), None) for c in usable]
        if not any(holders):
            continue
        as_aid = family._as_aid(name)
        answers = [c.shared.get(name, {}) if holder else None for c, holder in zip(usable, holders)]
        rows = _question_rows(part.part, as_aid, (part.step,), answers)
        flags = tuple(None if holder is None else _flags(holder, c.full(holder), f"{part.id}.")
                      for c, holder in zip(usable, holders))
        rows.append(Row(f"{part.part}-signalen", _t("flags"), "many", flags))
        groups.append(Group(part.part, part.step.title, _answered(rows)))
    results = catalogue.training().overview_results
    for aid_id in definition.AIDS:
        if not any(aid_id in c.answers for c in usable):
            continue
        aid = load(aid_id)
        answers = [c.answers.get(aid_id) for c in usable]
        own = tuple(s for s in aid.steps if not s.shared)
        rows = _question_rows(aid_id, aid, own, answers)
        fulls = [c.full(aid) if aid_id in c.answers else None for c in usable]
        for dotted in results:
            if dotted.split(".")[0] == aid_id:
                key = dotted.split(".")[1]
                title = next(s.title for s in aid.sections if s.id == key)
                rows.append(Row(f"{aid_id}-resultaat-{key}", title, "many", tuple(
                    None if a is None else _section(aid, key, a) for a in fulls)))
        rows.append(Row(f"{aid_id}-signalen", _t("flags"), "many", tuple(
            None if a is None else _flags(aid, a, f"{aid_id}.") for a in fulls)))
        groups.append(Group(aid_id, aid.title, _answered(rows)))
    return [g for g in groups if g.rows]


def _answered(rows: list[Row]) -> tuple[Row, ...]:
    """The rows at least one group answered (or where the aid made something of the answers)."""
    return tuple(row for row in rows if any(a not in (None, EMPTY) for a in row.answers))


# Comparing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Comparison:
    summary: str
    agree: bool
    differs: tuple[bool, ...]  # per group: its answer differs from what most groups chose
    counts: dict = field(default_factory=dict)  # an option of several -> how many chose it


LISTED = 120  # characters: a summary names the choices up to this length, else counts them


def _listed(labels: list[str]) -> str:
    return "; ".join(label.rstrip(".") for label in labels)


def compare(row: Row) -> Comparison:
    """The summary line of a row, and which groups' answers differ from what most chose."""
    involved = [a for a in row.answers if a is not None]
    count = len(involved)
    answered = [a for a in involved if a.key is not None]
    same = tuple(False for _ in row.answers)
    if count == 1:
        return Comparison(_t("one_group"), True, same)
    if row.kind == "many":
        return _compare_many(row, involved, answered)
    if row.kind == "text":
        distinct = {a.key for a in answered}
        if len(distinct) == 1 and len(answered) == count:
            return Comparison(_t("agree_text", count=count), True, same)
        if len(answered) == 1:
            return Comparison(_t("only_one", count=count), False, same)
        if len(distinct) == 1:
            return Comparison(_t("text_some_empty", answered=len(answered), count=count),
                              False, same)
        return Comparison(_t("texts_differ", answered=len(answered), distinct=len(distinct)),
                          False, same)
    counts = Counter(a.key for a in involved)
    shown = {a.key: a.shown for a in answered}
    top, most = counts.most_common(1)[0]
    if len(counts) == 1:
        return Comparison(_t("agree_value", count=count, value=shown[top].rstrip(".")), True, same)
    if most >= 2 and list(counts.values()).count(most) == 1 and top is not None:
        return Comparison(_t("majority", most=most, count=count, value=shown[top].rstrip(".")),
                          False,
                          tuple(a is not None and a.key != top for a in row.answers))
    differs = tuple(a is not None for a in row.answers)
    if len(answered) == 1:
        return Comparison(_t("only_one", count=count), False, differs)
    keys = [k for k in counts if k is not None]
    if len(keys) >= 2 and (all(isinstance(k, int) for k in keys)
                           or all(isinstance(k, dt.date) for k in keys)):
        keys.sort()
        return Comparison(_t("range", low=shown[keys[0]], high=shown[keys[-1]]), False, differs)
    return Comparison(_t("all_differ", count=count), False, differs)


def _compare_many(row: Row, involved: list[Answer], answered: list[Answer]) -> Comparison:
    """Several choices: compared option by option; what not every group chose is marked in
    the cells (see _value)."""
    count = len(involved)
    sets = [a.key if a.key is not None else frozenset() for a in involved]
    counts = Counter(v for s in sets for v in s)
    labels = {v: label for a in answered for v, label in a.items}
    everyone = frozenset(v for v, n in counts.items() if n == count)
    common = [labels[v] for v in labels if v in everyone]
    long = len(_listed(common)) > LISTED and len(common) > 1
    if len(set(sets)) == 1:
        summary = (_t("agree_many", count=count, n=len(common)) if long
                   else _t("agree_values", count=count, values=_listed(common)))
        return Comparison(summary, True, tuple(False for _ in row.answers), dict(counts))
    # Marked option by option (what not every group chose, with how many did), not as a whole.
    differs = tuple(False for _ in row.answers)
    if len(answered) == 1:
        summary = _t("only_one", count=count)
    elif common:
        summary = (_t("common_many", count=count, n=len(common)) if long
                   else _t("common", count=count, values=_listed(common)))
    else:
        summary = _t("nothing_common", count=count)
    return Comparison(summary, False, differs, dict(counts))


# HTML ------------------------------------------------------------------------------------

def _slug(value: str) -> str:
    return "tw-ov-" + re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def _who(column: Column) -> Markup:
    """A group: its number, and its name (the file, the label), which the trainer can hide."""
    name = f"{column.name} ({column.label})" if column.label and column.label != column.name \
        else column.name
    return h("span", {"class": "tw-ov-who"}, _t("group", n=column.number),
             h("span", {"class": "tw-ov-name"}, f" {_t('named', name=name)}") if name else None)


def _short(lines: tuple[str, ...]) -> Markup:
    """Typed text: whole when short, else its first words with the rest on request."""
    words = " ".join(lines).split()
    paragraphs = [h("p", {}, line) for line in lines]
    if len(words) <= SHORT_WORDS:
        return h("div", {"class": "tw-ov-text"}, paragraphs)
    return h("details", {"class": "tw-ov-text"},
             h("summary", {}, _t("shortened", start=" ".join(words[:SHORT_WORDS]))),
             paragraphs)


def _value(row: Row, answer: Answer, comparison: Comparison, involved: int) -> Markup:
    if answer.key is None:
        return h("p", {"class": "tw-ov-none"}, _t("empty"))
    if row.kind == "many":
        return h("ul", {}, [
            h("li", {"class": "tw-ov-item--differs"}, label, " ",
              h("span", {"class": "tw-ov-count"},
                _t("chosen_by", n=comparison.counts[value], count=involved)))
            if comparison.counts.get(value, involved) < involved else h("li", {}, label)
            for value, label in answer.items])
    if row.kind == "text":
        return _short(answer.lines)
    return h("p", {"class": "tw-ov-value"}, answer.shown)


def _question(row: Row, group: Group, number: int, total: int, usable: list[Column]) -> Markup:
    comparison = compare(row)
    involved = len([a for a in row.answers if a is not None])
    heading = f"{_slug(row.id)}-titel"
    cells = []
    for column, answer, differs in zip(usable, row.answers, comparison.differs):
        body = (h("p", {"class": "tw-ov-none"}, _t("not_in_aid")) if answer is None
                else _value(row, answer, comparison, involved))
        cells.append(h("li", {"class": "tw-ov-answer tw-ov-answer--differs" if differs
                              else "tw-ov-answer"},
                       _who(column),
                       h("strong", {"class": "tw-ov-flag"}, _t("differs")) if differs else None,
                       body))
    return h("section", {"class": "tw-ov-question", "id": _slug(row.id),
                         A["screen"]: True, A["agree"]: comparison.agree,
                         "aria-labelledby": heading},
             h("h3", {"id": heading, "tabindex": "-1"},
               h("span", {"class": "tw-ov-where"},
                 _t("where", aid=group.title, n=number, total=total)), " ", row.label),
             h("p", {"class": "tw-ov-summary"}, comparison.summary),
             h("ul", {"class": "tw-ov-answers"}, cells))


def html(files: list) -> Markup:
    """The overview as HTML: problems with files first, the groups, then every question with
    the groups' answers side by side."""
    found = columns(files)
    parts = []
    if len(files) > MAX_FILES:
        parts.append(h("p", {"class": "aid-error"}, _t("too_many", max=MAX_FILES)))
    usable = [c for c in found if not c.problem]
    try:
        groups = _aid_groups(usable)
    except Exception:  # noqa: BLE001 - find the file that breaks something, show the others
        groups, broken = None, []
        for column in usable:
            try:
                _aid_groups([column])
            except Exception:  # noqa: BLE001
                broken.append(column.number)
        found = [Column(c.number, c.name, problem=text("files.unreadable"))
                 if c.number in broken else c for c in found]
        usable = [c for c in found if not c.problem]
        groups = _aid_groups(usable)
    problems = [c for c in found if c.problem]
    if problems:
        parts.append(h("ul", {"class": "tw-overview-problems"},
                       [h("li", {"class": "aid-error"},
                          _t("refused", name=c.name or _t("group", n=c.number), reason=c.problem))
                        for c in problems]))
    if not usable:
        return Markup("".join(parts))
    titles = {g.id: g.title for g in groups}
    # The first screen in the projector mode: who the groups are, and where the answers are from.
    parts.append(h("section", {"class": "tw-ov-groups", "aria-labelledby": "tw-ov-groepen",
                               A["screen"]: True},
                   h("h2", {"id": "tw-ov-groepen", "tabindex": "-1"}, _t("groups")),
                   h("ul", {}, [h("li", {}, _who(c), " ", _t("aids", aids=", ".join(
                       load(a).title for a in definition.AIDS
                       if a in c.answers))) for c in usable]),
                   h("p", {}, _t("groups_intro", aids=", ".join(titles.values())))))
    total = sum(len(g.rows) for g in groups)
    number = 0
    for group in groups:
        questions = []
        for row in group.rows:
            number += 1
            questions.append(_question(row, group, number, total, usable))
        parts.append(h("section", {"class": "tw-ov-aid", "aria-labelledby": _slug(group.id)},
                       h("h2", {"id": _slug(group.id)}, group.title), questions))
    return Markup("".join(parts))
