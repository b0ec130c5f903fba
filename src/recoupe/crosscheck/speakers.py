"""Quotes of a story -> the same quotes with their speaker resolved to an entity of the story.

In: the annotated articles of a story (their quotes, mentions, sentences and text) and the
story's entities. Out: every quote, with `speaker` the entity's name and `speaker_entity` its
id when the speaker can be tied to one, and `sentence_text` filled for reports.

A speaker written as a name is the entity whose mention lies in the speaker's words, or whose
spelling the words contain. A speaker written as a role ("le ministre de l'Agriculture", "la
ministre") is the person the story's own articles put right after that role ("le ministre
de l'Intérieur Jean Dupont", "la ministre, Marie Durand"): the one such person, or the one
named so clearly more often than any other. A role the articles never tie to a name, or a
pronoun left unresolved, keeps its words and no entity: recoupe does not guess.

Both look-ups go through indexes built once per story (a speaker's word spans against the
folded spellings, a role against the suffixes of the words before each name), so the
resolution grows with the number of quotes, not with quotes times entities or times
appositions; they give exactly what a scan of every spelling or apposition would.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import lang
from ..model import AnnotatedArticle, Entity, Quote
from ..text import fold

_WINDOW = 80  # characters before a name searched for a role written in apposition
# Entity types a speaker of each kind may be tied to: a role stands for a person.
_SPEAKER_TYPES = {"name": ("PER", "ORG"), "role": ("PER",)}
_DETERMINER = re.compile(r"^(?:l['’]|le |la |les |un |une )", re.I)


def resolve_speakers(articles: Sequence[AnnotatedArticle], entities: Sequence[Entity]
                     ) -> tuple[Quote, ...]:
    """Annotated articles + entities -> their quotes with speakers tied to entities."""
    by_variant = _variant_index(entities)
    spellings = _Spellings(by_variant)
    by_name = {e.name: e for e in entities}
    roles = _Roles(_appositions(articles, by_variant))
    out = []
    for a in articles:
        for q in a.quotes:
            # A speaker is a person or an organisation; a role's words may name the
            # organisation it serves ("le porte-parole du syndicat"), which is not the speaker.
            kinds = _SPEAKER_TYPES.get(q.speaker_kind or "", ())
            entity = (_by_mention(q, a, by_variant, kinds)
                      or _by_words(q.speaker, spellings, kinds))
            if entity is None and q.speaker and q.speaker_kind == "role":
                key = _role_key(q.speaker)
                name = roles.holder(key)
                # A bare role or nationality ("le Belge", "la ministre") refers back to
                # someone its own article names, not to another outlet's Belgian; a full
                # office ("le ministre de l'Agriculture") is one person across the story.
                if name and " " not in key and name not in _named_in(a, by_variant):
                    name = None
                entity = by_name.get(name) if name else None
            # "la jeune femme", "la mère" that no article names: someone described, not
            # identified, like "un témoin": no speaker rather than a description as one
            unnamed = entity is None and q.speaker_kind == "role" and \
                _describes(q.speaker or "", a.language)
            sentence = (a.article.title if q.sentence < 0
                        else a.sentences[q.sentence].text if q.sentence < len(a.sentences)
                        else None)
            out.append(dataclasses.replace(
                q, speaker=entity.name if entity else None if unnamed else q.speaker,
                speaker_kind="unnamed" if unnamed else q.speaker_kind,
                speaker_entity=entity.id if entity else None, sentence_text=sentence))
    return tuple(out)


def _describes(speaker: str, language: str | None) -> bool:
    """True when a role's words describe a person (kinship, age, circumstance) rather than
    name an office that one person holds (`lang.<code>.attribution.DESCRIPTIONS`)."""
    words = lang.table(language or "fr", "attribution") or lang.table("fr", "attribution")
    found = set(re.findall(r"[\w-]+", speaker.lower()))
    return bool(found & words.DESCRIPTIONS) and not found & words.SPEAKER_NOUNS


def _named_in(a: AnnotatedArticle, by_variant: dict[str, Entity]) -> set[str]:
    """Names of the story's people that article a mentions."""
    return {e.name for m in a.mentions if m.label == "PER"
            and (e := by_variant.get(fold(m.text))) is not None}


