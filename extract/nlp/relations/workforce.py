"""``workforce``: jobs cut, people employed, displaced, hired or resigning ("displaced 6,500
engineers", "had about 6,200 employees", "about a dozen employees had resigned"). A count
must count workers and hang on a workforce verb, so populations and store counts never match.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.nlp.extensions import sent_ents
from extract.nlp.lexicon import Lexicon
from extract.nlp.relations.common import (
    Context,
    RawFact,
    antecedent_org,
    evidence,
    is_negated,
    org_of,
)
from extract.values import Count, iter_counts

SPEECH = {"say", "announce", "confirm", "tell", "state", "disclose", "reveal"}


def _conditional(verb: Token) -> bool:
    """Would/could/might cuts are not facts; planned or expected ones are (news reports them),
    and so is reported speech: "said in July that it would cut 3,000 roles"."""
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH
    if any(  # "would cut 3,000 roles if the merger failed"
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    ):
        return True
    for t in (verb, verb.head):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should"):
                if c.lower_ == "would" and reported and t is verb:
                    continue
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
    return False


def _action_table(ctx: Context) -> dict[str, str]:
    table = {}
    for action, words in ctx.lex.words["workforce"].items():
        for w in words:
            table.setdefault(w, action)
    return table


def _verb_action(verb: Token, table: dict[str, str], lex: Lexicon) -> str | None:
    """The workforce action of a verb; "let ... go" is a cut, and so is "180 roles would
    go" (jobs that go, disappear or vanish)."""
    if verb.lemma_.lower() == "let" and any(
        c.dep_ in ("xcomp", "ccomp") and c.lower_ == "go" for c in verb.children
    ):
        return "cut"
    if verb.lemma_.lower() in lex.set("jobs_go_verbs") and not any(
        c.dep_ == "prep" for c in verb.children
    ):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in lex.set("job_nouns"):
            return "cut"
    return table.get(verb.lemma_.lower())


# nouns that are cuts themselves, whatever verb announces them
CUT_NOUNS = {"redundancy", "redundancies", "layoff", "layoffs"}
FIRM_NOUNS = {"firm", "company", "business", "employer", "group", "practice", "chain", "startup"}


def _headcount(ctx: Context, noun: Token, table: dict[str, str]) -> tuple[str, str] | None:
    """A count of workers without a workforce verb over it: "Lumora's roughly 6,800
    employees", "the 340 agents that Karvaan let go", "a law firm of roughly 380 lawyers".
    Returns (organization, action)."""
    for c in noun.children:  # "the 340 agents that Karvaan let go" / "the people it employs"
        if c.dep_ == "relcl" and _verb_action(c, table, ctx.lex) and not is_negated(c):
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            org = org_of(ctx, subj, force=True) if subj is not None else None
            if org:
                prt = next((x.text for x in c.children if x.dep_ in ("prt", "xcomp")), "")
                act = c.text.lower() + (" " + prt if prt else "")
                return org, act if c.tag_ in ("VBD", "VBN") else str(
                    _verb_action(c, table, ctx.lex)
                )
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.pos_ in ("PROPN", "NOUN"):  # "Lumora's 6,800 employees"
        org = org_of(ctx, poss, force=True)
        if org and not ctx.names.is_authority(org):
            return org, "employed"
    if poss is not None and poss.lower_ in ("its", "their"):  # "to clock its 2,300 staff in"
        # the company named last before it in the sentence, not the regulator ordering it
        named = [
            ctx.names.org(e.text)
            for e in sent_ents(noun.sent)
            if e.label_ == "ORG" and e.end <= poss.i
        ]
        org = next((n for n in reversed(named) if not ctx.names.is_authority(n)), None)
        if org is None and noun.head.pos_ == "VERB":
            # "Kessler required its roughly 300 warehouse workers to scan": the subject
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            org = org_of(ctx, subj, force=True) if subj is not None else None
        org = org or antecedent_org(ctx, poss)  # "to extend it to its 180 technicians"
        if org in {p.name for p in ctx.programs}:  # a program employs nobody
            org = ctx.names.main_org
        if org and ctx.names.is_company_like(org):
            return org, "employed"
    for c in noun.children:  # "the 1,100 housekeepers who work in Maisons Arvel's hotels"
        if (
            c.dep_ in ("relcl", "acl")
            and c.lemma_.lower() == "work"
            and c.tag_ in ("VBP", "VBZ", "VBG")  # who work there now, not "who worked"
            and noun.lemma_.lower() not in ("people", "person")  # staff of all sorts
            and not any(a.lower_ == "former" for a in noun.subtree)
            and not is_negated(c)
        ):
            owner = next((t for t in c.subtree if t.dep_ == "poss" or t.ent_type_ == "ORG"), None)
            org = org_of(ctx, owner, force=True) if owner is not None else None
            if org and ctx.names.is_company_like(org) and not ctx.names.is_authority(org):
                return org, "employed"
    if (  # "Quillstone Accounting, a 140-person firm in Denver"
        noun.lower_ == "person"
        and noun.i > 0
        and noun.doc[noun.i - 1].text == "-"
        and noun.head.lemma_.lower() in FIRM_NOUNS
        and noun.head.dep_ == "appos"
    ):
        org = org_of(ctx, noun.head.head, force=True)
        if org:
            return org, "employed"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a law firm of 380 lawyers"
        owner = noun.head.head
        if owner.lemma_.lower() in FIRM_NOUNS and owner.dep_ == "appos":
            org = org_of(ctx, owner.head, force=True)
            if org:
                return org, "employed"
    return None


