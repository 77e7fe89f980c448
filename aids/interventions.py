"""Which help from the intervention catalogue fits a situation, why, and what to watch out for.

The rules come from issue 5 and the Richtlijn Uithuisplaatsing en terugplaatsing (2023):

- An option fits when the child's age (if known) is within its age range, it serves the
  chosen phase, and it addresses at least one chosen concern.
- Options are ranked by the number of chosen concerns they address, plus small bonuses for
  what the phase asks for. Ties keep catalogue order, so the result is deterministic.
- Options that would address a chosen concern but do not fit (age, phase) are listed as
  excluded, with every reason.
- The result never names one option as "the" answer: it returns every fitting option.

Pure Python, standard library only; runs in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalogue

MATCH = 1.0  # per chosen concern the option addresses: what matters most
PREFERENCE = 0.5  # per phase preference met: orders options with (nearly) equal matches
TRAUMA_FIRST = 2.0  # treating a parent's trauma comes before or alongside parenting help
MAX_AGE = 23  # the oldest age any help in the catalogue is for (IAG and LVB help)
ADULT = 18  # above this age youth help only continues with an LVB (IAG's target group)

PARENTING = frozenset({"opvoedvaardigheden", "ouder_kind_interactie"})
# Help meant for parents and child counts, in a situation, as help for the child only when it
# matched a concern about the child, and as help for the parents unless it matched only the
# child's own problems (GGZ chosen for a parent's trauma is not help for the child).
ABOUT_CHILD = frozenset({"gedrag_kind", "emotie_kind", "ouder_kind_interactie", "contact", "lvb"})
CHILD_PROBLEMS = frozenset({"gedrag_kind", "emotie_kind"})
# Local help the NJi names for a return home (Samenwerken aan terug naar huis, z.j.).
LOCAL_HELP = frozenset({"wijkteam", "maatschappelijk-werk", "schuldhulpverlening"})
# Phases where the guideline asks for help to both parents and child.
BOTH_PHASES = frozenset({"tijdens", "terugkeer"})

GUIDELINE = "Richtlijn Uithuisplaatsing en terugplaatsing, 2023"
TRAUMA_CAUTION = ("Ouders met trauma hebben minder baat bij opvoedprogramma's. Overweeg "
                  "traumabehandeling voor de ouder eerst, of tegelijk (NJi, z.j.).")
NOTE_NOT_THE_ANSWER = ("Deze lijst is geen kant-en-klaar antwoord. Hij laat zien welke hulp uit "
                       "de catalogus kan passen, en waarom. Welke hulp je inzet, besluit je "
                       "samen met het gezin.")
NOTE_CHOOSE_CONCERN = "Kies minstens één zorg. Dan zie je welke hulp kan passen."
NOTE_NOTHING_FITS = ("Geen hulp uit de catalogus past bij deze situatie. Bespreek met je "
                     "gedragswetenschapper wat wel kan helpen. Kijk ook in het overzicht "
                     "Interventies en andere hulp.")
NOTE_NO_AGE = ("Je hebt geen leeftijd ingevuld. Daarom is niet gekeken of de leeftijd past. "
               "Bij de hulp staat voor welke leeftijd die bedoeld is.")


@dataclass(frozen=True)
class Situation:
    age: int | None  # the child's age in whole years, None if unknown
    phase: str  # a key of vocabulary().phases
    concerns: frozenset[str]  # keys of vocabulary().concerns

    def __post_init__(self) -> None:
        # A situation that cannot exist would silently give an empty list; refuse it instead.
        if isinstance(self.concerns, str):
            raise ValueError("Geef de zorgen als een lijst.")
        object.__setattr__(self, "concerns", frozenset(self.concerns))
        _check(self.age, self.phase, self.concerns)


@dataclass(frozen=True)
class Option:
    intervention: catalogue.Intervention
    score: float
    reasons: tuple[str, ...]  # Dutch (B1), why it fits: matched concerns, age, phase
    cautions: tuple[str, ...]  # Dutch: situation-specific cautions, then the catalogue's


@dataclass(frozen=True)
class Excluded:
    intervention: catalogue.Intervention
    reasons: tuple[str, ...]  # Dutch: every reason it does not fit (age, phase)


@dataclass(frozen=True)
class Advice:
    fitting: tuple[Option, ...]  # ranked, best first
    excluded: tuple[Excluded, ...]  # would address a chosen concern but do not fit (age, phase)
    combinations: tuple[str, ...]  # Dutch suggestions to combine help for parents AND child
    notes: tuple[str, ...]  # general Dutch notes for this situation


def situation_from_answers(age: str | int | None, phase: str, concerns: list[str]) -> Situation:
    """Read a form's answers into a Situation; a ValueError carries a Dutch message."""
    if isinstance(concerns, str) or not isinstance(concerns, (list, tuple, set, frozenset)):
        raise ValueError("Geef de zorgen als een lijst.")
    return Situation(_age(age), phase, frozenset(concerns))


