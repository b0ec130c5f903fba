"""The web pages' languages: the message catalogues, the choice of a page's language (switch,
cookie, Accept-Language, the corpus's own), the switch's links, `lang` attributes, and no
mix-up between languages rendered at once in the thread pool.
"""

from __future__ import annotations

import dataclasses
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from recoupe.render import i18n
from recoupe.web import create_app

from .support import FakeCorpus, hostile_brief, wide_brief

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "recoupe" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _extracted() -> set:
    """Every msgid the templates and modules hold, extracted as babel.cfg says (the README's
    `pybabel extract` command)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map,
                                                keywords={"_": None, "gettext": None,
                                                          "ngettext": (1, 2), "N_": None}):
        found.add(message)
    return found


def _catalog(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "recoupe.po", "rb") as f:
        return read_po(f, locale=lang)


@pytest.fixture(scope="module")
def extracted() -> set:
    return _extracted()


def test_i18n_catalogues_hold_exactly_the_extracted_messages(extracted):
    assert len(extracted) > 80  # the extraction reads the templates, not nothing
    with open(LOCALE / "recoupe.pot", "rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    assert template == extracted, "run the README's pybabel extract and update"
    for lang in ("fr", "en"):
        catalog = _catalog(lang)
        ids = {m.id for m in catalog if m.id}
        assert ids == extracted, f"{lang}: missing {extracted - ids}, obsolete {ids - extracted}"
        assert not catalog.obsolete


def test_i18n_french_catalogue_is_complete_and_keeps_placeholders():
    for m in _catalog("fr"):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(s.strip() for s in strings), f"untranslated: {m.id!r}"
        assert "fuzzy" not in m.flags, f"fuzzy: {m.id!r}"
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, f"placeholders of {m.id!r}: {s!r}"
            # French typography: a no-break space before : ; ! ? » and after «
            assert not re.search(r" [:;!?»]|« ", s), f"breaking space in {s!r}"


@pytest.mark.parametrize("header, expected", [
    ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
    ("en-GB,en;q=0.9", "en"),
    ("de-DE, en;q=0.5, fr;q=0.7", "fr"),
    ("fr;q=0, en", "en"),
    ("de, es", None),
    ("*", None),
    ("", None),
    (None, None),
    ("fr;q=abc, en;q=0.1", "en"),
])
def test_i18n_negotiate_reads_accept_language(header, expected):
    assert i18n.negotiate(header) == expected


@pytest.mark.parametrize("codes, expected", [
    (["fr", "fr-FR", "en"], "fr"),
    (["en", None, "en-US", "fr"], "en"),
    ([None, ""], None),
])
def test_i18n_content_language_is_the_most_common(codes, expected):
    assert i18n.content_language(codes) == expected


def _english(brief):
    return dataclasses.replace(brief, articles=tuple(
        dataclasses.replace(a, language="en") for a in brief.articles))


def _lang(html: str) -> str:
    return re.search(r'<html lang="(\w+)">', html).group(1)


def _h1(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)


@pytest.fixture
def french():
    return TestClient(create_app(FakeCorpus([hostile_brief()])))


def test_web_i18n_default_is_the_corpus_language(french):
    r = french.get("/")
    assert _lang(r.text) == "fr" and _h1(r.text) == "Sujets"
    assert r.headers["content-language"] == "fr"
    english = TestClient(create_app(FakeCorpus([_english(hostile_brief())])))
    r = english.get("/")
    assert _lang(r.text) == "en" and _h1(r.text) == "Stories"


def test_web_i18n_configured_language_replaces_the_corpus_default():
    client = TestClient(create_app(FakeCorpus([hostile_brief()]), language="en"))
    assert _h1(client.get("/").text) == "Stories"
    assert _h1(client.get("/?lang=fr").text) == "Sujets"


@pytest.mark.parametrize("header, expected", [
    ("en-US,en;q=0.9", "en"),
    ("fr-CA", "fr"),
    ("de-DE,de;q=0.9", "fr"),  # nothing we speak: the corpus's language
])
def test_web_i18n_accept_language_is_honoured(french, header, expected):
    r = french.get("/outlets", headers={"Accept-Language": header})
    assert _lang(r.text) == expected
    assert _h1(r.text) == {"fr": "Médias", "en": "Outlets"}[expected]
    assert "Accept-Language" in r.headers["vary"]


def test_web_i18n_switch_sets_a_cookie_that_later_pages_keep(french):
    r = french.get("/?lang=en", headers={"Accept-Language": "fr"})
    assert _lang(r.text) == "en"
    assert "lang=en" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
    # The cookie beats Accept-Language; an explicit ?lang beats the cookie.
    assert _lang(french.get("/outlets", headers={"Accept-Language": "fr"}).text) == "en"
    assert _lang(french.get("/outlets?lang=fr").text) == "fr"
    assert _lang(french.get("/outlets").text) == "fr"


def test_web_i18n_stable_urls_need_no_cookie(french):
    for url, heading in [("/story/s-evil?lang=en", "Timeline"),
                         ("/story/s-evil?lang=fr", "Chronologie")]:
        french.cookies.clear()
        assert f"<h3>{heading}</h3>" in french.get(url).text


def test_web_i18n_switch_links_keep_the_other_parameters(french):
    html = french.get("/?q=pont&limit=5&lang=fr").text
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    assert 'href="?q=pont&amp;limit=5&amp;lang=en"' in nav
    assert 'href="?q=pont&amp;limit=5&amp;lang=fr"' in nav
    assert re.search(r'lang="fr" aria-current="true">Français<', nav)
    assert 'lang="en">English<' in nav


@pytest.mark.parametrize("url", ["/", "/story/s-evil", "/article/evil-1", "/outlets",
                                 "/outlet/Radio%20Est", "/entity/elise-borne", "/nope"])
def test_web_i18n_every_page_has_the_switch(french, url):
    r = french.get(url + "?lang=en")
    assert '<nav class="languages"' in r.text and _lang(r.text) == "en"


def test_web_i18n_quoted_article_text_carries_its_language(french):
    html = french.get("/story/s-evil?lang=en").text
    assert _lang(html) == "en"
    assert re.search(r'<h1 lang="fr">Pont', html)
    assert re.search(r'<td lang="fr">Le pont du Nord a rouvert lundi\.</td>', html)  # a claim
    article = french.get("/article/evil-1?lang=en").text
    assert re.search(r'<div class="text" id="text-evil-1" lang="fr">', article)


def test_web_i18n_errors_speak_the_reader_language_but_json_stays_english(french):
    page = french.get("/story/nope?lang=fr")
    assert page.status_code == 404 and "404 · Introuvable" in page.text
    assert "Il n&#39;y a pas de sujet &#39;nope&#39;" in page.text
    page = french.get("/story/nope?lang=en")
    assert "There is no story &#39;nope&#39;" in page.text
    data = french.get("/story/nope?format=json&lang=fr").json()
    assert data["error"] == "not found" and data["detail"].startswith("There is no story")


def test_web_i18n_pages_in_both_languages_at_once_do_not_mix():
    client = TestClient(create_app(FakeCorpus([hostile_brief(), wide_brief()])))
    urls = [f"/story/{sid}?lang={lang}" for sid in ("s-evil", "s-wide")
            for lang in ("fr", "en")] * 6

    def get(url: str) -> tuple[str, str]:
        html = client.get(url).text
        return url[-2:], _lang(html) + ("Chronologie" in html and "-fr" or "-en")

    with ThreadPoolExecutor(6) as pool:
        for lang, seen in pool.map(get, urls):
            assert seen == f"{lang}-{lang}"
