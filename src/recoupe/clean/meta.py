"""Metadata read from the lines the classifier took out of the body.

In: the normalised lines of one article, their kinds (from `boilerplate.classify`) and
the language `Tables`.
Out: `extract(lines, kinds, tables)` -> a `Meta`: the publication date (ISO 8601, from a
stamp such as "13/09/2023" or "Publié le ...", else from a dateline, else from an update
stamp), the dateline's place ("Dakar" from "Dakar,3 mars 2021."), the credits
(agencies, outlets, photographers, bylines), the captions without their credit, and,
when the first paragraph opens with a dateline ("PARIS (Reuters) - Le ministre..."), the
paragraph without it and the prefix that was cut.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import lang
from . import dates, patterns
from .boilerplate import (
    CAPTION,
    CREDIT,
    DATELINE,
    PHOTO_CREDIT,
    PROSE,
    STAMP,
)
from .credits import is_agency, is_byline, photo_credit
from .tables import Tables

# A dateline opens the story: it is looked for in its first few paragraphs only.
_LEAD_LINES = 3


class Meta(NamedTuple):
    published: str | None
    dateline: str | None
    credits: tuple[str, ...]
    captions: tuple[str, ...]
    lead: tuple[int, str, str] | None  # (line index, line without its dateline, the prefix)
    outlet: str | None = None  # a medium the text signs with ("AVEC RADIO NORD", "Source : X")


def extract(lines: list[str], kinds: list[str], tables: Tables) -> Meta:
    """Lines and their kinds -> publication date, dateline, credits, captions."""
    published: list[str] = []
    updated: list[str] = []
    from_dateline: list[str] = []
    places: list[str] = []
    credits: list[str] = []
    captions: list[str] = []
    signatures: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == STAMP:
            _stamp_dates(line, tables, published, updated)
        elif kind == DATELINE:
            place, iso, agency = _dateline(line, tables)
            if place:
                places.append(place)
            if iso:
                from_dateline.append(iso)
            if agency:
                credits.append(agency)
        elif kind == CREDIT:
            credits.append(_credit_name(line, tables))
            signed = _signature(line, tables)
            if signed and signed not in signatures:
                signatures.append(signed)
        elif kind == PHOTO_CREDIT:
            credits.append(_photo_credit(line, tables))
        elif kind == CAPTION:
            text, who = _caption(line, tables)
            if text:
                captions.append(text)
            credits.extend(who)
    lead = _lead(lines, kinds, tables)
    if lead is not None:
        place, iso, agency = _dateline(lead[2], tables)
        if place:
            places.insert(0, place)
        if iso:
            from_dateline.insert(0, iso)
        if agency:
            credits.insert(0, agency)
    return Meta(
        published=_best_date(published, from_dateline, updated),
        dateline=places[0] if places else None,
        credits=_unique(c for c in credits if c),
        captions=_unique(captions),
        lead=lead,
        # One medium signing the text is its outlet; two are sources, not a publisher.
        outlet=signatures[0] if len(signatures) == 1 else None,
    )


def _best_date(*groups: list[str]) -> str | None:
    """The first group that dates the page, its first full date ("2023-09-14") if any."""
    for group in groups:
        if group:
            return next((d for d in group if len(d) == 10), group[0])
    return None


def _stamp_dates(line: str, t: Tables, published: list[str], updated: list[str]) -> None:
    # "Publié le 12/03/2024, mis à jour le 13/03/2024": what follows an update label is
    # the update, what comes before it is the publication.
    m = t.updated_label.search(line)
    head, tail = (line[: m.start()], line[m.start():]) if m else (line, "")
    for part, into in ((head, published), (tail, updated)):
        if not part.strip():
            continue
        labelled = bool(t.stamp_label.search(part))
        if labelled:
            part = t.byline_tail.sub("", t.stamp_label.sub(" ", part))
        for hit in dates.find(part, t, fallback=labelled):
            if hit.iso:
                into.append(hit.iso)


def _dateline(line: str, t: Tables) -> tuple[str | None, str | None, str | None]:
    """A dateline -> (place, ISO date or None, agency credit or None)."""
    m = t.agency_dateline.match(line)
    if m:
        agency = m["agency"].strip()
        iso = _first_date(m["date"] or "", t)
        place = _place(m["place"]) if m["place"] else None
        return place, iso, agency if is_agency(agency, t) else None
    m = t.date_dateline.match(line)
    if m:
        return _place(m["place"]), _first_date(m["date"], t), None
    return None, None, None


def _first_date(text: str, t: Tables) -> str | None:
    for hit in dates.find(text, t):
        if hit.iso:
            return hit.iso
    return None


def _place(text: str) -> str:
    place = text.split(",")[0].strip()
    if patterns.is_caps(place):
        # "PÉKIN" -> "Pékin", "SAINT-DENIS" -> "Saint-Denis": datelines shout, places don't.
        place = re.sub(r"[^\W\d_]+", lambda w: w[0].capitalize(), place.lower())
    return place


def _credit_name(line: str, t: Tables) -> str:
    inner = line.strip(" -–—•·").rstrip(".").strip().strip("()").strip()
    m = t.credit_prefix.match(inner)
    if m and not is_byline(inner, t):
        inner = inner[m.end():]
    return inner.strip(" :|")


def _signature(line: str, t: Tables) -> str | None:
    """A credit line by which a medium signs the text ("AVEC RADIO NORD", "Source : La
    Gazette") -> that medium, or None: wire and photo agencies stay credits (they are where
    copies come from, not who publishes), and so do people ("Avec Jean Dupont")."""
    inner = line.strip(" -–—•·").rstrip(".").strip()
    if inner.startswith("(") or is_byline(inner, t):
        return None
    m = t.credit_prefix.match(inner)
    if not m or inner[: m.end()].strip(" :").casefold() in t.byline_prefix:
        return None  # "Par X" signs an author, not a medium
    name = inner[m.end():].strip(" :|")
    if not name or len(name.split()) > 5 or t.credit_split.search(name):
        return None  # "AFP et Reuters", "X/AFP": several sources
    if t.agency.fullmatch(name) or t.photo_agency.fullmatch(name) or t.agency.fullmatch(
            name.upper()):
        return None
    first = re.split(r"['’\s]", name, maxsplit=1)[0].casefold()
    if t.agency_word.search(name):
        return name  # "AVEC RADIO NORD INFO", "Source : Agence Savane"
    if _person(name, t):
        return None  # "AVEC JEAN DUPONT": a journalist, in capitals (unsure means none)
    if patterns.is_caps(name) or first in t.function_words:
        return name
    return None


def _person(name: str, t: Tables) -> bool:
    """Two or three words opening with a given name (the language's table of them)."""
    words = name.split()
    table = lang.table(t.language, "given_names")
    return (2 <= len(words) <= 3 and table is not None
            and table.fold_name(words[0]) in table.given_names())


def _photo_credit(line: str, t: Tables) -> str:
    found = photo_credit(line, t)
    who = (found.who if found else line).strip(" |-–—:/.()")
    return _credit_names(who, t)


def _credit_names(who: str, t: Tables) -> str:
    if patterns.namelike(who, t.name_connectors):
        return who
    # "prise le 17 octobre 2008/REUTERS/Jean Dupont": keep the parts that name someone.
    parts = [p.strip() for p in who.split("/") if p.strip()]
    names = [p for p in parts
             if patterns.namelike(p, t.name_connectors) or t.agency.fullmatch(p)]
    return "/".join(names) if names else who


def _caption(line: str, t: Tables) -> tuple[str, list[str]]:
    """A caption line -> (its text without credits, the credits it carried)."""
    who: list[str] = []
    text = line.strip()
    m = t.photo_tail.search(text, max(0, len(text) - 130))
    if m and m.start() > 0:
        who.append(_credit_names(m["who"].strip(" |-–—:/."), t))
        text = text[: m.start()]
    elif (caps := t.caps_credit.search(text, max(0, len(text) - 130))) and not text[
            caps.end():].strip(" .|"):
        who.append(caps["credit"])  # "JEAN DUPONT / POOL / AFP", the wires' form
        text = text[: caps.start()]
    if t.source_in_caption is not None:
        for s in t.source_in_caption.finditer(text):
            who.append(s["who"].strip())
        text = t.source_in_caption.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" |-–—")
    return text, who


def _lead(lines: list[str], kinds: list[str], t: Tables) -> tuple[int, str, str] | None:
    """A dateline opening one of the first paragraphs -> (index, paragraph, prefix)."""
    prose = [i for i, kind in enumerate(kinds) if kind == PROSE][:_LEAD_LINES]
    for i in prose:
        m = t.agency_dateline.match(lines[i])
        if not m or not m["rest"]:
            continue
        if not is_agency(m["agency"], t):
            continue
        prefix = lines[i][: m.start("rest")].rstrip()
        return i, m["rest"], prefix
    return None


def _unique(items) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = patterns.fold_case_and_punctuation(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)

