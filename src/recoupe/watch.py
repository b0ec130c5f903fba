"""Feed URLs -> new RawDocs, again and again: the poller behind `recoupe watch FEED...`.

In: the feed URLs, what was remembered of each between polls (`FeedState`: validators, keys of
the items already taken, failures, when to poll next) and the settings (`config.read` for the
download limits, `config.watch` for the interval, the backoff and whether to fetch pages).
Out: `poll_feed` -> a `PollResult` (the new state, the new items as RawDocs, problems, and one
short status line); `fetch_pages` -> the items with their pages' HTML in place of the feed's
text; `watch` -> nothing: it loops, handing new items to `add` and then states to `save_state`.

A poll is a conditional GET (If-None-Match / If-Modified-Since). A 304 or an error yields no
items; an error also backs the feed off exponentially (interval x 1, 2, 4..., longer if the
server's Retry-After asks, capped by `watch.max_backoff`). Items are parsed by `read_feed`;
an item's key is its doc id, which read_feed derives from the guid, else the link, else the
feed's URL, title and text (never its position, which changes as newer items push it down).
Downloads go through `read.url.download`, with the same limits as any URL input (a deadline
from connect to last byte, so one slow item page costs its own deadline, not the feed's turn).
Items with only a title and a link are read from their pages; pages that are one same page
for several items (a consent wall, a paywall) are not taken for articles. A state is
saved only after its items were added, so a crash in between offers them again rather than
losing them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime

import httpx

from .config import Config, ReadConfig
from .model import InputProblem, RawDoc
from .read.feed import read_feed
from .read.fields import sanitized
from .read.pages import read_page, same_pages
from .read.sniff import sniff
from .read.url import Download, Failed, client_for, download, one_line

__all__ = ["FeedState", "PollResult", "client_for", "fetch_pages", "poll_feed", "watch"]

MAX_SEEN = 5000  # item keys remembered per feed; older ones are forgotten
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_DOUBLINGS = 30  # 2**30 x any interval is past any sane max_backoff; avoids huge floats


@dataclass(frozen=True)
class FeedState:
    """What is remembered about one feed between polls."""

    url: str
    etag: str | None = None
    modified: str | None = None  # the Last-Modified header value, verbatim
    seen: tuple[str, ...] = ()  # keys of the items already taken, oldest first
    failures: int = 0  # consecutive failed polls
    next_poll: float = 0.0  # time.time() before which the feed is not polled again


@dataclass(frozen=True)
class PollResult:
    state: FeedState  # the new state, to store once `docs` are stored
    docs: tuple[RawDoc, ...]  # the new items, ready for cleaning
    problems: tuple[InputProblem, ...]
    status: str  # one short line for the user: "12 new", "not modified", "HTTP 503, retry..."


@dataclass(frozen=True)
class _Failed:
    problem: InputProblem
    retry_after: float | None = None


def poll_feed(
    url: str,
    state: FeedState | None,
    client: httpx.Client,
    config: Config,
    now: float | None = None,
) -> PollResult:
    """One conditional GET of a feed -> its items not seen before, and the state to keep."""
    now = time.time() if now is None else now
    state = state or FeedState(url)
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    fetched = _get(client, url, config.read, headers)
    if isinstance(fetched, _Failed):
        return _failed(state, fetched, config, now)
    polled = replace(state, failures=0, next_poll=now + config.watch.interval)
    if fetched.status == 304:
        return PollResult(polled, (), (), "not modified")

    if fetched.media_type in _HTML_TYPES and sniff(fetched.data) != "feed":
        # A site's home page given for its feed: feedparser's words would be a syntax error.
        problem = InputProblem(url, "not an RSS or Atom feed (the server sent an HTML page; "
                               "give the address of the site's feed)")
        return _failed(state, _Failed(problem), config, now)
    docs, problems, seen = [], [], set(state.seen)
    for result in read_feed(fetched.data, url, charset=fetched.charset):
        if isinstance(result, InputProblem):
            if result.source == url and result.message != "feed has no items":
                return _failed(state, _Failed(result), config, now)  # not a feed at all
            problems.append(sanitized(result))
            continue
        doc = sanitized(result)
        if doc.id not in seen:
            seen.add(doc.id)
            docs.append(doc)
    keys = (state.seen + tuple(d.id for d in docs))[-MAX_SEEN:]
    new_state = replace(
        polled,
        etag=fetched.headers.get("etag"),
        modified=fetched.headers.get("last-modified"),
        seen=keys,
    )
    status = f"{len(docs)} new" if docs else "no new items"
    if problems:
        status += f" ({_count(len(problems), 'problem')})"
    return PollResult(new_state, tuple(docs), tuple(problems), status)


def fetch_pages(
    docs: Sequence[RawDoc], client: httpx.Client, config: Config
) -> tuple[list[RawDoc], list[InputProblem]]:
    """Feed items -> the same items with their pages' content, when `watch.fetch_pages` is on.

    An item whose page cannot be had keeps the feed's own text, with one problem saying so.
    Pages that are one same page for several items (a consent wall, a paywall) are not
    articles: those items keep the feed's text, with one problem for them all. An item with
    only a title and a link (kind "link") has no text but its page: without it, it is a problem.
    """
    if not config.watch.fetch_pages:
        out = [d for d in docs if d.kind != "link"]
        return out, [InputProblem(d.source, "no text in the feed, and watch.fetch_pages is off")
                     for d in docs if d.kind == "link"]
    pages = [read_page(doc, client, config.read)
             if (doc.url or "").lower().startswith(("http://", "https://")) else None
             for doc in docs]
    walls = same_pages(docs, pages)
    out, problems = [], []
    for n, (doc, page) in enumerate(zip(docs, pages, strict=True)):
        if isinstance(page, RawDoc) and n not in walls:
            out.append(sanitized(page))
            continue
        why = ("the same page as other items'" if n in walls
               else page.message if page is not None else "no link")
        if doc.kind == "link":
            problems.append(InputProblem(doc.url or doc.source,
                                         f"no text in the feed and no page ({why})"))
            continue
        out.append(doc)
        if isinstance(page, InputProblem):
            problems.append(InputProblem(
                doc.url, f"page not fetched ({page.message}); the feed's text was used"))
    shared = sorted(n for n in walls if docs[n].kind != "link")
    if shared:
        problems.append(InputProblem(docs[shared[0]].url, (
            f"the same page for {len(walls)} items (a consent wall or a paywall?); the "
            "feed's own text was used")))
    return out, problems


def watch(
    urls: Sequence[str],
    *,
    load_state: Callable[[str], FeedState | None],
    save_state: Callable[[FeedState], None],
    add: Callable[[list[RawDoc]], None],
    config: Config,
    report: Callable[[str], None] = lambda line: None,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    client: httpx.Client | None = None,
    clock: Callable[[], float] = time.time,
) -> None:
    """Poll every due feed, add its new items, save its state; sleep; again (`rounds` times).

    Reports one line per feed per poll ("<url>: 3 new"), then one line per problem. A feed
    that fails, or whose items `add` refuses, is retried later; it never stops the others.
    None of it raises but KeyboardInterrupt (the way to stop) and a failing `save_state`.
    """
    urls = list(dict.fromkeys(urls))
    if not urls:
        return
    own = client is None
    client = client or client_for(config.read)
    try:
        states = {url: load_state(url) or FeedState(url) for url in urls}
        done = 0
        while rounds is None or done < rounds:
            for url in urls:
                if states[url].next_poll <= clock():
                    states[url] = _poll_and_add(url, states[url], client, config, add,
                                                save_state, report, clock())
            done += 1
            if rounds is None or done < rounds:
                sleep(max(0.0, min(s.next_poll for s in states.values()) - clock()))
    finally:
        if own:
            client.close()


def _poll_and_add(url, state, client, config, add, save_state, report, now) -> FeedState:
    """One feed's turn in `watch`: the state to remember in memory until the next poll."""
    try:
        result = poll_feed(url, state, client, config, now)
        docs, page_problems = fetch_pages(result.docs, client, config)
    except Exception as e:  # noqa: BLE001 - a bug on one feed must not stop the others
        failed = _Failed(InputProblem(url, f"could not be polled: {type(e).__name__}: "
                                      f"{one_line(e)} (a bug in recoupe; please report it)"))
        result, docs, page_problems = _failed(state, failed, config, now), [], []
    status = result.status
    if page_problems:
        status += f", {_count(len(page_problems), 'page')} not fetched"
    if docs:
        try:
            add(docs)
        except Exception as e:  # noqa: BLE001 - the items are offered again next time
            later = _backoff(state, None, config)
            report(f"{url}: {len(docs)} new but not added ({one_line(e)}); "
                   f"retry in {_seconds(later)}")
            return replace(state, failures=state.failures + 1, next_poll=now + later)
    save_state(result.state)
    report(f"{url}: {status}")
    for problem in (*result.problems, *page_problems):
        if not (problem.source == url and problem.message in status):
            report(f"  {problem}")
    return result.state


