"""On real news (rpm2-dev, 200 articles), every sentence the brief shows as a claim or a
summary line is a whole sentence of its article, as `annotate.sentences` segments the
article's cleaned text, or its headline: none starts or ends inside a sentence.

Skipped when ../shared is not beside the checkout. One `recoupe brief DIR --format json` run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recoupe.annotate import nlp, sentences
from recoupe.config import AnnotateConfig

DOCUMENTS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/rpm2-dev/documents"
EXE = Path(sys.executable).with_name("recoupe")


def fragments(brief: dict) -> tuple[list[tuple[str, str]], int, list[tuple[str, str]], int]:
    """Brief JSON -> (claim sentences that are not whole sentences, claim sentences,
    summary sentences that are not whole sentences, summary sentences)."""
    articles = brief["articles"]
    pipeline = nlp.load("fr", AnnotateConfig())
    split = sentences.split(pipeline, [a["text"] for a in articles])
    whole = {a["id"]: set(s) | {(a.get("title") or "").strip()}
             for a, s in zip(articles, split, strict=True)}
    claims = [(s["article"], s["text"]) for story in brief["stories"]
              for c in story["claims"] for s in c["sentences"]]
    # A summary line is its claim's text: whole in the first article that carries it.
    summary = [(s["text"], s["articles"]) for story in brief["stories"]
               for s in story["summary"]]
    bad_claims = [(a, t) for a, t in claims if t not in whole[a]]
    bad_summary = [(", ".join(arts), t) for t, arts in summary
                   if not any(t in whole[a] for a in arts)]
    return bad_claims, len(claims), bad_summary, len(summary)


@pytest.mark.slow
@pytest.mark.skipif(not DOCUMENTS.is_dir(), reason=f"{DOCUMENTS} is not beside the checkout")
def test_rpm2_claims_and_summary_are_whole_sentences():
    done = subprocess.run([str(EXE), "brief", str(DOCUMENTS), "--format", "json"],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-4000:]
    bad_claims, n_claims, bad_summary, n_summary = fragments(json.loads(done.stdout))
    assert n_claims > 0 and n_summary > 0
    assert bad_claims == [], f"{len(bad_claims)} of {n_claims} claim sentences are fragments"
    assert bad_summary == [], f"{len(bad_summary)} of {n_summary} summary lines are fragments"
