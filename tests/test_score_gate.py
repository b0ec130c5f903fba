"""The accuracy gate: every shared scorer, run on the brief of the real command, holds the
floors of its section in tests/score_floors.json. Floors only go up.

Sections (each skipped when ../shared or its corpus is missing):
  seeds      score_brief.py on `recoupe brief SEEDS` against the analyst's expected.json
  quotes     score_quotes.py on rpm2-dev/quotes.json (who said what, 20 real articles)
  claims     score_claims.py on rpm2-dev/claims.json (facts across outlets, four clusters)
  summaries  score_summaries.py on rpm2-dev (ROUGE against human summaries, 20 clusters)
  sentences  score_sentences.py on sentences-dev, segmented by benchmarks/sentences.py
Each scorer prints `name: value` lines; every floor of a section must be printed and met
(a part given as {"max": n} is a ceiling instead: a count that must stay low).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
CORPUS = SHARED / "corpus"
RPM2 = CORPUS / "rpm2-dev"
FLOORS = {name: floors for name, floors in
          json.loads((Path(__file__).parent / "score_floors.json").read_text()).items()
          if isinstance(floors, dict)}
EXE = Path(sys.executable).with_name("recoupe")
BRIEF = f"{EXE} brief {{dir}} --format json"


def _scores(args: list[str], cwd: Path | None = None) -> dict[str, float]:
    done = subprocess.run([sys.executable, *args, "--verbose"], capture_output=True, text=True,
                          timeout=1200, cwd=cwd)
    print(done.stdout[-20000:])
    assert done.returncode == 0, done.stderr[-4000:]
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r"^(\w+): ([0-9.]+)", done.stdout, re.M)}


def _seeds(tmp: Path) -> dict[str, float]:
    brief = tmp / "brief.json"
    seeds = CORPUS / "seeds"
    made = subprocess.run([str(EXE), "brief", str(seeds), "--format", "json", "-o", str(brief)],
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    return _scores([str(TOOLS / "score_brief.py"), str(seeds / "expected.json"), str(brief)])


def _quotes(tmp: Path) -> dict[str, float]:
    return _scores([str(TOOLS / "score_quotes.py"), str(RPM2 / "quotes.json"),
                    str(RPM2 / "documents"), "--cmd", BRIEF])


def _claims(tmp: Path) -> dict[str, float]:
    return _scores([str(TOOLS / "score_claims.py"), str(RPM2 / "claims.json"),
                    str(RPM2 / "documents"), "--cmd", BRIEF])


def _summaries(tmp: Path) -> dict[str, float]:
    return _scores([str(TOOLS / "score_summaries.py"), str(RPM2), "--cmd", BRIEF])


def _sentences(tmp: Path) -> dict[str, float]:
    gold = CORPUS / "sentences-dev" / "pud-news.jsonl"
    pred = tmp / "sentences.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        made = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sentences.py"),
                               str(gold)], stdout=out, stderr=subprocess.PIPE, text=True,
                              timeout=600)
    assert made.returncode == 0, made.stderr
    return _scores([str(TOOLS / "score_sentences.py"), str(gold), str(pred)])


_SECTIONS = {
    "seeds": (_seeds, TOOLS / "score_brief.py"),
    "quotes": (_quotes, RPM2 / "quotes.json"),
    "claims": (_claims, RPM2 / "claims.json"),
    "summaries": (_summaries, RPM2 / "references"),
    "sentences": (_sentences, CORPUS / "sentences-dev" / "pud-news.jsonl"),
}
_CACHE: dict[str, dict[str, float]] = {}


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    def get(section: str) -> dict[str, float]:
        make, needs = _SECTIONS[section]
        if not needs.exists():
            pytest.skip(f"{needs} is not beside the checkout")
        if section not in _CACHE:
            _CACHE[section] = make(tmp_path_factory.mktemp(section))
        return _CACHE[section]
    return get


@pytest.mark.slow
@pytest.mark.parametrize(("section", "part"),
                         [(s, p) for s, floors in FLOORS.items() for p in sorted(floors)])
def test_score_holds_its_floor(scored, section, part):
    scores = scored(section)
    bound = FLOORS[section][part]
    assert part in scores, f"{section}: the scorer printed no {part}"
    if isinstance(bound, dict):  # {"max": n}: a count that must stay low (junk speakers)
        assert scores[part] <= bound["max"], (
            f"{section}: {part} = {scores[part]:g} > ceiling {bound['max']}")
    else:
        assert scores[part] >= bound, f"{section}: {part} = {scores[part]:.3f} < floor {bound}"


def test_score_floors_name_known_sections():
    assert set(FLOORS) <= set(_SECTIONS)
