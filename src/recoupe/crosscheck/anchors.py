"""A sentence's predications -> (predicate, argument) anchors: what it states, keyed so that
another outlet's sentence stating the same thing in passing, or in other words, meets it.

In: an annotated article (its stored parse: tokens with lemma, part of speech, dependency
and head; its sentences), the values of its numbers (`similarity._number_values`), and the
spans of its sentences to leave out (someone's direct quote). Out: `sentence_anchors(...)`,
sentence index -> a set of (predicate, argument) keys, a denied predication's predicate
marked with `NEGATED`. The French words (light verbs, event nouns, negation, restriction,
denying determiners and subordinators) are in `lang/<code>/propositions`. Read by
`similarity.units_of`; `similarity.SentenceSpace.join_anchors` joins the sentences of
different articles that share one. `opposed(a, b, language)`: do two sentences' anchors
predicate opposed acts of one argument (an offer and its refusal; asked, an act and its
denial)? Read by `similarity.conflicts`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from .. import lang
from ..model import AnnotatedArticle
from ..text import fold

_HOPS = 2  # an argument's head climbed to find its predicate ("disputer le Grand Prix d'Autriche")
_MAIN_DEPTH = 1  # steps from the sentence's root within which a predicate counts as it stands
_INNER_DEPTH = 4  # steps within which an embedded predicate counts when it is asserted
NEGATED = "\u00ac"  # marks the key of a negated predicate ("¬racheter"): no word has it
# Are an asserted act and its own denial ("a rencontré X" / "n'a pas rencontré X") opposed
# too? Measured on the claims gold, it cost precision (a hedged plan and "no meeting is
# planned" then fell into other claims), so it is off; `opposed(..., denials=True)` reads it.
DENIALS_OPPOSE = False


def sentence_anchors(a: AnnotatedArticle, values: dict[int, tuple[str | None, str | None]],
                     masks: dict[tuple[str, int], Sequence[tuple[int, int]]] | None = None,
                     ) -> dict[int, set[tuple[str, str]]]:
    """Sentence index -> the (predicate, argument) anchors of the predications inside it, read
    from the stored parse. A predicate is a verb that is not a light one ("être", "pouvoir"), or a
    noun that names an event ("son retour sur les pistes", "la fermeture de la gare":
    keyed as its verb, so that it meets "revient sur les pistes"); an argument is a noun,
    a name or a number's value (one that counts something) attached to it by a relation of
    argument, directly or through the noun it complements ("le Grand Prix d'Autriche": Autriche). A
    value is read on a number's first figure: "12 millions d'euros" hangs from its scale
    noun, and keying it there too was measured to cost precision (a total cited in passing
    by sentences about other things), so such a phrase anchors by its nouns only.
    A predicate that is the sentence's root or hangs from it directly counts as it stands.
    One further down (in a relative clause, a completive, a participle: "X, qui a annoncé
    son départ de la mairie, ...") states a fact of its own too, which other outlets
    often give as their main one; it counts up to `_INNER_DEPTH` steps from the root, and
    only when it is asserted: no verb on its way up to the root is negated or in the
    conditional ("ne demanderait pas à visiter l'usine" says no visit; an event noun under a
    denying determiner, "aucune arrestation", is negated like a verb; a "ne" negates only
    with a word of negation, `_negates`). Those two
    conditions were measured on the claims gold: every depth, unconditioned, cost more
    precision than it found facts (0.87 -> 0.81-0.85). Predicates one step from the root
    skip the conditional test, because a completive's conditional after a past reporting
    verb is the future of the past ("a promis qu'elle rouvrirait la médiathèque"),
    asserted; but one under a negated root ("n'envisage pas la fermeture de la gare") is
    neither asserted nor denied, and gives none. Tokens inside
    masked spans (someone's direct quote) give none; the table is `lang/<code>/propositions`."""
    table = lang.table(a.language, "propositions") or lang.table("fr", "propositions")
    if table is None or not a.tokens:
        return {}
    masks = masks or {}
    toks = a.tokens
    starts = [s.start for s in a.sentences]
    ends = [s.end for s in a.sentences]
    # negated tokens (the particle hangs from them); with those in the conditional, by
    # their own mood or their auxiliary's ("aurait inauguré"), those not asserted
    negated = {t.head for x, t in enumerate(toks) if _word(t) in table.NEGATIONS
               and _negates(toks, x, _sentence_span(starts, ends, t.start), table)}
    # an event noun under a denying determiner ("aucune arrestation") is denied too
    negated |= {t.head for t in toks if t.dep.startswith("det")
                and _word(t) in table.NEGATIVE_DETERMINERS}
    # and a clause opened by a denying subordinator ("sans consulter les riverains")
    negated |= {t.head for t in toks if t.dep == "mark" and _word(t) in table.DENYING_MARKS}
    unasserted = negated | {i for i, t in enumerate(toks) if "Mood=Cnd" in t.morph} | {
        t.head for t in toks if t.dep.startswith("aux") and "Mood=Cnd" in t.morph}
    out: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for x, t in enumerate(toks):
        arg = _argument(t, values.get(x), table)
        if arg is None:
            continue
        k = bisect_right(starts, t.start) - 1
        if k < 0 or not (a.sentences[k].start <= t.start < a.sentences[k].end):
            continue
        sentence, spans = a.sentences[k], masks.get((a.article.id, k), ())
        if any(lo <= t.start < hi for lo, hi in spans):
            continue
        cur = x
        for _ in range(_HOPS):
            h = toks[cur].head
            if h == cur or not 0 <= h < len(toks) or toks[cur].dep not in table.ARGUMENT_DEPS:
                break
            head = toks[h]
            if not sentence.start <= head.start < sentence.end or any(
                    lo <= head.start < hi for lo, hi in spans):
                break
            pred = _predicate(head, table)
            if pred is not None:
                depth = _depth(toks, h)
                if pred == arg:
                    pass
                elif depth <= _MAIN_DEPTH:
                    # a negated predication is keyed with its negation: "n'a pas racheté
                    # la minoterie" meets another outlet's denial, not "a racheté"; one
                    # under a negated root ("n'envisage pas la fermeture de la gare") is
                    # neither asserted nor denied
                    if h not in negated and toks[h].head != h and toks[h].head in negated:
                        break
                    out[k].add((NEGATED + pred if h in negated else pred, arg))
                elif depth <= _INNER_DEPTH and _asserted(toks, h, unasserted):
                    out[k].add((pred, arg))
                break
            if head.pos not in ("NOUN", "PROPN"):
                break
            cur = h
    return out


def _word(t) -> str:
    """A token's text in lower case, its curly apostrophe made straight."""
    return t.text.lower().replace("\u2019", "'")


def _sentence_span(starts: list[int], ends: list[int], at: int) -> tuple[int, int]:
    """The (start, end) offsets of the sentence holding offset `at` ((at, at) outside any)."""
    k = bisect_right(starts, at) - 1
    return (starts[k], ends[k]) if k >= 0 and at < ends[k] else (at, at)


def _negates(toks, x: int, span: tuple[int, int], table) -> bool:
    """Does the particle "ne" at token x (in the sentence at offsets `span`) negate? Only
    with a word of negation: one before it in its sentence ("Personne n'a confirmé que...",
    "Aucun élu n'a demandé...", "Rien ne prouve"), or one after it, within
    `RESTRICTION_WINDOW` tokens of its sentence ("n'a pas", "ne ... jamais"). A restriction
    met first ("ne ... que", "ne ... plus que": only) asserts; a "ne" alone is expletive
    ("avant que le joueur ne quitte le stade") and asserts too."""
    window, (first, end) = table.RESTRICTION_WINDOW, span
    denying = table.NEGATION_WORDS | table.NEGATIVE_DETERMINERS
    if any(_word(t) in denying for t in toks[max(0, x - window):x] if t.start >= first):
        return True
    after = [_word(t) for t in toks[x + 1:x + 2 + window] if t.start < end]
    for n, word in enumerate(after[:window]):
        if word in table.RESTRICTIONS:
            return False
        following = after[n + 1] if n + 1 < len(after) else ""
        # "ne ... plus que" restricts: "ne vend plus que du pain"
        if word in table.NEGATION_WORDS and not (
                word == "plus" and following in table.RESTRICTIONS):
            return True
    return False


def _asserted(toks, i: int, unasserted: set[int], limit: int = 8) -> bool:
    """Is token i's predication asserted: is no token on its way up to the sentence's root
    (itself and the root included) among the `unasserted` ones (negated, conditional)?"""
    for _ in range(limit + 1):
        if i in unasserted:
            return False
        h = toks[i].head
        if toks[i].dep == "ROOT" or h == i or not 0 <= h < len(toks):
            break
        i = h
    return True


def _argument(t, value: tuple[str | None, str | None] | None, table) -> str | None:
    """A token -> its key as an argument (folded lemma, a name's folded text, a number's
    value), or None. A bare number (a day of the month, a year) counts nothing: dates are
    compared as dates."""
    if value is not None:
        return value[1] if value[0] else None
    if t.pos not in ("NOUN", "PROPN") or (t.lemma or t.text).lower() in table.TIME_NOUNS:
        return None
    key = fold(t.text if t.pos == "PROPN" else (t.lemma or t.text))
    return key if len(key) >= 3 else None


def _predicate(t, table) -> str | None:
    """A token -> its key as a predicate (the folded lemma of a verb, or of the verb an
    event noun is made from; a noun with an event ending as itself), or None."""
    lemma = (t.lemma or t.text).lower()
    if lemma in table.TIME_NOUNS:
        return None
    if t.pos == "VERB":
        return None if lemma in table.LIGHT_VERBS else fold(lemma)
    if t.pos == "NOUN":
        if lemma in table.EVENT_NOUNS:
            return fold(table.EVENT_NOUNS[lemma])
        if lemma.endswith(table.EVENT_SUFFIXES):
            return fold(derived_verb(lemma, table))
    return None


def derived_verb(noun: str, table) -> str:
    """An unlisted event noun -> the verb its regular ending derives it from
    ("agrandissement" -> "agrandir"), else the noun itself."""
    for ending, verb in getattr(table, "EVENT_DERIVATIONS", ()):
        if noun.endswith(ending) and len(noun) - len(ending) >= table.DERIVATION_STEM:
            return noun[:-len(ending)] + verb
    return noun


def _depth(toks, i: int, limit: int = 8) -> int:
    """Steps from token i up to its sentence's root (at most `limit` + 1)."""
    steps = 0
    while toks[i].dep != "ROOT" and steps <= limit:
        h = toks[i].head
        if h == i or not 0 <= h < len(toks):
            break
        i, steps = h, steps + 1
    return steps


@lru_cache(maxsize=16)
def _opposed_sides(language: str) -> tuple[tuple[tuple[frozenset[str], frozenset[str]], ...],
                                           frozenset[str]]:
    """A language -> its pairs of opposed acts, each side the predicate keys (folded verbs,
    as anchors hold them) of one act, both orders (`OPPOSED_ACTS` of its propositions), and
    every key of them."""
    table = lang.table(language, "propositions") or lang.table("fr", "propositions")
    pairs = tuple((frozenset(map(fold, p)), frozenset(map(fold, q)))
                  for p, q in getattr(table, "OPPOSED_ACTS", ()))
    return pairs + tuple((q, p) for p, q in pairs), frozenset().union(*(p | q for p, q in pairs))


def opposed(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]], language: str,
            denials: bool | None = None) -> bool:
    """Do two sentences' anchors predicate opposed acts of one argument: one an act of it
    (a verb of one side of an `OPPOSED_ACTS` pair) and not the opposed act, the other the
    opposed act and not the first? "X offre un poste à Y" and "Y refuse le poste" share
    every name but state two facts (Y is offered, Y refuses). With `denials` (default
    `DENIALS_OPPOSE`), an asserted act and its denial ("¬rencontrer") of one argument are
    opposed too. A sentence that says both acts of one argument opposes neither; acts of
    different arguments oppose nothing; and two sentences that hold one act of a pair with
    one argument alike ("X a proposé ..." and "Y a repoussé ce que X a proposé ...") tell
    that act both, so are not opposed."""
    if not a or not b:
        return False
    denials = DENIALS_OPPOSE if denials is None else denials
    of_a: dict[str, set[str]] = defaultdict(set)
    for p, x in a:
        of_a[x].add(p)
    of_b: dict[str, set[str]] = defaultdict(set)
    for p, x in b:
        if x in of_a:
            of_b[x].add(p)
    sides, acts = _opposed_sides(language or "fr")
    # Both say one act of a pair of one argument in the same words ("a proposé" of the
    # agency): they tell that act, and the answer one of them adds is more, not another fact.
    if any(of_a[x] & pb & acts for x, pb in of_b.items()):
        return False
    for x, pb in of_b.items():
        pa = of_a[x]
        for this, other in sides:
            if pa & this and not pa & other and pb & other and not pb & this:
                return True
        if denials:
            for p in pa ^ pb:
                if p.startswith(NEGATED):
                    continue
                one, two = (pa, pb) if p in pa else (pb, pa)
                if NEGATED + p in two and NEGATED + p not in one and p not in two:
                    return True
    return False
