"""Score predicted facts against gold facts, exactly as ``../shared/eval/FACTS.md`` says.

A predicted fact matches a gold fact of the same type when the type's key fields match:

- names: case-folded, punctuation dropped, no leading "the" or trailing "'s"; a gold name may
  list aliases with ``|``; a predicted name also matches when it holds every word of a gold
  alias and at most two words more;
- numbers (``amount``, ``signatures``, ``count``): within 0.5%;
- quotes: the speaker matches as a name and the predicted text holds at least half the words
  of the gold text.

Each gold fact is matched at most once; we take a maximum bipartite matching per type, so a
greedy early choice never costs a match. Types outside the key table are ignored.

>>> gold = [{"type": "spend", "organization": "Meta|Meta Platforms",
...          "amount": 145000000000, "currency": "USD"}]
>>> pred = [{"type": "spend", "organization": "Meta Platforms Inc",
...          "amount": 145.2e9, "currency": "usd"}]
>>> score(pred, gold).micro.f1
1.0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from extract.errors import NewskgError, UsageError

__all__ = [
    "KEY_FIELDS",
    "FileResult",
    "Report",
    "Scores",
    "TypeScore",
    "evaluate_dir",
    "explain",
    "fact_matches",
    "format_report",
    "load_gold",
    "load_predictions",
    "name_matches",
    "normalise_name",
    "number_matches",
    "quote_text_matches",
    "score",
]

KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "role": ("person", "organization"),
    "operates": ("organization", "program"),
    "collects": ("program", "data"),
    "monitors": ("program", "subjects"),
    "status": ("program", "action"),
    "petition": ("target", "signatures"),
    "spend": ("organization", "amount", "currency"),
    "exposure": ("organization",),
    "penalty": ("organization", "amount", "currency"),
    "law": ("law", "jurisdiction"),
    "quote": ("speaker", "text"),
    "source": ("outlet",),
    "workforce": ("organization", "count"),
}
TYPES: tuple[str, ...] = tuple(KEY_FIELDS)
NUMBER_FIELDS = frozenset({"amount", "signatures", "count"})
NUMBER_TOLERANCE = Decimal("0.005")
EXTRA_WORDS = 2  # a predicted name may hold this many words beyond a gold alias

Fact = Mapping[str, Any]

# ---------------------------------------------------------------------------------------
# Field comparison
# ---------------------------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018`\u00b4"
_TRAILING_S = re.compile(rf"[{_APOSTROPHES}]s$")
_DROP = re.compile(rf"[{_APOSTROPHES}.]")  # inside words: "U.S." -> "us", "l'ICO" -> "lico"


def _words(text: str) -> list[str]:
    """Case-folded words without punctuation (other punctuation separates words)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DROP.sub("", text)
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def normalise_name(name: str) -> tuple[str, ...]:
    """The words a name is compared by.

    >>> normalise_name("The Information Commissioner's Office's")
    ('information', 'commissioners', 'office')
    """
    name = unicodedata.normalize("NFKC", name).strip()
    name = _TRAILING_S.sub("", name.rstrip(' .,;:!?"”)'))
    words = _words(name)
    if words[:1] == ["the"]:
        words = words[1:]
    return tuple(words)


def _aliases(value: Any) -> list[tuple[str, ...]]:
    if value is None:
        return []
    parts = str(value).split("|")
    return [w for w in (normalise_name(p) for p in parts) if w]


def name_matches(predicted: Any, gold: Any) -> bool:
    """Whether a predicted name matches a gold name (with ``|`` aliases).

    >>> name_matches("Meta Platforms Inc.", "Meta|Facebook")
    True
    >>> name_matches("Meta's AI research lab staff", "Meta")
    False
    """
    gold_aliases = _aliases(gold)
    for pred in _aliases(predicted):
        pred_count = Counter(pred)
        for alias in gold_aliases:
            if pred == alias:
                return True
            if len(pred) - len(alias) <= EXTRA_WORDS and not Counter(alias) - pred_count:
                return True
    return False


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def number_matches(predicted: Any, gold: Any) -> bool:
    """Whether two numbers agree within 0.5% of the gold value.

    >>> number_matches(2009, 2000), number_matches(2011, 2000)
    (True, False)
    """
    p, g = _number(predicted), _number(gold)
    if p is None or g is None or not p.is_finite() or not g.is_finite():
        return False
    return abs(p - g) <= abs(g) * NUMBER_TOLERANCE


