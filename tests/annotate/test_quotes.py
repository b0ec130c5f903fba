"""find_quotes on small hand-made French sentences: quote forms, speakers, relays, traps.

All cases are annotated once (one model load, one batch) in a module fixture; each test
then reads the quotes of one case. Names, places and agencies are invented.
"""

from __future__ import annotations

import pytest

from recoupe.annotate import annotate
from recoupe.annotate.quotes import find_quotes
from recoupe.config import AnnotateConfig
from recoupe.model import Article

NBSP = "\u00a0"

CASES: dict[str, tuple[str, str | None]] = {
    # quote forms
    "spaced": ("« Nous ne céderons pas », a déclaré Marc Vasseur.", None),
    "tight": ("«Nous ne céderons pas», a déclaré Marc Vasseur.", None),
    "nbsp": (f"«{NBSP}Nous ne céderons pas{NBSP}», a déclaré Marc Vasseur.", None),
    "curly": ("“Nous ne céderons pas”, a déclaré Marc Vasseur.", None),
    "straight": ('"Nous ne céderons pas", a déclaré Marc Vasseur.', None),
    "nested": ("« Le peuple a dit “assez” et nous l'avons entendu », a affirmé Claire Bonnet.",
               None),
    "nested_single": ('"Le port est une \'priorité absolue\' pour la région", a déclaré '
                      "Claire Bonnet.", None),
    "multi": ("« Nous ne céderons pas. Le dialogue reste ouvert. Mais pas à n'importe quel "
              "prix », a prévenu Marc Vasseur.", None),
    "title_colon": ("Le ministre s'est exprimé devant les députés mardi soir.",
                    "Marc Vasseur : « Nous ne céderons pas »"),
    "title_incise": ("Le ministre s'est exprimé devant les députés mardi soir.",
                     "« Nous ne céderons pas », affirme Marc Vasseur"),
    "title_bare": ("« Nous ne céderons jamais sur les retraites », a déclaré Marc Vasseur.",
                   "« Nous ne céderons jamais »"),
    "partial": ("La ministre a souligné que les deux pays avaient des « intérêts communs » "
                "dans la région.", None),
    "indirect": ("Claire Bonnet a affirmé que le gouvernement ne reculerait pas sur la réforme.",
                 None),
    # attribution patterns
    "colon": ("Marc Vasseur a déclaré : « Le port rouvrira lundi. »", None),
    "bare_colon": ("Paul Verdier : « Il faut agir vite. »", None),
    "incise_t_il": ("Marc Vasseur est arrivé mardi à Lyon. « Nous sommes prêts », "
                    "a-t-il affirmé.", None),
    "incise_role": ("« La situation reste tendue », a noté le ministre de l'Intérieur.", None),
    "incise_time": ("« La situation reste tendue », a déclaré, jeudi, le maire de Carnac, "
                    "Paul Verdier.", None),
    "selon": ("Selon Claire Bonnet, la réforme sera votée avant l'été.", None),
    "pour": ("Pour Claire Bonnet, la réforme est « une nécessité absolue ».", None),
    "pronoun_gender": ("Paul Verdier a salué les syndicats. Claire Bonnet a rencontré les "
                       "syndicats jeudi. « Le dialogue est rompu », a-t-elle regretté.", None),
    "pronoun_alone": ("« Nous verrons bien », a-t-il dit.", None),
    "continued": ("« Nous ne céderons pas », a déclaré Marc Vasseur.\n\n"
                  "« Le texte sera voté tel quel. »", None),
    "poursuivi": ("« Nous ne céderons pas », a déclaré Marc Vasseur. « Le texte sera voté "
                  "tel quel », a-t-il poursuivi.", None),
    "incise_complement": ("« Le calme revient », a souligné à la presse M. Verdier.", None),
    "incise_no_comma": ("« Nous ne céderons pas » assure Marc Vasseur.", None),
    "incise_time_phrase": ("« Venez nous voir ! » a lancé la semaine dernière le maire de "
                           "Carnac, Paul Verdier.", None),
    "nationality": ("Le coureur belge Jan Peeters a gagné l'étape mardi. « Je suis très "
                    "heureux », a ajouté le Belge.", None),
    "role_apposed": ("Claire Bonnet, la ministre de la Culture, a visité le musée jeudi. "
                     "« C'est un trésor national », a déclaré la ministre de la Culture.", None),
    "unnamed_source": ("« Rien n'est encore décidé », a confié un diplomate.", None),
    "seat_of_power": ("L'Élysée a déclaré que la visite porterait sur « la coopération "
                      "régionale ». « Le moment est important », a déclaré le Kremlin.", None),
    "thing_not_speaker": ("« Rien ne change », a noté le rapport publié mardi.", None),
    "infinitive": ("Paul Verdier a affirmé n'avoir reçu aucune lettre du ministère.", None),
    "headline_reported": ("Le maire de Carnac, Paul Verdier, a parlé aux habitants mardi.",
                          "Grève : le maire de Carnac déclare qu'il ne cédera pas"),
    "selon_lui": ("Paul Verdier a visité le port mardi. Selon lui, les travaux dureront "
                  "encore deux ans.", None),
    "narrative": ("Paul Verdier a visité le port mardi. Et le maire de conclure : « Le port "
                  "rouvrira lundi. »", None),
    "colon_clause": ("Marc Vasseur s'est adressé aux habitants : « Le port rouvrira "
                     "lundi. »", None),
    "aux_clitic": ("Marc Vasseur a reçu les syndicats. « Le port rouvrira », leur a-t-il "
                   "dit.", None),
    "honorific_gender": ("Mme Bonnet a reçu M. Verdier mardi. « Le dialogue est rompu », "
                         "a-t-elle regretté.", None),
    # speakers read from the clause, the place, the text or the article
    "colon_no_verb": ("Jeanne Morel, infirmière à Lyon, est plus prudente : « Rien n'est "
                      "encore joué. »", None),
    "unnamed_indefinite": ("« Tout va changer », glissait, ce week-end, un commerçant du "
                           "quartier.", None),
    "selon_middle": ("Le navire a coulé vers minuit, selon les enquêteurs, et tout "
                     "l'équipage a été secouru.", None),
    "selon_comma": ("Selon Paul Verdier, le petit port sera rénové l'an prochain.", None),
    "selon_over_verb": ("Selon Paul Verdier, un voisin aurait avoué avoir vu la barque.",
                        None),
    "described": ("Le pharmacien a expliqué que la livraison arriverait jeudi.", None),
    "described_named": ("Le pharmacien, Paul Verdier, a expliqué que la livraison "
                        "arriverait jeudi.", None),
    "document": ("« Les contrôles ont échoué », résume le rapport de la Cour des comptes.",
                 None),
    "on_at": ("« Le dossier avance bien », indique-t-on au ministère de la Santé.", None),
    "on_entourage": ("« Le dossier avance bien », assure-t-on dans l'entourage de Paul "
                     "Verdier.", None),
    "on_inner": ("« Dans ce cas, précise-t-on à la Fondation Morel, la règle change. »",
                 None),
    "inverted_report": ("Le port rouvrira lundi prochain, a annoncé mardi Paul Verdier.",
                        None),
    "first_person": ("Claire Bonnet a retrouvé sa famille mardi. La police a fermé la "
                     "route nationale. « J'ai eu très peur », a-t-elle raconté.", None),
    "anaphoric": ("« Nous avons tout perdu », a déclaré Claire Bonnet.\n\n« Il faut "
                  "reconstruire », a ajouté l'ex-otage.", None),
    "nested_colon": ("« Le capitaine a crié : 'Tout le monde dehors', et nous avons couru », "
                     "a raconté Paul Verdier.", None),
    "partial_shared": ("« Un bon début », juge Paul Verdier, au regard des « fortes "
                       "attentes » du public.", None),
    "rapporte_person": ("« Le quartier est inquiet », rapporte Paul Verdier.", None),
    "charge_not_quote": ("Marc Vasseur a été mis en examen pour « abus de biens sociaux » "
                         "par la juge Claire Bonnet.", None),
    "recurring": ("Le navigateur est arrivé au port mardi. Le navigateur a salué la foule. "
                  "« La mer était terrible », a raconté le navigateur.", None),
    "organisation_noun": ("L'Association des usagers du rail a publié son bilan mardi. "
                          "« Les retards augmentent », souligne l'association.", None),
    "acronym": ("L'Association des usagers du rail (Audr) a publié son bilan. « Les prix "
                "vont monter », selon l'Audr.", None),
    "outre": ("Outre Claire Bonnet, le président du club, Paul Verdier, avait protesté "
              "mardi, estimant que le match « ne devait pas avoir lieu ».", None),
    "fronted_adverb": ("Pourtant, a tenu à avertir M. Verdier, « nous ne céderons pas sur "
                       "les salaires ».", None),
    "layered": ("Le gardien a expliqué avoir vu la fumée mardi soir, a indiqué jeudi le maire "
                "de Carnac, Paul Verdier.", None),
    "pleads": ("Paul Verdier a plaidé mardi pour que la digue soit rénovée avant l'hiver.",
               None),
    "selon_lui_later": ("Paul Verdier a visité le port mardi. Le chantier doit durer deux "
                        "ans. Selon lui, les travaux seront finis en mai.", None),
    "inverted_clitic": ("Paul Verdier a visité le port mardi. Le chantier doit durer deux "
                        "ans, a-t-il précisé.", None),
    "relative_np": ("« Rien ne va plus », juge le Syndicat des pêcheurs du Morbihan qui "
                    "dénonce « une honte absolue ».", None),
    "aux_incise": ("La ministre a, pour sa part, remercié Paul Verdier d’avoir invité la "
                   "délégation « malgré un calendrier chargé ».", None),
    # relays
    "via_comme": ("« Les négociations avancent », a déclaré Paul Verdier, comme l'a rapporté "
                  "l'agence de presse Nordpresse.", None),
    "via_selon": ("« Les négociations avancent », a déclaré Paul Verdier, selon le ministère "
                  "des Affaires étrangères.", None),
    "via_selon_first": ("Selon le ministère des Affaires étrangères, Paul Verdier a déclaré "
                        "que les négociations avançaient.", None),
    "via_same": ("« Les négociations avancent », a déclaré Paul Verdier, selon le ministère "
                 "des Affaires étrangères.\n\n« Rien n'est encore acquis », a-t-il ajouté, "
                 "selon la même source.", None),
    "via_citant": ("« Le calme est revenu », a déclaré la présidence, citant les propos de "
                   "Paul Verdier.", None),
    "via_cite_par": ("« Le calme est revenu », a déclaré Paul Verdier, cité par l'agence "
                     "Nordpresse.", None),
    "via_media": ("Le ministre a indiqué que la frontière restait fermée, ont rapporté les "
                  "médias d'État valdoriens.", None),
    "speaker_not_via": ("La présidence a déclaré que le sommet aurait lieu en mars.", None),
    "via_pronoun": ("Selon elle, le projet de rocade « défigure la vallée », a expliqué Marie "
                    "Delage.", None),
    "via_pronoun_aside": ("Pour Marie Delage, le nouveau stade, selon elle « trop cher », doit "
                          "être abandonné.", None),
    # where, when or in which issue the words were said is not who said them
    "cut_lors": ("« Nous tiendrons nos engagements », a assuré la préfète lors de sa visite "
                 "au port.", None),
    "cut_issue_of": ("« Rien n'est joué », a estimé la ministre à l'issue du conseil.", None),
    "day_in_a_name": ("« Le marché reste fragile », a déclaré la directrice de Dimanche "
                      "Ouest-France.", None),
    "cut_marge": ("« Rien n'est joué », a estimé la ministre en marge d'un sommet à Lyon.",
                  None),
    "cut_issue": ("« Le marché reste fragile », écrivent Les Nouvelles de vendredi.", None),
    # a participle opening a sentence, taken for a name by the recogniser, is no antecedent
    "participle_opening": ("Le maire Paul Vidal est arrivé tôt.\nContemplant les ruines de "
                           "l'usine, il parle d'un « gâchis immense ».", None),
    # a pronoun of a main clause takes up the person named in the sentence just before,
    # even as an object, rather than the subject of an older sentence
    "pronoun_object": ("Le député Paul Marchand a remis mardi son rapport sur les hôpitaux. "
                       "Un texte qui est loin de satisfaire Louis Dumont, président de "
                       "l'association des usagers. Pour lui, ce rapport « oublie les "
                       "malades ».", None),
    "pronoun_passive": ("Le syndicat a déposé un recours mardi. Dans le dossier ouvert sur "
                        "plainte de la banque, le trader Alain Morvan a été mis en examen. "
                        "Dans ses auditions, il assure qu'on ne lui avait fixé aucune limite.",
                        None),
    # but not one inside a relative clause
    "pronoun_relative": ("Le président a visité mardi une usine à Lyon. Dans l'entourage de "
                         "Louis Morel, on assurait que le climat restait bon. On ne retenait "
                         "des propos du président que le passage dans lequel il a affirmé lui "
                         "faire « toute confiance ».", None),
    # a headline's "X :" is a topic unless X is a name or a role
    "title_topic": ("Le conseil a voté mardi la fermeture du bassin.\n\n« Nous rouvrirons "
                    "en juin », a déclaré Marc Vasseur.", "Piscine : « Nous rouvrirons en juin »"),
    "title_surname": ("Le maire Marc Vasseur a parlé aux habitants mardi.",
                      "Vasseur : « Nous rouvrirons en juin »"),
    "title_honorific": ("Le conseil a siégé mardi. M. Vasseur l'a dit sans détour.",
                        "Vasseur : « Nous rouvrirons en juin »"),
    "title_capitals": ("Le maire Marc Vasseur a parlé aux habitants mardi.",
                       "VASSEUR : « Nous rouvrirons en juin »"),
    # not quotes
    "scare": ("Le dossier de l'« affaire » revient devant les juges.", None),
    "work": ("Marc Vasseur a lu le roman « Les Vents du Nord » pendant l'été.", None),
    "work_initial": ("« Les Vents du Nord » a été adapté au cinéma en 2010.", None),
    "nickname": ("Le joueur, surnommé « le Magicien », a marqué deux buts.", None),
    # a participle phrase before a comma is no reported clause: the verb after it has its
    # subject before it, and the noun after the verb is its object, not an inverted speaker
    "participle_phrase": ("Les maraîchers, reçus jeudi en préfecture par Hélène Garnier, "
                          "ont qualifié la mesure d'injuste.", None),
    "finite_clause_reported": ("Le marché couvert rouvrira en avril, a indiqué jeudi la "
                               "mairie.", None),
    # a source named inside a relative clause tells of that clause, not of the speech
    "via_in_relative": ("Le comptable, qui a touché selon Le Courrier du Nord d'énormes primes "
                        "en 2019, affirme avoir voulu sauver l'entreprise.", None),
    # a verb of publishing whose subject comes first and reports no clause relays nothing
    "via_event_verb": ("Le ministère publiera « avant la fin du mois » un nouveau calendrier, "
                       "a ajouté la préfecture.", None),
    "via_named_paper": ("Selon Le Courrier du Nord, le maire a affirmé que « rien n'est "
                        "signé ».", None),
}


