"""The newskg command line, run as a user runs it (subprocesses, real store, real HTTP server)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from support import EXAMPLES, ROOT, run_newskg

SAMPLE = sorted(EXAMPLES.glob("*.html"))[0]


def _one_line_error(proc) -> str:  # type: ignore[no-untyped-def]
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def test_article_json_from_file_and_url(site: str) -> None:
    url = f"{site}/{SAMPLE.name}"
    proc = run_newskg("article", str(SAMPLE), url)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in rows] == [str(SAMPLE), url]
    for row in rows:
        assert row["title"] and " | " not in row["title"]
        assert row["authors"] and row["published"].startswith("20")
        assert row["url"].startswith("https://") and "example.org" in row["url"]
        assert len(row["text"].split()) > 300
        assert "cookie" not in row["text"].lower()[:200]


@pytest.mark.parametrize(
    "fmt,parser",
    [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")],
)
def test_extract_rdf_formats_parse(fmt: str, parser: str) -> None:
    proc = run_newskg("extract", str(SAMPLE), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    ds = Dataset() if fmt != "turtle" else Graph()
    ds.parse(data=proc.stdout, format=parser)
    assert len(ds) > 50 or sum(1 for _ in ds.quads()) > 50  # type: ignore[union-attr]


def test_extract_facts_is_json_lines_per_facts_md() -> None:
    proc = run_newskg("extract", str(SAMPLE), "--format", "facts")
    assert proc.returncode == 0, proc.stderr
    facts = [json.loads(line) for line in proc.stdout.splitlines()]
    assert facts
    for fact in facts:
        assert {"type", "article", "evidence", "confidence"} <= set(fact)
        assert set(fact["evidence"]) == {"text", "start", "end"}


def test_load_query_run_and_reload(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    proc = run_newskg("load", str(EXAMPLES), "--store", str(store))
    assert proc.returncode == 0, proc.stderr
    q = run_newskg(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "csv",
        "--store",
        str(store),
    )
    assert q.returncode == 0, q.stderr
    first = int(q.stdout.splitlines()[1])
    assert first > 500
    again = run_newskg("run", str(EXAMPLES), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert "articles loaded: " in again.stdout
    q2 = run_newskg(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "csv",
        "--store",
        str(store),
    )
    assert int(q2.stdout.splitlines()[1]) == first
    pet = run_newskg("query", "petitions", "--format", "json", "--store", str(store))
    assert pet.returncode == 0, pet.stderr
    bindings = json.loads(pet.stdout)["results"]["bindings"]
    assert any(b["signatures"]["value"] == "2900" for b in bindings)
    table = run_newskg(
        "query",
        "programs-by-operator",
        "--param",
        "organization=Quillmark Software",
        "--store",
        str(store),
    )
    assert table.returncode == 0 and "Loom" in table.stdout, table.stderr
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_newskg(
                    "query", "money-by-organization", "--format", "csv", "--store", str(store)
                ).stdout
            )
        )
    )
    assert any(r["kind"] == "penalty" for r in rows)


def test_queries_lists_one_line_each() -> None:
    proc = run_newskg("queries")
    assert proc.returncode == 0
    names = [line.split("\t")[0] for line in proc.stdout.splitlines()]
    assert names == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert all("\t" in line and len(line.split("\t")[1]) > 10 for line in proc.stdout.splitlines())


@pytest.mark.parametrize(
    "args,needle",
    [
        (["article", "/no/such/file.html"], "no such file"),
        (["article", "ftp://example.org/x.html"], "not an HTTP"),
        (["extract", "/no/such/file.html"], "no such file"),
        (["query", "no-such-query"], "unknown query"),
        (["query", "SELECT ?x WHERE { ?x"], "SPARQL"),
        (["query", "petitions", "--param", "bogus=1"], "no parameter"),
        (["eval", "/no/such/dir"], "not a folder"),
        (["extract", str(SAMPLE), "--model", "en_core_web_nonexistent"], "pip install"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(args: list[str], needle: str, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    if args[0] == "query":
        run_newskg("load", str(SAMPLE), "--store", str(store))
        args = [*args, "--store", str(store)]
    line = _one_line_error(run_newskg(*args))
    assert needle.lower() in line.lower()


def test_bad_pages_over_http_and_on_disk(site: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes(b"\x00\x01binary")
    for target, needle in [
        (f"{site}/missing.html", "404"),
        (f"{site}/empty.html", ""),
        (f"{site}/data.pdf", ""),
        (str(tmp_path / "notes.txt"), ""),
    ]:
        line = _one_line_error(run_newskg("article", target))
        assert needle in line


def test_batch_goes_on_and_counts_failures(site: str, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    proc = run_newskg(
        "load", f"{site}/missing.html", str(SAMPLE), f"{site}/empty.html", "--store", str(store)
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.search(r"loaded 1 article", proc.stderr), proc.stderr
    assert "2 input(s) failed" in proc.stderr
    graphs = run_newskg(
        "query",
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "csv",
        "--store",
        str(store),
    )
    assert graphs.stdout.splitlines()[1] == "1"


def test_failed_load_keeps_what_was_stored(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    assert run_newskg("load", str(SAMPLE), "--store", str(store)).returncode == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = run_newskg("query", count, "--format", "csv", "--store", str(store)).stdout
    assert run_newskg("load", "/no/such.html", "--store", str(store)).returncode != 0
    assert run_newskg("query", count, "--format", "csv", "--store", str(store)).stdout == before


def test_every_command_is_in_the_readme_and_has_an_example() -> None:
    readme = (ROOT / "README.md").read_text()
    import typer.main

    from extract.cli import app

    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        assert f"newskg {name}" in readme, name
        assert "Example:" in (command.help or ""), name


def test_extraction_does_not_depend_on_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same article gives the same facts in every run: nothing may hang on Python's
    per-process string hashing (set order), or a re-ingest would change the graph."""
    outputs = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        proc = run_newskg(
            "extract", *map(str, sorted(EXAMPLES.glob("*.html"))[:4]), "--format", "facts"
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] and outputs[0] == outputs[1]
