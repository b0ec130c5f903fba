"""Values and hedges read for claims (crosscheck.similarity.units_of / conflicts), on
hand-written sentences annotated by the model: one number in two typographies is one value,
a number after its noun is a label, and a quoted speaker's hedge is not the outlet's."""

import pytest

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.similarity import conflicts, units_of
from recoupe.model import Article


def _unit(text: str, masks=None):
    [a] = annotate([Article(id="x", source="x", text=text, outlet="X")], AnnotateConfig())
    found = units_of([a], 1, masks(a) if masks else None)
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("first, second, same", [
    ("Quelque 1.500 manifestants ont défilé samedi dans les rues de Rennes.",
     "Quelque 1 500 manifestants ont défilé samedi dans les rues de Rennes.", True),
    ("Quelque 1.500 manifestants ont défilé samedi dans les rues de Rennes.",
     "Quelque 1500 manifestants ont défilé samedi dans les rues de Rennes.", True),
    ("Quelque 1 500 manifestants ont défilé samedi dans les rues de Rennes.",
     "Quelque 2 500 manifestants ont défilé samedi dans les rues de Rennes.", False),
    ("La mutuelle a perdu 450 millions d'euros sur les marchés en mars.",
     "La mutuelle a perdu 0,45 milliard d'euros sur les marchés en mars.", True),
    ("La mutuelle a perdu 450 millions d'euros sur les marchés en mars.",
     "La mutuelle a perdu 820 millions d'euros sur les marchés en mars.", False),
])
def test_claims_one_value_in_two_typographies(first, second, same):
    a, b = _unit(first), _unit(second)
    assert conflicts(a, b) is not same
    assert ({v for _, v in a.numbers} == {v for _, v in b.numbers}) is same


def test_claims_a_number_after_its_noun_is_a_label_not_a_count():
    # "l'édition 2021" names an edition; "1.200 coureurs" counts runners
    u = _unit("Lors de l'édition 2021, 1.200 coureurs ont pris le départ à Brest.")
    assert u.numbers == frozenset({("coureur", "1200")})


def test_claims_a_quoted_hedge_is_not_the_outlets():
    # the parse takes the quoted verb for the sentence's root
    text = "« Nous pourrions rouvrir la route vendredi », affirme le maire de Gap."
    quoted = text.index("»") + 1

    def masks(a):
        return {("x", 0): [(0, quoted)]}

    assert _unit(text).hedged  # read whole, the conditional is the sentence's
    assert not _unit(text, masks).hedged  # the outlet only asserts that the mayor spoke


def test_claims_a_quoted_value_still_contradicts_another():
    # The quote's words are no support, but its count of the same thing differs: the two
    # sentences do not state one fact (the brief would list it as support and difference).
    told = "Le gardien a menti aux enquêteurs pendant 12 jours, selon sa voisine."
    text = "« Il leur a menti pendant 15 jours », raconte sa voisine aux enquêteurs."
    quoted = text.index("»") + 1

    def masks(a):
        return {("x", 0): [(0, quoted)]}

    assert conflicts(_unit(told), _unit(text, masks))
