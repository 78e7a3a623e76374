"""Every store operation, on the embedded store and on real Oxigraph and Virtuoso servers.

The servers are started once per session by ``tests/servers.py`` on 127.0.0.1; each test
writes graphs under its own IRI prefix and removes them afterwards.
"""

from __future__ import annotations

import io
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from servers import RemoteServer, free_port

from extract.errors import BadParameter, QueryError, StoreError
from extract.store import OxigraphStore, SparqlStore, Store, open_store

EX = "https://example.org/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
KINDS = [
    "embedded",
    "oxigraph-gsp",
    "oxigraph-update",
    "virtuoso-gsp",
    "virtuoso-update",
]


@pytest.fixture(params=KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    kind: str = request.param
    if kind == "embedded":
        s: Store = open_store(tmp_path / "store")
    else:
        server: RemoteServer = request.getfixturevalue(
            "oxigraph_server" if kind.startswith("oxigraph") else "virtuoso_server"
        )
        s = open_store(**server.store_kwargs(graph_store=kind.endswith("gsp")))
    yield s
    if kind != "embedded":
        for g in s.graphs():
            s.remove_graph(g)
    s.close()


@pytest.fixture
def prefix() -> str:
    return f"{EX}{uuid.uuid4().hex[:8]}/"


def article(prefix: str, name: str, n: int = 5, *, org: str = "Meta") -> rdflib.Graph:
    """A small graph shaped like one article: facts with evidence, an organisation."""
    g = rdflib.Graph()
    art = URIRef(f"{prefix}{name}")
    org_iri = URIRef(f"{EX}id/organization/{org.lower()}")
    g.add((art, LABEL, Literal(f"Article {name}", lang="en")))
    g.add((org_iri, LABEL, Literal(org)))
    for i in range(n):
        fact = URIRef(f"{prefix}{name}#fact{i}")
        g.add((fact, URIRef(f"{EX}organization"), org_iri))
        g.add(
            (
                fact,
                URIRef(f"{EX}amount"),
                Literal(1000 * (i + 1), datatype=URIRef(_XSD + "integer")),
            )
        )
        g.add((fact, URIRef(f"{EX}sentence"), Literal(f'He said "fact {i}".\nNext line')))
    return g


def count_in(store: Store, graph: str) -> int:
    res = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)}
    )
    return int(res.rows[0][0])  # type: ignore[arg-type]


def test_replace_on_reload_keeps_counts(store: Store, prefix: str) -> None:
    before = len(store)
    a, b = article(prefix, "a", 5), article(prefix, "b", 3)
    store.replace_graph(f"{prefix}a", a)
    store.replace_graph(f"{prefix}b", b)
    assert len(store) - before == len(a) + len(b) == 17 + 11
    store.replace_graph(f"{prefix}a", a)  # reload: nothing changes
    assert len(store) - before == 28
    assert {f"{prefix}a", f"{prefix}b"} <= set(store.graphs())
    # A new version of article a replaces the old one; b is untouched.
    store.replace_graph(f"{prefix}a", article(prefix, "a", 2))
    assert count_in(store, f"{prefix}a") == 8
    assert count_in(store, f"{prefix}b") == 11
    store.remove_graph(f"{prefix}b")
    assert f"{prefix}b" not in store.graphs()
    assert count_in(store, f"{prefix}b") == 0
    store.remove_graph(f"{prefix}never-there")  # silent


def test_per_article_graphs_share_entity_nodes(store: Store, prefix: str) -> None:
    store.replace_graph(f"{prefix}a", article(prefix, "a", 2))
    store.replace_graph(f"{prefix}b", article(prefix, "b", 3))
    res = store.query(
        f"""SELECT ?org (COUNT(DISTINCT ?article) AS ?articles) (SUM(?amount) AS ?total)
        WHERE {{ GRAPH ?article {{ ?f <{EX}organization> ?org ; <{EX}amount> ?amount }}
                 FILTER(STRSTARTS(STR(?article), "{prefix}")) }} GROUP BY ?org"""
    )
    assert res.kind == "select"
    assert res.rows == [
        (URIRef(f"{EX}id/organization/meta"), Literal(2), Literal(3000 + 6000))
    ] or [(r[0], int(r[1]), int(r[2])) for r in res.rows] == [  # type: ignore[arg-type]
        (URIRef(f"{EX}id/organization/meta"), 2, 9000)
    ]


