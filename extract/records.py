"""The typed records that travel between stages.

All are frozen, slotted dataclasses: a stage never mutates what it was given. Character
offsets (``Mention.start``, ``Evidence.start`` ...) always point into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    """Raw bytes of one fetched (or read) HTML page. No parsing has happened yet."""

    source: str  # the input as the user gave it (path or URL)
    url: str  # final URL after redirects, or a file:// URI for local files
    content: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None  # charset declared by the transport, if any
    fetched_at: str | None = None  # ISO 8601


@dataclass(frozen=True, slots=True)
class Article:
    """Main text and metadata of one news article (output of :mod:`extract.article`)."""

    source: str
    url: str  # canonical URL, else the page URL / file URI
    title: str | None
    text: str
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601
    modified: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    paywalled: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "publisher": self.publisher,
            "language": self.language,
            "description": self.description,
            "section": self.section,
            "paywalled": self.paywalled,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence and its character offsets in ``Article.text``."""

    article: str  # Article.url
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted fact, in the flat shape of ``../shared/eval/FACTS.md``.

    ``fields`` holds the type's fields (``organization``, ``amount`` ...) with names already
    resolved to their fullest form in the article. Extra fields are allowed.
    """

    type: str
    fields: dict[str, Any]
    evidence: Evidence
    confidence: float = 0.8

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            **self.fields,
            "article": self.evidence.article,
            "evidence": {
                "text": self.evidence.text,
                "start": self.evidence.start,
                "end": self.evidence.end,
            },
            "confidence": round(self.confidence, 3),
        }


# The 13 fact types and their fields (required first), per FACTS.md.
FACT_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "role": (("person", "organization", "role"), ()),
    "operates": (("organization", "program"), ()),
    "collects": (("program", "data"), ()),
    "monitors": (("program", "subjects"), ()),
    "status": (("program", "action"), ("date",)),
    "petition": (("target", "signatures"), ("qualifier", "signers", "demand")),
    "spend": (("organization", "amount", "currency"), ("purpose", "period", "qualifier")),
    "exposure": (("organization",), ("program", "description")),
    "penalty": (
        ("organization", "amount", "currency"),
        ("authority", "law", "date", "provisional"),
    ),
    "law": (("law", "jurisdiction"), ()),
    "quote": (("speaker", "text"), ()),
    "source": (("outlet",), ()),
    "workforce": (("organization", "count", "action"), ("group", "qualifier")),
}

STATUS_ACTIONS = ("launched", "paused", "resumed", "cancelled")
