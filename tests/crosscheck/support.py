"""Helpers shared by the cross-check tests: short invented articles, annotated."""

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.model import AnnotatedArticle, Article


def annotated(texts: dict[str, str]) -> list[AnnotatedArticle]:
    """{article id: text} -> those articles annotated, each from an outlet named after its
    id (upper case), in the order given."""
    return annotate([Article(id=k, source=k, text=t, outlet=k.upper()) for k, t in texts.items()],
                    AnnotateConfig())
