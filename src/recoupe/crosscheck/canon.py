"""AnnotatedArticles -> Entities: every NER mention of one real-world thing, across all
articles, merged into one entity that lists all its spellings.

In: the annotated articles of a story (their mentions, tokens and language) and EntitiesConfig.
Out: a tuple of `Entity`, most mentioned first.

How mentions become one entity, in order (each step is general; the tables it reads are in
`lang/<code>/names.py` and the place data in `gazetteer`):
1. Each mention is cleaned: determiners ("l'"), honorifics and titles ("M.", "le président
   russe") and trailing debris are stripped; a mention with no capital letter, a digit glued
   to a word or a line of page furniture is not a name and is dropped.
2. Mentions are keyed by a spelling-blind form (case, accents, hyphens and spacing folded):
   Lee Jae-myung = Lee Jae Myung = Lee Jae-Myung. Country names go through CLDR and ISO 3166
   data (pycountry, with translations), so "Corée du Sud" and "République de Corée" share the
   country's code. A place designator is set aside ("région de la Volga", "cosmodrome de X",
   "X Cosmodrome"), so the designated place and its bare name meet.
3. Keys that are the same name in two transliterations (Tchernobyl / Chernobyl) are merged
   by rapidfuzz similarity on a transliteration-folded form, within one kind (person or not).
4. A short form is resolved to the one full name of the corpus that contains it (Scholz ->
   Olaf Scholz, M. Xi -> Xi Jinping); an ambiguous short form stays apart.
5. An acronym is resolved to the one name whose initials it spells (RDC -> République
   démocratique du Congo, itself a country).
6. The type is voted across mentions; a country is a place; a lone one-word "person" that
   is a known place name and never part of a longer person's name is a place (the metonym
   "Washington a affirmé"). An entity whose every mention is a single common noun
   ("la Défense", "l'État") is not a named thing and is dropped.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from ..config import EntitiesConfig
from ..model import AnnotatedArticle, Entity
from . import gazetteer
from .gazetteer import fold

# Spelling conventions of the transliteration schools (French, English, German, Spanish) for
# the same sounds, folded to one form before fuzzy comparison: Tchernobyl/Chernobyl,
# Khrouchtchev/Khrushchev, Jarkov/Kharkov. Applied in order, to an already accent-folded string.
_TRANSLIT = (("tch", "ch"), ("sch", "ch"), ("sh", "ch"), ("kh", "h"), ("zh", "j"),
             ("dj", "j"), ("ou", "u"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"),
             ("ii", "i"))
_COMMON_ZIPF = 3.0  # a word at least this frequent in the language is an ordinary word
_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,7}$")
_DEBRIS = ",;:|()[]{}«»\"“”„‘’'*#•–—-"


@dataclass(frozen=True)
class _Rec:
    """One usable mention: where it is, how it was written, and the name it carries."""

    article: str
    surface: str  # as written (white space normalised)
    name: str  # determiners and titles stripped
    core: str  # the name without a place designator ("Volga" for "région de la Volga")
    designated: bool
    label: str
    common: bool  # a single ordinary noun ("Défense") rather than a proper name
    language: str


def merge_entities(articles: Sequence[AnnotatedArticle], config: EntitiesConfig
                   ) -> tuple[Entity, ...]:
    """AnnotatedArticles -> Entities, one per real-world thing, most mentioned first."""
    recs = [r for a in articles for r in _records(a)]
    groups: dict[str, list[_Rec]] = defaultdict(list)
    for r in recs:
        groups[_key(r)].append(r)
    sets = _UnionFind(groups)
    _merge_transliterations(groups, sets, config.fuzzy_threshold)
    _merge_short_forms(groups, sets)
    _merge_acronyms(groups, sets)
    merged: dict[str, list[_Rec]] = defaultdict(list)
    keys_of: dict[str, list[str]] = defaultdict(list)
    for key, members in groups.items():
        root = sets.find(key)
        merged[root].extend(members)
        keys_of[root].append(key)
    person_words = {w for key, members in groups.items()
                    if _is_person(members) and len(_words(key)) >= 2 for w in _words(key)}
    entities = [e for root, members in merged.items()
                if (e := _entity(keys_of[root], members, person_words)) is not None]
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return tuple(_unique_ids(entities))


# --- 1. mentions -> records ---------------------------------------------------------------

def _tables(language: str | None, kind: str = "names"):
    try:
        return importlib.import_module(f"recoupe.lang.{language or 'fr'}.{kind}")
    except ModuleNotFoundError:
        return importlib.import_module(f"recoupe.lang.fr.{kind}")


@functools.cache
def _calendar_words(language: str) -> frozenset[str]:
    dates = _tables(language, "dates")
    return frozenset(fold(w) for w in [*dates.WEEKDAYS, *dates.MONTHS])


def _records(annotated: AnnotatedArticle) -> list[_Rec]:
    language = annotated.language or "fr"
    tables = _tables(language)
    calendar = _calendar_words(language)
    out = []
    for m in annotated.mentions:
        surface = " ".join(m.text.split())
        name = _strip_name(surface, tables)
        if name is None or fold(name) in calendar:
            continue  # "Vendredi" opening a headline is a day, whatever the NER says
        core, designated = _split_designator(name, m.label, tables)
        tokens = annotated.tokens[m.token_start:m.token_end]
        if _runs_across_phrases(tokens):
            continue
        common = (len(name.split()) == 1 and bool(tokens)
                  and all(t.pos != "PROPN" for t in tokens if t.text.strip(_DEBRIS))
                  and zipf_frequency(name.lower(), language) >= _COMMON_ZIPF)
        out.append(_Rec(annotated.article.id, surface, name, core, designated, m.label, common,
                        language))
    return out


def _runs_across_phrases(tokens) -> bool:
    """Inside a name a determiner follows a preposition ("Organisation mondiale de la santé");
    one after a noun, adjective or conjunction means the span ran on past the name
    ("Coopération économique les questions ...", "Sécurité sociale et les retraites")."""
    # A capitalised "determiner" is a word of the name that the tagger misread ("Choe Son
    # Hui", with "Son" taken for the possessive).
    return any(t.pos == "DET" and t.text[:1].islower() and prev.pos not in ("ADP", "DET")
               for prev, t in zip(tokens, tokens[1:], strict=False))


def _strip_name(surface: str, tables) -> str | None:
    """A mention as written -> the bare name, or None when it is not a name at all."""
    text = surface.strip(_DEBRIS + " .")
    text = re.sub(r"\s*\([^)]*\)?$", "", text)  # a trailing "(gauche)" or "(Source"
    if not text or not any(c.isupper() for c in text):
        return None
    if re.search(r"\d", text) and re.search(r"[^\W\d_]\d|\d[^\W\d_]|,", text):
        return None  # "Genève,12", "11:50AFP": page furniture glued to a word, not a name
    words = text.split()
    # Elided determiners are glued to the name: "l'Élysée", "d’Arménie".
    first = re.sub(r"^(?:[lLdD]['’])", "", words[0])
    words[0] = first or words[0]
    while len(words) > 1 and words[0].lower() in tables.DETERMINERS:
        words.pop(0)
    stripped_title = False
    while len(words) > 1 and words[0].lower() in tables.TITLES:
        words.pop(0)
        stripped_title = True
    # Lower-case words after a title qualify it ("le président brésilien Lula", "la
    # présidente de la Commission ..."): the name starts at the next capital.
    while stripped_title and len(words) > 1 and not words[0][:1].isupper():
        words.pop(0)
    if stripped_title and not words[0][:1].isupper():
        return None  # "président de la commission": a role, not a name
    name = " ".join(words).strip(_DEBRIS + " ")
    if len(name) < 2 or not name[:1].isalpha():
        return None
    return name


def _split_designator(name: str, label: str, tables) -> tuple[str, bool]:
    """"région de la Volga" -> ("Volga", True); "Baïkonour Cosmodrome" -> ("Baïkonour", True)."""
    if label == "ORG":
        return name, False
    words = name.split()
    lower = [w.lower() for w in words]
    for size in (2, 1):
        if len(words) > size and " ".join(lower[:size]) in tables.PLACE_DESIGNATORS:
            rest = words[size:]
            while len(rest) > 1 and rest[0].lower() in tables.CONNECTORS:
                rest = rest[1:]
            if rest:
                rest[0] = re.sub(r"^(?:[lLdD]['’])", "", rest[0]) or rest[0]
            if rest and rest[0][:1].isupper():
                return " ".join(rest), True
        if len(words) > size and " ".join(lower[-size:]) in tables.PLACE_DESIGNATORS:
            rest = words[:-size]
            if all(w[:1].isupper() for w in rest):
                return " ".join(rest), True
    return name, False


# --- 2. keys ------------------------------------------------------------------------------

def _key(r: _Rec) -> str:
    code = gazetteer.country_code(r.name, r.language)
    if code:
        return f"country:{code}"
    return f"name:{fold(r.core)}"


def _translit(text: str) -> str:
    for a, b in _TRANSLIT:
        text = text.replace(a, b)
    return text


class _UnionFind:
    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the root with the longer key: the fuller name stays the representative.
            if len(rb) > len(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _is_person(members: list[_Rec]) -> bool:
    labels = Counter(r.label for r in members)
    return labels["PER"] > 0 and labels["PER"] >= max(labels.values())


# --- 3. transliterations ------------------------------------------------------------------

def _merge_transliterations(groups: dict[str, list[_Rec]], sets: _UnionFind,
                            threshold: float) -> None:
    # Blocking on the first letter and the kind keeps this near-linear for large stories.
    blocks: dict[tuple[str, bool], list[tuple[str, str]]] = defaultdict(list)
    for key, members in groups.items():
        if key.startswith("country:"):
            continue
        text = _translit(key.split(":", 1)[1])
        if len(text) >= 5:
            blocks[(text[0], _is_person(members))].append((key, text))
    for items in blocks.values():
        for i, (key_a, a) in enumerate(items):
            for key_b, b in items[i + 1:]:
                if a == b or (abs(len(a) - len(b)) <= 3 and fuzz.ratio(a, b) >= threshold):
                    sets.union(key_a, key_b)


# --- 4. short forms -----------------------------------------------------------------------

def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))


def _words(key: str) -> list[str]:
    return _translit(key.split(":", 1)[1]).split()


def _merge_short_forms(groups: dict[str, list[_Rec]], sets: _UnionFind) -> None:
    full_names = {
        key: _words(key)
        for key, members in groups.items()
        if key.startswith("name:") and _is_person(members) and len(_words(key)) >= 2
    }
    # Longer partial names first ("Moon Jae" joins "Moon Jae-in"), so that a single word
    # met in both is no longer ambiguous when its turn comes.
    for key in sorted(groups, key=lambda k: -len(_words(k))):
        members = groups[key]
        if not key.startswith("name:"):
            continue
        words = _words(key)
        targets = {sets.find(k) for k, full in full_names.items()
                   if len(full) > len(words) and _contains(full, words)}
        if len(targets) != 1:
            continue  # unknown or ambiguous (two Parks): leave the short form on its own
        if not _is_person(members) and gazetteer.is_place(members[0].name, members[0].language):
            continue  # "Washington" the place is not George Washington
        sets.union(next(iter(targets)), key)


# --- 5. acronyms --------------------------------------------------------------------------

def _initials(name: str, tables) -> str:
    words = re.findall(r"[^\W\d_]+(?:['’])?", name)
    return "".join(w[0] for w in words
                   if w.lower() not in tables.ACRONYM_SKIP and not w.endswith(("'", "’"))
                   ).upper()


def _merge_acronyms(groups: dict[str, list[_Rec]], sets: _UnionFind) -> None:
    spelled: dict[str, set[str]] = defaultdict(set)
    for key, members in groups.items():
        for r in members:
            if len(r.name.split()) >= 2:
                spelled[_initials(r.name, _tables(r.language))].add(key)
    for key, members in groups.items():
        name = members[0].name
        if not _ACRONYM.match(name):
            continue
        targets = {sets.find(k) for k in spelled.get(name, ()) if k != key}
        if len(targets) == 1:
            sets.union(next(iter(targets)), key)


# --- 6. type, name, variants --------------------------------------------------------------

def _entity(keys: list[str], members: list[_Rec], person_words: set[str]) -> Entity | None:
    if all(r.common for r in members):
        return None
    countries = [k for k in keys if k.startswith("country:")]
    labels = Counter(r.label for r in members)
    kind = max(labels, key=lambda lab: (labels[lab], lab == "PER", lab == "LOC", lab == "ORG"))
    language = Counter(r.language for r in members).most_common(1)[0][0]
    if countries:
        kind = "LOC"
        name = gazetteer.country_name(Counter(countries).most_common(1)[0][0].split(":")[1],
                                      language)
    else:
        name = _display_name(members, kind)
        lone_words = all(len(r.name.split()) == 1 for r in members)
        if kind == "MISC" and any(r.designated for r in members):
            kind = "LOC"  # "cosmodrome de X": a designated place is a place
        if (kind == "PER" and lone_words and _translit(fold(name)) not in person_words
                and gazetteer.is_place(name, language)):
            kind = "LOC"  # a capital standing for its government: "Washington a affirmé"
    variants = {r.surface for r in members} | {r.name for r in members}
    variants |= {r.core for r in members if r.designated}
    variants.add(name)
    return Entity(
        id="",
        name=name,
        type=kind,
        variants=tuple(sorted(variants, key=lambda v: (fold(v), v))),
        articles=tuple(sorted({r.article for r in members})),
        mentions=len(members),
    )


def _display_name(members: list[_Rec], kind: str) -> str:
    counts = Counter(r.name for r in members)
    if kind == "PER":
        # The fullest form of a person's name, then the most written spelling of it.
        best = max(counts, key=lambda n: (len(n.split()), counts[n], n))
    else:
        designated = Counter(r.name for r in members if r.designated)
        pool = designated or counts
        best = max(pool, key=lambda n: (pool[n], len(n), n))
    return best[:1].upper() + best[1:]


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    from dataclasses import replace

    seen: Counter[str] = Counter()
    out = []
    for e in entities:
        base = "e-" + hashlib.sha1(f"{e.type}:{fold(e.name)}".encode()).hexdigest()[:10]
        seen[base] += 1
        out.append(replace(e, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out

