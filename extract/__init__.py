"""newskg: turn news coverage into a queryable knowledge graph.

Stages, each a module with a typed contract::

    fetch (Page) -> article (Article) -> nlp (spaCy Doc) -> facts (Fact)
        -> graph (rdflib Dataset) -> store (Oxigraph / SPARQL 1.1) -> query

The Python API lives in :mod:`extract.api`; the ``newskg`` command in :mod:`extract.cli`.
"""

__version__ = "0.1.0"
