"""The French nationality table: every inflected demonym leads back to one country."""

from __future__ import annotations

import pytest

from recoupe.lang.fr import nationalities


@pytest.mark.parametrize("form, base", [
    ("belge", "belge"), ("belges", "belge"), ("américaine", "américain"),
    ("américains", "américain"), ("italienne", "italien"), ("français", "français"),
    ("française", "français"), ("grecque", "grec"), ("turques", "turc"),
])
def test_nationalities_forms_lead_to_the_masculine_singular(form, base):
    assert nationalities.forms()[form] == base


def test_nationalities_every_demonym_has_a_country():
    assert all(country for country in nationalities.DEMONYMS.values())
    assert set(nationalities.forms().values()) == set(nationalities.DEMONYMS)
