"""What the aid 'perspectief' computes for its result; everything it says is in its content.

The result itself (arguments for and against return now side by side, what must still happen,
the questions, shared parenting and the escalation routes) is a table of rules in
aids/content/perspectief.toml. This module only computes the facts those rules use:

- the balance of draaglast and draagkracht per domain, now and at return, as sentences made
  from the content's phrases (never a number or a total);
- how long the child has lived elsewhere on the date of the conversation;
- what is still missing or does not add up;
- the balance as a picture's data: a seesaw per domain, now and at return (figures; aids.figures
  draws it).
"""

from __future__ import annotations

from .dates import format_date, months_between, parse_date
from .definition import PARENTS, PRO, Aid
from .result import Balance, Builder, Figures

DOMAINS = ("ouder", "kind", "gezin", "omgeving")
FAVOURABLE = ("kracht", "evenwicht")
# Whole months away from home from which the time itself becomes a question (Beoordelingsboog).
LONG = 6
# Up to this age, the time away weighs extra (the Richtlijn asks to weigh age and duration).
YOUNG = 4
# Months from the placement to the decision from which it is long for the child's age.
HALF_YEAR, YEAR = 6, 12


def facts(aid: Aid, values: dict) -> dict[str, object]:
    found: dict[str, object] = {}
    age = values.get("leeftijd_kind")
    young = isinstance(age, int) and age <= YOUNG
    found["jong"] = young
    for domain in DOMAINS:
        now, back = values.get(f"balans_{domain}_nu", ""), values.get(f"balans_{domain}_terug", "")
        found[f"balans_{domain}"], found[f"balans_{domain}_ouders"] = _balance(aid, now, back)
    placed, talk = parse_date(values.get("plaatsing_datum")), parse_date(values.get("datum_gesprek"))
    if placed and talk and talk >= placed:
        months = months_between(placed, talk)
        found["duur_uit_huis"] = (aid.text("maanden_geen") if months == 0 else
                                  aid.text("maanden_een") if months == 1 else
                                  aid.text("maanden", n=months))
        found["lang_uit_huis"] = months >= LONG
        found["drie_maanden_uit_huis"] = months >= 3
        found["jong_en_lang"] = young and months >= 3
        found["jaar_uit_huis"] = months >= 12
    missing = [aid.questions[f"balans_{domain}_{when}"].short.lower()
               for domain in DOMAINS for when in ("nu", "terug")
               if f"balans_{domain}_{when}" not in values]
    found["balans_ontbreekt"] = ", ".join(missing)
    decided = parse_date(values.get("besluit_datum"))
    found["besluit_voor_gesprek"] = bool(decided and talk and decided < talk)
    end = parse_date(values.get("maatregel_einde"))  # the shared part's end of the measure
    if decided and end and decided > end:
        found["besluit_na_einde"] = format_date(end)
    # A decision long after the placement for the child's age (Thuiswijzer's signal, after the
    # example terms the Richtlijn dropped in 2022: half a year up to 5, a year for older children).
    if placed and decided and decided >= placed and isinstance(age, int):
        months = months_between(placed, decided)
        if months > (HALF_YEAR if age < 5 else YEAR):
            found["besluit_laat"] = aid.text("maanden", n=months)
    return found


def _balance(aid: Aid, now: str, back: str) -> tuple[str, str]:
    """One domain's balance in words, for the professional and for parents."""
    if not now and not back:
        return "", ""
    pro = aid.text("balans", nu=aid.text(f"nu_{now or 'leeg'}"),
                   terug=aid.text(f"terug_{back or 'leeg'}"))
    plain = aid.text("balans_ouders", nu=aid.text(f"ouders_{now or 'leeg'}"),
                     terug=aid.text("ouders_terug_onbekend" if back == "onbekend"
                                    else f"ouders_{back or 'leeg'}"))
    if back == "evenwicht":
        pro += " " + aid.text("kwetsbaar")
    elif back == "last" and now in FAVOURABLE:
        pro += " " + aid.text("verstoord")
        plain += " " + aid.text("verstoord_ouders")
    return pro, plain


# The seesaw leans to the side that weighs more: draaglast left, draagkracht right.
_TILT = {"last": "left", "kracht": "right", "evenwicht": "level", "onbekend": "unknown", "": ""}


def figures(aid: Aid, values: dict, facts: dict) -> Figures:
    """Draaglast and draagkracht per domain, now and at return, side by side: never a score."""
    chosen = {f"{domain}_{when}": values.get(f"balans_{domain}_{when}", "")
              for domain in DOMAINS for when in ("nu", "terug")}
    if not any(chosen.values()):
        return {}

    def balance(parents: bool) -> Balance:
        voice = "ouders_" if parents else ""
        rows = tuple(
            (aid.text(f"figuur_{domain}"),
             tuple((_TILT[chosen[f"{domain}_{when}"]],
                    aid.text(f"stand_{voice}{chosen[f'{domain}_{when}'] or 'leeg'}"))
                   for when in ("nu", "terug")))
            for domain in DOMAINS)
        return Balance(aid.text(f"figuur{'_ouders' if parents else ''}"),
                            (aid.text("figuur_nu"), aid.text("figuur_terug")), rows,
                            (aid.text(f"figuur_{voice}last"), aid.text(f"figuur_{voice}kracht")))

    return {"balans": {PRO: balance(False), PARENTS: balance(True)}}


BUILDER = Builder(facts=facts, figures=figures)
