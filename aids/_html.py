"""A tiny HTML builder that escapes every string unless it is marked as Markup.

Typed text reaches HTML only through this module, so escaping cannot be forgotten.
"""

from __future__ import annotations

from html import escape

# Elements that have no closing tag.
_VOID = frozenset({"br", "hr", "input", "img", "meta", "link"})


class Markup(str):
    """A string that is already safe HTML."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """Escape any value for use as HTML text or attribute value."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(str(value), quote=True))


def h(tag: str, attrs: dict[str, object] | None = None, *children: object) -> Markup:
    """Build one element. Attribute values and string children are escaped.

    An attribute whose value is None or False is left out; True gives a bare attribute.
    Children may be strings, Markup, None (skipped) or nested lists of those.
    """
    parts = [f"<{tag}"]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{esc(value)}"')
    parts.append(">")
    if tag in _VOID:
        return Markup("".join(parts))
    parts.append(join(children))
    parts.append(f"</{tag}>")
    return Markup("".join(parts))


def join(children: object) -> Markup:
    """Concatenate children (flattening lists), escaping plain strings."""
    out: list[str] = []

    def walk(item: object) -> None:
        if item is None or item is False:
            return
        if isinstance(item, (list, tuple)):
            for sub in item:
                walk(sub)
        else:
            out.append(esc(item))

    walk(children)
    return Markup("".join(out))
