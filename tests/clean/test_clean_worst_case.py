"""Hostile inputs: cleaning costs linear work in the text's length, and the size cap holds.

Each hostile text is cleaned in a child process given a generous bound (60 s, where a linear
cleaner needs about a second): a cleaner quadratic in the length of a word, a line or a
paragraph takes minutes on these 2M-character texts and is stopped at the bound, so the test
fails rather than hangs. The bound is a wall on a runaway, not a race between fast runs.
"""

import subprocess
import sys

import pytest

from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.model import RawDoc

_BOUND = 60.0
_SIZE = 2_000_000

# Shapes a scraper or an attacker can give: one endless lower-case word, glued words,
# one endless paragraph, and a sentence cut into endless short lines.
_UNITS = {
    "word": "abcdefghijklmnopqrstuvwxyz",
    "glued": "lesdesbudgetsocialeetpolitiquedumaire" * 20 + " ",
    "short_glued": "budgetdes ",
    "line": "le maire a dit que la ville allait bien et que les travaux avancent ",
    "lines": "le maire a dit que\nla ville allait bien\net que les travaux\navancent\n",
}

_CHILD = """
import sys
from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.model import RawDoc
unit, size, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = (unit * (size // len(unit) + 1))[:size]
article = clean(RawDoc(id="w", source="w", content=text), CleanConfig(max_chars=limit))
print(len(article.text) + sum(len(r) for r in article.removed))
"""


def _clean_in_child(unit: str, limit: int) -> int:
    done = subprocess.run([sys.executable, "-c", _CHILD, unit, str(_SIZE), str(limit)],
                          capture_output=True, text=True, timeout=_BOUND, check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.parametrize("shape", ["word", "glued", "short_glued", "line"])
def test_clean_hostile_text_without_cap_costs_linear_work(shape):
    # No cap: the cleaner itself must be linear on a word, glued words or a paragraph.
    kept = _clean_in_child(_UNITS[shape], 0)
    assert kept >= _SIZE * 0.9  # nothing lost but white space


@pytest.mark.parametrize("shape", sorted(_UNITS))
def test_clean_hostile_text_with_default_cap_is_bounded(shape):
    kept = _clean_in_child(_UNITS[shape], CleanConfig().max_chars)
    assert kept >= _SIZE * 0.9  # the text past the cap is listed as removed, not lost


def test_clean_cap_cuts_at_a_line_break_and_lists_the_rest_as_removed():
    first = "Le conseil municipal a voté le budget jeudi soir.\n\n"
    lines = [f"Le chantier numéro {n} commencera au printemps, a précisé le maire.\n"
             for n in range(10)]
    text = first + "".join(lines)
    limit = len(first) + len("".join(lines[:3])) + 5  # in the middle of the fourth line
    article = clean(RawDoc(id="c", source="c.txt", content=text), CleanConfig(max_chars=limit))
    assert article.text.count("printemps") == 3
    assert article.removed[-1].count("printemps") == 7
    assert article.removed[-1].startswith("Le chantier numéro 3 ")


def test_clean_cap_leaves_a_short_article_alone():
    text = "Le conseil municipal a voté le budget jeudi soir.\n\nLes travaux suivront."
    capped = clean(RawDoc(id="c", source="c.txt", content=text), CleanConfig(max_chars=1000))
    free = clean(RawDoc(id="c", source="c.txt", content=text), CleanConfig(max_chars=0))
    assert capped == free
