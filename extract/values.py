"""Normalise the values news writes in words: money, counts and dates.

Three small rule-based parsers, fast enough to run on every candidate span (no dateparser):

>>> parse_money("up to $10 billion")
Money(amount=Decimal('10000000000'), currency='USD', qualifier='up to', per=None)
>>> parse_count("nearly 2,000 Meta workers")
Count(value=2000, qualifier='nearly')
>>> resolve_date("on Monday", "2026-11-25")
'2026-11-23'

The lexicons (currency symbols, codes and names, scale words, number words, qualifiers,
month and weekday names) are data in ``extract/nlp/rules/values_lexicon.json``.

Each parser returns the *first* value in the text; the ``iter_*`` functions yield every value
with its character offsets, for callers that need spans.

Choices a reader should know:

- A bare "$" or "dollars" is ``default_currency`` if given, else USD. An amount with no
  currency marker is not money. A range ("$5-10 million") reads as its lower bound.
- Vague quantities are not counts: "hundreds of", "thousands of", "dozens of", "several
  hundred", "a few thousand" give nothing; so does a lone "one" ("one of", "one employee").
- Not counts either: percentages, money, years ("in 2019", "its 2025 bond"), parts of dates
  ("27 December"), of names ("Microsoft 365") and of compounds ("18-month", "two-thirds"),
  ratios ("one in five") and clock times.
- Dates keep the precision the text states (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). A
  weekday is the latest such day on or before the publication date ("last Monday": strictly
  before, "next Monday": strictly after). A month or day without a year takes the
  publication year, unless that lands over two months after publication (then the year
  before; but a January named in December is the next one). Spans with no unit in those formats ("last week", "in the past year",
  "two years earlier", which is relative to the story) give None.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from extract.errors import RulesError

LEXICON_PATH = Path(__file__).parent / "nlp" / "rules" / "values_lexicon.json"

__all__ = [
    "Count",
    "Money",
    "iter_counts",
    "iter_money",
    "parse_count",
    "parse_money",
    "resolve_date",
    "to_json_number",
]


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money: exact decimal, ISO 4217 code, and the hedge word if any.

    ``per`` is the unit of a price or rate written after it ("$13 a share" -> "share",
    "$250,000 a year" -> "year", "$9 per hour" -> "hour"), so callers can tell share prices
    and wages from sums spent.
    """

    amount: Decimal
    currency: str
    qualifier: str | None = None
    per: str | None = None

    def as_number(self) -> int | float:
        """The amount as a JSON number (int when whole)."""
        return to_json_number(self.amount)


@dataclass(frozen=True, slots=True)
class Count:
    """A whole count of things with its hedge word ("nearly", "more than" ...) if any."""

    value: int
    qualifier: str | None = None


