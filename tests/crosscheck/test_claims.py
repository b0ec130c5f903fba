"""Claims aligned across articles and the cited summary, on hand-made articles (no model)."""

from recoupe.crosscheck.claims import find_claims
from recoupe.crosscheck.similarity import units_of
from recoupe.crosscheck.summary import summarize
from recoupe.model import AnnotatedArticle, Article, Quote, Sentence


def art(aid, sentences, outlet=None):
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s), s))
        text += s + "\n"
    return AnnotatedArticle(Article(id=aid, source=aid, text=text, outlet=outlet), "fr",
                            tuple(spans))


ARTS = [
    art("a", ["Un incendie a détruit mardi l'entrepôt de la coopérative viticole de Cadillac.",
              "Les pompiers ont mobilisé quarante engins pendant six heures.",
              "« Nous reconstruirons », a déclaré le président de la coopérative."], "Sud Ouest"),
    art("b", ["L'entrepôt de la coopérative viticole de Cadillac a été détruit par un incendie.",
              "Quarante engins de pompiers ont été mobilisés pendant six heures.",
              "La récolte de l'an dernier était stockée dans le bâtiment."], "France 3"),
    art("c", ["Un incendie a détruit mardi l'entrepôt de la coopérative viticole de Cadillac."],
        "Agence X"),
]
def quote(article, index, words, kind="direct"):
    """The Quote of `words` in sentence `index` of `article`, with its real offsets."""
    a = next(x for x in ARTS + EXTRA if x.article.id == article)
    s = a.sentences[index]
    start = s.start + s.text.index(words)
    return Quote(f"{article}:q{index}", words, kind, article, index, start, start + len(words))


EXTRA = [
    art("d", ["« Nous rouvrirons l'école lundi », a promis le maire de Lourdes, qui visitait "
              "jeudi le chantier de la nouvelle cantine scolaire."], "La Dépêche"),
    art("e", ["Le maire de Lourdes visitait jeudi le chantier de la nouvelle cantine scolaire."],
        "Radio Y"),
]
QUOTES = [quote("a", 2, "Nous reconstruirons")]


def claims():
    return find_claims(ARTS, QUOTES)


def test_claims_align_one_fact_across_outlets():
    fire = [c for c in claims() if "incendie" in c.text]
    assert len(fire) == 1 and fire[0].articles == ("a", "b", "c") and fire[0].support == 3


def test_claims_a_copied_sentence_is_not_independent_support():
    fire = [c for c in claims() if "incendie" in c.text][0]
    assert fire.independent_support == 2  # a and c carry the same words


def test_claims_single_outlet_claim_has_support_one():
    harvest = [c for c in claims() if "récolte" in c.text]
    assert len(harvest) == 1 and harvest[0].support == 1


def test_claims_leave_out_quoted_sentences():
    assert not [c for c in claims() if "reconstruirons" in c.text]


def test_claims_units_compare_only_the_words_outside_a_mask():
    q = quote("d", 0, "Nous rouvrirons l'école lundi")
    unit = units_of(EXTRA[:1], 4, {("d", 0): [(q.start, q.end)]})[0]
    assert "chantier" in unit.words and "ecole" not in unit.words
    assert unit.sentence.text.startswith("«")


def test_claims_a_quotes_narration_supports_the_fact_it_states():
    # The words around the quote (who, when, where) are the outlet's own report.
    q = quote("d", 0, "Nous rouvrirons l'école lundi")
    visit = [c for c in find_claims(EXTRA, [q]) if "chantier" in c.text]
    assert len(visit) == 1 and visit[0].articles == ("d", "e")


def test_summary_cites_only_articles_that_bear_the_sentence_out():
    summary = summarize(claims(), sentences=2)
    assert len(summary) == 2
    for s in summary:
        for aid in s.articles:
            own = next(a for a in ARTS if a.article.id == aid).article.text.lower()
            words = [w for w in s.text.lower().split() if len(w) > 4]
            assert sum(w in own for w in words) >= len(words) / 2


def test_summary_skips_fragments_and_pronoun_openings():
    arts = [art("a", ["il a été reporté à lundi.", "Elle a annoncé le report du conseil.",
                      "Le conseil municipal de Pau est reporté à lundi prochain."])]
    texts = [s.text for s in summarize(find_claims(arts, []), sentences=3)]
    assert texts == ["Le conseil municipal de Pau est reporté à lundi prochain."]


def test_claims_outlets_relaying_one_agency_count_once():
    arts = [art("a", ["Un séisme de magnitude 5 a frappé la région de Tarbes dimanche."], "X"),
            art("b", ["La région de Tarbes a été frappée dimanche par un séisme de magnitude 5."],
                "Y"),
            art("c", ["Un séisme de magnitude 5 a secoué dimanche la région de Tarbes, sans "
                      "faire de victimes."], "Z")]
    quake = find_claims(arts, [], {"a": "wire:AFP", "b": "wire:AFP"})[0]
    assert quake.support == 3 and quake.independent_support == 2


