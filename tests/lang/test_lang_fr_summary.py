"""The French table of the summary: openers that lean on the sentence before, time nouns,
anaphoric subjects and background tenses."""

import pytest

from recoupe import lang
from recoupe.lang.fr import summary


@pytest.mark.parametrize("words", [summary.LEANING_OPENERS, summary.DEMONSTRATIVES,
                                   summary.TIME_NOUNS, summary.ANAPHORIC_SUBJECTS])
def test_lang_summary_words_are_lower_case(words):
    assert words and all(w == w.lower() and w == w.strip() for w in words)


def test_lang_summary_a_time_noun_is_no_opener():
    # "Ce soir" is a date: a time noun must not also be an opener that leans.
    assert not set(summary.TIME_NOUNS) & set(summary.LEANING_OPENERS)


def test_lang_summary_table_is_found_by_language():
    assert lang.table("fr-FR", "summary") is summary
    assert summary.BACKGROUND_TENSES == {"Imp"}


@pytest.mark.parametrize("opener", ["et", "son", "sa", "ses", "leur", "leurs"])
def test_lang_summary_a_possessive_or_and_takes_up_the_sentence_before(opener):
    assert opener in summary.LEANING_OPENERS or opener in summary.DEMONSTRATIVES


@pytest.mark.parametrize("text", [
    "Car le conseil municipal de Vierzon a voté jeudi la fermeture de la piscine.",
    "En effet, le conseil municipal de Vierzon a voté jeudi la fermeture de la piscine.",
    "Par conséquent, le conseil municipal de Vierzon a fermé la piscine jeudi soir.",
])
def test_lang_summary_a_sentence_giving_a_reason_or_a_consequence_leans(text):
    # "Car" and "En effet" give the reason of what came before, "Par conséquent" its
    # consequence: alone in a summary they answer a sentence that is not there.
    from recoupe.crosscheck.summary import _stands_alone

    assert not _stands_alone(text, frozenset(), summary)
