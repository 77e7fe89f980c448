"""HTML, plain text and Markdown for an aid: the static form (build time), the check page,
the result and the error summary (run time).

Every string goes through aids._html, which escapes it; typed text is never trusted. A result
reads as a document: the professional and the parents' version one at a time, for and against
side by side, pictures where a builder draws them (aids.figures). In Markdown, only what would
change the structure is escaped, so typed text shows as written in an editor and a viewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import figures
from ._html import Markup, h, join
from .definition import Aid, Question, Step, builder_module
from .texts import text
from .engine import Evaluation, FieldError, to_fields
from .fields import field_names, item_name, parse_field, step_fields
from .result import Item, Result, Section, Voice, member_name


def field_id(aid: Aid, name: str) -> str:
    return f"tw-{aid.id}-{name.replace('.', '--').replace('_', '-')}"


def step_id(aid: Aid, step: Step) -> str:
    return f"tw-{aid.id}-stap-{step.id.replace('_', '-')}"


def _described(fid: str, hint: bool) -> str:
    return f"{fid}-hint {fid}-error" if hint else f"{fid}-error"


def _error_slot(aid: Aid, name: str) -> Markup:
    return h("p", {"class": "aid-error", "id": f"{field_id(aid, name)}-error",
                   "data-error-for": name, "hidden": True})


def _examples(question: Question) -> Markup | None:
    if not question.examples:
        return None
    return h("details", {"class": "aid-examples"},
             h("summary", {}, text("form.examples")),
             h("ul", {}, [h("li", {}, e) for e in question.examples]))


def _text_control(aid: Aid, question: Question, name: str, label: str, hint: str,
                  member: str | None = None) -> Markup:
    fid = field_id(aid, name)
    # The definition's maximum, in the page too: a 10 MB paste is cut off before it arrives.
    attrs = {"id": fid, "name": name, "aria-describedby": _described(fid, bool(hint)),
             "autocomplete": "off", "maxlength": question.max_length}
    if question.type == "textarea":
        control = h("textarea", {**attrs, "rows": 4, "spellcheck": "true"}, "")
    else:
        # Dates are typed as text (d-m-jjjj): the same in every browser and with the keyboard.
        short = question.type in ("date", "number")
        control = h("input", {**attrs, "type": "text",
                              "inputmode": "numeric" if question.type == "number" else None,
                              "class": f"aid-{question.type}" if short else None})
    # data-member: a field of one member; a worksheet leaves out the members not chosen.
    return h("div", {"class": "aid-field", "data-field": name, "data-member": member},
             h("label", {"for": fid, "class": "aid-label", "data-member-label": member}, label),
             h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, hint) if hint else None,
             _error_slot(aid, name),
             control)


def _choice_control(aid: Aid, question: Question, name: str, label: str) -> Markup:
    fid = field_id(aid, name)
    kind = "radio" if question.type == "choice" else "checkbox"
    # data-members: the question whose choices other questions are asked per (the members).
    members = any(other.per == question.id for other in aid.questions.values())
    items = []
    for number, option in enumerate(question.options):
        oid = f"{fid}-{number}"
        # The members' names follow the roles typed (the loader sets them, see web.py).
        items.append(h("div", {"class": "aid-option"},
                       h("input", {"type": kind, "id": oid, "name": name, "value": option.value}),
                       h("label", {"for": oid, "data-member-label": option.value if members
                                   else None}, option.label)))
    return h("fieldset", {"class": "aid-field aid-group", "data-field": name, "id": fid,
                          "aria-describedby": _described(fid, bool(question.hint)),
                          "data-members": members},
             h("legend", {"class": "aid-label"}, label),
             h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, question.hint)
             if question.hint else None,
             _error_slot(aid, name),
             items)


def _control(aid: Aid, question: Question, name: str, label: str) -> Markup:
    if question.type in ("choice", "multi"):
        return _choice_control(aid, question, name, label)
    return _text_control(aid, question, name, label, question.hint)


def _question(aid: Aid, question: Question) -> Markup:
    attrs = {"class": "aid-question", "data-question": question.id}
    if question.per:
        members = aid.questions[question.per]
        fields = [
            _text_control(aid, question, name, member.label, "", member.value)
            for name, member in zip(field_names(aid, question), members.options)
        ]
        note = text("form.per_note", question=members.label.rstrip("?"))
        return h("div", attrs,
                 h("fieldset", {"class": "aid-group"},
                   h("legend", {"class": "aid-label"}, question.label),
                   h("p", {"class": "aid-hint"}, question.hint) if question.hint else None,
                   h("p", {"class": "aid-hint aid-per-note"}, note),
                   _examples(question),
                   fields))
    return h("div", attrs, _control(aid, question, question.id, question.label),
             _examples(question))


def _entries(aid: Aid, step: Step) -> Markup:
    entries = []
    for n in range(1, step.repeat + 1):
        controls = [_control(aid, q, f"{step.id}.{n}.{q.id}", q.label) for q in step.questions]
        entries.append(h("fieldset", {"class": "aid-entry", "data-entry": f"{step.id}.{n}"},
                         h("legend", {"class": "aid-entry-title"}, item_name(step, n)),
                         controls))
    note = text("form.repeat_note", count=step.repeat)
    return join([h("p", {"class": "aid-hint aid-per-note"}, note),
                 [_examples(q) for q in step.questions], entries])


def form_html(aid: Aid) -> Markup:
    """The whole aid as a static form: readable and usable as a checklist without Python.
    The loader turns it into one step at a time, with a check page and the result."""
    total = len(aid.steps) + 1  # the check page is the last step
    steps = [
        h("fieldset", {"class": "aid-step", "data-step": step.id, "id": step_id(aid, step)},
          h("legend", {}, h("h2", {"class": "aid-step-title", "tabindex": "-1"},
                            h("span", {"class": "aid-progress"}, text("form.progress", number=number, total=total)),
                            " ", step.title)),
          h("p", {"class": "aid-step-intro"}, step.intro) if step.intro else None,
          h("p", {"class": "aid-warning"}, h("strong", {}, text("form.warning")), " ", step.warning)
          if step.warning else None,
          _entries(aid, step) if step.repeat else [_question(aid, q) for q in step.questions])
        for number, step in enumerate(aid.steps, start=1)
    ]
    check = h("section", {"class": "aid-check", "data-aid-check": True, "hidden": True,
                          "aria-labelledby": f"tw-{aid.id}-check-title"},
              h("h2", {"id": f"tw-{aid.id}-check-title", "tabindex": "-1"},
                h("span", {"class": "aid-progress"}, text("form.progress", number=total, total=total)),
                " ", text("form.check_title")),
              h("div", {"data-aid-check-body": True}))
    return h(
        "form",
        {"class": "aid", "data-aid": aid.id, "data-state": "loading", "data-version": aid.version,
         "novalidate": True, "autocomplete": "off", "id": f"tw-{aid.id}"},
        h("div", {"class": "aid-status", "data-aid-status": True, "role": "status"},
          h("p", {}, text("form.starting"))),
        Markup(f"<noscript>{h('p', {'class': 'aid-status'}, text('form.noscript'))}</noscript>"),
        _tools(aid),
        h("div", {"class": "aid-error-summary", "data-aid-errors": True, "tabindex": "-1",
                  "hidden": True, "role": "alert"}),
        steps,
        check,
        h("div", {"class": "aid-actions"},
          h("button", {"type": "submit", "class": "aid-button", "data-aid-submit": True},
            text("form.submit"))),
        h("section", {"class": "aid-output", "data-aid-output": True, "aria-live": "polite",
                      "aria-label": aid.result_title, "tabindex": "-1"}),
        _exports(aid),
    )


def _tools(aid: Aid) -> Markup:
    """Open a family file and clear everything: hidden until Python is ready. Saving is a button
    beside every step's navigation (added by the loader)."""
    fid = f"tw-{aid.id}-bestand"
    return h("div", {"class": "aid-tools", "data-aid-tools": True, "hidden": True},
             h("div", {"class": "aid-field"},
               h("label", {"for": fid, "class": "aid-label"}, text("form.open_label")),
               h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, text("form.open_hint")),
               h("p", {"class": "aid-error", "id": f"{fid}-error", "data-aid-import-error": True,
                       "hidden": True}),
               h("input", {"type": "file", "id": fid, "accept": ".json,application/json",
                           "data-aid-import": True,
                           "aria-describedby": f"{fid}-hint {fid}-error"})),
             h("button", {"type": "button", "class": "aid-button aid-button--secondary",
                          "data-aid-clear": True}, text("form.clear")))


