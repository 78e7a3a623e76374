"""Parameter binding: no value can change a query's shape (property tests on the real parser)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from extract.errors import BadParameter, QueryError
from extract.sparql import bind_values, find_where_group, query_form, term_to_sparql
from extract.store import OxigraphStore

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return OxigraphStore()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40), lang=st.sampled_from([None, "en", "fr-CA"]))
def test_any_literal_is_one_term(store: OxigraphStore, text: str, lang: str | None) -> None:
    value = Literal(text, lang=lang)
    store.replace_graph("urn:g", _graph(value))
    q = f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s <{LABEL}> ?label }} }}"
    assert store.query(q, {"label": value}).rows == [(URIRef("urn:s"),)]
    assert store.query(q, {"label": Literal(text + "x", lang=lang)}).rows == []
    back = store.query(f"SELECT ?l WHERE {{ GRAPH ?g {{ <urn:s> <{LABEL}> ?l }} }}").rows
    assert back == [(value,)]


def _graph(value: Literal):  # type: ignore[no-untyped-def]
    import rdflib

    g = rdflib.Graph()
    g.add((URIRef("urn:s"), URIRef(LABEL), value))
    return g


@settings(max_examples=200, deadline=None)
@given(iri=st.text(max_size=30))
def test_iris_either_bind_exactly_or_are_refused(iri: str) -> None:
    try:
        text = term_to_sparql(URIRef("urn:" + iri))
    except BadParameter:
        with pytest.raises(ValueError):  # pyoxigraph agrees it is not an IRI
            ox.NamedNode("urn:" + iri)
        return
    parsed = list(ox.parse(f"<urn:s> <urn:p> {text} .", format=ox.RdfFormat.N_TRIPLES))
    assert parsed[0].object == ox.NamedNode("urn:" + iri)


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT * {"),
        ("PREFIX ex: <http://e/#where> SELECT ?x WHERE { ?x ex:where '{' }", "SELECT ?x WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } {"),
        ("SELECT (EXISTS { ?a ?b ?c } AS ?e) # WHERE {\n WHERE { ?s ?p ?o }", "\n WHERE {"),
        ('SELECT ?s """ { WHERE """ WHERE { }', '""" WHERE {'),
        ("ASK{?s ?p ?o}", "ASK{"),
    ],
)
def test_find_where_group(query: str, expect: str) -> None:
    at = find_where_group(query)
    assert query[: at + 1].endswith(expect)


def test_bind_values_errors() -> None:
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_values("DESCRIBE <urn:x>", {"x": Literal("y")})
    with pytest.raises(BadParameter):
        bind_values("SELECT * { ?s ?p ?o }", {"o} UNION {": Literal("y")})
    assert bind_values("SELECT * { ?s ?p ?o }", {}) == "SELECT * { ?s ?p ?o }"
    bound = bind_values("SELECT * WHERE { ?s ?p ?o }", {"?o": Literal(3), "s": URIRef("urn:a")})
    assert "VALUES (?o ?s)" in bound and '"3"^^<http://www.w3.org/2001/XMLSchema#integer>' in bound


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("# every article loaded, then dropped\nSELECT * { ?s ?p ?o }", "SELECT"),
        ("PREFIX select: <http://x/> ASK {}", "ASK"),
        ("BASE <http://x/#load> PREFIX : <y> DESCRIBE <z>", "DESCRIBE"),
        ("# SELECT\nconstruct where { ?s ?p ?o }", "CONSTRUCT"),
        ("DROP SILENT GRAPH <urn:g>", "UPDATE"),
        ("", None),
    ],
)
def test_query_form(query: str, form: str | None) -> None:
    assert query_form(query) == form
