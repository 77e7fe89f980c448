"""The Content-Security-Policy of every page, limits on input, and what happens to typed answers
when the user leaves: the policy holds with 0 violations on every page over http (the page
fixture checks it in every browser test) and from file://, in every state of every aid; a huge
paste is cut to the field's maximum; typed answers do not come back with Back, from the
back-forward cache or after a reload."""

from __future__ import annotations

import json
import re

import pytest

import aids
from aids import answers_file, family
import csp
from browser_helpers import (AidPage, CHROMIUM, CHROMIUM_ARGS, answer_dialog, axe_violations,
                             new_context, wait_for_aid, watch_csp)
from paths import ROOT, SITE, page_names
from aids.contract import ATTRIBUTES as A

# Known from the sources (the built site may not exist yet when the tests are listed).
PAGES = sorted([*page_names(), "404.html"])
EXAMPLES = ROOT / "tests" / "data" / "examples"


def test_every_page_starts_with_its_policy_with_a_hash_for_each_inline_script():
    for path in PAGES:
        html = (SITE / path).read_text(encoding="utf-8")
        head = html[html.index("<head>"):html.index("</head>")]
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert policy, path
        assert "<script" not in head[:policy.start()], path
        directives = dict(d.split(" ", 1) for d in policy.group(1).split("; "))
        assert directives["object-src"] == directives["frame-src"] == "'none'"
        assert "'unsafe-inline'" not in policy.group(1) and "'unsafe-eval'" not in policy.group(1)
        for script in csp.inline_scripts(html):
            assert csp.sha256(script) in directives["script-src"], (path, script[:60])
        # Only a page that runs Python may compile WebAssembly and start a blob: worker.
        python = A["runtime"] in html
        assert ("'wasm-unsafe-eval'" in directives["script-src"]) is python, path
        assert ("blob:" in directives["worker-src"]) is python, path
        assert directives["default-src"] == "'self'"
    with_python = [p for p in PAGES if A["runtime"] in (SITE / p).read_text(encoding="utf-8")]
    assert len(with_python) == len(aids.aid_ids()) + 2  # the aids, the case file, the overview


def test_right_after_its_policy_every_page_preloads_each_of_its_files_in_order():
    """Chromium's preload scanner asks for nothing after a policy in a <meta> tag (csp.preloads):
    the page's own links take its place, the scripts after the stylesheets that the first paint
    waits for."""
    for path in PAGES:
        html = (SITE / path).read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">', html)
        links = re.match(r'(?:<link rel="preload" href="[^"]+" as="style">)*'
                         r'(?:<link rel="preload" href="[^"]+" as="script" fetchpriority="low">)+',
                         html[policy.end():])
        assert links, path
        preloaded = re.findall(r'href="([^"]+)" as="(style|script)"', links.group(0))
        files = ([(href, "style") for href in re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)]
                 + [(src, "script") for src in re.findall(r'<script src="([^"]+)"></script>', html)])
        assert preloaded == list(dict.fromkeys(files)), path
        assert len(files) >= 5, path  # the theme's and the site's stylesheets, at least


def test_the_guard_sees_a_violation(page, server):
    page.goto(f"{server}/index.html")
    # The violation is reported twice: the browser's own console line and the page's event.
    # Wait for both (each wait has Playwright's limit), so neither comes after the clearing.
    with page.expect_console_message(lambda m: "CSP violation" in m.text), \
            page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        with pytest.raises(Exception):
            page.add_script_tag(content="window.__injected = 1")
    assert page.evaluate("() => window.__injected") is None
    assert any("script-src" in violation for violation in page.csp)
    page.csp.clear()


def test_every_page_from_file_without_a_violation(file_page, offline_site):
    for path in PAGES:
        file_page.goto((offline_site / path).as_uri())
        file_page.wait_for_load_state("load")
    # file_page fails the test on any violation, request or script error


@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_every_state_of_every_aid_from_file_without_a_violation(file_page, offline_site, aid_id,
                                                                tmp_path):
    page = file_page
    saved = tmp_path / f"{aid_id}.json"
    example = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
    saved.write_text(answers_file.dump(aids.load(aid_id), example), encoding="utf-8")
    page.goto((offline_site / "hulpmiddelen" / f"{aid_id}.html").as_uri())
    wait_for_aid(page)
    AidPage(page).next(wait=False)  # the error state, or the next step
    page.set_input_files(f"[{A['import']}]", str(saved))
    AidPage(page).jump_to_check()
    page.locator(f"[{A['checkBody']}] a").first.wait_for()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    for kind in ("markdown", "json"):
        with page.expect_download():
            page.click(f"[{A['export']}={kind}]")
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    page.wait_for_function("() => !document.querySelector('body > a[download]')")  # links gone
    page.locator(f"[{A['clear']}]").click()
    page.locator("dialog.aid-dialog[open]").wait_for()
    assert axe_violations(page) == []  # the question in the page too
    answer_dialog(page, "Wis alles")
    wait_for_aid(page)
    assert axe_violations(page) == []


