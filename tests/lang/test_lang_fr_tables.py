"""The French tables for typing names: given names from data, institutions, seats, states."""

import pytest

from recoupe.lang.fr import given_names, institutions
from recoupe.text import fold


@pytest.mark.parametrize("name", ["Lucie", "Bastien", "Jean-Marie", "Amina", "Piotr", "Hélène"])
def test_lang_given_names_holds_common_given_names(name):
    assert given_names.fold_name(name) in given_names.given_names()


@pytest.mark.parametrize("word", ["ministère", "conseil", "kremlin", "gouvernement", "x"])
def test_lang_given_names_holds_no_institution_word(word):
    assert given_names.fold_name(word) not in given_names.given_names()


def test_lang_given_names_folds_accents_and_case():
    assert given_names.fold_name("HÉLÈNE") == "helene"


@pytest.mark.parametrize("table", [institutions.SEATS, institutions.FORMER_STATES])
def test_lang_folded_tables_are_written_folded(table):
    assert all(fold(x) == x for x in table)


@pytest.mark.parametrize("table", [institutions.INSTITUTION_HEADS, institutions.MEDIA_HEADS,
                                   institutions.NAME_PARTICLES])
def test_lang_word_tables_are_lower_case(table):
    assert all(w == w.lower() for w in table)


@pytest.mark.parametrize("name, gender", [
    ("Gaspard", "Masc"), ("Margaux", "Fem"),
    # a name some locale gives to men and another to women has no gender
    ("Andrea", None), ("Sacha", None),
])
def test_lang_given_names_gender_only_when_one_gender_holds_it(name, gender):
    from recoupe.lang.fr import given_names

    assert given_names.genders().get(given_names.fold_name(name)) == gender
