"""``newskg serve``: a SPARQL 1.1 Protocol endpoint over a :class:`~extract.store.Store`, plus a page.

Routes (all answers that are not results are one-line ``text/plain`` messages on error)::

    GET  /                      the query page (extract/static/)
    GET  /sparql?query=...      SPARQL 1.1 Protocol query (also POST form or sparql-query body)
    POST /sparql                update= form or application/sparql-update body (see below)
    GET  /queries               JSON list of named queries: name, title, description, parameters
    GET  /queries/{name}?p=v    run a named query, parameters bound as typed terms
    GET  /evidence?fact=IRI     the sentence(s) a fact was read from (HTML, or JSON)
    POST /evidence              fact=IRI&fact=IRI...: which of these IRIs are facts (JSON)

Results are negotiated from ``Accept`` or chosen with ``format=json|xml|csv|tsv|turtle|...``
(see :mod:`extract.results`). Limits, and the status codes they give:

- malformed SPARQL, bad parameters, a bad ``format``: 400; unknown named query: 404;
  ``Accept`` that no format satisfies: 406; a body over 1 MiB: 413.
- each query runs in a worker thread against a deadline (``timeout`` seconds): past it the
  client gets 503 with ``Retry-After``. Python cannot kill the thread, so the store finishes
  the abandoned query in the background (an abandoned *update* still commits); at most
  ``workers`` store calls run at once, abandoned ones included, so runaway queries cannot
  pile up (later requests wait for a slot, and time out, instead).
- results longer than ``max_results`` rows (or triples) are truncated to that many and the
  response carries ``X-Newskg-Truncated: true`` and ``X-Newskg-Result-Limit: N``: a partial
  table is more use to the page than an error. The store still builds the whole answer first.
- updates are refused (403) unless the app was made with ``allow_update=True``, which needs a
  ``token``; requests must then send ``Authorization: Bearer <token>`` (401 without, 403 wrong).

Example::

    >>> from extract.store import OxigraphStore
    >>> app = create_app(OxigraphStore())
    >>> sorted(r.path for r in app.routes)[:3]
    ['/', '/evidence', '/queries']
"""

from __future__ import annotations

import hmac
import html
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, quote

import anyio
import rdflib
import uvicorn
from anyio import to_thread
from rdflib.term import Identifier, URIRef
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import ontology
from . import query as named
from .errors import BadParameter, NewskgError, QueryError, StoreError, UnknownQuery, UsageError
from .results import FormatError, content_type, format_result, negotiate, resolve_format
from .sparql import iri as sparql_iri
from .store import QueryResult, Store

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY = 1 << 20  # bytes; a query is text, never this big
_MAX_LOOKUP = 500  # IRIs per POST /evidence

QUERY_FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

# --- the evidence vocabulary, in one place (ontology/newskg.ttl is the authority) --------
NK = str(ontology.NS)
SCHEMA = str(ontology.SCHEMA)

# Every fact has nk:evidence -> an nk:Evidence node with the sentence and its offsets; facts
# live in the named graph of their article (extract/graph.py). "#VALUES" (a comment) is
# where a VALUES block of fact IRIs goes: inside the GRAPH group, where Oxigraph joins it
# first (at the top of WHERE it was 5-10x slower, 50 IRIs on the examples).
EVIDENCE_QUERY = (
    f"PREFIX nk: <{NK}>\nPREFIX schema: <{SCHEMA}>\n"
    + """SELECT DISTINCT ?fact ?sentence ?start ?end ?article ?headline WHERE {
  GRAPH ?g {
    #VALUES
    ?fact nk:evidence ?ev .
    ?ev nk:text ?sentence .
    OPTIONAL { ?ev nk:start ?start }
    OPTIONAL { ?ev nk:end ?end }
    OPTIONAL { ?ev nk:article ?article . OPTIONAL { ?article schema:headline ?headline } }
  }
}
ORDER BY ?article ?start"""
)

