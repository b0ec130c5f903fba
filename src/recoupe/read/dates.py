"""str | number | time.struct_time -> str | None: a container's date as ISO 8601.

In: a date as a JSON record or a feed item gave it: ISO 8601 ("2023-09-13T08:30:00+02:00",
"2023-09-13", "2023-09"), RFC 822 as in RSS ("Wed, 13 Sep 2023 08:30:00 +0200"), a Unix
timestamp (seconds or milliseconds), or a `time.struct_time` (feedparser's *_parsed, in UTC).
Out: the ISO 8601 form, keeping the writer's UTC offset (so the calendar day stays the
publisher's); a string in any other format is passed on stripped but unchanged, for the cleaner's
date parser to read; None for nothing usable.
"""

from __future__ import annotations

import email.utils
import re
import time
from datetime import date, datetime, timezone

_PARTIAL_ISO = re.compile(r"\A\d{4}(?:-\d{2})?\Z")
# Timestamps above this are in milliseconds (it is 5138 in seconds, 1973 in milliseconds).
_MILLISECONDS_FROM = 1e11


def iso_date(value: object) -> str | None:
    """A date in any of the containers' forms -> ISO 8601 string, or None."""
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _PARTIAL_ISO.match(text):
        return text
    try:
        return date.fromisoformat(text).isoformat()  # a day stays a day, without a time
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("z", "Z")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return text


def _from_timestamp(value: float) -> str | None:
    if value > _MILLISECONDS_FROM:
        value /= 1000
    try:
        return datetime.fromtimestamp(value, tz=timezone.utc).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return None
