"""Adding one article to a corpus of 200, 10,000 and 100,000 stored articles.

In: synthetic annotated articles (benchmarks/grouping_scale.py's generator: stories of 2 to 12
articles over two years, ~150 tokens each; no NLP model), stored in a fresh database per size
with their grouping features and stories (briefs left out: they are not what grows).
Out, for each size, in a fresh process:
- add-one: `Corpus.add` of one new article of an existing story, its clean + annotate taken
  as done (the same for every size, and measured by benchmarks/throughput.py), so that what is
  timed is what may grow with the corpus: storing it, placing it in a story through the
  grouper state kept in the database, and rebuilding its story's brief; median of 7 adds;
- replay: what each add cost before the grouper's state was kept (rebuilding the grouper from
  every stored article's features), measured on the same database;
then add-one at each size as a ratio to add-one at the smallest (the target: within 1.5x at
100,000), and the peak memory of each process.

usage: python benchmarks/corpus_growth.py [--sizes 200 10000 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh import per_size  # noqa: E402 - benchmarks/ put on the path just above


def _fill(corpus, n: int) -> list:
    """Store n synthetic articles with their stories; -> a few held back to add one by one."""
    from grouping_scale import synthetic

    from recoupe import codec, pipeline
    from recoupe.group.stories import features

    made = list(synthetic(n + 7))
    # Hold back the last article of the last stories: adding it joins an existing story.
    held, kept = made[-7:], made[:-7]
    store = corpus.store
    batch = 2000
    for start in range(0, len(kept), batch):
        chunk = kept[start:start + batch]
        with store.writing():
            fresh = []
            for a, _ in chunk:
                f = features(a)
                store.add(a, pipeline.ANALYSIS_VERSION, features=codec.dumps(f))
                fresh.append(f)
            ready = store.grouping_ready()
            assigned, delta = pipeline.place(fresh, corpus.config,
                                             lookup=store if ready else None,
                                             stored=() if ready else store.grouping())
            store.save_grouping(delta, complete=not ready)
            for article_id, story_id in assigned.items():
                store.assign(article_id, story_id)
    return [a for a, _ in held]


def measure(n: int) -> dict:
    from recoupe import pipeline
    from recoupe.corpus import Corpus
    from recoupe.group.stories import features

    with tempfile.TemporaryDirectory() as tmp:
        with Corpus(Path(tmp) / "growth.db") as corpus:
            t0 = time.perf_counter()
            held = _fill(corpus, n)
            fill_s = time.perf_counter() - t0
            real_ingest = pipeline.ingest
            times = []
            for a in held:
                new = pipeline.NewArticle("{}", a, features(a))
                pipeline.ingest = lambda *args, new=new, **kw: pipeline.Ingested((new,), (), ())
                try:
                    t0 = time.perf_counter()
                    report = corpus.add()
                    times.append(time.perf_counter() - t0)
                finally:
                    pipeline.ingest = real_ingest
                assert report.added == (a.article.id,), report
            t0 = time.perf_counter()
            pipeline.place([dataclasses.replace(features(held[0]), article="x")],
                           corpus.config, stored=corpus.store.grouping())
            replay_s = time.perf_counter() - t0
            stored = len(corpus.store)
    return {"n": stored, "fill_s": fill_s, "add_one_s": statistics.median(times),
            "replay_s": replay_s,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    results = per_size(__file__, args.sizes)
    for r in results:
        print(f"{r['n']:>7} stored: add-one {r['add_one_s'] * 1000:7.1f} ms "
              f"(replaying the grouper, as before: {r['replay_s'] * 1000:8.1f} ms); "
              f"filled in {r['fill_s']:.0f} s, peak {r['peak_mib']:,.0f} MiB")
    base = results[0]
    for r in results[1:]:
        print(f"add-one at {r['n']:,} / at {base['n']:,}: "
              f"x{r['add_one_s'] / base['add_one_s']:.2f} (target <= 1.5); "
              f"replay x{r['replay_s'] / base['replay_s']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
