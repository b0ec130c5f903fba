"""French words for tying a role to the person who holds it (crosscheck/speakers.py).

In: nothing. Out: word sets (lower case, accents kept) that the speaker stage reads to match
a short role ("le procureur") to the fuller form an apposition gives ("le procureur de la
République de Brest, Anne Kervella"), and a hypernym ("le magistrat") to the role it stands
for in the same article.
"""

# Determiners (and contracted articles) before a role noun that mark its gender: "la
# ministre" is never "le ministre X" (another person), "l'avocat" can be either.
MASCULINE = frozenset({"le", "du", "au", "ce", "cet"})
FEMININE = frozenset({"la", "cette"})

# Determiners after which a role noun opens an apposition of its own: "le procureur de la
# République, X". A role noun after an adjective ("l'ancien ministre X", "le premier
# ministre X") is another office and does not stand for the short role.
DEFINITE = frozenset({"le", "la", "l", "du", "au"})

# Determiners that make a role no fuller form can stand for: an indefinite one introduces
# someone new ("un procureur"), a possessive or demonstrative one points at someone of its
# own article ("son avocat", "ce magistrat"), not at a holder named elsewhere.
NOT_DEFINITE = frozenset({
    "un", "une", "des", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre",
    "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette", "ces",
})

# Nouns that name a person by an office, a trade or a tie. In the words between a role and
# a name ("l'avocat du procureur X"), one of them means the name belongs to that inner
# noun, not to the role: the role's holder is then not known.
PERSON_NOUNS = frozenset({
    "président", "présidente", "ministre", "dirigeant", "dirigeante", "porte-parole",
    "responsable", "chef", "cheffe", "directeur", "directrice", "secrétaire", "maire",
    "préfet", "préfète", "député", "députée", "sénateur", "sénatrice", "gouverneur",
    "ambassadeur", "ambassadrice", "conseiller", "conseillère", "adjoint", "adjointe",
    "procureur", "procureure", "juge", "magistrat", "magistrate", "substitut", "avocat",
    "avocate", "patron", "patronne", "pdg", "fondateur", "fondatrice", "délégué",
    "déléguée", "représentant", "représentante", "commissaire", "général", "générale",
    "commandant", "capitaine", "colonel", "coordinateur", "coordinatrice", "trésorier",
    "trésorière", "vice-président", "vice-présidente", "leader", "numéro", "élu", "élue",
    "père", "mère", "fils", "fille", "frère", "sœur", "mari", "épouse", "époux", "femme",
    "oncle", "tante", "cousin", "cousine", "neveu", "nièce", "grand-père", "grand-mère",
    "ami", "amie", "compagnon", "compagne", "entraîneur", "entraîneuse", "sélectionneur",
    "employeur", "client", "cliente", "collaborateur", "collaboratrice", "successeur",
    "prédécesseur", "homologue", "assistant", "assistante", "médecin", "professeur",
})

# Nouns of organisations that speak for themselves ("la banque a indiqué"): such a role
# stands for the organisation the articles name right after that noun ("la banque régionale
# Crédit des Landes"). Media are left out: "le quotidien" relays, it is seldom the speaker.
ORGANISATION_NOUNS = frozenset({
    "banque", "groupe", "société", "entreprise", "constructeur", "compagnie", "laboratoire",
    "assureur", "opérateur", "fabricant", "syndicat", "association", "fédération", "parti",
    "club", "fondation", "ong", "mutuelle", "coopérative", "enseigne", "firme",
})

# A hypernym role -> the roles it stands for: "le magistrat" is whichever prosecutor or
# judge the article has just named. Lower case, accents kept.
HYPERNYMS = {
    "magistrat": frozenset({"procureur", "procureure", "juge", "substitut"}),
    "magistrate": frozenset({"procureur", "procureure", "juge", "substitut"}),
}
