"""Web pages: main text by trafilatura, metadata from the page, then the same line cleaner."""

import pytest

from recoupe.errors import InputError

from .support import run

P1 = ("Le conseil municipal a voté jeudi soir la rénovation complète de la piscine "
      "municipale, fermée depuis deux ans pour des raisons de sécurité.")
P2 = ("Les travaux devraient commencer au printemps et durer dix-huit mois, selon le maire, "
      "qui promet une réouverture avant l'été suivant.")
PAGE = f"""<!DOCTYPE html><html lang="fr-FR"><head>
<title>La piscine va être rénovée | Le Journal de la Ville</title>
<meta property="og:title" content="La piscine va être rénovée">
<meta property="og:site_name" content="Le Journal de la Ville">
<meta name="author" content="Marie Lefort">
<meta property="article:published_time" content="2022-05-12T08:00:00+02:00">
</head><body><header><nav><a href="/">Accueil</a> <a href="/ville">Ville</a></nav></header>
<article><h1>La piscine va être rénovée</h1>
<p>Mis à jour le 13/05/2022 à 09:12</p><p>{P1}</p><p>À lire aussi :</p><p>{P2}</p>
<p>Partager sur Facebook</p></article>
<footer>Inscrivez-vous à notre newsletter</footer></body></html>"""


def test_clean_html_extracts_text_and_metadata():
    article = run(PAGE, kind="html")
    assert article.text == f"{P1}\n\n{P2}"
    assert article.title == "La piscine va être rénovée"
    assert article.published == "2022-05-12"
    assert article.outlet == "Le Journal de la Ville"
    assert article.language == "fr"
    assert "Marie Lefort" in article.credits
    assert "À lire aussi :" in article.removed
    assert "Partager sur Facebook" in article.removed


def test_clean_html_given_metadata_wins():
    article = run(PAGE, kind="html", title="Titre du flux", published="2022-01-01",
                  outlet="Agrégateur", language="fr")
    assert (article.title, article.published, article.outlet) == (
        "Titre du flux", "2022-01-01", "Agrégateur")


@pytest.mark.parametrize("page", [
    "",
    "<html><head><title>Vide</title></head><body></body></html>",
    "<html><body><script>var x = 1;</script></body></html>",
])
def test_clean_html_without_text_is_an_input_error(page):
    with pytest.raises(InputError) as err:
        run(page, kind="html")
    assert err.value.source == "t.txt"
    assert "no article text" in err.value.message
