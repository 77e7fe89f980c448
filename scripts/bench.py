"""Measure Thuiswijzer in headless Debian Chromium; print medians of 5 runs.

- first Python result: ms from navigation start to the first result written by Python,
  cold (new browser, empty profile) and warm (reload in the same browser), over http and file://,
  against plain Pyodide measured in the same run, runs alternated (aid, plain, aid, plain...);
  plain Pyodide is the same npm package started the documented way: loadPyodide in a module
  worker, computing 1 + 1. From file:// Chromium blocks module workers and fetch, so the plain
  page opens from the same files on disk in a browser started with --allow-file-access-from-files,
  the one switch that lifts that block (the aid page runs without it, as a user's browser does);
- the longest main-thread freeze (long tasks) while an aid page starts;
- the bytes a guidance page and an aid page transfer over http (uncompressed, as served
  by Python's http.server; a host that compresses sends less);
- the size of the offline zip;
- the time from an answer changing to the screen updated, over a full run through the aid;
- over a throttled link (scripts/bench_net.py: a local static host that gzips like one and
  sends caching headers, one link shared by page and workers; 10 Mbit/s with 60 ms, the same
  from a host that makes the browser revalidate, and a slow mobile link), aid page against
  plain Pyodide, a cold browser each run: first result, bytes sent on a first visit, and bytes
  sent for a second aid page (plain: the page again) in the same browser, all of it and the
  runtime's part.

    python scripts/bench.py [--runs 5] [--network-runs 3]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import bench_lighthouse  # noqa: E402
import bench_net  # noqa: E402
import vendor  # noqa: E402
from aids.contract import ATTRIBUTES, selector as sel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
ZIP = ROOT / "dist" / "thuiswijzer-offline.zip"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AID = "hulpmiddelen/analyse.html"
GUIDE = "voorkomen/verklarende-analyse.html"
SECOND_AID = "hulpmiddelen/omgang.html"
# The links of the network view: (name, bits a second, latency in seconds before each response,
# the host's Cache-Control max-age). With max-age=0 the browser revalidates every file it kept,
# as it does once 600 s have passed (the runtime's names carry no hash: no host can mark them
# immutable).
PROFILES = (("10 Mbit/s, 60 ms", 10e6, 0.060, bench_net.MAX_AGE),
            ("10 Mbit/s, 60 ms, revalidating host (max-age=0)", 10e6, 0.060, 0),
            ("slow mobile, 1.6 Mbit/s, 150 ms", 1.6e6, 0.150, bench_net.MAX_AGE))
# A fast typist: 60 ms between keys (about 16 characters a second).
KEY_DELAY_MS = 60
TYPED = "Moeder brengt het kind elke ochtend naar school."
TARGETS = {"cold_ratio": 0.35, "warm_ratio": 0.25, "freeze_ms": 200, "zip_mb": 15,
           "interaction_ms": 100, "first_visit_mb": 8, "second_runtime_kb": 200}
START_LIMIT_MS = 20_000  # runtime.js gives up on Python this long after navigation (fast link)

# Plain Pyodide, started as its documentation shows: a module worker that computes 1 + 1.
PLAIN_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
               "pyodide-lock.json")
PLAIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain Pyodide</title>
</head><body><p id="out"></p><script>
const worker = new Worker("worker.mjs", { type: "module" });
worker.onmessage = (event) => {
  document.getElementById("out").textContent = event.data;
  performance.mark("tw-first-result");
};
</script></body></html>
"""
PLAIN_WORKER = """import { loadPyodide } from "./pyodide.mjs";
const pyodide = await loadPyodide();
postMessage(String(pyodide.runPython("1 + 1")));
"""

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
READ = """() => [performance.getEntriesByName('tw-first-result')[0].startTime, window.__twLongest,
  (performance.getEntriesByName('tw-python-ready')[0] || {detail: {from: 'plain'}}).detail]"""
# A first result, or an aid that gave up on Python (20 s after navigation, or on a slow link 20 s
# after the runtime's last chunk arrived, 120 s after navigation at the latest).
RESULT_OR_GIVEN_UP = f"""() => performance.getEntriesByName('tw-first-result').length > 0 ||
  document.querySelector('{sel("state", "unavailable")}, {sel("state", "stopped")}') !== null"""
READ_RESULT = "() => (performance.getEntriesByName('tw-first-result')[0] || {startTime: null}).startTime"
# The steps of an aid's start, as its worker reports them (ms after navigation), in order.
STEPS = ("loaded", "asked", "wasm", "module", "snapshot", "python", "ready")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def plain_site(target: Path) -> Path:
    package = vendor.package_dir("pyodide") / "package"
    for name in PLAIN_FILES:
        shutil.copyfile(package / name, target / name)
    (target / "index.html").write_text(PLAIN_PAGE)
    (target / "worker.mjs").write_text(PLAIN_WORKER)
    return target


