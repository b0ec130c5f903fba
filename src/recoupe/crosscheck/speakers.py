"""Quotes of a story -> the same quotes with their speaker resolved to an entity of the story.

In: the annotated articles of a story (their quotes, mentions, sentences and text) and the
story's entities. Out: every quote, with `speaker` the entity's name and `speaker_entity` its
id when the speaker can be tied to one, and `sentence_text` filled for reports.

A speaker written as a name is the entity whose mention lies in the speaker's words, or whose
spelling the words contain. A speaker written as a role ("le ministre de l'Agriculture", "la
ministre") is the person the story's own articles put right after that role ("le ministre
de l'Intérieur Jean Dupont", "la ministre, Marie Durand"): the one such person, or the one
named so clearly more often than any other. A role the articles never tie to a name, or a
pronoun left unresolved, keeps its words and no entity: recoupe does not guess.

Both look-ups go through indexes built once per story (a speaker's word spans against the
folded spellings, a role against the suffixes of the words before each name), so the
resolution grows with the number of quotes, not with quotes times entities or times
appositions; they give exactly what a scan of every spelling or apposition would.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import lang
from ..model import AnnotatedArticle, Entity, Quote
from ..text import fold

_WINDOW = 80  # characters before a name searched for a role written in apposition
# Entity types a speaker of each kind may be tied to: a role stands for a person.
_SPEAKER_TYPES = {"name": ("PER", "ORG"), "role": ("PER",)}
_DETERMINER = re.compile(r"^(?:l['’]|le |la |les |un |une )", re.I)


def resolve_speakers(articles: Sequence[AnnotatedArticle], entities: Sequence[Entity]
                     ) -> tuple[Quote, ...]:
    """Annotated articles + entities -> their quotes with speakers tied to entities."""
    by_variant = _variant_index(entities)
    spellings = _Spellings(by_variant)
    by_name = {e.name: e for e in entities}
    roles = _Roles(_appositions(articles, by_variant))
    fuller = _FullerRoles(articles, by_variant)
    out = []
    for a in articles:
        for q in a.quotes:
            # A speaker is a person or an organisation; a role's words may name the
            # organisation it serves ("le porte-parole du syndicat"), which is not the speaker.
            kinds = _SPEAKER_TYPES.get(q.speaker_kind or "", ())
            entity = (_by_mention(q, a, by_variant, kinds)
                      or _by_words(q.speaker, spellings, kinds))
            if entity is None and q.speaker and q.speaker_kind == "role":
                name = _role_holder(q.speaker, a, roles, fuller, by_variant)
                if name is None:
                    # "le magistrat": the prosecutor or judge its article has just named
                    person, antecedent = _hypernym_antecedent(q, a, fuller, by_variant)
                    name = person or (antecedent and _role_holder(
                        antecedent, a, roles, fuller, by_variant))
                entity = by_name.get(name) if name else None
            # "la jeune femme", "la mère" that no article names: someone described, not
            # identified, like "un témoin": no speaker rather than a description as one
            unnamed = entity is None and q.speaker_kind == "role" and \
                _describes(q.speaker or "", a.language)
            sentence = (a.article.title if q.sentence < 0
                        else a.sentences[q.sentence].text if q.sentence < len(a.sentences)
                        else None)
            out.append(dataclasses.replace(
                q, speaker=entity.name if entity else None if unnamed else q.speaker,
                speaker_kind="unnamed" if unnamed else q.speaker_kind,
                speaker_entity=entity.id if entity else None, sentence_text=sentence))
    return _one_label_per_role(out)


def _role_holder(role: str, a: AnnotatedArticle, roles: _Roles, fuller: _FullerRoles,
                 by_variant: dict[str, Entity]) -> str | None:
    """The name of the person a role written in article a stands for, or None."""
    key = _role_key(role)
    # a short role ("le procureur") the articles only name in a fuller form ("le
    # procureur de la République de Brest, X")
    # an organisation's noun ("la banque") is an organisation, never the person named after
    # it ("la banque Y" is rarely a person: only the fuller forms, which know, answer)
    name = (None if fuller.is_organisation(role) else roles.holder(key)) \
        or fuller.holder(role, a)
    # A bare role or nationality ("le Belge", "la ministre") refers back to someone its own
    # article names, not to another outlet's Belgian; a full office ("le ministre de
    # l'Agriculture") is one person across the story.
    if name and " " not in key and name not in _named_in(a, by_variant):
        return None
    return name


_HYPERNYM_REACH = 4  # sentences before a hypernym's own where its antecedent may stand


def _hypernym_antecedent(q: Quote, a: AnnotatedArticle, fuller: _FullerRoles,
                         by_variant: dict[str, Entity]) -> tuple[str | None, str | None]:
    """For a speaker written as a hypernym ("le magistrat"), what its article wrote last
    before it among the roles the hypernym stands for: (the person, None) when that is the
    name of someone the story gives one of those roles ("M. X", X a prosecutor), (None, the
    role with its determiner and complement: "le procureur de la République de Brest") when
    it is the role; (None, None) when neither stands within a few sentences before it. The
    nearest one is taken: a judge named in between is the judge, and a judge no one names
    leaves the hypernym unresolved."""
    words = lang.table("fr", "roles")
    folded = fold(q.speaker or "").split(" ")
    if len(folded) != 2 or folded[0] not in words.DEFINITE or q.sentence < 0:
        return None, None
    hyponyms = {fold(w) for w in words.HYPERNYMS.get(folded[1], ())}
    if not hyponyms:
        return None, None
    before = q.speaker_start if q.speaker_start is not None else q.start
    first = a.sentences[max(0, q.sentence - _HYPERNYM_REACH)].start if a.sentences else 0
    tokens = a.tokens
    people = {m.start: e.name for m in a.mentions if m.label == "PER"
              and (e := by_variant.get(fold(m.text))) is not None and e.type == "PER"}
    for j in range(len(tokens) - 1, 0, -1):
        t = tokens[j]
        if t.start >= before:
            continue
        if t.start < first:
            break
        if t.start in people and fuller.holds(people[t.start], hyponyms):
            return people[t.start], None
        if fold(t.text) not in hyponyms or fold(tokens[j - 1].text) not in words.DEFINITE:
            continue
        phrase = [tokens[j - 1].text, t.text]
        k = j + 1
        while k < len(tokens) and tokens[k].pos in _PHRASE_POS and tokens[k].start < before \
                and tokens[k].start not in people and len(phrase) < _PHRASE_WORDS:
            phrase.append(tokens[k].text)
            k += 1
        return None, " ".join(phrase).replace("' ", "'").replace("’ ", "’")
    return None, None


def _one_label_per_role(quotes: list[Quote]) -> tuple[Quote, ...]:
    """Quotes -> the same, every unresolved role written one way: "Le procureur" (a sentence's
    first word), "le procureur" and "procureur" are one speaker, shown under one label: a
    spelling with its determiner, in lower case (a capital only opens a sentence), the one
    most quotes use. A role without a determiner joins the one determined form of it
    ("parquet" -> "le parquet"), not two ("le"/"la" are two people); a determiner of
    another gender or number, or an indefinite one, keeps its own label."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for q in quotes:
        if _unresolved_role(q):
            spellings[fold(q.speaker or "")][q.speaker] += 1
    determined: dict[str, list[str]] = defaultdict(list)
    for key in spellings:
        if (rest := _DEFINITE_KEY.sub("", key)) != key:
            determined[rest].append(key)
    group = {key: determined[key][0] if len(determined.get(key, ())) == 1 else key
             for key in spellings}
    merged: dict[str, Counter] = defaultdict(Counter)
    for key, c in spellings.items():
        merged[group[key]].update(c)
    label = {key: min(c, key=lambda s: (fold(s) != key, not s[:1].islower(), -c[s], s))
             for key, c in merged.items() if len(c) > 1}
    return tuple(dataclasses.replace(q, speaker=label[k])
                 if _unresolved_role(q) and (k := group[fold(q.speaker or "")]) in label
                 else q for q in quotes)


