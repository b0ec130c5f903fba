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
