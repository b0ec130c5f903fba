"""Security headers on every response, and a plain 500 page instead of a traceback.

In: the ASGI app and `on_error(request) -> Response`, the page to answer when a handler
fails before it has started its response. Out: the same responses, each with a
Content-Security-Policy that allows only this server's stylesheet and images (no script, no
frame, no request elsewhere), and nosniff, no-referrer and DENY framing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_log = logging.getLogger("recoupe.web")


class SecurityHeaders:
    """ASGI middleware: adds HEADERS to every HTTP response; turns a failure into on_error's
    response (logged with its traceback server-side, never sent to the client)."""

    def __init__(self, app: ASGIApp, on_error: Callable[[Request], Response]):
        self.app = app
        self.on_error = on_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            _log.exception("error while answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await self.on_error(Request(scope))(scope, receive, send_secured)
