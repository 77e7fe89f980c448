"""Shared content data: the vocabulary, the intervention catalogue, the glossary, the sources,
the training cases (content/cases/) and the words of the training pages.

Each fact is written once, in aids/content/data/, and used by the guidance pages and the
aids alike. A missing or unknown field fails with the file, line and reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from .dates import format_date
from .schema import CONTENT_DIR, Checker, DefinitionError, read_toml
from .texts import table as texts_table
from .texts import text

DATA_DIR = CONTENT_DIR / "data"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = {"interventie": "Interventie", "hulpvorm": "Andere hulp"}

_SCHEMA = {
    "catalogue": ({"intervention": list}, {"reviewed": dt.date}),
    "intervention": (
        {"id": str, "name": str, "kind": str, "aim": str, "target_group": str,
         "concerns": list, "settings": list, "phases": list, "audience": list,
         "intensity": str, "duration": str, "description": str, "cautions": list, "sources": list,
         "rating": dict},
        # No age_min/age_max: the help does not depend on the child's age (help for a parent's
        # own problems, local help). requires: it only fits when one of these concerns is
        # chosen. general: general support, shown in its own group. parenting: a programme that
        # trains parenting or the parent-child interaction. together: parent and child take part
        # in the same sessions. intensive_home: intensive help at the family's home, as the NJi
        # describes it for families with many problems at once. contra: concerns or dangers
        # that rule it out, each with its reason and source.
        {"age_min": int, "age_max": int, "requires": list, "general": bool, "parenting": bool,
         "together": bool, "intensive_home": bool, "contra": list},
    ),
    # A contra-indication names concerns, dangers (keys of [dangers] in vocabulary.toml) or
    # both; any one of them rules the help out.
    "contra": ({"reason": str, "source": list}, {"concerns": list, "dangers": list}),
    "rating": ({"level": str, "date": str, "body": str}, {"note": str}),
    "glossary": ({"term": list}, {}),
    "sources": ({"kinds": dict, "source": list}, {}),
    "source": ({"key": str, "cite": str, "publisher": str, "title": str, "year": int, "kind": str},
               {"consulted": int, "url": str, "note": str, "authors": str, "issue": str}),
    "term": ({"term": str, "definition": str}, {}),
    "case": ({"id": str, "title": str, "summary": str, "phase": str, "concerns": list,
              "narrative": str, "aims": list, "questions": list, "sources": list,
              "answers": dict, "trainer": dict}, {"reviewed": dt.date, "veiligheid": dict}),
    "trainer": ({"note": str, "flags": list}, {}),
    "training": ({"case": dict, "library": dict, "worksheet": dict, "beamer": dict,
                  "overview": dict, "download": dict, "overview_results": list}, {}),
}
CASES_DIR = CONTENT_DIR / "cases"
# A key of a case's answers: an aid id; its value the answers that aid takes (checked against
# the aid at build time, where the aids are loaded).
AID_KEY = re.compile(r"^[a-z][a-z0-9-]*$")
# The group overview names result sections as "<aid>.<section id>"; a flag is a rule id.
DOTTED = re.compile(r"^[a-z][a-z0-9-]*[.][a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Vocabulary:
    phases: dict[str, str]
    settings: dict[str, str]
    concerns: dict[str, str]
    audiences: dict[str, str]
    # Every danger the shared safety step can name (and geweld_gaat_door, derived from it),
    # with the concerns a danger makes count.
    dangers: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Rating:
    level: str
    date: dt.date | None
    body: str
    note: str = ""


@dataclass(frozen=True)
class Contra:
    """A contra-indication: any of these concerns or dangers rules the help out."""

    concerns: tuple[str, ...]
    dangers: tuple[str, ...]
    reason: str  # with its source's short citation

    def applies(self, concerns: frozenset[str], dangers: frozenset[str]) -> bool:
        return bool(concerns & set(self.concerns) or dangers & set(self.dangers))


@dataclass(frozen=True)
class Intervention:
    id: str
    name: str
    kind: str
    aim: str
    target_group: str
    age_min: int | None  # None: not tied to the child's age
    age_max: int | None
    concerns: tuple[str, ...]
    settings: tuple[str, ...]
    phases: tuple[str, ...]
    audience: tuple[str, ...]  # for whom: keys of vocabulary().audiences
    intensity: str
    duration: str
    description: str
    cautions: tuple[str, ...]
    sources: tuple[str, ...]
    rating: Rating
    requires: tuple[str, ...] = ()  # fits only when one of these concerns is chosen
    general: bool = False  # general support, shown in its own group
    parenting: bool = False  # a parenting programme (the trauma caution applies)
    together: bool = False  # parent and child take part in the same sessions
    intensive_home: bool = False  # intensive help at home (NJi: for families with many problems)
    contra: tuple[Contra, ...] = ()  # what rules it out, with the reason

    @property
    def has_ages(self) -> bool:
        return self.age_min is not None

    def fits_age(self, age: int | None) -> bool:
        """Whether the help is meant for a child of this age. Help not tied to the child's age
        fits every age; an unknown age (None) is not held against any help."""
        return age is None or not self.has_ages or self.age_min <= age <= self.age_max


@dataclass(frozen=True)
class Source:
    key: str
    cite: str  # the short form a reader sees in the text
    publisher: str
    title: str
    year: int  # 0: no year of publication (z.j.)
    kind: str  # the group on the sources page
    consulted: int = 0
    url: str = ""
    note: str = ""
    authors: str = ""  # as in a reference list, for articles and reports with named authors
    issue: str = ""  # volume, issue and pages of a journal article


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


@cache
def vocabulary() -> Vocabulary:
    path = DATA_DIR / "vocabulary.toml"
    _, raw = read_toml(path)
    for key in ("phases", "settings", "concerns", "audiences"):
        table = raw.get(key)
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise DefinitionError(path, None, f"tabel [{key}] ontbreekt of bevat geen teksten")
    dangers = raw.get("dangers")
    if not isinstance(dangers, dict) or not dangers or not all(
            isinstance(v, list) and set(v) <= set(raw["concerns"]) for v in dangers.values()):
        raise DefinitionError(path, None,
                              "tabel [dangers] ontbreekt of noemt zorgen die niet bestaan")
    return Vocabulary(raw["phases"], raw["settings"], raw["concerns"], raw["audiences"],
                      {key: tuple(value) for key, value in dangers.items()})


@cache
def interventions() -> tuple[Intervention, ...]:
    path = DATA_DIR / "interventions.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    raw = cite_all(check, raw)
    check.table("catalogue", raw, (), "de catalogus")
    words = vocabulary()
    found: list[Intervention] = []
    for i, entry in enumerate(raw["intervention"]):
        at = ("intervention", i)
        item = check.table("intervention", entry, at, f"interventie {i + 1}")
        rating = check.table("rating", item["rating"], at, f"rating van '{item['id']}'")
        if not SLUG.match(item["id"]) or item["id"] in {x.id for x in found}:
            check.fail(f"id '{item['id']}' is ongeldig of dubbel", at, "id")
        if item["kind"] not in KINDS:
            check.fail(f"kind moet een van {sorted(KINDS)} zijn", at, "kind")
        ages = (item.get("age_min"), item.get("age_max"))
        if (None in ages and ages != (None, None)) or (
                None not in ages and not 0 <= ages[0] <= ages[1] <= 25):
            check.fail("leeftijden: allebei weg, of 0 ≤ age_min ≤ age_max ≤ 25", at, "age_min")
        contra = []
        for raw_contra in item.get("contra", []):
            found_contra = check.table("contra", raw_contra, at, f"contra van '{item['id']}'")
            named = (found_contra.get("concerns", []), found_contra.get("dangers", []))
            if not any(named) or not set(named[0]) <= set(words.concerns) \
                    or not set(named[1]) <= set(words.dangers):
                check.fail("contra noemt geen of onbekende zorgen of gevaren", at, "contra")
            if not found_contra["source"]:
                check.fail("contra noemt de bron van de reden", at, "contra")
            reason = with_citation(check, found_contra["reason"], found_contra["source"], at)
            contra.append(Contra(tuple(named[0]), tuple(named[1]), reason))
        if not set(item.get("requires", [])) <= set(item["concerns"]):
            check.fail("requires noemt alleen zorgen uit concerns", at, "requires")
        for key, allowed in (("concerns", words.concerns), ("settings", words.settings),
                             ("phases", words.phases), ("audience", words.audiences)):
            values = item[key]
            unknown = [v for v in values if v not in allowed]
            if not values or unknown:
                check.fail(f"{key} is leeg of bevat onbekende waarden {unknown}", at, key)
        for key in ("cautions", "sources"):
            if not all(isinstance(v, str) and v for v in item[key]):
                check.fail(f"{key} moet een lijst met teksten zijn", at, key)
        if not item["sources"]:
            check.fail("elke interventie heeft minstens één bron", at, "sources")
        unknown = [key for key in item["sources"] if key not in sources()]
        if unknown:
            check.fail(f"onbekende bron {unknown}: gebruik een sleutel uit sources.toml", at,
                       "sources")
        date = None
        if rating["date"]:
            try:
                date = dt.date.fromisoformat(rating["date"])
            except ValueError:
                check.fail(f"datum '{rating['date']}' is geen jjjj-mm-dd", at, "date")
        found.append(Intervention(
            id=item["id"], name=item["name"], kind=item["kind"], aim=item["aim"],
            target_group=item["target_group"], age_min=ages[0], age_max=ages[1],
            concerns=tuple(item["concerns"]), settings=tuple(item["settings"]),
            phases=tuple(item["phases"]), audience=tuple(item["audience"]),
            intensity=item["intensity"], duration=item["duration"],
            description=item["description"], cautions=tuple(item["cautions"]),
            sources=tuple(item["sources"]),
            rating=Rating(rating["level"], date, rating["body"], rating.get("note", "")),
            requires=tuple(item.get("requires", [])), general=item.get("general", False),
            parenting=item.get("parenting", False), together=item.get("together", False),
            intensive_home=item.get("intensive_home", False), contra=tuple(contra),
        ))
    return tuple(found)


@cache
def glossary() -> tuple[Term, ...]:
    path = DATA_DIR / "glossary.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    check.table("glossary", raw, (), "de begrippenlijst")
    terms: list[Term] = []
    for i, entry in enumerate(raw["term"]):
        item = check.table("term", entry, ("term", i), f"begrip {i + 1}")
        if any(t.term == item["term"] for t in terms):
            check.fail(f"begrip '{item['term']}' staat er dubbel in", ("term", i), "term")
        if "\n" in item["definition"] or '"' in item["definition"]:
            check.fail("een uitleg is één regel zonder dubbele aanhalingstekens", ("term", i),
                       "definition")
        terms.append(Term(item["term"], item["definition"]))
    return tuple(terms)


@cache
def sources() -> dict[str, Source]:
    """Every source by its key, in the order of the file."""
    path = DATA_DIR / "sources.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    check.table("sources", raw, (), "de bronnenlijst")
    kinds = source_kinds()
    found: dict[str, Source] = {}
    for i, entry in enumerate(raw["source"]):
        at = ("source", i)
        item = check.table("source", entry, at, f"bron {i + 1}")
        if not SLUG.match(item["key"]) or item["key"] in found:
            check.fail(f"sleutel '{item['key']}' is ongeldig of dubbel", at, "key")
        if item["kind"] not in kinds:
            check.fail(f"kind moet een van {list(kinds)} zijn", at, "kind")
        if item.get("issue") and not item.get("authors"):
            check.fail("een artikel (met issue) noemt ook de auteurs", at, "issue")
        if "\n" in item.get("note", "") or '"' in item["title"]:
            check.fail("note is één regel; een titel heeft geen dubbele aanhalingstekens", at)
        if item["year"] == 0 and not item.get("consulted"):
            check.fail("een bron zonder jaar noemt het jaar waarin hij is geraadpleegd", at, "year")
        found[item["key"]] = Source(**item)
    return found


# Help that answers this concern is aimed at violence at home: it says who used violence or
# suffered it, so it stays with the professional, as the shared safety part does (kader.toml).
PRIVATE_CONCERN = "huiselijk_geweld"


def private(item: Intervention) -> bool:
    """Whether the help is for the professional's version only."""
    return PRIVATE_CONCERN in item.concerns


