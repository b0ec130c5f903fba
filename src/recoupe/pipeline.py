"""The one place that wires the stages together: inputs -> Brief.

In: input specs (paths, folders, URLs, "-"), a Config, and optionally a progress callback.
Out: a `Brief` holding the cleaned articles, the story they form, and one `InputProblem` per
input that could not be used (the rest of the batch goes on without it).

Stage order (what each needs -> what it adds):
  read      input spec            -> RawDoc            (read/)
  clean     RawDoc                -> Article           (clean/)
  annotate  Article               -> AnnotatedArticle  (annotate/: language, sentences, NER)
  group     AnnotatedArticle[]    -> story per article (group/stories.py)
  entities  AnnotatedArticle[]    -> Entity[]          (crosscheck/canon.py), per story
  story     AnnotatedArticle[], Entity[] -> Story      (crosscheck/story.py), per story
The corpus database (corpus.py) runs the same stages on articles as they arrive.

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
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import BinaryIO

from .annotate import annotate_each
from .annotate.language import detect_language
from .annotate.nlp import load as load_model
from .annotate.worker import ModelWorker, WorkerGone
from .clean import clean
from .config import Config
from .crosscheck import gazetteer
from .crosscheck.canon import merge_entities
from .crosscheck.story import build_story
from .errors import InputError
from .group.stories import group
from .model import AnnotatedArticle, Article, Brief, InputProblem, RawDoc, Story
from .read import read_inputs

Progress = Callable[[int, int], None]  # (articles done, articles in all)

ANALYSIS_VERSION = "1"
BRIEF_VERSION = "1"


def brief(inputs: Sequence[str], config: Config | None = None,
          progress: Progress | None = None, stdin: BinaryIO | None = None,
          worker: ModelWorker | None = None) -> Brief:
    """Input specs -> Brief: read, clean, annotate, then cross-check the articles as a story.
    `worker`: a model worker the caller started early (see annotate/worker.py)."""
    config = config or Config()
    raws: list[RawDoc] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, config.read, stdin=stdin):
        (problems if isinstance(item, InputProblem) else raws).append(item)
    annotated, failed = process(raws, config, progress, worker)
    problems.extend(failed)
    return cross_check(annotated, config, problems)


def cross_check(annotated: Sequence[AnnotatedArticle], config: Config,
                problems: Iterable[InputProblem] = ()) -> Brief:
    """AnnotatedArticles -> Brief: the articles grouped into stories, each cross-checked;
    no NLP model. Stories come in the order of their first article in the input."""
    story_of = group(annotated, config.group)
    members: dict[str, list[AnnotatedArticle]] = {}
    for a in annotated:
        members.setdefault(story_of[a.article.id], []).append(a)
    stories = tuple(cross_check_story(m, config) for m in members.values())
    return Brief(articles=tuple(a.article for a in annotated), stories=stories,
                 problems=tuple(problems))


def cross_check_story(annotated: Sequence[AnnotatedArticle], config: Config,
                      story_id: str | None = None) -> Story:
    """The articles of one story -> its Story (entities, quotes, claims, timeline...)."""
    entities = merge_entities(annotated, config.entities)
    story = build_story(annotated, entities, config.crosscheck.summary_sentences)
    return dataclasses.replace(story, id=story_id) if story_id else story


def clean_docs(raws: Sequence[RawDoc], config: Config
               ) -> tuple[list[tuple[RawDoc, Article]], list[InputProblem]]:
    """RawDocs -> ((raw, cleaned Article) pairs, problems), in input order."""
    cleaned, slots = _clean_all(raws, config)
    it = iter(cleaned)
    pairs = [(raw, next(it)) for raw, slot in zip(raws, slots, strict=True) if slot is None]
    return pairs, [slot for slot in slots if slot is not None]


def process(raws: Sequence[RawDoc | Article], config: Config, progress: Progress | None = None,
            worker: ModelWorker | None = None
            ) -> tuple[list[AnnotatedArticle], list[InputProblem]]:
    """RawDocs -> (AnnotatedArticles in input order, problems): the per-article stages.
    Articles already cleaned are only annotated. `worker`, a model worker started earlier,
    annotates small batches if given."""
    batch = max(1, config.annotate.batch_size)
    chunks = [raws[i:i + batch] for i in range(0, len(raws), batch)]
    workers = config.annotate.processes or os.cpu_count() or 1
    done = 0
    results: list[AnnotatedArticle | InputProblem] = []
    if progress:
        progress(0, len(raws))
    if workers > 1 and len(raws) >= config.annotate.parallel_from and len(chunks) > 1:
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
    cleaned, slots = _clean_all(raws, config)
    annotated = iter(annotate_each(cleaned, config.annotate))
    return [slot if slot is not None else next(annotated) for slot in slots]
