"""The web UI in a real browser: uvicorn on 127.0.0.1 and Debian's headless Chromium (Playwright).

From the story list the test clicks through to the seed story, checks that the coverage
matrix and the timeline are laid out on screen, follows a citation to its highlighted
sentence, and keeps a screenshot (tests/web/artifacts/story.png) checked not to be blank.
Throughout, no request may leave 127.0.0.1 (any other is aborted and recorded), the console
must stay free of errors (a CSP violation is one) and the script in an article's text must
never run. Skipped when Chromium is absent on a developer's machine; CI installs it.
"""

import struct
import zlib
from pathlib import Path

import pytest

from recoupe.web import create_app
from tests.browser import guarded_page, needs_chromium

from .support import serving

pytestmark = [pytest.mark.slow, needs_chromium]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def base_url(seed_corpus):
    with serving(lambda: create_app(seed_corpus)) as url:
        yield url




@pytest.fixture
def page(browser, base_url):
    """A page that records every request, aborts those leaving the server, and records
    console errors, page errors and dialogs (an alert() would open one)."""
    context, p, seen = guarded_page(browser, base_url, viewport={"width": 1200, "height": 900})
    seen.update(requests=[], dialogs=[])
    p.on("request", lambda r: seen["requests"].append(r.url))
    p.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    p.seen = seen
    yield p
    context.close()
    assert not seen["outside"], f"requests left 127.0.0.1: {seen['outside']}"
    assert not seen["errors"], f"console errors: {seen['errors']}"
    assert not seen["dialogs"], f"a script ran: {seen['dialogs']}"
    assert all(u.startswith(base_url + "/") for u in seen["requests"])


def _png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """A PNG file -> (width, height, distinct byte values of its image data)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def _box_inside(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    size = page.evaluate("[document.documentElement.scrollWidth,"
                         " document.documentElement.scrollHeight]")
    assert box and box["width"] > 50 and box["height"] > 20, (selector, box)
    assert box["x"] >= 0 and box["y"] >= 0, (selector, box)
    assert box["x"] + box["width"] <= size[0] + 1 and box["y"] + box["height"] <= size[1] + 1
    return box


def test_web_browser_click_through_to_a_story(page, base_url, seed_brief):
    story = seed_brief.stories[0]
    page.goto(base_url + "/")
    assert page.is_visible("ol.stories")
    page.click(f'a[href="/story/{story.id}"]')
    page.wait_for_url(f"{base_url}/story/{story.id}")
    assert page.is_visible("table.matrix") and page.is_visible("table.timeline")
    # the corroborated claims, each with two dots or more
    rows = page.locator("table.matrix tbody tr").count()
    assert page.locator("table.matrix td.hit").count() >= 2 * rows > 0
    _box_inside(page, "#coverage .scroll")
    _box_inside(page, "table.timeline")
    # The page does not scroll sideways; a wide matrix scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "story.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height, colours = _png_size_and_colours(shot)
    assert width == 1200 and height > 900 and colours > 50
    assert shot.stat().st_size > 20_000


def test_web_browser_citation_leads_to_the_highlighted_sentence(page, base_url, seed_brief):
    story = seed_brief.stories[0]
    page.goto(f"{base_url}/story/{story.id}")
    link = page.locator("table.matrix td.hit a").nth(3)
    sentence = link.get_attribute("title")
    link.click()
    page.wait_for_url("**/article/**")
    assert page.evaluate("location.hash").startswith("#s-")
    assert page.inner_text("mark:target") == sentence
    assert page.is_visible("mark:target")


def test_web_browser_script_in_an_article_is_shown_not_run(page, base_url):
    for url in ("/?q=pont", "/story/s-evil", "/article/evil-1"):
        page.goto(base_url + url)
        assert "<script>alert(1)</script> {{ 7*7 }}" in page.inner_text("main")
        assert page.locator("main script").count() == 0
    page.click("details.removed summary")
    assert "Pub <script>alert(1)</script>" in page.inner_text("details.removed pre")


def test_web_browser_wide_matrix_stays_readable(page, base_url):
    page.goto(base_url + "/story/s-wide")
    headers = page.locator("table.matrix tr >> nth=0").locator("th")
    assert headers.count() == 3 + 12
    claim = page.locator("table.matrix th").first.bounding_box()
    assert claim["width"] >= 250  # the claim column is not squeezed by twelve articles
    for i in range(3, 15):
        box = headers.nth(i).bounding_box()
        assert 20 <= box["width"] <= 60 and box["height"] <= 220
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-wide.png"), full_page=True)


def test_web_browser_every_page_kind_is_clean(page, base_url, seed_brief):
    """No console error, no outside request on each kind of page (checked by the fixture)."""
    a = seed_brief.articles[0]
    for url in ("/outlets", "/outlet/Nord%2FSud%20Info", f"/article/{a.id}",
                "/entity/elise-borne"):
        assert page.goto(base_url + url).status == 200
        assert page.is_visible("main h1")
    assert page.goto(base_url + "/story/nope").status == 404
    assert "There is no story 'nope'" in page.inner_text("main")
    # The browser reports the 404 of the page itself; nothing else may fail.
    assert page.seen["errors"] == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.seen["errors"].clear()
    page.fill("input[name=q]", "pont")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=pont")
    assert page.is_visible('a[href="/story/s-evil"]')
