"""Sentence segmentation exactly as the brief makes it, for the sentence-boundary scorer.

In: a JSONL file, one `{"doc": id, "raw": text}` a line (more keys are ignored).
Out: on stdout, one `{"doc": id, "sentences": [...]}` a line, the sentences recoupe would use
for that text. It runs recoupe's own French pipeline (`annotate.nlp.load`) with only its
tokenizer and the boundary component enabled (`annotate.sentences.split`), and builds the
sentences with `annotate.sentences.spans`, the same code path `annotate._from_doc` uses;
the parser and the rest add nothing to the boundaries, so they are left out for speed.

usage: python benchmarks/sentences.py IN.jsonl > OUT.jsonl
then:  python ../shared/tools/score_sentences.py GOLD.jsonl OUT.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from recoupe.annotate import nlp as _nlp
from recoupe.annotate import sentences
from recoupe.config import AnnotateConfig


def segment(texts: list[str], language: str = "fr") -> list[list[str]]:
    """Texts -> the sentences of each, through the pipeline up to the boundary component."""
    return sentences.split(_nlp.load(language, AnnotateConfig()), texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help='JSONL with {"doc", "raw"} lines')
    args = parser.parse_args(argv)
    with open(args.input, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row, sents in zip(rows, segment([r["raw"] for r in rows]), strict=True):
        print(json.dumps({"doc": row["doc"], "sentences": sents}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
