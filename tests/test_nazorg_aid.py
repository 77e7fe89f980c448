"""The aftercare plan: date arithmetic around month ends and leap years, a schedule of at least
twelve months, Dutch errors for impossible dates and short plans, and an .ics file that a real
iCalendar parser reads back to the same moments."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aids
from aids.dates import add_months
from aids import engine, nazorg, render

AID = aids.load("nazorg")


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
    (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),   # leap year
    (dt.date(2028, 2, 29), 12, dt.date(2029, 2, 28)),  # from a leap day to a normal year
    (dt.date(2027, 3, 31), 1, dt.date(2027, 4, 30)),
    (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
    (dt.date(2027, 12, 15), 1, dt.date(2028, 1, 15)),  # over the turn of the year
    (dt.date(2027, 5, 10), 24, dt.date(2029, 5, 10)),
])
def test_add_months_keeps_the_day_or_takes_the_last_day_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_schedule_is_dense_first_then_thinner_and_lasts_at_least_twelve_months():
    start = dt.date(2027, 1, 31)
    moments = nazorg.schedule(start)
    days = [m.day for m in moments]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert days[:4] == [start + dt.timedelta(weeks=w) for w in (1, 2, 3, 4)]
    assert days[-1] == dt.date(2028, 1, 31)
    assert [(m.kind, m.number) for m in moments if m.evaluation] == [
        ("maand", 3), ("maand", 6), ("maand", 12)]
    gaps = [(b - a).days for a, b in zip(days, days[1:])]
    assert gaps[:3] == [7, 7, 7] and max(gaps) <= 62
    # A plan asked for shorter than twelve months still runs twelve.
    assert nazorg.schedule(start, 6)[-1].day == dt.date(2028, 1, 31)
    assert nazorg.schedule(start, 18)[-1].number == 18


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)), st.integers(12, 36))
def test_any_return_date_gives_an_ordered_plan_to_the_last_month(start, months):
    moments = nazorg.schedule(start, months)
    days = [m.day for m in moments]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert days[0] == start + dt.timedelta(weeks=1)
    assert days[-1] == add_months(start, months)


def evaluate(answers: dict):
    return engine.evaluate(AID, engine.normalize(AID, answers), final=True)


def test_return_before_placement_is_refused_in_dutch():
    errors = evaluate({"plaatsing_datum": "2027-05-01", "terugkeer_datum": "2027-04-30"}).errors
    assert [e.field for e in errors] == ["terugkeer_datum"]
    assert "ligt vóór 'Datum van de uithuisplaatsing' (1 mei 2027)" in errors[0].message


@pytest.mark.parametrize("value", ["6", "11", "40", "twaalf"])
def test_a_plan_shorter_than_twelve_months_is_refused_in_dutch(value):
    answers = engine.from_fields(AID, {"terugkeer_datum": ["1-2-2027"], "duur_maanden": [value]})
    errors = engine.evaluate(AID, answers, final=True).errors
    assert [e.field for e in errors] == ["duur_maanden"]
    assert errors[0].message.startswith("Een nazorgplan duurt minstens 12 maanden")


def test_missing_return_date_is_named_and_the_result_says_what_is_missing():
    evaluation = evaluate({})
    assert evaluation.errors[0].message.startswith("Vul de datum van de terugkeer in")
    assert "Vul de datum van de terugkeer in. Dan zie je de tijdlijn van het plan." in evaluation.result.gaps


ANSWERS = {"leden": ["ouder1", "kind1"], "plaatsing_datum": "2026-01-10",
           "terugkeer_datum": "2028-01-31", "duur_maanden": 14, "contactpersoon": "jeugdbeschermer",
           "lokale_hulp": ["wijkteam", "schuldhulpverlening"],
           "signalen": [{"signaal": "Spijbelen, <b>vaak</b>; ook 's avonds laat thuis",
                         "actie": "Bel het wijkteam.\nMaak binnen een week een afspraak, met school.",
                         "wie": "moeder"}]}


def test_result_shows_the_timeline_and_warning_signs_in_two_voices():
    result = evaluate(ANSWERS).result
    assert [s.heading for s in result.professional.sections] == [
        "Tijdlijn", "Waarschuwingssignalen en wat je dan doet"]
    timeline = result.professional.sections[0]
    assert timeline.items[0].label == "7 februari 2028 — Week 1"
    assert timeline.items[-1].label == "31 maart 2029 — Maand 14 (evaluatie)"
    assert "Lokale hulp die meedoet: Wijkteam; Schuldhulpverlening." in timeline.items[0].text
    assert result.parents.sections[0].heading == "Wat we samen afspreken"
    html = render.result_html(result)
    assert "<b>vaak</b>" not in html and "&lt;b&gt;vaak&lt;/b&gt;" in html


def test_calendar_is_valid_rfc5545_and_parses_back_to_the_same_moments():
    text = nazorg.calendar(AID, ANSWERS, now=dt.datetime(2027, 12, 1, 9, 0, tzinfo=dt.timezone.utc))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    events = [c for c in parsed.walk() if c.name == "VEVENT"]
    expected = nazorg.schedule(dt.date(2028, 1, 31), 14)
    assert [e.decoded("DTSTART") for e in events] == [m.day for m in expected]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(events[0]["SUMMARY"]) == "Nazorg: Week 1"
    description = str(events[0]["DESCRIPTION"])
    assert description.startswith("Wie komt: jeugdbeschermer.\nKijk samen naar: de balans")
    assert str(parsed["PRODID"]) == "-//Thuiswijzer//Nazorgplan//NL"


def test_calendar_escapes_typed_text():
    answers = dict(ANSWERS, contactpersoon='medewerker; wijkteam, "team" \\ noord')
    text = nazorg.calendar(AID, answers)
    assert "medewerker\\; wijkteam\\, \"team\" \\\\ noord" in text.replace("\r\n ", "")
    events = [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]
    assert str(events[0]["DESCRIPTION"]).startswith('Wie komt: medewerker; wijkteam, "team" \\ noord.')


def test_calendar_without_a_return_date_has_no_events():
    events = [c for c in icalendar.Calendar.from_ical(nazorg.calendar(AID, {})).walk()
              if c.name == "VEVENT"]
    assert events == []
