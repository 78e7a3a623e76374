"""Named queries: documented headers, typed binding, answers on a real embedded store."""

from __future__ import annotations

import pytest
from rdflib import XSD, Literal, URIRef

from extract.errors import BadParameter, QueryError, UnknownQuery
from extract.graph import RunInfo, to_graph
from extract.query import (
    bind_params,
    get_query,
    list_queries,
    parse_param_options,
    run_named,
    run_query,
)
from extract.records import Article, Evidence, Fact
from extract.store import OxigraphStore

REQUIRED = {
    "programs-by-operator",
    "program-data",
    "program-timeline",
    "petitions",
    "money-by-organization",
    "quotes-about",
    "fact-evidence",
}

RUN = RunInfo(model="test 0")


def _article(url: str, text: str) -> Article:
    return Article(source=url, url=url, title="t " + url, text=text, published="2026-11-23")


def _fact(url: str, sentence: str, type_: str, **fields: object) -> Fact:
    return Fact(type_, dict(fields), Evidence(url, sentence, 0, len(sentence)), 0.9)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    s = OxigraphStore(tmp_path_factory.mktemp("store"))
    a, b = "https://a.example.org/1", "https://b.example.org/2"
    ta, tb = "Meta paused MCI.", "Meta Platforms was fined."
    s.replace_graph(
        a,
        to_graph(
            _article(a, ta),
            [
                _fact(
                    a, ta, "operates", organization="Meta", program="Model Capability Initiative"
                ),
                _fact(a, ta, "collects", program="Model Capability Initiative", data="keystrokes"),
                _fact(
                    a, ta, "collects", program="Model Capability Initiative", data="mouse clicks"
                ),
                _fact(
                    a,
                    ta,
                    "status",
                    program="Model Capability Initiative",
                    action="paused",
                    date="2026-11-23",
                ),
                _fact(
                    a,
                    ta,
                    "status",
                    program="Model Capability Initiative",
                    action="launched",
                    date="2026-09",
                ),
                _fact(
                    a,
                    ta,
                    "petition",
                    target="Model Capability Initiative",
                    signatures=2000,
                    qualifier="nearly",
                ),
                _fact(
                    a,
                    ta,
                    "spend",
                    organization="Meta",
                    amount=145000000000,
                    currency="USD",
                    purpose="AI",
                ),
                _fact(a, ta, "quote", speaker="Meta spokesman", text="We have no indication"),
            ],
            RUN,
        ),
    )
    s.replace_graph(
        b,
        to_graph(
            _article(b, tb),
            [
                _fact(
                    b, tb, "operates", organization="Meta", program="Model Capability Initiative"
                ),
                _fact(
                    b,
                    tb,
                    "penalty",
                    organization="Meta",
                    amount=32000000,
                    currency="EUR",
                    authority="CNIL",
                ),
            ],
            RUN,
        ),
    )
    return s


def test_required_queries_exist_and_are_documented() -> None:
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= REQUIRED
    for q in queries.values():
        assert q.title and q.title != q.name, q.name
        assert len(q.description) > 20, q.name


def test_every_named_query_runs(store: OxigraphStore) -> None:
    for q in list_queries():
        params = {p.name: "Meta" for p in q.params if p.required}
        result = run_named(store, q.name, params)
        assert result.kind == "select"


def test_programs_by_operator_merges_articles(store: OxigraphStore) -> None:
    rows = run_named(store, "programs-by-operator").dicts()
    assert [(str(r["operator"]), str(r["program_name"]), int(r["articles"])) for r in rows] == [
        ("Meta", "Model Capability Initiative", 2)
    ]


def test_program_data_and_timeline(store: OxigraphStore) -> None:
    data = {
        str(r["data"])
        for r in run_named(
            store, "program-data", {"program": "model capability initiative"}
        ).dicts()
    }
    assert data == {"keystrokes", "mouse clicks"}
    timeline = [str(r["action"]) for r in run_named(store, "program-timeline").dicts()]
    assert timeline == ["launched", "paused"]  # ordered by date


def test_money_by_organization(store: OxigraphStore) -> None:
    rows = run_named(store, "money-by-organization", {"organization": "meta"}).dicts()
    got = {(str(r["kind"]), int(float(r["amount"])), str(r["currency"])) for r in rows}
    assert got == {("spend", 145000000000, "USD"), ("penalty", 32000000, "EUR")}


def test_petitions_and_quotes(store: OxigraphStore) -> None:
    (row,) = run_named(store, "petitions").dicts()
    assert int(row["signatures"]) == 2000 and str(row["qualifier"]) == "nearly"
    quotes = run_named(store, "quotes-about", {"organization": "Meta"}).dicts()
    assert [str(r["speaker_name"]) for r in quotes] == ["Meta spokesman"]
    assert run_named(store, "quotes-about", {"organization": "Nobody"}).rows == []


def test_fact_evidence_for_one_fact(store: OxigraphStore) -> None:
    petition = run_named(store, "petitions").dicts()[0]["fact"]
    rows = run_named(store, "fact-evidence", {"fact": str(petition)}).dicts()
    assert len(rows) == 1
    assert str(rows[0]["sentence"]) == "Meta paused MCI." and str(rows[0]["type"]) == "petition"


@pytest.mark.parametrize(
    "evil",
    [
        'Meta" } UNION { ?s ?p ?o } #',
        "Meta'\n} ; DROP ALL",
        "}}}{{{",
        'x" . FILTER(true) . "',
        "<http://evil>",
    ],
)
def test_injection_is_bound_as_a_literal(store: OxigraphStore, evil: str) -> None:
    before = len(store)
    assert run_named(store, "programs-by-operator", {"organization": evil}).rows == []
    assert run_named(store, "quotes-about", {"organization": evil}).rows == []
    assert len(store) == before


def test_binding_types() -> None:
    q = get_query("fact-evidence")
    b = bind_params(q, {"fact": "https://w3id.org/newskg/fact/x", "entity": "Meta"})
    assert b == {"fact": URIRef("https://w3id.org/newskg/fact/x"), "entity": Literal("Meta")}
    with pytest.raises(BadParameter):
        bind_params(q, {"fact": "not an iri"})
    with pytest.raises(BadParameter):
        bind_params(q, {"nope": "x"})
    with pytest.raises(BadParameter):
        bind_params(get_query("quotes-about"), {})


def test_param_option_parsing() -> None:
    assert parse_param_options(["a=1", "b=x=y"]) == {"a": "1", "b": "x=y"}
    with pytest.raises(BadParameter):
        parse_param_options(["novalue"])


def test_unknown_and_malformed(store: OxigraphStore) -> None:
    with pytest.raises(UnknownQuery):
        get_query("no-such-query")
    with pytest.raises(QueryError):
        run_query(store, "SELECT ?x WHERE { ?x ")


def test_inline_sparql_with_typed_param(store: OxigraphStore) -> None:
    result = run_query(
        store,
        "PREFIX nk: <https://w3id.org/newskg/ns#> SELECT ?f WHERE { GRAPH ?g { ?f nk:signatures ?n } }",
        {},
    )
    assert len(result.rows) == 1
    assert Literal("2000", datatype=XSD.integer) is not None
