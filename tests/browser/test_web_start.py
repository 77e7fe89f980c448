"""How Python starts on an aid page: restored from the build's memory snapshot, over http with
the runtime fetched as bytes and with the data scripts of file://, and a normal start whenever
the snapshot cannot be used (damaged, missing, made by another runtime build, refused by
Pyodide), with the same result; the start-up limit counts from navigation."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re

import pytest

import build_runtime
from browser_helpers import AidPage, integrity, new_context, until, wait_for_aid
from paths import served
from aids.contract import ATTRIBUTES as A

AID = "/hulpmiddelen/analyse.html"
RUNTIME = "**/assets/runtime/"
OTHER_BUILD = "ab" * 32
OPENED = dt.datetime(2027, 3, 1, 9, 0)
START_LIMIT_MS = 20_000
READY = "() => performance.getEntriesByName('tw-python-ready')[0].detail"


def start_and_finish(page, server) -> dict:
    """Open the aid, answer, and see the result; returns how Python started."""
    page.goto(server + AID)
    page.check("#tw-analyse-leden-0")
    page.fill("#tw-analyse-rol--ouder1", "Getypt <i>voor</i> de start.")
    wait_for_aid(page, timeout=60_000)
    AidPage(page).to_check()
    page.click(f"[{A['submit']}]")
    output = page.locator(f"[{A['output']}]")
    output.get_by_text("Getypt <i>voor</i> de start.").first.wait_for()
    assert output.locator("i").count() == 0
    how = page.evaluate(READY)
    # When each step of the start was done (ms after navigation), for make bench: in order.
    times = how.pop("times")
    order = ("loaded", "asked", "wasm", "module", "python", "ready")
    if how["from"] == "normal":  # a refused snapshot may have built a module first
        order = ("loaded", "python", "ready")
    else:  # the snapshot arrives while the module is built
        assert times["snapshot"] <= times["python"]
    steps = [times[step] for step in order]
    assert 0 < steps[0] and steps == sorted(steps)
    how["ready_ms"] = times["ready"]  # after navigation
    return how


def other_snapshot(site, header_id: str) -> bytes:
    """The snapshot as shipped (packed, without its runs of zeros), with another build id."""
    raw = bytearray(build_runtime.read_unpacked("snapshot", site / "assets" / "runtime"))
    raw[16:48] = b"".join(int(header_id[i:i + 8], 16).to_bytes(4, "little")
                          for i in range(0, 64, 8))
    return build_runtime.pack(bytes(raw))


def snapshot_scripts(site, header_id: str | None = None) -> tuple[list[str], dict[str, str]]:
    """The snapshot's data scripts, with another build id in its header if asked, and the
    chunk hashes the worker must then expect instead of the built ones."""
    runtime = site / "assets" / "runtime"
    built = build_runtime.base64_chunks(build_runtime.read_data("snapshot", runtime))
    data = other_snapshot(site, header_id) if header_id else build_runtime.read_data("snapshot", runtime)
    parts = build_runtime.base64_chunks(data)
    assert len(parts) == len(built)
    hashes = {_sha256(old): _sha256(new) for old, new in zip(built, parts) if old != new}
    return [text for _, text in build_runtime.data_scripts("snapshot", parts)], hashes


def _sha256(chunk: str) -> str:
    return hashlib.sha256(base64.b64decode(chunk)).hexdigest()


def _answer(body: str | bytes, content_type: str):
    return lambda route: route.fulfill(body=body, content_type=content_type)


def serve_runtime(page, site, snapshot: list[str], changes: dict[str, str],
                  integrities: dict[str, str] | None = None) -> None:
    """Answer the snapshot's data scripts with the given contents, and the workers' source with
    the given changes: in the data script worker.js (as JSON strings) and in the fetched
    bin/worker.js and bin/unpacker.js, whose new integrity the aid page then asks for (as it
    does for each of integrities: old to new)."""
    runtime = site / "assets" / "runtime"
    integrities = dict(integrities or {})
    worker = (runtime / served("worker.js")).read_text()
    fetched = {plain: (runtime / served(plain)).read_bytes()
               for plain in ("bin/worker.js", "bin/unpacker.js")}
    for old, new in changes.items():
        assert json.dumps(old)[1:-1] in worker and any(old.encode() in d for d in fetched.values())
        worker = worker.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1])
    page.route(RUNTIME + served("worker.js"), _answer(worker, "text/javascript"))
    for plain, data in fetched.items():
        changed = data
        for old, new in changes.items():
            changed = changed.replace(old.encode(), new.encode())
        if changed != data:
            page.route(RUNTIME + served(plain), _answer(changed, "text/javascript"))
            integrities[integrity(data)] = integrity(changed)
    for index, text in enumerate(snapshot):
        page.route(RUNTIME + served(f"snapshot-{index}.js"), _answer(text, "text/javascript"))
    if integrities:
        html = (site / AID.strip("/")).read_text()
        for old, new in integrities.items():
            assert old in html
            html = html.replace(old, new)
        page.route("**" + AID, _answer(html, "text/html"))


def serve_fetched_snapshot(page, site, snapshot: bytes, changes: dict[str, str]) -> None:
    """Over http: answer the snapshot's chunks (bin/snapshot-N.bin) with these bytes, the aid
    page with their integrity, and the workers' source with the given changes."""
    parts = build_runtime.chunks(snapshot)
    built = sorted((site / "assets" / "runtime" / "bin").glob("snapshot-*.bin"))
    assert len(parts) == len(built)
    integrities = {}
    for index, part in enumerate(parts):
        name = served(f"bin/snapshot-{index}.bin")
        integrities[integrity((site / "assets" / "runtime" / name).read_bytes())] = integrity(part)
        page.route(RUNTIME + name, _answer(part, "application/octet-stream"))
    serve_runtime(page, site, [], changes, integrities)


