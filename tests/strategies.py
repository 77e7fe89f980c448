"""Hypothesis strategies for aid answers, kept in one place."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from aids.definition import Aid, Question

# Text with markup, quotes, non-Latin letters and line breaks: whatever a user may type.
typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp;", ""])

dates = st.one_of(
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.dates().map(lambda d: f"{d.day}-{d.month}-{d.year}"),
    st.text(max_size=12),
)

# Ids as the content names questions and steps (aids.definition.FIELD_ID), and the values of
# options such as members ("ouder1") or help ("triple-p").
field_ids = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
option_values = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,15}", fullmatch=True)

# Days a person may write with a four-digit year, and spans of months from one of them.
calendar_days = st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31))
month_spans = st.integers(0, 120)

_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
_SHORT_MONTHS = "jan feb mrt apr mei jun jul aug sep okt nov dec"
_DAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
_SHORT_DAYS = "ma di wo do vr za zo"


def _written(day: dt.date, form: int, weekday: int) -> str:
    month, name = _MONTHS.split()[day.month - 1], _DAYS.split()[day.weekday()]
    written = [f"{day.year:04d}-{day.month:02d}-{day.day:02d}",
               f"{day.day}-{day.month}-{day.year}",
               f"{day.day:02d}/{day.month:02d}/{day.year}",
               f"{day.day}.{day.month}.{day.year}",
               f"{day.day} {month} {day.year}",
               f"{day.day} {_SHORT_MONTHS.split()[day.month - 1]}. {day.year}",
               f"{day.day} {month.upper()} {day.year}"][form]
    before = ["", f"{name} ", f"{name.capitalize()}, ",
              f"{_SHORT_DAYS.split()[day.weekday()]} "][weekday]
    return before + written


# A day and one way people write it (aids.dates): numbers in either order of the year, a month
# by name or short name, perhaps after the right day of the week.
written_dates = st.tuples(calendar_days, st.integers(0, 6), st.integers(0, 3)).map(
    lambda found: (found[0], _written(*found)))


def _value(aid: Aid, question: Question) -> st.SearchStrategy:
    if question.type == "number":
        return st.integers(-5, 60) | typed_text
    if question.per:
        members = [o.value for o in aid.questions[question.per].options]
        return st.dictionaries(st.sampled_from(members), typed_text, max_size=len(members))
    values = [o.value for o in question.options]
    if question.type == "multi":
        return st.lists(st.sampled_from(values), max_size=len(values))
    if question.type == "choice":
        return st.sampled_from(values + [""])
    if question.type == "date":
        return dates
    return typed_text


def _entries(aid: Aid, step) -> st.SearchStrategy[list[dict]]:
    """Entries of a repeated step, empty ones and repeated ones included."""
    entry = st.fixed_dictionaries({}, optional={q.id: _value(aid, q) for q in step.questions})
    return st.lists(entry, max_size=step.repeat).flatmap(
        lambda found: st.just(found + found[:1]) if 0 < len(found) < step.repeat
        else st.just(found))


def answers(aid: Aid) -> st.SearchStrategy[dict]:
    """Valid-shaped answers: any subset of the questions and repeated steps, each with a value
    of the right shape (numbers and dates may be out of range or unreadable)."""
    optional = {q.id: _value(aid, q) for q in aid.questions.values()}
    optional.update({step.id: _entries(aid, step) for step in aid.repeats.values()})
    return st.fixed_dictionaries({}, optional=optional)


def junk() -> st.SearchStrategy:
    """Any JSON value at all, for answers files that may be wrong in every way."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12), children, max_size=4),
        max_leaves=20,
    )


# What a user may type that Markdown would read as structure: every block and inline construct
# of CommonMark, GFM (tables, strikethrough, autolinks) and Python-Markdown, glued to words,
# spaces, tabs and line breaks in any order.
_MARKDOWN_BITS = ["#", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "123456789. ", "***", "___",
                  "---", "- - -", "===", "~~~", "```", "    ", "\t", "<b>", "</p>", "<!-- x -->",
                  "<?php", "<http://a.nl>", "<a@b.nl>", "<1@b.nl>", "http://a.nl", "www.a.nl",
                  "a@b.nl", "~~", "~", "- [ ] ", "!!! note", "{: .x}", "\x02", "&amp;", "&#65;",
                  "&#x41;", "&copy",
                  "[a](b)", "![i](s)", "[a]: /u", "[a]", "*x*", "_y_", "__z__", "`c`", "\\",
                  "\\*", "|", "| a | b |", "|---|", "snake_case", "a_b_", "x", "woord", " ", "\n",
                  "\r\n", "\r", "\u2028", "\0", "\xa0", "!", "=", "(", ")", "1.", "2020."]
markdown_text = st.lists(st.sampled_from(_MARKDOWN_BITS), max_size=12).map("".join) | typed_text


def zero_runs() -> st.SearchStrategy[bytes]:
    """Bytes with runs of zeros, short and long (build_runtime leaves the long ones out)."""
    piece = st.one_of(st.binary(max_size=40), st.integers(0, 3000).map(bytes))
    return st.lists(piece, max_size=12).map(b"".join)
