"""A story's claims -> a short extractive summary whose every sentence cites its sources.

In: the story's claims and articles. Out: up to N `SummarySentence`s: the claims carried by
the most outlets first, then the most central (sharing most rare words with the other
claims), skipping one that says again what a chosen sentence said; in the order the story
tells them (the chosen sentences sorted by their claim's earliest article and position).
Each sentence cites the articles whose own text bears it out: an article of the claim is
cited only if its sentence holds at least half of the summary sentence's words, so a loose
paraphrase is not presented as support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lang
from ..model import Claim, SummarySentence
from .similarity import content_words, overlap, rarity

_REDUNDANT = 0.5  # overlap with a chosen sentence past which a candidate repeats it
_BEARS_OUT = 0.5  # share of the summary sentence's words an article's sentence must hold
_QUOTE_MARKS = re.compile(r"[«»“”\"]")


def _stands_alone(text: str, pronouns: frozenset[str]) -> bool:
    """A summary sentence must read on its own: not a fragment (lower-case start), not opened
    by a pronoun whose person is in another sentence, not someone's quoted words."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return (first[:1].isupper() and first.lower().strip(",") not in pronouns
            and not _QUOTE_MARKS.search(text))


def summarize(claims: Sequence[Claim], sentences: int = 6, language: str | None = "fr"
              ) -> tuple[SummarySentence, ...]:
    """Claims -> at most `sentences` summary sentences with their citations."""
    if not claims or sentences <= 0:
        return ()
    table = lang.table(language, "attribution") or lang.table("fr", "attribution")
    pronouns = frozenset(table.PRONOUNS)
    words = [content_words(c.text) for c in claims]
    idf = rarity(words)
    centrality = [sum(overlap(words[i], words[j], idf) for j in range(len(claims)) if j != i)
                  for i in range(len(claims))] if len(claims) <= 400 else [0.0] * len(claims)
    order = sorted(range(len(claims)), key=lambda i: (-claims[i].independent_support,
                                                       -claims[i].support, -centrality[i], i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) == sentences:
            break
        if not _stands_alone(claims[i].text, pronouns):
            continue
        if any(overlap(words[i], words[j], idf) >= _REDUNDANT for j in chosen):
            continue
        chosen.append(i)
    out = []
    for i in sorted(chosen):
        claim = claims[i]
        want = content_words(claim.text)
        cited = sorted({s.article for s in claim.sentences
                        if len(want & content_words(s.text)) >= _BEARS_OUT * len(want)})
        out.append(SummarySentence(claim.text, tuple(cited)))
    return tuple(out)
