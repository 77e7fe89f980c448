"""An iCalendar file (RFC 5545) of the events a builder computes (aids.result.Calendar).

An event's UID is the family's random id (kept in the family file) with the event's own key: a
calendar that imports the file again updates the same events, also after the label changed, and
two families never share one. SEQUENCE is the export's moment in seconds since 2025: an event
that moved since an earlier export always carries a higher one, so the calendar takes the new
date (RFC 5546); an event that did not move gets the same content back.
"""

from __future__ import annotations

import datetime as dt

from .result import Calendar

SEQUENCE_EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)  # fits a 32-bit SEQUENCE to 2093


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


def write(calendar: Calendar, now: dt.datetime | None, family_id: str) -> str:
    """The .ics file: one all-day event per event of the calendar."""
    # DTSTAMP is in UTC (the page sends its clock in UTC).
    now = now or dt.datetime.now(dt.timezone.utc)
    utc = now.astimezone(dt.timezone.utc) if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)
    stamp = utc.strftime("%Y%m%dT%H%M%SZ")
    sequence = max(0, int((utc - SEQUENCE_EPOCH).total_seconds()))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{calendar.product}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(calendar.name)}"]
    for event in calendar.events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{family_id}-{event.key}@thuiswijzer",
            f"SEQUENCE:{sequence}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(event.summary)}",
            f"DESCRIPTION:{_escape(event.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
