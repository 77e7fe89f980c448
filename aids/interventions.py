"""Which help from the intervention catalogue fits a situation, why, and what to watch out for.

This module computes; every sentence it shows is in aids/content/interventies.toml.

- An option fits when it answers at least one chosen concern (and, where the catalogue says it
  `requires` one, that concern), and the child's age (if known) is within its range. General
  support (`general` in the catalogue) is shown in its own group.
- The phase ranks; it never excludes. Help the sources describe for this phase, and what the
  phase asks for, rank higher (Richtlijn Uithuisplaatsing en terugplaatsing, 2023: help goes on
  directly after a return).
- Only age and a contra-indication named in the catalogue exclude, each with its reason and
  source. A contra-indication names concerns, dangers or both.
- Dangers come from the shared safety step (the answers `gevaren` and `geweld_nu`). Violence
  that has not stopped ("nog" or "onbekend") adds the derived danger `geweld_gaat_door`. A
  danger also makes the concerns count that [dangers] in vocabulary.toml lists for it (violence
  is a concern about violence and about the child's safety; a parent's addiction is that
  parent's addiction), so help aimed at it appears. Where a source gives a caution rather than an
  exclusion, the danger marks the help with a tag and the aid's item_rules say what to watch.
- Help meant for a concern that a named danger brings (it `requires` it) ranks higher: safety
  first. That weight is Thuiswijzer's own, and the option says so.
- Ties keep catalogue order, so the result is deterministic. Nothing is ever named "the" answer.

Pure Python, standard library only; runs in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalogue
from .definition import PARENTS, PRO, Aid, load
from .result import Builder, Extra, Item, applies

MATCH = 1.0  # per chosen concern the option answers: what matters most
PHASE = 0.75  # the sources describe the help for this phase
SPECIFIC = 1.0  # help meant for exactly this concern (it `requires` one that was chosen)
PREFERENCE = 0.5  # per preference of the phase met
TRAUMA_FIRST = 2.0  # treating a parent's trauma comes before or alongside parenting help
DANGER_FIRST = 1.0  # help meant for a danger that was named (Thuiswijzer's own weight)
MAX_AGE = 23  # the oldest age any help in the catalogue is for (IAG and LVB help)
ADULT = 18  # above this age youth help only continues with an LVB (IAG's target group)

# Help meant for parents and child counts, in a situation, as help for the child only when it
# matched a concern about the child, and as help for the parents unless it matched only the
# child's own problems (GGZ chosen for a parent's trauma is not help for the child).
ABOUT_CHILD = frozenset({"gedrag_kind", "emotie_kind", "ouder_kind_interactie", "contact", "lvb",
                         "loyaliteit_kind"})
CHILD_PROBLEMS = frozenset({"gedrag_kind", "emotie_kind", "loyaliteit_kind"})
# Phases where the guideline asks for help to both parents and child.
BOTH_PHASES = frozenset({"tijdens", "terugkeer", "nazorg"})
RETURN_PHASES = frozenset({"terugkeer", "nazorg"})
# Help for the parents in processing the placement and their new role as a parent: what the
# guideline asks for, above all in a permanent placement (not a way back home).
PROCESSING = frozenset({"verwerking", "permanent"})
VIOLENCE_GOES_ON = "geweld_gaat_door"  # derived: violence named, and it has not stopped


class SituationError(ValueError):
    """A situation that cannot exist (unknown phase or concern, impossible age)."""


@dataclass(frozen=True)
class Situation:
    age: int | None  # the child's age in whole years, None if unknown
    phase: str  # a key of vocabulary().phases
    concerns: frozenset[str]  # keys of vocabulary().concerns, with those the dangers imply
    trauma_checked: bool = False  # it was looked into: no parent has trauma
    dangers: frozenset[str] = frozenset()  # keys of vocabulary().dangers

    def __post_init__(self) -> None:
        # A situation that cannot exist would silently give an empty list; refuse it instead.
        words = catalogue.vocabulary()
        if isinstance(self.concerns, str) or isinstance(self.dangers, str):
            raise SituationError(self.concerns)
        dangers = frozenset(self.dangers)
        if not dangers <= set(words.dangers):
            raise SituationError(sorted(dangers - set(words.dangers)))
        implied = {c for danger in dangers for c in words.dangers[danger]}
        object.__setattr__(self, "dangers", dangers)
        object.__setattr__(self, "concerns", frozenset(self.concerns) | implied)
        if self.age is not None and (isinstance(self.age, bool) or not isinstance(self.age, int)
                                     or not 0 <= self.age <= MAX_AGE):
            raise SituationError(self.age)
        if self.phase not in words.phases or not self.concerns <= set(words.concerns):
            raise SituationError(self.phase)

    @property
    def values(self) -> dict:
        """The situation as the aid's answers, for its rules."""
        values = {"fase": self.phase, "zorgen": sorted(self.concerns)}
        if self.age is not None:
            values["leeftijd"] = self.age
        if self.trauma_checked:
            values["trauma_uitgezocht"] = "geen"
        return values


