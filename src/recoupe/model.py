"""The one vocabulary of recoupe: frozen dataclasses that flow between stages.

In: nothing (this module only defines types).
Out: RawDoc (read), Article (clean), AnnotatedArticle with its Sentence, Token, Mention,
Quote and DateRef (annotate), Entity and Story (cross-check), Brief (what renderers read),
InputProblem (one bad input, reported and skipped), and for the corpus database
ArticleInfo, StoryInfo, EntityInfo and OutletInfo (listings for `recoupe stories` and the web),
and StoryFeatures (what story grouping keeps of each article).

Every collection field is a tuple so that values stay hashable and cannot be mutated by a
stage; a stage makes new values with `dataclasses.replace`. Offsets are character offsets
into `Article.text`. Dates are ISO 8601 strings that may be partial ("2023", "2023-09");
a date expression also keeps what it wrote down, unresolved, as a `PartialDate` (defined on
the ground floor, `recoupe.partialdate`, and named here so the codec finds it by name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .partialdate import PartialDate


@dataclass(frozen=True)
class RawDoc:
    """One document as read from a source, decoded to text but not yet cleaned.

    `kind` is "text" (plain text body) or "html" (an HTML page to extract). The metadata
    fields hold what the container itself said (a JSONL object, a feed item, an HTTP page):
    the cleaner keeps them and adds what it finds in the text.
    """

    id: str
    source: str  # file path, URL, "<stdin>", or "path:line" for one JSONL record
    content: str
    kind: str = "text"  # "text" | "html"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article: body text without the web's debris, and its metadata."""

    id: str
    source: str
    text: str  # cleaned body, paragraphs separated by blank lines
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()  # lines taken out as boilerplate, verbatim
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse, kept so that cross-article stages never re-run the model."""

    text: str
    start: int  # character offset in Article.text
    lemma: str
    pos: str
    dep: str
    head: int  # index of the head token within the article
    morph: str = ""
    space: bool = True  # followed by white space


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention as the NER found it, with its offsets in the article text."""

    text: str
    label: str  # PER | LOC | ORG | MISC
    start: int
    end: int
    sentence: int  # index into AnnotatedArticle.sentences
    token_start: int = 0  # first token index
    token_end: int = 0  # one past the last token index


@dataclass(frozen=True)
class Quote:
    """What one article says somebody said: the words, who said them, and who relayed them.

    Found per article (annotate stage): `speaker` is the speaker as the article names them
    ("M. Dupont", "le ministre de l'Intérieur", "il"), with its offsets; the cross-article
    stage resolves it to an entity and fills `speaker_entity`.
    """

    id: str  # "<article id>:q<n>"
    text: str  # the quoted words (direct, partial) or the reported clause (indirect)
    kind: str  # "direct" | "partial" | "indirect"
    article: str
    sentence: int  # index into AnnotatedArticle.sentences
    start: int  # offsets of `text` in Article.text
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None  # "name" | "role" | "pronoun" | None
    via: str | None = None  # the upstream source the outlet says it relays ("TASS")
    speaker_entity: str | None = None
    sentence_text: str | None = None  # the sentence (or headline) it stands in, for reports


@dataclass(frozen=True)
class DateRef:
    """A date expression in an article and the date it stands for, as far as it is known."""

    text: str
    start: int  # offsets in Article.text
    end: int
    sentence: int
    value: str | None  # ISO 8601, possibly partial ("2023", "2023-09"); None if unresolved
    # True when the value follows from the text alone or from a known publication date;
    # False when it rests on a guess (an anchor that is itself uncertain).
    certain: bool = True
    # What the expression writes down, unresolved: read against another anchor (an undated
    # article's "mardi" against its story's day) without going back to the text. None in
    # articles stored before it was kept.
    partial: PartialDate | None = None


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    language: str | None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    # One meaning vector per sentence, packed (annotate.vectors): base64 of float16 rows.
    vectors: str = ""


@dataclass(frozen=True)
class Entity:
    """One real-world thing across all articles, with every spelling it was written in."""

    id: str
    name: str
    type: str  # PER | LOC | ORG | MISC
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class Statement:
    """One thing a speaker said, as several outlets report it, in their own words."""

    id: str
    speaker: str | None
    gist: str  # the fullest wording among its quotes
    quotes: tuple[str, ...]  # quote ids
    articles: tuple[str, ...]


