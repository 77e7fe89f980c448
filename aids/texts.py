"""The words of the interface, read from aids/content/data/interface.toml and, for the trainers'
pages, training.toml (whose lists of rows are data, read by aids.catalogue).

Code asks for a text by its dotted key and fills in the {placeholders}; it never holds a Dutch
sentence itself. An unknown key or placeholder is a programming error and raises KeyError.
"""

from __future__ import annotations

import re
from functools import cache

from .schema import CONTENT_DIR, DefinitionError, authoring, read_toml

PATHS = (CONTENT_DIR / "data" / "interface.toml", CONTENT_DIR / "data" / "training.toml")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@cache
def table() -> dict[str, str]:
    """Every text by its dotted key ("errors.required")."""
    flat: dict[str, str] = {}

    def walk(path, prefix: str, node: dict) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(path, name, value)
            elif isinstance(value, list) and not prefix:
                continue  # rows of data, not words (training.toml's overview rows)
            elif isinstance(value, str) and value.strip() and name not in flat:
                flat[name] = value
            else:
                raise DefinitionError(path, None, authoring("texts.not_new", name=name))

    for path in PATHS:
        walk(path, "", read_toml(path)[1])
    return flat


def text(name: str, /, **values: object) -> str:
    """The text called name, with its placeholders filled in."""
    return fill(table()[name], values)


def counted(name: str, /, count: int, **values: object) -> str:
    """A text about a number of things: `<name>_one` when there is one and the content has that
    text ("Er is nog 1 probleem"), else `name` ("Er zijn nog 3 problemen")."""
    one = f"{name}_one"
    return text(one if count == 1 and one in table() else name, count=count, **values)


def fill(template: str, values: dict[str, object]) -> str:
    """Fill {name} placeholders; a missing value raises KeyError."""
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


def shorten(value: str, limit: int = 40) -> str:
    """Text from outside (a key, a choice, a title in a file) as it may be echoed in a message:
    at most limit characters, control characters and lone surrogates replaced, so a hostile
    file can neither fill nor steer the screen."""
    value = _UNPRINTABLE.sub("\N{REPLACEMENT CHARACTER}", value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def group(name: str) -> dict[str, str]:
    """The texts of one table, by their short key (for the page's script)."""
    prefix = f"{name}."
    return {key[len(prefix):]: value for key, value in table().items() if key.startswith(prefix)}


# Why a page refuses a file before Python reads it: the problems runtime.js's readFile returns.
FILE_PROBLEMS = ("too_big", "too_deep", "number_too_long", "too_many_items", "not_utf8",
                 "unreadable")


def file_problems() -> dict[str, str]:
    """The words for those problems, as file_<problem>, for a page that opens files."""
    return {f"file_{key}": text(f"files.{key}") for key in FILE_PROBLEMS}
