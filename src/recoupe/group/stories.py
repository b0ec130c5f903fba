"""Annotated articles -> stories: articles about one event grouped, incrementally, as they come.

In: `features(annotated)` reads what grouping needs from one AnnotatedArticle (its day, the
days its text names, and a weighted bag of its terms); `StoryGrouper.add(features)` puts one
article in a story and returns the story's id; `group(annotated)` does a whole batch.
Out: story ids (`s1`, `s2`... in order of creation) per article; `StoryGrouper.delta()` the
profiles and index entries that changed, for a corpus that keeps the grouper's state.

State: the grouper's stories (`StoryProfile`: centroid, times, named days) and its two
indexes (term -> stories, day -> stories) live in memory for a batch. A growing corpus gives
the grouper a `GroupLookup` over its stored state instead: the grouper then loads only the
stories and index entries the new articles' terms and days lead to, so the cost of adding an
article does not grow with the corpus, and writes back only what changed (`delta()`).

How an article finds its story:
- Terms: nouns, verbs and proper-noun lemmas of the text, the words of its named entities and
  headline (weighted up), each weighted by how rare the word is in the language (wordfreq's
  Zipf frequency), not by the corpus: a weight does not change as the corpus grows, so a story
  never needs re-weighting and a batch gives the same stories in one go or in pieces.
- Blocking: each story is indexed under its heaviest terms; an article looks only at the
  stories indexed under its own heaviest terms, and for each term only at the most recent
  stories there (`recent`), plus the stories whose key days its text names. The cost per
  article is bounded, so grouping grows about linearly with the corpus.
- Time: a dated article joins only a story with an article published within `window_days`
  of it; an undated one is not held by time. A later article (weeks or months after) joins an
  older story as a follow-up only if its text names one of the story's key days (its
  publication days and its event day) and it is at least `followup_threshold` alike.
- A time read from the text (no publication day, `text_window_days`) is a guess. French news
  writes the year for days of past years and leaves it out for this year's, so a day with a
  year read from an undated article is as often a background (a record, a previous edition)
  as the news day: such an article comes after the others in a batch (`arrival_order`), and
  well before a story it may still join it at `followup_threshold`. A text-timed article
  timed by a day of this year is held out of a story well before or after it (a sibling
  event a month apart names its own days).
- A day the text names as ahead of it (a bound, "jusqu'au 15 juin", "d'ici le 3 mars";
  "prochain"; a verb in the future tense), or as a start ("depuis le 2 mai", "à compter
  du": the text is written after it, how long after is unknown), is not when the article
  is (`dateroles` reads both from the stored tokens and dates). An article whose days are
  all ahead of it is near a story with a time just before one of them; it does not join a
  story all after them (it was written before them), and joins one well before them only at
  `followup_threshold` (how long before is unknown): not held out of its own story by an end
  date, and not put, at the join threshold, in another subject's story that happens to be
  near that end date.
- Score: cosine between the article's terms and the story's centroid (the sum of its
  articles' term vectors, kept to its `centroid_terms` heaviest).
- Second look (`add_all`, a batch): an article that would stay alone in a new story is
  often only early, placed before the articles that make its story's profile (online
  grouping depends on order). So a batch is grouped once on a trial copy, and the articles
  left alone there are added again after all the others, with the same thresholds and time
  rules: only the stories this batch leads to are touched, and one article added alone is
  placed as before.
"""

from __future__ import annotations

import copy
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from ..config import GroupConfig
from ..dateroles import named_ahead, named_as_start
from ..model import (
    AnnotatedArticle,
    GroupDelta,
    StoryFeatures,
    StoryProfile,
    days_before,
)
from ..text import fold

_POS = {"NOUN", "PROPN", "VERB"}
_WORD = re.compile(r"[^\W\d_]{3,}")
_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}")
_MONTH_DAY = re.compile(r"\A--\d{2}-\d{2}")  # a day named without its year
_TERMS_KEPT = 60  # an article's heaviest terms, kept for scoring
_BLOCK_TERMS = 12  # of those, the ones it is looked up (and indexed) by
_NAME_BOOST = 2.0  # a named entity's words, and the headline's, count this much more


