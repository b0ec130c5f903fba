"""Brief -> a Markdown report.

In: a `Brief`. Out: Markdown text with the articles, each story and its entities. Article
text is escaped for Markdown and for the HTML that Markdown lets through, so a headline with
"<script>" or "|" cannot break the page or the tables.
"""

from __future__ import annotations

import re

from ..model import Brief
from .safe import count, printable

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def escape(value) -> str:
    """Untrusted text -> Markdown that shows it as written (one line)."""
    text = " ".join(printable(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def render(brief: Brief) -> str:
    """Brief -> Markdown text."""
    lines = ["# recoupe brief", "",
             f"{count(len(brief.articles), 'article')}, "
             f"{count(len(brief.stories), 'story', 'stories')}.", "",
             "## Articles", "",
             "| # | id | published | outlet | credits | lang | title |",
             "|---|---|---|---|---|---|---|"]
    for n, a in enumerate(brief.articles, 1):
        # The outlet in its own column, never a credit in its place: a photo or wire credit
        # is not who published the article.
        lines.append(f"| {n} | {escape(a.id)} | {escape(a.published or '?')} "
                     f"| {escape(a.outlet or 'outlet unknown')} "
                     f"| {escape(', '.join(a.credits))} "
                     f"| {escape(a.language)} | {escape(a.title)} |")
    number = {a.id: n for n, a in enumerate(brief.articles, 1)}
    for story in brief.stories:
        lines += ["", f"## Story: {escape(story.title or story.id)}", "",
                  f"- when: {escape(story.when or 'unknown')}",
                  f"- where: {escape(story.where or 'unknown')}",
                  "- articles, oldest first: "
                  + ", ".join(f"[{number.get(i, '?')}]" for i in story.articles),
                  ""]
        if story.summary:
            lines += ["### Summary", ""]
            for s in story.summary:
                cites = " ".join(f"[{number.get(i, '?')}]" for i in s.articles)
                lines.append(f"- {escape(s.text)} {cites}")
            lines.append("")
        if story.claims:
            lines += ["### Claims and who carries them", "",
                      "| claim | outlets | independent | sources |", "|---|---|---|---|"]
            for c in story.claims:
                sources = " ".join(f"[{number.get(i, '?')}]" for i in c.articles)
                lines.append(f"| {escape(c.text)} | {c.support} | {c.independent_support} "
                             f"| {sources} |")
            lines.append("")
        lines += ["### People, places and organisations", "",
                  "| name | type | mentions | sources | also written |", "|---|---|---|---|---|"]
        for e in story.entities:
            sources = " ".join(f"[{number.get(i, '?')}]" for i in e.articles)
            others = ", ".join(escape(v) for v in e.variants if v != e.name)
            lines.append(f"| {escape(e.name)} | {e.type} | {e.mentions} | {sources} "
                         f"| {others} |")
        if story.discrepancies:
            lines += ["", "### Where the sources differ"]
            for d in story.discrepancies:
                lines += ["", f"**{escape(d.about)}**", ""]
                lines += [f"- [{number.get(v.article, '?')}] {escape(v.text)}" for v in d.values]
        if story.timeline:
            lines += ["", "### Timeline", "", "| date | what | sources |", "|---|---|---|"]
            for e in story.timeline:
                date = e.date if e.certain else f"{e.date} (?)"
                sources = " ".join(f"[{number.get(i, '?')}]" for i in e.articles)
                lines.append(f"| {escape(date)} | {escape(e.text)} | {sources} |")
        if story.statements:
            lines += ["", "### Statements carried by several outlets", ""]
            for st in story.statements:
                sources = " ".join(f"[{number.get(i, '?')}]" for i in st.articles)
                lines.append(f"- **{escape(st.speaker or '?')}**: {escape(st.gist)} {sources}")
        if story.quotes:
            lines += ["", "### Quotes by speaker"]
            speakers: dict[str, list] = {}
            for q in story.quotes:
                speakers.setdefault(q.speaker or "(unknown speaker)", []).append(q)
            for speaker, quotes in sorted(speakers.items()):
                lines += ["", f"#### {escape(speaker)}", ""]
                for q in quotes:
                    words = f"« {escape(q.text)} »" if q.kind != "indirect" else escape(q.text)
                    via = f" (via {escape(q.via)})" if q.via else ""
                    lines.append(f"- {words} [{number.get(q.article, '?')}]{via}")
    if brief.problems:
        lines += ["", "## Inputs that could not be used", ""]
        lines += [f"- {escape(p)}" for p in brief.problems]
    return "\n".join(lines) + "\n"
