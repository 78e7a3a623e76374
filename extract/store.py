"""Triple stores: one :class:`Store` protocol, two implementations.

- :class:`OxigraphStore`: the embedded on-disk Oxigraph (pyoxigraph), the default.
- :class:`SparqlStore`: any SPARQL 1.1 server (query, update and Graph Store HTTP Protocol
  endpoints, HTTP Basic or Digest auth), e.g. Oxigraph server or Virtuoso.

The store knows nothing about articles: it holds named graphs of RDF and answers SPARQL.
Values cross this boundary as rdflib terms so that every implementation looks the same to
the rest of newskg. Query parameters are bound by :func:`extract.sparql.bind_values` on
both kinds of store, so a parameter can never change a query's shape.

>>> store = open_store()  # in memory
>>> g = rdflib.Graph(); _ = g.add((URIRef("urn:a"), URIRef("urn:p"), RdfLiteral("x")))
>>> store.replace_graph("urn:g", g)
>>> store.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {"o": RdfLiteral("x")}).rows
[(rdflib.term.URIRef('urn:a'),)]
"""

from __future__ import annotations

import json
import logging
import urllib.error
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

import httpx
import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Identifier, URIRef
from rdflib.term import Literal as RdfLiteral

from .errors import BadParameter, QueryError, StoreError
from .sparql import bind_values, iri, query_form, term_to_sparql

log = logging.getLogger(__name__)

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Dump / import formats by name and by file extension.
FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "turtle": ox.RdfFormat.TURTLE,
}
_EXTENSIONS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".nt": "ntriples",
    ".ttl": "turtle",
}