_DEFINITE_KEY = re.compile(r"^(?:le|la|l|les) ")  # a folded role's definite determiner


def _unresolved_role(q: Quote) -> bool:
    return bool(q.speaker) and q.speaker_kind == "role" and not q.speaker_entity


def _describes(speaker: str, language: str | None) -> bool:
    """True when a role's words describe a person (kinship, age, circumstance) rather than
    name an office that one person holds (`lang.<code>.attribution.DESCRIPTIONS`)."""
    words = lang.table(language or "fr", "attribution") or lang.table("fr", "attribution")
    found = set(re.findall(r"[\w-]+", speaker.lower()))
    return bool(found & words.DESCRIPTIONS) and not found & words.SPEAKER_NOUNS


def _named_in(a: AnnotatedArticle, by_variant: dict[str, Entity]) -> set[str]:
    """Names of the story's people and organisations that article a mentions."""
    return {e.name for m in a.mentions if m.label in ("PER", "ORG")
            and (e := by_variant.get(fold(m.text))) is not None}


def _variant_index(entities: Sequence[Entity]) -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: -e.mentions):  # a shared spelling: the bigger one
        for v in e.variants:
            index.setdefault(fold(v), e)
    return index


def _by_mention(q: Quote, a: AnnotatedArticle, by_variant: dict[str, Entity],
                kinds: tuple[str, ...]) -> Entity | None:
    if q.speaker_start is None or q.speaker_end is None or q.sentence < 0:
        return None
    inside = [m for m in a.mentions
              if q.speaker_start <= m.start and m.end <= q.speaker_end]
    for m in sorted(inside, key=lambda m: (m.label != "PER", m.start)):
        entity = by_variant.get(fold(m.text))
        if entity is not None and entity.type in kinds:
            return entity
    return None