def first_result(playwright, url: str, args: tuple[str, ...] = ()) -> dict:
    """Cold and warm first result, freeze, and how Python started, in one fresh browser."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS + list(args), headless=True)
        context.add_init_script(LONGTASKS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(FIRST_RESULT, timeout=60_000)
        page.wait_for_timeout(300)  # let a long task that ends with the result be reported
        cold, cold_freeze, cold_how = page.evaluate(READ)
        page.reload()
        page.wait_for_function(FIRST_RESULT, timeout=60_000)
        page.wait_for_timeout(300)
        warm, warm_freeze, warm_how = page.evaluate(READ)
        context.close()
    return {"cold": cold, "cold_freeze": cold_freeze, "warm": warm, "warm_freeze": warm_freeze,
            "from": {cold_how["from"], warm_how["from"]},
            "cold_steps": cold_how.get("times", {}), "warm_steps": warm_how.get("times", {})}


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
        current = page.evaluate(f"(document.querySelector('{sel('step')}:not([hidden])') || "
                                f"{{getAttribute: () => null}}).getAttribute('{ATTRIBUTES['step']}')")
        if current is None:
            break
        if current in typed:
            page.locator(typed[current]).press_sequentially(TYPED, delay=KEY_DELAY_MS)
        if current == "hulp":
            page.check("[name=hulp_keuze][value=pcit]")
        step = sel("step", current)
        page.locator(f"{step} .aid-nav {sel('next')}").click()
        page.wait_for_function(f"() => document.querySelector('{step}').hidden")
    page.wait_for_timeout(500)
    timings = page.evaluate("window.__twTimings")
    browser.close()
    return timings


def is_runtime(path: str) -> bool:
    """The Python runtime's files: the aid's runtime folder, or plain Pyodide's files."""
    return path.startswith("/assets/runtime/") or path.rsplit("/", 1)[-1] in PLAIN_FILES


def sent(link: bench_net.Link) -> dict:
    """What the link sent since its reset: body bytes, the runtime's part, 304 answers."""
    with link.lock:
        counts, not_modified = dict(link.sent), link.not_modified
    return {"total": sum(counts.values()),
            "runtime": sum(n for path, n in counts.items() if is_runtime(path)),
            "not_modified": not_modified}


def network_visit(playwright, link: bench_net.Link, first: str, second: str) -> dict:
    """Over the link, in a fresh browser (empty profile): the first page's first result (None
    if it gave up on Python) and the bytes the link sent for it until quiet, then the same for
    a second page opened in the same browser."""
    result = {}
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        page = None
        for visit, url in (("first", first), ("second", second)):
            link.reset()
            previous, page = page, context.new_page()
            if previous:
                previous.close()
            page.goto(url, wait_until="commit", timeout=120_000)
            page.wait_for_function(RESULT_OR_GIVEN_UP, timeout=150_000)
            result[visit] = page.evaluate(READ_RESULT)
            if result[visit] is None:  # gave up: what was sent until then, and no second page
                result[f"{visit}_sent"] = sent(link)
                break
            link.wait_quiet()
            result[f"{visit}_sent"] = sent(link)
        context.close()
    return result


def network(playwright, plain: Path, runs: int) -> dict[str, list[tuple[dict, dict]]]:
    """Per link profile, aid page and plain Pyodide over the link, runs alternated."""
    bench_net.prepare(SITE)
    bench_net.prepare(plain)
    pairs: dict[str, list[tuple[dict, dict]]] = {}
    print(f"\nOver a throttled link, {runs} runs: first result (ms), aid / plain Pyodide, "
          "and kB sent on a first visit")
    for name, bits, latency, max_age in PROFILES:
        link = bench_net.Link(bits, latency)
        (site_httpd, origin), (plain_httpd, plain_origin) = (
            bench_net.serve(SITE, link, max_age), bench_net.serve(plain, link, max_age))
        pairs[name] = []
        for run in range(1, runs + 1):
            aid = network_visit(playwright, link, f"{origin}/{AID}", f"{origin}/{SECOND_AID}")
            base = network_visit(playwright, link, f"{plain_origin}/index.html",
                                 f"{plain_origin}/index.html")
            pairs[name].append((aid, base))
            shown = "gave up" if aid["first"] is None else f"{aid['first']:5.0f}"
            print(f"  {name}, run {run}:  {shown} / {base['first']:5.0f}   "
                  f"{aid['first_sent']['total'] / 1000:,.0f} / {base['first_sent']['total'] / 1000:,.0f} kB",
                  flush=True)
        site_httpd.shutdown()
        plain_httpd.shutdown()
    return pairs


