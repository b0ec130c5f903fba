"""The cited summary, on hand-made claims: news first, whole sentences, no repeats, each
citation an article whose own sentence states it, with that sentence's span."""


import pytest

from recoupe.crosscheck.summary import summarize
from recoupe.model import AnnotatedArticle, Article, Claim, ClaimSentence, Sentence, Token


def claim(cid, sentences, support=None):
    """sentences: (article, text, start) triples."""
    sents = tuple(ClaimSentence(a, t, s, s + len(t)) for a, t, s in sentences)
    n = support or len({a for a, _, _ in sentences})
    return Claim(cid, sents[0].text, tuple(sorted({s.article for s in sents})), n, n, sents)


NEWS = "Un pont s'est effondré lundi sur la rocade nord de Tours."
NEWS_B = "Lundi, un pont de la rocade nord de Tours s'est effondré."
BACKGROUND = "Le pont avait été construit en 1972 par une entreprise locale de Tours."
LATER = "La préfecture a fermé la rocade nord de Tours jusqu'à nouvel ordre."

CLAIMS = [
    # background repeated by three outlets, late in each article
    claim("c1", [("a", BACKGROUND, 400), ("b", BACKGROUND, 380), ("c", BACKGROUND, 500)]),
    # the news, first in two articles
    claim("c2", [("a", NEWS, 0), ("b", NEWS_B, 0)]),
    claim("c3", [("a", LATER, 200), ("c", LATER, 100)]),
    claim("c4", [("c", "Le trafic reprendra sur la rocade nord de Tours.", 0)]),
    claim("c5", [("b", "il a été fermé.", 100)]),  # a fragment
]


def test_summary_puts_the_news_first():
    out = summarize(CLAIMS, sentences=3)
    assert out[0].text in (NEWS, NEWS_B)


def test_summary_sentences_are_whole_and_not_repeated():
    texts = [s.text for s in summarize(CLAIMS, sentences=6)]
    assert "il a été fermé." not in texts
    assert len(texts) == len(set(texts)) and not {NEWS, NEWS_B} <= set(texts)


def test_summary_cites_with_spans_of_each_articles_own_sentence():
    first = summarize(CLAIMS, sentences=1)[0]
    assert first.articles == ("a", "b")
    assert [(s.article, s.start) for s in first.spans] == [("a", 0), ("b", 0)]


# -- what the leads agree on -----------------------------------------------------------

# The news, told at the top of three articles in three wordings (not aligned as one claim).
LEAD_A = "Une crue de la Loire a inondé mardi les quais de Saumur et coupé trois routes."
LEAD_B = "La Loire en crue a inondé les quais de Saumur mardi, trois routes sont coupées."
LEAD_C = "Mardi, la crue de la Loire a coupé trois routes autour de Saumur."
# Background every article repeats lower down, in words of its own.
PAST = "Le barrage de Villerest régule le débit du fleuve depuis sa mise en service."
PAST_B = "Depuis sa mise en service, le barrage de Villerest régule le débit du fleuve."
# The lead of a fourth article on another angle, in words the other leads do not use.
SIDE = "Le festival de théâtre de Doué-la-Fontaine a reporté ses représentations en plein air."


def lead_claims():
    return [
        claim("past", [("a", PAST, 300), ("b", PAST_B, 250), ("c", PAST, 280),
                       ("d", PAST_B, 200)]),
        claim("side", [("d", SIDE, 0)]),
        claim("a", [("a", LEAD_A, 0)]),
        claim("b", [("b", LEAD_B, 0)]),
        claim("c", [("c", LEAD_C, 0)]),
        # what each article tells between its lead and the background
        claim("a1", [("a", "Les pompiers ont évacué une cinquantaine d'habitants.", 100)]),
        claim("b1", [("b", "Un camping proche du pont Cessart a été fermé par arrêté.", 100)]),
        claim("c1", [("c", "Les écoles du quartier de la gare resteront fermées.", 100)]),
        claim("d1", [("d", "Les organisateurs espèrent rejouer la pièce en septembre.", 100)]),
    ]


