"""The saved answers file: a small JSON envelope with the aid and its version.

    {"format": "thuiswijzer", "aid": "analyse", "version": 2, "saved": "...", "answers": {...}}

Files of older versions open after the migrations the aid defines; anything else is refused
with a Dutch message. The loader checks the limits of the text before Python parses it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from .definition import Aid, load
from .engine import AnswersError, normalize
from .fields import parse_field
from .texts import shorten, text

FORMAT = "thuiswijzer"
# Limits on a saved file, checked on its text before it is parsed (runtime.js checks the same in
# the page). The largest file the aids can write, every aid's every field full with a family
# part beside them, is far inside each (tests/test_family.py).
MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NUMBER = 20  # characters of one number: a version, an age, a count
MAX_ITEMS = 20_000  # keys and list items in the whole file


class FileError(ValueError):
    """A file that cannot be opened in this aid. The message is Dutch."""


@dataclass(frozen=True)
class Loaded:
    answers: dict
    note: str = ""  # Dutch, when only part of the file was taken over


def dump(aid: Aid, answers: dict, saved: dt.datetime | None = None) -> str:
    saved = saved or dt.datetime.now().replace(microsecond=0)
    envelope = {"format": FORMAT, "aid": aid.id, "version": aid.version,
                "saved": saved.isoformat(), "answers": answers}
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


# A JSON string, closed or not (a backslash escapes the next character).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_PAIR = re.compile(r"[\[{][\]}]")
_LONG_NUMBER = re.compile(r"[-+.eE0-9]{%d,}" % (MAX_NUMBER + 1))


def problem(content: str) -> str | None:
    """What makes a file's text too much to parse, or None: "too_big", "too_deep",
    "number_too_long" or "too_many_items". Only regular expressions and counting, so a hostile
    file costs little even in the browser."""
    if len(content) > MAX_BYTES or len(content.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return "too_big"
    skeleton = _STRING.sub('""', content)  # what is outside the strings
    if _deeper(skeleton, MAX_DEPTH):
        return "too_deep"
    if _LONG_NUMBER.search(skeleton):
        return "number_too_long"
    if skeleton.count(":") + skeleton.count(",") > MAX_ITEMS:
        return "too_many_items"
    return None


def _deeper(skeleton: str, limit: int) -> bool:
    """Whether brackets nest deeper than limit: each round takes away the innermost pairs, so
    a pair still left after limit rounds holds limit levels."""
    brackets = re.sub(r"[^\[\]{}]", "", skeleton)
    for _ in range(limit):
        brackets, found = _PAIR.subn("", brackets)
        if not found:
            return False
    return _PAIR.search(brackets) is not None


def parse_json(content: str) -> object:
    """The JSON of a saved file, after its limits are checked."""
    found = problem(content)
    if found:
        raise FileError(text(f"files.{found}", max=MAX_NUMBER))
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        raise FileError(text("files.not_json")) from None


def load_text(aid: Aid, content: str) -> Loaded:
    """Parse, check and migrate a saved single-aid file. A file of another aid gives only the
    answers both aids share (the family description); a file that shares nothing is refused.
    (A family file, aids.family, holds every aid's answers.)"""
    data = parse_json(content)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FileError(text("files.not_ours"))
    other = data.get("aid")
    if not isinstance(other, str):
        raise FileError(text("files.not_ours"))
    source = aid
    if other != aid.id:
        source = load(other) if _known(other) else None
        if source is None or not _shared(source, aid):
            title = source.title if source else shorten(other)
            raise FileError(text("files.other_aid", title=title))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileError(text("files.version_unknown"))
    if version > source.version:
        name = text("files.this_aid") if source is aid else source.title
        raise FileError(text("files.version_newer", aid=name, version=shorten(str(version), 12),
                             known=source.version))
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise FileError(text("files.no_answers"))
    try:
        answers = normalize(source, migrate(source, answers, version))
    except AnswersError as error:
        raise FileError(text("files.mismatch", reason=error)) from None
    if source is aid:
        return Loaded(answers)
    keys = _shared(source, aid)
    return Loaded({k: v for k, v in answers.items() if k in keys},
                  text("files.family_only", title=source.title))


def _shared(source: Aid, target: Aid) -> list[str]:
    """Answer keys both aids share, asked the same way in both."""
    def same(key: str) -> bool:
        a, b = source.questions.get(key), target.questions.get(key)
        return (a is not None and b is not None and a.type == b.type and a.per == b.per
                and a.options == b.options)

    return [key for key in source.shared if key in target.shared and same(key)]


def _known(aid_id: str) -> bool:
    try:
        load(aid_id)
    except KeyError:
        return False
    return True


def migrate(aid: Aid, answers: dict, version: int) -> dict:
    """Bring answers of an older version up to the current one. Old answers of the wrong shape
    are refused with a Dutch message."""
    answers = dict(answers)
    for migration in aid.migrations:
        if migration.from_version < version:
            continue
        for key in migration.drop:
            answers.pop(key, None)
        for old, new in migration.rename:
            if old not in answers:
                continue
            value = answers.pop(old)
            target = parse_field(new)
            if target.step:  # into a repeated step: "step.number.question"
                entries = answers.setdefault(target.step, [])
                if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                    raise FileError(text("files.mismatch", reason=text("answers.entries_list",
                                                                       key=target.step)))
                while len(entries) < target.number:
                    entries.append({})
                entries[target.number - 1][target.question] = value
            else:
                answers[new] = value
        version = migration.from_version + 1
    return answers
