"""Story grouping on small hand-made articles (no NLP model: tokens are made by hand)."""

import dataclasses
import re

import pytest

from recoupe.config import GroupConfig
from recoupe.group.bcubed import bcubed
from recoupe.group.stories import (
    StoryFeatures,
    StoryGrouper,
    arrival_order,
    features,
    group,
)
from recoupe.model import AnnotatedArticle, Article, DateRef, Mention, Token, days_before
from recoupe.partialdate import PartialDate


def doc(aid: str, text: str, published: str | None = None, title: str | None = None,
        dates: tuple[str, ...] = ()) -> AnnotatedArticle:
    """An annotated article whose capitalised words are proper nouns (and PER mentions)."""
    tokens, mentions = [], []
    for m in re.finditer(r"\w+", text):
        word = m.group()
        pos = "PROPN" if word[0].isupper() else "NOUN"
        tokens.append(Token(word, m.start(), word.lower(), pos, "dep", 0))
        if pos == "PROPN":
            mentions.append(Mention(word, "PER", m.start(), m.end(), 0))
    refs = tuple(DateRef(d, 0, 1, 0, d) for d in dates)
    return AnnotatedArticle(Article(aid, aid, text, title=title, published=published),
                            "fr", tokens=tuple(tokens), mentions=tuple(mentions), dates=refs)


FLOOD = ("Des pluies diluviennes ont provoqué la crue du torrent à Valmorin ; les pompiers "
         "ont évacué le hameau et la préfète Odile Varenne a déclenché le plan orsec.")
FLOOD_2 = ("À Valmorin, la crue du torrent a submergé le hameau ; la préfète Varenne salue "
           "les pompiers qui ont évacué les habitants sous des pluies diluviennes.")
TRIAL = ("Le procès de l'armateur Bastien Quellec s'est ouvert devant la cour d'assises : "
         "le naufrage du chalutier avait coûté la vie à trois marins.")
TRIAL_2 = ("Devant la cour d'assises, l'armateur Quellec conteste toute faute dans le naufrage "
           "du chalutier où trois marins ont péri.")


def test_stories_features_weigh_rare_words_over_common_ones():
    f = features(doc("a", FLOOD, "2024-03-02"))
    weights = dict(f.terms)
    assert weights["valmorin"] > weights["pompiers"] > weights.get("plan", 0.0)
    assert f.day == "2024-03-02"
    assert abs(sum(w * w for w in weights.values()) - 1.0) < 1e-3  # unit length


def test_stories_same_event_joins_other_event_apart():
    stories = group([doc("f1", FLOOD, "2024-03-02"), doc("t1", TRIAL, "2024-03-02"),
                     doc("f2", FLOOD_2, "2024-03-03"), doc("t2", TRIAL_2, "2024-03-02")])
    assert stories["f1"] == stories["f2"] != stories["t1"] == stories["t2"]


def test_stories_same_words_weeks_apart_are_two_stories():
    """A near-miss: the same places and people, another week."""
    stories = group([doc("f1", FLOOD, "2024-03-02"), doc("f2", FLOOD_2, "2024-04-20")])
    assert stories["f1"] != stories["f2"]


def test_stories_follow_up_naming_the_event_day_joins_its_story():
    later = doc("f3", FLOOD_2 + " Le rapport revient sur la crue du 2 mars.", "2024-05-15",
                dates=("2024-03-02",))
    stories = group([doc("f1", FLOOD, "2024-03-02"), later])
    assert stories["f3"] == stories["f1"]
    other = doc("f4", FLOOD_2, "2024-05-15")  # same words, names no day of the story
    stories = group([doc("f1", FLOOD, "2024-03-02"), other])
    assert stories["f4"] != stories["f1"]
    # Once a follow-up has joined, the story's time includes its day: what follows it joins.
    stories = group([doc("f1", FLOOD, "2024-03-02"), later, other])
    assert stories["f1"] == stories["f3"] == stories["f4"]


def test_stories_follow_up_needs_more_likeness_than_a_same_week_article():
    config = GroupConfig(join_threshold=0.1, followup_threshold=0.99)
    later = doc("f3", FLOOD_2, "2024-05-15", dates=("2024-03-02",))
    stories = group([doc("f1", FLOOD, "2024-03-02"), later], config)
    assert stories["f3"] != stories["f1"]


