"""Opposed acts: two sentences predicating opposed acts of one argument (an offer and its
refusal) state two facts, so they conflict and never share a claim (`anchors.opposed`, read
by `similarity.conflicts`; the pairs are `OPPOSED_ACTS` in lang/fr/propositions)."""

import pytest

from recoupe.crosscheck.anchors import NEGATED, opposed, sentence_anchors
from recoupe.crosscheck.claims import find_claims
from recoupe.crosscheck.similarity import _number_values, conflicts, units_of

from .support import annotated

OFFER = frozenset({("proposer", "club"), ("proposer", "gardien"), ("proposer", "contrat")})
OFFERED = frozenset({("offrir", "club"), ("offrir", "gardien")})
REFUSAL = frozenset({("refuser", "gardien"), ("refuser", "contrat")})
SIGNED = frozenset({("signer", "gardien"), ("signer", "contrat")})
BOTH = frozenset({("proposer", "gardien"), ("refuser", "gardien")})
ANSWERED = frozenset({("proposer", "club"), ("decliner", "gardien")})


@pytest.mark.parametrize("a, b, expected", [
    # an offer and its refusal share their names but state two facts, either way round
    (OFFER, REFUSAL, True),
    (REFUSAL, OFFER, True),
    # another verb of the same act opposes alike
    (OFFERED, REFUSAL, True),
    # an act that is no opposite of the offer ("signer") opposes nothing
    (OFFER, SIGNED, False),
    # the offer told twice is one fact
    (OFFER, OFFERED, False),
    # a sentence saying both acts of the argument opposes neither
    (OFFER, BOTH, False),
    # one that tells the offer in the same words as the other, and its answer, tells it too
    (OFFER, ANSWERED, False),
    # acts of different arguments oppose nothing
    (OFFER, frozenset({("refuser", "maire")}), False),
    (frozenset(), REFUSAL, False),
])
def test_claims_opposed_acts_of_one_argument(a, b, expected):
    assert opposed(a, b, "fr") is expected


@pytest.mark.parametrize("denials, expected", [(True, True), (False, False)])
def test_claims_opposed_denial_only_when_asked(denials, expected):
    met = frozenset({("rencontrer", "syndicat")})
    denied = frozenset({(NEGATED + "rencontrer", "syndicat")})
    assert opposed(met, denied, "fr", denials=denials) is expected
    assert opposed(denied, met, "fr", denials=denials) is expected


TEXTS = {
    "a": "Le club a proposé mardi un contrat de trois ans au gardien de but.",
    "b": "Mardi, le club a proposé au gardien de but un contrat de trois ans.",
    "c": "Le gardien de but a refusé le contrat de trois ans du club mardi.",
}


@pytest.fixture(scope="module")
def articles():
    return annotated(TEXTS)


def test_claims_opposed_refusal_read_from_the_parse(articles):
    keys = [sentence_anchors(a, _number_values(a)).get(0, set()) for a in articles]
    assert ("proposer", "gardien") in keys[0]
    assert ("refuser", "gardien") in keys[2]
    units = {u.article.article.id: u for u in units_of(articles, 1)}
    assert conflicts(units["a"], units["c"])
    assert conflicts(units["c"], units["b"])
    assert not conflicts(units["a"], units["b"])


def test_claims_offer_and_its_refusal_share_no_claim(articles):
    claims = find_claims(articles, ())
    offer = [c for c in claims if {"a", "b"} <= set(c.articles)]
    # the offer told by two outlets is one claim, the refusal stays out of it
    assert len(offer) == 1
    assert "c" not in offer[0].articles
    assert all("c" not in c.articles or len(c.articles) == 1 for c in claims)


MEASURE = {
    "d": "Le père du nageur, arrivé de Lille lundi, a été placé sous contrôle judiciaire mardi.",
    "e": "Le contrôle judiciaire du père du nageur, arrivé de Lille lundi, a été levé mardi.",
}


def test_claims_a_measure_and_its_lifting_share_no_claim():
    # the same long apposition, but one tells the measure, the other its end
    d, e = units_of(annotated(MEASURE), 1)
    assert conflicts(d, e)
