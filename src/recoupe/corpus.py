"""The corpus: a store of annotated articles grouped into stories, and what one reads from it.

In: a database path (`Corpus(path)`; read-only with `read_only=True`) and, to grow it, input
specs or RawDocs. Out: `add(...)` an `AddReport` (articles added, already there, problems);
`stories(query)` the stories as `StoryInfo`, newest first; `brief(story_id)` the story's
`Brief` (computed when its articles changed and kept, so reading it runs no NLP model);
`article(id)`, `entity(key)`, `outlet(name)` what the web pages show.

This module is the database side of the corpus: transactions, the "already stored" check and
the reads. The stages are wired by pipeline.py (`ingest`, `place`, `rebuild`); new articles
are cleaned and annotated once, stored with their annotations, grouped into stories as they
arrive, linked to the copies they are of, and the briefs of the stories they changed are
rebuilt from stored annotations. SQL stays in store.py. Reading never writes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import codec, pipeline
from .config import Config
from .model import (
    AnnotatedArticle,
    ArticleInfo,
    Brief,
    EntityInfo,
    OutletInfo,
    RawDoc,
    Story,
    StoryFeatures,
    StoryInfo,
)
from .pipeline import Progress
from .store import Store, StoreError


@dataclass(frozen=True)
class AddReport:
    """What one `Corpus.add` did."""

    added: tuple[str, ...]  # ids of the articles stored now
    known: tuple[str, ...]  # ids of inputs that were already stored (nothing recomputed)
    problems: tuple  # InputProblem per input that could not be used
    stories: tuple[str, ...]  # ids of the stories that changed


class Corpus:
    """A corpus database: `Corpus(path)`, or `with Corpus(path) as corpus:`."""

    def __init__(self, path: str | Path, config: Config | None = None,
                 read_only: bool = False, on_wait: Callable[[], None] | None = None):
        """`on_wait` is called once if a write has to wait for another process's."""
        self.config = config or Config()
        self.read_only = read_only
        self.store = Store(path, read_only=read_only, on_wait=on_wait)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- growing it ---------------------------------------------------------------------

    def add(self, inputs: Sequence[str] = (), docs: Sequence[RawDoc] = (), *,
            progress: Progress | None = None, worker=None, stdin=None,
            cluster=None) -> AddReport:
        """Inputs (paths, URLs, feeds, "-") and RawDocs -> stored, grouped articles.

        Each document is cleaned; one already stored (same content, same outlet) is skipped
        before the NLP model sees it; the others are annotated outside any transaction.
        Then one short transaction stores them and puts them in stories (the grouper's
        state is kept in the database: only the stories their terms and days lead to are
        read); the briefs of the stories they changed are rebuilt after it, each written in
        a short transaction of its own, so that another writer never waits for a batch.
        `worker`: a model worker, or a function that starts one (called only if there is
        something new to annotate). `cluster`: a Dask client (cluster.py) whose workers clean
        and annotate instead of this machine's processes."""
        self._writable()
        ingested = pipeline.ingest(inputs, docs, self.config, self.store.id_of, progress,
                                   worker, stdin, cluster)
        known = list(ingested.known)
        added: dict[str, StoryFeatures] = {}  # stored id -> features
        with self.store.writing():
            for new in ingested.new:
                is_new = self.store.add(new.annotated, pipeline.ANALYSIS_VERSION, raw=new.raw,
                                        features=codec.dumps(new.features))
                stored_id = self.store.id_of(new.annotated.article) or new.annotated.article.id
                if is_new:
                    added[stored_id] = dataclasses.replace(new.features, article=stored_id)
                else:
                    known.append(stored_id)
            changed = self._place(added) if added else set()
        for story_id in sorted(changed):
            self._rebuild(story_id)
        return AddReport(tuple(added), tuple(known), ingested.problems, tuple(sorted(changed)))

    def reindex(self, progress: Progress | None = None, worker=None) -> tuple[int, int]:
        """Recompute what older code made: articles whose analysis is of another version
        (cleaned and annotated again from their kept raw text), then the briefs of their
        stories and of stories made by another version of the cross-check (or left stale by
        a writer that was stopped). Stories keep their articles.
        -> (articles recomputed, stories rebuilt)."""
        self._writable()
        raws = {article_id: raw for article_id in self.store.stale(pipeline.ANALYSIS_VERSION)
                if (raw := self.store.raw(article_id)) is not None}
        redone = pipeline.reanalyse(raws, self.config, progress, worker)
        stories = set(self.store.stale_stories(pipeline.BRIEF_VERSION))
        with self.store.writing():
            for article_id, annotated, features in redone:
                self.store.replace_analysis(article_id, annotated, pipeline.ANALYSIS_VERSION,
                                            codec.dumps(features))
                info = self.store.article_info(article_id)
                if info and info.story:
                    stories.add(info.story)
            if redone:
                self.store.forget_grouping()  # its profiles sum the old features
            self.store.mark_stale(stories)
        for story_id in sorted(stories):
            self._rebuild(story_id)
        return len(redone), len(stories)

    def _place(self, added: dict[str, StoryFeatures]) -> set[str]:
        """Put newly stored articles in stories, inside the caller's transaction, and keep
        the grouper's state; -> the stories that changed (marked stale until rebuilt)."""
        if self.store.grouping_ready():
            assigned, delta = pipeline.place(list(added.values()), self.config,
                                             lookup=self.store)
            self.store.save_grouping(delta)
        else:  # after an upgrade or a reindex: rebuilt once from every article's features
            assigned, delta = pipeline.place(list(added.values()), self.config,
                                             stored=self.store.grouping())
            self.store.save_grouping(delta, complete=True)
        for article_id, story_id in assigned.items():
            self.store.assign(article_id, story_id)
        changed = set(assigned.values())
        self.store.mark_stale(changed)
        return changed

    def _rebuild(self, story_id: str, tries: int = 3) -> None:
        """A story's copies, brief, listing, entities and outlets, from its stored articles:
        computed outside any transaction, written in a short one if its articles are still
        the ones it was computed from. Another writer may have added some meanwhile: then it
        is done again; if that keeps happening, that writer's own rebuild will do it."""
        for _ in range(tries):
            members = self.store.members(story_id)
            rebuilt = pipeline.rebuild(story_id, members, self.config) if members else None
            with self.store.writing():
                if self.store.member_ids(story_id) != [a.article.id for a in members]:
                    continue
                if rebuilt is None:
                    self.store.drop_story(story_id)
                    return
                for a in members:
                    self.store.assign(a.article.id, story_id, rebuilt.copy_of.get(a.article.id))
                self.store.put_story(rebuilt.info, rebuilt.story, pipeline.BRIEF_VERSION,
                                     rebuilt.entities, rebuilt.outlets)
            return

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.store.path}: opened read-only")

    # -- reading it ---------------------------------------------------------------------

    def stories(self, query: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[StoryInfo]:
        """Stories, newest first; with `query` (full-text search), every story holding a
        match; `limit` and `offset` page through them."""
        return self.store.stories(query, limit, offset)

    def story(self, story_id: str) -> StoryInfo | None:
        return self.store.story_info(story_id)

    def brief(self, story_id: str) -> Brief | None:
        """A stored story's Brief; no NLP model runs and nothing is written. A brief made by
        an older cross-check is recomputed in memory from the stored annotations (`reindex`
        stores it)."""
        members = self.store.members(story_id)
        if not members:
            return None
        story, version = self.store.story_brief(story_id)
        if story is None or version != pipeline.BRIEF_VERSION:
            story = pipeline.rebuild(story_id, members, self.config).story
        return Brief(articles=tuple(a.article for a in members), stories=(story,))

    def stored_story(self, story_id: str) -> Story | None:
        """A story's stored cross-check alone, without loading its articles (what a web page
        of a long story needs); None when there is none of this cross-check's version (then
        `brief` recomputes it)."""
        story, version = self.store.story_brief(story_id)
        return story if story is not None and version == pipeline.BRIEF_VERSION else None

    def article(self, article_id: str) -> AnnotatedArticle | None:
        return self.store.get(article_id)

    def article_info(self, article_id: str) -> ArticleInfo | None:
        return self.store.article_info(article_id)

    def copies(self, article_id: str) -> list[ArticleInfo]:
        """The other articles of its near-copy group (its original first)."""
        info = self.store.article_info(article_id)
        if info is None:
            return []
        original = info.copy_of or info.id
        group = [self.store.article_info(original)] + self.store.article_infos(copy_of=original)
        return [g for g in group if g is not None and g.id != article_id]

    def entity(self, key: str) -> EntityInfo | None:
        rows = self.store.entity_rows(key)
        if not rows:
            return None
        names = Counter(name for _, name, _, _ in rows)
        kinds = Counter(kind for _, _, kind, _ in rows)
        variants = sorted({v for *_, vs in rows for v in vs})
        stories = tuple(s for s in (self.store.story_info(sid) for sid, *_ in rows) if s)
        return EntityInfo(key, names.most_common(1)[0][0], kinds.most_common(1)[0][0],
                          tuple(variants), stories)

    def outlets(self) -> list[OutletInfo]:
        """Every outlet with its counts (`size` articles; `articles` left empty)."""
        return [OutletInfo(name, (), claims, sole, size)
                for name, size, claims, sole in self.store.outlet_counts()]

    def outlet(self, name: str) -> OutletInfo | None:
        rows = self.store.outlet_counts(name)
        if not rows:
            return None
        _, size, claims, sole = rows[0]
        return OutletInfo(name, tuple(self.store.article_infos(outlet=name)), claims, sole,
                          size)

    def lists(self) -> Store:
        """The store's read queries behind the web lists (story_page, story_facets,
        entity_page...): pages, facets and counts from SQL, no brief decoded."""
        return self.store

    # -- feeds ----------------------------------------------------------------------------

    def feed_state(self, url: str) -> dict | None:
        return self.store.feed_state(url)

    def save_feed_state(self, url: str, state: dict) -> None:
        self.store.save_feed_state(url, state)

