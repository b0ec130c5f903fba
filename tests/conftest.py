"""Shared test options and fixtures: `--update-golden` rewrites tests/golden/ files instead of
comparing; `browser` is one headless Chromium for the whole session (see tests/browser.py)."""

import pytest


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files of rendered reports (review the diff)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, FLAGS

    assert CHROMIUM, "CI must have chromium: .ci/install-chromium installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()
