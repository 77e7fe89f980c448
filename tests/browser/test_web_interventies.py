"""The intervention aid in Chromium: keyboard alone, accessibility in every state, and carrying
the ticked options into the hulpverleningsplan."""

from __future__ import annotations

from browser_helpers import AidPage, axe_violations, tab_to, wait_for_aid
from aids.contract import ATTRIBUTES as A

AID = "/hulpmiddelen/interventies.html"



def test_completed_with_the_keyboard_alone_and_accessible_in_every_state(page, server):
    page.goto(server + AID)
    wait_for_aid(page)
    keys = AidPage(page, keys=True)
    assert axe_violations(page) == []
    tab_to(page, "#tw-interventies-leeftijd")
    page.keyboard.type("veertig")
    keys.next(wait=False)
    page.locator(f"[{A['errors']}]").wait_for(state="visible")
    assert "Vul een heel getal in van 0 tot en met 23." in page.inner_text(f"[{A['errors']}]")
    assert "Kies de fase waarin het gezin zit." in page.inner_text(f"[{A['errors']}]")
    assert axe_violations(page) == []
    tab_to(page, "#tw-interventies-leeftijd")
    page.keyboard.press("Control+A")
    page.keyboard.type("6")
    tab_to(page, "[name=fase][value=voorkomen]")   # a radio group is one Tab stop
    page.keyboard.press("ArrowDown")                 # arrows choose within it: 'tijdens'
    assert page.is_checked("[name=fase][value=tijdens]")
    keys.next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for(state="visible")
    assert axe_violations(page) == []
    tab_to(page, "[name=gevaren][value=geen]")
    page.keyboard.press("Space")
    keys.next(wait=False)
    page.locator(f"[{A['step']}=zorgen]").wait_for(state="visible")
    assert axe_violations(page) == []
    for concern in ("gedrag_kind", "trauma_ouder", "contact"):
        tab_to(page, f"[name=zorgen][value={concern}]")
        page.keyboard.press("Space")
    keys.next(wait=False)
    page.locator(f"[{A['check']}]").wait_for(state="visible")
    assert axe_violations(page) == []
    tab_to(page, f"[{A['submit']}]")
    page.keyboard.press("Enter")
    output = page.locator(f"[{A['output']}]")
    # Parental trauma first; every name links to its page.
    output.get_by_role("link", name="1. Traumabehandeling voor ouders", exact=True).wait_for()
    assert output.locator("a[href='../interventies/pcit.html']").count() == 1
    assert "Past niet, en waarom" in output.inner_text()
    assert "Multisysteemtherapie (MST)" in output.inner_text()
    assert axe_violations(page) == []
    # Tick two options with the keyboard and carry them into the plan.
    tab_to(page, "#tw-meenemen-pcit")
    page.keyboard.press("Space")
    tab_to(page, "#tw-meenemen-traumabehandeling-ouders")
    page.keyboard.press("Space")
    tab_to(page, f"[{A['carry']}]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/hulpmiddelen/analyse.html*")
    wait_for_aid(page)
    page.locator(f"[{A['status']}]").get_by_text("staat nu bij de stap").wait_for()
    assert page.is_checked("input[name=hulp_keuze][value=pcit]")
    assert page.is_checked("input[name=hulp_keuze][value=traumabehandeling-ouders]")
    assert not page.is_checked("input[name=hulp_keuze][value=mst]")
    assert page.evaluate("location.hash") == ""


def test_result_exports_like_the_other_aids(page, server):
    page.goto(server + AID)
    wait_for_aid(page)
    page.check("[name=fase][value=voorkomen]")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    AidPage(page).next(wait=False)
    page.check("[name=zorgen][value=crisis]")
    AidPage(page).to_check()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    with page.expect_download() as markdown:
        page.click(f"[{A['export']}=markdown]")
    text = open(markdown.value.path(), encoding="utf-8").read()
    assert "Families First" in text and "### Past mogelijk" in text
