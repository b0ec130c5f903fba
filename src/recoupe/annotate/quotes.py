"""AnnotatedArticle -> tuple[Quote, ...]: what the article says who said, and who relayed it.

In: one `AnnotatedArticle` (its text and title, sentences, tokens with their dependency
parse, NER mentions). Nothing here runs the language model: the parse copied by the
annotate stage is all it reads, so it costs a few milliseconds per article.
Out: the article's quotes, in text order, ids "<article id>:q<n>":
  - "direct": a quoted utterance (« ... », “ ... ”, "...", possibly over several sentences,
    possibly holding nested quotes) that starts a sentence or follows a colon;
  - "partial": a quoted phrase inside reported speech ("a souligné que l'amitié avait des
    « racines profondes »"); a quoted phrase with no attribution in its sentence is a scare
    quote or a title and is not a quote;
  - "indirect": the clause reported by an attribution verb ("X a affirmé que <clause>") or
    by "selon X, <clause>".
Each quote carries its speaker as written (the whole noun phrase: "le ministre de l'Agriculture
Paul Verdier"), its offsets, its kind ("name", "role", "pronoun"), and `via`, the source the
outlet says it relays ("ANSA" in "comme l'a rapporté l'agence de presse ANSA"). A pronoun is
replaced by the most recent earlier speaker or subject that agrees with it, and a quote with
no attribution of its own inherits the speaker of the quote just before it (or, for a
crosshead, the one just after).

Quotes found in the title (a headline such as `X : « ... »` or `« ... », affirme X`) come
first, with sentence = -1 and `start`/`end` offsets into `Article.title`, not into the text;
their speaker offsets are into the title too, or None when the headline names nobody and
the speaker was taken from the body quote that the headline repeats.
Language-specific words come from `recoupe.lang.<code>.attribution` (French by default).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from types import ModuleType

from spacy.tokens import Doc as SpacyDoc
from spacy.vocab import Vocab

from .. import lang
from ..model import AnnotatedArticle, Quote

_OPENERS = "«“„"
_MARK = re.compile(r'[«“„"»]')
_SPACES = " \t\u00a0\u202f\u2009"
_SENTENCE_END = ".!?…"
_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"}
_NP_STOP = {"acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "cop", "aux",
            "aux:tense", "aux:pass", "nsubj", "obj", "mark", "dislocated", "vocative"}
_SAME = "\0same source"  # placeholder for "selon la même source", resolved in text order
_APPOSED = re.compile(r"(?:\s*\([^()\n]{1,80}\))?\s*,\s*|[ \u00a0]")  # "role (…), Name"


@dataclass
class _Span:
    """One quoted stretch: marks at [open, close), words at [start, end)."""

    open: int
    close: int
    start: int
    end: int


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    sentence: int
    speaker: tuple[str, int, int, str] | None = None  # text, start, end, kind
    gender: str = ""  # of a pronoun speaker, to agree with its antecedent
    number: str = ""
    via: str | None = None
    whole: bool = False  # a whole sentence in quotes: may continue the previous quote
    crosshead: bool = False  # a paragraph that is only a quote: introduces what follows
    paragraph: int = 0


def find_quotes(annotated: AnnotatedArticle, parsed: SpacyDoc | None = None
                ) -> tuple[Quote, ...]:
    """AnnotatedArticle (+ its spaCy Doc) -> Quotes (title first, then body in text order).

    `parsed` is the Doc the annotate stage parsed the text into; without it (an article
    annotated earlier, a test), one is rebuilt from the article's copied tokens."""
    words = lang.table(annotated.language or "fr", "attribution") or lang.table("fr",
                                                                                "attribution")
    doc = _Doc(annotated, words, parsed if parsed is not None else _rebuild(annotated))
    found = doc.quoted() + doc.indirect()
    found.sort(key=lambda f: (f.start, f.end))
    _resolve(doc, found)
    title = _title_quotes(annotated.article.title or "", words, found, doc.text)
    for f in title:
        if f.speaker and f.speaker[3] == "role":
            held = doc.role_holder(f.speaker)  # "l'avocate du trader" named in the body
            f.speaker = (held[0], -1, -1, "name") if held else f.speaker
    aid = annotated.article.id
    out = []
    for n, f in enumerate(title + found):
        text = (annotated.article.title if f.sentence < 0 else annotated.article.text) or ""
        sp = f.speaker
        out.append(Quote(
            id=f"{aid}:q{n}", text=text[f.start:f.end], kind=f.kind, article=aid,
            sentence=f.sentence, start=f.start, end=f.end,
            # An unnamed source keeps its description as offsets and kind, not as a name.
            speaker=sp[0] if sp and sp[3] != "unnamed" else None,
            speaker_start=sp[1] if sp and sp[1] >= 0 else None,
            speaker_end=sp[2] if sp and sp[1] >= 0 else None,
            speaker_kind=sp[3] if sp else None,
            via=f.via if f.via != _SAME else None))
    return tuple(out)


