"""find_quotes on hand-made French sentences: who relays words (`via`), and what is not
reported speech (wishes, charges, names in quote marks, adjectival participles).

All cases are annotated once in a module fixture. Names, places and media are invented.
"""

from __future__ import annotations

import pytest

from recoupe.annotate import annotate
from recoupe.annotate.quotes import find_quotes
from recoupe.config import AnnotateConfig
from recoupe.model import Article

CASES: dict[str, str] = {
    # relays that are real
    "relay_agency": "« Le pont rouvrira lundi », a déclaré Paul Verdier, selon l'agence "
                    "Nordpresse.",
    "relay_reported": "Le maire a indiqué que le pont rouvrirait lundi, a rapporté le journal "
                      "Le Veilleur.",
    "relay_citing": "« Le calme est revenu », a déclaré la présidence, citant le ministre "
                    "Paul Verdier.",
    # "selon X" where X is the speaker himself
    "selon_speaker": "Selon le maire de Carnac, Paul Verdier, le port sera « rénové avant "
                     "l'été ».",
    "selon_speaker_marks": "Selon la « patronne » du club, Claire Bonnet, il a « été décidé "
                           "de fermer le stade ».",
    "selon_speaker_relays": "Selon Paul Verdier, elle avait confié sa fille à une voisine, "
                            "« une femme qu'elle connaît depuis dix ans ».",
    # "selon X" closing a sentence whose quote has no other speaker: X said it
    "selon_closing": "Petite éclaircie : la baisse des loyers, observée depuis le printemps, "
                     "va « rendre un peu d'air aux familles », selon M. Verdier.",
    # "selon" + a criterion, not a source
    "selon_criterion": "Claire Bonnet a reconnu que l'idée de trier les élèves selon leur "
                       "origine la « dérange ».",
    "selon_cases": "Paul Verdier a expliqué que les tarifs varieraient selon les cas entre "
                   "dix et vingt euros.",
    "selon_person": "Selon son assistante, « le ministre ne viendra pas avant lundi ».",
    # a relay verb inside the reported clause is part of what was said
    "relay_inside": "Paul Verdier a expliqué que les nouveaux contrats avaient rapporté "
                    "beaucoup d'argent au club.",
    # a cut noun phrase ending in a pronoun is no relay
    "relay_pronoun_np": "« Il a très peur », raconte-t-il à la radio Ondes du Nord, premier "
                        "média à publier les confidences de celui qui était resté muet.",
}


@pytest.fixture(scope="module")
def quotes():
    articles = [Article(id=key, source="test", text=text, title=None)
                for key, text in CASES.items()]
    annotated = annotate(articles, AnnotateConfig())
    return {a.article.id: find_quotes(a) for a in annotated}


def _with(quotes, key, words):
    found = [q for q in quotes[key] if words in q.text]
    assert found, [(q.kind, q.text) for q in quotes[key]]
    return found[0]


@pytest.mark.parametrize("key, words, via", [
    ("relay_agency", "Le pont rouvrira lundi", "Nordpresse"),
    ("relay_reported", "le pont rouvrirait lundi", "Le Veilleur"),
    ("relay_citing", "Le calme est revenu", "présidence"),
])
def test_quotes_relay_kept_when_a_source_passes_words_on(quotes, key, words, via):
    assert _with(quotes, key, words).via == via


@pytest.mark.parametrize("key, words, name", [
    ("selon_speaker", "rénové", "Paul Verdier"),
    ("selon_speaker_marks", "fermer le stade", "Claire Bonnet"),
    ("selon_speaker_relays", "une femme qu'elle connaît", "Paul Verdier"),
])
def test_quotes_relay_that_is_the_speaker_is_none(quotes, key, words, name):
    q = _with(quotes, key, words)
    assert q.speaker and name in q.speaker
    assert q.via is None


def test_quotes_selon_closing_a_sentence_names_the_speaker(quotes):
    q = _with(quotes, "selon_closing", "rendre un peu d'air")
    assert (q.speaker, q.via) == ("M. Verdier", None)


@pytest.mark.parametrize("key, words, speaker", [
    ("selon_criterion", "trier les élèves", "Claire Bonnet"),
    ("selon_cases", "les tarifs varieraient", "Paul Verdier"),
])
def test_quotes_selon_a_criterion_is_neither_speaker_nor_relay(quotes, key, words, speaker):
    q = _with(quotes, key, words)
    assert (q.speaker, q.via) == (speaker, None)


def test_quotes_selon_a_person_described_still_reports_the_quote(quotes):
    q = _with(quotes, "selon_person", "le ministre ne viendra pas")
    assert (q.speaker, q.via) == (None, None)


def test_quotes_relay_verb_inside_the_reported_clause_is_no_relay(quotes):
    q = _with(quotes, "relay_inside", "les nouveaux contrats")
    assert (q.speaker, q.via) == ("Paul Verdier", None)


def test_quotes_relay_cut_at_a_pronoun_is_none(quotes):
    assert all(q.via is None for q in quotes["relay_pronoun_np"])
