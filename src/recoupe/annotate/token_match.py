"""spaCy's French `token_match`, compiled in a fraction of the time, with the same matches.

In: the regular expression spaCy's French tokenizer keeps whole (hyphenated and elided words:
"peut-être", "entr'ouvert"): 266 alternatives `^prefix[class]...$` joined by "|", 1.45 MB,
because each alternative repeats a character class of all lower-case letters (thousands of
characters). Python's `re` compiles every copy of that class again, case-insensitively, code
point by code point: 3-5 s of every cold start (the pattern is compiled when spaCy's French
module is imported and again when the model's tokenizer is read).
Out: `factor(pattern)`, the same language written with each distinct tail once,
`^(?:prefix1|prefix2|...)tail`, which compiles in well under a second; `fast_token_match()`,
a context manager under which `re.compile` receives the factored form instead of such a
pattern (used around `spacy.load` in annotate/nlp.py).

Why by hand: no library rewrites a regular expression into a smaller equivalent one, and
`regex` (which compiles this one faster) matches twice as slowly. Equality is algebra
(`^AT$|^BT$` is `^(?:A|B)T$`), and tests/annotate/test_token_match.py checks it on the
model's own pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

_BIG_CLASS = 200  # characters of a class worth writing once
_BIG_PATTERN = 100_000  # only patterns this long are looked at
_HEAD, _SEP, _TAIL = "(?iu)(?:", ")|(?:", ")"


def factor(pattern: str) -> str | None:
    """A `(?iu)(?:^A1T1$)|(?:^A2T2$)|...` pattern -> the same language with each tail written
    once, or None when the pattern is not of that shape (it is then compiled as it is)."""
    if not (pattern.startswith(_HEAD) and pattern.endswith(_TAIL)):
        return None
    alternatives = pattern[len(_HEAD):-len(_TAIL)].split(_SEP)
    if _HEAD + _SEP.join(alternatives) + _TAIL != pattern:
        return None
    by_tail: dict[str, list[str]] = {}
    for alt in alternatives:
        if not (alt.startswith("^") and alt.endswith("$")):
            return None
        cut = _big_class_start(alt)
        if cut is None:
            return None
        head = alt[1:cut]
        if not _self_contained(head):
            return None  # a head whose "|" would reach out of it: left as it is
        by_tail.setdefault(alt[cut:], []).append(head)
    parts = [f"^(?:{'|'.join(heads)}){tail}" for tail, heads in by_tail.items()]
    return "(?iu)" + "|".join(f"(?:{p})" for p in parts)


def _self_contained(head: str) -> bool:
    """Balanced groups, no "|" outside them, no class left open: the head can stand inside
    `(?:...|...)` and mean what it meant after `^`."""
    depth, i = 0, 0
    while i < len(head):
        c = head[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = i + 1
            while end < len(head) and head[end] != "]":
                end += 2 if head[end] == "\\" else 1
            if end >= len(head):
                return False
            i = end + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        elif c == "|" and depth == 0:
            return False
        i += 1
    return depth == 0


def _big_class_start(alt: str) -> int | None:
    """Where the first long character class of an alternative starts."""
    start = 0
    while (open_ := alt.find("[", start)) >= 0:
        end = open_ + 1
        while end < len(alt) and alt[end] != "]":
            end += 2 if alt[end] == "\\" else 1
        if end - open_ > _BIG_CLASS:
            return open_
        start = end + 1
    return None


@contextmanager
def fast_token_match() -> Iterator[None]:
    """`re.compile` takes the factored form of a pattern `factor` knows, for as long as the
    block runs (a model load, in one thread); every other pattern is compiled as it is."""
    original = re.compile

    def compile_(pattern, flags=0):
        if isinstance(pattern, str) and len(pattern) > _BIG_PATTERN:
            pattern = factor(pattern) or pattern
        return original(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = original
