"""The terminal report of a long story: lists cut with a count and a pointer to the formats
that show everything, the claims several outlets carry first."""

from __future__ import annotations

from recoupe.model import Article, Brief, Claim, ClaimSentence, Story
from recoupe.render import render


def _brief(n_claims: int) -> Brief:
    articles = (Article("a1", "a1", "x", outlet="Le Matin"), Article("a2", "a2", "y"))
    claims = tuple(
        Claim(f"c{k}", f"Phrase numéro {k} du récit.", ("a1", "a2") if k % 50 == 7 else ("a1",),
              2 if k % 50 == 7 else 1, 2 if k % 50 == 7 else 1,
              (ClaimSentence("a1", f"Phrase numéro {k} du récit."),))
        for k in range(n_claims))
    return Brief(articles, (Story("s1", "Un récit", None, None, ("a1", "a2"), claims=claims),))


def test_terminal_long_lists_are_cut_with_a_count_and_a_pointer():
    text = render(_brief(400), "text", width=120)
    assert "and 375 more claims" in text and "--format md, html or json" in text
    shown = [line for line in text.splitlines() if "Phrase numéro" in line]
    assert len(shown) == 25
    # the eight claims two outlets carry come before the others
    assert all(f"numéro {k} " in "".join(shown[:8]) for k in range(7, 400, 50))


def test_terminal_short_lists_say_nothing_more():
    text = render(_brief(10), "text", width=120)
    assert "more claims" not in text
