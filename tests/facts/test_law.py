"""``law``: named laws with their jurisdiction."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "law", "jurisdiction"),
    [
        (
            "The regulator acted under the European Union's General Data Protection Regulation.",
            "General Data Protection Regulation",
            "European Union",
        ),
        (
            "Employers in the UK must comply with the Data Protection Act 2018.",
            "Data Protection Act 2018",
            "UK",
        ),
        (
            "NZ's Privacy Act 2020 requires consent for workplace monitoring.",
            "Privacy Act 2020",
            "NZ",
        ),
        ("The company breached the GDPR, the EU said.", "General Data Protection Regulation", "EU"),
        (
            "Platforms must follow the Digital Services Act, which applies across the EU.",
            "Digital Services Act",
            "EU",
        ),
    ],
)
def test_law_and_jurisdiction(facts_of, text: str, law: str, jurisdiction: str) -> None:
    laws = {(f["law"], f["jurisdiction"]) for f in facts_of(text, "law")}
    assert (law, jurisdiction) in laws, laws


def test_short_form_merges_into_full_name(facts_of) -> None:
    text = "NZ's Privacy Act 2020 requires consent. Covert monitoring violates NZ's Privacy Act."
    assert [f["law"] for f in facts_of(text, "law")] == ["Privacy Act 2020"]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition Leader Bill Shorten said the plan went too far.",
        "The act of monitoring staff is not new.",
    ],
)
def test_not_a_law(facts_of, text: str) -> None:
    assert facts_of(text, "law") == []
