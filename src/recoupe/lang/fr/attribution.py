"""French tables for quotes: who said what, and who relayed it.

In: nothing (data). Out: word sets read by `annotate.quotes`. General French usage, not any
corpus: verbs that report speech (as spaCy lemmas), the prepositions that introduce a
speaker ("selon X"), the verbs and participles that name a relay ("a rapporté l'agence X",
"citant X"), the nouns that describe a medium rather than name it ("l'agence de presse"), the
nouns of works whose titles are quoted ("le film « ... »"), the role nouns that make a
noun phrase a plausible speaker ("pour le ministre, ..."), the texts that speak for their
author ("le rapport de X"), the prepositions after an impersonal "on" that name where it
speaks from ("indique-t-on au ministère"), and small words of grammar (first person,
determiners' gender, words an acronym skips).
"""

from .dates import WEEKDAYS

# Verbs that introduce what someone said, as lemmas. Reflexive verbs are listed bare
# ("s'exclamer" -> "exclamer"): the parser lemmatises the verb without its clitic.
VERBS = frozenset({
    "déclarer", "affirmer", "souligner", "indiquer", "expliquer", "ajouter", "estimer",
    "assurer", "noter", "rappeler", "préciser", "poursuivre", "répondre", "annoncer",
    "confier", "insister", "marteler", "lancer", "dire", "juger", "reconnaître", "dénoncer",
    "promettre", "avertir", "prévenir", "exclamer", "regretter", "saluer", "soutenir",
    "conclure", "confirmer", "démentir", "nier", "admettre", "avouer", "observer", "relever",
    "remarquer", "signaler", "constater", "considérer", "menacer", "accuser",
    "déplorer", "réclamer", "exiger", "demander", "plaider", "réagir", "commenter",
    "résumer", "ironiser", "écrier", "proclamer", "réaffirmer", "réitérer",
    "répéter", "raconter", "témoigner", "alléguer", "prétendre", "informer",
    "mentionner", "qualifier", "remercier", "féliciter", "citer", "évoquer", "écrire",
    "tweeter", "lâcher", "glisser", "confesser", "inquiéter",
    "interroger", "questionner", "préconiser", "recommander", "appeler", "exhorter",
    "certifier", "garantir", "jurer", "détailler",
    # reporting verbs of news prose beyond "dire": manner, stance and reply
    "parler", "fustiger", "espérer", "souhaiter", "proposer", "suggérer", "protester",
    "critiquer", "réjouir", "reprocher", "révéler", "souffler", "trancher", "modérer",
    "supputer", "rétorquer", "répliquer", "objecter", "renchérir", "nuancer", "tempérer",
    "prédire", "pronostiquer", "s'interroger", "s'indigner", "indigner", "s'étonner",
    "étonner", "se féliciter", "murmurer", "argumenter", "arguer",
    "clamer", "scander", "s'insurger", "insurger", "se défendre", "défendre", "dénier",
    "contester", "réfuter", "concéder", "convenir", "relater",
    # pointing out, developing a point, calling on someone: "pointe X", "développe-t-il",
    # "X invite les électeurs « à voter »"
    "pointer", "développer", "inviter",
})

# Verbs of wish or hope, as lemmas: "X espère faire ...", "X souhaite l'interroger" say what
# X means to do, not what X said: their infinitive clause is no reported speech. ("X a
# souhaité que ..." asks something of others and stays reported; in an incise after quoted
# words, "« ... », espère-t-il", they name the speaker: they stay in VERBS.)
WISH_VERBS = frozenset({"souhaiter", "espérer", "vouloir", "désirer", "rêver", "ambitionner",
                        "aspirer", "compter", "tenir"})

# Words that make "ne ... que" a negation, not a restriction: "il ne dit pas que ..." reports
# a clause, "il ne demande qu'à signer" (only asks to) reports none.
NEGATION_WORDS = frozenset({"ne", "n'", "n’"})
NEGATION_PARTS = frozenset({"pas", "plus", "jamais", "rien", "guère", "point", "personne",
                            "aucun", "aucune", "nullement", "nulle"})