class _Spellings:
    """The story's folded spellings, each with its rank in `by_variant` (its order breaks a
    tie between two spellings of one length) and the most words one of them has."""

    def __init__(self, by_variant: dict[str, Entity]):
        self.by_variant = by_variant
        self.rank = {v: i for i, v in enumerate(by_variant)}
        self.most_words = max((v.count(" ") + 1 for v in by_variant), default=0)


def _by_words(words: str | None, spellings: _Spellings,
              kinds: tuple[str, ...]) -> Entity | None:
    """The entity whose longest spelling the speaker's words contain as whole words (the
    first in `by_variant` order between two as long)."""
    if not words:
        return None
    # fold() leaves single spaces and no space at either end, in the words as in each
    # spelling: a spelling lies in the words as whole words exactly when it is one of their
    # spans of consecutive words, so each span is looked up instead of every spelling scanned.
    tokens = fold(words).split(" ")
    best: tuple[str, Entity] | None = None
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + spellings.most_words) + 1):
            variant = " ".join(tokens[i:j])
            entity = spellings.by_variant.get(variant)
            if entity is None or len(variant) <= 2 or entity.type not in kinds:
                continue
            if best is None or len(variant) > len(best[0]) or (
                    len(variant) == len(best[0])
                    and spellings.rank[variant] < spellings.rank[best[0]]):
                best = (variant, entity)
    return best[1] if best else None


def _role_key(words: str) -> str:
    return fold(_DETERMINER.sub("", words.strip()))


def _appositions(articles: Sequence[AnnotatedArticle], by_variant: dict[str, Entity]
                 ) -> dict[str, Counter]:
    """Role words -> how often each person's name follows them in the story's articles."""
    found: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        text = a.article.text
        for m in a.mentions:
            entity = by_variant.get(fold(m.text))
            if m.label != "PER" or entity is None or entity.type != "PER":
                continue
            # within the name's sentence: "... a souligné le magistrat.\n\nX a ..." puts
            # no role before X (fold() turns the full stop into a space)
            start = a.sentences[m.sentence].start if m.sentence < len(a.sentences) else 0
            before = fold(text[max(0, start, m.start - _WINDOW):m.start]).rstrip(" ,")
            if before:
                found[before][entity.name] += 1
    return found


_OF_THE = frozenset({"de", "du", "des", "d", "la", "l", "le", "les"})


def _governed(words: str) -> bool:
    """Whether folded words end with a person's noun and "de"/"du"/"de la"...: a role after
    them is that person's complement ("l'avocat du ministre", "la fille de la ministre"), so
    the name after the role may be that person's, not the role's."""
    last = words.split(" ")[-3:]
    while last and last[-1] in _OF_THE:
        last.pop()
    return len(last) < len(words.split(" ")[-3:]) and bool(last) \
        and last[-1] in _person_nouns()


