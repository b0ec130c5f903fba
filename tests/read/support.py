"""Helpers of the read tests: a `read` shortcut, and the page and feed the local server serves."""

from __future__ import annotations

from recoupe.config import ReadConfig
from recoupe.model import InputProblem, RawDoc
from recoupe.read import read_inputs

PAGE = (
    b"<!doctype html><html><head><meta charset='utf-8'><title>Sommet</title></head>"
    b"<body><article><h1>Sommet</h1><p>Le pr\xc3\xa9sident a re\xc3\xa7u son homologue.</p>"
    b"</article></body></html>"
)
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Quotidien</title><link>http://example.org/</link>
<item><title>Premier</title><link>http://example.org/1</link><guid>urn:1</guid>
<description>&lt;p&gt;Un texte &lt;b&gt;riche&lt;/b&gt;.&lt;/p&gt;</description>
<pubDate>Wed, 13 Sep 2023 08:30:00 +0200</pubDate></item>
<item><title>Second</title><link>http://example.org/2</link>
<description>Un texte simple.</description></item>
</channel></rss>"""



def read(inputs, config=None, stdin=None):
    """(docs, problems) read from `inputs` with `config` (defaults if None)."""
    results = list(read_inputs([str(i) for i in inputs], config or ReadConfig(), stdin=stdin))
    docs = [r for r in results if isinstance(r, RawDoc)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert len(docs) + len(problems) == len(results)
    return docs, problems
