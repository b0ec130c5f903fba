"""French words that say a name is a place where something is or happens.

Read by `crosscheck.timeline.story_where`: a name the recogniser typed as a place is taken
as a story's place only when the text puts something there at least once ("à Lodève",
"au Havre", "en Corrèze", "dans les Landes"), not when it only qualifies someone ("le maire
de Dole", "l'évêque de Dax") or names a body, a team or a nickname typed as a place.
"""

# Prepositions (lower case) that, right before a name, place something there; an article
# may follow them ("à la Martinique", "dans les Vosges"). Apostrophes straight: the text's
# curly ones are read as straight.
LOCATIVES = ["à", "au", "aux", "en", "dans", "près de", "près d'", "vers"]
LOCATIVE_ARTICLES = ["la", "les", "l'"]
