"""Whether a typed label looks like a person's full name: such a label is never saved, put in a
file name or shown in a document. The tussenvoegsels come from the content
(content/data/interface.toml, names)."""

from __future__ import annotations

import re
from functools import cache

from .texts import text


# A word of letters, perhaps with a hyphen or an apostrophe inside ("Anne-Marie", "D'Souza").
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@cache
def _tussenvoegsels() -> frozenset[str]:
    return frozenset(text("names.tussenvoegsels").split())


def looks_like_full_name(value: object) -> bool:
    """A capitalised word or initial, then a capitalised word of at least three letters, perhaps
    with tussenvoegsels from the content between them: "Jan Jansen", "Gezin de Vries",
    "JAN JANSEN", "J. Jansen", "Łukasz Nowak". A letter ("gezin B.") or a role ("moeder") is
    not a name."""
    if not isinstance(value, str):
        return False
    words = list(_WORD.finditer(value[:1000]))
    for i, first in enumerate(words):
        if not first.group()[0].isupper():
            continue
        initial = len(first.group()) == 1
        if initial and not value.startswith(".", first.end()):
            continue
        end = first.end()
        for word in words[i + 1:]:
            gap = value[end:word.start()].strip()
            if gap and not (initial and gap == "."):  # white space, or the dot of an initial
                break
            name = word.group()
            if name.lower() in _tussenvoegsels():
                end, initial = word.end(), False
            elif name[0].isupper() and len(name) >= 3:
                return True
            elif name[0].isupper() and len(name) == 1 and value.startswith(".", word.end()):
                end, initial = word.end(), True  # initials: "J.J. Jansen"
            else:
                break
    return False
