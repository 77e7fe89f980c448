"""The analysis aid in Chromium over http: its states, errors, escaping, keyboard use,
and what happens when Python cannot start."""

from __future__ import annotations

import pytest

from browser_helpers import axe_violations, new_context, wait_for_aid

AID = "/hulpmiddelen/analyse.html"
PAYLOAD = '<img src=x onerror="window.__pwned=1">"<script>window.__pwned=2</script>'


@pytest.fixture
def aid(page, server):
    page.goto(server + AID)
    wait_for_aid(page)
    page.locator("[data-aid-output] h2").wait_for()
    return page


def test_ready_state_shows_a_live_summary_and_is_accessible(aid):
    assert "Het hulpmiddel is klaar" in aid.inner_text("[data-aid-status]")
    assert aid.locator("[data-aid-output]").get_attribute("aria-live") == "polite"
    assert "Nog open" in aid.inner_text("[data-aid-output]")
    # Per-member fields are hidden until the member is chosen.
    assert aid.locator('[data-field="problemen.ouder1"]').is_hidden()
    assert axe_violations(aid) == []


def test_error_state_has_summary_and_field_errors_and_keeps_answers(aid):
    aid.fill("#tw-analyse-begin", "Na de verhuizing.")
    aid.fill("#tw-analyse-datum-gesprek", "2027-03-15")
    aid.fill("#tw-analyse-datum-terugkijken", "2027-03-01")
    aid.click("button[type=submit]")
    summary = aid.locator("[data-aid-errors]")
    summary.wait_for(state="visible")
    text = summary.inner_text()
    assert "Er is een probleem" in text
    assert "Kies minstens één gezinslid" in text
    assert "Deze datum ligt vóór 'Datum van het gesprek'" in text
    assert aid.evaluate("document.activeElement.matches('[data-aid-errors]')")
    error = aid.locator('[data-error-for="datum_terugkijken"]')
    assert error.is_visible() and error.inner_text().startswith("Fout: Deze datum ligt vóór")
    assert aid.get_attribute("#tw-analyse-datum-terugkijken", "aria-invalid") == "true"
    assert aid.input_value("#tw-analyse-begin") == "Na de verhuizing."
    assert aid.input_value("#tw-analyse-datum-terugkijken") == "2027-03-01"
    # The summary links take you to the field.
    summary.get_by_role("link", name="Kies minstens één gezinslid").click()
    assert aid.evaluate("location.hash") == "#tw-analyse-leden"
    assert axe_violations(aid) == []


def test_result_state_shows_typed_text_as_text(aid):
    aid.check("#tw-analyse-leden-0")
    aid.check("#tw-analyse-leden-2")
    aid.locator('[data-field="problemen.kind1"]').wait_for(state="visible")
    aid.fill("#tw-analyse-problemen--kind1", PAYLOAD)
    aid.fill("#tw-analyse-begin", PAYLOAD)
    aid.click("button[type=submit]")
    output = aid.locator("[data-aid-output]")
    output.get_by_text("Wat moeilijk gaat — Kind 1").wait_for()
    assert aid.evaluate("document.activeElement.matches('[data-aid-output]')")
    assert PAYLOAD in output.inner_text()
    assert output.locator("img, script").count() == 0
    assert aid.evaluate("window.__pwned") is None
    assert aid.locator("[data-aid-errors]").is_hidden()
    assert axe_violations(aid) == []


def test_condition_reveals_the_trauma_question(aid):
    question = aid.locator('[data-question="trauma_gevolg"]')
    assert question.is_hidden()
    aid.get_by_label("Trauma, bijvoorbeeld uit de eigen jeugd").check()
    question.wait_for(state="visible")


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_aid_can_be_completed_with_the_keyboard_alone(page, server):
    page.goto(server + AID)
    wait_for_aid(page)
    tab_to(page, "#tw-analyse-leden-0")
    page.keyboard.press("Space")
    tab_to(page, "#tw-analyse-leden-2")
    page.keyboard.press("Space")
    tab_to(page, "#tw-analyse-datum-gesprek")
    page.keyboard.type("15-3-2027")
    tab_to(page, "#tw-analyse-problemen--ouder1")
    page.keyboard.type("Weinig slaap door zorgen over geld.")
    tab_to(page, "#tw-analyse-krachten--kind1")
    page.keyboard.type("Gaat graag naar school.")
    tab_to(page, "#tw-analyse-begin")
    page.keyboard.type("Na het verlies van werk.")
    tab_to(page, "#tw-analyse-gedeeld-0")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    output = page.locator("[data-aid-output]")
    output.get_by_text("Na het verlies van werk.").wait_for()
    text = output.inner_text()
    assert "Weinig slaap door zorgen over geld." in text
    assert "Gaat graag naar school." in text
    assert "15 maart 2027" in text
    assert page.evaluate("document.activeElement.matches('[data-aid-output]')")


def test_missing_runtime_file_leaves_a_usable_checklist(browser, server):
    context = new_context(browser)
    context.route("**/assets/runtime/worker.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(server + AID)
    wait_for_aid(page, "unavailable")
    status = page.inner_text("[data-aid-status]")
    assert "kan in deze browser niet starten" in status and "checklist" in status
    page.fill("#tw-analyse-begin", "Nog steeds te typen.")
    page.click("button[type=submit]")
    assert page.input_value("#tw-analyse-begin") == "Nog steeds te typen."
    assert axe_violations(page) == []
    context.close()


def test_browser_without_webassembly_gets_a_clear_message(browser, server):
    context = new_context(browser)
    context.add_init_script("delete window.WebAssembly")
    page = context.new_page()
    page.goto(server + AID)
    wait_for_aid(page, "unavailable")
    assert "WebAssembly" in page.inner_text("[data-aid-status]")
    context.close()


def test_start_that_hangs_gives_up_after_20_seconds(browser, server):
    context = new_context(browser)
    # The wasm never arrives: the request stays pending until the test ends.
    pending = []
    context.route("**/assets/runtime/wasm-0.js", lambda route: pending.append(route))
    page = context.new_page()
    page.clock.install()
    page.goto(server + AID, wait_until="domcontentloaded")
    page.clock.run_for(19_000)
    assert page.get_attribute("form.aid", "data-state") == "loading"
    page.clock.run_for(2_000)
    wait_for_aid(page, "unavailable")
    assert "langer dan 20 seconden" in page.inner_text("[data-aid-status]")
    for route in pending:
        route.abort()
    context.close()


def test_the_page_stays_responsive_while_python_starts(page, server):
    page.goto(server + AID)
    # Typing works before Python is ready, and nothing typed is lost when it becomes ready.
    page.fill("#tw-analyse-begin", "Vroeg getypt.")
    wait_for_aid(page)
    assert page.input_value("#tw-analyse-begin") == "Vroeg getypt."
    page.locator("[data-aid-output]").get_by_text("Vroeg getypt.").wait_for()
