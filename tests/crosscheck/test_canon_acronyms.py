"""Entity merging on written sentences (no model): acronyms and their spelled names, names
glued to a person's, roles and days read as names, a given name alone (crosscheck.canon).

Sentences are written with their mentions marked, "[Jeanne Roux|PER] a parlé.", one sentence
a line; words are tagged by shape (punctuation, a capital, a small word, `VERBS`,
`ADJECTIVES`)."""

from __future__ import annotations

import re

import pytest

from recoupe.config import EntitiesConfig
from recoupe.crosscheck.canon import merge_entities
from recoupe.model import AnnotatedArticle, Article, Mention, Sentence, Token

_SMALL = {"de", "du", "des", "d'", "la", "le", "l'", "les", "à", "au", "aux", "pour", "sur",
          "et", "dans"}
VERBS = {"a", "dit", "parlé", "répondu", "annoncé", "saisi", "écrit", "publié", "réagi"}
ADJECTIVES = {"cadet", "aîné", "parisien"}
_TOKEN = re.compile(r"\w+['’]|[\w-]+|[^\w\s]")


def article(aid: str, *lines: str) -> AnnotatedArticle:
    text, tokens, mentions, sentences = "", [], [], []
    for n, line in enumerate(lines):
        spans = []
        plain = ""
        for part in re.split(r"(\[[^\]]+\])", line):
            if part.startswith("["):
                words, label = part[1:-1].rsplit("|", 1)
                spans.append((len(text) + len(plain), words, label))
                plain += words
            else:
                plain += part
        start = len(text)
        for m in _TOKEN.finditer(plain):
            w = m.group()
            pos = ("PUNCT" if not w[0].isalnum() else "VERB" if w in VERBS
                   else "ADJ" if w in ADJECTIVES
                   else "ADP" if w.lower() in _SMALL else "PROPN" if w[0].isupper() else "NOUN")
            tokens.append(Token(w, start + m.start(), w.lower(), pos, "dep", len(tokens)))
        for at, words, label in spans:
            first = next(i for i, t in enumerate(tokens) if t.start == at)
            last = next(i for i, t in enumerate(tokens) if t.start >= at + len(words)) \
                if any(t.start >= at + len(words) for t in tokens) else len(tokens)
            mentions.append(Mention(words, label, at, at + len(words), n, first, last))
        sentences.append(Sentence(start, start + len(plain), plain))
        text += plain + "\n"
    art = Article(id=aid, source=aid, text=text, language="fr")
    return AnnotatedArticle(art, "fr", tuple(sentences), tuple(tokens), tuple(mentions))


def entities(*arts: AnnotatedArticle):
    return merge_entities(arts, EntitiesConfig())


def entity_with(variant: str, *arts: AnnotatedArticle):
    hits = [e for e in entities(*arts) if variant in e.variants]
    assert len(hits) == 1, f"{variant!r} is in {len(hits)} entities"
    return hits[0]


# --- acronyms -----------------------------------------------------------------------------

@pytest.mark.parametrize("full, short", [
    ("Office national des forêts et des lacs", "Onfl"),
    ("Comité pour la défense des oiseaux marins", "Cdom"),
])
def test_canon_word_like_acronym_joins_its_spelled_name(full, short):
    arts = [article("a", f"Le [{full}|ORG] a réagi."),
            article("b", f"La [{short}|PER] a dit non."),
            article("c", f"La [{short}|PER] a réagi.")]
    e = entity_with(short, *arts)
    assert e.name == full and e.type == "ORG" and e.mentions == 3


def test_canon_word_like_acronym_is_not_a_given_name_or_a_place():
    arts = [article("a", "L'[Association nationale des nageurs amateurs|ORG] a réagi."),
            article("b", "[Anna|PER] a dit non.")]
    assert len(entities(*arts)) == 2


def test_canon_bracketed_acronym_links_even_past_a_small_word_and_a_skipped_word():
    # "dans" gives no letter, "fluviale" none either: only the bracket bears that out.
    arts = [article("a", "L'[Union des bateliers dans la batellerie fluviale de Loire|ORG] "
                         "(UBBL) a dit non."),
            article("b", "L'[UBBL|MISC] a réagi."), article("c", "L'[UBBL|MISC] a saisi.")]
    e = entity_with("UBBL", *arts)
    assert e.name == "Union des bateliers dans la batellerie fluviale de Loire"
    assert e.type == "ORG" and e.mentions == 3


