"""An article's parse, read for speakers: who a verb's subject is, what a role or pronoun
stands for, who relays what.

In: one `AnnotatedArticle`, the language's attribution table (`recoupe.lang.<code>.
attribution`) and the spaCy `Doc` of its text (children and morphology come from spaCy's
own API; `rebuild` makes a Doc from the article's copied tokens when the parse is gone).
Out: `ArticleParse`, the lookups that `annotate.quotes` builds its quotes on: token and
sentence lookups, `speaker(head)` -> (text, start, end, kind) where kind is "name",
"role", "pronoun", "unnamed" or "described" (someone the article describes with a noun no
table knows, "le pharmacien": a speaker only once tied to a name), or None: a place, a date
or a thing is never a speaker (a text speaks for its author: "le rapport de X"),
`subject(verb)` (including inverted subjects in incises, read from the words), speaker cues
("selon X", "pour X,"), relays ("a rapporté l'agence X", "citant X"), the person a role or
nationality stands for in the article (`role_holder`, and the one organisation a bare
noun heads: "l'association"), acronyms the article spells out in parentheses, and the
antecedents a pronoun may take (`subjects`, `opening_names`, `named_people`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from .. import lang
from ..model import AnnotatedArticle, Token
from ..text import fold
from .quotemarks import SPACES, quoted_spans

if TYPE_CHECKING:  # spaCy costs ~1 s to import: only the annotate stage pays it (issue 12)
    from spacy.tokens import Doc as SpacyDoc
    from spacy.vocab import Vocab

DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"}
_NP_STOP = {"acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "cop", "aux",
            "aux:tense", "aux:pass", "nsubj", "obj", "mark", "dislocated", "vocative"}
SAME = "\0same source"  # placeholder for "selon la même source", resolved in text order
_APPOSED = re.compile(r"(?:\s*\([^()\n]{1,80}\))?\s*,\s*|[ \u00a0]")  # "role (…), Name"

_ADJECTIVE_THEN_NAME = re.compile(r"\s+[a-zà-ÿ][\w-]*\s+")  # lower-case word, then a name
Speaker = tuple[str, int, int, str]  # text, start, end, kind


class ArticleParse:
    """The article's text and parse, with the lookups every attribution rule needs."""

    def __init__(self, annotated: AnnotatedArticle, words: ModuleType, parsed: SpacyDoc):
        self.a = annotated
        self.w = words
        self.text = annotated.article.text
        self.toks = annotated.tokens
        self.parsed = parsed  # the tree (children, morphology) comes from spaCy's own API
        self._kids: dict[int, list[int]] = {}
        self.starts = [t.start for t in self.toks]
        self.sent_starts = [s.start for s in annotated.sentences]
        self.units = self._units()
        self.unit_starts = [u[0] for u in self.units]
        self.spans = quoted_spans(self.text)
        self.in_quote = [False] * len(self.toks)
        for sp in self.spans:
            for k in range(self._tok(sp.open), len(self.toks)):
                if self.toks[k].start >= sp.close:
                    break
                if self.toks[k].start >= sp.open:
                    self.in_quote[k] = True
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.per = [(m.start, m.end) for m in annotated.mentions if m.label == "PER"]
        self.named = [(m.start, m.end) for m in annotated.mentions if m.label in ("PER", "ORG")]
        # Two or more capitalised words the recogniser left untyped: after a role and a
        # comma ("la cousine de la mère, Jeanne Durand") they are a person's name
        self.misc_names = [(m.start, m.end) for m in annotated.mentions if m.label == "MISC"
                           and len(m.text.split()) > 1
                           and all(p[:1].isupper() for p in m.text.split())]
        self.places = [(m.start, m.end) for m in annotated.mentions if m.label == "LOC"]
        self.surnames = {m.text.split()[-1] for m in annotated.mentions
                         if m.label == "PER" and len(m.text.split()) > 1}
        self.language = annotated.language or "fr"
        nat = lang.table(self.language, "nationalities")
        self.demonyms: dict[str, str] = nat.forms() if nat else {}
        # Seats of power speak for the power seated in them ("le Kremlin a déclaré"): an
        # organisation, although the recogniser tags the building as a place.
        inst = lang.table(annotated.language or "fr", "institutions")
        self.seats: frozenset[str] = getattr(inst, "SEATS", frozenset())
        self.acronyms = _acronyms(self.text, words)
        # Nouns that head the name of an organisation ("la banque", "l'association").
        self.org_nouns: frozenset[str] = getattr(inst, "INSTITUTION_HEADS", frozenset()) | \
            getattr(inst, "MEDIA_HEADS", frozenset())

    # --- lookups -------------------------------------------------------------------
    def kids(self, k: int) -> list[int]:
        """Indexes of token k's dependents, in text order."""
        if k not in self._kids:
            self._kids[k] = [c.i for c in self.parsed[k].children]
        return self._kids[k]

    def feature(self, k: int, key: str) -> str:
        """One morphological feature of token k ("Gender" -> "Fem"), or ""."""
        values = self.parsed[k].morph.get(key)
        return values[0] if values else ""

    def _tok(self, offset: int) -> int:
        """Index of the token at or before `offset` (0 if none)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def on_root(self, offset: int) -> bool:
        """Whether the word at `offset` hangs from its sentence's main verb (the parse's
        root), or is the subject of an inverted incise ("a-t-il dit"), the sentence's
        frame: the subject or an argument of the main clause, not of a clause inside it.
        A preposition ("Pour lui") is read through its noun, and a subject the parser hung
        on the auxiliary ("Il a jugé") as the verb's."""
        if not self.toks:
            return False
        x = self._tok(offset)
        if self.toks[x].text.startswith("-"):
            return True
        if self.toks[x].dep == "case":
            x = self.toks[x].head
        head = self.toks[x].head if 0 <= x < len(self.toks) else -1
        if 0 <= head < len(self.toks) and self.toks[head].dep.startswith("aux"):
            head = self.toks[head].head
        return 0 <= head < len(self.toks) and self.toks[head].dep == "ROOT"

    def _tok_from(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def _end(self, k: int) -> int:
        return self.toks[k].start + len(self.toks[k].text)

    def sentence(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def _units(self) -> list[tuple[int, int]]:
        """Sentences, re-joined where the parser split one at a comma ("Selon X" | ", ...")
        or before an incise ("« ... »" | ", a-t-il dit")."""
        units: list[list[int]] = []
        for sent in self.a.sentences:
            if units and (sent.text[:1] in ",;:" or sent.text[:1].islower()):
                units[-1][1] = sent.end
            else:
                units.append([sent.start, sent.end])
        return [(a, b) for a, b in units]

    def unit(self, offset: int) -> tuple[int, int]:
        k = max(bisect.bisect_right(self.unit_starts, offset) - 1, 0)
        return self.units[k]

    def _region(self, first: int, last: int) -> tuple[int, int]:
        """Token range of the sentences holding offsets first..last."""
        if not self.toks or not self.units:
            return 0, 0
        return self._tok_from(self.unit(first)[0]), self._tok_from(self.unit(last)[1])

    def _subtree(self, h: int, stop: set[str] | None = None, quoted: bool = False) -> set[int]:
        keep, stack = set(), [h]
        while stack:
            x = stack.pop()
            keep.add(x)
            for c in self.kids(x):
                if self.in_quote[c] and not self.in_quote[h] and not quoted:
                    continue
                if stop and self.toks[c].dep in stop:
                    continue
                stack.append(c)
        return keep

    # --- speakers --------------------------------------------------------------------
    def np(self, h: int) -> tuple[int, int]:
        """Token range of the noun phrase headed by h, without clauses or case marks."""
        keep = self._subtree(h, _NP_STOP)
        i, j = min(keep), max(keep) + 1
        relay = self.w.CITED_BY | self.w.CITING | self.w.ACCORDING_TO | {"comme"}
        for k in range(h + 1, j - 1):  # ", cité par X" / ", selon X" is a relay, not the NP
            if self.toks[k].text == "," and self.toks[k + 1].text.lower() in relay:
                j = k
                break
            # "Selon Jean Dupont, le petit garçon ...": a comma and a new noun phrase the
            # parse coordinated with no "et" end the phrase
            if self.toks[k].text == "," and self.toks[k + 1].pos == "DET" and \
                    self.toks[self.toks[k + 1].head].dep == "conj" and not any(
                        self.toks[x].pos == "CCONJ" for x in range(k, j)):
                j = k
                break
            # "le responsable syndical sur une radio", "au cours d'un débat", "Le Journal
            # de vendredi": where, when or which issue, not who
            if self._cuts(k, j):
                j = k
                break
        for k in range(i, h):  # "Dans le journal X, l'Américain": what precedes the comma
            if self.toks[k].text == ",":  # before the head is a fronted complement
                i = k + 1
        if j - i > 20:  # a runaway parse: keep the head and what follows up to a comma
            i = h
            j = next((k for k in range(h, j) if self.toks[k].text == ","), j)
        while i < j - 1 and (self.toks[i].pos in ("ADP", "PUNCT", "CCONJ")
                             or self.toks[i].text.lower() in ("d'", "d’")):
            i += 1
        while j - 1 > i and self.toks[j - 1].pos == "PUNCT" and self.toks[j - 1].text != ")":
            j -= 1
        return i, j

    def _cuts(self, k: int, end: int) -> bool:
        """Does token k (before token `end`) open what says where, when or in which issue
        words were said, ending a speaker's noun phrase (`NP_CUT*` of the table)?"""
        w, t = self.w, self.toks[k]
        low = t.text.lower().replace("’", "'")
        if low in w.NP_CUT and (t.pos == "ADP" or low in getattr(w, "NP_CUT_ANY_TAG", ())):
            return True
        ahead = [x.text.lower().replace("’", "'") for x in self.toks[k:end]]
        if any(tuple(ahead[:len(o)]) == o for o in getattr(w, "NP_CUT_OPENINGS", ())):
            return True
        day = self.toks[k + 1] if k + 1 < end else None
        return (low in getattr(w, "NP_CUT_DAY_LINKS", ()) and day is not None
                and day.text in getattr(w, "NP_CUT_DAYS", ()) and day.pos != "PROPN")

    def speaker(self, h: int) -> tuple[tuple[str, int, int, str], str, str] | None:
        """(text, start, end, kind), gender, number of the speaker headed by token h."""
        t = self.toks[h]
        low = t.text.lower().lstrip("-")
        if t.pos in ("VERB", "AUX", "PUNCT", "ADP") or (
                low in self.w.NOT_SPEAKERS and not any(s <= t.start < e for s, e in self.per)):
            return None
        in_name = any(s <= t.start < e for s, e in self.per)
        if low in self.w.PARTITIVE_PRONOUNS and any(
                self.toks[c].dep == "nmod" for c in self.kids(h)):
            pass  # "l'un des porte-parole": a noun phrase, read below
        elif t.pos == "PRON" and not in_name and not (
                t.text[:1].isupper() and low not in self.w.PRONOUNS
                and not self.feature(h, "PronType")):  # "Celui", "Ceux": pronouns still
            # (A capitalised "pronoun" that is no pronoun is a name the tagger missed.)
            if low not in self.w.PRONOUNS:
                return None
            start = t.start + (len(t.text) - len(low))
            return ((low, start, start + len(low), "pronoun"),
                    self.feature(h, "Gender"), self.feature(h, "Number"))
        if t.lemma.lower() in self.w.DOCUMENT_NOUNS or low in self.w.DOCUMENT_NOUNS:
            # "le rapport de l'inspection souligne": the author of the text speaks through
            # it; a text with no author named is no speaker
            author = [c for c in self.kids(h) if self.toks[c].dep == "nmod" and c > h
                      and self.toks[c].pos in ("NOUN", "PROPN")]
            return self.speaker(author[0]) if author else None
        i, j = self.np(h)
        start, end = self.toks[i].start, self._end(j - 1)
        for s, e in self.per:  # a name the parse cut ("Lee Jae-" + "myung") is kept whole
            if s < end and start < e:
                start, end = min(start, s), max(end, e)
        words = self.text[start:end]
        if words.count("(") > words.count(")"):  # the parse stopped inside a parenthesis
            end = start + len(words[:words.rindex("(")].rstrip(SPACES + ","))
        kind = self._speaker_kind(h, i, j, start, end)
        if kind is None:
            return None
        if kind in ("role", "name", "described") and not any(
                s < end and start < e for s, e in self.per):
            # "le secrétaire général du syndicat (…), Jean Dupont": the name in apposition
            m = _APPOSED.match(self.text, end)
            name = m and next((e for s, e in self.per + self.misc_names if s == m.end()), None)
            if name:
                start, end, kind = start, name, "name"
            elif kind == "role" and self.toks[i].pos != "DET":
                # "Jean Dupont, secrétaire du syndicat, a dit": a bare role after a comma
                # is in apposition to the name before it
                before = next(((s, e) for s, e in self.per
                               if re.fullmatch(r"\s*,\s*", self.text[e:start])), None)
                if before:
                    start, end, kind = before[0], before[1], "name"
        if kind in ("role", "described") and any(
                start < s and e <= end and self.text[:s].rstrip().endswith(",")
                for s, e in self.misc_names):
            kind = "name"  # "la cousine de la mère, Jeanne Durand": the name apposed
        # coordinated people are plural; a "conj" with no "et" is an apposition misparsed
        number = "Plur" if any(self.toks[k].dep == "conj" for k in range(i, j)) and any(
            self.toks[k].pos == "CCONJ" for k in range(i, j)) else \
            self.feature(h, "Number")
        return ((self.text[start:end], start, end, kind), self.feature(h, "Gender"), number)

    def _speaker_kind(self, h: int, i: int, j: int, start: int, end: int) -> str | None:
        """"name" (a person or organisation named), "role" (a role noun or nationality that
        stands for one), "unnamed" (an indefinite source: "un diplomate", "des sources"), or
        None: a speaker is a person or an organisation, never a place, a date or a thing
        that happens to stand next to the verb."""
        toks, w = self.toks, self.w
        if toks[h].text.lower() in w.PARTITIVE_PRONOUNS:  # "l'un des experts": "experts"
            h = next((c for c in self.kids(h) if toks[c].dep == "nmod"), h)
        head = toks[h]
        low, lemma = head.text.lower(), head.lemma.lower()
        role = bool({low, lemma} & (w.SPEAKER_NOUNS | w.ROLE_NOUNS)) or low in self.demonyms
        if low in w.UNNAMED_SOURCES and head.text[:1].islower():
            return "unnamed"  # "l'entourage de M. Dupont", "un proche du ministre": not him
        # "le ministre de l'Intérieur" is a role even though it names an institution; "la
        # Banque de France" is a name: its head lies inside the organisation's mention.
        # "des sénateurs PCF et LR": an acronym after a common noun is a label of it
        # (its party), not the name of who speaks
        named = [(s, e) for s, e in self.named if s < end and start < e
                 and not (head.text[:1].islower() and self._label(s, e))]
        if any(s < end and start < e for s, e in self.per) or (
                named and not (role and (head.text[:1].islower() or not any(
                    s <= head.start < e for s, e in named)))):
            return "name"
        if self.text[start:end].split()[-1] in self.surnames:
            return "name"
        first = toks[i].text.lower()
        if role:
            # A plural role with no name is a group ("les syndicats", "les enquêteurs").
            plural = self.feature(h, "Number") == "Plur" and toks[i].pos == "DET"
            return "unnamed" if first in w.INDEFINITE or low in w.UNNAMED_SOURCES or plural \
                else "role"
        if first in w.INDEFINITE and head.pos == "NOUN" and head.text[:1].islower():
            # "un entrepreneur de Pékin", "des témoins": someone described, not named
            return "unnamed"
        if self._is_seat(start, end) or head.text in self.acronyms:
            return "name"  # "selon l'Aduc": an acronym the article spells out is a body
        # "l'Aduc", "au Conseil des sages": a capitalised noun after an article (maybe
        # contracted with its preposition) is a name the tagger calls a noun
        article = h > i or (i > 0 and toks[i - 1].text.lower() in w.CONTRACTED_ARTICLES)
        capital = head.text[:1].isupper() and article and self._tok_from(
            self.unit(head.start)[0]) != h
        if (head.pos == "PROPN" or capital) and (
                not any(s < end and start < e for s, e in self.places)
                or self.text[start:end].split()[-1] in self.surnames):
            # A name the recogniser missed, or a surname it took for a place once although
            # the article names that person in full elsewhere.
            return "name"
        if head.pos == "NOUN" and head.text[:1].islower() and first in w.ROLE_DETERMINERS \
                and self.feature(h, "Number") != "Plur" and not any(
                    s < end and start < e for s, e in self.places):
            if lemma in self.org_nouns and j - i > 2 and first not in ("son", "sa", "ses"):
                # "la radio militaire du pays", "l'agence nationale de l'emploi": an
                # organisation described by its own name
                return "name"
            # "le praticien a expliqué que ...": someone the article describes; a speaker
            # only once tied to a name, else the quote stays unattributed
            return "described"
        return None

    def _label(self, s: int, e: int) -> bool:
        """Whether the mention at s..e is a short acronym written as an adjective: right
        after a common noun or adjective, or after "et" / "," and another such label
        ("le sénateur LR", "des élus LR et PCF")."""
        if not re.fullmatch(r"[A-Z]{2,6}", self.text[s:e]):
            return False
        k = self._tok(s)
        if k == 0 or self.toks[k].start != s:
            return False
        prev = self.toks[k - 1]
        if prev.pos in ("CCONJ", "PUNCT") and k >= 2:
            before = self.toks[k - 2]
            return bool(re.fullmatch(r"[A-Z]{2,6}", before.text)) and self._label(
                before.start, before.start + len(before.text))
        return prev.pos in ("NOUN", "ADJ") and prev.text[:1].islower()

    def _is_seat(self, start: int, end: int) -> bool:
        """Whether the words start:end name a seat of power ("le Kremlin", "l'Élysée")."""
        words = fold(self.text[start:end]).split()
        while words and words[0] in ("le", "la", "l", "les"):
            words = words[1:]
        return bool(words) and " ".join(words) in self.seats

    def subject(self, v: int, inverted: bool = False):
        """Speaker of attribution verb v (see _subject_head), or None."""
        h = self._subject_head(v, inverted)
        return self.speaker(h) if h is not None else None

    def _subject_head(self, v: int, inverted: bool = False, depth: int = 0,
                      inherit: bool = True) -> int | None:
        """Head token of v's subject, or of a coordinated verb's, or (in an incise after a
        quote) of the subject placed after the verb."""
        toks = self.toks
        if not inverted and self._adjectival(v):
            return None  # "la baisse observée", "X, accusé de": not who spoke
        # An inverted clitic right after the verb is its subject ("précise-t-il"), however
        # the parser labels it.
        for after in [v] + [c for c in self.kids(v) if toks[c].dep.startswith("aux")]:
            for k in range(after + 1, min(after + 3, len(toks))):  # "a-t-il dit", "dit-il"
                if not toks[k].text.startswith("-"):
                    break
                pronoun = toks[k].text.lower().lstrip("-t").lstrip("-")
                if pronoun in self.w.PRONOUNS:
                    if pronoun == "on":  # "précise-t-on au ministère": the ministry
                        return self._on_at(k) or k
                    return k
        # "a-t-elle encore affirmé": the clitic written between the auxiliary and the verb,
        # wherever the parse hung the auxiliary
        k = v - 1
        while k > 0 and toks[k].pos == "ADV" and not toks[k].text.startswith("-"):
            k -= 1
        if k > 0 and toks[k].text.startswith("-") and toks[k - 1].pos in ("AUX", "PRON") and \
                toks[k].text.lower().lstrip("-t").lstrip("-") in self.w.PRONOUNS - {"on"}:
            return k
        # The parser sometimes hangs the subject on the auxiliary ("X, a quant à lui, noté").
        near = self.kids(v) + [g for c in self.kids(v) if toks[c].dep.startswith("aux")
                               for g in self.kids(c)]
        for c in sorted(near):
            # A "passive" subject on a verb with no passive auxiliary is a mislabelled
            # active subject ("X avait mis en cause").
            passive = toks[c].dep == "nsubj:pass" and not any(
                toks[x].dep == "aux:pass" for x in self.kids(v))
            if self.in_quote[c] or (toks[c].dep not in ("nsubj", "expl:subj") and not passive):
                continue
            if any(toks[x].dep == "case" and x < c for x in self.kids(c)) or \
                    self._medium_named_in_complement(c):
                # "Outre X, le patron du syndicat, Y, a protesté", "Dans le journal X,
                # Y se déclare": a noun after a preposition is no subject; the subject is
                # what the parse hung on it after the comma, a person first
                comma = next((x for x in range(c + 1, v) if toks[x].text == ","), None)
                after = sorted(x for x in self._subtree(c) if comma is not None and x > comma
                               and toks[x].pos in ("NOUN", "PROPN"))
                person = [x for x in after if any(s == toks[x].start for s, _ in self.per)]
                if person or after:
                    return person[0] if person else after[0]
                continue
            if toks[c].text.startswith("-"):  # "a-t-il": the pronoun is the "-il" token
                return next((k for k in range(c, min(c + 3, len(toks)))
                             if toks[k].text.lower().lstrip("-") in self.w.PRONOUNS), None)
            if self.feature(c, "PronType") == "Rel" and toks[v].dep == "acl:relcl":
                # "le Syndicat des artisans du bois qui dénonce": the parse hangs "qui" on
                # the nearest noun; who speaks is the head of the whole noun phrase
                h = toks[v].head
                while toks[h].pos in ("NOUN", "PROPN") and toks[h].dep == "nmod" and \
                        toks[toks[h].head].pos in ("NOUN", "PROPN") and toks[h].head < h \
                        and not self.in_quote[toks[h].head] and any(
                            toks[x].dep == "case" and toks[x].text.lower() in DETERMINERS
                            for x in self.kids(h)):  # a "de" complement, not a misparse
                    h = toks[h].head
                return h
            if toks[c].text.lower() in self.w.NOT_SPEAKERS:
                continue
            return c
        if inverted:
            k = self._inverted_head(v)
            if k is not None:
                return k
        else:
            k = self._name_before(v)
            if k is None and self._after_comma(v):
                # "Pourtant, a tenu à avertir M. Durand, « ... »": an inverted subject
                k = self._inverted_head(v)
            if k is not None:
                return k
        if inherit and depth < 3 and self.feature(v, "VerbForm") == "Part" and \
                self.feature(v, "Tense") == "Pres" and toks[v].dep != "ROOT":
            # "..., parlant de « ... »": a present participle's subject is the subject of
            # its sentence's main verb, wherever the parse hung the participle.
            root = v
            while toks[root].head != root and toks[root].dep != "ROOT":
                root = toks[root].head
            if root != v and toks[root].pos in ("VERB", "AUX"):
                return self._subject_head(root, False, depth + 1)
        # an infinitive the parse hung on a noun ("n'a pas oublié pendant son discours de
        # rappeler") takes the subject of the clause it stands in
        infinitive_acl = toks[v].dep == "acl" and self.feature(v, "VerbForm") == "Inf"
        if inherit and depth < 3 and (toks[v].dep in ("conj", "advcl", "xcomp")
                                      or infinitive_acl) and \
                toks[v].head != v and not self.in_quote[toks[v].head]:
            head = toks[v].head
            while infinitive_acl and toks[head].pos not in ("VERB", "AUX", "ADJ") and \
                    toks[head].head != head:
                head = toks[head].head
            if self.in_quote[head]:  # "Et le maire de conclure : « ... »": not the quote's
                return None
            if toks[head].pos in ("VERB", "AUX", "ADJ"):
                return self._subject_head(head, inverted, depth + 1)
        if inverted:
            for c in self.kids(v):
                if (c > v and not self.in_quote[c] and toks[c].pos in ("NOUN", "PROPN", "PRON")
                        and toks[c].dep in ("obj", "nsubj", "nsubj:pass", "appos", "dep",
                                            "iobj", "obl:arg", "nmod")
                        and toks[c].text.lower() not in self.w.NOT_SPEAKERS):
                    return c
            k = v + 1  # the parser attached the subject elsewhere: take the next noun
            while k < min(v + 8, len(toks)) and toks[k].pos in ("ADV", "PUNCT", "NOUN") and \
                    toks[k].dep in ("advmod", "punct", "obl:mod"):
                k += 1
            if k < len(toks) and toks[k].pos in ("DET", "NOUN", "PROPN") and not self.in_quote[k]:
                while k < len(toks) - 1 and toks[k].pos == "DET":
                    k += 1
                return k
        return None

    def _medium_named_in_complement(self, c: int) -> bool:
        """Whether the name at token c is a medium's, inside a complement: "dans une
        entretien au quotidien X, Y a dit" (the parse may make X the subject; the subject is
        Y, after the comma)."""
        toks, k = self.toks, c - 1
        while k >= 0 and toks[k].pos in ("DET", "ADJ"):
            k -= 1
        if k < 1 or toks[k].pos != "NOUN" or toks[k].lemma.lower() not in \
                self.w.MEDIA_DESCRIPTORS:
            return False
        return toks[k - 1].pos == "ADP" or toks[k - 1].text.lower() in \
            self.w.CONTRACTED_ARTICLES

    def _on_at(self, k: int) -> int | None:
        """Head of the place an impersonal "on" speaks from: "indique-t-on au ministère",
        "confirme-t-on à la mairie", "a-t-on appris de source policière" (an unnamed
        source), "assure-t-on dans l'entourage du ministre". None when "on" names no one."""
        toks, w = self.toks, self.w
        for j in range(k + 1, min(k + 6, len(toks))):
            low = toks[j].text.lower()
            if low in w.INCISE_SKIP or toks[j].pos == "ADV" or low == ",":
                continue
            if low in w.ON_AT:
                # the first noun after the preposition, read from the words: "dans
                # l'entourage de M. X" is the entourage, however the parse hangs it
                h = next((x for x in range(j + 1, min(j + 5, len(toks)))
                          if toks[x].pos in ("NOUN", "PROPN")), None)
                if h is None or (self.in_quote[h] and not self.in_quote[k]):
                    return None
                who = self.speaker(h)
                return h if who and who[0][3] in ("name", "role", "unnamed") else None
            return None
        return None

    def _inverted_head(self, v: int) -> int | None:
        """Head of the subject placed after verb v in an incise ("..., a souligné à la
        presse, mardi, le maire de Carnac"), read from the words, not the parse: the parser
        often hangs that subject on a preceding complement. Complements ("à la presse",
        "lors de la réunion") and time words are skipped; a new determiner, an honorific or
        a name after a complement starts the subject."""
        toks, w = self.toks, self.w
        in_pp = after_noun = in_time = False
        for k in range(v + 1, min(v + 14, len(toks))):
            t = toks[k]
            low = t.text.lower()
            if self.in_quote[k] or t.text in w.INCISE_STOPS:
                return None
            if t.text == ",":
                in_pp = after_noun = in_time = False
                continue
            if in_time:  # "ce week-end", split by the tokenizer: up to the next comma
                continue
            if low.lstrip("-") in w.PRONOUNS and t.text.startswith("-"):
                return k
            if t.pos in ("VERB", "AUX", "SCONJ", "CCONJ") and not (t.pos == "CCONJ" and in_pp):
                return None
            if low in w.INCISE_SKIP or t.pos == "ADV" or (t.pos == "NUM" and not in_pp):
                continue
            if t.pos == "ADP" or low in ("d'", "d’"):
                in_pp, after_noun = True, False
                continue
            named = any(s == t.start for s, _ in self.named) or low in w.HONORIFICS
            if named and toks[k - 1].lemma.lower() in getattr(w, "MEDIA_BEFORE_NAME", ()):
                continue  # "à la radio Europe Nord": the medium's name, in the complement
            if in_pp and after_noun and (named or t.pos == "DET"):
                in_pp = False  # "à la presse le ministre": a new noun phrase starts
            if in_pp:
                after_noun = after_noun or t.pos in ("NOUN", "PROPN")
                continue
            if t.pos == "DET":
                h = t.head if t.head > k else k + 1
                if h < len(toks) and toks[h].text.lower() in w.INCISE_SKIP | w.TIME_WORDS:
                    # "la semaine dernière", "ce jeudi": a time, not the subject
                    in_time = toks[k - 1].text == ","
                    continue
                return h if h < len(toks) and toks[h].pos in ("NOUN", "PROPN", "ADJ") else None
            if t.pos in ("NOUN", "PROPN"):
                return k
            return None
        return None

    def _after_comma(self, v: int) -> bool:
        """True when v's verb group (with the verbs it complements: "a tenu à avertir")
        follows a comma, as an incise does."""
        toks, top = self.toks, v
        while toks[top].dep == "xcomp" and toks[top].head < top:
            top = toks[top].head
        # its first auxiliary ("X a, quant à lui, remercié": "a"), then back over adverbs
        # written right before ("Pourtant, a tenu à avertir": the comma after the
        # fronted adverb is not an incise's)
        first = min([top] + [c for c in self.kids(top) if c < top
                             and toks[c].dep.startswith("aux")])
        while first > 0 and toks[first - 1].pos == "ADV" and toks[first - 1].head == top:
            first -= 1
        return first > 0 and toks[first - 1].text == ","

    def _name_before(self, v: int) -> int | None:
        """A name written right before v's verb group ("M. Durand a indiqué"), for a verb the
        parse left without a subject (often because it split the sentence after "M.")."""
        toks = self.toks
        first = min([v] + [c for c in self.kids(v) if c < v and (
            toks[c].dep.startswith("aux") or toks[c].dep == "advmod")])
        if first == 0 or self.in_quote[first - 1]:
            return None
        prev = toks[first - 1]
        if any(e == prev.start + len(prev.text) for s, e in self.named):
            return first - 1
        if prev.text == "," and first >= 2:  # "Jean Dupont, avait protesté"
            name = toks[first - 2]
            if any(e == name.start + len(name.text) for s, e in self.per):
                return first - 2
        return None

    def _inner_incise(self, opened: int, closed: int):
        """Speaker of an incise set between commas inside a quote (", a-t-il ajouté,",
        ", poursuit Jean Dupont,"): a reporting verb with its pronoun or a name, and
        nothing else, between two commas."""
        toks = self.toks
        # an incise ends with a comma, or with the sentence it closes inside the quote
        commas = [k for k in range(opened + 1, closed) if toks[k].text in (",", ".")]
        for c1, c2 in itertools.pairwise(commas):
            if toks[c1].text != ",":
                continue
            inside = range(c1 + 1, c2)
            if not 1 < len(inside) <= 9 or not any(
                    self._is_verb(k) or toks[k].text.lower() in verb_forms(self.w)
                    for k in inside):
                continue
            for k in inside:
                low = toks[k].text.lower()
                if toks[k].text.startswith("-") and low.lstrip("-t").lstrip("-") in \
                        self.w.PRONOUNS:
                    at = self._on_at(k) if low.endswith("on") else None
                    who = self.speaker(at if at is not None else k)
                    cut = toks[c2].start  # the incise ends at its comma
                    if who and who[0][2] > cut:
                        words = self.text[who[0][1]:cut].rstrip(SPACES + ",")
                        who = ((words, who[0][1], who[0][1] + len(words), who[0][3]),
                               *who[1:])
                    return who
            names = [k for k in inside if any(s <= toks[k].start < e for s, e in self.per)]
            if names:
                return self.speaker(names[0])
        return None

    def _colon_subject(self, a: int, colon: int):
        """Speaker of the clause tokens a..colon end: the subject of its last verb, or
        failing a verb the parse can use, the person named at the head of the clause
        ("Jeanne Durand, infirmière, est plus prudente : « ... »")."""
        for k in range(colon - 1, a - 1, -1):
            if self.toks[k].pos == "VERB" and not self.in_quote[k]:
                who = self.subject(k)
                # "le pire est à venir :" is no one; "le praticien a expliqué :" is someone
                if who and (who[0][3] != "described" or self._is_verb(k)):
                    return who
                break
        return self._opening_person(a, colon)

    def _opening_person(self, a: int, end: int):
        """The person named first in tokens a..end when the name opens the clause (after
        a determiner, a conjunction or an honorific), as (speaker, gender, number)."""
        if a >= end:
            return None
        start = self.toks[a].start
        limit = self.toks[end].start if end < len(self.toks) else len(self.text)
        for s, e in self.per:
            if start <= s < limit:
                k = self._tok(s)
                lead = [self.toks[x] for x in range(a, k)]
                if len(lead) <= 2 and all(
                        t.pos in ("DET", "CCONJ", "PUNCT")
                        or t.text.lower() in self.w.HONORIFICS for t in lead):
                    first = self.toks[a].start if lead and lead[-1].text.lower() in \
                        self.w.HONORIFICS else s
                    return (self.text[first:e], first, e, "name"), "", "Sing"
                return None
        return None

    def _is_verb(self, k: int) -> bool:
        t = self.toks[k]
        # The lemmatiser misses some forms ("estime" -> "estime"): the table's forms catch them.
        if t.pos == "VERB":
            if k + 1 < len(self.toks) and \
                    (t.lemma, self.toks[k + 1].text.lower()) in self.w.VERB_PHRASES:
                return True  # "a fait part de son inquiétude"
            return t.lemma in self.w.VERBS or t.text.lower() in verb_forms(self.w)
        # A reporting verb's form followed by an inverted pronoun ("précise-t-il") is a
        # verb, whatever the tagger says ("précise" is also an adjective).
        nxt = self.toks[k + 1].text.lower() if k + 1 < len(self.toks) else ""
        return nxt.startswith("-") and nxt.lstrip("-t").lstrip("-") in self.w.PRONOUNS and \
            t.text.lower() in verb_forms(self.w)

    def _adjectival(self, k: int) -> bool:
        """Whether verb k is a past participle hung on a noun with no auxiliary ("la baisse
        observée", "le caissier, accusé d'avoir ...", "les propos cités"): the noun is what
        was observed or accused, not who spoke; the sentence may still report words whose
        speaker it does not name ("qualifiés de « ... »")."""
        return (self.toks[k].dep in ("acl", "amod") and self.feature(k, "VerbForm") == "Part"
                and self.feature(k, "Tense") == "Past"
                and not any(self.toks[c].dep.startswith("aux") for c in self.kids(k)))

    def _cue_speaker(self, a: int, b: int):
        """Speaker from "selon X", "d'après X", "aux yeux de X", sentence-initial "pour X,"."""
        for k in range(a, b):
            if self.in_quote[k]:
                continue
            h = self._cue_object(k, a)
            if h is not None:
                return self.speaker(h), k
        return None, None

    def _cue_object(self, k: int, sentence_start: int) -> int | None:
        """Head of X when token k starts a speaker cue, else None."""
        toks, low = self.toks, self.toks[k].text.lower()
        nxt = k + 1 if k + 1 < len(toks) else None
        if nxt is None:
            return None
        if low in self.w.ACCORDING_TO:
            if low == "après" and not (k and toks[k - 1].text.lower() in ("d'", "d’")):
                return None
            h = self._object_after(k)
            if h is None or self._np_text(h).lower() in self.w.SAME_SOURCE or \
                    "même source" in self._np_text(h).lower() or self.criterion(h, k):
                return None  # "selon leur taille": a criterion, no one speaking
            return h
        first = k == sentence_start or (k == sentence_start + 1 and toks[sentence_start].pos
                                        in ("CCONJ", "ADV"))
        if low == "pour" and first:
            h = self._object_after(k)
            if h is None or toks[h].lemma.lower() in self.w.POUR_IDIOMS:
                return None
            j = self.np(h)[1]
            if j >= len(toks) or toks[j].text != ",":
                return None
            t = toks[h]
            ok = (t.pos == "PROPN" or t.text.lower() in ("lui", "elle", "eux", "elles")
                  or t.lemma.lower() in self.w.SPEAKER_NOUNS
                  or any(s <= t.start < e for s, e in self.named))
            return h if ok else None
        if low == "aux" and toks[nxt].text.lower() == "yeux" and first:
            return self._object_after(nxt + 1)
        return None

    def _object_after(self, k: int) -> int | None:
        """The noun governed by preposition k ("selon l'Élysée" -> Élysée)."""
        t = self.toks[k]
        if t.dep == "case" and t.head > k:
            return t.head
        for j in range(k + 1, min(k + 6, len(self.toks))):
            if self.toks[j].pos in ("NOUN", "PROPN", "PRON"):
                return j
        return None

    def _np_text(self, h: int) -> str:
        i, j = self.np(h)
        return self.text[self.toks[i].start:self._end(j - 1)]

    def _media(self, h: int) -> str:
        """The relay's name: "l'agence de presse russe Interfax" -> "Interfax". A name
        heads its own phrase: what the parse hangs on it past its words ("selon Le Journal
        d'importants bonus", where the bonuses are the clause's object) is not the relay."""
        i, j = self.np(h)
        if self.toks[h].pos == "PROPN":
            end = h + 1
            while end < j and self.toks[end].head in range(h, end) and (
                    self.toks[end].dep.startswith("flat") or self.toks[end].pos == "PROPN"):
                end += 1
            j = end
        # "le journal X" -> "journal X"; but a capital article inside the sentence is the
        # name's own ("selon Le Journal")
        while i < j - 1 and self.toks[i].text.lower() in DETERMINERS and not (
                self.toks[i].text[:1].isupper() and self.toks[i + 1].pos == "PROPN"
                and self.unit(self.toks[i].start)[0] < self.toks[i].start):
            i += 1
        k = j
        while k > i and self.toks[k - 1].text[:1].isupper():
            k -= 1
        described = any(self.toks[x].text.lower() in self.w.MEDIA_DESCRIPTORS
                         for x in range(i, k))
        if described and k < j:
            i = k
        return self.text[self.toks[i].start:self._end(j - 1)]

    def via(self, a: int, b: int, speaker_start: int | None,
            reported: tuple[int, int] | None = None) -> str | None:
        """The relay named in tokens a..b, other than the speaker itself. `reported`, the
        offsets of a reported clause, holds no relay of it: "qu'en 2005 ses contrats
        avaient rapporté gros" is what was said, not who passed it on."""
        toks = self.toks
        for k in range(a, b):
            if self.in_quote[k] or (reported and reported[0] <= toks[k].start < reported[1]):
                continue
            low = toks[k].text.lower()
            h = None
            if low in self.w.ACCORDING_TO:
                if low == "après" and not (k and toks[k - 1].text.lower() in ("d'", "d’")):
                    continue
                if self._in_relative(k):
                    continue  # "Le trader, qui a touché selon X des primes, dit ...": X
                    # tells of the primes, it does not relay what the trader says
                h = self._object_after(k)
                if h is not None and "source" in self._np_text(h).lower() and (
                        "même" in self._np_text(h).lower() or "cette" in self._np_text(h).lower()):
                    return SAME
            elif toks[k].pos == "VERB" and toks[k].lemma in self.w.RELAY_VERBS:
                # A relay's own subject, never the speaker of the verb it hangs on.
                h = self._subject_head(k, inverted=True, inherit=False)
                # "X publiera « bientôt » un calendrier, a dit Y": a verb with its subject
                # before it and no reported clause ("X rapporte que ...") passes nothing on
                if h is not None and h < k and not any(
                        toks[m].text.lower() in ("que", "qu'", "qu’")
                        for m in range(k + 1, min(k + 4, b))):
                    continue
            elif low in self.w.CITED_BY and k + 1 < len(toks) and toks[k + 1].text == "par":
                h = self._object_after(k + 1)
            # "le projet, selon lui, « ne tient pas »": a pronoun names the speaker, or someone
            # named before; shown as a relay it tells the reader nothing
            if h is None or toks[h].pos == "PRON" or not self._relay_source(h, k):
                continue
            start = toks[self.np(h)[0]].start
            if speaker_start is not None and start <= speaker_start < self._end(self.np(h)[1] - 1):
                continue
            return self._media(h)
        return None

    def _in_relative(self, k: int, limit: int = 8) -> bool:
        """Whether token k stands in a relative clause (the parse's "acl:relcl" on its way
        up to the root)."""
        x = k
        for _ in range(limit):
            head = self.toks[x].head
            if self.toks[x].dep == "acl:relcl":
                return True
            if not 0 <= head < len(self.toks) or head == x:
                return False
            x = head
        return False

    def _relay_source(self, h: int, k: int) -> bool:
        """Whether the noun phrase headed by h can pass words on: a person, a body, a
        medium ("la radio locale") or an unnamed source. A thing ("selon les
        cas", "ce lundi", "l'ordre des choses"), a criterion ("selon leur taille")
        or a phrase the parse cut at a pronoun ("les propos de celle") is none."""
        i, j = self.np(h)
        if self.toks[j - 1].pos == "PRON" and j - 1 > h:
            return False
        if self.toks[k].text.lower() in self.w.ACCORDING_TO and self.criterion(h, k):
            return False
        t = self.toks[h]
        if t.text.lower() in self.w.MEDIA_DESCRIPTORS or t.lemma.lower() in \
                self.w.MEDIA_DESCRIPTORS:
            return True
        who = self.speaker(h)
        if who is None or who[0][3] not in ("name", "role", "unnamed"):
            return False
        # "des contrats ont rapporté": an indefinite thing is no unnamed source
        persons = self.w.SPEAKER_NOUNS | self.w.ROLE_NOUNS | self.w.UNNAMED_SOURCES | \
            self.w.DESCRIPTIONS
        return who[0][3] != "unnamed" or bool({t.text.lower(), t.lemma.lower()} & persons)

    def criterion(self, h: int, k: int) -> bool:
        """Whether the noun h after "selon" (token k) is a criterion, not a source: "selon
        les cas" (the table's `CRITERION_NOUNS`), or "ranger les colis selon leur
        taille": a possessive and a noun that names no one, with "selon" inside the
        clause (a source opens the sentence or follows a comma: "Selon son adjointe,")."""
        w, t = self.w, self.toks[h]
        low, lemma = t.text.lower(), t.lemma.lower()
        if {low, lemma} & getattr(w, "CRITERION_NOUNS", frozenset()):
            return True
        a = self._tok_from(self.unit(self.toks[k].start)[0]) if self.units else 0
        first = k - 1 if k and self.toks[k].text.lower() == "après" else k
        if t.pos != "NOUN" or not t.text[:1].islower() or first <= a or \
                self.toks[first - 1].text in (",", "(", ";", ":", "-", "–"):
            return False
        persons = w.SPEAKER_NOUNS | w.ROLE_NOUNS | w.UNNAMED_SOURCES | w.DESCRIPTIONS | \
            w.MEDIA_DESCRIPTORS | w.DOCUMENT_NOUNS | w.SPEECH_NOUNS
        lead = [x for x in range(max(h - 3, 0), h) if self.toks[x].text.lower()
                in getattr(w, "POSSESSIVES", frozenset())]
        return bool(lead) and not ({low, lemma} & persons) and low not in self.demonyms

    def citing(self, v: int | None, a: int, b: int):
        """"..., a déclaré X, citant (les propos de) Y": Y, or None."""
        for k in range(a, b):
            if self.in_quote[k] or self.toks[k].text.lower() not in self.w.CITING:
                continue
            if v is not None and k < v:
                continue
            h = self._object_after(k)
            if h is None:
                continue
            if self.toks[h].lemma.lower() in self.w.SPEECH_NOUNS:
                of = [c for c in self.kids(h) if self.toks[c].dep == "nmod"]
                if of:
                    h = of[0]
            return self.speaker(h)
        return None

    def role_holder(self, who: tuple[str, int, int, str], written: str | None = None
                    ) -> tuple[str, int, int, str] | None:
        """The one person the article names with this role or nationality: "le Belge"
        -> the name written right after "le Belge" or "belge" ("le coureur belge Jean
        Dupont"), "la ministre de la Culture" -> the name after that role or before it
        behind a comma ("Marie Durand, la ministre de la Culture"). None when no one, or
        more than one person, answers to it. `written` is the text who's offsets point
        into (the title), the article's text by default.

        Only the narration ties a role to a name: a role or a name inside quoted words
        (someone's comparison, "comme l'avait fait le ministre X") holds nothing, and a
        former or future holder ("l'ancien ministre X", "l'ex-président X") answers only
        to a role written as former or future too."""
        words = re.sub(r"^(?:" + "|".join(map(re.escape, self.w.ROLE_DETERMINERS)) + r")\s*",
                       "", who[0].strip(), flags=re.I)
        # "l'ancien ministre": the role is "ministre", asked of a former holder
        text = self.text if written is None else written
        past = who[1] >= 0 and self._not_current(text, who[1])
        lead = re.match(r"(\w+)(?:[-‑]|\s+)", words)
        while lead and lead.group(1).lower() in self.w.NOT_CURRENT:
            words, past = words[lead.end():], True
            lead = re.match(r"(\w+)(?:[-‑]|\s+)", words)
        if len(words) < 3:
            return None
        org = None if past else self._organisation_named(words)
        if org is not None:
            return org
        first = words.split()[0].lower()
        # "le ministre de la Défense" is also "le ministre colombien de la Défense": one
        # qualifying word may stand after the role's head noun
        forms = {words}
        parts = words.split()
        if len(parts) > 1:
            forms.add(parts[0] + r" \w+ " + " ".join(parts[1:]))
        if first in self.demonyms and len(words.split()) == 1:
            base = self.demonyms[first]
            forms |= {f for f, b in self.demonyms.items() if b == base}
        pattern = re.compile(r"\b(?:" + "|".join(
            re.escape(f).replace(re.escape(r" \w+ "), r" \w+ ") for f in sorted(forms))
            + r")\b", re.I)
        by_start = {m.start: m for m in self.a.mentions if m.label == "PER"
                    and not self.in_quote[self._tok(m.start)]}
        opening = {pos for pos, *_ in self.opening_names()}
        found = {}
        for occ in pattern.finditer(self.text):
            glued = re.search(r"(\w+)[-‑]$", self.text[max(0, occ.start() - 30):occ.start()])
            if self.in_quote[self._tok(occ.start())] or (
                    glued and glued.group(1).lower() not in self.w.NOT_CURRENT):
                continue  # quoted words, or another word ("vice-président")
            if self._not_current(self.text, occ.start()) != past:
                continue
            after = _APPOSED.match(self.text, occ.end())
            m = by_start.get(after.end()) if after else None
            if m is None:  # "l'ex-otage franco-colombienne Jeanne Durand": one adjective
                adjective = _ADJECTIVE_THEN_NAME.match(self.text, occ.end())
                m = by_start.get(adjective.end()) if adjective else None
            if m is None:
                # "Jean Dupont, le ministre, a dit": the name before, the role apposed, when
                # a comma closes the role or the name opens the sentence (else the role may
                # be the subject of the next verb: "Avec X, la ministre a dit")
                closed = re.match(r"\s*[,;.)]", self.text[occ.end():occ.end() + 3])
                m = next((m for m in by_start.values() if re.fullmatch(
                    r",\s*(?:l['’]|le |la )?", self.text[m.end:occ.start()], re.I)
                    and (closed or m.start in opening)), None)
            if m is not None and m.text.split():
                found.setdefault(m.text.split()[-1], []).append(m)
        if len(found) != 1:
            return None
        m = max(next(iter(found.values())), key=lambda m: len(m.text))
        return (m.text, m.start, m.end, "name")

    def _not_current(self, text: str, start: int) -> bool:
        """Whether the role written at `start` names a former or future holder: one of
        the table's words between its determiner and it ("l'ancien grand champion",
        "l'ex-président"), right before the determiner ("son prédécesseur, le ministre
        X"), or, with no determiner, right before the role ("X, alors ministre")."""
        lead = [p for p in re.split(r"[\s'’‑,;()-]+", text[max(0, start - 40):start].lower())
                if p][-3:]
        det = [n for n, p in enumerate(lead) if p in DETERMINERS | {"l", "son", "sa", "ses"}]
        lead = lead[max(det[-1] - 1, 0):] if det else lead[-1:]
        return any(p in self.w.NOT_CURRENT for p in lead)

    def _organisation_named(self, words: str) -> tuple[str, int, int, str] | None:
        """"la banque", "l'association", "la commission": a bare noun that heads the name
        of one organisation the article names ("l'Association des usagers ...") stands for
        it. None when the noun heads no such name, or more than one."""
        if " " in words.strip() or words.lower() not in self.org_nouns:
            return None
        noun = fold(words)
        names = {}
        for m in self.a.mentions:
            if m.label == "ORG" and fold(m.text).split()[:1] == [noun] and \
                    len(m.text.split()) > 1:
                names.setdefault(fold(m.text), m)
        if len(names) != 1:
            return None
        m = next(iter(names.values()))
        if not self._subject_organisation(m.text):
            return None
        # "la commission des finances" written elsewhere, not recognised as a name, is another
        # organisation the noun may stand for: then it stands for none
        name = fold(m.text)
        for occ in re.finditer(r"\b" + re.escape(words) + r"\s+(?:de|des|du|d['’])\s+\w+",
                               self.text, re.I):
            if not name.startswith(fold(occ.group())) and not fold(occ.group()).startswith(name):
                return None
        return (m.text, m.start, m.end, "name")

    def _subject_organisation(self, name: str) -> bool:
        """Whether the organisation `name` is one the article is about: no other one is
        named more often. An article about one bank that names another bank once does not
        call that other one "la banque". Mentions count with the acronym the article spells
        out for the name; a body named inside it ("la Caisse X" in "l'Inspection de la
        Caisse X") is its parent, not a rival."""
        key = fold(name)
        small = getattr(self.w, "ACRONYM_SKIP", frozenset())
        parts = [p.lower() for p in re.split(r"[ \u00a0'’-]+", name) if p]
        own = {fold(a) for a in self.acronyms
               if _initials(parts, a.lower(), small, whole=False)}
        counts: dict[str, int] = {}
        for m in self.a.mentions:
            if m.label != "ORG":
                continue
            k = fold(m.text)
            k = key if k in own else k
            if k != key and f" {k} " in f" {key} ":
                continue  # the parent body named within the name
            counts[k] = counts.get(k, 0) + 1
        mine = counts.get(key, 0)
        return all(n <= mine for n in counts.values())

    def recurring(self, words: str) -> bool:
        """Whether a description is how the article keeps naming someone: written, with
        its determiner, at least three times ("le grand maître", "le pape")."""
        words = words.strip()
        if len(words.split()) > 4:
            return False
        return len(re.findall(r"\b" + re.escape(words) + r"\b", self.text, re.I)) >= 3

    def organisation_noun(self, words: str) -> bool:
        """Whether a speaker's words are a common noun for a body ("l'armée", "le
        gouvernement colombien"), not a person."""
        parts = [p for p in re.split(r"[\s'’]+", words.lower()) if p]
        while parts and parts[0] in DETERMINERS | {"l"}:
            parts.pop(0)
        return bool(parts) and parts[0] in self.org_nouns

    def anaphoric(self, words: str) -> bool:
        """Whether a speaker's words are a definite description that refers back to
        someone ("l'ex-otage", "la quinquagénaire"): a determiner and one
        noun, with no complement that would make it an office."""
        parts = [p for p in re.split(r"[\s'’]+", words.lower()) if p]
        if len(parts) != 2 or parts[0] not in ("le", "la", "l"):
            return False
        return parts[1] in self.w.DESCRIPTIONS

    def named_people(self) -> list[tuple[int, tuple[str, int, int, str], str, str]]:
        """Every person named outside quotes, the weakest antecedents of a pronoun."""
        return [(m.start, (m.text, m.start, m.end, "name"), "", "Sing")
                for m in self.a.mentions if m.label == "PER" and m.start < len(self.text)
                and not self.in_quote[self._tok(m.start)]]

    def opening_names(self) -> list[tuple[int, tuple[str, int, int, str], str, str]]:
        """People named at the start of a sentence, outside quotes: in news prose the subject
        of that sentence, hence an antecedent for a later "il" or "elle" even where the
        parse lost the subject."""
        out = []
        for m in self.a.mentions:
            if m.label != "PER" or m.start >= len(self.text):
                continue
            k = self._tok(m.start)
            if self.in_quote[k]:
                continue
            if verb_taken_for_a_name(m.text, self.toks[m.token_start:m.token_end]):
                continue
            a = self._tok_from(self.unit(m.start)[0])
            lead = [self.toks[x] for x in range(a, k)]
            if all(t.pos in ("DET", "CCONJ", "PUNCT") or t.text.lower() in self.w.HONORIFICS
                   for t in lead) and len(lead) <= 2:
                start = self.toks[a].start if lead and lead[-1].text.lower() in \
                    self.w.HONORIFICS else m.start
                out.append((m.start, (self.text[start:m.end], start, m.end, "name"), "", "Sing"))
        return out

    def subjects(self) -> list[tuple[int, tuple[str, int, int, str], str, str]]:
        """Named or role subjects of any verb, as antecedents for later pronouns."""
        out = []
        for k, t in enumerate(self.toks):
            if t.dep != "nsubj" or self.in_quote[k] or t.pos == "PRON" or \
                    self.toks[t.head].lemma in self.w.RELAY_VERBS:
                continue
            per = any(s <= t.start < e for s, e in self.per)
            if per or t.pos == "NOUN":
                who = self.speaker(k)
                # someone described ("la gagnante du concours") is an antecedent too: a
                # pronoun after it stays unnamed rather than skip to another person
                # (a thing is described too: only the subject of a reporting verb is
                # taken for someone: "le praticien a expliqué", not "le chantier durera")
                if who and (per or t.lemma.lower() in self.w.SPEAKER_NOUNS
                            or (who[0][3] == "described" and self._is_verb(t.head))):
                    # A common noun's gender is grammar ("le gouvernement"); a proper
                    # noun's is the tagger's guess, so it is left out.
                    gender = who[1] if t.pos == "NOUN" else ""
                    out.append((t.start, who[0], gender, who[2]))
        for k, t in enumerate(self.toks):
            # "..., Jean Dupont avait évoqué": a verb the parse left without its subject
            # has the name written right before it
            if t.pos != "VERB" or self.in_quote[k] or t.dep not in ("ROOT", "conj") or any(
                    self.toks[c].dep.startswith("nsubj") for c in self.kids(k)):
                continue
            n = k - 1  # back over the verb group: auxiliaries, adverbs, negation
            while n > 0 and (self.toks[n].pos in ("AUX", "ADV") or
                             self.toks[n].text.lower() in ("ne", "n'", "n’")):
                n -= 1
            m = next(((s, e) for s, e in self.per if e == self._end(n)), None)
            if n >= 0 and m is not None and not self.in_quote[n]:
                out.append((m[0], (self.text[m[0]:m[1]], m[0], m[1], "name"), "", "Sing"))
        return out


_SPELLED = re.compile(r"([A-ZÀ-Ý][\w’'-]*(?:[ \u00a0]+[\w’'-]+){1,10}?)"
                      r"[ \u00a0]*\(([A-Z][A-Za-z]{1,9})\)"
                      r"|\b([A-Z][A-Za-z]{1,9})[ \u00a0]*\(([A-ZÀ-Ý][^()\n]{4,100})\)")


def _acronyms(text: str, words: ModuleType) -> frozenset[str]:
    """Acronyms the text spells out in parentheses, either way round: "l'Agence nationale
    pour l'emploi (ANPE)" or "l'Anpe (Agence nationale pour l'emploi)". An acronym whose
    letters are the initials of the words it stands for (small words may be skipped)
    names a body, even where the recogniser took it for a place."""
    found = set()
    small = getattr(words, "ACRONYM_SKIP", frozenset())
    for m in _SPELLED.finditer(text):
        before = bool(m.group(2))  # the name written before the acronym ends right at it
        name, acronym = (m.group(1), m.group(2)) if before else (m.group(4), m.group(3))
        parts = [p.lower() for p in re.split(r"[ \u00a0'’-]+", name) if p]
        starts = range(len(parts)) if before else [0]
        if any(_initials(parts[s:], acronym.lower(), small, whole=before) for s in starts):
            found.add(acronym)
    return frozenset(found)


def _initials(parts: list[str], letters: str, small: frozenset[str], whole: bool) -> bool:
    """Whether `letters` are the initials of `parts` in order, each small word giving its
    initial or none; with `whole`, every word must be used."""
    if not letters:
        return not whole or all(p in small for p in parts)
    if not parts:
        return False
    head, rest = parts[0], parts[1:]
    if head[0] == letters[0] and _initials(rest, letters[1:], small, whole):
        return True
    return head in small and _initials(rest, letters, small, whole)


@functools.cache
def verb_forms(words: ModuleType) -> frozenset[str]:
    """Conjugated forms of the attribution verbs (a headline is not parsed, and the tagger
    misreads some forms: "juge" as a noun)."""
    forms = set()
    for lemma in words.VERBS:
        if lemma.endswith("er"):
            stem = lemma[:-2]
            forms |= {stem + "e", stem + "ent", stem + "é"}
    for extra in words.IRREGULAR_FORMS.values():
        forms |= set(extra)
    return frozenset(forms)


@functools.cache
def _vocab() -> Vocab:
    from spacy.vocab import Vocab
    return Vocab()


def rebuild(annotated: AnnotatedArticle) -> SpacyDoc:
    """The article's parse as a spaCy Doc, from the tokens the annotate stage copied."""
    from spacy.tokens import Doc as SpacyDoc
    toks = annotated.tokens
    if not toks:
        return SpacyDoc(_vocab(), words=[])
    return SpacyDoc(_vocab(), words=[t.text for t in toks], spaces=[t.space for t in toks],
                    heads=[t.head for t in toks], deps=[t.dep or "dep" for t in toks],
                    pos=[t.pos or "X" for t in toks], lemmas=[t.lemma for t in toks],
                    morphs=[t.morph for t in toks])


def verb_taken_for_a_name(text: str, tokens: Sequence[Token]) -> bool:
    """Is a mention of one word a verb the recogniser took for a name ("Contemplant la mer,
    il ...": an opening participle; a quoted infinitive)? Then it names no one: it is no
    antecedent (here) and no entity (`crosscheck.canon`)."""
    words = [t for t in tokens if t.pos not in ("PUNCT", "SPACE")]
    return (len(text.split()) == 1 and bool(words)
            and all(t.pos in ("VERB", "AUX") for t in words))
