"""Lighthouse's mobile profile on a home page, a guidance page and an aid page, for make bench.

Lighthouse (pinned in scripts/lighthouse/package-lock.json, every package with its integrity)
is installed with `npm ci` into .cache/lighthouse, never committed. It drives Debian's chromium
(CHROME_PATH) against the site served by bench_net's static host (gzip, caching headers) without
a throttled link: Lighthouse simulates the slow mobile link and CPU itself. Each page runs
`runs` times; the report gives medians of the performance score, the largest paint, total
blocking time, layout shift and the long main-thread tasks.

    python scripts/bench_lighthouse.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_net  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "scripts" / "lighthouse"
INSTALL = ROOT / ".cache" / "lighthouse"
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"home": "index.html", "guidance": "voorkomen/verklarende-analyse.html",
         "aid": "hulpmiddelen/nazorg.html"}  # the nazorg form's first fieldset shifted (issue 24)
TARGETS = {"aid_score": 90, "aid_cls": 0.1, "aid_long_tasks": 0}


def install() -> Path:
    """Lighthouse's command line, installed from the pinned lock (again when the pins change)."""
    cli = INSTALL / "node_modules" / "lighthouse" / "cli" / "index.js"
    lock = (PINS / "package-lock.json").read_bytes()
    if cli.is_file() and (INSTALL / "package-lock.json").read_bytes() == lock:
        return cli
    shutil.rmtree(INSTALL, ignore_errors=True)
    INSTALL.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PINS / name, INSTALL / name)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent"],
                   cwd=INSTALL, check=True)
    return cli


def run(cli: Path, url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            ["node", str(cli), url, "--only-categories=performance", "--output=json",
             f"--output-path={out}", "--quiet", "--max-wait-for-load=60000",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=tmp,
            stdout=subprocess.DEVNULL)
        report = json.loads(out.read_text())
    audits = report["audits"]
    long_tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    return {"score": round(report["categories"]["performance"]["score"] * 100),
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "long_tasks": len(long_tasks),
            "longest": max((task["duration"] for task in long_tasks), default=0)}


def measure(runs: int) -> dict[str, list[dict]]:
    cli = install()
    link = bench_net.Link(bits_per_second=10e9, latency=0)
    httpd, origin = bench_net.serve(SITE, link)
    try:
        return {name: [run(cli, f"{origin}/{path}") for _ in range(runs)]
                for name, path in PAGES.items()}
    finally:
        httpd.shutdown()


def report(results: dict[str, list[dict]]) -> list[tuple[str, bool]]:
    """Print the medians; return the targets of issue 24 with whether they are met."""
    print("\nLighthouse 12.8.2, mobile profile (simulated slow 4G, 4x CPU), medians of "
          f"{len(next(iter(results.values())))} runs")
    print(f"  {'page':9} {'score':>6} {'FCP ms':>8} {'LCP ms':>8} {'TBT ms':>8} {'CLS':>6} "
          f"{'long tasks':>11} {'longest ms':>11}")
    medians = {}
    for name, rows in results.items():
        m = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
        medians[name] = m
        print(f"  {name:9} {m['score']:6.0f} {m['fcp']:8.0f} {m['lcp']:8.0f} {m['tbt']:8.0f} "
              f"{m['cls']:6.3f} {m['long_tasks']:11.0f} {m['longest']:11.0f}")
    aid = medians["aid"]
    return [(f"aid page, Lighthouse mobile performance ≥ {TARGETS['aid_score']}",
             aid["score"] >= TARGETS["aid_score"]),
            (f"aid page, layout shift < {TARGETS['aid_cls']}", aid["cls"] < TARGETS["aid_cls"]),
            ("aid page, no long main-thread task", aid["long_tasks"] <= TARGETS["aid_long_tasks"])]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    checks = report(measure(parser.parse_args().runs))
    for label, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
