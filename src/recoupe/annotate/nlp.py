"""The one place that loads spaCy models: language code -> a loaded `Language`, once per process.

In: a language code ("fr") and the AnnotateConfig that maps codes to model packages.
Out: the loaded pipeline, with recoupe's sentence boundaries (`sentences.set_boundaries`)
as its first component, cached for the life of the process (each worker process loads its
own copy once, in its initializer, or inherits the parent's by fork).
"""

from __future__ import annotations

import functools

from ..config import AnnotateConfig
from ..errors import RecoupeError
from . import sentences
from .token_match import fast_token_match


def model_name(language: str | None, config: AnnotateConfig) -> str:
    """The model package that annotates `language`, falling back to the configured default."""
    return config.models.get(language or "", config.models[config.fallback])


@functools.cache
def _load(name: str):
    import spacy
    from spacy.language import Language

    if not Language.has_factory(sentences.NAME):
        Language.component(sentences.NAME, func=sentences.set_boundaries)
    try:
        # spaCy's French token_match compiled in its factored form (token_match.py): the same
        # matches, seconds less of every cold start.
        with fast_token_match():
            nlp = spacy.load(name)
    except OSError as e:
        raise RecoupeError(
            f"spaCy model {name!r} is not installed; run `make install` "
            f"(or `pip install {name.replace('_', '-')}`)"
        ) from e
    # First, right after the tokenizer: the boundaries are set before the parser runs, and
    # the parser keeps them (it adds none where every token says yes or no).
    nlp.add_pipe(sentences.NAME, first=True)
    return nlp


def load(language: str | None, config: AnnotateConfig):
    """Language code -> the spaCy pipeline for it (loaded on first use, then reused)."""
    return _load(model_name(language, config))
