"""Partial dates: what a date expression says, and the ISO date it stands for given an anchor.

In: a `PartialDate` (the parts a date expression writes down, none of them guessed: day,
month, year, weekday, "prochain"/"dernier", an offset counted from the anchor) and an anchor
(the publication date, itself possibly partial; `parse_iso` reads one from an ISO string).
Out: `resolve(partial, anchor)` -> `Resolved(value, certain)`: `value` an ISO 8601 string
that may be partial ("2023", "2023-09", "2023-09-13", "--09-13" for a day and month whose
year is unknown) or None when the parts and the anchor do not fix it; `certain` False when
the value had to assume where in a partial anchor (a year, or a year and month) the article
was written.

Finding an expression (per article, from text) and resolving it (against any anchor) are
separate so that a cross-article stage can read an undated article's "mardi" against the
story's day without going back to the text. This module is on the ground floor: it imports
nothing from recoupe.

Rules against the anchor A:
- day and month without a year: A's year, or the year before when that date would fall
  more than 61 days after A (news reports what happened); "prochain"/"dernier" take the
  next/previous one;
- month alone: A's year, or the year before when the month is more than 2 months after A's;
- weekday: the latest such day on or before A (A itself counts); "prochain" the first after
  A, "dernier" the last before A, "ce mercredi" the one in A's week (Monday to Sunday);
- offsets ("hier", "l'an dernier", "il y a 75 ans"): counted from A, as precise as the unit
  allows; weeks and approximate counts ("il y a plus de 70 ans") have no partial ISO value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["PartialDate", "Resolved", "parse_iso", "resolve"]

DAY_LIMIT = 61  # days after the anchor beyond which a yearless date is last year's
MONTH_LIMIT = 2  # months after the anchor beyond which a bare month is last year's
UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """The parts of a date that an expression writes down, unresolved.

    "mardi prochain" is weekday=1, direction=1; "le 3 mars" day=3, month=3; "il y a 75 ans"
    unit="year", offset=-75; "05/03/21" day=5, month=3, year=21, short_year=True.
    """

    year: int | None = None
    month: int | None = None  # 1-12
    day: int | None = None  # 1-31
    weekday: int | None = None  # 0 Monday ... 6 Sunday
    direction: int = 0  # 1 "prochain", -1 "dernier", 0 neither
    this_week: bool = False  # "ce mercredi": the one in the anchor's week
    unit: str | None = None  # one of UNITS: the expression is an offset from the anchor
    offset: int = 0  # in `unit`s, negative for the past
    short_year: bool = False  # the year was written with two digits: its century is open
    approximate: bool = False  # "il y a près de 70 ans", "les années 1970": no exact value

    def iso(self) -> str | None:
        """The ISO form of what is written (no anchor): "2023-09-13", "2023-09", "2023",
        "--09-13"; None when it needs an anchor."""
        if self.approximate or self.unit is not None:
            return None
        if self.year is None or self.short_year:
            if self.month is not None and self.day is not None:
                return f"--{self.month:02d}-{self.day:02d}"
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        date = _date(self.year, self.month, self.day)
        return date.isoformat() if date else None

    @property
    def is_day(self) -> bool:
        """Whether it names one whole day with its year."""
        return self.year is not None and self.day is not None and not self.short_year


class Resolved(NamedTuple):
    value: str | None
    certain: bool = True


_ISO = re.compile(r"\s*(?:(\d{4})|-(?=-\d\d-\d\d))(?:-(\d\d)(?:-(\d\d))?)?")


def parse_iso(text: str | None) -> PartialDate | None:
    """An ISO 8601 date, possibly partial or with a time ("2022", "2022-06",
    "2022-06-15T08:30+02:00", "--06-15") -> its PartialDate; None when it is not one.
    A month out of range is dropped, and a day that does not exist in its month."""
    m = _ISO.match(text or "")
    if not m:
        return None
    year = int(m[1]) if m[1] else None
    month = int(m[2]) if m[2] and 1 <= int(m[2]) <= 12 else None
    day = int(m[3]) if month and m[3] else None
    if day is not None and _date(2000 if year is None else year, month, day) is None:
        day = None
    if year is None and day is None:
        return None
    return PartialDate(year=year, month=month, day=day)


def resolve(partial: PartialDate, anchor: PartialDate | None) -> Resolved:
    """A date expression's parts, read against `anchor` (None: no anchor) -> its value."""
    if anchor is not None and anchor.year is None:
        anchor = None  # a day and month with no year anchors nothing
    if partial.approximate:
        return Resolved(None)
    if partial.unit is not None:
        return Resolved(_shift(anchor, partial.unit, partial.offset))
    if partial.day is not None and partial.month is not None:
        return _day_month(partial, anchor)
    if partial.weekday is not None:
        return Resolved(_weekday(partial, anchor))
    if partial.month is not None:
        if partial.year is not None:
            return Resolved(f"{partial.year:04d}-{partial.month:02d}")
        if anchor is None:
            return Resolved(None)
        if anchor.month is None:
            return Resolved(f"{anchor.year:04d}-{partial.month:02d}", False)
        return Resolved(f"{_month_year(partial.month, partial.direction, anchor):04d}-"
                        f"{partial.month:02d}")
    if partial.year is not None and not partial.short_year:
        return Resolved(f"{partial.year:04d}")
    return Resolved(None)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _anchor_day(anchor: PartialDate | None) -> dt.date | None:
    if anchor is None or anchor.month is None or anchor.day is None:
        return None
    return _date(anchor.year, anchor.month, anchor.day)


