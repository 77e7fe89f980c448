"""Measure Thuiswijzer in headless Debian Chromium; print medians of 5 runs.

- first Python result: ms from navigation start to the first result written by Python,
  cold (new browser, empty profile) and warm (reload in the same browser), over http and file://;
- the longest main-thread freeze (long tasks) while an aid page starts;
- the bytes a guidance page and an aid page transfer over http (uncompressed, as served
  by Python's http.server; a host that compresses sends less);
- the size of the offline zip;
- the time from an answer changing to the screen updated, over a full run through the aid.

    python scripts/bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import tempfile
import threading
import zipfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
ZIP = ROOT / "dist" / "thuiswijzer-offline.zip"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AID = "hulpmiddelen/analyse.html"
GUIDE = "voorkomen/verklarende-analyse.html"
# A fast typist: 60 ms between keys (about 16 characters a second).
KEY_DELAY_MS = 60
TYPED = "Moeder brengt het kind elke ochtend naar school."
TARGETS = {"cold_file_ms": 3500, "freeze_ms": 200, "zip_mb": 10, "interaction_ms": 100}

# From the very start of each page: the longest long task, and the longest gap in a 10 ms
# heartbeat (a second, independent view of how long the main thread was blocked).
LONGTASKS = """
window.__twLongest = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__twLongest = Math.max(window.__twLongest, entry.duration);
  }
}).observe({type: "longtask", buffered: true});
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  window.__twLongest = Math.max(window.__twLongest, now - last - 10);
  last = now;
}, 10);
"""
FIRST_RESULT = "() => performance.getEntriesByName('tw-first-result').length > 0"
READ = "() => [performance.getEntriesByName('tw-first-result')[0].startTime, window.__twLongest]"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def first_result(playwright, url: str) -> tuple[float, float, float, float]:
    """(cold ms, cold freeze ms, warm ms, warm freeze ms) in one fresh browser."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        context.add_init_script(LONGTASKS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(FIRST_RESULT, timeout=60_000)
        page.wait_for_timeout(300)  # let a long task that ends with the result be reported
        cold, cold_freeze = page.evaluate(READ)
        page.reload()
        page.wait_for_function(FIRST_RESULT, timeout=60_000)
        page.wait_for_timeout(300)
        warm, warm_freeze = page.evaluate(READ)
        context.close()
    return cold, cold_freeze, warm, warm_freeze


def transferred(playwright, url: str) -> tuple[int, int, int]:
    """(bytes, bytes gzip-compressed, bytes of the Python runtime) one page load fetches."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    page = browser.new_page()
    bodies: list[tuple[str, bytes]] = []
    page.on("requestfinished", lambda request: bodies.append((request.url, request.response().body())))
    page.goto(url)
    if "hulpmiddelen" in url:
        page.wait_for_function(FIRST_RESULT, timeout=60_000)
    page.wait_for_load_state("networkidle")
    browser.close()
    total = sum(len(body) for _, body in bodies)
    packed = sum(len(gzip.compress(body, 6)) for _, body in bodies)
    runtime = sum(len(body) for u, body in bodies if "/assets/runtime/" in u)
    return total, packed, runtime


def interactions(playwright, url: str) -> list[float]:
    """ms from each answer change to the screen showing Python's answer, over a full run
    through the aid typed key by key."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(FIRST_RESULT, timeout=60_000)
    page.check("#tw-analyse-leden-0")
    page.check("#tw-analyse-leden-2")
    page.check("[name=woonsituatie][value=uit_huis]")
    page.locator("#tw-analyse-rol--ouder1").press_sequentially("moeder", delay=KEY_DELAY_MS)
    page.locator("#tw-analyse-datum-gesprek").press_sequentially("1-3-2027", delay=KEY_DELAY_MS)
    typed = {"beeld": "#tw-analyse-problemen--ouder1", "analyse": "#tw-analyse-begin",
             "doelen": "#tw-analyse-doelen--1--wat", "evaluatie": "#tw-analyse-evaluatie--1--vooruitgang"}
    for _ in range(12):
        current = page.evaluate("(document.querySelector('[data-step]:not([hidden])') || {dataset: {}}).dataset.step")
        if current is None:
            break
        if current in typed:
            page.locator(typed[current]).press_sequentially(TYPED, delay=KEY_DELAY_MS)
        if current == "hulp":
            page.check("[name=hulp_keuze][value=pcit]")
        page.locator(f"[data-step={current}] .aid-nav button").last.click()
        page.wait_for_function("s => document.querySelector(`[data-step=\"${s}\"]`).hidden", arg=current)
    page.wait_for_timeout(500)
    timings = page.evaluate("window.__twTimings")
    browser.close()
    return timings


def median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} [{min(values):.0f}–{max(values):.0f}]"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    httpd, origin = serve(SITE)
    offline = Path(tempfile.mkdtemp(prefix="thuiswijzer-bench-"))
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(offline)
    results: dict[str, list[tuple[float, ...]]] = {"http": [], "file": []}
    with sync_playwright() as playwright:
        for _ in range(runs):
            results["http"].append(first_result(playwright, f"{origin}/{AID}"))
            results["file"].append(first_result(playwright, (offline / AID).as_uri()))
        guide = transferred(playwright, f"{origin}/{GUIDE}")
        aid = transferred(playwright, f"{origin}/{AID}")
        steps = interactions(playwright, f"{origin}/{AID}")
    httpd.shutdown()

    print(f"Thuiswijzer bench: medians of {runs} runs [min–max], headless Debian Chromium\n")
    print("First Python result after navigation (ms)")
    for where in ("http", "file"):
        rows = results[where]
        print(f"  {where:4}  cold {median([r[0] for r in rows])}   warm {median([r[2] for r in rows])}")
    freezes = [r[1] for rows in results.values() for r in rows] + \
              [r[3] for rows in results.values() for r in rows]
    cold_file = statistics.median(r[0] for r in results["file"])
    longest = max(freezes)
    print("\nLongest main-thread freeze while an aid page starts (ms)")
    for where in ("http", "file"):
        rows = results[where]
        print(f"  {where:4}  cold {median([r[1] for r in rows])}   warm {median([r[3] for r in rows])}")
    print(f"  worst of all runs: {longest:.0f}")
    print("\nBytes one page load transfers over http (uncompressed; gzip-compressed in brackets)")
    print(f"  guidance page ({GUIDE}): {guide[0]:>10,} [{guide[1]:,}]  Python runtime: {guide[2]:,}")
    print(f"  aid page ({AID}):        {aid[0]:>10,} [{aid[1]:,}]  Python runtime: {aid[2]:,}")
    print(f"\nAnswer changed to screen updated, full run through the aid ({len(steps)} changes)")
    print(f"  median {statistics.median(steps):.0f} ms, worst {max(steps):.0f} ms")
    zip_mb = ZIP.stat().st_size / 1e6
    print(f"\nOffline zip: {ZIP.stat().st_size:,} bytes ({zip_mb:.1f} MB)")

    checks = [
        ("first result cold over file:// ≤ 3500 ms", cold_file <= TARGETS["cold_file_ms"]),
        ("main thread never blocked > 200 ms", longest <= TARGETS["freeze_ms"]),
        ("guidance page carries no Pyodide bytes", guide[2] == 0),
        ("zip ≤ 10 MB", zip_mb <= TARGETS["zip_mb"]),
        ("answer to screen < 100 ms, worst case", max(steps) < TARGETS["interaction_ms"]),
    ]
    print("\nTargets")
    for label, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