def test_canon_without_the_bracket_a_skipped_word_does_not_link():
    arts = [article("a", "L'[Union des bateliers de la batellerie fluviale de Loire|ORG] "
                         "a dit non."),
            article("b", "L'[UBBL|MISC] a réagi.")]
    assert len(entities(*arts)) == 2


def test_canon_bracketed_acronym_extends_a_cut_name_up_to_the_bracket():
    arts = [article("a", "Le [Conseil régional|ORG] des pêcheurs à la ligne (CRPL) a dit non."),
            article("b", "Le [CRPL|ORG] a réagi.")]
    e = entity_with("CRPL", *arts)
    assert e.name == "Conseil régional des pêcheurs à la ligne"
    assert "Conseil régional" not in {x.name for x in entities(*arts)}


def test_canon_bracketed_acronym_that_does_not_spell_the_name_is_left_alone():
    arts = [article("a", "Le [Parti socialiste|ORG] (Paris) a dit non."),
            article("b", "[Paris|LOC] a réagi.")]
    assert {e.name for e in entities(*arts)} == {"Parti socialiste", "Paris"}


def test_canon_a_party_in_brackets_after_a_person_is_not_the_person():
    arts = [article("a", "[Pierre Simon|PER] (PS) a dit non."),
            article("b", "Le [PS|ORG] a réagi.")]
    assert {e.name for e in entities(*arts)} == {"Pierre Simon", "PS"}


def test_canon_bracketed_acronym_is_a_variant_even_when_not_met_alone():
    arts = [article("a", "La [Société des amis du Vieux Port|ORG] (SAVP) a dit non.")]
    e = entity_with("SAVP", *arts)
    assert e.name == "Société des amis du Vieux Port"


def test_canon_clipped_acronym_in_brackets():
    arts = [article("a", "La [Banque Rurale|ORG] (BanRur) a dit non."),
            article("b", "La [BanRur|PER] a réagi.")]
    e = entity_with("BanRur", *arts)
    assert e.name == "Banque Rurale" and e.type == "ORG"


# --- glued names --------------------------------------------------------------------------

@pytest.mark.parametrize("lines, head, person", [
    (["Il a parlé sur [Radio Vallée Paul Marchetti|ORG], le directeur."],
     "Radio Vallée", "Paul Marchetti"),
    (["La [Banque Dupré|ORG] a réagi.",
      "Le patron de la [Banque Dupré Jeanne Rouvier|ORG] a dit non."],
     "Banque Dupré", "Jeanne Rouvier"),
    (["Le député de [Haute-Garonnelle Marc Vasseur|LOC] a dit non."],
     "Haute-Garonnelle", "Marc Vasseur"),
    (["Selon [RTQ Julie Fabre|ORG], le directeur a dit non."], "RTQ", "Julie Fabre"),
])
def test_canon_splits_a_body_or_place_glued_to_a_person(lines, head, person):
    got = {e.name: e for e in entities(article("a", *lines))}
    assert person in got and got[person].type == "PER"
    assert head in got and got[head].type != "PER"
    # the span as written stays a spelling of the person, who is the one named there
    glued = next(w[1:].split("|")[0] for w in re.findall(r"\[[^\]]+\]", lines[-1]))
    assert glued in got[person].variants and glued not in got[head].variants


@pytest.mark.parametrize("name", ["Fondation Paul Marchetti", "Lycée Julie Fabre"])
def test_canon_keeps_a_body_named_after_a_person_whole(name):
    got = {e.name for e in entities(article("a", f"La [{name}|ORG] a réagi."))}
    assert got == {name}


# --- roles, days and marks read as names --------------------------------------------------

