"""Makes the README's pictures of the web UI: docs/screenshot-story-fr.png and -en.png (a
story page) and docs/screenshot-stories-fr.png, docs/screenshot-stories-en.png (the stories
list), each in French and in English.

In: the hand-written fixture articles (tests/fixtures/stories: original texts, so that the
picture shows no one else's), added to a temporary corpus database. Out: screenshots, in
Debian's headless Chromium (Playwright), served by `recoupe serve`'s app on 127.0.0.1:
`story_shots`, the page of the story with the most claims carried by two outlets or more
(then the most articles); `stories_list_shots`, the stories list (`?lang=fr`, `?lang=en`).

usage: .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from playwright.sync_api import sync_playwright
    from tests.web.support import serving

    from recoupe.corpus import Corpus
    from recoupe.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "recoupe.db"
        with Corpus(db) as corpus:
            corpus.add([str(ROOT / "tests" / "fixtures" / "stories")])
        corpus = Corpus(db, read_only=True)
        with serving(lambda: create_app(corpus)) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        headless=True, args=["--no-sandbox"])
            story_shots(browser, url, corpus)
            lists = stories_list_shots(browser, url)
            browser.close()
        corpus.close()
    for shot in lists:
        print(f"{shot}: the stories list")
    return 0


def story_shots(browser, url: str, corpus) -> None:
    """The story page in French and in English (`?lang=`), top of the page at 1280 px."""
    def corroborated(info) -> int:
        story = corpus.stored_story(info.id)
        return sum(c.support >= 2 for c in story.claims) if story else 0

    story = max(corpus.stories(), key=lambda s: (corroborated(s), len(s.articles)))
    for lang in ("fr", "en"):
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(f"{url}/story/{story.id}?lang={lang}")
        out = ROOT / "docs" / f"screenshot-story-{lang}.png"
        page.screenshot(path=str(out))
        page.close()
        print(f"{out}: story {story.id} ({len(story.articles)} articles) {story.title}")


def stories_list_shots(browser, url: str) -> list[Path]:
    """The stories list in each language, at a desktop width, -> the files written."""
    made = []
    for lang in ("fr", "en"):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/?lang={lang}")
        out = ROOT / "docs" / f"screenshot-stories-{lang}.png"
        page.screenshot(path=str(out), full_page=True)
        page.close()
        made.append(out)
    return made


if __name__ == "__main__":
    sys.exit(main())
