"""Metadata kept out of the body: dates, datelines, credits, captions, title."""

import pytest

from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.model import RawDoc

from .support import CLOSE, LEDE, run

PUBLISHED = [
    ("13/09/2023", "2023-09-13"),
    ("18:0502/03/2021, Tuesday", "2021-03-02"),
    ("Publié le 5 janvier 2022 à 10h15", "2022-01-05"),
    ("Publié le 04/05/2022, mis à jour le 06/05/2022", "2022-05-04"),
    ("Mis à jour le 6 mai 2022", "2022-05-06"),
    ("2022-05-06", "2022-05-06"),
    ("Mercredi 1er mars 2023", "2023-03-01"),
    ("Publié le 14/09/2023 à 10:30 par Jean Dupont", "2023-09-14"),
    ("Published: September 14, 2023", "2023-09-14"),
    # a form the explicit patterns miss, left to dateparser
    ("Publié le 14-sept-2023", "2023-09-14"),
]


@pytest.mark.parametrize(("stamp", "iso"), PUBLISHED)
def test_clean_reads_publication_date_from_stamp(stamp, iso):
    article = run(f"Le budget voté\n{stamp}\n{LEDE}\n{CLOSE}")
    assert article.published == iso
    assert stamp in article.removed


def test_clean_prefers_publication_over_update_stamp():
    text = f"Le budget voté\nMAJ : 07/05/2022\nPublié le 04/05/2022\n{LEDE}"
    assert run(text).published == "2022-05-04"


def test_clean_does_not_date_from_body_dates():
    text = f"Le budget voté\n{LEDE}\nLa séance du 14 juillet 2021 avait été reportée."
    assert run(text).published is None


DATELINES = [
    # (line, place, published, credit, text left in the paragraph)
    ("Dakar, 3 mars 2021.", "Dakar", "2021-03-03", None, None),
    ("Genève, le 12 janvier 2022", "Genève", "2022-01-12", None, None),
    ("BRUXELLES (AFP) -", "Bruxelles", None, "AFP", None),
    ("SAINT-DENIS (Reuters) - Le préfet a levé l'alerte.", "Saint-Denis", None, "Reuters",
     "Le préfet a levé l'alerte."),
    ("Montréal, 4 juin 2020 (AFP) – Les pompiers ont maîtrisé le feu.", "Montréal",
     "2020-06-04", "AFP", "Les pompiers ont maîtrisé le feu."),
    ("Niamey, le 2 mai 2022 (Agence Savane Info) – Le marché a rouvert.", "Niamey",
     "2022-05-02", "Agence Savane Info", "Le marché a rouvert."),
    ("(AFP) - Le marché a rouvert.", None, None, "AFP", "Le marché a rouvert."),
    ("Kinshasa, 14 sept. (ACP).- Le marché a rouvert.", "Kinshasa", None, "ACP",
     "Le marché a rouvert."),
]


@pytest.mark.parametrize(("line", "place", "iso", "credit", "left"), DATELINES)
def test_clean_reads_dateline(line, place, iso, credit, left):
    article = run(f"Le budget voté\n{line}\n{LEDE}")
    assert article.dateline == place
    assert article.published == iso
    if credit:
        assert credit in article.credits
    if left:
        assert article.text.startswith(left)
    assert line.split(" - ")[0].split(" – ")[0] not in article.text


CREDITS = [
    ("AFP", "AFP"),
    ("(Reuters)", "Reuters"),
    ("Avec AFP", "AFP"),
    ("(avec AP)", "AP"),
    ("Belga/ANP", "Belga/ANP"),
    ("AVEC RADIO NORD", "RADIO NORD"),
    ("Source : Agence France-Presse", "Agence France-Presse"),
    ("Par Jeanne Martin", "Jeanne Martin"),
    ("Rédigé par Paul Durand, édité par Léa Petit", "Rédigé par Paul Durand, édité par Léa Petit"),
    ("La Gazette avec AFP", "La Gazette avec AFP"),
    ("Par Jean Dupont et Marie Curie", "Jean Dupont et Marie Curie"),
    ("La Gazette avec agences", "La Gazette avec agences"),
    ("(Photo by Anna Smith/Getty Images)", "Getty Images"),
    ("— AFP", "AFP"),
    ("(Agence de presse Savane)", "Agence de presse Savane"),
    ("Auteur : Jean Dupont", "Auteur : Jean Dupont"),
]


@pytest.mark.parametrize(("line", "credit"), CREDITS)
def test_clean_reads_credit_line(line, credit):
    article = run(f"Le budget voté\n{LEDE}\n{CLOSE}\n{line}")
    assert credit in article.credits
    assert line in article.removed
    assert line not in article.text