def features(annotated: AnnotatedArticle) -> StoryFeatures:
    """AnnotatedArticle -> StoryFeatures (no model: tokens, mentions and dates as stored)."""
    article = annotated.article
    language = annotated.language or article.language or "fr"
    counts: Counter[str] = Counter()
    for token in annotated.tokens:
        if token.pos in _POS:
            for word in _WORD.findall(fold(token.lemma or token.text)):
                counts[word] += 1.0
    for mention in annotated.mentions:
        for word in _WORD.findall(fold(mention.text)):
            counts[word] += _NAME_BOOST - 1.0  # its token was counted once above
    for word in _WORD.findall(fold(article.title or "")):
        counts[word] += _NAME_BOOST
    weights = {w: (1.0 + math.log(n)) * _rarity(w, language) for w, n in counts.items() if n > 0}
    top = heapq.nlargest(_TERMS_KEPT, weights.items(), key=lambda kv: (kv[1], kv[0]))
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    named = [d for d in annotated.dates
             if d.certain and d.value and (_DAY.match(d.value) or _MONTH_DAY.match(d.value))]
    refs = sorted({d.value[:10] for d in named})
    # A day is ahead (or a start) only if the text never names it otherwise ("le 15 juin"
    # said twice).
    said = {d.value[:10] for d in named if not named_ahead(d, annotated, language)}
    ahead = tuple(r for r in refs if r not in said)
    plain = {d.value[:10] for d in named if not named_as_start(d, annotated, language)}
    since = tuple(r for r in refs if r not in plain and r not in ahead)
    day = (article.published or "")[:10] if _DAY.match(article.published or "") else None
    return StoryFeatures(article.id, day or None, tuple(refs),
                         tuple((w, round(v / norm, 6)) for w, v in top), ahead, since)


@lru_cache(maxsize=200_000)
def _rarity(word: str, language: str) -> float:
    """A word -> its weight: 0 for the commonest words of the language, up to 8 for words
    wordfreq has never seen (names, rare terms)."""
    from wordfreq import zipf_frequency

    return max(0.0, 8.0 - zipf_frequency(word, language)) ** 1.5 / 8.0


@dataclass
class _Story:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    times: set[str] = field(default_factory=set)  # when its articles are (`StoryFeatures.time`)
    day_refs: Counter = field(default_factory=Counter)  # days its articles' texts name

    def key_days(self) -> set[str]:
        """Its articles' days and its event day (the day its articles name most)."""
        keys = set(self.times)
        if self.day_refs:
            keys.add(self.day_refs.most_common(1)[0][0])
        return keys


class GroupLookup(Protocol):
    """A stored grouper state, read on demand (the corpus database implements it)."""

    def stories_by_term(self, term: str, recent: int) -> list[str]:
        """The latest `recent` stories indexed under `term`, oldest first."""

    def stories_by_day(self, day: str) -> list[str]:
        """The stories one of whose key days is this day of the year ("MM-DD")."""

    def profile(self, story_id: str) -> StoryProfile | None: ...

    def last_story_number(self) -> int:
        """The highest n of the stories "s<n>" made so far (0 if none)."""


