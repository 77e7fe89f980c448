"""Fault injection in Chromium: runtime files that are missing, cut short or damaged, a worker that
fails, hangs or dies after the start, Python that raises inside a request, an answer that cannot
be read. Each time the user reads the right short Dutch message, nothing typed is lost, and the
technical detail goes to the console only.

The page's clock is a fake one, paused at navigation: a start-up fault must end in the checklist
without the 20-second limit (the clock stands still), a hang when the clock reaches 20 s."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import aids
from aids.texts import group
from browser_helpers import (AidPage, axe_violations, integrity, new_context, runtime_arrived,
                             until, use_data_scripts, wait_for_aid, watch_csp,
                             workers_where)
from paths import SITE, served
from aids.contract import ATTRIBUTES as A

AID = "/hulpmiddelen/analyse.html"
TYPED = "#tw-analyse-rol--ouder1"
LOADER = group("loader")
START_LIMIT_MS = 20_000
CALL_LIMIT_MS = 10_000
NAVIGATION = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)  # the paused clock at navigation
MARK = "STORING"  # typed into a field, it makes the injected worker misbehave on that request


def unavailable(reason: str) -> str:
    return LOADER["unavailable"].replace("{reason}", LOADER[reason].replace("{seconds}", "20"))


def respond(route, change) -> None:
    """Serve the real file, changed (a data script as text, a fetched file as bytes)."""
    response = route.fetch()
    body = response.text() if route.request.url.endswith(".js") else response.body()
    route.fulfill(response=response, body=change(body))


class worker_with:
    """The worker's source with code added at its end: the fetched source (bin/worker.js), whose
    new integrity the page then asks for, or the data script worker.js (from file://)."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __call__(self, body: str) -> str:
        if body.startswith("self.__twWorkerSource = "):
            return body + f"\nself.__twWorkerSource += {json.dumps(chr(10) + self.code)};\n"
        return body + "\n" + self.code


def damage(body: str | bytes) -> str | bytes:
    """Change the middle of a file: a data script still runs (base64 stays base64), a fetched
    file still arrives whole; only its bytes are wrong."""
    middle = len(body) // 2
    return body[:middle] + ("A" * 4000 if isinstance(body, str) else bytes(4000)) + body[middle + 4000:]


def cut(body: str | bytes) -> str | bytes:
    return body[:len(body) // 2]


FETCHED, SCRIPTS = "fetched", "scripts"  # the runtime's transport over http, and from file://
WORKER = "bin/worker.js"  # the worker's source as an http page fetches it
# Each fault: the transport, the runtime file, how it is served, the reason the user reads, and
# whether only the 20-second limit can end it. A fetched file is checked by its integrity; of
# the data scripts, only the snapshot's chunks carry a sha256 (gzip's CRC checks the wasm and
# the wheel).
START_FAULTS = {
    "worker missing": (FETCHED, WORKER, 404, "reason_missing", False),
    "worker cut short": (FETCHED, WORKER, cut, "reason_damaged", False),
    "worker fails": (FETCHED, WORKER, worker_with('throw new Error("kapot");'), "reason_failed",
                     False),
    "worker silent": (FETCHED, WORKER, worker_with("self.onmessage = function () {};"),
                      "reason_timeout", True),
    "wasm missing": (FETCHED, "bin/wasm-1.bin", 404, "reason_missing", False),
    "wheel missing": (FETCHED, "bin/wheel-0.bin", 404, "reason_missing", False),
    "stdlib cut short": (FETCHED, "bin/stdlib-0.bin", cut, "reason_damaged", False),
    "wasm damaged": (FETCHED, "bin/wasm-0.bin", damage, "reason_damaged", False),
    "wheel damaged": (FETCHED, "bin/wheel-0.bin", damage, "reason_damaged", False),
    "wasm never arrives": (FETCHED, "bin/wasm-2.bin", None, "reason_timeout", True),
    "script worker missing": (SCRIPTS, "worker.js", 404, "reason_missing", False),
    "script missing": (SCRIPTS, "wasm-1.js", 404, "reason_missing", False),
    "wheel script missing": (SCRIPTS, "wheel-0.js", 404, "reason_missing", False),
    "script cut short": (SCRIPTS, "stdlib-0.js", cut, "reason_damaged", False),
    "wasm script damaged": (SCRIPTS, "wasm-0.js", damage, "reason_damaged", False),
    "wheel script damaged": (SCRIPTS, "wheel-0.js", damage, "reason_damaged", False),
    "script never arrives": (SCRIPTS, "wasm-0.js", None, "reason_timeout", True),
}
# Faults of the standard library, which only a normal start asks for: their tests refuse the
# snapshot too (its first chunk missing), so Python starts normally and needs it.
NORMAL_START = {"stdlib cut short", "script cut short"}


def fetched_chunks() -> int:
    """How many chunks an http page fetches for a start from the snapshot."""
    manifest = json.loads((SITE / "assets" / "runtime" / "manifest.json").read_text())
    return sum(len(parts) for name, parts in manifest["bin"].items()
               if name not in manifest["later"])


def trust_changed_worker(context, change: worker_with) -> None:
    """Every page asks for the integrity of the changed worker's source instead of the built one:
    the worker runs, and misbehaves as the test has it."""
    built = (SITE / "assets" / "runtime" / served(WORKER)).read_bytes()
    old, new = (integrity(data) for data in (built, change(built.decode()).encode()))

    def page(route):
        response = route.fetch()
        body = response.text()
        route.fulfill(response=response, body=body.replace(old, new))

    context.route(lambda url: url.endswith(".html"), page)


def open_aid(browser, server, route_file=None, serve=None, transport=FETCHED, normal=False):
    """The aid page with one runtime file served as given, the clock paused at navigation; if
    normal, without the snapshot's first chunk, so Python starts normally."""
    context = new_context(browser)
    if transport == SCRIPTS:
        use_data_scripts(context)
    page = context.new_page()
    page.csp = watch_csp(context, page)
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    if route_file:
        held = page.held = []

        def handle(route):
            if serve is None:
                held.append(route)  # never answered: the request hangs
            elif isinstance(serve, int):
                route.fulfill(status=serve, body="")
            else:
                respond(route, serve)

        context.route(f"**/assets/runtime/{served(route_file)}", handle)
        if isinstance(serve, worker_with) and transport == FETCHED:
            trust_changed_worker(context, serve)
    if normal:
        first = "bin/snapshot-0.bin" if transport == FETCHED else "snapshot-0.js"
        context.route(f"**/assets/runtime/{served(first)}", lambda route: route.fulfill(status=404))
    page.clock.install(time=NAVIGATION - dt.timedelta(minutes=1))
    page.clock.pause_at(NAVIGATION)  # forward, never "to the past" however slow this machine is
    page.goto(server + AID, wait_until="domcontentloaded")
    return context, page


@pytest.mark.parametrize("fault", START_FAULTS)
def test_a_start_fault_ends_in_the_checklist_with_the_right_dutch_message(browser, server, fault):
    transport, route_file, serve, reason, hangs = START_FAULTS[fault]
    context, page = open_aid(browser, server, route_file, serve, transport, fault in NORMAL_START)
    page.fill(TYPED, "moeder, al getypt")
    if hangs:
        if transport == FETCHED:  # every chunk that comes has come, at navigation
            runtime_arrived(page, fetched_chunks() - (1 if route_file.endswith(".bin") else 0))
        page.clock.run_for(START_LIMIT_MS - 1_000)
        assert page.get_attribute("form.aid", A["state"]) == "loading"
        page.clock.run_for(1_000)
    wait_for_aid(page, "unavailable", timeout=90_000)
    assert page.evaluate("() => Date.now()") - NAVIGATION.timestamp() * 1000 <= START_LIMIT_MS
    assert page.inner_text(f"[{A['status']}]") == unavailable(reason)
    assert page.input_value(TYPED) == "moeder, al getypt"
    page.clock.resume()  # clicks and axe-core need time to pass
    steps = len(aids.load("analyse").steps)
    assert page.locator(f"[{A['step']}]:visible").count() == steps  # the checklist: every step at once
    page.click(f"[{A['submit']}]")
    assert page.inner_text(f"[{A['status']}]") == LOADER["checklist_no_result"]
    assert page.input_value(TYPED) == "moeder, al getypt"
    assert axe_violations(page) == []
    assert page.csp == []
    context.close()


def test_on_a_slow_link_the_limit_counts_from_the_last_chunk_that_arrived(browser, server):
    """On a slow link the runtime's last chunk arrives after 15 seconds: the 20 seconds then
    count from it, and Python starts. The same page without that chunk ends at 20 seconds (the
    fault "wasm never arrives")."""
    context, page = open_aid(browser, server, "bin/wasm-0.bin", None)
    until(page, lambda: page.held, "the first wasm chunk's request")
    page.fill(TYPED, "moeder, al getypt")
    page.clock.run_for(START_LIMIT_MS - 5_000)
    assert page.get_attribute("form.aid", A["state"]) == "loading"
    page.held[0].continue_()  # it arrives 15 seconds after navigation
    runtime_arrived(page, fetched_chunks())
    page.clock.run_for(10_000)  # 25 seconds after navigation, 10 after the last chunk
    assert page.get_attribute("form.aid", A["state"]) in ("loading", "ready")
    wait_for_aid(page, "ready")
    assert page.input_value(TYPED) == "moeder, al getypt"
    assert page.csp == []
    context.close()


# The worker misbehaves only on a request that carries MARK.
def misbehave(action: str) -> str:
    return ("var twReal = self.onmessage; self.onmessage = function (event) {"
            " if (event.data.type === 'call' &&"
            f" event.data.request.indexOf('{MARK}') >= 0) {{ {action} }}"
            " return twReal.call(self, event); };")


DIES = misbehave("self.close(); return;")  # stops without a word
# Swap Python's handler for this one request only, then put it back.
def handler(replacement: str) -> str:
    return misbehave(f"var real = twHandle; twHandle = {replacement}; twReal.call(self, event);"
                     " twHandle = real; return;")


RUNTIME_FAILS = handler("function () { throw new RangeError('Maximum call stack size exceeded'); }")
PYTHON_RAISES = misbehave("event = {data: {type: 'call', id: event.data.id, "
                          "request: '{\"op\": \"evaluate\", \"aid\": \"bestaat-niet\"}'}};")
HANDLE_RAISES = handler("function () { return real(12345); }")  # Python: len() of an int
UNREADABLE = misbehave("self.postMessage({type: 'answer', id: event.data.id, response: '{kapot'});"
                       " return;")


def ready_aid(browser, server, code, paused=False):
    context, page = open_aid(browser, server, WORKER, worker_with(code))
    wait_for_aid(page, "ready", timeout=90_000)
    if not paused:
        page.clock.resume()
    page.check("#tw-analyse-leden-0")
    page.fill("#tw-analyse-datum-gesprek", "1-3-2027")
    return context, page


def assert_stopped_and_restart(page):
    status = page.locator(f"[{A['status']}]")
    status.get_by_text(LOADER["stopped"]).wait_for()
    assert page.get_attribute("form.aid", A["state"]) == "stopped"
    assert page.input_value(TYPED) == f"moeder {MARK}"
    # "Volgende stap" does not advance and does not stay silent: it points at the restart.
    AidPage(page).next(wait=False)
    assert page.evaluate(f"() => document.activeElement.matches('[{A['restart']}]')")
    assert page.locator(f"[{A['step']}=gezin]").is_visible()
    assert axe_violations(page) == []
    page.fill(TYPED, "moeder")
    page.click(f"[{A['restart']}]")
    wait_for_aid(page, "ready", timeout=90_000)
    assert page.input_value(TYPED) == "moeder" and page.is_checked("#tw-analyse-leden-0")
    AidPage(page).next(wait=False)  # checked by Python again, then on to the next step
    page.locator(f"[{A['step']}=kader]").wait_for()


def test_a_worker_that_dies_without_a_word_is_noticed_and_restarted(browser, server):
    context, page = ready_aid(browser, server, DIES, paused=True)
    page.fill(TYPED, f"moeder {MARK}")  # the live check goes to the worker, which stops
    page.clock.run_for(CALL_LIMIT_MS - 1_000)
    assert page.get_attribute("form.aid", A["state"]) == "ready"
    AidPage(page).next(wait=False)  # waits for Python too
    page.clock.run_for(1_000)
    page.clock.resume()
    assert_stopped_and_restart(page)
    assert any("no answer within" in line for line in page.console)
    assert page.csp == []
    context.close()


def test_a_runtime_that_fails_inside_a_request_is_restarted(browser, server):
    context, page = ready_aid(browser, server, RUNTIME_FAILS)
    page.fill(TYPED, f"moeder {MARK}")
    assert_stopped_and_restart(page)
    assert any("Maximum call stack size exceeded" in line for line in page.console)
    context.close()


@pytest.mark.parametrize(("code", "detail", "message"), [
    (PYTHON_RAISES, "KeyError: 'bestaat-niet'", "web.sorry"),
    (HANDLE_RAISES, "TypeError", "request_failed"),
    (UNREADABLE, "an answer that cannot be read", "request_failed"),
], ids=["python raises", "handle raises", "unreadable answer"])
def test_a_failed_request_never_lets_the_wizard_advance(browser, server, code, detail, message):
    context, page = ready_aid(browser, server, code)
    page.fill(TYPED, f"moeder {MARK}")
    AidPage(page).next(wait=False)
    expected = LOADER.get(message) or group("web")[message.split(".")[1]]
    page.locator(f"[{A['status']}]").get_by_text(expected).wait_for()
    assert page.locator(f"[{A['step']}=gezin]").is_visible()  # not checked, so not advanced
    assert page.get_attribute("form.aid", A["state"]) == "ready"
    assert page.input_value(TYPED) == f"moeder {MARK}"
    assert any(detail in line for line in page.console)
    assert "Error" not in page.inner_text("form.aid")
    # Without the fault the same step is checked and the wizard goes on.
    page.fill(TYPED, "moeder")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    assert page.csp == []
    context.close()


# A Worker that cannot be made (blocked by a policy, Trusted Types, an old browser): the page's
# own scripts see a Worker that throws.
NO_WORKER = ("window.Worker = function () { throw new DOMException('blocked by policy',"
             " 'SecurityError'); };")


@pytest.mark.parametrize("transport", [FETCHED, SCRIPTS])
def test_a_worker_that_cannot_be_made_ends_in_the_checklist(browser, server, transport):
    """Issue 20: the aid said "wordt gestart" forever, and the 20-second limit did nothing."""
    context = new_context(browser)
    if transport == SCRIPTS:
        use_data_scripts(context)
    context.add_init_script(NO_WORKER)
    page = context.new_page()
    page.csp = watch_csp(context, page)
    page.clock.install(time=NAVIGATION - dt.timedelta(minutes=1))
    page.clock.pause_at(NAVIGATION)  # the limit cannot end it: the clock stands still
    page.goto(server + AID, wait_until="domcontentloaded")
    page.fill(TYPED, "moeder, al getypt")
    wait_for_aid(page, "unavailable", timeout=30_000)
    assert page.evaluate("() => Date.now()") - NAVIGATION.timestamp() * 1000 <= START_LIMIT_MS
    assert page.inner_text(f"[{A['status']}]") == unavailable("reason_browser")
    assert page.input_value(TYPED) == "moeder, al getypt"
    page.clock.resume()
    assert axe_violations(page) == []
    page.locator(".md-search__input").focus()  # the held search worker cannot be made either
    assert page.get_attribute("form.aid", A["state"]) == "unavailable"
    assert page.csp == []
    context.close()


# The case-file page and the group overview: a Python that stops on a file, or cannot start,
# is offered again, with a message that fits.
OTHER_PAGES = {
    "dossier": ("/hulpmiddelen/dossier.html", f"[{A['caseFile']}]", "twCaseFile",
                f"[{A['caseFileInput']}]", f"[{A['caseFileStatus']}]", "case_file"),
    "groepsoverzicht": ("/trainen/groepsoverzicht.html", f"[{A['overview']}]", "twOverview",
                        f"[{A['overviewFiles']}]", f"[{A['overviewStatus']}]", "overview"),
}


def _words(kind: str) -> dict:
    return group(kind) if kind == "case_file" else {
        key: aids.catalogue.training()("overview", key) for key in
        ("ready", "unavailable", "stopped", "restart", "restarting")}


def python_worker(page):
    """Python's worker on the page: the one that holds the aids' handler."""
    found = workers_where(page, "() => typeof twHandle === 'function'")
    assert len(found) == 1, found
    return found[0]


def _state(page, form: str, key: str, state: str, timeout: float = 90_000) -> None:
    page.wait_for_function(f"() => document.querySelector('{form}').dataset.{key} === '{state}'",
                           timeout=timeout)


def _family_text(marked: bool) -> str:
    label = f"gezin {MARK[0]}." if marked else "gezin B."
    content = {"format": "thuiswijzer-gezin", "version": 1, "label": label, "aids": {
        "analyse": {"version": 3, "saved": "2027-03-01T10:00:00+00:00",
                    "answers": {"leden": ["ouder1"], "hulp_keuze": ["triple-p"],
                                "begin": MARK if marked else "Na een verhuizing."}}}}
    return json.dumps(content)


@pytest.mark.parametrize("kind", OTHER_PAGES)
def test_a_page_whose_python_stops_on_a_file_starts_it_again(browser, server, tmp_path, kind):
    path, form, key, input_, status, words = OTHER_PAGES[kind]
    words = _words(words)
    context, page = open_aid(browser, server, WORKER, worker_with(DIES))
    page.goto(server + path, wait_until="domcontentloaded")
    _state(page, form, key, "ready")
    marked, good = tmp_path / "storing.json", tmp_path / "goed.json"
    marked.write_text(_family_text(True), encoding="utf-8")
    good.write_text(_family_text(False), encoding="utf-8")
    # The clock runs on only once the request has reached Python's worker (which then stops):
    # the page reads the file first, and the call's limit starts when the call is made.
    with python_worker(page).expect_event("close"):
        page.set_input_files(input_, str(marked))
    page.clock.run_for(CALL_LIMIT_MS - 1_000)
    assert page.locator(status).inner_text() != words["stopped"]
    page.clock.run_for(1_000)
    page.locator(status).get_by_text(words["stopped"]).wait_for()
    page.clock.resume()
    assert axe_violations(page) == []
    page.get_by_role("button", name=words["restart"]).click()
    _state(page, form, key, "ready")
    assert page.locator(f"[{A['restartPython']}]").count() == 0
    page.set_input_files(input_, str(good))
    page.locator(f".tw-document, [{A['overviewOutput']}] .tw-ov-question").first.wait_for()
    assert page.csp == []
    context.close()


@pytest.mark.parametrize("kind", OTHER_PAGES)
def test_a_page_whose_python_cannot_start_says_so_and_offers_a_restart(browser, server, kind):
    path, form, key, input_, status, words = OTHER_PAGES[kind]
    words = _words(words)
    context, page = open_aid(browser, server, WORKER, 404)
    page.goto(server + path, wait_until="domcontentloaded")
    _state(page, form, key, "unavailable")
    assert page.locator(status).inner_text() == words["unavailable"]
    assert page.locator(input_).is_disabled()
    context.unroute(f"**/assets/runtime/{served(WORKER)}")
    page.clock.resume()
    page.get_by_role("button", name=words["restart"]).click()
    _state(page, form, key, "ready")
    assert page.locator(status).inner_text() == words["ready"]
    context.close()
