"""Entity merging on hand-made mentions (no model): each rule of crosscheck.canon."""

from __future__ import annotations

import pytest

from recoupe.config import EntitiesConfig
from recoupe.crosscheck.canon import merge_entities
from recoupe.model import AnnotatedArticle, Article, Mention, Token


def article(aid: str, *mentions: tuple, language: str = "fr") -> AnnotatedArticle:
    """An annotated article whose text is its mentions, one per line; a mention is
    (text, label) or (text, label, pos) with pos the part of speech of every word, or a
    space-separated list of them, one per word."""
    tokens, ms, text = [], [], ""
    for spec in mentions:
        surface, label = spec[0], spec[1]
        words = surface.split()
        tags = (spec[2] if len(spec) > 2 else "PROPN").split()
        tags = tags * len(words) if len(tags) == 1 else tags
        start = len(text)
        first = len(tokens)
        for word, pos in zip(words, tags, strict=True):
            tokens.append(Token(word, len(text), word.lower(), pos, "nmod", len(tokens)))
            text += word + " "
        ms.append(Mention(surface, label, start, start + len(surface), len(ms), first,
                          len(tokens)))
        text = text[:-1] + "\n"
    art = Article(id=aid, source=aid, text=text, language=language)
    return AnnotatedArticle(art, language, (), tuple(tokens), tuple(ms))


def names(*arts: AnnotatedArticle) -> dict[str, set[str]]:
    return {e.name: set(e.variants) for e in merge_entities(arts, EntitiesConfig())}


def entity_with(variant: str, *arts: AnnotatedArticle):
    hits = [e for e in merge_entities(arts, EntitiesConfig()) if variant in e.variants]
    assert len(hits) == 1, f"{variant!r} is in {len(hits)} entities"
    return hits[0]


@pytest.mark.parametrize("spellings", [
    ["Lee Jae-myung", "Lee Jae Myung", "Lee Jae-Myung"],
    ["Jean-Luc Mélenchon", "Jean Luc Mélenchon", "Jean-Luc Melenchon"],
])
def test_canon_merges_hyphen_spacing_and_accent_variants(spellings):
    arts = [article(f"a{i}", (s, "PER")) for i, s in enumerate(spellings)]
    e = entity_with(spellings[0], *arts)
    assert set(spellings) <= set(e.variants)
    assert e.articles == ("a0", "a1", "a2")
    assert e.mentions == 3


@pytest.mark.parametrize("with_title, bare", [
    ("M. Scholz", "Scholz"),
    ("Mme Lagarde", "Lagarde"),
    ("président Lula", "Lula"),
    ("le président brésilien Lula", "Lula"),
    ("Dr Tedros", "Tedros"),
])
def test_canon_strips_titles(with_title, bare):
    e = entity_with(with_title, article("a", (with_title, "PER")), article("b", (bare, "PER")))
    assert e.name == bare and e.mentions == 2


@pytest.mark.parametrize("short, full", [
    ("Scholz", "Olaf Scholz"),
    ("M. Lagarde", "Christine Lagarde"),
    ("M. Xi", "Xi Jinping"),
    ("Lula da", "Lula da Silva"),
])
def test_canon_resolves_short_forms_to_the_full_name(short, full):
    e = entity_with(short, article("a", (full, "PER")), article("b", (short, "PER")))
    assert e.name == full


def test_canon_leaves_an_ambiguous_short_form_apart():
    arts = [article("a", ("Park Geun-hye", "PER"), ("Park Chung-hee", "PER")),
            article("b", ("Park", "PER"))]
    got = names(*arts)
    assert "Park" in got and len(got) == 3


def test_canon_short_form_prefers_longer_partials_first():
    arts = [article("a", ("Moon Jae-in", "PER")), article("b", ("Moon Jae", "PER")),
            article("c", ("M. Moon", "PER"))]
    assert list(names(*arts)) == ["Moon Jae-in"]


@pytest.mark.parametrize("a, b", [
    ("Khrouchtchev", "Khrushchev"),
    ("Tchernobyl", "Chernobyl"),
    ("Sergueï Lavrov", "Sergei Lavrov"),
    ("Zelensky", "Zelenskyy"),
])
def test_canon_merges_transliteration_variants(a, b):
    label = "LOC" if a == "Tchernobyl" else "PER"
    e = entity_with(a, article("x", (a, label)), article("y", (b, label)))
    assert b in e.variants


