"""Server behaviour under hostile data and many readers: lone surrogates in stored text, the
Host guard for the address it was told to bind, page work off the event loop, rendered story
pages cached by the story's version, and long stories paginated."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import threading

import httpx
import pytest
from fastapi.testclient import TestClient

from recoupe.web import create_app

from .support import FakeCorpus, hostile_brief, serving, wide_brief


def _surrogate_brief():
    brief = hostile_brief()
    first = dataclasses.replace(brief.articles[0], title="Titre \ud83d coupé",
                                outlet="Écho \udce9")
    story = dataclasses.replace(brief.stories[0], title="Pont \ud83d")
    return dataclasses.replace(brief, articles=(first, *brief.articles[1:]), stories=(story,))


def test_web_lone_surrogates_are_shown_escaped():
    client = TestClient(create_app(FakeCorpus([_surrogate_brief()])))
    for url in ("/", "/story/s-evil", "/article/evil-1", "/outlets",
                "/story/s-evil?format=json", "/article/evil-1?format=json"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "\\ud83d" in client.get("/story/s-evil").text
    assert "\\ud83d" in client.get("/article/evil-1").text


def test_web_host_guard_accepts_the_address_it_binds():
    from recoupe.web.app import allowed_hosts_for

    app = create_app(FakeCorpus([hostile_brief()]), allowed_hosts=allowed_hosts_for("127.0.0.2"))
    client = TestClient(app, base_url="http://127.0.0.2:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


class _Gated(FakeCorpus):
    """A corpus whose story briefs wait for `gate`: a page that takes as long as we like."""

    def __init__(self, briefs):
        super().__init__(briefs)
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.briefs_built = 0

    def brief(self, story_id):
        self.entered.set()
        assert self.gate.wait(60), "the gate was never opened"
        self.briefs_built += 1
        return super().brief(story_id)


def test_web_slow_page_does_not_block_other_requests():
    corpus = _Gated([hostile_brief()])
    # Each worker thread "opens" the corpus (an in-memory one: the same object).
    with serving(lambda: create_app(connect=lambda: corpus)) as base:
        slow_done: list = []

        def slow():
            slow_done.append(httpx.get(f"{base}/story/s-evil", timeout=90).status_code)

        thread = threading.Thread(target=slow, daemon=True)
        thread.start()
        try:
            assert corpus.entered.wait(30)
            # The story page is held in its handler; the list must still answer.
            response = httpx.get(f"{base}/", timeout=20)
            assert response.status_code == 200
            assert not slow_done
        finally:
            corpus.gate.set()
            thread.join(60)
        assert slow_done == [200]


def test_web_story_page_is_cached_until_the_story_changes():
    corpus = _Gated([hostile_brief()])
    corpus.gate.set()
    now = [0.0]  # the server looks at a story's version at most once a second: a fake clock
    client = TestClient(create_app(corpus, clock=lambda: now[0]))
    first = client.get("/story/s-evil")
    second = client.get("/story/s-evil")
    assert first.status_code == second.status_code == 200 and first.text == second.text
    assert corpus.briefs_built == 1
    # The story changes (one more article): its page is built again.
    brief = corpus._briefs["s-evil"]
    story = dataclasses.replace(brief.stories[0], articles=brief.stories[0].articles[:2])
    corpus._briefs["s-evil"] = dataclasses.replace(brief, stories=(story,))
    client.get("/story/s-evil")
    assert corpus.briefs_built == 1  # within the second: the version is not looked at again
    now[0] += 1.5
    client.get("/story/s-evil")
    assert corpus.briefs_built == 2


def test_web_long_story_is_paginated():
    client = TestClient(create_app(FakeCorpus([wide_brief(120)])))
    first = client.get("/story/s-wide")
    assert first.status_code == 200
    listed = set(re.findall(r'<li><a href="/article/(w-\d+)"', first.text))
    assert 0 < len(listed) <= 50
    assert 'href="?page=2' in first.text
    second = client.get("/story/s-wide?page=2")
    more = set(re.findall(r'<li><a href="/article/(w-\d+)"', second.text))
    assert more and not more & listed
    assert client.get("/story/s-wide?page=99").status_code == 404


def test_web_reads_again_when_a_writer_made_the_file_look_damaged(small_corpus, monkeypatch):
    """SQLite may tell a reader the file is damaged while another process writes it: the
    page is read again (and answers), and only a lasting failure is an error page."""
    from recoupe.store import StoreReadError
    from recoupe.web import pages

    real = pages.outlets
    failures = {"left": 2}

    def flaky(*args, **kwargs):
        if failures["left"]:
            failures["left"] -= 1
            raise StoreReadError("corpus.db: not a recoupe database or damaged (malformed)")
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "outlets", flaky)
    client = TestClient(create_app(small_corpus))
    assert client.get("/outlets").status_code == 200 and failures["left"] == 0
    failures["left"] = 99
    answer = client.get("/outlets?format=json")
    assert answer.status_code == 500 and failures["left"] == 99 - 4  # read four times


def test_store_a_read_only_reader_told_corrupt_may_read_again(tmp_path):
    import sqlite3

    from recoupe.store import Store, StoreError, StoreReadError

    path = tmp_path / "c.db"
    Store(path).close()

    class Corrupt(sqlite3.DatabaseError):
        sqlite_errorname = "SQLITE_CORRUPT"

    with Store(path, read_only=True) as reader:
        assert isinstance(reader._error(Corrupt("database disk image is malformed")),
                          StoreReadError)
    with Store(path) as writer:  # a writer is not retried: it reports the file damaged
        error = writer._error(Corrupt("database disk image is malformed"))
        assert isinstance(error, StoreError) and not isinstance(error, StoreReadError)


def test_web_language_switch_keeps_only_the_page_s_own_parameters(small_corpus):
    """A cached page must not hand one reader's stray parameters to the next reader."""
    client = TestClient(create_app(small_corpus))
    first = client.get("/outlets?utm=trace&sort=x")
    assert first.status_code == 200 and "utm=" not in first.text
    again = client.get("/outlets")
    assert "utm=" not in again.text and "lang=en" in again.text


