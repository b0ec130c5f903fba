"""French numbers written in words, and the words that make a number a range.

In: nothing (data). Out: what `crosscheck.quantities` needs to read "deux cents",
"quatre-vingt-dix", "3,5 millions", "une cinquantaine", "des dizaines" and "plus de 80" as
values: the number words with their value, the scale words that multiply what comes before
them, the approximate nouns in -aine, the vague plurals, and the approximation phrases with
the range each one gives.

From French grammar: "vingt et un", "quatre-vingts", "cent" and "mille" multiply what precedes
them; "une cinquantaine" is about fifty; "des dizaines" is more than one ten. Digits follow
French typography: a space or a dot between groups of three digits, a comma for decimals
("1 200", "1.200", "3,5").
"""

# Units and tens; "un"/"une" are numbers only inside a compound or before a unit (alone they
# are mostly articles: "une personne").
NUMBER_WORDS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}
ARTICLE_NUMBERS = {"un", "une"}

# Words that multiply what precedes them (or 1): "deux cents", "trois mille", "3,5 millions".
HUNDRED = {"cent": 100, "cents": 100}
SCALES = {"mille": 1_000, "millier": 1_000, "milliers": 1_000, "million": 1_000_000,
          "millions": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000}
# Scale words that only multiply a number before them ("3 millions"), never stand alone as
# a count the way "mille" does.
SCALE_NOUNS = {"million", "millions", "milliard", "milliards"}

# "et" joins units to tens ("vingt et un", "soixante et onze").
JOINER = "et"

# Approximate nouns: "une cinquantaine de blessés" is about fifty.
APPROXIMATE_NOUNS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1_000,
}
# Their plurals, and plural scale words, say "several of them": "des dizaines de blessés" is
# from two tens to under a hundred.
VAGUE_PLURALS = {
    "dizaines": 10, "vingtaines": 20, "centaines": 100, "milliers": 1_000,
    "millions": 1_000_000, "milliards": 1_000_000_000,
}
# A vague plural spans this many of its unit: "des centaines" is 200 to 999.
VAGUE_SPAN = (2, 9.99)

# Phrases before a number and the range they make of it, as (low, high) factors of the
# number (None: no bound on that side). "environ 50" is 47.5 to 52.5, "plus de 80" is 80 or
# more, "près de 50" is a little under fifty.
APPROXIMATIONS = {
    "environ": (0.95, 1.05), "quelque": (0.95, 1.05), "autour de": (0.95, 1.05),
    "aux alentours de": (0.95, 1.05), "approximativement": (0.95, 1.05),
    "à peu près": (0.95, 1.05), "grosso modo": (0.9, 1.1), "de l'ordre de": (0.9, 1.1),
    "plus de": (1.0, None), "au moins": (1.0, None), "pas moins de": (1.0, None),
    "au minimum": (1.0, None), "plus d'": (1.0, None), "au-delà de": (1.0, None),
    "un peu plus de": (1.0, 1.15), "un peu plus d'": (1.0, 1.15),
    "moins de": (0.0, 1.0), "moins d'": (0.0, 1.0), "au plus": (0.0, 1.0),
    "au maximum": (0.0, 1.0), "jusqu'à": (0.0, 1.0), "pas plus de": (0.0, 1.0),
    "un peu moins de": (0.85, 1.0), "un peu moins d'": (0.85, 1.0),
    "près de": (0.9, 1.0), "près d'": (0.9, 1.0), "presque": (0.9, 1.0),
    "quasiment": (0.9, 1.0), "pratiquement": (0.9, 1.0),
}
# The same words after the value: "deux heures environ".
APPROXIMATIONS_AFTER = {"environ": (0.95, 1.05)}
# Approximate nouns span this much around their value: "une cinquantaine" is 45 to 55.
APPROXIMATE_NOUN_SPAN = (0.9, 1.1)
