"""Repairs of the body: lines broken by a scraper joined back, lost spaces put back.

In: the body's lines as (text, whether a blank line came before it), in order, and the
language `Tables`.
Out: `repair(lines, tables)` -> the paragraphs of the body, each with the index (in
`lines`) of the line it starts with.

A line is joined to the one before when the break falls inside a sentence: the line
before ends without final punctuation and this one starts in lowercase, with a comma or
closing punctuation, or with a quotation that goes on the sentence, or the line before
ends with a word that cannot end a sentence ("des"). A line of marks only ("€", "»", ".")
cannot stand alone: it ends the sentence above it, or, when it opens something ("«"),
starts the one below it. A word cut across the break ("manifes" + "té") is rejoined when
word frequencies say the joined form is a word and the pieces are not. Within a
paragraph, a space lost after a full stop ("mardi.Les") and a space lost between two words
("socialeet") are put back. Repairs only add or remove white space and line breaks, and
the hyphen of a word split at the end of a line ("écono-" + "mique"): no other character
of the text is dropped.
"""

from __future__ import annotations

import functools
import math
import re

from .patterns import LOW, UP
from .tables import Tables

# A word is "known" from this Zipf frequency up (about once per ten million words).
_WORD_ZIPF = 3.0
# Both halves of a glued token must be common words, or a rare name would be split.
_SPLIT_ZIPF = 3.5
# A piece that is not a function word must be a real content word, not a syllable.
_MIN_CONTENT_PIECE = 4

_CLOSERS = " »”\"’')]"
_OPENERS = "«“„‘‹([{¿¡"
_TIGHT_OPENERS = "“„‘([{¿¡"  # no space after these: "(", "“"; a space after "«"
_TIGHT_CLOSERS = ",.)]}…"  # no space before these
_ALNUM = re.compile(r"[^\W_]")
_OPEN_QUOTE = re.compile(r"^[«“\"„]\s*(?P<first>[^\W\d_])")
_LAST_WORD = re.compile(r"([^\W\d_]+)(-?)$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_MISSING_SPACE = re.compile(
    rf"(?:(?<=[{LOW}]{{2}})|(?<=[{LOW}][»”\")])|(?<=\d{{4}}))([.!?;])(?=[{UP}][{LOW}])")
_MISSING_HINT = re.compile(rf"[.!?;][{UP}]")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_]|[»”\")])\s+([.,])(?=\s|$)")
_PUNCT = "\"'’«»“”()[]{}.,;:!?…-–—/"
# Three glued words are seldom longer than this; a longer lower-case run is no glued
# sentence (a web address, a hash, a hostile input) and is left as it is. The bound keeps
# the splitter's cost linear in the text's length.
_MAX_GLUED = 60
_MAX_PIECE = 30
_TOKEN = re.compile(
    rf"(?<![\w'’\-.@/])[{LOW}]{{6,{_MAX_GLUED}}}(?![\w'’\-.@/])")


def repair(lines: list[tuple[str, bool]], tables: Tables) -> list[tuple[int, str]]:
    """Body lines (text, blank line before it) -> (first line's index, paragraph)."""
    words = _frequencies(tables.language)
    paragraphs: list[_Paragraph] = []
    for i, (text, gap) in enumerate(lines):
        if paragraphs:
            joint = _join(paragraphs[-1], text, gap, tables, words)
            if joint is not None:
                paragraphs[-1].add(text, *joint)
                continue
        paragraphs.append(_Paragraph(i, text))
    split = _Splitter(words, tables)
    return [(p.start, _fix_inside(p.text(), words, split)) for p in paragraphs]


