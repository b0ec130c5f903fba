"""Renderers: the JSON contract's fields, and untrusted text shown as written everywhere."""

import json

import pytest

from recoupe.model import Article, Brief, Entity, InputProblem, Story
from recoupe.render import FORMATS, render
from recoupe.render.markdown import escape

HOSTILE = "[bold red]boom[/] <script>alert(1)</script> | *x* `y` \x1b[31mROUGE\x1b[0m \u202eevil"


def sample() -> Brief:
    a = Article(id="a1", source="a1.txt", text="Corps.\n\nSuite.", title=HOSTILE,
                published="2024-05-02", outlet="Le Quotidien", language="fr",
                removed=("Partager",), captions=("Une photo",), credits=("AFP",),
                dateline="Dakar")
    e = Entity("e-1", "Macky Sall", "PER", ("M. Sall", "Macky Sall", HOSTILE), ("a1",), 3)
    s = Story("s-1", HOSTILE, "2024-05-02", None, ("a1",), (e,))
    return Brief((a,), (s,), (InputProblem("bad.txt", "file is empty"),))


def test_render_json_follows_the_contract():
    data = json.loads(render(sample(), "json"))
    assert data["format"] == "recoupe.brief/1"
    art = data["articles"][0]
    for key in ("id", "source", "title", "published", "outlet", "language", "text", "removed",
                "captions", "credits", "dateline"):
        assert key in art
    story = data["stories"][0]
    for key in ("id", "title", "when", "where", "articles", "entities", "quotes", "statements",
                "claims", "discrepancies", "timeline", "summary"):
        assert key in story
    assert story["entities"][0] == {"id": "e-1", "name": "Macky Sall", "type": "PER",
                                    "variants": ["M. Sall", "Macky Sall", HOSTILE],
                                    "articles": ["a1"], "mentions": 3}
    assert data["problems"] == [{"source": "bad.txt", "message": "file is empty"}]


def test_render_terminal_shows_markup_as_written():
    out = render(sample(), "text", width=400)
    assert "[bold red]boom[/]" in out
    assert "Macky Sall" in out and "file is empty" in out


def test_render_terminal_colour_does_not_interpret_article_markup():
    out = render(sample(), "text", width=400, color=True)
    assert "[bold red]boom[/]" in out


def test_render_markdown_escapes_html_and_table_breakers():
    out = render(sample(), "md")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "\\| \\*x\\*" in out


@pytest.mark.parametrize("text, expected", [
    ("a|b", "a\\|b"),
    ("<b>", "&lt;b&gt;"),
    ("line\nbreak", "line break"),
    ("[lien](http://x)", "\\[lien\\]\\(http://x\\)"),
])
def test_render_markdown_escape(text, expected):
    assert escape(text) == expected


def test_render_every_format_renders():
    for fmt in FORMATS:
        assert render(sample(), fmt).strip()
    with pytest.raises(ValueError):
        render(sample(), "pdf")


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_render_strips_terminal_control_sequences(fmt):
    out = render(sample(), fmt, width=400)
    assert "\x1b" not in out and "\u202e" not in out
    assert "ROUGE" in out


def test_render_json_keeps_text_exactly():
    data = json.loads(render(sample(), "json"))
    assert data["articles"][0]["title"] == HOSTILE
