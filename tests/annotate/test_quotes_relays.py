"""find_quotes on hand-made French sentences: who relays words (`via`), and what is not
reported speech (wishes, charges, names in quote marks, adjectival participles).

All cases are annotated once in a module fixture. Names, places and media are invented.
"""

from __future__ import annotations

import pytest

from recoupe.annotate import annotate
from recoupe.annotate.quotes import find_quotes
from recoupe.config import AnnotateConfig
from recoupe.model import Article

CASES: dict[str, str] = {
    # relays that are real
    "relay_agency": "« Le pont rouvrira lundi », a déclaré Paul Verdier, selon l'agence "
                    "Nordpresse.",
    "relay_reported": "Le maire a indiqué que le pont rouvrirait lundi, a rapporté le journal "
                      "Le Veilleur.",
    "relay_citing": "« Le calme est revenu », a déclaré la présidence, citant le ministre "
                    "Paul Verdier.",
    # "selon X" where X is the speaker himself
    "selon_speaker": "Selon le maire de Carnac, Paul Verdier, le port sera « rénové avant "
                     "l'été ».",
    "selon_speaker_marks": "Selon la « patronne » du club, Claire Bonnet, il a « été décidé "
                           "de fermer le stade ».",
    # "elle" after a man was named: the woman named before him
    "pronoun_gender": "Margaux Ribot a retrouvé ses deux fils à Brest. Gaspard Dumas, leur "
                      "père, les accompagnait. « Je me sens revivre », confie-t-elle.",
    "selon_speaker_relays": "Selon Paul Verdier, elle avait confié sa fille à une voisine, "
                            "« une femme qu'elle connaît depuis dix ans ».",
    # "selon X" closing a sentence whose quote has no other speaker: X said it
    "selon_closing": "Petite éclaircie : la baisse des loyers, observée depuis le printemps, "
                     "va « rendre un peu d'air aux familles », selon M. Verdier.",
    # "selon" + a criterion, not a source
    "selon_criterion": "Claire Bonnet a reconnu que l'idée de trier les élèves selon leur "
                       "origine la « dérange ».",
    "selon_cases": "Paul Verdier a expliqué que les tarifs varieraient selon les cas entre "
                   "dix et vingt euros.",
    "selon_person": "Selon son adjointe, « le ministre ne viendra pas avant lundi ».",
    # a relay verb inside the reported clause is part of what was said
    "relay_inside": "Paul Verdier a expliqué que les nouveaux contrats avaient rapporté "
                    "beaucoup d'argent au club.",
    # a cut noun phrase ending in a pronoun is no relay
    "relay_pronoun_np": "« Il a très peur », raconte-t-il à la radio Ondes du Nord, premier "
                        "média à publier les confidences de celui qui était resté muet.",
    # not reported speech
    "wish_infinitive": "Claire Bonnet et Paul Verdier espèrent régler le litige avant "
                       "la rentrée.",
    "wish_investigators": "Les enquêteurs de Carnac souhaitent notamment l'entendre pour "
                          "savoir comment la barque a disparu.",
    "wish_incise": "« Nous gagnerons en mai », espère Paul Verdier.",
    "wish_que": "Claire Bonnet a souhaité que le conseil municipal vote la réforme avant "
                "l'été.",
    "restrictive": "Paul Verdier ne demande qu'à reprendre le travail au port.",
    "negation_que": "Paul Verdier ne lui a pas dit que la barque avait disparu.",
    "accused": "Paul Verdier, accusé d'avoir détourné les fonds du club, a quitté la ville.",
    "charge": "Claire Bonnet a annoncé mardi avoir déposé une plainte pour « abus de "
              "confiance et recel » contre le club.",
    "name_after_article": "« Nous allons vous surveiller », a lancé Paul Verdier à propos de "
                          "l'« Atelier des loyers de la ville ».",
    "name_after_body": "La pétition a recueilli mille signatures, selon Claire Bonnet, au "
                       "nom du collectif « Sauvons la digue ».",
    "body_then_words": "Claire Bonnet a protesté mardi, estimant que ce fichier « n'aurait "
                       "jamais dû ouvrir ».",
    "term_demonstrative": "Claire Bonnet a expliqué que cet « outil » servirait aux élus "
                          "du port.",
    "feeling_possessive": "Claire Bonnet a fait part mardi de son « inquiétude » au maire.",
    # junk speakers
    "label_colon": "Le texte circule depuis mardi sur le site du syndicat.\nVerbatim : "
                   "« Nous ne partirons pas sans réponse. »",
    "name_colon": "La lettre circule depuis mardi.\nPaul Verdier : « Nous ne partirons pas "
                  "sans réponse. »",
    "party_label": "Plusieurs parlementaires UMP et PS ont réclamé une « vraie réforme "
                   "des retraites ».",
    # an incise closing the sentence names who says it, not the clause's subject
    "closing_incise": "Le conseil annoncera « des aides nouvelles » avant la fin du mois, "
                      "a ajouté la préfecture, sans autre précision.",
    "closing_incise_far": "Désormais, des « registres communaux » pourront être tenus dans "
                          "chaque mairie, avec les seuls noms des élus, a précisé Claire "
                          "Bonnet.",
    # "a-t-elle encore affirmé à la radio X": the clitic is the subject, X the medium
    "clitic_before_verb": "Claire Bonnet est rentrée mardi à Lyon. « J'ai eu très peur "
                          "pendant deux ans », a-t-elle encore affirmé à la radio Ondes Nord.",
    "medium_after_noun": "Claire Bonnet est rentrée mardi. « Nous avons eu faim tout le "
                         "temps, jour et nuit, pendant trois ans », a-t-elle encore affirmé à "
                         "la radio Europe Nord.",
    "medium_then_subject": "« Le port rouvrira lundi », a déclaré mardi à la radio Europe "
                           "Nord le maire de Carnac.",
}


