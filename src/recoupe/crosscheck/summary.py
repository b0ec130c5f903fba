"""A story's claims -> a short extractive summary whose every sentence cites its sources.

In: the story's claims (each with its sentences and their offsets) and, optionally, its
annotated articles (for each sentence's parse). Out: up to N `SummarySentence`s, the
story's news first, then its most corroborated developments.

What is news: journalists put it first (the inverted pyramid), so a claim weighs more the
earlier its sentences stand in their articles (an article's first sentence most), and a
summary sentence comes from the first few sentences of an article; background
that many outlets repeat (an old ruling, a reminder) stands lower and weighs less, and so
does a sentence whose main verb is in a tense of background (in French the imperfect and
the pluperfect, `lang/fr/summary.py`: "avait signé l'accord" recalls, "a été placé en garde
à vue" tells). That weight grows with the outlets that carry the claim (corroboration)
and with what the story is about (the mean, over the sentence's content words, of the share
of the story's articles that use the word).

What the story's news is, its articles' leads tell (their first two sentences, where each
outlet states it): what they agree on is what a summary must say, whereas background
repeated everywhere stands outside the leads. So the leads' content words, counted over
the articles, averaged and stretched to a summary's length, are what a summary is expected
to hold, and so are the pairs of neighbouring words that the leads of three articles or
more hold ("tiré au sort": what is told, not only what it is told about); a
sentence is worth the words it adds to what the sentences taken hold, up to what the leads
of the other articles expect, and the pairs it adds, each worth the other articles whose
lead holds it (its own lead does not vouch for it, save for words in a lone article),
times its weight.
The first sentence is the best of the leads' own sentences per word it spends (the news
first). The rest of the budget a reader gives a summary (`_BUDGET` words) goes to the set
of sentences that together add the most, chosen as a whole (the concept coverage of
Gillick and Favre, 2009, "A scalable global model for summarization", here with the
leads' expectation as concepts): taking the best sentence per word in turn leaves words
unspent or spends them on a sentence whose words the next ones would have brought. The
last sentence may run past the budget, counted for the share of it that fits (a reader, and
a summary cut at the budget, stops there). Past the budget the best sentence per word is
taken in turn up to the number asked. At every step a sentence is skipped if it says again
what a taken one said (shared rare words, or a claim both are in: an anchor claim holds a
sentence that states its fact in passing) or does not read on its own: a fragment (a
headline with no final stop, a nominal sentence with no finite main verb), an opening that
takes up the sentence before (a pronoun, a connective such as "Par ailleurs", a
demonstrative such as "Cette décision", a possessive such as "Son avocat"), a main clause
whose subject is such a pronoun, a run-on, or mostly someone's quoted words (a word or two
in quotes, a scare quote or a short partial quote, is the outlet's own narration and
stays). The summary keeps the opener first, then the set (the sentence running past the
budget last), then the rest in the order taken.

On rpm2-dev (ROUGE against four human summaries, `benchmarks/summary_rouge.py`), the
choice as a whole with the word pairs moved ROUGE-1 / ROUGE-2 from 0.409 / 0.137 (best
sentence per word in turn, words only) to 0.416 / 0.145, gaining on both halves of the
set; either part alone does not (pairs in the greedy turn: 0.402 to 0.412, no weight
better on both halves; the choice as a
whole on words only: 0.410), nor a set that must fit the budget whole (0.404 to 0.409),
nor pairs counted over the articles' first six sentences (0.400), nor the concepts of
Gillick and Favre alone, pairs or words weighted by the articles that hold them, without
the sentences' weight (0.375 to 0.389).

Each sentence cites the claim's articles (the outlets whose own sentence states it, see
`claims`) whose sentence also shares enough of its words, each with that sentence's span.
Cost: one pass over the articles' tokens; the choice as a whole is a branch and bound over
the `_CANDIDATES` sentences worth the most per word, stopped after `_NODES` steps (each
step values the candidates left: at most 20 x 500 values a story, whatever its size);
then a lazy greedy choice (a heap of the candidates' gains, which only fall as sentences
are taken: the top one alone is computed again), each candidate compared with the few
sentences taken: about n log n in the number of claims.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from math import fsum
from types import ModuleType

from .. import lang
from ..annotate.quotemarks import quoted_spans
from ..model import AnnotatedArticle, Claim, ClaimSentence, Span, SummarySentence
from ..text import fold
from .similarity import CONTENT_WORD, content_words, overlap, rarity
from .standalone import main_clauses, reads_alone

_REDUNDANT = 0.5  # overlap with a taken sentence past which a candidate repeats it
_BEARS_OUT = 0.5  # share of the summary sentence's words a cited article's sentence holds:
# at a third, a sentence reporting only the meeting was cited for one telling what was said there
_MIN_WORDS = 6  # shorter sentences lean on the one before ("Il a démenti.")
_MAX_WORDS = 45  # longer sentences say too much at once for a summary
_QUOTED = 0.3  # share of a sentence's words inside quote marks past which they are someone's
_QUOTE_MARKS = re.compile(r"[«»“”„\"]")
# A sentence whose main verb tells background weighs 1 / (1 + this). Rpm2-dev ROUGE is
# flat from 1.5 to 3; from 1.0 the news of an article opening on a long pluperfect
# recall no longer came first once every word counted as spent (`_gain`).
_BACKGROUND = 2.0
_LEAD_SENTENCES = 2  # an article's lead: its first sentences, where it states the news
# A summary draws on the top of each article (the inverted pyramid): past its first
# sentences an article tells detail and background. On rpm2-dev, 4 to 8 all do better than
# no bound (ROUGE-1 +0.002 to +0.003 on both halves); 6 stands in the middle.
_TOP = 6
_BUDGET = 100  # words a reader gives a story's summary
# What a summary is expected to say also comes in word pairs ("tiré au sort", "tir au
# but"): a pair that the leads of at least `_PAIR_LEADS` articles hold is worth `_PAIR`
# per other article whose lead holds it. On rpm2-dev (with the choice as a whole, below),
# ROUGE-1 / ROUGE-2: 0.3, 0.5 and 1 give 0.416 / 0.141 to 0.145 (0.410 / 0.137 without
# pairs); pairs held by 2 leads or more 0.409 / 0.139, by 4 or more 0.413 / 0.142.
_PAIR = 0.5
_PAIR_LEADS = 3
# The choice as a whole looks at the candidates worth the most per word and stops its
# search after `_NODES` steps with the best set found: 15 to 40 candidates, 200 to 2,000
# steps give the same rpm2-dev figures; 20 and 500 keep a story of 300 claims within
# about 0.05 s more than the greedy choice alone.
_CANDIDATES = 20
_NODES = 500
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def _quoted(text: str) -> float:
    """The share of a sentence's words inside quote marks; 1 when a mark is left unpaired
    (the sentence is part of a quote running over several sentences)."""
    spans = quoted_spans(text)
    if len(_QUOTE_MARKS.findall(text)) != 2 * len(spans):
        return 1.0
    inside = sum(len(text[s.start:s.end].split()) for s in spans)
    return inside / max(len(text.split()), 1)


def _stands_alone(text: str, pronouns: frozenset[str], table: ModuleType | None = None
                  ) -> bool:
    """A summary sentence must read on its own (`standalone.reads_alone`: not a fragment,
    not a question, not opened by a pronoun or by words that take up the sentence before),
    not be mostly someone's quoted words (a scare quote or a short partial quote is the
    outlet's narration: kept), and be neither so short that it leans on the sentence
    before nor a run-on too long to read at a glance."""
    return (reads_alone(text, pronouns, table) and _quoted(text) <= _QUOTED
            and _MIN_WORDS <= len(text.split()) <= _MAX_WORDS)


def _ranks(claims: Sequence[Claim]) -> dict[tuple[str, int | None], int]:
    """(article, sentence start) -> the sentence's rank among the article's claim sentences
    (0 for its first). Every claim sentence counts, quoted ones too: a sentence's place is
    where the outlet put it (a lead holding a scare quote is still the lead)."""
    starts: dict[str, set[int]] = defaultdict(set)
    for c in claims:
        for s in c.sentences:
            if s.start is not None:
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


def summarize(claims: Sequence[Claim], sentences: int = 6, language: str | None = "fr",
              articles: Sequence[AnnotatedArticle] = ()) -> tuple[SummarySentence, ...]:
    """Claims -> at most `sentences` summary sentences with their citations, news first.
    `articles`, the story's annotated articles, give each sentence's parse: a sentence
    whose main clause does not read on its own (no finite verb, an anaphoric subject) is
    left out, one whose main verb tells background weighs less. Without them, sentences
    are judged by their words only."""
    if not claims or sentences <= 0:
        return ()
    table = lang.table(language, "attribution") or lang.table("fr", "attribution")
    pronouns = frozenset(table.PRONOUNS)
    grammar = lang.table(language, "summary") or lang.table("fr", "summary")
    mains = main_clauses(articles, grammar)
    ranks = _ranks(claims)
    # how rare a word is among the story's sentences (each once, whatever claims hold it),
    # not among the claims' display texts, which are chosen for the reader
    idf = rarity(content_words(text) for text in
                 {s: s.text for c in claims for s in c.sentences}.values())
    share = _shares(claims)
    pool = []
    for i, c in enumerate(claims):
        prior = ((1 + _LEAD * max(_lead(s, ranks) for s in c.sentences))
                 * (1 + _SUPPORT * (max(c.support, 1) - 1)))
        for voice in c.sentences:
            # deep in its article: detail and background, not a summary's (a sentence
            # of unknown place is not held out, only weighed as a late one, `_lead`)
            if ranks.get((voice.article, voice.start), 0) >= _TOP:
                continue
            main = mains.get((voice.article, voice.start), "news")
            if main != "fragment" and _stands_alone(voice.text, pronouns, grammar):
                said = content_words(voice.text)
                topic = fsum(share.get(w, 0.0) for w in said) / max(len(said), 1)
                weight = prior * topic / (1 + _BACKGROUND * (main == "background"))
                pool.append((weight, i, voice, said, _pairs(voice.text)))
    leads = _leads(claims, ranks)
    # The claims each sentence is in (an anchor claim may hold a sentence besides its own
    # claim): a sentence in a claim already said by a taken one says it again.
    holding: dict[ClaimSentence, set[int]] = defaultdict(set)  # equal by value
    for i, c in enumerate(claims):
        for s in c.sentences:
            holding[s].add(i)
    taken: list[int] = []  # pool indices, in the summary's order
    sums: Counter = Counter()  # the content words of the sentences taken
    pairs: set[tuple[str, str]] = set()  # and their word pairs

    def take(k: int) -> None:
        taken.append(k)
        sums.update(pool[k][3])
        pairs.update(pool[k][4])

    def clash(a: int, b: int) -> bool:
        """Two candidates say one thing: a claim both are in, or shared rare words."""
        return (bool(holding[pool[a][2]] & holding[pool[b][2]])
                or overlap(pool[a][3], pool[b][3], idf) >= _REDUNDANT)

    # The news first: the first sentence is one of an article's lead, the one the other
    # leads agree on most; what follows may come from anywhere.
    openers = [k for k, item in enumerate(pool)
               if ranks.get((item[2].article, item[2].start), _LEAD_SENTENCES)
               < _LEAD_SENTENCES]
    first = max(openers, key=lambda k: (_gain(pool[k], sums, leads), pool[k][0], -k),
                default=None)
    if first is not None:
        take(first)
    # Then the set of sentences that together say the most of what the leads expect
    # within the budget, chosen as a whole (`_best_set`).
    for k in _best_set(pool, taken, sums, pairs, leads, clash, sentences - len(taken)):
        take(k)
    # Past the budget (a brief shows up to `sentences`), the lazy greedy: a candidate's
    # gain only falls as sentences are taken (the words it adds get held already), so a
    # gain computed earlier bounds it; only the top of the heap is computed again, not
    # every candidate at every turn.
    heap = [(-_gain(item, sums, leads), -item[0], k) for k, item in enumerate(pool)
            if k not in taken]
    heapq.heapify(heap)
    while heap and len(taken) < sentences:
        _, weight, k = heapq.heappop(heap)
        fresh = (-_gain(pool[k], sums, leads), weight, k)
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)
            continue
        if not any(clash(k, t) for t in taken):
            take(k)
    return tuple(_cite(pool[k][2], pool[k][3], claims[pool[k][1]]) for k in taken)


class _Leads:
    """What the story's leads say: each article's first sentences, as word counts and as
    the word pairs they hold."""

    def __init__(self, counts: dict[str, Counter],
                 pairs: dict[str, set[tuple[str, str]]] | None = None):
        self.counts = counts
        # pair -> the articles whose lead holds it, kept when enough leads agree on it
        holders: dict[tuple[str, str], set[str]] = defaultdict(set)
        for article, held in (pairs or {}).items():
            for p in held:
                holders[p].add(article)
        least = min(_PAIR_LEADS, len(counts))
        self.pairs = {p: a for p, a in holders.items() if len(a) >= least}
        self.total: Counter = Counter()
        for lead in counts.values():  # updated in place: sum() of Counters copies each time
            self.total.update(lead)
        length = sum(self.total.values()) / max(len(counts), 1)
        # An average lead stretched to the length of a summary: the words a summary of the
        # story is expected to hold, and how many times.
        self.scale = _BUDGET / max(length, 1.0)

    def expected(self, word: str, article: str) -> float:
        """How many times a summary is expected to hold `word`, by the leads of the
        articles other than `article` (a lead does not vouch for itself), or by the lead of
        a lone article (nothing else tells its news)."""
        own = self.counts.get(article)
        others = len(self.counts) - (own is not None)
        if others <= 0:
            own, others = None, len(self.counts)
        return (self.total[word] - (own[word] if own else 0)) / max(others, 1) * self.scale

    def vouched(self, pair: tuple[str, str], article: str) -> int:
        """How many leads of articles other than `article` hold `pair`, if enough leads of
        the story do (`_PAIR_LEADS`), else 0."""
        holders = self.pairs.get(pair)
        return len(holders) - (article in holders) if holders else 0


def _leads(claims: Sequence[Claim], ranks: dict) -> _Leads:
    """The story's leads: in each article, its first `_LEAD_SENTENCES` claim sentences."""
    counts: dict[str, Counter] = defaultdict(Counter)
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        for s in c.sentences:
            rank = ranks.get((s.article, s.start))
            if rank is not None and rank < _LEAD_SENTENCES:
                counts[s.article].update(content_words(s.text))
                pairs[s.article] |= _pairs(s.text)
    return _Leads(dict(counts), dict(pairs))


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """A text -> its pairs of neighbouring words (folded) of which one at least is a
    content word: "tiré au sort" gives ("tire", "au") and ("au", "sort"), "de la" none."""
    words = _WORDS.findall(fold(text))
    return frozenset((a, b) for a, b in zip(words, words[1:], strict=False)
                     if CONTENT_WORD.fullmatch(a) or CONTENT_WORD.fullmatch(b))


