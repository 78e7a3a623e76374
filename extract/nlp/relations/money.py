"""``spend`` and ``penalty``: money a party spends, and fines imposed on it.

Money spans come from :func:`extract.values.iter_money`. Revenue, profit, sales, valuation,
raised funds and the like are never spend; hypothetical fines ("could face a fine of up to")
are never penalties; a provisional fine is marked ``provisional``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from extract.nlp.extensions import ent_at, ents, text_of
from extract.nlp.names import clean_name
from extract.nlp.relations.common import (
    AUTHORITY_NOUNS,
    Context,
    RawFact,
    antecedent_org,
    evidence,
    first_date,
    is_hypothetical,
    is_negated,
    is_passive,
    named_nearby,
    org_of,
)
from extract.places import (
    demonym_country,
    is_shared_currency_name,
    is_state_or_country,
    shared_currency,
)
from extract.values import is_currency, iter_money

PROVISIONAL_RE = re.compile(
    r"\b(provisional|provisionally|proposed|initially|originally|notice of intent|intention to fine|intends to fine|preliminary)\b",
    re.I,
)


# what stands between an amount and the same amount in another currency
_CONVERSION_RE = re.compile(
    r"(?:[(\[—–-]|,?\s*or|,)\s*(?:(?:about|around|roughly|approximately|some|nearly|almost"
    r"|just\s+(?:over|under)|equivalent\s+to|worth)\s*)?(?:US|U\.S\.)?",
    re.I,
)


def _money_spans(ctx: Context, sent: Span) -> list[tuple[object, Span]]:
    """Amounts in a sentence, a bare "$" or "kroner" read as the story's own currency."""
    out = []
    last_end, last_currency = -10, None
    for money, s, e in iter_money(sent.text, ctx.dollar(sent)):
        word = re.search(r"(\w+\s+)?([A-Za-z]+)$", sent.text[s:e])
        # "fined its Oslo subsidiary 4m kroner": Norwegian, not Danish, kroner (unless the
        # amount says whose: "4m Danish kroner")
        if (
            word
            and is_shared_currency_name(word.group(2))
            and not (word.group(1) and demonym_country(word.group(1).strip()))
        ):
            local = shared_currency(word.group(2), ctx.places_before(sent.start_char + s))
            if local:
                money = replace(money, currency=local)
        between = (sent.text[last_end:s] if last_end >= 0 else "").strip()
        last_end = e
        if _CONVERSION_RE.fullmatch(between) and (
            money.currency != last_currency or between.startswith("(")
        ):
            # "€12m ($13.1m)", "5.4 million pesos — about $93,000": a conversion. In brackets
            # even when the story's "$" reads both alike: "C$6.8 million ($4.9 million)".
            continue
        last_currency = money.currency
        span = sent.doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
        if span is not None:
            out.append((money, span))
    return out


def _governors(tok: Token, limit: int = 4) -> list[Token]:
    out = []
    t = tok
    for _ in range(limit):
        if t.head is t:
            break
        t = t.head
        out.append(t)
    return out


