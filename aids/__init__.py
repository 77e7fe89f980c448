"""Thuiswijzer decision aids: pure Python, standard library only, for CPython and Pyodide."""

from .definition import Aid, aid_ids, load
from .schema import DefinitionError
from .engine import AnswersError, evaluate, normalize

__all__ = ["Aid", "AnswersError", "DefinitionError", "aid_ids", "evaluate", "load", "normalize",
           "run"]
__version__ = "0.1.0"


def run(aid_id: str, answers: object) -> dict:
    """Check answers strictly and return the result as plain data (what the terminal prints)."""
    from .render import result_text

    aid = load(aid_id)
    evaluation = evaluate(aid, normalize(aid, answers), final=True)
    result = evaluation.result
    output = {
        "aid": aid.id,
        "valid": not evaluation.errors,
        "errors": [{"field": e.field, "message": e.message} for e in evaluation.errors],
        "result": _voice(result.professional),
        "text": result_text(result),
        "about": [{"label": i.label, "text": i.text} for i in result.about],
        # Which remarks hold, by rule id: what tests and other tools check, not the wording.
        "rules": list(result.rules),
    }
    # The family's versions, when the aid has them: "parents", "youth".
    for key, voice in (("parents", result.parents), ("youth", result.youth)):
        if voice:
            output[key] = _voice(voice)
    return output


def _voice(voice) -> dict:
    return {
        "title": voice.title,
        "label": voice.label,
        "intro": voice.intro,
        "gaps": list(voice.gaps),
        "sections": [{"heading": s.heading,
                      "items": [_item(i) for i in s.items]}
                     for s in voice.sections],
        "about": [_item(i) for i in voice.about],
        **({"short": True} if voice.short else {}),
    }


def _item(item) -> dict:
    """An item as data; answers asked per member also name their question (group), and an item a
    rule made names the rule."""
    return {"label": item.label, "text": item.text, **({"group": item.group} if item.group else {}),
            **({"rule": item.rule} if item.rule else {})}
