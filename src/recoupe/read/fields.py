"""Loose metadata values (from JSON objects or feed entries) -> clean strings.

In: any value a container gave for a field. Out: `text_field(value)`, the stripped string or
None when it is not a non-empty string; `language_code(value)`, the primary language subtag
("fr-FR", "FR", "fr_fr" -> "fr"), as the annotate config keys its models.
"""

from __future__ import annotations

import re


def text_field(value: object) -> str | None:
    """A non-empty string, stripped; anything else -> None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def language_code(value: object) -> str | None:
    """"fr-FR", "FR", "fr_fr" -> "fr"; None when no language is given."""
    text = text_field(value)
    return re.split(r"[-_]", text, maxsplit=1)[0].lower() if text else None
