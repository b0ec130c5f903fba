"""Speakers tied to entities across a story's articles, on hand-made French articles."""

import pytest

from recoupe.pipeline import brief


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("speakers")
    (folder / "a.txt").write_text(
        "Crise du lait : le gouvernement promet des aides\n\n"
        "Le ministre de l'Agriculture Paul Verdier a reçu lundi les producteurs de lait.\n\n"
        "La présidente de la région, Claire Martin, a demandé une aide d'urgence.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Éleveurs : Paris s'engage\n\n"
        "« Nous ne laisserons personne sur le bord de la route », a assuré le ministre de "
        "l'Agriculture.\n\n"
        "M. Verdier a ajouté que les aides seraient versées avant l'hiver.\n\n"
        "« Il faut aller vite », a déclaré un éleveur présent.\n",
        encoding="utf-8")
    (folder / "c.txt").write_text(
        "Lait : les éleveurs bloquent la route\n\n"
        "Le ministre de l'Agriculture Paul Verdier a promis des aides aux producteurs de lait. "
        "Le président belge de la fédération, Jan Peeters, était présent.\n",
        encoding="utf-8")
    (folder / "d.txt").write_text(
        "Crise du lait : les producteurs reçus par le ministre\n\n"
        "Le ministre de l'Agriculture a reçu les producteurs de lait lundi.\n\n"
        "« Nous attendons des actes », a déclaré le Belge à la sortie.\n\n"
        "« Les aides du ministre arrivent trop tard », a raconté la jeune femme, éleveuse "
        "de lait.\n",
        encoding="utf-8")
    return brief([str(folder)]).stories[0]


def quote(story, words):
    hits = [q for q in story.quotes if words in q.text]
    assert hits, f"no quote with {words!r}: {[q.text for q in story.quotes]}"
    return hits[0]


def test_speakers_role_is_resolved_by_an_apposition_in_another_article(story):
    q = quote(story, "personne sur le bord")
    assert q.speaker == "Paul Verdier" and q.speaker_entity is not None


def test_speakers_short_name_is_the_entity(story):
    q = quote(story, "avant l'hiver")
    assert q.speaker == "Paul Verdier"
    assert q.speaker_entity == quote(story, "personne sur le bord").speaker_entity


def test_speakers_a_speaker_no_article_names_stays_unresolved(story):
    q = quote(story, "aller vite")
    assert q.speaker_entity is None


def test_speakers_quotes_carry_their_sentence(story):
    q = quote(story, "personne sur le bord")
    assert q.sentence_text and "a assuré le ministre" in q.sentence_text


def test_speakers_a_bare_nationality_needs_a_name_in_its_own_article(story):
    # The Belgian of article c is not named in article d: "le Belge" there stays a role.
    q = quote(story, "attendons des actes")
    assert q.speaker_entity is None and q.speaker == "le Belge"


def test_speakers_a_described_person_no_article_names_is_no_speaker(story):
    q = quote(story, "arrivent trop tard")
    assert (q.speaker, q.speaker_kind, q.speaker_entity) == (None, "unnamed", None)
