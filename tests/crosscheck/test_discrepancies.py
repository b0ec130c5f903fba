"""Discrepancies of direction, duration and wording, on hand-made articles (no model)."""

from recoupe.crosscheck.discrepancies import find_discrepancies
from recoupe.model import AnnotatedArticle, Article, Entity, Quote, Sentence, Statement


def art(aid, sentences, captions=()):
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s), s))
        text += s + "\n"
    return AnnotatedArticle(Article(id=aid, source=aid, text=text, captions=tuple(captions)),
                            "fr", tuple(spans))


BASE = Entity("e1", "Base de Kourou", "LOC", ("base de Kourou", "Kourou"), ("a", "b"), 3)
FRANCE = Entity("e2", "France", "LOC", ("France",), ("a", "b"), 2)


def kinds(found):
    return sorted(d.kind for d in found)


def test_discrepancies_direction_including_a_caption_against_its_body():
    arts = [art("a", ["Le lanceur est parti de la base de Kourou, dans le nord de la Guyane."]),
            art("b", ["La fusée a décollé de Kourou hier."],
                captions=["La base de Kourou, dans le sud de la Guyane."])]
    found = find_discrepancies(arts, [BASE, FRANCE], [], [])
    assert kinds(found) == ["direction"]
    assert {v.article for v in found[0].values} == {"a", "b"}


def test_discrepancies_no_direction_from_names_or_verbs():
    arts = [art("a", ["La base de Kourou est fermée, a dit un élu de Corée du Nord."]),
            art("b", ["À Kourou, l'ouverture est prévue en Amérique du Sud."])]
    assert find_discrepancies(arts, [BASE], [], []) == ()


def test_discrepancies_durations_of_one_thing_differ():
    arts = [art("a", ["À la base de Kourou, la réunion a duré plus de trois heures."]),
            art("b", ["La réunion de Kourou a duré environ deux heures et demie."]),
            art("c", ["Un lancement à Kourou prend quarante secondes."])]
    found = [d for d in find_discrepancies(arts, [BASE], [], []) if d.kind == "duration"]
    assert len(found) == 1 and {v.article for v in found[0].values} == {"a", "b"}


def test_discrepancies_same_duration_is_no_discrepancy():
    arts = [art("a", ["La réunion de Kourou a duré deux heures."]),
            art("b", ["À Kourou, la réunion a duré 2 heures."])]
    assert find_discrepancies(arts, [BASE], [], []) == ()


def test_discrepancies_one_sentence_quoted_in_two_wordings():
    quotes = [Quote("a:q1", "Notre priorité absolue est la sécurité des habitants", "direct",
                    "a", 0, 0, 1, speaker="Léa Morel"),
              Quote("b:q1", "La sécurité des habitants est notre première priorité", "direct",
                    "b", 0, 0, 1, speaker="Léa Morel")]
    st = Statement("st1", "Léa Morel", quotes[0].text, ("a:q1", "b:q1"), ("a", "b"))
    found = find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes, [st])
    assert kinds(found) == ["wording"] and len(found[0].values) == 2
