"""A story's articles -> when it happened, where, and its timeline of dated events.

In: the annotated articles of one story (their date expressions, sentences, mentions,
publication dates, and for the story's day the text and parse around each date) and the
story's entities. Out: `story_when` (the day the story's articles
most date their events to), `story_where` (the place named most with that day), and
`build_timeline` (one event per date and happening, citing every article that dates it;
never a text's name, a day ahead of the text or a forecast).

An article without a publication date cannot resolve "mardi" or "cette année" by itself;
here what its date expressions wrote down (`DateRef.partial`, found at annotate time) is read
against the story's day (`partialdate.resolve`) and marked uncertain, never shown as certain.
Dates are not found again here; what a found date stands for (ahead, a start, a text's name)
is read by `dateroles`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import lang
from ..dateroles import named_ahead, named_as_start, names_a_text
from ..model import AnnotatedArticle, DateRef, Entity, Span, TimelineEvent
from ..partialdate import PartialDate, parse_iso, resolve
from ..text import fold, written_before
from . import gazetteer

_SAME_EVENT = 0.25  # share of content words two sentences need to tell the same event
_MIN_WORDS = 4  # a dated sentence shorter than this tells no event ("2005.", "Le 3 mai :")
_WORD = re.compile(r"[^\W\d_]{4,}")


def story_when(articles: Sequence[AnnotatedArticle],
               upstreams: dict[str, str] | None = None) -> str | None:
    """The day the articles' own date expressions point to most (each article counted once,
    a publication day half as much; the earlier day between two as strong), None when
    nothing is dated to the day. A date that names a text ("la loi du 9 juin 2011"), the
    start of a stretch ("en grève depuis le 3 mars") or a day ahead ("fermée jusqu'au 15
    juin": `dateroles`) is not when the story happens, however often the articles
    cite it. A day no article was published on must be named by two independent articles
    (`upstreams` maps an article id to the source it relays: two copies of one wire story
    are one), or be the one day of a lone article: news names its own day by the weekday
    ("mardi"); a full date with its year, named once, is mostly background ("le 3 mai
    2004, il avait ..."), and a wrong story day would misdate every "mardi" of the undated
    articles read against it. The strongest day that passes is taken."""
    votes: Counter = Counter()
    sources: dict[str, set[str]] = defaultdict(set)  # day -> the sources that name it
    published_on: set[str] = set()
    for a in articles:
        language = a.language or "fr"
        days = {day for d in a.dates if d.certain and (day := _day(d.value))
                and not names_a_text(d, a, language) and not named_as_start(d, a, language)
                and not named_ahead(d, a, language)}
        votes.update({day: 1.0 for day in days})
        for day in days:
            sources[day].add((upstreams or {}).get(a.article.id, a.article.id))
        published = _day(a.article.published)
        if published:
            votes[published] += 0.5
            published_on.add(published)
    alone = len(articles) == 1 and len(sources) == 1
    for day in sorted(votes, key=lambda day: (-votes[day], day)):
        if day in published_on or len(sources[day]) >= 2 or alone:
            return day
    return None


def _day(value: str | None) -> str | None:
    """The day ("2022-05-04") an ISO value names, None when it names no whole day."""
    date = parse_iso(value)
    return date.iso() if date is not None and date.is_day else None


def _has_year(value: str | None) -> bool:
    date = parse_iso(value)
    return date is not None and date.year is not None


def anchored_dates(a: AnnotatedArticle, when: str | None) -> tuple[DateRef, ...]:
    """An article's dates, those it could not resolve alone read against `when` (uncertain)."""
    anchor: PartialDate | None = parse_iso(when)
    if a.article.published or anchor is None:
        return a.dates
    out = []
    for d in a.dates:
        if d.partial is not None and not _has_year(d.value):
            value = resolve(d.partial, anchor).value
            if value:
                d = dataclasses.replace(d, value=value, certain=False)
        out.append(d)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def is_place_name(name: str) -> bool:
    """A name the gazetteer knows as a city, US state or country, and no nationality word.
    The recogniser's places also hold organisations, diseases and demonyms ("Américain")."""
    return bool(name) and not _nationality(name) and gazetteer.is_place(name)


def _nationality(name: str) -> bool:
    from ..lang.fr import nationalities

    return name.casefold() in nationalities.forms()


def story_where(articles: Sequence[AnnotatedArticle], entities: Sequence[Entity],
                when: str | None) -> str | None:
    """The place (not a whole country, never a nationality word) named most in the sentences
    dated to the story's day, then one the gazetteer knows, then by how many articles name
    it; with the area it lies in when both are named there (a known place is paired only
    with another known one). A place not named with the story's day must be named by two
    of its articles (or be its lone article's) and be written as where something is ("à
    X", "dans les X": `lang/<code>/places`), by two articles when the gazetteer does not
    know it (by one when it does): a place named once in
    passing, or only to qualify someone ("l'évêque de X"), and a body or a team typed as
    a place are not where the story happens. None rather than a wrong place."""
    places = {fold(v): e for e in entities if e.type == "LOC"
              and not gazetteer.country_code(e.name) and not _nationality(e.name)
              for v in e.variants}
    if not places:
        return None
    together: Counter = Counter()
    pairs: Counter = Counter()
    located: Counter = Counter()  # name -> the articles that write it as where a thing is
    for a in articles:
        dated = {d.sentence for d in a.dates if when and _day(d.value) == when}
        locative = _locative(a.language or "fr")
        located.update({e.name for m in a.mentions
                        if (e := places.get(fold(m.text))) is not None
                        and written_before(a.article.text, m.start, locative)})
        for s in dated:
            here = []
            for m in a.mentions:
                e = places.get(fold(m.text))
                if m.sentence == s and e is not None and e.name not in here:
                    here.append(e.name)
            together.update(here)
            pairs.update((x, y) for x in here for y in here if x != y)
    reach = {e.name: len(e.articles) for e in places.values()}
    # "à" also marks whom a thing goes to ("cédé à X"): a name the gazetteer does not know
    # must be written as a place by two articles, a known one by one
    enough = min(2, len(articles))
    candidates = [n for n in reach if together[n] or (
        reach[n] >= enough and located[n] >= (1 if is_place_name(n) else enough))]
    if not candidates:
        return None
    # Between names as often dated, one the gazetteer knows wins: the recogniser's other
    # "places" may be bodies. Unknown names still count (the gazetteer has cities and
    # countries, not every site, region or village named with the day).
    ranked = sorted(candidates,
                    key=lambda n: (-together[n], not is_place_name(n), -reach[n], n))
    first = ranked[0]
    second = next((n for n in ranked[1:] if pairs[(first, n)]
                   and (is_place_name(n) or not is_place_name(first))), None)
    return f"{first}, {second}" if second else first


@functools.lru_cache(maxsize=16)
def _locative(language: str) -> tuple[str, ...]:
    """A language -> what, written right before a name, places something there: a locative
    preposition of `lang/<code>/places`, alone or with an article ("à", "à la", "à l'");
    none when the language has no table."""
    table = lang.table(language, "places")
    if table is None:
        return ()
    return tuple(f"{word} {article}" if article else word
                 for word in table.LOCATIVES for article in ("", *table.LOCATIVE_ARTICLES))


def build_timeline(articles: Sequence[AnnotatedArticle], when: str | None
                   ) -> tuple[TimelineEvent, ...]:
    """Dated sentences of the articles -> events, one per date and happening, oldest first.
    What happened when: a date that names a text ("la loi du 9 juin 2011" is the law's
    name, not an event of the sentence) or lies ahead of the text (a bound, "d'ici 2031"; a
    target, "les semis pour 2031"; a forecast or a plan, in the future or the present
    conditional: "le chômage devrait reculer en 2031") is no event (`dateroles`); nor is a
    sentence too short to tell one (a year on a line of its own)."""
    dated: dict[str, list[tuple[int, str, str, bool]]] = defaultdict(list)
    for order, a in enumerate(articles):
        language = a.language or "fr"
        for d in anchored_dates(a, when):
            if not _has_year(d.value) or d.sentence >= len(a.sentences):
                continue
            s = a.sentences[d.sentence]
            if (len(s.text.split()) < _MIN_WORDS or names_a_text(d, a, language)
                    or named_ahead(d, a, language)):
                continue
            dated[d.value].append((order, a.article.id, s.text, d.certain, s.start, s.end))
    events = []
    for date, items in dated.items():
        for cluster in _clusters(items):
            cluster.sort()
            spans = {}  # article -> its first sentence that dates the event
            for _, aid, _, _, start, end in cluster:
                spans.setdefault(aid, Span(aid, start, end))
            events.append(TimelineEvent(
                date=date, text=cluster[0][2],
                articles=tuple(sorted({item[1] for item in cluster})),
                certain=any(item[3] for item in cluster),
                spans=tuple(spans[aid] for aid in sorted(spans))))
    events.sort(key=lambda e: (e.date, e.articles, e.text))
    return tuple(events)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text))}


def _clusters(items):
    """Sentences of one date -> groups telling the same happening (shared content words).

    Each sentence joins the first group (in the order groups were started) whose words it
    shares enough of (Jaccard >= `_SAME_EVENT`), or starts one. A group sharing no word
    cannot qualify, so the groups are found through an index from each word to the groups
    holding it, and the shared counts give each Jaccard exactly as the sets would: a date
    many articles name no longer compares each sentence with every group."""
    groups: list[list] = []
    seen: list[set[str]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # word -> groups whose words have it
    for item in items:
        words = _words(item[2])
        shared: Counter = Counter()
        for w in words:
            shared.update(holding.get(w, ()))
        target = next((g for g in sorted(shared) if shared[g] / (
            len(words) + len(seen[g]) - shared[g]) >= _SAME_EVENT), None)
        if target is None:
            target, new = len(groups), words
            groups.append([item])
            seen.append(set(words))
        else:
            new = words - seen[target]
            groups[target].append(item)
            seen[target] |= new
        for w in new:
            holding[w].append(target)
    return groups
