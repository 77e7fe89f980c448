"""What the contact planner computes: each contact as one line ("2 keer per week, een middag,
in de bezoekruimte"), and the facts its warnings use: how long until the first contact, whether
the arrangement is too thin for the youngest child's age, unsupervised or handed over by
strangers, and which contacts are with the person who used violence or abuse.
Every word comes from aids/content/omgang.toml.
"""

from __future__ import annotations

from . import catalogue
from .dates import parse_date
from .definition import YOUTH, Aid
from .result import Builder, Extra, Item, display

# Days after the placement from which the first contact comes late (Thuiswijzer's advice).
LATE = 7
# Contacts a week a child needs at least, by the youngest child's age (Thuiswijzer's advice).
BABY, WEEKLY, FORTNIGHTLY = 2.0, 1.0, 0.5
PER_WEEK = {"week": 1.0, "twee_weken": 0.5, "maand": 12 / 52}
YOUNG = ("jonger_dan_1", "jonger_dan_4")


def _per_week(entry: dict) -> float | None:
    times, period = entry.get("frequentie"), entry.get("periode")
    if isinstance(times, int) and period in PER_WEEK:
        return times * PER_WEEK[period]
    return None


def _numbers(aid: Aid, numbers: list[int]) -> str:
    """Contacts by number, as words: "contact 2", "contact 1, 2 en 4"; "" for none."""
    if not numbers:
        return ""
    listed = [str(n) for n in numbers]
    joined = listed[0] if len(listed) == 1 else aid.text(
        "contacten_en", eerste=", ".join(listed[:-1]), laatste=listed[-1])
    return aid.text("contacten", nummers=joined)


def _methods(aid: Aid, age: object) -> str:
    """The catalogue's help for parent and child during contact (a parenting method aimed at
    contact), with the child's age: those that fit it; without: each with the ages it is for."""
    known = isinstance(age, int) and not isinstance(age, bool)
    names = [item.name if known else aid.text(
                 "methode", name=item.name,
                 ages=aid.text("leeftijden", min=item.age_min, max=item.age_max))
             for item in catalogue.interventions()
             if "contact" in item.concerns and item.parenting
             and (not known or item.fits_age(age))]
    return "\n".join(names)  # a line each


def facts(aid: Aid, values: dict) -> dict[str, object]:
    contacts = values.get("contacten", [])
    age = values.get("jongste_kind")
    young = age in YOUNG
    child_age = values.get("leeftijd_kind")
    found: dict[str, object] = {"methoden": _methods(aid, child_age),
                                "leeftijd_bekend": isinstance(child_age, int)}
    placed, first = parse_date(values.get("plaatsing_datum")), parse_date(values.get("eerste_contact"))
    if placed and first and first >= placed:
        found["dagen_tot_eerste_contact"] = (first - placed).days
        found["laat_eerste_contact"] = (first - placed).days > LATE
    rates = [rate for entry in contacts if (rate := _per_week(entry)) is not None]
    most = max(rates) if rates else None
    found["weinig_contact_baby"] = (age == "jonger_dan_1" and values.get("perspectief") == "terug"
                                    and most is not None and most < BABY)
    found["weinig_contact_jong"] = young and most is not None and most < WEEKLY
    found["weinig_contact_kind"] = age == "4_tot_12" and most is not None and most < FORTNIGHTLY
    # No guidance at all: none planned, or every contact without it (oma's visit at the foster
    # home alone is not the point; the contact between parent and child is).
    unsupervised = values.get("begeleiding_vorm") == "geen" or (
        bool(contacts) and all(entry.get("begeleid") == "onbegeleid" for entry in contacts))
    found["zonder_begeleiding_jong"] = young and values.get("perspectief") == "terug" \
        and unsupervised
    found["vervoer_jong"] = young and any(e.get("wie_brengt") == "vervoer" for e in contacts)
    # Contacts with the person who used violence or abuse (asked per contact when the shared
    # part names violence or abuse; an answer not asked is not in the values).
    numbered = list(enumerate(contacts, start=1))
    with_them = [n for n, e in numbered if e.get("pleger") == "ja"]
    found["pleger_contact"] = _numbers(aid, with_them)
    found["pleger_onbegeleid"] = _numbers(aid, [n for n, e in numbered if e.get("pleger") == "ja"
                                                and e.get("begeleid") != "begeleid"])
    found["pleger_logeren"] = _numbers(aid, [n for n, e in numbered if e.get("pleger") == "ja"
                                             and e.get("overnachten") == "ja"])
    asked = aid.repeats["contacten"].questions
    if next(q for q in asked if q.id == "pleger").asked(values):
        found["pleger_onbekend"] = _numbers(aid, [n for n, e in numbered
                                                  if e.get("pleger", "onbekend") == "onbekend"])
    return found


def items(aid: Aid, values: dict, facts: dict) -> Extra:
    """Each contact as a few readable lines, in each reader's words where they differ."""
    step = aid.repeats["contacten"]
    questions = {q.id: q for q in step.questions}
    out = []
    for number, entry in enumerate(values.get("contacten", []), start=1):
        versions = {}
        for reader in aid.readers:
            def shown(key: str) -> str:
                return display(questions[key], entry[key], reader) if key in entry else ""

            often = (aid.text("hoe_vaak", frequentie=entry["frequentie"], periode=shown("periode"))
                     if "frequentie" in entry and "periode" in entry else "")
            # The young person reads whom they see and how: not the slots ("kind 1") nor the
            # adults' hand-over.
            young = reader == YOUTH
            lines = [aid.text("met", met=entry["met"])] if entry.get("met") and not young else []
            if often and entry.get("duur") and entry.get("plek"):
                lines.append(aid.text("regel", hoe_vaak=often, duur=entry["duur"],
                                      plek=entry["plek"]))
            else:
                lines.append(aid.text("regel_kort", hoe_vaak=often) if often
                             else aid.text("hoe_vaak_onbekend"))
                lines += [f"{questions[k].label_for(reader) or questions[k].short}: {entry[k]}"
                          for k in ("duur", "plek") if entry.get(k)]
            if "begeleid" in entry:
                door = aid.text("door", begeleider=entry["begeleider"]) \
                    if entry.get("begeleider") and entry["begeleid"] != "onbegeleid" else ""
                lines.append(aid.text("begeleid", begeleid=shown("begeleid"), door=door))
            if "wie_brengt" in entry:
                lines.append(aid.text("brengen", wie_brengt=shown("wie_brengt")))
            if entry.get("halen_brengen") and not young:
                lines.append(aid.text("halen", halen_brengen=entry["halen_brengen"]))
            versions[reader] = Item(aid.text("contact", n=number, wie=entry.get("wie", "")),
                                    "\n".join(lines))
        out.append(versions)
    return {"schema": out}


BUILDER = Builder(facts=facts, items=items)
