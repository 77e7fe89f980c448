"""What the aftercare plan computes: the contact moments from the return date, shown as a
timeline and exported as an iCalendar file (RFC 5545). Every word comes from
aids/content/nazorg.toml.

The rhythm follows the site's own page on aftercare and the Richtlijn's "directly": the first
visit within a few days of the return, two visits a week in the first four weeks, weekly up to
three months, every two weeks up to six months, monthly up to a year and every two months after
that. Evaluations early (at six weeks), at 3, 6 and 12 months, every six months in a longer plan
and at the end. The rhythm is practice advice to adapt, not a rule from the sources; the sources
say support is often needed for at least twelve months (NJi, Samenwerken aan terug naar huis).
Moments fall on working days: a Saturday moves to the Friday, a Sunday to the Monday, and a
public holiday to the next working day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .dates import add_months, format_date, is_working_day, parse_date, weekday
from .definition import PRO, YOUTH, Aid
from .fields import field_name
from .result import Builder, Calendar, Event, Extra, Figures, Item, Mark, Timeline

DEFAULT_MONTHS = 12  # the plan's length when none is given
ADVISED_MONTHS = 12  # shorter is allowed, with a warning
FIRST_VISIT = 2  # days after the return
EVALUATION_WEEKS = (6,)
EVALUATION_MONTHS = (3, 6, 12, 18, 24, 30, 36)  # and the last moment of the plan
NEAR = 4  # days: a regular moment this close to an evaluation is the evaluation
HANDOVER = 14  # days before the measure ends: the last moment by then is the handover
# The moments at which the former foster carers or group workers are called: two weeks after the
# return, and at the evaluation of three months (Thuiswijzer's advice).
CARERS = (("week", 2), ("maand", 3))


@dataclass(frozen=True)
class Moment:
    day: dt.date
    kind: str  # "eerste", "week" or "maand"
    number: int
    evaluation: bool = False
    moved: bool = False
    tasks: tuple[str, ...] = ()  # what else happens then: keys of the texts taak_<task>
    visit: int = 1  # in the weeks with two visits: the first or the second

    @property
    def id(self) -> str:
        """The moment's own name in the plan, the same whatever its date: "week-3-2",
        "maand-6-evaluatie". With the family's id it names the calendar event (aids.ics)."""
        return "-".join([self.kind, str(self.number), *([str(self.visit)] if self.visit > 1
                                                        else []),
                         *(["evaluatie"] if self.evaluation else [])])


def _working_day(day: dt.date) -> dt.date:
    """The nearest working day: a Saturday becomes the Friday, a Sunday the Monday; a public
    holiday (or a Friday or Monday that is one) the next working day."""
    return _next_working_day(day + dt.timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0)))


def _next_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def schedule(returned: dt.date, months: int = DEFAULT_MONTHS) -> list[Moment]:
    """Contact moments from the return date to `months` after it, on working days, in order."""
    end = add_months(returned, months)
    # Two visits a week, three or four days apart; the first is the first visit.
    planned = [Moment(returned + dt.timedelta(days=7 * w + d), "week", w + 1, visit=visit)
               for w in range(4) for visit, d in ((1, FIRST_VISIT), (2, FIRST_VISIT + 3))]
    planned[0] = Moment(planned[0].day, "eerste", 1)
    planned += [Moment(returned + dt.timedelta(weeks=w), "week", w) for w in range(5, 14)]
    planned += [Moment(returned + dt.timedelta(weeks=w), "week", w) for w in range(15, 27, 2)]
    planned += [Moment(add_months(returned, m), "maand", m) for m in range(7, 13)]
    planned += [Moment(add_months(returned, m), "maand", m) for m in range(14, months + 1, 2)]
    evaluations = [Moment(returned + dt.timedelta(weeks=w), "week", w, True)
                   for w in EVALUATION_WEEKS]
    evaluations += [Moment(add_months(returned, m), "maand", m, True)
                    for m in EVALUATION_MONTHS if m < months]
    evaluations.append(Moment(end, "maand", months, True))
    # An evaluation takes the place of a regular moment close to it.
    kept = [m for m in planned if m.day < end and all(
        abs((m.day - e.day).days) > NEAR for e in evaluations)]
    moments = sorted(kept + evaluations, key=lambda m: m.day)
    found: list[Moment] = []
    for moment in moments:
        day = _working_day(moment.day)
        if found and day <= found[-1].day:
            day = _next_working_day(found[-1].day + dt.timedelta(days=1))
        found.append(replace(moment, day=day))
    return found


