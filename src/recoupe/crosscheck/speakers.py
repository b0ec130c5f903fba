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
    by_name = {e.name: e for e in entities}
    roles = _appositions(articles, by_variant)
    out = []
    for a in articles:
        for q in a.quotes:
            # A speaker is a person or an organisation; a role's words may name the
            # organisation it serves ("le porte-parole du syndicat"), which is not the speaker.
            kinds = _SPEAKER_TYPES.get(q.speaker_kind or "", ())
            entity = (_by_mention(q, a, by_variant, kinds)
                      or _by_words(q.speaker, by_variant, kinds))
            if entity is None and q.speaker and q.speaker_kind == "role":
                key = _role_key(q.speaker)
                name = _role_holder(key, roles)
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


def _by_words(words: str | None, by_variant: dict[str, Entity],
              kinds: tuple[str, ...]) -> Entity | None:
    """The entity whose longest spelling the speaker's words contain as whole words."""
    if not words:
        return None
    folded = f" {fold(words)} "
    best = None
    for variant, entity in by_variant.items():
        if len(variant) > 2 and entity.type in kinds and f" {variant} " in folded and (
                best is None or len(variant) > len(best[0])):
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


def _role_holder(role: str, appositions: dict[str, Counter]) -> str | None:
    if len(role) < 4:
        return None
    counts: Counter = Counter()
    for before, names in appositions.items():
        if before == role or before.endswith(" " + role):
            counts.update(names)
    if not counts:
        return None
    (first, n1), *rest = counts.most_common(2)
    if rest and rest[0][1] * 2 > n1:
        return None  # two people answer to this role about as often: do not choose
    return first
