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
from aids.dates import add_months, is_working_day
from aids import engine, nazorg, render
from aid_checks import assert_fires, assert_placed, assert_silent, rule_item

AID = aids.load("nazorg")


RETURNS = [dt.date(2027, 1, 31) + dt.timedelta(days=d) for d in range(7)]  # every weekday


@pytest.mark.parametrize("returned", RETURNS, ids=lambda d: d.strftime("%A"))
def test_the_rhythm_starts_directly_and_then_thins_out(returned):
    moments = nazorg.schedule(returned)
    days = [m.day for m in moments]
    assert days == sorted(days) and len(set(days)) == len(days)
    # The first visit within a few days of the return, on a working day.
    assert moments[0].kind == "eerste" and 1 <= (days[0] - returned).days <= 4
    assert all(day.weekday() < 5 for day in days)
    # Several visits a week in the first four weeks, then weekly, then fewer.
    first_month = [d for d in days if (d - returned).days <= 28]
    assert len(first_month) >= 7
    gaps = [(b - a).days for a, b in zip(days, days[1:])]
    assert max(gaps[:7]) <= 6 and max(gaps) <= 35
    week = [(m.kind, m.number) for m in moments if m.evaluation]
    assert week == [("week", 6), ("maand", 3), ("maand", 6), ("maand", 12)]
    assert days[-1] - add_months(returned, 12) <= dt.timedelta(days=2)


def test_a_longer_plan_is_evaluated_at_least_every_six_months():
    moments = nazorg.schedule(dt.date(2027, 3, 1), 30)
    months = [m.number for m in moments if m.evaluation and m.kind == "maand"]
    assert months == [3, 6, 12, 18, 24, 30]


def test_a_plan_shorter_than_twelve_months_is_allowed_with_a_warning():
    short = {"terugkeer_datum": "2027-03-01", "duur_maanden": 6}
    result = evaluate(short).result
    assert evaluate(short).errors == ()
    warning = "nazorg.letop_korter_dan_twaalf_maanden"
    assert_fires("nazorg", short, warning)
    assert_placed("nazorg", result.professional, "letop", warning)
    assert "6 maanden" in rule_item("nazorg", result.professional, warning).text
    timeline = next(s for s in result.professional.sections if s.heading == "Tijdlijn")
    assert timeline.items[-1].label.endswith("maand 6, evaluatie")
    assert_silent("nazorg", {"terugkeer_datum": "2027-03-01"}, warning)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)), st.integers(3, 36))
def test_any_return_date_gives_an_ordered_plan_of_working_days_to_the_end(start, months):
    moments = nazorg.schedule(start, months)
    days = [m.day for m in moments]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert all(is_working_day(day) for day in days) and days[0] > start
    # At most four days off: a Christmas on Thursday moves the end to the Monday after.
    assert abs((days[-1] - add_months(start, months)).days) <= 4
    assert moments[-1].evaluation


def test_a_moment_on_a_public_holiday_moves_to_the_next_working_day():
    # 31 January 2028 plus eleven months is New Year's Day 2029, a Monday.
    days = [m.day for m in nazorg.schedule(dt.date(2028, 1, 31))]
    assert dt.date(2029, 1, 1) not in days and dt.date(2029, 1, 2) in days
    # Easter Monday 2028 is 17 April: week 11 after a return on 31 January falls there.
    assert dt.date(2028, 4, 17) not in days and dt.date(2028, 4, 18) in days


def evaluate(answers: dict):
    return engine.evaluate(AID, engine.normalize(AID, answers), final=True)


def test_return_before_placement_is_refused_in_dutch():
    errors = evaluate({"plaatsing_datum": "2027-05-01", "terugkeer_datum": "2027-04-30"}).errors
    assert [e.field for e in errors] == ["terugkeer_datum"]
    assert "ligt vóór 'Datum van de uithuisplaatsing' (1 mei 2027)" in errors[0].message


@pytest.mark.parametrize("value", ["2", "40", "twaalf"])
def test_an_impossible_length_is_refused_in_dutch(value):
    answers = engine.from_fields(AID, {"terugkeer_datum": ["1-2-2027"], "duur_maanden": [value]})
    errors = engine.evaluate(AID, answers, final=True).errors
    assert [e.field for e in errors] == ["duur_maanden"]
    assert errors[0].message == "Vul een heel getal in van 3 tot en met 36 maanden."


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
        "Let op", "Afspraken", "Tijdlijn", "Waarschuwingssignalen en wat je dan doet"]
    timeline = result.professional.sections[2]
    # 31 January 2028 is a Monday: the first visit on Wednesday.
    assert timeline.items[0].label == "1. woensdag 2 februari 2028 — eerste bezoek"
    # 31 March 2029 is a Saturday: the last evaluation on the Friday before.
    assert timeline.items[-1].label.endswith("vrijdag 30 maart 2029 — maand 14, evaluatie")
    # Local help is named once, with the agreements, not on every moment.
    assert not any("Wijkteam" in item.text for item in timeline.items)
    (help_item,) = [i for i in result.professional.sections[1].items if i.label == "Lokale hulp"]
    assert help_item.text == "Wijkteam; Schuldhulpverlening"
    assert result.parents.sections[2].heading == "Wanneer we elkaar zien"
    html = render.result_html(result)
    assert "<b>vaak</b>" not in html and "&lt;b&gt;vaak&lt;/b&gt;" in html


