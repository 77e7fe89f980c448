"""The family file: one JSON for every aid of one family, opened by any aid, each aid's part
replaced on save and the others kept, what one aid knows carried to the next, older files still
opening, and broken files refused in Dutch."""

from __future__ import annotations

import json

import pytest

import aids
from aids import answers_file, definition, engine, family, web
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
        "op": "evaluate", "aid": aid_id, "fields": engine.to_fields(aid, answers), "want": ["save"],
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
    weighed = save("perspectief", {"balans_toelichting": "Schulden wegen zwaar; oma helpt."},
                   contact)
    assert open_in("nazorg", weighed)["fields"]["balans"] == ["Schulden wegen zwaar; oma helpt."]
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
    assert "De delen 'verzonnen' horen bij geen van de hulpmiddelen" in opened["note"]
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


@pytest.mark.parametrize(("label", "name"), [
    ("gezin B.", "gezinsdossier-gezin-b-2027-03-01-100000.json"),
    ("gezin Ö.-Ç.", "gezinsdossier-gezin-o-c-2027-03-01-100000.json"),
    ("Jan Jansen", "gezinsdossier-2027-03-01-100000.json"),  # a full name is left out
    ("../../etc/passwd", "gezinsdossier-etc-passwd-2027-03-01-100000.json"),
    ("", "gezinsdossier-2027-03-01-100000.json"),
    ("<script>", "gezinsdossier-script-2027-03-01-100000.json"),
])
def test_the_download_is_named_after_the_label_and_the_moment_in_a_safe_form(label, name):
    aid = aids.load("analyse")
    response = json.loads(web.handle(json.dumps({
        "op": "evaluate", "aid": "analyse", "fields": engine.to_fields(aid, {"label": label} if label else {}),
        "want": ["save"], "now": NOW})))
    assert response["family_file"] == name


# Opening a file never loses work, and a hostile file costs no work -------------------------

def test_a_file_with_nothing_for_this_aid_leaves_the_form_as_it_is():
    """Issue 20: opening this on omgang emptied all 66 fields."""
    content = '{"format":"thuiswijzer-gezin","version":1,"label":"gezin B.","aids":{}}'
    opened = open_in("omgang", content)
    assert opened["empty"] is True and opened["brings"] == []
    assert "Er staat nog niets in voor dit hulpmiddel" in opened["note"]
    assert opened["family"] == content  # saving adds this aid's part to that file


def test_the_answer_says_exactly_what_the_file_brings():
    plan = save("analyse", {"leden": ["ouder1", "kind1"], "label": "gezin B.",
                            "rol": {"ouder1": "moeder"}})
    contact = save("omgang", {"plaatsing_datum": "2027-03-01"}, plan)
    opened = open_in("omgang", contact)
    assert opened["empty"] is False
    assert opened["brings"] == [
        "Je eigen antwoorden in dit hulpmiddel, bewaard op 1 maart 2027. Aantal beantwoorde"
        " vragen: 1.",
        "Wat de andere hulpmiddelen al weten: Gezinsleden en betrokkenen, Rol, Naam in het"
        " dossier."]


def test_a_refused_part_for_this_aid_is_named_and_nothing_changes():
    good = json.loads(save("analyse", example("analyse")))
    good["aids"]["omgang"] = {"version": 2, "answers": {"onbekend": 1}}
    response = json.loads(web.handle(json.dumps({"op": "import", "aid": "omgang",
                                                 "text": json.dumps(good)})))
    assert response == {"ok": False, "message": "Het deel van 'Omgangsregeling plannen' in dit"
                        " gezinsdossier kon niet worden gelezen."}


def test_parts_that_cannot_be_read_stay_in_the_file_when_it_is_saved_again():
    held = json.loads(save("analyse", example("analyse")))
    broken = {"version": 2, "answers": {"onbekend": 1}}
    held["aids"]["omgang"] = broken
    held["aids"]["later"] = {"version": 1, "answers": {"iets": "nieuws"}}
    again = json.loads(save("nazorg", example("nazorg"), json.dumps(held)))
    assert again["aids"]["omgang"] == broken
    assert again["aids"]["later"] == held["aids"]["later"]
    assert again["aids"]["analyse"] == held["aids"]["analyse"] and "nazorg" in again["aids"]