class _Paragraph:
    """A paragraph being built from lines, with what the joiner asks of it kept up to date.

    The joiner asks about the end of the paragraph (its last word, its last mark) and about
    the quotation marks opened in it: keeping counts and the pieces, rather than joining
    strings and counting again at each line, keeps the cost linear in the text's length
    (a text of a million one-word lines would otherwise cost a million squared).
    """

    __slots__ = ("start", "parts", "length", "alnum", "opens", "closes", "straight")

    def __init__(self, start: int, text: str):
        self.start = start
        self.parts: list[str] = []
        self.length = 0
        self.alnum = False
        self.opens = self.closes = self.straight = 0
        self.add(text, 0, "")

    def add(self, text: str, cut: int, separator: str) -> None:
        if cut:
            last = self.parts[-1]
            self.parts[-1] = last[: len(last) - cut]
            self.length -= cut
        self.parts.append(separator + text)
        self.length += len(separator) + len(text)
        self.alnum = self.alnum or bool(_ALNUM.search(text))
        self.opens += text.count("«") + text.count("“")
        self.closes += text.count("»") + text.count("”")
        self.straight += text.count('"')

    def tail(self, size: int = 80) -> str:
        """The last `size` characters or so (the end is all the joiner reads)."""
        out, n = [], 0
        for part in reversed(self.parts):
            out.append(part)
            n += len(part)
            if n >= size:
                break
        return "".join(reversed(out))[-size:]

    def text(self) -> str:
        return "".join(self.parts)


def _join(para: _Paragraph, nxt: str, gap: bool, t: Tables,
          words: dict) -> tuple[int, str] | None:
    """How to join the next line to the paragraph if the break cuts a sentence, else None:
    (characters to drop from the paragraph's end, separator)."""
    prev = para.tail()
    first = nxt[0]
    if prev[-1] in _OPENERS or not para.alnum:
        # "«" or "€" alone so far: what follows belongs with it.
        return 0, ("" if prev[-1] in _TIGHT_OPENERS else " ")
    if not _ALNUM.search(nxt) and not _opens(nxt):
        # "€", "»", "(...)" alone on a line: the end of the sentence above. A mark left open
        # ("(", "(:") starts something else, wherever it stands on the line: asking only
        # about the line's last mark joined "(:" on a second cleaning, not on the first.
        return 0, ("" if first in _TIGHT_CLOSERS else " ")
    if first in ",.)]}" and not nxt.startswith(("...", "…")):
        return 0, ""  # ", selon la mairie." goes on the sentence above
    if first in ";:!?" and len(nxt) > 1:
        return 0, " "
    if first in "»”" and para.opens > para.closes:
        return 0, " "  # the closing mark of a quotation opened above
    if first == '"' and para.straight % 2 == 1 and not nxt[1:2].isalnum():
        return 0, ""  # '"' then a space or a comma: it closes the quotation above
    if prev.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…") or prev.endswith((":", "|")):
        return None
    if first.islower():
        return _glue(prev, nxt, t, words)
    if gap:
        return None
    quote = _OPEN_QUOTE.match(nxt)
    if quote and quote["first"].islower():
        return 0, " "  # a quotation that goes on the sentence: des "tensions..."
    last = _last_word(prev)
    if last and not last[2] and last[1].casefold() in t.function_words and para.length > 20:
        return 0, " "  # "... avait des" cannot end a sentence
    return None


def _opens(text: str) -> bool:
    """More opening marks than closing ones in `text` ("(", "(:", "« (" but not "(...)")."""
    return sum(text.count(c) for c in _OPENERS) > sum(text.count(c) for c in ")]}»”’›?!")


def _last_word(text: str) -> re.Match | None:
    # Searched in the tail only: a search over the whole line would try every position.
    return _LAST_WORD.search(text, max(0, len(text) - 60))


def _glue(prev: str, nxt: str, t: Tables, words: dict) -> tuple[int, str]:
    """Join a line and its lowercase continuation, mending a word cut by the break."""
    last = _last_word(prev)
    head = _FIRST_WORD.match(nxt)
    if last and head and words:
        a, hyphen, b = last[1], last[2], head[1]
        whole = (a + b).casefold()
        if _zipf(whole, words) >= _WORD_ZIPF and not (
                _is_word(a, t, words) and _is_word(b, t, words)):
            return len(hyphen), ""
        if hyphen:
            return 0, ""  # "nord-" + "coréen": the hyphen belongs to the word
    return 0, " "