def has_calendar(aid: Aid) -> bool:
    """Whether the aid's result can be exported as a calendar (.ics)."""
    return hasattr(builder_module(aid), "calendar")


def calendar_of(aid: Aid, answers: dict, now=None, family_id: str = "") -> str:
    return builder_module(aid).calendar(aid, answers, now, family_id)


def _exports(aid: Aid) -> Markup:
    kinds = ["print"]
    if any(section.overview for section in aid.sections):
        kinds.append("print-overzicht")
    if aid.has_parent_version:
        kinds.append("print-ouders")
    kinds += ["copy", "markdown", "json"]
    if has_calendar(aid):
        kinds.append("ics")
    keys = {"print-overzicht": "print_overview", "print-ouders": "print_parents"}
    buttons = [(kind, text(f"exports.{keys.get(kind, kind)}")) for kind in kinds]
    return h("div", {"class": "aid-exports", "data-aid-exports": True, "hidden": True},
             h("h2", {}, text("exports.heading")),
             h("p", {}, text("exports.intro")),
             [h("button", {"type": "button", "class": "aid-button aid-button--secondary",
                           "data-aid-export": kind}, label) for kind, label in buttons],
             h("p", {"class": "aid-export-status", "data-aid-export-status": True,
                     "role": "status"}))


