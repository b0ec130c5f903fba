"""A short role tied to the one person the story names with a fuller form of it, and one
label per role, on hand-made French articles (names and events invented for the test)."""

import pytest

from recoupe.pipeline import brief


def _story(tmp_path_factory, name, texts):
    folder = tmp_path_factory.mktemp(name)
    for i, text in enumerate(texts):
        (folder / f"{name}{i}.txt").write_text(text, encoding="utf-8")
    stories = brief([str(folder)]).stories
    assert len(stories) == 1
    return stories[0]


def quote(story, words):
    hits = [q for q in story.quotes if words in q.text]
    assert hits, f"no quote with {words!r}: {[q.text for q in story.quotes]}"
    return hits[0]


@pytest.fixture(scope="module")
def one_prosecutor(tmp_path_factory):
    return _story(tmp_path_factory, "proc", [
        "Disparition d'un pêcheur à Brest : l'enquête avance\n\n"
        "« Nous suivons plusieurs pistes », a déclaré mardi le procureur de la République de "
        "Brest, Yannick Kervella.\n\n"
        "Le procureur a ajouté que « le bateau a été retrouvé vide ».\n\n"
        "Selon le procureur, « aucune piste n'est écartée ».\n",
        "Pêcheur disparu : le parquet de Brest ouvre une enquête\n\n"
        "Le procureur de la République de Brest Yannick Kervella a ouvert une enquête mardi "
        "sur la disparition du pêcheur.\n\n"
        "« Le bateau a été retrouvé vide au large », a précisé le procureur.\n\n"
        "La Préfecture maritime a mobilisé un hélicoptère.\n",
    ])


def test_speakers_a_short_role_is_the_one_holder_of_its_fuller_form(one_prosecutor):
    named = quote(one_prosecutor, "plusieurs pistes")
    assert named.speaker == "Yannick Kervella" and named.speaker_entity
    for words in ("aucune piste", "retrouvé vide au large"):
        q = quote(one_prosecutor, words)
        assert (q.speaker, q.speaker_entity) == ("Yannick Kervella", named.speaker_entity)


def test_speakers_a_capitalised_short_role_is_the_same_holder(one_prosecutor):
    q = next(q for q in one_prosecutor.quotes if q.text == "le bateau a été retrouvé vide")
    assert q.speaker == "Yannick Kervella"


@pytest.fixture(scope="module")
def two_prosecutors(tmp_path_factory):
    return _story(tmp_path_factory, "twoproc", [
        "Trafic de civelles : deux parquets enquêtent\n\n"
        "Le procureur de la République de Lorient, Erwan Le Bihan, a ouvert une enquête sur "
        "le trafic de civelles.\n\n"
        "« Les réseaux sont très organisés », a déclaré le procureur.\n\n"
        "Le procureur de la République de Vannes, Gaël Morvan, a saisi la gendarmerie.\n",
        "Civelles : les enquêteurs remontent la filière\n\n"
        "Le procureur de la République de Vannes, Gaël Morvan, coordonne les recherches avec "
        "Erwan Le Bihan.\n\n"
        "« Nous avons saisi trois cents kilos de civelles », a indiqué le procureur.\n",
    ])


def test_speakers_two_holders_of_one_role_block_it(two_prosecutors):
    for words in ("très organisés", "trois cents kilos"):
        q = quote(two_prosecutors, words)
        assert q.speaker_entity is None and q.speaker == "le procureur"


@pytest.fixture(scope="module")
def two_ministers(tmp_path_factory):
    return _story(tmp_path_factory, "minis", [
        "Hôpitaux : le gouvernement débloque une aide\n\n"
        "La ministre de la Santé, Odile Ferrand, a annoncé une aide aux hôpitaux ruraux.\n\n"
        "« Aucun service ne fermera cet hiver », a déclaré la ministre.\n\n"
        "Le ministre des Comptes publics, Bruno Lestrade, a validé la dépense.\n",
        "Hôpitaux ruraux : une aide et des questions\n\n"
        "La ministre de la Santé Odile Ferrand a détaillé son plan jeudi.\n\n"
        "La ministre de la Culture a visité un musée de Rodez. « Les musées aussi ont besoin "
        "d'aide », a lancé la ministre.\n",
    ])


