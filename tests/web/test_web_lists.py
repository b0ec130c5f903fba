"""The list pages on a real corpus database written by hand (tests/web/ui_corpus.py): the
story list's sort, filters, facets, pagination, exports, days and places; the entity index
and page; the outlet page."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from recoupe.corpus import Corpus
from recoupe.web import create_app
from recoupe.web.pages import ListQuery, place_only

from . import ui_corpus


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    path = ui_corpus.build(tmp_path_factory.mktemp("ui") / "ui.db")
    corpus = Corpus(path, read_only=True)
    yield TestClient(create_app(corpus, language="en"))
    corpus.close()


def _ids(web, **params) -> list[str]:
    r = web.get("/", params={**params, "format": "json"})
    assert r.status_code == 200, r.text[:300]
    return [s["id"] for s in r.json()]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))


def _hrefs(html: str) -> list[str]:
    p = _Links()
    p.feed(html)
    return p.hrefs


@pytest.mark.parametrize("sort,expected", [
    ("newest", ["vaccin", "musee", "pont", "archives"]),
    ("outlets", ["pont", "vaccin", "musee", "archives"]),
    ("articles", ["pont", "vaccin", "musee", "archives"]),
])
def test_web_lists_sort(web, sort, expected):
    assert _ids(web, sort=sort) == expected


@pytest.mark.parametrize("params,expected", [
    ({"outlet": "Radio Fourvière"}, ["vaccin", "pont"]),
    ({"entity": "claire-vasseur"}, ["pont"]),
    ({"language": "en"}, ["musee"]),
    ({"since": "2024-04-01", "until": "2024-04-30"}, ["musee"]),
    ({"since": "2024-04-11"}, ["vaccin", "musee"]),
    ({"until": "2024-03-04"}, ["pont"]),
    ({"q": "rougeole"}, ["vaccin"]),
    ({"q": "rougeole", "outlet": "Le Matin du Rhône"}, ["vaccin"]),
    ({"outlet": "Weaving Weekly", "entity": "lyon"}, []),
    ({"q": 'pont "'}, ["pont"]),  # not valid FTS5: searched as words
])
def test_web_lists_filters(web, params, expected):
    assert _ids(web, **params) == expected


@pytest.mark.parametrize("params", [{"since": "mars"}, {"sort": "random"},
                                    {"language": "<b>"}, {"page": "0"}])
def test_web_lists_bad_parameters_are_400(web, params):
    r = web.get("/", params=params)
    assert r.status_code == 400 and "Traceback" not in r.text


def test_web_lists_facets_count_the_filtered_stories(web):
    html = web.get("/", params={"outlet": "Le Matin du Rhône"}).text
    facets = html[html.index('class="facets"'):]

    def count(label: str) -> int:
        m = re.search(re.escape(label) + r'</(?:a|strong)> <span class="n">(\d+)</span>', facets)
        return int(m.group(1)) if m else 0

    assert count("Le Matin du Rhône") == 3
    assert count("Radio Fourvière") == 2  # pont and vaccin carry both
    assert count("Weaving Weekly") == 1
    assert count(">fr") == 3 and count(">en") == 1
    assert count("2024-03") == 1 and count("2024-05") == 1
    assert count("Claire Vasseur") == 1


def test_web_lists_pagination_has_stable_urls(web):
    first = web.get("/", params={"limit": 2, "sort": "articles"}).text
    assert _ids(web, limit=2, sort="articles") == ["pont", "vaccin"]
    nexts = [h for h in _hrefs(first) if "page=2" in h]
    assert nexts == ["/?sort=articles&page=2&limit=2"]
    assert _ids(web, limit=2, sort="articles", page=2) == ["musee", "archives"]
    second = web.get(nexts[0]).text
    assert "/?sort=articles&amp;limit=2" in second or "/?sort=articles&limit=2" in _hrefs(second)
    assert web.get("/", params={"limit": 2, "page": 3}).status_code == 404


def test_web_lists_list_query_url_is_canonical():
    lq = ListQuery(q="pont", outlet="Radio Fourvière", sort="outlets", page=2)
    assert lq.url() == "/?q=pont&outlet=Radio+Fourvi%C3%A8re&sort=outlets&page=2"
    assert lq.url(page=1, outlet=None) == "/?q=pont&sort=outlets"
    assert ListQuery().url() == "/"
    assert lq.export("csv") == "/?q=pont&outlet=Radio+Fourvi%C3%A8re&sort=outlets&format=csv"


def test_web_lists_when_is_publication_days_or_said_to_be_the_texts(web):
    html = web.get("/").text
    assert "published 2024-03-04 – 2024-03-05" in html
    # The undated story: the day its text names is not shown as a publication day.
    row = html[html.index("/story/archives"):]
    row = row[:row.index("</li>")]
    assert "no article dated; the text names 1998-03-03" in row and "published 1998" not in row


@pytest.mark.parametrize("where,shown", [
    ("Lyon", "Lyon"),
    ("Lyon, France", "Lyon, France"),
    ("Américains", None),  # a nationality
    ("Rougeole", None),  # a disease
    ("Unesco", None),  # an organisation
    ("Lyon, Unesco", "Lyon"),
    (None, None),
    ("", None),
])
def test_web_lists_where_is_a_place(where, shown):
    assert place_only(where) == shown


def test_web_lists_where_shows_no_demonym_or_disease(web):
    assert {s["id"]: s["where"] for s in web.get("/?format=json").json()} == {
        "vaccin": None, "musee": None, "pont": "Lyon", "archives": None}
    html = web.get("/").text
    places = re.findall(r'<span class="where">place: <span[^>]*>([^<]*)</span>', html)
    assert places == ["Lyon"]
    assert {s["story"]: s["where"] for s in csv.DictReader(io.StringIO(
        web.get("/?format=csv").text))} == {"vaccin": "", "musee": "", "pont": "Lyon",
                                            "archives": ""}


def test_web_lists_snippet_and_coverage_bar(web):
    html = web.get("/").text
    assert "Le pont de la Guillotière rouvre lundi à Lyon après huit mois de travaux." in html
    assert 'aria-label="3 outlets, 2 independent sources; 3 articles, 1 near-copy folded"' \
        in html
    assert 'class="chart chart-per-day"' in html
    assert "style=" not in html


@pytest.mark.parametrize("url,media,first_key", [
    ("/?format=csv", "text/csv", "story"),
    ("/?format=jsonl", "application/jsonl", "story"),
    ("/entities?format=csv", "text/csv", "key"),
    ("/entities?format=jsonl", "application/jsonl", "key"),
    ("/outlets?format=csv", "text/csv", "outlet"),
    ("/outlets?format=jsonl", "application/jsonl", "outlet"),
    ("/outlet/Radio%20Fourvi%C3%A8re?format=csv", "text/csv", "article"),
    ("/entity/lyon?format=jsonl", "application/jsonl", "story"),
])
def test_web_lists_export(web, url, media, first_key):
    r = web.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
    else:
        rows = [json.loads(line) for line in r.text.splitlines()]
    assert rows and next(iter(rows[0])) == first_key


def test_web_lists_export_is_every_filtered_story_and_formula_safe(web):
    rows = [json.loads(line) for line in web.get(
        "/", params={"outlet": "Radio Fourvière", "limit": 1, "format": "jsonl"}).text.split("\n")
        if line]
    assert [r["story"] for r in rows] == ["vaccin", "pont"]  # every page, not the first
    assert rows[1]["published_first"] == "2024-03-04"
    # A list page links to its exports.
    hrefs = _hrefs(web.get("/", params={"outlet": "Radio Fourvière"}).text)
    assert "/?outlet=Radio+Fourvi%C3%A8re&format=csv" in hrefs


def test_web_lists_entities_index_counts_and_type_filter(web):
    data = web.get("/entities?format=json").json()
    assert {(e["name"], e["type"], e["stories"]) for e in data} == {
        ("Claire Vasseur", "PER", 1), ("Lyon", "LOC", 1)}
    assert [e["name"] for e in web.get("/entities?type=LOC&format=json").json()] == ["Lyon"]
    html = web.get("/entities?type=PER").text
    assert "/entity/claire-vasseur" in _hrefs(html) and "/entity/lyon" not in _hrefs(html)
    assert web.get("/entities?type=XYZ").status_code == 400
    assert web.get("/entities?page=9").status_code == 404


def test_web_lists_entity_page_quotes_contexts_and_company(web):
    html = web.get("/entity/claire-vasseur").text
    assert "Quotes across stories" in html
    assert "C&#39;est un grand jour pour le quartier" in html
    assert "Mentions in context" in html
    assert "<mark>Claire Vasseur</mark> a salué le travail des ouvriers." in html
    assert "/entity/lyon" in _hrefs(html)  # named in the same story
    assert 'class="chart chart-per-day"' in html


def test_web_lists_outlet_page_lists_its_sole_claims_and_copies(web):
    html = web.get("/outlet/Radio Fourvière").text
    sole = html[html.index('id="sole"'):html.index('id="carried"')]
    assert "Les cyclistes disposent désormais d&#39;une voie protégée." in sole
    assert "La vaccination" not in sole
    assert "carried by 1 of 3 outlets, 1 independent" in sole
    carried = html[html.index('id="carried"'):]
    assert "rouvre lundi à Lyon" in carried
    echo = web.get("/outlet/L'Écho des Quais").text
    copies = echo[echo.index('id="copies"'):]
    assert "/article/pont-1" in _hrefs(copies) and "Le Matin du Rhône" in copies
    assert 'class="chart chart-per-day"' in echo


def test_web_lists_blank_form_fields_are_no_filter(web):
    assert _ids(web, since="", until="", q="", outlet="", language="") == _ids(web)


def test_web_lists_outlet_page_lists_its_latest_articles(web, monkeypatch):
    from recoupe.web import pages

    monkeypatch.setattr(pages, "OUTLET_ARTICLES", 1)
    html = web.get("/outlet/Le Matin du Rhône", params={"lang": "en", "x": "1"}).text
    assert "The latest 1 of 3:" in html
    assert "/article/vaccin-2" in _hrefs(html) and "/article/pont-1" not in _hrefs(html)
    rows = web.get("/outlet/Le Matin du Rhône", params={"format": "jsonl"}).text.splitlines()
    assert len(rows) == 3  # the export holds every one
