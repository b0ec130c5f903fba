"""The French table for propositions: light verbs, nouns of time, event nouns and their verbs."""

import pytest

from recoupe.lang.fr import propositions


@pytest.mark.parametrize("table", [propositions.LIGHT_VERBS, propositions.TIME_NOUNS,
                                   set(propositions.EVENT_NOUNS),
                                   set(propositions.EVENT_NOUNS.values())])
def test_lang_propositions_tables_are_lower_case_lemmas(table):
    assert all(w == w.lower() and w.strip() == w and " " not in w for w in table)


@pytest.mark.parametrize("verb", sorted(set(propositions.EVENT_NOUNS.values())))
def test_lang_propositions_event_nouns_map_to_infinitives(verb):
    assert verb.endswith(("er", "ir", "re"))


def test_lang_propositions_event_nouns_are_no_nouns_of_time():
    # a noun of time is never a predicate: listing it as an event would be dead
    assert not set(propositions.EVENT_NOUNS) & propositions.TIME_NOUNS


@pytest.mark.parametrize("noun, verb", [("retour", "revenir"), ("perte", "perdre"),
                                        ("ouverture", "ouvrir"), ("annonce", "annoncer")])
def test_lang_propositions_event_noun_meets_its_verb(noun, verb):
    assert propositions.EVENT_NOUNS[noun] == verb


@pytest.mark.parametrize("word", ["être", "avoir", "pouvoir"])
def test_lang_propositions_light_verbs_hold_being_having_and_modals(word):
    assert word in propositions.LIGHT_VERBS


@pytest.mark.parametrize("noun, verb", [
    ("agrandissement", "agrandir"), ("rénovation", "rénover"), ("déménagement", "déménager"),
    # "-ification" makes "-ifier", not "-ificer"
    ("modification", "modifier"), ("vérification", "vérifier"),
    # too short a stem: no derivation, the noun stays itself
    ("nation", "nation"), ("élément", "élément"),
    # no derivable ending
    ("explosion", "explosion"),
])
def test_lang_propositions_event_noun_derives_its_verb(noun, verb):
    from recoupe.crosscheck.anchors import derived_verb

    assert derived_verb(noun, propositions) == verb


def test_lang_propositions_derivations_make_infinitives():
    assert all(verb.endswith(("er", "ir")) for _, verb in propositions.EVENT_DERIVATIONS)


def test_lang_propositions_restriction_is_no_word_of_negation():
    # "que" after "ne" restricts; were it a word of negation, "ne ... que" would negate
    assert not propositions.RESTRICTIONS & propositions.NEGATION_WORDS


@pytest.mark.parametrize("this, other", propositions.OPPOSED_ACTS)
def test_lang_propositions_opposed_acts_are_two_disjoint_sets_of_infinitives(this, other):
    assert this and other and not this & other
    for verb in this | other:
        assert verb == verb.lower() and verb.endswith(("er", "ir", "re"))
        assert verb not in propositions.LIGHT_VERBS


def test_lang_propositions_converses_are_no_opposites():
    # "la mairie vend la ferme" / "le voisin achète la ferme": one sale told from its two
    # sides, not two facts
    from recoupe.crosscheck.anchors import opposed

    assert not opposed(frozenset({("vendre", "ferme")}), frozenset({("acheter", "ferme")}), "fr")
