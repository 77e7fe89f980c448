"""The checks every text a user reads must pass, for pages and aids alike: Dutch spelling
(hunspell-nl with the reviewed word list), no run of 8 words shared with a source, sentences of
at most 25 words, no sentence said twice in one place, no doubled words."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from paths import ROOT

WORD_LIST = ROOT / "tests" / "data" / "woordenlijst.txt"
MAX_WORDS = 25
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'’][A-Za-zÀ-ÿ0-9]+)*")


def reviewed_words() -> set[str]:
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def unknown_words(texts: list[str], tmp_path: Path) -> list[str]:
    """Words hunspell-nl does not know and the reviewed list does not hold."""
    hunspell = shutil.which("hunspell")
    assert hunspell, "hunspell ontbreekt: 'make test' installeert het"
    words = {w for t in texts for w in _WORD.findall(t)}
    listing = tmp_path / "woorden.txt"
    listing.write_text("\n".join(sorted(words)), encoding="utf-8")
    out = subprocess.run([hunspell, "-d", "nl_NL", "-l", str(listing)], capture_output=True,
                         text=True, check=True)
    return sorted(set(out.stdout.split()) - reviewed_words())


def sentences(text: str) -> list[str]:
    """The sentences of a text: stretches that end in . ! or ?. A heading, a label, a list of
    names or a table cell without end punctuation is not a sentence."""
    found = []
    for match in re.finditer(r"[^\n]*?(?<!\b[A-Z])(?<!\bz\.j)(?<!\bbijv)(?<!\b[Aa]rt)(?<!\bo\.a)"
                             r"(?<!\bnr)[.!?](?=\s|$)", text):
        sentence = match.group(0).strip()
        if sentence:
            found.append(sentence)
    return found


# A citation in brackets, "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023)", is a reference,
# not part of the sentence a reader has to follow.
_CITATION = re.compile(r"\s*\([^()]*(?:\b\d{4}\b|z\.j\.)[^()]*\)")


def long_sentences(text: str, limit: int = MAX_WORDS) -> list[str]:
    return [s for s in sentences(_CITATION.sub("", text)) if len(_WORD.findall(s)) > limit]


def repeated_sentences(text: str) -> list[str]:
    seen, twice = set(), []
    for sentence in sentences(_CITATION.sub("", text)):
        key = sentence.lower().rstrip(".!?")
        if len(key.split()) >= 3 and key in seen:
            twice.append(sentence)
        seen.add(key)
    return twice


_DOUBLE = re.compile(r"\b(\w+(?: \w+)?)[ \t:]+\1\b", re.IGNORECASE)
# Doubles Dutch grammar allows ("dat dat", "die die", "als je je zorgen maakt").
_ALLOWED = {"dat", "die", "je"}


def doubled_words(text: str) -> list[str]:
    return [m.group(0) for m in _DOUBLE.finditer(text)
            if m.group(1).lower() not in _ALLOWED and not m.group(1).isdigit()]
