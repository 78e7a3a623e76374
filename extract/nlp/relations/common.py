"""Shared pieces of the relation rules: the raw fact record and clause tests.

A :class:`RawFact` keeps values as parsed objects (``Money``, ``Count``) or raw date text;
:mod:`extract.facts` turns them into JSON numbers and ISO dates against the article date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from extract.nlp.extensions import ent_at, ents, sent_ents, text_of, tokens
from extract.nlp.lexicon import Lexicon
from extract.nlp.names import COMPANY_NOUNS, CORP_SUFFIX, NameIndex, clean_name, proper_chain
from extract.nlp.programs import ProgramMention
from extract.places import country_form, country_of, local_dollar, nearest_dollar
from extract.values import is_currency

ORG_DESCRIPTORS = {
    "group",
    "organisation",
    "organization",
    "charity",
    "union",
    "firm",
    "company",
    "campaign",
    "body",
    "network",
    "association",
    "coalition",
    "institute",
    "foundation",
    "watchdog",
    "regulator",
    "startup",
    "start-up",
    "lender",
    "bank",
    "retailer",
}
PLACE_OR_PERSON = ("PERSON", "GPE", "LOC", "NORP", "FAC")
AUTHORITY_NOUNS = {"regulator", "watchdog", "authority", "commission", "commissioner"}
COMMON_SUBJECTS = {
    "company",
    "firm",
    "employer",
    "government",
    "business",
    "organisation",
    "organization",
    "bank",
    "agency",
    "official",
    "researcher",
    "critic",
    "investor",
    "user",
    "people",
    "manager",
    "worker",
    "employee",
    "executive",
}
MODALS = {"could", "would", "might", "may", "should", "can", "must"}


@dataclass(frozen=True)
class DateText:
    """A date expression as written ("on Monday"), resolved later against the article date."""

    text: str


@dataclass
class RawFact:
    type: str
    fields: dict[str, Any]
    start: int  # evidence char offsets in text_of(doc)
    end: int
    confidence: float = 0.7
    extra: dict[str, Any] = field(default_factory=dict)


_NAME_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’&.-]*\s+){1,5}$")


def named_before(ctx: Context, tok: Token) -> str | None:
    """The last proper name before ``tok`` that ends in the same noun, capitalised
    ("the university" -> "Northfield State University", "the council" -> "Westshire
    County Council")."""
    noun = tok.text.lower()
    if len(noun) < 4:
        return None
    # the last capitalised use of the noun with capitalised words before it (a search
    # backwards: a pattern per noun would be compiled anew for most nouns)
    text = text_of(ctx.doc)[: tok.idx]
    cap = noun.capitalize()
    i = text.rfind(cap)
    name = None
    while i >= 0 and name is None:
        end = i + len(cap)
        if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            m = _NAME_WORDS_BEFORE.search(text, max(0, i - 160), i)
            if m:
                name = m.group(0) + cap
        i = text.rfind(cap, 0, i)
    if name is None:
        return None
    words = name.split()
    while words and words[0] in ("The", "A", "An", "In", "At", "On", "For", "By"):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def org_of(ctx: Context, tok: Token, *, force: bool = False) -> str | None:
    """An organization for ``tok``: an ORG entity, "it"/"the company", else a capitalised name
    the statistical NER missed ("WeWork will cut ...", "fined Uber").

    ``force``: the syntax already says this is an organization (the object of "fined", the
    antecedent of "which employs", the possessor of a job title), so a proper-noun chain is
    taken whatever NER's label ("Dutch parcel carrier Kestrel Logistics" -> "Kestrel
    Logistics"); descriptive pre-modifiers are dropped."""
    if tok.lower_ in ("which", "that", "who") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Kestrel, which employs ...": the antecedent
    if tok.idx < ctx.names.dateline_end:
        # "MARLOW FALLS — Tallgrass Timekeeping Inc. ... has agreed to pay": the parse may make
        # the dateline the subject; the company is its apposition
        appos = [c for c in tok.children if c.dep_ == "appos" and c.idx > ctx.names.dateline_end]
        if not appos:
            return None
        tok = appos[0]
    if force and re.fullmatch(CORP_SUFFIX, tok.text) and tok.i > 0:
        # "Nordvik Biludlejning A/S has been fined": the Title Case words before the suffix,
        # whatever the tagger made of them
        left = tok.i
        while left > tok.sent.start and ctx.doc[left - 1].is_title and ctx.doc[left - 1].is_alpha:
            left -= 1
        if left < tok.i:
            return ctx.names.org(ctx.doc[left : tok.i + 1].text)
    if force and tok.ent_type_ == "ORG":  # NER split "Santéa Connect": take the whole chain
        ent = ent_at(ctx.doc, tok.i)
        if (
            ent is not None
            and ent.start > 0
            and ctx.doc[ent.start - 1].pos_ == "PROPN"
            and ctx.doc[ent.start - 1].ent_type_ != "ORG"
        ):
            left = ent.start - 1
            while left > 0 and ctx.doc[left - 1].pos_ == "PROPN":
                left -= 1
            return ctx.names.org(ctx.doc[left : ent.end].text)
    if force and tok.pos_ == "NOUN" and not tok.text[:1].isupper():
        # "the care home operator Brindle Care", "the edtech company Chalkbox": the name
        for c in tok.children:
            if (
                c.dep_ in ("appos", "compound", "nmod", "npadvmod")
                and c.i > tok.i
                and c.pos_ == "PROPN"
            ):
                return org_of(ctx, c, force=True)
        nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
        if (
            nxt is not None
            and nxt.pos_ == "PROPN"
            and nxt.head.i in (tok.i, tok.head.i)
            and not is_currency(nxt.text)  # "fined the company R$ 420,000"
        ):
            end = nxt.i
            while end + 1 < len(ctx.doc) and ctx.doc[end + 1].pos_ == "PROPN":
                end += 1
            return org_of(ctx, ctx.doc[end], force=True)
    if tok.text.isupper() and len(tok.text) > 3 and tok.ent_type_ == "GPE":
        return None  # a wire dateline ("AMSTERDAM, March 10 (Wire) -"), never an organisation
    name_like = tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN"
        and tok.text[:1].isupper()
        and f" {tok.lower_} " not in f" {text_of(ctx.doc)} "  # never written in lower case
        and tok.lemma_.lower() not in COMMON_SUBJECTS
    )
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    # "fined Pagaja $11 million": NER ran the name into the amount
    name_before_amount = (
        tok.ent_type_ == "MONEY"
        and tok.is_alpha
        and tok.is_title
        and nxt is not None
        and (nxt.pos_ == "SYM" or nxt.like_num or nxt.text in ("R$", "US$", "C$", "A$"))
    )
    if (
        force
        and name_like
        and (tok.ent_type_ not in ("DATE", "MONEY", "CARDINAL", "ORG") or name_before_amount)
    ):
        left = tok.i
        while (
            left > 0
            and ctx.doc[left - 1].pos_ == "PROPN"
            and ctx.doc[left - 1].dep_ in ("compound", "nmod")
        ):
            left -= 1
        # "T-Mobile", "Rolls-Royce": the tokenizer split a hyphenated name
        while (
            left > 1
            and ctx.doc[left - 1].text == "-"
            and not ctx.doc[left - 1].whitespace_
            and not ctx.doc[left - 2].whitespace_
            and ctx.doc[left - 2].text[:1].isupper()
        ):
            left -= 2
        right = tok.i + 1
        name = ctx.doc[left:right].text
        if name and not ctx.names.is_outlet(name):
            full = ctx.names.org(name)
            return ctx.names.long_forms.get(full, full)
    org = ctx.names.resolve_org(ctx.doc, tok, ctx.lex)
    if org:
        return org
    if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
        named = named_before(ctx, tok)  # "the district" -> "Lakemont Unified School District"
        if named:
            return named
    if tok.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "MONEY", "CARDINAL", "LAW"):
        return None
    common = (
        tok.is_sent_start
        and tok.pos_ == "NOUN"
        and tok.text[1:].islower()
        and (
            f" {tok.lower_} " in text_of(ctx.doc).lower().replace(tok.text.lower(), "", 1)
            or tok.lemma_.lower() in COMMON_SUBJECTS
        )
    )
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and not common:
        if tok.lower_ in ctx.lex.set("org_generic") or tok.lower_ in {
            s.lower() for s in ctx.lex.subjects
        }:
            return None
        left = tok.i
        while left > 0:
            prev = ctx.doc[left - 1]
            if prev.dep_ == "compound" and prev.text[:1].isupper():
                left -= 1
            elif plural_possessive(ctx.doc, left - 1):
                left -= 2  # "The School Leaders' Union": part of the name
            else:
                break
        return ctx.names.org(ctx.doc[left : tok.i + 1].text)
    return None