def _gain(item, sums: Counter, leads: _Leads) -> float:
    """What a candidate adds to the summary, per word it spends: the words the other
    articles' leads agree on that the sentences taken do not hold yet (as many times as the
    leads hold them, no more), weighted by the candidate's place and corroboration. Every
    word a reader reads counts as spent, small ones included (counted as `_MIN_WORDS`
    counts them): a long sentence of short words is no cheaper to read."""
    weight, _, voice, said, _ = item
    added = fsum(min(sums[w] + 1, e) - min(sums[w], e)
                 for w in said if (e := leads.expected(w, voice.article)) > 0)
    return weight * added / max(len(voice.text.split()), 1)


def _value(item, sums: Counter, pairs: set[tuple[str, str]], leads: _Leads) -> float:
    """What a candidate adds to the summary, whole: the words the other articles' leads
    expect that the sentences taken do not hold yet (as `_gain`), and the word pairs that
    enough leads hold and the sentences taken do not, each worth the other articles whose
    lead holds it, times the candidate's weight."""
    weight, _, voice, said, held = item
    added = fsum(min(sums[w] + 1, e) - min(sums[w], e)
                 for w in said if (e := leads.expected(w, voice.article)) > 0)
    joined = sum(leads.vouched(p, voice.article) for p in held - pairs)
    return weight * (added + _PAIR * joined)


