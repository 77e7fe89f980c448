"""What the aftercare plan computes: contact moments for at least twelve months from the return
date, shown as a timeline and exported as an iCalendar file (RFC 5545). Every word comes from
aids/content/nazorg.toml.

The rhythm is dense at first and thins out: weekly in the first month, every two weeks up to
three months, monthly up to six months, then every two months until the end of the plan. It is
practice advice to adapt, not a rule from the sources; the sources ask for support for at least
twelve months after the return (NJi, Samenwerken aan terug naar huis, z.j.).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .dates import add_months, format_date, parse_date
from .definition import Aid
from .result import Extra, Item

MIN_MONTHS = 12
EVALUATION_MONTHS = (3, 6)  # and the last moment of the plan


@dataclass(frozen=True)
class Moment:
    day: dt.date
    kind: str  # "week" or "maand"
    number: int
    evaluation: bool


def schedule(returned: dt.date, months: int = MIN_MONTHS) -> list[Moment]:
    """Contact moments from the return date to `months` after it (at least twelve)."""
    months = max(months, MIN_MONTHS)
    moments = [Moment(returned + dt.timedelta(weeks=w), "week", w, False)
               for w in (1, 2, 3, 4, 6, 8, 10)]
    plan_months = [3, 4, 5, 6] + list(range(8, months, 2)) + [months]
    for month in dict.fromkeys(plan_months):
        moments.append(Moment(add_months(returned, month), "maand", month,
                              month in EVALUATION_MONTHS or month == months))
    return moments


def _plan(values: dict) -> tuple[dt.date, int] | None:
    returned = parse_date(values.get("terugkeer_datum"))
    months = values.get("duur_maanden") or MIN_MONTHS
    if returned is None or not isinstance(months, int) or months < MIN_MONTHS:
        return None
    return returned, months


def _title(aid: Aid, moment: Moment) -> str:
    title = aid.text(moment.kind, n=moment.number)
    return aid.text("evaluatie", title=title) if moment.evaluation else title


def _moment_text(aid: Aid, values: dict, moment: Moment, full: bool = True) -> str:
    lines = [aid.text("wie", who=values.get("contactpersoon") or aid.text("wie_onbekend"))]
    if full:  # the timeline says this once; a calendar event stands on its own
        lines.append(aid.text("kijk", kijk_naar=aid.text("kijk_naar")))
    if moment.evaluation:
        lines.append(aid.text("evalueer"))
    local = values.get("lokale_hulp")
    if local:
        question = aid.questions["lokale_hulp"]
        lines.append(aid.text("lokaal", local="; ".join(question.option_label(v) for v in local)))
    return "\n".join(lines)


def facts(aid: Aid, values: dict) -> dict[str, object]:
    plan = _plan(values)
    if plan is None:
        return {"periode": "", "kijk_naar": aid.text("kijk_naar")}
    returned, months = plan
    period = aid.text("periode", start=format_date(returned),
                      end=format_date(add_months(returned, months)), months=months)
    return {"periode": period, "kijk_naar": aid.text("kijk_naar")}


def items(aid: Aid, values: dict, facts: dict) -> Extra:
    """The timeline: one item per moment, the same in both voices."""
    plan = _plan(values)
    if plan is None:
        return {}
    moments = []
    for moment in schedule(*plan):
        item = Item(aid.text("moment", date=format_date(moment.day), title=_title(aid, moment)),
                    _moment_text(aid, values, moment, full=False))
        moments.append((item, item))
    return {"tijdlijn": moments}


# iCalendar (RFC 5545) --------------------------------------------------------------------

def _escape(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
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


def calendar(aid: Aid, answers: dict, now: dt.datetime | None = None) -> str:
    """One all-day event per contact moment, as an .ics file."""
    plan = _plan(answers)
    # DTSTAMP is in UTC (the page sends its clock in UTC).
    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = (now.astimezone(dt.timezone.utc) if now.tzinfo else now).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Thuiswijzer//Nazorgplan//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(aid.text('agenda'))}"]
    if plan is not None:
        returned, months = plan
        for moment in schedule(returned, months):
            title = _title(aid, moment)
            uid = hashlib.sha256(f"{returned}|{months}|{moment.day}|{title}".encode()).hexdigest()
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid[:32]}-thuiswijzer",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{moment.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{moment.day + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_escape(aid.text('agenda_moment', title=title))}",
                f"DESCRIPTION:{_escape(_moment_text(aid, answers, moment))}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
