"""Every aid has a fictional example answers file that is complete and valid, opens as a saved
file, and gives a result with no gaps in its professional version where none are expected."""

from __future__ import annotations

import json

import pytest

import aids
from aids import answers_file
from paths import ROOT

EXAMPLES = ROOT / "tests" / "data" / "examples"


@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_example_is_valid_and_opens_as_a_saved_file(aid_id):
    path = EXAMPLES / f"{aid_id}.json"
    assert path.is_file(), f"{path} ontbreekt"
    answers = json.loads(path.read_text(encoding="utf-8"))
    out = aids.run(aid_id, answers)
    assert out["valid"] is True, out["errors"]
    aid = aids.load(aid_id)
    saved = answers_file.dump(aid, aids.normalize(aid, answers))
    assert answers_file.load_text(aid, saved).answers == aids.normalize(aid, answers)
