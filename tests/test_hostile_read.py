"""Hostile and careless inputs to the readers: odd names, odd records, special files, links.

Every case here once lost a whole run (a traceback, a hang, a whole file refused); each must
now cost the one input or record at fault, with one problem line, and never hang.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from recoupe.config import ReadConfig
from tests.read.support import read

_TEXT = "Le maire a annoncé mardi la fermeture du pont pour trois mois de travaux."


def _utf8_clean(value: str | None) -> bool:
    """Whether a string can be written anywhere that takes UTF-8 (a database, a page)."""
    try:
        (value or "").encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _read_in_thread(inputs, config=None, wait=60.0):
    """read(inputs) in a thread; (done, result): done is False if it was still running."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(read(inputs, config)), daemon=True)
    thread.start()
    thread.join(wait)
    return bool(out), (out[0] if out else None)


@pytest.mark.parametrize("value, expected", [
    ("lat\udce9.txt", "lat\\xe9.txt"),  # a byte of a non-UTF-8 file name (surrogateescape)
    ("x\ud83dy", "x\\ud83dy"),  # a lone surrogate from a JSON escape
    ("ordinaire é", "ordinaire é"),
])
def test_read_shown_escapes_surrogates(value, expected):
    from recoupe.read.fields import shown

    assert shown(value) == expected


def test_read_non_utf8_file_name_is_read_and_named_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"lat\xe9.txt"), "wb") as f:
        f.write(_TEXT.encode())
    (tmp_path / "ok.txt").write_text(_TEXT + " Encore.", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert problems == []
    assert len(docs) == 2
    for doc in docs:
        assert _utf8_clean(doc.id) and _utf8_clean(doc.source)
    assert any("lat\\xe9" in doc.source for doc in docs)


def test_read_jsonl_lone_surrogate_costs_nothing(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(
        '{"id": "a", "title": "Titre \\ud83d", "text": "Un texte \\ud83d ici."}\n'
        '{"id": "b", "title": "Autre", "text": "Un autre texte."}\n', encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert [d.id for d in docs] == ["a", "b"]
    for doc in docs:
        assert all(_utf8_clean(v) for v in (doc.title, doc.content, doc.id, doc.source))
    assert "\\ud83d" in docs[0].title


def test_read_jsonl_nul_byte_costs_its_line_only(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Un."}\n{"id": "b", "text": "De\x00ux."}\n'
                     b'{"id": "c", "text": "Trois."}\n')
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "c"]
    assert len(problems) == 1 and problems[0].source.endswith(":2")


def test_read_jsonl_deep_nesting_costs_its_line_only(tmp_path):
    path = tmp_path / "items.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(f'{{"id": "a", "text": "Un."}}\n{deep}\n{{"id": "c", "text": "Trois."}}\n',
                    encoding="utf-8")
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "c"]
    assert len(problems) == 1 and problems[0].source.endswith(":2")
    assert "bug" not in problems[0].message


def test_read_fifo_named_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    try:
        done, result = _read_in_thread([fifo], wait=30.0)
    finally:
        if not locals().get("done"):
            # Unblock a reader stuck in open(): a writer that closes at once.
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
    assert done, "reading a FIFO hung"
    docs, problems = result
    assert docs == [] and len(problems) == 1
    assert "not a regular file" in problems[0].message


def test_read_device_named_is_refused():
    docs, problems = read(["/dev/zero"])
    assert docs == [] and "not a regular file" in problems[0].message


def _folder_with_links(tmp_path: Path) -> Path:
    # A file outside the folder that is not named as an article (like /etc/passwd or a key).
    outside = tmp_path / "secret"
    outside.write_text("Un secret hors du dossier, qui ne doit pas être lu.", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(_TEXT, encoding="utf-8")
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "escape.txt").symlink_to(outside)
    return folder


def test_read_symlink_to_an_article_elsewhere_is_followed(tmp_path):
    """A folder of links to article files kept elsewhere (as evaluation tools build) reads."""
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "b.txt").write_text(_TEXT, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.txt").symlink_to(kept / "b.txt")
    docs, problems = read([folder])
    assert [d.id for d in docs] == ["b"] and problems == []


def test_read_symlink_out_of_folder_is_not_followed(tmp_path):
    folder = _folder_with_links(tmp_path)
    docs, problems = read([folder])
    assert sorted(d.id for d in docs) == ["a", "inside"]
    assert len(problems) == 1 and "outside the folder" in problems[0].message
    assert problems[0].source.endswith("escape.txt")


def test_read_symlink_out_of_folder_followed_when_allowed(tmp_path):
    folder = _folder_with_links(tmp_path)
    docs, problems = read([folder], ReadConfig(follow_symlinks=True))
    assert sorted(d.id for d in docs) == ["a", "escape", "inside"] and problems == []
