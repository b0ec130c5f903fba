"""bytes -> RawDoc | InputProblem: one HTML page (a .html/.htm file, HTML on stdin or a URL).

In: the bytes, the source name, the id, and for a download its final URL and the charset of
its Content-Type header. Out: a `RawDoc` of kind "html" whose content is the whole page,
decoded; or an `InputProblem`. The page is not extracted here: the cleaner runs trafilatura on
it, and keeping the markup lets it see headings, bylines and captions.

The charset comes, in this order of trust, from a byte-order mark, the HTTP header, the page's
own `<meta charset>` / `<meta http-equiv>` / XML declaration, and detection. Valid UTF-8 is
taken as UTF-8 even when the page declares otherwise, since the reverse mistake (a page saved
as UTF-8 that still says "iso-8859-1") is far more common than UTF-8-looking cp1252.
"""

from __future__ import annotations

import re

from ..model import InputProblem, RawDoc
from .decode import decode

_PRESCAN = 4096  # browsers look for the <meta> charset in the first 1024 bytes; be lenient
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def read_html(
    data: bytes, source: str, doc_id: str, *, url: str | None = None, charset: str | None = None
) -> RawDoc | InputProblem:
    """bytes -> RawDoc(kind="html") | InputProblem."""
    text = decode(data, source, declared=charset or _declared_charset(data))
    if isinstance(text, InputProblem):
        return text
    return RawDoc(id=doc_id, source=source, content=text, kind="html", url=url)


def _declared_charset(data: bytes) -> str | None:
    head = data[:_PRESCAN]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None
