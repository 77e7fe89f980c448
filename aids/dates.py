"""Dates as people type them and as documents show them, and calendar arithmetic.

Stored dates are yyyy-mm-dd. People may type 1-6-2027, 01-06-2027, 1/6/2027, 1.6.2027,
1 juni 2027 or 1 jun. 2027, each perhaps after the day of the week ("dinsdag 1 juni 2027",
"di 1-6-2027"; the day must be the right one); month and day names come from the content.
Documents show "1 juni 2027".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from .texts import text

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})$")


@cache
def _weekdays() -> dict[str, int]:
    """Day of the week by every name people may type before a date: full and short."""
    names = {}
    for key in ("dates.days", "dates.days_short"):
        for number, name in enumerate(text(key).split()):
            names[name] = number
    return names


_WEEKDAY = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\d)")


@cache
def _months() -> dict[str, int]:
    """Month number by every name people may type: full and short, lower case."""
    names = {}
    for key in ("dates.months", "dates.short"):
        for number, name in enumerate(text(key).split(), start=1):
            names[name] = number
    return names


def parse_date(value: object) -> dt.date | None:
    """A real date from what was stored or typed, or None."""
    found, weekday = _read(value)
    return found if found and (weekday is None or found.weekday() == weekday) else None


def wrong_weekday(value: object) -> dt.date | None:
    """The date typed when the day of the week before it is not that date's day, else None."""
    found, weekday = _read(value)
    return found if found and weekday is not None and found.weekday() != weekday else None


def _read(value: object) -> tuple[dt.date | None, int | None]:
    """The date typed and the day of the week typed before it (0 is Monday, None if none)."""
    if not isinstance(value, str) or len(value) > 40:
        return None, None
    value = value.strip().lower()
    weekday = None
    if (named := _WEEKDAY.match(value)) and named.group(1) in _weekdays():
        weekday, value = _weekdays()[named.group(1)], value[named.end():]
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.match(value):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    elif (match := _WORDS.match(value)) and match.group(2) in _months():
        day, month, year = int(match.group(1)), _months()[match.group(2)], int(match.group(3))
    else:
        return None, None
    try:
        return dt.date(year, month, day), weekday
    except ValueError:
        return None, None


def format_date(day: dt.date) -> str:
    return f"{day.day} {text('dates.months').split()[day.month - 1]} {day.year}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks becomes its last day (31 jan -> 28/29 feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (end not before start). A month counts as full when the
    day of the month is reached, or when end is the last day of its month (31 January to
    28 February is one month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    last_day = (end + dt.timedelta(days=1)).day == 1
    if end.day < start.day and not last_day:
        months -= 1
    return max(months, 0)


def weekday(day: dt.date) -> str:
    return text("dates.days").split()[day.weekday()]


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * j) // 433
    month = (h + j - 7 * m + 90) // 25
    return dt.date(year, month, (h + j - 7 * m + 33 * month + 19) % 32)


@cache
def holidays(year: int) -> frozenset[dt.date]:
    """The general public holidays of the Algemene termijnenwet (art. 3): New Year's Day, Easter
    and Whit Sunday and Monday, Ascension Day, King's Day (the 26th when the 27th is a Sunday),
    the fifth of May and both Christmas days."""
    sunday = easter(year)
    kings = dt.date(year, 4, 27)
    if kings.weekday() == 6:
        kings = dt.date(year, 4, 26)
    return frozenset({dt.date(year, 1, 1), kings, dt.date(year, 5, 5), dt.date(year, 12, 25),
                      dt.date(year, 12, 26)} | {sunday + dt.timedelta(days=n)
                                                for n in (0, 1, 39, 49, 50)})


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays(day.year)
