"""The Dask path against the local process pool, on the same batch of real articles.

In: the first --articles articles of ../shared/corpus/rpm2-dev (read once), cut into the same
chunks both ways (`annotate.batch_size`), and a number of worker processes.
Out: for each path, articles per second for the first batch (cold: the local pool forks after
this process loads the model; the Dask path starts a `LocalCluster` whose workers each load
it) and for the same batch again (warm: the model already loaded where it runs), and the
ratio Dask / local of each; then the CPU seconds per article each path spent in all its
processes (this one and its workers, reaped), the figure that holds on a busy machine.
Both run `pipeline.process`, which is what `recoupe add` runs (`--workers N` gives it a Dask
client; without it, `annotate.processes` local processes), so only the per-article stages
are timed, nothing stored. The results are checked equal.

usage: python benchmarks/dask_ratio.py [--articles 40] [--workers 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _cpu() -> float:
    """CPU seconds of this process and of its reaped descendants (pool and Dask workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from recoupe.cluster import client
    from recoupe.config import Config
    from recoupe.pipeline import process
    from recoupe.read import read_inputs

    config = Config()
    # The local pool runs from `parallel_from` articles on, in `processes` processes.
    config = dataclasses.replace(config, annotate=dataclasses.replace(
        config.annotate, processes=args.workers, parallel_from=1))
    raws = [r for r in read_inputs([str(RPM2)], config.read) if hasattr(r, "content")]
    raws = raws[:args.articles]
    n = len(raws)
    print(f"{n} articles, {args.workers} workers, chunks of {config.annotate.batch_size}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    cpu0 = _cpu()
    local_cold, (local, _) = _timed(lambda: process(raws, config))
    local_warm, _ = _timed(lambda: process(raws, config))
    cpu1 = _cpu()
    t0 = time.perf_counter()
    with client(workers=args.workers) as dask_client:
        started = time.perf_counter() - t0
        dask_first, (remote, _) = _timed(lambda: process(raws, config, cluster=dask_client))
        dask_warm, _ = _timed(lambda: process(raws, config, cluster=dask_client))
    dask_cold = started + dask_first
    cpu2 = _cpu()
    same = [a.article.id for a in local] == [a.article.id for a in remote] and local == remote
    print(f"local pool  cold {n / local_cold:5.2f} articles/s ({local_cold:5.1f} s, model "
          f"load included)   warm {n / local_warm:5.2f} articles/s ({local_warm:5.1f} s)")
    print(f"dask        cold {n / dask_cold:5.2f} articles/s ({dask_cold:5.1f} s, of which "
          f"{started:.1f} s cluster start)   warm {n / dask_warm:5.2f} articles/s "
          f"({dask_warm:5.1f} s)")
    print(f"ratio dask / local (articles/s): cold {local_cold / dask_cold:.2f}, "
          f"warm {local_warm / dask_warm:.2f}; same annotations: {same}")
    print(f"CPU per article, both runs, all processes: local {(cpu1 - cpu0) / (2 * n):.2f} s, "
          f"dask {(cpu2 - cpu1) / (2 * n):.2f} s (ratio {(cpu2 - cpu1) / (cpu1 - cpu0):.2f})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
