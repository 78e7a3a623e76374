"""The polite batch crawler behind ``newskg fetch``: URLs -> archived responses + outcomes.

Politeness: robots.txt (protego, with Crawl-delay) per host, at most one request per host
per ``delay`` seconds (hosts are crawled concurrently, each host sequentially), an
identifying User-Agent. Robustness: retries with exponential backoff and jitter on
timeouts, connection errors, 429 and 5xx (``Retry-After`` honoured), none on other 4xx;
connect/read timeouts, a body-size cap, a redirect cap, http/https only, HTML only.
Every success is archived (:mod:`extract.archive`) before the next request, so a killed
crawl resumes where it stopped: archived URLs are skipped unless ``refresh``, and
refreshes are conditional (ETag / Last-Modified -> 304 "not modified").

>>> with Archive("crawl") as arc:  # doctest: +SKIP
...     outcomes = asyncio.run(crawl(["https://example.org/a"], arc, CrawlOptions(delay=1)))
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from extract.archive import Archive
from extract.errors import FetchError, NewskgError, NotHTML
from extract.fetch import (
    MAX_BYTES,
    MAX_REDIRECTS,
    USER_AGENT,
    check_html,
    check_scheme,
    describe_error,
    now_iso,
    page_from_response,
    parse_robots,
    retry_after,
    robots_url,
    status_reason,
)
from extract.records import Page

log = logging.getLogger(__name__)

FETCHED = "fetched"
NOT_MODIFIED = "not-modified"
SKIPPED_ROBOTS = "skipped-robots"
SKIPPED_ARCHIVED = "skipped-archived"
FAILED = "failed"
KINDS = (FETCHED, NOT_MODIFIED, SKIPPED_ROBOTS, SKIPPED_ARCHIVED, FAILED)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one URL. ``reason`` is a one-line explanation for failures."""

    url: str
    kind: str
    reason: str = ""
    status: int | None = None
    final_url: str | None = None


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    user_agent: str = USER_AGENT
    concurrency: int = 8  # hosts fetched at the same time
    delay: float = 1.0  # seconds between two requests to one host (robots may raise it)
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # first retry waits about this long, then doubles (with jitter)
    max_backoff: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After fails the URL instead of stalling
    refresh: bool = False
    obey_robots: bool = True


