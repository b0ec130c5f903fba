"""Text -> lines, each kept verbatim and in a normalised form for the cleaner to read.

In: the text of one article, as decoded by the reader.
Out: `split(text)` -> a list of (verbatim, normalised) pairs, one per line. The verbatim
form (outer white space stripped) is what `Article.removed` shows; the normalised form is
what the cleaner reads and what goes into the body: Unicode NFC, Windows-1252 punctuation
that was decoded as control characters put back ("\\x92" -> "’"), invisible characters
(soft hyphens, zero-width spaces, byte-order marks) dropped, and every run of white space
(tabs, no-break and thin spaces) made one space. Words are never changed.
"""

from __future__ import annotations

import re
import unicodedata

_OTHER_BREAKS = ("\u2028", "\u2029", "\x0b", "\x0c")
# Bytes 0x80-0x9F of Windows-1252 read as Latin-1 become C1 control characters; these are
# the ones that carry punctuation in French text.
_CP1252 = str.maketrans({
    "\x80": "€", "\x82": "‚", "\x84": "„", "\x85": "…", "\x8c": "Œ", "\x91": "‘",
    "\x92": "’", "\x93": "“", "\x94": "”", "\x96": "–", "\x97": "—", "\x9c": "œ",
})
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")


def split(text: str) -> list[tuple[str, str]]:
    """Text -> [(verbatim line, normalised line)], "" for a blank line."""
    # Whole-text passes are much cheaper than per-line ones, none of them touches a line
    # break (so the two splits stay aligned), and each runs only when it has work to do.
    text = _unify_breaks(text)
    clean = text
    if _INVISIBLE.search(clean):
        clean = _INVISIBLE.sub("", clean.translate(_CP1252))
    if not unicodedata.is_normalized("NFC", clean):
        clean = unicodedata.normalize("NFC", clean)
    raws = text.split("\n")
    norms = clean.split("\n")
    # str.split() without arguments splits on every Unicode space (tabs, no-break and
    # thin spaces), which is what a run of white space means here.
    return [(raw.strip(), " ".join(norm.split())) for raw, norm in zip(raws, norms, strict=True)]


def _unify_breaks(text: str) -> str:
    # str methods, not a regular expression: this runs on every byte of every article.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in _OTHER_BREAKS:
        if sep in text:
            text = text.replace(sep, "\n")
    return text
