"""English tables for sentence boundaries: the words after which a period ends no sentence.

In: nothing (data). Out: word sets read by `annotate.sentences` (see lang/fr/sentences.py for
their meaning). General English usage, not any corpus.
"""

# Titles before a name and abbreviations that lead into what follows.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "gen", "lt", "sgt", "capt", "gov",
    "sen", "rep", "st", "mt", "ft", "vs", "cf", "e.g", "i.e",
})

# Before a number only: "p. 12", "No. 3", "Jan. 2024".
BEFORE_NUMBER = frozenset({
    "p", "pp", "no", "nos", "vol", "ch", "fig", "art", "sec", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca",
})

# A capital letter alone before a period is an initial ("George W. Bush").
INITIALS = True
