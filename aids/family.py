"""One family, one file: the answers of every aid for one family, under a label.

    {"format": "thuiswijzer-gezin", "version": 1, "label": "gezin B.", "saved": "...",
     "aids": {"analyse": {"version": 3, "saved": "...", "answers": {...}}, ...},
     "veiligheid": {"version": 1, "saved": "...", "answers": {...}}}

Any aid opens it and continues; saving from an aid replaces its own part and keeps the others.
A shared part ("veiligheid": safety and the legal frame, aids/content/data/kader.toml) is asked
by every aid but kept once: each aid shows it, and saving from any aid replaces it.
What one aid knows, the next gets without retyping: the links are content
(aids/content/data/family.toml). An older single-aid file still opens (aids.answers_file).
Nothing is stored: the page keeps the file's text in memory and the user downloads it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from . import answers_file
from .definition import SHARED_PARTS, Aid, SharedPart, aid_ids, load, shared_part
from .engine import AnswersError, normalize
from .fields import item_name
from .result import display
from .schema import CONTENT_DIR, Checker, read_toml
from .texts import text

FORMAT = "thuiswijzer-gezin"
VERSION = 1
MODES = ("copy", "lines")
_SCHEMA = {"family": ({"carry": list}, {}),
           "carry": ({"to": list, "from": list}, {"as": str})}


@dataclass(frozen=True)
class Carry:
    targets: tuple[tuple[str, str], ...]  # (aid id, answer key)
    sources: tuple[tuple[str, str], ...]
    mode: str = "copy"


@dataclass(frozen=True)
class Part:
    version: int
    saved: str
    answers: dict


@dataclass
class Family:
    label: str = ""
    saved: str = ""
    parts: dict[str, Part] = field(default_factory=dict)  # aid id -> its answers
    shared: dict[str, Part] = field(default_factory=dict)  # shared part id ("kader") -> answers


@cache
def links() -> tuple[Carry, ...]:
    """The carry-over links, checked: every key exists, copies are asked the same way."""
    path = CONTENT_DIR / "data" / "family.toml"
    source, raw = read_toml(path)
    check = Checker(path, source, _SCHEMA)
    check.table("family", raw, (), "het gezinsdossier")
    found = []
    for k, raw_link in enumerate(raw["carry"]):
        at = ("carry", k)
        link = check.table("carry", raw_link, at, f"koppeling {k + 1}")
        mode = link.get("as", "copy")
        if mode not in MODES:
            check.fail(f"as moet een van {MODES} zijn", at, "as")
        ends = {}
        for side in ("to", "from"):
            pairs = []
            for dotted in link[side]:
                aid_id, _, key = str(dotted).partition(".")
                if aid_id not in aid_ids() or not _asks(load(aid_id), key):
                    check.fail(f"{side} noemt een onbekend antwoord '{dotted}'", at, side)
                pairs.append((aid_id, key))
            ends[side] = tuple(pairs)
        if mode == "copy" and len({_shape(load(a), k) for a, k in ends["to"] + ends["from"]}) > 1:
            check.fail("copy koppelt alleen vragen die op dezelfde manier gesteld worden", at, "to")
        if mode == "lines" and any(load(a).questions.get(k, None) is None or
                                   load(a).questions[k].type != "textarea" for a, k in ends["to"]):
            check.fail("lines schrijft alleen naar een tekstvak (textarea)", at, "to")
        found.append(Carry(ends["to"], ends["from"], mode))
    return tuple(found)


def _asks(aid: Aid, key: str) -> bool:
    return key in aid.questions or key in aid.repeats


def _shape(aid: Aid, key: str) -> tuple:
    if key in aid.repeats:
        return ("repeat", key)
    question = aid.questions[key]
    options = tuple(o.value for o in question.options)
    return (question.type, question.per, options)


def is_family(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse(data: dict) -> tuple[Family, list[str]]:
    """A family file's parts, each checked and migrated; parts that cannot be used are left out
    with a Dutch note."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise answers_file.FileError(text("files.version_unknown"))
    if version > VERSION:
        raise answers_file.FileError(text("family.newer"))
    label = data.get("label") if isinstance(data.get("label"), str) else ""
    parts_raw = data.get("aids")
    if not isinstance(parts_raw, dict):
        raise answers_file.FileError(text("files.no_answers"))
    family, notes = Family(label[:60], str(data.get("saved", ""))[:40]), []
    for aid_id, part in parts_raw.items():
        if aid_id not in aid_ids() or not isinstance(part, dict):
            notes.append(text("family.unknown_part"))
            continue
        aid = load(aid_id)
        part_version = part.get("version")
        answers = part.get("answers")
        try:
            if not isinstance(part_version, int) or isinstance(part_version, bool) \
                    or not 1 <= part_version <= aid.version or not isinstance(answers, dict):
                raise AnswersError(text("files.version_unknown"))
            clean = normalize(aid, answers_file.migrate(aid, answers, part_version))
        except (AnswersError, answers_file.FileError):  # a part of the wrong shape
            notes.append(text("family.part_refused", title=aid.title))
            continue
        family.parts[aid_id] = Part(aid.version, str(part.get("saved", ""))[:40], clean)
    for name in SHARED_PARTS:
        shared = shared_part(name)
        if shared.part not in data:
            continue
        found = _shared(shared, data[shared.part])
        if found is None:
            notes.append(text("family.part_refused", title=shared.step.title))
        else:
            family.shared[name] = found
    return family, notes


