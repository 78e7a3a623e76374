"""Get the raw bytes of one page: a local file or a single HTTP(S) URL -> :class:`Page`.

No parsing happens here (that is :mod:`extract.article`). ``fetch_page`` is the polite,
synchronous single-URL fetcher used for URL inputs of ``article``/``extract``/``load``;
batch crawling lives in :mod:`extract.crawl`, which shares the checks below.

>>> page = read_file("examples/some-page.html")  # doctest: +SKIP
>>> page.url.startswith("file://")  # doctest: +SKIP
True
"""

from __future__ import annotations

import email.utils
import logging
import random
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from extract.errors import ArticleError, FetchError, NotHTML, RobotsDisallowed
from extract.records import Page

log = logging.getLogger(__name__)

USER_AGENT = "newskg/0.1 (+https://example.org/newskg; news knowledge-graph research crawler)"
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_BYTES = 10 * 1024 * 1024  # news pages are < 2 MB; anything far bigger is not an article
MAX_REDIRECTS = 10
HTML_TYPES = ("text/html", "application/xhtml+xml")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- local files -----------------------------------------------------------------------


def read_file(path: str) -> Page:
    """Read a local HTML file into a :class:`Page` whose URL is the file URI."""
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{path}: no such file")
    if p.is_dir():
        raise ArticleError(f"{path}: is a directory")
    try:
        content = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return Page(source=path, url=p.resolve().as_uri(), content=content)


# --- checks shared with the crawler ----------------------------------------------------


def check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
        raise FetchError(f"{url}: not an HTTP(S) URL")


def charset_of(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, if any."""
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1).lower() if m else None


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


_NON_HTML_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
)


def sniff_non_html(content: bytes) -> str | None:
    """A media type when the bytes are clearly not HTML (servers mislabel PDFs as text/html)."""
    head = content[:16]
    for magic, kind in _NON_HTML_MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_html(url: str, content_type: str | None, content: bytes = b"") -> None:
    """Raise :class:`NotHTML` unless the response is HTML or XHTML."""
    kind = media_type(content_type)
    if kind and kind not in HTML_TYPES:
        raise NotHTML(f"{url}: not HTML (content type {kind})")
    sniffed = sniff_non_html(content)
    if sniffed:
        raise NotHTML(f"{url}: not HTML (content is {sniffed})")


def status_reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


# --- robots.txt ------------------------------------------------------------------------


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def parse_robots(status: int, body: str) -> Protego | None:
    """Protego rules for a robots.txt response; None means "everything allowed".

    4xx = no robots.txt (allowed). 5xx is treated as "allowed" too rather than blocking a
    whole site on a flaky server; the crawler logs it.
    """
    if status >= 400 or not body.strip():
        return None
    try:
        return Protego.parse(body)
    except Exception:  # malformed robots.txt: be permissive, as browsers and Google are
        log.warning("unparseable robots.txt ignored")
        return None


def _fetch_robots(client: httpx.Client, url: str, user_agent: str) -> Protego | None:
    try:
        resp = client.get(robots_url(url), headers={"User-Agent": user_agent})
    except httpx.HTTPError:
        return None
    return parse_robots(resp.status_code, resp.text)


def page_from_response(source: str, resp: httpx.Response, body: bytes) -> Page:
    """The :class:`Page` for a response whose (capped) body has been read."""
    return Page(
        source=source,
        url=str(resp.url),
        content=body,
        status=resp.status_code,
        headers=dict(resp.headers),
        encoding=charset_of(resp.headers.get("content-type")),
        fetched_at=now_iso(),
    )


# --- single URL fetch ------------------------------------------------------------------


def fetch_page(
    url: str,
    *,
    client: httpx.Client | None = None,
    user_agent: str = USER_AGENT,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    obey_robots: bool = True,
    source: str | None = None,
    retries: int = 2,
    backoff: float = 1.0,
    max_retry_after: float = 30.0,
) -> Page:
    """Fetch one HTTP(S) URL politely and return its raw bytes as a :class:`Page`.

    Raises :class:`FetchError` (with the HTTP status in the message), :class:`NotHTML`
    or :class:`RobotsDisallowed`. Redirects are followed manually so each hop is
    checked for scheme and counted. Timeouts, connection errors, 429 and 5xx are
    retried ``retries`` times with jittered exponential backoff or ``Retry-After``.
    """
    check_scheme(url)
    own = client is None
    if client is None:
        client = httpx.Client(timeout=timeout, follow_redirects=False)
    try:
        if obey_robots:
            rules = _fetch_robots(client, url, user_agent)
            if rules is not None and not rules.can_fetch(url, user_agent):
                raise RobotsDisallowed(f"{url}: disallowed by robots.txt")
        for attempt in range(retries + 1):
            try:
                return _get(
                    client, url, user_agent, timeout, max_bytes, max_redirects, source or url
                )
            except Transient as exc:
                if attempt == retries or (exc.wait or 0) > max_retry_after:
                    raise
                pause = exc.wait if exc.wait is not None else backoff * 2**attempt
                time.sleep(pause * (1 if exc.wait is not None else 0.5 + random.random() / 2))
        raise AssertionError("unreachable")
    finally:
        if own:
            client.close()


class Transient(FetchError):
    """A failure worth retrying (timeout, connection error, 429, 5xx)."""

    def __init__(self, message: str, wait: float | None = None):
        super().__init__(message)
        self.wait = wait


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _get(
    client: httpx.Client,
    url: str,
    user_agent: str,
    timeout: float | httpx.Timeout,
    max_bytes: int,
    max_redirects: int,
    source: str,
) -> Page:
    headers = {"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9"}
    current, seen = url, {url}
    for _ in range(max_redirects + 1):
        try:
            with client.stream(
                "GET", current, headers=headers, timeout=timeout, follow_redirects=False
            ) as resp:
                if resp.is_redirect:
                    target = urljoin(current, resp.headers.get("location", ""))
                    check_scheme(target)
                    if target in seen:
                        raise FetchError(f"{url}: redirect loop at {target}")
                    seen.add(target)
                    current = target
                    continue
                if resp.status_code == 429 or resp.status_code >= 500:
                    raise Transient(
                        f"{current}: {status_reason(resp.status_code)}",
                        retry_after(resp.headers.get("retry-after")),
                    )
                if resp.status_code >= 400:
                    raise FetchError(f"{current}: {status_reason(resp.status_code)}")
                ctype = resp.headers.get("content-type")
                check_html(current, ctype)
                content = read_capped(resp.iter_bytes(), max_bytes, current)
                check_html(current, ctype, content)
                return page_from_response(source, resp, content)
        except httpx.TimeoutException as exc:
            raise Transient(f"{current}: timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise Transient(f"{current}: {describe_error(exc)}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{current}: {describe_error(exc)}") from exc
    raise FetchError(f"{url}: too many redirects (more than {max_redirects})")


def read_capped(chunks, max_bytes: int, url: str) -> bytes:  # type: ignore[no-untyped-def]
    """Join body chunks, failing as soon as the cap is passed (never buffer 50 MB)."""
    buf = bytearray()
    for chunk in chunks:
        buf += chunk
        if len(buf) > max_bytes:
            raise FetchError(f"{url}: body larger than {max_bytes} bytes")
    return bytes(buf)


def describe_error(exc: BaseException) -> str:
    """A short one-line reason for a transport error."""
    name = type(exc).__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({name})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken ({text or name})"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed ({text or name})"
    if isinstance(exc, httpx.ReadError):
        return f"connection reset ({text or name})"
    return f"{name}: {text}" if text else name
