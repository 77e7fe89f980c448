"""Every built page over http: it loads without errors or outside requests, and axe-core
finds no WCAG 2.2 AA violation. The home page shows the four phases as one journey."""

from __future__ import annotations

import pytest

import aids
from browser_helpers import axe_violations
from paths import SITE, page_names

# Known from the sources (the built site may not exist yet when the tests are listed).
PAGES = sorted([*page_names(), "404.html"])


def test_pages_were_found():
    assert "index.html" in PAGES and "hulpmiddelen/analyse.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(reading_page, server, path):
    reading_page.goto(f"{server}/{path}")
    reading_page.wait_for_load_state("load")
    assert reading_page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(reading_page) == []


def test_guidance_page_loads_no_python(reading_page, server):
    reading_page.goto(f"{server}/voorkomen/index.html")
    reading_page.wait_for_load_state("load")
    assert not [u for u in reading_page.guard.seen if "/assets/runtime/" in u or "aid.js" in u]


def test_search_finds_a_page(reading_page, server):
    reading_page.goto(f"{server}/index.html")
    reading_page.keyboard.press("/")
    reading_page.keyboard.type("verklarende analyse")
    result = reading_page.locator(".md-search-result__item").first
    result.wait_for(timeout=15_000)
    assert "analyse" in result.inner_text().lower()


def test_home_page_shows_the_four_phases_as_one_journey_with_the_aids_of_each(reading_page, server):
    reading_page.goto(f"{server}/index.html")
    phases = reading_page.locator("ol.tw-journey > li")
    assert [phases.nth(n).locator("h3 a").first.inner_text() for n in range(phases.count())] == [
        "Uithuisplaatsing voorkomen", "Tijdens de plaatsing", "Terug naar huis", "Nazorg"]
    linked = {href.rsplit("/", 1)[-1] for href in reading_page.locator(".tw-journey__aids a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")}
    assert linked == {f"{aid_id}.html" for aid_id in aids.aid_ids()}
    # The road between the phases: a line under each marker but the last.
    road = reading_page.evaluate("""() => Array.from(document.querySelectorAll('ol.tw-journey > li'))
        .map(li => getComputedStyle(li, '::after').display)""")
    assert road == ["block", "block", "block", "none"]
    for width in (1280, 400):
        reading_page.set_viewport_size({"width": width, "height": 900})
        assert phases.nth(3).is_visible()
        assert axe_violations(reading_page, ".tw-journey") == [], width


def test_on_a_slow_link_a_page_asks_for_all_its_files_at_once(page, server):
    """300 ms per request: every stylesheet and script of an aid page is asked for before the
    first of them has arrived (csp.preloads). Without the preload links Chromium asked for them
    one after the other, and the page loaded in 6.3 s instead of 1.7 s."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 300, "downloadThroughput": 1_000_000,
        "uploadThroughput": 1_000_000})
    asked, arrived = {}, {}
    page.on("request", lambda request: asked.setdefault(request.url, len(arrived)))
    page.on("requestfinished", lambda request: arrived.setdefault(request.url, len(arrived)))
    page.goto(f"{server}/hulpmiddelen/nazorg.html", wait_until="load")
    files = [url for url in asked if url.endswith((".css", ".js")) and "/runtime/" not in url]
    assert len(files) >= 15
    # When each was asked for, none of the others had arrived (at most the page itself had).
    assert {url: asked[url] for url in files if asked[url] > 1} == {}
