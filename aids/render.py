"""HTML, plain text and Markdown for an aid: the static form and the answer keys (build time),
the check page, the result and the error summary (run time).

Every string goes through aids._html, which escapes it; typed text is never trusted. A result
reads as a document: each reader's version (professional, parents, young person) one at a time,
each with its own title, the family's label and what it rests on; for and against side by side,
pictures where a builder draws them (aids.figures). In Markdown, only what would
change the structure is escaped, so typed text shows as written in an editor and a viewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import builders, family, figures, ics
from ._html import Markup, h, join
from .contract import ATTRIBUTES as A
from .definition import PRO, Aid, Question, Step
from .texts import counted, text
from .engine import Evaluation, FieldError, to_fields
from .fields import field_names, item_name, parse_field, step_fields
from .result import Item, Result, Section, Voice, member_name


def field_id(aid: Aid, name: str) -> str:
    return f"tw-{aid.id}-{name.replace('.', '--').replace('_', '-')}"


def step_id(aid: Aid, step: Step) -> str:
    return f"tw-{aid.id}-stap-{step.id.replace('_', '-')}"


def _described(fid: str, hint: bool) -> str:
    return f"{fid}-hint {fid}-origin {fid}-error" if hint else f"{fid}-origin {fid}-error"


def _error_slot(aid: Aid, name: str) -> Markup:
    """Where the page says what is wrong with a field, and where a field the family file filled
    in says where its answer came from."""
    fid = field_id(aid, name)
    return join([h("p", {"class": "aid-origin", "id": f"{fid}-origin", A["originFor"]: name,
                         "hidden": True}),
                 h("p", {"class": "aid-error", "id": f"{fid}-error", A["errorFor"]: name,
                         "hidden": True})])


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
    return h("div", {"class": "aid-field", A["field"]: name, A["member"]: member},
             # Named by the role typed for the member (the loader sets it, see web.py).
             h("label", {"for": fid, "class": "aid-label", A["memberLabel"]: member}, label),
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
                       h("label", {"for": oid, A["memberLabel"]: option.value if members
                                   else None}, option.label)))
    return h("fieldset", {"class": "aid-field aid-group", A["field"]: name, "id": fid,
                          "aria-describedby": _described(fid, bool(question.hint)),
                          A["members"]: members},
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
    attrs = {"class": "aid-question", A["question"]: question.id}
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
        entries.append(h("fieldset", {"class": "aid-entry", A["entry"]: f"{step.id}.{n}"},
                         h("legend", {"class": "aid-entry-title"}, item_name(step, n)),
                         controls))
    note = text("form.repeat_note", count=step.repeat)
    return join([h("p", {"class": "aid-hint aid-per-note"}, note),
                 [_examples(q) for q in step.questions], entries])


def form_html(aid: Aid) -> Markup:
    """The whole aid as a static form: readable and usable as a checklist without Python.
    The loader turns it into one step at a time, with a check page and the result."""
    total = len(aid.wizard_steps) + 1  # the check page is the last step
    steps = [
        h("fieldset", {"class": "aid-step", A["step"]: step.id, "id": step_id(aid, step)},
          h("legend", {}, h("h2", {"class": "aid-step-title", "tabindex": "-1"},
                            h("span", {"class": "aid-progress"}, text("form.progress", number=number, total=total)),
                            " ", step.title)),
          h("p", {"class": "aid-step-intro"}, step.intro) if step.intro else None,
          h("p", {"class": "aid-warning"}, h("strong", {}, text("form.warning")), " ", step.warning)
          if step.warning else None,
          _entries(aid, step) if step.repeat else [_question(aid, q) for q in step.questions])
        for number, step in enumerate(aid.wizard_steps, start=1)
    ]
    check = h("section", {"class": "aid-check", A["check"]: True, "hidden": True,
                          "aria-labelledby": f"tw-{aid.id}-check-title"},
              h("h2", {"id": f"tw-{aid.id}-check-title", "tabindex": "-1"},
                h("span", {"class": "aid-progress"}, text("form.progress", number=total, total=total)),
                " ", text("form.check_title")),
              h("div", {A["checkBody"]: True}))
    return h(
        "form",
        {"class": "aid", A["aid"]: aid.id, A["state"]: "loading", A["resultVersion"]: aid.version,
         "novalidate": True, "autocomplete": "off", "id": f"tw-{aid.id}",
         # What a blank worksheet prints at the top of every page (thuiswijzer.css, aid.js).
         A["sheetHeader"]: text("print.sheet", title=aid.title)},
        h("div", {"class": "aid-status", A["status"]: True, "role": "status"},
          h("p", {}, text("form.starting"))),
        Markup(f"<noscript>{h('p', {'class': 'aid-status'}, text('form.noscript'))}</noscript>"),
        _tools(aid),
        h("div", {"class": "aid-error-summary", A["errors"]: True, "tabindex": "-1",
                  "hidden": True, "role": "alert"}),
        steps,
        check,
        h("div", {"class": "aid-actions"},
          h("button", {"type": "submit", "class": "aid-button", A["submit"]: True},
            text("form.submit"))),
        h("section", {"class": "aid-output", A["output"]: True, "aria-live": "polite",
                      "aria-label": aid.result_title, "tabindex": "-1"}),
        _exports(aid),
    )


def route_html(current: str, order: tuple[str, ...]) -> Markup:
    """The aids in the order a family goes through them, on every aid page: a link to each (the
    page carries the family file along, aid.js), the current one marked. Aid pages live side by
    side (docs/hulpmiddelen/<id>.md), so each links to the others by file name."""
    from .definition import load

    items = []
    for aid_id in order:
        title = load(aid_id).title
        items.append(h("li", {}, h("span", {"aria-current": "page"}, title, " ",
                                   h("span", {"class": "tw-route-here"}, text("route.here")))
                       if aid_id == current else
                       h("a", {"href": f"{aid_id}.html", A["route"]: aid_id}, title)))
    return h("nav", {"class": "tw-route", "aria-labelledby": "tw-route-title",
                     "data-search-exclude": True},
             h("p", {"class": "tw-route-title", "id": "tw-route-title"}, text("route.label")),
             h("ol", {}, items))


def _tools(aid: Aid) -> Markup:
    """Open a family file and clear everything: hidden until Python is ready. Saving is a button
    beside every step's navigation (added by the loader)."""
    fid = f"tw-{aid.id}-bestand"
    return h("div", {"class": "aid-tools", A["tools"]: True, "hidden": True},
             h("div", {"class": "aid-field"},
               h("label", {"for": fid, "class": "aid-label"}, text("form.open_label")),
               h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, text("form.open_hint")),
               h("p", {"class": "aid-error", "id": f"{fid}-error", A["importError"]: True,
                       "hidden": True}),
               h("input", {"type": "file", "id": fid, "accept": ".json,application/json",
                           A["import"]: True,
                           "aria-describedby": f"{fid}-hint {fid}-error"})),
             h("button", {"type": "button", "class": "aid-button aid-button--secondary",
                          A["clear"]: True}, text("form.clear")))


