"""The contact planner prints its schedule and points of attention as a one-page overview."""

from __future__ import annotations

import json
import re

from browser_helpers import AidPage, wait_for_aid
from paths import ROOT
from aids.contract import ATTRIBUTES as A


def test_one_page_overview_of_the_contact_schedule(page, server, tmp_path):
    example = json.loads((ROOT / "tests" / "data" / "examples" / "omgang.json").read_text())
    saved = tmp_path / "omgang.json"
    saved.write_text(json.dumps({"format": "thuiswijzer", "aid": "omgang", "version": 1,
                                 "answers": example}))
    page.goto(server + "/hulpmiddelen/omgang.html")
    wait_for_aid(page)
    page.set_input_files(f"[{A['import']}]", str(saved))
    AidPage(page).jump_to_check()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    assert page.locator(f"[{A['export']}=print-overzicht]").is_visible()
    page.evaluate(f"document.documentElement.setAttribute('{A['print']}', 'overzicht')")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # Printing ends with 'afterprint', which clears the mode: set it again to look closer.
    page.evaluate(f"document.documentElement.setAttribute('{A['print']}', 'overzicht')")
    page.emulate_media(media="print")
    assert page.locator(".aid-result--ouders").is_hidden()
    schedule = page.locator(".aid-result-section--overview").first
    assert schedule.is_visible() and "Contact 1" in schedule.inner_text()
    assert page.locator(".aid-result--pro .aid-result-section:not(.aid-result-section--overview)").first.is_hidden()
