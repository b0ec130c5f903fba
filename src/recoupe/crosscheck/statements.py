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
from .similarity import content_words, leader_groups, overlap, rarity

_SAME = 0.3  # weighted overlap from which two quotes tell the same thing
_INDEX_WORDS = 8  # rarest words of a statement's first quote used to find candidates
_PHRASE_WORDS = 2  # content words a quote needs for its very words to identify it


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
    """One speaker's quotes -> groups telling one thing. A quote joins the group it is most
    like, and also every other group whose first quote it is like enough or that holds its
    very words (a long quote that says two things supports both; a short partial quote,
    "« racines profondes »", is the same words wherever they are quoted). A group inside
    another one then says nothing more and is dropped."""
    groups = leader_groups(quotes, lambda q: words[q.id], idf, _SAME, index_words=_INDEX_WORDS)
    texts = {q.id: " ".join(fold(q.text).split()) for q in quotes}
    by_id = {q.id: q for q in quotes}
    # Quotes by word, to find those like a quote without comparing them all.
    index: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        for w in words[q.id]:
            index[w].append(q)
    # Quotes holding the very words of another: only quotes with its rarest word can.
    held: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        own = content_words(q.text)
        if len(own) >= _PHRASE_WORDS:
            rarest = min(own, key=lambda w: (-idf.get(w, 1.0), w))
            for m in index.get(rarest, ()):
                if m.id != q.id and texts[q.id] in texts[m.id]:
                    held[q.id].add(m.id)
                    held[m.id].add(q.id)
    out = []
    for group in groups:
        lead, ids = group[0], {q.id for q in group}
        rare = sorted(words[lead.id], key=lambda w: (-idf.get(w, 1.0), w))[:_INDEX_WORDS]
        near = {q.id: q for w in rare for q in index[w]}
        extra = [q for q in near.values() if q.id not in ids
                 and overlap(words[q.id], words[lead.id], idf) >= _SAME]
        linked = set().union(*(held.get(i, set()) for i in ids)) - ids - {q.id for q in extra}
        extra += [by_id[i] for i in sorted(linked)]
        out.append(group + extra)
    sets = sorted(out, key=len, reverse=True)
    kept: list[list[Quote]] = []
    for group in sets:
        ids = {q.id for q in group}
        if not any(ids <= {q.id for q in k} for k in kept):
            kept.append(group)
    return kept
