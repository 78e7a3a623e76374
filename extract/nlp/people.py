"""Person names the statistical NER missed or mislabelled, repaired from evidence.

The small English model calls many people something else: "Andrew Bosworth" ORG, "Jared
Spataro" WORK_OF_ART, "Raheem Sterling" nothing at all. A name of two or three capitalised
words whose first word is a known given name (the ``gender-guesser`` list of about 40,000
names) becomes PERSON when the sentence treats it as a person: it says or tells something,
a title or an age stands beside it, an honorific comes before it, or its last word is used
alone as a person's surname elsewhere. Organisations that look like names ("Morgan Stanley",
"Hilton Hotels") are left alone: their last word is a given name too, or an organisation's.

The same list gives a first name's usual gender, for pronouns with no honorific in view.
"""

from __future__ import annotations

from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from extract.nlp.entities import NAME_WORD_TOKEN, SPANS_KEY
from extract.nlp.guard import guarded
from extract.nlp.lexicon import Lexicon
from extract.places import is_known_place, is_state_or_country
from extract.values import iter_money

HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "mx",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "cr",
    "cllr",
}
# lower-case words inside a name ("Bill de Blasio", "Laurence des Cars")
NAME_PARTICLES = {
    "de",
    "des",
    "du",
    "da",
    "di",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "bin",
    "al",
}
# labels NER gives people by mistake; dates, money and numbers are never names
RELABEL = {"ORG", "FAC", "WORK_OF_ART", "LAW", "GPE", "NORP", "PRODUCT", "LOC", "EVENT", ""}
# NER's labels that a person's name with an unknown given name gets ("Olumide Adeyemi-Cole")
UNLISTED_NAME_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC"}
SPEECH = {"say", "tell", "add", "write", "explain", "argue", "warn", "insist", "note", "ask"}


@cache
def _detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a given name most people who bear it share; None otherwise.

    >>> first_name_gender("Keisha"), first_name_gender("Andrew"), first_name_gender("Apple")
    ('f', 'm', None)
    """
    g = _detector().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


MONTHS = {
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
}
# words the name list also holds ("The", "May", "Will"): never the start of a name here
NOT_GIVEN = {
    *MONTHS,
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("new", "north", "south", "east", "west"),
}


@cache
def is_given_name(word: str) -> bool:
    low = word.lower()
    if not word[:1].isupper() or len(word) < 2 or low in STOP_WORDS or low in NOT_GIVEN:
        return False
    return _detector().get_gender(word) != "unknown"


def _with_hyphenated_given_name(doc: Doc, ent: Span) -> Span:
    """ "Kerry-Ann Walsh": NER's PERSON often starts after the hyphen."""
    i = ent.start
    if (
        ent.label_ == "PERSON"
        and i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_title
        and doc[i - 2].is_alpha
        and doc[i - 2].ent_type_ == ""
    ):
        return Span(doc, i - 2, ent.end, label="PERSON")
    return ent


def _with_branch_number(doc: Doc, ent: Span) -> Span:
    """ "United Food and Commercial Workers Local 1149": NER's ORG stops before the branch
    number (it calls "1149" a DATE). Unions name their branches so; the number is the name."""
    if ent.label_ == "ORG" and ent[-1].text in BRANCH_WORDS and ent.end < len(doc):
        nxt = doc[ent.end]
        if nxt.like_num and nxt.is_digit:
            return Span(doc, ent.start, ent.end + 1, label="ORG")
    return ent


BRANCH_WORDS = {"Local", "Lodge", "Branch", "Chapter", "District"}


def _joined_people(doc: Doc) -> list[Span]:
    """ "Judge [Helena Prado] [Quintela]": NER cut one name into two people side by side."""
    out: list[Span] = []
    for e in doc.ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and e.label_ == prev.label_ == "PERSON"
            and e.start == prev.end
            and doc[prev.end - 1].whitespace_
        ):
            out[-1] = Span(doc, prev.start, e.end, label="PERSON")
        else:
            out.append(e)
    return out


TIME_PREPOSITIONS = {"in", "since", "until", "till", "by", "from", "during", "through"}


