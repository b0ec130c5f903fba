"""French web debris, credits and caption cues, as data for the line cleaner.

In: nothing. Out: constants read by `recoupe.clean` (through `recoupe.lang.table`):
regular-expression sources (matched case-insensitively against one normalised line) and
word sets. Every pattern describes a family of lines that French news sites print around
an article (prompts, related links, stamps, credits), never a phrase of one site. The
same names exist in every language's boilerplate table; a missing name means "none".
"""

from .. import agencies

# Prompts that open a line: a line starting like this is a call to act, not news.
PROMPT_START = [
    r"newsletters?\b",
    r"lettres? d['’]information\b",
    r"(inscrivez|abonnez)[- ]vous\b",
    r"je m['’](abonne|inscris)\b",
    r"s['’](abonner|inscrire)\s*(à (notre|la) (newsletter|lettre)|$)",
    r"déjà abonné",
    r"recevez (gratuitement |chaque \w+ )?(notre|nos|toute|l['’]essentiel|les alertes)",
    r"suivez[- ]nous\b",
    r"rejoignez[- ]nous sur\b",
    r"téléchargez (notre|l['’]appli)",
    r"(contenu|article) (sponsorisé|partenaire|réservé)",
    r"publicité\s*$",
    r"lire la suite\W*$",
    r"lire la suite (sur|de l['’]article|ici)\b",
    r"(se )?connecter\s*$",
    r"connectez[- ]vous\b",
    r"créer (un|mon|votre) compte\s*$",
    r"activez les notifications",
    r"offre (spéciale|d['’]abonnement|découverte)\b",
    r"essai gratuit\b",
    r"accepter (les|tous les) cookies",
    r"(retrouvez|rejoignez)[- ]nous sur\b",
    r"cliquez ici\b",
    r"signaler (un abus|un contenu|une erreur)",
    r"(mots[- ]clés|tags|thèmes)\s*:",
    # Fixed formulas of paywalls, forms and feeds: sentences in form, so they are only
    # recognised at the start of a line, never inside one.
    r"(cet|cette|ce) (article|contenu|vidéo|page|dossier) (vous est offerte?|"
    r"est réservée? (aux|à nos) abonnés)\b",
    r"réservée?s? (aux|à nos) abonnés\W*$",
    r"nous utilisons des cookies\b",
    r"[\w-]+ez\s+votre\s+(adresse\s+)?(e-?mail|courriel|mail)\b",  # "Entrez votre e-mail"
    r"votre (adresse )?(e-?mail|courriel|mail)\W*$",  # a form's label
    r"votre (adresse )?(e-?mail|courriel|mail) ne sera (pas|jamais) (publiée|affichée)",
    r"(l['’]article|cet article|le post)\b.*\best apparu en premier sur\b",
]

# Whole lines of page furniture: reading time, relative stamps, copyright, page links.
DEBRIS_LINE = [
    r"(temps de )?lecture\s*:?\s*\d+\s*(min|minutes?)",
    r"\d+\s*(min|minutes?) de lecture",
    r"il y a \d+\s*(s|sec|secondes?|min|minutes?|h|heures?|jours?|semaines?|mois)",
    r"(en savoir plus|lire la suite|voir plus|afficher plus)",
    r"(article|page) (suivant|suivante|précédent|précédente)",
    r"(haut de (la )?page|retour en haut( de page)?|retour à l['’]accueil)",
    r"(voir|regarder) (la|les) (vidéos?|photos?|diaporamas?|images?)",
    r"vidéos?",
    r"(diaporama|galerie photos?|en images)",
    r"chargement( en cours)?",
    r"(fermer|menu|rechercher|accueil|se déconnecter|lien copié)",
]

# Prompts recognised anywhere in a short line: the site speaking to its reader. A line
# that reads as a sentence of the story (a quotation, a verb in the third person) is never
# taken for one: "« Tous droits réservés », répond l'éditeur" is news.
PROMPT_ANY = [
    r"(?:^|[.|©:\-–—]\s*|\d{4}\s*)tous droits (de reproduction )?réservés\b",
    r"\b(notre|nos|votre|vos) (newsletters?|lettres? d['’]information)\b",
    r"\bvotre (adresse )?(e-?mail|courriel|mail)\b",
    r"\bsur notre (site|application|appli)\b",
    r"\bsans engagement\b.*\babonn",
]