def to_json_number(value: Decimal) -> int | float:
    """``Decimal('145000000000')`` -> ``145000000000``; ``Decimal('7.5')`` -> ``7.5``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# ---------------------------------------------------------------------------------------
# Lexicon and compiled patterns (built once, lazily)
# ---------------------------------------------------------------------------------------


def _alternation(words: list[str]) -> str:
    # Longest first so "US$" wins over "$" and "more than" over "more".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    symbols: dict[str, str]  # exact-case symbol -> code ("$" means ambiguous dollar)
    symbols_cs: frozenset[str]
    codes: dict[str, str]  # upper-case code -> ISO code
    names: dict[str, str]  # lower-case name -> code
    scales: dict[str, int]  # exact-case -> multiplier
    attached: frozenset[str]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    qualifiers: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    vague_prefix: re.Pattern[str]
    year_context: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    per_unit: re.Pattern[str]
    per_units: dict[str, str]
    weight_units: frozenset[str]
    weight_context: re.Pattern[str]
    compound_after: re.Pattern[str]
    ratio_after: re.Pattern[str]
    ratio_before: re.Pattern[str]
    # compiled
    money_prefix: re.Pattern[str]
    money_postfix: re.Pattern[str]
    count: re.Pattern[str]
    qualifier_tail: re.Pattern[str]


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RulesError(f"cannot read value lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"value lexicon {path} must hold a JSON object")
    return data


@cache
def _lexicon() -> _Lexicon:
    data = _load_json(LEXICON_PATH)
    try:
        symbols: dict[str, str] = dict(data["currency_symbols"])
        symbols_cs = frozenset(data.get("currency_symbols_case_sensitive", []))
        aliases = dict(data.get("currency_code_aliases", {}))
        codes = {c.upper(): aliases.get(c.upper(), c.upper()) for c in data["currency_codes"]}
        names = {k.lower(): v for k, v in data["currency_names"].items()}
        scales = {k: int(v) for k, v in data["scales"].items()}
        attached = frozenset(data["attached_scales"])
        number_words = {k.lower(): int(v) for k, v in data["number_words"].items()}
        multipliers = {k.lower(): int(v) for k, v in data["number_multipliers"].items()}
        qualifiers = tuple(q.lower() for q in data["qualifiers"])
        months = {k.lower(): int(v) for k, v in data["months"].items()}
        weekdays = {k.lower(): int(v) for k, v in data["weekdays"].items()}
        vague_prefixes = [str(v).lower() for v in data.get("vague_prefixes", [])]
        year_context = [str(v).lower() for v in data.get("year_context", [])]
        compound_units = [str(v).lower() for v in data.get("count_compound_units", [])]
        per_units = {str(k).lower(): str(v) for k, v in data.get("money_per_units", {}).items()}
        weight_units = frozenset(str(v).lower() for v in data.get("weight_units", []))
        weight_context = [str(v).lower() for v in data.get("weight_context", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"malformed value lexicon {LEXICON_PATH}: {exc!r}") from exc

    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    word_scales = [s for s in scales if s not in attached]
    word_tokens = (
        list(number_words) + list(multipliers) + [s.lower() for s in word_scales] + ["half"]
    )
    # A run of number words ("two thousand", "a dozen", "one and a half million").
    wtok = rf"(?:{_alternation(word_tokens)})"
    # "and" joins only after a multiplier ("three hundred and fifty") or before "a half":
    # "between one and ten" is two numbers.
    big = "|".join(f"(?<={w})" for w in [*multipliers, *(x.lower() for x in word_scales)])
    joiner = rf"(?:(?:{big})[\s-]+and|[\s-]+and(?=[\s-]+an?[\s-]+half))"
    wordnum = rf"(?:(?:an?|{wtok})(?:{joiner}?[\s-]+(?:an?[\s-]+)?{wtok})*)"
    scale_alt = _alternation(list(scales))
    # Scale after a number: word scales need a word boundary; attached ones ("145bn") too.
    scale = rf"(?:[\s-]?(?P<scale>{scale_alt})(?![\w]))"
    range_part = rf"(?:\s*(?:-|–|—|to)\s*(?P<num2>{digits}))"
    comma_decimal = rf"\d+,\d{{1,2}}(?=[\s-]?(?:{scale_alt})(?![\w]))"  # "1,5 million euros"
    amount_any = rf"(?:(?P<num>{comma_decimal}|{digits})|(?P<words>{wordnum})){range_part}?{scale}?"

    symbol_alt = _alternation(list(symbols))
    code_alt = _alternation(list(codes))
    name_alt = _alternation(list(names))
    # after a currency sign only: "R4,6-million" (a decimal comma before a scale word) and
    # "R1 530" (a space between thousands), as South African and European papers write them
    sign_digits = rf"{comma_decimal}|\d{{1,3}}(?:[ \u00a0]\d{{3}})+(?![\d,.])|{digits}"
    sign_amount = rf"(?P<num>{sign_digits}){range_part}?{scale}?"
    money_prefix = re.compile(
        rf"(?<![\w$])(?P<cur>{symbol_alt}|(?:{code_alt})(?![A-Za-z]))\s?{sign_amount}"
        rf"(?:\s+(?P<name>{name_alt})(?![\w]))?",
        re.IGNORECASE,
    )
    money_postfix = re.compile(
        rf"(?<![\w$€£¥.,])(?:{amount_any})\s*(?:of\s+)?(?P<name>{name_alt}|(?:{code_alt}))(?![\w])",
        re.IGNORECASE,
    )
    attached_alt = _alternation(list(attached))
    count = re.compile(
        rf"(?<![\w$€£¥.,\-/:])(?:(?P<num>{digits})(?:(?P<ascale>{attached_alt})|\s+(?P<wscale>{_alternation(word_scales)}))?"
        rf"|(?P<words>{wordnum}))(?![\w])(?![.,]\d)(?!\s*(?:%|per\s?cent))",
        re.IGNORECASE,
    )
    qualifier_tail = re.compile(rf"(?<![\w])(?P<q>{_alternation(list(qualifiers))})\s*$")
    return _Lexicon(
        symbols=symbols,
        symbols_cs=symbols_cs,
        codes=codes,
        names=names,
        scales=scales,
        attached=attached,
        number_words=number_words,
        multipliers=multipliers,
        qualifiers=qualifiers,
        months=months,
        weekdays=weekdays,
        vague_prefix=re.compile(rf"(?<![\w])(?:{_alternation(vague_prefixes)})\s+$"),
        year_context=re.compile(
            rf"(?:(?<![\w])(?:{_alternation(year_context)})|(?-i:{_cased(list(months))})\.?)\s*$",
            re.IGNORECASE,
        ),
        month_before=re.compile(rf"(?:{_cased(list(months))})\.?\s+$"),
        month_after=re.compile(rf"\s+(?:of\s+)?(?:{_cased(list(months))})\b"),
        per_unit=re.compile(
            rf"(?:\s*(?:a|an|per|each|every)\s+|-an?-|\s*/\s*)(?P<unit>{_alternation(list(per_units))})"
            rf"(?![\w-])(?!\s+(?:ago|earlier|later|before|after)\b)|\s*(?P<each>each|apiece)\b",
            re.IGNORECASE,
        ),
        per_units=per_units,
        weight_units=weight_units,
        weight_context=re.compile(rf"\b(?:{_alternation(weight_context)})\b", re.IGNORECASE),
        compound_after=re.compile(rf"-(?:{_alternation(compound_units)})\b", re.IGNORECASE),
        ratio_after=re.compile(rf"\s+(?:in|out\s+of)\s+(?:\d|{wtok}\b|every\b)", re.IGNORECASE),
        ratio_before=re.compile(rf"(?:\d|\b{wtok})\s+(?:in|out\s+of)\s+$", re.IGNORECASE),
        money_prefix=money_prefix,
        money_postfix=money_postfix,
        count=count,
        qualifier_tail=qualifier_tail,
    )


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


def _digits_value(text: str) -> Decimal | None:
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")  # "4,6" before a scale word: a decimal comma
    try:
        return Decimal(re.sub(r"[,\s]", "", text))
    except InvalidOperation:
        return None


def _words_value(text: str) -> Decimal | None:
    """Value of a run of number words, or None when it is not a number ("a" alone)."""
    lex = _lexicon()
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    total = Decimal(0)
    current = Decimal(0)
    numeric = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in ("a", "an"):
            # "a dozen", "a million" are numbers; "a half" belongs to the next word.
            if nxt is None:
                break
            if nxt != "half":
                current += 1
        elif tok == "half":
            current += Decimal("0.5")
            numeric = True
            if nxt in ("a", "an"):
                i += 1  # "half a million"
        elif tok in lex.number_words:
            current += lex.number_words[tok]
            numeric = True
        elif tok in lex.multipliers:
            current = (current or 1) * lex.multipliers[tok]
            numeric = True
        else:
            mult = _scale_value(tok)
            if mult is None:
                break
            total += (current or 1) * mult
            current = Decimal(0)
            numeric = True
        i += 1
    if not numeric:
        return None
    return total + current


def _scale_value(word: str | None) -> int | None:
    if not word:
        return None
    scales = _lexicon().scales
    if word in scales:
        return scales[word]
    return scales.get(word.lower())


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start].lower()
    m = _lexicon().qualifier_tail.search(window)
    return re.sub(r"\s+", " ", m.group("q")) if m else None


def _amount(m: re.Match[str]) -> Decimal | None:
    num = m.groupdict().get("num")
    words = m.groupdict().get("words")
    value = _digits_value(num) if num else _words_value(words) if words else None
    if value is None:
        return None
    scale = m.groupdict().get("scale")
    if scale:
        mult = _scale_value(scale)
        if mult is None:
            return None
        # A number-word run may already hold its scale ("two million euros" has none left).
        value *= mult
    return value


def _normalise(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


# ---------------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------------


def _currency(token: str, default_currency: str | None) -> str | None:
    lex = _lexicon()
    code: str | None = None
    if token in lex.symbols:
        code = lex.symbols[token]
    else:
        for sym, c in lex.symbols.items():
            if sym.lower() == token.lower() and sym not in lex.symbols_cs:
                code = c
                break
    if code is None and token.upper() in lex.codes and token.isupper():
        code = lex.codes[token.upper()]
    if code is None:
        code = lex.names.get(re.sub(r"\s+", " ", token.lower()))
    if code == "$":  # a bare dollar: the article's own dollar if known, else USD
        code = (default_currency or "USD").upper()
    return code


def iter_money(text: str, default_currency: str | None = None) -> Iterator[tuple[Money, int, int]]:
    """Every amount of money in ``text`` with its (start, end) offsets, left to right.

    ``default_currency`` resolves a bare "$" or "dollars" (e.g. "NZD" for a New Zealand
    outlet); without it they are USD. Amounts with no currency marker are not money.
    """
    yield from _money_in(text, default_currency, id(_lexicon()))


# the relation rules read the same sentence's amounts and counts several times each; the
# lexicon's identity is part of the key, so a reloaded lexicon is read afresh
@lru_cache(maxsize=4096)
def _money_in(
    text: str, default_currency: str | None, _lexicon_id: int
) -> tuple[tuple[Money, int, int], ...]:
    return tuple(_scan_money(text, default_currency))


def _scan_money(text: str, default_currency: str | None) -> Iterator[tuple[Money, int, int]]:
    lex = _lexicon()
    found: list[tuple[int, int, Money]] = []
    for m in lex.money_prefix.finditer(text):
        cur = m.group("cur")
        code = _currency(cur, default_currency)
        value = _amount(m)
        if code is None or value is None:
            continue
        # a one-letter sign stands for money only in the amounts papers write with it
        least = {"R": 100, "N": 1000}.get(cur)  # "R2-D2", "the R2 road", "N95 masks"
        if least is not None and (
            value < least or m.group(0)[1:2] == " " or re.match(r"-[A-Za-z]", text[m.end() :])
        ):
            continue  # a rand or naira amount is written "R4,6-million", "N42 million"
        if m.group("name"):  # "$5 million dollars", "US$5m US dollars"
            named = _currency(m.group("name"), default_currency)
            if named and lex.symbols.get(cur) == "$":
                code = named
        found.append((m.start(), m.end(), Money(_normalise(value), code, None)))
    for m in lex.money_postfix.finditer(text):
        code = _currency(m.group("name"), default_currency)
        value = _amount(m)
        if code is None or value is None:
            continue
        if m.group("name").lower() in lex.weight_units and _is_weight(text, m):
            continue  # "500 pounds of fish", "weighs 200 pounds"
        found.append((m.start(), m.end(), Money(_normalise(value), code, None)))
    found.sort(key=lambda t: (t[0], -t[1]))
    last_end = -1
    for start, end, money in found:
        if start < last_end:
            continue  # overlapping reading of the same words
        last_end = end
        q = _qualifier_before(text, start)
        per = _per_unit(text, end)
        yield Money(money.amount, money.currency, q, per), start, end


def _per_unit(text: str, end: int) -> str | None:
    lex = _lexicon()
    m = lex.per_unit.match(text, end)
    if m is None:
        return None
    if m.group("each"):
        return "each"
    return lex.per_units.get(m.group("unit").lower())


def _is_weight(text: str, m: re.Match[str]) -> bool:
    lex = _lexicon()
    after = text[m.end() : m.end() + 12]
    if re.match(r"\s+(?:of|per|a|each)\b", after, re.IGNORECASE):
        return True
    return bool(lex.weight_context.search(text[max(0, m.start() - 30) : m.start()]))


def is_currency(name: str) -> bool:
    """ "DKK", "euros", "kroner", "R$": a currency's code, name or symbol, never an
    organisation's."""
    lex = _lexicon()
    return (
        name.upper() in lex.codes
        or name.lower() in lex.names
        or (len(name) > 1 and name in lex.symbols)
    )