# Nouns and participles of criminal procedure: quoted words after "pour" near them are a
# legal charge ("une plainte pour « recel de vol »"), not anyone's words.
CHARGE_CUES = frozenset({
    "plainte", "plaintes", "enquête", "information", "examen", "poursuite", "poursuites",
    "poursuivi", "poursuivie", "poursuivis", "inculpé", "inculpée", "inculpés", "inculpation",
    "condamné", "condamnée", "condamnés", "condamnation", "écroué", "écrouée", "interpellé",
    "interpellée", "arrêté", "arrêtée", "jugé", "jugée", "jugés", "procès", "instruction",
    "garde", "chef", "chefs", "accusation", "qualification", "incriminé", "incriminée",
    "soupçonné", "soupçonnée", "suspecté", "suspectée", "accusé", "accusée", "renvoyé",
    "renvoyée", "détention", "infraction", "infractions", "délit", "crime",
})
# The word that introduces the charge itself: "pour « X »".
CHARGE_LINKS = frozenset({"pour"})

# Determiners after which one quoted word is a term, not speech: "l'« affaire »", "cet
# « outil »". (Not the possessives: "a fait part de son « inquiétude »" quotes a feeling.)
TERM_DETERMINERS = frozenset({"l'", "l’", "un", "une", "la", "le", "les", "des", "du", "d'",
                              "d’", "ce", "cet", "cette", "ces", "autre"})

# Determiners (and contracted articles) after which quoted words opening on a capital are a
# name, not speech: "l'« Atelier des ... »", "dans la « Maison ... »".
NAME_DETERMINERS = frozenset({"l'", "l’", "le", "la", "les", "du", "des", "au", "aux"})

# Editorial labels that open a line before a colon and quoted words: "Morceaux choisis : « ... »",
# "Verbatim : « ... »". They name a kind of text, not who speaks (lower case).
EDITORIAL_LABELS = frozenset({
    "extrait", "extraits", "verbatim", "citation", "citations", "témoignage", "témoignages",
    "florilège", "morceaux choisis", "encadré", "repères", "légende", "lire", "lire aussi",
    "traduction", "question", "questions", "réponse", "réponses", "slogan", "slogans",
    "message", "titre", "sous-titre", "résumé", "rappel", "note", "post-scriptum", "ps",
    "commentaire", "commentaires", "réaction", "réactions", "tweet", "tweets", "pancarte",
    "banderole", "affiche", "communiqué", "mot d'ordre",
})

# Verbs whose subject relays a statement rather than makes it ("a rapporté l'agence X").
RELAY_VERBS = frozenset({"rapporter", "relayer", "publier", "diffuser", "rendre compte"})

# Participle forms (lower case) that name the original speaker after a relay: "a déclaré
# le ministère, citant le ministre" -> speaker the minister, via the ministry.
CITING = frozenset({"citant"})

# Participles followed by "par X" that name a relay ("cité par l'agence X").
CITED_BY = frozenset({"cité", "citée", "cités", "citées", "rapporté", "rapportée",
                      "rapportés", "rapportées", "relayé", "relayée", "relayés", "relayées"})

# Prepositions (lower case, as tokens) that introduce a speaker or a source: "selon X",
# "d'après X" (tokenised as "d'" + "après" or "d’après").
ACCORDING_TO = frozenset({"selon", "après"})

# Sentence-initial "pour X," is a speaker only when X is a person or a role; these nouns
# after "pour" are idioms, not speakers ("pour sa part", "pour l'heure").
POUR_IDIOMS = frozenset({"part", "heure", "instant", "moment", "autant", "cela", "ça",
                         "mémoire", "rappel", "preuve", "exemple", "finir", "commencer",
                         "rappeler", "conclure", "mémo", "information", "cause", "raison"})

# Possessive determiners: "selon leur taille", "selon son âge" name a criterion, not a
# source, unless the noun names someone ("selon son notaire", "selon leurs proches").
POSSESSIVES = frozenset({"mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre",
                         "nos", "votre", "vos", "leur", "leurs"})

# Nouns after "selon" that name a criterion whatever their determiner: "selon les cas",
# "selon la situation", "selon les saisons" (according to, as a measure, not a source).
CRITERION_NOUNS = frozenset({
    "cas", "situation", "situations", "circonstance", "circonstances", "besoin", "besoins",
    "critère", "critères", "région", "régions", "pays", "période", "périodes", "saison",
    "saisons", "âge", "âges", "taille", "profil", "profils", "modalité", "modalités",
    "règle", "règles", "principe", "principes", "usage", "usages", "méthode", "méthodes",
    "scénario", "scénarios", "hypothèse", "hypothèses", "niveau", "niveaux", "catégorie",
    "catégories", "type", "types", "nature", "origine", "origines", "sexe", "revenu",
    "revenus", "mérite", "humeur", "moment", "moments", "heure", "heures", "jour", "jours",
    "endroit", "endroits", "lieu", "lieux", "formule", "formules", "barème", "barèmes",
})

