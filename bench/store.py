"""Store benchmark: embedded Oxigraph against rdflib's in-memory Dataset, same data, same run.

Data: a synthetic corpus shaped exactly like ours. Seeded random ``Article`` and ``Fact``
records (all 13 fact types, entities drawn from shared pools so companies and programs
recur across thousands of articles) go through the real ``extract.graph.to_graph``; each
article is its own named graph. The corpus grows until it holds ``--triples`` (1,000,000).

Legs:

- ``load``: triples per second, N-Quads file -> store. Oxigraph through
  ``OxigraphStore.import_file`` (its bulk loader, ``lenient`` as we wrote the file; strict
  too for comparison) into an on-disk store (goal >= 200,000 triples/s) and an in-memory
  one; rdflib ``Dataset.parse`` for comparison;
  plus Oxigraph ``replace_graph`` per article (the transactional path ``newskg load`` uses)
  on a sample of articles.
- ``queries``: every named query in ``queries/*.rq`` (parameters unbound) plus three
  representative ones (facts -> organization -> label join, sum of amounts by organization,
  filter by program with a bound parameter), median latency of ``--repeat`` runs on each
  store. rdflib runs each query in a forked child with a timeout (``--rdflib-timeout``), so a
  query rdflib cannot finish shows as ``>Ns`` instead of hanging the bench. Goal: Oxigraph
  >= 10x faster. Row counts are compared so both stores answer the same question.

Run: ``.venv/bin/python bench/store.py [--triples 1000000] [--repeat 3] [--rdflib-timeout 300]
[--json]``
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import rdflib  # noqa: E402

from extract.graph import RunInfo, to_graph  # noqa: E402
from extract.records import Article, Evidence, Fact  # noqa: E402
from extract.sparql import bind_values, term_to_sparql  # noqa: E402
from extract.store import OxigraphStore  # noqa: E402

WORDS = [
    "pulse",
    "beacon",
    "lens",
    "track",
    "shift",
    "sense",
    "guard",
    "loom",
    "signal",
    "metric",
    "focus",
    "pace",
    "view",
    "desk",
    "clock",
    "flow",
    "scope",
    "trace",
    "watch",
    "grid",
]
ORG_WORDS = [
    "Acme",
    "Vantra",
    "Quill",
    "Harrow",
    "Brightline",
    "Haulwell",
    "CareNest",
    "Almena",
    "Nortel",
    "Zephyr",
]


@dataclass
class Pools:
    orgs: list[str]
    programs: list[str]
    people: list[str]
    laws: list[str]
    outlets: list[str]
    data: list[str]


def make_pools(rng: random.Random) -> Pools:
    orgs = [f"{rng.choice(ORG_WORDS)} {w.title()} {i}" for i, w in enumerate(WORDS * 100)]
    return Pools(
        orgs=orgs,
        programs=[f"{w.title()}{rng.choice(WORDS).title()} {i}" for i, w in enumerate(WORDS * 150)],
        people=[f"Person{i} Surname{i % 977}" for i in range(5000)],
        laws=[f"Workplace Privacy Act {1990 + i % 35} No {i}" for i in range(300)],
        outlets=[f"Daily Outlet {i}" for i in range(200)],
        data=[f"{w} data" for w in WORDS] + ["keystrokes", "mouse clicks", "location"],
    )


def pick(rng: random.Random, pool: list[str], skew: float = 1.0) -> str:
    """Log-uniform with probability ``skew`` (a few names recur in many articles, as big
    companies do in the news), else uniform."""
    if rng.random() < skew:
        return pool[int(len(pool) ** rng.random()) - 1]
    return rng.choice(pool)


def synthetic_facts(rng: random.Random, pools: Pools, url: str) -> list[Fact]:
    org, program = pick(rng, pools.orgs), pick(rng, pools.programs, skew=0.2)
    fields_by_type: list[tuple[str, dict[str, Any]]] = [
        ("operates", {"organization": org, "program": program}),
        ("collects", {"program": program, "data": rng.choice(pools.data)}),
        ("collects", {"program": program, "data": rng.choice(pools.data)}),
        ("monitors", {"program": program, "subjects": "employees"}),
        (
            "status",
            {
                "program": program,
                "action": rng.choice(["launched", "paused"]),
                "date": f"2026-{rng.randint(1, 12):02d}",
            },
        ),
        ("role", {"person": pick(rng, pools.people), "organization": org, "role": "CTO"}),
        (
            "quote",
            {
                "speaker": pick(rng, pools.people),
                "text": f"We take privacy seriously {rng.random():.6f}",
            },
        ),
        (
            "spend",
            {
                "organization": org,
                "amount": rng.randint(1, 900) * 10**6,
                "currency": "USD",
                "purpose": "AI",
            },
        ),
        ("source", {"outlet": rng.choice(pools.outlets)}),
    ]
    if rng.random() < 0.4:
        fields_by_type.append(
            (
                "petition",
                {"target": program, "signatures": rng.randint(100, 9000), "qualifier": "nearly"},
            )
        )
    if rng.random() < 0.3:
        law = rng.choice(pools.laws)
        fields_by_type += [
            (
                "penalty",
                {
                    "organization": org,
                    "amount": rng.randint(1, 90) * 10**5,
                    "currency": "EUR",
                    "authority": "Data Authority",
                    "law": law,
                },
            ),
            ("law", {"law": law, "jurisdiction": "France"}),
        ]
    if rng.random() < 0.3:
        fields_by_type.append(
            (
                "exposure",
                {
                    "organization": org,
                    "program": program,
                    "description": "data visible to all staff",
                },
            )
        )
    if rng.random() < 0.3:
        fields_by_type.append(
            (
                "workforce",
                {"organization": org, "count": rng.randint(10, 9000), "action": "displaced"},
            )
        )
    facts = []
    for i, (ftype, fields) in enumerate(fields_by_type):
        text = f"Sentence {i} about {fields} in an article."
        facts.append(
            Fact(
                type=ftype,
                fields=fields,
                evidence=Evidence(url, text, i * 100, i * 100 + len(text)),
                confidence=0.8,
            )
        )  # type: ignore[call-arg]
    return facts


def corpus(target: int, seed: int = 7) -> Iterator[rdflib.Graph]:
    rng = random.Random(seed)
    pools = make_pools(rng)
    run = RunInfo(model="bench-model 0.0")
    total, i = 0, 0
    while total < target:
        url = f"https://news.example.org/{i // 1000}/story-{i}"
        article = Article(
            source=url, url=url, title=f"Story {i}", text="Body text " * 20,
            authors=(pick(rng, pools.people),), published=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            publisher=rng.choice(pools.outlets), language="en",
        )  # fmt: skip
        g = to_graph(article, synthetic_facts(rng, pools, url), run)
        total += len(g)
        i += 1
        yield g


def write_nquads(path: Path, target: int) -> tuple[int, int]:
    """The corpus as one N-Quads file: (triples, articles)."""
    triples = articles = 0
    with path.open("w", encoding="utf-8") as out:
        for g in corpus(target):
            name = term_to_sparql(g.identifier)  # type: ignore[arg-type]
            out.writelines(
                f"{term_to_sparql(s)} {term_to_sparql(p)} {term_to_sparql(o)} {name} .\n"  # type: ignore[arg-type]
                for s, p, o in g
            )
            triples += len(g)
            articles += 1
    return triples, articles


# ------------------------------------------------------------------------------ queries

PREFIXES = """PREFIX nk: <https://w3id.org/newskg/ns#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
EXTRA_QUERIES: dict[str, tuple[str, dict[str, Any]]] = {
    "join:fact-org-label": (
        PREFIXES
        + """SELECT ?fact ?label WHERE { GRAPH ?a {
               ?fact a nk:OperatesFact ; nk:organization ?org . ?org rdfs:label ?label } }""",
        {},
    ),
    "group:sum-by-org": (
        PREFIXES
        + """SELECT ?org (SUM(?amount) AS ?total) (COUNT(?fact) AS ?n) WHERE { GRAPH ?a {
               ?fact a nk:SpendFact ; nk:organization ?org ; nk:amount ?amount } }
             GROUP BY ?org ORDER BY DESC(?total) LIMIT 20""",
        {},
    ),
    "filter:by-program(param)": (
        PREFIXES
        + """SELECT ?article ?data WHERE { GRAPH ?article {
               ?fact a nk:CollectsFact ; nk:program ?prog ; nk:data/schema:name ?data .
               ?prog schema:name ?name } }""",
        {"name": "PROGRAM"},
    ),
}


