"""French words that decide whether two wordings of one quote say different things.

In: nothing (data). Out: what `crosscheck.discrepancies` needs to tell a real rewording of
a quote from a transcription variant: the words that turn a sentence into its opposite or
limit it (a quote with "pas" added or dropped says the contrary, however few the letters),
and the number words (a number changed is another fact). Words are folded (lower case, no
accents), as `text.fold` gives them, split on non-letters ("n'" is "n").

From French grammar: negation is "ne ... pas/plus/jamais/rien/guère/point/aucun/nul/ni",
"ne" often dropped in speech; "sans" and "non" deny too; "seulement"/"que" restrict.
"""

NEGATIONS = frozenset({
    "ne", "n", "pas", "plus", "jamais", "rien", "guere", "point", "aucun", "aucune", "nul",
    "nulle", "ni", "non", "sans", "personne", "nullement", "seulement", "uniquement",
})

# Folded number words (digits are numbers by themselves): "trois" for "quatre" is another
# fact, not a variant. "un"/"une" are left out: mostly articles ("d'une" / "de la").
NUMBER_WORDS = frozenset({
    "zero", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille", "million",
    "millions", "milliard", "milliards", "moitie", "tiers", "quart", "double", "triple",
    "premier", "premiere", "second", "seconde", "dernier", "derniere",
})
