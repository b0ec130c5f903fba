"""The web story and article pages: the coverage matrix (corroborated claims by default, all on
`?claims=all`, most supported first), statements side by side with their speaker linked, the
story's charts, and an article's highlights coloured by support with a legend."""

import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from recoupe.web import create_app
from tests.render.story_brief import SPEAKER, WORDINGS, big_brief, fact

from .conftest import ENGLISH
from .support import FakeCorpus, hostile_brief


@pytest.fixture(scope="module")
def web():
    return TestClient(create_app(FakeCorpus([big_brief(), hostile_brief()],
                                            copy_of={"a01": "a00"})), headers=ENGLISH)


def _matrix_rows(html: str) -> list[str]:
    """The claim texts of the matrix rows, in order."""
    table = html[html.index('<table class="matrix">'):]
    table = table[:table.index("</table>")]
    return re.findall(r'<td class="claim"[^>]*>([^<]*)<', table)


def test_web_story_matrix_shows_corroborated_claims_by_default(web):
    brief = big_brief()
    claims = brief.stories[0].claims
    html = web.get("/story/s-big").text
    rows = _matrix_rows(html)
    assert len(rows) == sum(c.support >= 2 for c in claims)
    assert 'href="?claims=all#coverage"' in html
    every = _matrix_rows(web.get("/story/s-big?claims=all").text)
    assert len(every) == len(claims)
    assert 'href="?claims=corroborated#coverage"' in web.get("/story/s-big?claims=all").text


def test_web_story_matrix_is_sorted_by_support(web):
    support = {c.text: c.support for c in big_brief().stories[0].claims}
    rows = _matrix_rows(web.get("/story/s-big?claims=all").text)
    assert [support[r] for r in rows] == sorted((support[r] for r in rows), reverse=True)
    assert rows[0] == fact(0)


def test_web_story_matrix_has_sticky_parts_in_its_own_box(web):
    html = web.get("/story/s-big").text
    assert '<div class="scroll matrix-box">' in html
    assert '<thead><tr><th class="claim">' in html


def test_web_story_statement_shows_speaker_outlets_and_wordings(web):
    html = web.get("/story/s-big").text
    section = html[html.index('<section id="statements">'):]
    section = section[:section.index("</section>")]
    assert f'<a class="speaker" href="/entity/elise-borne">{SPEAKER}</a>' in section
    assert len(re.findall(r'<blockquote class="side"[ >]', section)) == 3
    for n, words in enumerate(WORDINGS):
        assert f"« {escape(words)} »" in section
        assert f"La Gazette régionale numéro {n}" in section
    assert "(st1)" not in html  # no bare tag: a link to the statement
    assert 'href="#s-big-st1"' in html and 'id="s-big-st1"' in html


def test_web_story_speakers_link_to_their_entity_only(web):
    quotes = web.get("/story/s-big").text
    quotes = quotes[quotes.index('<section id="quotes">'):]
    assert f'<h4><a class="speaker" href="/entity/elise-borne">{SPEAKER}</a></h4>' in quotes
    assert "<h4>le maire</h4>" in quotes  # a role, not an entity: no link


def test_web_story_charts_have_text_alternatives(web):
    html = web.get("/story/s-big").text
    for kind in ("coverage", "support", "timeline"):
        svg = re.search(rf'<svg class="chart chart-{kind}"[^>]*aria-label="([^"]+)"', html)
        assert svg and svg.group(1), kind
    # the coverage bar: 24 outlets, one near-copy folded (a01 copies a00)
    assert "24 outlets" in html and "23 independent sources" in html


def test_web_story_differences_side_by_side(web):
    html = web.get("/story/s-big").text
    diff = html[html.index('<div class="discrepancy">'):]
    assert diff[:diff.index("</div>\n</div>")].count('<div class="side" lang="fr">') == 3


def _marks(html: str) -> dict[str, str | None]:
    return {text: level for level, text in
            re.findall(r'<mark id="[^"]+"(?: class="sup-(\w+)")?>([^<]*)</mark>', html)}


def test_web_article_highlights_are_coloured_by_support(web):
    claims = {c.text: c for c in big_brief().stories[0].claims}
    marks = _marks(web.get("/article/a03").text)
    alone = fact(3)  # claim 3 is carried by article a03 alone
    assert claims[alone].support == 1 and marks[alone] == "one"
    assert marks[fact(0)] == "independent"


def test_web_article_single_outlet_claim_is_not_shown_as_confirmed():
    """The hostile story: c2 is said by one outlet only; c1 by three outlets, two independent."""
    client = TestClient(create_app(FakeCorpus([hostile_brief()])), headers=ENGLISH)
    marks = _marks(client.get("/article/evil-1").text)
    assert marks["Élise Borne a salué la fin des travaux."] == "one"
    assert marks["Le pont du Nord a rouvert lundi."] == "independent"


def test_web_article_has_a_legend_and_its_entities_linked(web):
    html = web.get("/article/a00").text
    legend = html[html.index('<p class="highlight-legend">'):]
    legend = legend[:legend.index("</p>")]
    for level in ("independent", "several", "one"):
        assert f'class="sup-{level}"' in legend
    entities = html[html.index('<section id="entities">'):]
    assert f'<a href="/entity/elise-borne">{SPEAKER}</a>' in entities
    assert "Mme Borne" not in _marks(html)  # spellings listed on the entity page, not here


def test_web_story_pages_keep_the_claims_switch():
    brief = big_brief(n_articles=52, n_claims=52)  # claim 51: a51 alone, on page 2
    client = TestClient(create_app(FakeCorpus([brief])), headers=ENGLISH)
    html = client.get("/story/s-big?page=2&claims=all").text
    assert 'href="?page=1&amp;claims=all#articles"' in html
    assert 'href="?page=2&amp;claims=corroborated#coverage"' in html
