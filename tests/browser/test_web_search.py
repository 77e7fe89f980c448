"""The site's own search, as a reader uses it: type a query into the search box of the served
site and read the first result. Material's search (lunr with the Dutch stemmer, in a worker)
runs exactly as it does for a user, so the test measures what people get."""

from __future__ import annotations

import tomllib
from urllib.parse import urlsplit

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
