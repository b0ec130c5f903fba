"""A story's statements, sentences and captions -> discrepancies: the places where outlets,
or an article and its own caption, give different values for one thing.

In: the annotated articles of one story, its entities, quotes and statements.
Out: `Discrepancy`s, each with every article's own words side by side. recoupe never decides
which value is right; it shows the difference.

The kinds, each general:
- wording: one statement (see `statements`) whose quoted words differ between outlets (two
  translations of one sentence are worth seeing side by side), each article shown by its
  quote closest to the statement; a quote whose words run inside another outlet's longer
  quote is an excerpt, and a partial quote of a few words a piece, not a wording;
- count, duration, time, amount, distance: values that quantify one thing in different
  articles (same kind and unit, tied to the same event by the parse, or a distance from the
  same place; see `quantities`) and whose ranges do not meet ("4 h" / "6 heures" to control
  a fire; "environ 50" / "40" evacuated, but not "environ 50" / "48"), unless their clauses'
  subjects are named and differ (two people's counts); and a family's size ("deux de ses
  six enfants" / "père de sept enfants"), of one parent as far as the parse says;
- period: stretches of years of one event and subject that overlap but have other bounds
  ("a vécu de 1991 à 1994" / "entre 1990 et 1993"; see `quantities.find_periods`);
- day: one event put on different weekdays (the same verb acting on the same noun, its
  subjects not different; see `quantities.find_days`);
- direction: one place placed in different directions ("dans l'est de" / "dans le sud de"),
  captions included, since a caption can contradict its own article.
Words for units, approximations and directions are in `lang/<code>/measures.py` and
`lang/<code>/numbers.py`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from itertools import combinations

from .. import lang
from ..model import AnnotatedArticle, Discrepancy, DiscrepancyValue, Entity, Quote, Statement
from ..text import fold
from . import gazetteer
from .quantities import Quantity, find_days, find_families, find_periods, find_quantities
from .similarity import CONTENT_WORD, content_words, overlap, rarity

_SAME_TOPIC = 0.3  # shared rare words for two quotes to be two wordings of one sentence
_COPY = 0.9  # quoted words this alike are one wording
_FEW_WORDS = 3  # content words a partial quote needs to be a wording, not a piece
_FILLER = 2  # content words one quote may add or drop and still be the other's wording
_ABOUT = 80  # characters of a statement shown in a discrepancy's header


def find_discrepancies(articles: Sequence[AnnotatedArticle], entities: Sequence[Entity],
                       quotes: Sequence[Quote], statements: Sequence[Statement]
                       ) -> tuple[Discrepancy, ...]:
    """Story parts -> discrepancies of wording, quantities and direction."""
    language = next((a.language for a in articles if a.language), "fr")
    table = lang.table(language, "measures") or lang.table("fr", "measures")
    wording = lang.table(language, "wording") or lang.table("fr", "wording")
    specific = _spellings([e for e in entities if e.type in ("LOC", "PER")
                           and not gazetteer.country_code(e.name)])
    found = [*_directions(articles, specific, table), *_wordings(quotes, statements, wording),
             *_quantities(articles), *_periods(articles), *_families(articles),
             *_days(articles)]
    return tuple(Discrepancy(f"d{i}", d.about, d.kind, d.values)
                 for i, d in enumerate(found, 1))


# --- wording --------------------------------------------------------------------------------

def _wordings(quotes: Sequence[Quote], statements: Sequence[Statement], wording
              ) -> list[Discrepancy]:
    by_id = {q.id: q for q in quotes}
    # A quote's words are read once: a quote is looked at several times below, and each
    # statement of a big story holds many of them.
    words_of = functools.cache(content_words)
    idf = rarity(words_of(q.text) for q in quotes)
    out = []
    for st in statements:
        gist = words_of(st.gist)
        per_article: dict[str, list[Quote]] = defaultdict(list)
        for qid in st.quotes:
            q = by_id.get(qid)
            # a partial quote of a few words is a piece of the sentence, not a wording of it
            if q is not None and (q.kind == "direct" or q.kind == "partial" and
                                  len(words_of(q.text)) >= _FEW_WORDS):
                per_article[q.article].append(q)
        # Each article's quote closest to the statement's fullest wording stands for it:
        # the most of its words in that wording, and the most of that wording in it.
        best = [max(qs, key=lambda q: (overlap(words_of(q.text), gist, idf)
                                       + overlap(words_of(q.text), gist, idf, both=True),
                                       len(q.text)))
                for qs in per_article.values()]
        texts = _without_excerpts(best, wording)
        if len(texts) < 2:
            continue
        # One representative per distinct wording: outlets quoting the very same words add
        # nothing to compare (and would make the pair check below quadratic).
        distinct = list({words_of(q.text): q for q in texts}.values())
        words = [words_of(q.text) for q in distinct]
        if all(overlap(words[0], w, idf, both=True) >= _COPY for w in words[1:]):
            continue  # every outlet quotes the same words
        if not any(_SAME_TOPIC <= overlap(words[i], words[j], idf) and
                   overlap(words[i], words[j], idf, both=True) < _COPY
                   for i in range(len(distinct)) for j in range(i + 1, len(distinct))):
            continue  # pieces of a statement, not two wordings of one sentence
        values = tuple(DiscrepancyValue(q.article, q.text, q.start, q.end) for q in texts)
        # A long quote that says several things stands in several statements: the wordings
        # of its parts are one entry, not one per part with the same header.
        same = next((i for i, d in enumerate(out) if d.about.startswith(
            f"wording of {st.speaker or 'a speaker'}'s") and set(d.values) & set(values)),
            None)
        if same is not None:
            old = out[same]
            merged = sorted(dict.fromkeys((*old.values, *values)),
                            key=lambda v: (v.article, v.start or 0))
            out[same] = Discrepancy("", old.about, "wording", tuple(merged))
            continue
        out.append(Discrepancy("", f"wording of {st.speaker or 'a speaker'}'s statement: "
                                   f"{_shorten(st.gist, _ABOUT)}", "wording", values))
    return out


def _without_excerpts(quotes: list[Quote], table) -> list[Quote]:
    """Quotes less those that are another article's longer (or equal) quote in the same
    words (`_same_words`): a few words taken from a sentence, or the same sentence with a
    filler word more or less, or cut into two quotes, are not another wording of it. Of two
    quotes in the same words, the first stays."""
    words = [_plain_words(q.text).split() for q in quotes]
    out = []
    for i, q in enumerate(quotes):
        if not any(j != i and (len(words[j]), -j) > (len(words[i]), -i)
                   and _same_words(words[i], words[j], table) for j in range(len(quotes))):
            out.append(q)
    return out


def _bare(word: str) -> str:
    """A folded word less a final "s"/"x" of the plural and "e" of the feminine."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def _same_words(short: list[str], long: list[str], table) -> bool:
    """Whether a quote (its folded words) says what a longer one says in the same words: its
    words run in order inside the longer one's, save for words the other also has elsewhere
    (a clause moved: "dans ces moments tendus" / "dans ces moments, qui sont tendus"), short
    function words ("d'une" / "de la") and at most `_FILLER` content words added or dropped
    on one side ("un réseau ferroviaire fiable" / "un réseau fiable"). A content word
    replaced by another (two translations: "vive" / "forte"), a negation or a number added,
    dropped or changed, is another wording. (Shared words alone would not do: a rewording
    often keeps the words and changes their order.)"""
    # aligned on the words less their endings of agreement: "stable" / "stables", "reçu" /
    # "reçue" are a transcription's slip, not another wording
    ops = SequenceMatcher(None, [_bare(w) for w in short], [_bare(w) for w in long],
                          autojunk=False).get_opcodes()
    # the longer quote running on before or after the shorter one: an excerpt
    while ops and ops[0][0] == "insert":
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    if not any(tag == "equal" for tag, *_ in ops):
        return False
    in_short, in_long = {_bare(w) for w in short}, {_bare(w) for w in long}
    dropped, added = [], []  # content words of the short quote not in the long, and back
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        for w in [*short[i1:i2], *long[j1:j2]]:
            if w.isdigit() or w in table.NEGATIONS or w in table.NUMBER_WORDS:
                return False
        dropped += [w for w in short[i1:i2]
                    if CONTENT_WORD.fullmatch(w) and _bare(w) not in in_long]
        added += [w for w in long[j1:j2]
                  if CONTENT_WORD.fullmatch(w) and _bare(w) not in in_short]
    if dropped and added:
        return False  # a word replaced by another
    return len(dropped) + len(added) <= _FILLER


