"""A new database opened by several processes at once: each open succeeds, none reports a
false "busy" or "another program" (the creation race of a fresh file)."""

from __future__ import annotations

import multiprocessing

from recoupe.store import SCHEMA_VERSION, Store, StoreError


def _open(path: str, ready, queue) -> None:
    ready.wait()
    try:
        with Store(path) as store:
            queue.put(("ok", store.schema_version))
    except StoreError as exc:
        queue.put(("error", str(exc)))
    except Exception as exc:  # any other failure is reported now, not after the queue's wait
        queue.put(("crash", f"{type(exc).__name__}: {exc}"))


def test_store_new_database_opened_by_many_processes_at_once(tmp_path):
    context = multiprocessing.get_context("fork")
    for round_ in range(40):
        path = str(tmp_path / f"new{round_}.db")
        ready, queue = context.Event(), context.Queue()
        procs = [context.Process(target=_open, args=(path, ready, queue)) for _ in range(6)]
        for p in procs:
            p.start()
        ready.set()
        results = [queue.get(timeout=600) for _ in procs]
        for p in procs:
            p.join(timeout=600)
        assert results == [("ok", SCHEMA_VERSION)] * len(procs), results


def test_store_newer_schema_read_only_says_upgrade_recoupe(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        store._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    try:
        Store(path, read_only=True)
    except StoreError as exc:
        message = str(exc)
    else:
        raise AssertionError("a newer database opened")
    assert "newer recoupe" in message and "reindex" not in message
