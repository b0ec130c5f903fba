"""The corpus commands as a user runs them: concurrent adds, a killed add, a damaged file.

Each test runs the installed `recoupe` command in its own processes (the real model loads in
each), so these are the slowest tests of the suite.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recoupe.pipeline import BRIEF_VERSION
from recoupe.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"
EXE = Path(sys.executable).with_name("recoupe")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")]


def recoupe(*args: str, db: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "RECOUPE_DB": str(db)}
    return subprocess.Popen([str(EXE), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kw)


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=900)
    return proc.returncode, out, err


def test_cli_store_two_adds_at_once_lose_no_article(tmp_path):
    db = tmp_path / "recoupe.db"
    first = recoupe("add", str(SEEDS), db=db)
    second = recoupe("add", str(FIXTURES), db=db)
    results = [finish(first), finish(second)]
    assert [r[0] for r in results] == [0, 0], results
    code, out, err = finish(recoupe("stories", "--format", "json", db=db))
    stories = json.loads(out)
    ids = [a for s in stories for a in s["articles"]]
    assert len(ids) == len(set(ids)) == 22
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    assert any(set(s["articles"]) == seeds for s in stories)
    with Store(db) as store:
        assert store.check() == [] and len(store) == 22


def _cpu_hog() -> subprocess.Popen:
    """A CPU-heavy process for the length of a test: adds must not depend on an idle machine."""
    return subprocess.Popen([sys.executable, "-c", "while True: sum(range(10_000))"])


@pytest.mark.skipif(not RPM2.exists(), reason="../shared is not beside the checkout")
def test_cli_store_three_adds_at_once_on_a_busy_machine(tmp_path):
    """Three adds of different real batches at once, while another process keeps a core busy:
    none is turned away, every article is stored once, every story is whole and has its
    brief, and the database checks clean."""
    third = tmp_path / "third"
    third.mkdir()
    for path in sorted(RPM2.glob("*.txt"))[:20]:
        (third / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "recoupe.db"
    hog = _cpu_hog()
    try:
        procs = [recoupe("add", str(batch), db=db) for batch in (SEEDS, FIXTURES, third)]
        results = [finish(p) for p in procs]
    finally:
        hog.kill()
        hog.wait()
    assert [r[0] for r in results] == [0, 0, 0], results
    assert all("Traceback" not in r[2] for r in results)
    with Store(db) as store:
        assert store.check() == [] and len(store) == 5 + 17 + 20
        ids = store.ids()
        assert len(ids) == len(set(ids))
        assert all(story is not None for _, story, _ in store.grouping())
        listed = store.stories()
        assert sorted(a for s in listed for a in s.articles) == sorted(ids)
        for info in listed:
            assert list(info.articles) == store.member_ids(info.id)
        assert store.stale_stories(BRIEF_VERSION) == []


def test_cli_store_killed_add_leaves_a_whole_database(tmp_path):
    """SIGKILL as soon as the add starts writing its batch: the database opens, holds no
    half-written article and no article without its story; adding again completes it."""
    db = tmp_path / "recoupe.db"
    wal = Path(f"{db}-wal")
    proc = recoupe("add", str(FIXTURES), db=db)
    deadline = time.monotonic() + 120
    base = None
    while time.monotonic() < deadline and proc.poll() is None:
        size = wal.stat().st_size if wal.exists() else 0
        if base is None and size:
            base = size  # the schema's creation
        if base is not None and size > base:
            break  # the batch's transaction is being written
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    with Store(db) as store:
        assert store.check() == []
        n = len(store)
        assert n in (0, 17)  # one transaction: all or nothing
        assert all(story is not None for _, story, _ in store.grouping())
        assert all(store.get(i) is not None for i in store.ids())
    code, out, err = finish(recoupe("add", str(FIXTURES), db=db))
    assert code == 0, err
    with Store(db) as store:
        assert len(store) == 17 and store.check() == []


@pytest.mark.parametrize("command", [
    ("add", "FILE"), ("stories",), ("brief", "--story", "s1"), ("reindex",), ("serve",),
])
def test_cli_store_damaged_database_gives_one_clear_line(tmp_path, command):
    db = tmp_path / "recoupe.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    args = [str(next(SEEDS.glob("*.txt"))) if a == "FILE" else a for a in command]
    code, out, err = finish(recoupe(*args, db=db))
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert str(db) in lines[0] and "damaged" in lines[0]