@functools.cache
def _person_nouns() -> frozenset[str]:
    """`lang.fr.roles.PERSON_NOUNS`, folded."""
    return frozenset(fold(w) for w in lang.table("fr", "roles").PERSON_NOUNS)


class _Roles:
    """Role words -> the one person the story's appositions put after them, or None.

    A role matches the words before a name when it is all of them or their last words
    (`before == role or before.endswith(" " + role)`), unless another person's noun governs
    it there ("l'épouse du chef de l'État X": X is the wife, `_governed`): the words before
    each name are indexed under each of their word-boundary suffixes, once, when a role is
    first asked for, so a role costs the appositions that match it rather than a scan of
    them all.
    The index keeps the appositions' order, so the counts (and a tie) come out as a scan
    would give them."""

    def __init__(self, appositions: dict[str, Counter]):
        self.appositions = appositions
        self.by_suffix: dict[str, list[Counter]] | None = None
        self.known: dict[str, str | None] = {}

    def holder(self, role: str) -> str | None:
        if role not in self.known:
            self.known[role] = self._holder(role)
        return self.known[role]

    def _holder(self, role: str) -> str | None:
        if len(role) < 4:
            return None
        if self.by_suffix is None:
            self.by_suffix = defaultdict(list)
            for before, names in self.appositions.items():
                # each suffix has its own length, so a before is listed once per suffix
                self.by_suffix[before].append(names)
                for i, c in enumerate(before):
                    if c == " " and not _governed(before[:i]):
                        self.by_suffix[before[i + 1:]].append(names)
        counts: Counter = Counter()
        for names in self.by_suffix.get(role, ()):
            counts.update(names)
        if not counts:
            return None
        (first, n1), *rest = counts.most_common(2)
        if rest and rest[0][1] * 2 > n1:
            return None  # two people answer to this role about as often: do not choose
        return first



_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PHRASE_WORDS = 12  # words of a role phrase looked at before a name
_OF = frozenset({"de", "du", "des", "d"})  # a complement of a role noun opens with one