CAPTIONS = [
    # (lines, caption, credit)
    (["Le maire (à droite) inaugure la médiathèque, samedi. Photo : Jean Dupont"],
     "Le maire (à droite) inaugure la médiathèque, samedi.", "Jean Dupont"),
    (["La façade rénovée de la mairie. Crédit photo: LUC BLANC / AFP"],
     "La façade rénovée de la mairie.", "LUC BLANC / AFP"),
    (["Des manifestants devant la préfecture, mardi. |", "Photo : Sipa |"],
     "Des manifestants devant la préfecture, mardi.", "Sipa"),
    (["Vue aérienne du nouveau quartier", "© Maxppp"], "Vue aérienne du nouveau quartier",
     "Maxppp"),
    (["Les deux ministres (au centre) lors du sommet. (Source : Élysée) |"],
     "Les deux ministres (au centre) lors du sommet.", "Élysée"),
    (["Les deux ministres (au centre) lors du sommet. (Source : Élysée)"],
     "Les deux ministres (au centre) lors du sommet.", "Élysée"),
    (["La façade de la mairie, rénovée. Photo AFP"], "La façade de la mairie, rénovée.", "AFP"),
    (["L'adjointe aux finances présente le budget (Photo Ouest Matin)"],
     "L'adjointe aux finances présente le budget", "Ouest Matin"),
]


@pytest.mark.parametrize(("lines", "caption", "credit"), CAPTIONS)
def test_clean_reads_caption(lines, caption, credit):
    body = "\n".join(lines)
    article = run(f"Le budget voté\n{LEDE}\n{body}\n{CLOSE}")
    assert article.captions == (caption,)
    assert credit in article.credits
    for line in lines:
        assert line in article.removed
    assert caption not in article.text
    assert LEDE in article.text and CLOSE in article.text


def test_clean_keeps_a_repeated_caption_once():
    line = "Le pont reconstruit, vu depuis la rive gauche. Crédit photo: ANNE ROY / AFP"
    article = run(f"Le budget voté\n{line}\n{line}\n{LEDE}")
    assert article.captions == ("Le pont reconstruit, vu depuis la rive gauche.",)
    assert article.removed.count(line) == 2


def test_clean_keeps_paragraph_above_a_lone_credit():
    article = run(f"Le budget voté\n{LEDE}\nPhoto : AFP\n{CLOSE}")
    assert LEDE in article.text
    assert article.captions == ()
    assert "AFP" in article.credits


TITLES = [
    # (text, title)
    (f"Le budget municipal adopté après trois heures de débat\n{LEDE}",
     "Le budget municipal adopté après trois heures de débat"),
    (f"Accueil > Ville > Budget\nLe budget municipal adopté\n{LEDE}",
     "Le budget municipal adopté"),
    (f"« Un budget de combat »\n{LEDE}", "« Un budget de combat »"),
    # a first line that is a paragraph is no headline
    (f"{LEDE}\n{CLOSE}", None),
    # nor a caption, a boilerplate line, a dateline
    (f"La mairie, vue du parvis. Photo : Léo Roux\n{LEDE}", None),
    (f"Inscrivez-vous à notre newsletter\n{LEDE}\n{CLOSE}", None),
    (f"NANTES (AFP) - {LEDE}\n{CLOSE}", None),
    # a lone line is the story, not its headline
    ("Le budget municipal adopté", None),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_clean_takes_title_from_first_line(text, title):
    article = run(text)
    assert article.title == title
    if title:
        assert title not in article.text
        assert title not in article.removed


def test_clean_given_metadata_wins_over_text():
    text = f"Un autre titre\n13/09/2023\nLILLE (AFP) - {LEDE}"
    article = run(text, title="Titre donné", published="2020-01-02", outlet="La Gazette",
                  url="https://exemple.fr/a", language="fr")
    assert article.title == "Titre donné"
    assert article.published == "2020-01-02"
    assert article.outlet == "La Gazette"
    assert article.url == "https://exemple.fr/a"
    assert article.language == "fr"
    assert "Un autre titre" in article.text
    assert article.dateline == "Lille"


def test_clean_given_title_is_taken_out_of_the_body():
    article = run(f"Le budget voté\n{LEDE}", title="Le budget voté")
    assert article.text == LEDE


@pytest.mark.parametrize("given, expected", [
    ("21 mars 2024", "2024-03-21"),
    ("Thu, 21 Mar 2024 08:00:00 GMT", "2024-03-21"),
    ("2024-03-21T08:00:00+01:00", "2024-03-21T08:00:00+01:00"),
    ("2024-03", "2024-03"),
    ("bientôt", None),
])
def test_clean_given_publication_date_becomes_iso(given, expected):
    raw = RawDoc(id="x", source="x", published=given,
                 content="Le conseil régional a adopté son budget après un long débat.")
    assert clean(raw, CleanConfig()).published == expected