class StoryGrouper:
    """Stories grown one article at a time; `add` returns the story an article joined."""

    def __init__(self, config: GroupConfig | None = None, lookup: GroupLookup | None = None):
        self.config = config or GroupConfig()
        self.stories: dict[str, _Story] = {}
        self._by_term: dict[str, list[str]] = defaultdict(list)
        self._by_day: dict[str, set[str]] = defaultdict(set)
        self._indexed: dict[str, set[str]] = defaultdict(set)  # story -> its indexed terms
        self._lookup = lookup
        self._number = lookup.last_story_number() if lookup else 0
        self._loaded_terms: set[str] = set()
        self._loaded_days: set[str] = set()
        self._changed: set[str] = set()
        self._new_terms: list[tuple[str, str]] = []
        self._new_days: list[tuple[str, str]] = []

    def delta(self) -> GroupDelta:
        """The profiles and index entries changed since the grouper was made."""
        return GroupDelta(tuple(self._profile(self.stories[sid]) for sid in sorted(self._changed)),
                          tuple(self._new_terms), tuple(self._new_days))

    def _profile(self, story: _Story) -> StoryProfile:
        return StoryProfile(story.id, tuple(story.centroid.items()), tuple(sorted(story.times)),
                            tuple(story.day_refs.items()), tuple(sorted(self._indexed[story.id])))

    def _story(self, story_id: str) -> _Story | None:
        story = self.stories.get(story_id)
        if story is None and self._lookup is not None:
            profile = self._lookup.profile(story_id)
            if profile is not None:
                story = _Story(profile.id, dict(profile.centroid), 0.0, set(profile.times),
                               Counter(dict(profile.day_refs)))
                story.norm = math.sqrt(sum(v * v for v in story.centroid.values()))
                self.stories[story_id] = story
                self._indexed[story_id] = set(profile.terms)
        return story

    def _term_pool(self, term: str) -> list[str]:
        if self._lookup is not None and term not in self._loaded_terms:
            self._loaded_terms.add(term)
            stored = self._lookup.stories_by_term(term, self.config.recent)
            self._by_term[term][:0] = [sid for sid in stored if sid not in self._by_term[term]]
        return self._by_term.get(term, [])

    def _day_pool(self, day: str) -> set[str]:
        if self._lookup is not None and day not in self._loaded_days:
            self._loaded_days.add(day)
            self._by_day[day].update(self._lookup.stories_by_day(day))
        return self._by_day.get(day, set())

    def add(self, f: StoryFeatures) -> str:
        """One article's features -> the id of the story it joins (a new one if none fits)."""
        best, best_score = None, 0.0
        for story, needed in self._candidates(f):
            score = _cosine(f.terms, story)
            if score >= needed and score > best_score:
                best, best_score = story, score
        if best is None:
            self._number += 1
            best = _Story(f"s{self._number}")
            self.stories[best.id] = best
        self.place(f, best.id)
        return best.id

    def add_all(self, items: Iterable[StoryFeatures]) -> dict[str, str]:
        """A batch of features -> {article id: story id}, oldest first (`arrival_order`), with
        a second look for the articles a first pass leaves alone in a new story."""
        order = arrival_order(list(items))
        if len(order) > 1:
            # The trial shares the stored state (read only); its changes are thrown away.
            trial = copy.deepcopy(self, {id(self._lookup): self._lookup})
            first = {f.article: trial.add(f) for f in order}
            sizes = Counter(first.values())
            alone = {a for a, sid in first.items()
                     if sizes[sid] == 1 and _number(sid) > self._number}
            order = ([f for f in order if f.article not in alone]
                     + [f for f in order if f.article in alone])
        return {f.article: self.add(f) for f in order}

    def place(self, f: StoryFeatures, story_id: str) -> None:
        """Put an article in a given story (a new or stored one) without scoring it: how a
        stored corpus's stories are rebuilt before new articles are added."""
        story = self._story(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id)
            self._number = max(self._number, _number(story_id))
        self._changed.add(story_id)
        for term, weight in f.terms:
            story.centroid[term] = story.centroid.get(term, 0.0) + weight
        if len(story.centroid) > 2 * self.config.centroid_terms:
            kept = heapq.nlargest(self.config.centroid_terms, story.centroid.items(),
                                  key=lambda kv: kv[1])
            story.centroid = dict(kept)
        story.norm = math.sqrt(sum(v * v for v in story.centroid.values()))
        if f.time:
            story.times.add(f.time)
        story.day_refs.update(f.refs)
        for day in story.key_days():
            if story.id not in self._day_pool(day[-5:]):
                self._by_day[day[-5:]].add(story.id)
                self._new_days.append((day[-5:], story.id))
        for term, _ in f.terms[:_BLOCK_TERMS]:
            if term not in self._indexed[story.id]:
                self._term_pool(term)  # stored entries first, so that the order holds
                self._indexed[story.id].add(term)
                self._by_term[term].append(story.id)
                self._new_terms.append((term, story.id))

    def _candidates(self, f: StoryFeatures) -> Iterable[tuple[_Story, float]]:
        """The stories worth scoring for `f`, each with the likeness it needs to join: the
        join threshold, or the follow-up one for an article well after the story naming one
        of its key days, and for a text-timed article well before it (see `_earlier`)."""
        seen: set[str] = set()
        recent = self.config.recent
        pools = [self._term_pool(term)[-recent:] for term, _ in f.terms[:_BLOCK_TERMS]]
        pools += [self._day_pool(day[-5:]) for day in f.refs]
        for pool in pools:
            for sid in pool:
                if sid in seen:
                    continue
                seen.add(sid)
                story = self._story(sid)
                if story is None:
                    continue
                when = self._when(f, story)
                if when == "near":
                    yield story, self.config.join_threshold
                elif when == "bounded":
                    if self._before_bound(f, story):
                        yield story, self.config.followup_threshold
                elif when == "later" and self._names_its_days(f, story):
                    yield story, self.config.followup_threshold
                elif when == "earlier" and f.day is None:
                    needed = self._earlier(f, story)
                    if needed is not None:
                        yield story, needed

    def _when(self, f: StoryFeatures, story: _Story) -> str:
        """"near" (within the window of one of its articles, or either is undated), "later"
        or "earlier"; "bounded" for an article whose only days are ahead of it, near none of
        the story's times (see `_before_bound`)."""
        if f.time is None and f.day is None and f.ahead and story.times:
            window = self.config.text_window_days
            if any(-self.config.window_days <= days_before(t, a) <= window
                   for t in story.times for a in f.ahead):
                return "near"
            return "bounded"
        if f.time is None or not story.times:
            return "near"
        gaps = [_gap(f.time, t) for t in story.times]
        # A time read from the text (no publication day) is looser: allow more days.
        window = self.config.window_days if f.day else self.config.text_window_days
        if any(abs(g) <= window for g in gaps):
            return "near"
        return "later" if min(gaps) > 0 else "earlier"

    def _earlier(self, f: StoryFeatures, story: _Story) -> float | None:
        """The likeness a text-timed article well before a story needs to join it, or None
        if its time holds it out: a day with a year, likely a background, does not (the
        follow-up threshold); a day of this year does (an earlier sibling event).

        Not done, measured: an article timed by a day the story's texts name ("when it
        began") joining at the join threshold found its story on rpm2-dev but put more
        wrong support counts in the claims than right ones (claims precision 0.863 -> 0.846;
        measured again after the claims work: 0.872 -> 0.855, by event P 0.619 -> 0.617).
        Nor a day after "depuis" read as a start the article is after (the mirror of a day
        ahead): it made more events one story alone (169/200 kept) but claims precision fell
        to 0.851 and by event P to 0.609.
        """
        if not (f.time or "").startswith("--"):
            return self.config.followup_threshold
        return None

    def _before_bound(self, f: StoryFeatures, story: _Story) -> bool:
        """Whether a story may be what an article whose days are all ahead of it ("jusqu'au
        15 juin", "sera reçu le 1er septembre") is about: not a story all after those days
        (the article was written before them); one well before them it may be, but how long
        before is unknown, so it needs the follow-up likeness."""
        return any(days_before(t, a) > 0 for t in story.times for a in f.ahead)

    @staticmethod
    def _names_its_days(f: StoryFeatures, story: _Story) -> bool:
        keys = story.key_days()
        return any(_gap(r, k) == 0 for r in f.refs for k in keys)


