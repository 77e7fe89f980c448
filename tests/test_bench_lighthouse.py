"""make bench's Lighthouse view (scripts/bench_lighthouse.py): the pins and the report. Lighthouse
itself runs in make bench only, never in make test."""

from __future__ import annotations

import json

import bench_lighthouse
from paths import ROOT


def test_lighthouse_is_pinned_with_an_integrity_for_every_package_and_no_registry_named():
    pins = ROOT / "scripts" / "lighthouse"
    assert json.loads((pins / "package.json").read_text())["dependencies"] == {"lighthouse": "12.8.2"}
    lock = json.loads((pins / "package-lock.json").read_text())
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    assert packages["node_modules/lighthouse"]["version"] == "12.8.2"
    assert all(entry.get("integrity", "").startswith("sha512-") for entry in packages.values())
    assert "resolved" not in (pins / "package-lock.json").read_text()


def run(score, cls, long_tasks):
    return {"score": score, "fcp": 1000, "lcp": 2000, "tbt": 100, "cls": cls,
            "long_tasks": long_tasks, "longest": 80 * long_tasks}


def test_the_report_gives_medians_and_the_aid_pages_targets(capsys):
    good = {"home": [run(95, 0, 0)], "guidance": [run(91, 0, 0)],
            "aid": [run(88, 0.2, 2), run(92, 0.05, 0), run(93, 0.01, 0)]}
    assert bench_lighthouse.report(good) == [
        ("aid page, Lighthouse mobile performance ≥ 90", True),
        ("aid page, layout shift < 0.1", True),
        ("aid page, no long main-thread task", True)]
    assert "aid           92" in capsys.readouterr().out
    poor = {**good, "aid": [run(38, 0.109, 3)]}
    assert [ok for _, ok in bench_lighthouse.report(poor)] == [False, False, False]
