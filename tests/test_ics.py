"""The .ics file (aids/ics.py): valid RFC 5545, escaped text, folded lines, stable UIDs."""

from __future__ import annotations

import datetime as dt

import icalendar

from aids import ics
from aids.result import Calendar, Event

NOW = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
CALENDAR = Calendar(name="Nazorg; gezin B.", product="-//Thuiswijzer//NL", events=(
    Event(key="terugkeer", day=dt.date(2027, 4, 1), summary="Terugkeer, gezin B.",
          description="Regel:\nwie; wat, \\ waar " + "é" * 80),
    Event(key="evaluatie-3", day=dt.date(2027, 12, 31), summary="Evaluatie", description=""),
))


def test_the_file_parses_back_to_the_same_events_with_the_text_as_typed():
    text = ics.write(CALENDAR, NOW, "f00d")
    parsed = icalendar.Calendar.from_ical(text)
    events = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["f00d-terugkeer@thuiswijzer",
                                               "f00d-evaluatie-3@thuiswijzer"]
    assert [e["DTSTART"].dt for e in events] == [dt.date(2027, 4, 1), dt.date(2027, 12, 31)]
    assert [e["DTEND"].dt for e in events] == [dt.date(2027, 4, 2), dt.date(2028, 1, 1)]
    assert str(events[0]["DESCRIPTION"]) == CALENDAR.events[0].description
    assert "\r\nX-WR-CALNAME:Nazorg\\; gezin B.\r\n" in text  # TEXT, escaped as RFC 5545 says


def test_lines_are_folded_at_75_octets_and_never_inside_a_character():
    text = ics.write(CALENDAR, NOW, "f00d")
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")  # a split character would not decode


def test_a_later_export_carries_a_higher_sequence_and_the_same_uids():
    first = icalendar.Calendar.from_ical(ics.write(CALENDAR, NOW, "f00d")).walk("VEVENT")
    later = icalendar.Calendar.from_ical(
        ics.write(CALENDAR, NOW + dt.timedelta(seconds=1), "f00d")).walk("VEVENT")
    assert [e["UID"] for e in first] == [e["UID"] for e in later]
    assert all(int(b["SEQUENCE"]) > int(a["SEQUENCE"]) for a, b in zip(first, later))
