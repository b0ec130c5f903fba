"""Debris inside a line: what a page scraped as one paragraph keeps glued to the story.

In: the article's lines as (verbatim, normalised) pairs (from `lines.split`) and the
language `Tables`.
Out: `split(pairs, tables)` -> the same lines, where a line holding debris glued to the
story is cut into pieces, each piece a line of its own, so that the line classifier judges
the debris alone (and takes it out) and the repairs join the story's pieces back:
  - a section label opening a line ("Économie : Le ministre...", "SPORT - ..."), from the
    table of newspaper sections, before a capital;
  - a paywall formula between two sentences ("... mardi. Article réservé à nos abonnés
    Le ministre ..."), from the table of such formulas, starting with a capital;
  - "Lire aussi" and the headline it announces: the headline runs to the first word that
    opens a sentence ("Le", "Il", "Selon"...), since a French headline is in sentence case,
    or to its final stop; no such end within a headline's length means unsure, no cut;
  - a picture's caption opening a line and ending with its credit in capitals ("Le port
    de Vladivostok. JEAN DUPONT / POOL / AFP Le dirigeant ...");
  - a credit in parentheses closing the text after its last sentence ("... a-t-il dit.
    (ats/Reuters)").
Pieces keep their characters: cutting only splits a line where white space was.
"""

from __future__ import annotations

import re

from . import patterns
from .tables import Tables

_LONG = 160  # a line this long may be a whole page read as one paragraph
_MAX_HEADLINE = 160
_CAPTION_WINDOW = 300  # a caption opening the text is at most this long
_TRAILING = re.compile(r"(?<=[.!?…»”\"])\s*(?P<credit>\([^()]{2,40}\))\s*$")
_WORD = re.compile(r"\S+")
_OPENS = re.compile(rf"[{patterns.UP}0-9«\"“]")
_AFTER = re.compile(r"[.:]?\s*")


def split(pairs: list[tuple[str, str]], t: Tables) -> list[tuple[str, str]]:
    """Lines -> lines, those holding glued debris cut into pieces."""
    content = [i for i, (_, norm) in enumerate(pairs) if norm]
    if not content:
        return pairs
    last = content[-1]
    out: list[tuple[str, str]] = []
    for i, (raw, norm) in enumerate(pairs):
        cuts = _cuts(norm, t, last=i == last) if norm else []
        if not cuts:
            out.append((raw, norm))
            continue
        out.extend((p, p) for p in _pieces(norm, cuts))
    return out


def _cuts(text: str, t: Tables, last: bool) -> list[tuple[int, int]]:
    """The spans of `text` that are debris of their own."""
    cuts = []
    m = t.rubric.match(text)
    if m and text[0].isupper() and _OPENS.match(text, m.end()):
        cuts.append((0, m.end()))
    if len(text) > _LONG:
        cuts.extend(_caption(text, t))
        cuts.extend(_prompts(text, t))
        cuts.extend(_related(text, t))
    if last:
        m = _TRAILING.search(text)
        if m and m.start() > 0 and _credit_like(m["credit"], t):
            cuts.append((m.start("credit"), m.end("credit")))
    return _disjoint(cuts)


def _caption(text: str, t: Tables) -> list[tuple[int, int]]:
    m = t.caps_credit.search(text, 0, _CAPTION_WINDOW)
    if not m or len(text[: m.start()].split()) < 3:
        return []
    if not _OPENS.match(text, m.end() + 1):
        return []  # the credit must be followed by the story
    return [(0, m.end())]


def _prompts(text: str, t: Tables) -> list[tuple[int, int]]:
    out = []
    for m in t.inline_prompt.finditer(text):
        if not m[0][0].isupper() or not _between_sentences(text, m.start(), m.end()):
            continue
        end = m.end()
        if text[end: end + 1] in ".:":
            end += 1
        out.append((m.start(), end))
    return out


def _related(text: str, t: Tables) -> list[tuple[int, int]]:
    out = []
    for m in t.related_inline.finditer(text):
        if not m[0][0].isupper() or not _after_sentence(text, m.start()):
            continue
        junction = text[m.end() - 1: m.end() + 1]  # a space or a colon after the heading
        if not (" " in junction or ":" in junction) or not _OPENS.match(
                text, _next_word(text, m.end())):
            continue  # "Pour aller plus loin, le ..." is a sentence, not a heading and a title
        end = _headline_end(text, m.end(), t)
        if end is not None:
            out.append((m.start(), end))
    return out


def _headline_end(text: str, start: int, t: Tables) -> int | None:
    """Where the headline after "Lire aussi" ends: before the first word that opens a
    sentence, or after a final stop; None when no end shows within a headline's length."""
    limit = min(len(text), start + _MAX_HEADLINE)
    words = list(_WORD.finditer(text, start, limit))
    for n, w in enumerate(words):
        word = w[0]
        if n and word[0].isupper():
            head = re.split(r"['’]", word, maxsplit=1)[0].casefold()
            if head in t.sentence_openers:
                return w.start()
        if n and word[-1] in ".!?" and not word.endswith("..."):
            return w.end()
    if limit == len(text) and words:
        return len(text)  # the headline ends the text
    return None


def _between_sentences(text: str, start: int, end: int) -> bool:
    """After a sentence, and followed by the end of the text or by a sentence's start."""
    if not _after_sentence(text, start):
        return False
    m = _AFTER.match(text, end)
    return m.end() == len(text) or bool(_OPENS.match(text, m.end()))


def _next_word(text: str, end: int) -> int:
    return _AFTER.match(text, end).end()


def _after_sentence(text: str, start: int) -> bool:
    """At the start of the text or after white space (the glued debris follows a sentence,
    closed or not: a scraper drops the line break, not the words)."""
    return start == 0 or text[start - 1] == " "


def _credit_like(credit: str, t: Tables) -> bool:
    """ "(AFP)", "(ats/Reuters)", "(Avec AFP)": names of a credit, one agency at least."""
    inner = credit.strip("() ")
    m = t.credit_prefix.match(inner)
    if m:
        inner = inner[m.end():]
    pieces = [p for p in t.credit_split.split(inner) if p]
    if not pieces or len(pieces) > 4:
        return False
    agency = [bool(t.agency.fullmatch(p) or t.agency.fullmatch(p.upper())) for p in pieces]
    return any(agency) and all(
        a or (patterns.namelike(p, t.name_connectors) and len(p.split()) <= 3)
        for a, p in zip(agency, pieces, strict=True))


def _disjoint(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(cuts):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def _pieces(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    pieces, at = [], 0
    for start, end in cuts:
        pieces.append(text[at:start])
        pieces.append(text[start:end])
        at = end
    pieces.append(text[at:])
    return [p.strip() for p in pieces if p.strip()]
