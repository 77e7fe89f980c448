"""The case-file document made from a family file: every aid's part with its date and status,
the disclaimer once, a table of contents, room for agreement, typed text escaped."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import aids
from aids import answers_file, definition, document, family, web
from aid_checks import rule_label
from paths import ROOT
from aids.contract import ATTRIBUTES as A

EXAMPLES = ROOT / "tests" / "data" / "examples"
TODAY = dt.date(2027, 11, 1)


def family_of(*aid_ids: str, **changes) -> str:
    content = None
    for aid_id in aid_ids:
        aid = aids.load(aid_id)
        answers = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
        answers.update(changes.get(aid_id, {}))
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, aids.normalize(aid, answers),
                              dt.datetime(2027, 10, 1, 9, tzinfo=dt.timezone.utc))
    return content


def version(html: object, reader: str) -> str:
    """One version of the documents: its <article>."""
    found = re.search(rf'<article class="tw-document tw-document--{reader}" {A["resultVoice"]}="{reader}">'
                      r'.*?</article>', str(html), re.S)
    return found.group(0) if found else ""


def test_every_part_with_its_date_and_status_and_a_contents_list():
    html = version(document.html(family_of("analyse", "omgang", "perspectief", "nazorg"), TODAY),
                   "pro")
    # The safety and legal frame once, before the four parts.
    assert html.count('class="tw-doc-part"') == 5
    assert html.count("Bewaard op 1 oktober 2027") == 4
    assert "Status: besproken met ouders op 8 maart 2027" in html
    assert '<nav class="tw-doc-contents"' in html and 'href="#tw-doc-nazorg"' in html
    assert html.count("ondersteunen het oordeel") == 1  # the disclaimer once
    assert "Dossierdocument gezin B." in html and "gemaakt op 1 november 2027" in html
    # A signature block for each parent, by the role typed, and one for the professional.
    signs = re.findall(r'<div class="tw-doc-sign"><p>([^<]+)</p>', html)
    assert signs == ["moeder, A.", "vader, B.", "Professional"]


def test_a_plan_not_yet_discussed_is_a_concept_and_one_part_needs_no_contents():
    html = version(document.html(family_of("analyse", analyse={"besproken_op": ""}), TODAY), "pro")
    assert "Status: concept" in html and "tw-doc-contents" not in html


def test_typed_text_stays_text_and_a_wrong_file_gives_a_dutch_message():
    payload = '<script>alert(1)</script>'
    html = document.html(family_of("analyse", analyse={"label": "gezin <b>", "begin": payload}),
                         TODAY)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    with pytest.raises(answers_file.FileError, match="Dit is geen bestand van Thuiswijzer."):
        document.html('{"format": "x"}', TODAY)
    response = json.loads(web.handle(json.dumps({"op": "document", "text": "{niet goed"})))
    assert response == {"ok": False, "message": "Dit bestand is geen geldig JSON-bestand. "
                        "Misschien is het beschadigd of is het een ander soort bestand."}


def test_each_part_names_family_aid_status_and_day_in_the_header_that_repeats_on_its_pages():
    html = version(document.html(family_of("analyse", "omgang",
                                           omgang={"besproken_op": "", "label": "gezin B."}),
                                 TODAY), "pro")
    heads = re.findall(r'<thead aria-hidden="true"><tr><td class="tw-doc-header">([^<]*)</td>',
                       str(html))
    assert heads == [
        "gezin B. · dossierdocument · gemaakt op 1 november 2027",
        "gezin B. · dossierdocument · gemaakt op 1 november 2027",  # safety and legal frame
        "gezin B. · Van analyse naar hulpverleningsplan · besproken met ouders op 8 maart 2027"
        " · gemaakt op 1 november 2027",
        "gezin B. · Omgangsregeling plannen · concept · gemaakt op 1 november 2027",
        "gezin B. · dossierdocument · gemaakt op 1 november 2027",
    ]


def test_a_full_name_from_the_file_is_not_shown_and_the_document_says_why():
    content = json.loads(family_of("analyse", "omgang"))
    content["label"] = "Jan Jansen"
    for part in content["aids"].values():
        part["answers"]["label"] = "Jan Jansen"
    html = document.html(json.dumps(content), TODAY)
    assert "Jansen" not in html
    assert "Dossierdocument gezin zonder naam" in html
    assert "lijkt op een volledige naam en is daarom weggelaten" in html


def test_the_safety_part_shows_once_and_each_aid_keeps_its_own_remarks():
    danger = {"gevaren": ["geweld"], "geweld_wie": ["ouder"], "geweld_tegen": ["ouder"],
              "geweld_nu": "nog", "veilig_thuis": "nee"}
    contacts = json.loads((EXAMPLES / "omgang.json").read_text(encoding="utf-8"))["contacten"]
    # The part saved last holds the family's safety part: here omgang's.
    html = version(document.html(family_of(
        "analyse", "omgang", analyse=danger,
        omgang={**danger, "contacten": [{**c, "pleger": "ja"} for c in contacts]}), TODAY), "pro")
    front = html[html.index('id="tw-doc-kader"'):html.index('id="tw-doc-analyse"')]
    assert html.count("Bekende gevaren") == 1 and "Bekende gevaren" in front
    # What holds in every aid is said once, up front; each aid's own remark in its part. The
    # document holds text only: a remark is found by its rule's label, which names no other.
    shared = rule_label("analyse", "kader.versie_ouders")
    assert html.count(shared) == 1 and shared in front
    analyse = html[html.index('id="tw-doc-analyse"'):html.index('id="tw-doc-omgang"')]
    omgang = html[html.index('id="tw-doc-omgang"'):]
    own_analyse = rule_label("analyse", "analyse.geweld_gevaar_kind")
    own_omgang = rule_label("omgang", "omgang.pleger_begeleiding")
    assert own_analyse in analyse and own_analyse not in front + omgang
    assert own_omgang in omgang and own_omgang not in front + analyse
    assert '<a href="#tw-doc-kader">Veiligheid en wettelijk kader</a>' in html


def test_the_family_versions_are_documents_of_their_own_with_a_switch():
    html = str(document.html(family_of("analyse", "interventies", "omgang", "nazorg"), TODAY))
    switch = re.search(r'<fieldset class="aid-versions tw-doc-versions">.*?</fieldset>', html).group(0)
    assert re.findall(r'value="(\w+)"', switch) == ["pro", "ouders", "jongere"]
    assert 'checked' in switch.split('value="ouders"')[0]
    parents, youth = version(html, "ouders"), version(html, "jongere")
    assert "Onze afspraken: gezin B." in parents and "Voor jou: gezin B." in youth
    assert "gezin B. · versie voor ouders · gemaakt op 1 november 2027" in parents
    # Every aid's version for the reader, in order; interventies has none for the young person.
    assert re.findall(r'<h2 id="tw-doc-ouders-(\w+)-title">', parents) == [
        "analyse", "interventies", "omgang", "nazorg", "rechten"]
    assert re.findall(r'<h2 id="tw-doc-jongere-(\w+)-title">', youth) == [
        "analyse", "omgang", "nazorg", "rechten"]
    # What a family can do, once, at the end; room to sign.
    assert parents.count("Als jullie het niet eens zijn") == 2  # the heading and its contents entry
    assert youth.count("Met wie kun je praten?") == 2
    assert "Hulpverlener" in parents and "Jij" in youth
    # Nothing for the professional: not the safety part, not the professional's words.
    assert "Veiligheid en wettelijk kader" not in parents + youth
    assert "Over dit advies" not in parents + youth and "Dossierdocument" not in parents + youth


# The aids come from the one list (definition.AIDS) -----------------------------------------

def test_a_new_aid_has_its_part_in_the_document_once_listed_and_fails_with_a_reason_before(
        sixth_aid):
    held = sixth_aid.family_file()
    with pytest.raises(aids.DefinitionError, match="the aid 'zesde' is not in AIDS"):
        document.html(held, TODAY)
    sixth_aid.register()
    html = version(document.html(held, TODAY), "pro")
    assert html.count('class="tw-doc-part"') == 3  # the safety part, the contact aid, the sixth
    assert html.index('href="#tw-doc-omgang"') < html.index('href="#tw-doc-zesde"')
    assert "Zesde hulpmiddel" in html


def test_the_parts_follow_the_order_of_the_aids(monkeypatch):
    held = family_of("analyse", "nazorg")
    html = version(document.html(held, TODAY), "pro")
    assert html.index('href="#tw-doc-analyse"') < html.index('href="#tw-doc-nazorg"')
    monkeypatch.setattr(definition, "AIDS", tuple(reversed(definition.AIDS)))
    html = version(document.html(held, TODAY), "pro")
    assert html.index('href="#tw-doc-nazorg"') < html.index('href="#tw-doc-analyse"')