@pytest.fixture(scope="module")
def quotes():
    articles = [Article(id=key, source="test", text=text, title=title)
                for key, (text, title) in CASES.items()]
    annotated = annotate(articles, AnnotateConfig())
    return {a.article.id: (a, find_quotes(a)) for a in annotated}


def _only(quotes, key, kind=None):
    found = [q for q in quotes[key][1] if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text) for q in quotes[key][1]]
    return found[0]


@pytest.mark.parametrize("key", ["spaced", "tight", "nbsp", "curly", "straight"])
def test_quotes_direct_in_every_mark(quotes, key):
    q = _only(quotes, key)
    assert (q.kind, q.text, q.speaker, q.speaker_kind) == (
        "direct", "Nous ne céderons pas", "Marc Vasseur", "name")
    text = quotes[key][0].article.text
    assert text[q.start:q.end] == q.text
    assert text[q.speaker_start:q.speaker_end] == q.speaker
    assert q.id == f"{key}:q0" and q.sentence == 0


@pytest.mark.parametrize("key, inner", [("nested", "“assez”"),
                                        ("nested_single", "'priorité absolue'")])
def test_quotes_nested_marks_stay_inside(quotes, key, inner):
    q = _only(quotes, key)
    assert inner in q.text and q.kind == "direct" and q.speaker == "Claire Bonnet"


