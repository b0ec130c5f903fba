"""Run a benchmark's measure once per size, each in a fresh process (so that each size's
peak memory and caches are its own): the shared runner of the size-growth benchmarks.

In: the benchmark script's path and the sizes. The script must answer `--one N` by printing
one JSON object (its measure at size N). Out: those objects, in the order of the sizes.
"""

from __future__ import annotations

import json
import subprocess
import sys


def per_size(script: str, sizes: list[int]) -> list[dict]:
    out = []
    for n in sizes:
        done = subprocess.run([sys.executable, script, "--one", str(n)], check=True,
                              capture_output=True, text=True)
        out.append(json.loads(done.stdout))
    return out