def has_calendar(aid: Aid) -> bool:
    """Whether the aid's result can be exported as a calendar (.ics)."""
    return builders.of(aid).calendar is not None


def calendar_of(aid: Aid, answers: dict, now=None, family_id: str = "") -> str:
    """The .ics file; without a family id (no file saved yet), the events get a new random one."""
    return ics.write(builders.of(aid).calendar(aid, answers), now, family_id or family.new_id())


def _exports(aid: Aid) -> Markup:
    kinds = ["print"]
    if any(section.overview for section in aid.sections):
        kinds.append("print-overzicht")
    kinds += [f"print-{reader}" for reader in aid.readers if reader != PRO]
    kinds += ["copy", "markdown", "json"]
    if has_calendar(aid):
        kinds.append("ics")
    keys = {"print-overzicht": "print_overview", "print-ouders": "print_parents",
            "print-jongere": "print_youth"}
    buttons = [(kind, text(f"exports.{keys.get(kind, kind)}")) for kind in kinds]
    return h("div", {"class": "aid-exports", A["exports"]: True, "hidden": True},
             h("h2", {}, text("exports.heading")),
             h("p", {}, text("exports.intro")),
             [h("button", {"type": "button", "class": "aid-button aid-button--secondary",
                           A["export"]: kind}, label) for kind, label in buttons],
             h("p", {"class": "aid-export-status", A["exportStatus"]: True,
                     "role": "status"}))


