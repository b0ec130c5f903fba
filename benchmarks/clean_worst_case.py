"""Worst-case cost of cleaning: hostile plain-text articles of 100k, 400k and 2M characters.

In: nothing (the inputs are made here). Each shape is one a scraper or an attacker can give:
  - word:   one lower-case "word" with no space at all ("abcdef..." repeated);
  - glued:  lower-case words glued in long runs with a few spaces (the glued-word splitter's
            favourite food);
  - line:   one paragraph of ordinary lower-case words with no line break;
  - lines:  many short lines, each a fragment of a sentence (the line joiner's food).
Out: one printed line per (shape, size): seconds to clean, peak memory of that run (the
peak of Python allocations during a second, traced run, skipped when the first took over a
minute), and the ratio of the clean's time to
`str.split` over the same text (a linear baseline). Each run is a fresh subprocess, so
its peak memory is its own; the word lists are loaded before the clock starts.

usage: python benchmarks/clean_worst_case.py [--sizes 100000,400000,2000000] [--shapes word,glued]
       [--max-chars 0]  (0 runs without the size cap, to see the cleaner's own scaling)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

SHAPES = ("word", "glued", "line", "lines")


def make(shape: str, size: int) -> str:
    """A hostile text of about `size` characters of the given shape."""
    if shape == "word":
        unit = "abcdefghijklmnopqrstuvwxyz"
    elif shape == "glued":
        unit = "lesdesbudgetsocialeetpolitiquedumaire" * 20 + " "
    elif shape == "line":
        unit = "le maire a dit que la ville allait bien et que les travaux avancent "
    else:
        unit = "le maire a dit que\nla ville allait bien\net que les travaux\navancent\n"
    return (unit * (size // len(unit) + 1))[:size]


_CHILD = r"""
import json, sys, time
sys.path.insert(0, "src")
from benchmarks.clean_worst_case import make
from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.errors import InputError
from recoupe.model import RawDoc

shape, size = sys.argv[1], int(sys.argv[2])
config = CleanConfig() if sys.argv[3] == "default" else CleanConfig(max_chars=int(sys.argv[3]))
clean(RawDoc(id="w", source="w", content="Le maire a parlé.\n\nLa ville va bien."), config)
text = make(shape, size)
t0 = time.perf_counter()
for _ in range(20):
    text.split()
base = (time.perf_counter() - t0) / 20
t0 = time.perf_counter()
try:
    clean(RawDoc(id="w", source="w", content=text), config)
    outcome = "cleaned"
except InputError as e:
    outcome = "refused: " + e.args[-1] if e.args else "refused"
seconds = time.perf_counter() - t0
mb = None
if seconds < 60:  # traced again for memory only when it is cheap (tracing slows it)
    import tracemalloc
    tracemalloc.start()
    try:
        clean(RawDoc(id="w", source="w", content=text), config)
    except InputError:
        pass
    mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
print(json.dumps({"seconds": seconds, "base": base, "mb": mb, "outcome": outcome}))
"""


def run(shape: str, size: int, timeout: float, max_chars: str) -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, shape, str(size), max_chars],
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": None}
    except subprocess.CalledProcessError as e:
        return {"seconds": None, "outcome": e.stderr.strip().splitlines()[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,400000,2000000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--max-chars", default="default",
                        help="clean.max_chars for the runs (0: no cap; default: the setting's)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds after which one run is given up")
    args = parser.parse_args()
    for shape in args.shapes.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            r = run(shape, size, args.timeout, args.max_chars)
            if r["seconds"] is None:
                print(f"{shape:6} {size:>9,} chars  over {args.timeout:.0f} s "
                      f"{r.get('outcome', '')}", flush=True)
                continue
            ratio = r["seconds"] / r["base"] if r["base"] else float("inf")
            mb = "   n/a" if r["mb"] is None else f"{r['mb']:6.1f}"
            print(f"{shape:6} {size:>9,} chars  {r['seconds']:8.2f} s  "
                  f"peak {mb} MB  {ratio:9.0f}x str.split  ({r['outcome']})",
                  flush=True)


if __name__ == "__main__":
    main()
