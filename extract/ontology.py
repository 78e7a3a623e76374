"""The newskg vocabulary as a closed rdflib namespace.

A misspelt term raises instead of minting a bad IRI (``_fail = True``, as rdflib's own FOAF).
``tests/test_ontology.py`` checks that every term here is declared in ``ontology/newskg.ttl``.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/newskg/ns#"
ID_BASE = "https://w3id.org/newskg/id/"
FACT_BASE = "https://w3id.org/newskg/fact/"
RUN_BASE = "https://w3id.org/newskg/run/"

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


class NK(DefinedNamespace):
    _NS = Namespace(NS)
    _fail = True

    # entities
    Entity: URIRef
    Organization: URIRef
    Person: URIRef
    Agent: URIRef
    Program: URIRef
    DataKind: URIRef
    Law: URIRef
    Outlet: URIRef
    # facts
    Fact: URIRef
    RoleFact: URIRef
    OperatesFact: URIRef
    CollectsFact: URIRef
    MonitorsFact: URIRef
    StatusFact: URIRef
    PetitionFact: URIRef
    SpendFact: URIRef
    ExposureFact: URIRef
    PenaltyFact: URIRef
    LawFact: URIRef
    QuoteFact: URIRef
    SourceFact: URIRef
    WorkforceFact: URIRef
    Evidence: URIRef
    ExtractionRun: URIRef
    # participants
    person: URIRef
    organization: URIRef
    program: URIRef
    data: URIRef
    target: URIRef
    authority: URIRef
    law: URIRef
    speaker: URIRef
    outlet: URIRef
    # values
    role: URIRef
    subjects: URIRef
    action: URIRef
    date: URIRef
    signatures: URIRef
    qualifier: URIRef
    signers: URIRef
    demand: URIRef
    amount: URIRef
    currency: URIRef
    purpose: URIRef
    period: URIRef
    description: URIRef
    provisional: URIRef
    jurisdiction: URIRef
    quoteText: URIRef
    count: URIRef
    group: URIRef
    extra: URIRef
    surfaceForms: URIRef
    # evidence, provenance
    evidence: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    article: URIRef
    confidence: URIRef
    model: URIRef
    software: URIRef
    mergeReason: URIRef
    # shortcuts
    operates: URIRef
    collects: URIRef
