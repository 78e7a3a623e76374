"""``operates``, ``status``, ``collects`` and ``monitors``: who runs a program, what happened to
it, what data it gathers and whom it watches. Verbs come from ``rules/verbs.json``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extract.nlp.entities import SPANS_KEY
from extract.nlp.extensions import ent_at, sent_ents, text_of, tokens
from extract.nlp.lexicon import Lexicon, plural
from extract.nlp.names import clean_name
from extract.nlp.programs import verb_lemma
from extract.nlp.relations.common import (
    LAW_NAME_RE,
    Context,
    DateText,
    RawFact,
    chunk_text,
    evidence,
    first_date,
    is_hypothetical,
    is_negated,
    is_passive,
    org_of,
    under_demand,
)
from extract.places import is_known_place

GENERIC_DATA_HEADS = {
    "data",
    "datum",
    "information",
    "report",
    "record",
    "records",
    "way",
    "detail",
    "details",
    "knowledge",
    "note",
    "notes",
    "drive",
    "error",
    "item",
    "task",
    "tasks",
    "storage",
    "business",
    "language",
    "datasets",
    "dataset",
}
GENERIC_DATA = {
    "people",
    "ones",
    "things",
    "thing",
    "anything",
    "something",
    "everyone",
    "everything",
    "story",
    "stories",
    "data",
    "information",
    "report",
    "way",
    "lot",
    "them",
    "it",
    "this",
    "that",
    "what",
    "detail",
    "details",
    "profile",
    "profiles",
    "decision",
    "decisions",
    "number",
    "behaviour",
    "behavior",
    "work",
    "time",
}
PERSON_PRON = {"he", "she", "they", "we", "i", "you", "them", "him", "her", "us"}
PERSON_PRON |= {"myself", "ourselves", "yourself", "himself", "herself", "themselves"}


USE_NOUNS = {"use", "rollout", "roll-out", "deployment", "introduction", "suspension", "trial"}
USE_NOUNS |= {"pilot", "test"}  # "scrapped a pilot of MoodDesk"
VENDOR_VERBS = {"develop", "make", "build", "design", "supply", "sell", "create", "provide"}


def _site_owner(ctx: Context, verb: Token) -> str | None:
    """ "piloted at Karvaan's Hyderabad centre", "deployed across Orchid's warehouses"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "across", "throughout"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in pobj.children:
                if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON"):
                    org = ctx.names.resolve_org(ctx.doc, c, ctx.lex)
                    if org and not ctx.names.is_authority(org):
                        return org
    return None


def _operator_of(ctx: Context, tok: Token) -> str | None:
    """The organization that runs the program named at ``tok`` (subject, agent, possessive)."""
    doc, names, lex = ctx.doc, ctx.names, ctx.lex
    operate = lex.set("operate")
    # "its Blue Moon lander": the possessor sits on the product noun the name modifies
    owners = [tok, tok.head] if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else [tok]
    for c in (c for o in owners for c in o.children):
        if c.dep_ == "poss":
            place = next((p for p in c.children if p.dep_ in ("compound", "amod")), None)
            if (
                c.lemma_.lower() == "government"
                and place is not None
                and place.ent_type_ in ("GPE", "NORP")
            ):
                return f"{place.text} government"  # "the Odisha government's registry"
            org = names.resolve_org(doc, c, lex)
            if org:
                return org
    node = tok
    if node.dep_ == "appos":
        node = node.head
    if node.dep_ == "oprd" and node.head.dep_ == "acl" and node.head.head.pos_ == "NOUN":
        node = node.head.head  # "uses an app called CleanLog": the app is used
    elif node.dep_ == "compound" and node.head.pos_ == "NOUN":
        node = node.head  # "runs the Penny Points loyalty scheme"
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in USE_NOUNS
    ):
        node = node.head.head  # "suspended the use of FlowMetrics": who suspended it
    # "WorkPulse, software made by Tallyview, which Pemberton introduced": the relative
    # clause hangs on the vendor in the parse but describes the software
    described = [
        t
        for a in node.children
        if a.dep_ == "appos"
        for t in a.subtree
        if t.dep_ == "relcl" and _antecedent(t).i == node.i
    ]
    for c in [*node.children, *described]:  # "The tool, which Microsoft rolled out"
        if c.dep_ == "relcl" and c.lemma_.lower() in operate:
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None:
                org = names.resolve_org(doc, subj, lex)
                if org is None and subj.pos_ == "PROPN" and names.org(subj.text) != subj.text:
                    # "a program that Haldane ... has been running": the short form of a
                    # company named in full, whatever NER made of it
                    org = names.org(subj.text)
                if org:
                    return org
    verb = node.head
    if verb.pos_ == "ADP" and verb.head.pos_ == "VERB":  # "retreat from", "stopped using"
        verb = verb.head
    if node.dep_ in ("dobj", "nsubjpass", "pobj", "xcomp", "attr", "conj") and verb.pos_ in (
        "VERB",
        "AUX",
    ):
        v = verb
        if v.dep_ == "xcomp" and v.head.pos_ == "VERB":
            v = v.head
        if v.lemma_.lower() in VENDOR_VERBS:
            # "developed by Sonalytix and piloted at Karvaan's Hyderabad centre": the vendor
            # made it, the organisation where it runs operates it
            for conj in v.children:
                if conj.dep_ == "conj" and conj.lemma_.lower() in operate - VENDOR_VERBS:
                    org = _site_owner(ctx, conj)
                    if org:
                        return org
        site = _site_owner(ctx, v) if v.lemma_.lower() in operate else None
        if site:
            return site
        if v.lemma_.lower() in operate or verb.lemma_.lower() in operate:
            if node.dep_ == "nsubjpass":
                for c in v.children:
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                org = names.resolve_org(doc, p, lex)
                                # "supplied by Lumen Workplace": a vendor, unless the
                                # story is about the vendor itself
                                vendor = v.lemma_.lower() in VENDOR_VERBS
                                if org and (not vendor or org == names.main_org):
                                    return org
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if (
                subj is not None
                and subj.lower_ in ("which", "that")
                and v.dep_ == "relcl"
                and v.lemma_.lower() not in VENDOR_VERBS  # "a firm that sells software"
            ):
                # "Rival Pennyworth's, which runs the Penny Points scheme"
                subj = _antecedent(v)
            if subj is not None and subj.idx < names.dateline_end:
                # "BENGALURU, Aug 22 (APW) - Kalpaka Technologies ... has suspended": the parse
                # makes the dateline the subject and the company its apposition
                subj = next(
                    (c for c in subj.children if c.dep_ == "appos" and c.idx > names.dateline_end),
                    None,
                )
            if subj is not None:
                org = names.resolve_org(doc, subj, lex)
                if (
                    org is None
                    and subj.pos_ == "PROPN"
                    and subj.text[:1].isupper()
                    and subj.ent_type_ not in ("GPE", "NORP", "DATE")
                ):
                    # a company NER missed or took for a person ("Zoom removed ...",
                    # "Lumora Labs ran Project Tessellate")
                    if len(list(subj.subtree)) == 1:
                        org = subj.text
                    else:
                        org = org_of(ctx, subj, force=True)
                        if org in {p.name for p in names.persons}:
                            org = None
                if (
                    org is None
                    and subj.pos_ == "PROPN"
                    and (
                        subj.ent_type_ == "GPE"
                        or any(c.dep_ == "appos" and c.lower_ in PLACE_NOUNS for c in subj.children)
                    )
                ):
                    # "Marlow Springs, a city of 210,000, began using the readers": the town
                    # (its government) runs them
                    place = ent_at(doc, subj.i)
                    org = clean_name(place.text) if place is not None else None
                return org
    return _tracker_of(ctx, tok)


def _org_where_named(ctx: Context, name: str) -> str | None:
    """The organisation named last before a program in the sentence that first names it,
    when the parse tied the program to nobody: "Peer firm Cognivue Solutions, which employs
    5,500 people, scrapped FaceIn", "the CNIL fined Horizon Éducation over its use of
    ExamVue". A firm that only sells it counts when nobody else is named there."""
    first = next((p for p in ctx.programs if p.name == name), None)
    if first is None:
        return None
    sent = ctx.doc[first.start].sent
    names = ctx.names
    found = [
        names.org(m.name)
        for m in names.orgs
        if sent.start <= m.start and m.end <= first.start and m.kind not in ("outlet", "authority")
    ]
    if names.main_org in found:
        return None  # the story's own organisation is there: it runs it
    heads = ctx.lex.set("org_name_heads")
    found = [
        o
        for o in found
        if o != name
        and name not in o
        and names.acronyms.get(name) != o  # "Kalyan Satyapan Pranali (KSP)": its own name
        and not names.is_outlet(o)
        and not names.is_authority(o)
        and not is_known_place(o)  # NER's organisation "Kochi"
        and o not in heads  # a name's last word alone ("Healthcare")
    ]
    clients = [o for o in found if o not in names.vendors]
    if clients:
        return clients[-1]
    # only a seller named there: it runs the program when the story is about sellers
    main = names.main_org
    return found[-1] if found and (main is None or main in names.vendors) else None


def _tracker_of(ctx: Context, tok: Token) -> str | None:
    """ "Shirasagi Express, which tracks drivers' sleep under a program called SafeRoute":
    the organisation doing the tracking that the program serves."""
    v = tok.head
    for _ in range(4):
        if v.pos_ == "VERB" and v.lemma_.lower() in ctx.lex.set("tracking"):
            break
        if v.head.i == v.i:
            return None
        v = v.head
    else:
        return None
    while v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children):
        v = v.head  # "tracks heart rates and logs sleep": the first verb's subject
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and v.dep_ == "relcl":
        subj = v.head
    if subj is None or subj.i >= tok.i:
        return None
    org = ctx.names.resolve_org(ctx.doc, subj, ctx.lex)
    if org is None or ctx.names.is_authority(org):
        return None
    return org