def _months(values: dict) -> int:
    months = values.get("duur_maanden")
    return months if isinstance(months, int) and 3 <= months <= 36 else DEFAULT_MONTHS


def measure_end(values: dict) -> dt.date | None:
    """The end of the measure (the shared part), when it falls inside the plan."""
    returned, end = parse_date(values.get("terugkeer_datum")), parse_date(values.get("maatregel_einde"))
    if returned is None or end is None:
        return None
    return end if returned < end <= add_months(returned, _months(values)) else None


def plan(values: dict) -> list[Moment]:
    """The plan's moments, with the ones the user moved on their new dates (in order), and what
    else happens at some of them: the safety or crisis plan at the first visit, the former carers
    and the child's own talk, and the handover before the measure ends."""
    returned = parse_date(values.get("terugkeer_datum"))
    if returned is None:
        return []
    moments = [_with_tasks(moment, values, number) for number, moment in
               enumerate(schedule(returned, _months(values)), start=1)]
    for key in CARERS:  # the first moment of that week or month
        at = next((n for n, m in enumerate(moments) if (m.kind, m.number) == key), None)
        if at is not None:
            moments[at] = replace(moments[at], tasks=moments[at].tasks + ("opvoeders",))
    end = measure_end(values)
    if end is not None:
        before = [n for n, m in enumerate(moments) if m.day <= end - dt.timedelta(days=HANDOVER)]
        handover = before[-1] if before else 0
        moments[handover] = replace(moments[handover],
                                    tasks=moments[handover].tasks + ("overdracht",))
    for entry in values.get("verplaatsen", []):
        number, day = entry.get("moment"), parse_date(entry.get("datum"))
        if isinstance(number, int) and 1 <= number <= len(moments) and day and day >= returned:
            moments[number - 1] = replace(moments[number - 1], day=day, moved=True)
    return moments


def _with_tasks(moment: Moment, values: dict, number: int) -> Moment:
    tasks = []
    if number == 1:  # the safety plan as it stands, or a crisis plan where there is none
        tasks.append("veiligheidsplan" if values.get("veiligheidsplan") == "ja" else "crisisplan")
    if moment.evaluation:
        tasks.append("kind")
    return replace(moment, tasks=tuple(tasks))


def check(aid: Aid, answers: dict) -> list[tuple[str, str]]:
    """A moved moment must be one of the plan's, and not before the return."""
    moments = plan(answers)
    returned = parse_date(answers.get("terugkeer_datum"))
    errors = []
    for n, entry in enumerate(answers.get("verplaatsen", []), start=1):
        if moments and isinstance(entry.get("moment"), int) and entry["moment"] > len(moments):
            errors.append((field_name("moment", step="verplaatsen", number=n),
                           aid.text("onbekend_moment", count=len(moments))))
        day = parse_date(entry.get("datum"))
        if returned and day and day < returned:
            errors.append((field_name("datum", step="verplaatsen", number=n),
                           aid.text("verplaatst_voor_terugkeer", date=format_date(returned))))
    return errors


def _title(aid: Aid, moment: Moment) -> str:
    title = aid.text(moment.kind, n=moment.number)
    if moment.evaluation:
        title = aid.text("evaluatie", title=title)
    if "overdracht" in moment.tasks:
        title = aid.text("overdracht", title=title)
    return aid.text("verplaatst", title=title) if moment.moved else title


def _voiced(aid: Aid, key: str, reader: str) -> str:
    """The key of a text in this reader's words (<key>_ouders, <key>_jongere) where the aid has
    one; the professional's otherwise."""
    own = f"{key}_{reader}"
    return own if reader != PRO and own in dict(aid.texts) else key


def _moment_text(aid: Aid, values: dict, moment: Moment, full: bool = True,
                 reader: str = PRO) -> str:
    end = measure_end(values)
    who = values.get("contactpersoon") or aid.text(_voiced(aid, "wie_onbekend", reader))
    if end is not None and moment.day > end:  # the measure has stopped
        who = values.get("na_maatregel") or aid.text(
            _voiced(aid, "wie_na_maatregel_onbekend", reader))
    lines = [aid.text(_voiced(aid, "wie", reader), who=who)]
    if full:  # the timeline says this once; a calendar event stands on its own
        lines.append(aid.text("kijk", kijk_naar=aid.text("kijk_naar")))
    tasks = list(moment.tasks)
    if moment.evaluation:  # the timeline's intro says with whom; a calendar event says it here
        if full:
            lines.append(aid.text("evalueer"))
        elif "kind" in tasks:  # a line in the timeline fits both
            tasks.remove("kind")
            lines.append(aid.text(_voiced(aid, "evalueer_kind_kort", reader)))
        else:
            lines.append(aid.text(_voiced(aid, "evalueer_kort", reader)))
    # What else happens then: in full in a calendar event, a short line in the timeline.
    for task in tasks:
        key = _voiced(aid, f"{'taak' if full else 'kort'}_{task}", reader)
        lines.append(aid.text(key, date=format_date(end), who=values.get("na_maatregel")
                              or aid.text(_voiced(aid, "overdracht_wie_onbekend", reader)))
                     if task == "overdracht" else aid.text(key))
    return "\n".join(lines)