def group(annotated: Sequence[AnnotatedArticle], config: GroupConfig | None = None
          ) -> dict[str, str]:
    """A batch -> {article id: story id}, articles taken oldest first (undated last) so that
    a follow-up finds the story it follows; see `StoryGrouper.add_all`."""
    return StoryGrouper(config).add_all([features(a) for a in annotated])


def arrival_order(items: Sequence[StoryFeatures]) -> list[StoryFeatures]:
    """Features oldest first (by `time`, a day without a year after those with one), then
    undated articles timed by a day with a year from their text, articles with no time last,
    otherwise in the order given.

    A text-read day with a year comes after the others because it is the least sure time
    (often a background day, years back): taken first, it would found a story the surer
    articles are then "later" than and kept out of."""
    return sorted(items, key=lambda f: (f.time is None, _text_year(f),
                                        (f.time or "").startswith("--"), f.time or ""))


def _text_year(f: StoryFeatures) -> bool:
    """Whether `f` is timed by a day with a year read from its text (no publication day)."""
    return f.day is None and f.time is not None and not f.time.startswith("--")


def _number(story_id: str) -> int:
    """"s12" -> 12 (0 for an id the grouper did not make)."""
    number = story_id[1:]
    return int(number) if story_id.startswith("s") and number.isdigit() else 0


def _cosine(terms: tuple[tuple[str, float], ...], story: _Story) -> float:
    centroid = story.centroid
    dot = sum(w * centroid.get(t, 0.0) for t, w in terms)
    return dot / story.norm if dot > 0.0 else 0.0


def _gap(a: str, b: str) -> int:
    """Days from b to a (`model.days_before`): when either has no year, the shortest gap
    between their days of the year (so "--12-30" and "2024-01-02" are 3 days apart)."""
    return days_before(b, a)
