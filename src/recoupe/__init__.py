"""recoupe: cross-check the news.

In: paths, URLs or "-" naming news articles. Out: a `Brief` (see `recoupe.model`).
The public API is `brief(inputs)` and the types it returns.
"""

from .model import (
    AnnotatedArticle,
    Article,
    Brief,
    Entity,
    InputProblem,
    Mention,
    RawDoc,
    Sentence,
    Story,
    Token,
)

__all__ = [
    "AnnotatedArticle",
    "Article",
    "Brief",
    "Entity",
    "InputProblem",
    "Mention",
    "RawDoc",
    "Sentence",
    "Story",
    "Token",
    "brief",
]
__version__ = "0.1.0"


def brief(inputs, config=None) -> Brief:
    """Read, clean and annotate `inputs` (paths, URLs or "-") and cross-check them into a Brief."""
    from .pipeline import brief as _brief

    return _brief(list(inputs), config)