def test_summary_leads_with_what_the_other_articles_leads_agree_on():
    # Four outlets repeat the background (in words every article uses) and the lone angle
    # opens its article: neither is what the other articles' leads agree on.
    first = summarize(lead_claims(), sentences=1)[0]
    assert first.text in (LEAD_A, LEAD_B, LEAD_C)


def test_summary_cites_only_the_articles_whose_sentence_states_it():
    # The leads agree on the news, but each lead is its own claim: the sentence taken cites
    # its own article, not the others whose leads merely share its words.
    first = summarize(lead_claims(), sentences=1)[0]
    assert len(first.articles) == 1 and first.spans[0].start == 0


def test_summary_does_not_cite_an_article_that_bears_out_only_part_of_the_sentence():
    # One claim (the meeting), but the sentence taken also says what was promised there:
    # the other article's sentence (which does not read on its own, so is not taken)
    # reports the meeting only, a third of the words, and does not bear the sentence out.
    long = ("La maire de Tours a rencontré lundi le préfet de région à la préfecture, "
            "et lui a promis une aide municipale pour reconstruire la passerelle "
            "effondrée avant la rentrée scolaire de septembre.")
    short = "Par ailleurs, la maire de Tours a rencontré lundi le préfet de région."
    [taken] = summarize([claim("c1", [("a", long, 0), ("b", short, 0)])], sentences=2)
    assert taken.text == long and taken.articles == ("a",)


def test_summary_scales_past_hundreds_of_claims():
    many = [claim(f"c{i}", [(f"a{i % 40}", f"Le conseil numéro {i} a voté le budget {i}.", i),
                            (f"a{(i + 1) % 40}", f"Le budget {i} est voté par le conseil {i}.", i)])
            for i in range(3000)]
    # No size switches the selection off; how its time grows is measured, not asserted here
    # (benchmarks/crosscheck_scaling.py: a timed test would fail on a busy machine).
    out = summarize(many, sentences=6)
    assert len(out) == 6


def test_summary_reads_the_parse_of_thousands_of_sentences_in_one_pass():
    text = "Le conseil a voté le budget."
    sentences = [(text, [("voté", "VERB", "ROOT", None, PART),
                         ("a", "AUX", "aux:tense", "voté", FIN.format("Pres"))])] * 3000
    article = parsed("a", sentences)
    many = [claim(f"c{k}", [("a", s.text, s.start)]) for k, s in enumerate(article.sentences)]
    out = summarize(many, sentences=6, articles=[article])
    assert len(out) == 1  # one text: the rest repeat it


# -- sentences that do not read on their own, by their words ------------------------------

TOWN = "Le conseil municipal de Vierzon a voté jeudi la fermeture de la piscine."


@pytest.mark.parametrize("text, kept", [
    # A word or two in quotes (a scare quote, a short partial quote) is the outlet's narration.
    ("Le conseil municipal de Vierzon a voté jeudi la « fermeture » de la piscine.", True),
    ("Le maire a jugé la décision « douloureuse » devant le conseil municipal jeudi.", True),
    # Mostly someone's words, or a sentence of a quote running over several sentences.
    ("« Nous n'avons plus les moyens de chauffer ce bassin », a dit le maire.", False),
    ("Nous n'avons plus les moyens de chauffer ce bassin depuis deux ans », a-t-il dit.",
     False),
    # Openers that take up the sentence before.
    ("Par ailleurs, le conseil municipal de Vierzon a voté jeudi une hausse des tarifs.", False),
    ("Cette décision du conseil municipal de Vierzon a surpris les nageurs du club.", False),
    ("C'est la deuxième piscine fermée par le conseil municipal de Vierzon.", False),
    ("Mais le conseil municipal de Vierzon a voté jeudi la fermeture de la piscine.", False),
    ("Et le conseil municipal de Vierzon a voté jeudi la fermeture de la piscine.", False),
    # An opinion whose holder was named before.
    ("Pour lui, le conseil municipal de Vierzon a eu tort de fermer la piscine.", False),
    ("Selon elle, le conseil municipal de Vierzon a voté trop vite la fermeture.", False),
    # A possessive of the third person points at someone named before.
    ("Son maire a fait voter jeudi la fermeture de la piscine municipale de Vierzon.", False),
    ("Leurs enfants nageaient à la piscine municipale de Vierzon le jeudi soir.", False),
    # A demonstrative before a time noun is a date, not a reference back.
    ("Ce jeudi, le conseil municipal de Vierzon a voté la fermeture de la piscine.", True),
    ("Ces derniers mois, le conseil municipal de Vierzon a débattu de la piscine.", True),
    # A word that only starts like a connective is no connective.
    ("Orléans a voté jeudi la fermeture de sa piscine municipale du centre-ville.", True),
])
def test_summary_keeps_only_sentences_that_read_on_their_own(text, kept):
    out = summarize([claim("c1", [("a", text, 0)])], sentences=1)
    assert bool(out) is kept