# Headings that announce links to other articles; the link may follow on the same line
# or on the next lines.
RELATED_HEADING = [
    r"(à|a) lire (aussi|également|egalement|encore|en complément|ensuite)\b",
    r"lire (aussi|également|egalement|encore)\b",
    r"(à|a) (voir|découvrir|relire|écouter|consulter) (aussi|également|egalement)\b",
    r"voir (aussi|également|egalement)\b",
    r"sur le même (sujet|thème)\b",
    r"dans la même rubrique\b",
    r"(articles?|contenus?|sujets?) (liés|similaires|associés|connexes|recommandés)\b",
    r"pour aller plus loin\b",
    r"(les )?(articles )?les plus (lus|partagés|commentés)\b",
    r"vous (aimerez|pourriez aimer) (aussi|également)\b",
    r"(notre|le) dossier\s*:",
    r"(retrouvez|découvrez) (aussi|également|notre dossier)\b",
    r"(les )?dernières (actualités|infos|dépêches)\s*:?$",
]

# Share and reaction prompts. Each describes a whole line (or its start, when share
# targets follow: "Partager : Facebook Twitter"); "Partager ses données..." is a sentence.
SHARE = [
    r"partager( (cet article|l['’]article|ce contenu|cette page|la page))?",
    r"partager (sur|via|par)( [\w+.\-]+( [\w+.\-]+)?)?",
    r"partagez( (cet article|l['’]article))?",
    r"partagez (sur|via)( [\w+.\-]+( [\w+.\-]+)?)?",
    r"envoyer (à un ami|par (e-?mail|courriel))",
    r"imprimer( (l['’]article|cet article))?",
    r"copier le lien",
    r"(réagir|commenter)( à cet article)?",
    r"(ajouter|retirer) (à|de) (mes|vos) favoris",
    r"écouter (cet |l['’])?article",
]

# Names of share targets; a line made only of these is a share bar.
SHARE_TARGETS = [
    "partager", "imprimer", "envoyer", "e-mail", "email", "courriel", "copier le lien",
    "messenger",
]

# Comment counters and comment prompts (whole line).
COMMENTS = [
    r"commentaires?\s*[(\[]\s*\d+\s*[)\]]",
    r"\d+\s+(commentaires?|réactions?)",
    r"(aucun|pas de) commentaire( pour le moment)?",
    r"(laisser|ajouter|écrire|poster|publier) un commentaire",
    r"(voir|afficher|lire) (les|tous les) (\d+ )?commentaires",
    r"commentaires?",
    r"réagissez",
]

# A lone label announcing sources (whole line, nothing else on it).
SOURCE_LABEL = [r"sources?\s*:?", r"références?\s*:?"]

# Labels of stamps; a line made of such a label and a date or time is a stamp.
UPDATED_LABEL = [
    r"maj", r"m\.à\.j\.?", r"mis à jour", r"mise à jour", r"dernière mise à jour",
    r"actualisé", r"modifié", r"rectifié", r"date de mise à jour",
]
PUBLISHED_LABEL = [
    r"publié", r"posté", r"mis en ligne", r"paru", r"créé", r"diffusé",
    r"date de publication", r"publication",
]

# Markers of a photo credit; what follows is the photographer or agency.
PHOTO_LABEL = [
    r"crédits?\s*:?\s*(photos?|images?|vidéos?|illustrations?)",
    r"crédits?",
    r"photos?",
    r"photographie",
    r"illustrations?",
    r"images?",
    r"source (photo|image)",
    r"©",
    r"copyright",
]

# The photo markers among them that may stand right before a name, with no colon:
# "Photo AFP", "© Maxppp" (but "Crédit Agricole" is a bank, not a credit).
PHOTO_LABEL_DIRECT = [r"photos?", r"©", r"crédits?\s*:?\s*photos?", r"photographie"]

# Cues that a line describes a picture ("X (à gauche) et Y").
CAPTION_CUE = [
    r"\((à |a )?(gauche|droite)\)",
    r"\(au (centre|milieu|premier plan|second plan)\)",
    r"\(de (gauche|droite) à (droite|gauche)\)",
    r"\((en )?(haut|bas)\)",
    r"\([gdc]\.\)",
    r"\bci-(contre|dessus|dessous)\b",
    r"\bsur (la|cette) photo\b",
]

# "(Source : X)" inside a caption: X is where the picture came from.
SOURCE_IN_CAPTION = [r"\(\s*sources?\s*:\s*(?P<who>[^()]{2,60}?)\s*\)"]

