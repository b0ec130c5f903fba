"""The corpus database end to end: add, stories, briefs without the model, copies, reindex.

Built once from the seeds and the hand-written story fixtures (tests/fixtures/stories), with
the real model; later tests check that reading it never needs the model again.
"""

import dataclasses
import json
from pathlib import Path

import pytest

from recoupe import pipeline as pipeline_module
from recoupe.corpus import Corpus
from recoupe.group.bcubed import bcubed
from recoupe.model import RawDoc
from recoupe.text import entity_key

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "recoupe.db"
    with Corpus(path) as corpus:
        report = corpus.add([str(SEEDS), str(FIXTURES)])
    assert not report.problems and len(report.added) == 22
    return path


def _no_model(monkeypatch):
    """Make any use of the NLP pipeline fail loudly."""
    def refuse(*args, **kwargs):
        raise AssertionError("the NLP model was used")

    monkeypatch.setattr(pipeline_module, "process", refuse)
    monkeypatch.setattr("recoupe.annotate.nlp.load", refuse)


def _story_of(corpus: Corpus) -> dict[str, str]:
    return {aid: s.id for s in corpus.stories() for aid in s.articles}


def test_corpus_seeds_form_one_story_with_nothing_else(db):
    with Corpus(db, read_only=True) as corpus:
        story_of = _story_of(corpus)
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    seed_stories = {story_of[s] for s in seeds}
    assert len(seed_stories) == 1
    (seed_story,) = seed_stories
    assert {a for a, s in story_of.items() if s == seed_story} == seeds


def test_corpus_grouping_bcubed_on_seeds_and_fixtures(db):
    labels = json.loads((FIXTURES / "labels.json").read_text(encoding="utf-8"))
    gold = {p.stem: "seeds" for p in SEEDS.glob("*.txt")} | labels
    with Corpus(db, read_only=True) as corpus:
        score = bcubed(_story_of(corpus), gold)
    assert score.precision >= 0.95 and score.recall >= 0.9, score


def test_corpus_adding_again_costs_no_annotation(db, monkeypatch):
    _no_model(monkeypatch)
    with Corpus(db) as corpus:
        before = corpus.stories()
        report = corpus.add([str(SEEDS)])
        assert report.added == () and len(report.known) == 5 and report.stories == ()
        assert corpus.stories() == before


def test_corpus_brief_of_a_stored_story_runs_no_model(db, monkeypatch):
    _no_model(monkeypatch)
    with Corpus(db, read_only=True) as corpus:
        sid = _story_of(corpus)[next(SEEDS.glob("*.txt")).stem]
        brief = corpus.brief(sid)
    story = brief.stories[0]
    assert story.id == sid and len(brief.articles) == 5 and story.when == "2023-09-13"
    assert story.claims and story.summary and story.timeline


def test_corpus_stories_listing_search_and_pages(db):
    with Corpus(db, read_only=True) as corpus:
        stories = corpus.stories()
        lasts = [s.last or "" for s in stories]
        assert lasts == sorted(lasts, reverse=True)  # newest first
        found = corpus.stories("Derna")
        assert found and all(any(a.startswith("libye") for a in s.articles) for s in found)
        assert corpus.stories("zzzunknownword") == []
        seed_story = corpus.story(_story_of(corpus)[next(SEEDS.glob("*.txt")).stem])
        person = next(e for e in corpus.brief(seed_story.id).stories[0].entities
                      if e.type == "PER" and len(e.variants) > 1)
        entity = corpus.entity(entity_key(person.name))
        assert entity is not None and seed_story.id in {s.id for s in entity.stories}
        assert set(person.variants) <= set(entity.variants)
        assert corpus.entity("no-such-entity") is None and corpus.story("nope") is None


def test_corpus_follow_up_joins_and_near_misses_stay_apart(db):
    with Corpus(db, read_only=True) as corpus:
        story_of = _story_of(corpus)
    labels = json.loads((FIXTURES / "labels.json").read_text(encoding="utf-8"))
    by_label: dict[str, set[str]] = {}
    for aid, label in labels.items():
        by_label.setdefault(label, set()).add(story_of[aid])
    assert all(len(stories) == 1 for stories in by_label.values()), by_label
    assert len({next(iter(s)) for s in by_label.values()}) == len(by_label)


def test_corpus_copies_are_linked_and_count_once(tmp_path):
    text = ("Le conseil municipal de Pontarlier a voté mardi la rénovation complète de la "
            "piscine des Capucins, fermée depuis deux ans, pour un coût de 4,2 millions "
            "d'euros. La maire, Hélène Vautrin, a promis une réouverture à l'été 2026. "
            "L'opposition a dénoncé un budget sous-estimé et réclamé un audit indépendant. "
            "Les travaux doivent commencer en janvier, a précisé la mairie.")
    docs = [RawDoc(f"p{n}", f"p{n}", text, title="Pontarlier rénove sa piscine",
                   published="2025-03-04", outlet=outlet)
            for n, outlet in enumerate(["L'Est Quotidien", "Radio Doubs"], 1)]
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.add(docs=docs)
        assert len(report.added) == 2  # one text, two outlets: two articles
        assert corpus.article_info("p2").copy_of == "p1"
        assert [c.id for c in corpus.copies("p2")] == ["p1"]
        assert [c.id for c in corpus.copies("p1")] == ["p2"]
        claims = corpus.brief(corpus.article_info("p1").story).stories[0].claims
        assert claims and all(c.support == 2 and c.independent_support == 1 for c in claims)
        outlet = corpus.outlet("Radio Doubs")
        assert [a.id for a in outlet.articles] == ["p2"] and outlet.sole_source == 0


def test_corpus_reindex_recomputes_stale_articles_and_keeps_stories(tmp_path, monkeypatch):
    doc = RawDoc("r1", "r1", "La préfecture de la Lozère a fermé trois routes après des "
                 "chutes de neige abondantes, a indiqué le préfet Marc Ollier lundi.",
                 title="Neige en Lozère", published="2025-01-13")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(docs=[doc])
        story = corpus.article_info("r1").story
        assert corpus.reindex() == (0, 0)  # nothing stale
        monkeypatch.setattr(pipeline_module, "ANALYSIS_VERSION", "next")
        monkeypatch.setattr(pipeline_module, "BRIEF_VERSION", "next")
        assert corpus.reindex() == (1, 1)
        assert corpus.store.stale("next") == [] and corpus.article_info("r1").story == story
        assert corpus.brief(story).articles[0].text.startswith("La préfecture")


def test_corpus_feed_state_round_trip(tmp_path):
    state = {"url": "http://127.0.0.1:1/feed", "etag": '"x"', "seen": ["a", "b"]}
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.feed_state(state["url"]) is None
        corpus.save_feed_state(state["url"], state)
    with Corpus(tmp_path / "c.db", read_only=True) as corpus:
        assert corpus.feed_state(state["url"]) == state


def test_corpus_read_only_refuses_to_add(tmp_path):
    from recoupe.store import StoreError

    with pytest.raises(StoreError, match="no such database"):
        Corpus(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()
    Corpus(tmp_path / "c.db").close()
    with Corpus(tmp_path / "c.db", read_only=True) as corpus, pytest.raises(StoreError):
        corpus.add(docs=[RawDoc("x", "x", "Un texte.")])


def test_corpus_story_info_fields_are_plain(db):
    with Corpus(db, read_only=True) as corpus:
        info = corpus.stories(limit=1)[0]
    d = dataclasses.asdict(info)
    assert {"id", "title", "when", "articles"} <= set(d) and isinstance(d["articles"], tuple)
