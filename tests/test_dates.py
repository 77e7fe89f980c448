"""aids.dates: dates as people type them (Dutch, numbers or words, perhaps after the day of the
week), as documents show them, and the calendar arithmetic of the aids: months around month
ends and leap years, Easter and the public holidays, working days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from aids import dates
from aids.dates import add_months, holidays, months_between, parse_date
from strategies import calendar_days, month_spans, written_dates


# Reading and writing dates -----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["1 december 2027", "woensdag 1 december 2027",
                                   "Woensdag, 1 december 2027", "wo 1-12-2027", "1 dec. 2027",
                                   "01/12/2027", "2027-12-01", "  1.12.2027 "])
def test_a_date_is_read_as_people_write_it(typed):
    assert parse_date(typed) == dt.date(2027, 12, 1)


@pytest.mark.parametrize(("typed", "day"), [
    ("3-1-2027", dt.date(2027, 1, 3)),  # day first, as the Dutch write it
    ("12-3-2027", dt.date(2027, 3, 12)),
    ("29-2-2028", dt.date(2028, 2, 29)),  # a leap day
    ("2028-02-29", dt.date(2028, 2, 29)),
    ("29 februari 2028", dt.date(2028, 2, 29)),
    ("1 mrt 2027", dt.date(2027, 3, 1)),
    ("1 MEI 2027", dt.date(2027, 5, 1)),
    ("3 - 1 - 2027", dt.date(2027, 1, 3)),
    ("di 4 mei 2027", dt.date(2027, 5, 4)),
])
def test_dutch_ways_of_writing_a_date_give_that_day(typed, day):
    assert parse_date(typed) == day


@pytest.mark.parametrize("typed", [
    "29-2-2027", "2027-02-29", "29 februari 2027",  # no leap day in 2027
    "31-4-2027", "0-1-2027", "1-13-2027", "2027-13-01",
    "1 decembre 2027", "1 sept 2027", "1 december", "1-12-27", "1-12/2027", "12/1/2027x",
    "morgen", "", "   ", "2027", "1 december 2027 om 10 uur",
    "maandag 1 december 2027",  # 1 December 2027 is a Wednesday
    "x" * 41,
])
def test_what_is_not_a_real_date_is_not_read(typed):
    assert parse_date(typed) is None


@pytest.mark.parametrize("stored", [None, 20271201, dt.date(2027, 12, 1), ["2027-12-01"], True])
def test_only_text_is_read_as_a_date(stored):
    assert parse_date(stored) is None
    assert dates.wrong_weekday(stored) is None


def test_a_wrong_day_of_the_week_is_told_apart_from_an_unreadable_date():
    assert dates.wrong_weekday("dinsdag 1 december 2027") == dt.date(2027, 12, 1)
    assert dates.wrong_weekday("ma 1-12-2027") == dt.date(2027, 12, 1)
    assert dates.wrong_weekday("woensdag 1 december 2027") is None
    assert dates.wrong_weekday("1 december 2027") is None
    assert dates.wrong_weekday("dinsdag 31 februari 2027") is None


def test_a_date_is_written_with_the_dutch_month_and_day():
    assert dates.format_date(dt.date(2027, 12, 1)) == "1 december 2027"
    assert dates.format_date(dt.date(2028, 2, 29)) == "29 februari 2028"
    assert dates.format_date(dt.date(2027, 3, 5)) == "5 maart 2027"
    assert dates.weekday(dt.date(2027, 12, 1)) == "woensdag"
    assert dates.weekday(dt.date(2027, 12, 5)) == "zondag"


@given(written_dates)
def test_every_way_of_writing_a_day_reads_as_that_day(written):
    day, typed = written
    assert parse_date(typed) == day, typed
    assert dates.wrong_weekday(typed) is None, typed


@given(calendar_days)
def test_a_written_date_reads_back_as_the_same_day(day):
    assert parse_date(dates.format_date(day)) == day
    assert parse_date(f"{dates.weekday(day)} {dates.format_date(day)}") == day


# Months ------------------------------------------------------------------------------------

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


@pytest.mark.parametrize(("start", "end", "months"), [
    ("2027-01-31", "2027-02-28", 1),  # the last day of a shorter month completes the month
    ("2027-01-31", "2027-02-27", 0),
    ("2028-01-31", "2028-02-29", 1),  # leap year
    ("2028-02-29", "2029-02-28", 12),
    ("2028-02-29", "2028-03-28", 0),
    ("2027-03-15", "2027-03-15", 0),
    ("2026-12-20", "2027-01-20", 1),  # over the turn of the year
    ("2026-01-15", "2027-03-20", 14),
])
def test_months_since_placement_around_month_ends_and_leap_years(start, end, months):
    assert months_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == months


def test_no_months_pass_before_the_start():
    assert months_between(dt.date(2027, 6, 1), dt.date(2027, 5, 31)) == 0
    assert months_between(dt.date(2027, 6, 1), dt.date(2026, 6, 1)) == 0


@given(calendar_days.filter(lambda d: d.year < 9990), month_spans)
def test_months_added_are_the_months_counted(day, months):
    later = add_months(day, months)
    assert months_between(day, later) == months
    last = (later + dt.timedelta(days=1)).day == 1
    assert later.day == day.day or (last and later.day < day.day)


# Easter, public holidays and working days ------------------------------------------------------

@pytest.mark.parametrize(("year", "sunday"), [
    (2024, dt.date(2024, 3, 31)), (2025, dt.date(2025, 4, 20)), (2027, dt.date(2027, 3, 28)),
    (2028, dt.date(2028, 4, 16)), (2038, dt.date(2038, 4, 25)),  # the latest possible
    (2285, dt.date(2285, 3, 22)),  # the earliest possible
])
def test_easter_sunday(year, sunday):
    assert dates.easter(year) == sunday


@given(calendar_days)
def test_easter_is_a_sunday_between_22_march_and_25_april(day):
    sunday = dates.easter(day.year)
    assert sunday.weekday() == 6
    assert dt.date(day.year, 3, 22) <= sunday <= dt.date(day.year, 4, 25)


@pytest.mark.parametrize(("year", "expected"), [
    (2027, ["01-01", "03-28", "03-29", "04-27", "05-05", "05-06", "05-16", "05-17", "12-25",
            "12-26"]),
    # King's Day on a Sunday moves to Saturday the 26th.
    (2025, ["01-01", "04-20", "04-21", "04-26", "05-05", "05-29", "06-08", "06-09", "12-25",
            "12-26"]),
])
def test_public_holidays_of_the_algemene_termijnenwet(year, expected):
    assert sorted(day.strftime("%m-%d") for day in holidays(year)) == expected


@pytest.mark.parametrize(("day", "working"), [
    (dt.date(2027, 4, 26), True),   # Monday
    (dt.date(2027, 4, 27), False),  # King's Day, a Tuesday
    (dt.date(2027, 5, 1), False),   # Saturday
    (dt.date(2027, 5, 2), False),   # Sunday
    (dt.date(2027, 5, 5), False),   # the fifth of May, a Wednesday
    (dt.date(2027, 5, 6), False),   # Ascension Day
    (dt.date(2027, 5, 7), True),
    (dt.date(2028, 2, 29), True),   # a leap day, a Tuesday
    (dt.date(2026, 12, 28), True),  # the Monday after Christmas
])
def test_a_working_day_is_monday_to_friday_and_no_public_holiday(day, working):
    assert dates.is_working_day(day) is working
