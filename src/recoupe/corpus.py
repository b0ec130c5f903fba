"""The corpus: a store of annotated articles grouped into stories, and what one reads from it.

In: a database path (`Corpus(path)`; read-only with `read_only=True`) and, to grow it, input
specs or RawDocs. Out: `add(...)` an `AddReport` (articles added, already there, problems);
`stories(query)` the stories as `StoryInfo`, newest first; `brief(story_id)` the story's
`Brief` (computed when its articles changed and kept, so reading it runs no NLP model);
`article(id)`, `entity(key)`, `outlet(name)` what the web pages show.

This module wires the stages for a growing corpus (as pipeline.py does for one batch): new
articles are cleaned and annotated once, stored with their annotations, linked to the copies
they are of, grouped into stories as they arrive, and the briefs of the stories they changed
are rebuilt from stored annotations. SQL stays in store.py.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .group.copies import find_copies
from .group.stories import StoryFeatures, StoryGrouper, arrival_order, features
from .model import (
    AnnotatedArticle,
    ArticleInfo,
    Brief,
    EntityInfo,
    InputProblem,
    OutletInfo,
    RawDoc,
    Story,
    StoryInfo,
)
from .pipeline import (
    ANALYSIS_VERSION,
    BRIEF_VERSION,
    Progress,
    clean_docs,
    cross_check_story,
    process,
)
from .read import read_inputs
from .store import Store, StoreError, content_hash
from .text import entity_key


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
                 read_only: bool = False):
        self.config = config or Config()
        self.read_only = read_only
        self.store = Store(path, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- growing it ---------------------------------------------------------------------

    def add(self, inputs: Sequence[str] = (), docs: Sequence[RawDoc] = (), *,
            progress: Progress | None = None, worker=None, stdin=None) -> AddReport:
        """Inputs (paths, URLs, feeds, "-") and RawDocs -> stored, grouped articles.

        Each document is cleaned; one already stored (same content, same outlet) is skipped
        before the NLP model sees it; the others are annotated, then stored, grouped into
        stories and linked to their copies, and the briefs of the stories they changed are
        rebuilt, all in one transaction (a second `add` at the same moment waits for it)."""
        self._writable()
        raws: list[RawDoc] = list(docs)
        problems: list[InputProblem] = []
        for item in read_inputs(inputs, self.config.read, stdin=stdin) if inputs else ():
            (problems if isinstance(item, InputProblem) else raws).append(item)
        pairs, failed = clean_docs(raws, self.config)
        problems.extend(failed)
        known, fresh, seen = [], [], set()
        for raw, article in pairs:
            key = (content_hash(article), article.outlet)
            stored = self.store.id_of(article)
            if stored is not None or key in seen:
                known.append(stored or article.id)
            else:
                seen.add(key)
                fresh.append((raw, article))
        annotated, failed = (process([a for _, a in fresh], self.config, progress, worker)
                             if fresh else ([], []))
        problems.extend(failed)
        raw_of = {a.id: r for r, a in fresh}
        added: dict[str, StoryFeatures] = {}  # stored id -> features
        with self.store.writing():
            for a in annotated:
                f = features(a)
                is_new = self.store.add(a, ANALYSIS_VERSION, raw=_raw_json(raw_of[a.article.id]),
                                        features=_features_json(f))
                stored_id = self.store.id_of(a.article) or a.article.id
                if is_new:
                    added[stored_id] = dataclasses.replace(f, article=stored_id)
                else:
                    known.append(stored_id)
            changed = self._group(added)
            for story_id in sorted(changed):
                self._rebuild(story_id)
        return AddReport(tuple(added), tuple(known), tuple(problems), tuple(sorted(changed)))

    def reindex(self, progress: Progress | None = None, worker=None) -> tuple[int, int]:
        """Recompute what older code made: articles whose analysis is of another version
        (cleaned and annotated again from their kept raw text), then the briefs of their
        stories and of stories made by another version of the cross-check. Stories keep their
        articles. -> (articles recomputed, stories rebuilt)."""
        self._writable()
        stale = self.store.stale(ANALYSIS_VERSION)
        docs = {}
        for article_id in stale:
            raw = self.store.raw(article_id)
            if raw is not None:
                docs[article_id] = _raw_doc(raw)
        annotated, _ = (process(list(docs.values()), self.config, progress, worker)
                        if docs else ([], []))
        by_source = {d.id: sid for sid, d in docs.items()}
        stories = set(self.store.stale_stories(BRIEF_VERSION))
        with self.store.writing():
            for a in annotated:
                article_id = by_source.get(a.article.id, a.article.id)
                f = features(a)
                self.store.replace_analysis(article_id, a, ANALYSIS_VERSION, _features_json(f))
                info = self.store.article_info(article_id)
                if info and info.story:
                    stories.add(info.story)
            for story_id in sorted(stories):
                self._rebuild(story_id)
        return len(annotated), len(stories)

    def _group(self, added: dict[str, StoryFeatures]) -> set[str]:
        """Put newly stored articles in stories: the grouper is rebuilt from the stored
        articles' features and stories, then takes the new ones (and any stored article left
        without a story)."""
        grouper = StoryGrouper(self.config.group)
        fresh = list(added.values())
        for article_id, story, data in self.store.grouping():
            if data is None or article_id in added:
                continue
            if story is None:
                fresh.append(_features_from_json(article_id, data))
            else:
                grouper.place(_features_from_json(article_id, data), story)
        changed = set()
        for f in arrival_order(fresh):
            story = grouper.add(f)
            self.store.assign(f.article, story)
            changed.add(story)
        return changed

    def _rebuild(self, story_id: str) -> None:
        """A story's copies, brief, listing, entities and outlets, from its stored articles."""
        members = self.store.members(story_id)
        if not members:
            self.store.drop_story(story_id)
            return
        copy_of = _copies(members, self.config.group.copy_threshold)
        for a in members:
            self.store.assign(a.article.id, story_id, copy_of.get(a.article.id))
        story = cross_check_story(members, self.config, story_id)
        self.store.put_story(_info(story_id, story, members), story, BRIEF_VERSION,
                             _entity_rows(story), _outlet_rows(story, members))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.store.path}: opened read-only")

    # -- reading it ---------------------------------------------------------------------

    def stories(self, query: str | None = None, limit: int | None = None) -> list[StoryInfo]:
        """Stories, newest first; with `query` (full-text search), those holding a match."""
        return self.store.stories(query, limit)

    def story(self, story_id: str) -> StoryInfo | None:
        return self.store.story_info(story_id)

    def brief(self, story_id: str) -> Brief | None:
        """A stored story's Brief; no NLP model runs. A brief made by an older cross-check
        is recomputed from the stored annotations (and kept, unless read-only)."""
        members = self.store.members(story_id)
        if not members:
            return None
        story, version = self.store.story_brief(story_id)
        if story is None or version != BRIEF_VERSION:
            story = cross_check_story(members, self.config, story_id)
            if not self.read_only:
                with self.store.writing():
                    self.store.put_story(_info(story_id, story, members), story,
                                         BRIEF_VERSION, _entity_rows(story),
                                         _outlet_rows(story, members))
        return Brief(articles=tuple(a.article for a in members), stories=(story,))

    def stored_story(self, story_id: str) -> Story | None:
        """A story's stored cross-check alone, without loading its articles (what a web page
        of a long story needs); None when there is none of this cross-check's version (then
        `brief` recomputes it)."""
        story, version = self.store.story_brief(story_id)
        return story if story is not None and version == BRIEF_VERSION else None

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

    # -- feeds ----------------------------------------------------------------------------

    def feed_state(self, url: str) -> dict | None:
        return self.store.feed_state(url)

    def save_feed_state(self, url: str, state: dict) -> None:
        self.store.save_feed_state(url, state)