def test_quotes_multi_sentence_is_one_quote(quotes):
    q = _only(quotes, "multi")
    assert q.text.startswith("Nous ne céderons pas.") and q.text.endswith("quel prix")
    assert q.speaker == "Marc Vasseur"


@pytest.mark.parametrize("key, speaker", [("title_colon", "Marc Vasseur"),
                                          ("title_incise", "Marc Vasseur")])
def test_quotes_headline_in_title(quotes, key, speaker):
    article, found = quotes[key]
    q = found[0]
    assert q.sentence == -1 and q.id == f"{key}:q0" and q.kind == "direct"
    assert article.article.title[q.start:q.end] == "Nous ne céderons pas"
    assert article.article.title[q.speaker_start:q.speaker_end] == speaker
    assert q.speaker_kind == "name"


def test_quotes_headline_without_speaker_borrows_the_body_speaker(quotes):
    title, body = quotes["title_bare"][1]
    assert title.sentence == -1 and title.text == "Nous ne céderons jamais"
    assert title.speaker == "Marc Vasseur" and title.speaker_start is None
    assert body.id == "title_bare:q1" and body.sentence == 0


def test_quotes_partial_inside_reported_speech(quotes):
    q = _only(quotes, "partial", "partial")
    assert (q.text, q.speaker, q.speaker_kind) == ("intérêts communs", "La ministre", "role")


