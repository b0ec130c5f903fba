"""Article text -> its quoted stretches: French and English quote marks paired line by line.

In: a text (an article's body or its headline). Out: `Span`s, one per quoted stretch, with
the offsets of its marks and of the words inside them (no-break and thin spaces trimmed),
in text order; and `Found`, the working record of one quote while `annotate.quotes` finds
and attributes it. Typography only: no parse, no language table. « », “ ”, „ “ and straight
double quotes pair within a line; an unclosed quote ends with its paragraph; a « typed
where » belongs closes, as it does in copied text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "«“„"
SPACES = " \t\u00a0\u202f\u2009"
_MARK = re.compile(r'[«“„"»]')


@dataclass
class Span:
    """One quoted stretch: marks at [open, close), words at [start, end)."""

    open: int
    close: int
    start: int
    end: int


@dataclass
class Found:
    """A quote being found: offsets, kind, sentence, speaker (text, start, end, kind)."""

    start: int
    end: int
    kind: str
    sentence: int
    speaker: tuple[str, int, int, str] | None = None  # text, start, end, kind
    gender: str = ""  # of a pronoun speaker, to agree with its antecedent
    number: str = ""
    via: str | None = None
    whole: bool = False  # a whole sentence in quotes: may continue the previous quote
    crosshead: bool = False  # a paragraph that is only a quote: introduces what follows
    paragraph: int = 0
    nested: bool = False  # quoted inside another quote: never the speaker a next one continues


def quoted_spans(text: str) -> list[Span]:
    """Pair quote marks within each line; an unclosed quote ends with its paragraph."""
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        mark = _MARK.search(text, i)  # jump to the next quote mark: most text has none
        if mark is None:
            break
        i = mark.start()
        c = text[i]
        prev = text[i - 1] if i else " "
        opens = (c in OPENERS or (c == '"' and not prev.isalnum())
                 # a reversed mark glued to the next word opens: "qu' »elle"
                 or (c == "»" and i + 1 < n and text[i + 1].isalpha() and not prev.isalnum()))
        if not opens:
            i += 1
            continue
        j = _closing(text, i + 1, c)
        line_end = text.find("\n", i)
        line_end = n if line_end < 0 else line_end
        if j is None:
            close, inner_end = line_end, line_end
        else:
            close, inner_end = j + 1, j
        start = i + 1
        while start < inner_end and text[start] in SPACES:
            start += 1
        while inner_end > start and text[inner_end - 1] in SPACES:
            inner_end -= 1
        if inner_end > start:
            spans.append(Span(i, close, start, inner_end))
        i = close
    return spans


def _closing(text: str, k: int, opener: str) -> int | None:
    """Offset of the mark closing `opener`, or None if the line ends first."""
    n = len(text)
    while k < n and text[k] != "\n":
        c = text[k]
        if opener in "«»":
            if c == "»":
                return k
            # A "«" standing where a closing mark belongs (followed by punctuation or the
            # end of the line) is a mis-typed closer, common in copied text.
            if c == "«" and re.match(r"[ \u00a0\u202f]*([,.;:!?)]|\n|$)", text[k + 1:k + 4]):
                return k
        elif opener in "“„":
            if c in "”" or (opener == "„" and c == "“"):
                return k
        elif c == '"':
            return k
        k += 1
    return None
