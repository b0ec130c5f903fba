"""RSS and Atom feeds: one document per item, with its metadata; bad feeds are problems."""

from __future__ import annotations

import hashlib

import pytest

from .support import RSS, read

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">
  <title>L’Hebdo</title>
  <id>urn:hebdo</id>
  <updated>2023-09-14T10:00:00+02:00</updated>
  <entry>
    <title>Le sommet</title>
    <id>urn:hebdo:1</id>
    <link href="http://example.org/sommet"/>
    <published>2023-09-13T23:30:00+02:00</published>
    <updated>2023-09-14T09:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Le président a reçu son homologue.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Brève</title>
    <id>urn:hebdo:2</id>
    <link href="http://example.org/breve"/>
    <updated>2023-09-12T08:00:00Z</updated>
    <summary>Une brève en texte.</summary>
  </entry>
</feed>
"""


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def test_read_feed_rss_items(tmp_path):
    path = tmp_path / "une.rss"
    path.write_bytes(RSS)
    docs, problems = read([path])
    assert problems == []
    first, second = docs
    assert (first.id, first.source, first.kind) == (_sha("urn:1"), f"{path}#1", "html")
    assert "<b>riche</b>" in first.content
    assert (first.title, first.url, first.outlet) == (
        "Premier", "http://example.org/1", "Le Quotidien")
    assert first.published == "2023-09-13T08:30:00+02:00"
    # Without a guid, the link is the item's identity; plain prose stays "text".
    assert (second.id, second.kind, second.content) == (
        _sha("http://example.org/2"), "text", "Un texte simple.")
    assert second.published is None


def test_read_feed_atom_entries(tmp_path):
    path = tmp_path / "hebdo.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert [(d.title, d.kind, d.url) for d in docs] == [
        ("Le sommet", "html", "http://example.org/sommet"),
        ("Brève", "text", "http://example.org/breve"),
    ]
    assert docs[0].content == "<p>Le président a reçu son homologue.</p>"
    # The publisher's offset is kept, so the day stays the 13th (it is the 14th in UTC).
    assert docs[0].published == "2023-09-13T23:30:00+02:00"
    assert docs[1].published == "2023-09-12T08:00:00+00:00"
    assert {d.outlet for d in docs} == {"L’Hebdo"}
    assert {d.language for d in docs} == {"fr"}


def test_read_feed_xml_file_in_a_folder(tmp_path):
    (tmp_path / "flux.xml").write_text(ATOM, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert problems == [] and len(docs) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<?xml version='1.0'?><rss version='2.0'><channel><title>Vide</title></channel></rss>",
         "feed has no items"),
        ("Ceci n'est pas un flux <<", "not a readable RSS or Atom feed"),
        # A title and a link is read from its page (tests/test_hostile_net.py); a title alone
        # is nothing to read.
        ("<?xml version='1.0'?><rss version='2.0'><channel><item><title>Titre seul</title>"
         "</item></channel></rss>",
         "item 1: no text in the feed and no page to fetch"),
    ],
)
def test_read_feed_empty_broken_or_textless_is_a_problem(tmp_path, content, message):
    path = tmp_path / "f.rss"
    path.write_text(content, encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert len(problems) == 1 and problems[0].message.startswith(message)
