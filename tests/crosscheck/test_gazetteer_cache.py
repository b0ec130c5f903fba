"""The place table is made once and kept in the user's cache; a bad cache is made again."""

from __future__ import annotations

from recoupe.crosscheck import gazetteer


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer._places.cache_clear()


def test_gazetteer_places_cached_table_reads_back_the_same(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    made = gazetteer._places()
    [kept] = (tmp_path / "recoupe").glob("places-*.txt")
    gazetteer._places.cache_clear()
    assert gazetteer._places() == made and "quimper" in made
    assert kept.read_text(encoding="utf-8").count("\n") == len(made) - 1
    gazetteer._places.cache_clear()


def test_gazetteer_damaged_cache_is_made_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    made = gazetteer._places()
    [kept] = (tmp_path / "recoupe").glob("places-*.txt")
    kept.write_bytes(b"\xff\xfe not utf-8")
    gazetteer._places.cache_clear()
    assert gazetteer._places() == made
    gazetteer._places.cache_clear()


def test_gazetteer_unwritable_cache_still_answers(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    gazetteer._places.cache_clear()
    assert gazetteer.is_place("Quimper")
    gazetteer._places.cache_clear()
