"""The one place that wires the stages together, for a batch and for the growing corpus.

In: input specs (paths, folders, URLs, "-") or RawDocs, a Config, and optionally a progress
callback and a model worker started early.
Out, for a batch: `brief(inputs)` -> a `Brief` holding the cleaned articles, the stories they
form, and one `InputProblem` per input that could not be used (the rest goes on without it).
Out, for the corpus (corpus.py keeps the database side and calls these three):
  `ingest`  inputs -> the new articles, annotated, with their raw input and grouping features
            (what is already stored is skipped before the model sees it);
  `place`   the stored grouping and the new articles' features -> the story of each new one;
  `rebuild` a story's stored articles -> its copies, cross-checked Story, listing, entity and
            outlet rows.

Stage order (what each needs -> what it adds; declared field by field in stages.py, whose
check runs once at import):
  read      input spec            -> RawDoc            (read/)
  clean     RawDoc                -> Article           (clean/)
  annotate  Article               -> AnnotatedArticle  (annotate/: language, sentences, NER)
  features  AnnotatedArticle      -> StoryFeatures     (group/stories.py)
  group     StoryFeatures[]       -> story per article (group/stories.py)
  copies    Article[] of a story  -> CopyGroup[]       (group/copies.py), found once per story
  entities  AnnotatedArticle[]    -> Entity[]          (crosscheck/canon.py), per story
  story     AnnotatedArticle[], Entity[], CopyGroup[] -> Story (crosscheck/story.py)

ANALYSIS_VERSION names the output of clean + annotate and BRIEF_VERSION that of the
cross-article stages: bump one when its stages' output changes, and `recoupe reindex`
recomputes what a stored corpus holds from older code.
Per-article stages (clean, annotate) run in worker processes for large batches; the
cross-article stages run once, in this process, on plain values.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from . import codec, stages  # noqa: F401 - stages: the declared order, checked once at import
from .config import Config
from .crosscheck import gazetteer
from .errors import InputError
from .group.copies import CopyGroup, find_copies
from .group.stories import GroupLookup, StoryGrouper, features, group
from .model import (
    AnnotatedArticle,
    Article,
    Brief,
    GroupDelta,
    InputProblem,
    RawDoc,
    Story,
    StoryFeatures,
    StoryInfo,
)
from .text import content_hash, entity_key, fold

# The stages' modules (annotate, clean, read, the cross-check) are imported where they run:
# they bring numpy, wordfreq, httpx... (about a second), which the commands that only read
# the corpus (stories, serve, export) never need (issue 12).
if TYPE_CHECKING:
    from .annotate.worker import ModelWorker

Progress = Callable[[int, int], None]  # (articles done, articles in all)

# 2: dates keep their unresolved PartialDate; 3: recoupe's sentence boundaries, quotes read
# from the spaCy Doc, sentence vectors; 4: a role is never tied to a name in quotes, a
# former holder or a rival organisation; 5: a headline's topic is no speaker, a pronoun no
# relay, an opening participle no antecedent, a speaker ends before where and when he
# spoke, and grouping keeps the days named as starts (`StoryFeatures.since`); 6: a relay is
# never the speaker again nor a criterion, a wish, a restriction, a name or a charge in
# quote marks is no quote, a closing incise names the speaker, "il" / "elle" agree with
# a name's given name; 7: an inverted incise reports a clause with a finite verb only, a
# relay is never named in a relative clause nor by a verb that reports no clause; 8: a
# pronoun of a main clause takes up a person named in the sentence just before.
ANALYSIS_VERSION = "8"
BRIEF_VERSION = "10"  # 2: claims by meaning, statements across wordings, values compared;
# 3: numbers compared as values in any typography, summary sentences that stand alone;
# 4: claims joined by shared main predications (anchors), summary chosen by the leads;
# 5: anchors on asserted embedded predications and denials, summary from the top of each
# article with no claim said twice; 6: no question is a claim, opposed acts never share a
# claim, a lone verb is no entity, the story's day is never a text's name, a start or a
# day named once, the summary's gain is per word spent; 7: the timeline leaves out text
# names, days ahead and forecasts, the story's place is where things happen, the summary
# is chosen as a set within its words, entities link acronyms to their names and unglue
# people from the names before them; 8: sentences naming other years, or quoting someone
# saying other things, share no claim, and a quoting sentence meets a narration that tells
# its quote in other words, a claim's text reads alone; 9: a quote in another's words less a
# filler is no wording difference, periods, family sizes and days of one event compared, a
# short role is the one person named with its fuller form, one role one label; 10: a
# claim's text is the member most alike to the others, a main verb hung on a misread root
# is read


def read(inputs: Sequence[str], config: Config, stdin: BinaryIO | None = None
         ) -> tuple[list[RawDoc], list[InputProblem]]:
    """Input specs -> (RawDocs, problems), in input order."""
    from .read import read_inputs

    raws: list[RawDoc] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, config.read, stdin=stdin) if inputs else ():
        (problems if isinstance(item, InputProblem) else raws).append(item)
    return raws, problems


def brief(inputs: Sequence[str], config: Config | None = None,
          progress: Progress | None = None, stdin: BinaryIO | None = None,
          worker: ModelWorker | None = None) -> Brief:
    """Input specs -> Brief: read, clean, annotate, then cross-check the articles as a story.
    `worker`: a model worker the caller started early (see annotate/worker.py)."""
    config = config or Config()
    raws, problems = read(inputs, config, stdin)
    annotated, failed = process(raws, config, progress, worker)
    problems.extend(failed)
    return cross_check(annotated, config, problems)


def cross_check(annotated: Sequence[AnnotatedArticle], config: Config,
                problems: Iterable[InputProblem] = ()) -> Brief:
    """AnnotatedArticles -> Brief: the articles grouped into stories, each cross-checked;
    no NLP model. The most-covered story comes first (most articles; between equals, the
    one whose first article comes first in the input): a brief leads with its main story,
    not with whichever stray article was read first."""
    story_of = group(annotated, config.group)
    members: dict[str, list[AnnotatedArticle]] = {}
    for a in annotated:
        members.setdefault(story_of[a.article.id], []).append(a)
    ordered = sorted(members.values(), key=len, reverse=True)  # stable: input order in ties
    stories = tuple(cross_check_story(m, config) for m in ordered)
    return Brief(articles=tuple(a.article for a in annotated), stories=stories,
                 problems=tuple(problems))


def cross_check_story(annotated: Sequence[AnnotatedArticle], config: Config,
                      story_id: str | None = None,
                      copies: Sequence[CopyGroup] | None = None) -> Story:
    """The articles of one story -> its Story (entities, quotes, claims, timeline...).
    `copies`: its near-copy groups, if the caller has found them already."""
    from .crosscheck.canon import merge_entities
    from .crosscheck.story import build_story

    if copies is None:
        copies = find_copies([a.article for a in annotated],
                             threshold=config.group.copy_threshold)
    entities = merge_entities(annotated, config.entities)
    story = build_story(annotated, entities, copies, config.crosscheck.summary_sentences)
    return dataclasses.replace(story, id=story_id) if story_id else story


# -- the growing corpus: ingest, place, rebuild ------------------------------------------------


@dataclass(frozen=True)
class NewArticle:
    """One article `ingest` found new: its raw input (JSON, kept so that `reindex` can clean
    it again), its annotations and its grouping features."""

    raw: str
    annotated: AnnotatedArticle
    features: StoryFeatures


@dataclass(frozen=True)
class Ingested:
    new: tuple[NewArticle, ...]
    known: tuple[str, ...]  # stored ids of inputs that were already stored
    problems: tuple[InputProblem, ...]


@dataclass(frozen=True)
class Rebuilt:
    """What the store keeps of one story after its articles changed."""

    info: StoryInfo
    story: Story
    copy_of: dict[str, str]  # article id -> the earliest article of its near-copy group
    entities: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # (key, name, type, variants)
    outlets: tuple[tuple[str, int, int], ...]  # (outlet, claims carried, claims only it carries)


def ingest(inputs: Sequence[str], docs: Sequence[RawDoc], config: Config,
           stored_id: Callable[[Article], str | None], progress: Progress | None = None,
           worker: ModelWorker | Callable[[], ModelWorker | None] | None = None,
           stdin: BinaryIO | None = None, cluster=None) -> Ingested:
    """Inputs and RawDocs -> the articles to store: each is read and cleaned; one that
    `stored_id` knows (same content, same outlet), or that came twice, is skipped before the
    model sees it; the others are annotated and their grouping features computed.
    `worker` may be a function that starts a model worker: it is called only if something
    is new (re-adding what is stored loads no model). `cluster`: a Dask client that cleans
    and annotates on its workers (cluster.py)."""
    raws, problems = read(inputs, config, stdin)
    raws = list(docs) + raws
    pairs, failed = clean_docs(raws, config)
    problems.extend(failed)
    known: list[str] = []
    fresh: list[tuple[RawDoc, Article]] = []
    seen: set[tuple[str, str]] = set()
    for raw, article in pairs:
        stored = stored_id(article)
        key = (content_hash(article.title, article.text), fold(article.outlet or ""))
        if stored is not None or key in seen:
            known.append(stored or article.id)
        else:
            seen.add(key)
            fresh.append((raw, article))
    if fresh and callable(worker) and cluster is None:  # started only if there is work
        worker = worker()
    elif callable(worker):
        worker = None
    annotated, failed = (process([a for _, a in fresh], config, progress, worker, cluster)
                         if fresh else ([], []))
    problems.extend(failed)
    raw_of = {a.id: r for r, a in fresh}
    new = tuple(NewArticle(codec.dumps(raw_of[a.article.id]), a, features(a))
                for a in annotated)
    return Ingested(new, tuple(known), tuple(problems))


def reanalyse(raws: dict[str, str], config: Config, progress: Progress | None = None,
              worker: ModelWorker | None = None
              ) -> list[tuple[str, AnnotatedArticle, StoryFeatures]]:
    """Stored raw inputs (article id -> the JSON `ingest` kept) -> (id, annotations,
    features) made again by this version of clean and annotate."""
    docs = {article_id: raw_doc(data) for article_id, data in raws.items()}
    annotated, _ = process(list(docs.values()), config, progress, worker) if docs else ([], [])
    by_source = {d.id: article_id for article_id, d in docs.items()}
    return [(by_source.get(a.article.id, a.article.id), a, features(a)) for a in annotated]


def raw_doc(data: str) -> RawDoc:
    """The raw input `ingest` kept (JSON) -> the RawDoc; also reads the older plain layout."""
    value = codec.loads(data)
    if isinstance(value, RawDoc):
        return value
    known = {f.name for f in dataclasses.fields(RawDoc)}
    return RawDoc(**{k: v for k, v in value.items() if k in known})


def place(new: Sequence[StoryFeatures], config: Config, lookup: GroupLookup | None = None,
          stored: Iterable[tuple[str, str | None, str | None]] = ()
          ) -> tuple[dict[str, str], GroupDelta]:
    """New articles' features -> ({article id: story id}, what the grouper state gained).

    With `lookup` (a stored grouper state), only the stories the new articles' terms and days
    lead to are read. Without, the state is rebuilt from `stored` rows (article id, story id,
    features JSON) first, and the delta holds the whole state; a stored article left without
    a story is placed too."""
    grouper = StoryGrouper(config.group, lookup)
    fresh = list(new)
    ids = {f.article for f in fresh}
    for article_id, story, data in stored:
        if data is None or article_id in ids:
            continue
        f = stored_features(article_id, data)
        if story is None:
            fresh.append(f)
        else:
            grouper.place(f, story)
    assigned = grouper.add_all(fresh)
    return assigned, grouper.delta()


def stored_features(article_id: str, data: str) -> StoryFeatures:
    """Grouping features as stored (JSON) -> StoryFeatures; also reads the older layout."""
    value = codec.loads(data)
    if isinstance(value, StoryFeatures):
        return dataclasses.replace(value, article=article_id)
    return StoryFeatures(article_id, value["day"], tuple(value["refs"]),
                         tuple(tuple(t) for t in value["terms"]))


def rebuild(story_id: str, members: Sequence[AnnotatedArticle], config: Config) -> Rebuilt:
    """A story's articles (oldest first) -> its copies, found once with the configured
    threshold and passed to the cross-check, its Story, listing, entities and outlets."""
    groups = find_copies([a.article for a in members], threshold=config.group.copy_threshold)
    order = {a.article.id: n for n, a in enumerate(members)}
    copy_of: dict[str, str] = {}
    for g in groups:
        ids = sorted(g.articles, key=order.__getitem__)
        copy_of.update({i: ids[0] for i in ids[1:]})
    story = cross_check_story(members, config, story_id, copies=groups)
    return Rebuilt(_story_info(story_id, story, members), story, copy_of,
                   tuple((entity_key(e.name), e.name, e.type, tuple(e.variants))
                         for e in story.entities),
                   _outlet_rows(story, members))


def _story_info(story_id: str, story: Story, members: Sequence[AnnotatedArticle]) -> StoryInfo:
    days = sorted(a.article.published[:10] for a in members if a.article.published)
    outlets = sorted({a.article.outlet for a in members if a.article.outlet})
    first, last = (days[0], days[-1]) if days else (story.when, story.when)
    return StoryInfo(story_id, story.title, story.when, story.where,
                     tuple(a.article.id for a in members), tuple(outlets), first, last)


def _outlet_rows(story: Story, members: Sequence[AnnotatedArticle]
                 ) -> tuple[tuple[str, int, int], ...]:
    """(outlet, claims it carries, claims only it carries) for the story's outlets."""
    outlet_of = {a.article.id: a.article.outlet for a in members if a.article.outlet}
    carried: Counter[str] = Counter()
    sole: Counter[str] = Counter()
    for claim in story.claims:
        outlets = {outlet_of[i] for i in claim.articles if i in outlet_of}
        carried.update(outlets)
        if len(outlets) == 1:
            sole.update(outlets)
    return tuple((o, carried[o], sole[o]) for o in sorted(set(outlet_of.values())))


