"""The SVG charts (render/charts.py): what they draw, the words that say it, and escaping."""

import re
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from recoupe.render import charts
from recoupe.render.htmlparts import environment


def _event(day, certain=True):
    return SimpleNamespace(date=day, certain=certain)


def _bars(svg: str, cls: str) -> list[float]:
    return [float(h) for h in re.findall(rf'class="{cls}"[^>]*height="([\d.]+)"', svg)]


def _label(svg: str) -> str:
    return re.search(r'aria-label="([^"]*)"', svg).group(1)


def test_charts_timeline_counts_dated_and_uncertain_by_day():
    svg = charts.timeline_chart([_event("2024-03-02"), _event("2024-03-02"),
                                 _event("2024-03-04", certain=False), _event("2024-03")])
    assert isinstance(svg, Markup) and svg.startswith("<svg")
    assert 'role="img"' in svg and "<title>" in svg and "viewBox=" in svg
    label = _label(svg)
    assert "2024-03-02 to 2024-03-04" in label
    assert "2 dated, 1 uncertain" in label
    assert "1 dated to a month or a year only" in label
    assert "most on 2024-03-02 (2)" in label
    dated, unsure = _bars(svg, "bar-dated"), _bars(svg, "bar-uncertain")
    assert len(dated) == 1 and len(unsure) == 1
    assert dated[0] == pytest.approx(2 * unsure[0])  # twice as many on that day


def test_charts_timeline_without_days_is_empty():
    assert charts.timeline_chart([_event("2024"), _event(None)]) == ""


@pytest.mark.parametrize("days,unit,first,last", [
    (["2024-01-01", "2024-01-10"], "day", "2024-01-01", "2024-01-10"),
    (["2024-01-01", "2024-09-10"], "month", "2024-01", "2024-09"),
    (["2001-01-01", "2024-09-10"], "year", "2001", "2024"),
])
def test_charts_per_day_unit_follows_the_span(days, unit, first, last):
    svg = charts.per_day_chart([(d, 2) for d in days] + [(None, 3)])
    label = _label(svg)
    assert f"Articles by {unit}, {first} to {last}: 4 dated" in label
    assert "3 undated" in label
    assert len(_bars(svg, "bar-dated")) == 2


def test_charts_per_day_none_dated_is_empty():
    assert charts.per_day_chart([(None, 4), ("2024", 1)]) == ""


def test_charts_coverage_bar_compares_on_the_scale():
    small = charts.coverage_bar(articles=6, outlets=2, independent=1, copies=3, scale=4)
    big = charts.coverage_bar(articles=9, outlets=4, independent=4, scale=4)
    assert _label(small) == ("2 outlets, 1 independent source; 6 articles, "
                             "3 near-copies folded")
    width = lambda svg, cls: float(re.search(  # noqa: E731
        rf'class="{cls}"[^>]*width="([\d.]+)"', svg).group(1))
    assert width(small, "bar-light") == pytest.approx(width(big, "bar-light") / 2)
    assert width(small, "bar-dated") == pytest.approx(width(small, "bar-light") / 2)


def test_charts_support_bar_says_its_numbers():
    svg = charts.support_bar(3, 2, 5)
    assert _label(svg) == "carried by 3 of 5 outlets, 2 independent"


def test_charts_never_carry_markup_or_inline_style():
    svg = charts.per_day_chart([('"><script>', 1), ("2024-01-01", 1)])
    assert "<script" not in svg and "style=" not in svg
    for svg in (charts.timeline_chart([_event("2024-01-01")]), charts.coverage_bar(1, 1, 1),
                charts.support_bar(1, 1, 1)):
        assert "style=" not in svg and "<script" not in svg


def test_charts_templates_write_words_through_gettext():
    env = environment()
    env.globals.update(charts.template_globals())
    env.install_gettext_callables(lambda s: s.replace("carried by", "repris par"),
                                  lambda s, p, n: s if n == 1 else p, newstyle=True)
    html = env.from_string("{{ support_bar(1, 1, 2) }}").render()
    assert "repris par 1 of 2 outlets" in html and html.startswith("<svg")
