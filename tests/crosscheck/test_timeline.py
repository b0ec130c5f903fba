"""Timeline, story date and place, on hand-made annotated articles (no model)."""

import random

import pytest

from recoupe.annotate.dates import find_dates
from recoupe.crosscheck.timeline import (
    _SAME_EVENT,
    _clusters,
    _words,
    anchored_dates,
    build_timeline,
    story_when,
    story_where,
)
from recoupe.model import AnnotatedArticle, Article, DateRef, Entity, Mention, Sentence
from recoupe.partialdate import PartialDate


def art(aid, sentences, published=None, places=()):
    """An annotated article from its sentences; `places` are (name, sentence index)."""
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s), s))
        text += s + "\n"
    mentions = []
    for name, i in places:
        start = text.index(name, spans[i].start)
        mentions.append(Mention(name, "LOC", start, start + len(name), i))
    a = AnnotatedArticle(Article(id=aid, source=aid, text=text, published=published), "fr",
                         tuple(spans), (), tuple(mentions))
    return AnnotatedArticle(a.article, "fr", a.sentences, (), a.mentions, dates=find_dates(a))


def test_timeline_when_is_the_day_most_articles_date_their_event_to():
    arts = [art("a", ["Le sommet s'est tenu le 4 mai 2022 à Oslo."], "2022-05-05"),
            art("b", ["Les deux chefs se sont vus mercredi 4 mai 2022."]),
            art("c", ["Un accord avait été signé le 2 février 2021."], "2022-05-06")]
    assert story_when(arts) == "2022-05-04"


@pytest.mark.parametrize("naming", [
    "La loi du 9 juin 2011 encadre déjà la pêche en rivière.",
    "Le décret n° 2011-87 du 9 juin 2011 encadre déjà la pêche en rivière.",
    "La « loi Vidal » du 9 juin 2011 encadre déjà la pêche en rivière.",
    "Selon l'avis du 9 juin 2011, la pêche en rivière reste encadrée.",
])
def test_timeline_when_is_never_the_day_that_names_a_text(naming):
    # three undated articles cite a law by its date; one dates the story's own event
    arts = [art(k, [naming]) for k in "abc"]
    assert story_when(arts) is None
    arts += [art("d", ["Les pêcheurs ont manifesté le jeudi 3 mars 2022 devant la mairie."]),
             art("e", ["Jeudi 3 mars 2022, deux cents pêcheurs défilaient en ville."])]
    assert story_when(arts) == "2022-03-03"


def test_timeline_when_needs_two_articles_naming_a_day_unless_published_or_alone():
    told = ["Le barrage a cédé dans la nuit de mardi à mercredi.",
            "Les secours sont arrivés mercredi à l'aube."]
    once = "Un premier glissement avait eu lieu le 12 avril 2019 sur ce versant."
    story = [art("a", [told[0], once]), art("b", told), art("c", told[1:])]
    assert story_when(story) is None  # a past day named once is background
    assert story_when([art("a", [once])]) == "2019-04-12"  # a lone article's one day
    published = [art("a", [once], "2019-04-12"), art("b", told)]
    assert story_when(published) == "2019-04-12"


def test_timeline_undated_article_is_anchored_on_the_story_day_and_marked_uncertain():
    arts = [art("a", ["Le sommet s'est ouvert le 4 mai 2022 à Oslo."], "2022-05-04"),
            art("b", ["La délégation était arrivée mardi soir par avion."])]
    events = build_timeline(arts, story_when(arts))
    tuesday = [e for e in events if e.articles == ("b",)]
    assert tuesday and tuesday[0].date == "2022-05-03" and tuesday[0].certain is False
    assert any(e.date == "2022-05-04" and e.certain for e in events)


def test_timeline_folds_one_happening_told_by_two_articles():
    arts = [art("a", ["Le barrage de la vallée a cédé le 9 octobre 1963."]),
            art("b", ["Le 9 octobre 1963, le barrage de la vallée a cédé sous la pression."]),
            art("c", ["Le 9 octobre 1963, un concert avait lieu à Venise."])]
    events = [e for e in build_timeline(arts, None) if e.date == "1963-10-09"]
    assert sorted(e.articles for e in events) == [("a", "b"), ("c",)]


def test_timeline_is_oldest_first_and_skips_unresolved_dates():
    arts = [art("a", ["En 2015, la ligne a ouvert.", "Une première ligne avait fermé en 1990.",
                      "Le chantier reprendra mardi."])]
    events = build_timeline(arts, None)
    assert [e.date for e in events] == ["1990", "2015"]


