"""Who a credit names: the tests shared by the line classifier and the metadata reader.

In: one short string (a line, or the name in a dateline's parentheses) and the language
`Tables`.
Out: `is_agency(name, tables)` (an agency or outlet credit: "AFP", "REUTERS", "Agence
Savane Info"), `photo_credit(line, tables)` (the name a picture credit gives, with its
labels taken off: "© Photo : Jean Dupont / AFP" -> "Jean Dupont / AFP") and
`is_byline(line, tables)` (a line made of byline cues and names only: "Propos recueillis
par Jean Dupont", not "Notre correspondant à Moscou a été expulsé jeudi."). One place for
each test, so that the classifier and the metadata reader cannot disagree.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import patterns
from .tables import Tables

_SEPARATED = re.compile(r"[:/|©\-–—(]")
_PIECES = re.compile(r"[,;]|\s[-–—]\s")
# A byline names a few people: more words than this in one piece is a sentence.
_MAX_NAME_WORDS = 6


class PhotoCredit(NamedTuple):
    who: str  # what the labels announce: a name, an agency, or words ("archives")
    separated: bool  # a colon, slash or "©" sets the name off from its label
    direct: bool  # a label that may stand right before a name ("Photo AFP")


def is_agency(name: str, t: Tables) -> bool:
    """An agency or outlet named in a credit or a dateline: "AFP", "ANP", "Agence Savane"."""
    name = name.strip()
    return (bool(t.agency.fullmatch(name)) or patterns.is_caps(name)
            or bool(t.agency_word.search(name)) and patterns.namelike(name, t.name_connectors))


def photo_credit(text: str, t: Tables) -> PhotoCredit | None:
    """A line opening with a picture label -> what it credits, or None for other lines.

    Labels may be stacked ("© Photo : X", "Illustration. © X", "Crédit photo : © X"):
    all of them are taken off, so that what is left is the name.
    """
    m = t.photo_line.match(text)
    if not m:
        return None
    who = m["who"]
    head = text[: m.start("who")]
    direct = bool(m["direct"])
    for _ in range(3):
        rest = who.lstrip(" .,:;/|-–—")
        label = t.photo_label.match(rest)
        if not label or not rest[label.end():].strip(" .|)]"):
            break
        head += who[: len(who) - len(rest)] + label.group(0)
        direct = direct or bool(label["direct"])
        who = rest[label.end():]
    if "©" in who:
        # "Photo d'archives. © Sipa": what the copyright sign announces is the name.
        head, who = head + who[: who.rindex("©") + 1], who[who.rindex("©") + 1:]
        direct = True
    who = who.strip(" |-–—:/")
    separated = bool(_SEPARATED.search(head)) or head.strip().startswith("©")
    return PhotoCredit(who, separated, direct)


def is_byline(text: str, t: Tables) -> bool:
    """A byline: byline cues and names, nothing else ("Rédigé par X, édité par Y")."""
    text = text.strip(" .()")
    pieces, start = [], 0
    for m in t.byline.finditer(text):
        pieces.append(text[start: m.start()])
        start = m.end()
    if not pieces:
        return False
    pieces.append(text[start:])
    return all(_names(piece, t) for piece in pieces)


def _names(piece: str, t: Tables) -> bool:
    """Only names between byline cues, each maybe after a place word ("à Kiev")."""
    for part in _PIECES.split(piece):
        part = part.strip(" .:()-–—")
        if not part:
            continue
        words = part.split()
        if len(words) > 1 and words[0].casefold() in t.byline_place_words:
            words = words[1:]
        if len(words) > _MAX_NAME_WORDS or words[-1][-1] in "'’":
            return False  # "L'" of "L'envoyé spécial de l'ONU" is no name
        name = " ".join(words)
        if not (patterns.namelike(name, t.name_connectors) or t.agency.fullmatch(name)):
            return False
    return True