def operates(ctx: Context) -> list[RawFact]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    ev: dict[str, tuple[int, int]] = {}
    # every form a program goes by ("WorkLedger" that "Project Beacon" is built on)
    forms: dict[str, set[str]] = defaultdict(set)
    for p in ctx.programs:
        forms[p.name].add(p.surface)
    for p in ctx.programs:
        tok = ctx.doc[p.start : p.end].root
        org = _operator_of(ctx, tok)
        if (
            org
            and org != p.name
            and org not in forms[p.name]
            and not ctx.names.is_outlet(org)
            and not ctx.names.is_authority(org)
            and p.name not in org
            and not LAW_NAME_RE.search(org)  # "the EU's Artificial Intelligence Act"
        ):
            votes[p.name][org] += 1
            ev.setdefault(p.name, evidence(tok.sent))
        ev.setdefault(p.name + "\0", evidence(tok.sent))
    # generic references ("Barclays has scrapped a system that ...")
    for tok in tokens(ctx.doc):
        if (
            tok.pos_ == "NOUN"
            and tok.lemma_.lower() in ctx.generic_program
            and ctx.program_at(tok) is None
            # "its products", "our services": a vendor's range, not the program
            and not (tok.tag_ == "NNS" and tok.lemma_.lower() in ("product", "service", "solution"))
            # "Rival X paused a pilot of cameras": an indefinite noun brings in a new one,
            # unless it comes with the program's name ("a tool called FocusLog")
            and not (
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
                and all(ctx.program_at(t) is None for t in tok.subtree)
                and not (tok.dep_ == "appos" and ctx.program_at(tok.head) is not None)
            )
        ):
            name = ctx.program_ref(tok)
            if name:
                org = _operator_of(ctx, tok)
                if (
                    org
                    and org != name
                    and not ctx.names.is_outlet(org)
                    and not ctx.names.is_authority(org)
                ):
                    votes[name][org] += 1
                    ev.setdefault(name, evidence(tok.sent))
    out = []
    main, vendors = ctx.names.main_org, ctx.names.vendors
    for name in dict.fromkeys(p.name for p in ctx.programs):
        # whoever runs the system operates it, not the firm the text shows selling it
        ranked = [(o, n) for o, n in votes[name].most_common() if o not in vendors] or (
            [(main, 1)] if main and main not in vendors else votes[name].most_common()
        )
        near = None if votes[name] else _org_where_named(ctx, name)
        if votes[name] and ranked:
            # each client that runs it is an operator; a single stray vote against a
            # well-attested operator is not
            orgs = [(ranked[0][0], 0.85)] + [(o, 0.6) for o, n in ranked[1:] if n >= 2]
        elif near:
            orgs = [(near, 0.55)]
        elif main:
            orgs = [(main, 0.5)]
        else:
            continue
        s, e = ev.get(name) or ev[name + "\0"]
        if votes[name]:
            ctx.operators[name] = orgs[0][0]
        for org, conf in orgs[:3]:
            out.append(RawFact("operates", {"organization": org, "program": name}, s, e, conf))
    return out


def _status_words(ctx: Context) -> dict[str, str]:
    """Status phrase -> action, built once per lexicon (every program mention asks)."""

    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        for action, words in ctx.lex.words["status"].items():
            for w in words:
                table.setdefault(w, action)
        return table

    return ctx.lex.built("status_table", build)


def _planned_event(ctx: Context, targets: list[Token]) -> str | None:
    """ "abandoned plans for an IPO", "called off the merger", "shelved its listing": a
    corporate undertaking (``status_objects``) that is stopped or paused names itself."""
    objects = ctx.lex.set("status_objects")
    plan_nouns = ctx.lex.set("plan_nouns")
    for t in list(targets):
        if t.lemma_.lower() in plan_nouns:  # "plans for an IPO"
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                    targets += [p for p in prep.children if p.dep_ == "pobj"]
    for t in targets:
        if t.lemma_.lower() not in objects and t.lower_ not in objects:
            continue
        left = min(
            [t.i] + [c.left_edge.i for c in t.lefts if c.dep_ in ("compound", "amod", "nmod")]
        )
        return clean_name(ctx.doc[left : t.i + 1].text)
    return None


def _sentence_program(ctx: Context, sent: Span, v: Token) -> str | None:
    """The program a tracking verb belongs to when its subject names none: one named before
    the verb, else the one in view ("It captured ... the messages they sent on Huddle, the
    company's chat platform": Huddle is where the data is, not what captures it)."""
    mentions = [p for p in ctx.programs if sent.start <= p.start < sent.end]
    if not mentions:
        return None
    before = [p for p in mentions if p.start < v.i]
    if before:
        return before[0].name
    recent = ctx.recent_program(sent.start)
    if recent and all(
        ctx.doc[p.start].dep_ == "pobj" or ctx.doc[p.start].head.dep_ == "pobj" for p in mentions
    ):
        return recent
    return mentions[0].name


def _particle_read_as_prep(verb: Token, lemma: str, table: dict[str, str]) -> Token | None:
    """ "switched on Sentio": the parser may read a status verb's particle as a preposition
    whose object is the program; the "preposition", where verb and word make a phrase."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.lower_ in ("on", "off")
            and c.i == verb.i + 1
            and f"{lemma} {c.lower_}" in table
        ),
        None,
    )


def _antecedent(relcl: Token) -> Token:
    """What a relative clause describes: its head, except that "software made by Tallyview,
    which Pemberton introduced" describes the software, not the vendor."""
    head = relcl.head
    while head.dep_ == "appos" and head.head.i != head.i:
        head = head.head  # "the Leeds company Tallyworks, which ..."
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.dep_ == "acl":
        head = head.head.head.head
        if head.dep_ == "appos":  # "WorkPulse, software made by ...": the name
            head = head.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        # "Rosto Seguro is a facial-recognition check that Entregô introduced": the subject
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.i < head.i:
            return subj
    return head


_FOR_NOW_RE = re.compile(
    r"^[^.;]{0,40}?\b(?:for now|for the time being|temporarily|pending\b|until further notice)"
)


def _for_now(verb: Token) -> bool:
    """An end said to be temporary: "scrapped X, at least for now", "temporarily dropped"."""
    if any(c.lower_ in ("temporarily", "provisionally") for c in verb.children):
        return True
    return _FOR_NOW_RE.search(verb.sent.text[verb.idx - verb.sent.start_char :]) is not None