def test_speakers_a_role_of_the_other_gender_is_another_holder(two_ministers):
    # "le ministre des Comptes publics X" does not hold "la ministre".
    q = quote(two_ministers, "Aucun service")
    assert q.speaker == "Odile Ferrand" and q.speaker_entity


def test_speakers_an_article_naming_another_office_of_the_role_blocks_it(two_ministers):
    # This article's "la ministre" may be its minister of Culture, whom no article names.
    q = quote(two_ministers, "musées aussi")
    assert q.speaker_entity is None


@pytest.fixture(scope="module")
def lawyer(tmp_path_factory):
    return _story(tmp_path_factory, "lawyer", [
        "Procès de l'incendie du hangar\n\n"
        "L'avocat du maire de Quimperlé, Loïc Guivarch, a plaidé la relaxe lundi.\n\n"
        "« Mon client n'a commis aucune faute », a plaidé l'avocat.\n",
        "Incendie du hangar : la relaxe plaidée\n\n"
        "L'avocat du maire de Quimperlé, Loïc Guivarch, a demandé la relaxe.\n\n"
        "« Le dossier est vide », a estimé l'avocat devant le tribunal.\n",
    ])


def test_speakers_a_name_after_an_inner_person_noun_is_not_the_role(lawyer):
    # The name follows "du maire": it may be the mayor's, not the lawyer's.
    for words in ("aucune faute", "dossier est vide"):
        assert quote(lawyer, words).speaker_entity is None


def test_speakers_one_label_per_role_whatever_its_case(tmp_path_factory):
    story = _story(tmp_path_factory, "label", [
        "Grève des bus à Angers\n\n"
        "« Le réseau sera paralysé lundi », a prévenu le délégué syndical.\n\n"
        "Le délégué syndical a ajouté : « Nous ne céderons pas. »\n",
        "Angers : les bus à l'arrêt lundi\n\n"
        "Le délégué syndical a dénoncé « un mépris total » de la direction.\n\n"
        "« Le réseau sera paralysé lundi », selon le délégué syndical.\n",
    ])
    labels = {q.speaker for q in story.quotes if "légué" in (q.speaker or "")}
    assert labels == {"le délégué syndical"}


def test_speakers_a_role_without_its_determiner_joins_the_determined_label(tmp_path_factory):
    story = _story(tmp_path_factory, "det", [
        "Fermeture de la piscine de Vitré\n\n"
        "« La piscine rouvrira en mai », a annoncé le syndicat intercommunal.\n\n"
        "Selon syndicat intercommunal, « les travaux dureront six mois ».\n",
        "Vitré : la piscine ferme pour travaux\n\n"
        "« Les travaux dureront six mois », a précisé le syndicat intercommunal.\n",
    ])
    labels = {q.speaker for q in story.quotes if "intercommunal" in (q.speaker or "")}
    assert labels == {"le syndicat intercommunal"}


@pytest.fixture(scope="module")
def magistrates(tmp_path_factory):
    return _story(tmp_path_factory, "magis", [
        "Incendie de l'entrepôt : une information judiciaire ouverte\n\n"
        "Le procureur de la République de Rennes, Hervé Lemarchand, a ouvert une information "
        "judiciaire jeudi.\n\n"
        "Selon le magistrat, « le feu est parti de l'atelier ».\n\n"
        "Le juge d'instruction a ordonné une expertise. « Il faudra des mois », a estimé "
        "le magistrat.\n",
        "Entrepôt incendié : l'enquête confiée à un juge\n\n"
        "Le procureur de la République de Rennes Hervé Lemarchand a confirmé l'ouverture d'une "
        "information judiciaire.\n\n"
        "« Les assureurs attendent le rapport », a ajouté M. Lemarchand.\n\n"
        "« Aucune victime n'est à déplorer », a souligné le magistrat.\n",
    ])


def test_speakers_a_hypernym_is_the_role_its_article_just_named(magistrates):
    q = quote(magistrates, "parti de l'atelier")
    assert q.speaker == "Hervé Lemarchand" and q.speaker_entity


def test_speakers_a_hypernym_is_the_magistrate_its_article_just_named(magistrates):
    q = quote(magistrates, "Aucune victime")
    assert q.speaker == "Hervé Lemarchand"


def test_speakers_a_hypernym_after_an_unnamed_judge_stays_unresolved(magistrates):
    # The judge named in between, not the prosecutor, may be "le magistrat" here.
    assert quote(magistrates, "Il faudra des mois").speaker_entity is None


