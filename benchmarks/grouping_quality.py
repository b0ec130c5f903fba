"""Story grouping quality: B-cubed precision, recall and F1 against story labels.

In: the seeds (one story; ../shared/corpus/seeds), the hand-written fixtures with their
labels (tests/fixtures/stories: near-miss Russia-North Korea stories of other weeks, other
stories of the seeds' week, a follow-up months later), and ../shared/corpus/rpm2-dev with
its labels.json (20 events in 10 topics: each topic's second event is the same subject
about a month later, and its articles have no publication date). Each set is read,
cleaned and annotated (the model is needed), then grouped as one batch.
Out: printed B-cubed per set: seeds + fixtures, rpm2-dev by event (its labels) and by
topic (to tell merged sibling events from wrong merges), and all of them mixed together.

usage: python benchmarks/grouping_quality.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def main() -> int:
    from recoupe.config import Config
    from recoupe.group.bcubed import bcubed
    from recoupe.group.stories import group
    from recoupe.pipeline import process
    from recoupe.read import read_inputs

    config = Config()

    def annotated(path: Path):
        raws = [r for r in read_inputs([str(path)], config.read) if hasattr(r, "content")]
        return process(raws, config)[0]

    seeds = annotated(SHARED / "seeds")
    fixtures = annotated(ROOT / "tests" / "fixtures" / "stories")
    rpm2 = annotated(SHARED / "rpm2-dev" / "documents")
    fixture_labels = json.loads((ROOT / "tests/fixtures/stories/labels.json").read_text())
    rpm2_labels = json.loads((SHARED / "rpm2-dev" / "labels.json").read_text())
    gold = {a.article.id: "seeds" for a in seeds} | fixture_labels
    events = {k: v["event"] for k, v in rpm2_labels.items()}
    topics = {k: v["topic"] for k, v in rpm2_labels.items()}

    predicted = group(seeds + fixtures, config.group)
    seed_stories = {predicted[a.article.id] for a in seeds}
    with_seeds = {k for k, v in predicted.items() if v in seed_stories}
    alone = len(seed_stories) == 1 and with_seeds == {a.article.id for a in seeds}
    print(f"seeds + fixtures ({len(gold)} articles, {len(set(gold.values()))} stories): "
          f"{bcubed(predicted, gold)}; seeds one story with nothing else: {alone}")
    predicted = group(rpm2, config.group)
    print(f"rpm2-dev by event ({len(events)} articles, {len(set(events.values()))} events): "
          f"{bcubed(predicted, events)}; {len(set(predicted.values()))} stories found")
    print(f"rpm2-dev by topic ({len(set(topics.values()))} topics): {bcubed(predicted, topics)}")
    predicted = group(seeds + fixtures + rpm2, config.group)
    print(f"all mixed ({len(gold) + len(events)} articles): {bcubed(predicted, gold | events)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
