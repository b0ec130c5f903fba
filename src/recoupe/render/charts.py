"""Numbers of a story or a corpus -> small SVG charts, drawn on the server, with their words.

In: plain values (timeline events, day counts, outlet counts). Out: `Markup` holding one
inline `<svg>` each, ready for a template:
- `timeline_chart(events)`: a story's events by day, dated ones apart from uncertain ones;
- `coverage_bar(articles, outlets, independent, copies, scale)`: a story's outlets, the
  independent sources among them (near-copies of one text folded), on a common scale;
- `per_day_chart(counts)`: articles per day (per month over a long span), for the corpus or
  one outlet;
- `support_bar(support, independent, outlets)`: how many of a story's outlets carry a claim.

Every chart is an image with words: `role="img"`, an `aria-label` and a `<title>` that say the
numbers it draws, so a screen reader (and a test) reads what the eye sees. Charts scale with
their `viewBox` (the stylesheet gives them the width of their box), so they stay readable at
390 px. The pages' Content-Security-Policy allows no inline style: colours come from classes
of the stylesheet (`.chart .bar-dated`...), sizes from geometry attributes, and no script.

Words are English written through a gettext function given as `_` (and `ngettext`), the
ones of the page's language, so that the catalogue translates them; without one they stay
as written. Names and numbers are escaped here: a chart never carries markup from its input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

Gettext = Callable[..., str]
Ngettext = Callable[..., str]

DAYS_SHOWN = 92  # longer spans are drawn per month
MONTHS_SHOWN = 120  # longer spans are drawn per year
MIN_SLOTS = 14  # a chart of fewer buckets leaves the rest of its width empty


def _gettext(message: str, **values) -> str:
    return message % values if values else message


def _ngettext(singular: str, plural: str, n: int, **values) -> str:
    return (singular if n == 1 else plural) % {"num": n, **values}


def _svg(kind: str, width: int, height: int, label: str, body: Iterable[str]) -> Markup:
    text = escape(label)
    return Markup(
        f'<svg class="chart chart-{kind}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{text}" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{text}</title>{"".join(body)}</svg>')


def _rect(cls: str, x: float, y: float, w: float, h: float) -> str:
    return (f'<rect class="{cls}" x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
            f'height="{max(h, 0):.1f}"/>')


def _text(cls: str, x: float, y: float, words: str, anchor: str = "start") -> str:
    return (f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
            f"{escape(words)}</text>")


def _day(value: str | None) -> date | None:
    """An ISO value -> its day, or None when it names no whole day ("2022-05", "2022")."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- bars against time ---------------------------------------------------------------------


def _buckets(days: Sequence[date]) -> tuple[str, list[str], Callable[[date], str]]:
    """The unit ("day", "month", "year") a span of days is drawn in, its buckets in order
    (every one of the span, empty ones too: the gaps are time), and day -> its bucket."""
    first, last = min(days), max(days)
    span = (last - first).days + 1
    if span <= DAYS_SHOWN:
        return ("day", [(first + timedelta(n)).isoformat() for n in range(span)],
                date.isoformat)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MONTHS_SHOWN:
        keys = []
        y, m = first.year, first.month
        for _ in range(months):
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return "month", keys, lambda d: f"{d.year:04d}-{d.month:02d}"
    return ("year", [f"{y:04d}" for y in range(first.year, last.year + 1)],
            lambda d: f"{d.year:04d}")


def _bars(kind: str, keys: list[str], series: list[tuple[str, Counter]], label: str) -> Markup:
    """Stacked bars, one per key, one layer per (css class, counts) of `series`; the first
    and last keys written under the axis, the highest count beside it."""
    width, height, left, top, bottom = 360, 110, 30, 8, 22
    plot_w, plot_h = width - left - 4, height - top - bottom
    peak = max((sum(c[k] for _, c in series) for k in keys), default=0) or 1
    # A few buckets are drawn as narrow bars, not slabs across the whole chart.
    step = plot_w / max(len(keys), MIN_SLOTS)
    gap = min(step * 0.2, 2)
    body = [f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - 4}" '
            f'y2="{top + plot_h}"/>',
            _text("tick", left - 4, top + 10, str(peak), "end"),
            _text("tick", left - 4, top + plot_h, "0", "end")]
    for n, key in enumerate(keys):
        base = top + plot_h
        for cls, counts in series:
            value = counts[key]
            if value:
                h = plot_h * value / peak
                base -= h
                body.append(_rect(cls, left + n * step + gap / 2, base, step - gap, h))
    body.append(_text("tick", left, height - 6, keys[0]))
    if len(keys) > 1:
        body.append(_text("tick", max(left + len(keys) * step, left + 150), height - 6,
                          keys[-1], "end"))
    return _svg(kind, width, height, label, body)