def parse_money(text: str, default_currency: str | None = None) -> Money | None:
    """The first amount of money in ``text``, or None.

    >>> parse_money("35.3 million euros")
    Money(amount=Decimal('35300000'), currency='EUR', qualifier=None, per=None)
    >>> parse_money("€1.1m (NZ$2m)").currency
    'EUR'
    >>> parse_money("6,500 engineers") is None
    True
    """
    for money, _start, _end in iter_money(text, default_currency):
        return money
    return None


# ---------------------------------------------------------------------------------------
# Counts
# ---------------------------------------------------------------------------------------


def _looks_like_year(text: str, m: re.Match[str]) -> bool:
    """A bare 1800-2199 is a year ("in 2019", "May 2019", "its 2025 bond") unless a plural
    noun follows with no year word before it ("2000 workers")."""
    num = m.group("num")
    if not num or not re.fullmatch(r"(1[89]|2[01])\d\d", num) or m.group("ascale"):
        return False
    if m.group("wscale"):
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    if _lexicon().year_context.search(before):
        return True
    after = text[m.end() : m.end() + 20]
    return not re.match(r"\s+(?:[a-z]+s|people|staff|personnel)\b", after)


_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\s.!?:;\"“”(\[])\s+[A-Z][\w&.-]*\s$")