def test_stories_undated_article_is_timed_by_the_days_it_names():
    """An article with no publication day is placed by the days its text names (no year)."""
    near = doc("u1", FLOOD_2, dates=("--03-03",))
    far = doc("u2", FLOOD_2, dates=("--07-20",))
    stories = group([doc("f1", FLOOD, "2024-03-02"), near, far])
    assert stories["u1"] == stories["f1"] != stories["u2"]


@pytest.mark.parametrize("day, refs, time", [
    ("2024-03-02", ("--03-05",), "2024-03-02"),  # a publication day is its time
    (None, ("--03-02", "2019-11-20"), "--03-02"),  # a day of this year over one with a year
    (None, ("--03-02", "--03-05"), "--03-05"),  # the latest of its news
    # "arrivé le 2 juin ... reçu le 13 juin ... invité le 3 octobre": the day ahead,
    # named alone, is not when the news is
    (None, ("--06-02", "--06-13", "--10-03"), "--06-13"),
    (None, ("--01-27", "--06-15"), "--06-15"),  # none close together: the latest
    (None, ("--12-28", "--01-03"), "--01-03"),  # close across the new year
    (None, ("2011-03-09", "2007-01-20"), "2011-03-09"),
    (None, (), None),
])
def test_stories_time_of_an_article(day, refs, time):
    assert StoryFeatures("a", day, refs, ()).time == time


def test_stories_batch_order_is_oldest_first_undated_last():
    fs = [StoryFeatures("c", None, (), ()), StoryFeatures("b", "2024-02-01", (), ()),
          StoryFeatures("d", None, ("--01-05",), ()), StoryFeatures("a", "2024-01-01", (), ()),
          StoryFeatures("e", None, ("2019-06-01",), ())]
    # "e" names a day with a year and has no publication day: the least sure time, after
    # the articles timed by a publication day or a day of this year.
    assert [f.article for f in arrival_order(fs)] == ["a", "b", "d", "e", "c"]


# Undated articles of one event, timed by the days of this year their texts name; a record
# of a previous edition names a day with a year, in another season.
FLOOD_3 = ("Les pompiers de Valmorin ont évacué le hameau après la crue du torrent ; la "
           "préfète Varenne rappelle la crue record du 20 novembre 2019.")


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_stories_undated_article_naming_an_old_year_joins_this_years_story(order):
    docs = [doc("u1", FLOOD, dates=("--03-02",)), doc("u2", FLOOD_2, dates=("--03-03",)),
            doc("u3", FLOOD_3, dates=("2019-11-20",))]
    stories = group([docs[i] for i in order])
    assert stories["u1"] == stories["u2"] == stories["u3"]


SIBLING = ("À Valmorin, une nouvelle crue du torrent a inondé le hameau ; la préfète Varenne "
           "a de nouveau déclenché le plan orsec et les pompiers ont évacué les habitants.")


@pytest.mark.parametrize("sibling_day", ["--04-05", "--01-30"])
def test_stories_undated_sibling_event_a_month_apart_stays_apart(sibling_day):
    """The same subject a month later (or earlier), every article undated and timed by a day
    of this year: two stories, whichever comes first."""
    first = [doc("u1", FLOOD, dates=("--03-02",)), doc("u2", FLOOD_2, dates=("--03-03",))]
    sibling = doc("v1", SIBLING, dates=(sibling_day,))
    for docs in (first + [sibling], [sibling] + first):
        stories = group(docs)
        assert stories["u1"] == stories["u2"] != stories["v1"]


def test_stories_grouping_in_pieces_equals_grouping_at_once():
    docs = [doc("f1", FLOOD, "2024-03-02"), doc("t1", TRIAL, "2024-03-02"),
            doc("f2", FLOOD_2, "2024-03-03"), doc("t2", TRIAL_2, "2024-03-03")]
    at_once = group(docs)
    grouper = StoryGrouper()
    pieces = {}
    for d in docs[:2]:
        pieces[d.article.id] = grouper.add(features(d))
    rebuilt = StoryGrouper()  # as a stored corpus is reopened: placed, not scored again
    for f in (features(d) for d in docs[:2]):
        rebuilt.place(f, pieces[f.article])
    for d in docs[2:]:
        pieces[d.article.id] = rebuilt.add(features(d))
    assert bcubed(pieces, at_once).f1 == 1.0


