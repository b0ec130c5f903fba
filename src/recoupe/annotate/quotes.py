"""AnnotatedArticle (+ spaCy Doc) -> tuple[Quote, ...]: what the article says who said, and
who relayed it.

In: one `AnnotatedArticle` (text, title, sentences, NER mentions) and the spaCy `Doc` the
annotate stage parsed its text into (rebuilt from the copied tokens when not given). The
model is not run here: reading the parse costs a few milliseconds per article.
Out: the article's quotes, in text order, ids "<article id>:q<n>":
  - "direct": a quoted utterance (« ... », “ ... ”, "...", possibly over several sentences,
    possibly holding nested quotes or an incise) that starts a sentence or follows a colon;
  - "partial": a quoted phrase in a sentence that reports speech ("a souligné que l'amitié
    avait des « racines profondes »"); a quoted phrase in a sentence that reports nothing
    is a scare quote or a title and is not a quote;
  - "indirect": the clause reported by an attribution verb, with its "que" ("X a affirmé
    que <clause>", "X a affirmé n'avoir <clause>"), by an inverted verb after it
    ("<clause>, a déclaré X") or by "selon X" before, after or inside it.
Each quote carries its speaker as written (the whole noun phrase: "le ministre de
l'Agriculture Paul Verdier"), its offsets and kind ("name", "role", "pronoun"; "unnamed"
with no speaker text for an undisclosed source: "un diplomate"), and `via`, the source the
outlet says it relays. A pronoun is replaced by its antecedent and a role or nationality by
the person the article names with it; a pronoun or role left unresolved names nobody or
stays a role; someone described and never named ("le pharmacien") names nobody. A quote
with no attribution of its own continues the quote before it (or, for a crosshead, takes
the speaker of the quote it repeats); quoted words beside an attributed quote in one
sentence are its speaker's; a quote nested in a quote after a colon is someone else's,
unnamed.

Headline quotes come first, with sentence = -1 and offsets into `Article.title`
(`headlines`). Quote marks are paired in `quotemarks`, speakers are read from the parse in
`attribution`; this module finds the quotes and resolves speakers across the article.
Language-specific words come from `recoupe.lang.<code>.attribution` (French by default).
"""

from __future__ import annotations

import bisect
import re
from types import ModuleType
from typing import TYPE_CHECKING

from .. import lang
from ..model import AnnotatedArticle, Quote
from ..text import fold
from .attribution import DETERMINERS, SAME, ArticleParse, rebuild, verb_forms
from .headlines import repeated, title_quotes
from .quotemarks import SPACES, Found, Span

if TYPE_CHECKING:  # spaCy is imported only where a Doc is built (issue 12)
    from spacy.tokens import Doc as SpacyDoc

_SENTENCE_END = ".!?…"
# a sentence ends so; a crosshead does not
_FINAL_STOP = re.compile(rf"[{_SENTENCE_END}][»”\")]?\s*$")
# Single marks after a colon inside a quote; the closing mark is followed by punctuation or
# the end, unlike an apostrophe ("l'armée").
_NESTED = re.compile(r":[ \u00a0]*['‘]([^'‘’\n]*?(?:['’]\w[^'‘’\n]*?)*)['’]"
                     r"(?=[ \u00a0]*(?:[»”\".,;!?]|$))")