def test_speakers_a_role_ending_one_sentence_does_not_name_the_next_sentence_s_name(
        tmp_path_factory):
    story = _story(tmp_path_factory, "bound", [
        "Vol de tableaux au musée de Dinan\n\n"
        "« Rien n'a été forcé », a constaté le gardien.\n\n"
        "Arnaud Lefloch, conservateur du musée, a porté plainte.\n",
        "Dinan : des tableaux volés au musée\n\n"
        "« Rien n'a été forcé », a constaté le gardien.\n\n"
        "Arnaud Lefloch a porté plainte vendredi.\n",
    ])
    assert all(q.speaker_entity is None for q in story.quotes if "forcé" in q.text)


@pytest.mark.parametrize("speaker", ["un procureur", "son procureur", "ce procureur"])
def test_speakers_an_indefinite_or_possessive_role_takes_no_fuller_form(speaker):
    from recoupe.crosscheck.speakers import _FullerRoles

    roles = _FullerRoles([], {})
    roles.by_word["procureur"].append(
        ((("le", "DET"), ("procureur", "NOUN"), ("de", "ADP"), ("rennes", "PROPN")), 1,
         "Hervé Lemarchand"))
    assert roles._holder("le procureur") == ("Hervé Lemarchand", [frozenset({"rennes"})])
    assert roles._holder(speaker) is None


@pytest.mark.parametrize(("before", "role", "expected"), [
    ("le maire de lorient", "maire de lorient", "Maëlle Tanguy"),
    ("a inaugure le maire de lorient", "maire de lorient", "Maëlle Tanguy"),
    # "l'épouse du maire de Lorient Maëlle Tanguy": the name may be the wife's
    ("l epouse du maire de lorient", "maire de lorient", None),
    ("la fille de la maire", "maire", None),
    ("l avocat du maire", "maire", None),
])
def test_speakers_a_role_governed_by_another_person_s_noun_is_not_the_name_s(
        before, role, expected):
    from collections import Counter

    from recoupe.crosscheck.speakers import _Roles

    assert _Roles({before: Counter({"Maëlle Tanguy": 1})}).holder(role) == expected


def test_speakers_a_fuller_form_governed_by_another_person_s_noun_names_no_holder():
    from recoupe.crosscheck.speakers import _FullerRoles

    roles = _FullerRoles([], {})
    phrase = (("l", "DET"), ("epouse", "NOUN"), ("du", "ADP"), ("procureur", "NOUN"),
              ("de", "ADP"), ("rennes", "PROPN"))
    roles.by_word["procureur"].append((phrase, 3, "Maëlle Tanguy"))
    assert roles._holder("le procureur") is None


def _bank_article(aid, orgs):
    """An annotated article naming these organisations once each (no text needed)."""
    from recoupe.model import AnnotatedArticle, Article, Mention

    mentions = tuple(Mention(name, "ORG", i * 20, i * 20 + len(name), 0)
                     for i, name in enumerate(orgs))
    return AnnotatedArticle(Article(aid, aid, ""), "fr", mentions=mentions)


@pytest.mark.parametrize(("orgs", "expected"), [
    (["Solvane", "Solvane", "Caisse Mirabelle"], "Solvane"),
    # the article names another organisation most: "la banque" may be that one
    (["Caisse Mirabelle", "Caisse Mirabelle", "Solvane"], None),
    # the article names another bank: "la banque" may be that one
    (["Solvane", "Solvane", "Banque Mirabelle"], None),
])
def test_speakers_an_organisation_s_noun_is_the_organisation_named_after_it(orgs, expected):
    from recoupe.crosscheck.speakers import _FullerRoles, _variant_index
    from recoupe.model import Entity

    entities = [Entity(f"o{i}", name, "ORG", (name,), ("a",), 2)
                for i, name in enumerate(sorted(set(orgs)))]
    roles = _FullerRoles([], _variant_index(entities))
    # "la banque régionale Solvane", written in some article of the story
    roles.org_by_word["banque"].append(
        ((("la", "DET"), ("banque", "NOUN"), ("regionale", "ADJ")), 1, "Solvane"))
    assert roles.holder("la banque", _bank_article("a", orgs)) == expected
    assert roles.holder("le groupe", _bank_article("a", orgs)) is None  # no apposition
