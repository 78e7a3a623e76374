"""A rule that fails on one text costs that text the rule's findings, not the whole article.

News is endless in its shapes, and a rule tested on thousands of sentences can still meet one
it was not written for. In a batch, losing one rule's facts for one article (with a warning
in the log) beats losing the article. ``NEWSKG_STRICT=1`` (the test suite sets it) raises
instead, so that such a failure is found and fixed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger("extract.nlp")
T = TypeVar("T")

__all__ = ["guarded"]


def guarded(what: str, run: Callable[[], T], fallback: T) -> T:
    """``run()``, or ``fallback`` (with a warning) if it raises and strict mode is off."""
    try:
        return run()
    except Exception as exc:
        if os.environ.get("NEWSKG_STRICT") == "1":
            raise
        log.warning(
            "%s failed on a text (%s: %s); its findings are left out", what, type(exc).__name__, exc
        )
        return fallback
