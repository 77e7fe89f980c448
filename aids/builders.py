"""Which code computes each aid's result, named by the aid's id: nothing is found by its name.

Each builder module declares what it computes (BUILDER, an aids.result.Builder); an aid whose
result is its content's rules alone has None here. The aids and their order are
aids.definition.AIDS, which the loader checks against the content files; this registry is
checked against AIDS when it is imported, so a new aid has an entry here or the build fails
with the reason.
"""

from __future__ import annotations

from pathlib import Path

from . import analyse, interventions, nazorg, omgang, perspectief
from .definition import AIDS, Aid
from .result import Builder
from .schema import DefinitionError

BUILDERS: dict[str, Builder | None] = {
    "analyse": analyse.BUILDER,
    "interventies": interventions.BUILDER,
    "omgang": omgang.BUILDER,
    "perspectief": perspectief.BUILDER,
    "nazorg": nazorg.BUILDER,
}
NOTHING = Builder()  # what an aid without code computes


def check(registry: dict[str, Builder | None], aids: tuple[str, ...]) -> None:
    """Every aid has exactly one entry and every entry is an aid: else DefinitionError."""
    missing = [aid_id for aid_id in aids if aid_id not in registry]
    unknown = [aid_id for aid_id in registry if aid_id not in aids]
    if missing:
        raise DefinitionError(Path(__file__), None, f"no entry in BUILDERS for the aids {missing}"
                              " (give each its module's BUILDER, or None when it has no code)")
    if unknown:
        raise DefinitionError(Path(__file__), None, f"BUILDERS names {unknown}, which are not in"
                              " aids.definition.AIDS")


check(BUILDERS, AIDS)


def of(aid: Aid) -> Builder:
    """What the aid's code computes (NOTHING for an aid without code)."""
    return BUILDERS[aid.id] or NOTHING
