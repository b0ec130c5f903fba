"""The corpus database: annotated articles kept between runs, in SQLite; the only module with SQL.

In: a database path, and `AnnotatedArticle`s with the version of the analysis that made them.
Out: the same `AnnotatedArticle`s, rebuilt field for field (tuples stay tuples), looked up by
article id or content hash, listed, found by full-text search (FTS5 over title and text), or
named as stale when the analysis has changed version since they were stored.

Layout: one row per article in `articles`, with the whole AnnotatedArticle as JSON in `data`
(each list of sentences, tokens, mentions... stored as field names once plus one array per
item) and, for listing and lookups, the columns id, content_hash, title, published, outlet,
language, analysis_version and added_at; `articles_fts` holds title and text under the same
rowid and is written in the same transaction. An article is keyed by `content_hash` (title
and text with Unicode and white space normalised): adding it again is a no-op.

Reliability: WAL mode and a busy timeout so that several processes can add at once; every
write is one `BEGIN IMMEDIATE` transaction, so a killed process leaves either the whole
article or nothing. The schema is versioned with PRAGMA user_version and upgraded by the
steps of `MIGRATIONS`, each in its own transaction. Any SQLite failure surfaces as one
`StoreError` whose message says what to do; sqlite3 exceptions never leak out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import model
from .errors import RecoupeError
from .model import (
    AnnotatedArticle,
    Article,
    ArticleInfo,
    DateRef,
    Mention,
    Quote,
    Sentence,
    Story,
    StoryInfo,
    Token,
)

# PRAGMA application_id of a recoupe database: "rcpe" in ASCII.
APPLICATION_ID = int.from_bytes(b"rcpe", "big")
BUSY_TIMEOUT_S = 30.0
# Version of the JSON layout in `articles.data`, written into each row so that a later layout
# can still read earlier rows.
_DATA_FORMAT = 1
_BATCH = 200  # rows fetched at a time by articles()

# Each step takes the schema from version i to i + 1 and runs in one transaction.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the tables
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            published TEXT,
            outlet TEXT,
            language TEXT,
            analysis_version TEXT NOT NULL,
            added_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        # Accents folded so that "president" finds "président".
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, tokenize = 'unicode61 remove_diacritics 2'
        )""",
    ),
    # 2: indexes for stale() and for listing by date or outlet
    (
        "CREATE INDEX articles_analysis_version ON articles (analysis_version)",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
    ),
    # 3: the corpus of issue 4. An article is keyed by its content and its outlet (the same
    # wire copy from two outlets is two articles, linked as copies); its raw input is kept
    # (zlib) so that `reindex` can clean it again; its story, the article it is a copy of,
    # and its grouping features; the stories with their cross-checked brief; what entity
    # and outlet pages list; and the state of watched feeds. Rows keep their rowid, so the
    # search index stays aligned.
    (
        """CREATE TABLE articles_v3 (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            outlet_key TEXT NOT NULL DEFAULT '',
            title TEXT,
            published TEXT,
            outlet TEXT,
            url TEXT,
            language TEXT,
            analysis_version TEXT NOT NULL,
            added_at TEXT NOT NULL,
            data TEXT NOT NULL,
            raw BLOB,
            features TEXT,
            story TEXT,
            copy_of TEXT,
            UNIQUE (content_hash, outlet_key)
        )""",
        """INSERT INTO articles_v3 (rowid, id, content_hash, outlet_key, title, published,
            outlet, url, language, analysis_version, added_at, data)
           SELECT rowid, id, content_hash, recoupe_outlet_key(outlet), title, published, outlet,
            json_extract(data, '$.article.url'), language, analysis_version, added_at, data
           FROM articles""",
        "DROP TABLE articles",
        "ALTER TABLE articles_v3 RENAME TO articles",
        "CREATE INDEX articles_analysis_version ON articles (analysis_version)",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_story ON articles (story)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            "when" TEXT,
            "where" TEXT,
            first TEXT,
            last TEXT,
            size INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            articles TEXT NOT NULL,
            brief_version TEXT,
            data TEXT
        )""",
        "CREATE INDEX stories_last ON stories (last)",
        """CREATE TABLE story_entities (
            story TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, type TEXT,
            variants TEXT NOT NULL, PRIMARY KEY (story, key)
        )""",
        "CREATE INDEX story_entities_key ON story_entities (key)",
        """CREATE TABLE story_outlets (
            story TEXT NOT NULL, outlet TEXT NOT NULL, claims INTEGER NOT NULL,
            sole INTEGER NOT NULL, PRIMARY KEY (story, outlet)
        )""",
        "CREATE TABLE feeds (url TEXT PRIMARY KEY, state TEXT NOT NULL)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_ROWS: dict[str, type] = {
    "sentences": Sentence,
    "tokens": Token,
    "mentions": Mention,
    "quotes": Quote,
    "dates": DateRef,
}


class StoreError(RecoupeError):
    """The corpus database cannot be opened, read or written; the message says what to do."""


def content_hash(article: Article) -> str:
    """Article -> hex sha256 of its title and text, Unicode (NFC) and white space normalised,
    so that the same text re-read with other line breaks or spacing has the same key."""
    digest = hashlib.sha256()
    digest.update(_normalise(article.title or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\n")  # cannot occur in a normalised title
    digest.update(_normalise(article.text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Store:
    """A corpus database on disk. Open with `Store(path)` or `with Store(path) as store:`."""

    def __init__(self, path: str | Path, read_only: bool = False):
        """Open (or, unless `read_only`, create and upgrade) the database at `path`.
        Read-only: the file must exist and be of this version; nothing is ever written.
        The connection may be used from another thread than the one that opened it (a web
        server's), one thread at a time."""
        self.path = Path(path)
        self._name = str(path)
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = None
        if read_only and not self.path.is_file():
            raise StoreError(f"{self._name}: no such database (make one with `recoupe add`)")
        _check_header(self._name, self.path)
        try:
            target = (f"{self.path.resolve().as_uri()}?mode=ro" if read_only else self._name)
            conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   uri=read_only, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._conn = conn
        # Migrations key stored rows the way this module keys new ones.
        conn.create_function("recoupe_outlet_key", 1, _outlet_key, deterministic=True)
        try:
            with self._guard():
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                if read_only:
                    self._check_version()
                else:
                    conn.execute("PRAGMA journal_mode = WAL")
                    # In WAL mode NORMAL survives a killed process; only a power cut may lose
                    # the last transactions, never consistency.
                    conn.execute("PRAGMA synchronous = NORMAL")
                    self._migrate()
        except BaseException:
            conn.close()
            self._conn = None
            raise

    # -- reading --------------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        with self._guard():
            row = self._db.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def get(self, article_id: str) -> AnnotatedArticle | None:
        """The stored article with this id, or None."""
        with self._guard():
            row = self._db.execute(
                "SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._decode(row[0], article_id)

    def ids(self) -> list[str]:
        """Every stored article id, in the order they were added."""
        with self._guard():
            return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY rowid")]

    def __len__(self) -> int:
        with self._guard():
            return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self) -> Iterator[AnnotatedArticle]:
        """Every stored article, in the order they were added. Reads in batches, so that the
        caller may write to the store while iterating."""
        last = 0
        while True:
            with self._guard():
                rows = self._db.execute(
                    "SELECT rowid, id, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (last, _BATCH)).fetchall()
            if not rows:
                return
            for rowid, article_id, data in rows:
                last = rowid
                yield self._decode(data, article_id)

    def search(self, query: str, limit: int = 20, *,
               mark: tuple[str, str] = ("[", "]")) -> list[tuple[str, str]]:
        """Full-text search over titles and texts -> [(article id, snippet)], best first.
        `query` is FTS5 syntax (words, "phrases", OR, NOT, prefix*); if it is not valid FTS5
        (a stray quote, "Jong-un"), its words are searched for as they are. The matched words
        in the snippet are wrapped in `mark`."""
        if not query.strip():
            return []
        sql = ("SELECT a.id, snippet(articles_fts, -1, ?, ?, '…', 16)"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?")
        try:
            rows = self._db.execute(sql, (mark[0], mark[1], query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax; were it anything else, the retry reports it.
            words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            with self._guard():
                rows = self._db.execute(sql, (mark[0], mark[1], words, limit)).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return [(r[0], r[1]) for r in rows]

    def stale(self, analysis_version: str) -> list[str]:
        """Ids of the articles whose stored analysis was made by another version than this
        one, in the order they were added (what `reindex` must recompute)."""
        with self._guard():
            return [r[0] for r in self._db.execute(
                "SELECT id FROM articles WHERE analysis_version != ? ORDER BY rowid",
                (analysis_version,))]

    def check(self) -> list[str]:
        """The problems SQLite finds in the database file and its search index; [] if none."""
        with self._guard():
            found = [r[0] for r in self._db.execute("PRAGMA integrity_check")]
            problems = [p for p in found if p != "ok"]
            try:
                self._db.execute(
                    "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index: {exc}")
            n_articles = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
            n_indexed = self._db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        if n_articles != n_indexed:
            problems.append(f"search index: {n_indexed} rows for {n_articles} articles")
        return problems

    # -- writing --------------------------------------------------------------------------

    def add(self, annotated: AnnotatedArticle, analysis_version: str, *,
            raw: str | None = None, features: str | None = None) -> bool:
        """Store an annotated article (and, optionally, the raw text it was made from and
        its grouping features as JSON); True if it was new.

        Keyed by `content_hash` and outlet: an article already stored is not added again
        (False); if its stored analysis has another version, the analysis is replaced by this
        one, under the stored id. A new article whose id is already taken by another text
        gets the first free id among "<id>-2", "<id>-3"... (its quote ids follow). One
        transaction (or part of the caller's `writing()`)."""
        key = content_hash(annotated.article)
        outlet_key = _outlet_key(annotated.article.outlet)
        with self._guard():
            row = self._db.execute(
                "SELECT analysis_version FROM articles WHERE content_hash = ? AND outlet_key = ?",
                (key, outlet_key)).fetchone()
        if row is not None and row[0] == analysis_version:
            return False  # the common case of re-adding costs one read, no write lock
        data_cache: dict[str, str] = {}

        def encoded(article_id: str) -> str:
            if article_id not in data_cache:
                data_cache[article_id] = _encode(_with_id(annotated, article_id))
            return data_cache[article_id]

        # Encode outside the lock for the likely id; redone inside only on a clash.
        encoded(annotated.article.id)
        packed = zlib.compress(raw.encode("utf-8", "surrogatepass")) if raw is not None else None
        article = annotated.article
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._guard(), self.writing():
            row = self._db.execute(
                "SELECT id, analysis_version FROM articles"
                " WHERE content_hash = ? AND outlet_key = ?", (key, outlet_key)).fetchone()
            if row is not None:
                stored_id, stored_version = row
                if stored_version == analysis_version:
                    return False
                self._db.execute(
                    "UPDATE articles SET analysis_version = ?, language = ?, data = ?,"
                    " features = coalesce(?, features) WHERE id = ?",
                    (analysis_version, annotated.language, encoded(stored_id), features,
                     stored_id))
                return False
            article_id = self._free_id(article.id)
            cur = self._db.execute(
                "INSERT INTO articles (id, content_hash, outlet_key, title, published, outlet,"
                " url, language, analysis_version, added_at, data, raw, features)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, key, outlet_key, _sql_text(article.title), article.published,
                 _sql_text(article.outlet), _sql_text(article.url), annotated.language,
                 analysis_version, now, encoded(article_id), packed, features))
            self._db.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                (cur.lastrowid, _sql_text(article.title) or "", _sql_text(article.text)))
        return True

    def id_of(self, article: Article) -> str | None:
        """The stored id of this article (same content, same outlet), or None."""
        with self._guard():
            row = self._db.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND outlet_key = ?",
                (content_hash(article), _outlet_key(article.outlet))).fetchone()
        return row[0] if row else None

    def replace_analysis(self, article_id: str, annotated: AnnotatedArticle,
                         analysis_version: str, features: str | None) -> None:
        """Put a recomputed analysis (by `reindex`) in place of an article's, under its id."""
        data = _encode(_with_id(annotated, article_id))
        with self._guard(), self.writing():
            self._db.execute(
                "UPDATE articles SET analysis_version = ?, language = ?, data = ?,"
                " features = ? WHERE id = ?",
                (analysis_version, annotated.language, data, features, article_id))

    def raw(self, article_id: str) -> str | None:
        """The raw text an article was read from, if it was kept."""
        with self._guard():
            row = self._db.execute("SELECT raw FROM articles WHERE id = ?",
                                   (article_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        try:
            return zlib.decompress(row[0]).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError) as exc:
            raise self._damaged(f"raw text of {article_id} cannot be read: {exc}") from None

    # -- stories --------------------------------------------------------------------------

    def grouping(self) -> Iterator[tuple[str, str | None, str | None]]:
        """(article id, story id, features JSON) of every article, in the order they were
        added: what rebuilds the story grouper."""
        last = 0
        while True:
            with self._guard():
                rows = self._db.execute(
                    "SELECT rowid, id, story, features FROM articles WHERE rowid > ?"
                    " ORDER BY rowid LIMIT ?", (last, _BATCH * 10)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for _, article_id, story, features in rows:
                yield article_id, story, features

    def assign(self, article_id: str, story: str | None, copy_of: str | None = None) -> None:
        """Record an article's story and the article it is a copy of."""
        with self._guard(), self.writing():
            self._db.execute("UPDATE articles SET story = ?, copy_of = ? WHERE id = ?",
                             (story, copy_of, article_id))

    def members(self, story_id: str) -> list[AnnotatedArticle]:
        """The articles of a story, oldest first (undated last, then in the order added)."""
        with self._guard():
            rows = self._db.execute(
                "SELECT id, data FROM articles WHERE story = ?"
                " ORDER BY published IS NULL, published, rowid", (story_id,)).fetchall()
        return [self._decode(data, article_id) for article_id, data in rows]

    def put_story(self, info: StoryInfo, story: Story | None, brief_version: str,
                  entities: Iterable[tuple[str, str, str, tuple[str, ...]]] = (),
                  outlets: Iterable[tuple[str, int, int]] = ()) -> None:
        """Store (or replace) a story: its listing, its cross-checked brief, its entities
        as (key, name, type, variants) and its outlets as (outlet, claims, sole source)."""
        data = None if story is None else json.dumps(_plain(story), ensure_ascii=False)
        with self._guard(), self.writing():
            db = self._db
            db.execute(
                'INSERT OR REPLACE INTO stories (id, title, "when", "where", first, last, size,'
                " outlets, articles, brief_version, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (info.id, _sql_text(info.title), info.when, _sql_text(info.where), info.first,
                 info.last, len(info.articles), json.dumps(list(info.outlets)),
                 json.dumps(list(info.articles)), brief_version, data))
            db.execute("DELETE FROM story_entities WHERE story = ?", (info.id,))
            db.executemany(
                "INSERT OR IGNORE INTO story_entities (story, key, name, type, variants)"
                " VALUES (?, ?, ?, ?, ?)",
                [(info.id, key, _sql_text(name), kind, json.dumps(list(variants)))
                 for key, name, kind, variants in entities])
            db.execute("DELETE FROM story_outlets WHERE story = ?", (info.id,))
            db.executemany(
                "INSERT OR REPLACE INTO story_outlets (story, outlet, claims, sole)"
                " VALUES (?, ?, ?, ?)", [(info.id, o, c, n) for o, c, n in outlets])

    def drop_story(self, story_id: str) -> None:
        """Remove a story that no longer has articles."""
        with self._guard(), self.writing():
            for table, column in (("stories", "id"), ("story_entities", "story"),
                                  ("story_outlets", "story")):
                self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", (story_id,))

    def stories(self, query: str | None = None, limit: int | None = None) -> list[StoryInfo]:
        """Stories, newest first (by their latest article); with `query`, only the stories
        holding an article that the full-text search finds."""
        where, args = "", []
        if query and query.strip():
            ids = [i for i, _ in self.search(query, limit=1000)]
            if not ids:
                return []
            where = (" WHERE id IN (SELECT story FROM articles WHERE id IN (%s))"
                     % ",".join("?" * len(ids)))
            args = ids
        sql = ('SELECT id, title, "when", "where", articles, outlets, first, last'
               f" FROM stories{where} ORDER BY coalesce(last, '') DESC, size DESC, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._guard():
            rows = self._db.execute(sql, args).fetchall()
        return [_story_info(r) for r in rows]

    def story_info(self, story_id: str) -> StoryInfo | None:
        with self._guard():
            row = self._db.execute(
                'SELECT id, title, "when", "where", articles, outlets, first, last'
                " FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else _story_info(row)

    def story_brief(self, story_id: str) -> tuple[Story | None, str | None]:
        """A story's stored cross-check and the version of the code that made it."""
        with self._guard():
            row = self._db.execute("SELECT data, brief_version FROM stories WHERE id = ?",
                                   (story_id,)).fetchone()
        if row is None or row[0] is None:
            return None, None
        try:
            return _unplain(json.loads(row[0])), row[1]
        except (ValueError, TypeError, KeyError) as exc:
            raise self._damaged(f"story {story_id} cannot be read: {exc}") from None

    def stale_stories(self, brief_version: str) -> list[str]:
        """Ids of the stories whose brief was made by another version of the cross-check."""
        with self._guard():
            return [r[0] for r in self._db.execute(
                "SELECT id FROM stories WHERE brief_version IS NOT ? ORDER BY id",
                (brief_version,))]

    def article_info(self, article_id: str) -> ArticleInfo | None:
        with self._guard():
            row = self._db.execute(
                f"SELECT {_INFO} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else ArticleInfo(*row)

    def article_infos(self, *, outlet: str | None = None, copy_of: str | None = None,
                      story: str | None = None) -> list[ArticleInfo]:
        """Articles of one outlet, or the copies of one article, or one story's, by date."""
        column, value = next((c, v) for c, v in (("outlet", outlet), ("copy_of", copy_of),
                                                 ("story", story)) if v is not None)
        with self._guard():
            rows = self._db.execute(
                f"SELECT {_INFO} FROM articles WHERE {column} = ?"
                " ORDER BY published IS NULL, published, rowid", (value,)).fetchall()
        return [ArticleInfo(*r) for r in rows]

    def entity_rows(self, key: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """(story, name, type, variants) of every story naming the entity with this key."""
        with self._guard():
            rows = self._db.execute(
                "SELECT story, name, type, variants FROM story_entities WHERE key = ?"
                " ORDER BY story", (key,)).fetchall()
        return [(st, name, kind, tuple(json.loads(v))) for st, name, kind, v in rows]

    def outlet_counts(self, outlet: str | None = None) -> list[tuple[str, int, int, int]]:
        """(outlet, articles, claims carried, claims it alone carries), by outlet name."""
        where, args = ("WHERE o = ?", (outlet,)) if outlet is not None else ("", ())
        with self._guard():
            rows = self._db.execute(
                "SELECT o, sum(n), sum(c), sum(s) FROM ("
                " SELECT outlet AS o, count(*) AS n, 0 AS c, 0 AS s FROM articles"
                "  WHERE outlet IS NOT NULL GROUP BY outlet"
                " UNION ALL SELECT outlet, 0, sum(claims), sum(sole) FROM story_outlets"
                f"  GROUP BY outlet) {where} GROUP BY o ORDER BY o", args).fetchall()
        return [tuple(r) for r in rows]

    # -- feeds ----------------------------------------------------------------------------

    def feed_state(self, url: str) -> dict | None:
        """What `watch` remembers of a feed, as it saved it."""
        with self._guard():
            row = self._db.execute("SELECT state FROM feeds WHERE url = ?", (url,)).fetchone()
        return None if row is None else json.loads(row[0])

    def save_feed_state(self, url: str, state: dict) -> None:
        with self._guard(), self.writing():
            self._db.execute("INSERT OR REPLACE INTO feeds (url, state) VALUES (?, ?)",
                             (url, json.dumps(state, ensure_ascii=False)))

    # -- life cycle -----------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        with self._guard():
            return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.close()
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._name!r})"

    # -- helpers --------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self._name}: the store is closed")
        return self._conn

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self._db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def _check_version(self) -> None:
        """A read-only open: the schema must be this module's (no migration can run)."""
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise self._damaged("it is not a recoupe database")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self._name}: schema version {version}, this recoupe reads {SCHEMA_VERSION};"
                " run `recoupe reindex` once to upgrade it (or upgrade recoupe)")

    def _migrate(self) -> None:
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise self._damaged("it belongs to another program")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self._name}: made by a newer recoupe (schema version {version}; this one "
                f"knows up to {SCHEMA_VERSION}); upgrade recoupe or pass another --db")
        if version == 0 and app_id == 0 and db.execute(
                "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone():
            raise self._damaged("it holds tables of another program")
        while version < SCHEMA_VERSION:
            with self.writing():
                # Another process may have migrated while we waited for the lock.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version >= SCHEMA_VERSION:
                    break
                for statement in MIGRATIONS[version]:
                    db.execute(statement)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE: other writers wait) around the writes made
        inside it; nested uses join the outer one. Either all of it is stored or none."""
        db = self._db
        if db.in_transaction:
            yield
            return
        with self._guard():
            db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.ProgrammingError:
            raise  # a bug in this module, not a property of the file
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _decode(self, data: str, article_id: str) -> AnnotatedArticle:
        try:
            return _decode(data)
        except (ValueError, TypeError, KeyError) as exc:
            raise self._damaged(f"article {article_id} cannot be read: {exc}") from None

    def _damaged(self, detail: str) -> StoreError:
        return _damaged(self._name, detail)

    def _error(self, exc: sqlite3.Error) -> StoreError:
        code = getattr(exc, "sqlite_errorname", "") or ""
        detail = str(exc).replace("\n", " ")
        if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in detail:
            return StoreError(f"{self._name}: the database stayed busy for {BUSY_TIMEOUT_S:g} s"
                              " (another recoupe process is writing to it); try again")
        if code.startswith("SQLITE_CANTOPEN") or "unable to open" in detail:
            return StoreError(f"{self._name}: cannot open the database file ({detail});"
                              " check the path and that its folder exists")
        if code.startswith(("SQLITE_READONLY", "SQLITE_PERM")):
            return StoreError(f"{self._name}: cannot write to the database ({detail});"
                              " check the permissions of the file and its folder")
        if code.startswith("SQLITE_FULL"):
            return StoreError(f"{self._name}: the disk is full ({detail}); free some space")
        if code.startswith("SQLITE_IOERR"):
            return StoreError(f"{self._name}: input/output error ({detail});"
                              " check the disk, or move the file aside")
        return self._damaged(detail)


# -- serialisation ----------------------------------------------------------------------------

_INFO = "id, title, outlet, published, url, story, copy_of"


def _outlet_key(outlet: str | None) -> str:
    return _normalise(outlet or "").casefold()


def _story_info(row) -> StoryInfo:
    sid, title, when, where, articles, outlets, first, last = row
    return StoryInfo(sid, title, when, where, tuple(json.loads(articles)),
                     tuple(json.loads(outlets)), first, last)


def _plain(value: Any) -> Any:
    """A model value (dataclasses, tuples) -> JSON-able data that names each dataclass."""
    if dataclasses.is_dataclass(value):
        out = {"_": type(value).__name__}
        out.update({f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _unplain(value: Any) -> Any:
    """The inverse of `_plain`: lists become tuples, named objects their model dataclass
    (fields unknown to the model dropped, new ones left to their defaults)."""
    if isinstance(value, list):
        return tuple(_unplain(v) for v in value)
    if isinstance(value, dict) and "_" in value:
        cls = getattr(model, value["_"])
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: _unplain(v) for k, v in value.items() if k in known})
    return value


def _encode(annotated: AnnotatedArticle) -> str:
    doc: dict[str, Any] = {
        "format": _DATA_FORMAT,
        "article": {f.name: getattr(annotated.article, f.name)
                    for f in dataclasses.fields(Article)},
        "language": annotated.language,
    }
    for name, cls in _ROWS.items():
        names = [f.name for f in dataclasses.fields(cls)]
        items = getattr(annotated, name)
        doc[name] = {"fields": names,
                     "rows": [[_plain(getattr(i, n)) for n in names] for i in items]}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them exactly, as \ud800 escapes
        text = json.dumps(doc, ensure_ascii=True, separators=(",", ":"))
    return text


def _decode(data: str) -> AnnotatedArticle:
    doc = json.loads(data)
    if doc.get("format") != _DATA_FORMAT:
        raise ValueError(f"unknown data format {doc.get('format')!r}")
    known = {f.name for f in dataclasses.fields(Article)}
    article = Article(**{k: tuple(v) if isinstance(v, list) else v
                         for k, v in doc["article"].items() if k in known})
    parts: dict[str, tuple] = {}
    for name, cls in _ROWS.items():
        block = doc.get(name) or {"fields": [], "rows": []}
        wanted = {f.name for f in dataclasses.fields(cls)}
        # Fields added to the model since the row was written take their defaults; fields
        # since removed are dropped.
        keep = [(i, n) for i, n in enumerate(block["fields"]) if n in wanted]
        parts[name] = tuple(cls(**{n: _unplain(row[i]) for i, n in keep})
                            for row in block["rows"])
    return AnnotatedArticle(article=article, language=doc["language"], **parts)


def _with_id(annotated: AnnotatedArticle, article_id: str) -> AnnotatedArticle:
    """The article under another id, its quotes' ids and article field following."""
    old = annotated.article.id
    if article_id == old:
        return annotated
    quotes = tuple(
        dataclasses.replace(
            q,
            id=article_id + q.id[len(old):] if q.id.startswith(old + ":") else q.id,
            article=article_id if q.article == old else q.article)
        for q in annotated.quotes)
    return dataclasses.replace(
        annotated, article=dataclasses.replace(annotated.article, id=article_id), quotes=quotes)


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _sql_text(text: str | None) -> str | None:
    """Text for an index column: lone surrogates (which SQLite cannot hold) become U+FFFD;
    the exact text stays in the JSON."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _damaged(name: str, detail: str) -> StoreError:
    return StoreError(f"{name}: not a recoupe database or damaged ({detail});"
                      " move it aside or pass another --db")


def _check_header(name: str, path: Path) -> None:
    """Refuse a file that is not SQLite or is shorter than its header says (truncated), before
    SQLite reads zeros where pages should be. Skipped while a log (WAL or rollback journal)
    is in use: a checkpoint may be extending the file at this very moment."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # a new database, or a path SQLite will report on
    if size == 0:
        return
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the database file ({exc.strerror});"
                         " check its permissions") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _damaged(name, "file is not a database")
    for suffix in ("-wal", "-journal"):  # SQLite replays or rolls back these itself
        log = Path(f"{path}{suffix}")
        if log.exists() and log.stat().st_size > 0:
            return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and pages * page_size > size:
        raise _damaged(name, f"file is truncated: {size} bytes of {pages * page_size}")


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "content_hash"]
