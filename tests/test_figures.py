"""Pictures drawn from a builder's data: where each mark sits, what shape carries meaning besides
colour, the words beside them, and that every word is escaped."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from aids import figures
from aids.result import Balance, Mark, Timeline

PAYLOAD = '<script>alert(1)</script>"&'
SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The figure as XML (our HTML builder closes every element it draws)."""
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" '))


def timeline(marks, **words) -> Timeline:
    texts = dict(caption="Momenten", summary="Tijdlijn in woorden", start_label="terug thuis")
    texts.update(words)
    return Timeline(texts["caption"], texts["summary"], dt.date(2027, 7, 1), tuple(marks),
                    texts["start_label"], (("moment", "Bezoek"), ("evaluation", "Evaluatie")))


def marks_of(root: ET.Element) -> list[tuple[str, float, float, str]]:
    """(shape, x, y, number) of each mark, in order."""
    found = []
    for group in root.iter(f"{SVG}g"):
        shape = group[0]
        if shape.tag == f"{SVG}circle":
            x, y = float(shape.get("cx")), float(shape.get("cy"))
        else:
            points = [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
            x, y = points[0][0], points[1][1]
        found.append((shape.tag.removeprefix(SVG), x, y, group[1].text))
    return found


def test_a_timeline_has_a_row_per_calendar_month_and_each_moment_in_its_month():
    marks = [Mark(dt.date(2027, 7, 2), "1"), Mark(dt.date(2027, 7, 31), "2"),
             Mark(dt.date(2027, 8, 16), "3", evaluation=True), Mark(dt.date(2027, 10, 1), "4")]
    root = parse(figures.html(timeline(marks)))
    svg = root.find(f"{SVG}svg")
    rows = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "aid-timeline-row"]
    assert rows == ["juli 2027", "augustus 2027", "september 2027", "oktober 2027"]
    found = marks_of(svg)
    assert [(shape, number) for shape, _, _, number in found] == [
        ("circle", "1"), ("circle", "2"), ("polygon", "3"), ("circle", "4")]
    (_, x1, y1, _), (_, x2, y2, _), (_, x3, y3, _), (_, x4, y4, _) = found
    left, right = figures.TRACK
    assert y1 == y2 < y3 < y4 and y4 - y3 == 2 * figures.ROW  # September has no moment
    assert abs(x1 - (left + (right - left) / 30)) < 0.1 and x2 == right  # 2 and 31 July
    assert abs(x3 - (left + (right - left) / 2)) < 0.1 and x4 == left  # 16 August, 1 October
    # Its words: what it shows for screen readers, the caption, and the legend.
    assert svg.get("role") == "img" and svg.get("aria-label") == "Tijdlijn in woorden"
    assert root.find("figcaption").text == "Momenten"
    assert [li.itertext() and "".join(li.itertext()).strip() for li in root.iter("li")] == [
        "Bezoek", "Evaluatie"]


def test_moved_moments_are_hollow_and_dashed_and_close_numbers_do_not_overlap():
    marks = [Mark(dt.date(2027, 7, 20), "11"), Mark(dt.date(2027, 7, 21), "12", moved=True),
             Mark(dt.date(2027, 7, 22), "13")]
    svg = parse(figures.html(timeline(marks))).find(f"{SVG}svg")
    shapes = [g[0] for g in svg.iter(f"{SVG}g")]
    assert shapes[1].get("fill") == "#fff" and shapes[1].get("stroke-dasharray")
    assert not shapes[0].get("stroke-dasharray")
    numbers = [(float(g[1].get("y")), g[0].get("cy")) for g in svg.iter(f"{SVG}g")]
    above, below, again = (y - float(cy) for y, cy in numbers)
    assert above < 0 < below and again < 0  # the second number goes below the line