def test_claims_units_leave_out_a_reporting_verb_at_the_root():
    # "Le maire a annoncé que l'école rouvrira lundi": what is claimed is the reopening;
    # the verb that reports it is not part of the fact.
    from recoupe.model import Token

    text = "Le maire a annoncé que l'école rouvrira lundi."
    words = [("Le", "le", "DET", "det", 1), ("maire", "maire", "NOUN", "nsubj", 3),
             ("a", "avoir", "AUX", "aux:tense", 3), ("annoncé", "annoncer", "VERB", "ROOT", 3),
             ("que", "que", "SCONJ", "mark", 7), ("l'", "le", "DET", "det", 6),
             ("école", "école", "NOUN", "nsubj", 7),
             ("rouvrira", "rouvrir", "VERB", "ccomp", 3), ("lundi", "lundi", "NOUN", "obl", 7)]
    tokens, at = [], 0
    for form, lemma, pos, dep, head in words:
        at = text.index(form, at)
        tokens.append(Token(form, at, lemma, pos, dep, head, "VerbForm=Fin"))
        at += len(form)
    a = AnnotatedArticle(Article(id="m", source="m", text=text), "fr",
                         (Sentence(0, len(text), text),), tuple(tokens))
    unit = units_of([a], 2)[0]
    assert "rouvrir" in unit.lemmas and "ecole" in unit.lemmas
    assert "annoncer" not in unit.lemmas


def test_claims_a_sentence_stating_two_facts_supports_both():
    two = [art("a", ["Le préfet a inauguré lundi la médiathèque de Langon, puis il a visité "
                     "le chantier du collège Jean-Moulin à Cadillac."], "A"),
           art("b", ["La médiathèque de Langon a été inaugurée lundi par le préfet."], "B"),
           art("c", ["Le préfet a visité le chantier du collège Jean-Moulin à Cadillac."], "C"),
           art("d", ["Le chantier du collège Jean-Moulin à Cadillac a reçu la visite du "
                     "préfet."], "D"),
           art("e", ["Lundi, la médiathèque de Langon a été inaugurée par le préfet."], "E")]
    found = {c.articles: c.text for c in find_claims(two, [])}
    assert set(found) == {("a", "c", "d"), ("a", "b", "e")}
    # a claim reads as the sentence of one of its own members, not the one that joined it
    assert found[("a", "b", "e")].startswith("La médiathèque")


def test_claims_a_question_is_no_claim_but_a_quoted_one_is_narrated():
    asked = [art("q", ["Les locataires du quartier pourront-ils rester dans leurs logements ?",
                       "La mairie a demandé : « Qui paiera les travaux de la toiture ? »"],
                 "Le Petit Voisin"),
             art("r", ["Les locataires du quartier pourront-ils rester dans leurs logements ?"],
                 "La Voix du Canal")]
    texts = [c.text for c in find_claims(asked, [])]
    assert not [t for t in texts if "locataires" in t]  # asked by both, stated by none
    assert [t for t in texts if "toiture" in t]  # what the town hall asked is stated


def test_claims_a_bracketed_question_is_no_claim():
    asked = [art(k, ["(Et si les locataires du quartier devaient tous partir avant l'hiver ?)"],
                 k.upper()) for k in "st"]
    assert not [c for c in find_claims(asked, []) if "locataires" in c.text]


def test_claims_text_is_a_sentence_that_reads_alone():
    # the older article tells the fact in a sentence opened by a pronoun: shown alone, as
    # the claim's text, "Il a été inauguré ..." would not say what was inaugurated
    articles = [
        art("a", ["Le nouveau pont sur la Loire sera ouvert aux voitures en mars.",
                  "Il a été inauguré samedi par le maire Jean Dufresne devant deux cents "
                  "habitants du quartier."], "Ouest Matin"),
        art("b", ["Le maire Jean Dufresne a inauguré samedi le nouveau pont sur la Loire devant "
                  "deux cents habitants du quartier."], "Radio Loire"),
    ]
    claim = next(c for c in find_claims(articles, ()) if c.support == 2)
    assert [s.article for s in claim.sentences] == ["a", "b"]
    assert claim.text.startswith("Le maire Jean Dufresne a inauguré")


def test_claims_text_is_the_sentence_of_this_claim_not_one_shared_with_another():
    # a's sentence tells two facts, so it stands in two claims; shown by it, both claims
    # would read as one line twice: each claim shows its own sentence
    from collections import Counter

    from recoupe.crosscheck.claims import _claim
    from recoupe.crosscheck.similarity import SentenceSpace

    articles = [
        art("a", ["Le maire a inauguré samedi la piscine et annoncé la fermeture de la "
                  "patinoire."], "Ouest Matin"),
        art("b", ["Le maire a inauguré samedi la nouvelle piscine."], "Radio Loire"),
    ]
    units = units_of(articles, 1)
    alone = {(u.article.article.id, u.sentence.start) for u in units}
    space = SentenceSpace(units)
    claim = _claim([0, 1], space, {}, alone, held=Counter({0: 2, 1: 1}))
    assert claim.text == units[1].sentence.text
    # with no other claim holding a's sentence, the first sentence that reads alone shows it
    assert _claim([0, 1], space, {}, alone).text == units[0].sentence.text


def test_claims_text_is_the_sentence_most_alike_to_the_others():
    # c joined the claim by the vote it mentions, but says something else: shown, it would
    # tell the reader that three outlets report the protest
    from collections import Counter

    from recoupe.crosscheck.claims import _claim
    from recoupe.crosscheck.similarity import SentenceSpace

    articles = [
        art("c", ["Des riverains ont manifesté devant la mairie de Blois contre le budget "
                  "voté lundi par le conseil municipal."], "Radio Loire"),
        art("a", ["Le conseil municipal de Blois a voté lundi le budget de la ville, en "
                  "hausse de trois pour cent."], "Ouest Matin"),
        art("b", ["Le budget de la ville de Blois, en hausse de trois pour cent, a été voté "
                  "lundi par le conseil municipal."], "Le Courrier du Val"),
    ]
    units = units_of(articles, 1)
    alone = {(u.article.article.id, u.sentence.start) for u in units}
    claim = _claim([0, 1, 2], SentenceSpace(units), {}, alone, held=Counter())
    assert claim.text in (units[1].sentence.text, units[2].sentence.text)
