"""A story's statements, sentences and captions -> discrepancies: the places where outlets,
or an article and its own caption, give different values for one thing.

In: the annotated articles of one story, its entities, quotes and statements.
Out: `Discrepancy`s, each with every article's own words side by side. recoupe never decides
which value is right; it shows the difference.

Three kinds, each general:
- wording: one statement (see `statements`) whose quoted words differ between outlets (two
  translations of one sentence are worth seeing side by side);
- duration: sentences of different articles on one topic (sharing rare words) that give
  different durations ("plus de deux heures" / "environ une heure et demie");
- direction: one place placed in different directions ("dans l'est de" / "dans le sud de"),
  captions included, since a caption can contradict its own article.
Words for units, qualifiers and directions are in `lang/<code>/measures.py`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .. import lang
from ..model import AnnotatedArticle, Discrepancy, DiscrepancyValue, Entity, Quote, Statement
from ..text import fold
from . import gazetteer
from .similarity import content_words, overlap, rarity

_SAME_TOPIC = 0.3  # shared rare words for two quotes to be two wordings of one sentence
# Two durations on one scale (both in hours) in paragraphs about one place or person, or
# sharing many rare words, are likely the length of one thing: worth showing side by side.
_SAME_TOPIC_DURATION = 0.3
_COPY = 0.9  # quoted words this alike are one wording


def find_discrepancies(articles: Sequence[AnnotatedArticle], entities: Sequence[Entity],
                       quotes: Sequence[Quote], statements: Sequence[Statement]
                       ) -> tuple[Discrepancy, ...]:
    """Story parts -> discrepancies of wording, duration and direction."""
    language = next((a.language for a in articles if a.language), "fr")
    table = lang.table(language, "measures") or lang.table("fr", "measures")
    specific = _spellings([e for e in entities if e.type in ("LOC", "PER")
                           and not gazetteer.country_code(e.name)])
    found = [*_directions(articles, specific, table), *_wordings(quotes, statements),
             *_durations(articles, specific, table, language)]
    return tuple(Discrepancy(f"d{i}", d.about, d.kind, d.values)
                 for i, d in enumerate(found, 1))


# --- wording --------------------------------------------------------------------------------

def _wordings(quotes: Sequence[Quote], statements: Sequence[Statement]) -> list[Discrepancy]:
    by_id = {q.id: q for q in quotes}
    idf = rarity(content_words(q.text) for q in quotes)
    out = []
    for st in statements:
        per_article: dict[str, Quote] = {}
        for qid in st.quotes:
            q = by_id.get(qid)
            if q is not None and q.kind in ("direct", "partial"):
                per_article.setdefault(q.article, q)
        texts = list(per_article.values())
        if len(texts) < 2:
            continue
        # One representative per distinct wording: outlets quoting the very same words add
        # nothing to compare (and would make the pair check below quadratic).
        distinct = list({content_words(q.text): q for q in texts}.values())
        words = [content_words(q.text) for q in distinct]
        if all(overlap(words[0], w, idf, both=True) >= _COPY for w in words[1:]):
            continue  # every outlet quotes the same words
        if not any(_SAME_TOPIC <= overlap(words[i], words[j], idf) and
                   overlap(words[i], words[j], idf, both=True) < _COPY
                   for i in range(len(distinct)) for j in range(i + 1, len(distinct))):
            continue  # pieces of a statement, not two wordings of one sentence
        out.append(Discrepancy("", f"wording of {st.speaker or 'a speaker'}'s statement: "
                                   f"{st.gist[:80]}", "wording",
                               tuple(DiscrepancyValue(q.article, q.text) for q in texts)))
    return out


# --- durations ------------------------------------------------------------------------------

def _duration_pattern(table, language: str) -> re.Pattern:
    numbers = (lang.table(language, "dates") or lang.table("fr", "dates")).NUMBER_WORDS
    number = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, table.DURATION_UNITS), key=len, reverse=True))
    qualifiers = "|".join(sorted(map(re.escape, table.QUALIFIERS), key=len, reverse=True))
    half = "|".join(map(re.escape, table.HALF))
    return re.compile(rf"(?:\b(?:{qualifiers})\s+)?\b(?:\d+(?:[.,]\d+)?|{number})\s+"
                      rf"(?:{units})\b(?:\s+(?:{half})\b)?", re.I)


def _seconds(text: str, table, numbers: dict) -> float | None:
    low = text.lower()
    value = None
    for word in low.split():
        if word.replace(",", ".").replace(".", "", 1).isdigit():
            value = float(word.replace(",", "."))
        elif word in numbers and value is None:
            value = float(numbers[word])
        elif word in table.DURATION_UNITS and value is not None:
            seconds = value * table.DURATION_UNITS[word]
            if any(h in low for h in table.HALF):
                seconds += table.DURATION_UNITS[word] / 2
            return seconds
    return None


def _spellings(entities: Sequence[Entity]) -> list[tuple[Entity, list[str]]]:
    """Entities with their spellings folded once, for the many sentences looked through."""
    return [(e, [f" {_plain_words(v)} " for v in e.variants if len(v) > 3]) for e in entities]


def _named(text: str, spellings: list[tuple[Entity, list[str]]]) -> list[Entity]:
    """The entities a text names, by any of their spellings."""
    folded = f" {_plain_words(text)} "
    return [e for e, forms in spellings if any(f in folded for f in forms)]


def _durations(articles: Sequence[AnnotatedArticle], spellings: list, table,
               language: str) -> list[Discrepancy]:
    pattern = _duration_pattern(table, language)
    numbers = (lang.table(language, "dates") or lang.table("fr", "dates")).NUMBER_WORDS
    found = []  # (article, sentence, phrase, seconds, words)
    for a in articles:
        for s in a.sentences:
            for m in pattern.finditer(s.text):
                seconds = _seconds(m.group(0), table, numbers)
                if seconds is not None:
                    # The whole paragraph: a sentence cut short by the parser may have left
                    # the place or the people it is about in the piece before.
                    context = _paragraph(a.article.text, s.start, s.end)
                    found.append((a.article.id, context, m.group(0), seconds,
                                  content_words(context),
                                  frozenset(e.id for e in _named(context, spellings))))
    # Rarity over every sentence of the story: over the few duration sentences alone, the
    # words they share would look common.
    idf = rarity(content_words(s.text) for a in articles for s in a.sentences)
    # Candidates share a named place or person, or one of their rarest words: an index, not
    # every pair, so the cost follows the number of durations, not its square.
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        for key in [*f[5], *sorted(f[4], key=lambda w: -idf.get(w, 1.0))[:6]]:
            index[key].append(i)
    out, used = [], set()
    for i, (aid, _, _, seconds, words, _) in enumerate(found):
        if i in used:
            continue
        group = [found[i]]
        keys = [*found[i][5], *sorted(words, key=lambda w: -idf.get(w, 1.0))[:6]]
        candidates = sorted({j for k in keys for j in index[k] if j > i})
        for j in candidates:
            other = found[j]
            if (j not in used and other[0] != aid and other[3] != seconds
                    and _same_scale(seconds, other[3])
                    and (found[i][5] & other[5]
                         or overlap(words, other[4], idf) >= _SAME_TOPIC_DURATION)):
                group.append(other)
                used.add(j)
        if len(group) > 1:
            used.add(i)
            out.append(Discrepancy("", f"how long: {group[0][2]} / {group[1][2]}", "duration",
                                   tuple(DiscrepancyValue(g[0], g[1]) for g in group)))
    return out


def _paragraph(text: str, start: int, end: int) -> str:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first:last if last >= 0 else len(text)].strip()


def _same_scale(a: float, b: float) -> bool:
    """Durations of one kind of thing: within a factor of ten (hours vs hours, not seconds)."""
    return max(a, b) <= 10 * min(a, b)


# --- directions -----------------------------------------------------------------------------

def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _directions(articles: Sequence[AnnotatedArticle], spellings: list, table
                ) -> list[Discrepancy]:
    places = [(e, forms) for e, forms in spellings if e.type == "LOC"]
    words = sorted(table.DIRECTIONS, key=len, reverse=True)
    before = "|".join(table.LOCATIVE_BEFORE)
    pattern = re.compile(rf"(?:{before})(" + "|".join(map(re.escape, words)) + r")(?![\w-])",
                         re.I)
    said: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        texts = [s.text for s in a.sentences] + [c for c in a.article.captions]
        for text in texts:
            hits = [m for m in pattern.finditer(text) if m.group(1).lower() in table.DIRECTIONS]
            if not hits:
                continue
            for e in _named(text, places):
                for m in hits:
                    said[e.name][a.article.id].append(
                        (table.DIRECTIONS[m.group(1).lower()], text))
    out: list[Discrepancy] = []
    seen: dict[tuple, int] = {}
    for place, by_article in said.items():
        directions = {d for values in by_article.values() for d, _ in values}
        if len(directions) < 2 or len(by_article) < 2:
            continue
        values = []
        for aid, items in by_article.items():
            for _, text in dict.fromkeys(items):  # one line per distinct sentence
                values.append(DiscrepancyValue(aid, text))
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
