"""The French tables for reported speech: words are lower case, patterns match what they
say they match, on sentences written for these tests."""

import re

import pytest

from recoupe.annotate.attribution import _acronyms
from recoupe.lang.fr import attribution as words


@pytest.mark.parametrize("table", [
    words.VERBS, words.DOCUMENT_NOUNS, words.ON_AT, words.TIME_WORDS, words.ACRONYM_SKIP,
    words.CONTRACTED_ARTICLES, words.UNNAMED_SOURCES, words.DESCRIPTIONS,
    words.POSSESSIVES, words.CRITERION_NOUNS, words.WISH_VERBS, words.NEGATION_PARTS,
    words.CHARGE_CUES, words.TERM_DETERMINERS, words.NAME_DETERMINERS,
    words.NAMED_BODY_NOUNS, words.EDITORIAL_LABELS, words.MEDIA_BEFORE_NAME,
])
def test_lang_attribution_tables_are_lower_case(table):
    assert all(w == w.lower() for w in table)


@pytest.mark.parametrize("text, first_person", [
    ("J'ai eu très peur.", True),
    ("Je ne céderai pas.", True),
    ("C'est mon dernier mot.", True),
    ("On m'a prévenu trop tard.", True),
    ("Nous ne céderons pas.", False),
    ("La marge reste mince.", False),
    ("Les mesures sont prêtes.", False),
])
def test_lang_attribution_first_person_finds_je_and_its_forms(text, first_person):
    assert bool(re.search(words.FIRST_PERSON, text)) is first_person


@pytest.mark.parametrize("determiner, gender", [("le", "Masc"), ("la", "Fem"),
                                                ("cette", "Fem"), ("l'", "")])
def test_lang_attribution_determiner_gender(determiner, gender):
    assert words.DETERMINER_GENDER.get(determiner, "") == gender


@pytest.mark.parametrize("text, acronyms", [
    ("L'Association des usagers du rail (Audr) a publié son bilan.", {"Audr"}),
    ("Selon l'Agence nationale pour l'emploi (ANPE), le chômage baisse.", {"ANPE"}),
    ("La CGT (Confédération générale du travail) a appelé à la grève.", {"CGT"}),
    ("Le Comité international olympique (CIO) a tranché.", {"CIO"}),
    ("Il est parti à Lyon (Rhône) mardi.", set()),  # a département, not an acronym
    ("La Ligue des droits (Paris) a protesté.", set()),  # letters that are no initials
])
def test_annotate_acronyms_spelled_out_in_parentheses(text, acronyms):
    assert _acronyms(text, words) == acronyms
