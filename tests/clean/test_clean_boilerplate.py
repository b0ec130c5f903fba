"""Lines that leave the body (one family of debris per row) and lines that must stay."""

import pytest

from .support import CLOSE, LEDE, framed, run

REMOVED = [
    # newsletter and subscription prompts, French and English
    "Inscrivez-vous à notre newsletter",
    "Recevez gratuitement notre lettre d'information",
    "Saisissez votre adresse e-mail pour continuer",
    "Abonnez-vous",
    "Cet article est réservé aux abonnés",
    "Sign up for our morning briefing",
    "Enter your email to get the latest headlines",
    "Newsletter",
    "Retrouvez-nous sur Facebook",
    "Skip to content",
    "Advertisement",
    # related-article headings, with or without the link on the same line
    "À lire aussi : Le préfet suspend l'arrêté municipal",
    "A lire également",
    "LIRE AUSSI",
    "Sur le même sujet",
    "Voir aussi :",
    "[À lire aussi] Le préfet suspend l'arrêté municipal",
    "► Lire aussi : la carte des travaux",
    # related-article links announced by a marker
    ">> Les chiffres clés de la rentrée scolaire",
    "» Notre dossier sur la réforme des retraites",
    # hashtag lines
    "#Municipales",
    "#Budget #Conseil municipal",
    # comment counters and prompts
    "Commentaires (3)",
    "12 commentaires",
    "Comments (5)",
    "Laisser un commentaire",
    # share prompts and share bars
    "Partager sur Facebook",
    "Partager l'article",
    "Facebook Twitter LinkedIn",
    "Imprimer",
    "Facebook",
    # a lone source label
    "Source",
    "Sources :",
    # update and publication stamps, bare times and dates, glued ones
    "Mis à jour le 2 mars 2021 à 18h05",
    "MAJ : 02/03/2021",
    "Publié le 02/03/2021 à 10:15",
    "08:45",
    "02/03/2021, mardi",
    "17:3002/03/2021",
    "Updated March 2, 2021",
    "Publié aujourd'hui à 10h32, modifié à 11h05",
    "Date de publication : 12/03/2024",
    # photo credits standing alone
    "Crédit photo : Jean Martin / Hans Lucas",
    "Photo : Reuters",
    "© AFP",
    "Photo d'illustration",
    # navigation, contact lines, separators, section labels
    "Accueil > Économie > Entreprises",
    "Contact : 01 23 45 67 89",
    "***",
    "|",
    "ÉCONOMIE –",
    # page furniture: reading time, relative stamps, copyright, player and menu words
    "Temps de lecture : 3 min",
    "3 min read",
    "Il y a 2 heures",
    "© 2024 La Gazette du Port. Tous droits réservés.",
    "Copier le lien",
    "Voir la vidéo",
    "Menu",
    "Mots-clés : budget, mairie, travaux",
    # feed footers and continuation links
    "Cet article est apparu en premier sur La Gazette du Port.",
    "The post Budget adopted appeared first on Harbour News.",
    "Lire la suite sur La Gazette du Port",
]


@pytest.mark.parametrize("line", REMOVED)
def test_clean_removes_debris_line(line):
    article = framed(line)
    assert line in article.removed
    assert line not in article.text
    assert LEDE in article.text and CLOSE in article.text


KEPT = [
    # prose that shares a word with a prompt
    "Il s'est abonné à la newsletter du ministère dès sa création, raconte-t-il.",
    "Publicité mensongère : le tribunal condamne l'enseigne à une amende.",
    "Partager le pouvoir n'a jamais été son fort, disent ses proches.",
    "Lire la suite de ses mémoires lui a pris tout l'été.",
    "Connecter les villages au réseau reste la priorité du département.",
    "#MeToo a changé la manière dont les rédactions traitent ces affaires.",
    # dates and times inside prose, and a date heading a list
    "14h08 à Paris, 20h08 à Pékin : la cérémonie a commencé à l'heure.",
    "Le 8 août :",
    "Enfin, le 14 juillet 2021, la ville a inauguré le pont.",
    # subheadings and short answers are part of the story
    "Repères",
    "Réactions",
    "DES TRAVAUX ATTENDUS",
    "Oui.",
    "« Une décision historique »",
    "Images inédites du chantier diffusées par la mairie",
    "Menu du jour : la cantine servira du poisson local.",
    "Accueil chaleureux pour la délégation, reçue à la mairie.",
    # names that start like a credit label, and a photo mentioned in a sentence
    "Crédit Agricole",
    "Crédit d'impôt",
    "On le voit sur une photo AFP",
    # a sentence with a parenthesised place, not a dateline
    "Rennes (Ille-et-Vilaine) accueillera le congrès l'an prochain.",
]


@pytest.mark.parametrize("line", KEPT)
def test_clean_keeps_prose_line(line):
    article = framed(line)
    assert line not in article.removed
    assert line in article.text


def test_clean_removes_link_after_related_heading():
    article = run(f"Le budget voté\n{LEDE}\nÀ lire aussi :\n"
                  "Transports : la ligne de bus prolongée jusqu'à la gare.\n{CLOSE}".format(
                      CLOSE=CLOSE))
    assert "Transports : la ligne de bus prolongée jusqu'à la gare." in article.removed
    assert CLOSE in article.text


def test_clean_keeps_sentence_after_related_heading():
    sentence = "La maire a salué un vote responsable."
    article = run(f"Le budget voté\n{LEDE}\nÀ lire aussi\n{sentence}\n{CLOSE}")
    assert sentence in article.text


def test_clean_removes_several_links_after_heading_but_not_prose():
    text = (f"Le budget voté\n{LEDE}\nSur le même sujet\n"
            "La piscine municipale rouvrira en juin\n"
            "Les tarifs de la cantine augmentent\n"
            f"{CLOSE}")
    article = run(text)
    assert "La piscine municipale rouvrira en juin" in article.removed
    assert "Les tarifs de la cantine augmentent" in article.removed
    assert CLOSE in article.text


def test_clean_bare_acronym_is_a_credit_only_at_the_edges():
    top = run(f"Le budget voté\nAPS\n{LEDE}\n{CLOSE}")
    assert "APS" in top.removed and "APS" in top.credits
    middle = run(f"Le budget voté\n{LEDE}\n{CLOSE}\nONU\n{LEDE}\n{CLOSE}")
    assert "ONU" in middle.text