# Words after "selon" that refer back to the previous relay ("selon la même source").
SAME_SOURCE = frozenset({"même source", "mêmes sources", "cette source", "cette même source",
                         "la même source", "les mêmes sources"})

# Nouns that describe a medium before its name: "l'agence de presse russe X" -> "X".
MEDIA_DESCRIPTORS = frozenset({
    "agence", "presse", "journal", "quotidien", "hebdomadaire", "magazine", "chaîne",
    "télévision", "radio", "site", "média", "médias", "service", "bureau", "organe",
    "station", "revue", "réseau", "compte", "porte-parole", "information", "informations",
    "publication", "périodique", "télévisé", "gazette",
})

# Nouns of a medium followed by its name: "à la radio X", "au journal X". The name belongs
# to the complement, it is not the subject of an incise ("a-t-elle dit à la radio X").
MEDIA_BEFORE_NAME = frozenset({
    "radio", "journal", "quotidien", "hebdomadaire", "mensuel", "magazine", "chaîne",
    "télévision", "télé", "site", "revue", "gazette", "agence", "station", "réseau",
})

# Texts that speak for their author: "le rapport de l'inspection souligne", "l'arrêt de
# la cour résume", "selon le communiqué du ministère". The author (the noun after "de")
# is the speaker; a text with no author is no speaker.
DOCUMENT_NOUNS = frozenset({
    "rapport", "arrêt", "jugement", "décision", "ordonnance", "communiqué", "lettre",
    "courrier", "note", "texte", "avis", "étude", "enquête", "document", "déclaration",
    "circulaire", "décret", "projet", "résolution", "motion", "pétition", "tribune",
    "message", "mail", "e-mail", "courriel", "bilan", "sondage", "compte-rendu",
})

# Words introducing the words of someone quoted by a relay: "citant les propos de X".
SPEECH_NOUNS = frozenset({"propos", "déclaration", "déclarations", "parole", "paroles",
                          "mot", "mots", "message", "discours", "communiqué", "source",
                          "sources", "remarque", "remarques", "commentaire", "commentaires",
                          "allocution", "intervention"})

# Nouns of works and named things whose titles are quoted, not spoken: "le film « X »".
WORK_NOUNS = frozenset({
    "livre", "roman", "film", "ouvrage", "essai", "recueil", "album", "chanson", "titre",
    "série", "émission", "pièce", "spectacle", "opéra", "tableau", "exposition", "journal",
    "magazine", "opération", "programme", "projet", "plan", "loi", "mouvement", "parti",
    "festival", "documentaire", "feuilleton", "poème", "article", "rubrique", "chronique",
    "slogan", "surnom", "hashtag", "mot-dièse", "dossier", "affaire", "baptisé", "baptisée",
    "intitulé", "intitulée", "surnommé", "surnommée", "campagne", "initiative", "doctrine",
    "traité", "accord", "sommet", "forum",
    "concept", "label", "marque", "logiciel", "application", "podcast", "blog",
    # "les opérations dites « X »": a so-called label (not "dit", also a verb of speech)
    "dite", "dits", "dites",
})

# Nouns of bodies and files whose names are quoted: "le collectif « Halte au bruit »", "le fichier
# « Y »". Quoted words after them are a name only when they open on a capital: "ce fichier
# « n'aurait jamais dû ouvrir »" is someone's words about it.
NAMED_BODY_NOUNS = frozenset({
    "collectif", "association", "observatoire", "fondation", "coordination", "fichier",
    "dispositif", "institut", "cellule", "comité", "réseau", "centre", "groupe", "mission",
})

