"""What the analysis aid computes for its rules: the chosen help checked against the child's age,
against the danger the shared part names, and against the problems named. Every word comes from
aids/content/analyse.toml and the catalogue."""

from __future__ import annotations

from . import catalogue, interventions, kader
from .definition import Aid, load
from .result import Builder


def _listed(aid: Aid, names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return aid.text("lijst_en", first=", ".join(names[:-1]), last=names[-1])


def facts(aid: Aid, values: dict) -> dict[str, object]:
    by_id = {item.id: item for item in catalogue.interventions()}
    chosen = [by_id[key] for key in values.get("hulp_keuze", []) if key in by_id]
    age = values.get("leeftijd_kind")
    age = age if isinstance(age, int) else None
    other_age = [aid.text("hulp_leeftijd", name=item.name,
                          ages=aid.text("leeftijden", min=item.age_min, max=item.age_max))
                 for item in chosen if age is not None and not item.fits_age(age)]
    violence = "geweld" in values.get("gevaren", [])
    # Network meetings and help for the whole family while violence goes on: the catalogue's
    # own cautions (aids/content/interventies.toml), one line per chosen help.
    cautions = []
    if kader.facts(values)["geweld_gaat_door"]:
        notes = {rule.tag: rule.text for rule in load("interventies").item_rules}
        cautions = [aid.text("hulp_bij_geweld", name=item.name, reason=notes[tag])
                    for item in chosen for tag in sorted(interventions.violence_cautions(item))
                    if tag != "opvoeding_bij_geweld"]
    return {
        "hulp_leeftijd": _listed(aid, other_age),
        "opvoedhulp_bij_geweld": violence and bool(chosen) and not any(
            "huiselijk_geweld" in item.concerns for item in chosen),
        "hulp_bij_geweld": "\n".join(cautions),
    }


BUILDER = Builder(facts=facts)
