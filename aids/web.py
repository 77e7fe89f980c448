"""The bridge the browser calls: one JSON request in, one JSON response out.

Only strings cross the boundary, so no JavaScript object is ever held by Python.
"""

from __future__ import annotations

import json

from . import definition, engine, render


def handle(request: str) -> str:
    """Answer one request from the loader. Never raises: errors come back as Dutch text."""
    try:
        message = json.loads(request)
        aid = definition.load(message["aid"])
        fields = {str(k): [str(v) for v in (vs if isinstance(vs, list) else [vs])]
                  for k, vs in message.get("fields", {}).items()}
        answers = engine.from_fields(aid, fields)
        evaluation = engine.evaluate(aid, answers, final=bool(message.get("final")))
    except Exception as error:  # noqa: BLE001 - the page must keep working whatever happens
        return json.dumps({"ok": False, "message": "Het hulpmiddel kon dit niet verwerken. "
                           f"Je antwoorden staan nog in het formulier. ({type(error).__name__})"})
    return json.dumps({
        "ok": True,
        "visible": list(evaluation.visible),
        "errors": [{"field": e.field, "id": render.field_id(aid, e.field), "message": e.message}
                   for e in evaluation.errors],
        "errors_html": render.errors_html(aid, evaluation.errors),
        "result_html": render.result_html(evaluation.result),
        "result_text": render.result_text(evaluation.result),
    })