def _subject_org(ctx: Context, verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                # "Larkfield Capital, a London investment firm that paid £95m": the firm
                c = verb.head
                if c.ent_type_ == "GPE" and c.dep_ == "pobj" and c.head.head.dep_ == "acl":
                    c = c.head.head.head  # "a company based in Campinas, which signed"
                c = c.head if c.dep_ == "appos" else c
            return org_of(ctx, c, force=True) or _chunk_org(ctx, c)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_org(ctx, verb.head)
    return None


def _chunk_org(ctx: Context, tok: Token) -> str | None:
    for t in tok.subtree:
        if t.ent_type_ == "ORG":
            return ctx.names.resolve_org(ctx.doc, t, ctx.lex)
    return None


def _agent(ctx: Context, verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    # "by the private equity firm Greyfell Capital": the name, not "the firm"
                    named = p.pos_ == "NOUN" and _chunk_org(ctx, p)
                    return (
                        named
                        or ctx.names.resolve_org(ctx.doc, p, ctx.lex)
                        or _authority_text(ctx, p)
                    )
    return None


def _authority_text(ctx: Context, tok: Token) -> str | None:
    ent = _chunk_org(ctx, tok)
    if ent:
        return ent
    text = ctx.doc[tok.left_edge.i : tok.right_edge.i + 1].text
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text if len(text.split()) <= 10 else None


FINE_FORMS = {
    "fine",
    "fined",
    "fines",
    "fining",
    "penalty",
    "penalties",
    "penalised",
    "penalized",
    "sanctioned",
    "levied",
}


def _lemma(t: Token) -> str:
    # the small model lemmatises "fined" as "fin"
    return "fine" if t.lower_ in FINE_FORMS and t.lower_.startswith("fin") else t.lemma_.lower()


# "€50,000 for each week of delay", "$10,000 a day until it complies"
PERIODIC_RE = re.compile(
    r"\s*(?:for each|for every|per|each|every|a)\s+(?:day|week|month)\b"
    r"(?=.{0,25}\b(?:delay|late|until|non-?compliance|fails?|failure|continues?)\b)",
    re.I,
)


# statutory rates: "a few thousand per violation", "$5,000 for each breach"
PER_CASE_RE = re.compile(
    r"\s*(?:\w+\s+){0,4}?(?:per|for each|for every|each)\s+"
    r"(?:violation|breach|offence|offense|infringement|incident|worker|employee|record|day)\b"
    # a scale of fines in a law: "starting at £1,000 for a first offence"
    r"|\s*(?:for an?|for the)\s+(?:first|second|third|repeat|subsequent)\s+"
    r"(?:offence|offense|breach|violation)\b",
    re.I,
)


def _pays_for_a_finding(verb: Token | None) -> bool:
    """ "X must pay €1.2m after the Dutch regulator found it broke the GDPR": a payment a
    regulator's finding forces is a penalty."""
    if verb is None or verb.lemma_.lower() != "pay":
        return False
    sent = verb.sent
    finding = any(
        t.lemma_.lower() in ("breach", "break", "violate", "infringe", "contravene") for t in sent
    )
    regulator = any(t.lower_ in AUTHORITY_NOUNS for t in sent) or any(
        t.ent_type_ == "ORG" and t.lower_ in ("ico", "cnil", "ftc", "dpc") for t in sent
    )
    return finding and regulator


def _taker_and_giver(
    ctx: Context, taker: Token | None, giver: Token | None
) -> tuple[str | None, str | None]:
    """The party a penalty lands on and the authority that imposes it."""
    org = (org_of(ctx, taker, force=True) or _chunk_org(ctx, taker)) if taker is not None else None
    auth = (
        ctx.names.resolve_org(ctx.doc, giver, ctx.lex) or _authority_text(ctx, giver)
        if giver is not None
        else None
    )
    return org, auth


def _issuing_verb(govs: list[Token], money: Token) -> Token | None:
    """Of the verbs above an amount, the one with an object other than the amount itself."""
    for g in govs:
        if g.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "dative", "nsubjpass") and c.i != money.i for c in g.children
        ):
            return g
    return None


def _fined_earlier(ctx: Context, sent: Span, before: int) -> str | None:
    """ "The DPC has fined the company before: in 2022 it imposed a penalty of €6.5m": whom an
    earlier "fined" of the same sentence names."""
    for t in sent:
        if t.i >= before:
            break
        if _lemma(t) == "fine" and t.pos_ == "VERB":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return org_of(ctx, obj, force=True) or _chunk_org(ctx, obj)
    return None


def _delayed_lede(ctx: Context, sent: Span, verb: Token | None) -> bool:
    """ "SINGAPORE – A conservancy contractor that ... has been fined $74,000": a story's
    opening sentence describes the party it names later."""
    if verb is None or sent.start > 0 and ctx.para_of[sent.start] > 1:
        return False
    for subj in verb.children:
        if subj.dep_ not in ("nsubjpass", "nsubj", "dobj"):
            continue
        if subj.text.isupper() and subj.ent_type_ == "GPE":
            # the parser hung the sentence on the dateline: its subject is the appositive
            subj = next((c for c in subj.children if c.dep_ == "appos"), subj)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
            return True
        if subj.lower_ == "one" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in subj.children
        ):
            return True  # "has fined one of northern Mexico's largest trucking companies"
    return False