# Common nouns that can head a speaker ("pour le ministre", "selon les experts"); used where
# a bare noun phrase could also be a thing ("pour la Corée, ..." is not someone speaking).
SPEAKER_NOUNS = frozenset({
    "président", "présidente", "ministre", "dirigeant", "dirigeante", "porte-parole",
    "responsable", "responsables", "chef", "cheffe", "directeur", "directrice", "expert",
    "experts", "experte", "analyste", "analystes", "spécialiste", "spécialistes", "député",
    "députée", "sénateur", "sénatrice", "maire", "gouverneur", "ambassadeur", "ambassadrice",
    "diplomate", "diplomates", "secrétaire", "premier", "première", "chancelier",
    "chancelière", "roi", "reine", "prince", "pape", "général", "commandant", "officier",
    "procureur", "procureure", "juge", "avocat", "avocate", "témoin", "témoins", "habitant",
    "habitants", "auteur", "autrice", "chercheur", "chercheuse", "chercheurs", "économiste",
    "économistes", "syndicat", "syndicats", "gouvernement", "ministère", "présidence",
    "opposition", "élu", "élus", "élue", "militant", "militants", "militante", "observateur",
    "observateurs", "source", "sources", "patron", "patronne", "entraîneur", "fondateur",
    "fondatrice", "conseiller", "conseillère", "vice-président", "vice-présidente", "leader",
    "représentant", "représentante", "délégué", "déléguée", "médecin", "médecins", "homologue",
    "candidat", "candidate", "émissaire", "envoyé", "envoyée", "négociateur", "police",
    "armée", "état-major", "commission", "agence",
})

# Subject pronouns that can stand for a speaker, and their stressed forms after "selon".
PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "on"})

# Pronouns that never name a speaker: the speaker is the writer or the listener.
NOT_SPEAKERS = frozenset({"je", "j'", "j’", "tu", "nous", "vous", "me", "te", "se", "ce", "c'",
                          "c’", "cela", "ça", "qui", "que", "dont", "y", "en", "le", "la",
                          "les", "l'", "l’",
                          "leur", "leurs",  # indirect objects ("leur a-t-il dit")
                          # demonstratives point back to someone this table cannot find
                          "celui", "celle", "ceux", "celles", "celui-ci", "celle-ci",
                          "ceux-ci", "celles-ci", "celui-là", "celle-là"})

# Conjugated forms that the lemma rule (-er verbs: "affirme", "a affirmé") misses, for the
# title, which is not parsed: a headline says "« ... », dit X" or "promet X".
IRREGULAR_FORMS = {
    "dire": ("dit", "disent"), "reconnaître": ("reconnaît", "reconnait", "reconnu"),
    "promettre": ("promet", "promis", "promettent"), "prévenir": ("prévient", "prévenu"),
    "répondre": ("répond", "répondu"), "poursuivre": ("poursuit", "poursuivi"),
    "avertir": ("avertit", "averti"), "admettre": ("admet", "admis"),
    "écrire": ("écrit",), "conclure": ("conclut", "conclu"), "soutenir": ("soutient", "soutenu"),
    "prétendre": ("prétend", "prétendu"), "démentir": ("dément", "démenti"),
    "exclamer": ("s'exclame", "s’exclame"), "écrier": ("s'écrie", "s’écrie"),
}

# Words between an incise's verb and its subject that are not the subject: time words and
# adverbs the tagger may call nouns ("a déclaré mardi soir le ministre").
INCISE_SKIP = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    "aujourd'hui", "aujourd’hui", "matin", "soir", "midi", "après-midi", "nuit", "dernier",
    "dernière", "encore", "également", "aussi", "ensuite", "enfin", "alors", "déjà",
    "récemment", "notamment", "simplement", "-t", "t", "veille", "lendemain",
})

# Nouns of time that a tokenizer may split ("week-end" -> "week", "-", "end"): a
# determiner before them opens a time phrase, not the subject of an incise.
TIME_WORDS = frozenset({"week", "week-end", "weekend", "soirée", "matinée", "journée",
                        "semaine", "mois", "année", "fois", "nuit", "veille", "lendemain"})

# Prepositions after an impersonal "on" that name where the words come from: "indique-t-on
# au ministère", "chez l'éditeur", "auprès de la préfecture", "de source sûre", "dans
# l'entourage du ministre". The place is the speaker.
ON_AT = frozenset({"au", "aux", "à", "chez", "auprès", "de", "du", "des", "dans"})

