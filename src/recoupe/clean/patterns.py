"""Shapes of lines shared by the classifier and the metadata reader.

In: nothing (constants) or one short string (the shape tests).
Out: the letter classes of capitals and lowercase letters, the gap between two sentences
(`SENTENCE_GAP`), and small tests of a string's shape: `namelike` (names of people or
agencies), `is_caps` (written in capitals) and `fold_case_and_punctuation` (a comparison
key blind to case and punctuation, not to accents). Words of a language stay in
`recoupe.lang` (and reach here as arguments); what is here is punctuation and
capitalisation, the same in every Latin-script language.
"""

from __future__ import annotations

import re
import unicodedata

UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿœæ"

# Where one sentence ends and the next begins: "... mardi. Les élus", "... » Le maire".
SENTENCE_GAP = re.compile(rf"[.!?…][»”\"]?\s+[«“\"]?[{UP}0-9]")


def namelike(text: str, connectors: frozenset = frozenset()) -> bool:
    """Names of people or agencies: "LUC BLANC / POOL / AFP", "Jean-Paul Durand".

    `connectors` are the lowercase words allowed between names ("de", "van", "et").
    """
    tokens = [w for w in re.split(r"[\s/,;|]+", text.strip(" .()")) if w]
    if not tokens or len(tokens) > 10:
        return False
    named = 0
    for w in tokens:
        if w.casefold() in connectors or w in {"-", "–", "&", "©"}:
            continue
        if not (w[0].isupper() or w[0].isdigit() or w[0] in "©@"):
            return False
        named += 1
    return named >= 1


def is_caps(text: str) -> bool:
    """Written in capitals (at least two letters, no lowercase one)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fold_case_and_punctuation(text: str) -> str:
    """A comparison key: case, compatibility forms and punctuation folded away; accents
    stay ("Élysée" and "elysee" differ), unlike `recoupe.crosscheck.gazetteer.fold`."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()
