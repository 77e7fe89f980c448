"""Helpers for the browser tests: axe-core, waiting for an aid, the site's search box."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import playwright
from playwright.sync_api import Error as PlaywrightError
from aids.contract import ATTRIBUTES as A

CHROMIUM = "/usr/bin/chromium"


def _with_playwrights_disabled_features(*features: str) -> str:
    """One --disable-features switch for Chromium: Playwright's own list (from its pinned driver)
    and these. Chromium keeps only the last such switch, so ours must repeat Playwright's."""
    bundle = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
    found = re.search(r"disabledFeatures = \[(.*?)\]", bundle.read_text(encoding="utf-8"), re.S)
    own = re.findall(r'^\s*"(\w+)"', found.group(1), re.M) if found else []
    assert "PaintHolding" in own, f"Playwright's disabled features not found in {bundle}"
    return "--disable-features=" + ",".join([*own, *features])


# The last switch also spares every test window Chromium's own address-bar popup, a page of the
# browser's interface it makes ahead for each window: two more renderers, about half a
# core-second per window, and nobody types into an address bar here. The pages under test run
# as before: it touches the browser's interface, not the web platform.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 _with_playwrights_disabled_features("WebUIOmniboxPopup", "WebUIOmniboxAimPopup"),
                 # No request can leave the machine: no host name resolves but the local
                 # server's (the tests' network guard, tests/browser/conftest.py, then fails).
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

# axe-core as shipped inside axe-playwright-python: no CDN involved.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# A page whose transitions have ended (each has an end; one that runs for ever is left out):
# axe-core measured the header's title half faded in once, right after a scroll to the top.
_SETTLED = """() => Promise.all(document.getAnimations()
  .filter(animation => Number.isFinite(animation.effect.getComputedTiming().endTime))
  .map(animation => animation.finished.catch(() => null)))"""


def axe_violations(page, context: str | None = None) -> list[str]:
    """Run axe-core (WCAG 2.0–2.2 A and AA rules) on the settled page and describe each
    violation. axe-core is put into each document once (setting it up takes a third of a
    second)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    page.evaluate(_SETTLED)
    # Only the violations in detail: collecting every passing node took a fifth of the time.
    results = page.evaluate(
        "([context, tags]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        [context, WCAG_TAGS],
    )
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
    ]


def wait_for_aid(page, state: str = "ready", timeout: float = 30_000) -> None:
    page.wait_for_function(
        "state => document.querySelector('form.aid').dataset.state === state",
        arg=state, timeout=timeout,
    )


# Every Content-Security-Policy violation in a page and its frames is an event; Chromium also
# logs each one (from frames and workers too) to the console.
_CSP_EVENTS = """document.addEventListener("securitypolicyviolation", (e) => console.error(
  "CSP violation: " + e.violatedDirective + " " + e.blockedURI + " at " + e.sourceFile + ":" +
  e.lineNumber));"""


def watch_csp(context, page) -> list[str]:
    """Record every Content-Security-Policy violation of the page (list filled as they occur).
    Call before the first navigation. Test predicates must then be functions ("() => ..."):
    Playwright evaluates other strings with eval, which the policy refuses."""
    report_csp(context)
    return csp_messages(page)


def report_csp(context) -> None:
    """Every page of the context logs its Content-Security-Policy violations to the console."""
    context.add_init_script(_CSP_EVENTS)


def csp_messages(page) -> list[str]:
    """The violations a page reports, in a context that already watches (watch_csp)."""
    violations: list[str] = []

    def on_console(message) -> None:
        if "CSP violation" in message.text or "Content Security Policy" in message.text:
            violations.append(message.text[:300])

    page.on("console", on_console)
    return violations


def new_context(browser):
    """A fresh context as a Dutch professional would have it."""
    return browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")


# Over http the page fetches the runtime's files; from file:// it loads them as data scripts.
# Playwright cannot answer file:// requests, so a test of the data scripts serves runtime_files.js
# with this switch off and gets the file:// transport over http.
_FETCH_SWITCH = "var FETCH = /^https?:$/.test(location.protocol);"


def integrity(data: bytes) -> str:
    """The Subresource Integrity a page asks of a fetched file with these bytes."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def use_data_scripts(context) -> None:
    """Every page of this context loads the runtime as data scripts, as from file://."""
    def serve(route):
        response = route.fetch()
        body = response.text()
        assert _FETCH_SWITCH in body, "runtime_files.js changed: update _FETCH_SWITCH"
        route.fulfill(response=response, body=body.replace(_FETCH_SWITCH, "var FETCH = false;"))

    context.route("**/assets/runtime_files.js", serve)


def answer_dialog(page, button: str) -> None:
    """Answer the aid's own question (a modal <dialog>, not the browser's) with this button."""
    dialog = page.locator("dialog.aid-dialog[open]")
    dialog.wait_for()
    dialog.get_by_role("button", name=button).click()
    dialog.wait_for(state="detached")


