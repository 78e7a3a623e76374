"""``law``: named laws and regulations with the jurisdiction the article gives them.

Jurisdiction, in order: a possessive or adjective on the law ("NZ's Privacy Act 2020",
"the European Union's GDPR"), the law lexicon (``rules/laws.jsonl``, written as the article
writes it: "European Union" or "EU"), a place named in the same sentence ("in the UK").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.nlp.extensions import ents, sent_ents, text_of
from extract.nlp.names import clean_name, initials
from extract.nlp.relations.common import Context, RawFact, evidence, story_country
from extract.places import (
    country_of,
    demonym_country,
    is_state_or_country,
    is_subnational,
    jurisdiction,
    level_words,
    state_of,
)

LAW_HEADS = {
    "loi",
    "ley",
    "gesetz",
    "act",
    "regulation",
    "directive",
    "bill",
    "law",
    "code",
    "acts",
    "regulations",
    "convention",
    "ordinance",
    "statute",
}
PLACE_LABELS = {"GPE", "NORP", "LOC"}
# the name a jurisdiction goes by in law reporting ("Britain's Data Protection Act" is the UK's)
SHORT_FORMS = {"Britain": "UK", "Great Britain": "UK", "United Kingdom": "UK"}


_ACRONYM_RE = re.compile(r"\b[A-Z]{3,}\b")  # "GDPR", "CCPA", "DPDP" (not "UK", "EU")


def _canonical(ctx: Context, text: str) -> tuple[str, list[str] | None]:
    name = clean_name(text)
    key = name.replace(",", "").lower()  # "Act, 2023" is "Act 2023"
    for law in ctx.lex.laws:
        forms = [law["law"], *law.get("aliases", [])]
        if name in forms or key in (f.replace(",", "").lower() for f in forms):
            # the law as the story writes it: "UK GDPR" where no long name appears
            if _ACRONYM_RE.search(name):
                text = text_of(ctx.doc).replace(",", "").lower()
                spelt = [f for f in forms if not _ACRONYM_RE.search(f)]
                if not any(f.replace(",", "").lower() in text for f in spelt):
                    # unless the story spells it out its own way: "the General Data
                    # Protection Law (LGPD)"
                    return _spelt_out(ctx, name) or name, list(law["jurisdiction"])
            return law["law"], list(law["jurisdiction"])
    return name, None


def _spelt_out(ctx: Context, acronym: str) -> str | None:
    """The long name the text gives an acronym in brackets after it."""
    m = re.search(
        rf"((?:[A-Z][\w'’-]*|of|on|and|for|the)(?: (?:[A-Z][\w'’-]*|of|on|and|for|the))*)"
        rf" \({re.escape(acronym)}\)",
        text_of(ctx.doc),
    )
    if m is None:
        return None
    long = m.group(1).split(" the ")[-1]  # not "In Brazil the ..."
    long = re.sub(r"^(?:the|of|on|and|for)\s+", "", long)
    return long if _valid(long) and len(long.split()) >= 2 else None


EU_ACT_RE = re.compile(r"(?:Regulation|Directive|Decision) \((?:EU|EC|EEC|Euratom)\) (?:No\.? )?\d")


def _valid(name: str) -> bool:
    if EU_ACT_RE.match(name):
        return True  # "Regulation (EU) 2018/1725"
    words = name.split()
    if len(words) < 2 and not (name.isupper() and len(name) >= 3):
        return False
    if re.fullmatch(r"(?:Proposition|Prop\.) \d{1,3}", name):
        return True  # a ballot measure
    if re.fullmatch(r"(?:Ley|Lei|Loi|Law|Decreto|Decree)(?: \S+)? \d[\d./-]*", name):
        return True  # a law by number: "Ley 21.719", "Law 25"
    if len(words) >= 4 and words[-2].lower() in ("section", "article", "§"):
        words = words[:-2]  # "Civil Rights Law Section 52-c"
    last = words[-1].lower()
    if re.fullmatch(r"\d{4}", last) and len(words) >= 3:
        last = words[-2].lower().rstrip(",")  # "Working for Workers Act, 2022"
    return last in LAW_HEADS or name.isupper()


def _jurisdiction_before(ctx: Context, ent: Span) -> str | None:
    doc = ctx.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text in ("'s", "’s", "'", "’"):
        i -= 1
    region = jurisdiction(doc[i].text) if i >= 0 else None
    if region is not None and region != doc[i].text and is_subnational(region):
        return region  # "the NSW Surveillance Devices Act"
    if i >= 0 and (is_state_or_country(doc[i].text) or is_subnational(doc[i].text)):
        return doc[i].text  # "Illinois' Freedom from ... Act", whatever NER called Illinois
    if i >= 0 and (
        doc[i].ent_type_ in PLACE_LABELS
        or doc[i].text in ("EU", "UK", "US", "NZ")
        or doc[i].ent_type_ == "ORG"
        and doc[i].text in ("Union", "Kingdom", "States")
    ):
        j = i
        while (
            j - 1 >= 0
            and doc[j - 1].ent_type_ == doc[i].ent_type_
            and doc[j - 1].ent_iob_ != "O"
            and doc[j - 1].lower_ != "the"
        ):
            j -= 1
        place = doc[j : i + 1].text
        if doc[i].ent_type_ == "NORP":
            return demonym_country(place) or place
        return clean_name(place)
    return None


# what a nationality word before it makes a country's: "The Irish claim alleges breaches"
LEGAL_NOUNS = {
    *("claim", "lawsuit", "suit", "case", "complaint", "court", "courts", "ruling"),
    *("regulator", "law", "laws", "legislation", "bill", "action", "judge", "tribunal"),
}


def _legal_nationality(e: Span) -> bool:
    return (
        demonym_country(e.text) is not None
        and e.root.dep_ == "amod"
        and e.root.head.lemma_.lower() in LEGAL_NOUNS
    )


def _in_text(ctx: Context, forms: list[str]) -> str | None:
    for f in forms:
        if re.search(rf"\b{re.escape(f)}\b", text_of(ctx.doc)):
            return f
    return None


def _lexicon_place(ctx: Context, forms: list[str]) -> str | None:
    """The lexicon's jurisdiction for a law, as the text writes it; not where the story is
    set elsewhere and never names it ("the Data Protection Act 2018" of an Irish lawsuit is
    Ireland's, not the UK's act of that name). EU law holds in every member state."""
    named = _in_text(ctx, forms)
    if named:
        return named
    home = country_of(forms[0])
    story = story_country(ctx)
    if story is None or home in (story, "EU", None):
        return forms[0]
    return None


BILL_IN_CITY = re.compile(r"\b(?:bill|legislat\w+|lawmakers)\b", re.I)
US_HINTS = re.compile(
    r"\b(?:Federal Trade Commission|FTC|Congress|U\.S\.|United States|US)\b(?!\$)"
)


def _country_hint(ctx: Context) -> str | None:
    """A US federal law in a US story: agencies and institutions name the country."""
    return "US" if len(US_HINTS.findall(text_of(ctx.doc))) >= 2 else None


def _main_place(ctx: Context) -> str | None:
    """The country the article is mostly about (most named GPE), for laws it does not place."""
    counts: dict[str, int] = {}
    people = " ".join(e.text for e in ents(ctx.doc) if e.label_ == "PERSON")
    for e in ents(ctx.doc):
        if e.label_ == "GPE" and e.text not in people:
            n = clean_name(e.text)
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda n: counts[n])
    return best if counts[best] >= 2 else None


def _by_level(ctx: Context, ent: Span) -> str | None:
    """A law the text places in a state or province ("the state's Consumer Fraud Act",
    "At the state level, ... House Bill 412", "State Rep. X will introduce the ... Act"):
    the state named last before it (a city stands for its state); a federal law: the
    country the story is in."""
    doc = ctx.doc
    sent = ent.sent
    prev = doc[sent.start - 1].sent if sent.start > 0 else sent
    words = {t.text for t in doc[prev.start : sent.end]} | {
        doc[t.i : t.i + 2].text for t in doc[prev.start : sent.end]
    }
    state_words, federal_words = level_words()
    if words & state_words:
        country = story_country(ctx)
        start = 0  # the nearest state before it, however far back
        for t in reversed(doc[start : ent.start]):
            if not t.text[:1].isupper():
                continue
            for n in (3, 2, 1):  # "New Jersey Division of ...", "Ohio House", "DFL-Minneapolis"
                name = doc[t.i : t.i + n].text
                # a place, never a person named like one ("Judge Helena Prado")
                # the start of an organisation's name, never a word inside it ("Digital
                # Liberty Australia" is no Liberty, Missouri)
                place_like = t.ent_type_ in PLACE_LABELS or (
                    t.ent_type_ in ("ORG", "FAC") and t.ent_iob_ == "B"
                )
                found = state_of(name) if place_like or is_subnational(name) else None
                if found and not is_subnational(name) and country not in (None, "US"):
                    continue  # GeoNames reads cities as American: Logan, Queensland
                if found:
                    return found
        return None
    if words & federal_words:
        main = _main_place(ctx)
        return country_of(main) if main else None
    return None


def _year_after(doc: Doc, i: int, name: str) -> str:
    """The year a name runs on into: "the Data Privacy Act [of 2012]", "the Unfair
    Dismissals Acts 1977 [to 2015]"."""
    words = [t.text for t in doc[i : i + 2]]
    if len(words) < 2 or not re.fullmatch(r"(?:19|20)\d\d", words[1]):
        return ""
    if words[0] == "of" and not re.search(r"\d{4}$", name):
        return f" of {words[1]}"
    if words[0] == "to" and re.search(r"\bActs \d{4}$", name):
        return f" to {words[1]}"
    return ""