def test_quotes_indirect_speech_is_the_que_clause(quotes):
    # the completive clause with its "que": the object of the reporting verb
    q = _only(quotes, "indirect")
    assert q.kind == "indirect" and q.speaker == "Claire Bonnet"
    assert q.text == "que le gouvernement ne reculerait pas sur la réforme"


@pytest.mark.parametrize("key, text, speaker, kind", [
    ("colon", "Le port rouvrira lundi.", "Marc Vasseur", "name"),
    ("bare_colon", "Il faut agir vite.", "Paul Verdier", "name"),
    ("incise_t_il", "Nous sommes prêts", "Marc Vasseur", "name"),
    ("incise_role", "La situation reste tendue", "le ministre de l'Intérieur", "role"),
    ("incise_time", "La situation reste tendue", "le maire de Carnac, Paul Verdier", "name"),
    ("pronoun_gender", "Le dialogue est rompu", "Claire Bonnet", "name"),
    ("honorific_gender", "Le dialogue est rompu", "Mme Bonnet", "name"),
    ("incise_complement", "Le calme revient", "M. Verdier", "name"),
    ("incise_no_comma", "Nous ne céderons pas", "Marc Vasseur", "name"),
    ("nationality", "Je suis très heureux", "Jan Peeters", "name"),
    ("role_apposed", "C'est un trésor national", "Claire Bonnet", "name"),
    ("seat_of_power", "Le moment est important", "le Kremlin", "name"),
])
def test_quotes_speaker_of_direct_quote(quotes, key, text, speaker, kind):
    q = next(q for q in quotes[key][1] if q.text == text)
    assert (q.kind, q.speaker, q.speaker_kind) == ("direct", speaker, kind)


