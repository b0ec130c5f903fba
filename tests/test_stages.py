"""The stage table: the declared order satisfies every need, and a wrong one is reported."""

import dataclasses

import pytest

from recoupe.stages import STAGES, Stage, StageOrderError, check, validate


def _named(*names):
    by_name = {s.name: s for s in STAGES}
    return [by_name[n] for n in names]


def test_stages_declared_order_fits():
    assert check(STAGES) == []
    validate(STAGES)


def test_stages_each_field_needed_is_added_by_an_earlier_stage():
    added: set[str] = set()
    for stage in STAGES:
        assert stage.needs <= added, stage.name
        added |= stage.adds


@pytest.mark.parametrize("order, problem", [
    (("read", "clean", "dates", "annotate"),
     "stage 'dates' needs AnnotatedArticle.sentences, added only later, by 'annotate'"),
    (("read", "clean", "annotate", "dates", "quotes", "group", "entities", "timeline",
      "statements", "speakers"),
     "stage 'statements' needs Story.quotes, added only later, by 'speakers'"),
    (("clean",), "stage 'clean' needs RawDoc.content, added by no stage"),
    (("read", "clean", "annotate", "group", "dates"),
     "stage 'dates' works on one article but comes after 'group', which works on a set"),
])
def test_stages_wrong_order_is_reported(order, problem):
    problems = check(_named(*order))
    assert any(p.startswith(problem) for p in problems), problems
    with pytest.raises(StageOrderError, match="do not fit together"):
        validate(_named(*order))


def test_stages_given_fields_stand_for_earlier_stages():
    """The corpus starts from stored AnnotatedArticles: the cross-article stages alone fit
    when what annotate added is given."""
    done = set().union(*(s.adds for s in _named("read", "clean", "annotate", "dates",
                                                 "quotes")))
    later = [s for s in STAGES if not s.per_article]
    assert check(later, given=done) == []
    assert check(later) != []


def test_stages_unknown_field_and_twice_named_stage_are_reported():
    typo = Stage("typo", frozenset({"Article.txt"}), frozenset({"Story.timelines"}))
    problems = check([*_named("read", "clean"), typo, _named("read")[0]])
    assert "stage 'typo' names Article.txt, which model.py does not have" in problems
    assert "stage 'typo' names Story.timelines, which model.py does not have" in problems
    assert "stage 'read' is declared twice" in problems


def test_stages_table_is_frozen_values():
    with pytest.raises(dataclasses.FrozenInstanceError):
        STAGES[0].name = "other"  # type: ignore[misc]
