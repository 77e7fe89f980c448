"""The bench's static host (scripts/bench_net.py): what it compresses, and its shared link,
on a fake clock (no real time decides a result)."""

from __future__ import annotations

import pytest

import paths  # noqa: F401  (puts scripts/ on sys.path)
import bench_net


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_text_scripts_json_and_wasm_are_compressed_what_is_compressed_already_is_not():
    for name in ("a.html", "a.css", "a.js", "a.mjs", "a.json", "a.svg", "pyodide.asm.wasm"):
        assert bench_net.compressible(bench_net.content_type(name)), name
    for name in ("wasm-0.bin", "python_stdlib.zip", "sitemap.xml.gz", "a.png", "a.woff2", "noext"):
        assert not bench_net.compressible(bench_net.content_type(name)), name


def test_gzip_only_for_a_client_that_asks_for_it():
    assert bench_net.accepts_gzip("gzip, deflate, br, zstd")
    assert bench_net.accepts_gzip("deflate, gzip;q=0.5")
    assert not bench_net.accepts_gzip("gzip;q=0")
    assert not bench_net.accepts_gzip("identity")
    assert not bench_net.accepts_gzip(None)


def test_pieces_of_all_connections_queue_for_one_link():
    clock = FakeClock()
    link = bench_net.Link(8_000, 0.05, clock=clock, sleep=clock.sleep)  # 1000 bytes a second
    assert link.reserve(500) == 0.5
    assert link.reserve(500) == 1.0  # a second connection waits for the first's bytes
    clock.now = 3.0  # the link was idle: no credit for the time it was not used
    assert link.reserve(1000) == 1.0


def test_the_link_counts_the_body_bytes_it_sent_and_resets():
    clock = FakeClock()
    link = bench_net.Link(8 * bench_net.PIECE, 0.05, clock=clock, sleep=clock.sleep)
    written = []
    link.begin()
    link.send(written.append, bytes(3 * bench_net.PIECE + 1), "/a.bin")
    link.end()
    assert [len(piece) for piece in written] == [bench_net.PIECE] * 3 + [1]
    assert link.sent == {"/a.bin": 3 * bench_net.PIECE + 1}
    assert clock.now == pytest.approx(0.05 + 3 + 1 / bench_net.PIECE)  # latency, then the bytes
    assert not link.quiet(1.0)
    clock.now += 1.0
    assert link.quiet(1.0)
    link.reset()
    assert link.sent == {} and link.not_modified == 0
