"""The case-file document: from one family file, one printable document for the dossier.

It holds, per aid that has answers, the professional version of the result with the date it
was saved and its status ("concept", or "besproken met ouders op …"); the disclaimer once; room
for the agreement of parents and professional; and a table of contents when there is more than
one part. A header and page numbers come from the print stylesheet. Every word comes from the
content; every typed text is escaped (aids._html).
"""

from __future__ import annotations

import datetime as dt

from . import answers_file, family, render
from ._html import Markup, h, join
from .dates import format_date, parse_date
from .definition import aid_ids, load
from .engine import evaluate
from .texts import text

# The order of the parts: the way a family goes through the aids.
ORDER = ("analyse", "interventies", "omgang", "perspectief", "nazorg")


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


def html(content: str, today: dt.date | None = None) -> Markup:
    """The document for a family file's text; a Dutch message in its place when it cannot be
    read."""
    try:
        found, notes = family.load_text(content)
    except answers_file.FileError as error:
        return h("p", {"class": "aid-error", "role": "alert"}, str(error))
    parts = [aid_id for aid_id in ORDER if aid_id in found.parts and aid_id in aid_ids()]
    label = found.label or text("document.no_label")
    made = format_date(today or dt.date.today())
    sections = []
    for number, aid_id in enumerate(parts, start=1):
        aid = load(aid_id)
        part = found.parts[aid_id]
        answers = family.answers_for(found, aid)
        result = evaluate(aid, answers, final=True).result
        meta = text("document.part_meta", saved=_day(part.saved) or made, status=_status(answers))
        sections.append(h(
            "section", {"class": "tw-doc-part", "id": f"tw-doc-{aid_id}",
                        "aria-labelledby": f"tw-doc-{aid_id}-title"},
            h("h2", {"id": f"tw-doc-{aid_id}-title"}, f"{number}. {aid.title}"),
            h("p", {"class": "tw-doc-meta"}, meta),
            render.voice_html(result.professional)))
    contents = None
    if len(parts) > 1:
        contents = h("nav", {"class": "tw-doc-contents", "aria-labelledby": "tw-doc-contents"},
                     h("h2", {"id": "tw-doc-contents"}, text("document.contents")),
                     h("ol", {}, [h("li", {}, h("a", {"href": f"#tw-doc-{aid_id}"},
                                                 load(aid_id).title)) for aid_id in parts]))
    header = text("document.header", label=label, made=made)
    return h(
        "article", {"class": "tw-document"},
        h("p", {"class": "tw-doc-header", "aria-hidden": "true"}, header),
        h("h1", {"class": "tw-doc-title"}, text("document.title", label=label)),
        h("p", {"class": "tw-doc-meta"}, text("document.made", made=made)),
        [h("p", {"class": "tw-doc-note"}, note) for note in notes],
        h("p", {"class": "tw-doc-disclaimer"}, text("document.disclaimer")),
        contents,
        sections or h("p", {}, text("document.empty")),
        h("section", {"class": "tw-doc-agreement", "aria-labelledby": "tw-doc-agreement"},
          h("h2", {"id": "tw-doc-agreement"}, text("document.agreement")),
          h("p", {}, text("document.agreement_intro")),
          join([h("div", {"class": "tw-doc-sign"},
                  h("p", {}, who), h("p", {"class": "tw-doc-line"}, text("document.name")),
                  h("p", {"class": "tw-doc-line"}, text("document.date")),
                  h("p", {"class": "tw-doc-line"}, text("document.signature")))
                for who in (text("document.parents"), text("document.professional"))])),
    )
