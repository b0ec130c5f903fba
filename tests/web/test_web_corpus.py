"""End to end on a real corpus database: the seeds and one hostile article added with
`Corpus.add` into a fresh database, served by uvicorn on 127.0.0.1, every page fetched.

The corpus is opened in the server's thread, as `serve` does (SQLite connections belong to
their thread). Slow: the articles go through the whole pipeline.
"""

import re

import httpx
import pytest

from recoupe.corpus import Corpus
from recoupe.model import RawDoc
from recoupe.render import jsonout
from recoupe.text import entity_key
from recoupe.web import create_app

from .support import HOSTILE, SEEDS, serving

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repo")]

EVIL_TEXT = (f"Le pont du Nord a rouvert lundi après deux mois de travaux. {HOSTILE}\n\n"
             "Élise Borne, la maire, a salué la fin du chantier devant les habitants.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    evil = RawDoc(id="evil", source="evil.txt", content=EVIL_TEXT, title=f"Pont {HOSTILE}",
                  outlet="L'Écho <b>du Nord</b>", published="2024-04-08")
    with Corpus(path) as corpus:
        report = corpus.add([str(SEEDS)], docs=[evil])
    assert len(report.added) == 6 and not report.problems
    return path


@pytest.fixture(scope="module")
def web(db):
    with serving(lambda: create_app(Corpus(db, read_only=True))) as url:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client


def _ok(client, url, **params):
    r = client.get(url, params=params)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert "Traceback" not in r.text
    return r


def test_web_corpus_every_page_of_every_story(web):
    stories = _ok(web, "/", format="json").json()
    assert len(stories) >= 2
    for info in stories:
        html = _ok(web, f"/story/{info['id']}").text
        brief = _ok(web, f"/story/{info['id']}", format="json").json()
        assert brief["format"] == "recoupe.brief/1"
        assert [s["id"] for s in brief["stories"]] == [info["id"]]
        for aid in info["articles"]:
            assert f'href="/article/{aid}"' in html
            page = _ok(web, f"/article/{aid}").text
            for anchor in re.findall(rf'href="/article/{re.escape(aid)}#([^"]+)"', html):
                assert f'id="{anchor}"' in page, (aid, anchor)
        for entity in brief["stories"][0]["entities"]:
            data = _ok(web, f"/entity/{entity_key(entity['name'])}", format="json").json()
            assert info["id"] in [s["id"] for s in data["stories"]]


def test_web_corpus_search_and_outlets(web):
    stories = _ok(web, "/", format="json").json()
    place = _ok(web, f"/story/{stories[0]['id']}", format="json").json()["stories"][0]["where"]
    found = _ok(web, "/", q=place.split(",")[0], format="json").json()
    assert stories[0]["id"] in [s["id"] for s in found]
    outlets = _ok(web, "/outlets", format="json").json()
    assert "L'Écho <b>du Nord</b>" in [o["name"] for o in outlets]
    echo = _ok(web, "/outlet/L'Écho <b>du Nord</b>", format="json").json()
    assert [a["id"] for a in echo["articles"]] and echo["claims"] >= 0


def test_web_corpus_hostile_article_is_escaped(web):
    [hit] = _ok(web, "/", q="pont Nord", format="json").json()
    html = _ok(web, f"/story/{hit['id']}").text + _ok(web, f"/article/{hit['articles'][0]}").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)" in html
    assert "{{ 7*7 }}" in html


def test_web_corpus_story_json_is_the_stored_brief(web, db):
    sid = _ok(web, "/", format="json").json()[0]["id"]
    with Corpus(db, read_only=True) as corpus:
        expected = jsonout.to_dict(corpus.brief(sid))
    assert _ok(web, f"/story/{sid}", format="json").json() == expected


def test_web_corpus_unknown_ids_and_writes(web):
    assert web.get("/story/nope").status_code == 404
    assert web.get("/article/nope", params={"format": "json"}).json()["status"] == 404
    assert web.post("/").status_code == 405