def describe(aid: Aid) -> str:
    """The answer keys of an aid, with their type and allowed values, as plain text (the
    terminal's --help and the page for technical users)."""
    lines = [text("cli.heading", id=aid.id, title=aid.title, version=aid.version), "",
             text("cli.keys")]
    for step in aid.steps:
        if step.repeat:
            lines.append(f"  {step.id}: {text('cli.repeat', count=step.repeat)} — {step.title}")
            for question in step.questions:
                lines.append(f"      {question.id}: {text('cli.' + question.type)} — {question.label}")
                lines += [f"          {option.value}: {option.label}" for option in question.options]
            continue
        for question in step.questions:
            kind = text(f"cli.{question.type}")
            if question.per:
                kind = text("cli.per", key=question.per)
            required = text("cli.required") if question.required else ""
            lines.append(f"  {question.id}: {kind}{required} — {question.label}")
            for option in question.options:
                lines.append(f"      {option.value}: {option.label}")
    return "\n".join(lines) + "\n"


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


def open_fields(aid: Aid, step: Step, answers: dict, visible: tuple[str, ...] | list[str]
                ) -> list[str]:
    """The fields of a step that are asked now and still empty. A repeated step is open while
    it has no entry at all (its one empty entry to add the next is not a question left open)."""
    if step.repeat:
        return [] if answers.get(step.id) else [n for n in step_fields(aid, step)
                                                if n in set(visible)][:1]
    fields = to_fields(aid, answers)
    return [n for n in step_fields(aid, step) if n in set(visible) and not fields.get(n)]


def asked_steps(aid: Aid, visible: tuple[str, ...] | list[str]) -> list[Step]:
    """The steps the wizard asks now, in order (a step whose questions all do not apply is
    skipped, as the page skips it)."""
    shown = set(visible)
    return [step for step in aid.wizard_steps if shown & set(step_fields(aid, step))]


def first_open_step(aid: Aid, answers: dict, visible: tuple[str, ...] | list[str],
                    errors: tuple[str, ...] | list[str] = ()) -> str:
    """Where opening a file lands: the first step with a question still open or an answer the
    aid cannot take (errors: their fields), or the first step."""
    steps = asked_steps(aid, visible)
    wrong = set(errors)
    found = next((s for s in steps if open_fields(aid, s, answers, visible)
                  or wrong & set(step_fields(aid, s))), None)
    return (found or steps[0] if steps else aid.wizard_steps[0]).id


def check_html(aid: Aid, evaluation: Evaluation) -> Markup:
    """'Controleer je antwoorden': first what is still open, with a link to each step; then every
    step with its answers and a link to change them. Answers that belong together stay together:
    a repeated step entry by entry ("Contact 1: wie, met, hoe vaak"), a question asked per member
    with each member under it, named by the role typed for them."""
    fields = to_fields(aid, evaluation.answers)
    shown = set(evaluation.visible)
    parts = []
    still_open = []
    for number, step in enumerate(asked_steps(aid, evaluation.visible), start=1):
        names = step_fields(aid, step)
        # numbered as the wizard numbers it: only the steps that are asked
        missing = open_fields(aid, step, evaluation.answers, evaluation.visible)
        if missing:
            still_open.append(h("li", {}, h("a", {"href": f"#{step_id(aid, step)}",
                                                  A["gotoStep"]: step.id},
                                                counted("check.open_step", len(missing),
                                                        number=number, title=step.title))))
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
                       h("a", {"href": f"#{step_id(aid, step)}", A["gotoStep"]: step.id},
                         text("check.change"), " ",
                         h("span", {"class": "aid-visually-hidden"},
                           text("check.change_step", number=number, title=step.title)))))
    problems = None
    if evaluation.errors:
        problems = h("p", {"class": "aid-error"},
                     counted("check.problems", len(evaluation.errors)))
    opened = None
    if still_open:
        opened = h("section", {"class": "aid-check-open", "aria-labelledby":
                               f"tw-{aid.id}-check-open"},
                   h("h3", {"id": f"tw-{aid.id}-check-open"}, text("check.open_title")),
                   h("p", {}, text("check.open_intro")),
                   h("ul", {}, still_open))
    return join([problems, opened, parts])


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
    """A field's label on the check page: the question, or under it the member (by the role
    typed for them: never a slot such as "Ouder 1" once a role is typed)."""
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


