"""bytes -> RawDoc | InputProblem: one plain-text article (a .txt file, text on stdin or a URL).

In: the bytes, the source name and the id to give the document. Out: a `RawDoc` of kind
"text" holding the decoded text (UTF-8, else the detected legacy encoding; line ends "\\n"),
or an `InputProblem` when the bytes are empty, binary or undecodable. Nothing is cleaned here.
"""

from __future__ import annotations

from ..model import InputProblem, RawDoc
from .decode import decode


def read_text(
    data: bytes, source: str, doc_id: str, *, url: str | None = None, charset: str | None = None
) -> RawDoc | InputProblem:
    """bytes -> RawDoc(kind="text") | InputProblem."""
    text = decode(data, source, declared=charset)
    if isinstance(text, InputProblem):
        return text
    return RawDoc(id=doc_id, source=source, content=text, kind="text", url=url)
