"""The pages for trainers in Chromium: every case opens in every aid it names and gives a result
without errors (over http and from the offline zip); projector mode with the keyboard alone;
print views without navigation; the group overview of three saved files; the download page
and the zip it serves."""

from __future__ import annotations

import hashlib
import html
import re
import urllib.request
import zipfile

import pytest

import aids
from aids.texts import group
import bundle
from aids import answers_file, catalogue
from browser_helpers import axe_violations, to_check, wait_for_aid
from paths import DIST_ZIP

PAIRS = [(case.id, aid_id) for case in catalogue.cases() for aid_id in case.answers]
BEAMER = {"width": 1280, "height": 720}


def open_case(page, url: str) -> None:
    """Open an aid page that names a case, and wait until the case is in the form."""
    page.goto(url)
    wait_for_aid(page)
    page.locator(".aid-nav:not([hidden]) [data-aid-to-check]:not([hidden])").wait_for(timeout=30_000)
    to_check(page)
    page.locator("[data-aid-check-body] dd").first.wait_for()  # the answers of the case


@pytest.mark.parametrize(("case_id", "aid_id"), PAIRS)
def test_every_case_opens_in_each_aid_it_names_and_gives_a_result(page, server, case_id, aid_id):
    open_case(page, f"{server}/hulpmiddelen/{aid_id}.html#casus={case_id}")
    assert page.locator("[data-aid-check-body] dd").count() > 0
    page.click("[data-aid-submit]")
    page.locator("[data-aid-exports]").wait_for()
    assert page.locator("[data-aid-errors]").is_hidden()
    assert page.locator("[data-aid-output] .aid-result").count() >= 1
    assert not page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length")


def test_the_buttons_on_a_case_page_open_the_case(page, server):
    page.goto(f"{server}/trainen/casussen/verslaving-moeder.html")
    page.get_by_role("link", name=re.compile("Open in hulpmiddel: Samen beslissen over terugkeer")).click()
    page.wait_for_url("**/hulpmiddelen/perspectief.html#casus=verslaving-moeder")
    wait_for_aid(page)
    page.locator(".aid-nav:not([hidden]) [data-aid-to-check]:not([hidden])").wait_for(timeout=30_000)
    to_check(page)
    assert "Ik wil bij mama wonen." in page.locator("[data-aid-check-body]").inner_text()


def test_a_case_opens_from_the_offline_zip(file_page, offline_site):
    url = (offline_site / "hulpmiddelen" / "nazorg.html").as_uri() + "#casus=snelle-terugkeer"
    open_case(file_page, url)
    file_page.click("[data-aid-submit]")
    file_page.locator("[data-aid-exports]").wait_for()
    assert file_page.locator("[data-aid-errors]").is_hidden()
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
    assert axe_violations(page) == [], "check page in projector mode"
    # Back one step, then forward to the check page and the result, with keys only.
    page.locator("body").press("PageUp")
    page.wait_for_function("() => document.querySelector('[data-aid-check]').hidden")
    step = page.evaluate("document.querySelector('[data-step]:not([hidden])').dataset.step")
    assert step == aids.load("perspectief").steps[-1].id
    page.keyboard.press("ArrowRight")
    page.locator("[data-aid-check]").wait_for(state="visible")
    page.keyboard.press("PageDown")
    page.locator("[data-aid-exports]").wait_for()
    assert page.locator(".aid-result--pro").is_visible()
    assert page.locator(".aid-result--ouders").is_hidden()
    assert body_font_px(page) >= 24
    assert axe_violations(page) == [], "result in projector mode"
    page.keyboard.press("o")
    assert page.locator(".aid-result--ouders").is_visible()
    assert page.locator(".aid-result--pro").is_hidden()
    assert page.locator('[data-tw-beamer="parents"]').get_attribute("aria-pressed") == "true"
    assert axe_violations(page) == [], "parents' version in projector mode"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('tw-beamer')")
    assert "beamer" not in page.url and page.url.endswith("#casus=vastgelopen")
    assert page.locator(".md-header").is_visible()


def test_projector_mode_is_entered_and_left_with_the_keyboard_on_a_case_page(page, server):
    page.set_viewport_size(BEAMER)
    page.goto(f"{server}/trainen/casussen/baby-pleeggezin.html")
    for _ in range(60):  # Tab to the way in, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-tw-beamer=enter]')"):
            break
    page.keyboard.press("Enter")
    assert "beamer" in page.url
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert body_font_px(page) >= 24
    assert page.locator('[data-tw-beamer="parents"]').is_hidden()  # no parents' version here
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
                     "[data-tw-beamer-bar]", ".tw-case-open", ".tw-overview-drop"):
        assert all(not el.is_visible() for el in page.locator(selector).all()), selector
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("phase", list(catalogue.vocabulary().phases))
def test_each_phase_summary_prints_on_one_a4_page(page, server, phase):
    page.goto(f"{server}/trainen/samenvattingen/{phase}.html")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


# Group overview ---------------------------------------------------------------------------

def group_files(tmp_path) -> list:
    case = next(c for c in catalogue.cases() if c.id == "tiener-groep")
    base = dict(case.answers["perspectief"])
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


def test_group_overview_shows_each_groups_choices_side_by_side(page, server, tmp_path):
    page.goto(f"{server}/trainen/groepsoverzicht.html")
    page.wait_for_function("() => document.querySelector('[data-tw-overview]').dataset.twOverview "
                           "=== 'ready'", timeout=30_000)
    assert axe_violations(page) == [], "ready"
    page.set_input_files("[data-tw-overview-files]", [str(p) for p in group_files(tmp_path)])
    table = page.locator("[data-tw-overview-output] table")
    table.wait_for()
    headers = table.locator("thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in headers[1:]] == ["Groep 1", "Groep 2", "Groep 3"]
    outlook = table.locator("tr", has_text="Hoe de groep nu naar terugkeer kijkt").locator("td")
    assert "Nog onzeker" in outlook.nth(0).inner_text()
    assert "Terugkeer lijkt mogelijk" in outlook.nth(1).inner_text()
    assert "Terugkeer lijkt niet mogelijk" in outlook.nth(2).inner_text()
    against = table.locator("tr", has_text="Wat pleit tegen terugkeer nu").locator("td")
    assert "Veiligheid" in against.nth(2).inner_text()
    assert "Eerst <i>gezinstherapie</i>." in outlook.nth(2).inner_text()
    assert table.locator("i").count() == 0
    assert page.evaluate("document.activeElement.matches('[data-tw-overview-output]')")
    assert axe_violations(page) == [], "overview shown"
    page.emulate_media(media="print")
    assert table.is_visible() and page.locator(".tw-overview-drop").is_hidden()
    assert not [u for u in page.guard.seen if "groep-" in u]  # the files were never requested


def test_group_overview_works_from_the_offline_zip(file_page, offline_site, tmp_path):
    file_page.goto((offline_site / "trainen" / "groepsoverzicht.html").as_uri())
    file_page.wait_for_function(
        "() => document.querySelector('[data-tw-overview]').dataset.twOverview === 'ready'",
        timeout=30_000)
    file_page.set_input_files("[data-tw-overview-files]", [str(p) for p in group_files(tmp_path)])
    file_page.locator("[data-tw-overview-output] table").wait_for()
    assert file_page.locator("[data-tw-overview-output] thead th").count() == 4


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
    note = page.locator("[data-tw-casus-unknown]")
    note.wait_for(timeout=60_000)
    assert note.inner_text() == group("loader")["casus_unknown"]
    assert page.input_value("[name=label]") == ""
    assert axe_violations(page) == []