def facts(aid: Aid, values: dict) -> dict[str, object]:
    months = _months(values)
    found = {"periode": "", "kijk_naar": aid.text("kijk_naar"), "maanden": months,
             "kort_plan": months < ADVISED_MONTHS}
    returned = parse_date(values.get("terugkeer_datum"))
    if returned is not None:
        found["periode"] = aid.text("periode", start=format_date(returned),
                                    end=format_date(add_months(returned, months)), months=months)
    end = measure_end(values)
    if end is not None:
        found["einde_in_plan"] = format_date(end)
        found["overdracht_moment"] = next(
            str(n) for n, m in enumerate(plan(values), start=1) if "overdracht" in m.tasks)
    return found


def items(aid: Aid, values: dict, facts: dict) -> Extra:
    """The timeline: one numbered item per moment, in each reader's words; for the young person
    only the moments that bring something."""
    moments = []
    said: dict[str, str] = {}  # who comes, as last said to a family's reader
    for number, moment in enumerate(plan(values), start=1):
        label = aid.text("moment", number=number, weekday=weekday(moment.day),
                         date=format_date(moment.day), title=_title(aid, moment))
        entry = {}
        for reader in aid.readers:
            # The young person reads the moments that bring something: the first visit, the
            # evaluations (a talk with them alone), calls and the handover; the intro says the rest.
            if reader == YOUTH and not (moment.tasks or moment.evaluation):
                continue
            lines = _moment_text(aid, values, moment, full=False, reader=reader).split("\n")
            # A family reads who comes once, and again when someone else comes.
            if reader != PRO and said.get(reader) == lines[0]:
                lines = lines[1:] or [aid.text(f"bezoek_{reader}")]
            else:
                said[reader] = lines[0]
            entry[reader] = Item(label, "\n".join(lines))
        moments.append(entry)
    return {"tijdlijn": moments}


def figures(aid: Aid, values: dict, facts: dict) -> Figures:
    """The timeline as a picture: a row per month, each moment with its number in the list."""
    returned = parse_date(values.get("terugkeer_datum"))
    moments = plan(values)
    if returned is None or not moments:
        return {}
    months = _months(values)
    marks = tuple(Mark(moment.day, str(number), moment.evaluation, moment.moved)
                  for number, moment in enumerate(moments, start=1))
    summary = aid.text("figuur_uitleg", count=len(moments), months=months,
                       evaluations=sum(m.evaluation for m in moments))
    legend = (("moment", aid.text("figuur_moment")), ("evaluation", aid.text("figuur_evaluatie")))
    if any(m.moved for m in moments):
        legend += (("moved", aid.text("figuur_verplaatst")),)

    def timeline(caption: str) -> Timeline:
        return Timeline(caption, summary, returned, marks, aid.text("figuur_start"), legend)

    return {"tijdlijn": {reader: timeline(aid.text(_voiced(aid, "figuur", reader)))
                         for reader in aid.readers}}


def calendar(aid: Aid, answers: dict) -> Calendar:
    """One all-day event per contact moment, named with the family's label; aids.ics writes
    them as an .ics file."""
    label = (answers.get("label") or "").strip()
    name = aid.text("agenda_gezin", label=label) if label else aid.text("agenda")
    events = []
    for moment in plan(answers):
        title = _title(aid, moment)
        summary = (aid.text("agenda_moment_gezin", label=label, title=title) if label
                   else aid.text("agenda_moment", title=title))
        events.append(Event(moment.id, moment.day, summary, _moment_text(aid, answers, moment)))
    return Calendar(name, "-//Thuiswijzer//Nazorgplan//NL", tuple(events))


BUILDER = Builder(facts=facts, items=items, figures=figures, check=check, calendar=calendar)