def _copies(members: Sequence[AnnotatedArticle], threshold: float) -> dict[str, str]:
    """Article id -> the id of the earliest article of its near-copy group (members are
    oldest first), for every article that is a copy of an earlier one."""
    order = {a.article.id: n for n, a in enumerate(members)}
    copy_of = {}
    for g in find_copies([a.article for a in members], threshold=threshold):
        ids = sorted(g.articles, key=order.__getitem__)
        copy_of.update({i: ids[0] for i in ids[1:]})
    return copy_of


def _info(story_id: str, story, members: Sequence[AnnotatedArticle]) -> StoryInfo:
    days = sorted(a.article.published[:10] for a in members if a.article.published)
    outlets = sorted({a.article.outlet for a in members if a.article.outlet})
    first, last = (days[0], days[-1]) if days else (story.when, story.when)
    return StoryInfo(story_id, story.title, story.when, story.where,
                     tuple(a.article.id for a in members), tuple(outlets), first, last)


def _entity_rows(story) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(entity_key(e.name), e.name, e.type, tuple(e.variants)) for e in story.entities]


def _outlet_rows(story, members: Sequence[AnnotatedArticle]) -> list[tuple[str, int, int]]:
    """(outlet, claims it carries, claims only it carries) for the story's outlets."""
    outlet_of = {a.article.id: a.article.outlet for a in members if a.article.outlet}
    carried: Counter[str] = Counter()
    sole: Counter[str] = Counter()
    for claim in story.claims:
        outlets = {outlet_of[i] for i in claim.articles if i in outlet_of}
        carried.update(outlets)
        if len(outlets) == 1:
            sole.update(outlets)
    return [(o, carried[o], sole[o]) for o in sorted(set(outlet_of.values()))]


def _features_json(f: StoryFeatures) -> str:
    return json.dumps({"day": f.day, "refs": list(f.refs), "terms": [list(t) for t in f.terms]},
                      ensure_ascii=False, separators=(",", ":"))


def _features_from_json(article_id: str, data: str) -> StoryFeatures:
    d = json.loads(data)
    return StoryFeatures(article_id, d["day"], tuple(d["refs"]),
                         tuple((t, w) for t, w in d["terms"]))


def _raw_json(raw: RawDoc) -> str:
    return json.dumps(dataclasses.asdict(raw), ensure_ascii=False)


def _raw_doc(data: str) -> RawDoc:
    known = {f.name for f in dataclasses.fields(RawDoc)}
    return RawDoc(**{k: v for k, v in json.loads(data).items() if k in known})