def test_quotes_seat_of_power_speaks_in_reported_speech(quotes):
    q = next(q for q in quotes["seat_of_power"][1] if q.kind == "partial")
    assert q.speaker == "L'Élysée" and q.speaker_kind == "name"


@pytest.mark.parametrize("key, text, kind", [
    ("selon", "la réforme sera votée avant l'été", "indirect"),
    ("pour", "une nécessité absolue", "partial"),
])
def test_quotes_speaker_from_selon_and_pour(quotes, key, text, kind):
    q = _only(quotes, key)
    assert (q.kind, q.text, q.speaker, q.via) == (kind, text, "Claire Bonnet", None)


@pytest.mark.parametrize("key", ["continued", "poursuivi"])
def test_quotes_continuation_keeps_the_speaker(quotes, key):
    first, second = quotes[key][1]
    assert second.text.startswith("Le texte sera voté tel quel")
    assert first.speaker == second.speaker == "Marc Vasseur"
    assert (first.id, second.id) == (f"{key}:q0", f"{key}:q1")


@pytest.mark.parametrize("key, speaker, via", [
    ("via_comme", "Paul Verdier", "Nordpresse"),
    ("via_selon", "Paul Verdier", "ministère des Affaires étrangères"),
    ("via_selon_first", "Paul Verdier", "ministère des Affaires étrangères"),
    ("via_citant", "Paul Verdier", "présidence"),
    ("via_cite_par", "Paul Verdier", "Nordpresse"),
    ("via_media", "Le ministre", "médias d'État valdoriens"),
    ("speaker_not_via", "La présidence", None),
    ("via_event_verb", "la préfecture", None),
])
def test_quotes_via_names_the_relay(quotes, key, speaker, via):
    q = _only(quotes, key)
    assert (q.speaker, q.via) == (speaker, via)