def test_store_opening_another_reader_keeps_the_open_ones_marked_open(tmp_path):
    """The cause of the list's 400s under load: opening a Store read the file's header with
    Python's open() and close(), and closing any descriptor of a file cancels every POSIX
    lock the process holds on it. The server's open readers lost the lock that marks them as
    open; another process closing its connection then took itself for the last one and
    deleted the write-ahead log under them (the readers saw a "damaged" file)."""
    import subprocess
    import sys

    from recoupe.store import Store

    path = tmp_path / "c.db"
    Store(path).close()
    wal = tmp_path / "c.db-wal"
    with Store(path, read_only=True) as first:
        first.stamp()
        assert wal.exists()
        with Store(path, read_only=True) as second:  # a new worker thread's connection
            second.stamp()
        # Another process opens the database, writes and closes: with this process's readers
        # still marked as open, it leaves the log where it is.
        writer = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                  " c.execute('PRAGMA user_version').fetchone(); c.execute('BEGIN IMMEDIATE');"
                  " c.execute('COMMIT'); c.close()")
        subprocess.run([sys.executable, "-c", writer, str(path)], check=True, timeout=60)
        assert wal.exists()
        assert first.stamp() == (0, 0, 0)


def test_web_a_failing_store_is_a_server_error_not_a_bad_request(small_corpus, monkeypatch):
    """A corpus that cannot be read is the server's failure (500), never the reader's (400);
    a search the index cannot parse stays a 400."""
    from recoupe.errors import RecoupeError
    from recoupe.store import StoreError
    from recoupe.web import pages

    def failing(error):
        def stories(*args, **kwargs):
            raise error
        return stories

    client = TestClient(create_app(small_corpus))
    monkeypatch.setattr(pages, "stories", failing(StoreError("c.db: stayed busy")))
    assert client.get("/").status_code == 500
    monkeypatch.setattr(pages, "stories", failing(RecoupeError("cannot parse the search")))
    assert client.get("/?q=(").status_code == 400


