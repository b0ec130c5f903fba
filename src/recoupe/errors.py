"""The exceptions of recoupe, each with a message that tells the user what went wrong.

In: nothing. Out: exception classes. A stage raises `InputError` for one bad input (the
pipeline reports it as one line and goes on with the others); `UsageError` and `ConfigError`
stop the command with exit code 2. `escaped(text)` is how a message that names an input is
shown on a terminal.
"""

import re

# C0 and C1 controls (new line included: a name holding one could forge a second "recoupe:"
# line), DEL, bidi overrides and isolates (they make a line read backwards), lone surrogates.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escaped(text: str) -> str:
    """A message -> one line with its control characters escaped as Python writes them
    ("\\n", "\\x1b", "\\u202e"; an undecodable file-name byte as "\\xe9")."""
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return repr(char)[1:-1]


class RecoupeError(Exception):
    """Base class of recoupe's own errors."""


class InputError(RecoupeError):
    """One input cannot be used; `source` names it, the message says why."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class UsageError(RecoupeError):
    """The command line asks for something that cannot be done."""


class ConfigError(RecoupeError):
    """The configuration file is unreadable or names unknown settings."""