def test_timeline_leaves_out_text_names_days_ahead_and_lone_dates():
    arts = [art("a", ["La loi du 9 juin 2011 encadre la pêche en rivière.",
                      "La route du col reste fermée jusqu'au 3 mars 2022.",
                      "Les prévisions de récolte pour 2023 sont prudentes.",
                      "2019.",
                      "Le barrage de la vallée a cédé le 9 octobre 1963."])]
    assert [e.date for e in build_timeline(arts, None)] == ["1963-10-09"]


def test_timeline_where_is_the_place_named_with_the_story_day():
    arts = [art("a", ["Le 4 mai 2022, les ministres se sont réunis à Tromsø, en Laponie.",
                      "Ils étaient passés par Bergen."], "2022-05-04",
                places=[("Tromsø", 0), ("Laponie", 0), ("Bergen", 1)]),
            art("b", ["Ils avaient dîné à Bergen la veille."], places=[("Bergen", 0)])]
    entities = [Entity(f"e{i}", n, "LOC", (n,), arts_, 1)
                for i, (n, arts_) in enumerate([("Tromsø", ("a",)), ("Laponie", ("a",)),
                                                ("Bergen", ("a", "b"))])]
    # Laponie is named with it, but a place the gazetteer knows is paired only with another
    # known one (the recogniser's unknown "places" may be bodies).
    assert story_where(arts, entities, story_when(arts)) == "Tromsø"
    unknown = [e for e in entities if e.name == "Laponie"]
    assert story_where(arts, unknown, story_when(arts)) == "Laponie"


def test_timeline_reads_partial_dates_not_the_text_again():
    """An undated article's dates are read against the story's day from what annotate kept:
    here the text holds no date at all, so a re-read of it would find nothing."""
    text = "Le conseil s'est réuni ce jour-là.\n"
    refs = (DateRef("mardi", 0, 5, 0, None, partial=PartialDate(weekday=1)),
            DateRef("le 2 mai", 6, 14, 0, "--05-02", partial=PartialDate(month=5, day=2)),
            DateRef("jeudi", 15, 20, 0, None))  # stored before partial dates were kept
    a = AnnotatedArticle(Article(id="a", source="a", text=text), "fr",
                         (Sentence(0, len(text) - 1, text.strip()),), dates=refs)
    got = [(d.value, d.certain) for d in anchored_dates(a, "2022-05-04")]
    assert got == [("2022-05-03", False), ("2022-05-02", False), (None, True)]
    assert anchored_dates(a, None) == refs


def test_timeline_where_is_a_known_place_before_a_body_and_never_a_nationality():
    """The recogniser types some bodies and demonyms LOC: a place the gazetteer knows comes
    before them, and a nationality word is never the story's place."""
    sentences = ["Le 4 mai 2022, la Ligue des Sauveteurs a ouvert un camp près de Bergen.",
                 "Un Norvégien a témoigné."]
    arts = [art("a", sentences, "2022-05-04",
                places=[("Ligue des Sauveteurs", 0), ("Bergen", 0), ("Norvégien", 1)])]
    names = ["Ligue des Sauveteurs", "Bergen", "Norvégien"]
    entities = [Entity(f"e{i}", n, "LOC", (n,), ("a",), 1) for i, n in enumerate(names)]
    assert story_where(arts, entities, story_when(arts)) == "Bergen"
    demonym = [e for e in entities if e.name == "Norvégien"]
    assert story_where(arts, demonym, story_when(arts)) is None


def _undated_where(texts_places, names):
    """story_where of undated articles: (sentences, places) per article, entities by name."""
    arts = [art(chr(97 + k), sentences, places=places)
            for k, (sentences, places) in enumerate(texts_places)]
    reach = {n: tuple(a.article.id for a in arts if any(m.text == n for m in a.mentions))
             for n in names}
    entities = [Entity(f"e{i}", n, "LOC", (n,), reach[n], 1) for i, n in enumerate(names)]
    return story_where(arts, entities, story_when(arts))


@pytest.mark.parametrize("texts_places, where", [
    # a known place written as where things happen, named by two articles
    ([(["Les pompiers sont intervenus à Bergen dans la nuit."], [("Bergen", 0)]),
      (["Le feu a été maîtrisé, selon la mairie de Bergen."], [("Bergen", 0)])], "Bergen"),
    # named only to qualify someone, or by a single article among several: no place
    ([(["L'évêque de Bergen a béni la flotte."], [("Bergen", 0)]),
      (["L'évêque de Bergen était présent."], [("Bergen", 0)])], None),
    ([(["Les pompiers sont intervenus à Bergen dans la nuit."], [("Bergen", 0)]),
      (["Le feu a été maîtrisé dans la nuit."], [])], None),
    # a name the gazetteer does not know after "à" once may be whom a thing goes to
    ([(["Le club a cédé son stade à Valorimo."], [("Valorimo", 0)]),
      (["Valorimo a confirmé la vente du stade."], [("Valorimo", 0)])], None),
    # ... written as a place by two articles, it is one
    ([(["Les pompiers sont intervenus à Valorimo."], [("Valorimo", 0)]),
      (["Le feu a pris dans les bois de Valorimo, près de la gare."], [("Valorimo", 0)]),
      (["Un hangar a brûlé au Valorimo voisin."], [("Valorimo", 0)])], "Valorimo"),
])
def test_timeline_where_of_undated_articles_is_a_place_where_things_happen(texts_places, where):
    names = sorted({n for _, places in texts_places for n, _ in places})
    assert _undated_where(texts_places, names) == where


