"""Properties of the cleaner on generated text (DESIGN habit 8).

Never crash; cleaning a cleaned article changes nothing; no prose sentence is lost.
Articles are generated from ordinary sentences (a small hand-made vocabulary) mixed with
the kinds of debris the web leaves around them, and from one-line sentences that share
words with debris (prompts, bylines, share buttons) or sit above a picture credit.
"""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recoupe.errors import InputError

from .support import run

SUBJECTS = ["Le maire", "La ministre", "Le conseil", "Une habitante", "Les élus",
            "Le syndicat", "La préfecture", "Un agriculteur", "Les voisins", "La direction"]
VERBS = ["a présenté", "a critiqué", "attend", "propose", "a rejeté", "défend", "examine",
         "a salué", "prépare", "conteste"]
OBJECTS = ["le projet de route", "la hausse des loyers", "un nouveau plan",
           "la fermeture de l'usine", "le budget annuel", "les horaires du marché",
           "la réforme scolaire", "le rapport final",
           "la vente du terrain", "une pétition locale"]
TAILS = ["", " mardi", " devant la presse", " depuis le printemps", " sans attendre",
         ", selon un communiqué", " avec prudence", " pour la troisième fois"]
DEBRIS = ["Inscrivez-vous à notre newsletter", "Partager sur Facebook", "12 commentaires",
          "#Ville #Budget", "À lire aussi :", "Lire aussi : La gare rouvre ses portes",
          ">> Les chiffres de la semaine", "Mis à jour le 02/03/2021 à 10h05", "08:45",
          "Crédit photo : Léa Roux / AFP", "© Maxppp", "Source", "Comments (2)", "AFP",
          "Accueil > Ville > Budget", "***", "Publié le 4 mai 2022", "(avec AP)",
          "Subscribe to our newsletter!", "Enter your email address"]

# One-line sentences that share words with debris (prompts, bylines, share buttons), or
# that a picture credit may follow: news all the same, never to be lost.
LOOKALIKES = ["Le parking relais est réservé aux abonnés du réseau de bus.",
              "« Le programme est en ligne sur notre site », a précisé la mairie.",
              "Les escrocs réclamaient votre adresse mail et votre code.",
              "Notre correspondant à Lyon a été convoqué lundi.",
              "L'envoyé spécial de l'Union africaine est reparti jeudi.",
              "Le rapport, rédigé par deux experts, sera rendu en juin.",
              "Partager les bureaux reste une piste pour la mairie.",
              "Les arbres sont tombés sur la route pendant la nuit.",
              "Le nouveau pont relie les deux rives du fleuve.",
              "L'avocate a déclaré que son client « conteste tout ».",
              "« Tous droits réservés », a rappelé l'éditeur au tribunal."]
CREDITS = ["Photo DR", "Photo : Léa Roux / AFP", "© Maxppp", "© Photo : Jean Roy / Sipa",
           "Crédit photo : Marc Petit"]

sentence = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}.", st.sampled_from(SUBJECTS),
                     st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS))
paragraph = st.lists(sentence, min_size=2, max_size=4).map(" ".join)
block = st.one_of(paragraph.map(lambda p: ("prose", p)),
                  st.sampled_from(DEBRIS).map(lambda d: ("debris", d)))
article = st.lists(block, min_size=1, max_size=12).filter(
    lambda blocks: any(kind == "prose" for kind, _ in blocks))
separator = st.sampled_from(["\n", "\n\n", "\r\n"])

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _compose(blocks, sep):
    return sep.join(text for _, text in blocks)


def _clean_or_none(text):
    try:
        return run(text)
    except InputError:
        return None


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "Cc"]),
               max_size=400))
def test_clean_never_crashes_on_arbitrary_text(text):
    article = _clean_or_none(text)
    if article is not None:
        assert article.text.strip()
        assert "\n\n\n" not in article.text
        assert all(p == p.strip() and p for p in article.text.split("\n\n"))


@FAST
@given(st.lists(st.one_of(st.sampled_from(DEBRIS), paragraph,
                          st.text(alphabet="aàbcdeéèfgilmnoprstu .,;:'«»\"!?-#>|/()0123456789",
                                  max_size=60)),
                max_size=10),
       separator)
def test_clean_never_crashes_on_mixed_lines(lines, sep):
    _clean_or_none(sep.join(lines))


@FAST
@given(article, separator)
def test_clean_twice_equals_clean_once(blocks, sep):
    once = run(_compose(blocks, sep))
    again = run("\n\n".join(x for x in (once.title, once.text) if x))
    assert again.text == once.text
    assert again.title == once.title


@FAST
@given(article, separator)
def test_clean_loses_no_prose_sentence(blocks, sep):
    result = run(_compose(blocks, sep))
    kept = "\n\n".join(x for x in (result.title, result.text) if x)
    for kind, text in blocks:
        if kind != "prose":
            continue
        for s in re.findall(r"[^.]+\.", text):
            assert s.strip() in kept


@FAST
@given(article, separator)
def test_clean_removed_lines_are_verbatim_input_lines(blocks, sep):
    text = _compose(blocks, sep)
    result = run(text)
    lines = {line.strip() for line in re.split(r"\r\n|\n", text)}
    for line in result.removed:
        assert line in lines
    for kind, debris in blocks:
        if kind == "debris":
            assert debris not in result.text.split("\n\n")


@FAST
@given(st.lists(st.one_of(st.sampled_from(DEBRIS), paragraph,
                          st.text(alphabet="aàbcdeéfilmnoprstu AÉLP.,;:'«»\"!?-#>|/()0123€%…\n",
                                  max_size=60)),
                max_size=10),
       separator)
# Found by the search: "(" then ":" on their own lines became a paragraph "(:" that a second
# cleaning joined to the sentence above.
@example(lines=["Le conseil a voté le budget. Le conseil a voté le budget.", "(", ":"],
         sep="\n")
def test_clean_twice_equals_clean_once_on_broken_lines(lines, sep):
    once = _clean_or_none(sep.join(lines))
    if once is None:
        return
    again = run("\n\n".join(x for x in (once.title, once.text) if x))
    assert (again.title, again.text) == (once.title, once.text)


lookalike_article = st.lists(
    st.one_of(st.sampled_from(LOOKALIKES).map(lambda s: ("prose", s)),
              st.sampled_from(DEBRIS + CREDITS).map(lambda d: ("debris", d))),
    min_size=1, max_size=10, unique_by=lambda block: block[1],
).filter(lambda blocks: any(kind == "prose" for kind, _ in blocks))


@FAST
@given(lookalike_article, separator)
def test_clean_loses_no_sentence_that_looks_like_debris(blocks, sep):
    result = run(_compose(blocks, sep))
    kept = "\n\n".join(x for x in (result.title, result.text) if x)
    for kind, text in blocks:
        if kind == "prose":
            assert text in kept
            assert text not in result.removed
            assert text not in result.captions
    again = run(kept)
    assert (again.title, again.text) == (result.title, result.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="<>/=\"' abcdehilmoprstuvéà#&;\n", max_size=300))
def test_clean_never_crashes_on_arbitrary_html(page):
    try:
        run(page, kind="html")
    except InputError:
        pass