def _shared(shared: SharedPart, raw: object) -> Part | None:
    """A shared part of a family file, checked; None when it cannot be used."""
    if not isinstance(raw, dict):
        return None
    version, answers = raw.get("version"), raw.get("answers")
    if not isinstance(version, int) or isinstance(version, bool) \
            or not 1 <= version <= shared.version or not isinstance(answers, dict):
        return None
    try:
        clean = normalize(_as_aid(shared.id), answers)
    except AnswersError:
        return None
    return Part(shared.version, str(raw.get("saved", ""))[:40], clean)


@cache
def _as_aid(name: str) -> Aid:
    """A shared part as an aid of one step, to check its answers the way every aid's are."""
    shared = shared_part(name)
    return Aid(id=shared.part, title=shared.step.title, version=shared.version, intro="",
               disclaimer="", sources=(), steps=(shared.step,), result_title="")


def answers_for(family: Family, aid: Aid) -> dict:
    """The answers this aid starts with: its own part, and what the other parts know."""
    own = dict(family.parts[aid.id].answers) if aid.id in family.parts else {}
    for name in aid.parts:  # kept once for the whole family
        if name in family.shared:
            own.update(family.shared[name].answers)
    for link in links():
        for target_aid, key in link.targets:
            if target_aid != aid.id or own.get(key) not in (None, "", [], {}):
                continue
            value = _carried(family, link)
            if value not in (None, "", [], {}):
                own[key] = value
    if family.label and "label" in aid.questions and not own.get("label"):
        own["label"] = family.label
    return own


def _carried(family: Family, link: Carry) -> object:
    if link.mode == "copy":
        for aid_id, key in link.sources:
            part = family.parts.get(aid_id)
            if part and part.answers.get(key) not in (None, "", [], {}):
                return part.answers[key]
        return None
    lines = []
    for aid_id, key in link.sources:
        part = family.parts.get(aid_id)
        if part and part.answers.get(key) not in (None, "", [], {}):
            lines += _lines(load(aid_id), key, part.answers[key])
    return "\n".join(lines)


def _lines(aid: Aid, key: str, value: object) -> list[str]:
    """An answer as lines of text: a list of entries, choices or typed text."""
    if key in aid.repeats:
        step = aid.repeats[key]
        out = []
        for number, entry in enumerate((e for e in value if e), start=1):
            parts = [display(q, entry[q.id]) for q in step.questions if q.id in entry]
            out.append(f"{item_name(step, number)}: {'; '.join(parts)}")
        return out
    question = aid.questions[key]
    if question.type == "multi":
        return [question.option_label(v) for v in value]
    return [line for line in display(question, value).splitlines() if line.strip()]


def dump(family: Family | None, aid: Aid, answers: dict, saved: dt.datetime | None = None) -> str:
    """The family file with this aid's part replaced and every other part kept."""
    family = family or Family()
    saved_at = (saved or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat()
    label = answers.get("label") if isinstance(answers.get("label"), str) else ""
    parts = {aid_id: {"version": part.version, "saved": part.saved, "answers": part.answers}
             for aid_id, part in family.parts.items()}
    shared = {name: {"version": part.version, "saved": part.saved, "answers": part.answers}
              for name, part in family.shared.items()}
    own = dict(answers)
    for name in aid.parts:  # this aid asked the shared part: what it holds now is the part
        keys = shared_part(name).keys
        shared[name] = {"version": shared_part(name).version, "saved": saved_at,
                        "answers": {k: v for k, v in answers.items() if k in keys}}
        own = {k: v for k, v in own.items() if k not in keys}
    parts[aid.id] = {"version": aid.version, "saved": saved_at, "answers": own}
    data = {"format": FORMAT, "version": VERSION, "label": label or family.label,
            "saved": saved_at, "aids": dict(sorted(parts.items()))}
    data.update({shared_part(name).part: part for name, part in sorted(shared.items())})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def file_name(content: str) -> str:
    """Download name of a family file: the word for it, the label as a slug and the day saved,
    e.g. gezinsdossier-gezin-b-2027-03-01.json."""
    data = json.loads(content)
    folded = unicodedata.normalize("NFKD", str(data.get("label", ""))).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.decode().lower()).strip("-")[:40].strip("-")
    parts = [text("family.file_name"), slug, str(data.get("saved", ""))[:10]]
    return "-".join(part for part in parts if part) + ".json"


def load_text(content: str) -> tuple[Family, list[str]]:
    """Parse a family file (size and depth checked before parsing, as for a single file)."""
    data = answers_file.parse_json(content)
    if not is_family(data):
        raise answers_file.FileError(text("files.not_ours"))
    return parse(data)
