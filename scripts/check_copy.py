"""Find runs of 8 or more consecutive words that a text shares with a seed document.

    python scripts/check_copy.py FILE...       report copied runs in Markdown or HTML files
    python scripts/check_copy.py --update      remake the fingerprints from ../shared/seeds

The content rule: facts carry over from the sources, their sentences do not. The check works
from a file of fingerprints kept in the repository (a short hash of every run of 8 words of the
sources, never the words themselves), so it runs in any clean clone; the sources themselves are
only needed to remake that file.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = ROOT / "tests" / "data" / "seed-fingerprints.txt"
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


def fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def seed_fingerprints(seeds: Path = SEEDS) -> dict[str, str]:
    """Fingerprint -> seed file name, made from the source texts."""
    found: dict[str, str] = {}
    for seed in sorted(seeds.glob("*.txt")):
        for run in runs(words(seed.read_text(encoding="utf-8"))):
            found.setdefault(fingerprint(run), seed.name)
    return found


@cache
def seed_runs(path: Path = FINGERPRINTS) -> dict[str, str]:
    """The committed fingerprints: fingerprint -> seed file name."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split(" ", 1) for line in lines if line and not line.startswith("#"))


def copied(text: str, seeds: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """The shared runs in text, each as (words, seed file name)."""
    seeds = seed_runs() if seeds is None else seeds
    return sorted({(" ".join(run), seeds[key]) for run in runs(words(text))
                   if (key := fingerprint(run)) in seeds})


def update() -> int:
    if not SEEDS.is_dir():
        print(f"{SEEDS} ontbreekt: de vingerafdrukken blijven zoals ze zijn.")
        return 1
    found = seed_fingerprints()
    lines = ["# sha256 (16 hex) for each run of 8 words in the source documents, with its file.",
             "# Made by: python scripts/check_copy.py --update (needs ../shared/seeds)."]
    lines += [f"{key} {name}" for key, name in sorted(found.items())]
    FINGERPRINTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{FINGERPRINTS}: {len(found)} vingerafdrukken")
    return 0


def main(paths: list[str]) -> int:
    if paths == ["--update"]:
        return update()
    seeds = seed_runs()
    bad = 0
    for path in paths:
        for run, seed in copied(Path(path).read_text(encoding="utf-8"), seeds):
            print(f"{path}: '{run}' staat ook in {seed}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
