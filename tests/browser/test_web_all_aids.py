"""Every aid, the same way: completed with the keyboard alone (only the required answers,
typed or chosen with keys), axe-core with no violations on every step, the check page, the
error state and the result, and no request leaving the site."""

from __future__ import annotations

import datetime as dt

import pytest

import aids
from aids.engine import field_names
from browser_helpers import axe_violations, tab_to, wait_for_aid

AIDS = aids.aid_ids()



def answer_with_keys(page, aid, question, name: str, day: dt.date) -> None:
    """Give one required answer with the keyboard, the way a person would."""
    if question.type in ("choice", "multi"):
        tab_to(page, f'[name="{name}"]')  # a radio group is one Tab stop; the first box of a list
        page.keyboard.press("Space")
    elif question.type == "date":
        tab_to(page, f'[name="{name}"]')
        page.keyboard.type(f"{day.day}-{day.month}-{day.year}")
    elif question.type == "number":
        tab_to(page, f'[name="{name}"]')
        page.keyboard.type(str(question.minimum))
    else:
        tab_to(page, f'[name="{name}"]')
        page.keyboard.type("Ingevuld met het toetsenbord.")


@pytest.mark.parametrize("aid_id", AIDS)
def test_aid_with_keyboard_alone_and_accessible_in_every_state(page, server, aid_id):
    aid = aids.load(aid_id)
    page.goto(f"{server}/hulpmiddelen/{aid_id}.html")
    wait_for_aid(page)
    day = dt.date(2027, 1, 4)
    for index, step in enumerate(aid.steps):
        selector = f'[data-step="{step.id}"]'
        if page.locator(selector).is_hidden():
            continue  # a step that does not apply is skipped by the aid itself
        assert axe_violations(page) == [], step.id
        required = [q for q in step.questions if q.required and not step.repeat]
        if index == 0 and required:
            # The error state: go on without the required answers.
            tab_to(page, f"{selector} .aid-nav button:last-child")
            page.keyboard.press("Enter")
            page.locator("[data-aid-errors]").wait_for(state="visible")
            assert axe_violations(page) == [], "error state"
        for question in required:
            for name in field_names(aid, question):
                if page.locator(f'[data-field="{name}"]').is_visible():
                    answer_with_keys(page, aid, question, name, day)
                    day += dt.timedelta(days=40)
        tab_to(page, f"{selector} .aid-nav button:last-child")
        page.keyboard.press("Enter")
        page.wait_for_function("s => document.querySelector(s).hidden", arg=selector)
    page.locator("[data-aid-check]").wait_for(state="visible")
    assert axe_violations(page) == [], "check page"
    tab_to(page, "[data-aid-submit]")
    page.keyboard.press("Enter")
    page.locator("[data-aid-exports]").wait_for()
    assert page.evaluate("document.activeElement.matches('[data-aid-output]')")
    assert page.locator("[data-aid-errors]").is_hidden()
    assert axe_violations(page) == [], "result"
