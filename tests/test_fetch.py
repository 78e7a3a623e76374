"""``read_file`` and the synchronous single-URL ``fetch_page`` (URL inputs of article/extract)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from httpserver import (
    TestServer,
    article_html,
    compressed,
    html_page,
    huge,
    redirect,
    sequence,
    stall,
    status,
)

from extract.article import read_article
from extract.errors import ArticleError, FetchError, NotHTML, RobotsDisallowed
from extract.fetch import fetch_page, read_file


@pytest.fixture(scope="module")
def srv():  # type: ignore[no-untyped-def]
    with TestServer() as server:
        server.route(
            "/robots.txt", html_page("User-agent: *\nDisallow: /no/\n", ctype="text/plain")
        )
        server.route("/page", html_page(article_html("Fetched page")))
        server.route("/moved", redirect("/page", 301))
        server.route("/loop", redirect("/loop", 302))
        server.route("/no/page", html_page(article_html()))
        server.route("/pdf", html_page(b"%PDF-1.5", ctype="application/pdf"))
        server.route("/gz", compressed(article_html("Zipped"), "gzip"))
        server.route("/big", huge(5_000_000))
        server.route("/stall", stall(30, server.stop))
        server.route(
            "/flaky",
            sequence(
                status(503),
                status(429, {"Retry-After": "0"}),
                html_page(article_html("Third time")),
            ),
        )
        server.route("/down", status(500))
        yield server


def test_read_file(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    f.write_text(article_html("Local"), encoding="utf-8")
    page = read_file(str(f))
    assert page.source == str(f) and page.url == f.resolve().as_uri()
    assert read_article(page).title == "Local"


def test_read_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_file(str(tmp_path / "nope.html"))


def test_fetch_page_ok_and_redirect(srv: TestServer) -> None:
    page = fetch_page(srv.url("/moved"))
    assert page.url == srv.url("/page") and page.source == srv.url("/moved")
    assert page.encoding == "utf-8" and page.fetched_at
    assert read_article(page).title == "Fetched page"


def test_fetch_page_gzip(srv: TestServer) -> None:
    assert read_article(fetch_page(srv.url("/gz"))).title == "Zipped"


def test_fetch_page_with_injected_client(srv: TestServer) -> None:
    with httpx.Client() as client:
        assert fetch_page(srv.url("/page"), client=client).status == 200


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", FetchError, "HTTP 404"),
        ("/loop", FetchError, "redirect loop"),
        ("/no/page", RobotsDisallowed, "robots.txt"),
        ("/pdf", NotHTML, "not HTML"),
        ("/big", FetchError, "larger than 1000000 bytes"),
    ],
)
def test_fetch_page_errors(srv: TestServer, path: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as info:
        fetch_page(srv.url(path), max_bytes=1_000_000, retries=0)
    assert "\n" not in str(info.value)


def test_fetch_page_timeout(srv: TestServer) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch_page(srv.url("/stall"), timeout=0.3, retries=1, backoff=0.01)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "example.org/a"])
def test_fetch_page_only_http(url: str) -> None:
    with pytest.raises(FetchError, match="not an HTTP\\(S\\) URL"):
        fetch_page(url)


def test_fetch_page_connection_refused() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(FetchError, match="connection failed"):
        fetch_page(f"http://127.0.0.1:{port}/a", obey_robots=False, retries=0)


def test_fetch_page_retries_5xx_and_429(srv: TestServer) -> None:
    page = fetch_page(srv.url("/flaky"), backoff=0.01)
    assert read_article(page).title == "Third time"
    assert srv.hits["/flaky"] == 3


def test_fetch_page_gives_up(srv: TestServer) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_page(srv.url("/down"), retries=1, backoff=0.01)
    assert srv.hits["/down"] == 2