def network_report(pairs: dict[str, list[tuple[dict, dict]]]) -> list[tuple[str, bool]]:
    """Print the network view's medians; return its checks against the targets."""
    rows = (("first result (ms)", lambda r: r["first"], 1),
            ("first visit (kB sent)", lambda r: r["first_sent"]["total"], 1000),
            ("second page (kB sent)", lambda r: r["second_sent"]["total"], 1000),
            ("  of which runtime (kB)", lambda r: r["second_sent"]["runtime"], 1000),
            ("  304 answers", lambda r: r["second_sent"]["not_modified"], 1),
            ("second page first result (ms)", lambda r: r["second"], 1))
    print(f"\nOver a throttled link: a local static host (gzip, Cache-Control: max-age="
          f"{bench_net.MAX_AGE} unless named, ETag, 304),")
    print("one link for page and workers, a cold browser each run; second page: "
          f"{SECOND_AID} (plain: the same page again) in the same browser")
    print("Medians [min–max]                     aid                  plain Pyodide       "
          "ratio (median of pairs)")
    for name, *_ in PROFILES:
        print(f"  {name}")
        done = [(a, b) for a, b in pairs[name] if a["first"] is not None]
        for label, value, unit in rows:
            aid = [value(a) / unit for a, _ in done]
            base = [value(b) / unit for _, b in pairs[name]]
            ratios = [value(a) / value(b) for a, b in done if value(b) and "304" not in label]
            cells = [median(aid) if aid else f"{'–':>7}{'':15}", median(base)]
            ratio = f"{statistics.median(ratios):.2f}" if ratios else "–"
            print(f"    {label:30} {cells[0]:22} {cells[1]:22} {ratio}")
        gave_up = [a for a, _ in pairs[name] if a["first"] is None]
        if gave_up:
            print(f"    the aid gave up on Python in {len(gave_up)} of {len(pairs[name])} runs; "
                  "by then the link had sent it (kB) "
                  + median([a["first_sent"]["total"] / 1000 for a in gave_up]).strip())
    name = PROFILES[0][0]
    done = [(a, b) for a, b in pairs[name] if a["first"] is not None]
    first_visit = [a["first_sent"]["total"] for a, _ in done]
    second_runtime = [a["second_sent"]["runtime"] for a, _ in done]
    ratio = statistics.median(a["first"] / b["first"] for a, b in done) if done else None
    return [
        (f"aid page's first visit sends ≤ {TARGETS['first_visit_mb']} MB",
         bool(done) and statistics.median(first_visit) <= TARGETS["first_visit_mb"] * 1e6),
        (f"a second aid page sends ≤ {TARGETS['second_runtime_kb']} kB of runtime",
         bool(done) and max(second_runtime) <= TARGETS["second_runtime_kb"] * 1e3),
        (f"first result over {name} sooner than plain Pyodide", ratio is not None and ratio < 1),
    ]


