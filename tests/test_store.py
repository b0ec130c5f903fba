"""The corpus store: exact round trips, idempotent adds, search, migrations, damaged files,
concurrent writers and killed writers. Articles are made by hand; no NLP model."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import random
import signal
import sqlite3
import time

import pytest

from recoupe.errors import RecoupeError
from recoupe.model import AnnotatedArticle, Article, DateRef, Mention, Quote, Sentence, Token
from recoupe.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, content_hash

V1 = "analysis-1"

_SENTENCES = [
    "Hélène Marchal a reçu Jean-Paul Ruiz à Saint-Brieuc mercredi.",
    "« Nous sommes prêts à aider », a déclaré la présidente régionale, selon l'agence AFP.",
    "Le maire est reparti vers Guingamp le 15 septembre 2023.",
]


def make(n: int = 0, *, article_id: str | None = None, extra: str = "",
         tokens_per_sentence: int | None = None) -> AnnotatedArticle:
    """An annotated article with every kind of field filled, its text unique to `n`/`extra`."""
    aid = article_id or f"art-{n}"
    body = [*_SENTENCES, f"Repère mot{n}x {extra}".strip() + "."]
    text = " ".join(body[:2]) + "\n\n" + " ".join(body[2:])
    sentences, start = [], 0
    for s in body:
        start = text.index(s, start)
        sentences.append(Sentence(start, start + len(s), s))
        start += len(s)
    tokens = []
    for s in sentences:
        words = s.text.split()
        if tokens_per_sentence:
            words = (words * (tokens_per_sentence // len(words) + 1))[:tokens_per_sentence]
        offset = s.start
        for wi, w in enumerate(words):
            pos = text.find(w, offset)
            offset = pos if pos >= 0 else offset
            tokens.append(Token(text=w, start=offset, lemma=w.lower(),
                                pos="NOUN" if wi else "PROPN", dep="ROOT" if wi == 0 else "nsubj",
                                head=len(tokens) - wi,
                                morph="Gender=Masc|Number=Sing" if wi % 2 else "",
                                space=wi != len(words) - 1))
    p = text.index("Hélène Marchal")
    k = text.index("Jean-Paul Ruiz")
    mentions = (
        Mention("Hélène Marchal", "PER", p, p + 14, 0, 0, 2),
        Mention("Jean-Paul Ruiz", "PER", k, k + 14, 0, 4, 5),
        Mention("AFP", "ORG", text.index("AFP"), text.index("AFP") + 3, 1),
    )
    q = text.index("Nous sommes")
    quotes = (
        Quote(id=f"{aid}:q1", text="Nous sommes prêts à aider", kind="direct", article=aid,
              sentence=1, start=q, end=q + 25, speaker="la présidente régionale",
              speaker_start=text.index("la présidente"),
              speaker_end=text.index("la présidente") + 24,
              speaker_kind="role", via="AFP", speaker_entity=None,
              sentence_text=sentences[1].text),
        Quote(id=f"{aid}:q2", text="prêts", kind="partial", article=aid, sentence=1,
              start=q + 12, end=q + 17),
    )
    m = text.index("mercredi")
    d = text.index("15 septembre 2023")
    dates = (
        DateRef("mercredi", m, m + 8, 0, "2023-09-13", certain=False),
        DateRef("15 septembre 2023", d, d + 17, 2, "2023-09-15"),
        DateRef("septembre", d + 3, d + 12, 2, None),
    )
    article = Article(
        id=aid, source=f"/corpus/{aid}.txt", text=text, title=f"Marchal reçoit Ruiz ({n})",
        url=f"https://example.org/{aid}", published="2023-09-14", outlet="Le Quotidien",
        language="fr", removed=("Partager sur Facebook", "Lire aussi : un autre sujet"),
        captions=("Hélène Marchal et Jean-Paul Ruiz, le 13 septembre.",),
        credits=("avec AFP", "Reuters"), dateline="SAINT-BRIEUC")
    return AnnotatedArticle(article=article, language="fr", sentences=tuple(sentences),
                            tokens=tuple(tokens), mentions=mentions, quotes=quotes, dates=dates)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "recoupe.db"


# -- contents ---------------------------------------------------------------------------------

def test_store_round_trips_every_field(db):
    original = make(1)
    with Store(db) as store:
        assert store.add(original, V1) is True
        assert store.get("art-1") == original
    with Store(db) as store:  # and from the file, in a new connection
        back = store.get("art-1")
    assert back == original
    assert isinstance(back.tokens, tuple) and isinstance(back.article.removed, tuple)
    assert back.dates[0].certain is False and back.dates[2].value is None
    assert back.quotes[1].speaker is None and back.tokens[0].space is True


def test_store_round_trips_unusual_text(db):
    odd = make(2)
    text = odd.article.text + "\n\nÉmoji 🎉, nul \x00 octet, guillemet \" et barre \\, \ud800."
    odd = AnnotatedArticle(article=Article(id="odd", source="-", text=text, title=None),
                           language=None, tokens=(Token("\ud800", 1, "", "", "", 0),))
    with Store(db) as store:
        assert store.add(odd, V1)
        assert store.get("odd") == odd


def test_store_get_unknown_id_is_none(db):
    with Store(db) as store:
        assert store.get("nope") is None
        assert store.ids() == [] and len(store) == 0 and list(store.articles()) == []


def test_store_add_twice_adds_nothing(db):
    a = make(3)
    with Store(db) as store:
        assert store.add(a, V1) is True
        assert store.add(a, V1) is False
        # The same text re-read with other spacing and line breaks is the same article.
        respaced = AnnotatedArticle(
            article=Article(id="other-id", source="x", text=a.article.text.replace(" ", "  \n"),
                            title=a.article.title + " ", outlet=a.article.outlet),
            language="fr")
        assert store.add(respaced, V1) is False
        assert store.ids() == ["art-3"]
        assert store.has(content_hash(a.article)) and not store.has("0" * 64)
        assert store.id_of(respaced.article) == "art-3"


def test_store_same_text_from_another_outlet_is_another_article(db):
    """A wire copy published by two outlets is two articles (linked later as copies)."""
    a = make(3)
    other = dataclasses.replace(a, article=dataclasses.replace(a.article, outlet="Autre Journal"))
    with Store(db) as store:
        assert store.add(a, V1) is True
        assert store.add(other, V1) is True
        assert store.ids() == ["art-3", "art-3-2"]


def test_store_content_hash_normalises_space_and_unicode():
    a = Article(id="a", source="s", text="Le président\n\nest arrivé.", title="Titre")
    b = Article(id="b", source="t", text="Le pre\u0301sident est  arrive\u0301.", title=" Titre")
    c = Article(id="a", source="s", text="Le président est arrivé.", title="Autre titre")
    assert content_hash(a) == content_hash(b) != content_hash(c)
    assert len(content_hash(a)) == 64


def test_store_id_clash_gets_a_suffix_and_never_overwrites(db):
    first, second, third = make(4), make(5, article_id="art-4"), make(6, article_id="art-4")
    with Store(db) as store:
        assert store.add(first, V1) and store.add(second, V1) and store.add(third, V1)
        assert store.ids() == ["art-4", "art-4-2", "art-4-3"]
        assert store.get("art-4") == first
        moved = store.get("art-4-2")
    assert moved.article.text == second.article.text and moved.article.id == "art-4-2"
    assert [q.id for q in moved.quotes] == ["art-4-2:q1", "art-4-2:q2"]
    assert {q.article for q in moved.quotes} == {"art-4-2"}


def test_store_articles_lists_all_in_order(db):
    made = [make(i) for i in range(7)]
    with Store(db) as store:
        for a in made:
            store.add(a, V1)
        assert list(store.articles()) == made
        assert len(store) == 7


def test_store_search_finds_a_word_with_a_snippet(db):
    with Store(db) as store:
        for i in range(5):
            store.add(make(i), V1)
        hits = store.search("mot3x")
        assert [h[0] for h in hits] == ["art-3"]
        assert "[mot3x]" in hits[0][1]
        # Accents folded, title searched, limit honoured.
        assert len(store.search("presidente", limit=2)) == 2
        assert {h[0] for h in store.search("reçoit")} == {f"art-{i}" for i in range(5)}
        # Not valid FTS5 syntax: searched for as words, no error.
        assert len(store.search('Jean-Paul Ruiz "')) == 5
        assert store.search("introuvable") == [] and store.search("  ") == []


def test_store_stale_after_a_version_change(db):
    with Store(db) as store:
        store.add(make(1), V1)
        store.add(make(2), V1)
        assert store.stale(V1) == []
        assert store.stale("analysis-2") == ["art-1", "art-2"]
        # Re-adding with the new version replaces the analysis in place, under the same id.
        redone = AnnotatedArticle(article=make(1).article, language="fr")
        assert store.add(redone, "analysis-2") is False
        assert store.stale("analysis-2") == ["art-2"]
        assert store.get("art-1") == redone and len(store) == 2


# -- schema -----------------------------------------------------------------------------------

def test_store_migrates_a_v1_database(db):
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        store.add(make(1), V1)
        assert store.get("art-1") == make(1) and store.stale("x") == ["art-1"]
    conn = sqlite3.connect(db)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert "articles_analysis_version" in indexes


def test_store_keeps_articles_across_a_migration(db):
    """A version-2 database (articles keyed by content alone) gains the corpus tables; its
    articles keep their ids, rows and search index, and the same article from its outlet
    is still recognised."""
    from recoupe.codec import encode_annotated as _encode

    conn = sqlite3.connect(db, isolation_level=None)
    for step in MIGRATIONS[:2]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    a = make(1)
    conn.execute(
        "INSERT INTO articles (id, content_hash, title, published, outlet, language,"
        " analysis_version, added_at, data) VALUES (?,?,?,?,?,?,?,?,?)",
        ("art-1", content_hash(a.article), a.article.title, a.article.published,
         a.article.outlet, "fr", V1, "2024-01-01T00:00:00+00:00", _encode(a)))
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (1, ?, ?)",
                 (a.article.title, a.article.text))
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get("art-1") == make(1) and store.search("mot1x")
        assert store.add(make(1), V1) is False and store.ids() == ["art-1"]
        assert store.check() == []


def test_store_refuses_a_newer_schema(db):
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer recoupe"):
        Store(db)


def test_store_refuses_another_programs_database(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a recoupe database"):
        Store(db)


# -- damaged files ----------------------------------------------------------------------------

def _random_bytes(path):
    path.write_bytes(random.Random(1).randbytes(8192))


def _text_file(path):
    path.write_text("id,title\n1,Ceci est un CSV\n", encoding="utf-8")


def _truncated(path):
    with Store(path) as store:
        for i in range(40):
            store.add(make(i, extra="lorem " * 200), V1)
    size = path.stat().st_size
    assert size > 64 * 1024
    with open(path, "r+b") as fh:
        fh.truncate(size // 2)


def _header_only(path):
    _truncated(path)
    with open(path, "r+b") as fh:
        fh.truncate(60)


def _truncated_behind_a_log(path):
    # A leftover write-ahead log makes the store skip its header check: SQLite's own error on
    # the missing pages must still come out as a StoreError.
    _truncated(path)
    path.with_name(path.name + "-wal").write_bytes(random.Random(2).randbytes(4096))


@pytest.mark.parametrize("damage", [_random_bytes, _text_file, _truncated, _header_only,
                                    _truncated_behind_a_log])
def test_store_damaged_file_gives_one_clear_error(db, damage):
    damage(db)
    with pytest.raises(StoreError) as caught:
        with Store(db) as store:
            list(store.articles())
    message = str(caught.value)
    assert message.startswith(f"{db}: not a recoupe database or damaged (")
    assert message.endswith("move it aside or pass another --db") and "\n" not in message
    assert isinstance(caught.value, RecoupeError)
    # No sqlite3 exception in the chain: what a user sees is the one line above.
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_store_missing_folder_gives_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open the database file"):
        Store(tmp_path / "no" / "such" / "recoupe.db")


def test_store_check_finds_nothing_wrong_in_a_fresh_store(db):
    with Store(db) as store:
        store.add(make(1), V1)
        assert store.check() == []


# -- several processes ------------------------------------------------------------------------

def _add_series(path, first, count, extra, barrier):
    with Store(path) as store:
        barrier.wait(30)
        for i in range(first, first + count):
            # Same ids in both processes, other texts: every clash must get its own suffix.
            store.add(make(i, extra=extra), V1)


def test_store_two_processes_adding_at_once_lose_nothing(db):
    # No database yet: the two processes also race to create and migrate it.
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_add_series, args=(str(db), 0, 50, tag, barrier))
               for tag in ("alpha", "beta")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    with Store(db) as store:
        ids = store.ids()
        texts = {a.article.text for a in store.articles()}
        assert len(ids) == len(set(ids)) == 100 and len(texts) == 100
        assert set(ids) == {f"art-{i}{s}" for i in range(50) for s in ("", "-2")}
        assert store.check() == []


def _add_until_killed(path, first, started):
    with Store(path) as store:
        for i in range(first, first + 100_000):
            store.add(make(i, tokens_per_sentence=400), V1)
            if i == first + 10:
                started.set()


def test_store_killed_writer_leaves_only_whole_articles(db):
    ctx = multiprocessing.get_context("spawn")
    rng = random.Random(7)
    first = 0
    for _round in range(3):
        started = ctx.Event()
        child = ctx.Process(target=_add_until_killed, args=(str(db), first, started))
        child.start()
        assert started.wait(30), "the writer did not start"
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        with Store(db) as store:
            ids = store.ids()
            assert len(ids) > first + 10
            for article_id in ids:
                n = int(article_id.removeprefix("art-"))
                assert store.get(article_id) == make(n, tokens_per_sentence=400)
            assert store.search(f"mot{len(ids) - 1}x")[0][0] == ids[-1]
            assert store.check() == []
            first = len(ids)
