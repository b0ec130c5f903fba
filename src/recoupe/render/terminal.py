"""Brief -> a readable terminal report, as plain lines wrapped to the terminal's width.

In: a `Brief`, a width and whether to use colour. Out: the report as text (ANSI colour codes
included when asked). Each list item is one paragraph with a hanging indent, wrapped at word
boundaries. Long lists are cut (the claims carried by several outlets first) with a line
saying how many more there are and which formats show them all: a terminal is for reading.

Why plain lines and not rich tables: rich measures every cell of every table (twice when a
table is nested) and re-wraps it per column; the report of a 200-article corpus took 10 s that
way, against well under a second for these lines (`benchmarks/render_terminal.py`).

Every piece of article text loses its control characters (`safe.printable`) and has its
white space folded to single spaces, so a title cannot drive the terminal or forge a line;
colour codes are added here only, around text we chose to style, so an article's "[bold]"
is shown as written. Ids and problem lines are shown escaped (`errors.escaped`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import escaped
from ..model import Article, Brief, Story
from .safe import count, printable

_VARIANTS_SHOWN = 6
# Rows shown per list; the rest is counted, with a pointer to the formats that show it all.
_ROWS_SHOWN = {"entities": 25, "claims": 25, "discrepancies": 15, "timeline": 25,
               "statements": 15, "quotes": 30}
# A brief of many stories shows fewer rows of each (at least this many).
_ROWS_SHOWN_AT_LEAST = 5
_NARROWEST = 40  # below this, wrapping would leave a word or two per line

_SGR = {"bold": "1", "dim": "2", "cyan": "36", "red": "31"}
# How each kind of quote is written: the speaker's own words in guillemets, a partial quote
# with its ellipses, reported speech marked as such (its words are the writer's).
_KIND_FORM = {"direct": "« {} »", "partial": "« … {} … »", "indirect": "(reported) {}"}


@dataclass(frozen=True)
class _Ctx:
    number: dict[str, int]  # article id -> its number in the Articles list
    width: int
    color: bool
    share: int = 1  # stories sharing the report's length

    def style(self, text: str, style: str) -> str:
        if not (self.color and style and text):
            return text
        codes = ";".join(_SGR[s] for s in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"


def _cells(word: str) -> int:
    """Terminal columns a word takes: wide (East Asian) characters take two, marks none."""
    if word.isascii():
        return len(word)
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in word)


def _chunks(word: str, room: int) -> list[str]:
    """A word wider than a whole line, cut into pieces that fit."""
    out, piece, used = [], "", 0
    for ch in word:
        w = _cells(ch)
        if piece and used + w > room:
            out.append(piece)
            piece, used = "", 0
        piece += ch
        used += w
    return [*out, piece] if piece else out


def _para(ctx: _Ctx, parts, indent: int = 2, hang: int = 4) -> list[str]:
    """(text, style) parts -> lines of at most `ctx.width` columns: the first indented by
    `indent`, the next by `hang`. White space inside the text is folded to single spaces."""
    lines: list[str] = []
    line: list[tuple[str, str]] = []
    used = margin = indent
    for text, style in parts:
        for word in printable(text).split():
            w = _cells(word)
            if line and used + 1 + w > ctx.width:
                lines.append(_line(ctx, margin, line))
                line, used = [], hang
                margin = hang
            if not line and used + w > ctx.width:  # longer than a line: cut it
                first, *rest = _chunks(word, max(1, ctx.width - used))
                lines.append(_line(ctx, margin, [(first, style)]))
                *whole, word = _chunks("".join(rest), max(1, ctx.width - hang))
                lines += [_line(ctx, hang, [(piece, style)]) for piece in whole]
                margin = used = hang
                w = _cells(word)
            used += w + (1 if line else 0)
            line.append((word, style))
    if line or not lines:
        lines.append(_line(ctx, margin, line))
    return lines


def _line(ctx: _Ctx, margin: int, words: list[tuple[str, str]]) -> str:
    """Words of one line -> the line, each run of one style coloured once."""
    out: list[str] = []
    run: list[str] = []
    run_style = None
    for word, style in words:
        if style != run_style and run:
            out.append(ctx.style(" ".join(run), run_style or ""))
            run = []
        run_style = style
        run.append(word)
    if run:
        out.append(ctx.style(" ".join(run), run_style or ""))
    return " " * margin + " ".join(out)


def _refs(ids, number: dict[str, int]) -> str:
    """Article ids -> "[1] [3]", the numbers of the Articles list."""
    return " ".join(f"[{number.get(i, '?')}]" for i in ids)


def _cut(items, name: str, ctx: _Ctx):
    """(the items shown, how many are left out) for one list of the report."""
    items = list(items)
    limit = max(_ROWS_SHOWN_AT_LEAST, _ROWS_SHOWN[name] // ctx.share)
    return items[:limit], max(0, len(items) - limit)


def _section(ctx: _Ctx, title: str, body: list[str], left: int = 0, what: str = "") -> list[str]:
    lines = ["", *_para(ctx, [(title, "bold")], indent=0, hang=2), *body]
    if left:
        lines += _para(ctx, [(f"… and {left} more {what}: the whole list is in "
                              "--format md, html or json", "dim")])
    return lines


def _who(a: Article) -> str:
    """The outlet, never a credit standing in for it (a photo credit is not the publisher)."""
    return a.outlet or "outlet unknown"


def _articles(brief: Brief, ctx: _Ctx) -> list[str]:
    body = []
    for n, a in enumerate(brief.articles, 1):
        body += _para(ctx, [(f"[{n}]", "cyan"), (a.title or "(no title)", "bold")])
        facts = [escaped(a.id), a.published or "date unknown", _who(a)]
        if a.credits:
            facts.append("credits: " + ", ".join(a.credits))
        facts += [a.language or "language unknown", count(len(a.text.split()), "word"),
                  f"{count(len(a.removed), 'line')} removed"]
        body += _para(ctx, [(" · ".join(printable(f) for f in facts), "dim")], indent=4)
    return _section(ctx, "Articles", body)


def _entities(story: Story, ctx: _Ctx) -> list[str]:
    shown_entities, left = _cut(story.entities, "entities", ctx)
    body = []
    for e in shown_entities:
        others = [v for v in e.variants if v != e.name]
        parts = [(e.name, "bold"), (f"· {e.type}, {count(e.mentions, 'mention')} in "
                                    f"{count(len(e.articles), 'article')}", "dim")]
        if others:
            also = ", ".join(printable(v) for v in others[:_VARIANTS_SHOWN])
            if len(others) > _VARIANTS_SHOWN:
                also += f" (+{len(others) - _VARIANTS_SHOWN})"
            parts.append((f"· also written: {also}", "dim"))
        body += _para(ctx, parts)
    return _section(ctx, "People, places and organisations", body, left, "entities")


def _summary(story: Story, ctx: _Ctx) -> list[str]:
    body = []
    for s in story.summary:
        body += _para(ctx, [("-", ""), (s.text, ""), (_refs(s.articles, ctx.number), "cyan")])
    return _section(ctx, "Summary", body)


def _claims(story: Story, ctx: _Ctx) -> list[str]:
    # The claims several outlets carry first, then the others, each in the brief's order.
    ordered = sorted(story.claims, key=lambda c: c.support < 2)
    shown, left = _cut(ordered, "claims", ctx)
    body = []
    for c in shown:
        body += _para(ctx, [("-", ""), (c.text, ""),
                            (f"({c.support} outlet{'s' * (c.support != 1)}, "
                             f"{c.independent_support} indep.)", "dim"),
                            (_refs(c.articles, ctx.number), "cyan")])
    return _section(ctx, "Claims (outlets carrying each, independent ones; one-outlet claims "
                         "last)", body, left, "claims")


def _discrepancies(story: Story, ctx: _Ctx) -> list[str]:
    shown, left = _cut(story.discrepancies, "discrepancies", ctx)
    body = []
    for d in shown:
        body += _para(ctx, [(d.about, "bold")])
        for v in d.values:
            body += _para(ctx, [(_refs([v.article], ctx.number), "cyan"), (v.text, "")],
                          indent=4, hang=8)
    return _section(ctx, "Where the sources differ (side by side; recoupe does not choose)",
                    body, left, "differences")


def _timeline(story: Story, ctx: _Ctx) -> list[str]:
    shown, left = _cut(story.timeline, "timeline", ctx)
    body = []
    for e in shown:
        body += _para(ctx, [(e.date + ("" if e.certain else " ?"), "bold"), (e.text, ""),
                            (_refs(e.articles, ctx.number), "cyan")])
    return _section(ctx, "Timeline (? = read against the story's date)", body, left,
                    "dated events")


def _statements(story: Story, ctx: _Ctx) -> list[str]:
    shown, left = _cut(story.statements, "statements", ctx)
    body = []
    for st in shown:
        body += _para(ctx, [((st.speaker or "?") + ":", "bold"), (st.gist, ""),
                            (_refs(st.articles, ctx.number), "cyan")])
    return _section(ctx, "Statements carried by several outlets", body, left, "statements")


def _quotes(story: Story, ctx: _Ctx) -> list[str]:
    ordered = sorted(story.quotes, key=lambda q: (q.speaker is None, q.speaker or "", q.id))
    shown, left = _cut(ordered, "quotes", ctx)
    body: list[str] = []
    speaker: object = ()
    for q in shown:
        if q.speaker != speaker:  # one heading per speaker, the quotes under it
            speaker = q.speaker
            body += _para(ctx, [(q.speaker or "? (speaker unknown)", "bold")])
        parts = [(_KIND_FORM.get(q.kind, q.kind + ": {}").format(q.text), ""),
                 (_refs([q.article], ctx.number), "cyan")]
        if q.via:
            parts.append((f"(via {q.via})", "dim"))
        body += _para(ctx, parts, indent=4, hang=8)
    return _section(ctx, "Quotes by speaker", body, left, "quotes")


def _story(story: Story, ctx: _Ctx) -> list[str]:
    lines = ["", ctx.style("─" * ctx.width, "dim"),
             *_para(ctx, [("Story", "bold"), (story.id, "cyan")], indent=0),
             *_para(ctx, [("title:", "dim"), (story.title or "-", "")], indent=0),
             *_para(ctx, [("when:", "dim"), (story.when or "unknown", ""),
                          ("· where:", "dim"), (story.where or "unknown", "")], indent=0),
             *_para(ctx, [("articles, oldest first:", "dim"),
                          (_refs(story.articles, ctx.number), "")], indent=0)]
    if story.summary:
        lines += _summary(story, ctx)
    lines += _entities(story, ctx)
    for present, part in ((story.claims, _claims), (story.discrepancies, _discrepancies),
                          (story.timeline, _timeline), (story.statements, _statements),
                          (story.quotes, _quotes)):
        if present:
            lines += part(story, ctx)
    return lines


def render(brief: Brief, width: int = 120, color: bool = False) -> str:
    """Brief -> the terminal report as text."""
    ctx = _Ctx({a.id: n for n, a in enumerate(brief.articles, 1)}, max(_NARROWEST, width),
               color, max(1, len(brief.stories) // 3))
    lines = _para(ctx, [(f"recoupe brief: {count(len(brief.articles), 'article')}, "
                         f"{count(len(brief.stories), 'story', 'stories')}", "bold")], indent=0)
    lines += _articles(brief, ctx)
    for story in brief.stories:
        lines += _story(story, ctx)
    if brief.problems:
        lines += ["", *_para(ctx, [(f"{count(len(brief.problems), 'input')} could not be "
                                    "used:", "red")], indent=0)]
        for p in brief.problems:
            # Names as the problem lines on stderr show them: a new line or an escape in a
            # file name is written out ("\\n"), never obeyed.
            lines += _para(ctx, [(escaped(str(p)), "")])
    return "\n".join(lines) + "\n"