def _ordered_to_pay(verb: Token | None) -> bool:
    if _pays_for_a_finding(verb):
        return True
    if verb is None or verb.lemma_.lower() != "pay":
        return False
    # "ordered X to stop ... or pay €50,000 for each week of delay": the conjunct counts too
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb.head.lemma_.lower() in ("order", "require", "force")


DEAL_VERBS = {"sign", "award", "approve", "agree", "accept", "win", "grant", "make"}


def _authority_in(ctx: Context, sent: Span) -> str | None:
    """The regulator or court this sentence (or the one before) names, if any."""
    doc = ctx.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for e in ents(doc):
        if start <= e.start < sent.end and ctx.names.is_authority(ctx.names.org(e.text)):
            return ctx.names.org(e.text)
    return None


def _second_fined(ctx: Context, sent: Span, span: Span, money: object) -> RawFact | None:
    """ "The PDPC fined TMPS $315,000 and BioGate Asia, which built the system, $120,000":
    the parser loses the second amount in the relative clause; it is the fine of the party
    joined to the first one fined."""
    root = sent.root
    if _lemma(root) != "fine" or is_negated(root):
        return None
    named = [c for c in root.children if c.dep_ in ("dative", "dobj", "conj") and c.pos_ == "PROPN"]
    party = next((c for c in named[1:] if c.i < span.start), None)
    if party is None:
        return None
    ent = ent_at(ctx.doc, party.i)
    org = ctx.names.org(ent.text) if ent is not None else org_of(ctx, party)
    if not org:
        return None
    fields: dict[str, object] = {"organization": org, "amount": money}
    auth = next((c for c in root.children if c.dep_ == "nsubj"), None)
    auth_name = ctx.names.resolve_org(ctx.doc, auth, ctx.lex) if auth is not None else None
    if auth_name and auth_name != org:
        fields["authority"] = auth_name
    d = first_date(sent, root)
    if d is not None:
        fields["date"] = d
    s, e = evidence(sent)
    return RawFact("penalty", fields, s, e, 0.7)


