"""The one place that declares our custom ``Doc`` attributes.

``Doc._.names``: the per-document :class:`extract.nlp.names.NameIndex` (full names, acronyms,
"the company" ...). ``Doc._.programs``: program mentions. ``Doc._.quotes``: attributed quotes.
``Doc._.facts``: :class:`extract.nlp.relations.common.RawFact` list, read by ``extract.facts``.
"""

from __future__ import annotations

from spacy.tokens import Doc


def register_extensions() -> None:
    for name in ("names", "programs", "quotes", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
