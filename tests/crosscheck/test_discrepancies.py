"""Discrepancies of direction and wording on hand-made articles (no model), and of quantities
on hand-made French articles run through the real annotate stage (the model loads once)."""

import functools

import pytest

from recoupe.annotate import annotate
from recoupe.config import AnnotateConfig
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


def test_discrepancies_neighbouring_directions_can_both_be_right():
    arts = [art("a", ["Le lanceur est parti de Kourou, dans le sud de la Guyane."]),
            art("b", ["Kourou, dans le sud-est de la Guyane, accueille le lancement."])]
    assert find_discrepancies(arts, [BASE], [], []) == ()


def test_discrepancies_a_direction_frame_starts_a_word():
    arts = [art("a", ["La base de Kourou, dans l'ouest de la Guyane, a rouvert."]),
            art("b", ["À Kourou, la contrepartie est jugée faible par les élus."])]
    assert find_discrepancies(arts, [BASE], [], []) == ()


# --- wording ----------------------------------------------------------------------------------

def quote(qid, text, kind="direct"):
    return Quote(qid, text, kind, qid.split(":")[0], 0, 0, 1, speaker="Léa Morel")


def statement(*quotes):
    return Statement("st1", "Léa Morel", max((q.text for q in quotes), key=len),
                     tuple(q.id for q in quotes), tuple(q.article for q in quotes))


def test_discrepancies_one_sentence_quoted_in_two_wordings():
    quotes = [quote("a:q1", "Notre priorité absolue est la sécurité des habitants"),
              quote("b:q1", "La sécurité des habitants est notre première priorité")]
    found = find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes,
                               [statement(*quotes)])
    assert kinds(found) == ["wording"] and len(found[0].values) == 2


def test_discrepancies_a_partial_quote_is_an_excerpt_not_a_wording():
    quotes = [quote("a:q1", "Nous rouvrirons la piscine municipale dès le mois de juin, "
                            "après deux ans de travaux"),
              quote("b:q1", "la piscine municipale dès le mois de juin", "partial")]
    assert find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes,
                              [statement(*quotes)]) == ()


def test_discrepancies_a_partial_quote_of_a_few_words_is_no_wording():
    quotes = [quote("a:q1", "Nous constatons une nette hausse des prix depuis le printemps"),
              quote("b:q1", "forte hausse", "partial")]
    assert find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes,
                              [statement(*quotes)]) == ()


def test_discrepancies_each_article_shows_its_quote_closest_to_the_statement():
    quotes = [quote("a:q1", "La sécurité des habitants est notre priorité absolue"),
              quote("b:q1", "le chantier reprendra la semaine prochaine", "partial"),
              quote("b:q2", "notre première priorité est la sécurité des habitants", "partial")]
    found = find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes,
                               [statement(*quotes)])
    assert kinds(found) == ["wording"]
    assert [v.text for v in found[0].values] == [quotes[0].text, quotes[2].text]


def test_discrepancies_header_is_cut_at_a_word_boundary():
    long = ("Nous avons décidé de reporter la réouverture de la médiathèque jusqu'à la fin des "
            "travaux de toiture engagés cet hiver")
    quotes = [quote("a:q1", long),
              quote("b:q1", "Nous reportons la réouverture de la médiathèque à la fin des "
                            "travaux de toiture commencés cet hiver")]
    found = find_discrepancies([art("a", ["x"]), art("b", ["y"])], [], quotes,
                               [statement(*quotes)])
    about = found[0].about
    assert about.endswith("…")
    shown = about.split(": ", 1)[1].rstrip("…").split()
    assert shown and all(word in long.split() for word in shown)


# --- quantities (through the real annotate stage) ---------------------------------------------

