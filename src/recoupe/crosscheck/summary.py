"""A story's claims -> a short extractive summary whose every sentence cites its sources.

In: the story's claims (each with its sentences and their offsets). Out: up to N
`SummarySentence`s, the story's news first, then its most corroborated developments.

What is news: journalists put it first (the inverted pyramid), so a claim weighs more the
earlier its sentences stand in their articles (an article's first sentence most); background
that many outlets repeat (an old ruling, a reminder) stands lower and weighs less. That
weight grows with the outlets that carry the claim (corroboration). Each sentence of a claim
is then scored by what the story is about: the mean, over its content words, of the share of
the story's articles that use the word. The best sentences are taken in turn, one per claim,
skipping one that says again what a taken one said (shared rare words) and one that does not
read on its own (a fragment, an opening pronoun, quoted words, a headline with no final stop,
a run-on). The summary keeps the order they were taken in: the news first.

Each sentence cites the claim's articles (the outlets whose own sentence states it, see
`claims`) whose sentence also shares enough of its words, each with that sentence's span.
Cost: one sort of the claims' sentences, then each candidate compared with the few sentences
taken: n log n in the number of claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .. import lang
from ..model import Claim, ClaimSentence, Span, SummarySentence
from .similarity import content_words, overlap, rarity

_REDUNDANT = 0.5  # overlap with a taken sentence past which a candidate repeats it
_BEARS_OUT = 0.3  # share of the summary sentence's words a cited article's sentence holds
_MIN_WORDS = 6  # shorter sentences lean on the one before ("Il a démenti.")
_MAX_WORDS = 45  # longer sentences say too much at once for a summary
_QUOTE_MARKS = re.compile(r"[«»“”\"]")
_END = re.compile(r"[.!…][»”\")]?\s*$")  # a question is not news: no "?"


def _stands_alone(text: str, pronouns: frozenset[str]) -> bool:
    """A summary sentence must read on its own: not a fragment (lower-case start, no final
    stop: a headline or a cut), not a question, not opened by a pronoun whose person is in
    another sentence, not someone's quoted words, neither so short that it leans on the
    sentence before nor a run-on too long to read at a glance."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return (first[:1].isupper() and first.lower().strip(",") not in pronouns
            and not _QUOTE_MARKS.search(text) and bool(_END.search(text))
            and _MIN_WORDS <= len(text.split()) <= _MAX_WORDS)


def _ranks(claims: Sequence[Claim]) -> dict[tuple[str, int | None], int]:
    """(article, sentence start) -> the sentence's rank among the article's claim sentences
    (0 for its first)."""
    starts: dict[str, set[int]] = defaultdict(set)
    for c in claims:
        for s in c.sentences:
            # Someone's quoted words are not where an outlet states its news: they take no
            # rank, so that the narration's own order stands.
            if s.start is not None and not _QUOTE_MARKS.search(s.text):
                starts[s.article].add(s.start)
    out: dict[tuple[str, int | None], int] = {}
    for article, found in starts.items():
        for rank, start in enumerate(sorted(found)):
            out[(article, start)] = rank
    return out


_LEAD = 3.0  # how much more an article's first sentence weighs than a late one, plus one
_SUPPORT = 0.2  # added weight per outlet past the first that carries the claim


def _shares(claims: Sequence[Claim]) -> dict[str, float]:
    """Word -> the share of the story's articles whose sentences use it: what the story is
    about, as all its outlets tell it."""
    seen: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for s in c.sentences:
            for w in content_words(s.text):
                seen[w].add(s.article)
    articles = {s.article for c in claims for s in c.sentences}
    return {w: len(a) / len(articles) for w, a in seen.items()}


def _lead(sentence: ClaimSentence, ranks: dict) -> float:
    """How much a sentence's place says it is the news: 1 for an article's first sentence,
    then falling off (1/2, 1/3...); a sentence of unknown place counts as a late one."""
    rank = ranks.get((sentence.article, sentence.start))
    return 1.0 / (1 + rank) if rank is not None else 0.1


def summarize(claims: Sequence[Claim], sentences: int = 6, language: str | None = "fr"
              ) -> tuple[SummarySentence, ...]:
    """Claims -> at most `sentences` summary sentences with their citations, news first."""
    if not claims or sentences <= 0:
        return ()
    table = lang.table(language, "attribution") or lang.table("fr", "attribution")
    pronouns = frozenset(table.PRONOUNS)
    ranks = _ranks(claims)
    words = [content_words(c.text) for c in claims]
    idf = rarity(words)
    share = _shares(claims)
    pool = []
    for i, c in enumerate(claims):
        prior = ((1 + _LEAD * max(_lead(s, ranks) for s in c.sentences))
                 * (1 + _SUPPORT * (max(c.support, 1) - 1)))
        for voice in c.sentences:
            if _stands_alone(voice.text, pronouns):
                said = content_words(voice.text)
                topic = sum(share.get(w, 0.0) for w in said) / max(len(said), 1)
                pool.append((prior * topic, i, voice, said))
    pool.sort(key=lambda item: (-item[0], item[1]))
    taken: list[tuple[ClaimSentence, frozenset[str], Claim]] = []
    for _, i, voice, said in pool:
        if len(taken) == sentences:
            break
        if any(claims[i] is c or overlap(said, w, idf) >= _REDUNDANT for _, w, c in taken):
            continue
        taken.append((voice, said, claims[i]))
    return tuple(_cite(voice, said, claim) for voice, said, claim in taken)


def _cite(voice: ClaimSentence, said: frozenset[str], claim: Claim) -> SummarySentence:
    """The summary sentence citing the claim's articles whose own sentence bears it out."""
    spans: dict[str, Span | None] = {}
    for s in claim.sentences:
        own = content_words(s.text)
        if s is voice or len(said & own) >= _BEARS_OUT * len(said):
            span = Span(s.article, s.start, s.end) if s.start is not None else None
            spans.setdefault(s.article, span)
    cited = tuple(sorted(spans))
    return SummarySentence(voice.text, cited,
                           tuple(spans[a] for a in cited if spans[a] is not None))
