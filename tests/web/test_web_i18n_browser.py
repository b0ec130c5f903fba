"""The language switch in a real browser (Debian's headless Chromium through Playwright), at a
desk's width and a phone's: the reader's own language first, a click to the other, the choice
kept from page to page, `<html lang>` and the headings following it; no request leaves
127.0.0.1 and the console stays clean (the switch is plain links: no script, same CSP)."""

import re

import pytest

from recoupe.web import create_app
from tests.browser import guarded_page, needs_chromium

from .support import FakeCorpus, hostile_brief, serving, wide_brief

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture(scope="module")
def base_url():
    with serving(lambda: create_app(FakeCorpus([hostile_brief(), wide_brief()]))) as url:
        yield url


def _page(browser, base_url, width: int, locale: str):
    return guarded_page(browser, base_url, viewport={"width": width, "height": 800},
                        locale=locale)


def _switch_in_view(page, width: int) -> None:
    for name in ("Français", "English"):
        box = page.locator("nav.languages a", has_text=name).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (name, box)


@pytest.mark.parametrize("width", [1280, 390])
def test_web_i18n_browser_switch_changes_the_chrome_language(browser, base_url, width):
    context, page, seen = _page(browser, base_url, width, "en-US")
    try:
        page.goto(base_url + "/")
        assert page.get_attribute("html", "lang") == "en"  # the browser asks for English
        assert page.inner_text("main h1") == "Stories"
        _switch_in_view(page, width)

        page.click("nav.languages a[hreflang=fr]")
        page.wait_for_url(re.compile(r".*\?lang=fr$"))
        assert page.get_attribute("html", "lang") == "fr"
        assert page.inner_text("main h1") == "Sujets"
        _switch_in_view(page, width)

        # The choice holds on the next page, reached by a plain link (the cookie).
        page.click('a[href="/story/s-wide"]')
        page.wait_for_url(f"{base_url}/story/s-wide")
        assert page.get_attribute("html", "lang") == "fr"
        assert page.is_visible("h3:text-is('Chronologie')")
        # Quoted article text says its own language whatever the chrome's.
        assert page.get_attribute("main h1", "lang") == "fr"

        page.click("nav.languages a[hreflang=en]")
        page.wait_for_url(re.compile(r".*/story/s-wide\?lang=en$"))
        assert page.get_attribute("html", "lang") == "en"
        assert page.is_visible("h3:text-is('Timeline')")
        assert page.get_attribute("main h1", "lang") == "fr"
        assert page.get_attribute("nav.languages a[aria-current]", "hreflang") == "en"
    finally:
        context.close()
    assert not seen["outside"], f"requests left 127.0.0.1: {seen['outside']}"
    assert not seen["errors"], f"console errors: {seen['errors']}"


def test_web_i18n_browser_french_reader_gets_french(browser, base_url):
    context, page, seen = _page(browser, base_url, 390, "fr-FR")
    try:
        page.goto(base_url + "/outlets")
        assert page.get_attribute("html", "lang") == "fr"
        assert page.inner_text("main h1") == "Médias"
    finally:
        context.close()
    assert not seen["outside"] and not seen["errors"]


@pytest.fixture(scope="module")
def ui_url(tmp_path_factory):
    from recoupe.corpus import Corpus

    from . import ui_corpus

    path = ui_corpus.build(tmp_path_factory.mktemp("i18n-browser") / "ui.db")
    corpus = Corpus(path, read_only=True)
    with serving(lambda: create_app(corpus)) as url:
        yield url
    corpus.close()


def test_web_i18n_browser_french_pages_fit_a_phone(browser, ui_url):
    """French says most things longer than English: every kind of page, in French, at 390 px,
    has no sideways scroll."""
    context, page, seen = _page(browser, ui_url, 390, "fr-FR")
    try:
        page.goto(ui_url + "/?format=json")
        stories = page.evaluate("JSON.parse(document.body.innerText)")
        story = stories["stories"][0]["id"] if isinstance(stories, dict) else stories[0]["id"]
        page.goto(f"{ui_url}/story/{story}?format=json")
        article = page.evaluate("JSON.parse(document.body.innerText)")["articles"][0]["id"]
        for url in ("/", "/entities", "/outlets", f"/story/{story}", f"/article/{article}",
                    "/story/nope"):
            page.goto(ui_url + url)
            assert page.get_attribute("html", "lang") == "fr", url
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    finally:
        context.close()
    assert not seen["outside"], seen["outside"]
    assert all("404" in e for e in seen["errors"]), seen["errors"]
