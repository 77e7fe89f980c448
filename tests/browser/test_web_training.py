"""The pages for trainers in Chromium: every case opens in every aid it names and gives a result
without errors (over http and from the offline zip); projector mode with the keyboard alone;
print views without navigation; the group overview of three saved files; the download page
and the zip it serves."""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.request
import zipfile

import pytest

import aids
from aids.texts import group
import bundle
import training_pages
from aids import answers_file, catalogue
from browser_helpers import AidPage, answer_dialog, axe_violations, tab_to, wait_for_aid
from paths import DIST_ZIP
from aids.contract import ATTRIBUTES as A

PAIRS = [(case.id, aid_id) for case in catalogue.cases() for aid_id in case.answers]
AIDS_WITH_CASES = sorted({aid_id for _, aid_id in PAIRS})
LOADER = group("loader")
OPENED = LOADER["file_opened"].split("{note}")[0].strip()  # what the status says first
BEAMER = {"width": 1280, "height": 720}


CASES = {case.id: case for case in catalogue.cases()}
FIRST_STEP = f"() => !document.querySelector('form.aid [{A['step']}]').hidden"
SLOTS = re.compile(r"\b(Ouder|Kind) [1-3]\b")


def open_case(page, url: str) -> None:
    """Open an aid page that names a case, and wait until the case is in the form: on its first
    step, the members named by their roles."""
    page.goto(url)
    wait_for_aid(page)
    page.wait_for_function(f"() => document.querySelector('[{A['import']}]').files.length === 0 "
                           "&& document.querySelector('form.aid').dataset.state === 'ready' && "
                           "[...document.querySelectorAll('form.aid input[type=text], "
                           "form.aid textarea')].some(e => e.value)", timeout=30_000)
    page.wait_for_function(FIRST_STEP)


def visible_text(page) -> str:
    return page.locator(".md-content").inner_text()


def passes_its_checks_and_gives_a_result(page) -> None:
    """From where the case landed: every step passes its checks, then the result, without an
    error and with nothing stored in the browser."""
    AidPage(page).to_check()
    page.locator(f"[{A['checkBody']}] dd").first.wait_for()
    assert not SLOTS.search(page.locator(f"[{A['checkBody']}]").inner_text())  # roles, not slots
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    assert page.locator(f"[{A['errors']}]").is_hidden()
    assert page.locator(f"[{A['output']}] .aid-result").count() >= 1
    assert not page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length")


@pytest.mark.parametrize("aid_id", AIDS_WITH_CASES)
def test_every_case_opens_in_each_aid_it_names_and_gives_a_result(page, server, aid_id):
    """The first case through its link (#casus=), the others one after another in the same page
    through the aid's own control for a saved file, as a trainer goes from case to case in a
    workshop: each one replaces the last and gives a result."""
    first, *others = [case_id for case_id, named in PAIRS if named == aid_id]
    open_case(page, f"{server}/hulpmiddelen/{aid_id}.html#casus={first}")
    role = next(iter(CASES[first].answers_for(aid_id).get("rol", {}).values()), None)
    if role:  # the first step names the members by the roles of the case
        page.locator(f"form.aid [{A['memberLabel']}]:text-is('{role}')").first.wait_for()
        chosen = page.locator(f"form.aid [{A['members']}] .aid-option:has(input:checked) label")
        assert chosen.count() and not SLOTS.search(" ".join(chosen.all_inner_texts()))
    passes_its_checks_and_gives_a_result(page)
    for case_id in others:
        page.set_input_files(f"[{A['import']}]", files=[{
            "name": f"casus-{case_id}.json", "mimeType": "application/json",
            "buffer": training_pages.case_file(CASES[case_id]).encode("utf-8")}])
        answer_dialog(page, LOADER["replace_yes"])
        page.locator(f"[{A['status']}]").get_by_text(OPENED).wait_for()
        for slot, role in CASES[case_id].answers_for(aid_id).get("rol", {}).items():
            assert page.input_value(f"[name='rol.{slot}']") == role, case_id  # this case now
        passes_its_checks_and_gives_a_result(page)


