"""Brief -> one self-contained HTML page (no external requests, no script).

In: a `Brief`. Out: the HTML text: per story, the summary with its citations, a coverage
matrix of claims by article, the discrepancies side by side, the timeline, quotes by speaker
and statement, and each article's clean text in which every sentence the brief uses is
highlighted and is the target of the links that cite it. Jinja2 escapes every value
(autoescape), so article text is always inert text, "<script>" included; control characters
are removed first (`safe.printable`).
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Article, Brief, Story
from .safe import count, printable


@dataclass(frozen=True)
class _Piece:
    text: str
    anchor: str | None  # id of a highlighted sentence, None for plain text


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("recoupe.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["clean"] = printable
    return env


def _used_sentences(story: Story) -> dict[str, list[str]]:
    """Article id -> the sentences of it that the story's items cite."""
    used: dict[str, list[str]] = {}

    def add(aid: str, text: str | None) -> None:
        if text and text not in used.setdefault(aid, []):
            used[aid].append(text)

    for c in story.claims:
        for s in c.sentences:
            add(s.article, s.text)
    for q in story.quotes:
        if q.sentence >= 0:
            add(q.article, q.sentence_text)
    for d in story.discrepancies:
        for v in d.values:
            add(v.article, v.text)
    for e in story.timeline:
        for aid in e.articles:
            add(aid, e.text)
    return used


def _pieces(article: Article, sentences: list[str]) -> tuple[list[_Piece], dict[str, str]]:
    """An article's text cut into plain and highlighted pieces, and sentence -> anchor."""
    spans = []
    for text in sentences:
        start = article.text.find(text)
        if start >= 0 and not any(s < start + len(text) and start < e for s, e, _ in spans):
            spans.append((start, start + len(text), text))
    spans.sort()
    pieces, anchors, pos = [], {}, 0
    for n, (start, end, text) in enumerate(spans, 1):
        if start > pos:
            pieces.append(_Piece(article.text[pos:start], None))
        anchor = f"s-{article.id}-{n}"
        anchors[text] = anchor
        pieces.append(_Piece(article.text[start:end], anchor))
        pos = end
    if pos < len(article.text):
        pieces.append(_Piece(article.text[pos:], None))
    return pieces, anchors


def render(brief: Brief) -> str:
    """Brief -> a self-contained HTML page."""
    number = {a.id: n for n, a in enumerate(brief.articles, 1)}
    stories = []
    for story in brief.stories:
        used = _used_sentences(story)
        texts, anchors = {}, {}
        for a in brief.articles:
            if a.id in story.articles:
                texts[a.id], found = _pieces(a, used.get(a.id, []))
                anchors.update({(a.id, t): anchor for t, anchor in found.items()})
        quotes_by_speaker: dict[str, list] = {}
        for q in story.quotes:
            quotes_by_speaker.setdefault(q.speaker or "(speaker unknown)", []).append(q)
        statement_of = {qid: st.id for st in story.statements for qid in st.quotes}
        stories.append({"story": story, "texts": texts, "anchors": anchors,
                        "quotes_by_speaker": sorted(quotes_by_speaker.items()),
                        "statement_of": statement_of})
    return _environment().get_template("brief.html.j2").render(
        brief=brief, stories=stories, number=number, articles={a.id: a for a in brief.articles},
        heading=f"{count(len(brief.articles), 'article')}, "
                f"{count(len(brief.stories), 'story', 'stories')}")
