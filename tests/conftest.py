"""Shared paths and fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DIST_ZIP = ROOT / "dist" / "thuiswijzer-offline.zip"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("De site is niet gebouwd: draai de tests met 'make test'.")
    return SITE
