"""Serialise a :class:`~extract.store.QueryResult` in the standard SPARQL result formats.

SELECT and ASK answers go out as SPARQL 1.1 Query Results JSON, XML, CSV or TSV; CONSTRUCT and
DESCRIBE answers (``kind == "graph"``) as Turtle, N-Triples, JSON-LD, TriG or RDF/XML.
:func:`negotiate` picks one from an HTTP ``Accept`` header, :func:`resolve_format` from a
short name (``csv``) or a media type, and :func:`format_result` writes the bytes::

    >>> from extract.store import QueryResult
    >>> from rdflib import Literal
    >>> r = QueryResult(kind="select", variables=["n"], rows=[(Literal(2),)])
    >>> format_result(r, "csv")
    b'n\\r\\n2\\r\\n'

The writers for the SPARQL result formats are our own (a few lines each) rather than
rdflib's, so that unbound values, language tags and datatypes come out exactly per the specs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

import rdflib
from rdflib.term import BNode, Identifier, URIRef
from rdflib.term import Literal as RdfLiteral

from .errors import UsageError
from .store import QueryResult

Kind = Literal["select", "ask", "graph"]

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
TRIG = "application/trig"
RDFXML = "application/rdf+xml"

# Per kind, in the server's order of preference (the first is the default).
MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "select": (SPARQL_JSON, SPARQL_XML, CSV, TSV),
    "ask": (SPARQL_JSON, SPARQL_XML, CSV, TSV),
    "graph": (TURTLE, NTRIPLES, JSONLD, TRIG, RDFXML),
}

# Short names (the ``format`` parameter, ``--format``) and other names clients send.
_ALIASES: dict[str, str] = {
    "json": SPARQL_JSON,
    "srj": SPARQL_JSON,
    "xml": SPARQL_XML,
    "srx": SPARQL_XML,
    "csv": CSV,
    "tsv": TSV,
    "turtle": TURTLE,
    "ttl": TURTLE,
    "ntriples": NTRIPLES,
    "nt": NTRIPLES,
    "n-triples": NTRIPLES,
    "jsonld": JSONLD,
    "json-ld": JSONLD,
    "trig": TRIG,
    "rdfxml": RDFXML,
    "rdf": RDFXML,
    "application/x-turtle": TURTLE,
    "text/plain": NTRIPLES,  # N-Triples' media type before 2014
}
# Generic names that mean a different concrete type depending on the kind of answer.
_GENERIC: dict[str, dict[str, str]] = {
    "application/json": {"select": SPARQL_JSON, "ask": SPARQL_JSON, "graph": JSONLD},
    "application/xml": {"select": SPARQL_XML, "ask": SPARQL_XML, "graph": RDFXML},
    "text/xml": {"select": SPARQL_XML, "ask": SPARQL_XML, "graph": RDFXML},
}

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class FormatError(UsageError):
    """No result format fits the request (an unknown name, or none for this kind of answer)."""


def content_type(media_type: str) -> str:
    """The ``Content-Type`` header value: every format we write is UTF-8."""
    return f"{media_type}; charset=utf-8"


def resolve_format(name: str, kind: Kind) -> str:
    """Map a short name (``csv``) or media type to the media type used for ``kind`` answers."""
    key = name.strip().lower()
    media = _GENERIC.get(key, {}).get(kind) or _ALIASES.get(key, key)
    if media not in MEDIA_TYPES[kind]:
        offered = ", ".join(MEDIA_TYPES[kind])
        raise FormatError(
            f"format {name!r} is not available for {kind} results (use one of: {offered})"
        )
    return media


def negotiate(accept_header: str | None, kind: Kind) -> str:
    """Pick the media type for a ``kind`` answer from an HTTP ``Accept`` header (RFC 9110).

    The highest ``q`` wins; ties go to the server's order in :data:`MEDIA_TYPES`. Raises
    :class:`FormatError` when the client accepts none of them (HTTP 406).
    """
    offered = MEDIA_TYPES[kind]
    if not accept_header or not accept_header.strip():
        return offered[0]
    ranges = _parse_accept(accept_header)
    best: tuple[float, int] | None = None
    chosen = None
    for order, media in enumerate(offered):
        q = _quality(media, kind, ranges)
        if q <= 0:
            continue
        if best is None or (q, -order) > best:
            best, chosen = (q, -order), media
    if chosen is None:
        raise FormatError(
            f"cannot answer a {kind} query in any of: {accept_header.strip()} "
            f"(available: {', '.join(offered)})"
        )
    return chosen


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(media: str, kind: Kind, ranges: Sequence[tuple[str, float]]) -> float:
    """q of the most specific range matching ``media`` (exact > alias > type/* > */*)."""
    best_rank, best_q = -1, 0.0
    major = media.split("/")[0]
    for rng, q in ranges:
        if rng == media:
            rank = 3
        elif _GENERIC.get(rng, {}).get(kind) == media or _ALIASES.get(rng) == media:
            rank = 2
        elif rng == f"{major}/*":
            rank = 1
        elif rng == "*/*":
            rank = 0
        else:
            continue
        if rank > best_rank:
            best_rank, best_q = rank, q
    return best_q


# --- writers ------------------------------------------------------------------------


def format_result(result: QueryResult, media_type: str) -> bytes:
    """Serialise ``result`` as ``media_type`` (or a short name such as ``csv``, ``json``)."""
    media = resolve_format(media_type, result.kind)
    if result.kind == "graph":
        return _graph(result.triples if result.triples is not None else rdflib.Graph(), media)
    writer = {SPARQL_JSON: _json, SPARQL_XML: _xml, CSV: _csv, TSV: _tsv}[media]
    return writer(result)


def _json(result: QueryResult) -> bytes:
    if result.kind == "ask":
        doc: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {
                var: _json_term(term)
                for var, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, RdfLiteral):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and str(term.datatype) != _XSD + "string":
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"not an RDF term: {term!r}")


def _xml(result: QueryResult) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n']
    out.append('<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head>\n')
    if result.kind == "ask":
        out.append("  </head>\n")
        out.append(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    out.extend(f"    <variable name={quoteattr(v)}/>\n" for v in result.variables)
    out.append("  </head>\n  <results>\n")
    for row in result.rows:
        out.append("    <result>\n")
        for var, term in zip(result.variables, row, strict=True):
            if term is not None:
                out.append(f"      <binding name={quoteattr(var)}>{_xml_term(term)}</binding>\n")
        out.append("    </result>\n")
    out.append("  </results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _xml_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(term)}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(term)}</bnode>"
    if isinstance(term, RdfLiteral):
        attr = ""
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype and str(term.datatype) != _XSD + "string":
            attr = f" datatype={quoteattr(str(term.datatype))}"
        return f"<literal{attr}>{_xml_text(term)}</literal>"
    raise TypeError(f"not an RDF term: {term!r}")


def _xml_text(value: str) -> str:
    # XML 1.0 cannot carry most C0 control characters even escaped; drop them.
    cleaned = "".join(c for c in value if c >= " " or c in "\t\n\r")
    return escape(cleaned)


def _csv(result: QueryResult) -> bytes:
    """SPARQL 1.1 CSV: plain values, so datatypes and language tags are lost (by the spec)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        writer.writerows(_csv_row(row) for row in result.rows)
    return buf.getvalue().encode("utf-8")