def rating_text(rating: Rating) -> str:
    """A rating in words: its level, with who gave it and when, where known."""
    parts = [rating.body] if rating.body else []
    if rating.date:
        parts.append(text("catalogue.rated_on", date=format_date(rating.date)))
    return f"{rating.level} ({', '.join(parts)})" if parts else rating.level


def reference(source: Source) -> str:
    """The full reference of a source: the same words on every page and in every aid. An article
    names its authors and the journal's volume, issue and pages; a note says what a reader must
    know about the source."""
    year = source.year or text("catalogue.undated", consulted=source.consulted)
    if source.authors:
        issue = f", {source.issue}" if source.issue else ""
        found = f"{source.authors} ({year}). {source.title}. {source.publisher}{issue}"
    else:
        found = text("catalogue.reference", publisher=source.publisher, title=source.title,
                      year=year)
    return f"{found}. {source.note}" if source.note else found


# Citations ---------------------------------------------------------------------------

_CITE = re.compile(r"\{@([a-z0-9-]+)\}")


def with_citation(check: Checker, text: str, keys: list, at: tuple[object, ...]) -> str:
    """Put the short citation of the sources at the end of the text's last sentence."""
    cite = "; ".join(cite_of(check, key, at) for key in keys)
    stripped = text.rstrip()
    if stripped.endswith("."):
        return f"{stripped[:-1]} ({cite})."
    return f"{stripped} ({cite})"