def find_quotes(annotated: AnnotatedArticle, parsed: SpacyDoc | None = None
                ) -> tuple[Quote, ...]:
    """AnnotatedArticle (+ its spaCy Doc) -> Quotes (title first, then body in text order).

    `parsed` is the Doc the annotate stage parsed the text into; without it (an article
    annotated earlier, a test), one is rebuilt from the article's copied tokens."""
    words = lang.table(annotated.language or "fr", "attribution") or lang.table("fr",
                                                                                "attribution")
    doc = _Doc(annotated, words, parsed if parsed is not None else rebuild(annotated))
    found = doc.quoted() + doc.indirect()
    found.sort(key=lambda f: (f.start, f.end))
    _resolve(doc, found)
    title = title_quotes(annotated.article.title or "", words, found, doc.text)
    for f in title:
        if f.speaker and f.speaker[3] == "role":
            # "l'avocate du prévenu" named in the body
            held = doc.role_holder(f.speaker, annotated.article.title or "")
            f.speaker = (held[0], -1, -1, "name") if held else f.speaker
    aid = annotated.article.id
    out = []
    for n, f in enumerate(title + found):
        text = (annotated.article.title if f.sentence < 0 else annotated.article.text) or ""
        sp = f.speaker
        out.append(Quote(
            id=f"{aid}:q{n}", text=text[f.start:f.end], kind=f.kind, article=aid,
            sentence=f.sentence, start=f.start, end=f.end,
            # An unnamed source keeps its description as offsets and kind, not as a name;
            # so does someone described ("le praticien") whom the article never names.
            speaker=sp[0] if sp and sp[3] not in ("unnamed", "described") else None,
            speaker_start=sp[1] if sp and sp[1] >= 0 else None,
            speaker_end=sp[2] if sp and sp[1] >= 0 else None,
            speaker_kind=("unnamed" if sp[3] == "described" else sp[3]) if sp else None,
            via=_relay(f.via, sp, words)))
    return tuple(out)


def _relay(via: str | None, speaker: tuple[str, int, int, str] | None, words: ModuleType
           ) -> str | None:
    """The relay to show: none when it names the speaker again, whole or in part
    ("Selon X, il « ... »" where X is the speaker; "selon le président du club, X")."""
    if via is None or via == SAME:
        return None
    if speaker and speaker[0] and speaker[3] not in ("unnamed", "described"):
        a, b = fold(_clean_via(via, words)), fold(_clean_via(speaker[0], words))
        if a and b and (a in b or b in a):
            return None
    return via


