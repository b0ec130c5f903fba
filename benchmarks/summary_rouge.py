"""Summary quality in seconds, not minutes: rpm2-dev ROUGE of the cited summary, with the
annotation done once and kept.

In: ../shared/corpus/rpm2-dev (documents and the four human references per cluster) and
the shared scorer ../shared/tools/score_summaries.py, whose tokens and ROUGE this uses so
that the figures are the scorer's. Each cluster is read, cleaned and annotated once (the
model is needed) and kept in a cache folder (default: a folder in the system's temp dir;
`--cache DIR` to choose, `--fresh` to annotate again); each run then only cross-checks the
clusters (grouping, claims, summary), about a second a cluster instead of a cold
`recoupe brief` each.
Out: printed ROUGE-1 and ROUGE-2 (first 100 words of the summary sentences of all stories
of a cluster, mean over references then clusters), for all clusters and for each half
(T01-T05, T06-T10): a change that helps one half only is noise, not a gain. `--verbose`
prints each cluster with its summary. The figures are the scorer's own when the cached
annotation matches the current code (annotate with `--fresh` after changing clean/ or
annotate/).

usage: python benchmarks/summary_rouge.py [--cache DIR] [--fresh] [--verbose]
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev"
SCORER = ROOT.parent / "shared" / "tools" / "score_summaries.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_summaries", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clusters() -> list[str]:
    """rpm2-dev's cluster names (T01_C1 ...)."""
    docs = RPM2 / "documents"
    return sorted({f[:6] for f in os.listdir(docs) if re.match(r"T\d\d_C\d_", f)})


def cache_of(argv: list[str]) -> Path:
    """The cache folder `--cache DIR` names, or the default one."""
    cache = Path(argv[argv.index("--cache") + 1] if "--cache" in argv
                 else Path(tempfile.gettempdir()) / "recoupe-summary-rouge")
    cache.mkdir(parents=True, exist_ok=True)
    return cache


def annotated(cl: str, cache: Path, config, fresh: bool = False) -> list:
    """A cluster's AnnotatedArticles, annotated once and kept in `cache`."""
    from recoupe.pipeline import process, read

    docs = RPM2 / "documents"
    kept = cache / f"{cl}.pickle"
    if fresh or not kept.exists():
        folder = Path(tempfile.mkdtemp(prefix="summary-rouge-"))
        for f in sorted(os.listdir(docs)):
            if f.startswith(cl + "_"):
                (folder / f).symlink_to(docs / f)
        raws, _ = read([str(folder)], config)
        kept.write_bytes(pickle.dumps(process(raws, config)[0]))
    return pickle.loads(kept.read_bytes())


def references(ss, cl: str) -> list[list[str]]:
    """A cluster's human references, as the scorer's tokens."""
    refs = RPM2 / "references"
    return [ss.toks(ss.read(refs / f)) for f in sorted(os.listdir(refs))
            if f.startswith(cl + "_A")]


def main(argv: list[str]) -> int:
    from recoupe.config import Config
    from recoupe.pipeline import cross_check

    ss = _scorer()
    cache = cache_of(argv)
    config = Config()
    names = clusters()
    r1s, r2s = [], []
    for cl in names:
        brief = cross_check(annotated(cl, cache, config, "--fresh" in argv), config)
        text = " ".join(s.text for story in brief.stories for s in story.summary)
        cand = ss.toks(text)[:100]
        refs = references(ss, cl)
        r1s.append(sum(ss.rouge_n(cand, r, 1) for r in refs) / len(refs))
        r2s.append(sum(ss.rouge_n(cand, r, 2) for r in refs) / len(refs))
        if "--verbose" in argv:
            print(f"{cl}: rouge1 {r1s[-1]:.3f} rouge2 {r2s[-1]:.3f}")
            for story in brief.stories:
                for s in story.summary:
                    print(f"    {s.articles} {s.text}")

    def mean(xs, part):
        chosen = [x for x, cl in zip(xs, names, strict=True) if part(cl)]
        return sum(chosen) / max(len(chosen), 1)

    for name, part in (("all", lambda cl: True), ("T01-T05", lambda cl: cl < "T06"),
                       ("T06-T10", lambda cl: cl >= "T06")):
        print(f"{name:8} rouge1 {mean(r1s, part):.3f} rouge2 {mean(r2s, part):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
