"""Statements: one speaker's quotes folded across outlets, on hand-made quotes."""

from recoupe.crosscheck.statements import fold_statements
from recoupe.model import Quote


def q(qid, article, text, speaker="Ana Ruiz", kind="direct", sentence=None):
    return Quote(qid, text, kind, article, 0, 0, len(text), speaker=speaker,
                 speaker_entity=speaker and "e-" + speaker, sentence_text=sentence or text)


QUOTES = [
    q("a:q1", "a", "Nous défendrons chaque emploi du chantier naval jusqu'au bout"),
    q("b:q1", "b", "Nous défendrons tous les emplois du chantier naval", kind="direct"),
    q("c:q1", "c", "jusqu'au bout", kind="partial",
      sentence="La maire a promis de défendre les emplois du chantier naval « jusqu'au bout »."),
    q("a:q2", "a", "Le port doit accueillir des paquebots plus grands dès l'an prochain"),
    q("b:q2", "b", "Les paquebots plus grands arriveront au port l'an prochain"),
    q("b:q3", "b", "La régate aura lieu en juin comme chaque année"),
    q("c:q2", "c", "Nous défendrons les emplois du chantier naval", speaker="Marc Roy"),
]


def test_statements_fold_one_thing_said_in_different_words():
    st = fold_statements(QUOTES)
    jobs = [s for s in st if "a:q1" in s.quotes]
    assert len(jobs) == 1 and set(jobs[0].quotes) == {"a:q1", "b:q1", "c:q1"}
    assert jobs[0].articles == ("a", "b", "c") and jobs[0].speaker == "Ana Ruiz"


def test_statements_keep_different_things_apart():
    st = fold_statements(QUOTES)
    port = [s for s in st if "a:q2" in s.quotes]
    assert len(port) == 1 and set(port[0].quotes) == {"a:q2", "b:q2"}


def test_statements_never_mix_speakers():
    assert all("c:q2" not in s.quotes for s in fold_statements(QUOTES))


def test_statements_need_two_outlets():
    assert all("b:q3" not in s.quotes for s in fold_statements(QUOTES))
    assert [s.id for s in fold_statements(QUOTES)] == ["st1", "st2"]


def test_statements_a_partial_quote_joins_wherever_its_words_are_quoted():
    quotes = [
        q("a:q1", "a", "racines très anciennes", kind="partial",
          sentence="Il a rappelé que l'amitié des deux villes a des « racines très anciennes »."),
        q("b:q1", "b", "Notre jumelage a des racines très anciennes et un bel avenir"),
    ]
    st = fold_statements(quotes)
    assert len(st) == 1 and set(st[0].quotes) == {"a:q1", "b:q1"}


def test_statements_a_quote_saying_two_things_supports_both():
    quotes = [
        q("a:q1", "a", "Le marché couvert rouvrira en mars après les travaux de toiture"),
        q("b:q1", "b", "La piscine municipale fermera tout l'été pour sa vidange complète"),
        q("c:q1", "c", "Le marché couvert rouvrira en mars, et la piscine municipale fermera "
                       "tout l'été pour sa vidange"),
    ]
    st = fold_statements(quotes)
    market = [s for s in st if "a:q1" in s.quotes]
    pool = [s for s in st if "b:q1" in s.quotes]
    assert len(market) == 1 and "c:q1" in market[0].quotes and "b:q1" not in market[0].quotes
    assert len(pool) == 1 and "c:q1" in pool[0].quotes and "a:q1" not in pool[0].quotes
