"""Texts of a story -> how much two of them say the same thing.

In: short texts (sentences, quotes), or the annotated articles of a story. Out:
`content_words(text)`, the folded content words of a text (numbers kept: "40 secondes" and
"40 seconds" share "40"); `rarity(word_sets)`, an inverse document frequency per word over the
story; `overlap(a, b, idf)`, the weight of the shared words over the lighter (or, asked, the
heavier) text's weight, in [0, 1]; `leader_groups(...)`, texts grouped by what they say;
`units_of(articles)`, the sentences of a story with what the comparison needs (lemmas, values,
meaning vector, the (predicate, argument) anchors of the predications inside them, read
by `anchors`);
`SentenceSpace(units)`, their pair scores (cosine of the meaning vectors plus the
rarity-weighted Dice of their lemmas), the conflicts of values between them, their clustering
into facts and the widening of those by shared anchors (`join_anchors`). Works on stored
annotations only: the cross-article stages never go back to the NLP model.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np

from .. import lang
from ..annotate.vectors import unpack
from ..model import AnnotatedArticle, Sentence
from ..text import fold
from .anchors import opposed, sentence_anchors
from .numbers import read_number
from .numbers import tables as numbers_tables

CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\d+")  # a content word: four letters, or a number


def content_words(text: str) -> frozenset[str]:
    """A text -> its folded words of four letters or more, and its numbers."""
    return frozenset(CONTENT_WORD.findall(fold(text)))


def rarity(word_sets: Iterable[Iterable[str]]) -> dict[str, float]:
    """Word sets -> idf per word: a word in every text weighs 1, a rare one much more."""
    sets = list(word_sets)
    df = Counter(w for ws in sets for w in set(ws))
    return {w: math.log((1 + len(sets)) / (1 + n)) + 1.0 for w, n in df.items()}


def overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float],
            both: bool = False) -> float:
    """Weighted share of the lighter text's words that the other text also has; with `both`,
    of the heavier text's words (so that a text inside a longer one is not its copy)."""
    if not a or not b:
        return 0.0
    shared = math.fsum(idf.get(w, 1.0) for w in a & b)
    weights = (math.fsum(idf.get(w, 1.0) for w in a), math.fsum(idf.get(w, 1.0) for w in b))
    return shared / (max(weights) if both else min(weights))


def leader_groups(items: Sequence, words_of: Callable[[object], frozenset[str]],
                  idf: dict[str, float], threshold: float,
                  owner_of: Callable[[object], Hashable] | None = None,
                  index_words: int = 8) -> list[list]:
    """Items -> groups saying one thing: each item joins the group whose first item it is most
    like (at least `threshold`), else opens one. Comparing with first items only keeps one
    item that shares words with two groups from chaining them; candidates come from an index
    of each group's rarest words, so the cost grows about linearly with the items. With
    `owner_of`, a group takes at most one item of each owner (one article, one outlet)."""
    groups: list[list] = []
    owners: list[set] = []
    index: dict[str, set[int]] = defaultdict(set)
    for item in items:
        words = words_of(item)
        owner = owner_of(item) if owner_of else None
        candidates = set().union(*(index.get(w, set()) for w in words)) if words else set()
        best, target = threshold, None
        for g in sorted(candidates):
            if owner_of and owner in owners[g]:
                continue
            score = overlap(words, words_of(groups[g][0]), idf)
            if score >= best:
                best, target = score, g
        if target is None:
            groups.append([item])
            owners.append({owner})
            for w in sorted(words, key=lambda w: (-idf.get(w, 1.0), w))[:index_words]:
                index[w].add(len(groups) - 1)
        else:
            groups[target].append(item)
            owners[target].add(owner)
    return groups


