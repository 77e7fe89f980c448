"""Shared fixtures, and the lanes the tests run in.

Lanes (markers, applied here from where a test lives and what it asks for):
- ``build``: needs the built site, runtime or offline zip. The ``site`` fixture builds them once
  per run (``make site``), also when pytest-xdist spreads the tests over several processes.
- ``browser``: drives Debian's chromium (every test in tests/browser); also ``build``.
- ``pyodide``: runs the aids on the real Pyodide runtime under Node; also ``build``.
``make check`` runs what is none of these; ``make test`` runs everything.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings

from paths import ROOT, SITE

# Property tests are deterministic: the same examples on every machine and every run (no stored
# database, a seed from the test itself), and no clock decides a result (no deadline).
settings.register_profile("thuiswijzer", derandomize=True, database=None, deadline=None,
                          print_blob=True)
settings.load_profile("thuiswijzer")

BUILD_MARK = ROOT / "build" / ".built-by-test-run"
# Fixtures that hand out something the build made; a test that asks for one needs the build.
BUILT_FIXTURES = {"site", "server", "offline_site", "runtime"}


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if "browser" in path.parts:
            item.add_marker(pytest.mark.browser)
        if path.name == "test_pyodide.py":
            item.add_marker(pytest.mark.pyodide)
        if ("browser" in path.parts or path.name == "test_pyodide.py"
                or BUILT_FIXTURES & set(item.fixturenames)):
            item.add_marker(pytest.mark.build)
    # pytest-xdist gives each worker an equal share of the list, in order, before any stealing.
    # So the tests that need no build come right after the first half of those that do: while
    # one worker builds the site for its share, the other works through them instead of
    # waiting for the build.
    built = [item for item in items if item.get_closest_marker("build")]
    unbuilt = [item for item in items if not item.get_closest_marker("build")]
    half = len(items) // 2
    items[:] = built[:half] + unbuilt + built[half:]


def _run_id(config) -> str:
    """The same for every xdist worker of one run, different for the next run."""
    worker = getattr(config, "workerinput", None)
    return worker["testrunuid"] if worker else f"pid-{os.getpid()}"


@pytest.fixture(scope="session")
def site(request) -> Path:
    """The built site, runtime and offline zip: built once per test run, as `make site` builds
    them. Parallel workers wait for the first one's build instead of building again.
    TW_REUSE_SITE=1 takes the site as it is, for a developer who just ran `make site`."""
    if os.environ.get("TW_REUSE_SITE") == "1" and (SITE / "index.html").is_file():
        return SITE
    run = _run_id(request.config)
    BUILD_MARK.parent.mkdir(exist_ok=True)
    with open(BUILD_MARK.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (BUILD_MARK.is_file() and BUILD_MARK.read_text() == run):
            BUILD_MARK.unlink(missing_ok=True)
            out = subprocess.run(["make", "--no-print-directory", "-s", "site"], cwd=ROOT,
                                 capture_output=True, text=True)
            if out.returncode != 0:
                pytest.fail("De site kon niet gebouwd worden:\n" + out.stdout[-4000:]
                            + out.stderr[-4000:], pytrace=False)
            BUILD_MARK.write_text(run)
    return SITE


@pytest.fixture(scope="session")
def runtime(site) -> Path:
    """The runtime's build folder (worker, manifest, data scripts), made by the same build."""
    return ROOT / "build" / "runtime"


def pytest_sessionfinish(session) -> None:
    """An xdist worker hands its readability scores to the process that reports."""
    from voice_checks import SCORES

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["scores"] = [[*key, *value] for key, value in SCORES.items()]


def pytest_testnodedown(node, error) -> None:
    from voice_checks import SCORES

    for aid, reader, score, sentences in getattr(node, "workeroutput", {}).get("scores", []):
        SCORES[(aid, reader)] = (score, sentences)


class SixthAid:
    """A sixth aid in the content: the contact aid's file under the id 'zesde' and its own title.
    Until register() it is in neither the list of the aids nor the registry of builders."""

    ID, TITLE = "zesde", "Zesde hulpmiddel"

    def __init__(self, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.content, self._monkeypatch = content, monkeypatch

    def family_file(self) -> str:
        """A family file with the contact aid's example answers, as its own part and as the
        sixth aid's part."""
        from aids import family, load, normalize
        from paths import ROOT

        aid = load("omgang")
        answers = json.loads((ROOT / "tests" / "data" / "examples" / "omgang.json").read_text(
            encoding="utf-8"))
        data = json.loads(family.dump(None, aid, normalize(aid, answers),
                                      dt.datetime(2027, 10, 1, 9, tzinfo=dt.timezone.utc)))
        data["aids"][self.ID] = data["aids"]["omgang"]
        return json.dumps(data)

    def register(self) -> None:
        """Name it in definition.AIDS (last) and give it the contact aid's builder."""
        from aids import builders, definition, omgang

        self._monkeypatch.setattr(definition, "AIDS", definition.AIDS + (self.ID,))
        self._monkeypatch.setattr(builders, "BUILDERS",
                                  {**builders.BUILDERS, self.ID: omgang.BUILDER})


@pytest.fixture
def sixth_aid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from aids import definition

    content = tmp_path / "content"
    content.mkdir()
    for path in definition.CONTENT_DIR.iterdir():
        (content / path.name).symlink_to(path)
    source = (definition.CONTENT_DIR / "omgang.toml").read_text(encoding="utf-8")
    assert source.count('\nid = "omgang"\ntitle = "Omgangsregeling plannen"\n') == 1
    (content / f"{SixthAid.ID}.toml").write_text(source.replace(
        '\nid = "omgang"\ntitle = "Omgangsregeling plannen"\n',
        f'\nid = "{SixthAid.ID}"\ntitle = "{SixthAid.TITLE}"\n'), encoding="utf-8")
    monkeypatch.setattr(definition, "CONTENT_DIR", content)
    yield SixthAid(content, monkeypatch)
    definition.load.cache_clear()  # forget the sixth aid


def pytest_terminal_summary(terminalreporter) -> None:
    """The readability of every aid's versions (tests/test_voices.py), when it was measured."""
    from voice_checks import SCORES

    if not SCORES:
        return
    terminalreporter.section("Leesbaarheid (Flesch-Douma) per hulpmiddel en versie")
    for (aid, reader), (score, sentences) in sorted(SCORES.items()):
        terminalreporter.write_line(f"{aid:<13} {reader:<8} {score:5.1f}  ({sentences} zinnen)")