class _Doc(ArticleParse):
    """The article, read for quotes: quoted stretches and reported clauses."""

    def quoted(self) -> list[Found]:
        out = []
        self._unreported: list[Found] = []
        for sp in self.spans:
            f = self._quote(sp)
            if f is not None:
                out.append(f)
                out.extend(self._nested(f))
        # quoted words in a sentence whose other quote has a speaker are that speaker's
        # ("« Un bon début », juge X, au regard des « fortes attentes »"), not scare quotes
        said = {f.sentence for f in out if f.speaker and f.kind != "indirect" and not f.nested}
        out.extend(f for f in self._unreported if f.sentence in said)
        return out

    def _nested(self, outer: Found) -> list[Found]:
        """Words someone else said, quoted inside a quote after a colon in single marks
        ("« Le chef a crié : 'Nous arrivons' »"): a quote of their own, whose speaker the
        outer speaker reports and recoupe does not name."""
        out = []
        for m in _NESTED.finditer(self.text, outer.start, outer.end):
            f = Found(m.start(1), m.end(1), "direct", self.sentence(m.start(1)),
                      paragraph=outer.paragraph)
            f.speaker = ("", m.start(1), m.start(1), "unnamed")
            f.nested = True
            out.append(f)
        return out

    def _quote(self, sp: Span) -> Found | None:
        text = self.text
        para = self.paragraph(sp.open)
        sent = self.sentence(sp.start)
        sent_start = self.unit(sp.open)[0] if self.units else 0
        before = text[max(sent_start, self.paragraphs[para]):sp.open].strip()
        line_end = text.find("\n", sp.close)
        line_end = len(text) if line_end < 0 else line_end
        after = text[sp.close:line_end]
        stop = re.search(r"[.!?…](\s|$)", after)
        after_sentence = (after[:stop.start()] if stop else after).strip(SPACES + ".!?…")
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
        lead = self._lead_word(sp.open)
        if single and not utterance and lead in self.w.TERM_DETERMINERS:
            return None  # "l'« affaire »", "sa « marque »": a term
        capital = text[sp.start:sp.start + 1].isupper() and \
            text[sp.end - 1:sp.end] not in _SENTENCE_END
        if not utterance and capital and (lead in self.w.NAME_DETERMINERS
                                          or lead in self.w.NAMED_BODY_NOUNS):
            return None  # "l'« Atelier des prix »", "le collectif « Halte au bruit »": a name
        if not utterance and self._charge(opened, a):
            return None  # "une plainte pour « recel de vol »": a legal charge
        found = Found(sp.start, sp.end, "direct" if utterance else "partial", sent,
                       whole=whole, crosshead=crosshead, paragraph=para)
        v, who = self._attribute(sp, a, b, before)
        if who is None and not utterance and v is None:
            # A quoted phrase in a sentence that reports no speech is a scare quote; one
            # in a sentence with a reporting verb is someone's words, speaker unknown.
            if len(text[sp.start:sp.end].split()) > 1:
                self._unreported.append(found)
            return None
        if who is None and utterance and not whole and v is None and not before:
            # « Les Misérables » a été adapté... : a title, not speech; after a colon,
            # quoted words are someone's, named or not
            return None
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

    def _named_at(self, start: int, end: int) -> bool:
        """Whether offsets start..end hold a person or organisation the recogniser found,
        an acronym the article spells out or a seat of power."""
        return any(s < end and start < e for s, e in self.named) or \
            self._is_seat(start, end) or self.text[start:end] in self.acronyms

    def _lead_word(self, offset: int) -> str:
        """The word written right before a quote mark, lower case ("l'", "sa", "pour")."""
        m = re.search(r"([\w’']+)[ \u00a0]*$", self.text[max(0, offset - 30):offset])
        if not m:
            return ""
        word = m.group(1).lower()
        # "d'une" -> "une", "jusqu'à l'" -> "l'": the last word, with its own apostrophe
        return re.search(r"[^’']*[’']?$", re.sub(r"^.*[’'](?=.)", "", word)).group()

    def _charge(self, opened: int, a: int) -> bool:
        """Whether the quote opening at token `opened` names a legal charge: "pour" (or "de")
        before it, and a word of criminal procedure a few words earlier ("mis en examen
        pour « ... »", "une plainte contre X pour « ... »", "des chefs de « ... »")."""
        k = opened - 1
        while k >= a and self.toks[k].pos == "DET":
            k -= 1
        if k < a or self.toks[k].text.lower() not in self.w.CHARGE_LINKS:
            return False
        return any(self.toks[x].text.lower() in self.w.CHARGE_CUES and not self.in_quote[x]
                   for x in range(max(a, k - 12), k))

    def _attribute(self, sp: Span, a: int, b: int, before: str):
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
            # ("par la juge X": after a determiner the form is the noun)
            if self._is_verb(k) or (seen <= 2 and t.pos in ("NOUN", "ADJ", "PROPN", "AUX")
                                    and toks[k - 1].pos != "DET"
                                    and (t.text.lower() in verb_forms(self.w)
                                         or t.lemma in self.w.VERBS)):
                who = self.subject(k, inverted=True)
                if who:
                    return k, who
                break
            if t.lemma in self.w.RELAY_VERBS and seen <= 2:
                # "« ... », rapporte Jean Dupont": a person who reports is the speaker; a
                # medium that reports is a relay (read below)
                h = self._inverted_head(k)
                if h is not None and any(s <= toks[h].start < e for s, e in self.per):
                    return k, self.speaker(h)
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
                    # "Verbatim : « ... »", "Morceaux choisis : « ... »": a capitalised word the
                    # recogniser names no one is a label, not a speaker
                    who = self.speaker(heads[0])
                    label = " ".join(toks[k].text for k in lead).lower().replace("’", "'")
                    if who and (label in self.w.EDITORIAL_LABELS or (
                            who[0][3] == "name" and not self._named_at(who[0][1],
                                                                       who[0][2]))):
                        who = None
                    return None, who
            who = self._narrative_infinitive(a, opened - 1)
            if who:
                return None, who
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
        # 2b. An incise closing the sentence: "Le gouvernement annoncera « ... » d'ici
        # vendredi, a ajouté la mairie." The incise's speaker says the whole sentence,
        # the subject of the reported clause included.
        incise = self._closing_incise(closed, b)
        if incise is not None:
            # the subject read from the words after the verb: the parse may hang a noun
            # of the clause on it ("les missions ..., a annoncé l'Élysée")
            who = self.speaker(incise[1])
            if who:
                return incise[0], who
        # 3. The attribution verb that governs the quoted words.
        first = self._tok_from(sp.start)
        k, steps = first, 0
        while k < len(toks) and toks[k].head != k and steps < 30:
            k = toks[k].head
            steps += 1
            if not self.in_quote[k] and self._is_verb(k) and a <= k < b:
                # A reporting verb written between this one and the quote introduces it,
                # whatever the parse says ("X soutient que « ... », Y a souligné qu'il
                # fallait « ... »": the second quote is Y's).
                nearer = [x for x in range(k + 1, opened) if self._is_verb(x)
                          and not self.in_quote[x] and self._subject_head(x) is not None]
                if k < opened and nearer and any(self.in_quote[x] for x in range(k, nearer[-1])):
                    k = nearer[-1]
                who = self.subject(k)
                if who:
                    return k, who
        # 4. A sentence-initial "pour X," / "aux yeux de X,".
        who, k = self._cue_speaker(a, b)
        # "Selon X, ..." opening the sentence reports all of it, whatever verbs follow
        if who and (toks[k].text.lower() not in self.w.ACCORDING_TO or k <= a + 2):
            return None, who
        # 5. Any attribution verb of the sentence, nearest first.
        verbs = sorted((k for k in range(a, b) if not self.in_quote[k] and self._is_verb(k)),
                       key=lambda k: abs(toks[k].start - sp.open))
        for k in verbs:
            h = self._subject_head(k, k >= closed)
            if h is not None:
                # The nearest verb with a subject decides: if that subject is no speaker,
                # a verb further away is not a safer guess; "selon X" is ("la baisse va
                # « redonner du souffle », selon X": X said it, X relays no one).
                who = self.speaker(h)
                if who is None:
                    who = self._cue_speaker(a, b)[0]
                return k, who
        who = None
        # 6. "selon X" is the speaker only when no verb names another one.
        if who is None:
            who, _ = self._cue_speaker(a, b)
        return (verbs[0] if verbs else None), who

    def _closing_incise(self, after: int, b: int) -> tuple[int, int] | None:
        """(verb, subject head) of an incise that ends the sentence after token `after`
        (", a ajouté la mairie.", ", assure une économiste, sans autre précision."): a
        comma, the verb group, its subject written after it, then no other verb up to the
        sentence's end. None if there is none."""
        toks = self.toks
        end = b
        while end - 1 > after and toks[end - 1].pos == "PUNCT" and not self.in_quote[end - 1]:
            end -= 1
        for v in range(after + 1, end):
            if self.in_quote[v] or not self._is_verb(v) or self.feature(v, "VerbForm") == \
                    "Inf" or self.feature(v, "Tense") == "Pres" and \
                    self.feature(v, "VerbForm") == "Part":
                continue  # ", en soulignant l'importance": a gerund has no inverted subject
            g = v
            while g - 1 > after and (toks[g - 1].pos == "AUX" or toks[g - 1].text.lower()
                                     in self.w.INFINITIVE_LEAD):
                g -= 1
            if toks[g - 1].text != "," or any(self.in_quote[x] for x in range(v, end)):
                continue
            h = self._inverted_head(v)
            if h is None or h <= v:
                continue
            # what follows the subject says where, when or how ("à l'issue de la réunion",
            # ", sans autre précision"): no other verb up to the sentence's end
            if not any(toks[x].pos in ("VERB", "AUX") for x in range(v + 1, end)):
                return v, h
        return None

    def _narrative_infinitive(self, a: int, colon: int):
        """"Et le ministre de conclure : « ... »": the speaker is the noun phrase between
        "et" and "de" + a reporting verb's infinitive; "Et d'ajouter : « ... »" names no
        one and stands for the speaker before (a pronoun, resolved like "il")."""
        toks = self.toks
        if toks[a].text.lower() not in self.w.NARRATIVE_LEAD:
            return None
        for k in range(a + 1, min(colon, a + 12)):
            if toks[k].text.lower() in ("de", "d'", "d’") and k + 1 < colon and \
                    toks[k + 1].lemma in self.w.VERBS and \
                    self.feature(k + 1, "VerbForm") == "Inf":
                heads = [x for x in range(a + 1, k) if toks[x].pos in ("NOUN", "PROPN")]
                if not heads:
                    pos = toks[k].start
                    return ("il", pos, pos, "pronoun"), "", ""
                start, end = toks[a + 1].start, self._end(k - 1)
                kind = self._speaker_kind(heads[0], a + 1, k, start, end)
                if kind is None:
                    return None
                return ((self.text[start:end], start, end, kind),
                        self.feature(heads[0], "Gender"), self.feature(heads[0], "Number"))
        return None

    # --- reported speech -------------------------------------------------------------
    def indirect(self) -> list[Found]:
        out: list[Found] = []
        toks = self.toks
        for v in range(len(toks)):
            if self.in_quote[v] or not self._is_verb(v):
                continue
            m = self._que_after(v)
            if m is not None:
                # the reported clause is the completive with its "que", as the verb's
                # object: "a dit | qu'il viendrait"
                f = self._clause(v, m, toks[m].head if toks[m].head > m else m + 1)
            elif toks[v].lemma not in self.w.WISH_VERBS:  # "X espère partir": a wish
                inf = self._infinitive_after(v)
                f = self._clause(v, inf[0], inf[1]) if inf else None
            else:
                f = None
            if f is not None:
                out.append(f)
        out.extend(self._according())
        taken = [(f.start, f.end, f.speaker) for f in out]
        for f in self._inverted():
            # "X a expliqué avoir vu ..., a indiqué Y": Y reports X's report, a quote of
            # its own; the same words twice from one speaker are one quote
            if not any(s < f.end and f.start < e and (sp == f.speaker or not (
                    f.start <= s and e <= f.end)) for s, e, sp in taken):
                out.append(f)
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
        if self._restrictive(v):
            return None  # "il ne demande qu'à signer": only, not a reported clause
        for m in range(v + 1, min(v + 16, len(toks))):
            t = toks[m]
            if t.text.lower() in ("que", "qu", "qu'", "qu’") and (t.pos == "SCONJ"
                                                                   or t.dep == "mark"):
                # "avant que", "pour que": a subordinate clause, not reported speech, except
                # right after a verb of pleading ("a plaidé pour que"); a "que" the parse
                # hung back on the verb still opens its clause
                pleads = (toks[v].lemma, toks[m - 1].text.lower()) in self.w.VERB_PHRASES
                return m if (toks[m - 1].pos != "ADP" or pleads) and (
                    t.head > m or t.head == v) else None
            # "a déclaré à la presse que", "a expliqué en substance que": a complement
            # (a preposition and its noun) may stand between the verb and "que"
            if t.pos == "ADP" and m + 1 < len(toks) and (
                    toks[m + 1].pos in ("DET", "NOUN", "PROPN")
                    or (toks[v].lemma, t.text.lower()) in self.w.VERB_PHRASES):
                continue
            # "s'est dite persuadée que": the participle that carries the "que"
            if t.dep == "xcomp" and t.head == v and self.feature(m, "VerbForm") == "Part":
                continue
            if self.in_quote[m] or t.pos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or \
                    t.text in (".", ";", ":"):
                return None
        return None

    def _restrictive(self, v: int) -> bool:
        """Whether verb v stands in "ne ... que" (only): "ne" before its verb group, no
        "pas" / "jamais" / ... after, and "que" right after the verb ("il ne dit que
        cela", "elle ne demande qu'à partir")."""
        toks, w = self.toks, self.w
        first = min([v] + [c for c in self.kids(v) if c < v and toks[c].dep.startswith("aux")])
        ne = [x for x in range(max(0, first - 3), first) if toks[x].text.lower()
              in w.NEGATION_WORDS]
        if not ne or any(toks[x].text.lower() in w.NEGATION_PARTS for x in range(ne[-1], v)):
            return False  # "il ne lui aurait pas dit que": a negation
        for m in range(v + 1, min(v + 4, len(toks))):
            low = toks[m].text.lower()
            if low in w.NEGATION_PARTS:
                return False
            if low in ("que", "qu", "qu'", "qu’"):
                return True
            if toks[m].pos not in ("ADV",):
                return False
        return False

    def _clause(self, v: int, first: int, c: int) -> Found | None:
        toks = self.toks
        if first < len(toks) and toks[first].text in ("'", "’"):
            first += 1
        sent_end = self.unit(toks[v].start)[1] if self.units else len(self.text)
        last = max(self._subtree(c, quoted=True))
        if toks[c].pos not in ("VERB", "AUX", "ADJ") or last <= first:
            # the parse hung "que" on a noun of the clause: the clause runs to the end of
            # the sentence (a trailing relay is cut below)
            last = max(first, self._tok_from(sent_end) - 1)
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
        f = Found(start, end, "indirect", self.sentence(start),
                   paragraph=self.paragraph(start))
        f.speaker, f.gender, f.number = who
        f.via = self.via(a, b, who[0][1], reported=(start, end))
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

    def _inverted(self) -> list[Found]:
        """"<clause>, a déclaré mardi X." and "<clause>, a-t-il précisé.": a sentence that
        ends with an inverted reporting verb and its subject reports the clause before
        the comma, with no "que" and no quote marks."""
        out = []
        toks = self.toks
        for unit_start, unit_end in self.units:
            a, b = self._tok_from(unit_start), self._tok_from(unit_end)
            if any(s.open < unit_end and unit_start < s.close
                   and len(self.text[s.start:s.end].split()) > 1 for s in self.spans):
                continue  # quoted words: the quote and its incise are found as such
            for v in range(a + 3, b):
                if not self._is_verb(v) or self.in_quote[v]:
                    continue
                g = v  # the verb group: auxiliaries and clitics before the verb
                while g - 1 > a and (toks[g - 1].pos == "AUX" or toks[g - 1].text.lower()
                                     in self.w.INFINITIVE_LEAD
                                     or toks[g - 1].text.startswith("-")):  # "a-t-il dit"
                    g -= 1
                if toks[g - 1].text != "," or g - 1 - a < 3:
                    continue
                if self._que_after(v) is not None:
                    break  # "X, a expliqué Y, que ...": the verb reports its own clause
                # the subject after the verb, read from the words ("-t-il", "mardi X")
                h = next((x for x in range(g, v) if toks[x].text.startswith("-") and
                          toks[x].text.lower().lstrip("-t").lstrip("-") in self.w.PRONOUNS),
                         None)
                if h is None:
                    h = self._inverted_head(v)
                    h = None if h is not None and h <= v else h
                # the words before the comma must be a clause, with a finite verb: "Les
                # élus, reçus par le maire, ont qualifié le plan ..." reports nothing
                if h is None or not any(toks[x].pos in ("VERB", "AUX")
                                        and self.feature(x, "VerbForm") == "Fin"
                                        for x in range(a, g - 1)):
                    continue
                # the clause reports no speech of its own ("X a dit que P, a-t-il ajouté")
                if any(self._is_verb(x) and self._que_after(x) is not None
                       for x in range(a, g - 1)):
                    break
                who = self.speaker(h)
                if not who:
                    break
                start, end = unit_start, toks[g - 1].start
                f = Found(start, end, "indirect", self.sentence(start),
                          paragraph=self.paragraph(start))
                f.speaker, f.gender, f.number = who
                f.via = self.via(a, b, who[0][1], reported=(start, end))
                out.append(f)
                break
        return out

    def _according(self) -> list[Found]:
        """"Selon X, <clause>", "<clause>, selon X." and "<clause>, selon X, <clause>" in
        sentences with no other speaker."""
        out = []
        toks = self.toks
        for unit_start, unit_end in self.units:
            a, b = self._tok_from(unit_start), self._tok_from(unit_end)
            # a quoted term ("selon lui, les « fictives » ...") leaves the sentence reported;
            # quoted words ("pour X, c'est « une nécessité absolue »") are its quote
            if any(s.open >= unit_start and s.close <= unit_end
                   and len(self.text[s.start:s.end].split()) > 1 for s in self.spans):
                continue
            who, k = self._cue_speaker(a, b)
            if not who or k is None:
                continue
            h = self._cue_object(k, a)
            cue = self._subtree(h) if h is not None else {k}
            # a verb of the cue itself ("selon des témoins interrogés par ...") reports nothing
            # "Selon X, Y a déclaré que ..." relays Y's words; but "Selon X, une voisine
            # aurait avoué ..." is X's report of someone the article does not name
            inner = [self.subject(x) for x in range(a, b)  # (an infinitive reports nothing)
                     if x not in cue and self._is_verb(x)
                     and self.feature(x, "VerbForm") != "Inf"]
            if any(w and (k > a + 1 or w[0][3] in ("name", "role", "pronoun")) for w in inner):
                continue
            j = self.np(h)[1] if h is not None else k + 1
            # the cue's noun phrase ends at the comma after it ("Selon X, le ...")
            j = next((x for x in range(h if h is not None else k, j) if toks[x].text == ","), j)
            rest = range(j, b)
            if k <= a + 1 and j < b and toks[j].text == ",":
                start, end = toks[j + 1].start if j + 1 < b else unit_end, unit_end
            elif k > a + 1 and toks[k - 1].text == "," and all(
                    toks[x].pos == "PUNCT" or x in cue for x in rest):
                start, end = unit_start, toks[k - 1].start
            elif k > a + 1 and toks[k - 1].text == "," and j < b and toks[j].text == ",":
                # "<clause>, selon X, <clause>": the whole sentence is reported
                start, end = unit_start, unit_end
            else:
                continue
            clause = self.text[start:end].rstrip(SPACES + ".")
            if len(clause.split()) < 3:
                continue
            f = Found(start, start + len(clause), "indirect", self.sentence(start),
                       paragraph=self.paragraph(start))
            f.speaker, f.gender, f.number = who
            out.append(f)
        return out