def cite_of(check: Checker, key: object, at: tuple[object, ...]) -> str:
    found = sources().get(key) if isinstance(key, str) else None
    if found is None:
        check.fail(f"onbekende bron '{key}' (zie data/sources.toml)", at, "source")
    return found.cite


def cite_all(check: Checker, node: object, at: tuple[object, ...] = (), table: str = "") -> object:
    """Replace every {@key} in the definition's texts by the source's short citation. `at` and
    `table` follow the TOML path, so an unknown key is reported on its own line."""
    if isinstance(node, str):
        return _CITE.sub(lambda m: f"({cite_of(check, m.group(1), at)})", node)
    if isinstance(node, list):
        return [cite_all(check, item, at + (i,) if isinstance(item, dict) else at)
                for i, item in enumerate(node)]
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            name = f"{table}.{key}" if table else key
            if isinstance(value, list):
                out[key] = cite_all(check, value, at + (name,))
            elif isinstance(value, dict) and not at:
                out[key] = cite_all(check, value, at, name)
            else:
                out[key] = cite_all(check, value, at, table)
        return out
    return node


@dataclass(frozen=True)
class Case:
    """A fictional case for training: roles only, never names."""

    id: str
    title: str
    summary: str
    phase: str  # a key of vocabulary().phases
    concerns: tuple[str, ...]  # keys of vocabulary().concerns
    narrative: str  # Markdown, rendered at build time with raw HTML off
    aims: tuple[str, ...]
    questions: tuple[str, ...]
    sources: tuple[str, ...]  # keys of sources()
    answers: dict  # aid id -> the answers this case gives to that aid
    # The trainer's note: what should come up in the discussion, and the ids of the rules with
    # `watch` the aids should draw for this case (no more, no fewer).
    note: str = ""
    flags: tuple[str, ...] = ()
    # The shared part on safety and the legal frame (the family file's "veiligheid"): every aid
    # the case opens in gets these answers too.
    safety: dict = field(default_factory=dict)
    reviewed: dt.date | None = None

    def answers_for(self, aid_id: str) -> dict:
        """The answers the aid gets: the shared part and its own."""
        return {**self.safety, **self.answers[aid_id]}


