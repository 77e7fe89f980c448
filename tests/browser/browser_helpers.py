"""Helpers for the browser tests: axe-core and waiting for an aid."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# axe-core as shipped inside axe-playwright-python: no CDN involved.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, context: str | None = None) -> list[str]:
    """Run axe-core (WCAG 2.0–2.2 A and AA rules) and describe each violation."""
    page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        "([context, tags]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags}})",
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
    violations: list[str] = []
    context.add_init_script(_CSP_EVENTS)

    def on_console(message) -> None:
        if "CSP violation" in message.text or "Content Security Policy" in message.text:
            violations.append(message.text[:300])

    page.on("console", on_console)
    return violations


def new_context(browser):
    """A fresh context as a Dutch professional would have it."""
    return browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")


def walk_to_check(page, limit: int = 15) -> None:
    """Press 'Volgende stap' until the check page shows, waiting for each step to change."""
    for _ in range(limit):
        if page.locator("[data-aid-submit]").is_visible():
            return
        current = page.evaluate("document.querySelector('[data-step]:not([hidden])').dataset.step")
        page.locator(f"[data-step={current}] .aid-nav button").last.click()
        page.wait_for_function(
            "s => document.querySelector(`[data-step=\"${s}\"]`).hidden", arg=current)
    raise AssertionError("the check page was not reached")


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching selector has focus (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")
