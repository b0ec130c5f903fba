"""Text -> sentence boundaries, and the spaCy component that fixes a Doc's sentences to them.

In: a text whose lines are paragraphs or headlines (a cleaned `Article.text`) and its
language code. Out:
  - `sentence_starts(text, language)`: the character offsets where sentences start;
  - `set_boundaries(doc)`: the spaCy component (placed first in the pipeline, so before the
    parser) that sets every token's sentence start to yes or no, which the parser then
    keeps: sentences are decided here, not by the parse;
  - `spans(doc)`: a Doc -> its sentences as (start_char, end_char, first token, end token),
    stripped of surrounding whitespace; `annotate._from_doc` and `benchmarks/sentences.py`
    both build sentences with it, so the benchmark scores exactly what the brief uses;
  - `split(nlp, texts)`: texts -> their sentences, through the tokenizer and this component.

Rules, in order: a line break always ends a sentence; otherwise a sentence ends only after
a run of terminal punctuation (. ! ? ...) and the closing quotes or brackets that follow it,
before whitespace and a character that can open a sentence (a capital, a digit, an opening
quote, bracket or dash). So no boundary ever falls inside a word, a hyphenated word, a
number ("3.5", "1.200") or before an incise ("« Quoi ? » a-t-il dit", "« Non ! », dit-il").
A period does not end a sentence after an abbreviation of the language's table
(`lang/<code>/sentences.py`: "M.", "Mme", "av."), after an initial ("J.-P. Dupont",
"J.-C."), or after an abbreviation that leads into a number ("p. 12"). A quotation followed
by an incise, or closed before the sentence's own period ("« ... »."), belongs to that
sentence: no boundary inside it.

Why hand-written rather than a library: measured in benchmarks/sentence_candidates.py on
sentences-dev, pySBD is as accurate there but costs a third of the whole spaCy pipeline
(32 against 99 ms per 1,000 characters: most of the 1.3x speed budget) and still splits
"av. J.-C." and "J.-P."; sentencex is fast but splits after "M.". These rules are one
regular-expression pass per paragraph (0.3% of the pipeline's time), and a boundary that
falls inside a spaCy token is dropped, so a token is never split.
"""

from __future__ import annotations

import functools
import re

from .. import lang

NAME = "recoupe_sentences"

# Terminal punctuation, then closing quotes or brackets (French puts a space before »),
# then whitespace. A straight quote closes only when glued to what precedes it.
_END = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”]|[\"’)\]])*(?=[ \t\u00a0\u202f])")
_SPACE = " \t\r\u00a0\u202f"
# What may open a sentence, besides a capital or a digit.
_OPENERS = frozenset("«“\"‘([—–-¡¿")
# What may follow a closing quote when the quotation belongs to a sentence that goes on or
# ends after it ("», a-t-il dit", "» ; puis", "».": the quotation is inside that sentence).
_INCISE = frozenset(",;:).")
_WORD_CHARS = frozenset(".-'’_")
_PARTS = re.compile(r"[.\-'’]")
_APOSTROPHE = re.compile(r"['’]")
_QUOTES = re.compile(r'[«»“”"]')
_OPEN_QUOTES = frozenset("«“")
_CLOSE_QUOTES = frozenset("»”")


class _Table:
    """A language's boundary table, or the empty default for a language without one."""

    def __init__(self, module) -> None:
        self.abbreviations = frozenset(getattr(module, "ABBREVIATIONS", ()))
        self.before_number = frozenset(getattr(module, "BEFORE_NUMBER", ()))
        self.initials = bool(getattr(module, "INITIALS", True))


@functools.cache
def _table(language: str | None) -> _Table:
    return _Table(lang.table(language, "sentences"))


def sentence_starts(text: str, language: str | None = "fr") -> list[int]:
    """Text -> the offsets where its sentences start (first non-space character of each)."""
    table = _table(language)
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        first = _skip_space(line, 0)
        if first < len(line):
            starts.append(offset + first)
            starts.extend(offset + i for i in _line_starts(line, table))
        offset += len(line) + 1
    return starts


