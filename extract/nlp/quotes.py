"""Quotes and their speakers (component ``newskg_quotes_v1``).

A quote is a quoted passage that reads as speech (starts like a sentence, at least four
words). Its speaker comes from an attribution verb outside the quotation marks in the same
sentence, before or after ("..., she said", "said John Edwards", "A spokesperson said: ...");
a quote with no attribution continues the previous speaker of the paragraph. A quote
interrupted by "she said" becomes two quotes, as readers count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.nlp.extensions import ent_at, text_of
from extract.nlp.guard import guarded
from extract.nlp.lexicon import Lexicon
from extract.nlp.names import PRONOUNS_PERSON, NameIndex, clean_name

_QUOTE_RE = re.compile(
    r"“([^“”]{3,2000}?)”|\"([^\"\n]{3,2000}?)\"|(?<![\w])‘([^‘\n]{3,2000}?)’(?![\w])|(?<![\w])'([^'\n]{12,2000}?)'(?![\w])"
    # a quote that runs on into the next paragraph leaves its first paragraph unclosed
    r"|“([^“”\n]{3,2000})(?=\n\s*“)|\"([^\"\n]{3,2000})(?=\n\s*\")"
)
SPEAKER_NOUNS = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "statement",
    "letter",
    "employee",
    "worker",
    "whistleblower",
    "source",
    "official",
    "executive",
    "insider",
    "staffer",
    "member",
    "memo",
    "post",
    "report",
    "lawyer",
    "union",
    "campaigner",
}
TEXT_NOUNS = {
    "letter",
    "statement",
    "memo",
    "post",
    "report",
    "petition",
    "blog",
    "email",
    "filing",
    "write-up",
    "document",
    "complaint",
    "decision",
    "ruling",
    "notice",
    "tweet",
    "faq",
}


@dataclass
class Quote:
    start: int  # char offsets of the quoted text (without quotation marks)
    end: int
    text: str
    speaker: str | None
    sent_start: int  # char offsets of the evidence sentence(s)
    sent_end: int
    confidence: float


# between the halves of a broken quote: '," she said, "' / '," said Ms Vale. "'
_RESUMED_RE = re.compile(
    r"[,.]?[”\"’']\s+[\w.’' -]{1,60}?\s(?:said|says|added|adds|told \w+)[,:]\s+[“\"‘']"
)


# a paragraph of a printed interview: "Park: The system is called ..."
_ANSWER_RE = re.compile(r"(?m)^([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}):[ \t]+(\S[^\n]*)$")

_TEXT_READ_RE = re.compile(
    r"[,.!?]?[”\"’']\s+(?:the|an?|its|their)\s+((?:[\w-]+\s+){0,2}?([\w-]+))\s+"
    r"(?:read|reads|said|says|stated|states)\b"
)


def _without_interviewer(answers: list[Quote]) -> list[Quote]:
    """The interviewer asks: a speaker most of whose turns end on a question mark puts the
    questions, and those are no quotes of the story ("Why did the county want it?")."""
    turns: dict[str, list[bool]] = {}
    for q in answers:
        turns.setdefault(q.speaker, []).append(q.text.rstrip().endswith("?"))
    asking = {who for who, asks in turns.items() if len(turns) > 1 and 2 * sum(asks) > len(asks)}
    return [q for q in answers if q.speaker not in asking]


def _text_reads(t: Token) -> bool:
    """'"...," the FAQ read': a text's words, read out of it."""
    return t.lemma_.lower() == "read" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in TEXT_NOUNS for c in t.children
    )