def timeline_chart(events: Sequence, *, _: Gettext = _gettext,
                   ngettext: Ngettext = _ngettext) -> Markup:
    """A story's timeline events (with `date` and `certain`) -> bars of events per day (per
    month or year over a long span), dated events dark, uncertain ones (a date read against
    the story's day) light. Events dated to a month or a year only are counted in the words,
    not drawn. No event with a day: an empty Markup."""
    dated: Counter = Counter()
    unsure: Counter = Counter()
    days = []
    vague = 0
    for e in events:
        d = _day(getattr(e, "date", None))
        if d is None:
            vague += 1
            continue
        days.append(d)
        (dated if getattr(e, "certain", True) else unsure)[d] += 1
    if not days:
        return Markup("")
    unit, keys, bucket = _buckets(days)
    dated_b, unsure_b = _by_bucket(dated, bucket), _by_bucket(unsure, bucket)
    n_dated, n_unsure = sum(dated.values()), sum(unsure.values())
    label = _("Events by %(unit)s, %(first)s to %(last)s: %(dated)s dated, %(unsure)s "
              "uncertain", unit=_unit(unit, _), first=keys[0], last=keys[-1],
              dated=n_dated, unsure=n_unsure)
    if vague:
        label += "; " + ngettext("%(num)s dated to a month or a year only, not drawn",
                                 "%(num)s dated to a month or a year only, not drawn", vague)
    busiest = _busiest(dated_b + unsure_b)
    if busiest:
        label += "; " + _("most on %(key)s (%(n)s)", key=busiest[0], n=busiest[1])
    return _bars("timeline", keys, [("bar-dated", dated_b), ("bar-uncertain", unsure_b)],
                 label)


def _by_bucket(counts: Counter, bucket: Callable[[date], str]) -> Counter:
    out: Counter = Counter()
    for d, n in counts.items():
        out[bucket(d)] += n
    return out


def _busiest(counts: Counter) -> tuple[str, int] | None:
    if not counts:
        return None
    key = min(counts, key=lambda k: (-counts[k], k))
    return key, counts[key]


def _unit(unit: str, _: Gettext) -> str:
    return {"day": _("day"), "month": _("month"), "year": _("year")}[unit]


def per_day_chart(counts: Iterable[tuple[str | None, int]], *, _: Gettext = _gettext,
                  ngettext: Ngettext = _ngettext) -> Markup:
    """(publication day, articles) pairs -> bars of articles per day (per month or year over
    a long span). Undated articles are counted in the words, not drawn. None dated: empty."""
    per: Counter = Counter()
    undated = 0
    for day, n in counts:
        d = _day(day)
        if d is None:
            undated += n
        else:
            per[d] += n
    if not per:
        return Markup("")
    unit, keys, bucket = _buckets(list(per))
    bucketed = _by_bucket(per, bucket)
    total = sum(per.values())
    label = _("Articles by %(unit)s, %(first)s to %(last)s: %(total)s dated", unit=_unit(unit, _),
              first=keys[0], last=keys[-1], total=total)
    busiest = _busiest(bucketed)
    if busiest:
        label += "; " + _("most on %(key)s (%(n)s)", key=busiest[0], n=busiest[1])
    if undated:
        label += "; " + ngettext("%(num)s undated, not drawn", "%(num)s undated, not drawn",
                                 undated)
    return _bars("per-day", keys, [("bar-dated", bucketed)], label)


# -- horizontal bars ---------------------------------------------------------------------


def coverage_bar(articles: int, outlets: int, independent: int, copies: int = 0,
                 scale: int | None = None, *, _: Gettext = _gettext,
                 ngettext: Ngettext = _ngettext) -> Markup:
    """A story's coverage: a bar as long as its outlets (on `scale`, the longest of the list,
    so that rows compare), its independent sources dark (outlets whose text is not a
    near-copy of another's), the rest light. The words give every number."""
    width, height = 120, 14
    scale = max(scale or 0, outlets, independent, 1)
    independent = min(independent, outlets) if outlets else independent
    full = width * max(outlets, independent) / scale
    dark = width * independent / scale
    label = "; ".join((
        ngettext("%(num)s outlet", "%(num)s outlets", outlets) + ", "
        + ngettext("%(num)s independent source", "%(num)s independent sources", independent),
        ngettext("%(num)s article", "%(num)s articles", articles) + ", "
        + ngettext("%(num)s near-copy folded", "%(num)s near-copies folded", copies)))
    body = [_rect("track", 0, 3, width, height - 6), _rect("bar-light", 0, 2, full, height - 4),
            _rect("bar-dated", 0, 2, dark, height - 4)]
    return _svg("coverage", width, height, label, body)


def support_bar(support: int, independent: int, outlets: int, *,
                _: Gettext = _gettext) -> Markup:
    """A claim's support: of the story's `outlets`, those that carry it (light) and the
    independent ones among them (dark)."""
    width, height = 60, 10
    total = max(outlets, support, 1)
    body = [_rect("track", 0, 2, width, height - 4),
            _rect("bar-light", 0, 1, width * support / total, height - 2),
            _rect("bar-dated", 0, 1, width * min(independent, support) / total, height - 2)]
    label = _("carried by %(support)s of %(outlets)s outlets, %(independent)s independent",
              support=support, outlets=outlets, independent=min(independent, support))
    return _svg("support", width, height, label, body)


CHARTS = {"timeline_chart": timeline_chart, "per_day_chart": per_day_chart,
          "coverage_bar": coverage_bar, "support_bar": support_bar}


def template_globals() -> dict[str, Callable]:
    """The charts as Jinja globals that write their words in the page's language: each takes
    the template's `gettext`/`ngettext` (the i18n extension's) from the render context.
    `env.globals.update(charts.template_globals())`, then `{{ coverage_bar(...) }}`."""
    from jinja2 import pass_context

    def bound(draw: Callable) -> Callable:
        @pass_context
        def call(context, *args, **kwargs):
            gettext, ngettext = context.resolve("gettext"), context.resolve("ngettext")
            words = {"_": lambda s, **v: context.call(gettext, s, **v)}
            if "ngettext" in draw.__kwdefaults__:
                words["ngettext"] = lambda s, p, n, **v: context.call(ngettext, s, p, n, **v)
            return draw(*args, **kwargs, **words)
        return call

    return {name: bound(draw) for name, draw in CHARTS.items()}
