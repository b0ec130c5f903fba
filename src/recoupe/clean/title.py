"""The headline of a plain-text article: its first paragraph, when it reads as one.

In: the body's paragraphs after debris removal and repairs, the title the container gave
(if any), and whether the first paragraph opened with a dateline.
Out: `pick(paragraphs, given, lede_first)` -> (title or None, paragraphs left in the body).
A given title takes the first paragraph out when it is that title. Otherwise the first
paragraph is the headline when it is short, does not read like a lede (no dateline, not a
long sentence closed by a full stop, not a run of sentences) and a story follows it.
Deciding on paragraphs rather than raw lines keeps the choice stable: cleaning the
cleaned article (title, blank line, body) picks the same title again.
"""

from __future__ import annotations

import re

from .patterns import SENTENCE_GAP, fold_case_and_punctuation

_MAX_TITLE = 160
_MAX_TITLE_STOP = 100  # a longer line closed by a full stop is the lede
_LETTER = re.compile(r"[^\W\d_]")


def pick(paragraphs: list[str], given: str | None, lede_first: bool) -> tuple[str | None,
                                                                              list[str]]:
    """Paragraphs -> (headline or None, the paragraphs of the body)."""
    if not paragraphs:
        return None, paragraphs
    first = paragraphs[0]
    if given:
        a, b = fold_case_and_punctuation(first), fold_case_and_punctuation(given)
        if len(paragraphs) > 1 and (a == b or (len(a) >= 0.5 * len(b) and b.startswith(a))):
            return first, paragraphs[1:]
        return None, paragraphs
    if len(paragraphs) > 1 and not lede_first and _title_like(first):
        return first, paragraphs[1:]
    return None, paragraphs


def _title_like(text: str) -> bool:
    if len(text) > _MAX_TITLE or not _LETTER.search(text):
        return False
    if text[0].islower() or text.endswith((":", ",", ";")):
        return False
    if text.endswith(".") and not text.endswith("...") and len(text) > _MAX_TITLE_STOP:
        return False
    return len(SENTENCE_GAP.findall(text)) < 2
