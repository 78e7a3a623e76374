"""Sentence starts at line breaks: headings and paragraphs never run into the next sentence.

Runs before the parser, which keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.tokens import Doc


class ParagraphSplitter:
    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if after_break and not token.is_space:
                token.is_sent_start = True
                after_break = False
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
            elif not token.is_space and token.i > 0 and not after_break and token.is_sent_start:
                pass
        return doc