def test_moments_outside_the_plan_sit_at_its_ends_and_the_rows_stay_bounded():
    marks = [Mark(dt.date(2026, 1, 1), "1"), Mark(dt.date(2099, 1, 1), "2")]
    svg = parse(figures.html(timeline(marks))).find(f"{SVG}svg")
    rows = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "aid-timeline-row"]
    assert len(rows) == figures.MAX_ROWS
    (_, x1, _, _), (_, x2, _, _) = marks_of(svg)
    assert (x1, x2) == figures.TRACK


def test_every_word_in_a_timeline_is_escaped():
    marks = [Mark(dt.date(2027, 7, 2), PAYLOAD)]
    html = figures.html(timeline(marks, caption=PAYLOAD, summary=PAYLOAD, start_label=PAYLOAD))
    assert "<script" not in html and html.count("&lt;script&gt;") == 4
    parse(html)  # still well-formed


def balance(*cells: str) -> Balance:
    words = {"left": "Draaglast groter", "right": "Draagkracht groter", "level": "In evenwicht",
             "unknown": "Nog niet bekend", "": "Niet ingevuld"}
    return Balance("Per domein", ("Nu", "Straks"),
                   (("Ouder", tuple((c, words[c]) for c in cells[:2])),
                    ("Kind", tuple((c, words[c]) for c in cells[2:]))),
                   ("Draaglast", "Draagkracht"))


def beam(cell: ET.Element) -> tuple[float, float, bool]:
    line = cell.find(f".//{SVG}line")
    return float(line.get("y1")), float(line.get("y2")), bool(line.get("stroke-dasharray"))


def test_a_balance_is_a_table_of_seesaws_with_words_never_a_score():
    html = figures.html(balance("left", "right", "level", "unknown"))
    root = parse(html)
    table = root.find("table")
    assert [th.text for th in table.find("thead").iter("th")] == ["Nu", "Straks"]
    assert [th.text for th in table.find("tbody").iter("th")] == ["Ouder", "Kind"]
    cells = list(table.find("tbody").iter("td"))
    assert ["".join(c.itertext()).strip() for c in cells] == [
        "Draaglast groter", "Draagkracht groter", "In evenwicht", "?Nog niet bekend"]
    assert all(c.find(f"{SVG}svg").get("aria-hidden") == "true" for c in cells)
    (l1, r1, d1), (l2, r2, _), (l3, r3, d3), (l4, r4, d4) = (beam(c) for c in cells)
    assert l1 > r1 and l2 < r2 and l3 == r3 and l4 == r4  # the heavier side goes down
    assert not d1 and not d3 and d4  # unknown: dashed and open
    assert "".join(root.find("ul").itertext()).split() == ["Draaglast", "Draagkracht"]
    words = re.sub(r"<svg.*?</svg>", "", html)
    assert not re.search(r">[^<]*\d", words)  # no number anywhere in the words


def test_a_balance_cell_left_open_has_words_and_no_picture():
    cells = list(parse(figures.html(balance("", "left", "", ""))).find("table/tbody").iter("td"))
    assert cells[0].find(f"{SVG}svg") is None and "".join(cells[0].itertext()) == "Niet ingevuld"


def test_figures_in_words_for_plain_text_and_markdown():
    assert figures.lines(balance("left", "right", "level", "")) == ("Per domein", [
        "Ouder — Nu: Draaglast groter; Straks: Draagkracht groter",
        "Kind — Nu: In evenwicht; Straks: Niet ingevuld"])
    # A timeline's moments are listed beside it: its lines would say them twice.
    assert figures.lines(timeline([Mark(dt.date(2027, 7, 2), "1")])) == ("Momenten", [])


def test_every_word_in_a_balance_is_escaped():
    figure = Balance(PAYLOAD, (PAYLOAD, PAYLOAD), ((PAYLOAD, (("left", PAYLOAD), ("", PAYLOAD))),),
                     (PAYLOAD, PAYLOAD))
    html = figures.html(figure)
    assert "<script" not in html and html.count("&lt;script&gt;") == 8
    parse(html)
