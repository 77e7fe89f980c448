"""Every aid, the same way: completed with the keyboard alone (only the required answers,
typed or chosen with keys), axe-core with no violations on every step, the check page, the
error state and the result, and no request leaving the site."""

from __future__ import annotations

import datetime as dt

import pytest

import aids
from aids.engine import field_names
from browser_helpers import AidPage, axe_violations, pdf_pages, tab_to, wait_for_aid
from paths import served
from aids.contract import ATTRIBUTES as A

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
    keys = AidPage(page, keys=True)
    day = dt.date(2027, 1, 4)
    for index, step in enumerate(aid.steps):
        selector = f'[{A["step"]}="{step.id}"]'
        if page.locator(selector).is_hidden():
            continue  # a step that does not apply is skipped by the aid itself
        assert axe_violations(page) == [], step.id
        required = [q for q in step.questions if q.required and not step.repeat]
        if index == 0 and required:
            # The error state: go on without the required answers.
            keys.next(wait=False)
            page.locator(f"[{A['errors']}]").wait_for(state="visible")
            assert axe_violations(page) == [], "error state"
        for question in required:
            for name in field_names(aid, question):
                if page.locator(f'[{A["field"]}="{name}"]').is_visible():
                    answer_with_keys(page, aid, question, name, day)
                    day += dt.timedelta(days=40)
        keys.next()
    assert keys.shown() == "controle"
    assert axe_violations(page) == [], "check page"
    keys.submit()
    assert page.evaluate(f"document.activeElement.matches('[{A['output']}] .aid-result-title')")
    assert page.locator(f"[{A['errors']}]").is_hidden()
    assert axe_violations(page) == [], "result"


# The wizard behaves like the web -------------------------------------------------------------

@pytest.mark.parametrize("aid_id", AIDS)
def test_the_first_screen_at_1366_by_768_shows_the_first_question(page, server, aid_id):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{server}/hulpmiddelen/{aid_id}.html")
    wait_for_aid(page)
    first = page.locator(f"[{A['step']}]:not([hidden]) [{A['question']}]:not([hidden])").first
    label = first.locator("legend, label").first.bounding_box()
    control = first.locator("input, textarea").first.bounding_box()
    assert label["y"] >= 0 and control["y"] + control["height"] <= 768, (label, control)


def test_back_and_forward_move_between_steps_and_leaving_from_the_first_step_warns(page, server):
    page.goto(f"{server}/hulpmiddelen/omgang.html")
    wait_for_aid(page)
    page.check("#tw-omgang-leden-0")
    walk = AidPage(page)
    walk.next()
    assert walk.shown() == "kader"
    walk.next()
    assert walk.shown() == "contacten"
    page.go_back()
    assert walk.shown() == "kader"
    assert page.evaluate(f"() => document.activeElement.matches('[{A['step']}=kader] h2')")
    page.go_back()
    assert walk.shown() == "gezin"
    page.go_forward()
    assert walk.shown() == "kader"
    page.go_back()
    # One more Back leaves the aid: the browser asks first, because something was typed.
    page.once("dialog", lambda dialog: dialog.dismiss())
    with page.expect_event("dialog", timeout=10_000) as asked:
        page.evaluate("() => history.back()")
    assert asked.value.type == "beforeunload"
    assert walk.shown() == "gezin"


def test_step_numbers_count_only_the_steps_that_are_asked(page, server):
    aid = aids.load("analyse")
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    asked = (f"() => [...document.querySelectorAll('[{A['step']}]')].filter(step => "
             f"step.querySelector('[{A['field']}]:not([hidden])'))"
             ".map(step => step.querySelector('.aid-progress').textContent)")
    check = f"[{A['check']}] .aid-progress"
    page.check("#tw-analyse-leden-0")
    for living, count in (("uit_huis", len(aid.steps)), ("thuis", len(aid.steps) - 1)):
        # Living elsewhere asks about contact; living at home skips that step.
        page.check(f"input[name=woonsituatie][value={living}]")
        page.wait_for_function(f"n => document.querySelectorAll('[{A['step']}]').length - "
                               f"[...document.querySelectorAll('[{A['step']}]')].filter(s => "
                               f"!s.querySelector('[{A['field']}]:not([hidden])')).length === n",
                               arg=count)
        total = count + 1
        assert page.evaluate(asked) == [f"Stap {n} van {total}" for n in range(1, total)]
        assert page.locator(check).text_content() == f"Stap {total} van {total}"


@pytest.mark.parametrize("started", [True, False], ids=["python", "zonder-python"])
def test_printing_before_the_result_gives_a_blank_worksheet_of_every_step(page, server, started):
    aid = aids.load("omgang")
    if not started:
        page.route(f"**/assets/runtime/{served('bin/worker.js')}", lambda route: route.fulfill(status=404, body=""))
    page.goto(f"{server}/hulpmiddelen/omgang.html")
    wait_for_aid(page, "ready" if started else "unavailable")
    text = " ".join(pdf_pages(page)).replace("\n", " ")
    for step in aid.steps:
        assert step.title in text, step.title
        for question in step.questions:
            assert question.label.split("\n")[0][:40] in text, question.id
    for control in ("Volgende stap", "Bewaar het gezinsdossier", "Wis alles", "Zoeken"):
        assert control not in text
    if started:  # a repeated step: the entries in use and one blank one, not all eight
        assert "Contact 1" in text and "Contact 2" in text and "Contact 3" not in text


def test_a_worksheet_after_choosing_members_asks_only_about_them(page, server):
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    page.emulate_media(media="print")
    every = page.locator(f"[{A['member']}]:visible").count()
    members = page.locator(f"[{A['members']}] input").count()
    assert every > 0 and every % members == 0  # blank: every member of every question
    page.emulate_media(media="screen")
    page.check("#tw-analyse-leden-0")  # Ouder 1
    page.check("#tw-analyse-leden-2")  # Kind 1
    # Both choices have reached the form: only their fields show, and both do.
    page.wait_for_function(f"""() => {{
        const shown = [...document.querySelectorAll('[{A['member']}]:not([hidden])')]
            .map(f => f.dataset.member);
        return shown.includes('ouder1') && shown.includes('kind1')
            && shown.every(m => m === 'ouder1' || m === 'kind1');
    }}""")
    page.emulate_media(media="print")
    shown = page.eval_on_selector_all(
        f"[{A['member']}]", "fields => fields.filter(f => f.checkVisibility())"
                         ".map(f => f.dataset.member)")
    assert sorted(set(shown)) == ["kind1", "ouder1"] and len(shown) == every // members * 2
