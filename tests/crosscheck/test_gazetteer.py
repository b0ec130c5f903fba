"""Gazetteer: country names in several languages and forms meet on one ISO code."""

import pytest

from recoupe.crosscheck.gazetteer import country_code, country_name, fold, is_place


@pytest.mark.parametrize("name, language, code", [
    ("Pays-Bas", "fr", "NL"),
    ("Royaume des Pays-Bas", "fr", "NL"),
    ("Netherlands", "fr", "NL"),
    ("Côte d'Ivoire", "fr", "CI"),
    ("Cote d’Ivoire", "fr", "CI"),
    ("République de Corée", "fr", "KR"),
    ("Fédération de Russie", "fr", "RU"),
    ("Alemania", "es", "DE"),
    ("Mongolie-Intérieure", "fr", None),
    ("Paris", "fr", None),
])
def test_gazetteer_country_code(name, language, code):
    assert country_code(name, language) == code


def test_gazetteer_country_name_is_the_cldr_short_name():
    assert country_name("KR", "fr") == "Corée du Sud"
    assert country_name("DE", "en") == "Germany"


@pytest.mark.parametrize("name, known", [
    ("Marseille", True), ("Nairobi", True), ("Pékin", True), ("Oregon", True),
    ("Macron", False), ("Zelensky", False),
])
def test_gazetteer_is_place(name, known):
    assert is_place(name) is known


def test_gazetteer_fold_is_spelling_blind():
    assert fold("Jean-Luc  MÉLENCHON") == fold("jean luc melenchon") == "jean luc melenchon"
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire")
