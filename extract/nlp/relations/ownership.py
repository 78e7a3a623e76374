"""``operates`` from ownership: the organisation that owns a named business, brand or title
runs it ("Amazon-owned Whole Foods Market", "Alden Capital, which owns the Denver Post",
"Tribune, the owner of the Baltimore Sun", "Amazon bought Whole Foods in 2017").

Only named things count (a proper-noun chain), never "newsrooms" or "a stake".
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.nlp.extensions import tokens
from extract.nlp.names import clean_name, proper_chain
from extract.nlp.relations.common import Context, RawFact, evidence, org_of


def _proper(tok: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised word the tagger took for a noun
    ("QFC")."""
    return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.is_upper and len(tok) > 1)


def _name_at(tok: Token) -> str | None:
    """The proper name whose head is ``tok`` ("the Denver Post", "QFC stores" -> "QFC")."""
    doc = tok.doc
    if tok.pos_ == "NOUN" and tok.is_lower:
        names = [c for c in tok.children if c.dep_ == "compound" and _proper(c)]
        if not names:
            return None
        tok = names[-1]
    if not _proper(tok) or tok.ent_type_ in ("PERSON", "GPE"):
        return None
    left = tok.i
    while left > 0 and doc[left - 1].dep_ == "compound" and _proper(doc[left - 1]):
        left -= 1
    name = clean_name(doc[left : tok.i + 1].text)
    return name or None


def _owned(tok: Token, not_owned: frozenset[str]) -> list[str]:
    """The named things an object phrase lists ("the Register, the Post and 90 others")."""
    out = []
    for t in (tok, *tok.conjuncts):
        if t.lemma_.lower() in not_owned:
            continue
        name = _name_at(t)
        if name:
            out.append(name)
    return out


def ownership(ctx: Context) -> list[RawFact]:
    doc = ctx.doc
    found: dict[tuple[str, str], RawFact] = {}
    own_verbs, owner_nouns = ctx.lex.set("own_verbs"), ctx.lex.set("owner_nouns")
    not_owned = ctx.lex.set("not_owned")

    def add(owner: str | None, owned: list[str], tok: Token) -> None:
        for name in owned:
            if not owner or owner == name or ctx.names.is_authority(owner):
                continue
            s, e = evidence(tok.sent)
            fact = RawFact("operates", {"organization": owner, "program": name}, s, e, 0.6)
            found.setdefault((owner, name), fact)

    for tok in tokens(doc):
        lemma = tok.lemma_.lower()
        # "Amazon-owned Whole Foods Market", "Kroger-owned QFC stores"
        if (
            tok.lower_ == "owned"
            and tok.i >= 2
            and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].pos_ == "PROPN"
        ):
            owner = ctx.names.org(proper_chain(doc[tok.i - 2]).text)  # not NER's "Kroger-owned"
            add(ctx.names.long_forms.get(owner, owner), _owned(tok.head, not_owned), tok)
        # "Alden Capital, which owns the Orange County Register", "Amazon bought Whole Foods"
        elif (
            lemma in own_verbs
            and tok.pos_ == "VERB"
            and not any(c.dep_ == "neg" for c in tok.children)
        ):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if subj is None or obj is None or any(c.dep_ == "nummod" for c in obj.children):
                continue  # "bought 30 jets": goods, not a business
            if lemma != "own" and obj.ent_type_ not in ("ORG", "PRODUCT"):
                continue  # "bought the ingredients": only a named business is an acquisition
            add(org_of(ctx, subj, force=True), _owned(obj, not_owned), tok)
        # "Tribune, the owner of the Chicago Tribune, New York Daily News and Baltimore Sun"
        elif lemma in owner_nouns and tok.dep_ in ("appos", "attr"):
            holder = tok.head
            if tok.dep_ == "attr":
                holder = next((c for c in tok.head.children if c.dep_ == "nsubj"), tok.head)
            if any(c.lower_ == "former" for c in tok.children):
                continue  # "the former owner of The Times"
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            add(org_of(ctx, holder, force=True), _owned(pobj, not_owned), tok)
    # "Whole Foods Market" and "Whole Foods" owned by one owner are one business
    for owner, name in list(found):
        if any(o == owner and n != name and set(name.split()) < set(n.split()) for o, n in found):
            found.pop((owner, name))
    return list(found.values())
