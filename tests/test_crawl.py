"""The batch crawler against a real, misbehaving HTTP server on 127.0.0.1.

One crawl over every fault route (module fixture) shows that none stops the batch; each
test then checks one URL's outcome and reason. Timeouts, delays and backoffs are tiny.
"""

from __future__ import annotations

import time

import pytest
from httpserver import (
    TestServer,
    article_html,
    compressed,
    conditional_page,
    html_page,
    huge,
    redirect,
    reset,
    sequence,
    stall,
    status,
)

from extract.archive import Archive, iter_archive
from extract.article import read_article
from extract.crawl import (
    FAILED,
    FETCHED,
    NOT_MODIFIED,
    SKIPPED_ARCHIVED,
    SKIPPED_ROBOTS,
    CrawlOptions,
    crawl_sync,
)

FAST = CrawlOptions(
    delay=0.0,
    retries=2,
    backoff=0.02,
    max_backoff=0.1,
    connect_timeout=2.0,
    read_timeout=0.4,
    max_bytes=1_000_000,
    max_redirects=4,
)
CAFE = "Le café naïve à Zürich — “quoted” text"


def _routes(srv: TestServer) -> dict[str, str]:
    """name -> URL; each route one fault from issue 3."""
    r = srv.route
    stop = srv.stop
    r("/robots.txt", html_page("User-agent: *\nDisallow: /private/\n", ctype="text/plain"))
    return {
        "ok": r("/ok", html_page(article_html("Plain page"))),
        "robots": r("/private/secret", html_page(article_html())),
        "chain": r("/chain1", redirect("/chain2", 301)),
        "chain2": r("/chain2", redirect("/chain3", 302)),
        "chain3": r("/chain3", html_page(article_html("Redirected"))),
        "loop": r("/loopA", redirect("/loopB", 302)),
        "loopB": r("/loopB", redirect("/loopA", 301)),
        "toomany": r("/hop0", redirect("/hop1")),
        **{f"hop{i}": r(f"/hop{i}", redirect(f"/hop{i + 1}")) for i in range(1, 8)},
        "gone": r("/gone", status(410)),
        "missing": srv.url("/missing"),  # unrouted: 404
        "forbidden": r("/forbidden", status(403)),
        "ratelimited": r(
            "/ratelimited",
            sequence(status(429, {"Retry-After": "1"}), html_page(article_html("After 429"))),
        ),
        "flaky": r("/flaky", sequence(status(500), status(502), html_page(article_html("Ok")))),
        "down": r("/down", status(503)),
        "toolong": r("/toolong", status(429, {"Retry-After": "86400"})),
        "dated": r(
            "/dated",
            sequence(
                status(503, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),  # in the past
                html_page(article_html("After dated Retry-After")),
            ),
        ),
        "toftp": r("/toftp", redirect("ftp://127.0.0.1/x", 302)),
        "stall": r("/stall", stall(30, stop)),
        "reset": r("/reset", reset()),
        "gzip": r("/gzip", compressed(article_html("Gzipped", CAFE), "gzip")),
        "deflate": r("/deflate", compressed(article_html("Deflated", CAFE), "deflate")),
        "wrongcharset": r(
            "/wrongcharset",
            html_page(
                article_html("Wrong", CAFE).encode("utf-8"), ctype="text/html; charset=iso-8859-1"
            ),
        ),
        "cp1252": r(
            "/cp1252",
            html_page(
                article_html("Legacy", CAFE).replace("utf-8", "windows-1252").encode("cp1252"),
                ctype="text/html",
            ),
        ),
        "nocharset": r(
            "/nocharset",
            html_page(
                article_html("Bare", CAFE).replace("<meta charset='utf-8'>", "").encode("cp1252"),
                ctype="text/html",
            ),
        ),
        "pdf": r("/doc.pdf", html_page(b"%PDF-1.7\n%binary", ctype="application/pdf")),
        "fakepdf": r("/report", html_page(b"%PDF-1.4\n1 0 obj", ctype="text/html")),
        "image": r("/pic", html_page(b"\x89PNG\r\n\x1a\n....", ctype="image/png")),
        "empty": r("/empty", html_page(b"")),
        "huge": r("/huge", huge(50 * 1024 * 1024)),
        "ftp": "ftp://127.0.0.1/file",
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("archive")
    with TestServer() as srv:
        urls = _routes(srv)
        wanted = [
            v for k, v in urls.items() if not k.startswith(("chain2", "chain3", "loopB", "hop"))
        ]
        started = time.monotonic()
        with Archive(folder) as arc:
            outcomes = crawl_sync(wanted, arc, FAST)
        elapsed = time.monotonic() - started
        yield {
            "srv": srv,
            "urls": urls,
            "by_url": {o.url: o for o in outcomes},
            "outcomes": outcomes,
            "folder": folder,
            "elapsed": elapsed,
        }


def outcome(batch, name):  # type: ignore[no-untyped-def]
    return batch["by_url"][batch["urls"][name]]


def test_every_url_gets_one_outcome(batch) -> None:  # type: ignore[no-untyped-def]
    assert len(batch["outcomes"]) == len(batch["by_url"])
    for o in batch["outcomes"]:
        if o.kind == FAILED:
            assert o.reason and "\n" not in o.reason


def test_plain_page_archived_and_readable(batch) -> None:  # type: ignore[no-untyped-def]
    assert outcome(batch, "ok").kind == FETCHED
    pages = {p.source: p for p in iter_archive(batch["folder"])}
    page = pages[batch["urls"]["ok"]]
    assert read_article(page).title == "Plain page"


def test_robots_disallow(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "robots")
    assert o.kind == SKIPPED_ROBOTS
    assert batch["srv"].hits["/private/secret"] == 0


def test_redirect_chain_followed(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "chain")
    assert o.kind == FETCHED
    assert o.final_url == batch["urls"]["chain3"]


def test_redirect_loop_fails(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "loop")
    assert o.kind == FAILED and "redirect loop" in o.reason


def test_redirect_cap(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "toomany")
    assert o.kind == FAILED and "too many redirects" in o.reason
    assert batch["srv"].hits["/hop6"] == 0


@pytest.mark.parametrize(("name", "code"), [("gone", 410), ("missing", 404), ("forbidden", 403)])
def test_client_errors_not_retried(batch, name, code) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, name)
    assert o.kind == FAILED and f"HTTP {code}" in o.reason
    path = batch["urls"][name].split(str(batch["srv"].port), 1)[1]
    assert batch["srv"].hits[path] == 1