def workforce(ctx: Context) -> list[RawFact]:
    doc, lex = ctx.doc, ctx.lex
    nouns = lex.set("workforce_nouns")
    table = _action_table(ctx)
    out: list[RawFact] = []
    for sent in ctx.sents:
        last: RawFact | None = None  # the sentence's last workforce fact so far
        for count, cs, ce in iter_counts(sent.text):
            span = doc.char_span(
                sent.start_char + cs, sent.start_char + ce, alignment_mode="expand"
            )
            if span is None:
                continue
            num = span[-1] if span[-1].like_num or span[-1].pos_ == "NUM" else span.root
            noun = num.head if num.dep_ in ("nummod", "quantmod") else num
            while noun.dep_ in ("nummod", "quantmod") and noun.head is not noun:
                noun = noun.head
            if (
                noun.dep_ == "compound"
                and noun.i > num.i
                and noun.head.pos_ == "NOUN"
                and noun.lemma_.lower() not in nouns  # "a 140-person firm"
            ):
                noun = noun.head  # "cut 350 claims jobs": the parse hangs the count on "claims"
            if (
                noun.dep_ == "pobj"
                and noun.head.lower_ == "of"
                and noun.head.head.lemma_.lower() in ("workforce", "staff", "headcount")
            ):
                noun = noun.head.head  # "has a workforce of about 12,000"
            if noun.i == num.i and any(
                c.dep_ == "det" and c.lower_ == "all" for c in noun.children
            ):
                # "all 180 of its offshore technicians": the whole of its staff of that kind
                of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                staff = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                if staff is not None and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in staff.children
                ):
                    noun = staff
            if (
                last is not None
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "including"
                and (noun.lemma_.lower() in nouns or noun.lower_ in nouns)
            ):
                # "employs about 1,900 people, including some 1,400 drivers": part of it
                fields = {**last.fields, "count": count}
                fields.pop("qualifier", None)
                if count.qualifier:
                    fields["qualifier"] = count.qualifier
                fields["group"] = doc[span.end : noun.i + 1].text.strip()
                out.append(RawFact("workforce", fields, last.start, last.end, 0.55))
                continue
            if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
                # "employs 1,900 people in Dublin and 14,200 globally", "cut 1,150 jobs,
                # including 140 in Ireland": the noun implied by the count just before
                if last is not None and noun.i == num.i and _goes_on(doc, span.start):
                    fields = {**last.fields, "count": count}
                    fields.pop("group", None)
                    fields.pop("qualifier", None)
                    if count.qualifier:
                        fields["qualifier"] = count.qualifier
                    out.append(RawFact("workforce", fields, last.start, last.end, 0.55))
                # "cut 4,000" with the noun implied and nothing before it is too vague
                continue
            verb = noun.head
            if noun.dep_ == "pobj":
                verb = verb.head
                if verb.lemma_.lower() == "go" and verb.head.lemma_.lower() == "let":
                    verb = verb.head  # "let go of about 1,100 employees"
            if noun.dep_ == "conj" and verb.pos_ == "NOUN" and verb.head.pos_ == "VERB":
                verb = verb.head  # "cut 8 per cent of its staff, or 1,150 jobs"
            if verb.pos_ not in ("VERB", "AUX") or _verb_action(verb, table, lex) is None:
                headcount = _headcount(ctx, noun, table)
                if headcount is not None:
                    out.append(_fact(headcount[0], count, headcount[1], span, noun, sent, 0.6))
                    continue
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            lemma = verb.lemma_.lower()
            if lemma == "sign":
                continue
            if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
                continue  # "a class action brought by 3,900 drivers": who acts, not staff
            action = _verb_action(verb, table, lex)
            if action is None and noun.lemma_.lower() in CUT_NOUNS and noun.dep_ == "dobj":
                action = "cut"  # "announced 140 redundancies", "confirmed 300 layoffs"
            if action is None or is_negated(verb) or _conditional(verb):
                continue
            org = None
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if (
                subj is None
                and verb.dep_ in ("xcomp", "conj", "ccomp")
                and verb.head.pos_ in ("VERB", "AUX")
                # "the union believes 46 agents were sacked": who says so did not sack them
                and not (verb.dep_ == "ccomp" and noun.dep_ == "nsubjpass")
            ):
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if (
                lemma == "have"
                and noun.lemma_.lower() in ("people", "person")
                and subj is not None
                and subj.ent_type_ not in ("ORG", "")
            ):
                continue  # "Port Ellery has 186,000 people": a population, whatever NER says
            if subj is not None and subj.i != noun.i:
                org = org_of(ctx, subj, force=True)
            elif subj is not None:
                for c in noun.children:
                    if c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG":
                        org = ctx.names.resolve_org(doc, c, lex)
                for prep in verb.children:  # "52,000 riders deliver for Baro"
                    if prep.dep_ == "prep" and prep.lower_ == "for":
                        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        org = org or (org_of(ctx, pobj, force=True) if pobj is not None else None)
                # "More than 700 agents work across the two centres": the company the last
                # sentences were about (a roundup's item, not the story's first company)
                org = org or ctx.names.subject_org_before(doc, noun.i)
            org = org or ctx.names.main_org
            if not org:
                continue
            prt = next(
                (
                    c.text
                    for c in verb.children
                    if c.dep_ == "prt" or c.dep_ in ("xcomp", "ccomp") and c.lower_ == "go"
                ),
                "",
            )
            act = (
                (verb.text.lower() + (" " + prt if prt else ""))
                if verb.tag_ in ("VBD", "VBN")
                else action
            )
            last = _fact(org, count, act, span, noun, sent, 0.7)
            out.append(last)
    return out