@dataclass(frozen=True)
class Picks:
    """The question a result offers to tick (aid.pick), and what is ticked now."""

    name: str
    ticked: frozenset[str] = frozenset()


def _pick(item: Item, picks: Picks | None) -> Markup | None:
    """A box to tick an item to take along: an answer of the aid (its field in the form), so it
    is saved in the family file like any other."""
    if not item.pick or picks is None:
        return None
    pid = f"tw-meenemen-{item.pick}"
    return h("div", {"class": "aid-option aid-pick"},
             h("input", {"type": "checkbox", "id": pid, "name": picks.name, "value": item.pick,
                         "checked": item.pick in picks.ticked, A["pick"]: True}),
             h("label", {"for": pid},
               text("result.pick", name=re.sub(r"^[0-9]+[.] ", "", item.label))))


def _label(item: Item) -> Markup:
    return h("a", {"href": item.link}, item.label) if item.link else join(item.label)


def _rows(items: tuple[Item, ...]) -> Markup:
    return h("dl", {"class": "aid-rows"},
             [[h("dt", {}, _label(item)), h("dd", {}, _lines(item.text))] for item in items])


def _block_html(block: Block, picks: Picks | None = None) -> Markup:
    if block.kind == "rows":
        return _rows(block.items)
    if block.kind == "group":
        return h("div", {"class": "aid-doc-block aid-doc-group"}, h("h5", {}, block.title),
                 _rows(block.items))
    item = block.items[0]  # a longer text: a paragraph per line, under its label
    return h("div", {"class": "aid-doc-block"}, h("h5", {}, _label(item)),
             h("div", {"class": "aid-doc-text"},
               [h("p", {"class": "aid-line"}, line) for line in _text_lines(item.text)],
               _pick(item, picks)))


def section_html(section: Section, picks: Picks | None = None) -> Markup:
    css = "aid-result-section aid-result-section--overview" if section.overview \
        else "aid-result-section"
    return h("section", {"class": css, A["section"]: section.id or None},
             h("h4", {}, section.heading) if section.heading else None,
             h("p", {"class": "aid-doc-intro"}, section.intro) if section.intro else None,
             figures.html(section.figure) if section.figure else None,
             [_block_html(block, picks) for block in blocks(section.items)])


def _paired(sections: tuple[Section, ...]) -> list[tuple[Section, ...]]:
    """Sections in reading order; a section and the one it pairs with go together."""
    out: list[tuple[Section, ...]] = []
    for section in sections:
        if out and len(out[-1]) == 1 and out[-1][0].pair and out[-1][0].pair == section.id:
            out[-1] += (section,)
        else:
            out.append((section,))
    return out


def version_name(voice: Voice) -> str:
    """Which version a document is: "Versie voor ouders"."""
    return text("result.youth_short" if voice.short else f"result.version_name_{voice.reader}")


def _about_html(voice: Voice) -> Markup | None:
    """What the version rests on, last: for the professional its date, sources and certainty; for
    parents, in a sentence."""
    if not voice.about:
        return None
    heading = text("result.about" if voice.reader == PRO else "result.parents_about")
    return h("section", {"class": "aid-about"}, h("h4", {}, heading),
             _rows(voice.about) if voice.about[0].label
             else [h("p", {}, item.text) for item in voice.about])


def _voice_html(voice: Voice, named: bool, heading: bool = True,
                picks: Picks | None = None) -> Markup:
    gaps = None
    if voice.gaps:
        gaps = h("section", {"class": "aid-gaps"},
                 h("h4", {}, text("result.open")),
                 h("ul", {}, [h("li", {}, gap) for gap in voice.gaps]))
    parts = [h("div", {"class": "aid-pair"}, [section_html(s, picks) for s in group])
             if len(group) > 1 else section_html(group[0], picks)
             for group in _paired(voice.sections)]
    empty = None if voice.sections else h("p", {}, text("result.empty"))
    return h("section", {"class": f"aid-result aid-result--{voice.reader}",
                         A["resultVoice"]: voice.reader},
             h("h3", {}, [h("span", {"class": "aid-voice"}, version_name(voice)), " "]
               if named else None, voice.title) if heading else None,
             h("p", {"class": "aid-doc-label"}, voice.label) if voice.label and heading else None,
             h("p", {"class": "aid-doc-intro"}, voice.intro) if voice.intro else None,
             gaps, parts, empty, _about_html(voice))