# -- sentences as units of meaning ------------------------------------------------------------

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NO_VECTOR = 0.75
_SAMPLE = 8  # members of each group compared when two groups may merge
_ALSO_MIN = 2  # members a group needs before a sentence of another group also joins it
# Two sentences must share some rare lemma (an argument or the predicate) before their
# meaning vectors count: vectors alone pair any two sentences on one subject.
MIN_DICE = 0.1
# Two sentences each quoting someone (at least _QUOTED content words) whose quotes share
# under _SAME_QUOTE of their lemmas (Dice) report two things said, even by one speaker: the
# narration around them ("a déclaré le procureur") is then all they share.
_QUOTED = 3
_SAME_QUOTE = 0.2
OVL_W = 0.6  # weight of the rarity-weighted word overlap (the lexical evidence of old)


@dataclass(frozen=True, eq=False)
class Unit:
    """One sentence of one article, with what comparing it needs."""

    article: AnnotatedArticle
    index: int  # into article.sentences
    sentence: Sentence
    words: frozenset[str]  # content_words of its text
    lemmas: frozenset[str]  # folded lemmas of its content tokens
    numbers: frozenset[tuple[str, str]]  # (what is counted, value): ("million", "1.5")
    days: frozenset[str]  # the full dates (YYYY-MM-DD) it refers to
    vector: np.ndarray | None
    hedged: bool = False  # its main predicate is a possibility, not a fact
    finite: bool = True  # it has a finite verb (outside its masked spans), so asserts something
    # (predicate, argument) keys of its main and asserted embedded predications (`anchors`)
    anchors: frozenset[tuple[str, str]] = frozenset()
    years: frozenset[int] = frozenset()  # the years its dates name ("en 1999", "le 3 mai 2005")
    quoted: frozenset[str] = frozenset()  # folded lemmas of the content words of its direct quotes


def units_of(articles: Sequence[AnnotatedArticle], min_words: int = 4,
             masks: dict[tuple[str, int], Sequence[tuple[int, int]]] | None = None,
             ) -> list[Unit]:
    """Articles -> their sentences of at least `min_words` content words, as Units, in order.
    `masks` maps (article id, sentence index) to spans of the text (offsets into the article)
    that the comparison leaves out: a sentence is then compared by the words outside them
    only (and kept when those are at least `min_words`), though its text stays whole."""
    masks = masks or {}
    # The masked spans of each article, gathered once: scanning every mask for every article
    # grew with the square of the story's articles.
    masked: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (aid, _), spans in masks.items():
        masked[aid].extend(spans)
    out = []
    for a in articles:
        table = lang.table(a.language, "attribution") or lang.table("fr", "attribution")
        reporting = table.VERBS if table is not None else frozenset()
        vectors = unpack(a.vectors, len(a.sentences))
        lemmas: list[set[str]] = [set() for _ in a.sentences]
        numbers: list[set[tuple[str, str]]] = [set() for _ in a.sentences]
        quoted: list[set[str]] = [set() for _ in a.sentences]
        finite = [not a.tokens] * len(a.sentences)
        starts = [s.start for s in a.sentences]
        values = _number_values(a)
        k = 0
        for x, t in enumerate(a.tokens):
            while k + 1 < len(starts) and t.start >= starts[k + 1]:
                k += 1
            if not starts or not (a.sentences[k].start <= t.start < a.sentences[k].end):
                continue
            if any(lo <= t.start < hi for lo, hi in masks.get((a.article.id, k), ())):
                # Someone's quoted words are no support, but a value they give of a thing
                # the other sentence counts differently still contradicts it (`conflicts`).
                counted, value = values.get(x, (None, None))
                if counted and value:
                    numbers[k].add((counted, value))
                if t.pos in _CONTENT and len(_lemma(t)) >= 3:
                    quoted[k].add(_lemma(t))
                continue
            if "VerbForm=Fin" in t.morph:
                finite[k] = True
            if x in values:
                counted, value = values[x]
                if value:  # the number's value, however written ("1.500", "1 500")
                    lemmas[k].add(value)
                    if counted:
                        numbers[k].add((counted, value))
                continue
            if t.pos in _CONTENT and not (t.dep == "ROOT" and (t.lemma or "").lower()
                                          in reporting):
                lemma = _lemma(t)
                if len(lemma) >= 3 or lemma.isdigit():
                    lemmas[k].add(lemma)
        days: list[set[str]] = [set() for _ in a.sentences]
        years: list[set[int]] = [set() for _ in a.sentences]
        for d in a.dates:
            if not 0 <= d.sentence < len(days):
                continue
            if d.value and len(d.value) >= 10:
                days[d.sentence].add(d.value[:10])
            if d.partial is not None and d.partial.year is not None:
                years[d.sentence].add(d.partial.year)
        hedged = _hedged(a, masked.get(a.article.id, ()))
        anchors = sentence_anchors(a, values, masks)
        for i, s in enumerate(a.sentences):
            spans = masks.get((a.article.id, i), ())
            words = content_words(_outside(s, spans))
            if len(words) >= min_words:
                # Without a stored parse, the folded words stand in for the lemmas.
                # The stored vector stays the whole sentence's (it cannot be recomputed
                # without the model); leaving it out for masked sentences measured worse.
                vector = vectors[i] if vectors is not None else None
                out.append(Unit(a, i, s, words, frozenset(lemmas[i] if a.tokens else words),
                                frozenset(numbers[i]),
                                frozenset(days[i]),
                                vector,
                                i in hedged, finite[i], frozenset(anchors.get(i, ())),
                                frozenset(years[i]), frozenset(quoted[i])))
    return out


