"""``quote`` facts from the attributed quotes of ``newskg_quotes_v1``."""

from __future__ import annotations

from extract.nlp.relations.common import Context, RawFact


def quotes(ctx: Context) -> list[RawFact]:
    out = []
    for q in ctx.doc._.quotes or []:
        if not q.speaker:
            continue
        out.append(
            RawFact(
                "quote",
                {"speaker": q.speaker, "text": q.text},
                q.sent_start,
                q.sent_end,
                q.confidence,
            )
        )
    return out