def _without_leading_month(doc: Doc, ent: Span) -> list[Span]:
    """ "In May Corvel completed ...": NER ran the month into the name after it. A month
    after a preposition of time is a date; the name starts after it."""
    if (
        ent.label_ not in ("DATE", "TIME", "CARDINAL", "MONEY")
        and len(ent) > 1
        and ent[0].lower_ in MONTHS
        and ent[1].is_title
        and ent.start > 0
        and doc[ent.start - 1].lower_ in TIME_PREPOSITIONS
    ):
        return [
            Span(doc, ent.start, ent.start + 1, label="DATE"),
            Span(doc, ent.start + 1, ent.end, label=ent.label_),
        ]
    return [ent]


# nouns that describe the organisation named right after them ("the union Gewerkschaft
# Finanzdienste", "the law firm Colquhoun Reid")
BODY_DESCRIPTORS = {"union", "company", "firm", "group", "bank", "agency", "charity", "insurer"}
BODY_DESCRIPTORS |= {"startup", "start-up", "consultancy", "regulator", "retailer", "lender"}


def _described_body(doc: Doc, ent: Span) -> Span:
    """NER's "person" right after "the union" or "the firm" is that organisation."""
    if (
        ent.label_ == "PERSON"
        and ent.start >= 2
        and doc[ent.start - 1].lower_ in BODY_DESCRIPTORS
        and doc[ent.start - 1].is_lower  # not "the Drivers Union Sarah Mitchell"
        and doc[ent.start - 2].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
    ):
        return Span(doc, ent.start, ent.end, label="ORG")
    if (
        # "consultant Vincent Lau of Redline Cyber": a person's employer, where NER saw
        # a second person; a real name after "of" starts with a given name
        ent.label_ == "PERSON"
        and ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].ent_type_ == "PERSON"
        and not is_given_name(ent[0].text)
    ):
        return Span(doc, ent.start, ent.end, label="ORG")
    return ent


def _hyphenated_surnames_alone(doc: Doc) -> None:
    """ "Olumide Adeyemi-Cole ... Adeyemi-Cole said": NER cuts the surname used alone at
    its hyphen ("Cole"), or calls it something else; it is the person's."""
    surnames = {
        e[-3:].text
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) >= 4 and e[-2].text == "-" and not e[-3].whitespace_
    }
    if not surnames:
        return
    found = []
    for t in doc[:-2]:
        three = doc[t.i : t.i + 3]
        if (
            three.text in surnames
            and not any(k.ent_type_ == "PERSON" and k.ent_iob_ == "I" for k in three[:1])
            and (t.i == 0 or doc[t.i - 1].ent_type_ != "PERSON")
        ):
            found.append(Span(doc, t.i, t.i + 3, label="PERSON"))
    _as_people(doc, found)


def _body_name_matcher(vocab: Vocab, lex: Lexicon) -> Matcher:
    """Names of members' bodies NER often misses: Title Case words, then the kind of body
    ("Freelance Linguists Collective", "Federation of Contact Centre Workers")."""
    word = NAME_WORD_TOKEN
    head = {"TEXT": {"IN": sorted(lex.set("body_name_heads"))}}
    matcher = Matcher(vocab)
    joint = {"LOWER": {"IN": ["and", "&", "of", "for"]}, "OP": "?"}  # "Film and Television"
    body = [{**word, "OP": "+"}, joint, {**word, "OP": "*"}, head]
    # "... Workers Union Local 47": a union's branch and its number are part of the name
    branch = [{"TEXT": "Local"}, {"LIKE_NUM": True}]
    matcher.add("BODY", [body, body + branch], greedy="LONGEST")
    matcher.add(
        "BODY_OF",
        [[{**word, "OP": "*"}, head, {"LOWER": {"IN": ["of", "for"]}}, {**word, "OP": "+"}]],
        greedy="LONGEST",
    )
    # "Center for Labor and Data": a research body's name runs on past "and"
    of_head = {"TEXT": {"IN": sorted(lex.set("body_of_heads"))}}
    matcher.add(
        "BODY_OF_AND",
        [
            [
                of_head,
                {"LOWER": {"IN": ["of", "for"]}},
                {**word, "OP": "+"},
                {"LOWER": {"IN": ["and", "&"]}},
                {**word, "OP": "+"},
            ]
        ],
        greedy="LONGEST",
    )
    return matcher