# An article first in the batch whose story is made by the articles after it: alone it is too
# unlike the first of them (cosine 0.08), like their sum (0.39).
_EARLY = (("ecluse", 0.8), ("canal", 0.6))
_LATER = [StoryFeatures("b", "2024-03-02", (), (("peniche", 0.99), ("ecluse", 0.1))),
          StoryFeatures("c", "2024-03-02", (), (("peniche", 0.6), ("ecluse", 0.8)))]


@pytest.mark.parametrize("day, joins", [
    ("2024-03-01", True),  # within the window: a second look finds its story
    ("2024-02-01", False),  # a month before: the time rule still holds it apart
])
def test_stories_second_look_places_an_early_article_alone_at_first(day, joins):
    early = StoryFeatures("a", day, (), _EARLY)
    online = StoryGrouper()
    first = {f.article: online.add(f) for f in arrival_order([early, *_LATER])}
    assert first["b"] == first["c"] != first["a"]  # online, the early article is left alone
    stories = StoryGrouper().add_all([early, *_LATER])
    assert stories["b"] == stories["c"]
    assert (stories["a"] == stories["b"]) is joins
    assert len(set(stories.values())) == (1 if joins else 2)


def test_stories_second_look_leaves_one_article_and_stored_stories_as_added():
    """One article added alone goes where `add` puts it; a stored story that one article of
    the batch joins is not a new story left alone (it is not moved)."""
    stored = StoryGrouper()
    stored.place(_LATER[0], "s7")
    new = StoryFeatures("c", "2024-03-02", (), (("peniche", 0.6), ("ecluse", 0.8)))
    other = StoryFeatures("x", "2024-03-02", (), (("quai", 1.0),))
    assert stored.add_all([new, other]) == {"c": "s7", "x": "s8"}
    lone = StoryGrouper()
    assert lone.add_all([StoryFeatures("x", "2024-03-02", (), (("quai", 1.0),))]) == {"x": "s1"}


def test_stories_second_look_writes_only_the_final_state():
    """The trial pass changes nothing the grouper reports: its delta is the final grouping's."""
    early = StoryFeatures("a", "2024-03-01", (), _EARLY)
    grouper = StoryGrouper()
    stories = grouper.add_all([early, *_LATER])
    delta = grouper.delta()
    assert {p.id for p in delta.profiles} == set(stories.values()) == {"s1"}


def test_stories_cost_per_article_is_bounded_by_blocking():
    """With `recent` stories per term, an article scores a bounded number of stories even
    when every story shares a common term."""
    config = GroupConfig(recent=5)
    grouper = StoryGrouper(config)
    for n in range(200):
        terms = (("commun", 0.5), (f"rare{n}", 0.86))
        grouper.add(StoryFeatures(f"a{n}", "2024-01-01", (), terms))
    probe = StoryFeatures("p", "2024-01-01", (), (("commun", 1.0),))
    assert len(list(grouper._candidates(probe))) <= 5


@pytest.mark.parametrize("predicted, gold, expected", [
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),
    ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}, (5 / 9, 1.0)),
    ({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"}, (1.0, 2 / 3)),
    ({}, {"a": "x", "b": "x"}, (1.0, 0.5)),  # missing items are singletons
])
def test_stories_bcubed_on_hand_counted_cases(predicted, gold, expected):
    score = bcubed(predicted, gold)
    assert (round(score.precision, 6), round(score.recall, 6)) == \
        tuple(round(x, 6) for x in expected)


# --- Days named ahead of the article ("jusqu'au", "prochain", a verb in the future) ---

def dated(aid: str, text: str, days: dict[str, str], tokens: tuple[Token, ...] | None = None,
          partial: dict[str, PartialDate] | None = None) -> AnnotatedArticle:
    """An undated article whose date expressions (text -> value) sit where the text has them."""
    base = doc(aid, text)
    refs = []
    for written, value in days.items():
        at = text.index(written)
        refs.append(DateRef(written, at, at + len(written), 0, value,
                            partial=(partial or {}).get(written)))
    return dataclasses.replace(base, dates=tuple(refs), tokens=tokens or base.tokens)