def _quoted_spans(text: str) -> list[_Span]:
    """Pair quote marks within each line; an unclosed quote ends with its paragraph."""
    spans: list[_Span] = []
    i, n = 0, len(text)
    while i < n:
        mark = _MARK.search(text, i)  # jump to the next quote mark: most text has none
        if mark is None:
            break
        i = mark.start()
        c = text[i]
        prev = text[i - 1] if i else " "
        opens = (c in _OPENERS or (c == '"' and not prev.isalnum())
                 # a reversed mark glued to the next word opens: "qu' »elle"
                 or (c == "»" and i + 1 < n and text[i + 1].isalpha() and not prev.isalnum()))
        if not opens:
            i += 1
            continue
        j = _closing(text, i + 1, c)
        line_end = text.find("\n", i)
        line_end = n if line_end < 0 else line_end
        if j is None:
            close, inner_end = line_end, line_end
        else:
            close, inner_end = j + 1, j
        start = i + 1
        while start < inner_end and text[start] in _SPACES:
            start += 1
        while inner_end > start and text[inner_end - 1] in _SPACES:
            inner_end -= 1
        if inner_end > start:
            spans.append(_Span(i, close, start, inner_end))
        i = close
    return spans


def _closing(text: str, k: int, opener: str) -> int | None:
    """Offset of the mark closing `opener`, or None if the line ends first."""
    n = len(text)
    while k < n and text[k] != "\n":
        c = text[k]
        if opener in "«»":
            if c == "»":
                return k
            # A "«" standing where a closing mark belongs (followed by punctuation or the
            # end of the line) is a mis-typed closer, common in copied text.
            if c == "«" and re.match(r"[ \u00a0\u202f]*([,.;:!?)]|\n|$)", text[k + 1:k + 4]):
                return k
        elif opener in "“„":
            if c in "”" or (opener == "„" and c == "“"):
                return k
        elif c == '"':
            return k
        k += 1
    return None


