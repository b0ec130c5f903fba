"""The HTML report's story in real Chromium at 1280 and 390 px: no sideways page scroll, the
CSS-only switch shows the single-outlet claims, the matrix keeps its header row and claim
column in view while it scrolls in its own box, differences and statements side by side never
overlap, the charts are drawn with their words, and the page asks nothing of the network.
"""

import pytest

from recoupe.render import render
from tests.browser import needs_chromium
from tests.render.story_brief import big_brief

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("story") / "brief.html"
    path.write_text(render(big_brief(), "html", language="en"), encoding="utf-8")
    return path


@pytest.fixture(params=[1280, 390], ids=lambda w: f"{w}px")
def page(request, browser, report):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    p = context.new_page()
    requests = []
    p.on("request", lambda r: requests.append(r.url))
    p.goto(report.as_uri())
    yield p
    context.close()
    assert all(url.startswith("file://") for url in requests), requests


def _visible_rows(page) -> int:
    return page.evaluate("[...document.querySelectorAll('table.matrix tbody tr')]"
                         ".filter(r => r.getClientRects().length > 0).length")


def test_html_story_browser_switch_shows_single_outlet_claims(page):
    claims = big_brief().stories[0].claims
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert _visible_rows(page) == sum(c.support >= 2 for c in claims)
    page.click("label.switch")
    assert _visible_rows(page) == len(claims)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_html_story_browser_matrix_header_and_claim_column_stay_in_view(page):
    box = page.locator(".matrix-box")
    box.scroll_into_view_if_needed()
    frame = box.bounding_box()
    assert box.evaluate("b => b.scrollWidth > b.clientWidth && b.scrollHeight > b.clientHeight")
    box.evaluate("b => { b.scrollTop = 300; b.scrollLeft = 400; }")
    page.wait_for_timeout(100)
    corner = page.locator("table.matrix thead th.claim").bounding_box()
    header = page.locator("table.matrix thead th").nth(10).bounding_box()
    row = page.locator("table.matrix tbody tr").nth(8).locator("td.claim").bounding_box()
    assert abs(corner["y"] - frame["y"]) <= 2 and abs(corner["x"] - frame["x"]) <= 2
    assert abs(header["y"] - frame["y"]) <= 2
    assert abs(row["x"] - frame["x"]) <= 2


@pytest.mark.parametrize("selector", [".discrepancy .side", ".statement .side"])
def test_html_story_browser_side_by_side_never_overlaps(page, selector):
    width = page.viewport_size["width"]
    boxes = [page.locator(selector).nth(i).bounding_box()
             for i in range(page.locator(selector).count())]
    assert len(boxes) == 3
    for n, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["width"] <= width + 1 and a["width"] >= 150
        for b in boxes[n + 1:]:
            assert (a["x"] + a["width"] <= b["x"] + 1 or b["x"] + b["width"] <= a["x"] + 1
                    or a["y"] + a["height"] <= b["y"] + 1 or b["y"] + b["height"] <= a["y"] + 1)


@pytest.mark.parametrize("kind", ["support", "timeline"])
def test_html_story_browser_charts_visible_with_words(page, kind):
    chart = page.locator(f"svg.chart-{kind}").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] >= 30 and box["x"] + box["width"] <= page.viewport_size["width"] + 1
    assert chart.get_attribute("aria-label") and chart.locator("title").text_content()