def _full_year(short: int, anchor: PartialDate | None) -> int | None:
    """A two-digit year in news is this century's, or the last one's when that would put it
    after the anchor's year; without an anchor its century is open."""
    if anchor is None:
        return None
    return short + (2000 if short <= anchor.year % 100 + 1 else 1900)


def _day_month(partial: PartialDate, anchor: PartialDate | None) -> Resolved:
    month, day = partial.month, partial.day
    year = partial.year
    if partial.short_year and year is not None:
        year = _full_year(year, anchor)
        if year is None:
            return Resolved(f"--{month:02d}-{day:02d}")
    if year is not None:
        date = _date(year, month, day)
        return Resolved(date.isoformat() if date else None)
    if anchor is None:
        return Resolved(f"--{month:02d}-{day:02d}" if _date(2000, month, day) else None)
    pub = _anchor_day(anchor)
    if pub is None:
        # Only the anchor's year (and maybe month) is known: assume that year.
        y = anchor.year
        if anchor.month is not None:
            y = _month_year(month, partial.direction, anchor)
        return Resolved(f"{y:04d}-{month:02d}-{day:02d}" if _date(y, month, day) else None,
                        False)
    y = pub.year
    if partial.direction > 0:
        y += (month, day) <= (pub.month, pub.day)
    elif partial.direction < 0:
        y -= (month, day) >= (pub.month, pub.day)
    else:
        date = _date(y, month, day)
        if date is None or (date - pub).days > DAY_LIMIT:
            y -= 1
    date = _date(y, month, day)
    return Resolved(date.isoformat() if date else None)


def _month_year(month: int, direction: int, anchor: PartialDate) -> int:
    """The year of a month named without one, from the anchor's year and month."""
    y, pub_month = anchor.year, anchor.month
    if direction > 0:
        return y + (month <= pub_month)
    if direction < 0:
        return y - (month >= pub_month)
    return y - (month - pub_month > MONTH_LIMIT)


def _weekday(partial: PartialDate, anchor: PartialDate | None) -> str | None:
    pub = _anchor_day(anchor)
    if pub is None:
        return None
    wd = partial.weekday
    if partial.this_week:
        date = pub + dt.timedelta(days=wd - pub.weekday())
    elif partial.direction > 0:
        date = pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    elif partial.direction < 0:
        date = pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
    else:
        date = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    return date.isoformat()


def _shift(anchor: PartialDate | None, unit: str, offset: int) -> str | None:
    """The anchor moved by `offset` units, as precise as the unit allows."""
    if anchor is None:
        return None
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month" and anchor.month is not None:
        index = anchor.year * 12 + anchor.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    day = _anchor_day(anchor)
    if unit == "day" and day is not None:
        return (day + dt.timedelta(days=offset)).isoformat()
    return None
