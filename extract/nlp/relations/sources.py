"""``source``: outlets the article cites ("according to Reuters", "told the BBC", "first
reported by The Guardian", "City AM revealed"). Known outlets (``rules/outlets.txt``) count
wherever they are named; other organizations only in a citing pattern
(``rules/source_patterns.jsonl``). The article's own publisher is removed in ``extract.facts``.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Span

from extract.nlp.extensions import ents, text_of
from extract.nlp.names import clean_name, proper_chain
from extract.nlp.people import is_given_name
from extract.nlp.relations.common import Context, RawFact, evidence

# a wire story's credit line: who reported and edited it, not a source it cites
CREDIT_LINE_RE = re.compile(r"\(?\s*(?:Additional\s+)?(?:Reporting|Writing)\s+by\b")


def _cue_matcher(ctx: Context) -> Matcher:
    """The citing-cue patterns (``source_patterns.jsonl``), compiled once per vocab."""

    def build() -> Matcher:
        m = Matcher(ctx.doc.vocab)
        for p in ctx.lex.source_patterns:
            m.add(p["id"], [p["pattern"]])
        return m

    return ctx.lex.built(("cue_matcher", id(ctx.doc.vocab)), build)


# what a piece "ran on": "first published on the security blog X"
PUBLISH_VERBS = {"publish", "post", "report", "reveal", "appear", "air", "break", "run"}
# speaking on an outlet's air cites it ("said earlier today on CNN")
ON_AIR_VERBS = {"say", "speak", "tell", "appear", "add", "warn", "argue", "claim", "insist"}


def _near_cue(
    ctx: Context, ent: Span, cues: list[tuple[str, int, int]], known: bool = False
) -> bool:
    root = ent.root
    for label, s, e in cues:
        if (
            label in ("according_to", "reported_by", "seen_by", "interview")
            and 0 <= ent.start - e <= 2
        ):
            return True
        if (
            label == "on_outlet"
            and ent.start in (e, e + 1)
            and ctx.doc[s].head.lemma_.lower() in ON_AIR_VERBS
        ):
            return True  # "said earlier today on CNN", "speaking on BBC Radio 4"
        if (
            label == "told"
            and ent.start >= e
            and root.dep_ in ("dobj", "dative", "pobj")
            and root.head.i in range(s, e)
        ):
            return True
        if root.dep_ == "compound" and root.head.lemma_ in OUTLET_NOUNS:
            root = root.head  # "the Deccan Ledger newspaper reported"
        if (
            label == "outlet_verb"
            and root.head.i == s
            and root.dep_ == "nsubj"
            and (
                root.head.lemma_
                in (("reveal", "disclose", "report") if known else ("reveal", "disclose"))
                or root.head.lemma_ == "report"
                and _parenthetical(ent)
                # "the decision, which La Presse first reported on Tuesday"
                or root.head.lemma_ in ("report", "reveal")
                and root.head.dep_ == "relcl"
                and any(
                    c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in root.head.children
                )
            )
        ):
            return True
    return False


OUTLET_NOUNS = {"newspaper", "paper", "daily", "weekly", "magazine", "broadcaster", "website"}


def _parenthetical(ent: Span) -> bool:
    """ "Yoon's rating fell to 13%, The Korea Times reported, down from 19%": an aside
    that cites the outlet (a company "reported" results in a clause of its own)."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    verb = ent.end
    # ", the Deccan Ledger newspaper reported earlier this week.": a descriptor between
    if verb < len(doc) and doc[verb].is_lower and doc[verb].lemma_ in OUTLET_NOUNS:
        verb += 1
    after = verb + 1
    while after < len(doc) and (doc[after].ent_type_ == "DATE" or doc[after].lower_ == "first"):
        after += 1  # "reported earlier this week."
    return (
        i >= 0
        and doc[i].text == ","
        and after < len(doc)
        and doc[verb].lemma_ == "report"
        and doc[after].text in (",", ".", ";")
    )