_AGE_BEFORE = re.compile(r"\b(?:aged|ages?)\s+$", re.IGNORECASE)
_APPOSITIVE_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")


def _is_name_or_date_part(text: str, m: re.Match[str]) -> bool:
    """Numbers inside names ("Microsoft 365", "GTA 6"), dates ("27 December", "Nov. 18"),
    compounds ("18-month", "17-year-old") and ranges ("1-2x") are not counts."""
    lex = _lexicon()
    after = text[m.end() : m.end() + 16]
    before = text[max(0, m.start() - 40) : m.start()]
    if lex.compound_after.match(after) or re.match(r"-\d", after):
        return True  # "18-month", "17-year-old", "two-thirds", "1-2x" (not "a 5,000-strong")
    if lex.ratio_after.match(after) or lex.ratio_before.search(
        text[max(0, m.start() - 20) : m.start()]
    ):
        return True  # "one in five", "3 out of 10"
    if re.match(r"\s*(?::\d|[ap]\.?m\b\.?)", after, re.IGNORECASE):
        return True  # "10:30", "10 a.m."
    if _AGE_BEFORE.search(before) or (
        _APPOSITIVE_BEFORE.search(before) and after.startswith(",") and len(m.group(0)) <= 3
    ):
        return True  # "aged 80", "Stephen Kennedy, 29, of ..."
    if m.group("num") and not m.group("ascale") and not m.group("wscale"):
        if lex.month_before.search(before) or lex.month_after.match(after):
            return True  # "Nov. 18", "September 30", "27 December"
        if "," not in m.group("num") and _CAPITALISED_BEFORE.search(before):
            # A capitalised word that does not start its sentence: "Microsoft 365".
            word = before.split()[-1].lower()
            if word not in lex.qualifiers and not lex.qualifier_tail.search(before.lower()):
                return True
    return False


