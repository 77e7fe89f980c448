"""The test browser itself (browser_helpers.CHROMIUM_ARGS, and the network guard of conftest.py):
Playwright's own Chromium switches are kept, no window makes the address-bar popup that the tests
never use, and a request that would leave the site is recorded and goes nowhere."""

from __future__ import annotations

from browser_helpers import CHROMIUM_ARGS, new_context


def test_the_one_disable_features_switch_keeps_playwrights_list():
    switches = [arg for arg in CHROMIUM_ARGS if arg.startswith("--disable-features=")]
    assert len(switches) == 1
    features = switches[0].split("=", 1)[1].split(",")
    assert {"PaintHolding", "HttpsUpgrades", "ThirdPartyStoragePartitioning"} <= set(features)


def test_a_test_window_has_no_page_of_the_browsers_own_interface(browser, page, server):
    page.goto(f"{server}/index.html")
    session = browser.new_browser_cdp_session()
    targets = session.send("Target.getTargets")["targetInfos"]
    session.detach()
    assert [t["url"] for t in targets if t["type"] == "browser_ui"] == []
    assert any(t["url"] == f"{server}/index.html" for t in targets)


def test_a_request_that_would_leave_the_site_is_recorded_and_goes_nowhere(browser, server):
    from conftest import NetworkGuard, _watched

    context = new_context(browser)
    page = _watched(context.new_page(), NetworkGuard(server))
    failed = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    # The local server under another name, from a page without the site's policy (which would
    # refuse the request before it is made): a host that would answer, if it could be found.
    elsewhere = server.replace("127.0.0.1", "localhost") + "/assets/images/favicon.png"
    with page.expect_event("requestfailed"):
        page.set_content(f"<img src='{elsewhere}' alt=''>")
    context.close()
    assert page.guard.refused == [elsewhere]
    assert failed == [(elsewhere, "net::ERR_NAME_NOT_RESOLVED")]
