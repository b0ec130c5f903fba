"""Debris glued inside a line (a page scraped as one paragraph) leaves the body; the story
around it stays whole."""

import pytest

from .support import run

_BODY = ("Le conseil municipal a adopté jeudi soir le budget de l'année prochaine après un "
         "long débat entre la majorité et l'opposition sur le prix des cantines scolaires.")
_MORE = "Les premiers travaux commenceront au printemps, a précisé l'adjoint aux finances."


def test_clean_trailing_credit_in_parentheses_leaves_the_text_for_credits():
    a = run(f"Le budget voté\n{_BODY} {_MORE} (ats/Reuters)")
    assert a.text.endswith("aux finances.")
    assert "(ats/Reuters)" in a.removed
    assert "ats/Reuters" in a.credits


@pytest.mark.parametrize("tail", ["(Lire page 3)", "(voir encadré)", "(Jean Dupont)"])
def test_clean_trailing_parentheses_that_name_no_agency_stay(tail):
    a = run(f"Le budget voté\n{_BODY} {_MORE} {tail}")
    assert a.text.endswith(tail)


def test_clean_leading_caption_with_capitals_credit_leaves_the_one_paragraph_text():
    a = run("La façade de la mairie rénovée, mardi. JEAN DUPONT / POOL / AFP "
            f"Deuxième budget de la mandature, {_BODY[0].lower()}{_BODY[1:]} {_MORE}")
    assert a.text.startswith("Deuxième budget de la mandature")
    assert "JEAN DUPONT" not in a.text
    assert a.captions == ("La façade de la mairie rénovée, mardi.",)
    assert "JEAN DUPONT / POOL / AFP" in a.credits


@pytest.mark.parametrize("prompt", ["Article réservé à nos abonnés",
                                    "Cet article est réservé aux abonnés."])
def test_clean_paywall_formula_between_sentences_leaves_the_body(prompt):
    a = run(f"Le budget voté\n{_BODY} {prompt} {_MORE}")
    assert "abonnés" not in a.text
    assert _MORE in a.text and _BODY in a.text


def test_clean_paywall_words_inside_a_sentence_stay():
    line = ("Le journal a expliqué que ce contenu réservé aux abonnés serait désormais "
            "gratuit pour les lycéens de la ville, a indiqué la direction.")
    a = run(f"Le budget voté\n{_BODY} {line}")
    assert line in a.text


def test_clean_read_also_and_its_headline_leave_the_body():
    a = run(f"Le budget voté\n{_BODY} Lire aussi La cantine gratuite fait débat "
            f"Les premiers travaux commenceront au printemps.")
    assert "Lire aussi" not in a.text and "cantine gratuite" not in a.text
    assert "Lire aussi La cantine gratuite fait débat" in a.removed
    assert a.text.endswith("Les premiers travaux commenceront au printemps.")


@pytest.mark.parametrize("sentence", [
    "Pour aller plus loin, le conseil propose de rénover la piscine municipale.",
    "Voir aussi les comptes de l'an passé, a demandé l'opposition.",
])
def test_clean_related_words_opening_a_sentence_stay(sentence):
    a = run(f"Le budget voté\n{_BODY} {sentence} {_MORE}")
    assert sentence in a.text


def test_clean_read_also_without_a_headline_end_stays():
    # No word opens a sentence within a headline's length: unsure, nothing is cut.
    tail = " ".join(["conseil"] * 40)
    a = run(f"Le budget voté\n{_BODY} Lire aussi Rapport {tail}")
    assert "Lire aussi" in a.text


@pytest.mark.parametrize("label", ["Business :", "Économie :", "SPORT -"])
def test_clean_rubric_label_before_a_headline_leaves(label):
    a = run(f"{label} Le budget voté sans surprise\n{_BODY}")
    assert a.title == "Le budget voté sans surprise"
    assert label in a.removed


def test_clean_place_before_a_colon_is_the_headline_topic_and_stays():
    a = run(f"Lyon : Le budget voté sans surprise\n{_BODY}")
    assert a.title == "Lyon : Le budget voté sans surprise"
