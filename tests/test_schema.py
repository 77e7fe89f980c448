"""aids.schema: reading content files, and the schema check every loader uses. A mistake is a
DefinitionError that names the file, the line and the reason, in Dutch for content authors."""

from __future__ import annotations

from pathlib import Path

import pytest

from aids.schema import Checker, DefinitionError, read_toml

SOURCE = '''id = "proef"
title = "Proef"

[[steps]]
id = "een"
title = "Stap een"

[[steps.questions]]
id = "wie"
type = "multi"

[[steps.questions]]
id = "wat"
label = "Wat?"

[[steps]]
id = "twee"

[[steps.questions]]
id = "start"
after = "begin"

[facts]
lang = "flag"
'''

SCHEMA = {
    "aid": ({"id": str, "title": str}, {"steps": list, "facts": dict, "version": int}),
    "step": ({"id": str}, {"title": str, "questions": list}),
    "question": ({"id": str}, {"type": str, "label": str, "after": str,
                               "options": (list, str)}),
}


def checker(tmp_path: Path, text: str = SOURCE) -> tuple[Checker, dict]:
    path = tmp_path / "proef.toml"
    path.write_text(text, encoding="utf-8")
    text, data = read_toml(path)
    return Checker(path, text, SCHEMA), data


def test_the_error_names_file_line_and_reason():
    error = DefinitionError(Path("content/proef.toml"), 12, "onbekend veld 'kleur'")
    assert str(error) == "content/proef.toml:12: onbekend veld 'kleur'"
    assert (error.path, error.line, error.reason) == (Path("content/proef.toml"), 12,
                                                       "onbekend veld 'kleur'")
    assert str(DefinitionError(Path("proef.toml"), None, "leeg")) == "proef.toml: leeg"


def test_a_content_file_is_read_as_text_and_tables(tmp_path):
    checked, data = checker(tmp_path)
    assert data["steps"][0]["questions"][1]["label"] == "Wat?"
    assert checked.where.lines[0] == 'id = "proef"'


def test_a_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "kapot.toml"
    path.write_text('id = "proef"\n\n[[steps]]\ntitle = "Stap een\n', encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        read_toml(path)
    assert caught.value.line == 4 and caught.value.path == path
    assert caught.value.reason.startswith("geen geldige TOML: ")


@pytest.mark.parametrize(("at", "key", "line"), [
    ((), "title", 2),
    (("steps", 0), None, 4),
    (("steps", 0), "title", 6),
    (("steps", 0, "questions", 1), None, 12),
    (("steps", 0, "questions", 1), "label", 14),
    (("steps", 1), None, 16),
    (("steps", 1, "questions", 0), "after", 21),
    (("facts",), "lang", 24),
    (("facts",), None, 23),
    # A key the entry lacks: the entry's own line, not the same key further on (line 21).
    (("steps", 0, "questions", 0), "after", 8),
    (("steps", 0), "label", 4),  # a key of its questions is not the step's own
    (("steps", 0, "questions", 5), None, 4),  # no such question: the step it would be in
    (("steps", 5), None, None),  # no such step: no line
])
def test_the_line_of_an_entry_or_of_a_key_inside_it(tmp_path, at, key, line):
    checked, _ = checker(tmp_path)
    assert checked.where.line(at, key) == line


def test_a_table_that_fits_the_schema_is_returned(tmp_path):
    checked, data = checker(tmp_path)
    assert checked.table("aid", data, (), "het hulpmiddel") is data
    question = data["steps"][0]["questions"][0]
    assert checked.table("question", question, ("steps", 0, "questions", 0), "vraag 1") is question


@pytest.mark.parametrize(("kind", "data", "at", "message"), [
    ("aid", ["id"], (), "proef.toml: het hulpmiddel moet een tabel zijn"),
    ("question", {"id": "wat", "kleur": "rood"}, ("steps", 0, "questions", 1),
     "proef.toml:12: onbekend veld 'kleur' in vraag 2"),
    ("step", {"title": "Stap twee"}, ("steps", 1),
     "proef.toml:16: verplicht veld 'id' ontbreekt in stap 2"),
    ("question", {"id": "wat", "label": 3}, ("steps", 0, "questions", 1),
     "proef.toml:14: veld 'label' in vraag 2 moet van type str zijn"),
    ("question", {"id": "wat", "options": 3}, ("steps", 0, "questions", 1),
     "proef.toml:12: veld 'options' in vraag 2 moet van type list of str zijn"),
    ("aid", {"id": "proef", "title": "Proef", "version": True}, (),
     "proef.toml: veld 'version' in het hulpmiddel moet van type int zijn"),
])
def test_what_breaks_the_schema_is_named_in_dutch_with_its_line(tmp_path, kind, data, at,
                                                               message):
    checked, _ = checker(tmp_path)
    label = {"aid": "het hulpmiddel", "step": "stap 2", "question": "vraag 2"}[kind]
    with pytest.raises(DefinitionError) as caught:
        checked.table(kind, data, at, label)
    assert str(caught.value).endswith(message), str(caught.value)
    assert str(caught.value).startswith(str(tmp_path))
