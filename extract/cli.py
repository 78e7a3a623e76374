"""The ``newskg`` command: parses, calls :mod:`extract.api`, renders. No logic of its own.

Every library error is a :class:`~extract.errors.NewskgError`; it is caught once, in
:func:`main`, and printed as ``error: <message>`` on one line of stderr.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.exceptions import TyperException

from . import __version__, api
from .errors import NewskgError, UsageError

app = typer.Typer(
    name="newskg",
    help="Turn news articles into a knowledge graph that SPARQL answers.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Piped output keeps wide tables on one line per row instead of folding at 80 columns.
out = Console(
    soft_wrap=True, width=None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", 220))
)
err = Console(stderr=True, soft_wrap=True)

DEFAULT_STORE = "newskg-data"


class RdfFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"
    facts = "facts"


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    tsv = "tsv"
    xml = "xml"


class DumpFormat(StrEnum):
    trig = "trig"
    nquads = "nquads"


Inputs = Annotated[
    list[str], typer.Argument(help="HTML files, folders of them, URLs or WARC archives.")
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="NEWSKG_MODEL",
        help="spaCy pipeline (default: best installed English one).",
    ),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store", envvar="NEWSKG_STORE", help=f"Embedded store folder (default ./{DEFAULT_STORE})."
    ),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint", envvar="NEWSKG_ENDPOINT", help="Remote SPARQL 1.1 query endpoint URL."
    ),
]
UpdateOpt = Annotated[
    str | None,
    typer.Option(
        "--update-endpoint",
        envvar="NEWSKG_UPDATE_ENDPOINT",
        help="Remote SPARQL 1.1 Update endpoint URL.",
    ),
]
GraphStoreOpt = Annotated[
    str | None,
    typer.Option(
        "--graph-store", envvar="NEWSKG_GRAPH_STORE", help="Remote Graph Store HTTP Protocol URL."
    ),
]
UserOpt = Annotated[
    str | None, typer.Option("--user", envvar="NEWSKG_USER", help="User for the remote endpoint.")
]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--password", envvar="NEWSKG_PASSWORD", help="Password for the remote endpoint."),
]


def _open_store(
    store: str | None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
) -> Any:
    from .store import open_store

    if endpoint or update_endpoint or graph_store:
        if store:
            raise UsageError("give either --store or --endpoint, not both")
        return open_store(
            None,
            endpoint=endpoint,
            update_endpoint=update_endpoint,
            graph_store=graph_store,
            user=user,
            password=password,
        )
    return open_store(store or DEFAULT_STORE)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=True,
    )


def _report_failures(failures: list[api.Failure]) -> None:
    for failure in failures:
        err.print(f"error: {failure.message}", markup=False, highlight=False)


# ------------------------------------------------------------------ commands


@app.command()
def article(
    inputs: Inputs,
    format: Annotated[str, typer.Option("--format", help="Output format (json).")] = "json",
) -> None:
    """Print each article's metadata and main text as one JSON object per line.

    Example: newskg article examples/ https://news.example.org/story
    """
    if format != "json":
        raise UsageError(f"unknown format {format!r} (use json)")
    failures = []
    for item in api.read_articles(inputs):
        if isinstance(item, api.Failure):
            failures.append(item)
            err.print(f"error: {item.message}", markup=False, highlight=False)
            continue
        sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    _exit_on_failures(failures)


@app.command()
def extract(
    inputs: Inputs,
    format: Annotated[
        RdfFormat, typer.Option("--format", help="RDF serialisation, or facts (JSON Lines).")
    ] = RdfFormat.turtle,
    model: ModelOpt = None,
) -> None:
    """Extract facts and print them as RDF (Turtle, TriG, N-Quads, JSON-LD) or facts JSON Lines.

    Example: newskg extract examples/ --format facts
    """
    from .graph import serialize

    failures: list[api.Failure] = []
    articles = []
    for item in api.read_articles(inputs):
        if isinstance(item, api.Failure):
            failures.append(item)
        else:
            articles.append(item)
    _report_failures(failures)
    if articles:
        nlp = api.load_model(model)
        graphs = []
        for item in api.extract_safely(articles, nlp):
            if isinstance(item, api.Failure):
                failures.append(item)
                _report_failures([item])
            else:
                graphs.append(item[1])
        if format is RdfFormat.facts:
            for g in graphs:
                for fact in api.extract_facts_json(g):
                    sys.stdout.write(json.dumps(fact, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(serialize(graphs, format.value))
    _exit_on_failures(failures)


@app.command()
def load(
    inputs: Inputs,
    store: StoreOpt = None,
    model: ModelOpt = None,
    endpoint: EndpointOpt = None,
    update_endpoint: UpdateOpt = None,
    graph_store: GraphStoreOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Extract facts and add them to the store (each article replaces its own named graph).

    Example: newskg load examples/ --store newskg-data
    """
    summary = _load(
        inputs, _open_store(store, endpoint, update_endpoint, graph_store, user, password), model
    )
    err.print(
        f"loaded {len(summary.articles)} article(s), {sum(summary.facts.values())} fact(s)"
        + (f"; {len(summary.failures)} failed" if summary.failures else ""),
        highlight=False,
    )
    _exit_on_failures(summary.failures)


