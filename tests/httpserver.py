"""A real HTTP server on 127.0.0.1 (free port) whose routes misbehave on purpose.

Used by the fetch/crawl/discover tests: each route is a function of the request handler,
so a test states exactly what the "web" does (redirect chains, 429 then 200, a stall, a
connection reset, a 50 MB stream ...). Usable outside pytest::

    with TestServer() as srv:
        srv.route("/a", html_page("<p>hi</p>"))
        httpx.get(srv.url("/a"))
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = BaseHTTPRequestHandler
Responder = Callable[[Handler], None]

ARTICLE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title} | Test Post"
    "</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
    "<p>{body}</p><p>Second paragraph of the story, with enough words to count as text "
    "for the extractor to keep it.</p></article></body></html>"
)


def article_html(title: str = "A test story", body: str = "") -> str:
    body = body or "The first paragraph of the test story says what happened and to whom."
    return ARTICLE.format(title=title, body=body)


def send(
    h: Handler,
    status: int = 200,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    hdrs = {"Content-Length": str(len(body)), **(headers or {})}
    for k, v in hdrs.items():
        h.send_header(k, v)
    h.end_headers()
    if h.command != "HEAD":
        h.wfile.write(body)


def html_page(
    html: str | bytes,
    status: int = 200,
    ctype: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Responder:
    data = html.encode("utf-8") if isinstance(html, str) else html

    def respond(h: Handler) -> None:
        send(h, status, data, {"Content-Type": ctype, **(headers or {})})

    return respond


def conditional_page(html: str, etag: str, last_modified: str) -> Responder:
    """200 with validators, or 304 when the client revalidates with them."""
    data = html.encode()

    def respond(h: Handler) -> None:
        if h.headers.get("If-None-Match") == etag or (
            h.headers.get("If-Modified-Since") == last_modified
        ):
            send(h, 304, b"", {"ETag": etag})
            return
        send(
            h,
            200,
            data,
            {"Content-Type": "text/html", "ETag": etag, "Last-Modified": last_modified},
        )

    return respond


def redirect(to: str, status: int = 301) -> Responder:
    def respond(h: Handler) -> None:
        send(h, status, b"", {"Location": to})

    return respond


def status(code: int, headers: dict[str, str] | None = None) -> Responder:
    return html_page(f"<html><body><p>status {code}</p></body></html>", code, headers=headers)


def sequence(*responders: Responder) -> Responder:
    """The n-th request gets the n-th responder (the last one repeats)."""
    lock = threading.Lock()
    count = [0]

    def respond(h: Handler) -> None:
        with lock:
            i = min(count[0], len(responders) - 1)
            count[0] += 1
        responders[i](h)

    return respond


def compressed(html: str, encoding: str) -> Responder:
    raw = html.encode()
    if encoding == "gzip":
        data = gzip.compress(raw)
    elif encoding == "deflate":
        data = zlib.compress(raw)
    else:
        raise ValueError(encoding)

    def respond(h: Handler) -> None:
        send(h, 200, data, {"Content-Type": "text/html", "Content-Encoding": encoding})

    return respond


def stall(seconds: float, stop: threading.Event) -> Responder:
    """Accept the request, then say nothing for ``seconds`` (or until the server stops)."""

    def respond(h: Handler) -> None:
        stop.wait(seconds)

    return respond


def drip(stop: threading.Event, interval: float = 0.2) -> Responder:
    """Headers, then one byte every ``interval`` forever: a fetch that never finishes."""

    def respond(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<html><body><p>")
        while not stop.wait(interval):
            h.wfile.write(b"x")
            h.wfile.flush()

    return respond


def reset() -> Responder:
    """Close the connection with a TCP RST before answering."""

    def respond(h: Handler) -> None:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True

    return respond


def huge(total: int, chunk: int = 1 << 16) -> Responder:
    """A ``total``-byte HTML body generated on the fly (never held in memory)."""

    def respond(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")  # no Content-Length: streamed to EOF
        h.end_headers()
        block = b"<p>" + b"x" * (chunk - 7) + b"</p>\n"
        sent = 0
        while sent < total:
            h.wfile.write(block)
            sent += len(block)

    return respond


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        self.server.owner.hits[path] += 1
        self.server.owner.requests.append((path, dict(self.headers.items())))
        self.server.owner.times.append((path, time.monotonic()))
        responder = self.server.owner.routes.get(path)
        if responder is None:
            send(self, 404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
            return
        # the client hanging up (body cap, timeout) is expected in these tests
        with contextlib.suppress(OSError):
            responder(self)

    def handle(self) -> None:
        with contextlib.suppress(OSError):
            super().handle()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: TestServer


class TestServer:
    """Context manager: ``routes`` maps a path to a responder; ``hits`` counts requests."""

    __test__ = False  # not a pytest class

    def __init__(self) -> None:
        self.routes: dict[str, Responder] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.times: list[tuple[str, float]] = []  # (path, monotonic time) per request
        self.stop = threading.Event()
        self._srv = _Server(("127.0.0.1", 0), _Handler)
        self._srv.owner = self
        self.port = self._srv.server_address[1]
        self._thread = threading.Thread(target=self._srv.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, responder: Responder) -> str:
        self.routes[path] = responder
        return self.url(path)

    def __enter__(self) -> TestServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._srv.shutdown()
        self._srv.server_close()


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
