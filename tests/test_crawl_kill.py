"""``kill -9`` during a crawl never loses or corrupts what was already archived.

A child process crawls from a real local server and is SIGKILLed (1) while a response is
still streaming in and (2) in the middle of writing a WARC record. The archive must stay
readable (by us and by plain warcio), and the next run resumes: archived URLs are skipped,
the rest fetched.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from httpserver import TestServer, article_html, drip, html_page, wait_for
from warcio.archiveiterator import ArchiveIterator

from extract.archive import Archive, iter_archive
from extract.article import read_article
from extract.crawl import FETCHED, SKIPPED_ARCHIVED, CrawlOptions, crawl_sync

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import sys
    from extract.archive import Archive
    from extract.crawl import CrawlOptions, crawl_sync

    folder, *urls = sys.argv[1:]
    with Archive(folder) as arc:
        crawl_sync(urls, arc, CrawlOptions(delay=0, read_timeout=60, retries=0))
    """
)

# Same, but the 3rd record is cut in half and the process killed while writing it.
CHILD_TORN = textwrap.dedent(
    """
    import os, signal, sys
    from warcio.warcwriter import WARCWriter
    from extract.archive import Archive
    from extract.crawl import CrawlOptions, crawl_sync

    real_write = WARCWriter._write_warc_record
    count = [0]

    def torn_write(self, out, record):
        count[0] += 1
        if count[0] < 3:
            return real_write(self, out, record)
        import io
        buf = io.BytesIO()
        real_write(self, buf, record)
        data = buf.getvalue()
        out.write(data[: len(data) // 2])
        out.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    WARCWriter._write_warc_record = torn_write
    folder, *urls = sys.argv[1:]
    with Archive(folder) as arc:
        crawl_sync(urls, arc, CrawlOptions(delay=0, read_timeout=60, retries=0))
    """
)


def _rows(folder: Path) -> int:
    index = folder / "index.sqlite"
    if not index.exists():
        return 0
    db = sqlite3.connect(index, timeout=5)
    try:
        return int(db.execute("SELECT count(*) FROM pages").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def _child(script: str, folder: Path, urls: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", script, str(folder), *urls], env=env)


def _assert_readable(folder: Path, expected: set[str]) -> None:
    pages = {p.source: p for p in iter_archive(folder)}
    assert set(pages) == expected
    for page in pages.values():
        assert read_article(page).text
    for warc in folder.glob("*.warc.gz"):  # plain warcio reads every file to the end
        with open(warc, "rb") as fh:
            assert all(r.rec_type for r in ArchiveIterator(fh))


def test_sigkill_mid_fetch_keeps_archive_and_resumes(tmp_path: Path) -> None:
    with TestServer() as srv:
        good = [srv.route(f"/a{i}", html_page(article_html(f"Story {i}"))) for i in range(3)]
        slow = srv.route("/slow", drip(srv.stop))
        proc = _child(CHILD, tmp_path, [*good, slow])
        try:
            assert wait_for(lambda: srv.hits["/slow"] >= 1 and _rows(tmp_path) == 3)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert proc.returncode == -signal.SIGKILL
        _assert_readable(tmp_path, set(good))

        srv.routes["/slow"] = html_page(article_html("Finally"))
        with Archive(tmp_path) as arc:
            outcomes = crawl_sync([*good, slow], arc, CrawlOptions(delay=0))
        assert [o.kind for o in outcomes] == [SKIPPED_ARCHIVED] * 3 + [FETCHED]
        assert all(srv.hits[f"/a{i}"] == 1 for i in range(3))
    _assert_readable(tmp_path, {*good, slow})


def test_sigkill_mid_record_write_tail_is_cut(tmp_path: Path) -> None:
    with TestServer() as srv:
        urls = [srv.route(f"/b{i}", html_page(article_html(f"Item {i}"))) for i in range(4)]
        proc = _child(CHILD_TORN, tmp_path, urls)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        # the half record is on disk but not indexed: readers see the two complete ones
        assert {p.source for p in iter_archive(tmp_path)} == set(urls[:2])
        db = sqlite3.connect(tmp_path / "index.sqlite")
        ((name, size),) = db.execute("SELECT warc, size FROM files").fetchall()
        db.close()
        assert (tmp_path / name).stat().st_size > size  # a torn record really is there
        with Archive(tmp_path) as arc:  # reopening cuts the torn tail, then resumes
            outcomes = crawl_sync(urls, arc, CrawlOptions(delay=0))
        assert [o.kind for o in outcomes] == [SKIPPED_ARCHIVED] * 2 + [FETCHED] * 2
    _assert_readable(tmp_path, set(urls))
