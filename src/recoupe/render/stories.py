"""StoryInfo list -> the terminal table of `recoupe stories`.

In: the stories of a corpus (newest first). Out: text: one row per story with its id, its
event day, the days of its first and latest articles, its size, its outlets and its title.
Every value goes in as a rich `Text`, never through markup, so a "[bold]" in a title is
shown as written; control characters are removed first (`safe.printable`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import StoryInfo
from .safe import count, printable


def stories_table(stories: Sequence[StoryInfo], width: int = 120, color: bool = False) -> str:
    """Stories -> a table as text (or a line saying there are none)."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False)
    if not stories:
        console.print(Text("no stories (add articles with `recoupe add PATH...`)"))
        return out.getvalue()
    table = Table(title=Text(count(len(stories), "story", "stories")), expand=True)
    for name, kw in (("id", {"no_wrap": True}), ("when", {"no_wrap": True}),
                     ("articles", {"justify": "right"}), ("outlets", {"justify": "right"}),
                     ("published", {"no_wrap": True}), ("title", {"ratio": 1})):
        table.add_column(name, **kw)
    for s in stories:
        span = s.first if s.first == s.last else f"{s.first or '?'} → {s.last or '?'}"
        table.add_row(Text(printable(s.id)), Text(s.when or "-"), Text(str(len(s.articles))),
                      Text(str(len(s.outlets)) if s.outlets else "unknown"),
                      Text(span if s.first or s.last else "-"),
                      Text(printable(s.title or "(untitled)")))
    console.print(table)
    return out.getvalue()
