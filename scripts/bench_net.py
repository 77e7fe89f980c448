"""A local static host for make bench, behind one throttled link.

Like a static host, it gzip-compresses text, scripts, JSON and wasm for a browser that asks
for gzip (Content-Encoding: gzip, Vary: Accept-Encoding) and sends files the build already
compressed (the runtime's .bin chunks, zip files) as they are; it sends Cache-Control:
max-age=600 (as GitHub Pages does; or another max-age), an ETag and Last-Modified, and answers
a revalidation with 304. Every body goes through one Link, shared by all connections (page and workers alike):
each 16 kB piece waits for its turn on the link, and each response starts after the link's
latency. The link counts the bytes of the bodies it sent, per path.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import hashlib
import http.server
import os
import threading
import time
import urllib.parse
from pathlib import Path

MAX_AGE = 600
PIECE = 16 * 1024
# The types this host names itself (mimetypes differs between systems); others: octet-stream.
TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json", ".map": "application/json", ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".wasm": "application/wasm",
    ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2", ".zip": "application/zip",
    ".gz": "application/gzip", ".bin": "application/octet-stream",
}
COMPRESSED_TYPES = ("text/", "application/json", "application/xml", "application/wasm",
                    "image/svg+xml")


def content_type(path: str) -> str:
    return TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")


def compressible(kind: str) -> bool:
    """Whether a static host gzips a file of this content type (text, scripts, JSON, wasm); not
    what is compressed already (images, zip, gzip, the runtime's .bin chunks)."""
    return kind.startswith(COMPRESSED_TYPES)


def accepts_gzip(accept_encoding: str | None) -> bool:
    for item in (accept_encoding or "").split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().lower()
            return not (q.startswith("q=") and float(q[2:] or 0) == 0)
    return False


class Link:
    """One link of `bits_per_second` with `latency` seconds before each response. Pieces of all
    connections queue for it; `clock` and `sleep` can be given (tests use a fake clock)."""

    def __init__(self, bits_per_second: float, latency: float,
                 clock=time.monotonic, sleep=time.sleep) -> None:
        self.rate = bits_per_second / 8  # bytes a second
        self.latency = latency
        self.clock, self.sleep = clock, sleep
        self.lock = threading.Lock()
        self.busy_until = clock()
        self.sent: dict[str, int] = {}  # path: body bytes sent
        self.not_modified = 0  # 304 answers
        self.active = 0  # responses under way
        self.last = clock()  # when the last response ended

    def reset(self) -> None:
        with self.lock:
            self.busy_until = self.last = self.clock()
            self.sent, self.not_modified = {}, 0

    def reserve(self, size: int) -> float:
        """Seconds to wait until `size` more bytes have gone over the link after all the bytes
        already queued."""
        with self.lock:
            now = self.clock()
            self.busy_until = max(now, self.busy_until) + size / self.rate
            return self.busy_until - now

    def send(self, write, data: bytes, path: str) -> None:
        for start in range(0, len(data), PIECE):
            piece = data[start:start + PIECE]
            self.sleep(self.reserve(len(piece)))
            write(piece)
            with self.lock:
                self.sent[path] = self.sent.get(path, 0) + len(piece)

    def begin(self) -> None:
        with self.lock:
            self.active += 1
        self.sleep(self.latency)

    def end(self) -> None:
        with self.lock:
            self.active -= 1
            self.last = self.clock()

    def quiet(self, seconds: float) -> bool:
        """No response under way, and none for `seconds`."""
        with self.lock:
            return self.active == 0 and self.clock() - self.last >= seconds

    def wait_quiet(self, seconds: float = 1.0, limit: float = 120.0) -> None:
        end = time.monotonic() + limit
        while not self.quiet(seconds) and time.monotonic() < end:
            time.sleep(0.1)


@functools.lru_cache(maxsize=None)
def _file(path: str, size: int, mtime_ns: int) -> tuple[str, bytes, bytes | None]:
    """(etag, bytes, gzip-compressed bytes or None) of a file, read and compressed once."""
    data = Path(path).read_bytes()
    packed = gzip.compress(data, 6, mtime=0) if compressible(content_type(path)) else None
    return hashlib.sha256(data).hexdigest()[:16], data, packed


def _stat_file(path: str) -> tuple[str, bytes, bytes | None]:
    stat = os.stat(path)
    return _file(path, stat.st_size, stat.st_mtime_ns)


class StaticHost(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    link: Link
    max_age = MAX_AGE

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.respond(body=True)

    def do_HEAD(self):
        self.respond(body=False)

    def respond(self, body: bool) -> None:
        self.link.begin()
        try:
            self.answer(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.link.end()

    def answer(self, body: bool) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            return
        kind = content_type(path)
        packed = compressible(kind) and accepts_gzip(self.headers.get("Accept-Encoding"))
        tag, data, gzipped = _stat_file(path)
        etag = f'"{tag}{"-gzip" if packed else ""}"'
        mtime = os.stat(path).st_mtime
        if self.not_modified(etag, mtime):
            with self.link.lock:
                self.link.not_modified += 1
            self.send_response(304)
            self.caching_headers(etag, mtime, kind)
            self.end_headers()
            return
        if packed:
            data = gzipped
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if packed:
            self.send_header("Content-Encoding", "gzip")
        self.caching_headers(etag, mtime, kind)
        self.end_headers()
        if body:
            self.link.send(self.wfile.write, data, urllib.parse.urlsplit(self.path).path)

    def caching_headers(self, etag: str, mtime: float, kind: str) -> None:
        self.send_header("Cache-Control", f"max-age={self.max_age}")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        if compressible(kind):
            self.send_header("Vary", "Accept-Encoding")

    def not_modified(self, etag: str, mtime: float) -> bool:
        if "If-None-Match" in self.headers:
            return etag in [t.strip() for t in self.headers["If-None-Match"].split(",")] \
                or self.headers["If-None-Match"].strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


def prepare(directory: Path) -> None:
    """Read and compress every file once, so no measured request waits for gzip."""
    for path in directory.rglob("*"):
        if path.is_file():
            _stat_file(str(path))


def serve(directory: Path, link: Link,
          max_age: int = MAX_AGE) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Host", (StaticHost,), {"link": link, "max_age": max_age})
    handler = functools.partial(handler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
