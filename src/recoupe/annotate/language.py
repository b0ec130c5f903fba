"""Article text -> ISO 639-1 language code, with the lingua detector.

In: a text (the cleaned body; its first few hundred characters are enough).
Out: a lower-case two-letter code such as "fr", or None when the text is too short or mixed
to say. The detector is built once per process, in low-accuracy mode: on whole articles it is
as accurate as the high-accuracy mode and several times faster and smaller.
"""

from __future__ import annotations

import functools

# Characters looked at: 400 characters of news prose decide reliably (all 200 rpm2-dev articles
# agree with the whole-text answer) at a quarter of the cost of 2,000 (about 3 ms an article).
_SAMPLE = 400


@functools.cache
def _detector():
    from lingua import LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_all_languages()
            .with_low_accuracy_mode()
            .with_minimum_relative_distance(0.1)
            .build())


def detect_language(text: str) -> str | None:
    """Text -> its language code ("fr", "en"...), or None if undecided."""
    sample = text[:_SAMPLE].strip()
    if len(sample) < 20:
        return None
    found = _detector().detect_language_of(sample)
    if found is None:
        return None
    return found.iso_code_639_1.name.lower()