def _load(inputs: list[str], the_store: Any, model: str | None) -> api.LoadSummary:
    nlp = api.load_model(model)
    sources = list(api.expand_inputs(inputs))
    try:
        with _progress() as progress:
            task = progress.add_task("loading", total=len(sources), current="")

            def on_item(source: str, error: str | None) -> None:
                if error:
                    progress.console.print(f"error: {error}", markup=False, highlight=False)
                progress.update(task, advance=1, current=Path(source).name)

            return api.load(sources, the_store, nlp=nlp, on_item=on_item)
    finally:
        the_store.close()


@app.command()
def run(
    inputs: Inputs,
    store: StoreOpt = None,
    model: ModelOpt = None,
    endpoint: EndpointOpt = None,
    update_endpoint: UpdateOpt = None,
    graph_store: GraphStoreOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Load everything given, then print a short summary of the store.

    Example: newskg run examples/
    """
    the_store = _open_store(store, endpoint, update_endpoint, graph_store, user, password)
    summary = _load(inputs, the_store, model)
    table = Table(title="newskg run", show_header=True)
    table.add_column("fact type")
    table.add_column("facts", justify="right")
    for ftype, n in sorted(summary.facts.items()):
        table.add_row(ftype, str(n))
    out.print(table)
    out.print(
        f"articles loaded: {len(summary.articles)}   facts: {sum(summary.facts.values())}   "
        f"triples: {summary.triples}   failed: {len(summary.failures)}",
        highlight=False,
    )
    _exit_on_failures(summary.failures)


@app.command()
def query(
    spec: Annotated[
        str,
        typer.Argument(
            metavar="NAME|FILE.rq|SPARQL", help="A named query, a .rq file or SPARQL text."
        ),
    ],
    param: Annotated[
        list[str] | None, typer.Option("--param", help="KEY=VALUE, bound as a typed RDF term.")
    ] = None,
    format: Annotated[
        TableFormat, typer.Option("--format", help="table, csv, tsv, json (SPARQL JSON) or xml.")
    ] = TableFormat.table,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Run a SPARQL query against the store.

    Example: newskg query petitions --param target=MCI --format csv
    """
    from .query import parse_param_options, run_query

    params = parse_param_options(param or [])
    store_path = store or DEFAULT_STORE
    if not endpoint and not Path(store_path).exists():
        raise NewskgError(f"no store at {store_path} (run `newskg load` first, or pass --store)")
    the_store = _open_store(
        store if endpoint is None else None, endpoint, None, None, user, password
    )
    try:
        result = run_query(the_store, spec, params)
    finally:
        the_store.close()
    _print_result(result, format)


def _print_result(result: Any, format: TableFormat) -> None:
    from .results import format_result

    if format is not TableFormat.table:
        if result.kind == "graph":
            media = {"json": "jsonld", "csv": "turtle", "tsv": "ntriples", "xml": "rdfxml"}[
                format.value
            ]
        else:
            media = format.value
        sys.stdout.write(format_result(result, media).decode("utf-8"))
        return
    if result.kind == "ask":
        out.print("yes" if result.boolean else "no")
        return
    if result.kind == "graph":
        sys.stdout.write(result.triples.serialize(format="turtle"))
        return
    table = Table(show_header=True, show_lines=False)
    for var in result.variables:
        table.add_column(var, overflow="fold")
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)
    err.print(f"{len(result.rows)} row(s)", highlight=False)


