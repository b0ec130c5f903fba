"""French words for measures and directions, read by `crosscheck.discrepancies` and
`crosscheck.quantities`.

In: nothing (data). Out: duration units with their length in seconds, the half that may
follow them ("deux heures et demie"), and the compass words that place somewhere within a
country ("dans le sud de", "l'Extrême-Orient"), each with its coarse direction, so that
"est" and "Extrême-Orient" agree and "sud" does not. Then the units of quantities (clock
times, currencies, percentages, lengths), the grammar words that make an hour count a
duration or a time, the nouns counted as people, the verbs that carry no event of their own,
and classes of event words, so that "réunion" and "discussions", "incendie" and "feu" compare.
"""

DURATION_UNITS = {
    "seconde": 1, "secondes": 1, "minute": 60, "minutes": 60, "heure": 3600, "heures": 3600,
    "jour": 86400, "jours": 86400, "semaine": 604800, "semaines": 604800,
}

HALF = ["et demie", "et demi"]

# What puts a compass word in a locative frame: "dans l'est de", "au sud de", "de
# l'Extrême-Orient", "région extrême-orientale". A compass word without one is a name's part
# ("Corée du Nord") or another word ("est", the verb).
LOCATIVE_BEFORE = [r"dans\s+(?:le|la|l['’])\s*", r"(?:à|a)\s+l['’]\s*", r"au\s+",
                   r"vers\s+(?:le|la|l['’])\s*", r"de\s+l['’]\s*"]
# Nouns an adjective of direction follows ("région orientale", "partie méridionale"); only
# adjectives there, since after a noun "est" is mostly the verb ("la région est touchée").
ADJECTIVE_FRAMES = [r"région\s+", r"partie\s+"]
DIRECTION_ADJECTIVES = {"septentrional", "septentrionale", "méridional", "méridionale",
                        "oriental", "orientale", "extrême-oriental", "extrême-orientale",
                        "occidental", "occidentale"}

# Compass words -> coarse direction (N, S, E, W and their combinations).
DIRECTIONS = {
    "nord": "N", "septentrional": "N", "septentrionale": "N",
    "sud": "S", "méridional": "S", "méridionale": "S", "midi": "S",
    "est": "E", "orient": "E", "oriental": "E", "orientale": "E", "extrême-orient": "E",
    "extrême-oriental": "E", "extrême-orientale": "E", "extrême-est": "E",
    "ouest": "W", "occident": "W", "occidental": "W", "occidentale": "W",
    "nord-est": "NE", "nord-ouest": "NW", "sud-est": "SE", "sud-ouest": "SW",
}

# --- quantities (read by `crosscheck.quantities`) ---------------------------------------------

# Duration units as written, in seconds: the abbreviations of French typography too ("4 h",
# "30 min", "mn"). A month and a year are calendar lengths, only compared with each other's
# scale. DURATION_UNITS above lists the spelled-out words; these add what a token may be.
DURATION_TOKENS = {
    **DURATION_UNITS, "h": 3600, "min": 60, "mn": 60, "s": 1, "sec": 1,
    "mois": 2_629_800, "an": 31_557_600, "ans": 31_557_600, "année": 31_557_600,
    "années": 31_557_600,
}
# "Un garçon de 30 mois", "les mineurs de 13 ans": a noun "de" years or months is an age.
AGE_UNITS = {"an", "ans", "année", "années", "mois"}
# "Quinze jours" and "huit jours" are idioms for two weeks and one week.
IDIOMATIC_DAYS = {15: 14, 8: 7}
# A clock time written as one token: "20h08", "14h", "8H30".
CLOCK = r"(\d{1,2})\s?[hH](\d{2})?"
# What puts an hour on the clock rather than on a stopwatch: "à 20 h", "vers 14 heures".
# ("après 20 heures" may also be a length: "après deux heures de débat"; left out.)
TIME_PREPOSITIONS = {"à", "vers", "dès", "jusqu'à"}
# "8 heures du soir" is 20:00.
AFTERNOON = ["du soir", "de l'après-midi"]
# What makes an hour count a length: "pendant deux heures", "en trois jours", "durant".
DURATION_PREPOSITIONS = {"pendant", "durant", "en"}
# Verbs whose object or complement is a length of time: "a duré deux heures", "ont mis 4 h
# à", "il a fallu six heures pour". What the length is of is their subject or complement.
DURATION_VERBS = {"durer", "mettre", "falloir", "prendre", "nécessiter", "demander",
                  "s'étaler", "étaler", "s'étendre", "prolonger"}
