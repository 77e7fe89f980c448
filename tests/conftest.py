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