def _failed(state: FeedState, failed: _Failed, config: Config, now: float) -> PollResult:
    delay = _backoff(state, failed.retry_after, config)
    new_state = replace(state, failures=state.failures + 1, next_poll=now + delay)
    status = f"{failed.problem.message}, retry in {_seconds(delay)}"
    return PollResult(new_state, (), (failed.problem,), status)


def _backoff(state: FeedState, retry_after: float | None, config: Config) -> float:
    """Seconds to wait after one more failure: interval x 2**failures, or the Retry-After."""
    doublings = min(state.failures, _MAX_DOUBLINGS)
    delay = config.watch.interval * 2**doublings
    # Retry-After is the least wait the server asks for: it lengthens the wait, never shortens.
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(config.watch.max_backoff, delay)


def _get(
    client: httpx.Client, url: str, config: ReadConfig, headers: dict[str, str]
) -> Download | _Failed:
    """One GET within the read limits, or why it failed (with the server's Retry-After)."""
    fetched = download(url, config, client, headers)
    if isinstance(fetched, Failed):
        after = fetched.headers.get("retry-after") if fetched.headers is not None else None
        return _Failed(fetched.problem, _retry_after(after))
    return fetched


def _retry_after(header: str | None) -> float | None:
    """Retry-After in seconds, whether given as seconds or as an HTTP date; None if unusable."""
    if not header:
        return None
    header = header.strip()
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(header).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _seconds(delay: float) -> str:
    if delay < 120:
        return f"{round(delay, 2):g} s"
    if delay < 7200:
        return f"{round(delay / 60):g} min"
    return f"{round(delay / 3600, 1):g} h"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
