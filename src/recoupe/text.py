"""The ground floor of text keys: spelling-blind folding, union-find, entity keys.

In: strings (names, sentences, whole texts) and hashable items to join into sets.
Out: `fold(text)` the spelling-blind key of a name (lower case, accents off, hyphens and
apostrophes as spaces); `fold_words(text)` the accent-free lower-case words of a text;
`entity_key(name)` the URL-safe key of an entity's name; `written_before(text, offset,
words)` whether one of some words ends the text before an offset; `content_hash(title,
text)` the key of an article's content (what "already stored" means); `UnionFind` the
disjoint sets that entity merging and copy grouping both need.

Every stage may use this module and it uses none of them: nothing here knows a language, a
model or a stage.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable

_WORD = re.compile(r"\w+")


def strip_accents(text: str) -> str:
    """Text with its combining marks removed ("Élysée" -> "Elysee"); case is kept."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)  # names recur across mentions; folding is the hot path
def fold(text: str) -> str:
    """Lower case, accents off, hyphens and apostrophes as spaces: the spelling-blind key."""
    text = strip_accents(text.lower())
    text = re.sub(r"[-\u2010-\u2015'\u2019\u02bc`´.]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def fold_words(text: str) -> list[str]:
    """Text -> its words, lower case, accents off: "Éric a dit" and "eric a dit" give the same
    words, so that an outlet that drops accents on capitals still matches."""
    return _WORD.findall(strip_accents(text.casefold()))


def entity_key(name: str) -> str:
    """An entity's name -> its URL-safe key: folded (no accents, lower case), words joined by
    '-' ("Élise Borne" -> "elise-borne")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "-"


def normalise_space(text: str) -> str:
    """Unicode NFC, white space runs as one space, no space at either end."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def written_before(text: str, offset: int, words: Iterable[str], reach: int = 24) -> bool:
    """Whether the text right before `offset` ends with one of `words` (lower case, written
    with straight apostrophes and single spaces): "jusqu'au" before a date, "à la" before a
    place. The `reach` characters before the offset are read, lower-cased, with runs of
    spaces made one and curly apostrophes made straight."""
    before = " " + _APOSTROPHES.sub("'", " ".join(
        text[max(0, offset - reach):offset].lower().split()))
    return any(before.endswith(" " + word) for word in words)


_APOSTROPHES = re.compile("[\u2019\u02bc]")


def content_hash(title: str | None, text: str) -> str:
    """An article's title and text -> hex sha256 of both, Unicode (NFC) and white space
    normalised, so that the same text re-read with other line breaks or spacing has the same
    key. Lone surrogates are hashed as they are."""
    digest = hashlib.sha256()
    digest.update(normalise_space(title or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\n")  # cannot occur in a normalised title
    digest.update(normalise_space(text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class UnionFind:
    """Disjoint sets over hashable items, with path halving (near-linear in the unions).

    `prefer(a, b)` decides which of two roots stays the representative when their sets join
    (True: `a` stays); by default the first set's root stays."""

    def __init__(self, items: Iterable[Hashable] = (),
                 prefer: Callable[[Hashable, Hashable], bool] | None = None):
        self.parent: dict[Hashable, Hashable] = {i: i for i in items}
        self._prefer = prefer

    def add(self, item: Hashable) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> Hashable:
        """Join the sets of `a` and `b`; -> the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self._prefer is not None and not self._prefer(ra, rb):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra

    def groups(self) -> dict[Hashable, list[Hashable]]:
        """Root -> its members, in the order they were added."""
        out: dict[Hashable, list[Hashable]] = {}
        for item in self.parent:
            out.setdefault(self.find(item), []).append(item)
        return out
