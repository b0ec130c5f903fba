"""French words and grammar that tell a summary sentence from one that needs its neighbours.

In: nothing. Out: constants read by `recoupe.crosscheck.summary` and
`recoupe.crosscheck.standalone` (through `recoupe.lang.table`): the openers by which a
sentence leans on the one before it (a connective, a demonstrative taking up what was just
said), the time nouns after which a demonstrative is a date ("ce mardi", "cette semaine")
and not a reference back, and the tenses of a main verb that tell background (what had
happened) from the news.
"""

from .dates import WEEKDAYS

# A sentence opened by one of these takes up or answers the sentence before it ("Par
# ailleurs, ...", "Cette décision ...", "C'est ..."): out of its article it does not read
# on its own. Lower case; a phrase is matched on whole words at the start.
LEANING_OPENERS = (
    "par ailleurs", "en outre", "de plus", "d'ailleurs", "d’ailleurs", "en revanche",
    "et", "mais", "pourtant", "toutefois", "cependant", "néanmoins", "ainsi", "aussi", "or",
    "donc", "enfin", "quant à", "quant au", "quant aux", "autrement dit", "du coup",
    "car", "en effet", "dès lors", "par conséquent", "en conséquence",
    "c'est", "c’est", "c'était", "c’était", "cela", "ça", "ceci",
    "celui-ci", "celle-ci", "ceux-ci", "celles-ci",
    # whose opinion it is was named before: "Pour lui, ...", "Selon elle, ..."
    "pour lui", "pour elle", "pour eux", "pour elles", "selon lui", "selon elle",
    "selon eux", "selon elles", "d'après lui", "d’après lui", "d'après elle", "d’après elle",
    "d'après eux", "d’après eux", "d'après elles", "d’après elles",
)

# Demonstrative determiners: "Cette décision ...", "Ce dernier ..." point back at what the
# article just said; so do the possessives of the third person ("Son avocat ...", "Leur
# voiture ..."): whose it is was named in a sentence before.
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"})

# Within the two words after a demonstrative, these make a date, not a reference back: "Ce
# mardi, ...", "Ces derniers jours, ...".
TIME_NOUNS = frozenset(WEEKDAYS) | frozenset({
    "matin", "midi", "soir", "après-midi", "week-end", "jour", "jours", "nuit", "semaine",
    "semaines", "mois", "année", "années", "an", "ans", "printemps", "été", "automne", "hiver",
    "trimestre", "siècle",
})

# Subject pronouns of a main clause whose person is named in another sentence ("Dans cette
# affaire, il est ..."); "on" names no one in particular and stays.
ANAPHORIC_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})

# Universal Dependencies tenses of a main verb (or of its auxiliary) that tell background
# in French news: the imperfect and the pluperfect ("avait signé", "était") recall what
# stood before the news, which is told in the passé composé, the present or the future.
BACKGROUND_TENSES = frozenset({"Imp"})
