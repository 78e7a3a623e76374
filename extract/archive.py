"""The crawl archive: raw HTTP responses in WARC files plus an SQLite index.

Layout of an archive folder::

    DIR/
      newskg-20261126T173000Z-12345-00000.warc.gz   one file per crawl session
      index.sqlite                                  url -> (file, offset, length, status,
                                                    etag, last-modified, fetched_at ...)

Each response is one gzip member (a ``response`` WARC record, WARC/1.1) so any WARC tool
(warcio, pywb, wget --warc) reads the files. Durability against ``kill -9``: a record is
written and fsync'ed *before* its index row is committed, so the index only ever points
at complete records; a torn record at the tail of a file is cut off when the archive is
next opened for writing, and readers never look past indexed records anyway.

>>> with Archive("crawl") as arc:  # doctest: +SKIP
...     arc.add(page)
>>> [p.url for p in iter_archive("crawl")]  # doctest: +SKIP
"""

from __future__ import annotations

import io
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extract.errors import FetchError
from extract.fetch import charset_of, status_reason
from extract.records import Page

log = logging.getLogger(__name__)

INDEX = "index.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,          -- the URL as requested (after canonicalisation)
    final_url TEXT NOT NULL,       -- after redirects: the WARC-Target-URI
    warc TEXT NOT NULL,            -- file name inside the archive folder
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    warc TEXT PRIMARY KEY,         -- where the last complete record of each file ends
    size INTEGER NOT NULL
);
"""
# Hop-by-hop and transfer headers describe the wire, not the stored (decoded) body.
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One index row: where a URL's latest response sits."""

    url: str
    final_url: str
    warc: str
    offset: int
    length: int
    status: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: str


def is_archive(path: str | os.PathLike[str]) -> bool:
    """True for a folder that holds an archive index or WARC files."""
    p = Path(path)
    return p.is_dir() and ((p / INDEX).exists() or any(p.glob("*.warc.gz")))


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")  # readers (extract) never block the crawler
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(_SCHEMA)
    return db


def _lock(directory: Path) -> io.BufferedWriter:
    """Exclusive writer lock: two crawlers appending to one archive would corrupt it."""
    import fcntl

    fh = open(directory / ".lock", "ab")  # noqa: SIM115 - held for the archive's lifetime
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        raise FetchError(f"{directory}: archive is in use by another fetch") from exc
    return fh


