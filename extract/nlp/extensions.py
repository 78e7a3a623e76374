"""The one place that declares our custom ``Doc`` attributes.

``Doc._.names``: the per-document :class:`extract.nlp.names.NameIndex` (full names, acronyms,
"the company" ...). ``Doc._.programs``: program mentions. ``Doc._.quotes``: attributed quotes.
``Doc._.facts``: :class:`extract.nlp.relations.common.RawFact` list, read by ``extract.facts``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def register_extensions() -> None:
    for name in ("names", "programs", "quotes", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


PUBLISHER_KEY = "newskg_publisher"


def with_publisher(doc: Doc, publisher: str | None) -> Doc:
    """Tell the rules who published the text: "the Post" in the Severnside Evening Post is
    the paper itself. (``user_data`` travels with the doc to ``nlp.pipe`` workers.)"""
    doc.user_data[PUBLISHER_KEY] = publisher or ""
    return doc


def publisher_of(doc: Doc) -> str:
    return doc.user_data.get(PUBLISHER_KEY, "")  # type: ignore[no-any-return]


def names_own_paper(doc: Doc, name: str, mastheads: frozenset[str]) -> bool:
    """``name`` is how the text calls its own publisher: the whole name or its first words
    ("The PUNCH gathered" in Punch Newspapers), or one of its masthead words ("The Post
    understands" in the Severnside Evening Post)."""
    own = publisher_of(doc).casefold().removeprefix("the ")
    name = name.casefold().removeprefix("the ")
    if not own or not name:
        return False
    words = {w.casefold() for w in publisher_of(doc).split() if w in mastheads}
    return own == name or own.startswith(name + " ") or name in words


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once: spaCy makes new Span objects on every access, and the rule
    components (which run after ``ner`` and never change entities) read them often."""
    cached = doc.user_data.get("newskg_ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["newskg_ents"] = cached
        index: dict[int, Span] = {}
        for e in cached:
            for i in range(e.start, e.end):
                index[i] = e
        doc.user_data["newskg_ent_at"] = index
    return cached  # type: ignore[no-any-return]


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token ``i``, if any."""
    ents(doc)
    return doc.user_data["newskg_ent_at"].get(i)  # type: ignore[no-any-return]


def tokens(doc: Doc) -> list[Token]:
    """The doc's tokens, built once: spaCy makes a new Token object on every iteration, and
    the rule components walk the whole document dozens of times. (Tokens are views: what
    later components set on them still shows.)"""
    cached = doc.user_data.get("newskg_tokens")
    if cached is None:
        cached = list(doc)
        doc.user_data["newskg_tokens"] = cached
    return cached  # type: ignore[no-any-return]


def sent_ents(sent: Span) -> list[Span]:
    return [e for e in ents(sent.doc) if sent.start <= e.start < sent.end]


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access, and the rule
    components search the whole text often."""
    cached = doc.user_data.get("newskg_text")
    if cached is None:
        cached = doc.text
        doc.user_data["newskg_text"] = cached
    return cached  # type: ignore[no-any-return]
