"""The Python API: what the ``newskg`` command does, callable from a notebook.

>>> from extract import api
>>> article = api.read_article_from("examples/meridian-keystrokes.html")  # doctest: +SKIP
>>> graphs = api.extract_graphs([article])  # doctest: +SKIP

Every stage is a module with a typed contract; this module only strings them together:
``inputs -> Page -> Article -> Fact -> rdflib.Graph -> Store``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from rdflib import Graph

from .article import read_article
from .errors import ArticleError, NewskgError
from .fetch import fetch_page, read_file
from .graph import RunInfo, article_iri, facts_from_graph, to_graph
from .records import Article, Page
from .store import Store

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(slots=True)
class Failure:
    source: str
    message: str


@dataclass(slots=True)
class LoadSummary:
    """What a batch did: articles loaded, facts per type, failures."""

    articles: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    triples: int = 0


# ------------------------------------------------------------------ inputs


def is_url(source: str) -> bool:
    return "://" in source and not source.startswith("file://")


def _is_archive(path: Path) -> bool:
    return path.is_dir() and (any(path.glob("*.warc.gz")) or any(path.glob("*.warc")))


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Folders become the HTML files in them (sorted); archives and URLs pass through."""
    for source in inputs:
        path = Path(source)
        if not is_url(source) and path.is_dir() and not _is_archive(path):
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in HTML_SUFFIXES)
            if not files:
                yield source  # reported as an error by read_pages
            yield from (str(p) for p in files)
        else:
            yield source


def read_pages(
    inputs: Iterable[str], client: httpx.Client | None = None
) -> Iterator[Page | Failure]:
    """Each input as a Page, or a Failure (one bad input never stops the batch)."""
    for source in expand_inputs(inputs):
        path = Path(source)
        try:
            if is_url(source):
                yield fetch_page(source, client=client)
            elif _is_archive(path):
                from .archive import iter_archive

                yield from iter_archive(path)
            elif path.is_dir():
                raise ArticleError(f"{source}: folder holds no .html files")
            else:
                yield read_file(source)
        except NewskgError as exc:
            yield Failure(source, str(exc))


def read_articles(
    inputs: Iterable[str], client: httpx.Client | None = None
) -> Iterator[Article | Failure]:
    for page in read_pages(inputs, client):
        if isinstance(page, Failure):
            yield page
            continue
        try:
            yield read_article(page)
        except NewskgError as exc:
            yield Failure(page.source, str(exc))


def read_article_from(source: str) -> Article:
    """One input (file or URL) as an Article; raises on failure."""
    for item in read_articles([source]):
        if isinstance(item, Failure):
            raise ArticleError(item.message)
        return item
    raise ArticleError(f"{source}: nothing to read")


# ------------------------------------------------------------------ extraction


def run_info(nlp: Any) -> RunInfo:
    meta = nlp.meta
    return RunInfo(
        model=f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')}"
    )


def load_model(model: str | None = None) -> Any:
    from .nlp import load_pipeline

    return load_pipeline(model)


def extract_graphs(
    articles: Iterable[Article], nlp: Any | None = None, *, batch_size: int = 16
) -> Iterator[tuple[Article, Graph]]:
    """Articles -> their named graphs, parsing in batches with ``nlp.pipe``."""
    from .facts import extract_many

    nlp = nlp if nlp is not None else load_model()
    run = run_info(nlp)
    articles = list(articles)
    for article, facts in zip(
        articles, extract_many(articles, nlp, batch_size=batch_size), strict=True
    ):
        yield article, to_graph(article, facts, run)


def extract_facts_json(graph: Graph) -> list[dict[str, Any]]:
    """The FACTS.md view of an article graph (a projection of the RDF)."""
    return facts_from_graph(graph)


# ------------------------------------------------------------------ loading


def load(
    inputs: Iterable[str],
    store: Store,
    *,
    nlp: Any | None = None,
    client: httpx.Client | None = None,
    on_item: Callable[[str, str | None], None] | None = None,
    batch_size: int = 16,
) -> LoadSummary:
    """Read, extract and store every input; each article replaces its own named graph.

    ``on_item(source, error)`` is called once per input (for progress bars).
    """
    summary = LoadSummary()
    nlp = nlp if nlp is not None else load_model()
    batch: list[Article] = []

    def flush() -> None:
        for item in extract_safely(batch, nlp, batch_size=batch_size):
            if isinstance(item, Failure):
                summary.failures.append(item)
                if on_item:
                    on_item(item.source, item.message)
                continue
            article, graph = item
            try:
                store.replace_graph(str(article_iri(article)), graph)
            except NewskgError as exc:
                summary.failures.append(Failure(article.source, str(exc)))
                if on_item:
                    on_item(article.source, str(exc))
                continue
            summary.articles.append(str(article_iri(article)))
            summary.triples += len(graph)
            for fact in facts_from_graph(graph):
                summary.facts[fact["type"]] = summary.facts.get(fact["type"], 0) + 1
            if on_item:
                on_item(article.source, None)
        batch.clear()

    for item in read_articles(inputs, client):
        if isinstance(item, Failure):
            summary.failures.append(item)
            if on_item:
                on_item(item.source, item.message)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return summary


def extract_safely(
    articles: list[Article], nlp: Any, *, batch_size: int = 16
) -> Iterator[tuple[Article, Graph] | Failure]:
    """Like :func:`extract_graphs`, but a failing article becomes a :class:`Failure`.

    The batch is parsed with ``nlp.pipe``; if that fails, each article is retried alone so
    one bad article never stops the others.
    """
    try:
        yield from list(extract_graphs(articles, nlp, batch_size=batch_size))
        return
    except Exception as exc:  # noqa: BLE001 - isolate the culprit below
        log.warning("batch extraction failed (%s); retrying one by one", exc)
    for article in articles:
        try:
            yield from list(extract_graphs([article], nlp))
        except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
            yield Failure(
                article.source, f"{article.source}: extraction failed ({type(exc).__name__}: {exc})"
            )


# ------------------------------------------------------------------ evaluation


def predict_facts(path: Path, nlp: Any) -> list[dict[str, Any]]:
    """The facts view of one HTML file, through the whole pipeline (as ``extract --format facts``)."""
    article = read_article(read_file(str(path)))
    return [fact for _a, g in extract_graphs([article], nlp) for fact in facts_from_graph(g)]


def evaluate(gold_dir: Path, model: str | None = None) -> Any:
    from .evaluate import evaluate_dir

    if not gold_dir.is_dir():
        raise ArticleError(f"{gold_dir}: not a folder")
    if not any(gold_dir.glob("*.gold.jsonl")):
        raise ArticleError(f"{gold_dir}: holds no *.gold.jsonl files")
    nlp = load_model(model)
    return evaluate_dir(gold_dir, lambda p: predict_facts(p, nlp))
