"""The cited summary, on hand-made claims: news first, whole sentences, no repeats, each
citation an article whose own sentence states it, with that sentence's span."""

import time

from recoupe.crosscheck.summary import summarize
from recoupe.model import Claim, ClaimSentence


def claim(cid, sentences, support=None):
    """sentences: (article, text, start) triples."""
    sents = tuple(ClaimSentence(a, t, s, s + len(t)) for a, t, s in sentences)
    n = support or len({a for a, _, _ in sentences})
    return Claim(cid, sents[0].text, tuple(sorted({s.article for s in sents})), n, n, sents)


NEWS = "Un pont s'est effondré lundi sur la rocade nord de Tours."
NEWS_B = "Lundi, un pont de la rocade nord de Tours s'est effondré."
BACKGROUND = "Le pont avait été construit en 1972 par une entreprise locale de Tours."
LATER = "La préfecture a fermé la rocade nord de Tours jusqu'à nouvel ordre."

CLAIMS = [
    # background repeated by three outlets, late in each article
    claim("c1", [("a", BACKGROUND, 400), ("b", BACKGROUND, 380), ("c", BACKGROUND, 500)]),
    # the news, first in two articles
    claim("c2", [("a", NEWS, 0), ("b", NEWS_B, 0)]),
    claim("c3", [("a", LATER, 200), ("c", LATER, 100)]),
    claim("c4", [("c", "Le trafic reprendra sur la rocade nord de Tours.", 0)]),
    claim("c5", [("b", "il a été fermé.", 100)]),  # a fragment
]


def test_summary_puts_the_news_first():
    out = summarize(CLAIMS, sentences=3)
    assert out[0].text in (NEWS, NEWS_B)


def test_summary_sentences_are_whole_and_not_repeated():
    texts = [s.text for s in summarize(CLAIMS, sentences=6)]
    assert "il a été fermé." not in texts
    assert len(texts) == len(set(texts)) and not {NEWS, NEWS_B} <= set(texts)


def test_summary_cites_with_spans_of_each_articles_own_sentence():
    first = summarize(CLAIMS, sentences=1)[0]
    assert first.articles == ("a", "b")
    assert [(s.article, s.start) for s in first.spans] == [("a", 0), ("b", 0)]


def test_summary_scales_past_hundreds_of_claims():
    many = [claim(f"c{i}", [(f"a{i % 40}", f"Le conseil numéro {i} a voté le budget {i}.", i),
                            (f"a{(i + 1) % 40}", f"Le budget {i} est voté par le conseil {i}.", i)])
            for i in range(3000)]
    begin = time.perf_counter()
    out = summarize(many, sentences=6)
    assert len(out) == 6 and time.perf_counter() - begin < 5
