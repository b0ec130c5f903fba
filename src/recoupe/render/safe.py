"""Untrusted text -> text that is safe to show in a terminal or a document.

In: any value taken from an article or its metadata. Out: `printable(value)`, its text with
control characters removed (ANSI escape sequences start with one, so a headline cannot
recolour or rewrite the terminal) and bidirectional overrides removed (they can make a line
read backwards); new lines and tabs stay. Markup escaping is each renderer's own business.
Also `count(n, word)`, the plural the reports share.
"""

from __future__ import annotations

import re

# C0 and C1 controls except tab and new line, DEL, and the bidi embedding/override/isolate
# characters (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")  # a whole CSI sequence, not just its ESC


def count(n: int, word: str, plural: str | None = None) -> str:
    """3, "article" -> "3 articles"; 1, "story", "stories" -> "1 story"."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def printable(value) -> str:
    """Any value -> its text without terminal control sequences or bidi overrides."""
    text = "" if value is None else str(value)
    return _UNSAFE.sub("", _ANSI.sub("", text))
