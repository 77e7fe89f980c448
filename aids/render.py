"""HTML and plain text for an aid: the static form (build time) and the result (run time).

Every string goes through aids._html, which escapes it; typed text is never trusted.
"""

from __future__ import annotations

from ._html import Markup, h, join
from .definition import Aid, Question
from .engine import FieldError, Result, field_names


def field_id(aid: Aid, name: str) -> str:
    return f"tw-{aid.id}-{name.replace('.', '--').replace('_', '-')}"


def _described(fid: str, hint: bool) -> str:
    return f"{fid}-hint {fid}-error" if hint else f"{fid}-error"


def _error_slot(aid: Aid, name: str) -> Markup:
    return h("p", {"class": "aid-error", "id": f"{field_id(aid, name)}-error",
                   "data-error-for": name, "hidden": True})


def _examples(question: Question) -> Markup | None:
    if not question.examples:
        return None
    return h("details", {"class": "aid-examples"},
             h("summary", {}, "Voorbeelden en vragen om te stellen"),
             h("ul", {}, [h("li", {}, e) for e in question.examples]))


def _text_control(aid: Aid, question: Question, name: str, label: str, hint: str) -> Markup:
    fid = field_id(aid, name)
    attrs = {"id": fid, "name": name, "aria-describedby": _described(fid, bool(hint)),
             "autocomplete": "off", "spellcheck": "true"}
    if question.type == "textarea":
        control = h("textarea", {**attrs, "rows": 4}, "")
    else:
        # Dates are typed as text (d-m-jjjj): the same in every browser and with the keyboard.
        control = h("input", {**attrs, "type": "text",
                              "class": "aid-date" if question.type == "date" else None})
    return h("div", {"class": "aid-field", "data-field": name},
             h("label", {"for": fid, "class": "aid-label"}, label),
             h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, hint) if hint else None,
             _error_slot(aid, name),
             control)


def _choice_control(aid: Aid, question: Question) -> Markup:
    fid = field_id(aid, question.id)
    kind = "radio" if question.type == "choice" else "checkbox"
    items = []
    for number, option in enumerate(question.options):
        oid = f"{fid}-{number}"
        items.append(h("div", {"class": "aid-option"},
                       h("input", {"type": kind, "id": oid, "name": question.id,
                                   "value": option.value}),
                       h("label", {"for": oid}, option.label)))
    return h("fieldset", {"class": "aid-field aid-group", "data-field": question.id,
                          "id": fid, "aria-describedby": _described(fid, bool(question.hint))},
             h("legend", {"class": "aid-label"}, question.label),
             h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, question.hint)
             if question.hint else None,
             _error_slot(aid, question.id),
             items)


def _question(aid: Aid, question: Question) -> Markup:
    attrs = {"class": "aid-question", "data-question": question.id}
    if question.type in ("choice", "multi"):
        return h("div", attrs, _choice_control(aid, question))
    if question.per:
        members = aid.questions[question.per]
        fields = [
            _text_control(aid, question, name, member.label, "")
            for name, member in zip(field_names(aid, question), members.options)
        ]
        note = f"Vul dit in voor iedereen die je bij '{members.label.rstrip('?')}' hebt gekozen."
        return h("div", attrs,
                 h("fieldset", {"class": "aid-group"},
                   h("legend", {"class": "aid-label"}, question.label),
                   h("p", {"class": "aid-hint"}, question.hint) if question.hint else None,
                   h("p", {"class": "aid-hint aid-per-note"}, note),
                   _examples(question),
                   fields))
    return h("div", attrs,
             _text_control(aid, question, question.id, question.label, question.hint),
             _examples(question))


def form_html(aid: Aid) -> Markup:
    """The whole aid as a static form: readable and usable as a checklist without Python."""
    total = len(aid.steps)
    steps = [
        h("fieldset", {"class": "aid-step", "data-step": step.id},
          h("legend", {}, h("h2", {"class": "aid-step-title"},
                            f"Stap {number} van {total}: {step.title}")),
          h("p", {"class": "aid-step-intro"}, step.intro) if step.intro else None,
          [_question(aid, q) for q in step.questions])
        for number, step in enumerate(aid.steps, start=1)
    ]
    return h(
        "form",
        {"class": "aid", "data-aid": aid.id, "data-state": "loading", "data-version": aid.version,
         "novalidate": True, "autocomplete": "off", "id": f"tw-{aid.id}"},
        h("div", {"class": "aid-status", "data-aid-status": True, "role": "status"},
          h("p", {}, "Het hulpmiddel wordt gestart. Je kunt alvast beginnen met invullen.")),
        Markup("<noscript><p class=\"aid-status\">JavaScript staat uit. Gebruik dit formulier als "
               "checklist: lees de vragen en noteer de antwoorden in je eigen dossier.</p>"
               "</noscript>"),
        h("div", {"class": "aid-error-summary", "data-aid-errors": True, "tabindex": "-1",
                  "hidden": True}),
        steps,
        h("div", {"class": "aid-actions"},
          h("button", {"type": "submit", "class": "aid-button"},
            "Maak de samenvatting")),
        h("section", {"class": "aid-output", "data-aid-output": True, "aria-live": "polite",
                      "aria-label": aid.result_title, "tabindex": "-1"}),
    )


def errors_html(aid: Aid, errors: tuple[FieldError, ...] | list[FieldError]) -> Markup:
    """The error summary at the top: a heading and a link to each field."""
    if not errors:
        return Markup("")
    return join([
        h("h2", {"class": "aid-error-title"}, "Er is een probleem"),
        h("ul", {}, [h("li", {}, h("a", {"href": f"#{field_id(aid, e.field)}"}, e.message))
                     for e in errors]),
    ])


def result_html(result: Result) -> Markup:
    gaps = None
    if result.gaps:
        gaps = h("div", {"class": "aid-gaps"},
                 h("h3", {}, "Nog open"),
                 h("ul", {}, [h("li", {}, gap) for gap in result.gaps]))
    sections = [
        h("section", {"class": "aid-result-section"},
          h("h3", {}, section.heading),
          h("dl", {}, [[h("dt", {}, item.label), h("dd", {}, _paragraphs(item.text))]
                       for item in section.items]))
        for section in result.sections
    ]
    empty = None if result.sections else h("p", {}, "Er is nog niets ingevuld.")
    return h("div", {"class": "aid-result"},
             h("h2", {}, result.title),
             h("p", {}, result.intro) if result.intro else None,
             gaps, sections, empty)


def _paragraphs(text: str) -> Markup:
    lines = [line for line in text.splitlines() if line.strip()]
    return join([h("span", {"class": "aid-line"}, line) for line in lines])


def result_text(result: Result) -> str:
    """The result as plain text, for the case file."""
    out = [result.title, "=" * len(result.title), ""]
    if result.intro:
        out += [result.intro, ""]
    if result.gaps:
        out += ["Nog open:"] + [f"- {gap}" for gap in result.gaps] + [""]
    for section in result.sections:
        out += [section.heading, "-" * len(section.heading)]
        for item in section.items:
            out.append(f"{item.label}:")
            out += [f"  {line}" for line in item.text.splitlines() if line.strip()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