def test_terms_round_trip(store: Store, prefix: str) -> None:
    g = rdflib.Graph()
    s = URIRef(f"{prefix}s")
    node = BNode()
    values = [
        Literal("plain"),
        Literal("été", lang="fr"),
        Literal(42),
        Literal("12.50", datatype=URIRef(_XSD + "decimal")),
        Literal("2026-11-23", datatype=URIRef(_XSD + "date")),
        Literal('tab\tquote"back\\slash'),
    ]
    for i, v in enumerate(values):
        g.add((s, URIRef(f"{EX}p{i}"), v))
    g.add((s, URIRef(f"{EX}node"), node))
    g.add((node, LABEL, Literal("inside a blank node")))
    store.replace_graph(f"{prefix}g", g)
    res = store.query(
        "SELECT ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }",
        {"g": URIRef(f"{prefix}g"), "s": s},
    )
    got = {str(p): o for p, o in res.rows}
    for i, v in enumerate(values):
        assert got[f"{EX}p{i}"].eq(v) or got[f"{EX}p{i}"] == v, (i, got[f"{EX}p{i}"], v)
    label = store.query(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ ?s <{EX}node> ?b . ?b ?p ?l }} }}", {"s": s}
    )
    assert label.rows == [(Literal("inside a blank node"),)]


def test_bindings_not_in_projection(store: Store, prefix: str) -> None:
    store.replace_graph(f"{prefix}a", article(prefix, "a", 3, org="Meta"))
    store.replace_graph(f"{prefix}b", article(prefix, "b", 2, org="Amazon"))
    q = f"""SELECT ?f WHERE {{ GRAPH ?g {{ ?f <{EX}organization> ?org . ?org <{LABEL}> ?name }} }}
            ORDER BY ?f"""
    res = store.query(q, {"name": Literal("Amazon"), "g": URIRef(f"{prefix}b")})
    assert [str(r[0]) for r in res.rows] == [f"{prefix}b#fact0", f"{prefix}b#fact1"]
    typed = store.query(
        f"SELECT ?f WHERE {{ GRAPH ?g {{ ?f <{EX}amount> ?a }} }}",
        {"a": Literal(3000), "g": URIRef(f"{prefix}a")},
    )
    assert [str(r[0]) for r in typed.rows] == [f"{prefix}a#fact2"]


