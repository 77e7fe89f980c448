"""The family file: one JSON for every aid of one family, opened by any aid, each aid's part
replaced on save and the others kept, what one aid knows carried to the next, older files still
opening, and broken files refused in Dutch."""

from __future__ import annotations

import json

import pytest

import aids
from aids import answers_file, engine, family, web
from aids.schema import DefinitionError
from paths import ROOT

EXAMPLES = ROOT / "tests" / "data" / "examples"
NOW = "2027-03-01T10:00:00Z"


def example(aid_id: str) -> dict:
    return json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))


def save(aid_id: str, answers: dict, held: str = "") -> str:
    """What the page's save button gives: the family file with this aid's part."""
    aid = aids.load(aid_id)
    response = json.loads(web.handle(json.dumps({
        "aid": aid_id, "fields": engine.to_fields(aid, answers), "want": ["save"],
        "family": held, "now": NOW})))
    assert response["ok"] is True
    return response["family_json"]


def open_in(aid_id: str, content: str) -> dict:
    response = json.loads(web.handle(json.dumps({"op": "import", "aid": aid_id, "text": content})))
    assert response["ok"] is True, response
    return response


def test_saving_keeps_the_other_aids_parts_and_replaces_its_own():
    first = save("analyse", example("analyse"))
    second = save("omgang", example("omgang"), first)
    data = json.loads(second)
    assert data["format"] == "thuiswijzer-gezin" and set(data["aids"]) == {"analyse", "omgang"}
    assert data["aids"]["analyse"] == json.loads(first)["aids"]["analyse"]
    again = save("omgang", {**example("omgang"), "veiligheid": "Nieuw."}, second)
    assert json.loads(again)["aids"]["omgang"]["answers"]["veiligheid"] == "Nieuw."
    assert json.loads(again)["aids"]["analyse"] == data["aids"]["analyse"]
    assert json.loads(again)["label"] == "gezin R."


def test_what_one_aid_knows_the_next_gets_without_retyping():
    plan = save("analyse", {"leden": ["ouder1", "kind1"], "label": "gezin B.",
                            "rol": {"ouder1": "moeder", "kind1": "zoon, 9 jaar"},
                            "doelen": [{"wat": "Moeder brengt hem elke ochtend naar school."}],
                            "hulp_keuze": ["triple-p"], "hulp_kind": "Een mentor op school."})
    contact = save("omgang", {"plaatsing_datum": "2027-03-01",
                              "perspectief": "terug", "terugkeer_datum": "2027-09-01"}, plan)
    opened = open_in("nazorg", contact)
    fields = opened["fields"]
    assert fields["leden"] == ["ouder1", "kind1"] and fields["rol.kind1"] == ["zoon, 9 jaar"]
    assert fields["label"] == ["gezin B."]
    assert fields["plaatsing_datum"] == ["1 maart 2027"]
    assert fields["terugkeer_datum"] == ["1 september 2027"]
    assert fields["hulp_plan"] == ["Triple P (niveau 4 en 5)\nEen mentor op school."]
    assert "Het gezinsdossier 'gezin B.' is geopend" in opened["note"]
    weighing = open_in("perspectief", contact)["fields"]
    assert weighing["doelen_plan"] == ["Doel 1: Moeder brengt hem elke ochtend naar school."]
    # An aid's own answer is never overwritten by another aid's.
    own = save("nazorg", {**example("nazorg"), "terugkeer_datum": "2027-10-01"}, contact)
    assert open_in("nazorg", own)["fields"]["terugkeer_datum"] == ["1 oktober 2027"]


def test_an_old_single_aid_file_still_opens():
    old = answers_file.dump(aids.load("analyse"), example("analyse"))
    response = open_in("analyse", old)
    assert response["family"] == "" and response["fields"]["begin"]


@pytest.mark.parametrize("broken, message", [
    ({"format": "thuiswijzer-gezin", "version": 9, "aids": {}}, "nieuwere versie"),
    ({"format": "thuiswijzer-gezin", "version": 1}, "ontbreken de antwoorden"),
    ({"format": "thuiswijzer-gezin", "version": "1", "aids": {}}, "versie van dit bestand"),
])
def test_a_broken_family_file_is_refused_in_dutch(broken, message):
    response = json.loads(web.handle(json.dumps({"op": "import", "aid": "analyse",
                                                 "text": json.dumps(broken)})))
    assert response["ok"] is False and message in response["message"]


def test_a_part_that_cannot_be_read_is_skipped_with_a_note_and_the_rest_opens():
    good = json.loads(save("analyse", example("analyse")))
    good["aids"]["omgang"] = {"version": 2, "answers": {"onbekend": 1}}
    good["aids"]["verzonnen"] = {"version": 1, "answers": {}}
    opened = open_in("analyse", json.dumps(good))
    assert "Het deel van 'Omgangsregeling plannen' kon niet worden gelezen" in opened["note"]
    assert "hoort bij geen van de hulpmiddelen" in opened["note"]
    assert opened["fields"]["begin"]


def test_every_link_names_real_answers_asked_the_same_way():
    links = family.links()
    assert links and all(link.targets and link.sources for link in links)


def test_a_wrong_link_fails_with_file_and_line(tmp_path, monkeypatch):
    data = tmp_path / "content" / "data"
    data.mkdir(parents=True)
    source = (ROOT / "aids" / "content" / "data" / "family.toml").read_text(encoding="utf-8")
    (data / "family.toml").write_text(source.replace('to = ["nazorg.terugkeer_datum"]',
                                                     'to = ["nazorg.leden"]'), encoding="utf-8")
    monkeypatch.setattr(family, "CONTENT_DIR", tmp_path / "content")
    family.links.cache_clear()
    try:
        with pytest.raises(DefinitionError) as failed:
            family.links()
        assert "family.toml:" in str(failed.value) and "dezelfde manier" in failed.value.reason
    finally:
        monkeypatch.undo()
        family.links.cache_clear()
