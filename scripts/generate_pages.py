"""Generate guidance pages from the shared data in aids/content/data/.

- interventies/index.md and interventies/<id>.md from interventions.toml;
- wet-en-begrippen/begrippenlijst.md from glossary.toml;
- the abbreviation lines that turn every glossary term into a tooltip.

The MkDocs hooks call these; nothing here is written to docs/.
"""

from __future__ import annotations

import datetime as dt
import json

from aids import catalogue
from aids.engine import format_date

REVIEWED = dt.date(2026, 11, 23)


def _md(text: str) -> str:
    """Keep data text literal in Markdown: no HTML, no accidental emphasis."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("*", r"\*").replace("_", r"\_"))


def _front(title: str, description: str) -> str:
    # JSON strings are valid YAML, whatever punctuation the text holds.
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n"
            f"reviewed: {REVIEWED}\n---\n\n")


def ages(item: catalogue.Intervention) -> str:
    return f"{item.age_min} tot en met {item.age_max} jaar"


def rating_text(rating: catalogue.Rating) -> str:
    when = format_date(rating.date) if rating.date else "datum niet bekend"
    body = f", {rating.body}" if rating.body else ""
    return f"{rating.level} ({when}{body})"


def intervention_page(item: catalogue.Intervention) -> str:
    words = catalogue.vocabulary()
    rows = [
        ("Soort", catalogue.KINDS[item.kind]),
        ("Voor wie", item.target_group),
        ("Leeftijd kind", ages(item)),
        ("Waar", ", ".join(words.settings[s] for s in item.settings)),
        ("Intensiteit", item.intensity),
        ("Duur", item.duration),
        ("Fasen", ", ".join(words.phases[p] for p in item.phases)),
        ("Helpt bij", ", ".join(words.concerns[c] for c in item.concerns)),
        ("Onderbouwing", rating_text(item.rating)),
    ]
    lines = [_front(item.name, item.aim), f"# {_md(item.name)}\n",
             f"{_md(item.aim)}\n", "## In het kort {#in-het-kort}\n",
             "| Kenmerk | Beschrijving |", "|---|---|"]
    lines += [f"| **{label}** | {_md(value)} |" for label, value in rows]
    lines += ["", "## Hoe werkt het? {#hoe-werkt-het}\n", _md(item.description) + "\n",
              "## Onderbouwing {#onderbouwing}\n", _md(rating_text(item.rating)) + "\n"]
    if item.rating.note:
        lines.append(_md(item.rating.note) + "\n")
    if item.cautions:
        lines += ["## Let op {#let-op}\n"] + [f"- {_md(c)}" for c in item.cautions] + [""]
    lines += ["## Bronnen {#bronnen}\n"] + [f"- {_md(s)}" for s in item.sources] + [""]
    return "\n".join(lines)


def overview_page() -> str:
    items = catalogue.interventions()
    words = catalogue.vocabulary()
    lines = [
        _front("Interventies en andere hulp",
               "Overzicht van interventies en andere hulp, met doelgroep, leeftijd en onderbouwing."),
        "# Interventies en andere hulp\n",
        "Hier vind je de interventies en andere vormen van hulp die de bronnen van Thuiswijzer "
        "noemen. Per onderdeel lees je voor wie het is, hoe het werkt en hoe sterk de "
        "onderbouwing is. Een erkenning zegt iets over onderzoek, niet over wat bij dit gezin "
        "past. Dat weeg je zelf af, samen met het gezin.\n",
    ]
    for kind, heading, anchor in (("interventie", "Interventies", "interventies"),
                                  ("hulpvorm", "Andere hulp", "andere-hulp")):
        lines += [f"## {heading} {{#{anchor}}}\n", "| Naam | Leeftijd | Fasen | Onderbouwing |",
                  "|---|---|---|---|"]
        for item in (i for i in items if i.kind == kind):
            phases = ", ".join(words.phases[p].lower() for p in item.phases)
            lines.append(f"| [{_md(item.name)}]({item.id}.md) | {ages(item)} | {phases} | "
                         f"{_md(rating_text(item.rating))} |")
        lines.append("")
    lines += ["## Bronnen {#bronnen}\n",
              "De bronnen staan per interventie op de eigen pagina. Zie ook de "
              "[bronnenlijst](../over/bronnen.md).\n"]
    return "\n".join(lines)


def glossary_page() -> str:
    terms = sorted(catalogue.glossary(), key=lambda t: t.term.lower())
    lines = [
        _front("Begrippenlijst", "Korte uitleg van de begrippen die je op Thuiswijzer tegenkomt."),
        "# Begrippenlijst\n",
        "Hier staan de begrippen die je op Thuiswijzer tegenkomt, met een korte uitleg. "
        "Op de andere pagina's zie je dezelfde uitleg als je de muis op een begrip houdt of "
        "het met het toetsenbord selecteert.\n",
    ]
    for term in terms:
        lines += [_md(term.term), f":   {_md(term.definition)}", ""]
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Every generated page, by its path under docs/."""
    generated = {"interventies/index.md": overview_page(),
                 "wet-en-begrippen/begrippenlijst.md": glossary_page()}
    for item in catalogue.interventions():
        generated[f"interventies/{item.id}.md"] = intervention_page(item)
    return generated


def abbreviations() -> str:
    """Markdown abbreviation lines: each glossary term becomes a tooltip where it occurs."""
    return "\n".join(f"*[{t.term}]: {t.definition}" for t in catalogue.glossary()) + "\n"
