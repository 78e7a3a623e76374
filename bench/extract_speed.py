"""Extraction speed: our whole extraction against bare ``nlp.pipe`` with the same model.

Corpus: ``examples/*.html``, ``../shared/pages/*/source.html`` and ``../shared/eval/*/*.html``
read through ``read_file`` + ``read_article`` (not timed), repeated until it holds at least
``--min-articles`` (200) articles. Then, in one process and on the same texts:

- ``bare``: ``list(spacy.load(MODEL).pipe(texts))``, the stock pipeline, default batching;
- ``facts``: ``extract.facts.extract_many(articles, nlp, ...)`` with our pipeline
  (``extract.nlp.load_pipeline(MODEL)``: stock model plus our components and relations);
- ``full``: ``extract.api.extract_graphs`` plus the facts projection, i.e. what
  ``newskg extract --format facts`` does after reading the pages (skipped if absent).

It prints words per second for each leg and ``ours / bare`` (the goal is >= 0.75), by wall
time and by CPU time (user + system, n_process workers included). The legs run interleaved
``--repeat`` times and the best time of each counts; on a machine shared with other jobs
the CPU ratio is the steadier number. Words are whitespace tokens of ``Article.text``,
counted once per article for every leg.

Run: ``.venv/bin/python bench/extract_speed.py [--model NAME] [--min-articles 200]
[--batch-size 16] [--n-process 1] [--repeat 1] [--json]``
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def corpus_paths() -> list[Path]:
    """Every HTML page we may bench on, in a stable order."""
    paths = sorted((ROOT / "examples").glob("*.html"))
    paths += sorted((SHARED / "pages").glob("*/source.html"))
    paths += sorted((SHARED / "eval").glob("*/*.html"))
    return paths


def read_corpus(paths: Iterable[Path], min_articles: int) -> tuple[list[Any], int, list[str]]:
    """Articles read from ``paths`` (repeated up to ``min_articles``), distinct count, failures."""
    from extract.article import read_article
    from extract.errors import NewskgError
    from extract.fetch import read_file

    unique: list[Any] = []
    failures: list[str] = []
    for path in paths:
        try:
            unique.append(read_article(read_file(str(path))))
        except NewskgError as exc:
            failures.append(f"{path}: {exc}")
    if not unique:
        raise SystemExit("error: no readable articles for the speed corpus")
    articles = list(unique)
    while len(articles) < min_articles:
        articles.extend(unique[: min_articles - len(articles)])
    return articles, len(unique), failures


@dataclass
class Leg:
    name: str
    seconds: float
    cpu_seconds: float
    words: int
    docs: int
    settings: str

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0


def _cpu() -> float:
    # user + system time of this process and its reaped children (n_process workers).
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _time_legs(legs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, tuple[float, float]]:
    """Best (wall, cpu) seconds per leg over ``repeat`` rounds, the legs interleaved in each
    round so that load from other jobs on the machine falls on all of them alike. CPU time
    is the steadier measure on a busy machine; wall time is what a user waits."""
    best = dict.fromkeys(legs, (float("inf"), float("inf")))
    for _ in range(repeat):
        for name, fn in legs.items():
            gc.collect()
            wall, cpu = time.perf_counter(), _cpu()
            fn()
            wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def model_name(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '')}"


def run(args: argparse.Namespace) -> dict[str, Any]:
    import spacy

    try:
        from extract.facts import extract_many
        from extract.nlp import load_pipeline
    except ImportError as exc:  # the extraction modules are written in parallel
        raise SystemExit(f"error: extraction API not available yet ({exc})") from exc

    paths = corpus_paths()
    articles, distinct, failures = read_corpus(paths, args.min_articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    ours_nlp = load_pipeline(args.model)
    name = args.model or model_name(ours_nlp)
    bare_nlp = spacy.load(name)

    # Warm up both (lazy vocab/vectors, first-call allocations) on a few texts.
    list(bare_nlp.pipe(texts[:5]))
    list(extract_many(articles[:5], ours_nlp, batch_size=args.batch_size))

    bs, n_proc = args.batch_size, args.n_process
    runs: dict[str, Callable[[], Any]] = {
        "bare": lambda: list(bare_nlp.pipe(texts, n_process=args.bare_n_process)),
        "facts": lambda: list(extract_many(articles, ours_nlp, batch_size=bs, n_process=n_proc)),
    }
    settings = {
        "bare": f"nlp.pipe n_process={args.bare_n_process}",
        "facts": f"extract_many batch_size={bs} n_process={n_proc}",
    }
    full = _full_leg(articles, ours_nlp, args)
    if full is not None:
        runs["full"], settings["full"] = full
    seconds = _time_legs(runs, args.repeat)
    legs = [Leg(n, *seconds[n], words, len(texts), settings[n]) for n in runs]

    bare_wps = legs[0].words_per_second
    bare_cpu_wps = legs[0].words_per_cpu_second
    return {
        "model": name,
        "pipeline": list(ours_nlp.pipe_names),
        "bare_pipeline": list(bare_nlp.pipe_names),
        "articles": len(articles),
        "unique_articles": distinct,
        "unreadable_pages": failures,
        "words": words,
        "repeat": args.repeat,
        "legs": [
            {
                **asdict(leg),
                "words_per_second": round(leg.words_per_second, 1),
                "words_per_cpu_second": round(leg.words_per_cpu_second, 1),
            }
            for leg in legs
        ],
        "ratios": {leg.name: round(leg.words_per_second / bare_wps, 3) for leg in legs[1:]},
        "cpu_ratios": {
            leg.name: round(leg.words_per_cpu_second / bare_cpu_wps, 3) for leg in legs[1:]
        },
    }


def _full_leg(
    articles: list[Any], nlp: Any, args: argparse.Namespace
) -> tuple[Callable[[], Any], str] | None:
    """What ``newskg extract --format facts`` does after reading (graphs, then the facts
    projection of each graph), if the API exists."""
    try:
        from extract.api import extract_facts_json, extract_graphs
    except ImportError:
        return None
    opts: dict[str, Any] = {"batch_size": args.batch_size}
    if "n_process" in inspect.signature(extract_graphs).parameters:
        opts["n_process"] = args.n_process

    def go() -> None:
        for _article, graph in extract_graphs(articles, nlp, **opts):
            extract_facts_json(graph)

    label = " ".join(f"{k}={v}" for k, v in opts.items())
    return go, f"api.extract_graphs + facts projection {label}"


def render(result: dict[str, Any]) -> str:
    lines = [
        f"model {result['model']}; ours: {', '.join(result['pipeline'])}",
        f"corpus: {result['articles']} articles ({result['unique_articles']} distinct), "
        f"{result['words']} words; {len(result['unreadable_pages'])} pages unreadable; "
        f"best of {result['repeat']}",
        "",
        f"{'leg':<6} {'wall s':>8} {'words/s':>9} {'cpu s':>8} {'words/cpu-s':>12}  settings",
    ]
    for leg in result["legs"]:
        lines.append(
            f"{leg['name']:<6} {leg['seconds']:>8.2f} {leg['words_per_second']:>9.0f}"
            f" {leg['cpu_seconds']:>8.2f} {leg['words_per_cpu_second']:>12.0f}  {leg['settings']}"
        )
    lines.append("")
    for name, ratio in result["ratios"].items():
        verdict = "ok" if ratio >= 0.75 else "below the 0.75 goal"
        cpu = result["cpu_ratios"][name]
        lines.append(f"ratio {name}/bare = {ratio:.3f} wall ({verdict}); {cpu:.3f} cpu")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model (default: as newskg picks)")
    parser.add_argument("--min-articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=1, help="for our extraction")
    parser.add_argument("--bare-n-process", type=int, default=1, help="for bare nlp.pipe")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per leg")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