# What the evidence page shows about the fact itself.
FACT_QUERY = (
    f"PREFIX schema: <{SCHEMA}>\n"
    + """SELECT ?p ?o (SAMPLE(?label) AS ?name) WHERE {
  GRAPH ?g { ?fact ?p ?o }
  OPTIONAL { GRAPH ?h { ?o schema:name ?label } }
} GROUP BY ?p ?o ORDER BY ?p ?o LIMIT 200"""
)

T = TypeVar("T")


class _HTTPError(Exception):
    """An error answer: status code and a one-line message."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message.splitlines()[0] if message else ""
        self.headers = dict(headers or {})


def create_app(
    store: Store,
    *,
    allow_update: bool = False,
    token: str | None = None,
    timeout: float = 30,
    max_results: int = 10000,
    queries_dir: Path | None = None,
    workers: int = 4,
) -> Starlette:
    """The ASGI app serving ``store``; see the module docstring for routes and limits.

    ``workers`` is how many store calls may run at once (abandoned, timed-out ones included).
    """
    if allow_update and not token:
        raise UsageError("--allow-update needs a token (--token or NEWSKG_TOKEN)")
    if timeout <= 0 or max_results <= 0 or workers <= 0:
        raise UsageError("timeout, max_results and workers must be positive")
    service = _Service(store, allow_update, token, timeout, max_results, queries_dir, workers)
    routes = [
        Route("/", service.index, methods=["GET", "HEAD"]),
        Route("/sparql", service.sparql, methods=["GET", "POST"]),
        Route("/queries", service.list_queries, methods=["GET"]),
        Route("/queries/{name}", service.run_query, methods=["GET"]),
        Route("/evidence", service.evidence, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    return Starlette(routes=routes)


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    allow_update: bool = False,
    token: str | None = None,
    timeout: float = 30,
    max_results: int = 10000,
    queries_dir: Path | None = None,
    workers: int = 4,
) -> None:
    """Run the endpoint with uvicorn until interrupted (binds loopback unless told otherwise)."""
    app = create_app(
        store,
        allow_update=allow_update,
        token=token,
        timeout=timeout,
        max_results=max_results,
        queries_dir=queries_dir,
        workers=workers,
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: reachable from other machines", host)
    uvicorn.run(app, host=host, port=port, log_level="info")


class _Service:
    def __init__(
        self,
        store: Store,
        allow_update: bool,
        token: str | None,
        timeout: float,
        max_results: int,
        queries_dir: Path | None,
        workers: int,
    ) -> None:
        self.store = store
        self.allow_update = allow_update
        self.token = token
        self.timeout = timeout
        self.max_results = max_results
        self.queries_dir = queries_dir
        self.slots = threading.BoundedSemaphore(workers)

    # --- plumbing -------------------------------------------------------------------

    async def _in_thread(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in a worker thread; past the deadline give up on it (503).

        A thread cannot be killed, so an abandoned query runs on. The slot semaphore is taken
        and released inside the thread, so it counts abandoned queries too: at most
        ``workers`` store calls run at once, and a call still waiting for a slot when its
        request has given up never starts.
        """
        abandoned = threading.Event()

        def guarded() -> T:
            if not self.slots.acquire(timeout=self.timeout):
                raise _HTTPError(503, "the server is busy: try again", {"Retry-After": "1"})
            try:
                if abandoned.is_set():
                    raise _HTTPError(503, "abandoned")  # nobody is waiting for this answer
                return fn()
            finally:
                self.slots.release()

        try:
            with anyio.fail_after(self.timeout):
                return await to_thread.run_sync(guarded, abandon_on_cancel=True)
        except TimeoutError:
            abandoned.set()
            raise _HTTPError(
                503,
                f"query timed out after {self.timeout:g} s",
                {"Retry-After": str(max(1, round(self.timeout)))},
            ) from None

    async def _answer(
        self, request: Request, params: Mapping[str, list[str]], run: Callable[[], QueryResult]
    ) -> Response:
        """Run a query, cap it, and serialise it in the negotiated format."""
        fmt = _single(params, "format")
        started = time.perf_counter()

        def work() -> tuple[QueryResult, bool, str, bytes]:
            result = run()
            result, truncated = _truncate(result, self.max_results)
            media = _choose_format(fmt, request.headers.get("accept"), result.kind)
            return result, truncated, media, format_result(result, media)

        result, truncated, media, body = await self._in_thread(work)
        headers = {
            "Vary": "Accept",
            "X-Newskg-Elapsed-Ms": f"{(time.perf_counter() - started) * 1000:.1f}",
        }
        if truncated:
            headers["X-Newskg-Truncated"] = "true"
            headers["X-Newskg-Result-Limit"] = str(self.max_results)
        return Response(body, media_type=content_type(media), headers=headers)

    # --- routes ---------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    async def sparql(self, request: Request) -> Response:
        return await _guard(self._sparql(request))

    async def _sparql(self, request: Request) -> Response:
        params = _query_params(request)
        mime = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "GET":
            if "update" in params:
                raise _HTTPError(400, "updates must be POSTed")
            text = _single(params, "query")
            if text is None:
                raise _HTTPError(
                    400, "no query given: use /sparql?query=... (or open / for the page)"
                )
            return await self._query(request, params, text)
        body = await _read_body(request)
        if mime == QUERY_FORM:
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            merged = {**params, **form}
            if "query" in form and "update" in form:
                raise _HTTPError(400, "send either query= or update=, not both")
            if "update" in form:
                return await self._update(request, _single(form, "update") or "")
            text = _single(form, "query")
            if text is None:
                raise _HTTPError(400, "no query= field in the form")
            return await self._query(request, merged, text)
        if mime == SPARQL_QUERY:
            return await self._query(request, params, _decode(body))
        if mime == SPARQL_UPDATE:
            return await self._update(request, _decode(body))
        raise _HTTPError(
            415, f"POST {QUERY_FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}, not {mime or 'no type'}"
        )

    async def _query(
        self, request: Request, params: Mapping[str, list[str]], text: str
    ) -> Response:
        for dataset_param in ("default-graph-uri", "named-graph-uri"):
            if params.get(dataset_param):
                raise _HTTPError(
                    400, f"{dataset_param} is not supported: use FROM / GRAPH in the query"
                )
        if not text.strip():
            raise _HTTPError(400, "empty query")
        return await self._answer(request, params, lambda: self.store.query(text))

    async def _update(self, request: Request, text: str) -> Response:
        if not self.allow_update:
            raise _HTTPError(403, "updates are disabled: this endpoint is read-only")
        auth = request.headers.get("authorization", "")
        scheme, _, credential = auth.partition(" ")
        if scheme.lower() != "bearer" or not credential.strip():
            raise _HTTPError(
                401, "updates need Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
            )
        assert self.token is not None  # create_app refuses allow_update without one
        if not hmac.compare_digest(credential.strip().encode(), self.token.encode()):
            raise _HTTPError(403, "wrong token")
        update = getattr(self.store, "update", None)
        if update is None:
            raise _HTTPError(501, f"{type(self.store).__name__} does not support SPARQL Update")
        if not text.strip():
            raise _HTTPError(400, "empty update")
        await self._in_thread(lambda: update(text))
        return Response(status_code=204)

    async def list_queries(self, request: Request) -> Response:
        async def go() -> Response:
            queries = await to_thread.run_sync(lambda: named.list_queries(self.queries_dir))
            return JSONResponse([{**q.to_json(), "sparql": q.sparql} for q in queries])

        return await _guard(go())

    async def run_query(self, request: Request) -> Response:
        async def go() -> Response:
            name = request.path_params["name"]
            params = _query_params(request)
            query = named.get_query(name, self.queries_dir)
            # A blank form field means "not given" (the page sends every field).
            values = {k: v for k in params if k != "format" and (v := _single(params, k) or "")}
            bindings = named.bind_params(query, values)
            return await self._answer(
                request, params, lambda: self.store.query(query.sparql, bindings)
            )

        return await _guard(go())

    async def evidence(self, request: Request) -> Response:
        return await _guard(self._evidence(request))

    async def _evidence(self, request: Request) -> Response:
        params = _query_params(request)
        if request.method == "POST":
            form = parse_qs((await _read_body(request)).decode("utf-8", "replace"))
            facts = form.get("fact", [])[:_MAX_LOOKUP]
            found = await self._in_thread(lambda: self._lookup(facts))
            return JSONResponse({"facts": found})
        fact = _single(params, "fact")
        if not fact:
            raise _HTTPError(400, "no fact given: use /evidence?fact=IRI")
        sparql_iri(fact)  # BadParameter (400) for anything that is not an IRI
        found = await self._in_thread(lambda: self._lookup([fact]))
        evidence = found.get(fact, [])
        wants_json = _single(params, "format") == "json" or _prefers_json(
            request.headers.get("accept")
        )
        if wants_json:
            return JSONResponse(
                {"fact": fact, "evidence": evidence}, status_code=200 if evidence else 404
            )
        about = await self._in_thread(lambda: self._describe(fact))
        page = _evidence_page(fact, evidence, about)
        return HTMLResponse(page, status_code=200 if evidence else 404)

    def _lookup(self, facts: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Evidence per fact IRI, for those of ``facts`` that have any."""
        rows: list[str] = []
        for fact in dict.fromkeys(facts):
            try:
                rows.append(f"({sparql_iri(fact)})")
            except BadParameter:
                continue  # not an IRI, so not a fact
        if not rows:
            return {}
        # IRIs are validated and written by sparql.iri, never pasted raw.
        sparql = EVIDENCE_QUERY.replace("#VALUES", f"VALUES (?fact) {{ {' '.join(rows)} }}", 1)
        found: dict[str, list[dict[str, Any]]] = {}
        for row in self.store.query(sparql).dicts():
            found.setdefault(str(row["fact"]), []).append(
                {
                    "sentence": _py(row["sentence"]),
                    "start": _py(row["start"]),
                    "end": _py(row["end"]),
                    "article": _py(row["article"]),
                    "headline": _py(row["headline"]),
                }
            )
        return found

    def _describe(self, fact: str) -> list[tuple[str, str]]:
        """(property, value) rows about the fact; entities shown by name where they have one."""
        try:
            result = self.store.query(FACT_QUERY, {"fact": URIRef(fact)})
        except QueryError:
            return []
        rows = []
        for p, o, name in result.rows:
            if p is None or o is None:
                continue
            value = f"{name} ({_short(str(o))})" if name is not None else _short(str(o))
            rows.append((_short(str(p)), value))
        return rows


# --- helpers ------------------------------------------------------------------------


@contextmanager
def serve_in_thread(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``app`` under uvicorn in a daemon thread; yields its base URL (port 0: a free one).

    For tests and notebooks: the socket is bound before the server starts, so the port is
    known and never raced for.
    """
    # proto=IPPROTO_TCP so that asyncio sets TCP_NODELAY on accepted connections (with proto 0
    # it does not, and keep-alive clients then wait ~40 ms per request on delayed ACKs).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind((host, port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the server did not start")
        time.sleep(0.01)
    bound = sock.getsockname()[1]
    try:
        yield f"http://{'[' + host + ']' if ':' in host else host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


async def _guard(answer: Awaitable[Response]) -> Response:
    """Turn our errors into one-line text/plain answers with the right status."""
    try:
        return await answer
    except _HTTPError as exc:
        return _error(exc.status, exc.message, exc.headers)
    except UnknownQuery as exc:
        return _error(404, str(exc))
    except (QueryError, UsageError) as exc:
        return _error(400, str(exc))
    except StoreError as exc:
        log.error("store error: %s", exc)
        return _error(500, str(exc))
    except NewskgError as exc:
        return _error(500, str(exc))


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    line = (message.splitlines() or [""])[0]
    return Response(
        line + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers
    )


def _query_params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _single(params: Mapping[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    if not values:
        return None
    if len(values) > 1:
        raise _HTTPError(400, f"more than one {key} parameter")
    return values[0]


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise _HTTPError(413, f"request body over {MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise _HTTPError(413, f"request body over {MAX_BODY} bytes")
    return body


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _HTTPError(400, "the request body is not UTF-8") from exc


def _choose_format(fmt: str | None, accept: str | None, kind: Any) -> str:
    """``format=`` wins over ``Accept``; an unknown name is the client's error (400), an
    ``Accept`` we cannot satisfy is 406."""
    try:
        return resolve_format(fmt, kind) if fmt else negotiate(accept, kind)
    except FormatError as exc:
        raise _HTTPError(400 if fmt else 406, str(exc)) from exc


def _truncate(result: QueryResult, limit: int) -> tuple[QueryResult, bool]:
    if result.kind == "select" and len(result.rows) > limit:
        return QueryResult(
            kind="select", variables=result.variables, rows=result.rows[:limit]
        ), True
    if result.kind == "graph" and result.triples is not None and len(result.triples) > limit:
        kept = rdflib.Graph()
        for prefix, ns in result.triples.namespaces():
            kept.bind(prefix, ns, override=True)
        for i, triple in enumerate(result.triples):
            if i >= limit:
                break
            kept.add(triple)
        return QueryResult(kind="graph", triples=kept), True
    return result, False


def _prefers_json(accept: str | None) -> bool:
    if not accept:
        return False
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return first in ("application/json", "application/sparql-results+json")


def _py(term: Identifier | None) -> Any:
    if term is None:
        return None
    value = getattr(term, "toPython", lambda: str(term))()
    return value if isinstance(value, int | float | str | bool) else str(term)


def _evidence_page(fact: str, evidence: list[dict[str, Any]], about: list[tuple[str, str]]) -> str:
    e = html.escape
    items = []
    for ev in evidence:
        article = ev["article"] or ""
        title = ev["headline"] or article or "(unknown article)"
        where = ""
        if ev["start"] is not None and ev["end"] is not None:
            where = f" · characters {ev['start']}–{ev['end']}"
        link = (
            f'<a href="{e(article)}">{e(title)}</a>'
            if article.startswith(("http://", "https://"))
            else e(title)
        )
        items.append(
            f'<li class="evidence"><blockquote>{e(ev["sentence"])}</blockquote>'
            f'<p class="source">{link}{where}</p></li>'
        )
    body = (
        f'<ol class="evidence-list">{"".join(items)}</ol>'
        if items
        else '<p class="error">No evidence recorded for this IRI: it is not a fact in this store.</p>'
    )
    rows = "".join(f"<tr><td>{e(p)}</td><td>{e(o)}</td></tr>" for p, o in about)
    table = f'<h2>The fact</h2><table class="results"><tbody>{rows}</tbody></table>' if rows else ""
    describe = "/?query=" + quote(f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{fact}> ?p ?o }} }}")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence · newskg</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/style.css"></head>
<body><header><h1><a href="/">newskg</a> · evidence</h1></header>
<main><p class="fact-iri">Fact <code>{e(fact)}</code></p>
<h2>Read from</h2>{body}{table}
<p><a href="{e(describe)}">Query this fact</a> · <a href="/">Back to the query page</a></p></main>
</body></html>
"""


_PREFIXES = {
    NK: "nk:",
    ontology.ID_BASE: "id:",
    ontology.FACT_BASE: "fact:",
    SCHEMA: "schema:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/ns/prov#": "prov:",
}


def _short(value: str) -> str:
    for ns, prefix in _PREFIXES.items():
        if value.startswith(ns):
            return prefix + value[len(ns) :]
    return value
