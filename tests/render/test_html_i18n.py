"""The HTML report's language: that of its articles (French for French articles) unless the
`render.language` setting forces one; quoted article text keeps its own `lang`."""

import dataclasses
import re

import pytest

from recoupe.config import load
from recoupe.model import Article, Brief, Claim, ClaimSentence, Entity, Story, TimelineEvent
from recoupe.render import i18n, render

SENTENCE = "Le marché couvert rouvrira samedi."


def _brief(language: str | None) -> Brief:
    a = Article(id="m1", source="m1.txt", text=SENTENCE, title="Le marché rouvre",
                published="2024-05-02", outlet="La Gazette", language=language)
    b = dataclasses.replace(a, id="m2", source="m2.txt", outlet="Le Courrier")
    claim = Claim("c1", SENTENCE, ("m1", "m2"), 2, 2,
                  (ClaimSentence("m1", SENTENCE), ClaimSentence("m2", SENTENCE)))
    story = Story("s1", "Le marché rouvre", "2024-05-04", "Halle", ("m1", "m2"),
                  claims=(claim,), timeline=(TimelineEvent("2024-05-04", SENTENCE, ("m1",)),))
    return Brief((a, b), (story,))


def _lang(html: str) -> str:
    return re.search(r'<html lang="(\w+)">', html).group(1)


@pytest.mark.parametrize("articles, setting, fallback, lang, heading", [
    ("fr", "auto", None, "fr", "Chronologie"),
    ("fr-FR", "auto", None, "fr", "Chronologie"),
    ("en", "auto", "fr", "en", "Timeline"),
    (None, "auto", "fr", "fr", "Chronologie"),  # the articles do not say: clean.language
    (None, "auto", "en", "en", "Timeline"),
    ("fr", "en", None, "en", "Timeline"),  # the setting forces it
    ("en", "fr", None, "fr", "Chronologie"),
])
def test_render_html_report_language(articles, setting, fallback, lang, heading):
    html = render(_brief(articles), "html", language=setting, fallback_language=fallback)
    assert _lang(html) == lang
    assert f"<h3>{heading}</h3>" in html


def test_render_html_report_in_french_reads_french():
    html = render(_brief("fr"), "html")
    assert "<title>Synthèse recoupe\u00a0: Le marché rouvre</title>" in html
    assert "2 articles, 1 sujet" in html
    assert "Couverture\u00a0: affirmations par article" in html
    assert "<h2>Sources</h2>" in html and "Timeline" not in html


def test_render_html_quoted_text_keeps_its_language_under_english_chrome():
    html = render(_brief("fr"), "html", language="en")
    assert _lang(html) == "en"
    assert re.search(rf'<td lang="fr">{SENTENCE}</td>', html)  # claim and timeline
    assert re.search(r'<div class="article" id="text-m1" lang="fr">', html)
    assert '<h2 lang="fr">Le marché rouvre</h2>' in html


def test_render_language_setting_defaults_to_auto_and_loads():
    assert load().render.language == "auto"
    assert load(overrides=["render.language=en"]).render.language == "en"


@pytest.mark.parametrize("about, french", [
    ("wording of Jeanne Morel's statement: le chantier avance",
     "formulation de la déclaration de Jeanne Morel\u00a0: le chantier avance"),
    ("wording of a speaker's statement: le chantier avance",
     "formulation d'une déclaration\u00a0: le chantier avance"),
    ("how many (blessés): 3 blessés / quatre blessés",
     "combien (blessés)\u00a0: 3 blessés / quatre blessés"),
    ("how long (travaux): deux mois / trois mois",
     "combien de temps (travaux)\u00a0: deux mois / trois mois"),
    ("where Vernon / Giverny lies: NW / SE", "où se trouve Vernon / Giverny\u00a0: NO / SE"),
    ("une phrase d'une autre forme", "une phrase d'une autre forme"),
])
def test_render_difference_about_is_translated(about, french):
    assert i18n.about(about, i18n.translations("fr").gettext) == french
    assert i18n.about(about, i18n.translations("en").gettext) == about


def test_render_entity_types_are_named_in_the_report_language():
    brief = _brief("fr")
    story = dataclasses.replace(brief.stories[0], entities=(
        Entity("e-1", "Jeanne Morel", "PER", ("Jeanne Morel",), ("m1",), 1),
        Entity("e-2", "Halle", "LOC", ("Halle",), ("m1",), 1)))
    brief = dataclasses.replace(brief, stories=(story,))
    french = render(brief, "html")
    assert "<td>personne</td>" in french and "<td>lieu</td>" in french
    english = render(brief, "html", language="en")
    assert "<td>person</td>" in english and "<td>place</td>" in english
