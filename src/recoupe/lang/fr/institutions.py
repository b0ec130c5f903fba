"""French words for institutions, seats of power, media and former states: how to type a name.

In: nothing (data). Out: word sets read by `crosscheck.canon` when it votes an entity's type.
General French usage, not any corpus:
- `INSTITUTION_HEADS`: nouns that head the name of an institution or body ("ministère des
  Affaires étrangères", "Cour de cassation", "Conseil d'État"): such a name is an
  organisation even when the NER took it for a place;
- `MEDIA_HEADS`: nouns that head the name of a medium ("agence", "radio", "journal");
- `SEATS`: buildings and addresses that stand for the power seated in them in news French
  ("le Kremlin a démenti", "l'Élysée a fait savoir", "Matignon", "le Quai d'Orsay"): an
  actor, so an organisation, folded (lower case, no accents, hyphens as spaces);
- `FORMER_STATES`: states that no longer exist, named in French; places, whatever the NER
  says ("l'URSS", "la Yougoslavie"), folded;
- `EVENT_HEADS`: nouns that head the name of an affair, a law, an operation named after a
  person or a place ("l'affaire Dupont", "la loi Martin"): an event or a text, not them;
- `KIND_NOUNS`: common nouns that, right before a name, say what it names ("le cabinet X"
  is an organisation, "son fils X" a person, "la maladie d'X" neither);
- `NAME_PARTICLES`: lower-case words inside a person's name ("Charles de Gaulle", "Ludwig
  van Beethoven", "Abou al-Walid").
"""

INSTITUTION_HEADS = frozenset({
    "ministère", "ministères", "présidence", "gouvernement", "parlement", "sénat",
    "assemblée", "conseil", "cour", "tribunal", "parquet", "commission", "chambre",
    "office", "banque", "caisse", "université", "parti", "syndicat", "fédération",
    "confédération", "association", "comité", "institut", "organisation", "fondation",
    "direction", "inspection", "autorité", "haut-commissariat", "secrétariat", "armée",
    "forces", "police", "gendarmerie", "douane", "douanes", "mairie", "ambassade", "consulat",
    "état-major", "ligue", "union", "mouvement", "front", "observatoire", "académie",
    "tribunaux", "cabinet", "délégation", "secrétariat général", "bureau", "collectif",
    "coalition", "alliance", "congrès", "diète", "douma", "knesset", "bundestag",
    "département d'état", "pentagone", "service", "services", "agence",
})

MEDIA_HEADS = frozenset({
    "agence", "radio", "journal", "quotidien", "hebdomadaire", "magazine", "chaîne",
    "télévision", "télé", "site", "revue", "gazette",
})

SEATS = frozenset({
    "kremlin", "elysee", "palais de l elysee", "maison blanche", "matignon",
    "hotel de matignon", "quai d orsay", "bercy", "place beauvau", "beauvau",
    "downing street", "pentagone", "pentagon", "saint siege", "palais bourbon",
    "palais du luxembourg", "zhongnanhai", "capitole", "capitol", "white house",
    "maison bleue", "farnesina", "moncloa", "quirinal", "chancellerie", "foggy bottom",
    "hotel de brienne", "rue de valois", "place vendome", "grenelle", "maison de verre",
})

FORMER_STATES = frozenset({
    "urss", "union sovietique", "union des republiques socialistes sovietiques",
    "yougoslavie", "tchecoslovaquie", "rda", "rfa", "allemagne de l est",
    "allemagne de l ouest", "republique democratique allemande",
    "republique federale d allemagne", "empire ottoman", "empire austro hongrois",
    "autriche hongrie", "prusse", "zaire", "rhodesie", "haute volta", "dahomey", "siam",
    "perse", "ceylan", "empire romain", "empire byzantin", "reich", "troisieme reich",
    "republique arabe unie", "sud vietnam", "vietnam du sud", "nord vietnam",
    "vietnam du nord", "yemen du sud", "yemen du nord", "empire russe", "empire perse",
    "empire moghol", "empire inca", "empire azteque", "royaume de prusse",
})

NAME_PARTICLES = frozenset({
    "de", "du", "des", "d'", "le", "la", "van", "von", "der", "den", "da", "di", "dos",
    "das", "del", "della", "y", "al", "el", "ben", "bin", "ibn", "abou", "abu", "ould",
    "ter", "zu", "af", "mac", "o'",
})

# Nouns that head the name of an affair, a trial, an operation, a law, a plan or a report
# named after a person or a place ("l'affaire Dupont", "la loi Martin", "l'opération
# Tempête"): an event or a text, never the person or the place itself.
EVENT_HEADS = frozenset({
    "affaire", "procès", "opération", "loi", "lois", "plan", "rapport", "amendement",
    "décret", "circulaire", "réforme", "accord", "accords", "traité", "pacte", "scandale",
    "dossier", "jurisprudence", "doctrine", "mission",
})

# Common nouns that, written in lower case right before a name, say what it names ("le
# cabinet X", "l'hôtel X", "la maladie d'X", "son fils X"): the name's type there, whatever
# the recogniser guessed. Lower case; "de"/"d'" may stand between the noun and the name
# only for a disease and a relative ("la maladie d'X", "la mère de X"): "la banque de X"
# names the bank after X, which may be a place.
KIND_NOUNS = {
    **dict.fromkeys(("cabinet", "société", "groupe", "banque", "compagnie", "entreprise",
                     "firme", "association", "syndicat", "parti", "journal", "quotidien",
                     "hebdomadaire", "mensuel", "magazine", "chaîne", "radio", "agence",
                     "constructeur", "assureur", "laboratoire", "fonds", "club",
                     "fondation", "organisation", "ong"), "ORG"),
    **dict.fromkeys(("hôtel", "village", "ville", "commune", "quartier", "cité", "rue",
                     "avenue", "boulevard"), "LOC"),
    **dict.fromkeys(("maladie", "syndrome", "opération"), "MISC"),
    **dict.fromkeys(("fils", "fille", "frère", "sœur", "mari", "épouse", "femme", "mère",
                     "père", "cousin", "cousine", "oncle", "tante", "neveu", "nièce",
                     "grand-père", "grand-mère", "petit-fils", "petite-fille"), "PER"),
}