class _Doc:
    """The article's text and parse, with the lookups every rule needs."""

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
        self.spans = _quoted_spans(self.text)
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
        self.places = [(m.start, m.end) for m in annotated.mentions if m.label == "LOC"]
        self.surnames = {m.text.split()[-1] for m in annotated.mentions
                         if m.label == "PER" and len(m.text.split()) > 1}
        nat = lang.table(annotated.language or "fr", "nationalities")
        self.demonyms: dict[str, str] = nat.forms() if nat else {}

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
            # "le responsable syndical sur une radio": where or when he spoke, not who
            if self.toks[k].text.lower() in self.w.NP_CUT and self.toks[k].pos == "ADP":
                j = k
                break
        if j - i > 20:  # a runaway parse: keep the head and what follows up to a comma
            i = h
            j = next((k for k in range(h, j) if self.toks[k].text == ","), j)
        while i < j - 1 and (self.toks[i].pos in ("ADP", "PUNCT", "CCONJ")
                             or self.toks[i].text.lower() in ("d'", "d’")):
            i += 1
        while j - 1 > i and self.toks[j - 1].pos == "PUNCT" and self.toks[j - 1].text != ")":
            j -= 1
        return i, j

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
        elif t.pos == "PRON" and not in_name and not (t.text[:1].isupper()
                                                    and low not in self.w.PRONOUNS):
            # (A capitalised "pronoun" that is no pronoun is a name the tagger missed.)
            if low not in self.w.PRONOUNS:
                return None
            start = t.start + (len(t.text) - len(low))
            return ((low, start, start + len(low), "pronoun"),
                    self.feature(h, "Gender"), self.feature(h, "Number"))
        i, j = self.np(h)
        start, end = self.toks[i].start, self._end(j - 1)
        for s, e in self.per:  # a name the parse cut ("Lee Jae-" + "myung") is kept whole
            if s < end and start < e:
                start, end = min(start, s), max(end, e)
        words = self.text[start:end]
        if words.count("(") > words.count(")"):  # the parse stopped inside a parenthesis
            end = start + len(words[:words.rindex("(")].rstrip(_SPACES + ","))
        kind = self._speaker_kind(h, i, j, start, end)
        if kind is None:
            return None
        if kind in ("role", "name") and not any(s < end and start < e for s, e in self.per):
            # "le secrétaire général du syndicat (…), Jean Dupont": the name in apposition
            m = _APPOSED.match(self.text, end)
            name = m and next((e for s, e in self.per if s == m.end()), None)
            if name:
                start, end, kind = start, name, "name"
            elif kind == "role" and self.toks[i].pos != "DET":
                # "Jean Dupont, secrétaire du syndicat, a dit": a bare role after a comma
                # is in apposition to the name before it
                before = next(((s, e) for s, e in self.per
                               if re.fullmatch(r"\s*,\s*", self.text[e:start])), None)
                if before:
                    start, end, kind = before[0], before[1], "name"
        number = "Plur" if any(self.toks[k].dep == "conj" for k in range(i, j)) else \
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
        # "le ministre de l'Intérieur" is a role even though it names an institution; "la
        # Banque de France" is a name: its head lies inside the organisation's mention.
        if any(s < end and start < e for s, e in self.per) or (
                any(s < end and start < e for s, e in self.named)
                and not (role and (head.text[:1].islower() or not any(
                    s <= head.start < e for s, e in self.named)))):
            return "name"
        if self.text[start:end].split()[-1] in self.surnames:
            return "name"
        first = toks[i].text.lower()
        if role:
            # A plural role with no name is a group ("les syndicats", "les enquêteurs").
            plural = self.feature(h, "Number") == "Plur" and toks[i].pos == "DET"
            return "unnamed" if first in w.INDEFINITE or low in w.UNNAMED_SOURCES or plural \
                else "role"
        if first in w.INDEFINITE:
            return None
        capital = head.text[:1].isupper() and h > i and self._tok_from(
            self.unit(head.start)[0]) != h  # "l'Afub": an acronym the tagger calls a noun
        if (head.pos == "PROPN" or capital) and (
                not any(s < end and start < e for s, e in self.places)
                or self.text[start:end].split()[-1] in self.surnames):
            # A name the recogniser missed, or a surname it took for a place once although
            # the article names that person in full elsewhere.
            return "name"
        return None

    def subject(self, v: int, inverted: bool = False):
        """Speaker of attribution verb v (see _subject_head), or None."""
        h = self._subject_head(v, inverted)
        return self.speaker(h) if h is not None else None

    def _subject_head(self, v: int, inverted: bool = False, depth: int = 0,
                      inherit: bool = True) -> int | None:
        """Head token of v's subject, or of a coordinated verb's, or (in an incise after a
        quote) of the subject placed after the verb."""
        toks = self.toks
        # An inverted clitic right after the verb is its subject ("précise-t-il"), however
        # the parser labels it.
        for k in range(v + 1, min(v + 3, len(toks))):
            if not toks[k].text.startswith("-"):
                break
            if toks[k].text.lower().lstrip("-t").lstrip("-") in self.w.PRONOUNS:
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
            if toks[c].text.startswith("-"):  # "a-t-il": the pronoun is the "-il" token
                return next((k for k in range(c, min(c + 3, len(toks)))
                             if toks[k].text.lower().lstrip("-") in self.w.PRONOUNS), None)
            if self.feature(c, "PronType") == "Rel" and toks[v].dep == "acl:relcl":
                return toks[v].head
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
                # "Toutefois, a tenu à prévenir M. Durand, « ... »": an inverted subject
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
        if inherit and depth < 3 and toks[v].dep in ("conj", "advcl", "xcomp") and \
                toks[v].head != v and not self.in_quote[toks[v].head]:
            head = toks[v].head
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

    def _inverted_head(self, v: int) -> int | None:
        """Head of the subject placed after verb v in an incise ("..., a souligné à la
        presse, mardi, le maire de Carnac"), read from the words, not the parse: the parser
        often hangs that subject on a preceding complement. Complements ("à la presse",
        "lors de la réunion") and time words are skipped; a new determiner, an honorific or
        a name after a complement starts the subject."""
        toks, w = self.toks, self.w
        in_pp = after_noun = False
        for k in range(v + 1, min(v + 14, len(toks))):
            t = toks[k]
            low = t.text.lower()
            if self.in_quote[k] or t.text in w.INCISE_STOPS:
                return None
            if low.lstrip("-") in w.PRONOUNS and t.text.startswith("-"):
                return k
            if t.pos in ("VERB", "AUX", "SCONJ", "CCONJ") and not (t.pos == "CCONJ" and in_pp):
                return None
            if t.text == ",":
                in_pp = after_noun = False
                continue
            if low in w.INCISE_SKIP or t.pos == "ADV" or (t.pos == "NUM" and not in_pp):
                continue
            if t.pos == "ADP" or low in ("d'", "d’"):
                in_pp, after_noun = True, False
                continue
            named = any(s == t.start for s, _ in self.named) or low in w.HONORIFICS
            if in_pp and after_noun and (named or t.pos == "DET"):
                in_pp = False  # "à la presse le ministre": a new noun phrase starts
            if in_pp:
                after_noun = after_noun or t.pos in ("NOUN", "PROPN")
                continue
            if t.pos == "DET":
                h = t.head if t.head > k else k + 1
                if h < len(toks) and toks[h].text.lower() in w.INCISE_SKIP:
                    continue  # "la semaine dernière", "ce jeudi": a time, not the subject
                return h if h < len(toks) and toks[h].pos in ("NOUN", "PROPN", "ADJ") else None
            if t.pos in ("NOUN", "PROPN"):
                return k
            return None
        return None

    def _after_comma(self, v: int) -> bool:
        """True when v's verb group (with the verbs it complements: "a tenu à prévenir")
        follows a comma, as an incise does."""
        toks, top = self.toks, v
        while toks[top].dep == "xcomp" and toks[top].head < top:
            top = toks[top].head
        first = min([top] + [c for c in self.kids(top) if c < top and (
            toks[c].dep.startswith("aux") or toks[c].dep == "advmod")])
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
        commas = [k for k in range(opened + 1, closed) if toks[k].text == ","]
        for c1, c2 in itertools.pairwise(commas):
            inside = range(c1 + 1, c2)
            if not 1 < len(inside) <= 6 or not any(
                    self._is_verb(k) or toks[k].text.lower() in _verb_forms(self.w)
                    for k in inside):
                continue
            for k in inside:
                low = toks[k].text.lower()
                if toks[k].text.startswith("-") and low.lstrip("-t").lstrip("-") in \
                        self.w.PRONOUNS:
                    return self.speaker(k)
            names = [k for k in inside if any(s <= toks[k].start < e for s, e in self.per)]
            if names:
                return self.speaker(names[0])
        return None

    def _colon_subject(self, a: int, colon: int):
        """Speaker of the clause tokens a..colon end: the subject of its last verb."""
        for k in range(colon - 1, a - 1, -1):
            if self.toks[k].pos == "VERB" and not self.in_quote[k]:
                return self.subject(k)
        return None

    def _is_verb(self, k: int) -> bool:
        t = self.toks[k]
        # The lemmatiser misses some forms ("estime" -> "estime"): the table's forms catch them.
        if t.pos == "VERB":
            return t.lemma in self.w.VERBS or t.text.lower() in _verb_forms(self.w)
        # A reporting verb's form followed by an inverted pronoun ("précise-t-il") is a
        # verb, whatever the tagger says ("précise" is also an adjective).
        nxt = self.toks[k + 1].text.lower() if k + 1 < len(self.toks) else ""
        return nxt.startswith("-") and nxt.lstrip("-t").lstrip("-") in self.w.PRONOUNS and \
            t.text.lower() in _verb_forms(self.w)

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
                    "même source" in self._np_text(h).lower():
                return None
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
        """The relay's name: "l'agence de presse russe Interfax" -> "Interfax"."""
        i, j = self.np(h)
        while i < j - 1 and self.toks[i].text.lower() in _DETERMINERS:
            i += 1
        k = j
        while k > i and self.toks[k - 1].text[:1].isupper():
            k -= 1
        described = any(self.toks[x].text.lower() in self.w.MEDIA_DESCRIPTORS
                         for x in range(i, k))
        if described and k < j:
            i = k
        return self.text[self.toks[i].start:self._end(j - 1)]

    def via(self, a: int, b: int, speaker_start: int | None) -> str | None:
        """The relay named in tokens a..b, other than the speaker itself."""
        toks = self.toks
        for k in range(a, b):
            if self.in_quote[k]:
                continue
            low = toks[k].text.lower()
            h = None
            if low in self.w.ACCORDING_TO:
                if low == "après" and not (k and toks[k - 1].text.lower() in ("d'", "d’")):
                    continue
                h = self._object_after(k)
                if h is not None and "source" in self._np_text(h).lower() and (
                        "même" in self._np_text(h).lower() or "cette" in self._np_text(h).lower()):
                    return _SAME
            elif toks[k].pos == "VERB" and toks[k].lemma in self.w.RELAY_VERBS:
                # A relay's own subject, never the speaker of the verb it hangs on.
                h = self._subject_head(k, inverted=True, inherit=False)
            elif low in self.w.CITED_BY and k + 1 < len(toks) and toks[k + 1].text == "par":
                h = self._object_after(k + 1)
            if h is None:
                continue
            start = toks[self.np(h)[0]].start
            if speaker_start is not None and start <= speaker_start < self._end(self.np(h)[1] - 1):
                continue
            return self._media(h)
        return None

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

    # --- quoted words ------------------------------------------------------------------
    def quoted(self) -> list[_Found]:
        out = []
        for sp in self.spans:
            f = self._quote(sp)
            if f is not None:
                out.append(f)
        return out

    def _quote(self, sp: _Span) -> _Found | None:
        text = self.text
        para = self.paragraph(sp.open)
        sent = self.sentence(sp.start)
        sent_start = self.unit(sp.open)[0] if self.units else 0
        before = text[max(sent_start, self.paragraphs[para]):sp.open].strip()
        line_end = text.find("\n", sp.close)
        line_end = len(text) if line_end < 0 else line_end
        after = text[sp.close:line_end]
        stop = re.search(r"[.!?…](\s|$)", after)
        after_sentence = (after[:stop.start()] if stop else after).strip(_SPACES + ".!?…")
        utterance = before == "" or before.endswith(":")
        whole = before == "" and after_sentence == ""
        crosshead = whole and text[self.paragraphs[para]:sp.open].strip() == "" and \
            text[sp.end - 1] not in _SENTENCE_END and after.strip() == ""
        a, b = self._region(sp.open, max(sp.close - 1, sp.open))
        opened = self._tok_from(sp.open)
        # Titles of works and nominal scare quotes: "le film « X »", "l'« affaire »".
        prev = opened - 1
        while prev >= a and self.toks[prev].pos == "DET":
            prev -= 1
        if self.toks and prev >= a and prev >= 0 and (
                self.toks[prev].text.lower() in self.w.WORK_NOUNS
                or self.toks[prev].lemma.lower() in self.w.WORK_NOUNS) and not utterance:
            return None
        single = not re.search(r"\s", text[sp.start:sp.end])
        if single and not utterance and re.search(r"\b(l[’']|une?|la|le|les|des|du|d[’'])\s*$",
                                                  text[:sp.open], re.I):
            return None
        found = _Found(sp.start, sp.end, "direct" if utterance else "partial", sent,
                       whole=whole, crosshead=crosshead, paragraph=para)
        v, who = self._attribute(sp, a, b, before)
        if who is None and not utterance and v is None:
            # A quoted phrase in a sentence that reports no speech is a scare quote; one
            # in a sentence with a reporting verb is someone's words, speaker unknown.
            return None
        if who is None and utterance and not whole and v is None:
            return None  # « Les Misérables » a été adapté... : a title, not speech
        if who is not None:
            cited = self.citing(v, a, b)
            who_start = who[0][1]
            if cited:
                found.via = _clean_via(who[0][0], self.w)
                who = cited
            found.speaker, found.gender, found.number = who
            if found.via is None:
                found.via = self.via(a, b, who_start if not cited else None)
                if cited and found.via is None:
                    found.via = _clean_via(who[0][0], self.w)
        else:
            found.via = self.via(a, b, None)
        return found

    def _attribute(self, sp: _Span, a: int, b: int, before: str):
        """(verb index or None, speaker) for the quote at sp, from the parse around it."""
        if not self.toks or a >= b:
            return None, None
        toks = self.toks
        closed = self._tok_from(sp.close)
        # 1. An incise after the quote: "« ... », a déclaré X" / ", selon X".
        k, seen = closed, 0
        while k < b and seen < 7:
            t = toks[k]
            if self.in_quote[k]:
                break
            # Right after the quote a reporting verb's form is a verb even where the tagger
            # reads a noun ("», juge X", "», estime X").
            if self._is_verb(k) or (seen <= 2 and t.pos in ("NOUN", "ADJ", "PROPN")
                                    and t.text.lower() in _verb_forms(self.w)):
                who = self.subject(k, inverted=True)
                if who:
                    return k, who
                break
            if t.pos not in ("PUNCT", "AUX", "ADV", "PRON", "ADP", "NOUN", "DET", "VERB") or \
                    (t.pos == "VERB" and toks[k].lemma not in self.w.VERBS and seen > 1):
                break
            k += 1
            seen += 1
        opened = self._tok_from(sp.open)
        # 1b. An incise inside the marks: "« Quand nous sommes arrivés, a-t-elle dit, ... »".
        who = self._inner_incise(opened, closed)
        if who:
            return None, who
        # 2. A colon before: "X a répondu : « ... »", or a bare "X : « ... »".
        if opened > a and toks[opened - 1].text == ":":
            for k in range(opened - 2, max(a, opened - 8) - 1, -1):
                if self._is_verb(k):
                    who = self.subject(k)
                    if who:
                        return k, who
            lead = range(a, opened - 1)
            if 0 < len(lead) <= 10 and not any(toks[k].pos in ("VERB", "AUX") for k in lead):
                heads = [k for k in lead if toks[k].pos in ("NOUN", "PROPN")
                         and not (a <= toks[k].head < opened - 1 and toks[k].head != k)]
                if heads:
                    return None, self.speaker(heads[0])
            # "X s'est adressé aux habitants : « ... »", "X tranche : « ... »": a colon
            # hands the floor to the subject of the clause it ends, whatever its verb.
            who = self._colon_subject(a, opened - 1)
            if who:
                return None, who
        colon = re.search(r":\s*$", self.text[max(0, sp.open - 40):sp.open])
        if colon and not before:  # the colon ends the sentence before the quote
            pa, pb = self._region(sp.open - len(colon.group()), sp.open - len(colon.group()))
            who = self._colon_subject(pa, min(pb, opened))
            if who:
                return None, who
        # 3. The attribution verb that governs the quoted words.
        first = self._tok_from(sp.start)
        k, steps = first, 0
        while k < len(toks) and toks[k].head != k and steps < 30:
            k = toks[k].head
            steps += 1
            if not self.in_quote[k] and self._is_verb(k) and a <= k < b:
                who = self.subject(k)
                if who:
                    return k, who
        # 4. A sentence-initial "pour X," / "aux yeux de X,".
        who, k = self._cue_speaker(a, b)
        if who and toks[k].text.lower() not in self.w.ACCORDING_TO:
            return None, who
        # 5. Any attribution verb of the sentence, nearest first.
        verbs = sorted((k for k in range(a, b) if not self.in_quote[k] and self._is_verb(k)),
                       key=lambda k: abs(toks[k].start - sp.open))
        for k in verbs:
            h = self._subject_head(k, k >= closed)
            if h is not None:
                # The nearest verb with a subject decides: if that subject is no speaker,
                # a verb further away is not a safer guess.
                return k, self.speaker(h)
        who = None
        # 6. "selon X" is the speaker only when no verb names another one.
        if who is None:
            who, _ = self._cue_speaker(a, b)
        return (verbs[0] if verbs else None), who

    # --- reported speech -------------------------------------------------------------
    def indirect(self) -> list[_Found]:
        out: list[_Found] = []
        toks = self.toks
        for v in range(len(toks)):
            if self.in_quote[v] or not self._is_verb(v):
                continue
            m = self._que_after(v)
            if m is not None:
                f = self._clause(v, m + 1, toks[m].head)
            else:
                inf = self._infinitive_after(v)
                f = self._clause(v, inf[0], inf[1]) if inf else None
            if f is not None:
                out.append(f)
        out.extend(self._according())
        return out

    def _infinitive_after(self, v: int) -> tuple[int, int] | None:
        """(first token, infinitive) of the infinitive clause v reports, as in "a affirmé
        n'avoir rien reçu", "dit s'être entretenu", "s'est défendu d'avoir menti"; None
        when v takes no such clause. The clause starts after "de" and keeps its negation
        and clitics."""
        toks, first = self.toks, None
        for k in range(v + 1, min(v + 7, len(toks))):
            t = toks[k]
            low = t.text.lower()
            if self.in_quote[k]:
                return None
            if t.pos in ("VERB", "AUX") and self.feature(k, "VerbForm") == "Inf":
                # "avoir confié": the infinitive is the auxiliary, the clause its verb's
                head = t.head if t.pos == "AUX" and t.head > k else k
                return (first if first is not None else k), head
            if low in self.w.INFINITIVE_LEAD:
                if low not in ("de", "d'", "d’") and first is None:
                    first = k
                continue
            if low in self.w.INCISE_SKIP and first is None:
                continue
            return None
        return None

    def _que_after(self, v: int) -> int | None:
        """The "que" opening v's reported clause ("a affirmé mercredi que ..."), or None."""
        toks = self.toks
        for m in range(v + 1, min(v + 9, len(toks))):
            t = toks[m]
            if t.text.lower() in ("que", "qu", "qu'", "qu’") and (t.pos == "SCONJ"
                                                                   or t.dep == "mark"):
                # "avant que", "pour que": a subordinate clause, not reported speech
                return m if t.head > m and toks[m - 1].pos != "ADP" else None
            # "a déclaré à la presse que", "a expliqué en substance que": a complement
            # (a preposition and its noun) may stand between the verb and "que"
            if t.pos == "ADP" and m + 1 < len(toks) and toks[m + 1].pos in ("DET", "NOUN",
                                                                             "PROPN"):
                continue
            # "s'est dite persuadée que": the participle that carries the "que"
            if t.dep == "xcomp" and t.head == v and self.feature(m, "VerbForm") == "Part":
                continue
            if self.in_quote[m] or t.pos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or \
                    t.text in (".", ";", ":"):
                return None
        return None

    def _clause(self, v: int, first: int, c: int) -> _Found | None:
        toks = self.toks
        if first < len(toks) and toks[first].text in ("'", "’"):
            first += 1
        sent_end = self.unit(toks[v].start)[1] if self.units else len(self.text)
        last = max(self._subtree(c, quoted=True))
        for k in range(first, last + 1):
            # A trailing relay or a second attribution is not part of what was reported.
            if toks[k].text == "," and not self.in_quote[k] and self._cue_follows(k + 1):
                last = k - 1
                break
        while last > first and (toks[last].pos == "PUNCT" and not self.in_quote[last]):
            last -= 1
        if last - first < 2:
            return None
        start, end = toks[first].start, min(self._end(last), sent_end)
        if toks[last].text in ("»", "”", '"') or self.in_quote[last]:
            end = max(end, self._end(last))
        quoted = sum(max(0, min(end, s.close) - max(start, s.open)) for s in self.spans)
        if quoted >= 0.6 * (end - start):
            return None  # the quoted words say it verbatim, as a partial quote
        who = self.subject(v)
        if not who:
            return None
        a, b = self._region(toks[v].start, toks[v].start)
        f = _Found(start, end, "indirect", self.sentence(start),
                   paragraph=self.paragraph(start))
        f.speaker, f.gender, f.number = who
        f.via = self.via(a, b, who[0][1])
        return f

    def _cue_follows(self, k: int) -> bool:
        toks = self.toks
        for j in range(k, min(k + 3, len(toks))):
            low = toks[j].text.lower()
            if low in self.w.ACCORDING_TO or low in self.w.CITING or low == "comme":
                return True
            if toks[j].pos == "VERB":
                return toks[j].lemma in self.w.VERBS or toks[j].lemma in self.w.RELAY_VERBS
        return False

    def _according(self) -> list[_Found]:
        """"Selon X, <clause>" and "<clause>, selon X." in sentences with no other speaker."""
        out = []
        for unit_start, unit_end in self.units:
            a, b = self._tok_from(unit_start), self._tok_from(unit_end)
            # a quoted word inside ("selon lui, les « fictives » ...") leaves the sentence
            # reported; mostly quoted words are read as quotes
            if sum(self.in_quote[k] for k in range(a, b)) * 2 > b - a:
                continue
            if any(self._is_verb(k) and self.subject(k) for k in range(a, b)):
                continue
            who, k = self._cue_speaker(a, b)
            if not who or k is None:
                continue
            h = self._cue_object(k, a)
            j = self.np(h)[1] if h is not None else k + 1
            if k <= a + 1 and j < b and self.toks[j].text == ",":
                start, end = self.toks[j + 1].start if j + 1 < b else unit_end, unit_end
            elif k > a + 1 and self.toks[k - 1].text == "," and (
                    j >= b or all(self.toks[x].pos == "PUNCT" for x in range(j, b))):
                start, end = unit_start, self.toks[k - 1].start
            else:
                continue
            clause = self.text[start:end].rstrip(_SPACES + ".")
            if len(clause.split()) < 3:
                continue
            f = _Found(start, start + len(clause), "indirect", self.sentence(start),
                       paragraph=self.paragraph(start))
            f.speaker, f.gender, f.number = who
            out.append(f)
        return out

    def role_holder(self, who: tuple[str, int, int, str]) -> tuple[str, int, int, str] | None:
        """The one person the article names with this role or nationality: "le Belge"
        -> the name written right after "le Belge" or "belge" ("le coureur belge Jean
        Dupont"), "la ministre de la Culture" -> the name after that role or before it
        behind a comma ("Marie Durand, la ministre de la Culture"). None when no one, or
        more than one person, answers to it."""
        words = re.sub(r"^(?:" + "|".join(map(re.escape, self.w.ROLE_DETERMINERS)) + r")\s*",
                       "", who[0].strip(), flags=re.I)
        if len(words) < 3:
            return None
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
        by_start = {m.start: m for m in self.a.mentions if m.label == "PER"}
        opening = {pos for pos, *_ in self.opening_names()}
        found = {}
        for occ in pattern.finditer(self.text):
            after = _APPOSED.match(self.text, occ.end())
            m = by_start.get(after.end()) if after else None
            if m is None:
                # "Jean Dupont, le ministre, a dit": the name before, the role apposed, when
                # a comma closes the role or the name opens the sentence (else the role may
                # be the subject of the next verb: "Avec X, la ministre a dit")
                closed = re.match(r"\s*[,;.)]", self.text[occ.end():occ.end() + 3])
                m = next((m for m in self.a.mentions if m.label == "PER" and re.fullmatch(
                    r",\s*(?:l['’]|le |la )?", self.text[m.end:occ.start()], re.I)
                    and (closed or m.start in opening)), None)
            if m is not None and m.text.split():
                found.setdefault(m.text.split()[-1], []).append(m)
        if len(found) != 1:
            return None
        m = max(next(iter(found.values())), key=lambda m: len(m.text))
        return (m.text, m.start, m.end, "name")

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
            if per or (t.pos == "NOUN" and t.lemma.lower() in self.w.SPEAKER_NOUNS):
                who = self.speaker(k)
                if who:
                    out.append((t.start, *who))
        return out