def plural_possessive(doc: Doc, i: int) -> bool:
    """The apostrophe at ``i`` closes a capitalised plural inside a name ("Teachers'
    Association", "Tech Workers' Collective")."""
    return (
        i > 0
        and doc[i].text in ("'", "’")
        and doc[i - 1].text[:1].isupper()
        and doc[i - 1].text.endswith("s")
        and doc[i - 1].pos_ == "PROPN"
    )


def antecedent_org(ctx: Context, tok: Token) -> str | None:
    """What "its"/"their" points to: the proper-noun subject of this or the previous
    sentence ("Privacy group Liberty Watch had threatened ... Its director"), else the
    nearest organization NER found."""
    doc = ctx.doc
    sents = [tok.sent]
    if tok.sent.start > 0:
        sents.append(doc[tok.sent.start - 1].sent)
    for t in reversed(doc[tok.sent.start : tok.i]):  # "Rockstar's claim that the hack cost it"
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.ent_type_ not in PLACE_OR_PERSON:
            org = org_of(ctx, t)
            if org:
                return org
    body_nouns = ctx.lex.set("org_named_nouns") | ctx.lex.set("org_generic")
    for sent in sents:
        for t in sent:
            if t.i >= tok.i:
                break
            if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lower_ in AUTHORITY_NOUNS:
                # "The Dutch regulator ... complained that its budget": the authority
                auth = ctx.names.org_before(doc, t.i, authority=True)
                if auth:
                    return auth
            if (
                # (or the sentence's opening noun the parser made a compound: "The union
                # disputes that account")
                (t.dep_ == "nsubj" or t.dep_ == "compound" and t.i <= sent.start + 1)
                and t.pos_ == "NOUN"
                and t.lemma_.lower() in body_nouns
                and any(c.lower_ in ("the", "this") for c in t.children)
            ):
                # "The union disputes that account. Its chairman": the body the subject
                # stands for, not the company named last
                org = ctx.names.resolve_org(doc, t, ctx.lex)
                if org:
                    return org
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE",):
                described = any(
                    c.dep_ == "compound" and c.lower_ in ORG_DESCRIPTORS for c in t.children
                )
                if t.ent_type_ == "PERSON" and not described:
                    # "Rakaia paid ... Its deputy chief executive": a company NER called a
                    # person, known as one from the text's cues
                    known = ctx.names.known_org_at(doc, t)
                    if known:
                        return known
                    continue
                org = ctx.names.org(proper_chain(t).text) if described else org_of(ctx, t)
                if org:
                    return org
    return ctx.names.org_before(doc, tok.i)