def _lemma(t) -> str:
    """A content token -> the folded word it is compared by: a name as written, else its lemma."""
    return fold(t.text if t.pos == "PROPN" else (t.lemma or t.text))


def _number_values(a: AnnotatedArticle) -> dict[int, tuple[str | None, str | None]]:
    """Token index -> (what the number there counts, its value) for the tokens of numbers
    written in figures: the first token of a number holds its value ("42.000", "42 000" and
    "42000" all read 42000, the French separators read by `numbers.read_number`), the
    tokens after it (None, None). What it counts is the noun it modifies, written after it
    ("64 ans"), or what its scale noun counts ("450 millions d'euros", "0,45 milliard
    d'euros": euros, one value); a number after its noun is a label, not a count ("l'édition
    2012", "l'article 3"), and a bare number (a year, a score) counts nothing."""
    t_ = numbers_tables(a.language)
    toks = a.tokens
    out: dict[int, tuple[str | None, str | None]] = {}
    i = 0
    while i < len(toks):
        t = toks[i]
        read = read_number(toks, i, t_) if _NUMBER.match(t.text) else None
        if read is None or read[0] <= i:
            i += 1
            continue
        end, value = read[0], read[1]
        span = range(i, end)
        head = next((toks[h] for h in (toks[x].head for x in span)
                     if 0 <= h < len(toks) and h not in span), None)
        counted = None
        last = toks[end - 1]
        if last.pos == "NOUN":  # "450 millions d'euros": what the scale noun counts
            what = next((c for c in toks[end:end + 4] if c.pos == "NOUN"
                         and 0 <= c.head < len(toks) and toks[c.head] is last), last)
            counted = fold(what.lemma or what.text)
        elif head is not None and head.pos == "NOUN" and head.start > t.start:
            counted = fold(head.lemma or head.text)
        out[i] = (counted, f"{value:.12g}")
        for x in range(i + 1, end):
            out[x] = (None, None)
        i = end
    return out


def _outside(s: Sentence, spans: Sequence[tuple[int, int]]) -> str:
    """A sentence's text with the given spans (article offsets) blanked out."""
    text = s.text
    for lo, hi in sorted(spans, reverse=True):
        lo, hi = max(lo - s.start, 0), min(hi - s.start, len(text))
        if lo < hi:
            text = text[:lo] + " " + text[hi:]
    return text


