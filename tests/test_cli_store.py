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

from recoupe.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
EXE = Path(sys.executable).with_name("recoupe")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")]


def recoupe(*args: str, db: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "RECOUPE_DB": str(db)}
    return subprocess.Popen([str(EXE), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kw)


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=300)
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
