"""Brief -> JSON text following ../shared/BRIEF_FORMAT.md (format "recoupe.brief/1").

In: a `Brief`. Out: `to_dict(brief)`, plain JSON-ready data; `render(brief)`, the JSON text.
Fields beyond the contract (`url`, `problems`) are additions the contract allows.
"""

from __future__ import annotations

import json

from ..codec import to_data
from ..model import Article, Brief, Entity, Quote, Story

_STORY_LISTS = ("statements", "claims", "discrepancies", "timeline", "summary")


def _article(a: Article) -> dict:
    return {
        "id": a.id, "source": a.source, "title": a.title, "published": a.published,
        "outlet": a.outlet, "language": a.language, "url": a.url, "text": a.text,
        "removed": list(a.removed), "captions": list(a.captions), "credits": list(a.credits),
        "dateline": a.dateline,
    }


def _entity(e: Entity) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "variants": list(e.variants),
            "articles": list(e.articles), "mentions": e.mentions}


def _quote(q: Quote) -> dict:
    return {"id": q.id, "text": q.text, "kind": q.kind, "speaker": q.speaker,
            "speaker_entity": q.speaker_entity, "article": q.article,
            "sentence": q.sentence_text, "via": q.via}


def _story(s: Story) -> dict:
    out = {"id": s.id, "title": s.title, "when": s.when, "where": s.where,
           "articles": list(s.articles), "entities": [_entity(e) for e in s.entities],
           "quotes": [_quote(q) for q in s.quotes]}
    for name in _STORY_LISTS:
        out[name] = to_data(getattr(s, name))
    return out


def to_dict(brief: Brief) -> dict:
    """Brief -> the JSON contract as plain dicts and lists."""
    return {
        "format": brief.format,
        "articles": [_article(a) for a in brief.articles],
        "stories": [_story(s) for s in brief.stories],
        "problems": [{"source": p.source, "message": p.message} for p in brief.problems],
    }


def render(brief: Brief) -> str:
    """Brief -> JSON text (UTF-8, not ASCII-escaped, indented)."""
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
