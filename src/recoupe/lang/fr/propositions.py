"""French tables for the propositions inside a sentence (`crosscheck.similarity`).

In: nothing (data). Out: word sets read when a sentence's predications (a verb and its
arguments, an event noun and its complements: "a fermé la gare", "la fermeture de la
gare", "son retour sur les pistes") are keyed as (predicate, argument) anchors. General
French usage, not any corpus: the verbs that carry no event of their own (being, having,
modals, aspect and support verbs), the nouns of time that date an event rather than say it
(dates are compared as values elsewhere), and the dependency relations that attach an
argument to its predicate.
"""

# Verbs (spaCy lemmas) whose predication says nothing particular: "X est Y", "X a Y",
# "X peut ...", "X vient de ...". An anchor on them would pair any two sentences on one subject.
LIGHT_VERBS = frozenset({
    "être", "avoir", "faire", "pouvoir", "devoir", "vouloir", "aller", "venir", "sembler",
    "paraître", "rester", "devenir", "falloir", "savoir", "mettre", "donner", "prendre",
    "passer", "tenir", "laisser", "voir", "trouver", "permettre", "commencer", "continuer",
    "finir", "arriver", "agir", "concerner", "rendre", "porter", "effectuer", "mener",
})

# Nouns that date or measure time: "en septembre", "l'an prochain", "mercredi matin". They are
# neither a predicate nor an argument of one.
TIME_NOUNS = frozenset({
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "jour", "journée", "semaine", "mois", "an", "année", "matin",
    "soir", "soirée", "nuit", "après-midi", "midi", "minuit", "heure", "minute", "fois",
    "début", "fin", "moment", "temps", "veille", "lendemain", "hier", "aujourd'hui",
})

# Dependency relations (Universal Dependencies, as spaCy's French models label them) that
# attach an argument to its predicate: subject, objects, obliques, a noun's complement.
ARGUMENT_DEPS = frozenset({
    "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod",
    "xcomp",
})

# Nouns that name an event, mapped to the verb they are made from, so that "son retour sur
# les pistes" and "il revient sur les pistes", "la perte de 10 millions" and "a perdu 10
# millions" key alike. Other nouns name things or people ("le président du club",
# "le Grand Prix d'Autriche"): their complements designate, they do not predicate.
EVENT_NOUNS = {
    "annonce": "annoncer", "arrestation": "arrêter", "arrivée": "arriver",
    "départ": "partir", "retour": "revenir", "venue": "venir", "sortie": "sortir",
    "perte": "perdre", "mort": "mourir", "décès": "décéder", "victoire": "gagner",
    "défaite": "perdre", "refus": "refuser", "rejet": "rejeter", "choix": "choisir",
    "accord": "accorder", "appel": "appeler", "aveu": "avouer", "vote": "voter",
    "soutien": "soutenir", "report": "reporter", "recours": "recourir", "envoi": "envoyer",
    "achat": "acheter", "vente": "vendre", "hausse": "augmenter", "baisse": "baisser",
    "chute": "chuter", "saisie": "saisir", "visite": "visiter", "rencontre": "rencontrer",
    "entretien": "entretenir", "ouverture": "ouvrir", "fermeture": "fermer",
    "plainte": "plaindre", "démission": "démissionner", "enquête": "enquêter",
    "attaque": "attaquer", "offre": "offrir", "proposition": "proposer",
    "participation": "participer", "présentation": "présenter", "inauguration": "inaugurer",
    "nomination": "nommer", "élection": "élire", "condamnation": "condamner",
    "découverte": "découvrir", "publication": "publier", "signature": "signer",
    "création": "créer", "suppression": "supprimer", "construction": "construire",
    "libération": "libérer", "interdiction": "interdire", "utilisation": "utiliser",
    "analyse": "analyser", "conservation": "conserver", "révélation": "révéler",
    "accusation": "accuser",
    "lancement": "lancer", "déplacement": "déplacer", "remplacement": "remplacer",
    "licenciement": "licencier", "versement": "verser", "paiement": "payer",
    "engagement": "engager", "financement": "financer", "retrait": "retirer",
    "reprise": "reprendre", "prise": "prendre",
    "manifestation": "manifester", "défilé": "défiler", "grève": "grever",
    "hommage": "honorer", "discours": "discourir", "déclaration": "déclarer",
}