def iter_counts(text: str) -> Iterator[tuple[Count, int, int]]:
    """Every whole count in ``text`` with offsets, skipping money, percentages and years.

    Vague plurals ("hundreds of", "thousands of", "dozens of") are deliberately *not* counts:
    they name no number a reader could check, so they yield nothing.
    """
    yield from _counts_in(text, id(_lexicon()))


@lru_cache(maxsize=4096)
def _counts_in(text: str, _lexicon_id: int) -> tuple[tuple[Count, int, int], ...]:
    return tuple(_scan_counts(text))


def _scan_counts(text: str) -> Iterator[tuple[Count, int, int]]:
    lex = _lexicon()
    money_spans = [(s, e) for _m, s, e in iter_money(text)]
    for m in lex.count.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in money_spans):
            continue
        words = m.group("words")
        if words:
            first = words.split()[0].lower()
            head = text[max(0, m.start() - 16) : m.start()].lower()
            if (first in lex.multipliers or _scale_value(first)) and lex.vague_prefix.search(head):
                continue  # "several hundred", "a few thousand": no number to check
            if words.lower() in ("one", "an", "a"):
                continue  # "one of", "one employee said": a pronoun, not a count
            if words.isupper() and len(words) > 1:
                continue  # "THE NINE NETWORK"
        if _is_name_or_date_part(text, m):
            continue
        if words:
            value = _words_value(words)
        else:
            value = _digits_value(m.group("num"))
            scale = m.group("ascale") or m.group("wscale")
            if value is not None and scale:
                mult = _scale_value(scale)
                value = value * mult if mult else None
        if value is None or value != value.to_integral_value() or value < 0:
            continue
        if _looks_like_year(text, m):
            continue
        yield Count(int(value), _qualifier_before(text, m.start())), m.start(), m.end()


