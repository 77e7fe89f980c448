"""Generate guidance pages from the shared data in aids/content/data/.

- interventies/index.md and interventies/<id>.md from interventions.toml;
- wet-en-begrippen/begrippenlijst.md from glossary.toml;
- the abbreviation lines that turn every glossary term into a tooltip;
- every reference to a source, from sources.toml: a page's "Bronnen" section from the keys in
  its front matter, and the full list on the sources page.

The MkDocs hooks call these; nothing here is written to docs/.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import aids
from aids import answers_file, catalogue, definition, interventions, render
from aids._html import Markup, h, join
from aids.contract import ATTRIBUTES as A
from aids.render import describe
from aids.texts import PLACEHOLDER, group, text

REVIEWED = dt.date(2026, 11, 23)


def md_text(text: str) -> str:
    """Keep data text literal in Markdown: no HTML, no accidental emphasis."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("*", r"\*").replace("_", r"\_"))


def front_matter(title: str, description: str, extra: str = "",
                 reviewed: dt.date = REVIEWED) -> str:
    """A generated page's front matter. JSON strings are valid YAML, whatever punctuation the
    text holds."""
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n"
            f"reviewed: {reviewed}\n{extra}---\n\n")


def reference(source: catalogue.Source) -> str:
    """A source's full reference in Markdown: catalogue.reference (the words the aids use too),
    with its address as a link."""
    found = md_text(catalogue.reference(source))
    return f"{found} <{source.url}>" if source.url else found


def sources_heading() -> str:
    """The heading of a page's list of sources, with its anchor."""
    return f"## {md_text(text('page.sources_heading'))} {{#bronnen}}\n"


def source_list(keys: list[str] | tuple[str, ...], where: str) -> str:
    """The "Bronnen" list of a page: one reference per key. An unknown key names the page."""
    known = catalogue.sources()
    unknown = [key for key in keys if key not in known]
    if unknown or not keys:
        raise catalogue.DefinitionError(catalogue.DATA_DIR / "sources.toml", None,
                                        f"{where}: onbekende of geen bronnen {unknown}")
    return "\n".join(f"- {reference(known[key])}" for key in keys) + "\n"


def all_sources() -> str:
    """Every source, grouped as on the sources page."""
    lines = []
    for kind, heading in catalogue.source_kinds().items():
        chosen = [s for s in catalogue.sources().values() if s.kind == kind]
        if chosen:
            lines += [f"### {md_text(heading)} {{#{kind}}}\n"]
            lines += [f"- {reference(s)}" for s in chosen] + [""]
    return "\n".join(lines)


def ages(item: catalogue.Intervention) -> str:
    if not item.has_ages:
        return text("catalogue.no_age")
    return interventions.ages(aids.load("interventies"), item)


rating_text = catalogue.rating_text


def intervention_page(item: catalogue.Intervention) -> str:
    words = catalogue.vocabulary()
    t = group("intervention")
    rows = [
        (t["row_kind"], catalogue.KINDS[item.kind]),
        (t["row_for"], item.target_group),
        (t["row_where"], ", ".join(words.settings[s] for s in item.settings)),
        *([(t["row_intensity_duration"], item.intensity)] if item.duration == item.intensity
          else [(t["row_intensity"], item.intensity), (t["row_duration"], item.duration)]),
        (t["row_phases"], ", ".join(words.phases[p] for p in item.phases)),
        (t["row_concerns"], ", ".join(words.concerns[c] for c in item.concerns)),
        (t["row_rating"], rating_text(item.rating)),
    ]
    if item.has_ages:  # help for a parent's own problems names no child age
        rows.insert(2, (t["row_age"], ages(item)))
    # An intervention's own page comes first when someone searches for its name.
    lines = [front_matter(item.name, item.aim, "search:\n  boost: 1.5\n"), f"# {md_text(item.name)}\n",
             f"{md_text(item.aim)}\n", f"## {md_text(t['summary'])} {{#in-het-kort}}\n",
             f"| {md_text(t['column_feature'])} | {md_text(t['column_value'])} |", "|---|---|"]
    lines += [f"| **{md_text(label)}** | {md_text(value)} |" for label, value in rows]
    lines += ["", f"## {md_text(t['how'])} {{#hoe-werkt-het}}\n", md_text(item.description) + "\n",
              f"## {md_text(t['rating'])} {{#onderbouwing}}\n", md_text(rating_text(item.rating)) + "\n"]
    if item.rating.note:
        lines.append(md_text(item.rating.note) + "\n")
    if item.cautions:
        lines += [f"## {md_text(t['cautions'])} {{#let-op}}\n"]
        lines += [f"- {md_text(c)}" for c in item.cautions] + [""]
    if item.contra:  # what rules it out, each with its reason and source
        lines += [f"## {md_text(t['contra'])} {{#past-niet}}\n"]
        lines += [f"- {md_text(contra.reason)}" for contra in item.contra] + [""]
    lines += [sources_heading(), source_list(item.sources, f"interventie {item.id}")]
    return "\n".join(lines)


