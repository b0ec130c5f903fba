"""The outlet is the publisher: the container's field, the page's site, the URL's host, or a
medium signing the text; never a credit of a wire or of a photographer."""

import pytest

from .support import run

_TEXT = ("Le budget voté\nLe conseil municipal a adopté jeudi soir le budget de l'année "
         "prochaine après un long débat.")


@pytest.mark.parametrize("credit", ["Photo : JEAN DUPONT / POOL / AFP", "Avec AFP", "(Reuters)",
                                    "AFP", "Par Jean Dupont", "Crédit photo : Kyodo",
                                    "AVEC LUCIE GARNIER"])
def test_clean_outlet_never_comes_from_a_credit(credit):
    a = run(f"{_TEXT}\n{credit}")
    assert a.outlet is None
    assert a.credits  # the credit is kept as a credit


@pytest.mark.parametrize("signature, outlet", [
    ("AVEC RADIO NORD", "RADIO NORD"),
    ("Source : La Gazette du Nord", "La Gazette du Nord"),
    ("Avec Nord Info", "Nord Info"),
])
def test_clean_outlet_from_a_medium_signing_the_text(signature, outlet):
    a = run(f"{_TEXT}\n{signature}")
    assert a.outlet == outlet
    assert signature not in a.text


def test_clean_outlet_from_two_signing_media_is_unknown():
    assert run(f"{_TEXT}\nAVEC RADIO NORD\nSource : La Gazette du Sud").outlet is None


def test_clean_outlet_of_a_text_with_no_publisher_is_none():
    assert run(_TEXT).outlet is None


def test_clean_outlet_from_the_url_host():
    a = run(_TEXT, url="https://www.gazette-exemple.fr/politique/budget.html")
    assert a.outlet == "gazette-exemple.fr"


def test_clean_outlet_the_container_gave_wins():
    a = run(f"{_TEXT}\nAVEC RADIO NORD", outlet="Le Petit Journal",
            url="https://gazette-exemple.fr/a")
    assert a.outlet == "Le Petit Journal"
