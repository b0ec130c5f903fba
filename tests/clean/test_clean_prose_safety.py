"""No sentence of the story is lost: lines that look like debris but are news stay.

Each table pairs sentences that share words with web debris (and must stay in the body)
with the debris itself (which must still leave). All lines are written for these tests.
"""

import pytest

from recoupe.clean import clean, tables
from recoupe.clean import credits as credit_names
from recoupe.config import CleanConfig
from recoupe.errors import InputError
from recoupe.model import RawDoc

from .support import CLOSE, LEDE, framed, run

# --- prompts recognised inside a line ---------------------------------------------------

PROMPT_PHRASE_IN_SENTENCE = [
    "« La liste des participants est en ligne sur notre site », a précisé un porte-parole.",
    "Le parking relais est réservé aux abonnés du réseau TCL.",
    "« Tous droits réservés », répond l'éditeur, qui refuse toute reproduction.",
    "Les escrocs demandaient votre adresse mail et votre mot de passe.",
    "Réservé aux abonnés, le parking relais ouvrira en mai.",
    "Votre adresse mail ne sera jamais revendue, promet la société.",
    "La mention tous droits réservés figure au bas de chaque page du catalogue.",
    "« Inscrivez-vous à notre newsletter », lançait le candidat à chaque meeting.",
    "The company said it had asked for your email address twice.",
]


@pytest.mark.parametrize("line", PROMPT_PHRASE_IN_SENTENCE)
def test_clean_keeps_sentence_holding_a_prompt_phrase(line):
    article = framed(line)
    assert line in article.text
    assert line not in article.removed


PROMPTS = [
    "Abonnez-vous à notre newsletter",
    "Inscrivez-vous",
    "Tous droits réservés",
    "Tous droits réservés.",
    "© 2023 Le Courrier du Val. Tous droits réservés",
    "Texte et photos : tous droits réservés",
    "Entrez votre adresse mail",
    "Votre adresse e-mail",
    "Votre adresse e-mail ne sera pas publiée.",
    "Ne manquez rien avec notre newsletter",
    "Retrouvez toutes nos vidéos sur notre site",
    "Cet article vous est offert",
    "Cet article est réservé aux abonnés",
    "Réservé aux abonnés",
    "Nous utilisons des cookies pour améliorer votre expérience",
    "L'article Les élus votent le budget est apparu en premier sur Le Courrier du Val.",
    "Get the best stories in your inbox",
    "© 2023 Valley Courier. All rights reserved.",
    "We use cookies to improve your experience",
]


@pytest.mark.parametrize("line", PROMPTS)
def test_clean_removes_prompt_standing_alone(line):
    article = framed(line)
    assert line in article.removed
    assert line not in article.text


# --- bylines ------------------------------------------------------------------------------

BYLINE_CUE_IN_SENTENCE = [
    "L'envoyé spécial de l'ONU est arrivé mardi à Kiev.",
    "Notre correspondant à Moscou a été expulsé jeudi.",
    "Le roman, traduit par Marie Dupont, sort en mars.",
    "Ces propos recueillis par la police ont été versés au dossier.",
    "Le texte, rédigé par deux juristes, sera publié demain.",
    "Les envoyés spéciaux des deux pays se retrouvent à Genève.",
    "La rédaction du journal a voté une motion de défiance.",
    "Le film a été écrit par Paul Martin avec la collaboration de son frère.",
]


@pytest.mark.parametrize("line", BYLINE_CUE_IN_SENTENCE)
def test_clean_keeps_sentence_holding_a_byline_cue(line):
    article = framed(line)
    assert line in article.text
    assert line not in article.removed
    assert not any(line in c or c in line for c in article.credits)


BYLINES = [
    # (line, credit)
    ("Propos recueillis par Jean Dupont", "Propos recueillis par Jean Dupont"),
    ("De notre envoyée spéciale à Kiev, Marie Durand",
     "De notre envoyée spéciale à Kiev, Marie Durand"),
    ("De notre correspondant à Moscou", "De notre correspondant à Moscou"),
    ("Paul Martin, envoyé spécial à Dakar", "Paul Martin, envoyé spécial à Dakar"),
    ("Léa Petit et Marc Roy, édité par Anne Vidal", "Léa Petit et Marc Roy, édité par Anne Vidal"),
    ("Avec la collaboration de Jeanne Martin", "Avec la collaboration de Jeanne Martin"),
    ("Par la rédaction", "Par la rédaction"),
    ("Reporting by John Smith; Editing by Jane Doe",
     "Reporting by John Smith; Editing by Jane Doe"),
]