@dataclass(frozen=True)
class Option:
    intervention: catalogue.Intervention
    score: float
    reasons: tuple[str, ...]  # why it fits: matched concerns, age, phase, what the phase asks
    cautions: tuple[str, ...]  # notes for this situation, then the catalogue's own
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Excluded:
    intervention: catalogue.Intervention
    reasons: tuple[str, ...]  # every reason it does not fit (age, contra-indication)


@dataclass(frozen=True)
class Advice:
    fitting: tuple[Option, ...]  # ranked, best first
    general: tuple[Option, ...]  # general support, in catalogue order
    excluded: tuple[Excluded, ...]  # would answer a chosen concern but do not fit


def situation_from(values: dict) -> Situation | None:
    """The situation in the aid's answers, or None while it is incomplete or wrong (the form
    shows the errors)."""
    age = values.get("leeftijd")
    try:
        return Situation(age if isinstance(age, int) else None, values.get("fase", ""),
                         frozenset(values.get("zorgen", [])),
                         values.get("trauma_uitgezocht") == "geen", dangers_from(values))
    except (SituationError, TypeError):
        return None


def dangers_from(values: dict) -> frozenset[str]:
    """The dangers the safety step names, and geweld_gaat_door when violence was named and
    did not stop: unknown counts as going on."""
    dangers = set(values.get("gevaren", []))
    if "geweld" in dangers and values.get("geweld_nu") != "gestopt":
        dangers.add(VIOLENCE_GOES_ON)
    return frozenset(dangers)


def advise(situation: Situation, aid: Aid | None = None) -> Advice:
    aid = aid or load("interventies")
    words = catalogue.vocabulary()
    fitting: list[tuple[float, int, Option]] = []
    general: list[Option] = []
    excluded: list[Excluded] = []
    chosen = situation.concerns
    for index, item in enumerate(catalogue.interventions()):
        matched = [c for c in words.concerns if c in chosen and c in item.concerns]
        if item.general:
            if not _misfits(aid, item, situation):
                general.append(_option(aid, item, situation, matched, 0.0))
            continue
        if not matched or (item.requires and not chosen & set(item.requires)):
            continue  # answers nothing that was chosen: neither fitting nor excluded
        misfits = _misfits(aid, item, situation)
        if misfits:
            excluded.append(Excluded(item, misfits))
            continue
        preferences = _preferences(aid, item, situation)
        score = (MATCH * len(matched) + PREFERENCE * len(preferences)
                 + SPECIFIC * bool(item.requires)
                 + PHASE * (situation.phase in item.phases)
                 + TRAUMA_FIRST * (_treats_parent_trauma(item) and "trauma_ouder" in chosen)
                 + DANGER_FIRST * _meant_for_danger(item, situation))
        fitting.append((score, index, _option(aid, item, situation, matched, score, preferences)))
    # Best score first; equal scores keep catalogue order.
    ranked = tuple(option for _, _, option in sorted(fitting, key=lambda t: (-t[0], t[1])))
    return Advice(ranked, tuple(general), tuple(excluded))


