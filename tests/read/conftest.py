"""Fixtures of the read tests: a local HTTP server on 127.0.0.1, and no proxy from the env."""

from __future__ import annotations

import time

import pytest

from tests.http_handler import QuietHandler, serving

from .support import PAGE, RSS


class _Handler(QuietHandler):

    def do_GET(self):  # noqa: N802 - the name http.server calls
        route = _ROUTES.get(self.path.split("?")[0])
        if route is None:
            self._send(404, "text/plain", b"not found")
        else:
            route(self)




def _slow(handler):
    # Far longer than any timeout the tests set: a client that waited for it is plainly seen.
    time.sleep(30.0)
    handler._send(200, "text/html", PAGE)


def _stream(handler):
    # No Content-Length: the client only learns the size by reading.
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain; charset=utf-8")
    handler.end_headers()
    for _ in range(200):
        handler.wfile.write(b"x" * 10_000 + b"\n")


def _drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(30):
        handler.wfile.write(b"a ")
        handler.wfile.flush()
        time.sleep(0.05)


_ROUTES = {
    "/page": lambda h: h._send(200, "text/html; charset=utf-8", PAGE),
    "/moved": lambda h: h._send(301, None, b"", [("Location", "/page")]),
    "/loop": lambda h: h._send(302, None, b"", [("Location", "/loop")]),
    "/gone": lambda h: h._send(410, "text/html", b"<p>gone</p>"),
    "/error": lambda h: h._send(500, "text/html", b"<p>oops</p>"),
    "/slow": _slow,
    "/stream": _stream,
    "/drip": _drip,
    "/declared-big": lambda h: h._send(200, "text/html", b"", [("Content-Length", "99999999")]),
    "/feed": lambda h: h._send(200, "application/rss+xml", RSS),
    "/feed-as-xml": lambda h: h._send(200, "text/xml", RSS),
    "/plain": lambda h: h._send(200, "text/plain; charset=utf-8",
                                "Texte brut, accentué.".encode()),
    "/latin": lambda h: h._send(
        200, "text/html; charset=iso-8859-1",
        "<html><body><p>L’été, 5 € pour l’œuvre.</p></body></html>".encode("cp1252")),
    "/octet": lambda h: h._send(200, "application/octet-stream", PAGE),
    "/pdf": lambda h: h._send(200, "application/pdf", b"%PDF-1.4 ..."),
    "/empty": lambda h: h._send(200, "text/html", b""),
    "/json": lambda h: h._send(200, "application/json",
                               b'[{"id": "a", "text": "Un."}, {"id": "b", "text": "Deux."}]'),
}


@pytest.fixture(scope="session")
def server():
    """Base URL of a local server with the routes above; it stops at the end of the session."""
    with serving(_Handler) as base:
        yield base


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Requests to 127.0.0.1 must not go to a proxy the environment may name."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
