"""The aftercare plan: from the return date, contact moments for at least twelve months, shown
as a timeline and exported as an iCalendar file (RFC 5545).

The rhythm is dense at first and thins out: weekly in the first month, every two weeks up to
three months, monthly up to six months, then every two months until the end of the plan. It is
practice advice to adapt, not a rule from the sources; the sources ask for support for at least
twelve months after the return (NJi, Samenwerken aan terug naar huis, z.j.).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import hashlib
from dataclasses import dataclass

MIN_MONTHS = 12
EVALUATION_MONTHS = (3, 6)  # and the last moment of the plan
LOOK_AT = ("de balans tussen draaglast en draagkracht", "de afgesproken waarschuwingssignalen",
           "hoe het kind zich ontwikkelt")


@dataclass(frozen=True)
class Moment:
    day: dt.date
    title: str  # "Week 1", "Maand 3"
    evaluation: bool


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks becomes its last day (31 jan -> 28/29 feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def schedule(returned: dt.date, months: int = MIN_MONTHS) -> list[Moment]:
    """Contact moments from the return date to `months` after it (at least twelve)."""
    months = max(months, MIN_MONTHS)
    moments = [Moment(returned + dt.timedelta(weeks=w), f"Week {w}", False) for w in (1, 2, 3, 4)]
    moments += [Moment(returned + dt.timedelta(weeks=w), f"Week {w}", False) for w in (6, 8, 10)]
    plan_months = [3, 4, 5, 6] + list(range(8, months, 2)) + [months]
    for month in dict.fromkeys(plan_months):
        moments.append(Moment(add_months(returned, month), f"Maand {month}",
                              month in EVALUATION_MONTHS or month == months))
    return moments


def _parse(answers: dict, key: str) -> dt.date | None:
    from .engine import parse_date

    return parse_date(answers.get(key))


def _plan(answers: dict) -> tuple[dt.date, int] | None:
    returned = _parse(answers, "terugkeer_datum")
    months = answers.get("duur_maanden") or MIN_MONTHS
    if returned is None or not isinstance(months, int) or months < MIN_MONTHS:
        return None
    return returned, months


def _who(answers: dict) -> str:
    return answers.get("contactpersoon") or "de vaste hulpverlener"


def _local_help(aid, answers: dict) -> str:
    question = aid.questions["lokale_hulp"]
    return "; ".join(question.option_label(v) for v in answers.get("lokale_hulp", []))


def _moment_text(aid, answers: dict, moment: Moment, full: bool = True) -> str:
    lines = [f"Wie komt: {_who(answers)}."]
    if full:  # the timeline says this once; a calendar event stands on its own
        lines.append("Kijk samen naar: " + ", ".join(LOOK_AT) + ".")
    if moment.evaluation:
        lines.append("Evalueer het plan met het gezin, het netwerk en de lokale hulp. "
                     "Pas de afspraken aan waar dat nodig is.")
    local = _local_help(aid, answers)
    if local:
        lines.append(f"Lokale hulp die meedoet: {local}.")
    return "\n".join(lines)


def result(aid, answers: dict):
    """Timeline, warning signs and agreements, for professionals and for parents."""
    from .engine import Item, Result, Section, Voice, format_date

    plan = _plan(answers)
    gaps = []
    if plan is None:
        gaps.append("Vul de datum van de terugkeer in. Dan zie je de tijdlijn van het plan.")
    signs = [entry for entry in answers.get("signalen", []) if entry.get("signaal")]
    if not signs:
        gaps.append("Er zijn nog geen waarschuwingssignalen afgesproken.")
    if not answers.get("lokale_hulp"):
        gaps.append("Er is nog geen lokale hulp bij het plan betrokken, zoals het wijkteam, "
                    "maatschappelijk werk of schuldhulpverlening.")
    if not answers.get("contactpersoon"):
        gaps.append("Het is nog niet duidelijk wie het gezin bezoekt.")

    def voice(parents: bool) -> Voice:
        sections = []
        if plan is not None:
            returned, months = plan
            end = add_months(returned, months)
            intro = (f"Van {format_date(returned)} tot {format_date(end)}: {months} maanden. "
                     "Eerst vaak contact, daarna minder. Kijk bij elk moment samen naar "
                     + ", ".join(LOOK_AT) + ".")
            moments = tuple(
                Item(f"{format_date(m.day)} — {m.title}" + (" (evaluatie)" if m.evaluation else ""),
                     _moment_text(aid, answers, m, full=False))
                for m in schedule(returned, months))
            sections.append(Section("Wat we samen afspreken" if parents else "Tijdlijn", moments,
                                    intro))
        if signs:
            sections.append(Section(
                "Als het minder goed gaat" if parents else "Waarschuwingssignalen en wat je dan doet",
                tuple(Item(entry["signaal"],
                           "\n".join(filter(None, [entry.get("actie", ""),
                                                   f"Wie: {entry['wie']}" if entry.get("wie") else ""])))
                      for entry in signs)))
        notes = [text for key in ("ontwikkeling", "balans") if (text := answers.get(key, ""))]
        if notes:
            labels = {"ontwikkeling": "Ontwikkeling van het kind", "balans": "Draaglast en draagkracht"}
            sections.append(Section("Waar we op letten" if parents else "Aandachtspunten", tuple(
                Item(labels[key], answers[key]) for key in ("ontwikkeling", "balans")
                if answers.get(key))))
        title = aid.parent_title if parents else aid.result_title
        intro = aid.parent_intro if parents else aid.result_intro
        return Voice(title, intro, tuple(sections), tuple(gaps))

    return Result(voice(False), voice(True))


# iCalendar (RFC 5545) --------------------------------------------------------------------

def _escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def calendar(aid, answers: dict, now: dt.datetime | None = None) -> str:
    """One all-day event per contact moment, as an .ics file."""
    plan = _plan(answers)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Thuiswijzer//Nazorgplan//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Nazorgplan"]
    if plan is not None:
        returned, months = plan
        for moment in schedule(returned, months):
            uid = hashlib.sha256(f"{returned}|{months}|{moment.day}|{moment.title}".encode()).hexdigest()
            summary = f"Nazorg: {moment.title}" + (" (evaluatie)" if moment.evaluation else "")
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid[:32]}-thuiswijzer",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{moment.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{moment.day + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_escape(summary)}",
                f"DESCRIPTION:{_escape(_moment_text(aid, answers, moment))}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