def quote_text_matches(predicted: Any, gold: Any) -> bool:
    """Whether the predicted quote holds at least half the words of the gold quote."""
    if predicted is None or gold is None:
        return False
    gold_words = _words(str(gold))
    if not gold_words:
        return False
    pred_words = set(_words(str(predicted)))
    present = sum(1 for w in gold_words if w in pred_words)
    return 2 * present >= len(gold_words)


def _field_matches(fact_type: str, name: str, predicted: Any, gold: Any) -> bool:
    if predicted is None or gold is None:
        return False
    if name in NUMBER_FIELDS:
        return number_matches(predicted, gold)
    if fact_type == "quote" and name == "text":
        return quote_text_matches(predicted, gold)
    return name_matches(predicted, gold)


def fact_matches(predicted: Fact, gold: Fact) -> bool:
    """Whether ``predicted`` matches ``gold`` on every key field of its type."""
    fact_type = gold.get("type")
    if predicted.get("type") != fact_type or fact_type not in KEY_FIELDS:
        return False
    return all(
        _field_matches(fact_type, f, predicted.get(f), gold.get(f)) for f in KEY_FIELDS[fact_type]
    )


def _field_report(predicted: Fact, gold: Fact) -> list[str]:
    """Which key fields of a near miss failed (for :func:`explain`)."""
    fact_type = str(gold.get("type"))
    return [
        f"{f}: {predicted.get(f)!r} vs {gold.get(f)!r}"
        for f in KEY_FIELDS.get(fact_type, ())
        if not _field_matches(fact_type, f, predicted.get(f), gold.get(f))
    ]


