"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import SITE


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("De site is niet gebouwd: draai de tests met 'make test'.")
    return SITE


def pytest_terminal_summary(terminalreporter) -> None:
    """The readability of every aid's versions (tests/test_voices.py), when it was measured."""
    from voice_checks import SCORES

    if not SCORES:
        return
    terminalreporter.section("Leesbaarheid (Flesch-Douma) per hulpmiddel en versie")
    for (aid, reader), (score, sentences) in sorted(SCORES.items()):
        terminalreporter.write_line(f"{aid:<13} {reader:<8} {score:5.1f}  ({sentences} zinnen)")
