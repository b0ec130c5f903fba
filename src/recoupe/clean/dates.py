"""Dates and times written in a line of web text, found with explicit patterns.

In: one line of text and the language `Tables`.
Out: `find(text, tables)` -> the date and time expressions of the line, in order, each
with its span and, for a date, its ISO 8601 value ("2023-09-13", or "2023-09" when the
day is missing, or None when the year is missing). Stamps such as "17:3002/03/2021" (a
time glued to a date) are split. Explicit patterns cover what sites print; dateparser is
tried only on what they miss, with relative dates switched off so that the result never
depends on today's date.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .tables import Tables


class Hit(NamedTuple):
    start: int
    end: int
    iso: str | None  # None for a time, or a date without a year
    is_time: bool


_ISO = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)")
_YMD = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?!\d)")
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?"
    r"(?P<y>\d{4}|\d{2})(?![\d/])")
# Only the colon and "h" mark a time: "11:50", "11h50", "11 h 50", "11h".
_TIME = re.compile(
    r"(?<![\d:])(?:[01]?\d|2[0-3])\s?(?::\s?[0-5]\d(?::[0-5]\d)?|[hH]\s?(?:[0-5]\d)?)"
    r"(?:(?![\d\w])|(?=\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)))(?:\s?(?:GMT|UTC|CET|CEST|HNE|HAE|TU)(?:\s?[+-]\s?\d{1,2})?)?")


def find(text: str, tables: Tables, fallback: bool = False) -> list[Hit]:
    """Line -> its date and time expressions, left to right, without overlaps.

    With `fallback`, a line where the patterns find no date is handed to dateparser,
    and a date it finds is one hit spanning the whole line.
    """
    hits: list[Hit] = []
    work = text

    def take(m: re.Match, iso: str | None, is_time: bool) -> None:
        nonlocal work
        hits.append(Hit(m.start(), m.end(), iso, is_time))
        # Blank what was taken so that later patterns neither re-read nor straddle it.
        work = work[: m.start()] + " " * (m.end() - m.start()) + work[m.end():]

    for m in _ISO.finditer(work):
        take(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])), False)
    for m in _YMD.finditer(work):
        take(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])), False)
    # Times before numeric dates: in "17:3002/03/2021" the time ends where the date starts.
    for m in list(_TIME.finditer(work)):
        take(m, None, True)
    for m in list(_NUMERIC.finditer(work)):
        iso = _numeric(m, tables.day_first)
        if iso:
            take(m, iso, False)
    for pattern in (tables.month_first_date, tables.textual_date, tables.month_year):
        for m in list(pattern.finditer(work)):
            month = _month(m["m"], tables)
            if month is None:
                continue
            day = int(m["d"]) if "d" in m.groupdict() and m["d"] else None
            year = int(m["y"]) if m["y"] else None
            if day is not None and not 1 <= day <= 31:
                continue
            take(m, _iso(year, month, day), False)
    if fallback and not any(h.iso for h in hits) and any(c.isdigit() for c in text):
        iso = _fallback(text.strip(), tables.dateparser_languages)
        if iso:
            return [Hit(0, len(text), iso, False)]
    hits.sort()
    return hits


def _numeric(m: re.Match, day_first: bool) -> str | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        # Two-digit years on news stamps are this century's, unless plainly older.
        y += 2000 if y < 70 else 1900
    if m["sep"] == "-" and len(m["y"]) == 2:
        return None  # "12-10-08" reads as well as a score or a reference as a date
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    return _iso(y, month, day)


def _month(word: str, tables: Tables) -> int | None:
    key = word.casefold().rstrip(".")
    for name, number in tables.months:
        if name == key:
            return number
    return None


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None or not 1 <= month <= 12:
        return None
    if not 1800 <= year <= 2100:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@functools.lru_cache(maxsize=512)
def _fallback(text: str, languages: tuple) -> str | None:
    """Text -> ISO date by dateparser, for stamps the explicit patterns miss; cached."""
    import dateparser  # slow to import and to run: only here, and only on stamp lines

    settings = {
        "PARSERS": ["absolute-time", "custom-formats"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        value = dateparser.parse(text, languages=list(languages) or None, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    return value.date().isoformat() if value else None