# Words that introduce an outlet or agency credit: "Avec AFP", "Source : Reuters".
CREDIT_PREFIX = ["avec", "source", "sources", "d['’]après", "par", "selon"]

# Words joining the names of a credit: "AFP et Reuters", "Le Monde avec AFP".
CREDIT_JOINERS = ["et", "avec"]

# Lowercase words allowed between the parts of a person's or agency's name.
NAME_CONNECTORS = ["de", "du", "des", "la", "le", "d", "et", "pour", "avec", "via"]

# A line "Par Jean Dupont" is a byline.
BYLINE_PREFIX = ["par"]

# Byline and editing cues. A line is a byline when it is made of these cues and of
# names only: "Propos recueillis par Jean Dupont", "Rédigé par X, édité par Y", "De notre
# envoyée spéciale à Kiev, Marie Durand". Whatever else the line holds ("Notre
# correspondant à Moscou a été expulsé") makes it a sentence.
BYLINE = [
    r"par la rédaction",
    r"(la )?rédaction",
    r"(auteur|autrice|journaliste)s?\s*:",
    r"(édité|rédigé|écrit|traduit|adapté|relu|révisé|vérifié)e?s? par",
    r"propos recueillis par",
    r"avec la collaboration de",
    r"(de )?(notre|nos) (envoyée?s? spéciale?s?|envoyés spéciaux|correspondante?s?"
    r"( permanente?s?)?)",
    r"(envoyée?s? spéciale?s?|envoyés spéciaux)",
    r"avec (les )?agences?",
]

# Words that put a place after a byline cue: "notre correspondant à Moscou".
BYLINE_PLACE_WORDS = ["à", "a", "au", "aux", "en", "dans"]

# Finite verbs in the third person, the mark of a sentence telling the story (the site
# speaks to its reader in the second person: "Entrez votre adresse"). Common forms, and
# endings that are almost only verb endings. A noun taken for a verb keeps a line in the
# story, which is the safe side.
FINITE_VERBS = {
    "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "fut",
    "furent", "soit", "soient", "a", "ont", "avait", "avaient", "aura", "auront", "aurait",
    "auraient", "eut", "eurent", "ait", "aient", "va", "vont", "allait", "ira", "iront",
    "fait", "font", "dit", "disent", "peut", "peuvent", "doit", "doivent", "veut",
    "veulent", "sait", "savent", "faut", "reste", "restent", "demeure", "semble",
    "paraît", "vient", "viennent", "tient", "tiennent", "prend", "prennent", "met",
    "mettent", "voit", "voient", "explique", "précise", "affirme", "indique", "estime",
    "ajoute", "assure", "souligne", "déclare", "annonce", "répond", "rappelle", "raconte",
    "confie", "juge", "dénonce", "demande", "refuse", "reconnaît", "admet", "arrive",
    "part", "quitte", "inaugure", "visite", "rencontre", "reçoit", "participe", "pose",
    "salue", "assiste", "parle", "présente", "signe", "attend", "défend", "propose",
    "examine", "prépare", "conteste", "critique", "rejette", "accueille", "lance",
    "ouvre", "ferme", "devient", "permet", "compte", "vise", "touche", "applique",
    "communique", "fabrique", "implique", "pratique", "revendique", "appelle", "interpelle",
    "signale", "installe", "active", "prive", "motive", "publie", "crie", "remercie",
    "joue", "continue", "avoue", "tue", "nie", "lit", "écrit", "sort", "vit", "suit",
}
VERB_ENDINGS = [r"[^\W\d_]{2,}(ait|aient|èrent|ent)"]

# What may follow a noun in a caption's noun phrase ("La façade rénovée de la mairie",
# "Des manifestants devant la préfecture, mardi") without making it a sentence: words
# that link a complement, and endings of adjectives and participles. Any other word after
# a noun may be a verb ("Le pont relie les deux rives."): the line is then no caption.
NOUN_PHRASE_LINKS = {
    "devant", "derrière", "lors", "près", "pendant", "avant", "après", "contre",
    "durant", "face", "auprès", "côtés", "côté", "depuis", "hier", "ici", "ainsi",
}
ADJECTIVE_ENDINGS = [
    r"[^\W\d_]{2,}(é|ée|és|ées|ant|ants|ante|antes|ien|ienne|iens|iennes|ique|iques|aire|"
    r"aires|el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives|eux|euse|euses|ais|aise|"
    r"aises|ois|oise|oises|u|us|i|is)",
]