def test_a_huge_paste_is_cut_to_the_maximum_and_a_longer_saved_answer_gets_a_dutch_error(
        page, server, tmp_path):
    maximum = aids.load("analyse").questions["problemen"].max_length
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    page.check("#tw-analyse-leden-0")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    AidPage(page).next(wait=False)
    page.locator("#tw-analyse-problemen--ouder1").click()
    page.keyboard.insert_text("x" * 1_000_000)  # as a paste: the browser applies maxlength
    assert page.input_value("#tw-analyse-problemen--ouder1") == "x" * maximum
    # A file can hold a longer answer: it is opened, and Python names the limit.
    saved = tmp_path / "lang.json"
    saved.write_text(answers_file.dump(aids.load("analyse"), {
        "leden": ["ouder1"], "problemen": {"ouder1": "y" * (maximum + 1)}}), encoding="utf-8")
    page.set_input_files(f"[{A['import']}]", str(saved))
    answer_dialog(page, "Vervang mijn antwoorden")  # the form held the paste
    summary = page.locator(f"[{A['errors']}]")
    summary.get_by_text(f"Gebruik hier niet meer dan {maximum} tekens.").wait_for()
    assert page.input_value("#tw-analyse-problemen--ouder1") == "y" * (maximum + 1)
    assert page.get_attribute("form.aid", A["state"]) == "ready"


def type_answers(page) -> None:
    page.check("#tw-analyse-leden-0")
    page.fill("#tw-analyse-rol--ouder1", "moeder, vertrouwelijk")
    page.fill("#tw-analyse-datum-gesprek", "1-3-2027")


def assert_forgotten(page) -> None:
    assert page.input_value("#tw-analyse-rol--ouder1") == ""
    assert page.input_value("#tw-analyse-datum-gesprek") == ""
    assert not page.is_checked("#tw-analyse-leden-0")
    assert "vertrouwelijk" not in page.content()


def test_typed_answers_are_gone_after_a_reload_and_after_back(page, server):
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    type_answers(page)
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    wait_for_aid(page)
    assert_forgotten(page)
    type_answers(page)
    page.goto(f"{server}/index.html")
    page.go_back()
    wait_for_aid(page)
    assert_forgotten(page)


@pytest.fixture
def bfcache_browser(browser):
    """Chromium as people use it: Playwright turns the back-forward cache off by default."""
    with_cache = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             ignore_default_args=["--disable-back-forward-cache"])
    yield with_cache
    with_cache.close()


def test_the_back_forward_cache_gives_back_no_typed_answers(bfcache_browser, server):
    context = new_context(bfcache_browser)
    page = context.new_page()
    violations = watch_csp(context, page)
    context.add_init_script("window.addEventListener('pageshow', e => { if (e.persisted) "
                            "document.documentElement.dataset.restored = 'ja'; });")
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    type_answers(page)
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    page.on("dialog", lambda dialog: dialog.accept())  # "leave this page?"
    page.goto(f"{server}/index.html")
    page.go_back(wait_until="commit")  # a page from the cache fires no load event
    # Restored from the cache, not loaded again: the test would prove nothing otherwise.
    page.wait_for_function("() => document.documentElement.dataset.restored === 'ja'")
    assert_forgotten(page)
    assert page.locator(f"[{A['step']}=gezin]").is_visible()
    wait_for_aid(page)
    assert violations == []
    context.close()


def _family_file(tmp_path) -> str:
    content = None
    for aid_id in ("analyse", "perspectief"):
        aid = aids.load(aid_id)
        answers = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, aids.normalize(aid, answers))
    path = tmp_path / "gezinsdossier.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


# Each page that shows a family's data: where it opens the file, what shows it, and a text of
# the family's that it shows.
SHOWN = {
    "hulpmiddelen/analyse.html": (f"form.aid[{A['state']}=ready]", f"[{A['import']}]",
                                  f"[{A['checkBody']}] dl", "na de verhuizing misging"),
    "hulpmiddelen/dossier.html": (f"[{A['caseFile']}=ready]", f"[{A['caseFileInput']}]",
                                  ".tw-document--pro", "Dossierdocument gezin M."),
    "trainen/groepsoverzicht.html": (f"[{A['overview']}=ready]", f"[{A['overviewFiles']}]",
                                     f"[{A['overviewOutput']}] .tw-ov-question", "gezinsdossier.json"),
}


@pytest.mark.parametrize("path", SHOWN)
def test_back_and_forward_bring_back_no_family_data(bfcache_browser, server, tmp_path, path):
    """Every page that shows a family's data clears it on leaving: Back (from the back-forward
    cache), Forward and Back again show none of it."""
    ready, opener, shown, secret = SHOWN[path]
    context = new_context(bfcache_browser)
    page = context.new_page()
    violations = watch_csp(context, page)
    context.add_init_script("window.addEventListener('pageshow', e => { if (e.persisted) "
                            "document.documentElement.dataset.restored = 'ja'; });")
    page.goto(f"{server}/{path}")
    page.locator(ready).wait_for(timeout=60_000)
    page.set_input_files(opener, _family_file(tmp_path))
    if opener == f"[{A['import']}]":  # an aid opens a file on a step: its answers show on
        AidPage(page).jump_to_check()                   # the check page
    page.locator(shown).first.wait_for()
    assert secret in page.content()
    page.on("dialog", lambda dialog: dialog.accept())
    for _ in range(2):
        page.goto(f"{server}/index.html")
        page.go_back(wait_until="commit")
        page.wait_for_function("() => document.documentElement.dataset.restored === 'ja'")
        page.locator(ready).wait_for(timeout=60_000)
        assert page.locator(shown).count() == 0, path
        assert secret not in page.content(), path
        page.go_forward(wait_until="commit")
        page.evaluate("() => delete document.documentElement.dataset.restored")
    assert violations == []
    context.close()
