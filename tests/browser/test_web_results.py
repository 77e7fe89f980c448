"""Results as documents in Chromium: one version at a time (professionals, parents, the young
person) with a switch that works with the keyboard, the chosen version printed and each version
printed on its own, for and against side by side when there is room, the pictures (timeline,
balance) with their words, and axe-core on every one of these states."""

from __future__ import annotations

import json
import re

from browser_helpers import AidPage, axe_violations, tab_to, wait_for_aid
from paths import ROOT
from aids.contract import ATTRIBUTES as A


def open_result(page, server, aid_id: str, width: int = 1280) -> None:
    """The aid's example answers, opened from a saved file, and their result."""
    page.set_viewport_size({"width": width, "height": 900})
    example = json.loads((ROOT / "tests" / "data" / "examples" / f"{aid_id}.json").read_text())
    page.goto(f"{server}/hulpmiddelen/{aid_id}.html")
    wait_for_aid(page)
    page.evaluate(f"""([aid, answers]) => {{
        const file = new File([JSON.stringify({{format: "thuiswijzer", aid, version: 1, answers}})],
                              "opgeslagen.json", {{type: "application/json"}});
        const input = document.querySelector("[{A['import']}]");
        const list = new DataTransfer(); list.items.add(file); input.files = list.files;
        input.dispatchEvent(new Event("change", {{bubbles: true}}));
    }}""", [aid_id, example])
    AidPage(page).jump_to_check()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()


VERSIONS = ("pro", "ouders", "jongere")


def shown(page) -> list[str]:
    return [v for v in VERSIONS if page.locator(f".aid-result--{v}").is_visible()]


def test_one_version_at_a_time_switched_with_the_keyboard(page, server):
    open_result(page, server, "analyse")
    assert shown(page) == ["pro"]
    assert page.evaluate(f"() => document.activeElement.matches('[{A['output']}] .aid-result-title')")
    assert axe_violations(page) == [], "professional version"
    tab_to(page, f"[{A['version']}=pro]")
    page.keyboard.press("ArrowRight")
    assert page.is_checked(f"[{A['version']}=ouders]") and shown(page) == ["ouders"]
    assert "Ons plan, in gewone woorden" in page.inner_text(f"[{A['output']}]")
    assert axe_violations(page) == [], "parents' version"
    page.keyboard.press("ArrowRight")
    assert page.is_checked(f"[{A['version']}=jongere]") and shown(page) == ["jongere"]
    assert "Het plan, voor jou" in page.inner_text(f"[{A['output']}]")
    assert axe_violations(page) == [], "young person's version"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert shown(page) == ["pro"]
    # The switch is a real group of radio buttons with a visible question.
    group = page.get_by_role("group", name="Welke versie wil je zien?")
    assert group.get_by_role("radio").count() == 3


def test_three_documents_each_with_its_own_title_and_the_family_label(page, server):
    open_result(page, server, "perspectief")
    titles = {"pro": "Samen beslissen over terugkeer: overzicht",
              "ouders": "Ons gesprek over terug naar huis", "jongere": "Praten over terug naar huis"}
    for version, title in titles.items():
        page.check(f"[{A['version']}={version}]")
        assert shown(page) == [version]
        document = page.locator(f".aid-result--{version}")
        assert document.locator("h3").inner_text().endswith(title)
        assert document.locator(".aid-doc-label").inner_text() == "gezin M."
        others = [t for v, t in titles.items() if v != version]
        assert not any(t in page.inner_text(f"[{A['output']}]") for t in others)
    # The girl is 7: her version is the short one, to read aloud, without the rights from 12.
    text = page.locator(".aid-result--jongere").inner_text()
    assert "Versie voor het kind, om voor te lezen" in text and "Kindertelefoon" in text
    assert "Jouw rechten" not in text
    assert page.locator(f"[{A['export']}=print-jongere]").is_visible()


def test_each_version_prints_on_its_own(page, server):
    open_result(page, server, "perspectief")
    for mode, version in (("alles", "pro"), ("ouders", "ouders"), ("jongere", "jongere")):
        page.emulate_media(media="screen")
        page.check(f"[{A['version']}=pro]")
        page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', '{mode}')")
        page.emulate_media(media="print")
        assert shown(page) == [version], mode
        assert page.locator(".aid-versions").is_hidden()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and re.search(rb"/Type\s*/Page[^s]", pdf)


