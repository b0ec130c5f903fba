"""The languages of the HTML report and the web pages.

`N_(message)` marks a chrome string written in Python (a page title, a label) for extraction
without translating it there: the template that shows it translates it (`_(title)`).
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention extraction looks for
    """A chrome string, marked for the catalogue and returned as written."""
    return message
