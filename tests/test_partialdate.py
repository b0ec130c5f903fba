"""Partial dates resolved against anchors, with no text: the rules of `recoupe.partialdate`."""

import pytest

from recoupe.partialdate import PartialDate, Resolved, parse_iso, resolve

WED = parse_iso("2022-06-15")  # a Wednesday


@pytest.mark.parametrize("partial, anchor, expected", [
    # A weekday alone is the latest such day on or before the anchor, the anchor included.
    (PartialDate(weekday=1), "2022-06-15", "2022-06-14"),  # mardi: the day before
    (PartialDate(weekday=2), "2022-06-15", "2022-06-15"),  # mercredi: the anchor itself
    (PartialDate(weekday=3), "2022-06-15", "2022-06-09"),  # jeudi: the week before
    (PartialDate(weekday=3, direction=1), "2022-06-15", "2022-06-16"),  # jeudi prochain
    (PartialDate(weekday=2, direction=1), "2022-06-15", "2022-06-22"),  # mercredi prochain
    (PartialDate(weekday=2, direction=-1), "2022-06-15", "2022-06-08"),  # mercredi dernier
    (PartialDate(weekday=4, this_week=True), "2022-06-15", "2022-06-17"),  # ce vendredi
    (PartialDate(weekday=0, this_week=True), "2022-06-15", "2022-06-13"),  # ce lundi
    # Across a year's first day.
    (PartialDate(weekday=4), "2023-01-02", "2022-12-30"),
    (PartialDate(weekday=1, direction=1), "2022-12-30", "2023-01-03"),
])
def test_partialdate_weekday_before_and_after_the_anchor(partial, anchor, expected):
    assert resolve(partial, parse_iso(anchor)) == Resolved(expected, True)


@pytest.mark.parametrize("partial, expected", [
    (PartialDate(unit="year", offset=-75), "1947"),  # il y a 75 ans
    (PartialDate(unit="year", offset=2), "2024"),  # dans deux ans
    (PartialDate(unit="month", offset=-7), "2021-11"),  # il y a sept mois
    (PartialDate(unit="day", offset=-16), "2022-05-30"),  # il y a seize jours
    (PartialDate(unit="day", offset=-1), "2022-06-14"),  # hier
    (PartialDate(unit="week", offset=-1), None),  # la semaine dernière: no partial ISO form
    (PartialDate(unit="year", offset=-75, approximate=True), None),  # il y a près de 75 ans
])
def test_partialdate_offsets_from_the_anchor(partial, expected):
    assert resolve(partial, WED).value == expected


@pytest.mark.parametrize("partial, anchor, expected", [
    # A month without its year: the anchor's, unless it would be more than 2 months ahead.
    (PartialDate(month=12), "2023-01-10", "2022-12"),
    (PartialDate(month=3), "2023-01-10", "2023-03"),
    (PartialDate(month=4), "2023-01-10", "2022-04"),
    (PartialDate(month=1, direction=1), "2022-12-20", "2023-01"),  # janvier prochain
    (PartialDate(month=12, direction=-1), "2023-01-05", "2022-12"),  # décembre dernier
    # A day and month: the anchor's year, unless more than 61 days ahead.
    (PartialDate(month=12, day=28), "2023-01-05", "2022-12-28"),
    (PartialDate(month=2, day=20), "2023-01-05", "2023-02-20"),
    (PartialDate(month=1, day=3, direction=1), "2022-12-20", "2023-01-03"),
    (PartialDate(month=2, day=29), "2023-01-05", None),  # no 29 February that year
])
def test_partialdate_month_without_year_across_a_year_boundary(partial, anchor, expected):
    assert resolve(partial, parse_iso(anchor)) == Resolved(expected, True)


@pytest.mark.parametrize("partial, anchor, expected", [
    # Only a year, or a year and month, is known of the anchor: where in it is assumed.
    (PartialDate(month=4), "2022", Resolved("2022-04", False)),
    (PartialDate(month=4, day=2), "2022", Resolved("2022-04-02", False)),
    (PartialDate(month=4, day=2), "2022-06", Resolved("2022-04-02", False)),
    # What needs the anchor's day stays open.
    (PartialDate(weekday=1), "2022-06", Resolved(None)),
    (PartialDate(unit="day", offset=-1), "2022", Resolved(None)),
    # What a partial anchor fixes anyway is certain.
    (PartialDate(month=4), "2022-06", Resolved("2022-04", True)),
    (PartialDate(unit="year", offset=0), "2022", Resolved("2022", True)),
])
def test_partialdate_uncertain_anchors(partial, anchor, expected):
    assert resolve(partial, parse_iso(anchor)) == expected


@pytest.mark.parametrize("partial, expected", [
    (PartialDate(year=2019, month=11, day=4), "2019-11-04"),
    (PartialDate(year=2018, month=11), "2018-11"),
    (PartialDate(year=2011), "2011"),
    (PartialDate(month=6, day=2), "--06-02"),
    (PartialDate(year=21, month=3, day=5, short_year=True), "--03-05"),
    (PartialDate(weekday=1), None),
    (PartialDate(month=4), None),
    (PartialDate(unit="year", offset=-1), None),
    (PartialDate(approximate=True), None),
])
def test_partialdate_without_an_anchor(partial, expected):
    assert resolve(partial, None) == Resolved(expected, True)
    assert partial.iso() == expected


@pytest.mark.parametrize("short, anchor, expected", [
    (21, "2022-06-15", "2021-03-05"),
    (23, "2022-06-15", "2023-03-05"),  # the year after the anchor's is still this century's
    (98, "2022-06-15", "1998-03-05"),
])
def test_partialdate_two_digit_year_takes_the_anchor_century(short, anchor, expected):
    partial = PartialDate(year=short, month=3, day=5, short_year=True)
    assert resolve(partial, parse_iso(anchor)).value == expected


@pytest.mark.parametrize("text, expected", [
    ("2022-06-15", PartialDate(2022, 6, 15)),
    ("2022-06-15T08:30:00+02:00", PartialDate(2022, 6, 15)),
    ("2022-06", PartialDate(2022, 6)),
    ("2022", PartialDate(2022)),
    ("--06-15", PartialDate(None, 6, 15)),
    ("2022-13-01", PartialDate(2022)),
    ("2023-02-29", PartialDate(2023, 2)),
    ("garbage", None),
    ("", None),
    (None, None),
])
def test_partialdate_parse_iso(text, expected):
    assert parse_iso(text) == expected
