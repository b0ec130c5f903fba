"""The model worker: it annotates as this process would, and a dead worker is reported."""

import pytest

from recoupe.annotate import annotate_each
from recoupe.annotate.worker import ModelWorker, WorkerGone
from recoupe.config import AnnotateConfig
from recoupe.model import Article

ARTICLES = [Article(id="x", source="x", language="fr",
                    text="La maire de Rennes, Nathalie Appéré, a inauguré la ligne b.")]


def test_worker_annotates_like_this_process():
    config = AnnotateConfig()
    with ModelWorker(config) as worker:
        remote = worker.annotate(ARTICLES, config)
    assert remote == annotate_each(ARTICLES, config)


def test_worker_gone_is_reported():
    config = AnnotateConfig()
    worker = ModelWorker(config)
    worker._process.kill()
    worker._process.join()
    with pytest.raises(WorkerGone):
        worker.annotate(ARTICLES, config)
    worker.close()
