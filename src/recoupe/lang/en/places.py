"""English words that say a name is a place where something is or happens.

Read by `crosscheck.timeline.story_where` (see `lang/fr/places.py`): "in Leeds", "at the
Hague", "near Dover" place something there; "the mayor of Leeds" only qualifies someone.
"""

LOCATIVES = ["in", "at", "near", "outside", "inside", "across", "around"]
LOCATIVE_ARTICLES = ["the"]