def _clean_via(text: str, words: ModuleType) -> str:
    parts = text.split()
    while len(parts) > 1 and parts[0].lower() in _DETERMINERS:
        parts.pop(0)
    out = " ".join(parts)
    for art in ("l'", "l’"):
        if out.lower().startswith(art):
            out = out[2:]
    return out


def _agrees(pron_gender: str, pron_number: str, gender: str, number: str) -> bool:
    if pron_gender and gender and pron_gender != gender:
        return False
    return not (pron_number and number and pron_number != number)


def _resolve(doc: _Doc, found: list[_Found]) -> None:
    """Pronouns to their antecedents, "même source" to the last relay, unattributed
    quotes to the speaker before them (or after them, for a crosshead)."""
    # Antecedents: (position, speaker, gender, number). Names carry no gender: the parser's
    # gender for a proper noun is a guess.
    events = [(pos, who, g if who[3] == "role" else "", n) for pos, who, g, n in doc.subjects()]
    events += doc.opening_names()
    weak = doc.named_people()
    events.sort(key=lambda e: e[0])
    last_via = None
    previous: _Found | None = None
    for f in found:
        sp = f.speaker
        if sp and sp[3] == "pronoun":
            # An unresolved pronoun names nobody: "il" shown as a speaker is a wrong name.
            # Subjects and speakers come first; failing them, the last person named.
            cands = [e for e in events if e[0] < sp[1]
                     and _agrees(f.gender, f.number, e[2], e[3])] if sp[0] != "on" else []
            if not cands and sp[0] != "on" and f.number != "Plur":
                cands = [e for e in weak if e[0] < sp[1]]
            f.speaker = max(cands, key=lambda e: e[0])[1] if cands else None
        if f.speaker and f.speaker[3] == "role":
            f.speaker = doc.role_holder(f.speaker) or f.speaker
        if f.via == _SAME:
            f.via = last_via
        if f.via:
            last_via = f.via
        if f.speaker is None and f.whole and not f.crosshead and previous is not None and \
                previous.speaker and f.paragraph - previous.paragraph <= 1:
            f.speaker, f.via = previous.speaker, f.via or previous.via
        if f.speaker and f.speaker[3] != "pronoun":
            gender = f.gender if (sp and sp[3] != "name") else ""
            events.append((sp[1] if sp else f.start, f.speaker, gender, f.number))
        if f.speaker or f.kind != "indirect":
            previous = f
    for i, f in enumerate(found):
        if f.crosshead and f.speaker is None:
            # A crosshead quotes words said in the section it opens: the speaker of the
            # quote it repeats, or of the quote right under it.
            later = [g for g in found[i + 1:] if g.speaker and g.kind != "indirect"]
            speaker, via = _repeated(doc.text[f.start:f.end], later, doc.text)
            if speaker is not None:
                f.speaker = next(g.speaker for g in later if g.speaker[0] == speaker[0])
                f.via = via
            elif later and later[0].paragraph - f.paragraph <= 1 and later[0].whole:
                f.speaker, f.via = later[0].speaker, later[0].via