def advise(situation: Situation) -> Advice:
    words = catalogue.vocabulary()
    fitting: list[tuple[float, int, Option]] = []
    excluded: list[Excluded] = []
    for index, item in enumerate(catalogue.interventions()):
        matched = [c for c in words.concerns if c in situation.concerns and c in item.concerns]
        if not matched:
            continue  # addresses nothing that was chosen: neither fitting nor excluded
        misfits = _misfits(item, situation)
        if misfits:
            excluded.append(Excluded(item, misfits))
            continue
        preferences = _preferences(item, situation)
        trauma_first = _treats_parent_trauma(item) and "trauma_ouder" in situation.concerns
        score = MATCH * len(matched) + PREFERENCE * len(preferences) + TRAUMA_FIRST * trauma_first
        reasons = [_concerns_reason(matched), *_fit_reasons(item, situation), *preferences]
        if trauma_first:
            reasons.append("Behandelt het trauma van de ouder. Doe dat vóór of naast hulp bij de "
                           "opvoeding (NJi, z.j.).")
        option = Option(item, score, tuple(reasons), _cautions(item, situation))
        fitting.append((score, index, option))
    # Best score first; equal scores keep catalogue order.
    ranked = tuple(option for _, _, option in sorted(fitting, key=lambda t: (-t[0], t[1])))
    return Advice(ranked, tuple(excluded), _combinations(ranked, situation),
                  _notes(ranked, situation))


def _age(age: str | int | None) -> int | None:
    if age is None or (isinstance(age, str) and not age.strip()):
        return None  # not filled in: the age is not checked
    if isinstance(age, bool) or not isinstance(age, (str, int)):
        raise ValueError("Vul de leeftijd in hele jaren in, bijvoorbeeld 7.")
    if isinstance(age, str):
        text = age.strip()
        if not text.isascii() or not text.isdigit():
            raise ValueError(f"'{text}' is geen leeftijd. Vul de leeftijd in hele jaren in, "
                             "bijvoorbeeld 7.")
        age = int(text)
    return age


def _check(age: object, phase: object, concerns: frozenset) -> None:
    words = catalogue.vocabulary()
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
        raise ValueError("Vul de leeftijd in hele jaren in, bijvoorbeeld 7.")
    if age is not None and not 0 <= age <= MAX_AGE:
        raise ValueError(f"Een leeftijd van {age} jaar kan niet. Vul een leeftijd in van 0 tot "
                         f"en met {MAX_AGE} jaar.")
    if phase not in words.phases:
        choices = ", ".join(f"'{key}'" for key in words.phases)
        raise ValueError(f"Onbekende fase '{phase}'. Kies een van deze fasen: {choices}.")
    unknown = sorted(str(c) for c in concerns if c not in words.concerns)
    if unknown:
        names = ", ".join(f"'{c}'" for c in unknown)
        raise ValueError(f"Onbekende zorg: {names}. Kies alleen zorgen uit de lijst.")


def _misfits(item: catalogue.Intervention, situation: Situation) -> tuple[str, ...]:
    """Every reason the option does not fit this child and phase; empty if it fits."""
    words = catalogue.vocabulary()
    reasons = []
    if situation.age is not None and not item.age_min <= situation.age <= item.age_max:
        reasons.append(f"Bedoeld voor kinderen van {_ages(item)}; dit kind is {situation.age}.")
    if situation.phase not in item.phases:
        serves = ", ".join(_lower(words.phases[p]) for p in item.phases)
        reasons.append(f"Niet bedoeld voor de fase '{_lower(words.phases[situation.phase])}'. "
                       f"Wel voor: {serves}.")
    return tuple(reasons)