# Set an answer as typing or ticking does, also on a step not shown now: the control changes and
# an input event follows.
_ANSWER = """([name, value]) => {
  const controls = [...document.querySelectorAll(`[name="${name}"]`)];
  if (!controls.length) throw new Error("no field " + name);
  for (const control of controls) {
    if (control.type === "checkbox" || control.type === "radio") {
      control.checked = [].concat(value).includes(control.value);
    } else {
      control.value = value;
    }
  }
  controls[0].dispatchEvent(new Event("input", { bubbles: true }));
}"""


def answer(page, answers: dict) -> None:
    """Answer questions by their field names ({"leden": ["ouder1"], "label": "gezin B."})."""
    for name, value in answers.items():
        page.evaluate(_ANSWER, [name, value])


_SHOWN_NOW = f"""((document.querySelector('[{A['step']}]:not([hidden])') || {{}}).dataset?.step ||
  (document.querySelector('[{A['check']}]').hidden ? 'resultaat' : 'controle'))"""
_SHOWN = "() => " + _SHOWN_NOW
_NEXT = f".aid-nav:not([hidden]) [{A['next']}]"


class AidPage:
    """One aid as a user walks it: the one walk the browser tests share. Every move waits until
    the page has moved (or fails after Playwright's limit), with the mouse or the keyboard."""

    def __init__(self, page, keys: bool = False) -> None:
        self.page, self.keys = page, keys

    def shown(self) -> str:
        """The step on screen: its id, or 'controle' (the check page) or 'resultaat'."""
        return self.page.evaluate(_SHOWN)

    def press(self, selector: str) -> None:
        if self.keys:
            tab_to(self.page, selector)
            self.page.keyboard.press("Enter")
        else:
            self.page.locator(selector).first.click()

    def next(self, wait: bool = True) -> None:
        """'Volgende stap' on the step shown; wait until another step shows (wait=False: when
        the aid is meant to stay, for an error or a stopped Python)."""
        before = self.shown()
        self.press(f'[{A["step"]}="{before}"] {_NEXT}')
        if wait:
            self.page.wait_for_function(f"before => {_SHOWN_NOW} !== before", arg=before)

    def go_to(self, step: str, limit: int = 30) -> None:
        for _ in range(limit):
            if self.shown() == step:
                return
            self.next()
        raise AssertionError(f"stap {step} niet bereikt")

    def to_check(self) -> None:
        """On to the check page, step by step, and wait until Python filled it in."""
        self.go_to("controle")
        self.page.locator(f"[{A['checkBody']}] > *").first.wait_for()

    def jump_to_check(self) -> None:
        """From a step reached by opening a file, or from the check page: straight to the check
        page with its own link."""
        self.page.locator(f".aid-nav:not([hidden]) [{A['toCheck']}]:not([hidden])").click()
        self.page.locator(f"[{A['check']}]").wait_for(state="visible")
        self.page.locator(f"[{A['checkBody']}] > *").first.wait_for()

    def submit(self) -> None:
        """'Maak het resultaat' on the check page; wait for the result and its exports."""
        self.press(f"[{A['submit']}]")
        self.page.locator(f"[{A['exports']}]").wait_for()