class _FullerRoles:
    """A short role -> the one person the story's articles name with a fuller form of it.

    The role phrase before each name is the run of nouns, adjectives, prepositions and
    determiners that ends right before it (a comma between them allowed), in its sentence:
    "a déclaré mardi le procureur de la République de Brest, X". A role ("le procureur")
    matches a phrase where its words follow a definite determiner and are followed by a
    complement ("de la République de Brest", "britannique") that names no other person
    ("l'avocat du procureur X": X is the prosecutor, not the lawyer). The role resolves only
    when exactly one person of the story matches it, counting every phrase where its words
    appear (after an adjective too: "l'ancien procureur Y" is another holder): two holders,
    and the role is left as written. A determiner of the other gender ("la ministre" /
    "le ministre de l'Intérieur X") is another person's office. And the quote's own article
    must not name another office of that role ("la ministre de la Culture" where the one
    holder is "la ministre de la Santé X"): that office's holder, named nowhere, may be the
    one who speaks."""

    def __init__(self, articles: Sequence[AnnotatedArticle], by_variant: dict[str, Entity]):
        words = lang.table("fr", "roles")
        self.person_nouns = _person_nouns()
        self.masculine, self.feminine = words.MASCULINE, words.FEMININE
        self.definite = words.DEFINITE
        self.not_definite = words.NOT_DEFINITE
        self.org_nouns = frozenset(fold(w) for w in words.ORGANISATION_NOUNS)
        self.by_variant = by_variant
        # folded word -> (phrase, position, person) wherever a phrase before a person's
        # name holds it, or a phrase after it opens on it (after its determiner); the same
        # for organisations' names ("la banque régionale X") in `org_by_word`
        self.by_word: dict[str, list[tuple[_Words, int, str]]] = defaultdict(list)
        self.org_by_word: dict[str, list[tuple[_Words, int, str]]] = defaultdict(list)
        for a in articles:
            for m in a.mentions:
                entity = by_variant.get(fold(m.text))
                if entity is None or m.label not in ("PER", "ORG") or entity.type != m.label:
                    continue
                index = self.by_word if m.label == "PER" else self.org_by_word
                phrase = _phrase_before(a, m)
                for i, (w, _) in enumerate(phrase):
                    index[w].append((phrase, i, entity.name))
                phrase = _phrase_after(a, m)
                # "X, le fils du ministre": only the phrase's head is X's role
                head = 1 if phrase and phrase[0][0] in self.definite else 0
                if len(phrase) > head:
                    index[phrase[head][0]].append((phrase, head, entity.name))
        self.known: dict[str, tuple[str, list[frozenset[str]]] | None] = {}
        self.words_of: dict[str, _Words] = {}
        self.in_article: dict[tuple[str, str], str | None] = {}

    def holder(self, speaker: str, article: AnnotatedArticle) -> str | None:
        """The one holder of the speaker's role, unless the article names another office
        of that role (each answer kept: an article quotes one role many times)."""
        key = (speaker, article.article.id)
        if key not in self.in_article:
            self.in_article[key] = self._holder_in(speaker, article)
        return self.in_article[key]

    def _holder_in(self, speaker: str, article: AnnotatedArticle) -> str | None:
        if speaker not in self.known:
            self.known[speaker] = self._holder(speaker)
        found = self.known[speaker]
        if found is None:
            return None
        name, offices = found
        gender, role = self._split(speaker)
        if role[0] in self.org_nouns and not self._leading_org(article, name, role[0]):
            return None
        for office in self._offices(article, role, gender):
            if office and not any(office <= o or o <= office for o in offices):
                return None
        return name

    def holds(self, name: str, heads: set[str]) -> bool:
        """Whether a phrase by the person's name gives them one of these role nouns as its
        own (after a definite determiner or as the phrase's first word, with no other
        person's noun after it)."""
        for head in heads:
            for phrase, i, holder in self.by_word.get(head, ()):
                if holder == name and (i == 0 or phrase[i - 1][0] in self.definite) \
                        and not {w for w, _ in phrase[i + 1:]} & self.person_nouns \
                        and not _governed(" ".join(w for w, _ in phrase[:i])):
                    return True
        return False

    def is_organisation(self, speaker: str) -> bool:
        role = self._split(speaker)[1]
        return bool(role) and role[0] in self.org_nouns

    def _leading_org(self, a: AnnotatedArticle, name: str, noun: str) -> bool:
        """Whether the organisation is the one article a names most, more often than any
        other, and no other it names carries the role's noun ("la Banque de Y"): "le
        groupe" in an article about another group, named nowhere after that noun, is that
        other group."""
        counts: Counter = Counter()
        for m in a.mentions:
            e = self.by_variant.get(fold(m.text))
            if m.label == "ORG" and e is not None and e.type == "ORG":
                counts[e.name] += 1
                if e.name != name and noun in fold(e.name).split(" "):
                    return False
        (first, n1), *rest = counts.most_common(2) or [("", 0)]
        return first == name and not (rest and rest[0][1] == n1)

    def _gender(self, word: str | None) -> str | None:
        return "m" if word in self.masculine else "f" if word in self.feminine else None

    def _split(self, speaker: str) -> tuple[str | None, list[str]]:
        words = fold(speaker).split(" ")
        if words and words[0] in self.definite:
            return self._gender(words[0]), words[1:]
        return None, words

    def _matches(self, phrase: _Words, i: int, role: list[str], gender: str | None
                 ) -> bool:
        """Whether the role's words at position i of a phrase can be the role: same
        gender, and no other person's noun after them."""
        if [w for w, _ in phrase[i:i + len(role)]] != role:
            return False
        other = self._gender(phrase[i - 1][0]) if i else None
        return not (gender and other and other != gender)

    def _holder(self, speaker: str) -> tuple[str, list[frozenset[str]]] | None:
        gender, role = self._split(speaker)
        if not role or role[0] in self.not_definite or len(" ".join(role)) < 4:
            return None
        # an organisation's noun ("la banque") stands for an organisation, another role
        # ("le procureur") for a person
        org = role[0] in self.org_nouns
        if not org and not set(role) & self.person_nouns:
            return None
        inner = self.person_nouns | self.org_nouns if org else self.person_nouns
        holders: set[str] = set()
        strict: dict[str, list[frozenset[str]]] = defaultdict(list)
        n = len(role)
        for phrase, i, name in (self.org_by_word if org else self.by_word).get(role[0], ()):
            if not self._matches(phrase, i, role, gender):
                continue
            tail = phrase[i + n:]
            if {w for w, _ in tail} & inner or {w[:-1] for w, _ in tail if w[-1:] in "sx"} & inner:
                continue  # the name belongs to a noun after the role
            holders.add(name)
            if (i == 0 or phrase[i - 1][0] in self.definite) \
                    and not _governed(" ".join(w for w, _ in phrase[:i])):
                strict[name].append(frozenset(w for w, pos in tail if pos in _NOUNS))
        if len(holders) != 1 or not strict:
            return None
        name = next(iter(holders))
        return name, strict[name]

    def _offices(self, a: AnnotatedArticle, role: list[str], gender: str | None
                 ) -> list[frozenset[str]]:
        """The nouns of each complement the article gives the role ("la ministre de la
        Culture" -> {"culture"}), wherever it writes the role after a definite determiner."""
        key = a.article.id
        if key not in self.words_of:
            self.words_of[key] = tuple((w, t.pos) for t in a.tokens
                                       for w in fold(t.text).split(" ") if w)
        words = self.words_of[key]
        out = []
        for i in range(1, len(words) - len(role) + 1):
            if words[i - 1][0] not in self.definite or not self._matches(
                    words, i, role, gender):
                continue
            j = i + len(role)
            if j < len(words) and (words[j][0] in _OF or words[j][1] == "ADJ"):
                tail = []
                while j < len(words) and words[j][1] in _PHRASE_POS and len(tail) < 8:
                    tail.append(words[j])
                    j += 1
                out.append(frozenset(w for w, pos in tail if pos in _NOUNS))
        return out


