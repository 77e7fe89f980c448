"""Shared fixtures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from paths import SITE


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("De site is niet gebouwd: draai de tests met 'make test'.")
    return SITE


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
