"""Within-document name resolution: the fullest form of every name.

"Bosworth"/"Mr Bosworth" -> "Andrew Bosworth"; "CNIL" -> "Commission nationale de
l'informatique et des libertés" (from initials or "Long Name (ABC)"); "Clearview" ->
"Clearview AI Inc" when the long form came first; "the company", "it", "its" -> the nearest
organization mentioned before, else the article's main organization.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.nlp.extensions import ent_at, ents, names_own_paper, text_of, tokens
from extract.nlp.lexicon import Lexicon
from extract.nlp.people import first_name_gender, is_given_name
from extract.places import is_known_place, is_major_place, is_state_or_country
from extract.values import is_currency

TITLES = {
    "councillor",
    "cllr",
    "cr",  # Australian usage: "Cr Achterberg"
    "cr.",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "judge",
    "justice",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "mx",
    "mr.",
    "ms.",
    "dr.",
    "mrs.",
}
FUNCTION_WORDS = {
    "of",
    "for",
    "and",
    "the",
    "de",
    "des",
    "du",
    "la",
    "le",
    "et",
    "on",
    "in",
    "&",
    "to",
    "der",
    "für",
}
# nouns too general to tell one company from another ("the company")
GENERIC_COMPANY_NOUNS = {"company", "firm", "business", "employer", "group"}
COMPANY_NOUNS = {
    "company",
    "firm",
    "business",
    "employer",
    "retailer",
    "bank",
    "lender",
    "carrier",
    "operator",
    "insurer",
    "startup",
    "start-up",
    "group",
    "chain",
    "provider",
    "maker",
    *("airline", "consultancy", "outsourcer", "miner", "publisher", "automaker", "carmaker"),
    *("supermarket", "grocer", "manufacturer", "hotelier", "utility", "telco"),
}
PUBLIC_BODY_RE = re.compile(
    r"\b(?:Office|Commission|Commissioner|Authority|Agency|Department|Ministry|Court|"
    r"Tribunal|Regulator|Council|Parliament|Congress|Senate|Government)\b"
)
# bodies "the company" never stands for: public bodies, boards, unions and campaign groups
NOT_A_COMPANY_RE = re.compile(
    PUBLIC_BODY_RE.pattern
    + r"|\b(?:Board|Union|Association|Federation|Confederation|Coalition|Campaign|Foundation|"
    r"Alliance|Guild|Collective|Syndicate|"
    r"University|College|School|Schools|District|Police|Hospital|Trust)\b"
)
CORP_SUFFIX = (
    r"(?:Inc|Ltd|Limited|LLC|plc|PLC|SAS|SA|AG|GmbH|Corp|Corporation|Holdings|LLP|A/S|ApS|ASA|"
    r"AB|Oy|B\.V|N\.V|BV|NV|S\.A|S\.p\.A|SpA|Srl|S\.L|Pte|Pty|Pvt|Bhd|K\.K)\b\.?"
)
PRONOUNS_ORG = {"it", "its", "itself"}
PRONOUNS_PERSON = {"he", "she", "his", "her", "him", "they", "them", "their"}
ORG_LABELS = {"ORG"}
_QUOTES = "\"'“”‘’"


# a lower-case description NER ran into the name after it: "Manchester company Tallyview",
# "software maker Lumina", "Atlanta-based vendor Plateline"
_DESCRIBED_NAME = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,2}"
    r"(?:company|firm|start-?up|maker|vendor|supplier|provider|developer|outfit|contractor)"
    r"\s+(?=[A-Z])"
)


_TITLE_WORDS = frozenset(x.rstrip(".") for x in TITLES)
# a police rank NER ran into the name after it: "[Chief Constable Richard Aske]"
_POLICE_RANK = re.compile(
    r"^(?:(?:Deputy|Assistant|Detective)\s+)?(?:Chief\s+)?"
    r"(?:Constable|Sergeant|Sgt|Inspector|Superintendent|Commander)\.?\s+(?=[A-Z])"
)


# words after a company's name that make a group of its people: "Corvane Workers for
# Accountability" is a staff group named after Corvane, not Corvane's long form
PEOPLES_GROUP_WORDS = {
    *("Workers", "Employees", "Staffers", "Drivers", "Riders", "Couriers", "Nurses"),
    *("Union", "Association", "Federation", "Guild", "Collective", "Caucus", "Alliance"),
}


def its_peoples_group(name: str) -> bool:
    return bool(set(name.split()[1:]) & PEOPLES_GROUP_WORDS)


def clean_name(text: str) -> str:
    """Strip a leading "the", quotes, possessive "'s" and titles ("Ms Greene" -> "Greene")."""
    t = text.strip().strip(_QUOTES + " ,.;:—–-\n")
    if t.count("(") > t.count(")"):  # NER's "Office of the Data Commissioner (ODPC"
        t = t[: t.rindex("(")].strip()
    t = re.sub(r"(?:'s|’s|'|’)$", "", t).strip()
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    t = re.sub(r"^(?:Rival|Rivals|Competitor|Fellow)\s+(?=[A-Z])", "", t)  # "Rival Pennyworth's"
    t = re.sub(r"^[A-Z][\w'’.]*(?:[\s-][A-Z][\w'’.]*)*-based\s+(?=[A-Z])", "", t)  # "Leeds-based X"
    t = _DESCRIBED_NAME.sub("", t)  # NER's "Manchester company Tallyview"
    t = _POLICE_RANK.sub("", t)
    parts = t.split()
    while parts and parts[0].lower().rstrip(".") in _TITLE_WORDS:
        parts = parts[1:]
    return " ".join(parts).strip(_QUOTES + " ,")


# "Orchid Logistics S$58,000": a name NER or the parse ran into an amount (not "Local 3190")
# "Quayle NZ$2 million": NER ran the name into the amount after it
_AMOUNT_TAIL = re.compile(
    r"(?:\s+\S*(?:[$€£¥₹]|\d,\d)\S*)+"
    r"(?:\s+(?:[\d.,]+|million|billion|thousand|trillion|crore|lakh|m|bn|mn))*$"
)


def without_amount(name: str) -> str:
    return _AMOUNT_TAIL.sub("", name) or name


def initials(name: str) -> str:
    words = re.split(r"[\s\-]+", name.replace("’", "'"))
    out = []
    for w in words:
        w = re.sub(r"^[lLdD]'", "", w)
        w = re.sub(r"'s$", "", w)
        if not w or w.lower() in FUNCTION_WORDS or not w[0].isalpha():
            continue
        out.append(w[0].upper())
    return "".join(out)


@dataclass
class Mention:
    start: int  # token index
    end: int
    name: str  # cleaned surface form
    label: str
    kind: str = ""  # "outlet", "authority", "" ...


@dataclass
class NameIndex:
    """Per-document name tables, built once after NER (component ``newskg_names_v1``)."""

    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    mastheads: frozenset[str] = frozenset()  # last words of a publication's name
    surnames: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    long_forms: dict[str, str] = field(default_factory=dict)
    main_org: str | None = None
    org_counts: Counter[str] = field(default_factory=Counter)  # the main organisation's tally
    vendors: set[str] = field(default_factory=set)  # shown building or selling for others
    outlets: set[str] = field(default_factory=set)
    text: str = ""
    companies: list[Mention] = field(default_factory=list)
    dateline_end: int = -1  # where a wire dateline ("BENGALURU, Aug 22 (APW) -") ends
    authorities: set[str] = field(default_factory=set)
    cue_names: set[str] = field(default_factory=set)  # names the text's cues call companies
    genders: dict[str, str | None] = field(default_factory=dict)  # person -> "m"/"f", cached
    text_genders: dict[str, str | None] = field(default_factory=dict)  # without name guesses
    candidates: list[str] | None = None  # full names a pronoun may stand for, cached
    # noun -> (where, company) of each "the online retailer X" in the text
    described: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    described_at: dict[int, str] = field(default_factory=dict)  # token -> body it describes
    # text -> full name: rules ask for the same mention many times (cleared when built)
    person_memo: dict[str, str] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------------
    def _pronoun_candidates(self) -> list[str]:
        """Full names a pronoun may stand for, sorted (built once per document): two words
        at least, and not NER's misreads ("British Tesla", "Like Instagram")."""
        if self.candidates is None:
            org_words = {w for m in self.orgs for w in m.name.split()}
            self.candidates = sorted(
                full
                for full in {self.person(m.name) for m in self.persons}
                # "Joana asked that her surname not be used": a first name alone is a person
                if (len(full.split()) >= 2 or is_given_name(full))
                and full.split()[0].lower() not in FUNCTION_WORDS | NOT_FIRST_NAMES
                # "British Tesla" is a misread; "Brent Kowalczyk" of "Kowalczyk Reyes LLP"
                # is a person whose firm bears his name
                and (full.split()[-1] not in org_words or is_given_name(full.split()[0]))
                and full.split()[-1] not in self.mastheads  # "Heavy Haul Monthly"
            )
        return self.candidates

    def gender(self, full: str) -> str | None:
        """ "m" or "f" where the text says so: an honorific ("Ms Ortiz") or the pronoun that
        follows the name in its sentence ("Karla Ortiz said her work ..."); else None."""
        cache = self.genders
        if full in cache:
            return cache[full]
        words = full.split()
        short = self.called_by(full)
        # "Kim Jae-hoon ... Kim says his union": "Kim" is no given name to guess from
        family_first = short != words[-1]
        surname = re.escape(short)
        votes = {"m": 0, "f": 0}
        for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{surname}\b", self.text):
            votes["m" if m.group(1) == "Mr" else "f"] += 3
        called = rf"{surname}(?!\s+[A-Z])" if family_first else re.escape(full)
        for m in re.finditer(rf"\b(?:{re.escape(full)}|{called})\b", self.text):
            # the pronoun right after the name, before any other person can come in
            # ("Jenna Ortiz, whose son ... he" says nothing of her)
            tail = re.split(
                r"[.!?;]|\bwhose\b|\bwho\b|\band\b|’s|'s", self.text[m.end() : m.end() + 60]
            )[0]
            p = re.search(r"\b(he|his|him|she|her|hers)\b", tail, re.I)
            if p:
                votes["m" if p.group(1).lower() in ("he", "his", "him") else "f"] += 1
        found = None if votes["m"] == votes["f"] else max(votes, key=lambda k: votes[k])
        self.text_genders[full] = found
        if found is None and len(words) >= 2 and not family_first:
            found = first_name_gender(words[0])  # "Keisha Olmstead ... she"
        cache[full] = found
        return found

    def gender_from_text(self, full: str) -> str | None:
        """ "m"/"f" only where the text says so (an honorific, a pronoun after the name),
        not guessed from the first name."""
        self.gender(full)
        return self.text_genders.get(full)

    def called_by(self, full: str) -> str:
        """The word a person is called by alone: the surname, or a family name that comes
        first ("Kim Jae-hoon ... Kim says")."""
        words = full.split()
        if (
            len(words) == 2
            and "-" in words[1]  # a hyphenated given name: "Jae-hoon", "Min-seo"
            and _family_name_first(self.text, words[0])
            and not _family_name_first(self.text, words[-1])
        ):
            return words[0]
        return words[-1]

    def person_before(
        self,
        pos: int,
        skip: list[tuple[int, int]] = (),
        not_people: set[str] = frozenset(),
        gender: str | None = None,
    ) -> str | None:
        """The person named last before character ``pos``, by full name or surname, also
        where NER missed the mention ("Mr Obama said ... he added"); mentions inside the
        ``skip`` spans (quotations) do not count, nor people of the other ``gender``."""

        def skipped(k: int, end: int) -> bool:
            # "X told Circuit Line ... She said": who is told (an outlet, an interviewer)
            # is not who speaks next
            told = re.search(
                r"\b(?:told|tells|telling|tell)\s+(?:[A-Z][\w'’-]*\s+){0,2}$",
                self.text[max(0, k - 40) : k],
            )
            return (
                not _whole_word(self.text, k, end)
                or any(s <= k < e for s, e in skip)
                or told is not None
            )

        best, at = None, -1
        people = [p for p in self._pronoun_candidates() if p not in not_people]
        for full in people:
            if gender and self.gender(full) not in (None, gender):
                continue  # "she said" is not the man named last
            short = self.called_by(full)
            forms = (full,) if short.lower() in COMMON_WORD_NAMES else (full, short)
            for form in forms:
                k = self.text.rfind(form, 0, pos)
                while k >= 0 and (
                    skipped(k, k + len(form))
                    or form != full
                    and _someone_elses(self.text, k, form, full, people)
                ):
                    k = self.text.rfind(form, 0, k)
                # the later mention wins; at one place, the full name over a bare surname
                if k >= 0 and (k > at or k == at and form == full):
                    best, at = full, k
        return best

    def person(self, text: str) -> str:
        """The full name of the person ``text`` names ("Ms Ortiz" -> "Karla Ortiz")."""
        if text not in self.person_memo:
            self.person_memo[text] = self._person(text)
        return self.person_memo[text]

    def _person(self, text: str) -> str:
        name = clean_name(text)
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES:
            words = words[1:]  # "President Yoon", "Minister Lee": the person, not the office
        name = " ".join(words)
        if len(name.split()) == 1:
            if name.lower() in self.surnames:
                return self.surnames[name.lower()]
            # "Yoon" of "Yoon Suk Yeol", "Lee" of "Lee Jae-myung": family name first
            firsts = {
                m.name
                for m in self.persons
                if len(m.name.split()) >= 2 and m.name.split()[0] == name
            }
            if len(firsts) == 1 and _family_name_first(self.text, name):
                return firsts.pop()
            # NER missed the full name: "Jared Spataro" somewhere in the text
            # (letters, not [a-z]: "Siobhán Rourke", "Élodie Martin")
            for m in re.finditer(
                rf"\b([^\W\d_][^\W\d_'’-]+(?:\s[A-Z]\.)?)\s{re.escape(name)}\b", self.text
            ):
                first = m.group(1)
                if (
                    first[0].isupper()
                    and not first.isupper()
                    and first.lower() not in TITLES
                    and first.lower() not in PERSON_TITLES
                    and first.lower() not in FUNCTION_WORDS
                    and first not in ("The", "A", "Mr", "Ms")
                ):
                    return f"{first} {name}"
            return name
        last = name.split()[-1].lower()
        full = self.surnames.get(last)
        # "Van Oordt" of "Thijs van Oordt": a particle capitalised at a sentence's start
        if (
            full
            and len(full.split()) > len(name.split())
            and full.lower().endswith(" " + name.lower())
        ):
            return full
        # "Yoon Suk" of "Yoon Suk Yeol": NER cut a family-name-first name short
        longer = {m.name for m in self.persons if m.name.startswith(name + " ")}
        if len(longer) == 1:
            return longer.pop()
        return name

    def is_person_ent(self, doc: Doc, ent: Span) -> bool:
        """An entity NER tagged ORG/GPE that is a person: "Ms Marsh", or a known surname."""
        honorifics = {"mr", "mrs", "ms", "miss", "dr", "mx", "prof", "sir", "dame"}
        first = ent[0].lower_.rstrip(".")
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if first in honorifics or before in honorifics:
            return True
        name = clean_name(ent.text)
        return " " not in name and name.lower() in self.surnames and name not in self.acronyms

    def org(self, text: str) -> str:
        name = without_amount(clean_name(text))
        if name in self.acronyms:
            return self.acronyms[name]
        up = name.upper()
        if up == name.replace(" ", "") and up in self.acronyms:
            return self.acronyms[up]
        return self.long_forms.get(name, name)

    def is_outlet(self, name: str) -> bool:
        return name in self.outlets

    def is_authority(self, name: str) -> bool:
        return name in self.authorities

    def org_before(
        self,
        doc: Doc,
        i: int,
        *,
        window: int = 3,
        authority: bool | None = False,
        public: bool = True,
    ) -> str | None:
        """Nearest organization mentioned before token ``i`` within ``window`` sentences
        (``public=False``: only what "the company" can stand for, not a public body such as
        "Labor Commissioner's Office" nor a union)."""
        sent_start = doc[i].sent.start
        sents_seen = 0
        best: Mention | None = None
        for m in reversed(self.orgs):
            if m.start >= i:
                continue
            if m.kind == "outlet":
                continue
            if not public and not self.is_company_like(m.name):
                continue
            if authority is not None and (m.kind == "authority") != authority:
                continue
            best = m
            break
        if best is None:
            return self.main_org if not authority else None
        # count sentence distance
        s = doc[best.start].sent.start
        for sent in doc[s:sent_start].sents if s < sent_start else []:
            del sent
            sents_seen += 1
        if sents_seen > window and not authority:
            return self.main_org
        return self.org(best.name)

    def org_named_like(self, i: int, words: set[str], *, company: bool = False) -> str | None:
        """Nearest organisation (before ``i``, else first after) whose name holds one of
        ``words`` ("Financial Services Staff Union" for "the union"); ``company``: only a
        company ("the airline" is never the "Airline Workers Alliance")."""
        before: Mention | None = None
        after: Mention | None = None
        for m in self.orgs:
            if m.kind == "outlet":
                continue
            full = self.org(m.name)
            if not {w.lower().strip("'’") for w in full.split()} & words:
                continue
            if company and not self.is_company_like(full):
                continue
            if m.start < i:
                before = m
            elif after is None and m.start > i:
                after = m
        best = before or after
        if best is not None:
            return self.org(best.name)
        # NER missed the long name, but "Long Name (ABC)" put it in the acronym table
        longs = [
            v
            for v in self.acronyms.values()
            if {w.lower() for w in v.split()} & words and (not company or self.is_company_like(v))
        ]
        if len(set(longs)) == 1:
            return longs[0]
        return None

    def company_before(self, i: int) -> str | None:
        """Nearest name before token ``i`` that the text shows to be a company ("X Inc",
        "X, which employs", "X's chief executive"), whatever NER called it."""
        best = None
        for m in self.companies:
            if m.start < i:
                best = m
        return self.org(best.name) if best else None

    def _speaker_of_clause(self, doc: Doc, token: Token, lex: Lexicon) -> str | None:
        """ "Roamly said it had invested A$6m": "it" is the subject of the verb it hangs on."""
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass", "poss") or verb.dep_ not in ("ccomp", "conj"):
            return None
        if token.dep_ == "poss":  # "Roamly said its checks ...": climb to the clause verb
            while verb.dep_ not in ("ccomp", "conj", "ROOT") and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ not in ("ccomp", "conj"):
                return None
        up = verb.head
        subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.i < token.i
            and subj.pos_ == "NOUN"
            and subj.lemma_.lower() in lex.set("org_generic")
        ):
            return self.resolve_org(doc, subj, lex)  # "The bank said that it had suspended"
        if subj is None or subj.i > token.i or subj.pos_ != "PROPN":
            return None
        if subj.ent_type_ and subj.ent_type_ not in ORG_LABELS:
            return None
        if subj.ent_type_ in ORG_LABELS:
            return self.resolve_org(doc, subj, lex)
        name = self.org(proper_chain(subj).text)
        return name if any(m.name == name or self.org(m.name) == name for m in self.orgs) else None

    def subject_org_before(self, doc: Doc, i: int, sentences: int = 2) -> str | None:
        """The last organisation that was a clause subject in this or the ``sentences``
        before: "Ardoise pushes into English Canada. Last month the company agreed to buy
        Fenwick Home Inc. ... The retailer said" -> Ardoise."""
        start = doc[i].sent.start
        for _ in range(sentences):
            if start > 0:
                start = doc[start - 1].sent.start
        known = {self.org(m.name) for m in self.orgs}
        if self.main_org:  # NER may have called the story's own company a person
            known.add(self.main_org)
        for t in reversed(doc[start:i]):  # a short form NER missed ("as Ardoise pushes")
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and not _dateline(doc, t.i, t.i + 1):
                name = self.org(proper_chain(t).text)
                if name not in known:  # "Ardoise" of "Groupe Ardoise Inc"
                    holding = [k for k in known if name in k.split() and k != name]
                    name = holding[0] if len(holding) == 1 else name
                if name in known and self.is_company_like(name):
                    return name
        for m in reversed(self.orgs):
            if not (start <= m.start < i) or m.kind in ("outlet", "authority"):
                continue
            if not self.is_company_like(m.name):
                continue  # "the company" is never the regulator ("the Board has ...")
            if _dateline(doc, m.start, m.end):
                continue
            root = doc[m.start : m.end].root
            if root.dep_ in ("nsubj", "nsubjpass"):
                return self.org(m.name)
        return None

    def described_as(self, doc: Doc, noun: str, before: int | None = None) -> str | None:
        """The one organisation the text calls by a specific noun ("the online retailer
        Marketbay", "Marketbay, the online retailer"); None for generic nouns ("company").
        ``before``: only descriptions before that character ("the firm's officer" is not
        the "Frankfurt firm Reinholt Albers" a later paragraph names)."""
        if noun in GENERIC_COMPANY_NOUNS:
            return None
        if noun not in self.described:  # read once per noun and document
            self.described[noun] = self._described_as(doc, noun)
        found = {org for at, org in self.described[noun] if before is None or at < before}
        return found.pop() if len(found) == 1 else None

    def _described_as(self, doc: Doc, noun: str) -> list[tuple[int, str]]:
        text = text_of(doc)
        name = r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})"
        known = {self.org(m.name) for m in self.orgs + self.companies} | set(self.org_counts)
        found = [
            (m.start(), self.org(clean_name(m.group(1))))
            for pat in (
                rf"\b{noun}\s+{name}",
                rf"{name},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{noun}\b",
            )
            for m in re.finditer(pat, text)
        ]
        return [(at, org) for at, org in found if org in known]

    def is_company_like(self, name: str) -> bool:
        """Not a regulator, public body or news outlet: what "the company" can stand for."""
        name = self.org(name)
        return not (
            self.is_authority(name)
            or self.is_outlet(name)
            or NOT_A_COMPANY_RE.search(name) is not None
        )

    def _sentence_subject_org(self, doc: Doc, token: Token, lex: Lexicon) -> str | None:
        """ "The retailer said it would cut jobs, on top of the 11,400 people it employs":
        an "it" inside a sentence whose main subject is an organisation is that one."""
        root = token.sent.root
        if token.dep_ != "nsubj" or token.head.dep_ not in ("relcl", "advcl", "ccomp"):
            return None  # only the subject of a clause inside the sentence
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.i < token.i
            and root.lemma_.lower() in SHOW_VERBS
            and subj.lower_ in OWN_RECORD_NOUNS
        ):
            # "Its accounts ... show it spent €1.2 million": the owner of the accounts
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self.resolve_org(doc, owner, lex)
        if root.lemma_.lower() not in lex.set("attribution"):
            return None  # "The retailer said ...": what it says is about itself
        if subj is None or subj.i >= token.i or subj.lower_ in PRONOUNS_ORG or subj.is_upper:
            return None
        if subj.ent_type_ in ORG_LABELS or (
            subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.set("org_generic")
        ):
            org = self.resolve_org(doc, subj, lex)
            return org if org and self.is_company_like(org) else None
        return None

    def _previous_subject_org(
        self, doc: Doc, token: Token, lex: Lexicon, depth: int = 0
    ) -> str | None:
        """ "Pikipiki was valued at Sh12bn after Savanna put money in. It laid off 120
        staff": a sentence opening on "it" (or on "Its" and its subject: "... for a State
        agency. Its accounts show") goes on about the last sentence's subject, not about the
        organisation named last."""
        sent = token.sent
        # "It laid off", "Last month it agreed": the subject of the sentence itself
        subject = token.dep_ in ("nsubj", "nsubjpass") and (
            token.i == sent.start or token.head.i == sent.root.i
        )
        owner = (  # "Its accounts show"
            token.dep_ == "poss"
            and token.i == sent.start
            and token.head.dep_ in ("nsubj", "nsubjpass")
        )
        if sent.start == 0 or not (subject or owner):
            return None
        prev = doc[sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ == "it" and depth < 3:
            # "Rovo has been doubling down. Last month it agreed to buy Ondrive. In January
            # it cut 340 jobs": a run of "it" goes back to the one named
            return self._previous_subject_org(doc, subj, lex, depth + 1)
        if subj is None or subj.lower_ in PRONOUNS_ORG:
            return None
        org = self._subject_org(doc, subj, lex)
        return org if org and self.is_company_like(org) else None

    def _subject_owner(self, doc: Doc, token: Token, lex: Lexicon) -> str | None:
        """ "Blue Origin will offer NASA its lander", "SpaceX, which bid its Starship": a
        possessive in the object of a verb belongs to that verb's subject, not to the
        organisation named last."""
        if token.dep_ != "poss":
            return None
        verb = token.head.head
        if token.head.dep_ not in ("dobj", "dative"):
            # "The company breached the GDPR by recording ... through its app": up through
            # prepositions to the verb whose subject it is
            verb = token.head
            for _ in range(6):
                if verb.dep_ not in ("pobj", "prep", "pcomp", "dobj", "advcl", "conj"):
                    break
                verb = verb.head
                if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.children):
                    break
            if verb.pos_ not in ("VERB", "AUX") or verb.i == token.head.i:
                return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
            subj = verb.head
        if subj is None or subj.i > token.i or subj.lower_ in PRONOUNS_ORG:
            return None
        return self._subject_org(doc, subj, lex)

    def _subject_org(self, doc: Doc, subj: Token, lex: Lexicon) -> str | None:
        """The organisation a clause subject names: an ORG entity, a name the text's cues
        made an organisation, or "the company" standing for one ("The Dublin-based delivery
        company ... its app")."""
        if subj.ent_type_ in ORG_LABELS:
            return self.resolve_org(doc, subj, lex)
        if (
            subj.pos_ == "NOUN"
            and subj.lower_ in COMPANY_NOUNS
            and any(c.lower_ in ("the", "this") for c in subj.children)
        ):
            org = self.resolve_org(doc, subj, lex)
            return org if org and self.is_company_like(org) else None
        return self.known_org_at(doc, subj)

    def known_org_at(self, doc: Doc, tok: Token) -> str | None:
        """The organisation a proper-noun chain ending at ``tok`` names, when the text's
        cues made it one though NER did not ("Big Machine have denied ...")."""
        if tok.pos_ != "PROPN":
            return None
        name = self.org(proper_chain(tok).text)
        return name if any(m.name == name for m in self.orgs) else None

    def resolve_org(self, doc: Doc, token: Token, lex: Lexicon) -> str | None:
        """The organization a token stands for: an ORG entity, "its", "the company" ..."""
        if token.ent_type_ in ORG_LABELS:
            ent = _ent_of(doc, token)
            if ent is not None:
                # NER's "Karvaan's Hyderabad [centre]": the owner before the possessive
                cut = next((t.i for t in ent if t.text in ("'s", "’s") and t.i > token.i), None)
                return self.org(doc[ent.start : cut].text if cut else ent.text)
        if token.i in self.described_at:  # "the district": a body the text only describes
            return self.described_at[token.i]
        low = token.lower_
        if low in PRONOUNS_ORG:
            return (
                self._speaker_of_clause(doc, token, lex)
                or self._subject_owner(doc, token, lex)
                or self._sentence_subject_org(doc, token, lex)
                or self._previous_subject_org(doc, token, lex)
                or self.org_before(doc, token.i)
            )
        lemma = token.lemma_.lower()
        if lemma in lex.set("org_named_nouns") and any(
            c.lower_ in {"the", "this", "that"} for c in token.children
        ):
            # "the union" -> the named organisation holding that word (or a word of its
            # kind: "Insurance Workers United")
            kin = lex.words.get("org_noun_kin", {}).get(lemma, [])
            named = self.org_named_like(token.i, {low, lemma}) or (
                self.org_named_like(token.i, set(kin)) if kin else None
            )
            if named:
                return named
            if lemma not in lex.set("org_generic"):
                return None
        if lemma in lex.set("org_generic") and any(
            c.lower_ in {"the", "this", "that", "its"} for c in token.children
        ):
            if low in {"regulator", "watchdog", "authority"}:
                return self.org_before(doc, token.i, authority=True) or None
            if low == "agency":  # "the agency said": the public body, not the vendor
                return self.org_before(doc, token.i, authority=True) or self.org_before(
                    doc, token.i
                )
            if low in GROUP_NOUNS:
                # "the civil liberties organisation X ... the group's policy director": the
                # one organisation the text described as a group of any of these names
                described = {self.described_as(doc, n) for n in GROUP_NOUNS} - {None}
                if len(described) == 1:
                    return described.pop()
            if low in COMPANY_NOUNS:
                # "the online retailer Marketbay ... the retailer's app": the one the text
                # called so; else the company the last sentences were about, not the one it
                # buys ("agreed to buy Fenwick Home Inc., a Mississauga chain")
                kin = set(lex.words.get("org_noun_kin", {}).get(lemma, ()))
                found = (
                    self.described_as(doc, low, before=token.idx),
                    # "Borealis Airways ... its vendor Kinetiq ... the airline": the name
                    # says which is the airline
                    self.org_named_like(token.i, kin, company=True) if kin else None,
                    self.subject_org_before(doc, token.i),
                    self.company_before(token.i),
                )
                # never the outlet the last sentence cited ("public broadcaster NHK reported")
                company = next((c for c in found if c and not self.is_outlet(c)), None)
                if company:
                    return company
                # "the company" is never the regulator named just before it
                return self.org_before(doc, token.i, public=False)
            return self.org_before(doc, token.i)
        for c in token.children:  # "the facial recognition company Clearview AI Inc"
            if c.dep_ in ("appos", "compound") and c.ent_type_ in ORG_LABELS:
                ent = _ent_of(doc, c)
                if ent is not None:
                    return self.org(ent.text)
        return None


