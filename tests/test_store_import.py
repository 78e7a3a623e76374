"""``OxigraphStore.import_file``: the bulk-load path, strict and lenient."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import StoreError
from extract.store import OxigraphStore

EX = "https://example.org/"


def quads(graph: str, n: int, tag: str) -> str:
    return "".join(f'<{EX}{graph}/s{i}> <{EX}p> "{tag} {i}" <{EX}{graph}> .\n' for i in range(n))


def values(store: OxigraphStore, graph: str) -> set[str]:
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{EX}{graph}> {{ ?s ?p ?o }} }}").rows
    return {str(r[0]) for r in rows}


@pytest.mark.parametrize("lenient", [False, True])
def test_import_replaces_named_graphs_only(tmp_path: Path, lenient: bool) -> None:
    store = OxigraphStore(tmp_path / "db")
    first = tmp_path / "first.nq"
    first.write_text(quads("a", 3, "old") + quads("b", 2, "old"))
    store.import_file(first, lenient=lenient)
    assert len(store) == 5
    # A second dump names graph a only: a is replaced (not merged), b is untouched.
    second = tmp_path / "second.nq"
    second.write_text(quads("a", 2, "new"))
    store.import_file(second, lenient=lenient)
    assert values(store, "a") == {"new 0", "new 1"}
    assert values(store, "b") == {"old 0", "old 1"}
    store.close()
    reopened = OxigraphStore(tmp_path / "db", read_only=True)
    assert len(reopened) == 4
    reopened.close()


def test_bad_file_into_a_full_store_drops_nothing(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    good = tmp_path / "good.nq"
    good.write_text(quads("a", 3, "old"))
    store.import_file(good)
    # Graph a is named on the first line, then a syntax error: the strict first pass refuses
    # the file before graph a is dropped.
    bad = tmp_path / "bad.nq"
    bad.write_text(quads("a", 1, "new") + "<https://example.org/x> <oops .\n")
    with pytest.raises(StoreError, match="cannot import"):
        store.import_file(bad)
    assert values(store, "a") == {"old 0", "old 1", "old 2"}
    # An IRI the strict parser refuses (a space in it) is refused the same way.
    spaced = tmp_path / "spaced.nq"
    spaced.write_text(f'<{EX}a/s 1> <{EX}p> "x" <{EX}a> .\n')
    with pytest.raises(StoreError, match="cannot import"):
        store.import_file(spaced)
    assert len(store) == 3
    store.close()
