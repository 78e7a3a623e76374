"""``petition``: "Nearly 2,000 workers signed a petition demanding ...", "a letter signed by
3,100 employees", "the number of signatories climbed to about 4,000"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from extract.nlp.relations.common import Context, RawFact, evidence, is_negated
from extract.values import iter_counts

DEMAND_RE = re.compile(
    r"\b(?:demanding|asking|calling for|calling on|urging|requesting|asked|demanded|urged|called for)\b\s*(?:that\s+)?(.+?)(?:[.;]|$)",
    re.I,
)


DEMAND_VERBS = {"demand", "ask", "call", "urge", "request"}


def _demand(sent: Span) -> str | None:
    """What the petition asks for: the clause the asking verb governs ("calling on the
    council to end the drone program" -> "end the drone program"), else the words after it."""
    for t in sent:
        if t.lemma_.lower() not in DEMAND_VERBS or t.pos_ != "VERB":
            continue
        goal = next((c for c in t.children if c.dep_ in ("xcomp", "ccomp")), None)
        for p in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "on")):
            pobj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if p.lower_ == "for" and pobj is not None and goal is None:
                goal = pobj  # "calling for a ban on the cameras"
        if goal is not None:
            toks = [x for x in goal.subtree if not (x.i < goal.i and x.dep_ in ("aux", "mark"))]
            if toks:
                return sent.doc[toks[0].i : toks[-1].i + 1].text.strip(" ,")
    m = DEMAND_RE.search(sent.text)
    return m.group(1).strip() if m else None


# signing, and what news says instead ("an open letter backed by 412 agents")
SIGN_VERBS = {"sign", "back", "endorse", "co-sign", "cosign"}


def petition(ctx: Context) -> list[RawFact]:
    doc, lex = ctx.doc, ctx.lex
    nouns = lex.set("petition")
    workforce_nouns = lex.set("workforce_nouns")
    out: list[RawFact] = []
    previous: set[str] = set()
    for sent in ctx.sents:
        lemmas = {t.lemma_.lower() for t in sent}
        before, previous = previous, lemmas
        # "... began circulating a petition. ... more than 2,300 employees had signed it."
        signed_it = before & nouns and any(
            t.lemma_.lower() in SIGN_VERBS
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children)
            for t in sent
        )
        if not (lemmas & nouns or {"signatory", "signatories", "signature"} & lemmas or signed_it):
            continue
        if not ({"signatory", "signature", "signatories", "petition"} | SIGN_VERBS) & lemmas:
            continue
        if any(t.lemma_ == "sign" and is_negated(t) for t in sent):
            continue
        sent_facts: list[RawFact] = []
        for count, cs, ce in iter_counts(sent.text):
            span = doc.char_span(
                sent.start_char + cs, sent.start_char + ce, alignment_mode="expand"
            )
            if span is None:
                continue
            head = span.root
            if head.dep_ == "nummod":
                head = head.head
            after = doc[span.end] if span.end < len(doc) else None
            people = {x.lower() for x in lex.subjects}
            signs = (
                head.head.lemma_.lower() in SIGN_VERBS
                and head.dep_ in ("nsubj", "pobj", "agent")
                or (head.dep_ == "pobj" and head.head.head.lemma_.lower() in SIGN_VERBS)
            )
            # "1,400 parents, students and alumni put their names to an online petition"
            signs = signs or (
                head.dep_ == "nsubj"
                and head.tag_ == "NNS"
                and any(t.lemma_.lower() in nouns for t in head.head.subtree)
            )
            if (
                head.dep_ == "pobj"
                and head.head.lower_ == "of"
                and re.fullmatch(r"[\d,.]+", head.head.head.text)  # not "one of 1,400 ..."
            ):
                continue  # "612 of Harbourline's roughly 780 drivers": the whole, not signers
            # "signed by 612 of its drivers": the part the people after "of" make up
            part_of = next(
                (
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of" and head.like_num
                    for p in c.children
                    if p.dep_ == "pobj" and p.tag_ == "NNS"
                ),
                None,
            )
            if signs and part_of is not None:
                head = part_of
                span = doc[head.i : head.i]  # the signers are the noun, not "of X's ..."
            ok = head.lemma_.lower() in people or (signs and head.tag_ == "NNS")
            # "nearly 2,600 of them signed a petition"
            ok = ok or (
                signs
                and head.like_num
                and any(
                    c.dep_ == "prep" and c.lower_ == "of" and p.lower_ in ("them", "those")
                    for c in head.children
                    for p in c.children
                )
            )
            ok = ok or head.lemma_.lower() in workforce_nouns | {
                "signatory",
                "signature",
                "people",
                "staff",
                "member",
                "employee",
                "worker",
                "person",
                "googler",
            }
            ok = (
                ok
                or head.lemma_.lower() in {"signatory"}
                or "signator" in sent.text[:cs].lower()[-60:]
            )
            ok = ok or (
                after is not None
                and after.pos_ in ("PROPN", "NOUN")
                and after.head.lemma_.lower() in workforce_nouns
            )
            if not ok:
                continue
            gov = head.head if head.dep_ in ("nsubj", "dobj") else None
            if gov is not None and gov.lemma_.lower() in (
                "resign",
                "quit",
                "leave",
                "employ",
                "hire",
                "cut",
                "lay",
                "represent",  # "the union ... says it represents around 9,000 workers"
            ):
                continue
            if any(
                c.dep_ == "relcl" and c.lemma_.lower() in ("employ", "have") for c in head.children
            ):
                continue  # "a quarter of the 3,200 people the firm employs": a headcount
            targets = ctx.programs_in(sent)
            target = targets[0] if targets else ctx.current_program(span.start)
            if not target:
                continue
            fields: dict[str, object] = {"target": target, "signatures": count}
            if count.qualifier:
                fields["qualifier"] = count.qualifier
            if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in (
                "signatory",
                "signature",
            ):
                signers = doc[span.end : head.i + 1].text.strip()
                if signers:
                    fields["signers"] = signers
            demand = _demand(sent)
            if demand:
                fields["demand"] = demand
            s, e = evidence(sent)
            fact = RawFact("petition", fields, s, e, 0.8)
            fact.fields["_counts_signatures"] = head.lemma_.lower() in ("signature", "signatory")
            fact.fields["_signs"] = signs
            sent_facts.append(fact)
        # "had attracted 870 signatures, roughly a quarter of the 3,200 people ...": the
        # number of signatures wins over other counts of people in its sentence
        if any(f.fields["_counts_signatures"] for f in sent_facts):
            sent_facts = [f for f in sent_facts if f.fields["_counts_signatures"]]
        # "250 employees signed an open letter ..., according to three people with direct
        # knowledge": the people who signed, not those who tell of it
        if any(f.fields["_signs"] for f in sent_facts):
            sent_facts = [f for f in sent_facts if f.fields["_signs"]]
        for f in sent_facts:
            del f.fields["_counts_signatures"]
            del f.fields["_signs"]
        out.extend(sent_facts)
    return out