# Run time -----------------------------------------------------------------------------

def errors_html(aid: Aid, errors: tuple[FieldError, ...] | list[FieldError]) -> Markup:
    """The error summary at the top: a heading and a link to each field."""
    if not errors:
        return Markup("")
    return join([
        h("h2", {"class": "aid-error-title"}, text("errors.summary")),
        h("ul", {}, [h("li", {}, h("a", {"href": f"#{field_id(aid, e.field)}"}, e.message))
                     for e in errors]),
    ])


def check_html(aid: Aid, evaluation: Evaluation) -> Markup:
    """'Controleer je antwoorden': every step with its answers and a link to change them. Answers
    that belong together stay together: a repeated step entry by entry ("Contact 1: wie, met,
    hoe vaak"), a question asked per member with each member under it."""
    fields = to_fields(aid, evaluation.answers)
    shown = set(evaluation.visible)
    parts = []
    number = 0
    for step in aid.steps:
        names = step_fields(aid, step)
        if not shown & set(names):
            continue  # a step that does not apply (e.g. contact while the child lives at home)
        number += 1  # numbered as the wizard numbers it: only the steps that are asked
        filled = [name for name in names if name in shown and fields.get(name)]
        body = []
        for title, together in _together(aid, step, filled):
            rows = h("dl", {"class": "aid-rows"},
                     [_check_row(aid, step, name, fields[name], evaluation.answers)
                      for name in together])
            body.append(h("section", {"class": "aid-check-entry"}, h("h4", {}, title), rows)
                        if title else rows)
        parts.append(h("section", {"class": "aid-check-step"},
                       h("h3", {}, f"{number}. {step.title}"),
                       body or h("p", {}, text("check.nothing")),
                       h("a", {"href": f"#{step_id(aid, step)}", "data-goto-step": step.id},
                         text("check.change"), " ",
                         h("span", {"class": "aid-visually-hidden"},
                           text("check.change_step", number=number, title=step.title)))))
    problems = None
    if evaluation.errors:
        problems = h("p", {"class": "aid-error"},
                     text("check.problems", count=len(evaluation.errors)))
    return join([problems, parts])