@pytest.mark.parametrize("a, b", [
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Autriche", "Australie"),
    ("Jean Martin", "Jean Martel"),
])
def test_canon_keeps_different_names_apart(a, b):
    label = "LOC" if a == "Autriche" else "PER"
    assert len(names(article("x", (a, label)), article("y", (b, label)))) == 2


@pytest.mark.parametrize("forms, code_name", [
    (["Allemagne", "République fédérale d'Allemagne"], "Allemagne"),
    (["Royaume-Uni", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"], "Royaume-Uni"),
    (["Corée du Sud", "République de Corée"], "Corée du Sud"),
    (["États-Unis", "Etats-Unis", "États-Unis d'Amérique"], "États-Unis"),
])
def test_canon_joins_country_names_through_cldr_and_iso(forms, code_name):
    arts = [article(f"a{i}", (f, "LOC")) for i, f in enumerate(forms)]
    e = entity_with(forms[0], *arts)
    assert e.name == code_name and e.type == "LOC" and set(forms) <= set(e.variants)


def test_canon_resolves_an_acronym_to_its_expansion():
    arts = [article("a", ("Organisation du traité de l'Atlantique nord", "ORG")),
            article("b", ("OTAN", "ORG"))]
    e = entity_with("OTAN", *arts)
    assert "Organisation du traité de l'Atlantique nord" in e.variants


def test_canon_acronym_of_a_country_joins_the_country():
    arts = [article("a", ("République démocratique du Congo", "LOC")),
            article("b", ("RDC", "LOC")), article("c", ("Congo-Kinshasa", "LOC"))]
    e = entity_with("RDC", *arts)
    assert "République démocratique du Congo" in e.variants


@pytest.mark.parametrize("designated, bare", [
    ("région de la Volga", "Volga"),
    ("province du Hainaut", "Hainaut"),
    ("l'île de Ré", "Ré"),
])
def test_canon_merges_an_area_with_its_bare_name(designated, bare):
    e = entity_with(designated, article("a", (designated, "LOC")), article("b", (bare, "LOC")))
    assert bare in e.variants and e.type == "LOC"


def test_canon_merges_the_forms_of_one_site_and_its_bare_name():
    forms = ["cosmodrome de Baïkonour", "Baïkonour Cosmodrome", "port spatial de Baïkonour",
             "Baïkonour"]
    arts = [article(f"a{i}", (f, "MISC")) for i, f in enumerate(forms)]
    e = entity_with("Baïkonour", *arts)
    assert set(forms) <= set(e.variants) and e.type == "LOC"


@pytest.mark.parametrize("site, town", [
    ("gare de Lyon", "Lyon"),
    ("aéroport de Marseille", "Marseille"),
])
def test_canon_keeps_a_site_apart_from_the_town_it_is_named_after(site, town):
    got = names(article("a", (site, "LOC")), article("b", (town, "LOC")))
    assert len(got) == 2 and town not in got[next(n for n in got if n != town)]


def test_canon_keeps_sites_of_different_kinds_apart():
    arts = [article("a", ("aéroport de Bagram", "LOC")), article("b", ("prison de Bagram", "LOC"))]
    assert len(names(*arts)) == 2


@pytest.mark.parametrize("place, person", [
    ("Camp David", "David Lisnard"),
    ("Mont Blanc", "Christian Blanc"),
])
def test_canon_never_merges_a_place_into_a_person(place, person):
    arts = [article("a", (place, "LOC")), article("b", (person, "PER"))]
    assert len(names(*arts)) == 2


@pytest.mark.parametrize("regnal, person", [
    ("le roi Charles", "Charles Michel"),
    ("le pape François", "François Bayrou"),
])
def test_canon_a_reign_name_is_not_a_first_name(regnal, person):
    arts = [article("a", (regnal, "PER")), article("b", (person, "PER"))]
    assert len(names(*arts)) == 2


def test_canon_a_bare_first_name_does_not_take_a_full_name():
    arts = [article("a", ("Olivier Faure", "PER")), article("b", ("Olivier", "PER"))]
    assert len(names(*arts)) == 2


def test_canon_does_not_treat_an_organisation_name_as_a_designated_place():
    arts = [article("a", ("Université de Genève", "ORG")), article("b", ("Genève", "LOC"))]
    assert len(names(*arts)) == 2


@pytest.mark.parametrize("determined, bare", [
    ("l'Union européenne", "Union européenne"),
    ("l’Élysée", "Élysée"),
    ("la Knesset", "Knesset"),
])
def test_canon_strips_leading_determiners(determined, bare):
    e = entity_with(determined, article("a", (determined, "ORG")), article("b", (bare, "ORG")))
    assert e.name == bare


def test_canon_votes_the_type_across_mentions():
    arts = [article("a", ("Tbilissi", "LOC")), article("b", ("Tbilissi", "LOC")),
            article("c", ("Tbilissi", "PER"))]
    assert entity_with("Tbilissi", *arts).type == "LOC"


def test_canon_retypes_a_lone_place_name_taken_for_a_person():
    e = entity_with("Berlin", article("a", ("Berlin", "PER")))
    assert e.type == "LOC"


def test_canon_keeps_a_surname_that_is_also_a_town_when_the_full_name_is_there():
    arts = [article("a", ("Michael Jackson", "PER")), article("b", ("Jackson", "PER"))]
    e = entity_with("Jackson", *arts)
    assert e.type == "PER" and e.name == "Michael Jackson"


@pytest.mark.parametrize("mention", [
    ("Défense", "LOC", "NOUN"),   # "le ministre de la Défense"
    ("Etat", "LOC", "NOUN"),      # "un Etat souverain"
    ("Justice", "ORG", "NOUN"),
    ("Scrutant", "PER", "VERB"),  # "Scrutant l'horizon, il ...": a participle
    ("Patienter", "LOC", "VERB"),  # a quoted infinitive opening a sentence
])
def test_canon_drops_a_lone_common_noun_or_verb(mention):
    assert names(article("a", mention)) == {}


@pytest.mark.parametrize("junk", [
    ("subscribe to our newsletter", "MISC"),   # no capital: not a name
    ("Genève,12", "LOC"),                      # a dateline glued to its day
    ("11:50AA", "MISC"),
    ("|", "ORG"),
    ("Vendredi", "PER"),                       # a weekday opening a headline
    ("SEPTEMBRE", "MISC"),
])
def test_canon_drops_mentions_that_are_not_names(junk):
    assert names(article("a", junk)) == {}


def test_canon_ids_are_stable_and_unique():
    arts = [article("a", ("Olaf Scholz", "PER"), ("Berlin", "LOC")),
            article("b", ("Scholz", "PER"))]
    first = merge_entities(arts, EntitiesConfig())
    again = merge_entities(list(reversed(arts)), EntitiesConfig())
    assert {e.id for e in first} == {e.id for e in again}
    assert len({e.id for e in first}) == len(first)


def test_canon_most_mentioned_first():
    arts = [article("a", ("Berlin", "LOC"), ("Olaf Scholz", "PER")),
            article("b", ("Scholz", "PER"))]
    assert [e.name for e in merge_entities(arts, EntitiesConfig())] == ["Olaf Scholz", "Berlin"]


@pytest.mark.parametrize("mention", [
    ("Sécurité sociale et les retraites", "ORG", "NOUN ADJ CCONJ DET NOUN"),
    ("Politique agricole les aides", "ORG", "NOUN ADJ DET NOUN"),
])
def test_canon_drops_a_span_that_runs_past_the_name(mention):
    assert names(article("a", mention)) == {}


@pytest.mark.parametrize("mention", [
    ("Organisation mondiale de la santé", "ORG", "NOUN ADJ ADP DET NOUN"),
    ("Banque mondiale", "ORG", "NOUN ADJ"),
    ("Nguyen Van Thieu", "PER", "PROPN DET PROPN"),  # a capital word misread as a determiner
    ("Alexandre le Grand", "PER", "PROPN DET PROPN"),  # a determiner before a capital
])
def test_canon_keeps_institution_names_with_determiners(mention):
    assert list(names(article("a", mention))) == [mention[0]]


def en(aid: str, *mentions: tuple) -> AnnotatedArticle:
    return article(aid, *mentions, language="en")


def test_canon_english_titles_and_short_forms():
    arts = [en("a", ("President Emmanuel Macron", "PER")), en("b", ("Mr. Macron", "PER")),
            en("c", ("Macron", "PER"))]
    assert list(names(*arts)) == ["Emmanuel Macron"]


def test_canon_english_sites_and_acronyms():
    arts = [en("a", ("Baikonur Cosmodrome", "LOC")), en("b", ("the Baikonur cosmodrome", "LOC")),
            en("c", ("North Atlantic Treaty Organization", "ORG")), en("d", ("NATO", "ORG"))]
    got = names(*arts)
    assert len(got) == 2
    assert "NATO" in got["North Atlantic Treaty Organization"]


def test_canon_english_country_names():
    arts = [en("a", ("North Korea", "LOC")), en("b", ("Democratic People's Republic of Korea",
                                                      "LOC"))]
    assert list(names(*arts)) == ["North Korea"]


def test_canon_english_regnal_title():
    arts = [en("a", ("King Charles", "PER")), en("b", ("Charles Michel", "PER"))]
    assert len(names(*arts)) == 2


def test_canon_person_spellings_merge_word_by_word():
    arts = [article("a", ("Sergueï Lavrov", "PER")), article("b", ("Sergei Lavrov", "PER")),
            article("c", ("Lee Jae-myung", "PER")), article("d", ("Lee Jae-yong", "PER"))]
    assert len(names(*arts)) == 3


# --- types from what the name says: agencies, institutions, seats, former states, persons --

def _typed(*mentions: tuple, credits: tuple[str, ...] = ()):
    a = article("a", *mentions)
    if credits:
        from dataclasses import replace
        a = replace(a, article=replace(a.article, credits=credits))
    return {e.name: e.type for e in merge_entities([a], EntitiesConfig())}


@pytest.mark.parametrize("name, label", [("Kyodo", "MISC"), ("Yonhap", "PER"),
                                         ("Kyodo", "LOC")])
def test_canon_types_a_news_agency_as_an_organisation(name, label):
    assert _typed((name, label)) == {name: "ORG"}


def test_canon_types_a_one_word_credit_of_the_article_as_an_organisation():
    assert _typed(("Infopresse", "PER"), credits=("ats/Infopresse",)) == {"Infopresse": "ORG"}


@pytest.mark.parametrize("seat", ["Downing Street", "la Moncloa", "Zhongnanhai"])
def test_canon_types_a_seat_of_power_standing_for_it_as_an_organisation(seat):
    assert set(_typed((seat, "LOC")).values()) == {"ORG"}


@pytest.mark.parametrize("name", ["Cour des comptes", "Conseil constitutionnel",
                                  "Ministère de la Santé", "Radio Canada"])
def test_canon_types_an_institution_or_medium_taken_for_a_place_as_an_organisation(name):
    assert _typed((name, "LOC", "PROPN")) == {name: "ORG"}


@pytest.mark.parametrize("name", ["Yougoslavie", "Tchécoslovaquie"])
def test_canon_types_a_former_state_as_a_place(name):
    assert _typed((name, "MISC")) == {name: "LOC"}


@pytest.mark.parametrize("name", ["Lucie Garnier", "Bastien Dufresnoy", "Florian de Valois"])
def test_canon_types_a_name_opening_with_a_given_name_as_a_person(name):
    assert _typed((name, "ORG")) == {name: "PER"}


@pytest.mark.parametrize("name", ["Marine nationale", "Marine Nationale", "Paris Saint-Germain",
                                  "Lucie Esplanade Centrale Nord Sud"])
def test_canon_keeps_organisations_that_open_with_a_given_name(name):
    assert _typed((name, "ORG")) == {name: "ORG"}


def test_canon_types_a_name_after_an_honorific_as_a_person():
    assert _typed(("M. Dufresnoy", "ORG")) == {"Dufresnoy": "PER"}


@pytest.mark.parametrize("glued, kept", [("REUTERS Premier", None),
                                         ("Bellecombe AFP", "Bellecombe"),
                                         ("Press Trust of India", "Press Trust of India")])
def test_canon_takes_a_wire_name_glued_to_other_words_off(glued, kept):
    found = _typed((glued, "MISC"))
    assert (list(found) or [None]) == [kept]


@pytest.mark.parametrize("name", ["JO de Bellecombe", "Lucie Day Foundation", "Lucie de Lyon"])
def test_canon_keeps_events_and_bodies_that_look_like_a_given_name_apart(name):
    assert _typed((name, "MISC")) == {name: "MISC"}