def _option(aid: Aid, item: catalogue.Intervention, situation: Situation, matched: list[str],
            score: float, preferences: list[str] = ()) -> Option:
    words = catalogue.vocabulary()
    reasons = []
    if matched:
        labels = [_lower(words.concerns[c]) for c in matched]
        listed = labels[0] if len(labels) == 1 else aid.text(
            "zorgen_en", first=", ".join(labels[:-1]), last=labels[-1])
        reasons.append(aid.text("zorgen", list=listed))
    if situation.age is not None and item.has_ages:
        reasons.append(aid.text("leeftijd_past", ages=ages(aid, item), age=situation.age))
    phase = _lower(words.phases[situation.phase])
    if situation.phase in item.phases:
        reasons.append(aid.text("fase_past", phase=phase))
    else:
        reasons.append(aid.text("fase_anders", phases=", ".join(
            _lower(words.phases[p]) for p in item.phases)))
    reasons += preferences
    if _treats_parent_trauma(item) and "trauma_ouder" in situation.concerns:
        reasons.append(aid.text("trauma_eerst"))
    if _meant_for_danger(item, situation):
        reasons.append(aid.text("gevaar_eerst"))
    tags = _tags(item, situation)
    values = situation.values
    cautions = [rule.text for rule in aid.item_rules
                if rule.tag in tags and applies(rule, values, {})]
    return Option(item, score, tuple(reasons), tuple(cautions) + item.cautions, frozenset(tags))


def _misfits(aid: Aid, item: catalogue.Intervention, situation: Situation) -> tuple[str, ...]:
    """Every reason the option does not fit this child; empty if it fits."""
    reasons = []
    if not item.fits_age(situation.age):
        reasons.append(aid.text("te_jong_oud", ages=ages(aid, item), age=situation.age))
    reasons += [contra.reason for contra in item.contra
                if contra.applies(situation.concerns, situation.dangers)]
    return tuple(reasons)


def _preferences(aid: Aid, item: catalogue.Intervention, situation: Situation) -> list[str]:
    """What the phase asks for that this option offers: one sentence each."""
    found = []
    phase = situation.phase
    if phase == "voorkomen":
        # The NJi: intensive help at home is for families with many problems at once, and can
        # help prevent a placement. It speaks of intensive home help (Families First, IAG, MST),
        # not of every help given at home, and of families that have many problems.
        if item.intensive_home and "meervoudig" in situation.concerns:
            found.append(aid.text("voorkeur_thuis"))
        # Where placement threatens now, crisis intervention such as Families First.
        if "crisis" in situation.concerns and "crisis" in item.concerns:
            found.append(aid.text("voorkeur_crisis"))
        return found
    if phase == "tijdens" and "contact" in item.concerns:
        found.append(aid.text("voorkeur_contact"))
    if phase == "tijdens" and _helps(item, "ouders", situation):
        # WODC and Leiden (2025): help for parents during a placement goes with a greater
        # chance of return. That is no reason for help in processing the placement, nor for
        # help in a permanent placement, where return is not the aim; the guideline's own
        # reason is (help parents cope with the placement, above all a permanent one).
        if situation.concerns & set(item.concerns) & PROCESSING:
            found.append(aid.text("voorkeur_verwerking"))
        elif "permanent" not in situation.concerns:
            found.append(aid.text("voorkeur_ouders"))
    if _helps(item, "kind", situation):
        found.append(aid.text("voorkeur_kind"))
    if phase in RETURN_PHASES:
        # At and after return: help goes on, close to home, with the network (NJi, Samenwerken aan
        # terug naar huis).
        if phase == "terugkeer" and "nazorg" in item.phases:
            found.append(aid.text("voorkeur_doorlopen"))
        if "crisis" in situation.concerns and "crisis" in item.concerns:
            found.append(aid.text("voorkeur_crisis"))
        if "netwerk" in item.audience:
            found.append(aid.text("voorkeur_netwerk"))
    return found


def violence_cautions(item: catalogue.Intervention) -> set[str]:
    """The tags of the cautions this help carries while violence goes on: network meetings,
    help for the whole family, and parenting programmes. Cautions, not exclusions: the sources
    weigh these forms of help, none rules them out."""
    if item.general:
        return set()
    tags = set()
    if "netwerk" in item.audience:
        tags.add("netwerk_bij_geweld")
    elif "gezin" in item.audience:
        tags.add("gezin_bij_geweld")
    if item.parenting:
        tags.add("opvoeding_bij_geweld")
    return tags


def _tags(item: catalogue.Intervention, situation: Situation) -> set[str]:
    tags = set()
    if item.parenting:
        tags.add("opvoedprogramma")
    if VIOLENCE_GOES_ON in situation.dangers:
        tags |= violence_cautions(item)
    if situation.age is None and item.has_ages and (item.age_min > 0 or item.age_max < ADULT):
        tags.add("leeftijd_onbekend")
    # Help that goes on past 18 only with an LVB (IAG's target group), for a youth without one.
    if (situation.age is not None and situation.age > ADULT and "lvb" in item.concerns
            and "lvb" not in situation.concerns):
        tags.add("na_achttien")
    return tags


