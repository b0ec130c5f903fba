"""Claims aligned by what sentences say, on hand-written articles annotated by the model:
another wording of one fact is support, another value or a hedge is not."""

import pytest

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.claims import find_claims
from recoupe.model import Article

ARTICLES = {
    "a": "L'incendie a détruit 300 hectares de forêt près de Digne mardi soir.\n"
         "La route départementale sera fermée jusqu'à vendredi pour les travaux.\n"
         "Le préfet a ouvert un centre d'accueil pour les habitants évacués du village.",
    "b": "Près de Digne, l'incendie de mardi soir a détruit 300 hectares de forêt.\n"
         "La route départementale pourrait être fermée jusqu'à vendredi pour les travaux.\n"
         "Les habitants évacués du village sont accueillis dans un centre ouvert par le préfet.",
    "c": "L'incendie a détruit 450 hectares de forêt près de Digne mardi soir.\n"
         "Les pompiers resteront mobilisés toute la semaine sur les lisières du massif.",
}


@pytest.fixture(scope="module")
def claims():
    articles = [Article(id=k, source=k, text=t, outlet=k.upper()) for k, t in ARTICLES.items()]
    return find_claims(annotate(articles, AnnotateConfig()), [])


def claim_of(claims, article, words):
    return next(c for c in claims
                if any(s.article == article and words in s.text for s in c.sentences))


def test_claims_another_wording_of_one_fact_is_support(claims):
    assert claim_of(claims, "a", "centre d'accueil").articles == ("a", "b")


def test_claims_another_value_is_not_support(claims):
    fire = claim_of(claims, "a", "300 hectares")
    assert "c" not in fire.articles and "b" in fire.articles


def test_claims_a_hedge_is_not_support(claims):
    assert claim_of(claims, "a", "sera fermée").articles == ("a",)


def test_claims_carry_the_offsets_of_their_sentences(claims):
    for c in claims:
        for s in c.sentences:
            assert ARTICLES[s.article][s.start:s.end] == s.text


def test_claims_a_sentence_without_a_finite_verb_asserts_nothing():
    texts = {"x": "Le nouveau préfet de la Lozère, ancien directeur de cabinet du ministre.\n"
                  "Le nouveau préfet de la Lozère a pris ses fonctions lundi à Mende.",
             "y": "Le nouveau préfet de la Lozère, ancien directeur de cabinet du ministre.\n"
                  "Le nouveau préfet de la Lozère a pris lundi ses fonctions à Mende."}
    articles = [Article(id=k, source=k, text=t, outlet=k.upper()) for k, t in texts.items()]
    found = find_claims(annotate(articles, AnnotateConfig()), [])
    assert not [c for c in found if "ancien directeur" in c.text]
    assert [c.support for c in found if "fonctions" in c.text] == [2]
