"""The line classifier: which lines of a plain-text article are the story, which are debris.

In: the lines of one article (white space already normalised, "" for a blank line) and the
language `Tables`.
Out: `classify(lines, tables)` -> one kind per line (the constants below): the story's
lines (PROSE, its headline among them) and what leaves the body: web debris
(BOILER: prompts, share bars, comment counters, hashtags, separators), related-article
headings and their links (RELATED, LINK), date stamps (STAMP), credit lines (CREDIT,
PHOTO_CREDIT), captions (CAPTION), datelines (DATELINE) and a line of the story that
repeats the one before it, debris between them ignored (DUPLICATE).

A line is judged first on its own (patterns from the tables, length, shape), then by its
neighbours: a short headline-like line after "À lire aussi :" is a link, a line just above
a photo credit is its caption when it reads as one (no final full stop, "(à gauche)", no
verb), a bare acronym is an agency credit only at the top or the bottom of the article.
Rules that depend on position are applied until nothing changes, so that cleaning a
cleaned article changes nothing more. When unsure, a line stays: a sentence of the story
is never given up for debris.
"""

from __future__ import annotations

import re

from . import dates, patterns
from .credits import is_agency, is_byline, photo_credit
from .tables import Tables

BLANK = "blank"
PROSE = "prose"
BOILER = "boiler"
RELATED = "related"
LINK = "link"
STAMP = "stamp"
CREDIT = "credit"
PHOTO_CREDIT = "photo_credit"
CAPTION = "caption"
DATELINE = "dateline"
DUPLICATE = "duplicate"

REMOVED = frozenset({BOILER, RELATED, LINK, STAMP, CREDIT, PHOTO_CREDIT, CAPTION, DATELINE,
                     DUPLICATE})

_UP = patterns.UP
_HASHTAG = re.compile(r"^#[^\W\d_][\w'’\-]*")
_LEAD_MARKS = re.compile(r"^[\[(►▶→•*·\s]+")
_BULLET_LINK = re.compile(r"^(?:>>|»|►|▶|→|⇒|➜|➤)\s*\w")
_NAV_SPLIT = re.compile(r"\s+(?:\||›|>|•|·)\s+")
_NAV_SEPARATORS = (" | ", " › ", " > ", " • ", " · ")
_RUBRIC = re.compile(rf"^[{_UP}][{_UP}\s'’\-]{{2,30}}\s*[-–—]$")
_ACRONYM = re.compile(rf"^\(?[{_UP}]{{2,5}}\)?$")
_TIMEZONES = frozenset("gmt utc cet cest hne hae tu h".split())
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(rf"[{_UP}]")
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
# A line of these only is a separator of the layout: "***", "|", "— — —", "=====".
_SEPARATOR_LINE = re.compile(r"[|\-–—*=_•·~\s]+")
_QUOTE_MARK = re.compile(r"[«»“”„\"]")
_FINAL_STOP = re.compile(r"[.!?…][»”\"’')\]]*$")
_TAIL_MARK = re.compile(r"[:/©(]")
_MAX_LINK = 130
_MAX_CAPTION = 300
_LONG = 100  # a line this long is a paragraph of the story, not a label around it


def classify(lines: list[str], tables: Tables) -> list[str]:
    """Normalised lines -> one kind per line (PROSE, BOILER, CAPTION...)."""
    kinds = [_intrinsic(line, tables) for line in lines]
    keys = [line.casefold() for line in lines]
    for _ in range(6):
        before = list(kinds)
        _mark_structure(lines, kinds, tables)
        _mark_duplicates(keys, kinds)
        if kinds == before:
            break
    return kinds


# --- one line on its own ----------------------------------------------------------------

