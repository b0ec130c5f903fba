"""Wording discrepancies: which rewordings of one statement are worth showing (hand-made
quotes, no model). A quote that is another outlet's in the same words (a filler word more or
less, function words changed, a clause moved, cut into two quotes) is no difference; a word
replaced by another, a negation or a number is."""

import pytest

from recoupe.crosscheck.discrepancies import find_discrepancies
from recoupe.model import AnnotatedArticle, Article, Quote, Sentence, Statement


def art(aid):
    return AnnotatedArticle(Article(id=aid, source=aid, text="x\n"), "fr",
                            (Sentence(0, 1, "x"),))


def quote(qid, text, kind="direct"):
    return Quote(qid, text, kind, qid.split(":")[0], 0, 0, 1, speaker="Paul Renard")


def statement(*quotes):
    return Statement("st1", "Paul Renard", max((q.text for q in quotes), key=len),
                     tuple(q.id for q in quotes), tuple(sorted({q.article for q in quotes})))


def wordings(*quotes):
    articles = [art(a) for a in sorted({q.article for q in quotes})]
    return find_discrepancies(articles, [], list(quotes), [statement(*quotes)])


LONG = ("Le réseau de tramway de la ville est un réseau moderne qui offre une desserte très "
        "complète, et je pense que dans des jours comme ceux-là, qui sont des jours chargés, "
        "il ne faut pas s'énerver")


@pytest.mark.parametrize("short", [
    # a filler word less ("un réseau moderne" for "un réseau de tramway moderne")
    "le réseau de tramway de la ville est un réseau de tramway moderne, qui offre une "
    "desserte très complète",
    # function words changed ("d'une" / "de la")
    "Le réseau de tramway de la ville est un réseau moderne qui offre la desserte très "
    "complète",
    # an ending of agreement slipped ("modernes" for "moderne")
    "Le réseau de tramway de la ville est un réseau modernes qui offre une desserte très "
    "complète",
    # a clause moved: the same words in another order
    "Dans des jours chargés comme ceux-là, il ne faut pas s'énerver",
])
def test_discrepancies_same_words_are_no_wording(short):
    assert wordings(quote("a:q1", LONG), quote("b:q1", short)) == ()


def test_discrepancies_a_quote_cut_in_two_is_no_wording():
    # each piece a filler word apart from the whole ("très" dropped, "chargés" moved)
    first = quote("b:q1", "le réseau de tramway de la ville est un réseau moderne, qui offre "
                          "une desserte complète")
    second = quote("b:q2", "Dans des jours chargés comme ceux-là, il ne faut pas s'énerver")
    assert wordings(quote("a:q1", LONG), first, second) == ()


@pytest.mark.parametrize("short", [
    # a word replaced by another: two translations
    "Le réseau de tramway de la ville est un réseau récent qui offre une desserte très "
    "complète",
    # a negation added
    "Le réseau de tramway de la ville n'est pas un réseau moderne",
    # a number added
    "Le réseau de tramway de la ville est un réseau moderne qui offre trois lignes",
])
def test_discrepancies_a_word_that_changes_the_sense_is_a_wording(short):
    found = wordings(quote("a:q1", LONG), quote("b:q1", short))
    assert [d.kind for d in found] == ["wording"]
    assert {v.article for v in found[0].values} == {"a", "b"}


def test_discrepancies_one_long_quote_reworded_in_two_parts_is_one_entry():
    whole = quote("a:q1", "Nous voulons un port plus propre. Nous doublerons aussi le nombre "
                          "de bus vers la gare avant la fin de l'année")
    first = quote("b:q1", "Notre souhait est un port plus propre")
    second = quote("c:q1", "Nous allons multiplier le nombre de bus vers la gare d'ici la "
                           "fin de l'année")
    statements = [Statement("st1", "Paul Renard", whole.text, (whole.id, first.id), ("a", "b")),
                  Statement("st2", "Paul Renard", whole.text, (whole.id, second.id),
                            ("a", "c"))]
    found = find_discrepancies([art("a"), art("b"), art("c")], [], [whole, first, second],
                               statements)
    assert [d.kind for d in found] == ["wording"]
    assert [v.text for v in found[0].values] == [whole.text, first.text, second.text]
