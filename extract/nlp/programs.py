"""Find the programs and systems an article talks about (component ``newskg_programs_v1``).

Cues, all general news phrasing: a quoted Title Case name after "its"/"a"/"called"
(its “Model Capability Initiative”), "Project X", "so-called X"/"a tool called X", an
appositive naming the thing a program/feature/tool ("Productivity Score, a feature of"),
a proper noun that tracks or records something ("Sapience monitored ..."), a proper noun
before a device noun ("OccupEye sensors"), and descriptive surveillance chunks
("facial recognition database", "system for monitoring ... employees").
Mentions of one program are clustered (acronyms, "Maven" in "Project Maven").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.nlp.extensions import ent_at, ents, names_own_paper, text_of, tokens
from extract.nlp.guard import guarded
from extract.nlp.lexicon import Lexicon
from extract.nlp.names import (
    COMPANY_NOUNS,
    CORP_SUFFIX,
    NOT_A_COMPANY_RE,
    any_of,
    clean_name,
    initials,
    is_title_line,
    whole_name_at,
    written_in_lower_case,
)
from extract.nlp.people import is_given_name
from extract.places import is_known_place

# technologies that tell one program from another ("facial recognition" vs "camera network")
DISTINCT_TECH = {
    *("facial", "biometric", "keystroke", "emotion", "fingerprint", "webcam", "telematics"),
    *("occupancy", "sentiment", "emotion-recognition", "voice", "iris", "palm", "gait"),
    *("plate", "keystroke-logging", "licence-plate", "license-plate", "number-plate"),
}
# parts of a program, not programs of their own
# last words of a Title Case name that make it a program ("Household Welfare Registry")
TITLED_PROGRAM_WORDS = {
    *("Program", "Programme", "System", "Scheme", "Initiative", "Registry", "Register"),
    *("Database", "App", "Platform", "Dashboard"),
}
HARDWARE_NOUNS = {"device", "phone", "handset", "smartphone", "tablet", "laptop", "computer"}
# nouns for who makes or sells a product ("a Bellevue software company")
SELLER_NOUNS = COMPANY_NOUNS | {"vendor", "developer", "supplier", "giant", "house", "maker"}
PART_NOUNS = {"feature", "features", "module", "function", "mode", "setting", "option"}
DEVICE_NOUNS = {
    "sensor",
    "software",
    "app",
    "tool",
    "platform",
    "system",
    "camera",
    "tracker",
    "device",
    "badge",
    "program",
    "programme",
    "initiative",
    "scheme",
    "feature",
    "project",
    "pilot",
    "mission",
    "service",
    "database",
    "dashboard",
    "network",
    "card",
    "trial",
    *("analytic", "analytics", "wristband", "armband"),
}
CLASSIC_APPOS = {
    "program",
    "programme",
    "system",
    "tool",
    "feature",
    "initiative",
    "scheme",
    "software",
    "pilot",
    "project",
    "technology",
    "tracker",
}
# nouns that name a program when a proper name stands in apposition to them
APPOS_NOUNS = CLASSIC_APPOS | {
    *("wristband", "armband", "headband", "wearable", "badge", "device", "scanner"),
    *("dashboard", "extension", "plug-in", "plugin", "headset", "app", "application"),
    *("platform", "service"),
    *("database", "sensor", "camera", "product", "network", "algorithm"),
    # "Drive Score, a rating the company introduced": a named scoring system
    *("rating", "score", "check", "metric", "ranking"),
    *("trial", "module"),
}
# appositive nouns that also describe people ("Sarah Lee, a pilot"; "a badge holder")
PERSON_LIKE_APPOS = {"pilot", "tracker", "badge", "scanner", "camera", "network", "project"}
# "a system it calls X" as well as "a system called X"
NAME_CUES = {"called", "named", "dubbed", "so-called", "branded", "codenamed", "code-named"}
NAME_CUES |= {"calls", "call", "dubs", "brands", "terms", "termed"}
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’"}
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9@][\w'’\-&.]*|of|for|and|the|de|to|in|on|a)$")


@dataclass
class ProgramMention:
    start: int  # token indices
    end: int
    name: str  # canonical name (set after clustering)
    surface: str
    named: bool  # a proper name, not a description


def verb_lemma(tok: Token, known: frozenset[str] | set[str] | dict[str, str]) -> str:
    """The verb's lemma, also when the small model tags "disabled" as an adjective and
    keeps the "-ed" in its lemma."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" and lemma.endswith("ed") and lemma not in known:
        return next((w for w in (lemma[:-1], lemma[:-2]) if w in known), lemma)
    return lemma


def _is_title_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    return all(_TITLE_WORD.match(w) for w in words) and words[-1][:1].isupper()


# words after a name that make it an organisation ("Lumora Group", "Kestrel Holdings"); a
# name ending in a legal suffix (``CORP_SUFFIX``) is a company, never a program
ORG_SUFFIX = rf"(?:{CORP_SUFFIX}|(?:Group|Co)\b)"


# what the text says right after a name ("X said", "X's chief executive", "X Inc", "X, which
# employs", "X, the Atlanta company", "X's staff", "X's monitoring program") or right before
# it ("the company X") when it treats the name as an organisation
_ORG_AFTER_NAME = any_of(
    (
        r"\s+(?:said|says|told|declined|confirmed|announced|employs|reported)\b",
        r"(?:'s|’s)\s+(?:chief|founder|president|spokes\w+|chair\w*|ceo|head|board|shares)",
        rf"\s+{ORG_SUFFIX}",
        r",\s+which\s+(?:employs|has|was founded|is based|makes|runs)",
        r",\s+(?:the|an?)\s+(?:[A-Z][\w-]*\s+){0,2}(?:company|firm|vendor|start-?up|supplier|"
        r"maker|manufacturer|contractor)\b",
        r"(?:'s|’s)?\s+(?:employees|workers|staff|spokes\w+|executives|engineers|management|"
        r"managers)\b",
        r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}(?:program|programme|scheme|initiative|system|app|"
        r"platform|tool|software|grants?)\b",
    )
)
_ORG_BEFORE_NAME = re.compile(
    r"\b(?:company|firm|carrier|retailer|bank|operator|start-up|startup|group)\s+$"
)


# how a story names the outlet that reports it: "which TechPatrika has reviewed", "told X",
# "In a statement to X", "did not respond to X's queries"
_OUTLET_BEFORE_NAME = re.compile(r"\b(?:told|(?:statement|comment|response|replied)\s+to)\s+$")
_OUTLET_AFTER_NAME = re.compile(
    r"\s+(?:has|had|have)\s+(?:reviewed|seen|obtained|learned|learnt|viewed)\b"
    r"|(?:'s|’s)\s+(?:queries|questions|requests?\s+for\s+comment)"
)


def _outlet_like(text: str, name: str) -> bool:
    """The text treats ``name`` as the outlet reporting the story."""
    return any(
        _OUTLET_AFTER_NAME.match(text, i + len(name))
        or _OUTLET_BEFORE_NAME.search(text, max(0, i - 40), i)
        for i in whole_name_at(text, name)
    )


