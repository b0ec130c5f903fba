"""Clean + annotate on a Dask cluster gives the corpus the same briefs as the local path."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from recoupe.config import Config
from recoupe.corpus import Corpus
from recoupe.render import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "stories"

pytestmark = pytest.mark.slow


def _briefs(corpus: Corpus) -> dict[str, str]:
    return {s.id: render(corpus.brief(s.id), "json") for s in corpus.stories()}


def test_cluster_local_dask_workers_give_the_same_briefs(tmp_path):
    from recoupe.cluster import client

    config = Config()
    with Corpus(tmp_path / "local.db", config) as local:
        local.add([str(FIXTURES)])
        expected = _briefs(local)
    with client(workers=2) as dask_client, Corpus(tmp_path / "dask.db", config) as spread:
        report = spread.add([str(FIXTURES)], cluster=dask_client)
        workers = dask_client.scheduler_info()["workers"]
        assert len(workers) == 2
        got = _briefs(spread)
    assert len(report.added) == 17 and report.problems == ()
    assert sorted(got) == sorted(expected) and len(got) > 1
    for story_id, text in expected.items():
        diff = list(difflib.unified_diff(text.splitlines(), got[story_id].splitlines(),
                                         lineterm="", n=1))
        assert not diff, f"{story_id}:\n" + "\n".join(diff[:40])


def test_cluster_unreachable_scheduler_is_one_clear_error():
    from recoupe.cluster import client
    from recoupe.errors import RecoupeError

    with pytest.raises(RecoupeError, match="Dask scheduler"):
        with client("tcp://127.0.0.1:9"):
            pass