@pytest.mark.parametrize(("line", "credit"), BYLINES)
def test_clean_reads_byline_made_of_names(line, credit):
    article = framed(line)
    assert line in article.removed
    assert credit in article.credits


# --- the line above a photo credit --------------------------------------------------------

SENTENCE_ABOVE_CREDIT = [
    # (the line above, the credit)
    ("À Brest, des centaines d'arbres sont tombés dans la nuit de mercredi à jeudi.",
     "Photo : Fred Tanneau / AFP"),
    ("Me Durand a indiqué que son client « n'a rien à se reprocher ».", "Photo DR"),
    ("Le maire attendait les résultats du vote.", "© Maxppp"),
    ("Les pompiers sont intervenus vers minuit.", "Photo : Léo Roux"),
    # verbs that no table lists: a word after a noun may be one
    ("Le nouveau pont relie les deux rives.", "Photo DR"),
    ("La ministre publie son rapport.", "© Sipa"),
    # a sentence cut in two by the picture, and a line announcing what follows
    ("Les élus ont voté la hausse des", "Photo DR"),
    ("Le préfet a tranché :", "Photo DR"),
]


@pytest.mark.parametrize(("above", "credit"), SENTENCE_ABOVE_CREDIT)
def test_clean_keeps_sentence_above_photo_credit(above, credit):
    article = run(f"Le budget voté\n{LEDE}\n{above}\n{credit}\n{CLOSE}")
    assert above not in article.removed
    assert above not in article.captions
    assert credit in article.removed
    for word in above.split():
        assert word in article.text


CAPTION_ABOVE_CREDIT = [
    # (the line above, the credit, the caption)
    ("Vue du port depuis la digue", "Photo DR", "Vue du port depuis la digue"),
    ("La façade rénovée de la mairie.", "Photo : Léo Roux", "La façade rénovée de la mairie."),
    ("Le maire (à gauche) et son adjoint.", "© Maxppp", "Le maire (à gauche) et son adjoint."),
    ("Le chantier, ci-dessus, doit durer deux ans.", "Photo DR",
     "Le chantier, ci-dessus, doit durer deux ans."),
    ("Les élus réunis devant la mairie, mardi. |", "Photo : Sipa |",
     "Les élus réunis devant la mairie, mardi."),
    ("Des manifestants devant la préfecture, mardi.", "Photo DR",
     "Des manifestants devant la préfecture, mardi."),
]


@pytest.mark.parametrize(("above", "credit", "caption"), CAPTION_ABOVE_CREDIT)
def test_clean_takes_caption_above_photo_credit(above, credit, caption):
    article = run(f"Le budget voté\n{LEDE}\n{above}\n{credit}\n{CLOSE}")
    assert above in article.removed and credit in article.removed
    assert article.captions == (caption,)
    assert LEDE in article.text and CLOSE in article.text


def test_clean_takes_repeated_line_above_credit_as_caption():
    line = "Le maire a coupé le ruban hier."
    article = run(f"Le budget voté\n{LEDE}\n{line}\n{CLOSE}\n{line}\nPhoto DR\n{LEDE}")
    assert article.captions == (line,)
    assert line in article.text  # the copy in the story stays


def test_clean_keeps_one_copy_of_a_line_repeated_above_two_credits():
    line = "Le maire a coupé le ruban hier."
    article = run(f"Le budget voté\n{LEDE}\n{line}\nPhoto DR\n{CLOSE}\n{line}\nPhoto DR\n{LEDE}")
    assert line in article.text


# --- lines without letters ----------------------------------------------------------------

LONE_MARKS = [
    # (text in, paragraph out)
    ("Le gazole a atteint 1,89\n€\nle litre à la pompe.",
     "Le gazole a atteint 1,89 € le litre à la pompe."),
    ("Le ministre attend « une réponse ferme\n»\n.", "Le ministre attend « une réponse ferme »."),
    ("Le taux de chômage recule à 7,1\n%\nselon l'institut.",
     "Le taux de chômage recule à 7,1 % selon l'institut."),
    ("Il a qualifié la décision de\n«\nscandaleuse »\n.",
     "Il a qualifié la décision de « scandaleuse »."),
    ("Le vote a été reporté\n.", "Le vote a été reporté."),
    ("Le maire a hésité\n…", "Le maire a hésité…"),
    ("Il a conclu : « Nous verrons\n(...)\n»", "Il a conclu : « Nous verrons (...) »"),
]


