"""Given names, from a well-kept public list: Faker's person providers (MIT licence).

In: nothing. Out: `given_names()` -> a frozenset of given names, lower case without accents
("jean-marie", "vladimir", "amina"), loaded once per process on first use; `genders()` ->
the gender of those that the lists give to men only or to women only.

French news names people of every nation, so the list joins the first names of Faker's
Latin-script locales (French of France, Belgium, Switzerland, Canada and Algeria; English,
Spanish, Portuguese, German, Italian, Dutch, the Nordic, Slavic, Baltic and Balkan languages,
Turkish, Indonesian, Vietnamese, and West and East African locales). A name is a given name
when one of these lists has it; `crosscheck.canon` reads it only with other evidence (a name
of two words or more, the first one a given name and not a place, the others no common
word).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from pathlib import Path

LOCALES = (
    "fr_FR", "fr_BE", "fr_CH", "fr_CA", "fr_QC", "fr_DZ", "en", "en_US", "en_GB", "en_IE",
    "en_NG", "en_KE", "en_IN", "en_PK", "es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "pt_PT",
    "pt_BR", "de_DE", "de_AT", "it_IT", "nl_NL", "nl_BE", "da_DK", "sv_SE", "no_NO", "fi_FI",
    "is_IS", "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "lt_LT", "lv_LV",
    "et_EE", "ga_IE", "tr_TR", "id_ID", "vi_VN", "sw", "yo_NG", "ig_NG", "tw_GH", "zu_ZA",
)
_LISTS = ("first_names", "first_names_male", "first_names_female")
_ATTRIBUTE = re.compile(r"^    (\w+)(?:\s*:\s*[^=]+)?\s*=")
_STRING = re.compile(r""""([^"\\]+)"|'([^'\\]+)'""")


def fold_name(word: str) -> str:
    """"Jean-Marie" -> "jean-marie", "Sergueï" -> "serguei": the key the list is read with."""
    text = word.casefold()
    if text.isascii():
        return text  # most names: no accent to take off
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _providers() -> list[Path]:
    """The source files of Faker's person providers of `LOCALES` that are installed."""
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "providers" / "person"
    return [p for p in (folder / locale / "__init__.py" for locale in LOCALES) if p.is_file()]


@functools.cache
def given_names() -> frozenset[str]:
    names: set[str] = set()
    for path in _providers():
        names.update(fold_name(n) for n in _first_names(path))
    # Latin letters only, and a name is two letters at least ("a" is no name).
    return frozenset(n for n in names if len(n) >= 2 and n[0].isalpha()
                     and all(ord(c) < 0x250 for c in n))


@functools.cache
def genders() -> dict[str, str]:
    """Given name -> "Masc" or "Fem" (Universal Dependencies' values) when the lists of one
    gender only hold it, in every locale read: "fabrice" Masc, "ingrid" Fem; a name that
    some locale gives to men and another to women ("andrea", "camille") has none."""
    seen: dict[str, set[str]] = {}
    for path in _providers():
        for lists, gender in ((("first_names_male",), "Masc"), (("first_names_female",), "Fem")):
            for n in _first_names(path, lists):
                seen.setdefault(fold_name(n), set()).add(gender)
    return {n: next(iter(g)) for n, g in seen.items() if len(g) == 1 and len(n) >= 2}


def _first_names(path: Path, lists: tuple[str, ...] = _LISTS) -> list[str]:
    """The strings of a provider's first-name lists, read from its source.

    Read as data, not imported: importing Faker loads every locale it has (a second per
    process), and parsing the sources as Python costs more still; the lists are literals
    (tuples of names, or OrderedDicts of name and weight) assigned as class attributes, so
    the strings between "first_names... =" and the next attribute are the names."""
    out: list[str] = []
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        attribute = _ATTRIBUTE.match(line)
        if attribute:
            inside = attribute[1] in lists
        if inside:
            out.extend(a or b for a, b in _STRING.findall(line))
    return out