def _penalised_on(ctx: Context, verb: Token, span: Span) -> str | None:
    """ "imposed a penalty of $75,000 on X", "levied a fine against X": the party after
    "on" or "against", on the verb or on the penalty noun."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against") and c.i > span.start - 3:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME", "MONEY"):
                    return org_of(ctx, pobj, force=True) or _chunk_org(ctx, pobj)
    return None


# what the law allows, not what was imposed
_MAXIMUM_FINE_RE = re.compile(
    r"\b(?:maximum|max\.?|highest possible|statutory maximum)\s+(?:\w+\s+)?"
    r"(?:fines?|penalty|penalties|sanctions?)\b",
    re.I,
)


def penalty(ctx: Context) -> list[RawFact]:
    doc, lex = ctx.doc, ctx.lex
    words = lex.set("penalty") | lex.set("penalty_nouns")
    laws = [e for e in ents(doc) if e.label_ == "LAW"]
    law_names = {clean_name(e.text) for e in laws}
    out: list[RawFact] = []
    for sent in ctx.sents:
        lemmas = {_lemma(t) for t in sent}
        if not lemmas & {
            "fine",
            "penalty",
            "penalise",
            "penalize",
            "sanction",
            "levy",
            "settle",
            "settlement",
        } and not any(_ordered_to_pay(t) for t in sent):
            continue
        for money, span in _money_spans(ctx, sent):
            govs = _governors(span.root, 5)
            verb = next((g for g in govs if g.pos_ == "VERB"), None)
            near = next(
                (
                    t
                    for t in reversed(doc[max(sent.start, span.start - 5) : span.start])
                    if _lemma(t) in ("fine", "penalty")
                ),
                None,
            )
            noun_near = False
            if (
                near is not None
                and near.pos_ == "VERB"
                and not any(_lemma(g) in words for g in govs[:4])
            ):
                verb = near  # "to fine Clearview just over £17m"
            elif (
                near is not None
                and near.pos_ == "NOUN"
                and not any(_lemma(g) in words for g in govs[:4])
                and any(g.i == near.head.i or g.i == near.head.head.i for g in govs)
            ):
                # "issued Cedarwell with penalty notices totalling £12,500": the verb that
                # names whom the notices went to, not the one that counts them
                verb = _issuing_verb(govs, span.root) or verb
                noun_near = True
            copula_fine = any(
                g.lemma_ == "be"
                and any(c.dep_ == "nsubj" and _lemma(c) in words for c in g.children)
                for g in govs[:2]
            )
            if (
                not noun_near
                and not any(_lemma(g) in words for g in govs[:4])
                and not (verb is not None and _lemma(verb) in words)
                and not copula_fine
                and not _ordered_to_pay(verb)
            ):
                second = _second_fined(ctx, sent, span, money)
                if second is not None:
                    out.append(second)
                continue
            if copula_fine and (verb is None or _lemma(verb) not in words):
                verb = None
            ordered = _pays_for_a_finding(verb)  # "must pay" after a finding is an order
            # "could be liable to a fine of N10m": no verb but the copula carries the modal
            clause = verb if verb is not None else next((g for g in govs if g.pos_ == "AUX"), None)
            if clause is not None and (
                (is_hypothetical(clause, lex) and not ordered) or is_negated(clause)
            ):
                continue
            after = sent.text[span.end_char - sent.start_char :]
            if PERIODIC_RE.match(after) or PER_CASE_RE.match(after):
                continue  # "€50,000 for each week of delay", "$500 per violation": not a fine
            before = sent.text[: span.start_char - sent.start_char]
            if re.search(r"\b(?:a |in )?(?:total|combined)(?: of)?\s*$", before) and any(
                t.dep_ == "conj"
                and t.pos_ in ("NOUN", "PROPN")
                and t.head.pos_ in ("NOUN", "PROPN")
                for t in sent
                if t.i < span.start
            ):
                continue  # "X and its vendor have been fined a total of $435,000": two fines
            if (
                re.search(
                    r"\b(?:up to|maximum|as much as)\b",
                    sent.text[
                        max(0, span.start_char - sent.start_char - 20) : span.start_char
                        - sent.start_char
                    ],
                )
                and re.search(
                    r"\b(?:could|can|may|might|would|allows?|permits?|faces?|carry|carries)\b",
                    sent.text,
                )
            ) or _MAXIMUM_FINE_RE.search(before):
                continue  # "The maximum financial penalty under the PDPA is ... $1 million"
            org = auth = None
            if _pays_for_a_finding(verb):  # "X must pay €1.2m after the regulator found ..."
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                org = org_of(ctx, subj, force=True) if subj is not None else None
                auth = next(
                    (
                        ctx.names.org(e.text)
                        for e in ents(doc)
                        if e.start >= sent.start
                        and e.end <= sent.end
                        and ctx.names.is_authority(ctx.names.org(e.text))
                    ),
                    None,
                )
                verb_done = True
            elif _ordered_to_pay(verb):  # "X was ordered to pay £Y (to Z)"
                order = verb.head
                org, auth = _taker_and_giver(
                    ctx,
                    next((c for c in order.children if c.dep_ in ("nsubjpass", "dobj")), None),
                    next((c for c in order.children if c.dep_ == "nsubj"), None),
                )
                for c in verb.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None:
                            auth = auth or org_of(ctx, pobj) or _authority_text(ctx, pobj)
                verb_done = True
            elif (
                verb is not None
                and _lemma(verb) in ("hand", "give", "slap")
                and any(c.dep_ == "dative" for c in verb.children)
            ):
                # "The watchdog handed Norbury Foods a £40,000 fine": the receiver is fined
                org, auth = _taker_and_giver(
                    ctx,
                    next(c for c in verb.children if c.dep_ == "dative"),
                    next((c for c in verb.children if c.dep_ == "nsubj"), None),
                )
                verb_done = True
            elif (
                verb is not None
                and _lemma(verb) in ("pay", "hand", "owe")
                and any(c.dep_ == "nsubj" for c in verb.children)
            ):
                # "X will pay a $4.6m civil penalty to resolve charges": X is the one
                # penalised, whoever the object's modifiers name
                subj = next(c for c in verb.children if c.dep_ == "nsubj")
                org = org_of(ctx, subj, force=True) or _chunk_org(ctx, subj)
                if org and (
                    _a_person(ctx, org)
                    or org in {ctx.names.person(p.name) for p in ctx.names.persons}
                ):
                    continue  # "Ed Butler, who paid an extra £5,800": a buyer, not a fine
                auth = _authority_in(ctx, sent)
                verb_done = True
            else:
                verb_done = False
            if verb is not None and not verb_done:
                if any(c.dep_ == "nsubjpass" for c in verb.children):
                    subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
                    org = org_of(ctx, subj, force=True) or _chunk_org(ctx, subj)
                    auth = _agent(ctx, verb)
                else:
                    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
                    if obj is not None and obj.i != span.root.i:
                        org = org_of(ctx, obj, force=True) or _chunk_org(ctx, obj)
                    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                    if subj is not None:
                        auth = ctx.names.resolve_org(doc, subj, lex) or _authority_text(ctx, subj)
            if org and org.isupper() and sent.text.lstrip().startswith(org + ","):
                org = None  # a dateline ("AMSTERDAM, March 10 (Wire) - X was fined")
            if not org and verb is not None:
                org = _penalised_on(ctx, verb, span)  # "imposed a penalty of $X on Y"
            if not org:
                # "fine Clearview just over £17m", "a fine on X"; never the one fining
                # ("the Federal Data Protection Council (CFPD) fined Entregô R$ 9.8 million")
                fining = {
                    k.i
                    for c in (verb.children if verb is not None else ())
                    if c.dep_ == "nsubj"
                    for k in c.subtree
                }
                active_fine = (
                    verb is not None
                    and _lemma(verb) == "fine"
                    and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
                )
                for t in sent:
                    if t.i in fining or active_fine and verb is not None and t.i < verb.i:
                        continue  # "June 24 — CFPD fines Entregô R$ 9.8 million"
                    if t.is_upper and t.nbor(1).text == "," and t.i <= sent.start + 1:
                        continue  # the dateline
                    if (
                        t.ent_type_ == "ORG"
                        and t.i < span.start + 8
                        and not ctx.names.is_authority(ctx.names.org(t.text))
                    ):
                        cand = ctx.names.resolve_org(doc, t, lex)
                        if cand and cand != auth and not ctx.names.is_outlet(cand):
                            org = cand
                            break
            if org and (org in law_names or ctx.names.is_outlet(org) or is_currency(org)):
                org = None  # a law, an outlet or NER's ORG "DKK" is never the fined party
            # whom the verb names as fined ("fined another council £50,000")
            named = [
                c
                for c in (verb.children if verb is not None else ())
                if c.dep_ in ("dobj", "dative", "nsubjpass") and c.i != span.root.i
            ]
            explicit = bool(named)
            another = any(d.lower_ == "another" for c in named for d in c.children)
            if not org and not another:  # "fined another contractor": not the one named
                org = _fined_earlier(ctx, sent, span.start)
            if not org and explicit and _delayed_lede(ctx, sent, verb):
                org = ctx.names.main_org  # "A conservancy contractor ... has been fined"
            if not org and explicit:
                continue  # "fined another council £50,000": someone this article does not name
            org = org or ctx.names.main_org
            if not org:
                continue
            fields: dict[str, object] = {"organization": org, "amount": money}
            if auth and auth != org:
                fields["authority"] = auth
            law = next((e for e in laws if sent.start <= e.start < sent.end), None) or (
                laws[0] if laws else None
            )
            if law is not None:
                fields["law"] = law.text
            d = first_date(sent, span.root)
            if d is not None:
                fields["date"] = d
            if PROVISIONAL_RE.search(sent.text):
                fields["provisional"] = True
            s, e = evidence(sent)
            out.append(RawFact("penalty", fields, s, e, 0.8))
    return out


UNIT_PRICE_RE = re.compile(
    # "$5 a pound", "between $5 and $6 a pound", "$13 per share"
    r"(?:\s*(?:and|to|or|-|–)\s*\S*\d\S*)?\s*(?:a|an|per|each)\s+(?:pound|share|kilo|kilogram|kg|lb|gallon|litre|liter|ounce|"
    r"barrel|ton|tonne|unit|item|ticket|head|hour|seat|night|bottle|piece)\b",
    re.I,
)


# verbs of a supplier's part: "supplied by X", "built by X"
_SUPPLIED = r"(?:built|made|developed|designed|supplied|sold|provided|installed|licensed)"


def _payer_in_view(ctx: Context, sent: Span) -> str | None:
    """The story's main organisation, or, where the sentence shows it supplying the system
    ("Watchman was supplied by Orrin ... under a £900,000 contract"), the client the story
    names most."""
    names = ctx.names
    main = names.main_org
    if not main or not re.search(rf"\b{_SUPPLIED}\s+by\s+(?:the\s+)?{re.escape(main)}", sent.text):
        return main
    programs = {p.name for p in ctx.programs}
    clients = [
        n
        for n, _ in names.org_counts.most_common()
        if n not in names.vendors | programs
        and not names.is_authority(n)
        and not names.is_outlet(n)
    ]
    return clients[0] if clients else None


def _names_main_org_nearby(ctx: Context, sent: Span, noun: Token | None) -> bool:
    """The main organisation stands in for an unnamed payer only where the text is about it:
    named in this sentence or the one before, and not as what the money buys ("acquisition
    of WhatsApp")."""
    main = ctx.names.main_org
    if not main:
        return False
    if noun is not None:
        for prep in noun.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("of", "for", "to")
                and any(
                    main in ctx.doc[p.left_edge.i : p.right_edge.i + 1].text for p in prep.children
                )
            ):
                return False
    if any(ctx.program_at(t) is not None for t in sent):
        return True  # "DriveGuard, rolled out at a cost of $62m": the program's owner pays
    if named_nearby(ctx, sent, main):
        return True
    # "... in a deal worth about $80m. Tallyworks expects the purchase to close in June":
    # the next sentence names the buyer
    nxt = ctx.doc[sent.end].sent if sent.end < len(ctx.doc) else None
    spend_nouns = ctx.lex.set("spend_nouns")
    return (
        nxt is not None
        and any(
            ctx.names.org(m.name) == main for m in ctx.names.orgs if nxt.start <= m.start < nxt.end
        )
        and any(t.lemma_.lower() in spend_nouns for t in nxt)
    )


