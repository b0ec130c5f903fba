"""Propositions inside sentences: (predicate, argument) anchors read from the parse, and the
claims they let a sentence join besides the one its whole wording goes to."""

import pytest

from recoupe.crosscheck import anchors
from recoupe.crosscheck.anchors import sentence_anchors
from recoupe.crosscheck.claims import find_claims
from recoupe.crosscheck.similarity import SentenceSpace, _number_values, units_of

from .support import annotated

TEXTS = {
    "a": "La skieuse prépare son retour sur les pistes, selon son entraîneur, et vise le "
         "slalom de Levi en novembre.\n"
         "Le maire, qui a inauguré la piscine en juin, refuse de commenter la polémique.\n"
         "Le stade est très grand depuis septembre.",
    "b": "Après son retour sur les pistes, la skieuse disputera la descente de Val Gardena "
         "samedi.\n"
         "« Nous avons inauguré la piscine trop tôt », a reconnu le maire.",
    "c": "La skieuse revient sur les pistes après deux ans d'absence, a indiqué mardi sa "
         "fédération.",
}


@pytest.fixture(scope="module")
def articles():
    return annotated(TEXTS)


def _anchors_of(article, masks=None):
    return sentence_anchors(article, _number_values(article), masks)


def _keys_of(text):
    """The anchors of the first sentence of one invented article."""
    return _anchors_of(annotated({"t": text})[0]).get(0, set())


@pytest.mark.parametrize("aid, sentence, anchor, held", [
    # an event noun is keyed as the verb it is made from, so meets that verb
    ("a", 0, ("revenir", "piste"), True),
    ("b", 0, ("revenir", "piste"), True),
    ("c", 0, ("revenir", "piste"), True),
    # the main clause's own predication
    ("a", 1, ("commenter", "polemique"), True),
    # an asserted relative clause states a fact of its own: it anchors too
    ("a", 1, ("inaugurer", "piscine"), True),
])
def test_claims_anchors_key_main_predications(articles, aid, sentence, anchor, held):
    by_id = {a.article.id: a for a in articles}
    assert (anchor in _anchors_of(by_id[aid]).get(sentence, set())) is held


def test_claims_anchors_skip_light_verbs_and_dates(articles):
    # "être" predicates nothing; "septembre" dates, it is no argument
    assert not _anchors_of(articles[0]).get(2)


def test_claims_anchors_skip_direct_quotes(articles):
    b = articles[1]
    s = b.sentences[1]
    quote = s.text.index("Nous avons inauguré la piscine trop tôt")
    start = s.start + quote
    masks = {("b", 1): [(start, start + len("Nous avons inauguré la piscine trop tôt"))]}
    assert ("inaugurer", "piscine") in _anchors_of(b).get(1, set())
    assert ("inaugurer", "piscine") not in _anchors_of(b, masks).get(1, set())


def test_claims_sentence_joins_the_claim_of_its_inner_predication(articles):
    claims = find_claims(articles, ())
    comeback = [c for c in claims if all("retour sur les pistes" in s.text
                                         for s in c.sentences)]
    assert [c.support for c in comeback] == [2]
    assert set(comeback[0].articles) == {"a", "b"}
    # the claim reads as its shortest sentence, the one that says the least besides
    assert comeback[0].text.startswith("Après son retour")
    # the sentence is said in that claim, not once more alone
    assert sum(s.text.startswith("Après son retour") for c in claims for s in c.sentences) == 1


SUBJECT = {
    "a": "La skieuse disputera la descente samedi.\nLa skieuse a gagné deux courses.",
    "b": "La skieuse disputera le slalom dimanche.\nLa skieuse aime la montagne.",
}


@pytest.mark.parametrize("share, grouped", [(0.135, False), (1.0, True)])
def test_claims_anchor_on_the_story_subject_joins_nothing(share, grouped):
    # both sentences hold (disputer, skieuse), on two different races: the skier is in
    # every sentence of the story, so the anchor is not particular enough to join them
    arts = annotated(SUBJECT)
    units = units_of(arts, 1)
    space = SentenceSpace(units)
    singletons = [[i] for i in range(len(units))]
    groups = space.join_anchors(singletons, share, -9.0)
    assert any(len(g) > 1 for g in groups) is grouped


def test_claims_anchor_groups_keep_one_sentence_per_article(articles):
    units = units_of(articles, 4)
    space = SentenceSpace(units)
    groups = space.join_anchors([[i] for i in range(len(units))], 0.5, -9.0)
    for g in groups:
        owners = [units[i].article.article.id for i in g]
        assert len(owners) == len(set(owners))


@pytest.mark.parametrize("text, sentence_anchor", [
    # an unlisted "-ation" noun is keyed as its verb, so meets that verb's sentence
    ("La mairie annonce la rénovation de la gare.", ("renover", "gare")),
    ("La mairie rénove la gare depuis lundi.", ("renover", "gare")),
    # "-issement": the verb ends in "-ir"
    ("Le port prévoit l'agrandissement du quai.", ("agrandir", "quai")),
    ("Le port agrandit le quai cet été.", ("agrandir", "quai")),
])
def test_claims_anchors_derived_event_noun_meets_its_verb(text, sentence_anchor):
    assert sentence_anchor in _keys_of(text)


