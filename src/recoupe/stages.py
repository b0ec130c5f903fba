"""The stages in order, each with the fields it needs and the fields it adds, checked once.

In: nothing at import but the model's dataclasses (for the field names). Out: `STAGES`, the
declared order of the pipeline's stages, and `check(stages)`, the analysis spaCy runs on its
pipes: every field a stage needs must be added by an earlier stage (or given), and every field
named must exist in `model.py`. `validate(stages)` raises `StageOrderError` with one line per
problem; it runs once, on `STAGES`, when this module is imported, so a stage moved before what
it reads fails at start-up, not deep inside a run.

Fields are named "Type.field" after the dataclass that carries them: "Article.text",
"AnnotatedArticle.dates", "Story.timeline". The table is a declaration, kept next to the code
it describes: when a stage starts reading a field, add it to its `needs`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import model

__all__ = ["STAGES", "Stage", "StageOrderError", "check", "validate"]


@dataclass(frozen=True)
class Stage:
    name: str
    needs: frozenset[str]
    adds: frozenset[str]
    per_article: bool = True  # sees one document (else a set of articles)


class StageOrderError(Exception):
    """The declared stages do not fit together; the message has one line per problem."""


def _stage(name: str, needs: str, adds: str, per_article: bool = True) -> Stage:
    """A Stage from "Type.a b c; Type2.d" lists (a shorthand that keeps the table readable)."""
    return Stage(name, _fields(needs), _fields(adds), per_article)


def _fields(spec: str) -> frozenset[str]:
    out = set()
    for group in filter(None, (g.strip() for g in spec.split(";"))):
        kind, _, names = group.partition(".")
        out.update(f"{kind}.{n}" for n in names.split())
    return frozenset(out)


_RAW = "RawDoc.id source content kind title url published outlet language"

STAGES: tuple[Stage, ...] = (
    _stage("read", "", _RAW),
    _stage("clean", _RAW,
           "Article.id source text title url published outlet language removed captions "
           "credits dateline"),
    _stage("annotate", "Article.text language",
           "AnnotatedArticle.article language sentences tokens mentions"),
    _stage("dates", "Article.text published; AnnotatedArticle.language sentences",
           "AnnotatedArticle.dates"),
    _stage("quotes", "Article.id text title; AnnotatedArticle.language sentences tokens "
                     "mentions",
           "AnnotatedArticle.quotes"),
    _stage("group", "Article.id title published language; AnnotatedArticle.tokens mentions "
                    "dates",
           "Story.articles", per_article=False),
    _stage("entities", "Story.articles; Article.id; AnnotatedArticle.language tokens mentions",
           "Story.entities", per_article=False),
    _stage("timeline", "Story.articles entities; Article.published; AnnotatedArticle.sentences "
                       "mentions dates",
           "Story.when where timeline", per_article=False),
    _stage("speakers", "Story.entities; Article.text title; AnnotatedArticle.sentences mentions "
                       "quotes",
           "Story.quotes", per_article=False),
    _stage("claims", "Story.articles quotes; Article.id outlet text removed credits; "
                     "AnnotatedArticle.sentences",
           "Story.claims", per_article=False),
    _stage("statements", "Story.quotes", "Story.statements", per_article=False),
    _stage("discrepancies", "Story.entities quotes statements; Article.id text captions; "
                            "AnnotatedArticle.language sentences",
           "Story.discrepancies", per_article=False),
    _stage("summary", "Story.claims", "Story.summary", per_article=False),
    _stage("story", "Story.articles; Article.title published", "Story.id title",
           per_article=False),
)


def _known() -> frozenset[str]:
    """Every "Type.field" of the model's dataclasses."""
    return frozenset(f"{name}.{f.name}" for name, cls in vars(model).items()
                     if isinstance(cls, type) and dataclasses.is_dataclass(cls)
                     for f in dataclasses.fields(cls))


def check(stages: Sequence[Stage] = STAGES, given: Iterable[str] = ()) -> list[str]:
    """Stages in order -> one line per problem (empty when they fit): a field needed before
    any stage adds it, a field the model does not have, a stage named twice, a per-article
    stage after a cross-article one (cross-article stages never go back to one article's
    analysis)."""
    known = _known()
    problems = []
    names = [s.name for s in stages]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"stage {name!r} is declared twice")
    crossed = None  # the first cross-article stage: per-article ones all come before it
    available = set(given)
    for i, stage in enumerate(stages):
        if stage.per_article and crossed is not None:
            problems.append(f"stage {stage.name!r} works on one article but comes after "
                            f"{crossed!r}, which works on a set of them")
        if not stage.per_article and crossed is None:
            crossed = stage.name
        for field in sorted((stage.needs | stage.adds) - known):
            problems.append(f"stage {stage.name!r} names {field}, which model.py does not have")
        for field in sorted(stage.needs - available):
            later = next((s.name for s in stages[i + 1:] if field in s.adds), None)
            where = (f"added only later, by {later!r}" if later
                     else "added by no stage")
            problems.append(f"stage {stage.name!r} needs {field}, {where}")
        available |= stage.adds
    return problems


def validate(stages: Sequence[Stage] = STAGES, given: Iterable[str] = ()) -> None:
    """`check`, raising StageOrderError when anything does not fit."""
    problems = check(stages, given)
    if problems:
        raise StageOrderError("the stages do not fit together:\n" + "\n".join(problems))


validate()  # once, at import: a wrong order fails at start-up
