"""The bridge the browser calls: one JSON request in, one JSON response out.

Only strings cross the boundary, so no JavaScript object is ever held by Python.
Requests: {"op": "evaluate", "aid", "fields", "final", "step", "want": ["check", "result",
"exports", "save"], "family", "now"}, {"op": "import", "aid", "text"}, {"op": "overview",
"files": [{"name", "text"} or {"name", "problem"}]} (the group overview of several saved files)
and {"op": "document", "text"} (the case-file document of a family file). "family" is the
family file the page opened (its text, kept in the page's memory only); saving replaces this
aid's part of it and keeps the others, and says when a label was left out ("name_left_out").
"import" answers with the fields, what the file brings to this aid ("brings", Dutch lines) and
whether it brings nothing ("empty"), so the page can ask before it replaces typed answers.
"""

from __future__ import annotations

import datetime as dt
import json

from . import answers_file, contract, definition, document, engine, family, overview, render, result
from .dates import format_date
from .names import looks_like_full_name
from .texts import counted, shorten, text


# Characters in one request or response. Every field of an aid at its maximum length with its
# family file, or the group overview's twelve saved files of 1 MB, escaped, fit well within;
# more means something went wrong, not a long answer.
MAX_REQUEST = 30_000_000
MAX_RESPONSE = 60_000_000


def handle(request: str) -> str:
    """Answer one request from the loader. Never raises: errors come back as Dutch text, with a
    technical detail for the console ("detail"), never for the page."""
    if len(request) > MAX_REQUEST:
        return _refusal("web.too_much", f"request of {len(request)} characters")
    try:
        response = _answer(json.loads(request))
    except Exception as error:  # noqa: BLE001 - the page must keep working whatever happens
        return _refusal("web.sorry", f"{type(error).__name__}: {shorten(str(error), 200)}")
    if len(response) > MAX_RESPONSE:
        return _refusal("web.too_much", f"response of {len(response)} characters")
    return response


def _refusal(message: str, detail: str) -> str:
    return json.dumps({"ok": False, "message": text(message), "detail": detail})


# What the page may ask (aid.js, dossier.js, overview.js, through scripts/aid_worker.js) is
# contract.REQUESTS; any other request, or one without "op", is refused in Dutch.
def _answer(message: dict) -> str:
    if message.get("op") not in contract.REQUESTS:
        return _refusal("web.sorry", f"unknown request kind: {shorten(str(message.get('op')), 40)}")
    if message.get("op") == "overview":
        return json.dumps({"ok": True, "html": overview.html(list(message["files"]))})
    if message.get("op") == "document":
        now = _moment(message.get("now"))
        try:
            made = document.html(str(message["text"]), now.date() if now else None)
        except answers_file.FileError as error:
            return json.dumps({"ok": False, "message": str(error)})
        return json.dumps({"ok": True, "html": made})
    aid = definition.load(message["aid"])
    if message.get("op") == "import":
        return _import(aid, message["text"])
    fields = {str(k): [str(v) for v in (vs if isinstance(vs, list) else [vs])]
              for k, vs in message.get("fields", {}).items()}
    step = message.get("step")
    if step is not None and step not in {s.id for s in aid.steps}:
        raise KeyError(step)
    answers = engine.from_fields(aid, fields)
    evaluation = engine.evaluate(aid, answers, final=bool(message.get("final")), step=step)
    # Only what the page asked for is rendered: live updates on each key press stay cheap.
    want = set(message.get("want", ()))
    now = _moment(message.get("now"))
    response = {
        "ok": True,
        "visible": list(evaluation.visible),
        "errors": [{"field": e.field, "id": render.field_id(aid, e.field), "message": e.message}
                   for e in evaluation.errors],
        "errors_html": render.errors_html(aid, evaluation.errors),
        # The members by the roles typed: the form names them so, not "Ouder 1".
        "members": result.roles(aid, answers),
    }
    if want & {"check", "result", "exports"}:
        # What every printed page of the result says at its top: whose it is and when.
        response["print_header"] = _header(aid, answers, message.get("family"), now)
    if "check" in want:
        response["check_html"] = render.check_html(aid, evaluation)
    if "result" in want:
        picks = render.Picks(aid.pick, frozenset(answers.get(aid.pick, []))) if aid.pick \
            else None
        response["result_html"] = render.result_html(evaluation.result, picks=picks,
                                                     carry=family.carry_target(aid))
    # The page says what time it is, so the same request gives the same files everywhere.
    if want & {"exports", "save"}:
        response["family_json"] = family.dump(_family(message.get("family")), aid, answers, now)
        response["family_file"] = family.file_name(response["family_json"])
        response["name_left_out"] = bool(family.full_names(aid, answers))  # not in the file
    if "exports" in want:
        label = answers.get("label") if isinstance(answers.get("label"), str) else ""
        held = _family(message.get("family"))
        label = "" if looks_like_full_name(label) else label or (held.label if held else "")
        response["export_name"] = family.named(f"thuiswijzer-{aid.id}", label,
                                               (now or dt.datetime.now()).isoformat())
        response["result_text"] = render.result_text(evaluation.result)
        response["result_markdown"] = render.result_markdown(aid, evaluation.result)
        if render.has_calendar(aid):
            # The events are named by the family's id: the file the page now holds has it.
            family_id = json.loads(response["family_json"]).get("id", "")
            response["calendar"] = render.calendar_of(aid, answers, now, family_id)
    return json.dumps(response)


