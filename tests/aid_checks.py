"""Checks the aids' tests share: the family description asked the same way as in the analysis
aid."""

from __future__ import annotations

import aids


def assert_same_family(aid) -> None:
    """The family description other aids take over is asked exactly as in the analysis aid."""
    analyse = aids.load("analyse")
    assert aid.shared == ("leden", "rol", "label")
    assert aid.steps[0].questions[:2] == analyse.steps[0].questions[:2]
    assert aid.questions["rol"].per == "leden"