def test_a_file_of_70000_parts_is_refused_at_once_with_a_short_message(monkeypatch):
    """Issue 20: 0.9 MB of unknown parts kept Python busy for more than 10 seconds. It is now
    refused on its text alone, before anything is parsed (timings: make bench)."""
    parts = ",".join(f'"{n}":1' for n in range(70_000))
    content = '{"format": "thuiswijzer-gezin", "version": 1, "aids": {' + parts + "}}"
    assert len(content) < answers_file.MAX_BYTES
    with monkeypatch.context() as patched:
        patched.setattr(answers_file.json, "loads", lambda *a, **k: pytest.fail("parsed"))
        with pytest.raises(answers_file.FileError):
            family.load_text(content)
    response = json.loads(web.handle(json.dumps({"op": "import", "aid": "omgang",
                                                 "text": content})))
    assert response["ok"] is False and len(response["message"]) < 200


def test_twenty_unknown_parts_are_named_in_one_note_and_more_are_refused():
    parts = {f"deel{n}": {"version": 1} for n in range(family.MAX_PARTS)}
    content = json.dumps({"format": family.FORMAT, "version": 1, "aids": parts})
    opened = open_in("analyse", content)
    assert opened["note"].count("horen bij geen van de hulpmiddelen") == 1
    assert "'deel0'" in opened["note"] and len(opened["note"]) < 1000
    parts["een te veel"] = {}
    with pytest.raises(answers_file.FileError, match="meer dan 20 delen"):
        family.load_text(json.dumps({"format": family.FORMAT, "version": 1, "aids": parts}))


def largest_family() -> str:
    """The largest family file the aids can write: every aid's every field at its maximum, every
    option ticked, every entry filled, with a shared part of the same size beside it."""
    content = ""
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        answers = {}
        for question in aid.questions.values():
            if question.type == "multi":
                answers[question.id] = [o.value for o in question.options]
        for question in aid.questions.values():
            if question.per:
                members = aid.questions[question.per].options
                answers[question.id] = {m.value: "x" * question.max_length for m in members}
            elif question.type in ("text", "textarea"):
                answers[question.id] = "é" * question.max_length
            elif question.type == "choice":
                answers[question.id] = question.options[0].value
            elif question.type == "number":
                answers[question.id] = question.maximum
            elif question.type == "date":
                answers[question.id] = "2027-03-01"
        for step in aid.repeats.values():
            answers[step.id] = [{q.id: "x" * q.max_length if q.type in ("text", "textarea")
                                 else q.options[0].value if q.options else "2027-03-01"
                                 for q in step.questions}] * step.repeat
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, answers)
    data = json.loads(content)
    data["veiligheid"] = {"version": 1, "saved": "2027-03-01T10:00:00+00:00",
                          "answers": data["aids"]["analyse"]["answers"]}
    return json.dumps(data, ensure_ascii=False)


def test_the_largest_family_file_the_aids_write_is_well_inside_every_limit():
    content = largest_family()
    assert answers_file.problem(content) is None
    skeleton = answers_file._STRING.sub('""', content)
    assert skeleton.count(":") + skeleton.count(",") < answers_file.MAX_ITEMS / 4
    assert len(content.encode()) < answers_file.MAX_BYTES
    assert len(json.loads(content)["aids"]) < family.MAX_PARTS / 3
    for aid_id in aids.aid_ids():  # and it opens, with the shared part beside "aids"
        assert open_in(aid_id, content)["ok"] is True


# No full name leaves the aid ------------------------------------------------------------

