"""``role``: a person's job at an organization.

"Silkie Carlo, director of the campaign group Big Brother Watch", "Hoan Ton-That,
Clearview's chief executive", "CTO Andrew Bosworth", "Google CEO Sundar Pichai",
"John Edwards, the UK Information Commissioner" (the organization whose name holds the
title: Information Commissioner's Office).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.nlp.entities import SPANS_KEY
from extract.nlp.extensions import ent_at, ents, text_of, tokens
from extract.nlp.names import COMPANY_NOUNS, body_of_town, clean_name
from extract.nlp.relations.common import (
    Context,
    RawFact,
    antecedent_org,
    evidence,
    org_of,
    plural_possessive,
    story_country,
)
from extract.places import country_form, country_of, is_country, is_state_or_country


def _role_spans(doc, start: int, end: int) -> list[Span]:  # type: ignore[no-untyped-def]
    spans = [
        s
        for s in doc.spans.get(SPANS_KEY, [])
        if s.label_ == "ROLE" and start <= s.start and s.end <= end
    ]
    spans.sort(key=lambda s: (s.start, -len(s)))
    out: list[Span] = []
    for s in spans:  # longest first at each position, no overlaps
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _org_in(ctx: Context, span: Span) -> str | None:
    for t in span:  # "a TWU organiser": a known acronym or organisation naming the title
        if (
            t.dep_ == "compound"
            and t.pos_ == "PROPN"
            # not a word inside a longer name ("New Media Investment Group"), nor what a
            # title is about ("a consultant for Amazon sellers"): it names the title itself
            and not (t.head.pos_ == "PROPN" and t.head.text[:1].isupper())
            and t.head.lower_ in ctx.lex.role_words
            and (t.text in ctx.names.acronyms or any(m.name == t.text for m in ctx.names.orgs))
            and not ctx.names.is_outlet(t.text)
        ):
            return ctx.names.org(t.text)
    named = _name_after_descriptor(ctx, span)
    if named:
        return named
    for t in span:
        if (
            t.dep_ == "poss"
            and t.pos_ == "PROPN"
            and t.head.pos_ == "PROPN"
            and t.head.is_title
            and not (t.text in ctx.names.acronyms or ctx.names.is_authority(t.text))
        ):
            # "King's College London": the possessive is inside the name; not "the FTC's
            # Bureau of Consumer Protection", a part of the body named first
            end = t.head.i
            while end + 1 < len(ctx.doc) and ctx.doc[end + 1].pos_ == "PROPN":
                end += 1
            return ctx.names.org(ctx.doc[t.i : end + 1].text)
        if (
            t.dep_ == "compound"
            and t.head.pos_ == "NOUN"
            and t.head.dep_ == "pobj"
            and t.head.head.lower_ == "for"
        ):
            continue  # "a consultant for Amazon sellers": whom the work is for
        if t.ent_type_ == "ORG" or (
            t.dep_ == "poss"
            # "the local's president": the tagger may call the noun an adjective
            and (t.pos_ in ("PROPN", "PRON", "NOUN") or t.lower_ in ctx.lex.set("org_named_nouns"))
        ):
            unit = _unit_of(ctx, t)
            if unit:
                return unit  # "a researcher at UC Berkeley's Labor Center"
            org = ctx.names.resolve_org(ctx.doc, t, ctx.lex)
            if org is None and t.text in ctx.names.acronyms:
                org = ctx.names.org(t.text)  # "the NDPB's chair", an acronym NER left out
            own = ent_at(ctx.doc, t.i)  # NER's "person" "Cerro Alto's" is not someone else
            own_name = clean_name(own.text) if own is not None else t.text
            person_word = any(
                t.text in p.name.split()
                for p in ctx.names.persons
                if p.name not in (t.text, own_name)
            )
            if org is None and t.dep_ == "poss" and t.pos_ == "PROPN" and not person_word:
                # "Roamly's general manager", "Orchid's managing director": NER said GPE/PERSON
                org = (
                    ctx.names.org(own_name)
                    if t.ent_type_ == "PERSON"
                    else org_of(ctx, t, force=True)
                )
            if (
                org
                and not ctx.names.is_outlet(org)
                or (org and re.search(r"\b(editor|reporter|columnist)\b", span.text, re.I))
            ):
                return _with_place(ctx, t, org)
        if t.lower_ in ("company", "firm", "bank") and any(c.dep_ == "poss" for c in t.children):
            pass
    for t in span:
        if (
            t.lemma_.lower() in ctx.lex.set("org_generic")
            and t.dep_ == "poss"
            or (
                t.lower_ in ("company", "firm")
                and t.head.dep_ != "poss"
                and t.nbor(1).text in ("'s", "’s")
                if t.i + 1 < len(ctx.doc)
                else False
            )
        ):
            return ctx.names.org_before(ctx.doc, t.i)
    return None


# last words of a unit a body names as its own: "UC Berkeley's Labor Center"
UNIT_HEADS = {
    "Center",
    "Centre",
    "Institute",
    "Lab",
    "Laboratory",
    "School",
    "Clinic",
    "Initiative",
}


def _unit_of(ctx: Context, t: Token) -> str | None:
    """ "X's Labor Center": an organisation's unit in Title Case after its possessive."""
    ent = ent_at(ctx.doc, t.i)
    end = ent.end if ent is not None else t.i + 1
    doc = ctx.doc
    if doc[end - 1].text in ("'s", "’s"):
        end -= 1  # NER's "UC Berkeley's" holds the possessive
    if end + 1 >= len(doc) or doc[end].text not in ("'s", "’s"):
        return None
    k = end + 1
    while k < len(doc) and k - end <= 4 and doc[k].is_title and doc[k].is_alpha:
        k += 1
    if k == end + 1 or doc[k - 1].text not in UNIT_HEADS:
        return None
    return doc[ent.start if ent is not None else t.i : k].text


DESCRIPTOR_NOUNS = {"firm", "company", "group", "charity", "organisation", "organization", "union"}