def _org_like(text: str, name: str) -> bool:
    """The text treats ``name`` as an organisation: "X said", "X's chief executive",
    "X Inc", "the company X", "X, which employs"."""
    return any(
        _ORG_AFTER_NAME.match(text, i + len(name))
        or _ORG_BEFORE_NAME.search(text, max(0, i - 40), i)
        for i in whole_name_at(text, name)
    )


_PNAME = r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}"
PRODUCT_CUE_RE = re.compile(
    rf"(?P<a>{_PNAME}),\s+(?:which\s+(?:was|is)\s+)?(?:made|developed|built|designed|supplied|"
    rf"sold|marketed|provided)\s+by\b"
    rf"|\b(?:use|rollout|roll-out|deployment|suspension|licen[cs]e)\s+of\s+(?P<b>{_PNAME})(?=[\s,.;])"
    # "StaffSense, which Halvern Bank introduced in 2023"
    rf"|(?P<c>{_PNAME}),\s+which\s+(?:[A-Z][\w&'’-]*\s+){{1,4}}(?:has\s+|had\s+)?"
    rf"(?:introduced|rolled out|deployed|installed|launched|uses|used|adopted|piloted|licensed|"
    rf"bought|began using|started using)\b"
    # "monitored by StaffSense", "began using StaffSense to score agents"
    rf"|\b(?:monitored|tracked|watched|recorded|scored|flagged|filmed|scanned)\s+by\s+"
    rf"(?P<d>{_PNAME})(?=[\s,.;])"
    rf"|\b(?:using|uses|used|use)\s+(?P<e>{_PNAME})\s+to\s+(?:track|monitor|score|record|"
    rf"watch|log|measure|film|scan|flag|rank|check|verify|identify)\b"
    # "over Lantern, a system the company used to scan emails": the parse may hang the
    # description elsewhere
    rf"|(?P<f>{_PNAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:system|tool|program|programme|"
    rf"software|app|application|platform|scheme|service|network)\s+"
    rf"(?:that|which|the|it|its|used|designed|built|developed|"
    # "TaskMeter, a desktop application Brightdesk introduced in 2024"
    rf"[A-Z][\w&'’-]*\s+(?:introduced|rolled out|deployed|installed|launched|adopted|"
    rf"piloted|licensed|bought|built|developed|uses|used|began using))\b"
)
PROJECT_NAME_RE = re.compile(
    r"(?:Project|Operation|Programme|Program)\s+([A-Z][\w-]{2,}(?:\s+[A-Z][\w-]+)?)"
)
# words before "network" or "channel" that make it a broadcaster's
BROADCAST_WORDS = {"radio", "television", "tv", "news", "broadcast", "broadcasting", "cable"}
CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$")
CAMEL_IN_TEXT = re.compile(r"(?<![\w#@-])[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+(?![\w-])")
NOT_PROGRAMS = {"AI", "IT", "HR", "US", "UK", "EU", "UN", "CEO", "CTO"}
# technologies, not anyone's program: "40 new CCTV cameras", "GPS trackers"
NOT_PROGRAMS |= {"CCTV", "ANPR", "ALPR", "LPR", "GPS", "RFID", "NFC", "Wi-Fi", "WiFi", "Bluetooth"}
# kinds of thing written as abbreviations: "ID cards", "SIM cards", "QR codes"
NOT_PROGRAMS |= {"ID", "PIN", "SIM", "QR", "USB", "SMS", "PC", "TV", "VPN", "IP", "NHS"}
POSSESSIVES = {"its", "their", "'s", "’s"}
# what news calls a company that is its own app ("Zoomr, the ride-hailing app")
COMPANY_AS_APP = {"app", "platform", "marketplace", "service"}
# what joins a program to the product it is made of: "X runs on Y", "X is built on Y"; also
# "It is built on Y" opening the sentence after X
_BUILT_ON = (
    r"(?:runs|ran|is built|was built|is powered|was powered|is based|was based)"
    r"\s+(?:on|by)\s+(?:the\s+)?"
)
PLATFORM_RE = re.compile(r"\s+" + _BUILT_ON)
PRONOUN_PLATFORM_RE = re.compile(
    r"(?:It|The (?:system|tool|program|programme|software|platform))\s+" + _BUILT_ON
)


def _lower_case_refs(doc: Doc, found: list[ProgramMention]) -> list[ProgramMention]:
    """ "the trust score" after "Courier Trust Score": the name's last two words in lower
    case after "the" or "its" refer to it."""
    out: list[ProgramMention] = []
    tails: dict[str, str] = {}
    for m in found:
        words = m.surface.split()
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            tails.setdefault(" ".join(words[-2:]).lower(), m.surface)
    if not tails:
        return out
    for t in tokens(doc):
        if t.lower_ not in ("the", "its", "their") or t.i + 2 >= len(doc):
            continue
        pair = doc[t.i + 1 : t.i + 3]
        if pair.text in tails and pair[-1].pos_ == "NOUN" and pair.text.islower():
            out.append(ProgramMention(pair.start, pair.end, tails[pair.text], pair.text, True))
    return out


def _name_like(tok: Token) -> bool:
    """A product name the tagger did not call a proper noun: "Insight360" (a number to it)."""
    return tok.text[:1].isupper() and any(c.isdigit() for c in tok.text) and tok.text.isalnum()


def _thing_not_person(span: Span, head: Token) -> bool:
    """ "the Safer Kingsmere camera network", "CBP's Biometric Exit program": NER calls the
    name a person, but no given name opens it and a device noun follows it, after a
    description or with an owner before it."""
    doc = span.doc
    owned = span.start > 0 and (
        doc[span.start - 1].lower_ in POSSESSIVES or doc[span.start - 1].dep_ == "poss"
    )
    return (
        head.lemma_.lower() in DEVICE_NOUNS
        and all(t.ent_type_ in ("PERSON", "") for t in span)
        and len(span) >= 2
        and not is_given_name(span[0].text)
        and (span[-1].i + 1 < head.i or owned)  # "camera network", "CBP's ... program"
    )


def _program_noun_before(words: list[str], generic: frozenset[str]) -> bool:
    """ "a system called X" names a program; "the first, called X" does not."""
    for w in reversed(words[-5:]):
        w = w.lower().strip(",")
        if not w:
            continue
        if w.rstrip("s") in generic or w in generic:
            return True
    return False


def _org_elsewhere(doc: Doc, name: str, skip: int) -> bool:
    """The name also stands alone as an organization (an "Uber app" is Uber's, not a program)."""
    return any(
        e.label_ == "ORG" and clean_name(e.text) == name and e.start != skip for e in ents(doc)
    )


def _span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    return doc.char_span(start_char, end_char, alignment_mode="expand")


class ProgramFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.generic = lex.set("program_generic")
        self.tracking = lex.set("tracking_strong")
        self.object_only_verbs = lex.set("program_object_verbs")
        self.name_as = lex.set("name_as_verbs")  # "known as", "marketed as"
        self.status_phrases = {w for w in lex.set("status") if " " in w}
        # verbs whose object is a program when it is a proper name (not a company)
        self.program_verbs = (lex.set("status") | lex.set("program_object_verbs")) - {
            "start",
            "begin",
            "end",
            "stop",
            "test",
            "set",
            "roll",
            "drop",
            "remove",
            "pull",
            "kill",
            "retire",
            "acquire",
            "restore",
            "adopt",
        }

    def __call__(self, doc: Doc) -> list[ProgramMention]:
        self._alias_of: dict[str, str] = {}  # a second name the text gives a program
        excluded = self._excluded_names(doc)
        # an appositive that calls something a program/system outranks NER's label for it
        strong = (
            self._quoted(doc)
            + self._cued(doc)
            + self._appositive(doc)
            + self._defined(doc)
            + self._named_generic(doc)
            + self._titled_names(doc)
        )
        cued = {m.surface for m in strong}  # called, quoted or described as a program
        # "X system", "X's cameras", CamelCase product names: strong unless X is a company
        extra = (
            self._named_before_noun(doc)
            + self._camel_case(doc)
            + self._possessed_device(doc)
            + self._possessed_product(doc)
            + self._made_by(doc)
            + self._verb_objects(doc)
        )
        strong += [
            m
            for m in extra
            if not _org_like(text_of(doc), m.surface) and not _outlet_like(text_of(doc), m.surface)
        ]
        strong = [m for m in strong if m.surface not in NOT_PROGRAMS]
        # "WorkLife" of the trade title "WorkLife Review" is a publication, not a product
        mastheads = self.lex.set("masthead_words")
        titles = [
            t
            for t in re.findall(r"(?:[A-Z][\w&'’-]*\s+){1,4}[A-Z]\w+", text_of(doc))
            if t.split()[-1] in mastheads
        ]
        strong = [m for m in strong if not any(t.startswith(m.surface + " ") for t in titles)]
        weak = self._proper_subjects(doc) + self._descriptive(doc) + self._activity_of(doc)
        title_tokens = {
            t for sent in doc.sents if is_title_line(sent) for t in range(sent.start, sent.end)
        }
        strong_names = {m.surface for m in strong}
        weak = [m for m in weak if m.start not in title_tokens]  # headlines fool the parser
        found = strong + [
            m
            for m in weak
            if m.surface and m.surface not in excluded and m.surface not in strong_names
        ]
        # a copyright line ("The-CNN-Wire ™ & © 2013") names no program, nor a plural
        # acronym ("LLMs", "APIs": a kind of thing)
        text = text_of(doc)
        found = [
            m
            for m in found
            if not re.search(r"[™©®]", m.surface)
            # "Vans tracked every 30 seconds" (a subheading): a common word the text also
            # writes in lower case, not a name
            and not (
                re.fullmatch(r"[A-Z][a-z]+", m.surface)
                and m.surface not in cued
                and written_in_lower_case(text, m.surface)
            )
            and not re.fullmatch(r"[A-Z]{2,}s", m.surface)
            # 'its AI "agents" - software designed to ...': a word in scare quotes
            and not re.search(r"[\"“”]", m.surface)
            # "One program is still running": a number, not a name
            and not (m.end - m.start == 1 and doc[m.start].like_num)
            # "agreed to buy Fenwick Home Inc.": a company, whatever is done to it
            and not re.search(rf"\b{CORP_SUFFIX}$", m.surface)
        ]
        # "The PUNCH gathered that ..." in Punch Newspapers: the paper itself
        found = [m for m in found if not names_own_paper(doc, m.surface, mastheads)]
        self._platforms(doc, found)
        return self._cluster(doc, found + _lower_case_refs(doc, found))

    def _platforms(self, doc: Doc, found: list[ProgramMention]) -> None:
        """ "Project Clarity runs on Insight, a product from Veyra": the product is what the
        program is made of, one program with it; what it does is the program's."""
        text = text_of(doc)
        named = sorted((m for m in found if m.named), key=lambda m: m.start)
        for a, b in itertools.pairwise(named):
            if a.surface == b.surface:
                continue
            a_sent, b_sent = doc[a.start].sent, doc[b.start].sent
            if a_sent.start == b_sent.start:
                joined = PLATFORM_RE.fullmatch(
                    text[doc[a.end - 1].idx + len(doc[a.end - 1]) : doc[b.start].idx]
                )
            else:  # "... Project Lantern. It is built on WorkTrace, a product ..."
                joined = b_sent.start - a_sent.end <= 1 and PRONOUN_PLATFORM_RE.fullmatch(
                    text[b_sent.start_char : doc[b.start].idx]
                )
            if joined:
                self._alias_of.setdefault(b.surface, a.surface)

    def _excluded_names(self, doc: Doc) -> set[str]:
        out: set[str] = set(self.lex.outlets) | set(self.lex.authorities)
        counts: Counter[str] = Counter()
        for ent in ents(doc):
            name = clean_name(ent.text)
            if ent.label_ in ("GPE", "NORP", "LOC", "DATE", "MONEY", "CARDINAL", "LAW"):
                out.add(name)
            if ent.label_ == "PERSON" and len(name.split()) >= 2:
                out.add(name)
            if ent.label_ == "ORG":
                counts[name] += 1
        text = text_of(doc)
        for name in {*counts, *CAMEL_IN_TEXT.findall(text)}:
            if name and _outlet_like(text, name):
                out.add(name)
        if counts:  # the main company is the operator, not a program ...
            top = counts.most_common(1)[0][0]
            if _org_like(text_of(doc), top):  # ... unless nothing says it is a company
                out.add(top)
        return out

    def _quoted(self, doc: Doc) -> list[ProgramMention]:
        out = []
        text = text_of(doc)
        for m in re.finditer(r"[“\"‘]([^“”\"‘’\n]{2,80})[”\"’]", text):
            inner = m.group(1).strip().rstrip(",.")  # “Courier Trust Score,”
            if not _is_title_name(inner):
                continue
            before = text[max(0, m.start() - 25) : m.start()].split()
            prev = before[-1].lower() if before else ""
            if (
                len(before) >= 2
                and prev.isalpha()
                and prev.islower()
                and before[-2].lower() in {"a", "an", "the", "its", "their"}
                and re.match(r"\s*,?\s*(?:without|which|that|to|for|and|or|in)\b", text[m.end() :])
            ):
                prev = before[-2].lower()  # "an automated “Courier Trust Score,” without ..."
            after = text[m.end() : m.end() + 40].lower()
            cue = prev in {"its", "their", "his", "her", "a", "an", "the", "new", "so-called"}
            if re.match(r"\s*of\s", after) and prev == "the":
                cue = False  # "the “Belfastisation” of the city": a coinage, not a product
                cue = _program_noun_before(before[:-1], self.generic)
            cue = cue or prev.endswith(("'s", "’s"))
            if prev in NAME_CUES:
                # 'the program, called "SNS Risk Monitoring" in internal documents'
                words = text[max(0, m.start() - 60) : m.start()].split()[:-1]
                cue = cue or _program_noun_before(words, self.generic | PART_NOUNS | APPOS_NOUNS)
            cue = cue or bool(
                re.match(
                    r"\s*[,—–-]+\s*(?:a|an|the|its)\s+(?:\w+\s+){0,3}?(program|programme|system|tool|initiative|scheme|feature|app|platform|software|pilot|project)",
                    after,
                )
            )
            cue = cue or bool(
                re.match(
                    r"\s*(program|programme|system|tool|initiative|scheme|feature|app|platform|software|pilot|project)\b",
                    after,
                )
            )
            if not cue:
                continue
            span = _span(doc, m.start(1), m.start(1) + len(inner))
            if span is not None:
                out.append(ProgramMention(span.start, span.end, inner, inner, True))
        return out

    def _take_title(self, doc: Doc, i: int) -> Span | None:
        """A run of capitalised words from ``i`` ("TeleGuard", "Welcome Back Talks")."""
        j = i
        while j < len(doc) and not doc[j].is_punct:
            t = doc[j]
            if (
                t.text[:1].isupper()
                or (t.like_num and j > i)
                or (
                    t.lower_ in {"of", "for", "and"}
                    and j + 1 < len(doc)
                    and doc[j + 1].text[:1].isupper()
                )
            ):
                j += 1
            else:
                break
        if j == i or j - i > 6:
            return None
        while j > i and doc[j - 1].lower_ in {"of", "for", "and"}:
            j -= 1
        return doc[i:j]

    def _cued(self, doc: Doc) -> list[ProgramMention]:
        out = []
        for tok in tokens(doc):
            low = tok.lower_
            span = None
            if (
                low in ("project", "operation")
                and tok.is_title
                and tok.i + 1 < len(doc)
                and doc[tok.i + 1].is_title
            ):
                span = self._take_title(doc, tok.i)
            elif (
                low in NAME_CUES
                or (
                    low == "as"
                    and any(t.lower_ in self.name_as for t in doc[max(0, tok.i - 3) : tok.i])
                )
                # "cameras, marketed under the name Ojo Vigía"
                or (
                    low in ("name", "brand")
                    and [t.lower_ for t in doc[tok.i - 2 : tok.i]] == ["under", "the"]
                )
            ):
                so_called = (
                    tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "so"
                )
                # "brought in something called Sentiment Monitor": the thing is the program
                something = tok.i > 0 and doc[tok.i - 1].lower_ == "something"
                if (
                    low != "so-called"
                    and not so_called
                    and not something
                    and not _program_noun_before(
                        [t.text for t in doc[max(0, tok.i - 6) : tok.i]],
                        # "a module called Inkomenscheck", "the score, called QScore"
                        self.generic | PART_NOUNS | APPOS_NOUNS,
                    )
                ):
                    continue
                nxt = tok.i + 1
                if nxt < len(doc) and doc[nxt].text in QUOTE_PAIRS:
                    continue  # handled by _quoted
                if (
                    nxt + 1 < len(doc)
                    and doc[nxt].lower_ == "the"
                    and doc[nxt + 1].text[:1].isupper()
                ):
                    nxt += 1  # "the tool, known as the Risk Radar"
                if nxt < len(doc) and doc[nxt].text[:1].isupper():
                    span = self._take_title(doc, nxt)
            if span is not None and len(span) >= 1:
                name = clean_name(span.text)
                named = self._named_before_known(doc, tok.i, out) if low == "as" else None
                if named:
                    # "Project Maven, known formally as the Algorithmic Warfare ...": a
                    # second name of the program just named
                    out.append(ProgramMention(span.start, span.end, named, name, True))
                    self._alias_of[name] = named
                elif name:
                    out.append(ProgramMention(span.start, span.end, name, name, True))
                    alias = self._or_alias(doc, span.end)
                    if alias is not None:
                        out.append(ProgramMention(alias.start, alias.end, name, alias.text, True))
                        self._alias_of[alias.text] = name
        return out

    @staticmethod
    def _named_before_known(doc: Doc, as_i: int, found: list[ProgramMention]) -> str | None:
        k = as_i - 1
        while k >= 0 and doc[k].lower_ in ("known", "formally", "officially", "internally", ","):
            k -= 1
        return next((m.name for m in found if m.end == k + 1), None)

    def _or_alias(self, doc: Doc, end: int) -> Span | None:
        """ "known as the Bijstand Risicoscan, or Welfare Risk Scan,": a second name."""
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "or":
            return None
        alias = self._take_title(doc, end + 2) if doc[end + 2].text[:1].isupper() else None
        if alias is None or alias.end >= len(doc) or doc[alias.end].text not in (",", ")", "."):
            return None
        return alias

    def _chunk_name(self, doc: Doc, head: Token) -> Span:
        left = head.i
        for c in head.lefts:
            if (
                c.dep_ in ("compound", "amod", "nmod")
                and c.i < head.i
                and not c.is_punct
                and c.text not in QUOTE_PAIRS
                # "Pellham's ran ClearLane": a lower-case word is no part of a proper name
                and not (head.pos_ == "PROPN" and c.is_lower and c.pos_ == "VERB")
            ):
                # "keystroke-logging tool": a hyphenated modifier comes whole
                hyphened = c.i >= 2 and doc[c.i - 1].text == "-" and not doc[c.i - 2].whitespace_
                left = min(left, c.left_edge.i if c.dep_ == "compound" or hyphened else c.i)
            elif c.dep_ in ("det", "poss"):
                continue
        # "Marlow High installed GateView": a parse that hangs the clause on the name
        verbs = [t.i for t in doc[left : head.i] if t.is_lower and t.pos_ in ("VERB", "AUX")]
        if verbs and head.pos_ == "PROPN":
            left = verbs[-1] + 1
        while left < head.i and (
            doc[left].is_punct or doc[left].lower_ in {"the", "a", "an", "its", "their"}
        ):
            left += 1
        return doc[left : head.i + 1]

    def _appositive(self, doc: Doc) -> list[ProgramMention]:
        out = self._name_after_noun(doc)
        for tok in tokens(doc):
            if tok.dep_ != "appos" or tok.lemma_.lower() not in APPOS_NOUNS:
                continue
            head = tok.head
            left = tok.left_edge.i
            if (
                left >= 2
                and doc[left - 1].text == ","
                and doc[left - 2].pos_ == "PROPN"
                and doc[left - 2].i > head.i
                and doc[left - 2].dep_ != "compound"
            ):
                # "Cognivue Solutions, which employs 5,500 people, scrapped FaceIn, a system
                # that ...": the parse hung the description on the company; it is the
                # name right before it that it describes
                head = doc[left - 2]
            if head.pos_ not in ("PROPN", "NOUN"):
                continue
            # "Sarah Lee, a pilot": a person; NER also calls two-word products people
            # ("HallPass Sentinel, a monitoring service"), so only person-like nouns count
            if (
                tok.lemma_.lower() in PERSON_LIKE_APPOS
                and head.ent_type_ == "PERSON"
                and head.i > 0
                and doc[head.i - 1].ent_type_ == "PERSON"
            ):
                continue
            if (
                any(c.lower_ in {"a", "an", "the"} for c in head.children if c.dep_ == "det")
                and head.pos_ == "NOUN"
            ):
                continue
            if head.pos_ == "NOUN" and head.is_sent_start and f" {head.lower_} " in text_of(doc):
                continue  # "Riders working for Zoomr, the app ...": a common noun
            span = self._chunk_name(doc, head)
            name = clean_name(span.text)
            if tok.lemma_.lower() not in CLASSIC_APPOS and not name[:1].isupper():
                continue  # "Teams, Microsoft's workplace chat app": only proper names here
            if tok.lemma_.lower() in COMPANY_AS_APP and _org_like(text_of(doc), name):
                continue  # "Baro, the country's second-largest delivery app ... Baro says"
            if name.split()[-1:] and name.split()[-1] in self.lex.set("body_name_heads"):
                continue  # "the Freelance Linguists Collective, an informal network of ..."
            if name and len(name.split()) <= 6 and name.lower() not in self.generic:
                out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _name_after_noun(self, doc: Doc) -> list[ProgramMention]:
        """ "the company runs a facial recognition system, Floor Sentinel, that ...": a name
        set off by commas after a program noun names it (whatever NER made of the name)."""
        out = []
        for tok in tokens(doc):
            head = tok.head
            if (
                tok.dep_ != "appos"
                or tok.pos_ != "PROPN"
                or head.pos_ != "NOUN"
                or head.lemma_.lower() not in self.generic
                or tok.left_edge.i < 1
                or doc[tok.left_edge.i - 1].text != ","
                or tok.right_edge.i + 1 >= len(doc)
                or doc[tok.right_edge.i + 1].text not in (",", ".", "—", "–")
            ):
                continue
            span = doc[tok.left_edge.i : tok.i + 1]
            if not all(t.text[:1].isupper() for t in span) or len(span) > 4:
                continue
            name = clean_name(span.text)
            if name and name not in NOT_PROGRAMS:
                out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _defined(self, doc: Doc) -> list[ProgramMention]:
        """ "Rosto Seguro ("Safe Face") is a facial-recognition check that Entregô
        introduced": a name the text defines as a kind of program."""
        out = []
        for tok in tokens(doc):
            if (
                tok.dep_ != "attr"
                or tok.lemma_.lower() not in APPOS_NOUNS
                or tok.head.lemma_ != "be"
                or not any(c.lower_ in ("a", "an") for c in tok.children if c.dep_ == "det")
            ):
                continue
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN" or subj.i > tok.i:
                continue
            if tok.lemma_.lower() in PERSON_LIKE_APPOS and subj.ent_type_ == "PERSON":
                continue  # "Sarah Lee is a pilot"
            span = self._chunk_name(doc, subj)
            name = clean_name(span.text)
            if not name[:1].isupper() or len(name.split()) > 6 or name.lower() in self.generic:
                continue
            if tok.lemma_.lower() in COMPANY_AS_APP and _org_like(text_of(doc), name):
                continue  # "Zoomr is a ride-hailing app" that the text treats as a company
            out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _verb_objects(self, doc: Doc) -> list[ProgramMention]:
        """A proper name that something is done to as to a program: "Hearthly disabled
        Presence Detection", "enabled Presence Detection for all of its staff"."""
        out = []
        for tok in tokens(doc):
            if tok.dep_ not in ("dobj", "nsubjpass") or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            head = tok.head  # "disabled" may come out as an adjective with an object
            lemma = verb_lemma(head, self.program_verbs)
            # "finished rolling out DriveSight": a verb with its particle
            prt = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
            if prt and f"{lemma} {prt}" in self.status_phrases:
                lemma = f"{lemma} {prt}"
            if lemma not in self.program_verbs or head.pos_ not in ("VERB", "ADJ"):
                continue
            if not tok.text[:1].isupper() or tok.ent_type_ in ("GPE", "NORP", "DATE", "LAW", "LOC"):
                continue
            # people are suspended too, but nobody enables or installs a person
            if tok.ent_type_ == "PERSON" and lemma not in self.object_only_verbs:
                continue
            span = self._chunk_name(doc, tok)
            if not all(t.text[:1].isupper() for t in span) or span[0].is_sent_start:
                continue
            name = clean_name(span.text)
            if name and name not in NOT_PROGRAMS and len(name.split()) <= 4:
                out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _made_by(self, doc: Doc) -> list[ProgramMention]:
        """A product named by how it came to be or is used: "FlowMetrics, made by the US
        company ...", "suspended the use of FlowMetrics", "a licence for VoicePulse"."""
        out = []
        text = text_of(doc)
        for m in PRODUCT_CUE_RE.finditer(text):
            group = next(g for g in "abcdef" if m.group(g))
            name, start = m.group(group), m.start(group)
            span = _span(doc, start, start + len(name))
            # nobody is "the facial verification system": NER's person is the product
            labels = ("GPE", "DATE") if group == "f" else ("PERSON", "GPE", "DATE")
            if span is None or any(t.ent_type_ in labels for t in span):
                continue
            name = clean_name(span.text)
            if name and name not in NOT_PROGRAMS and not _org_like(text, name):
                out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _camel_case(self, doc: Doc) -> list[ProgramMention]:
        """CamelCase product names (DriverScore, ExamLens) named 3+ times, never a person
        (a CamelCase company is caught by ``_org_like``)."""
        counts = Counter(CAMEL_IN_TEXT.findall(text_of(doc)))
        if not any(n >= 3 for n in counts.values()):
            return []
        out = []
        for t in tokens(doc):
            if counts.get(t.text, 0) < 3 or t.ent_type_ == "GPE":
                continue
            # NER takes "ReadAloud Buddy" for a person; "McDonald", "DeSantis" are people
            if t.ent_type_ == "PERSON" and len(re.match(r"[A-Z][a-z]+", t.text)[0]) < 4:
                continue
            ent = ent_at(doc, t.i)
            if (
                ent is not None
                and ent.label_ == "PERSON"
                and ent.start == t.i
                and 1 < len(ent) <= 3
                and all(x.text[:1].isupper() for x in ent)
            ):
                out.append(ProgramMention(ent.start, ent.end, ent.text, ent.text, True))
            else:
                out.append(ProgramMention(t.i, t.i + 1, t.text, t.text, True))
        return out

    def _possessed_device(self, doc: Doc) -> list[ProgramMention]:
        """ "Vigil's cameras record video": a proper name owning a device noun."""
        out = []
        for t in tokens(doc):
            if (
                t.dep_ == "poss"
                and t.pos_ == "PROPN"
                and t.head.lemma_.lower() in {"camera", "sensor", "tracker", "scanner"}
                and t.text[:1].isupper()
                # "The City's own cameras": a body that owns them, not a product name
                and not any(c.dep_ == "det" for c in t.children)
                and not any(c.lower_ == "own" for c in t.head.children)
                # "Telemetrix's CabView camera": the maker of a product with its own name
                and not any(x.pos_ == "PROPN" for x in doc[t.i + 2 : t.head.i])
            ):
                span = self._chunk_name(doc, t)
                name = clean_name(span.text)
                if name and name not in NOT_PROGRAMS:
                    out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _possessed_product(self, doc: Doc) -> list[ProgramMention]:
        """ "Google's Imagen", "Tesla's Model 3": an organisation's possessive before a product
        name (NER's PRODUCT, or a Title Case name NER left untagged) that ends the phrase."""
        out = []
        for t in tokens(doc):
            # (names are indexed after programs: NER's ORG is the evidence here)
            if t.dep_ != "poss" or t.pos_ != "PROPN" or t.ent_type_ != "ORG":
                continue
            head = t.head
            if head.pos_ != "PROPN" or not head.text[:1].isupper() and not head.like_num:
                continue
            end = head.i + 1
            while end < len(doc) and doc[end].like_num and doc[end].head.i == head.i:
                end += 1  # "Model 3"
            span = doc[t.i + 2 : end]  # after the "'s"
            nxt = doc[end] if end < len(doc) else None
            # a product, not a person NER missed: a model number, or one word NER calls a
            # PRODUCT (the small model calls "Sundar Pichai" one too)
            numbered = any(any(c.isdigit() for c in x.text) for x in span)
            if not numbered and not (len(span) == 1 and span[0].ent_type_ == "PRODUCT"):
                continue
            if (
                not 1 <= len(span) <= 4
                or doc[t.i + 1].text not in ("'s", "’s")
                or any(x.ent_type_ not in ("", "PRODUCT", "WORK_OF_ART") for x in span)
                or not all(x.text[:1].isupper() or x.like_num or x.text == "-" for x in span)
                or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))
            ):
                continue
            name = clean_name(span.text)
            if name and name not in NOT_PROGRAMS:
                out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _named_generic(self, doc: Doc) -> list[ProgramMention]:
        """ "The system, Driveri, made by ...": a program noun with a proper-name appositive."""
        out = []
        for tok in tokens(doc):
            if tok.lemma_.lower() not in APPOS_NOUNS or tok.pos_ != "NOUN":
                continue
            for c in tok.children:
                if (
                    c.dep_ == "appos"
                    and (c.pos_ == "PROPN" or _name_like(c))
                    and c.text[:1].isupper()
                    and c.ent_type_ not in ("PERSON", "DATE")
                    # "a desktop application Trustline introduced": who introduced it
                    and not any(v.dep_ in ("acl", "relcl") and v.pos_ == "VERB" for v in c.children)
                ):
                    span = self._chunk_name(doc, c)
                    name = clean_name(span.text)
                    if name and len(name.split()) <= 5:
                        out.append(ProgramMention(span.start, span.end, name, name, True))
            # "the company that sells the software, Beacon Guard, is worth ...": the parse
            # hangs the name elsewhere, the commas still set it beside the noun
            j = tok.i + 2
            if (
                j < len(doc)
                and doc[tok.i + 1].text == ","
                and any(c.dep_ in ("det", "poss") for c in tok.children)
                and (doc[j].pos_ == "PROPN" or _name_like(doc[j]))
                and doc[j].text[:1].isupper()
            ):
                k = j
                while (
                    k < len(doc)
                    and (doc[k].pos_ == "PROPN" or _name_like(doc[k]))
                    and doc[k].text[:1].isupper()
                ):
                    k += 1
                span = doc[j:k]
                if (
                    k < len(doc)
                    and doc[k].text in (",", ".", ";", ")")
                    and k - j <= 4
                    and all(t.ent_type_ not in ("PERSON", "GPE", "DATE", "NORP") for t in span)
                ):
                    name = clean_name(span.text)
                    if name and name not in NOT_PROGRAMS:
                        out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _proper_subjects(self, doc: Doc) -> list[ProgramMention]:
        out = []
        for tok in tokens(doc):
            if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "DATE"):
                continue
            head = tok.head
            # "Sapience monitored computer activity"
            if tok.dep_ == "nsubj" and head.lemma_.lower() in self.tracking and head.pos_ == "VERB":
                if tok.ent_type_ == "ORG":
                    continue
                span = self._chunk_name(doc, tok)
                if tok.ent_type_ == "PERSON" and len(span) > 1:
                    continue
                out.append(
                    ProgramMention(
                        span.start, span.end, clean_name(span.text), clean_name(span.text), True
                    )
                )
        return out

    def _titled_names(self, doc: Doc) -> list[ProgramMention]:
        """A Title Case name whose own last word says what it is: "the Odisha government's
        Household Welfare Registry (OHWR)", "the Claimant Risk Model"; not a body that
        runs things ("Federal Reserve System", "Kaiser Health System")."""
        out = []
        masthead_words = self.lex.set("masthead_words")
        for tok in tokens(doc):
            if tok.text not in TITLED_PROGRAM_WORDS or tok.i == 0 or tok.is_sent_start:
                continue
            whole = ent_at(doc, tok.i)
            if whole is not None and whole.label_ == "ORG" and whole.end > tok.i + 1:
                continue  # "Korean Platform Couriers Union": a word inside a longer name
            start = tok.i
            while (
                start - 1 >= 0
                and tok.i - start < 5
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].is_alpha
                and not doc[start - 1].is_sent_start
                and doc[start - 1].ent_type_ not in ("GPE", "NORP", "PERSON", "DATE")
            ):
                start -= 1
            if start == tok.i or is_title_line(tok.sent):
                continue  # "the System": no name; a headline's words are all capitalised
            if (
                start >= 2
                and doc[start - 1].lower_ in ("the", "of", "for", "and")
                and doc[start - 2].text[:1].isupper()
                or start >= 1
                and doc[start - 1].text == "-"
            ):
                continue  # "Deworm the World Initiative", "AI-Training ...": a longer name
            words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
            if sum(t.text[:1].isupper() for t in words) > 0.6 * len(words):
                continue  # "Lumora Paused Its AI-Training Surveillance Program": a headline
            if doc[tok.i - 1].text in masthead_words:
                continue  # "The Commerce Standard App": the publication's own app
            span = doc[start : tok.i + 1]
            name = clean_name(span.text)
            if NOT_A_COMPANY_RE.search(name) or re.search(r"\b(?:Health|Reserve|Medical)\b", name):
                continue
            if _org_like(text_of(doc), name):
                continue
            out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _named_before_noun(self, doc: Doc) -> list[ProgramMention]:
        """A Title Case name right before a program noun: "OccupEye sensors", "its Sapience
        software", "the Commercial Lunar Payload Services (CLPS) program"."""
        out = []
        standalone_orgs = {clean_name(e.text) for e in ents(doc) if e.label_ == "ORG"}
        products = self.lex.set("product_nouns")
        for head in tokens(doc):
            if head.pos_ != "NOUN":
                continue
            lemma = head.lemma_.lower()
            # a possessed product: "its Blue Moon lander", "SpaceX's Starship rocket"
            product_only = lemma not in DEVICE_NOUNS
            if product_only and lemma not in products:
                continue
            if head.dep_ == "compound" and head.head.lemma_.lower() in SELLER_NOUNS:
                continue  # "a Bellevue software company": who sells it, not a product
            if head.i > 0 and doc[head.i - 1].lower_ in BROADCAST_WORDS:
                continue  # "the Cadena SER radio network": a broadcaster, not a system
            j = head.i - 1
            acronym = None
            if j >= 3 and doc[j].text == ")" and doc[j - 2].text == "(" and doc[j - 1].is_upper:
                acronym = doc[j - 1].text
                j -= 3
            # "the WorkLens Monitor employee-monitoring software": skip the lower-case
            # description between the name and the noun
            k = j
            while (
                k >= 0
                and j - k < 4
                and (doc[k].text == "-" or doc[k].is_lower and doc[k].is_alpha)
                and doc[k].dep_ in ("compound", "amod", "punct", "npadvmod")
            ):
                k -= 1
            if (
                k < j
                and k >= 0
                and doc[k].text[:1].isupper()
                and (doc[k].pos_ == "PROPN" or doc[k].ent_type_ == "PRODUCT")
            ):
                j = k
            end = j + 1
            start = end
            while start - 1 >= 0:
                t = doc[start - 1]
                if (
                    (
                        t.text[:1].isupper()
                        and t.is_alpha
                        or t.is_upper
                        and len(t) > 1
                        or (t.like_num and start < end)
                        # "Full Self-Driving": a hyphen inside a Title Case word
                        or (
                            t.text == "-"
                            and not t.whitespace_
                            and start < end
                            and start - 2 >= 0
                            and doc[start - 2].text[:1].isupper()
                            and not doc[start - 2].whitespace_
                        )
                    )
                    or (
                        t.lower_ in ("for", "of", "the", "and", "as")
                        and start - 2 >= 0
                        and doc[start - 2].is_title
                        and start < end
                    )
                ):
                    start -= 1
                else:
                    break
                if t.is_sent_start or t.dep_ == "poss" or t.text in ("'s", "’s"):
                    break
            while start < end and (
                doc[start].lower_ in ("for", "of", "the", "and", "as")
                or doc[start].dep_ == "poss"
                or doc[start].is_sent_start
                and doc[start].lower_ in ("the", "a", "its", "in", "on")
            ):
                start += 1
            while (
                start < end
                and doc[start].pos_ not in ("PROPN", "NUM")
                and doc[start].ent_type_ == ""
            ):
                start += 1  # "Such programs", "Few schemes": not names
            if start < end and doc[start].ent_type_ == "CARDINAL" and head.tag_ == "NNS":
                continue  # "43 State welfare schemes": a count of things, not a name
            if start >= end or end - start > 6:
                continue
            if product_only and not (
                start > 0
                and (doc[start - 1].lower_ in POSSESSIVES or doc[start - 1].dep_ == "poss")
            ):
                continue
            if product_only and is_known_place(doc[start:end].text):
                continue  # "its Joliet terminal": a site, named for its town
            span = doc[start:end]
            if (
                len(span) == 1
                and span[0].is_sent_start
                and written_in_lower_case(text_of(doc), span[0].text)
            ):
                continue  # "Vape detectors have been ...": a common word written in lower case
            labels = ("PERSON", "GPE", "NORP", "DATE", "LAW", "MONEY")
            if any(t.ent_type_ in labels for t in span) and not _thing_not_person(span, head):
                continue
            name = clean_name(span.text)
            if (
                not name
                or name in standalone_orgs
                and len(span) == 1
                and text_of(doc).count(name) > 1
                and acronym is None
                and span[0].ent_type_ == "ORG"
                and _org_elsewhere(doc, name, span.start)
                # "Sentinel software ... selling Sentinel": NER's organisation that the
                # text never treats as one (no "Sentinel said", "Sentinel's staff"); not
                # hardware ("Android devices": devices that run it) unless owned ("its
                # FaceBoard gates")
                and (
                    lemma in HARDWARE_NOUNS
                    and doc[start - 1].lower_ not in POSSESSIVES
                    or _org_like(text_of(doc), name)
                )
            ):
                continue
            out.append(ProgramMention(span.start, span.end, name, name, True))
        return out

    def _descriptive(self, doc: Doc) -> list[ProgramMention]:
        out = []
        modifiers = self.lex.set("surveillance_modifiers")
        heads = self.generic | self.lex.set("described_program_heads")
        for tok in tokens(doc):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in heads:
                continue
            mods = [  # "emotion analytics pilot": the modifier may sit on a modifier
                t
                for c in tok.lefts
                if c.dep_ in ("compound", "amod")
                for t in c.subtree
                if t.dep_ in ("compound", "amod") and t.lower_ in modifiers
            ]
            pobj = None
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ == "for":
                    g = [
                        x
                        for x in c.children
                        if x.dep_ == "pcomp" and x.tag_ == "VBG" and x.lower_ in modifiers
                    ]
                    if g:
                        pobj = c
            if pobj is not None:
                span = doc[tok.i : pobj.right_edge.i + 1]
            elif mods:
                span = self._chunk_name(doc, tok)
            else:
                continue
            if span[0].lower_ == "own":  # "its own emotion analytics pilot"
                span = span[1:]
            name = clean_name(span.text)
            if len(name.split()) >= 2:
                out.append(ProgramMention(span.start, span.end, name, name, False))
        return out

    def _activity_of(self, doc: Doc) -> list[ProgramMention]:
        """A program the story only describes by what it does to what: "its review of staff
        Slack messages", "the tracking of drivers' locations"."""
        out = []
        heads = self.lex.set("activity_program_heads")
        kinds = self.lex.built("data_kind_set", lambda: frozenset(self.lex.data_kinds))
        people = self.lex.built("subject_set", lambda: frozenset(self.lex.subjects))
        objects = self.lex.set("activity_program_objects")
        for tok in tokens(doc):
            # one undertaking: "recordings of 600 students" are data, not a program
            if tok.tag_ != "NN" or tok.lemma_.lower() not in heads:
                continue
            # a particular undertaking, not "any monitoring of workers must be ..."
            if not any(
                (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                or (c.dep_ == "poss" and (c.lower_ in ("its", "their") or c.pos_ == "PROPN"))
                for c in tok.children
            ):
                continue
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is None:
                continue
            words = [t for t in pobj.subtree if t.i <= pobj.i]
            lemma_tail = " ".join(t.lemma_.lower() for t in words[-2:])
            if not (
                pobj.lemma_.lower() in kinds
                or pobj.lemma_.lower() in objects
                or pobj.lower_ in kinds
                or lemma_tail in kinds
                or pobj.lower_ in people
            ):
                continue
            span = doc[tok.i : pobj.i + 1]
            if len(span) > 7 or any(t.is_punct and t.text not in "'’-" for t in span):
                continue
            name = clean_name(span.text)
            out.append(ProgramMention(span.start, span.end, name, name, False))
        return out

    def _cluster(self, doc: Doc, found: list[ProgramMention]) -> list[ProgramMention]:
        if not found:
            return []
        # longest first, ties alphabetically: the result must not depend on set order
        names = sorted({m.surface for m in found}, key=lambda n: (-len(n), n))
        named_names = {m.surface for m in found if m.named}
        canon: dict[str, str] = {}
        for n in names:
            words = set(n.lower().split())
            target = n
            for longer in names:
                if longer == n or len(longer) <= len(n):
                    continue
                if n in named_names and longer not in named_names:
                    continue  # a name never folds into a description
                lw = set(longer.lower().split())
                if words <= lw or initials(longer) == n.replace(" ", ""):
                    target = canon.get(longer, longer)
                    break
            canon[n] = target
        for alias, name in self._alias_of.items():
            canon[alias] = canon.get(name, name)
        # every occurrence of every named form (and acronyms) in the text
        forms = {n for n in names if any(m.named for m in found if m.surface == n)}
        for n in list(forms):
            # "Project Atlas" ... "Kestrel launched Atlas": the bare name, whatever NER made of it
            bare = PROJECT_NAME_RE.fullmatch(n)
            if bare and bare.group(1) not in forms:
                canon[bare.group(1)] = canon[n]
                forms.add(bare.group(1))
            ac = initials(n)
            if len(ac) >= 2 and len(n.split()) >= 2 and re.search(rf"\b{ac}\b", text_of(doc)):
                canon[ac] = canon[n]
                forms.add(ac)
        seen = {(m.start, m.end) for m in found}
        for n in sorted(forms, key=lambda n: (-len(n), n)):
            if len(n) < 2:
                continue
            for mt in re.finditer(rf"(?<![\w@]){re.escape(n)}(?![\w])", text_of(doc)):
                span = _span(doc, mt.start(), mt.end())
                if span is None or (span.start, span.end) in seen:
                    continue
                if any(m.start <= span.start < m.end for m in found):
                    continue
                seen.add((span.start, span.end))
                found.append(ProgramMention(span.start, span.end, canon[n], n, True))
        for m in found:
            m.name = canon.get(m.surface, m.surface)
        found.sort(key=lambda m: m.start)
        named = [m for m in found if m.named]
        if named:
            sections = _sections(doc)
            counts = Counter(m.name for m in named)
            primary = counts.most_common(1)[0][0]
            for m in found:
                if not m.named:
                    # "its own Rate Tracker system": the name inside the description
                    inside = [n for n in named if m.start <= n.start and n.end <= m.end]
                    section = [n for n in named if sections[n.start] == sections[m.start]]
                    before = [n for n in section if n.start < m.start]
                    # "has paused its live facial recognition trial ... The system, branded
                    # StoreSafe": a description before the name introduces it
                    after = [n for n in section if n.start > m.start]
                    earlier = [n for n in named if n.start < m.start]
                    owner = next(iter(inside or before[-1:] or after[:1] or earlier[-1:]), None)
                    m.name = owner.name if owner is not None else primary
                    alone = not section and len(set(sections)) > 1
                    if not inside and self._someone_elses(doc, m, named, alone=alone):
                        m.name = m.surface
            self._second_program(doc, found)
        else:
            _one_technology(found)
        return found

    @staticmethod
    def _someone_elses(
        doc: Doc, m: ProgramMention, named: list[ProgramMention], *, alone: bool = False
    ) -> bool:
        """ "London law firm Ashcombe Lyle LLP dropped a keystroke-logging pilot": a new,
        unnamed program of an organisation the named programs' sentences never name."""
        head = doc[m.end - 1]
        det = next((t for t in head.children if t.dep_ == "det"), None)
        # "a keystroke-logging pilot", "its own emotion analytics pilot"
        own = any(t.lower_ == "own" for t in head.children) and any(
            t.dep_ == "poss" and t.lower_ in ("its", "their") for t in head.children
        )
        # (or, in a roundup's item that names no program, a bare plural: "has paused the
        # use of real-time location badges")
        bare = alone and det is None and head.tag_ == "NNS"
        if not own and not bare and (det is None or det.lower_ not in ("a", "an")):
            return False
        sent = doc[m.start].sent
        if any(sent.start <= n.start < sent.end for n in named):
            return False
        verb = doc[m.end - 1].head
        for _ in range(2):  # "the use of X", "the rollout of X": the verb of that noun
            if verb.lower_ == "of" and verb.head.pos_ == "NOUN" and verb.head.dep_ == "dobj":
                verb = verb.head.head
        if verb.pos_ != "VERB":
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or subject.i > m.start:
            return False  # "It dropped a pilot": whoever "it" is, not a new name
        named_sents = {doc[n.start].sent.start: doc[n.start].sent.text for n in named}
        return not any(subject.text in t for t in named_sents.values())

    @staticmethod
    def _second_program(doc: Doc, found: list[ProgramMention]) -> None:
        """A second, unnamed program the story keeps describing by its own technology ("the
        facial recognition trial ... the live facial recognition pilot") beside a named one
        whose sentences never mention that technology: it keeps its own name."""
        context = {t.lower_ for m in found if m.named for t in doc[m.start].sent if t.is_alpha}
        groups: dict[frozenset[str], list[ProgramMention]] = {}
        for m in found:
            if m.named:
                continue
            key = frozenset(w for w in m.surface.lower().split() if w in DISTINCT_TECH)
            part = m.surface.lower().split()[-1] in PART_NOUNS  # "the sentiment feature"
            if key and not key & context and not part:
                groups.setdefault(key, []).append(m)
        first_named = min(m.start for m in found if m.named)
        for group in groups.values():
            # a description before the name introduces the named program itself
            if len(group) >= 2 and group[0].start > first_named:
                for m in group:
                    m.name = group[0].surface


def _sections(doc: Doc) -> list[int]:
    """The section each token is in: a roundup's subheadings ("2. UK: Marlow & Finch puts
    facial recognition on ice", "Ohio: the camera that watches the driver") start a new
    story. A subheading is a short paragraph of its own without final punctuation."""
    starts = []
    for m in re.finditer(r"(?:^|\n\s*\n)([^\n]+)(?=\n\s*\n)", doc.text):
        line = m.group(1).strip()
        words = line.split()
        # (a newsletter's one-word heading too: "Health", "Telco")
        one_word = len(words) == 1 and line.isalpha() and line.istitle()
        if (
            (2 <= len(words) <= 14 or one_word)
            and line[-1:] not in '.!?"”:,'
            and line[:1] not in "\"“‘'"
        ):
            starts.append(m.start(1))
    out, n = [], 0
    for t in doc:
        while n < len(starts) and starts[n] <= t.idx:
            n += 1
        out.append(n)
    return out


def _one_technology(found: list[ProgramMention]) -> None:
    """With no name to go by, descriptions of one technology are one program ("fingerprint
    readers" ... "the fingerprint system"), called as the story first called it."""
    first: dict[frozenset[str], str] = {}
    for m in found:
        key = frozenset(w for w in m.surface.lower().split() if w in DISTINCT_TECH)
        if key:
            m.name = first.setdefault(key, m.name)


class ProgramsComponent:
    """Pipeline component ``newskg_programs_v1``: sets ``Doc._.programs``."""

    def __init__(self, nlp: Language, name: str, lex: Lexicon) -> None:
        self.finder = ProgramFinder(lex)

    def __call__(self, doc: Doc) -> Doc:
        doc._.programs = guarded("program finder", lambda: self.finder(doc), [])
        return doc
