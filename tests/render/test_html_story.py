"""The HTML report's story: every claim in the matrix, single-outlet ones hidden behind a
CSS-only switch, most supported first; statements side by side with their speaker anchored
to the entity's row; charts with words; highlights coloured by support."""

import re

import pytest
from markupsafe import escape

from recoupe.render import render
from tests.render.story_brief import SPEAKER, WORDINGS, big_brief, fact


@pytest.fixture(scope="module")
def report():
    return render(big_brief(), "html", language="en")


def test_html_story_matrix_holds_every_claim_single_ones_hidden_by_css(report):
    claims = big_brief().stories[0].claims
    rows = re.findall(r'<tr class="sup-(\w+)( single)?"><td class="claim"[^>]*>([^<]*)<', report)
    assert len(rows) == len(claims)
    single = {text for _, flag, text in rows if flag}
    assert single == {c.text for c in claims if c.support == 1}
    assert '<input type="checkbox" class="show-all" id="all-s-big">' in report
    assert '<label class="switch" for="all-s-big">' in report
    assert "table.matrix tr.single { display: none; }" in report
    assert "input.show-all:checked ~ .matrix-box tr.single { display: table-row; }" in report
    assert "<script" not in report


def test_html_story_matrix_is_sorted_by_support(report):
    support = {c.text: c.support for c in big_brief().stories[0].claims}
    rows = re.findall(r'<td class="claim"[^>]*>([^<]*)<', report)
    assert [support[r] for r in rows] == sorted((support[r] for r in rows), reverse=True)
    assert rows[0] == fact(0)


def test_html_story_statement_side_by_side_speaker_anchored(report):
    section = report[report.index('<div class="statement" id="s-big-st1">'):]
    section = section[:section.index("</div>\n</div>")]
    assert f'<a class="speaker" href="#ent-s-big-elise-borne">{SPEAKER}</a>' in section
    assert len(re.findall(r'<blockquote class="side"[ >]', section)) == 3
    for words in WORDINGS:
        assert f"« {escape(words)} »" in section
    assert '<tr id="ent-s-big-elise-borne">' in report
    assert 'href="#s-big-st1"' in report


def test_html_story_charts_have_words(report):
    for kind in ("support", "timeline"):
        assert re.search(rf'<svg class="chart chart-{kind}"[^>]*aria-label="[^"]+"', report)
    assert "<title>" in report


def test_html_story_highlights_by_support_with_legend(report):
    marks = {text: level for level, text in
             re.findall(r'<mark id="[^"]+"(?: class="sup-(\w+)")?>([^<]*)</mark>', report)}
    assert marks[fact(3)] == "one" and marks[fact(0)] == "independent"
    assert '<p class="highlight-legend">' in report