def _together(aid: Aid, step: Step, names: list[str]) -> list[tuple[str, list[str]]]:
    """A step's filled fields in runs that read together: (title, names). The title names an
    entry ("Doel 1") or a question asked per member; other answers run without one."""
    runs: list[tuple[str, list[str]]] = []
    for name in names:
        field = parse_field(name)
        title = item_name(step, field.number) if step.repeat \
            else _question_of(aid, step, name).short if field.member else ""
        if runs and runs[-1][0] == title:
            runs[-1][1].append(name)
        else:
            runs.append((title, [name]))
    if step.repeat:  # field names come question by question; show them entry by entry
        runs = [(title, [n for t, ns in runs if t == title for n in ns])
                for title in dict.fromkeys(t for t, _ in runs)]
        runs.sort(key=lambda run: parse_field(run[1][0]).number)
    return runs


def _check_row(aid: Aid, step: Step, name: str, values: list[str], answers: dict
               ) -> list[Markup]:
    return [h("dt", {}, _field_label(aid, step, name, answers)),
            h("dd", {}, _lines(", ".join(_option_labels(aid, step, name, values, answers))))]


def _question_of(aid: Aid, step: Step, name: str) -> Question:
    return next(q for q in step.questions if q.id == parse_field(name).question)


def _field_label(aid: Aid, step: Step, name: str, answers: dict) -> str:
    """A field's label on the check page: the question, or under it the member (by role)."""
    question = _question_of(aid, step, name)
    field = parse_field(name)
    if question.per:
        return member_name(aid, answers, field.member)
    return question.short


def _option_labels(aid: Aid, step: Step, name: str, values: list[str], answers: dict
                   ) -> list[str]:
    question = _question_of(aid, step, name)
    if aid.roles and question.id == aid.questions[aid.roles].per:
        return [member_name(aid, answers, v) for v in values]
    if question.type in ("choice", "multi") and not question.per:
        return [question.option_label(v) for v in values]
    return values


# The result as a document ---------------------------------------------------------------
# One reading of a voice for HTML, plain text and Markdown alike: short answers as rows
# beside their label, a question asked per member as one group, longer texts as paragraphs
# under their label, and a section's figure before its items.

# An answer of a few short lines reads as a row beside its label: a date, a choice, a name, a
# short sentence, a goal with who and when. Longer texts read as paragraphs under their label.
SHORT = 70  # characters per line
ROW_LINES = 3


@dataclass(frozen=True)
class Block:
    kind: str  # "rows", "group" or "text"
    items: tuple[Item, ...]

    @property
    def title(self) -> str:
        return self.items[0].group if self.kind == "group" else ""


def blocks(items: tuple[Item, ...]) -> list[Block]:
    out: list[Block] = []
    for item in items:
        lines = _text_lines(item.text)
        short = len(lines) <= ROW_LINES and all(len(line) <= SHORT for line in lines) \
            and not item.pick
        kind = "group" if item.group else "rows" if short else "text"
        last = out[-1] if out else None
        if last and kind != "text" and last.kind == kind and last.title == item.group:
            out[-1] = Block(kind, last.items + (item,))
        else:
            out.append(Block(kind, (item,)))
    return out


def _text_lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _lines(value: str) -> Markup:
    return join([h("span", {"class": "aid-line"}, line) for line in _text_lines(value)])


def _pick(item: Item) -> Markup | None:
    """A box to tick an item to take along; the page reads the ticked values."""
    if not item.pick:
        return None
    pid = f"tw-meenemen-{item.pick}"
    return h("div", {"class": "aid-option aid-pick"},
             h("input", {"type": "checkbox", "id": pid, "value": item.pick, "data-aid-pick": True}),
             h("label", {"for": pid},
               text("result.pick", name=re.sub(r"^[0-9]+[.] ", "", item.label))))


def _label(item: Item) -> Markup:
    return h("a", {"href": item.link}, item.label) if item.link else join(item.label)


