"""What the HTML report and the web pages share: a story's cited sentences, an article cut into
highlighted pieces, where citations link to, and the Jinja environment with the brief macros.

In: a `Story` and its `Article`s. Out: `used_sentences(story)` (article id -> the `Cited`
sentences the story's items cite, with their offsets where the cross-check gave them),
`pieces(article, sentences)` (the text as plain and highlighted pieces, and each highlighted
sentence's anchor id by its start offset, and by its text for its first place),
`story_view(story, articles)` (what the templates need for one story), `Links` (where a
citation points: an anchor on the same page, or an article's page) and
`environment(*packages)` (autoescaping Jinja with the `clean` filter and, through
`{% import "parts.html.j2" as parts %}`, the macros for summary, coverage matrix,
discrepancies, timeline and quotes). Anchors are computed the same way wherever they are, so
the web's story page can link to `/article/<id>#s-<id>-<n>`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from ..model import Article, Story
from . import i18n
from .i18n import N_
from .safe import printable

# The heading of the quotes whose speaker is not known: a chrome string the templates
# translate (`_(UNKNOWN_SPEAKER)`), where a speaker's name is shown as written.
UNKNOWN_SPEAKER = N_("(speaker unknown)")


@dataclass(frozen=True)
class Cited:
    """A sentence an item of the brief cites: its offsets when the cross-check gave them
    (`start`, `end`), its text, or a place inside it (`near`, a quote's offset). The offsets
    win; text alone is found at the occurrence that holds `near`, else at its first."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    near: int | None = None

    def span(self, article_text: str) -> tuple[int, int] | None:
        """Where it stands in `article_text`, or None if it is not there."""
        if self.start is not None:
            end = self.end if self.end is not None else self.start + len(self.text or "")
            if (0 <= self.start < end <= len(article_text)
                    and (self.text is None or article_text[self.start:end] == self.text)):
                return self.start, end
        if not self.text:
            return None
        n = len(self.text)
        if self.near is not None:
            at = article_text.find(self.text, max(0, self.near - n))
            if 0 <= at <= self.near:
                return at, at + n
        at = article_text.find(self.text)
        return (at, at + n) if at >= 0 else None


@dataclass(frozen=True)
class Piece:
    text: str
    anchor: str | None  # id of a highlighted sentence, None for plain text


@dataclass(frozen=True)
class StoryView:
    """One story as the templates show it."""

    story: Story
    texts: dict[str, list[Piece]]  # article id -> its text in pieces
    # (article id, sentence start or text) -> anchor id
    anchors: dict[tuple[str, int | str], str]
    quotes_by_speaker: list[tuple[str, list]]
    statement_of: dict[str, str]  # quote id -> statement id
    # The language its articles are written in (the `lang` of quoted text), None if unknown
    lang: str | None = None


@dataclass(frozen=True)
class Links:
    """Where a story's citations point. With `page` None, to anchors on the same page (the
    self-contained report); otherwise to `page(article id)` plus the sentence's anchor."""

    number: dict[str, int]  # article id -> its citation number
    anchors: dict[tuple[str, int | str], str]
    page: Callable[[str], str] | None = None
    labels: dict[str, str] = field(default_factory=dict)  # article id -> column label (outlet)

    def cite(self, article_id: str, text: str | None, start: int | None = None) -> str:
        """The href of a citation of `text` in an article: the sentence at `start` when the
        brief gives its offset (a sentence written twice is cited where it stands), else
        the first place of `text`."""
        anchor = self.anchors.get((article_id, start)) if start is not None else None
        anchor = anchor or self.anchors.get((article_id, text or ""))
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
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    # Chrome strings are written `{{ _("...") }}` / `{% trans %}`; until a catalogue is
    # installed for the reader's language they render as written (English).
    env.install_null_translations(newstyle=True)
    env.filters["clean"] = printable
    env.globals["UNKNOWN_SPEAKER"] = UNKNOWN_SPEAKER
    return env


def used_sentences(story: Story) -> dict[str, list[Cited]]:
    """Story -> article id -> the sentences of it that the story's items cite."""
    used: dict[str, list[Cited]] = {}

    def add(aid: str, cited: Cited) -> None:
        if (cited.text or cited.start is not None) and cited not in used.setdefault(aid, []):
            used[aid].append(cited)

    for c in story.claims:
        for s in c.sentences:
            add(s.article, Cited(s.text, s.start, s.end))
    for sent in story.summary:
        for span in sent.spans:
            add(span.article, Cited(None, span.start, span.end))
    for q in story.quotes:
        if q.sentence >= 0:
            add(q.article, Cited(q.sentence_text, near=q.start))
    for d in story.discrepancies:
        for v in d.values:
            add(v.article, Cited(v.text, v.start, v.end))
    for e in story.timeline:
        spans = {sp.article: sp for sp in e.spans}
        for aid in e.articles:
            sp = spans.get(aid)
            add(aid, Cited(None, sp.start, sp.end) if sp else Cited(e.text))
    return used


def pieces(article: Article, sentences: list[Cited] | list[str]
           ) -> tuple[list[Piece], dict[int | str, str]]:
    """An article's text cut into plain and highlighted pieces, and where each highlighted
    sentence's anchor is: by its start offset, and by its text (for its first place)."""
    spans = []
    for cited in sentences:
        found = (Cited(cited) if isinstance(cited, str) else cited).span(article.text)
        if found and not any(s < found[1] and found[0] < e for s, e in spans):
            spans.append(found)
    spans.sort()
    out, anchors, pos = [], {}, 0
    for n, (start, end) in enumerate(spans, 1):
        if start > pos:
            out.append(Piece(article.text[pos:start], None))
        anchor = f"s-{article.id}-{n}"
        anchors[start] = anchor
        anchors.setdefault(article.text[start:end], anchor)
        out.append(Piece(article.text[start:end], anchor))
        pos = end
    if pos < len(article.text):
        out.append(Piece(article.text[pos:], None))
    return out, anchors


def story_view(story: Story, articles: Iterable[Article], lang: str | None = None
               ) -> StoryView:
    """A story and the articles at hand (those not in it are ignored) -> its StoryView;
    `lang`, the language of its text when its articles do not say."""
    ids = set(story.articles)
    articles = [a for a in articles if a.id in ids]
    used = used_sentences(story)
    texts, anchors = {}, {}
    for a in articles:
        if a.id in ids:
            texts[a.id], found = pieces(a, used.get(a.id, []))
            anchors.update({(a.id, key): anchor for key, anchor in found.items()})
    quotes_by_speaker: dict[str, list] = {}
    for q in story.quotes:
        quotes_by_speaker.setdefault(q.speaker or UNKNOWN_SPEAKER, []).append(q)
    statement_of = {qid: st.id for st in story.statements for qid in st.quotes}
    return StoryView(story, texts, anchors, sorted(quotes_by_speaker.items()), statement_of,
                     i18n.content_language(a.language for a in articles) or i18n.primary(lang))