def _header(aid: definition.Aid, answers: dict, content: object,
            now: dt.datetime | None) -> str:
    """The family's label, the aid and the day, for the top of every printed page."""
    label = answers.get("label") if isinstance(answers.get("label"), str) else ""
    if not label.strip() or looks_like_full_name(label):
        held = _family(content)
        label = held.label if held and held.label else text("document.no_label")
    day = (now or dt.datetime.now()).date()
    return text("print.header", label=label.strip(), title=aid.title, date=format_date(day))


def _moment(value: object) -> dt.datetime | None:
    """The page's clock in ISO 8601 (the browser's toISOString), or None to use our own."""
    try:
        return dt.datetime.fromisoformat(value).replace(microsecond=0) if isinstance(value, str) \
            else None
    except ValueError:
        return None


def _family(content: object) -> family.Family | None:
    """The family file the page holds, or None (a new one is made)."""
    if not isinstance(content, str) or not content:
        return None
    try:
        return family.load_text(content)[0]
    except answers_file.FileError:
        return None


def _import(aid: definition.Aid, content: str) -> str:
    """Open a saved file: a family file (every aid's answers) or an older single-aid file. The
    answer says what the file brings to this aid ("brings", Dutch lines), so the page can ask
    before it replaces typed answers; "empty" when it brings nothing for this aid. A family file
    whose part for this aid cannot be read is refused: nothing changes."""
    try:
        data = answers_file.parse_json(content)
        if family.is_family(data):
            found, notes = family.parse(data)
            if aid.id in found.kept:
                raise answers_file.FileError(text("family.own_part_refused", title=aid.title))
            answers, origins = family.filled_in(found, aid)
            own = found.parts.get(aid.id)
            opened = (text("family.opened", label=found.label) if found.label
                      else text("family.opened_unnamed"))
            # Only the family's label is not something for this aid: the form stays as it is.
            empty = not own and set(answers) <= {"label"}
            brings = [] if empty else _brings(aid, answers, own.answers if own else {},
                                              own.saved if own else "")
            if empty:
                notes = [text("family.nothing_here"), *notes]
            return json.dumps({"ok": True, "fields": engine.to_fields(aid, answers),
                               "brings": brings, "empty": empty,
                               "note": " ".join([opened, *brings, *notes]), "family": content,
                               "origins": _origins(aid, answers, origins),
                               "open_step": _open_step(aid, answers)})
        loaded = answers_file.load_text(aid, content)
    except answers_file.FileError as error:
        return json.dumps({"ok": False, "message": str(error)})
    brings = _brings(aid, loaded.answers, loaded.answers, "")
    return json.dumps({"ok": True, "fields": engine.to_fields(aid, loaded.answers),
                       "brings": brings, "empty": not loaded.answers,
                       "note": loaded.note, "family": "", "origins": {},
                       "open_step": _open_step(aid, loaded.answers)})


def _open_step(aid: definition.Aid, answers: dict) -> str:
    """The step a file opens on: the first with a question still open or an answer the aid
    cannot take, or the first."""
    evaluation = engine.evaluate(aid, answers)
    return render.first_open_step(aid, answers, evaluation.visible,
                                  [error.field for error in evaluation.errors])


def _origins(aid: definition.Aid, answers: dict, origins: dict[str, tuple[str, ...]]
             ) -> dict[str, str]:
    """Per form field the family file filled in, where its answer came from (Dutch)."""
    out = {}
    for key, sources in origins.items():
        if sources and sources[0] in definition.SHARED_PARTS:
            note = text("family.origin_shared",
                        title=definition.shared_part(sources[0]).step.title)
        else:
            names = [definition.load(s).title for s in sources]
            listed = names[0] if len(names) == 1 else text(
                "watch.and", first=", ".join(names[:-1]), last=names[-1])
            note = text("family.origin", aids=listed)
        step_id, _, question_id = key.partition(".")
        names = [f"{step_id}.1.{question_id}"] if question_id \
            else engine.to_fields(aid, {key: answers[key]})
        for name in names:
            out[name] = note
    return out


def _brings(aid: definition.Aid, answers: dict, own: dict, saved: str) -> list[str]:
    """What a file brings to this aid, in Dutch: how many of its own answers (and when they
    were saved), and which questions the other aids fill in."""
    lines = []
    if own:
        day = _moment(saved)
        lines.append(text("family.brings_own", count=len(own), saved=format_date(day.date()))
                     if day else text("family.brings_own_undated", count=len(own)))
    # A shared part (safety and the legal frame) is named once, by its title.
    for name in aid.parts:
        part = definition.shared_part(name)
        count = len([key for key in answers if key in part.keys and key not in own])
        if count:
            lines.append(counted("family.brings_shared", count, title=part.step.title.lower()))
    shared = {key for name in aid.parts for key in definition.shared_part(name).keys}
    carried = [key for key in answers if key not in own and key not in shared]
    if carried:
        names = [aid.questions[key].short if key in aid.questions else aid.repeats[key].title
                 for key in carried]
        lines.append(text("family.brings_carried", questions=", ".join(names)))
    return lines
