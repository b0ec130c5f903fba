"""A short run of benchmarks/fuzz_readers.py: every reader, a few hundred generated inputs
each (the full run takes 10,000 per reader): no crash, no hang, no lone surrogate out, and
every input gives an article or a problem line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_readers.py"
_SPEC = importlib.util.spec_from_file_location("fuzz_readers", _PATH)
fuzz_readers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz_readers)

# Fewer where each input is dearer (a download, a parse of a generated feed).
_EXAMPLES = {"text": 200, "html": 200, "json": 100, "jsonl": 100, "feed": 100, "url": 100,
             "names": 200}


@pytest.mark.parametrize("reader", fuzz_readers.READERS)
def test_read_fuzz_no_crash_no_hang_one_problem_each(reader):
    # A generous hang limit: a slow shared machine must not fail it, a real hang does.
    counts = fuzz_readers.fuzz(reader, _EXAMPLES[reader], timeout=30.0, seed=13)
    assert counts["inputs"] >= _EXAMPLES[reader] // 2
    assert counts.failed() == 0, counts.line(reader)
