"""The HTML report: self-contained, every untrusted text inert, every citation a live link."""

import re
from html.parser import HTMLParser

import pytest

from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Discrepancy,
    DiscrepancyValue,
    Quote,
    Story,
    SummarySentence,
    TimelineEvent,
)
from recoupe.render import render

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)> & \x1b[31m"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.hrefs, self.srcs = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])


@pytest.fixture
def page():
    a = Article(id="a1", source="a1.html", title=f"Titre {EVIL}", outlet="L'Écho",
                text=f"Le pont a rouvert lundi. {EVIL}\n\nLes travaux ont duré deux mois.")
    b = Article(id="b2", source="b2.txt", text="Le pont a rouvert lundi matin.")
    q = Quote("a1:q1", f"Enfin {EVIL}", "direct", "a1", 0, 0, 5, speaker=f"Paul {EVIL}",
              sentence_text="Le pont a rouvert lundi.")
    claim = Claim("c1", "Le pont a rouvert lundi.", ("a1", "b2"), 2, 2,
                  (ClaimSentence("a1", "Le pont a rouvert lundi."),
                   ClaimSentence("b2", "Le pont a rouvert lundi matin.")))
    story = Story("s-1", "Le pont", "2024-04-08", "Pont Neuf", ("a1", "b2"), (), quotes=(q,),
                  claims=(claim,),
                  discrepancies=(Discrepancy("d1", "how long", "duration",
                                             (DiscrepancyValue("a1", "ont duré deux mois"),
                                              DiscrepancyValue("b2", "rouvert lundi matin"))),),
                  timeline=(TimelineEvent("2024-04-08", "Le pont a rouvert lundi.", ("a1",)),),
                  summary=(SummarySentence("Le pont a rouvert lundi.", ("a1", "b2")),))
    out = render(Brief((a, b), (story,)), "html")
    parser = _Collect()
    parser.feed(out)
    return out, parser


def test_html_article_markup_is_inert_text(page):
    out, parser = page
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "script" not in parser.tags and "img" not in parser.tags
    assert "\x1b" not in out


def test_html_makes_no_external_request(page):
    out, parser = page
    assert not parser.srcs
    assert all(h.startswith("#") for h in parser.hrefs)
    assert "default-src 'none'" in out


def test_html_every_link_has_its_target(page):
    _, parser = page
    targets = {h[1:] for h in parser.hrefs}
    assert targets and targets <= parser.ids


def test_html_cited_sentences_are_highlighted(page):
    out, parser = page
    marks = re.findall(r'<mark id="([^"]+)"[^>]*>([^<]*)</mark>', out)
    assert ("s-a1-1", "Le pont a rouvert lundi.") in marks
    assert any(aid.startswith("s-b2-") for aid, _ in marks)
    assert "#s-b2-1" in parser.hrefs  # the matrix cell of the second outlet links to it


def test_html_coverage_matrix_marks_each_outlet(page):
    out, _ = page
    matrix = out[out.index('class="matrix"'):out.index("</table>", out.index('class="matrix"'))]
    assert matrix.count('class="hit"') == 2