@dataclass(frozen=True)
class ClaimSentence:
    article: str
    text: str
    # Offsets of `text` in the article's text (None when not known, e.g. older stored briefs).
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Span:
    """Where a cited sentence stands: character offsets into one article's text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A fact the outlets assert, with the sentence each of them asserts it in."""

    id: str
    text: str  # the sentence of the earliest article that asserts it
    articles: tuple[str, ...]
    support: int  # outlets that carry it
    independent_support: int  # after folding copies of one text (the same wire copy)
    sentences: tuple[ClaimSentence, ...]


@dataclass(frozen=True)
class SummarySentence:
    text: str
    articles: tuple[str, ...]  # the articles whose own text bears the sentence out
    spans: tuple[Span, ...] = ()  # the sentence of each cited article that bears it out


@dataclass(frozen=True)
class DiscrepancyValue:
    article: str
    text: str
    # Offsets of `text` in the article's text, when it stands there (a caption does not).
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Discrepancy:
    """Outlets (or one article with itself) giving different values for one thing, shown
    side by side; recoupe does not decide which is right."""

    id: str
    about: str
    kind: str  # wording | direction | count | duration | time | amount | distance
    values: tuple[DiscrepancyValue, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """Something dated in the story, with the articles that date it."""

    date: str  # ISO 8601, possibly partial
    text: str  # the sentence that dates it, from the earliest article that does
    articles: tuple[str, ...]
    # False when the date rests on an anchor the articles do not give (an undated article's
    # "mardi" read against the story's date).
    certain: bool = True
    spans: tuple[Span, ...] = ()  # each article's own sentence that dates it


@dataclass(frozen=True)
class Story:
    id: str
    title: str | None
    when: str | None
    where: str | None
    articles: tuple[str, ...]  # article ids, newest last
    entities: tuple[Entity, ...] = ()
    # Filled by the cross-check stages of later work; kept in the contract as empty lists.
    quotes: tuple = ()
    statements: tuple = ()
    claims: tuple = ()
    discrepancies: tuple = ()
    timeline: tuple = ()
    summary: tuple = ()


@dataclass(frozen=True)
class InputProblem:
    """One input that could not be used, and why, in words a user can act on."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Brief:
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    problems: tuple[InputProblem, ...] = field(default=())
    format: str = "recoupe.brief/1"


# -- the corpus (issue 4): what the store lists and the web UI shows ------------------------


@dataclass(frozen=True)
class ArticleInfo:
    """One stored article, as listed (no text)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    story: str | None  # id of the story it belongs to
    copy_of: str | None = None  # id of the earlier article it is a near-copy of, if any


@dataclass(frozen=True)
class StoryInfo:
    """One story of the corpus, as listed: `when` is its event day, `first`/`last` the
    publication days of its earliest and latest articles."""

    id: str
    title: str | None
    when: str | None
    where: str | None
    articles: tuple[str, ...]  # article ids, oldest first
    outlets: tuple[str, ...]
    first: str | None = None
    last: str | None = None


@dataclass(frozen=True)
class EntityInfo:
    """One entity across the corpus: `key` is its URL-safe key (`text.entity_key(name)`)."""

    key: str
    name: str
    type: str
    variants: tuple[str, ...]
    stories: tuple[StoryInfo, ...]


@dataclass(frozen=True)
class OutletInfo:
    """One outlet: its articles, the claims it carries, and how many of them it alone carries."""

    name: str
    articles: tuple[ArticleInfo, ...]
    claims: int
    sole_source: int
    size: int = 0  # number of articles (also when `articles` is not listed)


# -- grouping (group/stories.py): what the grouper keeps of each article, stored with it --


@dataclass(frozen=True)
class StoryFeatures:
    """What grouping knows of one article: plain values, stored with it."""

    article: str
    day: str | None  # YYYY-MM-DD: the day it was published, if known
    refs: tuple[str, ...]  # the days its text names: YYYY-MM-DD, or --MM-DD without a year
    terms: tuple[tuple[str, float], ...]  # (term, weight), heaviest first, unit length
    # Of `refs`, the days its text names as ahead of it: a bound ("jusqu'au 15 juin", "d'ici
    # au 3 mars"), "prochain", or a verb in the future tense.
    ahead: tuple[str, ...] = ()
    # Of `refs`, the days its text names as the start of a state or a stretch ("depuis le
    # 2 mai", "entre le 3 et le 9 mars"): it is written after them, how long after is unknown.
    since: tuple[str, ...] = ()

    @property
    def time(self) -> str | None:
        """When it is about: its publication day, else a day its text names: one without a
        year if any (what an undated article calls "le 9 juin" is recent news), the latest
        of those named within `_NEWS_STRETCH` days of another: a day named alone, far from
        the others, is as often a date ahead ("invité le 3 octobre") or a background as
        the news day. The latest day of its kind when none are close.

        A day named as ahead is not when the article is, only a bound it is before; a day
        more than `_NEWS_STRETCH` days before every such bound is a background ("depuis le
        27 janvier ... jusqu'au 15 juin"). None when no day is left: the article is then as
        undated, placed by its words alone, not by a day that would hold it out of its
        story."""
        if self.day:
            return self.day
        named = [r for r in self.refs if r not in self.ahead and r not in self.since]
        if self.ahead:
            named = [r for r in named
                     if any(days_before(r, a) <= _NEWS_STRETCH for a in self.ahead)]
        days = [r for r in named if r.startswith("--")] or named
        close = [d for d in days if any(o != d and abs(days_before(d, o)) <= _NEWS_STRETCH
                                        for o in days)]
        return _latest(close or days)


_NEWS_STRETCH = 14  # days: two days a text names this close are one stretch of its news


def _latest(days: list[str]) -> str | None:
    """The latest of some days; days without a year are read on a circle: the latest is the
    one the widest gap follows ("--01-03" after "--12-28")."""
    if not days or not days[0].startswith("--"):
        return max(days, default=None)
    ordered = sorted(set(days))
    try:
        at = [date.fromisoformat("2000" + d[1:]).toordinal() for d in ordered]
    except ValueError:
        return max(ordered)
    after = [(at[(i + 1) % len(at)] - at[i]) % 366 or 366 for i in range(len(at))]
    return ordered[max(range(len(at)), key=lambda i: (after[i], i))]


def days_before(day: str, bound: str) -> int:
    """Days from `day` to `bound` (negative when it is after it); read on a circle of days
    of the year, within half a year either way, when either has no year ("--12-30" is 3
    days before "2025-01-02"); a large number when either cannot be read. The one reading of
    gaps between days for grouping (`group.stories`) and for an article's time."""
    if day.startswith("--") or bound.startswith("--"):
        x, y = _ordinal("--" + day[-5:]), _ordinal("--" + bound[-5:])
        if x is None or y is None:
            return 1 << 20
        gap = (y - x) % 366
        return gap if gap <= 183 else gap - 366
    x, y = _ordinal(day[:10]), _ordinal(bound[:10])
    return 1 << 20 if x is None or y is None else y - x


@lru_cache(maxsize=100_000)
def _ordinal(day: str) -> int | None:
    """A day (YYYY-MM-DD, or --MM-DD read in a leap year so that "--02-29" is one) -> its
    ordinal, None if it is no day."""
    try:
        return date.fromisoformat(("2000" + day[1:]) if day.startswith("--") else day).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class StoryProfile:
    """What the grouper keeps of one story: its centroid (summed term weights, its heaviest
    terms), when its articles are, the days their texts name, and the terms it is indexed
    under."""

    id: str
    centroid: tuple[tuple[str, float], ...]
    times: tuple[str, ...]
    day_refs: tuple[tuple[str, int], ...]
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupDelta:
    """What a grouper with a stored state changed: profiles to write (whole), and index
    entries to add (term -> story in order of indexing; day -> story)."""

    profiles: tuple[StoryProfile, ...]
    terms: tuple[tuple[str, str], ...]
    days: tuple[tuple[str, str], ...]
