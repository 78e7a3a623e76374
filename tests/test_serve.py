"""The SPARQL 1.1 Protocol endpoint, named queries and evidence, on a real embedded Oxigraph.

Most tests run twice: in-process (an httpx client over ``httpx.ASGITransport``) and over HTTP
against a real uvicorn server on a free 127.0.0.1 port.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import rdflib
from anyio.from_thread import BlockingPortal, start_blocking_portal
from rdflib import RDF, XSD, Literal, Namespace, URIRef

from extract.errors import QueryError, UsageError
from extract.serve import create_app, serve_in_thread
from extract.store import OxigraphStore

NK = Namespace("https://w3id.org/newskg/ns#")
SDO = Namespace("https://schema.org/")
ID = "https://w3id.org/newskg/id/"
FACT = "https://w3id.org/newskg/fact/"
A1 = "https://example.org/news/meta-mci"
A2 = "https://example.org/other/meta-keys"
SRX = "{http://www.w3.org/2005/sparql-results#}"
QUOTE = 'Bosworth said: "we watch, carefully"\n\tand left.'

NAMES_QUERY = f"""SELECT DISTINCT ?entity ?name WHERE {{ GRAPH ?g {{ ?entity <{SDO}name> ?name }} }}
ORDER BY ?name"""
EXPECTED_NAMES = [
    (ID + "person/andrew-bosworth", "Andrew Bosworth"),
    (ID + "org/meta", "Meta"),
    (ID + "program/mci", "Model Capability Initiative"),
    (ID + "program/xray", "Project X-Ray"),
]


# --- the data: two articles shaped like extract/graph.py's output ------------------------


def _fact(
    g: rdflib.Graph,
    article: str,
    key: str,
    cls: URIRef,
    sentence: str,
    start: int,
    **fields: object,
) -> URIRef:
    fact = URIRef(FACT + key)
    ev = URIRef(FACT + key + "-evidence")
    g.add((fact, RDF.type, NK.Fact))
    g.add((fact, RDF.type, cls))
    for name, value in fields.items():
        g.add((fact, NK[name], value if isinstance(value, URIRef | Literal) else Literal(value)))
    g.add((fact, NK.evidence, ev))
    g.add((fact, NK.confidence, Literal("0.9", datatype=XSD.decimal)))
    g.add((ev, RDF.type, NK.Evidence))
    g.add((ev, NK.text, Literal(sentence)))
    g.add((ev, NK.start, Literal(start)))
    g.add((ev, NK.end, Literal(start + len(sentence))))
    g.add((ev, NK.article, URIRef(article)))
    return fact


def _article(iri: str, headline: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.add((URIRef(iri), RDF.type, SDO.NewsArticle))
    g.add((URIRef(iri), SDO.headline, Literal(headline)))
    return g


def load_data(store: OxigraphStore) -> None:
    meta, mci, xray = (
        URIRef(ID + "org/meta"),
        URIRef(ID + "program/mci"),
        URIRef(ID + "program/xray"),
    )
    boz = URIRef(ID + "person/andrew-bosworth")
    g1 = _article(A1, "Meta tracks staff keystrokes")
    for node, name in (
        (meta, "Meta"),
        (mci, "Model Capability Initiative"),
        (boz, "Andrew Bosworth"),
    ):
        g1.add((node, SDO.name, Literal(name)))
    g1.add((meta, rdflib.RDFS.label, Literal("Meta Platforms", lang="en")))
    _fact(
        g1,
        A1,
        "op1",
        NK.OperatesFact,
        "Meta runs the Model Capability Initiative.",
        0,
        organization=meta,
        program=mci,
    )
    _fact(
        g1,
        A1,
        "pet1",
        NK.PetitionFact,
        "Nearly 2,000 workers signed a petition.",
        44,
        target=mci,
        signatures=Literal(2000),
    )
    _fact(g1, A1, "q1", NK.QuoteFact, QUOTE, 90, speaker=boz, text=Literal(QUOTE))
    g2 = _article(A2, "Another outlet on Meta")
    g2.add((meta, SDO.name, Literal("Meta")))
    g2.add((xray, SDO.name, Literal("Project X-Ray")))
    _fact(
        g2,
        A2,
        "op2",
        NK.OperatesFact,
        "Meta also runs Project X-Ray.",
        10,
        organization=meta,
        program=xray,
    )
    _fact(
        g2,
        A2,
        "pet2",
        NK.PetitionFact,
        "A thousand signed.",
        60,
        target=xray,
        signatures=Literal(1000),
    )
    store.replace_graph(A1, g1)
    store.replace_graph(A2, g2)


QUERIES = {
    "programs-of.rq": f"""# title: Programs of an organization