def test_print_gives_the_chosen_version_and_the_parents_button_theirs(page, server):
    open_result(page, server, "analyse")
    page.check(f"[{A['version']}=ouders]")
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'alles')")
    page.emulate_media(media="print")
    assert shown(page) == ["ouders"] and page.locator(".aid-versions").is_hidden()
    assert page.locator(f"[{A['step']}=gezin]").is_hidden() and page.locator(".md-header").is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    parents_pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Back to the professional version: printing it and printing "only the parents'" differ.
    page.emulate_media(media="screen")
    page.check(f"[{A['version']}=pro]")
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'alles')")
    page.emulate_media(media="print")
    assert shown(page) == ["pro"]
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'ouders')")
    assert shown(page) == ["ouders"]
    assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4"))) == parents_pages
    # The young person's version prints on its own in the same way.
    page.emulate_media(media="screen")
    page.check(f"[{A['version']}=jongere]")
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'alles')")
    page.emulate_media(media="print")
    assert shown(page) == ["jongere"]


def test_the_one_page_overview_prints_the_professional_schedule_whichever_version_shows(page, server):
    open_result(page, server, "omgang")
    page.check(f"[{A['version']}=ouders]")
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'overzicht')")
    page.emulate_media(media="print")
    assert shown(page) == ["pro"]
    assert "Contact 1" in page.locator(".aid-result-section--overview").first.inner_text()
    assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4"))) == 1


def boxes(page) -> tuple[dict, dict]:
    pro = ".aid-result--pro .aid-pair > "
    return (page.locator(pro + f"[{A['section']}=voor]").bounding_box(),
            page.locator(pro + f"[{A['section']}=tegen]").bounding_box())


def test_for_and_against_side_by_side_when_there_is_room(page, server):
    open_result(page, server, "perspectief")
    voor, tegen = boxes(page)
    assert voor["y"] == tegen["y"] and tegen["x"] >= voor["x"] + voor["width"]
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 400, "height": 900})
    voor, tegen = boxes(page)
    assert tegen["x"] == voor["x"] and tegen["y"] >= voor["y"] + voor["height"]
    # On A4 there is room for both columns (printing a result sets the mode, as aid.js does).
    page.set_viewport_size({"width": 794, "height": 1123})
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'alles')")
    page.emulate_media(media="print")
    voor, tegen = boxes(page)
    assert voor["y"] == tegen["y"] and tegen["x"] >= voor["x"] + voor["width"]


def test_the_balance_is_a_picture_with_words_per_domain(page, server):
    open_result(page, server, "perspectief")
    figure = page.locator(".aid-result--pro .aid-figure--balance")
    assert figure.is_visible()
    rows = figure.locator("tbody tr")
    assert rows.count() == 4
    assert rows.nth(1).inner_text().split("\t")[0].strip() == "Kind"
    assert "Draaglast groter" in rows.nth(1).inner_text()
    assert figure.locator("tbody svg[aria-hidden=true]").count() == 8
    page.check(f"[{A['version']}=ouders]")
    assert "Meer dat zwaar is" in page.locator(".aid-result--ouders .aid-figure--balance").inner_text()
    assert axe_violations(page) == []


def test_the_aftercare_timeline_is_a_picture_with_a_text_equivalent_and_prints(page, server):
    open_result(page, server, "nazorg")
    svg = page.locator(".aid-result--pro svg.aid-timeline")
    assert svg.is_visible() and svg.get_attribute("role") == "img"
    label = svg.get_attribute("aria-label")
    moments = page.locator(f".aid-result--pro [{A['section']}=tijdlijn] dt")
    assert f"Tijdlijn met {moments.count()} momenten" in label
    assert svg.locator("g.aid-mark").count() == moments.count()
    assert "De momenten per maand" in page.locator(".aid-result--pro figcaption").inner_text()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 794, "height": 1123})
    page.evaluate(f"() => document.documentElement.setAttribute('{A['print']}', 'alles')")
    page.emulate_media(media="print")
    box, content = svg.bounding_box(), page.locator(".aid-result--pro").bounding_box()
    assert svg.is_visible() and box["x"] + box["width"] <= content["x"] + content["width"] + 1


def test_a_very_long_word_wraps_on_a_phone(page, server):
    """Issue 20: a 4,000-character word made a result 60,000 px wide on a phone."""
    example = json.loads((ROOT / "tests" / "data" / "examples" / "analyse.json").read_text())
    example["begin"] = "x" * 4000
    example["label"] = "gezin " + "y" * 24
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    page.evaluate(f"""answers => {{
        const file = new File([JSON.stringify({{format: "thuiswijzer", aid: "analyse", version: 1,
                               answers}})], "lang.json", {{type: "application/json"}});
        const input = document.querySelector("[{A['import']}]");
        const list = new DataTransfer(); list.items.add(file); input.files = list.files;
        input.dispatchEvent(new Event("change", {{bubbles: true}}));
    }}""", example)
    AidPage(page).jump_to_check()
    widths = "() => [document.documentElement.scrollWidth, document.querySelector('form.aid')" \
             ".scrollWidth]"
    assert max(page.evaluate(widths)) <= 360, "check page"
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    assert page.locator(f"[{A['output']}]").get_by_text("x" * 100, exact=False).first.is_visible()
    assert max(page.evaluate(widths)) <= 360, "result"
