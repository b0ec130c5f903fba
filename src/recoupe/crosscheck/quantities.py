"""AnnotatedArticle -> its quantities: each number it gives, read as a range of values of one
kind and unit, with what it counts or measures and the events it is tied to.

In: one `AnnotatedArticle` (sentences, parse tokens, NER mentions, dates) and the language's
`numbers` and `measures` tables.
Out: `Quantity` values: kind "count" (people, things: unit is the counted noun's lemma, or
"people" for the nouns of people in general), "duration" (seconds), "time" (minutes since
midnight), "amount" (money by currency, percentages, lengths, areas, masses); low and high
bounds (an approximation is a range: "environ 50" is 47.5 to 52.5, "plus de 80" has no upper
bound); and `events`, the event words (folded to classes) the number is tied to by the parse:
the verb it is the subject or object of, the participle on its noun, the noun it complements;
and `whose`, the proper names of the subject of the clause it stands in, where there are any.
Also `find_periods` (stretches of years: "de 1991 à 1994"), `find_families` (family sizes:
"deux de ses six enfants", "père de sept enfants") and `find_days` (the weekday of an
event: "a présenté jeudi soir de nouveaux horaires"). Which quantities are comparable is
decided by `discrepancies`.

Precision first: a name is never a quantity (a number inside an entity mention or a date, a
capitalised unit or noun mid-sentence such as a newspaper's title, a number after a
capitalised name); an hour count is a duration only where grammar says so ("pendant",
"durer", "mettre ... à", "il a fallu ... pour", "N heures de lutte"), so "une heure plus tard"
and "il y a deux jours" are not lengths of anything.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lang
from ..model import AnnotatedArticle, Token
from ..text import fold
from .numbers import Tables, approximation_start, read_number, tables, value_range


@dataclass(frozen=True)
class Quantity:
    article: str
    sentence: int  # index into AnnotatedArticle.sentences
    text: str  # the words as written: "plus de 80 pompiers"
    kind: str  # "count" | "duration" | "time" | "amount"
    unit: str  # counted noun lemma or "people"; "s"; "min"; currency, "%", dimension
    low: float
    high: float  # math.inf when unbounded
    events: frozenset[str]
    # who or what the event is of, where the parse names it (the verb's noun subject): two
    # periods of one verb with different subjects are two people's
    whose: frozenset[str] = frozenset()


def _children(tokens) -> dict[int, list[int]]:
    """Token index -> the indexes of the tokens the parse hangs on it, in order."""
    children: dict[int, list[int]] = defaultdict(list)
    for i, tok in enumerate(tokens):
        if tok.head != i:
            children[tok.head].append(i)
    return children


def find_quantities(article: AnnotatedArticle) -> list[Quantity]:
    """AnnotatedArticle -> the quantities its sentences give (see the module docstring)."""
    tokens = article.tokens
    if not tokens or not article.sentences:
        return []
    t = tables(article.language)
    starts = [s.start for s in article.sentences]
    token_starts = [tok.start for tok in tokens]
    # one past each sentence's last token: numbers and their units are read within one
    ends = [bisect.bisect_left(token_starts, s.end) for s in article.sentences]
    blocked = _blocked(article, token_starts)
    children = _children(tokens)
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        text = tokens[i].text
        if not text[:1].isdigit() and text.lower().partition("-")[0] not in t.starters:
            i += 1  # most tokens: no number starts here
            continue
        number = read_number(tokens, i, t) if i not in blocked else None
        if number is None and i not in blocked and t.clock.fullmatch(text):
            number = (i + 1, 0.0, "clock", 0.0)  # "20h08": one token, read by `_time`
        if number is None:
            i += 1
            continue
        end, value, span, rounding = number
        sentence = bisect.bisect_right(starts, tokens[i].start) - 1
        q = _quantity(article, i, end, value, span, rounding, sentence, ends[sentence],
                      children, blocked, t)
        if q is not None:
            out.append(dataclasses.replace(q, whose=_names(tokens, _clause(tokens, i),
                                                           children)))
        i = end
    return out


def find_periods(article: AnnotatedArticle) -> list[Quantity]:
    """AnnotatedArticle -> the stretches of years it gives ("de 1991 à 1994", "entre 1990 et
    1993"): kind "period", unit "year", low and high the first and last year, tied by the
    parse to the event the stretch hangs on (the verb or noun of "a vécu de ... à ...") and
    to that verb's noun subject. Two dates of bare years in one sentence, in one of the
    language's frames (`PERIOD_FRAMES`), the first earlier; anything else is not a period."""
    tokens = article.tokens
    if not tokens or not article.sentences:
        return []
    t = tables(article.language)
    text = article.article.text
    years = sorted((d for d in article.dates if d.value and len(d.value) == 4
                    and d.value.isdigit()), key=lambda d: d.start)
    token_starts = [tok.start for tok in tokens]
    children = _children(tokens)
    out = []
    for first, last in zip(years, years[1:], strict=False):
        if first.sentence != last.sentence or int(first.value) >= int(last.value):
            continue
        sent = article.sentences[first.sentence]
        between = text[first.end:last.start].strip().lower()
        before = text[max(sent.start, first.start - 12):first.start].lower()
        begin = None
        for opener, closer in t.periods:
            if not closer.fullmatch(between):
                continue
            m = opener.search(before)
            if m is not None:
                begin = first.start - len(before) + m.start(1)
                break
        if begin is None:
            continue
        i = bisect.bisect_left(token_starts, first.start)
        j = bisect.bisect_left(token_starts, last.start)
        if j >= len(tokens) or i > j:
            continue
        events = _events(tokens, i, j, i, children, t)
        head = tokens[_anchor(tokens, i, j)].head
        whose = _whose(tokens, head, children, t) \
            if tokens[head].pos in ("VERB", "AUX") else frozenset()
        out.append(Quantity(article.article.id, first.sentence, text[begin:last.end],
                            "period", "year", float(first.value), float(last.value),
                            events, whose))
    return out


def find_families(article: AnnotatedArticle) -> list[Quantity]:
    """AnnotatedArticle -> the family sizes it gives: a count of kin ("enfants", "frères")
    after a possessive ("deux de ses six enfants": six) or complementing a parent noun
    ("père de sept enfants"). Kind "count", unit the kin noun's lemma; events "family", or
    "family of F" / "family of M" when a parent noun says whose; `whose` the named subject of
    the clause (or the noun the parent noun stands beside: "la femme, mère de ..."). A count
    without either ("cinq enfants ont été entendus") may be some of them: not a family size."""
    tokens = article.tokens
    if not tokens or not article.sentences:
        return []
    t = tables(article.language)
    m = t.measures
    blocked = _blocked(article, [tok.start for tok in tokens])
    starts = [s.start for s in article.sentences]
    children = _children(tokens)
    out = []
    for k, tok in enumerate(tokens):
        if tok.pos != "NOUN" or tok.lemma.lower() not in m.KIN_NOUNS or k < 2 or k in blocked:
            continue
        c = k - 1  # the number right before its noun: "ses trois autres filles" is a part
        if c in blocked or tokens[c].head != k or tokens[c].pos != "NUM":
            continue
        number = read_number(tokens, c, t)
        if number is None or number[0] != k or number[2] != "exact":
            continue
        value = number[1]
        possessive = tokens[c - 1].text.lower() in m.POSSESSIVES
        # "père de sept enfants": read from the words, the parse often hangs "enfants" elsewhere
        parent = c - 2 if tokens[c - 1].text.lower() in ("de", "d'", "d’") and \
            tokens[c - 2].lemma.lower() in m.PARENT_NOUNS else None
        if not possessive and parent is None:
            continue
        if parent is not None:
            sex = m.PARENT_NOUNS[tokens[parent].lemma.lower()]
            event = f"family of {sex}" if sex else "family"
            clause = parent  # "elle est mère de": the copula's subject is the noun's child
            if tokens[parent].dep == "appos" or tokens[parent].dep.startswith("acl"):
                clause = tokens[parent].head  # "Léa, mère de"
        else:
            event, clause = "family", _clause(tokens, k)
            # whose family, by the sex of a noun or pronoun subject ("la femme ... ses"); a
            # name's gender from the model is a guess, not used
            sex = {tokens[c2].morph.partition("Gender=")[2][:1] for c2 in children.get(clause, ())
                   if tokens[c2].dep.startswith("nsubj") and tokens[c2].pos in ("NOUN", "PRON")
                   and "Number=Sing" in tokens[c2].morph} - {""}
            if len(sex) == 1:
                event = f"family of {sex.pop()}"
        whose = _names(tokens, clause, children)
        sentence = bisect.bisect_right(starts, tokens[c].start) - 1
        q = _make(article, sentence, tokens[c].start, k, "count", tok.lemma.lower(), value,
                  value, frozenset({event}))
        if q is not None:
            out.append(dataclasses.replace(q, whose=whose))
    return out


def find_days(article: AnnotatedArticle) -> list[Quantity]:
    """AnnotatedArticle -> the weekdays it puts events on ("la chaîne a présenté jeudi
    soir ses programmes"): kind "day", unit "weekday", low = high = the weekday (0 Monday). Only
    a weekday that hangs right on a verb of an event (not one of saying: "a déclaré lundi" is
    when it was said, and statements are many), in the past or present (a broadcast "sera
    rediffusé jeudi" is another one), and only with what the verb acts on: its object or
    passive subject, or the noun the parse hangs on the date itself ("jeudi soir de nouveaux
    horaires", where the object is read as the evening's). Events are "verb: noun" keys, so that
    two broadcasts of different things are not one; `whose` the verb's subject."""
    tokens = article.tokens
    if not tokens or not article.dates:
        return []
    t = tables(article.language)
    m = t.measures
    saying = getattr(lang.table(article.language, "attribution")
                     or lang.table("fr", "attribution"), "VERBS", frozenset())
    token_starts = [tok.start for tok in tokens]
    children = _children(tokens)
    out = []
    for d in article.dates:
        if d.partial is None or d.partial.weekday is None or d.partial.unit is not None:
            continue
        first = bisect.bisect_left(token_starts, d.start)
        last = bisect.bisect_left(token_starts, d.end)
        span = range(first, last)
        anchor = next((k for k in span if tokens[k].head not in span), None)
        if anchor is None:
            continue
        verb = tokens[anchor].head
        lemma = tokens[verb].lemma.lower()
        if tokens[verb].pos != "VERB" or lemma in m.LIGHT_VERBS or lemma in saying:
            continue
        if any("Tense=Fut" in tokens[k].morph or "Mood=Cnd" in tokens[k].morph
               for k in [verb, *children.get(verb, ())]
               if k == verb or tokens[k].dep.startswith("aux")):
            continue
        args = [c for c in children.get(verb, ()) if tokens[c].dep in ("obj", "nsubj:pass")]
        if not args:  # "jeudi soir de nouveaux horaires": the object read as the evening's
            args = [c for k in span for c in children.get(k, ())
                    if c not in span and tokens[c].dep.startswith("nmod")]
        # a name acted on is its own key: "X placé en garde à vue" is not "Y placé ..."
        nouns = {_event_class(tokens[c].lemma, t) if tokens[c].pos == "NOUN"
                 else fold(tokens[c].text) for c in args if tokens[c].pos in ("NOUN", "PROPN")}
        if not nouns:
            continue
        event = _event_class(lemma, t)
        # who acted: the subject, or in the passive the agent ("diffusées par la chaîne"),
        # not the passive subject, which is what was acted on
        agents = [c for c in children.get(verb, ()) if tokens[c].dep == "obl:agent"]
        if any(tokens[c].dep == "nsubj:pass" for c in children.get(verb, ())):
            whose = frozenset(fold(tokens[c].lemma) for c in agents
                              if tokens[c].pos in ("NOUN", "PROPN"))
        else:
            whose = _whose(tokens, verb, children, t)
        out.append(Quantity(article.article.id, d.sentence, d.text, "day", "weekday",
                            float(d.partial.weekday), float(d.partial.weekday),
                            frozenset(f"{event}: {n}" for n in nouns), whose))
    return out


def _clause(tokens, word: int) -> int:
    """The verb a word hangs on, a few steps up the parse (or the word it stops at)."""
    hops = 0
    while tokens[word].pos not in ("VERB", "AUX") and tokens[word].head != word and hops < 4:
        word, hops = tokens[word].head, hops + 1
    return word


def _names(tokens, word: int, children) -> frozenset[str]:
    """The folded proper names of a word's subject ("Léa Morel est partie": léa, morel), or of
    the word itself when it is a name ("Léa, mère de"). A common noun ("la femme") or a
    pronoun names no one in particular: empty, so that it is compared with any name."""
    heads = [c for c in children.get(word, ()) if tokens[c].dep.startswith("nsubj")]
    if tokens[word].pos == "PROPN":
        heads.append(word)
    out = set()
    for h in heads:
        if tokens[h].pos == "PROPN":
            out.add(fold(tokens[h].text))
        out.update(fold(tokens[k].text) for k in children.get(h, ())
                   if tokens[k].pos == "PROPN" and tokens[k].dep.startswith(("flat", "appos")))
    return frozenset(out)


def _whose(tokens, verb: int, children, t) -> frozenset[str]:
    """The folded words that name a verb's subject: its noun and the names set beside it
    ("le peintre Marc Olivier": peintre, marc, olivier), so that "Marc Olivier" in another
    article is the same subject. Empty for a pronoun."""
    out = {fold(w) for w in _subject(tokens, verb, children, t)}
    for c in children.get(verb, ()):
        if tokens[c].dep.startswith("nsubj") and tokens[c].pos in ("NOUN", "PROPN"):
            out.update(fold(tokens[k].text) for k in children.get(c, ())
                       if tokens[k].dep in ("appos", "flat:name", "flat")
                       and tokens[k].pos == "PROPN")
            out.update(fold(tokens[k].text) for a in children.get(c, ())
                       if tokens[a].dep == "appos" for k in children.get(a, ())
                       if tokens[k].dep.startswith("flat"))
    return frozenset(out)


# --- numbers --------------------------------------------------------------------------------

def _blocked(article: AnnotatedArticle, token_starts: list[int]) -> set[int]:
    """Token indexes inside an entity mention or a date expression: names and dates."""
    spans = [(m.start, m.end) for m in article.mentions] + \
            [(d.start, d.end) for d in article.dates]
    out: set[int] = set()
    for start, end in spans:
        first = bisect.bisect_left(token_starts, start)
        last = bisect.bisect_left(token_starts, end)
        out.update(range(first, last))
    return out


def _next(tokens: Sequence[Token], j: int, limit: int) -> int | None:
    while j < limit and tokens[j].pos == "SPACE":
        j += 1
    return j if j < limit else None


def _titled(text: str) -> bool:
    """A capitalised word with lower-case letters after: a name's word, not a unit."""
    return len(text) > 1 and text[0].isupper() and any(c.islower() for c in text[1:])


def _quantity(article: AnnotatedArticle, i: int, end: int, value: float, span: str,
              rounding: float, sentence: int, limit: int, children, blocked: set[int],
              t: Tables) -> Quantity | None:
    tokens, m, n = article.tokens, t.measures, t.numbers
    sent = article.sentences[sentence]
    first_in_sentence = tokens[i].start <= sent.start
    if i > 0 and not first_in_sentence and _titled(tokens[i - 1].text) \
            and tokens[i - 1].pos == "PROPN":
        return None  # "Ligue 1", "Airbus 320": a number in a name
    if _titled(tokens[i].text) and not first_in_sentence:
        return None
    if i > 0 and tokens[i - 1].text.lower() in m.NOT_COUNTED:
        return None  # "article 3", "page 12": labels
    if span == "clock":
        clock = t.clock.fullmatch(tokens[i].text)
        return _time(article, i, i, int(clock.group(1)), int(clock.group(2) or 0), sentence,
                     children, t)
    j = _next(tokens, end, limit)
    if j is None:
        return None
    # "une cinquantaine de", "3 millions d'euros": the thing comes after "de"
    if tokens[end - 1].text.lower() in (n.APPROXIMATE_NOUNS.keys() | n.VAGUE_PLURALS.keys()
                                        | n.SCALES.keys()) and tokens[j].text.lower() in (
            "de", "d'", "d’"):
        j = _next(tokens, j + 1, limit)
        if j is None:
            return None
    if j in blocked:
        return None
    unit_text = tokens[j].text
    unit_low = unit_text.lower()
    if _titled(unit_text):
        return None  # "20 Minutes": a title, not twenty minutes
    two = (unit_low + " " + tokens[j + 1].text.lower()) if j + 1 < limit else ""
    if span == "article" and unit_low not in m.DURATION_TOKENS and unit_low not in m.CURRENCIES:
        return None  # "une personne": an article, not a count
    low, high = value_range(article.article.text, sent.start, tokens[i].start, value, span, t)
    low, high = max(0.0, low - rounding), high + rounding
    begin = tokens[i].start
    if span == "approx" and i > 0 and tokens[i - 1].text.lower() in n.ARTICLE_NUMBERS:
        begin = tokens[i - 1].start  # "une cinquantaine"
    start = approximation_start(article.article.text, sent.start, begin, t) or begin
    if unit_low in m.DURATION_TOKENS:
        return _duration_or_time(article, i, j, value, low, high, start, sentence, limit,
                                 children, t)
    if unit_low in m.CURRENCIES:
        return _make(article, sentence, start, j, "amount", m.CURRENCIES[unit_low],
                     low, high, _of_whom(tokens, i, j, children, t, required=False))
    if unit_low in m.PERCENT or two in m.PERCENT:
        last = j + 1 if two in m.PERCENT else j
        return _make(article, sentence, start, last, "amount", "%", low, high,
                     _of_whom(tokens, i, last, children, t, required=True))
    if unit_low in m.MEASURES:
        dim, factor = m.MEASURES[unit_low]
        place = _place_from(tokens, j, limit) if dim == "length" else None
        if place is not None:
            # "l'épicentre se situe à 30 km de Grenoble": how far what lies from a place; what
            # lies there is the verb's subject (or its event), so that two sites near one
            # town are not taken for one
            head = tokens[_anchor(tokens, i, j)].head
            what = set()
            if tokens[head].pos == "VERB" and tokens[head].lemma.lower() in m.LOCATION_VERBS:
                what.update(_subject(tokens, head, children, t))
                if tokens[head].dep.startswith("acl"):  # "l'hôpital, situé à 40 km de"
                    what.add(tokens[tokens[head].head].lemma)
                what = {_event_class(w, t) for w in what}
            else:
                what = set(_events(tokens, i, j, j, children, t))
            return _make(article, sentence, start, j, "distance", dim, low * factor,
                         high * factor, frozenset(f"{place}: {w}" for w in what))
        return _make(article, sentence, start, j, "amount", dim, low * factor,
                     high * factor, _events(tokens, i, j, j, children, t))
    return _count(article, i, j, low, high, start, sentence, limit, children, t)


def _of_whom(tokens: Sequence[Token], i: int, last: int, children, t: Tables,
             required: bool) -> frozenset[str]:
    """An amount's events, each joined to whose amount it is: "la banque a perdu 5 millions"
    and "l'assureur a perdu 2 millions" are two losses. Whose is the subject of the verb the
    amount hangs on, or the noun after the noun it complements ("une hausse de 4 % des
    ventes"). A percentage is always a share of something: without whose, it is left out
    (`required`), and with no event it is the share of whose; a sum of money without whose
    keeps its bare events, and without events it has nothing to be compared by."""
    events = _events(tokens, i, last, last, children, t)
    anchor = _anchor(tokens, i, last)
    head = tokens[anchor].head
    whose: list[str] = []
    if head == anchor:  # "le taux est de 3 %": the amount is the predicate
        whose = _subject(tokens, anchor, children, t)
    elif tokens[head].pos in ("VERB", "AUX"):
        whose = _subject(tokens, head, children, t)
    if not whose:  # "une hausse de 4 % des salaires"
        whose = [tokens[c].lemma for h in (head, last) for c in children.get(h, ())
                 if c > last and tokens[c].dep.startswith("nmod")
                 and tokens[c].pos in ("NOUN", "PROPN")]
    whose = [fold(w) for w in whose]
    if not whose:
        return frozenset() if required else events
    if not events:  # "la participation a atteint 60 %": the share of it; a sum needs an event
        return frozenset(whose) if required else frozenset()
    return frozenset(f"{e} of {w}" for e in events for w in whose)


def _place_from(tokens: Sequence[Token], j: int, limit: int) -> str | None:
    """"à 30 km de Grenoble", "à 120 kilomètres au sud de Lyon": the named place a length is
    measured from, or None."""
    for k in range(j + 1, min(limit, j + 7)):
        tok = tokens[k]
        if tok.pos == "PROPN":
            before = tokens[k - 1].text.lower().replace("’", "'")
            return f"from {fold(tok.text)}" if before in ("de", "d'", "du") else None
        if tok.pos not in ("ADP", "DET", "NOUN", "ADJ"):
            return None
    return None


def _count(article, i, j, low, high, start, sentence, limit, children, t) -> Quantity | None:
    tokens, m = article.tokens, t.measures
    noun = j
    if tokens[noun].pos == "ADJ" and tokens[noun].lemma not in m.EVENTFUL_PEOPLE \
            and noun + 1 < limit and tokens[noun + 1].pos == "NOUN":
        if tokens[noun].lemma in m.PARTIAL_ADJECTIVES:
            return None  # "trois autres blessés": a part of a count, not the count
        noun += 1  # "40 jeunes manifestants"
    tok = tokens[noun]
    lemma = tok.lemma.lower()
    if lemma in m.PARTIAL_ADJECTIVES or tok.text.lower() in m.NOT_COUNTED \
            or lemma in m.NOT_COUNTED:
        return None
    eventful = m.EVENTFUL_PEOPLE.get(lemma) or m.EVENTFUL_PEOPLE.get(tok.text.lower())
    if tok.pos != "NOUN" and not eventful:
        return None
    if not tok.text.islower():
        return None
    after = _next(tokens, noun + 1, limit)
    if after is not None and tokens[after].text.lower() in ("sur", "des", "d'entre"):
        return None  # "trois sur dix", "deux des otages": a part of a whole
    events = set(_events(tokens, i, noun, noun, children, t))
    unit = "people" if lemma in m.PEOPLE else lemma
    if eventful:
        unit = "people"
        events.add(eventful)
    return _make(article, sentence, start, noun, "count", unit, low, high, frozenset(events))


def _duration_or_time(article, i, j, value, low, high, start, sentence, limit, children, t):
    tokens, m = article.tokens, t.measures
    unit_low = tokens[j].text.lower()
    seconds = m.DURATION_TOKENS[unit_low]
    last = j
    nxt = _next(tokens, j + 1, limit)
    half = False
    if nxt is not None and nxt + 1 < limit and \
            f"{tokens[nxt].text} {tokens[nxt + 1].text}".lower() in m.HALF:
        half, last = True, nxt + 1
    prep = _preposition(article, i, start, j, children)
    head = tokens[_anchor(tokens, i, j)].head
    head_lemma = tokens[head].lemma.lower()
    ending = prep in m.END_PREPOSITIONS and head_lemma in m.END_VERBS
    if seconds == 3600 and prep in m.TIME_PREPOSITIONS and not ending:
        minutes = 0
        if nxt is not None and tokens[nxt].text.isdigit() and \
                len(tokens[nxt].text) == 2:
            minutes = int(tokens[nxt].text)  # "20 h 08"
        if low == high == value and value == int(value) and value < 24:
            return _time(article, i, nxt if minutes else j, int(value), minutes, sentence,
                         children, t)
        return None
    # "une visite de douze jours" is a length; "un garçon de 30 mois" is an age.
    lasting = (prep in m.DURATION_PREPOSITIONS or ending
               or head_lemma in m.DURATION_VERBS
               or (tokens[_anchor(tokens, i, j)].dep.startswith("nmod")
                   and tokens[head].pos == "NOUN" and unit_low not in m.AGE_UNITS)
               or _complement_noun(tokens, j, children) is not None)
    if not lasting:
        return None
    if seconds == 86400 and low == high and value in m.IDIOMATIC_DAYS:
        low = float(m.IDIOMATIC_DAYS[int(value)])  # "quinze jours": two weeks
    extra = 0.5 if half else 0.0
    events = set(_events(tokens, i, j, j, children, t))
    noun = _complement_noun(tokens, j, children)
    if noun is not None:
        events.add(_event_class(tokens[noun].lemma, t))
    return _make(article, sentence, start, last, "duration", "s",
                 (low + extra) * seconds, (high + extra) * seconds, frozenset(events))


def _time(article, i, j, hours, minutes, sentence, children, t) -> Quantity | None:
    tokens, m = article.tokens, t.measures
    if hours > 24 or minutes > 59:
        return None
    text = article.article.text
    sent = article.sentences[sentence]
    after = text[tokens[j].start:sent.end].lower()
    if hours < 12 and any(w in after[:40] for w in m.AFTERNOON):
        hours += 12
    value = hours * 60 + minutes
    before = text[sent.start:tokens[i].start].lower().rstrip()
    low, high = float(value), float(value)
    if before.endswith("vers"):
        low, high = value - 15.0, value + 15.0
    # "20 h (heure locale)" / "14 h heure de Paris": clocks of different places differ.
    zone = "local" if "local" in after[:40] else ""
    return _make(article, sentence, tokens[i].start, j, "time", f"min{zone}", low, high,
                 _events(tokens, i, j, j, children, t))


def _complement_noun(tokens, j, children) -> int | None:
    """"4 heures de lutte": the noun the length is of."""
    for c in children.get(j, ()):
        if tokens[c].dep.startswith("nmod") and tokens[c].pos == "NOUN" and c > j and any(
                tokens[k].dep == "case" and tokens[k].text.lower() in ("de", "d'", "d’")
                for k in children.get(c, ())):
            return c
    return None


def _preposition(article, i, start, j, children) -> str | None:
    """The preposition that introduces the number: its own `case` child, or the words just
    before it ("au bout de", "jusqu'à")."""
    tokens = article.tokens
    for c in children.get(j, ()):
        if tokens[c].dep == "case" and c < i:
            return tokens[c].text.lower().replace("’", "'")
    before = article.article.text[max(0, start - 14):start].lower().replace("’", "'")
    words = before.split()
    if len(words) >= 3 and " ".join(words[-3:]) == "au bout de":
        return "au bout de"
    return words[-1] if words else None


# --- events ---------------------------------------------------------------------------------

def _event_class(lemma: str, t: Tables) -> str:
    lemma = lemma.lower()
    return t.measures.EVENT_CLASSES.get(lemma, lemma)


def _anchor(tokens: Sequence[Token], first: int, last: int) -> int:
    """The token of the phrase [first, last] whose head lies outside it: where the phrase
    hangs in the sentence."""
    for k in range(last, first - 1, -1):
        if not first <= tokens[k].head <= last or tokens[k].head == k:
            return k
    return last


def _subject(tokens, verb: int, children, t) -> list[str]:
    """The lemma of a verb's subject; a relative pronoun stands for the noun it hangs on
    ("les discussions, qui ont duré"), and that noun's own verb is its event too."""
    out = []
    for c in children.get(verb, ()):
        if not tokens[c].dep.startswith("nsubj"):
            continue
        clause, hops = verb, 0
        while tokens[clause].dep == "conj" and hops < 3:  # "auquel ... et qui a duré"
            clause, hops = tokens[clause].head, hops + 1
        if tokens[c].pos == "PRON" and "PronType=Rel" in tokens[c].morph and \
                tokens[clause].dep.startswith("acl"):
            noun = tokens[clause].head
            out.append(tokens[noun].lemma)
            up = tokens[noun].head
            if tokens[up].pos == "VERB" and tokens[up].lemma.lower() not in \
                    t.measures.LIGHT_VERBS:
                out.append(tokens[up].lemma)
        elif tokens[c].pos in ("NOUN", "PROPN"):
            out.append(tokens[c].lemma)
    return out


def _events(tokens: Sequence[Token], first: int, last: int, noun: int, children,
            t: Tables) -> frozenset[str]:
    """The events a number phrase is tied to by the parse, as classes: the participle on its
    noun ("50 habitants évacués"), the verb it hangs on unless that verb only says, counts or
    lasts, and then that verb's complement or subject ("ont mis 4 h à maîtriser le feu",
    "la réunion a duré"), or the noun it complements ("une perte de 3 millions")."""
    m = t.measures
    out: list[str] = []
    for c in children.get(noun, ()):
        tok = tokens[c]
        if tok.dep.startswith(("acl", "amod")) and (
                tok.pos == "VERB" or "VerbForm=Part" in tok.morph):
            out.append(tok.lemma)
    anchor = _anchor(tokens, first, last)
    head = tokens[anchor].head
    dep = tokens[anchor].dep
    seen = 0
    while dep == "conj" and head != anchor and seen < 3:  # "40 morts et 50 blessés"
        anchor, head, dep = head, tokens[head].head, tokens[head].dep
        seen += 1
    h = tokens[head]
    lemma = h.lemma.lower()
    if head == anchor:
        pass
    elif dep.startswith("nmod") and h.pos == "NOUN":
        out.append(h.lemma)
    elif h.pos == "VERB":
        if lemma in m.LIGHT_VERBS or lemma in m.DURATION_VERBS or lemma in m.END_VERBS:
            for c in children.get(head, ()):
                if tokens[c].dep in ("xcomp", "advcl", "ccomp") and tokens[c].pos == "VERB":
                    out.append(tokens[c].lemma)
            if lemma in m.LASTING_SUBJECT_VERBS or lemma in m.END_VERBS:
                out.extend(_subject(tokens, head, children, t))
        else:
            out.append(h.lemma)
    return frozenset(_event_class(e, t) for e in out
                     if e.lower() not in m.LIGHT_VERBS)


def _make(article, sentence, begin, last, kind, unit, low, high, events) -> Quantity | None:
    """The quantity from character `begin` to the end of token `last`."""
    if low > high:
        return None
    end = article.tokens[last].start + len(article.tokens[last].text)
    return Quantity(article.article.id, sentence, article.article.text[begin:end], kind, unit,
                    low, high, events)
