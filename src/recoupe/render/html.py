"""Brief -> one self-contained HTML page (no external requests, no script).

In: a `Brief`. Out: the HTML text: per story, the summary with its citations, a coverage
matrix of claims by article (most supported first; claims one outlet alone carries shown
with a CSS-only switch), the discrepancies and statements side by side, the timeline,
quotes by speaker, and each article's clean text in which every sentence the brief uses is
highlighted and is the target of the links that cite it. Jinja2 escapes every value
(autoescape), so article text is always inert text, "<script>" included; control characters
are removed first (`safe.printable`). The sections shared with the web pages (macros, cited
sentences, anchors) live in htmlparts.py and templates/parts.html.j2. The report speaks the
language of its articles (French for French articles) unless told which (render/i18n); quoted
article text carries its own `lang`.
"""

from __future__ import annotations

import functools

from ..model import Brief
from . import htmlparts, i18n
from .htmlparts import Links, entity_anchor, story_view
from .htmlparts import Piece as _Piece  # noqa: F401  (kept for callers of the old names)
from .htmlparts import pieces as _pieces  # noqa: F401
from .htmlparts import used_sentences as _used_sentences  # noqa: F401


@functools.cache
def _environment(lang: str):
    return htmlparts.environment(lang=lang)  # one per language, never switched


def render(brief: Brief, language: str | None = None, fallback: str | None = None) -> str:
    """Brief -> a self-contained HTML page, its chrome in `language` ("fr", "en"; None or
    "auto": the language most of its articles are written in, else `fallback`, else
    French). Quoted article text is marked with its own language."""
    written = i18n.content_language(a.language for a in brief.articles)
    lang = i18n.choose(language, written, fallback)
    number = {a.id: n for n, a in enumerate(brief.articles, 1)}
    stories = [story_view(story, brief.articles, written or fallback)
               for story in brief.stories]
    labels = {a.id: a.outlet for a in brief.articles if a.outlet}
    links = {s.story.id: Links(number, s.anchors, labels=labels, story=s.story.id)
             for s in stories}
    return _environment(lang).get_template("brief.html.j2").render(
        entity_anchor=entity_anchor,
        brief=brief, stories=stories, links=links, number=number,
        articles={a.id: a for a in brief.articles})
