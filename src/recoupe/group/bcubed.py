"""Predicted and true groupings -> B-cubed precision, recall and F1 (Bagga and Baldwin, 1998).

In: two mappings item -> cluster label, predicted and gold, over the same items (items missing
from `predicted` count as singletons). Out: `BCubed(precision, recall, f1)`, each the mean over
items: precision is the share of an item's predicted cluster that truly belongs with it,
recall the share of its true cluster that was put with it. Used by the tests and benchmarks
that measure story grouping; written here because it is a dozen lines and no pinned library
offers it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """Predicted and gold labels per item -> B-cubed precision, recall and F1 over gold's items."""
    items = list(gold)
    if not items:
        return BCubed(1.0, 1.0, 1.0)
    pred = {i: predicted.get(i, ("singleton", i)) for i in items}
    both = Counter((pred[i], gold[i]) for i in items)
    pred_size = Counter(pred.values())
    gold_size = Counter(gold[i] for i in items)
    precision = sum(both[pred[i], gold[i]] / pred_size[pred[i]] for i in items) / len(items)
    recall = sum(both[pred[i], gold[i]] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)