def test_a_full_name_as_label_is_not_saved_in_the_file_nor_its_name():
    aid = aids.load("analyse")
    response = json.loads(web.handle(json.dumps({
        "op": "evaluate", "aid": "analyse", "fields": engine.to_fields(aid, {"label": "Jan Jansen",
                                                          "leden": ["ouder1"]}),
        "want": ["save"], "now": NOW})))
    assert "Jansen" not in response["family_json"] and "jansen" not in response["family_file"]
    assert response["name_left_out"] is True
    assert json.loads(response["family_json"])["aids"]["analyse"]["answers"] == {
        "leden": ["ouder1"]}


def test_a_full_name_in_an_opened_file_is_left_out_with_a_note():
    content = json.dumps({"format": family.FORMAT, "version": 1, "label": "JAN JANSEN",
                          "aids": {"analyse": {"version": 3, "answers": {
                              "leden": ["ouder1"], "label": "Piet de Boer"}}}})
    opened = open_in("nazorg", content)
    assert "label" not in opened["fields"] and "lijkt op een volledige naam" in opened["note"]
    saved = save("nazorg", {}, content)
    assert "JANSEN" not in saved and "Boer" not in saved


# Carrying without loss (issue 21) -----------------------------------------------------------

def _dump(aid_id: str, answers: dict, held: str | None, when: str) -> str:
    import datetime as dt

    aid = aids.load(aid_id)
    return family.dump(family.load_text(held)[0] if held else None, aid,
                       aids.normalize(aid, answers), dt.datetime.fromisoformat(when))


def test_ticked_help_joins_the_plan_and_a_choice_taken_away_stays_away():
    held = _dump("analyse", {"hulp_keuze": ["triple-p"]}, None, "2027-03-01T10:00:00+01:00")
    held = _dump("interventies", {"meenemen": ["video-hometraining"]}, held,
                 "2027-03-01T10:05:00+01:00")
    plan, origins = family.filled_in(family.load_text(held)[0], aids.load("analyse"))
    assert plan["hulp_keuze"] == ["triple-p", "video-hometraining"]  # joined, never replaced
    assert origins["hulp_keuze"] == ("interventies",)
    # The plan takes the tick away and is saved later: it stays away.
    held = _dump("analyse", {"hulp_keuze": ["triple-p"]}, held, "2027-03-01T10:10:00+01:00")
    assert family.answers_for(family.load_text(held)[0], aids.load("analyse"))["hulp_keuze"] == [
        "triple-p"]
    # Saving the intervention aid unchanged keeps its moment: still nothing comes back.
    held = _dump("interventies", {"meenemen": ["video-hometraining"]}, held,
                 "2027-03-01T10:15:00+01:00")
    assert json.loads(held)["aids"]["interventies"]["saved"] == "2027-03-01T10:05:00+01:00"
    assert family.answers_for(family.load_text(held)[0], aids.load("analyse"))["hulp_keuze"] == [
        "triple-p"]
    # New ticks there join again.
    held = _dump("interventies", {"meenemen": ["video-hometraining", "pcit"]}, held,
                 "2027-03-01T10:20:00+01:00")
    assert family.answers_for(family.load_text(held)[0], aids.load("analyse"))["hulp_keuze"] == [
        "triple-p", "video-hometraining", "pcit"]


def test_what_the_plan_knows_reaches_the_other_aids_with_where_it_came_from():
    held = _dump("analyse", {"leeftijd_kind": 9, "eigen_problemen": ["schulden", "trauma"],
                             "hulp_keuze": ["schuldhulpverlening", "triple-p"],
                             "woonsituatie": "uit_huis", "omgang_plek": "bezoekruimte",
                             "omgang_halen": "Pleegmoeder brengt."},
                 None, "2027-03-01T10:00:00+01:00")
    found = family.load_text(held)[0]
    chosen, origins = family.filled_in(found, aids.load("interventies"))
    assert chosen["leeftijd"] == 9 and chosen["zorgen"] == ["schulden", "trauma_ouder"]
    assert origins["zorgen"] == ("analyse",)
    after = family.answers_for(found, aids.load("nazorg"))
    assert after["lokale_hulp"] == ["schuldhulpverlening"]
    contact = family.answers_for(found, aids.load("omgang"))
    assert contact["leeftijd_kind"] == 9
    assert contact["contacten"] == [{"plek": "bezoekruimte", "halen_brengen": "Pleegmoeder brengt."}]
    response = json.loads(web.handle(json.dumps({"op": "import", "aid": "omgang", "text": held})))
    assert response["origins"]["contacten.1.plek"] == (
        "Overgenomen uit het gezinsdossier, van: Van analyse naar hulpverleningsplan.")
    assert response["open_step"] == "gezin"


