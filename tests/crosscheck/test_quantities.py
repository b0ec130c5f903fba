"""Quantities read from hand-made French sentences through the real annotate stage: numbers in
digits and in words, approximations as ranges, units, events, and names that are not numbers."""

import functools
import math

import pytest

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.quantities import find_quantities
from recoupe.model import Article


def quantities(text: str):
    return find_quantities(_annotated()[text])


@functools.cache
def _annotated():
    """Every text of this module annotated in one model pass (the model loads once)."""
    texts = list(dict.fromkeys(t for case in (*READINGS, *EVENTS) for t in case[:1])) + \
        [*NOT_QUANTITIES, PARTS, SHARE_OF_NOTHING, LONG]
    articles = [Article(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    return dict(zip(texts, annotate(articles, AnnotateConfig()), strict=True))


READINGS = [
    ("Environ 50 habitants ont été évacués.", "count", "people", 47.5, 52.5),
    ("Plus de 80 pompiers ont été mobilisés.", "count", "pompier", 80, math.inf),
    ("Une cinquantaine de pompiers ont été mobilisés.", "count", "pompier", 45, 55),
    ("Des dizaines de manifestants ont été interpellés.", "count", "manifestant", 20, 99.9),
    ("Deux cents manifestants ont défilé dans le centre.", "count", "manifestant", 200, 200),
    ("Quatre-vingt-dix personnes ont été arrêtées.", "count", "people", 90, 90),
    ("Près de 50 personnes ont été évacuées.", "count", "people", 45, 50),
    ("Deux morts ont été retrouvés sous les décombres.", "count", "people", 2, 2),
    # a figure with decimals or a scale word is rounded: a range of half its last digit
    ("La banque a perdu 3,5 millions d'euros.", "amount", "EUR", 3_450_000, 3_550_000),
    ("La fraude a coûté 2 milliards d'euros.", "amount", "EUR", 1.5e9, 2.5e9),
    ("Les travaux ont coûté 1 200 euros.", "amount", "EUR", 1200, 1200),
    ("Les travaux ont coûté 1.200 euros.", "amount", "EUR", 1200, 1200),
    ("Le feu a ravagé 300 hectares de pins.", "amount", "area", 300, 300),
    ("La réunion a duré deux heures et demie.", "duration", "s", 9000, 9000),
    ("Les pompiers ont mis 4 h à maîtriser le feu.", "duration", "s", 14400, 14400),
    ("Ils ont négocié pendant trois jours.", "duration", "s", 259200, 259200),
    ("La cérémonie a commencé à 20h08.", "time", "min", 1208, 1208),
    ("Le chômage a baissé de 2,5 % en un an.", "amount", "%", 2.45, 2.55),
    ("Le concert débutera à 21 heures.", "time", "min", 1260, 1260),
]
EVENTS = [
    ("Environ 50 habitants ont été évacués.", "evacuation"),
    ("Quarante personnes évacuées ont été relogées.", "evacuation"),
    ("Il a fallu six heures pour maîtriser l'incendie.", "control"),
    ("La réunion a duré deux heures.", "meeting"),
    ("Les discussions, qui se sont achevées après plus de deux heures, ont porté sur l'eau.",
     "meeting"),
    ("La banque a annoncé une perte de 450 millions d'euros.", "loss"),
    ("Le chômage a baissé de 2 % en un an.", "baisser of chomage"),
    ("Le taux de participation est de 60 %.", "taux"),
]
NOT_QUANTITIES = [
    "Une heure plus tard, les secours sont arrivés.",
    "Il y a deux jours, la ville était calme.",
    "L'information a été donnée par 20 Minutes.",
    "Les secours sont arrivés au bout d'un moment, selon 20 Minutes.",
    "Le club jouera en Ligue 1 la saison prochaine.",
    "Une personne a été entendue par les enquêteurs.",
    "Il a été reçu à trois reprises par le maire.",
    "Un garçon de 30 mois a été retrouvé seul dans un parc.",
    "Le texte vise les mineurs de plus de 13 ans.",
]
def test_quantities_a_percentage_of_nothing_named_has_nothing_to_compare_by():
    shares = [q for q in quantities(SHARE_OF_NOTHING) if q.unit == "%"]
    assert shares and all(not q.events for q in shares)


SHARE_OF_NOTHING = "Il a obtenu 52 %."
LONG = ("Selon les premières estimations des services de la préfecture, plus de 80 pompiers "
        "ont été mobilisés.")


def test_quantities_text_is_the_words_as_written_with_their_approximation():
    assert [q.text for q in quantities(LONG)] == ["plus de 80 pompiers"]

PARTS = "Trois autres blessés ont été transportés. Deux des otages ont été libérés."


@pytest.mark.parametrize("text, kind, unit, low, high", READINGS)
def test_quantities_reads_value_unit_and_range(text, kind, unit, low, high):
    found = [q for q in quantities(text) if q.kind == kind]
    assert len(found) == 1
    q = found[0]
    assert q.unit == unit
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize("text, event", EVENTS)
def test_quantities_ties_a_number_to_its_event(text, event):
    assert any(event in q.events for q in quantities(text))


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_quantities_a_name_or_a_relative_time_is_no_quantity(text):
    assert [q for q in quantities(text) if q.kind in ("duration", "count", "time")] == []


def test_quantities_a_part_of_a_count_is_not_the_count():
    assert [q for q in quantities(PARTS) if q.kind == "count"] == []
