"""SPARQL text helpers shared by every store: term serialisation and parameter binding.

Parameters are never pasted into a query as raw text. :func:`bind_values` serialises each
rdflib term itself (strict escaping, IRIs validated) and adds one ``VALUES`` block at the
start of the query's outermost WHERE group, so a value can only ever be a single RDF term:

>>> from rdflib import Literal
>>> bind_values("SELECT ?s WHERE { ?s ?p ?name }", {"name": Literal('x" } UNION {')})
'SELECT ?s WHERE { VALUES (?name) { ("x\\\\" } UNION {") } ?s ?p ?name }'

The same function serves the embedded store (pyoxigraph's ``substitutions`` refuses a
variable that is not in the SELECT projection) and remote servers (the SPARQL protocol has
no binding API), so both stores bind parameters identically.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib.term import BNode, Identifier, Literal, URIRef

from .errors import BadParameter, QueryError

# IRIREF of the SPARQL grammar: no spaces, controls or <>"{}|^`\ inside.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_IRI_BODY = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANGTAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BNODE_LABEL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.]*")
_LOCAL = re.compile(r":[^\s{}()<>,;]*")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def iri(value: str) -> str:
    """``<value>``, refusing anything that could end the IRI early (``>``, spaces, quotes)."""
    if not _IRI_BODY.fullmatch(value) or not value:
        raise BadParameter(f"not a valid IRI: {value!r}")
    try:
        ox.NamedNode(value)  # RFC 3987 too (no DEL, C1 controls, bad percent-escapes ...)
    except ValueError as exc:
        raise BadParameter(f"not a valid IRI: {value!r}") from exc
    return f"<{value}>"


def _escape(text: str) -> str:
    # Only ECHAR escapes: never \\u, which some servers decode before parsing the query.
    return "".join(_ESCAPES.get(c, c) for c in text)


def term_to_sparql(term: Identifier) -> str:
    """One rdflib term as SPARQL / N-Triples text (``<iri>``, ``"lit"@en``, ``_:b``)."""
    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, Literal):
        lexical = f'"{_escape(str(term))}"'
        if term.language:
            if not _LANGTAG.fullmatch(term.language):
                raise BadParameter(f"not a valid language tag: {term.language!r}")
            return f"{lexical}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{lexical}^^{iri(str(term.datatype))}"
        return lexical
    if isinstance(term, BNode):
        label = str(term)
        if not _BNODE_LABEL.fullmatch(label):
            label = "b" + re.sub(r"[^A-Za-z0-9]", "_", label)
        return f"_:{label}"
    raise BadParameter(f"not an RDF term: {term!r}")


def _skip_string(text: str, i: int) -> int:
    """Index just past the string literal starting at ``text[i]``."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while end != -1 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end == -1 else end + 3
    j = i + 1
    while j < len(text) and text[j] != quote and text[j] != "\n":
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _skip_inert(text: str, i: int) -> int | None:
    """Index past the comment, string or IRI starting at ``text[i]``, else None.

    Braces and keywords inside these never count, whatever scans the query.
    """
    c = text[i]
    if c == "#":
        end = text.find("\n", i)
        return len(text) if end == -1 else end + 1
    if c in "\"'":
        return _skip_string(text, i)
    if c == "<" and (m := _IRIREF.match(text, i)):
        return m.end()
    return None


def _escaped(text: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def find_where_group(sparql: str) -> int:
    """Index of the ``{`` that opens the query's outermost WHERE group, or -1.

    Comments, strings and IRIs are skipped, so braces or ``WHERE`` inside them do not count.
    A CONSTRUCT template (``CONSTRUCT { ... } WHERE { ... }``) is skipped too.
    """
    i, n = 0, len(sparql)
    depth = parens = 0
    form: str | None = None
    after_where = False
    skip_template = False
    while i < n:
        c = sparql[i]
        if (after := _skip_inert(sparql, i)) is not None:
            i = after
        elif c in "?$":
            m = _WORD.match(sparql, i + 1)
            i = m.end() if m else i + 1
        elif c == "(":
            parens += 1
            i += 1
        elif c == ")":
            parens -= 1
            i += 1
        elif c == "{":
            if depth == 0 and parens == 0:
                if form == "CONSTRUCT" and not after_where and not skip_template:
                    skip_template = True  # the template; the next top-level group is WHERE
                else:
                    return i
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            i += 1
        elif c.isalpha() or c == "_":
            m = _WORD.match(sparql, i)
            assert m is not None
            word = m.group(0)
            # A prefixed name (ex:where) or a keyword; only bare keywords matter.
            bare = sparql[m.end() : m.end() + 1] != ":" and sparql[i - 1 : i] != ":"
            if depth == 0 and parens == 0 and bare:
                upper = word.upper()
                if form is None and upper in {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}:
                    form = upper
                elif upper == "WHERE":
                    after_where = True
            i = m.end()
            if i < n and sparql[i] == ":":  # skip the local part of a prefixed name
                m2 = _LOCAL.match(sparql, i)
                i = m2.end() if m2 else i + 1
        else:
            i += 1
    return -1


_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``, ``UPDATE`` or None (unknown).

    Comments, strings and IRIs are skipped, so ``# every article loaded`` is not a LOAD.
    """
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if (after := _skip_inert(sparql, i)) is not None:
            i = after
        elif c.isalpha():
            m = _WORD.match(sparql, i)
            assert m is not None
            word, i = m.group(0).upper(), m.end()
            if sparql[i : i + 1] == ":":  # a prefix name (PREFIX select: <...>), not a keyword
                continue
            if word in _FORMS:
                return word
            if word in _UPDATES:
                return "UPDATE"
        else:
            i += 1
    return None


def bind_values(sparql: str, bindings: Mapping[str, Identifier] | None) -> str:
    """``sparql`` with ``bindings`` (variable name -> rdflib term) bound by a VALUES block."""
    if not bindings:
        return sparql
    names = []
    for name in bindings:
        bare = name[1:] if name[:1] in "?$" else name
        if not _VARNAME.fullmatch(bare):
            raise BadParameter(f"not a valid variable name: {name!r}")
        names.append(bare)
    terms = [term_to_sparql(term) for term in bindings.values()]
    at = find_where_group(sparql)
    if at == -1:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    values = f" VALUES ({' '.join('?' + v for v in names)}) {{ ({' '.join(terms)}) }}"
    return sparql[: at + 1] + values + sparql[at + 1 :]
