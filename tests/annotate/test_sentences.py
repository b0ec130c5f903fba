"""Sentence boundaries: the rules (`sentence_starts`), the language tables, and the spaCy
component that sets them before the parser, which keeps them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoupe.annotate import sentences
from recoupe.lang.en import sentences as en
from recoupe.lang.fr import sentences as fr


def _split(text: str, language: str = "fr") -> list[str]:
    starts = sentences.sentence_starts(text, language) + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]


@pytest.mark.parametrize(("text", "expected"), [
    # plain ends
    ("Il pleut. Le match est reporté.", ["Il pleut.", "Le match est reporté."]),
    ("Qui viendra ? Personne ne le sait.", ["Qui viendra ?", "Personne ne le sait."]),
    ("Quelle victoire ! Les joueurs exultent.", ["Quelle victoire !", "Les joueurs exultent."]),
    ("Il a hésité... Puis il a signé.", ["Il a hésité...", "Puis il a signé."]),
    ("Il a hésité… Puis il a signé.", ["Il a hésité…", "Puis il a signé."]),
    ("Il a hésité... puis il a signé.", ["Il a hésité... puis il a signé."]),
    ("Le bilan est lourd. 12 maisons ont brûlé.", ["Le bilan est lourd.", "12 maisons ont brûlé."]),
    ("Il est parti. « Je reviendrai », a-t-il promis.",
     ["Il est parti.", "« Je reviendrai », a-t-il promis."]),
    ("Il est parti. (Il reviendra.)", ["Il est parti.", "(Il reviendra.)"]),
    ("Le vote a eu lieu. — Et après ?", ["Le vote a eu lieu.", "— Et après ?"]),
    # hyphenated words are never cut
    ("Le chewing-gum colle. L'état-major a parlé.",
     ["Le chewing-gum colle.", "L'état-major a parlé."]),
    ("Viendra-t-il ? On l'ignore.", ["Viendra-t-il ?", "On l'ignore."]),
    # titles and abbreviations
    ("M. Dupont est arrivé hier.", ["M. Dupont est arrivé hier."]),
    ("Mme Durand et MM. Martin et Petit ont voté.",
     ["Mme Durand et MM. Martin et Petit ont voté."]),
    ("Mme. Durand a voté. Dr. Petit aussi.", ["Mme. Durand a voté.", "Dr. Petit aussi."]),
    ("La ville date de 52 av. J.-C. environ.", ["La ville date de 52 av. J.-C. environ."]),
    ("Il habite bd. Voltaire depuis un an.", ["Il habite bd. Voltaire depuis un an."]),
    ("Voir p. 12 du rapport.", ["Voir p. 12 du rapport."]),
    ("Le texte date du 3 janv. 2024 au soir.", ["Le texte date du 3 janv. 2024 au soir."]),
    ("Ils étaient sept. Dix autres sont venus.", ["Ils étaient sept.", "Dix autres sont venus."]),
    ("Il a acheté du pain, du lait, etc. Puis il est rentré.",
     ["Il a acheté du pain, du lait, etc.", "Puis il est rentré."]),
    # names with initials
    ("J.-P. Dupont a été élu.", ["J.-P. Dupont a été élu."]),
    ("Le président George W. Bush a parlé.", ["Le président George W. Bush a parlé."]),
    ("Elle a rencontré J. Martin. Il a souri.", ["Elle a rencontré J. Martin.", "Il a souri."]),
    # numbers
    ("La hausse est de 3.5 % cette année.", ["La hausse est de 3.5 % cette année."]),
    ("Il y avait 1.200 manifestants. La police a compté moins.",
     ["Il y avait 1.200 manifestants.", "La police a compté moins."]),
    ("Il fera 30 °C. Demain, il pleuvra.", ["Il fera 30 °C.", "Demain, il pleuvra."]),
    ("Il est né en 1950. Sa mère était institutrice.",
     ["Il est né en 1950.", "Sa mère était institutrice."]),
    # quotations and incises
    ("« Quoi ? » a-t-il demandé. Personne n'a répondu.",
     ["« Quoi ? » a-t-il demandé.", "Personne n'a répondu."]),
    ("« Partez ! », a-t-il crié.", ["« Partez ! », a-t-il crié."]),
    ("« Nous gagnerons. Nous le devons », a-t-il dit. La salle a applaudi.",
     ["« Nous gagnerons. Nous le devons », a-t-il dit.", "La salle a applaudi."]),
    ("« Je viens. Je pars ». Il l'a dit ainsi.",
     ["« Je viens. Je pars ».", "Il l'a dit ainsi."]),
    ("Il a dit : « On verra. » Puis il est parti.",
     ["Il a dit : « On verra. »", "Puis il est parti."]),
    ('"C\'est fini !" a-t-elle lancé. Le public a ri.',
     ['"C\'est fini !" a-t-elle lancé.', "Le public a ri."]),
    ('Il a conclu. "Rien ne change", selon lui.',
     ["Il a conclu.", '"Rien ne change", selon lui.']),
    ("« Nous avons tout perdu (...) Il ne reste rien », dit-elle.",
     ["« Nous avons tout perdu (...) Il ne reste rien », dit-elle."]),
    # paragraph breaks
    ("Un titre sans point\nLe premier paragraphe.",
     ["Un titre sans point", "Le premier paragraphe."]),
    ("La fin du premier,\n\net le second.", ["La fin du premier,", "et le second."]),
    ("1. Le premier point.\n2. Le second point.", ["1. Le premier point.", "2. Le second point."]),
])
def test_sentences_split_where_a_reader_would(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("word", sorted(fr.ABBREVIATIONS))
def test_sentences_french_abbreviations_end_no_sentence(word):
    text = f"Il a vu {word.capitalize()}. Martin hier."
    assert _split(text) == [text]


@pytest.mark.parametrize("word", sorted(fr.BEFORE_NUMBER))
def test_sentences_french_abbreviations_before_a_number_end_no_sentence(word):
    text = f"Voir {word}. 12 du texte."
    assert _split(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Smith arrived. He sat down.", ["Mr. Smith arrived.", "He sat down."]),
    ("The vote, e.g. Ohio, was close.", ["The vote, e.g. Ohio, was close."]),
])
def test_sentences_english_table(text, expected):
    assert en.ABBREVIATIONS and _split(text, "en") == expected


def test_sentences_language_without_table_keeps_the_general_rules():
    assert _split("Il pleut. J. Martin est là.", "xx") == ["Il pleut.", "J. Martin est là."]


@given(st.text(alphabet="aB .!?«»\"-\n1é'", max_size=80))
def test_sentences_starts_are_ordered_and_never_inside_a_word(text):
    starts = sentences.sentence_starts(text)
    assert starts == sorted(set(starts))
    for s in starts:
        assert 0 <= s < len(text) and not text[s].isspace()
        assert s == 0 or text[s - 1].isspace()
    # every paragraph (non-blank line) starts a sentence
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            assert offset + len(line) - len(line.lstrip(" ")) in starts
        offset += len(line) + 1


@pytest.fixture(scope="module")
def nlp():
    from recoupe.annotate import nlp as _nlp
    from recoupe.config import AnnotateConfig

    return _nlp.load("fr", AnnotateConfig())


@pytest.mark.slow
def test_sentences_component_runs_first_and_the_parser_keeps_its_boundaries(nlp):
    assert nlp.pipe_names[0] == sentences.NAME
    text = ("Le chewing-gum de l'état-major a été retrouvé par M. Dupont. « Qui l'a laissé ? » "
            "a-t-il demandé. Park Min Jae a présenté ses excuses hier soir.\n"
            "Un titre\nLe dernier paragraphe, enfin.")
    doc = nlp(text)
    assert [doc.text[a:b] for a, b, _, _ in sentences.spans(doc)] == [
        "Le chewing-gum de l'état-major a été retrouvé par M. Dupont.",
        "« Qui l'a laissé ? » a-t-il demandé.",
        "Park Min Jae a présenté ses excuses hier soir.",
        "Un titre",
        "Le dernier paragraphe, enfin.",
    ]
    assert sentences.split(nlp, [text]) == [[doc.text[a:b] for a, b, _, _ in sentences.spans(doc)]]


@pytest.mark.slow
def test_sentences_component_never_splits_a_token(nlp, monkeypatch):
    doc = nlp.make_doc("Le porte-parole parle. Il pleut.")
    inside = doc.text.index("parole")  # inside the token "porte-parole" or "parole"
    monkeypatch.setattr(sentences, "sentence_starts",
                        lambda text, language: [0, inside + 2, doc.text.index("Il")])
    sentences.set_boundaries(doc)
    assert [t.text for t in doc if t.is_sent_start] == ["Le", "Il"]
    assert all(t.is_sent_start is not None for t in doc)


@pytest.mark.slow
def test_sentences_whitespace_tokens_stay_in_the_sentence_before(nlp):
    doc = nlp("Il pleut.\u00a0Le vent souffle.\n\nUn autre paragraphe.")
    assert [doc.text[a:b] for a, b, _, _ in sentences.spans(doc)] == [
        "Il pleut.", "Le vent souffle.", "Un autre paragraphe."]
