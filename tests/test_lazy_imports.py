"""Heavy imports only where used: the commands that only read the corpus (`stories`,
`export`, `serve` and its pages of stored stories) and `--help` never import the NLP model's
libraries, the copy finder's, or Dask. Each runs in a fresh interpreter that then lists the
heavy modules it holds."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from recoupe import pipeline
from recoupe.corpus import Corpus
from recoupe.model import AnnotatedArticle, Article, Mention, Sentence

# Never needed to read a stored corpus: spaCy (and its thinc), the copy finder's datasketch
# and scipy, Dask. numpy, wordfreq and rapidfuzz serve the cross-check only.
_HEAVY = ("spacy", "thinc", "scipy", "datasketch", "dask", "distributed", "numpy", "wordfreq",
          "rapidfuzz")

_RUN = """
import json, sys
from recoupe.cli import main
try:
    code = main({args!r})
except SystemExit as e:  # --help exits
    code = e.code
assert code == 0, code
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""

_SERVE = """
import json, sys
from starlette.testclient import TestClient
from recoupe.corpus import Corpus
from recoupe.web.app import create_app
app = create_app(connect=lambda: Corpus({db!r}, read_only=True))
with TestClient(app) as client:
    for path in ("/", "/?q=crues", "/story/" + {story!r}, "/outlets"):
        assert client.get(path).status_code == 200, path
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


_RECORDS = [
    {"id": f"grenoble-{n}", "title": "Crues à Grenoble", "outlet": f"Journal {n}",
     "published": "2024-05-02",
     "text": f"La mairie de Grenoble a fermé {n + 2} écoles lundi après les crues de l'Isère. "
             "Le préfet a demandé la prudence aux habitants de la vallée."}
    for n in (1, 2)]


def _annotated(article: Article) -> AnnotatedArticle:
    """What annotate would give, without the NLP model: one sentence, two places."""
    text = article.text
    mentions = tuple(Mention(name, "LOC", text.find(name), text.find(name) + len(name), 0)
                     for name in ("Grenoble", "Isère") if name in text)
    return AnnotatedArticle(article, "fr", (Sentence(0, len(text), text),), mentions=mentions)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[str, str, str]:
    """A corpus database holding two articles of one JSON Lines file in one story, cleaned
    for real and annotated without the NLP model; the file's path."""
    folder = tmp_path_factory.mktemp("lazy")
    source = folder / "items.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _RECORDS),
                      encoding="utf-8")
    db = str(folder / "corpus.db")
    real = pipeline.process
    pipeline.process = lambda articles, *a, **k: ([_annotated(x) for x in articles], [])
    try:
        with Corpus(db) as corpus:
            assert len(corpus.add([str(source)]).added) == 2
            story = corpus.stories()[0].id
    finally:
        pipeline.process = real
    return db, story, str(source)


def _heavy(code: str, says: str = "") -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert says in done.stdout
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ["--help"],
    ["brief", "--help"],
    ["stories", "--db", "{db}"],
    ["stories", "--db", "{db}", "--search", "crues"],
    ["export", "--db", "{db}", "--what", "claims", "--format", "jsonl"],
    ["export", "--db", "{db}", "--what", "quotes", "--format", "csv"],
])
def test_cli_read_commands_import_nothing_heavy(stored, args):
    db, _, _ = stored
    args = [a.format(db=db) for a in args]
    assert _heavy(_RUN.format(args=args, heavy=_HEAVY)) == []


def test_serve_pages_of_stored_stories_import_nothing_heavy(stored):
    db, story, _ = stored
    assert _heavy(_SERVE.format(db=db, story=story, heavy=_HEAVY)) == []


def test_cli_add_of_stored_articles_loads_no_model(stored):
    """Re-adding what is stored reads and cleans, then stops: no model worker is started
    (it would be a process loading spaCy) and spaCy is never imported."""
    db, _, source = stored
    code = _RUN.format(args=["add", source, "--db", db], heavy=_HEAVY).replace(
        "from recoupe.cli import main",
        "from recoupe.annotate import worker\n"
        "def refuse(*a, **k):\n    raise AssertionError('a model worker was started')\n"
        "worker.ModelWorker.__init__ = refuse\n"
        "from recoupe.cli import main")
    heavy = _heavy(code, says="0 articles added, 2 already stored")
    assert "spacy" not in heavy and "thinc" not in heavy
