"""The offline zip, unzipped and opened with file:// as after a double-click, with no
server and no network: navigation, search and the aid work, and every request stays on
file:, blob: or data:."""

from __future__ import annotations

import zipfile

import pytest

from browser_helpers import AidPage, Search, axe_violations, wait_for_aid
from paths import DIST_ZIP, served
from aids.contract import ATTRIBUTES as A


def test_zip_has_index_at_its_root_and_the_runtime():
    with zipfile.ZipFile(DIST_ZIP) as archive:
        names = set(archive.namelist())
    assert "index.html" in names
    assert "assets/runtime/" + served("worker.js") in names
    assert "assets/vendor/iframe-worker-shim.js" in names
    assert not any(name.startswith(("site/", "/")) for name in names)


def test_navigation_works_from_file(file_page, offline_site):
    file_page.goto((offline_site / "index.html").as_uri())
    file_page.get_by_role("link", name="Uithuisplaatsing voorkomen").first.click()
    file_page.wait_for_url("**/voorkomen/index.html")
    assert file_page.locator("h1").first.inner_text().startswith("Uithuisplaatsing voorkomen")


# The theme's search worker (the offline shim's, from file://) starts when the search is used.
@pytest.mark.parametrize("start", ["index.html", "hulpmiddelen/analyse.html"])
def test_search_works_from_file(file_page, offline_site, start):
    file_page.goto((offline_site / start).as_uri())
    file_page.keyboard.press("/")
    file_page.keyboard.type("omgangsregeling")
    result = file_page.locator(".md-search-result__item").first
    result.wait_for(timeout=20_000)
    result.locator("a").first.click()
    assert file_page.url.startswith("file://")


def test_search_from_file_has_the_singular_and_plural_forms(file_page, offline_site):
    """The zip's copy of the index (search/search_index.js) holds the forms too."""
    search = Search(file_page, offline_site.as_uri())
    assert search.first("terugplaatsingen")[0] == "terug-naar-huis/snelle-terugplaatsing.html"
    assert search.first("bezoeken")[0] == "tijdens/omgang-en-bezoek.html"


def test_aid_works_from_file(file_page, offline_site):
    file_page.goto((offline_site / "hulpmiddelen" / "analyse.html").as_uri())
    wait_for_aid(file_page)
    file_page.check("#tw-analyse-leden-0")
    file_page.fill("#tw-analyse-rol--ouder1", "Offline <b>getypt</b>.")
    AidPage(file_page).to_check()
    file_page.click(f"[{A['submit']}]")
    output = file_page.locator(f"[{A['output']}]")
    output.get_by_text("Offline <b>getypt</b>.").first.wait_for()
    assert output.locator("b").count() == 0
    assert axe_violations(file_page) == []
    assert all(url.startswith(("file:", "blob:", "data:")) for url in file_page.guard.seen)
