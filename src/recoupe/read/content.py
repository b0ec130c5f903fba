"""(bytes, kind) -> Iterator[RawDoc | InputProblem]: hand bytes of a known kind to its reader.

In: the bytes of one input, its kind ("text", "html", "json", "jsonl", "feed": from a file's
extension, a Content-Type or `sniff`), its source name and id, and what the container said (final
URL, declared charset, whether it was met in a folder walk). Out: what the reader of that kind
yields. The one place that maps a kind to a reader, shared by files, URLs and standard input.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import InputProblem, RawDoc
from .feed import read_feed
from .html import read_html
from .jsonl import read_records
from .text import read_text


def read_content(
    data: bytes,
    kind: str,
    source: str,
    doc_id: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    walked: bool = False,
) -> Iterator[RawDoc | InputProblem]:
    """Bytes of a known kind -> the RawDocs (or problems) its reader finds in them."""
    if kind == "text":
        yield read_text(data, source, doc_id, url=url, charset=charset)
    elif kind == "html":
        yield read_html(data, source, doc_id, url=url, charset=charset)
    elif kind in ("json", "jsonl"):
        yield from read_records(data, source, doc_id, lines=kind == "jsonl", walked=walked)
    elif kind == "feed":
        yield from read_feed(data, source, charset=charset)
    else:
        raise ValueError(f"unknown input kind {kind!r}")  # a caller's bug, not a bad input
