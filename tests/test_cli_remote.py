"""Every store command of the CLI against real SPARQL servers (Oxigraph server, Virtuoso)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset
from servers import RemoteServer
from support import EXAMPLES, run_newskg

SAMPLES = sorted(EXAMPLES.glob("*.html"))[:2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _remote_args(server: RemoteServer) -> list[str]:
    args = ["--endpoint", server.endpoint, "--update-endpoint", server.update_endpoint]
    if server.graph_store:
        args += ["--graph-store", server.graph_store]
    if server.user:
        args += ["--user", server.user, "--password", server.password or ""]
    return args


def _query_args(server: RemoteServer) -> list[str]:
    args = ["--endpoint", server.endpoint]
    if server.user:
        args += ["--user", server.user, "--password", server.password or ""]
    return args


def _count(server: RemoteServer) -> int:
    proc = run_newskg("query", COUNT, "--format", "csv", *_query_args(server))
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.splitlines()[1])


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest) -> RemoteServer:
    return request.getfixturevalue(f"{request.param}_server")


def test_load_run_query_export_against_a_server(server: RemoteServer, tmp_path: Path) -> None:
    before = _count(server)
    proc = run_newskg("load", *map(str, SAMPLES), *_remote_args(server))
    assert proc.returncode == 0, proc.stderr
    loaded = _count(server)
    assert loaded > before + 100
    # run = load again + summary: replace-on-reload keeps the count
    proc = run_newskg("run", *map(str, SAMPLES), *_remote_args(server))
    assert proc.returncode == 0, proc.stderr
    assert "articles loaded: 2" in proc.stdout
    assert _count(server) == loaded
    pet = run_newskg("query", "petitions", "--format", "json", *_query_args(server))
    assert pet.returncode == 0, pet.stderr
    assert json.loads(pet.stdout)["results"]["bindings"]
    dump = tmp_path / "dump.nq"
    proc = run_newskg(
        "export",
        "--format",
        "nquads",
        "-o",
        str(dump),
        *_remote_args(server)[:2],
        *_remote_args(server)[4:],
    )
    assert proc.returncode == 0, proc.stderr
    ds = Dataset()
    ds.parse(dump, format="nquads")
    graphs = {str(g.identifier) for g in ds.graphs()}
    assert any("example.org" in g for g in graphs)


def test_a_dead_server_is_a_one_line_error() -> None:
    proc = run_newskg("query", "petitions", "--endpoint", "http://127.0.0.1:9/sparql")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[0].startswith("error: ")