# ---------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: TypeScore) -> TypeScore:
        return TypeScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-type and micro scores, plus the facts behind them."""

    per_type: dict[str, TypeScore]
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def micro(self) -> TypeScore:
        total = TypeScore()
        for s in self.per_type.values():
            total = total + s
        return total

    def __add__(self, other: Scores) -> Scores:
        per_type = {
            t: self.per_type.get(t, TypeScore()) + other.per_type.get(t, TypeScore()) for t in TYPES
        }
        return Scores(
            per_type,
            self.matched + other.matched,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @classmethod
    def empty(cls) -> Scores:
        return cls({t: TypeScore() for t in TYPES})

    def to_json(self) -> dict[str, Any]:
        return {
            "per_type": {t: s.to_json() for t, s in self.per_type.items()},
            "micro": self.micro.to_json(),
        }


def _as_dict(fact: Any) -> dict[str, Any]:
    if isinstance(fact, Mapping):
        return dict(fact)
    to_json = getattr(fact, "to_json", None)
    if callable(to_json):
        return dict(to_json())
    raise TypeError(f"not a fact: {fact!r}")


def _max_matching(n_pred: int, n_gold: int, edges: list[list[int]]) -> list[int | None]:
    """Maximum bipartite matching (augmenting paths); returns gold index per prediction."""
    gold_of: list[int | None] = [None] * n_pred
    pred_of: list[int | None] = [None] * n_gold

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            owner = pred_of[g]
            if owner is None or augment(owner, seen):
                gold_of[p] = g
                pred_of[g] = p
                return True
        return False

    for p in range(n_pred):
        augment(p, set())
    return gold_of


def score(predicted: Iterable[Any], gold: Iterable[Any]) -> Scores:
    """Score predicted facts against gold facts of one article (or any two lists).

    Facts are dicts in the FACTS.md shape (or objects with ``to_json()``); facts whose type
    is not in :data:`KEY_FIELDS` are ignored on both sides.
    """
    preds = [f for f in map(_as_dict, predicted) if f.get("type") in KEY_FIELDS]
    golds = [f for f in map(_as_dict, gold) if f.get("type") in KEY_FIELDS]
    per_type: dict[str, TypeScore] = {}
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = []
    fps: list[dict[str, Any]] = []
    fns: list[dict[str, Any]] = []
    for fact_type in TYPES:
        p_t = [f for f in preds if f["type"] == fact_type]
        g_t = [f for f in golds if f["type"] == fact_type]
        edges = [[j for j, g in enumerate(g_t) if fact_matches(p, g)] for p in p_t]
        gold_of = _max_matching(len(p_t), len(g_t), edges)
        used = {g for g in gold_of if g is not None}
        for i, g in enumerate(gold_of):
            if g is None:
                fps.append(p_t[i])
            else:
                matched.append((p_t[i], g_t[g]))
        fns.extend(g for j, g in enumerate(g_t) if j not in used)
        tp = len(used)
        per_type[fact_type] = TypeScore(tp, len(p_t) - tp, len(g_t) - tp)
    return Scores(per_type, matched, fps, fns)


# ---------------------------------------------------------------------------------------
# Files and directories
# ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path, what: str) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {what} file {path}: {exc.strerror or exc}") from exc
    facts: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            fact = json.loads(line)
        except ValueError as exc:
            raise UsageError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(fact, dict) or not isinstance(fact.get("type"), str):
            raise UsageError(f"{path}:{n}: a fact must be a JSON object with a string 'type'")
        facts.append(fact)
    return facts


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    """The gold facts of one ``NAME.gold.jsonl`` file."""
    return _read_jsonl(Path(path), "gold")


def load_predictions(path: Path | str) -> list[dict[str, Any]]:
    """Predicted facts saved as JSON Lines (``newskg extract --format facts`` output)."""
    return _read_jsonl(Path(path), "predictions")


@dataclass(frozen=True, slots=True)
class FileResult:
    name: str
    html: Path | None
    scores: Scores
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    gold_dir: Path
    files: list[FileResult]

    @property
    def total(self) -> Scores:
        total = Scores.empty()
        for f in self.files:
            total = total + f.scores
        return total

    @property
    def failures(self) -> int:
        return sum(1 for f in self.files if f.error)

    def to_json(self) -> dict[str, Any]:
        return {
            "gold_dir": str(self.gold_dir),
            **self.total.to_json(),
            "files": [{"name": f.name, "error": f.error, **f.scores.to_json()} for f in self.files],
        }


GOLD_SUFFIX = ".gold.jsonl"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _page_for(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(GOLD_SUFFIX)]
    for suffix in HTML_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def evaluate_dir(gold_dir: Path | str, predict: Callable[[Path], Sequence[Any]]) -> Report:
    """Run ``predict`` on each ``NAME.html`` beside a ``NAME.gold.jsonl`` and score it.

    A page that ``predict`` fails on (a :class:`NewskgError`) scores as no predictions and is
    reported with its error; the other pages still run.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise UsageError(f"gold directory not found: {gold_dir}")
    gold_files = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if not gold_files:
        raise UsageError(f"no *{GOLD_SUFFIX} files in {gold_dir}")
    results: list[FileResult] = []
    for gold_path in gold_files:
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        gold = load_gold(gold_path)
        page = _page_for(gold_path)
        if page is None:
            results.append(
                FileResult(name, None, score([], gold), f"no page {name}.html beside the gold")
            )
            continue
        try:
            predicted = list(predict(page))
        except NewskgError as exc:
            results.append(FileResult(name, page, score([], gold), str(exc)))
            continue
        results.append(FileResult(name, page, score(predicted, gold)))
    return Report(gold_dir, results)


# ---------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths).rstrip()
    return [line(header), rule, *(line(r) for r in rows)]


def _ratio(value: float, empty: bool) -> str:
    return "-" if empty else f"{value:.3f}"


def _score_row(label: str, s: TypeScore) -> list[str]:
    return [
        label,
        str(s.gold),
        str(s.predicted),
        str(s.tp),
        str(s.fp),
        str(s.fn),
        _ratio(s.precision, s.predicted == 0 and s.gold == 0),
        _ratio(s.recall, s.gold == 0 and s.predicted == 0),
        _ratio(s.f1, s.gold == 0 and s.predicted == 0),
    ]


