"""How the cross-check time grows with the size of one story, from 5 to 500 articles.

In: the seed articles (../shared/corpus/seeds), read, cleaned and annotated once; copies of
them under new ids make stories of 5, 50 and 500 articles. The copies are identical texts,
so this measures how the stages' loops grow with the number of articles, sentences and
quotes (the blocking steps), not how hard alignment is on varied texts.
Out: printed lines with the time of the cross-article stages (entities, quotes, statements,
claims, discrepancies, timeline, summary) for each size, the time per article, and the
growth ratio between sizes: linear growth keeps the time per article flat; quadratic growth
multiplies it by ten for each tenfold size. The NLP model is not part of what is timed.

usage: python benchmarks/crosscheck_scaling.py [--sizes 5 50 500]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _copies(annotated, n):
    """n articles: the annotated seeds again and again, under new ids."""
    out = []
    for i in range(n):
        a = annotated[i % len(annotated)]
        aid = f"{a.article.id}-{i}"
        quotes = tuple(dataclasses.replace(q, id=f"{aid}:{q.id.split(':')[-1]}", article=aid)
                       for q in a.quotes)
        out.append(dataclasses.replace(a, article=dataclasses.replace(a.article, id=aid),
                                       quotes=quotes))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    args = parser.parse_args(argv)
    from recoupe.config import Config
    from recoupe.pipeline import cross_check, process
    from recoupe.read import read_inputs

    config = Config()
    raws = [r for r in read_inputs([str(SEEDS)], config.read)]
    annotated, _ = process(raws, config)
    cross_check(annotated, config)  # loads the place and word tables before the clock runs
    rows = []
    for n in args.sizes:
        story = _copies(annotated, n)
        start = time.perf_counter()
        brief = cross_check(story, config)
        elapsed = time.perf_counter() - start
        s = brief.stories[0]
        rows.append((n, elapsed))
        print(f"{n:5d} articles  {elapsed:8.3f} s  {1000 * elapsed / n:7.2f} ms/article  "
              f"({len(s.entities)} entities, {len(s.quotes)} quotes, {len(s.statements)} "
              f"statements, {len(s.claims)} claims, {len(s.discrepancies)} discrepancies)")
    for (n1, t1), (n2, t2) in zip(rows, rows[1:], strict=False):
        print(f"growth {n1} -> {n2} articles (x{n2 / n1:g}): time x{t2 / t1:.1f} "
              f"(linear x{n2 / n1:g}, quadratic x{(n2 / n1) ** 2:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