@functools.cache
def _verb_forms(words: ModuleType) -> frozenset[str]:
    """Conjugated forms of the attribution verbs that a headline uses."""
    forms = set()
    for lemma in words.VERBS:
        if lemma.endswith("er"):
            stem = lemma[:-2]
            forms |= {stem + "e", stem + "ent", stem + "é"}
    for extra in words.IRREGULAR_FORMS.values():
        forms |= set(extra)
    return frozenset(forms)


_Q = r"(?P<o>[«“\"„])[\s\u00a0\u202f]*(?P<q>[^«»“”\"]+?)[\s\u00a0\u202f]*(?P<c>[»”\"“])"


def _title_quotes(title: str, words: ModuleType, body: list[_Found],
                  text: str) -> list[_Found]:
    """Headline quotes: "X : « ... »", "« ... », affirme X", or a headline all in quotes."""
    if not title:
        return []
    title = title.rstrip()
    m = re.fullmatch(r"\s*(?P<sp>[^:«»“”\"]{2,80}?)\s*:\s*" + _Q + r"\s*[.!?]?", title)
    speaker = None
    if m:
        speaker = (m.group("sp"), m.start("sp"), m.end("sp"))
    else:
        m = re.fullmatch(r"\s*" + _Q + r"\s*,?\s*(?:(?:a|ont|avait)\s+)?(?P<v>[\w'’-]+)\s+"
                         r"(?P<sp>[^«»“”\"]{2,80}?)\s*[.!?]?", title)
        if m and (m.group("v").lower() in _verb_forms(words)
                  or m.group("v").lower() in words.ACCORDING_TO):
            speaker = (m.group("sp"), m.start("sp"), m.end("sp"))
        else:
            m = re.fullmatch(r"\s*" + _Q + r"\s*[.!?]?", title)
    if not m:
        return _title_reported(title, words, body, text)
    f = _Found(m.start("q"), m.end("q"), "direct", -1)
    if speaker:
        f.speaker = (*speaker, _title_kind(speaker[0], words))
    else:
        f.speaker, f.via = _repeated(m.group("q"), body, text)
    return [f]


