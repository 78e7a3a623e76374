"""``newskg fetch``: crawl URLs, URL files, feeds and sitemaps into a WARC archive.

Registered by :mod:`extract.cli` with ``app.command("fetch")(fetch_command)``. The command
only parses options, runs :func:`extract.crawl.crawl` and renders progress and the outcome
table (stderr); library errors are :class:`~extract.errors.NewskgError` subclasses.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extract.archive import Archive
from extract.crawl import FAILED, KINDS, Crawler, CrawlOptions, Outcome, crawl, make_client
from extract.discover import dedupe, discover, iter_inputs
from extract.errors import UsageError
from extract.fetch import USER_AGENT

DEFAULT_ARCHIVE = "newskg-archive"


def fetch_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="URLs, or files with one URL per line.", show_default=False),
    ] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")
    ] = None,
    sitemap: Annotated[
        list[str] | None,
        typer.Option("--sitemap", help="XML sitemap or sitemap index URL (repeatable)."),
    ] = None,
    archive: Annotated[
        Path | None,
        typer.Option(
            "--archive",
            help=f"Archive folder (WARC files + index). Default $NEWSKG_ARCHIVE or ./{DEFAULT_ARCHIVE}.",
        ),
    ] = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Re-fetch archived URLs (conditional requests).")
    ] = False,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Hosts fetched at the same time.")
    ] = 8,
    delay: Annotated[
        float,
        typer.Option("--delay", min=0.0, help="Seconds between requests to one host."),
    ] = 1.0,
    user_agent: Annotated[
        str, typer.Option("--user-agent", help="User-Agent sent with every request.")
    ] = USER_AGENT,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Read timeout in seconds.")
    ] = 20.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries per URL.")] = 3,
) -> None:
    """Fetch pages politely into a WARC archive (robots.txt, per-host delay, retries).

    Already archived URLs are skipped unless --refresh. Then `newskg extract ARCHIVE`.

    Example: newskg fetch --feed https://example.org/rss.xml --archive crawl/
    """
    opt = CrawlOptions(
        user_agent=user_agent,
        concurrency=concurrency,
        delay=delay,
        read_timeout=timeout,
        retries=retries,
        refresh=refresh,
    )
    folder = archive or Path(os.environ.get("NEWSKG_ARCHIVE") or DEFAULT_ARCHIVE)
    urls = list(iter_inputs(inputs or []))
    if not urls and not feed and not sitemap:
        raise UsageError("nothing to fetch: give URLs, a file of URLs, --feed or --sitemap")
    console = Console(stderr=True)
    outcomes, errors = asyncio.run(_run(urls, feed or [], sitemap or [], folder, opt, console))
    console.print(outcome_table(outcomes, errors))
    failed = sum(o.kind == FAILED for o in outcomes) + len(errors)
    if failed:
        console.print(f"{failed} failed; archive: {folder}")
        raise typer.Exit(1)
    console.print(f"archive: {folder}")


async def _run(
    urls: list[str],
    feeds: list[str],
    sitemaps: list[str],
    folder: Path,
    opt: CrawlOptions,
    console: Console,
) -> tuple[list[Outcome], list[str]]:
    async with make_client(opt) as client:
        crawler = Crawler(client, opt)
        errors: list[str] = []
        if feeds or sitemaps:
            with console.status("reading feeds and sitemaps"):
                found = await discover(crawler, feeds, sitemaps)
            errors = found.errors
            urls = urls + found.urls
        todo = dedupe(urls)
        bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
        with Archive(folder) as arc, _progress(console) as progress:
            task = progress.add_task("fetching", total=len(todo))

            def advance(o: Outcome) -> None:
                progress.advance(task)

            outcomes = await crawl(todo, arc, opt, crawler=crawler, on_outcome=advance)
        outcomes += [Outcome(u, FAILED, f"{u}: not an HTTP(S) URL") for u in bad]
        return outcomes, errors


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def outcome_table(outcomes: list[Outcome], errors: list[str] | None = None) -> Table:
    """Counts per outcome, then one row per failure with its reason."""
    counts = Counter(o.kind for o in outcomes)
    table = Table(title="fetch outcomes", show_lines=False)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    table.add_column("detail", overflow="fold")
    for kind in KINDS:
        table.add_row(kind, str(counts.get(kind, 0)), "")
    for o in outcomes:
        if o.kind == FAILED:
            table.add_row(
                "", "", o.reason if o.reason.startswith(o.url) else f"{o.url}: {o.reason}"
            )
    for e in errors or []:
        table.add_row("discovery", "", e)
    return table