def median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} [{min(values):.0f}–{max(values):.0f}]"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--network-runs", type=int, default=3)
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="0: no Lighthouse")
    options = parser.parse_args()
    runs = options.runs
    httpd, origin = serve(SITE)
    offline = Path(tempfile.mkdtemp(prefix="thuiswijzer-bench-"))
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(offline)
    plain = plain_site(Path(tempfile.mkdtemp(prefix="thuiswijzer-plain-")))
    plain_httpd, plain_origin = serve(plain)
    urls = {
        "http": ((f"{origin}/{AID}", ()), (f"{plain_origin}/index.html", ())),
        "file": (((offline / AID).as_uri(), ()),
                 ((plain / "index.html").as_uri(), ("--allow-file-access-from-files",))),
    }
    pairs: dict[str, list[tuple[dict, dict]]] = {"http": [], "file": []}
    print(f"Thuiswijzer bench: {runs} runs, aid and plain Pyodide alternated, "
          "headless Debian Chromium")
    print("\nFirst result after navigation (ms), pair by pair: aid / plain Pyodide = ratio")
    with sync_playwright() as playwright:
        for run in range(1, runs + 1):
            for where, ((aid_url, aid_args), (plain_url, plain_args)) in urls.items():
                aid = first_result(playwright, aid_url, aid_args)
                base = first_result(playwright, plain_url, plain_args)
                pairs[where].append((aid, base))
                print(f"  {where:4} run {run}:  cold {aid['cold']:5.0f} / {base['cold']:5.0f} = "
                      f"{aid['cold'] / base['cold']:.2f}   warm {aid['warm']:5.0f} / {base['warm']:5.0f} = "
                      f"{aid['warm'] / base['warm']:.2f}   aid started from {'+'.join(sorted(aid['from']))}",
                      flush=True)
        guide = transferred(playwright, f"{origin}/{GUIDE}")
        aid_bytes = transferred(playwright, f"{origin}/{AID}")
        steps = interactions(playwright, f"{origin}/{AID}")
    httpd.shutdown()
    plain_httpd.shutdown()

    print(f"\nMedians of {runs} [min–max] (ms)            aid            plain Pyodide    "
          "ratio (median of pairs)")
    ratios = {}
    for where in ("http", "file"):
        for when in ("cold", "warm"):
            aid_ms = [a[when] for a, _ in pairs[where]]
            base_ms = [b[when] for _, b in pairs[where]]
            ratios[where, when] = statistics.median(a / b for a, b in zip(aid_ms, base_ms))
            print(f"  {where:4} {when}   {median(aid_ms)}   {median(base_ms)}   {ratios[where, when]:.2f}")
    print("\nWhere an aid's start goes: medians, ms after navigation, as the worker reports them")
    print("  (loaded: its script has run; asked: Pyodide asks for the wasm; wasm: in hand; module:")
    print("   Pyodide's module built; snapshot: checked; python: restored; ready: the aids imported;")
    print("   first: first result; floor: the first result had the wasm been in hand when asked for,")
    print("   and the target in ms: the ratio times plain Pyodide's median)")
    print("            " + "".join(f"{step:>9}" for step in STEPS + ("first", "floor", "target")))
    for where in ("http", "file"):
        for when in ("cold", "warm"):
            rows = [a for a, _ in pairs[where]]
            cells = [statistics.median(r[f"{when}_steps"][step] for r in rows) for step in STEPS]
            cells.append(statistics.median(r[when] for r in rows))
            waited = [r[f"{when}_steps"]["wasm"] - r[f"{when}_steps"]["asked"] for r in rows]
            cells.append(statistics.median(r[when] - w for r, w in zip(rows, waited)))
            cells.append(TARGETS[when + "_ratio"] * statistics.median(b[when] for _, b in pairs[where]))
            print(f"  {where:4} {when}  " + "".join(f"{cell:9.0f}" for cell in cells))
    aid_runs = [a for rows in pairs.values() for a, _ in rows]
    longest = max(max(a["cold_freeze"], a["warm_freeze"]) for a in aid_runs)
    slowest = max(a["cold"] for a in aid_runs)
    from_snapshot = all(a["from"] == {"snapshot"} for a in aid_runs)
    print("\nLongest main-thread freeze while an aid page starts (ms)")
    for where in ("http", "file"):
        rows = [a for a, _ in pairs[where]]
        print(f"  {where:4}  cold {median([r['cold_freeze'] for r in rows])}   "
              f"warm {median([r['warm_freeze'] for r in rows])}")
    print(f"  worst of all runs: {longest:.0f}")
    print(f"\nSlowest aid start: {slowest:.0f} ms after navigation (cut-off {START_LIMIT_MS} ms)")
    print("\nBytes one page load transfers over http (uncompressed; gzip-compressed in brackets)")
    print(f"  guidance page ({GUIDE}): {guide[0]:>10,} [{guide[1]:,}]  Python runtime: {guide[2]:,}")
    print(f"  aid page ({AID}):        {aid_bytes[0]:>10,} [{aid_bytes[1]:,}]  Python runtime: {aid_bytes[2]:,}")
    print(f"\nAnswer changed to screen updated, full run through the aid ({len(steps)} changes)")
    print(f"  median {statistics.median(steps):.0f} ms, worst {max(steps):.0f} ms")
    zip_mb = ZIP.stat().st_size / 1e6
    print(f"\nOffline zip: {ZIP.stat().st_size:,} bytes ({zip_mb:.1f} MB)")
    with sync_playwright() as playwright:
        network_pairs = network(playwright, plain, options.network_runs)
    network_checks = network_report(network_pairs)
    lighthouse_checks = []
    if options.lighthouse_runs:
        lighthouse_checks = bench_lighthouse.report(bench_lighthouse.measure(options.lighthouse_runs))

    checks = [
        ("every aid run started Python from the snapshot", from_snapshot),
        *[(f"first result / plain Pyodide, {where} {when} ≤ {TARGETS[when + '_ratio']}",
           ratios[where, when] <= TARGETS[when + "_ratio"])
          for where in ("http", "file") for when in ("cold", "warm")],
        ("main thread never blocked > 200 ms", longest <= TARGETS["freeze_ms"]),
        ("guidance page carries no Pyodide bytes", guide[2] == 0),
        ("zip ≤ 15 MB", zip_mb <= TARGETS["zip_mb"]),
        ("answer to screen < 100 ms, worst case", max(steps) < TARGETS["interaction_ms"]),
        *network_checks,
        *lighthouse_checks,
    ]
    print("\nTargets")
    for label, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
