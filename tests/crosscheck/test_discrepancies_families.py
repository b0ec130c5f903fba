"""Discrepancies of family sizes ("deux de ses trois fils" / "père de quatre fils"), on
hand-made French articles run through the real annotate stage (the model loads once)."""

import functools

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.discrepancies import find_discrepancies
from recoupe.crosscheck.quantities import find_families
from recoupe.model import Article

ONE_FAMILY = ["Boulangerie\nLe boulanger est parti à Lyon avec deux de ses trois fils.",
              "Boulangerie\nLe boulanger, père de quatre fils, a fermé sa boutique samedi."]
SAME = ["Quartier\nLa fleuriste vit avec ses six enfants près du marché.",
        "Quartier\nMère de six enfants, la fleuriste tient la boutique depuis dix ans."]
TWO_PARENTS = ["Accident\nLa conductrice, mère de deux enfants, a été légèrement blessée.",
               "Accident\nLe cycliste, père de trois enfants, a été conduit à l'hôpital."]
TWO_NAMES = ["Portraits\nJulie Caron est arrivée en ville avec ses trois enfants.",
             "Portraits\nMarion Lenoir est arrivée en ville avec ses deux enfants."]
THREE_SIZES = ["Crèche\nLa voisine est venue avec ses deux enfants.",
               "Crèche\nLa boulangère est venue avec ses trois enfants.",
               "Crèche\nLa pharmacienne est venue avec ses quatre enfants."]
SOME = ["École\nQuatre enfants ont été reçus par le maire.",
        "École\nLa directrice est venue avec ses deux enfants."]


@functools.cache
def _annotated():
    texts = [*ONE_FAMILY, *SAME, *TWO_PARENTS, *TWO_NAMES, *THREE_SIZES, *SOME]
    articles = [Article(id=f"f{i}", source=f"f{i}", text=t) for i, t in enumerate(texts)]
    return dict(zip(texts, annotate(articles, AnnotateConfig()), strict=True))


def story(texts):
    return find_discrepancies([_annotated()[t] for t in texts], [], [], [])


def test_quantities_a_family_size_is_the_total_after_a_possessive():
    (size,) = find_families(_annotated()[ONE_FAMILY[0]])
    assert (size.text, size.low, size.unit) == ("trois fils", 3, "fils")


def test_quantities_a_family_size_complements_a_parent_noun():
    (size,) = find_families(_annotated()[ONE_FAMILY[1]])
    assert (size.text, size.low, size.events) == ("quatre fils", 4, frozenset({"family of M"}))


def test_quantities_a_count_without_possessive_or_parent_is_no_family_size():
    assert find_families(_annotated()[SOME[0]]) == []


def test_discrepancies_one_family_told_with_another_size():
    (found,) = story(ONE_FAMILY)
    assert found.kind == "count"
    assert "trois fils" in found.about and "quatre fils" in found.about
    assert [v.article for v in found.values] == ["f0", "f1"]


def test_discrepancies_same_family_size_in_other_words_is_no_difference():
    assert story(SAME) == ()


def test_discrepancies_a_mother_and_a_father_are_two_families():
    assert story(TWO_PARENTS) == ()


def test_discrepancies_families_of_two_named_people_are_not_compared():
    assert story(TWO_NAMES) == ()


def test_discrepancies_some_children_are_not_a_family_size():
    assert story(SOME) == ()


def test_discrepancies_three_sizes_in_a_story_are_three_families():
    assert story(THREE_SIZES) == ()