@pytest.mark.parametrize("text, anchor, held", [
    # an event noun, object of a verb inside a relative clause
    ("La skieuse, qui a promis son retour sur les pistes, disputera la descente samedi.",
     ("revenir", "piste"), True),
    # a relative clause negated, or in the conditional (by its auxiliary, or by the modal
    # it depends on), asserts nothing
    ("Le maire, qui n'a pas inauguré la piscine, refuse de commenter la polémique.",
     ("inaugurer", "piscine"), False),
    ("Le maire, qui aurait inauguré la piscine en juin, refuse de commenter la polémique.",
     ("inaugurer", "piscine"), False),
    ("La skieuse, qui n'a jamais promis son retour sur les pistes, disputera la descente "
     "samedi.", ("revenir", "piste"), False),
    ("Selon son club, la skieuse, qui pourrait promettre son retour sur les pistes, "
     "disputera la descente samedi.", ("revenir", "piste"), False),
    # a completive of the main verb is a main predication: its conditional after a past
    # reporting verb is the future of the past, asserted
    ("Le maire a annoncé qu'il inaugurerait la piscine en juin.", ("inaugurer", "piscine"),
     True),
])
def test_claims_anchors_embedded_predication_only_when_asserted(text, anchor, held):
    assert (anchor in _keys_of(text)) is held


def test_claims_anchors_negated_main_predication_keyed_with_its_negation():
    keys = _keys_of("La coopérative, qui n'a pas racheté la minoterie, vend ses terres "
                    "agricoles aux enchères cette semaine.")
    # the parse hangs the clause from the sentence's root (a main predication): the denial
    # keys as a denial, never as the deed
    assert ("racheter", "minoterie") not in keys
    assert (anchors.NEGATED + "racheter", "minoterie") in keys


MILL = {
    "p": "Le boulanger, qui a racheté la minoterie, embauchera deux apprentis venus du lycée "
         "professionnel de Rodez et ouvrira un fournil neuf en mars.\n"
         "Les habitants attendent ce pain depuis longtemps.",
    "q": "Le boulanger a racheté la minoterie pour un euro symbolique.\n"
         "Le conseil municipal votera la subvention du marché couvert jeudi.",
    "r": "La coopérative, qui n'a pas racheté la minoterie, vend ses terres agricoles aux "
         "enchères cette semaine.\n"
         "Les enchères commencent à midi devant la salle des fêtes.",
}


@pytest.fixture(scope="module")
def mill():
    return annotated(MILL)


@pytest.mark.parametrize("inner_depth, joined", [(anchors._INNER_DEPTH, True), (1, False)])
def test_claims_sentence_joins_the_claim_of_its_relative_clause(mill, monkeypatch,
                                                                inner_depth, joined):
    # the long sentence says other things besides the purchase, which the other outlet
    # gives as its main fact: only the relative clause's anchor brings them together
    monkeypatch.setattr(anchors, "_INNER_DEPTH", inner_depth)
    claims = find_claims(mill[:2], ())
    purchase = [c for c in claims if c.support == 2]
    assert bool(purchase) is joined
    if joined:
        assert {s.text.split(",")[0] for s in purchase[0].sentences} == {
            "Le boulanger", "Le boulanger a racheté la minoterie pour un euro symbolique."}


def test_claims_negated_relative_clause_joins_no_claim_of_the_deed(mill):
    units = units_of(mill, 1)
    space = SentenceSpace(units)
    groups = space.join_anchors([[i] for i in range(len(units))], 0.5, -9.0)
    joined = [sorted((units[i].article.article.id, units[i].index) for i in g)
              for g in groups if len(g) > 1]
    assert joined == [[("p", 0), ("q", 0)]]


@pytest.mark.parametrize("text, key", [
    ("Le boulanger ne vend pas de pain de seigle depuis lundi.",
     anchors.NEGATED + "vendre"),
    # "ne ... que", "ne ... plus que": only, which asserts the sale
    ("Le boulanger ne vend que du pain de seigle depuis lundi.", "vendre"),
    ("Le boulanger ne vend plus que du pain de seigle.", "vendre"),
])
def test_claims_anchors_restriction_is_no_negation(text, key):
    assert (key, "pain") in _keys_of(text)


@pytest.mark.parametrize("text, deed", [
    ("Aucune arrestation de manifestants n'a eu lieu.", ("arreter", "manifestant")),
    ("Aucune fermeture de la gare n'est envisagée par la région.", ("fermer", "gare")),
])
def test_claims_anchors_event_noun_under_a_denying_determiner_is_denied(text, deed):
    # "aucune arrestation" states no arrest: keyed as a denial, never as the deed
    keys = _keys_of(text)
    assert deed not in keys
    assert (anchors.NEGATED + deed[0], deed[1]) in keys


def test_claims_anchors_event_noun_without_a_denying_determiner_is_asserted():
    text = "La fermeture de la gare est envisagée par la région."
    assert ("fermer", "gare") in _keys_of(text)


@pytest.mark.parametrize("text, deed", [
    # a word of negation before "ne": the clause after "que" is not asserted
    ("Personne n'a confirmé que la mairie vendait le terrain.", ("vendre", "terrain")),
    ("Rien ne prouve que le club rachète le stade.", ("racheter", "stade")),
    ("Aucun élu n'a demandé que la commune vende le terrain.", ("vendre", "terrain")),
    # an event noun under a negated root is neither asserted nor denied
    ("La région n'envisage pas la fermeture de la gare.", ("fermer", "gare")),
])
def test_claims_anchors_nothing_under_a_denial_is_asserted(text, deed):
    keys = _keys_of(text)
    assert deed not in keys


def test_claims_anchors_expletive_ne_denies_nothing():
    text = "La mairie a fermé la gare avant que la crue ne noie les quais."
    keys = _keys_of(text)
    assert not any(pred.startswith(anchors.NEGATED) for pred, _ in keys)


@pytest.mark.parametrize("text", [
    "Le maire a vendu le terrain sans consulter les riverains.",
    "Le maire a vendu le terrain sans avoir consulté les riverains.",
])
def test_claims_anchors_clause_opened_by_sans_is_denied(text):
    keys = _keys_of(text)
    assert ("consulter", "riverain") not in keys
    assert ("vendre", "terrain") in keys
