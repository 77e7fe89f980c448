"""HTML, plain text and Markdown for an aid: the static form (build time), the check page,
the result and the error summary (run time).

Every string goes through aids._html, which escapes it; typed text is never trusted. In
Markdown, typed text is backslash-escaped so it shows as written in any Markdown viewer.
"""

from __future__ import annotations

import re

from ._html import Markup, h, join
from .definition import Aid, Question, Step, builder_module
from .texts import text
from .engine import Evaluation, FieldError, to_fields
from .fields import field_names, item_name, parse_field, step_fields
from .result import Result, Voice


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


def _text_control(aid: Aid, question: Question, name: str, label: str, hint: str) -> Markup:
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
    return h("div", {"class": "aid-field", "data-field": name},
             h("label", {"for": fid, "class": "aid-label"}, label),
             h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, hint) if hint else None,
             _error_slot(aid, name),
             control)


def _choice_control(aid: Aid, question: Question, name: str, label: str) -> Markup:
    fid = field_id(aid, name)
    kind = "radio" if question.type == "choice" else "checkbox"
    items = []
    for number, option in enumerate(question.options):
        oid = f"{fid}-{number}"
        items.append(h("div", {"class": "aid-option"},
                       h("input", {"type": kind, "id": oid, "name": name, "value": option.value}),
                       h("label", {"for": oid}, option.label)))
    return h("fieldset", {"class": "aid-field aid-group", "data-field": name, "id": fid,
                          "aria-describedby": _described(fid, bool(question.hint))},
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
            _text_control(aid, question, name, member.label, "")
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


def calendar_of(aid: Aid, answers: dict, now=None) -> str:
    return builder_module(aid).calendar(aid, answers, now)


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
    """'Controleer je antwoorden': every step with its answers and a link to change them."""
    fields = to_fields(aid, evaluation.answers)
    shown = set(evaluation.visible)
    blocks = []
    number = 0
    for step in aid.steps:
        names = step_fields(aid, step)
        if not shown & set(names):
            continue  # a step that does not apply (e.g. contact while the child lives at home)
        number += 1  # numbered as the wizard numbers it: only the steps that are asked
        rows = []
        for name in names:
            if name not in shown or not fields.get(name):
                continue
            rows.append([h("dt", {}, _field_label(aid, step, name)),
                         h("dd", {}, _lines(", ".join(_option_labels(aid, step, name,
                                                                     fields[name]))))])
        blocks.append(h("section", {"class": "aid-check-step"},
                        h("h3", {}, f"{number}. {step.title}"),
                        h("dl", {}, rows) if rows else h("p", {}, text("check.nothing")),
                        h("a", {"href": f"#{step_id(aid, step)}", "data-goto-step": step.id},
                          text("check.change"), " ",
                          h("span", {"class": "aid-visually-hidden"},
                            text("check.change_step", number=number, title=step.title)))))
    problems = None
    if evaluation.errors:
        problems = h("p", {"class": "aid-error"},
                     text("check.problems", count=len(evaluation.errors)))
    return join([problems, blocks])


def _question_of(aid: Aid, step: Step, name: str) -> Question:
    return next(q for q in step.questions if q.id == parse_field(name).question)


def _field_label(aid: Aid, step: Step, name: str) -> str:
    question = _question_of(aid, step, name)
    field = parse_field(name)
    if step.repeat:
        return f"{item_name(step, field.number)} — {question.short}"
    if question.per:
        return f"{question.short} — {aid.questions[question.per].option_label(field.member)}"
    return question.short


def _option_labels(aid: Aid, step: Step, name: str, values: list[str]) -> list[str]:
    question = _question_of(aid, step, name)
    if question.type in ("choice", "multi") and not question.per:
        return [question.option_label(v) for v in values]
    return values


def _lines(text: str) -> Markup:
    return join([h("span", {"class": "aid-line"}, line)
                 for line in text.splitlines() if line.strip()])


def _pick(item) -> Markup | None:
    """A box to tick an item to take along; the page reads the ticked values."""
    if not item.pick:
        return None
    pid = f"tw-meenemen-{item.pick}"
    return h("div", {"class": "aid-option aid-pick"},
             h("input", {"type": "checkbox", "id": pid, "value": item.pick, "data-aid-pick": True}),
             h("label", {"for": pid},
               text("result.pick", name=re.sub(r"^[0-9]+[.] ", "", item.label))))


def _voice_html(voice: Voice, css: str, label: str) -> Markup:
    gaps = None
    if voice.gaps:
        gaps = h("div", {"class": "aid-gaps"},
                 h("h4", {}, text("result.open")),
                 h("ul", {}, [h("li", {}, gap) for gap in voice.gaps]))
    sections = [
        h("section", {"class": "aid-result-section aid-result-section--overview"
                      if section.overview else "aid-result-section"},
          h("h4", {}, section.heading),
          h("p", {}, section.intro) if section.intro else None,
          h("dl", {}, [[h("dt", {}, h("a", {"href": item.link}, item.label) if item.link
                            else item.label),
                        h("dd", {}, _lines(item.text), _pick(item))]
                       for item in section.items]))
        for section in voice.sections
    ]
    empty = None if voice.sections else h("p", {}, text("result.empty"))
    return h("section", {"class": f"aid-result {css}"},
             h("h3", {}, h("span", {"class": "aid-voice"}, label), " ", voice.title),
             h("p", {}, voice.intro) if voice.intro else None,
             gaps, sections, empty)


def voice_html(voice: Voice) -> Markup:
    """One version of a result on its own (the case-file document shows the professional one)."""
    return _voice_html(voice, "aid-result--pro", "")


def result_html(result: Result) -> Markup:
    parts = [h("h2", {}, text("result.heading")),
             _voice_html(result.professional, "aid-result--pro",
                         text("result.professionals") if result.parents else "")]
    if result.parents:
        parts.append(_voice_html(result.parents, "aid-result--ouders", text("result.parents")))
    if result.about:
        parts.append(h("section", {"class": "aid-about"},
                       h("h3", {}, text("result.about")),
                       h("dl", {}, [[h("dt", {}, item.label), h("dd", {}, _lines(item.text))]
                                    for item in result.about])))
    if any(item.pick for section in result.professional.sections for item in section.items):
        parts.append(h("p", {}, h("button", {"type": "button", "class": "aid-button",
                                             "data-aid-carry": "analyse.html#hulp="},
                                  text("result.carry"))))
    return join(parts)


def _voice_text(voice: Voice) -> list[str]:
    out = [voice.title, "=" * len(voice.title), ""]
    if voice.intro:
        out += [voice.intro, ""]
    if voice.gaps:
        out += [f"{text('result.open')}:"] + [f"- {gap}" for gap in voice.gaps] + [""]
    for section in voice.sections:
        out += [section.heading, "-" * len(section.heading)]
        if section.intro:
            out.append(section.intro)
        for item in section.items:
            out.append(f"{item.label}:")
            out += [f"  {line}" for line in item.text.splitlines() if line.strip()]
        out.append("")
    return out


def result_text(result: Result) -> str:
    """The professional version as plain text, for the case file, with what it is based on."""
    out = _voice_text(result.professional)
    if result.about:
        heading = text("result.about")
        out += [heading, "-" * len(heading)]
        for item in result.about:
            out.append(f"{item.label}:")
            out += [f"  {line}" for line in item.text.splitlines() if line.strip()]
    return "\n".join(out).rstrip() + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so typed text shows exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _voice_markdown(voice: Voice) -> list[str]:
    out = [f"## {md_escape(voice.title)}", ""]
    if voice.intro:
        out += [md_escape(voice.intro), ""]
    if voice.gaps:
        out += [f"**{md_escape(text('result.open'))}**", ""]
        out += [f"- {md_escape(gap)}" for gap in voice.gaps] + [""]
    for section in voice.sections:
        out += [f"### {md_escape(section.heading)}", ""]
        if section.intro:
            out += [md_escape(section.intro), ""]
        for item in section.items:
            out.append(f"**{md_escape(item.label)}**  ")
            out += [md_escape(line) + "  " for line in item.text.splitlines() if line.strip()]
            out.append("")
    return out


def result_markdown(aid: Aid, result: Result) -> str:
    out = [f"# {md_escape(aid.title)}", "", md_escape(aid.disclaimer), ""]
    out += _voice_markdown(result.professional)
    if result.parents:
        out += _voice_markdown(result.parents)
    if result.about:
        out += [f"## {md_escape(text('result.about'))}", ""]
        for item in result.about:
            out.append(f"**{md_escape(item.label)}**  ")
            out += [md_escape(line) + "  " for line in item.text.splitlines() if line.strip()]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
