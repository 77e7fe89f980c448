"""The words of the interface, read from aids/content/data/interface.toml.

Code asks for a text by its dotted key and fills in the {placeholders}; it never holds a Dutch
sentence itself. An unknown key or placeholder is a programming error and raises KeyError.
"""

from __future__ import annotations

import re
from functools import cache

from .schema import CONTENT_DIR, DefinitionError, read_toml

PATH = CONTENT_DIR / "data" / "interface.toml"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@cache
def table() -> dict[str, str]:
    """Every text by its dotted key ("errors.required")."""
    _, raw = read_toml(PATH)
    flat: dict[str, str] = {}

    def walk(prefix: str, node: dict) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(name, value)
            elif isinstance(value, str) and value.strip():
                flat[name] = value
            else:
                raise DefinitionError(PATH, None, f"'{name}' moet een niet-lege tekst zijn")

    walk("", raw)
    return flat


def text(name: str, /, **values: object) -> str:
    """The text called name, with its placeholders filled in."""
    return fill(table()[name], values)


def fill(template: str, values: dict[str, object]) -> str:
    """Fill {name} placeholders; a missing value raises KeyError."""
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


def group(name: str) -> dict[str, str]:
    """The texts of one table, by their short key (for the page's script)."""
    prefix = f"{name}."
    return {key[len(prefix):]: value for key, value in table().items() if key.startswith(prefix)}
