"""Our entity lexicons: outlets, regulators and laws as NER entities (before ``ner``), and
data kinds, watched people, roles and program nouns as spans in ``doc.spans["newskg"]``.

Patterns are built from the word lists in ``rules/`` so adding a name is a data change.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler, SpanRuler

from extract.nlp.lexicon import Lexicon

SPANS_KEY = "newskg"


def _phrase(text: str) -> list[dict[str, Any]]:
    # Token patterns on LOWER so capitalisation in headlines does not matter.
    toks = text.replace("’", "'").replace("'s ", " 's ").replace("-", " - ").split()
    return [{"LOWER": t.lower()} for t in toks]


BILL_PREFIXES = ["AB", "SB", "HB", "SF", "HF", "LD"]
LAW_HEADS = ["act", "regulation", "regulations", "directive", "bill", "code", "law", "acts"]


_NAME_WORD = r"^(?:[A-Z][\w'’]*|-)$"  # Title Case words, and the hyphens inside them
# a word of an organisation's name in a token pattern ("Teamsters", "Workers'", "&")
NAME_WORD_TOKEN: dict[str, Any] = {
    "TEXT": {"REGEX": r"^[A-Z][\w&'’-]*$"},
    "LOWER": {"NOT_IN": ["the", "a", "an", "its", "their", "his", "her", "our"]},
}


def _law_pattern(connectors: int = 0) -> list[dict[str, Any]]:
    # "the Data Protection Act 2018", "Privacy Act", "Digital Services Act", "Data Retention Bill"
    lead = [{"IS_TITLE": True, "OP": "+", "LOWER": {"NOT_IN": ["the", "a", "an", "its", "their"]}}]
    for _ in range(connectors):
        # "Capture or Use of Biometric Identifier Act", "Provision of Communication-Related
        # Information Act": hyphens inside the words after a connector
        lead += [
            {"LOWER": {"IN": ["and", "of", "for", "on", "or", "from", "to", "in"]}},
            {"TEXT": {"REGEX": _NAME_WORD}, "OP": "+"},
        ]
    return [
        *lead,
        {
            "LOWER": {"IN": [*LAW_HEADS]},
            "IS_TITLE": True,
        },
        {"SHAPE": "dddd", "OP": "?"},
    ]


def _long_law_patterns() -> list[list[dict[str, Any]]]:
    """ "Working for Workers Act, 2022" and "Karnataka Platform-Based Gig Workers (Social
    Security and Welfare) Act, 2025": a year after a comma, a parenthesised part."""
    head = {"LOWER": {"IN": [*LAW_HEADS]}, "IS_TITLE": True}
    year = [{"TEXT": ","}, {"SHAPE": "dddd"}]
    lead = [{"TEXT": {"REGEX": _NAME_WORD}, "OP": "+"}]
    inner = [
        {"TEXT": "("},
        {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*|and|of|for|the|-)$"}, "OP": "+"},
        {"TEXT": ")"},
    ]
    small = {"LOWER": {"IN": ["and", "of", "for", "on", "from", "to", "in"]}, "OP": "?"}
    return [
        [*lead, small, *lead, head, *year],
        [*lead, *inner, head],
        [*lead, *inner, head, *year],
        [*lead, *inner, head, {"SHAPE": "dddd"}],  # "Data (Use and Access) Act 2025"
    ]


def _section_pattern() -> list[dict[str, Any]]:
    # "New York Civil Rights Law Section 52-c": the section is part of the name
    return [
        *_law_pattern()[:-1],
        {"LOWER": {"IN": ["section", "article", "§"]}},
        {"TEXT": {"REGEX": r"^\d+[\w.-]*$"}},
        {"TEXT": "-", "OP": "?"},  # the tokenizer splits "52-c"
        {"TEXT": {"REGEX": r"^[a-z]{1,2}$"}, "OP": "?"},
    ]


