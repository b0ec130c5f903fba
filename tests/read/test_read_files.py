"""Files and folders: the walk, what it skips, the size cap, ids, and the shared corpora."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from recoupe.config import ReadConfig

from .support import read

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
RPM2 = REPO.parent / "shared" / "corpus" / "rpm2-dev" / "documents"


def _tree(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
    return root


def test_read_folder_walks_sorted_and_skips_what_is_not_an_article(tmp_path):
    _tree(tmp_path, {
        "b.txt": "Deuxième.",
        "a.txt": "Premier.",
        "sub/c.html": "<html><body><p>Troisième.</p></body></html>",
        "sub/deeper/d.txt": "Quatrième.",
        "a/z.txt": "Dans a/.",
        "expected.json": json.dumps({"ids": {"A0": "a"}, "story": {"what": "x"}}),
        "labels.json": json.dumps([{"file": "a.txt", "event": "T01"}]),
        "notes.md": "# notes",
        "script.py": "print(1)",
        "image.png": b"\x89PNG\r\n\x1a\n",
        "sitemap.xml": "<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>",
        ".hidden.txt": "caché",
        ".git/HEAD.txt": "caché aussi",
        "README": "no extension",
    })
    docs, problems = read([tmp_path])
    assert problems == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "a/z.txt", "a.txt", "b.txt", "sub/c.html", "sub/deeper/d.txt",
    ]
    assert [d.id for d in docs] == ["z", "a", "b", "c", "d"]
    assert [d.kind for d in docs] == ["text", "text", "text", "html", "text"]
    assert docs[0].source == str(tmp_path / "a" / "z.txt")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
        ("notes.md", b"# Titre", "unsupported file type .md"),
        ("expected.json", b'{"ids": {}}', "no article in this JSON (an object)"),
        ("labels.json", b'[{"file": "a"}]', "no article in this JSON (a list)"),
        ("empty.json", b"[]", "no article in this JSON (an empty list)"),
        ("sitemap.xml", b"<?xml version='1.0'?><urlset><url/></urlset>", "not an RSS or Atom feed"),
    ],
)
def test_read_file_named_explicitly_is_a_problem_when_not_an_article(
    tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    docs, problems = read([path])
    assert docs == []
    assert len(problems) == 1 and problems[0].message.startswith(message)


def test_read_file_without_extension_named_explicitly_is_sniffed(tmp_path):
    _tree(tmp_path, {"page": "<html><body><p>Bonjour.</p></body></html>", "note": "Bonjour."})
    docs, problems = read([tmp_path / "page", tmp_path / "note"])
    assert problems == []
    assert [(d.id, d.kind) for d in docs] == [("page", "html"), ("note", "text")]


def test_read_path_missing_or_empty_folder_is_a_problem(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "meta").mkdir()
    (tmp_path / "meta" / "expected.json").write_text("{}")
    docs, problems = read([tmp_path / "nowhere.txt", tmp_path / "empty", tmp_path / "meta"])
    assert docs == []
    assert [p.message.split(" (")[0] for p in problems] == [
        "no such file or folder", "no article files in this folder",
        "no article files in this folder",
    ]


def test_read_file_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("mot " * 300)
    docs, problems = read([path], ReadConfig(max_bytes=1024))
    assert docs == []
    assert [p.message for p in problems] == [
        "larger than the 1 KiB cap (1200 bytes); raise read.max_bytes to accept it"
    ]
    docs, problems = read([path], ReadConfig(max_bytes=1200))
    assert problems == [] and len(docs) == 1


def test_read_file_sparse_100_mib_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(100 * 1024 * 1024)

    def _no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("recoupe.read.files.open", _no_open, raising=False)
    docs, problems = read([path])
    assert docs == []
    assert [str(p) for p in problems] == [
        f"{path}: larger than the 20 MiB cap (104857600 bytes); raise read.max_bytes to accept it"
    ]


def test_read_html_file_charset_from_meta_then_detection(tmp_path):
    body = "<p>L’été, 5 € pour l’œuvre.</p>"
    _tree(tmp_path, {
        "meta.html": f"<html><head><meta charset='windows-1252'></head><body>{body}</body></html>"
        .encode("cp1252"),
        "equiv.htm": ("<html><head><meta http-equiv='Content-Type' content='text/html; "
                      f"charset=ISO-8859-1'></head><body>{body}</body></html>").encode("cp1252"),
        "none.html": f"<html><body>{body}</body></html>".encode("cp1252"),
        "lying.html": f"<html><head><meta charset='iso-8859-1'></head><body>{body}</body></html>"
        .encode("utf-8"),
    })
    docs, problems = read([tmp_path])
    assert problems == []
    assert [d.id for d in docs] == ["equiv", "lying", "meta", "none"]
    for doc in docs:
        assert doc.kind == "html" and body in doc.content and doc.content.startswith("<html>")


def test_read_duplicate_ids_get_a_deterministic_suffix(tmp_path):
    _tree(tmp_path, {"one/001.txt": "Un.", "two/001.txt": "Deux.", "three/001.html": "<p>3</p>",
                     "001-2.txt": "Quatre."})
    docs, problems = read([tmp_path / "one", tmp_path / "two", tmp_path / "three",
                           tmp_path / "001-2.txt", tmp_path / "one"])
    assert problems == []
    assert [d.id for d in docs] == ["001", "001-2", "001-3", "001-2-2", "001-4"]
    assert [d.content for d in docs] == ["Un.", "Deux.", "<p>3</p>", "Quatre.", "Un."]


def test_read_order_and_ids_are_stable_across_runs(tmp_path):
    _tree(tmp_path, {f"{n:03}.txt": f"Article {n}." for n in range(20)})
    first, _ = read([tmp_path])
    second, _ = read([tmp_path])
    assert first == second


def test_read_unsupported_url_scheme_is_a_problem():
    docs, problems = read(["ftp://127.0.0.1/a.txt"])
    assert docs == []
    assert [p.message for p in problems] == ["unsupported URL scheme ftp: (only http and https)"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repo")
def test_read_seeds_corpus_yields_five_articles_and_skips_expected_json():
    docs, problems = read([SEEDS])
    assert problems == []
    assert len(docs) == 5
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(d.kind == "text" and d.content.strip() and "\r" not in d.content for d in docs)


@pytest.mark.skipif(not RPM2.is_dir(), reason="../shared/corpus/rpm2-dev is not beside the repo")
def test_read_rpm2_documents_read_without_problems():
    docs, problems = read([RPM2])
    assert problems == []
    assert len(docs) == 200
    assert not any(d.content.startswith("\ufeff") or "\r" in d.content for d in docs)


def test_read_a_reader_crash_becomes_one_problem_and_the_run_goes_on(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text("Un article.")

    def _broken(given, config):
        yield from ()
        raise RuntimeError("boom")

    monkeypatch.setattr("recoupe.read.read_path", _broken)
    docs, problems = read(["anything", "-"], stdin=io.BytesIO(b"Un texte."))
    assert [d.source for d in docs] == ["<stdin>"]
    assert [str(p) for p in problems] == [
        "anything: could not be read: RuntimeError: boom (a bug in recoupe; please report it "
        "with this input)"
    ]


@pytest.mark.parametrize("name", ["empty.rss", "empty.jsonl", "empty.json", "empty.html"])
def test_read_empty_files_of_every_kind_are_empty(tmp_path, name):
    (tmp_path / name).write_bytes(b"\n")
    docs, problems = read([tmp_path / name])
    assert docs == [] and [p.message for p in problems] == ["file is empty"]
