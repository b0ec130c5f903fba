"""French tables for names: what to strip from a mention and what a place designator is.

In: nothing (data). Out: word sets read by `crosscheck.canon`. General French usage, not any
corpus: honorifics and titles that precede a name, determiners and prepositions that glue
onto it, and the common nouns that designate a kind of place ("la région de X", "le
cosmodrome de X") so that "région de la Volga" and "Volga" can be seen as one place.
"""

# Determiners and contractions that a NER span may start with ("l'Union européenne").
DETERMINERS = frozenset({"l'", "le", "la", "les", "du", "des", "de", "d'", "un", "une", "au",
                         "aux"})

# Honorifics and titles that may precede a person's name inside a mention. Lower-case; the
# stripper removes any run of them (and nationality adjectives after them) from the start.
TITLES = frozenset({
    "m.", "mm.", "mme", "mmes", "mlle", "melle", "dr", "dr.", "pr", "pr.", "me", "mgr", "sr",
    "monsieur", "madame", "mademoiselle", "messieurs", "docteur", "professeur", "maître",
    "président", "présidente", "vice-président", "vice-présidente", "premier", "première",
    "ministre", "chancelier", "chancelière", "secrétaire", "général", "générale", "maréchal",
    "colonel", "capitaine", "amiral", "lieutenant", "sergent", "commandant",
    "roi", "reine", "prince", "princesse", "empereur", "impératrice", "cheikh", "émir",
    "pape", "cardinal", "archevêque", "évêque", "abbé", "père", "sœur", "frère", "saint",
    "sainte", "sénateur", "sénatrice", "député", "députée", "maire", "gouverneur", "juge",
    "dirigeant", "dirigeante", "leader", "chef", "porte-parole", "ambassadeur", "ambassadrice",
    "camarade", "feu", "sir", "lord", "lady",
})

# Nouns that designate a kind of place or site named after a place: "région de la Volga",
# "cosmodrome de X", "X Cosmodrome". Lower-case, multiword entries joined by a space.
PLACE_DESIGNATORS = frozenset({
    "région", "oblast", "province", "kraï", "krai", "district", "territoire", "département",
    "comté", "canton", "préfecture", "municipalité", "ville", "village", "commune", "île",
    "îles", "archipel", "péninsule", "presqu'île", "mont", "massif", "lac", "fleuve",
    "rivière", "désert", "vallée", "plateau", "baie", "golfe", "détroit", "mer",
    "cosmodrome", "spatioport", "port spatial", "centre spatial", "base spatiale",
    "base aérienne", "base navale", "base", "aéroport", "gare", "port", "station",
    "centrale", "centrale nucléaire", "barrage", "pont", "camp", "quartier", "faubourg",
})

# Words that join a designator to the name it designates: "province de l'Ontario".
CONNECTORS = frozenset({"de", "du", "des", "d'", "de la", "de l'", "la", "le", "l'", "les"})

# Short words that never give an acronym a letter ("Organisation du traité de l'Atlantique
# nord" -> OTAN): articles, prepositions, conjunctions.
ACRONYM_SKIP = frozenset({"de", "du", "des", "d'", "la", "le", "l'", "les", "et", "en", "à",
                          "au", "aux", "pour", "sur"})
