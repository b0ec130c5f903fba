"""The cleaning stage: RawDoc -> Article, the story's text without the web's debris.

In: one `RawDoc` (plain text, or an HTML page whose main text trafilatura extracts first)
and the `CleanConfig`.
Out: an `Article` whose `text` is the body (paragraphs separated by a blank line), with
the headline in `title`, the publication date, dateline, credits and captions found in
the text, and every line taken out of the body, verbatim, in `removed`. Metadata given on
the RawDoc wins over what the page declares, which wins over what the text shows.

On the way: a text longer than `CleanConfig.max_chars` is cut at a line break (the rest
listed in `removed`); debris glued inside a line (a page read as one paragraph: a section
label, a paywall formula, "Lire aussi" and its headline, a caption with its credit, a
closing credit in parentheses) is cut into lines of its own first (`inline`); the outlet is
the publisher's (container, page, URL host, or a medium signing the text), never a credit.
Every step is linear in the text's length.

Pure: no I/O, nothing global changes but caches of compiled tables and word lists.
Raises `InputError` only when nothing usable remains.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse

from .. import lang
from ..config import CleanConfig
from ..errors import InputError
from ..model import Article, RawDoc
from . import boilerplate, dates, html, inline, lines, meta, repair, tables, title


def clean(raw: RawDoc, config: CleanConfig) -> Article:
    """RawDoc -> Article: body text cleaned and repaired, metadata and removed lines kept."""
    page = None
    content = raw.content
    if raw.kind == "html":
        page = html.extract(raw)
        if page is None:
            raise InputError(raw.source, "HTML page has no article text")
        content = page.text
    language = raw.language or (page.language if page else None)
    table = tables.load(_table_language(language, config))

    content, overflow = _cap(content, config.max_chars)
    pairs = inline.split(lines.split(content), table)
    verbatim = [v for v, _ in pairs]
    text = [n for _, n in pairs]
    given_title = raw.title or (page.title if page else None)
    kinds = boilerplate.classify(text, table)
    found = meta.extract(text, kinds, table)

    removed: list[tuple[int, str]] = []  # (input line number, verbatim line)
    units: list[tuple[str, bool, list[int]]] = []  # (text, blank before, input lines)
    gap = False
    for i, kind in enumerate(kinds):
        if kind == boilerplate.BLANK:
            gap = True
            continue
        if kind in boilerplate.REMOVED:
            removed.append((i, verbatim[i]))
            continue
        line = text[i]
        if found.lead is not None and found.lead[0] == i:
            removed.append((i, found.lead[2]))
            line = found.lead[1]
        units.append((line, gap and bool(units), [i]))
        gap = False
    units = _repair(units, table, verbatim, removed)
    # A first paragraph that opened with a dateline is the lede, not the headline.
    lede_first = bool(units) and found.lead is not None and found.lead[0] in units[0][2]
    headline, paragraphs = title.pick([u[0] for u in units], given_title, lede_first)
    article_text = "\n\n".join(paragraphs)
    if not _ALNUM.search(article_text):  # marks alone ("»", "€") are no article
        raise InputError(raw.source, "no article text left after cleaning")

    credits = list(found.credits)
    if page and page.author and page.author not in credits:
        credits.append(page.author)
    return Article(
        id=raw.id,
        source=raw.source,
        text=article_text,
        title=given_title or headline,
        url=raw.url or (page.url if page else None),
        published=(_iso_published(raw.published, table) or (page.published if page else None)
                   or found.published),
        # The publisher: what the container or the page says, else the host the text was
        # fetched from, else a medium signing the text; never a credit (a wire or a
        # photographer is not who publishes), and None when nothing says it.
        outlet=(raw.outlet or (page.outlet if page else None) or _host(raw.url)
                or found.outlet),
        language=language,
        removed=tuple(line for _, line in sorted(removed, key=lambda r: r[0])) + overflow,
        captions=found.captions,
        credits=tuple(credits),
        dateline=found.dateline,
    )


_ALNUM = re.compile(r"[^\W_]")
_ISO_DATE = re.compile(
    r"\A(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<time>[T ][\d:.+\-Z]*)?\Z")


def _host(url: str | None) -> str | None:
    """"https://www.lagazette.fr/a/1" -> "lagazette.fr"; None for no URL or no host."""
    if not url:
        return None
    host = urllib.parse.urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _cap(content: str, limit: int) -> tuple[str, tuple[str, ...]]:
    """Text -> (the text up to `limit` characters, cut at a line break, or else at a space;
    the rest, verbatim, as removed). No news article comes near the default limit: a text
    past it is a dump or a hostile input, and what follows cleaning (the parser) costs
    more than linear time and memory in the text's length."""
    if not limit or len(content) <= limit:
        return content, ()
    cut = content.rfind("\n", 0, limit + 1)
    if cut <= limit // 2:
        cut = content.rfind(" ", 0, limit + 1)
    if cut <= limit // 2:
        cut = limit
    rest = content[cut:].strip()
    return content[:cut], (rest,) if rest else ()


