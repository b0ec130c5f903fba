"""The accuracy gate: the seed brief scored by ../shared/tools/score_brief.py holds its floors.

The brief is made by the real command (`recoupe brief SEEDS --format json`), scored by the
shared scorer against the analyst's expected.json, and each part is compared with its floor
in tests/score_floors.json. Floors only go up.
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
SEEDS = SHARED / "corpus" / "seeds"
SCORER = SHARED / "tools" / "score_brief.py"
FLOORS = json.loads((Path(__file__).parent / "score_floors.json").read_text())["seeds"]

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, float]:
    brief = tmp_path_factory.mktemp("seeds") / "brief.json"
    exe = Path(sys.executable).with_name("recoupe")
    done = subprocess.run([str(exe), "brief", str(SEEDS), "--format", "json", "-o", str(brief)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    scored = subprocess.run([sys.executable, str(SCORER), str(SEEDS / "expected.json"),
                             str(brief), "--verbose"], capture_output=True, text=True, check=True)
    print(scored.stdout)
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r"^(\w+): ([0-9.]+)", scored.stdout, re.M)}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_seed_score_holds_its_floor(scores, part):
    assert part in scores, f"the scorer printed no {part}"
    assert scores[part] >= FLOORS[part], f"{part} = {scores[part]:.2f} < floor {FLOORS[part]}"