def entity_patterns(lex: Lexicon) -> list[dict[str, Any]]:
    pats: list[dict[str, Any]] = []
    for name in lex.outlets:
        # short ones ("AP", "FT", "NRC") only as NER finds them; a short name in lower case
        # ("dpa") can be nothing else
        if len(name) > 3 or name.islower():
            pats.append({"label": "ORG", "pattern": name, "id": "outlet"})
    for name in lex.authorities:
        pats.append({"label": "ORG", "pattern": name, "id": "authority"})
        if "'" in name or "’" in name:
            continue
    for law in lex.laws:
        for name in [law["law"], *law.get("aliases", [])]:
            pats.append({"label": "LAW", "pattern": name, "id": "law"})
    pats.append({"label": "LAW", "pattern": _law_pattern(), "id": "law"})
    # "Hong Kong Human Rights and Democracy Act": small words inside the name
    for connectors in (1, 2, 3, 4):
        pats.append({"label": "LAW", "pattern": _law_pattern(connectors), "id": "law"})
    pats.append({"label": "LAW", "pattern": _section_pattern(), "id": "law"})
    for pattern in _long_law_patterns():
        pats.append({"label": "LAW", "pattern": pattern, "id": "law"})
    # union branches named by number: "Local 1149", "AFSCME Local 3190", "Teamsters Local 439"
    union = {**NAME_WORD_TOKEN, "OP": "*"}
    pats.append(
        {
            "label": "ORG",
            "pattern": [union, {"TEXT": "Local"}, {"IS_DIGIT": True}],
        }
    )
    # a plural possessive inside a name: "School Leaders' Union", "Tech Workers' Collective"
    pats.append(
        {
            "label": "ORG",
            "pattern": [
                {**union, "OP": "*"},
                {"LOWER": {"IN": ["and", "of", "for", "&"]}, "OP": "?"},
                {**union, "OP": "*"},
                {"TEXT": {"REGEX": r"^[A-Z][\w-]*s$"}},
                {"TEXT": {"IN": ["'", "’"]}},
                {"TEXT": {"IN": sorted(lex.set("org_name_heads"))}},
            ],
        }
    )
    # ballot measures: "Proposition 22", "Prop 47"
    pats.append(
        {
            "label": "LAW",
            "pattern": [
                {"TEXT": {"IN": ["Proposition", "Prop."]}},
                {"SHAPE": {"IN": ["d", "dd", "ddd"]}},
            ],
            "id": "law",
        }
    )
    # laws by number: "Ley 21.719" (Chile), "Lei 13.709" (Brazil), "Law 25" (Quebec),
    # "Ley Orgánica 3/2018"
    pats.append(
        {
            "label": "LAW",
            "pattern": [
                {"TEXT": {"IN": ["Ley", "Lei", "Loi", "Law", "Decreto", "Decree"]}},
                {
                    "TEXT": {"IN": ["Orgánica", "Organica", "Federal", "No.", "n°", "N°", "nº"]},
                    "OP": "?",
                },
                {"TEXT": {"REGEX": r"^\d{1,6}(?:[./-]\d{1,6})*$"}},
            ],
            "id": "law",
        }
    )
    # EU acts by number: "Regulation (EU) 2018/1725", "Directive (EU) No 2019/1152"
    pats.append(
        {
            "label": "LAW",
            "pattern": [
                {"TEXT": {"IN": ["Regulation", "Directive", "Decision"]}},
                {"TEXT": "("},
                {"TEXT": {"IN": ["EU", "EC", "EEC", "Euratom"]}},
                {"TEXT": ")"},
                {"TEXT": {"IN": ["No", "No."]}, "OP": "?"},
                {"TEXT": {"REGEX": r"^\d{2,4}/\d{1,4}$"}},
            ],
            "id": "law",
        }
    )
    # bills by chamber and number: "House Bill 318", "Senate Bill 5"
    pats.append(
        {
            "label": "LAW",
            "pattern": [
                {"TEXT": {"IN": ["House", "Senate", "Assembly"]}},
                {"TEXT": "Bill"},
                {"SHAPE": {"IN": ["d", "dd", "ddd", "dddd"]}},
            ],
            "id": "law",
        }
    )
    # US state bills by number: "AB 5", "SB 1047", "AB5"
    pats.append(
        {
            "label": "LAW",
            "pattern": [
                {"TEXT": {"IN": BILL_PREFIXES}},
                {"SHAPE": {"IN": ["d", "dd", "ddd", "dddd"]}},
            ],
            "id": "law",
        }
    )
    pats.append(
        {"label": "LAW", "pattern": [{"TEXT": {"REGEX": r"^(?:AB|SB|HB)\d{1,4}$"}}], "id": "law"}
    )
    return pats


def span_patterns(lex: Lexicon) -> list[dict[str, Any]]:
    pats: list[dict[str, Any]] = []
    for label, words in (
        ("DATA", lex.data_kinds),
        ("SUBJECT", lex.subjects),
        ("ROLE", lex.roles),
        ("PROGRAM_NOUN", lex.program_nouns),
    ):
        for w in words:
            pats.append({"label": label, "pattern": w})  # phrase pattern, matched on LOWER
            if "'" in w:  # news prints the apostrophe curly ("people’s faces")
                pats.append({"label": label, "pattern": w.replace("'", "’")})
    return pats


def make_entity_ruler(nlp: Language, name: str, lex: Lexicon) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True, phrase_matcher_attr="ORTH")
    ruler.add_patterns(entity_patterns(lex))
    return ruler


def make_span_ruler(nlp: Language, name: str, lex: Lexicon) -> SpanRuler:
    # PhraseMatcher on LOWER: hundreds of word-list entries at the cost of one lookup
    ruler = SpanRuler(
        nlp, name=name, spans_key=SPANS_KEY, overwrite=True, phrase_matcher_attr="LOWER"
    )
    ruler.add_patterns(span_patterns(lex))
    return ruler