def _title_reported(title: str, words: ModuleType, body: list[_Found],
                    text: str) -> list[_Found]:
    """Headlines that report without a quote of their own form: "X déclare que ..." (the
    clause, said by X), or quoted words inside the headline ("Le rapport devrait « ... »"),
    said by whoever says them in the body."""
    m = re.fullmatch(r"(?:[^:«»“”\"]{1,60}:)?\s*(?P<sp>[^:«»“”\"]{2,80}?)\s+"
                     r"(?P<v>[\w'’-]+)\s+(?:que\s+|qu['’])(?P<q>.{8,}?)\s*[.!?]?", title)
    if m and m.group("v").lower() in _verb_forms(words) and ":" not in m.group("sp"):
        f = _Found(m.start("q"), m.end("q"), "indirect", -1)
        f.speaker = (m.group("sp"), m.start("sp"), m.end("sp"), _title_kind(m.group("sp"),
                                                                               words))
        return [f]
    out = []
    for sp in _quoted_spans(title):
        if len(title[sp.start:sp.end].split()) < 2:
            continue  # one quoted word in a headline is a name or a scare quote
        speaker, via = _repeated(title[sp.start:sp.end], body, text)
        if speaker is None:
            continue
        f = _Found(sp.start, sp.end, "partial", -1)
        f.speaker, f.via = speaker, via
        out.append(f)
    return out


