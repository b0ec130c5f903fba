"""A hand-written story large enough to need the story page's layout, for the story tests.

`big_brief(articles, claims)` -> a Brief of one story ("s-big"): `articles` articles of as
many outlets, `claims` claims of every support from one outlet to all of them (independent
support one less when a claim is carried by the first two articles, the copy pair), a
statement of one speaker in three wordings, a quote of a speaker who is no entity, a
difference of three long values, and a timeline over several days, dated and uncertain.
Every sentence is invented here.
"""

from __future__ import annotations

from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Discrepancy,
    DiscrepancyValue,
    Entity,
    Quote,
    Statement,
    Story,
    TimelineEvent,
)

SPEAKER = "Élise Borne"
WORDINGS = ("Nous rouvrirons le pont avant l'été", "Le pont rouvrira avant l'été",
            "Nous rendrons le pont aux habitants avant l'été")


def fact(k: int) -> str:
    return f"Le conseil de la commune a voté la mesure numéro {k} après un long débat."


def carriers(k: int, n: int) -> list[int]:
    """The articles carrying claim k: claim 0 all of them, then fewer and fewer, every
    fourth claim one article only."""
    if k % 4 == 3:
        return [k % n]
    size = max(2, n - k)
    return [(k + i) % n for i in range(size)]


def big_brief(n_articles: int = 24, n_claims: int = 32) -> Brief:
    facts = {k: carriers(k, n_articles) for k in range(n_claims)}
    texts: dict[int, list[str]] = {i: [] for i in range(n_articles)}
    for k, ids in facts.items():
        for i in ids:
            texts[i].append(fact(k))
    quotes, said = [], []
    for i, words in enumerate(WORDINGS):
        sentence = f"« {words} », a déclaré {SPEAKER} devant la presse."
        texts[i].insert(0, sentence)
        quotes.append(Quote(f"a{i:02d}:q1", words, "direct", f"a{i:02d}", 0, 2, 2 + len(words),
                            speaker=SPEAKER, speaker_entity="e-1", sentence_text=sentence))
        said.append(quotes[-1].id)
    mayor = "« Tout sera prêt », assure le maire."
    texts[5].insert(0, mayor)
    quotes.append(Quote("a05:q1", "Tout sera prêt", "direct", "a05", 0, 2, 16,
                        speaker="le maire", sentence_text=mayor))
    articles = tuple(
        Article(id=f"a{i:02d}", source=f"a{i:02d}.txt", title=f"Le pont, épisode {i}",
                text=" ".join(texts[i]), published=f"2024-04-{1 + i % 9:02d}",
                outlet=f"La Gazette régionale numéro {i}", language="fr")
        for i in range(n_articles))
    claims = tuple(
        Claim(f"c{k}", fact(k), tuple(f"a{i:02d}" for i in ids), len(ids),
              len(ids) - (0 in ids and 1 in ids),
              tuple(ClaimSentence(f"a{i:02d}", fact(k)) for i in ids))
        for k, ids in facts.items())
    long_values = tuple(
        DiscrepancyValue(f"a{i:02d}", fact(i) + " Les travaux dureront encore plusieurs "
                         "semaines selon les services techniques de la commune.")
        for i in range(3))
    story = Story(
        "s-big", "Le pont de la commune", "2024-04-01", "Pont Vieux",
        tuple(a.id for a in articles),
        (Entity("e-1", SPEAKER, "PER", (SPEAKER, "Mme Borne"), ("a00", "a01", "a02"), 3),),
        quotes=tuple(quotes),
        statements=(Statement("st1", SPEAKER, WORDINGS[2], tuple(said), ("a00", "a01", "a02")),),
        claims=claims,
        discrepancies=(Discrepancy("d1", "combien de temps", "duration", long_values),),
        timeline=(TimelineEvent("2024-04-01", fact(0), ("a00", "a01")),
                  TimelineEvent("2024-04-03", fact(1), ("a02",)),
                  TimelineEvent("2024-04-04", fact(2), ("a03",), certain=False),
                  TimelineEvent("2024-04-06", fact(4), ("a04",))),
    )
    return Brief(articles, (story,))
