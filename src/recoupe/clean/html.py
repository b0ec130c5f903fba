"""A web page -> its main text and the metadata the page declares, by trafilatura.

In: the HTML of one page (a `RawDoc` of kind "html").
Out: `extract(raw)` -> a `Page` (text with one paragraph per line, title, date, outlet
from the site name or host name, author, canonical URL, language of the `<html lang>`
attribute), or None when the page has no article text. The text then goes through the
same line cleaner as plain text, since extractors leave debris behind ("À lire aussi",
credits, stamps).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import RawDoc

_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)


class Page(NamedTuple):
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    url: str | None
    language: str | None


def extract(raw: RawDoc) -> Page | None:
    """RawDoc (html) -> Page, or None if the page holds no article text."""
    import trafilatura  # heavy import, needed only for web pages

    try:
        doc = trafilatura.bare_extraction(
            raw.content, url=raw.url, with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, deduplicate=False)
    except (ValueError, TypeError, AttributeError):
        # A page so broken that the HTML parser gives up holds no article we can use.
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    lang = _LANG.search(raw.content[:4096])
    return Page(
        text=doc.text,
        title=_clean(doc.title),
        published=_clean(doc.date),
        outlet=_clean(doc.sitename) or _clean(doc.hostname),
        author=_clean(doc.author),
        url=_clean(doc.url),
        language=lang[1].lower() if lang else None,
    )


def _clean(value) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None
