"""The bridge the browser calls: one JSON request in, one JSON response out.

Only strings cross the boundary, so no JavaScript object is ever held by Python.
Requests: {"op": "evaluate", "aid", "fields", "final", "step", "want": ["check", "result",
"exports", "save"], "family", "now"}, {"op": "import", "aid", "text"}, {"op": "overview",
"files": [{"name", "text"} or {"name", "problem"}]} (the group overview of several saved files)
and {"op": "document", "text"} (the case-file document of a family file). "family" is the
family file the page opened (its text, kept in the page's memory only); saving replaces this
aid's part of it and keeps the others.
"""

from __future__ import annotations

import datetime as dt
import json

from . import answers_file, definition, document, engine, family, overview, render
from .texts import shorten, text


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


def _answer(message: dict) -> str:
    if message.get("op") == "overview":
        return json.dumps({"ok": True, "html": overview.html(list(message["files"]))})
    if message.get("op") == "document":
        now = _moment(message.get("now"))
        return json.dumps({"ok": True, "html": document.html(
            str(message["text"]), now.date() if now else None)})
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
    response = {
        "ok": True,
        "visible": list(evaluation.visible),
        "errors": [{"field": e.field, "id": render.field_id(aid, e.field), "message": e.message}
                   for e in evaluation.errors],
        "errors_html": render.errors_html(aid, evaluation.errors),
    }
    if "check" in want:
        response["check_html"] = render.check_html(aid, evaluation)
    if "result" in want:
        response["result_html"] = render.result_html(evaluation.result)
    # The page says what time it is, so the same request gives the same files everywhere.
    now = _moment(message.get("now"))
    if want & {"exports", "save"}:
        response["family_json"] = family.dump(_family(message.get("family")), aid, answers, now)
    if "exports" in want:
        response["result_text"] = render.result_text(evaluation.result)
        response["result_markdown"] = render.result_markdown(aid, evaluation.result)
        if render.has_calendar(aid):
            response["calendar"] = render.calendar_of(aid, answers, now)
    return json.dumps(response)


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
    """Open a saved file: a family file (every aid's answers) or an older single-aid file."""
    try:
        data = answers_file.parse_json(content)
        if family.is_family(data):
            found, notes = family.parse(data)
            answers = family.answers_for(found, aid)
            opened = (text("family.opened", label=found.label) if found.label
                      else text("family.opened_unnamed"))
            return json.dumps({"ok": True, "fields": engine.to_fields(aid, answers),
                               "note": " ".join([opened, *notes]), "family": content})
        loaded = answers_file.load_text(aid, content)
    except answers_file.FileError as error:
        return json.dumps({"ok": False, "message": str(error)})
    return json.dumps({"ok": True, "fields": engine.to_fields(aid, loaded.answers),
                       "note": loaded.note, "family": ""})