# "Its accounts show it spent ...": records that speak for their owner
SHOW_VERBS = {"show", "reveal", "indicate", "suggest", "say"}
OWN_RECORD_NOUNS = {"accounts", "filings", "records", "documents", "figures"}
# nouns for a non-profit body, any of which the text may use for the same one
GROUP_NOUNS = {"group", "organisation", "organization", "charity", "coalition", "campaign"}
# offices written before a name that are not part of it ("President Yoon")
PERSON_TITLES = {
    *("president", "minister", "governor", "premier", "chancellor", "secretary", "mayor"),
    *("commissioner", "speaker", "chairman", "chairwoman", "ceo", "director", "inspector"),
    *("detective", "sergeant", "officer", "professor", "senator", "representative", "gen"),
    *("col", "lt", "capt", "chief", "deputy", "leader", "ambassador", "attorney"),
}


# surnames that are also everyday words: alone they are no mention of the person
COMMON_WORD_NAMES = {"he", "she", "it", "may", "will", "long", "young", "white", "black", "king"}


def written_in_lower_case(text: str, word: str) -> bool:
    """The text writes ``word`` in lower case somewhere: a common word, not a name."""
    if re.fullmatch(r"[\w-]+", word):
        return word.lower() in _words_of(text)
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


@lru_cache(maxsize=8)
def _words_of(text: str) -> frozenset[str]:
    """The words of a text as written (asked for many words of one article)."""
    return frozenset(re.findall(r"[\w-]+", text))