# Contact lines ("Contact : 01 23 45 67 89").
CONTACT = [r"(contact|tél\.?|tel\.?|téléphone|fax|standard)\s*:?\s*\+?[\d][\d .()/-]{6,}"]

# Words that cannot end a sentence: a line ending with one of them was cut in the middle.
# Words that may end one ("après", "contre", "si", pronouns of "dit-il") are left out.
FUNCTION_WORDS = {
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "à",
    "et", "ou", "ni", "mais", "que", "qu", "qui", "dont", "lorsque", "puisque", "comme",
    "en", "dans", "sur", "sous", "par", "pour", "avec", "sans", "chez", "vers", "entre",
    "selon", "malgré", "parmi", "envers",
    "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes",
    "ton", "ta", "tes", "notre", "nos", "votre", "vos", "quel", "quelle", "quels",
    "quelles", "ne", "se", "s", "très",
}

# One-letter words; any other single letter on its own is a fragment of a cut word.
ONE_LETTER_WORDS = {"a", "à", "y", "ô"}

# Lowercase words allowed inside a place name of a dateline ("Saint-Pierre de la Réunion").
PLACE_CONNECTORS = {"de", "du", "des", "la", "le", "les", "sur", "en", "sous", "d", "l"}

# News and photo agencies often credited by French-language outlets. Short forms are
# matched as whole words only.
AGENCIES = list(agencies.CREDIT_NAMES)

# Words that make a name in a dateline's parentheses an agency: "(Agence Ecofin) -".
AGENCY_WORDS = ["agence", "presse", "press", "news", "info", "infos"]

# Photo-only agencies: a lone credit line naming one of them follows a picture.
PHOTO_AGENCIES = list(agencies.PHOTO)

# Section labels a site prints before a headline or a lede ("Économie : ...", "SPORT -"):
# the names of newspaper sections, common nouns only (a place or a person before a colon
# is the topic of a headline, "Moscou : ...", and stays).
RUBRICS = [
    "actualité", "actualités", "actu", "business", "économie", "éco", "international",
    "politique", "société", "sport", "sports", "culture", "santé", "sciences", "science",
    "tech", "high-tech", "technologie", "faits divers", "faits-divers", "environnement",
    "planète", "éducation", "médias", "people", "lifestyle", "opinion", "opinions",
    "éditorial", "édito", "idées", "débats", "régions", "monde", "décryptage", "analyse",
    "reportage", "enquête", "entretien", "interview", "chronique", "tribune", "portrait",
    "billet", "conso", "consommation", "immobilier", "emploi", "bourse", "marchés",
    "finance", "finances", "entreprises", "auto", "automobile", "numérique", "climat",
    "exclusif", "urgent", "alerte", "en direct", "direct", "vidéo", "diaporama", "infographie",
    "brève", "brèves", "dépêche", "à la une", "la une", "info", "infos", "flash",
]

# Formulas of paywalls and layout that a scraper may leave inside a paragraph (a page
# read as one line): fixed phrases that are never a sentence of the story. Matched only
# when they start with a capital between two sentences, and cut out of the line.
INLINE_PROMPTS = [
    r"(?:cet |cette )?(?:article|contenu|enquête|entretien) (?:est )?réservée? "
    r"(?:aux|à nos) abonnés",
    r"réservée? (?:aux|à nos) abonnés",
    r"(?:abonnez-vous|je m['’]abonne|déjà abonné \?(?: se connecter)?)",
    r"(?:il vous reste \d+ ?% de cet article à lire)",
    r"la suite est réservée (?:aux|à nos) abonnés",
    r"publicité",
]

# Capitalised words that open a sentence and do not belong in a headline's middle (a
# French headline is in sentence case: only its first word and names take a capital).
# After "Lire aussi" and a headline glued to the story, the first of them starts the story.
SENTENCE_OPENERS = {
    "le", "la", "les", "l", "un", "une", "des", "du", "il", "elle", "ils", "elles", "on",
    "nous", "je", "ce", "cet", "cette", "ces", "c", "dans", "en", "selon", "pour", "mais",
    "au", "aux", "à", "depuis", "lors", "après", "avant", "alors", "ainsi", "cependant",
    "pourtant", "d", "sur", "par", "son", "sa", "ses", "leur", "leurs", "si", "quant",
}
