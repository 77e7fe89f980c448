"""Browser fixtures: the built site on a local server, Debian's chromium driven by
Playwright, a network guard that fails a test on any request that leaves the site, a guard that
fails it on any Content-Security-Policy violation, and axe-core for WCAG 2.2 AA."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser_helpers import (CHROMIUM, CHROMIUM_ARGS, csp_messages, new_context, report_csp,
                             use_data_scripts, watch_csp)
from paths import DIST_ZIP


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page while the runtime still downloads ends the connection:
        # nothing to report. Anything else is reported as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def offline_site(site, tmp_path_factory) -> Path:
    """The offline zip, unzipped as a user would, to open with file://."""
    if not DIST_ZIP.is_file():
        pytest.fail("dist/thuiswijzer-offline.zip ontbreekt: draai de tests met 'make test'")
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(DIST_ZIP) as archive:
        archive.extractall(target)
    return target


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium ontbreekt: 'make test' installeert het")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class NetworkGuard:
    """Records every request of a page and its workers; only the local server, file:, blob: and
    data: are allowed, and a test with any other request fails. Nothing can leave anyway: the
    test browser resolves no host name but the local server's (browser_helpers.CHROMIUM_ARGS).
    No route intercepts the requests: that would turn the browser's cache off, and people browse
    with it on."""

    def __init__(self, origin: str | None) -> None:
        self.origin = origin
        self.refused: list[str] = []
        self.seen: list[str] = []

    def allowed(self, url: str) -> bool:
        if url.startswith(("file:", "blob:", "data:")):
            return True
        return self.origin is not None and (url == self.origin or url.startswith(self.origin + "/"))

    def on_request(self, request) -> None:
        self.seen.append(request.url)
        if not self.allowed(request.url) and request.url not in self.refused:
            self.refused.append(request.url)


def _watched(page, guard: NetworkGuard | None):
    """The page records its requests in page.guard and its script errors in page.errors (a
    shared page gets a new guard for each test, see reading_page)."""
    page.guard, page.errors = guard, []
    page.on("request", lambda request: page.guard.on_request(request))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def _page(browser, origin):
    context = new_context(browser)
    page = _watched(context.new_page(), NetworkGuard(origin))
    page.csp = watch_csp(context, page)
    return context, page


def _close_clean(context, page, where: str) -> None:
    """Close the page's context; nothing left the site, no JavaScript error, no CSP violation."""
    context.close()
    _assert_clean(page, where)


def _assert_clean(page, where: str) -> None:
    assert page.guard.refused == [], f"requests left {where}: {page.guard.refused}"
    assert page.errors == [], f"JavaScript errors: {page.errors}"
    assert page.csp == [], f"Content-Security-Policy violations: {page.csp}"


@pytest.fixture
def page(browser, server):
    context, page = _page(browser, server)
    yield page
    _close_clean(context, page, "the site")


# The viewport of every new context (Playwright's default); a reading test may change it.
VIEWPORT = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def _reading(browser, server):
    """One page for a module's tests that only read the site: each test goes to its own pages in
    it, as a reader goes from page to page (a new page costs about a quarter of a core-second
    more each time). The site keeps nothing in the browser (test_web_security), so only the
    browser's cache carries over from one test to the next. Each test has its own guard, and
    its own lists of errors and policy violations."""
    context = new_context(browser)
    report_csp(context)
    page = _watched(context.new_page(), None)
    page.csp = csp_messages(page)
    yield page
    context.close()


@pytest.fixture
def reading_page(_reading, server):
    """The module's reading page for one test (see _reading), with the same checks at its end
    as a page of its own: after it, the page leaves the test's document and takes the usual
    viewport again."""
    page = _reading
    page.guard = NetworkGuard(server)
    page.errors.clear()
    page.csp.clear()
    yield page
    page.goto("about:blank")  # nothing of the test's document comes after its checks
    page.set_viewport_size(VIEWPORT)
    _assert_clean(page, "the site")


@pytest.fixture
def scripts_page(browser, server):
    """A page over http that loads the runtime as the data scripts of file:// do."""
    context, page = _page(browser, server)
    use_data_scripts(context)
    yield page
    _close_clean(context, page, "the site")


@pytest.fixture
def file_page(browser):
    context, page = _page(browser, None)
    yield page
    _close_clean(context, page, "file://")


@pytest.fixture(scope="session", autouse=True)
def _built(site) -> None:
    """Every browser test reads what the build made: built once, before the first one."""
