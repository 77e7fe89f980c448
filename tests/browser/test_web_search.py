"""The site's own search, as a reader uses it: type a query into the search box of the served
site and read the first result. Material's search (lunr with the Dutch stemmer, in a worker)
runs exactly as it does for a user, so the test measures what people get."""

from __future__ import annotations

import tomllib
from urllib.parse import urlsplit

from browser_helpers import wait_for_aid
from paths import ROOT

QUERIES = tomllib.loads((ROOT / "tests" / "data" / "search.toml").read_text(encoding="utf-8"))["query"]


def first_result(page, server, text: str) -> str:
    """The page of the first search result for text, typed on a fresh page."""
    page.goto(f"{server}/index.html")
    page.keyboard.press("/")
    page.locator(".md-search__input").fill(text)
    link = page.locator(".md-search-result__item > .md-search-result__link").first
    link.wait_for(timeout=30_000)
    path = urlsplit(link.get_attribute("href")).path
    return path.removeprefix(urlsplit(server).path).lstrip("/")


def test_the_search_puts_the_right_page_first(page, server):
    assert len(QUERIES) >= 20
    wrong = {}
    for query in QUERIES:
        found = first_result(page, server, query["text"])
        if found != query["first"]:
            wrong[query["text"]] = found
    right = len(QUERIES) - len(wrong)
    # At least 18, and at most two misses however many queries the list holds.
    assert right >= 18 and len(wrong) <= 2, wrong


SEARCH_WORKER = "() => performance.getEntriesByType('resource').some(r => r.name.includes('/workers/search'))"


def test_on_an_aid_page_the_search_waits_until_python_is_ready(page, server):
    """Building the search index takes a core for over half a second: an aid page starts it
    once Python is ready, and the search works then."""
    held = []
    page.route("**/assets/runtime/bin/snapshot-0.bin", lambda route: held.append(route))
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    page.wait_for_function("() => document.querySelector('form.aid[data-state=loading]') !== null")
    while not held:  # the page is well on its way: the runtime's files are asked for
        page.wait_for_timeout(50)
    assert not page.evaluate(SEARCH_WORKER)
    held.pop().continue_()
    wait_for_aid(page)
    page.wait_for_function(SEARCH_WORKER)
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("omgangsregeling")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)


def test_on_an_aid_page_the_search_starts_as_soon_as_it_is_used(page, server):
    held = []
    page.route("**/assets/runtime/bin/snapshot-0.bin", lambda route: held.append(route))
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    while not held:
        page.wait_for_timeout(50)
    assert page.get_attribute("form.aid", "data-state") == "loading"
    page.keyboard.press("/")  # Python still waits for its snapshot
    page.locator(".md-search__input").fill("omgangsregeling")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    assert page.get_attribute("form.aid", "data-state") == "loading"
    held.pop().continue_()
    wait_for_aid(page)