def _intrinsic(text: str, t: Tables) -> str:
    if not text:
        return BLANK
    if _SEPARATOR_LINE.fullmatch(text):
        return BOILER  # separators and leftovers of layout: "|", "***", "—"
    if not _ALNUM.search(text):
        return PROSE  # "€", "»", ".": a piece of a sentence, for the repairs to join back
    n = len(text)
    if text[0] == "#" and _is_hashtags(text):
        return BOILER
    if n > 160:
        # Long lines are prose unless a picture's credit or table cell ends them.
        if n <= _MAX_CAPTION + 100 and _caption_credit(text, t):
            return CAPTION
        if n <= _MAX_CAPTION and text.endswith("|") and len(text.split()) >= 4:
            return CAPTION
        return PROSE
    if n <= 60 and t.comments.fullmatch(text):
        return BOILER
    if n <= 20 and t.source_label.fullmatch(text):
        return BOILER
    if n <= 120 and _is_stamp(text, t):
        return STAMP
    marks = _LEAD_MARKS.match(text)  # "[À lire aussi]", "► Lire aussi", "* Partager"
    head = text[marks.end():] if marks else text
    if n <= 160 and t.related.match(head):
        return RELATED
    if n <= 200 and _BULLET_LINK.match(text) and not _is_sentences(text, 2):
        return LINK
    low = text.casefold()
    if n <= 160 and t.prompt_start.match(head):
        return BOILER
    if n <= 100 and t.prompt_any.search(low) and _site_speaking(text, t):
        return BOILER
    if n <= 80 and t.debris_line.fullmatch(head):
        return BOILER
    if n <= 60 and not text.endswith(".") and (_is_share_prompt(head, t) or _is_share_bar(text, t)):
        return BOILER
    if n <= 160 and _is_nav(text):
        return BOILER
    if n <= 80 and t.contact.fullmatch(text):
        return BOILER
    photo = _photo_line(text, t) if n <= 120 else None
    if photo is not None:
        return photo
    if n <= _MAX_CAPTION + 100 and _caption_credit(text, t):
        return CAPTION
    credit = _credit_kind(text, t) if n <= 80 else None
    if credit is not None:
        return credit
    if n <= 100 and text.count(" ") < 12 and is_byline(text, t) and not _is_sentences(text, 2):
        return CREDIT
    if n <= 120 and _is_dateline(text, t):
        return DATELINE
    if n <= 34 and _RUBRIC.match(text):
        return BOILER  # a section label over the story: "CYCLISME –"
    if n <= 40 and text[0].isupper() and (m := t.rubric.match(text)) and m.end() == n:
        return BOILER  # a section label alone: "Économie :"
    if n <= _MAX_CAPTION and text.endswith("|") and len(text.split()) >= 4:
        return CAPTION  # the cell of a picture's table, left behind by a scraper
    return PROSE


def _is_hashtags(text: str) -> bool:
    if not _HASHTAG.match(text):
        return False
    # "#Corée du Nord" is a tag line; "#MeToo a changé la donne." is a sentence.
    return text.count("#") >= 2 or (len(text) <= 40 and text[-1] not in ".!?")


def _is_stamp(text: str, t: Tables) -> bool:
    """A line that only dates the page: "17:3002/03/2021, Tuesday", "MAJ : 02/03/2021"."""
    if text.endswith(":") or not _DIGIT.search(text):
        return False  # "Le 8 août :" heads a paragraph, it does not date the page
    labelled = bool(t.stamp_label.match(text))
    rest = t.stamp_label.sub(" ", text)
    if labelled:
        rest = t.byline_tail.sub("", rest)  # "Publié le 2 mai à 10h par Jean Dupont"
    # Cheap refusal first: a stamp has no word but date words, so prose never reaches
    # the date patterns (nor dateparser).
    for word in _WORDS.findall(rest):
        if word.casefold() not in t.date_words and word.casefold() not in _TIMEZONES:
            return False
    hits = dates.find(rest, t, fallback=labelled)
    if not hits or not any(h.is_time or (h.iso and len(h.iso) >= 7) for h in hits):
        return False
    chars = list(rest)
    for h in hits:
        chars[h.start:h.end] = " " * (h.end - h.start)
    return not _DIGIT.search("".join(chars))


def _site_speaking(text: str, t: Tables) -> bool:
    """A line holding a prompt phrase is the site's, unless it reads as a sentence.

    "© 2024 La Gazette. Tous droits réservés." is the site's; "Les escrocs demandaient
    votre adresse mail." and "« ... sur notre site », a précisé un porte-parole" are news.
    """
    if text.lstrip().startswith("©") or text.casefold().startswith("copyright"):
        return True
    return not _QUOTE_MARK.search(text) and not _has_finite_verb(text, t)


def _has_finite_verb(text: str, t: Tables) -> bool:
    """A verb in the third person, the mark of a sentence that tells something."""
    for word in _WORDS.findall(text):
        if not word.islower():
            continue  # names and imperatives opening a prompt ("Entrez") are capitalised
        if word in t.finite_verbs or t.verb_ending.fullmatch(word):
            return True
    return False


