"""Language tables compiled once for the line cleaner.

In: a language code ("fr").
Out: a frozen `Tables` holding the compiled patterns and word sets of that language's
boilerplate and dates tables (`recoupe.lang.<code>`), merged with the English ones, which
apply everywhere because English web prompts appear on sites in any language. What
describes the article's own language (function words, one-letter words, connectors of
place names) comes from its table only. Compiled tables are cached per language: building
them costs a few milliseconds, using them nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import ModuleType

from .. import lang
from .patterns import UP

_FALLBACK = "en"


@dataclass(frozen=True)
class Tables:
    prompt_start: re.Pattern
    prompt_any: re.Pattern
    debris_line: re.Pattern
    related: re.Pattern
    share: re.Pattern
    share_targets: frozenset
    comments: re.Pattern
    source_label: re.Pattern
    stamp_label: re.Pattern
    updated_label: re.Pattern
    photo_line: re.Pattern
    photo_label: re.Pattern
    photo_tail: re.Pattern
    photo_direct: re.Pattern
    caption_cue: re.Pattern
    source_in_caption: re.Pattern | None
    credit_prefix: re.Pattern
    byline: re.Pattern
    byline_place_words: frozenset
    contact: re.Pattern
    agency: re.Pattern
    agency_word: re.Pattern
    agency_dateline: re.Pattern
    date_dateline: re.Pattern
    credit_split: re.Pattern
    name_connectors: frozenset
    byline_prefix: frozenset
    byline_tail: re.Pattern
    photo_agency: re.Pattern
    function_words: frozenset
    finite_verbs: frozenset
    verb_ending: re.Pattern
    noun_phrase_links: frozenset
    adjective_ending: re.Pattern
    one_letter_words: frozenset
    place_connectors: frozenset
    months: tuple  # (name, number) pairs, longest names first
    weekdays: frozenset
    date_words: frozenset  # every word a date stamp may hold: months, weekdays, "le", "à"
    textual_date: re.Pattern
    month_first_date: re.Pattern
    month_year: re.Pattern
    date_articles: frozenset
    ordinal_suffixes: tuple
    time_connectors: frozenset
    day_first: bool
    dateparser_languages: tuple
    rubric: re.Pattern  # a section label opening a line: "Économie :", "SPORT -"
    inline_prompt: re.Pattern  # a paywall formula inside a paragraph
    related_inline: re.Pattern  # "Lire aussi" inside a paragraph
    sentence_openers: frozenset
    caps_credit: re.Pattern  # a picture credit in capitals: "JEAN DUPONT / POOL / AFP"
    language: str


def load(language: str | None) -> Tables:
    """Language code -> the compiled tables of that language plus English."""
    code = (language or _FALLBACK).lower()
    if lang.table(code, "boilerplate") is None:
        code = _FALLBACK
    return _build(code)


@functools.lru_cache(maxsize=8)
def _build(code: str) -> Tables:
    codes = [code] if code == _FALLBACK else [code, _FALLBACK]
    boiler = [lang.table(c, "boilerplate") for c in codes]
    dates = [m for m in (lang.table(c, "dates") for c in codes) if m is not None]
    boiler = [m for m in boiler if m is not None]

    def items(modules: list[ModuleType], name: str) -> list:
        out: list = []
        for m in modules:
            for x in getattr(m, name, ()):
                if x not in out:
                    out.append(x)
        return out

    def alt(name: str) -> str:
        return "|".join(f"(?:{p})" for p in items(boiler, name)) or r"(?!x)x"

    photo = alt("PHOTO_LABEL")
    direct = alt("PHOTO_LABEL_DIRECT")
    agencies = sorted(items(boiler, "AGENCIES"), key=len, reverse=True)
    photo_agencies = sorted(items(boiler, "PHOTO_AGENCIES"), key=len, reverse=True)
    months: dict = {}
    for m in dates:
        for k, v in m.MONTHS.items():
            months.setdefault(k.casefold(), v)
    month_alt = "|".join(re.escape(k) for k in sorted(months, key=len, reverse=True))
    weekday_alt = "|".join(re.escape(w) for w in items(dates, "WEEKDAYS")) or r"(?!x)x"
    ordinal_alt = "|".join(re.escape(o) for o in items(dates, "ORDINAL_SUFFIXES")) or r"(?!x)x"
    article_alt = "|".join(re.escape(a) for a in items(dates, "DATE_ARTICLES")) or r"(?!x)x"
    source_caption = alt("SOURCE_IN_CAPTION")
    connectors = "|".join(re.escape(w) for w in items(boiler, "PLACE_CONNECTORS")
                          if len(w) > 1) or r"(?!x)x"
    elided = "".join(w for w in items(boiler, "PLACE_CONNECTORS") if len(w) == 1) or "_"
    # A place in a dateline: one to four capitalised words, lowercase connectors allowed
    # between them ("Saint-Pierre de la Réunion"), then an optional region ("VILLACOUBLAY,
    # Yvelines").
    place = (rf"[{UP}][\w'’.\-]*(?:\s+(?:(?:{connectors})\s+|[{elided}]['’])?"
             rf"[{UP}][\w'’.\-]*){{0,3}}")
    region = rf"(?:\s*,\s*[{UP}][\w'’\-]*(?:\s+[{UP}][\w'’\-]*){{0,2}})?"
    joiners = "|".join(rf"\b{re.escape(w)}\b" for w in items(boiler, "CREDIT_JOINERS"))
    return Tables(
        prompt_start=re.compile(rf"^(?:{alt('PROMPT_START')})", re.I),
        # prompt_any is searched anywhere in a line, so it is matched against the
        # casefolded line, without IGNORECASE, which lets the engine skip ahead on first
        # letters.
        prompt_any=re.compile(alt("PROMPT_ANY")),
        debris_line=re.compile(rf"(?:{alt('DEBRIS_LINE')})\W*", re.I),
        related=re.compile(rf"^(?:{alt('RELATED_HEADING')})", re.I),
        # Matched against a whole line, or the part of it before a list of share targets.
        share=re.compile(rf"(?:{alt('SHARE')})", re.I),
        share_targets=frozenset(s.casefold() for s in items(boiler, "SHARE_TARGETS")),
        comments=re.compile(rf"(?:{alt('COMMENTS')})\s*[:.!]?", re.I),
        source_label=re.compile(rf"(?:{alt('SOURCE_LABEL')})", re.I),
        stamp_label=re.compile(
            rf"(?<!\w)(?:{alt('PUBLISHED_LABEL')}|{alt('UPDATED_LABEL')})(?!\w)\s*"
            rf"(?:(?:{'|'.join(items(dates, 'DATE_ARTICLES')) or 'le'})(?!\w)|:)?", re.I),
        updated_label=re.compile(rf"(?<!\w)(?:{alt('UPDATED_LABEL')})(?!\w)", re.I),
        # A whole line that is a credit: "Photo : AFP/Reuters |", "© Maxppp", "(Photo X)",
        # "/Photo prise le 2 mai/REUTERS/Jean Dupont".
        photo_line=re.compile(
            rf"^[\s/(\[|]*(?:(?P<direct>{direct})|{photo})(?!\w)\s*[:/\-–—|]?\s*"
            rf"(?P<who>.*?)[\s)\]|.]*$", re.I),
        # One more label opening what the first one announced: "© Photo : X".
        photo_label=re.compile(rf"^(?:(?P<direct>{direct})|{photo})(?!\w)\s*[:/\-–—|]?\s*", re.I),
        # A credit at the end of a caption: "... en Russie. Crédit photo: X / AFP".
        photo_tail=re.compile(
            rf"(?:(?<=\s)|(?<=^)|(?<=[.,;|(]))\s*[(\[]?\s*"
            rf"(?P<label>(?P<direct>{direct})|{photo})(?!\w)"
            # Only a photo label may stand right before a name ("Photo AFP"); "Crédit"
            # needs its colon, or "Crédit Agricole" would read as a credit.
            rf"\s*(?:[:/]\s*|(?(direct)(?=(?-i:[{UP}©]))|(?!)))"
            rf"(?P<who>[^()\[\]]{{2,90}}?)\s*[)\]]?\s*[|.]?\s*$",
            re.I),
        # Matched against casefolded text: without IGNORECASE the engine can skip ahead
        # on the labels' first letters, which matters on every line of every article.
        photo_direct=re.compile(direct),
        caption_cue=re.compile(alt("CAPTION_CUE"), re.I),
        source_in_caption=(re.compile(source_caption, re.I)
                           if items(boiler, "SOURCE_IN_CAPTION") else None),
        credit_prefix=re.compile(rf"^(?:{alt('CREDIT_PREFIX')})(?!\w)\s*:?\s*", re.I),
        # Byline cues, split out of a line whose other parts must all be names.
        byline=re.compile(rf"(?<!\w)(?:{alt('BYLINE')})(?:(?<=:)|(?!\w))", re.I),
        byline_place_words=frozenset(
            w.casefold() for w in items(boiler, "BYLINE_PLACE_WORDS")),
        contact=re.compile(rf"(?:{alt('CONTACT')})", re.I),
        # Short agency names only in their own case ("AP", "MAP"), or all in capitals.
        agency=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(x) for a in agencies for x in dict.fromkeys([a, a.upper()]))
            + r")(?![\w-])"),
        photo_agency=re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in photo_agencies) + r")(?![\w-])",
            re.I),
        # Words of the article's own language only: an English "our" must not cut a
        # French token.
        # "PARIS (Reuters) -", "Moscou, 14 septembre (AFP) –", with or without the story.
        agency_word=re.compile(
            r"(?<!\w)(?:" + ("|".join(re.escape(w) for w in items(boiler, "AGENCY_WORDS"))
                            or r"(?!x)x") + r")(?!\w)", re.I),
        agency_dateline=re.compile(
            rf"^(?:(?P<place>{place}{region})(?:\s*,\s*(?P<date>[^()]{{3,40}}?))?\s*)?"
            rf"\((?P<agency>[^()]{{2,40}})\)\s*\.?\s*[-–—:]+\s*(?P<rest>.*)$"),
        # "Dakar,3 mars 2021." - a place, a comma and a date, nothing else.
        date_dateline=re.compile(rf"^(?P<place>{place})\s*,\s*(?P<date>.+?)\s*[.:–—-]?$"),
        # Separators between the names of a credit: "Belga/ANP", "AFP et Reuters".
        credit_split=re.compile(rf"\s*(?:/|,|&|\+{'|' + joiners if joiners else ''})\s*", re.I),
        name_connectors=frozenset(w.casefold() for w in items(boiler, "NAME_CONNECTORS")),
        byline_prefix=frozenset(w.casefold() for w in items(boiler, "BYLINE_PREFIX")),
        # "... à 10h30 par Jean Dupont": the author closing a stamp.
        byline_tail=re.compile(
            r"\s(?:" + ("|".join(x for w in items(boiler, "BYLINE_PREFIX")
                                 for x in (re.escape(w), re.escape(w.capitalize())))
                        or r"(?!x)x") + rf")\s+[{UP}].*$"),
        function_words=frozenset(w.casefold() for w in items(boiler[:1], "FUNCTION_WORDS")),
        # Verbs tell a sentence from a prompt: English verbs too, since English prompts
        # are looked for everywhere; endings of the article's own language only ("-ent"
        # is a verb in French, "content" is not one in English).
        finite_verbs=frozenset(w.casefold() for w in items(boiler, "FINITE_VERBS")),
        verb_ending=re.compile(
            "|".join(f"(?:{p})" for p in items(boiler[:1], "VERB_ENDINGS")) or r"(?!x)x"),
        noun_phrase_links=frozenset(items(boiler[:1], "NOUN_PHRASE_LINKS")),
        adjective_ending=re.compile(
            "|".join(f"(?:{p})" for p in items(boiler[:1], "ADJECTIVE_ENDINGS")) or r"(?!x)x"),
        one_letter_words=frozenset(items(boiler[:1], "ONE_LETTER_WORDS")),
        place_connectors=frozenset(items(boiler[:1], "PLACE_CONNECTORS")),
        months=tuple(sorted(months.items(), key=lambda kv: -len(kv[0]))),
        # "mercredi 13 septembre 2023", "le 1er mars", "14 sept. 2023"
        textual_date=re.compile(
            rf"(?<!\w)(?:(?:{weekday_alt})\s*,?\s+)?(?:(?:{article_alt})\s+)?"
            rf"(?P<d>\d{{1,2}})(?:{ordinal_alt})?\s*(?P<m>{month_alt})(?!\w)\.?"
            rf"(?:\s*,?\s*(?P<y>\d{{4}})(?!\d))?", re.I),
        # "September 13, 2023", "Sept. 13th 2023"
        month_first_date=re.compile(
            rf"(?<!\w)(?:(?:{weekday_alt})\s*,?\s+)?(?P<m>{month_alt})\.?\s+(?P<d>\d{{1,2}})"
            rf"(?:{ordinal_alt})?,?\s+(?P<y>\d{{4}})(?!\d)", re.I),
        # "septembre 2023"
        month_year=re.compile(rf"(?<!\w)(?P<m>{month_alt})\.?\s+(?P<y>\d{{4}})(?!\d)", re.I),
        weekdays=frozenset(w.casefold() for w in items(dates, "WEEKDAYS")),
        date_words=frozenset(
            part.casefold()
            for w in [*months, *items(dates, "WEEKDAYS"), *items(dates, "DATE_ARTICLES"),
                      *items(dates, "ORDINAL_SUFFIXES"), *items(dates, "TIME_CONNECTORS"),
                      *items(dates, "RELATIVE_DAYS")]
            for part in re.findall(r"[^\W\d_]+", w) or [w]),
        date_articles=frozenset(items(dates, "DATE_ARTICLES")),
        ordinal_suffixes=tuple(sorted(items(dates, "ORDINAL_SUFFIXES"), key=len, reverse=True)),
        time_connectors=frozenset(items(dates, "TIME_CONNECTORS")),
        day_first=bool(getattr(dates[0], "DAY_FIRST", True)) if dates else True,
        dateparser_languages=tuple(items(dates, "DATEPARSER_LANGUAGES")),
        rubric=re.compile(rf"^(?P<label>{alt('RUBRICS')})\s*(?:[:|]|[-–—](?=\s|$))\s*", re.I),
        inline_prompt=re.compile(rf"(?<!\w)(?:{alt('INLINE_PROMPTS')})(?!\w)", re.I),
        related_inline=re.compile(rf"(?<!\w)(?:{alt('RELATED_HEADING')})\s*:?", re.I),
        sentence_openers=frozenset(w.casefold() for w in items(boiler[:1], "SENTENCE_OPENERS")),
        # The picture credit of the wires' captions: names in capitals, a slash, and the
        # agency last ("STR / AFP", "JEAN DUPONT / POOL / AFP"). Capitals only: the same
        # words in running text are written in lower case.
        caps_credit=re.compile(
            rf"(?<![\w/])(?P<credit>(?:[{UP}][{UP}'’.\-]*(?:\s+[{UP}][{UP}'’.\-]*){{0,3}}"
            rf"\s*/\s*){{1,3}}(?:"
            + "|".join(re.escape(a.upper()) for a in agencies if len(a) >= 2)
            + r"))(?![\w/])"),
        language=code,
    )