def _fix_inside(text: str, words: dict, split: _Splitter) -> str:
    # The cheap tests first: the patterns with look-behinds are slow to run on every line.
    if _MISSING_HINT.search(text):
        text = _MISSING_SPACE.sub(lambda m: _space_after(m, text), text)
    if " ." in text or " ," in text:
        text = _SPACE_BEFORE.sub(r"\1", text)
    # Each paragraph's own unknown words: one set for the whole text, looked for in each
    # paragraph, would cost the number of paragraphs times the number of unknown words.
    if _unknown_words(text, words):
        text = _TOKEN.sub(lambda m: split(m[0]), text)
    return text


def _unknown_words(text: str, words: dict) -> set[str]:
    """The lowercase words of six letters or more that the word list does not know."""
    if not words:
        return set()
    # set.difference with a dict runs in C: only the few tokens the list does not know
    # (names, tokens with punctuation, glued words) reach the Python loop below.
    out = set()
    for token in set(text.split()).difference(words):
        if len(token) < 6:
            continue
        token = token.strip(_PUNCT)
        if (6 <= len(token) <= _MAX_GLUED and token.islower() and token.isalpha()
                and token not in words):
            out.add(token)
    return out


def _space_after(m: re.Match, text: str) -> str:
    # Not inside an address: "www.Site.Com", "mail@Host.Fr", "https://Ex.Org".
    start = text.rfind(" ", 0, m.start()) + 1
    end = text.find(" ", m.end())
    token = text[start: end if end >= 0 else len(text)]
    if "://" in token or "www." in token.casefold() or "@" in token:
        return m[1]
    return m[1] + " "


class _Splitter:
    """An unknown token made of common words -> the words ("budgetdes" -> two), each
    distinct token cut once per text.

    Each piece must be a common word and each cut must touch a function word ("les",
    "des", "ce"...): a rare but real word ("motiveraient") splits into two common words
    far more often than it hides a lost space between two content words.
    """

    def __init__(self, words: dict, t: Tables):
        self.words, self.t, self.done = words, t, {}

    def __call__(self, token: str) -> str:
        out = self.done.get(token)
        if out is None:
            out = token
            if _zipf(token, self.words) <= 0:
                best = _segment(token, self.words, self.t, 3)
                out = " ".join(best[1]) if best else token
            self.done[token] = out
        return out


def _segment(token: str, words: dict, t: Tables,
             parts: int) -> tuple[float, list[str]] | None:
    """Token -> (score, pieces) of its best cut into at most `parts` common words."""
    if _piece_zipf(token, words, t) >= _SPLIT_ZIPF:
        return _piece_zipf(token, words, t), [token]
    if parts == 1:
        return None
    best = None
    # A piece is a word: no longer than the longest common one, so a token's cuts cost
    # a bounded number of look-ups each.
    for i in range(1, min(len(token), _MAX_PIECE + 1)):
        left = token[:i]
        score = _piece_zipf(left, words, t)
        if score < _SPLIT_ZIPF:
            continue
        rest = _segment(token[i:], words, t, parts - 1)
        if rest is None:
            continue
        if left not in t.function_words and rest[1][0] not in t.function_words:
            continue
        if any(len(p) < _MIN_CONTENT_PIECE and p not in t.function_words
               for p in (left, rest[1][0])):
            continue
        candidate = (min(score, rest[0]), [left, *rest[1]])
        if best is None or candidate[0] > best[0]:
            best = candidate
    return best


def _piece_zipf(piece: str, words: dict, t: Tables) -> float:
    if len(piece) == 1 and piece not in t.one_letter_words:
        return 0.0
    return _zipf(piece, words)


def _is_word(piece: str, t: Tables, words: dict) -> bool:
    if len(piece) == 1:
        return piece.casefold() in t.one_letter_words
    return _zipf(piece.casefold(), words) >= _WORD_ZIPF


def _zipf(word: str, words: dict) -> float:
    freq = words.get(word)
    return math.log10(freq) + 9 if freq else 0.0


@functools.lru_cache(maxsize=4)
def _frequencies(language: str) -> dict:
    """Word -> frequency for the language, loaded once per process ({} if unavailable)."""
    import wordfreq  # loads a word list of a few MB: only when the first article needs it

    if language not in wordfreq.available_languages():
        return {}
    return wordfreq.get_frequency_dict(language)
