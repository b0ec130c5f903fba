"""French date words, for stamps and datelines.

In: nothing. Out: constants read by `recoupe.clean.meta` (through `recoupe.lang.table`):
month names and abbreviations with their number, weekday names, the words that may sit
between the parts of a written date, and how numeric dates are ordered.
"""

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

# "le 14 septembre", "1er mars", "14 septembre 2023 à 11h50"
DATE_ARTICLES = ["le"]
ORDINAL_SUFFIXES = ["er", "ᵉʳ", "e"]
TIME_CONNECTORS = ["à", "a", "vers", "-", ","]

# 03/04/2023 is the 3rd of April in French.
DAY_FIRST = True

# Words of a stamp that date it relative to the day it was read ("aujourd'hui à 10h32"):
# a line made of them is a stamp, though it gives no date.
RELATIVE_DAYS = ["aujourd'hui", "aujourd’hui", "hier", "avant-hier"]

# Languages handed to dateparser when the explicit patterns find nothing.
DATEPARSER_LANGUAGES = ["fr"]