def _clean_via(text: str, words: ModuleType) -> str:
    parts = text.split()
    while len(parts) > 1 and parts[0].lower() in DETERMINERS:
        parts.pop(0)
    out = " ".join(parts)
    for art in ("l'", "l’"):
        if out.lower().startswith(art):
            out = out[2:]
    return out


def _honorific_gender(name: str, words: ModuleType, language: str = "fr") -> str:
    """A named person's gender, for "il" / "elle" to agree with: the honorific's ("Mme
    Durand"), else that of a given name opening a name of two words or more when the
    language's lists give it to one gender only ("Fabrice Durand" Masc; "Camille Durand",
    "Durand" none). The parser's gender for a proper noun is a guess, not read."""
    parts = name.split()
    first = parts[0].lower() if parts else ""
    if first in words.HONORIFIC_GENDER:
        return words.HONORIFIC_GENDER[first]
    if len(parts) < 2 or not parts[0][:1].isupper():
        return ""
    names = lang.table(language, "given_names")
    return names.genders().get(names.fold_name(parts[0]), "") if names else ""


def _agrees(pron_gender: str, pron_number: str, gender: str, number: str) -> bool:
    if pron_gender and gender and pron_gender != gender:
        return False
    return not (pron_number and number and pron_number != number)


def _resolve(doc: _Doc, found: list[Found]) -> None:
    """Pronouns to their antecedents, "même source" to the last relay, unattributed
    quotes to the speaker before them (or after them, for a crosshead)."""
    # Antecedents: (position, speaker, gender, number). Names carry no gender: the parser's
    # gender for a proper noun is a guess.
    events = doc.subjects()
    events += doc.opening_names()
    weak = doc.named_people()
    # A name's gender is known from its honorific ("Mme Durand") or given name.
    language = doc.language
    events = [(p, who, g or _honorific_gender(who[0], doc.w, language), n)
              for p, who, g, n in events]
    events.sort(key=lambda e: e[0])
    last_via = None
    previous: Found | None = None
    spoken: list[tuple[int, tuple[str, int, int, str], str, int]] = []  # named speakers
    for f in found:
        sp = f.speaker
        if sp and sp[3] == "pronoun":
            # An unresolved pronoun names nobody: "il" shown as a speaker is a wrong name.
            # Subjects and speakers come first; failing them, the last person named.
            cands = [e for e in events if e[0] < sp[1]
                     and _agrees(f.gender, f.number, e[2], e[3])] if sp[0] != "on" else []
            if re.search(doc.w.FIRST_PERSON, doc.text[f.start:f.end]):
                # "je" is a person's word: not the army's or the ministry's
                cands = [e for e in cands if not doc.organisation_noun(e[1][0])]
            if not cands and sp[0] != "on" and f.number != "Plur":
                cands = [e for e in weak if e[0] < sp[1] and _agrees(
                    f.gender, "", _honorific_gender(e[1][0], doc.w, language), "")]
            best = max(cands, key=lambda e: e[0]) if cands else None
            if sp[0] != "on" and f.number != "Plur" and doc.on_root(sp[1]):
                # A pronoun of a main clause ("Pour lui, ...", "Il a expliqué ...") takes
                # up a person named in the sentence just before, even as an object ("Un
                # texte loin de satisfaire X. Pour lui, ..."), rather than the subject of
                # an older sentence
                k = bisect.bisect_right(doc.unit_starts, sp[1]) - 1
                # the sentence before, if it is one (a crosshead has no final stop)
                lo, hi = doc.units[k - 1] if k >= 1 else (0, 0)
                if hi > lo and _FINAL_STOP.search(doc.text[lo:hi]) and (
                        best is None or best[0] < lo):
                    near = [e for e in weak if lo <= e[0] < doc.units[k][0] and _agrees(
                        f.gender, "", _honorific_gender(e[1][0], doc.w, language), "")]
                    if near:
                        best = max(near, key=lambda e: e[0])
            if best is not None and best[1][3] != "name" and f.kind != "indirect":
                # "« ... », a-t-elle ajouté" after "the strategy" or "the government": a
                # person quoted in the sentences just before is the better antecedent
                said = [e for e in spoken if e[0] < sp[1] and f.paragraph - e[3] <= 2
                        and _agrees(f.gender, "", e[2], "")]
                if said:
                    best = max(said, key=lambda e: e[0])
            f.speaker = best[1] if best else None
        if f.speaker and f.speaker[3] in ("role", "described"):
            f.speaker = doc.role_holder(f.speaker) or f.speaker
            if f.speaker[3] == "described" and doc.recurring(f.speaker[0]):
                # "le grand maître", written again and again: the article's name for him
                f.speaker = (*f.speaker[:3], "role")
            if f.speaker[3] != "name" and doc.anaphoric(f.speaker[0]):
                # "« ... », a ajouté l'ex-otage": a definite description after quotes
                # stands for the person quoted just before, if one agrees with it
                # the gender is the determiner's ("le", "la"); an elided "l'" has none
                gender = doc.w.DETERMINER_GENDER.get(f.speaker[0].split()[0].lower(), "")
                near = [e for e in spoken if e[0] < f.speaker[1]
                        and f.paragraph - e[3] <= 3 and _agrees(gender, "", e[2], "")]
                if near:
                    f.speaker = max(near, key=lambda e: e[0])[1]
        if f.via == SAME:
            f.via = last_via
        if f.via:
            last_via = f.via
        if f.speaker is None and f.whole and not f.crosshead and previous is not None and \
                previous.speaker and f.paragraph - previous.paragraph <= 1:
            f.speaker, f.via = previous.speaker, f.via or previous.via
        if f.speaker and f.speaker[3] != "pronoun":
            gender = f.gender if (sp and sp[3] != "name") else \
                _honorific_gender(f.speaker[0], doc.w, language)
            events.append((sp[1] if sp else f.start, f.speaker, gender, f.number))
            if f.speaker[3] == "name" and f.speaker[1] >= 0:
                spoken.append((f.speaker[1], f.speaker, gender, f.paragraph))
        if (f.speaker or f.kind != "indirect") and not f.nested:
            previous = f
    for f in found:
        if f.speaker is None and f.kind == "partial":
            # "« Un bon départ », estime X, malgré des « vents contraires »": quoted
            # words in the sentence of an attributed quote are the same speaker's
            same = [g for g in found if g is not f and g.sentence == f.sentence
                    and g.kind != "indirect" and not g.nested and g.speaker]
            if len({g.speaker[0] for g in same}) == 1:
                f.speaker, f.via = same[0].speaker, f.via or same[0].via
    for i, f in enumerate(found):
        if f.crosshead and f.speaker is None:
            # A crosshead quotes words said in the section it opens: the speaker of the
            # quote it repeats, or of the quote right under it.
            later = [g for g in found[i + 1:] if g.speaker and g.kind != "indirect"]
            speaker, via = repeated(doc.text[f.start:f.end], later, doc.text)
            if speaker is not None:
                f.speaker = next(g.speaker for g in later if g.speaker[0] == speaker[0])
                f.via = via
            elif later and later[0].paragraph - f.paragraph <= 1 and later[0].whole:
                f.speaker, f.via = later[0].speaker, later[0].via
