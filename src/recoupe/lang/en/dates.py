"""English date words, for stamps and datelines ("Tuesday", "March 2, 2021").

In: nothing. Out: the same constants as `recoupe.lang.fr.dates`, for English.
"""

MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

DATE_ARTICLES = ["on", "the"]
ORDINAL_SUFFIXES = ["st", "nd", "rd", "th"]
TIME_CONNECTORS = ["at", "-", ","]

# 03/04/2023 is the 4th of March in American usage.
DAY_FIRST = False

RELATIVE_DAYS = ["today", "yesterday"]

DATEPARSER_LANGUAGES = ["en"]