def _title_kind(speaker: str, words: ModuleType) -> str:
    parts = speaker.split()
    if speaker.lower() in words.PRONOUNS:
        return "pronoun"
    first = parts[0].lower().replace("’", "'")
    lead = first in _DETERMINERS or first.startswith("l'")
    noun = (parts[1] if first in _DETERMINERS and len(parts) > 1 else first[2:] if
            first.startswith("l'") else first).lower()
    if lead and noun in words.SPEAKER_NOUNS | words.ROLE_NOUNS:
        return "role"  # "le maire de Carnac": a role, whatever its complement names
    if any(p[:1].isupper() for p in parts[1:]) or (parts[0][:1].isupper() and not lead):
        return "name"
    return "role"


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4}


def _repeated(headline: str, body: list[_Found], text: str):
    """Speaker and relay of the body quote a headline repeats (most shared words)."""
    want = _content(headline)
    best, score = (None, None), 0.5
    for f in body:
        if not f.speaker or not want or f.kind == "indirect":
            continue
        shared = len(want & _content(text[f.start:f.end])) / len(want)
        if shared > score:
            # The speaker is written in the body, not in the title: no title offsets.
            best, score = ((f.speaker[0], -1, -1, f.speaker[3]), f.via), shared
    return best


@functools.cache
def _vocab() -> Vocab:
    return Vocab()


def _rebuild(annotated: AnnotatedArticle) -> SpacyDoc:
    """The article's parse as a spaCy Doc, from the tokens the annotate stage copied."""
    toks = annotated.tokens
    if not toks:
        return SpacyDoc(_vocab(), words=[])
    return SpacyDoc(_vocab(), words=[t.text for t in toks], spaces=[t.space for t in toks],
                    heads=[t.head for t in toks], deps=[t.dep or "dep" for t in toks],
                    pos=[t.pos or "X" for t in toks], lemmas=[t.lemma for t in toks],
                    morphs=[t.morph for t in toks])
