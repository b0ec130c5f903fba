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
and text with Unicode and white space normalised) and its outlet: adding it again is a
no-op. The JSON coding is `codec.py`'s. Stories (listing, stored brief, entities, outlets),
watched feeds, and the story grouper's state (`group_stories` profiles, the `group_terms`
and `group_days` indexes, read on demand as a `group.stories.GroupLookup`) have tables of
their own; `meta` says whether that state is complete.

Reliability: WAL mode and a busy timeout so that several processes can add at once; every
write is one `BEGIN IMMEDIATE` transaction (a writer waits for another as long as it must),
so a killed process leaves either the whole article or nothing. A new file opened by
several processes at once is created once: the switch to WAL is retried, and what the file
holds is read inside the write transaction. The schema is versioned with PRAGMA
user_version and upgraded by the steps of `MIGRATIONS`, each in its own transaction. Any
SQLite failure surfaces as one `StoreError` whose message says what to do; sqlite3
exceptions never leak out.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from . import codec
from . import text as text_keys
from .errors import RecoupeError
from .model import (
    AnnotatedArticle,
    Article,
    ArticleInfo,
    GroupDelta,
    Story,
    StoryInfo,
    StoryProfile,
)

# PRAGMA application_id of a recoupe database: "rcpe" in ASCII.
APPLICATION_ID = int.from_bytes(b"rcpe", "big")
BUSY_TIMEOUT_S = 30.0
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
    # 4: the story grouper's state, kept so that adding an article reads only the stories
    # its terms and days lead to (it was rebuilt from every article's features on each add):
    # story profiles, the term -> stories index in order of indexing, the day -> stories
    # index, and `meta` (key, value) where "grouping" says the state is complete.
    (
        """CREATE TABLE group_stories (
            id TEXT PRIMARY KEY, profile TEXT NOT NULL, number INTEGER NOT NULL
        )""",
        """CREATE TABLE group_terms (
            seq INTEGER PRIMARY KEY, term TEXT NOT NULL, story TEXT NOT NULL
        )""",
        "CREATE INDEX group_stories_number ON group_stories (number)",
        "CREATE INDEX group_terms_term ON group_terms (term, seq)",
        """CREATE TABLE group_days (
            day TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (day, story)
        )""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)



@dataclasses.dataclass(frozen=True)
class StoryFilter:
    """Which stories a list shows: those holding an article the full-text `query` finds,
    published between `since` and `until` (days, inclusive), of `outlet`, naming the entity
    `entity` (its key), among `ids` when given; None: no condition."""

    query: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity: str | None = None
    ids: frozenset[str] | None = None


class StoreError(RecoupeError):
    """The corpus database cannot be opened, read or written; the message says what to do."""


class StoreReadError(StoreError):
    """A read-only reader was told the file is damaged (SQLITE_CORRUPT). Seen now and then
    while another process writes (SQLite 3.40, WAL, readers in other threads), with the file
    whole afterwards (`PRAGMA integrity_check` ok): a reader may read again before it says
    the file is damaged."""


def content_hash(article: Article) -> str:
    """Article -> hex sha256 of its title and text, Unicode (NFC) and white space normalised,
    so that the same text re-read with other line breaks or spacing has the same key."""
    return text_keys.content_hash(article.title, article.text)


class Store:
    """A corpus database on disk. Open with `Store(path)` or `with Store(path) as store:`."""

    def __init__(self, path: str | Path, read_only: bool = False,
                 on_wait: Callable[[], None] | None = None):
        """Open (or, unless `read_only`, create and upgrade) the database at `path`.
        Read-only: the file must exist and be of this version; nothing is ever written.
        The connection may be used from another thread than the one that opened it (a web
        server's), one thread at a time. A write waits as long as another process writes;
        `on_wait` is called once, the first time this store has to wait."""
        self.path = Path(path)
        self._name = str(path)
        self.read_only = read_only
        self._on_wait = on_wait
        self._waited = False
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
                    self._use_wal()
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
        # SQLite text must be UTF-8: an id holding a lone surrogate (an undecodable file
        # name) is stored escaped, "lat\\xe9", under which it is found again.
        annotated = _with_id(annotated, _sql_id(annotated.article.id))
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
                data_cache[article_id] = codec.encode_annotated(_with_id(annotated, article_id))
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
                (article_id, key, outlet_key, _sql_text(article.title),
                 _sql_text(article.published),
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
        data = codec.encode_annotated(_with_id(annotated, article_id))
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
        data = None if story is None else codec.dumps(story)
        with self._guard(), self.writing():
            db = self._db
            db.execute(
                'INSERT OR REPLACE INTO stories (id, title, "when", "where", first, last, size,'
                " outlets, articles, brief_version, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (info.id, _sql_text(info.title), _sql_text(info.when), _sql_text(info.where),
                 _sql_text(info.first), _sql_text(info.last), len(info.articles),
                 json.dumps(list(info.outlets)),
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
                " VALUES (?, ?, ?, ?)", [(info.id, _sql_text(o), c, n) for o, c, n in outlets])

    def mark_stale(self, story_ids: Iterable[str]) -> None:
        """Mark stories whose articles changed as needing a new brief (a new story gets its
        row now), so that a writer killed before rebuilding them leaves them listed and
        recomputed on reading, and `reindex` rebuilds them."""
        ids = [(sid,) for sid in story_ids]
        with self._guard(), self.writing():
            self._db.executemany(
                "INSERT OR IGNORE INTO stories (id, size, outlets, articles)"
                " SELECT ?1, count(*), '[]', coalesce(json_group_array(id), '[]') FROM"
                " (SELECT id FROM articles WHERE story = ?1 ORDER BY rowid)", ids)
            self._db.executemany("UPDATE stories SET brief_version = NULL WHERE id = ?", ids)

    def member_ids(self, story_id: str) -> list[str]:
        """The ids of a story's articles, in the order of `members`."""
        with self._guard():
            return [r[0] for r in self._db.execute(
                "SELECT id FROM articles WHERE story = ?"
                " ORDER BY published IS NULL, published, rowid", (story_id,))]

    def drop_story(self, story_id: str) -> None:
        """Remove a story that no longer has articles."""
        with self._guard(), self.writing():
            for table, column in (("stories", "id"), ("story_entities", "story"),
                                  ("story_outlets", "story")):
                self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", (story_id,))

    def stories(self, query: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[StoryInfo]:
        """Stories, newest first (by their latest article); with `query` (FTS5 syntax, or
        plain words when it is not valid FTS5), every story holding an article that the
        full-text search finds. `limit` and `offset` page through the list."""
        where, args = "", []
        if query is not None and query.strip():
            where = (" WHERE id IN (SELECT a.story FROM articles a JOIN articles_fts f"
                     " ON a.rowid = f.rowid WHERE articles_fts MATCH ?)")
            args = [query]
        sql = ('SELECT id, title, "when", "where", articles, outlets, first, last'
               f" FROM stories{where} ORDER BY coalesce(last, '') DESC, size DESC, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {max(0, int(offset))}"
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:
            if not args:
                raise self._error(sqlite3.OperationalError("listing stories failed")) from None
            # Not valid FTS5 syntax; were it anything else, the retry reports it.
            args = [" ".join('"' + w.replace('"', '""') + '"' for w in query.split())]
            with self._guard():
                rows = self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
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
            return codec.loads(row[0]), row[1]
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

    # -- the web lists: pages, facets and counts from SQL (no stored brief decoded) --------

    def story_page(self, filters: StoryFilter, sort: str = "newest", limit: int = 25,
                   offset: int = 0) -> tuple[int, list[StoryInfo]]:
        """(how many stories pass `filters`, the page of them from `offset`), sorted
        "newest" (latest article first), "outlets" (most outlets first) or "articles"."""
        where, args = self._story_where(filters)
        order = {"outlets": "json_array_length(outlets) DESC, coalesce(last, '') DESC, id",
                 "articles": "size DESC, coalesce(last, '') DESC, id"}.get(
                     sort, "coalesce(last, '') DESC, size DESC, id")
        total = self._fts_rows(f"SELECT count(*) FROM stories{where}", args, filters)[0][0]
        rows = self._fts_rows(
            'SELECT id, title, "when", "where", articles, outlets, first, last FROM stories'
            f"{where} ORDER BY {order} LIMIT {int(limit)} OFFSET {max(0, int(offset))}",
            args, filters)
        return total, [_story_info(r) for r in rows]

    def story_facets(self, filters: StoryFilter, top: int = 12) -> dict[str, list[tuple]]:
        """Counts of the stories passing `filters`, by outlet [(outlet, stories)] and by
        entity [(key, name, type, stories)], the `top` most frequent of each."""
        where, args = self._story_where(filters)
        chosen = f"SELECT id FROM stories{where}"
        outlets = self._fts_rows(
            f"SELECT outlet, count(*) FROM story_outlets WHERE story IN ({chosen})"
            f" GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT {int(top)}", args, filters)
        entities = self._fts_rows(
            f"SELECT key, max(name), max(type), count(*) FROM story_entities"
            f" WHERE story IN ({chosen}) GROUP BY key ORDER BY count(*) DESC, key"
            f" LIMIT {int(top)}", args, filters)
        return {"outlets": [tuple(r) for r in outlets], "entities": [tuple(r) for r in entities]}

    def story_ids(self, filters: StoryFilter) -> list[str]:
        """Ids of every story passing `filters` (for counting over them)."""
        where, args = self._story_where(filters)
        return [r[0] for r in self._fts_rows(f"SELECT id FROM stories{where}", args, filters)]

    def story_days(self) -> list[tuple[str, str | None, str | None]]:
        """(story, language, publication month "YYYY-MM" or None) of every article, distinct:
        what the language and month facets count (lean columns, no article decoded)."""
        with self._guard():
            return [tuple(r) for r in self._db.execute(
                "SELECT DISTINCT story, language, substr(published, 1, 7) FROM articles"
                " WHERE story IS NOT NULL")]

    def stamp(self) -> tuple[int, int, int]:
        """A cheap mark that changes when articles are added or removed, or stories change
        size: (last article rowid, articles, stories' articles) for caching what they count."""
        with self._guard():
            last, n = self._db.execute("SELECT max(rowid), count(*) FROM articles").fetchone()
            size = self._db.execute("SELECT total(size) FROM stories").fetchone()[0]
        return last or 0, n, int(size)

    def data_version(self) -> int:
        """SQLite's data_version: a number that changes, on this connection, whenever another
        connection commits a change to the database (any change, of any table); what a
        reader polls to know when what it has cached is out of date."""
        with self._guard():
            return self._db.execute("PRAGMA data_version").fetchone()[0]

    def story_stats(self, story_ids: Iterable[str]) -> dict[str, tuple]:
        """story -> (first and last publication day or None, distinct outlets, sources
        (articles that are no near-copy, one per outlet, an article without outlet its own
        source), near-copies) of the given stories, from their articles' listing columns."""
        ids = json.dumps(list(story_ids))
        with self._guard():
            rows = self._db.execute(
                "SELECT story, min(substr(published, 1, 10)), max(substr(published, 1, 10)),"
                " count(DISTINCT outlet),"
                " count(DISTINCT CASE WHEN copy_of IS NULL THEN coalesce(outlet, 'article:' || id)"
                " END), count(copy_of) FROM articles"
                " WHERE story IN (SELECT value FROM json_each(?)) GROUP BY story",
                (ids,)).fetchall()
        return {r[0]: tuple(r[1:]) for r in rows}

    def story_snippets(self, story_ids: Iterable[str]) -> dict[str, str]:
        """story -> the first sentence of its stored summary (JSON read by SQLite, no brief
        decoded in Python), for the stories that have one."""
        ids = json.dumps(list(story_ids))
        with self._guard():
            rows = self._db.execute(
                "SELECT id, json_extract(data, '$.summary[0].text') FROM stories"
                " WHERE id IN (SELECT value FROM json_each(?)) AND json_valid(data)",
                (ids,)).fetchall()
        return {sid: text for sid, text in rows if isinstance(text, str) and text}

    def article_days(self, outlet: str | None = None) -> list[tuple[str | None, int]]:
        """(publication day or None, articles) of the corpus, or of one outlet."""
        where, args = ("WHERE outlet = ?", (outlet,)) if outlet is not None else ("", ())
        with self._guard():
            return [tuple(r) for r in self._db.execute(
                f"SELECT substr(published, 1, 10) AS day, count(*) FROM articles {where}"
                " GROUP BY day ORDER BY day", args)]

    def entity_page(self, kind: str | None = None, limit: int = 50, offset: int = 0,
                    ) -> tuple[int, list[tuple[str, str, str, int]]]:
        """(entities, the page of them) as (key, name, type, stories naming it), most
        stories first; `kind` (PER, LOC, ORG, MISC) keeps one type."""
        where, args = ("WHERE type = ?", [kind]) if kind else ("", [])
        with self._guard():
            total = self._db.execute(
                f"SELECT count(DISTINCT key) FROM story_entities {where}", args).fetchone()[0]
            rows = self._db.execute(
                f"SELECT key, max(name), max(type), count(*) FROM story_entities {where}"
                " GROUP BY key ORDER BY count(*) DESC, key"
                f" LIMIT {int(limit)} OFFSET {max(0, int(offset))}", args).fetchall()
        return total, [tuple(r) for r in rows]

    def entity_types(self) -> list[tuple[str, int]]:
        """(type, distinct entities of it)."""
        with self._guard():
            return [tuple(r) for r in self._db.execute(
                "SELECT type, count(DISTINCT key) FROM story_entities GROUP BY type"
                " ORDER BY type")]

    def cooccurring(self, key: str, top: int = 15) -> list[tuple[str, str, str, int]]:
        """(key, name, type, stories shared) of the entities named in the same stories as
        the entity `key`, most shared first."""
        with self._guard():
            return [tuple(r) for r in self._db.execute(
                "SELECT b.key, max(b.name), max(b.type), count(*) FROM story_entities a"
                " JOIN story_entities b ON b.story = a.story AND b.key != a.key"
                " WHERE a.key = ? GROUP BY b.key ORDER BY count(*) DESC, b.key"
                f" LIMIT {int(top)}", (key,)).fetchall()]

    def outlet_stories(self, outlet: str, sole: bool = False, limit: int = 20) -> list[str]:
        """Ids of the stories the outlet has claims in (`sole`: claims only it carries),
        newest first."""
        column = "sole" if sole else "claims"
        with self._guard():
            return [r[0] for r in self._db.execute(
                f"SELECT o.story FROM story_outlets o JOIN stories s ON s.id = o.story"
                f" WHERE o.outlet = ? AND o.{column} > 0"
                f" ORDER BY coalesce(s.last, '') DESC, s.id LIMIT {int(limit)}", (outlet,))]

    def article_outlets(self, story_id: str) -> dict[str, tuple[str | None, str | None]]:
        """article id -> (outlet, language), for one story's articles."""
        with self._guard():
            return {aid: (outlet, lang) for aid, outlet, lang in self._db.execute(
                "SELECT id, outlet, language FROM articles WHERE story = ?", (story_id,))}

    def outlet_copies(self, outlet: str) -> list[tuple[ArticleInfo, ArticleInfo]]:
        """(article, the original it is a near-copy of) for the outlet's near-copies."""
        cols = ", ".join(f"a.{c}" for c in _INFO.split(", "))
        ocols = ", ".join(f"o.{c}" for c in _INFO.split(", "))
        with self._guard():
            rows = self._db.execute(
                f"SELECT {cols}, {ocols} FROM articles a JOIN articles o ON o.id = a.copy_of"
                " WHERE a.outlet = ? ORDER BY a.published IS NULL, a.published, a.rowid",
                (outlet,)).fetchall()
        n = len(_INFO.split(", "))
        return [(ArticleInfo(*r[:n]), ArticleInfo(*r[n:])) for r in rows]

    def _story_where(self, f: StoryFilter) -> tuple[str, list]:
        """The WHERE clause (with its arguments) choosing the stories that pass `f`."""
        parts, args = [], []
        if f.query:
            parts.append("id IN (SELECT a.story FROM articles a JOIN articles_fts t"
                         " ON a.rowid = t.rowid WHERE articles_fts MATCH ?)")
            args.append(f.query)
        if f.since or f.until:
            # An article published in the range (the index on `published` finds them).
            lo, hi = f.since or "", (f.until or "9999-12-31") + "\U0010ffff"
            parts.append("id IN (SELECT story FROM articles WHERE published >= ?"
                         " AND published <= ?)")
            args += [lo, hi]
        if f.outlet:
            parts.append("id IN (SELECT story FROM story_outlets WHERE outlet = ?)")
            args.append(f.outlet)
        if f.entity:
            parts.append("id IN (SELECT story FROM story_entities WHERE key = ?)")
            args.append(f.entity)
        if f.ids is not None:
            parts.append("id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(f.ids)))
        return (" WHERE " + " AND ".join(parts) if parts else ""), args

    def _fts_rows(self, sql: str, args: list, f: StoryFilter) -> list:
        """Rows of a story query; a search that is not valid FTS5 is retried as plain words
        (as `stories` does)."""
        try:
            with self._guard():
                return self._db.execute(sql, args).fetchall()
        except StoreError:
            if not f.query:
                raise
        words = " ".join('"' + w.replace('"', '""') + '"' for w in f.query.split())
        args = [words if n == 0 and a == f.query else a for n, a in enumerate(args)]
        with self._guard():
            return self._db.execute(sql, args).fetchall()

    # -- the story grouper's state (a group.stories.GroupLookup) ---------------------------

    def grouping_ready(self) -> bool:
        """Whether the stored grouper state is complete (else it must be rebuilt from the
        articles' features: after an upgrade, or after `reindex`)."""
        with self._guard():
            row = self._db.execute("SELECT value FROM meta WHERE key = 'grouping'").fetchone()
        return row is not None and row[0] == "ready"

    def stories_by_term(self, term: str, recent: int) -> list[str]:
        with self._guard():
            rows = self._db.execute(
                "SELECT story FROM group_terms WHERE term = ? ORDER BY seq DESC LIMIT ?",
                (term, int(recent))).fetchall()
        return [r[0] for r in reversed(rows)]

    def stories_by_day(self, day: str) -> list[str]:
        with self._guard():
            return [r[0] for r in self._db.execute(
                "SELECT story FROM group_days WHERE day = ? ORDER BY story", (day,))]

    def profile(self, story_id: str) -> StoryProfile | None:
        with self._guard():
            row = self._db.execute("SELECT profile FROM group_stories WHERE id = ?",
                                   (story_id,)).fetchone()
        if row is None:
            return None
        try:
            return codec.loads(row[0])
        except (ValueError, TypeError, KeyError) as exc:
            raise self._damaged(f"grouping of story {story_id} cannot be read: {exc}") from None

    def last_story_number(self) -> int:
        with self._guard():
            row = self._db.execute("SELECT max(number) FROM group_stories").fetchone()
        return row[0] or 0

    def save_grouping(self, delta: GroupDelta, *, complete: bool = False) -> None:
        """Write what a grouper changed (profiles whole, new index entries); `complete`: the
        stored state was rebuilt from scratch and is now whole."""
        with self._guard(), self.writing():
            db = self._db
            if complete:
                for table in ("group_stories", "group_terms", "group_days"):
                    db.execute(f"DELETE FROM {table}")
            db.executemany(
                "INSERT OR REPLACE INTO group_stories (id, profile, number) VALUES (?, ?, ?)",
                [(p.id, codec.dumps(p), int(p.id[1:]) if p.id[1:].isdigit() else 0)
                 for p in delta.profiles])
            db.executemany("INSERT INTO group_terms (term, story) VALUES (?, ?)",
                           list(delta.terms))
            db.executemany("INSERT OR IGNORE INTO group_days (day, story) VALUES (?, ?)",
                           list(delta.days))
            if complete:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('grouping', 'ready')")

    def forget_grouping(self) -> None:
        """Mark the stored grouper state incomplete (features changed): the next add rebuilds it."""
        with self._guard(), self.writing():
            self._db.execute("DELETE FROM meta WHERE key = 'grouping'")

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
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self._name}: made by a newer recoupe (schema version {version}; this one "
                f"knows up to {SCHEMA_VERSION}); upgrade recoupe or pass another --db")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self._name}: schema version {version}, this recoupe reads {SCHEMA_VERSION};"
                " run `recoupe reindex` once to upgrade it")

    def _use_wal(self) -> None:
        """Switch the file to WAL mode (it stays so). Switching needs the file to itself for
        a moment, and SQLite does not wait for that: a process creating the database at the
        same time answers busy at once. Retried with backoff within the busy timeout."""
        db = self._db
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.005
        while True:
            try:
                mode = db.execute("PRAGMA journal_mode").fetchone()[0]
                if mode.lower() == "wal" or db.execute(
                        "PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    if time.monotonic() < deadline:
                        time.sleep(pause)
                        pause = min(pause * 2, 0.25)
                        continue
                    raise StoreError(
                        f"{self._name}: another process kept the database to itself for "
                        f"{BUSY_TIMEOUT_S:g} s while this one opened it; try again") from None
                raise
            if time.monotonic() >= deadline:
                raise StoreError(f"{self._name}: the database cannot be put in WAL mode"
                                 " (is it on a network file system?)")
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting through SQLite's busy timeout again and again while
        another process holds the write lock."""
        while True:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise self._error(exc) from None
            if not self._waited:
                self._waited = True
                if self._on_wait is not None:
                    self._on_wait()

    def _migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION, one step per transaction. What the file holds
        is read inside the write transaction, so a process creating the same new file at the
        same moment is seen whole (tables and version together) or not at all."""
        db = self._db
        while True:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION and db.execute(
                    "PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
                return  # the common case: no write lock taken
            with self.writing():
                app_id = db.execute("PRAGMA application_id").fetchone()[0]
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if app_id not in (0, APPLICATION_ID):
                    raise self._damaged("it belongs to another program")
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"{self._name}: made by a newer recoupe (schema version {version};"
                        f" this one knows up to {SCHEMA_VERSION}); upgrade recoupe or pass"
                        " another --db")
                if version == 0 and app_id == 0 and db.execute(
                        "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchone():
                    raise self._damaged("it holds tables of another program")
                if version == SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE: other writers wait) around the writes made
        inside it; nested uses join the outer one. Either all of it is stored or none. A
        writer waits for another as long as it must (each write transaction is short)."""
        db = self._db
        if db.in_transaction:
            yield
            return
        self._begin()
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
            return codec.decode_annotated(data)
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
        if code.startswith("SQLITE_CORRUPT") and self.read_only:
            return StoreReadError(str(self._damaged(detail)))
        return self._damaged(detail)


# -- serialisation ----------------------------------------------------------------------------

_INFO = "id, title, outlet, published, url, story, copy_of"


def _outlet_key(outlet: str | None) -> str:
    return _sql_text(text_keys.normalise_space(outlet or "").casefold()) or ""


def _story_info(row) -> StoryInfo:
    sid, title, when, where, articles, outlets, first, last = row
    return StoryInfo(sid, title, when, where, tuple(json.loads(articles)),
                     tuple(json.loads(outlets)), first, last)


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


def _sql_id(text: str) -> str:
    """An id SQLite can hold: lone surrogates shown as backslash escapes (a byte that was not
    UTF-8 in a file name as \\xe9, any other as \\ud83d); other ids as they are."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(
            c if not 0xD800 <= ord(c) <= 0xDFFF
            else (f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF
                  else f"\\u{ord(c):04x}")
            for c in text)


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


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorname", "") or ""
    return code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc)


def _damaged(name: str, detail: str) -> StoreError:
    return StoreError(f"{name}: not a recoupe database or damaged ({detail});"
                      " move it aside or pass another --db")


def _check_header(name: str, path: Path) -> None:
    """Refuse a file that is not SQLite or is shorter than its header says (truncated), before
    SQLite reads zeros where pages should be. Skipped while a log (WAL or rollback journal)
    is in use: a checkpoint may be extending the file at this very moment.

    Skipped too, without opening the file, whenever a write-ahead log exists, even empty: a
    connection may have the database open, perhaps in this process, and closing any
    descriptor of the file cancels every POSIX lock the process holds on it (SQLite's
    "How To Corrupt" 2.2). A server's reader then lost the lock that marks it as open, and
    another process closing its connection took itself for the last one and deleted the log
    under the reader: the web pages answered "damaged" (and the list 400) under load."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # a new database, or a path SQLite will report on
    if size == 0:
        return
    wal = Path(f"{path}-wal")
    journal = Path(f"{path}-journal")  # SQLite replays or rolls back these itself
    if wal.exists():
        return
    try:
        if journal.stat().st_size > 0:
            return
    except OSError:
        pass  # no journal, or one SQLite deleted between two looks: the commit is done
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{name}: cannot read the database file ({exc.strerror});"
                         " check its permissions") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _damaged(name, "file is not a database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and pages * page_size > size:
        raise _damaged(name, f"file is truncated: {size} bytes of {pages * page_size}")


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "content_hash"]
