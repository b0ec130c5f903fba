"""Discrepancies of the day of one event ("a diffusé mardi soir un reportage" / "le
reportage a été diffusé lundi soir"), on hand-made French articles run through the real
annotate stage (the model loads once)."""

import functools

import pytest

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
from recoupe.crosscheck.discrepancies import find_discrepancies
from recoupe.crosscheck.quantities import find_days
from recoupe.model import Article

ONE = ["Télévision\nLa chaîne régionale a diffusé mardi soir un reportage sur le port.",
       "Télévision\nUn reportage sur le port a été diffusé lundi soir par la chaîne régionale."]
SAID = ["Conseil\nLe maire a déclaré lundi que la piscine rouvrirait en juin.",
        "Conseil\nLe maire a déclaré mardi que la piscine rouvrirait en juin."]
FUTURE = ["Programme\nLe reportage sur le port sera diffusé jeudi soir.",
          "Programme\nLa chaîne régionale a diffusé lundi soir le reportage sur le port."]
TWO_THINGS = ["Antenne\nLa chaîne régionale a diffusé lundi un reportage sur le port.",
              "Antenne\nLa chaîne régionale a diffusé mercredi un documentaire sur la forêt."]
TWO_NAMES = ["Enquête\nPaul Vasseur a été interpellé mardi à son domicile.",
             "Enquête\nLuc Bernier a été interpellé jeudi à son domicile."]
TWO_ACTORS = ["Marché\nLa mairie a fermé lundi le marché couvert.",
              "Marché\nLa préfecture a fermé mercredi le marché couvert."]


@functools.cache
def _annotated():
    texts = [*ONE, *SAID, *FUTURE, *TWO_THINGS, *TWO_NAMES, *TWO_ACTORS]
    articles = [Article(id=f"j{i}", source=f"j{i}", text=t) for i, t in enumerate(texts)]
    return dict(zip(texts, annotate(articles, AnnotateConfig()), strict=True))


def story(texts):
    return find_discrepancies([_annotated()[t] for t in texts], [], [], [])


def test_quantities_a_weekday_is_read_with_its_verb_and_object():
    (day,) = find_days(_annotated()[ONE[0]])
    assert (day.text, day.low, day.events) == ("mardi soir", 1, frozenset({"diffuser: reportage"}))


def test_discrepancies_one_broadcast_on_two_days():
    (found,) = story(ONE)
    assert found.kind == "day"
    assert "mardi soir" in found.about and "lundi soir" in found.about
    assert [v.article for v in found.values] == ["j0", "j1"]


@pytest.mark.parametrize("texts", [SAID, FUTURE, TWO_THINGS, TWO_NAMES, TWO_ACTORS],
                         ids=["saying", "future", "two-things", "two-names", "two-actors"])
def test_discrepancies_days_of_what_may_be_two_events_are_not_compared(texts):
    assert story(texts) == ()