def _alone_at(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands alone, not inside a longer word or before a capitalised one
    ("Aldermoor" but not "Aldermoor Bank")."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (
            not _word_char(text[i - 1 : i] or " ")
            and text[i - 1 : i] != "-"
            and not _word_char(text[j : j + 1] or " ")
            and text[j : j + 1] != "-"
            and not re.match(r"\s+[A-Z]", text[j : j + 3])
        ):
            yield i
        i = text.find(word, i + 1)


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """A wire dateline ("AMSTERDAM, March 10 (Wire) -"), never an organisation."""
    name = doc[start:end].text
    if not name.isupper() or len(name) <= 3:
        return False
    if doc[end : end + 1].text == ",":
        return len(name) > 4  # "AMSTERDAM, March 10 (Wire) -"
    # "OSLO (Reuters) -" opening a paragraph, not "CNIL (the French regulator)"
    opens = start == 0 or "\n" in doc[start - 1].text + doc[start - 1].whitespace_
    return opens and doc[end : end + 1].text == "("


def _family_name_first(text: str, name: str) -> bool:
    """The text calls the person by the first word of their name alone ("Yoon said")."""
    return (
        re.search(rf"\b{re.escape(name)}\s+(?:said|says|told|added|continued|wrote)\b", text)
        is not None
    )


