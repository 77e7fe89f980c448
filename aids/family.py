"""One family, one file: the answers of every aid for one family, under a label.

    {"format": "thuiswijzer-gezin", "version": 1, "id": "<32 hex digits>", "label": "gezin B.",
     "saved": "...",
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
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from . import answers_file
from .definition import SHARED_PARTS, Aid, SharedPart, aid_ids, load, shared_part
from .engine import AnswersError, normalize
from .fields import item_name
from .names import looks_like_full_name
from .result import display
from .schema import CONTENT_DIR, Checker, authoring, read_toml
from .texts import shorten, text

FORMAT = "thuiswijzer-gezin"
VERSION = 1
MAX_PARTS = 20  # parts under "aids": one per aid, with room for aids still to come
MODES = ("copy", "lines", "join")
FAMILY_ID = re.compile(r"^[0-9a-f]{32}$")
_SCHEMA = {"family": ({"carry": list}, {}),
           "carry": ({"to": list, "from": list}, {"as": str, "map": dict})}


@dataclass(frozen=True)
class Carry:
    targets: tuple[tuple[str, str], ...]  # (aid id, answer key)
    sources: tuple[tuple[str, str], ...]
    mode: str = "copy"
    # join: a source's choice -> the target's choice (without it, the same value)
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Part:
    version: int
    saved: str
    answers: dict


@dataclass
class Family:
    label: str = ""
    saved: str = ""
    # A random id, made when the file is first saved and kept ever after: the calendar's events
    # are named by it (aids.nazorg), so they stay the same when the label changes and differ
    # between families. Never derived from anything about the family.
    id: str = ""
    parts: dict[str, Part] = field(default_factory=dict)  # aid id -> its answers
    shared: dict[str, Part] = field(default_factory=dict)  # shared part id ("kader") -> answers
    # Parts that could not be read (an unknown aid, a wrong shape), as they were: saving keeps
    # them, so opening a file never loses what is in it. The same for a shared part, by its id.
    kept: dict[str, object] = field(default_factory=dict)
    kept_shared: dict[str, object] = field(default_factory=dict)


@cache
def links() -> tuple[Carry, ...]:
    """The carry-over links, checked: every key exists, copies are asked the same way."""
    path = CONTENT_DIR / "data" / "family.toml"
    source, raw = read_toml(path)
    check = Checker(path, source, _SCHEMA)
    check.table("family", raw, (), authoring("family.file"))
    found = []
    for k, raw_link in enumerate(raw["carry"]):
        at = ("carry", k)
        link = check.table("carry", raw_link, at, authoring("family.link", number=k + 1))
        mode = link.get("as", "copy")
        if mode not in MODES:
            check.fail(authoring("family.mode", field="as", modes=MODES), at, "as")
        ends = {}
        for side in ("to", "from"):
            pairs = []
            for dotted in link[side]:
                aid_id, _, key = str(dotted).partition(".")
                if aid_id not in aid_ids() or not _asks(load(aid_id), key):
                    check.fail(authoring("family.unknown_answer", side=side, answer=dotted), at,
                               side)
                pairs.append((aid_id, key))
            ends[side] = tuple(pairs)
        if mode == "copy" and len({_shape(load(a), k) for a, k in ends["to"] + ends["from"]}) > 1:
            check.fail(authoring("family.copy_same", mode="copy"), at, "to")
        if mode == "lines" and any(load(a).questions.get(k, None) is None or
                                   load(a).questions[k].type != "textarea" for a, k in ends["to"]):
            check.fail(authoring("family.lines_text", mode="lines", kind="textarea"), at, "to")
        values = link.get("map", {})
        if mode == "join":
            for side in ("to", "from"):
                if any(load(a).questions.get(k) is None or load(a).questions[k].type != "multi"
                       or load(a).questions[k].per for a, k in ends[side]):
                    check.fail(authoring("family.join_multi", mode="join"), at, side)
            targets = {o.value for a, k in ends["to"] for o in load(a).questions[k].options}
            sources = {o.value for a, k in ends["from"] for o in load(a).questions[k].options}
            if not set(values) <= sources or not set(values.values()) <= targets:
                check.fail(authoring("family.map_choices", field="map", source="from",
                                     target="to"), at, "map")
        elif values:
            check.fail(authoring("family.map_join", field="map", setting='as = "join"'), at, "map")
        found.append(Carry(ends["to"], ends["from"], mode, tuple(values.items())))
    return tuple(found)


def carry_target(aid: Aid) -> str:
    """Where the choices ticked in this aid's result go: "<aid>.<step>" of the first aid that
    joins them into one of its questions, or ""."""
    for link in links():
        if link.mode == "join" and (aid.id, aid.pick) in link.sources:
            target, key = link.targets[0]
            step = next(s for s in load(target).steps if any(q.id == key for q in s.questions))
            return f"{target}.{step.id}"
    return ""


def _asks(aid: Aid, key: str) -> bool:
    """A question, a repeated step, or a question of a repeated step ("contacten.plek": filled
    into its first entry)."""
    return key in aid.questions or key in aid.repeats or _in_entry(aid, key) is not None


def _in_entry(aid: Aid, key: str):
    """The question of a repeated step that "<step>.<question>" names, or None."""
    step_id, _, question_id = key.partition(".")
    step = aid.repeats.get(step_id)
    return next((q for q in step.questions if q.id == question_id), None) if step else None


def _shape(aid: Aid, key: str) -> tuple:
    if key in aid.repeats:
        return ("repeat", key)
    question = aid.questions.get(key) or _in_entry(aid, key)
    options = tuple(o.value for o in question.options)
    return (question.type, question.per, options)


def is_family(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse(data: dict) -> tuple[Family, list[str]]:
    """A family file's parts, each checked and migrated; parts that cannot be used are named in
    a Dutch note and kept as they are. A label that looks like a full name is left out."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise answers_file.FileError(text("files.version_unknown"))
    if version > VERSION:
        raise answers_file.FileError(text("family.newer"))
    label = data.get("label") if isinstance(data.get("label"), str) else ""
    parts_raw = data.get("aids")
    if not isinstance(parts_raw, dict):
        raise answers_file.FileError(text("files.no_answers"))
    if len(parts_raw) > MAX_PARTS:
        raise answers_file.FileError(text("family.too_many_parts", max=MAX_PARTS))
    family_id = data.get("id") if isinstance(data.get("id"), str) else ""
    family, notes, unknown = Family(label[:60], str(data.get("saved", ""))[:40],
                                    family_id if FAMILY_ID.match(family_id) else ""), [], []
    names = looks_like_full_name(family.label)
    if names:
        family.label = ""
    for aid_id, part in parts_raw.items():
        if aid_id not in aid_ids():
            unknown.append(f"'{shorten(aid_id, 30)}'")
            family.kept[aid_id] = part
            continue
        aid = load(aid_id)
        part_version = part.get("version") if isinstance(part, dict) else None
        answers = part.get("answers") if isinstance(part, dict) else None
        try:
            if not isinstance(part_version, int) or isinstance(part_version, bool) \
                    or not 1 <= part_version <= aid.version or not isinstance(answers, dict):
                raise AnswersError(text("files.version_unknown"))
            clean = normalize(aid, answers_file.migrate(aid, answers, part_version))
        except (AnswersError, answers_file.FileError):  # a part of the wrong shape
            notes.append(text("family.part_refused", title=aid.title))
            family.kept[aid_id] = part
            continue
        for key in full_names(aid, clean):
            names = True
            del clean[key]
        family.parts[aid_id] = Part(aid.version, str(part.get("saved", ""))[:40], clean)
    for name in SHARED_PARTS:
        shared = shared_part(name)
        if shared.part not in data:
            continue
        found = _shared(shared, data[shared.part])
        if found is None:
            notes.append(text("family.part_refused", title=shared.step.title))
            family.kept_shared[name] = data[shared.part]
        else:
            family.shared[name] = found
    if unknown:
        notes.append(text("family.unknown_parts", names=", ".join(unknown)))
    if names:
        notes.append(text("family.name_left_out"))
    return family, notes


