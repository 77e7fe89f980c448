"""Reading content files: TOML with errors that name the file, the line and the reason.

Both the aid loader (definition.py) and the shared data (catalogue.py) use this module, so a
broken content file fails the build the same way everywhere. The reasons are written for
content authors, in content/data/authoring.toml.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).parent / "content"
AUTHORING = CONTENT_DIR / "data" / "authoring.toml"


@cache
def _authoring() -> dict[str, dict[str, str]]:
    return tomllib.loads(AUTHORING.read_text(encoding="utf-8"))


def authoring(key: str, /, **values: object) -> str:
    """A reason for content authors by its dotted key ("schema.not_table"), its {names} filled
    in. Read with tomllib alone: the reason for a file that is no valid TOML comes from here."""
    group, _, name = key.partition(".")
    return _authoring()[group][name].format(**values)


class DefinitionError(Exception):
    """A content file breaks the schema. The message says file, line and reason."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason


class _Locator:
    """Finds the line of a table entry or key in the TOML source, for error messages."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        # Every table header as (line number, dotted name), in order.
        self.headers = [(n, m.group(1)) for n, line in enumerate(self.lines, start=1)
                        if (m := self._HEADER.match(line))]

    def line(self, path: tuple[object, ...], key: str | None = None) -> int | None:
        """Line of the entry at path, e.g. ("steps", 1, "questions", 0), or of key inside it."""
        start, end, name = 0, len(self.lines) + 1, ""
        parts = list(path)
        while parts:
            part = parts.pop(0)
            name = f"{name}.{part}" if name else str(part)
            if parts and isinstance(parts[0], int):
                position = parts.pop(0)
                entries = [n for n, nm in self.headers if nm == name and start < n < end]
                if position >= len(entries):
                    break
                start = entries[position]
                # An entry ends at the next header that is not one of its sub-tables.
                end = next((n for n, nm in self.headers
                            if start < n < end and not nm.startswith(name + ".")), end)
            elif not parts:
                # A plain table, such as [facts]: its own header.
                start = next((n for n, nm in self.headers if nm == name and start < n < end),
                             start)
        if key is not None:
            own_end = next((n for n, _ in self.headers if n > start), len(self.lines) + 1)
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for number in range(max(start, 1), min(own_end, end)):
                if pattern.match(self.lines[number - 1]):
                    return number
        return start or None


class Checker:
    """Checks parsed TOML tables against a schema; failures name file, line and reason."""

    def __init__(self, path: Path, text: str, schema: dict) -> None:
        self.path = path
        self.where = _Locator(text)
        self.schema = schema

    def fail(self, reason: str, at: tuple[object, ...] = (), key: str | None = None) -> None:
        raise DefinitionError(self.path, self.where.line(at, key), reason)

    def table(self, kind: str, data: object, at: tuple[object, ...], label: str) -> dict:
        if not isinstance(data, dict):
            self.fail(authoring("schema.not_table", label=label), at)
        required, optional = self.schema[kind]
        for key in data:
            if key not in required and key not in optional:
                self.fail(authoring("schema.unknown_field", key=key, label=label), at, key)
        for key, kind_type in required.items():
            if key not in data:
                self.fail(authoring("schema.missing_field", key=key, label=label), at)
        for key, value in data.items():
            wanted = required.get(key) or optional[key]
            if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
                types = authoring("schema.type_or").join(
                    t.__name__ for t in (wanted if isinstance(wanted, tuple) else (wanted,)))
                self.fail(authoring("schema.wrong_type", key=key, label=label, types=types), at,
                          key)
        return data


def read_toml(path: Path) -> tuple[str, dict]:
    """Read a content file; a syntax error names the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        raise DefinitionError(path, int(match.group(1)) if match else None,
                              authoring("schema.not_readable", format="TOML", error=error)) from None