def named_queries() -> dict[str, tuple[str, dict[str, Any]]]:
    out = {}
    for path in sorted((ROOT / "queries").glob("*.rq")):
        out[path.stem] = (path.read_text(encoding="utf-8"), {})
    return out


def first_program(store: OxigraphStore) -> rdflib.Literal:
    rows = store.query(
        PREFIXES
        + "SELECT ?n WHERE { GRAPH ?a { ?f a nk:OperatesFact ; nk:program/schema:name ?n } } LIMIT 1"
    ).rows
    return rows[0][0]  # type: ignore[return-value]


def _oxigraph_child(
    path: str, text: str, bindings: dict[str, Any], repeat: int, conn: Connection
) -> None:
    store = OxigraphStore(path, read_only=True)
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(store.query(text, bindings).rows)  # the API path: rdflib terms out
        times.append(time.perf_counter() - start)
    conn.send((statistics.median(times), rows))


def time_oxigraph(
    path: Path, text: str, bindings: dict[str, Any], repeat: int, timeout: float
) -> tuple[float | None, int | None]:
    """Median of ``repeat`` runs in a fresh process on the store opened read-only."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_oxigraph_child, args=(str(path), text, bindings, repeat, child))
    proc.start()
    if parent.poll(timeout + 30):  # + process start-up, not timed
        seconds, rows = parent.recv()
        proc.join()
        return seconds, rows
    proc.kill()
    proc.join()
    return None, None


def _forked(fn: Callable[[], tuple[float, int]], timeout: float) -> tuple[float | None, int | None]:
    """Run ``fn`` in a forked child (sharing the parent's in-memory stores); None on timeout."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target(conn: Connection) -> None:
        conn.send(fn())

    proc = ctx.Process(target=target, args=(child,))
    proc.start()
    if parent.poll(timeout):
        seconds, rows = parent.recv()
        proc.join()
        return seconds, rows
    proc.kill()
    proc.join()
    return None, None


def _median_run(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


@dataclass
class QueryRow:
    name: str
    disk_ms: float | None  # None: did not finish within the timeout
    memory_ms: float | None
    rdflib_ms: float | None
    rows_oxigraph: int | None
    rows_rdflib: int | None


@dataclass
class LoadRow:
    leg: str
    triples: int
    wall_s: float
    cpu_s: float

    @property
    def rate(self) -> float:
        return self.triples / self.wall_s


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=120.0)
    ap.add_argument("--timeout", type=float, default=180.0, help="Oxigraph per-query timeout (s)")
    ap.add_argument("--sample-articles", type=int, default=300)
    ap.add_argument("--corpus", type=Path, help="N-Quads file to reuse (written if absent)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    log = functools.partial(print, file=sys.stderr, flush=True)
    load_start = os.getloadavg()[0]  # other jobs share the CPUs: the rates depend on it
    log(f"load average at start: {load_start:.1f} on {os.cpu_count()} CPUs")

    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        dump = args.corpus or Path(tmp) / "corpus.nq"
        if not dump.exists():
            wall, _ = _timed(lambda: write_nquads(dump, args.triples))
            log(f"corpus generated in {wall:.0f}s")
        triples = sum(1 for _ in dump.open("rb"))
        loads: list[LoadRow] = []

        # `newskg import`'s path (bulk loader); lenient: we wrote this N-Quads file ourselves.
        disk = OxigraphStore(Path(tmp) / "ox")
        wall, cpu = _timed(lambda: disk.import_file(dump, "nquads", lenient=True))
        loads.append(LoadRow("oxigraph on disk, import (lenient)", triples, wall, cpu))
        assert len(disk) == triples, (len(disk), triples)
        articles = len(disk.graphs())
        log(
            f"corpus: {triples:,} triples in {articles:,} article graphs ({dump.stat().st_size / 1e6:.0f} MB)"
        )
        log(
            f"  {loads[-1].leg}: {loads[-1].rate:,.0f} triples/s (load avg {os.getloadavg()[0]:.1f})"
        )

        strict = OxigraphStore(Path(tmp) / "ox-strict")  # the validating loader, for comparison
        wall, cpu = _timed(lambda: strict.import_file(dump, "nquads"))
        loads.append(LoadRow("oxigraph on disk, import (strict)", triples, wall, cpu))
        strict.close()
        log(
            f"  {loads[-1].leg}: {loads[-1].rate:,.0f} triples/s (load avg {os.getloadavg()[0]:.1f})"
        )

        memory = OxigraphStore()
        wall, cpu = _timed(lambda: memory.import_file(dump, "nquads", lenient=True))
        loads.append(LoadRow("oxigraph in memory, import (lenient)", triples, wall, cpu))
        log(
            f"  {loads[-1].leg}: {loads[-1].rate:,.0f} triples/s (load avg {os.getloadavg()[0]:.1f})"
        )

        # The transactional path `newskg load` uses (one update per article), on a sample.
        sample = OxigraphStore(Path(tmp) / "ox-sample")
        graphs = list(itertools.islice(corpus(10**12), args.sample_articles))
        wall, cpu = _timed(lambda: [sample.replace_graph(str(g.identifier), g) for g in graphs])
        loads.append(LoadRow("oxigraph on disk, replace_graph", sum(map(len, graphs)), wall, cpu))
        sample.close()
        log(f"  {loads[-1].leg}: {loads[-1].rate:,.0f} triples/s")

        ds = rdflib.Dataset()
        wall, cpu = _timed(lambda: ds.parse(dump, format="nquads"))
        loads.append(LoadRow("rdflib Dataset.parse", triples, wall, cpu))
        log(f"  {loads[-1].leg}: {loads[-1].rate:,.0f} triples/s")

        program = first_program(disk)
        disk.close()  # disk queries run in read-only worker processes
        results: list[QueryRow] = []
        for name, (text, params) in {**named_queries(), **EXTRA_QUERIES}.items():
            bindings = {k: program for k in params}
            bound = bind_values(text, bindings)
            d_s, rows_ox = time_oxigraph(
                Path(tmp) / "ox", text, bindings, args.repeat, args.timeout
            )
            m_s, rows_m = _forked(
                lambda: _median_run(lambda: len(memory.query(text, bindings).rows), args.repeat),  # noqa: B023
                args.timeout,
            )
            r_s, rows_rd = _forked(
                lambda: _median_run(lambda: len(list(ds.query(bound))), 1),  # noqa: B023
                args.rdflib_timeout,
            )
            ms = [x * 1000 if x is not None else None for x in (d_s, m_s, r_s)]
            results.append(QueryRow(name, *ms, rows_ox if rows_ox is not None else rows_m, rows_rd))
            log(f"  {name}: disk {ms[0]} ms, memory {ms[1]} ms, rdflib {ms[2]} ms")
        log(f"load average at end: {os.getloadavg()[0]:.1f}")

    if args.json:
        print(json.dumps({"load": [asdict(r) | {"rate": r.rate} for r in loads],
                          "queries": [asdict(r) for r in results]}, indent=2))  # fmt: skip
        return
    print(
        f"Load ({triples:,} triples, {articles:,} named graphs; goal >= 200,000 triples/s; "
        f"{os.cpu_count()} CPUs, load average at start {load_start:.1f})"
    )
    for r in loads:
        print(
            f"  {r.leg:<34} {r.rate:>10,.0f} triples/s  (wall {r.wall_s:.1f}s, cpu {r.cpu_s:.1f}s)"
        )
    t_ox, t_rd = args.timeout * 1000, args.rdflib_timeout * 1000

    def cell(value: float | None, limit: float) -> str:
        return f"{value:,.1f}" if value is not None else f">{limit:,.0f}"

    def speed(ox_ms: float | None, rd_ms: float | None) -> tuple[str, float | None]:
        if ox_ms is None:
            return "-", None
        if rd_ms is None:  # rdflib timed out: a lower bound
            return f">{t_rd / ox_ms:,.0f}x", t_rd / ox_ms
        return f"{rd_ms / ox_ms:,.0f}x", rd_ms / ox_ms

    print(f"\n{'query':<26} {'disk ms':>10} {'memory ms':>10} {'rdflib ms':>10} {'x disk':>8} {'x mem':>8} {'rows ox/rdflib':>15}")  # fmt: skip
    disk_x, mem_x = [], []
    for r in results:
        sd, vd = speed(r.disk_ms, r.rdflib_ms)
        sm, vm = speed(r.memory_ms, r.rdflib_ms)
        disk_x += [vd] if vd is not None else []
        mem_x += [vm] if vm is not None else []
        same = (
            ""
            if None in (r.rows_rdflib, r.rows_oxigraph) or r.rows_rdflib == r.rows_oxigraph
            else " MISMATCH"
        )
        rows = f"{r.rows_oxigraph if r.rows_oxigraph is not None else '-'}/{r.rows_rdflib if r.rows_rdflib is not None else '-'}"
        print(f"{r.name:<26} {cell(r.disk_ms, t_ox):>10} {cell(r.memory_ms, t_ox):>10} {cell(r.rdflib_ms, t_rd):>10} {sd:>8} {sm:>8} {rows:>15}{same}")  # fmt: skip
    for label, xs in (("on disk", disk_x), ("in memory", mem_x)):
        if xs:
            print(f"oxigraph {label}: median speedup {statistics.median(xs):,.0f}x, min {min(xs):,.0f}x "
                  "(goal >= 10x; '>' = rdflib timed out, a lower bound)")  # fmt: skip


if __name__ == "__main__":
    main()
