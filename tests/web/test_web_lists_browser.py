"""The list pages in a real browser (Debian's headless Chromium, Playwright), at 1280 and 390 px.

The hand-written corpus database (tests/web/ui_corpus.py) is served by uvicorn on 127.0.0.1.
On the stories list, the entities index, an entity page and an outlet page: the document
never scrolls sideways, the rows of the list do not overlap, every chart is visible, inside
the page and says its numbers (role="img" with an aria-label and a <title>); no request
leaves 127.0.0.1 and the console stays free of errors (a CSP violation is one). Skipped when
Chromium is absent on a developer's machine; CI installs it.
"""

import pytest

from recoupe.corpus import Corpus
from recoupe.web import create_app
from tests.browser import guarded_page, needs_chromium

from . import ui_corpus
from .support import serving

pytestmark = [pytest.mark.slow, needs_chromium]

PAGES = ["/", "/entities", "/entity/claire-vasseur", "/outlet/Radio%20Fourvi%C3%A8re",
         "/?lang=fr", "/?outlet=Le+Matin+du+Rh%C3%B4ne&sort=outlets&limit=2"]
CHARTED = {"/": 4, "/entity/claire-vasseur": 1, "/outlet/Radio%20Fourvi%C3%A8re": 4,
           "/?lang=fr": 4}  # charts each page draws (corpus, coverage, support bars)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = ui_corpus.build(tmp_path_factory.mktemp("ui-browser") / "ui.db")
    with serving(lambda: create_app(Corpus(path, read_only=True), language="en")) as url:
        yield url


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def page(request, browser, base_url):
    context, p, seen = guarded_page(browser, base_url,
                                    viewport={"width": request.param, "height": 900})
    yield p
    context.close()
    assert not seen["outside"], f"requests left 127.0.0.1: {seen['outside']}"
    assert not seen["errors"], f"console errors: {seen['errors']}"


def _overlaps(boxes: list[dict]) -> list[tuple[int, int]]:
    hits = []
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes[i + 1:], i + 1):
            if (a["x"] < b["x"] + b["width"] - 1 and b["x"] < a["x"] + a["width"] - 1
                    and a["y"] < b["y"] + b["height"] - 1 and b["y"] < a["y"] + a["height"] - 1):
                hits.append((i, j))
    return hits


@pytest.mark.parametrize("url", PAGES)
def test_web_lists_browser_fits_the_screen(page, base_url, url):
    page.goto(base_url + url)
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    rows = page.locator("li.story-row, table.entities tbody tr")
    boxes = [rows.nth(i).bounding_box() for i in range(rows.count())]
    assert all(b and b["width"] > 0 and b["x"] + b["width"] <= width + 1 for b in boxes)
    assert not _overlaps(boxes)
    # The facets sit beside the list on a wide screen and below it on a phone, never on it.
    if page.locator("aside.facets").count():
        aside = page.locator("aside.facets").bounding_box()
        assert all(not _overlaps([b, aside]) for b in boxes)


@pytest.mark.parametrize("url", list(CHARTED))
def test_web_lists_browser_charts_are_seen_and_said(page, base_url, url):
    page.goto(base_url + url)
    charts = page.locator("svg.chart")
    assert charts.count() == CHARTED[url]
    size = page.evaluate("[document.documentElement.scrollWidth,"
                         " document.documentElement.scrollHeight]")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] >= 40 and box["height"] >= 8, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= size[0] + 1
        assert chart.get_attribute("role") == "img"
        label = chart.get_attribute("aria-label")
        assert label and any(c.isdigit() for c in label)
        assert chart.locator("title").text_content() == label
        # Colour comes from the stylesheet (the CSP allows no inline style): a bar is filled.
        fill = chart.locator("rect").last.evaluate("r => getComputedStyle(r).fill")
        assert fill not in ("", "none", "rgb(0, 0, 0)")


def test_web_lists_browser_sort_and_facet_links_work(page, base_url):
    page.goto(base_url + "/")
    page.click("nav.sort >> text=most outlets")
    page.wait_for_url("**/?sort=outlets")
    assert page.locator("li.story-row .story-title").first.inner_text() == \
        "Le pont de la Guillotière rouvre"
    page.click("section.facet >> text=Weaving Weekly")
    page.wait_for_url("**/?outlet=Weaving+Weekly&sort=outlets")
    assert page.locator("li.story-row").count() == 1
    page.fill("input[name=since]", "2024-05-01")
    page.click("aside.facets button")
    page.wait_for_url("**since=2024-05-01**")
    assert "No story passes these filters." in page.inner_text("main")