_QUALIFIER_WORDS = {
    "about",
    "around",
    "some",
    "roughly",
    "nearly",
    "almost",
    "over",
    "than",
    "more",
}


def _goes_on(doc, start: int) -> bool:  # type: ignore[no-untyped-def]
    """A bare count that continues the one before: "and 14,200", "including 140"."""
    k = start - 1
    # "including about 1,800 in the UK": a qualifier between
    while k >= 0 and (doc[k].pos_ == "ADV" or doc[k].lower_ in _QUALIFIER_WORDS):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("and", "including", "of")


def _fact(
    org: str, count: Count, action: str, span: Span, noun: Token, sent: Span, conf: float
) -> RawFact:
    """The workforce fact: the group is what the count counts ("about 6,500 engineers")."""
    fields: dict[str, object] = {"organization": org, "count": count, "action": action}
    if count.qualifier:
        fields["qualifier"] = count.qualifier
    group = span.doc[span.end : noun.i + 1].text.strip().lstrip("-")
    group = re.sub(r"^of (?:its|their) ", "", group)  # "all 180 of its technicians"
    group = "people" if group == "person" else group  # "a 140-person firm"
    if group:
        fields["group"] = group
    s, e = evidence(sent)
    return RawFact("workforce", fields, s, e, conf)