def clean_docs(raws: Sequence[RawDoc], config: Config
               ) -> tuple[list[tuple[RawDoc, Article]], list[InputProblem]]:
    """RawDocs -> ((raw, cleaned Article) pairs, problems), in input order."""
    cleaned, slots = _clean_all(raws, config)
    it = iter(cleaned)
    pairs = [(raw, next(it)) for raw, slot in zip(raws, slots, strict=True) if slot is None]
    return pairs, [slot for slot in slots if slot is not None]


def process(raws: Sequence[RawDoc | Article], config: Config, progress: Progress | None = None,
            worker: ModelWorker | None = None, cluster=None
            ) -> tuple[list[AnnotatedArticle], list[InputProblem]]:
    """RawDocs -> (AnnotatedArticles in input order, problems): the per-article stages.
    Articles already cleaned are only annotated. `worker`, a model worker started earlier,
    annotates small batches if given; `cluster`, a Dask client (cluster.py), runs every
    chunk on its workers instead of this machine's processes."""
    from .annotate.nlp import load as load_model

    batch = max(1, config.annotate.batch_size)
    chunks = [raws[i:i + batch] for i in range(0, len(raws), batch)]
    workers = config.annotate.processes or os.cpu_count() or 1
    done = 0
    results: list[AnnotatedArticle | InputProblem] = []
    if progress:
        progress(0, len(raws))
    if cluster is not None and raws:
        from .cluster import process_on

        if worker is not None:
            worker.close()
        results = process_on(cluster, chunks, config, _process_chunk, progress)
    elif workers > 1 and len(raws) >= config.annotate.parallel_from and len(chunks) > 1:
        if worker is not None:
            worker.close()  # the pool below annotates large batches; free its core now
        # fork: workers start at once and inherit the parent's loaded default model (copy
        # on write) instead of each loading it; another language's model loads in a worker
        # on first use.
        load_model(config.annotate.fallback, config.annotate)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)),
                                 mp_context=context) as pool:
            for out in pool.map(_process_chunk, chunks, [config] * len(chunks)):
                results.extend(out)
                done += len(out)
                if progress:
                    progress(done, len(raws))
    elif workers > 1 and raws:
        results = _process_overlapped(raws, config, worker)
        if progress:
            progress(len(raws), len(raws))
    else:
        for chunk in chunks:
            out = _process_chunk(chunk, config)
            results.extend(out)
            done += len(out)
            if progress:
                progress(done, len(raws))
    annotated = [r for r in results if isinstance(r, AnnotatedArticle)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    return annotated, problems


def _process_overlapped(raws: Sequence[RawDoc], config: Config,
                        worker: ModelWorker | None = None
                        ) -> list[AnnotatedArticle | InputProblem]:
    """A small batch, with the model's load (seconds, for French) overlapped: a worker process
    loads it (started here, or earlier by the command) while this process cleans, detects
    languages and loads the place tables the cross-check needs; then the worker annotates."""
    from .annotate import annotate_each
    from .annotate.language import detect_language
    from .annotate.worker import ModelWorker, WorkerGone

    own = worker is None
    worker = worker or ModelWorker(config.annotate)
    try:
        cleaned, slots = _clean_all(raws, config)
        cleaned = [dataclasses.replace(a, language=a.language or detect_language(a.text))
                   for a in cleaned]
        gazetteer.warm(cleaned[0].language if cleaned else None)
        try:
            annotated = worker.annotate(cleaned, config.annotate)
        except WorkerGone:
            annotated = annotate_each(cleaned, config.annotate)  # do it here instead
    finally:
        if own:
            worker.close()
    it = iter(annotated)
    return [slot if slot is not None else next(it) for slot in slots]


def _clean_all(raws: Sequence[RawDoc], config: Config) -> tuple[list, list]:
    """RawDocs -> (cleaned Articles, one slot per RawDoc: None or its problem)."""
    from .clean import clean

    cleaned = []
    slots: list[AnnotatedArticle | InputProblem | None] = []
    for raw in raws:
        if isinstance(raw, Article):
            cleaned.append(raw)
            slots.append(None)
            continue
        try:
            cleaned.append(clean(raw, config.clean))
            slots.append(None)
        except InputError as e:
            slots.append(InputProblem(e.source, e.message))
        except Exception as e:  # noqa: BLE001 - one odd document must not sink the batch
            slots.append(InputProblem(raw.source,
                                      f"could not be cleaned ({type(e).__name__}: {e})"))
    return cleaned, slots


def _process_chunk(raws: Sequence[RawDoc], config: Config
                   ) -> list[AnnotatedArticle | InputProblem]:
    """Clean then annotate a few documents; a document that fails becomes a problem."""
    from .annotate import annotate_each

    cleaned, slots = _clean_all(raws, config)
    annotated = iter(annotate_each(cleaned, config.annotate))
    return [slot if slot is not None else next(annotated) for slot in slots]
