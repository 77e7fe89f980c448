"""The aftercare plan in Chromium: the .ics download parses back, and a saved file of the
analysis aid gives the family description."""

from __future__ import annotations

import json

import icalendar

from browser_helpers import AidPage, wait_for_aid
from aids.contract import ATTRIBUTES as A

AID = "/hulpmiddelen/nazorg.html"


def test_calendar_download_and_family_from_another_aid(page, server, tmp_path):
    page.goto(server + AID)
    wait_for_aid(page)
    saved = tmp_path / "analyse.json"
    saved.write_text(json.dumps({"format": "thuiswijzer", "aid": "analyse", "version": 2,
                                 "answers": {"leden": ["ouder1", "kind1"], "rol": {"kind1": "zoon, 9"},
                                             "begin": "Niet voor dit hulpmiddel."}}))
    page.set_input_files(f"[{A['import']}]", str(saved))
    page.locator(f"[{A['status']}]").get_by_text("alleen de beschrijving van het gezin").wait_for()
    page.locator(f"[{A['step']}=gezin]").wait_for()  # the first step with a question still open
    assert page.is_checked("[name=leden][value=kind1]")
    assert page.input_value("[name='rol.kind1']") == "zoon, 9"
    page.fill("[name=plaatsing_datum]", "1-2-2027")
    page.fill("[name=terugkeer_datum]", "1-1-2027")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['errors']}]").get_by_text("ligt vóór 'Datum van de uithuisplaatsing'").wait_for()
    page.fill("[name=terugkeer_datum]", "31-1-2028")
    AidPage(page).to_check()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    plan = page.inner_text(f"[{A['output']}]")
    # Three months after 31 January is Sunday 30 April; New Year's Day 2029 is no working day.
    assert "maandag 1 mei 2028 — maand 3, evaluatie" in plan
    assert "dinsdag 2 januari 2029 — maand 11" in plan and "maandag 1 januari 2029" not in plan
    with page.expect_download() as download:
        page.click(f"[{A['export']}=ics]")
    assert download.value.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 30 and str(events[-1]["SUMMARY"]) == "Nazorg: maand 12, evaluatie"
