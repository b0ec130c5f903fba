"""A process that loads the NLP model at once and then annotates what it is sent, so that the
model's load (seconds, for French) overlaps with reading, cleaning and the cross-check tables.

In: the AnnotateConfig (which model to load). Out: `ModelWorker`, a context manager over one
forked process: `annotate(articles, config)` sends cleaned Articles and returns what
`annotate.annotate_each` returns for them (AnnotatedArticles, or problems); `close()` ends the
process, loaded or not. If the process dies, `annotate` raises `WorkerGone` and the caller
annotates in its own process. This module imports little, so that a command can start the
worker before it imports the rest of recoupe.
"""

from __future__ import annotations

import multiprocessing

from ..config import AnnotateConfig


class WorkerGone(RuntimeError):
    """The worker process ended before it answered."""


class ModelWorker:
    def __init__(self, config: AnnotateConfig):
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._conn, config),
                                        daemon=True, name="recoupe-model")
        self._process.start()
        child.close()

    def annotate(self, articles, config: AnnotateConfig) -> list:
        """Articles -> AnnotatedArticles or problems, computed in the worker."""
        try:
            self._conn.send((list(articles), config))
            status, payload = self._conn.recv()
        except (EOFError, OSError) as e:
            raise WorkerGone(str(e)) from e
        if status != "ok":
            raise WorkerGone(payload)
        return payload

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)
        self._conn.close()

    def __enter__(self) -> ModelWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, parent_end, config: AnnotateConfig) -> None:
    # The fork copied the parent's end of the pipe: close it here, so that when the parent
    # dies (even by kill -9) the pipe ends and this process exits instead of waiting forever.
    parent_end.close()
    from . import annotate_each
    from .nlp import load

    load(config.fallback, config)
    while True:
        try:
            articles, run_config = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", annotate_each(articles, run_config)))
        except Exception as e:  # noqa: BLE001 - reported to the caller, which falls back
            conn.send(("error", f"{type(e).__name__}: {e}"))
