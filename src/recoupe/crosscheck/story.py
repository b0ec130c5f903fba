"""AnnotatedArticles and their Entities -> one Story: its articles in time order and what
can be said of it without the cross-check of quotes and claims.

In: the annotated articles of one story, the entities merged across them and the story's
near-copy groups (`group.copies`, found once by the pipeline with the configured threshold).
Out: a `Story` with a stable id (a hash of its article ids), its articles oldest first and
undated ones last (in input order), a title (the headline of its earliest dated article),
`when` and `where` (see `timeline`), its entities, its quotes with their speakers tied to
those entities, and its timeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..group.copies import CopyGroup, upstream_of
from ..model import AnnotatedArticle, Entity, Story
from .claims import find_claims
from .discrepancies import find_discrepancies
from .speakers import resolve_speakers
from .statements import fold_statements
from .summary import summarize
from .timeline import build_timeline, story_when, story_where


def _upstreams(articles, copies: Sequence[CopyGroup]) -> dict[str, str]:
    """Article id -> the source it relays: its copy group (the same text republished), or
    the wire agency it credits."""
    out = {a.id: f"wire:{agency}" for a in articles if (agency := upstream_of(a))}
    for n, group in enumerate(copies):
        for aid in group.articles:
            out[aid] = f"wire:{group.upstream}" if group.upstream else f"copy:{n}"
    return out


def build_story(annotated: Sequence[AnnotatedArticle], entities: Sequence[Entity],
                copies: Sequence[CopyGroup] = (), summary_sentences: int = 6) -> Story:
    """AnnotatedArticles + Entities + their near-copy groups (found once, by the pipeline)
    -> Story."""
    order = sorted(range(len(annotated)), key=lambda i: (
        annotated[i].article.published is None, annotated[i].article.published or "", i))
    articles = [annotated[i].article for i in order]
    ids = tuple(a.id for a in articles)
    upstreams = _upstreams([a.article for a in annotated], copies)
    when = story_when(annotated, upstreams)
    title = next((a.title for a in articles if a.title), None)
    digest = hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:10]
    quotes = resolve_speakers(annotated, entities)
    claims = find_claims([annotated[i] for i in order], quotes, upstreams)
    statements = fold_statements(quotes)
    return Story(id=f"s-{digest}", title=title, when=when,
                 where=story_where(annotated, entities, when), articles=ids,
                 entities=tuple(entities), quotes=quotes, statements=statements,
                 discrepancies=find_discrepancies(annotated, entities, quotes, statements),
                 timeline=build_timeline(annotated, when), claims=claims,
                 summary=summarize(claims, summary_sentences,
                                   articles=[annotated[i] for i in order]))
