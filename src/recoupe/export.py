"""A corpus's lists as rows: stories, claims, quotes or entities, as CSV or JSON Lines.

In: an open `Corpus` (read-only is enough), what to list and a format. Out: `rows(corpus,
what)`, plain dicts, one per story, claim, quote or entity (with the story it belongs to);
`write(rows, fmt, out)`, those rows as CSV (a header line, lists joined by "; ") or as JSON
Lines (one object a line, lists kept as lists).

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
carriage return) are written with a leading apostrophe: article text is untrusted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

WHAT = ("stories", "claims", "quotes", "entities")
FORMATS = ("csv", "jsonl")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def rows(corpus, what: str) -> Iterator[dict]:
    """The corpus's stories, claims, quotes or entities, as plain rows, newest story first."""
    if what not in WHAT:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHAT)}")
    for info in corpus.stories():
        if what == "stories":
            yield {"story": info.id, "title": info.title, "when": info.when,
                   "where": info.where, "first": info.first, "last": info.last,
                   "articles": list(info.articles), "outlets": list(info.outlets)}
            continue
        brief = corpus.brief(info.id)
        if brief is None:
            continue
        story = brief.stories[0]
        outlet = {a.id: a.outlet for a in brief.articles}
        if what == "claims":
            for c in story.claims:
                yield {"story": story.id, "claim": c.id, "text": c.text,
                       "support": c.support, "independent_support": c.independent_support,
                       "articles": list(c.articles),
                       "outlets": sorted({outlet[a] for a in c.articles if outlet.get(a)})}
        elif what == "quotes":
            names = {e.id: e.name for e in story.entities}
            for q in story.quotes:
                yield {"story": story.id, "quote": q.id, "article": q.article,
                       "outlet": outlet.get(q.article), "kind": q.kind, "text": q.text,
                       "speaker": q.speaker, "speaker_entity": names.get(q.speaker_entity),
                       "via": q.via}
        else:
            for e in story.entities:
                yield {"story": story.id, "entity": e.id, "name": e.name, "type": e.type,
                       "mentions": e.mentions, "articles": list(e.articles),
                       "variants": list(e.variants)}


def write(items: Iterable[dict], fmt: str, out: TextIO) -> int:
    """Rows -> `out` as CSV or JSON Lines; -> the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot write {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    writer = None
    for row in items:
        if fmt == "jsonl":
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
        n += 1
    return n


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text