def _line_starts(line: str, table: _Table) -> list[int]:
    """One paragraph -> the offsets (within it) of the sentences after its first."""
    out: list[int] = []
    held: list[tuple[int, int]] | None = None
    for m in _END.finditer(line):
        nxt = _skip_space(line, m.end())
        if nxt >= len(line):
            continue
        c = line[nxt]
        if not (c.isupper() or c.isdigit() or c in _OPENERS):
            continue
        if m.start() > 0 and line[m.start() - 1] in "([":
            continue  # "(...)" and "[...]" mark words left out of a quotation
        if line[m.start()] == "." and m.group().count(".") == 1 and _no_stop(
                line, m.start(), c.isdigit(), table):
            continue
        if held is None:
            held = _held_quotes(line)
        if any(opening < m.start() < closing for opening, closing in held):
            continue
        out.append(nxt)
    return out


def _no_stop(line: str, period: int, digit_next: bool, table: _Table) -> bool:
    """True when the period at `period` ends a word that is no sentence end (an abbreviation,
    an initial, a list number at the start of the paragraph)."""
    j = period
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] in _WORD_CHARS):
        j -= 1
    word = line[j:period]
    if not word:
        return False
    lower = word.lower()
    last = _PARTS.split(word)[-1]
    keys = {lower, _APOSTROPHE.split(lower)[-1], last.lower()}
    if keys & table.abbreviations:
        return True
    if digit_next and keys & table.before_number:
        return True
    if (table.initials and len(last) == 1 and last.isalpha() and last.isupper()
            and line[max(j - 2, 0):j].strip() != "°"):  # "2 °C." is a unit, not an initial
        return True
    # "1. Le premier point": a number opening a paragraph numbers a list item.
    return word.isdigit() and len(word) <= 3 and not line[:j].strip()


def _held_quotes(line: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations followed by an incise ("» a-t-il dit",
    "», selon lui") or by the period of the sentence they are in ("»."): their inner
    punctuation ends no sentence."""
    stack: list[int] = []
    out: list[tuple[int, int]] = []
    for m in _QUOTES.finditer(line):
        i, c = m.start(), m.group()
        if c == '"':
            before = line[i - 1] if i else " "
            opening = before.isspace() or before in "([«—–-"
            c = "«" if opening else "»"
        if c in _OPEN_QUOTES:
            stack.append(i)
        elif c in _CLOSE_QUOTES and stack:
            opening = stack.pop()
            nxt = _skip_space(line, i + 1)
            if nxt < len(line) and (line[nxt].islower() or line[nxt] in _INCISE):
                out.append((opening, i))
    return out


def _skip_space(line: str, i: int) -> int:
    while i < len(line) and line[i] in _SPACE:
        i += 1
    return i


def set_boundaries(doc):
    """The spaCy component: every token's `is_sent_start` set from `sentence_starts`, True
    on the token a sentence starts with, False on all others (so the parser adds none). A
    start that falls inside a token is dropped: a token is never split."""
    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import IDX, SENT_START

    starts = sentence_starts(doc.text, doc.lang_)
    # All tokens at once: spaCy's `token.is_sent_start = ...` re-checks the whole doc for a
    # parse on every call, which is quadratic in the length of an article.
    values = numpy.where(numpy.isin(doc.to_array(IDX), starts), 1, -1)
    values[0] = 1
    doc.from_array([SENT_START], values.astype("int64").astype("uint64").reshape(-1, 1))
    return doc


def spans(doc) -> list[tuple[int, int, int, int]]:
    """Doc -> its sentences as (start_char, end_char, start token, end token), with the
    whitespace around each sentence left out of its characters; sentences that are only
    whitespace are left out."""
    out = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if stripped:
            start = sent.start_char + (len(text) - len(text.lstrip()))
            out.append((start, start + len(stripped), sent.start, sent.end))
    return out


def split(nlp, texts) -> list[list[str]]:
    """(a pipeline from `nlp.load`, texts) -> the sentences of each text, through the
    tokenizer and this component alone: what `annotate` makes of them, without the cost of
    the parse (for benchmarks and tests)."""
    texts = list(texts)
    with nlp.select_pipes(enable=[NAME]):
        return [[text[start:end] for start, end, _, _ in spans(doc)]
                for text, doc in zip(texts, nlp.pipe(texts), strict=True)]