def named_nearby(ctx: Context, sent: Span, name: str, before: int = 2) -> bool:
    """``name`` is written in this sentence or one of the ``before`` sentences before it."""
    start = sent.start
    for _ in range(before):
        if start > 0:
            start = ctx.doc[start - 1].sent.start
    return name in text_of(ctx.doc)[ctx.doc[start].idx : sent.end_char]


def evidence(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def clause_verb(tok: Token) -> Token:
    """The verb that governs ``tok`` (``tok`` itself if it is a verb)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head is not t:
        t = t.head
    return t


# a name that is a law's ("Data Privacy Act", "AI Act 2024"): nobody's operator or victim
LAW_NAME_RE = re.compile(r"\b(?:Act|Regulation|Directive|Law|Code|Bill)(?: \d{4})?$")
BESIDE_MARKS = {"though", "although", "while", "whereas", "after", "before", "because", "since"}


def is_negated(verb: Token) -> bool:
    # a negated main clause reaches a verb it governs ("did not agree to pause", "has not
    # said when it will resume"), not a clause beside it ("did not agree, though ... it
    # disabled the lens")
    beside = verb.dep_ in ("conj", "relcl", "parataxis") or (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in BESIDE_MARKS for c in verb.children)
    )
    governing = [] if beside else list(verb.ancestors)[:1]
    for t in (verb, *governing):
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"):
                return True
    # "Nobody will switch it back on", "No one has paused it"
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in ("nobody", "none", "neither")
            or c.lower_ == "one"
            and any(d.lower_ == "no" for d in c.children)
        )
        for c in verb.children
    )


def is_hypothetical(verb: Token, lex: Lexicon) -> bool:
    hyp = lex.set("hypothetical")
    for t in (verb, *list(verb.ancestors)[:2]):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
        # surface forms too: the small model lemmatises "hoped" as "hop"
        if t is not verb and (t.lemma_.lower() in hyp or t.lower_ in hyp) and t.pos_ == "VERB":
            return True
        # "ruled out withdrawing the app": what was refused did not happen
        if t is not verb and t.lemma_ == "rule" and any(c.lower_ == "out" for c in t.children):
            return True
    return False


def under_demand(verb: Token, lex: Lexicon) -> bool:
    demand = lex.set("demand")
    return (
        any(a.lemma_.lower() in demand for a in verb.ancestors)
        or any(
            c.dep_ == "aux" and c.lower_ == "be" and verb.tag_ == "VBN" and c.tag_ == "VB"
            for c in verb.children
        )
        # "issued an ultimatum to the company to suspend the programme": the parse hangs
        # the demanded act on the verb, beside the demand
        or verb.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "dobj" and c.lemma_.lower() in demand for c in verb.head.children)
    )


def first_date(sent: Span, near: Token | None = None) -> DateText | None:
    dates = [e for e in sent_ents(sent) if e.label_ == "DATE"]
    # "dropped ProctorLens, which it had used since 2024": when something began, not this
    dates = [e for e in dates if e.start == 0 or sent.doc[e.start - 1].lower_ != "since"]
    if not dates:
        return None
    if near is not None:
        above = {t.i for t in near.ancestors} | {near.i}

        def aside(e: Span) -> bool:
            # "a penalty of €6.5m over a 2019 incident": that year dates the incident
            r = e.root
            return (
                r.dep_ in ("nummod", "compound", "amod")
                and r.head.pos_ == "NOUN"
                and (r.head.i not in above)
            )

        dates.sort(key=lambda e: (aside(e), abs(e.start - near.i)))
    text = dates[0].text
    prev = dates[0].start - 1
    if prev >= sent.start and sent.doc[prev].lower_ in ("on", "in", "last", "this", "since"):
        text = sent.doc[prev].text + " " + text
    return DateText(text)


def chunk_text(doc: Doc, head: Token, *, drop_possessive: bool = True) -> str:
    """A noun phrase without determiners/possessives/quotes ("their diagnoses" -> "diagnoses")."""
    left = head.left_edge.i
    toks = [t for t in doc[left : head.i + 1]]
    keep: list[Token] = []
    for t in toks:
        if t.dep_ in ("det", "predet") or t.lower_ in ("every", "each", "all", "any", "some"):
            continue
        if drop_possessive and (
            t.dep_ == "poss"
            or t.dep_ == "case"
            or (t.head.dep_ == "poss" and t.head.i != head.i and t.i <= t.head.i)
        ):
            continue
        if t.is_punct and t.text not in ("-", "@"):
            continue
        keep.append(t)
    out = ""
    for a, b in zip(keep, keep[1:] + [None], strict=True):
        out += a.text
        if b is not None:
            # a dropped quote mark between two words still leaves a space: flags "unexplained" breaks
            gap = text_of(doc)[a.idx + len(a.text) : b.idx]
            out += " " if (a.whitespace_ or any(c.isspace() for c in gap)) else ""
    return out.strip(" ,\"“”‘’'")


def pack(fact: RawFact) -> dict[str, Any]:
    """A plain (msgpack-safe) form of a raw fact, so docs can cross ``nlp.pipe`` processes."""
    from extract.values import Count, Money

    fields: dict[str, Any] = {}
    for k, v in fact.fields.items():
        if isinstance(v, Money):
            v = {"$money": [str(v.amount), v.currency, v.qualifier]}
        elif isinstance(v, Count):
            v = {"$count": [v.value, v.qualifier]}
        elif isinstance(v, DateText):
            v = {"$date": v.text}
        fields[k] = v
    return {
        "type": fact.type,
        "fields": fields,
        "start": fact.start,
        "end": fact.end,
        "confidence": fact.confidence,
    }


def unpack(data: dict[str, Any]) -> RawFact:
    from decimal import Decimal

    from extract.values import Count, Money

    fields: dict[str, Any] = {}
    for k, v in data["fields"].items():
        if isinstance(v, dict) and "$money" in v:
            amount, currency, qualifier = v["$money"]
            v = Money(Decimal(amount), currency, qualifier)
        elif isinstance(v, dict) and "$count" in v:
            v = Count(v["$count"][0], v["$count"][1])
        elif isinstance(v, dict) and "$date" in v:
            v = DateText(v["$date"])
        fields[k] = v
    return RawFact(data["type"], fields, data["start"], data["end"], data["confidence"])


class Context:
    """What every relation rule needs: the doc, its names, its programs and the lexicon."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.names: NameIndex = doc._.names
        self.programs: list[ProgramMention] = doc._.programs or []
        self.generic_program = lex.set("program_generic")
        counts: dict[str, int] = {}
        for p in self.programs:
            counts[p.name] = counts.get(p.name, 0) + 1
        self.primary = max(counts, key=lambda n: counts[n]) if counts else None
        # who the text says runs each program (filled by the operates rule, which runs first)
        self.operators: dict[str, str] = {}
        self.sents = list(doc.sents)  # built once; every rule walks the sentences
        self.para_of = [0] * (len(doc) + 1)
        para = 0
        for t in tokens(doc):
            self.para_of[t.i] = para
            if "\n" in t.text or "\n" in t.whitespace_:
                para += 1

    @cached_property
    def _places(self) -> list[Span]:
        people = {e.text for e in ents(self.doc) if e.label_ == "PERSON"}
        return [e for e in ents(self.doc) if e.label_ == "GPE" and e.text not in people]

    @cached_property
    def _story_dollar(self) -> str | None:
        return local_dollar([e.text for e in self._places])

    @cached_property
    def _dateline_place(self) -> list[str]:
        dateline = re.match(r"\s*([A-Z][A-Z .'-]{2,})(?:,|\s+\()", text_of(self.doc))
        return [dateline.group(1).strip()] if dateline else []

    def places_before(self, char: int) -> list[str]:
        """Places and peoples named before a character offset, in order, the wire
        dateline's city first ("BRNO (Reuters) -", which NER seldom tags)."""
        return self._dateline_place + [
            e.text for e in ents(self.doc) if e.label_ in ("GPE", "NORP") and e.end_char <= char
        ]

    def dollar(self, sent: Span) -> str | None:
        """What a bare "$" means in this sentence: the dollar of the place its paragraph
        names last (an Ohio fine in a Canadian newsletter is in US dollars), else of the
        country the story is set in (CAD in a story set in Montreal); None means USD."""
        para = self.para_of[sent.start]
        here = [
            e.text
            for e in self._places
            if self.para_of[e.start] == para
            and e.start < sent.end
            # "Singapore-based Orchid Peak Ventures" in an Indian story: where an investor
            # sits; it only counts against a story-wide dollar ("Ohio-based" in a Canadian
            # newsletter)
            and (self._story_dollar or not self._where_a_firm_sits(e))
        ]
        return nearest_dollar(here) or self._story_dollar

    def _where_a_firm_sits(self, place: Span) -> bool:
        """ "Singapore-based Orchid Peak", "a Toronto startup": where a company is, not
        where the story's money is."""
        after = self.doc[place.end : place.end + 2]
        return after.text.startswith("-based") or (
            len(after) > 0 and after[0].lemma_.lower() in COMPANY_NOUNS
        )

    def program_at(self, tok: Token) -> ProgramMention | None:
        for p in self.programs:
            if p.start <= tok.i < p.end:
                return p
        return None

    def program_ref(self, tok: Token) -> str | None:
        """The program a token names or refers to ("the tool", "it", "MCI")."""
        p = self.program_at(tok)
        if p is not None:
            return p.name
        if tok.pos_ == "NOUN" and tok.i > 0:
            # "the Finch Rewards card", "the DriveSight cameras": the name right before
            p = self.program_at(tok.doc[tok.i - 1])
            if p is not None and p.end == tok.i and tok.doc[tok.i - 1].head.i == tok.i:
                return p.name
        if tok.lower_ in ("something", "thing"):  # "brought in something called X"
            for c in tok.children:
                if c.dep_ == "acl" and c.i > tok.i:
                    named = [self.program_at(d) for d in c.subtree if d.i - tok.i <= 4]
                    if any(named):
                        return next(p for p in named if p is not None).name
        if tok.lemma_.lower() in self.generic_program and tok.pos_ == "NOUN":
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
            for c in tok.children:  # "the MCI program"
                p = self.program_at(c)
                if p is not None:
                    return p.name
            # "a screen-recording program called Clarion", "the tool, Presence": named here
            for c in tok.children:
                if c.dep_ in ("acl", "appos") and c.i > tok.i:
                    for d in [c, *c.subtree]:
                        p = self.program_at(d)
                        if p is not None and d.i - tok.i <= 4:
                            return p.name
            definite = dets & {"the", "this", "that", "its", "their", "his", "her"}
            if definite:
                # "the dashboard" after "the Engagement Dashboard": the program named so,
                # not another one named since
                named_so = [
                    p.name
                    for p in self.programs
                    if p.start < tok.i and p.name.split()[-1].lower() == tok.lower_
                ]
                if named_so:
                    return named_so[-1]
            if definite or dets & {"a", "an"}:
                return self.current_program(tok.i)
        if tok.lower_ in ("it", "which", "that") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if tok.lower_ in ("which", "that") and tok.head.dep_ == "relcl":
                return self.program_ref(tok.head.head)
            return self.current_program(tok.i, strict=True)
        return None

    def current_program(self, i: int, *, strict: bool = False) -> str | None:
        """Nearest program mentioned before token ``i`` (same or recent paragraph), else the
        article's main program."""
        para = self.para_of[i]
        best = None
        for p in self.programs:
            if p.start < i:
                best = p
            else:
                break
        if best is not None and para - self.para_of[best.start] <= 3:
            return best.name
        if strict and best is None:
            nxt = next(
                (
                    p
                    for p in self.programs
                    if p.start >= i and self.doc[p.start].sent.start == self.doc[i].sent.start
                ),
                None,
            )
            return nxt.name if nxt else None
        if best is None and self.programs:
            # a lead before any program is named describes the one the story names first
            return self.programs[0].name
        return self.primary

    def recent_program(self, i: int, paragraphs: int = 1) -> str | None:
        """The program mentioned last before token ``i``, if within ``paragraphs``."""
        best = None
        for p in self.programs:
            if p.start >= i:
                break
            best = p
        if best is not None and self.para_of[i] - self.para_of[best.start] <= paragraphs:
            return best.name
        return None

    def programs_in(self, sent: Span) -> list[str]:
        return [p.name for p in self.programs if sent.start <= p.start < sent.end]


def story_country(ctx: Context) -> str | None:
    """The country the story names most, not the last one in passing ("videos of President
    Donald Trump's statements" after a paragraph on Brazil); US states count for the US."""
    counts: dict[str, int] = {}
    for e in ents(ctx.doc):
        if e.label_ not in ("GPE", "NORP"):
            continue
        name = country_of(country_form(clean_name(e.text)))
        if name and (e.label_ == "GPE" or name in ("US", "UK")):
            counts[name] = counts.get(name, 0) + 1
    return max(sorted(counts), key=lambda n: counts[n]) if counts else None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)