def _is_share_prompt(text: str, t: Tables) -> bool:
    """ "Partager", "Partager sur Facebook", "Partager : Facebook Twitter"; not a sentence."""
    text = text.strip(" :|•·-–—")
    if t.share.fullmatch(text):
        return True
    # The prompt, then share targets: try each place where the targets may start.
    for m in re.finditer(r"\s*[:|•·,/\-–—]\s*|\s+", text):
        head = text[: m.start()].strip(" :|•·-–—")
        if head and t.share.fullmatch(head) and _is_share_bar(text[m.end():], t):
            return True
    return False


def _is_share_bar(text: str, t: Tables) -> bool:
    whole = text.casefold().strip(" :")
    if whole in t.share_targets and len(whole) >= 4:
        return True  # a lone "Facebook", "Imprimer"
    parts = [p.strip().casefold() for p in re.split(r"[|•·,/]|\s{2,}", text) if p.strip()]
    if len(parts) == 1:
        parts = text.casefold().split()
    return len(parts) >= 2 and all(p in t.share_targets for p in parts)


def _is_nav(text: str) -> bool:
    if not any(sep in text for sep in _NAV_SEPARATORS):
        return False
    parts = [p for p in _NAV_SPLIT.split(text) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(p.split()) <= 4 and not re.search(r"[.!?]$", p) for p in parts)


def _photo_line(text: str, t: Tables) -> str | None:
    """A line that is only a picture credit -> PHOTO_CREDIT (or BOILER if it names nobody)."""
    found = photo_credit(text, t)
    if found is None:
        return None
    who, separated, direct = found
    named = patterns.namelike(who, t.name_connectors)
    if who and (named or t.agency.search(who) or t.photo_agency.search(who)):
        if separated or direct and named:
            return PHOTO_CREDIT
    if not separated and not direct:
        return None  # "Crédit Agricole", "Crédit d'impôt": words, not a credit
    if separated and len(who.split()) <= 4 and not re.search(r"[.!?]$", who):
        return BOILER  # "Crédits :", "Photo : archives"
    if who and who[0].islower() and len(who.split()) <= 3 and not re.search(r"[.!?]$", who):
        return BOILER  # "Photo d'illustration"
    return None


def _caption_credit(text: str, t: Tables) -> bool:
    """A caption with its picture credit glued at the end ("... Crédit photo: X / AFP")."""
    # The credit closes the line and is set off by ":", "/", "©", "(" or a photo label:
    # look only at the end, and only when such a mark is there, so that the costly
    # pattern runs on little.
    start = max(0, len(text) - 130)
    if not (_TAIL_MARK.search(text, start) or t.photo_direct.search(text[start:].casefold())):
        return False
    m = t.photo_tail.search(text, start)
    if not m or m.start() == 0:
        # "... au port de Vladivostok. JEAN DUPONT / POOL / AFP": the wires' credit in
        # capitals needs no label.
        caps = t.caps_credit.search(text, start)
        return bool(caps) and not text[caps.end():].strip(" .|") and len(
            text[: caps.start()].split()) >= 3
    if m["direct"] and m["label"][0].islower() and text[m.end("label"):].lstrip()[:1] not in ":/":
        return False  # "... sur une photo AFP" is a sentence; "Photo AFP" closes a caption
    who = m["who"].strip(" |-–—:/")
    before = text[: m.start()].strip()
    return (len(before.split()) >= 3 and bool(who)
            and (patterns.namelike(who, t.name_connectors) or bool(t.agency.search(who))))


def _credit_kind(text: str, t: Tables) -> str | None:
    """A credit line -> CREDIT, or PHOTO_CREDIT when it names only photo agencies."""
    if not _is_credit(text, t):
        return None
    names = [p for p in t.credit_split.split(text.strip(" .()")) if p]
    if names and all(t.photo_agency.fullmatch(p) for p in names):
        return PHOTO_CREDIT  # "(Maxppp)": the credit of a picture, under its caption
    return CREDIT


