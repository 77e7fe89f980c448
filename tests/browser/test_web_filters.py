"""Filters on the interventions overview: without a script the same choice is there as lists;
with it, the table follows age, phase and concern. The page loads no Python."""

from __future__ import annotations

from aids import catalogue
from browser_helpers import axe_violations, new_context
from aids.contract import ATTRIBUTES as A

PAGE = "/interventies/index.html"


def shown(page) -> list[str]:
    return page.locator(f"[{A['filterTable']}] tbody tr:visible td:first-child").all_inner_texts()


def test_filters_follow_age_phase_and_concern(page, server):
    page.goto(server + PAGE)
    page.locator(f"[{A['filter']}]").wait_for()
    total = len(catalogue.interventions())
    assert len(shown(page)) == total
    page.fill("#tw-filter-leeftijd", "4")
    assert "Multisysteemtherapie (MST)" not in shown(page)
    assert "Parent-Child Interaction Therapy (PCIT)" in shown(page)
    page.select_option("#tw-filter-fase", "voorkomen")
    page.select_option("#tw-filter-zorg", "crisis")
    assert shown(page) == ["Families First"]
    assert page.inner_text(f"[{A['filterCount']}]") == f"1 van de {total} passen bij je keuze."
    page.fill("#tw-filter-leeftijd", "vier")
    assert "Typ de leeftijd als een heel getal." in page.inner_text(f"[{A['filterCount']}]")
    assert axe_violations(page) == []
    assert not [u for u in page.guard.seen if "/assets/runtime/" in u or "aid.js" in u]


def test_without_script_the_lists_offer_the_same_choice(browser, server):
    context = new_context(browser)
    context.set_extra_http_headers({})
    page = context.new_page()
    page.route("**/assets/filter.js", lambda route: route.abort())
    page.goto(server + PAGE)
    assert page.locator(f"[{A['filter']}]").is_hidden()
    page.get_by_text("Per zorg").click()
    crisis = page.locator("li", has_text="Acute crisis: uithuisplaatsing dreigt")
    assert "Families First" in crisis.inner_text()
    assert axe_violations(page) == []
    context.close()