def _rows(items: tuple[Item, ...]) -> Markup:
    return h("dl", {"class": "aid-rows"},
             [[h("dt", {}, _label(item)), h("dd", {}, _lines(item.text))] for item in items])


def _block_html(block: Block) -> Markup:
    if block.kind == "rows":
        return _rows(block.items)
    if block.kind == "group":
        return h("div", {"class": "aid-doc-block aid-doc-group"}, h("h5", {}, block.title),
                 _rows(block.items))
    item = block.items[0]  # a longer text: a paragraph per line, under its label
    return h("div", {"class": "aid-doc-block"}, h("h5", {}, _label(item)),
             h("div", {"class": "aid-doc-text"},
               [h("p", {"class": "aid-line"}, line) for line in _text_lines(item.text)],
               _pick(item)))


def section_html(section: Section) -> Markup:
    css = "aid-result-section aid-result-section--overview" if section.overview \
        else "aid-result-section"
    return h("section", {"class": css, "data-section": section.id or None},
             h("h4", {}, section.heading),
             h("p", {"class": "aid-doc-intro"}, section.intro) if section.intro else None,
             figures.html(section.figure) if section.figure else None,
             [_block_html(block) for block in blocks(section.items)])


def _paired(sections: tuple[Section, ...]) -> list[tuple[Section, ...]]:
    """Sections in reading order; a section and the one it pairs with go together."""
    out: list[tuple[Section, ...]] = []
    for section in sections:
        if out and len(out[-1]) == 1 and out[-1][0].pair and out[-1][0].pair == section.id:
            out[-1] += (section,)
        else:
            out.append((section,))
    return out


def _voice_html(voice: Voice, css: str, label: str) -> Markup:
    gaps = None
    if voice.gaps:
        gaps = h("section", {"class": "aid-gaps"},
                 h("h4", {}, text("result.open")),
                 h("ul", {}, [h("li", {}, gap) for gap in voice.gaps]))
    parts = [h("div", {"class": "aid-pair"}, [section_html(s) for s in group]) if len(group) > 1
             else section_html(group[0]) for group in _paired(voice.sections)]
    empty = None if voice.sections else h("p", {}, text("result.empty"))
    return h("section", {"class": f"aid-result {css}"},
             h("h3", {}, [h("span", {"class": "aid-voice"}, label), " "] if label else None,
               voice.title),
             h("p", {"class": "aid-doc-intro"}, voice.intro) if voice.intro else None,
             gaps, parts, empty)


def voice_html(voice: Voice) -> Markup:
    """One version of a result on its own (the case-file document shows the professional one)."""
    return _voice_html(voice, "aid-result--pro", "")


def _switch(key: str) -> Markup:
    """Which version shows: two radio buttons; the stylesheet shows the chosen one (:has)."""
    name = f"tw-versie{'-' + key if key else ''}"
    options = [("pro", text("result.version_pro")), ("ouders", text("result.version_parents"))]
    return h("fieldset", {"class": "aid-versions"},
             h("legend", {}, text("result.versions")),
             [h("span", {"class": "aid-version"},
                h("input", {"type": "radio", "name": name, "id": f"{name}-{value}",
                            "value": value, "checked": value == "pro",
                            "data-aid-version": value}),
                h("label", {"for": f"{name}-{value}"}, label)) for value, label in options])


def result_html(result: Result, key: str = "") -> Markup:
    """The result as a document: one version at a time when there is a version for parents.
    key tells several results on one page apart."""
    parts = [h("h2", {}, text("result.heading"))]
    if result.parents:
        parts.append(_switch(key))
    parts.append(_voice_html(result.professional, "aid-result--pro",
                             text("result.professionals") if result.parents else ""))
    if result.parents:
        parts.append(_voice_html(result.parents, "aid-result--ouders", text("result.parents")))
    if result.about:
        parts.append(h("section", {"class": "aid-about"},
                       h("h3", {}, text("result.about")), _rows(result.about)))
    if any(item.pick for section in result.professional.sections for item in section.items):
        parts.append(h("p", {}, h("button", {"type": "button", "class": "aid-button",
                                             "data-aid-carry": "analyse.html#hulp="},
                                  text("result.carry"))))
    return h("div", {"class": "aid-doc"}, parts)


