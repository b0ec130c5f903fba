"""Standard input: what it holds is sniffed (HTML, feed, JSON, JSON Lines or text)."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from recoupe.config import ReadConfig
from recoupe.read.sniff import sniff

from .support import PAGE, RSS, read


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PAGE, "html"),
        (b"  <p>Un paragraphe.</p>", "html"),
        (b"Titre\n\nUn texte avec <p>une balise</p>.", "html"),
        (b"<?xml version='1.0'?>\n<!-- c -->\n<html xmlns='http://www.w3.org/1999/xhtml'>",
         "html"),
        (RSS, "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "feed"),
        (b'{"text": "Un."}', "json"),
        (b'[{"text": "Un."}]', "json"),
        (b'{"text": "Un."}\n{"text": "Deux."}\n', "jsonl"),
        (b'{"text": "Un."}\n{"text": \n', "jsonl"),
        (b'[{"text": "Un."},', "json"),
        (b"[EXCLUSIF] Le president a parle.", "text"),
        (b"{Note} un texte entre accolades.", "text"),
        (b"Le pr\xc3\xa9sident a parl\xc3\xa9.", "text"),
        (b"", "text"),
    ],
)
def test_read_stdin_sniffs_the_kind(data, kind):
    assert sniff(data) == kind


def test_read_stdin_html_text_and_records():
    page, _ = read(["-"], stdin=io.BytesIO(PAGE))
    assert [(d.kind, d.source, d.id) for d in page] == [
        ("html", "<stdin>", hashlib.sha1(PAGE).hexdigest()[:16])]
    text, _ = read(["-"], stdin=io.BytesIO("L’œuvre coûte 5 €.".encode("cp1252")))
    assert [(d.kind, d.content) for d in text] == [("text", "L’œuvre coûte 5 €.")]
    lines = b"\n".join(json.dumps({"text": t}).encode() for t in ("Un.", "Deux."))
    records, problems = read(["-"], stdin=io.BytesIO(lines))
    assert problems == []
    assert [(d.content, d.source) for d in records] == [
        ("Un.", "<stdin>:1"), ("Deux.", "<stdin>:2")]
    feed, _ = read(["-"], stdin=io.BytesIO(RSS))
    assert [d.title for d in feed] == ["Premier", "Second"]


def test_read_stdin_empty_too_large_and_read_twice():
    assert [p.message for p in read(["-"], stdin=io.BytesIO(b" \n"))[1]] == [
        "standard input is empty"]
    _, problems = read(["-"], ReadConfig(max_bytes=10), stdin=io.BytesIO(b"x" * 100))
    assert [p.message for p in problems] == [
        "larger than the 10 bytes cap (more than 10 bytes); raise read.max_bytes to accept it"]
    docs, problems = read(["-", "-"], stdin=io.BytesIO(b"Un texte."))
    assert len(docs) == 1
    assert [str(p) for p in problems] == [
        '<stdin>: standard input was already read (give "-" once)']
