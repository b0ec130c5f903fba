"""What the HTML report and the web pages share: a story's cited sentences, an article cut into
highlighted pieces, where citations link to, and the Jinja environment with the brief macros.

In: a `Story` and its `Article`s. Out: `used_sentences(story)` (article id -> the `Cited`
sentences the story's items cite, with their offsets where the cross-check gave them),
`pieces(article, sentences)` (the text as plain and highlighted pieces, and each highlighted
sentence's anchor id by its start offset, and by its text for its first place),
`story_view(story, articles)` (what the templates need for one story: texts, anchors, the
coverage matrix, statements, speakers' entities), `matrix_view(story)` (the claims x articles
matrix, sorted by support, each cell looked up in an index built once: claim -> article -> its
sentence, never a scan of the claim's sentences per cell), `support_level(claim)` and
`sentence_levels(story)` (how far each cited sentence is borne out: "one" outlet only,
"several" outlets of one source, "independent" sources), `Links` (where a citation or an
entity points: an anchor on the same page, or a web page) and
`environment(*packages)` (autoescaping Jinja with the `clean` filter and, through
`{% import "parts.html.j2" as parts %}`, the macros for summary, coverage matrix,
discrepancies, timeline and quotes). Anchors are computed the same way wherever they are, so
the web's story page can link to `/article/<id>#s-<id>-<n>`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Article, Claim, ClaimSentence, Quote, Statement, Story
from ..text import entity_key
from . import charts, i18n
from .i18n import N_
from .safe import printable

# How far a sentence is borne out, weakest first: only its own outlet, several outlets that
# may share one source (copies of one wire story), several independent sources.
LEVELS = ("one", "several", "independent")
_RANK = {level: n for n, level in enumerate(LEVELS)}

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
    level: str | None = None  # its support (LEVELS) when a claim holds it, else None


@dataclass(frozen=True)
class MatrixRow:
    claim: Claim
    cells: dict[str, ClaimSentence]  # article id -> the first sentence of it stating the claim
    level: str  # support_level(claim)

    @property
    def corroborated(self) -> bool:
        """Carried by two outlets or more (the rows the matrix shows by default)."""
        return self.claim.support >= 2


@dataclass(frozen=True)
class Matrix:
    """The coverage matrix: every claim of the story as a row, most supported first."""

    rows: tuple[MatrixRow, ...]

    @property
    def corroborated(self) -> tuple[MatrixRow, ...]:
        return tuple(r for r in self.rows if r.corroborated)

    @property
    def single(self) -> int:
        """How many rows a single outlet carries (hidden by default)."""
        return len(self.rows) - len(self.corroborated)

    def shown(self, show_all: bool) -> tuple[MatrixRow, ...]:
        return self.rows if show_all else self.corroborated


@dataclass(frozen=True)
class StatementView:
    """One statement as the templates show it: one wording per article, side by side."""

    statement: Statement
    speaker: str
    entity: str | None  # the name of the story's entity the speaker is, for its link
    wordings: tuple[Quote, ...]  # the first quote of each article, in the story's order


@dataclass(frozen=True)
class StoryView:
    """One story as the templates show it."""

    story: Story
    texts: dict[str, list[Piece]]  # article id -> its text in pieces
    # (article id, sentence start or text) -> anchor id
    anchors: dict[tuple[str, int | str], str]
    quotes_by_speaker: list[tuple[str, list]]
    statement_of: dict[str, str]  # quote id -> statement id
    matrix: Matrix = Matrix(())
    statements: tuple[StatementView, ...] = ()
    speaker_entity: dict[str, str] = field(default_factory=dict)  # speaker -> entity name
    outlets: int = 0  # the story's outlets (an article naming none counts as its own)
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
    entity_page: Callable[[str], str] | None = None  # entity name -> its page (the web)
    story: str = ""  # the story's id, for entity anchors on a page of several stories

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

    def entity(self, name: str) -> str:
        """The href of an entity: its page on the web, else its row in the story's table."""
        if self.entity_page is not None:
            return self.entity_page(name)
        return f"#{entity_anchor(self.story, name)}"


def entity_anchor(story_id: str, name: str) -> str:
    """The id of an entity's row in the report's table of a story's entities."""
    return f"ent-{story_id}-{entity_key(name)}"


