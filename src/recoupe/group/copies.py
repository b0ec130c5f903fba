"""Articles -> groups of near-duplicate copies (the same wire text, republished).

In: a sequence of `Article` (only `id`, `text` and `credits` are read; `removed` is read to
tell a photo credit from a text credit).
Out: `find_copies(articles)` -> a tuple of `CopyGroup`, one per set of two or more articles
whose texts are copies of one another (lightly edited: a sentence added or dropped, another
headline, a typo, paragraphs moved), each with the wire agency the copies share, if their
credits name one; and `upstream_of(article)` -> the agency one article credits for its text
("AFP", "Reuters", "Xinhua"), or None.

How: each text is folded (lower case, accents taken off, punctuation dropped) and cut into
overlapping 5-word shingles; a MinHash of the shingle set estimates the Jaccard similarity of
two texts; an LSH index over the MinHashes proposes candidate pairs without comparing every
pair, the MinHash estimate confirms them, and union-find joins confirmed pairs into groups.
Two articles written independently on one event share few 5-word runs, so they stay apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lang import agencies
from ..model import Article
from ..text import UnionFind, fold_words

# Words per shingle: long enough that two independent texts on one event rarely share a run
# ("le président de la république" is 5 words and common, but most runs are not), short enough
# that a typo or a moved paragraph only spoils a few shingles.
_SHINGLE = 5
# The MinHash permutations are drawn from this seed: the same input gives the same groups.
_SEED = 1
# LSH band weights: missing a copy is worse than checking a few extra candidates (each one is
# confirmed by the MinHash estimate anyway), so false negatives weigh more.
_LSH_WEIGHTS = (0.2, 0.8)


@dataclass(frozen=True)
class CopyGroup:
    """Articles that carry one text (copies of one another), and the agency they share."""

    articles: tuple[str, ...]  # article ids, sorted
    upstream: str | None  # the wire agency their credits name ("AFP"), if they agree on one
    similarity: float  # estimated Jaccard similarity of the closest pair, 0..1


# Short acronyms are matched case-sensitively and as whole words ("AP" must not match "ap"
# or "Apple"); longer names ignore case ("REUTERS", "Reuters").
AGENCIES = agencies.WIRE

# An acronym of this many letters or fewer is matched with its case as written.
_SHORT = 4


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias).replace(r"\ ", r"\s+")
    if len(alias) > _SHORT:
        body = f"(?i:{body})"
    return rf"(?<![\w-]){body}(?![\w-])"


_ALIAS_TO_AGENCY = {alias.casefold(): name for name, aliases in AGENCIES.items()
                    for alias in aliases}
_AGENCY = "|".join(_alias_pattern(a) for a in
                   sorted((a for aliases in AGENCIES.values() for a in aliases),
                          key=len, reverse=True))
_AGENCY_RE = re.compile(_AGENCY)
# A chain of credits: "Xinhua/AFP/Belga", "AFP et Reuters", "AFP-Belga". Only the first name has
# to be an agency; the rest may be the relaying outlet ("CVN", "Le Courrier du Vietnam").
_CHAIN = rf"(?:{_AGENCY})(?:\s*(?:/|,|&|-|\bet\b|\band\b)\s*[\w.’'-]+)*"
# Credit forms that say where the text comes from, looked for in the first and last lines of
# the text only: in the body, "selon l'AFP" cites the agency, it does not credit the text.
_TEXT_CREDITS = re.compile(
    "|".join((
        rf"\(\s*(?:avec\s+)?{_CHAIN}\s*\)",  # "MOSCOU (AFP) -", "(avec Reuters)"
        rf"(?i:\bavec\b)\s+(?:(?i:l['’]\s*agence|l['’]|les\s+agences)\s*)?{_CHAIN}\s*[.)\]]*\s*$",
        rf"©\s*{_CHAIN}",  # "© AFP" ("© Photo AFP" has a label between: not matched)
        rf"(?i:\bsources?\b)\s*:\s*{_CHAIN}",  # "Source : Reuters"
        rf"^\W*{_CHAIN}\W*$",  # a line that is only credits: "AFP", "Xinhua/AFP/Belga"
        rf"^\W*[\w.’'-]+\s*/\s*{_CHAIN}\W*$",  # "CVN/AFP": the agency second in a bare chain
    ))
)
# A label that makes a credit a picture credit: "© Photo AFP", "Crédit photo : X / AFP".
# A photo credit says who took the picture, not who wrote the text, so it is no evidence of
# a shared upstream text.
_PHOTO = re.compile(
    r"(?i)\b(?:photos?|cr[ée]dits?\s+photos?|illustrations?|images?|infographies?|vid[ée]os?"
    r"|dessins?|capture\s+d['’][ée]cran|ph\.)\b"
    # A raw caption left in the text shows itself by where people stand in the picture:
    # "Jean Dupont (à gauche) et Mme Durand ... (Source : AFP)" credits the picture.
    r"|\(\s*(?:à\s+gauche|à\s+droite|au\s+centre|de\s+gauche\s+à\s+droite)\s*\)"
)
# How many non-empty lines at each end of the text may carry a credit (headline, dateline,
# byline at the top; "(avec AFP)", "© Reuters" at the bottom).
_EDGE_LINES = 3


def upstream_of(article: Article) -> str | None:
    """Article -> the agency it credits for its text ("AFP"), or None.

    Read from `Article.credits` and from the credit forms in the first and last lines of the
    text ("(AFP)", "avec Reuters", "Xinhua/Belga", "© AFP", "Source : EFE"). Picture credits
    ("© Photo AFP") do not count: the agency took the picture, not the text. When several
    agencies are named, the first is taken: in a chain like "Xinhua/AFP/Belga" the first is the
    origin and the others relayed it.
    """
    found = _agencies(article)
    return found[0] if found else None


@functools.lru_cache(maxsize=32)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) of the LSH index for this threshold. datasketch finds them by numerical
    integration (~35 ms) each time an index is made: once per process is enough."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
    return lsh.b, lsh.r


def find_copies(articles: Sequence[Article], threshold: float = 0.6,
                num_perm: int = 128) -> tuple[CopyGroup, ...]:
    """Articles -> groups of near-duplicate copies, largest groups first.

    Two articles are copies when the estimated Jaccard similarity of their 5-word shingle
    sets reaches `threshold`; groups are the connected sets of such pairs (so a chain of
    light edits stays one group). Articles with no words are never grouped.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    sets = [_shingles(a.text) for a in articles]
    kept = [i for i, s in enumerate(sets) if s]
    from datasketch import MinHash, MinHashLSH  # here: it imports scipy (~1 s) at import

    hashes = MinHash.bulk([sets[i] for i in kept], num_perm=num_perm, seed=_SEED)
    minhash = dict(zip(kept, hashes, strict=True))
    lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
    for i in kept:
        lsh.insert(i, minhash[i], check_duplication=False)

    # The lower index stays the root, so a group's root is its first article.
    sets = UnionFind(kept, prefer=lambda a, b: a < b)
    best: dict[int, float] = {}  # root -> highest confirmed similarity in its group
    for i in kept:
        # Each pair is looked at once, from its lower index: the cost is the candidates LSH
        # proposes, not every pair.
        for j in sorted(c for c in lsh.query(minhash[i]) if c > i):
            sim = float(minhash[i].jaccard(minhash[j]))
            if sim < threshold:
                continue
            ri, rj = sets.find(i), sets.find(j)
            top = max(sim, best.pop(ri, 0.0), best.pop(rj, 0.0))
            best[sets.union(ri, rj)] = top

    members = sets.groups()
    groups = [
        CopyGroup(
            articles=tuple(sorted(articles[i].id for i in idx)),
            upstream=_shared_upstream(articles[i] for i in idx),
            similarity=round(best[root], 4),
        )
        for root, idx in members.items() if len(idx) > 1
    ]
    return tuple(sorted(groups, key=lambda g: (-len(g.articles), g.articles)))


