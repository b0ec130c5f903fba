"""What the browser tests share: Debian's Chromium, its flags, and the skip rule.

Playwright drives the system's /usr/bin/chromium (installed by .ci/install-chromium), never a
downloaded browser. On a developer's machine without it the browser tests skip, saying what
to run; under CI they fail instead, since CI must have it.
"""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (run .ci/install-chromium as root)")


def guarded_page(browser, base_url: str, **context_options):
    """A new browser context and page that let requests to `base_url` through, abort (and
    record) any other, and record console and page errors. -> (context, page, seen), seen
    holding the lists "outside" and "errors"."""
    context = browser.new_context(**context_options)
    seen = {"outside": [], "errors": []}

    def route(r):
        if r.request.url.startswith(base_url + "/"):
            r.continue_()
        else:
            seen["outside"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return context, page, seen