def _preferences(item: catalogue.Intervention, situation: Situation) -> list[str]:
    """What the phase asks for that this option offers: one Dutch sentence each."""
    found = []
    if situation.phase == "voorkomen":
        # The NJi: to prevent placement, intensive help at home for families with many problems.
        if "thuis" in item.settings and "meervoudig" in item.concerns:
            found.append("Hulp bij het gezin thuis, voor gezinnen met veel problemen tegelijk. "
                         "Die hulp gaat voor als je een uithuisplaatsing wilt voorkomen "
                         "(NJi, z.j.).")
        # Where placement threatens now, crisis intervention such as Families First.
        if "crisis" in situation.concerns and "crisis" in item.concerns:
            found.append("Bedoeld voor een crisis waarin een uithuisplaatsing direct dreigt.")
    elif situation.phase == "tijdens":
        # During placement: help with contact, for the parents and for the child.
        if "contact" in item.concerns:
            found.append("Helpt bij het contact tussen ouder en kind tijdens de plaatsing.")
        if _helps(item, "ouders", situation):
            found.append("Richt zich op de ouders. Krijgen ouders tijdens de plaatsing hulp, dan "
                         "is de kans op terugkeer groter (WODC en Universiteit Leiden, 2025).")
        if _helps(item, "kind", situation):
            found.append("Richt zich ook op het kind zelf. De hulp mag niet alleen op de ouders "
                         f"gericht zijn ({GUIDELINE}).")
    else:
        # At and after return: aftercare and local help, so support goes on (NJi, z.j.).
        if situation.phase == "terugkeer" and "nazorg" in item.phases:
            found.append("Kan doorlopen na de terugkeer. Veel gezinnen hebben nog minstens een "
                         "jaar steun nodig (NJi, z.j.).")
        if item.id in LOCAL_HELP:
            found.append("Hulp dichtbij huis, die het gezin kan houden als de jeugdbescherming "
                         "stopt (NJi, z.j.).")
        if "netwerk" in item.audience:
            found.append("Zet het netwerk van het gezin in, ook voor steun na de terugkeer "
                         "(NJi, z.j.).")
    return found


def _fit_reasons(item: catalogue.Intervention, situation: Situation) -> list[str]:
    words = catalogue.vocabulary()
    reasons = []
    if situation.age is not None:
        reasons.append(f"Past bij de leeftijd: bedoeld voor kinderen van {_ages(item)}; dit kind "
                       f"is {situation.age}.")
    reasons.append(f"Past bij de fase '{_lower(words.phases[situation.phase])}'.")
    return reasons


def _concerns_reason(matched: list[str]) -> str:
    labels = [_lower(catalogue.vocabulary().concerns[c]) for c in matched]
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]
    return f"Helpt bij {len(matched)} van de gekozen zorgen: {listed}."


def _cautions(item: catalogue.Intervention, situation: Situation) -> tuple[str, ...]:
    """Situation-specific cautions first, then the catalogue's own."""
    found = []
    own = list(item.cautions)
    if "trauma_ouder" in situation.concerns and _is_parenting(item):
        found.append(TRAUMA_CAUTION)
        # Some catalogue entries already carry this warning; say it once.
        own = [c for c in own if not _is_trauma_warning(c)]
    if situation.age is None and (item.age_min > 0 or item.age_max < ADULT):
        found.append(f"Je hebt geen leeftijd ingevuld. Deze hulp is bedoeld voor kinderen van "
                     f"{_ages(item)}.")
    if (situation.age is not None and situation.age > ADULT
            and "lvb" not in situation.concerns):
        found.append(f"Dit kind is {situation.age}. Na het 18e jaar is deze hulp alleen bedoeld "
                     "bij een licht verstandelijke beperking (LVB). Kijk of dat speelt.")
    return tuple(found + own)