def test_the_buttons_on_a_case_page_open_the_case(page, server):
    page.goto(f"{server}/trainen/casussen/verslaving-moeder.html")
    page.get_by_role("link", name=re.compile("Open in hulpmiddel: Samen beslissen over terugkeer")).click()
    page.wait_for_url("**/hulpmiddelen/perspectief.html#casus=verslaving-moeder")
    open_case(page, page.url)
    assert page.input_value("[name=kind_wensen]") == "Ik wil bij mama wonen. Maar ik wil ook dat ze niet meer drinkt."
    assert page.is_checked("[name=maatregel][value=ots]")  # the shared safety part of the case


def test_a_case_opens_from_the_offline_zip(file_page, offline_site):
    url = (offline_site / "hulpmiddelen" / "nazorg.html").as_uri() + "#casus=snelle-terugkeer"
    open_case(file_page, url)
    AidPage(file_page).to_check()
    file_page.click(f"[{A['submit']}]")
    file_page.locator(f"[{A['exports']}]").wait_for()
    assert file_page.locator(f"[{A['errors']}]").is_hidden()
    assert all(u.startswith(("file:", "blob:", "data:")) for u in file_page.guard.seen)


# Projector mode ---------------------------------------------------------------------------

def body_font_px(page) -> float:
    return page.evaluate("""() => {
        const p = [...document.querySelectorAll('.md-content p, .md-content li, .md-content dd')]
            .find(e => e.offsetParent !== null && e.innerText.trim().length > 20);
        return parseFloat(getComputedStyle(p).fontSize);
    }""")


def test_projector_mode_on_an_aid_with_the_keyboard_alone(page, server):
    page.set_viewport_size(BEAMER)
    open_case(page, f"{server}/hulpmiddelen/perspectief.html?beamer#casus=vastgelopen")
    assert page.evaluate("document.documentElement.classList.contains('tw-beamer')")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert body_font_px(page) >= 24
    assert axe_violations(page) == [], "first step in projector mode"
    # Forward through every step to the check page and the result, with keys only.
    for _ in range(25):
        if page.locator(f"[{A['check']}]").is_visible():
            break
        current = page.evaluate(f"document.querySelector('[{A['step']}]:not([hidden])').dataset.step")
        page.keyboard.press("PageDown")
        page.wait_for_function(f"s => document.querySelector(`[{A['step']}=\"${{s}}\"]`).hidden",
                               arg=current)
    page.locator(f"[{A['checkBody']}] dd").first.wait_for()
    assert axe_violations(page) == [], "check page in projector mode"
    page.keyboard.press("PageUp")
    page.wait_for_function(f"() => document.querySelector('[{A['check']}]').hidden")
    step = page.evaluate(f"document.querySelector('[{A['step']}]:not([hidden])').dataset.step")
    assert step == aids.load("perspectief").steps[-1].id
    page.keyboard.press("ArrowRight")
    page.locator(f"[{A['check']}]").wait_for(state="visible")
    page.keyboard.press("PageDown")
    page.locator(".aid-result--pro").wait_for()
    assert page.locator(".aid-result--ouders").is_hidden()
    assert page.locator(f"[{A['exports']}]").is_hidden()  # no file controls in the room
    assert body_font_px(page) >= 24
    assert axe_violations(page) == [], "result in projector mode"
    page.keyboard.press("o")
    assert page.locator(".aid-result--ouders").is_visible()
    assert page.locator(".aid-result--pro").is_hidden()
    assert page.locator(f'[{A["beamer"]}="parents"]').get_attribute("aria-pressed") == "true"
    assert axe_violations(page) == [], "parents' version in projector mode"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('tw-beamer')")
    assert "beamer" not in page.url and page.url.endswith("#casus=vastgelopen")
    assert page.locator(".md-header").is_visible()
    assert page.locator(f"[{A['exports']}]").is_visible()


FILE_CONTROLS = [f"[{A['import']}]", f"[{A['clear']}]", f"[{A['save']}]", f"[{A['status']}]",
                 ".aid-disclaimer", f"[{A['export']}]"]


