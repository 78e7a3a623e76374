"""The query page in a real headless Chromium (Debian's ``chromium``), driven by Playwright.

A person types SPARQL or picks a named query, fills its parameters, runs it and reads the
results table; fact IRIs link to their evidence sentence. Skipped, with the reason, when
Chromium or the ``playwright`` package is missing (``.ci/run`` installs both).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, XSD, Literal, Namespace, URIRef

from extract.serve import create_app, serve_in_thread
from extract.store import OxigraphStore

CHROMIUM = os.environ.get("NEWSKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)

# The flags this machine needs: no sandbox as root, and no background traffic to Google.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

NK = Namespace("https://w3id.org/newskg/ns#")
SDO = Namespace("https://schema.org/")
ID = "https://w3id.org/newskg/id/"
FACT = "https://w3id.org/newskg/fact/"
ARTICLE = "https://example.org/news/amazon-scanners"

PETITIONS = f"""# title: Petitions by size
# description: Petitions with at least this many signatures, largest first.
# param: min integer  Fewest signatures.
PREFIX nk: <{NK}>
PREFIX schema: <{SDO}>
SELECT ?petition ?target_name ?signatures WHERE {{
  GRAPH ?g {{
    ?petition a nk:PetitionFact ; nk:target ?target ; nk:signatures ?signatures .
    ?target schema:name ?target_name .
  }}
  FILTER (?signatures >= ?min)
}} ORDER BY DESC(?signatures)
"""


def _load(store: OxigraphStore) -> None:
    g = rdflib.Graph()
    a = URIRef(ARTICLE)
    g.add((a, RDF.type, SDO.NewsArticle))
    g.add((a, SDO.headline, Literal("Warehouse scanners under fire")))
    programs = {"scan": "Handheld Scanner Rate", "cam": "Driver Cameras", "idle": "Idle Time"}
    for key, name in programs.items():
        g.add((URIRef(ID + "program/" + key), SDO.name, Literal(name)))
    petitions = [("p1", "scan", 3200, 10), ("p2", "cam", 450, 120), ("p3", "idle", 1800, 300)]
    for key, program, count, start in petitions:
        fact, ev = URIRef(FACT + key), URIRef(FACT + key + "-evidence")
        sentence = f"{count} workers signed a petition against {programs[program]}."
        g.add((fact, RDF.type, NK.Fact))
        g.add((fact, RDF.type, NK.PetitionFact))
        g.add((fact, NK.target, URIRef(ID + "program/" + program)))
        g.add((fact, NK.signatures, Literal(count)))
        g.add((fact, NK.confidence, Literal("0.8", datatype=XSD.decimal)))
        g.add((fact, NK.evidence, ev))
        g.add((ev, NK.text, Literal(sentence)))
        g.add((ev, NK.start, Literal(start)))
        g.add((ev, NK.end, Literal(start + len(sentence))))
        g.add((ev, NK.article, a))
    store.replace_graph(ARTICLE, g)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    queries = tmp_path_factory.mktemp("queries")
    (queries / "petitions-by-size.rq").write_text(PETITIONS, "utf-8")
    store = OxigraphStore()
    _load(store)
    with serve_in_thread(create_app(store, queries_dir=queries)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1200, "height": 800},
        )
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    p = browser.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.goto(served + "/")
    yield p
    p.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def _table(page: Any) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#results-table tr",
        "rows => rows.map(r => [...r.children].map(c => c.firstChild ? c.firstChild.textContent : ''))",
    )


def test_typed_sparql_gives_a_table_with_evidence_links(page: Any, served: str) -> None:
    page.fill(
        "#sparql",
        f"SELECT ?fact ?n WHERE {{ GRAPH ?g {{ ?fact <{NK}signatures> ?n }} }} ORDER BY ?n",
    )
    page.click("#run")
    page.wait_for_selector("#results-table a.evidence-link")
    assert _table(page) == [
        ["fact", "n"],
        ["fact:p2", "450"],
        ["fact:p3", "1800"],
        ["fact:p1", "3200"],
    ]
    assert page.inner_text("#status").startswith("3 rows")
    links = page.eval_on_selector_all("a.evidence-link", "as => as.map(a => a.href)")
    assert len(links) == 3
    assert links[0] == served + "/evidence?fact=" + "https%3A%2F%2Fw3id.org%2Fnewskg%2Ffact%2Fp2"
    # the sentence shows on hover, and following the link shows it on the evidence page
    assert page.get_attribute("a.evidence-link", "title") == (
        "450 workers signed a petition against Driver Cameras."
    )
    page.click("a.evidence-link")
    page.wait_for_selector("blockquote")
    assert page.inner_text("blockquote") == "450 workers signed a petition against Driver Cameras."
    assert "Warehouse scanners under fire" in page.inner_text(".source")


def test_named_query_form(page: Any, tmp_path: Path) -> None:
    page.wait_for_selector("#named option[value='petitions-by-size']", state="attached")
    page.select_option("#named", "petitions-by-size")
    assert page.inner_text("#named-description") == (
        "Petitions with at least this many signatures, largest first."
    )
    field = page.locator("#param-min")
    assert field.get_attribute("type") == "number"
    assert page.inner_text("label[for='param-min']").startswith("min integer")
    field.fill("1000")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector("#results-table")
    assert _table(page) == [
        ["petition", "target_name", "signatures"],
        ["fact:p1", "Handheld Scanner Rate", "3200"],
        ["fact:p3", "Idle Time", "1800"],
    ]
    page.wait_for_selector("td.fact a.evidence-link")
    page.screenshot(path=str(tmp_path / "named-query.png"), full_page=True)
    shots = os.environ.get("NEWSKG_SCREENSHOTS")
    if shots:  # for a person to look at
        page.screenshot(path=str(Path(shots) / "newskg-page.png"), full_page=True)


def test_malformed_query_shows_the_error(page: Any) -> None:
    page.fill("#sparql", "SELECT ?x WHERE { ?x ?y }")
    page.press("#sparql", "Control+Enter")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error").startswith("400 malformed SPARQL")
    assert page.query_selector("#results-table") is None


def test_query_link_prefills_and_runs(browser: Any, served: str) -> None:
    page = browser.new_page()
    page.goto(served + "/?query=" + "ASK%20%7B%7D")
    page.wait_for_selector(".boolean")
    assert page.inner_text(".boolean") == "true"
    page.close()


def test_construct_shows_triples(page: Any) -> None:
    # CONSTRUCT answers arrive as N-Triples, which the page parses (escapes included).
    page.fill(
        "#sparql",
        f"CONSTRUCT {{ ?p <{SDO}name> ?n . ?p <{SDO}comment> 'tab\\tquote\\\"' }} "
        f"WHERE {{ GRAPH ?g {{ ?p <{SDO}name> ?n FILTER (STRSTARTS(?n, 'Idle')) }} }}",
    )
    page.click("#run")
    page.wait_for_selector("#results-table, #error:not([hidden])")
    assert page.inner_text("#error") == ""
    assert sorted(_table(page)[1:]) == [
        ["id:program/idle", "schema:comment", 'tab\tquote"'],
        ["id:program/idle", "schema:name", "Idle Time"],
    ]
    assert _table(page)[0] == ["subject", "predicate", "object"]
    assert page.inner_text("#status").startswith("2 triples ")
