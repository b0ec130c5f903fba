"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

The page is opened from a file; the test checks that an article's <script> never runs and
shows as text, that the page asks the network for nothing, that a citation link scrolls to
its highlighted sentence, and it keeps a screenshot of the coverage matrix and timeline.
Skipped when Chromium is absent on a developer's machine; CI installs it (.ci/install-chromium).
"""


import pytest

from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Story,
    SummarySentence,
    TimelineEvent,
)
from recoupe.render import render
from tests.browser import needs_chromium

pytestmark = needs_chromium



@pytest.fixture(scope="module")
def report(tmp_path_factory):
    hostile = "<script>document.title='pwned'; window.ran=1;</script>"
    a = Article(id="a1", source="a1.html", title="Le pont rouvre",
                text=f"Le pont a rouvert lundi. {hostile}\n\nLes travaux ont duré deux mois.")
    b = Article(id="b2", source="b2.txt", text="Le pont a rouvert lundi matin.")
    claim = Claim("c1", "Le pont a rouvert lundi.", ("a1", "b2"), 2, 2,
                  (ClaimSentence("a1", "Le pont a rouvert lundi."),
                   ClaimSentence("b2", "Le pont a rouvert lundi matin.")))
    story = Story("s-1", "Le pont", "2024-04-08", "Pont Neuf", ("a1", "b2"), (),
                  claims=(claim,),
                  timeline=(TimelineEvent("2024-04-08", "Le pont a rouvert lundi.", ("a1",)),),
                  summary=(SummarySentence("Le pont a rouvert lundi.", ("a1", "b2")),))
    path = tmp_path_factory.mktemp("html") / "brief.html"
    path.write_text(render(Brief((a, b), (story,)), "html"), encoding="utf-8")
    return path, hostile




def test_html_browser_script_in_an_article_is_shown_not_run(browser, report):
    path, hostile = report
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert page.title() != "pwned"
    assert page.evaluate("window.ran === undefined")
    assert hostile in page.inner_text("#text-a1")
    assert all(url.startswith("file://") for url in requests)
    page.close()


def test_html_browser_citation_leads_to_the_highlighted_sentence(browser, report):
    path, _ = report
    page = browser.new_page()
    page.goto(path.as_uri())
    page.click(".matrix td.hit >> nth=1")
    assert page.evaluate("location.hash") == "#s-b2-1"
    assert page.inner_text("mark:target") == "Le pont a rouvert lundi matin."
    page.close()


def test_html_browser_screenshot_of_matrix_and_timeline(browser, report):
    path, _ = report
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(path.as_uri())
    assert page.is_visible("table.matrix") and page.is_visible("table.timeline")
    shot = path.with_suffix(".png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5_000
    page.close()