def status(ctx: Context) -> list[RawFact]:
    table = _status_words(ctx)
    plan_nouns = ctx.lex.set("plan_nouns")
    not_status = ctx.lex.set("not_status_phrases")
    out: list[RawFact] = []
    doc = ctx.doc
    # the first word of every status phrase ("pause", "put on hold", "on hold", "no longer
    # use"): a verb with none of them near it states no status, whatever else it has
    firsts = {k.split()[0] for k in table} | {
        k.split()[2] for k in table if k.startswith("no longer ")
    }
    for tok in tokens(doc):
        # "Hearthly disabled Presence Detection": the small model may call it an adjective
        if tok.pos_ != "VERB" and not (
            tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue
        lemma = verb_lemma(tok, table)
        # "has put on hold its programme": the small parser may make "hold" the verb
        linear = (
            table.get(" ".join(t.lemma_.lower() for t in doc[tok.i - 2 : tok.i + 1]))
            if tok.i >= 2 and doc[tok.i - 2].pos_ == "VERB" and tok.lemma_.lower() not in table
            else None
        )
        if (
            lemma not in firsts
            and lemma != "let"
            and linear is None
            and not any(c.dep_ == "prep" and c.lower_ in firsts for c in tok.children)
        ):
            continue
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt" and c.lower_ != "back"), None)
        prep_prt = _particle_read_as_prep(tok, lemma, table)
        if prt is None and prep_prt is not None:
            prt = prep_prt.lower_
        # "switched back on", "turned back on": back first, whatever particle follows
        near = [
            *tok.children,
            *(
                g
                for c in tok.children
                if c.dep_ in ("prt", "advmod") or c.dep_ == "prep" and c.lower_ in ("on", "in")
                for g in c.children
            ),
        ]  # "switched X back on": the parser may hang "back" on "on"
        back = any(c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in near)
        action = table.get(f"{lemma} back") if back else None
        action = action or (table.get(f"{lemma} {prt}") if prt else None)
        for c in tok.children:  # "put ... on hold", "go live"
            if c.dep_ == "prep":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    action = (
                        action
                        or table.get(f"{lemma} {c.lower_} {pobj.lower_}")
                        or table.get(f"{c.lower_} {pobj.lower_}")
                    )
            elif c.dep_ in ("acomp", "advmod", "oprd", "ccomp") and c.lower_ in (
                "live",
                "offline",
                "online",
            ):  # "took ClassPulse offline"
                action = action or table.get(f"{lemma} {c.lower_}")
        dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if dobj is not None:  # "pulled the plug on X"
            action = action or table.get(f"{lemma} {dobj.lower_}")
        if any(c.dep_ == "advmod" and c.lower_ == "back" for c in tok.children):
            action = action or table.get(f"{lemma} back")  # "brought X back"
        if any(  # "will no longer use X"
            c.dep_ == "advmod"
            and c.lower_ == "longer"
            and any(n.lower_ == "no" for n in c.children)
            for c in tok.children
        ):
            action = action or table.get(f"no longer {lemma}")
        if (  # "let its contract for X lapse": the tagger may make "lapse" a noun
            lemma == "let"
            and dobj is not None
            and dobj.lemma_.lower() in DEAL_NOUNS
            and any(t.lower_ in ("lapse", "expire") for t in doc[dobj.i : tok.sent.end])
        ):
            action = action or "cancelled"
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if action is None and f"{lemma} {nxt}" in not_status:
            continue  # "pulls in data", "ended up": a phrase of its own, not the status verb
        action = action or table.get(lemma) or linear
        if lemma == "renew" and is_negated(tok):
            action = "cancelled"
        elif action is None or is_negated(tok):
            continue
        if is_hypothetical(tok, ctx.lex) or under_demand(tok, ctx.lex):
            continue
        if tok.dep_ in ("acl", "xcomp") and tok.head.lemma_.lower() in plan_nouns:
            continue  # "plans to roll out X": not (yet) an event
        if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.pos_ == "ADJ":
            continue  # "it was illegal to set up a system": no event
        if (
            any(a.pos_ == "ADJ" and a.dep_ in ("acomp",) for a in tok.head.children)
            and tok.dep_ == "xcomp"
        ):
            continue
        program = None
        targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if prep_prt is not None:
            targets += [c for c in prep_prt.children if c.dep_ == "pobj"]
        if not targets and tok.i + 1 < len(doc) and ctx.program_at(doc[tok.i + 1]) is not None:
            targets.append(doc[tok.i + 1])  # "scrapped FaceIn, a ... app": a parse gone astray
        for x in tok.children:  # "stopped using the software"
            if x.dep_ == "xcomp":
                targets += [c for c in x.children if c.dep_ == "dobj"]
            # "walked away from the deal", "pulled out of the merger"
            if prt and x.dep_ == "prep" and x.lower_ in ("from", "of"):
                targets += [c for c in x.children if c.dep_ == "pobj"]
        if action == "cancelled":  # "scrapped plans to roll out X"
            for t in list(targets):
                if t.lemma_.lower() in plan_nouns:
                    for a in t.children:
                        if a.dep_ in ("acl", "relcl"):
                            targets += [c for c in a.children if c.dep_ == "dobj"]
        for t in list(targets):  # "took ClassPulse offline": the parse's object is "offline"
            if t.lower_ in ("offline", "online"):
                targets += [c for c in t.children if c.dep_ in ("compound", "nmod", "amod")]
        for t in list(targets):  # "pulled the plug on StaffSense"
            if t.lower_ == "plug":
                for prep in [*t.children, *tok.children]:
                    if prep.dep_ == "prep" and prep.lower_ == "on":
                        targets += [p for p in prep.children if p.dep_ == "pobj"]
        for t in list(targets):  # "suspended the use of FlowMetrics"
            if t.lemma_.lower() in USE_NOUNS:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        targets += [p for p in prep.children if p.dep_ == "pobj"]
        if tok.dep_ == "relcl" and any(t.lower_ in ("which", "that") for t in targets):
            targets.append(_antecedent(tok))  # "X, which Pemberton introduced in January"
        if tok.dep_ in ("acl", "relcl", "amod") and not targets:
            targets.append(tok.head)
        if not targets and tok.dep_ == "conj":
            # "a platform that Clearpath built in-house and rolled out in 2023", "built and
            # rolled out X": the verb shares what the verb before it acts on
            head = tok.head
            targets = [
                c for c in head.children if c.dep_ == "dobj" and c.lower_ not in ("which", "that")
            ]
            if not targets and head.dep_ == "relcl":
                targets.append(_antecedent(head))
        if not targets and tok.dep_ == "advcl" and tok.tag_ == "VBN":
            # "Introduced at the Lesquin site in 2024, it relies on ...": the main subject
            targets = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not targets:  # intransitive: "The MCI program launched"
            targets = [c for c in tok.children if c.dep_ == "nsubj"]
        for t in list(targets):
            # "switched part of its system back on": the program a part is of
            if t.lemma_.lower() in ("part", "portion", "element", "parts", "some", "most"):
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        targets += [p for p in prep.children if p.dep_ == "pobj"]
            # "let its contract for a rival product, NetWarden, lapse": what the deal was for
            if t.lemma_.lower() in DEAL_NOUNS:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("for", "on", "covering"):
                        targets += [p for p in prep.children if p.dep_ == "pobj"]
        for t in targets:
            # "dropped a similar trial, CampusPulse,": the name beside the noun
            named = next(
                (a for a in t.children if a.dep_ == "appos" and ctx.program_at(a) is not None),
                None,
            )
            if named is None and t.dep_ == "appos" and ctx.program_at(t.head) is not None:
                named = t.head  # "TeamLens, a smartphone app Tallgrass launched in 2021"
            program = ctx.program_ref(named if named is not None else t)
            if program:
                break
        if not program and action != "launched":
            program = _planned_event(ctx, targets)
        if not program:
            continue
        s, e = evidence(tok.sent)
        if action == "cancelled" and _for_now(tok):
            action = "paused"  # "pulled the plug on RouteGuard, at least for now"
        fields = {"program": program, "action": action}
        d = first_date(tok.sent, tok)
        if d is not None:
            fields["date"] = d
        out.append(RawFact("status", fields, s, e, 0.75))
    # "there will be no follow-on to Maven": end of a program without a verb
    for sent in ctx.sents:
        if re.search(r"\bno (?:follow-on|renewal|extension)\b", sent.text, re.I):
            progs = ctx.programs_in(sent)
            if progs:
                s, e = evidence(sent)
                out.append(
                    RawFact("status", {"program": progs[0], "action": "cancelled"}, s, e, 0.6)
                )
    return out + _in_use_since(ctx)


IN_USE_VERBS = {"use", "run", "operate", "deploy", "have", "test", "trial", "pilot"}
PLACE_NOUNS = {"city", "town", "county", "village", "municipality", "borough", "suburb"}
DEAL_NOUNS = {"contract", "licence", "license", "subscription", "agreement", "deal"}


def _in_use_since(ctx: Context) -> list[RawFact]:
    """ "the remote-exam software it had used since 2024", "ProctorLens, in use since March
    2023": a program in use since a date was launched then."""
    out: list[RawFact] = []
    doc = ctx.doc
    tracking = ctx.lex.set("tracking_strong")
    for tok in tokens(doc):
        if tok.lower_ != "since":
            continue
        # "Since November, Tesselate has been recording every call under Project Mirror"
        ongoing = tok.head.lemma_.lower() in tracking and any(
            c.dep_ == "aux" and c.lower_ == "been" for c in tok.head.children
        )
        if tok.head.lemma_.lower() not in IN_USE_VERBS | {"use"} and not ongoing:
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ != "DATE":
            continue
        verb = tok.head
        if is_negated(verb):
            continue
        program = None
        if verb.dep_ in ("relcl", "acl"):
            program = ctx.program_ref(verb.head)
            if program is None and verb.head.dep_ == "appos":
                p = ctx.program_at(verb.head.head)
                program = p.name if p is not None else None
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if program is None and obj is not None:
            program = ctx.program_ref(obj)
            # "had been testing a module called Inkomenscheck since September"
            named = next((ctx.program_at(t) for t in obj.subtree if ctx.program_at(t)), None)
            program = program or (named.name if named is not None else None)
        if program is None and ongoing:
            # what it runs under, not who runs it ("Veltro has been recording ... under a
            # program called Project Echo", whatever NER made of Veltro)
            subj = {c.i for c in verb.children if c.dep_ == "nsubj"}
            found = [
                p.name
                for p in ctx.programs
                if tok.sent.start <= p.start < tok.sent.end
                and not any(p.start <= i < p.end for i in subj)
            ]
            program = found[0] if found else None
        if program is None:
            continue
        ent = next((e for e in sent_ents(tok.sent) if e.start <= pobj.i < e.end), None)
        s, e = evidence(tok.sent)
        fields: dict[str, object] = {"program": program, "action": "launched"}
        if ent is not None:
            fields["date"] = DateText(f"since {ent.text}")
        out.append(RawFact("status", fields, s, e, 0.55))
    return out


def _spans_in(sent: Span, label: str) -> list[Span]:
    return [
        s
        for s in sent.doc.spans.get(SPANS_KEY, [])
        if s.label_ == label and sent.start <= s.start < sent.end
    ]


def _inside_longer(s: Span, spans: list[Span], *, same_head_too: bool = True) -> bool:
    """``s`` lies inside a longer span of ``spans`` ("email" of "email addresses")."""
    return any(
        o.start <= s.start
        and s.end <= o.end
        and len(o) > len(s)
        and (same_head_too or s.root.i != o.root.i)
        for o in spans
    )


def _data_spans(sent: Span) -> list[Span]:
    spans = _spans_in(sent, "DATA")
    return [s for s in spans if not _inside_longer(s, spans)]  # "email addresses", not "email"


# words before a group that say how many, not who ("many employees")
QUANTITY_WORDS = {"many", "some", "most", "several", "few", "other", "more", "all", "individual"}


def _subject_phrase(tok: Token) -> str:
    """The watched group with its own modifiers, plural: "sanitation crews", "warehouse
    workers" (a fuller phrase matches the plain noun too, never the other way round)."""
    doc, words = tok.doc, [plural(tok.lower_)]
    if tok.lemma_.lower() == "member" and doc[tok.i + 1 : tok.i + 2].text == "of":
        return f"members of {doc[tok.i + 2].lower_}" if tok.i + 2 < len(doc) else words[0]
    j = tok.i - 1
    while (
        j >= 0
        and len(words) < 3
        and doc[j].head.i == tok.i
        and doc[j].dep_ in ("compound", "amod")
        and doc[j].pos_ in ("NOUN", "ADJ")
        and doc[j].is_lower
        and doc[j].lower_ not in QUANTITY_WORDS  # "many employees" are employees
        and not (j >= 1 and doc[j - 1].lower_ == "how")  # "for how long staff were at"
    ):
        words.insert(0, doc[j].text)
        j -= 1
    return " ".join(words)


def _fuller(phrase: str, named: Counter[str]) -> str:
    """The story's fuller name for a watched group: "support agents" for "agents" (a fuller
    phrase matches the plain noun too, never the other way round)."""
    longer = [p for p in named if p.endswith(" " + phrase)]
    return max(longer, key=lambda p: (named[p], len(p))) if longer else phrase


def _subject_spans(sent: Span) -> list[Span]:
    spans = _spans_in(sent, "SUBJECT")
    # "crew members", not also the "crew" that only modifies it ("delivery drivers" are
    # drivers all the same)
    return [s for s in spans if not _inside_longer(s, spans, same_head_too=False)]


WORKERS = {
    "employee",
    "staff",
    "worker",
    "driver",
    "courier",
    "engineer",
    "agent",
    "nurse",
    "colleague",
    "contractor",
    "staffer",
    *("rider", "carer", "picker", "associate", "cashier", "crew", "paralegal", "student"),
    *("pupil", "servant", "officer", "housekeeper", "trader", "teacher", "member"),
    *("moderator", "consultant", "freelancer", "cleaner", "guard", "teller", "clerk"),
    *("caregiver", "lecturer"),
}
ENROL_VERBS = {"enrol", "enroll"}  # people enrolled are pupils or members, data is taken
GENERIC_WORKERS = {"workers", "employees", "staff", "colleagues", "staffers", "worker"}
DATA_HOLDERS = {
    "dashboard",
    "log",
    "record",
    "report",
    "score",
    "profile",
    "indicator",
    "statistic",
    "metric",
}


DISPUTING_VERBS = {"deny", "dispute", "reject", "refute", "contest"}


def _unreal(v: Token) -> bool:
    """Negated, conditional, wished-for or denied ("disputed that the system collects
    biometric data"); "can"/"could" (capability) still counts."""
    if v.dep_ == "ccomp" and v.head.lemma_.lower() in DISPUTING_VERBS:
        return True
    for t in (v, v.head):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in ("would", "might", "may", "should"):
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
    return False


def _quoted_tokens(doc) -> set[int]:  # type: ignore[no-untyped-def]
    """Tokens inside quotation marks: speech and scare quotes ("customer friendliness")."""
    out: set[int] = set()
    for m in re.finditer(r"[“\"‘]([^“”\"‘’\n]{1,60})[”\"’]", text_of(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and len(span) <= 4:
            out.update(range(span.start, span.end))
    for q in doc._.quotes or []:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _speech_tokens(doc) -> set[int]:  # type: ignore[no-untyped-def]
    out: set[int] = set()
    for q in doc._.quotes or []:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _based_on(ctx: Context) -> list[RawFact]:
    """ "attendee attention tracking, a feature based on window focus"."""
    out = []
    for t in tokens(ctx.doc):
        if t.lower_ != "based" or t.dep_ not in ("acl", "amod"):
            continue
        program = ctx.program_ref(t.head) or (
            ctx.program_at(t.head.head).name
            if t.head.dep_ == "appos" and ctx.program_at(t.head.head)
            else None
        )
        if not program:
            continue
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        s, e = evidence(t.sent)
                        out.append(
                            RawFact(
                                "collects",
                                {"program": program, "data": chunk_text(ctx.doc, p)},
                                s,
                                e,
                                0.6,
                            )
                        )
    return out


def _counted(o: Token) -> bool:
    """A number inside the phrase ("5,000 signatures", "the attendance of 2,000 staff"), not
    in an aside about it ("idle time – any spell of more than 90 seconds")."""
    aside = {
        t.i for c in o.children if c.dep_ in ("appos", "relcl", "acl", "punct") for t in c.subtree
    }
    return any(t.like_num for t in o.subtree if t.i not in aside)


def _not_the_data(tok: Token, verb_ids: set[int]) -> bool:
    """What is missing ("a spell without keyboard activity") or where it came from
    ("gathered from other websites"), not what is kept."""
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in ("without", "except", "besides", "from"):
            return True
        if a.i in verb_ids:
            return False
    return False


def _hangs_on(tok: Token, verb_ids: set[int], tracking: frozenset[str]) -> bool:
    """The data noun is governed by a tracking verb (directly, through "of"/"on", a list),
    is described by one ("video gathered by drones"), or fills a dashboard/report."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in tracking:
            return True
    if tok.dep_ == "nsubj":
        return False  # "internal emails ... showed": the data does something, nobody gathers it
    t = tok
    for _ in range(6):
        if t.head is t:
            return False
        t = t.head
        if t.lower_ in ("including", "like", "such", "as"):
            continue  # "classed time away from the screen, including toilet breaks"
        if t.pos_ in ("VERB", "AUX"):
            return t.i in verb_ids
        if t.pos_ == "NOUN" and t.lemma_.lower() in DATA_HOLDERS:
            return True
        if t.pos_ == "NOUN" and any(
            c.dep_ == "acl" and c.lemma_.lower() in tracking for c in t.children
        ):
            return True  # "quantities of video gathered by drones"
    return False


def _with_of(  # type: ignore[no-untyped-def]
    doc, o: Token, text: str, people: set[str] | frozenset[str] = frozenset()
) -> str:
    """Keep a short "of"-complement: "symptoms of illness", "images of people's faces"."""
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == o.i + 1:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                return text
            if pobj.lower_ in ("everyone", "everybody", "anyone") or (
                pobj.lemma_.lower() in people
                and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in pobj.children)
            ):
                return text  # "the face of every student": whose, not what kind
            end, most = pobj.i + 1, 4
            for x in pobj.rights:  # stop before "and their diagnoses"
                if x.dep_ not in ("cc", "conj"):
                    end = max(end, x.right_edge.i + 1)
                elif x.dep_ == "conj" and _of_pair(doc, x.i, list(pobj.subtree)):
                    end, most = x.i + 1, 5  # "the time of every entry and exit": one of-part
            if end - c.i <= most:
                return text + " " + doc[c.i : end].text
            if pobj.i + 1 - c.i <= 4:  # "the content of the chats between riders and ..."
                return text + " " + doc[c.i : pobj.i + 1].text
    return text


def _along_with(verb: Token) -> list[Token]:
    """The "with" of "along with" / "together with" on the verb."""
    found = []
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "along":  # parsed "along" -> "with"
            found += [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].lower_ in ("along", "together"):
            found.append(c)
    return found


def _objects(verb: Token, people: frozenset[str] = frozenset()) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if is_passive(verb):  # "the length of each break is logged": the parser's nsubj, which
        # it may hang on the auxiliary
        for head in (verb, *(c for c in verb.children if c.dep_ == "auxpass")):
            objs += [c for c in head.children if c.dep_ == "nsubj"]
    # "the snapshots it captured": the relative clause's antecedent is its object
    if (
        not objs
        and verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and any(
            c.dep_ == "nsubj" and c.i < verb.i and c.lower_ not in ("that", "which", "who")
            for c in verb.children
        )
    ):
        objs = [verb.head]
    if objs:  # "logs their GPS location, along with their speed": more of what it keeps
        # (not a person: "along with their supervisor" is company, not data)
        objs += [
            p
            for w in _along_with(verb)
            for p in w.children
            if p.dep_ == "pobj" and not p.ent_type_ and p.lemma_.lower() not in people
        ]
    # "kept tabs on X" names the data; "analysed their tone on calls" only says where
    preps = ("of",) if objs else ("of", "on")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs += [p for p in c.children if p.dep_ == "pobj"]
    more = []
    for o in objs:
        more += [c for c in o.conjuncts]
    for o in objs + list(more):
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    more += [
                        x for x in p.conjuncts if any(d.dep_ in ("det", "poss") for d in x.children)
                    ]
        for c in o.children:  # "each of those scans"
            if c.dep_ == "prep" and c.lower_ == "of" and o.lower_ in ("each", "all", "some", "any"):
                more += [p for p in c.children if p.dep_ == "pobj"]
    return objs + more


# Verbs whose object list is read linearly as well as through the parse: the small model
# often breaks "recorded drivers' GPS location, speed and harsh braking" into pieces.
LIST_VERBS = {
    *("record", "log", "track", "collect", "capture", "measure", "monitor", "gather", "read"),
    *("scan", "analyse", "analyze", "comb", "store", "trawl", "sift", "harvest"),
}
_LIST_END_PREPS = {
    *("on", "across", "during", "via", "through", "using", "with", "from", "over", "while"),
    *("alongside", "without", "for", "against", "to", "into", "at"),
}
REPORTING_VERBS = {"say", "tell", "add", "report", "find", "state", "conclude", "announce", "write"}
_ITEM_SKIP_START = {"the", "a", "an", "their", "its", "his", "her", "our", "your", "whether"}
_ITEM_SKIP_START |= {"any", "all"}  # "any hard-braking events" (but "each scan" is an alias)


# words that make a phrase people with the subjects lexicon ("crew members")
PEOPLE_WORDS = {"crew", "member", "members"}


def _anaphoric(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("those", "these") for c in tok.children)


def _of_pair(doc, k: int, item: list[Token]) -> bool:  # type: ignore[no-untyped-def]
    """The word at ``k`` is a bare second object of an "of" in the item ("the time of every
    entry and exit"): the item goes on."""
    if k >= len(doc):
        return False
    t = doc[k]
    head = t.head
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return (
        t.dep_ == "conj"
        and not list(t.children)
        # "... of their desktops and logs of their keystrokes": a new item with its own "of"
        and (nxt is None or nxt.is_punct or nxt.lower_ in ("and", "or"))
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head in item
    )


def _list_after(
    doc,
    v: Token,
    subjects_lex: set[str],
    data_ends: dict[int, int],  # type: ignore[no-untyped-def]
    not_data: frozenset[str] = frozenset(),
) -> list[str]:
    """Items of the list right after a tracking verb, up to the end of its clause:
    "recorded their GPS location, the time spent in each client's home and the distance
    driven between visits" -> three items. A kind of data from the lexicon is one item
    whatever the tagger made of it ("chat messages" with "chat" read as a verb)."""
    items: list[list[Token]] = [[]]
    j = v.i + 1
    sent_end = v.sent.end
    in_rel = False  # inside "the time that passes between scans"
    bare: set[int] = set()  # list words the tagger took for verbs
    if j < sent_end and doc[j].pos_ == "ADP" and doc[j].lower_ != "of":
        return []  # "analysed for signs of ...": no object list follows
    while j < sent_end:
        t = doc[j]
        if j in data_ends and not in_rel:
            end = min(data_ends[j], sent_end)
            items[-1].extend(doc[j:end])
            j = end
            continue
        sep = _list_separator(doc, j, sent_end)
        if sep and not items[-1] and len(items) > 1 and doc[j - 1].text == ",":
            j += sep  # "..., as well as screen recordings": the next item follows
            in_rel = False
            continue
        if t.pos_ == "SCONJ" or (
            t.lower_ in _LIST_END_PREPS
            and not in_rel
            and items[-1]
            and items[-1][-1].pos_ == "NOUN"
        ):
            break  # "web searches on district-issued Chromebooks": where or how, not what
        if t.text in (".", ";", ":", "(", "—", "–"):
            break
        if t.lower_ in ("which", "who", "that"):
            if not items[-1] or in_rel:
                break
            in_rel = True
        if (
            items[-1]
            and not in_rel
            and t.pos_ == "PRON"
            and j + 1 < sent_end
            and doc[j + 1].pos_ in ("VERB", "AUX")
        ):
            in_rel = True  # "the time and place it was seen": a clause on the item
        if items[-1] and not in_rel and t.dep_ == "nsubj" and t.head.dep_ == "relcl":
            in_rel = True  # "the source code employees had written": a clause on the item
        sep = _list_separator(doc, j, sent_end)
        if sep and items[-1] and not in_rel:
            items.append([])  # "make and color along with the time"
            j += sep
            continue
        if not items[-1] and t.ent_type_ in ("DATE", "TIME"):
            k = j
            while k < sent_end and doc[k].ent_type_ in ("DATE", "TIME"):
                k += 1
            if k < sent_end and doc[k].lower_ == "of":
                j = k + 1  # "eight years of staff email archives": how much, not what
                continue
        if (t.is_quote and t.tag_ != "POS") or t.ent_type_ in ("DATE", "TIME"):
            break  # (a possessive apostrophe is no quotation mark: "students' school email")
        if (
            not items[-1]
            and t.tag_ == "VBG"
            and j + 1 < sent_end
            and doc[j + 1].pos_ == "NOUN"
            and doc[j + 1].dep_ in ("dobj", "compound", "conj")
        ):
            items[-1].append(t)  # "typing speed": the small model parses a verb
            j += 1
            continue
        if not in_rel and items[-1] and t.tag_ in ("VBD", "VBN") and t.dep_ in ("relcl", "acl"):
            in_rel = True  # "the time each person spent in different applications"
        bare_item = (  # "its plate, make and color": a list word the tagger took for a verb
            t.pos_ == "VERB"
            and t.is_lower
            and not items[-1]
            and len(items) >= 2
            and doc[j - 1].lower_ in (",", "and", "or")
            and j + 1 < sent_end
            and (
                doc[j + 1].lower_ in (",", "and", "or", ".")
                or _list_separator(doc, j + 1, sent_end)
            )
        )
        if bare_item:
            items[-1].append(t)
            bare.add(t.i)
            j += 1
            continue
        if (
            not in_rel
            and items[-1]
            and items[-1][-1].pos_ in ("PROPN", "NOUN")
            and t.is_lower
            and t.tag_ in ("VBP", "VB")
            and j + 1 < sent_end
            and doc[j + 1].tag_ == "NNS"
        ):
            items[-1].append(t)  # "Microsoft Teams chat logs": the tagger's verb "chat"
            j += 1
            continue
        if not in_rel and (
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.pos_ == "VERB" and t.tag_ == "VBG")
        ):
            if t.lemma_.lower() in REPORTING_VERBS and items[-1]:
                items.pop()  # ", the watchdog said": who reports, not what is logged
            break  # the next clause: ", took a screenshot", ", turning it into"
        if t.text == "," or t.lower_ in ("and", "or"):
            if t.lower_ in ("and", "or") and _of_pair(doc, j + 1, items[-1]):
                items[-1].append(t)  # "the time of every entry and exit": one item
                j += 1
                continue
            in_rel = False
            if items[-1]:
                items.append([])
            j += 1
            continue
        items[-1].append(t)
        j += 1
    if not items:
        return []  # "logs, the watchdog said": the one item was who reports
    head_part = next(  # the first item's own words, before its "of" part
        (items[0][:k] for k, t in enumerate(items[0]) if t.lower_ == "of" and k > 0),
        items[0],
    )
    if items and items[0] and any(t.lemma_.lower() in not_data for t in head_part):
        return []  # "gathered 2,300 signatures, and 146 people signed up": no data list
    kind_tokens = {i for start, end in data_ends.items() for i in range(start, end)}
    out = []
    for toks in items:
        while toks and (
            toks[0].lower_ in _ITEM_SKIP_START
            or toks[0].like_num  # "About 3.9 million screenshots": the data, not the count
            or toks[0].lower_ in ("about", "some", "roughly", "nearly", "around", "over")
            or toks[0].dep_ == "poss"
            or toks[0].tag_ == "POS"
            or toks[0].text in ("'", "’")
        ):
            toks = toks[1:]
        if not toks or len(toks) > 7:
            continue
        if (
            toks[0].i in data_ends
            and data_ends[toks[0].i] == toks[-1].i + 1
            or (len(toks) == 1 and toks[0].i in bare)
        ):
            out.append(doc[toks[0].i : toks[-1].i + 1].text)  # a kind from the lexicon
            continue
        nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
        if not nouns or (
            toks[0].pos_ not in ("NOUN", "PROPN", "ADJ", "DET")
            and not (
                toks[0].dep_ == "amod" and toks[0].tag_ in ("VBN", "VBG")
            )  # "shared documents"
        ):
            continue
        has_kind = any(t.i in kind_tokens for t in toks)  # "Microsoft Teams chat logs"
        if any(
            t.ent_type_ in ("PERSON", "GPE", "CARDINAL", "MONEY")
            or (t.ent_type_ == "ORG" and not has_kind)
            for t in toks
        ):
            continue
        if toks[-1].pos_ in ("ADP", "DET", "CCONJ"):
            continue
        text = doc[toks[0].i : toks[-1].i + 1].text
        low = text.lower()
        # people, not what is taken from them ("staff email archives" is data)
        k = nouns[0].i  # past the people words ("crew members' accounts": whose)
        while k <= toks[-1].i and (
            doc[k].lemma_.lower() in subjects_lex or doc[k].lower_ in subjects_lex | PEOPLE_WORDS
        ):
            k += 1
        person_head = k > nouns[0].i and (
            k > toks[-1].i or doc[k].tag_ == "POS" or doc[k].pos_ not in ("NOUN", "PROPN")
        )
        if low in GENERIC_DATA or person_head:
            continue
        if nouns[0].lemma_.lower() in GENERIC_DATA_HEADS and len(toks) == 1:
            continue
        out.append(text)
    return out if len(out) >= 2 else []


class ListWords(NamedTuple):
    """What the list reader needs to know of a document's words: the people words, where
    each lexicon kind of data ends, and the nouns that are no data."""

    subjects: set[str]
    data_ends: dict[int, int]
    not_data: frozenset[str]

    def items(self, doc: Doc, start: Token) -> list[str]:
        return _list_after(doc, start, self.subjects, self.data_ends, self.not_data)


def _colon_lists(ctx: Context, quoted: set[int], reader: ListWords) -> list[RawFact]:
    """ "It copied material from staff computers into a training dataset: chat messages,
    emails and screen recordings": a list after a colon or dash spells out what a
    program's verb took (verbs ``list_intro_verbs``)."""
    doc, out = ctx.doc, []
    intro = ctx.lex.set("list_intro_verbs")
    for t in tokens(doc):
        if t.text not in (":", "—", "–") or t.i in quoted or t.i == 0:
            continue
        if doc[t.i - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        before = doc[t.sent.start : t.i]
        if not any(
            v.pos_ == "VERB" and v.lemma_.lower() in intro and not is_negated(v) for v in before
        ):
            continue
        program = (ctx.programs_in(t.sent) or [None])[0] or ctx.recent_program(t.i)
        if not program:
            continue
        s, e = evidence(t.sent)
        for text in reader.items(doc, t):
            out.append(RawFact("collects", {"program": program, "data": text}, s, e, 0.5))
    return out


def _drawn_on(ctx: Context, quoted: set[int], reader: ListWords) -> list[RawFact]:
    """ "TwinDesk draws on the advisers' email archives, their calendars and ...", "It fed
    staff email archives and recorded calls into models": the list after a phrase of
    ``source_phrases`` is the material a program takes."""
    doc, out = ctx.doc, []
    phrases = [p.split() for p in ctx.lex.words.get("source_phrases", [])]
    for t in tokens(doc):
        if t.pos_ != "VERB" or t.i in quoted or is_negated(t) or _unreal(t):
            continue
        for words in phrases:
            if t.lemma_.lower() != words[0]:
                continue
            rest = doc[t.i + 1 : t.i + len(words)]
            if [x.lower_ for x in rest] != words[1:]:
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            program = ctx.program_ref(subj) if subj is not None else None
            if program is None and (subj is None or subj.pos_ == "PRON" or subj.ent_type_ == "ORG"):
                program = ctx.recent_program(t.i)  # "Kestrel launched Atlas. It fed ..."
            if program is None:
                continue
            s, e = evidence(t.sent)
            start = doc[t.i + len(words) - 1]
            for text in reader.items(doc, start):
                out.append(RawFact("collects", {"program": program, "data": text}, s, e, 0.5))
    return out


_LIST_SEPARATORS = (("along", "with"), ("together", "with"), ("as", "well", "as"))


def _list_separator(doc, j: int, end: int) -> int:  # type: ignore[no-untyped-def]
    """Length of a phrase that joins list items like "and" ("along with", "as well as")."""
    for words in _LIST_SEPARATORS:
        k = j + len(words)
        if k <= end and tuple(t.lower_ for t in doc[j:k]) == words:
            return len(words)
    return 0


def _scores(ctx: Context, quoted: set[int]) -> list[RawFact]:
    """Per-person scores a program produces are data it holds about them: "producing an
    'empathy score' and a 'stress index'", "gives each of them a weekly sentiment score",
    "ranking workers by a so-called 'focus score'"."""
    doc, lex = ctx.doc, ctx.lex
    verbs, nouns = lex.set("score_verbs"), lex.set("score_nouns")
    out: list[RawFact] = []
    for tok in tokens(doc):
        if tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN":
            continue
        node = tok
        while node.dep_ == "conj":
            node = node.head
        gov = node.head
        if node.dep_ == "pobj" and gov.lower_ in ("by", "into"):
            gov = gov.head  # "ranking workers by a 'focus score'", "combines them into a score"
        if node.dep_ not in ("dobj", "pobj", "dative") or gov.lemma_.lower() not in verbs:
            continue
        if is_negated(gov) or _unreal(gov):
            continue
        program = ctx.program_ref(gov) if gov.dep_ in ("relcl", "acl") else None
        program = program or (ctx.programs_in(tok.sent) or [None])[0]
        program = program or ctx.current_program(tok.i)
        if not program:
            continue
        left = tok.i
        while left > tok.left_edge.i and (
            doc[left - 1].dep_ in ("compound", "amod", "nmod")
            # "conduct-risk score": a hyphenated modifier stays whole
            or doc[left - 1].text == "-"
            and not doc[left - 1].whitespace_
            and left - 2 >= 0
        ):
            left -= 1
        text = doc[left : tok.i + 1].text.strip("'‘’\"“” ")
        text = re.sub(r"^(?:so-called|weekly|daily|monthly|individual|personal)\s+", "", text)
        text = re.sub(r"[\"“”‘’']", "", text).strip()
        if len(text.split()) < 2 or len(text.split()) > 5:
            continue  # a bare "score" names nothing
        s, e = evidence(tok.sent)
        out.append(RawFact("collects", {"program": program, "data": text}, s, e, 0.55))
    return out


# countable kinds of data are named in the plural ("a screenshot every five minutes" ->
# screenshots), as a reader lists what a program collects
# the form a kind of data is kept in, after the kind ("fingerprint templates", "plate reads")
DATA_FORM_NOUNS = {
    *("template", "scan", "read", "reading", "record", "log", "image", "photo", "number"),
    *("snapshot", "clip", "recording", "data", "history", "histories", "print", "sample"),
}
COUNTABLE_DATA = {
    *("keystroke", "screenshot", "email", "photo", "photograph", "image", "face"),
    *("message", "recording", "voiceprint", "mouse click", "click", "chat message", "call"),
    *("phone call", "search", "web search", "transcript", "call recording"),
}
_QUANTITY_RE = re.compile(
    r"^(?:(?:about|around|some|roughly|nearly|almost|over|more than|up to|at least|both|"
    r"hundreds of|thousands of|millions of)\s+)*(?:[\d.,]+\s*(?:million|billion|thousand|m|bn|k)?\s+)?",
    re.I,
)


def _on_what(obj: Token, verb: Token) -> str | None:
    """ "captured everything on their screens" -> "everything on their screens"."""
    doc = obj.doc
    for p in [*obj.children, *verb.children]:
        if p.dep_ == "prep" and p.lower_ in ("on", "in") and p.i > obj.i:
            pobj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return f"{obj.text} {doc[p.i : pobj.i + 1].text}"
    return None


def _device_products(
    verb: Token, products: dict[str, dict[str, str]], subjects: set[str]
) -> list[str]:
    """What recording people through a device makes: "recorded students through their
    webcams and microphones" -> webcam recordings, microphone recordings (rules
    ``device_products``)."""
    made = products.get("verbs", {}).get(verb.lemma_.lower())
    if made is None:
        return []
    devices = products.get("devices", {})
    out = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("through", "via", "using", "with", "on"):
            continue
        for pobj in (c for c in p.children if c.dep_ == "pobj"):
            for d in [pobj, *pobj.conjuncts]:
                device = devices.get(d.lemma_.lower())
                if device:
                    out.append(f"{device} {made}")
    # "a program that photographs travellers as they board": the photographs it takes
    if (
        not out
        and made in ("photographs", "video")
        and verb.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in subjects for c in verb.children)
    ):
        out.append(made)
    return out


def _tracking_past(word: str, tracking: frozenset[str]) -> bool:
    """ "analyzed", "flagged", "logged": the past of a tracking verb."""
    low = word.lower()
    if not low.endswith("ed"):
        return False
    stems = {low[:-2], low[:-1], low[:-3]}  # "scored", "analyzed", "flagged"
    return any(s in tracking for s in stems)


def _past_verb_read_as_adjective(data: str, sentence: str, tracking: frozenset[str]) -> str:
    """The small model reads a second verb as an adjective on the data after it: "collected
    and analyzed posts" is posts; in "logging posts and likes, and flagged content" the verb
    starts a new clause, and what it flagged is no kind of data it collects."""
    first, _, rest = data.partition(" ")
    if not rest or not _tracking_past(first, tracking):
        return data
    before = re.search(rf"(\w+)([,\"”’']*)\s+and\s+{re.escape(data)}", sentence)
    if before and _tracking_past(before.group(1), tracking):
        return rest
    if before and "," in before.group(2):
        return ""
    return data  # "stores flagged messages": the messages it flagged


CATEGORY_DATA = {"biometric data", "biometric information", "biometrics", "personal data"}


@cache  # once per lexicon, not per document
def _lower_kinds(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k.lower() for k in kinds)


def _shared_modifiers(  # type: ignore[no-untyped-def]
    doc, facts: list[RawFact], kinds: frozenset[str], tracking: frozenset[str]
) -> None:
    """ "keyboard and mouse activity", "eye and eyelid movements", "clock-in and clock-out
    times": two modifiers share one head, so the whole phrase is one kind of data (not
    "keyboard" and "mouse activity"). The parser shows it: the first modifier hangs on the
    head after the "and". A modifier that is a kind of its own ("location and browsing
    history") stays apart."""
    text = text_of(doc)
    drop: set[int] = set()
    by_sentence: dict[tuple[int, int], list[RawFact]] = defaultdict(list)
    for f in facts:
        if f.type == "collects":
            by_sentence[(f.start, f.end)].append(f)
    for (s, e), group in by_sentence.items():
        sent = doc.char_span(s, e, alignment_mode="expand")
        if sent is None:
            continue
        for f in group:
            at = text.find(f.fields["data"], s, e)
            span = doc.char_span(at, at + len(f.fields["data"])) if at >= 0 else None
            if span is None:
                continue
            head = span[-1]
            for a in doc[sent.start : span.start]:
                first = a  # the whole hyphenated word ("clock-in")
                while first.i - 2 >= sent.start and doc[first.i - 1].tag_ == "HYPH":
                    first = doc[first.i - 2]
                parsed = (
                    a.head.i == head.i
                    and a.dep_ in ("nmod", "compound", "amod")
                    and a.i + 1 < span.start
                    and all(
                        t.head.i in (head.i, a.i) and t.pos_ in ("NOUN", "PROPN", "ADJ")
                        for t in doc[a.i + 2 : span.start]
                    )
                )
                # the small parser often loses it; then the words say it: one modifier
                # word, not a list's last item, right before "and mouse activity"
                written = (
                    a.i == span.start - 2
                    and len(span) >= 2
                    and span[0].pos_ in ("NOUN", "PROPN", "ADJ")
                )
                before = doc[first.i - 1] if first.i > sent.start else None
                # one modifier word, not the last item of a list ("dates of birth and home
                # addresses", "names, speed and GPS location")
                alone = (
                    before is None
                    or (before.pos_ in ("VERB", "AUX") and before.dep_ not in ("amod", "compound"))
                    or before.lemma_.lower() in tracking  # "records" the tagger took for a noun
                    or before.pos_ in ("DET", "PRON")
                    or before.tag_ in ("POS", "PRP$")
                    or (before.pos_ == "ADP" and before.lower_ != "of")
                )
                # "the van's speed and GPS location": a kind of its own after "and"
                own_kind = (
                    span.text.lower() in kinds and f"{a.text} {head.text}".lower() not in kinds
                )
                short = len(span.text.split()) <= 3  # not "logs every instance of hard braking"
                if not (
                    (parsed or written)
                    and short
                    and alone
                    and not own_kind
                    and a.tag_ in ("NN", "NNP", "JJ")
                    and doc[a.i + 1].lower_ in ("and", "or")
                ):
                    continue
                modifier = doc[first.i : a.i + 1].text
                if modifier.lower() in kinds:
                    break
                f.fields["data"] = doc[first.i : head.i + 1].text
                # "keyboard" read alone as well is part of the phrase now
                drop |= {
                    id(g)
                    for g in group
                    if g is not f
                    and g.fields["program"] == f.fields["program"]
                    and g.fields["data"].lower() == modifier.lower()
                }
                break
    facts[:] = [f for f in facts if id(f) not in drop]


def _people_not_data(data: str, subjects: set[str]) -> bool:
    words = data.lower().split(" of ")[0].split()
    return len(words) <= 3 and words[0] not in WH_WORDS and words[-1] in subjects


WH_WORDS = {"how", "when", "where", "what", "which", "who", "whom", "whether", "why"}


_HOW_OFTEN_RE = re.compile(r"^in (?:\w+ )?(?:cases?|instances?),?\s+", re.I)


def _data_kind(text: str) -> str:
    """ "About 3.9 million screenshots" -> "screenshots"; "screenshot" -> "screenshots"."""
    text = _QUANTITY_RE.sub("", text).strip()
    text = _HOW_OFTEN_RE.sub("", text)  # "in some cases, their screenshots": how often
    if text.lower() in COUNTABLE_DATA:
        text += "s"
    return text


# verb forms that are never a kind of data ("scans", "logs", "records" can be)
VERB_ONLY_FORMS = {"transcribes", "captures", "collects", "analyses", "analyzes", "gathers"}
THIRD_PERSON_TRACKING = {
    *("tracks", "logs", "records", "scans", "monitors", "captures", "collects", "measures"),
    *("analyses", "analyzes", "films", "reads", "flags", "stores", "gathers", "transcribes"),
}


def _misparsed_verbs(ctx: Context, quoted: set[int], subjects_lex: set[str]) -> list[RawFact]:
    """ "The tool scans staff emails for signs of discontent": the small model reads the
    whole as one noun phrase. A tracking verb form right after a program reference, tagged
    as a noun, still takes the nouns after it as its data."""
    doc = ctx.doc
    out: list[RawFact] = []
    for t in tokens(doc):
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ not in THIRD_PERSON_TRACKING:
            continue
        if t.i == 0 or t.i in quoted:
            continue
        prev = doc[t.i - 1]
        if prev.text == ",":
            # "the X program, launched in 2022 to ..., scans staff email": the parse made
            # the verb a noun in a list hung on the program; the program comes first
            head = t
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if head.dep_ in ("conj", "appos") and (
                ctx.program_at(head.head) is not None
                or head.head.lemma_.lower() in ctx.generic_program
            ):
                prev = head.head
        program = ctx.program_at(prev).name if ctx.program_at(prev) is not None else None
        if program is None and prev.lemma_.lower() in ctx.generic_program:
            program = ctx.program_ref(prev)
            if program is None and prev.i > 0 and doc[prev.i - 1].lower_ in ("the", "this", "its"):
                program = ctx.current_program(prev.i)  # the parse lost "the tool"
        if program is None:
            continue
        # "scans students' emails, documents, chat messages and web searches for ...": each
        # item of the list up to the first preposition or verb
        items: list[list[Token]] = [[]]
        for x in doc[t.i + 1 : t.sent.end]:
            if x.text == "," or x.lower_ in ("and", "or"):
                items.append([])
                continue
            if (
                not items[-1]
                and x.lower_ in THIRD_PERSON_TRACKING | {"sends", "shares", "matches", "compares"}
                and x.i + 1 < x.sent.end
                and doc[x.i + 1].pos_ in ("NOUN", "ADJ", "DET", "PROPN")
            ):
                break  # "..., and flags keywords tied to ...": the next verb, not an item
            misread = (  # "chat messages", "web browsing history": a noun's modifier
                x.pos_ == "VERB"
                and (not items[-1] or x.dep_ in ("amod", "compound"))
                and x.i + 1 < len(doc)
                and doc[x.i + 1].pos_ == "NOUN"
            )
            if (
                x.is_punct
                and x.text not in ("'", "’", "-")
                or (x.pos_ in _LIST_STOP_POS and not misread)
            ):
                break
            items[-1].append(x)
        s, e = evidence(t.sent)
        for toks in items:
            while toks and (
                toks[0].lower_ in _ITEM_SKIP_START
                or toks[0].lemma_.lower() in subjects_lex
                or toks[0].dep_ == "case"
            ):
                toks = toks[1:]
            if not toks or len(toks) > 4 or toks[-1].pos_ not in ("NOUN", "PROPN"):
                continue
            text = doc[toks[0].i : toks[-1].i + 1].text
            out.append(RawFact("collects", {"program": program, "data": text}, s, e, 0.5))
    return out


_LIST_STOP_POS = ("ADP", "VERB", "AUX", "SCONJ")


def _not_tracking_use(v: Token) -> bool:
    """ "Check the seams", "Follow the instructions" (an imperative), "keep the rain out",
    "keeping its pubs open" (keep with a complement): no program gathers anything here."""
    if v.dep_ == "ROOT" and v.i == v.sent.start and v.tag_ == "VB":
        return True
    return v.lemma_.lower() == "keep" and any(
        c.dep_ in ("prt", "oprd", "acomp", "xcomp", "advcl", "ccomp") or c.lower_ in ("at", "from")
        for c in v.children
    )


CLAUSE_WH_WORDS = ("how", "which", "what", "whether", "when")
ASK_VERBS = {"demand", "require", "request"}
# "..., alongside GPS data showing the route": one more thing gathered, as a noun phrase
ALSO_WORDS = ("alongside", "plus")


def _clause_end(doc, j: int, end: int) -> int:  # type: ignore[no-untyped-def]
    """Where a clause of a list starts at ``j`` ends: the next comma, "and" or stop."""
    while j < end and doc[j].text not in (",", ";", ".", "—") and doc[j].lower_ != "and":
        j += 1
    return j


def _where_is(doc, j: int, k: int) -> bool:  # type: ignore[no-untyped-def]
    """ "where nurses are" names a location; "where riders stop", "where a driver is
    looking" say which places or what, as written."""
    verb = next((t for t in doc[j + 1 : k] if t.pos_ in ("VERB", "AUX")), None)
    return verb is None or (verb.lemma_ == "be" and verb.dep_ != "aux") or k - j > 7


def _clause_items(  # type: ignore[no-untyped-def]
    doc, v: Token, lex: Lexicon, wh_done: bool = False
) -> list[str]:
    """What a program measures, said as clauses: "tracks how long they sit idle between
    calls", "records which window is active and how many keys you hit", "shows how long
    nurses spend in each patient room, how long they spend in break rooms, and how often
    they stop at hand-hygiene stations", "whether they pick up the phone" -> one item per
    clause, as written; "alongside GPS data" after them -> one more item."""
    out: list[str] = []
    j, end = v.i + 1, v.sent.end
    while j < end:
        while j < end and (doc[j].text == "," or doc[j].lower_ in ("and", "or", "also")):
            j += 1
        if j < end and out and [t.lower_ for t in doc[j : j + 3]] == ["as", "well", "as"]:
            # "..., as well as porters' response times to jobs": one more thing, as a noun
            k = _clause_end(doc, j + 3, end)
            heads = [
                t
                for t in doc[j + 3 : k]
                if t.pos_ in ("NOUN", "PROPN") and not j + 3 <= t.head.i < k
            ]
            if heads:
                out.append(chunk_text(doc, heads[0]))
            break
        if j < end and out and doc[j].lower_ in ALSO_WORDS:
            noun = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                out.append(doc[noun.left_edge.i : noun.i + 1].text)
            break
        if j < end and doc[j].lower_ == "where":
            # "recorded where riders stop, how long each stop lasts": the first clause is
            # read by ``_wh_object`` (here too when the tagger made the verb a noun)
            k = _clause_end(doc, j, end)
            if out or not wh_done:
                out.append("location" if _where_is(doc, j, k) else doc[j:k].text)
            j = k
            continue
        if j >= end or doc[j].lower_ not in CLAUSE_WH_WORDS:
            break
        if doc[j].lower_ == "when" and not out and v.lemma_.lower() not in lex.set("when_verbs"):
            break  # "records X when ...": a time, not a thing measured (in a list: an item)
        if doc[j].lower_ == "whether" and v.lemma_.lower() in lex.set("check_verbs"):
            break  # "to check whether students turn up": a purpose, not a measurement
        k = j + 1
        while (
            k < end
            and doc[k].text not in (",", ";", ".", ":", "—", "–", "(")
            and not (
                doc[k].lower_ in ("and", "or")
                and k + 1 < end
                and doc[k + 1].lower_ in (*CLAUSE_WH_WORDS, "where")
            )
        ):
            k += 1
        words = doc[j:k]
        called = re.match(r"what\s+.{1,30}?\s+calls\s+[“\"‘']?([^”\"’']+)", words.text)
        if called:  # "what the company calls “time off task”": the company's own term
            out.append(called.group(1).strip())
        elif doc[j].lower_ in ("how", "whether", "when") or not wh_done:
            clause = doc[j].lower_ in ("how", "whether") or any(
                t.pos_ in ("VERB", "AUX") for t in words
            )
            if 3 <= len(words) <= 14 and clause:
                # "how long employees at its London headquarters spent at their desks":
                # where the subject sits is not part of what is measured
                drop = {
                    x.i
                    for t in words
                    if t.dep_ == "prep" and t.head.dep_ == "nsubj" and t.head.i in range(j, k)
                    for x in t.subtree
                }
                kept = [t for t in words if t.i not in drop]
                out.append("".join(t.text_with_ws for t in kept[:-1]) + kept[-1].text)
        j = k
    return out


CLAUSE_VERB_FORMS = THIRD_PERSON_TRACKING | {"scores", "shows", "counts", "notes", "times"}


def _clause_objects(ctx: Context, quoted: set[int]) -> list[RawFact]:
    """ "... and tracks how long they sit idle": the tagger often reads a tracking verb
    before a how/which clause as a plural noun; the clause still names what is measured.
    "the data shows how long nurses spend ..." too, when a program is in view."""
    doc, out = ctx.doc, []
    for t in tokens(doc):
        if t.lower_ not in CLAUSE_VERB_FORMS or t.i in quoted or t.i + 1 >= len(doc):
            continue
        if doc[t.i + 1].lower_ not in (*CLAUSE_WH_WORDS, "where"):
            continue
        program = (ctx.programs_in(t.sent) or [None])[0] or ctx.recent_program(t.i)
        if not program:
            continue
        s, e = evidence(t.sent)
        for text in _clause_items(doc, t, ctx.lex):
            out.append(RawFact("collects", {"program": program, "data": text}, s, e, 0.45))
    return out


def _wh_object(doc, v: Token, subjects_lex: set[str]) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """A tracking verb whose object is a clause: "tracks where nurses are" -> location
    (watching nurses); "logs which websites students visit" -> websites (watching students).
    "records which window is active" names no kind of data by itself."""
    j = v.i + 1
    if j + 2 >= v.sent.end or doc[j].lower_ not in ("where", "which", "what"):
        return None, None
    k = j + 1
    words: list[Token] = []
    if doc[j].lower_ != "where":
        while k < v.sent.end and doc[k].is_alpha and doc[k].is_lower and len(words) < 3:
            if doc[k].lemma_.lower() in subjects_lex or doc[k].pos_ in (
                "PRON",
                "AUX",
                "ADP",
                "DET",
            ):
                break
            words.append(doc[k])
            k += 1
        if not words:
            return None, None
    nxt = doc[k] if k < v.sent.end else None
    if nxt is None or not (
        nxt.pos_ in ("NOUN", "PRON", "PROPN") or nxt.lemma_.lower() in subjects_lex
    ):
        return None, None  # the clause has no subject of its own
    who = (
        plural(nxt.lower_)
        if nxt.lemma_.lower() in subjects_lex or nxt.lower_ in subjects_lex
        else None
    )
    if doc[j].lower_ == "where":
        # "where nurses are" is a location; "where riders stop", "where shots were fired"
        # say which places, as written
        k = _clause_end(doc, j + 1, v.sent.end)
        if _where_is(doc, j, k):
            return "location", who
        return doc[j:k].text, who
    return " ".join(w.text for w in words), who


def _kept_an_eye_on(v: Token, subjects_lex: set[str], idiom_nouns: frozenset[str]) -> list[Token]:
    """Who "keep an eye on" / "keep tabs on" / "keep track of" watches."""
    if v.lemma_.lower() != "keep":
        return []
    noun = next((c for c in v.children if c.dep_ == "dobj"), None)
    if noun is None or noun.lower_ not in idiom_nouns:
        return []
    preps = [c for c in (*v.children, *noun.children) if c.dep_ == "prep"]
    return [
        p
        for prep in preps
        if prep.lower_ in ("on", "of")
        for p in prep.children
        if p.dep_ == "pobj" and p.lemma_.lower() in subjects_lex
    ]


def _kind_of_thing(v: Token) -> bool:
    """A clause on a bare noun given as an example ("turn to technology, from software that
    logs keystrokes to cameras that track eye movements"): a kind of thing, no program."""
    head = v.head
    return (
        v.dep_ == "relcl"
        and head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ in ("from", "to", "like", "as")
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def _person_clause(v: Token) -> bool:
    """A subjectless verb ("after scanning ...") in a clause whose subject is the writer."""
    h = v
    for _ in range(4):
        if h.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "pobj", "prep", "ccomp"):
            break
        h = h.head
        subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj.lower_ in ("i", "we", "you")  # first-person journalism, reviews
    return False


def _activity_objects(ctx: Context, subjects_lex: set[str]) -> list[RawFact]:
    """ "its review of staff Slack messages": a program the story describes by what it does
    takes what it does it to."""
    heads = ctx.lex.set("activity_program_heads")
    out = []
    for p in ctx.programs:
        span = ctx.doc[p.start : p.end]
        if len(span) < 3 or span[0].lemma_.lower() not in heads or span[1].lower_ != "of":
            continue
        data = clean_name(span[2:].text)
        if data.lower() in subjects_lex or span[-1].lower_ in subjects_lex:
            continue  # "the monitoring of drivers": whom it watches
        out.append(
            RawFact("collects", {"program": p.name, "data": data}, *evidence(span.sent), 0.55)
        )
    return out


def _deployed_for(ctx: Context, tok: Token, subjects_lex: set[str]) -> Token | None:
    """The people a program was put in place for or used on: "switched on Focus Score in
    January for about 4,200 remote claims adjusters", "a tool used on employees working from
    home", "rolled out the app to all its couriers"."""
    if tok.dep_ == "appos":
        tok = tok.head  # "WorkEye, a webcam-based tool used on employees"
    for c in tok.children:  # "a keystroke-logging pilot for its trainee solicitors"
        if c.dep_ == "prep" and c.lower_ == "for":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in subjects_lex - {"customer", "client"}:
                return pobj
    described = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    acl = next(
        (c for d in described for c in d.children if c.dep_ == "acl" and c.tag_ == "VBN"), None
    )
    if acl is not None:
        verb = acl  # "a tool used on employees working from home"
    elif tok.dep_ in ("dobj", "nsubjpass"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "prt"):
        verb = tok.head.head  # "switched on Focus Score": the parse's preposition
    else:
        return None
    if verb.pos_ != "VERB":
        return None
    table = _status_words(ctx)
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    prep_prt = _particle_read_as_prep(verb, lemma, table)
    if prep_prt is not None and tok.head.i == prep_prt.i:
        prt = prep_prt.lower_  # "switched on Focus Score"
    action = table.get(f"{lemma} {prt}" if prt else lemma)
    deploy = lemma in ctx.lex.set("deploy_verbs")
    if not (action or deploy):
        return None
    # a launch or a deployment says to whom and on whom; any other status verb only whom it
    # was for ("dropped a pilot for its trainees")
    preps = ("for", "on", "to", "among", "across") if action == "launched" or deploy else ("for",)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for pobj in c.children:
                if pobj.dep_ == "pobj" and pobj.lower_ in ("all", "some", "most", "many"):
                    # "to all of its drivers"
                    pobj = next(
                        (g for p in pobj.children if p.lower_ == "of" for g in p.children), pobj
                    )
                # "switched back on for customers": a vendor's clients, who watch others
                if (
                    pobj.dep_ == "pobj"
                    and pobj.lemma_.lower() in subjects_lex
                    and pobj.lemma_.lower() not in ("customer", "client")
                ):
                    return pobj
    return None


def _without_umbrellas(text: str, facts: list[RawFact]) -> list[RawFact]:
    """ "tracked employee computer usage — mouse clicks, keystrokes, application usage": the
    phrase a dash or colon spells out into kinds the program also takes is no kind itself."""
    out = []
    for f in facts:
        sent = text[f.start : f.end]
        data = f.fields["data"]
        k = sent.find(data)
        after = sent[k + len(data) :] if k >= 0 else ""
        # a list after the dash ("— mouse clicks, keystrokes, ..."), not a gloss ("idle time
        # – stretches in which the laptop registers no activity")
        spelled = re.match(r"\s*[—–:-]\s*[^,.;]+,", after) is not None and (
            sum(
                1
                for g in facts
                if g is not f
                and g.fields["program"] == f.fields["program"]
                and g.start == f.start
                and g.fields["data"] in after
            )
            >= 2
        )
        if not spelled:
            out.append(f)
    return out


def collects_and_monitors(ctx: Context) -> list[RawFact]:
    lex, doc = ctx.lex, ctx.doc
    tracking = lex.set("tracking")
    subjects_lex = {s.lower() for s in lex.subjects}
    people = frozenset(subjects_lex) | lex.role_words
    data_facts: list[RawFact] = []
    watched: dict[str, Counter[str]] = defaultdict(Counter)
    watched_ev: dict[str, tuple[int, int]] = {}
    quoted = _quoted_tokens(doc)
    speech = _speech_tokens(doc)
    weak_tracking = lex.set("tracking_lexicon_only")
    container_verbs, containers = lex.set("container_verbs"), lex.set("data_containers")
    not_data = lex.set("not_data")
    data_spans = [sp for sp in doc.spans.get(SPANS_KEY, []) if sp.label_ == "DATA"]
    data_tokens = {t for sp in data_spans for t in range(sp.start, sp.end)}
    data_ends: dict[int, int] = {}
    for sp in data_spans:  # the longest kind at each start ("chat messages", not "chat")
        data_ends[sp.start] = max(sp.end, data_ends.get(sp.start, 0))
    for sent in ctx.sents:
        verbs = [
            t
            for t in sent
            if t.lemma_.lower() in tracking
            and (t.pos_ == "VERB" or (t.tag_ in ("VBD", "VBZ") and t.lemma_.lower() in LIST_VERBS))
            and not is_negated(t)
        ]
        verbs = [v for v in verbs if not _unreal(v) and v.i not in quoted]
        # "from software that logs keystrokes to cameras that ...": examples of a kind
        verbs = [v for v in verbs if not _kind_of_thing(v)]
        # "Watching the Watchers": a verb inside a capitalised name tracks nothing
        verbs = [v for v in verbs if not (v.text[:1].isupper() and not v.is_sent_start)]
        if any(
            t.dep_ == "nsubj"
            and (
                t.ent_type_ == "LAW"
                or t.lemma_.lower() in ("law", "act", "rule", "regulation", "bill")
            )
            for t in sent
        ):
            continue  # what a law governs ("requires employers to give notice before tracking ...")
        if any(
            t.lemma_.lower() in ("require", "oblige", "prohibit", "forbid", "ban", "bar")
            and any(
                c.lower_ in ("employers", "companies", "firms", "businesses") for c in t.children
            )
            for t in sent
        ):
            continue  # "It requires employers to give notice before they monitor email"
        weak_verbs = [
            t
            for t in sent
            if t.lemma_.lower() in weak_tracking
            and t.pos_ == "VERB"
            and t.i not in quoted
            and not is_negated(t)
            and not _unreal(t)
        ]
        # "the stolen files contained pupils' names": what a program's files held; not
        # "the letter contained the names of 40 staff"
        weak_verbs += [
            t
            for t in sent
            if t.lemma_.lower() in container_verbs
            and t.pos_ == "VERB"
            and t.i not in quoted
            and not is_negated(t)
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in containers for c in t.children)
        ]
        if not verbs and not weak_verbs:
            continue
        for v in verbs:
            program = None
            subj = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
            if subj is None and v.dep_ == "conj":  # "which recorded X and detected Y"
                subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and is_passive(v) and subj.head.i == v.i:
                subj = None  # what was logged, not who logged it
            if subj is not None:
                program = ctx.program_ref(subj)
                if program is None and (
                    subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in PERSON_PRON
                ):
                    continue  # a person or company doing the verb, not a program
            if subj is None and _person_clause(v):
                continue  # "After scanning my face, I handed over my glasses": the writer
            if program is None and v.dep_ in ("relcl", "acl"):
                program = ctx.program_ref(v.head)
            program = program or _sentence_program(ctx, sent, v)
            # the program only from context: the clause must name a kind of data ("Check the
            # seams", "to keep the rain out" in a review that once named a program)
            from_context = (
                program is None
                and ctx.recent_program(v.i) is None
                # "Software installed on ... logged", "Almena's system scanned": a program
                and not (subj is not None and subj.lemma_.lower() in ctx.generic_program)
            )
            if program is None and _not_tracking_use(v):
                continue
            program = program or ctx.current_program(v.i)
            if not program:
                continue
            s, e = evidence(sent)
            for o in _objects(v, people):
                low = o.lemma_.lower()
                if o.i in speech:
                    continue
                if from_context and o.i not in data_tokens:
                    continue
                if o.lower_ in ("everything", "anything") and not from_context:
                    where = _on_what(o, v)  # "captured everything on their screens"
                    if where:
                        data_facts.append(
                            RawFact("collects", {"program": program, "data": where}, s, e, 0.6)
                        )
                    continue
                if o.ent_type_ in ("PERSON", "ORG", "GPE", "DATE", "CARDINAL") or o.pos_ == "PRON":
                    continue
                if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in o.children):
                    continue  # the writer's own face, not what a program records
                phrase = chunk_text(doc, o).lower()  # "every passing vehicle": watched
                person = low in subjects_lex or o.lower_ in subjects_lex or phrase in subjects_lex
                if person and v.lemma_.lower() in ENROL_VERBS:
                    continue  # "schools that enrol 1.5 crore children": pupils, not watched
                if person:
                    watched[program][plural(phrase if phrase in subjects_lex else o.lower_)] += 1
                    watched_ev.setdefault(program, (s, e))
                    continue
                if ctx.program_at(o) is not None or low in ctx.generic_program:
                    continue
                if _anaphoric(o) and o.head.i == v.i:
                    continue  # "those location histories were stored": named before
                text = chunk_text(doc, o)
                full = _with_of(doc, o, text, subjects_lex) if text else text
                # "the number of items picked per hour": the "of" part names the data
                generic = text.lower() in GENERIC_DATA or low in GENERIC_DATA_HEADS
                if (
                    not text
                    or generic
                    and full == text
                    or low in not_data
                    or _counted(o)  # "over 5,000 signatures"
                    or " and " in text
                ):
                    continue
                text = full
                if len(text.split()) > 6:
                    continue
                data_facts.append(
                    RawFact("collects", {"program": program, "data": text}, s, e, 0.7)
                )
                for c in o.children:  # "employee keystrokes": who is watched
                    if (
                        c.dep_ in ("compound", "poss")
                        and c.lemma_.lower() in subjects_lex
                        and c.i not in quoted
                    ):
                        watched[program][plural(c.lemma_.lower())] += 1
                        watched_ev.setdefault(program, (s, e))
            for made in _device_products(v, lex.words.get("device_products", {}), subjects_lex):
                # "recorded students through their webcams and microphones"
                data_facts.append(
                    RawFact("collects", {"program": program, "data": made}, s, e, 0.6)
                )
            data, who = _wh_object(doc, v, subjects_lex)
            if data:
                data_facts.append(
                    RawFact("collects", {"program": program, "data": data}, s, e, 0.55)
                )
            if who:
                watched[program][who] += 1
                watched_ev.setdefault(program, (s, e))
            for text in _clause_items(doc, v, lex, wh_done=data is not None):
                data_facts.append(
                    RawFact("collects", {"program": program, "data": text}, s, e, 0.5)
                )
            if v.lemma_.lower() in LIST_VERBS and ctx.program_at(v) is None:
                for text in _list_after(doc, v, subjects_lex, data_ends, not_data):
                    data_facts.append(
                        RawFact("collects", {"program": program, "data": text}, s, e, 0.55)
                    )
            # passive "Employees were tracked"
            for c in v.children:
                if c.dep_ == "nsubjpass" and c.lemma_.lower() in subjects_lex:
                    watched[program][plural(c.lower_)] += 1
                    watched_ev.setdefault(program, (s, e))
            # "keeps an eye on residents", "keeps tabs on drivers", "keeps track of staff"
            for who in _kept_an_eye_on(v, subjects_lex, lex.set("watch_idiom_nouns")):
                watched[program][plural(who.lower_)] += 1
                watched_ev.setdefault(program, (s, e))
        # lexicon data kinds anywhere in a tracking sentence
        anchor_verb = (verbs or weak_verbs)[0]
        program = _sentence_program(ctx, sent, anchor_verb) or ctx.current_program(anchor_verb.i)
        if program:
            s, e = evidence(sent)
            verb_ids = {v.i for v in verbs + weak_verbs}
            for span in _data_spans(sent):
                if span.start in quoted or not _hangs_on(span.root, verb_ids, tracking):
                    continue
                if _anaphoric(span.root) or span.root.pos_ in ("VERB", "AUX"):
                    continue  # "when many of them sleep": the verb, not sleep data
                if _not_the_data(span.root, verb_ids):
                    continue  # "a spell without keyboard activity", "from other websites"
                head = span.root
                text = chunk_text(doc, head) if head.i == span.end - 1 else span.text
                if len(text.split()) > 6 or " and " in text or "," in text:
                    text = span.text
                nxt = doc[span.end] if span.end < sent.end else None
                if (
                    head.dep_ == "compound"
                    and nxt is not None
                    and head.head.i == nxt.i
                    and nxt.pos_ == "NOUN"
                    and nxt.lemma_.lower() in DATA_FORM_NOUNS
                ):
                    text = f"{span.text} {nxt.text}"  # "fingerprint templates", not "fingerprint"
                data_facts.append(
                    RawFact("collects", {"program": program, "data": text}, s, e, 0.6)
                )
            # asking for data watches nobody ("to require senior staff capacity")
            verb_ids = {
                v.i
                for v in verbs + weak_verbs
                if v.lemma_.lower() not in ASK_VERBS and v.lemma_.lower() not in ENROL_VERBS
            }
            for span in _subject_spans(sent):
                if span.start in quoted:
                    continue
                root = span.root
                anchor = root.head if root.dep_ in ("compound", "poss") else root
                if (
                    root.dep_ == "pobj" and root.head.lower_ == "of"
                ):  # "the location of its drivers"
                    owner = root.head.head
                    verb = owner.head if owner.dep_ in ("dobj", "conj") else None
                    while verb is not None and verb.dep_ == "conj" and verb.pos_ == "NOUN":
                        verb = verb.head
                    if verb is not None and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
                        verb = verb.head  # "recorded the screens, ... and movements of X"
                    if (
                        verb is not None
                        and verb.i in verb_ids
                        and verb.lemma_.lower() in lex.set("tracking_strong")
                    ):
                        watched[program][_subject_phrase(span.root)] += 1
                        watched_ev.setdefault(program, (s, e))
                        continue
                if (
                    root.dep_ in ("dobj", "nsubjpass", "compound", "poss")
                    and _hangs_on(anchor, verb_ids, tracking)
                    or (root.dep_ in ("dobj", "nsubjpass") and root.head.i in verb_ids)
                ):
                    watched[program][plural(span.text.lower())] += 1
                    watched_ev.setdefault(program, (s, e))
    for p in ctx.programs:  # "switched on Focus Score for 4,200 claims adjusters"
        who = _deployed_for(ctx, doc[p.start : p.end].root, subjects_lex)
        if who is not None and who.i not in quoted:
            watched[p.name][_subject_phrase(who)] += 1
            watched_ev.setdefault(p.name, evidence(who.sent))
    for p in ctx.programs:  # "system for monitoring ... warehouse employees"
        words = p.name.lower().split()
        for i in range(len(words)):
            for j in (2, 1):
                cand = " ".join(words[i : i + j])
                if cand in subjects_lex and p.name not in watched:
                    watched[p.name][plural(cand)] += 1
                    watched_ev.setdefault(p.name, evidence(doc[p.start].sent))
    data_facts += _activity_objects(ctx, subjects_lex)
    data_facts += _scores(ctx, quoted)
    reader = ListWords(subjects_lex, data_ends, not_data)
    data_facts += _colon_lists(ctx, quoted, reader)
    data_facts += _drawn_on(ctx, quoted, reader)
    data_facts += _clause_objects(ctx, quoted)
    data_facts += _misparsed_verbs(ctx, quoted, subjects_lex)
    # a parse that ran over the verb ("StaffSense captures screenshots"): not a kind of data
    program_names = {p.name.lower() for p in ctx.programs}
    _shared_modifiers(doc, data_facts, _lower_kinds(lex.data_kinds), tracking)
    for f in data_facts:
        f.fields["data"] = _data_kind(
            _past_verb_read_as_adjective(f.fields["data"], text_of(doc)[f.start : f.end], tracking)
        )
    data_facts = [
        f
        for f in data_facts
        if f.fields["data"]
        and not any(n in f.fields["data"].lower() for n in program_names)
        # "images of drivers and front-seat passengers": people are whom it watches (not
        # "how long they spend with each resident", a clause about them)
        and not _people_not_data(f.fields["data"], subjects_lex)
        and f.fields["data"].lower() not in VERB_ONLY_FORMS  # "records calls and transcribes"
    ]
    data_facts = _without_umbrellas(text_of(doc), data_facts)
    # "biometric data" is the law's word for what a program takes; where the story names
    # the kind itself ("fingerprints", "heart rate"), that is the fact
    kinds_of = Counter(
        f.fields["program"] for f in data_facts if f.fields["data"].lower() not in CATEGORY_DATA
    )
    data_facts = [
        f
        for f in data_facts
        if not (f.fields["data"].lower() in CATEGORY_DATA and kinds_of[f.fields["program"]])
    ]
    out = data_facts + _based_on(ctx)
    # A program that gathers data but whose subjects the sentences never name: the workers
    # the article keeps talking about (at least twice), at lower confidence.
    worker_spans = [
        sp
        for sp in doc.spans.get(SPANS_KEY, [])
        if sp.label_ == "SUBJECT" and sp.root.lemma_.lower() in WORKERS and sp.start not in quoted
    ]
    workers = Counter(_subject_phrase(sp.root) for sp in worker_spans)
    per_program = Counter(f.fields["program"] for f in data_facts)
    collecting = {p for p, n in per_program.items() if n >= 2}
    if workers:
        for program in collecting:
            # the people named where the program is: its own sentences first
            sents = {doc[p.start].sent.start for p in ctx.programs if p.name == program}
            near = Counter(
                _subject_phrase(sp.root) for sp in worker_spans if doc[sp.start].sent.start in sents
            )
            noun, n = (near or workers).most_common(1)[0]
            # "its delivery couriers ... watch their workers": the story's own word for them
            specific = [
                (w, k) for w, k in workers.most_common() if w.split()[-1] not in GENERIC_WORKERS
            ]
            # (unless the story says the plain word more often: "staff ... staff ... agents")
            if (
                noun.split()[-1] in GENERIC_WORKERS
                and specific
                and specific[0][1] >= max(2, workers[noun])
            ):
                noun, n = specific[0]
            noun = _fuller(noun, workers)
            if program not in watched and (n >= 2 or near):
                first = (
                    next(p for p in ctx.programs if p.name == program)
                    if any(p.name == program for p in ctx.programs)
                    else None
                )
                ev = (
                    evidence(doc[first.start].sent)
                    if first
                    else next(
                        (f.start, f.end) for f in data_facts if f.fields["program"] == program
                    )
                )
                out.append(
                    RawFact("monitors", {"program": program, "subjects": noun}, ev[0], ev[1], 0.45)
                )
    for program, cnt in watched.items():
        subj, n = cnt.most_common(1)[0]
        subj = _fuller(subj, workers)
        s, e = watched_ev[program]
        out.append(RawFact("monitors", {"program": program, "subjects": subj}, s, e, 0.7))
    return out