def full_names(aid: Aid, answers: dict) -> list[str]:
    """The answers that must not hold a full name (a label) but look like one."""
    return [q.id for q in aid.questions.values()
            if q.no_full_name and looks_like_full_name(answers.get(q.id))]


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
    return filled_in(family, aid)[0]


def filled_in(family: Family, aid: Aid) -> tuple[dict, dict[str, tuple[str, ...]]]:
    """The answers this aid starts with, and where each answer it takes from the file comes
    from: answer key -> the aid ids (or the shared part's id) it was taken from."""
    own = dict(family.parts[aid.id].answers) if aid.id in family.parts else {}
    origins: dict[str, tuple[str, ...]] = {}
    for name in aid.parts:  # kept once for the whole family
        if name in family.shared:
            own.update(family.shared[name].answers)
            origins.update({key: (name,) for key in family.shared[name].answers})
    for link in links():
        for target_aid, key in link.targets:
            if target_aid != aid.id:
                continue
            if link.mode == "join":
                added, sources = _joined(family, aid, link, key, own.get(key) or [])
                if added:
                    own[key] = [*(own.get(key) or []), *added]
                    origins[key] = sources
                continue
            if "." in key:  # a question of a repeated step: into its first entry, while the
                step_id, _, question_id = key.partition(".")  # aid's own part has none
                if (family.parts.get(aid.id) and family.parts[aid.id].answers.get(step_id)) \
                        or (own.get(step_id) or [{}])[0].get(question_id):
                    continue
                value, sources = _carried(family, link)
                if value not in (None, "", [], {}):
                    own[step_id] = [{**(own.get(step_id) or [{}])[0], question_id: value},
                                    *(own.get(step_id) or [])[1:]]
                    origins[key] = sources
                continue
            if own.get(key) not in (None, "", [], {}):
                continue
            value, sources = _carried(family, link)
            if value not in (None, "", [], {}):
                own[key] = value
                origins[key] = sources
    if family.label and "label" in aid.questions and not own.get("label"):
        own["label"] = family.label
    return own, origins


