"""The embedded store under stress: a load killed with SIGKILL, readers during a load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef

from extract.errors import StoreError
from extract.store import OxigraphStore, open_store

ARTICLES, TRIPLES = 120, 1500
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

# A loader in its own process: one replace_graph per article, a line on stdout after each.
LOADER = textwrap.dedent(
    f"""
    import sys
    import rdflib
    from rdflib import Literal, URIRef
    from extract.store import open_store

    store = open_store(sys.argv[1])
    for i in range({ARTICLES}):
        g = rdflib.Graph()
        for j in range({TRIPLES}):
            g.add((URIRef(f"https://example.org/a{{i}}#f{{j}}"),
                   URIRef("https://example.org/p"), Literal(f"value {{i}} {{j}}")))
        store.replace_graph(f"https://example.org/a{{i}}", g)
        print(i, flush=True)
    store.close()
    print("done", flush=True)
    """
)


def article_graph(i: int, n: int) -> rdflib.Graph:
    g = rdflib.Graph()
    for j in range(n):
        g.add(
            (URIRef(f"https://example.org/a{i}#f{j}"), URIRef("https://example.org/p"), Literal(j))
        )
    return g


def counts(store: OxigraphStore) -> dict[str, int]:
    return {str(g): int(n) for g, n in store.query(PER_GRAPH).rows}  # type: ignore[arg-type]


def start_loader(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.Popen(
        [sys.executable, "-c", LOADER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )


def test_sigkill_mid_load_leaves_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "store"
    proc = start_loader(path)
    assert proc.stdout is not None
    for _ in range(10):  # let ten articles commit, then kill it in the middle of the rest
        proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    store = OxigraphStore(path)
    seen = counts(store)
    assert len(seen) >= 10
    assert len(seen) < ARTICLES  # really killed midway
    assert set(seen.values()) == {TRIPLES}  # each article fully present or fully absent
    store.close()

    rerun = start_loader(path)  # the next run completes the load
    out, _ = rerun.communicate(timeout=300)
    assert rerun.returncode == 0 and out.strip().endswith("done")
    store = OxigraphStore(path)
    seen = counts(store)
    assert len(seen) == ARTICLES and set(seen.values()) == {TRIPLES}
    assert len(store) == ARTICLES * TRIPLES
    store.close()


def test_reader_thread_queries_while_a_load_runs(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    n_articles, size = 60, 400
    halfway, reader_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for i in range(n_articles):
                store.replace_graph(f"https://example.org/a{i}", article_graph(i, size))
                if i == n_articles // 2:
                    halfway.set()
                    reader_done.wait(timeout=60)  # hold the load open until a reader ran
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    assert halfway.wait(timeout=60)
    during = counts(store)  # the load is in progress (the writer is mid-way)
    reader_done.set()
    snapshots = [during]
    while thread.is_alive():
        snapshots.append(counts(store))
    thread.join()
    assert not errors
    assert n_articles // 2 + 1 <= len(during) < n_articles
    for snap in snapshots:  # never a half-written article
        assert set(snap.values()) <= {size}
    assert len(counts(store)) == n_articles
    store.close()


def test_read_only_process_reads_while_another_loads(tmp_path: Path) -> None:
    """A second process opens the store read-only while the loader holds it.

    pyoxigraph documents this as unsupported while a writer is active; in practice (0.5,
    RocksDB) the reader sees committed articles only. newskg itself serves concurrent
    readers through one process (``newskg serve``); this test pins what other processes see.
    """
    path = tmp_path / "store"
    proc = start_loader(path)
    assert proc.stdout is not None
    for _ in range(5):
        proc.stdout.readline()
    try:
        reader = open_store(path, read_only=True)
        assert isinstance(reader, OxigraphStore)
        seen = counts(reader)
        assert len(seen) >= 5 and set(seen.values()) == {TRIPLES}
        reader.close()
        with pytest.raises(StoreError, match="in use by another process"):
            OxigraphStore(path)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
