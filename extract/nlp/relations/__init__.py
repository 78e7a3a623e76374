"""Relation rules, one module per fact type, run by component ``newskg_relations_v1``.

Each rule is a function ``(Context) -> list[RawFact]``; the component stores them all on
``Doc._.facts`` for :mod:`extract.facts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.extensions import text_of
from extract.nlp.guard import guarded
from extract.nlp.lexicon import Lexicon
from extract.nlp.relations.common import Context, DateText, RawFact, pack, unpack
from extract.nlp.relations.exposure import exposure
from extract.nlp.relations.laws import laws
from extract.nlp.relations.money import penalty, spend
from extract.nlp.relations.ownership import ownership
from extract.nlp.relations.petition import petition
from extract.nlp.relations.programs import collects_and_monitors, operates, status
from extract.nlp.relations.quotes import quotes
from extract.nlp.relations.roles import roles
from extract.nlp.relations.sources import sources
from extract.nlp.relations.workforce import workforce

__all__ = ["RULES", "DateText", "RawFact", "RelationsComponent", "pack", "unpack"]

RULES: tuple[Callable[[Context], list[RawFact]], ...] = (
    roles,
    operates,
    ownership,
    collects_and_monitors,
    status,
    petition,
    spend,
    exposure,
    penalty,
    laws,
    quotes,
    sources,
    workforce,
)


HEADLINE_SHY = {"penalty", "spend", "workforce", "petition"}
# what a correction notice takes back: a figure or a title, not the mention of a law
CORRECTABLE = {"penalty", "spend", "workforce", "petition", "role"}
CORRECTED_RE = re.compile(
    r"\b(?:an earlier|a previous|the original) version of this (?:article|story|report|piece)"
    r"\s+(?:said|stated|reported|gave|described|misstated|incorrectly)",
    re.I,
)


def _is_prose(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?\"”’')…:;"


class RelationsComponent:
    """Pipeline component ``newskg_relations_v1``: sets ``Doc._.facts``."""

    def __init__(self, nlp: Language, name: str, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(doc, self.lex)
        facts: list[RawFact] = []
        for rule in RULES:
            facts.extend(guarded(f"rule {rule.__name__}", lambda r=rule: r(ctx), []))
        # Headlines and subheadings (no closing punctuation) repeat the body in shorthand
        # that the parser reads badly: numbers read there are not trusted.
        kept = [
            f
            for f in facts
            if f.type not in HEADLINE_SHY or _is_prose(text_of(doc)[f.start : f.end])
        ]
        # "An earlier version of this article said Kgotso had spent R12 million": what a
        # correction takes back is no fact
        kept = [
            f
            for f in kept
            if f.type not in CORRECTABLE or not CORRECTED_RE.search(text_of(doc)[f.start : f.end])
        ]
        # the outlet that reported a leak did not leak anything
        outlets = {f.fields["outlet"] for f in kept if f.type == "source"}
        kept = [
            f
            for f in kept
            if not (
                f.type == "exposure"
                and any(
                    o == f.fields["organization"] or o.startswith(f.fields["organization"] + " ")
                    for o in outlets
                )
            )
        ]
        doc._.facts = [pack(f) for f in kept]
        # Leave only plain data on the doc: working objects cannot cross process boundaries
        # (nlp.pipe with n_process > 1 serialises user_data with msgpack).
        doc._.names = doc._.programs = doc._.quotes = None
        for key in ("newskg_ents", "newskg_ent_at", "newskg_text", "newskg_tokens"):
            doc.user_data.pop(key, None)
        return doc
