"""Run an aid in a terminal: python -m aids --list | python -m aids <aid-id> < answers.json

Exit codes: 0 the answers are complete and valid, 1 the answers have errors (listed in the
JSON output), 2 the input is not usable (invalid JSON, unknown aid, unknown keys).
"""

from __future__ import annotations

import json
import sys

from . import aid_ids, answers_file, family, load, run
from .definition import Aid
from .engine import AnswersError
from .texts import text



def describe(aid: Aid) -> str:
    """The answer keys of an aid, with their type and allowed values."""
    lines = [text("cli.heading", id=aid.id, title=aid.title, version=aid.version), "",
             text("cli.keys")]
    for step in aid.steps:
        if step.repeat:
            lines.append(f"  {step.id}: {text('cli.repeat', count=step.repeat)} — {step.title}")
            for question in step.questions:
                lines.append(f"      {question.id}: {text('cli.' + question.type)} — {question.label}")
            continue
        for question in step.questions:
            kind = text(f"cli.{question.type}")
            if question.per:
                kind = text("cli.per", key=question.per)
            required = text("cli.required") if question.required else ""
            lines.append(f"  {question.id}: {kind}{required} — {question.label}")
            for option in question.options:
                lines.append(f"      {option.value}: {option.label}")
    return "\n".join(lines) + "\n"


def _error(message: str) -> None:
    sys.stderr.write(text("cli.error", message=message) + "\n")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(text("cli.usage"))
        return 0 if argv else 2
    if argv[0] == "--list":
        for aid_id in aid_ids():
            sys.stdout.write(f"{aid_id}\t{load(aid_id).title}\n")
        return 0
    aid_id = argv[0]
    if aid_id not in aid_ids():
        _error(text("cli.unknown_aid", aid=aid_id, choices=", ".join(aid_ids())))
        return 2
    if argv[1:] in (["-h"], ["--help"]):
        sys.stdout.write(describe(load(aid_id)))
        return 0
    if argv[1:]:
        sys.stderr.write(text("cli.usage"))
        return 2
    content = sys.stdin.read()
    try:
        answers = json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        _error(text("cli.not_json", reason=error))
        return 2
    except RecursionError:
        _error(text("cli.too_deep"))
        return 2
    try:
        if family.is_family(answers):  # a family file: this aid's part, and what others know
            answers = family.answers_for(family.parse(answers)[0], load(aid_id))
        elif isinstance(answers, dict) and answers.get("format") == answers_file.FORMAT:
            answers = answers_file.load_text(load(aid_id), content).answers  # saved in the browser
        output = run(aid_id, answers)
    except (AnswersError, answers_file.FileError) as error:
        _error(str(error))
        return 2
    sys.stdout.write(json.dumps(output, ensure_ascii=False, indent=2) + "\n")
    return 0 if output["valid"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
