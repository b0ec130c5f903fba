"""A story's quotes -> statements: one thing one speaker said, folded across the outlets that
report it in different words or translations.

In: the story's quotes, speakers already tied to entities (`speakers.resolve_speakers`).
Out: one `Statement` per group of quotes of one speaker that tell the same thing and come
from at least two articles (a statement is what several outlets report), most carried first.

Two quotes of one speaker tell the same thing when the words of their sentences overlap
enough, each word weighted by how rare it is among the story's quotes (so that "Russia" or
"relations", said in every quote, count little and "imperialism" counts much). The sentence
is used, not only the quoted words, because a partial quote ("« de la plus haute
importance »") carries its subject outside the quote marks. Lemmas and the model's vectors
would need the model; this stage works on stored text only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Quote, Statement
from ..text import fold
from .similarity import content_words, leader_groups, rarity

_SAME = 0.3  # weighted overlap from which two quotes tell the same thing
_INDEX_WORDS = 8  # rarest words of a statement's first quote used to find candidates


def fold_statements(quotes: Sequence[Quote]) -> tuple[Statement, ...]:
    """Quotes (speakers resolved) -> statements carried by two articles or more."""
    words = {q.id: _words(q) for q in quotes}
    idf = rarity(words.values())
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker_entity or q.speaker:
            by_speaker[q.speaker_entity or fold(q.speaker or "")].append(q)
    statements = []
    for group in by_speaker.values():
        for cluster in _clusters(group, words, idf):
            articles = tuple(sorted({q.article for q in cluster}))
            if len(articles) < 2:
                continue
            gist = max(cluster, key=lambda q: (q.kind == "direct", len(q.text))).text
            statements.append(Statement(id="", speaker=cluster[0].speaker, gist=gist,
                                        quotes=tuple(q.id for q in cluster), articles=articles))
    statements.sort(key=lambda s: (-len(s.articles), s.speaker or "", s.gist))
    return tuple(Statement(f"st{i}", s.speaker, s.gist, s.quotes, s.articles)
                 for i, s in enumerate(statements, 1))


def _words(q: Quote) -> frozenset[str]:
    return content_words(
        q.text if q.kind == "direct" and len(q.text) > 60 else (q.sentence_text or q.text))


def _clusters(quotes: list[Quote], words, idf) -> list[list[Quote]]:
    return leader_groups(quotes, lambda q: words[q.id], idf, _SAME, index_words=_INDEX_WORDS)
