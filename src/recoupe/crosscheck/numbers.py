"""Tokens -> the numbers written there: the value at a token (digits with French separators,
numbers in words, approximate nouns, vague plurals) and the range its approximation words make
of it. Read by `quantities`.

In: parse tokens of one article and the language's `numbers` and `measures` tables.
Out: `read_number(tokens, i, tables)` -> (end, value, span kind, rounding) or None;
`value_range(...)` -> (low, high); `approximation_start(...)`, where the words that make a
value a range begin ("plus de", "environ"). "1 200", "1.200", "3,5 millions", "deux cents",
"quatre-vingt-dix", "une cinquantaine", "des dizaines" are read; French typography puts a
space or a dot between groups of three digits and a comma before decimals.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lang
from ..model import Token

_DIGITS_GROUPED = re.compile(r"\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?")
_DIGITS = re.compile(r"\d+(?:,\d+)?")
_THREE = re.compile(r"\d{3}")
_GAPS = {" ", "\u00a0", "\u202f"}  # thousands separators between two tokens
_LOOK_BACK = 40  # characters before a number where its approximation words are looked for


@dataclass
class Tables:
    """One language's number and measure tables, with what is compiled from them once."""

    numbers: object
    measures: object
    clock: re.Pattern
    approximations: list[tuple[re.Pattern, tuple]]
    number_words: frozenset[str]  # what a number written in words is made of
    starters: frozenset[str]  # words a number may start with ("deux", "cinquantaine")
    # the frames of a stretch of years: (what ends the text before the first year, what
    # stands between the two years), compiled from `measures.PERIOD_FRAMES`
    periods: list[tuple[re.Pattern, re.Pattern]]


@functools.cache
def tables(language: str | None) -> Tables:
    """Language code -> its Tables (French where the language has none)."""
    numbers = lang.table(language, "numbers") or lang.table("fr", "numbers")
    measures = lang.table(language, "measures") or lang.table("fr", "measures")
    approx = [(re.compile(rf"(?:^|[^\w'])({re.escape(p)})\s*$"), f)
              for p, f in sorted(numbers.APPROXIMATIONS.items(), key=lambda x: -len(x[0]))]
    words = frozenset(numbers.NUMBER_WORDS.keys() | numbers.HUNDRED.keys()
                      | numbers.SCALES.keys() | {numbers.JOINER})
    starters = frozenset(words | numbers.APPROXIMATE_NOUNS.keys()
                         | numbers.VAGUE_PLURALS.keys())
    periods = [(re.compile(rf"(?:^|[^\w'’])((?:{before})\s*)$" if before else r"()$"),
                re.compile(between)) for before, between in measures.PERIOD_FRAMES]
    return Tables(numbers, measures, re.compile(measures.CLOCK), approx, words, starters,
                  periods)


def _digits(text: str) -> float | None:
    if _DIGITS_GROUPED.fullmatch(text):
        whole, _, decimals = text.partition(",")
        return float(re.sub(r"\D", "", whole) + ("." + decimals if decimals else ""))
    if _DIGITS.fullmatch(text):
        return float(text.replace(",", "."))
    return None


def _word_parts(text: str, t: Tables) -> list[str] | None:
    parts = text.lower().split("-")
    return parts if all(p in t.number_words for p in parts) else None


def _value(words: list, n) -> float:
    """Number words and digit values -> the number: "deux cents" 200, "quatre-vingt-dix" 90,
    "3,5 millions" 3 500 000 (a hundred and a scale multiply what precedes them)."""
    total, current = 0.0, 0.0
    for w in words:
        if isinstance(w, float):
            current += w
        elif w in n.HUNDRED:
            current = (current or 1) * 100
        elif w in n.SCALES:
            total += (current or 1) * n.SCALES[w]
            current = 0
        elif w in ("vingt", "vingts") and current % 100 == 4:  # quatre-vingt(s)
            current += 76
        elif w in n.NUMBER_WORDS:
            current += n.NUMBER_WORDS[w]
    return total + current


