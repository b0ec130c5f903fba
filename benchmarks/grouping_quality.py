"""Story grouping quality: B-cubed precision, recall and F1 against story labels.

In: the seeds (one story; ../shared/corpus/seeds), the hand-written fixtures with their
labels (tests/fixtures/stories: near-miss Russia-North Korea stories of other weeks, other
stories of the seeds' week, a follow-up months later), and ../shared/corpus/rpm2-dev with
its labels.json (20 events in 10 topics: each topic's second event is the same subject
about a month later, and its articles have no publication date). Each set is read,
cleaned and annotated (the model is needed), then grouped as one batch.
Out: printed B-cubed per set: seeds + fixtures, rpm2-dev by event (its labels) and by
topic (to tell merged sibling events from wrong merges), and all of them mixed together.
With --detail: for each rpm2-dev event, the sizes of the stories its articles went to (which
events are split, which are merged with their sibling), and the signal profile: the cosine of
each article to its own event's centroid (leave-one-out), to its sibling event's and to the
nearest other topic's, as quantiles. Where own and sibling overlap, no join threshold on this
score can keep siblings apart; where own is low, the article is a split waiting to happen.

usage: python benchmarks/grouping_quality.py [--detail]
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def main() -> int:
    from recoupe.config import Config
    from recoupe.group.bcubed import bcubed
    from recoupe.group.stories import features, group
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
    _alone(rpm2, events, topics, group, bcubed, config.group)
    if "--detail" in sys.argv:
        _detail(predicted, events, topics, [features(a) for a in rpm2])
    predicted = group(seeds + fixtures + rpm2, config.group)
    print(f"all mixed ({len(gold) + len(events)} articles): {bcubed(predicted, gold | events)}")
    return 0


def _alone(rpm2, events, topics, group, bcubed, config) -> None:
    """Each event grouped alone (what the claims and summary scorers brief: one folder per
    event; any split loses support) and each topic alone (its two events, a month apart:
    whether they stay apart without the other topics around)."""
    by_event: dict[str, list] = defaultdict(list)
    by_topic: dict[str, list] = defaultdict(list)
    for a in rpm2:
        by_event[events[a.article.id]].append(a)
        by_topic[topics[a.article.id]].append(a)
    sizes = {e: sorted(Counter(group(m, config).values()).values(), reverse=True)
             for e, m in sorted(by_event.items())}
    kept = sum(v[0] for v in sizes.values())
    print(f"rpm2-dev each event alone: {sum(len(v) > 1 for v in sizes.values())}/{len(sizes)} "
          f"split, {kept}/{len(rpm2)} articles in their event's largest story; "
          + " ".join(f"{v}" for v in sizes.values() if len(v) > 1))
    scores = [bcubed(group(m, config), {a.article.id: events[a.article.id] for a in m})
              for m in by_topic.values()]
    precision = sum(x.precision for x in scores) / len(scores)
    recall = sum(x.recall for x in scores) / len(scores)
    print(f"rpm2-dev each topic alone, by event: P {precision:.3f}  R {recall:.3f} "
          "(means over topics)")


def _detail(predicted: dict[str, str], events: dict[str, str], topics: dict[str, str],
            items) -> None:
    """Per event, the story sizes its articles went to (story: count); then the quantiles of
    the article -> own event (leave-one-out), sibling event and nearest other topic cosines."""
    went: dict[str, Counter] = defaultdict(Counter)
    for article, story in predicted.items():
        went[events[article]][story] += 1
    for event in sorted(went):
        print(f"  {event}: {dict(went[event].most_common())}")
    by_event: dict[str, list] = defaultdict(list)
    for f in items:
        by_event[events[f.article]].append(f)

    def cosine(f, members) -> float:
        centroid: Counter = Counter()
        for other in members:
            if other is not f:
                centroid.update(dict(other.terms))
        norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
        return sum(w * centroid.get(t, 0.0) for t, w in f.terms) / norm

    topic_of = {events[f.article]: topics[f.article] for f in items}
    topic = {e: {o for o in by_event if o != e and topic_of[o] == topic_of[e]} for e in by_event}
    rows: dict[str, list[float]] = {"own": [], "sibling": [], "other topic": []}
    for event, members in by_event.items():
        for f in members:
            rows["own"].append(cosine(f, members))
            rows["sibling"].append(max((cosine(f, by_event[s]) for s in topic[event]),
                                       default=0.0))
            rows["other topic"].append(max(cosine(f, by_event[o]) for o in by_event
                                           if o != event and o not in topic[event]))
    ahead = sum(o > s for o, s in zip(rows["own"], rows["sibling"], strict=True))
    for name, values in rows.items():
        values = sorted(values)
        quantiles = [values[int(q * (len(values) - 1))] for q in (0, .1, .25, .5, .75, .9, 1)]
        print(f"  cosine to {name} (min q10 q25 median q75 q90 max): "
              + " ".join(f"{v:.2f}" for v in quantiles))
    print(f"  own event closer than sibling for {ahead}/{len(rows['own'])} articles")


if __name__ == "__main__":
    sys.exit(main())
