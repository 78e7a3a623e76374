"""Stable IRIs for the things the news names: one node per real-world thing.

:func:`mint_iri` is the ONE function that mints entity IRIs. It is pure and deterministic:
the same ``(kind, name)`` gives the same IRI in every article, run and process.

>>> str(mint_iri("organization", "Meta Platforms, Inc."))
'https://w3id.org/newskg/id/organization/meta'
>>> mint_iri("organization", "ICO") == mint_iri("organization", "Information Commissioner’s Office")
True
>>> explain_merge("organization", "Meta", "Meta Platforms Inc.")
"'Meta Platforms Inc.' is a listed alias of 'Meta' (after dropping the corporate suffix 'Inc.')"

A name becomes a key in three steps, each of which :func:`explain_merge` can name:

1. :func:`normalise_name`: Unicode NFKC, case, punctuation, a leading "The", a trailing
   possessive, corporate suffixes (Inc, Ltd, PLC, LLC, GmbH, SA, Corp ...).
2. The alias lexicon (``nlp/rules/aliases_*.jsonl``): well-known other names and acronyms
   ("Meta Platforms" -> Meta, "ICO" -> Information Commissioner's Office).
3. Within one article, :func:`resolve_names` maps an acronym to the long name it abbreviates
   when both appear ("MCI" and "Model Capability Initiative").

Merges are reversible: the graph keeps every surface form as an ``rdfs:label`` and records
:func:`merge_reasons` as ``nk:mergeReason``, so a wrong merge can be found and split.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import URIRef

from .errors import RulesError
from .nlp.lexicon import RULES_DIR, read_jsonl

ID_BASE = "https://w3id.org/newskg/id/"
KINDS = ("organization", "person", "program", "law", "outlet", "data")
_CORPORATE_KINDS = {"organization", "outlet"}

# Corporate suffixes, matched at the end after a space or comma (repeatedly: "Co., Ltd.").
_SUFFIX = re.compile(
    r"[\s,]+(inc|incorporated|ltd|limited|plc|llc|llp|l\.l\.c|gmbh|s\.?a\.?s?|s\.?a\.?r\.?l"
    r"|corp|corporation|co|company|ag|se|n\.?v|b\.?v|pty|s\.?p\.?a|oy|ab|as|kk)\.?$",
    re.IGNORECASE,
)
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"(?<=[\w.])'s?$")
_HONORIFIC = re.compile(r"^(mr|mrs|ms|mx|dr|prof|sir|dame)\.?\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_STOPWORDS = {
    "of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "&",
    "de", "la", "le", "les", "des", "du", "et", "pour", "der", "die", "das", "und", "für",
    "del", "y", "per", "dei", "di",
}  # fmt: skip


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown entity kind {kind!r} (one of {', '.join(KINDS)})")


def _strip_suffixes(text: str) -> tuple[str, list[str]]:
    dropped: list[str] = []
    while True:
        m = _SUFFIX.search(text)
        if not m or not text[: m.start()].strip(" ,"):
            return text, dropped
        dropped.insert(0, m.group(0).strip(" ,"))
        text = text[: m.start()].rstrip(" ,")


def _steps(kind: str, name: str) -> tuple[str, list[str]]:
    """The normalised key of ``name`` and the notable steps taken to reach it."""
    _check_kind(kind)
    steps: list[str] = []
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
    text = re.sub(r"\s+", " ", text).strip(" \t\"'“”«»()[],;:")
    if _LEADING_THE.match(text) and len(text.split()) > 1:
        text = _LEADING_THE.sub("", text)
        steps.append("dropping a leading 'The'")
    if kind == "person" and _HONORIFIC.match(text) and len(text.split()) > 1:
        text = _HONORIFIC.sub("", text)
        steps.append("dropping an honorific")
    if _POSSESSIVE_END.search(text):
        text = _POSSESSIVE_END.sub("", text)
        steps.append("dropping a possessive")
    if kind in _CORPORATE_KINDS:
        text, dropped = _strip_suffixes(text)
        if dropped:
            steps.append(f"dropping the corporate suffix '{' '.join(dropped)}'")
    key = text.casefold()
    key = re.sub(r"(?<=\b\w)\.(?=\w\b|\s|$)", "", key)  # I.C.O. -> ico
    key = key.replace("&", " and ").replace("'", "")
    key = re.sub(r"[^\w]+", " ", key).strip()
    return key, steps


def normalise_name(kind: str, name: str) -> str:
    """``name`` as a comparison key: case, punctuation, "The", possessive, corporate suffix.

    >>> normalise_name("organization", "The Amazon.com, Inc.'s")
    'amazon com'
    """
    return _steps(kind, name)[0]


# --- the alias lexicon ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str  # the display name of the node
    key: str  # its normalised key (the IRI slug comes from this)
    how: str  # "alias" or "acronym"
    source: str  # the data file


@cache
def _lexicon(rules_dir: Path = RULES_DIR) -> dict[tuple[str, str], _Entry]:
    """(kind, normalised alias) -> entry, from every ``aliases_*.jsonl`` file."""
    table: dict[tuple[str, str], _Entry] = {}
    for path in sorted(rules_dir.glob("aliases_*.jsonl")):
        for n, row in enumerate(read_jsonl(path.name, rules_dir), 1):
            kind, name = row.get("kind"), row.get("name")
            if kind not in KINDS or not isinstance(name, str) or not name.strip():
                raise RulesError(f"{path}:{n}: needs a known 'kind' and a 'name'")
            key = normalise_name(kind, name)
            forms = [(name, "alias")]
            for field, how in (("aliases", "alias"), ("acronyms", "acronym")):
                values = row.get(field, [])
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise RulesError(f"{path}:{n}: '{field}' must be a list of strings")
                forms += [(v, how) for v in values]
            for form, how in forms:
                alias = normalise_name(kind, form)
                old = table.get((kind, alias))
                if old is not None and old.key != key:
                    raise RulesError(
                        f"{path}:{n}: {form!r} is already an alias of {old.canonical!r}"
                    )
                if old is None or alias == key:
                    table[(kind, alias)] = _Entry(name, key, how, path.name)
    # the law lexicon's other names too: the facts keep a law as the story writes it
    # ("FTC Act", "DPDP Act"), and each must land on the one node of that law
    for row in read_jsonl("laws.jsonl", rules_dir):
        name = row.get("law")
        if not isinstance(name, str) or not name.strip():
            continue
        own = table.get(("law", normalise_name("law", name)))
        entry = own or _Entry(name, normalise_name("law", name), "alias", "laws.jsonl")
        for form in [name, *row.get("aliases", [])]:
            table.setdefault(("law", normalise_name("law", form)), entry)
    return table


def canonical_key(kind: str, name: str) -> str:
    """The key of the node ``name`` belongs to: normalised, then the alias lexicon."""
    key = normalise_name(kind, name)
    entry = _lexicon().get((kind, key))
    return entry.key if entry else key


def canonical_name(kind: str, name: str) -> str:
    """The lexicon's name for ``name`` if it has one, else ``name`` tidied."""
    entry = _lexicon().get((kind, normalise_name(kind, name)))
    return entry.canonical if entry else re.sub(r"\s+", " ", name).strip()


