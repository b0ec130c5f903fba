"""AnnotatedArticle -> tuple[DateRef, ...]: the date expressions of an article and their dates.

In: an `AnnotatedArticle` whose `article.text`, `article.published` (ISO 8601, possibly with
a time, or None), `language` and `sentences` are read; nothing else, and no NLP model.
Out: one `DateRef` per date expression, in text order and without overlaps, `text` exactly as
written, `value` an ISO 8601 string that may be partial ("2023", "2023-09", "2023-09-13",
"--09-13" for a day and month whose year is unknown) or None when it cannot be resolved,
and `partial` what the expression itself says.

Forms, found with explicit patterns built from the `recoupe.lang.<code>.dates` tables:
absolute dates ("mercredi 13 septembre 2023", "1er mars 2024", "13/09/2023", "2023-09-13"),
a day and month ("le 13 septembre"), a month and year ("fin mars 2024"), a month alone
("en avril", "avant la fin du mois de mars"), a year ("en 2012", "depuis 2016", "mi-2024"),
a weekday ("mardi matin", "ce mercredi", "mardi prochain"), relative days and periods
("hier soir", "cette année", "le mois dernier") and counts ("il y a 75 ans").

Each expression is found with what it writes down, unresolved, as a `PartialDate` (kept in
`DateRef.partial`), then resolved against the publication date (`recoupe.partialdate.resolve`,
whose docstring has the rules): without a publication date anything relative stays None, and
a day and month keep their "--MM-DD" form. A cross-article stage reads the partial date
against another anchor; it never calls this module again.

dateparser is not used: it costs milliseconds per call and reads too much into ordinary
words; every form above has an explicit pattern.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from typing import NamedTuple

from ..lang import table
from ..model import AnnotatedArticle, DateRef
from ..partialdate import PartialDate, parse_iso, resolve

__all__ = ["find_dates"]

_H = r"[^\S\n]+"  # a run of spaces that does not cross a line
_APOS = "['’]"


class _Candidate(NamedTuple):
    start: int
    end: int
    partial: PartialDate


class _Rules(NamedTuple):
    t: object  # the language's date table module
    full_months: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    day_month: re.Pattern
    month_day: re.Pattern | None
    day_range: re.Pattern
    numeric: re.Pattern
    iso: re.Pattern
    month: re.Pattern
    year: re.Pattern
    decade: re.Pattern | None
    weekday: re.Pattern
    relative_day: re.Pattern
    relative_period: re.Pattern
    count: re.Pattern
    chain: re.Pattern  # a year followed by another number: "2012 et 2016", "2000 à 3000"
    day_words: dict[str, int]
    next_words: frozenset[str]
    not_weekday_after: tuple[str, ...]
    quantity: frozenset[str]
    followers: frozenset[str]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    units: dict[str, str]
    later: frozenset[str]
    weekday_before: re.Pattern  # read backwards from a core: "mercredi" before "13 septembre"
    prefix_before: re.Pattern  # "fin" before "mars"
    this_before: re.Pattern  # "ce" before "mercredi"
    direction_before: re.Pattern | None  # "last" before "Tuesday", where written first


def find_dates(annotated: AnnotatedArticle) -> tuple[DateRef, ...]:
    """AnnotatedArticle -> its DateRefs, in text order, without overlaps."""
    text = annotated.article.text or ""
    if not text:
        return ()
    rules = _rules(_code(annotated.language or annotated.article.language))
    anchor = parse_iso(annotated.article.published)
    found: list[_Candidate] = []
    low = _lower(text)
    for finder in _FINDERS:
        found.extend(finder(low, text, rules))
    starts = [s.start for s in annotated.sentences]
    out = []
    for c in _without_overlaps(found):
        value, certain = resolve(c.partial, anchor)
        out.append(DateRef(text=text[c.start:c.end], start=c.start, end=c.end,
                           sentence=max(bisect.bisect_right(starts, c.start) - 1, 0),
                           value=value, certain=certain, partial=c.partial))
    return tuple(out)


def _lower(text: str) -> str:
    """Lower case, one character for one, so that offsets into it are offsets into `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --- tables and patterns ------------------------------------------------------------------


def _code(language: str | None) -> str:
    code = (language or "fr").strip().lower().replace("_", "-").split("-")[0]
    t = table(code, "dates")
    # A language whose table lacks the running-text words is read with French ones, the
    # project's first language, rather than not at all.
    return code if t is not None and hasattr(t, "RELATIVE_PERIODS") else "fr"


def _phrase(words: str) -> str:
    """One table phrase -> its regex: any run of spaces, either apostrophe."""
    out = []
    for part in re.split(r"(\s+|')", words):
        if not part:
            continue
        out.append(_H if part.isspace() else _APOS if part == "'" else re.escape(part))
    return "".join(out)


def _alternation(words, prefix: bool = False) -> str:
    """Table phrases -> one group, longest first so that "avant-hier" wins over "hier".

    With `prefix`, each phrase also swallows what joins it to the next word: nothing after
    "mi-" or "d'", a space after a word, and " de" may be written "d'".
    """
    alts = []
    for w in sorted({w.lower() for w in words}, key=len, reverse=True):
        if not prefix:
            alts.append(_phrase(w))
        elif w.endswith(("-", "'")):
            alts.append(_phrase(w) + r"[^\S\n]*")
        elif w.endswith(" de"):
            alts.append(_phrase(w[:-3]) + rf"(?:{_H}de{_H}|{_H}d{_APOS})")
        else:
            alts.append(_phrase(w) + _H)
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _lead(words) -> str:
    """A lookahead on the first characters of `words`: "(?=[jfmasond])" for months."""
    firsts = sorted({w[0].lower() for w in words if w})
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])" if firsts else ""


def _keys(words):
    """A table's words (a list or the keys of a dict) as matched: lower case, single spaces."""
    if isinstance(words, dict):
        return {_key(k.lower()): v for k, v in words.items()}
    return [_key(w.lower()) for w in words]


@functools.cache
def _rules(code: str) -> _Rules:
    t = table(code, "dates")
    months = {k.lower(): v for k, v in t.MONTHS.items()}
    # An abbreviation is a name that starts a longer name of the same month ("sept").
    abbreviations = [k for k, v in months.items()
                     if any(o != k and o.startswith(k) and n == v for o, n in months.items())]
    full = [k for k in months if k not in abbreviations]
    month_any = rf"(?P<m>{_alternation(full)}|{_alternation(abbreviations)}\.?)"
    weekdays = {w.lower(): i for i, w in enumerate(t.WEEKDAYS)}
    wd = _alternation(weekdays)
    ordinal = _alternation(t.ORDINAL_SUFFIXES)
    # Every branch starts with a literal character, which lets the engine skip ahead.
    day = rf"(?:(?P<d>3[01]|[12]\d|0[1-9]|[1-9])(?:{ordinal})?|(?P<dw>{_alternation(t.DAY_WORDS)}))"
    direction = rf"(?P<dir>{_alternation(t.NEXT_WORDS + t.LAST_WORDS)})"
    dir_after = rf"(?:{_H}{direction})?" if t.DIRECTION_AFTER else ""
    year = r"(?P<y>\d{4})(?![\w])"
    part = rf"(?:{_H}{_alternation(t.DAY_PARTS)})?"
    number = rf"(?P<n>\d{{1,4}}|{_alternation(t.NUMBER_WORDS)})"
    approx = rf"(?P<approx>{_alternation(t.APPROXIMATE, prefix=True)})?"
    unit = rf"(?P<unit>{_alternation(t.TIME_UNITS)})"
    counts = []
    if t.AGO_BEFORE or t.LATER_BEFORE:
        counts.append(rf"(?P<before>{_alternation(t.AGO_BEFORE + t.LATER_BEFORE)}){_H}"
                      rf"{approx}{number}{_H}{unit}")
    if t.AGO_AFTER:
        counts.append(rf"{approx.replace('P<approx>', 'P<approx2>')}"
                      rf"{number.replace('P<n>', 'P<n2>')}{_H}"
                      rf"{unit.replace('P<unit>', 'P<unit2>')}{_H}(?P<after>"
                      rf"{_alternation(t.AGO_AFTER)})")
    # Patterns run on lower-cased text (IGNORECASE makes alternations ten times slower) and
    # start at the core of the expression, so that the engine can skip ahead to it; what may
    # come before (a weekday, "fin", "ce") is read backwards from there, and word boundaries
    # are checked in code.
    back = r"(?<![\w-])"
    # A leading lookahead on the possible first characters lets the engine skip ahead to
    # them: a pattern that opens with a group cannot (this halves the time per article).
    lead_day = _lead(list(t.DAY_WORDS) + list("0123456789"))
    lead_month = _lead(months)
    return _Rules(
        t=t, months=months, weekdays=weekdays, full_months=frozenset(full),
        day_words=_keys(t.DAY_WORDS), next_words=frozenset(_keys(t.NEXT_WORDS)),
        not_weekday_after=tuple(_keys(t.NOT_WEEKDAY_AFTER)),
        quantity=frozenset(_keys(t.QUANTITY_WORDS)),
        followers=frozenset(_keys(t.YEAR_FOLLOWERS)),
        relative_days=_keys(t.RELATIVE_DAY_OFFSETS), relative_periods=_keys(t.RELATIVE_PERIODS),
        numbers=_keys(t.NUMBER_WORDS), units=_keys(t.TIME_UNITS),
        later=frozenset(_keys(t.LATER_BEFORE)),
        day_month=re.compile(
            rf"{lead_day}{day}{_H}{month_any}(?:,?{_H}{year})?{dir_after}(?![\w])"),
        month_day=re.compile(
            rf"{lead_month}{month_any}{_H}{day}(?:,?{_H}{year})?(?![\w])") if t.MONTH_FIRST_WRITTEN
        else None,
        day_range=re.compile(
            rf"{lead_day}{day}(?=[^\S\n]*{_alternation(t.DAY_RANGE_WORDS)}[^\S\n]*"
            rf"(?:3[01]|[12]\d|0?[1-9])(?:{ordinal})?{_H}{month_any}(?:,?{_H}{year})?)"),
        numeric=re.compile(
            r"(?=[0-9])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\w/]|[.,\-]\d)"),
        iso=re.compile(r"(?=[0-9])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d/])"),
        month=re.compile(rf"{lead_month}{month_any}(?:{_H}{year})?{dir_after}(?![\w-])"),
        year=re.compile(r"(?=[12])(?P<y>1[89]\d\d|20\d\d|2100)(?![\w]|[.,]\d|[\-/]\d\d?(?!\d))"),
        decade=re.compile(rf"{_alternation(t.DECADE_WORDS)}{_H}(?:19|20)?\d0(?![\w])")
        if t.DECADE_WORDS else None,
        weekday=re.compile(rf"{_lead(weekdays)}(?P<wd>{wd}){dir_after}{part}(?![\w-])"),
        relative_day=re.compile(
            rf"{_lead(t.RELATIVE_DAY_OFFSETS)}(?P<rel>{_alternation(t.RELATIVE_DAY_OFFSETS)})"
            rf"{part}(?![\w-])"),
        relative_period=re.compile(
            rf"{_lead(t.RELATIVE_PERIODS)}(?P<rel>{_alternation(t.RELATIVE_PERIODS)})(?![\w-])"),
        count=re.compile(rf"(?:{'|'.join(counts)})(?![\w-])" if counts else "(?!)"),
        chain=re.compile(rf"[^\S\n]*{_alternation(t.DAY_RANGE_WORDS)}[^\S\n]*\d+"),
        weekday_before=re.compile(rf"{back}(?P<wd>{wd}),?{_H}\Z"),
        prefix_before=re.compile(
            rf"{back}{_alternation(t.PERIOD_PREFIXES, prefix=True)}\Z"),
        this_before=re.compile(rf"{back}(?P<this>{_alternation(t.THIS_WORDS)}){_H}\Z"),
        direction_before=None if t.DIRECTION_AFTER else re.compile(
            rf"{back}{direction}{_H}\Z"),
    )


def _exists(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists; a year of None is a leap year (2000), where any real day fits."""
    try:
        datetime.date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


# --- finders: (lower-cased text, text, rules) -> candidates ---------------------------------


def _free(low: str, start: int, glue: str = "-") -> bool:
    """Whether `start` begins a word: no letter, digit or `glue` character right before it."""
    return start == 0 or not (low[start - 1].isalnum() or low[start - 1] in glue or
                              low[start - 1] == "_")


def _back(pattern: re.Pattern | None, low: str, start: int) -> re.Match | None:
    """The match of `pattern` that ends right at `start` (what comes before a core)."""
    if pattern is None:
        return None
    return pattern.search(low, max(0, start - 40), start)


def _after(low: str, pos: int, phrases) -> bool:
    """Whether one of `phrases` ends right before `pos` (as whole words)."""
    before = " ".join(low[max(0, pos - 40):pos].replace("’", "'").split("\n")[-1].split())
    for p in phrases:
        if before == p or (before.endswith(p) and not before[-len(p) - 1].isalnum()):
            return True
    return False


def _next_word(low: str, pos: int) -> str:
    """The word after `pos` on its line; "" when punctuation or the line's end comes first."""
    m = _WORD_AFTER.match(low, pos)
    return m[1].replace("’", "'") if m else ""


_WORD_AFTER = re.compile(r"[^\S\n]*([^\s,;:.!?()\[\]«»\"“”]*)")


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether `pos` starts a sentence or a line (quotes and dashes aside)."""
    before = text[max(0, pos - 20):pos].rstrip(" \t\u00a0\u202f«\"“'‘(—–-")
    return not before or before[-1] in ".!?…\n:"


def _name_case_ok(text: str, start: int, rules: _Rules) -> bool:
    """Month and weekday names in the case the language writes them, else they are names."""
    if rules.t.NAMES_CAPITALISED:
        return text[start].isupper()
    return not text[start].isupper() or _opens_sentence(text, start)


def _month(word: str, rules: _Rules) -> int:
    return rules.months[word.rstrip(".")]


def _direction(m: re.Match, rules: _Rules) -> int:
    word = m["dir"] if "dir" in m.re.groupindex else None
    if not word:
        return 0
    return 1 if word in rules.next_words else -1


def _full_dates(low: str, text: str, rules: _Rules):
    for m in rules.iso.finditer(low):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and _exists(y, mo, d) and _free(low, m.start(), "/.,-"):
            yield _Candidate(m.start(), m.end(), PartialDate(year=y, month=mo, day=d))
    for m in rules.numeric.finditer(low):
        if not _free(low, m.start(), "/.,-"):
            continue
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if rules.t.DAY_FIRST else (b, a)
        short = len(m["y"]) == 2  # its century comes from the anchor
        year = int(m["y"])
        if 1 <= month <= 12 and _exists(None if short else year, month, day):
            yield _Candidate(m.start(), m.end(),
                             PartialDate(year=year, month=month, day=day, short_year=short))


def _day_months(low: str, text: str, rules: _Rules):
    any_day_month = False
    for pattern in filter(None, (rules.day_month, rules.month_day)):
        for m in pattern.finditer(low):
            if not _free(low, m.start(), ".,/-–"):
                continue
            if pattern is rules.month_day and not _name_case_ok(text, m.start("m"), rules):
                continue
            day, month = _day_of(m, rules), _month(m["m"], rules)
            year = int(m["y"]) if m["y"] else None
            if not _exists(year, month, day):
                continue
            any_day_month = True
            weekday = _back(rules.weekday_before, low, m.start())
            start = weekday.start() if weekday else m.start()
            yield _Candidate(start, m.end(), PartialDate(
                year=year, month=month, day=day, direction=_direction(m, rules),
                weekday=rules.weekdays[weekday["wd"]] if weekday else None))
    if not any_day_month:
        return  # a range of days ends with a day and month
    for m in rules.day_range.finditer(low):
        if not _free(low, m.start(), ".,/-–"):
            continue
        # The first day of a range takes the month and year of the second.
        tail = rules.day_month.search(low, m.end())
        if tail is None:
            continue
        day, month = _day_of(m, rules), _month(tail["m"], rules)
        year = int(tail["y"]) if tail["y"] else None
        if _exists(year, month, day):
            yield _Candidate(m.start(), m.end(), PartialDate(year=year, month=month, day=day))


def _day_of(m: re.Match, rules: _Rules) -> int:
    return int(m["d"]) if m["d"] else rules.day_words[m["dw"]]


def _month_years(low: str, text: str, rules: _Rules):
    for m in rules.month.finditer(low):
        prefix = _back(rules.prefix_before, low, m.start())  # "fin mars", "mi-octobre"
        if not (prefix or _free(low, m.start())) or not _name_case_ok(text, m.start("m"),
                                                                        rules):
            continue
        month = _month(m["m"], rules)
        start = prefix.start() if prefix else m.start()
        if m["y"]:
            yield _Candidate(start, m.end(), PartialDate(year=int(m["y"]), month=month))
            continue
        if m["m"] not in rules.full_months:
            continue  # "sept" alone is a number more often than September
        direction = _direction(m, rules)
        before = _back(rules.direction_before, low, start)
        if before:
            start, direction = before.start(), _direction(before, rules)
        if not (prefix or direction or _after(low, start, rules.t.MONTH_CONTEXT)):
            continue  # "Mars", "mai" with nothing that makes them a month
        yield _Candidate(start, m.end(), PartialDate(month=month, direction=direction))


def _years(low: str, text: str, rules: _Rules):
    t = rules.t
    if rules.decade is not None:
        for m in rules.decade.finditer(low):
            if _free(low, m.start()):
                yield _Candidate(m.start(), m.end(), PartialDate(approximate=True))
    for m in rules.year.finditer(low):
        start, end = m.start(), m.end()
        ranged = start >= 5 and _RANGE_BEFORE.match(low, start - 5)  # "2012-2016"
        prefix = _back(rules.prefix_before, low, start)  # "mi-2024", "fin 2023"
        if not (ranged or prefix) and not _free(low, start, ".,/-–"):
            continue
        if _GROUPED.match(low, end) or (start >= 2 and _GROUP_BEFORE.match(low, start - 2)):
            continue  # a digit group of a larger number: "1 2012 000"
        if not prefix and _after(low, start, t.NOT_YEAR_BEFORE):
            continue
        word = _WORD_BEFORE.search(low, max(0, start - 20), start)
        if word and word[1].rstrip(".") in rules.months:
            continue  # left to the month pass: if it did not take "Mars 2020", a name did
        after = _next_word(low, end)
        if low[end:end + 2].strip()[:1] in ("%", "€", "$") or after in rules.quantity:
            continue
        chained = rules.chain.match(low, end)
        if chained:
            # "entre 2000 et 3000 manifestants": the word after the second number decides.
            tail = _next_word(low, chained.end())
            if tail and (tail in rules.quantity or tail not in rules.followers):
                continue
            after = ""
        strong = prefix or ranged or _after(low, start, t.YEAR_CONTEXT)
        if strong or not after or after in rules.followers:
            yield _Candidate(prefix.start() if prefix else start, end,
                             PartialDate(year=int(m["y"])))


_WORD_BEFORE = re.compile(r"(\w+\.?)[^\S\n]+\Z")
_RANGE_BEFORE = re.compile(r"\d{4}[-–]")
_GROUPED = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
_GROUP_BEFORE = re.compile(r"\d[ \u00a0\u202f]")


def _weekdays(low: str, text: str, rules: _Rules):
    for m in rules.weekday.finditer(low):
        if not _free(low, m.start()) or not _name_case_ok(text, m.start("wd"), rules):
            continue
        if not _direction(m, rules) and low[m.end("wd"):m.end("wd") + 20].lstrip().startswith(
                rules.not_weekday_after):
            continue
        start, direction = m.start(), _direction(m, rules)
        this = _back(rules.this_before, low, start)
        before = _back(rules.direction_before, low, start)
        if this:
            start, direction = this.start(), 0
        elif before:
            start, direction = before.start(), _direction(before, rules)
        yield _Candidate(start, m.end(), PartialDate(
            weekday=rules.weekdays[m["wd"]], direction=direction, this_week=bool(this)))


def _relatives(low: str, text: str, rules: _Rules):
    for m in rules.relative_day.finditer(low):
        if _free(low, m.start()):
            offset = rules.relative_days[_key(m["rel"])]
            yield _Candidate(m.start(), m.end(), PartialDate(unit="day", offset=offset))
    for m in rules.relative_period.finditer(low):
        if _free(low, m.start()):
            unit, offset = rules.relative_periods[_key(m["rel"])]
            yield _Candidate(m.start(), m.end(), PartialDate(unit=unit, offset=offset))
    for m in rules.count.finditer(low):
        if not _free(low, m.start()):
            continue
        n_text, unit_text = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
        n = int(n_text) if n_text.isdigit() else rules.numbers[n_text]
        later = m["n"] and _key(m["before"]) in rules.later
        loose = bool(m["approx"] if m["n"] else m["approx2"])
        yield _Candidate(m.start(), m.end(), PartialDate(
            unit=rules.units[unit_text], offset=n if later else -n, approximate=loose))


def _key(phrase: str) -> str:
    """A matched phrase as its table key: plain apostrophe, single spaces."""
    return " ".join(phrase.replace("’", "'").split())


_FINDERS = (_full_dates, _day_months, _month_years, _years, _weekdays, _relatives)


def _without_overlaps(found: list[_Candidate]) -> list[_Candidate]:
    """Longest expressions first ("mercredi 13 septembre 2023" over "mercredi" and "2023"),
    then in text order."""
    kept: list[_Candidate] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if c.end > c.start and all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