@pytest.fixture(scope="module")
def quotes():
    articles = [Article(id=key, source="test", text=text, title=None)
                for key, text in CASES.items()]
    annotated = annotate(articles, AnnotateConfig())
    return {a.article.id: find_quotes(a) for a in annotated}


def _with(quotes, key, words):
    found = [q for q in quotes[key] if words in q.text]
    assert found, [(q.kind, q.text) for q in quotes[key]]
    return found[0]


@pytest.mark.parametrize("key, words, via", [
    ("relay_agency", "Le pont rouvrira lundi", "Nordpresse"),
    ("relay_reported", "le pont rouvrirait lundi", "Le Veilleur"),
    ("relay_citing", "Le calme est revenu", "présidence"),
])
def test_quotes_relay_kept_when_a_source_passes_words_on(quotes, key, words, via):
    assert _with(quotes, key, words).via == via


@pytest.mark.parametrize("key, words, name", [
    ("selon_speaker", "rénové", "Paul Verdier"),
    ("selon_speaker_marks", "fermer le stade", "Claire Bonnet"),
])
def test_quotes_relay_that_is_the_speaker_is_none(quotes, key, words, name):
    q = _with(quotes, key, words)
    assert q.speaker and name in q.speaker
    assert q.via is None


def test_quotes_words_of_a_woman_relayed_by_a_man_name_no_man(quotes):
    # "Selon Paul Verdier, elle avait ... « ... »": "elle" is not Paul Verdier (his given
    # name is a man's), and the article names no woman: the words are hers, unnamed,
    # relayed by him
    q = _with(quotes, "selon_speaker_relays", "une femme qu'elle connaît")
    assert (q.speaker, q.via) == (None, "Paul Verdier")


def test_quotes_selon_closing_a_sentence_names_the_speaker(quotes):
    q = _with(quotes, "selon_closing", "rendre un peu d'air")
    assert (q.speaker, q.via) == ("M. Verdier", None)


@pytest.mark.parametrize("key, words, speaker", [
    ("selon_criterion", "trier les élèves", "Claire Bonnet"),
    ("selon_cases", "les tarifs varieraient", "Paul Verdier"),
])
def test_quotes_selon_a_criterion_is_neither_speaker_nor_relay(quotes, key, words, speaker):
    q = _with(quotes, key, words)
    assert (q.speaker, q.via) == (speaker, None)


def test_quotes_selon_a_person_described_still_reports_the_quote(quotes):
    q = _with(quotes, "selon_person", "le ministre ne viendra pas")
    assert (q.speaker, q.via) == (None, None)


def test_quotes_relay_verb_inside_the_reported_clause_is_no_relay(quotes):
    q = _with(quotes, "relay_inside", "les nouveaux contrats")
    assert (q.speaker, q.via) == ("Paul Verdier", None)


def test_quotes_relay_cut_at_a_pronoun_is_none(quotes):
    assert all(q.via is None for q in quotes["relay_pronoun_np"])


@pytest.mark.parametrize("key", ["wish_infinitive", "wish_investigators", "restrictive",
                                 "accused"])
def test_quotes_wish_restriction_and_charge_report_no_words(quotes, key):
    assert quotes[key] == ()


@pytest.mark.parametrize("key, words, speaker", [
    ("wish_incise", "Nous gagnerons en mai", "Paul Verdier"),
    ("wish_que", "le conseil municipal vote", "Claire Bonnet"),
    ("negation_que", "la barque avait disparu", "Paul Verdier"),
    ("body_then_words", "n'aurait jamais dû ouvrir", "Claire Bonnet"),
    ("feeling_possessive", "inquiétude", "Claire Bonnet"),
])
def test_quotes_reported_words_kept_beside_those_rules(quotes, key, words, speaker):
    assert _with(quotes, key, words).speaker == speaker