_Words = tuple[tuple[str, str], ...]  # folded words, each with its token's part of speech
_CLOSE = frozenset({"PUNCT", "CCONJ"})  # what may end an apposition after a name


def _phrase_after(a: AnnotatedArticle, m) -> _Words:
    """The folded words (with their part of speech) of the apposition after mention m:
    "X, la ministre de la Santé, a dit" -> "la ministre de la sante". Only a phrase set
    off by a comma and closed by punctuation, a conjunction or the sentence's end: in "pour
    X, le ministre a tort" the words after the comma open another clause. A name after a
    preposition ("selon X, ...") is left out: what follows its comma is the reported words."""
    tokens = a.tokens
    k, end = m.token_start, m.token_end
    if not tokens or end >= len(tokens) or k >= len(tokens) or tokens[k].start != m.start \
            or tokens[end].text != "," or (k and tokens[k - 1].pos == "ADP"):
        return ()
    stop = a.sentences[m.sentence].end if m.sentence < len(a.sentences) else len(a.article.text)
    out: list[tuple[str, str]] = []
    j = end + 1
    while j < len(tokens) and tokens[j].start < stop and tokens[j].pos in _PHRASE_POS \
            and len(out) < _PHRASE_WORDS:
        out += [(w, tokens[j].pos) for w in fold(tokens[j].text).split(" ") if w]
        j += 1
    if j < len(tokens) and tokens[j].start < stop and tokens[j].pos not in _CLOSE:
        return ()
    return tuple(out)


def _phrase_before(a: AnnotatedArticle, m) -> _Words:
    """The folded words (with their part of speech) of the noun phrase that ends right
    before mention m (a comma between them allowed), within its sentence: "le procureur de
    la République de Brest, X"."""
    tokens = a.tokens
    k = m.token_start - 1
    if not tokens or k < 0 or k >= len(tokens) or tokens[m.token_start].start != m.start:
        return ()
    start = a.sentences[m.sentence].start if m.sentence < len(a.sentences) else 0
    if tokens[k].text == ",":
        k -= 1
    out: list[tuple[str, str]] = []
    while k >= 0 and tokens[k].start >= start and tokens[k].pos in _PHRASE_POS \
            and len(out) < _PHRASE_WORDS:
        out[:0] = [(w, tokens[k].pos) for w in fold(tokens[k].text).split(" ") if w]
        k -= 1
    return tuple(out)
