"""Repairs of the body: broken lines joined, cut words mended, lost spaces restored."""

import pytest

from .support import run

TITLE = "Le budget voté\n"

JOINS = [
    # a line without final punctuation, then one starting in lowercase
    ("Les syndicats réclament une hausse des\nsalaires pour l'année prochaine.",
     "Les syndicats réclament une hausse des salaires pour l'année prochaine."),
    # the next line opens with a comma or a closing punctuation mark
    ("« Nous serons prêts », assure la directrice\n, qui attend les résultats.",
     "« Nous serons prêts », assure la directrice, qui attend les résultats."),
    # a quotation fragment on its own line, rejoined to its sentence
    ('Elle a évoqué des\n"tensions persistantes"\n, selon son entourage.',
     'Elle a évoqué des "tensions persistantes", selon son entourage.'),
    ("Pour le maire, la ville traverse\n« une période difficile mais féconde ».",
     "Pour le maire, la ville traverse « une période difficile mais féconde »."),
    # a line ending with a word that cannot end a sentence
    ("Le projet sera présenté devant le\nConseil d'État en octobre.",
     "Le projet sera présenté devant le Conseil d'État en octobre."),
    # a word cut in two across the break, decided by word frequencies
    ("Les agriculteurs ont manifes\nté devant la préfecture.",
     "Les agriculteurs ont manifesté devant la préfecture."),
    # a word hyphenated at the end of a line
    ("Une réforme écono-\nmique ambitieuse a été votée.",
     "Une réforme économique ambitieuse a été votée."),
    ("La décision du porte-\nparole a surpris les élus.",
     "La décision du porte-parole a surpris les élus."),
    # a lowercase continuation after a blank line is still the same sentence
    ("Le chantier a pris du retard à cause\n\ndes intempéries de l'hiver.",
     "Le chantier a pris du retard à cause des intempéries de l'hiver."),
    # two whole words across the break keep their space
    ("Il a tout de suite\nvoté pour.", "Il a tout de suite voté pour."),
]


@pytest.mark.parametrize(("text_in", "expected"), JOINS)
def test_clean_joins_broken_lines(text_in, expected):
    assert run(TITLE + text_in).text == expected


SEPARATE = [
    # a finished sentence, then a new one
    ("Le vote a eu lieu mardi.\nLes élus ont applaudi.",
     "Le vote a eu lieu mardi.\n\nLes élus ont applaudi."),
    # a subheading, then a quotation that opens a paragraph
    ("Le maire s'explique\n« Nous avons tenu nos promesses », dit-il.",
     "Le maire s'explique\n\n« Nous avons tenu nos promesses », dit-il."),
    # a colon that announces a list or a quotation
    ("Trois mesures sont prévues :\nla gratuité des transports le dimanche.",
     "Trois mesures sont prévues :\n\nla gratuité des transports le dimanche."),
    # two quoted paragraphs in a row
    ('"Nous sommes prêts", a-t-il dit.\n"Le calendrier sera tenu."',
     '"Nous sommes prêts", a-t-il dit.\n\n"Le calendrier sera tenu."'),
]


@pytest.mark.parametrize(("text_in", "expected"), SEPARATE)
def test_clean_keeps_paragraph_breaks(text_in, expected):
    assert run(TITLE + text_in).text == expected


SPACES = [
    # a space lost after a full stop
    ("Le vote a eu lieu mardi.Les députés ont adopté le texte.",
     "Le vote a eu lieu mardi. Les députés ont adopté le texte."),
    ("Elle a parlé de \"progrès\".Le débat continue.",
     "Elle a parlé de \"progrès\". Le débat continue."),
    # not in abbreviations, numbers, addresses
    ("Le dossier est sur www.exemple.fr et sur https://site.Exemple.org depuis 2019.",
     "Le dossier est sur www.exemple.fr et sur https://site.Exemple.org depuis 2019."),
    ("La société U.S.A. Textiles a levé 3.500 euros auprès de M.Dupont.",
     "La société U.S.A. Textiles a levé 3.500 euros auprès de M.Dupont."),
    # a space lost between two words
    ("La réforme socialeet le budgetdes communes seront votés.",
     "La réforme sociale et le budget des communes seront votés."),
    # rare but real words are not split
    ("Ces primes motiveraient les agents, selon le syndicat.",
     "Ces primes motiveraient les agents, selon le syndicat."),
    # a space before a final full stop
    ("Le texte sera examiné en Europe .", "Le texte sera examiné en Europe."),
]


@pytest.mark.parametrize(("text_in", "expected"), SPACES)
def test_clean_restores_spaces(text_in, expected):
    assert run(TITLE + text_in).text == expected


def test_clean_keeps_repeated_line_once():
    line = "Le conseil a voté le budget."
    text = f"{TITLE}{line}\n{line}\nLa séance est levée."
    article = run(text)
    assert article.text == "Le conseil a voté le budget.\n\nLa séance est levée."
    assert article.removed == ("Le conseil a voté le budget.",)


def test_clean_normalises_white_space_within_lines():
    text = TITLE + "Le\u00a0budget  a été\tvoté\u202f; la séance est levée.\r\nFin."
    assert run(text).text == "Le budget a été voté ; la séance est levée.\n\nFin."


def test_clean_mends_invisible_and_cp1252_characters():
    text = TITLE + "L\x92état a rédhibi\u00adtoirement refusé\u200b le projet."
    assert run(text).text == "L’état a rédhibitoirement refusé le projet."
