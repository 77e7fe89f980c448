"""The group overview: the saved files of several groups, side by side.

In a training, groups fill in the same case on their own laptops and save their file. The
trainer opens all files at once and sees per topic what each group chose: the interventions,
the arguments for and against return, the contact arrangement. Which answers and result
sections make up a topic is content (the rows in content/data/training.toml); every word shown
comes from content. Runs in the browser (Pyodide) through aids.web; nothing is sent anywhere.

A file is a saved single-aid file today; a family file (answers of several aids) is read by
_read_file, the one place that knows the file format.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import answers_file, catalogue, family
from ._html import Markup, h
from .definition import Aid, aid_ids, load
from .dates import format_date, parse_date
from .engine import evaluate
from .fields import item_name
from .texts import text

MAX_FILES = 12


@dataclass(frozen=True)
class Column:
    """One group's file: its answers per aid, or the reason it could not be read."""

    number: int
    name: str
    answers: dict[str, dict]  # aid id -> answers
    problem: str = ""


def _t(key: str, **values: object) -> str:
    return catalogue.training()("overview", key, **values)


def _read_file(content: str) -> dict[str, dict]:
    """The answers per aid in one saved file (a family file, or an older single-aid file);
    FileError (Dutch) when it cannot be used. Its limits are checked before it is parsed."""
    data = answers_file.parse_json(content)
    if family.is_family(data):
        found, _ = family.parse(data)
        return {aid_id: family.answers_for(found, load(aid_id)) for aid_id in found.parts}
    aid_id = data.get("aid") if isinstance(data, dict) else None
    if aid_id not in aid_ids():
        raise answers_file.FileError(text("files.unreadable"))
    aid = load(aid_id)
    return {aid.id: answers_file.load_text(aid, content).answers}


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
            found.append(Column(number, name, {}, problem))
            continue
        try:
            found.append(Column(number, name, _read_file(item["text"])))
        except answers_file.FileError as error:
            found.append(Column(number, name, {}, str(error)))
        except Exception:  # noqa: BLE001 - one file that breaks something must not hide the rest
            found.append(Column(number, name, {}, text("files.unreadable")))
    return found


# What a cell shows ------------------------------------------------------------------------

def _display(aid: Aid, key: str, answers: dict) -> list[str]:
    """One answer as lines of text, with the aid's own labels."""
    value = answers.get(key)
    if value in (None, "", [], {}):
        return []
    if key in aid.repeats:
        step = aid.repeats[key]
        questions = {q.id: q for q in step.questions}
        lines = []
        for number, entry in enumerate((e for e in value if e), start=1):
            parts = [f"{questions[k].short}: {_value(questions[k], v)}" for k, v in entry.items()]
            lines.append(f"{item_name(step, number)}: " + "; ".join(parts))
        return lines
    question = aid.questions[key]
    if question.per:
        members = aid.questions[question.per]
        return [f"{members.option_label(m)}: {text}" for m, text in value.items() if text.strip()]
    if question.type == "multi":
        return [question.option_label(v) for v in value]
    return [f"{question.short}: {_value(question, value)}"] if question.type in (
        "choice", "date", "number") else [line for line in str(value).splitlines() if line.strip()]


def _value(question, value: object) -> str:
    if question.type == "choice":
        return question.option_label(value)
    if question.type == "date" and (day := parse_date(value)):
        return format_date(day)
    return str(value)


def _section_lines(aid: Aid, key: str, answers: dict) -> list[str]:
    """A section of the aid's result (found by its key), as lines."""
    result = evaluate(aid, answers).result
    return [f"{item.label}: {item.text}" for section in result.professional.sections
            if section.id == key for item in section.items]


def _cell(row: catalogue.OverviewRow, column: Column) -> Markup:
    lines: list[str] = []
    involved = False
    for dotted in row.answers:
        aid_id, key = dotted.split(".")
        if aid_id in column.answers:
            involved = True
            lines += _display(load(aid_id), key, column.answers[aid_id])
    for dotted in row.sections:
        aid_id, key = dotted.split(".")
        if aid_id in column.answers:
            involved = True
            lines += _section_lines(load(aid_id), key, column.answers[aid_id])
    if not involved:
        return h("td", {"class": "tw-overview-none"}, _t("not_in_aid"))
    if not lines:
        return h("td", {"class": "tw-overview-none"}, _t("empty"))
    return h("td", {}, h("ul", {}, [h("li", {}, line) for line in lines]))


def _row_applies(row: catalogue.OverviewRow, usable: list[Column]) -> bool:
    aids_of_row = {dotted.split(".")[0] for dotted in row.answers + row.sections}
    return any(aids_of_row & set(column.answers) for column in usable)


def _cells(column: Column) -> Column | list[Markup]:
    """A column's cell in every row; the column with a problem if its answers break the result
    (the other groups still show)."""
    try:
        return [_cell(row, column) for row in catalogue.training().overview_rows]
    except Exception:  # noqa: BLE001 - one file that breaks something must not hide the rest
        return Column(column.number, column.name, {}, text("files.unreadable"))


def html(files: list) -> Markup:
    """The overview as HTML: problems with files first, then one table, groups side by side."""
    found = columns(files)
    cells = {c.number: _cells(c) for c in found if not c.problem}
    found = [cells[c.number] if isinstance(cells.get(c.number), Column) else c for c in found]
    problems = [c for c in found if c.problem]
    usable = [c for c in found if not c.problem]
    parts = []
    if len(files) > MAX_FILES:
        parts.append(h("p", {"class": "aid-error"}, _t("too_many", max=MAX_FILES)))
    if problems:
        parts.append(h("ul", {"class": "tw-overview-problems"},
                       [h("li", {"class": "aid-error"},
                          _t("refused", name=c.name or _t("group", n=c.number), reason=c.problem))
                        for c in problems]))
    if usable:
        head = h("tr", {}, h("th", {"scope": "col"}, _t("topic")),
                 [h("th", {"scope": "col"},
                    h("span", {"class": "tw-overview-group"}, _t("group", n=c.number)),
                    h("span", {"class": "tw-overview-file"}, f"{_t('file')}: {c.name}"),
                    h("span", {"class": "tw-overview-file"},
                      f"{_t('aid')}: " + ", ".join(load(a).title for a in c.answers)))
                  for c in usable])
        rows = [h("tr", {}, h("th", {"scope": "row"}, row.label),
                  [cells[column.number][n] for column in usable])
                for n, row in enumerate(catalogue.training().overview_rows)
                if _row_applies(row, usable)]
        parts.append(h("div", {"class": "tw-overview-scroll", "tabindex": "0", "role": "region",
                               "aria-label": _t("caption")},
                       h("table", {"class": "tw-overview-table"},
                         h("caption", {}, _t("caption")),
                         h("thead", {}, head), h("tbody", {}, rows))))
    return Markup("".join(parts))
