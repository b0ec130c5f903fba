"""The ground floor of text keys: fold, fold_words, entity_key, UnionFind."""

from __future__ import annotations

import pytest

from recoupe.lang import agencies
from recoupe.text import UnionFind, entity_key, fold, fold_words, strip_accents


@pytest.mark.parametrize(("text", "expected"), [
    ("Élise Borne", "elise borne"),
    ("Jean-Marc  d’Arvor", "jean marc d arvor"),
    ("M. Dupont", "m dupont"),
    ("ÇA", "ca"),
])
def test_text_fold_is_spelling_blind(text, expected):
    assert fold(text) == expected


def test_text_fold_words_and_accents():
    assert fold_words("Éric a dit : « Oui ! »") == ["eric", "a", "dit", "oui"]
    assert strip_accents("Élysée") == "Elysee"


@pytest.mark.parametrize(("name", "key"), [
    ("Élise Borne", "elise-borne"), ("L'Équipe", "l-equipe"), ("***", "-"),
])
def test_text_entity_key_is_url_safe(name, key):
    assert entity_key(name) == key


def test_text_union_find_joins_and_keeps_the_preferred_root():
    sets = UnionFind(["a", "bbb", "cc"], prefer=lambda x, y: len(x) >= len(y))
    sets.union("a", "cc")
    assert sets.find("a") == "cc"
    sets.union("cc", "bbb")
    assert sets.find("a") == "bbb"
    assert sets.groups() == {"bbb": ["a", "bbb", "cc"]}


def test_text_union_find_default_keeps_the_first_root():
    sets = UnionFind(range(5))
    sets.union(3, 1)
    sets.add(7)
    assert sets.find(1) == 3
    assert sorted(len(g) for g in sets.groups().values()) == [1, 1, 1, 1, 2]


def test_lang_agencies_one_table():
    assert "AFP" in agencies.WIRE and "Agence France-Presse" in agencies.WIRE["AFP"]
    assert set(agencies.PHOTO) <= set(agencies.CREDIT_NAMES)
    assert len(agencies.CREDIT_NAMES) == len(set(agencies.CREDIT_NAMES))


@pytest.mark.parametrize("text, at, words, found", [
    ("La route reste fermée jusqu’au  3 mars.", "3 mars", ("jusqu'au",), True),  # curly
    ("Le stage a lieu à la Martinique.", "Martinique", ("à la",), True),
    ("Le maire de Dole a parlé.", "Dole", ("à", "à la"), False),
    ("Il part de Villa Dole.", "Dole", ("la",), False),  # a whole word, not a word's end
])
def test_text_written_before_reads_the_words_ending_the_text_before_an_offset(text, at, words,
                                                                              found):
    from recoupe.text import written_before

    assert written_before(text, text.index(at), words) is found