def test_goals_carried_into_perspectief_read_as_sentences():
    held = _dump("analyse", {"doelen": [{"wat": "Vader neemt een time-out.", "wie": "moeder"},
                                        {"wat": "Elke ochtend op tijd op school",
                                         "wanneer": "2027-06-01"}]},
                 None, "2027-03-01T10:00:00+01:00")
    carried = family.answers_for(family.load_text(held)[0], aids.load("perspectief"))
    assert carried["doelen_plan"].splitlines() == [
        "Doel 1: Vader neemt een time-out. Wie: moeder",
        "Doel 2: Elke ochtend op tijd op school. Wanneer: 1 juni 2027"]
    assert ".;" not in carried["doelen_plan"]


def test_an_aid_with_nothing_typed_adds_no_part():
    held = _dump("nazorg", {}, None, "2027-03-01T10:00:00+01:00")
    assert json.loads(held)["aids"] == {}


def test_the_order_of_the_aids_names_every_aid_once():
    """The case-file document and the route on every aid page follow it: a new aid that is not
    in it would be missing there without a word."""
    assert sorted(definition.AIDS) == sorted(aids.aid_ids())
    assert len(set(definition.AIDS)) == len(definition.AIDS)


# The family's id (issue 21, point 8) ------------------------------------------------------

def test_a_file_gets_a_random_id_when_first_saved_and_keeps_it(monkeypatch):
    made = iter(["a" * 32, "b" * 32])
    monkeypatch.setattr(family, "new_id", lambda: next(made))
    first = save("analyse", {"leden": ["ouder1"], "label": "gezin B."})
    assert json.loads(first)["id"] == "a" * 32
    again = save("nazorg", {"label": "fam. B"}, first)  # another aid, another label
    assert json.loads(again)["id"] == "a" * 32
    other = save("analyse", {"leden": ["ouder1"], "label": "gezin B."})  # another family
    assert json.loads(other)["id"] == "b" * 32


def test_the_id_is_random_not_made_from_the_family():
    aid = aids.load("analyse")
    same = {"leden": ["ouder1"], "label": "gezin B."}
    ids = {json.loads(family.dump(None, aid, same))["id"] for _ in range(3)}
    assert len(ids) == 3 and all(family.FAMILY_ID.match(i) for i in ids)


@pytest.mark.parametrize("found", ["", "123", "g" * 32, 5, None, "A" * 32])
def test_an_id_of_the_wrong_shape_is_not_kept(found):
    data = {"format": family.FORMAT, "version": 1, "id": found,
            "aids": {"analyse": {"version": 3, "answers": {"leden": ["ouder1"]}}}}
    opened, _ = family.parse(data)
    assert opened.id == ""
    saved = family.dump(opened, aids.load("analyse"), {"leden": ["ouder1"]}, make_id=lambda: "c" * 32)
    assert json.loads(saved)["id"] == "c" * 32


def test_a_new_aid_keeps_its_part_of_the_family_file_once_listed_and_fails_before(sixth_aid):
    held = sixth_aid.family_file()
    with pytest.raises(DefinitionError, match="the aid 'zesde' is not in AIDS"):
        family.load_text(held)
    sixth_aid.register()
    found, notes = family.load_text(held)
    assert sorted(found.parts) == ["omgang", "zesde"] and notes == []
    assert found.parts["zesde"].answers == found.parts["omgang"].answers
    again = family.dump(found, aids.load("zesde"), found.parts["zesde"].answers)
    assert sorted(json.loads(again)["aids"]) == ["omgang", "zesde"]
