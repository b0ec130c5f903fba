"""The exceptions of recoupe, each with a message that tells the user what went wrong.

In: nothing. Out: exception classes. A stage raises `InputError` for one bad input (the
pipeline reports it as one line and goes on with the others); `UsageError` and `ConfigError`
stop the command with exit code 2.
"""


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