def test_429_retry_after_honoured(batch) -> None:  # type: ignore[no-untyped-def]
    assert outcome(batch, "ratelimited").kind == FETCHED
    times = [t for p, t in batch["srv"].times if p == "/ratelimited"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95  # Retry-After: 1 (a lower bound, never flaky)


def test_5xx_then_success(batch) -> None:  # type: ignore[no-untyped-def]
    assert outcome(batch, "flaky").kind == FETCHED
    assert batch["srv"].hits["/flaky"] == 3


def test_5xx_gives_up_after_retries(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "down")
    assert o.kind == FAILED and "503" in o.reason and "3 tries" in o.reason
    assert batch["srv"].hits["/down"] == 3


def test_retry_after_too_long_fails_fast(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "toolong")
    assert o.kind == FAILED and "Retry-After 86400s too long" in o.reason
    assert batch["srv"].hits["/toolong"] == 1


def test_retry_after_http_date(batch) -> None:  # type: ignore[no-untyped-def]
    assert outcome(batch, "dated").kind == FETCHED
    assert batch["srv"].hits["/dated"] == 2


def test_redirect_to_non_http_refused(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "toftp")
    assert o.kind == FAILED and "not an HTTP(S) URL" in o.reason


def test_stall_times_out(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "stall")
    assert o.kind == FAILED and "timed out" in o.reason


def test_connection_reset(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "reset")
    assert o.kind == FAILED and "connection" in o.reason


@pytest.mark.parametrize("name", ["gzip", "deflate", "wrongcharset", "cp1252", "nocharset"])
def test_encodings_decode_without_mojibake(batch, name) -> None:  # type: ignore[no-untyped-def]
    assert outcome(batch, name).kind == FETCHED
    pages = {p.source: p for p in iter_archive(batch["folder"])}
    art = read_article(pages[batch["urls"][name]])
    assert CAFE in art.text


@pytest.mark.parametrize("name", ["pdf", "fakepdf", "image"])
def test_non_html_rejected(batch, name) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, name)
    assert o.kind == FAILED and "not HTML" in o.reason


