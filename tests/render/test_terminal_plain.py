"""The terminal report as plain wrapped lines: width followed, colour only when asked,
article text never able to forge a line, and the outlet never replaced by a credit (text and
Markdown)."""

from __future__ import annotations

import re

import pytest

from recoupe.model import Article, Brief, Claim, ClaimSentence, Entity, Quote, Story
from recoupe.render import render

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LONG = ("La préfecture a prolongé jusqu'à dimanche soir la fermeture des routes de montagne "
         "après les chutes de neige de la nuit, selon un communiqué publié ce matin.")


def _brief(outlet: str | None = "Le Courrier du Val", credits=("Photo Jean Dupré / AFP",),
           title: str = "Routes fermées dans la vallée") -> Brief:
    a1 = Article("a1", "a1.txt", _LONG, title=title, outlet=outlet, credits=credits,
                 language="fr")
    a2 = Article("a2", "a2.txt", "Les routes restent fermées.", title="Neige",
                 outlet="La Gazette", language="fr")
    claim = Claim("c1", _LONG, ("a1", "a2"), 2, 2, (ClaimSentence("a1", _LONG),))
    quote = Quote("a1:q1", "Nous rouvrirons dès que possible", "direct", "a1", 0, 0, 10,
                  speaker="Marie Lenoir", via="AFP")
    place = Entity("e1", "Col du Lautaret", "LOC", ("col du Lautaret",), ("a1", "a2"), 3)
    story = Story("s1", title, None, None, ("a1", "a2"), (place,), quotes=(quote,),
                  claims=(claim,))
    return Brief((a1, a2), (story,))


@pytest.mark.parametrize("width", [40, 60, 100, 200])
def test_terminal_lines_fit_the_width(width):
    text = render(_brief(title="Titre " + "x" * 300), "text", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "x" * 30 in text.replace("\n", "").replace(" ", "")  # cut, not dropped


def test_terminal_width_follows_the_terminal():
    narrow = render(_brief(), "text", width=50).splitlines()
    wide = render(_brief(), "text", width=160).splitlines()
    assert len(narrow) > len(wide)
    assert any(len(line) > 100 for line in wide)


def test_terminal_wide_characters_count_two_columns():
    text = render(_brief(title="東京 " * 40), "text", width=60)
    for line in text.splitlines():
        cells = sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in line)
        assert cells <= 60


def test_terminal_colour_codes_only_when_asked():
    plain = render(_brief(), "text", width=100)
    coloured = render(_brief(), "text", width=100, color=True)
    assert "\x1b" not in plain
    assert "\x1b[" in coloured
    assert _ANSI.sub("", coloured) == plain


def test_terminal_title_with_new_lines_stays_on_its_line():
    text = render(_brief(title="Routes\nStory s9\nfermées"), "text", width=120)
    assert not any(line.startswith("Story s9") for line in text.splitlines())
    assert "Routes Story s9 fermées" in text


def test_terminal_shows_every_part_of_a_story():
    text = render(_brief(), "text", width=100)
    for expected in ("Col du Lautaret", "2 outlets, 2 indep.", "[1] [2]", "Marie Lenoir",
                     "Nous rouvrirons dès que possible", "(via AFP)"):
        assert expected in text


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_render_outlet_is_never_a_credit(fmt):
    text = render(_brief(outlet=None), fmt, width=200)
    line = next(line for line in text.splitlines() if "a1" in line and "outlet" in line)
    assert "outlet unknown" in line
    # the credit is shown, as a credit, after the outlet
    assert line.index("outlet unknown") < line.index("Photo Jean Dupré")
    assert "outlet / credits" not in text


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_render_outlet_shown_when_known(fmt):
    text = render(_brief(), fmt, width=200)
    line = next(line for line in text.splitlines() if "a1" in line and "Le Courrier" in line)
    assert "outlet unknown" not in line
    assert line.index("Le Courrier du Val") < line.index("Photo Jean Dupré")


def test_terminal_one_outlet_claim_reads_singular():
    brief = _brief()
    story = brief.stories[0]
    sole = Claim("c2", "La route du col reste fermée.", ("a1",), 1, 1,
                 (ClaimSentence("a1", "La route du col reste fermée."),))
    text = render(Brief(brief.articles, (Story(**{**story.__dict__, "claims": (sole,)}),)),
                  "text", width=100)
    assert "(1 outlet, 1 indep.)" in text
    assert "1 outlets" not in text
