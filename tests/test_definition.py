"""The one loader: real content loads, and every kind of malformed definition is refused
with the file, the line and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

import aids
from aids import definition
from aids.definition import load_file
from aids.schema import DefinitionError

GOOD = '''id = "proef"
title = "Proef"
version = 1
intro = "Intro."
disclaimer = "Jij beslist."
sources = ["richtlijn-uhp"]
reviewed = 2026-11-30
evidence = "Een proef."

[[steps]]
id = "een"
title = "Stap een"

[[steps.questions]]
id = "wie"
type = "multi"
label = "Wie?"
options = [{ value = "a", label = "A" }, { value = "b", label = "B" }]

[[steps.questions]]
id = "wat"
type = "textarea"
per = "wie"
label = "Wat?"

[[steps]]
id = "twee"
title = "Stap twee"

[[steps.questions]]
id = "start"
type = "date"
label = "Start?"

[[steps.questions]]
id = "eind"
type = "date"
label = "Eind?"
after = "start"

[result]
title = "Resultaat"

[[result.gaps]]
question = "wat"
message = "Nog niets."

[[result.sections]]
id = "samen"
title = "Samen"

[facts]
lang = "flag"

[[rules]]
section = "samen"
when = { wie = "a", lang = true }
label = "A"
text = "A is gekozen en het duurt lang."
source = ["richtlijn-uhp"]
id = "a_lang"
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "proef.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_aid_loads():
    assert {"analyse", "interventies", "nazorg"} <= set(aids.aid_ids())
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        assert aid.steps and aid.disclaimer and aid.sources


def test_good_definition_loads(tmp_path):
    aid = load_file(write(tmp_path, GOOD))
    assert [s.id for s in aid.steps] == ["een", "twee"]
    (rule,) = aid.rules
    assert rule.text == "A is gekozen en het duurt lang (Richtlijn Uithuisplaatsing en " \
        "terugplaatsing, 2023)."
    assert rule.id == "proef.a_lang"  # named by its aid, so tests and pages can name it
    assert aid.questions["wat"].per == "wie"
    assert aid.questions["eind"].after == "start"


@pytest.mark.parametrize(
    ("old", "new", "line", "reason"),
    [
        ('label = "Wat?"', 'label = "Wat?"\ncolour = "rood"', 25, "onbekend veld 'colour'"),
        ('type = "textarea"', 'type = "essay"', 22, "onbekend vraagtype 'essay'"),
        ('per = "wie"', 'per = "niemand"', 23, "per verwijst naar 'niemand'"),
        ('after = "start"', 'after = "eind"', 39, "after verwijst naar 'eind'"),
        ('id = "start"', 'id = "wie"', 31, "vraag-id 'wie' is ongeldig of dubbel"),
        ('question = "wat"', 'question = "hoe"', 45, "gap verwijst naar onbekende vraag 'hoe'"),
        ('version = 1', 'version = "een"', 3, "veld 'version'"),
        ('title = "Stap een"\n', '\n', 10, "verplicht veld 'title' ontbreekt in stap 1"),
        ('options = [{ value = "a", label = "A" }, { value = "b", label = "B" }]',
         'options = [{ value = "a", label = "A" }, { value = "a", label = "B" }]', 18,
         "geen of dubbele opties"),
        ('id = "proef"', 'id = "anders"', 1, "moet gelijk zijn aan de bestandsnaam"),
        ('title = "Resultaat"', 'title = "Resultaat', 42, "geen geldige TOML"),
        # Result rules: every name they use must exist.
        ('when = { wie = "a", lang = true }', 'when = { hoe = "a" }', 57,
         "when noemt een onbekende vraag of feit 'hoe'"),
        ('when = { wie = "a", lang = true }', 'when = { wie = "c" }', 57,
         "when.wie noemt onbekende opties ['c']"),
        ('when = { wie = "a", lang = true }', 'when = { wat = "a" }', 57,
         "vergelijkt 'wat', dat geen keuzevraag of keuzefeit is"),
        ('section = "samen"', 'section = "elders"', 56, "onbekende sectie 'elders'"),
        ('source = ["richtlijn-uhp"]', 'source = ["verzonnen"]', 60, "onbekende bron 'verzonnen'"),
        ('text = "A is gekozen en het duurt lang."', 'text = "Het duurt {duur}."', 59,
         "onbekende namen ['duur']"),
        ('lang = "flag"', 'lang = "misschien"', 53, "feit 'lang' moet een type"),
        # Rules carry an id, unique in the aid; `watch` names a topic of the shared part.
        ('id = "a_lang"', 'id = "A lang"', 61, "regel-id 'A lang' is ongeldig"),
        ('id = "a_lang"', 'id = "a_lang"\nwatch = "Als A gekozen is."', 62,
         "watch en topic horen samen"),
        ('id = "a_lang"', 'id = "a_lang"\n\n[[rules]]\nsection = "samen"\nlabel = "B"\n'
         'text = "B."\nid = "a_lang"', 67, "regel-id 'proef.a_lang' is dubbel"),
    ],
)
def test_malformed_definition_names_file_line_and_reason(tmp_path, old, new, line, reason):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DefinitionError) as caught:
        load_file(path)
    assert caught.value.path == path
    assert caught.value.line == line, str(caught.value)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}:{line}: ")


# The list of the aids (definition.AIDS) against the content ---------------------------------

def test_a_sixth_aid_in_the_content_without_an_entry_fails_with_the_file_and_the_reason(sixth_aid):
    """Not missing without a word from the case-file document, the family file and the overview:
    loading any aid fails, naming the file and what to do."""
    with pytest.raises(DefinitionError) as error:
        aids.aid_ids()
    assert error.value.path == sixth_aid.content / "zesde.toml"
    assert error.value.reason == ("the aid 'zesde' is not in AIDS: add it there "
                                  "(aids/definition.py) and to BUILDERS (aids/builders.py)")
    with pytest.raises(DefinitionError):
        aids.load("zesde")
    sixth_aid.register()
    assert "zesde" in aids.aid_ids() and aids.load("zesde").title == "Zesde hulpmiddel"


def test_an_aid_in_the_list_without_a_content_file_fails_with_the_reason(monkeypatch):
    monkeypatch.setattr(definition, "AIDS", definition.AIDS + ("zesde",))
    with pytest.raises(DefinitionError) as error:
        aids.aid_ids()
    assert error.value.path == definition.CONTENT_DIR / "zesde.toml"
    assert "names 'zesde', without a file" in error.value.reason
