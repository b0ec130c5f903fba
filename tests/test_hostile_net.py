"""Hostile servers and careless feeds, served by a local server on 127.0.0.1 the tests start.

A server that sends its headers one byte at a time must not hold a download past its
deadline (nor a whole `watch`); feeds labelled with the common non-standard content types
are read; items with only a title and a link are fetched; and a page that is the same for
every item (a consent wall) is recognised and the feed's own text used instead.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from recoupe.config import Config, ReadConfig, WatchConfig
from recoupe.read.url import client_for, download
from recoupe.watch import fetch_pages, poll_feed
from tests.http_handler import QuietHandler, serving
from tests.read.support import read

QUICK = ReadConfig(url_timeout=1.0, max_bytes=200_000)
WATCH = replace(Config(), read=QUICK, watch=WatchConfig(interval=10.0, fetch_pages=True))
_RELEASE = threading.Event()  # set at the end: the dripping handlers stop

_SENTENCES = {
    "1": "Le conseil municipal a voté jeudi un budget en hausse pour les écoles.",
    "2": "La préfecture a levé samedi l'alerte aux orages sur tout le département.",
    "3": "Le club local a remporté dimanche la finale régionale devant son public.",
}
_WALL = ("<!doctype html><html><head><title>Vos choix</title></head><body><div>"
         "<p>Nous utilisons des cookies pour mesurer l'audience de ce site.</p>"
         "<p>Acceptez-vous nos partenaires et le dépôt de traceurs ?</p>"
         "<p>Vous pouvez changer d'avis à tout moment dans vos réglages.</p>"
         "</div></body></html>").encode()


def _page(n: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Page {n}</title></head>"
            f"<body><article><p>{_SENTENCES[n]}</p></article></body></html>").encode()


def _rss(base: str, items: list[tuple[str, str | None, str | None]]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title>"
        + (f"<link>{base}{link}</link>" if link else "")
        + (f"<description>{text}</description>" if text else "") + "</item>"
        for title, link, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Le Quotidien</title>{body}</channel></rss>").encode()


class _Handler(QuietHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        path = self.path.split("?")[0]
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/slow-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            self.wfile.flush()
            # A header that never ends: one byte at a time, each well within a read timeout.
            for _ in range(600):
                if _RELEASE.wait(0.2):
                    return
                self.wfile.write(b"X")
                self.wfile.flush()
        elif path.startswith("/page/"):
            self._send(200, "text/html; charset=utf-8", _page(path.rsplit("/", 1)[1]))
        elif path.startswith("/wall/"):
            self._send(200, "text/html; charset=utf-8", _WALL)
        elif path in ("/feed-x-rss", "/feed-atom-type", "/feed-text-xml"):
            kind = {"/feed-x-rss": "application/x-rss+xml",
                    "/feed-atom-type": "application/atom+xml",
                    "/feed-text-xml": "text/xml"}[path]
            self._send(200, kind, _rss(base, [("Un", None, _SENTENCES["1"])]))
        elif path == "/feed-links":
            self._send(200, "application/rss+xml",
                       _rss(base, [("Vote", "/page/1", None), ("Alerte", "/page/2", None)]))
        elif path == "/feed-wall":
            self._send(200, "application/rss+xml", _rss(
                base, [(f"Titre {n}", f"/wall/{n}", _SENTENCES[n]) for n in ("1", "2", "3")]))
        elif path == "/feed-slow-item":
            self._send(200, "application/rss+xml", _rss(
                base, [("Lent", "/slow-headers", _SENTENCES["1"]),
                       ("Vite", "/page/2", _SENTENCES["2"])]))
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture(scope="module")
def base():
    _RELEASE.clear()
    with serving(_Handler) as url:
        yield url
        _RELEASE.set()  # let slow handlers end before the server stops


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def _in_thread(fn, wait: float = 60.0):
    """fn() in a thread: (finished, its result). A generous wait: only a hang fails."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    thread.join(wait)
    return bool(out), (out[0] if out else None)


def test_url_slow_headers_are_cut_at_the_deadline(base):
    def fetch():
        with client_for(QUICK) as client:
            return download(f"{base}/slow-headers", QUICK, client)

    finished, fetched = _in_thread(fetch)
    assert finished, "a server sending its headers slowly held the download past its deadline"
    assert "timed out after 1 s" in fetched.problem.message


@pytest.mark.parametrize("path", ["/feed-x-rss", "/feed-atom-type", "/feed-text-xml"])
def test_url_common_feed_content_types_are_read_as_feeds(base, path):
    docs, problems = read([f"{base}{path}"], QUICK)
    assert problems == [] and len(docs) == 1 and "conseil municipal" in docs[0].content


def test_watch_feed_with_x_rss_content_type_is_polled(base):
    with client_for(QUICK) as client:
        result = poll_feed(f"{base}/feed-x-rss", None, client, WATCH)
    assert result.state.failures == 0 and len(result.docs) == 1


def test_read_link_only_feed_items_are_fetched(base):
    docs, problems = read([f"{base}/feed-links"], QUICK)
    assert problems == []
    assert len(docs) == 2
    assert "conseil municipal" in docs[0].content and "préfecture" in docs[1].content
    assert docs[0].title == "Vote"


def test_watch_link_only_feed_items_are_fetched(base):
    with client_for(QUICK) as client:
        result = poll_feed(f"{base}/feed-links", None, client, WATCH)
        docs, problems = fetch_pages(result.docs, client, WATCH)
    assert len(docs) == 2 and problems == []
    assert "conseil municipal" in docs[0].content


def test_watch_same_page_for_every_item_keeps_the_feeds_text(base):
    with client_for(QUICK) as client:
        result = poll_feed(f"{base}/feed-wall", None, client, WATCH)
        docs, problems = fetch_pages(result.docs, client, WATCH)
    assert len(docs) == 3
    assert [d.content for d in docs] == [_SENTENCES[n] for n in ("1", "2", "3")]
    assert len(problems) == 1 and "same page" in problems[0].message


def test_watch_one_slow_item_link_does_not_stop_the_feed(base):
    def poll():
        with client_for(QUICK) as client:
            result = poll_feed(f"{base}/feed-slow-item", None, client, WATCH)
            return fetch_pages(result.docs, client, WATCH)

    finished, out = _in_thread(poll)
    assert finished, "one item whose server sends headers slowly stopped the feed"
    docs, problems = out
    assert len(docs) == 2 and "préfecture" in docs[1].content
    assert len(problems) == 1 and "timed out" in problems[0].message