# where a company works, named after its town ("its Ennis site")
SITE_NOUNS = {"site", "office", "centre", "center", "plant", "depot", "warehouse", "branch"}
SITE_NOUNS |= {"facility", "campus", "store", "hub", "factory", "headquarters", "mine"}


# "the coast of X", "the province of X": what follows is a place, whatever NER called it
PLACE_OF_NOUNS = {"coast", "province", "county", "region", "island", "outskirts"}


def _towns_as_places(doc: Doc) -> None:
    """NER's one-word "organisation" that is a known town, after "in" ("people in Limerick
    and Ennis") or before a site noun ("its Ennis site"), is the place."""
    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        if (
            e.label_ == "ORG"
            and e.start >= 2
            and doc[e.start - 1].lower_ == "of"
            and doc[e.start - 2].lower_ in PLACE_OF_NOUNS
        ):
            ents[k] = Span(doc, e.start, e.end, label="GPE")  # "off the coast of Rogaland"
            changed = True
            continue
        if e.label_ != "ORG" or len(e) != 1 or not is_known_place(e.text):
            continue
        before = doc[e.start - 1] if e.start > 0 else None
        after = doc[e.end] if e.end < len(doc) else None
        if after is not None and after.text in ("'s", "’s"):
            continue  # "Orange's shops": the company
        listed = (
            before is not None
            and before.lower_ in ("and", ",")
            and k > 0
            and ents[k - 1].label_ == "GPE"
            and ents[k - 1].end in (e.start - 1, e.start - 2)
        )
        if (
            before is not None
            and before.lower_ == "in"
            or listed
            or after is not None
            and after.lemma_.lower() in SITE_NOUNS
        ):
            ents[k] = Span(doc, e.start, e.end, label="GPE")
            changed = True
    if changed:
        doc.ents = ents


def _amounts_as_money(doc: Doc) -> None:
    """NER's organisation "[N42] million": with the word after it, an amount the money
    reader takes whole (naira, rand), and no organisation fined or paying."""
    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        if e.label_ != "ORG" or len(e) != 1 or e.end >= len(doc) or not e.text[-1:].isdigit():
            continue
        if any(x.start <= e.end < x.end for x in ents):
            continue
        text = doc[e.start : e.end + 1].text
        if any(s == 0 and end == len(text) for _, s, end in iter_money(text)):
            ents[k] = Span(doc, e.start, e.end + 1, label="MONEY")
            changed = True
    if changed:
        doc.ents = ents


def _country_before_body(doc: Doc) -> None:
    """NER's "[the Nigeria] [Data Protection Commission]": a country NER called an
    organisation, right before an organisation, is the first word of its name."""
    ents = list(doc.ents)
    merged: list[Span] = []
    k = 0
    while k < len(ents):
        e = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        words = [t for t in e if t.lower_ != "the"]
        if (
            nxt is not None
            and e.label_ == "ORG"
            and nxt.label_ == "ORG"
            and nxt.start == e.end
            and words
            and is_state_or_country(" ".join(t.text for t in words))
        ):
            merged.append(Span(doc, words[0].i, nxt.end, label="ORG"))
            k += 2
            continue
        merged.append(e)
        k += 1
    if len(merged) != len(ents):
        doc.ents = merged


def _add_unseen(doc: Doc, found: list[Span]) -> None:
    """Add the spans in ``found`` in place of NER's entities they overlap ("[Crew Guild]" of
    "Film and Television Crew Guild", an "event" "the Korean Platform Couriers Union");
    where NER's organisation reaches further, it stays."""
    spans = filter_spans(found)

    def start(e: Span) -> int:  # "[The Independent] Couriers and Drivers Union": the article
        return e.start + 1 if e[0].lower_ == "the" and len(e) > 1 else e.start

    def end(e: Span) -> int:  # "Drivers [Union (ICDU]": the name ends before the bracket
        return next((t.i for t in e[1:] if t.text == "("), e.end)

    new = [
        s
        for s in spans
        if not any(
            e.label_ == "ORG"
            and e.start < s.end
            and s.start < e.end
            and not (s.start <= start(e) and end(e) <= s.end)
            for e in doc.ents
        )
    ]
    if new:
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted([*kept, *new], key=lambda e: e.start)


