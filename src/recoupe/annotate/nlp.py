"""The one place that loads spaCy models: language code -> a loaded `Language`, once per process.

In: a language code ("fr") and the AnnotateConfig that maps codes to model packages.
Out: the loaded pipeline, cached for the life of the process (each worker process loads its
own copy once, in its initializer, or inherits the parent's by fork).
"""

from __future__ import annotations

import functools

from ..config import AnnotateConfig
from ..errors import RecoupeError


def model_name(language: str | None, config: AnnotateConfig) -> str:
    """The model package that annotates `language`, falling back to the configured default."""
    return config.models.get(language or "", config.models[config.fallback])


_PARAGRAPHS = "recoupe_paragraph_breaks"


def _paragraph_breaks(doc):
    """A line break ends a sentence: cleaned text keeps one paragraph or headline per line, and
    the parser alone runs a headline into the paragraph below it. The parser keeps these
    boundaries and adds its own inside lines."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


@functools.cache
def _load(name: str):
    import spacy
    from spacy.language import Language

    if not Language.has_factory(_PARAGRAPHS):
        Language.component(_PARAGRAPHS, func=_paragraph_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise RecoupeError(
            f"spaCy model {name!r} is not installed; run `make install` "
            f"(or `pip install {name.replace('_', '-')}`)"
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_PARAGRAPHS, before="parser")
    return nlp


def load(language: str | None, config: AnnotateConfig):
    """Language code -> the spaCy pipeline for it (loaded on first use, then reused)."""
    return _load(model_name(language, config))
