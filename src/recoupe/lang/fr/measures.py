"""French words for measures and directions, read by `crosscheck.discrepancies`.

In: nothing (data). Out: duration units with their length in seconds, the half that may
follow them ("deux heures et demie"), qualifiers that make a value a bound or an estimate,
and the compass words that place somewhere within a country ("dans le sud de", "l'Extrême-
Orient"), each with its coarse direction, so that "est" and "Extrême-Orient" agree and
"sud" does not.
"""

DURATION_UNITS = {
    "seconde": 1, "secondes": 1, "minute": 60, "minutes": 60, "heure": 3600, "heures": 3600,
    "jour": 86400, "jours": 86400, "semaine": 604800, "semaines": 604800,
}

HALF = ["et demie", "et demi"]

# A bound or an estimate, not an exact value: shown with the value, compared as written.
QUALIFIERS = ["plus de", "moins de", "environ", "près de", "quelque", "au moins", "au plus",
              "presque", "un peu plus de", "un peu moins de"]

# What puts a compass word in a locative frame: "dans l'est de", "au sud de", "de
# l'Extrême-Orient", "région extrême-orientale". A compass word without one is a name's part
# ("Corée du Nord") or another word ("est", the verb).
LOCATIVE_BEFORE = [r"dans\s+(?:le|la|l['’])\s*", r"(?:à|a)\s+l['’]\s*", r"au\s+",
                   r"vers\s+(?:le|la|l['’])\s*", r"de\s+l['’]\s*", r"région\s+",
                   r"partie\s+"]

# Compass words -> coarse direction (N, S, E, W and their combinations).
DIRECTIONS = {
    "nord": "N", "septentrional": "N", "septentrionale": "N",
    "sud": "S", "méridional": "S", "méridionale": "S", "midi": "S",
    "est": "E", "orient": "E", "oriental": "E", "orientale": "E", "extrême-orient": "E",
    "extrême-oriental": "E", "extrême-orientale": "E", "extrême-est": "E",
    "ouest": "W", "occident": "W", "occidental": "W", "occidentale": "W",
    "nord-est": "NE", "nord-ouest": "NW", "sud-est": "SE", "sud-ouest": "SW",
}