# Small words an acronym skips: "Agence nationale pour l'emploi" -> "ANPE".
ACRONYM_SKIP = frozenset({"de", "des", "du", "d", "la", "le", "les", "l", "et", "pour",
                          "sur", "en", "à", "au", "aux", "par", "contre", "dans"})

# Words of the first person singular (a regular expression): a quote holding them is
# a person's words, not an institution's.
FIRST_PERSON = r"(?i)\b(?:je|j['’]|moi|me|m['’]|mon|ma|mes)(?:\b|(?<=['’]))"

# A preposition and an article written as one word ("au ministère", "du Fonds").
CONTRACTED_ARTICLES = frozenset({"au", "aux", "du", "des"})

# Tokens that end an incise before any subject: the sentence or the quote goes on.
INCISE_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”", "(", "\n"})

# Honorifics that open a person's name ("M. Dupont"), lower case.
HONORIFICS = frozenset({"m.", "mme", "mlle", "mm.", "mmes", "me", "dr", "pr", "monsieur",
                        "madame", "mgr"})

# Determiners that make a speaker indefinite: "un diplomate", "des sources", "de source
# policière" describe a source the article does not name; it stays unnamed.
INDEFINITE = frozenset({"un", "une", "des", "de", "d'", "d’", "plusieurs", "certains",
                        "certaines", "quelques", "nombre"})

# Head nouns of a source that is never named, whatever its determiner ("la source").
UNNAMED_SOURCES = frozenset({"source", "sources", "entourage", "proche", "proches",
                             "observateur", "observateurs", "témoin", "témoins"})

# More role nouns that stand for a person or an organisation in news prose, beyond
# SPEAKER_NOUNS above: jobs, family ties, sport, justice, institutions.
ROLE_NOUNS = frozenset({
    "manager", "coureur", "coureuse", "joueur", "joueuse", "sélectionneur", "capitaine",
    "athlète", "champion", "championne", "pilote", "otage", "ex-otage", "mère", "père",
    "fils", "fille", "femme", "mari", "épouse", "époux", "frère", "sœur", "voisin", "voisine",
    "ami", "amie", "famille", "parent", "parents", "enquêteur", "enquêteurs", "policier",
    "policiers", "gendarme", "gendarmes", "magistrat", "magistrate", "parquet", "préfet",
    "préfète", "défenseur", "accusé", "accusée", "prévenu", "prévenue", "victime", "pdg",
    "trader", "banquier", "banquière", "syndicaliste", "locataire", "hôte", "numéro",
    "garde", "ministre-président", "premier-ministre", "chef d'état", "souverain", "monarque",
    "tribunal", "cour", "chambre", "conseil", "comité", "association", "fédération",
    "parti", "entreprise", "société", "groupe", "banque", "club", "équipe", "institut",
    "office", "organisation", "ong", "ambassade", "mairie", "préfecture", "département",
    "direction", "intersyndicale", "collectif", "établissement", "fondation", "académie",
    "cabinet", "quai", "maison", "constructeur", "fabricant", "compagnie", "opérateur",
    "organisateur", "organisateurs", "sportif", "scientifique", "chirurgien", "infirmière",
    "infirmier", "professeur", "enseignant", "directeur général", "lauréat", "lauréate",
    "écrivain", "écrivaine", "artiste", "réalisateur", "réalisatrice", "acteur", "actrice",
    "chanteur", "chanteuse", "cinéaste", "historien", "historienne", "sociologue",
    "politologue", "juriste", "philosophe", "activiste", "opposant", "opposante",
    "manifestant", "manifestants", "salarié", "salariés", "employé", "employés", "ouvrier",
    "ouvriers", "agriculteur", "agriculteurs", "élève", "élèves", "étudiant", "étudiants",
    "citoyen", "citoyens", "patient", "patiente", "malade", "rescapé", "rescapée",
    "survivant", "survivante", "interlocuteur", "numéro deux", "intéressé", "intéressée",
})
INCISE_SKIP = INCISE_SKIP | {"semaine", "mois", "année", "an", "week-end", "jour", "soirée",
                             "matinée", "journée", "fois", "heure", "heures", "minute"}

# Determiners in front of a role that do not belong to the role itself ("le Belge",
# "son directeur sportif", "cette responsable").
ROLE_DETERMINERS = ("l'", "l’", "le", "la", "les", "son", "sa", "ses", "leur", "leurs", "ce",
                    "cet", "cette", "ces")

# Words between a reporting verb and the infinitive it reports: "de", the negation and the
# clitics of the infinitive ("a affirmé ne pas l'avoir vu", "dit s'en être aperçu").
INFINITIVE_LEAD = frozenset({"de", "d'", "d’", "ne", "n'", "n’", "pas", "jamais", "plus",
                             "rien", "s'", "s’", "se", "l'", "l’", "le", "la", "les", "lui",
                             "leur", "en", "y", "m'", "m’", "me"})

# Prepositions that end a speaker's noun phrase: what follows says where, when or how the
# words were said ("a déclaré le ministre sur une radio", "lors d'un point presse").
NP_CUT = frozenset({"sur", "dans", "lors", "pendant", "devant", "avant", "après", "depuis",
                    "avec", "sans", "vers", "contre", "durant", "dès", "auprès", "lorsque"})
# Of those, the ones that cut whatever their tag ("lors" is often tagged an adverb).
NP_CUT_ANY_TAG = frozenset({"lors"})
# Openings of several words that do the same ("au cours d'un point presse", "en marge d'un
# sommet", "à l'occasion de ses vœux", "à l'issue du conseil"), as the parser's tokens.
NP_CUT_OPENINGS = (("au", "cours"), ("en", "marge"), ("à", "l'", "occasion"),
                   ("à", "l'", "issue"))
# A weekday written in lower case after these is which issue of a title, not who: "Le
# Journal de vendredi" ("Lundi Matin", capitalised, may be a title's own name).
NP_CUT_DAY_LINKS = frozenset({"de", "du", "d'"})
NP_CUT_DAYS = frozenset(WEEKDAYS)

# Pronouns that head a noun phrase naming a group member ("l'un des porte-parole", "une des
# avocates"): the speaker is read from the whole phrase.
PARTITIVE_PRONOUNS = frozenset({"un", "une", "l'un", "l'une", "l’un", "l’une"})

# Words that open a narrative infinitive ("Et le ministre de conclure : « ... »").
NARRATIVE_LEAD = frozenset({"et"})

# Reporting phrases made of a verb (lemma) and the word after it: "faire part de",
# "faire savoir que".
VERB_PHRASES = frozenset({("faire", "part"), ("faire", "savoir"),
                          # pleading for something: "a plaidé pour que", "appelle à ce que"
                          ("plaider", "pour"), ("appeler", "à"), ("plaider", "afin")})

# The gender a determiner gives the noun after it ("le", "la"; an elided "l'" gives none).
DETERMINER_GENDER = {"le": "Masc", "la": "Fem", "ce": "Masc", "cet": "Masc", "cette": "Fem",
                     "un": "Masc", "une": "Fem"}

# The gender an honorific gives the name after it, for "il" / "elle" to agree with.
HONORIFIC_GENDER = {"m.": "Masc", "mm.": "Masc", "monsieur": "Masc", "mme": "Fem",
                    "mmes": "Fem", "madame": "Fem", "mlle": "Fem", "mademoiselle": "Fem"}

# Nouns that describe a person without naming an office only one person holds: kinship,
# age, sex, circumstance. Such a speaker the article never names stays unnamed.
DESCRIPTIONS = frozenset({
    "mère", "père", "fils", "fille", "femme", "homme", "mari", "épouse", "époux", "frère",
    "sœur", "enfant", "garçon", "fillette", "jeune", "voisin", "voisine", "ami", "amie",
    "proche", "otage", "ex-otage", "victime", "témoin", "habitant", "habitante", "passant",
    "riverain", "riveraine", "grand-mère", "grand-père", "oncle", "tante", "cousin",
    "cousine", "nounou", "mamie", "papi", "dame", "monsieur", "vieil", "vieille",
})

# Words that, right before a role, say its holder is not the one holding it now: "l'ancien
# ministre X", "l'ex-président X", "feu le roi X", "son prédécesseur", "le futur maire X".
# A role written without them ("le ministre") never stands for such a holder, and a role
# written with them only for one so described.
NOT_CURRENT = frozenset({
    "ancien", "ancienne", "anciens", "anciennes", "ex", "feu", "défunt", "défunte",
    "prédécesseur", "prédécesseure", "prédécesseurs", "précédent", "précédente", "futur",
    "future", "futurs", "futures", "prochain", "prochaine", "éphémère", "alors",
})