def _combinations(ranked: tuple[Option, ...], situation: Situation) -> tuple[str, ...]:
    """The guideline: help must not target only the parents; the child placed away from home
    has a special claim on care (IVRK). Say what is missing, or suggest a combination."""
    if situation.phase not in BOTH_PHASES or not ranked:
        return ()
    parents = [o.intervention for o in ranked if _helps(o.intervention, "ouders", situation)]
    children = [o.intervention for o in ranked if _helps(o.intervention, "kind", situation)]
    duty = ("Een kind dat tijdelijk niet thuis woont, heeft recht op extra zorg (IVRK). "
            if situation.phase == "tijdens" else "")
    if parents and not children:
        return (f"Er staat geen hulp voor het kind zelf in deze lijst. De hulp mag niet alleen op "
                f"de ouders gericht zijn ({GUIDELINE}). {duty}Kies ook de zorgen over het kind, "
                "dan zie je welke hulp bij het kind past.",)
    if children and not parents:
        return ("Er staat geen hulp voor de ouders in deze lijst. Krijgen ouders hulp, dan is de "
                "kans op een blijvende terugkeer groter (WODC en Universiteit Leiden, 2025). "
                "Kies ook de zorgen over de ouders, dan zie je welke hulp bij hen past.",)
    if not parents and not children:
        return (f"De hulp in deze lijst richt zich op het gezin of het netwerk. Kijk ook wat de "
                f"ouders en het kind elk apart nodig hebben ({GUIDELINE}). {duty}".rstrip(),)
    parent, child = parents[0], children[0]
    if parent == child:
        return (f"{parent.name} richt zich op ouders en kind samen. Kijk of ouders of kind ook "
                f"apart hulp nodig hebben ({GUIDELINE}). {duty}".rstrip(),)
    return (f"Combineer hulp voor de ouders en voor het kind. Bijvoorbeeld voor de ouders: "
            f"{parent.name}. Voor het kind: {child.name}. De hulp mag niet alleen op de ouders "
            f"gericht zijn ({GUIDELINE}). {duty}".rstrip(),)


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


def _notes(ranked: tuple[Option, ...], situation: Situation) -> tuple[str, ...]:
    notes = [NOTE_NOT_THE_ANSWER]
    if not situation.concerns:
        notes.append(NOTE_CHOOSE_CONCERN)
    elif not ranked:
        notes.append(NOTE_NOTHING_FITS)
    if situation.age is None:
        notes.append(NOTE_NO_AGE)
    return tuple(notes)


def _is_parenting(item: catalogue.Intervention) -> bool:
    # A parenting programme works on parenting skills or parent-child interaction; help that
    # itself treats a parent's trauma needs no warning about trauma.
    return bool(PARENTING & set(item.concerns)) and not _treats_parent_trauma(item)


def _treats_parent_trauma(item: catalogue.Intervention) -> bool:
    return "trauma_ouder" in item.concerns and "ouders" in item.audience


def _is_trauma_warning(text: str) -> bool:
    lowered = text.lower()
    return "trauma" in lowered and "opvoedprogramma" in lowered


def _ages(item: catalogue.Intervention) -> str:
    return f"{item.age_min} tot en met {item.age_max} jaar"


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


# The aid's result ---------------------------------------------------------------------

def result(aid, answers: dict):
    """The intervention aid's result: fitting options ranked, combinations, options that do not
    fit, as sections the generic renderers show. Fitting options can be taken along."""
    from .engine import Item, Result, Section, Voice

    try:
        situation = situation_from_answers(answers.get("leeftijd"), answers.get("fase", ""),
                                           answers.get("zorgen", []))
    except ValueError as error:
        return Result(Voice(aid.result_title, str(error), (), ()))
    advice = advise(situation)
    words = catalogue.vocabulary()
    fitting = tuple(
        Item(f"{rank}. {option.intervention.name}",
             "\n".join(list(option.reasons)
                       + [f"Let op: {caution}" for caution in option.cautions]
                       + [f"Onderbouwing: {_rating(option.intervention)}",
                          f"Intensiteit en duur: {option.intervention.intensity} "
                          f"{option.intervention.duration}"]),
             pick=option.intervention.id)
        for rank, option in enumerate(advice.fitting, start=1))
    sections = []
    if fitting:
        sections.append(Section("Past mogelijk", fitting,
                                "Gerangschikt op hoe goed de hulp aansluit. Geen enkele optie "
                                "is vanzelf de juiste."))
    if advice.combinations:
        sections.append(Section("Combineren", tuple(Item("Suggestie", text)
                                                    for text in advice.combinations)))
    if advice.excluded:
        sections.append(Section("Past niet", tuple(
            Item(item.intervention.name, "\n".join(item.reasons)) for item in advice.excluded)))
    summary = (f"Fase: {words.phases[situation.phase]}. Leeftijd: "
               f"{situation.age if situation.age is not None else 'niet ingevuld'}.")
    return Result(Voice(aid.result_title, " ".join((summary,) + advice.notes),
                        tuple(sections), ()))


def _rating(item: catalogue.Intervention) -> str:
    from .engine import format_date

    rating = item.rating
    when = format_date(rating.date) if rating.date else "datum onbekend"
    body = f", {rating.body}" if rating.body else ""
    return f"{rating.level} ({when}{body})"
