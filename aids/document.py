"""The case-file document: from one family file, one printable document for the dossier.

It holds, per aid that has answers, the professional version of the result with the date it
was saved and its status ("concept", or "besproken met ouders op …"); the disclaimer once; room
for the agreement of parents and professional; and a table of contents when there is more than
one part. Each part's header (label, aid, status, date made) repeats on every page it prints on;
page numbers come from the print stylesheet. Every word comes from the
content; every typed text is escaped (aids._html).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import family, render
from ._html import Markup, h, join
from .dates import format_date, parse_date
from .definition import Aid, aid_ids, load
from .engine import evaluate
from .result import Item, Section, Voice
from .texts import text

# The order of the parts: the way a family goes through the aids.
ORDER = family.ORDER


def _day(stamp: str) -> str:
    try:
        return format_date(dt.datetime.fromisoformat(stamp).date())
    except ValueError:
        return ""


def _status(answers: dict) -> str:
    discussed = parse_date(answers.get("besproken_op"))
    if discussed:
        return text("document.discussed", date=format_date(discussed))
    return text("document.concept")


def _once(voice: Voice, aid: Aid) -> tuple[Voice, list[Section]]:
    """A part's voice without the answers and remarks of the shared parts (the document shows
    those once), keeping what the aid's own rules say about them; and those as sections."""
    kept, answered = [], []
    for section in voice.sections:
        if section.id not in aid.parts:
            kept.append(section)
            continue
        own = f"{aid.id}."
        answers = tuple(item for item in section.items if not item.rule.startswith(own))
        remarks = tuple(item for item in section.items if item.rule.startswith(own))
        if answers:
            answered.append(replace(section, items=answers))
        if remarks:
            kept.append(replace(section, items=remarks))
    return replace(voice, sections=tuple(kept)), answered


def _chosen(voice: Voice, aid: Aid, answers: dict) -> Voice:
    """For an aid whose result offers help to tick (the intervention aid): what was chosen, not
    the catalogue. An entry of the catalogue (it links to its page) stays only when ticked; a
    section left empty goes; with nothing ticked, a line says so."""
    if not aid.pick:
        return voice
    chosen = set(answers.get(aid.pick) or [])
    sections = []
    for section in voice.sections:
        items = tuple(item for item in section.items
                      if not (item.link or item.pick) or item.pick in chosen)
        if items:
            sections.append(replace(section, items=items))
    if not chosen:
        sections.append(Section(text("document.chosen"),
                                (Item(text("document.chosen"), text("document.none_chosen")),)))
    return replace(voice, sections=tuple(sections))


def _parents(found: family.Family) -> list[str]:
    """Who signs as a parent: each parent the family file names, by the role typed for them
    ("moeder"), or one block for the parents when it names none."""
    for aid_id in ORDER:
        part = found.parts.get(aid_id)
        aid = load(aid_id) if part and aid_id in aid_ids() else None
        if aid is None or not aid.roles:
            continue
        members = part.answers.get(aid.questions[aid.roles].per) or []
        roles = part.answers.get(aid.roles) or {}
        slots = aid.questions[aid.questions[aid.roles].per]
        parents = [(roles.get(m) or "").strip() or slots.option_label(m)
                   for m in members if m.startswith("ouder")]
        if parents:
            return parents
    return [text("document.parents")]


def _framed(header: str, *content: object, **attributes: str) -> Markup:
    """A block whose header repeats at the top of every printed page it runs over: a table
    header row does that in print; on screen it is not shown (thuiswijzer.css)."""
    return h("table", {"class": "tw-doc-frame", "role": "presentation", **attributes},
             h("thead", {"aria-hidden": "true"},
               h("tr", {}, h("td", {"class": "tw-doc-header"}, header))),
             h("tbody", {}, h("tr", {}, h("td", {}, *content))))


def html(content: str, today: dt.date | None = None) -> Markup:
    """The document for a family file's text. A file that cannot be read raises
    answers_file.FileError with a Dutch message."""
    found, notes = family.load_text(content)
    parts = [aid_id for aid_id in ORDER if aid_id in found.parts and aid_id in aid_ids()]
    label = found.label or text("document.no_label")
    made = format_date(today or dt.date.today())
    sections = []
    shared: list[Section] = []  # the safety part's answers, shown once, before the parts
    for number, aid_id in enumerate(parts, start=1):
        aid = load(aid_id)
        part = found.parts[aid_id]
        answers = family.answers_for(found, aid)
        result = evaluate(aid, answers, final=True).result
        voice, answered = _once(_chosen(result.professional, aid, answers), aid)
        shared = shared or answered
        status = _status(answers)
        meta = text("document.part_meta", saved=_day(part.saved) or made, status=status)
        header = text("document.part_header", label=label, title=aid.title, status=status,
                      made=made)
        sections.append(h(
            "section", {"class": "tw-doc-part", "id": f"tw-doc-{aid_id}",
                        "aria-labelledby": f"tw-doc-{aid_id}-title"},
            _framed(header,
                    h("h2", {"id": f"tw-doc-{aid_id}-title"}, f"{number}. {aid.title}"),
                    h("p", {"class": "tw-doc-meta"}, meta),
                    render.voice_html(voice))))
    header = text("document.header", label=label, made=made)
    if shared:
        title = shared[0].heading
        sections.insert(0, h(
            "section", {"class": "tw-doc-part", "id": "tw-doc-kader",
                        "aria-labelledby": "tw-doc-kader-title"},
            _framed(header, h("h2", {"id": "tw-doc-kader-title"}, title),
                    [render.section_html(section) for section in shared])))
    entries = ([("kader", shared[0].heading)] if shared else []) + [
        (aid_id, load(aid_id).title) for aid_id in parts]
    contents = None
    if len(parts) > 1:
        contents = h("nav", {"class": "tw-doc-contents", "aria-labelledby": "tw-doc-contents"},
                     h("h2", {"id": "tw-doc-contents"}, text("document.contents")),
                     h("ol", {}, [h("li", {}, h("a", {"href": f"#tw-doc-{key}"}, title))
                                  for key, title in entries]))
    return h(
        "article", {"class": "tw-document"},
        _framed(header,
                h("h1", {"class": "tw-doc-title", "tabindex": "-1"},
                  text("document.title", label=label)),
                h("p", {"class": "tw-doc-meta"}, text("document.made", made=made)),
                [h("p", {"class": "tw-doc-note"}, note) for note in notes],
                h("p", {"class": "tw-doc-disclaimer"}, text("document.disclaimer")),
                contents,
                None if sections else h("p", {}, text("document.empty")),
                **{"class": "tw-doc-frame tw-doc-front"}),
        sections,
        h("section", {"class": "tw-doc-agreement", "aria-labelledby": "tw-doc-agreement"},
          _framed(header,
                  h("h2", {"id": "tw-doc-agreement"}, text("document.agreement")),
                  h("p", {}, text("document.agreement_intro")),
                  join([h("div", {"class": "tw-doc-sign"},
                          h("p", {}, who), h("p", {"class": "tw-doc-line"}, text("document.name")),
                          h("p", {"class": "tw-doc-line"}, text("document.date")),
                          h("p", {"class": "tw-doc-line"}, text("document.signature")))
                        for who in (*_parents(found), text("document.professional"))]))),
    )
