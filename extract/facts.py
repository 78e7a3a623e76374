"""``Doc`` -> :class:`~extract.records.Fact`: values normalised, names merged, duplicates gone.

>>> from extract.nlp import load_pipeline                      # doctest: +SKIP
>>> facts = extract_facts(article, load_pipeline())            # doctest: +SKIP
>>> facts[0].to_json()["type"]                                 # doctest: +SKIP
'operates'

The relation rules (:mod:`extract.nlp.relations`) leave raw facts on ``Doc._.facts``; here
money becomes an amount and ISO 4217 code (:mod:`extract.values`), counts become ints,
dates are resolved against the article's publication date, the article's own publisher is
dropped from sources, and facts with the same key fields are merged (highest confidence,
most precise amount).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.extensions import with_publisher
from extract.nlp.lexicon import load_lexicon
from extract.nlp.names import its_peoples_group
from extract.nlp.relations import DateText, RawFact, unpack
from extract.places import is_state_or_country
from extract.records import FACT_FIELDS, Article, Evidence, Fact
from extract.values import Count, Money, resolve_date, to_json_number

__all__ = ["extract_facts", "extract_many", "to_facts"]

KEYS: dict[str, tuple[str, ...]] = {
    "role": ("person", "organization"),
    "operates": ("organization", "program"),
    "collects": ("program", "data"),
    "monitors": ("program",),
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
_STOP = {"the", "a", "an"}


def extract_facts(article: Article, nlp: Language) -> list[Fact]:
    """All facts of one article (runs the whole pipeline on ``article.text``)."""
    return to_facts(nlp(_doc_of(article, nlp)), article)


def extract_many(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32, n_process: int = 1
) -> Iterator[list[Fact]]:
    """Facts per article, in order, batching through ``nlp.pipe``."""
    pairs = ((_doc_of(a, nlp), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield to_facts(doc, article)


def _doc_of(article: Article, nlp: Language) -> Doc:
    return with_publisher(nlp.make_doc(article.text), article.publisher)


def to_facts(doc: Doc, article: Article) -> list[Fact]:
    raw: list[RawFact] = [unpack(d) for d in doc._.facts or []]
    facts = []
    for r in raw:
        fields = _normalise(r, article)
        if fields is None:
            continue
        ev = Evidence(article.url, article.text[r.start : r.end], r.start, r.end)
        facts.append(Fact(r.type, fields, ev, max(0.0, min(1.0, r.confidence))))
    facts = [f for f in facts if not _own_publisher(f, article)]
    return _merge_collects(_merge(_full_org_names(facts)))


def _full_org_names(facts: list[Fact]) -> list[Fact]:
    """ "Lakeview" and "Lakeview Health" in one article are one organisation: a short form
    that begins exactly one longer organisation name of the same article takes that name."""
    names = {
        f.fields["organization"] for f in facts if isinstance(f.fields.get("organization"), str)
    }
    longer: dict[str, str] = {}
    for short in names:
        if is_state_or_country(short):
            continue  # "Indiana" is not the "Indiana State Teachers Association"
        words = short.split()
        # "Government" is not the "Government of Russia" (an "of" makes another body)
        fuller = {
            n
            for n in names
            if len(n.split()) > len(words)
            and n.split()[: len(words)] == words
            and n.split()[len(words)] not in ("of", "for", "and")
            # "Hanbit Air Cabin Crew Union" is its staff's union, not the airline
            and not its_peoples_group(" ".join(n.split()[len(words) - 1 :]))
        }
        if len(fuller) == 1:
            longer[short] = fuller.pop()
    if not longer:
        return facts
    out = []
    for f in facts:
        org = f.fields.get("organization")
        if isinstance(org, str) and org in longer:
            f = Fact(f.type, {**f.fields, "organization": longer[org]}, f.evidence, f.confidence)
        out.append(f)
    return out


def _normalise(r: RawFact, article: Article) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for key, value in r.fields.items():
        if isinstance(value, Money):
            out[key] = to_json_number(value.amount)
            out["currency"] = value.currency
            if value.qualifier and "qualifier" not in r.fields:
                out["qualifier"] = value.qualifier
        elif isinstance(value, Count):
            out[key] = value.value
            if value.qualifier and "qualifier" not in r.fields:
                out["qualifier"] = value.qualifier
        elif isinstance(value, DateText):
            iso = resolve_date(value.text, article.published)
            if iso:
                out[key] = iso
        elif isinstance(value, str):
            v = " ".join(value.split())
            if v:
                out[key] = v
        elif value is not None:
            out[key] = value
    required, _ = FACT_FIELDS[r.type]
    if any(out.get(f) in (None, "") for f in required):
        return None
    return out


def _norm(text: str) -> str:
    t = re.sub(r"[^\w\s]", " ", str(text).casefold())
    words = [w for w in t.split() if w]
    while words and words[0] in _STOP:
        words = words[1:]
    if words and words[-1] == "s":
        words = words[:-1]
    return " ".join(words)


# a wire story's dateline: "Nairobi (AFP) –", "LONDON, March 3 (Reuters) -"
_DATELINE = re.compile(r"^[A-Z][\w .,'’-]{0,60}?\(([A-Za-z][\w .-]{0,30})\)\s*[-–—]", re.M)


def _wire_agency(text: str) -> str | None:
    """The news agency a dateline credits, when the outlet list knows it."""
    m = _DATELINE.search(text[:3000])
    return m.group(1) if m and m.group(1) in load_lexicon().outlets else None


def _own_publisher(fact: Fact, article: Article) -> bool:
    """The article's own publisher is no cited source ("told the Courier" in The Valley
    Courier). Its own staff keep their roles ("Jon Sopel, the BBC's North America editor")."""
    if fact.type != "source":
        return False
    outlet = _norm(fact.fields["outlet"])
    pub_words = set(_norm(article.publisher or "").split())
    if outlet and set(outlet.split()) <= pub_words:
        return True
    names = {_norm(article.publisher or "")}
    host = urlparse(article.url).hostname or ""
    parts = [
        p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "example")
    ]
    names |= {p for p in parts if len(p) > 2}
    compact = outlet.replace(" ", "")
    initials = "".join(w[0] for w in outlet.split() if w)
    if len(initials) >= 2 and initials in parts:  # "Financial Times" on ft.com
        return True
    pub_initials = "".join(w[0] for w in _norm(article.publisher or "").split())
    if len(compact) >= 2 and compact == pub_initials:  # "told DBR" in Distribution Business Review
        return True
    if outlet and outlet == _norm(_wire_agency(article.text) or ""):
        return True  # "Nairobi (AFP) - ... told AFP": the agency wrote the story
    return bool(outlet) and (
        outlet in names or compact in names or any(n and (n == compact) for n in names)
    )


def _key(f: Fact) -> tuple[Any, ...]:
    vals = []
    for k in KEYS[f.type]:
        v = f.fields.get(k)
        if k == "text":
            v = _norm(v)[:60]
        elif isinstance(v, str):
            v = _norm(v)
        elif isinstance(v, float | int | Decimal) and not isinstance(v, bool):
            v = float(v)
        vals.append(v)
    return (f.type, *vals)


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.005 * max(abs(a), abs(b))
    return bool(a == b)


def _precision(f: Fact) -> int:
    v = f.fields.get("amount")
    return len(re.sub(r"0+$", "", re.sub(r"\D", "", str(v)))) if v is not None else 0


def _merge(facts: list[Fact]) -> list[Fact]:
    kept: list[tuple[tuple[Any, ...], Fact]] = []
    for f in facts:
        k = _key(f)
        for i, (k2, g) in enumerate(kept):
            if len(k) == len(k2) and all(_close(a, b) for a, b in zip(k, k2, strict=True)):
                better = f if (_precision(f), f.confidence) > (_precision(g), g.confidence) else g
                if better is f:
                    fields = {**g.fields, **f.fields}
                    kept[i] = (k2, Fact(f.type, fields, f.evidence, f.confidence))
                break
        else:
            kept.append((k, f))
    return [f for _, f in kept]


# whole kinds of data that name one kind another way (by their stems)
SAME_KIND = {frozenset({"screen"}): frozenset({"screenshot"})}


def _stems(text: str) -> frozenset[str]:
    words = _norm(text).split()
    # "location data" and "GPS location" are one kind: "data" names no kind of its own
    words = [w for w in words if w not in ("data", "information")] or words
    stems = frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)
    # "recorded their screens" and "took screenshots": what a reader counts as one kind
    return SAME_KIND.get(stems, stems)


# nouns that name the form data takes, not its kind ("transcripts of ...", "names of ...")
FORM_NOUNS = {"transcript", "name", "copie", "copy", "log", "record", "detail", "list"}


def _of_form(f: Fact) -> bool:
    """ "transcripts of video meetings", "names of the applications in use": a head noun and
    what it is of, which the bare head ("transcripts", "names") says too little to name."""
    words = _norm(f.fields["data"]).split()
    return len(words) >= 3 and words[1] == "of" and words[0].rstrip("s") in FORM_NOUNS


def _merge_collects(facts: list[Fact]) -> list[Fact]:
    """ "keystroke", "keystrokes", "employee keystrokes": one kind of data, the shortest name."""
    out: list[Fact] = []
    for f in facts:
        if f.type != "collects":
            out.append(f)
            continue
        stems = _stems(f.fields["data"])
        for i, g in enumerate(out):
            if g.type != "collects" or _norm(g.fields["program"]) != _norm(f.fields["program"]):
                continue
            other = _stems(g.fields["data"])
            if stems <= other or other <= stems:
                # keep the fuller name while it stays close ("symptoms of illness" over
                # "symptoms"): a scorer and a reader accept a couple of extra words
                small, big = (f, g) if len(stems) < len(other) else (g, f)
                keep = big if abs(len(stems) - len(other)) <= 2 or _of_form(big) else small
                out[i] = keep
                break
        else:
            out.append(f)
    return out