@app.command()
def queries() -> None:
    """List the named queries: one line each, its name then a one-line description.

    Example: newskg queries
    """
    from .query import list_queries

    for q in list_queries():
        params = " ".join(f"[{p.name}=…]" if not p.required else f"{p.name}=…" for p in q.params)
        sys.stdout.write(
            f"{q.name}\t{q.description}" + (f"  (params: {params})" if params else "") + "\n"
        )


@app.command(name="eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.html with NAME.gold.jsonl.")],
    model: ModelOpt = None,
    details: Annotated[
        bool, typer.Option("--details", help="Also list misses and false positives.")
    ] = False,
) -> None:
    """Score `extract --format facts` against hand-made gold facts (per type and micro P/R/F1).

    Example: newskg eval ../shared/eval/dev
    """
    from .evaluate import explain, format_report

    report = api.evaluate(gold_dir, model)
    out.print(format_report(report), markup=False, highlight=False)
    if details:
        out.print(explain(report), markup=False, highlight=False)


@app.command()
def export(
    format: Annotated[
        DumpFormat, typer.Option("--format", help="trig or nquads.")
    ] = DumpFormat.trig,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    graph_store: GraphStoreOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Dump the whole store, every named graph, as TriG or N-Quads.

    Example: newskg export --format nquads -o dump.nq
    """
    the_store = _open_store(store, endpoint, None, graph_store, user, password)
    try:
        if output is None:
            the_store.export(format.value, sys.stdout.buffer)
        else:
            with output.open("wb") as fh:
                the_store.export(format.value, fh)
    finally:
        the_store.close()


@app.command(name="import")
def import_(
    file: Annotated[Path, typer.Argument(help="A TriG or N-Quads dump (from `newskg export`).")],
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    update_endpoint: UpdateOpt = None,
    graph_store: GraphStoreOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Bulk-load a dump into the store.

    Example: newskg import dump.nq --store other-data
    """
    if not file.is_file():
        raise NewskgError(f"{file}: no such file")
    the_store = _open_store(store, endpoint, update_endpoint, graph_store, user, password)
    try:
        the_store.import_file(file)
        err.print(f"imported {file}; the store now holds {len(the_store)} quads", highlight=False)
    finally:
        the_store.close()


@app.command()
def serve(
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Accept SPARQL Update (needs --token).")
    ] = False,
    token: Annotated[
        str | None, typer.Option("--token", envvar="NEWSKG_TOKEN", help="Bearer token for updates.")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Per-query timeout in seconds.")
    ] = 30.0,
    max_results: Annotated[int, typer.Option("--max-results", help="Cap on result rows.")] = 10000,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint at /sparql, with a query page at /.

    Example: newskg serve --port 7878
    """
    from .serve import serve as run_server

    if allow_update and not token:
        raise UsageError("--allow-update needs --token")
    the_store = _open_store(store, endpoint, None, None, user, password)
    err.print(f"serving SPARQL at http://{host}:{port}/sparql", highlight=False)
    run_server(
        the_store,
        host=host,
        port=port,
        allow_update=allow_update,
        token=token,
        timeout=timeout,
        max_results=max_results,
    )


def _register_fetch() -> None:
    try:
        from .cli_fetch import fetch_command
    except ImportError:  # the crawler is optional while it is being built
        return
    app.command("fetch")(fetch_command)


_register_fetch()


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"newskg {__version__}")
        raise typer.Exit()


def _exit_on_failures(failures: list[api.Failure]) -> None:
    if failures:
        err.print(f"{len(failures)} input(s) failed", highlight=False)
        raise typer.Exit(1)


def main() -> None:
    """Entry point: run the app, turning every expected error into one line and an exit code."""
    try:
        code = app(standalone_mode=False)
    except NewskgError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        err.print(f"error: {message}", markup=False, highlight=False)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("error: aborted", highlight=False)
        sys.exit(130)
    except TyperException as exc:  # click's usage errors, as typer vendors them
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # type: ignore[attr-defined]
            sys.exit(2)
        message = exc.format_message()  # type: ignore[attr-defined]
        err.print(f"error: {message} (see newskg --help)", markup=False, highlight=False)
        sys.exit(getattr(exc, "exit_code", 2))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        os._exit(0)
    # Without standalone mode click returns typer.Exit's code instead of exiting.
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
