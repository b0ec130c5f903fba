"""How long the terminal report of a real corpus takes, against the JSON of the same brief.

In: the brief of ../shared/corpus/rpm2-dev (200 articles, 29 stories, ~2,500 claims), as the
JSON that `recoupe brief DIR --format json` prints: given with --brief FILE, else made once
(a few minutes: the NLP model runs) and kept in the temp folder. The JSON is decoded back into
the model's dataclasses through `recoupe.codec`, so only the renderers are timed.
Out: the median time of each renderer (text at 80 and 200 columns, with and without colour;
Markdown; JSON) over --runs runs, and each one's ratio to the JSON renderer measured in the
same process. Issue 12's goal: the text report under 1 s on this machine; on a busy machine
the ratio is the figure to compare (the JSON renderer took 0.37 s when the goal was set, so
"under 1 s" is a ratio of about 2.7).

usage: python benchmarks/render_terminal.py [--brief FILE] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from recoupe import codec
from recoupe.model import Brief
from recoupe.render import render

ROOT = Path(__file__).resolve().parent.parent
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"

# The model class of each list in the JSON brief (the plain JSON names no classes).
_SCHEMA = {
    "Brief": {"articles": "Article", "stories": "Story", "problems": "InputProblem"},
    "Story": {"entities": "Entity", "quotes": "Quote", "statements": "Statement",
              "claims": "Claim", "discrepancies": "Discrepancy", "timeline": "TimelineEvent",
              "summary": "SummarySentence"},
    "Claim": {"sentences": "ClaimSentence"},
    "Discrepancy": {"values": "DiscrepancyValue"},
    "TimelineEvent": {"spans": "Span"},
    "SummarySentence": {"spans": "Span"},
}


def _named(data, name: str):
    """Plain JSON of a model value -> the named form `codec.from_data` rebuilds."""
    if isinstance(data, list):
        return [_named(d, name) for d in data]
    out = dict(data, _=name)
    if name == "Quote":  # the JSON contract shows a quote's sentence, not its offsets
        out.update(sentence_text=data.get("sentence"), sentence=0, start=0, end=0)
    for field, sub in _SCHEMA.get(name, {}).items():
        if field in out:
            out[field] = _named(out[field], sub)
    return out


def brief_from_json(data: dict) -> Brief:
    return codec.from_data(_named(data, "Brief"))


def _brief_json(path: str | None) -> Path:
    if path:
        return Path(path)
    cached = Path(tempfile.gettempdir()) / "recoupe-bench-rpm2-brief.json"
    if not cached.exists():
        print(f"making the rpm2-dev brief once into {cached} (minutes)", file=sys.stderr)
        recoupe = Path(sys.executable).with_name("recoupe")
        with open(cached.with_suffix(".part"), "w", encoding="utf-8") as out:
            subprocess.run([str(recoupe), "brief", str(RPM2), "--format", "json"], stdout=out,
                           check=True)
        os.replace(cached.with_suffix(".part"), cached)
    return cached


def _median(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--brief", help="a JSON brief (recoupe brief DIR --format json)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    brief = brief_from_json(json.loads(_brief_json(args.brief).read_text(encoding="utf-8")))
    claims = sum(len(s.claims) for s in brief.stories)
    print(f"brief: {len(brief.articles)} articles, {len(brief.stories)} stories, "
          f"{claims} claims; load average {os.getloadavg()[0]:.1f}")
    cases = {
        "json": lambda: render(brief, "json"),
        "md": lambda: render(brief, "md"),
        "text 80 cols": lambda: render(brief, "text", width=80),
        "text 200 cols": lambda: render(brief, "text", width=200),
        "text 120 cols, colour": lambda: render(brief, "text", width=120, color=True),
    }
    base = None
    for name, fn in cases.items():
        fn()  # warm: first-use imports
        t = _median(args.runs, fn)
        base = base or t
        print(f"{name:<24} {t * 1000:8.1f} ms  {t / base:5.2f}x json")


if __name__ == "__main__":
    main()