def parse_count(text: str) -> Count | None:
    """The first count in ``text``, or None.

    >>> parse_count("about a dozen staff")
    Count(value=12, qualifier='about')
    >>> parse_count("1.5 million users")
    Count(value=1500000, qualifier=None)
    >>> parse_count("hundreds of workers") is None
    True
    """
    for count, _start, _end in iter_counts(text):
        return count
    return None


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------


def _reference_date(reference: date | datetime | str | None) -> date | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    if isinstance(reference, date):
        return reference
    ref = reference.strip()
    if not ref:
        return None
    try:
        return datetime.fromisoformat(ref.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", ref)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3] or 1))
        except ValueError:
            return None
    try:
        from dateutil import parser as du_parser

        return du_parser.parse(ref).date()
    except (ValueError, OverflowError):
        return None


def _cased(words: list[str] | dict[str, int]) -> str:
    # Names as news capitalises them ("May", "MAY"), never the lower-case word ("may").
    return _alternation([v for w in words for v in (w.capitalize(), w.upper())])


@cache
def _date_patterns() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    month = rf"(?-i:(?P<month>{_cased(lex.months)}))\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[6-9]|2[0-2])\d\d)"
    # Full weekday names only: "sun", "wed" are words too.
    wd = rf"(?-i:(?P<wd>{_cased([w for w in lex.weekdays if len(w) > 5])}))"
    flags = re.IGNORECASE
    return {
        "iso": re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?!\d)"),
        "numeric": re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
        "mdy": re.compile(rf"\b{month}\s+{day},?\s+{year}\b", flags),
        "dmy": re.compile(rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}\b", flags),
        "my": re.compile(rf"\b{month},?\s+(?:of\s+)?{year}\b", flags),
        "md": re.compile(rf"\b{month}\s+{day}\b(?!\s*,?\s*\d)", flags),
        "dm": re.compile(rf"\b{day}\s+(?:of\s+)?{month}\b", flags),
        "m_rel": re.compile(rf"\b{month}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", flags),
        "rel_m": re.compile(rf"\b(?P<rel>last|this|next)\s+{month}\b", flags),
        "day_word": re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", flags),
        "ago": re.compile(
            r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s+(?P<unit>day|week|month|year)s?\s+ago\b",  # "earlier" is relative to the story
            flags,
        ),
        "weekday": re.compile(
            rf"\b(?:(?P<rel>last|this|next|on|this past|this coming)\s+)?{wd}\b", flags
        ),
        "rel_month": re.compile(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next)\s+month\b",
            flags,
        ),
        "rel_week": re.compile(r"\b(?:last|this|next|previous|past)\s+week(?:end)?\b", flags),
        "rel_year": re.compile(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next)\s+year\b",
            flags,
        ),
        "month": re.compile(
            # After a time word, or opening the text (a DATE entity "October"); never inside
            # a sentence on its own ("Theresa May said").
            rf"(?:\b(?:in|since|until|by|during|from|of|early|late|mid-?)\s+|^\W*(?:the\s+)?)"
            rf"{month}(?![\w])",
            flags,
        ),
        "year": re.compile(rf"(?<![\w$€£.,])(?<!\d-){year}(?![\w,.%]\d|\w)"),
    }


_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    return f"{y:04d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _year_for_month(month: int, ref: date, future: bool = False) -> int:
    """Year of a month named without one: this year, unless that is well in the future.

    News mostly reports the past, but "in December" written in November is the coming one,
    so only a month more than two months after the publication month goes to last year.
    With ``future``, the next such month on or after the publication month.
    """
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    if month > ref.month + 2:
        return ref.year - 1
    if ref.month - month >= 11:  # "in January", published in December
        return ref.year + 1
    return ref.year


