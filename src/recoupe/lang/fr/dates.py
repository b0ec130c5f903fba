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

# --- Date expressions in running text, read by `recoupe.annotate.dates` ---
# Phrases are written with a plain apostrophe and single spaces; the reader also accepts the
# typographic apostrophe and any run of spaces. A phrase ending in " de" also reads "d'".

# Month and weekday names are written in lower case in French: a capitalised one inside a
# sentence is a name ("la mission Mars 2020", "le Journal du Dimanche"), not a date.
NAMES_CAPITALISED = False

# "le premier mars"
DAY_WORDS = {"premier": 1}

# Written dates put the day first ("13 septembre"); English also writes "September 13".
MONTH_FIRST_WRITTEN = False

# Parts of a day that may follow a weekday or a relative day: "mardi matin", "hier soir".
DAY_PARTS = [
    "matin", "après-midi", "apres-midi", "midi", "soir", "soirée", "matinée",
    "dans la matinée", "dans la soirée", "dans l'après-midi", "en fin de journée",
    "en début de soirée", "en fin d'après-midi", "en fin de matinée", "au matin", "au soir",
]

# "mardi prochain", "le 13 septembre dernier", "en mars prochain".
NEXT_WORDS = ["prochain", "prochaine"]
LAST_WORDS = ["dernier", "dernière", "passé", "passée"]
# French puts them after the date word; English before it ("last Tuesday").
DIRECTION_AFTER = True

# Words before a date that make it a bound ahead of the text rather than when it is: "jusqu'au
# 15 juin", "d'ici au 3 mars", "d'ici le 3 mars", "d'ici la fin 2031" (the date found is
# "fin 2031"), "d'ici à la fin de 2031" (read by story grouping, a story's day and its
# timeline: none is when a thing happened).
BOUND_BEFORE = ["jusqu'au", "jusqu'à", "jusqu'en", "d'ici au", "d'ici le", "d'ici à", "d'ici",
                "d'ici la", "d'ici à la", "d'ici la fin de", "d'ici à la fin de", "d'ici fin",
                "jusqu'à la", "jusqu'à la fin de"]
# Words before a year that make it a target, not when the text is: "les semis pour 2031",
# "le plan de vol pour 2031" (a day after them may be when a thing happens: "pour le 14
# juillet, la ville a tiré un feu d'artifice", so only a year is read so).
TARGET_BEFORE = ["pour"]

# Words before a date that make it the start of a state or a stretch, not when the text is:
# "depuis le 2 mai", "entre le 3 et le 9 mars", "à compter du 1er juin" (the text is written
# after it, how long after is unknown; `dateroles.named_as_start`, read by story grouping
# and by a story's day, not by the reader).
START_BEFORE = ["depuis le", "depuis", "entre le", "entre", "à partir du", "à partir de",
                "à compter du", "à compter de", "dès le"]

# "ce mercredi": the weekday of the publication's own week (Monday to Sunday).
THIS_WORDS = ["ce"]

# A weekday followed by these is a feast or a name, not a day of the story.
NOT_WEEKDAY_AFTER = ["gras", "saint", "sainte"]

# Between the two days of "les 12 et 13 septembre", "du 12 au 14 septembre".
DAY_RANGE_WORDS = ["au", "et", "à", "-", "–"]

# Words before a month or a year that narrow it but keep its value ("fin mars", "mi-2024",
# "la fin du mois de mars"); they are part of the expression. A trailing "-" is glued.
PERIOD_PREFIXES = [
    "la fin du mois de", "fin du mois de", "le début du mois de", "début du mois de",
    "le milieu du mois de", "la mi-", "mi-", "fin", "début", "courant", "le mois de",
    "mois de",
]

# Words that make a bare month name a date ("en mars", "depuis mai", "jusqu'en avril").
# Elsewhere "mars" may be the planet, so a month alone needs one of these, a prefix above,
# or "prochain"/"dernier" after it.
MONTH_CONTEXT = [
    "en", "de", "d'", "du", "depuis", "dès", "jusqu'en", "avant", "après", "d'ici",
    "à partir de", "jusqu'à", "au",
]