def until(page, check, what: str, limit_ms: int = 30_000, step_ms: int = 25) -> None:
    """Let the page run until check() holds (a held request arrived, say); fail after limit_ms.
    Playwright hands events to Python only while it waits, hence the short steps."""
    for _ in range(limit_ms // step_ms):
        if check():
            return
        page.wait_for_timeout(step_ms)
    raise AssertionError(f"{what} bleef uit na {limit_ms} ms")


# Resolves once the page has handled every message posted to it before this one (both are
# posted messages, handled in order).
_HANDLED = """() => new Promise(done => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done();
  channel.port2.postMessage(null);
})"""
# How many chunks of the runtime the unpacker has (in order, or waiting for one before them).
_ARRIVED = """() => Object.values(twFiles).reduce(
  (n, file) => n + file.next + file.parts.filter(part => part != null).length, 0)"""


def workers_where(page, expression: str) -> list:
    """The page's workers for which the expression ("() => ...") holds; a worker that has
    ended holds nothing."""
    def holds(worker) -> bool:
        try:
            return worker.evaluate(expression)
        except PlaywrightError:
            return False

    return [worker for worker in page.workers if holds(worker)]


def runtime_arrived(page, count: int) -> None:
    """Over http: wait until `count` of the runtime's chunks have arrived in the unpacker and
    the page has heard of each (its start limit counts from the last one)."""
    found = []

    def unpacker():
        found[:] = workers_where(page, "() => typeof twChunk === 'function'")
        return found

    def arrived():
        try:
            return found[0].evaluate(_ARRIVED) >= count
        except PlaywrightError:  # the page closes the unpacker once Python is ready: all came
            return True

    until(page, unpacker, "the unpacker")
    until(page, arrived, f"{count} runtime chunks")
    page.evaluate(_HANDLED)


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching selector has focus (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def pdf_pages(page) -> list[str]:
    """Print the page to an A4 PDF as the browser does, and read each page's text back."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [sheet.extract_text() for sheet in reader.pages]


# Every kind of storage a page could use; a page that keeps nothing leaves all of them empty.
_STORAGE = """async () => ({
  local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  databases: (await indexedDB.databases()).length,
  caches: self.caches ? (await caches.keys()).length : 0,
})"""


def stored(page) -> dict:
    """What the page has put in the browser's storage (all zero and empty when nothing)."""
    return page.evaluate(_STORAGE)


# Firefox ESR, driven over Marionette (its own remote protocol; Playwright cannot drive Debian's
# Firefox). Enough for loading pages, running a script and reading the browser console.
FIREFOX = "/usr/bin/firefox-esr"
_FIREFOX_PREFS = {
    "marionette.port": 0,  # any free port; Firefox writes it to MarionetteActivePort
    "app.normandy.enabled": False, "app.update.enabled": False,
    "browser.shell.checkDefaultBrowser": False, "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False, "datareporting.policy.dataSubmissionEnabled": False,
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "toolkit.telemetry.enabled": False,
}


class Firefox:
    """Headless Firefox ESR in a fresh profile, one command at a time."""

    def __init__(self, profile: Path) -> None:
        prefs = "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                        for k, v in _FIREFOX_PREFS.items())
        (profile / "user.js").write_text(prefs, encoding="utf-8")
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
             "--profile", str(profile)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "MarionetteActivePort"
        for _ in range(600):  # Firefox writes the port once it listens (at most a minute)
            if port_file.is_file() and port_file.read_text().strip():
                break
            try:
                self.process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError("Firefox ESR stopt direct na het starten")
        self.socket = socket.create_connection(("127.0.0.1", int(port_file.read_text())), timeout=120)
        self.buffer, self.id = b"", 0
        self._read()  # the server's greeting
        self.command("WebDriver:NewSession", {"capabilities": {"alwaysMatch": {"timeouts": {
            "script": 60_000, "pageLoad": 60_000}}}})

    def _read(self):
        while b":" not in self.buffer:
            self.buffer += self.socket.recv(65536)
        size, rest = self.buffer.split(b":", 1)
        while len(rest) < int(size):
            rest += self.socket.recv(65536)
        self.buffer = rest[int(size):]
        return json.loads(rest[:int(size)])

    def command(self, name: str, params: dict | None = None):
        self.id += 1
        data = json.dumps([0, self.id, name, params or {}]).encode()
        self.socket.sendall(str(len(data)).encode() + b":" + data)
        while True:
            kind, number, error, result = self._read()
            if kind == 1 and number == self.id:
                if error:
                    raise AssertionError(f"Firefox: {error.get('message')}")
                return result.get("value") if isinstance(result, dict) else result

    def goto(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def evaluate(self, script: str, *args):
        """Run an async function body; its last argument is the callback for the answer."""
        return self.command("WebDriver:ExecuteAsyncScript", {"script": script, "args": list(args)})

    def console(self) -> list[str]:
        """Every message in the browser console so far (pages, workers, the browser itself)."""
        self.command("Marionette:SetContext", {"value": "chrome"})
        try:
            return self.command("WebDriver:ExecuteScript", {"script": (
                "return Services.console.getMessageArray().map(m => m.message || String(m))"),
                "args": []})
        finally:
            self.command("Marionette:SetContext", {"value": "content"})

    def close(self) -> None:
        self.socket.close()
        self.process.kill()
        self.process.wait()


_SEARCH_META = "() => document.querySelector('.md-search-result__meta').textContent"


class Search:
    """The search box of the served site, as a reader uses it: typed into, read back. The index
    is built once; each query starts from an empty box."""

    def __init__(self, page, server: str) -> None:
        """server: the served site's address, or the file:// address of the unzipped zip."""
        self.page, self.server = page, server
        page.goto(f"{server}/index.html")
        page.keyboard.press("/")
        self.box = page.locator(".md-search__input")
        self._wait("Typ om", timeout=60_000)  # the index is built

    def _wait(self, words: str, timeout: float = 30_000) -> None:
        self.page.wait_for_function(f"w => ({_SEARCH_META})().includes(w)", arg=words,
                                    timeout=timeout)

    def first(self, text: str) -> tuple[str, str]:
        """The page of the first result for text, and the line that counts the results."""
        self.box.fill("")
        self.box.press("End")  # the theme reads the box on key events
        self._wait("Typ om")
        self.box.fill(text)
        self.box.press("End")
        self._wait("overeenkom")
        meta = self.page.evaluate(_SEARCH_META)
        links = self.page.locator(".md-search-result__item > .md-search-result__link")
        if not links.count():
            return "", meta
        path = urlsplit(links.first.get_attribute("href")).path
        return path.removeprefix(urlsplit(self.server).path).lstrip("/"), meta
