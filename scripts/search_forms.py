"""Singular and plural alike in the site's search.

Material's search (lunr, in the browser) matches the words typed as prefixes: "terugplaatsingen"
found nothing while "terugplaatsing" found 99 pages, "bezoeken" 10 against 37 for "bezoek". Its
Dutch stemmer is no cure: it stems the index but not a word typed (Material ends that word with a
wildcard, and lunr leaves such words unstemmed), so "terugplaatsing" found nothing at all. Of
the 70 queries of tests/data/search.toml, 32 found their page first with the stemmer, 53 with
Material's search as it comes, 65 with the forms below and 69 when common words lose their
wildcard as well (Chromium, December 2026).

So the build adds, to every entry of the search index, the other forms of its words: the plural
of a singular and the singular of a plural, by the regular Dutch rules ("bezoek" and
"bezoeken", "plan" and "plannen", "jaar" and "jaren", "ouder" and "ouders", "heid" and
"heden"). They go into fields of their own ("text_forms", …) that lunr indexes but the theme
never shows, with half the weight of the field they come from, so a page that uses the word a
professional typed still comes first. A rule may make a word that does not exist; nobody types
it, so it is never found.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

FIELD = "forms"
FIELDS = ("title", "tags", "text")  # the index's own fields (Material's search plugin)
WEIGHT = 0.5  # of the field a form comes from: the word the page uses itself wins
LOW = 0.01  # entries boosted below this (material for trainers) get no forms
VOWELS = set("aeiouy")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-zà-ÿ]+")
MIN_LENGTH = 4  # shorter words are mostly function words


def _doubled(word: str) -> bool:
    """Ends in one vowel and one consonant after a consonant ("plan", "gezin")."""
    return (len(word) >= 3 and word[-1] not in VOWELS and word[-2] in VOWELS
            and word[-3] not in VOWELS)


def forms(word: str) -> set[str]:
    """The other forms of a word: its singular if it looks plural, its plurals if singular."""
    found: set[str] = set()
    if len(word) < MIN_LENGTH:
        return found
    # Plural to singular.
    if word.endswith("heden"):
        found.add(word[:-5] + "heid")
    elif word.endswith("en") and len(word) >= 5:
        base = word[:-2]
        found |= {base, word[:-1]}  # bezoeken, terugplaatsingen, besluiten; jongeren, ziekten
        if base[-1] == base[-2] and base[-1] not in VOWELS:
            found.add(base[:-1])  # plannen, gezinnen, zussen
        elif _doubled(base):
            found.add(base[:-1] + base[-2] + base[-1])  # jaren, vragen, uren
        if base[-1] in "zv":
            found.add(base[:-1] + {"z": "s", "v": "f"}[base[-1]])  # huizen, brieven
    if word.endswith("s") and not word.endswith(("ss", "'s")) and len(word) > 4:
        found.add(word[:-1])  # ouders, teams, evaluaties
    # Singular to plural.
    if word.endswith("heid"):
        found.add(word[:-4] + "heden")
    elif word.endswith("e"):
        found |= {word + "n", word + "s"}  # jongere, evaluatie
    elif not word.endswith("en"):
        found |= {word + "en", word + "s"}
        if _doubled(word):
            found.add(word + word[-1] + "en")  # plan, gezin
        if word[-2] == word[-3] and word[-2] in VOWELS and word[-1] not in VOWELS:
            found.add(word[:-2] + word[-1] + "en")  # jaar, uur, vraag
        if word[-1] in "sf" and word[-2] in VOWELS:
            found.add(word[:-1] + {"s": "z", "f": "v"}[word[-1]] + "en")  # huis, brief
    found.discard(word)
    return found


def _words(value: object) -> set[str]:
    text = " ".join(value) if isinstance(value, list) else str(value or "")
    return set(_WORD.findall(_TAG.sub(" ", text).lower()))


def _begins(form: str, own: list[str]) -> bool:
    """Whether a word of the entry (sorted) begins with the form."""
    at = bisect.bisect_left(own, form)
    return at < len(own) and own[at].startswith(form)


def entry_forms(entry: dict) -> dict[str, str]:
    """Per field of an entry (title, tags, text), the forms of its words that the entry does not
    hold itself, sorted. Search ends every word typed with a wildcard, so a form with which a
    word of the entry begins ("bezoek" of "bezoeken") would find nothing new: it is left out."""
    own = sorted(set().union(*(_words(entry.get(field)) for field in FIELDS)))
    found = {}
    for field in FIELDS:
        extra = {f for w in _words(entry.get(field)) for f in forms(w) if not _begins(f, own)}
        if extra:
            found[f"{field}_{FIELD}"] = " ".join(sorted(extra))
    return found


def with_forms(index: dict) -> dict:
    """The search index with the forms of each entry's words, in fields searched but not shown,
    each weighing half of the field it comes from. Material for trainers (which ranks far below
    the guidance) gets none, to keep the offline zip small."""
    fields = index["config"]["fields"]
    for field in FIELDS:
        fields[f"{field}_{FIELD}"] = {"boost": fields[field]["boost"] * WEIGHT}
    for entry in index["docs"]:
        if entry.get("boost", 1) >= LOW:
            entry.update(entry_forms(entry))
    return index


# Material's search ends every word typed with a wildcard (its worker's query function), also a
# word it never indexes because it is too common. Such a word then matches every word it starts:
# "voor" in "wat doet de raad voor de kinderbescherming" matched "voorlopige", which put "Begin en
# einde van een maatregel" first, and "van" in "signalen van terugval" matched "vandaan" in the
# disclaimer. These words stay in the query without the wildcard, so the index's stop word filter
# drops them. The list of words is the one the index leaves out (lunr's Dutch stop words).
WILDCARD = "map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`)"
NO_WILDCARD = "map(r=>/(^[+-]|[~^]\\d+$)/.test(r)||self.__twStop.has(r.toLowerCase())?r:`${r}*`)"
_STOP_WORDS = re.compile(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)')


def patch_worker(site: Path) -> None:
    """Material's search worker, with the common words of the Dutch index left without a
    wildcard. Fails the build when Material's worker is not the one this was written for."""
    scripts = site / "assets" / "javascripts"
    stop = _STOP_WORDS.search((scripts / "lunr" / "min" / "lunr.nl.min.js").read_text("utf-8"))
    workers = sorted((scripts / "workers").glob("search.*.min.js"))
    if not stop or len(workers) != 1:
        raise ValueError("search: lunr's Dutch stop words or Material's search worker not found")
    worker = workers[0].read_text(encoding="utf-8")
    if worker.count(WILDCARD) != 1:
        raise ValueError(f"search: {workers[0].name} does not end words with a wildcard as "
                         "expected; check scripts/search_forms.py against this Material version")
    words = json.dumps(stop.group(1).split())
    patched = f"self.__twStop=new Set({words});" + worker.replace(WILDCARD, NO_WILDCARD)
    workers[0].write_text(patched, encoding="utf-8")


def rewrite(site: Path) -> None:
    """Add the forms to the built site's search index, both as the JSON the page fetches over
    http and as the script the offline plugin made of it for file://; and leave common words
    without a wildcard in the search worker."""
    patch_worker(site)
    search = site / "search"
    data = with_forms(json.loads((search / "search_index.json").read_text(encoding="utf-8")))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (search / "search_index.json").write_text(text, encoding="utf-8")
    script = search / "search_index.js"
    if script.is_file():
        script.write_text(f"var __index = {text}", encoding="utf-8")
