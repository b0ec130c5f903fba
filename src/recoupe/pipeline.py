"""The one place that wires the stages together: inputs -> Brief.

In: input specs (paths, folders, URLs, "-"), a Config, and optionally a progress callback.
Out: a `Brief` holding the cleaned articles, the story they form, and one `InputProblem` per
input that could not be used (the rest of the batch goes on without it).

Stage order (what each needs -> what it adds):
  read      input spec            -> RawDoc            (read/)
  clean     RawDoc                -> Article           (clean/)
  annotate  Article               -> AnnotatedArticle  (annotate/: language, sentences, NER)
  entities  AnnotatedArticle[]    -> Entity[]          (crosscheck/canon.py)
  story     AnnotatedArticle[], Entity[] -> Story      (crosscheck/story.py)
Per-article stages (clean, annotate) run in worker processes for large batches; the
cross-article stages run once, in this process, on plain values.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import BinaryIO

from .annotate import annotate
from .annotate.nlp import load as load_model
from .clean import clean
from .config import Config
from .crosscheck.canon import merge_entities
from .crosscheck.story import build_story
from .errors import InputError
from .model import AnnotatedArticle, Brief, InputProblem, RawDoc
from .read import read_inputs

Progress = Callable[[int, int], None]  # (articles done, articles in all)


def brief(inputs: Sequence[str], config: Config | None = None,
          progress: Progress | None = None, stdin: BinaryIO | None = None) -> Brief:
    """Input specs -> Brief: read, clean, annotate, then cross-check the articles as a story."""
    config = config or Config()
    raws: list[RawDoc] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, config.read, stdin=stdin):
        (problems if isinstance(item, InputProblem) else raws).append(item)
    annotated, failed = process(raws, config, progress)
    problems.extend(failed)
    return cross_check(annotated, config, problems)


def cross_check(annotated: Sequence[AnnotatedArticle], config: Config,
                problems: Iterable[InputProblem] = ()) -> Brief:
    """AnnotatedArticles -> Brief: the cross-article stages, with no NLP model."""
    stories = ()
    if annotated:
        entities = merge_entities(annotated, config.entities)
        stories = (build_story(annotated, entities, config.crosscheck.summary_sentences),)
    return Brief(articles=tuple(a.article for a in annotated), stories=stories,
                 problems=tuple(problems))


def process(raws: Sequence[RawDoc], config: Config, progress: Progress | None = None
            ) -> tuple[list[AnnotatedArticle], list[InputProblem]]:
    """RawDocs -> (AnnotatedArticles in input order, problems): the per-article stages."""
    batch = max(1, config.annotate.batch_size)
    chunks = [raws[i:i + batch] for i in range(0, len(raws), batch)]
    workers = config.annotate.processes or os.cpu_count() or 1
    done = 0
    results: list[AnnotatedArticle | InputProblem] = []
    if progress:
        progress(0, len(raws))
    if workers > 1 and len(raws) >= config.annotate.parallel_from and len(chunks) > 1:
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


def _process_chunk(raws: Sequence[RawDoc], config: Config
                   ) -> list[AnnotatedArticle | InputProblem]:
    """Clean then annotate a few documents; a document that fails becomes a problem."""
    cleaned = []
    slots: list[AnnotatedArticle | InputProblem | None] = []
    for raw in raws:
        try:
            cleaned.append(clean(raw, config.clean))
            slots.append(None)
        except InputError as e:
            slots.append(InputProblem(e.source, e.message))
        except Exception as e:  # noqa: BLE001 - one odd document must not sink the batch
            slots.append(InputProblem(raw.source,
                                      f"could not be cleaned ({type(e).__name__}: {e})"))
    annotated = iter(_annotate_each(cleaned, config))
    return [slot if slot is not None else next(annotated) for slot in slots]


def _annotate_each(cleaned: list, config: Config) -> list[AnnotatedArticle | InputProblem]:
    """Annotate a batch in one model pass; if the pass fails, article by article, so that
    one article the model cannot take becomes a problem and the others go on."""
    try:
        return list(annotate(cleaned, config.annotate))
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    out: list[AnnotatedArticle | InputProblem] = []
    for article in cleaned:
        try:
            out.extend(annotate([article], config.annotate))
        except InputError as e:
            out.append(InputProblem(e.source, e.message))
        except Exception as e:  # noqa: BLE001 - one odd document must not sink the batch
            out.append(InputProblem(article.source, f"could not be annotated ({_first_line(e)})"))
    return out


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
