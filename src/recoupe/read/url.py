"""URL -> Iterator[RawDoc | InputProblem]: download one http(s) URL and read what it serves.

In: the URL and the read settings (timeout, redirects, size cap, User-Agent). Out: for an HTML
page one `RawDoc` of kind "html" whose url is the final URL after redirects; for an RSS/Atom
feed its items (as a feed file); for text/plain one "text" RawDoc; for JSON its article objects.
`download` (one GET within those limits, with a given client and extra headers: what
`recoupe watch` polls feeds and fetches pages with) returns a `Download` or a `Failed`.
Every failure is one `InputProblem` in a user's words: "timed out after 15 s", "HTTP 404",
"connection refused", "cannot resolve host example.invalid", "too many redirects (more than 5)",
an oversize body, or an unsupported content type.

The size cap is enforced while streaming: a Content-Length over the cap is refused before the
body is read, and a body without one is cut off as soon as it passes the cap. The body counted is
the decompressed one, so a small gzip bomb is cut off too.
"""

from __future__ import annotations

import hashlib
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from ..config import ReadConfig
from ..model import InputProblem, RawDoc
from .content import read_content
from .deadline import deadline, transport
from .limits import too_large
from .sniff import sniff

_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/x-rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/x-atom+xml": "feed",
    "application/rdf+xml": "feed",
    "text/rss+xml": "feed",
    "application/feed+json": "feed",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/x-jsonlines": "jsonl",
    # Servers that do not know what they serve: look at the bytes.
    "": "unknown",
    "application/octet-stream": "unknown",
    "binary/octet-stream": "unknown",
}


@dataclass(frozen=True)
class Download:
    """A response within the read limits: its status (2xx, or 304 with no body), headers,
    final URL (after redirects), media type, declared charset and body."""

    status: int
    headers: httpx.Headers
    url: str
    media_type: str
    charset: str | None
    data: bytes


@dataclass(frozen=True)
class Failed:
    """Why a download stopped, and the response's headers if there was a response."""

    problem: InputProblem
    headers: httpx.Headers | None = None


def client_for(config: ReadConfig) -> httpx.Client:
    """An HTTP client with the read settings: redirects, timeout and User-Agent, and a
    transport that holds each download to its whole deadline (`deadline.py`)."""
    return httpx.Client(
        transport=transport(),
        follow_redirects=True,
        max_redirects=config.url_max_redirects,
        timeout=httpx.Timeout(config.url_timeout),
        headers={"User-Agent": config.user_agent},
    )


def read_url(url: str, config: ReadConfig) -> Iterator[RawDoc | InputProblem]:
    """An http(s) URL -> the RawDocs it serves, or one InputProblem saying why not."""
    with client_for(config) as client:
        fetched = download(url, config, client)
    if isinstance(fetched, Failed):
        yield fetched.problem
        return
    kind = kind_of(fetched)
    if kind == "xml" or (kind == "html" and _kind(fetched.media_type) == "xml"
                         and b"<html" not in fetched.data[:4096].lower()):
        yield InputProblem(url, f"unsupported content type {fetched.media_type} (XML that "
                           "is not an RSS or Atom feed)")
        return
    if kind == "text" and sniff(fetched.data) == "feed":
        kind = "feed"  # feeds served as text/plain by careless servers
    doc_id = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    yield from read_content(fetched.data, kind, url, doc_id, url=fetched.url,
                            charset=fetched.charset)


def kind_of(fetched: Download) -> str:
    """The reader a response needs, from its media type, else from its bytes."""
    kind = _kind(fetched.media_type)
    if kind == "xml":
        # Any XML type ("application/x-rss+xml", "text/xml"...) is judged by its root.
        found = sniff(fetched.data)
        return found if found in ("feed", "html") else "xml"
    return sniff(fetched.data) if kind == "unknown" else kind


def _kind(media_type: str) -> str | None:
    """The kind a media type names; any other XML type is "xml" (sniffed); else None."""
    kind = _KINDS.get(media_type)
    if kind is None and media_type.endswith(("+xml", "/xml")):
        kind = "xml"
    return kind


def download(url: str, config: ReadConfig, client: httpx.Client,
             headers: dict[str, str] | None = None) -> Download | Failed:
    """One GET with `client` within the read limits (size cap, whole-download timeout,
    User-Agent), extra request `headers` added (validators for a conditional GET)."""
    timeout = config.url_timeout
    end = time.monotonic() + timeout
    headers = {"User-Agent": config.user_agent, **(headers or {})}
    try:
        with deadline(timeout), client.stream(
            "GET", url, headers=headers, follow_redirects=True, timeout=httpx.Timeout(timeout)
        ) as response:
            if response.status_code == 304:
                return Download(304, response.headers, str(response.url), "", None, b"")
            if response.status_code >= 400:
                return Failed(InputProblem(url, f"HTTP {response.status_code}"),
                              response.headers)
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            if _kind(media_type) is None:
                return Failed(InputProblem(url, f"unsupported content type {media_type}"),
                              response.headers)
            length = _content_length(response.headers.get("content-length"))
            # The header counts the compressed body; only a plain one can be judged by it.
            if length is not None and length > config.max_bytes and not response.headers.get(
                "content-encoding"
            ):
                return Failed(too_large(url, config.max_bytes, length), response.headers)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > config.max_bytes:
                    return Failed(too_large(url, config.max_bytes), response.headers)
                # httpx's timeout bounds each read; this bounds the whole download, so a
                # server dripping one byte at a time cannot hold a run for ever.
                if time.monotonic() > end:
                    return Failed(InputProblem(url, f"timed out after {timeout:g} s"))
                chunks.append(chunk)
    except httpx.TimeoutException:
        return Failed(InputProblem(url, f"timed out after {timeout:g} s"))
    except httpx.TooManyRedirects:
        return Failed(InputProblem(url, f"too many redirects (more than {client.max_redirects})"))
    except httpx.UnsupportedProtocol as e:
        return Failed(InputProblem(url, f"unsupported URL ({e})"))
    except httpx.InvalidURL as e:
        return Failed(InputProblem(url, f"invalid URL ({e})"))
    except httpx.ConnectError as e:
        return Failed(InputProblem(url, _connect_problem(url, e)))
    except (httpx.HTTPError, httpx.StreamError, OSError, ValueError) as e:
        return Failed(InputProblem(url, f"download failed ({one_line(e)})"))
    data = b"".join(chunks)
    if not data.strip():
        return Failed(InputProblem(url, "empty response"), response.headers)
    return Download(response.status_code, response.headers, str(response.url), media_type,
                    charset, data)


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _content_length(header: str | None) -> int | None:
    try:
        return int(header) if header is not None else None
    except ValueError:
        return None


def _connect_problem(url: str, error: Exception) -> str:
    """Name the cause a user can act on: refused, unknown host, or the system's own words."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host {httpx.URL(url).host} (DNS lookup failed)"
        cause = cause.__cause__ or cause.__context__
    text = one_line(error)
    lowered = text.lower()
    if "refused" in lowered or "errno 111" in lowered:
        return "connection refused"
    if any(s in lowered for s in ("name or service not known", "nodename nor servname",
                                  "name resolution", "getaddrinfo", "errno -2", "errno -3")):
        return f"cannot resolve host {httpx.URL(url).host} (DNS lookup failed)"
    return f"cannot connect ({text})"


def one_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
