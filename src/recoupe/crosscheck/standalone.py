"""Whether a sentence reads on its own, for a line shown without the sentences around it
(a summary line, a claim's text).

In: an article's parse (for `main_clauses`), or a sentence's text and the language's
pronouns and grammar table (`lang/<language>/summary.py`: leaning openers, demonstratives,
anaphoric subjects, background tenses).
Out: what the main clause of each sentence is ("news", "background", "fragment"), and
whether a text opens and ends as a sentence that does not lean on the one before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from types import ModuleType

from ..model import AnnotatedArticle

_END = re.compile(r"[.!…][»”\")]?\s*$")  # a question is not news: no "?"
_TENSE = re.compile(r"Tense=(\w+)")
_VERBS = ("VERB", "AUX")
_NP_DEPTH = 8  # steps climbed inside a subject noun phrase to its root
# How the parser hangs a main clause's verb on a noun it took for the root by mistake: as a
# parataxis beside a long subject; as an adverbial clause or a conjunct (`_BESIDE`) beside
# a sentence-initial participle read as a name (`_MISREAD_ROOTS`: "Créé en mai, le fonds
# finance ...")
_BESIDE = ("advcl", "conj")
_MISREAD_ROOTS = ("NOUN", "PROPN")


def reads_alone(text: str, pronouns: frozenset[str], table: ModuleType | None = None) -> bool:
    """Not a fragment (lower-case start, no final stop: a headline or a cut), not a
    question, not opened by a pronoun whose person is in another sentence nor by words
    that take up the sentence before (`leans`)."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return (first[:1].isupper() and first.lower().strip(",") not in pronouns
            and not leans(text, table) and bool(_END.search(text)))


def leans(text: str, table: ModuleType | None) -> bool:
    """Whether a sentence opens by taking up the one before it: a connective ("Par
    ailleurs", "Mais"), a demonstrative pronoun ("C'est", "Cela") or a demonstrative
    determiner ("Cette décision") that is not a date ("Ce mardi")."""
    if table is None:
        return False
    low = text.lstrip("«“„\"( ").lower()
    for opener in table.LEANING_OPENERS:
        if low.startswith(opener) and not low[len(opener):len(opener) + 1].isalnum():
            return True
    words = [w.strip(",;:") for w in low.split(maxsplit=3)]
    return (bool(words) and words[0] in table.DEMONSTRATIVES
            and not any(w in table.TIME_NOUNS for w in words[1:3]))


def main_clauses(articles: Sequence[AnnotatedArticle], table: ModuleType | None
                 ) -> dict[tuple[str, int], str]:
    """(article, sentence start) -> what the parse says of the sentence's main clause:
    "fragment" when it has no finite verb of its own (a nominal sentence, "Un argumentaire
    qui ...") or its subject is a pronoun whose person is named elsewhere ("Dans cette
    affaire, il est ..."), "background" when its verb is in a tense that tells background
    (the table's, e.g. the pluperfect), else "news". A subject noun phrase that the parser
    took for the root, its verb hung on it as a parataxis with a subject of its own, is read
    through that verb. One pass over each article's tokens;
    a sentence whose parse is not stored is left out (taken as news)."""
    if table is None:
        return {}
    out: dict[tuple[str, int], str] = {}
    for a in articles:
        if not a.tokens or not a.sentences:
            continue
        starts = [s.start for s in a.sentences]
        helpers: dict[int, list] = defaultdict(list)  # head -> its finite aux and copula
        anaphoric: set[int] = set()  # heads whose subject is an anaphoric pronoun
        subjects: set[int] = set()  # heads with a subject of their own (not "qui")
        subordinate: set[int] = set()  # heads opened by a subordinator ("quand", "si")
        roots = []
        beside: dict[int, list[int]] = defaultdict(list)  # nominal root -> verbs beside it
        for i, t in enumerate(a.tokens):
            if t.dep == "ROOT":
                roots.append(i)
            elif (t.dep.startswith("aux") or t.dep == "cop") and "VerbForm=Fin" in t.morph:
                helpers[t.head].append(t)
            elif t.dep.startswith("nsubj"):
                if "PronType=Rel" not in t.morph:
                    subjects.add(t.head)
                if t.text.lower() in table.ANAPHORIC_SUBJECTS:
                    anaphoric.add(t.head)
            elif t.dep == "mark":
                subordinate.add(t.head)
            if t.pos in _VERBS and (t.dep == "parataxis" or t.dep in _BESIDE and 0 <= t.head
                                    < len(a.tokens) and a.tokens[t.head].pos in _MISREAD_ROOTS):
                root = _nominal_root(a.tokens, t.head)
                if root is not None:
                    beside[root].append(i)
        for i in roots:
            root = a.tokens[i]
            sentence = a.sentences[max(bisect_right(starts, root.start) - 1, 0)]
            if not sentence.start <= root.start < sentence.end:
                continue
            key = (a.article.id, sentence.start)
            if root.pos not in _VERBS:
                # A long subject (a title and a name, "Le ministre X a ...") is often
                # parsed as the root, its verb hung beside it as a parataxis with its own
                # subject: that verb is the main clause. So is an adverbial clause or a
                # conjunct with a subject of its own hung on a root that is no clause
                # (a sentence-initial participle read as a name, no finite copula), unless
                # a subordinator opens it.
                i = next((v for v in beside.get(i, ()) if v in subjects and (
                    a.tokens[v].dep == "parataxis" or not helpers.get(i)
                    and v not in subordinate)), i)
                root = a.tokens[i]
            finite = helpers.get(i) or ([root] if "VerbForm=Fin" in root.morph else [])
            tense = _TENSE.search(finite[0].morph) if finite else None
            kind = ("fragment" if not finite or i in anaphoric else
                    "background" if tense and tense.group(1) in table.BACKGROUND_TENSES
                    else "news")
            # Two roots in one sentence (the parser split it): any main clause that reads
            # on its own counts.
            if out.get(key) in (None, "fragment"):
                out[key] = kind
    return out


def _nominal_root(tokens, head: int) -> int | None:
    """The root reached from `head` through nouns only (the noun phrase a parataxis verb was
    hung on), or None when a verb or a loop stands in between."""
    for _ in range(_NP_DEPTH):
        if not 0 <= head < len(tokens) or tokens[head].pos in _VERBS:
            return None
        if tokens[head].dep == "ROOT":
            return head
        head = tokens[head].head
    return None
