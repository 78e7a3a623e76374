"""``exposure``: data of an organization leaked, exposed, breached, made accessible or stolen.

One fact per organization (a reader counts the incident, not every sentence retelling it);
negated statements ("no indication that any data was improperly accessed") are skipped.
"""

from __future__ import annotations

import re

from extract.nlp.relations.common import Context, RawFact, evidence, org_of

CUE_RE = re.compile(
    r"\b(leak(?:ed|s|ing)?|exposed?|exposing|exposure|(?:data|security|privacy|cyber)[- ]?breach(?:es)?|breach(?:ed)? (?:of )?(?:its |the |their )?(?:systems?|servers?|networks?|databases?|data)|hack(?:ed|ers?|ing)?|"
    r"infiltrat\w+|stole|stolen|stealing|(?:made|left|were|was|became)\s+(?:\w+\s+){0,2}accessible|"
    r"could be (?:read|seen|viewed|accessed) by|unsecured|unprotected|compromised|configuration error|"
    r"misconfigur\w+|data (?:spill|theft))\b",
    re.I,
)
NEG_RE = re.compile(
    r"\b(no indication|no evidence|not|never|denied|deny|denies|without any)\b", re.I
)
OBJECT_RE = re.compile(
    r"\b(data|files?|records?|information|details|database|servers?|systems?|network|footage|emails?|passwords?|notes|documents?|accounts?|drive)\b",
    re.I,
)


def exposure(ctx: Context) -> list[RawFact]:
    doc = ctx.doc
    out: dict[str, RawFact] = {}
    for sent in doc.sents:
        text = sent.text
        m = CUE_RE.search(text)
        if not m or not OBJECT_RE.search(text):
            continue
        if NEG_RE.search(text[: m.start()]) and re.search(
            r"\b(no indication|no evidence|denied|not)\b", text, re.I
        ):
            continue
        if re.search(r"\b(could|would|might|may)\s+(?:be\s+)?(?:leak|expose|breach)", text, re.I):
            continue
        org = None
        for t in sent:
            if (
                t.dep_ in ("dobj", "nsubjpass", "poss")
                and t.ent_type_ == "ORG"
                and t.head.pos_ in ("VERB", "NOUN")
            ):
                cand = ctx.names.resolve_org(doc, t, ctx.lex)
                if cand and not ctx.names.is_outlet(cand) and not ctx.names.is_authority(cand):
                    org = cand
                    break
        org = org or ctx.names.main_org
        if not org:  # NER missed the company: the subject of the sentence
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
            org = org_of(ctx, subj) if subj is not None else None
        if not org or org in out:
            continue
        progs = ctx.programs_in(sent)
        fields: dict[str, object] = {"organization": org, "description": text.strip()}
        if progs:
            fields["program"] = progs[0]
        s, e = evidence(sent)
        out[org] = RawFact("exposure", fields, s, e, 0.6)
    return list(out.values())