def _is_credit(text: str, t: Tables) -> bool:
    """An agency or outlet credit: "AFP", "Belga/ANP", "(avec AP)", "AVEC RADIO NORD"."""
    if len(text.split()) > 10 or not _UPPER.search(text):
        return False  # credits are a few names, and names have capitals
    inner = text.strip(" -–—•·").rstrip(".").strip()
    parens = inner.startswith("(") and inner.endswith(")")
    inner = inner.strip("()").strip()
    m = t.credit_prefix.match(inner)
    prefix = bool(m)
    rest = inner[m.end():] if m else inner
    if not rest:
        return False
    pieces = [p for p in t.credit_split.split(rest) if p]
    if not pieces or len(pieces) > 5:
        return False
    if all(t.agency.fullmatch(p) or t.photo_agency.fullmatch(p) for p in pieces):
        return True
    if (prefix or parens) and len(pieces) >= 2:
        # "(ats/Reuters)": an agency in lower case beside other names, in parentheses.
        agency = [bool(t.agency.fullmatch(p.upper())) for p in pieces]
        if any(agency) and all(a or patterns.namelike(p, t.name_connectors)
                               and len(p.split()) <= 3 for a, p in zip(agency, pieces,
                                                                        strict=True)):
            return True
    if len(pieces) >= 2 and any(t.agency.fullmatch(p) for p in pieces) and all(
            patterns.namelike(p, t.name_connectors) and len(p.split()) <= 4 for p in pieces):
        return True  # "Le Journal avec AFP"
    caps = all(patterns.is_caps(p) and len(p.split()) <= 4 for p in pieces)
    if (prefix or parens) and caps:
        return True
    if (prefix or parens) and len(pieces) == 1 and t.agency_word.search(rest) and (
            rest[0].isupper() and len(rest.split()) <= 6):
        return True  # "(Agence de presse Xinhua)", "Source : Agence Savane Info"
    if (prefix and t.source_label.fullmatch(inner[: m.end()].strip()) and len(pieces) == 1
            and patterns.namelike(rest, t.name_connectors) and len(rest.split()) <= 6):
        return True  # "Source : La Gazette du Nord", a line of its own
    if "/" in rest and len(pieces) >= 2:
        return all(patterns.namelike(p, t.name_connectors) and len(p.split()) <= 3
                   for p in pieces)
    if prefix and inner[: m.end()].strip(" :").casefold() in t.byline_prefix:
        # A byline: "Par Jean Dupont".
        return patterns.namelike(rest, t.name_connectors) and 2 <= len(rest.split()) <= 8
    return False


def _is_dateline(text: str, t: Tables) -> bool:
    if "(" not in text and ("," not in text or not _DIGIT.search(text)):
        return False  # neither "(AFP) -" nor "Place, date"
    m = t.agency_dateline.match(text)
    if m and not m["rest"]:
        return bool(m["place"]) or is_agency(m["agency"], t)
    m = t.date_dateline.match(text)
    if not m:
        return False
    rest = m["date"].strip()
    hits = [h for h in dates.find(rest, t) if not h.is_time]
    if not hits:
        return False
    covered = rest[: hits[0].start] + rest[hits[-1].end:]
    return not re.sub(r"[\s,.:;–—-]|\ble\b|\bon\b", "", covered)


# --- neighbours --------------------------------------------------------------------------

def _mark_duplicates(keys: list[str], kinds: list[str]) -> None:
    """A story line equal to the story line before it (debris between them ignored)."""
    last = None
    for i, key in enumerate(keys):
        if kinds[i] != PROSE or not _ALNUM.search(key):
            continue  # a lone "»" twice closes two quotations
        if last is not None and key == last:
            kinds[i] = DUPLICATE
            continue
        last = key


def _mark_structure(lines: list[str], kinds: list[str], t: Tables) -> None:
    content = [i for i, k in enumerate(kinds) if k in (PROSE, DATELINE)]
    top = set(content[:4])
    bottom = set(content[-3:])
    long_at = [i for i in content if len(lines[i]) >= _LONG]
    first_long = long_at[0] if long_at else len(lines)
    last_long = long_at[-1] if long_at else -1
    for i, kind in enumerate(kinds):
        if kind == RELATED:
            _mark_links(lines, kinds, i)
        elif kind == PHOTO_CREDIT:
            _mark_caption_above(lines, kinds, i, t)
        elif kind == DATELINE and i not in top and i not in bottom and not _has_agency(lines[i], t):
            # A place and a date in the middle of a story is a sentence, not a dateline.
            kinds[i] = PROSE
    for i, kind in enumerate(kinds):
        if kind != PROSE:
            continue
        text = lines[i]
        if len(text) <= _MAX_CAPTION and (
                text.endswith("|")
                or (t.source_in_caption and t.source_in_caption.search(text))
                ) and t.caption_cue.search(text):
            kinds[i] = CAPTION
        elif _ACRONYM.match(text) and (i < first_long or i > last_long):
            kinds[i] = CREDIT  # a bare "AA" or "(APS)" above or below the story


