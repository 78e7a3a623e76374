"""The facts scorer (extract/evaluate.py), per ../shared/eval/FACTS.md "How the scorer matches"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import ArticleError, UsageError
from extract.evaluate import (
    KEY_FIELDS,
    TypeScore,
    evaluate_dir,
    explain,
    fact_matches,
    format_report,
    load_gold,
    main,
    name_matches,
    normalise_name,
    number_matches,
    quote_text_matches,
    score,
)
from extract.records import Evidence, Fact

SHARED = Path(__file__).parents[1].parent / "shared"

# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("The Guardian", ("guardian",)),
        ("Meta's", ("meta",)),
        ("Meta’s", ("meta",)),
        ("H&M", ("h", "m")),
        ("Hennes & Mauritz", ("hennes", "mauritz")),
        ("U.S. Department of Defense", ("us", "department", "of", "defense")),
        ("  ICO.  ", ("ico",)),
        ("Stow Machine-Gun", ("stow", "machine", "gun")),
        ("theguardian", ("theguardian",)),
        ("Other, The", ("other", "the")),  # only a *leading* "the" goes
    ],
)
def test_normalise_name(name: str, words: tuple[str, ...]) -> None:
    assert normalise_name(name) == words


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Meta", "Meta|Meta Platforms", True),
        ("meta platforms", "Meta|Meta Platforms", True),
        ("the BBC", "BBC News|BBC", True),
        ("BBC's", "BBC News|BBC", True),
        ("Meta Platforms Inc", "Meta", True),  # two words more than an alias
        ("Meta Platforms Inc. subsidiary", "Meta", False),  # three more
        ("Platforms Meta", "Meta Platforms", True),  # every word held, order free
        ("Platforms", "Meta Platforms", False),  # a word of the alias missing
        ("Facebook", "Meta|Meta Platforms", False),
        ("Andrew Bosworth", "Andrew Bosworth", True),
        ("Bosworth", "Andrew Bosworth", False),
        ("Meta|Facebook", "Facebook", True),  # predicted aliases are tried too
        ("", "Meta", False),
        (None, "Meta", False),
        (
            "Commission nationale de l'informatique et des libertés",
            "CNIL|Commission nationale de l'informatique et des libertés",
            True,
        ),
    ],
)
def test_name_matches(predicted: Any, gold: str, expected: bool) -> None:
    assert name_matches(predicted, gold) is expected


def test_name_repeated_word_needs_repeats() -> None:
    # "every word of a gold alias" counts repeats: "New York New" holds "New York" but
    # "York" alone does not hold "New York".
    assert name_matches("New York New", "New York")
    assert not name_matches("York Times", "New York")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (2000, 2000, True),
        (2010, 2000, True),  # exactly 0.5%
        (1990, 2000, True),
        (2010.01, 2000, False),
        (1989, 2000, False),
        (145.5e9, 145000000000, True),
        (146e9, 145000000000, False),
        ("2,000", 2000, True),
        ("35258707.95", 35258707.95, True),
        (True, 1, False),  # a bool is not a number
        ("nearly 2000", 2000, False),
        (None, 2000, False),
        (0, 0, True),
        (1, 0, False),
    ],
)
def test_number_matches(predicted: Any, gold: Any, expected: bool) -> None:
    assert number_matches(predicted, gold) is expected


# --------------------------------------------------------------------------- quotes

GOLD_QUOTE = "We have no indication at this time that any data was improperly accessed."  # 13 words


def test_quote_half_the_words() -> None:
    seven = "We have no indication at this time"  # 7 of 13 words
    six = "We have no indication at this"  # 6 of 13
    assert quote_text_matches(seven, GOLD_QUOTE)
    assert not quote_text_matches(six, GOLD_QUOTE)
    assert quote_text_matches(GOLD_QUOTE.upper() + " And more words besides.", GOLD_QUOTE)
    assert quote_text_matches("“I've never seen morale”", "I've never seen morale here so bad.")
    assert not quote_text_matches("", GOLD_QUOTE)


def test_quote_needs_speaker_and_text() -> None:
    gold = {"type": "quote", "speaker": "Meta spokesman|spokesman", "text": GOLD_QUOTE}
    assert fact_matches({"type": "quote", "speaker": "a spokesman", "text": GOLD_QUOTE}, gold)
    assert not fact_matches(
        {"type": "quote", "speaker": "Andrew Bosworth", "text": GOLD_QUOTE}, gold
    )
    assert not fact_matches({"type": "quote", "speaker": "spokesman", "text": "No comment."}, gold)
    assert not fact_matches({"type": "quote", "speaker": "spokesman"}, gold)


# --------------------------------------------------------------------------- facts


def test_every_key_field_must_match() -> None:
    gold = {"type": "spend", "organization": "Meta", "amount": 145000000000, "currency": "USD"}
    ok = {"type": "spend", "organization": "Meta", "amount": 145e9, "currency": "usd"}
    assert fact_matches(ok, gold)
    assert not fact_matches({**ok, "currency": "EUR"}, gold)
    assert not fact_matches({**ok, "amount": 14.5e9}, gold)
    assert not fact_matches({**ok, "organization": "Google"}, gold)
    assert not fact_matches({**ok, "type": "penalty"}, gold)
    # non-key fields are ignored
    assert fact_matches({**ok, "purpose": "something else", "period": "1999"}, gold)


def test_key_fields_cover_all_thirteen_types() -> None:
    assert len(KEY_FIELDS) == 13
    assert KEY_FIELDS["exposure"] == ("organization",)
    assert KEY_FIELDS["workforce"] == ("organization", "count")


def _petition(signatures: int, target: str = "MCI") -> dict[str, Any]:
    return {"type": "petition", "target": target, "signatures": signatures}


def test_each_gold_matched_once() -> None:
    gold = [_petition(2000)]
    s = score([_petition(2000), _petition(2001)], gold)
    assert s.per_type["petition"] == TypeScore(tp=1, fp=1, fn=0)
    assert len(s.matched) == 1 and len(s.false_positives) == 1


def test_maximum_matching_beats_greedy() -> None:
    # pred A matches both golds, pred B only the first: a greedy A->g1 would leave B unmatched.
    gold = [
        {"type": "role", "person": "Andrew Bosworth", "organization": "Meta"},
        {
            "type": "role",
            "person": "Andrew Bosworth",
            "organization": "Meta Reality Labs",
        },
    ]
    pred_a = {
        "type": "role",
        "person": "Andrew Bosworth",
        "organization": "Meta Reality Labs",
    }
    pred_b = {"type": "role", "person": "Andrew Bosworth", "organization": "Meta"}
    assert fact_matches(pred_a, gold[0]) and fact_matches(pred_a, gold[1])
    assert not fact_matches(pred_b, gold[1])
    s = score([pred_a, pred_b], gold)
    assert s.per_type["role"] == TypeScore(tp=2, fp=0, fn=0)


def test_types_outside_the_table_are_ignored() -> None:
    gold = [{"type": "source", "outlet": "BBC"}, {"type": "mood", "value": "grim"}]
    pred = [
        {"type": "source", "outlet": "BBC News"},
        {"type": "mood", "value": "grim"},
        {"type": "unrelated", "x": 1},
        {"no_type": True},
    ]
    s = score(pred, gold)
    assert s.micro == TypeScore(tp=1, fp=0, fn=0)
    assert set(s.per_type) == set(KEY_FIELDS)


def test_per_type_and_micro_counts() -> None:
    gold = [
        {"type": "source", "outlet": "BBC News|BBC"},
        {"type": "source", "outlet": "Wired"},
        {"type": "law", "law": "Privacy Act 2020|Privacy Act", "jurisdiction": "New Zealand|NZ"},
        _petition(2000, "Model Capability Initiative|MCI"),
    ]
    pred = [
        {"type": "source", "outlet": "the BBC"},
        {"type": "source", "outlet": "Reuters"},
        {"type": "law", "law": "the Privacy Act", "jurisdiction": "NZ"},
        {"type": "workforce", "organization": "Meta", "count": 6500},
    ]
    s = score(pred, gold)
    assert s.per_type["source"] == TypeScore(1, 1, 1)
    assert s.per_type["law"] == TypeScore(1, 0, 0)
    assert s.per_type["petition"] == TypeScore(0, 0, 1)
    assert s.per_type["workforce"] == TypeScore(0, 1, 0)
    micro = s.micro
    assert micro == TypeScore(tp=2, fp=2, fn=2)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(0.5)
    assert s.per_type["source"].f1 == pytest.approx(0.5)


def test_empty_scores_are_zero_not_errors() -> None:
    s = score([], [])
    assert s.micro == TypeScore()
    assert (s.micro.precision, s.micro.recall, s.micro.f1) == (0.0, 0.0, 0.0)
    only_gold = score([], [{"type": "source", "outlet": "BBC"}])
    assert only_gold.micro.recall == 0.0 and only_gold.micro.fn == 1


def test_fact_records_are_accepted() -> None:
    ev = Evidence("https://example.org/a", "Nearly 2,000 workers signed.", 0, 29)
    fact = Fact("petition", {"target": "the MCI", "signatures": 1995, "qualifier": "nearly"}, ev)
    s = score([fact], [_petition(2000, "Model Capability Initiative|MCI")])
    assert s.micro.tp == 1


def test_scores_add_up() -> None:
    a = score([{"type": "source", "outlet": "BBC"}], [{"type": "source", "outlet": "BBC"}])
    b = score([{"type": "source", "outlet": "AFP"}], [])
    total = a + b
    assert total.per_type["source"] == TypeScore(1, 1, 0)
    assert len(total.false_positives) == 1


# --------------------------------------------------------------------------- files


def _write_jsonl(path: Path, facts: list[dict[str, Any]]) -> None:
    path.write_text("\n".join(json.dumps(f) for f in facts) + "\n\n", encoding="utf-8")


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.jsonl"
    _write_jsonl(path, [{"type": "source", "outlet": "BBC"}, _petition(5)])
    assert load_gold(path) == [{"type": "source", "outlet": "BBC"}, _petition(5)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "source"}\n{not json}\n', ":2: not valid JSON"),
        ('["source"]\n', ":1: a fact must be a JSON object"),
        ('{"outlet": "BBC"}\n', ":1: a fact must be a JSON object with a string 'type'"),
    ],
)
def test_load_gold_malformed(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_gold(path)


def test_load_gold_missing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read gold file"):
        load_gold(tmp_path / "nope.gold.jsonl")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    for name in ("alpha", "beta", "gamma"):
        (d / f"{name}.html").write_text(f"<html><body><p>{name}</p></body></html>", "utf-8")
    _write_jsonl(d / "alpha.gold.jsonl", [{"type": "source", "outlet": "BBC"}, _petition(2000)])
    _write_jsonl(
        d / "beta.gold.jsonl", [{"type": "workforce", "organization": "Meta", "count": 6500}]
    )
    _write_jsonl(d / "gamma.gold.jsonl", [{"type": "source", "outlet": "Wired"}])
    _write_jsonl(d / "orphan.gold.jsonl", [{"type": "source", "outlet": "AFP"}])
    return d


def _predict(page: Path) -> list[dict[str, Any]]:
    text = page.read_text("utf-8")
    if "alpha" in text:
        return [
            {"type": "source", "outlet": "the BBC"},
            _petition(2000),
            {"type": "source", "outlet": "CNN"},
        ]
    if "beta" in text:
        return [{"type": "workforce", "organization": "Meta", "count": 6530}]
    raise ArticleError(f"no readable article in {page.name}")


def test_evaluate_dir(gold_dir: Path) -> None:
    report = evaluate_dir(gold_dir, _predict)
    names = [f.name for f in report.files]
    assert names == ["alpha", "beta", "gamma", "orphan"]
    by_name = {f.name: f for f in report.files}
    assert by_name["alpha"].scores.micro == TypeScore(2, 1, 0)
    assert by_name["beta"].scores.micro == TypeScore(1, 0, 0)  # 6530 is within 0.5% of 6500
    assert by_name["gamma"].error == "no readable article in gamma.html"
    assert by_name["gamma"].scores.micro == TypeScore(0, 0, 1)
    assert by_name["orphan"].html is None and "no page orphan.html" in (
        by_name["orphan"].error or ""
    )
    assert report.failures == 2
    assert report.total.micro == TypeScore(tp=3, fp=1, fn=2)
    data = report.to_json()
    assert data["micro"]["tp"] == 3 and len(data["files"]) == 4


def test_evaluate_dir_bad_input(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="gold directory not found"):
        evaluate_dir(tmp_path / "missing", _predict)
    with pytest.raises(UsageError, match="no \\*.gold.jsonl files"):
        evaluate_dir(tmp_path, _predict)


def test_format_report_and_explain(gold_dir: Path) -> None:
    report = evaluate_dir(gold_dir, _predict)
    text = format_report(report)
    lines = text.splitlines()
    micro = next(line for line in lines if line.startswith("micro "))
    assert micro.split()[1:] == ["5", "4", "3", "1", "2", "0.750", "0.600", "0.667"]
    source = next(line for line in lines if line.startswith("source "))
    assert source.split()[1:6] == ["3", "2", "1", "1", "2"]
    role = next(line for line in lines if line.startswith("role "))
    assert role.split()[-3:] == ["-", "-", "-"]  # no gold, no predictions
    assert any(line.startswith("gamma") and "error: no readable article" in line for line in lines)
    assert "(2 failed)" in lines[-1]
    assert all(line == line.rstrip() for line in lines)

    details = explain(report)
    assert 'EXTRA   source {"outlet": "CNN"}' in details
    assert 'MISSED  source {"outlet": "Wired"}' in details
    assert "== alpha: tp=2 fp=1 fn=0" in details


def test_explain_shows_near_misses_and_evidence(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text("<p>x</p>", "utf-8")
    gold = {"type": "spend", "organization": "Meta", "amount": 145000000000, "currency": "USD"}
    _write_jsonl(tmp_path / "x.gold.jsonl", [gold])
    pred = {
        "type": "spend",
        "organization": "Meta",
        "amount": 14500000000,
        "currency": "USD",
        "evidence": {"text": "Meta will spend $14.5bn.", "start": 0, "end": 24},
    }
    report = evaluate_dir(tmp_path, lambda _p: [pred])
    details = explain(report)
    assert "near: amount: 14500000000 vs 145000000000" in details
    assert "from: Meta will spend $14.5bn." in details


def test_main_scores_saved_predictions(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    _write_jsonl(pred_dir / "alpha.jsonl", [{"type": "source", "outlet": "BBC"}])
    assert main([str(gold_dir), "--pred", str(pred_dir), "--details"]) == 0
    out = capsys.readouterr().out
    assert "micro P=1.000 R=0.200 F1=0.333 over 4 files (3 failed)" in out
    assert "MISSED  petition" in out
    assert main([str(tmp_path / "nothing"), "--pred", str(pred_dir)]) == 2
    assert "error: gold directory not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- shared gold


@pytest.mark.parametrize("subset", ["dev", "real"])
def test_shared_gold_scores_itself_perfectly(subset: str) -> None:
    gold_dir = SHARED / "eval" / subset
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not present")

    def predict(page: Path) -> list[dict[str, Any]]:
        return load_gold(page.with_name(page.stem + ".gold.jsonl"))

    report = evaluate_dir(gold_dir, predict)
    total = report.total.micro
    assert report.failures == 0
    assert total.fp == 0 and total.fn == 0 and total.tp > 50


def test_shared_gold_dropping_facts_lowers_recall_only() -> None:
    gold_dir = SHARED / "eval" / "dev"
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not present")

    def predict(page: Path) -> list[dict[str, Any]]:
        facts = load_gold(page.with_name(page.stem + ".gold.jsonl"))
        return [f for f in facts if f["type"] != "quote"]

    report = evaluate_dir(gold_dir, predict)
    total = report.total
    assert total.per_type["quote"].recall == 0.0
    assert total.per_type["quote"].fn > 0
    assert total.micro.precision == 1.0
    assert total.micro.fn == total.per_type["quote"].fn


# --------------------------------------------------------------------------- properties

_NAMES = [
    "Meta",
    "Meta Platforms",
    "the BBC",
    "BBC News",
    "Amazon France Logistique",
    "CNIL",
    "H&M",
]
_fact = st.one_of(
    st.builds(
        lambda o, n: {"type": "workforce", "organization": o, "count": n},
        st.sampled_from(_NAMES),
        st.integers(1, 10**6),
    ),
    st.builds(lambda o: {"type": "source", "outlet": o}, st.sampled_from(_NAMES)),
    st.builds(
        lambda o, a, c: {"type": "spend", "organization": o, "amount": a, "currency": c},
        st.sampled_from(_NAMES),
        st.integers(1, 10**12),
        st.sampled_from(["USD", "EUR"]),
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_fact, max_size=8))
def test_gold_scores_itself_perfectly(gold: list[dict[str, Any]]) -> None:
    s = score(gold, gold)
    assert s.micro == TypeScore(tp=len(gold), fp=0, fn=0)


@settings(max_examples=150, deadline=None)
@given(st.lists(_fact, max_size=6), st.lists(_fact, max_size=6), st.randoms())
def test_order_does_not_change_scores(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]], rnd: Any
) -> None:
    shuffled_pred, shuffled_gold = pred[:], gold[:]
    rnd.shuffle(shuffled_pred)
    rnd.shuffle(shuffled_gold)
    a, b = score(pred, gold), score(shuffled_pred, shuffled_gold)
    assert a.per_type == b.per_type
    assert a.micro.tp <= min(len(pred), len(gold))
    assert a.micro.tp + a.micro.fp == len(pred) and a.micro.tp + a.micro.fn == len(gold)


@settings(max_examples=150, deadline=None)
@given(st.lists(_fact, max_size=6), st.lists(_fact, max_size=6), _fact)
def test_an_extra_prediction_never_loses_a_match(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]], extra: dict[str, Any]
) -> None:
    assert score([*pred, extra], gold).micro.tp >= score(pred, gold).micro.tp
