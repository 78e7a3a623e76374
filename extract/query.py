"""Named SPARQL queries (``queries/*.rq``) and typed parameter binding.

A named query is a ``.rq`` file whose leading comment header documents it::

    # title: Programs and their operators
    # description: Every surveillance program with the organization that runs it.
    # param: organization literal optional  Only this organization.

Parameters arrive as strings (``--param organization=Meta``) and are turned into typed RDF
terms here; the store binds them as terms. Nothing a user types is ever pasted into the
query text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from .errors import BadParameter, QueryError, UnknownQuery
from .store import QueryResult, Store

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PARAM_TYPES = ("literal", "iri", "integer", "decimal", "date")

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(\s+optional)?\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str = "literal"
    required: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "description": p.description,
                }
                for p in self.params
            ],
        }


def parse_query(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the comment header of a query file."""
    title, description, params = name, "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _HEADER.match(stripped)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm or pm.group(2) not in PARAM_TYPES:
                raise QueryError(
                    f"{name}: bad param header {value!r} (want: NAME TYPE [optional] TEXT)"
                )
            params.append(Param(pm.group(1), pm.group(2), pm.group(3) is None, pm.group(4).strip()))
    return NamedQuery(name, title, description, tuple(params), text, path)


def list_queries(directory: Path | None = None) -> list[NamedQuery]:
    directory = directory or QUERIES_DIR
    return [parse_query(p.read_text("utf-8"), p.stem, p) for p in sorted(directory.glob("*.rq"))]


def get_query(name: str, directory: Path | None = None) -> NamedQuery:
    directory = directory or QUERIES_DIR
    path = directory / f"{name}.rq"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise UnknownQuery(f"unknown query {name!r} (known: {known})")
    return parse_query(path.read_text("utf-8"), name, path)


def resolve_query(spec: str, directory: Path | None = None) -> NamedQuery:
    """``spec`` is a query name, a path to a ``.rq`` file, or SPARQL text."""
    if spec.endswith(".rq") and "\n" not in spec:
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"no such query file: {spec}")
        return parse_query(path.read_text("utf-8"), path.stem, path)
    if re.fullmatch(r"[\w-]+", spec):
        return get_query(spec, directory)
    return parse_query(spec, "(inline)")


def to_term(value: str, type_: str, name: str = "value") -> Identifier:
    """Turn a parameter string into a typed RDF term (``BadParameter`` if it isn't one)."""
    try:
        if type_ == "iri":
            iri = value.strip().removeprefix("<").removesuffix(">")
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", iri):
                raise ValueError("not an absolute IRI")
            return URIRef(iri)
        if type_ == "integer":
            return Literal(str(int(value)), datatype=XSD.integer)
        if type_ == "decimal":
            return Literal(str(Decimal(value)), datatype=XSD.decimal)
        if type_ == "date":
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise ValueError("not an ISO 8601 date")
            from .graph import date_literal

            return date_literal(value)
        return Literal(value)
    except (ValueError, InvalidOperation) as exc:
        raise BadParameter(f"parameter {name}: {value!r} is not a valid {type_} ({exc})") from exc


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, Identifier]:
    """Check ``params`` against the query's declared parameters and type them."""
    declared = {p.name: p for p in query.params}
    bindings: dict[str, Identifier] = {}
    for key, value in params.items():
        if key not in declared:
            if declared:
                raise BadParameter(
                    f"{query.name} has no parameter {key!r} (it takes: {', '.join(declared)})"
                )
            # Ad-hoc SPARQL: <...> is an IRI, anything else a plain literal.
            kind = "iri" if value.startswith("<") and value.endswith(">") else "literal"
            bindings[key] = to_term(value, kind, key)
            continue
        bindings[key] = to_term(value, declared[key].type, key)
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        raise BadParameter(f"{query.name} needs --param {missing[0]}=VALUE")
    return bindings


def parse_param_options(options: list[str]) -> dict[str, str]:
    """``["a=1", "b=x=y"]`` -> ``{"a": "1", "b": "x=y"}``."""
    params: dict[str, str] = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not re.fullmatch(r"\w+", key):
            raise BadParameter(f"--param wants KEY=VALUE, got {option!r}")
        params[key] = value
    return params


def run_query(store: Store, spec: str, params: Mapping[str, str] | None = None) -> QueryResult:
    query = resolve_query(spec)
    return store.query(query.sparql, bind_params(query, params or {}))


def run_named(store: Store, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
    query = get_query(name)
    return store.query(query.sparql, bind_params(query, params or {}))