def test_calendar_is_valid_rfc5545_and_parses_back_to_the_same_moments():
    text = render.calendar_of(AID, ANSWERS,
                              now=dt.datetime(2027, 12, 1, 9, 0, tzinfo=dt.timezone.utc))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    events = [c for c in parsed.walk() if c.name == "VEVENT"]
    expected = nazorg.schedule(dt.date(2028, 1, 31), 14)
    assert [e.decoded("DTSTART") for e in events] == [m.day for m in expected]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(events[0]["SUMMARY"]) == "Nazorg: eerste bezoek"
    description = str(events[0]["DESCRIPTION"])
    assert description.startswith("Wie komt: jeugdbeschermer.\nKijk samen naar: de balans")
    assert str(parsed["PRODID"]) == "-//Thuiswijzer//Nazorgplan//NL"


def test_calendar_events_carry_the_familys_label():
    first = render.calendar_of(AID, dict(ANSWERS, label="gezin B."), family_id=FAMILY_B)
    events = icalendar.Calendar.from_ical(first).walk("VEVENT")
    assert str(events[0]["SUMMARY"]) == "Nazorg gezin B.: eerste bezoek"


# Issue 21, point 8: two families without a label and with the same return date shared every
# UID, so one import overwrote the other; renaming the label changed every UID, so a new import
# doubled every event; there was no SEQUENCE.
FAMILY_B, FAMILY_K = "b" * 32, "0123456789abcdef" * 2
MONDAY = dt.datetime(2027, 12, 6, 9, 0, tzinfo=dt.timezone.utc)


def events_of(answers: dict, family_id: str, now: dt.datetime = MONDAY) -> dict[str, object]:
    """The calendar's events by UID, read by icalendar."""
    text = render.calendar_of(AID, answers, now=now, family_id=family_id)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    found = {str(e["UID"]): e for e in events}
    assert len(found) == len(events)  # unique within one calendar
    return found


def test_two_families_with_the_same_dates_share_no_event():
    unnamed = {k: v for k, v in ANSWERS.items() if k != "label"}
    first, second = events_of(unnamed, FAMILY_B), events_of(unnamed, FAMILY_K)
    assert len(first) == len(second) == len(nazorg.plan(unnamed))
    assert not set(first) & set(second)


def test_a_new_label_keeps_every_event():
    before = events_of(dict(ANSWERS, label="gezin B."), FAMILY_B)
    after = events_of(dict(ANSWERS, label="fam. B"), FAMILY_B, MONDAY + dt.timedelta(hours=1))
    assert list(before) == list(after)
    assert str(next(iter(after.values()))["SUMMARY"]) == "Nazorg fam. B: eerste bezoek"
    assert all(uid.startswith(FAMILY_B + "-") and uid.endswith("@thuiswijzer") for uid in after)


def test_a_moved_moment_keeps_its_event_with_a_higher_sequence():
    before = events_of(ANSWERS, FAMILY_B)
    moved = dict(ANSWERS, verplaatsen=[{"moment": 3, "datum": "2028-02-10"}])
    after = events_of(moved, FAMILY_B, MONDAY + dt.timedelta(minutes=5))
    uid = list(before)[2]
    assert uid == list(after)[2] == f"{FAMILY_B}-week-2@thuiswijzer"
    assert after[uid].decoded("DTSTART") == dt.date(2028, 2, 10) != before[uid].decoded("DTSTART")
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"]) >= 0
    assert int(after[uid]["SEQUENCE"]) < 2 ** 31  # an INTEGER of RFC 5545
    # A later return date moves every moment: the same events, each with a higher SEQUENCE.
    later = events_of(dict(ANSWERS, terugkeer_datum="2028-02-07"), FAMILY_B,
                      MONDAY + dt.timedelta(days=1))
    common = set(before) & set(later)
    assert len(common) >= len(before) - 2  # a plan of the same length, give or take its end
    assert all(int(later[u]["SEQUENCE"]) > int(before[u]["SEQUENCE"]) for u in common)


