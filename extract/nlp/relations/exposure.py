"""``exposure``: data of an organization leaked, exposed, breached, made accessible or stolen.

One fact per organization (a reader counts the incident, not every sentence retelling it):
the organization is the one hacked or infiltrated ("infiltrated Nvidia and BT/EE"), the
owner of what leaked ("Uber's servers"), else the article's main organization. Negated
statements ("no indication that any data was improperly accessed") are skipped.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.nlp.relations.common import (
    LAW_NAME_RE,
    Context,
    RawFact,
    evidence,
    named_nearby,
    org_of,
)

CUE_RE = re.compile(
    r"\b(leak(?:ed|s|ing)?|exposed?|exposing|exposure|(?:data|security|privacy|cyber)[- ]?breach(?:es)?|"
    r"breach(?:ed)? (?:of )?(?:its |the |their )?(?:systems?|servers?|networks?|databases?|data)|hack(?:ed|ers?|ing)?|"
    r"infiltrat\w+|stole|stolen|stealing|(?:made|left|were|was|became|been)\s+(?:\w+\s+){0,2}accessible|"
    r"could be (?:read|seen|viewed|accessed|opened|downloaded|reached) by|"
    # "a cloud database, left open to the internet without a password"
    r"left (?:open|unlocked|unprotected|unsecured|exposed)|open to the (?:public )?internet|"
    r"(?:viewable|visible|accessible|searchable|available) (?:online|on the (?:open )?(?:web|internet)) without (?:a |any )?(?:password|login)|"
    r"without (?:a )?password protection|unsecured|unprotected|compromised|configuration error|"
    # internal over-exposure: "visible to office staff at all 14 branches", "a shared folder
    # that any team leader could open", "a file share open to all of its employees"
    r"(?:visible|open|available|accessible) to (?:all|any|anyone|everyone|every|the whole|the entire|\w+ staff)|"
    r"(?:anyone|everyone|any \w+(?: \w+)?|all \w+) (?:(?:at|in|of|with) (?:\w+ ){1,3})?(?:could|can) (?:open|see|view|access|read|download)|"
    r"misconfigur\w+|data (?:spill|theft)|"
    # mistakes: "emailed in error to a contractor", "shared by mistake with everyone"
    r"(?:shared|sent|emailed|posted|published|uploaded|attached|forwarded)\s+(?:\w+\s+){0,3}?"
    r"(?:by mistake|in error|by accident|accidentally|mistakenly)|"
    r"(?:by mistake|in error|by accident|accidentally|mistakenly)\s+(?:shared|sent|emailed|posted|"
    r"published|uploaded|attached|forwarded)|"
    r"(?:let|lets|allowed|allowing|allows|enabled)\s+(?:anyone|outsiders|strangers|hackers|"
    r"attackers|third parties|other users|unauthori[sz]ed users)\s+(?:on the internet\s+)?"
    r"(?:to\s+)?(?:download|see|view|access|read|open)|security (?:flaw|hole|lapse)|vulnerabilit(?:y|ies)|"
    r"posted\s+(?:\w+\s+){0,4}?(?:public|open)[- ]|sent\s+(?:\w+\s+){0,4}?outside|"
    # beyond the people who should see it: "posted to a forum for call-centre workers",
    # "sent to an email list that included 60 substitute teachers", "a shared drive that
    # about 300 managers could open", "share such dashboards with anyone at the company"
    r"posted\s+(?:\w+\s+){0,3}?(?:to|on)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:forum|website|site|group|channel|chat|message board|subreddit)|"
    r"sent\s+(?:\w+\s+){0,3}?to\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:email|mailing|distribution)\s+list|"
    r"(?:about|some|more than|over|nearly|roughly)?\s*\d[\d,]*\s+\w+(?:\s+\w+)?\s+(?:could|can)\s+"
    r"(?:open|see|view|access|read|download)|"
    r"share\s+(?:\w+\s+){0,3}?with\s+(?:anyone|everyone|all\b))\b",
    re.I,
)
NEG_RE = re.compile(
    r"\b(no indication|no evidence|not|never|denied|deny|denies|without any)\b", re.I
)
# "no names were exposed", "no customer data was accessed": a denial
DENIED_RE = re.compile(
    r"\bno (?:\w+ ){1,2}(?:was|were|had been|has been|have been) "
    r"(?:exposed|leaked|accessed|stolen|compromised|taken)\b",
    re.I,
)
OBJECT_RE = re.compile(
    r"\b(data|files?|records?|information|details|database|servers?|systems?|network|footage|emails?|passwords?|notes|documents?|accounts?|drive|"
    r"folders?|buckets?|share|reports?|histor(?:y|ies)|templates?|clips?|videos?|screenshots?|images?|recordings?|logs?|messages?|photos?|alerts?|names|profiles?|scores?|results?)\b",
    re.I,
)
DATA_AT_RISK_RE = re.compile(
    r"\b(data|files?|records?|information|details|emails?|passwords?|documents?|footage|"
    r"recordings?|photos?|messages?|exposed?|leak(?:ed|s)?|stole|stolen|access(?:ed)?|see|view)\b",
    re.I,
)
FIGURATIVE_RE = re.compile(
    r"\bexposed to (?:accusations?|criticism|claims?|risks?|competition|charges?|scrutiny|"
    r"ridicule|attack)",
    re.I,
)
SEIZED_RE = re.compile(r"\b(?:seized|seizing|confiscated|recovered)\b", re.I)
PUBLIC_SAFETY_RE = re.compile(r"\b(?:Sheriff|Police|Attorney|Prosecutor|Court|Constabulary)\b")


INTRUSION = {"hack", "infiltrate", "breach", "attack", "compromise", "penetrate"}
LEFT_OPEN = {"open", "unprotected", "unsecured", "exposed", "accessible", "unencrypted"}
STORES = {"server", "system", "network", "database", "data", "file", "record", "bucket", "drive"}


def _store_head(t: Token) -> Token:
    """The noun a possessor or name modifies, past compounds: Somnex -> database."""
    head = t.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head


def _victims(ctx: Context, sent: Span) -> list[str]:
    """Organizations hacked/infiltrated in the sentence, or owning what leaked."""
    out: list[str] = []
    for t in sent:
        cands: list[Token] = []
        if t.lemma_.lower() in INTRUSION and t.pos_ == "VERB":
            cands = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        elif t.dep_ in ("poss", "compound") and _store_head(t).lemma_.lower() in STORES:
            cands = [t]  # "Uber's servers", "a Somnex cloud database"
        if t.lemma_.lower() == "leave" and any(
            d.lower_ in LEFT_OPEN for d in t.subtree if d.i > t.i
        ):
            # "Sentrial left a cloud storage bucket open to the internet"
            cands = [c for c in t.children if c.dep_ == "nsubj"]
        if t.lower_ == "belonging" and t.i + 1 < len(sent.doc) and t.nbor(1).lower_ == "to":
            # "a storage bucket belonging to Sentrial": the owner of what was exposed
            cands = [c for c in t.nbor(1).children if c.dep_ == "pobj"]
        for c in cands:
            for x in (c, *c.conjuncts):
                org = org_of(ctx, x)
                if org is not None and any(p.name == org for p in ctx.programs):
                    org = ctx.names.main_org  # "StaffSense's servers": the program's owner
                if org is None:  # "phone company BT/EE"
                    for y in x.children:
                        if y.dep_ in ("appos", "compound") and y.text[:1].isupper():
                            org = org_of(ctx, y)
                if org is None:  # "a Somnex cloud database": a firm named elsewhere
                    org = ctx.names.known_org_at(ctx.doc, x)
                if org is None and x.pos_ == "PROPN" and t.lemma_.lower() in INTRUSION:
                    # "infiltrated Nvidia": the small model often misses the ORG label
                    left = min([x.i] + [y.i for y in x.lefts if y.dep_ == "compound"])
                    org = ctx.names.org(ctx.doc[left : x.i + 1].text)
                if org and not ctx.names.is_outlet(org) and org not in out:
                    out.append(org)
    return out


def _watched_for(ctx: Context, sent: Span, start: int) -> bool:
    """The cue names what a system looks for, not an event: "scans the transcripts for
    phrases associated with leaks", "a 'leak risk' rating"."""
    tok = next((t for t in sent if t.idx - sent.start_char == start), None)
    if tok is None:
        return False
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN":
        return tok.head.lemma_.lower() in {"risk", "rating", "score", "alert", "warning"}
    watch = ctx.lex.set("watch_for_verbs")
    return any(a.pos_ == "VERB" and a.lemma_.lower() in watch for a in tok.ancestors)