def _carried(family: Family, link: Carry) -> tuple[object, tuple[str, ...]]:
    if link.mode == "copy":
        for aid_id, key in link.sources:
            part = family.parts.get(aid_id)
            if part and part.answers.get(key) not in (None, "", [], {}):
                return part.answers[key], (aid_id,)
        return None, ()
    lines, sources = [], []
    for aid_id, key in link.sources:
        part = family.parts.get(aid_id)
        if part and part.answers.get(key) not in (None, "", [], {}):
            lines += _lines(load(aid_id), key, part.answers[key])
            sources.append(aid_id)
    return "\n".join(lines), tuple(dict.fromkeys(sources))


def _joined(family: Family, aid: Aid, link: Carry, key: str,
            own: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The choices other parts add to this aid's choices: those of a part saved after this
    aid's own part (or all, when this aid has none yet), mapped to this question's options. A
    choice the user took away here stays away until the other aid changes its choices."""
    mine = family.parts.get(aid.id)
    allowed = {o.value for o in aid.questions[key].options}
    mapping = dict(link.values)
    added, sources = [], []
    for aid_id, source_key in link.sources:
        part = family.parts.get(aid_id)
        if aid_id == aid.id or part is None or (mine and not _later(part.saved, mine.saved)):
            continue
        for value in part.answers.get(source_key) or []:
            value = mapping.get(value, value if not mapping else "")
            if value in allowed and value not in own and value not in added:
                added.append(value)
                sources.append(aid_id)
    return added, tuple(dict.fromkeys(sources))


def _later(one: str, other: str) -> bool:
    """Whether the moment `one` comes after `other` (ISO 8601 stamps; unreadable: not later)."""
    try:
        return dt.datetime.fromisoformat(one) > dt.datetime.fromisoformat(other)
    except (TypeError, ValueError):
        return False


def _lines(aid: Aid, key: str, value: object) -> list[str]:
    """An answer as lines of text: a list of entries, choices or typed text."""
    if key in aid.repeats:
        step = aid.repeats[key]
        out = []
        for number, entry in enumerate((e for e in value if e), start=1):
            # The first answer as typed, the others named: "Doel 1: Vader neemt een time-out.
            # Wie: vader. Wanneer: 1 juni 2027"
            parts = [display(q, entry[q.id]) if n == 0 else f"{q.short}: {display(q, entry[q.id])}"
                     for n, q in enumerate(q for q in step.questions if q.id in entry)]
            line = ""
            for part in (" ".join(p.split()) for p in parts):
                line += part if not line else (" " if line.endswith((".", "!", "?")) else ". ") + part
            out.append(f"{item_name(step, number)}: {line}")
        return out
    question = aid.questions[key]
    if question.type == "multi":
        return [question.option_label(v) for v in value]
    return [line for line in display(question, value).splitlines() if line.strip()]


def new_id() -> str:
    """A family's id: 128 random bits, in hex."""
    return secrets.token_hex(16)


def dump(family: Family | None, aid: Aid, answers: dict, saved: dt.datetime | None = None,
         make_id: Callable[[], str] | None = None) -> str:
    """The family file with this aid's part replaced and every other part kept. A label that
    looks like a full name is not saved. A file saved for the first time gets its id from
    make_id, by default new_id (random; a test or a build passes its own)."""
    family = family or Family()
    family_id = family.id or (make_id or new_id)()
    saved_at = (saved or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat()
    answers = {k: v for k, v in answers.items() if k not in full_names(aid, answers)}
    label = answers.get("label") if isinstance(answers.get("label"), str) else ""
    parts = dict(family.kept)
    parts.update({aid_id: {"version": part.version, "saved": part.saved, "answers": part.answers}
                  for aid_id, part in family.parts.items()})
    shared = {name: {"version": part.version, "saved": part.saved, "answers": part.answers}
              for name, part in family.shared.items()}
    shared.update(family.kept_shared)
    own = dict(answers)
    for name in aid.parts:  # this aid asked the shared part: what it holds now is the part
        keys = shared_part(name).keys
        typed = {k: v for k, v in answers.items() if k in keys}
        # A part that could not be read stays as it was, unless this aid filled it in anew.
        if typed or name not in family.kept_shared:
            before = family.shared.get(name)
            shared[name] = {"version": shared_part(name).version,
                            "saved": _when(before, typed, saved_at), "answers": typed}
        own = {k: v for k, v in own.items() if k not in keys}
    # A part says when its answers last changed, or when it last took in choices another aid
    # added (so a choice taken away here stays away); an aid with nothing typed adds no part.
    if own or aid.id in family.parts:
        mine = family.parts.get(aid.id)
        joined = any(_joined(family, aid, link, key, [])[0] for link in links()
                     if link.mode == "join" for target, key in link.targets if target == aid.id)
        parts[aid.id] = {"version": aid.version,
                         "saved": saved_at if joined else _when(mine, own, saved_at),
                         "answers": own}
    label = label or family.label
    data = {"format": FORMAT, "version": VERSION, **({"id": family_id} if family_id else {}),
            "label": "" if looks_like_full_name(label) else label,
            "saved": saved_at, "aids": dict(sorted(parts.items()))}
    data.update({shared_part(name).part: part for name, part in sorted(shared.items())})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _when(before: Part | None, answers: dict, now: str) -> str:
    """When a part was saved: its old moment if its answers did not change, else now."""
    return before.saved if before and before.saved and before.answers == answers else now


def file_name(content: str) -> str:
    """Download name of a family file: the word for it, the label as a slug and the moment saved
    (the page's own clock), e.g. gezinsdossier-gezin-b-2027-03-01-143005.json, so each save has a
    name of its own. A label that looks like a full name is left out."""
    data = json.loads(content)
    label = str(data.get("label", ""))
    return named(text("family.file_name"), "" if looks_like_full_name(label) else label,
                 str(data.get("saved", ""))) + ".json"


def named(word: str, label: str, moment: str) -> str:
    """A download name without its extension: a word, the label as a slug and the moment
    (ISO 8601) as date and time: "gezinsdossier-gezin-b-2027-03-01-143005"."""
    folded = unicodedata.normalize("NFKD", label)
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower())
    stamp = re.sub(r"[^0-9]", "", moment[:19])
    when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}-{stamp[8:14]}" if len(stamp) == 14 else ""
    parts = [word, slug.strip("-")[:40].strip("-"), when]
    return "-".join(part for part in parts if part)


def load_text(content: str) -> tuple[Family, list[str]]:
    """Parse a family file (its limits checked before parsing, as for a single file)."""
    data = answers_file.parse_json(content)
    if not is_family(data):
        raise answers_file.FileError(text("files.not_ours"))
    return parse(data)