def voice_html(voice: Voice, named: bool = False, heading: bool = True) -> Markup:
    """One version of a result on its own, as in the case-file document (where a part's heading
    may already say its title: heading=False)."""
    return _voice_html(voice, named, heading)


def _switch(result: Result, key: str) -> Markup:
    """Which version shows: a radio button per version; the stylesheet shows the chosen one."""
    name = f"tw-versie{'-' + key if key else ''}"
    return h("fieldset", {"class": "aid-versions"},
             h("legend", {}, text("result.versions")),
             [h("span", {"class": "aid-version"},
                h("input", {"type": "radio", "name": name, "id": f"{name}-{voice.reader}",
                            "value": voice.reader, "checked": voice.reader == PRO,
                            A["version"]: voice.reader}),
                h("label", {"for": f"{name}-{voice.reader}"},
                  text("result.version_youth_short" if voice.short
                       else f"result.version_{voice.reader}")))
              for voice in result.voices])


def result_html(result: Result, key: str = "", picks: Picks | None = None,
                carry: str = "") -> Markup:
    """The result as documents: one version at a time when there is more than one. key tells
    several results on one page apart. picks: the boxes to tick help to take along (in the
    professional's version), and carry the aid and step to take it to (a button), for an aid
    that offers them."""
    several = len(result.voices) > 1
    parts = [h("h2", {"class": "aid-result-title", "tabindex": "-1",
                      "id": f"tw-resultaat{'-' + key if key else ''}"}, text("result.heading"))]
    if several:
        parts.append(_switch(result, key))
    parts += [_voice_html(voice, several, picks=picks if voice.reader == PRO else None)
              for voice in result.voices]
    if picks and carry and any(item.pick for section in result.professional.sections
                               for item in section.items):
        target, _, step = carry.partition(".")
        parts.append(h("p", {}, h("button", {"type": "button", "class": "aid-button",
                                             A["carry"]: target, A["carryStep"]: step},
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


def _voice_text(voice: Voice, named: bool) -> list[str]:
    meta = " · ".join(filter(None, [version_name(voice) if named else "", _one_line(voice.label)]))
    out = [voice.title] + ([meta] if meta else []) + [""]
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
    if voice.about:
        out += [text("result.about" if voice.reader == PRO else "result.parents_about"), ""]
        for item in voice.about:
            out += ([item.label] if item.label else []) + _text_lines(item.text) + [""]
    return out


def result_text(result: Result) -> str:
    """The result as plain text for the case file: each version as a document of its own (each
    says which it is, and for which family), each ending with what it rests on."""
    named = len(result.voices) > 1
    out: list[str] = []
    for voice in result.voices:
        out += ["", ""] if out else []
        out += _voice_text(voice, named)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out).strip("\n")).rstrip() + "\n"


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


def _voice_markdown(voice: Voice, named: bool) -> list[str]:
    out = [_md_heading(2, voice.title), ""]
    meta = " · ".join(filter(None, [version_name(voice) if named else "", _one_line(voice.label)]))
    if meta:
        out += [f"*{md_escape(meta, inline=True)}*", ""]
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
    if voice.about:
        out += [_md_heading(3, text("result.about" if voice.reader == PRO
                                    else "result.parents_about")), ""]
        for item in voice.about:
            out += ([f"{_md_strong(item.label)}  "] if item.label else []) + [
                md_escape(item.text), ""]
    return out


def result_markdown(aid: Aid, result: Result) -> str:
    named = len(result.voices) > 1
    out = [_md_heading(1, aid.title), "", md_escape(aid.disclaimer), ""]
    for voice in result.voices:
        out += _voice_markdown(voice, named)
    return "\n".join(out).rstrip() + "\n"
