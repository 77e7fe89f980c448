"""Pictures in a result, drawn from data a builder gives: SVG inside HTML, with the same facts
in words for screen readers, plain text and Markdown.

A builder may offer ``figures(aid, values, facts)``: per section id, a figure's data (a Timeline
or a Balance, aids.result) for each reader. aids.result attaches each to its section; aids.render
draws it with html() and writes its words with lines(). Every word comes from the builder, which
takes it from the aid's content: this module only draws, and escapes everything through
aids._html. Meaning never rests on colour alone: shapes and words carry it too, and nothing is
ever counted up.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from ._html import Markup, h
from .dates import add_months
from .result import Balance, Figure, Timeline
from .texts import text

# Colours with at least 3:1 against white for shapes (WCAG 1.4.11), 4.5:1 for text.
INK = "#212121"
MOMENT = "#1a237e"
EVALUATION = "#a33a00"
LOAD = "#8e1b1b"
STRENGTH = "#1a237e"




def html(figure: Figure) -> Markup:
    if isinstance(figure, Timeline):
        return _timeline(figure)
    return _balance(figure)


def lines(figure: Figure) -> tuple[str, list[str]]:
    """The figure's caption and its facts as lines, for plain text and Markdown. A timeline has
    no lines: the list of moments beside it says everything."""
    if isinstance(figure, Timeline):
        return figure.caption, []
    return figure.caption, [
        f"{label} — " + "; ".join(f"{column}: {words}"
                                   for column, (_, words) in zip(figure.columns, cells))
        for label, cells in figure.rows]


# Shapes ---------------------------------------------------------------------------------

def _shape(kind: str, x: float, y: float, size: float = 5.5, moved: bool = False) -> Markup:
    """A moment (circle), an evaluation (diamond); a moved one is hollow and dashed."""
    paint = {"fill": "#fff" if moved else (EVALUATION if kind == "evaluation" else MOMENT),
             "stroke": EVALUATION if kind == "evaluation" else MOMENT, "stroke-width": 2,
             "stroke-dasharray": "3 2" if moved else None}
    if kind == "evaluation":
        r = size * 1.45
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return h("polygon", {"points": points, **paint})
    return h("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": size, **paint})


def _swatch(kind: str) -> Markup:
    """A legend's shape, the same as in the picture."""
    shape = _shape("evaluation" if kind == "evaluation" else "moment", 9, 9, 5,
                   moved=kind == "moved")
    return h("svg", {"viewBox": "0 0 18 18", "width": 18, "height": 18, "aria-hidden": "true",
                     "focusable": "false", "class": "aid-swatch"}, shape)


# Timeline -------------------------------------------------------------------------------

WIDTH = 480
TRACK = (104, 470)  # where a month runs, from its first day to its last
ROW = 38
TOP = 4
NUMBER_ROOM = 15  # a number closer than this to the one before it goes below the line
MAX_ROWS = 40  # a plan runs up to 36 months; a moment moved years ahead sits at the end


def _months(figure: Timeline) -> list[dt.date]:
    """The first day of each calendar month from the start to the last moment."""
    first = figure.start.replace(day=1)
    last = max([figure.start] + [mark.day for mark in figure.marks])
    months = [first]
    while add_months(first, len(months)) <= last and len(months) < MAX_ROWS:
        months.append(add_months(first, len(months)))
    return months


def _place(months: list[dt.date], day: dt.date) -> tuple[float, float]:
    """Where a day sits: the row of its month, and how far into the month. Days outside the
    picture sit at its start or its end."""
    last = add_months(months[-1], 1) - dt.timedelta(days=1)
    day = min(max(day, months[0]), last)
    row = next(n for n in range(len(months) - 1, -1, -1) if day >= months[n])
    length = calendar.monthrange(day.year, day.month)[1]
    x = TRACK[0] + (day.day - 1) / (length - 1) * (TRACK[1] - TRACK[0])
    return x, TOP + row * ROW + 20


def _month_name(day: dt.date) -> str:
    return f"{text('dates.months').split()[day.month - 1]} {day.year}"