def _hedged(a: AnnotatedArticle, masked: Sequence[tuple[int, int]] = ()) -> set[int]:
    """Indexes of the sentences whose main predicate (the parse's root) is hedged: in the
    conditional mood, or under a modal verb ("peut être prolongée"). A negation test on the
    root was tried and dropped: the parse's root is too often not the fact's predicate.
    Tokens inside `masked` spans (someone's direct quote) are not read: a quoted speaker's
    "peut-être" hedges the speaker's words, not what the outlet itself asserts around them."""
    table = lang.table(a.language, "modality") or lang.table("fr", "modality")
    if not a.tokens or table is None:
        return set()
    starts = [s.start for s in a.sentences]
    roots = set()
    for i, t in enumerate(a.tokens):
        if any(lo <= t.start < hi for lo, hi in masked):
            continue
        root = t.head == i or t.dep == "ROOT"
        on_root = 0 <= t.head < len(a.tokens) and a.tokens[t.head].dep == "ROOT"
        modal = (t.lemma or "").lower() in table.MODALS
        if (root and ("Mood=Cnd" in t.morph or modal)) or (
                on_root and modal and (t.pos == "AUX" or t.dep.startswith("aux"))):
            roots.add(t.start)
    return {bisect_right(starts, start) - 1 for start in roots} - {-1}


def conflicts(a: Unit, b: Unit) -> bool:
    """Do two sentences give different values of one thing (numbers counting the same noun
    with no value in common, full dates with none in common, years with none in common: "de
    1991 à 1994" against "entre 1990 et 1993"), is one hedged and the other not, do their
    anchors predicate opposed acts of one argument (`anchors.opposed`: an offer and its
    refusal), or do both quote someone saying different things? Then they do not state one
    fact (a difference of value is not support, nor is a refusal the offer it answers, nor
    one quote another)."""
    if a.days and b.days and not a.days & b.days:
        return True
    if a.years and b.years and not a.years & b.years:
        return True
    if len(a.quoted) >= _QUOTED and len(b.quoted) >= _QUOTED and (
            2 * len(a.quoted & b.quoted) / (len(a.quoted) + len(b.quoted)) < _SAME_QUOTE):
        return True
    if a.hedged != b.hedged:
        return True
    if opposed(a.anchors, b.anchors, a.article.language or "fr"):
        return True
    counted = {u for u, _ in a.numbers} & {u for u, _ in b.numbers}
    return any(not ({v for u, v in a.numbers if u == c} & {v for u, v in b.numbers if u == c})
               for c in counted)


_HNSW_LINKS = 16  # graph degree of the index: recall against memory and time
_HNSW_SEARCH = 128  # candidates explored per query: recall against time