@pytest.mark.parametrize("key, text, speaker", [
    ("via_pronoun", "défigure la vallée", "Marie Delage"),
    ("via_pronoun_aside", "trop cher", "Marie Delage"),
])
def test_quotes_via_is_never_a_pronoun(quotes, key, text, speaker):
    q = _only(quotes, key)
    assert (q.text, q.speaker, q.via) == (text, speaker, None)


@pytest.mark.parametrize("key, speaker", [
    ("cut_lors", "la préfète"),
    ("cut_marge", "la ministre"),
    ("cut_issue_of", "la ministre"),
    ("cut_issue", "Les Nouvelles"),
    ("day_in_a_name", "la directrice de Dimanche Ouest-France"),  # a title's own name
])
def test_quotes_speaker_ends_before_where_and_when(quotes, key, speaker):
    assert _only(quotes, key).speaker == speaker


def test_quotes_participle_opening_a_sentence_is_not_the_pronouns_antecedent(quotes):
    q = _only(quotes, "participle_opening", "partial")
    assert q.text == "gâchis immense" and q.speaker == "Le maire Paul Vidal"


@pytest.mark.parametrize("key, kind, speaker", [
    ("pronoun_object", "partial", "Louis Dumont"),
    ("pronoun_passive", "indirect", "Alain Morvan"),
])
def test_quotes_pronoun_takes_up_the_person_named_just_before(quotes, key, kind, speaker):
    assert _only(quotes, key, kind).speaker == speaker


def test_quotes_pronoun_of_a_clause_inside_keeps_its_older_antecedent(quotes):
    assert _only(quotes, "pronoun_relative", "partial").speaker != "Louis Morel"


@pytest.mark.parametrize("key, speaker, in_title", [("title_topic", "Marc Vasseur", False),
                                                    ("title_surname", "Vasseur", True),
                                                    ("title_honorific", "Vasseur", True),
                                                    ("title_capitals", "VASSEUR", True)])