def _timeline(figure: Timeline) -> Markup:
    months = _months(figure)
    height = TOP + len(months) * ROW + 4
    parts = []
    for n, first in enumerate(months):
        y = TOP + n * ROW + 20
        parts.append(h("text", {"x": 0, "y": y + 4, "class": "aid-timeline-row"},
                       _month_name(first)))
        parts.append(h("line", {"x1": TRACK[0], "x2": TRACK[1], "y1": y, "y2": y,
                                "stroke": INK, "stroke-width": 1.5}))
    x, y = _place(months, figure.start)
    parts.append(h("line", {"x1": f"{x:.1f}", "x2": f"{x:.1f}", "y1": y - 8, "y2": y + 8,
                            "stroke": INK, "stroke-width": 3}))
    parts.append(h("text", {"x": f"{x:.1f}", "y": y + 16, "class": "aid-timeline-note",
                            "text-anchor": "end" if x > TRACK[1] - 60 else "start"},
                   figure.start_label))
    previous = (-1.0, -100.0, False)  # row y, x, and whether that number went below
    for mark in figure.marks:
        x, y = _place(months, mark.day)
        below = previous[0] == y and x - previous[1] < NUMBER_ROOM and not previous[2]
        kind = "evaluation" if mark.evaluation else "moment"
        parts.append(h("g", {"class": f"aid-mark aid-mark--{kind}"},
                       _shape(kind, x, y, moved=mark.moved),
                       h("text", {"x": f"{x:.1f}", "y": y + 19 if below else y - 10,
                                  "text-anchor": "middle", "class": "aid-timeline-number"},
                         mark.number)))
        previous = (y, x, below)
    svg = h("svg", {"viewBox": f"0 0 {WIDTH} {height}", "role": "img",
                    "aria-label": figure.summary, "focusable": "false",
                    "class": "aid-timeline", "preserveAspectRatio": "xMinYMin meet"}, parts)
    return h("figure", {"class": "aid-figure aid-figure--timeline"},
             h("figcaption", {}, figure.caption),
             svg,
             h("ul", {"class": "aid-legend"},
               [h("li", {}, _swatch(kind), " ", words) for kind, words in figure.legend]))


# Balance --------------------------------------------------------------------------------

_TILT = {"left": 1, "right": -1, "level": 0, "unknown": 0}


def _seesaw(tilt: str) -> Markup | None:
    """A seesaw: the heavier side down. Left a square (the left side's weight), right a circle;
    unknown is level, dashed and open, with a question mark."""
    if tilt not in _TILT:
        return None
    unknown = tilt == "unknown"
    angle = math.radians(13 * _TILT[tilt])
    pivot_x, pivot_y, half = 40, 30, 30
    dx, dy = half * math.cos(angle), half * math.sin(angle)
    left, right = (pivot_x - dx, pivot_y + dy), (pivot_x + dx, pivot_y - dy)
    dash = "4 3" if unknown else None
    parts = [
        h("polygon", {"points": f"{pivot_x - 8},46 {pivot_x + 8},46 {pivot_x},{pivot_y}",
                      "fill": INK}),
        h("line", {"x1": f"{left[0]:.1f}", "y1": f"{left[1]:.1f}", "x2": f"{right[0]:.1f}",
                   "y2": f"{right[1]:.1f}", "stroke": INK, "stroke-width": 3,
                   "stroke-dasharray": dash}),
        h("rect", {"x": f"{left[0] - 7:.1f}", "y": f"{left[1] - 16:.1f}", "width": 14,
                   "height": 14, "fill": "#fff" if unknown else LOAD, "stroke": LOAD,
                   "stroke-width": 2, "stroke-dasharray": dash}),
        h("circle", {"cx": f"{right[0]:.1f}", "cy": f"{right[1] - 9:.1f}", "r": 7.5,
                     "fill": "#fff" if unknown else STRENGTH, "stroke": STRENGTH,
                     "stroke-width": 2, "stroke-dasharray": dash}),
    ]
    if unknown:
        parts.append(h("text", {"x": pivot_x, "y": 20, "text-anchor": "middle",
                                "class": "aid-seesaw-unknown"}, "?"))
    return h("svg", {"viewBox": "0 0 80 48", "width": 70, "height": 42, "aria-hidden": "true",
                     "focusable": "false", "class": f"aid-seesaw aid-seesaw--{tilt}"}, parts)


def _side(shape: str, words: str) -> Markup:
    icon = (h("rect", {"x": 3, "y": 3, "width": 12, "height": 12, "fill": LOAD})
            if shape == "left" else h("circle", {"cx": 9, "cy": 9, "r": 6.5, "fill": STRENGTH}))
    return h("li", {}, h("svg", {"viewBox": "0 0 18 18", "width": 18, "height": 18,
                                 "aria-hidden": "true", "focusable": "false",
                                 "class": "aid-swatch"}, icon), " ", words)


def _balance(figure: Balance) -> Markup:
    head = h("tr", {}, h("td", {}), [h("th", {"scope": "col"}, column) for column in figure.columns])
    body = [h("tr", {}, h("th", {"scope": "row"}, label),
              [h("td", {"class": f"aid-balance-cell aid-balance-cell--{tilt or 'leeg'}"},
                 _seesaw(tilt), h("span", {}, words)) for tilt, words in cells])
            for label, cells in figure.rows]
    return h("figure", {"class": "aid-figure aid-figure--balance"},
             h("figcaption", {}, figure.caption),
             h("ul", {"class": "aid-legend"},
               _side("left", figure.sides[0]), _side("right", figure.sides[1])),
             h("table", {"class": "aid-balance"}, h("thead", {}, head), h("tbody", {}, body)))
