"""The web app through FastAPI's TestClient: every page in HTML and JSON, errors, headers,
escaping of hostile article text, search, entity and outlet pages, citation links.

Most tests run on a small hand-made story (fast); those marked slow also serve the real brief
of the seed corpus.
"""

import dataclasses
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from recoupe.render import jsonout
from recoupe.text import entity_key
from recoupe.web import create_app

from .conftest import ENGLISH
from .support import FakeCorpus, hostile_brief

PAGES = ["/", "/?q=pont", "/story/s-evil", "/article/evil-1", "/article/evil-3",
         "/entity/elise-borne", "/outlets", "/outlet/Nord%2FSud%20Info",
         "/outlet/L%27%C3%89cho%20%3Cb%3Edu%20Nord%3C%2Fb%3E"]
MISSING = ["/story/nope", "/article/nope", "/entity/nope", "/outlet/nope", "/nope",
           "/static/nope.css", "/docs", "/openapi.json"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.links, self.resources = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for name in ("src", "srcset", "action", "style"):
            if name in attrs:
                self.resources.append((tag, name, attrs[name]))
        if tag == "link":
            self.resources.append((tag, "href", attrs.get("href")))


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


@pytest.mark.parametrize("url", PAGES)
def test_web_page_answers_html(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<main>" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("url", PAGES)
def test_web_page_answers_json_by_query_and_by_accept(client, url):
    sep = "&" if "?" in url else "?"
    by_query = client.get(f"{url}{sep}format=json")
    by_accept = client.get(url, headers={"Accept": "application/json"})
    assert by_query.status_code == by_accept.status_code == 200
    assert by_query.headers["content-type"] == "application/json"
    assert by_query.json() == by_accept.json()


def test_web_story_json_is_the_brief_contract(client, small_corpus):
    assert client.get("/story/s-evil?format=json").json() == jsonout.to_dict(
        small_corpus.brief("s-evil"))


def test_web_stories_json_lists_story_infos(client):
    [story] = client.get("/?format=json").json()
    assert set(story) == {"id", "title", "when", "where", "articles", "outlets", "first", "last"}
    assert story["id"] == "s-evil" and len(story["articles"]) == 3


@pytest.mark.parametrize("url", MISSING)
def test_web_unknown_is_a_404_page_or_json(client, url):
    page = client.get(url)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "404" in page.text and "Traceback" not in page.text
    data = client.get(url, headers={"Accept": "application/json"})
    assert data.status_code == 404 and data.json()["status"] == 404


def test_web_unknown_id_is_named_escaped_in_the_404(client):
    r = client.get("/story/%3Cscript%3Ex")
    assert r.status_code == 404 and "&lt;script&gt;x" in r.text and "<script>" not in r.text


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/", "/story/s-evil", "/article/evil-1", "/static/style.css"])
def test_web_is_read_only(client, method, url):
    r = client.request(method, url)
    assert r.status_code == 405
    assert "Traceback" not in r.text


def test_web_head_is_answered(client):
    r = client.head("/story/s-evil")
    assert r.status_code == 200 and not r.content


@pytest.mark.parametrize("url", ["/", "/story/s-evil", "/story/nope", "/static/style.css",
                                 "/?format=json"])
def test_web_security_headers(client, url):
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp
    assert "img-src 'self' data:" in csp and "script-src" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-frame-options"] == "DENY"
    assert client.post(url).headers["x-frame-options"] == "DENY"


def test_web_failure_is_a_500_page_without_traceback(small_corpus):
    class Broken(FakeCorpus):
        def brief(self, story_id):
            raise RuntimeError("secret detail of the failure")

    client = TestClient(create_app(Broken([hostile_brief()])))
    for accept in ("text/html", "application/json"):
        r = client.get("/story/s-evil", headers={"Accept": accept})
        assert r.status_code == 500
        assert "secret detail" not in r.text and "Traceback" not in r.text
        assert "default-src 'none'" in r.headers["content-security-policy"]


def test_web_bad_parameter_is_a_400_page(client):
    r = client.get("/?limit=many")
    assert r.status_code == 400 and "limit" in r.text and "Traceback" not in r.text


def test_web_host_guard_answers_only_listed_hosts(small_corpus):
    client = TestClient(create_app(small_corpus, allowed_hosts=["127.0.0.1", "localhost"]),
                        base_url="http://127.0.0.1:8000")
    assert client.get("/").status_code == 200
    refused = client.get("/", headers={"Host": "attacker.example"})
    assert refused.status_code == 400 and refused.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("url", ["/", "/story/s-evil", "/article/evil-1", "/outlets",
                                 "/outlet/L%27%C3%89cho%20%3Cb%3Edu%20Nord%3C%2Fb%3E",
                                 "/entity/elise-borne"])
def test_web_hostile_text_is_shown_escaped(client, url):
    html = client.get(url).text
    tags = parse(html)
    assert "script" not in tags.tags and "b" not in tags.tags
    assert "<script>alert(1)</script>" not in html
    if url not in ("/outlets", "/entity/elise-borne"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html  # literal, not 49


def test_web_pages_load_nothing_from_elsewhere(client):
    for url in PAGES:
        for tag, attr, value in parse(client.get(url).text).resources:
            assert attr != "style", f"inline style on {url} breaks the CSP"
            assert value.startswith("/"), (url, tag, attr, value)


def test_web_article_shows_text_highlights_captions_credits_and_removed(client):
    html = client.get("/article/evil-1").text
    marks = re.findall(r'<mark id="([^"]+)"[^>]*>([^<]*)</mark>', html)
    assert ("s-evil-1-1", "Le pont du Nord a rouvert lundi.") in marks
    assert "Le pont, lundi. &lt;script&gt;" in html  # caption
    assert "<dt>credits</dt><dd>AFP</dd>" in html
    details = html[html.index("<details"):html.index("</details>")]
    assert "<details" in html and " open" not in details.split(">")[0]
    assert "Partager sur Facebook" in details and "Pub &lt;script&gt;" in details


def test_web_article_links_only_web_urls(client):
    assert 'href="javascript:' not in client.get("/article/evil-2").text
    assert 'href="https://example.org/pont"' in client.get("/article/evil-3").text


def test_web_article_json_has_text_info_and_highlights(client):
    data = client.get("/article/evil-2?format=json").json()
    assert data["article"]["text"] == "Le pont du Nord a rouvert lundi matin."
    assert data["info"]["story"] == "s-evil"
    assert [c["id"] for c in data["copies"]] == ["evil-3"]
    assert data["highlighted"] == [{"anchor": "s-evil-2-1",
                                    "text": "Le pont du Nord a rouvert lundi matin."}]


def test_web_story_shows_copies_under_their_original(client):
    html = client.get("/story/s-evil").text
    articles = html[html.index('<section id="articles">'):]
    copies = articles[articles.index('<ul class="copies">'):]
    assert "/article/evil-3" in copies[:copies.index("</ul>")]
    assert articles.index("/article/evil-2") < articles.index('<ul class="copies">')


def _check_citations(client, story_url):
    """Every link from the story page to an article anchor lands on that anchor."""
    links = [h for h in parse(client.get(story_url).text).links if h.startswith("/article/")]
    assert links
    pages = {}
    for href in links:
        path, _, anchor = href.partition("#")
        if path not in pages:
            r = client.get(path)
            assert r.status_code == 200, path
            pages[path] = parse(r.text).ids
        assert not anchor or anchor in pages[path], href
    return links


def test_web_story_citations_lead_to_highlighted_sentences(client):
    links = _check_citations(client, "/story/s-evil")
    assert "/article/evil-2#s-evil-2-1" in links


def test_web_story_page_has_every_section(client):
    html = client.get("/story/s-evil").text
    for section in ("summary", "coverage", "discrepancies", "timeline", "quotes", "entities",
                    "articles"):
        assert f'<section id="{section}">' in html
    assert '<table class="matrix">' in html and '<table class="timeline">' in html
    # By default the matrix holds the claims two outlets or more carry: 3 dots, not 4.
    assert html.count('class="hit"') == 3
    assert client.get("/story/s-evil?claims=all").text.count('class="hit"') == 4
    assert 'href="/entity/elise-borne"' in html


def test_web_search_finds_the_story(client):
    assert [s["id"] for s in client.get("/?q=pont&format=json").json()] == ["s-evil"]
    assert client.get("/?q=zeppelin&format=json").json() == []
    html = client.get("/?q=pont").text
    assert 'href="/story/s-evil"' in html and 'value="pont"' in html
    assert "No story" in client.get("/?q=zeppelin").text


def test_web_entity_page_lists_variants_and_stories(client):
    html = client.get("/entity/elise-borne").text
    for variant in ("Élise Borne", "Mme Borne", "E. Borne"):
        assert f"<li>{variant}</li>" in html
    assert 'href="/story/s-evil"' in html
    data = client.get("/entity/elise-borne?format=json").json()
    assert data["type"] == "PER" and [s["id"] for s in data["stories"]] == ["s-evil"]


def test_web_outlet_counts(client):
    echo = client.get("/outlet/L%27%C3%89cho%20%3Cb%3Edu%20Nord%3C%2Fb%3E?format=json").json()
    assert (echo["claims"], echo["sole_source"]) == (2, 1)
    nord = client.get("/outlet/Nord%2FSud%20Info").text
    assert '<dd id="claims-count">1</dd>' in nord and '<dd id="sole-count">0 claims</dd>' in nord
    listing = client.get("/outlets?format=json").json()
    assert {o["name"]: (len(o["articles"]), o["claims"], o["sole_source"]) for o in listing} == {
        "L'Écho <b>du Nord</b>": (1, 2, 1), "Nord/Sud Info": (1, 1, 0), "Radio Est": (1, 1, 0)}
    assert 'href="/outlet/Nord%2FSud%20Info"' in client.get("/outlets").text


def test_web_outlet_links_round_trip(client):
    for href in parse(client.get("/outlets").text).links:
        if href.startswith("/outlet/"):
            name = unquote(urlsplit(href).path[len("/outlet/"):])
            assert client.get(href).status_code == 200
            assert client.get(f"{href}?format=json").json()["name"] == name


def test_web_control_characters_are_removed():
    brief = hostile_brief()
    a = dataclasses.replace(brief.articles[0], title="Pont\x1b[31m rouge\u202e")
    client = TestClient(create_app(FakeCorpus([dataclasses.replace(
        brief, articles=(a, *brief.articles[1:]))])))
    html = client.get("/article/evil-1").text
    assert "\x1b" not in html and "\u202e" not in html and "Pont rouge" in html


# -- the real brief of the seed corpus -------------------------------------------------------


@pytest.mark.slow
def test_web_seed_story_pages(seed_client, seed_corpus, seed_brief):
    story = seed_brief.stories[0]
    listing = seed_client.get("/?format=json").json()
    assert story.id in [s["id"] for s in listing]
    html = seed_client.get(f"/story/{story.id}?claims=all").text
    assert html.count('class="hit"') == sum(
        len({s.article for s in c.sentences} & set(story.articles)) for c in story.claims)
    assert '<table class="timeline">' in html
    assert seed_client.get(f"/story/{story.id}?format=json").json() == jsonout.to_dict(
        seed_brief)
    _check_citations(seed_client, f"/story/{story.id}")
    for e in story.entities:
        assert seed_client.get(f"/entity/{entity_key(e.name)}").status_code == 200, e.name


@pytest.mark.slow
def test_web_seed_search_finds_the_seed_story(seed_client, seed_brief):
    # The story's most mentioned person, by name: words taken from the brief, not typed in.
    person = max((e for e in seed_brief.stories[0].entities if e.type == "PER"),
                 key=lambda e: e.mentions)
    found = [s["id"] for s in seed_client.get("/", params={"q": person.name,
                                                          "format": "json"}).json()]
    assert found == [seed_brief.stories[0].id]



def _without_outlets(brief, keep: int):
    """The brief with only its first `keep` articles naming an outlet (.txt files name none)."""
    arts = tuple(a if n < keep else dataclasses.replace(a, outlet=None)
                 for n, a in enumerate(brief.articles))
    return dataclasses.replace(brief, articles=arts)


def test_web_story_with_no_known_outlet_says_outlets_unknown_not_zero():
    client = TestClient(create_app(FakeCorpus([_without_outlets(hostile_brief(), 0)])),
                        headers=ENGLISH)
    page = client.get("/story/s-evil").text
    assert "outlets unknown" in page and "0 outlets" not in page
    listing = client.get("/").text
    assert "outlets unknown" in listing and "0 outlets" not in listing


def test_web_story_counts_known_outlets_and_articles_of_unknown_outlet():
    client = TestClient(create_app(FakeCorpus([_without_outlets(hostile_brief(), 2)])),
                        headers=ENGLISH)
    page = client.get("/story/s-evil").text
    assert "2 outlets and 1 article of unknown outlet" in page
