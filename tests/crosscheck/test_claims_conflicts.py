"""Two sentences that name the same people but give other years, or quote someone saying
other things, do not state one fact (`similarity.conflicts`), so they never share a claim."""

import pytest

from recoupe.crosscheck.claims import find_claims
from recoupe.crosscheck.similarity import conflicts, units_of

from .support import annotated

YEARS = {
    "a": "La navigatrice Odile Varnier a habité à Brest de 1991 à 1994 avec sa famille.",
    "b": "La navigatrice Odile Varnier a habité à Brest entre 1989 et 1990 avec sa famille.",
    "c": "La navigatrice Odile Varnier a habité à Brest avec sa famille de 1991 à 1994.",
    "d": "La navigatrice Odile Varnier a habité à Brest avec sa famille.",
}


@pytest.fixture(scope="module")
def years():
    return {u.article.article.id: u for u in units_of(annotated(YEARS), 1)}


def test_claims_other_years_conflict(years):
    assert years["a"].years == {1991, 1994}
    assert conflicts(years["a"], years["b"])
    # the same years, or none on one side, are no conflict
    assert not conflicts(years["a"], years["c"])
    assert not conflicts(years["a"], years["d"])


QUOTING = {
    "a": "« Le port sera rouvert dès lundi aux navires de pêche », a déclaré mardi le préfet "
         "maritime Paul Orsini.",
    "b": "« Nous indemniserons chaque famille touchée par la tempête », a déclaré mardi le "
         "préfet maritime Paul Orsini.",
    "c": "« Le port sera rouvert lundi aux navires de pêche », a annoncé mardi le préfet "
         "maritime Paul Orsini.",
}


@pytest.fixture(scope="module")
def quoting():
    articles = annotated(QUOTING)
    quotes = tuple(q for a in articles for q in a.quotes)
    assert [q.kind for q in quotes] == ["direct"] * 3
    return articles, quotes


def test_claims_different_quotes_of_one_speaker_conflict(quoting):
    articles, quotes = quoting
    masks = {(q.article, q.sentence): [(q.start, q.end)] for q in quotes}
    units = {u.article.article.id: u for u in units_of(articles, 1, masks)}
    assert {"port", "navire", "peche"} <= units["a"].quoted
    # one speaker, one frame ("a déclaré mardi le préfet"), two things said
    assert conflicts(units["a"], units["b"])
    # the same thing said in nearly the same words
    assert not conflicts(units["a"], units["c"])


def test_claims_a_speech_frame_alone_credits_no_other_quote(quoting):
    articles, quotes = quoting
    claims = find_claims(articles, quotes)
    assert not any({"a", "b"} <= set(c.articles) or {"b", "c"} <= set(c.articles)
                   for c in claims)


# One outlet quotes the mayor, another tells his words in its own, framed differently ("a
# dit ... en sortant de la réunion" / "Plus prudent, ... a seulement confié"): one fact,
# found only when the quote's words are compared with the other outlet's narration.
TOLD = {
    "a": "« Je lui ai dit que la ville paierait la moitié des réparations du stade », a dit le "
         "maire Paul Brun aux journalistes en sortant de la réunion.",
    "b": "Plus prudent, M. Brun a seulement confié qu'il avait promis au club que la ville "
         "paierait la moitié des réparations du stade.",
    "e": "Le conseil municipal a voté jeudi soir le budget de l'année, en hausse de deux pour "
         "cent.",
    "f": "L'opposition a critiqué le coût des travaux de la piscine olympique, achevée en "
         "retard.",
}


def test_claims_a_quote_and_its_telling_in_other_words_are_one_fact():
    articles = annotated(TOLD)
    quotes = tuple(q for a in articles for q in a.quotes if q.kind == "direct")
    assert [q.article for q in quotes] == ["a"]
    claims = [c for c in find_claims(articles, quotes) if c.support > 1]
    assert [c.articles for c in claims] == [("a", "b")]