@pytest.mark.parametrize("line", [
    "Le procureur de la [République de Valdrôme|LOC] a dit non.",
    "Le [Procureur de la République|LOC] a dit non.",
    "Le [Procureur de Valdrôme|LOC] a dit non.",
    "Le [Garde des Sceaux|MISC] a dit non.",
    "La secrétaire d'État à la [Jeunesse|LOC] a dit non.",
    "La ministre des [Sports|ORG] a dit non.",
    "[Lundi matin|MISC], la mairie a dit non.",
    "[Jeudi 14|MISC], la mairie a dit non.",
    "Il y a eu des morts ([NDLR|PER]).",
    "[INTEMPESTIF|ORG]",
    "RISQUE [INTEMPESTIF|ORG]",
])
def test_canon_drops_roles_days_marks_and_intertitles(line):
    assert entities(article("a", line)) == ()


@pytest.mark.parametrize("line, name", [
    ("Le ministre du [Liban|LOC] a dit non.", "Liban"),
    ("[Mardi Gras|MISC] a eu lieu.", "Mardi Gras"),
    ("Le [CNRS|ORG] a dit non.", "CNRS"),
    ("Le [Premier ministre Jeanne Rouvier|PER] a dit non.", "Jeanne Rouvier"),
    ("Le [procureur de la République Marc Vasseur|PER] a dit non.", "Marc Vasseur"),
    ("La présidente de la [Région Vallée|ORG] a dit non.", "Région Vallée"),
])
def test_canon_keeps_names_next_to_roles_and_days(line, name):
    assert [e.name for e in entities(article("a", line))] == [name]


def test_canon_a_word_of_an_intertitle_is_kept_when_the_story_writes_it_otherwise():
    arts = [article("a", "LE REPLI DE [VALBONNIER|ORG]"),
            article("b", "[Valbonnier|ORG] a dit non.")]
    e = entity_with("VALBONNIER", *arts)
    assert e.mentions == 2


def test_canon_a_bracketed_acronym_spelling_a_person_s_name_keeps_the_body_whole():
    arts = [article("a", "La [Fondation des amis|ORG] de Jeanne Rouvier (FAJR) a dit non.")]
    assert "Fondation des amis de Jeanne Rouvier" in {e.name for e in entities(*arts)}


# --- a given name alone -------------------------------------------------------------------

def test_canon_a_given_name_alone_joins_the_one_full_name_it_opens():
    arts = [article("a", "[Jeanne Rouvier|PER] a dit non.", "[Jeanne|PER] a réagi."),
            article("b", "[Jeanne|PER] a parlé.")]
    e = entity_with("Jeanne", *arts)
    assert e.name == "Jeanne Rouvier" and e.mentions == 3


def test_canon_a_rare_given_name_alone_joins_its_full_name_too():
    arts = [article("a", "[Zoubeida Rouvier|PER] a dit non.", "[Zoubeida|PER] a réagi.")]
    e = entity_with("Zoubeida", *arts)
    assert e.name == "Zoubeida Rouvier"


def test_canon_a_given_name_that_is_also_a_family_name_is_read_as_the_family_name():
    arts = [article("a", "[Martin Rouvier|PER] a dit non.", "[Martin|PER] a réagi.",
                    "[Paul Martin|PER] a parlé.")]
    assert entity_with("Martin Rouvier", *arts).variants == ("Martin Rouvier",)


def test_canon_a_given_name_shared_by_two_full_names_stays_apart():
    arts = [article("a", "[Jeanne Rouvier|PER] a dit non.", "[Jeanne|PER] a réagi.",
                    "[Jeanne Fabre|PER] a parlé.")]
    assert len(entities(*arts)) == 3


def test_canon_a_given_name_never_written_with_the_full_name_stays_apart():
    arts = [article("a", "[Jeanne Rouvier|PER] a dit non."), article("b", "[Jeanne|PER] a réagi.")]
    assert len(entities(*arts)) == 2


@pytest.mark.parametrize("line", ["Les [Islandais|LOC] ont voté.",
                                  "Une [Franco-Islandaise|LOC] a dit non."])
def test_canon_a_nationality_is_not_a_place(line):
    (e,) = entities(article("a", line))
    assert e.type == "MISC"


def test_canon_a_country_is_still_a_place():
    (e,) = entities(article("a", "L'[Islande|LOC] a dit non."))
    assert e.type == "LOC"


