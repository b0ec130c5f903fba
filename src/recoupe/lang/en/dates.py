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

# --- Date expressions in running text, read by `recoupe.annotate.dates` ---
# The same names as in `recoupe.lang.fr.dates`; see there for what each one means.

# English capitalises month and weekday names: a lower-case "may" is the verb.
NAMES_CAPITALISED = True
DAY_WORDS: dict[str, int] = {}
MONTH_FIRST_WRITTEN = True  # "September 13, 2023"
DAY_PARTS = ["morning", "afternoon", "evening", "night"]
NEXT_WORDS = ["next"]
LAST_WORDS = ["last"]
DIRECTION_AFTER = False  # "last Tuesday"
THIS_WORDS = ["this"]
NOT_WEEKDAY_AFTER = ["night live"]
DAY_RANGE_WORDS = ["and", "to", "-", "–"]
PERIOD_PREFIXES = ["late", "early", "mid-", "the end of", "the beginning of", "the middle of"]
MONTH_CONTEXT = ["in", "since", "until", "before", "after", "by", "of", "from", "during"]
YEAR_CONTEXT = [
    "in", "since", "until", "before", "after", "by", "from", "during", "year", "spring",
    "summer", "autumn", "fall", "winter", "between", "late", "early", "mid",
]
YEAR_FOLLOWERS = [
    "and", "or", "to", "in", "the", "a", "an", "by", "for", "with", "on", "when", "where",
    "which", "who", "that", "then", "before", "after", "was", "is", "will", "had", "has",
    "have", "were", "he", "she", "it", "they", "we", "but", "so", "because", "against",
    "during", "until", "as", "also",
]
NOT_YEAR_BEFORE = [
    "no", "no.", "number", "page", "p.", "article", "some", "about", "over",
    "more than", "less than", "nearly", "almost", "around", "at least",
]
QUANTITY_WORDS = [
    "%", "$", "€", "people", "dollars", "euros", "residents", "km", "miles", "kg", "tons",
    "dead", "deaths", "soldiers", "troops", "votes", "points", "times", "seconds",
    "minutes", "hours", "days", "weeks", "months", "years", "copies", "jobs", "street",
    "avenue", "road", "boulevard",
]
DECADE_WORDS: list[str] = []  # "the 1990s": the "s" already keeps it from being a year
RELATIVE_DAY_OFFSETS = {
    "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "yesterday": -1, "tomorrow": 1,
}
RELATIVE_PERIODS = {
    "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
    "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
    "this week": ("week", 0), "last week": ("week", -1), "next week": ("week", 1),
}
AGO_BEFORE: list[str] = []
AGO_AFTER = ["ago"]
LATER_BEFORE = ["in"]
TIME_UNITS = {
    "year": "year", "years": "year", "month": "month", "months": "month", "day": "day",
    "days": "day", "week": "week", "weeks": "week",
}
NUMBER_WORDS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "fifty": 50,
    "hundred": 100,
}
APPROXIMATE = ["more than", "nearly", "almost", "about", "around", "some", "over", "at least"]
