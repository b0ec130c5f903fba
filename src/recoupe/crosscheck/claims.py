"""A story's articles -> claims: the facts its outlets assert, each with every outlet that
asserts it and the sentence (with its offsets) it does so in.

In: the annotated articles of one story (sentences, tokens, dates, packed sentence vectors,
outlet) and its quotes.
Out: `Claim`s, the most supported first; a claim carried by one outlet only has support 1.

Someone's direct quote is a statement, not the outlet's claim: a sentence holding one is
compared by the words outside the quote only (who said it, when, where) with another that
quotes too, and left out when those are too few; with a sentence that quotes nobody, by its
narration or by all it says, whichever is closer, for that may tell the quote in the
outlet's own words (`SentenceSpace.dice`).
Reported speech stays whole: "Washington affirme que..." is what the outlet says Washington
claims. Sentences are aligned across articles by what they say
(`similarity.SentenceSpace`): the meaning of their content words (the model's word vectors,
so that another wording of one fact still meets it) plus the lemmas they share, weighted by
rarity (so that two sentences on one person but on different things stay apart). Two
sentences giving different values of one kind (numbers, read as values whatever their
typography: "1.500", "1 500"; days) never state one fact: that is a difference, not support;
nor does a hedged sentence support an asserted one (a hedge inside someone's quote is theirs,
not the outlet's), nor do two sentences predicating opposed acts of one argument (an offer
and its refusal: `anchors.opposed`). A question the outlet asks states nothing: no claim.
Alignment is an agglomerative clustering under constraints: the
most alike pairs merge first, a claim takes at most one sentence per article, and two groups
join only when they are alike on average over all their pairs and no pair of them conflicts
(so that one sentence cannot chain two facts). A sentence stating two facts ("X opened Y,
then visited Z") may then also join a second corroborated group whose members it is alike
to on average, a stricter bar (`_ALSO`). Whole-sentence scores blur a fact stated inside a
sentence that says another thing too ("Après son retour sur les pistes, X disputera ..."):
so the predications inside sentences are also keyed, from the stored parse, as
(predicate, argument) anchors ("retour/revenir" + "pistes"): the main ones (a negated one
keys as a denial), and those of relative clauses, completives and participles when they are
asserted, not negated nor in the conditional ("X, qui a promis son retour sur les
pistes, ..." states the comeback another outlet gives as its main fact). The sentences of
other articles holding one particular anchor join the group already holding two of them, or make
a claim of their own (`similarity.SentenceSpace.join_anchors`): a sentence may so be in
several claims, one per thing it states. Candidate pairs are each sentence's nearest
neighbours (from a graph index past a few thousand sentences: `similarity.nearest`), so the
cost grows about n log n in the sentences, not with their square.
`support` counts outlets (an article without an outlet is its own); `independent_support`
counts one for several outlets whose sentences are near copies of one another, or that relay
one upstream source (a wire agency they credit, or a copy group of one text: `group.copies`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .. import lang
from ..model import AnnotatedArticle, Claim, ClaimSentence, Quote
from .similarity import SentenceSpace, Unit, overlap, units_of
from .standalone import main_clauses, reads_alone

_SAME_FACT = 1.36  # mean pair score (cosine + Dice + 0.6 overlap) from which groups join
_PAIR = 1.36  # a pair below this never starts a merge
_ALSO = 1.45  # mean score from which a sentence also joins a second fact's group
_COPY = 0.9  # sentences this alike are one text copied, not two outlets' reporting
_MIN_WORDS = 4  # shorter sentences (headers, fragments) assert nothing to align
_NEIGHBOURS = 12  # candidates per sentence
_ANCHOR_SHARE = 0.135  # most sentences of the story an anchor's argument may be in (1 in 7)
_ANCHOR_MEAN = 1.0  # least mean pair score of a unit to the others holding its anchor
_SHOWN_SLACK = 0.1  # mean pair score a claim's shown sentence may give up to be its own
_SHOWN_SAMPLE = 16  # members a candidate for a claim's text is compared with


def find_claims(articles: Sequence[AnnotatedArticle], quotes: Sequence[Quote],
                upstreams: dict[str, str] | None = None) -> tuple[Claim, ...]:
    """Annotated articles (oldest first) + their quotes -> claims, most supported first.
    `upstreams` maps an article id to the source it relays (a wire agency, or a copy group
    of one text): outlets relaying one source count once in `independent_support`."""
    # A sentence holding someone's direct quote is compared by the narration outside the
    # quote (who said it, when, where: what the outlet itself asserts); the quote's words
    # are the speaker's, not the outlet's claim.
    masks: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for q in quotes:
        if q.kind == "direct":
            masks.setdefault((q.article, q.sentence), []).append((q.start, q.end))
    # A sentence without a finite verb (a header, a caption, a list item) asserts nothing.
    # Nor does a question ("Et si la banque fait faillite ?"), bracketed or not: the outlet
    # asks, it does not say. A question inside someone's quote ends in the closing quote
    # mark, and is theirs.
    units = [u for u in units_of(articles, _MIN_WORDS, masks)
             if u.finite and not u.sentence.text.rstrip().rstrip(")]").rstrip().endswith("?")]
    space = SentenceSpace(units)
    groups = space.cluster(_PAIR, _SAME_FACT, _NEIGHBOURS, _ALSO)
    # What a long sentence states besides its main thing, it states with the other outlets
    # that share its predicate and argument: it joins their claim too.
    groups = space.join_anchors(groups, _ANCHOR_SHARE, _ANCHOR_MEAN)
    # Ties in support keep the order of their first sentence in the story (articles oldest
    # first), not the order groups come out of the clustering, which follows set iteration
    # and so changed from one process to the next on large stories.
    alone = _read_alone(articles)
    # How many claims each sentence stands in (a sentence stating two things is in two):
    # a claim is shown by a sentence of its own where it has one.
    held = Counter(i for g in groups for i in g)
    ranked = [(_claim(g, space, upstreams or {}, alone, held), min(g)) for g in groups]
    ranked.sort(key=lambda cf: (-cf[0].support, -cf[0].independent_support, cf[1]))
    out = [c for c, _ in ranked]
    return tuple(Claim(f"c{i}", c.text, c.articles, c.support, c.independent_support,
                       c.sentences) for i, c in enumerate(out, 1))


def _read_alone(articles: Sequence[AnnotatedArticle]) -> set[tuple[str, int]]:
    """(article id, sentence start) of the sentences that read on their own
    (`standalone`): a main clause with a finite verb and a subject of its own, no pronoun
    or leaning opener at the start, a final stop."""
    out = set()
    for a in articles:
        language = a.language or "fr"
        grammar = lang.table(language, "summary") or lang.table("fr", "summary")
        table = lang.table(language, "attribution") or lang.table("fr", "attribution")
        pronouns = frozenset(table.PRONOUNS) if table is not None else frozenset()
        mains = main_clauses([a], grammar)
        out.update((a.article.id, s.start) for s in a.sentences
                   if mains.get((a.article.id, s.start), "news") != "fragment"
                   and reads_alone(s.text, pronouns, grammar))
    return out


def _claim(group: Sequence[int], space: SentenceSpace, upstreams: dict[str, str],
           alone: set[tuple[str, int]] = frozenset(), held: Counter | None = None) -> Claim:
    """A group of units (indexes into `space.units`) -> its claim. The claim's text is the
    member that states best what the others say: of those that read on their own (`alone`),
    so that a line shown without its neighbours is not "Il a démenti." or a cut, the one
    most alike on average to the other members (`_shown`). The first sentence when none
    reads alone."""
    members = [space.units[i] for i in group]
    outlets: dict[str, Unit] = {}
    for u in members:
        outlets.setdefault(u.article.article.outlet or u.article.article.id, u)
    # Outlets relaying one upstream source, or whose sentences are near copies of one
    # another, count once.
    independent: list = []
    sources: set[str] = set()
    for u in outlets.values():
        source = upstreams.get(u.article.article.id)
        if source is not None and source in sources:
            continue
        if not any(overlap(u.words, other, space.idf, both=True) >= _COPY
                   for other in independent):
            independent.append(u.words)
            if source is not None:
                sources.add(source)
    readable = [i for i in group
                if (space.units[i].article.article.id, space.units[i].sentence.start) in alone]
    shown = space.units[_shown(readable, group, space, held or Counter())] if readable \
        else members[0]
    return Claim(id="", text=shown.sentence.text,
                 articles=tuple(sorted({u.article.article.id for u in members})),
                 support=len(outlets), independent_support=len(independent),
                 sentences=tuple(ClaimSentence(u.article.article.id, u.sentence.text,
                                               u.sentence.start, u.sentence.end)
                                 for u in members))


def _shown(readable: Sequence[int], group: Sequence[int], space: SentenceSpace,
           held: Counter) -> int:
    """The member of a group (unit indexes) that shows its claim: the readable one most alike
    on average to the other members (`SentenceSpace.score`), for a member that joined the
    group by one shared detail states something else besides or instead, and a claim
    shown by it tells the reader what the other outlets do not say. Among those within
    `_SHOWN_SLACK` of the most alike, the one in the fewest other claims (`held`), so that
    a sentence telling two facts does not show two claims by one line, then the first."""
    def centrality(i: int) -> float:
        # against the group's first members (its best-linked ones), as the clustering
        # judges groups: all pairs would cost the square of the outlets carrying a fact
        others = [j for j in group[:_SHOWN_SAMPLE + 1] if j != i][:_SHOWN_SAMPLE]
        return sum(space.score(i, j) for j in others) / len(others) if others else 0.0

    central = {i: centrality(i) for i in readable}
    best = max(central.values())
    return min((i for i in readable if central[i] >= best - _SHOWN_SLACK),
               key=lambda i: (held[i], group.index(i)))