def test_every_moment_has_its_own_id_whatever_the_return_date():
    for returned in RETURNS:
        for months in (3, 12, 14, 36):
            ids = [m.id for m in nazorg.schedule(returned, months)]
            assert len(set(ids)) == len(ids), (returned, months)
    assert [m.id for m in nazorg.schedule(dt.date(2027, 1, 31))[:4]] == [
        "eerste-1", "week-1-2", "week-2", "week-2-2"]


def test_the_calendar_takes_the_id_of_the_family_file_the_page_holds(monkeypatch):
    """The bridge: the first export makes the family's id and returns the file with it; the
    next export from that file names the same events."""
    from aids import family, web
    import json
    ids = iter(["1" * 32, "2" * 32])
    monkeypatch.setattr(family, "new_id", lambda: next(ids))
    fields = engine.to_fields(AID, ANSWERS)
    first = json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "nazorg", "fields": fields,
                                              "want": ["exports"], "family": "",
                                              "now": "2027-12-06T09:00:00+00:00"})))
    held = first["family_json"]
    assert json.loads(held)["id"] == "1" * 32 and "UID:" + "1" * 32 + "-eerste-1@" in first["calendar"]
    again = json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "nazorg", "fields": fields,
                                              "want": ["exports"], "family": held,
                                              "now": "2027-12-06T10:00:00+00:00"})))
    assert json.loads(again["family_json"])["id"] == "1" * 32
    assert "UID:" + "1" * 32 + "-eerste-1@" in again["calendar"]


@pytest.mark.parametrize("label, ok", [("gezin B.", True), ("fam. K", True), ("moeder en zoon", True),
                                       ("Jan Jansen", False), ("Gezin de Vries", False)])
def test_the_label_may_not_be_a_full_name(label, ok):
    errors = evaluate(dict(ANSWERS, label=label)).errors
    assert (errors == ()) is ok
    if not ok:
        assert errors[0].message.startswith("Dit lijkt op een volledige naam.")


def test_a_moment_can_be_moved_before_export_and_stays_moved_in_the_calendar():
    moved = dict(ANSWERS, verplaatsen=[{"moment": 3, "datum": "2028-02-10"}])
    timeline = evaluate(moved).result.professional.sections[2]
    assert timeline.items[2].label == "3. donderdag 10 februari 2028 — week 2, verplaatst"
    events = icalendar.Calendar.from_ical(render.calendar_of(AID, moved)).walk("VEVENT")
    assert events[2].decoded("DTSTART") == dt.date(2028, 2, 10)
    wrong = evaluate(dict(ANSWERS, verplaatsen=[{"moment": 59, "datum": "2028-02-10"}]))
    assert [e.field for e in wrong.errors] == ["verplaatsen.1.moment"]
    assert "Kies een nummer uit de tijdlijn" in wrong.errors[0].message


def test_calendar_escapes_typed_text():
    answers = dict(ANSWERS, contactpersoon='medewerker; wijkteam, "team" \\ noord')
    text = render.calendar_of(AID, answers)
    assert "medewerker\\; wijkteam\\, \"team\" \\\\ noord" in text.replace("\r\n ", "")
    events = [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]
    assert str(events[0]["DESCRIPTION"]).startswith('Wie komt: medewerker; wijkteam, "team" \\ noord.')


def test_calendar_without_a_return_date_has_no_events():
    events = [c for c in icalendar.Calendar.from_ical(render.calendar_of(AID, {})).walk()
              if c.name == "VEVENT"]
    assert events == []


def test_the_timeline_is_also_a_picture_with_every_moment_numbered_as_in_the_list():
    moved = dict(ANSWERS, verplaatsen=[{"moment": 3, "datum": "2028-02-10"}])
    result = evaluate(moved).result
    timeline = result.professional.sections[2]
    figure = timeline.figure
    assert [m.number for m in figure.marks] == [str(n) for n in range(1, len(timeline.items) + 1)]
    assert [m.day for m in figure.marks] == [m.day for m in nazorg.plan(moved)]
    assert figure.marks[2].moved and sum(m.evaluation for m in figure.marks) == 5
    assert figure.summary == (f"Tijdlijn met {len(timeline.items)} momenten in 14 maanden, waarvan 5 "
                              "evaluaties. De lijst hieronder noemt elk moment met zijn datum.")
    assert [words for _, words in figure.legend][-1] == "Verplaatst moment"
    assert result.parents.sections[2].figure.caption == "Wanneer we elkaar zien, per maand"
    html = render.result_html(result)
    assert html.count('<svg viewBox="0 0 480') == 3  # one picture in each version
    assert html.index("aid-figure--timeline") < html.index("1. woensdag 2 februari 2028")
    # Without moved moments the legend has no word for them; without a date, no picture.
    assert "Verplaatst moment" not in [w for _, w in evaluate(ANSWERS).result.sections[2].figure.legend]
    assert all(s.figure is None for s in evaluate({"leden": ["kind1"]}).result.sections)