def _a_person(ctx: Context, name: str) -> bool:
    """A person the text calls by an honorific ("Mr Chishty"), never a company."""
    words = name.split()
    return (
        len(words) >= 2
        and name in {ctx.names.person(p.name) for p in ctx.names.persons}
        and name not in ctx.names.cue_names
        and re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? {re.escape(words[-1])}\b", text_of(ctx.doc))
        is not None
    )


PUBLIC_PAYERS = {"state", "city", "county", "country", "nation", "province", "region"}


def _place_before(ctx: Context, tok: Token) -> str | None:
    """ "the state" -> the last state, country or city named before it."""
    if tok.lemma_.lower() not in PUBLIC_PAYERS or not any(c.lower_ == "the" for c in tok.children):
        return None
    places = [clean_name(e.text) for e in ents(ctx.doc) if e.label_ == "GPE" and e.end <= tok.i]
    # a state or country by its full name ("South Dakota", not the "SD" of a tweet)
    named = [p for p in places if is_state_or_country(p) and not (p.isupper() and len(p) <= 2)]
    return (named or places or [None])[-1]


# verbs by which a payer makes its own outlay known
ANNOUNCE_VERBS = {"announce", "unveil", "make", "pledge", "approve", "set", "earmark"}


def _spend_lemma(verb: Token, verbs: frozenset[str]) -> str:
    """The verb's lemma, with its particle where the two say "spend" ("set aside $6.5m")."""
    for c in verb.children:  # (the parser may call "aside" an adverb)
        phrase = f"{verb.lemma_.lower()} {c.lower_}"
        if c.dep_ in ("prt", "advmod") and phrase in verbs:
            return phrase
    return verb.lemma_.lower()


