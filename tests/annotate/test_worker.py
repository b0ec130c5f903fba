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


@pytest.mark.slow
def test_worker_ends_when_its_parent_is_killed():
    """kill -9 of the command must not leave the model worker waiting for it forever (it
    would also keep the command's output pipes open)."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    code = ("import time\n"
            "from recoupe.annotate.worker import ModelWorker\n"
            "from recoupe.config import AnnotateConfig\n"
            "w = ModelWorker(AnnotateConfig())\n"
            "print(w._process.pid, flush=True)\n"
            "time.sleep(300)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    status = Path(f"/proc/{child}/status")
    deadline = time.monotonic() + 120  # it may finish loading the model first
    while time.monotonic() < deadline:
        try:
            state = next(line for line in status.read_text().splitlines()
                         if line.startswith("State:"))
        except (FileNotFoundError, ProcessLookupError):
            break  # gone
        if "zombie" in state:
            break  # exited, waiting to be reaped by init
        time.sleep(0.2)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the model worker outlived its killed parent")
