"""Firefox ESR, the other browser on locked-down laptops: under the same Content-Security-Policy
every aid starts Python, over http and from the unzipped offline folder (file://), with no
CSP message in the browser console and no request that leaves the site."""

from __future__ import annotations

from pathlib import Path

import pytest

import aids
from browser_helpers import FIREFOX, Firefox
from aids.contract import ATTRIBUTES as A

# Resolves with the aid's state once it is no longer loading, and the addresses of everything
# the page fetched.
SETTLED = f"""const done = arguments[arguments.length - 1];
const form = document.querySelector("form.aid");
const answer = () => done({{state: form.dataset.state,
  fetched: performance.getEntriesByType("resource").map((e) => e.name)}});
if (form.dataset.state !== "loading") answer();
else new MutationObserver(() => {{ if (form.dataset.state !== "loading") answer(); }})
  .observe(form, {{attributes: true, attributeFilter: ["{A['state']}"]}});"""
CSP_WORDS = ("Content-Security-Policy", "Content Security Policy")


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    if not Path(FIREFOX).exists():
        pytest.fail("Firefox ESR ontbreekt: 'make test' installeert het")
    browser = Firefox(tmp_path_factory.mktemp("firefox-profile"))
    yield browser
    browser.close()


@pytest.mark.parametrize("where", ["http", "file"])
def test_every_aid_starts_in_firefox_under_the_policy(firefox, server, offline_site, where):
    base = server if where == "http" else offline_site.as_uri()
    allowed = (server,) if where == "http" else ("file:",)
    for aid_id in aids.aid_ids():
        firefox.goto(f"{base}/hulpmiddelen/{aid_id}.html")
        settled = firefox.evaluate(SETTLED)
        assert settled["state"] == "ready", aid_id
        leaving = [url for url in settled["fetched"]
                   if not url.startswith((*allowed, "blob:", "data:"))]
        assert leaving == [], aid_id
    firefox.goto(f"{base}/index.html")
    messages = firefox.console()
    assert messages, "the console of Firefox could not be read"
    assert [m for m in messages if any(word in m for word in CSP_WORDS)] == []


def test_the_console_check_sees_a_blocked_script(firefox):
    before = len(firefox.console())
    firefox.goto("data:text/html,<meta http-equiv='Content-Security-Policy' content=\"script-src 'none'\">"
                 "<script>document.title = 'kapot'</script>")
    firefox.evaluate("arguments[0]()")
    found = firefox.console()[before:]
    assert any(word in m for m in found for word in CSP_WORDS), found