@pytest.mark.parametrize("text, written, ahead", [
    ("Les épreuves se tiennent à Valmorin jusqu'au 15 juin.", "15 juin", True),
    ("Les épreuves se tiennent à Valmorin jusqu’au 15 juin.", "15 juin", True),
    ("La préfète veut un plan d'ici le 15 juin.", "15 juin", True),
    ("Les épreuves ont commencé à Valmorin le 15 juin.", "15 juin", False),
])
def test_stories_features_day_after_a_bound_word_is_ahead(text, written, ahead):
    f = features(dated("a", text, {written: "--06-15"}))
    assert f.refs == ("--06-15",)
    assert (f.ahead == ("--06-15",)) is ahead


def test_stories_features_day_said_prochain_is_ahead():
    text = "La préfète recevra les sinistrés le 3 octobre prochain."
    nxt = PartialDate(month=10, day=3, direction=1)
    f = features(dated("a", text, {"3 octobre prochain": "--10-03"}, partial={
        "3 octobre prochain": nxt}))
    assert f.ahead == ("--10-03",)


def _parsed(text: str, verb_morph: str, aux_morph: str | None = None) -> tuple[Token, ...]:
    """Tokens of "<Sujet> [aux] <verbe> le <jour> <mois>": the date hangs from the verb."""
    words = [(m.group(), m.start()) for m in re.finditer(r"\w+", text)]
    verb = 2 if aux_morph else 1
    tokens = []
    for i, (word, start) in enumerate(words):
        if i == 0:
            tokens.append(Token(word, start, word.lower(), "PROPN", "nsubj", verb))
        elif aux_morph and i == 1:
            tokens.append(Token(word, start, word.lower(), "AUX", "aux:pass", verb, aux_morph))
        elif i == verb:
            tokens.append(Token(word, start, word.lower(), "VERB", "ROOT", i, verb_morph))
        elif word.isdigit():
            tokens.append(Token(word, start, word, "NUM", "obl:mod", verb))
        else:  # "le" and the month hang from the day
            day = next(j for j, (w, _) in enumerate(words) if w.isdigit())
            tokens.append(Token(word, start, word.lower(), "NOUN", "dep", day))
    return tuple(tokens)


@pytest.mark.parametrize("text, verb_morph, aux_morph, ahead", [
    ("Varenne visitera le 3 octobre", "Mood=Ind|Tense=Fut|VerbForm=Fin", None, True),
    ("Varenne sera reçue le 3 octobre", "Tense=Past|VerbForm=Part",
     "Mood=Ind|Tense=Fut|VerbForm=Fin", True),
    ("Varenne visitait le 3 octobre", "Mood=Ind|Tense=Imp|VerbForm=Fin", None, False),
    ("Varenne a visité le 3 octobre", "Tense=Past|VerbForm=Part",
     "Mood=Ind|Tense=Pres|VerbForm=Fin", False),
])
def test_stories_features_day_of_a_verb_in_the_future_is_ahead(text, verb_morph, aux_morph,
                                                               ahead):
    tokens = _parsed(text, verb_morph, aux_morph)
    f = features(dated("a", text, {"3 octobre": "--10-03"}, tokens=tokens))
    assert (f.ahead == ("--10-03",)) is ahead


def test_stories_features_day_also_named_plainly_is_not_ahead():
    text = "Le stade a ouvert le 15 juin. Les épreuves durent jusqu'au 15 juin."
    base = dated("a", text, {"15 juin": "--06-15"})
    second = text.rindex("15 juin")
    again = DateRef("15 juin", second, second + 7, 1, "--06-15")
    f = features(dataclasses.replace(base, dates=base.dates + (again,)))
    assert f.ahead == ()