@pytest.mark.parametrize("transport", ["page", "scripts_page"])
def test_python_starts_from_the_snapshot(request, server, site, transport):
    page = request.getfixturevalue(transport)  # over http: the runtime fetched, or data scripts
    start = start_and_finish(page, server)
    assert (start["from"], start["reason"]) == ("snapshot", "")
    manifest = json.loads((site / "assets" / "runtime" / "manifest.json").read_text())
    fetched = [url for url in page.guard.seen if "/assets/runtime/bin/" in url]
    scripts = [url for url in page.guard.seen
               if re.search(r"/assets/runtime/[a-z]+-\d+\.[0-9a-f]{12}\.js$", url)]
    # Every file but the standard library, which only a normal start reads (manifest["later"]).
    assert manifest["later"] == ["stdlib"]
    assert not [url for url in page.guard.seen if "/stdlib-" in url]
    chunks = sum(len(parts) for name, parts in manifest["bin"].items() if name != "stdlib")
    scripts_expected = sum(1 for name in manifest["files"][1:] if not name.startswith("stdlib-"))
    expected = (chunks + len(manifest["workers"]), 0) if transport == "page" else (0, scripts_expected)
    assert (len(fetched), len(scripts)) == expected


def test_damaged_snapshot_gives_a_normal_start(page, server, site):
    name = served("bin/snapshot-2.bin")
    data = bytearray((site / "assets" / "runtime" / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    page.route(RUNTIME + name, _answer(bytes(data), "application/octet-stream"))
    start = start_and_finish(page, server)
    assert (start["from"], start["reason"]) == (
        "normal", f"damaged runtime file: ../assets/runtime/{name}")
    # The normal start still ends inside the start limit, counted from navigation.
    assert start["ready_ms"] < START_LIMIT_MS


def test_damaged_snapshot_script_gives_a_normal_start(scripts_page, server, site):
    page = scripts_page
    scripts, _ = snapshot_scripts(site)
    middle = len(scripts[2]) // 2
    scripts[2] = scripts[2][:middle] + "AAAA" + scripts[2][middle + 4:]  # still valid base64
    serve_runtime(page, site, scripts, {})
    start = start_and_finish(page, server)
    assert start["from"] == "normal" and "sha256" in start["reason"]


def test_missing_snapshot_gives_a_normal_start(page, server):
    name = served("bin/snapshot-3.bin")
    page.route(RUNTIME + name, lambda route: route.fulfill(status=404, body=""))
    start = start_and_finish(page, server)
    assert (start["from"], start["reason"]) == (
        "normal", f"missing runtime file: ../assets/runtime/{name}")


def test_missing_snapshot_script_gives_a_normal_start(scripts_page, server):
    scripts_page.route(RUNTIME + served("snapshot-1.js"), lambda route: route.abort())
    start = start_and_finish(scripts_page, server)
    assert (start["from"], start["reason"]) == ("normal", "snapshot missing")


@pytest.mark.parametrize("transport", ["page", "scripts_page"])
def test_snapshot_whose_copies_fail_gives_a_normal_start(request, server, site, transport):
    # The unpacker cannot copy the wasm's bytes back (a copy past the snapshot's end): the
    # snapshot is never handed over half made.
    page = request.getfixturevalue(transport)
    serve_runtime(page, site, [], {'"copies":[': '"copies":[1000000000,0,64,'})
    start = start_and_finish(page, server)
    assert (start["from"], start["reason"]) == ("normal", "snapshot copy out of range")


def test_snapshot_of_another_runtime_build_gives_a_normal_start(page, server, site):
    # Sound bytes, the right integrity, but made by a build other than this runtime.
    serve_fetched_snapshot(page, site, other_snapshot(site, OTHER_BUILD), {})
    start = start_and_finish(page, server)
    assert (start["from"], start["reason"]) == ("normal", "snapshot of another runtime build")


def test_snapshot_that_pyodide_refuses_gives_a_normal_start(page, server, site):
    # Our own check is fooled (the worker expects the other build id too): Pyodide's check on
    # restore is the last line, after it has already built a module for the snapshot.
    build_id = build_runtime.build_id(build_runtime.vendor.package_dir("pyodide") / "package")
    changes = {f'build_id": "{build_id}': f'build_id": "{OTHER_BUILD}'}
    serve_fetched_snapshot(page, site, other_snapshot(site, OTHER_BUILD), changes)
    start = start_and_finish(page, server)
    assert start["from"] == "normal" and "Snapshot build id mismatch" in start["reason"]


# When the page asked for its first runtime file, loaded, and first painted (ms after navigation).
_RUNTIME_TIMES = """() => {
  const runtime = performance.getEntriesByType('resource')
    .filter(entry => entry.name.includes('/assets/runtime/'));
  const paint = performance.getEntriesByType('paint')
    .find(entry => entry.name === 'first-contentful-paint');
  return {asked: Math.min(...runtime.map(entry => entry.startTime)), files: runtime.length,
          loaded: performance.getEntriesByType('navigation')[0].loadEventEnd,
          painted: paint.startTime};
}"""


def test_the_runtime_is_asked_for_once_the_page_has_loaded_and_painted(page, server):
    """The runtime's files never compete with the page's own bytes or hold up its largest paint
    (Lighthouse counted the whole runtime into the aid page's largest paint)."""
    page.goto(server + AID)
    wait_for_aid(page)
    times = page.evaluate(_RUNTIME_TIMES)
    assert times["files"] > 0
    assert times["asked"] >= times["loaded"] and times["asked"] >= times["painted"], times


def test_start_up_limit_counts_from_navigation(browser, server):
    context = new_context(browser)
    held, runtime = [], []
    # The loader arrives 15 s after navigation and the runtime never does (its files are asked
    # for once the page has loaded, which waits for the loader; a chunk that arrived would move
    # the limit on).
    context.route("**/assets/aid.js", lambda route: held.append(route))
    context.route(RUNTIME + "bin/*.bin", lambda route: runtime.append(route))
    page = context.new_page()
    page.clock.install(time=OPENED)
    page.goto(server + AID, wait_until="commit")
    page.wait_for_function("() => document.querySelector('form.aid') !== null")
    until(page, lambda: held, "the loader's request")  # it comes after runtime.js
    page.clock.pause_at(OPENED + dt.timedelta(seconds=15))
    held.pop(0).continue_()
    page.wait_for_function("() => document.querySelector('form.aid.aid--wizard') !== null")
    page.clock.run_for(3_000)
    assert page.get_attribute("form.aid", A["state"]) == "loading"
    page.clock.run_for(4_000)  # 22 s after navigation, 7 s after the loader started
    wait_for_aid(page, "unavailable")
    assert "langer dan 20 seconden" in page.inner_text(f"[{A['status']}]")
    for route in runtime:
        route.abort()
    context.close()
