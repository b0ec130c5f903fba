"""recoupe: cross-check the news.

In: paths, URLs or "-" naming news articles. Out: a `Brief` (see `recoupe.model`).
The public API is `brief(inputs)` and the types it returns.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
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


def __getattr__(name: str):
    """The model's types, imported on first use (PEP 562): `import recoupe` then costs
    nothing, so the command line's Ctrl-C handling covers every import it pays for."""
    if name in __all__ and name != "brief":
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'recoupe' has no attribute {name!r}")


def brief(inputs, config=None) -> "Brief":
    """Read, clean and annotate `inputs` (paths, URLs or "-") and cross-check them into a Brief."""
    from .pipeline import brief as _brief

    return _brief(list(inputs), config)