def _title_hyphen(doc, i: int) -> bool:  # type: ignore[no-untyped-def]
    """Token ``i`` is a hyphen inside a Title Case name ("Weser-Anzeiger")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text[:1].isupper()
    )


def _a_program(ctx: Context, span: Span) -> bool:
    """The name is a program's own ("ShiftSure"), not a name a description holds ("the Johns
    Hopkins University coronavirus tracker")."""
    p = ctx.program_at(span[0])
    heads = ctx.lex.set("org_name_heads") | ctx.lex.set("operator_body_heads")
    return (
        p is not None
        and p.start == span.start
        and p.end == span.end
        and span[-1].text not in heads  # "according to Johns Hopkins University"
    )


# small words inside a publication's title ("Above the Law", "La Voix de l'Escaut")
TITLE_SMALL_WORDS = {"the", "of", "and", "&", *("de", "du", "des", "del", "della"), "da"}
TITLE_SMALL_WORDS |= {"do", "di", "la"}


def _titleish(word: str) -> bool:
    """A capitalised word, also after an elided article: "l'Escaut", "d'Alsace"."""
    return word[:1].isupper() or re.match(r"^[ld]['’][A-Z]", word) is not None


def _described_outlets(ctx: Context, cues: list[tuple[str, int, int]]) -> list[tuple[str, Span]]:
    """Outlets the text describes as such right after a citing cue, whatever NER called them:
    "told the Dutch broadcaster NOS", "first reported by the trade newspaper Logistics
    Weekly", "reported by the Evening Standard", "told RTÉ"."""
    doc = ctx.doc
    descriptors = ctx.lex.set("outlet_descriptors")
    out: list[tuple[str, Span]] = []
    for label, start, e in cues:
        # "first published Monday on the security blog Breachwatch": what a piece ran on
        on_outlet = label == "on_outlet" and doc[start].head.lemma_.lower() in PUBLISH_VERBS
        if label not in ("according_to", "reported_by", "seen_by", "told") and not on_outlet:
            continue
        j = e
        if j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
            j += 1
        # "the Dutch broadcaster", "the trade newspaper", "the news agency"
        k, described, j0 = j, False, j
        while k < len(doc) and k - j < 4 and doc[k].text not in (",", ".", ";"):
            if doc[k].text in descriptors:  # lower case: "Weekly" in a name is no descriptor
                described = True
                j = k + 1
            k += 1
        # "reported by the local newspaper, the Mirrabrook Bulletin": the name after a comma
        if described and j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "the":
            j += 2
        # "according to a report in The Hindu BusinessLine": the piece, then its outlet
        if described and j < len(doc) and doc[j].lower_ in ("in", "by", "from", "on"):
            j += 1
            if j < len(doc) and doc[j].lower_ == "the" and doc[j].is_lower:
                j += 1
        n = j
        while (
            n < len(doc)
            and n - j < 5
            and (
                _titleish(doc[n].text)  # "BusinessLine", "WorkLife", "RTÉ", "l'Escaut"
                # "Above the Law", "Il Sole 24 Ore": small words and numbers inside a title
                or (
                    n > j
                    and doc[n].lower_ in TITLE_SMALL_WORDS
                    and _titleish(doc[n + 1 : n + 2].text)
                )
                or (n > j and doc[n].like_num and doc[n + 1 : n + 2].text[:1].isupper())
            )
        ):
            if not (
                doc[n].is_alpha or doc[n].like_num or _titleish(doc[n].text) or doc[n].text == "&"
            ):
                break
            n += 1
            if _title_hyphen(doc, n):  # "the Weser-Anzeiger newspaper"
                n += 1
        if n == j and described and j0 < len(doc) and doc[j0].text[:1].isupper():
            # "told the AFP news agency": the name before the describing noun
            j = n = j0
            while n < len(doc) and (
                doc[n].text[:1].isupper() and doc[n].is_alpha or n > j and _title_hyphen(doc, n)
            ):
                n += 1
        if n == j or (on_outlet and not described):
            continue
        span = doc[j:n]
        if span[0].pos_ == "PRON":
            continue  # "‘I was told I paid ...’"
        if CREDIT_LINE_RE.match(span.sent.text):
            continue  # "(Reporting by Ananya Iyer; Editing by Mark Delaney)": the wire's staff
        name = clean_name(span.text)
        acronym = len(span) == 1 and span[0].is_upper and len(name) <= 5
        masthead = span[-1].text in ctx.lex.set("masthead_words")
        if not name or (any(t.ent_type_ == "DATE" for t in span) and not masthead):
            continue  # not "reported by Friday", but "reported by the Sunday Ledger"
        if not acronym and any(t.ent_type_ == "PERSON" for t in span) and not described:
            continue
        if not described and len(span) >= 2 and is_given_name(span[0].text):
            continue  # "research by Penelope Muse Abernathy": a person NER called an ORG
        if ctx.names.is_authority(name) or name.lower() in ctx.names.surnames:
            continue
        if _a_program(ctx, span):
            continue  # "the data collected by ShiftSure": a program, not a publication
        if described:  # "the broadcaster X" is an outlet even when the text names it often
            out.append((name, span.sent))
        elif name in ctx.names.acronyms or ctx.names.org(name) == ctx.names.main_org:
            continue
        elif label == "told" and (acronym or masthead and len(span) >= 2):
            out.append((name, span.sent))  # "told RTÉ", "speaking to the Evening Courier"
        elif (
            label in ("reported_by", "seen_by")
            and span.root.ent_type_ not in ("PERSON", "GPE", "NORP")
            and n < len(doc)
            and doc[n].text in (".", ",", ";")
            and 1 <= len(span) <= 4
            and name not in {p.name for p in ctx.names.persons}
        ):
            out.append((name, span.sent))  # "first reported by the Evening Standard."
    return out


