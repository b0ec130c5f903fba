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
from recoupe.group.stories import features
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


def _annotated(n: int) -> AnnotatedArticle:
    text = (f"La mairie de Grenoble a fermé {n} écoles lundi après les crues de l'Isère. "
            "Le préfet a demandé la prudence.")
    sentence = Sentence(0, len(text), text)
    return AnnotatedArticle(
        Article(f"a{n}", f"a{n}.txt", text, title="Crues à Grenoble", outlet=f"Journal {n}",
                published="2024-05-02", language="fr"), "fr", (sentence,),
        mentions=(Mention("Grenoble", "LOC", 17, 25, 0), Mention("Isère", "LOC", 71, 76, 0)))


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[str, str]:
    """A corpus database holding two articles in one story, stored without the NLP model."""
    db = str(tmp_path_factory.mktemp("lazy") / "corpus.db")
    real = pipeline.ingest
    try:
        with Corpus(db) as corpus:
            for n in (1, 2):
                new = pipeline.NewArticle("{}", _annotated(n), features(_annotated(n)))
                pipeline.ingest = lambda *a, new=new, **k: pipeline.Ingested((new,), (), ())
                corpus.add()
            story = corpus.stories()[0].id
    finally:
        pipeline.ingest = real
    return db, story


def _heavy(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
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
    db, _ = stored
    args = [a.format(db=db) for a in args]
    assert _heavy(_RUN.format(args=args, heavy=_HEAVY)) == []


def test_serve_pages_of_stored_stories_import_nothing_heavy(stored):
    db, story = stored
    assert _heavy(_SERVE.format(db=db, story=story, heavy=_HEAVY)) == []