def _shingles(text: str) -> set[bytes]:
    words = fold_words(text)
    if not words:
        return set()
    if len(words) < _SHINGLE:
        # A text shorter than one shingle is its own single shingle: equal short texts match.
        return {" ".join(words).encode()}
    return {" ".join(words[k:k + _SHINGLE]).encode()
            for k in range(len(words) - _SHINGLE + 1)}


def _agencies(article: Article) -> list[str]:
    """The agencies an article credits for its text, in order of appearance, no repeats."""
    found: list[str] = []
    photo_lines = [line for line in article.removed if _PHOTO.search(line)]
    for credit in article.credits:
        if _PHOTO.search(credit):
            continue
        for name in _names_in(credit):
            # The cleaner takes the labels off a picture credit ("© Photo AFP" -> "AFP");
            # the removed line still has its label, so an agency named only there is a
            # photographer's agency, not the text's.
            if _only_in_photo_credits(name, article, photo_lines):
                continue
            found.append(name)
    for line in _edge_lines(article.text):
        for m in _TEXT_CREDITS.finditer(line):
            if _PHOTO.search(line[: m.start()]):
                continue
            found.extend(_names_in(m.group(0)))
    return list(dict.fromkeys(found))


def _names_in(text: str) -> list[str]:
    return [_ALIAS_TO_AGENCY[re.sub(r"\s+", " ", m.group(0)).casefold()]
            for m in _AGENCY_RE.finditer(text)]


def _only_in_photo_credits(name: str, article: Article, photo_lines: list[str]) -> bool:
    if not any(name in _names_in(line) for line in photo_lines):
        return False
    other = [line for line in article.removed if line not in photo_lines]
    return not any(name in _names_in(line) for line in other) and not any(
        name in _names_in(m.group(0))
        for line in _edge_lines(article.text) for m in _TEXT_CREDITS.finditer(line))


def _edge_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) <= 2 * _EDGE_LINES:
        return lines
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _shared_upstream(articles: Iterable[Article]) -> str | None:
    """The agency every crediting article of a group names, or None.

    Articles that credit nobody do not veto: a copy often drops the credit line, and the text
    itself shows it is the same copy. Articles that credit different agencies do veto.
    """
    credited = [found for a in articles if (found := _agencies(a))]
    if not credited:
        return None
    common = set(credited[0]).intersection(*credited[1:])
    # Keep the order of the first crediting article, where the origin comes first.
    return next((name for name in credited[0] if name in common), None)
