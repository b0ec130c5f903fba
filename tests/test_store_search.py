"""Searching stories finds every story holding a match, however many, and pages through them."""

from __future__ import annotations

from recoupe.model import AnnotatedArticle, Article, StoryInfo
from recoupe.store import Store


def _fill(store: Store, n: int) -> None:
    with store.writing():
        for k in range(n):
            word = "inondation" if k % 2 == 0 else "sécheresse"
            article = Article(f"a{k}", f"a{k}", f"Un article numéro {k} sur une {word} locale.",
                              title=f"Titre {k}", published=f"2024-01-{k % 28 + 1:02d}")
            store.add(AnnotatedArticle(article, "fr"), "1")
            store.assign(article.id, f"s{k}")
            store.put_story(StoryInfo(f"s{k}", f"Titre {k}", None, None, (article.id,), (),
                                      article.published, article.published), None, "1")


def test_store_search_returns_every_matching_story(tmp_path):
    with Store(tmp_path / "c.db") as store:
        _fill(store, 2400)  # more articles match than any fixed cap of 1,000
        found = store.stories("inondation")
        assert len(found) == 1200
        assert {s.id for s in found} == {f"s{k}" for k in range(0, 2400, 2)}
        # accents folded, and a query that is not valid FTS5 still searches its words
        assert len(store.stories("secheresse")) == 1200
        assert len(store.stories('sécheresse"')) == 1200


def test_store_search_pages_are_stable_and_cover_all(tmp_path):
    with Store(tmp_path / "c.db") as store:
        _fill(store, 90)
        pages = [store.stories("inondation", limit=10, offset=k) for k in range(0, 50, 10)]
        ids = [s.id for page in pages for s in page]
        assert len(ids) == len(set(ids)) == 45
        assert ids == [s.id for s in store.stories("inondation")]