# Of those, the verbs whose subject is the thing that lasts ("la réunion a duré"); the
# subject of "mettre" is who took the time, not what lasted.
LASTING_SUBJECT_VERBS = {"durer", "prendre", "nécessiter", "demander", "s'étaler", "étaler",
                         "s'étendre", "prolonger"}
# Verbs of ending: "s'est achevée après plus de deux heures" is a length too.
END_VERBS = {"achever", "terminer", "finir", "conclure", "clore", "clôturer", "prendre fin"}
END_PREPOSITIONS = {"après", "au bout de"}

# Verbs that only place something ("se situe à 30 km de"): what a distance is of is their
# subject, or the noun they qualify ("l'hôpital, situé à 40 km de").
LOCATION_VERBS = {"situer", "trouver", "localiser", "placer", "implanter", "dresser",
                  "installer", "être"}

# Money: the token as written -> the currency it counts.
CURRENCIES = {
    "euro": "EUR", "euros": "EUR", "€": "EUR", "dollar": "USD", "dollars": "USD",
    "$": "USD", "livre": "GBP", "livres": "GBP", "£": "GBP", "franc": "CHF",
    "francs": "CHF", "yuan": "CNY", "yuans": "CNY", "yen": "JPY", "yens": "JPY",
    "rouble": "RUB", "roubles": "RUB", "dinar": "DZD", "dinars": "DZD",
}
# "3 %", "3 pour cent", "trois points".
PERCENT = {"%", "pour cent", "pourcent", "pour-cent"}
# Other measures: the token -> (dimension, factor to the base unit).
MEASURES = {
    "km": ("length", 1000), "kilomètre": ("length", 1000), "kilomètres": ("length", 1000),
    "m": ("length", 1), "mètre": ("length", 1), "mètres": ("length", 1),
    "hectare": ("area", 1), "hectares": ("area", 1), "ha": ("area", 1),
    "tonne": ("mass", 1000), "tonnes": ("mass", 1000), "kg": ("mass", 1),
    "kilo": ("mass", 1), "kilos": ("mass", 1), "kilogramme": ("mass", 1),
    "kilogrammes": ("mass", 1), "degré": ("temperature", 1), "degrés": ("temperature", 1),
    "°c": ("temperature", 1), "°": ("temperature", 1),
}

# Nouns that are not what a number counts: "trois fois", "deux reprises", and ranks.
NOT_COUNTED = {"fois", "reprise", "reprises", "rang", "place", "numéro", "article", "tour",
               "étape", "édition", "siècle", "point", "points", "heure", "an", "année",
               "jour", "mois", "semaine", "minute", "seconde", "âge", "page"}

# Words that make a number a part of a count: "trois autres blessés", "les deux premiers".
PARTIAL_ADJECTIVES = {"autre", "premier", "dernier", "seul", "nouveau", "supplémentaire",
                      "principal"}

# People in general: "40 personnes" and "40 habitants" may count the same people.
PEOPLE = {"personne", "individu", "gens", "habitant", "résident", "riverain"}
# Nouns that name people by what happened to them: the noun is the event ("deux morts",
# "trois blessés"), so they compare with "deux personnes tuées".
EVENTFUL_PEOPLE = {
    "mort": "death", "morte": "death", "tué": "death", "décès": "death", "victime": "victim",
    "blessé": "injury", "blessée": "injury", "évacué": "evacuation", "disparu": "missing",
    "disparue": "missing", "otage": "hostage", "interpellé": "arrest", "arrêté": "arrest",
    "sinistré": "disaster", "réfugié": "refuge", "déplacé": "displacement",
    "rescapé": "survival", "survivant": "survival",
}

