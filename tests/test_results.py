"""extract.results: every format parsed back, content negotiation, short names."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib
from rdflib import XSD, BNode, Literal, URIRef

from extract.errors import UsageError
from extract.results import (
    CSV,
    JSONLD,
    NTRIPLES,
    SPARQL_JSON,
    SPARQL_XML,
    TRIG,
    TSV,
    TURTLE,
    FormatError,
    format_result,
    negotiate,
    nt_term,
    resolve_format,
)
from extract.store import QueryResult

EX = "https://example.org/"
SRX = "{http://www.w3.org/2005/sparql-results#}"
TRICKY = 'He said "no, never"\n\tthen left'


@pytest.fixture
def select() -> QueryResult:
    return QueryResult(
        kind="select",
        variables=["s", "label", "n"],
        rows=[
            (URIRef(EX + "meta"), Literal("Meta", lang="en"), Literal(2000)),
            (URIRef(EX + "mci"), Literal(TRICKY), None),
            (BNode("b0"), None, Literal("1.5", datatype=XSD.decimal)),
        ],
    )


@pytest.fixture
def graph() -> QueryResult:
    g = rdflib.Graph()
    g.add((URIRef(EX + "meta"), URIRef(EX + "operates"), URIRef(EX + "mci")))
    g.add((URIRef(EX + "mci"), URIRef(EX + "name"), Literal(TRICKY)))
    g.add((URIRef(EX + "mci"), URIRef(EX + "signatures"), Literal(2000)))
    return QueryResult(kind="graph", triples=g)


def test_json_round_trip(select: QueryResult) -> None:
    doc = json.loads(format_result(select, SPARQL_JSON))
    assert doc["head"]["vars"] == ["s", "label", "n"]
    rows = doc["results"]["bindings"]
    assert rows[0] == {
        "s": {"type": "uri", "value": EX + "meta"},
        "label": {"type": "literal", "value": "Meta", "xml:lang": "en"},
        "n": {"type": "literal", "value": "2000", "datatype": str(XSD.integer)},
    }
    assert rows[1]["label"] == {"type": "literal", "value": TRICKY}  # plain: no datatype key
    assert "n" not in rows[1]  # unbound is left out
    assert rows[2]["s"] == {"type": "bnode", "value": "b0"}


def test_json_is_what_pyoxigraph_parses(select: QueryResult) -> None:
    # A second, independent reader of the spec: Oxigraph's own results parser.
    import pyoxigraph as ox

    parsed = ox.parse_query_results(format_result(select, "json"), ox.QueryResultsFormat.JSON)
    rows = list(parsed)
    assert [v.value for v in parsed.variables] == ["s", "label", "n"]
    assert rows[1]["label"] == ox.Literal(TRICKY)
    assert rows[0]["n"] == ox.Literal("2000", datatype=ox.NamedNode(str(XSD.integer)))


def test_xml_round_trip(select: QueryResult) -> None:
    root = ET.fromstring(format_result(select, SPARQL_XML))
    assert [v.get("name") for v in root.iter(SRX + "variable")] == ["s", "label", "n"]
    results = root.findall(f"{SRX}results/{SRX}result")
    assert len(results) == 3
    first = {b.get("name"): b[0] for b in results[0]}
    assert first["s"].tag == SRX + "uri" and first["s"].text == EX + "meta"
    assert first["label"].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert first["n"].get("datatype") == str(XSD.integer) and first["n"].text == "2000"
    second = {b.get("name"): b[0] for b in results[1]}
    assert second["label"].text == TRICKY and set(second) == {"s", "label"}
    assert results[2].find(f"{SRX}binding/{SRX}bnode").text == "b0"


def test_xml_and_pyoxigraph_agree(select: QueryResult) -> None:
    import pyoxigraph as ox

    parsed = list(ox.parse_query_results(format_result(select, "xml"), ox.QueryResultsFormat.XML))
    assert parsed[0]["label"] == ox.Literal("Meta", language="en")
    assert parsed[1]["label"] == ox.Literal(TRICKY)


def test_csv_round_trip(select: QueryResult) -> None:
    data = format_result(select, CSV)
    assert data.startswith(b"s,label,n\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == ["s", "label", "n"]
    assert rows[1] == [EX + "meta", "Meta", "2000"]
    assert rows[2] == [EX + "mci", TRICKY, ""]
    assert rows[3] == ["_:b0", "", "1.5"]


def test_tsv_keeps_terms(select: QueryResult) -> None:
    lines = format_result(select, TSV).decode("utf-8").split("\n")
    assert lines[0] == "?s\t?label\t?n"
    assert lines[1].split("\t") == [f"<{EX}meta>", '"Meta"@en', f'"2000"^^<{XSD.integer}>']
    # tabs and newlines inside a literal are escaped, so each row stays one line of 3 cells
    assert lines[2].split("\t") == [f"<{EX}mci>", '"He said \\"no, never\\"\\n\\tthen left"', ""]
    assert lines[3].split("\t")[0] == "_:b0"
    assert lines[4] == ""  # final newline
    # and each cell is valid N-Triples again
    assert rdflib.Graph().parse(
        data=f"<{EX}x> <{EX}p> {lines[2].split(chr(9))[1]} .", format="nt"
    ).value(URIRef(EX + "x"), URIRef(EX + "p")) == Literal(TRICKY)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_ask(fmt: str) -> None:
    yes = format_result(QueryResult(kind="ask", boolean=True), fmt)
    no = format_result(QueryResult(kind="ask", boolean=False), fmt)
    if fmt == "json":
        assert json.loads(yes) == {"head": {}, "boolean": True}
        assert json.loads(no)["boolean"] is False
    elif fmt == "xml":
        assert ET.fromstring(yes).find(SRX + "boolean").text == "true"
        assert ET.fromstring(no).find(SRX + "boolean").text == "false"
    else:
        assert yes.strip() == b"true" and no.strip() == b"false"


@pytest.mark.parametrize(
    ("media", "ox_format"),
    [
        (TURTLE, "TURTLE"),
        (NTRIPLES, "N_TRIPLES"),
        (JSONLD, "JSON_LD"),
        ("application/rdf+xml", "RDF_XML"),
    ],
)
def test_graph_formats_round_trip(graph: QueryResult, media: str, ox_format: str) -> None:
    # Parsed back by Oxigraph: an independent reader, not the writer's own library.
    import pyoxigraph as ox

    triples = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in ox.parse(format_result(graph, media), format=getattr(ox.RdfFormat, ox_format))
    }
    assert triples == {(str(s), str(p), str(o)) for s, p, o in graph.triples}
    assert (EX + "mci", EX + "name", TRICKY) in triples


def test_trig_puts_triples_in_the_default_graph(graph: QueryResult) -> None:
    import pyoxigraph as ox

    quads = list(ox.parse(format_result(graph, TRIG), format=ox.RdfFormat.TRIG))
    assert len(quads) == 3
    assert all(q.graph_name == ox.DefaultGraph() for q in quads)
    assert ox.Literal(TRICKY) in {q.object for q in quads}


def test_nt_term_is_one_line() -> None:
    assert nt_term(Literal("a\nb")) == '"a\\nb"'
    assert nt_term(Literal("x", lang="fr")) == '"x"@fr'
    assert nt_term(URIRef(EX)) == f"<{EX}>"


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        (None, "select", SPARQL_JSON),
        ("", "graph", TURTLE),
        ("*/*", "select", SPARQL_JSON),
        ("text/csv", "select", CSV),
        ("text/csv;q=0.5, text/tab-separated-values", "select", TSV),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.4", "select", CSV),
        ("application/json", "select", SPARQL_JSON),
        ("application/json", "graph", JSONLD),
        ("text/*", "select", CSV),  # CSV before TSV in our order
        ("text/*", "graph", TURTLE),
        ("application/n-triples, */*;q=0.1", "graph", NTRIPLES),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "select", SPARQL_XML),
        ("application/sparql-results+json;q=0, */*", "ask", SPARQL_XML),  # q=0 means "not this"
    ],
)
def test_negotiate(accept: str | None, kind: str, expected: str) -> None:
    assert negotiate(accept, kind) == expected  # type: ignore[arg-type]


def test_negotiate_refuses_what_it_cannot_give() -> None:
    with pytest.raises(FormatError, match="cannot answer a select query"):
        negotiate("image/png", "select")
    with pytest.raises(FormatError):
        negotiate("text/csv", "graph")  # CSV is not a graph format


def test_short_names_and_errors(select: QueryResult) -> None:
    assert resolve_format("CSV", "select") == CSV
    assert resolve_format("ttl", "graph") == TURTLE
    assert resolve_format("application/json", "graph") == JSONLD
    assert format_result(select, "tsv") == format_result(select, TSV)
    with pytest.raises(FormatError, match="not available for select"):
        format_result(select, "turtle")
    with pytest.raises(UsageError):  # FormatError is a usage error: the CLI exits 2
        resolve_format("yaml", "select")
