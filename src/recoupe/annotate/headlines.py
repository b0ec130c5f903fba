"""Headline + body quotes -> the headline's quotes and who says them.

In: the article's title, the attribution table, the quotes already found in the body
(`quotemarks.Found`) and the body text. Out: the headline's quotes as `Found`s with
sentence -1 and offsets into the title: "X : « ... »", "« ... », affirme X", a headline
all in quotes, "X déclare que ..." (indirect), and quoted words inside a headline. A
headline that names nobody takes the speaker of the body quote it repeats (most content
words shared); its speaker offsets are then -1, the speaker being written in the body. So
does one whose "X :" is a topic, not a name or a role ("Retraites : « ... »", `_topic`).
"""

from __future__ import annotations

import re
from types import ModuleType

from .attribution import DETERMINERS, verb_forms
from .quotemarks import Found, quoted_spans

_Q = r"(?P<o>[«“\"„])[\s\u00a0\u202f]*(?P<q>[^«»“”\"]+?)[\s\u00a0\u202f]*(?P<c>[»”\"“])"


def title_quotes(title: str, words: ModuleType, body: list[Found],
                  text: str) -> list[Found]:
    """Headline quotes: "X : « ... »", "« ... », affirme X", or a headline all in quotes."""
    if not title:
        return []
    title = title.rstrip()
    m = re.fullmatch(r"\s*(?P<sp>[^:«»“”\"]{2,80}?)\s*:\s*" + _Q + r"\s*[.!?]?", title)
    speaker = None
    if m:
        # "Retraites : « ... »" files the quote under a topic; only a name or a role says it
        if not _topic(m.group("sp"), text):
            speaker = (m.group("sp"), m.start("sp"), m.end("sp"))
    else:
        m = re.fullmatch(r"\s*" + _Q + r"\s*,?\s*(?:(?:a|ont|avait)\s+)?(?P<v>[\w'’-]+)\s+"
                         r"(?P<sp>[^«»“”\"]{2,80}?)\s*[.!?]?", title)
        if m and (m.group("v").lower() in verb_forms(words)
                  or m.group("v").lower() in words.ACCORDING_TO):
            speaker = (m.group("sp"), m.start("sp"), m.end("sp"))
        else:
            m = re.fullmatch(r"\s*" + _Q + r"\s*[.!?]?", title)
    if not m:
        return _title_reported(title, words, body, text)
    f = Found(m.start("q"), m.end("q"), "direct", -1)
    if speaker:
        f.speaker = (*speaker, _title_kind(speaker[0], words))
    else:
        f.speaker, f.via = repeated(m.group("q"), body, text)
    return [f]


def _title_reported(title: str, words: ModuleType, body: list[Found],
                    text: str) -> list[Found]:
    """Headlines that report without a quote of their own form: "X déclare que ..." (the
    clause, said by X), or quoted words inside the headline ("Le rapport devrait « ... »"),
    said by whoever says them in the body."""
    m = re.fullmatch(r"(?:[^:«»“”\"]{1,60}:)?\s*(?P<sp>[^:«»“”\"]{2,80}?)\s+"
                     r"(?P<v>[\w'’-]+)\s+(?P<q>(?:que\s+|qu['’]).{8,}?)\s*[.!?]?", title)
    if m and m.group("v").lower() in verb_forms(words) and ":" not in m.group("sp"):
        f = Found(m.start("q"), m.end("q"), "indirect", -1)
        f.speaker = (m.group("sp"), m.start("sp"), m.end("sp"), _title_kind(m.group("sp"),
                                                                               words))
        return [f]
    out = []
    for sp in quoted_spans(title):
        if len(title[sp.start:sp.end].split()) < 2:
            continue  # one quoted word in a headline is a name or a scare quote
        speaker, via = repeated(title[sp.start:sp.end], body, text)
        if speaker is None:
            continue
        f = Found(sp.start, sp.end, "partial", -1)
        f.speaker, f.via = speaker, via
        out.append(f)
    return out


def _topic(label: str, body: str) -> bool:
    """Is a headline's "X :" a topic ("Retraites : « ... »"), not who speaks? So when X
    is one word, or words whose first only is capitalised, that the body never writes with
    a capital inside a sentence (where only a name has one): "Retraites" and "Crise
    financière" are topics; "Marc Vasseur", "Dupont" (named so in the body, "Jean Dupont
    a dit", "M. Dupont"), "DUPONT" (a headline in capitals: the body's "Dupont" counts) and
    "Le ministre" (a determiner: a role) are not."""
    parts = re.findall(r"[^\W\d_]+", label)
    if not parts or any(p[:1].isupper() for p in parts[1:]) or not parts[0][:1].isupper():
        return False
    if parts[0].lower() in DETERMINERS:
        return False
    capitals = len(parts[0]) > 1 and parts[0].isupper()
    for found in re.finditer(rf"\b{re.escape(parts[0])}\b", body,
                             re.IGNORECASE if capitals else 0):
        if not found.group()[0].isupper():
            continue
        before = body[:found.start()].rstrip(" \t\u00a0\u202f")
        words = before.split()
        # a full stop ends a sentence, not an abbreviation's ("M.", "Dr", "J.-L.")
        abbreviation = bool(words) and words[-1].endswith(".") and sum(
            c.isalpha() for c in words[-1]) <= 3
        if before and (before[-1] not in ".!?:;«»\"“”\n" or abbreviation):
            return False  # capitalised inside a sentence: a name
    return True


def _title_kind(speaker: str, words: ModuleType) -> str:
    parts = speaker.split()
    if speaker.lower() in words.PRONOUNS:
        return "pronoun"
    first = parts[0].lower().replace("’", "'")
    lead = first in DETERMINERS or first.startswith("l'")
    noun = (parts[1] if first in DETERMINERS and len(parts) > 1 else first[2:] if
            first.startswith("l'") else first).lower()
    if lead and noun in words.SPEAKER_NOUNS | words.ROLE_NOUNS:
        return "role"  # "le maire de Carnac": a role, whatever its complement names
    if any(p[:1].isupper() for p in parts[1:]) or (parts[0][:1].isupper() and not lead):
        return "name"
    return "role"


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4}


def repeated(headline: str, body: list[Found], text: str):
    """Speaker and relay of the body quote a headline repeats (most shared words)."""
    want = _content(headline)
    best, score = (None, None), 0.5
    for f in body:
        if not f.speaker or not want or f.kind == "indirect":
            continue
        shared = len(want & _content(text[f.start:f.end])) / len(want)
        if shared > score:
            # The speaker is written in the body, not in the title: no title offsets.
            best, score = ((f.speaker[0], -1, -1, f.speaker[3]), f.via), shared
    return best