@cache
def cases() -> tuple[Case, ...]:
    """Every training case in content/cases/, ordered by phase, then by id."""
    words = vocabulary()
    known_sources = sources()
    found = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        text, raw = read_toml(path)
        check = Checker(path, text, _SCHEMA)
        item = check.table("case", cite_all(check, raw), (), "de casus")
        if item["id"] != path.stem or not SLUG.match(item["id"]):
            check.fail(f"id '{item['id']}' moet gelijk zijn aan de bestandsnaam", (), "id")
        if item["phase"] not in words.phases:
            check.fail(f"phase moet een van {sorted(words.phases)} zijn", (), "phase")
        unknown = [c for c in item["concerns"] if c not in words.concerns]
        if not item["concerns"] or unknown:
            check.fail(f"concerns is leeg of bevat onbekende waarden {unknown}", (), "concerns")
        for key in ("aims", "questions"):
            if len(item[key]) < 2 or not all(isinstance(v, str) and v for v in item[key]):
                check.fail(f"{key} moet minstens twee teksten hebben", (), key)
        missing = [key for key in item["sources"] if key not in known_sources]
        if not item["sources"] or missing:
            check.fail(f"sources is leeg of noemt onbekende bronnen {missing}", (), "sources")
        answers = item["answers"]
        if not answers or not all(AID_KEY.match(k) and isinstance(v, dict)
                                  for k, v in answers.items()):
            check.fail("answers heeft per hulpmiddel een tabel met antwoorden", (), "answers")
        trainer = check.table("trainer", item["trainer"], ("trainer",), "de notitie voor trainers")
        if not trainer["note"].strip() or not all(
                isinstance(f, str) and DOTTED.match(f) for f in trainer["flags"]):
            check.fail("trainer heeft een note en flags (regel-id's als 'hulpmiddel.regel')",
                       ("trainer",), "note")
        found.append(Case(
            id=item["id"], title=item["title"], summary=item["summary"], phase=item["phase"],
            concerns=tuple(item["concerns"]), narrative=item["narrative"],
            aims=tuple(item["aims"]), questions=tuple(item["questions"]),
            sources=tuple(item["sources"]), answers=answers, note=trainer["note"],
            flags=tuple(trainer["flags"]), safety=item.get("veiligheid", {}),
            reviewed=item.get("reviewed"),
        ))
    order = list(words.phases)
    return tuple(sorted(found, key=lambda c: (order.index(c.phase), c.id)))