def laws(ctx: Context) -> list[RawFact]:
    doc = ctx.doc
    found: dict[str, RawFact] = {}
    for ent in ents(doc):
        if ent.label_ != "LAW":
            continue
        name, juris = _canonical(ctx, ent.text)
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.shape_ == "dddd" and juris is not None:
            year = re.search(r"\b\d{4}\b", name)
            if year and year.group() != nxt.text:
                # "Health and Safety at Work Act 2015": New Zealand's, not the lexicon's
                # UK law of 1974 that shares its short name
                name, juris = clean_name(f"{ent.text} {nxt.text}"), None
        if juris is None and not _valid(name):
            continue  # (a law from the lexicon is one whatever its last word)
        if juris is None:
            name += _year_after(doc, ent.end, name)
        words = name.split()
        if (
            words[-1] in ("Bill", "Law", "Code")
            and nxt is not None
            and nxt.is_title
            and nxt.pos_ in ("PROPN", "NOUN")
        ):
            continue  # "Opposition Leader Bill Shorten", "Stanford Law School"
        if nxt is not None and nxt.lemma_.lower() in ("report", "say", "write", "reveal"):
            continue  # "As Bloomberg Law reported": a publication or firm does things, a law not
        if words[-1] == "Law" and " of " in name:
            continue  # "Alexander Sakin of Sakin Law": a lawyer and his firm
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if (
            len(words) == 2
            and words[-1] == "Law"
            and before != "the"
            and not is_state_or_country(words[0])
            and juris is None
        ):
            continue  # "Alexander Sakin of Sakin Law": a law firm
        if any(w.lower() in ctx.lex.roles for w in name.split()[:-1]):
            continue
        lead = doc[max(ent.sent.start, ent.start - 6) : ent.start].text
        if re.search(r"(?:known|called|dubbed) as(?: the)?$|also called(?: the)?$", lead) and any(
            e.label_ == "LAW" and e.end <= ent.start for e in sent_ents(ent.sent)
        ):
            continue  # "the Age Appropriate Design Code, better known as the Children's Code"
        place = "EU" if EU_ACT_RE.match(name) else _jurisdiction_before(ctx, ent)
        first = name.split()[0].lower()
        if place is None and demonym_country(first):  # "British Bill"
            place = demonym_country(first)
        if place is None and juris:
            place = _lexicon_place(ctx, juris)
        if place is None and ent[0].ent_type_ == "LAW" and ent[0].is_title:
            # "Ohio Public Records Act", "California Consumer Privacy Act": named for its place
            for n in (2, 1):  # "New York Civil Rights Law", "Ohio Public Records Act"
                lead = " ".join(name.split()[:n])
                if lead != name and (is_state_or_country(lead) or is_subnational(lead)):
                    place = lead
                    break
        if place is None:
            place = _by_level(ctx, ent)
        if place is None:
            places = [
                e
                for e in sent_ents(ent.sent)
                if (e.label_ == "GPE" or e.label_ == "NORP" and _legal_nationality(e))
                and e.start != ent.start
                # a place GeoNames knows, not a company NER took for one ("Corvan had refused")
                and (e.label_ == "NORP" or country_of(clean_name(e.text)) is not None)
            ]
            if places:
                where = clean_name(places[0].text)
                if places[0].label_ == "NORP":
                    where = demonym_country(where) or where  # "The Irish claim alleges"
                place = jurisdiction(where)
                if BILL_IN_CITY.search(ent.sent.text) and not is_state_or_country(where):
                    # "a bill in Sacramento": the legislature that sits in that city
                    place = state_of(where) or place
        if place is None:
            main = _main_place(ctx)
            # (else the country the story names: "the Mine Health and Safety Act" in a story
            # from South Africa)
            place = jurisdiction(main) if main else _country_hint(ctx) or story_country(ctx)
            if place and not (is_state_or_country(place) or is_subnational(place)):
                # an unknown town: the country the story is in
                place = _country_hint(ctx) or story_country(ctx) or place
        if place is None:
            continue
        place = SHORT_FORMS.get(place, place)
        if place in ("England", "Wales") and place not in name:
            place = "UK"  # Westminster legislates for England; a Welsh Act says so
        s, e = evidence(ent.sent)
        fact = RawFact("law", {"law": name, "jurisdiction": place}, s, e, 0.8)
        # merge "Privacy Act" into "Privacy Act 2020", "GDPR" into its long form
        key = name
        for other in list(found):
            extra = set(name.split()) ^ set(other.split())
            places = {place, found[other].fields["jurisdiction"]}
            if any(is_state_or_country(w) for w in extra) and len(places) > 1:
                continue  # "UK General Data Protection Regulation" and the EU's are two laws
            if set(other.lower().split()) <= set(name.lower().split()) or initials(name) == other:
                found.pop(other)
            elif set(name.lower().split()) <= set(other.lower().split()) or initials(other) == name:
                key = other
        if key in found:
            continue
        found[key] = fact
    return list(found.values())