# words NER takes for a first name when a sentence opens on them ("While LAION ...")
NOT_FIRST_NAMES = {
    *("while", "like", "unlike", "as", "after", "before", "when", "since", "although"),
    *("british", "american", "french", "german", "european", "chinese", "indian"),
}


def _someone_elses(text: str, k: int, surname: str, full: str, people: list[str]) -> bool:
    """The surname at ``k`` is part of another person's name ("Margie Kim" is not Stella
    Kim); "For Delacruz" or "Hawk Sawyer" (of Kathleen Hawk Sawyer) are the person's own."""
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, k - 30) : k])
    if before is None:
        return False
    pair = f"{before.group(1)} {surname}"
    return not full.endswith(pair) and any(p != full and p.endswith(pair) for p in people)


def proper_chain(tok: Token) -> Span:
    """The proper-noun compound chain that ends at ``tok`` ("Sierra Nevada Corporation")."""
    doc, left = tok.doc, tok.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
        left -= 1
    return doc[left : tok.i + 1]


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end >= len(text) or not text[end].isalnum()
    )


HEADLINE_SMALL_WORDS = {*FUNCTION_WORDS, "a", "an", "at", "by", "with", "as", "or", "from"}


def is_title_line(sent: Span) -> bool:
    """A headline or subheading: mostly Title Case words and no final punctuation."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3 or sent.text.rstrip()[-1:] in '.!?"”':
        return False
    # headline style keeps small words in lower case: "Faces on the Casino Floor"
    content = [t for t in words if t.lower_ not in HEADLINE_SMALL_WORDS] or words
    return sum(t.is_title or t.is_upper for t in content) / len(content) > 0.6


_NAME = r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
_BEFORE_CUE = [  # the name comes right before the cue
    re.compile(_NAME + r",?\s+" + CORP_SUFFIX),
    re.compile(
        _NAME + r",\s+which\s+(?:employs|has|was founded|is based|makes|runs|sells|operates)"
    ),
    re.compile(
        _NAME + r"(?:'s|’s)\s+(?:chief|founder|spokes\w+|employees|staff|managing|board|ceo)"
    ),
    re.compile(_NAME + r"\s+employs\b"),
]
_AFTER_CUE = [  # the name follows the cue
    re.compile(
        r"\b(?:company|firm|carrier|retailer|bank|lender|operator|start-up|startup|insurer|publisher|provider)\s+"
        + _NAME
    ),
]


# Cues that show a name is an organisation whatever NER called it (the small model tags
# invented companies GPE or PERSON): the full name, for finding every later mention.
_ORG_DESCRIPTOR = (
    r"(?:company|firm|bank|lender|retailer|operator|provider|start-?up|insurer|carrier|chain|"
    r"group|employer|business|maker|vendor|supplier|platform|app|trust|charity|"
    r"union|university|council|agency|outsourcer|conglomerate|subsidiary|lender)s?"
)
_LONG_NAME = r"([A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|for|&)){0,6})"
_STRICT_CUES = [
    # "Aldermoor Bank, one of Britain's largest retail lenders" / "Orvane, a Leeds-based firm"
    re.compile(
        _LONG_NAME
        # (and "X, one of the world's largest accounting firms")
        + r",\s+(?:a|an|the|one of(?:\s+the)?|which is)\s+"
        + r"(?:(?!(?:a|an|the|at|of|for|with|in|on|from|by|to)\s)[\w'’.-]+\s+){0,4}?"
        + _ORG_DESCRIPTOR
        + r"\b(?!['’]s)"
    ),
    re.compile(
        _LONG_NAME
        + r",\s+which\s+(?:employs|has|had|was founded|is based|makes|runs|sells|operates|says|"
        r"said|owns|provides|supplies|develops|counts|serves|manages|is owned)\b"
    ),
    # "Roamly said it had invested", "Karvaan says its agents"
    re.compile(
        _LONG_NAME + r"\s+(?:said|says|told \w+|confirmed|added)"
        r"(?:\s+(?!(?:the|a|an|he|she|they|we)\b)[\w,]+){0,4}?\s+(?:that\s+)?(?:it|its)\b"
    ),
    # "Roamly's selfie-matching tool", "Karvaan's agents"
    re.compile(
        _LONG_NAME
        + r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:staff|employees|workers|agents|drivers|nurses|"
        r"couriers|riders|pickers|engineers|workforce|managers|tool|system|software|app|"
        r"platform|programme|program|scheme|pilot|contract|spokes\w+|chief|head|board|"
        r"shares|customers|clients|offices|headquarters|warehouses?|depots?|centres?|centers?|"
        r"stores?|sites?|wards?|hospitals?)\b"
    ),
    # "driving for Roamly", "works at Karvaan"
    re.compile(
        r"\b(?:work|works|worked|working|drive|drives|driving|drove|employed)\s+(?:for|at|by)\s+"
        + _LONG_NAME
    ),
    re.compile(_LONG_NAME + r",?\s+" + CORP_SUFFIX),
    # "When Pemberton Hale asked its remote workers": a person would be "his" or "her"
    re.compile(_LONG_NAME + r"\s+(?:has\s+|had\s+)?[a-z]{3,}(?:ed|s)\s+its\b"),
    # "Supermarket chain Brightmans has ...", "the insurer Carrow Mutual": described first
    re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=\n)|\b[Tt]he\s+|,\s+)(?:[A-Za-z][a-z-]*\s+)?(?<![\w-])"
        + _ORG_DESCRIPTOR.replace(")s?", ")")
        + r"\s+"
        + _LONG_NAME
    ),
    # "Brightmans chief executive Ian Farrow", "a Brightmans spokeswoman", "a Brightmans store"
    re.compile(
        _LONG_NAME
        + r"\s+(?:chief executive|chief executive officer|boss|spokes(?:man|woman|person)|"
        r"chairman|chairwoman|founder|branch|store|shop|outlet|depot|warehouse)\b"
    ),
]
# places fit these too ("London's hospitals", "Sydney extended its", "a London store")
_PLACE_SAFE_CUES = {0, 3, 6, 8}
_PERSON_SAFE_CUES = {0, 1, 2, 5, 6}  # a name NER called a person is a company after these
_TITLE_AFTER_CUE = 8  # "Brightmans chief executive Ian Farrow", "a Brightmans spokeswoman"
_LEADING_NOISE = {
    *("The", "A", "An", "In", "On", "At", "But", "And", "For", "By", "As", "When", "After"),
    *("Its", "Mr", "Ms", "Mrs", "Dr"),
}


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One compiled pattern matching any of ``patterns``."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_MADE = r"(?:built|made|developed|designed|supplied|sold|provided|created|licensed|marketed)"
_MAKES = r"(?:builds|makes|develops|designs|supplies|sells|provides|creates|licenses|markets)"
_SELLER = r"(?:company|firm|start-?up|vendor|supplier|developer|maker|provider|contractor|outfit)"
# "built by X", "X, the Utrecht company that built the scan", "a contract with X", "paying
# Auckland company X for the software", "X supplies similar software", "X, a unit of Y,
# supplies"
_VENDOR_NAME = r"[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,5}"  # one line
_VENDOR_CUES = any_of(
    c.replace("NAME", _VENDOR_NAME)
    for c in (
        rf"{_MADE}\s+by\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}NAME",
        rf"NAME,\s+(?:the|a|an)\s+[^,.;]{{0,50}}?\b{_SELLER}\s+(?:that|which)\s+(?:{_MADE}|{_MAKES})",
        rf"NAME,?\s+which\s+(?:{_MADE}|{_MAKES})\b",
        # "X, the vendor that maintained ToneWatch": whatever a vendor does for a client
        r"NAME,\s+(?:the|a|an)\s+[^,.;]{0,50}?\b(?:vendor|supplier|contractor|provider)"
        r"\s+(?:that|which)\s+\w+",
        r"(?:contract|deal|agreement|subscription)\s+with\s+NAME",
        # "the software was licensed from Veridex Vision, a Boston startup"
        r"\b(?:licensed|bought|purchased|leased|sourced|rented)\s+from\s+(?:the\s+)?NAME",
        rf"\b(?:paid|pays|paying)\s+(?:(?:[A-Z][\w-]*\s+){{0,2}}{_SELLER}\s+)?NAME\b",
        # not "Harwick Pryor sells its consultants' time": a firm selling its own people
        # ("X licenses from Y": X buys)
        rf"NAME\s+{_MAKES}\b(?!\s+(?:it\s+|them\s+)?from\b)"
        r"(?!\s+(?:its|their)\s+(?:own\s+)?(?:consultants|staff|employees|"
        r"workers|people|lawyers|time|services|expertise)\b)",
        # "Insight, a workforce analytics product from Austin, Texas-based Veyra Systems"
        r"\b(?:product|tool|software|platform|app|application|service)\s+from\s+"
        r"(?:the\s+)?(?:[\w,.-]+\s+){0,3}NAME",
        # "X, a unit of Amsterdam-listed Y NV, supplies": the parent sells too
        rf"NAME,\s+(?:a|an|the)\s+(?:unit|subsidiary|division|arm)\s+of\s+[^,.;]{{0,60}},\s+{_MAKES}\b",
    )
)


def _vendor_phrases(text: str) -> list[str]:
    """Phrases that show a name selling or building a system for someone else ("built by
    X", "X, the Utrecht company that built the scan", "a contract with X", "paying Auckland
    company X for the software", "X supplies similar software"), found once per text."""
    return [m.group(0) for m in _VENDOR_CUES.finditer(text)]


def _is_vendor(phrases: list[str], name: str) -> bool:
    return any(next(whole_name_at(p, name), None) is not None for p in phrases)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in ("_", "&")


def whole_name_at(text: str, name: str) -> Iterator[int]:
    """Offsets where ``name`` stands in ``text`` whole, not inside a longer word ("Lume" is
    not in "Lumen"), found with ``str.find``: no pattern compiled per name."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        inside = (_word_char(text[i - 1 : i]) and _word_char(name[0])) or (
            _word_char(text[j : j + 1]) and _word_char(name[-1])
        )
        if not inside:
            yield i
        i = text.find(name, i + 1)


def _strict_company_names(
    text: str, places: frozenset[str] = frozenset(), peoples: frozenset[str] = frozenset()
) -> dict[str, set[int]]:
    """Names the cues show to be organisations, each with the cues (indices into
    ``_STRICT_CUES``) that named it; ``places`` (NER's GPE/LOC names) only count through the
    cues a place can't fill ("London's hospitals" is no company, "X said it" is), and so do
    ``peoples`` (NER's NORP names), save that no nationality is "X, the supermarket chain"."""
    out: dict[str, set[int]] = {}
    for k, pat in enumerate(_STRICT_CUES):
        for m in pat.finditer(text):
            if k in _PLACE_SAFE_CUES and (
                clean_name(m.group(1)) in places or k != 0 and clean_name(m.group(1)) in peoples
            ):
                continue
            # the name class allows "U.S." and "St." but not a sentence end before the name
            words = re.split(r"(?<=[a-z])[.!?]\s+", m.group(1))[-1].split()
            while words and words[0] in _LEADING_NOISE:
                words = words[1:]
            while words and words[-1][:1].islower():  # "Bank of" before the cue
                words = words[:-1]
            name = clean_name(" ".join(words))
            if name and len(name.split()) <= 6 and name[0].isupper() and not name.isupper():
                out.setdefault(name, set()).add(k)
    return out


def _company_names(text: str) -> set[str]:
    """Every name the text shows to be a company, as word sequences (one pass per cue)."""
    out: set[str] = set()
    for pat in _BEFORE_CUE:
        for m in pat.finditer(text):
            words = m.group(1).split()
            out.update(" ".join(words[k:]) for k in range(len(words)))
    for pat in _AFTER_CUE:
        for m in pat.finditer(text):
            words = m.group(1).split()
            out.update(" ".join(words[: k + 1]) for k in range(len(words)))
    return out


SHORT_FORM_STOP = {
    *("North", "South", "East", "West", "New", "Royal", "National", "United", "General"),
    *("British", "American", "European", "Global", "International", "First", "Central"),
    *("Great", "Greater", "Federal", "State", "City", "County", "Digital", "Data", "Open"),
}


def _descriptor_re(lex: Lexicon) -> re.Pattern[str]:
    """ "trade magazine (the) ": an outlet's name comes next."""

    def build() -> re.Pattern[str]:
        descriptors = "|".join(sorted(lex.set("outlet_descriptors")))
        return re.compile(rf"\b(?:{descriptors})\s+((?:the\s+|The\s+)?)")

    return lex.built("outlet_descriptor_re", build)


# a document a company did not publish, and who saw it: "an internal memo reviewed by"
_SEEN_BY_RE = re.compile(
    r"\b(?:memo|memos|e-?mails?|documents?|letters?|records|filings?|slides|presentation|"
    r"recording|copy)\s+(?:[\w-]+\s+){0,3}?(?:seen|reviewed|obtained|viewed)\s+by\s+(?:the\s+)?"
)


def _add_text_companies(doc: Doc, idx: NameIndex, lex: Lexicon, progs: set[str]) -> None:
    """Every mention of a name the text shows to be a company joins ``idx.orgs``, and so
    does its first word used alone ("Aldermoor" after "Aldermoor Bank")."""
    places = frozenset(
        clean_name(e.text) for e in ents(doc) if e.label_ in ("GPE", "LOC", "FAC", "DATE", "TIME")
    )
    peoples = frozenset(clean_name(e.text) for e in ents(doc) if e.label_ == "NORP")
    text = text_of(doc)
    cued = _strict_company_names(text, places, peoples)
    places |= peoples
    # "Pemberton Hale, which reported ...": NER's person is a company; drop it as a person
    companies_not_people = {
        n
        for n, cues in cued.items()
        if cues & _PERSON_SAFE_CUES
        # "Somnolink chief executive Mathieu Gagnon", "a Somnolink spokeswoman": no one-word
        # person has a chief executive or a spokeswoman
        or (_TITLE_AFTER_CUE in cues and len(n.split()) == 1)
    }
    # NER's person "Conterra Iberia" after "Conterra, one of Britain's biggest operators":
    # a unit named after the company
    units = [
        m
        for m in idx.persons
        if len(m.name.split()) >= 2
        and m.name.split()[0] in companies_not_people
        and m.name not in companies_not_people
    ]
    idx.orgs += [Mention(m.start, m.end, m.name, "ORG") for m in units]
    idx.persons = [
        m
        for m in idx.persons
        if m.name not in companies_not_people
        and m not in units
        # NER's person "Ondaverde Sistemas S.A.": the suffix shows the company
        and re.sub(r",?\s+" + CORP_SUFFIX + "$", "", m.name) not in companies_not_people
    ]
    person_names = {m.name for m in idx.persons}
    person_words = {w for n in person_names if len(n.split()) >= 2 for w in n.split()}
    roles = {r.lower() for r in lex.roles}
    taken = {i for m in idx.orgs + idx.persons for i in range(m.start, m.end)}
    added = False
    # where a name may start after "trade magazine (the) ..."
    after_descriptor = {
        i for m in _descriptor_re(lex).finditer(text) for i in (m.start(1), m.end(1))
    }
    for name in sorted(cued, key=len, reverse=True):
        words = name.split()
        if any(
            text.startswith(name, i) and not _word_char(text[i + len(name) : i + len(name) + 1])
            for i in after_descriptor
        ):
            idx.outlets.add(name)  # "trade magazine The Grocer, which said": a publication
            continue
        if (
            name in progs
            or name in person_names
            or name in idx.outlets
            or name in idx.authorities
            or (len(words) <= 2 and all(w in person_words for w in words))
            or words[0].lower() in roles
            or words[0].lower() in FUNCTION_WORDS
            or (len(words) == 1 and name.lower() in STOP_WORDS)  # "It said it would ..."
            or (len(words) == 1 and name.lower() in COMPANY_NOUNS)  # "Company says it will"
        ):
            continue
        for at in whole_name_at(text, name):
            span = doc.char_span(at, at + len(name), alignment_mode="contract")
            if (
                span is None
                or len(span) == 0
                or any(i in taken for i in range(span.start, span.end))
            ):
                continue
            if (
                any(t.ent_type_ == "PERSON" for t in span)
                and len(words) >= 2
                and name not in companies_not_people
            ):
                continue
            idx.orgs.append(Mention(span.start, span.end, name, "CUE"))
            taken.update(range(span.start, span.end))
            added = True
        idx.cue_names.add(name)
    # Short forms: the distinctive first word of a company's name, alone, later on
    for m in list(idx.orgs):
        words = m.name.split()
        if m.kind or len(words) < 2 or m.name in progs or its_peoples_group(m.name):
            continue
        first = words[0]
        if (
            not first[:1].isupper()
            or first.isupper()
            or len(first) < 4
            or first in SHORT_FORM_STOP
            or first in places
            or first.lower() in STOP_WORDS
            # a person's name holds the word; NER's one-word "persons" are often the
            # short form itself ("Orcavale took the server offline")
            or any(first in p.name.split() for p in idx.persons if " " in p.name)
            # written in lower case somewhere: a common word ("Orchid", "Unite"), not a name
            or written_in_lower_case(text, first)
        ):
            continue
        # NER's one-word person of the same name is the company's short form
        alone = [p for p in idx.persons if p.name == first]
        if alone:
            idx.persons = [p for p in idx.persons if p.name != first]
            taken -= {p.start for p in alone}
        for at in _alone_at(text, first):
            span = doc.char_span(at, at + len(first), alignment_mode="contract")
            if span is None or len(span) != 1 or span.start in taken:
                continue
            person = ent_at(doc, span.start)
            if (person is not None and person.label_ == "PERSON" and len(person) > 1) or (
                span[0].is_sent_start and span[0].pos_ != "PROPN"
            ):
                continue
            idx.orgs.append(Mention(span.start, span.end, first, "SHORT"))
            idx.long_forms.setdefault(first, m.name)
            taken.add(span.start)
            added = True
    # Longer short forms: "North Wessex Hospitals" for "North Wessex Hospitals NHS Foundation
    # Trust" (a leading part of three or more words' name, used alone)
    known = {m.name for m in idx.orgs}
    for m in list(idx.orgs):
        words = m.name.split()
        if m.kind or len(words) < 3 or m.name in progs:
            continue
        for n in range(len(words) - 1, 1, -1):
            short = " ".join(words[:n])
            if short in known or short in places or words[n - 1].lower() in FUNCTION_WORDS:
                continue  # "Kessing Heights" of "Kessing Heights Residents Alliance": the town
            found = False
            pattern = rf"(?<![\w&-]){re.escape(short)}(?![\w&-])(?!\s+[A-Z])"
            for mt in re.finditer(pattern, text):
                span = doc.char_span(mt.start(), mt.end(), alignment_mode="contract")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                if text[mt.end() : mt.end() + 1] in _QUOTES:
                    continue  # 'a "Big Brother" approach': a phrase, not the organisation
                idx.orgs.append(Mention(span.start, span.end, short, "SHORT"))
                taken.update(range(span.start, span.end))
                found = added = True
            if found:
                idx.long_forms.setdefault(short, m.name)
                break
    if added:
        idx.orgs.sort(key=lambda m: m.start)


def _companies(doc: Doc, idx: NameIndex) -> list[Mention]:
    """Mentions of names the text shows to be companies, whatever NER's label."""
    out: list[Mention] = []
    known = _company_names(text_of(doc)) | idx.cue_names
    for m in idx.orgs:  # mentions found from the text alone (see _add_text_companies)
        if m.label == "CUE":
            out.append(Mention(m.start, m.end, m.name, "ORG"))
    for ent in ents(doc):
        if ent.label_ not in ("ORG", "PERSON", "GPE"):
            continue
        name = clean_name(ent.text)
        if not name or name in idx.outlets or name in idx.authorities:
            continue
        if name in known:
            out.append(Mention(ent.start, ent.end, name, "ORG"))
    return out


def _in_headline(doc: Doc, m: Mention, title_lines: set[int] | None = None) -> bool:
    if title_lines is not None:
        return m.start in title_lines and text_of(doc).count(m.name) < 2
    """Title Case headlines fool NER ("Data Leak"); trust only names seen in running text too."""
    sent = doc[m.start].sent
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4 or sent.text.rstrip()[-1:] in '.!?"”':
        return False
    return sum(t.is_title for t in words) / len(words) > 0.6 and text_of(doc).count(m.name) < 2


def _ent_of(doc: Doc, token: Token) -> Span | None:
    return ent_at(doc, token.i)


PLACE_NOUNS = {
    *("district", "neighbourhood", "neighborhood", "quarter", "borough", "area", "suburb"),
    *("street", "road", "avenue", "square", "boulevard", "lane", "estate"),
}


def _mentions(doc: Doc, label: str) -> list[Mention]:
    out = []
    for ent in ents(doc):
        if ent.label_ != label:
            continue
        name = clean_name(ent.text)
        if not name or "\n" in name or not name[0].isalnum():
            continue
        if re.search(r"[.!?]\s", name):  # NER ran over a sentence end: "Orvane. Orvane"
            continue
        if label == "ORG":
            name = without_amount(name)
            if not any(c.isupper() for c in name) or is_currency(name):
                continue  # NER's ORG "wearer" or "DKK": organisations have capitals, and
                # a currency code is none
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if nxt is not None and nxt.lower_ in PLACE_NOUNS:
                continue  # "Chicago's Fulton Market district": a place, not an organisation
        out.append(Mention(ent.start, ent.end, name, ent.label_, ent.ent_id_))
    return out


def _name_from_left(doc: Doc, m: Mention) -> Mention:
    """ "Brayfield Sutton LLP" that NER split into GPE "Brayfield" and PERSON "Sutton LLP":
    the Title Case words glued before a company name are part of it."""
    start = m.start
    while (
        start > 0
        and m.start - start < 3
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and doc[start - 1].text not in _LEADING_NOISE
        and doc[start - 1].lower_ not in FUNCTION_WORDS
        and doc[start - 1].ent_type_ in ("", "GPE", "PERSON")
        and not (doc[start - 1].ent_type_ == "GPE" and is_known_place(doc[start - 1].text))
        and not doc[start].is_sent_start
    ):
        start -= 1
    return Mention(start, m.end, clean_name(doc[start : m.end].text), "CUE")


# words that end a body's name after the town's ("the Port Ellery City Council")
_BODY_TAIL = {"city", "council", "police", "department", "board", "school", "district"}


def _story_town(doc: Doc) -> str | None:
    """The town or city the story is set in: the place below state level it names most
    (at least twice), read from NER's places and from bodies named after it."""
    counts: Counter[str] = Counter()
    dateline = re.match(r"\s*([A-Z][A-Z .'-]{2,30}?)\s*(?:,[^—–\n]{0,30})?\s+[—–-]\s", text_of(doc))
    if dateline:  # "PORT ELLERY — The city council voted ..."
        counts[dateline.group(1).strip().title()] += 1
    for e in ents(doc):
        if e.label_ not in ("GPE", "LOC", "ORG", "FAC"):
            continue
        words = clean_name(e.text).split()
        if e.label_ in ("ORG", "FAC") and not (words and words[-1].lower() in _BODY_TAIL):
            continue  # an organisation counts only as a body named after its town
        while words and words[-1].lower() in _BODY_TAIL:
            words.pop()
        body = len(words) < len(clean_name(e.text).split())
        name = " ".join(words)
        name = name.title() if name.isupper() else name
        if not name or not name[:1].isupper() or is_state_or_country(name):
            continue
        counts[name] += 2 if body else 1  # "the Oak Hollow School Board" names its town
    if not counts:
        return None
    town, n = counts.most_common(1)[0]
    return town if n >= 2 else None


def body_of_town(doc: Doc, lex: Lexicon, word: str) -> str | None:
    """ "police" of "police chief Renata Olmos": the story town's body of that kind ("Marlow
    Springs Police Department", rules ``public_body_names``), if the story names its town."""
    form = lex.words.get("public_body_names", {}).get(word.lower())
    town = _story_town(doc) if form else None
    return form.format(place=town) if form and town else None


def _described_bodies(doc: Doc, orgs: list[Mention], lex: Lexicon) -> list[Mention]:
    """ "the police department", "the city": a public body the story only describes,
    named after its town ("Port Ellery Police Department") when the text names no
    organisation of that kind itself (rules ``public_body_names``)."""
    forms: dict[str, str] = lex.words.get("public_body_names", {})
    low = text_of(doc).lower()
    if not forms or not any(f" {p.split()[0]}" in low for p in forms):
        return []  # (most stories name no public body: one look at the text)
    named = {w.lower() for m in orgs if m.kind != "outlet" for w in m.name.split()}
    # each phrase as the lower-case token texts spaCy gives it ("sheriff's" -> sheriff, 's)
    phrases = sorted(((p, re.findall(r"[\w]+|'s", p)) for p in forms), key=lambda x: -len(x[1]))
    firsts = {words[0] for _, words in phrases}
    town: str | None = None
    town_read = False
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        if doc[i].lower_ not in firsts:
            i += 1
            continue
        hit = None
        for phrase, words in phrases:
            n = len(words)
            if [t.lower_.replace("’", "'") for t in doc[i : i + n]] != words:
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            if after is not None and after.pos_ in ("NOUN", "PROPN") and n == 1:
                break  # "the city budget", "the district attorney": a modifier
            if phrase == "district" and " school" not in low:
                break  # "the district" is a school district only in a story about schools
            if before is None or not (
                before.lower_ in ("the", "its", "their")
                or before.text in ("'s", "’s")
                or before.pos_ == "PROPN"
            ):
                break
            if words[-1] in named or words[0] in named:
                break  # the text names it: "the department" is that one
            hit = (phrase, n)
            break
        if hit is None:
            i += 1
            continue
        if not town_read:
            town, town_read = _story_town(doc), True
        if town is None:
            return []
        phrase, n = hit
        out.append(Mention(i, i + n, forms[phrase].format(place=town), "ORG", "described"))
        i += n
    return out


# a wire dateline opening a paragraph: "BENGALURU, Aug 22 (APW) -", "LONDON (Reuters) -",
# "MARLOW FALLS —"
DATELINE_RE = re.compile(
    r"(?:^|\n)\s*([A-Z][A-Z .'-]{2,40}[A-Z])(?:,[^()\n]{0,30})?\s*"
    r"(?:\([^)\n]{1,30}\)\s*[-–—]|[–—])"
)


def _written_at(text: str, name: str) -> Iterator[int]:
    """Where the text writes a name, also with a lede's capitals ("SEVERN Valley
    Constabulary has paused ...")."""
    yield from whole_name_at(text, name)
    first, *rest = name.split()
    if rest and not first.isupper():
        yield from whole_name_at(text, " ".join([first.upper(), *rest]))


def _one_casing(mentions: list[Mention]) -> dict[str, str]:
    """ "SEVERN Valley Constabulary has paused ...": a lede's capitals are the name the rest
    of the story writes in title case. Returns what each such form stands for."""
    written = {
        m.name.casefold(): m.name
        for m in mentions
        if not any(w.isupper() and len(w) > 1 for w in m.name.split())
    }
    out = {}
    for m in mentions:
        words = m.name.split()
        if len(words) >= 2 and words[0].isupper() and m.name.casefold() in written:
            out[m.name] = written[m.name.casefold()]
            m.name = out[m.name]
    return out


def build_index(doc: Doc, lex: Lexicon, program_names: set[str] | None = None) -> NameIndex:
    idx = NameIndex(text=text_of(doc), mastheads=lex.set("masthead_words"))
    title_lines = {
        t for sent in doc.sents if is_title_line(sent) for t in range(sent.start, sent.end)
    }
    org_heads = lex.set("org_name_heads")
    dateline = DATELINE_RE.search(idx.text[:300])
    if dateline and "(" not in dateline.group() and not is_known_place(dateline.group(1).title()):
        dateline = None  # "GDPR — the law ...": without the agency, only a place is a dateline
    dateline_end = idx.dateline_end = dateline.end() if dateline else -1
    idx.persons = [
        m
        for m in _mentions(doc, "PERSON")
        if m.name[0].isupper()
        and not any(c.isdigit() for c in m.name)  # "Il Sole 24 Ore"
        and not (len(m.name.split()) >= 2 and m.name.split()[-1] in org_heads)  # "Lumora Labs"
    ]
    progs = program_names or set()
    roles = {r.lower() for r in lex.roles}
    # "Lumora Labs", "Aldermoor Bank" that NER called people or places are organisations
    misnamed = [
        _name_from_left(doc, m)
        for label in ("PERSON", "GPE")
        for m in _mentions(doc, label)
        if len(m.name.split()) >= 2 and m.name.split()[-1] in org_heads and m.name not in progs
    ]
    idx.orgs = (
        [
            m
            for m in _mentions(doc, "ORG")
            if m.name not in progs
            and m.name.upper() != "AI"
            and m.name.lower() not in COMPANY_NOUNS  # a summary line's "Company says ..."
            and m.name.split()[0].lower() not in roles  # NER's "CTO Andrew Bosworth"
            and not _in_headline(doc, m, title_lines)
            # "BENGALURU, Aug 22 (Reuters) -": a wire story's dateline is a place
            and not (doc[m.start].idx < dateline_end and m.name.isupper())
            # "a Lyon-based company": where a company sits
            and doc[m.end : m.end + 2].text.replace(" ", "") != "-based"
            # "a teaching assistant from Croydon": a place NER called an organisation
            and not (
                m.end - m.start == 1
                and m.start > 0
                and doc[m.start - 1].lower_ in ("in", "from", "at", "near", "outside")
                and is_known_place(m.name)
            )
        ]
        + misnamed
    )
    described = _described_bodies(doc, idx.orgs, lex)
    idx.orgs += described
    idx.described_at = {i: m.name for m in described for i in range(m.start, m.end)}
    idx.orgs.sort(key=lambda m: m.start)
    # NER's person "Sightline Intelligence" that it called an organisation elsewhere
    org_names = {m.name for m in idx.orgs if len(m.name.split()) >= 2}
    twins = [m for m in idx.persons if m.name in org_names]
    idx.persons = [m for m in idx.persons if m.name not in org_names]
    idx.orgs = sorted(
        idx.orgs + [Mention(m.start, m.end, m.name, "ORG") for m in twins], key=lambda m: m.start
    )
    # NER sometimes calls a person an ORG ("Marcelo Claure"): drop ORG names that are people
    person_words = {w for p in idx.persons for w in p.name.split() if len(p.name.split()) >= 2}
    surnames_alone = {p.name for p in idx.persons if len(p.name.split()) == 1}

    def _is_person(name: str) -> bool:
        w = name.split()
        if len(w) == 1:  # "Kurtaj" after "Arion Kurtaj"
            return any(len(p.name.split()) >= 2 and p.name.split()[-1] == w[0] for p in idx.persons)
        if len(w) != 2:
            return False
        return (w[0] in person_words and w[1] in person_words) or w[1] in surnames_alone

    idx.orgs = [m for m in idx.orgs if not _is_person(m.name)]
    idx.long_forms.update(_one_casing(idx.orgs))
    outlets = {o for o in lex.outlets}
    authorities = {a for a in lex.authorities}
    mastheads = lex.set("masthead_words")
    authority_words = lex.set("authority_words")
    service_words = lex.set("operator_authority_words")
    outlet_descriptors = lex.set("outlet_descriptors")
    # "delivery platform Pikipiki Express": a name the text describes as something else
    described = {
        m.name
        for m in idx.orgs
        if m.start > 0
        and doc[m.start - 1].pos_ == "NOUN"
        and doc[m.start - 1].is_lower
        and doc[m.start - 1].lower_ not in outlet_descriptors
    }
    seen_by_ends = [mt.end() for mt in _SEEN_BY_RE.finditer(idx.text)]
    for m in idx.orgs:
        words = m.name.split()
        # "Law Society Gazette", "Meridian Wire": a masthead word names a publication
        masthead = len(words) >= 2 and words[-1] in mastheads and m.name not in described
        # "The Post understands" in the Severnside Evening Post: the paper itself
        masthead = masthead or (
            names_own_paper(doc, m.name, mastheads)
            and m.start > 0
            and doc[m.start - 1].lower_ == "the"
        )
        # "an internal memo reviewed by Quayside": who reads a company's papers reports
        reader = any(
            idx.text.startswith(m.name, k)
            and not _word_char(idx.text[k + len(m.name) : k + len(m.name) + 1])
            for k in seen_by_ends
        )
        if (
            m.kind == "outlet"
            or m.name in outlets
            or ("the " + m.name) in outlets
            or masthead
            or reader
        ):
            m.kind = "outlet"
            idx.outlets.add(m.name)
        elif (
            m.kind == "authority"
            or m.name in authorities
            or (set(words) & authority_words and (len(words) >= 2 or m.name.istitle()))
        ) and not set(words) & service_words:  # a transit authority runs buses, not rules
            m.kind = "authority"
            idx.authorities.add(m.name)
    _add_text_companies(doc, idx, lex, progs)
    # Surnames: the first multi-word PERSON name ending in that word.
    for m in idx.persons:
        parts = m.name.split()
        if len(parts) >= 2 and parts[-1].lower() not in idx.surnames:
            idx.surnames[parts[-1].lower()] = m.name
    for m in idx.persons:
        parts = m.name.split()
        if len(parts) >= 2:
            full = idx.surnames.get(parts[-1].lower())
            if full and full != m.name and full.endswith(m.name):
                pass
    # Acronyms: "Long Name (ABC)" and initials of multi-word names in the text.
    text = text_of(doc)
    for mt in re.finditer(
        r"((?:[A-Z][\w'’&\-]*\s+(?:(?:of|for|and|the|de|des|l'|et|on)\s+)*){1,8}[\w'’\-]+)\s+\(([A-Z][A-Za-z&]{1,9})\)",
        text,
    ):
        long, short = mt.group(1), mt.group(2)
        words = long.split()
        # trim the long form from the left until its initials fit the acronym
        for k in range(len(words)):
            cand = " ".join(words[k:])
            if initials(cand) == short.upper().replace("&", ""):
                idx.acronyms[short] = clean_name(cand)
                break
    long_names = {m.name for m in idx.orgs + idx.persons if len(m.name.split()) >= 2}
    long_names |= progs
    for tok in tokens(doc):
        t = tok.text
        if len(t) >= 2 and t.isupper() and t.isalpha() and t not in idx.acronyms:
            for name in sorted(long_names, key=lambda n: text.find(n)):
                if initials(name) == t:
                    idx.acronyms[t] = clean_name(name)
                    break
    # "the Household Welfare Registry (OHWR)": the acronym of a program is no organisation
    for m in idx.orgs:
        if (
            m.end - m.start == 1
            and m.name.isupper()
            and m.start >= 2
            and m.name not in idx.acronyms
        ):
            before = text[: doc[m.start - 1].idx].rstrip()
            if doc[m.start - 1].text == "(" and any(before.endswith(p) for p in progs):
                idx.acronyms[m.name] = next(p for p in progs if before.endswith(p))
    idx.orgs = [m for m in idx.orgs if idx.acronyms.get(m.name) not in progs]
    # Short forms: "Clearview" -> "Clearview AI Inc" when the long form came first.
    first_pos: dict[str, int] = {}
    for m in idx.orgs:
        first_pos.setdefault(m.name, m.start)
    names = list(first_pos)
    for short in names:
        for long in names:
            if long == short or not long.startswith(short + " "):
                continue
            if len(long.split()) - len(short.split()) > 3 or first_pos[long] > first_pos[short]:
                continue
            if long in progs or its_peoples_group(long):
                continue
            cur = idx.long_forms.get(short)
            if cur is None or first_pos[long] < first_pos[cur]:
                idx.long_forms[short] = long
    idx.companies = _companies(doc, idx)
    # Main organization: the most mentioned company (not outlet/authority).
    # Counted in the text, not in NER's mentions: the small model misses many repeats.
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    seen_first: set[tuple[str, str]] = set()  # (organisation, short form counted with it)
    norps = {e.text for e in doc.ents if e.label_ == "NORP"}
    body_heads = lex.set("operator_body_heads")
    vendor_phrases = _vendor_phrases(text)
    long_places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and " " in e.text}
    # "Quikcart Technologies Ltd ... its subsidiary Quikcart Italia Srl ... Quikcart said":
    # the short form is the one named first
    first_named: dict[str, str] = {}
    for m in sorted(idx.orgs + idx.companies, key=lambda m: m.start):
        if m.kind not in ("outlet", "authority") and len(m.name.split()) >= 2:
            first_named.setdefault(m.name.split()[0], idx.org(m.name))
    for m in idx.orgs + idx.companies:
        if len(m.name.split()) == 1 and m.name in first_named:
            # "Conterra" itself, not "Conterra Iberia" (or the long form it stands for)
            first_named[m.name] = idx.org(m.name)
    for m in idx.orgs + idx.companies:
        if m.kind in ("outlet", "authority") or m.name in seen:
            continue
        seen.add(m.name)
        if " " not in m.name and is_state_or_country(m.name):
            continue  # NER's "[the Nigeria] Data Protection Commission": a country is no firm
        if len(m.name.split()) == 1 and (idx.org(m.name), m.name) in seen_first:
            continue  # "Keystone" was counted with "Keystone Express"
        n = sum(1 for _ in _written_at(text, m.name))
        first = m.name.split()[0]
        if (
            len(m.name.split()) >= 2
            and first.istitle()
            and len(first) > 3
            and not re.search(rf"\b{re.escape(first.lower())}\b", text)
            and not is_major_place(first)
            and first not in norps
            # "Marlow Springs Neighbors for Privacy": "Marlow" is the town, not the group
            and not any(m.name.startswith(p + " ") for p in long_places)
            and first_named.get(first) == idx.org(m.name)
        ):
            # "Drayton Freight Inc ... Drayton said": the short form counts as a mention,
            # but not as the end of a longer name ("Kerr" of "Ardent Kerr" is no mention
            # of "Kerr Navigator")
            n = max(
                n,
                sum(
                    1
                    for at in whole_name_at(text, first)
                    if not re.search(r"[A-Z][\w&'’.-]*[ \t]$", text[max(0, at - 40) : at])
                ),
            )
            seen_first.add((idx.org(m.name), first))
        if m.kind == "described":  # named only by its description
            n = sum(1 for d in idx.orgs if d.name == m.name)
        # names the text shows to be companies outweigh NER-only organisations
        full = idx.org(m.name)
        weight = (
            2
            if any(c.name in (m.name, full) for c in idx.companies)
            or full.split()[-1] in body_heads
            else 1
        )
        if _is_vendor(vendor_phrases, m.name):
            weight /= 2  # the story is about whoever runs the system, not who sold it
            idx.vendors.add(full)
        counts[full] += max(n, 1) * weight
    idx.org_counts = counts
    if counts:
        # a tie goes to the one the story names first
        first_at = {n: min(_written_at(text, n), default=len(text)) for n in counts}
        idx.main_org = max(counts, key=lambda n: (counts[n], -first_at[n]))
    idx.person_memo.clear()  # answers given while the tables were still being built
    idx.candidates = None
    return idx


class NamesComponent:
    """Pipeline component ``newskg_names_v1``: builds ``Doc._.names``."""

    def __init__(self, nlp: Language, name: str, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        programs = doc._.programs or []
        doc._.names = build_index(
            doc, self.lex, {p.name for p in programs} | {p.surface for p in programs if p.named}
        )
        return doc
