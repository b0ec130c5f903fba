"""The per-article stages (clean + annotate) on a Dask cluster: other machines, or local processes.

In: a scheduler address ("tcp://HOST:8786") or a number of local worker processes, and the
batches of RawDocs the pipeline would otherwise annotate in its own process pool.
Out: `client(scheduler, workers)`, a context manager over a `dask.distributed.Client` (and
the `LocalCluster` it starts when given a number of workers); `process_on(client, chunks,
config, progress)`, what `pipeline._process_chunk` returns for each chunk, in input order.

Each Dask worker process loads the NLP model once, on its first chunk (`annotate.nlp` keeps it
for the life of the process), and keeps it for the next chunks. Only plain values cross the
wire: RawDocs and the Config go out, AnnotatedArticles or InputProblems come back; the client
then stores, groups and cross-checks as it does with its own pool, so the result is the same.
Workers need the same recoupe (and its model package) installed: see the README.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from .config import Config
from .errors import RecoupeError
from .model import AnnotatedArticle, InputProblem, RawDoc


@contextmanager
def client(scheduler: str | None = None, workers: int | None = None) -> Iterator[object]:
    """A Dask client: connected to `scheduler`, or to a new local cluster of `workers`
    processes (one thread each: spaCy is not shared across threads)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - dask is a dependency
        raise RecoupeError("dask.distributed is not installed; run `make install`") from e
    if scheduler:
        try:
            c = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as e:
            raise RecoupeError(f"cannot reach the Dask scheduler at {scheduler} ({e}); "
                               "start it with `dask scheduler` and check the address") from e
        with c:
            yield c
        return
    if not workers or workers < 1:
        raise RecoupeError("--workers takes a number of 1 or more")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def process_on(dask_client, chunks: Sequence[Sequence[RawDoc]], config: Config,
               work: Callable, progress: Callable[[int, int], None] | None = None
               ) -> list[AnnotatedArticle | InputProblem]:
    """Chunks of RawDocs -> `work(chunk, config)` for each, run on the cluster; the results in
    input order. `progress(done, total)` counts articles as chunks come back."""
    from dask.distributed import as_completed

    total = sum(len(c) for c in chunks)
    futures = dask_client.map(work, chunks, config=config, pure=False)
    index = {f.key: n for n, f in enumerate(futures)}
    out: list[list | None] = [None] * len(futures)
    done = 0
    for future in as_completed(futures):
        result = future.result()
        out[index[future.key]] = result
        done += len(result)
        if progress:
            progress(done, total)
    return [item for chunk in out for item in (chunk or [])]
