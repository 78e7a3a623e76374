"""One node per real-world thing: name normalisation, aliases, acronyms, explanations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import RulesError
from extract.identity import (
    ID_BASE,
    KINDS,
    _lexicon,
    canonical_name,
    explain_merge,
    is_acronym,
    merge_reasons,
    mint_iri,
    normalise_name,
    resolve_names,
)
from extract.sparql import iri


def org(name: str) -> str:
    return str(mint_iri("organization", name))


@pytest.mark.parametrize(
    "names",
    [
        ["Meta", "Meta Platforms", "Meta Platforms Inc.", "Meta Platforms, Inc.", "META", "Meta's"],
        ["Information Commissioner's Office", "Information Commissioner’s Office", "ICO",
         "the ICO", "UK Information Commissioner's Office", "I.C.O."],
        ["Commission nationale de l'informatique et des libertés", "CNIL",
         "Commission Nationale de l’Informatique et des Libertés"],
        ["Amazon", "Amazon.com", "Amazon.com, Inc.", "Amazon Inc"],
        ["Acme Widgets", "Acme Widgets Ltd", "ACME WIDGETS LIMITED", "The Acme Widgets PLC",
         "Acme Widgets GmbH", "Acme Widgets S.A.", "Acme Widgets Corp.", "Acme Widgets LLC"],
    ],
)  # fmt: skip
def test_forms_of_one_organization_share_an_iri(names: list[str]) -> None:
    iris = {org(n) for n in names}
    assert len(iris) == 1, iris
    (only,) = iris
    assert only.startswith(ID_BASE + "organization/")


def test_iri_shape_and_distinct_things() -> None:
    assert org("Meta Platforms Inc.") == ID_BASE + "organization/meta"
    assert org("Amazon France Logistique") != org("Amazon")  # a subsidiary is its own node
    assert org("Meta") != org("Metal Box")
    assert str(mint_iri("person", "Andrew Bosworth")) == ID_BASE + "person/andrew-bosworth"
    assert mint_iri("person", "Dr Andrew Bosworth") == mint_iri("person", "Andrew Bosworth")
    # The same name is a different node when it is a different kind of thing.
    assert mint_iri("outlet", "Reuters") != mint_iri("organization", "Reuters")
    assert mint_iri("law", "GDPR") == mint_iri("law", "the General Data Protection Regulation")
    assert mint_iri("outlet", "BBC") == mint_iri("outlet", "BBC News")
    assert mint_iri("data", "keystroke data") == mint_iri("data", "Keystrokes")
    # Corporate suffixes are only dropped from organisations and outlets.
    assert mint_iri("program", "Loom Inc") != mint_iri("program", "Loom")


def test_names_without_ascii_letters_get_distinct_stable_slugs() -> None:
    a, b = org("北京公司"), org("上海公司")
    assert a != b and a == org("北京公司")
    assert org("Łódź Transit") != org("odz Transit")
    long = org("A" * 300)
    assert len(long) < len(ID_BASE) + 100


def test_mint_iri_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown entity kind"):
        mint_iri("planet", "Mars")
    with pytest.raises(ValueError, match="empty"):
        mint_iri("organization", " ... ")


def test_normalise_name() -> None:
    assert normalise_name("organization", "The Amazon.com, Inc.'s") == "amazon com"
    assert normalise_name("organization", "  Procter & Gamble Co.  ") == "procter and gamble"
    assert normalise_name("organization", "Co") == "co"  # never strips a name to nothing
    assert normalise_name("person", "Ms. Jane O’Neil") == "jane oneil"
    assert normalise_name("program", "The Model Capability Initiative") == (
        "model capability initiative"
    )


def test_acronyms() -> None:
    assert is_acronym("MCI", "Model Capability Initiative")
    assert is_acronym("TUC", "Trades Union Congress")
    assert is_acronym("CNIL", "Commission nationale de l'informatique et des libertés")
    assert is_acronym("ICO", "Information Commissioner's Office")
    assert not is_acronym("Meta", "Model Enterprise Technology Agency")  # not all capitals
    assert not is_acronym("MCI", "Meta Capability")
    assert not is_acronym("M", "Meta")
    resolved = resolve_names("program", ["MCI", "Model Capability Initiative", "Loom"])
    assert resolved == {
        "MCI": "Model Capability Initiative",
        "Model Capability Initiative": "Model Capability Initiative",
        "Loom": "Loom",
    }
    # Without the long form in the article, an unknown acronym stays itself.
    assert resolve_names("program", ["MCI"]) == {"MCI": "MCI"}


def test_explain_merge() -> None:
    why = explain_merge("organization", "Meta", "Meta Platforms Inc.")
    assert why is not None and "alias of 'Meta'" in why and "'Inc.'" in why
    why = explain_merge("organization", "ICO", "Information Commissioner's Office")
    assert why is not None and "acronym" in why and "aliases" not in why
    why = explain_merge("organization", "The Acme Co", "acme")
    assert why is not None and "The" in why and "suffix 'Co'" in why
    why = explain_merge("program", "MCI", "Model Capability Initiative")
    assert why is not None and "both appear in an article" in why
    assert explain_merge("organization", "Meta", "Amazon") is None
    assert explain_merge("organization", "Amazon France Logistique", "Amazon") is None


def test_merge_reasons_keep_every_form_explained() -> None:
    forms = ["Meta", "Meta Platforms", "Meta Platforms Inc."]
    reasons = merge_reasons("organization", forms)
    assert set(reasons) == {"Meta Platforms", "Meta Platforms Inc."}
    assert all("alias of 'Meta'" in r for r in reasons.values())
    assert canonical_name("organization", "meta platforms") == "Meta"


def test_alias_files_are_well_formed() -> None:
    table = _lexicon()
    kinds = {kind for kind, _ in table}
    assert {"organization", "law", "outlet", "data"} <= kinds <= set(KINDS)
    rules = Path(__file__).parents[1] / "extract" / "nlp" / "rules"
    for path in rules.glob("aliases_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for acronym in row.get("acronyms", []):
                    assert acronym.replace("-", "").replace(" ", "").isupper(), acronym


def test_conflicting_aliases_are_a_rules_error(tmp_path: Path) -> None:
    (tmp_path / "aliases_bad.jsonl").write_text(
        '{"kind": "organization", "name": "Alpha", "aliases": ["AB"]}\n'
        '{"kind": "organization", "name": "Beta", "aliases": ["AB"]}\n'
    )
    with pytest.raises(RulesError, match="already an alias"):
        _lexicon(tmp_path)
    (tmp_path / "aliases_bad.jsonl").write_text('{"kind": "planet", "name": "Mars"}\n')
    with pytest.raises(RulesError, match="kind"):
        _lexicon(tmp_path)


def test_iris_are_the_same_in_another_process() -> None:
    names = ["Meta Platforms Inc.", "北京公司", "Łódź Transit", "ICO"]
    code = (
        "import json, sys; from extract.identity import mint_iri; "
        "print(json.dumps([str(mint_iri('organization', n)) for n in json.loads(sys.argv[1])]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(Path(__file__).parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(names)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(out.stdout) == [org(n) for n in names]


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(KINDS), name=st.text(min_size=1, max_size=60))
def test_minting_is_pure_and_iris_are_valid(kind: str, name: str) -> None:
    try:
        first = mint_iri(kind, name)
    except ValueError:
        assert not normalise_name(kind, name)
        return
    assert mint_iri(kind, name) == first
    iri(str(first))  # a valid IRIREF: no spaces, quotes or brackets
    assert str(first).startswith(f"{ID_BASE}{kind}/")
    # The node's display name mints the same node.
    assert mint_iri(kind, canonical_name(kind, name)) == first


def test_two_outlets_one_company_node_conflicting_figures_kept() -> None:
    """The same story from two outlets: one company node, both articles, both figures."""
    from extract.graph import RunInfo, to_graph
    from extract.records import Article, Evidence, Fact
    from extract.store import OxigraphStore

    store = OxigraphStore()
    run = RunInfo(model="test-model 0")
    for url, company, signatures in (
        ("https://one.example.org/story", "Meta Platforms Inc.", 2000),
        ("https://two.example.org/story", "Meta", 2500),
    ):
        text = f"{company} runs the Model Capability Initiative. {signatures} workers signed."
        facts = [
            Fact("operates", {"organization": company, "program": "Model Capability Initiative"},
                 Evidence(url, text, 0, 40)),
            Fact("petition", {"target": "Model Capability Initiative", "signatures": signatures},
                 Evidence(url, text, 41, len(text))),
        ]  # fmt: skip
        article = Article(source=url, url=url, title="Story", text=text)
        store.replace_graph(url, to_graph(article, facts, run))
    rows = store.query(
        """PREFIX nk: <https://w3id.org/newskg/ns#>
        SELECT ?org (COUNT(DISTINCT ?article) AS ?n) WHERE {
          GRAPH ?article { ?f a nk:OperatesFact ; nk:organization ?org } } GROUP BY ?org"""
    ).rows
    assert [(str(org), int(n)) for org, n in rows] == [(ID_BASE + "organization/meta", 2)]  # type: ignore[arg-type]
    figures = store.query(
        """PREFIX nk: <https://w3id.org/newskg/ns#>
        SELECT ?article ?n WHERE { GRAPH ?article { ?f a nk:PetitionFact ; nk:signatures ?n } }
        ORDER BY ?n"""
    ).rows
    assert [(str(a), int(n)) for a, n in figures] == [  # type: ignore[arg-type]
        ("https://one.example.org/story", 2000),
        ("https://two.example.org/story", 2500),
    ]
    labels = store.query(
        "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?org <http://www.w3.org/2000/01/rdf-schema#label> ?l } }",
        {"org": mint_iri("organization", "Meta")},
    ).rows
    assert {str(row[0]) for row in labels} == {"Meta Platforms Inc.", "Meta"}  # every surface form


@pytest.mark.parametrize(
    "short, long",
    [
        ("FTC Act", "Federal Trade Commission Act"),
        ("DPDP Act", "Digital Personal Data Protection Act 2023"),
        ("UK GDPR", "UK General Data Protection Regulation"),
    ],
)
def test_a_law_written_short_is_the_node_of_its_long_name(short: str, long: str) -> None:
    # the facts keep a law as the story writes it; the graph still has one node per law
    assert mint_iri("law", short) == mint_iri("law", long)
