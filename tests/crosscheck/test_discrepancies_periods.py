"""Discrepancies of periods: stretches of years of one event told with other bounds, on
hand-made French articles run through the real annotate stage (the model loads once)."""

import functools

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.discrepancies import find_discrepancies
from recoupe.crosscheck.quantities import find_periods
from recoupe.model import Article

STAY = ["Portrait d'un peintre\nLe peintre Marc Olivier a habité à Lisbonne de 1992 à 1996, "
        "avant de revenir en Bretagne.",
        "Un peintre breton\nMarc Olivier a habité à Lisbonne entre 1991 et 1994, dans une "
        "maison du vieux quartier."]
SAME = ["Un atelier\nLe sculpteur a travaillé à Nantes de 1980 à 1985.",
        "Souvenirs\nLe sculpteur a travaillé à Nantes entre 1980 et 1985."]
TWO_STAYS = ["Voyages\nLa romancière a séjourné à Dakar de 1970 à 1974.",
             "Voyages\nLa romancière a séjourné à Dakar de 1988 à 1992."]
TWO_PEOPLE = ["Famille\nSon frère a enseigné à Rennes de 1975 à 1982.",
              "Famille\nSa cousine a enseigné à Rennes entre 1977 et 1984."]


@functools.cache
def _annotated():
    texts = [*STAY, *SAME, *TWO_STAYS, *TWO_PEOPLE]
    articles = [Article(id=f"p{i}", source=f"p{i}", text=t) for i, t in enumerate(texts)]
    return dict(zip(texts, annotate(articles, AnnotateConfig()), strict=True))


def story(texts):
    return find_discrepancies([_annotated()[t] for t in texts], [], [], [])


def test_quantities_a_period_is_read_with_its_years_and_verb():
    (period,) = find_periods(_annotated()[STAY[1]])
    assert (period.text, period.low, period.high) == ("entre 1991 et 1994", 1991, 1994)
    assert period.events == frozenset({"habiter"})


def test_discrepancies_one_stay_told_with_other_years():
    (found,) = story(STAY)
    assert found.kind == "period"
    assert "de 1992 à 1996" in found.about and "entre 1991 et 1994" in found.about
    assert [v.article for v in found.values] == ["p0", "p1"]


def test_discrepancies_same_years_in_other_words_are_no_difference():
    assert story(SAME) == ()


def test_discrepancies_periods_that_do_not_overlap_are_two_stays():
    assert story(TWO_STAYS) == ()


def test_discrepancies_periods_of_different_subjects_are_not_compared():
    assert story(TWO_PEOPLE) == ()
