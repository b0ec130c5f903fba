"""English tables for names: what to strip from a mention and what a place designator is.

In: nothing (data). Out: the same word sets as `lang/fr/names.py`, for English articles:
determiners, titles and honorifics before a name, regnal titles, area and site designators
("Volga region", "Heathrow Airport"), connectors and the words an acronym skips.
"""

DETERMINERS = frozenset({"the", "a", "an"})

TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir",
    "dame", "lord", "lady", "president", "vice-president", "vice", "prime", "minister",
    "chancellor", "secretary", "general", "gen.", "colonel", "col.", "captain", "capt.",
    "admiral", "lieutenant", "lt.", "sergeant", "sgt.", "commander", "king", "queen", "prince",
    "princess", "emperor", "empress", "pope", "cardinal", "archbishop", "bishop", "father",
    "sister", "brother", "saint", "st.", "senator", "sen.", "representative", "rep.",
    "governor", "gov.", "mayor", "judge", "justice", "leader", "chief", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "comrade", "sheikh", "emir", "sultan", "tsar",
})

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof",
                        "prof."})

REGNAL_TITLES = frozenset({"king", "queen", "prince", "princess", "emperor", "empress",
                           "pope", "saint", "st.", "emir", "sheikh", "sultan", "tsar"})

AREA_DESIGNATORS = frozenset({
    "region", "oblast", "province", "krai", "district", "territory", "department", "county",
    "canton", "prefecture", "municipality", "city", "town", "village", "island", "islands",
    "archipelago", "peninsula", "desert", "valley", "plateau", "bay", "gulf", "strait",
})

SITE_DESIGNATORS = {
    "cosmodrome": "spaceport", "spaceport": "spaceport", "space center": "spaceport",
    "space centre": "spaceport", "launch site": "spaceport", "airport": "airport",
    "airfield": "airport", "air base": "base", "airbase": "base", "naval base": "base",
    "military base": "base", "base": "base", "station": "station", "port": "port",
    "camp": "camp", "power plant": "plant", "nuclear plant": "plant",
    "nuclear power plant": "plant", "dam": "dam", "bridge": "bridge", "prison": "prison",
    "stadium": "stadium",
}

CONNECTORS = frozenset({"of", "the", "of the"})

ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"})
