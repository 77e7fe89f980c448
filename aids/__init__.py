"""Thuiswijzer decision aids: pure Python, standard library only, for CPython and Pyodide."""

from .definition import Aid, DefinitionError, aid_ids, load
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
    return {
        "aid": aid.id,
        "valid": not evaluation.errors,
        "errors": [{"field": e.field, "message": e.message} for e in evaluation.errors],
        "result": {
            "title": result.title,
            "intro": result.intro,
            "gaps": list(result.gaps),
            "sections": [{"heading": s.heading,
                          "items": [{"label": i.label, "text": i.text} for i in s.items]}
                         for s in result.sections],
        },
        "text": result_text(result),
    }