def _variant_index(entities: Sequence[Entity]) -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: -e.mentions):  # a shared spelling: the bigger one
        for v in e.variants:
            index.setdefault(fold(v), e)
    return index


def _by_mention(q: Quote, a: AnnotatedArticle, by_variant: dict[str, Entity],
                kinds: tuple[str, ...]) -> Entity | None:
    if q.speaker_start is None or q.speaker_end is None or q.sentence < 0:
        return None
    inside = [m for m in a.mentions
              if q.speaker_start <= m.start and m.end <= q.speaker_end]
    for m in sorted(inside, key=lambda m: (m.label != "PER", m.start)):
        entity = by_variant.get(fold(m.text))
        if entity is not None and entity.type in kinds:
            return entity
    return None


class _Spellings:
    """The story's folded spellings, each with its rank in `by_variant` (its order breaks a
    tie between two spellings of one length) and the most words one of them has."""

    def __init__(self, by_variant: dict[str, Entity]):
        self.by_variant = by_variant
        self.rank = {v: i for i, v in enumerate(by_variant)}
        self.most_words = max((v.count(" ") + 1 for v in by_variant), default=0)


def _by_words(words: str | None, spellings: _Spellings,
              kinds: tuple[str, ...]) -> Entity | None:
    """The entity whose longest spelling the speaker's words contain as whole words (the
    first in `by_variant` order between two as long)."""
    if not words:
        return None
    # fold() leaves single spaces and no space at either end, in the words as in each
    # spelling: a spelling lies in the words as whole words exactly when it is one of their
    # spans of consecutive words, so each span is looked up instead of every spelling scanned.
    tokens = fold(words).split(" ")
    best: tuple[str, Entity] | None = None
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + spellings.most_words) + 1):
            variant = " ".join(tokens[i:j])
            entity = spellings.by_variant.get(variant)
            if entity is None or len(variant) <= 2 or entity.type not in kinds:
                continue
            if best is None or len(variant) > len(best[0]) or (
                    len(variant) == len(best[0])
                    and spellings.rank[variant] < spellings.rank[best[0]]):
                best = (variant, entity)
    return best[1] if best else None


def _role_key(words: str) -> str:
    return fold(_DETERMINER.sub("", words.strip()))


def _appositions(articles: Sequence[AnnotatedArticle], by_variant: dict[str, Entity]
                 ) -> dict[str, Counter]:
    """Role words -> how often each person's name follows them in the story's articles."""
    found: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        text = a.article.text
        for m in a.mentions:
            entity = by_variant.get(fold(m.text))
            if m.label != "PER" or entity is None or entity.type != "PER":
                continue
            before = fold(text[max(0, m.start - _WINDOW):m.start]).rstrip(" ,")
            if before:
                found[before][entity.name] += 1
    return found


class _Roles:
    """Role words -> the one person the story's appositions put after them, or None.

    A role matches the words before a name when it is all of them or their last words
    (`before == role or before.endswith(" " + role)`): the words before each name are
    indexed under each of their word-boundary suffixes, once, when a role is first asked
    for, so a role costs the appositions that match it rather than a scan of them all.
    The index keeps the appositions' order, so the counts (and a tie) come out as a scan
    would give them."""

    def __init__(self, appositions: dict[str, Counter]):
        self.appositions = appositions
        self.by_suffix: dict[str, list[Counter]] | None = None
        self.known: dict[str, str | None] = {}

    def holder(self, role: str) -> str | None:
        if role not in self.known:
            self.known[role] = self._holder(role)
        return self.known[role]

    def _holder(self, role: str) -> str | None:
        if len(role) < 4:
            return None
        if self.by_suffix is None:
            self.by_suffix = defaultdict(list)
            for before, names in self.appositions.items():
                # each suffix has its own length, so a before is listed once per suffix
                self.by_suffix[before].append(names)
                for i, c in enumerate(before):
                    if c == " ":
                        self.by_suffix[before[i + 1:]].append(names)
        counts: Counter = Counter()
        for names in self.by_suffix.get(role, ()):
            counts.update(names)
        if not counts:
            return None
        (first, n1), *rest = counts.most_common(2)
        if rest and rest[0][1] * 2 > n1:
            return None  # two people answer to this role about as often: do not choose
        return first
