"""Renderers looked up by format name: Brief -> text.

In: a `Brief` and a format name ("text", "md", "json" or "html"). Out: the rendered text.
Renderers only read the Brief; no analysis happens here.
"""

from __future__ import annotations

from ..model import Brief

FORMATS = ("text", "md", "json", "html")


def render(brief: Brief, fmt: str, *, width: int = 120, color: bool = False,
           language: str = "auto", fallback_language: str | None = None) -> str:
    """Brief + format name -> rendered text. The HTML report speaks `language` ("fr", "en";
    "auto": the articles' language, else `fallback_language`)."""
    # Imported here: the command line reads FORMATS before the rest of recoupe is loaded.
    from . import html, jsonout, markdown, terminal

    if fmt == "json":
        return jsonout.render(brief)
    if fmt == "html":
        return html.render(brief, language, fallback_language)
    if fmt == "md":
        return markdown.render(brief)
    if fmt == "text":
        return terminal.render(brief, width=width, color=color)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