# -- the main clause, from the parse ------------------------------------------------------

def token(text, start, pos, dep, head, morph=""):
    return Token(text, start, text.lower(), pos, dep, head, morph)


FIN = "Mood=Ind|Number=Sing|Person=3|Tense={}|VerbForm=Fin"
PART = "Tense=Past|VerbForm=Part"


def parsed(aid, sentences):
    """An annotated article from (text, [(word, pos, dep, head word, morph)]) pairs: each
    sentence's few tokens that matter, found in its text; heads are words of that sentence."""
    text, spans, tokens = "", [], []
    for s, words in sentences:
        base = len(text)
        spans.append(Sentence(base, base + len(s), s))
        first = len(tokens)
        index = {w: first + k for k, (w, *_) in enumerate(words)}
        for w, pos, dep, head, morph in words:
            tokens.append(token(w, base + s.index(w), pos, dep,
                                index[head] if head else -1, morph))
        text += s + "\n"
    return AnnotatedArticle(Article(id=aid, source=aid, text=text), "fr", tuple(spans),
                            tuple(tokens))


NEWS_P = "Le préfet a fermé mardi la route du col de la Croix-Haute aux camions."
BACK_P = "Le passage avait déjà été fermé aux poids lourds en 2019 après un éboulement."
NOMINAL = "Une décision qui soulage les habitants des villages de la vallée du Buëch."
HE = "Dans les villages de la vallée, il est devenu le préfet des camionneurs."

GRAMMAR = [
    parsed("a", [
        (BACK_P, [("fermé", "VERB", "ROOT", None, PART),
                  ("avait", "AUX", "aux:tense", "fermé", FIN.format("Imp"))]),
        (NEWS_P, [("fermé", "VERB", "ROOT", None, PART),
                  ("a", "AUX", "aux:tense", "fermé", FIN.format("Pres"))]),
        (NOMINAL, [("décision", "NOUN", "ROOT", None, ""),
                   ("soulage", "VERB", "acl:relcl", "décision", FIN.format("Pres"))]),
        (HE, [("devenu", "VERB", "ROOT", None, PART), ("il", "PRON", "nsubj", "devenu", ""),
              ("est", "AUX", "aux:tense", "devenu", FIN.format("Pres"))]),
    ]),
]


def grammar_claims():
    a = GRAMMAR[0]
    return [claim(f"c{k}", [("a", s.text, s.start)]) for k, s in enumerate(a.sentences)]


def test_summary_puts_the_news_before_background_told_in_the_pluperfect():
    # The background sentence stands first in its article; its pluperfect says it recalls.
    out = summarize(grammar_claims(), sentences=2, articles=GRAMMAR)
    assert [s.text for s in out] == [NEWS_P, BACK_P]


def test_summary_without_a_parse_judges_by_place_and_words():
    out = summarize(grammar_claims(), sentences=1)
    assert out[0].text == BACK_P


@pytest.mark.parametrize("text", [NOMINAL, HE])
def test_summary_leaves_out_a_main_clause_that_leans_on_another_sentence(text):
    texts = [s.text for s in summarize(grammar_claims(), sentences=6, articles=GRAMMAR)]
    assert text not in texts