def _spent(text: str) -> int:
    """The words a reader reads in a text, as a word count cut at `_BUDGET` counts them
    (an elided article is a word: "l'accord" is two)."""
    return len(_WORDS.findall(text))


def _best_set(pool, taken: list[int], sums: Counter, pairs: set[tuple[str, str]],
              leads: _Leads, clash, slots: int) -> list[int]:
    """The set of candidates (pool indices) that adds the most (`_value`) to the sentences
    taken within what is left of `_BUDGET`, at most `slots` of them, no two that clash;
    the last may run past the budget, counted for the share of it that fits (a reader
    stops at the budget). Branch and bound over the `_CANDIDATES` worth the most per word:
    a candidate's value only falls as sentences are taken, so its value now bounds what it
    adds later, and the best fractional packing of those bounds what a branch can reach."""
    room = _BUDGET - sum(_spent(pool[k][2].text) for k in taken)
    if room <= 0 or slots <= 0:
        return []
    scored = []
    for k, item in enumerate(pool):
        if k in taken or any(clash(k, t) for t in taken):
            continue
        value = _value(item, sums, pairs, leads)
        if value > 0:
            spent = max(_spent(item[2].text), 1)
            scored.append((-value / spent, k, spent))
    scored.sort()
    cands = [(k, spent) for _, k, spent in scored[:_CANDIDATES]]
    clashes = [{j for j, (b, _) in enumerate(cands) if clash(a, b)} for a, _ in cands]
    best: list = [0.0, []]
    steps = 0

    def bound(start: int, left: int, chosen: list[int]) -> float:
        # fractional packing of the remaining candidates' values now; an item past the
        # room left may end the summary, so it counts for its share too
        ratios = sorted(((v / n, v, n) for j in range(start, len(cands))
                         if not clashes[j] & set(chosen)
                         and (v := _value(pool[cands[j][0]], sums, pairs, leads)) > 0
                         for n in (cands[j][1],)), reverse=True)
        total = 0.0
        for ratio, v, n in ratios:
            if n >= left:
                return total + ratio * left
            total, left = total + v, left - n
        return total

    def search(start: int, left: int, value: float, chosen: list[int]) -> None:
        nonlocal steps
        steps += 1
        if value > best[0]:
            best[0], best[1] = value, list(chosen)
        if (start >= len(cands) or left <= 0 or len(chosen) >= slots or steps > _NODES
                or value + bound(start, left, chosen) <= best[0]):
            return
        k, spent = cands[start]
        if not clashes[start] & set(chosen):
            item = pool[k]
            gain = _value(item, sums, pairs, leads)
            if spent > left:  # runs past the budget: the summary's last sentence
                if value + gain * left / spent > best[0]:
                    best[0], best[1] = value + gain * left / spent, [*chosen, start]
            elif gain > 0:
                new = item[4] - pairs
                sums.update(item[3])
                pairs.update(new)
                chosen.append(start)
                search(start + 1, left - spent, value + gain, chosen)
                chosen.pop()
                pairs.difference_update(new)
                sums.subtract(item[3])
        search(start + 1, left, value, chosen)

    search(0, room, 0.0, [])
    # whole ones first, the one running past the budget last
    chosen = sorted(best[1], key=lambda j: (cands[j][1] > room - sum(
        cands[i][1] for i in best[1] if i != j), j))
    return [cands[j][0] for j in chosen]


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
