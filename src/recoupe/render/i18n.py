"""The languages of the HTML report and the web pages: message catalogues, the choice of a
language, and Jinja environments that speak it.

In: a language code ("fr", "en"), or what a reader or a brief says about one (an
`Accept-Language` header, the articles' languages). Out: `translations(lang)` (the catalogue
as gettext translations, cached), `install(env, lang)` (makes a new Jinja environment of
`htmlparts.environment` speak `lang`: catalogue, `LANG`, filters), `negotiate(header)`
(the best language of an Accept-Language header that we speak, or None), `content_language
(codes)` (the language most of the articles are written in, or None), `choose(...)` (the
language of one page or report), `N_` (marks a chrome string written in Python for
extraction; its template translates it), `Message` (an English sentence with parameters
that a page can show translated) and `about(text, gettext)` (what a difference is about, as
the cross-check writes it in English, in the reader's language).

The catalogues are `src/recoupe/locale/<lang>/LC_MESSAGES/recoupe.po`, English being the
language the strings are written in (its catalogue is empty unless a wording is corrected).
They are compiled in memory when first used (babel's pofile -> mofile -> gettext), not
shipped as .mo files: the French catalogue compiles in about 0.1 s the first time in a
process (babel's parser warming up; 20 ms after that), once per language, and there is then
no build step and no binary in git that could lag behind its .po (a stale .mo
is the classic way a translation silently disappears). The commands that keep them current
are in the README ("Languages").

Thread safety: the pages are rendered in a thread pool, so no environment is ever switched
from one language to another: each language has its own environment (the web app and the
report keep one per language), and `translations` only reads once-built catalogues.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import Environment
from markupsafe import Markup, escape

DOMAIN = "recoupe"
SOURCE = "en"  # the language the chrome strings are written in
LANGUAGES = ("fr", "en")  # the languages the chrome speaks, the first the default
NAMES = {"fr": "Français", "en": "English"}  # each in its own language, for the switch


def N_(message: str) -> str:  # noqa: N802 - the gettext convention extraction looks for
    """A chrome string, marked for the catalogue and returned as written."""
    return message


class Message(str):
    """An English sentence with %-parameters (`Message(N_("No story %(id)s."), id=...)`): as
    a str it is the sentence in English (JSON answers, logs); `translated(gettext)` gives it
    in the reader's language, the parameters inserted after translation."""

    msgid: str
    params: dict

    def __new__(cls, msgid: str, **params: object) -> Message:
        made = super().__new__(cls, msgid % params if params else msgid)
        made.msgid, made.params = msgid, params
        return made

    def translated(self, translate) -> str:
        text = translate(self.msgid)
        return text % self.params if self.params else text