# Years. A bare 4-digit number is a year when one of these comes before it ...
YEAR_CONTEXT = [
    "en", "depuis", "dès", "jusqu'en", "avant", "après", "d'ici", "vers", "année",
    "l'année", "an", "l'an", "printemps", "été", "automne", "hiver", "entre",
    "à partir de", "courant", "fin", "début", "mi",
]
# ... or when it is followed by punctuation or one of these short words ("celle de 2019 a
# été", "de 2012 à 2016"); any other word after it makes it a count ("2012 habitants").
YEAR_FOLLOWERS = [
    "et", "ou", "à", "au", "aux", "en", "dans", "le", "la", "les", "l'", "un", "une", "des",
    "de", "du", "d'", "par", "pour", "avec", "sans", "sur", "sous", "lors", "quand",
    "lorsque", "où", "qui", "que", "qu'", "puis", "alors", "avant", "après", "déjà", "a",
    "avait", "aura", "est", "était", "sera", "fut", "ont", "avaient", "il", "elle", "ils",
    "elles", "on", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mais",
    "donc", "car", "contre", "selon", "jusqu'à", "jusqu'au", "depuis", "pendant",
    "durant", "ne", "n'", "s'", "se", "y", "entre", "vers", "chez", "comme", "encore",
    "aussi", "notamment",
]
# Never a year after these ("n° 2012", "les 2000 manifestants", "plus de 2000").
NOT_YEAR_BEFORE = [
    "n°", "nº", "no", "numéro", "article", "art.", "vol", "page", "p.", "ligne", "code",
    "modèle", "chambre", "les", "des", "aux", "ces", "ses", "leurs", "nos", "vos", "mes",
    "plus de", "moins de", "près de", "environ", "quelque", "quelques", "au moins",
    "à peine", "sur",
]
# Never a year before these: units and counted things, street words of an address.
QUANTITY_WORDS = [
    "%", "€", "$", "euros", "euro", "dollars", "francs", "habitants", "personnes", "km",
    "kilomètres", "m", "mètres", "kg", "tonnes", "morts", "blessés", "victimes",
    "soldats", "manifestants", "salariés", "emplois", "voix", "points", "fois",
    "secondes", "minutes", "heures", "jours", "semaines", "mois", "ans", "exemplaires",
    "pages", "places", "lits", "élèves", "étudiants", "membres", "militants",
    "policiers", "gendarmes", "participants", "spectateurs", "visiteurs", "logements",
    "véhicules", "voitures", "hectares", "litres", "rue", "avenue", "boulevard", "bd",
    "route", "chemin", "place", "allée", "quai", "impasse",
]
# "les années 1990": a decade, which a partial ISO date cannot say; kept without a value.
DECADE_WORDS = ["les années", "années"]

# Days counted from the publication date ("hier soir", "aujourd'hui").
RELATIVE_DAY_OFFSETS = {
    "aujourd'hui": 0, "ce matin": 0, "ce midi": 0, "cet après-midi": 0, "ce soir": 0,
    "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2,
}
# Periods counted from the publication date: (unit, offset). Weeks have no partial ISO
# value, so they are found but left without a value.
RELATIVE_PERIODS = {
    "cette année": ("year", 0), "l'année en cours": ("year", 0),
    "l'an dernier": ("year", -1), "l'année dernière": ("year", -1),
    "l'an passé": ("year", -1), "l'année passée": ("year", -1),
    "l'an prochain": ("year", 1), "l'année prochaine": ("year", 1),
    "ce mois-ci": ("month", 0), "le mois dernier": ("month", -1),
    "le mois passé": ("month", -1), "le mois prochain": ("month", 1),
    "cette semaine": ("week", 0), "la semaine dernière": ("week", -1),
    "la semaine passée": ("week", -1), "la semaine prochaine": ("week", 1),
    "ce week-end": ("week", 0),
}
# "il y a 75 ans", "dans deux ans"; English puts "ago" after the count.
AGO_BEFORE = ["il y a", "voici", "voilà"]
AGO_AFTER: list[str] = []
LATER_BEFORE = ["dans"]
TIME_UNITS = {
    "an": "year", "ans": "year", "année": "year", "années": "year", "mois": "month",
    "jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
}
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
}
# "il y a plus de 70 ans": found, but too loose for a value.
APPROXIMATE = [
    "plus de", "près de", "environ", "quelque", "presque", "moins de", "au moins",
    "pas moins de", "une dizaine de", "une vingtaine de", "une trentaine de",
]

# A date after these nouns, then a link word, names a text ("la loi du 9 juin 2011", "le
# décret n° 2019-12 du 3 mars 2019", "l'avis du 5 mai", "le texte de 1998"): it is the
# text's name, not a day on which the story happens (`dateroles.names_a_text`).
NAMING_NOUNS = ["loi", "lois", "décret", "décrets", "arrêté", "arrêtés", "arrêt", "ordonnance",
                "circulaire", "traité", "accord", "accords", "convention", "directive",
                "règlement", "protocole", "charte", "pacte", "avis", "jugement",
                "délibération", "constitution", "amendement", "résolution", "texte", "textes"]
NAMING_LINKS = ["du", "des"]
# Before a year or a month alone, "de" links a text to its date too ("la loi de 1998", "le
# décret de mai 1998"); before a day it mostly tells when a thing was done ("l'accord de
# jeudi"), which may be the news.
NAMING_LINKS_PERIOD = ["de", "d'"]