def _looks_like_speech(text: str) -> bool:
    words = text.split()
    if len(words) < 4:
        return False
    small = {"a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "is", "at", "by", "with"}
    rest = [w for w in words[1:] if w[:1].isalpha() and w.lower() not in small]
    if (
        len(words) <= 12
        and rest
        and sum(w[:1].isupper() for w in rest) / len(rest) >= 0.6
        and not re.search(r"[.!?]$", text.rstrip(" ,"))
    ):
        return False  # a title in quotation marks: “Why Astrology is a Pseudoscience”
    first = text.lstrip("…. ")[:1]
    return first.isupper() or first.isdigit() or first in "[“‘'\""


def _this_and_previous_sentence(doc: Doc, i: int) -> list[Span]:
    sent = doc[i].sent
    return [sent, doc[sent.start - 1].sent] if sent.start > 0 else [sent]


def _employer_before_title(t: Token, title: Token) -> bool:
    """ "A Harwick Pryor spokeswoman": the name before the title is whom she works for."""
    ent = ent_at(t.doc, t.i)
    return (
        ent is not None
        and ent.end <= title.i
        and ent.root.dep_ == "compound"
        and ent.root.head.i == title.i
    )


def _named_holder(t: Token) -> bool:
    """A full name that holds the title before it ("Director of Organizing at Actors' Equity
    Stefanie Frey"), not whom a spokesperson speaks for ("a spokesperson for Telepoint")."""
    ent = ent_at(t.doc, t.i)
    if ent is None or len(ent) < 2:
        return False
    root = ent.root
    return not (root.dep_ == "pobj" and root.head.lower_ == "for")


def _via_apposition(t: Token, top: Token) -> bool:
    """``t`` names ``top`` itself ("Its director, Sarah Bell"), not "a spokesperson for X"."""
    while t.i != top.i:
        if t.dep_ not in ("appos", "compound", "flat", "nmod") and t.head.i != top.i:
            return False
        if t.head.i == top.i:
            return t.dep_ in ("appos", "compound", "flat")
        t = t.head
    return True


PERSON_NOUNS = {
    *("sister", "doctor", "paramedic", "cashier", "analyst", "rider", "officer", "lawyer"),
    *("technician", "clerk", "assistant", "trader", "housekeeper", "cleaner", "researcher"),
    *("associate", "mother", "father", "guard", "operator", "paralegal", "pharmacist"),
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "agent",
    "carer",
    "worker",
    "employee",
    "engineer",
    "driver",
    "nurse",
    "official",
    "source",
    "resident",
    "manager",
    "parent",
    "student",
    "teacher",
    "courier",
    "picker",
    "woman",
    "man",
    "person",
    "executive",
    "staffer",
    "contractor",
}


def _without_pull_quotes(quotes: list[Quote]) -> list[Quote]:
    """A pull quote repeats a quote of the body on its own: keep only the best-attributed
    copy of each quoted text."""
    best: dict[str, Quote] = {}
    for q in quotes:
        key = re.sub(r"\W+", " ", q.text).strip().lower()
        if key not in best or q.confidence > best[key].confidence:
            best[key] = q
    keep = {id(q) for q in best.values()}
    return [q for q in quotes if id(q) in keep]


def _whole_paragraph(text: str, start: int, end: int) -> bool:
    """The quotation is a paragraph of its own (a block quotation), in sentences: a pull
    quote or a quoted subheading has no closing full stop."""
    if not re.search(r"[.?!…\]]$", text[start:end].rstrip(" ,")):
        return False
    before = text[max(0, start - 3) : start].rstrip('“"‘')
    after = text[end : end + 3].lstrip('”"’')
    return (start <= 1 or before.endswith("\n") or before == "") and (
        after.startswith("\n") or after == ""
    )


def _quoted_subheading(text: str, start: int, end: int) -> bool:
    """A paragraph that is only a quoted phrase with no closing punctuation is a
    subheading ("‘Heartbeats sent to management’"), not something said."""
    if re.search(r"[.?!…,]$", text[start:end].rstrip()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip('“"‘ ') and not text[end:line_end].strip('”"’ ')


class QuoteFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.attribution = lex.set("attribution")
        self._quoted: list[tuple[int, int]] = []  # the current document's quotation spans

    def __call__(self, doc: Doc) -> list[Quote]:
        names: NameIndex = doc._.names
        body = text_of(doc)
        spans = []
        for m in _QUOTE_RE.finditer(body):
            g = next(i for i in range(1, 7) if m.group(i) is not None)
            s, e = m.start(g), m.end(g)
            spans.append((s, e))
        inside = [(s, e) for s, e in spans]
        self._quoted = inside
        out: list[Quote] = []
        last_speaker: str | None = None
        last_para = -1
        last_end = -1
        for s, e in spans:
            text = body[s:e].strip().rstrip(",").rstrip()
            # '"A platform can't outsource its judgment," she said, "and then shrug ..."':
            # the second half of a quote broken by its attribution starts in lower case
            resumed = (
                last_end >= 0
                and len(text.split()) >= 3
                and _RESUMED_RE.fullmatch(body[last_end:s]) is not None
            )
            if not resumed and not _looks_like_speech(text) or _quoted_subheading(body, s, e):
                continue
            para = body.count("\n", 0, s)
            first = doc.char_span(s, e, alignment_mode="expand")
            if first is None:
                continue
            sent_a = doc[first.start].sent
            sent_b = doc[max(first.start, first.end - 1)].sent
            speaker, conf = self._attribute(doc, names, sent_a, sent_b, inside, s, e, last_speaker)
            if speaker is None:
                speaker = self._speaker_of_sentence_before(doc, names, sent_a, last_speaker)
                conf = 0.6
            block = _whole_paragraph(body, s, e)
            if speaker is None and block:
                speaker = self._speaker_of_paragraph_before(doc, names, s, last_speaker)
            # a block quotation runs on over several paragraphs, code and lists between
            reach = 4 if block else 2
            if speaker is None and last_speaker is not None and abs(para - last_para) <= reach:
                speaker, conf = last_speaker, 0.6
            if speaker is None:
                continue
            last_speaker, last_para, last_end = speaker, para, e
            out.append(
                Quote(s, s + len(text), text, speaker, sent_a.start_char, sent_b.end_char, conf)
            )
        answers = self._interview_answers(doc, names, body)
        if answers:
            # an answer's own quotation marks are part of what its speaker says
            out = [q for q in out if not any(a.start <= q.start < a.end for a in answers)]
            out = sorted(out + answers, key=lambda q: q.start)
        return _without_pull_quotes(out)

    def _interview_answers(self, doc: Doc, names: NameIndex, body: str) -> list[Quote]:
        """A printed interview's answers: a paragraph opening on the speaker's name and a
        colon ("Park: The system is called Baro Eye. ...") quotes that person, whole.
        Only names of people the text names elsewhere count ("Update:" or an outlet's
        "The Hangang Herald:" does not)."""
        full: dict[str, set[str]] = {}  # a label -> the full names it may stand for
        written: dict[str, str] = {}  # how the text writes a name outside the labels
        for p in names.persons:
            name = names.person(p.name)
            words = name.split()
            # "Park" of "Park Seo-yeon" (family name first), "Ozols" of "Andris Ozols"
            if len(words) >= 2:  # a name used alone is one of these or nobody's
                # (a transcript writes its labels in capitals: "BRIAN KIPRONO:")
                for label in {name, words[0], words[-1]}:
                    full.setdefault(label.casefold(), set()).add(name.casefold())
                if not name.isupper() or name.casefold() not in written:
                    written[name.casefold()] = name
        out = []
        for m in _ANSWER_RE.finditer(body):
            label, s, e = m.group(1).casefold(), m.start(2), m.end(2)
            if len(full.get(label, ())) != 1:
                continue
            text = body[s:e].strip()
            if len(text.split()) < 3:
                continue
            speaker = written[next(iter(full[label]))]
            out.append(Quote(s, s + len(text), text, speaker, m.start(), e, 0.7))
        # one label in a whole article is a quote's own colon ("Park: no"), not a format
        return _without_interviewer(out) if len(out) >= 2 else []

    def _attribute(
        self,
        doc: Doc,
        names: NameIndex,
        sent_a: Span,
        sent_b: Span,
        quotes: list[tuple[int, int]],
        qs: int,
        qe: int,
        last: str | None,
    ) -> tuple[str | None, float]:
        def outside(tok: Token) -> bool:
            return not any(s <= tok.idx < e for s, e in quotes)

        cands: list[Span] = [sent_b, sent_a] if sent_b.start != sent_a.start else [sent_a]
        prev_i = sent_a.start - 1
        if prev_i >= 0:
            prev = doc[prev_i].sent
            if prev.text.rstrip().endswith(":"):
                cands.append(prev)
        nxt = doc[sent_b.end] if sent_b.end < len(doc) else None
        if nxt is not None and nxt.idx - qe <= 3 and "\n" not in doc.text[qe : nxt.idx]:
            # '"... too?" she says.': the parser ends the sentence at the question mark
            cands.append(nxt.sent)
        for sent in cands:
            verbs = [
                t
                for t in sent
                if (t.lemma_.lower() in self.attribution or _text_reads(t))
                and t.pos_ in ("VERB", "AUX")
                and outside(t)
            ]
            # prefer the verb nearest to the quote
            verbs.sort(key=lambda t: min(abs(t.idx - qs), abs(t.idx - qe)))
            for v in verbs:
                subj = next(
                    (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and outside(c)), None
                )
                if subj is not None and subj.dep_ == "nsubjpass":
                    # "The second strike was described by worker Charlie: “...”"
                    agent = next((c for c in v.children if c.dep_ == "agent"), None)
                    pobj = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                    subj = pobj if pobj is not None else subj
                up = v
                while subj is None and up.dep_ == "conj" and up.head is not up:
                    # "McDaniel is from Michigan, was on the call and told them: “...”"
                    up = up.head
                    subj = next((c for c in up.children if c.dep_ == "nsubj" and outside(c)), None)
                if (
                    subj is None
                    and v.dep_ == "pcomp"
                    and v.head.lower_ == "as"
                    and v.head.head.lemma_.lower() == "quote"
                ):  # '"...," Katrin Albers, its chief customer officer, is quoted as saying'
                    quoted = v.head.head
                    subj = next(
                        (c for c in quoted.children if c.dep_ == "nsubjpass" and outside(c)), None
                    )
                if subj is None and v.i > 0 and doc[v.i - 1].ent_type_ == "PERSON":
                    # '"...," Chief Operating Officer Dr. Florian Adler told Handelsbote': the
                    # parser hung the name on the title and left the verb without a subject
                    subj = doc[v.i - 1]
                if subj is None:
                    continue
                who = self._speaker(doc, names, subj, last)
                if who:
                    return who, 0.85
        # '"...," the FAQ read': the parser may take "read" for a noun
        after = _TEXT_READ_RE.match(doc.text, qe)
        if after is not None and after.group(2).lower() in TEXT_NOUNS:
            return clean_name(after.group(1)), 0.7
        # “...,” according to Priya Nair
        for sent in cands[:2]:
            for t in sent:
                if (
                    t.lower_ == "according"
                    and outside(t)
                    and t.i + 2 < len(doc)
                    and doc[t.i + 1].lower_ == "to"
                ):
                    obj = next((p for p in doc[t.i + 1].children if p.dep_ == "pobj"), doc[t.i + 2])
                    who = self._speaker(doc, names, obj, last)
                    if who and (obj.ent_type_ in ("PERSON", "ORG") or obj.pos_ == "PROPN"):
                        return who, 0.75
        return None, 0.0

    def _speaker(self, doc: Doc, names: NameIndex, tok: Token, last: str | None) -> str | None:
        described = self._described_named_person(doc, names, tok)
        if described:
            return described
        if tok.lemma_.lower() in TEXT_NOUNS:
            # "A statement from the commissioner, Graham Tolley, was read out": its author
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    author = next((p for p in c.children if p.dep_ == "pobj"), None)
                    named = author is not None and any(
                        t.ent_type_ in ("PERSON", "ORG") for t in author.subtree
                    )
                    who = self._speaker(doc, names, author, last) if named else None
                    if who:
                        return who
        # "Hoan Ton-That, Clearview's chief executive, said": the name, not the title
        if tok.ent_type_ != "PERSON":
            titled = tok.lemma_.lower() in self.lex.roles or tok.lower_ in self.lex.roles
            for t in tok.subtree:
                # "Its director, Sarah Bell"; "One worker, May,"; "Director of Organizing
                # at Actors' Equity Stefanie Frey": the named person, not the description
                if (
                    t.ent_type_ == "PERSON"
                    and (_via_apposition(t, tok) or titled and _named_holder(t))
                    # "A Harwick Pryor spokeswoman": the employer named before the title
                    and not (titled and _employer_before_title(t, tok))
                ):
                    tok = t
                    break
                if (
                    t.dep_ == "appos"
                    and t.head.i == tok.i
                    and t.pos_ == "PROPN"
                    and t.text[:1].isupper()
                    and tok.pos_ == "NOUN"
                    and tok.lemma_.lower() in PERSON_NOUNS | SPEAKER_NOUNS
                ):
                    return names.person(t.text)
            else:
                if tok.dep_ in ("nsubj",) and tok.i > 0:
                    k = tok.left_edge.i - 1
                    if k > 0 and doc[k].text == ",":
                        prev = doc[k - 1]
                        if prev.ent_type_ == "PERSON":
                            tok = prev
        if tok.ent_type_ == "PERSON":
            ent = ent_at(doc, tok.i)
            if ent is not None:
                return names.person(ent.text)
        if tok.ent_type_ in ("ORG", "GPE", "NORP"):
            ent = ent_at(doc, tok.i)
            if ent is not None and names.is_person_ent(doc, ent):
                return names.person(ent.text)
            if ent is not None and tok.ent_type_ == "ORG":
                return names.org(ent.text)
        low = tok.lower_
        if low == "they":
            # "Big Machine have denied it. "...," they said": a plural speaker is an
            # organisation or a group, never the single person named last
            return self._org_subject_before(doc, names, tok) or (
                last if last and last not in {names.person(m.name) for m in names.persons} else None
            )
        if low in PRONOUNS_PERSON:
            desc = self._described_subject_before(doc, tok)
            if desc is not None:
                return self._speaker(doc, names, desc, last) or last
            if last and self._same_pronoun_spoke_before(doc, tok):
                return last  # '"...," she said. "...," she added': the same speaker
            return self._person_before(doc, names, tok.i) or last
        if low == "it":
            prev = self._text_noun_before(doc, tok.i)
            return prev or last or names.org_before(doc, tok.i)
        if low in ("we", "i"):
            return last
        if tok.pos_ == "PROPN":
            return names.person(tok.text) if tok.ent_type_ != "ORG" else names.org(tok.text)
        if tok.pos_ == "NOUN":
            org = names.resolve_org(doc, tok, self.lex)
            lemma = tok.lemma_.lower()
            if org and lemma in self.lex.set("org_generic"):
                return org
            mods = [
                c
                for c in tok.lefts
                if c.dep_ in ("compound", "amod", "nmod", "poss")
                and c.lower_ not in {"a", "an", "the", "one", "another"}
                and c.ent_type_ != "DATE"  # "a 52-year-old welder": an age is no description
            ]
            left = min([tok.i] + [m.left_edge.i for m in mods])
            phrase = clean_name(doc[left : tok.i + 1].text)
            phrase = re.sub(r"^(?:a|an|one|another)\s+", "", phrase, flags=re.I)
            for c in tok.children:  # "a member of management": the body is part of it
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if obj is not None and obj.is_lower and obj.pos_ == "NOUN":
                        phrase = f"{phrase} of {clean_name(doc[obj.left_edge.i : obj.i + 1].text)}"
            for c in tok.children:  # "a spokesperson for Telepoint"
                if c.dep_ == "prep" and c.lower_ in ("for", "at"):
                    obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if obj is not None and obj.text[:1].isupper():
                        org = names.resolve_org(doc, obj, self.lex) or names.org(obj.text)
                        phrase = f"{org} {phrase}"
            if (
                last
                and " " not in phrase
                and last.lower().endswith(phrase.lower())
                and last.lower() != phrase.lower()
            ):
                return last  # "the spokesperson said" after "a Telepoint spokesperson"
            if " " not in phrase and any(c.lower_ == "the" for c in tok.children):
                earlier = self._earlier_mention(doc, tok)
                if earlier is not None:
                    return self._speaker(doc, names, earlier, last) or phrase
            return phrase or None
        return None

    def _speaker_of_sentence_before(
        self, doc: Doc, names: NameIndex, sent: Span, last: str | None
    ) -> str | None:
        """ "Achebe says the lesson was simple. "If you would be embarrassed ..."": a quote
        standing alone after a sentence, in its paragraph, whose speaker says something."""
        if sent.start == 0 or "\n" in doc[sent.start - 1].text:
            return None
        prev = doc[sent.start - 1].sent
        if "\n" in prev.text.strip() or any(t.is_quote for t in prev):
            return None
        for t in prev:
            if (
                t.dep_ == "nsubj"
                and t.head.dep_ == "ROOT"
                and t.head.lemma_.lower() in self.attribution
                and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in PRONOUNS_PERSON)
            ):
                return self._speaker(doc, names, t, last)
        return None

    def _org_subject_before(self, doc: Doc, names: NameIndex, tok: Token) -> str | None:
        """The organisation that is the subject of this or one of the two sentences before
        (stray quote marks the parser made sentences of do not count)."""
        start, seen = tok.sent.start, 0
        while start > 0 and seen < 2:
            start = doc[start - 1].sent.start
            seen += any(t.is_alpha for t in doc[start].sent)
        for t in reversed(doc[start : tok.i]):
            if t.dep_ == "nsubj" and t.lower_ == "they":
                return self._org_subject_before(doc, names, t)  # the same "they" further back
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS_PERSON:
                # "The company that runs the AMAs, Dick Clark Productions, denies"
                named = [t] + [c for c in t.subtree if c.dep_ == "appos" and c.pos_ == "PROPN"]
                for n in reversed(named):
                    org = names.known_org_at(doc, n) or names.resolve_org(doc, n, self.lex)
                    if org:
                        return org
        return None

    def _speaker_of_paragraph_before(
        self, doc: Doc, names: NameIndex, start: int, last: str | None
    ) -> str | None:
        """A block quotation (a whole paragraph in quotation marks) speaks for whoever the
        paragraph before says said something: "... he said, according to a transcript."."""
        text = text_of(doc)
        para_start = text.rfind("\n\n", 0, max(0, start - 2))
        first = doc.char_span(para_start + 2 if para_start >= 0 else 0, start, "expand")
        if first is None:
            return None
        for t in reversed(first):
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and t.head.lemma_.lower() in self.attribution
                and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in ("he", "she"))
                and not any(s <= t.idx < e for s, e in self._quoted)
            ):
                return self._speaker(doc, names, t, last)
        intro = first.text.rstrip(' \n“"‘')
        if intro.endswith("?") and not any(first.start_char <= s < start for s, _ in self._quoted):
            # a printed interview's question, then the answer in quotation marks: the person
            # interviewed, who spoke last
            return last
        if intro.endswith(":"):
            # "We summarized our case in a recently-published write-up:": the document
            words = re.findall(r"[\w-]+", intro.lower())
            return next((w for w in reversed(words[-6:]) if w in TEXT_NOUNS), None)
        return None

    def _same_pronoun_spoke_before(self, doc: Doc, tok: Token) -> bool:
        """The same pronoun spoke last, in this paragraph, with no name between."""
        start = doc[max(0, tok.sent.start - 1)].sent.start
        start = doc[max(0, start - 1)].sent.start
        for t in reversed(doc[start : tok.i]):
            if "\n" in t.text:
                return False
            if t.ent_type_ == "PERSON":
                return False
            if (
                t.lower_ == tok.lower_
                and t.dep_ == "nsubj"
                and t.head.lemma_.lower() in self.attribution
                and t.i > 0
                and doc[t.i - 1].text in ('"', "”", "'", "’")  # '"...," she said'
            ):
                return True
        return False

    def _described_subject_before(self, doc: Doc, tok: Token, back: int = 1) -> Token | None:
        """ "One agent in Lisbon ... said ... "Quote," she told X": the pronoun stands for the
        nearest earlier subject when that subject is a described person (a noun), not a name."""
        if tok.lower_ not in ("she", "he"):
            return None
        first = tok.sent
        while first.start > 0 and self._in_quote(first[0] if not first[0].is_punct else first[-1]):
            first = doc[first.start - 1].sent  # the quote's earlier sentences are not the text
        if first.start < tok.sent.start and not self._in_quote(first[0]):
            start = first.start  # "A spokeswoman said ... "Two sentences," she said"
        else:
            start = first.start
            for _ in range(back):
                start = doc[max(0, start - 1)].sent.start
        people = set(self.lex.roles) | {x.lower() for x in self.lex.subjects} | PERSON_NOUNS
        # "the processor in Omaha": the last word of a kind of worker ("claims processor")
        people |= {x.lower().split()[-1] for x in self.lex.subjects if " " in x}
        for t in reversed(doc[start : tok.i]):
            if (
                t.dep_ != "nsubj"
                or t.head.dep_ != "ROOT"
                or t.head.lemma_.lower() not in self.attribution
                and self._in_quote(t)
            ):
                # only speakers and subjects of the text ("A spokeswoman defended the
                # system"), not words inside the quote
                continue
            if t.pos_ == "PRON" and self._in_quote(t):
                continue  # '"... They just said I was not fit," he said': the quote's words
            if t.pos_ == "PRON" and t.lower_ == tok.lower_ and t.sent.start < tok.sent.start:
                # "A spokeswoman said ... She confirmed that ... "...," she said": the same
                # pronoun carries on the same described person
                return self._described_subject_before(doc, t, back=2)
            if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.pos_ == "PRON":
                return None  # a named person (or another pronoun) is nearer
            if t.pos_ == "NOUN" and t.lemma_.lower() in people:
                if any(c.lower_ in ("a", "an", "one", "another") for c in t.children):
                    return t
                return None
        # "For the associate in Evanston, the lesson is simpler. "...," she said": a person
        # described in this or the last sentence, with no name nearer
        for t in reversed(doc[start : tok.i]):
            if t.ent_type_ == "PERSON" or t.pos_ == "PRON" and t.lower_ in ("he", "she"):
                return None
            if (
                t.pos_ == "PROPN"
                and t.dep_ == "nsubj"
                and t.head.lemma_.lower() in self.attribution
            ):
                return None  # "which Nascimento says ...", whatever NER made of the name
            if (
                t.pos_ == "NOUN"
                and t.lemma_.lower() in people
                and t.dep_ in ("pobj", "nsubj")
                and not self._in_quote(t)
                and any(
                    c.lower_ in ("the", "one") for c in t.children if c.dep_ in ("det", "nummod")
                )
            ):
                return t
        return None

    def _in_quote(self, t: Token) -> bool:
        return any(s <= t.idx < e for s, e in self._quoted)

    def _described_named_person(self, doc: Doc, names: NameIndex, tok: Token) -> str | None:
        """ "His team-mate Raheem Sterling shared his concern ... The England forward, 25,
        said:": a definite description of a person (a title, a trade, an age) right after a
        named person is that person. Spokespeople and officials are described, not named."""
        if tok.dep_ != "nsubj" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ):
            return None
        words = list(doc[tok.left_edge.i : min(tok.i + 2, tok.sent.end)])
        if any(t.ent_type_ == "PERSON" or t.is_punct and t.text != "-" for t in words[1:]):
            words = words[
                : next(
                    k
                    for k, t in enumerate(words)
                    if k and (t.ent_type_ == "PERSON" or t.is_punct and t.text != "-")
                )
            ]
        lows = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
        if any(t.ent_type_ == "PERSON" for t in words) or lows & SPEAKER_NOUNS:
            return None
        described = self.lex.set("described_person_nouns") | {
            r for r in self.lex.roles if " " not in r
        }
        if not (lows & described or re.search(r"\d+-year-old", " ".join(t.text for t in words))):
            return None
        start = doc[max(0, tok.sent.start - 1)].sent.start  # named in this or the last sentence
        person = self._person_before(doc, names, tok.i)
        recent = {names.person(m.name) for m in names.persons if start <= m.start < tok.i}
        return person if person in recent else None

    def _earlier_mention(self, doc: Doc, tok: Token) -> Token | None:
        """The same noun introduced earlier ("A spokesperson for Telepoint ... the spokesperson")."""
        start = doc[max(0, tok.sent.start - 1)].sent.start
        for t in reversed(doc[start : tok.i]):
            if (
                t.lower_ == tok.lower_
                and t.i != tok.i
                and not any(c.lower_ == "the" for c in t.children)
            ):
                return t
        return None

    def _person_before(self, doc: Doc, names: NameIndex, i: int) -> str | None:
        programs = {p.name for p in doc._.programs} | {p.surface for p in doc._.programs}
        gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(doc[i].lower_)
        found = names.person_before(doc[i].idx, self._quoted, programs, gender)
        if gender is None:
            return found
        # the person who spoke just before, whose first name alone suggested the other
        # gender ("Jess Whitford ... said ... "...," she said"): the name list guesses
        nearest = names.person_before(doc[i].idx, self._quoted, programs, None)
        if (
            nearest is not None
            and nearest != found
            and names.gender_from_text(nearest) is None
            and self._spoke_in_sentence_before(doc, i, nearest)
        ):
            return nearest
        return found

    def _spoke_in_sentence_before(self, doc: Doc, i: int, person: str) -> bool:
        """``person`` is the subject of a speech verb earlier in the sentence at ``i`` or in
        the sentence before it."""
        for span in _this_and_previous_sentence(doc, i):
            for t in span:
                if t.i >= i:
                    break
                if (
                    t.dep_ == "nsubj"
                    and t.head.lemma_.lower() in self.attribution
                    and t.ent_type_ == "PERSON"
                ):
                    ent = ent_at(doc, t.i)
                    if ent is not None and doc._.names.person(ent.text) == person:
                        return True
        return False

    def _text_noun_before(self, doc: Doc, i: int) -> str | None:
        for span in _this_and_previous_sentence(doc, i):
            for t in span:
                if (
                    t.i < i
                    and t.lemma_.lower() in TEXT_NOUNS
                    and t.pos_ == "NOUN"
                    and t.dep_ in ("nsubj", "dobj", "nsubjpass")
                ):
                    # "Conor Tierney ... has issued a statement. "..." it reads": its author
                    if t.dep_ == "dobj":
                        author = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                        if author is not None and author.lower_ in ("they", "it"):
                            # "Now they've put out another statement. "..." it says"
                            org = self._org_subject_before(doc, doc._.names, author)
                            if org:
                                return org
                        if author is not None and author.ent_type_ in ("PERSON", "ORG"):
                            ent = ent_at(doc, author.i)
                            if ent is not None:
                                names: NameIndex = doc._.names
                                if author.ent_type_ == "PERSON" or names.is_person_ent(doc, ent):
                                    return names.person(ent.text)
                                return names.org(ent.text)
                    return t.lower_
        return None


class QuotesComponent:
    """Pipeline component ``newskg_quotes_v1``: sets ``Doc._.quotes``."""

    def __init__(self, nlp: Language, name: str, lex: Lexicon) -> None:
        self.finder = QuoteFinder(lex)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = guarded("quote finder", lambda: self.finder(doc), [])
        return doc