def read_number(tokens: Sequence[Token], i: int, t: Tables):
    """Tokens from i -> (end index, value, span kind, rounding) of the number written there,
    or None. The span kind is "exact", "approx" (an approximate noun: "une cinquantaine") or
    "vague" ("des dizaines"); the rounding is half the last written digit of a number with
    decimals or a scale word: "4,9 milliards" is 4.85 to 4.95 billion, "5 milliards" 4.5 to
    5.5, since such figures are rounded where whole counts ("40 personnes") are not."""
    n = t.numbers
    first = tokens[i].text
    low = first.lower()
    if low in n.APPROXIMATE_NOUNS and tokens[i].text.islower():
        return i + 1, float(n.APPROXIMATE_NOUNS[low]), "approx", 0.0
    if low in n.VAGUE_PLURALS and low not in n.SCALE_NOUNS and first.islower():
        return i + 1, float(n.VAGUE_PLURALS[low]), "vague", 0.0
    if low in n.VAGUE_PLURALS and first.islower() and i > 0 and \
            tokens[i - 1].text.lower() in ("des", "de", "plusieurs", "quelques"):
        return i + 1, float(n.VAGUE_PLURALS[low]), "vague", 0.0
    words: list = []
    decimals = 0
    j = i
    while j < len(tokens):
        text = tokens[j].text
        d = _digits(text)
        if d is not None and (not words or (isinstance(words[-1], float) and j > i
                                            and _THREE.fullmatch(text)
                                            and _gap(tokens, j) in _GAPS)):
            if words:  # "1 200": a group of three digits after a space is thousands
                words[-1] = words[-1] * 1000 + d
            else:
                words.append(d)
            decimals = len(text.partition(",")[2])
        elif d is None and (parts := _word_parts(text, t)) and \
                (text.islower() or j == i):
            if parts == [n.JOINER]:
                nxt = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
                if not words or nxt not in ("un", "une", "onze"):
                    break
            if words and isinstance(words[-1], float) and parts[0] in n.NUMBER_WORDS:
                break  # "3 deux": two numbers side by side
            words.extend(parts)
        else:
            break
        j += 1
    if not words or j == i:
        return None
    if words in (["un"], ["une"]):
        return i + 1, 1.0, "article", 0.0  # a number only before a unit: see `_quantity`
    if words != ["mille"] and all(w in n.SCALES for w in words):
        return None  # "les millions de spectateurs": no number of them
    scale = next((n.SCALES[w] for w in words if w in n.SCALE_NOUNS), 1)
    rounding = 0.0
    if scale > 1 or decimals:
        rounding = 0.5 * 10 ** -decimals * scale
    return j, _value(words, n), "exact", rounding


def _gap(tokens: Sequence[Token], j: int) -> str:
    prev = tokens[j - 1]
    return " " if prev.space and prev.start + len(prev.text) < tokens[j].start + 1 else ""


def approximation_start(text: str, sent_start: int, num_start: int, t: Tables) -> int | None:
    """Where the approximation words before a number begin ("plus de 80"), or None."""
    base = max(sent_start, num_start - _LOOK_BACK)
    before = text[base:num_start].lower().replace("’", "'")
    for pattern, _ in t.approximations:
        if (hit := pattern.search(before)):
            return base + hit.start(1)
    return None


def value_range(text: str, sent_start: int, num_start: int, value: float, span: str,
                t: Tables) -> tuple[float, float]:
    """A number's value -> (low, high), as its span kind and the approximation words before it
    make it ("environ 50": 47.5 to 52.5; "plus de 80": 80 to infinity)."""
    n = t.numbers
    if span == "vague":
        return value * n.VAGUE_SPAN[0], value * n.VAGUE_SPAN[1]
    before = text[max(sent_start, num_start - _LOOK_BACK):num_start].lower().replace("’", "'")
    factors = (1.0, 1.0)
    for pattern, f in t.approximations:
        if pattern.search(before):
            factors = f
            break
    if span == "approx":
        wide = n.APPROXIMATE_NOUN_SPAN
        factors = (min(factors[0], wide[0]) if factors[0] else 0.0,
                   None if factors[1] is None else max(factors[1], wide[1]))
    low = value * factors[0]
    high = math.inf if factors[1] is None else value * factors[1]
    return low, high