def test_timeline_where_of_a_lone_article_needs_one_locative():
    assert _undated_where([(["Un orage a noyé les rues à Bergen."], [("Bergen", 0)])],
                          ["Bergen"]) == "Bergen"
    assert _undated_where([(["Deux élus ont écrit à Valorimo et à Bergen."],
                            [("Valorimo", 0), ("Bergen", 0)])], ["Valorimo", "Bergen"]) \
        == "Bergen"


def _scan_clusters(items):
    """The plain clustering: each sentence compared with every group started before."""
    groups = []
    for item in items:
        words = _words(item[2])
        for seen, members in groups:
            if words and len(words & seen) / len(words | seen) >= _SAME_EVENT:
                members.append(item)
                seen |= words
                break
        else:
            groups.append((words, [item]))
    return [members for _, members in groups]


_EVENT_WORDS = ("incendie entrepôt pompiers maîtrisé matinée usine chimique fumée habitants "
                "confinés préfecture enquête ouverte procureur blessés légers hôpital route "
                "fermée circulation déviée ministre visite sinistrés").split()


@pytest.mark.parametrize("seed", range(6))
def test_timeline_indexed_clusters_equal_a_scan_of_every_group(seed):
    rng = random.Random(seed)
    items = [(i, f"a{i}", " ".join(rng.sample(_EVENT_WORDS, rng.randint(0, 7))) + " le 3 mai",
              True, 0, 10) for i in range(300)]
    found = _clusters(items)
    assert found == _scan_clusters(items)
    assert 1 < len(found) < len(items)  # sentences both joined and started groups


def test_timeline_when_a_text_published_on_a_day_dates_the_publishing():
    from .support import annotated

    arts = annotated({
        "a": "Le décret paru au Journal officiel du 9 juin 2011 ferme la réserve aux chasseurs.",
        "b": "Paru au Bulletin officiel du 9 juin 2011, l'arrêté du 2 mai 2010 est abrogé.",
        "c": "L'arrêté du 2 mai 2010 autorisait la chasse dans la réserve.",
    })
    # "paru au Journal officiel du": the day of the publishing, the story's news; the
    # "arrêté du 2 mai 2010", named by two articles, is a text's name
    assert story_when(arts) == "2011-06-09"


def test_timeline_when_is_never_a_day_named_as_a_start():
    started = "Les cheminots sont en grève depuis le 3 mars 2022 dans toute la région."
    arts = [art("a", [started]), art("b", [started])]
    assert story_when(arts) is None  # a start: the story is told some time after it
    arts += [art("c", ["Le mardi 15 mars 2022, les trains ne roulaient toujours pas."]),
             art("d", ["Mardi 15 mars 2022, la direction a reçu les syndicats."])]
    assert story_when(arts) == "2022-03-15"


def test_timeline_when_takes_the_strongest_day_that_passes():
    # the dyke's day, named once, ties with the day both articles came out: it fails the
    # two-article rule, the publication day does not
    arts = [art("a", ["Le 3 mars 2022, la digue a cédé."], "2022-03-04"),
            art("b", ["La digue a cédé dans la nuit."], "2022-03-04")]
    assert story_when(arts) == "2022-03-04"


def test_timeline_when_is_never_a_day_ahead():
    ahead = "La route du col reste fermée jusqu'au 15 juin 2022."
    assert story_when([art("a", [ahead]), art("b", [ahead])]) is None


def test_timeline_when_counts_copies_of_one_source_once():
    once = "Un premier glissement avait eu lieu le 12 avril 2019 sur ce versant."
    arts = [art("a", [once]), art("b", [once]), art("c", ["Les secours sont arrivés."])]
    assert story_when(arts) == "2019-04-12"
    assert story_when(arts, {"a": "wire:AFP", "b": "wire:AFP"}) is None


def test_timeline_where_reads_the_language_of_each_article():
    a = AnnotatedArticle(Article(id="a", source="a", text="Floods hit homes in Leeds on Monday."),
                         "en", (Sentence(0, 36, "Floods hit homes in Leeds on Monday."),),
                         (), (Mention("Leeds", "LOC", 20, 25, 0),))
    leeds = [Entity("e0", "Leeds", "LOC", ("Leeds",), ("a",), 1)]
    assert story_where([a], leeds, None) == "Leeds"
