"""Brief -> a readable terminal report, drawn with rich.

In: a `Brief`, a width and whether to use colour. Out: the report as text (ANSI colour codes
included when asked). Long lists are cut (the claims carried by several outlets first) with a
line saying how many more there are and which formats show them all: a terminal is for
reading, and drawing thousands of table rows takes seconds. Every piece of article text goes
through `rich.text.Text`, never through markup, so a "[bold]" in an article is shown as
written and cannot style the report, and loses its control characters first
(`safe.printable`), so it cannot drive the terminal.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..errors import escaped
from ..model import Brief, Story
from .safe import count, printable

_VARIANTS_SHOWN = 6
# Rows shown per list; the rest is counted, with a pointer to the formats that show it all.
_ROWS_SHOWN = {"entities": 25, "claims": 25, "discrepancies": 15, "timeline": 25,
               "statements": 15, "quotes": 30}


# A brief of many stories shows fewer rows of each (at least this many).
_ROWS_SHOWN_AT_LEAST = 5


@dataclass(frozen=True)
class _Ctx:
    number: dict[str, int]  # article id -> its number in the Articles table
    share: int = 1  # stories sharing the report's length


def _cut(items, name: str, ctx: _Ctx):
    """(the items shown, how many are left out) for one list of the report."""
    items = list(items)
    limit = max(_ROWS_SHOWN_AT_LEAST, _ROWS_SHOWN[name] // ctx.share)
    return items[:limit], max(0, len(items) - limit)


def _more(table: Table, left: int, what: str) -> Table:
    if left:
        table.caption = (f"… and {left} more {what}: the whole list is in "
                         "--format md, html or json")
        table.caption_justify = "left"
    return table


def _t(value, style: str = "") -> Text:
    return Text(printable(value), style=style)


def _refs(ids, number: dict[str, int]) -> str:
    """Article ids -> "[1] [3]", the numbers of the Articles table."""
    return " ".join(f"[{number.get(i, '?')}]" for i in ids)


def _articles(brief: Brief) -> Table:
    table = Table(title="Articles", title_justify="left", expand=True)
    for name in ("#", "id", "published", "outlet / credits", "lang", "title", "words", "removed"):
        table.add_column(name, overflow="fold")
    for n, a in enumerate(brief.articles, 1):
        who = ", ".join(x for x in [a.outlet, *a.credits] if x)
        table.add_row(_t(f"[{n}]", "cyan"), _t(escaped(a.id)), _t(a.published or "?"), _t(who),
                      _t(a.language),
                      _t(a.title), _t(len(a.text.split())), _t(len(a.removed)))
    return table


def _entities(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="People, places and organisations", title_justify="left", expand=True)
    for name in ("name", "type", "mentions", "articles", "also written"):
        table.add_column(name, overflow="fold")
    shown_entities, left = _cut(story.entities, "entities", ctx)
    for e in shown_entities:
        others = [v for v in e.variants if v != e.name]
        shown = ", ".join(others[:_VARIANTS_SHOWN])
        if len(others) > _VARIANTS_SHOWN:
            shown += f" (+{len(others) - _VARIANTS_SHOWN})"
        table.add_row(_t(e.name, "bold"), _t(e.type), _t(e.mentions), _t(len(e.articles)),
                      _t(shown, "dim"))
    return _more(table, left, "entities")


_KIND_MARK = {"direct": "«»", "partial": "«…»", "indirect": "que…"}


def _quotes(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Quotes by speaker", title_justify="left", expand=True)
    for name in ("speaker", "", "words", "article", "via"):
        table.add_column(name, overflow="fold")
    ordered = sorted(story.quotes, key=lambda q: (q.speaker is None, q.speaker or "", q.id))
    shown, left = _cut(ordered, "quotes", ctx)
    for q in shown:
        table.add_row(_t(q.speaker or "?", "bold"), _t(_KIND_MARK.get(q.kind, q.kind), "dim"),
                      _t(q.text), _t(_refs([q.article], ctx.number), "cyan"), _t(q.via or ""))
    return _more(table, left, "quotes")


def _timeline(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Timeline (? = read against the story's date)", title_justify="left",
                  expand=True)
    for name in ("date", "what", "articles"):
        table.add_column(name, overflow="fold")
    shown, left = _cut(story.timeline, "timeline", ctx)
    for e in shown:
        table.add_row(_t(e.date + ("" if e.certain else " ?"), "bold"), _t(e.text),
                      _t(_refs(e.articles, ctx.number), "cyan"))
    return _more(table, left, "dated events")


def _statements(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Statements carried by several outlets", title_justify="left",
                  expand=True)
    for name in ("speaker", "gist", "articles"):
        table.add_column(name, overflow="fold")
    shown, left = _cut(story.statements, "statements", ctx)
    for st in shown:
        table.add_row(_t(st.speaker or "?", "bold"), _t(st.gist),
                      _t(_refs(st.articles, ctx.number), "cyan"))
    return _more(table, left, "statements")


def _summary(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Summary", title_justify="left", expand=True, show_header=False)
    table.add_column("sentence", overflow="fold")
    table.add_column("sources", overflow="fold")
    for s in story.summary:
        table.add_row(_t(s.text), _t(_refs(s.articles, ctx.number), "cyan"))
    return table


def _claims(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Claims (outlets carrying each; one-outlet claims last)",
                  title_justify="left", expand=True)
    for name in ("claim", "outlets", "indep.", "articles"):
        table.add_column(name, overflow="fold")
    # The claims several outlets carry first, then the others, each in the brief's order.
    ordered = sorted(story.claims, key=lambda c: c.support < 2)
    shown, left = _cut(ordered, "claims", ctx)
    for c in shown:
        table.add_row(_t(c.text), _t(c.support), _t(c.independent_support),
                      _t(_refs(c.articles, ctx.number), "cyan"))
    return _more(table, left, "claims")


def _discrepancies(story: Story, ctx: _Ctx) -> Table:
    table = Table(title="Where the sources differ (side by side; recoupe does not choose)",
                  title_justify="left", expand=True)
    for name in ("about", "article", "its words"):
        table.add_column(name, overflow="fold")
    shown, left = _cut(story.discrepancies, "discrepancies", ctx)
    for d in shown:
        for n, v in enumerate(d.values):
            table.add_row(_t(d.about if n == 0 else "", "bold"),
                          _t(_refs([v.article], ctx.number), "cyan"),
                          _t(v.text))
    return _more(table, left, "differences")


def _story(story: Story, ctx: _Ctx) -> list:
    head = Text.assemble(("Story ", "bold"), (story.id, "cyan"), "\n",
                         ("title: ", "dim"), _t(story.title or "-"), "\n",
                         ("when: ", "dim"), _t(story.when or "unknown"), "   ",
                         ("where: ", "dim"), _t(story.where or "unknown"), "\n",
                         ("articles, oldest first: ", "dim"),
                         _t(_refs(story.articles, ctx.number)))
    parts = [head]
    if story.summary:
        parts.append(_summary(story, ctx))
    parts.append(_entities(story, ctx))
    if story.claims:
        parts.append(_claims(story, ctx))
    if story.discrepancies:
        parts.append(_discrepancies(story, ctx))
    if story.timeline:
        parts.append(_timeline(story, ctx))
    if story.statements:
        parts.append(_statements(story, ctx))
    if story.quotes:
        parts.append(_quotes(story, ctx))
    # Parts printed one after another under a rule, not nested in a panel: rich measures a
    # nested table again at each level, which made a long brief take seconds.
    return [Rule(style="dim"), *parts]


def render(brief: Brief, width: int = 120, color: bool = False) -> str:
    """Brief -> the terminal report as text."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, color_system=(
        "standard" if color else None), highlight=False)
    console.print(Text(f"recoupe brief: {count(len(brief.articles), 'article')}, "
                       f"{count(len(brief.stories), 'story', 'stories')}", style="bold"))
    console.print(_articles(brief))
    ctx = _Ctx({a.id: n for n, a in enumerate(brief.articles, 1)},
               max(1, len(brief.stories) // 3))
    for story in brief.stories:
        for part in _story(story, ctx):
            console.print(part)
    if brief.problems:
        console.print(Text(f"{count(len(brief.problems), 'input')} could not be used:",
                           style="red"))
        for p in brief.problems:
            # Names as the problem lines on stderr show them: a new line or an escape in a
            # file name is written out ("\\n"), never obeyed.
            console.print(_t("  " + escaped(str(p))))
    return out.getvalue()
