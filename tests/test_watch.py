"""recoupe watch: polling feeds served by a local server on 127.0.0.1 that the tests start.

The server serves an RSS feed (ETag) and an Atom feed (Last-Modified) whose items link to HTML
pages on the same server, feeds that fail (503 with and without Retry-After, too slow, not
XML), a feed whose item's page is missing, and counts and records every request.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from dataclasses import replace
from http.server import ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from recoupe.config import Config, ReadConfig, WatchConfig
from recoupe.model import InputProblem
from recoupe.watch import FeedState, client_for, fetch_pages, poll_feed, watch
from tests.http_handler import QuietHandler

FAST = replace(
    Config(),
    read=ReadConfig(url_timeout=0.3, url_max_redirects=3, max_bytes=50_000,
                    user_agent="recoupe-test/1"),
    watch=WatchConfig(interval=10.0, max_backoff=60.0, fetch_pages=True),
)
NOW = 1_000_000.0
LAST_MODIFIED = "Wed, 13 Sep 2023 08:30:00 GMT"


def _page(sentence: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Page</title></head>"
            f"<body><article><p>{sentence}</p></article></body></html>").encode()


PAGES = {
    "/pages/a": "Seule la page A dit que le pont a rouvert lundi.",
    "/pages/b": "Seule la page B dit que le conseil a voté jeudi.",
    "/pages/c": "Seule la page C dit que la grève est levée.",
    "/pages/new": "Seule la nouvelle page dit que le vote est reporté.",
}


class _Site:
    """What the server serves, and what it was asked."""

    def __init__(self):
        # (guid, title, link path or None, summary); the item without guid nor link is keyed
        # by its text, and must keep its key when newer items push it down.
        self.rss_items = [
            ("urn:a", "Pont", "/pages/a", "Résumé du pont."),
            ("urn:b", "Conseil", "/pages/b", "Résumé du conseil."),
            (None, "Brève", None, "Une brève sans lien ni guid."),
        ]
        self.requests: Counter[str] = Counter()
        self.headers: dict[str, list[dict[str, str]]] = {}

    def rss(self) -> bytes:
        items = "".join(
            "<item><title>{}</title>{}{}<description>{}</description></item>".format(
                escape(title),
                f"<guid>{guid}</guid>" if guid else "",
                f"<link>{self.base}{path}</link>" if path else "",
                escape(summary))
            for guid, title, path, summary in self.rss_items)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Le Quotidien</title>{items}</channel></rss>").encode()

    def atom(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>La Gazette</title><id>urn:gazette</id><updated>2023-09-13T08:00:00Z</updated>"
            "<entry><title>Grève</title><id>urn:gazette:c</id>"
            f'<link href="{self.base}/pages/c"/><updated>2023-09-13T08:00:00+02:00</updated>'
            "<summary>Résumé de la grève.</summary></entry></feed>").encode()

    def missing_page_feed(self) -> bytes:
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Le Soir</title>'
                f"<item><title>Disparu</title><guid>urn:gone</guid>"
                f"<link>{self.base}/pages/missing</link>"
                f"<description>Le texte du flux seul.</description>"
                f"<pubDate>Wed, 13 Sep 2023 08:30:00 +0200</pubDate></item>"
                f"</channel></rss>").encode()


class _Handler(QuietHandler):
    site: _Site

    def do_GET(self):  # noqa: N802 - the name http.server calls
        path = self.path.split("?")[0]
        self.site.requests[path] += 1
        self.site.headers.setdefault(path, []).append(
            {k.lower(): v for k, v in self.headers.items()})
        site = self.site
        if path == "/rss":
            body = site.rss()
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, None, b"", [("ETag", etag)])
            else:
                self._send(200, "application/rss+xml; charset=utf-8", body, [("ETag", etag)])
        elif path == "/atom":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self._send(304, None, b"")
            else:
                self._send(200, "application/atom+xml", site.atom(),
                           [("Last-Modified", LAST_MODIFIED)])
        elif path == "/missing-page":
            self._send(200, "application/rss+xml", site.missing_page_feed())
        elif path in PAGES:
            self._send(200, "text/html; charset=utf-8", _page(PAGES[path]))
        elif path == "/unavailable":
            self._send(503, "text/html", b"<p>down</p>")
        elif path == "/busy":
            self._send(503, "text/html", b"<p>busy</p>", [("Retry-After", "45")])
        elif path == "/slow":
            time.sleep(30.0)  # far past the 0.3 s timeout: a client that waited is plainly seen
            self._send(200, "application/rss+xml", site.rss())
        elif path == "/notxml":
            self._send(200, "text/plain", b"Just some words, no feed here.")
        else:
            self._send(404, "text/html", b"<p>not found</p>")




@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Requests to 127.0.0.1 must not go to a proxy the environment may name."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site():
    """A fresh site served on 127.0.0.1; `site.base` is its base URL."""
    site = _Site()
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.handle_error = lambda request, address: None  # clients that hang up are expected
    # A short poll interval: shutdown() waits up to one of them, at every test's end.
    threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def client():
    with client_for(FAST.read) as client:
        yield client


def _poll(site, client, path, state=None, config=FAST, now=NOW):
    return poll_feed(site.base + path, state, client, config, now=now)


# -- poll_feed -------------------------------------------------------------------------------


def test_first_poll_returns_every_item_and_fetch_pages_brings_their_page_text(site, client):
    result = _poll(site, client, "/rss")
    assert result.status == "3 new" and result.problems == ()
    assert [d.title for d in result.docs] == ["Pont", "Conseil", "Brève"]
    assert result.docs[0].outlet == "Le Quotidien"

    docs, problems = fetch_pages(result.docs, client, FAST)
    assert problems == []
    assert [d.id for d in docs] == [d.id for d in result.docs]  # the item's id is kept
    assert PAGES["/pages/a"] in docs[0].content and docs[0].kind == "html"
    assert PAGES["/pages/b"] in docs[1].content
    assert (docs[0].title, docs[0].outlet, docs[0].url) == ("Pont", "Le Quotidien",
                                                            f"{site.base}/pages/a")
    assert docs[2] == result.docs[2]  # no link: the feed's text stays
    assert site.requests["/pages/a"] == site.requests["/pages/b"] == 1

    state = result.state
    assert state.url == f"{site.base}/rss" and state.etag and state.modified is None
    assert state.seen == tuple(d.id for d in result.docs)
    assert (state.failures, state.next_poll) == (0, NOW + FAST.watch.interval)


def test_atom_items_with_pages_and_last_modified(site, client):
    result = _poll(site, client, "/atom")
    docs, problems = fetch_pages(result.docs, client, FAST)
    assert problems == [] and len(docs) == 1
    assert PAGES["/pages/c"] in docs[0].content
    assert (docs[0].title, docs[0].outlet, docs[0].published) == (
        "Grève", "La Gazette", "2023-09-13T08:00:00+02:00")
    assert result.state.modified == LAST_MODIFIED and result.state.etag is None


@pytest.mark.parametrize(("path", "header"), [("/rss", "if-none-match"),
                                              ("/atom", "if-modified-since")])
def test_second_poll_sends_the_validators_and_gets_not_modified(site, client, path, header):
    first = _poll(site, client, path)
    second = _poll(site, client, path, first.state, now=NOW + 10)
    assert second.status == "not modified"
    assert second.docs == () and second.problems == ()
    assert second.state == replace(first.state, next_poll=NOW + 10 + FAST.watch.interval)
    assert header not in site.headers[path][0]
    assert site.headers[path][1][header] in (first.state.etag, first.state.modified)
    assert site.requests[path] == 2


def test_a_new_item_appears_alone_even_when_it_pushes_the_others_down(site, client):
    first = _poll(site, client, "/rss")
    site.rss_items.insert(0, ("urn:new", "Nouveau", "/pages/new", "Résumé du nouveau."))
    second = _poll(site, client, "/rss", first.state, now=NOW + 10)
    assert second.status == "1 new"
    assert [d.title for d in second.docs] == ["Nouveau"]
    assert second.state.seen == first.state.seen + (second.docs[0].id,)
    assert second.state.etag != first.state.etag


def test_seen_keys_are_kept_and_capped(site, client):
    old = tuple(f"k{n}" for n in range(5000))
    result = _poll(site, client, "/rss", FeedState(f"{site.base}/rss", seen=old))
    assert len(result.docs) == 3
    assert len(result.state.seen) == 5000
    assert result.state.seen[-3:] == tuple(d.id for d in result.docs)
    assert result.state.seen[0] == "k3"


def test_a_state_that_saw_every_item_gets_none(site, client):
    first = _poll(site, client, "/rss")
    again = _poll(site, client, "/rss", replace(first.state, etag=None), now=NOW + 10)
    assert again.docs == () and again.status == "no new items"


def test_backoff_doubles_the_interval_and_is_capped(site, client):
    state, waits = None, []
    for n in range(5):
        result = _poll(site, client, "/unavailable", state, now=NOW + n)
        assert result.docs == ()
        assert [str(p) for p in result.problems] == [f"{site.base}/unavailable: HTTP 503"]
        state = result.state
        waits.append(state.next_poll - (NOW + n))
    assert waits == [10.0, 20.0, 40.0, 60.0, 60.0]
    assert state.failures == 5
    assert result.status == "HTTP 503, retry in 60 s"


def test_a_success_resets_the_failures(site, client):
    state = FeedState(f"{site.base}/rss", failures=4, next_poll=NOW - 1)
    result = _poll(site, client, "/rss", state)
    assert (result.state.failures, result.state.next_poll) == (0, NOW + 10)


def test_retry_after_is_honoured_and_capped(site, client):
    result = _poll(site, client, "/busy")
    assert result.state.next_poll == NOW + 45
    assert result.status == "HTTP 503, retry in 45 s"
    capped = replace(FAST, watch=replace(FAST.watch, max_backoff=30.0))
    assert _poll(site, client, "/busy", config=capped).state.next_poll == NOW + 30


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/unavailable", "HTTP 503"),
        ("/nowhere", "HTTP 404"),
        ("/slow", "timed out after 0.3 s"),
        ("/notxml", "not a readable RSS or Atom feed"),
        ("/pages/a", "not an RSS or Atom feed (the server sent an HTML page"),
    ],
)
def test_feed_failures_are_one_problem_naming_the_feed(site, client, path, message):
    started = time.monotonic()
    result = _poll(site, client, path)
    assert time.monotonic() - started < 15.0  # generous: holds on a busy machine
    assert result.docs == ()
    [problem] = result.problems
    assert problem.source == site.base + path and problem.message.startswith(message)
    assert result.state.failures == 1 and result.state.next_poll == NOW + 10
    assert result.status.startswith(message) and result.status.endswith(", retry in 10 s")


def test_connection_refused(client):
    url = f"http://127.0.0.1:{_closed_port()}/feed"
    result = poll_feed(url, None, client, FAST, now=NOW)
    assert [str(p) for p in result.problems] == [f"{url}: connection refused"]


def test_too_large_feed(site, client):
    small = replace(FAST, read=replace(FAST.read, max_bytes=100))
    result = _poll(site, client, "/rss", config=small)
    assert result.problems[0].message.startswith("larger than the 100 bytes cap")


def test_the_configured_user_agent_is_sent(site, client):
    other = replace(FAST, read=replace(FAST.read, user_agent="other-agent/2"))
    _poll(site, client, "/rss", config=other)
    assert site.headers["/rss"][0]["user-agent"] == "other-agent/2"


# -- fetch_pages -----------------------------------------------------------------------------


def test_a_missing_page_falls_back_to_the_feed_text_with_a_problem(site, client):
    result = _poll(site, client, "/missing-page")
    docs, problems = fetch_pages(result.docs, client, FAST)
    assert docs == list(result.docs)
    assert docs[0].content == "Le texte du flux seul."
    assert problems == [InputProblem(f"{site.base}/pages/missing",
                                     "page not fetched (HTTP 404); the feed's text was used")]


def test_pages_are_not_fetched_when_the_setting_is_off(site, client):
    off = replace(FAST, watch=replace(FAST.watch, fetch_pages=False))
    result = _poll(site, client, "/rss", config=off)
    docs, problems = fetch_pages(result.docs, client, off)
    assert (docs, problems) == (list(result.docs), [])
    assert not any(path.startswith("/pages/") for path in site.requests)


# -- watch -----------------------------------------------------------------------------------


class _Clock:
    """A clock that only moves when the fake sleep is called."""

    def __init__(self):
        self.now = NOW
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_watch_adds_the_good_feeds_items_once_and_keeps_polling_the_broken_one(site, client):
    good, bad = f"{site.base}/rss", f"{site.base}/unavailable"
    added, saved, lines, clock = [], [], [], _Clock()
    watch([good, bad], load_state=lambda url: None, save_state=saved.append,
          add=added.append, config=FAST, report=lines.append, rounds=2, sleep=clock.sleep,
          client=client, clock=clock)
    assert [[d.title for d in docs] for docs in added] == [["Pont", "Conseil", "Brève"]]
    assert PAGES["/pages/a"] in added[0][0].content
    assert clock.slept == [10.0]
    assert [s.url for s in saved] == [good, bad, good, bad]
    assert saved[2].seen == tuple(d.id for d in added[0]) and saved[2].etag
    assert (saved[1].failures, saved[3].failures) == (1, 2)
    assert lines == [
        f"{good}: 3 new",
        f"{bad}: HTTP 503, retry in 10 s",
        f"{good}: not modified",
        f"{bad}: HTTP 503, retry in 20 s",
    ]
    assert site.requests["/unavailable"] == 2


def test_watch_waits_for_next_poll_and_starts_from_the_loaded_state(site, client):
    url = f"{site.base}/rss"
    first = poll_feed(url, None, client, FAST, now=NOW - 5)  # next poll at NOW + 5
    added, clock = [], _Clock()
    watch([url], load_state={url: first.state}.get, save_state=lambda s: None,
          add=added.append, config=FAST, rounds=2, sleep=clock.sleep, client=client,
          clock=clock)
    assert clock.slept == [5.0]  # the first round had nothing due
    assert added == [] and site.requests["/rss"] == 2  # that first poll, then a 304


def test_watch_reports_page_problems_on_lines_of_their_own(site, client):
    url = f"{site.base}/missing-page"
    lines = []
    watch([url], load_state=lambda u: None, save_state=lambda s: None,
          add=lambda docs: None, config=FAST, report=lines.append, rounds=1,
          sleep=lambda s: None, client=client)
    assert lines == [
        f"{url}: 1 new, 1 page not fetched",
        f"  {site.base}/pages/missing: page not fetched (HTTP 404); the feed's text was used",
    ]


def test_watch_does_not_save_a_state_whose_items_were_not_added(site, client):
    url = f"{site.base}/rss"
    added, saved, lines, clock = [], [], [], _Clock()

    def add(docs):
        if not added:
            added.append(None)
            raise OSError("disk full")
        added.append([d.id for d in docs])

    watch([url], load_state=lambda u: None, save_state=saved.append, add=add, config=FAST,
          report=lines.append, rounds=2, sleep=clock.sleep, client=client, clock=clock)
    assert lines[0] == f"{url}: 3 new but not added (disk full); retry in 10 s"
    assert lines[1] == f"{url}: 3 new"
    assert len(added) == 2 and len(added[1]) == 3  # offered again, whole
    assert [s.seen for s in saved] == [tuple(added[1])]


def test_watch_lets_keyboard_interrupt_stop_it(site, client):
    def interrupted(seconds):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch([f"{site.base}/atom"], load_state=lambda u: None, save_state=lambda s: None,
              add=lambda docs: None, config=FAST, sleep=interrupted, client=client)


def test_watch_turns_a_bug_on_one_feed_into_a_report(site, client, monkeypatch):
    import recoupe.watch as module

    real = module.poll_feed

    def buggy(url, *args, **kwargs):
        if url.endswith("/atom"):
            raise TypeError("boom")
        return real(url, *args, **kwargs)

    monkeypatch.setattr(module, "poll_feed", buggy)
    added, lines = [], []
    watch([f"{site.base}/atom", f"{site.base}/rss"], load_state=lambda u: None,
          save_state=lambda s: None, add=added.append, config=FAST, report=lines.append,
          rounds=1, client=client)
    assert lines[0].startswith(f"{site.base}/atom: could not be polled: TypeError: boom")
    assert len(added) == 1 and lines[1] == f"{site.base}/rss: 3 new"


@pytest.mark.slow
def test_recoupe_watch_command_adds_new_items_to_the_database_once(site, tmp_path):
    """The command end to end: items polled, their pages fetched and stored; a second run
    gets "not modified" and adds nothing."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from recoupe.store import Store

    db = tmp_path / "recoupe.db"
    exe = Path(sys.executable).with_name("recoupe")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    for _ in range(2):
        done = subprocess.run([str(exe), "watch", f"{site.base}/rss", "--db", str(db),
                               "--rounds", "1", "--interval", "0.1"],
                              capture_output=True, text=True, env=env, timeout=900)
        assert done.returncode == 0, done.stderr
    assert "not modified" in done.stderr
    with Store(db) as store:
        assert len(store) == 3
        assert store.search("rouvert")  # the page's own sentence, not the feed's summary
    assert site.requests["/pages/a"] == 1
