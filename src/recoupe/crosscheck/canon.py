"""AnnotatedArticles -> Entities: every NER mention of one real-world thing, across all
articles, merged into one entity that lists all its spellings.

In: the annotated articles of a story (their mentions, tokens and language) and EntitiesConfig.
Out: a tuple of `Entity`, most mentioned first.

How mentions become one entity, in order (each step is general; the word tables it reads are
in `lang/<code>/names.py` and the place data in `gazetteer`):
1. Each mention is cleaned: determiners ("l'"), honorifics and titles ("M.", "le président
   brésilien") and trailing debris are stripped; a mention with no capital letter, a digit
   glued to a word, or a span that runs on past the name is not a name and is dropped, and
   so is a day ("Lundi soir"), an editor's mark, a function named by a fixed phrase even
   when it began before the span ("procureur de la | République de X"), a minister's
   portfolio. A name ends before a spaced dash and never on a small word ("... et des").
   A name next to a bracketed acronym that spells it ("Nom Long (NL)", "NL (Nom Long)")
   keeps the acronym; a name the recogniser cut short of the bracket is run on to it.
   A lower-case noun right before the name says its type ("le cabinet X", "son fils X",
   "la maladie d'X"), and "l'affaire X", "la loi Y" are events or texts, not X or Y.
   An organisation, medium or place glued to a person's full name ("Radio X Paul Y") is
   split at the given name when the part before it is a name of its own.
2. Mentions are keyed by a spelling-blind form (case, accents, hyphens and spacing folded):
   Lee Jae-myung = Lee Jae Myung. Country names go through CLDR and ISO 3166 data (pycountry,
   with translations), so "Corée du Sud" and "République de Corée" share the country's code.
   An area designator is set aside ("région de la Volga" is the Volga); a site designator
   keys the site by its kind and name ("cosmodrome de X" = "X Cosmodrome", never the town X).
3. Keys that are one name in two transliterations (Tchernobyl / Chernobyl) are merged by
   rapidfuzz similarity on a transliteration-folded form, within one kind of key.
4. A bare name joins the area or site of that name (a site only if the name is not a known
   place itself: "gare de Lyon" is not Lyon). A name the NER calls a person never does.
5. A short form is resolved to the one full name of the corpus that it ends (Scholz -> Olaf
   Scholz), or that it starts when it is a truncation of several words or follows an
   honorific (M. Xi -> Xi Jinping); an ambiguous short form, or a name after a regnal title
   ("le roi Charles"), stays apart. A given name alone joins the one full name of the
   story that it opens, when an article writes both (Jeanne -> Jeanne Roux).
6. An acronym is resolved to the one name whose initials it spells (RDC -> République
   démocratique du Congo, itself a country), also one written as a word ("Unesco"); one
   written in brackets after a name is that name's, even when its letters skip a word.
   The spelled name then gives the entity its name and its type.
7. The type is voted across mentions; a country, area or site is a place; a lone one-word
   "person" that is a known place and never part of a longer person's name is a place (the
   metonym "Washington a affirmé"). Then what the name says corrects the vote (tables in
   `lang/<code>/institutions.py`, given names from `lang/<code>/given_names.py`): a news
   agency or a one-word credit of the article, an institution ("Cour de ...", "ministère
   de ...") and a seat of power standing for it ("le Kremlin", "l'Élysée") are
   organisations, a former state is a place, a name that opens with a given name (and goes
   on with no ordinary word) or that followed "M."/"Mme" is a person. A wire's name glued
   to a word by a scraper ("AFP Deuxième") is taken off the mention. An entity whose every
   mention is a single common noun ("la Défense", "l'État"), or a lone verb taken for a
   name (a participle opening a sentence), is not a named thing and is dropped; so is one
   only ever met as a word of an intertitle in capitals, or as ordinary words opening a
   sentence ("Nouvelles mesures"). A nationality the NER took for a place is MISC.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency

from .. import lang
from ..annotate.attribution import verb_taken_for_a_name
from ..config import EntitiesConfig
from ..lang import agencies
from ..model import AnnotatedArticle, Entity
from ..text import UnionFind, fold
from . import gazetteer

# Spelling conventions of the transliteration schools (French, English, German, Spanish) for
# the same sounds, folded to one form before fuzzy comparison: Tchernobyl/Chernobyl,
# Khrouchtchev/Khrushchev, Jarkov/Kharkov. Applied in order, to an already accent-folded string.
_TRANSLIT = (("tch", "ch"), ("sch", "ch"), ("sh", "ch"), ("kh", "h"), ("zh", "j"),
             ("dj", "j"), ("ou", "u"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"),
             ("ii", "i"))
_COMMON_ZIPF = 3.0  # a word at least this frequent in the language is an ordinary word
_MAX_LENGTH_GAP = 3  # spellings of one name differ by a few letters, not more
_WORD_LIKENESS = 75  # least rapidfuzz ratio of each pair of words of two spellings of a name
_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,7}$")
# An acronym written as a word, a capital then lower case ("Unesco"): only with the spelled
# name of three words or more as evidence, and never a given name or a known place.
_WORD_ACRONYM = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]{2,5}$")
# What may stand in brackets right after a name as its acronym ("(ONU)", "(Unesco)",
# "(MoDem)"): the bracket is the evidence, the letters must still spell the name.
# Syllables of the words run together, each with its capital ("BanRur"): a clipped acronym.
_CLIPPED = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]{1,4}){2,4}$")
_BRACKETED = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ&]{1,9}$")
_MAX_EXTENSION = 8  # words between a cut name and its bracketed acronym
_ELIDED = re.compile(r"^(?:[lLdD]['’])")  # "l'Élysée", "d’Arménie"
_DEBRIS = ",;:|()[]{}«»\"“”„‘’'*#•–—-"
_SURFACE_DEBRIS = ",;:|«»\"“”„‘’'*#•–—- "  # brackets stay: "Nom Long (NL)" is whole
_NAME, _COUNTRY, _AREA, _SITE = "name", "country", "area", "site"
_AGENCY_NAMES = frozenset(agencies.CREDIT_NAMES)
# Upper-case forms of one word: a scraper glues "AFP" or "REUTERS", not "Reuters", to
# the next words; two-letter ones other than AP are too often other acronyms.
_AGENCY_CAPS = frozenset(a.upper() for a in agencies.CREDIT_NAMES
                         if " " not in a and (len(a) >= 3 or a == "AP"))
_AGENCY_KEYS = frozenset(fold(a) for a in agencies.CREDIT_NAMES)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|\bet\b|\bavec\b)\s*")
_PERSON_LIKE_ZIPF = 4.5  # a word this frequent ("nationale", "blanc") is no surname here


@dataclass(frozen=True)
class _Rec:
    """One usable mention: where it is, how it was written, and the name it carries."""

    article: str
    surface: str  # as written (white space normalised)
    name: str  # determiners and titles stripped
    core: str  # the name without its designator ("Volga" for "région de la Volga")
    place: str | None  # None, "area", or "site:<kind>" when a designator was set aside
    label: str
    common: bool  # a single ordinary noun ("Défense") or verb, rather than a proper name
    honorific: bool  # followed "M.", "Mme"...: the name is a family name
    regnal: bool  # followed "le roi", "le pape"...: a reign name, not a first name
    language: str
    credited: bool = False  # a one-word name its article gives as a credit ("Reuters")
    acronym: str | None = None  # written in brackets right after the name: "Nom Long (NL)"
    capitals: bool = False  # one word in a line all in capitals: an intertitle's word


def merge_entities(articles: Sequence[AnnotatedArticle], config: EntitiesConfig
                   ) -> tuple[Entity, ...]:
    """AnnotatedArticles -> Entities, one per real-world thing, most mentioned first."""
    groups: dict[str, list[_Rec]] = defaultdict(list)
    for r in _unglue_people([r for a in articles for r in _records(a)]):
        groups[_key(r)].append(r)
    # The root with the longer key stays: the fuller name is the representative.
    sets = UnionFind(groups, prefer=lambda a, b: len(a) >= len(b))
    _merge_transliterations(groups, sets, config.fuzzy_threshold)
    _merge_bare_places(groups, sets)
    _merge_short_forms(groups, sets)
    _merge_acronyms(groups, sets)
    merged: dict[str, list[_Rec]] = defaultdict(list)
    keys_of: dict[str, list[str]] = defaultdict(list)
    for key, members in groups.items():
        root = sets.find(key)
        merged[root].extend(members)
        keys_of[root].append(key)
    person_words = {w for key, members in groups.items()
                    if _kind(key) == _NAME and _is_person(members) and len(_words(key)) >= 2
                    for w in _words(key)}
    entities = [e for root, members in merged.items()
                if (e := _entity(keys_of[root], members, person_words)) is not None]
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return tuple(_unique_ids(entities))


# --- 1. mentions -> records ---------------------------------------------------------------

def _tables(language: str | None, name: str = "names"):
    return lang.table(language, name) or lang.table("fr", name)


@functools.cache
def _calendar_words(language: str) -> frozenset[str]:
    dates = _tables(language, "dates")
    return frozenset(fold(w) for w in [*dates.WEEKDAYS, *dates.MONTHS])


def _records(annotated: AnnotatedArticle) -> list[_Rec]:
    language = annotated.language or "fr"
    tables = _tables(language)
    calendar = _calendar_words(language)
    credited = {fold(piece) for credit in annotated.article.credits
                for piece in _CREDIT_SPLIT.split(credit) if piece.strip()}
    out = []
    for m in annotated.mentions:
        tokens = annotated.tokens[m.token_start:m.token_end]
        if _runs_across_phrases(tokens):
            continue
        # as written, less the quotation marks and dashes a span may run into
        surface = " ".join(m.text.split()).strip(_SURFACE_DEBRIS) or m.text
        while " " in surface and surface.rsplit(" ", 1)[1].lower() in tables.ACRONYM_SKIP:
            surface = surface.rsplit(" ", 1)[0]  # "... et des": cut there, see _strip_name
        bracketed = _bracketed_acronym(annotated, m, tables)
        acronym = None
        if bracketed:
            surface, acronym = bracketed
        stripped = _strip_name(surface, tables)
        if stripped is None:
            continue
        name, titles = stripped
        if not _names_something(annotated, m, surface, name, tables, calendar):
            continue
        label = _kind_said_before(annotated, m) or m.label
        heads = getattr(_tables(language, "institutions"), "EVENT_HEADS", ())
        if label in ("PER", "LOC") and len(name.split()) >= 2 and (
                name.split()[0].lower() in heads):
            label = "MISC"  # "l'affaire Dupont", "la loi Martin": an event or a text
        core, place = _split_designator(name, label, tables)
        # a single ordinary noun, or a lone verb the recogniser took for a name
        common = (len(name.split()) == 1 and bool(tokens) and (
            verb_taken_for_a_name(name, tokens)
            or (all(t.pos != "PROPN" for t in tokens if t.text.strip(_DEBRIS))
                and zipf_frequency(name.lower(), language) >= _COMMON_ZIPF))
            or label == "MISC" and _opening_words(annotated, m, name, language))
        out.append(_Rec(annotated.article.id, surface, name, core, place, label, common,
                        bool(titles & tables.HONORIFICS), bool(titles & tables.REGNAL_TITLES),
                        language, len(name.split()) == 1 and fold(name) in credited, acronym,
                        _in_capitals(annotated, m, name)))
    return out


def _names_something(annotated: AnnotatedArticle, m, surface: str, name: str, tables,
                     calendar: frozenset[str]) -> bool:
    """Is the cleaned mention a name at all? Not a day ("Vendredi", "Lundi midi",
    "Mardi 12"), an editor's mark ("NDLR"), a function named by a fixed phrase, even one
    begun before the span ("procureur de la | République de X"), a role noun and its seat
    ("Préfet du X"), a minister's portfolio ("ministre de la | Culture"), or a word in
    capitals standing alone as an intertitle. Tables in `lang/<code>/names.py`."""
    words = name.split()
    if fold(words[0]) in calendar and all(
            not w[:1].isupper() or w.isdigit() for w in words[1:]):
        return False
    if fold(name) in getattr(tables, "EDITORIAL_MARKS", ()):
        return False
    roles = getattr(tables, "ROLE_PHRASES", ())
    before = _words_before(annotated, m, 6)
    # The words stripped off the span's start ("Premier ministre" of "Premier ministre X")
    # come before the name: a role that ends before the name is a title, not the name.
    said, written = fold(name).split(), fold(surface)
    at = written.find(" ".join(said))
    before = before + (written[:at].split() if at > 0 else [])
    for phrase in roles:
        pw = phrase.split()
        for k in range(min(len(pw), len(before) + 1)):
            if before[len(before) - k:] == pw[:k] and said[:len(pw) - k] == pw[k:]:
                return False
    if (len(words) >= 3 and words[0].lower() in getattr(tables, "ROLE_NOUNS", ())
            and fold(words[1]) in getattr(tables, "OF_WORDS", ())):
        return False
    if m.label != "PER" and _after_portfolio_title(before, tables) and not (
            gazetteer.country_code(name, annotated.language or "fr")
            or gazetteer.is_place(name, annotated.language or "fr")):
        return False
    return True


def _in_capitals(annotated: AnnotatedArticle, m, name: str) -> bool:
    """A one-word mention in capitals in a line written all in capitals ("RISQUE DE
    CONTREPARTIE"): an intertitle, where case tells no name from an ordinary word. Such a
    mention names something only if the story also writes it otherwise (merged by key), or
    it is a place or a news agency."""
    if len(name.split()) != 1 or not name.isupper() or len(name) < 4:
        return False
    sentence = (annotated.sentences[m.sentence].text
                if m.sentence < len(annotated.sentences) else m.text)
    letters = [c for c in sentence if c.isalpha()]
    language = annotated.language or "fr"
    return all(c.isupper() for c in letters) and not (
        fold(name) in _AGENCY_KEYS or gazetteer.is_place(name, language))


def _opening_words(annotated: AnnotatedArticle, m, name: str, language: str) -> bool:
    """Ordinary words opening a sentence or a headline, capitalised only for that ("Nouvelles
    mesures", "Droit de réponse", "Vrai"): the first an everyday word, the others in lower
    case. Set aside as common: kept only if the story also writes the name elsewhere."""
    if m.sentence >= len(annotated.sentences):
        return False
    lead = annotated.article.text[annotated.sentences[m.sentence].start:m.start]
    if any(c.isalnum() for c in lead):
        return False
    first, *rest = name.split()
    return (zipf_frequency(first.lower(), language) >= _PERSON_LIKE_ZIPF
            and not gazetteer.is_place(first, language)
            and all(not w[:1].isupper() for w in rest))


def _kind_said_before(annotated: AnnotatedArticle, m) -> str | None:
    """The type a lower-case noun right before the mention gives it ("le cabinet X", "l'hôtel
    X", "son fils X", "la maladie d'X"; `KIND_NOUNS` in lang/<code>/institutions.py), or
    None. "de" may stand between only for a disease or a relative; else up to two
    adjectives may ("le cabinet parisien X", "son fils cadet X")."""
    table = _tables(annotated.language or "fr", "institutions")
    kinds = getattr(table, "KIND_NOUNS", None)
    i = m.token_start - 1
    if not kinds or i < 0:
        return None
    toks = annotated.tokens
    link = fold(toks[i].text) in getattr(_tables(annotated.language or "fr"), "OF_WORDS", ())
    if link:
        i -= 1
    else:
        for _ in range(2):
            if i > 0 and toks[i].pos == "ADJ" and toks[i].text[:1].islower():
                i -= 1
    if i < 0 or not toks[i].text[:1].islower():
        return None
    kind = kinds.get(toks[i].text.lower())
    return kind if kind and (not link or kind in ("PER", "MISC")) else None


def _words_before(annotated: AnnotatedArticle, m, n: int) -> list[str]:
    """Up to `n` folded words written right before the mention in its sentence."""
    start = (annotated.sentences[m.sentence].start
             if m.sentence < len(annotated.sentences) else 0)
    out: list[str] = []
    i = m.token_start - 1
    while i >= 0 and len(out) < n:
        t = annotated.tokens[i]
        if t.start < start or t.pos == "PUNCT" or not any(c.isalnum() for c in t.text):
            break
        out[:0] = fold(t.text).split()
        i -= 1
    return out


def _after_portfolio_title(before: list[str], tables) -> bool:
    """"... secrétaire d'État à la" right before a span: the span is a portfolio."""
    links = getattr(tables, "PORTFOLIO_LINKS", ())
    for title in getattr(tables, "PORTFOLIO_TITLES", ()):
        tw = title.split()
        for link in links:
            lw = link.split()
            n = len(tw) + len(lw)
            if len(before) >= n and before[-n:] == tw + lw:
                return True
    return False


def _bracketed_acronym(annotated: AnnotatedArticle, m, tables) -> tuple[str, str] | None:
    """"Nom Long (NL)": the strongest evidence of an acronym there is. -> (the name as
    written, the acronym) when the mention, or the mention run on over the words that the
    recogniser cut before the bracket ("Agence nationale | pour l'étude du sol (ANES)"), is
    followed by a bracketed acronym whose letters spell it; None otherwise. A person's name
    is never spelled by the bracket after it: that is a party or a place ("(PS)")."""
    if m.label == "PER":
        return None
    inside = re.match(r"^(.*\S)\s*\(\s*([^()\s]+)\s*\)$", " ".join(m.text.split()))
    if inside and _BRACKETED.match(inside[2]) and _spells(inside[2], inside[1], tables, 1):
        return inside[1], inside[2]
    toks = annotated.tokens
    before = _acronym_before(annotated, m, tables)
    if before:
        return before
    end = min(len(toks) - 2, m.token_end + _MAX_EXTENSION + 1)
    for j in range(m.token_end, end):
        t = toks[j]
        if t.text == "(":
            acronym, close = toks[j + 1].text, toks[j + 2].text
            if close != ")" or not _BRACKETED.match(acronym):
                return None
            name = annotated.article.text[m.start:t.start].strip()
            if "\n" in name or not _spells(acronym, name, tables, 1):
                return None
            return " ".join(name.split()), acronym
        if t.pos in ("PUNCT", "VERB", "AUX") or not any(c.isalpha() for c in t.text):
            return None
    return None


def _acronym_before(annotated: AnnotatedArticle, m, tables) -> tuple[str, str] | None:
    """"ACR (Nom Long)", the other way round: the mention opens a bracket right after an
    acronym. -> (the name as written, run on up to the closing bracket when the recogniser
    cut it, across a line break too: the bracket bounds it), the acronym); or None."""
    toks = annotated.tokens
    i = m.token_start
    if i < 2 or toks[i - 1].text != "(":
        return None
    acronym = toks[i - 2].text
    if not (_acronym_like(acronym) or acronym.isupper()) or not _BRACKETED.match(acronym):
        return None
    text = annotated.article.text
    for j in range(m.token_end, min(len(toks), m.token_end + _MAX_EXTENSION + 1)):
        t = toks[j]
        if t.text == ")":
            name = " ".join(text[m.start:t.start].split())
            if _spells(acronym, name, tables, 1):
                return name, acronym
            break
        if t.text.isspace():
            continue  # a line break inside the bracket
        if t.pos in ("PUNCT", "VERB", "AUX") or not any(c.isalpha() for c in t.text):
            break
    name = " ".join(m.text.split())
    return (name, acronym) if _spells(acronym, name, tables, 1) else None


def _name_words(name: str) -> list[str]:
    """Words of a name as an acronym reads them: hyphenated parts apart, an elided article
    ("l'") kept with its apostrophe, accents and case folded."""
    return [fold(w) + ("'" if w.endswith(("'", "’")) else "")
            for w in re.findall(r"[^\W\d_]+['’]?", name)]


def _spells(acronym: str, name: str, tables, content_skips: int, clipped: bool = True
            ) -> bool:
    """Do the acronym's letters spell the name? Each letter is the initial of a word, in
    order, from the first word; articles and prepositions (ACRONYM_SKIP) give none, a few
    small words (ACRONYM_OPTIONAL) may or may not; `content_skips` other words may give none
    ("Conseil régional des éleveurs ovins de Savoie" is spelled CRES); with `clipped`,
    letters may also go on inside a word ("BanCoop" for "Banque coopérative")."""
    letters = fold(acronym).replace(" ", "")
    skip = getattr(tables, "ACRONYM_SKIP", frozenset())
    optional = getattr(tables, "ACRONYM_OPTIONAL", frozenset())
    words = _name_words(name)
    while words and (words[0].endswith("'") or words[0] in skip):
        words.pop(0)  # "l'Agence ...": the article gives no letter
    if len(words) < 2 or len(letters) < 2 or not letters.isalpha():
        return False

    @functools.lru_cache(maxsize=None)
    def match(li: int, wi: int, inner: int, skips: int) -> bool:
        # li: next letter; wi: next word not yet started; inner: letters used of word wi-1
        if li == len(letters):
            return all(w.endswith("'") or w in skip or w in optional
                       for w in words[wi:]) or skips > 0 and sum(
                not (w.endswith("'") or w in skip or w in optional)
                for w in words[wi:]) <= skips
        if clipped and wi > 0 and inner and inner < len(words[wi - 1]) and (
                words[wi - 1][inner] == letters[li]) and match(li + 1, wi, inner + 1, skips):
            return True
        if wi == len(words):
            return False
        w = words[wi]
        small = w.endswith("'") or w in skip
        if not small and w[0] == letters[li] and match(li + 1, wi + 1, 1, skips):
            return True
        if small or w in optional:
            return match(li, wi + 1, 0, skips)
        return wi > 0 and skips > 0 and match(li, wi + 1, 0, skips - 1)

    return words[0][0] == letters[0] and match(0, 0, 0, content_skips)


def _runs_across_phrases(tokens) -> bool:
    """Inside a name, a lower-case determiner follows a preposition ("Organisation mondiale
    de la santé") or precedes a capital ("Alexandre le Grand"); one after a noun, adjective
    or conjunction means the span ran on past the name ("Sécurité sociale et les retraites").
    A capitalised "determiner" is a word of the name the tagger misread ("Nguyen Van Thieu")."""
    for i in range(1, len(tokens)):
        t = tokens[i]
        if t.pos != "DET" or not t.text[:1].islower() or tokens[i - 1].pos in ("ADP", "DET"):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
            continue
        return True
    return False


def _strip_name(surface: str, tables) -> tuple[str, set[str]] | None:
    """A mention as written -> (the bare name, the titles stripped before it), or None when
    it is not a name at all."""
    text = surface.strip(_DEBRIS + " .")
    # A spaced dash inside ends the name: "X - «Titre", a dateline run into a headline. (A
    # quotation mark alone does not: "opération « Nom »" is written so.)
    text = re.split(r"\s[-–—]\s", text, maxsplit=1)[0].strip(_DEBRIS + " .")
    text = re.sub(r"\s*\([^)]*\)?$", "", text)  # a trailing "(gauche)" or "(Source"
    if not text or not any(c.isupper() for c in text):
        return None
    if re.search(r"\d", text) and re.search(r"[^\W\d_]\d|\d[^\W\d_]|,", text):
        return None  # "Genève,12", "11:50AFP": page furniture glued to a word, not a name
    words = text.split()
    words[0] = _ELIDED.sub("", words[0]) or words[0]
    while len(words) > 1 and words[0].lower() in tables.DETERMINERS:
        words.pop(0)
    titles: set[str] = set()
    while len(words) > 1 and words[0].lower() in tables.TITLES:
        titles.add(words.pop(0).lower())
    # Lower-case words after a title qualify it ("le président brésilien Lula", "la
    # présidente de la Commission ..."): the name starts at the next capital.
    while titles and len(words) > 1 and not words[0][:1].isupper():
        words.pop(0)
    if titles and not words[0][:1].isupper():
        return None  # "président de la commission": a role, not a name
    # A function named by a fixed phrase before a name ("procureur de la République X").
    for n in range(len(words) - 1, 0, -1):
        if words[n][:1].isupper() and fold(" ".join(words[:n])) in getattr(
                tables, "ROLE_PHRASES", ()):
            words = words[n:]
            break
    words = _unglue_credit(words)
    if not words:
        return None
    # A name never ends on an article, a preposition or a conjunction: the span was cut
    # there ("Caisses d'épargne et des").
    while len(words) > 1 and (words[-1].lower() in tables.ACRONYM_SKIP
                              or words[-1].endswith(("'", "’"))):
        words.pop()
    name = " ".join(words).strip(_DEBRIS + " ")
    if len(name) < 2 or not name[:1].isalpha():
        return None
    return name, titles


def _unglue_credit(words: list[str]) -> list[str] | None:
    """A wire's name glued to the words next to it by a scraper ("AFP Deuxième", a
    caption's credit run into the story) -> the words without it; None when what is left
    is one ordinary word. A name that is a credit name as a whole stays."""
    if len(words) < 2 or " ".join(words) in _AGENCY_NAMES:
        return words
    if words[0] in _AGENCY_CAPS:
        rest = words[1:]
    elif words[-1] in _AGENCY_CAPS:
        rest = words[:-1]
    else:
        return words
    if len(rest) == 1 and zipf_frequency(rest[0].lower(), "fr") >= _COMMON_ZIPF:
        return None
    return rest


def _split_designator(name: str, label: str, tables) -> tuple[str, str | None]:
    """"région de la Volga" -> ("Volga", "area"); "Baïkonour Cosmodrome" -> ("Baïkonour",
    "site:spaceport"); a name without a designator -> (name, None)."""
    if label == "ORG":
        return name, None
    words = name.split()
    lower = [w.lower() for w in words]
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        for first, designator, rest in ((True, " ".join(lower[:size]), words[size:]),
                                        (False, " ".join(lower[-size:]), words[:-size])):
            kind = ("area" if designator in tables.AREA_DESIGNATORS
                    else f"site:{tables.SITE_DESIGNATORS[designator]}"
                    if designator in tables.SITE_DESIGNATORS else None)
            if kind is None:
                continue
            if first:  # designator first: "région de la Volga"
                while len(rest) > 1 and rest[0].lower() in tables.CONNECTORS:
                    rest = rest[1:]
                rest = [_ELIDED.sub("", rest[0]) or rest[0], *rest[1:]]
                if rest[0][:1].isupper():
                    return " ".join(rest), kind
            elif all(w[:1].isupper() for w in rest):  # designator last: "Baïkonour Cosmodrome"
                return " ".join(rest), kind
    return name, None


# --- 2. keys ------------------------------------------------------------------------------

def _key(r: _Rec) -> str:
    code = gazetteer.country_code(r.name, r.language)
    if code:
        return f"{_COUNTRY}:{code}"
    if r.place == "area":
        return f"{_AREA}:{fold(r.core)}"
    if r.place:
        return f"{r.place}:{fold(r.core)}"  # "site:<kind>:<name>"
    return f"{_NAME}:{fold(r.name)}"


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _core(key: str) -> str:
    return key.rsplit(":", 1)[1]


@functools.lru_cache(maxsize=1 << 16)
def _words(key: str) -> tuple[str, ...]:
    return tuple(_translit(_core(key)).split())


def _translit(text: str) -> str:
    for a, b in _TRANSLIT:
        text = text.replace(a, b)
    return text


def _is_person(members: list[_Rec]) -> bool:
    labels = Counter(r.label for r in members)
    return labels["PER"] > 0 and labels["PER"] >= max(labels.values())


# --- 3. transliterations ------------------------------------------------------------------

def _merge_transliterations(groups: dict[str, list[_Rec]], sets: UnionFind,
                            threshold: float) -> None:
    # Blocking on the kind of key, the first letter and person-or-not keeps the comparisons
    # few; within a block rapidfuzz compares all pairs in C, and only pairs whose lengths
    # are close can reach the threshold anyway.
    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key, members in groups.items():
        if _kind(key) == _COUNTRY:
            continue
        text = _translit(_core(key))
        if len(text) >= 5:
            prefix = key.rsplit(":", 1)[0]
            blocks[(prefix, text[0], _is_person(members))].append((key, text))
    for block, items in blocks.items():
        if len(items) < 2:
            continue
        items.sort(key=lambda kt: len(kt[1]))
        texts = [t for _, t in items]
        for start in range(0, len(items), 512):
            rows = texts[start:start + 512]
            scores = process.cdist(rows, texts, scorer=fuzz.ratio, score_cutoff=threshold)
            person = block[2]
            for i, row in enumerate(scores):
                a = start + i
                for b in row.nonzero()[0]:
                    if (b > a and abs(len(texts[a]) - len(texts[b])) <= _MAX_LENGTH_GAP
                            and (not person or _word_by_word(texts[a], texts[b]))):
                        sets.union(items[a][0], items[b][0])


def _word_by_word(a: str, b: str) -> bool:
    """Two spellings of one person's name differ a little in every word, not a lot in one:
    "Sergueï Lavrov" / "Sergei Lavrov" are one, "Lee Jae-myung" / "Lee Jae-yong" are two."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(fuzz.ratio(x, y) >= _WORD_LIKENESS
                                      for x, y in zip(wa, wb, strict=True))


# --- 4. bare names of areas and sites -----------------------------------------------------

def _merge_bare_places(groups: dict[str, list[_Rec]], sets: UnionFind) -> None:
    places: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if _kind(key) in (_AREA, _SITE):
            places[_core(key)].add(key)
    for key, members in groups.items():
        if _kind(key) != _NAME or _is_person(members) or _core(key) not in places:
            continue
        targets = {sets.find(k) for k in places[_core(key)]}
        if len(targets) != 1:
            continue
        target = next(iter(targets))
        if _kind(target) == _SITE and gazetteer.is_place(members[0].name, members[0].language):
            continue  # "Lyon" is a city, whatever "la gare de Lyon" is
        sets.union(target, key)


# --- 5. short forms -----------------------------------------------------------------------

def _contains(full: tuple[str, ...], part: tuple[str, ...], anywhere: bool) -> bool:
    n = len(part)
    if full[-n:] == part:
        return True  # "Scholz" ends "Olaf Scholz": a family name
    if anywhere:
        return any(full[i:i + n] == part for i in range(len(full) - n + 1))
    return False


def _merge_short_forms(groups: dict[str, list[_Rec]], sets: UnionFind) -> None:
    full_names: dict[str, tuple[str, ...]] = {}
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, members in groups.items():
        if _kind(key) == _NAME and _is_person(members) and len(_words(key)) >= 2:
            full_names[key] = _words(key)
            for w in full_names[key]:
                by_word[w].add(key)
    # Longer partial names first ("Moon Jae" joins "Moon Jae-in"), so that a single word
    # met in both is no longer ambiguous when its turn comes.
    for key in sorted(groups, key=lambda k: -len(_words(k))):
        members = groups[key]
        if _kind(key) != _NAME or any(r.regnal for r in members):
            continue
        words = _words(key)
        # A family name ends a full name; it may start one (Asian name order) when it follows
        # an honorific ("M. Xi"), and a truncation of several words may stand anywhere.
        anywhere = len(words) >= 2 or any(r.honorific for r in members)
        candidates = set.intersection(*(by_word.get(w, set()) for w in words))
        targets = {sets.find(k) for k in candidates
                   if len(full_names[k]) > len(words)
                   and _contains(full_names[k], words, anywhere)}
        if not targets and len(words) == 1:
            targets = _first_name_of(key, members, full_names, by_word, groups, sets)
        if len(targets) != 1:
            continue  # unknown or ambiguous (two Parks): leave the short form on its own
        if not _is_person(members) and gazetteer.is_place(members[0].name, members[0].language):
            continue  # "Washington" the place is not George Washington
        sets.union(next(iter(targets)), key)


def _first_name_of(key: str, members: list[_Rec], full_names: dict[str, tuple[str, ...]],
                   by_word: dict[str, set[str]], groups: dict[str, list[_Rec]],
                   sets: UnionFind) -> set[str]:
    """A given name written alone ("Jeanne") -> the one full name of the story it opens
    ("Jeanne Roux"), when an article writes both and no other person of the story has that
    given name or that word as a family name; otherwise no target. The given-name list is
    not asked: a person called by the word that opens their full name is that person in
    every naming order ("Moon" of "Moon Jae-in"), and names of every nation are missing
    from any list."""
    word = _words(key)[0]
    r = members[0]
    if (not _is_person(members) or any(m.honorific for m in members)
            or gazetteer.is_place(r.name, r.language)):
        return set()
    owners = {k for k in by_word.get(word, ()) if full_names[k][0] == word}
    if len(owners) != len(by_word.get(word, ())):
        return set()  # also a family name, or inside another name: ambiguous
    targets = {sets.find(k) for k in owners}
    if len(targets) != 1:
        return set()
    articles = {m.article for m in members}
    target = next(iter(targets))
    shared = any(m.article in articles for k in owners if sets.find(k) == target
                 for m in groups[k])
    return targets if shared else set()


# --- 6. acronyms --------------------------------------------------------------------------

def _acronym_like(name: str) -> bool:
    return bool(_ACRONYM.match(name) or _WORD_ACRONYM.match(name) or _CLIPPED.match(name))


def _merge_acronyms(groups: dict[str, list[_Rec]], sets: UnionFind) -> None:
    # Written together, "Nom Long (NL)": the pair is one entity whatever else the story holds.
    for key, members in groups.items():
        for r in members:
            if r.acronym:
                other = f"{_NAME}:{fold(r.acronym)}"
                if other in groups and other != key:
                    sets.union(key, other)
    # Apart: an acronym joins the one name of the story whose initials it spells, a word-like
    # one ("Unesco") only a name of three spelling words or more, never a person's.
    spelled = {(key, r.name, _tables(r.language)) for key, members in groups.items()
               for r in members if len(r.name.split()) >= 2}
    for key, members in groups.items():
        name = members[0].name
        clipped = bool(_CLIPPED.match(name))
        word_like = bool(_WORD_ACRONYM.match(name)) or clipped
        if not _ACRONYM.match(name) and not (
                word_like and not _is_given_name(name, members[0].language)
                and not gazetteer.is_place(name, members[0].language)):
            continue
        # Initials of a person's name ("XY") only when the short form is a person's too.
        person_ok = _is_person(members) and not word_like
        targets = {sets.find(k) for k, full, tables in spelled
                   if k != key and _spells(name, full, tables, 0, clipped=clipped)
                   and not (word_like and len(name) < 3)
                   and (person_ok or not _is_person(groups[k]))}
        if len(targets) == 1:
            sets.union(next(iter(targets)), key)


def _is_given_name(word: str, language: str) -> bool:
    names = lang.table(language, "given_names") or lang.table("fr", "given_names")
    return names is not None and names.fold_name(word) in names.given_names()


# --- glued names --------------------------------------------------------------------------

def _unglue_people(recs: list[_Rec]) -> list[_Rec]:
    """An organisation, medium or place run into a person's full name by the recogniser
    ("sur Radio Nord Paul Martin, le ...") -> the two names apart: the place or body keeps
    the mention's type, the person is a person. Split at the given name, only when what is
    before it is a name of its own: another mention of the story, a word in capitals, a
    body's or medium's name of two words or more, or one proper word of a place."""
    known = Counter(fold(r.name) for r in recs)
    out: list[_Rec] = []
    for r in recs:
        cut = _glued_person(r, known)
        if cut is None:
            out.append(r)
            continue
        head, person = cut
        tables = _tables(r.language)
        core, place = _split_designator(head, r.label, tables)
        out.append(replace(r, surface=head, name=head, core=core, place=place, acronym=None))
        # The person keeps the span as written among its spellings: a speaker written "le
        # patron de Radio X Paul Y" is looked up by that span, and it is the person who speaks.
        out.append(replace(r, name=person, core=person, place=None, label="PER",
                           common=False, honorific=False, regnal=False, credited=False,
                           acronym=None))
    return out


def _glued_person(r: _Rec, known: Counter) -> tuple[str, str] | None:
    words = r.name.split()
    if r.label == "PER" or len(words) < 3 or r.acronym:
        return None  # a bracketed acronym spelling it all is one body's name
    table = _tables(r.language, "institutions")
    if table is None:
        return None
    for i in range(1, len(words) - 1):
        person = " ".join(words[i:])
        if not _person_name(person, r.language, table):
            continue
        head = " ".join(words[:i])
        lead = words[0].lower()
        if (known[fold(head)] or _ACRONYM.match(head)
                or i >= 2 and (lead in table.INSTITUTION_HEADS or lead in table.MEDIA_HEADS)
                or gazetteer.is_place(head, r.language)
                or i == 1 and r.label == "LOC" and zipf_frequency(
                    lead, r.language) < _PERSON_LIKE_ZIPF):
            return head, person
        return None
    return None


# --- 7. type, name, variants --------------------------------------------------------------

def _entity(keys: list[str], members: list[_Rec], person_words: set[str]) -> Entity | None:
    if all(r.common or r.capitals for r in members):
        return None
    countries = [k for k in keys if _kind(k) == _COUNTRY]
    # An acronym joined to its spelled name: the spelled name is the entity's name and its
    # type, however often the recogniser met (and mistyped) the short form.
    bracketed = {fold(r.acronym) for r in members if r.acronym}
    spelled = [r for r in members
               if not (_acronym_like(r.name) or fold(r.name) in bracketed)]
    voters = (spelled if len(spelled) < len(members)
              and any(len(r.name.split()) >= 2 for r in spelled) else members)
    labels = Counter(r.label for r in voters)
    kind = max(labels, key=lambda lab: (labels[lab], lab == "PER", lab == "LOC", lab == "ORG"))
    language = Counter(r.language for r in members).most_common(1)[0][0]
    if countries:
        kind = "LOC"
        code = Counter(countries).most_common(1)[0][0].split(":")[1]
        name = gazetteer.country_name(code, language)
    else:
        if any(r.place for r in members) and kind != "ORG":
            kind = "LOC"  # "cosmodrome de X", "région de Y": a designated place is a place
        name = _display_name(voters, kind)
        lone_words = all(len(r.name.split()) == 1 for r in members)
        if (kind == "PER" and lone_words and _translit(fold(name)) not in person_words
                and gazetteer.is_place(name, language)):
            kind = "LOC"  # a capital standing for its government: "Washington a affirmé"
        kind = _retype(kind, name, members, language)
    variants = {r.surface for r in members} | {r.name for r in members}
    variants |= {r.acronym for r in members if r.acronym}
    # "région de la Volga" also writes the place's own name; "gare de Lyon" does not.
    variants |= {r.core for r in members if r.place == "area"}
    variants.add(name)
    return Entity(
        id="",
        name=name,
        type=kind,
        variants=tuple(sorted(variants, key=lambda v: (fold(v), v))),
        articles=tuple(sorted({r.article for r in members})),
        mentions=len(members),
    )


def _retype(kind: str, name: str, members: list[_Rec], language: str) -> str:
    """The NER's voted type, corrected by what the name itself says (tables in
    `lang/<code>/institutions.py`, given names in `lang/<code>/given_names.py`):
    a news agency or medium, an institution, a seat of power standing for it ("le Kremlin
    a démenti") are organisations; a former state is a place; a name of two words or more
    that opens with a given name, or that followed "M."/"Mme", is a person."""
    table = _tables(language, "institutions")
    folded = fold(name)
    names = {fold(r.name) for r in members}
    if names & _AGENCY_KEYS or any(r.credited for r in members):
        return "ORG"  # "TASS", "Interfax": a credit names a medium, never a person or place
    if table is None:
        return kind
    if folded in table.SEATS or names & table.SEATS:
        return "ORG"
    if folded in table.FORMER_STATES:
        return "LOC"
    if kind == "LOC" and all(_demonym(r.name, language) for r in members):
        return "MISC"  # "les Islandais", "une Franco-Islandaise": people, not a place
    head = name.split()[0].lower()
    if kind in ("LOC", "MISC") and (head in table.INSTITUTION_HEADS or head in table.MEDIA_HEADS):
        return "ORG"  # "Cour d'appel de Paris", "Quotidien du peuple"
    if kind != "PER" and (any(r.honorific for r in members)
                          or kind in ("ORG", "MISC") and _person_name(name, language, table)):
        return "PER"
    return kind


def _demonym(name: str, language: str) -> bool:
    """"Islandais", "Franco-Islandaise": a nationality (lang/<code>/nationalities.py), the
    parts before a compound's last one in "-o" ("italo-", "franco-")."""
    table = lang.table(language, "nationalities")
    if table is None or " " in name:
        return False
    *first, last = name.lower().split("-")
    return last in table.forms() and all(part.endswith("o") for part in first)


def _person_name(name: str, language: str, table) -> bool:
    """"Christine Lagarde", "Charles de Gaulle": a given name first (not a place: "Paris
    Saint-Germain"), then capitalised words that are not ordinary words of the language
    ("Marine nationale") or particles, the last one capitalised."""
    names = lang.table(language, "given_names") or lang.table("fr", "given_names")
    words = name.split()
    if not 2 <= len(words) <= 4 or names is None:
        return False
    first = words[0]
    if first.isupper() or names.fold_name(first) not in names.given_names() or (
            gazetteer.is_place(first, language)):
        return False  # "JO", an acronym, is not the given name "Jo"
    if first.lower() in table.INSTITUTION_HEADS or not words[-1][:1].isupper():
        return False
    for n, w in enumerate(words[1:], 1):
        if w.lower() in table.NAME_PARTICLES:
            continue
        if not w[:1].isupper():
            return False
        if words[n - 1].lower() in table.NAME_PARTICLES and gazetteer.is_place(w, language):
            return False  # "... de Lyon": named after a place, an event or a body
        # Ordinary words of the language, or of English, which French news quotes names
        # in ("... Foundation", "... Day"): the name is a thing's, not a person's.
        low = w.lower()
        if low in table.INSTITUTION_HEADS or max(zipf_frequency(low, language), zipf_frequency(
                low, "en")) >= _PERSON_LIKE_ZIPF:
            return False
    return True


def _display_name(members: list[_Rec], kind: str) -> str:
    counts = Counter(r.name for r in members)
    if kind == "PER":
        # The fullest form of a person's name, then the most written spelling of it.
        best = max(counts, key=lambda n: (len(n.split()), counts[n], n))
    else:
        designated = Counter(r.name for r in members if r.place)
        pool = designated or counts
        best = max(pool, key=lambda n: (pool[n], len(n), n))
    return best[:1].upper() + best[1:]


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    seen: Counter[str] = Counter()
    out = []
    for e in entities:
        base = "e-" + hashlib.sha1(f"{e.type}:{fold(e.name)}".encode()).hexdigest()[:10]
        seen[base] += 1
        out.append(replace(e, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out
