"""Money, count and date normalisers (extract/values.py), with hypothesis round-trips."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import values
from extract.errors import RulesError
from extract.values import (
    Count,
    Money,
    iter_counts,
    iter_money,
    parse_count,
    parse_money,
    resolve_date,
    to_json_number,
)

# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        ("$145bn", "145000000000", "USD", None),
        ("$145 billion", "145000000000", "USD", None),
        ("a $145-billion bet on AI", "145000000000", "USD", None),
        ("€32m", "32000000", "EUR", None),
        ("£7.5 million", "7500000", "GBP", None),
        ("US$479m", "479000000", "USD", None),
        ("A$1.2bn", "1200000000", "AUD", None),
        ("NZ$5,000", "5000", "NZD", None),
        ("HK$3.4bn", "3400000000", "HKD", None),
        ("35.3 million euros", "35300000", "EUR", None),
        ("up to $10 billion", "10000000000", "USD", "up to"),
        ("a fine of €20.4 million", "20400000", "EUR", None),
        ("32 million euros", "32000000", "EUR", None),
        ("£4.4bn", "4400000000", "GBP", None),
        ("1.2 trillion yen", "1200000000000", "JPY", None),
        ("Rs 500 crore", "5000000000", "INR", None),
        ("INR 150 Cr", "1500000000", "INR", None),
        ("Rs 40 cr", "400000000", "INR", None),
        ("€1.1m (NZ$2m)", "1100000", "EUR", None),
        ("USD 5m", "5000000", "USD", None),
        ("EUR 32 million", "32000000", "EUR", None),
        ("5m USD", "5000000", "USD", None),
        ("a billion dollars", "1000000000", "USD", None),
        ("ten million pounds", "10000000", "GBP", None),
        ("£2m sterling", "2000000", "GBP", None),
        ("35,258,707.95 euros", "35258707.95", "EUR", None),
        ("£7,552,800", "7552800", "GBP", None),
        ("almost $6 million", "6000000", "USD", "almost"),
        ("more than £1bn", "1000000000", "GBP", "more than"),
        ("Nearly €3m", "3000000", "EUR", "nearly"),
        ("one and a half billion euros", "1500000000", "EUR", None),
        ("about 233 billion Swedish crowns", "233000000000", "SEK", "about"),
        ("$50k", "50000", "USD", None),
        ("$US5m", "5000000", "USD", None),
        ("$NZ2.5 million", "2500000", "NZD", None),
        ("$5-10 million", "5000000", "USD", None),  # a range reads as its lower bound
    ],
)
def test_parse_money(text: str, amount: str, currency: str, qualifier: str | None) -> None:
    assert parse_money(text) == Money(Decimal(amount), currency, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "6,500 engineers",
        "revenue rose 5%",
        "in 2019",
        "millions of dollars",  # vague: no number to check
        "2 real problems",
        "the dollar fell",
        "",
        "$",
        "Rs.",
    ],
)
def test_parse_money_none(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("for $13 a share", "share"),
        ("$16.50 per share", "share"),
        ("workers making up to $250,000 a year", "year"),
        ("$9 per hour", "hour"),
        ("a $1.5bn-a-year contract", "year"),
        ("£10/month", "month"),
        ("$16.99 a pound", "pound"),
        ("$5 each", "each"),
        ("$145bn on AI", None),
        ("a €32m fine", None),
        ("$20bn a year ago", None),
    ],
)
def test_money_per_unit(text: str, per: str | None) -> None:
    money = parse_money(text)
    assert money is not None and money.per == per


@pytest.mark.parametrize(
    "text",
    ["a fish that can grow to 500 pounds", "capped at 29.4 million pounds", "500 pounds of fish"],
)
def test_pounds_of_weight_are_not_money(text: str) -> None:
    assert parse_money(text) is None


def test_default_currency_resolves_bare_dollars_only() -> None:
    assert parse_money("$5m", default_currency="NZD") == Money(Decimal(5000000), "NZD")
    assert parse_money("5 million dollars", default_currency="aud").currency == "AUD"
    assert parse_money("US$5m", default_currency="NZD").currency == "USD"
    assert parse_money("€5m", default_currency="NZD").currency == "EUR"


def test_iter_money_spans_and_order() -> None:
    text = "Meta will spend $145bn, up from €20m, and paid a £7.5 million fine."
    found = list(iter_money(text))
    assert [m.currency for m, _s, _e in found] == ["USD", "EUR", "GBP"]
    assert [text[s:e] for _m, s, e in found] == ["$145bn", "€20m", "£7.5 million"]
    assert found[1][0].qualifier is None


def test_money_as_number() -> None:
    assert parse_money("$145bn").as_number() == 145000000000
    assert isinstance(parse_money("$145bn").as_number(), int)
    assert parse_money("€35,258,707.95").as_number() == pytest.approx(35258707.95)
    assert to_json_number(Decimal("7.50")) == 7.5


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("nearly 2,000", 2000, "nearly"),
        ("Nearly 2,000 Meta workers signed", 2000, "nearly"),
        ("about a dozen", 12, "about"),
        ("more than 650", 650, "more than"),
        ("More than 21,000 temporary workers", 21000, "more than"),
        ("6,500", 6500, None),
        ("1.5 million", 1500000, None),
        ("6.5k", 6500, None),
        ("two thousand", 2000, None),
        ("twenty-five staff", 25, None),
        ("three hundred and fifty people", 350, None),
        ("half a million users", 500000, None),
        ("one and a half million", 1500000, None),
        ("some 300", 300, "some"),
        ("at least 40", 40, "at least"),
        ("roughly 1,000", 1000, "roughly"),
        ("over 100", 100, "over"),
        ("almost 500", 500, "almost"),
        ("around 70", 70, "around"),
        ("approximately 6,200 employees", 6200, "approximately"),
        ("fewer than 20", 20, "fewer than"),
        ("2,000 workers in 2019", 2000, None),
        ("between one and ten minutes", 10, None),  # two numbers, not eleven
        ("All 14 companies", 14, None),
        ("a 5,000-strong workforce", 5000, None),
        ("2000 workers", 2000, None),
        ("2,000-plus workers", 2000, None),
        ("a 300-person team", 300, None),
        ("In Wales, 1,641 people", 1641, None),
        ("at 10 a.m. some 40 staff", 40, "some"),
        ("net sales of about 233 billion", 233000000000, "about"),
    ],
)
def test_parse_count(text: str, value: int, qualifier: str | None) -> None:
    assert parse_count(text) == Count(value, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "hundreds of workers",  # vague plurals are not counts (documented choice)
        "thousands of staff",
        "tens of thousands",
        "dozens of engineers",
        "a handful of",
        "$5m",
        "€32 million",
        "5%",
        "12 per cent",
        "in 2019",
        "since May 2020",
        "COVID-19 cases",
        "2.5",
        "several hundred employees",
        "a few thousand staff",
        "on 27 December",
        "NASA announced Nov. 18 that",
        "and other Microsoft 365 apps",
        "Teen GTA 6 hacker sentenced",
        "an 18-month contract",
        "the 17-year-old",
        "1-2x as cost-effective",
        "hitting 16.057% on Monday",
        "one of the biggest",
        "© 2023 The Financial Times",
        "its 2025 bond",
        "THE NINE NETWORK",
        "one in five workers",
        "3 out of 10 employees",
        "two-thirds of staff",
        "at 10:30",
        "at 9 a.m.",
        "Stephen Kennedy, 29, of Leafair Park",
        "people aged 80 and over",
        "",
    ],
)
def test_parse_count_none(text: str) -> None:
    assert parse_count(text) is None


def test_iter_counts_skips_money() -> None:
    text = "It paid $5m to 300 drivers and 1.5 million euros to about 40 staff."
    assert [(c.value, c.qualifier) for c, _s, _e in iter_counts(text)] == [
        (300, None),
        (40, "about"),
    ]


# --------------------------------------------------------------------------- dates

WED = "2026-11-25"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("on Monday", WED, "2026-11-23"),
        ("on Wednesday", WED, "2026-11-25"),  # on/before the publication day
        ("on Thursday", WED, "2026-11-19"),
        ("last Monday", "2026-11-23", "2026-11-16"),
        ("next Friday", WED, "2026-11-27"),
        ("last year", "2026-03-01", "2025"),
        ("this year", "2026-03-01", "2026"),
        ("earlier this year", WED, "2026"),
        ("next year", WED, "2027"),
        ("in April 2017", None, "2017-04"),
        ("April of last year", WED, "2025-04"),
        ("2017", None, "2017"),
        ("in early 2019", None, "2019"),
        ("by mid-2019", None, "2019"),
        ("the 2019-20 season", None, "2019"),
        ("February 20, 2020", None, "2020-02-20"),
        ("Feb. 20, 2020", None, "2020-02-20"),
        ("20 February 2020", None, "2020-02-20"),
        ("October 1st, 2020", None, "2020-10-01"),
        ("2023-12-27", None, "2023-12-27"),
        ("yesterday", WED, "2026-11-24"),
        ("today", WED, "2026-11-25"),
        ("earlier this month", WED, "2026-11"),
        ("last month", "2026-01-10", "2025-12"),
        ("three days ago", WED, "2026-11-22"),
        ("two years ago", WED, "2024"),
        ("on 27 December", "2023-12-28", "2023-12-27"),
        ("on December 27", "2024-01-03", "2023-12-27"),
        ("in December", "2026-01-05", "2025-12"),
        ("in April", WED, "2026-04"),
        ("October", "2020-12-02", "2020-10"),
        ("the end of September", "2020-12-02", "2020-09"),
        ("nearly a year ago", "2019-11-19", "2018"),
        ("March of 2019", None, "2019-03"),
        ("Nov. 18", "2019-11-19T04:50:22+00:00", "2019-11-18"),
        ("Thursday", "2020-02-21T07:00:00+00:00", "2020-02-20"),
        ("on Tuesday", "2026-11-25T23:30:00+00:00", "2026-11-24"),
        ("on Monday", date(2026, 11, 25), "2026-11-23"),
        ("on Monday", datetime(2026, 11, 25, 8, 0), "2026-11-23"),
    ],
)
def test_resolve_date(text: str, reference: object, expected: str) -> None:
    assert resolve_date(text, reference) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("on Monday", WED, "2026-11-30"),
        ("on Wednesday", WED, "2026-11-25"),
        ("in January", WED, "2027-01"),
        ("in December", WED, "2026-12"),
        ("on 3 March", WED, "2027-03-03"),
        ("last year", WED, "2025"),  # explicit forms are unchanged
        ("next Monday", WED, "2026-11-30"),
    ],
)
def test_resolve_date_future(text: str, reference: str, expected: str) -> None:
    assert resolve_date(text, reference, future=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("20/02/2020", "2020-02-20"), ("02/20/2020", "2020-02-20"), ("03/04/2020", "2020")],
)
def test_resolve_numeric_dates(text: str, expected: str) -> None:
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("last week", WED),  # no week precision in our formats
        ("on Monday", None),  # relative forms need the publication date
        ("last year", None),
        ("the 1990s", WED),
        ("the firm may appeal", WED),  # "may" the verb is not a month
        ("Theresa May said", WED),  # nor is a name inside a sentence
        ("two months later", WED),
        ("the past few days", WED),
        ("two years earlier", WED),  # relative to the story, not the publication date
        ("in the past year", WED),
        ("February 30, 2020", None),
        ("", WED),
    ],
)
def test_resolve_date_none(text: str, reference: object) -> None:
    assert resolve_date(text, reference) is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "bn": 10**9, "m": 10**6}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD", "NZ$": "NZD", "A$": "AUD"}


def _commas(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(SYMBOLS)))
def test_money_round_trip_with_commas(n: int, symbol: str) -> None:
    money = parse_money(f"paid {symbol}{_commas(n)} last year")
    assert money == Money(Decimal(n), SYMBOLS[symbol], None)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(sorted(SYMBOLS)),
)
def test_money_round_trip_with_scale(whole: int, tenth: int, scale: str, symbol: str) -> None:
    number = f"{whole}.{tenth}" if tenth else str(whole)
    sep = "" if len(scale) <= 2 else " "
    money = parse_money(f"{symbol}{number}{sep}{scale}")
    assert money is not None
    assert money.amount == Decimal(number) * SCALES[scale]
    assert money.currency == SYMBOLS[symbol]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["euros", "pounds", "yen"]))
def test_money_round_trip_with_names(n: int, name: str) -> None:
    code = {"euros": "EUR", "pounds": "GBP", "yen": "JPY"}[name]
    assert parse_money(f"{_commas(n)} {name}") == Money(Decimal(n), code, None)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _under_thousand(n: int) -> str:
    words = []
    if n >= 100:
        words.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n:
            words.append("and")
    if n >= 20:
        words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n >= 10:
        words.append(_TEENS[n - 10])
    elif n or not words:
        words.append(_ONES[n])
    return " ".join(words)


def _spell(n: int) -> str:
    parts = []
    for scale, word in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts.append(f"{_under_thousand(n // scale)} {word}")
            n %= scale
    if n or not parts:
        parts.append(_under_thousand(n))
    return " ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999))  # a lone "one" is never a count
def test_count_round_trip_words(n: int) -> None:
    assert parse_count(f"{_spell(n)} workers") == Count(n, None)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(["nearly", "about", "more than", "at least", "some", "up to", None]),
)
def test_count_round_trip_digits(n: int, qualifier: str | None) -> None:
    text = f"{qualifier + ' ' if qualifier else ''}{_commas(n)} employees"
    assert parse_count(text) == Count(n, qualifier)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip_formats(d: date) -> None:
    month = d.strftime("%B")
    assert resolve_date(f"on {month} {d.day}, {d.year}", None) == d.isoformat()
    assert resolve_date(f"on {d.day} {month} {d.year}", None) == d.isoformat()
    assert resolve_date(f"in {month} {d.year}", None) == d.isoformat()[:7]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_weekday_is_latest_on_or_before_reference(ref: date) -> None:
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        resolved = date.fromisoformat(resolve_date(f"on {name}", ref) or "")
        assert resolved.strftime("%A") == name
        assert ref - timedelta(days=6) <= resolved <= ref


# --------------------------------------------------------------------------- lexicon


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"currency_symbols": {}}'])
def test_malformed_lexicon_is_a_rules_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    bad = tmp_path / "values_lexicon.json"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(values, "LEXICON_PATH", bad)
    values._lexicon.cache_clear()
    values._date_patterns.cache_clear()
    try:
        with pytest.raises(RulesError, match="lexicon"):
            parse_money("$5m")
    finally:
        monkeypatch.undo()
        values._lexicon.cache_clear()
        values._date_patterns.cache_clear()
    assert parse_money("$5m") == Money(Decimal(5000000), "USD")


def test_lexicon_is_data() -> None:
    # Adding a currency is a data change: every symbol, code and name maps to a code we know.
    lex = values._lexicon()
    codes = set(lex.codes.values()) | {"$"}
    assert set(lex.symbols.values()) <= codes
    assert set(lex.names.values()) <= codes


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("fined R4,6-million", "4600000", "ZAR"),
        ("earn R1 530 a month", "1530", "ZAR"),
        ("a R10-million contract", "10000000", "ZAR"),
        ("€2,4 million", "2400000", "EUR"),
        ("1,5 million euros", "1500000", "EUR"),
        ("1,500 euros", "1500", "EUR"),
        ("fined 4.6 million kroner", "4600000", "DKK"),
        ("fined 3 million Norwegian krone", "3000000", "NOK"),
        ("a 500 rand fine", "500", "ZAR"),
    ],
)
def test_rand_and_decimal_commas(text: str, amount: str, currency: str) -> None:
    found = [(m.amount, m.currency) for m, _, _ in iter_money(text)]
    assert found == [(Decimal(amount), currency)], found


@pytest.mark.parametrize("text", ["R2-D2 rolled in", "take the R2 road north", "R&B charts"])
def test_an_r_before_a_small_number_is_no_rand(text: str) -> None:
    assert list(iter_money(text)) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("fined the platform KSh 4.5 million", "4500000", "KES"),
        ("a Sh4.5m fine", "4500000", "KES"),
        ("put Sh1.3 billion into the company", "1300000000", "KES"),
        ("valued at Kshs 12bn", "12000000000", "KES"),
        ("30 million Kenyan shillings", "30000000", "KES"),
        ("fined USh 50 million", "50000000", "UGX"),
        ("a TSh2bn contract", "2000000000", "TZS"),
    ],
)
def test_east_african_shillings(text: str, amount: str, currency: str) -> None:
    found = [(m.amount, m.currency) for m, _, _ in iter_money(text)]
    assert found == [(Decimal(amount), currency)], found


@pytest.mark.parametrize("text", ["She said 4 things", "Shah 12 runs", "at COP 26 in Glasgow"])
def test_words_like_shilling_signs_are_no_money(text: str) -> None:
    assert list(iter_money(text)) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("since March", "2023-03"),  # published in January: last March, not the coming one
        ("since January", "2024-01"),
        ("since November", "2023-11"),
        ("since March 2022", "2022-03"),
    ],
)
def test_since_a_month_is_a_month_gone_by(text: str, iso: str) -> None:
    assert resolve_date(text, "2024-01-23") == iso


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("imposed a fine of N42 million on the company", "42000000"),
        ("plus N500,000 as costs", "500000"),
        ("a N2.5bn contract", "2500000000"),
    ],
)
def test_naira_written_with_an_n(text: str, amount: str) -> None:
    found = [(m.amount, m.currency) for m, _, _ in iter_money(text)]
    assert found == [(Decimal(amount), "NGN")], found


@pytest.mark.parametrize("text", ["N95 masks were handed out", "take the N1 north", "N-gram"])
def test_an_n_before_a_small_number_is_no_naira(text: str) -> None:
    assert list(iter_money(text)) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a five-year contract worth Dh55 million", "55000000", "AED"),
        ("fined Dh 2.5m", "2500000", "AED"),
        ("a SR1.2bn order for cameras", "1200000000", "SAR"),
    ],
)
def test_gulf_currencies_by_their_signs(text: str, amount: str, currency: str) -> None:
    found = [(m.amount, m.currency) for m, _, _ in iter_money(text)]
    assert found == [(Decimal(amount), currency)], found


@pytest.mark.parametrize("text", ["flights to Dhaka", "the SRI index", "Dhs and Drs"])
def test_words_starting_like_gulf_signs_are_no_money(text: str) -> None:
    assert list(iter_money(text)) == []
