"""Fixtures of the web tests: corpora (fake, over hand-made and seed briefs) and clients.

`seed_brief` is slow: it runs the pipeline (spaCy model) on ../shared/corpus/seeds, once per
session, and gives its articles outlets (the seed files name none).
"""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from recoupe.model import Brief
from recoupe.web import create_app

from .support import SEED_OUTLETS, SEEDS, FakeCorpus, hostile_brief, wide_brief


@pytest.fixture(scope="session")
def seed_brief() -> Brief:
    """The seeds' brief, outlets assigned (the seed files name none)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the repo")
    from recoupe.pipeline import brief

    b = brief([str(SEEDS)])
    articles = tuple(dataclasses.replace(a, outlet=SEED_OUTLETS[n % len(SEED_OUTLETS)])
                     for n, a in enumerate(b.articles))
    return dataclasses.replace(b, articles=articles)


@pytest.fixture
def small_corpus() -> FakeCorpus:
    return FakeCorpus([hostile_brief()], copy_of={"evil-3": "evil-2"})


# The page tests read the English chrome: their clients ask for it (the corpora are French,
# whose pages are otherwise French; tests/web/test_web_i18n.py tests the choice).
ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def client(small_corpus) -> TestClient:
    return TestClient(create_app(small_corpus), headers=ENGLISH)


@pytest.fixture(scope="session")
def seed_corpus(seed_brief) -> FakeCorpus:
    """The seeds (their last article a near-copy of the one before), the hostile story and a
    twelve-article story."""
    ids = [a.id for a in seed_brief.articles]
    return FakeCorpus([seed_brief, hostile_brief(), wide_brief()], copy_of={ids[-1]: ids[-2]})


@pytest.fixture(scope="session")
def seed_client(seed_corpus) -> TestClient:
    return TestClient(create_app(seed_corpus), headers=ENGLISH)