def nearest(matrix: np.ndarray, owner: np.ndarray, k: int, exact_up_to: int = 2048
            ) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors (rows) and the owner of each -> (rows, cols): each row's `k` nearest rows
    by inner product among rows of other owners. Up to `exact_up_to` rows, exactly, by
    blocks of a matrix product; past it, from faiss's HNSW graph (a well-kept library
    rather than a hand-made random-projection hash), whose build and queries grow about
    n log n; benchmarks/crosscheck_scaling.py measures both and the index's recall. A row
    searches 2k neighbours there and keeps the k first of other owners: one article's own
    sentences are often its nearest."""
    n = len(matrix)
    k = min(k, n - 1)
    if k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if n <= exact_up_to:
        out_rows, out_cols = [], []
        for lo in range(0, n, 512):
            block = matrix[lo:lo + 512] @ matrix.T
            block[owner[lo:lo + 512, None] == owner[None, :]] = -np.inf
            top = np.argpartition(-block, k - 1, axis=1)[:, :k]
            keep = np.isfinite(np.take_along_axis(block, top, axis=1))
            out_rows.append(np.repeat(np.arange(lo, lo + len(block)), k)[keep.ravel()])
            out_cols.append(top.ravel()[keep.ravel()])
        return np.concatenate(out_rows), np.concatenate(out_cols)
    import faiss  # imported here: only stories of thousands of sentences need it

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # one thread: the graph, so the brief, is reproducible
    try:
        index = faiss.IndexHNSWFlat(matrix.shape[1], _HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = max(_HNSW_SEARCH, 2 * k)
        data = np.ascontiguousarray(matrix, dtype=np.float32)
        index.add(data)
        _, found = index.search(data, min(2 * k + 1, n))
    finally:
        faiss.omp_set_num_threads(threads)
    rows = np.repeat(np.arange(n), found.shape[1]).reshape(found.shape)
    valid = (found >= 0) & (owner[np.clip(found, 0, None)] != owner[rows])
    # the first k valid of each row (found is sorted best first)
    keep = valid & (np.cumsum(valid, axis=1) <= k)
    return rows[keep], found[keep]


class SentenceSpace:
    """Units of a story -> pair scores and their clustering into facts."""

    def __init__(self, units: Sequence[Unit]):
        self.units = list(units)
        self.idf = rarity(u.words for u in self.units)
        self.lemma_idf = rarity(u.lemmas for u in self.units)
        self._weight = [math.fsum(self.lemma_idf[w] for w in u.lemmas) for u in self.units]
        # What a sentence says, its quoted words included (`dice`); a word said only
        # inside quotes counts as the rarest narration word.
        rarest = max(self.lemma_idf.values(), default=1.0)
        self._said = [u.lemmas | u.quoted for u in self.units]
        self._said_idf = {**{w: rarest for u in self.units for w in u.quoted}, **self.lemma_idf}
        self._said_weight = [math.fsum(self._said_idf[w] for w in said) for said in self._said]
        self._word_weight = [math.fsum(self.idf[w] for w in u.words) for u in self.units]
        dim = next((u.vector.shape[0] for u in self.units if u.vector is not None), 0)
        self.matrix = np.zeros((len(self.units), dim), dtype=np.float32)
        for i, u in enumerate(self.units):
            if u.vector is not None and dim:
                self.matrix[i] = u.vector
        self._has_vector = np.array([u.vector is not None and bool(u.vector.any())
                                     for u in self.units])
        self._cache: dict[tuple[int, int], float] = {}

    def dice(self, i: int, j: int) -> float:
        """Rarity-weighted Dice of two units' lemmas, in [0, 1]. A sentence quoting
        someone is compared by its narration (who said it, when, where) with a sentence
        that quotes too (two quotes are two statements: `conflicts`); with one that quotes
        nobody, by its narration or by all it says, its quoted words included, whichever
        is closer: an outlet telling in its own words what another quotes states the same
        thing ("« Je lui ai dit que ... », a dit X" / "X a confié qu'il lui avait dit
        que ..."). On rpm2-dev's claims gold, 0.683 / 0.867 / 0.537 -> 0.700 / 0.868 /
        0.541. Comparing such pairs by all they say only (not the closer of the two) also
        parted about nine wrong pairs of a narration and a quote on another thing over the
        20 clusters, but its summaries lost 0.003 ROUGE-1 (two clusters), under the floor.
        """
        total = self._weight[i] + self._weight[j]
        shared = math.fsum(self.lemma_idf[w] for w in self.units[i].lemmas
                           & self.units[j].lemmas)
        narration = 2 * shared / total if total else 0.0
        if bool(self.units[i].quoted) == bool(self.units[j].quoted):
            return narration
        total = self._said_weight[i] + self._said_weight[j]
        shared = math.fsum(self._said_idf[w] for w in self._said[i] & self._said[j])
        return max(narration, 2 * shared / total if total else 0.0)

    def overlap(self, i: int, j: int) -> float:
        """`overlap` of two units' words, their weights computed once."""
        lighter = min(self._word_weight[i], self._word_weight[j])
        if not lighter:
            return 0.0
        return math.fsum(self.idf[w] for w in self.units[i].words & self.units[j].words) / lighter

    def cosine(self, i: int, j: int) -> float:
        if not (self._has_vector[i] and self._has_vector[j]):
            return _NO_VECTOR
        return float(self.matrix[i] @ self.matrix[j])

    def score(self, i: int, j: int) -> float:
        """How alike two units are in what they say: cosine + lemma Dice, in [-1, 2]."""
        key = (i, j) if i < j else (j, i)
        if key not in self._cache:
            d = self.dice(i, j)
            o = self.overlap(i, j)
            self._cache[key] = ((self.cosine(i, j) + d + OVL_W * o) if d >= MIN_DICE
                                else -1.0)
        return self._cache[key]

    def candidates(self, neighbours: int, exact_up_to: int = 2048) -> set[tuple[int, int]]:
        """Pairs worth scoring: each unit's nearest neighbours by meaning in other articles,
        and the units sharing a lemma that few units have (a lemma in many units pairs
        none, so those pairs grow linearly). Up to `exact_up_to` units the neighbours are
        exact (one matrix product, its cost bounded by that size); past it they come from
        a graph index (`nearest`), whose cost grows about n log n."""
        n = len(self.units)
        owner = np.array([id(u.article) for u in self.units])
        pairs: set[tuple[int, int]] = set()
        if n > 1 and self.matrix.shape[1] and neighbours > 0:
            rows, cols = nearest(self.matrix, owner, neighbours, exact_up_to)
            pairs.update(zip(np.minimum(rows, cols).tolist(), np.maximum(rows, cols).tolist(),
                             strict=True))
        index: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(self.units):
            for w in u.lemmas:
                index[w].append(i)
        for members in index.values():
            if len(members) > neighbours:  # a common word finds nothing particular
                continue
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if owner[i] != owner[j]:
                        pairs.add((i, j))
        return pairs

    def cluster(self, pair: float, mean: float, neighbours: int, also: float | None = None
                ) -> list[list[int]]:
        """Units -> groups stating one fact (indexes into `units`), each group at most one
        unit per article; with `also`, a unit may join a second group (see `_also`). Pairs
        merge best first when their groups are alike on average
        (`mean`) and hold no conflicting values; a pair below `pair` starts no merge."""
        scored = sorted(((self.score(i, j), i, j) for i, j in self.candidates(neighbours)),
                        key=lambda t: (-t[0], t[1], t[2]))
        group_of = list(range(len(self.units)))
        members: dict[int, list[int]] = {i: [i] for i in range(len(self.units))}
        owners: dict[int, set[int]] = {i: {id(u.article)} for i, u in enumerate(self.units)}
        for s, i, j in scored:
            if s < pair:
                break
            gi, gj = group_of[i], group_of[j]
            if gi == gj or owners[gi] & owners[gj]:
                continue
            # Judged on the first members of each group (the best-linked ones): average
            # linkage over all pairs would cost the square of the outlets carrying a fact.
            cross = [(x, y) for x in members[gi][:_SAMPLE] for y in members[gj][:_SAMPLE]]
            if any(conflicts(self.units[x], self.units[y]) for x, y in cross):
                continue
            if sum(self.score(x, y) for x, y in cross) / len(cross) < mean:
                continue
            keep, gone = (gi, gj) if len(members[gi]) >= len(members[gj]) else (gj, gi)
            for x in members[gone]:
                group_of[x] = keep
            members[keep].extend(members.pop(gone))
            owners[keep] |= owners.pop(gone)
        extra = self._also(scored, group_of, members, owners, also) if also else {}
        # A group's own members first (its text is one of theirs), then those that joined
        # it from another group.
        return [sorted(m) + sorted(extra.get(g, ())) for g, m in members.items()]

    def _also(self, scored, group_of, members, owners, also: float) -> dict[int, list[int]]:
        """A sentence often states two facts ("X met Y on Monday, after visiting Z"): it
        also joins another corroborated group, of an article that group lacks, when it is
        alike on average (`also`) to that group's members and conflicts with none."""
        extra: dict[int, list[int]] = defaultdict(list)
        for s, i, j in scored:
            if s < also:
                break
            for x, y in ((i, j), (j, i)):
                g = group_of[y]
                if (g == group_of[x] or len(members[g]) < _ALSO_MIN
                        or id(self.units[x].article) in owners[g]):
                    continue
                sample = members[g][:_SAMPLE]
                if any(conflicts(self.units[x], self.units[m]) for m in sample):
                    continue
                if sum(self.score(x, m) for m in sample) / len(sample) >= also:
                    extra[g].append(x)
                    owners[g].add(id(self.units[x].article))
        return extra

    def join_anchors(self, groups: list[list[int]], share: float, mean: float
                     ) -> list[list[int]]:
        """Groups (from `cluster`) -> groups widened by the predications inside sentences.
        The units of different articles holding one (predicate, argument) anchor state one
        thing even when their whole sentences say more besides ("Après son retour sur
        les pistes, X disputera ..."): they join the group holding two of them already,
        else form a group of their own, so that a sentence may be in several groups, one
        per thing it states. An anchor counts when its argument is particular (its lemma in
        at most a `share` of the story's units: the story's subject anchors nothing); a unit
        joins when it is alike on average (`mean`) to the others holding it and conflicts
        with none of them (different values, a hedge), nor with the group it joins. The
        most widely held anchors go first. A unit is compared with at most `_SAMPLE` others
        of its anchor, so the cost grows with the anchors, not with the square of the
        sentences."""
        owner = [id(u.article) for u in self.units]
        df = Counter(w for u in self.units for w in u.lemmas)
        holding: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, u in enumerate(self.units):
            for an in u.anchors:
                holding[an].append(i)
        holders: dict[tuple[str, str], dict[int, int]] = {}
        for an, units in holding.items():
            # particular: in at most `share` of the story's units, or (a small story, where
            # any word is in a large share) in no unit but those holding the anchor
            if df[an[1]] <= max(share * len(self.units), len(units)):
                first: dict[int, int] = {}
                for i in units:
                    first.setdefault(owner[i], i)  # one unit per article
                if len(first) >= 2:
                    holders[an] = first
        order = sorted((-len(m), -(self.lemma_idf.get(an[0], 0.0)
                                   + self.lemma_idf.get(an[1], 0.0)), an)
                       for an, m in holders.items())
        out = [list(g) for g in groups]
        owners = [{owner[i] for i in g} for g in out]
        where: dict[int, set[int]] = defaultdict(set)
        for g, m in enumerate(out):
            for i in m:
                where[i].add(g)
        for _, _, an in order:
            members = list(holders[an].values())
            keep: list[int] = []
            for i in members:
                others = list(islice((j for j in members if j != i), _SAMPLE))
                if (any(conflicts(self.units[i], self.units[j]) for j in keep[:_SAMPLE])
                        or sum(self.score(i, j) for j in others) / len(others) < mean):
                    continue
                keep.append(i)
            if len(keep) < 2:
                continue
            held = Counter(g for i in keep for g in where[i] if len(out[g]) >= 2)
            g, n = held.most_common(1)[0] if held else (-1, 0)
            if n < 2:  # no group states it yet: it is a fact of its own
                g = len(out)
                out.append([])
                owners.append(set())
                # its text is its first sentence: the shortest says the least besides
                keep.sort(key=lambda i: (len(self.units[i].sentence.text), i))
            for i in keep:
                if owner[i] not in owners[g] and not any(
                        conflicts(self.units[i], self.units[j]) for j in out[g][:_SAMPLE]):
                    out[g].append(i)
                    owners[g].add(owner[i])
                    where[i].add(g)
        # A sentence alone in its group that has joined a corroborated one is said there.
        return [g for g in out if len(g) > 1 or (g and len(where[g[0]]) == 1)]