def _as_people(doc: Doc, found: list[Span]) -> None:
    """Make ``found`` the document's PERSON entities, in place of what they overlap."""
    if found:
        found = [_with_hyphenated_given_name(doc, s) for s in found]  # "[Marie-]Ève Tremblay"
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
        doc.ents = filter_spans(kept + found)


class PeopleComponent:
    """Pipeline component ``newskg_people_v1``: relabels person names as PERSON (and mends
    NER span cuts first: "Kerry-Ann Walsh", "... Workers Local 1149", "In May [Corvel]"),
    after the other repairs of NER's names that decide who is a person: members' bodies
    ("Freelance Linguists Collective") and towns NER called organisations ("in Ennis")."""

    def __init__(self, lex: Lexicon, vocab: Vocab) -> None:
        self.bodies = _body_name_matcher(vocab, lex)
        self.org_heads = lex.set("org_name_heads")
        self.family_names = lex.set("family_name_first")
        self.mastheads = lex.set("masthead_words")
        self.org_nouns = lex.set("org_named_nouns")
        self.authority_words = lex.set("authority_words")
        self.roles = {r.lower() for r in lex.roles}

    def __call__(self, doc: Doc) -> Doc:
        return guarded("person-name repair", lambda: self._repair(doc), doc)

    def _repair(self, doc: Doc) -> Doc:
        mended = [
            part
            for e in _joined_people(doc)
            for part in _without_leading_month(
                doc, _with_branch_number(doc, _with_hyphenated_given_name(doc, e))
            )
        ]
        doc.ents = filter_spans(
            [_described_body(doc, self._without_leading_title(doc, e)) for e in mended]
        )
        _add_unseen(doc, [Span(doc, s, e, label="ORG") for _, s, e in self.bodies(doc)])
        _towns_as_places(doc)
        _amounts_as_money(doc)
        _country_before_body(doc)
        self._family_name_first(doc)
        self._people_among(doc, self._candidates(doc))
        _hyphenated_surnames_alone(doc)
        return doc

    def _people_among(self, doc: Doc, candidates: list[tuple[Span, bool]]) -> None:
        """Relabel the candidates that act as people in the text."""
        if not candidates:
            return
        # built once per document: title words, and words used alone as a person's name
        # ("... Pruitt said", "Ms Pruitt")
        role_tokens = {
            k
            for s in doc.spans.get(SPANS_KEY, [])
            if s.label_ == "ROLE"
            for k in range(s.start, s.end)
        }
        named_alone = {
            t.text
            for t in doc
            if t.text[:1].isupper()
            and (
                (t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() in SPEECH)
                or (t.i > 0 and doc[t.i - 1].lower_.rstrip(".") in HONORIFICS)
            )
        }
        found = [
            s
            for s, unlisted in candidates
            if self._acts_as_person(doc, s, role_tokens, named_alone)
            and (not unlisted or self._plainly_a_person(doc, s, role_tokens))
        ]
        _as_people(doc, found)

    def _without_leading_title(self, doc: Doc, ent: Span) -> Span:
        """ "Chief [Superintendent Gbenga] [Olaitan]": NER took the rank for a first name
        and cut the surname off. The person is the two words after the rank."""
        if (
            ent.label_ == "PERSON"
            and len(ent) == 2
            and ent[0].lower_ in self.roles
            and ent.end < len(doc)
            and ent[-1].whitespace_
            and doc[ent.end].is_title
            and doc[ent.end].is_alpha
            and doc[ent.end].ent_type_ != "PERSON"
            and doc[ent.end].lower_ not in self.roles
        ):
            return Span(doc, ent.start + 1, ent.end + 1, label="PERSON")
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 3
            and ent[0].lower_.rstrip(".") in self.roles
            # "[Councillor Ben Achterberg]": the role reader takes such a title from the name
            and ent[0].lower_ not in ("councillor", "senator", "governor", "mayor")
        ):
            # "Chief [Constable Richard Aske]", "[Inspector General Marcus Feld]": the rank is
            # a title before the name, which starts at a given name
            given = next((t.i for t in ent[1:-1] if is_given_name(t.text)), None)
            if given is not None:
                return Span(doc, given, ent.end, label="PERSON")
        return ent

    def _family_name_first(self, doc: Doc) -> None:
        """ "Nam Ki-hyun", "Yoon Ha-eun": a family name and a hyphenated given name. The small
        model calls many such names a work of art or an organisation; the shape is a person's
        (unless a longer organisation's name holds it: "the Kim Dae-jung Foundation")."""
        found = []
        for t in doc[:-3]:
            if t.text not in self.family_names or not t.whitespace_:
                continue
            given, hyphen, rest = doc[t.i + 1], doc[t.i + 2], doc[t.i + 3]
            if (
                given.is_title
                and given.is_alpha
                and not given.whitespace_
                and hyphen.text == "-"
                and not hyphen.whitespace_
                and rest.is_lower
                and rest.is_alpha
            ):
                found.append(Span(doc, t.i, t.i + 4, label="PERSON"))
        # not inside a longer organisation's name: "the Kim Dae-jung Foundation"
        within_orgs = [
            s
            for s in found
            for e in doc.ents
            if e.label_ == "ORG" and e.start <= s.start and s.end <= e.end and len(e) > len(s) + 1
        ]
        _as_people(doc, [s for s in found if s not in within_orgs])

    def _plainly_a_person(self, doc: Doc, span: Span, role_tokens: set[int]) -> bool:
        """A name whose first word is no given name we know: a person only where it stands
        in apposition to a job title ("its general manager, Olumide Adeyemi-Cole, told",
        "said Tunde Bakare-Ojo, executive director of ...") or after an honorific; "Kestrel
        Optics said" is a company, and so is "the firm Tempora Biometrics"."""
        last = span[-1].text
        if (
            last in (self.mastheads | self.org_heads | self.org_nouns | self.authority_words)
            or last.lower() in self.org_nouns
        ):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_.rstrip(".") in HONORIFICS:
            return True
        if (
            before is not None
            and before.i in role_tokens
            and before.is_lower
            and before.pos_ == "NOUN"
        ):
            return True  # "Kgotso spokesperson Lerato Dube said"
        comma_after = span.end < len(doc) and doc[span.end].text == ","
        if (
            span.start >= 2
            and before is not None
            and before.text == ","
            and (span.start - 2) in role_tokens
            and comma_after
        ):
            return True  # "the chief executive, Wanjiru Kamau, said"
        if comma_after:
            k = span.end + 1
            while (
                k < len(doc)
                and doc[k].lower_ != "whose"  # "Viaggiatori Consapevoli, whose president"
                and (doc[k].pos_ == "DET" or doc[k].dep_ in ("poss", "case"))
            ):
                k += 1
            if k < len(doc) and doc[k].lower_ == "whose":
                return False
            # "X, the company's country director": lower-case words before the title
            end = k
            while end < len(doc) and end - k < 3 and doc[end].is_lower and end not in role_tokens:
                end += 1
            return end < len(doc) and end in role_tokens
        return False

    def _candidates(self, doc: Doc) -> list[tuple[Span, bool]]:
        """Name-shaped spans, each with whether its first word is missing from the given-name
        list (such a name needs stronger evidence: :meth:`_plainly_a_person`)."""
        out: list[tuple[Span, bool]] = []
        # a title's words start no name ("Attorney-General George Brandis": not "General")
        titles = {
            k
            for s in doc.spans.get(SPANS_KEY, [])
            if s.label_ == "ROLE" and len(s) > 1
            for k in range(s.start + 1, s.end)
        }
        # "spokesperson Lerato Dube": a name right after a lower-case title
        after_title = {
            s.end
            for s in doc.spans.get(SPANS_KEY, [])
            if s.label_ == "ROLE" and doc[s.end - 1].is_lower and doc[s.end - 1].pos_ == "NOUN"
        }
        i = 0
        while i < len(doc):
            t = doc[i]
            # a given name the list lacks ("Olumide"), at the start of NER's other entity
            unlisted = (
                t.ent_iob_ == "B"
                and t.ent_type_ in UNLISTED_NAME_LABELS
                or t.ent_type_ == ""
                and i > 0
                and (
                    doc[i - 1].lemma_.lower() in SPEECH
                    or i in after_title
                    or doc[i - 1].lower_.rstrip(".") in HONORIFICS  # "Mr Emeka Nwachukwu"
                )
            ) and not (is_given_name(t.text) or t.lower_.rstrip(".") in HONORIFICS | self.roles)
            if (
                not (t.is_title and t.is_alpha and (unlisted or is_given_name(t.text)))
                or t.ent_type_ == "PERSON"
                or t.i in titles
            ):
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j - i < 6:
                w = doc[j]
                if (
                    # a hyphenated surname: "Olumide Adeyemi-Cole"
                    w.text == "-"
                    and j > i + 1
                    and not doc[j - 1].whitespace_
                    and not w.whitespace_
                    and j + 1 < len(doc)
                    and doc[j + 1].is_title
                    and doc[j + 1].is_alpha
                ):
                    j += 2
                    continue
                if (
                    w.is_title
                    and w.is_alpha
                    # NER's person may start late: "of Safety Marisol [Ortega]"
                    and (w.ent_type_ != "PERSON" or w.ent_iob_ == "B" and j == i + 1)
                    or w.lower_ in NAME_PARTICLES
                    and j + 1 < len(doc)
                    and doc[j + 1].is_title
                ):
                    j += 1
                else:
                    break
            span = doc[i:j]
            # "Olumide Adeyemi-Cole" is two words: a hyphenated surname counts once
            if 2 <= len(span.text.split()) <= 3 and self._name_like(doc, span):
                out.append((Span(doc, span.start, span.end, label="PERSON"), unlisted))
                i = j
            else:
                i += 1
        return out

    def _name_like(self, doc: Doc, span: Span) -> bool:
        last = span[-1]
        hyphenated = len(span) > 2 and span[-2].text == "-"  # "Adeyemi-Cole": no given name
        # "CEO Marcus Hale": a title before it makes it someone, whatever the last word is
        titled = span.start > 0 and doc[span.start - 1].lower_ in self.roles
        if last.text in self.org_heads or (
            is_given_name(last.text)
            and span[0].ent_type_ == "ORG"
            and not hyphenated
            and not titled
        ):
            return False  # "Hilton Hotels", "Morgan Stanley"
        if any(
            t.ent_type_ not in RELABEL and not (t.ent_type_ == "PERSON" and t.i > span.start)
            for t in span
        ):
            return False  # (NER's person may start after the given name: "Marisol [Ortega]")
        if any(t.lower_ in self.roles for t in span):
            return False  # "Chief Executive", a title in capitals
        # a name inside a longer entity ("Penelope Muse Abernathy" is all of it; "Bank of
        # America Merrill Lynch" is not a person)
        for e in doc.ents:
            overlaps = e.start < span.end and span.start < e.end
            if overlaps and e.label_ == "ORG" and len(e) > len(span) + 1:
                return False
        return True

    def _acts_as_person(
        self, doc: Doc, span: Span, role_tokens: set[int], named_alone: set[str]
    ) -> bool:
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        after2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if before is not None and before.lower_.rstrip(".") in HONORIFICS:
            return True
        if before is not None and before.i in role_tokens:
            return True  # "spokeswoman Beth Ann Corliss", "Superintendent Angela Pruitt"
        if after is not None and after.lemma_.lower() in SPEECH:
            return True  # "Conor Tierney said"
        if after is not None and after.text == "," and after2 is not None:
            if before is not None and before.text == "," and (span.start - 2) in role_tokens:
                return True  # "Kuvuka's chief executive, Lerato Mahlangu, said"
            if after2.like_num or after2.lower_ in ("who", "whose"):
                return True  # "Raheem Sterling, 25," / "Luis Ortega, who has driven"
            if any(k in role_tokens for k in range(after2.i, min(after2.i + 3, len(doc)))):
                return True  # "Marisol Vance, director of ...", "Andrew Ng, former co-founder"
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH:
            return True
        # the surname alone is a person elsewhere ("... Pruitt said"), not only here
        surname = span[-1].text
        if surname in named_alone:
            here = after is not None and after.lemma_.lower() in SPEECH
            return not here or sum(t.text == surname for t in doc) > 1
        return False