class _Retryable(Exception):
    """A transient failure; ``wait`` is the server's Retry-After, if it gave one."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


@dataclass
class _Host:
    """Per-host politeness state: robots rules and when the next request may start."""

    robots: Protego | None = None
    robots_loaded: bool = False
    next_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Crawler:
    """Fetches with per-host politeness; shared by :func:`crawl` and feed/sitemap discovery."""

    def __init__(self, client: httpx.AsyncClient, options: CrawlOptions):
        self.client = client
        self.opt = options
        self.hosts: dict[str, _Host] = {}

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        return self.hosts.setdefault(key, _Host())

    async def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again, then book the next slot."""
        host = self._host(url)
        async with host.lock:
            now = time.monotonic()
            if host.next_at > now:
                await asyncio.sleep(host.next_at - now)
            host.next_at = time.monotonic() + self._delay(host)

    def _delay(self, host: _Host) -> float:
        crawl_delay = host.robots.crawl_delay(self.opt.user_agent) if host.robots else None
        return max(self.opt.delay, float(crawl_delay or 0))

    def _push_back(self, url: str, seconds: float) -> None:
        """A 429/503 with Retry-After slows the whole host, not just this URL."""
        host = self._host(url)
        host.next_at = max(host.next_at, time.monotonic() + seconds)

    async def allowed(self, url: str) -> bool:
        if not self.opt.obey_robots:
            return True
        host = self._host(url)
        if not host.robots_loaded:
            host.robots_loaded = True
            host.robots = await self._load_robots(url)
        return host.robots is None or host.robots.can_fetch(url, self.opt.user_agent)

    async def _load_robots(self, url: str) -> Protego | None:
        target = robots_url(url)
        for attempt in range(2):
            await self._wait_turn(target)
            try:
                resp = await self.client.get(
                    target, headers={"User-Agent": self.opt.user_agent}, follow_redirects=True
                )
            except httpx.HTTPError as exc:
                log.info("%s: %s", target, describe_error(exc))
                if attempt:
                    return None
                continue
            if resp.status_code >= 500 and not attempt:
                continue
            return parse_robots(resp.status_code, resp.text)
        return None

    # -- one URL ---------------------------------------------------------------------------

    async def get(
        self,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        html_only: bool = True,
    ) -> Page:
        """GET with redirects, retries and politeness. Raises :class:`FetchError`.

        A 304 answer is returned as a Page with status 304 and an empty body.
        """
        check_scheme(url)
        attempt = 0
        while True:
            try:
                return await self._follow(url, headers or {}, html_only)
            except _Retryable as exc:
                if attempt >= self.opt.retries:
                    raise FetchError(
                        f"{url}: {exc.reason} (gave up after {attempt + 1} tries)"
                    ) from exc
                if exc.wait is not None and exc.wait > self.opt.max_retry_after:
                    raise FetchError(
                        f"{url}: {exc.reason}, Retry-After {exc.wait:.0f}s too long"
                    ) from exc
                wait = exc.wait if exc.wait is not None else self._backoff(attempt)
                self._push_back(url, wait)
                log.info("%s: %s, retry %d in %.1fs", url, exc.reason, attempt + 1, wait)
                attempt += 1

    def _backoff(self, attempt: int) -> float:
        base = min(self.opt.max_backoff, self.opt.backoff * 2**attempt)
        return base * (0.5 + random.random() / 2)  # "equal jitter"

    async def _follow(self, url: str, headers: dict[str, str], html_only: bool) -> Page:
        current, seen = url, [url]
        for _ in range(self.opt.max_redirects + 1):
            if current != url and not await self.allowed(current):
                raise _Robots(f"{current}: disallowed by robots.txt (redirected from {url})")
            await self._wait_turn(current)
            result = await self._request(current, headers, html_only)
            if isinstance(result, Page):
                return Page(
                    source=url,
                    url=result.url,
                    content=result.content,
                    status=result.status,
                    headers=result.headers,
                    encoding=result.encoding,
                    fetched_at=result.fetched_at,
                )
            target = result
            check_scheme(target)
            if target in seen:
                raise FetchError(f"{url}: redirect loop ({' -> '.join(seen[-3:])} -> {target})")
            seen.append(target)
            current = target
        raise FetchError(f"{url}: too many redirects (more than {self.opt.max_redirects})")

    async def _request(self, url: str, headers: dict[str, str], html_only: bool) -> Page | str:
        """One HTTP exchange: a Page, or the redirect target URL."""
        send = {
            "User-Agent": self.opt.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            **headers,
        }
        try:
            async with self.client.stream("GET", url, headers=send) as resp:
                status = resp.status_code
                if resp.is_redirect and "location" in resp.headers:
                    return urljoin(url, resp.headers["location"])
                if status == 429 or status >= 500:
                    raise _Retryable(
                        status_reason(status), retry_after(resp.headers.get("retry-after"))
                    )
                if status == 304:
                    return _page(url, resp, b"")
                if status >= 400:
                    raise FetchError(f"{url}: {status_reason(status)}")
                ctype = resp.headers.get("content-type")
                if html_only:
                    check_html(url, ctype)
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.opt.max_bytes:
                    raise FetchError(f"{url}: body too large ({declared} bytes declared)")
                body = bytearray()
                async for chunk in resp.aiter_bytes():
                    body += chunk
                    if len(body) > self.opt.max_bytes:
                        raise FetchError(f"{url}: body larger than {self.opt.max_bytes} bytes")
                if not body.strip():
                    raise FetchError(f"{url}: empty body")
                if html_only:
                    check_html(url, ctype, bytes(body[:64]))
                return _page(url, resp, bytes(body))
        except httpx.TimeoutException as exc:
            raise _Retryable(describe_error(exc)) from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            if isinstance(exc, httpx.DecodingError):
                raise FetchError(f"{url}: undecodable body ({exc})") from exc
            raise _Retryable(describe_error(exc)) from exc


