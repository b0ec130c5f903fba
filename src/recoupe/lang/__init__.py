"""Per-language data tables, looked up by language code and table name.

In: a language code ("fr", "en") and a table name ("boilerplate", "dates").
Out: the module `recoupe.lang.<code>.<name>`, imported on first use, or None when that
language has no such table. Stages read their words and patterns from these modules, so
that supporting a new language is adding a package here, not editing a stage.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

_CODE = re.compile(r"[a-z]{2,3}")
_NAME = re.compile(r"[a-z_]+")


def table(language: str | None, name: str) -> ModuleType | None:
    """(language code, table name) -> the table module, or None if there is none."""
    if not language or not name:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    # Only plain codes and names reach importlib: a language tag read from a web page must
    # not be able to name an arbitrary module.
    if not _CODE.fullmatch(code) or not _NAME.fullmatch(name):
        return None
    try:
        return importlib.import_module(f"{__name__}.{code}.{name}")
    except ModuleNotFoundError:
        return None