# description: Programs run by the organization with this name.
# param: name literal  The organization's name, exactly.
PREFIX nk: <{NK}>
PREFIX schema: <{SDO}>
SELECT ?fact ?program WHERE {{
  GRAPH ?g {{ ?fact nk:organization ?org ; nk:program ?program . ?org schema:name ?name }}
}} ORDER BY ?program
""",
    "petitions-over.rq": f"""# title: Large petitions
# description: Petitions with at least this many signatures.
# param: min integer  Fewest signatures.
# param: about iri optional  Only petitions against this program.
PREFIX nk: <{NK}>
SELECT ?petition ?n WHERE {{
  GRAPH ?g {{ ?petition nk:signatures ?n ; nk:target ?target }}
  FILTER (?n >= ?min)
  FILTER (!BOUND(?about) || ?target = ?about)
}} ORDER BY ?petition
""",
}


class SyncASGITransport(httpx.BaseTransport):
    """httpx.ASGITransport for a synchronous httpx.Client: the app runs in a portal's loop."""

    def __init__(self, app, portal: BlockingPortal) -> None:  # type: ignore[no-untyped-def]
        self._inner = httpx.ASGITransport(app=app)
        self._portal = portal

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def call() -> httpx.Response:
            response = await self._inner.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=body)

        return self._portal.call(call)


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal() as p:
        yield p


def in_process(app, portal: BlockingPortal) -> httpx.Client:  # type: ignore[no-untyped-def]
    return httpx.Client(transport=SyncASGITransport(app, portal), base_url="http://testserver")