def exposure(ctx: Context) -> list[RawFact]:
    out: dict[str, RawFact] = {}
    for sent in ctx.sents:
        text = sent.text
        m = next((m for m in CUE_RE.finditer(text) if not _watched_for(ctx, sent, m.start())), None)
        if DENIED_RE.search(text):
            continue
        if not m or not (OBJECT_RE.search(text) or re.search(r"hack|infiltrat", text, re.I)):
            continue
        if NEG_RE.search(text[: m.start()]) and re.search(
            r"\b(no indication|no evidence|denied|not)\b", text, re.I
        ):
            continue
        if re.search(
            r"\b(could|would|might|may)\s+(?:be\s+)?(?:leak|expose|breach|hack)", text, re.I
        ):
            continue
        if re.fullmatch(
            r"security (?:flaw|hole|lapse)|vulnerabilit(?:y|ies)", m.group(0), re.I
        ) and (not DATA_AT_RISK_RE.search(text)):
            continue  # a flaw that crashes servers exposes nobody's data
        if FIGURATIVE_RE.search(text) or SEIZED_RE.search(text):
            continue  # "exposed to accusations"; police who seized stolen cards
        orgs = _victims(ctx, sent)
        progs = ctx.programs_in(sent)
        if not orgs and OBJECT_RE.search(text):
            # "people enrolled in the government's registry were left accessible": whoever
            # runs the program whose data it was
            main = ctx.names.main_org
            # ... unless the program bears the main organisation's name ("Vantic Pulse")
            if (
                progs
                and not out
                and progs[0] in ctx.operators
                and (not main or main.split()[0] not in progs[0].split())
            ):
                main = ctx.operators[progs[0]]
            if main and "leaked to" in text and not named_nearby(ctx, sent, main):
                main = None  # "documents leaked to the New York Times": someone else's
            if not main:
                subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
                main = org_of(ctx, subj) if subj is not None else None
            orgs = [main] if main else []
        s, e = evidence(sent)
        for org in orgs:
            if org in out or PUBLIC_SAFETY_RE.search(org) or ctx.names.is_authority(org):
                continue  # the police who seized stolen cards exposed nothing
            if LAW_NAME_RE.search(org):
                continue  # "breach the Data Privacy Act": a law broken, nobody's data out
            fields: dict[str, object] = {"organization": org, "description": text.strip()}
            if progs:
                fields["program"] = progs[0]
            out[org] = RawFact("exposure", fields, s, e, 0.6)
    return list(out.values())
