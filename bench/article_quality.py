"""Score ``read_article`` against plain trafilatura on ``../shared/pages`` (side by side).

Scoring follows ``../shared/pages/README.md``: body = F1 over the multiset of lower-cased
word 4-shingles against ``body_text`` (snippet-only pages: share of must-contain snippets
found and must-not-contain snippets absent); title = equal after NFKC + casefold +
whitespace collapse; date = same calendar day; author = same set of names after that
normalisation with punctuation dropped (a publisher name given as author counts as none).

Run: ``.venv/bin/python bench/article_quality.py [--pages DIR] [--verbose]``
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "pages"


@dataclass
class Result:
    title: str | None = None
    text: str = ""
    date: str | None = None
    authors: list[str] = field(default_factory=list)


# --- normalisation -------------------------------------------------------------------


def norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def norm_name(s: str) -> str:
    s = norm(s)
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("P"))
    return " ".join(s.split())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = text.lower().split()
    return Counter(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 0)))


def body_f1(pred: str, gold: str) -> float:
    p, g = shingles(pred), shingles(gold)
    overlap = sum((p & g).values())
    if not p or not g or not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def snippet_score(pred: str, must: list[str], must_not: list[str]) -> float:
    text = norm(pred)
    checks = [norm(s) in text for s in must] + [norm(s) not in text for s in must_not]
    return sum(checks) / len(checks) if checks else 1.0


def split_names(value: str | list[str] | None) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        for part in re.split(r",|\band\b|\||;", item):
            part = part.strip()
            if part and "@" not in part:
                out.append(part)
    return out


def author_set(names: list[str], publishers: set[str]) -> frozenset[str]:
    return frozenset(n for n in map(norm_name, names) if n and n not in publishers)


# --- extractors ----------------------------------------------------------------------


def run_newskg(path: Path) -> Result:
    from extract.article import read_article
    from extract.fetch import read_file

    art = read_article(read_file(str(path)))
    return Result(art.title, art.text, art.published, list(art.authors))


def run_trafilatura(path: Path) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    if doc is None:
        return Result()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Result(doc.title, doc.text or "", doc.date, authors)


# --- scoring -------------------------------------------------------------------------


def score_page(truth: dict, res: Result, publishers: set[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    if truth.get("body_text"):
        out["body"] = body_f1(res.text, truth["body_text"])
    elif truth.get("snippets_must_contain") or truth.get("snippets_must_not_contain"):
        out["snippets"] = snippet_score(
            res.text,
            truth.get("snippets_must_contain", []),
            truth.get("snippets_must_not_contain", []),
        )
    if truth.get("title"):
        out["title"] = float(norm(res.title or "") == norm(truth["title"]))
    gold_date = truth.get("date") or truth.get("date_published")
    if gold_date:
        out["date"] = float(bool(res.date) and res.date[:10] == gold_date[:10])
    if "author" in truth:
        gold = author_set(split_names(truth["author"]), publishers)
        out["author"] = float(author_set(res.authors, publishers) == gold)
    return out


def publishers_of(pages: Path) -> dict[str, set[str]]:
    rows: dict[str, set[str]] = {}
    manifest = pages / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                pub = row.get("publisher") or ""
                rows[row["slug"]] = {norm_name(pub), norm_name(re.sub(r"\(.*?\)", "", pub))}
    return rows


def evaluate(pages: Path, extractor: Callable[[Path], Result], verbose: bool = False):
    pubs = publishers_of(pages)
    per_metric: dict[str, list[float]] = {}
    for d in sorted(p for p in pages.iterdir() if (p / "truth.json").exists()):
        truth = json.loads((d / "truth.json").read_text(encoding="utf-8"))
        known = pubs.get(d.name, set())
        known |= {norm_name(truth[k]) for k in ("site_name", "site", "sitename") if truth.get(k)}
        try:
            res = extractor(d / "source.html")
        except Exception as exc:  # a crash scores zero, it must not stop the bench
            if verbose:
                print(f"  {d.name}: error {exc}", file=sys.stderr)
            res = Result()
        scores = score_page(truth, res, known)
        if verbose:
            bad = {k: round(v, 3) for k, v in scores.items() if v < (0.95 if k == "body" else 1)}
            if bad:
                print(f"  {d.name}: {bad}", file=sys.stderr)
        for k, v in scores.items():
            per_metric.setdefault(k, []).append(v)
    return {k: (mean(v), len(v)) for k, v in per_metric.items()}


GOALS = {"body": 0.96, "snippets": None, "title": 0.90, "date": 0.95, "author": 0.85}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=PAGES)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--only", choices=["newskg", "trafilatura"])
    args = ap.parse_args(argv)
    if not args.pages.is_dir():
        print(f"no pages folder at {args.pages}; nothing to score", file=sys.stderr)
        return 0
    results = {}
    for name, fn in (("newskg", run_newskg), ("trafilatura", run_trafilatura)):
        if args.only and args.only != name:
            continue
        if args.verbose:
            print(f"{name}:", file=sys.stderr)
        results[name] = evaluate(args.pages, fn, args.verbose)
    names = list(results)
    print(f"{'metric':<10}{'pages':>6}" + "".join(f"{n:>13}" for n in names) + f"{'goal':>8}")
    for metric in GOALS:
        row = [results[n].get(metric) for n in names]
        if not any(row):
            continue
        count = next(r[1] for r in row if r)
        cells = "".join(f"{r[0]:>13.3f}" if r else f"{'-':>13}" for r in row)
        goal = GOALS[metric]
        print(f"{metric:<10}{count:>6}{cells}{(f'{goal:.2f}' if goal else '-'):>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
