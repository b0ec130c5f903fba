"""How each cross-article stage and each renderer grows with one story of distinct articles.

In: the 200 real articles of ../shared/corpus/rpm2-dev, and light rewrites of them (numbers
changed, paragraphs in another order, another outlet) up to the largest size, cleaned and
annotated once (the NLP model is not part of what is timed). Stories of 10, 100 and 1,000
distinct articles are cross-checked as ONE story each (grouping is bypassed: the point is a
story that large).
Out: for each size, the time of every stage (copies, entities, speakers, claims, statements,
discrepancies, timeline, summary) and renderer (json, md, html, text), and the claims and
quotes the story holds; then each one's growth ratio from one size to the next, against
x10 (linear) and x100 (quadratic) for ten times the articles. No stage may switch itself off
at a size: the counts show what each did.

usage: python benchmarks/crosscheck_scaling.py [--sizes 10 100 1000] [--cache FILE] [--no-render]
(--cache keeps the annotated articles in FILE, a pickle, so that a second run, e.g. before
and after a change of a cross-article stage, does not annotate them again)

Measured (CPU seconds of the stage alone on the 100- and 1,000-article stories, same cache,
output identical before and after; wall times of this script on a shared machine are noisier):

    stage                        before 100 / 1,000 (growth)    after 100 / 1,000 (growth)
    speakers                     0.056 / 0.965 (x17)            0.020 / 0.148 (x7.4)
    timeline                     0.038 / 0.462 (x12)            0.025 / 0.273 (x11)
    discrepancies: wordings      0.013 / 0.270 (x21)            0.012 / 0.108 (x9)

speakers: each quote scanned every spelling of the story and each role every apposition
(quotes x entities, quotes x appositions); now word spans and role suffixes are looked up in
indexes. timeline: each dated sentence was compared with every group of its date; now only
the groups sharing a word with it. wordings: a quote's words were read four times per
statement.

Claims (CPU seconds, 100 / 1,000 articles: 1,716 / 17,420 sentences in the pipeline, x10.2):

    claims (find_claims, all)    0.6-1.0 / 7.7-10 (x10-16 over four runs, shared machine)
      units_of                   0.19-0.42 / 2.2-3.0 (x8-10)
      neighbours, exact product  0.09 / 5.53 (x60: the square of the sentences)
      neighbours, HNSW index     0.23 / 3.31 (x14.5; n log n predicts x13.3)
    render html: matrix cells    - / 0.47 -> 0.16 (4,092 claims x 1,000 articles)
    render html (all)            0.35 / 2.9 (x8.4)

The claims stage is linear but for its neighbour search, which is n log n: its ratio from 100
to 1,000 articles (x20-47 in wall time) compares two methods, since the stage uses the exact
product up to 2,048 sentences (0.09 s at 100 articles) and the HNSW index past it (3.3 s at
1,000, whose cost per query, ~100 us at efSearch 128, is ~20x the product's amortised cost at
small sizes). Candidate pairs grow linearly (28,870 / 160,445 for 1,509 / 15,503 units) and
each is scored once (score cache, weights per unit computed once). What was fixed: units_of
scanned every quote mask of the story for every article (articles x masks: 2.6 million
steps at 1,000 articles, small against the rest); the matrix cells took a Python step per
cell (4 million at 1,000 articles) and now place each row's hits by an index of the columns.
Briefs of seeds and rpm2-dev byte-identical before and after (JSON and HTML).
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"

# (module, name) of the functions timed; each is wrapped where the caller looks it up, so the
# measure follows the code whatever their arguments become.
_STAGES = [
    ("recoupe.pipeline", "find_copies", "copies"),
    ("recoupe.crosscheck.canon", "merge_entities", "entities"),  # pipeline imports it per call
    ("recoupe.crosscheck.story", "resolve_speakers", "speakers"),
    ("recoupe.crosscheck.story", "find_claims", "claims"),
    ("recoupe.crosscheck.similarity", "SentenceSpace.candidates", "  claims: neighbours"),
    ("recoupe.crosscheck.story", "fold_statements", "statements"),
    ("recoupe.crosscheck.story", "find_discrepancies", "discrepancies"),
    ("recoupe.crosscheck.story", "build_timeline", "timeline"),
    ("recoupe.crosscheck.story", "summarize", "summary"),
]
_RENDERERS = ("json", "md", "html", "text")


def _rewrite(raw, k: int):
    """A light rewrite of an article: its numbers moved by k, its paragraphs rotated, another
    id and outlet."""
    paragraphs = raw.content.split("\n")
    if len(paragraphs) > 2:
        body = paragraphs[1:]
        shift = k % len(body)
        paragraphs = paragraphs[:1] + body[shift:] + body[:shift]
    text = re.sub(r"\d+", lambda m: str(int(m.group(0)) + k), "\n".join(paragraphs))
    return dataclasses.replace(raw, id=f"{raw.id}-r{k}", source=f"{raw.source}#r{k}",
                               content=text, outlet=f"Outlet {k}")


def _timed(totals: dict[str, float]) -> None:
    import importlib

    for module_name, name, label in _STAGES:
        owner = importlib.import_module(module_name)
        *path, name = name.split(".")  # a method: "Class.method"
        for part in path:
            owner = getattr(owner, part)
        real = getattr(owner, name)

        def wrapper(*args, _real=real, _label=label, **kwargs):
            t0 = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                totals[_label] += time.perf_counter() - t0

        setattr(owner, name, wrapper)


def _neighbours(members) -> tuple[float, float]:
    """The claims' nearest-neighbour search on one story: exact matrix product against the
    HNSW index (similarity.nearest), both at every size so that each one's growth shows
    (the stage switches from the first to the second past 2,048 sentences, so its own ratio
    across that size compares two methods); CPU times, and the index's recall."""
    import numpy as np

    from recoupe.crosscheck.similarity import SentenceSpace, nearest, units_of

    space = SentenceSpace(units_of(members))
    owner = np.array([id(u.article) for u in space.units])
    found = {}
    for label, exact_up_to in (("exact", len(owner)), ("index", 0)):
        t0 = time.process_time()
        rows, cols = nearest(space.matrix, owner, 12, exact_up_to)
        found[label] = (time.process_time() - t0, set(zip(rows.tolist(), cols.tolist(),
                                                                   strict=True)))
    (te, exact), (ti, index) = found["exact"], found["index"]
    print(f"nearest neighbours of {len(owner)} sentences (12 each, CPU time): exact product "
          f"{te:.2f} s, HNSW index {ti:.2f} s, index recall {len(exact & index) / len(exact):.3f}")
    return te, ti


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--no-render", action="store_true", help="time the stages only")
    parser.add_argument("--cache", type=Path, help="annotated articles kept here (pickle)")
    args = parser.parse_args(argv)
    from recoupe.config import Config
    from recoupe.model import Brief
    from recoupe.pipeline import cross_check_story, process
    from recoupe.read import read_inputs
    from recoupe.render import render

    config = Config()
    base = [r for r in read_inputs([str(RPM2)], config.read) if hasattr(r, "content")]
    need = max(args.sizes)
    raws = list(base)
    k = 1
    while len(raws) < need:
        raws += [_rewrite(r, k) for r in base[:need - len(raws)]]
        k += 1
    t0 = time.perf_counter()
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as f:
            annotated = pickle.load(f)  # our own file, written below
    else:
        annotated, _ = process(raws, config)
        if args.cache:
            with args.cache.open("wb") as f:
                pickle.dump(annotated, f)
    print(f"annotated {len(annotated)} articles in {time.perf_counter() - t0:.0f} s (not timed "
          "below)")
    cross_check_story(annotated[:5], config)  # place and word tables load before the clock
    totals: dict[str, float] = defaultdict(float)
    _timed(totals)
    rows = []
    for n in args.sizes:
        totals.clear()
        members = annotated[:n]
        t0 = time.perf_counter()
        story = cross_check_story(members, config, "s1")
        totals["cross-check (all)"] = time.perf_counter() - t0
        brief = Brief(tuple(a.article for a in members), (story,))
        for fmt in () if args.no_render else _RENDERERS:
            t0 = time.perf_counter()
            render(brief, fmt)
            totals[f"render {fmt}"] = time.perf_counter() - t0
        rows.append((n, dict(totals)))
        print(f"{n:5d} articles: {len(story.claims)} claims, {len(story.quotes)} quotes, "
              f"{len(story.summary)} summary sentences, {len(story.discrepancies)} differences")
        for label, seconds in totals.items():
            print(f"      {label:<20} {seconds:8.3f} s")
    for n, totals_n in rows:
        totals_n["  neighbours: exact"], totals_n["  neighbours: HNSW"] = _neighbours(
            annotated[:n])
    for (n1, t1), (n2, t2) in zip(rows, rows[1:], strict=False):
        print(f"growth {n1} -> {n2} articles (x{n2 / n1:g}; linear x{n2 / n1:g}, "
              f"quadratic x{(n2 / n1) ** 2:g}):")
        for label in t2:
            if t1.get(label):
                print(f"      {label:<20} x{t2[label] / t1[label]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
