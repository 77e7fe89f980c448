"""The tests mirror the modules: every module of aids/ has a test file of its own, so a new
module without tests fails here (issue 25)."""

from __future__ import annotations

import pytest

from aids import builders
from paths import ROOT

AIDS = ROOT / "aids"
TESTS = ROOT / "tests"

# The modules whose test file is not test_<module>.py, and why.
OTHER_NAMES = {
    # The package: its run() gives what the terminal prints; load() and aid_ids() it takes
    # from definition.py.
    "__init__": "test_cli.py",
    "__main__": "test_cli.py",  # the terminal
    "_html": "test_html.py",  # a private module; the name without its underscore
}


def expected_test(module: str) -> str:
    """A builder's tests try its aid end to end, so they carry the aid's name:
    test_<builder>_aid.py (test_interventions.py also tries the ranking on its own)."""
    if module in OTHER_NAMES:
        return OTHER_NAMES[module]
    return f"test_{module}_aid.py" if module in BUILDERS else f"test_{module}.py"


MODULES = sorted(path.stem for path in AIDS.glob("*.py"))
# The modules the registry names as builders (aids/builders.py).
BUILDERS = {hook.__module__.rsplit(".", 1)[-1] for builder in builders.BUILDERS.values()
            if builder for hook in vars(builder).values() if hook}


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_its_own_test_file(module):
    assert (TESTS / expected_test(module)).is_file(), (
        f"aids/{module}.py heeft geen testbestand tests/{expected_test(module)}")


def test_the_mirror_knows_every_module_it_names():
    assert {"dates", "fields", "result", "schema", "texts", "catalogue"} <= set(MODULES)
    assert set(OTHER_NAMES) <= set(MODULES)
    assert set(BUILDERS) <= set(MODULES)