def _field(label: str, control: Markup, fid: str) -> Markup:
    return h("div", {"class": "tw-filter__field"}, h("label", {"for": fid}, label), control)


def _select(fid: str, name: str, everything: str, choices: dict[str, str]) -> Markup:
    return h("select", {"id": fid, A["filterInput"]: name},
             h("option", {"value": ""}, everything),
             [h("option", {"value": key}, label) for key, label in choices.items()])


def _filter_form() -> str:
    """Filters for the overview, shown only when the page's script runs (it needs no Python)."""
    words = catalogue.vocabulary()
    t = group("filter")
    age, hint = "tw-filter-leeftijd", "tw-filter-leeftijd-hint"
    return h("form", {"class": "tw-filter", A["filter"]: True, "hidden": True},
             _field(t["age_label"], join([
                 h("input", {"id": age, "type": "text", "inputmode": "numeric",
                             "autocomplete": "off", A["filterInput"]: "age",
                             "aria-describedby": hint}),
                 h("p", {"id": hint, "class": "aid-hint"},
                   text("filter.age_hint", min=0, max=interventions.MAX_AGE))]), age),
             _field(t["phase_label"], _select("tw-filter-fase", "phase", t["phase_all"],
                                              words.phases), "tw-filter-fase"),
             _field(t["concern_label"], _select("tw-filter-zorg", "concern", t["concern_all"],
                                                words.concerns), "tw-filter-zorg"),
             h("p", {"class": "tw-filter__count", "role": "status", A["filterCount"]: True,
                     A["textCount"]: t["count"], A["textAgeInvalid"]: t["age_invalid"]})
             ) + "\n"


def _table(items: list[catalogue.Intervention]) -> str:
    """The overview table as HTML, each row carrying what the filters look at."""
    words = catalogue.vocabulary()
    t = group("interventions")
    rows = [h("tr", {A["min"]: item.age_min or 0,
                     A["max"]: item.age_max or interventions.MAX_AGE,
                     A["phases"]: " ".join(item.phases),
                     A["concerns"]: " ".join(item.concerns)},
              # Raw HTML is not rewritten by MkDocs: link to the built page itself.
              h("td", {}, h("a", {"href": f"{item.id}.html"}, item.name)),
              h("td", {}, ages(item)),
              h("td", {}, ", ".join(words.phases[p].lower() for p in item.phases)),
              h("td", {}, rating_text(item.rating)))
            for item in items]
    head = h("tr", {}, [h("th", {"scope": "col"}, t[key]) for key in
                        ("column_name", "column_age", "column_phases", "column_rating")])
    return h("table", {A["filterTable"]: True}, h("thead", {}, head), h("tbody", {}, rows)) + "\n"


def _lists() -> list[str]:
    """The same choice without any script: every phase, concern and age group as a list."""
    items = catalogue.interventions()
    words = catalogue.vocabulary()
    t = group("interventions")
    groups = [(t["per_phase"], {label: [i for i in items if key in i.phases]
                                for key, label in words.phases.items()}),
              (t["per_concern"], {label: [i for i in items if key in i.concerns]
                                  for key, label in words.concerns.items()}),
              (t["per_age"], {text("interventions.age_group", low=low, high=high):
                              [i for i in items if not i.has_ages
                               or (i.age_min <= high and i.age_max >= low)]
                              for low, high in ((0, 3), (4, 11), (12, 17), (18, 23))})]
    lines = [f"## {md_text(t['lists'])} {{#zoeken}}\n", md_text(t["lists_intro"]) + "\n"]
    for title, groups_of in groups:
        lines.append(f'??? note "{md_text(title)}"\n')
        for label, chosen in groups_of.items():
            links = (", ".join(f"[{md_text(i.name)}]({i.id}.md)" for i in chosen)
                     or md_text(t["no_match"]))
            lines.append(f"    - **{md_text(label)}**: {links}")
        lines.append("")
    return lines


