"""Stable IRIs for the things the news names (first version; the store work deepens it).

One function mints entity IRIs: :func:`mint_iri`.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

ID_BASE = "https://w3id.org/newskg/id/"

_SUFFIXES = re.compile(r"\b(inc|ltd|limited|plc|llc|gmbh|corp|corporation|co|sa|ag|nv|bv)\.?$", re.I)


def normalise_name(kind: str, name: str) -> str:
    text = unicodedata.normalize("NFKC", name).strip()
    text = re.sub(r"^(the)\s+", "", text, flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    if kind == "organization":
        text = _SUFFIXES.sub("", text).strip(" ,.")
    return re.sub(r"\s+", " ", text).casefold()


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug or "x" + format(abs(hash(text)) % 10**8)


def mint_iri(kind: str, name: str) -> URIRef:
    return URIRef(f"{ID_BASE}{kind}/{_slug(normalise_name(kind, name))}")
