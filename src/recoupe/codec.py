"""The ground floor's model <-> JSON codec: the one place that turns model values into JSON
data and back.

In: values of `model.py` (frozen dataclasses, tuples of them, scalars), or the JSON text this
module made. Out:
- `to_data(value, named=...)`: JSON-ready data (dicts, lists, scalars); with `named=True` each
  dataclass names itself (`{"_": "Claim", ...}`) so that `from_data` can rebuild it exactly;
  without, it is the plain shape renderers and the web show (`render/jsonout`).
- `from_data(data)`: the inverse of `to_data(value, named=True)`: lists become tuples, named
  objects their model dataclass (fields unknown to the model dropped, new ones left to their
  defaults, so older stored values still load).
- `encode_annotated` / `decode_annotated`: an AnnotatedArticle as compact JSON (each list of
  sentences, tokens, mentions... stored as its field names once and one array per item).
- `dumps` / `loads`: JSON text of `to_data(named=True)` and back (stories, grouping features,
  raw documents).

It imports only `model`: every floor may use it (store, pipeline, render, web).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any

from . import model
from .model import AnnotatedArticle, Article

# Version of the JSON layout of an AnnotatedArticle, written into each document so that a
# later layout can still read earlier ones.
DATA_FORMAT = 1
_SCALARS = (str, int, float, bool, type(None))
# The row classes of AnnotatedArticle's tuple fields (stored as field names + rows).
_ROWS: dict[str, type] = {
    "sentences": model.Sentence,
    "tokens": model.Token,
    "mentions": model.Mention,
    "quotes": model.Quote,
    "dates": model.DateRef,
}


def _scalar_fields(cls: type) -> bool:
    """Whether every field of a dataclass is declared as a JSON scalar (or None)."""
    scalar = {"str", "int", "float", "bool", "None"}
    return all(set(str(f.type).replace(" ", "").split("|")) <= scalar
               for f in dataclasses.fields(cls))


_SCALAR_ROWS = frozenset(cls for cls in _ROWS.values() if _scalar_fields(cls))


def to_data(value: Any, named: bool = False) -> Any:
    """A model value -> JSON-ready data; `named` marks each dataclass with its class name."""
    if isinstance(value, _SCALARS):
        return value
    if dataclasses.is_dataclass(value):
        out = {"_": type(value).__name__} if named else {}
        out.update({f.name: to_data(getattr(value, f.name), named)
                    for f in dataclasses.fields(value)})
        return out
    if isinstance(value, (tuple, list)):
        return [to_data(v, named) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v, named) for k, v in value.items()}
    return value


def from_data(value: Any) -> Any:
    """Data made by `to_data(..., named=True)` -> the model value it was made from."""
    # Scalars first and each class's field names looked up once: a stored brief of a large
    # story is some 100,000 values, read on every uncached page of it (issue 13).
    if value.__class__ in _SCALAR_TYPES:
        return value
    if isinstance(value, list):
        return tuple([from_data(v) for v in value])
    if isinstance(value, dict):
        if "_" in value:
            cls, known = _model_class(value["_"])
            return cls(**{k: from_data(v) for k, v in value.items() if k in known})
        return {k: from_data(v) for k, v in value.items()}
    return value


_SCALAR_TYPES = frozenset(_SCALARS)


@functools.cache
def _model_class(name: str) -> tuple[type, frozenset[str]]:
    """A model class's name -> the class and its field names."""
    cls = getattr(model, name, None)
    if cls is None or not dataclasses.is_dataclass(cls):
        raise ValueError(f"unknown model type {name!r}")
    return cls, frozenset(f.name for f in dataclasses.fields(cls))


def dumps(value: Any) -> str:
    """A model value -> compact JSON text that `loads` turns back into it."""
    return _json(to_data(value, named=True))


def loads(text: str) -> Any:
    return from_data(json.loads(text))


def encode_annotated(annotated: AnnotatedArticle) -> str:
    """AnnotatedArticle -> JSON text (lone surrogates kept exactly, as escapes)."""
    doc: dict[str, Any] = {
        "format": DATA_FORMAT,
        "article": {f.name: to_data(getattr(annotated.article, f.name))
                    for f in dataclasses.fields(Article)},
    }
    for f in dataclasses.fields(AnnotatedArticle):
        if f.name == "article":
            continue
        value = getattr(annotated, f.name)
        cls = _ROWS.get(f.name)
        if cls is None:
            doc[f.name] = to_data(value, named=True)
            continue
        names = [g.name for g in dataclasses.fields(cls)]
        if cls in _SCALAR_ROWS:  # tokens are most of the data: no per-cell check for them
            rows = [[getattr(i, n) for n in names] for i in value]
        else:
            rows = [[_cell(getattr(i, n)) for n in names] for i in value]
        doc[f.name] = {"fields": names, "rows": rows}
    return _json(doc)


def decode_annotated(text: str) -> AnnotatedArticle:
    """The inverse of `encode_annotated`; raises ValueError, TypeError or KeyError on data it
    cannot read. Fields added to the model since a row was written take their defaults;
    fields since removed are dropped."""
    doc = json.loads(text)
    if doc.get("format") != DATA_FORMAT:
        raise ValueError(f"unknown data format {doc.get('format')!r}")
    known = {f.name for f in dataclasses.fields(Article)}
    article = Article(**{k: from_data(v) for k, v in doc["article"].items() if k in known})
    parts: dict[str, Any] = {}
    for f in dataclasses.fields(AnnotatedArticle):
        if f.name == "article" or f.name not in doc:
            continue
        cls = _ROWS.get(f.name)
        if cls is None:
            parts[f.name] = from_data(doc[f.name])
            continue
        block = doc[f.name] or {"fields": [], "rows": []}
        wanted = {g.name for g in dataclasses.fields(cls)}
        keep = [(i, n) for i, n in enumerate(block["fields"]) if n in wanted]
        if cls in _SCALAR_ROWS:
            parts[f.name] = tuple(cls(**{n: row[i] for i, n in keep}) for row in block["rows"])
        else:
            parts[f.name] = tuple(cls(**{n: _uncell(row[i]) for i, n in keep})
                                  for row in block["rows"])
    return AnnotatedArticle(article=article, **parts)


def _cell(value: Any) -> Any:
    # Most cells are scalars (tokens are most of the data): only the rest pays for to_data.
    return value if isinstance(value, _SCALARS) else to_data(value, named=True)


def _uncell(value: Any) -> Any:
    return value if isinstance(value, _SCALARS) else from_data(value)


def _json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them exactly, as \ud800 escapes
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text


__all__ = ["DATA_FORMAT", "decode_annotated", "dumps", "encode_annotated", "from_data", "loads",
           "to_data"]