def _name_after_descriptor(ctx: Context, span: Span) -> str | None:
    """ "a lawyer at the Arnhem firm Brandsma Kuipers", "director of the campaign group
    Digital Liberty UK": the name after the describing noun, not the place before it."""
    doc = ctx.doc
    for t in span:
        if not (t.is_lower and t.lemma_ in DESCRIPTOR_NOUNS):
            continue
        j = t.i + 1
        while j < span.end and (
            doc[j].text[:1].isupper()
            and doc[j].is_alpha
            or doc[j].text == "&"
            and j + 1 < span.end
            and doc[j + 1].text[:1].isupper()
        ):
            j += 1  # "Jenner & Block", "Halloran Pike LLP"
        if j - t.i >= 2 and j - t.i <= 6 and doc[t.i + 1].pos_ == "PROPN":
            name = doc[t.i + 1 : j].text
            if not ctx.names.is_outlet(name) and all(
                x.ent_type_ not in ("DATE", "MONEY") for x in doc[t.i + 1 : j]
            ):
                return ctx.names.org(name)
    return None


ORDINAL = r"\d+(?:st|nd|rd|th)"  # "the 9th Public Treasury Court": part of the name
# lower-case words that finish a body's name NER stopped short of ("Interior ministry")
BODY_WORDS_AFTER_NAME = {"ministry", "department", "council", "agency", "office", "police"}


def _with_body_word(ctx: Context, tok: Token, org: str) -> str:
    """ "Interior ministry spokesman X": NER's name stops before the body's own noun."""
    ent = ent_at(ctx.doc, tok.i)
    end = ent.end if ent is not None else tok.i + 1
    if end < len(ctx.doc) and ctx.doc[end].text in BODY_WORDS_AFTER_NAME and org == tok.text:
        return f"{org} {ctx.doc[end].text}"
    return org


def _with_place(ctx: Context, tok: Token, org: str) -> str:
    """ "the Federal Reserve Bank of New York": NER's name stops before "of <place>"."""
    doc = ctx.doc
    org = _with_body_word(ctx, tok, org)
    ent = ent_at(doc, tok.i)
    end = ent.end if ent is not None else tok.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        k = end + 2
        while k < len(doc) and doc[k].ent_type_ == "GPE" and doc[k].ent_iob_ == "I":
            k += 1
        return f"{org} of {doc[end + 1 : k].text}"
    return org


def _company_in_sentence_before(ctx: Context, sent: Span, i: int) -> str | None:
    found = [
        m
        for m in ctx.names.orgs
        if sent.start <= m.start
        and m.end <= i
        and not m.kind
        and ctx.names.is_company_like(m.name)
        and m.name.lower() not in ctx.lex.set("org_generic")  # "Company spokesperson X"
    ]
    return ctx.names.org(max(found, key=lambda m: m.start).name) if found else None


RANK_WORDS = {"deputy", "assistant", "acting", "interim", "associate", "senior", "chief", "vice"}


def _title_bodies(ctx: Context, role: str) -> list[str]:
    """Words of the body a public title's holder sits on ("Cllr" -> council)."""
    title = role.lower().strip(" .")
    words = title.split()
    table = ctx.lex.words.get("title_bodies", {})
    bodies = table.get(title)  # "Deputy President X" of a tribunal, not of a country
    while len(words) > 1 and words[0] in RANK_WORDS:  # "Deputy Commissioner X"
        words = words[1:]
    return bodies or table.get(" ".join(words)) or []


def _body_of_title(ctx: Context, role: str, at: int | None = None) -> str | None:
    """ "Commissioner X" -> the Commission the text names, "Cllr X" -> the Council."""
    bodies = _title_bodies(ctx, role)
    if not bodies:
        return None
    # the first kind of body the text names ("constabulary" before "police": a rank is
    # held in the force, not in the Police Federation)
    found = []
    for body in bodies:
        found = [
            m
            for m in ctx.names.orgs
            if m.kind != "outlet" and body in {w.lower() for w in ctx.names.org(m.name).split()}
        ]
        if found:
            break
    # the body named last before the title (a roundup names several), else the first
    before = [m for m in found if at is not None and m.start < at]
    best = (before[-1:] or found[:1]) if found else []
    if not best:
        return None
    name = ctx.names.org(best[0].name)
    # "Council" named last stands for the "City Council" named in full
    fuller = [
        n for n in (ctx.names.org(m.name) for m in found) if set(name.split()) < set(n.split())
    ]
    return fuller[0] if fuller else name