def test_quotes_headline_topic_is_not_a_speaker(quotes, key, speaker, in_title):
    article, found = quotes[key]
    q = found[0]
    assert q.sentence == -1 and q.text == "Nous rouvrirons en juin"
    assert q.speaker == speaker and (q.speaker_start is not None) == in_title


def test_quotes_via_same_source_is_the_previous_relay(quotes):
    first, second = quotes["via_same"][1]
    assert first.via == second.via == "ministère des Affaires étrangères"
    assert second.speaker == "Paul Verdier"


@pytest.mark.parametrize("key", ["scare", "work", "work_initial", "nickname"])
def test_quotes_not_scare_quotes_or_titles(quotes, key):
    assert [q for q in quotes[key][1] if q.kind != "indirect"] == []


def test_quotes_incise_skips_a_time_phrase_to_the_named_role(quotes):
    q = _only(quotes, "incise_time_phrase")
    assert q.text == "Venez nous voir !" and q.speaker.endswith("Paul Verdier")


@pytest.mark.parametrize("key, text, kind", [
    ("pronoun_alone", "Nous verrons bien", None),  # "il" with no one before it: nobody
    ("unnamed_source", "Rien n'est encore décidé", "unnamed"),  # described, not named
    ("thing_not_speaker", "Rien ne change", None),  # a report is not a speaker
])
def test_quotes_speaker_left_empty_rather_than_wrong(quotes, key, text, kind):
    q = next(q for q in quotes[key][1] if q.text == text)
    assert (q.speaker, q.speaker_kind) == (None, kind)


def test_quotes_via_is_the_source_of_the_speech_only(quotes):
    q = _only(quotes, "via_in_relative")
    assert (q.text, q.via) == ("avoir voulu sauver l'entreprise", None)
    # a paper's name ends the relay, whatever the parse hangs on it
    assert _only(quotes, "via_named_paper").via == "Courrier du Nord"


def test_quotes_inverted_incise_reports_a_clause_only(quotes):
    assert not quotes["participle_phrase"][1]
    q = _only(quotes, "finite_clause_reported")
    assert (q.kind, q.text, q.speaker) == ("indirect", "Le marché couvert rouvrira en avril",
                                           "la mairie")


def test_quotes_indirect_infinitive_clause(quotes):
    q = _only(quotes, "infinitive")
    assert (q.kind, q.text, q.speaker) == ("indirect", "n'avoir reçu aucune lettre du ministère",
                                           "Paul Verdier")


def test_quotes_headline_reported_speech_names_the_role_holder(quotes):
    q = quotes["headline_reported"][1][0]
    assert (q.sentence, q.kind, q.text) == (-1, "indirect", "qu'il ne cédera pas")
    assert q.speaker == "Paul Verdier" and q.speaker_start is None


def test_quotes_selon_lui_is_the_person_before(quotes):
    q = _only(quotes, "selon_lui")
    assert (q.kind, q.speaker) == ("indirect", "Paul Verdier")


def test_quotes_the_parse_passed_by_annotate_gives_the_same_quotes(quotes):
    for annotated, found in quotes.values():
        assert annotated.quotes == found


@pytest.mark.parametrize("key, text, speaker", [
    ("narrative", "Le port rouvrira lundi.", "le maire"),
    ("colon_clause", "Le port rouvrira lundi.", "Marc Vasseur"),
    ("aux_clitic", "Le port rouvrira", "Marc Vasseur"),
])
def test_quotes_speaker_introduced_by_a_clause(quotes, key, text, speaker):
    q = next(q for q in quotes[key][1] if q.text == text)
    assert q.speaker == speaker