@pytest.fixture(scope="module")
def store() -> Iterator[OxigraphStore]:
    s = OxigraphStore()
    load_data(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def queries_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("queries")
    for name, text in QUERIES.items():
        (d / name).write_text(text, "utf-8")
    return d


@pytest.fixture(scope="module")
def app(store: OxigraphStore, queries_dir: Path):  # type: ignore[no-untyped-def]
    return create_app(store, queries_dir=queries_dir)


@pytest.fixture(scope="module")
def live_url(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(params=["asgi", "http"])
def client(request: pytest.FixtureRequest, app, portal: BlockingPortal) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    if request.param == "asgi":
        with in_process(app, portal) as c:
            yield c
    else:
        with httpx.Client(base_url=request.getfixturevalue("live_url"), timeout=30) as c:
            yield c


def _names(doc: dict) -> list[tuple[str, str]]:
    return [(b["entity"]["value"], b["name"]["value"]) for b in doc["results"]["bindings"]]


# --- protocol: GET / POST, formats ------------------------------------------------------


def test_live_server_binds_loopback(live_url: str) -> None:
    assert live_url.startswith("http://127.0.0.1:")
    assert httpx.get(live_url + "/sparql", params={"query": "ASK {}"}).json()["boolean"] is True


def test_get_query_json(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": NAMES_QUERY})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json; charset=utf-8"
    doc = r.json()
    assert doc["head"]["vars"] == ["entity", "name"]
    assert _names(doc) == EXPECTED_NAMES
    assert "x-newskg-truncated" not in r.headers


def test_post_form_and_body_answer_like_get(client: httpx.Client) -> None:
    by_get = client.get("/sparql", params={"query": NAMES_QUERY}).json()
    by_form = client.post("/sparql", data={"query": NAMES_QUERY})
    by_body = client.post(
        "/sparql",
        content=NAMES_QUERY.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert by_form.status_code == by_body.status_code == 200
    assert by_form.json() == by_body.json() == by_get


def test_xml(client: httpx.Client) -> None:
    r = client.get(
        "/sparql",
        params={"query": NAMES_QUERY},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(r.content)
    rows = [tuple(binding[0].text for binding in result) for result in root.iter(SRX + "result")]
    kinds = {binding.get("name"): binding[0].tag for binding in root.iter(SRX + "binding")}
    assert rows == EXPECTED_NAMES
    assert kinds == {"entity": SRX + "uri", "name": SRX + "literal"}


def test_csv(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": NAMES_QUERY}, headers={"Accept": "text/csv"})
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(r.text, newline="")))
    assert rows[0] == ["entity", "name"]
    assert [tuple(row) for row in rows[1:]] == EXPECTED_NAMES


def test_tsv_keeps_types_and_escapes(client: httpx.Client) -> None:
    q = f"SELECT ?text ?n WHERE {{ GRAPH ?g {{ ?f a <{NK}QuoteFact> ; <{NK}text> ?text }} OPTIONAL {{ GRAPH ?h {{ ?p <{NK}signatures> ?n }} FILTER (?n > 1500) }} }}"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "text/tab-separated-values"})
    lines = r.text.split("\n")
    assert lines[0] == "?text\t?n"
    assert lines[1:] == [
        '"Bosworth said: \\"we watch, carefully\\"\\n\\tand left."\t"2000"^^<http://www.w3.org/2001/XMLSchema#integer>',
        "",
    ]


def test_format_parameter_beats_accept(client: httpx.Client) -> None:
    r = client.get(
        "/sparql",
        params={"query": NAMES_QUERY, "format": "csv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[2] == f"{ID}org/meta,Meta"
    r = client.post("/sparql", data={"query": NAMES_QUERY, "format": "tsv"})
    assert r.text.startswith("?entity\t?name\n")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/sparql-results+xml",
        ),
    ],
)
def test_content_negotiation(client: httpx.Client, accept: str, expected: str) -> None:
    r = client.get("/sparql", params={"query": NAMES_QUERY}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == expected


def test_ask(client: httpx.Client) -> None:
    yes = client.get(
        "/sparql", params={"query": f"ASK {{ GRAPH <{A2}> {{ ?s <{SDO}name> 'Project X-Ray' }} }}"}
    )
    no = client.get(
        "/sparql",
        params={"query": f"ASK {{ GRAPH <{A1}> {{ ?s <{SDO}name> 'Project X-Ray' }} }}"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert yes.json() == {"head": {}, "boolean": True}
    assert ET.fromstring(no.content).find(SRX + "boolean").text == "false"


CONSTRUCT = f"CONSTRUCT {{ ?s <{SDO}name> ?o }} WHERE {{ GRAPH <{A1}> {{ ?s <{SDO}name> ?o }} }}"


@pytest.mark.parametrize(
    ("accept", "media", "ox_format"),
    [
        (None, "text/turtle", "TURTLE"),
        ("application/n-triples", "application/n-triples", "N_TRIPLES"),
        ("application/ld+json", "application/ld+json", "JSON_LD"),
        ("application/trig", "application/trig", "TRIG"),
        ("application/json", "application/ld+json", "JSON_LD"),
    ],
)
def test_construct_formats(
    client: httpx.Client, accept: str | None, media: str, ox_format: str
) -> None:
    import pyoxigraph as ox

    headers = {"Accept": accept} if accept else {}
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    triples = {
        (q.subject.value, q.object.value)
        for q in ox.parse(r.content, format=getattr(ox.RdfFormat, ox_format))
    }
    assert triples == {
        (ID + "org/meta", "Meta"),
        (ID + "program/mci", "Model Capability Initiative"),
        (ID + "person/andrew-bosworth", "Andrew Bosworth"),
    }


def test_describe(client: httpx.Client) -> None:
    r = client.get(
        "/sparql",
        params={"query": f"DESCRIBE <{FACT}op1> FROM <{A1}>"},
        headers={"Accept": "text/turtle"},
    )
    # Oxigraph answers DESCRIBE from the default graph, where nothing is; what matters is the protocol.
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")


# --- errors ------------------------------------------------------------------------------


def test_malformed_query_is_400_with_one_line(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")
    assert r.text.startswith("malformed SPARQL")
    assert r.text.count("\n") == 1


@pytest.mark.parametrize(
    ("method", "kwargs", "status", "message"),
    [
        ("get", {}, 400, "no query given"),
        ("get", {"params": {"query": " "}}, 400, "empty query"),
        ("get", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "more than one query"),
        (
            "get",
            {"params": {"query": "ASK {}", "default-graph-uri": A1}},
            400,
            "default-graph-uri is not supported",
        ),
        (
            "get",
            {"params": {"query": "ASK {}", "format": "yaml"}},
            400,
            "format 'yaml' is not available",
        ),
        (
            "get",
            {"params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}},
            406,
            "cannot answer a ask query",
        ),
        (
            "post",
            {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}},
            415,
            "POST application/x-www-form-urlencoded",
        ),
        (
            "post",
            {"data": {"query": "ASK {}", "update": "CLEAR ALL"}},
            400,
            "either query= or update=",
        ),
        (
            "post",
            {"content": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}},
            400,
            "not UTF-8",
        ),
        ("get", {"params": {"update": "CLEAR ALL"}}, 400, "updates must be POSTed"),
    ],
)
def test_bad_requests(
    client: httpx.Client, method: str, kwargs: dict, status: int, message: str
) -> None:
    r = getattr(client, method)("/sparql", **kwargs)
    assert r.status_code == status, r.text
    assert message in r.text
    assert r.text.count("\n") == 1


def test_oversized_body_is_413(client: httpx.Client) -> None:
    r = client.post(
        "/sparql",
        content=b"#" * (1024 * 1024 + 1),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 413


# --- updates -----------------------------------------------------------------------------


def _updatable_store() -> OxigraphStore:
    store = OxigraphStore()
    if not hasattr(store, "update"):  # until OxigraphStore grows update() like SparqlStore's

        def update(text: str) -> None:
            try:
                store._store.update(text)
            except SyntaxError as exc:
                raise QueryError(f"malformed SPARQL update: {str(exc).splitlines()[0]}") from exc

        store.update = update  # type: ignore[attr-defined]
    return store


INSERT = f"INSERT DATA {{ GRAPH <{A1}> {{ <{ID}org/acme> <{SDO}name> 'Acme' }} }}"
ASK_ACME = f"ASK {{ GRAPH ?g {{ ?s <{SDO}name> 'Acme' }} }}"


def test_updates_refused_when_read_only(client: httpx.Client) -> None:
    auth = {"Authorization": "Bearer anything"}
    for kwargs in (
        {"data": {"update": INSERT}, "headers": auth},
        {
            "content": INSERT.encode(),
            "headers": {"Content-Type": "application/sparql-update", **auth},
        },
    ):
        r = client.post("/sparql", **kwargs)
        assert r.status_code == 403
        assert "read-only" in r.text
    assert client.get("/sparql", params={"query": ASK_ACME}).json()["boolean"] is False


def test_updates_need_the_token() -> None:
    store = _updatable_store()
    app = create_app(store, allow_update=True, token="s3cret")
    with serve_in_thread(app) as url, httpx.Client(base_url=url) as c:
        r = c.post("/sparql", data={"update": INSERT})
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        r = c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403
        r = c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Basic czNjcmV0"})
        assert r.status_code == 401
        assert c.get("/sparql", params={"query": ASK_ACME}).json()["boolean"] is False
        r = c.post(
            "/sparql",
            content=INSERT.encode(),
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer s3cret"},
        )
        assert r.status_code == 204
        assert c.get("/sparql", params={"query": ASK_ACME}).json()["boolean"] is True
        r = c.post(
            "/sparql",
            data={"update": f"CLEAR GRAPH <{A1}>"},
            headers={"Authorization": "Bearer s3cret"},
        )
        assert r.status_code == 204
        assert c.get("/sparql", params={"query": ASK_ACME}).json()["boolean"] is False
        r = c.post(
            "/sparql", data={"update": "INSERT DATA {"}, headers={"Authorization": "Bearer s3cret"}
        )
        assert r.status_code == 400 and r.text.count("\n") == 1


def test_serve_runs_uvicorn_on_loopback(tmp_path: Path) -> None:
    """serve() as `newskg serve` calls it: a real process, default host 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "from extract.serve import serve; from extract.store import OxigraphStore; "
        f"serve(OxigraphStore({str(tmp_path / 'store')!r}), port={port})"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"})
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"serve() did not start: {proc.stderr.read() if proc.stderr else ''}"
                    )
                time.sleep(0.1)
        assert r.json() == {"head": {}, "boolean": True}
    finally:
        proc.terminate()
        _, log = proc.communicate(timeout=10)
    assert proc.returncode in (0, -signal.SIGTERM)
    assert f"Uvicorn running on http://127.0.0.1:{port}" in log


def test_allow_update_without_token_refuses_to_start() -> None:
    with pytest.raises(UsageError, match="needs a token"):
        create_app(OxigraphStore(), allow_update=True)


# --- limits ------------------------------------------------------------------------------


def test_timeout_gives_503_and_the_server_stays_up() -> None:
    store = OxigraphStore()
    g = rdflib.Graph()
    for i in range(45):
        g.add((URIRef(f"{ID}x{i}"), URIRef(f"{NK}n"), Literal(i)))
    store.replace_graph(A1, g)
    # A four-way cross product: 45^4 = 4.1 million solutions to count, seconds of work.
    slow = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?t ?w } }"
    )
    app = create_app(store, timeout=0.2, workers=1)
    fast = f"ASK {{ GRAPH ?g {{ <{ID}x3> ?p 3 }} }}"
    with serve_in_thread(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        r = c.get("/sparql", params={"query": slow})
        assert r.status_code == 503
        assert r.text == "query timed out after 0.2 s\n"
        assert r.headers["retry-after"] == "1"
        # The abandoned query still holds the only worker slot: a new one cannot start yet...
        assert c.get("/sparql", params={"query": fast}).status_code == 503
        # ...and once it has finished, the server answers again.
        deadline = time.monotonic() + 120
        while (r := c.get("/sparql", params={"query": fast})).status_code == 503:
            assert time.monotonic() < deadline, "the abandoned query never released its slot"
            time.sleep(0.2)
        assert r.status_code == 200 and r.json()["boolean"] is True


def test_result_cap_truncates_with_headers(store: OxigraphStore, portal: BlockingPortal) -> None:
    app = create_app(store, max_results=2)
    with in_process(app, portal) as c:
        r = c.get("/sparql", params={"query": NAMES_QUERY})
        assert r.status_code == 200
        assert _names(r.json()) == EXPECTED_NAMES[:2]
        assert r.headers["x-newskg-truncated"] == "true"
        assert r.headers["x-newskg-result-limit"] == "2"
        r = c.post(
            "/sparql", data={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"}
        )
        assert len(r.text.strip().splitlines()) == 2
        assert r.headers["x-newskg-truncated"] == "true"
        r = c.get("/sparql", params={"query": NAMES_QUERY + " LIMIT 2"})
        assert "x-newskg-truncated" not in r.headers


# --- named queries -----------------------------------------------------------------------


def test_list_queries(client: httpx.Client) -> None:
    r = client.get("/queries")
    assert r.status_code == 200
    listed = {q["name"]: q for q in r.json()}
    assert set(listed) == {"programs-of", "petitions-over"}
    pet = listed["petitions-over"]
    assert pet["title"] == "Large petitions"
    assert pet["description"] == "Petitions with at least this many signatures."
    assert pet["parameters"] == [
        {"name": "min", "type": "integer", "required": True, "description": "Fewest signatures."},
        {
            "name": "about",
            "type": "iri",
            "required": False,
            "description": "Only petitions against this program.",
        },
    ]
    assert "FILTER (?n >= ?min)" in pet["sparql"]


def test_project_queries_are_listed(store: OxigraphStore, portal: BlockingPortal) -> None:
    project = Path(__file__).resolve().parents[1] / "queries"
    if not any(project.glob("*.rq")):
        pytest.skip("no queries/*.rq in this checkout")
    with in_process(create_app(store), portal) as c:
        names = {q["name"] for q in c.get("/queries").json()}
    assert names == {p.stem for p in project.glob("*.rq")}


def test_named_query_with_typed_parameters(client: httpx.Client) -> None:
    r = client.get("/queries/petitions-over", params={"min": "1500"})
    assert r.status_code == 200
    rows = r.json()["results"]["bindings"]
    assert [(b["petition"]["value"], b["n"]["value"]) for b in rows] == [(FACT + "pet1", "2000")]
    r = client.get("/queries/petitions-over", params={"min": "500", "format": "csv"})
    assert r.text.splitlines() == ["petition,n", f"{FACT}pet1,2000", f"{FACT}pet2,1000"]
    # an IRI parameter, and a blank optional field counts as not given
    r = client.get("/queries/petitions-over", params={"min": "0", "about": ID + "program/xray"})
    assert [b["petition"]["value"] for b in r.json()["results"]["bindings"]] == [FACT + "pet2"]
    r = client.get("/queries/petitions-over", params={"min": "0", "about": ""})
    assert len(r.json()["results"]["bindings"]) == 2


def test_named_query_literal_parameter(client: httpx.Client) -> None:
    r = client.get("/queries/programs-of", params={"name": "Meta"}, headers={"Accept": "text/csv"})
    assert r.text.splitlines()[1:] == [f"{FACT}op1,{ID}program/mci", f"{FACT}op2,{ID}program/xray"]


@pytest.mark.parametrize(
    "evil",
    [
        'Meta" } UNION { ?fact ?p ?program } #',
        "Meta' } UNION { ?fact ?p ?program } #",
        "Meta\n} UNION { GRAPH ?h { ?fact ?p ?program } }",
        "Meta>",
    ],
)
def test_parameters_cannot_change_the_query(client: httpx.Client, evil: str) -> None:
    r = client.get("/queries/programs-of", params={"name": evil})
    assert r.status_code == 200
    assert r.json()["results"]["bindings"] == []


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("/queries/nope", {}, 404, "unknown query 'nope'"),
        ("/queries/petitions-over", {}, 400, "needs --param min"),
        ("/queries/petitions-over", {"min": "lots"}, 400, "not a valid integer"),
        ("/queries/petitions-over", {"min": "1", "about": "not an iri"}, 400, "not a valid iri"),
        (
            "/queries/petitions-over",
            {"min": "1", "colour": "red"},
            400,
            "has no parameter 'colour'",
        ),
    ],
)
def test_named_query_errors(
    client: httpx.Client, path: str, params: dict, status: int, message: str
) -> None:
    r = client.get(path, params=params)
    assert r.status_code == status
    assert message in r.text
    assert r.text.count("\n") == 1


# --- evidence ----------------------------------------------------------------------------


def test_evidence_page(client: httpx.Client) -> None:
    r = client.get("/evidence", params={"fact": FACT + "op2"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<blockquote>Meta also runs Project X-Ray.</blockquote>" in r.text
    assert f'<a href="{A2}">Another outlet on Meta</a> · characters 10–39' in r.text
    # the fact's own statements, entities by name
    assert "<td>nk:organization</td><td>Meta (id:org/meta)</td>" in r.text
    assert "<td>nk:program</td><td>Project X-Ray (id:program/xray)</td>" in r.text


def test_evidence_page_escapes_html(client: httpx.Client) -> None:
    r = client.get("/evidence", params={"fact": FACT + "q1"})
    assert "Bosworth said: &quot;we watch, carefully&quot;" in r.text


def test_evidence_json(client: httpx.Client) -> None:
    r = client.get("/evidence", params={"fact": FACT + "pet1", "format": "json"})
    assert r.json() == {
        "fact": FACT + "pet1",
        "evidence": [
            {
                "sentence": "Nearly 2,000 workers signed a petition.",
                "start": 44,
                "end": 83,
                "article": A1,
                "headline": "Meta tracks staff keystrokes",
            }
        ],
    }


def test_evidence_of_a_non_fact(client: httpx.Client) -> None:
    assert client.get("/evidence", params={"fact": ID + "org/meta"}).status_code == 404
    assert client.get("/evidence", params={"fact": "not an iri"}).status_code == 400
    assert client.get("/evidence").status_code == 400


def test_evidence_lookup_picks_out_facts(client: httpx.Client) -> None:
    asked = [FACT + "op1", ID + "org/meta", FACT + "pet2", "not an iri", A1]
    r = client.post("/evidence", data={"fact": asked})
    found = r.json()["facts"]
    assert set(found) == {FACT + "op1", FACT + "pet2"}
    assert found[FACT + "pet2"][0]["sentence"] == "A thousand signed."


# --- the page ----------------------------------------------------------------------------


def test_page_and_static_files(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<textarea id="sparql"' in r.text
    for path, kind in (("/static/app.js", "javascript"), ("/static/style.css", "text/css")):
        r = client.get(path)
        assert r.status_code == 200 and kind in r.headers["content-type"]


def test_json_results_are_utf8(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND ('Zoë — ✓' AS ?x) }"})
    assert (
        json.loads(r.content.decode("utf-8"))["results"]["bindings"][0]["x"]["value"] == "Zoë — ✓"
    )


# --- the same endpoint in front of a remote SPARQL server ------------------------------


@pytest.fixture(scope="module")
def remote_store() -> Iterator[Any]:
    """A throw-away ``oxigraph serve`` on 127.0.0.1, reached through SparqlStore."""
    from servers import oxigraph_binary, run_oxigraph_server

    from extract.store import open_store

    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph)")
    with run_oxigraph_server() as server:
        store = open_store(**server.store_kwargs())
        load_data(store)  # type: ignore[arg-type]
        yield store
        store.close()


def test_remote_store_behind_the_endpoint(remote_store: Any, queries_dir: Path) -> None:
    app = create_app(remote_store, queries_dir=queries_dir, allow_update=True, token="t0k")
    with serve_in_thread(app) as url, httpx.Client(base_url=url, timeout=30) as c:
        assert _names(c.get("/sparql", params={"query": NAMES_QUERY}).json()) == EXPECTED_NAMES
        r = c.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p }"})
        assert r.status_code == 400 and r.text.count("\n") == 1
        r = c.get("/queries/petitions-over", params={"min": "1500", "format": "csv"})
        assert r.text.splitlines() == ["petition,n", f"{FACT}pet1,2000"]
        evil = c.get(
            "/queries/programs-of", params={"name": 'Meta" } UNION { ?fact ?p ?program } #'}
        )
        assert evil.status_code == 200 and evil.json()["results"]["bindings"] == []
        found = c.post("/evidence", data={"fact": [FACT + "op2", ID + "org/meta"]}).json()["facts"]
        assert list(found) == [FACT + "op2"]
        assert found[FACT + "op2"][0]["headline"] == "Another outlet on Meta"
        assert "Meta (id:org/meta)" in c.get("/evidence", params={"fact": FACT + "op2"}).text
        r = c.post("/sparql", data={"update": INSERT})
        assert r.status_code == 401
        r = c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer t0k"})
        assert r.status_code == 204
        assert c.get("/sparql", params={"query": ASK_ACME}).json()["boolean"] is True