def spend(ctx: Context) -> list[RawFact]:
    doc, lex = ctx.doc, ctx.lex
    verbs = lex.set("spend")
    nouns = lex.set("spend_nouns")
    not_spend = lex.set("not_spend")
    out: list[RawFact] = []
    for sent in ctx.sents:
        for money, span in _money_spans(ctx, sent):
            local = sent.text[
                max(0, span.start_char - sent.start_char - 40) : span.end_char
                - sent.start_char
                + 25
            ].lower()
            govs = _governors(span.root, 4)
            verb = next((g for g in govs if g.pos_ == "VERB"), None)
            if verb is not None and _spend_lemma(verb, verbs) not in verbs:
                # "is paying Lumora Vision, the startup that makes the hardware, $68m": the
                # parser hung the amount on the relative clause; the paying verb is above it
                paying = [
                    t
                    for t in doc[max(sent.start, span.start - 15) : span.start]
                    if t.lemma_.lower() in ("pay", "spend") and t.pos_ == "VERB"
                ]
                if paying and verb.i > paying[-1].i and verb.dep_ in ("relcl", "ccomp", "acl"):
                    verb = paying[-1]
            noun = next((g for g in govs if g.pos_ == "NOUN" and g.lemma_.lower() in nouns), None)
            if noun is None and govs and govs[0].lower_ == "worth" and govs[0].head.pos_ == "VERB":
                # "agreed a contract with Clarivox worth €2.3 million": the parser hangs
                # "worth" on the verb; the contract is its object
                noun = next(
                    (
                        c
                        for c in govs[0].head.children
                        if c.dep_ == "dobj" and c.lemma_.lower() in nouns
                    ),
                    None,
                )
            # "a contract worth $2m" is spending; "worth $2bn" alone is a valuation
            if any(
                (g.lemma_.lower() in not_spend or g.lower_ in not_spend)
                and not (g.lower_ == "worth" and noun is not None)
                for g in govs[:3]
            ):
                continue
            ok_verb = (
                verb is not None
                and _spend_lemma(verb, verbs) in verbs
                and not _ordered_to_pay(verb)
            )
            # "reported revenue of $4bn and spent $20m": a spend verb right over the amount
            # outweighs a money word nearby
            direct = ok_verb and verb is not None and span.root.head.i == verb.i
            if re.search(r"\b(fine|fined|penalty|ransom|settle|settlement)\b", local):
                continue  # penalties and settlements are not spending
            if not direct and re.search(
                r"\b(revenue|revenues|sales|profit|turnover|earnings|valuation|valued|raised|market value|share price)\b",
                local,
            ):
                continue
            if not ok_verb and noun is None:
                continue
            if (
                verb is not None
                and is_negated(verb)
                and (ok_verb or verb.lemma_.lower() in DEAL_VERBS)
            ):
                continue  # "did not spend", "never signed the contract"; not "does not end
                # the district's $186,000 contract", which exists
            if UNIT_PRICE_RE.match(sent.text[span.end_char - sent.start_char :]):
                continue  # "$5 a pound", "$13 a share": a price, not an outlay
            org = paid = None
            if noun is not None:
                # "his company's $19 billion acquisition of WhatsApp": the possessor pays,
                # whatever verb governs the phrase
                for c in noun.children:
                    if c.dep_ == "poss":
                        org = (
                            antecedent_org(ctx, c)
                            if c.lower_ in ("its", "their")
                            else org_of(ctx, c)
                        )
            client = _client_of(ctx, noun) if noun is not None else None
            if client and client != org:
                org = client  # "Workvue's contract with Brayfield": the client pays the vendor
            grantor = _grantor_of(ctx, noun) if noun is not None else None
            if grantor:
                org = grantor  # "using a $250,000 grant from the state commission"
            if not org and noun is not None:
                for c in noun.children:  # "a $1.5bn commitment ... that the firm announced"
                    subj = (
                        next((x for x in c.children if x.dep_ == "nsubj"), None)
                        if c.dep_ == "relcl" and c.lemma_.lower() in ANNOUNCE_VERBS
                        else None
                    )
                    if subj is not None:
                        org = org_of(ctx, subj, force=True)
            if org:
                if not ok_verb and not grantor and ctx.names.is_authority(org):
                    continue  # "its budget of about 40 million euros": a regulator's own
            elif ok_verb and is_passive(verb):
                # "Harcastle, which was bought by Greyfell Capital for £640m": the agent
                # pays; "was acquired for $2bn" names no payer
                org = _agent(ctx, verb)
                if not org and verb.lemma_.lower() in ("buy", "acquire"):
                    continue
            elif ok_verb:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if (
                    subj is not None
                    and subj.tag_ == "NNS"
                    and subj.pos_ == "NOUN"
                    and subj.text.islower()  # not "Barclays", whatever the tagger says
                    and not any(c.dep_ in ("det", "poss") for c in subj.children)
                ):
                    continue  # "Indian companies will spend about $310 million": a market
                org = _subject_org(ctx, verb)
                payee = next(
                    (
                        c
                        for c in verb.children
                        if c.dep_ in ("dative", "dobj") and c.i != span.root.i
                    ),
                    None,
                )
                if payee is not None and verb.lemma_.lower() == "pay":
                    paid = org_of(ctx, payee)  # "It has paid Corvid $612,000": the payee
                if verb.lemma_.lower() == "cost":
                    dat = next(
                        (
                            c
                            for c in verb.children
                            if c.dep_ in ("dative", "dobj") and c.i != span.root.i
                        ),
                        None,
                    )
                    if dat is not None:
                        org = antecedent_org(ctx, dat) if dat.lower_ == "it" else org_of(ctx, dat)
                        # "cost the state roughly $449,000": the state named before, and
                        # never somebody else when the payer cannot be named
                        org = org or _place_before(ctx, dat)
                        if not org:
                            continue
            if not org and noun is not None:
                for c in noun.children:
                    if c.dep_ in ("poss", "compound"):
                        org = (
                            antecedent_org(ctx, c)
                            if c.lower_ in ("its", "their")
                            else ctx.names.resolve_org(doc, c, lex)
                        )
                regulator_subject = any(
                    t.dep_ == "nsubj" and t.lower_ in AUTHORITY_NOUNS for t in sent
                )
                if not ok_verb and (regulator_subject or org and ctx.names.is_authority(org)):
                    continue  # a regulator's own budget is not spending on a case
                if not org:
                    mods = [
                        c
                        for c in noun.lefts
                        if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("NOUN", "PROPN")
                    ]
                    if mods and any(
                        m.lower_ in ("department", "ministry", "government", "pentagon")
                        for m in mods
                    ):
                        org = doc[mods[0].left_edge.i : mods[-1].i + 1].text
                if not org and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
                    # "The school had signed a $1.4 million contract": the signer pays
                    org = _subject_org(ctx, noun.head)
            if not org and _names_main_org_nearby(ctx, sent, noun):
                org = _payer_in_view(ctx, sent)
            if org and org in {p.name for p in ctx.programs} | {p.surface for p in ctx.programs}:
                org = ctx.names.main_org  # "the firm" read as the program KCP: its company
            if not org or _a_person(ctx, org) or org == paid or ctx.names.is_outlet(org):
                continue  # spending is an organisation's (never the payee's); a person's
                # purchase is not, nor is what the reporting outlet "understands"
            fields: dict[str, object] = {"organization": org, "amount": money}
            purpose = _purpose(span, verb if ok_verb else noun)
            if purpose:
                fields["purpose"] = purpose
            s, e = evidence(sent)
            out.append(RawFact("spend", fields, s, e, 0.7 if ok_verb else 0.55))
    return out


def _client_of(ctx: Context, noun: Token) -> str | None:
    """The story's own organisation on the other side of a contract ("X's contract with
    Brayfield", "a contract with the district"): the one that pays."""
    if noun.lemma_.lower() not in ("contract", "deal"):
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            org = org_of(ctx, obj) if obj is not None else None
            # not the firm the text shows supplying it ("a contract with Kestrel Optics ...
            # to supply, install and maintain the cameras")
            if org and org == ctx.names.main_org and org not in ctx.names.vendors:
                return org
    return None


def _grantor_of(ctx: Context, noun: Token) -> str | None:
    """Who gives a grant: "a $250,000 safety grant from the Pennsylvania Commission"."""
    if noun.lemma_.lower() not in ("grant", "donation", "subsidy"):
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return org_of(ctx, obj, force=True)
    return None


def _purpose(span: Span, head: Token | None) -> str | None:
    if head is None:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "for", "into", "to") and c.i >= span.end:
            return span.doc[c.i + 1 : c.right_edge.i + 1].text
    return None