# Verbs that carry no event of their own: being, having, saying, counting. A number they
# govern is compared by its noun and the noun's own modifiers.
LIGHT_VERBS = {
    "être", "avoir", "faire", "y avoir", "compter", "dire", "annoncer", "indiquer",
    "préciser", "affirmer", "déclarer", "estimer", "évaluer", "chiffrer", "recenser",
    "dénombrer", "rapporter", "signaler", "confirmer", "expliquer", "ajouter", "souligner",
    "noter", "rester", "devenir", "sembler", "paraître", "pouvoir", "devoir", "aller",
    "venir", "voir", "concerner", "toucher", "représenter", "atteindre", "s'élever",
    "élever", "porter", "passer", "dépasser", "totaliser", "inclure", "comprendre",
}

# Words of one event, folded to one class so that different words for it compare: a
# "réunion" that lasted an hour and "discussions" that lasted two are one meeting.
EVENT_CLASSES = {
    # meetings
    **dict.fromkeys(["réunion", "réunir", "rencontre", "rencontrer", "entretien",
                     "entretenir", "discussion", "discuter", "négociation", "négocier",
                     "pourparlers", "sommet", "conférence", "séance", "tête-à-tête",
                     "audience"], "meeting"),
    # deaths, injuries
    **dict.fromkeys(["mort", "tuer", "décéder", "décès", "périr", "mourir", "tué"], "death"),
    **dict.fromkeys(["blesser", "blessé", "blessure"], "injury"),
    **dict.fromkeys(["évacuer", "évacuation", "évacué"], "evacuation"),
    **dict.fromkeys(["arrêter", "interpeller", "arrestation", "interpellation", "interpellé",
                     "arrêté", "placer en garde à vue"], "arrest"),
    **dict.fromkeys(["disparaître", "disparu", "disparition"], "missing"),
    # fires
    **dict.fromkeys(["incendie", "feu", "flamme", "brasier", "sinistre"], "fire"),
    **dict.fromkeys(["maîtriser", "circonscrire", "éteindre", "fixer"], "control"),
    **dict.fromkeys(["brûler", "ravager", "parcourir", "détruire", "calciner"], "burn"),
    # beginnings: "a commencé à 20 h", "doit débuter à 20 h", "coup d'envoi à 20 h"
    **dict.fromkeys(["commencer", "débuter", "démarrer", "lancer", "ouvrir", "ouverture",
                     "début", "lancement", "coup d'envoi"], "start"),
    # money lost and spent
    **dict.fromkeys(["perdre", "perte"], "loss"),
    **dict.fromkeys(["coûter", "coût"], "cost"),
    # police and armed forces sent
    **dict.fromkeys(["mobiliser", "déployer", "dépêcher", "mobilisation",
                     "déploiement"], "deployment"),
    # gatherings
    **dict.fromkeys(["manifester", "manifestation", "défiler", "défilé", "rassembler",
                     "rassemblement"], "rally"),
}

# --- periods (read by `crosscheck.quantities.find_periods`) -----------------------------------

# How French writes a stretch of years: (what stands before the first year, what stands
# between the two), as regular expressions: "de 1991 à 1994", "entre 1990 et 1993", "de 2001
# jusqu'en 2004", "depuis 1990 jusqu'à 1995", "(1985-1988)".
PERIOD_FRAMES = [
    (r"de|d['’]|depuis", r"à|a|jusqu['’]en|jusqu['’]à|au"),
    (r"entre", r"et"),
    (r"", r"[-–—/]"),
]

# --- families (read by `crosscheck.quantities.find_families`) ---------------------------------

# Nouns of kin: "ses six enfants", "mère de trois fils" give the size of a family.
KIN_NOUNS = {"enfant", "fils", "fille", "frère", "sœur", "soeur", "petit-enfant",
             "petit-fils", "petite-fille", "neveu", "nièce"}
# Possessive determiners: "ses six enfants" are all the children, "six enfants" may be some.
POSSESSIVES = {"ses", "leurs", "leur", "mes", "nos", "vos", "tes"}
# Parent nouns a count of kin complements ("père de sept enfants"), with the parent's sex:
# a father's and a mother's children need not be as many.
PARENT_NOUNS = {"mère": "F", "maman": "F", "grand-mère": "F", "père": "M", "papa": "M",
                "grand-père": "M", "parent": ""}
