"""What a found date stands for in its text (`recoupe.dateroles`), on sentences written for
these tests: a text's name, a start, a day ahead."""

from __future__ import annotations

import pytest

from recoupe.annotate.dates import find_dates
from recoupe.dateroles import named_ahead, named_as_start, names_a_text
from recoupe.model import AnnotatedArticle, Article, Sentence


def _dated(text: str):
    """The one full date of an unparsed one-sentence article, and the article."""
    a = AnnotatedArticle(Article(id="a", source="a", text=text), "fr",
                         (Sentence(0, len(text), text),))
    a = AnnotatedArticle(a.article, "fr", a.sentences, dates=find_dates(a))
    full = [d for d in a.dates if d.value and len(d.value) == 10]
    assert len(full) == 1, a.dates
    return full[0], a


@pytest.mark.parametrize("text, named", [
    ("La loi du 9 juin 2011 encadre la pêche.", True),
    ("La « loi Vidal » du 9 juin 2011 encadre la pêche.", True),
    ("Le décret n° 2011-87 du 9 juin 2011 encadre la pêche.", True),
    ("La loi sur la pêche en rivière du 9 juin 2011 reste en vigueur.", True),
    # the nearest noun counts, not one further back in the clause
    ("Le projet signé hier et le décret du 9 juin 2011 restent en vigueur.", True),
    # a comma or a colon ends the reach of a noun; an elided "d'accord" is no agreement
    ("Malgré l'avis des pêcheurs, la manifestation du 9 juin 2011 a eu lieu.", False),
    ("Il est d'accord : la réunion du 9 juin 2011 aura bien lieu.", False),
    ("La manifestation du 9 juin 2011 a réuni les pêcheurs.", False),
])
def test_dateroles_a_date_after_a_text_noun_names_the_text(text, named):
    ref, a = _dated(text)
    assert names_a_text(ref, a, "fr") is named


@pytest.mark.parametrize("text, start, ahead", [
    ("Les cheminots sont en grève depuis le 3 mars 2022.", True, False),
    ("À compter du 3 mars 2022, la ligne sera fermée.", True, False),
    ("La route reste fermée jusqu'au 3 mars 2022.", False, True),
    ("Les cheminots ont manifesté le 3 mars 2022.", False, False),
])
def test_dateroles_starts_and_days_ahead(text, start, ahead):
    ref, a = _dated(text)
    assert (named_as_start(ref, a, "fr"), named_ahead(ref, a, "fr")) == (start, ahead)



NAMES = [
    # before a year or a month alone, "de" names a text too
    ("Le préfet a évalué la loi de 2031 sur les digues.", True),
    ("Le décret d'avril 2031 reste méconnu des maires.", True),
    # before a day it tells when a thing was done, which may be the news
    ("L'accord de mardi 3 mars 2031 a été signé.", False),
]
AHEAD = [
    ("Le chômage devrait reculer en 2031.", True),  # a modal in the conditional
    ("Le tarif du péage serait relevé en 2031.", True),  # a present conditional
    ("Le déficit serait de 3 % en 2031.", True),  # a copula in the conditional
    ("Le musée rouvrira ses portes en 2031.", True),  # the future
    ("Le budget pour 2031 a été voté par les élus.", True),  # a target year
    ("Le port doit être agrandi d'ici la fin 2031.", True),  # a bound
    # the past conditional reports an alleged past; a past tense tells what happened
    ("Le maire aurait quitté le port le 14 février 2031.", False),
    ("Le maire serait parti le 14 février 2031.", False),
    ("Le musée a rouvert ses portes en 2031.", False),
]


@pytest.fixture(scope="module")
def parsed():
    """Each sentence of NAMES and AHEAD as an article parsed by the model, with its one
    date: the roles read the parse (tenses, moods, what the date hangs from)."""
    from recoupe.annotate import annotate
    from recoupe.config import AnnotateConfig

    texts = [t for t, _ in NAMES + AHEAD]
    articles = annotate([Article(id=f"a{i}", source="a", text=t) for i, t in enumerate(texts)],
                        AnnotateConfig())
    out = {}
    for a in articles:
        assert len(a.dates) == 1, a.dates
        out[a.article.text] = (a.dates[0], a)
    return out


@pytest.mark.parametrize("text, named", NAMES)
def test_dateroles_a_period_after_a_text_noun_and_de_names_the_text(text, named, parsed):
    ref, a = parsed[text]
    assert names_a_text(ref, a, "fr") is named


@pytest.mark.parametrize("text, ahead", AHEAD)
def test_dateroles_forecasts_plans_and_targets_are_ahead(text, ahead, parsed):
    ref, a = parsed[text]
    assert named_ahead(ref, a, "fr") is ahead