def _listed_corpus(path, *titles):
    """A corpus database holding one listed story per title (no article, no brief)."""
    from recoupe.model import StoryInfo
    from recoupe.store import Store

    with Store(path) as store:
        for n, title in enumerate(titles):
            store.put_story(StoryInfo(f"s{n}", title, None, None, (f"a{n}",), ("Écho",)),
                            None, "v")


def _listed_corpus_by_another_process(path, *titles):
    """`_listed_corpus`, written by another process (as `recoupe add` beside `recoupe serve`)."""
    code = ("import sys\n"
            "from recoupe.model import StoryInfo\n"
            "from recoupe.store import Store\n"
            "with Store(sys.argv[1]) as store:\n"
            "    for n, title in enumerate(sys.argv[2:]):\n"
            "        info = StoryInfo(f's{n}', title, None, None, (f'a{n}',), ('Écho',))\n"
            "        store.put_story(info, None, 'v')\n")
    subprocess.run([sys.executable, "-c", code, str(path), *titles], check=True)


def _watched_app(path):
    from recoupe.corpus import Corpus

    return create_app(connect=lambda: Corpus(path, read_only=True))


def test_web_watcher_builds_the_story_list_before_the_first_reader(tmp_path, monkeypatch):
    """No cold first second: once started, the server answers the default story list in
    each language from memory, built before it took its first request."""
    from recoupe.web import pages

    path = tmp_path / "c.db"
    _listed_corpus(path, "Le pont rouvre")
    app = _watched_app(path)
    with TestClient(app) as client:
        assert app.state.watcher is not None and app.state.work.generation is not None
        built = []
        real = pages.stories
        monkeypatch.setattr(pages, "stories", lambda *a, **k: built.append(a) or real(*a, **k))
        for lang in ("fr", "en"):
            response = client.get("/", headers={"Accept-Language": lang})
            assert response.status_code == 200 and "Le pont rouvre" in response.text
            assert response.headers["content-language"] == lang
        assert built == []
        assert client.get("/?sort=articles").status_code == 200 and len(built) == 1


def test_web_watcher_sees_another_process_change_the_corpus(tmp_path):
    """A change committed by another process is a new generation: the list shows it (and
    the old list is not answered again), with the default list built before it is."""
    path = tmp_path / "c.db"
    _listed_corpus(path, "Le pont rouvre")
    app = _watched_app(path)
    with TestClient(app) as client:
        watcher, work = app.state.watcher, app.state.work
        assert "La digue cède" not in client.get("/").text
        before = work.generation
        assert not watcher.poll() and work.generation == before  # nothing changed
        _listed_corpus_by_another_process(path, "Le pont rouvre", "La digue cède")
        watcher.poll()  # the watcher's own loop may have seen it first: either way
        assert work.generation > before
        assert "La digue cède" in client.get("/").text
        assert "La digue cède" in client.get("/", headers={"Accept-Language": "en"}).text


def test_web_without_watcher_versions_are_looked_up_every_second(small_corpus):
    """A corpus that cannot say when it changes (or a client that does not start the app)
    keeps the former rule: lists cached for the second."""
    app = create_app(connect=lambda: small_corpus)
    with TestClient(app) as client:
        assert app.state.watcher is None and app.state.work.generation is None
        assert client.get("/").status_code == 200