@pytest.mark.parametrize("line, name", [
    ("L'[Affaire Rouvier|PER] a fait du bruit.", "Affaire Rouvier"),
    ("La [loi Rouvier|PER] a été votée.", "loi Rouvier"),
])
def test_canon_an_affair_or_a_law_named_after_a_person_is_not_the_person(line, name):
    arts = [article("a", line, "[Jeanne Rouvier|PER] a dit non.")]
    got = {e.name: e for e in entities(*arts)}
    assert got[name[:1].upper() + name[1:]].type == "MISC"
    assert got["Jeanne Rouvier"].variants == ("Jeanne Rouvier",)


@pytest.mark.parametrize("line, name, kind", [
    ("Selon le cabinet [Ravelec|PER], la croissance ralentit.", "Ravelec", "ORG"),
    ("Il a dormi à l'hôtel [Anselme|PER] hier.", "Anselme", "LOC"),
    ("Son fils [Anselme|LOC] a dit non.", "Anselme", "PER"),
    ("Son fils cadet [Anselme|LOC] a dit non.", "Anselme", "PER"),
    ("Il souffre de la maladie de [Ravelec|LOC].", "Ravelec", "MISC"),
])
def test_canon_a_noun_right_before_a_name_says_what_it_names(line, name, kind):
    assert {e.name: e.type for e in entities(article("a", line))} == {name: kind}


def test_canon_a_body_named_after_a_place_keeps_the_place_a_place():
    got = {e.name: e.type for e in entities(article("a", "La banque de [Valdrôme|LOC] a dit non."))}
    assert got == {"Valdrôme": "LOC"}


@pytest.mark.parametrize("written", ["Jeanne Rouvier» -", "Jeanne Rouvier'", "« Jeanne Rouvier"])
def test_canon_spellings_lose_the_punctuation_a_span_ran_into(written):
    arts = [article("a", f"[{written}|PER] a dit non."),
            article("b", "[Jeanne Rouvier|PER] a dit.")]
    assert entity_with("Jeanne Rouvier", *arts).variants == ("Jeanne Rouvier",)


@pytest.mark.parametrize("written", ["Valdrôme - «Partir", "Valdrôme – Partir"])
def test_canon_a_spaced_dash_inside_ends_the_name(written):
    assert [e.name for e in entities(article("a", f"[{written}|LOC] est un titre."))] == [
        "Valdrôme"]


@pytest.mark.parametrize("line", ["[Nouvelles règles|MISC] pour les marins.",
                                  "[Droit de réponse|MISC]", "« [Vrai|MISC] », a-t-il dit."])
def test_canon_ordinary_words_opening_a_sentence_are_not_a_name(line):
    assert entities(article("a", line)) == ()


def test_canon_a_name_of_ordinary_words_is_kept_when_written_inside_a_sentence():
    arts = [article("a", "[Coupe du monde|MISC] : la fête.", "Il a vu la [Coupe du monde|MISC].")]
    assert [e.name for e in entities(*arts)] == ["Coupe du monde"]


def test_canon_a_clipped_acronym_joins_its_spelled_name():
    arts = [article("a", "La [Banque Rurale|ORG] a dit non."),
            article("b", "La [BanRur|PER] a réagi.")]
    e = entity_with("BanRur", *arts)
    assert e.name == "Banque Rurale" and e.type == "ORG"


@pytest.mark.parametrize("written, name", [
    ("Caisses de la vallée et des", "Caisses de la vallée"),
    ("Banque du Sud et", "Banque du Sud"),
])
def test_canon_a_name_never_ends_on_a_small_word(written, name):
    (e,) = entities(article("a", f"Les [{written}|ORG] ont dit non."))
    assert e.name == name and e.variants == (name,)


@pytest.mark.parametrize("line", [
    "Pour le [CRPL|ORG] ([Conseil régional des pêcheurs à la ligne|ORG]), c'est non.",
    "Pour le [CRPL|ORG] ([Conseil régional|ORG] des pêcheurs à la ligne), c'est non.",
])
def test_canon_acronym_then_its_name_in_brackets(line):
    e = entity_with("CRPL", article("a", line))
    assert e.name == "Conseil régional des pêcheurs à la ligne" and e.type == "ORG"
