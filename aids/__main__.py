"""Run an aid in a terminal: python -m aids --list | python -m aids <aid-id> < answers.json

Exit codes: 0 the answers are complete and valid, 1 the answers have errors (listed in the
JSON output), 2 the input is not usable (invalid JSON, unknown aid, unknown keys).
"""

from __future__ import annotations

import json
import sys

from . import aid_ids, answers_file, family, load, run
from .engine import AnswersError
from .render import describe
from .texts import shorten, text


def _error(message: str) -> None:
    sys.stderr.write(text("cli.error", message=message) + "\n")


class _InputError(ValueError):
    """Input that cannot be read as answers. The message is Dutch."""


def read_answers(raw: bytes) -> tuple[object, str]:
    """Decode and parse what came in on stdin, as the browser reads a file: UTF-8 with or
    without a byte-order mark, within the limits of a saved file (aids.answers_file), no lone
    surrogates."""
    if len(raw) > answers_file.MAX_BYTES:
        raise _InputError(text("cli.too_big"))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _InputError(text("cli.not_utf8", position=error.start + 1)) from None
    problem = answers_file.problem(content)
    if problem:
        raise _InputError(text(f"cli.{problem}"))
    try:
        answers = json.loads(content)
    except json.JSONDecodeError as error:
        raise _InputError(text("cli.not_json", line=error.lineno, column=error.colno)) from None
    except (ValueError, RecursionError):  # a number too long to read
        raise _InputError(text("cli.number_too_long")) from None
    try:
        json.dumps(answers, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # "\ud800" in JSON gives a character no file can hold
        raise _InputError(text("cli.bad_character")) from None
    return answers, content


# Keys of a saved file's envelope: answers with them but without "format" are a damaged file.
_ENVELOPE = {"version", "aids", "answers", "aid", "saved"}


def main(argv: list[str]) -> int:
    """Run the terminal command; return its exit code. Never raises and never shows a
    traceback: whatever comes in gets a Dutch message (exit code 2 for unusable input)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except Exception:  # noqa: BLE001 - the last resort: a Dutch message, never a traceback
        _error(text("cli.failed"))
        return 2


def _main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(text("cli.usage"))
        return 0 if argv else 2
    if argv[0] == "--list":
        for aid_id in aid_ids():
            sys.stdout.write(f"{aid_id}\t{load(aid_id).title}\n")
        return 0
    aid_id = argv[0]
    if aid_id not in aid_ids():
        _error(text("cli.unknown_aid", aid=shorten(aid_id), choices=", ".join(aid_ids())))
        return 2
    if argv[1:] in (["-h"], ["--help"]):
        sys.stdout.write(describe(load(aid_id)))
        return 0
    if argv[1:]:
        sys.stderr.write(text("cli.usage"))
        return 2
    try:
        answers, content = read_answers(sys.stdin.buffer.read(answers_file.MAX_BYTES + 1))
        notes: list[str] = []
        if family.is_family(answers):  # a family file: this aid's part, and what others know
            found, notes = family.parse(answers)
            answers = family.answers_for(found, load(aid_id))
        elif isinstance(answers, dict) and answers.get("format") == answers_file.FORMAT:
            loaded = answers_file.load_text(load(aid_id), content)  # saved in the browser
            answers, notes = loaded.answers, [loaded.note] if loaded.note else []
        elif isinstance(answers, dict) and "format" not in answers and _ENVELOPE & set(answers) \
                and not _ENVELOPE & set(load(aid_id).questions):
            raise _InputError(text("cli.no_format"))
        output = run(aid_id, answers)
    except (_InputError, AnswersError, answers_file.FileError) as error:
        _error(str(error))
        return 2
    for note in notes:  # what was left out of a file is said, never dropped silently
        sys.stderr.write(text("cli.note", note=note) + "\n")
    # JSON stays valid in a terminal that cannot show every character.
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    sys.stdout.write(json.dumps(output, ensure_ascii=not utf8, indent=2) + "\n")
    return 0 if output["valid"] else 1


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="backslashreplace")
    code = main(sys.argv[1:])
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (| head): not an error of ours
        sys.stdout = None
    sys.exit(code)
