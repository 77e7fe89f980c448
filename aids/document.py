"""The case-file document: from one family file, one printable document for the dossier, in a
version for each reader.

The professional's version holds, per aid that has answers, the professional version of the result
with the date it was saved and its status ("concept", or "besproken met ouders op …"); the
disclaimer once; room for the agreement of parents and professional; and a table of contents when
there is more than one part. The parents' version and the young person's hold each aid's version
for them, in the same order, with what they can do and whom they can talk to once at the end, and
room to sign. A switch shows one version at a time, on screen and in print. Each part's header
(label, aid, status, date made) repeats on every page it prints on; page numbers come from the
print stylesheet. Every word comes from the content; every typed text is escaped (aids._html).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import definition, family, render
from ._html import Markup, h, join
from .contract import ATTRIBUTES as A
from .dates import format_date, parse_date
from .definition import PARENTS, PRO, READERS, Aid, load, rights_part
from .engine import evaluate
from .result import Item, Section, Voice, member_name
from .texts import text

# The order of the parts: the way a family goes through the aids.


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


def _once(voice: Voice, aid: Aid) -> tuple[Voice, list[Section], list[Section]]:
    """A part's voice without what the whole document says once: the answers and remarks of the
    shared parts (before the parts), keeping what the aid's own rules say about them; and the
    rights part (after the parts). Also those as sections."""
    rights = {section.id for section in rights_part().sections}
    kept, answered, last = [], [], []
    for section in voice.sections:
        if section.id in rights:
            last.append(section)
            continue
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
    return replace(voice, sections=tuple(kept), label=""), answered, last


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
    for aid_id in definition.AIDS:
        part = found.parts.get(aid_id)
        aid = load(aid_id) if part else None
        if aid is None or not aid.roles:
            continue
        members = part.answers.get(aid.questions[aid.roles].per) or []
        parents = [member_name(aid, part.answers, m) for m in members if m.startswith("ouder")]
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
    """The documents for a family file's text: the professional's, and the family's versions
    where an aid has one, with a switch. A file that cannot be read raises
    answers_file.FileError with a Dutch message."""
    found, notes = family.load_text(content)
    parts = [aid_id for aid_id in definition.AIDS if aid_id in found.parts]
    results = {}
    for aid_id in parts:
        aid = load(aid_id)
        answers = family.answers_for(found, aid)
        results[aid_id] = (aid, found.parts[aid_id], answers,
                           evaluate(aid, answers, final=True).result)
    context = _Document(found.label or text("document.no_label"),
                        format_date(today or dt.date.today()), notes, _parents(found))
    documents = [context.document(reader, results) for reader in READERS
                 if reader == PRO or any(r.voice(reader) for *_, r in results.values())]
    if len(documents) == 1:
        return documents[0]
    return h("div", {"class": "tw-documents"}, _switch(len(documents)), documents)


def _switch(count: int) -> Markup:
    """Which version shows, on screen and in print: the stylesheet follows the choice (:has)."""
    name = "tw-dossier-versie"
    return h("fieldset", {"class": "aid-versions tw-doc-versions"},
             h("legend", {}, text("document.versions")),
             [h("span", {"class": "aid-version"},
                h("input", {"type": "radio", "name": name, "id": f"{name}-{reader}",
                            "value": reader, "checked": reader == PRO,
                            A["docVersion"]: reader}),
                h("label", {"for": f"{name}-{reader}"}, text(f"result.version_{reader}")))
              for reader in READERS[:count]])


class _Document:
    """One family file's documents: the same parts, each in one reader's version."""

    def __init__(self, label: str, made: str, notes: list[str], parents: list[str]) -> None:
        self.label, self.made, self.notes, self.parents = label, made, notes, parents

    def words(self, key: str, reader: str, **values: object) -> str:
        """A text in the reader's words: <key> for the professional, else <key>_<reader>."""
        return text(key if reader == PRO else f"{key}_{reader}", **values)

    def document(self, reader: str, results: dict) -> Markup:
        label, made = self.label, self.made
        prefix = "tw-doc" if reader == PRO else f"tw-doc-{reader}"
        header = self.words("document.header", reader, label=label, made=made)
        sections = []
        shared: list[Section] = []  # the safety part's answers, shown once, before the parts
        closing: list[Section] = []  # what a family can do, shown once, after the parts
        entries = []
        for aid_id, (aid, part, answers, result) in results.items():
            voice = result.voice(reader)
            if voice is None:
                continue
            voice, answered, last = _once(_chosen(voice, aid, answers), aid)
            shared, closing = shared or answered, closing or last
            number = len(entries) + 1
            title = aid.title if reader == PRO else voice.title
            entries.append((aid_id, title))
            status = _status(answers)
            meta = text("document.part_meta", saved=_day(part.saved) or made, status=status)
            part_header = text("document.part_header", label=label, title=title, status=status,
                               made=made)
            sections.append(h(
                "section", {"class": "tw-doc-part", "id": f"{prefix}-{aid_id}",
                            "aria-labelledby": f"{prefix}-{aid_id}-title"},
                _framed(part_header,
                        h("h2", {"id": f"{prefix}-{aid_id}-title"}, f"{number}. {title}"),
                        h("p", {"class": "tw-doc-meta"}, meta),
                        render.voice_html(voice) if reader == PRO
                        else render.voice_html(replace(voice, title=""), heading=False))))
        if shared:
            sections.insert(0, self.together(prefix, "kader", header, shared))
            entries.insert(0, ("kader", shared[0].heading))
        if closing:
            sections.append(self.together(prefix, "rechten", header, closing))
            entries.append(("rechten", closing[0].heading))
        contents = None
        if len(results) > 1 and len(entries) > 1:
            contents = h("nav", {"class": "tw-doc-contents",
                                 "aria-labelledby": f"{prefix}-contents"},
                         h("h2", {"id": f"{prefix}-contents"}, text("document.contents")),
                         h("ol", {}, [h("li", {}, h("a", {"href": f"#{prefix}-{key}"}, title))
                                      for key, title in entries]))
        signers = ((*self.parents, text("document.professional")) if reader == PRO
                   else (*self.parents, text("document.helper")) if reader == PARENTS
                   else (text("document.young_person"), text("document.helper")))
        return h(
            "article", {"class": f"tw-document tw-document--{reader}", A["resultVoice"]: reader},
            _framed(header,
                    h("h1", {"class": "tw-doc-title", "tabindex": "-1"},
                      self.words("document.title", reader, label=label)),
                    h("p", {"class": "tw-doc-meta"},
                      self.words("document.made", reader, made=made)),
                    [h("p", {"class": "tw-doc-note"}, note) for note in self.notes]
                    if reader == PRO else None,
                    h("p", {"class": "tw-doc-disclaimer"},
                      self.words("document.disclaimer", reader)),
                    contents,
                    None if sections else h("p", {}, text("document.empty")),
                    **{"class": "tw-doc-frame tw-doc-front"}),
            sections,
            h("section", {"class": "tw-doc-agreement",
                          "aria-labelledby": f"{prefix}-agreement"},
              _framed(header,
                      h("h2", {"id": f"{prefix}-agreement"},
                        self.words("document.agreement", reader)),
                      h("p", {}, self.words("document.agreement_intro", reader)),
                      join([h("div", {"class": "tw-doc-sign"},
                              h("p", {}, who),
                              h("p", {"class": "tw-doc-line"}, text("document.name")),
                              h("p", {"class": "tw-doc-line"}, text("document.date")),
                              h("p", {"class": "tw-doc-line"}, text("document.signature")))
                            for who in signers]))),
        )

    def together(self, prefix: str, key: str, header: str, found: list[Section]) -> Markup:
        """What every part shares, once: its own heading, its sections."""
        return h("section", {"class": "tw-doc-part", "id": f"{prefix}-{key}",
                             "aria-labelledby": f"{prefix}-{key}-title"},
                 _framed(header, h("h2", {"id": f"{prefix}-{key}-title"}, found[0].heading),
                         # The first section's heading is the part's: said once.
                         [render.section_html(replace(section, heading="") if n == 0 else section)
                          for n, section in enumerate(found)]))
