"""Find article URLs: RSS/Atom feeds, XML sitemaps (indexes, Google News), URL lists.

Parsing is pure (bytes in, URLs out) so it is tested without a network; :func:`discover`
fetches feeds and sitemaps through the polite :class:`~extract.crawl.Crawler`, following
sitemap indexes (depth- and count-capped). Every URL is canonicalised (courlan: lower-case
host, no fragment, no tracking parameters, sorted query) and de-duplicated.

>>> canonical_url("HTTPS://Example.org/a/?utm_source=x&b=2#top")
'https://example.org/a/?b=2'
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from extract.errors import FetchError, UsageError

log = logging.getLogger(__name__)

MAX_SITEMAPS = 200  # sitemap indexes can fan out to thousands of files; cap the walk
MAX_DEPTH = 3


# --- URLs ----------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """Normalised form used for de-duplication and as the archive key."""
    from courlan import normalize_url

    url = urldefrag(url.strip())[0]
    try:
        # non-strict: drops tracking parameters (utm_*, fbclid ...) but keeps ids
        return urldefrag(str(normalize_url(url)))[0]
    except Exception:  # courlan rejects odd but fetchable URLs; keep them as given
        return url


def dedupe(urls: Iterable[str]) -> list[str]:
    """Canonical URLs, first occurrence order, no duplicates, only http(s)."""
    out: dict[str, None] = {}
    for url in urls:
        if urlsplit(url.strip()).scheme.lower() in ("http", "https"):
            out.setdefault(canonical_url(url), None)
    return list(out)


def read_url_list(path: str) -> list[str]:
    """URLs from a text file: one per line; blank lines and ``#`` comments ignored."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: not a URL and no such file")
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


# --- feeds ---------------------------------------------------------------------------------


def urls_from_feed(content: bytes, base_url: str = "") -> list[str]:
    """Entry links of an RSS or Atom feed. Raises :class:`FetchError` if it is not one."""
    import feedparser

    parsed = feedparser.parse(content)
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            for alt in entry.get("links", []):
                if alt.get("rel", "alternate") == "alternate" and alt.get("href"):
                    link = alt["href"]
                    break
        if not link and str(entry.get("id", "")).startswith("http"):
            link = entry["id"]
        if link:
            links.append(urljoin(base_url, link.strip()))
    if not links and (parsed.bozo or not parsed.get("version")):
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).splitlines()[0]})" if why else ""
        raise FetchError(f"{base_url or 'feed'}: malformed or empty feed{detail}")
    return links


# --- sitemaps ------------------------------------------------------------------------------


@dataclass
class Sitemap:
    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def _maybe_gunzip(content: bytes) -> bytes:
    if content[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(content)
        except (OSError, EOFError, zlib.error) as exc:
            raise FetchError(f"broken gzip sitemap ({exc})") from exc
    return content


def parse_sitemap(content: bytes, base_url: str = "") -> Sitemap:
    """URLs of a ``<urlset>`` (incl. Google News) or children of a ``<sitemapindex>``.

    Plain-text sitemaps (one URL per line) are accepted too, as the protocol allows.
    Raises :class:`FetchError` for anything else.
    """
    where = base_url or "sitemap"
    data = _maybe_gunzip(content).strip()
    if not data:
        raise FetchError(f"{where}: empty sitemap")
    if not data.startswith(b"<"):
        lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines()]
        urls = [ln for ln in lines if re.match(r"https?://\S+$", ln)]
        if urls and len(urls) == len([ln for ln in lines if ln]):
            return Sitemap(pages=urls)
        raise FetchError(f"{where}: malformed sitemap (neither XML nor a URL list)")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(f"{where}: malformed sitemap ({exc})") from exc
    if root is None:
        raise FetchError(f"{where}: malformed sitemap (no XML root)")
    kind = etree.QName(root).localname.lower()
    locs = [
        urljoin(base_url, (el.text or "").strip())
        for el in root.iter("{*}loc")
        if (el.text or "").strip()
        # only the page's own <loc>, not <image:loc> / <video:loc> children
        and etree.QName(el.getparent()).localname.lower() in ("url", "sitemap")
    ]
    if kind == "sitemapindex":
        return Sitemap(sitemaps=locs)
    if kind == "urlset":
        return Sitemap(pages=locs)
    raise FetchError(f"{where}: malformed sitemap (root element <{kind}>)")


# --- fetching ------------------------------------------------------------------------------


@dataclass
class Discovery:
    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per feed/sitemap that failed


async def discover(crawler: object, feeds: Iterable[str], sitemaps: Iterable[str]) -> Discovery:
    """Fetch feeds and sitemaps (following indexes) and collect canonical article URLs.

    ``crawler`` is an :class:`extract.crawl.Crawler` (typed loosely to avoid an import
    cycle). A failing feed or sitemap is reported in ``errors`` and never stops the rest.
    """
    from extract.crawl import Crawler

    assert isinstance(crawler, Crawler)
    found: list[str] = []
    result = Discovery()

    async def fetch(url: str) -> bytes | None:
        try:
            if not await crawler.allowed(url):
                result.errors.append(f"{url}: disallowed by robots.txt")
                return None
            page = await crawler.get(url, html_only=False)
            return page.content
        except FetchError as exc:
            result.errors.append(str(exc).splitlines()[0])
            return None

    for feed in feeds:
        body = await fetch(feed)
        if body is None:
            continue
        try:
            found += urls_from_feed(body, feed)
        except FetchError as exc:
            result.errors.append(str(exc))

    queue = [(s, 0) for s in sitemaps]
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAPS:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        body = await fetch(url)
        if body is None:
            continue
        try:
            sm = parse_sitemap(body, url)
        except FetchError as exc:
            result.errors.append(str(exc))
            continue
        found += sm.pages
        if depth < MAX_DEPTH:
            queue += [(child, depth + 1) for child in sm.sitemaps]
        elif sm.sitemaps:
            result.errors.append(f"{url}: sitemap index nested deeper than {MAX_DEPTH}")
    result.urls = dedupe(found)
    return result


def iter_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Command-line inputs -> URLs: a URL stays, anything else is a file of URLs."""
    for item in inputs:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", item):
            yield item
        else:
            yield from read_url_list(item)
