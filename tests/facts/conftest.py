"""Shared fixtures for the fact tests: the real spaCy pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from extract.facts import extract_facts
from extract.nlp import load_pipeline
from extract.records import Article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def facts_of(nlp: Language):  # type: ignore[no-untyped-def]
    """``facts_of(text, type=None)`` -> fact dicts of one invented article."""

    def run(
        text: str,
        fact_type: str | None = None,
        published: str = "2024-01-23T10:00:00+00:00",
        publisher: str = "Example Post",
    ) -> list[dict[str, Any]]:
        article = Article(
            source="test",
            url="https://news.example.org/a",
            title=None,
            text=text,
            published=published,
            publisher=publisher,
        )
        out = [f.to_json() for f in extract_facts(article, nlp)]
        return [f for f in out if fact_type is None or f["type"] == fact_type]

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared test data not found at {SHARED}")
    return SHARED