@pytest.mark.parametrize(("text_in", "expected"), LONE_MARKS)
def test_clean_joins_lone_marks_to_their_sentence(text_in, expected):
    article = run(f"Le budget voté\n{LEDE}\n{text_in}\n\n{CLOSE}")
    assert article.text == f"{LEDE}\n\n{expected}\n\n{CLOSE}"
    assert article.removed == ()


SEPARATORS = ["***", "|", "— — —", "=====", "_____", "• • •", "~~~", "- - -", "* * *"]


@pytest.mark.parametrize("line", SEPARATORS)
def test_clean_removes_separator_line(line):
    article = framed(line)
    assert line in article.removed
    assert article.text == f"{LEDE}\n\n{CLOSE}"


@pytest.mark.parametrize("text", ["»", "€\n.", "« »\n\n…"])
def test_clean_marks_alone_are_no_article(text):
    with pytest.raises(InputError):
        run(text)


# --- share prompts ------------------------------------------------------------------------

SHARE_WORD_IN_SENTENCE = [
    "Partager ses données reste une décision personnelle",
    "Partager les frais de garde",
    "Partagez vos souvenirs du vieux port",
    "Imprimer des billets coûte cher",
    "Share the road with cyclists",
]


@pytest.mark.parametrize("line", SHARE_WORD_IN_SENTENCE)
def test_clean_keeps_line_starting_with_a_share_word(line):
    article = framed(line)
    assert line in article.text
    assert line not in article.removed


def test_clean_keeps_headline_starting_with_a_share_word():
    headline = "Partager ses données reste une décision personnelle"
    article = run(f"{headline}\n{LEDE}\n{CLOSE}")
    assert article.title == headline
    assert headline not in article.removed


SHARE_PROMPTS = [
    "Partager", "Partager sur Facebook", "Partager cet article", "Partager : Facebook Twitter",
    "Partager sur : Facebook | LinkedIn", "Partagez cet article", "Share on WhatsApp",
    "Share this story", "* Partager",
]


@pytest.mark.parametrize("line", SHARE_PROMPTS)
def test_clean_removes_share_prompt(line):
    article = framed(line)
    assert line in article.removed
    assert article.text == f"{LEDE}\n\n{CLOSE}"


# --- stacked photo labels -----------------------------------------------------------------

STACKED_LABELS = [
    # (line, credit)
    ("© Photo : Jean-Marc Roux / Midi Libre", "Jean-Marc Roux / Midi Libre"),
    ("Illustration. © Adobe Stock", "Adobe Stock"),
    ("Crédit photo : © Anne Roy", "Anne Roy"),
    ("Photo d'archives. © Sipa", "Sipa"),
]


@pytest.mark.parametrize(("line", "credit"), STACKED_LABELS)
def test_clean_reads_credit_under_stacked_labels(line, credit):
    article = framed(line)
    assert line in article.removed
    assert line not in article.text
    assert credit in article.credits


# --- one test of "is this an agency?" -----------------------------------------------------

AGENCIES = [
    ("AFP", True), ("Reuters", True), ("ANP", True), ("AGENCE NORD", True),
    ("Agence Savane Info", True), ("Ille-et-Vilaine", False), ("la police", False),
    ("Paris", False),
]


@pytest.mark.parametrize(("name", "agency"), AGENCIES)
def test_clean_agency_test_is_shared(name, agency):
    assert credit_names.is_agency(name, tables.load("fr")) is agency


def test_clean_agency_in_parentheses_is_a_dateline_credit():
    article = run(f"Le budget voté\n(Agence Savane Info) -\n{LEDE}\n{CLOSE}")
    assert "(Agence Savane Info) -" in article.removed
    assert "Agence Savane Info" in article.credits


# --- container dates ----------------------------------------------------------------------

GIVEN_DATES = [
    # (given, published)
    ("2023-99-99", None),
    ("2023-02-30", None),
    ("2023-13", None),
    ("2023-02-29T10:00:00", None),
    ("2024-02-29", "2024-02-29"),
    ("2024-02-29T23:59:00+01:00", "2024-02-29T23:59:00+01:00"),
    ("2023-09-13T25:00", "2023-09-13"),  # an impossible time: the day is still read
    ("2023-09-13Z12", "2023-09-13"),
    (" 2023-09 ", "2023-09"),
    ("2023", "2023"),
    ("", None),
]


@pytest.mark.parametrize(("given", "published"), GIVEN_DATES)
def test_clean_given_impossible_date_is_not_iso(given, published):
    raw = RawDoc(id="x", source="x", published=given,
                 content="Le conseil régional a adopté son budget après un long débat.")
    assert clean(raw, CleanConfig()).published == published
