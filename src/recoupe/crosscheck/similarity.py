"""Texts of a story -> how much two of them say the same thing, by rare words they share.

In: short texts (sentences, quotes). Out: `content_words(text)`, the folded content words of
a text (numbers kept: "40 secondes" and "40 seconds" share "40"); `rarity(word_sets)`, an
inverse document frequency per word over the story; `overlap(a, b, idf)`, the weight of the
shared words over the lighter (or, asked, the heavier) text's weight, in [0, 1];
`leader_groups(...)`, texts grouped by what they say. Works on stored text only: the
cross-article stages never go back to the NLP model.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

from ..text import fold

_WORD = re.compile(r"[^\W\d_]{4,}|\d+")


def content_words(text: str) -> frozenset[str]:
    """A text -> its folded words of four letters or more, and its numbers."""
    return frozenset(_WORD.findall(fold(text)))


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
    shared = sum(idf.get(w, 1.0) for w in a & b)
    weights = (sum(idf.get(w, 1.0) for w in a), sum(idf.get(w, 1.0) for w in b))
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
