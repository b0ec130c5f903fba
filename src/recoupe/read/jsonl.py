"""bytes -> Iterator[RawDoc | InputProblem]: articles from a .json file or a .jsonl/.ndjson file.

In: the bytes of a JSON document (one article object, or a list of them) or of JSON Lines (one
object per line, blank lines ignored), the source name, the file stem for ids, and whether the
file was met in a folder walk. Out: one `RawDoc` per article object, and one `InputProblem` per
object or line that cannot be used, each naming its line (JSONL, source "path:LINE") or item
number (JSON list, source "path#N"); the other records still come out.

An article object has its body in "text" (plain text) or "html" (a page to extract), or in
"content" / "body" (plain text, or HTML when it looks like markup). It may carry "title",
"url", "date" / "published", "outlet" / "source" / "site", "language" / "lang" and "id".
A .json file met in a folder walk that holds no article object at all (a `labels.json`, an
`expected.json` beside the articles) is skipped without a word: it is not an input.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator

from ..model import InputProblem, RawDoc
from .dates import iso_date
from .decode import decode
from .fields import language_code, text_field

_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 marks start with these
_BODY_FIELDS = ("text", "html", "content", "body")
_NO_BODY = 'no "text", "html", "content" or "body" field'
_MARKUP = re.compile(r"<(?:p|div|br|span|a|h[1-6]|html|body|article|section|ul|li|em|strong|"
                     r"img|figure|blockquote|table)\b[^>]*>", re.I)
_MARKUP_HEAD = 2000  # characters looked at to tell HTML from prose
# Python's parser recurses once per level: a line of 100,000 "[" exhausts the stack.
_TOO_DEEP = "JSON nested too deeply to be an article"


def read_records(
    data: bytes, source: str, stem: str, *, lines: bool, walked: bool = False
) -> Iterator[RawDoc | InputProblem]:
    """JSON (lines=False) or JSON Lines (lines=True) bytes -> one RawDoc per article object."""
    binary: set[int] = set()
    if lines:
        data, binary = _blank_binary_lines(data)
    text = _decode_lines(data, source) if lines else decode(data, source)
    if isinstance(text, InputProblem):
        yield text
        return
    if lines:
        yield from _read_lines(text, source, stem, binary)
    else:
        yield from _read_document(text, source, stem, walked)


def _blank_binary_lines(data: bytes) -> tuple[bytes, set[int]]:
    """JSON Lines with a NUL byte in a few lines -> those lines blanked, and their numbers.

    One record holding a NUL byte (a scraper's stray byte) must cost that record, not make
    the whole file look binary. A file where most lines hold NULs (UTF-16 without its mark,
    a binary file) is left whole, for `decode` to judge.
    """
    if b"\x00" not in data or data.startswith(_WIDE_BOMS):
        return data, set()
    raw = data.split(b"\n")
    bad = {n for n, line in enumerate(raw, 1) if b"\x00" in line}
    if 2 * len(bad) > sum(1 for line in raw if line.strip()):
        return data, set()
    return b"\n".join(b"" if n in bad else line for n, line in enumerate(raw, 1)), bad


def _decode_lines(data: bytes, source: str) -> str | InputProblem:
    """Decode JSON Lines line by line when they are not all UTF-8.

    Files of records are often concatenated from several scrapers, so a few lines in cp1252
    among UTF-8 ones must not make the whole file look like some third encoding: the UTF-8
    lines stay UTF-8 and the others are decoded together, as one legacy text.
    """
    text = decode(data, source)
    if isinstance(text, InputProblem) or data.startswith(_WIDE_BOMS):
        return text
    try:
        data.decode("utf-8")
        return text
    except UnicodeDecodeError:
        pass
    raw = [line.rstrip(b"\r") for line in data.split(b"\n")]
    lines: list[str | None] = []
    for line in raw:
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(None)
    legacy = [line for line, decoded in zip(raw, lines, strict=True) if decoded is None]
    joined = decode(b"\n".join(legacy), source)
    parts = joined.split("\n") if isinstance(joined, str) else []
    if len(parts) != len(legacy):
        return text  # the legacy lines did not survive as lines: keep the whole-file reading
    fill = iter(parts)
    return "\n".join(decoded if decoded is not None else next(fill) for decoded in lines)


def _read_lines(text: str, source: str, stem: str,
                binary: set[int] = frozenset()) -> Iterator[RawDoc | InputProblem]:
    number = 0
    # Split on "\n" only: str.splitlines() would also break on U+2028 and U+0085, which JSON
    # allows unescaped inside strings.
    for line_no, line in enumerate(text.split("\n"), 1):
        if line_no in binary:
            number += 1
            yield InputProblem(f"{source}:{line_no}", "binary data in this line (a NUL byte)")
            continue
        if not line.strip():
            continue
        number += 1
        where = f"{source}:{line_no}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            # The source already names the line ("file.jsonl:3"); the message says what is wrong.
            yield InputProblem(where, f"malformed JSON ({e.msg})")
            continue
        except RecursionError:
            yield InputProblem(where, _TOO_DEEP)
            continue
        if not isinstance(value, dict):
            yield InputProblem(where, f"not a JSON object ({_json_type(value)})")
            continue
        yield _record(value, where, f"{stem}-{number}", None)


def _read_document(
    text: str, source: str, stem: str, walked: bool
) -> Iterator[RawDoc | InputProblem]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputProblem(
            source, f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})"
        )
        return
    except RecursionError:
        yield InputProblem(source, _TOO_DEEP)
        return
    if isinstance(value, dict) and _has_body_field(value):
        # A lone article object is the file itself, so it takes the file's id as a .txt does.
        yield _record(value, source, stem, "the object")
    elif isinstance(value, list) and any(
        isinstance(item, dict) and _has_body_field(item) for item in value
    ):
        for n, item in enumerate(value, 1):
            where = f"{source}#{n}"
            if isinstance(item, dict):
                yield _record(item, where, f"{stem}-{n}", f"item {n}")
            else:
                yield InputProblem(where, f"item {n}: not a JSON object ({_json_type(item)})")
    elif not walked:
        shape = "an empty list" if value == [] else _json_type(value)
        yield InputProblem(
            source, f"no article in this JSON ({shape}): expected an object with a \"text\", "
            "\"html\", \"content\" or \"body\" field, or a list of such objects")


def _has_body_field(obj: dict) -> bool:
    return any(key in obj for key in _BODY_FIELDS)


def _record(obj: dict, source: str, default_id: str, where: str | None
            ) -> RawDoc | InputProblem:
    found = _body(obj)
    if isinstance(found, str):
        return InputProblem(source, f"{where}: {found}" if where else found)
    content, kind = found
    return RawDoc(
        id=_record_id(obj.get("id")) or default_id,
        source=source,
        content=content,
        kind=kind,
        title=text_field(obj.get("title")),
        url=text_field(obj.get("url")),
        published=iso_date(_first(obj, "published", "date")),
        outlet=_outlet(_first(obj, "outlet", "source", "site")),
        language=language_code(_first(obj, "language", "lang")),
    )


def _body(obj: dict) -> tuple[str, str] | str:
    """(content, kind) from the first usable body field, or a message saying what is wrong."""
    complaint = None
    for key in _BODY_FIELDS:
        if key not in obj:
            continue
        value = obj[key]
        if not isinstance(value, str):
            complaint = complaint or f'"{key}" is not a string ({_json_type(value)})'
            continue
        if not value.strip():
            complaint = complaint or f'"{key}" is empty'
            continue
        if key == "html" or (key in ("content", "body") and _MARKUP.search(value[:_MARKUP_HEAD])):
            return value, "html"
        return value.replace("\r\n", "\n").replace("\r", "\n"), "text"
    return complaint or _NO_BODY


def _first(obj: dict, *keys: str) -> object:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _record_id(value: object) -> str | None:
    if isinstance(value, bool):
        return None  # true/false is no one's id
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None



def _outlet(value: object) -> str | None:
    # News APIs often give the outlet as {"id": ..., "name": "Le Monde"}.
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    return text_field(value)



def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