@dataclass(slots=True)
class QueryResult:
    """The answer to a SPARQL query, whatever store answered it.

    ``kind`` is ``select`` (``variables`` and ``rows``), ``ask`` (``boolean``) or ``graph``
    (``triples``, for CONSTRUCT and DESCRIBE). Terms are rdflib terms; unbound is ``None``.
    """

    kind: Literal["select", "ask", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: rdflib.Graph | None = None

    def dicts(self) -> list[dict[str, Identifier | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


class Store(Protocol):
    """What newskg needs of a triple store."""

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        """Atomically replace the named graph ``graph`` with the triples of ``data``."""

    def remove_graph(self, graph: str) -> None:
        """Remove the named graph ``graph`` (no error if absent)."""

    def update(self, sparql_update: str) -> None:
        """Run one SPARQL 1.1 Update request (QueryError if malformed)."""

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        """Run a SPARQL query; ``bindings`` pre-bind variables (names without '?')."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs in the store."""

    def export(self, fmt: str, out: BinaryIO) -> None:
        """Write every named graph to ``out`` as ``trig`` or ``nquads``."""

    def import_file(self, path: str | Path, fmt: str | None = None) -> None:
        """Load a dump; each named graph in it replaces the store's graph of that name."""

    def __len__(self) -> int:
        """Number of quads in the store."""

    def close(self) -> None: ...


def format_of(path: str | Path, fmt: str | None) -> str:
    """The format name for ``path`` (``fmt`` if given, else from the file extension)."""
    name = fmt or _EXTENSIONS.get(Path(path).suffix.lower())
    if name not in FORMATS:
        known = ", ".join(FORMATS)
        raise StoreError(f"unknown RDF format {fmt or Path(path).suffix!r} (use one of {known})")
    return name


def _dump_format(fmt: str) -> ox.RdfFormat:
    if fmt not in ("trig", "nquads"):
        raise StoreError(f"cannot export as {fmt!r}: use trig or nquads")
    return FORMATS[fmt]


def _first_line(exc: BaseException | str) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --- rdflib <-> pyoxigraph terms -------------------------------------------------------


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term: {term!r}")


def _graph_iri(graph: str) -> str:
    try:
        return iri(graph)
    except BadParameter as exc:
        raise StoreError(f"not a valid graph IRI: {graph!r}") from exc


def _triple_lines(data: Iterable[tuple[Identifier, Identifier, Identifier]]) -> list[str]:
    """N-Triples lines; a term that could break out of its place is refused, not written."""
    memo: dict[Identifier, str] = {}  # predicates and entity IRIs repeat a lot

    def text(term: Identifier) -> str:
        out = memo.get(term)
        if out is None:
            out = memo[term] = term_to_sparql(term)
        return out

    try:
        return [f"{text(s)} {text(p)} {term_to_sparql(o)} ." for s, p, o in data]
    except BadParameter as exc:
        raise StoreError(f"cannot store the data: {exc}") from exc


# --- the embedded store --------------------------------------------------------------------


class OxigraphStore:
    """The embedded store: pyoxigraph on disk (``path``) or in memory (``path=None``).

    Every :meth:`replace_graph` is one SPARQL update, i.e. one transaction: a reader (or a
    process killed with SIGKILL mid-load) sees an article's old graph or its new one, never
    half of it. Readers in the same process may query while a writer thread loads.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.read_only = read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the store at {path} is in use by another process (stop it, or open the "
                    "store read-only)"
                ) from exc
            raise StoreError(f"cannot open store at {path}: {_first_line(exc)}") from exc
        self.path = path

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        g = _graph_iri(graph)
        body = "\n".join(_triple_lines(data))
        try:
            self._store.update(
                f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
            )
        except OSError as exc:
            raise StoreError(f"cannot write graph {graph}: {_first_line(exc)}") from exc
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph}: {_first_line(exc)}") from exc

    def update(self, sparql_update: str) -> None:
        """Run one SPARQL 1.1 Update (one transaction)."""
        try:
            self._store.update(sparql_update)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {_first_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"update failed: {_first_line(exc)}") from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"update failed: {_first_line(exc)}") from exc

    def remove_graph(self, graph: str) -> None:
        try:
            self._store.update(f"DROP SILENT GRAPH {_graph_iri(graph)}")
        except OSError as exc:
            raise StoreError(f"cannot remove graph {graph}: {_first_line(exc)}") from exc

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        text = bind_values(sparql, bindings)
        try:
            answer = self._store.query(text)
            return _result_from_ox(answer)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {_first_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {_first_line(exc)}") from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def export(self, fmt: str, out: BinaryIO) -> None:
        try:
            self._store.dump(out, _dump_format(fmt))
        except OSError as exc:
            raise StoreError(f"export failed: {_first_line(exc)}") from exc

    def import_file(
        self, path: str | Path, fmt: str | None = None, *, lenient: bool = False
    ) -> None:
        """Bulk-load a dump (Oxigraph's bulk loader), replacing the graphs it contains.

        ``lenient=True`` skips the loader's IRI and literal validation (a little faster):
        only for files newskg wrote itself, e.g. its own export or the benchmark corpus.

        The bulk loader is fast but not transactional: if it is killed, run the import again
        (graphs named in the file are dropped first, so a re-run converges).
        """
        rdf_format = FORMATS[format_of(path, fmt)]
        try:
            if self._has_quads():
                # One parse first finds the graphs to replace, and refuses a bad file before
                # anything is dropped; having validated the whole file, the load can skip that.
                named = {
                    q.graph_name.value
                    for q in ox.parse(path=str(path), format=rdf_format, lenient=lenient)
                    if isinstance(q.graph_name, ox.NamedNode)
                }
                for graph in named:
                    self._store.remove_graph(ox.NamedNode(graph))
                lenient = True
            self._store.bulk_load(path=str(path), format=rdf_format, lenient=lenient)
        except SyntaxError as exc:
            raise StoreError(f"cannot import {path}: {_first_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"cannot import {path}: {_first_line(exc)}") from exc

    def _has_quads(self) -> bool:
        # Cheaper than len(): that counts every quad of a big store.
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is not None

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if hasattr(self, "_store"):
            if self.path is not None and not self.read_only:
                self._store.flush()
            del self._store


def _result_from_ox(answer: object) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [tuple(from_ox(sol[v]) for v in variables) for sol in answer]
        return QueryResult(kind="select", variables=variables, rows=rows)
    graph = rdflib.Graph()
    for t in answer:  # QueryTriples
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return QueryResult(kind="graph", triples=graph)


def iter_quads(store: OxigraphStore) -> Iterator[ox.Quad]:
    return iter(store._store.quads_for_pattern(None, None, None, None))


# --- remote SPARQL 1.1 servers -------------------------------------------------------------

#: Graphs a server keeps for itself (Virtuoso's system graphs); never listed or exported.
SYSTEM_GRAPH_PREFIXES = (
    "http://www.openlinksw.com/",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/",
    "http://www.w3.org/2002/07/owl",
    "urn:activitystreams-owl:map",
    "urn:core:services:sparql",
    "virtrdf:",
)


class SparqlStore:
    """A remote SPARQL 1.1 server.

    ``endpoint`` answers queries (through SPARQLWrapper); ``update_endpoint`` (default: the
    query endpoint) takes SPARQL 1.1 Update; ``graph_store`` (optional) is a Graph Store HTTP
    Protocol endpoint, used to PUT a whole article graph in one request. ``user`` and
    ``password`` authenticate with HTTP Basic or Digest (``auth``; by default whichever the
    server asks for in its 401 challenge).

    :meth:`replace_graph` is one HTTP request per article (a graph-store PUT, else
    ``DROP SILENT GRAPH; INSERT DATA`` in one update), so each article is replaced as a whole
    by servers that run one request as one transaction (Oxigraph, Virtuoso).
    """

    #: Triples per update request when no graph store is given (servers cap request sizes).
    chunk_size = 5000

    def __init__(
        self,
        endpoint: str,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        auth: Literal["basic", "digest"] | None = None,
        timeout: float = 60.0,
        ignore_graphs: tuple[str, ...] = SYSTEM_GRAPH_PREFIXES,
    ) -> None:
        for url in (endpoint, update_endpoint, graph_store):
            if url is not None and not url.startswith(("http://", "https://")):
                raise StoreError(f"not an HTTP(S) endpoint URL: {url!r}")
        if password is not None and user is None:
            raise StoreError("a password needs a user (--user)")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store
        self.user = user
        self.password = password or ""
        self.timeout = timeout
        self.ignore_graphs = ignore_graphs
        self._auth_kind = auth
        self._client = httpx.Client(timeout=timeout)

    # -- authentication --

    def _scheme(self) -> str | None:
        """``basic`` or ``digest``: what the server asks for (probed once, unauthenticated)."""
        if self.user is None:
            return None
        if self._auth_kind is None:
            try:
                resp = self._client.post(self.update_endpoint, data={"query": "ASK {}"})
            except httpx.HTTPError as exc:
                raise StoreError(
                    f"cannot reach {self.update_endpoint}: {_first_line(exc)}"
                ) from exc
            challenge = resp.headers.get("www-authenticate", "")
            self._auth_kind = "digest" if challenge.lower().startswith("digest") else "basic"
        return self._auth_kind

    def _httpx_auth(self) -> httpx.Auth | None:
        scheme = self._scheme()
        if scheme is None:
            return None
        assert self.user is not None
        if scheme == "digest":
            return httpx.DigestAuth(self.user, self.password)
        return httpx.BasicAuth(self.user, self.password)

    # -- queries --

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        from SPARQLWrapper import DIGEST, JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import (
            EndPointNotFound,
            QueryBadFormed,
            SPARQLWrapperException,
            Unauthorized,
        )

        text = bind_values(sparql, bindings)
        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.timeout))
        wrapper.setQuery(text)
        if self.user is not None:
            wrapper.setHTTPAuth(DIGEST if self._scheme() == "digest" else "BASIC")
            wrapper.setCredentials(self.user, self.password)
        form = query_form(text)
        if form == "UPDATE":
            raise QueryError("this is a SPARQL update, not a query")
        if form is not None:  # SPARQLWrapper's own guess reads comments ("# ... loaded" = LOAD)
            wrapper.queryType = form
        is_graph = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if is_graph else JSON)
        try:
            response = wrapper.query().response
            body = response.read()
            content_type = response.headers.get("Content-Type", "")
        except QueryBadFormed as exc:
            raise QueryError(f"malformed SPARQL: {_server_message(exc)}") from exc
        except Unauthorized as exc:
            raise StoreError(f"authentication failed at {self.endpoint}") from exc
        except EndPointNotFound as exc:
            raise StoreError(f"no SPARQL endpoint at {self.endpoint} (HTTP 404)") from exc
        except SPARQLWrapperException as exc:
            raise QueryError(f"query failed at {self.endpoint}: {_server_message(exc)}") from exc
        except urllib.error.HTTPError as exc:
            raise StoreError(f"query failed at {self.endpoint}: HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach {self.endpoint}: {_first_line(str(reason))}") from exc
        if is_graph:
            return _graph_result(body, content_type)
        return _result_from_json(body, self.endpoint)

    # -- writes --

    def _send(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        try:
            resp = self._client.request(method, url, auth=self._httpx_auth(), **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach {url}: {_first_line(exc)}") from exc
        if resp.status_code in (401, 403):
            raise StoreError(f"authentication failed at {url} (HTTP {resp.status_code})")
        if resp.status_code >= 400:
            message = _first_line(resp.text) if resp.text.strip() else resp.reason_phrase
            if resp.status_code == 400 and url == self.update_endpoint:
                raise QueryError(f"malformed SPARQL update: {message}")
            raise StoreError(f"{url} answered HTTP {resp.status_code}: {message}")
        return resp

    def update(self, sparql_update: str) -> None:
        """Send one SPARQL 1.1 Update request."""
        self._send(
            "POST",
            self.update_endpoint,
            content=sparql_update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        self._replace_lines(graph, list(data))

    def _replace_lines(
        self, graph: str, triples: list[tuple[Identifier, Identifier, Identifier]]
    ) -> None:
        g = _graph_iri(graph)
        if not triples:
            self.remove_graph(graph)
            return
        if self.graph_store:
            body = "\n".join(_triple_lines(triples)) + "\n"
            self._send(
                "PUT",
                self.graph_store,
                params={"graph": graph},
                content=body.encode("utf-8"),
                headers={"Content-Type": "application/n-triples; charset=utf-8"},
            )
            return
        # Triples with blank nodes go in the first request so a node's triples stay together;
        # Virtuoso refuses blank nodes in INSERT DATA, so that request uses INSERT ... WHERE {}.
        with_bnodes = [t for t in triples if any(isinstance(x, BNode) for x in t)]
        plain = [t for t in triples if not any(isinstance(x, BNode) for x in t)]
        first = with_bnodes + plain[: max(0, self.chunk_size - len(with_bnodes))]
        rest = plain[len(first) - len(with_bnodes) :]
        body = "\n".join(_triple_lines(first))
        insert = (
            f"INSERT {{ GRAPH {g} {{\n{body}\n}} }} WHERE {{}}"
            if with_bnodes
            else f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
        )
        self.update(f"DROP SILENT GRAPH {g} ;\n{insert}")
        for start in range(0, len(rest), self.chunk_size):
            chunk = "\n".join(_triple_lines(rest[start : start + self.chunk_size]))
            self.update(f"INSERT DATA {{ GRAPH {g} {{\n{chunk}\n}} }}")

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {_graph_iri(graph)}")

    # -- inspection, export, import --

    def _graph_filter(self) -> str:
        tests = [f'!STRSTARTS(STR(?g), "{p}")' for p in self.ignore_graphs]
        return f"FILTER ({' && '.join(tests)})" if tests else ""

    def graphs(self) -> list[str]:
        answer = self.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter()} }}"
        )
        return sorted(str(row[0]) for row in answer.rows if isinstance(row[0], URIRef))

    def __len__(self) -> int:
        answer = self.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._graph_filter()} }}"
        )
        return int(answer.rows[0][0]) if answer.rows and answer.rows[0][0] is not None else 0

    def export(self, fmt: str, out: BinaryIO) -> None:
        """Dump every named graph (one query per graph, so each stays under result caps)."""
        _dump_format(fmt)
        for graph in self.graphs():
            answer = self.query(
                "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)}
            )
            g = iri(graph)
            lines = _triple_lines((s, p, o) for s, p, o in answer.rows)  # type: ignore[misc]
            if fmt == "nquads":
                out.write("".join(f"{line[:-1]}{g} .\n" for line in lines).encode("utf-8"))
            else:
                block = "".join(f"  {line}\n" for line in lines)
                out.write(f"{g} {{\n{block}}}\n".encode())

    def import_file(self, path: str | Path, fmt: str | None = None) -> None:
        """Load a dump graph by graph (one :meth:`replace_graph` each)."""
        rdf_format = FORMATS[format_of(path, fmt)]
        graphs: dict[str, list[tuple[Identifier, Identifier, Identifier]]] = {}
        try:
            for quad in ox.parse(path=str(path), format=rdf_format):
                if not isinstance(quad.graph_name, ox.NamedNode):
                    raise StoreError(
                        f"cannot import {path}: a remote store takes named graphs only "
                        "(found a triple in the default graph)"
                    )
                triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
                graphs.setdefault(quad.graph_name.value, []).append(triple)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise StoreError(f"cannot import {path}: {_first_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"cannot import {path}: {_first_line(exc)}") from exc
        for graph, triples in graphs.items():
            self._replace_lines(graph, triples)

    def close(self) -> None:
        self._client.close()


def _server_message(exc: Exception) -> str:
    # SPARQLWrapper prefixes a generic sentence and appends "Response:\n b'...'".
    text = str(exc)
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        if text.startswith(("b'", 'b"')):
            text = text[2:-1].encode().decode("unicode_escape", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _term_from_json(value: dict[str, str]) -> Identifier:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    if lang:
        return RdfLiteral(value["value"], lang=lang)
    datatype = value.get("datatype")
    if datatype and datatype != XSD_STRING:
        return RdfLiteral(value["value"], datatype=URIRef(datatype))
    return RdfLiteral(value["value"])


def _result_from_json(body: bytes, endpoint: str) -> QueryResult:
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise StoreError(f"{endpoint} did not answer SPARQL JSON results") from exc
    if "boolean" in doc:
        return QueryResult(kind="ask", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = [
        tuple(_term_from_json(b[v]) if v in b else None for v in variables)
        for b in doc.get("results", {}).get("bindings", [])
    ]
    return QueryResult(kind="select", variables=variables, rows=rows)


def _graph_result(body: bytes, content_type: str) -> QueryResult:
    fmt = "nt" if "n-triples" in content_type else "turtle"
    if "rdf+xml" in content_type:
        fmt = "xml"
    graph = rdflib.Graph()
    graph.parse(data=body, format=fmt)
    return QueryResult(kind="graph", triples=graph)


def open_store(
    path: str | Path | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    read_only: bool = False,
) -> Store:
    """The remote store at ``endpoint`` if given, else the embedded store at ``path``.

    ``path=None`` without an endpoint opens an in-memory embedded store. ``read_only`` opens
    an on-disk store without taking its lock, so another process may be loading it.
    """
    if endpoint is None:
        if update_endpoint or graph_store or user:
            raise StoreError("--update-endpoint, --graph-store and --user need --endpoint")
        return OxigraphStore(path, read_only=read_only and path is not None)
    if path is not None:
        raise StoreError("give either a store directory or an --endpoint, not both")
    return SparqlStore(endpoint, update_endpoint, graph_store, user=user, password=password)
