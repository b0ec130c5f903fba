"""What a date found in an article stands for in its text, beyond its value: a day ahead of
the text ("jusqu'au 15 juin", "il sera reçu le 3 octobre"), the start of a stretch ("depuis
le 2 mai"), or a text's name ("la loi du 9 juin 2011"); none of them is when the article's
events happen.

In: a `DateRef` of an annotated article (its offsets, its `partial` reading) and that article
(its text and stored parse: tokens with part of speech, head and morphology); the language's
`lang/<code>/dates` table (BOUND_BEFORE, TARGET_BEFORE, START_BEFORE, NAMING_NOUNS,
NAMING_LINKS, NAMING_LINKS_PERIOD). Out:
`named_ahead`, `named_as_start`, `names_a_text`: booleans. No model. Read by story grouping
(`group.stories`: when an undated article is), by a story's day
(`crosscheck.timeline.story_when`) and by its timeline (`build_timeline`: what happened
when).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .lang import table
from .model import AnnotatedArticle, DateRef
from .text import written_before

# Universal Dependencies' features, the same in every language
_FUTURE = "Tense=Fut"
_CONDITIONAL = "Mood=Cnd"
_YEAR = re.compile(r"\d{4}")  # the ISO value of a year alone
_PERIOD = re.compile(r"\d{4}(?:-\d\d)?")  # the ISO value of a year or a month, no day


def named_ahead(ref: DateRef, annotated: AnnotatedArticle, language: str) -> bool:
    """Whether the text names this day as ahead of it, not as when it is: "prochain", a bound
    word of the language's dates table before it ("jusqu'au", "d'ici", "pour"), or the verb
    it hangs from in the future tense ("il sera reçu le 3 octobre") or in the present
    conditional, a forecast or a plan ("le chômage devrait reculer en 2031", "le péage
    serait relevé en 2031", "le déficit serait de 3 % en 2031"). The past conditional
    reports an alleged past ("il aurait quitté le port le 14 février"): not ahead."""
    if ref.partial is not None and ref.partial.direction > 0:
        return True
    if _preceded_by(ref, annotated, _bound_words(language)):
        return True
    if _YEAR.fullmatch(ref.value or "") and _preceded_by(
            ref, annotated, _bound_words(language, "TARGET_BEFORE")):
        return True
    tokens = annotated.tokens
    span = range(ref.start, ref.end)
    first = bisect.bisect_left(tokens, ref.start, key=lambda t: t.start)
    roots = [i for i in range(first, len(tokens)) if tokens[i].start in span
             and 0 <= tokens[i].head < len(tokens) and tokens[tokens[i].head].start not in span]
    if not roots:
        return False
    at = roots[0]
    # Up from the date to the verb it hangs from, through the dates it is joined to ("dès
    # samedi et jusqu'au 5 mars"), no further: a verb reached through a noun tells of the
    # noun ("la crue du 2 mars sera étudiée").
    for _ in range(3):
        head = tokens[at].head
        if tokens[head].pos in ("VERB", "AUX"):
            at = head
            break
        if tokens[at].dep != "conj" or not 0 <= tokens[head].head < len(tokens):
            # a noun or an adjective with its copula ("le déficit serait de 3 % en 2031")
            return any(_unreal(t.morph) for t in _helpers(tokens, head, ("cop",)))
        at = head
    else:
        return False
    helpers = _helpers(tokens, at, ("aux", "cop"))
    if _FUTURE in tokens[at].morph or any(_FUTURE in t.morph for t in helpers):
        return True
    if any(t.dep == "aux:tense" for t in helpers):
        return False  # a compound past, conditional or not: an alleged past
    if _unreal(tokens[at].morph) or any(_unreal(t.morph) for t in helpers):
        return True
    # a modal in the conditional over the verb ("devrait reculer", "pourrait être rasé")
    head = tokens[at].head
    return (tokens[at].dep == "xcomp" and 0 <= head < len(tokens)
            and _unreal(tokens[head].morph))


def _unreal(morph: str) -> bool:
    """A finite form in the future or the conditional (Universal Dependencies' features)."""
    return _FUTURE in morph or _CONDITIONAL in morph


def _helpers(tokens, at: int, deps: tuple[str, ...]) -> list:
    """The auxiliaries or copula (`deps`, by prefix) of token `at`, found near it."""
    near = range(max(0, at - 4), min(len(tokens), at + 1))
    return [tokens[i] for i in near if tokens[i].head == at and i != at
            and tokens[i].dep.startswith(deps)]


def named_as_start(ref: DateRef, annotated: AnnotatedArticle, language: str) -> bool:
    """Whether the text names this day as the start of a state or a stretch ("depuis le 2
    mai", "entre le 3 et ...", "à compter du 1er juin": `START_BEFORE` of the language's
    dates table), not as when its events are: the text is written after it, how long after
    is unknown. Read by grouping and by the story's day (`crosscheck.timeline`)."""
    return _preceded_by(ref, annotated, _bound_words(language, "START_BEFORE"))


def _preceded_by(ref: DateRef, annotated: AnnotatedArticle, words: tuple[str, ...]) -> bool:
    """Whether the text right before this day ends with one of `words` ("jusqu'au")."""
    return written_before(annotated.article.text, ref.start, words)


@lru_cache(maxsize=16)
def _bound_words(language: str, name: str = "BOUND_BEFORE") -> tuple[str, ...]:
    """A word list of the language's dates table: bounds ahead, or starts."""
    t = table(language, "dates")
    return tuple(getattr(t, name, ())) if t else ()


def names_a_text(ref: DateRef, annotated: AnnotatedArticle, language: str) -> bool:
    """Whether this date names a text ("la loi du 9 juin 2011", "la loi sur l'eau du ...",
    "le décret n° 2019-12 du ...", and before a year or a month alone "la loi de 1998"): a
    NAMING_NOUNS noun, the nearest one before the date in its clause (no comma, colon or
    sentence end between), then a NAMING_LINKS word (or NAMING_LINKS_PERIOD). Not when
    a verb stands between the noun and the date: "l'arrêté paru au Journal officiel du 3
    mars" dates the publishing, which may be the news."""
    naming = _naming(language, bool(_PERIOD.fullmatch(ref.value or "")))
    text = annotated.article.text
    found = naming.search(text, max(0, ref.start - 60), ref.start) if naming else None
    if found is None:
        return False
    tokens = annotated.tokens
    first = bisect.bisect_left(tokens, found.end("noun"), key=lambda t: t.start)
    last = bisect.bisect_left(tokens, ref.start, key=lambda t: t.start)
    return not any(t.pos in ("VERB", "AUX") for t in tokens[first:last])


@lru_cache(maxsize=32)
def _naming(language: str, period: bool = False) -> re.Pattern | None:
    """A language -> the pattern of what makes the date right after it a text's name,
    matched at the end of the text before the date; with `period` (a year or a month with
    no day), the links of a period too (NAMING_LINKS_PERIOD). Written by hand: a list of
    nouns and link words, which no date library reads."""
    t = table(language, "dates")
    nouns, links = getattr(t, "NAMING_NOUNS", ()), list(getattr(t, "NAMING_LINKS", ()))
    if period:
        links += getattr(t, "NAMING_LINKS_PERIOD", ())
    if not nouns or not links:
        return None
    words = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    ties = "|".join(map(re.escape, links))
    # the nearest noun (no other one after it), not elided ("d'accord"), then within a few
    # words of one clause ("la loi Martin du", "le décret n° 2019-12 du") a link word
    return re.compile(rf"(?<![dD]['’])\b(?P<noun>{words})\b"
                      rf"(?:(?!\b(?:{words})\b)[^.;:,!?\n]){{0,40}}?\s(?:{ties})\s*$",
                      re.IGNORECASE)
