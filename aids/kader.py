"""What the shared part on safety and the legal frame computes from its answers, for the rules
of every aid (aids/content/data/kader.toml). Every word comes from that file."""

from __future__ import annotations

from .dates import format_date, parse_date

ID = "kader"
DANGERS = ("geweld", "seksueel", "verslaving", "psychiatrie", "verwaarlozing", "dreiging",
           "weglopen", "mislukt")
ABUSE = ("geweld", "seksueel")


def facts(values: dict) -> dict[str, object]:
    dangers = set(values.get("gevaren", [])) & set(DANGERS)
    abuse = bool(dangers & set(ABUSE))
    who = set(values.get("geweld_wie", [])) if abuse else set()
    end = parse_date(values.get("maatregel_einde"))
    return {
        "gevaar": bool(dangers),
        # Not known to have stopped is treated as going on, until it is known.
        "geweld_gaat_door": abuse and values.get("geweld_nu") != "gestopt",
        "pleger_ouder": bool(who & {"ouder", "partner"}),
        "partnergeweld": abuse and "ouder" in values.get("geweld_tegen", []),
        "pleger_in_huis": abuse and values.get("geweld_woont") == "thuis",
        "dwang": values.get("maatregel") in ("vots", "ots", "voogdij"),
        "maatregel_einde_tekst": format_date(end) if end else "",
    }