def test_summary_reads_a_verb_the_parser_hung_beside_its_subject():
    # "La ministre de la Culture Anne Dubois a inauguré ..." parsed with the noun as the
    # root and the verb as a parataxis of the name: the sentence has its finite verb.
    text = "La ministre de la Culture Anne Dubois a inauguré jeudi le musée de Rodez."
    nominal = "Une inauguration qui réjouit les commerçants du centre de Rodez."
    article = parsed("a", [
        (text, [("ministre", "NOUN", "ROOT", None, ""),
                ("Anne", "PROPN", "appos", "ministre", ""),
                ("Dubois", "PROPN", "nsubj", "inauguré", ""),
                ("inauguré", "VERB", "parataxis", "Anne", PART),
                ("a", "AUX", "aux:tense", "inauguré", FIN.format("Pres"))]),
        # a relative clause under a nominal root is no main clause
        (nominal, [("inauguration", "NOUN", "ROOT", None, ""),
                   ("réjouit", "VERB", "acl:relcl", "inauguration", FIN.format("Pres"))]),
    ])
    claims = [claim(f"c{k}", [("a", s.text, s.start)]) for k, s in enumerate(article.sentences)]
    texts = [s.text for s in summarize(claims, sentences=6, articles=[article])]
    assert texts == [text]


OPENING = "Créé en mai par la région, le fonds finance les travaux des petits commerces."
WHEN = "Un soulagement quand les pompiers ont maîtrisé le feu de la scierie."
CONJUNCT = "Un succès, la foire aux vins ouvre ses portes à Mâcon samedi."


@pytest.mark.parametrize("text, words, kind", [
    # an opening participle taken for a name and the root, the main verb hung on it as
    # an adverbial clause with its own subject: the sentence has its main clause
    (OPENING, [("Créé", "PROPN", "ROOT", None, ""),
               ("fonds", "NOUN", "nsubj", "finance", ""),
               ("finance", "VERB", "advcl", "Créé", FIN.format("Pres"))], "news"),
    # a clause a subordinator opens is no main clause, however the parser hangs it
    (WHEN, [("soulagement", "NOUN", "ROOT", None, ""),
            ("quand", "SCONJ", "mark", "maîtrisé", ""),
            ("pompiers", "NOUN", "nsubj", "maîtrisé", ""),
            ("maîtrisé", "VERB", "advcl", "soulagement", PART),
            ("ont", "AUX", "aux:tense", "maîtrisé", FIN.format("Pres"))], "fragment"),
    # a relative pronoun is not a subject of the main clause
    (NOMINAL, [("décision", "NOUN", "ROOT", None, ""),
               ("qui", "PRON", "nsubj", "soulage", "PronType=Rel"),
               ("soulage", "VERB", "conj", "décision", FIN.format("Pres"))], "fragment"),
    # a conjunct beside a nominal root with a subject of its own is the main clause
    (CONJUNCT, [("succès", "NOUN", "ROOT", None, ""),
              ("foire", "NOUN", "nsubj", "ouvre", ""),
              ("ouvre", "VERB", "conj", "succès", FIN.format("Pres"))], "news"),
])
def test_summary_finds_a_main_verb_the_parser_hung_on_a_misread_root(text, words, kind):
    from recoupe import lang
    from recoupe.crosscheck.standalone import main_clauses

    article = parsed("a", [(text, words)])
    assert main_clauses([article], lang.table("fr", "summary")) == {("a", 0): kind}


def test_summary_draws_on_the_top_of_each_article():
    told = [
        "Une crue de la Loire a coupé mardi trois routes autour de Saumur.",
        "Les pompiers ont évacué quarante habitants du quartier des Ponts.",
        "La préfecture a ouvert un gymnase pour accueillir les familles évacuées.",
        "Le maire demande que la commune soit reconnue en état de catastrophe naturelle.",
        "Les écoles du centre resteront fermées jusqu'à vendredi.",
        "Météo-France maintient la vigilance orange sur tout le département.",
        "Un agriculteur a perdu deux cents brebis dans les prés inondés.",
        "Les assureurs estiment les dégâts à plusieurs millions d'euros.",
    ]
    claims = [claim(f"c{n}", [("a", t, 100 * n)]) for n, t in enumerate(told)]
    out = summarize(claims, sentences=10)
    assert [s.spans[0].start for s in out] and all(s.spans[0].start < 600 for s in out)
    assert len(out) == 6