class _Robots(FetchError):
    pass


def _page(url: str, resp: httpx.Response, body: bytes) -> Page:
    return page_from_response(url, resp, body)


# --- the batch -----------------------------------------------------------------------------


def make_client(options: CrawlOptions) -> httpx.AsyncClient:
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout, pool=None)
    limits = httpx.Limits(max_connections=max(options.concurrency * 2, 4))
    return httpx.AsyncClient(timeout=timeout, limits=limits, follow_redirects=False)


async def fetch_one(crawler: Crawler, archive: Archive, url: str) -> Outcome:
    """Fetch one URL into the archive; never raises (the outcome carries the reason)."""
    opt = crawler.opt
    try:
        check_scheme(url)
    except FetchError as exc:
        return Outcome(url, FAILED, _one_line(exc))
    entry = archive.get(url)
    if entry is not None and not opt.refresh:
        return Outcome(url, SKIPPED_ARCHIVED, status=entry.status, final_url=entry.final_url)
    try:
        if not await crawler.allowed(url):
            return Outcome(url, SKIPPED_ROBOTS, "disallowed by robots.txt")
        conditional: dict[str, str] = {}
        if entry is not None:
            if entry.etag:
                conditional["If-None-Match"] = entry.etag
            if entry.last_modified:
                conditional["If-Modified-Since"] = entry.last_modified
        page = await crawler.get(url, headers=conditional)
        if page.status == 304:
            if entry is not None:
                archive.touch(url, page.fetched_at or now_iso())
            return Outcome(url, NOT_MODIFIED, status=304, final_url=page.url)
        archive.add(page, requested=url)
        return Outcome(url, FETCHED, status=page.status, final_url=page.url)
    except _Robots as exc:
        return Outcome(url, SKIPPED_ROBOTS, _one_line(exc))
    except NotHTML as exc:
        return Outcome(url, FAILED, _one_line(exc))
    except NewskgError as exc:
        return Outcome(url, FAILED, _one_line(exc))
    except Exception as exc:  # noqa: BLE001 - one bad URL never stops a batch
        log.exception("unexpected error on %s", url)
        return Outcome(url, FAILED, f"{type(exc).__name__}: {exc}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


async def crawl(
    urls: Iterable[str],
    archive: Archive,
    options: CrawlOptions | None = None,
    *,
    client: httpx.AsyncClient | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    crawler: Crawler | None = None,
) -> list[Outcome]:
    """Fetch every URL (deduplicated, input order kept) and return one outcome each."""
    opt = options or CrawlOptions()
    todo = list(dict.fromkeys(urls))
    own = client is None and crawler is None
    if crawler is None:
        crawler = Crawler(client or make_client(opt), opt)
    by_host: dict[str, list[str]] = {}
    for url in todo:
        by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
    results: dict[str, Outcome] = {}
    slots = asyncio.Semaphore(max(1, opt.concurrency))

    async def work(host_urls: list[str]) -> None:
        async with slots:  # one host per slot; inside a host, URLs go one by one
            for url in host_urls:
                outcome = await fetch_one(crawler, archive, url)
                results[url] = outcome
                if on_outcome:
                    on_outcome(outcome)

    try:
        await asyncio.gather(*(work(u) for u in by_host.values()))
    finally:
        if own:
            await crawler.client.aclose()
    return [results[u] for u in todo]


def crawl_sync(
    urls: Iterable[str], archive: Archive, options: CrawlOptions | None = None, **kw
) -> list[Outcome]:  # type: ignore[no-untyped-def]
    """:func:`crawl` for callers without an event loop."""
    return asyncio.run(crawl(urls, archive, options, **kw))