def _described_subject_outlets(
    ctx: Context, cues: list[tuple[str, int, int]]
) -> list[tuple[str, Span]]:
    """A name that reports, described as an outlet or written as a masthead: "The trade
    publication EdTech Dispatch reported", "The district's student newspaper, The Ridgefield
    Clarion, first reported", "Le Courrier de Montréal first reported"; and "according to
    Queen's Park Briefing, a political newsletter"."""
    doc = ctx.doc
    descriptors = ctx.lex.set("outlet_descriptors")
    mastheads = ctx.lex.set("masthead_words")
    out: list[tuple[str, Span]] = []
    for label, s, e in cues:
        if label == "outlet_verb" and doc[s].lemma_.lower() in ("report", "reveal", "disclose"):
            subj = next((c for c in doc[s].children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and subj.lower_ in descriptors:
                # "The trade publication EdTech Dispatch reported": the name in apposition
                # (or a second subject the parser gave the verb)
                subj = next((c for c in subj.children if c.dep_ == "appos"), None) or next(
                    (c for c in doc[s].children if c.dep_ == "nsubj" and c.pos_ == "PROPN"),
                    None,
                )
            elif (
                subj is not None
                and subj.pos_ == "NOUN"
                and any(c.dep_ == "compound" and c.lower_ in descriptors for c in subj.children)
            ):
                # "The Cadena SER radio network first reported": the name before the noun
                names = [c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                subj = names[-1] if names else None
            if subj is None or subj.pos_ != "PROPN":
                continue
            span = _title_span(doc, proper_chain(subj))
        elif label == "according_to":
            j = e + (1 if e < len(doc) and doc[e].lower_ == "the" else 0)
            k = j
            while k < len(doc) and k - j < 5 and (doc[k].is_title or doc[k].text in ("'s", "’s")):
                k += 1
            if k == j or k >= len(doc) or doc[k].text != ",":
                continue
            after = [t.text for t in doc[k + 1 : k + 5]]
            if not (after[:1] and after[0] in ("a", "an", "the") and descriptors & set(after)):
                continue
            span = doc[j:k]
        else:
            continue
        if not span:
            continue
        before = [t.text for t in doc[max(0, span.start - 4) : span.start]]
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        if after[:1] == [","] and doc[span.end + 1 : span.end + 2].text in ("a", "an", "the"):
            # "Stackwire, a Bengaluru-based technology newsletter, first reported"
            k = span.end + 2
            while k < len(doc) and k - span.end < 8 and doc[k].text not in (",", ".", ";"):
                after.append(doc[k].lower_)
                k += 1
        described = bool(descriptors & set(before + after)) or label == "according_to"
        if not (described or any(t.text in mastheads for t in span[1:])):
            continue
        if (
            any(t.ent_type_ == "PERSON" for t in span)
            and len(span) < 3
            and not (
                descriptors & set(before) and label == "outlet_verb" or descriptors & set(after[2:])
            )
        ):
            continue  # NER's person, unless the text calls it an outlet ("the site Fonte Aberta")
        name = clean_name(span.text)
        if not name or ctx.names.is_authority(name) or ctx.names.org(name) == ctx.names.main_org:
            continue
        out.append((name, span.sent))
    return out


def _as_reported(ctx: Context) -> list[tuple[str, Span]]:
    """ "As KPEB first reported in April, ...": the clause of a citation, whatever NER made
    of the name (not "As Halvern Bank reported in its accounts": a company reports results)."""
    doc = ctx.doc
    out: list[tuple[str, Span]] = []
    # one look at the text instead of a walk over every token
    for m in re.finditer(
        r"\b[Aa]s\s+(?:the\s+)?[A-Z][^.]{0,60}?\b(?:reported|revealed)\b", text_of(doc)
    ):
        t = doc.char_span(m.start(), m.start() + 2)
        if t is None:
            continue
        t = t[0]
        if not (t.is_sent_start or t.i > 0 and doc[t.i - 1].text == ","):
            continue
        j = t.i + 1 + (1 if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "the" else 0)
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        n = k
        while n < len(doc) and doc[n].pos_ == "ADV":
            n += 1
        if k == j or k - j > 5 or n >= len(doc) or doc[n].lower_ not in ("reported", "revealed"):
            continue
        name = clean_name(doc[j:k].text)
        if (
            name.split()[-1] in ctx.lex.set("org_name_heads")
            or any(name in (m.name, ctx.names.org(m.name)) for m in ctx.names.companies)
            or any(e.label_ == "PERSON" for e in doc[j:k].ents)
            or ctx.names.is_authority(name)
        ):
            continue
        out.append((name, doc[j].sent))
    return out


def _title_span(doc, chain: Span) -> Span:  # type: ignore[no-untyped-def]
    """The chain with its capitalised lead-in and small words: "Le Courrier de Montréal",
    "The Ridgefield Clarion"."""
    start = chain.start
    while start > 0 and (
        doc[start - 1].is_title or doc[start - 1].lower_ in ("de", "du", "des", "la", "le")
    ):
        start -= 1
    return doc[start : chain.end]


# a known outlet named as somebody's employer ("former BuzzFeed News editor-in-chief") or
# inside another word ("Vice-President") is not cited as a source
_STAFF_WORDS = {
    *("editor", "editor-in-chief", "reporter", "columnist", "journalist", "correspondent"),
    *("writer", "founder", "co-founder", "host", "anchor", "producer", "presenter", "staff"),
}
_TITLE_HEADS = {"president", "chairman", "chair", "director", "minister", "principal", "admiral"}
_PUBLIC_BODY_WORDS = {"Department", "Ministry", "Agency", "Office", "Service", "Bureau"}
# members' bodies: "according to the Communications and Distribution Union" cites no outlet
_PUBLIC_BODY_WORDS |= {"Union", "Association", "Federation", "Council", "Committee"}


# what is done to a paper as property, not as a source ("bought The Washington Post",
# "publishes USA Today", "a chain of papers including The Miami Herald")
_PROPERTY_VERBS = {"sell", "publish", "merge", "close", "run", "launch", "fold", "shut"}
_PROPERTY_NOUNS = {
    *("publisher", "title", "paper", "newspaper", "stable", "chain", "portfolio"),
    *("purchase", "sale", "acquisition", "takeover", "closure", "merger", "owner", "parent"),
}


def _held_as_property(ctx: Context, ent: Span) -> bool:
    first = ent.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # the list's first item carries its relation
    head = first.head
    if first.dep_ in ("dobj", "nsubjpass") and (
        head.lemma_.lower() in ctx.lex.set("own_verbs") | _PROPERTY_VERBS
    ):
        return True
    if first.dep_ == "pobj" and head.lower_ in ("including", "like", "as"):
        return True  # "titles including The Miami Herald", "papers such as The Times"
    return (
        first.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PROPERTY_NOUNS
    )


def _not_cited(ctx: Context, ent: Span, name: str) -> bool:
    doc = ctx.doc
    if _held_as_property(ctx, ent):
        return True
    after = doc[ent.end : ent.end + 3]
    if len(after) and after[0].text == "-" and not doc[ent.end - 1].whitespace_:
        return True
    if any(t.lower_ in _STAFF_WORDS for t in after[:2]) or (
        ent.start > 0 and doc[ent.start - 1].lower_ == "former"
    ):
        return True
    # "Vice President of Safety Marisol Ortega": a word of a title, not the magazine
    if len(after) and after[0].is_title and after[0].lower_ in _TITLE_HEADS:
        return True
    # "The Information Regulator": an outlet's name inside a public body's
    if len(after) and after[0].text in ctx.lex.set("authority_words") | _PUBLIC_BODY_WORDS:
        return True
    # "Snapchat CEO Evan Spiegel": the outlet's name as a person's surname
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if (
        prev is not None
        and prev.pos_ == "PROPN"
        and prev.is_title
        and prev.ent_type_ in ("", "PERSON")
        and prev.lower_ not in ("the", "der", "die", "le", "la", "el", "il")
    ):
        return True
    return any(p.name.split()[-1] == name and len(p.name.split()) >= 2 for p in ctx.names.persons)


def _extend_title(ctx: Context, ent: Span) -> Span:
    """NER's "Sioux Falls Argus" of "the Sioux Falls Argus Leader": the Title Case words
    that close the name."""
    doc, end = ctx.doc, ent.end
    while (
        end < len(doc)
        and end - ent.end < 2
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ in ("", ent.label_)
        and not doc[end].is_sent_start
    ):
        end += 1
    if _title_hyphen(doc, end):
        end += 2  # "the Weser-Anzeiger newspaper": NER stopped at the hyphen
    # "La Voix de l'Escaut", "Diario de Navarra": a Romance title's "de" and what follows
    after = doc[end - 1].idx + len(doc[end - 1])
    m = re.match(
        r"\s*(?:de|du|des|do|da|della|del)(?:\s+la)?\s+(?:l['’])?[A-Z][\w'’-]*",
        text_of(doc)[after : after + 80],
    )
    if m and doc[ent.start].text in ROMANCE_ARTICLES | {"Diario", "Jornal", "Journal", "Gazzetta"}:
        stop = after + m.end()
        span = doc.char_span(doc[ent.start].idx, stop, alignment_mode="expand")
        if span is not None:
            return span
    return doc[ent.start : end]


ROMANCE_ARTICLES = {"La", "Le", "Les", "El", "Il", "O", "A", "L'"}


def _describes_an_outlet_after(ctx: Context, ent: Span) -> bool:
    """A name followed by a lower-case outlet description ("Santiago business daily X",
    "Lagos-based newspaper Y") says where the outlet named after it is."""
    descriptors = ctx.lex.set("outlet_descriptors")
    for t in ctx.doc[ent.end : ent.end + 3]:
        if t.is_lower and t.lemma_.lower() in descriptors and t.pos_ not in ("VERB", "AUX"):
            # (not the verb: "which La Presse first reported"), and a name must follow: "the
            # Deccan Ledger newspaper reported" is that newspaper
            nxt = ctx.doc[t.i + 1 : t.i + 2]
            return bool(nxt) and nxt[0].text[:1].isupper()
        if not (t.is_lower or t.text == "-"):
            return False
    return False


_BODY_WORDS = {"Office", "Board", "Council", "Committee", "Department", "Ministry", "Institute"}


def _inside_body_name(ctx: Context, ent: Span) -> bool:
    """The outlet's name opens a longer Title Case name that ends in a body's word ("The
    Information Rights Office"), not in an outlet's ("Yonhap News Agency")."""
    doc, j = ctx.doc, ent.end
    while j < len(doc) and doc[j].is_title and doc[j].is_alpha:
        j += 1
    if j == ent.end:
        return False
    body_words = ctx.lex.set("authority_words") | _BODY_WORDS
    return doc[j - 1].text in body_words


def sources(ctx: Context) -> list[RawFact]:
    doc = ctx.doc
    strings = doc.vocab.strings
    cues = [(strings[mid], s, e) for mid, s, e in _cue_matcher(ctx)(doc)]
    outlets_lower = {o.lower() for o in ctx.lex.outlets}
    found: dict[str, RawFact] = {}
    for ent in ents(doc):
        if ent.label_ not in ("ORG", "PERSON", "WORK_OF_ART", "GPE"):
            continue
        if len(ent) == 1 and (ent[0].pos_ == "PRON" or len(ent.text) < 2):
            continue  # "‘I was told ...’"
        if CREDIT_LINE_RE.match(ent.sent.text):
            continue  # "(Reporting by Ananya Iyer; Editing by Mark Delaney)": the wire's staff
        name = clean_name(ent.text)
        words = name.split()
        while len(words) > 1 and words[0].islower():  # "business daily Expansión"
            words = words[1:]
        name = " ".join(words)
        known = name.lower() in outlets_lower or ("the " + name.lower()) in outlets_lower
        if name in ctx.names.acronyms and ctx.names.acronyms[name].lower() not in outlets_lower:
            continue  # "AP" defined in the text as some authority, not the news agency
        if known and _inside_body_name(ctx, ent):
            continue  # "The Information Rights Office": a public body, not the outlet
        if known and len(name) <= 3 and not _near_cue(ctx, ent, cues, known=True):
            continue  # "the ABC top brass": short names count only when cited
        if known and _not_cited(ctx, ent, name) and not _near_cue(ctx, ent, cues, known=True):
            continue
        if known and ent.end < len(doc) and ctx.program_at(doc[ent.end]) is not None:
            continue  # "the agency's Insider Risk Monitoring program": a word of a program
        if not known:
            # a title with its capital "The" mid-sentence is a publication's ("according to
            # The Dock Sheet", whatever NER made of it)
            titled = (
                ent.label_ == "WORK_OF_ART"
                and ent[0].text == "The"
                and not ent[0].is_sent_start
                and len(ent) >= 2
            )
            if (ent.label_ != "ORG" and not titled) or not _near_cue(ctx, ent, cues):
                continue
            if _a_program(ctx, ent):
                continue  # "the data collected by ShiftSure": a program
            if _describes_an_outlet_after(ctx, ent):
                continue  # "Santiago business daily Diario Financiero": where it is from
            if (
                len(ent) >= 2
                and is_given_name(ent[0].text)
                and ent[-1].text not in (ctx.lex.set("masthead_words"))
            ):
                continue  # "research by Penelope Muse Abernathy": a person NER called an ORG
            if (
                ctx.names.is_authority(name)
                or ctx.names.org(name) == ctx.names.main_org
                or words[-1] in _PUBLIC_BODY_WORDS
                or words[-1] in ctx.lex.set("authority_words")
                # "reviewed by Lumina staff": a company's people, not a publication
                or doc[ent.end : ent.end + 1].text.lower() in _STAFF_WORDS
                or any(ctx.names.org(name) == ctx.names.org(c.name) for c in ctx.names.companies)
            ):
                continue
            ent = _extend_title(ctx, ent)
            name = clean_name(ent.text)
        s, e = evidence(ent.sent)
        conf = 0.8 if known else 0.6
        found.setdefault(name, RawFact("source", {"outlet": name}, s, e, conf))
    cited = _described_outlets(ctx, cues) + _described_subject_outlets(ctx, cues)
    for name, sent in cited + _as_reported(ctx):
        if name not in found:
            s, e = evidence(sent)
            found[name] = RawFact("source", {"outlet": name}, s, e, 0.6)
    # "BBC" and "BBC News" are one outlet: keep the fuller name
    names = list(found)
    for a in names:
        for b in names:
            if (
                a != b
                and a in found
                and b in found
                and set(a.lower().split()) < set(b.lower().split())
            ):
                found.pop(a)
    return list(found.values())