def _iso_published(given: str | None, table: tables.Tables) -> str | None:
    """A date a container gave ("2023-09-13T10:00+02:00", "13 septembre 2023") -> ISO 8601,
    or None when it cannot be read: the contract promises ISO dates, and a date we cannot
    read is not shown as if it were one."""
    if not given or not given.strip():
        return None
    given = given.strip()
    if _is_real_iso(given):
        return given
    hits = [h for h in dates.find(given, table, fallback=True) if h.iso]
    return hits[0].iso if hits else None


def _is_real_iso(text: str) -> bool:
    """ISO 8601 in form and a real day of the calendar: "2023-02-28", not "2023-99-99"."""
    m = _ISO_DATE.match(text)
    if not m:
        return False
    try:
        datetime.date(int(m["y"]), int(m["m"] or 1), int(m["d"] or 1))
        if m["time"]:
            if not m["d"]:
                return False  # a time needs a day: "2023-09T10:00" is no ISO date
            datetime.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _repair(units: list, table: tables.Tables, verbatim: list[str],
            removed: list[tuple[int, str]]) -> list:
    """Body lines -> repaired paragraphs, each with the input lines it is made of.

    Lines joined back can make a paragraph that is itself debris ("... |"), or one that
    repeats the paragraph before; judged as a whole, it leaves the body, and the
    paragraphs around it are joined again if the break between them cuts a sentence, as
    they would be if the cleaned text were cleaned again. Each round removes a paragraph;
    the rounds are bounded, so that a text built to make debris again after each join
    costs a few passes, not one per paragraph.
    """
    kept: list = []
    for _ in range(_MAX_ROUNDS):
        repaired = repair.repair([(t, g) for t, g, _ in units], table)
        kept = []
        for n, (start, paragraph) in enumerate(repaired):
            end = repaired[n + 1][0] if n + 1 < len(repaired) else len(units)
            numbers = [i for unit in units[start:end] for i in unit[2]]
            repeated = (kept and paragraph.casefold() == kept[-1][0].casefold()
                        and _ALNUM.search(paragraph))
            if repeated or end - start > 1 and _is_debris(paragraph, table):
                removed.extend((i, verbatim[i]) for i in numbers)
                continue
            kept.append((paragraph, True, numbers))
        if len(kept) == len(repaired):
            return kept
        units = kept
    return kept  # the paragraphs around the last debris stay apart


_MAX_ROUNDS = 8


def _is_debris(paragraph: str, table: tables.Tables) -> bool:
    return boilerplate.classify([paragraph], table)[0] in boilerplate.REMOVED


def _table_language(language: str | None, config: CleanConfig) -> str:
    """The language whose tables clean this article: its own if known, else the config's."""
    if language and lang.table(language, "boilerplate") is not None:
        return language
    return config.language
