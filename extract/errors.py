"""Every error newskg raises on purpose.

::

    NewskgError                 exit 1 (2 for usage errors)
    +-- UsageError              bad arguments / options (exit 2)
    +-- FetchError              a URL could not be fetched
    |   +-- RobotsDisallowed    robots.txt forbids it
    |   +-- NotHTML             the response is not HTML/XHTML
    +-- ArticleError            the page has no readable article (empty, not HTML ...)
    +-- ModelError              no spaCy pipeline could be loaded
    +-- RulesError              a rules/lexicon data file is malformed
    +-- StoreError              the triple store failed
    +-- QueryError              a SPARQL query is malformed or failed
        +-- UnknownQuery        no named query by that name
        +-- BadParameter        a --param is missing or malformed

Library code wraps third-party exceptions at the call site (``raise X(...) from exc``);
``cli.py`` catches :class:`NewskgError` once and prints ``error: <message>`` on one line.
"""

from __future__ import annotations


class NewskgError(Exception):
    exit_code = 1


class UsageError(NewskgError):
    exit_code = 2


class FetchError(NewskgError):
    pass


class RobotsDisallowed(FetchError):
    pass


class NotHTML(FetchError):
    pass


class ArticleError(NewskgError):
    pass


class ModelError(NewskgError):
    pass


class RulesError(NewskgError):
    pass


class StoreError(NewskgError):
    pass


class QueryError(NewskgError):
    pass


class UnknownQuery(QueryError):
    pass


class BadParameter(QueryError):
    pass