FIRE = [
    "Incendie près de la zone artisanale\nLes pompiers ont mis 4 h à maîtriser le feu. "
    "Quarante personnes ont été évacuées. Environ 60 pompiers ont été mobilisés.",
    "Feu de broussailles\nIl a fallu 6 heures pour maîtriser l'incendie. Environ 50 habitants "
    "ont été évacués. Plus de 80 pompiers étaient mobilisés.",
]
AGREE = [
    "Inondation au village\nEnviron 50 riverains ont été évacués. Quarante pompiers ont été "
    "mobilisés. Les secours ont mis deux semaines à pomper l'eau.",
    "Crue de la rivière\n48 habitants ont été évacués dans la nuit. 40 pompiers ont été "
    "mobilisés. Il a fallu quinze jours pour pomper l'eau.",
]
NEWSPAPER = [
    "Accident sur la rocade\nUne heure plus tard, la circulation a repris, selon 20 Minutes.",
    "Accrochage sur la rocade\nDeux heures plus tard, la route a rouvert, d'après 20 Minutes.",
]
SELF = [
    "Manifestation en ville\nQuelque 300 manifestants ont défilé le matin et 900 "
    "manifestants ont défilé le soir.",
    "Cortège en ville\n2 000 manifestants ont défilé dans le centre.",
]
OTHER_EVENTS = [
    "Tempête sur la côte\nQuarante personnes ont été évacuées.",
    "Coup de vent\nSoixante personnes ont été blessées.",
]
ROUNDED = [
    "Fraude à la banque\nLe trader a fait perdre 5 milliards d'euros à la banque.",
    "Fraude bancaire\nLe trader a fait perdre 4,9 milliards d'euros à la banque.",
]
DISTANCES = [
    "Séisme dans les Alpes\nL'épicentre se situe à 30 km de Grenoble, selon les sismologues. "
    "L'hôpital se trouve à 15 km de Grenoble.",
    "Tremblement de terre\nL'épicentre a été localisé à environ 50 kilomètres au sud de "
    "Grenoble. Un refuge a été installé à 20 km de Grenoble.",
]
TOLLS = [
    "Accident sur la nationale\nLe bilan est de 3 morts, selon la préfecture, ce lundi 4 mars "
    "2024.",
    "Collision mortelle\nQuatre personnes ont été tuées lundi 4 mars 2024. En 2019, un "
    "accident au même endroit avait fait 9 morts.",
]
SHARES = [
    "Économie régionale\nLe chômage a baissé de 2 % en un an. Les ventes ont progressé de 5 %.",
    "Bilan économique\nLe chômage a baissé de 4 % sur l'année. Les exportations ont progressé "
    "de 9 %.",
]
AMOUNTS = [
    "Fraude à la mutuelle\nLa mutuelle a subi une perte de 12 millions d'euros.",
    "Scandale à la mutuelle\nLa perte de 20 millions d'euros a surpris les adhérents.",
]


@functools.cache
def _annotated():
    """Every article of this module annotated in one model pass."""
    texts = [*FIRE, *AGREE, *NEWSPAPER, *SELF, *OTHER_EVENTS, *ROUNDED, *DISTANCES, *TOLLS,
             *SHARES, *AMOUNTS]
    articles = [Article(id=f"t{i}", source=f"t{i}", text=t) for i, t in enumerate(texts)]
    return dict(zip(texts, annotate(articles, AnnotateConfig()), strict=True))


def story(texts):
    return find_discrepancies([_annotated()[t] for t in texts], [], [], [])


def test_discrepancies_fire_durations_and_counts_differ():
    found = story(FIRE)
    assert kinds(found) == ["count", "count", "duration"]
    for d in found:
        assert {v.article for v in d.values} == {"t0", "t1"}
    abouts = " ".join(d.about for d in found)
    for words in ("4 h", "6 heures", "Quarante personnes", "Environ 50 habitants",
                  "Environ 60 pompiers", "Plus de 80 pompiers"):
        assert words in abouts


def test_discrepancies_values_that_agree_are_no_discrepancy():
    # "environ 50" and 48, "quarante" and 40, "deux semaines" and "quinze jours"
    assert story(AGREE) == ()


def test_discrepancies_a_rounded_figure_agrees_with_the_precise_one():
    assert story(ROUNDED) == ()


def test_discrepancies_a_newspaper_name_is_not_a_duration():
    assert story(NEWSPAPER) == ()


def test_discrepancies_an_article_giving_two_values_for_one_thing_is_left_out():
    assert story(SELF) == ()


def test_discrepancies_counts_of_different_events_are_not_compared():
    assert story(OTHER_EVENTS) == ()


def test_discrepancies_amounts_of_one_loss_differ():
    found = story(AMOUNTS)
    assert kinds(found) == ["amount"] and len(found[0].values) == 2


def test_discrepancies_a_toll_of_another_year_is_not_compared():
    # "3 morts" and "quatre personnes tuées" count one toll; 2019's toll is another
    found = story(TOLLS)
    assert kinds(found) == ["count"]
    assert found[0].about.endswith("3 morts / Quatre personnes")


def test_discrepancies_percentages_of_one_thing_only():
    # unemployment fell by 2 % or 4 %; sales and exports are two things
    found = story(SHARES)
    assert kinds(found) == ["amount"]
    assert found[0].about.endswith("2 % / 4 %")


def test_discrepancies_distances_of_one_site_from_one_place_differ():
    # the epicentre's distance differs; the hospital and the shelter are two sites
    found = story(DISTANCES)
    assert kinds(found) == ["distance"]
    assert "30 km" in found[0].about and "50 kilomètres" in found[0].about


@pytest.mark.parametrize("texts", [FIRE, AMOUNTS, DISTANCES])
def test_discrepancies_headers_are_whole_words(texts):
    for d in story(texts):
        assert not d.about.endswith(("…", " ")) and d.about.split(": ", 1)[1]