def test_summary_does_not_say_again_a_claim_a_taken_sentence_is_in():
    # Article a's lead states the fire and, in passing, the evacuation, so it is in both
    # claims (an anchor claim); b's sentence on the evacuation, in other words, says it again.
    fire = ("Un incendie a ravagé lundi un entrepôt de Vierzon, où les pompiers ont évacué "
            "les riverains.")
    evacuated = "Une centaine d'habitants du quartier ont dû quitter leur logement en hâte."
    other = "La préfète du Cher a ouvert une cellule de crise à la mairie."
    claims = [
        claim("c1", [("a", fire, 0)]),
        claim("c2", [("a", fire, 0), ("b", evacuated, 0)]),
        claim("c3", [("b", other, 100)]),
        # b's sentence is also in a claim of its own with c's (drawn from there, it is
        # not the claim the fire was drawn from)
        claim("c4", [("b", evacuated, 0), ("c", evacuated, 0)]),
    ]
    texts = [s.text for s in summarize(claims, sentences=3)]
    assert (fire in texts) != (evacuated in texts)
    assert other in texts


def test_summary_of_sentences_without_offsets_keeps_them_apart():
    told = ["La digue du port de Sète a cédé sous la houle dans la nuit de lundi.",
            "Trois chalutiers ont coulé le long du quai est, sans faire de victime.",
            "La capitainerie a interdit toute sortie en mer jusqu'à jeudi au moins.",
            "Les pêcheurs réclament une aide de l'État pour remplacer leurs bateaux."]
    claims = [Claim(f"c{n}", t, ("a",), 1, 1, (ClaimSentence("a", t),))
              for n, t in enumerate(told)]
    assert len(summarize(claims, sentences=4)) == 4


# -- what the leads say in word pairs, and the set chosen as a whole --------------------

FACT = "Un incendie a détruit mercredi un entrepôt du port de Brest."
ARREST = "Il a été tiré au sort jeudi soir à Lyon."  # leans: no summary sentence
# The same content words, once in the leads' pairs, once in other pairs (and shorter).
IN_PAIRS = "Le maire de Lyon a été tiré au sort jeudi soir."
SCRAMBLED = "Jeudi soir, le maire de Lyon a tiré son sort."


def pair_claims(first, second):
    """Four articles whose leads tell FACT then ARREST; two more, each with a lead of its
    own and, third, `first` or `second`."""
    leads = [claim("fact", [(a, FACT, 0) for a in "abcd"]),
             claim("arrest", [(a, ARREST, 100) for a in "abcd"])]
    # the other two articles' own leads and a later sentence, in words of their own
    own = [claim("own-e", [("e", "Le musée de Quimper prépare une exposition consacrée "
                                 "aux peintres bretons.", 0)]),
           claim("own-f", [("f", "La chorale de Vannes répète chaque mardi dans la "
                                 "chapelle du lycée.", 0)])]
    more = [claim("more-e", [("e", "Les pompiers ont renforcé leurs équipes de nuit cet "
                                   "hiver.", 100)]),
            claim("more-f", [("f", "Un nouveau marché couvert ouvrira bientôt près de la "
                                   "gare.", 100)])]
    return [*leads, *own, *more, claim("x", [("e", first, 300)]),
            claim("y", [("f", second, 300)])]


@pytest.mark.parametrize("first, second", [(IN_PAIRS, SCRAMBLED), (SCRAMBLED, IN_PAIRS)])
def test_summary_takes_the_words_the_leads_pair_together_over_the_same_words_apart(
        first, second):
    # Same content words, same place and support: the sentence that holds them as the
    # leads of three articles or more join them ("tiré au sort") says what they
    # say; the scrambled one, though shorter, only shares their words.
    out = [s.text for s in summarize(pair_claims(first, second), sentences=2)]
    assert out[0] == FACT and out[1] == IN_PAIRS


def test_summary_counts_word_pairs_only_when_three_leads_share_them():
    # ARREST in one lead only: its pairs vouch for nothing, and of two sentences with the
    # same words the shorter one costs the reader less.
    claims = pair_claims(IN_PAIRS, SCRAMBLED)
    claims[1] = claim("arrest", [("a", ARREST, 100)] + [
        (a, "Il a été entendu par les enquêteurs du commissariat central.", 100)
        for a in "bcd"])
    out = [s.text for s in summarize(claims, sentences=2)]
    assert out[0] == FACT and out[1] == SCRAMBLED
