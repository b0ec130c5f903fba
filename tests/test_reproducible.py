"""A brief is the same from one process to the next: nothing in it may follow the order in
which Python iterates a set of strings, which changes with the hash seed of each process.

In: the hand-written fixture articles (tests/fixtures/stories), briefed by the command in two
processes with different PYTHONHASHSEED. Out: the same JSON, byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXE = Path(sys.executable).with_name("recoupe")
FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def _brief(seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run([str(EXE), "brief", str(FIXTURES), "--format", "json"],
                          capture_output=True, env=env, timeout=600, check=True)
    return done.stdout


def test_brief_is_the_same_whatever_the_hash_seed():
    first, second = _brief("1"), _brief("2")
    assert first and first == second