@dataclass(frozen=True)
class Training:
    """What the group overview shows after an aid's answers: the result sections named
    ("aid.section"); and, as a call, the words of the trainers'
    pages (which aids.texts reads, like every other text)."""

    overview_results: tuple[str, ...]

    def __call__(self, table: str, key: str, **values: object) -> str:
        """One text, with {placeholders} filled in; without values, the template itself (for
        the page's script to fill)."""
        return text(f"{table}.{key}", **values) if values else texts_table()[f"{table}.{key}"]


@cache
def training() -> Training:
    path = DATA_DIR / "training.toml"
    text, raw = read_toml(path)
    check = Checker(path, text, _SCHEMA)
    data = check.table("training", raw, (), "de teksten voor trainers")
    if not all(isinstance(k, str) and DOTTED.match(k) for k in data["overview_results"]):
        check.fail("overview_results noemt secties als 'hulpmiddel.sectie'", (), "overview_results")
    return Training(tuple(data["overview_results"]))
@cache
def source_kinds() -> dict[str, str]:
    """The groups of the sources page, key -> heading, in the order of the file."""
    path = DATA_DIR / "sources.toml"
    _, raw = read_toml(path)
    kinds = raw.get("kinds")
    if not isinstance(kinds, dict) or not kinds or not all(
            isinstance(v, str) and v for v in kinds.values()):
        raise DefinitionError(path, None, "tabel [kinds] ontbreekt of bevat geen koppen")
    return kinds
