"""The closed namespace, the ontology file and the SHACL shapes agree."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from extract.ontology import NK, ONTOLOGY_DIR


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "newskg.ttl")


def test_every_namespace_term_is_declared(ontology: Graph) -> None:
    declared = set(ontology.subjects(RDF.type, None))
    missing = [t for t in NK.__annotations__ if URIRef(str(NK._NS) + t) not in declared]
    assert missing == []


def test_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = NK.organisation  # British spelling is not a term


def test_every_declared_term_has_a_label(ontology: Graph) -> None:
    from rdflib import RDFS

    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    unlabeled = [
        s
        for k in kinds
        for s in ontology.subjects(RDF.type, k)
        if ontology.value(s, RDFS.label) is None
    ]
    assert unlabeled == []


def test_shapes_cover_every_fact_class(ontology: Graph) -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    sh = "http://www.w3.org/ns/shacl#"
    targets = set(shapes.objects(None, URIRef(sh + "targetClass")))
    fact_classes = {
        c
        for c in ontology.subjects(URIRef(str(RDF) + "type"), OWL.Class)
        if str(c).endswith("Fact")
    }
    assert fact_classes - {NK.Fact} <= targets