@pytest.mark.parametrize("refs, ahead, time", [
    # "depuis le 27 janvier ... jusqu'au 15 juin": a bound, and a background well before it
    (("--01-27", "--06-15"), ("--06-15",), None),
    (("--06-11", "--06-15"), ("--06-15",), "--06-11"),  # a day just before its bound
    (("--06-15",), ("--06-15",), None),
    (("--09-02", "--09-10"), ("--09-10",), "--09-02"),
])
def test_stories_time_leaves_out_days_ahead(refs, ahead, time):
    assert StoryFeatures("a", None, refs, (), ahead).time == time


@pytest.mark.parametrize("text, written, since", [
    ("Le barrage est fermé depuis le 4 mai, selon la préfecture.", "4 mai", True),
    ("Le barrage est fermé depuis 4 mai.", "4 mai", True),
    ("Les crues ont noyé la vallée entre le 4 mai et la fin du mois.", "4 mai", True),
    ("Le péage est gratuit à compter du 4 mai.", "4 mai", True),
    ("Le barrage a été fermé le 4 mai, selon la préfecture.", "4 mai", False),
])
def test_stories_features_day_after_a_start_word_is_a_start(text, written, since):
    f = features(dated("a", text, {written: "--05-04"}))
    assert f.refs == ("--05-04",)
    assert (f.since == ("--05-04",)) is since
    assert f.ahead == ()


@pytest.mark.parametrize("refs, since, time", [
    (("--05-04",), ("--05-04",), None),  # only a start: as undated, placed by its words
    (("--05-04", "--05-09"), ("--05-04",), "--05-09"),
    (("--05-04", "--05-09"), (), "--05-09"),
])
def test_stories_time_leaves_out_start_days(refs, since, time):
    assert StoryFeatures("a", None, refs, (), (), since).time == time


# The ceremony of one subject, the next days; an article of another subject of those weeks.
GAMES = ("La cérémonie d'ouverture des Jeux de Valmorin a réuni les athlètes au stade ; "
         "la vasque olympique a été allumée par la championne Odile Varenne.")
GAMES_2 = ("Au stade de Valmorin, la championne Varenne a allumé la vasque olympique lors de "
           "la cérémonie d'ouverture des Jeux devant les athlètes.")
GAMES_AHEAD = ("Les athlètes des Jeux de Valmorin concourent au stade jusqu'au 15 juin ; la "
               "vasque olympique allumée par Varenne brûlera jusque-là, malgré le procès.")


def test_stories_article_whose_only_day_is_a_bound_joins_its_story_not_one_near_the_bound():
    """An undated article naming only the end of its event ("jusqu'au 15 juin", 16 days after
    the ceremony) is not held out of the ceremony's story by that day, nor put in a story of
    another subject that happens to be near it."""
    games = [doc("g1", GAMES, dates=("--05-30",)), doc("g2", GAMES_2, dates=("--05-30",))]
    trial = [doc("t1", TRIAL, dates=("--06-13",)), doc("t2", TRIAL_2, dates=("--06-14",))]
    ahead = dated("g3", GAMES_AHEAD, {"15 juin": "--06-15"})
    stories = group(games + trial + [ahead])
    assert stories["g3"] == stories["g1"] == stories["g2"] != stories["t1"]


def test_stories_article_whose_days_are_ahead_is_not_put_in_a_story_after_them():
    """"Jusqu'au 15 juin": the article was written before that day; a story of the same words
    all in the weeks after it is another event."""
    later = [doc("g1", GAMES, dates=("--07-12",)), doc("g2", GAMES_2, dates=("--07-13",))]
    ahead = dated("g3", GAMES_AHEAD, {"15 juin": "--06-15"})
    stories = group(later + [ahead])
    assert stories["g3"] != stories["g1"] == stories["g2"]



@pytest.mark.parametrize("day, bound, days", [
    ("2024-03-01", "2024-03-11", 10),
    ("2024-03-11", "2024-03-01", -10),
    ("--12-30", "2025-01-02", 3),  # a day without a year: read on the circle of the year
    ("2024-12-30", "--01-02", 3),
    ("--01-02", "--12-30", -3),
    ("--02-29", "--03-01", 1),  # read in a leap year
    ("--02-30", "--03-01", 1 << 20),  # no such day: far from every day
])
def test_stories_days_before(day, bound, days):
    assert days_before(day, bound) == days