def test_empty_body(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "empty")
    assert o.kind == FAILED and "empty body" in o.reason


def test_50mb_body_capped(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "huge")
    assert o.kind == FAILED and "larger than 1000000 bytes" in o.reason


def test_only_http(batch) -> None:  # type: ignore[no-untyped-def]
    o = outcome(batch, "ftp")
    assert o.kind == FAILED and "not an HTTP(S) URL" in o.reason


def test_failures_not_archived(batch) -> None:  # type: ignore[no-untyped-def]
    archived = {p.source for p in iter_archive(batch["folder"])}
    fetched = {o.url for o in batch["outcomes"] if o.kind == FETCHED}
    assert archived == fetched


# --- second runs ---------------------------------------------------------------------------


def test_rerun_skips_archived_and_refresh_is_conditional(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with TestServer() as srv:
        url = srv.route(
            "/cond",
            conditional_page(article_html("Cached"), '"v1"', "Wed, 21 Oct 2015 07:28:00 GMT"),
        )
        with Archive(tmp_path) as arc:
            assert crawl_sync([url], arc, FAST)[0].kind == FETCHED
        with Archive(tmp_path) as arc:
            assert crawl_sync([url], arc, FAST)[0].kind == SKIPPED_ARCHIVED
        assert srv.hits["/cond"] == 1
        refresh = CrawlOptions(**{**_fields(FAST), "refresh": True})
        with Archive(tmp_path) as arc:
            assert crawl_sync([url], arc, refresh)[0].kind == NOT_MODIFIED
        sent = [h for p, h in srv.requests if p == "/cond"][-1]
        assert sent.get("If-None-Match") == '"v1"'
        assert sent.get("If-Modified-Since") == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert len(list(iter_archive(tmp_path))) == 1


def test_crawl_delay_spaces_requests(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with TestServer() as srv:
        srv.route("/robots.txt", html_page("User-agent: *\nCrawl-delay: 0.5\n", ctype="text/plain"))
        urls = [srv.route(f"/p{i}", html_page(article_html(f"P{i}"))) for i in range(3)]
        with Archive(tmp_path) as arc:
            outcomes = crawl_sync(urls, arc, FAST)
        assert [o.kind for o in outcomes] == [FETCHED] * 3
        times = [t for p, t in srv.times if p.startswith("/p")]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert gaps and min(gaps) >= 0.45  # Crawl-delay beats --delay 0


def test_user_agent_sent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with TestServer() as srv:
        url = srv.route("/ua", html_page(article_html()))
        opt = CrawlOptions(**{**_fields(FAST), "user_agent": "newskg-test/1.0 (+mailto:t@e.org)"})
        with Archive(tmp_path) as arc:
            crawl_sync([url], arc, opt)
        assert all(h.get("User-Agent") == opt.user_agent for _, h in srv.requests)


def _fields(opt: CrawlOptions) -> dict:  # type: ignore[type-arg]
    return {f: getattr(opt, f) for f in opt.__dataclass_fields__}
