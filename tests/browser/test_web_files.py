"""Opening a family file, hostile or not, on every page that opens one (aid pages, the case-file
page, the group overview): typed work is never lost (the page asks first, and says exactly what
the file brings), a file with nothing for the aid leaves the form as it is, a refused part is
named, no full name leaves the aid, files outside the limits are refused before Python reads
them, and a page whose Python stops on a file starts it again."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import aids
from aids import family
from aids.texts import group, text
from browser_helpers import answer_dialog, axe_violations, wait_for_aid
from paths import ROOT
from aids.contract import ATTRIBUTES as A

EXAMPLES = ROOT / "tests" / "data" / "examples"
LOADER = group("loader")
FILES = group("files")
SAVED = dt.datetime(2027, 3, 1, 9, tzinfo=dt.timezone.utc)
CASE_FILE_READY = f"() => document.querySelector('[{A['caseFile']}]').dataset.twCaseFile === 'ready'"
OVERVIEW_READY = f"() => document.querySelector('[{A['overview']}]').dataset.twOverview === 'ready'"


def family_file(tmp_path, name: str = "gezin.json", **parts: dict) -> str:
    """A family file with these aids' answers (label gezin B.), written to tmp_path."""
    content = None
    for aid_id, answers in parts.items():
        aid = aids.load(aid_id)
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, aids.normalize(aid, answers), SAVED)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def write(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def open_aid(page, server, aid_id: str) -> None:
    page.goto(f"{server}/hulpmiddelen/{aid_id}.html")
    wait_for_aid(page)


def test_a_file_with_nothing_for_this_aid_leaves_every_typed_field(page, server, tmp_path):
    """Issue 20: on omgang, this file emptied all 66 fields."""
    open_aid(page, server, "omgang")
    page.fill("[name=label]", "gezin K.")
    page.fill("[name=plaatsing_datum]", "1-3-2027")
    empty = write(tmp_path, "leeg.json",
                  '{"format":"thuiswijzer-gezin","version":1,"label":"gezin B.","aids":{}}')
    page.set_input_files(f"[{A['import']}]", empty)
    status = page.locator(f"[{A['status']}]")
    status.get_by_text("Er staat nog niets in voor dit hulpmiddel.").wait_for()
    assert page.locator("dialog").count() == 0
    assert page.input_value("[name=label]") == "gezin K."
    assert page.input_value("[name=plaatsing_datum]") == "1-3-2027"
    # Saving now adds this aid's part to that file.
    with page.expect_download() as download:
        page.locator(f"[{A['save']}]:visible").click()
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert saved["label"] == "gezin K." and list(saved["aids"]) == ["omgang"]
    assert saved["aids"]["omgang"]["answers"]["plaatsing_datum"] == "2027-03-01"


def test_typed_answers_are_replaced_only_after_the_page_asked(page, server, tmp_path):
    plan = family_file(tmp_path, analyse={"leden": ["ouder1", "kind1"], "label": "gezin B.",
                                          "rol": {"ouder1": "moeder"}, "begin": "Uit het bestand."})
    open_aid(page, server, "analyse")
    page.check("#tw-analyse-leden-0")
    page.fill("#tw-analyse-rol--ouder1", "vader, al getypt")
    page.set_input_files(f"[{A['import']}]", plan)
    dialog = page.locator("dialog.aid-dialog[open]")
    dialog.wait_for()
    shown = dialog.inner_text()
    assert LOADER["replace_intro"] in shown and "Aantal beantwoorde vragen: 4." in shown
    assert "bewaard op 1 maart 2027" in shown
    assert page.evaluate("() => document.activeElement.textContent") == LOADER["replace_no"]
    assert axe_violations(page) == []
    page.keyboard.press("Escape")  # Escape keeps the answers, as "Houd mijn antwoorden" does
    dialog.wait_for(state="detached")
    page.locator(f"[{A['status']}]").get_by_text(LOADER["replace_kept"]).wait_for()
    assert page.input_value("#tw-analyse-rol--ouder1") == "vader, al getypt"
    page.set_input_files(f"[{A['import']}]", plan)
    answer_dialog(page, LOADER["replace_no"])
    assert page.input_value("#tw-analyse-rol--ouder1") == "vader, al getypt"
    page.set_input_files(f"[{A['import']}]", plan)
    answer_dialog(page, LOADER["replace_yes"])
    page.locator(f"[{A['status']}]").get_by_text("Het gezinsdossier 'gezin B.' is geopend.").wait_for()
    assert page.input_value("#tw-analyse-rol--ouder1") == "moeder"
    assert page.is_checked("[name=leden][value=kind1]")


def test_a_refused_part_is_named_and_nothing_changes(page, server, tmp_path):
    content = json.loads(open(family_file(tmp_path, analyse={"leden": ["ouder1"]})).read())
    content["aids"]["omgang"] = {"version": 1, "answers": {"bestaat_niet": 1}}
    broken = write(tmp_path, "kapot.json", json.dumps(content))
    open_aid(page, server, "omgang")
    page.fill("[name=plaatsing_datum]", "1-3-2027")
    page.set_input_files(f"[{A['import']}]", broken)
    error = page.locator(f"[{A['importError']}]")
    error.wait_for()
    assert "Het deel van 'Omgangsregeling plannen' in dit gezinsdossier kon niet worden gelezen." \
        in error.inner_text()
    assert page.input_value("[name=plaatsing_datum]") == "1-3-2027"
    assert page.locator("dialog").count() == 0


def test_a_full_name_is_not_saved_and_the_page_says_why(page, server):
    open_aid(page, server, "analyse")
    page.check("#tw-analyse-leden-0")
    page.fill("#tw-analyse-label", "Jan Jansen")
    page.locator(f"[{A['errorFor']}=label]").get_by_text("Dit lijkt op een volledige naam.").wait_for()
    with page.expect_download() as download:
        page.locator(f"[{A['save']}]:visible").click()
    name = download.value.suggested_filename
    content = open(download.value.path(), encoding="utf-8").read()
    assert "jansen" not in name.lower() and "Jansen" not in content
    status = page.locator(f"[{A['saveStatus']}]:visible")
    status.get_by_text("Het label lijkt op een volledige naam en staat daarom niet in het"
                       " bestand.").wait_for()


HOSTILE = {
    "utf-16": ('{"format": "thuiswijzer-gezin", "version": 1, "aids": {}}'.encode("utf-16"),
               "not_utf8"),
    "invalid utf-8": (b'{"format": "thuiswijzer-gezin", "label": "\xff\xfe", "aids": {}}',
                      "not_utf8"),
    "70,000 parts": ('{"format":"thuiswijzer-gezin","version":1,"aids":{'
                     + ",".join(f'"{n}":1' for n in range(70_000)) + "}}", "too_many_items"),
    "long number": ('{"format": "thuiswijzer-gezin", "version": ' + "9" * 5000 + ', "aids": {}}',
                    "number_too_long"),
    "deep": ("[" * 5000 + "]" * 5000, "too_deep"),
}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_file_outside_the_limits_is_refused_by_the_page_before_python(page, server, tmp_path,
                                                                         hostile):
    content, problem = HOSTILE[hostile]
    path = write(tmp_path, "vijandig.json", content)
    open_aid(page, server, "omgang")
    page.fill("[name=plaatsing_datum]", "1-3-2027")
    page.set_input_files(f"[{A['import']}]", path)
    error = page.locator(f"[{A['importError']}]")
    error.get_by_text(FILES[problem]).wait_for()
    assert page.input_value("[name=plaatsing_datum]") == "1-3-2027"
    assert page.get_attribute("form.aid", A["state"]) == "ready"
    # The case-file page and the group overview refuse it the same way, and stay ready.
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(CASE_FILE_READY)
    page.set_input_files(f"[{A['caseFileInput']}]", path)
    page.locator(f"[{A['caseFileStatus']}]").get_by_text(FILES[problem]).wait_for()
    page.goto(f"{server}/trainen/groepsoverzicht.html")
    page.wait_for_function(OVERVIEW_READY)
    good = family_file(tmp_path, analyse={"leden": ["ouder1"], "hulp_keuze": ["triple-p"]})
    page.set_input_files(f"[{A['overviewFiles']}]", [path, good])
    output = page.locator(f"[{A['overviewOutput']}]")
    output.locator(".tw-ov-question").first.wait_for()
    assert FILES[problem] in output.locator(".tw-overview-problems").inner_text()
    assert "Triple P" in output.inner_text()


def test_a_document_never_shows_a_full_name_from_the_file(page, server, tmp_path):
    content = json.loads(open(family_file(tmp_path, analyse={"leden": ["ouder1"]})).read())
    content["label"] = "Jan Jansen"
    path = write(tmp_path, "naam.json", json.dumps(content))
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(CASE_FILE_READY)
    page.set_input_files(f"[{A['caseFileInput']}]", path)
    page.locator(".tw-document--pro").wait_for()
    assert "Jansen" not in page.content()
    assert text("family.name_left_out") in page.inner_text(".tw-document--pro")


def test_the_overview_names_one_bad_file_and_clears_an_older_table(page, server, tmp_path):
    good = [family_file(tmp_path, f"groep-{n}.json", analyse={"leden": ["ouder1"], "hulp_keuze":
                                                              ["triple-p"]}) for n in (1, 2)]
    bad = write(tmp_path, "groep-3.json", '{"format": "thuiswijzer", "aid": "analyse", '
                '"version": 1, "answers": {"onbekend": 1}}')
    page.goto(f"{server}/trainen/groepsoverzicht.html")
    page.wait_for_function(OVERVIEW_READY)
    page.set_input_files(f"[{A['overviewFiles']}]", [good[0], bad, good[1]])
    output = page.locator(f"[{A['overviewOutput']}]")
    output.locator(".tw-ov-question").first.wait_for()
    # the two good files, side by side
    assert output.locator(".tw-ov-question").first.locator(".tw-ov-answer").count() == 2
    assert "Bestand groep-3.json: Dit bestand past niet" in output.inner_text()