def _slug(key: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    lossy = any(c.isalnum() and not c.isascii() for c in unicodedata.normalize("NFKD", key))
    if not slug or lossy or len(slug) > 80:
        # Letters ASCII cannot spell (Łódź, 北京) or a very long name: add a stable digest so
        # two different names never share a slug.
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        slug = f"{slug[:60].rstrip('-')}-{digest}" if slug else digest
    return slug


def mint_iri(kind: str, name: str) -> URIRef:
    """THE entity IRI: ``https://w3id.org/newskg/id/{kind}/{slug}``, same across articles."""
    key = canonical_key(kind, name)
    if not key:
        raise ValueError(f"cannot mint an IRI for an empty {kind} name: {name!r}")
    return URIRef(f"{ID_BASE}{kind}/{_slug(key)}")


# --- acronyms within one article -----------------------------------------------------------


def _initials(long: str, *, skip_stopwords: bool) -> str:
    words = re.split(r"[\s\-/]+", long.translate(_APOSTROPHES))
    out = []
    for word in words:
        word = re.sub(r"^[a-zA-Z]'", "", word)  # l'informatique -> informatique
        word = word.strip("'\".,()")
        if not word or (skip_stopwords and word.casefold() in _STOPWORDS):
            continue
        out.append(word[0])
    return "".join(out).casefold()


def is_acronym(short: str, long: str) -> bool:
    """Whether ``short`` ("ICO", "C.N.I.L.") abbreviates ``long`` by its initials.

    >>> is_acronym("CNIL", "Commission nationale de l'informatique et des libertés")
    True
    """
    letters = re.sub(r"[.\s&]", "", short)
    if not (2 <= len(letters) <= 10) or not letters.isalpha() or letters != letters.upper():
        return False
    if len(long.split()) < 2:
        return False
    target = letters.casefold()
    return target in (
        _initials(long, skip_stopwords=True),
        _initials(long, skip_stopwords=False),
    )


def resolve_names(kind: str, names: Iterable[str]) -> dict[str, str]:
    """Surface form -> the name to mint with, for the names of ONE article.

    An acronym is resolved to the long name it abbreviates when both appear, so "MCI" and
    "Model Capability Initiative" become one node even if no lexicon lists them.
    """
    forms = list(dict.fromkeys(names))
    out = {name: name for name in forms}
    for short in forms:
        longs = sorted(
            (n for n in forms if n != short and is_acronym(short, n)), key=lambda n: (-len(n), n)
        )
        if longs and canonical_key(kind, short) not in {canonical_key(kind, n) for n in longs}:
            out[short] = longs[0]
    return out


# --- explanations ------------------------------------------------------------------------


def explain_merge(kind: str, a: str, b: str) -> str | None:
    """Why ``a`` and ``b`` are one node, or ``None`` if they are not.

    Acronyms not in the lexicon are merged only within an article where both names appear
    (:func:`resolve_names`); the explanation says so.
    """
    key_a, steps_a = _steps(kind, a)
    key_b, steps_b = _steps(kind, b)
    if key_a == key_b:
        steps = list(dict.fromkeys(steps_a + steps_b)) or ["ignoring case and punctuation"]
        return f"{a!r} and {b!r} are the same name after {', '.join(steps)}"
    lexicon = _lexicon()
    entry_a, entry_b = lexicon.get((kind, key_a)), lexicon.get((kind, key_b))
    target_a = entry_a.key if entry_a else key_a
    target_b = entry_b.key if entry_b else key_b
    if target_a == target_b:
        # Explain the side that is the alias (or both, if both are aliases of a third name).
        parts = []
        for name, key, entry, steps in ((b, key_b, entry_b, steps_b), (a, key_a, entry_a, steps_a)):
            if entry is not None and key != entry.key:
                kind_word = "acronym" if entry.how == "acronym" else "alias"
                note = f" (after {', '.join(steps)})" if steps else ""
                parts.append(f"{name!r} is a listed {kind_word} of {entry.canonical!r}{note}")
        return "; ".join(parts)
    for short, long in ((a, b), (b, a)):
        if is_acronym(short, long):
            return f"{short!r} is the acronym of {long!r} (merged where both appear in an article)"
    return None


def merge_reasons(kind: str, names: Iterable[str]) -> dict[str, str]:
    """For the surface forms of one node: form -> why it joined (forms equal to the
    node's canonical name are left out). Record these as ``nk:mergeReason``."""
    forms = list(dict.fromkeys(names))
    if not forms:
        return {}
    anchor = canonical_name(kind, max(forms, key=lambda n: (len(n), n)))
    out: dict[str, str] = {}
    for form in forms:
        if form == anchor:
            continue
        reason = explain_merge(kind, anchor, form)
        if reason:
            out[form] = reason
    return out
