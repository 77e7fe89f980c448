"""Checks and data the aids' tests share: the family description asked the same way as in the
analysis aid, and the safety part of a family without known danger."""

from __future__ import annotations

import aids


def assert_same_family(aid) -> None:
    """The family description other aids take over is asked exactly as in the analysis aid."""
    analyse = aids.load("analyse")
    assert aid.shared == ("leden", "rol", "label")
    assert aid.steps[0].questions[:2] == analyse.steps[0].questions[:2]
    assert aid.questions["rol"].per == "leden"


# The shared safety and legal-frame part (aids/content/data/kader.toml) of a family where no
# danger is known: voluntary help, both parents hold authority, no Veilig Thuis, no safety plan.
SOUND = {"maatregel": "vrijwillig", "gezag": "ouders", "gevaren": ["geen"], "veilig_thuis": "nee",
         "veiligheidsplan": "nee"}


def own_gaps(aid) -> list:
    """The aid's own gaps, without those of the shared parts it asks."""
    from aids.definition import shared_part

    shared = [gap for name in aid.parts for gap in shared_part(name).gaps]
    return [gap for gap in aid.gaps if gap not in shared]
