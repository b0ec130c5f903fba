"""What the HTML report and the web pages share: a story's cited sentences, an article cut into
highlighted pieces, where citations link to, and the Jinja environment with the brief macros.

In: a `Story` and its `Article`s. Out: `used_sentences(story)` (article id -> the sentences the
story's items cite), `pieces(article, sentences)` (the text as plain and highlighted pieces,
and sentence -> anchor id), `story_view(story, articles)` (what the templates need for one
story), `Links` (where a citation points: an anchor on the same page, or an article's page)
and `environment(*packages)` (autoescaping Jinja with the `clean` filter and, through
`{% import "parts.html.j2" as parts %}`, the macros for summary, coverage matrix,
discrepancies, timeline and quotes). Anchors are computed the same way wherever they are, so
the web's story page can link to `/article/<id>#s-<id>-<n>`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from ..model import Article, Story
from .safe import printable


@dataclass(frozen=True)
class Piece:
    text: str
    anchor: str | None  # id of a highlighted sentence, None for plain text


@dataclass(frozen=True)
class StoryView:
    """One story as the templates show it."""

    story: Story
    texts: dict[str, list[Piece]]  # article id -> its text in pieces
    anchors: dict[tuple[str, str], str]  # (article id, sentence) -> anchor id
    quotes_by_speaker: list[tuple[str, list]]
    statement_of: dict[str, str]  # quote id -> statement id


@dataclass(frozen=True)
class Links:
    """Where a story's citations point. With `page` None, to anchors on the same page (the
    self-contained report); otherwise to `page(article id)` plus the sentence's anchor."""

    number: dict[str, int]  # article id -> its citation number
    anchors: dict[tuple[str, str], str]
    page: Callable[[str], str] | None = None
    labels: dict[str, str] = field(default_factory=dict)  # article id -> column label (outlet)

    def cite(self, article_id: str, text: str | None) -> str:
        """The href of a citation of `text` in an article."""
        anchor = self.anchors.get((article_id, text))
        if self.page is None:
            return "#" + (anchor or f"text-{article_id}")
        return self.page(article_id) + (f"#{anchor}" if anchor else "")

    def article(self, article_id: str) -> str:
        """The href of an article's entry."""
        return f"#a-{article_id}" if self.page is None else self.page(article_id)


def environment(*packages: str) -> Environment:
    """Jinja environment over the templates of `packages` (then render's own), autoescaping."""
    loaders = [PackageLoader(p, "templates") for p in (*packages, "recoupe.render")]
    env = Environment(loader=ChoiceLoader(loaders),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["clean"] = printable
    return env


def used_sentences(story: Story) -> dict[str, list[str]]:
    """Story -> article id -> the sentences of it that the story's items cite."""
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


def pieces(article: Article, sentences: list[str]) -> tuple[list[Piece], dict[str, str]]:
    """An article's text cut into plain and highlighted pieces, and sentence -> anchor."""
    spans = []
    for text in sentences:
        start = article.text.find(text)
        if start >= 0 and not any(s < start + len(text) and start < e for s, e, _ in spans):
            spans.append((start, start + len(text), text))
    spans.sort()
    out, anchors, pos = [], {}, 0
    for n, (start, end, text) in enumerate(spans, 1):
        if start > pos:
            out.append(Piece(article.text[pos:start], None))
        anchor = f"s-{article.id}-{n}"
        anchors[text] = anchor
        out.append(Piece(article.text[start:end], anchor))
        pos = end
    if pos < len(article.text):
        out.append(Piece(article.text[pos:], None))
    return out, anchors


def story_view(story: Story, articles: Iterable[Article]) -> StoryView:
    """A story and the articles at hand (those not in it are ignored) -> its StoryView."""
    used = used_sentences(story)
    texts, anchors = {}, {}
    for a in articles:
        if a.id in story.articles:
            texts[a.id], found = pieces(a, used.get(a.id, []))
            anchors.update({(a.id, t): anchor for t, anchor in found.items()})
    quotes_by_speaker: dict[str, list] = {}
    for q in story.quotes:
        quotes_by_speaker.setdefault(q.speaker or "(speaker unknown)", []).append(q)
    statement_of = {qid: st.id for st in story.statements for qid in st.quotes}
    return StoryView(story, texts, anchors, sorted(quotes_by_speaker.items()), statement_of)