def primary(tag: str | None) -> str | None:
    """A language tag -> its primary subtag, lower case: "fr-FR" -> "fr"; None or "" -> None."""
    code = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return code or None


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang` as gettext translations (null ones for a language without a
    catalogue). Compiled from its .po the first time it is asked for."""
    po = resources.files("recoupe") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang not in LANGUAGES or not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries left out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


# The English the cross-check writes in a difference's `about` (crosscheck/discrepancies.py:
# the stored brief and its JSON keep it), as catalogue messages whose parameters are the parts
# taken from the articles, kept as written. Read back here rather than stored apart because
# the stored briefs already hold the sentence; a sentence of no known form is shown as is.
_ABOUT = (
    (re.compile(r"wording of a speaker's statement: (?P<gist>.*)", re.S),
     N_("wording of a speaker's statement: %(gist)s")),
    (re.compile(r"wording of (?P<speaker>.+?)'s statement: (?P<gist>.*)", re.S),
     N_("wording of %(speaker)s's statement: %(gist)s")),
    (re.compile(r"how many \((?P<event>.*?)\): (?P<words>.*)", re.S),
     N_("how many (%(event)s): %(words)s")),
    (re.compile(r"how long \((?P<event>.*?)\): (?P<words>.*)", re.S),
     N_("how long (%(event)s): %(words)s")),
    (re.compile(r"what time \((?P<event>.*?)\): (?P<words>.*)", re.S),
     N_("what time (%(event)s): %(words)s")),
    (re.compile(r"how much \((?P<event>.*?)\): (?P<words>.*)", re.S),
     N_("how much (%(event)s): %(words)s")),
    (re.compile(r"how far \((?P<event>.*?)\): (?P<words>.*)", re.S),
     N_("how far (%(event)s): %(words)s")),
    (re.compile(r"where (?P<place>.+) lies: (?P<directions>[NSEW]{1,2}(?: / [NSEW]{1,2})*)",
                re.S), N_("where %(place)s lies: %(directions)s")),
)
# The compass points of "where ... lies", as the catalogue writes them (French: O for W).
_COMPASS = {"N": N_("N"), "S": N_("S"), "E": N_("E"), "W": N_("W"), "NE": N_("NE"),
            "NW": N_("NW"), "SE": N_("SE"), "SW": N_("SW")}


def about(text: str, translate) -> str:
    """A difference's `about`, as the cross-check writes it -> in the reader's language."""
    for pattern, message in _ABOUT:
        found = pattern.fullmatch(text)
        if found:
            params = found.groupdict()
            if "directions" in params:
                params["directions"] = " / ".join(
                    translate(_COMPASS[d]) for d in params["directions"].split(" / "))
            return translate(message) % params
    return text


# The entity types the annotator writes, as the pages name them.
_ENTITY_TYPES = {"PER": N_("person"), "LOC": N_("place"), "ORG": N_("organisation"),
                 "MISC": N_("other")}


def _entity_type(translate, code: str) -> str:
    return translate(_ENTITY_TYPES[code]) if code in _ENTITY_TYPES else code


def _langattr(code: str | None) -> Markup:
    """A language code -> ` lang="fr"` for an element showing article text, or nothing."""
    return Markup(' lang="%s"') % escape(code) if code else Markup("")


def install(env: Environment, lang: str) -> Environment:
    """Make the Jinja environment `env` speak `lang`: `_`, `gettext` and `ngettext` translate
    (newstyle: `%(name)s` parameters are filled in and escaped), `LANG` is the code for
    `<html lang>`, the `langattr` filter writes the `lang` attribute of quoted article text,
    the `about` filter translates what a difference is about and `entity_type` an entity's
    type ("PER" -> "personne"). Called once on a new environment, never to switch one."""
    env.install_gettext_translations(translations(lang), newstyle=True)
    env.globals["LANG"] = lang
    env.filters["langattr"] = _langattr
    env.filters["about"] = functools.partial(_about_filter, translations(lang).gettext)
    env.filters["entity_type"] = functools.partial(_entity_type, translations(lang).gettext)
    return env


def _about_filter(translate, text: str) -> str:
    return about(text, translate)


def negotiate(header: str | None, languages: Iterable[str] = LANGUAGES) -> str | None:
    """An Accept-Language header -> the language we speak that it prefers most (a higher q,
    then the earlier), or None when it names none of them ("*" is no preference).
    Written here because babel negotiates between parsed lists but parses no header."""
    ours = tuple(languages)
    ranked = []
    for n, item in enumerate((header or "").split(",")):
        tag, _, params = item.partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = primary(tag)
        if code in ours and q > 0:
            ranked.append((-q, n, code))
    return min(ranked)[2] if ranked else None


def content_language(codes: Iterable[str | None]) -> str | None:
    """The languages of some articles -> the one most of them are written in (primary
    subtags; the first met wins a tie), or None when none says."""
    counts = Counter(c for c in map(primary, codes) if c)
    return counts.most_common(1)[0][0] if counts else None


def pick(*candidates: str | None) -> str | None:
    """The first candidate that is a language we speak, or None."""
    for candidate in candidates:
        code = primary(candidate)
        if code in LANGUAGES:
            return code
    return None


def choose(*candidates: str | None) -> str:
    """The first candidate (an explicit choice, then preferences, then defaults) that is a
    language we speak; else the first of LANGUAGES."""
    return pick(*candidates) or LANGUAGES[0]