def resolve_date(
    text: str, reference: date | datetime | str | None = None, *, future: bool = False
) -> str | None:
    """An ISO 8601 date at the precision the text states, resolved against ``reference``.

    ``reference`` is the article's publication date (date, datetime or ISO string). Relative
    forms ("on Monday", "last year", "earlier this month") need it; without it they give None.
    Weekdays ("on Monday") mean the latest such day on or before the reference; "last week"
    and other spans without a calendar unit give None. ``future=True`` (the caller saw "will",
    "is due to" ...) reads a bare weekday or a month without a year as the next one on or
    after the reference instead. Numeric dates are read only when unambiguous ("20/02/2020",
    "02/20/2020"); "03/04/2020" gives just its year.

    >>> resolve_date("in April 2017", None)
    '2017-04'
    >>> resolve_date("last year", "2026-03-01")
    '2025'
    >>> resolve_date("earlier this month", "2026-11-25")
    '2026-11'
    """
    lex = _lexicon()
    pats = _date_patterns()
    ref = _reference_date(reference)
    text = text.replace("\u00a0", " ")

    def month_of(m: re.Match[str]) -> int:
        return lex.months[m.group("month").lower().rstrip(".")]

    if (m := pats["iso"].search(text)) and (
        iso := _iso(int(m["year"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    ):
        return iso  # not "2019-20", a span of years: that falls through to the year
    if m := pats["numeric"].search(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 >= b:
            return _iso(y, b, a)  # day first
        if b > 12 >= a:
            return _iso(y, a, b)  # month first
        return _iso(y) if a == b or (a <= 12 and b <= 12) else None
    if m := pats["mdy"].search(text):
        return _iso(int(m["year"]), month_of(m), int(m["day"]))
    if m := pats["dmy"].search(text):
        return _iso(int(m["year"]), month_of(m), int(m["day"]))
    if m := pats["my"].search(text):
        return _iso(int(m["year"]), month_of(m))
    if ref is not None and (m := pats["m_rel"].search(text)):
        delta = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return _iso(ref.year + delta, month_of(m))
    for key in ("md", "dm"):
        if m := pats[key].search(text):
            if ref is None:
                return None
            mo, d = month_of(m), int(m["day"])
            return _iso(_year_for_month(mo, ref, future), mo, d)
    if ref is None:
        return _bare_year(text)
    if m := pats["day_word"].search(text):
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["w"].lower()]
        return (ref + timedelta(days=offset)).isoformat()
    if m := pats["ago"].search(text):
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else _SMALL[raw]
        unit = m["unit"].lower()
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat()
        if unit == "week":
            return (ref - timedelta(weeks=n)).isoformat()
        if unit == "month":
            return _iso(*_shift_month(ref.year, ref.month, -n))
        return _iso(ref.year - n)
    if m := pats["rel_m"].search(text):
        mo = month_of(m)
        rel = m["rel"].lower()
        if rel == "this":
            return _iso(ref.year, mo)
        if rel == "last":
            return _iso(ref.year if mo < ref.month else ref.year - 1, mo)
        return _iso(ref.year if mo > ref.month else ref.year + 1, mo)
    if m := pats["weekday"].search(text):
        target = lex.weekdays[m["wd"].lower()]
        rel = (m["rel"] or "").lower()
        back = (ref.weekday() - target) % 7
        if rel == "last" or rel == "this past":
            back = back or 7
        elif rel in ("next", "this coming") or future:
            fwd = (target - ref.weekday()) % 7
            if rel in ("next", "this coming"):
                fwd = fwd or 7
            return (ref + timedelta(days=fwd)).isoformat()
        return (ref - timedelta(days=back)).isoformat()
    if m := pats["rel_month"].search(text):
        delta = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return _iso(*_shift_month(ref.year, ref.month, delta))
    if pats["rel_week"].search(text):
        return None  # no calendar unit at that precision in our date formats
    if m := pats["month"].search(text):
        mo = month_of(m)
        if re.match(r"\s*since\b", text, re.I):  # "since March": a month gone by
            return _iso(ref.year if mo <= ref.month else ref.year - 1, mo)
        return _iso(_year_for_month(mo, ref, future), mo)
    if m := pats["rel_year"].search(text):
        delta = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return _iso(ref.year + delta)
    return _bare_year(text)


def _bare_year(text: str) -> str | None:
    m = _date_patterns()["year"].search(text)
    return _iso(int(m["year"])) if m else None
