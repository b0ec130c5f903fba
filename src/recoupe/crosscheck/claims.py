"""A story's articles -> claims: the facts its outlets assert, each with every outlet that
asserts it and the sentence it does so in.

In: the annotated articles of one story (sentences, text, outlet) and its quotes.
Out: `Claim`s, the most supported first; a claim carried by one outlet only has support 1.

Sentences that hold someone's direct quote are statements, not the outlet's claims, and
are left out (reported speech stays: "Washington affirme que..." is what the outlet says
Washington claims). The others are aligned across articles: a sentence joins the claim whose
first sentence shares enough rare words with it (`similarity.overlap`), else it opens a new
claim. Comparing with a claim's first sentence, not with every member, keeps one sentence
from chaining two facts together; candidates come from an index of rare words, so the cost
grows with the number of sentences, not its square. `support` counts outlets (an article
without an outlet is its own); `independent_support` counts one for several outlets whose
sentences are near copies of one another, or that relay one upstream source (a wire agency
they credit, or a copy group of one text: `group.copies`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import AnnotatedArticle, Claim, ClaimSentence, Quote
from .similarity import content_words, leader_groups, overlap, rarity

_SAME_FACT = 0.45  # weighted share of rare words two sentences need to assert one fact
_COPY = 0.9  # sentences this alike are one text copied, not two outlets' reporting
_MIN_WORDS = 4  # shorter sentences (headers, fragments) assert nothing to align
_INDEX_WORDS = 6  # rarest words of a claim's first sentence used to find candidates


def find_claims(articles: Sequence[AnnotatedArticle], quotes: Sequence[Quote],
                upstreams: dict[str, str] | None = None) -> tuple[Claim, ...]:
    """Annotated articles (oldest first) + their quotes -> claims, most supported first.
    `upstreams` maps an article id to the source it relays (a wire agency, or a copy group
    of one text): outlets relaying one source count once in `independent_support`."""
    units = []
    for a in articles:
        quoted = {q.sentence for q in quotes if q.article == a.article.id and q.kind == "direct"}
        for i, s in enumerate(a.sentences):
            words = content_words(s.text)
            if len(words) >= _MIN_WORDS and i not in quoted:
                units.append((a, s.text, words))
    idf = rarity(words for _, _, words in units)
    # One article asserting a fact twice is still one outlet: a claim takes one sentence of
    # each article.
    claims = leader_groups(units, lambda u: u[2], idf, _SAME_FACT,
                           owner_of=lambda u: u[0].article.id, index_words=_INDEX_WORDS)
    out = [_claim(members, idf, upstreams or {}) for members in claims]
    out.sort(key=lambda c: (-c.support, -c.independent_support))
    return tuple(Claim(f"c{i}", c.text, c.articles, c.support, c.independent_support,
                       c.sentences) for i, c in enumerate(out, 1))


def _claim(members: list, idf: dict[str, float], upstreams: dict[str, str]) -> Claim:
    outlets = {}
    for a, _, words in members:
        outlets.setdefault(a.article.outlet or a.article.id, (a.article.id, words))
    # Outlets relaying one upstream source, or whose sentences are near copies of one
    # another, count once.
    independent: list = []
    sources: set[str] = set()
    for aid, words in outlets.values():
        source = upstreams.get(aid)
        if source is not None and source in sources:
            continue
        if not any(overlap(words, other, idf, both=True) >= _COPY for other in independent):
            independent.append(words)
            if source is not None:
                sources.add(source)
    return Claim(id="", text=members[0][1],
                 articles=tuple(sorted({a.article.id for a, _, _ in members})),
                 support=len(outlets), independent_support=len(independent),
                 sentences=tuple(ClaimSentence(a.article.id, text) for a, text, _ in members))
