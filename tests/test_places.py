"""``extract.places``: places named beside a law, as jurisdictions (real GeoNames tables)."""

from __future__ import annotations

import pytest

from extract.places import is_state_or_country, jurisdiction


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Lille", "France"),  # the French city, not the smaller Belgian one
        ("Bengaluru", "India"),
        ("Manchester", "UK"),
        ("France", "France"),
        ("Ohio", "Ohio"),
        ("EU", "EU"),
        ("Nowhereville Junction", "Nowhereville Junction"),
    ],
)
def test_jurisdiction(place: str, expected: str) -> None:
    assert jurisdiction(place) == expected


def test_states_and_countries() -> None:
    assert is_state_or_country("California") and is_state_or_country("India")
    assert not is_state_or_country("Lille")
