"""``extract.places``: places named beside a law, as jurisdictions (real GeoNames tables)."""

from __future__ import annotations

import pytest

from extract.places import (
    is_state_or_country,
    jurisdiction,
    local_dollar,
    nearest_dollar,
    shared_currency,
)


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


@pytest.mark.parametrize(
    ("places", "dollar"),
    [
        (["Montreal", "Quebec", "Toronto"], "CAD"),  # a story set in Canada
        (["Sydney", "Canberra", "US"], "AUD"),
        (["New Zealand", "NZ", "NZ"], None),  # a foreign angle names only the country
        (["Ottawa", "Washington", "Chicago"], None),  # mostly American places
        (["SINGAPORE", "Singapore"], "SGD"),  # a city-state, from its dateline on
        (["Hong Kong", "Hong Kong", "US"], "HKD"),
        ([], None),
    ],
)
def test_the_dollar_of_the_country_a_story_is_set_in(places, dollar) -> None:
    assert local_dollar(places) == dollar


def test_the_dollar_of_the_place_named_last() -> None:
    assert nearest_dollar(["Ottawa", "Ohio"]) == "USD"
    assert nearest_dollar(["Ohio", "Auckland"]) == "NZD"
    assert nearest_dollar(["Lille"]) is None


def test_provinces_are_jurisdictions_and_cities_stand_for_their_state() -> None:
    from extract.places import state_of

    assert jurisdiction("Ontario") == "Ontario"  # the province, not the Californian city
    assert state_of("Minneapolis") == "Minnesota"
    assert state_of("Columbus") == "Ohio"
    assert state_of("Toronto") is None


@pytest.mark.parametrize(
    ("word", "places", "code"),
    [
        ("kroner", ["Bergen"], "NOK"),
        ("kroner", ["Norwegian"], "NOK"),
        ("krone", ["Norway", "Copenhagen"], "DKK"),  # the last place named decides
        ("kroner", [], "DKK"),
        ("euros", ["Oslo"], None),  # one currency of its own: nothing to decide
    ],
)
def test_a_currency_name_several_countries_share(word: str, places: list[str], code) -> None:
    assert shared_currency(word, places) == code


def test_the_lede_breaks_a_tie_between_dollar_countries() -> None:
    # as many Australian places as New Zealand ones: the story is where it opens
    places = ["Wellington", "Brisbane", "Australia", "Wellington", "Wellington", "Australia"]
    assert local_dollar(places) == "NZD"
    assert local_dollar(["Brisbane", *places[:1], *places[2:]]) == "AUD"