def _mark_links(lines: list[str], kinds: list[str], heading: int) -> None:
    """Headline-like lines right after a related-articles heading are its links."""
    taken = 0
    for j in range(heading + 1, min(len(lines), heading + 12)):
        kind = kinds[j]
        if kind == BLANK or kind in REMOVED:
            if kind == RELATED:
                return
            continue
        if kind != PROSE or taken >= 6 or not _headline_like(lines[j]):
            return
        kinds[j] = LINK
        taken += 1


def _headline_like(text: str) -> bool:
    if not _ALNUM.search(text) or len(text) > _MAX_LINK or _is_sentences(text, 2):
        return False
    if text.endswith((":", ",", ";")):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "«\"“"):
        return False
    # A headline has no final full stop, unless it is built "Topic : what happened."
    return not text.endswith(".") or " : " in text


def _mark_caption_above(lines: list[str], kinds: list[str], credit: int, t: Tables) -> None:
    """The line above a picture credit is its caption only when it reads as one.

    Being above a credit is not enough: stories are cut by pictures anywhere, and a
    sentence of the story there must stay. When unsure, the line stays in the body (the
    credit itself still leaves).
    """
    j = credit - 1
    if j < 0 or kinds[j] != PROSE:
        return
    text = lines[j]
    if len(text) > 200 or _is_sentences(text, 2) or not _LETTER.search(text):
        return
    if _caption_cues(text, t) or _is_repeated(lines, kinds, j):
        kinds[j] = CAPTION


def _caption_cues(text: str, t: Tables) -> bool:
    if t.caption_cue.search(text) or text.endswith("|"):
        return True  # "X (à gauche) et Y", "ci-dessus", the cell of a picture's table
    if text[0].islower() or text.endswith((":", ",", ";", "-", "–", "—")):
        return False  # a piece of a sentence, or one announcing what follows
    if not _FINAL_STOP.search(text):
        last = _WORDS.findall(text)
        # "Vue aérienne du nouveau quartier"; but "... devant le" is a sentence cut short.
        return not last or last[-1].casefold() not in t.function_words
    # Closed by a full stop: a caption only if it is a noun phrase ("La façade rénovée
    # de la mairie."), not a sentence.
    return not _QUOTE_MARK.search(text) and not _has_finite_verb(text, t) and _noun_phrase(
        text, t)


def _noun_phrase(text: str, t: Tables) -> bool:
    """No word where a sentence would have its verb: after a noun, only complements,
    adjectives and participles ("Des élus devant la mairie"). Unsure means no."""
    after_noun = False
    for word in _WORDS.findall(text):
        low = word.casefold()
        if (low in t.function_words or low in t.noun_phrase_links or low in t.weekdays
                or low in t.date_words):
            after_noun = False
        elif not word.islower():
            after_noun = True  # a name
        elif t.adjective_ending.fullmatch(low):
            continue
        elif after_noun:
            return False  # "Le pont relie": maybe a verb
        else:
            after_noun = True
    return True


def _is_repeated(lines: list[str], kinds: list[str], j: int) -> bool:
    """A line printed twice near a picture: once as its caption, once elsewhere.

    The other copy must be a caption or stay in the body, so that taking this one out
    loses nothing (two copies, each above a credit, are not both captions by this cue).
    """
    key = lines[j].casefold()
    for i in range(max(0, j - 6), min(len(lines), j + 7)):
        if i == j or lines[i].casefold() != key:
            continue
        above_credit = i + 1 < len(kinds) and kinds[i + 1] == PHOTO_CREDIT
        if kinds[i] == CAPTION or kinds[i] == PROSE and not above_credit:
            return True
    return False


# --- small shape tests --------------------------------------------------------------------

def _is_sentences(text: str, n: int) -> bool:
    """True if the text holds at least `n` sentences."""
    return len(patterns.SENTENCE_GAP.findall(text)) >= n - 1


def _has_agency(text: str, t: Tables) -> bool:
    return bool(t.agency_dateline.match(text))
