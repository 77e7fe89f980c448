"""Every built page over http: it loads without errors or outside requests, and axe-core
finds no WCAG 2.2 AA violation."""

from __future__ import annotations

import pytest

from browser_helpers import axe_violations
from paths import SITE

PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))


def test_pages_were_found():
    assert "index.html" in PAGES and "hulpmiddelen/analyse.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(page, server, path):
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(page) == []


def test_guidance_page_loads_no_python(page, server):
    page.goto(f"{server}/voorkomen/index.html")
    page.wait_for_load_state("load")
    assert not [u for u in page.guard.seen if "/assets/runtime/" in u or "aid.js" in u]


def test_search_finds_a_page(page, server):
    page.goto(f"{server}/index.html")
    page.keyboard.press("/")
    page.keyboard.type("verklarende analyse")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=15_000)
    assert "analyse" in result.inner_text().lower()
