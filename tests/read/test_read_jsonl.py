"""JSON and JSON Lines files: records, their fields and ids, and the problems of bad records."""

from __future__ import annotations

import json

import pytest

from recoupe.model import RawDoc

from .support import read


def _jsonl(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8") + b"\n"


def test_read_jsonl_malformed_line_is_reported_with_its_number_and_others_still_yield(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(_jsonl(
        '{"text": "Un."}',
        "",
        '{"text": "Deux." "title": "oubli de virgule"}',
        '{"text": "Trois."}',
        "   ",
        '{"title": "sans texte"}',
        '["pas", "un", "objet"]',
        '{"text": "Quatre."}',
    ))
    docs, problems = read([path])
    assert [d.content for d in docs] == ["Un.", "Trois.", "Quatre."]
    # Ids number the records (non-blank lines), so fixing line 3 does not renumber the others.
    assert [d.id for d in docs] == ["articles-1", "articles-3", "articles-6"]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:4", f"{path}:8"]
    assert [str(p) for p in problems] == [
        f"{path}:3: malformed JSON (Expecting ',' delimiter)",
        f'{path}:6: no "text", "html", "content" or "body" field',
        f"{path}:7: not a JSON object (a list)",
    ]


def test_read_jsonl_reads_every_field(tmp_path):
    record = {
        "id": "lm-42", "title": " Sommet à Tromsø ", "url": "https://example.org/a",
        "published": "Wed, 13 Sep 2023 08:30:00 +0200", "source": {"id": "lm", "name": "Le Monde"},
        "lang": "fr-FR", "text": "Le président a parlé.\r\nPuis il est parti.",
    }
    path = tmp_path / "a.ndjson"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert docs == [RawDoc(
        id="lm-42", source=f"{path}:1", content="Le président a parlé.\nPuis il est parti.",
        kind="text", title="Sommet à Tromsø", url="https://example.org/a",
        published="2023-09-13T08:30:00+02:00", outlet="Le Monde", language="fr",
    )]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"text": "T"}, ("text", "T")),
        ({"html": "<p>H</p>"}, ("html", "<p>H</p>")),
        ({"content": "C"}, ("text", "C")),
        ({"body": "B"}, ("text", "B")),
        ({"content": "<div><p>C</p></div>"}, ("html", "<div><p>C</p></div>")),
        ({"text": "T", "html": "<p>H</p>"}, ("text", "T")),
        ({"text": "", "html": "<p>H</p>"}, ("html", "<p>H</p>")),
        ({"text": None, "body": "B"}, ("text", "B")),
    ],
)
def test_read_jsonl_body_field_and_kind(tmp_path, record, expected):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [doc], _ = read([path])
    assert (doc.kind, doc.content) == expected


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"title": "x"}, 'no "text", "html", "content" or "body" field'),
        ({"text": "  "}, '"text" is empty'),
        ({"text": ["a", "b"]}, '"text" is not a string (a list)'),
    ],
)
def test_read_jsonl_record_without_usable_text_is_a_problem(tmp_path, record, message):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n")
    docs, problems = read([path])
    assert docs == [] and [p.message for p in problems] == [message]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc", "abc"),
        (" abc ", "abc"),
        (17, "17"),
        ("", "r-1"),
        (None, "r-1"),
        (True, "r-1"),
        ({"a": 1}, "r-1"),
    ],
)
def test_read_jsonl_id_is_the_record_id_else_stem_and_number(tmp_path, value, expected):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": value, "text": "T"}) + "\n")
    [doc], _ = read([path])
    assert doc.id == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2023-09-13", "2023-09-13"),
        ("2023-09", "2023-09"),
        ("2023-09-13T08:30:00+02:00", "2023-09-13T08:30:00+02:00"),
        ("2023-09-13T06:30:00Z", "2023-09-13T06:30:00+00:00"),
        ("Wed, 13 Sep 2023 08:30:00 GMT", "2023-09-13T08:30:00+00:00"),
        (1694586600, "2023-09-13T06:30:00Z"),
        (1694586600000, "2023-09-13T06:30:00Z"),
        ("13 septembre 2023", "13 septembre 2023"),  # left for the cleaner's date parser
        ("", None),
    ],
)
def test_read_jsonl_dates_become_iso_8601(tmp_path, date, expected):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"date": date, "text": "T"}) + "\n")
    [doc], _ = read([path])
    assert doc.published == expected


def test_read_json_list_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps(
        [{"text": "Un."}, {"id": "x", "html": "<p>Deux.</p>"}, {"title": "vide"}, "texte"]))
    (tmp_path / "one.json").write_text(json.dumps({"text": "Seul.", "outlet": "AFP"}))
    docs, problems = read([tmp_path / "list.json", tmp_path / "one.json"])
    assert [(d.id, d.source, d.kind) for d in docs] == [
        ("list-1", f"{tmp_path / 'list.json'}#1", "text"),
        ("x", f"{tmp_path / 'list.json'}#2", "html"),
        ("one", str(tmp_path / "one.json"), "text"),
    ]
    assert docs[2].outlet == "AFP"
    assert [str(p) for p in problems] == [
        f'{tmp_path / "list.json"}#3: item 3: no "text", "html", "content" or "body" field',
        f"{tmp_path / 'list.json'}#4: item 4: not a JSON object (a string)",
    ]


def test_read_json_malformed_names_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "Un."},\n  {"text": }\n]')
    docs, problems = read([path])
    assert docs == []
    assert [p.message for p in problems] == [
        "malformed JSON (Expecting value at line 3, column 12)"
    ]


def test_read_json_in_a_folder_is_skipped_only_when_it_holds_no_article(tmp_path):
    (tmp_path / "expected.json").write_text(json.dumps({"story": {"text_like": "x"}}))
    (tmp_path / "labels.json").write_text(json.dumps([{"file": "a.txt", "event": "E1"}]))
    (tmp_path / "articles.json").write_text(json.dumps([{"text": "Un."}, {"nope": 1}]))
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["articles-1"]
    assert [p.message for p in problems] == [
        'item 2: no "text", "html", "content" or "body" field'
    ]


def test_read_jsonl_legacy_encoding_and_unicode_line_separators(tmp_path):
    path = tmp_path / "r.jsonl"
    # U+2028 is legal inside a JSON string and must not split the record.
    path.write_bytes(json.dumps({"text": "un\u2028deux"}, ensure_ascii=False).encode() + b"\n"
                     + '{"text": "L’œuvre coûte 5 €."}\n'.encode("cp1252"))
    docs, problems = read([path])
    assert problems == []
    assert [d.content for d in docs] == ["un\u2028deux", "L’œuvre coûte 5 €."]
