"""bytes -> Iterator[RawDoc | InputProblem]: the items of an RSS or Atom feed.

In: the bytes of a feed (a .rss/.atom/.xml file, a feed on stdin or at a URL), its source name,
and the charset a server declared, if any. Out: one `RawDoc` per item: kind "html" when the item
carries HTML (its full content, else its summary), "text" otherwise; title, url (the item's
link), published (ISO 8601, with the feed's own UTC offset when it gave one) and outlet (the
feed's title). An item with no text but an http(s) link is a RawDoc of kind "link" (no
content): its page is the article, fetched by `read.pages` (`read_inputs`, `recoupe watch`),
never here. An item with neither, a feed without items or a feed too broken to parse is an
`InputProblem`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from ..model import InputProblem, RawDoc
from .dates import iso_date
from .fields import language_code, text_field

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKUP = re.compile(r"<[a-zA-Z][^>]*>")
_ISO = re.compile(r"\A\d{4}(?:-\d{2}|\Z)")


def read_feed(
    data: bytes, source: str, *, charset: str | None = None
) -> Iterator[RawDoc | InputProblem]:
    """Feed bytes -> one RawDoc per item, or InputProblems."""
    # Imported here: feedparser is slow to import and most runs read no feed.
    import feedparser

    if not data.strip():
        yield InputProblem(source, "file is empty")
        return
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else {}
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except Exception as e:  # noqa: BLE001 - feedparser's own bugs on odd input are one problem
        yield InputProblem(source, f"not a readable RSS or Atom feed ({e})")
        return
    if not parsed.entries:
        if parsed.get("version"):
            yield InputProblem(source, "feed has no items")
        elif parsed.get("bozo"):
            reason = _short(parsed.get("bozo_exception"))
            yield InputProblem(source, f"not a readable RSS or Atom feed ({reason})")
        else:
            yield InputProblem(source, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> "
                               "root)")
        return
    outlet = text_field(parsed.feed.get("title"))
    language = language_code(parsed.feed.get("language"))
    for n, entry in enumerate(parsed.entries, 1):
        yield _item(entry, source, n, outlet, language)


def _item(entry, feed: str, n: int, outlet: str | None, language: str | None):
    source = f"{feed}#{n}"
    found = _body(entry)
    link = text_field(entry.get("link"))
    if found is None:
        if not (link or "").lower().startswith(("http://", "https://")):
            return InputProblem(source, f"item {n}: no text in the feed and no page to fetch")
        found = "", "link"  # only a title and a link: the page is the article
    content, kind = found
    title = text_field(entry.get("title"))
    # The id must not depend on the item's position: newer items push it down the feed,
    # and `recoupe watch` knows items it has taken by their ids.
    key = text_field(entry.get("id")) or link or f"{feed}\n{title}\n{content}"
    return RawDoc(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        source=source,
        content=content,
        kind=kind,
        title=title,
        url=link,
        published=_published(entry),
        outlet=outlet,
        language=language_code(entry.get("language")) or language,
    )


def _body(entry) -> tuple[str, str] | None:
    """(content, kind) from the full content if any, else the summary."""
    details = list(entry.get("content") or [])
    summary = entry.get("summary_detail")
    if summary:
        details.append(summary)
    elif entry.get("summary"):
        details.append({"value": entry["summary"], "type": "text/html"})
    for detail in details:
        value = (detail.get("value") or "").strip()
        if not value:
            continue
        declared_html = (detail.get("type") or "").lower() in _HTML_TYPES
        # feedparser calls most RSS descriptions text/html; plain prose is still plain text.
        if declared_html and _MARKUP.search(value):
            return value, "html"
        return value.replace("\r\n", "\n").replace("\r", "\n"), "text"
    return None


def _published(entry) -> str | None:
    # The raw string keeps the publisher's UTC offset (hence its calendar day); the *_parsed
    # fields are converted to UTC and are only the fallback, then the raw string as it is.
    for raw, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        date = iso_date(entry.get(raw))
        if date and _ISO.match(date):
            return date
        if entry.get(parsed):
            return iso_date(entry[parsed])
        if date:
            return date
    return None




def _short(error: object) -> str:
    text = str(error or "unknown error").strip().splitlines()[0][:200]
    # expat says "<unknown>:2:0: syntax error"; say it in words.
    match = re.match(r"<unknown>:(\d+):(\d+): (.*)", text)
    return f"{match[3]} at line {match[1]}, column {match[2]}" if match else text