def test_web_connections_are_pooled_not_opened_per_worker_thread(monkeypatch):
    """anyio retires idle worker threads and starts new ones: bursts of requests, each
    burst on fresh threads, keep reusing the connections of the first burst rather than
    opening one more per new thread."""
    from anyio._backends._asyncio import WorkerThread

    from recoupe.web import pages

    monkeypatch.setattr(WorkerThread, "MAX_IDLE_TIME", 0)  # every idle thread retired
    burst = 3
    together = threading.Barrier(burst, timeout=30)
    real = pages.stories

    def stories(*args, **kwargs):
        together.wait()  # the burst's requests are all in their threads at once
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "stories", stories)
    corpus = FakeCorpus([hostile_brief()])
    app = create_app(connect=lambda: corpus)
    with TestClient(app) as client:
        for round_ in range(4):
            answers: list = []

            def ask(url: str, answers: list = answers) -> None:
                answers.append(client.get(url).status_code)

            threads = [threading.Thread(target=ask, args=(f"/?q=mot{round_}x{n}",))
                       for n in range(burst)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            assert answers == [200] * burst
        assert len(app.state.work.opened) <= burst


def test_web_watcher_failing_falls_back_to_every_second_then_recovers(tmp_path, monkeypatch,
                                                                      caplog):
    """While the watcher's polls fail, the lists are not frozen at its last generation: the
    app looks pages up every second again; the failure is logged once, the connection is
    opened again after a few, and the first poll that succeeds publishes a new generation."""
    import logging

    from recoupe.corpus import Corpus
    from recoupe.store import Store, StoreError
    from recoupe.web import app as app_module

    monkeypatch.setattr(app_module, "_WATCH_SECONDS", 3600)  # only this test's polls
    path = tmp_path / "c.db"
    _listed_corpus(path, "Le pont rouvre")
    opened: list = []

    def connect():
        opened.append(Corpus(path, read_only=True))
        return opened[-1]

    seconds = [0.0]
    app = create_app(connect=connect, clock=lambda: seconds[0])
    with TestClient(app) as client:
        watcher, work = app.state.watcher, app.state.work
        assert "La digue cède" not in client.get("/").text
        before, first = work.generation, watcher._corpus

        def failing(self):
            raise StoreError("c.db: stayed busy")

        monkeypatch.setattr(Store, "data_version", failing)
        caplog.set_level(logging.INFO, logger="recoupe.web")
        assert not watcher.poll()
        assert work.generation is None
        _listed_corpus(path, "Le pont rouvre", "La digue cède")
        seconds[0] += 1
        assert "La digue cède" in client.get("/").text
        for _ in range(app_module._REOPEN_AFTER):
            assert not watcher.poll()
        assert watcher._corpus is not first and watcher._corpus in opened  # opened again
        failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(failures) == 1
        monkeypatch.undo()
        assert watcher.poll() and work.generation is not None and work.generation > before
        assert [r.levelno for r in caplog.records].count(logging.WARNING) == 1
        assert "La digue cède" in client.get("/").text


def test_web_watcher_closed_at_shutdown_off_the_event_loop_and_polls_nothing(tmp_path,
                                                                             monkeypatch):
    """Shutdown closes the watcher's connection in a worker thread (it waits for a poll
    still running there); a poll coming after finds it closed and answers False."""
    import asyncio

    from recoupe.web.app import _Watcher

    path = tmp_path / "c.db"
    _listed_corpus(path, "Le pont rouvre")
    on_loop: list = []
    real = _Watcher.close

    def close(self):
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        real(self)

    monkeypatch.setattr(_Watcher, "close", close)
    app = _watched_app(path)
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
        watcher = app.state.watcher
    assert on_loop == [False]
    assert watcher.poll() is False


class _Unwatchable(FakeCorpus):
    """A corpus that cannot say when it changes (no `lists`), or whose store is busy the
    first time it is asked (`fails`: the watcher's start raises after opening it); counts
    its openings and closings."""

    opened = 0
    closed = 0

    def __init__(self, fails: bool):
        super().__init__([hostile_brief()])
        type(self).opened += 1
        if fails and type(self).opened == 1:  # the watcher's: the first opened
            self.lists = self._busy

    def _busy(self):
        from recoupe.store import StoreError

        del self.lists  # busy once; then a corpus without lists, as above
        raise StoreError("c.db: stayed busy")

    def close(self) -> None:
        type(self).closed += 1


@pytest.mark.parametrize("fails", [False, True])
def test_web_watcher_not_started_hands_its_connection_to_the_workers(monkeypatch, fails):
    """The connection the watcher opened but does not keep is not left open outside the
    pool: the workers use it, and it is closed with theirs."""
    monkeypatch.setattr(_Unwatchable, "opened", 0)
    monkeypatch.setattr(_Unwatchable, "closed", 0)
    app = create_app(connect=lambda: _Unwatchable(fails))
    with TestClient(app) as client:
        assert app.state.watcher is None
        assert client.get("/").status_code == 200
    assert _Unwatchable.opened == 1 and len(app.state.work.opened) == 1
    app.state.work.close()
    assert _Unwatchable.closed == 1
