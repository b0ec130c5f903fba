"""How story grouping grows with the corpus: 10,000 then 100,000 synthetic articles.

In: synthetic annotated articles, made here with a fixed seed: stories of 2 to 12 articles
spread over two years, each article about 150 tokens drawn from the 3,000 commonest French
words (wordfreq) and from its story's own rare names and terms, plus noise words; dates a
day or two apart within a story. No NLP model is used: the tokens are made directly, so what
is timed is the grouping (features + StoryGrouper), not spaCy.
Out: for each size, run in a fresh process: the time to compute the features, the time to
group, articles per second, the peak memory of the process (ru_maxrss), the stories found
and their B-cubed against the planted stories; then the growth ratio of the grouping time
between the sizes (10x the articles: 10x the time is linear, 100x quadratic). The baseline
is the feature extraction, measured in the same run: per-article work that cannot grow
with the corpus. Articles are made one at a time and only their features kept, so the peak
memory is that of the features and the grouper's state.

usage: python benchmarks/grouping_scale.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta

from fresh import per_size  # benchmarks/ is on the path when a benchmark runs as a script


def _syllable_word(rng: random.Random) -> str:
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    return "".join(rng.choice(consonants) + rng.choice(vowels)
                   for _ in range(rng.randint(3, 4)))


def synthetic(n_articles: int, seed: int = 7):
    """Yields (AnnotatedArticle, story label), oldest stories first."""
    from wordfreq import top_n_list

    from recoupe.model import AnnotatedArticle, Article, Mention, Token

    rng = random.Random(seed)
    common = [w for w in top_n_list("fr", 3000) if w.isalpha() and len(w) > 3]
    start = date(2023, 1, 1)
    made, story = 0, 0
    while made < n_articles:
        story += 1
        size = min(rng.randint(2, 12), n_articles - made)
        day = start + timedelta(days=int(730 * made / n_articles))
        names = [_syllable_word(rng).capitalize() for _ in range(6)]
        terms = [_syllable_word(rng) for _ in range(10)]
        for _ in range(size):
            words = ([rng.choice(common) for _ in range(95)]
                     + [rng.choice(names) for _ in range(20)]
                     + [rng.choice(terms) for _ in range(25)]
                     + [_syllable_word(rng) for _ in range(10)])
            rng.shuffle(words)
            text = " ".join(words)
            tokens, mentions, pos = [], [], 0
            for w in words:
                tag = "PROPN" if w[0].isupper() else "NOUN"
                tokens.append(Token(w, pos, w.lower(), tag, "dep", 0))
                if tag == "PROPN":
                    mentions.append(Mention(w, "PER", pos, pos + len(w), 0))
                pos += len(w) + 1
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            aid = f"a{made}"
            yield AnnotatedArticle(Article(aid, aid, text, title=" ".join(names[:2]),
                                           published=published),
                                   "fr", tokens=tuple(tokens), mentions=tuple(mentions)), story
            made += 1


def measure(n: int) -> dict:
    """One size, in this process: features, then grouping, timed apart."""
    from recoupe.group.bcubed import bcubed
    from recoupe.group.stories import StoryGrouper, arrival_order, features

    gold, feats, features_s = {}, [], 0.0
    for a, label in synthetic(n):  # made one at a time: only their features are kept
        gold[a.article.id] = label
        t0 = time.perf_counter()
        feats.append(features(a))
        features_s += time.perf_counter() - t0
    t1 = time.perf_counter()
    grouper = StoryGrouper()
    predicted = {f.article: grouper.add(f) for f in arrival_order(feats)}
    t2 = time.perf_counter()
    score = bcubed(predicted, gold)
    return {"n": n, "features_s": features_s, "group_s": t2 - t1,
            "stories": len(grouper.stories), "planted": len(set(gold.values())),
            "bcubed": [score.precision, score.recall, score.f1],
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    results = per_size(__file__, args.sizes)
    for n, r in zip(args.sizes, results, strict=True):
        p, rc, f1 = r["bcubed"]
        print(f"{n:>7} articles: features {r['features_s']:6.1f} s (baseline), "
              f"grouping {r['group_s']:6.1f} s = {n / r['group_s']:,.0f} articles/s "
              f"({r['group_s'] / r['features_s']:.2f}x the baseline), "
              f"peak {r['peak_mib']:,.0f} MiB; "
              f"{r['stories']} stories for {r['planted']} planted, "
              f"B-cubed P {p:.3f} R {rc:.3f} F1 {f1:.3f}")
    for a, b in zip(results, results[1:], strict=False):
        print(f"growth {a['n']:,} -> {b['n']:,} articles (x{b['n'] / a['n']:g}): grouping "
              f"time x{b['group_s'] / a['group_s']:.1f}, "
              f"features x{b['features_s'] / a['features_s']:.1f}, "
              f"peak memory x{b['peak_mib'] / a['peak_mib']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
