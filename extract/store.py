"""Triple stores: one :class:`Store` protocol, an embedded on-disk Oxigraph implementation.

The store knows nothing about articles: it holds named graphs of RDF and answers SPARQL.
Values cross this boundary as rdflib terms so that every implementation (embedded Oxigraph,
any SPARQL 1.1 server) looks the same to the rest of newskg.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Identifier, URIRef
from rdflib.term import Literal as RdfLiteral

from .errors import QueryError, StoreError

log = logging.getLogger(__name__)


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

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        """Run a SPARQL query; ``bindings`` pre-bind variables (names without '?')."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs in the store."""

    def __len__(self) -> int:
        """Number of quads in the store."""

    def close(self) -> None: ...


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
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term: {term!r}")


class OxigraphStore:
    """The embedded store: pyoxigraph on disk (``path``) or in memory (``path=None``)."""

    def __init__(self, path: str | Path | None = None) -> None:
        try:
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise StoreError(f"cannot open store at {path}: {exc}") from exc
        self.path = path

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        g = ox.NamedNode(graph)
        nt = data.serialize(format="nt", encoding="utf-8")
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
        ]
        try:
            # One update = one transaction: readers see the old graph or the new one.
            self._store.update(f"DROP SILENT GRAPH <{graph}>")
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from exc

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> QueryResult:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            answer = self._store.query(sparql, substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {str(exc).splitlines()[0]}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from exc
        return _result_from_ox(answer)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
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


def open_store(path: str | Path | None = None) -> Store:
    """Open the embedded store at ``path`` (created if missing)."""
    return OxigraphStore(path)