def test_a_case_in_projector_mode_shows_no_file_controls_and_no_slot_names(page, server):
    """Issue 23: the room sees the question, the answers and the result; the case opens on its
    first step with its roles, never 'Ouder 1, Kind 1'."""
    page.set_viewport_size(BEAMER)
    open_case(page, f"{server}/hulpmiddelen/omgang.html?beamer#casus=peuter-vader-geweld")
    first = page.locator(f"form.aid [{A['step']}]").first
    assert first.is_visible() and page.locator(f"[{A['check']}]").is_hidden()
    for selector in FILE_CONTROLS:
        assert all(el.is_hidden() for el in page.locator(selector).all()), selector
    assert not SLOTS.search(visible_text(page))
    for role in ("moeder, woont bij haar zus", "vader", "dochter, 2 jaar, woont in een pleeggezin"):
        assert page.locator(f"label[{A['memberLabel']}]:text-is('{role}')").first.is_visible()
    assert axe_violations(page) == []
    AidPage(page).to_check()
    assert not SLOTS.search(visible_text(page)), "the check page names the roles too"
    assert all(el.is_hidden() for el in page.locator(f"[{A['save']}]").all())
    # Out of the projector mode, the controls are back.
    page.keyboard.press("Escape")
    assert page.locator(f"[{A['import']}]").is_visible()
    assert page.locator(f"[{A['status']}]").is_visible()


def test_projector_mode_is_entered_and_left_with_the_keyboard_on_a_case_page(page, server):
    page.set_viewport_size(BEAMER)
    page.goto(f"{server}/trainen/casussen/baby-pleeggezin.html")
    tab_to(page, f"[{A['beamer']}=enter]", limit=60)  # the way in, as a keyboard user goes
    page.keyboard.press("Enter")
    assert "beamer" in page.url
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert body_font_px(page) >= 24
    assert page.locator(f'[{A["beamer"]}="parents"]').is_hidden()  # no parents' version here
    assert axe_violations(page) == []
    headings = page.locator(".md-content__inner > h2[id]")
    page.keyboard.press("PageDown")
    assert page.evaluate("document.activeElement.id") == headings.nth(0).get_attribute("id")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageUp")
    assert page.evaluate("document.activeElement.id") == headings.nth(0).get_attribute("id")
    page.keyboard.press("Escape")
    assert "beamer" not in page.url and page.locator(".md-sidebar--primary").is_visible()


# Print ------------------------------------------------------------------------------------

PRINTED = ["trainen/casussen/trauma-moeder.html", "trainen/draaiboeken/training-dagdeel.html",
           "trainen/werkbladen/omgang.html", "trainen/samenvattingen/terugkeer.html",
           "trainen/groepsoverzicht.html", "over/download.html"]


@pytest.mark.parametrize("path", PRINTED)
def test_print_view_has_no_navigation_or_controls(page, server, path):
    page.goto(f"{server}/{path}")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search",
                     f"[{A['beamerBar']}]", ".tw-case-open", ".tw-overview-drop"):
        assert all(not el.is_visible() for el in page.locator(selector).all()), selector
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("phase", list(catalogue.vocabulary().phases))
def test_each_phase_summary_prints_on_one_a4_page(page, server, phase):
    page.goto(f"{server}/trainen/samenvattingen/{phase}.html")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


# Group overview ---------------------------------------------------------------------------

def group_files(tmp_path) -> list:
    case = CASES["tiener-groep"]
    base = dict(case.answers_for("perspectief"))
    variants = [base,
                {**base, "veiligheid_nu": "veilig", "netwerk_sterkte": "sterk",
                 "terugkeer_mogelijk": "mogelijk"},
                {**base, "veiligheid_nu": "onveilig", "terugkeer_mogelijk": "niet_mogelijk",
                 "nodig": "Eerst <i>gezinstherapie</i>."}]
    paths = []
    for number, answers in enumerate(variants, start=1):
        path = tmp_path / f"groep-{number}.json"
        path.write_text(answers_file.dump(aids.load("perspectief"), answers), encoding="utf-8")
        paths.append(path)
    return paths


