"""Loose metadata values (from JSON objects or feed entries) -> clean strings.

In: any value a container gave for a field. Out: `text_field(value)`, the stripped string or
None when it is not a non-empty string; `language_code(value)`, the primary language subtag
("fr-FR", "FR", "fr_fr" -> "fr"), as the annotate config keys its models; `shown(text)`, the
text with its lone surrogates written as escapes; `sanitized(doc)`, a RawDoc or InputProblem
whose every string is `shown`.

Lone surrogates come from two places: a file name that is not UTF-8 (Python gives its odd
bytes as U+DC80-U+DCFF, "surrogateescape") and a JSON string escape with half a pair
("\\ud83d"). No UTF-8 writer (a database, a page, a terminal) takes them, so one of them used to
lose a whole run; shown escaped, they are data like any other character.
"""

from __future__ import annotations

import dataclasses
import re

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def text_field(value: object) -> str | None:
    """A non-empty string, stripped; anything else -> None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def language_code(value: object) -> str | None:
    """"fr-FR", "FR", "fr_fr" -> "fr"; None when no language is given."""
    text = text_field(value)
    return re.split(r"[-_]", text, maxsplit=1)[0].lower() if text else None


def shown(text: str) -> str:
    """Lone surrogates -> escapes: a non-UTF-8 name's byte as "\\xe9", any other as "\\ud83d"."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def sanitized(item):
    """A RawDoc or InputProblem (any frozen dataclass of strings) with its strings `shown`."""
    changes = {f.name: shown(value) for f in dataclasses.fields(item)
               if isinstance(value := getattr(item, f.name), str)
               and _SURROGATE.search(value)}
    return dataclasses.replace(item, **changes) if changes else item
