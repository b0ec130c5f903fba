"""The story page in real Chromium at 1280 and 390 px: the page never scrolls sideways, the
matrix scrolls in its own box with its header row and claim column kept in view, dots are
visible on a phone, differences and statements side by side never overlap, the charts are
drawn inside the page with their words, and no request leaves 127.0.0.1.
"""

import pytest

from recoupe.web import create_app
from tests.browser import needs_chromium
from tests.render.story_brief import big_brief

from .support import FakeCorpus, serving

pytestmark = [pytest.mark.slow, needs_chromium]

WIDTHS = [1280, 390]


@pytest.fixture(scope="module")
def base_url():
    corpus = FakeCorpus([big_brief()], copy_of={"a01": "a00"})
    with serving(lambda: create_app(corpus)) as url:
        yield url


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request, browser, base_url):
    """A page at the given width that aborts and records any request leaving the server."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(base_url + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    p = context.new_page()
    p.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield p
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not errors, f"console errors: {errors}"


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("url", ["/story/s-big", "/story/s-big?claims=all", "/article/a00"])
def test_web_story_browser_page_never_scrolls_sideways(page, base_url, url):
    page.goto(base_url + url)
    _no_sideways_scroll(page)


def test_web_story_browser_matrix_header_and_claim_column_stay_in_view(page, base_url):
    page.goto(base_url + "/story/s-big?claims=all")
    box = page.locator("#coverage .matrix-box")
    box.scroll_into_view_if_needed()
    frame = box.bounding_box()
    assert frame["x"] + frame["width"] <= page.viewport_size["width"] + 1
    # The matrix is larger than its box both ways: it scrolls inside it.
    assert box.evaluate("b => b.scrollWidth > b.clientWidth && b.scrollHeight > b.clientHeight")
    box.evaluate("b => { b.scrollTop = 300; b.scrollLeft = 400; }")
    page.wait_for_timeout(100)
    corner = page.locator("table.matrix thead th.claim").bounding_box()
    header = page.locator("table.matrix thead th").nth(10).bounding_box()
    row = page.locator("table.matrix tbody tr").nth(12).locator("td.claim").bounding_box()
    assert abs(corner["y"] - frame["y"]) <= 2 and abs(corner["x"] - frame["x"]) <= 2
    assert abs(header["y"] - frame["y"]) <= 2  # header row still at the top of the box
    assert abs(row["x"] - frame["x"]) <= 2  # claim column still at its left
    # What is under the header's centre is the header, not a row scrolled beneath it.
    hit = page.evaluate(f"document.elementFromPoint({header['x'] + header['width'] / 2},"
                        f" {header['y'] + 5}).closest('thead') !== null")
    assert hit


def test_web_story_browser_dots_visible(page, base_url):
    page.goto(base_url + "/story/s-big")
    width = page.viewport_size["width"]
    dots = page.locator("table.matrix td.hit a")
    visible = [b for b in (dots.nth(i).bounding_box() for i in range(min(dots.count(), 40)))
               if b and b["x"] >= 0 and b["x"] + b["width"] <= width]
    assert len(visible) >= 3
    claim = page.locator("table.matrix td.claim").first.bounding_box()
    assert claim["width"] <= width * 0.6 or width > 600  # the claim column leaves room for dots


def _overlap(a, b) -> bool:
    return (a["x"] < b["x"] + b["width"] - 1 and b["x"] < a["x"] + a["width"] - 1
            and a["y"] < b["y"] + b["height"] - 1 and b["y"] < a["y"] + a["height"] - 1)


@pytest.mark.parametrize("selector", [".discrepancy .side", ".statement .side"])
def test_web_story_browser_side_by_side_never_overlaps(page, base_url, selector):
    page.goto(base_url + "/story/s-big")
    width = page.viewport_size["width"]
    boxes = [page.locator(selector).nth(i).bounding_box()
             for i in range(page.locator(selector).count())]
    assert len(boxes) == 3
    for n, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["width"] <= width + 1
        assert a["width"] >= 150  # readable, not squeezed
        assert not any(_overlap(a, b) for b in boxes[n + 1:])
    stacked = len({round(b["y"]) for b in boxes}) == 3
    assert stacked == (width < 600)  # stacked on a phone, side by side on a desktop


@pytest.mark.parametrize("kind", ["coverage", "support", "timeline"])
def test_web_story_browser_charts_visible_with_words(page, base_url, kind):
    page.goto(base_url + "/story/s-big")
    chart = page.locator(f"svg.chart-{kind}").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] >= 30 and box["x"] >= 0
    assert box["x"] + box["width"] <= page.viewport_size["width"] + 1
    assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
    assert chart.locator("title").text_content()
