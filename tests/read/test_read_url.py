"""URLs, against a server on 127.0.0.1 that the tests start: pages, feeds and every failure."""

from __future__ import annotations

import hashlib
import socket
import time

import pytest

from recoupe.config import ReadConfig

from .support import PAGE, read

FAST = ReadConfig(url_timeout=0.3, url_max_redirects=3, max_bytes=50_000)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def test_read_url_html_page(server):
    url = f"{server}/page"
    docs, problems = read([url], FAST)
    assert problems == []
    [doc] = docs
    assert (doc.id, doc.source, doc.url, doc.kind) == (_sha(url), url, url, "html")
    assert doc.content == PAGE.decode("utf-8")


def test_read_url_redirect_keeps_the_given_url_as_source_and_the_final_one_as_url(server):
    docs, problems = read([f"{server}/moved"], FAST)
    assert problems == []
    assert (docs[0].source, docs[0].url) == (f"{server}/moved", f"{server}/page")
    assert docs[0].id == _sha(f"{server}/moved")


@pytest.mark.parametrize(
    ("path", "kinds", "contains"),
    [
        ("/plain", ["text"], "Texte brut, accentué."),
        ("/latin", ["html"], "L’été, 5 € pour l’œuvre."),  # header says iso-8859-1: cp1252
        ("/octet", ["html"], "Le président"),  # no useful content type: sniffed
        ("/feed", ["html", "text"], "Un texte"),
        ("/feed-as-xml", ["html", "text"], "Un texte"),
        ("/json", ["text", "text"], "Un."),
    ],
)
def test_read_url_content_types(server, path, kinds, contains):
    docs, problems = read([server + path], FAST)
    assert problems == []
    assert [d.kind for d in docs] == kinds
    assert contains in docs[0].content


def test_read_url_feed_items_are_documents_with_their_links(server):
    docs, _ = read([f"{server}/feed"], FAST)
    assert [(d.url, d.outlet, d.source) for d in docs] == [
        ("http://example.org/1", "Le Quotidien", f"{server}/feed#1"),
        ("http://example.org/2", "Le Quotidien", f"{server}/feed#2"),
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/gone", "HTTP 410"),
        ("/error", "HTTP 500"),
        ("/loop", "too many redirects (more than 3)"),
        ("/slow", "timed out after 0.3 s"),
        ("/drip", "timed out after 0.3 s"),
        ("/stream", "larger than the 48.8 KiB cap (more than 50000 bytes); "
                    "raise read.max_bytes to accept it"),
        ("/declared-big", "larger than the 48.8 KiB cap (99999999 bytes); "
                          "raise read.max_bytes to accept it"),
        ("/pdf", "unsupported content type application/pdf"),
        ("/empty", "empty response"),
    ],
)
def test_read_url_failures_are_one_problem_each(server, path, message):
    started = time.monotonic()
    docs, problems = read([server + path], FAST)
    assert docs == []
    assert [str(p) for p in problems] == [f"{server}{path}: {message}"]
    # The slow page answers after 30 s: a generous bound still shows it was not waited for,
    # and holds on a busy machine.
    assert time.monotonic() - started < 15.0


def test_read_url_closed_port_is_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens on the port once the socket is closed.
    docs, problems = read([f"http://127.0.0.1:{port}/x"], FAST)
    assert docs == [] and [p.message for p in problems] == ["connection refused"]


def test_read_url_unknown_host_is_a_dns_problem(monkeypatch):
    # No real lookup: the resolver is replaced by one that fails as a real one does.
    def _fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", _fail)
    docs, problems = read(["http://no-such-host.invalid/a"], FAST)
    assert docs == []
    assert [p.message for p in problems] == [
        "cannot resolve host no-such-host.invalid (DNS lookup failed)"
    ]


def test_read_url_sends_the_configured_user_agent(server, monkeypatch):
    import httpx

    seen = {}
    original = httpx.Client.send

    def _send(self, request, **kwargs):
        seen["ua"] = request.headers.get("user-agent")
        return original(self, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", _send)
    read([f"{server}/page"], ReadConfig(user_agent="recoupe-test/1"))
    assert seen["ua"] == "recoupe-test/1"


def test_read_url_problems_do_not_stop_the_other_inputs(server, tmp_path):
    (tmp_path / "a.txt").write_text("Un article.")
    docs, problems = read([f"{server}/missing", tmp_path / "a.txt", f"{server}/page"], FAST)
    assert [d.kind for d in docs] == ["text", "html"]
    assert [p.message for p in problems] == ["HTTP 404"]
