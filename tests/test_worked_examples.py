"""Worked examples (docs/voorbeelden/): a saved answers file per example, opened and run by its
own aid at build time, so the page always shows what the aid produces. The same file is offered
for download, to open in the aid."""

from __future__ import annotations

import json

import pytest

import aids
import generate_pages
from aids import answers_file
from paths import ROOT, SITE

EXAMPLES = {"hulpverleningsplan": "analyse", "nazorgplan": "nazorg"}
FOLDER = ROOT / "docs" / "voorbeelden"


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_example_is_a_valid_saved_file_of_its_aid(name):
    text = (FOLDER / f"{name}.json").read_text(encoding="utf-8")
    aid = aids.load(EXAMPLES[name])
    assert json.loads(text)["aid"] == aid.id
    out = aids.run(aid.id, answers_file.load_text(aid, text).answers)
    assert out["valid"], out["errors"]
    assert not out["result"]["gaps"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_built_page_shows_what_the_aid_makes_of_the_file(site, name):
    page = (SITE / "voorbeelden" / f"{name}.html").read_text(encoding="utf-8")
    assert generate_pages.example_html(FOLDER / f"{name}.json") in page
    assert f'href="{name}.json"' in page
    assert (SITE / "voorbeelden" / f"{name}.json").is_file()


def test_an_example_the_aid_no_longer_accepts_fails_with_its_file(tmp_path):
    saved = json.loads((FOLDER / "nazorgplan.json").read_text(encoding="utf-8"))
    saved["answers"]["terugkeer_datum"] = "1 juli"
    broken = tmp_path / "kapot.json"
    broken.write_text(json.dumps(saved), encoding="utf-8")
    with pytest.raises(aids.DefinitionError, match="kapot.json"):
        generate_pages.example_html(broken)


def test_the_examples_use_roles_not_names():
    for name, aid_id in EXAMPLES.items():
        answers = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))["answers"]
        roles = answers["rol"].values()
        assert all(role.split(",")[0] in {"vader", "zoon", "dochter", "tante"}
                   for role in roles), roles