def family_files(tmp_path) -> list:
    """Three groups' family files of the toddler case, in two aids: the second group lets the
    father see his daughter three times a week, without supervision."""
    paths = []
    for number in (1, 2, 3):
        data = json.loads(training_pages.case_file(CASES["peuter-vader-geweld"]))
        if number == 2:
            data["aids"]["omgang"]["answers"]["contacten"][1].update(frequentie=3,
                                                                     begeleid="onbegeleid")
        path = tmp_path / f"team-{'abc'[number - 1]}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def open_overview(page, url: str, files: list) -> None:
    page.goto(url)
    page.wait_for_function(f"() => document.querySelector('[{A['overview']}]').dataset.twOverview "
                           "=== 'ready'", timeout=30_000)
    page.set_input_files(f"[{A['overviewFiles']}]", [str(p) for p in files])
    page.locator(f"[{A['overviewOutput']}] .tw-ov-question").first.wait_for()


def answers_of(page, label: str):
    return page.locator(".tw-ov-question", has=page.locator("h3", has_text=label)).first


def test_group_overview_shows_each_groups_choices_side_by_side(page, server, tmp_path):
    page.goto(f"{server}/trainen/groepsoverzicht.html")
    page.wait_for_function(f"() => document.querySelector('[{A['overview']}]').dataset.twOverview "
                           "=== 'ready'", timeout=30_000)
    assert axe_violations(page) == [], "ready"
    page.set_input_files(f"[{A['overviewFiles']}]", [str(p) for p in group_files(tmp_path)])
    output = page.locator(f"[{A['overviewOutput']}]")
    output.locator(".tw-ov-question").first.wait_for()
    outlook = answers_of(page, "Hoe kijken jullie nu naar terugkeer?").locator(".tw-ov-answer")
    assert [a.split("\n")[0] for a in outlook.all_inner_texts()] == [
        "Groep 1 (groep-1.json)", "Groep 2 (groep-2.json)", "Groep 3 (groep-3.json)"]
    assert "Nog onzeker" in outlook.nth(0).inner_text()
    assert "Terugkeer lijkt mogelijk" in outlook.nth(1).inner_text()
    assert "Terugkeer lijkt niet mogelijk" in outlook.nth(2).inner_text()
    against = answers_of(page, "Wat pleit tegen terugkeer nu")
    assert "Veiligheid (2 van 3)" in against.locator(".tw-ov-answer").nth(2).inner_text()
    needed = answers_of(page, "Wat is er nodig om die zorgen kleiner te maken?")
    assert "Eerst <i>gezinstherapie</i>." in needed.inner_text()
    assert output.locator("i").count() == 0
    assert page.evaluate(f"document.activeElement.matches('[{A['overviewOutput']}]')")
    assert axe_violations(page) == [], "overview shown"
    # Only the questions where the groups differ.
    agreed = output.locator(f"[{A['screen']}][{A['agree']}]").first
    assert agreed.is_visible()
    page.check(f"[{A['overviewDifferences']}]")
    assert agreed.is_hidden() and answers_of(page, "Hoe kijken jullie nu naar terugkeer?").is_visible()
    page.emulate_media(media="print")
    assert outlook.first.is_visible() and page.locator(".tw-overview-drop").is_hidden()
    assert not [u for u in page.guard.seen if "groep-" in u]  # the files were never requested


