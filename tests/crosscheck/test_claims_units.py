"""The sentences of a story as units, read with the masks of all its articles at once, are
those of each article read alone with its own masks (the masks are indexed per article)."""

import pytest

from recoupe.crosscheck.similarity import units_of

from .support import annotated

TEXTS = {
    "a": "Le maire pourrait fermer la piscine municipale dès lundi matin.\n"
         "« Nous pourrions rouvrir en juin », a dit le maire devant le conseil municipal.",
    "b": "La piscine municipale pourrait fermer lundi pour des travaux urgents.\n"
         "Les nageurs du club iront au bassin de la ville voisine pendant deux mois.",
}


@pytest.fixture(scope="module")
def articles():
    return annotated(TEXTS)


def _mask(article, index, words):
    s = article.sentences[index]
    start = s.start + s.text.index(words)
    return (article.article.id, index), [(start, start + len(words))]


def _fields(units):
    return [(u.article.article.id, u.index, u.words, u.lemmas, u.numbers, u.hedged, u.finite)
            for u in units]


@pytest.mark.parametrize("masked", [
    [("a", 1, "Nous pourrions rouvrir en juin")],
    [("a", 1, "Nous pourrions rouvrir en juin"), ("b", 0, "pourrait fermer")],
    [],
])
def test_claims_units_of_a_story_are_those_of_each_article(articles, masked):
    by_id = {a.article.id: a for a in articles}
    masks = dict(_mask(by_id[aid], i, words) for aid, i, words in masked)
    alone = [u for a in articles
             for u in units_of([a], 4, {k: v for k, v in masks.items() if k[0] == a.article.id})]
    assert _fields(units_of(articles, 4, masks)) == _fields(alone)
