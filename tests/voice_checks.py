"""The checks a family's version passes on top of every text's checks (issue 22): how easy it reads
(Flesch-Douma), no word families do not know without an explanation in the same sentence, no
line addressed to the professional, no label said twice. Used by tests/test_voices.py."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from paths import ROOT

HARD_WORDS = ROOT / "tests" / "data" / "moeilijke-woorden.toml"
# The readability measured in this run, per (aid, reader): (score, sentences). tests/conftest.py
# prints it at the end of the run.
SCORES: dict[tuple[str, str], tuple[float, int]] = {}

# Readability --------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:[-'’][A-Za-zÀ-ÿ]+)*|\d+")
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_DIAERESIS = set("äëïöü")  # "geïnteresseerd", "ruïne": a new syllable begins


def syllables(word: str) -> int:
    """Dutch syllables, counted as groups of vowels: "ij" is one vowel, a diaeresis starts a new
    group, a number counts as one syllable per digit (as it is read: "twaalf" is close enough)."""
    if word.isdigit():
        return len(word)
    letters = word.lower().replace("ij", "y")
    count, before = 0, False
    for char in letters:
        vowel = char in _VOWELS
        if vowel and (not before or char in _DIAERESIS):
            count += 1
        before = vowel
    return max(count, 1)


def prose(text: str) -> list[str]:
    """The sentences of a text that end in . ! or ?: headings, labels and dates are left out."""
    found = []
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?])\s+", line.strip()):
            if part.endswith((".", "!", "?")) and _WORD.search(part):
                found.append(part)
    return found


def flesch_douma(text: str) -> float:
    """Flesch reading ease for Dutch (Douma, 1960): 206.84 - 0.77 x syllables per 100 words
    - 0.93 x words per sentence. Higher is easier; 60-70 is plain language, 80+ is easy."""
    sentences = prose(text)
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        return 100.0
    per_hundred = 100 * sum(syllables(w) for w in words) / len(words)
    return 206.84 - 0.77 * per_hundred - 0.93 * len(words) / len(sentences)


# Words families do not know -------------------------------------------------------------

@cache
def hard_words() -> dict[str, tuple[str, ...]]:
    raw = tomllib.loads(HARD_WORDS.read_text(encoding="utf-8"))["words"]
    return {word: tuple(explanations) for word, explanations in raw.items()}


def _pattern(word: str) -> re.Pattern:
    if word.isupper():  # an abbreviation: only in capitals, as a word of its own
        return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return re.compile(rf"(?<![\w-]){re.escape(word)}[\w-]*", re.IGNORECASE)


# What may follow a word that explains it, and what may come before it.
_AFTER = re.compile(r"^\)?\s*(?::|\(|, dat is|, dat betekent|, dus\b| betekent| wil zeggen)"
                    r"|^[^.:?!]*: \S", re.IGNORECASE)
_BEFORE = re.compile(r"(?:\bheet(?: een| de| het)?|\bnoemen we(?: een| de| het)?)\s*$",
                     re.IGNORECASE)


def _explained(sentence: str, match: re.Match, explanations: tuple[str, ...]) -> bool:
    before, after = sentence[:match.start()], sentence[match.end():]
    if _AFTER.match(after) or _BEFORE.search(before):
        return True
    if before.endswith("(") and after.startswith(")"):  # "Geestelijke gezondheidszorg (GGZ)"
        return True
    return any(e.lower() in sentence.lower() for e in explanations)


def sentences_of(text: str) -> list[str]:
    """Every line, split into its sentences: a heading or a label is a sentence too."""
    return [part for line in text.splitlines() if line.strip()
            for part in re.split(r"(?<=[.!?])\s+", line.strip()) if part]


def unexplained(text: str) -> list[tuple[str, str]]:
    """(word, sentence) for each word of the list used without an explanation in its sentence."""
    found = []
    for sentence in sentences_of(text):
        for word, explanations in hard_words().items():
            for match in _pattern(word).finditer(sentence):
                if not _explained(sentence, match, explanations):
                    found.append((word, sentence))
    return found


# Lines addressed to the professional --------------------------------------------------------

# What a professional is told to do, at the start of a sentence: never in a family's version.
_PROFESSIONAL_VERBS = {
    "bespreek", "overleg", "zoek", "leg", "schakel", "meld", "volg", "betrek", "zet", "spreek",
    "noteer", "schrijf", "loop", "evalueer", "plan", "regel", "wijs", "zorg", "maak", "kies",
    "stel", "neem", "werk", "houd", "koppel", "bouw", "breid", "vul", "open",
}
# Words that only the professional's version uses about its reader, or about the aid itself.
_PROFESSIONAL_WORDS = re.compile(
    r"\b(?:je gedragswetenschapper|je organisatie|je leidinggevende|jouw organisatie|jouw regio|"
    r"advies van Thuiswijzer|Thuiswijzer|Wat je hier doet)\b", re.IGNORECASE)
# Parents are "jullie": a "je", "jij" or "u" in their version speaks to someone else.
_SINGULAR = re.compile(r"\b(?:je|jij|jou|jouw|u|uw)\b", re.IGNORECASE)


def professional_lines(text: str, parents: bool) -> list[str]:
    """Sentences that speak to the professional: an instruction, the professional's words, or
    (in the parents' version) a "je" instead of "jullie"."""
    found = []
    for sentence in sentences_of(text):
        first = re.match(r"[\W\d]*(\w+)", sentence)
        if first and first.group(1).lower() in _PROFESSIONAL_VERBS:
            found.append(sentence)
        elif _PROFESSIONAL_WORDS.search(sentence):
            found.append(sentence)
        elif parents and _SINGULAR.search(sentence):
            found.append(sentence)
    return found


def doubled_label(label: str, text: str) -> bool:
    """A row that says its label twice: "Wat helpt: Wat helpt: ..."."""
    words = re.findall(r"\w+", label.lower())[:3]
    return bool(words) and re.findall(r"\w+", text.lower())[:len(words)] == words