@pytest.mark.parametrize("key, text, speaker, kind", [
    ("colon_no_verb", "Rien n'est encore joué.", "Jeanne Morel", "name"),
    ("selon_comma", "le petit port sera rénové l'an prochain", "Paul Verdier", "name"),
    ("selon_over_verb", "un voisin aurait avoué avoir vu la barque", "Paul Verdier", "name"),
    ("described_named", "que la livraison arriverait jeudi", "Le pharmacien, Paul Verdier",
     "name"),
    ("document", "Les contrôles ont échoué", "la Cour des comptes", "name"),
    ("on_inner", "Dans ce cas, précise-t-on à la Fondation Morel, la règle change.",
     "la Fondation Morel", "name"),
    ("inverted_report", "Le port rouvrira lundi prochain", "Paul Verdier", "name"),
    ("first_person", "J'ai eu très peur", "Claire Bonnet", "name"),
    ("anaphoric", "Il faut reconstruire", "Claire Bonnet", "name"),
    ("partial_shared", "fortes attentes", "Paul Verdier", "name"),
    ("rapporte_person", "Le quartier est inquiet", "Paul Verdier", "name"),
    ("recurring", "La mer était terrible", "le navigateur", "role"),
    ("acronym", "Les prix vont monter", "l'Audr", "name"),
    ("outre", "ne devait pas avoir lieu", "le président du club, Paul Verdier", "name"),
    ("fronted_adverb", "nous ne céderons pas sur les salaires", "M. Verdier", "name"),
    ("selon_lui_later", "les travaux seront finis en mai", "Paul Verdier", "name"),
    ("inverted_clitic", "Le chantier doit durer deux ans", "Paul Verdier", "name"),
    ("relative_np", "une honte absolue", "le Syndicat des pêcheurs du Morbihan", "name"),
    # the object of the reported verb is no inverted subject, however far its comma
    ("aux_incise", "malgré un calendrier chargé", "La ministre", "role"),
])
def test_quotes_speaker_from_general_rules(quotes, key, text, speaker, kind):
    q = next(q for q in quotes[key][1] if q.text == text)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


@pytest.mark.parametrize("key, text", [
    ("unnamed_indefinite", "Tout va changer"),  # "un commerçant": described, not named
    ("selon_middle", "Le navire a coulé vers minuit, selon les enquêteurs, et tout "
                     "l'équipage a été secouru"),  # a group, not a name
    ("described", "que la livraison arriverait jeudi"),  # "le pharmacien", never named
    ("on_entourage", "Le dossier avance bien"),  # an entourage, not the person named in it
    ("nested_colon", "Tout le monde dehors"),  # someone the speaker quotes
])
def test_quotes_found_but_left_unnamed(quotes, key, text):
    q = next(q for q in quotes[key][1] if q.text == text)
    assert (q.speaker, q.speaker_kind) == (None, "unnamed")


def test_quotes_on_speaks_from_the_place_named_after_it(quotes):
    q = _only(quotes, "on_at")
    assert q.speaker.endswith("ministère de la Santé") and q.speaker_kind in ("name", "role")


def test_quotes_nested_quote_leaves_the_outer_speaker(quotes):
    outer = next(q for q in quotes["nested_colon"][1] if q.text.startswith("Le capitaine"))
    assert outer.speaker == "Paul Verdier"


def test_quotes_bare_organisation_noun_stands_for_the_one_it_heads(quotes):
    q = next(q for q in quotes["organisation_noun"][1] if q.text == "Les retards augmentent")
    assert q.speaker == "Association des usagers du rail" and q.speaker_kind == "name"


def test_quotes_a_noun_after_a_determiner_is_no_reporting_verb(quotes):
    assert all(q.speaker != "Claire Bonnet" for q in quotes["charge_not_quote"][1])


def test_quotes_a_report_of_a_report_is_the_reporter_s_too(quotes):
    found = {(q.text, q.speaker) for q in quotes["layered"][1]}
    assert ("Le gardien a expliqué avoir vu la fumée mardi soir",
            "le maire de Carnac, Paul Verdier") in found


def test_quotes_pleading_for_a_clause_reports_it(quotes):
    q = _only(quotes, "pleads")
    assert (q.kind, q.speaker) == ("indirect", "Paul Verdier")
    assert q.text == "que la digue soit rénovée avant l'hiver"