def overview_page() -> str:
    items = catalogue.interventions()
    t = group("interventions")
    lines = [
        front_matter(t["title"], t["description"], "filter: true\n"),
        f"# {md_text(t['title'])}\n",
        t["intro"] + "\n",  # Markdown from content: it links to the aid
        _filter_form(),
    ]
    for kind, anchor in (("interventie", "interventies"), ("hulpvorm", "andere-hulp")):
        lines += [f"## {md_text(t[f'heading_{kind}'])} {{#{anchor}}}\n",
                  _table([i for i in items if i.kind == kind])]
    lines += _lists()
    lines += [sources_heading(), t["sources_intro"] + "\n"]
    return "\n".join(lines)


def glossary_page() -> str:
    terms = sorted(catalogue.glossary(), key=lambda t: t.term.lower())
    t = group("glossary_page")
    lines = [
        # A reference page: the guidance pages come first in search.
        front_matter(t["title"], t["description"], "search:\n  boost: 0.3\n"),
        f"# {md_text(t['title'])}\n",
        md_text(t["intro"]) + "\n",
    ]
    for term in terms:
        lines += [md_text(term.term), f":   {md_text(term.definition)}", ""]
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Every generated page, by its path under docs/."""
    generated = {"interventies/index.md": overview_page(),
                 "wet-en-begrippen/begrippenlijst.md": glossary_page()}
    for item in catalogue.interventions():
        generated[f"interventies/{item.id}.md"] = intervention_page(item)
    return generated


def aid_keys() -> str:
    """For the page for technical users: every aid's answer keys, as the terminal shows them."""
    lines = []
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        lines += [f"## {md_text(aid.title)} {{#{aid.id}}}\n",
                  f"    {text('cli.example', id=aid.id)}\n"]
        lines += ["    " + line if line else "" for line in describe(aid).splitlines()] + [""]
    return "\n".join(lines)


def watch_list() -> tuple[str, list[str]]:
    """What Thuiswijzer watches for: every rule with `watch`, once, by topic, with the aids that
    hold it and what it says. Returns the Markdown and the keys of the sources the texts cite."""
    parts = [definition.shared_part(name) for name in definition.SHARED_PARTS]
    topics = {key: label for part in parts for key, label in part.topics.items()}
    found: dict[str, tuple[definition.Rule, list[str]]] = {}
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        for rule in aid.rules:
            if rule.watch:
                found.setdefault(rule.id, (rule, []))[1].append(aid.title)
    everyone = {part.id for part in parts}
    lines, cited = [], set()
    for key, label in topics.items():
        rules = [(rule, titles) for rule, titles in found.values() if rule.topic == key]
        if not rules:
            continue
        lines.append(f"## {md_text(label)} {{#{key.replace('_', '-')}}}\n")
        for rule, titles in rules:
            where = (text("watch.all") if rule.id.split(".")[0] in everyone else
                     text("watch.in", aids=titles[0] if len(titles) == 1 else text(
                         "watch.and", first=", ".join(titles[:-1]), last=titles[-1])))
            # What the aid fills in itself ({pleger_contact}) reads as an ellipsis here.
            said = PLACEHOLDER.sub("…", rule.text).strip()
            body = f"{md_text(said)} *{md_text(where)}*" if said != "…" else f"*{md_text(where)}*"
            lines += [f"**{md_text(rule.watch)}**", f":   {body}", ""]
            cited |= {s.key for s in catalogue.sources().values() if f"({s.cite}" in rule.text}
    return "\n".join(lines), sorted(cited)


def example_html(path: Path) -> Markup:
    """A worked example: a saved answers file, opened and run by its own aid, shown exactly as
    the aid shows its result. A file the aid no longer accepts fails the build."""
    text = path.read_text(encoding="utf-8")
    aid_id = json.loads(text).get("aid")
    if aid_id not in aids.aid_ids():
        raise aids.DefinitionError(path, None, f"onbekend hulpmiddel '{aid_id}'")
    aid = aids.load(aid_id)
    try:
        answers = answers_file.load_text(aid, text).answers
    except aids.AnswersError as error:
        raise aids.DefinitionError(path, None, str(error)) from None
    checked = aids.run(aid_id, answers)
    if not checked["valid"]:
        raise aids.DefinitionError(path, None, f"het voorbeeld is niet geldig: {checked['errors']}")
    return render.result_html(aids.evaluate(aid, aids.normalize(aid, answers), final=True).result)


def abbreviations() -> str:
    """Markdown abbreviation lines: each glossary term becomes a tooltip where it occurs."""
    return "\n".join(f"*[{t.term}]: {t.definition}" for t in catalogue.glossary()) + "\n"
