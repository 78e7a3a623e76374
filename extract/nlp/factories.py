"""Every spaCy factory newskg registers, with namespaced, versioned names.

Each takes ``rules_dir`` from config, so a pipeline can be pointed at another rules folder.
Changed behaviour gets a new version number.
"""

from __future__ import annotations

from spacy.language import Language

from extract.nlp.entities import make_entity_ruler, make_span_ruler
from extract.nlp.extensions import register_extensions
from extract.nlp.lexicon import RULES_DIR, load_lexicon
from extract.nlp.names import NamesComponent
from extract.nlp.paragraphs import ParagraphSplitter
from extract.nlp.people import PeopleComponent
from extract.nlp.programs import ProgramsComponent
from extract.nlp.quotes import QuotesComponent
from extract.nlp.relations import RelationsComponent

register_extensions()
_DEFAULT = {"rules_dir": str(RULES_DIR)}


@Language.factory("newskg_paragraphs_v1")
def make_paragraphs(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()


@Language.factory("newskg_entities_v1", default_config=_DEFAULT)
def make_entities(nlp: Language, name: str, rules_dir: str):  # type: ignore[no-untyped-def]
    return make_entity_ruler(nlp, name, load_lexicon(rules_dir))


@Language.factory("newskg_lexicon_v1", default_config=_DEFAULT)
def make_lexicon(nlp: Language, name: str, rules_dir: str):  # type: ignore[no-untyped-def]
    return make_span_ruler(nlp, name, load_lexicon(rules_dir))


@Language.factory("newskg_people_v1", default_config=_DEFAULT)
def make_people(nlp: Language, name: str, rules_dir: str) -> PeopleComponent:
    return PeopleComponent(load_lexicon(rules_dir), nlp.vocab)


@Language.factory("newskg_programs_v1", default_config=_DEFAULT)
def make_programs(nlp: Language, name: str, rules_dir: str) -> ProgramsComponent:
    return ProgramsComponent(nlp, name, load_lexicon(rules_dir))


@Language.factory("newskg_names_v1", default_config=_DEFAULT)
def make_names(nlp: Language, name: str, rules_dir: str) -> NamesComponent:
    return NamesComponent(nlp, name, load_lexicon(rules_dir))


@Language.factory("newskg_quotes_v1", default_config=_DEFAULT)
def make_quotes(nlp: Language, name: str, rules_dir: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, load_lexicon(rules_dir))


@Language.factory("newskg_relations_v1", default_config=_DEFAULT)
def make_relations(nlp: Language, name: str, rules_dir: str) -> RelationsComponent:
    return RelationsComponent(nlp, name, load_lexicon(rules_dir))
