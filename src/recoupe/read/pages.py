"""Feed items -> their pages: fetch the page an item links to, and tell a wall from an article.

In: RawDocs of feed items (kind "link" when the feed gave only a title and a link), an httpx
client made by `url.client_for` and the read settings. Out:
- `read_page(item, client, config)`: the item's page as a RawDoc with the item's id, and its
  title, date, outlet and language where the page says none; or an InputProblem.
- `fetch_links(results, config)`: a stream of RawDocs and problems with each "link" item
  replaced by its page (or by one problem saying why there is none).
- `same_pages(items, pages)`: the positions of pages that are one page for several items:
  a cookie-consent wall, a paywall or a login page served in place of every article. Their
  text (tags, digits and the item's own address aside) is the same; an article's is not.
Every download is held to `read.url_timeout` from connect to last byte (`deadline.py`), so one
slow item costs its own deadline, never the feed.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import httpx

from ..config import ReadConfig
from ..model import InputProblem, RawDoc
from .content import read_content
from .url import Failed, client_for, download, kind_of

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_NOISE = re.compile(r"[\d\s]+")


def read_page(item: RawDoc, client: httpx.Client, config: ReadConfig) -> RawDoc | InputProblem:
    """An item's page as a RawDoc with the item's id and, where the page says none, metadata."""
    if not (item.url or "").lower().startswith(("http://", "https://")):
        return InputProblem(item.source, "no http(s) link to fetch")
    fetched = download(item.url, config, client)
    if isinstance(fetched, Failed):
        return fetched.problem
    kind = kind_of(fetched)
    if kind not in ("html", "text"):
        return InputProblem(item.url, f"not a page (content type {fetched.media_type})")
    page = next(read_content(fetched.data, kind, item.url, item.id, url=fetched.url,
                             charset=fetched.charset))
    if isinstance(page, InputProblem):
        return page
    return replace(
        page,
        title=page.title or item.title,
        published=page.published or item.published,
        outlet=page.outlet or item.outlet,
        language=page.language or item.language,
    )


def fetch_links(results: Iterable[RawDoc | InputProblem], config: ReadConfig
                ) -> Iterator[RawDoc | InputProblem]:
    """RawDocs and problems, each "link" item replaced by its page or a problem."""
    client = None
    try:
        for result in results:
            if not (isinstance(result, RawDoc) and result.kind == "link"):
                yield result
                continue
            client = client or client_for(config)
            page = read_page(result, client, config)
            if isinstance(page, InputProblem):
                yield InputProblem(result.source, "no text in the feed and its page could not "
                                   f"be had ({page.message})")
            else:
                yield replace(page, source=result.source)
    finally:
        if client is not None:
            client.close()


def same_pages(items: Sequence[RawDoc], pages: Sequence[RawDoc | InputProblem | None]
               ) -> set[int]:
    """Positions whose page is the same page as that of another item with another link."""
    groups: dict[str, list[int]] = defaultdict(list)
    for n, (item, page) in enumerate(zip(items, pages, strict=True)):
        if isinstance(page, RawDoc):
            groups[_fingerprint(page, item.url or "")].append(n)
    same: set[int] = set()
    for members in groups.values():
        if len({items[n].url for n in members}) > 1:
            same.update(members)
    return same


def _fingerprint(page: RawDoc, url: str) -> str:
    """The page's visible text, without what differs between two copies of one wall (the
    address it was asked for, counters, dates, spacing)."""
    text = page.content.replace(url, "") if url else page.content
    if page.kind == "html":
        text = _TAG.sub(" ", text)
    return hashlib.sha1(_NOISE.sub(" ", text).strip().encode("utf-8", "replace")).hexdigest()
