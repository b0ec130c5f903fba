"""Annotation on hand-made French text: language, sentences, tokens and mentions line up."""

import pytest

from recoupe.annotate import annotate
from recoupe.annotate.language import detect_language
from recoupe.config import AnnotateConfig
from recoupe.model import Article

TEXT = ("Grève à la SNCF\n"
        "La ministre Élisabeth Borne a reçu mardi les syndicats à Matignon. "
        "Elle a promis une réponse rapide.\n\n"
        "Les cheminots de Marseille restent mobilisés.")


@pytest.mark.parametrize("text, code", [
    ("Le conseil municipal a voté hier soir le budget de la ville pour l'année prochaine.", "fr"),
    ("The city council voted last night on next year's budget after a long debate.", "en"),
    ("El consejo municipal votó anoche el presupuesto de la ciudad para el próximo año.", "es"),
    ("Der Stadtrat hat gestern Abend über den Haushalt für das kommende Jahr abgestimmt.", "de"),
])
def test_annotate_detects_the_language(text, code):
    assert detect_language(text) == code


def test_annotate_language_is_undecided_on_too_little_text():
    assert detect_language("Ok.") is None


@pytest.fixture(scope="module")
def annotated():
    return annotate([Article(id="t", source="t", text=TEXT)], AnnotateConfig())[0]


def test_annotate_line_breaks_end_sentences(annotated):
    texts = [s.text for s in annotated.sentences]
    assert texts[0] == "Grève à la SNCF"
    assert "Elle a promis une réponse rapide." in texts
    assert texts[-1] == "Les cheminots de Marseille restent mobilisés."


def test_annotate_offsets_point_into_the_text(annotated):
    for s in annotated.sentences:
        assert TEXT[s.start:s.end] == s.text
    for m in annotated.mentions:
        assert TEXT[m.start:m.end] == m.text
        sentence = annotated.sentences[m.sentence]
        assert sentence.start <= m.start < sentence.end
    for t in annotated.tokens:
        assert TEXT[t.start:t.start + len(t.text)] == t.text
        assert 0 <= t.head < len(annotated.tokens)


def test_annotate_finds_people_and_places(annotated):
    found = {(m.text, m.label) for m in annotated.mentions}
    assert ("Élisabeth Borne", "PER") in found
    assert any(text == "Marseille" for text, _ in found)
    assert annotated.language == "fr" and annotated.article.language == "fr"


def test_annotate_keeps_a_given_language_and_order():
    arts = [Article(id=str(i), source="x", text=f"Le maire numéro {i} a parlé.", language="fr")
            for i in range(3)]
    out = annotate(arts, AnnotateConfig())
    assert [a.article.id for a in out] == ["0", "1", "2"]