def environment(*packages: str, lang: str | None = None) -> Environment:
    """Jinja environment over the templates of `packages` (then render's own), autoescaping;
    speaking `lang` (render/i18n) when given, else the chrome as written (English). Each
    language gets its own environment: pages render in threads, none is ever switched."""
    loaders = [PackageLoader(p, "templates") for p in (*packages, "recoupe.render")]
    env = Environment(loader=ChoiceLoader(loaders),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    # Chrome strings are written `{{ _("...") }}` / `{% trans %}`; until a catalogue is
    # installed for the reader's language they render as written (English).
    env.install_null_translations(newstyle=True)
    env.filters["clean"] = printable
    env.globals["matrix_cells"] = matrix_cells
    env.globals.update(charts.template_globals())
    env.globals["UNKNOWN_SPEAKER"] = UNKNOWN_SPEAKER
    return i18n.install(env, lang) if lang else env


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


def support_level(claim: Claim) -> str:
    """A claim -> how far it is borne out (LEVELS): a claim one outlet alone carries is "one",
    however often that outlet says it; copies of one text count once for "independent"."""
    if claim.independent_support >= 2:
        return "independent"
    return "several" if claim.support >= 2 else "one"


def sentence_levels(story: Story) -> dict[str, list[tuple[Cited, str]]]:
    """Story -> article id -> each sentence of it that states a claim, with the claim's
    support level (a sentence stating several claims is listed with each)."""
    out: dict[str, list[tuple[Cited, str]]] = {}
    for c in story.claims:
        level = support_level(c)
        for s in c.sentences:
            out.setdefault(s.article, []).append((Cited(s.text, s.start, s.end), level))
    return out


def pieces(article: Article, sentences: list[Cited] | list[str],
           levels: Iterable[tuple[Cited, str]] = ()
           ) -> tuple[list[Piece], dict[int | str, str]]:
    """An article's text cut into plain and highlighted pieces, and where each highlighted
    sentence's anchor is: by its start offset, and by its text (for its first place). With
    `levels` (sentence_levels of the article), each highlighted piece that a claim's sentence
    overlaps carries the best support level among those claims."""
    spans = []
    for cited in sentences:
        found = (Cited(cited) if isinstance(cited, str) else cited).span(article.text)
        if found and not any(s < found[1] and found[0] < e for s, e in spans):
            spans.append(found)
    spans.sort()
    best = _levels_of(article.text, spans, levels)
    out, anchors, pos = [], {}, 0
    for n, (start, end) in enumerate(spans, 1):
        if start > pos:
            out.append(Piece(article.text[pos:start], None))
        anchor = f"s-{article.id}-{n}"
        anchors[start] = anchor
        anchors.setdefault(article.text[start:end], anchor)
        out.append(Piece(article.text[start:end], anchor, best.get(start)))
        pos = end
    if pos < len(article.text):
        out.append(Piece(article.text[pos:], None))
    return out, anchors


def _levels_of(text: str, spans: list[tuple[int, int]],
               levels: Iterable[tuple[Cited, str]]) -> dict[int, str]:
    """Highlighted spans (sorted, disjoint) -> start of each -> the best level among the
    claim sentences that overlap it. Each claim sentence is placed by bisection, so the cost
    is (spans + sentences) x log(spans)."""
    starts = [s for s, _ in spans]
    best: dict[int, str] = {}
    for cited, level in levels:
        found = cited.span(text)
        if found is None:
            continue
        i = bisect_right(starts, found[0]) - 1
        # the span holding the sentence's start, then any that start inside the sentence
        for j in range(max(i, 0), len(spans)):
            s, e = spans[j]
            if s >= found[1]:
                break
            if e > found[0] and (s not in best or _RANK[level] > _RANK[best[s]]):
                best[s] = level
    return best


def matrix_view(story: Story) -> Matrix:
    """Story -> its coverage matrix: every claim as a row, sorted by support (outlets, then
    independent sources, then articles; ties keep the story's order), its cells from an index
    built once per claim (article -> the claim's first sentence in it)."""
    rows = []
    for c in story.claims:
        cells: dict[str, ClaimSentence] = {}
        for s in c.sentences:
            cells.setdefault(s.article, s)
        rows.append(MatrixRow(c, cells, support_level(c)))
    rows.sort(key=lambda r: (-r.claim.support, -r.claim.independent_support, -len(r.cells)))
    return Matrix(tuple(rows))


def matrix_cells(row: MatrixRow, columns: Iterable[str], ln: Links) -> Markup:
    """A matrix row's article cells as HTML: a dot linking to the article's sentence where it
    states the claim, an empty cell elsewhere. Written here rather than as a loop of the
    template because a real story's matrix has hundreds of thousands of cells (2,400 claims x
    200 articles) and Jinja's per-cell dispatch made that loop most of the page's time
    (benchmarks/html_matrix.py: 5.8 s as a template loop over an index, 0.45 s here, 38 s
    for the former scan of each claim's sentences per cell); every article value is escaped
    here as autoescape would. The row's few hits are placed by the columns' positions
    (indexed once per column sequence) and the runs of empty cells between them written
    at once: a Python step per cell made this most of the page at 1,000 articles (4 million
    cells)."""
    positions = _column_positions(columns)
    hits = sorted((p, aid) for aid in row.cells for p in positions[1].get(aid, ()))
    out = []
    at = 0
    for p, aid in hits:
        own = row.cells[aid]
        out.append(_EMPTY * (p - at))
        out.append(f'<td class="hit"><a href="{escape(ln.cite(aid, own.text, own.start))}"'
                   f' title="{escape(printable(own.text))}">●</a></td>')
        at = p + 1
    out.append(_EMPTY * (positions[0] - at))
    return Markup("".join(out))


_EMPTY = "<td></td>"
# The last column sequence indexed and its index: every row of a matrix passes the same
# tuple (the story's articles); one (key, value) pair, replaced whole, so that threads
# rendering other stories at once read a consistent pair.
_last_columns: tuple[object, tuple[int, dict[str, list[int]]]] = ((), (0, {}))


def _column_positions(columns: Iterable[str]) -> tuple[int, dict[str, list[int]]]:
    """Columns -> (their count, article id -> its positions among them)."""
    global _last_columns
    key, value = _last_columns
    if key is columns:
        return value
    cols = list(columns)
    index: dict[str, list[int]] = {}
    for p, aid in enumerate(cols):
        index.setdefault(aid, []).append(p)
    value = (len(cols), index)
    if isinstance(columns, tuple):  # immutable: its positions cannot change under the cache
        _last_columns = (columns, value)
    return value


def _speaker_entities(story: Story) -> dict[str, str]:
    """Speaker as written -> the name of the story entity it is: the entity the cross-check
    tied the quote to, else the entity whose name or spelling folds to the same key. A speaker
    that matches none (a role, "le ministre") gets no link rather than a guessed one."""
    by_id = {e.id: e.name for e in story.entities}
    by_key: dict[str, str] = {}
    for e in story.entities:
        for v in (e.name, *e.variants):
            by_key.setdefault(entity_key(v), e.name)
    out: dict[str, str] = {}
    for q in story.quotes:
        if not q.speaker or q.speaker in out:
            continue
        name = by_id.get(q.speaker_entity or "") or by_key.get(entity_key(q.speaker))
        if name:
            out[q.speaker] = name
    return out


def _statement_views(story: Story, speakers: dict[str, str]) -> tuple[StatementView, ...]:
    quotes = {q.id: q for q in story.quotes}
    order = {aid: n for n, aid in enumerate(story.articles)}
    views = []
    for st in story.statements:
        first: dict[str, Quote] = {}
        for qid in st.quotes:
            q = quotes.get(qid)
            if q is not None:
                first.setdefault(q.article, q)
        if not first:
            continue
        wordings = tuple(sorted(first.values(), key=lambda q: order.get(q.article, len(order))))
        speaker = st.speaker or next((q.speaker for q in wordings if q.speaker), None) or ""
        views.append(StatementView(st, speaker, speakers.get(speaker), wordings))
    return tuple(views)


def story_view(story: Story, articles: Iterable[Article], lang: str | None = None,
               outlets: int | None = None) -> StoryView:
    """A story and the articles at hand (those not in it are ignored) -> its StoryView;
    `lang`, the language of its text when its articles do not say; `outlets`, the story's
    outlets when the articles at hand are not all of its own (a page of a long story), else
    counted from them as claims count support (outlet, else id)."""
    ids = set(story.articles)
    articles = [a for a in articles if a.id in ids]
    used = used_sentences(story)
    levels = sentence_levels(story)
    texts, anchors, sources = {}, {}, set()
    for a in articles:
        if a.id in ids:
            sources.add(a.outlet or a.id)
            texts[a.id], found = pieces(a, used.get(a.id, []), levels.get(a.id, ()))
            anchors.update({(a.id, key): anchor for key, anchor in found.items()})
    quotes_by_speaker: dict[str, list] = {}
    for q in story.quotes:
        quotes_by_speaker.setdefault(q.speaker or UNKNOWN_SPEAKER, []).append(q)
    statement_of = {qid: st.id for st in story.statements for qid in st.quotes}
    speakers = _speaker_entities(story)
    return StoryView(story, texts, anchors, sorted(quotes_by_speaker.items()), statement_of,
                     matrix_view(story), _statement_views(story, speakers), speakers,
                     len(sources) if outlets is None else outlets,
                     i18n.content_language(a.language for a in articles) or i18n.primary(lang))