def _shorten(text: str, limit: int) -> str:
    """A text cut to at most `limit` characters at a word boundary, "…" marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return f"{cut}…"


# --- quantities -----------------------------------------------------------------------------

_QUESTIONS = {"count": "how many", "duration": "how long", "time": "what time",
              "amount": "how much", "distance": "how far"}
# Two values more than this many times apart are not one thing told two ways (a toll of 3
# and one of 30 are two tolls, a country's figure and a region's): not shown.
_SCALE = 3.0


def _differ(a: Quantity, b: Quantity) -> bool:
    """Two values of one thing that cannot both be right: their ranges do not meet, and they
    are on one scale."""
    if a.high < b.low or b.high < a.low:
        small, large = sorted((a, b), key=lambda q: q.low)
        return small.high > 0 and large.low <= _SCALE * small.high
    return False


def _disagree(values: Sequence[Quantity]) -> bool:
    """Whether some two of the values have ranges that do not meet, however far apart."""
    return len(values) > 1 and max(q.low for q in values) > min(q.high for q in values)


def _any_differ(values: Sequence[Quantity]) -> bool:
    """Whether some two of the values differ: the lowest upper bound against the highest
    lower bound, the pair furthest apart (linear, where every pair would be quadratic)."""
    if len(values) < 2:
        return False
    lowest = min(values, key=lambda q: q.high)
    highest = max(values, key=lambda q: q.low)
    return lowest is not highest and _differ(lowest, highest)


def _two_named(values: Sequence[Quantity]) -> bool:
    """Whether two of the values are of subjects named differently ("Julie Caron est arrivée
    avec trois enfants" / "Marion Lenoir est arrivée avec deux enfants"): two people's
    counts, not one told two ways."""
    named = [q.whose for q in values if q.whose]
    return any(not a & b for a, b in combinations(named, 2))


def _story_year(articles: Sequence[AnnotatedArticle]) -> str | None:
    """The year most of the story's articles are published in, or failing that, the year
    its date expressions name most."""
    years = Counter(y for a in articles if (y := _year(a.article.published)))
    if not years:
        years = Counter(y for a in articles for d in a.dates if (y := _year(d.value)))
    return years.most_common(1)[0][0] if years else None


def _year(value: str | None) -> str | None:
    """"2008-08-08" -> "2008"; a date without its year ("--08") -> None."""
    return value[:4] if value and value[:4].isdigit() else None


def _quantities(articles: Sequence[AnnotatedArticle]) -> list[Discrepancy]:
    """Values that quantify one thing (one kind and unit, one event) in different articles
    and do not agree. A thing one article itself gives two disagreeing values for (a total
    and a part, two days, two places), or a value whose sentence gives another disagreeing
    value of its kind and unit (a sum paid and a sum due), or that its sentence dates to
    another year than the story's (last year's toll), is not surely one thing: left out."""
    sentences = {a.article.id: a.sentences for a in articles}
    year = _story_year(articles)
    index: dict[tuple, list[Quantity]] = defaultdict(list)
    for a in articles:
        found = find_quantities(a)
        by_sentence: dict[tuple, list[Quantity]] = defaultdict(list)
        for q in found:
            by_sentence[(q.sentence, q.kind, q.unit)].append(q)
        other_years = {d.sentence for d in a.dates
                       if year and _year(d.value) not in (None, year)}
        for q in found:
            if q.sentence in other_years or \
                    _disagree(by_sentence[(q.sentence, q.kind, q.unit)]):
                continue
            for event in sorted(q.events):  # a frozenset: sorted, so that which event
                index[(q.kind, q.unit, event)].append(q)  # names a difference is reproducible
    out, seen = [], set()
    for (kind, _, event), found in index.items():
        by_article: dict[str, list[Quantity]] = defaultdict(list)
        for q in found:
            by_article[q.article].append(q)
        if len(by_article) < 2 or any(_disagree(qs) for qs in by_article.values()):
            continue
        firsts = [qs[0] for qs in by_article.values()]
        if not _any_differ(firsts) or _two_named(firsts):
            continue
        key = frozenset((q.article, q.sentence) for q in firsts)
        if key in seen:  # one pair of sentences tied by two events: shown once
            continue
        seen.add(key)
        out.append(_entry(f"{_QUESTIONS[kind]} ({event})", kind, firsts, sentences))
    return out


def _one_value_each(by_article: dict[str, list[Quantity]]) -> list[Quantity]:
    """Each article's value of one thing, or none when the thing is not surely one: an article
    that itself gives it two values (it happened twice, or two of it are told apart), or three
    values or more across the story (three families, three broadcasts, not one told two
    ways)."""
    if any(len({(q.low, q.high) for q in qs}) > 1 for qs in by_article.values()):
        return []
    if len({(qs[0].low, qs[0].high) for qs in by_article.values()}) > 2:
        return []
    return [qs[0] for qs in by_article.values()]


def _periods(articles: Sequence[AnnotatedArticle]) -> list[Discrepancy]:
    """Stretches of years of one event (one verb or noun, one subject where both name it) that
    overlap but do not have the same bounds: one stay, one term told with other years ("de
    1991 à 1994" / "entre 1990 et 1993"). Stretches that do not overlap, or meet at one year
    only, are taken for two stays, not one told two ways; an event not surely one
    (`_one_value_each`) is left out."""
    return _told_apart(articles, find_periods, lambda q: sorted(q.events),
                       lambda a, b: (a.low, a.high) != (b.low, b.high)
                       and max(a.low, b.low) < min(a.high, b.high) and _same_subject(a, b),
                       "what years ({})", "period")


def _one_of(a: Quantity, b: Quantity) -> bool:
    """Whether two values may be of one family or one person: their named subjects meet, or
    one of them names none (a pronoun); and a mother's family is not compared with a
    father's."""
    events = a.events | b.events
    return _same_subject(a, b) and len(events - {"family"}) <= 1


def _families(articles: Sequence[AnnotatedArticle]) -> list[Discrepancy]:
    """Sizes of one family given differently: "deux de ses six enfants" / "père de sept
    enfants", the same kin noun, of the same person as far as the parse says (`_one_of`). Sizes
    not surely of one family (`_one_value_each`: an article giving two, or three sizes in the
    story) are left out."""
    return _told_apart(articles, find_families, lambda q: [q.unit],
                       lambda a, b: a.low != b.low and _one_of(a, b),
                       "how many ({} of one family)", "count")


def _days(articles: Sequence[AnnotatedArticle]) -> list[Discrepancy]:
    """One event put on different weekdays ("a présenté jeudi soir de nouveaux horaires" /
    "de nouveaux horaires ont été présentés mercredi soir"): the same verb acting on the same
    noun (see `quantities.find_days`), subjects that do not differ. An event not surely one
    (`_one_value_each`: an article putting it on two days, three days in the story) is left
    out."""
    return _told_apart(articles, find_days, lambda q: sorted(q.events),
                       lambda a, b: a.low != b.low and _same_subject(a, b),
                       "what day ({})", "day")


def _same_subject(a: Quantity, b: Quantity) -> bool:
    """Whether two values may be of one subject: their named subjects meet, or one of them
    names none (a pronoun, a passive)."""
    return not a.whose or not b.whose or bool(a.whose & b.whose)


def _told_apart(articles: Sequence[AnnotatedArticle],
                find: Callable[[AnnotatedArticle], list[Quantity]],
                things: Callable[[Quantity], Sequence[str]],
                differ: Callable[[Quantity, Quantity], bool], question: str, kind: str
                ) -> list[Discrepancy]:
    """Articles -> one discrepancy per thing whose articles' values differ: each value
    `find` reads is filed under each thing it is of (`things`: its events, sorted so that
    which one names a difference is reproducible, or its unit); a thing whose articles'
    values (one each, `_one_value_each`) `differ` in a pair at least is shown with the
    articles of the pairs that do, `question` naming it ("what day ({})"). A set of
    sentences tied by two things is shown once."""
    sentences = {a.article.id: a.sentences for a in articles}
    index: dict[str, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        for q in find(a):
            for thing in things(q):
                index[thing][q.article].append(q)
    out, seen = [], set()
    for thing, by_article in index.items():
        firsts = _one_value_each(by_article)
        shown: dict[str, Quantity] = {}
        for a, b in combinations(firsts, 2):
            if differ(a, b):
                shown.setdefault(a.article, a)
                shown.setdefault(b.article, b)
        if len(shown) < 2:
            continue
        values = [q for q in firsts if q.article in shown]
        key = frozenset((q.article, q.sentence) for q in values)
        if key in seen:
            continue
        seen.add(key)
        out.append(_entry(question.format(thing), kind, values, sentences))
    return out


def _entry(question: str, kind: str, values: Sequence[Quantity], sentences: dict
           ) -> Discrepancy:
    """A discrepancy headed by `question` and the values' words, each article shown by the
    sentence that gives its value."""
    words = " / ".join(dict.fromkeys(q.text for q in values))
    return Discrepancy("", f"{question}: {words}", kind,
                       tuple(_sentence_value(q.article, sentences[q.article][q.sentence])
                             for q in values))


# --- directions -----------------------------------------------------------------------------

def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _spellings(entities: Sequence[Entity]) -> list[tuple[Entity, list[str]]]:
    """Entities with their spellings folded once, for the many sentences looked through."""
    return [(e, [f" {_plain_words(v)} " for v in e.variants if len(v) > 3]) for e in entities]


def _named(text: str, spellings: list[tuple[Entity, list[str]]]) -> list[Entity]:
    """The entities a text names, by any of their spellings."""
    folded = f" {_plain_words(text)} "
    return [e for e, forms in spellings if any(f in folded for f in forms)]


def _directions(articles: Sequence[AnnotatedArticle], spellings: list, table
                ) -> list[Discrepancy]:
    places = [(e, forms) for e, forms in spellings if e.type == "LOC"]
    words = "|".join(map(re.escape, sorted(table.DIRECTIONS, key=len, reverse=True)))
    adjectives = "|".join(map(re.escape, sorted(table.DIRECTION_ADJECTIVES, key=len,
                                                reverse=True)))
    before = "|".join(table.LOCATIVE_BEFORE)
    frames = "|".join(table.ADJECTIVE_FRAMES)
    # (?<!\w): a frame starts a word ("contrepartie est" is no "partie est")
    pattern = re.compile(rf"(?<!\w)(?:(?:{before})({words})|(?:{frames})({adjectives}))"
                         r"(?![\w-])", re.I)
    said: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        texts = [(s.text, s.start, s.end) for s in a.sentences] + [
            (c, None, None) for c in a.article.captions]  # a caption is not in the text
        for text, start, end in texts:
            hits = [(m.group(1) or m.group(2)).lower() for m in pattern.finditer(text)]
            hits = [h for h in hits if h in table.DIRECTIONS]
            if not hits:
                continue
            for e in _named(text, places):
                for h in hits:
                    said[e.name][a.article.id].append((table.DIRECTIONS[h],
                                                       (text, start, end)))
    out: list[Discrepancy] = []
    seen: dict[tuple, int] = {}
    for place, by_article in said.items():
        directions = {d for values in by_article.values() for d, _ in values}
        # "sud" and "sud-est" can both be right; "est" and "sud" cannot
        if len(by_article) < 2 or not any(not set(x) & set(y) for x, y in
                                          combinations(sorted(directions), 2)):
            continue
        values = []
        for aid, items in by_article.items():
            for _, (text, start, end) in dict.fromkeys(items):  # one per distinct sentence
                values.append(DiscrepancyValue(aid, text, start, end))
        key = tuple(values)
        if key in seen:  # the same sentences place two names of one site: say it once
            old = out[seen[key]]
            out[seen[key]] = Discrepancy("", old.about.replace(" lies:", f" / {place} lies:", 1),
                                         old.kind, old.values)
            continue
        seen[key] = len(out)
        out.append(Discrepancy("", f"where {place} lies: "
                                   + " / ".join(sorted(directions)), "direction", key))
    return out


def _sentence_value(article: str, sentence) -> DiscrepancyValue:
    """A sentence of an article as the value it gives, with its offsets."""
    return DiscrepancyValue(article, sentence.text, sentence.start, sentence.end)
