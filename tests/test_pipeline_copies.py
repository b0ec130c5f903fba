"""Copies are found once per story, with the configured threshold, and the cross-check counts
what the store links: `group.copy_threshold` moves `copy_of` and `independent_support` alike."""

from __future__ import annotations

import dataclasses

import pytest

from recoupe import pipeline
from recoupe.config import Config
from recoupe.model import RawDoc

_FIRST = ("Le conseil municipal de Morteau a voté jeudi la rénovation de la halle aux grains, "
          "fermée depuis trois ans, pour un coût de deux millions d'euros. Le maire, Paul "
          "Girardot, a promis une réouverture au printemps. L'opposition a réclamé un audit. "
          "Les travaux doivent commencer en mars, a précisé la mairie.")
# The same text lightly edited: a sentence added at the end (a copy at about 0.8 Jaccard).
_SECOND = _FIRST + " Une réunion publique est prévue le mois prochain à la salle des fêtes."


@pytest.fixture(scope="module")
def members():
    docs = [RawDoc(f"m{n}", f"m{n}", text, title="Morteau rénove sa halle",
                   published="2025-05-0{n}".format(n=n), outlet=outlet)
            for n, (text, outlet) in enumerate([(_FIRST, "Le Journal du Haut-Doubs"),
                                                (_SECOND, "Radio Saugeais")], 1)]
    annotated, problems = pipeline.process(docs, Config())
    assert not problems
    return annotated


def _with_threshold(value: float) -> Config:
    config = Config()
    return dataclasses.replace(config, group=dataclasses.replace(config.group,
                                                                 copy_threshold=value))


def test_pipeline_copy_threshold_moves_links_and_support_together(members):
    loose = pipeline.rebuild("s1", members, _with_threshold(0.5))
    assert loose.copy_of == {"m2": "m1"}
    shared = [c for c in loose.story.claims if c.support == 2]
    assert shared and all(c.independent_support == 1 for c in shared)

    strict = pipeline.rebuild("s1", members, _with_threshold(0.99))
    assert strict.copy_of == {}


def test_pipeline_finds_copies_once_with_the_configured_threshold(members, monkeypatch):
    calls = []
    real = pipeline.find_copies

    def spy(articles, threshold):
        calls.append(threshold)
        return real(articles, threshold=threshold)

    monkeypatch.setattr(pipeline, "find_copies", spy)
    pipeline.rebuild("s1", members, _with_threshold(0.7))
    assert calls == [0.7]  # the links and the cross-check share one search
    pipeline.cross_check(members, _with_threshold(0.8))
    assert calls == [0.7, 0.8]


def test_pipeline_brief_leads_with_the_most_covered_story(monkeypatch):
    """Stories come by their number of articles, then by their first article's input order."""
    from recoupe.model import AnnotatedArticle, Article

    ids = ["stray", "a1", "b1", "a2", "b2", "a3", "lone"]
    story = {"stray": "x", "a1": "a", "a2": "a", "a3": "a", "b1": "b", "b2": "b", "lone": "y"}
    annotated = [AnnotatedArticle(Article(id=i, source=i, text="Texte."), "fr", ()) for i in ids]
    monkeypatch.setattr(pipeline, "group", lambda arts, config: story)
    monkeypatch.setattr(pipeline, "cross_check_story",
                        lambda members, config: tuple(a.article.id for a in members))
    brief = pipeline.cross_check(annotated, Config())
    assert brief.stories == (("a1", "a2", "a3"), ("b1", "b2"), ("stray",), ("lone",))