INJECTIONS = [
    'x" } UNION { ?s ?p ?o } #',
    "x' } UNION { ?s ?p ?o } #",
    'x"""\n} UNION { ?s ?p ?o }',
    "}} UNION {{ ?s ?p ?o }}",
    "line one\nline two\r\n} UNION {",
    'back\\slash\\" } UNION {',
    "\\u0022 } UNION { ?s ?p ?o } #",
    "<https://example.org/x> } UNION { ?s ?p ?o",
    "# comment } UNION {",
    "ünïcödé ✓ }",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_is_bound_as_a_literal(store: Store, prefix: str, payload: str) -> None:
    g = rdflib.Graph()
    for i, label in enumerate([payload, "innocent", "other"]):
        g.add((URIRef(f"{prefix}n{i}"), LABEL, Literal(label)))
    store.replace_graph(f"{prefix}g", g)
    q = "SELECT ?s WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    hit = store.query(q, {"label": Literal(payload), "g": URIRef(f"{prefix}g")})
    assert hit.rows == [(URIRef(f"{prefix}n0"),)]
    miss = store.query(q, {"label": Literal(payload + "!"), "g": URIRef(f"{prefix}g")})
    assert miss.rows == []
    # The label reads back byte for byte.
    back = store.query(
        f"SELECT ?label WHERE {{ GRAPH ?g {{ <{prefix}n0> ?p ?label }} }}",
        {"g": URIRef(f"{prefix}g")},
    )
    assert back.rows == [(Literal(payload),)]


def test_bad_iris_and_names_are_refused(store: Store, prefix: str) -> None:
    q = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
    for bad in ["https://example.org/x> } UNION { ?s ?p ?o } #", "https://e.org/a b", 'x"y']:
        with pytest.raises(BadParameter):
            store.query(q, {"g": URIRef(bad)})
    with pytest.raises(BadParameter):
        store.query(q, {"g} UNION {": Literal("x")})
    with pytest.raises(StoreError):
        store.replace_graph(f"{prefix}> <x", article(prefix, "a", 1))
    # Data cannot smuggle an update in either: the whole article is refused.
    store.replace_graph(f"{prefix}a", article(prefix, "a", 1))
    evil = article(prefix, "a", 2)
    evil.add((URIRef(f"{prefix}x> }} }} ; DROP ALL ; INSERT DATA {{ GRAPH <{prefix}a> {{ <a"),
              LABEL, Literal("x")))  # fmt: skip
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graph(f"{prefix}a", evil)
    assert count_in(store, f"{prefix}a") == 5


def test_query_kinds_and_errors(store: Store, prefix: str) -> None:
    store.replace_graph(f"{prefix}a", article(prefix, "a", 1))
    ask = store.query("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(f"{prefix}a")})
    assert ask.kind == "ask" and ask.boolean is True
    built = store.query(
        f"CONSTRUCT {{ ?f <{EX}about> ?org }} WHERE {{ GRAPH ?g {{ ?f <{EX}organization> ?org }} }}",
        {"g": URIRef(f"{prefix}a")},
    )
    assert built.kind == "graph" and built.triples is not None
    assert set(built.triples) == {
        (URIRef(f"{prefix}a#fact0"), URIRef(f"{EX}about"), URIRef(f"{EX}id/organization/meta"))
    }
    with pytest.raises(QueryError) as err:
        store.query("SELECT ?s WHERE { ?s ?p }")
    assert "\n" not in str(err.value)
    # A comment that mentions an update keyword does not make the query an update.
    commented = store.query(
        "# description: every article loaded, then dropped\nSELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        {"g": URIRef(f"{prefix}a")},
    )
    assert commented.kind == "select" and len(commented.rows) == 5


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_import_round_trip(store: Store, prefix: str, fmt: str, tmp_path: Path) -> None:
    store.replace_graph(f"{prefix}a", article(prefix, "a", 3))
    store.replace_graph(f"{prefix}b", article(prefix, "b", 2, org="Amazon"))
    buf = io.BytesIO()
    store.export(fmt, buf)
    dump = tmp_path / f"dump.{'trig' if fmt == 'trig' else 'nq'}"
    dump.write_bytes(buf.getvalue())
    per_graph = Counter(q.graph_name.value for q in ox.parse(path=str(dump)))
    assert per_graph[f"{prefix}a"] == 11
    assert per_graph[f"{prefix}b"] == 8
    # Into a fresh embedded store ...
    fresh = OxigraphStore(tmp_path / "fresh")
    fresh.import_file(dump)
    assert count_in(fresh, f"{prefix}a") == 11 and count_in(fresh, f"{prefix}b") == 8
    fresh.close()
    # ... and back into the same store after a change: the dump's graphs replace the store's.
    store.replace_graph(f"{prefix}a", article(prefix, "a", 1))
    store.import_file(dump, fmt)
    assert count_in(store, f"{prefix}a") == 11
    assert count_in(store, f"{prefix}b") == 8


def test_export_format_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="trig or nquads"):
        store.export("turtle", io.BytesIO())
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> {{ not rdf")
    with pytest.raises(StoreError, match="cannot import"):
        store.import_file(bad)
    with pytest.raises(StoreError, match="unknown RDF format"):
        store.import_file(tmp_path / "x.csv")


# --- remote-only behaviour --------------------------------------------------------------


def test_virtuoso_digest_auth(virtuoso_server: RemoteServer, prefix: str) -> None:
    good = open_store(**virtuoso_server.store_kwargs())
    assert isinstance(good, SparqlStore)
    good.replace_graph(f"{prefix}a", article(prefix, "a", 1))
    assert good._auth_kind == "digest"
    wrong = SparqlStore(
        virtuoso_server.endpoint,
        virtuoso_server.update_endpoint,
        user=virtuoso_server.user,
        password="wrong",
    )
    with pytest.raises(StoreError, match="authentication failed"):
        wrong.replace_graph(f"{prefix}b", article(prefix, "b", 1))
    anonymous = SparqlStore(virtuoso_server.endpoint, virtuoso_server.update_endpoint)
    with pytest.raises(StoreError, match="authentication failed"):
        anonymous.remove_graph(f"{prefix}a")
    assert f"{prefix}a" in good.graphs()
    good.remove_graph(f"{prefix}a")
    good.close()


def test_basic_auth(basic_auth_oxigraph: RemoteServer, prefix: str) -> None:
    good = open_store(**basic_auth_oxigraph.store_kwargs())
    good.replace_graph(f"{prefix}a", article(prefix, "a", 2))
    assert count_in(good, f"{prefix}a") == 8
    assert isinstance(good, SparqlStore) and good._auth_kind == "basic"
    for password in ("wrong", None):
        kwargs = basic_auth_oxigraph.store_kwargs()
        kwargs["password"] = password
        if password is None:
            kwargs["user"] = None
        bad = open_store(**kwargs)
        with pytest.raises(StoreError, match="authentication failed"):
            bad.query("ASK {}")
        with pytest.raises(StoreError, match="authentication failed"):
            bad.replace_graph(f"{prefix}b", article(prefix, "b", 1))
    good.remove_graph(f"{prefix}a")


def test_server_down_is_one_line_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    store = open_store(endpoint=url)
    with pytest.raises(StoreError, match="cannot reach") as err:
        store.query("ASK {}")
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError, match="cannot reach"):
        store.remove_graph(f"{EX}g")


def test_open_store_argument_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="need --endpoint"):
        open_store(tmp_path, graph_store="http://127.0.0.1:1/store")
    with pytest.raises(StoreError, match="not both"):
        open_store(tmp_path, endpoint="http://127.0.0.1:1/sparql")
    with pytest.raises(StoreError, match="HTTP"):
        open_store(endpoint="ftp://127.0.0.1/sparql")


def test_update_and_malformed_update(store: Store, prefix: str) -> None:
    store.update(f'INSERT DATA {{ GRAPH <{prefix}u> {{ <{prefix}s> <{EX}p> "v" }} }}')
    assert count_in(store, f"{prefix}u") == 1
    with pytest.raises(QueryError, match="malformed SPARQL update") as err:
        store.update(f"INSERT DATA {{ GRAPH <{prefix}u> {{ oops }} }}")
    assert "\n" not in str(err.value)
    assert count_in(store, f"{prefix}u") == 1


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso"])
def test_large_graph_in_chunks_without_graph_store(
    request: pytest.FixtureRequest, kind: str, prefix: str
) -> None:
    server: RemoteServer = request.getfixturevalue(f"{kind}_server")
    store = open_store(**server.store_kwargs(graph_store=False))
    assert isinstance(store, SparqlStore)
    store.chunk_size = 4  # force several update requests for one article
    g = article(prefix, "big", 5)  # 17 triples
    head = BNode()
    g.add((URIRef(f"{prefix}big"), URIRef(f"{EX}list"), head))
    g.add((head, LABEL, Literal("first")))
    g.add((head, URIRef(f"{EX}next"), Literal("second")))
    for _ in range(2):  # reload: same count
        store.replace_graph(f"{prefix}big", g)
        assert count_in(store, f"{prefix}big") == 20
    store.remove_graph(f"{prefix}big")
    store.close()
