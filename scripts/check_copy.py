"""Find runs of 8 or more consecutive words that a text shares with a seed document.

    python scripts/check_copy.py FILE...       report copied runs in Markdown or HTML files

The content rule: facts carry over from the sources, their sentences do not.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8
# Proper names that may be quoted whole (lower case, words joined by single spaces).
NAMES = (
    "parent child interaction therapy",
    "parent management training oregon",
    "richtlijn uithuisplaatsing en terugplaatsing",
    "samen voor opvoedperspectief",
    "wat kan ik doen om uithuisplaatsing te voorkomen",
    "snelle terugplaatsing na een uithuisplaatsing het kan wel",
    "samenwerken aan terug naar huis",
)
_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    joined = " ".join(_WORD.findall(re.sub(r"<[^>]+>", " ", text).lower()))
    for name in NAMES:
        joined = joined.replace(name, " ")
    return joined.split()


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


def seed_runs() -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        for run in runs(words(seed.read_text(encoding="utf-8"))):
            found.setdefault(run, seed.name)
    return found


def copied(text: str, seeds: dict[tuple[str, ...], str]) -> list[tuple[str, str]]:
    """The shared runs in text, each as (words, seed file name)."""
    return sorted({(" ".join(run), seeds[run]) for run in runs(words(text)) if run in seeds})


def main(paths: list[str]) -> int:
    seeds = seed_runs()
    bad = 0
    for path in paths:
        for run, seed in copied(Path(path).read_text(encoding="utf-8"), seeds):
            print(f"{path}: '{run}' staat ook in {seed}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
