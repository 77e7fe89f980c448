"""What the rights part computes for its rules (aids/content/data/rechten.toml): the age of the
child the family's versions are for, as flags. Every word comes from that file."""

from __future__ import annotations

from .definition import Aid

# Under this age the young person's version is the short one, to read aloud; from it a young
# person has rights of their own in the procedures and the help.
OWN_RIGHTS = 12
# From this age a young person consents to voluntary help alone (art. 7.3.5 Jeugdwet).
ALONE = 16


def age(aid: Aid, values: dict) -> int | None:
    found = values.get(aid.youth_age) if aid.youth_age else None
    return found if isinstance(found, int) and not isinstance(found, bool) else None


def facts(aid: Aid, values: dict) -> dict[str, object]:
    years = age(aid, values)
    return {
        "jonger_dan_12": years is not None and years < OWN_RIGHTS,
        "vanaf_12": years is not None and years >= OWN_RIGHTS,
        "vanaf_16": years is not None and years >= ALONE,
    }


def short(aid: Aid, values: dict) -> bool:
    """Whether the young person's version is the short one, for a child under 12."""
    years = age(aid, values)
    return years is not None and years < OWN_RIGHTS
