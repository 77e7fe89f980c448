"""The test browser itself: Playwright's own Chromium switches are kept, and no window makes the
address-bar popup that the tests never use (browser_helpers.CHROMIUM_ARGS)."""

from __future__ import annotations

from browser_helpers import CHROMIUM_ARGS


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