# Plain text: for pasting into a case-management system, without any markup ---------------

def _one_line(value: str) -> str:
    return " ".join(_text_lines(value))


def _colon(label: str) -> str:
    """A label before its answer on the same line: "Label:", but "Vraag?" stays as it is."""
    label = _one_line(label)
    return label if label.endswith(("?", ":")) else f"{label}:"


def _block_text(block: Block) -> list[str]:
    if block.kind == "rows":  # a line each; a row of several lines under its label
        out = []
        for item in block.items:
            lines = _text_lines(item.text)
            if len(lines) > 1:
                out += ([""] if out else []) + [_one_line(item.label)] + lines + [""]
            else:
                out.append(f"{_colon(item.label)} {''.join(lines)}")
        return out + ([""] if out and out[-1] else [])
    if block.kind == "group":
        out = [block.title]
        for item in block.items:
            first, *rest = _text_lines(item.text) or [""]
            out += [f"• {_colon(item.label)} {first}"] + [f"  {line}" for line in rest]
        return out + [""]
    item = block.items[0]
    return [_one_line(item.label)] + _text_lines(item.text) + [""]


def _voice_text(voice: Voice, label: str) -> list[str]:
    out = [voice.title] + ([label] if label else []) + [""]
    if voice.intro:
        out += [voice.intro, ""]
    if voice.gaps:
        out += [text("result.open")] + [f"• {gap}" for gap in voice.gaps] + [""]
    for number, section in enumerate(voice.sections, start=1):
        out += [f"{number}. {section.heading}", ""]
        if section.intro:
            out += [section.intro, ""]
        if section.figure:
            caption, lines = figures.lines(section.figure)
            if lines:
                out += [caption] + [f"• {line}" for line in lines] + [""]
        for block in blocks(section.items):
            out += _block_text(block)
    return out


def result_text(result: Result) -> str:
    """The result as plain text for the case file: the professional version, then the version
    for parents when there is one (each says which it is), then what it is based on."""
    parents = bool(result.parents)
    out = _voice_text(result.professional, text("result.professionals") if parents else "")
    if result.parents:
        out += ["", *_voice_text(result.parents, text("result.parents"))]
    if result.about:
        out += [text("result.about"), ""]
        for item in result.about:
            out += [item.label] + _text_lines(item.text) + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"  # one empty line at most


# Markdown: reads cleanly in a plain editor; typed text never becomes markup ---------------
# The export is read by CommonMark readers, by GitHub's (GFM: tables, strikethrough) and by
# Python-Markdown (MkDocs). A backslash escapes only the characters all three know as escapes;
# a character none of them lets a backslash escape is written as a character reference (&lt;),
# which all three show as the character.

# Inline, escaped with a backslash: code, emphasis, links, and the dot of www. (as for :).
_MD_BACKSLASH = re.compile(r"[\\`*\[\]]|(?<![^\W_])_|_(?![^\W_])|(?<=www)\.", re.IGNORECASE)
# Inline, written as a reference: HTML, autolinks and <a@b.nl> (a < before anything but a
# space), a character reference (&amp;), table cells (|), strikethrough (~), and the : of a
# web address (GFM would make it a link that takes the escapes after it as they are written).
_MD_REFERENCE = re.compile(r"<(?!\s)|&(?=#?[A-Za-z0-9]+;)|[|~]|:(?=//)")
_REFERENCES = {"<": "&lt;", "&": "&amp;", "|": "&#124;", "~": "&#126;", "=": "&#61;",
               ":": "&#58;"}
