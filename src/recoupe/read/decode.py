"""bytes -> str | InputProblem: turn the bytes of one input into text, or say why not.

In: the raw bytes, the source name (for the problem), and optionally the charset the container
declared (an HTTP header, an HTML `<meta>`). Out: the decoded text, with any byte-order mark
removed and line ends made "\\n"; or an `InputProblem` ("file is empty", "binary file (not
text)", "cannot tell the text encoding ..."). It never raises, whatever the bytes.

The order is: byte-order mark, then a refusal of what is clearly binary, then strict UTF-8 (most
of what we read), then UTF-8 with a few stray legacy bytes, then the declared charset, then
detection by charset-normalizer, checked against cp1252 (see `_detect`). ISO-8859-1
and ASCII are read as windows-1252, as browsers do: the two agree on every printable Latin-1
byte, and 0x80-0x9F in "Latin-1" news text are in practice cp1252's curly quotes, dashes, "œ"
and "€", not C1 control characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..model import InputProblem

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people drop into a folder of articles by mistake; some of them can
# start without a NUL byte, so the NUL test alone would not catch them early.
_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
          b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"OggS", b"ID3", b"RIFF")

# C0 controls other than the white-space ones text legitimately holds (tab, LF, VT, FF, CR),
# and DEL. ESC (0x1b) stays in: terminal captures hold colour codes and are still text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_WHITESPACE_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1b")
# Above this share of control characters, bytes are data, not prose in any encoding.
_MAX_CONTROL_SHARE = 0.05

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_REPLACEMENT = "\ufffd".encode()
_STRAY_BYTES_AS_CP1252 = "recoupe-stray-cp1252"
# Valid multi-byte sequences needed per stray byte to call a file UTF-8 with a few stray bytes.
_MIN_UTF8_EVIDENCE = 4

# Python's canonical names (codecs.lookup(...).name) of the labels read as windows-1252.
_CP1252_ALIASES = frozenset({"ascii", "latin-1", "iso8859-1"})

# Single-byte code pages for Latin scripts, between which the detector hesitates.
_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-9", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
    "mac-roman", "mac-latin2", "mac-iceland", "mac-turkish", "cp850", "cp858", "cp437",
    "cp775", "cp860", "cp863", "cp865", "hp-roman8",
})
_MAX_CANDIDATES = 8  # detector guesses tried; later ones are never better in practice
_MAX_SCORED = 4000  # non-ASCII characters looked at per candidate, so big files stay fast
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Non-letters that news prose does contain; any other non-ASCII symbol hints at a misreading.
_PROSE_SYMBOLS = frozenset("’‘‚“”„«»‹›–—―…•·°§©®™€£¥¢\u00a0\u202f\u2009\u2007\u200b"
                           "\u200c\u200d\u2060\ufeff¡¿ºª†‰′″")


def decode(data: bytes, source: str, declared: str | None = None) -> str | InputProblem:
    """bytes -> str | InputProblem: decoded text with "\\n" line ends, or why it is not text."""
    if not data.strip():
        return InputProblem(source, "file is empty")
    text = _decode_bom(data)
    if text is None:
        if _looks_binary(data):
            return InputProblem(source, "binary file (not text)")
        text = _decode_utf8(data)
    if text is None:
        text = _decode_mostly_utf8(data)
    if text is None and declared:
        text = _decode_declared(data, declared)
    if text is None:
        text = _detect(data)
    if text is None:
        return InputProblem(
            source, "cannot tell the text encoding (not UTF-8, and no other encoding fits "
            "the bytes); convert the file to UTF-8")
    if _control_share(text) > _MAX_CONTROL_SHARE or "\x00" in text:
        return InputProblem(source, "binary file (not text)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return InputProblem(source, "file is empty")
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A BOM is a declaration by the writer; bytes that then fail are repaired with
            # U+FFFD rather than guessed at, since no other encoding starts with these bytes.
            return data[len(bom):].decode(encoding, errors="replace")
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC) or b"\x00" in data:
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray legacy bytes (a pasted quote, one corrupt line) -> str | None.

    Each stray byte is read as cp1252 and the rest stays UTF-8, instead of the whole file being
    misread as cp1252 ("Ã©tÃ©"). Taken only when valid multi-byte sequences far outnumber the
    stray bytes, which legacy text never shows: its accented letters are single bytes that do
    not form UTF-8 sequences.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return None
    stray = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(_REPLACEMENT)
    if valid < _MIN_UTF8_EVIDENCE * stray:
        return None
    return data.decode("utf-8", errors=_STRAY_BYTES_AS_CP1252)


def _stray_byte_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_BYTES_AS_CP1252, _stray_byte_as_cp1252)


def _decode_declared(data: bytes, declared: str) -> str | None:
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None  # an unknown label is ignored, as browsers do
    if name.startswith(("utf-16", "utf-32")):
        # Without a BOM (checked before) such a label is a lie: the page was readable as
        # ASCII to find it. Browsers read it as UTF-8, which has already failed.
        return None
    if name in _CP1252_ALIASES:
        name = "cp1252"
    try:
        return data.decode(name)
    except (UnicodeDecodeError, ValueError):
        # Pages often declare one charset and are saved in another; detection decides then.
        return None


def _detect(data: bytes) -> str | None:
    # Imported here: charset-normalizer is only needed for the rare non-UTF-8 input.
    from charset_normalizer import from_bytes

    try:
        guesses = [codecs.lookup(m.encoding).name for m in from_bytes(data)]
    except Exception:  # noqa: BLE001 - a detector bug must not stop the run; we fall back
        guesses = []
    candidates = list(dict.fromkeys(guesses[:_MAX_CANDIDATES] + ["cp1252"]))
    decoded = []
    for encoding in candidates:
        if encoding in _CP1252_ALIASES:
            encoding = "cp1252"
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError, ValueError):
            continue
        decoded.append((encoding, text, _oddity(text)))
    if not decoded:
        return None
    least = min(odd for _, _, odd in decoded)
    tied = [(encoding, text) for encoding, text, odd in decoded if odd == least]
    # On short texts the detector hesitates between Latin code pages that differ on a few
    # letters (it calls French cp1252 "cp1250", German "mac_iceland"); when cp1252 reads the
    # bytes as cleanly as its first choice, cp1252 is far the likelier for the news we read.
    # A non-Latin first choice (cp1251 Cyrillic...) is kept: cp1252 turns it into clean-looking
    # accented Latin letters that only a language model could reject.
    first = tied[0][0]
    if first != "cp1252" and first in _LATIN_SINGLE_BYTE:
        for encoding, text in tied:
            if encoding == "cp1252":
                return text
    return tied[0][1]


def _oddity(text: str) -> int:
    """How many characters look like a wrong decoding: symbols prose does not use, C1 controls,
    and letters of another script glued to ASCII letters ("prίsident")."""
    odd = 0
    for n, match in enumerate(_NON_ASCII.finditer(text)):
        if n >= _MAX_SCORED:
            break
        ch = match.group()
        category = unicodedata.category(ch)
        if category in ("Lu", "Ll", "Lt", "Lo"):
            if not unicodedata.name(ch, "LATIN").startswith("LATIN") and _next_to_ascii_letter(
                text, match.start()
            ):
                odd += 1
        elif category in ("Mn", "Mc") or ch in _PROSE_SYMBOLS or category == "Zs":
            continue
        else:
            odd += 1
    return odd


def _next_to_ascii_letter(text: str, i: int) -> bool:
    return (i > 0 and text[i - 1].isascii() and text[i - 1].isalpha()) or (
        i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalpha()
    )


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    controls = sum(
        1 for ch in sample
        if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in _WHITESPACE_CONTROLS
    )
    return controls / len(sample)