class Archive:
    """Append-only writer and index lookup. One writer process per archive at a time."""

    def __init__(self, directory: str | os.PathLike[str], *, max_file_bytes: int = 1 << 30):
        self.dir = Path(directory)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FetchError(f"{self.dir}: cannot create archive folder ({exc})") from exc
        self._lock = _lock(self.dir)
        self.db = _connect(self.dir / INDEX)
        self.max_file_bytes = max_file_bytes
        self._fh: io.BufferedWriter | None = None
        self._name = ""
        self._serial = 0
        self.repair()

    # -- lookup ---------------------------------------------------------------------------

    def get(self, url: str) -> Entry | None:
        row = self.db.execute(
            "SELECT url, final_url, warc, offset, length, status, content_type, etag,"
            " last_modified, fetched_at FROM pages WHERE url = ?",
            (url,),
        ).fetchone()
        return Entry(*row) if row else None

    def __contains__(self, url: str) -> bool:
        return self.get(url) is not None

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM pages").fetchone()[0])

    # -- writing --------------------------------------------------------------------------

    def add(self, page: Page, *, requested: str | None = None) -> Entry:
        """Write ``page`` as a WARC response record, fsync, then index it."""
        fh = self._file()
        offset = fh.tell()
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        headers = [(k, v) for k, v in page.headers.items() if k.lower() not in _DROP_HEADERS]
        headers.append(("Content-Length", str(len(page.content))))
        http = StatusAndHeaders(
            status_reason(page.status).removeprefix("HTTP "), headers, protocol="HTTP/1.1"
        )
        warc_headers = {"WARC-Date": _warc_date(page.fetched_at)}
        record = writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.content),
            length=len(page.content),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(record)
        fh.flush()
        os.fsync(fh.fileno())
        lower = {k.lower(): v for k, v in page.headers.items()}
        entry = Entry(
            url=requested or page.source,
            final_url=page.url,
            warc=self._name,
            offset=offset,
            length=fh.tell() - offset,
            status=page.status,
            content_type=lower.get("content-type"),
            etag=lower.get("etag"),
            last_modified=lower.get("last-modified"),
            fetched_at=page.fetched_at or datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with self.db:  # one transaction: the row and the file's committed size
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (self._name, fh.tell()))
            self.db.execute(
                "INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    entry.url,
                    entry.final_url,
                    entry.warc,
                    entry.offset,
                    entry.length,
                    entry.status,
                    entry.content_type,
                    entry.etag,
                    entry.last_modified,
                    entry.fetched_at,
                ),
            )
        if fh.tell() >= self.max_file_bytes:
            self._close_file()
        return entry

    def touch(self, url: str, fetched_at: str) -> None:
        """Record a successful revalidation (304) without writing a record."""
        with self.db:
            self.db.execute("UPDATE pages SET fetched_at = ? WHERE url = ?", (fetched_at, url))

    def _file(self) -> io.BufferedWriter:
        if self._fh is None:
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
            while True:
                name = f"newskg-{stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
                self._serial += 1
                if not (self.dir / name).exists():
                    break
            self._name = name
            self._fh = open(self.dir / name, "ab")  # noqa: SIM115 - kept open across adds
        return self._fh

    def _close_file(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def repair(self) -> None:
        """Cut torn tails (a record half-written when the process was killed)."""
        ends: dict[str, int] = dict(self.db.execute("SELECT warc, size FROM files"))
        for path in self.dir.glob("newskg-*.warc.gz"):
            end = ends.get(path.name, 0)
            if path.stat().st_size > end:
                log.warning("%s: dropping %d unindexed bytes", path.name, path.stat().st_size - end)
                if end == 0:
                    path.unlink()
                else:
                    with open(path, "r+b") as fh:
                        fh.truncate(end)

    def close(self) -> None:
        self._close_file()
        self.db.close()
        self._lock.close()  # releases the flock

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        et: type[BaseException] | None,
        ev: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _warc_date(iso: str | None) -> str:
    dt = datetime.fromisoformat(iso) if iso else datetime.now(UTC)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- reading -----------------------------------------------------------------------------


def entries(directory: str | os.PathLike[str]) -> list[Entry]:
    """Index rows, oldest fetch first."""
    path = Path(directory) / INDEX
    if not path.exists():
        raise FetchError(f"{directory}: not a newskg archive (no {INDEX})")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        db.execute("SELECT 1 FROM pages LIMIT 1")
    except sqlite3.OperationalError:  # read-only media: WAL needs a writable -shm
        db = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        rows = db.execute(
            "SELECT url, final_url, warc, offset, length, status, content_type, etag,"
            " last_modified, fetched_at FROM pages ORDER BY fetched_at, url"
        ).fetchall()
    finally:
        db.close()
    return [Entry(*r) for r in rows]


def read_entry(directory: str | os.PathLike[str], entry: Entry) -> Page:
    """The stored response of one index row as a :class:`Page`."""
    path = Path(directory) / entry.warc
    try:
        with open(path, "rb") as fh:
            fh.seek(entry.offset)
            data = fh.read(entry.length)
    except OSError as exc:
        raise FetchError(f"{entry.url}: archived record unreadable ({exc})") from exc
    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type != "response":
            continue
        headers = dict(record.http_headers.headers) if record.http_headers else {}
        return Page(
            source=entry.url,
            url=entry.final_url,
            content=record.content_stream().read(),
            status=entry.status,
            headers=headers,
            encoding=charset_of(entry.content_type),
            fetched_at=entry.fetched_at,
        )
    raise FetchError(f"{entry.url}: archived record missing in {entry.warc}")


def iter_archive(directory: str | os.PathLike[str]) -> Iterator[Page]:
    """Every archived page (latest response per URL), as :class:`Page` objects.

    Lets ``extract``/``load``/``run`` take an archive folder as input: fetch once,
    extract many times.
    """
    if not is_archive(directory):
        raise FetchError(f"{directory}: not a newskg archive")
    if not (Path(directory) / INDEX).exists():
        yield from _scan_warcs(Path(directory))
        return
    for entry in entries(directory):
        yield read_entry(directory, entry)


def _scan_warcs(directory: Path) -> Iterator[Page]:
    """Archives written by other tools (WARC files, no index): read them sequentially."""
    for path in sorted(directory.glob("*.warc*")):
        with open(path, "rb") as fh:
            try:
                for record in ArchiveIterator(fh):
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    headers = dict(record.http_headers.headers)
                    ctype = record.http_headers.get_header("Content-Type")
                    status = int(record.http_headers.get_statuscode() or 0)
                    if status != 200 or "html" not in (ctype or ""):
                        continue
                    yield Page(
                        source=url,
                        url=url,
                        content=record.content_stream().read(),
                        status=status,
                        headers=headers,
                        encoding=charset_of(ctype),
                        fetched_at=record.rec_headers.get_header("WARC-Date"),
                    )
            except Exception as exc:  # a torn tail: keep what was read before it
                log.warning("%s: stopped at a damaged record (%s)", path.name, exc)
