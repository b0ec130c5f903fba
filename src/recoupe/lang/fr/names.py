"""French tables for names: what to strip from a mention and what a place designator is.

In: nothing (data). Out: word sets read by `crosscheck.canon`. General French usage, not any
corpus: honorifics and titles that precede a name, determiners and prepositions that glue
onto it, and the common nouns that designate an area ("la région de X") or a site named
after a place ("l'aéroport de X"), so that "région de la Volga" and "Volga" are one place
while "gare de Lyon" and "Lyon" stay two.
"""

# Determiners and contractions that a NER span may start with ("l'Union européenne").
DETERMINERS = frozenset({"l'", "le", "la", "les", "du", "des", "de", "d'", "un", "une", "au",
                         "aux"})

# Honorifics and titles that may precede a person's name inside a mention. Lower-case; the
# stripper removes any run of them (and the lower-case words that qualify them) from the
# start.
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

# Honorifics: they precede a family name ("M. Xi", "Mme Merkel"), so the word after them may
# stand for a full name in any position ("M. Xi" -> "Xi Jinping").
HONORIFICS = frozenset({"m.", "mm.", "mme", "mmes", "mlle", "melle", "monsieur", "madame",
                        "mademoiselle", "messieurs", "dr", "dr.", "docteur", "pr", "pr.",
                        "professeur", "me", "maître"})

# Titles followed by a reign or religious name ("le roi Charles", "le pape François"): that
# name is not the first name of some other person in the corpus.
REGNAL_TITLES = frozenset({"roi", "reine", "prince", "princesse", "empereur", "impératrice",
                           "pape", "saint", "sainte", "émir", "cheikh", "sultan", "tsar",
                           "archiduc", "grand-duc", "infant", "infante", "dalaï-lama"})

# Nouns for an area that bears the name that follows ("la région de la Volga" is the Volga
# region; "l'île de Ré" is Ré): the designated name and the bare name are one place.
AREA_DESIGNATORS = frozenset({
    "région", "oblast", "province", "kraï", "krai", "district", "territoire", "département",
    "comté", "canton", "préfecture", "municipalité", "ville", "village", "commune", "île",
    "îles", "archipel", "péninsule", "presqu'île", "massif", "désert", "vallée", "plateau",
    "baie", "golfe", "détroit",
})

# Nouns for a site named after a place ("la gare de Lyon" is not Lyon), with the kind of
# site: forms of one kind and one name are one site ("cosmodrome de X", "port spatial de X",
# "X Cosmodrome"), and a bare name joins them only when it is not a known place itself.
SITE_DESIGNATORS = {
    "cosmodrome": "spaceport", "spatioport": "spaceport", "port spatial": "spaceport",
    "centre spatial": "spaceport", "base spatiale": "spaceport", "base de lancement": "spaceport",
    "aéroport": "airport", "aérodrome": "airport", "gare": "station", "station": "station",
    "port": "port", "base aérienne": "base", "base navale": "base", "base militaire": "base",
    "base": "base", "camp": "camp", "centrale": "plant", "centrale nucléaire": "plant",
    "barrage": "dam", "pont": "bridge", "prison": "prison", "stade": "stadium",
}

# Words that join a designator to the name it designates: "province de l'Ontario".
CONNECTORS = frozenset({"de", "du", "des", "d'", "de la", "de l'", "la", "le", "l'", "les"})

# Short words that never give an acronym a letter ("Organisation du traité de l'Atlantique
# nord" -> OTAN): articles, prepositions, conjunctions.
# "de" and its contractions, folded (the apostrophe gone): what links a role noun to its
# seat ("préfet de X") or a kind noun to a name ("la maladie d'X").
OF_WORDS = frozenset({"de", "du", "des", "d"})
ACRONYM_SKIP = frozenset({"de", "du", "des", "d'", "la", "le", "l'", "les", "et", "en", "à",
                          "au", "aux", "pour", "sur"})

# Small words that may or may not give an acronym a letter: an acronym written in brackets
# right after a name ("... contre la faim (XYZ)") is matched with or without them.
ACRONYM_OPTIONAL = frozenset({"dans", "par", "avec", "contre", "sans", "chez", "entre", "vers",
                              "sous", "un", "une"})

# Functions named by a fixed phrase, not holders' names: a span that is one of them, starts
# with one, or completes one begun before it ("procureur de la | République de X") is a
# role, never an entity. Folded (lower case, no accents, apostrophes and hyphens as spaces).
ROLE_PHRASES = frozenset({
    "procureur de la republique", "procureure de la republique", "procureur general",
    "procureure generale", "garde des sceaux", "president de la republique",
    "presidente de la republique", "premier ministre", "premiere ministre",
    "secretaire d etat", "secretaire general", "secretaire generale", "juge d instruction",
    "juge des enfants", "juge des libertes et de la detention", "avocat general",
    "avocate generale", "prefet de police", "defenseur des droits", "chef de l etat",
    "chef du gouvernement", "procureur de la republique adjoint", "substitut du procureur",
})

# Role nouns that, capitalised at the head of a span and followed by "de/du/des/d'", name a
# function and its seat ("Procureur de Lyon", "Préfet du Rhône"), not an entity.
ROLE_NOUNS = frozenset({"procureur", "procureure", "préfet", "préfète", "sous-préfet",
                        "substitut", "bâtonnier", "bâtonnière", "recteur", "rectrice",
                        "juge", "vice-procureur"})

# Titles after which "à la / aux / de la ..." + a capitalised word names a portfolio
# ("secrétaire d'État à la Mer", "ministre des Sports"), not an entity. Folded.
PORTFOLIO_TITLES = frozenset({"ministre", "secretaire d etat", "ministre delegue",
                              "ministre deleguee", "haut commissaire", "haute commissaire",
                              "commissaire europeen", "commissaire europeenne"})
# The words that join such a title to its portfolio. Folded.
PORTFOLIO_LINKS = frozenset({"a", "a la", "a l", "au", "aux", "de", "de la", "de l", "du",
                             "des", "charge de", "chargee de", "charge des", "chargee des",
                             "charge du", "chargee du", "charge de la", "chargee de la"})

# Editors' marks in brackets ("(NDLR)", "(ndt)"): never a name.
EDITORIAL_MARKS = frozenset({"ndlr", "ndt", "ndla", "nldr", "ndrl", "nda"})