def _csv_row(row: Iterable[Identifier | None]) -> list[str]:
    return ["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row]


def _tsv(result: QueryResult) -> bytes:
    """SPARQL 1.1 TSV: ``?var`` headers and terms in N-Triples syntax, so nothing is lost."""
    if result.kind == "ask":
        return ("true" if result.boolean else "false").encode("utf-8") + b"\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines.extend("\t".join("" if t is None else nt_term(t) for t in row) for row in result.rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def nt_term(term: Identifier) -> str:
    """One term in N-Triples syntax, on one line (rdflib's ``n3()`` may use ``\"\"\"`` blocks)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, RdfLiteral):
        text = f'"{str(term).translate(_NT_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) not in (_XSD + "string", _RDF_LANGSTRING):
            return f"{text}^^<{term.datatype}>"
        return text
    raise TypeError(f"not an RDF term: {term!r}")


# A Turtle document is a TriG document whose triples are all in the default graph, which is
# where CONSTRUCT answers belong (rdflib's TriG writer would name a fresh blank-node graph).
_RDFLIB_FORMATS = {
    TURTLE: "turtle",
    NTRIPLES: "nt",
    JSONLD: "json-ld",
    TRIG: "turtle",
    RDFXML: "xml",
}


def _graph(graph: rdflib.Graph, media: str) -> bytes:
    data = graph.serialize(format=_RDFLIB_FORMATS[media], encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")
