"""bytes -> str: tell what kind of document some bytes of unknown origin hold.

In: the first bytes of standard input, of a download without a useful content type, or of a
file without an extension. Out: one of "json", "jsonl", "feed", "html", "text" — the name of
the reader to use. It only looks; it never decodes the whole input nor fails.
"""

from __future__ import annotations

import json
import re

_HEAD = 4096  # bytes looked at: a root element or a first JSON line shows early
# Declarations, comments, doctypes and processing instructions that may precede the root.
_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b", re.I)
_JSON_LIST_START = re.compile(rb'\[\s*(?:[\[{"\]]|-?\d|true\b|false\b|null\b)')
_JSON_OBJECT_START = re.compile(rb'\{\s*["}]')
_HTML_TAG = re.compile(rb"<(?:html|head|body|p|div|article|h[1-6]|br|meta|title)\b", re.I)


def sniff(data: bytes) -> str:
    """bytes -> "json" | "jsonl" | "feed" | "html" | "text", judged from the first bytes."""
    head = data[:_HEAD].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"{", b"[")):
        return _json_kind(data)
    if head.startswith(b"<"):
        root = _PROLOG.sub(b"", head, count=1)
        if _FEED_ROOT.match(root):
            return "feed"
        return "html"
    if _HTML_TAG.search(head):
        return "html"
    return "text"


def _json_kind(data: bytes) -> str:
    """A whole JSON document, or one JSON object per line; else prose that starts with a bracket."""
    try:
        json.loads(data)
        return "json"
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    body = data.lstrip(b"\xef\xbb\xbf").lstrip()
    try:
        json.loads(body.split(b"\n", 1)[0])
        return "jsonl"
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    # Broken JSON is better reported as JSON than read as an article, but "[EXCLUSIF] Le..."
    # is an article.
    if _JSON_LIST_START.match(body):
        return "json"
    if _JSON_OBJECT_START.match(body):
        return "jsonl"
    return "text"