def test_group_overview_in_projector_mode_with_the_keyboard(page, server, tmp_path):
    """Issue 23: one question per screen with the aids' keys, differences marked, names hidden;
    the safety part once, as a group of its own; several aids at once."""
    page.set_viewport_size(BEAMER)
    open_overview(page, f"{server}/trainen/groepsoverzicht.html", family_files(tmp_path))
    page.check(f"[{A['overviewDifferences']}]")  # before the room sees it
    tab_to(page, f"[{A['beamer']}=enter]", limit=60)  # the way in, as a keyboard user goes
    page.keyboard.press("Enter")
    assert "beamer" in page.url
    screens = page.locator(f"[{A['screen']}]:visible")
    assert screens.count() == 1 and page.locator(".md-sidebar--primary").is_hidden()
    assert page.evaluate("document.activeElement.id") == "tw-ov-groepen"  # first: the groups
    assert page.locator(f"[{A['overviewFiles']}]").is_hidden()
    assert body_font_px(page) >= 24
    assert axe_violations(page) == [], "groups in projector mode"
    seen = []
    for _ in range(40):  # every question where the groups differ, one screen at a time
        page.keyboard.press("ArrowRight")
        heading = page.evaluate("document.activeElement.textContent")
        if seen and heading == seen[-1]:
            break
        assert screens.count() == 1
        seen.append(heading)
    assert any("Contact 2: Hoe vaak" in h for h in seen)
    assert not any("Welke maatregel geldt er nu?" in h for h in seen)  # all agree: left out
    page.keyboard.press("PageUp")
    page.keyboard.press("PageUp")
    assert page.evaluate("document.activeElement.textContent") == seen[-3]
    # Back to the number of times a week the father sees his daughter: group 2 differs.
    while "Contact 2: Hoe vaak" not in page.evaluate("document.activeElement.textContent"):
        page.keyboard.press("PageUp")
    question = screens.first
    assert question.locator(".tw-ov-summary").inner_text() == "2 van 3 groepen kozen: 1."
    marked = question.locator(".tw-ov-answer--differs")
    assert marked.count() == 1 and "Groep 2" in marked.inner_text() and "Wijkt af" in marked.inner_text()
    assert "team-b.json" in marked.inner_text()
    assert axe_violations(page) == [], "a question in projector mode"
    page.keyboard.press("n")  # the names go
    assert "team-b.json" not in marked.inner_text() and "Groep 2" in marked.inner_text()
    assert page.locator(f'[{A["beamer"]}="names"]').get_attribute("aria-pressed") == "true"
    assert page.is_checked(f"[{A['overviewNames']}]")
    assert "team-" not in page.locator("body").inner_text()
    assert axe_violations(page) == [], "names hidden"
    page.keyboard.press("Escape")
    assert "beamer" not in page.url and page.locator(f"[{A['overviewFiles']}]").is_visible()
    assert page.locator(".tw-ov-question:visible").count() > 1
    # The safety part comes once, before the aids, and each question names its aid.
    groups = page.locator(".tw-ov-aid > h2").all_inner_texts()
    assert groups == ["Veiligheid en wettelijk kader", "Interventies en andere hulp kiezen",
                      "Omgangsregeling plannen"]


def test_group_overview_works_from_the_offline_zip(file_page, offline_site, tmp_path):
    file_page.goto((offline_site / "trainen" / "groepsoverzicht.html").as_uri())
    file_page.wait_for_function(
        f"() => document.querySelector('[{A['overview']}]').dataset.twOverview === 'ready'",
        timeout=30_000)
    file_page.set_input_files(f"[{A['overviewFiles']}]", [str(p) for p in group_files(tmp_path)])
    file_page.locator(f"[{A['overviewOutput']}] .tw-ov-question").first.wait_for()
    assert file_page.locator(".tw-ov-question").first.locator(".tw-ov-answer").count() == 3


# Download ---------------------------------------------------------------------------------

def test_the_served_zip_is_the_bundle_and_the_page_tells_its_facts(page, server):
    with urllib.request.urlopen(f"{server}/download/thuiswijzer-offline.zip") as response:
        served = response.read()
    assert served == DIST_ZIP.read_bytes()
    page.goto(f"{server}/over/download.html")
    facts = page.locator(".tw-download-facts").inner_text()
    assert hashlib.sha256(served).hexdigest() in facts
    assert f"{len(served):,}".replace(",", ".") in facts
    assert bundle.content_date() in facts
    page.get_by_role("link", name="thuiswijzer-offline.zip").first.wait_for()
    assert axe_violations(page) == []


def test_the_zip_holds_no_copy_of_itself_and_says_where_its_facts_are():
    with zipfile.ZipFile(DIST_ZIP) as archive:
        names = archive.namelist()
        page = archive.read("over/download.html").decode("utf-8")
    assert not [n for n in names if n.startswith("download/")]
    assert "trainen/casussen/index.html" in names and "assets/casussen/vastgelopen.js" in names
    note = html.escape(catalogue.training()("download", "offline"))
    assert page.count(note) == 3
    assert bundle.offline_page(bundle.with_facts(page, {"size": "1", "date": "2", "sha256": "3"})) \
        == page


def test_an_unknown_case_is_said_not_ignored(page, server):
    page.goto(f"{server}/hulpmiddelen/omgang.html#casus=bestaat-niet")
    note = page.locator(f"[{A['casusUnknown']}]")
    note.wait_for(timeout=60_000)
    assert note.inner_text() == group("loader")["casus_unknown"]
    assert page.input_value("[name=label]") == ""
    assert axe_violations(page) == []