def format_report(report: Report) -> str:
    """Plain-text tables: per type P/R/F1 and micro, then per file counts."""
    total = report.total
    header = ["type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"]
    rows = [_score_row(t, total.per_type.get(t, TypeScore())) for t in TYPES]
    rows.append(_score_row("micro", total.micro))
    out = [f"Facts scored against {report.gold_dir}", "", *_table(header, rows), ""]
    file_rows = []
    for f in report.files:
        row = _score_row(f.name, f.scores.micro)
        row.append(f"error: {f.error}" if f.error else "")
        file_rows.append(row)
    out.extend(_table(["file", *header[1:], ""], file_rows))
    m = total.micro
    out.append("")
    out.append(
        f"micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}"
        f" over {len(report.files)} files ({report.failures} failed)"
    )
    return "\n".join(out)


def _brief(fact: Mapping[str, Any]) -> str:
    keys = KEY_FIELDS.get(str(fact.get("type")), ())
    shown = {k: fact.get(k) for k in keys}
    extra = {
        k: v
        for k, v in fact.items()
        if k not in keys and k not in ("type", "article", "evidence", "confidence", "fact")
    }
    text = f"{fact.get('type')} {json.dumps(shown, ensure_ascii=False)}"
    if extra:
        text += f" +{json.dumps(extra, ensure_ascii=False)}"
    return text


def _evidence(fact: Mapping[str, Any]) -> str | None:
    ev = fact.get("evidence")
    if isinstance(ev, Mapping) and ev.get("text"):
        text = " ".join(str(ev["text"]).split())
        return text if len(text) <= 200 else text[:197] + "..."
    return None


def _nearest(gold: Mapping[str, Any], preds: Sequence[Mapping[str, Any]]) -> list[str]:
    """Same-type predictions that got some but not all key fields right."""
    fact_type = str(gold.get("type"))
    keys = KEY_FIELDS.get(fact_type, ())
    near = []
    for p in preds:
        if p.get("type") != fact_type:
            continue
        failed = _field_report(p, gold)
        if failed and len(failed) < len(keys):
            near.append("; ".join(failed))
    return near[:3]


def explain(report: Report) -> str:
    """Per file: missed gold facts (with near misses) and false positives (with evidence)."""
    out: list[str] = []
    for f in report.files:
        s = f.scores
        m = s.micro
        out.append(f"== {f.name}: tp={m.tp} fp={m.fp} fn={m.fn} F1={m.f1:.3f}")
        if f.error:
            out.append(f"  error: {f.error}")
        predicted = [p for p, _g in s.matched] + s.false_positives
        for g in s.false_negatives:
            out.append(f"  MISSED  {_brief(g)}")
            for near in _nearest(g, predicted):
                out.append(f"          near: {near}")
        for p in s.false_positives:
            out.append(f"  EXTRA   {_brief(p)}")
            if ev := _evidence(p):
                out.append(f"          from: {ev}")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# Scoring saved predictions: python -m extract.evaluate GOLD_DIR --pred PRED_DIR
# ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extract.evaluate",
        description="Score saved facts (PRED_DIR/NAME.jsonl) against GOLD_DIR/NAME.gold.jsonl."
        " Example: python -m extract.evaluate ../shared/eval/dev --pred out/ --details",
    )
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--pred", type=Path, required=True, help="folder of NAME.jsonl files")
    parser.add_argument("--details", action="store_true", help="list misses and extras")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    def predict(page: Path) -> list[dict[str, Any]]:
        stem = page.name.rsplit(".", 1)[0]
        path = args.pred / f"{stem}.jsonl"
        if not path.is_file():
            raise UsageError(f"no predictions {path}")
        return load_predictions(path)

    try:
        report = evaluate_dir(args.gold_dir, predict)
    except NewskgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(format_report(report))
        if args.details:
            print()
            print(explain(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
