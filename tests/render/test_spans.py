"""Citation spans: a cited sentence is highlighted where the brief says it stands, not where
its text first occurs (issue 10)."""

import re

import pytest

from recoupe.model import Article, Brief, Claim, ClaimSentence, Span, Story, SummarySentence
from recoupe.render import render
from recoupe.render.htmlparts import Cited, pieces, used_sentences

TWICE = "Le marché est fermé."
TEXT = f"{TWICE} Les étals sont vides.\n\nLe maire a tranché. {TWICE} Il rouvrira en mai."
SECOND = TEXT.index(TWICE, 1)


def story(start):
    claim = Claim("c1", TWICE, ("a1",), 1, 1,
                  (ClaimSentence("a1", TWICE, start, start + len(TWICE)),))
    summary = SummarySentence(TWICE, ("a1",), (Span("a1", start, start + len(TWICE)),))
    return Story("s-1", "Le marché", None, None, ("a1",), claims=(claim,), summary=(summary,))


@pytest.mark.parametrize("start", [0, SECOND])
def test_render_spans_highlight_the_cited_occurrence(start):
    article = Article(id="a1", source="a1.txt", text=TEXT)
    parts, anchors = pieces(article, used_sentences(story(start))["a1"])
    marked = [(p.anchor, p.text) for p in parts if p.anchor]
    assert [t for _, t in marked] == [TWICE]
    before = "".join(p.text for p in parts[:[p.anchor for p in parts].index(marked[0][0])])
    assert len(before) == start and anchors[start] == marked[0][0]


def test_render_spans_link_citations_to_the_cited_occurrence():
    article = Article(id="a1", source="a1.txt", text=TEXT)
    out = render(Brief((article,), (story(SECOND),)), "html")
    marks = re.findall(r'<mark id="([^"]+)"[^>]*>([^<]*)</mark>', out)
    assert len(marks) == 1 and marks[0][1] == TWICE
    # every citation of the sentence (summary, coverage matrix) points at that mark
    assert out.count(f'href="#{marks[0][0]}"') == 2
    head = out[:out.index(f'<mark id="{marks[0][0]}"')]
    assert head.rstrip().endswith("Le maire a tranché.")


@pytest.mark.parametrize("cited, want", [
    (Cited(TWICE), (0, len(TWICE))),  # text alone: its first place
    (Cited(TWICE, near=SECOND + 3), (SECOND, SECOND + len(TWICE))),  # a quote inside it
    (Cited(TWICE, SECOND, SECOND + len(TWICE)), (SECOND, SECOND + len(TWICE))),
    (Cited(None, SECOND, SECOND + len(TWICE)), (SECOND, SECOND + len(TWICE))),
    (Cited("Une autre phrase.", SECOND), None),  # offsets that do not hold the text
])
def test_render_spans_cited_sentence_is_found(cited, want):
    assert cited.span(TEXT) == want


def test_render_spans_timeline_and_differences_mark_the_cited_occurrence():
    from recoupe.model import Discrepancy, DiscrepancyValue, TimelineEvent

    article = Article(id="a1", source="a1.txt", text=TEXT)
    end = SECOND + len(TWICE)
    timeline = (TimelineEvent("2024-05-02", TWICE, ("a1",), spans=(Span("a1", SECOND, end),)),)
    differ = (Discrepancy("d1", "how long", "duration",
                          (DiscrepancyValue("a1", TWICE, SECOND, end),)),)
    st = Story("s-1", "Le marché", None, None, ("a1",), timeline=timeline,
               discrepancies=differ)
    out = render(Brief((article,), (st,)), "html")
    marks = re.findall(r'<mark id="([^"]+)"[^>]*>([^<]*)</mark>', out)
    assert len(marks) == 1 and marks[0][1] == TWICE
    head = out[:out.index(f'<mark id="{marks[0][0]}"')]
    assert head.rstrip().endswith("Le maire a tranché.")
    assert out.count(f'href="#{marks[0][0]}"') == 2  # the timeline's and the difference's
