"""A whole-download deadline under httpx: `deadline(seconds)` and `transport()`.

In: the seconds one download may take, connect to last byte. Out: `transport()`, an httpx
transport whose every socket operation (connect, TLS handshake, each read and write) is given
at most the time left before the deadline of the download running in this thread, and fails
as a timeout once it is past; `deadline(seconds)`, the context manager that sets that deadline.

Why by hand: httpx's timeouts bound each socket operation, not the whole request, so a server
that sends its headers one byte every second holds a client for ever (the body is bounded by
the reader's own clock, the headers are read inside httpx). httpcore takes a network backend;
this one wraps its standard one, so the limit holds in the place where the waiting happens.
The deadline lives in a context variable: each thread (each download) has its own.
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "recoupe_download_deadline", default=None)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Downloads through `transport()` in this block end within `seconds` from now."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def transport() -> httpx.HTTPTransport:
    """An httpx transport (TLS verified as httpx's default) that honours `deadline`."""
    context = _ssl_context()
    made = httpx.HTTPTransport(verify=context)
    made._pool = httpcore.ConnectionPool(  # noqa: SLF001 - httpx has no backend argument
        ssl_context=context, network_backend=_Backend())
    return made


@functools.cache
def _ssl_context():
    """httpx's default TLS context, made once: loading the CA bundle takes a good 0.1 s."""
    return httpx.create_ssl_context()


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The time an operation may take: its own timeout, cut to what is left of the deadline."""
    end = _DEADLINE.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise error("the download's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> _Stream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname,
                                              _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self):
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        return _Stream(self._backend.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options))

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return _Stream(self._backend.connect_unix_socket(
            path, _left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
