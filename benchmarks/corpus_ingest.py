"""Ingest into the corpus database, adding again, and re-briefing a stored story.

In: the 200 real articles of ../shared/corpus/rpm2-dev and the five seed articles.
Out: printed lines:
- baseline: the per-article stages alone (read, clean, annotate with spaCy; nothing stored);
- ingest: `Corpus.add` of the same articles into a new database (the same stages, plus
  storing, grouping into stories, linking copies and cross-checking every story), in
  articles per second and as a ratio to the baseline;
- adding the same inputs again (nothing new: no annotation, no grouping), in this process,
  and through the command line as a user runs it (`recoupe add DIR --db FILE`, a new process
  each time: imports, reading and cleaning included; median of 3; issue 12's goal: under
  2 s for 200 articles), against `recoupe --help` (the interpreter's start) in the same run;
- re-briefing the seeds' story from the database: reading the stored brief, and recomputing
  it from the stored annotations (what `reindex` does after a cross-check change), both with
  no NLP model, against briefing the same five files from scratch (read, clean, annotate,
  cross-check) in the same run, with the model already loaded;
- the peak memory of the process (ru_maxrss).

usage: python benchmarks/corpus_ingest.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    from recoupe.annotate.nlp import load
    from recoupe.config import Config
    from recoupe.corpus import Corpus
    from recoupe.pipeline import brief, cross_check_story, process
    from recoupe.read import read_inputs

    config = Config()
    load("fr", config.annotate)  # the model's load is not what is measured
    raws = [r for r in read_inputs([str(RPM2)], config.read) if hasattr(r, "content")]
    n = len(raws)

    t0 = time.perf_counter()
    process(raws, config)
    baseline = time.perf_counter() - t0
    print(f"baseline  clean + annotate, {n} articles, nothing stored: {baseline:6.1f} s "
          f"= {n / baseline:5.1f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Corpus(db, config) as corpus:
            t0 = time.perf_counter()
            report = corpus.add([str(RPM2)])
            ingest = time.perf_counter() - t0
            print(f"ingest    Corpus.add, {len(report.added)} articles -> "
                  f"{len(corpus.stories())} stories: {ingest:6.1f} s = "
                  f"{len(report.added) / ingest:5.1f} articles/s "
                  f"({ingest / baseline:.2f}x the baseline)")
            t0 = time.perf_counter()
            again = corpus.add([str(RPM2)])
            readd = time.perf_counter() - t0
            print(f"re-add    the same {len(again.known)} articles, none new: {readd:6.2f} s "
                  f"({readd / baseline:.3f}x the baseline)")
            recoupe = str(Path(sys.executable).with_name("recoupe"))
            cli = _best(lambda: subprocess.run([recoupe, "add", str(RPM2), "--db", str(db)],
                                               check=True, capture_output=True), runs=3)
            start = _best(lambda: subprocess.run([recoupe, "--help"], check=True,
                                                 capture_output=True), runs=3)
            print(f"re-add    through the command line, a new process: {cli:6.2f} s "
                  f"(goal < 2 s; `recoupe --help` {start:.2f} s, {cli / start:.1f}x; "
                  f"load average {os.getloadavg()[0]:.1f})")
            size = db.stat().st_size + Path(f"{db}-wal").stat().st_size
            print(f"database  {size / 2**20:.1f} MiB for {len(report.added)} articles "
                  f"({size / len(report.added) / 1024:.0f} KiB each, raw text, "
                  "annotations and briefs)")
            corpus.add([str(SEEDS)])
            sid = corpus.article_info(next(SEEDS.glob("*.txt")).stem).story
        with Corpus(db, config, read_only=True) as corpus:
            stored = _best(lambda: corpus.brief(sid))
            members = corpus.store.members(sid)
            recompute = _best(lambda: cross_check_story(members, config, sid))
        scratch = _best(lambda: brief([str(SEEDS)], config), runs=3)
        print(f"re-brief  the seeds' story (5 articles), no NLP: stored {stored * 1000:6.1f} ms, "
              f"recomputed from stored annotations {recompute * 1000:6.1f} ms; from the files "
              f"with the model loaded {scratch * 1000:6.0f} ms "
              f"({scratch / stored:.0f}x and {scratch / recompute:.1f}x slower)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB (this process), {children:,.0f} MiB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
