"""Feeds, sitemaps (indexes, Google News, gzip) and URL canonicalisation; malformed inputs."""

from __future__ import annotations

import asyncio
import gzip

import pytest
from httpserver import TestServer, html_page

from extract.crawl import Crawler, CrawlOptions, make_client
from extract.discover import (
    canonical_url,
    dedupe,
    discover,
    iter_inputs,
    parse_sitemap,
    urls_from_feed,
)
from extract.errors import FetchError, UsageError

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example.org/a/one?utm_source=rss</link></item>
<item><title>Two</title><link>/a/two</link></item>
<item><title>One again</title><link>https://News.Example.org/a/one#comments</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>E</title><id>urn:e1</id><updated>2024-01-01T00:00:00Z</updated>
<link rel="alternate" href="https://news.example.org/atom/1"/></entry></feed>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://news.example.org/n/1</loc>
  <news:news><news:publication><news:name>X</news:name><news:language>en</news:language>
  </news:publication><news:publication_date>2024-01-01</news:publication_date>
  <news:title>N1</news:title></news:news>
  <image:image><image:loc>https://news.example.org/img/1.jpg</image:loc></image:image>
</url>
<url><loc> https://news.example.org/n/2 </loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{news}</loc></sitemap><sitemap><loc>{gz}</loc></sitemap>
<sitemap><loc>{broken}</loc></sitemap><sitemap><loc>{missing}</loc></sitemap>
</sitemapindex>"""

PLAIN_SITEMAP = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://news.example.org/g/1</loc></url></urlset>"""


def test_canonical_url() -> None:
    assert (
        canonical_url("HTTPS://Example.ORG/a?utm_source=x&id=7#frag")
        == "https://example.org/a?id=7"
    )
    assert dedupe(
        ["http://a.org/x?fbclid=1", "http://A.org/x", "mailto:x@y", "http://a.org/y"]
    ) == [
        "http://a.org/x",
        "http://a.org/y",
    ]


def test_rss_links_resolved_and_deduped() -> None:
    urls = urls_from_feed(RSS.encode(), "https://news.example.org/feed.xml")
    assert "https://news.example.org/a/two" in urls
    assert dedupe(urls) == ["https://news.example.org/a/one", "https://news.example.org/a/two"]


def test_atom() -> None:
    assert urls_from_feed(ATOM.encode()) == ["https://news.example.org/atom/1"]


@pytest.mark.parametrize(
    "body",
    [b"", b"<rss><channel><item><title>cut", b"<html><body>Not a feed</body></html>", b"\x00\xff"],
)
def test_malformed_feed(body: bytes) -> None:
    with pytest.raises(FetchError, match="malformed or empty feed") as info:
        urls_from_feed(body, "https://x.org/feed")
    assert "\n" not in str(info.value)


def test_google_news_sitemap_ignores_image_locs() -> None:
    sm = parse_sitemap(NEWS_SITEMAP.encode())
    assert sm.pages == ["https://news.example.org/n/1", "https://news.example.org/n/2"]
    assert sm.sitemaps == []


def test_gzip_and_text_sitemaps() -> None:
    assert parse_sitemap(gzip.compress(PLAIN_SITEMAP.encode())).pages == [
        "https://news.example.org/g/1"
    ]
    assert parse_sitemap(b"https://a.org/1\nhttps://a.org/2\n").pages == [
        "https://a.org/1",
        "https://a.org/2",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty sitemap"),
        (b"<html><body>hello</body></html>", "root element <html>"),
        (b"this is not a sitemap\nat all", "neither XML nor a URL list"),
        (b"\x1f\x8b\x08\x00garbage", "broken gzip"),
    ],
)
def test_malformed_sitemap(body: bytes, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        parse_sitemap(body, "https://x.org/sitemap.xml")


def test_truncated_sitemap_keeps_what_it_can() -> None:
    cut = NEWS_SITEMAP[: NEWS_SITEMAP.index("<url><loc> https")]
    assert parse_sitemap(cut.encode()).pages == ["https://news.example.org/n/1"]


def test_url_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "urls.txt"
    f.write_text("# list\nhttps://a.org/1\n\n  https://a.org/2  \n")
    assert list(iter_inputs(["https://b.org/x", str(f)])) == [
        "https://b.org/x",
        "https://a.org/1",
        "https://a.org/2",
    ]
    with pytest.raises(UsageError, match="no such file"):
        list(iter_inputs([str(tmp_path / "missing.txt")]))


def test_discover_over_http_follows_index_and_reports_broken() -> None:
    with TestServer() as srv:
        feed = srv.route(
            "/feed.xml",
            html_page(RSS.replace("/a/two", srv.url("/a/two")), ctype="application/rss+xml"),
        )
        bad_feed = srv.route(
            "/bad.xml", html_page("<rss><channel><item>", ctype="application/rss+xml")
        )
        news = srv.route("/news.xml", html_page(NEWS_SITEMAP, ctype="application/xml"))
        gz = srv.route(
            "/g.xml.gz", html_page(gzip.compress(PLAIN_SITEMAP.encode()), ctype="application/gzip")
        )
        broken = srv.route("/broken.xml", html_page("<oops>", ctype="application/xml"))
        missing = srv.url("/nope.xml")
        index = srv.route(
            "/index.xml",
            html_page(
                INDEX.format(news=news, gz=gz, broken=broken, missing=missing), ctype="text/xml"
            ),
        )

        async def run():  # type: ignore[no-untyped-def]
            opt = CrawlOptions(delay=0, retries=0)
            async with make_client(opt) as client:
                return await discover(Crawler(client, opt), [feed, bad_feed], [index])

        found = asyncio.run(run())
    assert found.urls == [
        "https://news.example.org/a/one",
        srv.url("/a/two"),
        "https://news.example.org/n/1",
        "https://news.example.org/n/2",
        "https://news.example.org/g/1",
    ]
    assert len(found.errors) == 3
    assert any("bad.xml" in e and "malformed" in e for e in found.errors)
    assert any("broken.xml" in e and "malformed sitemap" in e for e in found.errors)
    assert any("nope.xml" in e and "404" in e for e in found.errors)