def _helps(item: catalogue.Intervention, side: str, situation: Situation) -> bool:
    """Whether the option is help for the parents ("ouders") or the child ("kind") here."""
    if side not in item.audience:
        return False
    if not {"ouders", "kind"} <= set(item.audience):
        return True  # meant for this side only
    matched = situation.concerns & set(item.concerns)
    if side == "kind":
        return bool(matched & ABOUT_CHILD)
    return not matched <= CHILD_PROBLEMS


def _meant_for_danger(item: catalogue.Intervention, situation: Situation) -> bool:
    """Help meant for exactly a concern that a named danger brings (it requires it): help aimed
    at the violence, addiction care when a parent's addiction is a danger."""
    words = catalogue.vocabulary()
    named = {c for danger in situation.dangers for c in words.dangers[danger]}
    return bool(set(item.requires) & named)


def _treats_parent_trauma(item: catalogue.Intervention) -> bool:
    return "trauma_ouder" in item.concerns and "ouders" in item.audience


def ages(aid: Aid, item: catalogue.Intervention) -> str:
    return aid.text("leeftijden", min=item.age_min, max=item.age_max)


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


# The aid's result ---------------------------------------------------------------------

def facts(aid: Aid, values: dict) -> dict[str, object]:
    situation = situation_from(values)
    advice = advise(situation, aid) if situation else Advice((), (), ())
    parents = [o.intervention for o in advice.fitting if _helps(o.intervention, "ouders", situation)]
    children = [o.intervention for o in advice.fitting if _helps(o.intervention, "kind", situation)]
    # The first help for the parents is also the first for the child. Only help where parent and
    # child take part in the same sessions (PCIT) is help for them together; other help for
    # both (GGZ, LVB help) is given to each apart.
    both = parents[0] if parents and children and parents[0] == children[0] else None
    dangers = situation.dangers if situation else frozenset()
    return {
        "fase_vraagt_beide": bool(situation and situation.phase in BOTH_PHASES),
        "iets_past": bool(advice.fitting),
        "hulp_ouders": bool(parents),
        "hulp_kind": bool(children),
        "hulp_samen": both.name if both and both.together else "",
        "hulp_apart": both.name if both and not both.together else "",
        "voorbeeld_ouders": parents[0].name if parents and children and not both else "",
        "voorbeeld_kind": children[0].name if parents and children and not both else "",
    }


def items(aid: Aid, values: dict, facts: dict) -> Extra:
    """Fitting options ranked (each can be ticked to take along), general support, and what
    does not fit with its reasons."""
    situation = situation_from(values)
    if situation is None:
        return {}
    advice = advise(situation, aid)

    def lines(option: Option) -> str:
        item = option.intervention
        return "\n".join(list(option.reasons)
                         + [aid.text("let_op", caution=c) for c in option.cautions]
                         + [aid.text("onderbouwing", rating=catalogue.rating_text(item.rating)),
                            aid.text("intensiteit", intensity=item.intensity)]
                         + ([aid.text("duur", duration=item.duration)]
                            if item.duration != item.intensity else []))

    def entry(label: str, text: str, item: catalogue.Intervention, pick: bool) -> dict:
        found = {PRO: Item(label, text, item.id if pick else "", f"../interventies/{item.id}.html")}
        # What fits, in a family's words: what it is for; not help aimed at violence at home.
        if pick and PARENTS in aid.readers and not catalogue.private(item):
            found[PARENTS] = Item(item.name, item.aim)
        return found

    return {
        "passend": [entry(aid.text("rang", rank=rank, name=option.intervention.name),
                          lines(option), option.intervention, True)
                    for rank, option in enumerate(advice.fitting, start=1)],
        "algemeen": [entry(option.intervention.name, lines(option), option.intervention, True)
                     for option in advice.general],
        "past_niet": [entry(excluded.intervention.name, "\n".join(excluded.reasons),
                            excluded.intervention, False) for excluded in advice.excluded],
    }


BUILDER = Builder(facts=facts, items=items)
