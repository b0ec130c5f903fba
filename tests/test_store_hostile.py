"""The store against text that UTF-8 cannot carry (a lone surrogate).

The readers show lone surrogates escaped before anything is stored (tests/test_hostile_read.py),
so `recoupe add` never hands one to the store. A library caller that builds its own articles
still can: the store takes them (the id escaped, text columns guarded) rather than fail the
whole transaction.
"""

from __future__ import annotations

from recoupe.model import AnnotatedArticle, Article
from recoupe.store import Store


def test_store_takes_an_article_with_a_lone_surrogate(tmp_path):
    store = Store(tmp_path / "corpus.db")
    article = Article(id="lat\udce9", source="lat\udce9.txt", title="Titre \ud83d",
                      text="Le maire a parlé \ud83d mardi.", outlet="Écho")
    with store.writing():
        assert store.add(AnnotatedArticle(article, "fr"), "v1")
    assert store.get("lat\\xe9") is not None or store.get("lat\udce9") is not None
    store.close()
