"""The registry of builders (aids/builders.py): every aid in definition.AIDS has exactly one
entry (its module's BUILDER, or None), a mismatch fails with the reason when the registry is
imported, and what an aid computes is taken from its entry, never found by a module's name."""

from __future__ import annotations

import subprocess
import sys

import pytest

import aids
from aids import builders, definition, engine, nazorg, render
from aids.result import Builder
from aids.schema import DefinitionError
from paths import ROOT


def test_every_aid_has_exactly_one_entry_a_builder_or_none():
    assert sorted(builders.BUILDERS) == sorted(definition.AIDS)
    assert all(entry is None or isinstance(entry, Builder) for entry in builders.BUILDERS.values())


def test_an_aid_without_an_entry_or_an_entry_without_an_aid_fails_with_the_reason():
    builders.check(builders.BUILDERS, definition.AIDS)
    without = {aid_id: entry for aid_id, entry in builders.BUILDERS.items() if aid_id != "nazorg"}
    with pytest.raises(DefinitionError, match=r"no entry in BUILDERS for the aids \['nazorg'\]"):
        builders.check(without, definition.AIDS)
    with pytest.raises(DefinitionError, match=r"BUILDERS names \['zesde'\], which are not in"):
        builders.check({**builders.BUILDERS, "zesde": None}, definition.AIDS)


def test_the_registry_is_checked_when_it_is_imported():
    """A sixth aid in the list without an entry fails whatever imports the aids."""
    run = subprocess.run(
        [sys.executable, "-c", "import importlib\nfrom aids import builders, definition\n"
         "definition.AIDS += ('zesde',)\nimportlib.reload(builders)"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode != 0
    assert "DefinitionError" in run.stderr
    assert "no entry in BUILDERS for the aids ['zesde']" in run.stderr


def test_what_an_aid_computes_comes_from_its_entry(monkeypatch):
    aid = aids.load("omgang")
    assert builders.of(aid) is builders.BUILDERS["omgang"]
    monkeypatch.setitem(builders.BUILDERS, "omgang",
                        Builder(check=lambda aid, answers: [("label", "from the registry")]))
    assert [(e.field, e.message) for e in engine.evaluate(aid, {}).errors
            if e.message == "from the registry"] == [("label", "from the registry")]
    monkeypatch.setitem(builders.BUILDERS, "omgang", None)
    assert builders.of(aid) is builders.NOTHING


def test_only_an_aid_whose_builder_makes_a_calendar_offers_one(monkeypatch):
    assert [aid_id for aid_id in definition.AIDS
            if render.has_calendar(aids.load(aid_id))] == ["nazorg"]
    monkeypatch.setitem(builders.BUILDERS, "nazorg",
                        Builder(facts=nazorg.facts, items=nazorg.items, figures=nazorg.figures))
    assert not render.has_calendar(aids.load("nazorg"))