# At the start of a line: headings, quotes, lists, thematic breaks and setext underlines.
_MD_LINE_START = re.compile(r"^(?:[#>]|=(?==*\s*$)|[-+](?=\s|$)|-(?=[-\s]*$)|\d{1,9}(?=[.)](?:\s|$)))")
# Control characters: Python-Markdown drops some of them, HTML cannot hold others.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_escape(value: str, inline: bool = False) -> str:
    """Typed or content text as Markdown that shows exactly as written in every reader, with as
    few escapes as possible: only what would change the structure is escaped. Lines are
    stripped (leading spaces would make code) and joined with hard line breaks. inline: the
    first line follows other text on its line, so what only counts at a line start is kept."""
    return "  \n".join(_md_line(line, start=not (inline and n == 0))
                       for n, line in enumerate(_text_lines(value)))


def _md_line(line: str, start: bool = True) -> str:
    line = _CONTROL.sub("\ufffd", line)
    line = _MD_BACKSLASH.sub(lambda m: "\\" + m.group(0), line)
    line = _MD_REFERENCE.sub(lambda m: _REFERENCES[m.group(0)], line)
    match = _MD_LINE_START.match(line) if start else None
    if not match:
        return line
    first = match.group(0)[0]
    if first.isdigit():  # "1." or "1)": escape the dot, keep the number
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    if first == "=":  # Python-Markdown has no escape for =
        return _REFERENCES["="] + line[1:]
    return "\\" + line


def _md_heading(level: int, value: str) -> str:
    """A heading; a closing run of # would be dropped, so it is escaped."""
    escaped = md_escape(" ".join(_text_lines(value)), inline=True)
    return "#" * level + " " + re.sub(r"(^|\s)(#+)$", r"\1\\\2", escaped)


def _md_strong(value: str) -> str:
    return f"**{md_escape(' '.join(_text_lines(value)), inline=True)}**"


def _md_item(value: str) -> str:
    """A list item: continuation lines are indented to stay in it."""
    return "- " + md_escape(value).replace("\n", "\n  ")


def _block_markdown(block: Block) -> list[str]:
    if block.kind == "rows":  # one paragraph, a line per row; a row of several lines apart
        out, run = [], []
        for item in block.items:
            if len(_text_lines(item.text)) > 1:
                out += (["  \n".join(run), ""] if run else []) + _block_markdown(
                    Block("text", (item,)))
                run = []
            else:
                run.append(f"{_md_strong(_colon(item.label))} {md_escape(item.text, inline=True)}")
        return out + (["  \n".join(run), ""] if run else [])
    if block.kind == "group":  # a list, after its title: never straight after another list
        return [_md_strong(block.title), ""] + [
            _md_item(f"{_colon(item.label)} " + "\n".join(_text_lines(item.text)))
            for item in block.items] + [""]
    item = block.items[0]
    return [f"{_md_strong(item.label)}  ", md_escape(item.text), ""]


def _voice_markdown(voice: Voice, label: str) -> list[str]:
    out = [_md_heading(2, voice.title), ""]
    if label:
        out += [f"*{md_escape(label, inline=True)}*", ""]
    if voice.intro:
        out += [md_escape(voice.intro), ""]
    if voice.gaps:
        out += [_md_strong(text("result.open")), ""]
        out += [_md_item(gap) for gap in voice.gaps] + [""]
    for section in voice.sections:
        out += [_md_heading(3, section.heading), ""]
        if section.intro:
            out += [md_escape(section.intro), ""]
        if section.figure:
            caption, lines = figures.lines(section.figure)
            if lines:
                out += [_md_strong(caption), ""] + [_md_item(line) for line in lines] + [""]
        for block in blocks(section.items):
            out += _block_markdown(block)
    return out


def result_markdown(aid: Aid, result: Result) -> str:
    parents = bool(result.parents)
    out = [_md_heading(1, aid.title), "", md_escape(aid.disclaimer), ""]
    out += _voice_markdown(result.professional, text("result.professionals") if parents else "")
    if result.parents:
        out += _voice_markdown(result.parents, text("result.parents"))
    if result.about:
        out += [_md_heading(2, text("result.about")), ""]
        for item in result.about:
            out += [f"{_md_strong(item.label)}  ", md_escape(item.text), ""]
    return "\n".join(out).rstrip() + "\n"
