"""role_holder through find_quotes, on small invented French articles: a role noun is tied
to a name only where the narration ties them, never to a name inside quoted words, to a
former holder, to another office or to a rival organisation.

A wrong speaker is worse than none: where the article does not settle who holds the role,
the quote keeps the role or names nobody, never another person. Names are invented.
"""

from __future__ import annotations

import pytest

from recoupe.annotate import annotate
from recoupe.annotate.quotes import find_quotes
from recoupe.config import AnnotateConfig
from recoupe.lang.fr import attribution as fr
from recoupe.model import Article

SAID = "Nous tiendrons bon"

CASES: dict[str, str] = {
    # the role tied to a name by apposition: resolved
    "apposed": ("Le ministre de l'Intérieur Paul Verdier a visité Lyon mardi. Marc Vasseur "
                "l'accompagnait. « Nous tiendrons bon », a déclaré le ministre de "
                "l'Intérieur."),
    "former_asked": ("L'ancien ministre Paul Verdier a visité le port mardi. « Nous tiendrons "
                     "bon », a déclaré l'ancien ministre."),
    # the only name written with the role is inside someone's quoted words
    "name_in_quote": ("« Le président Paul Verdier n'aurait jamais signé ce texte », a lancé "
                      "Marc Vasseur lundi. « Nous tiendrons bon », a déclaré le président."),
    # the only name written with the role is a former holder's
    "former_holder": ("Le ministre de la Culture a reçu les maires mardi. L'ancien "
                      "ministre de la Culture Paul Verdier avait fait de même en 2010. "
                      "« Nous tiendrons bon », a déclaré le ministre de la Culture."),
    "alors_before": ("Le ministre de la Santé a visité Lyon. Claire Bonnet, alors ministre "
                     "de la Santé, avait lancé la réforme. « Nous tiendrons bon », a déclaré "
                     "le ministre de la Santé."),
    "ex_glued": ("L'ex-ministre de la Santé Claire Bonnet a critiqué la réforme. « Nous "
                 "tiendrons bon », a déclaré la ministre de la Santé."),
    "alors": ("Claire Bonnet, alors ministre de la Santé, avait lancé la réforme. « Nous "
              "tiendrons bon », a déclaré la ministre de la Santé."),
    "predecessor": ("Claire Bonnet a visité Lyon mardi, comme l'avait fait son "
                    "prédécesseur, le ministre de la Culture Paul Verdier. « Nous tiendrons "
                    "bon », a déclaré le ministre de la Culture."),
    # another office whose name holds the role's word
    "vice": ("Le vice-président Paul Verdier a visité Lyon mardi. « Nous tiendrons bon », a "
             "déclaré le président."),
    # a bare institution noun in an article about another organisation
    "rival_bank": ("La Société Marlin a annoncé une perte mardi. La Société Marlin a aussi "
                   "remplacé son directeur. Les clients de la Société Marlin s'inquiètent. "
                   "La Banque Vernet n'a pas commenté. « Nous tiendrons bon », a déclaré la "
                   "banque."),
    # the body named inside the organisation's own name is its parent, not a rival
    "parent_body": ("La Société Marlin a perdu beaucoup d'argent. La Société Marlin a changé "
                    "de directeur. L'Inspection générale de la Société Marlin a rendu son "
                    "rapport mardi. « Nous tiendrons bon », a déclaré l'inspection."),
    "subject_bank": ("La Banque Vernet a annoncé une perte mardi. La Banque Vernet a aussi "
                     "remplacé son directeur. « Nous tiendrons bon », a déclaré la banque."),
}


@pytest.fixture(scope="module")
def speakers():
    articles = [Article(id=key, source="test", text=text) for key, text in CASES.items()]
    out = {}
    for a in annotate(articles, AnnotateConfig()):
        q = next(q for q in find_quotes(a) if q.text == SAID)
        out[a.article.id] = q.speaker
    return out


@pytest.mark.parametrize("key, name", [
    ("apposed", "Paul Verdier"),
    ("former_asked", "Paul Verdier"),
    ("subject_bank", "Banque Vernet"),
    ("parent_body", "Inspection générale de la Société Marlin"),
])
def test_role_holder_names_the_holder_the_narration_gives(speakers, key, name):
    assert speakers[key] is not None and name in speakers[key]


@pytest.mark.parametrize("key, wrong", [
    ("name_in_quote", "Verdier"),
    ("former_holder", "Verdier"),
    ("ex_glued", "Bonnet"),
    ("alors", "Bonnet"),
    ("alors_before", "Bonnet"),
    ("predecessor", "Verdier"),
    ("vice", "Verdier"),
    ("rival_bank", "Vernet"),
])
def test_role_holder_never_names_someone_else(speakers, key, wrong):
    assert wrong not in (speakers[key] or "")


@pytest.mark.parametrize("word", ["ancien", "ancienne", "ex", "futur", "prédécesseur"])
def test_role_holder_not_current_words_are_lower_case_french(word):
    assert word in fr.NOT_CURRENT and word == word.lower()
