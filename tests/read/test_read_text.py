"""Plain-text files and the decoder: encodings, empty and binary files, line ends."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.model import InputProblem, RawDoc
from recoupe.read.decode import decode

from .support import read

FRENCH = "L’été dernier, le cœur de la ville a coûté 5 € à chaque habitant — « énorme ».\n"
LATIN1 = "Le président a été élu à Noël, où qu'il soit ; les élèves étaient très contents.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(FRENCH.encode("utf-8"), FRENCH, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, id="utf-8-bom"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, id="cp1252"),
        pytest.param(LATIN1.encode("latin-1"), LATIN1, id="latin-1"),
        pytest.param(LATIN1.encode("iso8859-15"), LATIN1, id="iso8859-15"),
        pytest.param(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, id="utf-16-be-bom"),
        pytest.param("Größere Übungen für Straße und Fußgänger.".encode("cp1252"),
                     "Größere Übungen für Straße und Fußgänger.", id="german-cp1252"),
        pytest.param("Президент России встретился с лидером КНДР.".encode("cp1251"),
                     "Президент России встретился с лидером КНДР.", id="russian-cp1251"),
    ],
)
def test_read_text_decodes_each_encoding(tmp_path, raw, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    docs, problems = read([path])
    assert problems == []
    assert [d.content for d in docs] == [expected]
    assert docs[0].kind == "text"


def test_read_text_cp1252_keeps_curly_quotes_oe_and_euro(tmp_path):
    (tmp_path / "a.txt").write_bytes(FRENCH.encode("cp1252"))
    [doc], _ = read([tmp_path / "a.txt"])
    for ch in "é’œ€":
        assert ch in doc.content
    assert "Ã" not in doc.content and "\x92" not in doc.content


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b"", "file is empty", id="empty"),
        pytest.param(b" \n\t\r\n  ", "file is empty", id="whitespace"),
        pytest.param(codecs.BOM_UTF8 + b"\n \n", "file is empty", id="bom-and-blanks"),
        pytest.param(b"Texte\x00\x01\x02 avec des NUL", "binary file (not text)", id="nul"),
        pytest.param(bytes(range(1, 9)) * 20 + b"abc", "binary file (not text)", id="controls"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (not text)", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\nIHDR", "binary file (not text)", id="png"),
    ],
)
def test_read_text_refuses_empty_and_binary(tmp_path, raw, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    docs, problems = read([path])
    assert docs == []
    assert [p.message for p in problems] == [message]
    assert str(problems[0]) == f"{path}: {message}"


def test_read_text_utf8_with_a_stray_cp1252_byte_is_not_misread_as_cp1252():
    utf8 = FRENCH.encode("utf-8") * 3
    stray = "Un « guillemet » collé.\n".encode("cp1252")
    assert decode(utf8 + stray + utf8, "x") == FRENCH * 3 + "Un « guillemet » collé.\n" + FRENCH * 3


def test_read_text_undecodable_bytes_are_a_problem():
    result = decode(bytes(range(128, 256)) * 2, "x")
    assert isinstance(result, InputProblem)
    assert result.message.startswith("cannot tell the text encoding")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"un\r\ndeux\r\n", "un\ndeux\n"),
        (b"un\rdeux\r", "un\ndeux\n"),
        (b"un\r\ndeux\ntrois\r", "un\ndeux\ntrois\n"),
    ],
)
def test_read_text_normalises_line_ends(raw, expected):
    assert decode(raw, "x") == expected


def test_read_text_uses_the_declared_charset_when_not_utf8():
    raw = "Ça coûte 5 €.".encode("cp1252")
    assert decode(raw, "x", declared="windows-1252") == "Ça coûte 5 €."
    # iso-8859-1 is read as cp1252, as browsers do: 0x80 is then "€", not a control character.
    assert decode(raw, "x", declared="iso-8859-1") == "Ça coûte 5 €."
    # A bogus or wrong label does not stop detection.
    assert decode(raw, "x", declared="no-such-charset") == "Ça coûte 5 €."
    assert decode(raw, "x", declared="utf-16") == "Ça coûte 5 €."


def test_read_text_id_is_the_file_name_without_extension(tmp_path):
    path = tmp_path / "000_abc.txt"
    path.write_text("Un article.", encoding="utf-8")
    [doc], _ = read([path])
    assert doc == RawDoc(id="000_abc", source=str(path), content="Un article.", kind="text")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.one_of(st.none(), st.text(max_size=12),
                                           st.sampled_from(["utf-8", "latin-1", "utf-16"])))
def test_read_text_decoder_never_raises(data, declared):
    result = decode(data, "x", declared=declared)
    assert isinstance(result, (str, InputProblem))
    if isinstance(result, str):
        assert result.strip() and "\r" not in result and "\x00" not in result
    else:
        assert result.source == "x" and result.message and "\n" not in result.message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs", "S"]), min_size=1))
def test_read_text_utf8_round_trips(text):
    result = decode(text.encode("utf-8"), "x")
    if text.strip():
        assert result == text
    else:
        assert isinstance(result, InputProblem)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl",
                                                   "a.rss", "a.xml", "noext"]))
def test_read_text_any_bytes_in_any_file_type_never_raise(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    docs, problems = read([path])
    assert all("bug in recoupe" not in p.message for p in problems)
    assert docs or problems