# Endings of nouns made from verbs ("-tion", "-ment"): such a noun names an event even when
# it is not listed above (it is then keyed as itself, so meets the same noun only, unless
# `EVENT_DERIVATIONS` gives its verb).
EVENT_SUFFIXES = ("tion", "sion", "ment")

# The regular derivations of French event nouns from their verbs, longest ending first:
# "agrandissement" / "agrandir", "rénovation" / "rénover", "déménagement" / "déménager",
# "modification" / "modifier" (read by "-ation" alone, it made "modificer").
# An unlisted noun with one of these endings is keyed as the verb so made, so that it meets
# that verb. An irregular noun ("démolition" / "démolir") makes a verb no sentence has, so
# it meets nothing it would not have met as itself; the stem must keep `DERIVATION_STEM`
# letters ("nation", "élément" are no derivations).
EVENT_DERIVATIONS = (("ification", "ifier"), ("issement", "ir"), ("ation", "er"),
                     ("ement", "er"))
DERIVATION_STEM = 3

# The particle that negates a verb ("ne", elided "n'"; lower case, straight apostrophe):
# it hangs from the verb it negates in the parse. An embedded predication under a negated
# verb is not asserted ("n'a pas demandé à visiter l'usine" states no visit).
NEGATIONS = frozenset({"ne", "n'"})

# "ne ... que" restricts, it does not negate: "il ne vendra que du pain" says he sells.
# The particle negates only with a word of negation (`NEGATION_WORDS`, or a denying
# determiner) before it in its sentence ("Personne n'a ..."), or after it within
# `RESTRICTION_WINDOW` tokens ("n'a pas"); a "que" met first after it restricts, and a
# "ne" with neither is expletive ("avant que la crue ne monte").
RESTRICTIONS = frozenset({"que", "qu'"})
NEGATION_WORDS = frozenset({"pas", "plus", "jamais", "rien", "personne", "guère", "point",
                            "aucun", "aucune", "nullement", "nul", "nulle", "ni"})
RESTRICTION_WINDOW = 6

# Determiners that deny the noun they determine: "aucune arrestation n'a eu lieu" states no
# arrest, "nul recours" no appeal. An event noun so determined keys as a denial, like a
# negated verb (lower case, compared with the token's text).
NEGATIVE_DETERMINERS = frozenset({"aucun", "aucune", "nul", "nulle"})

# Subordinators that deny the clause they open: "a vendu le terrain sans consulter les
# riverains" states that they were not consulted (lower case, compared with the text of a
# token the parse marks as a clause's subordinator).
DENYING_MARKS = frozenset({"sans"})

# Opposed acts: verbs (spaCy lemmas; an event noun counts as the verb it is made from, e.g.
# "le refus" as "refuser") grouped into pairs of acts that cannot be one fact when said of
# one argument: "X propose un poste à Y" / "Y refuse le poste" share every name but state
# an offer and its answer. Each side lists verbs of one act in its common news senses only;
# the relation is symmetric. Read by `crosscheck.anchors.opposed` (a conflict in
# `similarity.conflicts`), not by the anchors' keys: "proposer" and "offrir" stay two keys.
OPPOSED_ACTS = (
    (frozenset({"proposer", "offrir", "suggérer"}),
     frozenset({"refuser", "rejeter", "décliner", "repousser"})),
    (frozenset({"accepter"}), frozenset({"refuser", "rejeter", "décliner", "repousser"})),
    (frozenset({"adopter"}), frozenset({"rejeter", "refuser"})),
    (frozenset({"confirmer"}), frozenset({"démentir", "nier", "infirmer"})),
    (frozenset({"autoriser"}), frozenset({"interdire"})),
    (frozenset({"ouvrir"}), frozenset({"fermer"})),
    (frozenset({"arrêter", "interpeller"}), frozenset({"libérer", "relâcher"})),
    (frozenset({"condamner"}), frozenset({"acquitter", "relaxer"})),
    # a measure taken and the same measure lifted ("un couvre-feu instauré" / "le couvre-feu
    # a été levé", "un embargo imposé" / "levé")
    (frozenset({"placer", "imposer", "instaurer", "décréter"}), frozenset({"lever"})),
    (frozenset({"augmenter"}), frozenset({"baisser", "diminuer", "reculer"})),
)