def _org_holding_title(ctx: Context, role: str, at: int | None = None) -> str | None:
    body = _body_of_title(ctx, role, at)
    if body:
        return body
    words = {
        w.lower()
        for w in re.findall(r"[A-Za-z]+", role)
        if w[0].isupper() or w.lower() in ("commissioner", "minister", "attorney")
    }
    words.discard("uk")
    if not words:
        return _public_body(ctx, role)  # "district judge X" -> the court the text names
    role_words = {r for r in ctx.lex.roles if " " not in r}
    # "Public Works Director" -> "Department of Public Works": the words beside the title
    naming = words - role_words - {"chief", "senior", "deputy", "acting", "interim", "head"}
    naming -= {"general", "national", "federal", "state", "executive", "vice", "assistant"}
    for m in ctx.names.orgs:
        name = ctx.names.org(m.name)
        nw = {re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[\w'’]+", name)}
        if words & nw and any(
            w in nw for w in words if w in ("commissioner", "minister", "attorney")
        ):
            return name
        if naming and naming <= nw and not ctx.names.is_outlet(name):
            return name
    return _public_body(ctx, role)


def _public_body(ctx: Context, role: str) -> str | None:
    """ "Mayor Renee Castellano" -> "City of Tillman Falls", the body the text names."""
    markers = ctx.lex.words.get("public_office_orgs", {}).get(role.lower().strip())
    if not markers:
        return None
    text = text_of(ctx.doc)
    for marker in markers:
        # "the 9th Public Treasury Court": an ordinal opens the name
        m = re.search(
            rf"\b(?:{ORDINAL}\s+)?(?:[A-Z][\w'’-]+\s+)*{re.escape(marker)}"
            rf"(?:\s+[A-Z][\w'’-]+)*",
            text,
        )
        if m and m.group(0) != marker:
            return clean_name(m.group(0))
    for marker in markers:
        # "Valdemora city council": the place's name before a body written in lower case
        m = re.search(rf"\b(?:[A-Z][\w'’-]+\s+)+(?i:{re.escape(marker)})\b", text)
        if m and m.group(0).split()[0] not in ("The", "A", "An"):
            return clean_name(m.group(0))
    return None


NOT_ORG_WORDS = {"deputy", "acting", "interim", "senior", "former", "assistant", "chief"}
# lower-case bodies a title can belong to ("students' association president X")
GROUP_NOUNS = {
    *("association", "union", "council", "committee", "board", "club", "society"),
    *("federation", "caucus", "coalition", "alliance", "league", "chapter"),
    *("group", "party", "faction", "bloc"),  # "leader of the Liberal Democrat group"
}


# nouns for people by what they do ("meteorologist", "research scientist", "skipper"); the
# appositive to a named person is what makes them a title, so the shape is enough
OCCUPATION_RE = re.compile(r"(?:ist|er|or|ian|ant|ent|ee|man|woman|person|smith|wright)s?$")
NOT_OCCUPATIONS = {
    *("number", "order", "member", "center", "centre", "paper", "letter", "computer"),
    *("quarter", "matter", "water", "winter", "summer", "border", "sister", "brother"),
    *("mother", "father", "daughter", "resident", "student", "patient", "client"),
    *("parent", "percent", "statement", "document", "comment", "moment", "event"),
    *("recipient", "applicant", "immigrant", "participant", "opponent", "proponent"),
    *("supporter", "customer", "user", "viewer", "reader", "listener", "voter", "survivor"),
}


def _occupation_noun(ent: Span, app: Span) -> Token | None:
    """A noun in apposition to the person that names what they do, where the title lexicon
    has no entry for it."""
    for t in app[:6]:
        if (
            t.pos_ == "NOUN"
            and t.dep_ == "appos"
            and ent.start <= t.head.i < ent.end
            and OCCUPATION_RE.search(t.lower_)
            and t.lower_ not in NOT_OCCUPATIONS
        ):
            return t
    return None


def _group_after(doc: Doc, i: int, end: int) -> str | None:
    """ "of the prison workers' union": a body the text describes in lower case."""
    if i >= end or doc[i].lower_ not in ("of", "at", "for", "with"):
        return None
    pobj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if (
        pobj is None
        or pobj.lemma_.lower() not in GROUP_NOUNS
        or not pobj.is_lower
        or any(c.dep_ == "prep" for c in pobj.children)  # "union of X": the named one
        # "the campaign group Big Brother Watch": the name that follows
        or pobj.i + 1 < len(doc)
        and doc[pobj.i + 1].text[:1].isupper()
        and doc[pobj.i + 1].is_alpha
    ):
        return None
    phrase = _group_phrase(pobj)
    return None if phrase == pobj.text else phrase  # bare "the union": the one named


def _named_body_after(ctx: Context, doc: Doc, i: int, end: int, at: int) -> str | None:
    """ "an organizer with the collective": the named body holding that word."""
    # exactly "<prep> the <noun>" up to the end of the appositive
    if (
        end - i != 3
        or doc[i].lower_ not in ("of", "at", "for", "with")
        or doc[i + 1].lower_ != "the"
    ):
        return None
    noun = doc[i + 2]
    if noun.lemma_.lower() not in ctx.lex.set("org_named_nouns"):
        return None
    return ctx.names.org_named_like(at, {noun.lower_})


def _group_phrase(noun: Token) -> str:
    """A body described in lower case with its modifiers: "students' association",
    "prison workers' union"."""
    doc, left = noun.doc, noun.i
    while left >= 1 and (
        doc[left - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        or doc[left - 1].text in ("'", "’")
        # "works council chair X": the tagger's verb "works" is the body's first word
        or doc[left - 1].lower_ == "works"
        and doc[left].lower_ == "council"
        # "Telvana's Dutch works council": whose council it is (but "the AP's board" is
        # the AP's own)
        or doc[left - 1].tag_ == "POS"
        and left >= 2
        and doc[left - 2].pos_ == "PROPN"
        and noun.lemma_.lower() in ("council", "union")
    ):
        left -= 1
    return clean_name(doc[left : noun.i + 1].text)


def _country_in_view(ctx: Context, title: Span) -> str | None:
    """The country named in the title's sentence before it ("British Prime Minister X",
    "In Russia, Prime Minister X"), if exactly one; a story's other countries do not count."""
    sent = title.sent
    found = set()
    for e in ents(ctx.doc):
        if sent.start <= e.start < title.start and e.label_ in ("GPE", "NORP"):
            text = clean_name(e.text)
            name = country_of(country_form(text))
            if name and is_country(name) or name in ("US", "UK"):
                found.add(name)
    return found.pop() if len(found) == 1 else None


def _office_body(ctx: Context, title: Span) -> str | None:
    """The body a public office written before a name belongs to ("office_bodies"):
    "Senator X" -> Senate, "Indiana Gov. X" -> Indiana, "President X" -> the country."""
    body = ctx.lex.words.get("office_bodies", {}).get(title.text.lower())
    if not isinstance(body, str):
        return None
    if not body.startswith("@"):
        return body
    if body.startswith("@state "):  # "state Sen. X" -> "Pennsylvania Senate"
        chamber = body.removeprefix("@state ")
        state = _story_state(ctx)
        return f"{state} {chamber}" if state else chamber
    return _office_body_place(ctx, title, body)


def _story_state(ctx: Context) -> str | None:
    """The state a story names most ("Pennsylvania" over an "Illinois law" named once)."""
    counts: dict[str, int] = {}
    for e in ents(ctx.doc):
        name = clean_name(e.text)
        if e.label_ == "GPE" and is_state_or_country(name) and not is_country(name):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _office_body_place(ctx: Context, title: Span, body: str) -> str | None:
    doc = ctx.doc
    places = [e for e in ents(doc) if e.label_ == "GPE" and e.end <= title.start]
    if places and places[-1].end == title.start:
        return clean_name(places[-1].text)  # "Indiana Gov. Eric Holcomb", "US vice president"
    if not title.text[:1].isupper() and body == "@country":
        return None  # "the company's president": no head of state
    if body == "@country":
        return story_country(ctx)
    for e in reversed(places):
        name = clean_name(e.text)
        if body == "@state" and is_state_or_country(name):
            return name
    return None


def _proper_after(span: Span, i: int) -> str | None:
    """ "a researcher at the Vienna-based institute Cracked Labs": the trailing proper name."""
    toks = [t for t in span if t.i >= i]
    # "a partner specialising in employment law at the Lisbon firm X": the last "at/of/..."
    preps = [k for k, t in enumerate(toks) if t.lower_ in ("at", "of", "for", "with")]
    # "co-founder and CEO of X": a coordinated title may come before the preposition
    titled = bool(preps) and all(
        t.pos_ in ("CCONJ", "NOUN", "PROPN", "ADJ") and not t.ent_type_ for t in toks[: preps[0]]
    )
    if not toks or not preps or (preps[0] != 0 and toks[0].tag_ != "VBG" and not titled):
        return None
    toks = toks[preps[-1] :]
    # "a forklift driver at Dorran Cold Storage in nearby Elm Hollow": where it is
    cut = next(
        (k for k, t in enumerate(toks) if k >= 2 and t.lower_ in ("in", "near", "outside")), None
    )
    toks = toks[:cut] if cut is not None else toks
    j = len(toks)
    described = False
    while j > 1 and (
        (toks[j - 1].pos_ == "PROPN" or toks[j - 1].is_title)
        # a place word inside a name is part of it ("Watching the Watchers")
        and (
            toks[j - 1].ent_type_ not in ("GPE", "DATE")
            or j < len(toks)
            and toks[j].lower_ in ("the", "of")
        )
        # "Watching the Watchers", "Friends of the Earth": small words inside a name
        or toks[j - 1].lower_ in ("the", "of", "and", "for")
        and j >= 3
        and toks[j - 2].is_title
        and toks[j - 2].lower_ not in ORG_DESCRIPTORS_ROLE
        # "the Karnataka Tech Workers' Collective": a plural possessive inside the name
        or j < len(toks)
        and j >= 3
        and plural_possessive(span.doc, toks[j - 1].i)
    ):
        j -= 1
    if j > 1 and j < len(toks) and re.fullmatch(ORDINAL, toks[j - 1].text):
        j -= 1  # "the 9th Public Treasury Court": the ordinal is part of the name
    # "the law firm Colquhoun Reid": after a descriptor noun, NER's PERSON label is wrong;
    # so after "CEO of": nobody is the chief executive of a person
    described = j > 0 and toks[j - 1].lower_ in ORG_DESCRIPTORS_ROLE
    described = described or (
        j > 0 and toks[j - 1].lower_ == "of" and bool(EXEC_WORDS & {t.lower_ for t in span})
    )
    if not described and any(t.ent_type_ == "PERSON" for t in toks[j:]):
        return None
    name = " ".join(t.text for t in toks[j:])
    return name if name and name[0].isupper() else None


# words of a title that only a company (not a public body or a union) gives
COMPANY_TITLE_WORDS = {
    *("chief", "president", "director", "founder", "co-founder", "partner", "officer"),
    *("manager", "executive", "chairman", "chairwoman", "counsel", "ceo", "cfo", "cto"),
}
BOARD_TITLES = {"board member", "board president", "board chair", "trustee"}
SPOKES = {"spokesperson", "spokeswoman", "spokesman"}
EXEC_WORDS = {"ceo", "chief", "founder", "co-founder", "president", "chairman", "chair", "director"}
ORG_DESCRIPTORS_ROLE = {
    "firm",
    "company",
    "group",
    "union",
    "charity",
    "institute",
    "organisation",
    "organization",
    "bank",
    "network",
    "coalition",
    "association",
    "foundation",
    "labs",
    "agency",
    "publisher",
    "startup",
    "start-up",
    "consultancy",
    "practice",
}


def _mislabelled_persons(ctx: Context) -> list[Span]:
    """Names the small model tags ORG/GPE ("Ricardo Lemos", "Ana [Ferreira]") that the parse
    puts in apposition with a job title: "Brightline's chief operating officer, Ricardo
    Lemos" / "Ana Ferreira, the UOC's coordinator"."""
    doc = ctx.doc
    role_tokens = {
        i for s in doc.spans.get(SPANS_KEY, []) if s.label_ == "ROLE" for i in range(s.start, s.end)
    }
    out: list[Span] = []
    # only sentences with a job title can link a name to one
    titled = [s for s in ctx.sents if any(i in role_tokens for i in range(s.start, s.end))]
    if not titled:
        return out
    inside = {i for s in titled for i in range(s.start, s.end)}
    # NER's non-person names, and proper-noun chains NER left untagged ("Anirudh Kulkarni")
    candidates: list[Span] = [
        e
        for e in ents(doc)
        if e.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and e.start in inside
    ]
    for t in (t for sent in titled for t in sent):
        if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound":
            left = t.i
            while left > 0 and doc[left - 1].dep_ == "compound" and not doc[left - 1].ent_type_:
                left -= 1
            if left < t.i:
                candidates.append(Span(doc, left, t.i + 1))
    for ent in candidates:
        root = ent.root
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            if doc[start - 1].ent_type_ or doc[start - 1].dep_ != "compound":
                break
            start -= 1
        span = doc[start : ent.end]
        if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
            continue
        name = span.text
        if name in ctx.names.acronyms.values() or ctx.names.org(name) != name:
            continue
        linked = (root.dep_ == "appos" and root.head.i in role_tokens) or any(
            c.dep_ == "appos" and c.i in role_tokens for c in root.children
        )
        # "chief executive Dana Whitlock told me": a lower-case title right before the name
        linked = linked or (
            span.start > 0 and span.start - 1 in role_tokens and doc[span.start - 1].is_lower
        )
        if linked:
            out.append(Span(doc, span.start, span.end, label="PERSON"))
    return out


APPOINT_VERBS = {"hire", "appoint", "name", "promote", "recruit", "poach", "install", "elect"}
HEAD_TITLES = {"chair": "chair", "manage": "manager", "direct": "director", "found": "founder"}
HEAD_TITLES |= {"co-found": "co-founder"}
HEAD_VERBS = {"head", "lead", "run", "chair", "manage", "direct", "oversee", "found", "co-found"}


# names that make an organisation a law firm ("Whitlow Hart LLP", "Breck & Adair")
LAW_FIRM_RE = re.compile(
    r"\b(?:LLP|Solicitors|Attorneys|Advocaten|Avocats|Law Group|Law Firm)\b| & "
)
FIRM_NAME_RE = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’-]*){0,4}")
# work someone does for an employer, and the job it makes ("who has cleaned offices for
# Brightwell for nine years")
WORK_VERB_ROLES = {"drive": "driver", "clean": "cleaner", "nurse": "nurse"}
WORK_VERB_ROLES |= {"cook": "cook", "pick": "picker", "moderate": "moderator", "guard": "guard"}
# what an academic does at a body, and the title it makes
ACADEMIC_VERBS = {"research": "researcher", "study": "researcher", "teach": "lecturer"}
ACADEMIC_VERBS |= {"lecture": "lecturer"}


def _role_in_relative_clause(ctx: Context, who: Token) -> tuple[str, str] | None:
    """(organization, role) from "who heads the bank's security team" / "who works as a
    teller at Halvern Bank"."""
    verb = who.head
    if who.dep_ != "nsubj" or verb.dep_ != "relcl":
        return None
    lemma = verb.lemma_.lower()
    if lemma.startswith("co-found"):
        lemma = "co-found"  # the lemmatizer's "co-founde" of a word it never saw
    if lemma in HEAD_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        owner = next((c for c in obj.subtree if c.dep_ == "poss"), None)
        org = ctx.names.resolve_org(ctx.doc, owner, ctx.lex) if owner is not None else None
        org = org or _org_in(ctx, ctx.doc[obj.left_edge.i : obj.right_edge.i + 1])
        for prep in [*verb.children, *obj.children]:  # "who runs human resources at Halvern"
            if org is None and prep.dep_ == "prep" and prep.lower_ in ("at", "for"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                org = org_of(ctx, pobj, force=True) if pobj is not None else None
        title = HEAD_TITLES.get(lemma, "head")
        if org is None and owner is None and any(c.lower_ == "the" for c in obj.children):
            # "who chairs the works council", "who co-founded the collective": the body is
            # what is led, named before or only described
            lemma_obj = obj.lemma_.lower()
            if lemma_obj in ctx.lex.set("org_named_nouns"):
                body = ctx.names.org_named_like(who.i, {obj.lower_, lemma_obj})
                if body is None and lemma_obj in GROUP_NOUNS:
                    body = _group_phrase(obj)
                if body:
                    return body, title
        if org:
            unit = " ".join(
                t.text for t in obj.subtree if t.i > (owner.i + 1 if owner is not None else -1)
            )
            return org, f"{title} of {unit}".strip()
        return None
    if lemma in WORK_VERB_ROLES:  # "who has driven for Corrigan out of its Joliet depot"
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "at"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                org = org_of(ctx, pobj, force=True) if pobj is not None else None
                if org and pobj.ent_type_ not in ("DATE", "TIME", "GPE"):
                    return org, WORK_VERB_ROLES[lemma]
        return None
    if lemma in ACADEMIC_VERBS:  # "who researches workplace technology at the X Institute"
        org = _org_at_end(ctx, ctx.doc[verb.i : verb.right_edge.i + 1])
        return (org, ACADEMIC_VERBS[lemma]) if org else None
    if lemma == "work":
        role = org = None
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if prep.lower_ == "as":
                role = _role_text(ctx.doc[pobj.left_edge.i : pobj.i + 1])
                for p2 in pobj.children:  # "as a teller at Halvern Bank"
                    if p2.dep_ == "prep" and p2.lower_ in ("at", "for"):
                        o = next((c for c in p2.children if c.dep_ == "pobj"), None)
                        org = org or (org_of(ctx, o, force=True) if o is not None else None)
            elif prep.lower_ in ("at", "for"):
                org = org or org_of(ctx, pobj, force=True)
        if role and org:
            return org, role
    return None


HONORIFICS = {
    "Cllr",
    "Cllr.",
    "Councillor",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
}


def _office_of_end(doc: Doc, i: int) -> int | None:
    """End of "of care", "of community safety" after a title at ``i``: lower-case words."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    j = i + 1
    # "head of AI data", "director of HR operations": a short acronym is a word of the office
    while (
        j < len(doc)
        and j - i <= 3
        and doc[j].is_alpha
        and (doc[j].is_lower or doc[j].is_upper and len(doc[j]) <= 3 and j + 1 < len(doc))
    ):
        if doc[j].pos_ in ("DET", "ADP", "VERB", "PRON"):
            return None
        j += 1
    return j if j > i + 1 else None


def _product_named_company(ctx: Context, k: int) -> bool:
    """NER's product "BioGate Asia" before a title, whose first word is an organisation
    elsewhere ("BioGate staff copied ..."): the company by its full name."""
    whole = ent_at(ctx.doc, k)
    if whole is None or whole.label_ != "PRODUCT" or whole.end != k + 1:
        return False
    return any(m.name.split()[0] == whole[0].text for m in ctx.names.orgs)


def _org_at_end(ctx: Context, clause: Span) -> str | None:
    """The organisation after "at" or "for" in a clause ("who studies privacy at X")."""
    for t in clause:
        if t.lower_ in ("at", "for", "of") and t.dep_ == "prep":
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "ORG":
                ent = ent_at(ctx.doc, obj.i)
                if ent is not None and not ctx.names.is_outlet(clean_name(ent.text)):
                    return ctx.names.org(ent.text)
    return None


def _role_text(span: Span) -> str:
    text = clean_name(span.text)
    text = re.sub(r"^(?:a|an|the|its|their|his|her)\s+", "", text, flags=re.I)
    return text


def roles(ctx: Context) -> list[RawFact]:
    doc = ctx.doc
    out: dict[tuple[str, str], RawFact] = {}
    exec_roles = {
        "chief executive",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "chief technology officer",
        "chief executive officer",
        "president",
        "founder",
        "chairman",
        "chair",
    }

    programs = {p.name for p in ctx.programs}

    def add(person: str, org: str | None, role: str, sent: Span, conf: float) -> None:
        if org in programs:  # a product is nobody's employer: the company that runs it
            org = ctx.names.main_org if ctx.names.main_org not in programs else None
        if org and org.lower() in COMPANY_NOUNS:  # "Company spokesman X" opening a sentence
            org = ctx.names.main_org
        if not org or not person or org == person or len(person.split()) < 2:
            return
        s, e = evidence(sent)
        out.setdefault(
            (person, org),
            RawFact("role", {"person": person, "organization": org, "role": role}, s, e, conf),
        )

    persons = [e for e in ents(doc) if e.label_ == "PERSON"] + _mislabelled_persons(ctx)
    persons.sort(key=lambda e: e.start)
    for ent in persons:
        person = ctx.names.person(ent.text)
        # relative clause after the name: "X, who heads the bank's security team",
        # "X, who has worked as a teller at Halvern Bank for 12 years"
        j = ent.end
        w = j + 2 if j + 3 < len(doc) and doc[j + 1].like_num and doc[j + 2].text == "," else j
        if w + 1 < len(doc) and doc[w].text == "," and doc[w + 1].lower_ == "who":
            # (also after an age: "X, 44, who has cleaned offices for Y")
            found = _role_in_relative_clause(ctx, doc[w + 1])
            if found is not None:
                add(person, found[0], found[1], ent.sent, 0.6)
                continue
        # appositive after the name: "X, director of Y" (also "X, 52, a cashier at Y")
        if (
            j + 2 < len(doc)
            and doc[j].text == ","
            and doc[j + 1].like_num
            and doc[j + 2].text == ","
        ):
            j += 2
        if j < len(doc) and doc[j].text == ",":
            end = j + 1
            while (
                end < len(doc)
                and doc[end].text not in (",", ".", ";", "—", "–", "\n", "(", "“", '"')
                and end - j < 18
                and doc[end].lower_ not in ("said", "says", "told", "who", "which", "whose")
            ):
                end += 1
            app = doc[j + 1 : end]
            roles_in = _role_spans(doc, app.start, app.end)
            if not roles_in:  # "Scott Strenfel, PG&E's principal meteorologist"
                job = _occupation_noun(ent, app)
                roles_in = [doc[job.i : job.i + 1]] if job is not None else []
            if (
                roles_in
                and roles_in[0].end < len(doc)
                and doc[roles_in[0].end].ent_type_ == "PERSON"
                and doc[roles_in[0].end].text[:1].isupper()
            ):
                roles_in = []  # "X, Twitter CEO Jack Dorsey ...": the next person's title
            if roles_in and app.start < roles_in[0].start + 6:
                r = roles_in[0]
                # role phrase: from the first role word through "for X" complements
                rs = r.start
                while (
                    rs > app.start
                    and doc[rs - 1].pos_ in ("ADJ", "PROPN", "NOUN")
                    and doc[rs - 1].dep_ != "poss"
                    and doc[rs - 1].text not in ("'s", "’s")
                ):
                    rs -= 1
                re_ = r.end
                if re_ < app.end and doc[re_].lower_ == "for":
                    re_ = app.end
                    # "national officer for finance at Unite": the office ends before "at"
                    at = next((t.i for t in doc[r.end : app.end] if t.lower_ == "at"), None)
                    re_ = at if at is not None else re_
                elif (
                    re_ + 1 < app.end
                    and doc[re_].lower_ == "of"
                    and doc[re_ + 1].is_lower
                    and doc[re_ + 1].pos_ != "DET"  # "director of the Clinic": no office
                ):
                    re_ += 1  # "head of compliance": the office, not "of <organisation>"
                    while (
                        re_ < app.end
                        and doc[re_].is_lower
                        and doc[re_].is_alpha
                        and doc[re_].pos_ not in ("ADP", "CCONJ", "VERB")
                    ):
                        re_ += 1
                role = _role_text(doc[rs:re_])
                rest = doc[app.start : app.end]
                body = _group_after(doc, r.end, app.end)
                if body:  # "local president of the prison workers' union"
                    add(person, body, role, ent.sent, 0.7)
                    continue
                org = (
                    _org_in(ctx, rest)
                    or _org_holding_title(ctx, doc[rs : r.end].text, rs)  # not "for X"
                    or _proper_after(rest, r.end)
                )
                if org is None:
                    org = _named_body_after(ctx, doc, r.end, app.end, ent.start)
                if org is None and app.end < len(doc) and doc[app.end].lower_ == "who":
                    # "a professor who studies workplace privacy at McMaster University"
                    clause_end = app.end
                    while clause_end < len(doc) and doc[clause_end].text not in (",", ".", ";"):
                        clause_end += 1
                    org = _org_at_end(ctx, doc[app.end : clause_end])
                    led = _role_in_relative_clause(ctx, doc[app.end]) if org is None else None
                    if led is not None:  # "a translator who co-founded the collective"
                        org, role = led
                if org is None and r.text.lower() in exec_roles:
                    org = ctx.names.main_org
                add(person, org, role, ent.sent, 0.8)
                continue
        # title before the name: "CTO Andrew Bosworth", "Google CEO Sundar Pichai"
        # (also "WeWork's founder and former CEO, Adam Neumann")
        gap = 1 if ent.start > 0 and doc[ent.start - 1].text == "," else 0
        if not gap and ent.start > 0 and doc[ent.start - 1].text in HONORIFICS:
            gap = 1  # "council leader Cllr Imran Sadler"
        roles_before = _role_spans(doc, max(0, ent.start - 8), ent.start - gap)
        of_office = [r for r in roles_before if _office_of_end(doc, r.end) == ent.start - gap]
        roles_before = [r for r in roles_before if r.end == ent.start - gap]
        if not roles_before and of_office:
            # "Its director of care, Orla Brennock": the office runs up to the comma
            roles_before = [doc[of_office[-1].start : ent.start - gap]]
        if roles_before:
            r = roles_before[-1]
            outer = [o for o in _role_spans(doc, max(0, r.start - 6), r.start) if o.end == r.start]
            if outer and not gap:
                r = outer[-1]  # "BPA president Captain X": the job, before the rank
            # the title phrase: "founder and former CEO", "recently named executive chair"
            rs = r.start
            while (
                rs - 1 >= 0
                and (
                    doc[rs - 1].pos_ in ("ADJ", "CCONJ")
                    or doc[rs - 1].lower_ in ("former", "deputy", "acting", "interim")
                )
                or (rs - 2 >= 0 and doc[rs - 1].pos_ == "CCONJ")
            ):
                rs -= 1
            while rs < r.start and doc[rs].pos_ == "CCONJ":
                rs += 1
            role = doc[rs : r.end].text if gap else r.text
            org = None
            if not gap and ent.end < len(doc) and doc[ent.end].lower_ in ("of", "at"):
                # "Labour law professor Jens Hartwig of the University of Mannheim"
                org = _org_at_end(ctx, doc[ent.end : ent.end + 8])
                if org:
                    add(person, org, role, ent.sent, 0.7)
                    continue
            k = rs - 1
            steps = 0
            while (
                k >= 0
                and steps < 4
                and doc[k].text not in ("'s", "’s")
                and doc[k].pos_ in ("ADV", "VERB", "ADJ", "NOUN", "CCONJ")
                and doc[k].ent_type_ != "ORG"
                and doc[k].text not in ctx.names.acronyms  # the model's verb "ATWU"
            ):
                k -= 1  # "The We Company's recently named executive chair"
                steps += 1
            # "the BBC's North America editor": a region is part of the title
            k0 = k
            while k >= 1 and doc[k].pos_ == "PROPN" and doc[k].ent_type_ in ("GPE", "LOC"):
                k -= 1
                if doc[k].text in ("'s", "’s"):
                    role = doc[k + 1 : r.end].text
            chain_org = None
            if (
                k < k0
                and doc[k].pos_ == "PROPN"
                and doc[k].ent_type_ == ""
                and not ctx.names.is_outlet(doc[k].text)
            ):
                # "Tech Workers Ireland general secretary X": NER's place ends a longer name
                j = k
                while j >= 1 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_type_ in ("", "ORG"):
                    j -= 1
                chain_org = ctx.names.org(doc[j : k0 + 1].text)
            if k >= 0 and doc[k].text in ("'s", "’s"):
                k -= 1
            if chain_org:
                org = chain_org
            elif k >= 0 and doc[k].text in ctx.names.acronyms and doc[k].pos_ != "PROPN":
                org = ctx.names.org(doc[k].text)  # "ATWU branch secretary X", ATWU untagged
            elif k >= 0 and _product_named_company(ctx, k):
                whole = ent_at(doc, k)
                org = ctx.names.org(whole.text) if whole is not None else None
            elif k >= 0 and (
                doc[k].ent_type_ == "ORG"
                or doc[k].text[:1].isupper()
                and doc[k].pos_ == "PROPN"
                and doc[k + 1].text in ("'s", "’s")
            ):
                org = org_of(ctx, doc[k], force=True) or ctx.names.org(doc[k].text)
                org = _with_body_word(ctx, doc[k], org)
                if any(
                    len(p.name.split()) >= 2 and p.name.split()[-1] == doc[k].text
                    for p in ctx.names.persons
                ):
                    continue  # "Bolger's lawyer, Jeremy Robinson": a client, not an employer
            elif (
                k >= 0
                and doc[k].pos_ == "PROPN"
                and doc[k].dep_ == "compound"
                and doc[k].text[:1].isupper()
                and (
                    doc[k].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE")
                    # "Brightmans chief executive X": NER's NORP the text shows is a company
                    or doc[k].ent_type_ == "NORP"
                    and ctx.names.company_before(k + 1) == ctx.names.org(doc[k].text)
                    # "Twitter CEO Jack Dorsey": a one-word "person" before a company title
                    or doc[k].ent_type_ in ("PERSON", "GPE")
                    and (k == 0 or doc[k - 1].ent_type_ not in ("PERSON", "GPE"))
                    and r.text.lower() in exec_roles | SPOKES
                    # "Kgotso spokesperson Lerato Dube": a company the text names elsewhere
                    and (doc[k].ent_type_ == "PERSON" or ctx.names.known_org_at(doc, doc[k]))
                )
            ):
                org = org_of(ctx, doc[k], force=True)  # "Unite national officer Rhys McCarthy"
                if org is None and doc[k].text in ctx.names.acronyms:
                    org = ctx.names.org(doc[k].text)  # an acronym NER did not tag
                org = _with_body_word(ctx, doc[k], org) if org else None
            elif (
                rs >= 1 and doc[rs - 1].pos_ == "NOUN" and doc[rs - 1].lemma_.lower() in GROUP_NOUNS
            ):
                # "students' association president Aroha Tipene": the body the text
                # describes, never a company named elsewhere
                org = _group_phrase(doc[rs - 1])
            elif k >= 0 and doc[k].lower_ in ("its", "their"):
                org = antecedent_org(ctx, doc[k])
            elif k >= 0 and doc[k].pos_ == "NOUN" and doc[k + 1].text in ("'s", "’s"):
                # "The firm's managing partner, Charles Ellery": the firm named before
                org = ctx.names.resolve_org(doc, doc[k], ctx.lex)
            if org and org.lower().split()[0] in NOT_ORG_WORDS:
                org = None  # "Deputy district judge X": a rank, not an organisation
            if org is None and rs >= 1:
                # "London mayor Sadiq Khan", "Norwich City midfielder Todd Cantwell": the
                # place or club named right before the title
                before = ent_at(doc, rs - 1)
                if (
                    before is not None
                    and not gap
                    and (
                        before.label_ in ("GPE", "ORG")
                        # NER's person "Sightline Intelligence" the text names as a company
                        or any(m.name == clean_name(before.text) for m in ctx.names.orgs)
                    )
                ):
                    org = ctx.names.org(clean_name(before.text))
            office = _office_body(ctx, r)
            if office == "Government" and (
                org is None
                or all(m.name != org for m in ctx.names.orgs)
                # NER's ORG "Communications" is only ever a portfolio before a title
                or not re.search(rf"\b{re.escape(org)}\b(?!\s+{re.escape(r.text)})", text_of(doc))
            ):
                # "Communications Minister Malcolm Turnbull": a portfolio, not an organisation
                j = k
                while (
                    j >= 0
                    and k - j < 3
                    and doc[j].pos_ == "PROPN"
                    and doc[j].ent_type_ in ("", "ORG")
                ):
                    j -= 1
                org, role = office, doc[j + 1 : r.end].text
                country = _country_in_view(ctx, r)
                if country in ("UK", "US"):
                    org = f"{country} government"  # "British Prime Minister Boris Johnson"
                elif country and country != "EU":
                    org = f"Government of {country}"
            if (
                org is None
                and office
                and is_state_or_country(office)
                and r.text.lower() in exec_roles
            ):
                # "Setsunan will use the recordings only ..., President Takeshi Morioka told
                # a news conference": the company the sentence names, not the country's
                org = _company_in_sentence_before(ctx, ent.sent, ent.start)
            # "Deputy President X": the rank may say whose office it is (a tribunal's)
            org = org or _org_holding_title(ctx, doc[rs : r.end].text, rs) or office
            if org is None and rs >= 1 and doc[rs - 1].is_lower:
                # "police chief Renata Olmos": the town's police department
                org = body_of_town(doc, ctx.lex, doc[rs - 1].lower_)
            if org is None and r[0].lemma_.lower() in GROUP_NOUNS:
                # "council leader X", "union president X": the council the text names
                org = ctx.names.org_named_like(ent.start, {r[0].lower_})
            # "President X" with no country in view is nobody's company president
            honorific = r.text[:1].isupper() and r.text.lower() in ctx.lex.words.get(
                "office_bodies", {}
            )
            if (
                org is None
                and not honorific
                and r.text.lower() not in BOARD_TITLES
                and not _title_bodies(ctx, r.text)  # "Chief Constable X" is no company's
                and (
                    r.text.lower() in exec_roles | {"executive", "director"} | SPOKES
                    or set(re.split(r"[\s-]+", r.text.lower())) & COMPANY_TITLE_WORDS
                )
            ):
                # "managing partner Ruth Abernathy confirmed": the company in view, first in
                # this sentence ("reported that Ozy Media falsified ... and that COO X")
                main = ctx.names.main_org
                org = (
                    _company_in_sentence_before(ctx, ent.sent, ent.start)
                    # "Brightmoor says ... The company has not paused X, a spokesperson, Y,
                    # told CIRCUIT": the company the last sentences were about speaks
                    or (
                        ctx.names.subject_org_before(doc, ent.start, 1)
                        if r.text.lower() in SPOKES
                        else None
                    )
                    or ctx.names.company_before(ent.start)
                    # a company's title in a story about a company: that company, not the
                    # union named last ("Chief operating officer Grant McAllister said")
                    or (main if main and ctx.names.is_company_like(main) else None)
                    or ctx.names.org_before(doc, ent.start)
                )
                if org and (is_state_or_country(org) or ctx.names.is_outlet(org)):
                    org = None  # "US spokesman": a country employs nobody here; nor is
                    # the outlet quoted before a company's chief executive's employer
            add(person, org, role, ent.sent, 0.7)
    # "Senators Maria Ellison, a Democrat from Oregon, and Tom Brandt": one title, many people
    bodies = ctx.lex.words.get("office_bodies", {})
    for t in tokens(doc):
        single = t.text[:-1] if t.text.endswith("s") and t.text[:1].isupper() else None
        first = ent_at(doc, t.i + 1) if single else None
        body = bodies.get(single.lower()) if single else None
        if first is None or first.label_ != "PERSON" or not isinstance(body, str):
            continue
        if body.startswith("@"):
            continue  # a body that depends on the place: the main loop's work
        for p in [first.root, *first.root.conjuncts]:
            who = ent_at(doc, p.i)
            if who is not None and who.label_ == "PERSON":
                add(ctx.names.person(who.text), body, single, t.sent, 0.6)
    # "Marian Cole of Whitlow Hart LLP", "A and B of Breck & Adair LLP": a law firm's lawyers
    for n, ent in enumerate(persons):
        j = ent.end
        if j < len(doc) and doc[j].lower_ == "and" and n + 1 < len(persons):
            nxt = persons[n + 1]
            j = nxt.end if nxt.start == j + 1 else j
        if j + 1 >= len(doc) or doc[j].lower_ != "of":
            continue
        # the firm's name, whatever NER made of it
        firm = FIRM_NAME_RE.match(text_of(doc), doc[j + 1].idx)
        if firm is None or not LAW_FIRM_RE.search(firm.group()):
            continue
        add(ctx.names.person(ent.text), ctx.names.org(firm.group()), "lawyer", ent.sent, 0.6)
    # "Jennifer Jett is the Asia Digital Editor for NBC News": a title after "is"
    for ent in persons:
        head = ent.root.head
        if ent.root.dep_ != "nsubj" or head.lemma_ != "be":
            continue
        attr = next((c for c in head.children if c.dep_ == "attr"), None)
        if attr is None or attr.pos_ not in ("NOUN", "PROPN"):
            continue
        phrase = doc[attr.left_edge.i : attr.right_edge.i + 1]
        titles = _role_spans(doc, phrase.start, min(phrase.end, attr.i + 1))
        if not titles:
            continue
        r = titles[-1]
        rs = r.start
        while (
            rs > phrase.start
            and doc[rs - 1].pos_ in ("ADJ", "PROPN", "NOUN")
            and doc[rs - 1].dep_ != "poss"
            and doc[rs - 1].ent_type_ not in ("ORG",)
        ):
            rs -= 1
        org = _org_in(ctx, phrase) or _proper_after(phrase, r.end)
        add(ctx.names.person(ent.text), org, _role_text(doc[rs : r.end]), ent.sent, 0.7)
    # "Halvern Bank hired Dana Whitley as chief privacy officer": appointments
    for ent in persons:
        head = ent.root.head
        if ent.root.dep_ != "dobj" or head.lemma_.lower() not in APPOINT_VERBS:
            continue
        as_prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pobj = next((c for c in as_prep.children if c.dep_ == "pobj"), None) if as_prep else None
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if pobj is None or subj is None or not _role_spans(doc, pobj.left_edge.i, pobj.i + 1):
            continue
        org = org_of(ctx, subj, force=True)
        add(
            ctx.names.person(ent.text),
            org,
            _role_text(doc[pobj.left_edge.i : pobj.i + 1]),
            ent.sent,
            0.6,
        )
    # NER sometimes swallows the title: ORG "CTO Andrew Bosworth"
    for ent in ents(doc):
        if ent.label_ not in ("ORG", "PERSON") or len(ent) < 3:
            continue
        rs = _role_spans(doc, ent.start, ent.start + 3)
        if rs and rs[0].start == ent.start and all(t.is_title for t in doc[rs[0].end : ent.end]):
            person = doc[rs[0].end : ent.end].text
            # "Councilwoman Priscilla Huang": a public office names its body
            org = _org_holding_title(ctx, rs[0].text) or ctx.names.org_before(doc, ent.start)
            add(person, org, rs[0].text, ent.sent, 0.6)
    # "Cloud chief Diane Greene" and "Diane Greene, chief executive of Google Cloud": one role
    for person, org in list(out):
        ow = set(org.lower().split())
        if any(p == person and o != org and ow < set(o.lower().split()) for p, o in out):
            out.pop((person, org))
    return list(out.values())
