"""inputs -> Iterator[RawDoc | InputProblem]: read every input the user named.

In: the inputs as given on the command line — "-" for standard input, http(s) URLs, files and
folders — and the read settings. Out, in a stable order (inputs as given, folders in sorted path
order): one `RawDoc` per article found, and one `InputProblem` per input or record that cannot
be used. Bad input never raises; the rest is read all the same.

Each kind of input has its module: `files` (paths and folder walks), `url` (downloads),
`text`, `html`, `jsonl` and `feed` (one reader per format), with `decode` (bytes to text) and
`sniff` (what unlabelled bytes hold) shared by them, and `pages` (a feed item's page, for
items with only a link). This module only dispatches, shows lone surrogates escaped
(`fields.sanitized`), and makes ids unique: two inputs with the same id (two folders holding
"001.txt") get "-2", "-3"... in order.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from ..config import ReadConfig
from ..model import InputProblem, RawDoc
from .content import read_content
from .fields import sanitized
from .files import read_path
from .limits import too_large
from .pages import fetch_links
from .sniff import sniff
from .url import read_url

__all__ = ["read_inputs"]

_STDIN = "<stdin>"
_SCHEME = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]*)://")


def read_inputs(
    inputs: Iterable[str], config: ReadConfig, stdin: BinaryIO | None = None
) -> Iterator[RawDoc | InputProblem]:
    """Inputs ("-", URLs, files, folders) -> RawDocs and InputProblems, in a stable order."""
    seen: set[str] = set()
    stdin_read = False
    for given in inputs:
        given = os.fspath(given)  # a Path works as well as the str the command line gives
        if given == "-":
            results = _guarded(_STDIN, fetch_links(
                _read_stdin(stdin, config, already=stdin_read), config))
            stdin_read = True
        else:
            # Feed items with only a title and a link are read from their pages.
            results = _guarded(given, fetch_links(_read_one(given, config), config))
        for result in results:
            # Names and records are data: a lone surrogate (a non-UTF-8 file name, a JSON
            # escape) is shown escaped here, once, before any stage or the store sees it.
            result = sanitized(result)
            if isinstance(result, RawDoc):
                result = _unique(result, seen)
            yield result


def _read_one(given: str, config: ReadConfig) -> Iterator[RawDoc | InputProblem]:
    scheme = _SCHEME.match(given)
    if scheme is None:
        yield from read_path(given, config)
    elif scheme.group(1).lower() in ("http", "https"):
        yield from read_url(given, config)
    else:
        yield InputProblem(
            given, f"unsupported URL scheme {scheme.group(1)}: (only http and https)")


def _read_stdin(
    stdin: BinaryIO | None, config: ReadConfig, *, already: bool
) -> Iterator[RawDoc | InputProblem]:
    if already:
        yield InputProblem(_STDIN, 'standard input was already read (give "-" once)')
        return
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield InputProblem(_STDIN, "no standard input to read")
        return
    try:
        # One byte over the cap is enough to know it is too big, without holding it all.
        data = stream.read(config.max_bytes + 1)
    except (OSError, ValueError) as e:
        yield InputProblem(_STDIN, f"cannot read standard input ({e})")
        return
    if len(data) > config.max_bytes:
        yield too_large(_STDIN, config.max_bytes)
        return
    if not data.strip():
        yield InputProblem(_STDIN, "standard input is empty")
        return
    doc_id = hashlib.sha1(data).hexdigest()[:16]
    yield from read_content(data, sniff(data), _STDIN, doc_id)


def _guarded(
    source: str, results: Iterator[RawDoc | InputProblem]
) -> Iterator[RawDoc | InputProblem]:
    """The results of one input; a reader's crash on it becomes one problem, not a failed run."""
    try:
        yield from results
    except Exception as e:  # noqa: BLE001 - a bug on one input must not lose all the others
        yield InputProblem(
            source, f"could not be read: {type(e).__name__}: {e} (a bug in recoupe; please "
            "report it with this input)")


def _unique(doc: RawDoc, seen: set[str]) -> RawDoc:
    base = doc.id or hashlib.sha1(doc.source.encode("utf-8")).hexdigest()[:16]
    doc_id, n = base, 1
    while doc_id in seen:
        n += 1
        doc_id = f"{base}-{n}"
    seen.add(doc_id)
    return doc if doc_id == doc.id else replace(doc, id=doc_id)