@pytest.mark.parametrize("key, words", [
    ("charge", "recel de vol"),
    ("name_after_article", "Atelier des loyers"),
    ("name_after_body", "Sauvons la digue"),
    ("term_demonstrative", "outil"),
])
def test_quotes_names_charges_and_terms_in_marks_are_no_quotes(quotes, key, words):
    assert not [q for q in quotes[key] if q.kind != "indirect" and words in q.text]


@pytest.mark.parametrize("key, words, speaker", [
    ("label_colon", "Nous ne partirons pas", None),
    ("name_colon", "Nous ne partirons pas", "Paul Verdier"),
    ("party_label", "vraie réforme", None),
])
def test_quotes_label_before_a_colon_or_party_acronym_is_no_speaker(quotes, key, words,
                                                                     speaker):
    assert _with(quotes, key, words).speaker == speaker


@pytest.mark.parametrize("key, words, speaker", [
    ("closing_incise", "des aides nouvelles", "la préfecture"),
    ("closing_incise_far", "registres communaux", "Claire Bonnet"),
])
def test_quotes_closing_incise_names_the_speaker_of_the_sentence(quotes, key, words, speaker):
    assert _with(quotes, key, words).speaker == speaker


# A parse the model gives on real prose, written out by hand: the medium named in the
# opening complement taken for the subject, the real subject hung on it after the comma.
# (text, lemma, pos, dep, head, morph)
_MISPARSED = [
    ("Hier", "hier", "ADV", "advmod", 15, ""), (",", ",", "PUNCT", "punct", 15, ""),
    ("dans", "dans", "ADP", "case", 4, ""), ("une", "un", "DET", "det", 4, ""),
    ("interview", "interview", "NOUN", "obl:mod", 15, ""), ("au", "au", "ADP", "case", 6, ""),
    ("journal", "journal", "NOUN", "nmod", 4, ""), ("italien", "italien", "ADJ", "amod", 6, ""),
    ("La", "le", "DET", "det", 9, ""), ("Voce", "Voce", "PROPN", "nsubj", 15, ""),
    (",", ",", "PUNCT", "punct", 9, ""), ("l'", "le", "DET", "det", 12, ""),
    ("Espagnol", "Espagnol", "PROPN", "nmod", 9, ""),
    ("s'", "se", "PRON", "expl:comp", 15, ""), ("est", "être", "AUX", "aux:tense", 15, ""),
    ("montré", "montrer", "VERB", "ROOT", 15, "Tense=Past|VerbForm=Part"),
    ("prudent", "prudent", "ADJ", "xcomp", 15, ""), ("et", "et", "CCONJ", "cc", 19, ""),
    ("a", "avoir", "AUX", "aux:tense", 19, ""),
    ("annoncé", "annoncer", "VERB", "conj", 15, "Tense=Past|VerbForm=Part"),
    ("qu'", "que", "SCONJ", "mark", 22, ""), ("il", "il", "PRON", "nsubj", 22, ""),
    ("courrait", "courir", "VERB", "ccomp", 19, "Mood=Cnd|VerbForm=Fin"),
    ("la", "le", "DET", "det", 24, ""), ("Vuelta", "Vuelta", "PROPN", "obj", 22, ""),
    (".", ".", "PUNCT", "punct", 15, ""),
]


@pytest.mark.parametrize("key, words", [
    ("clitic_before_verb", "J'ai eu très peur"),
    ("medium_after_noun", "Nous avons eu faim"),
])
def test_quotes_clitic_between_auxiliary_and_verb_names_the_speaker(quotes, key, words):
    assert _with(quotes, key, words).speaker == "Claire Bonnet"


def test_quotes_medium_named_in_an_incise_complement_is_no_speaker(quotes):
    assert _with(quotes, "medium_then_subject", "Le port").speaker == "le maire de Carnac"


def _hand_parsed(rows, names):
    from recoupe.model import AnnotatedArticle, Mention, Sentence, Token

    text, tokens = "", []
    for i, (word, lemma, pos, dep, head, morph) in enumerate(rows):
        glued = word in (",", ".") or (i and rows[i - 1][0].endswith("'"))
        text += "" if glued or not i else " "
        tokens.append(Token(word, len(text), lemma, pos, dep, head, morph))
        text += word
    mentions = tuple(Mention(n, label, text.index(n), text.index(n) + len(n), 0)
                     for n, label in names)
    article = Article(id="hand", source="test", text=text, title=None)
    return AnnotatedArticle(article, "fr", (Sentence(0, len(text), text),), tuple(tokens),
                            mentions)


def test_quotes_medium_named_in_an_opening_complement_is_no_subject():
    annotated = _hand_parsed(_MISPARSED, [("La Voce", "ORG"), ("Espagnol", "MISC")])
    (q,) = [q for q in find_quotes(annotated) if q.kind == "indirect"]
    assert q.text.startswith("qu'il courrait")
    assert q.speaker == "l'Espagnol"


def test_quotes_elle_is_never_a_man_named_by_his_given_name(quotes):
    assert _with(quotes, "pronoun_gender", "Je me sens revivre").speaker == "Margaux Ribot"
