"""``newskg fetch`` end to end: URL file + feed + sitemap into an archive, outcome table."""

from __future__ import annotations

from pathlib import Path

import typer
from httpserver import TestServer, article_html, html_page, status
from typer.testing import CliRunner

from extract.archive import iter_archive
from extract.cli_fetch import fetch_command


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("fetch")(fetch_command)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps "fetch" a named subcommand
        pass

    return app


def test_fetch_command_batch(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.route(
            "/robots.txt", html_page("User-agent: *\nDisallow: /private\n", ctype="text/plain")
        )
        a = srv.route("/a", html_page(article_html("From the list")))
        srv.route("/b", html_page(article_html("From the feed")))
        srv.route("/c", html_page(article_html("From the sitemap")))
        srv.route("/gone", status(410))
        feed = srv.route(
            "/feed.xml",
            html_page(
                f"<rss version='2.0'><channel><item><link>{srv.url('/b')}?utm_source=rss</link></item>"
                f"<item><link>{srv.url('/private/x')}</link></item></channel></rss>",
                ctype="application/rss+xml",
            ),
        )
        sitemap = srv.route(
            "/sitemap.xml",
            html_page(
                "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                f"<url><loc>{srv.url('/c')}</loc></url><url><loc>{a}</loc></url></urlset>",
                ctype="application/xml",
            ),
        )
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# test list\n{a}\n{srv.url('/gone')}\n")
        archive = tmp_path / "crawl"
        args = ["fetch", str(urls), "--feed", feed, "--sitemap", sitemap, "--archive", str(archive)]
        args += ["--delay", "0", "--retries", "0", "--user-agent", "newskg-test/1"]
        result = CliRunner().invoke(_app(), args)
        assert result.exit_code == 1, result.output
        out = result.output + (result.stderr if result.stderr_bytes else "")
        assert "fetched" in out and "skipped-robots" in out
        assert "HTTP 410 Gone" in out and "1 failed" in out
        titles = sorted(p.url.rsplit("/", 1)[-1] for p in iter_archive(archive))
        assert titles == ["a", "b", "c"]
        assert srv.hits["/a"] == 1  # listed twice (file + sitemap), fetched once

        again = CliRunner().invoke(_app(), [*args[:1], a, *args[6:]])
        assert again.exit_code == 0
        assert srv.hits["/a"] == 1  # skipped: already archived


def test_fetch_command_needs_input(tmp_path: Path) -> None:
    from extract.errors import UsageError

    result = CliRunner().invoke(_app(), ["fetch", "--archive", str(tmp_path)])
    assert isinstance(result.exception, UsageError)


def test_archive_is_an_input_of_newskg_article(tmp_path: Path) -> None:
    """Fetch once, read many times: ``newskg article ARCHIVE`` reads the WARC records."""
    import json

    from extract.cli import app

    with TestServer() as srv:
        a = srv.route("/a", html_page(article_html("Archived one")))
        b = srv.route("/b", html_page(article_html("Archived two")))
        archive = tmp_path / "crawl"
        result = CliRunner().invoke(app, ["fetch", a, b, "--archive", str(archive), "--delay", "0"])
        assert result.exit_code == 0, result.output
    # the server is gone now: reading must come from the archive alone
    result = CliRunner().invoke(app, ["article", str(archive), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert sorted(r["title"] for r in rows) == ["Archived one", "Archived two"]
    assert {r["url"] for r in rows} == {a, b}
