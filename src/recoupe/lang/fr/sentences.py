"""French tables for sentence boundaries: the words after which a period ends no sentence.

In: nothing (data). Out: word sets read by `annotate.sentences`. General French typography
and press usage, not any corpus. A period followed by a capital normally ends a sentence;
these tables name the exceptions. Words are lower-case and without their final period; the
segmenter compares the last part of the word before the period ("l'av." -> "av",
"J.-C." -> "c" is caught by the initials rule instead).
"""

# A period after these never ends a sentence: titles before a name ("M. Dupont", "Mme.
# Durand", "Mgr. Martin"), and abbreviations that always lead into what follows ("av. J.-C.",
# "cf. Article 2", "bd. Voltaire"). Words that are also ordinary words
# able to end a sentence ("col", "prof", "ex") are left out: a missed boundary costs less
# than a sentence cut in two.
ABBREVIATIONS = frozenset({
    # titles and honorifics
    "m", "mm", "mme", "mmes", "mlle", "mlles", "melle", "dr", "drs", "pr", "me", "mgr",
    "st", "ste", "sts", "stes", "gal", "gén", "cdt", "cne", "lt", "sgt", "vve",
    # abbreviations that lead into a name, a place or an example
    "av", "apr", "cf", "vs", "bd", "boul", "fg", "pl",
})

# A period after these ends no sentence when a number follows: "p. 12", "art. 3",
# "n. 4", "janv. 2024", "vol. 2". Before a capital they may end one ("ils étaient sept.").
BEFORE_NUMBER = frozenset({
    "p", "pp", "art", "al", "n", "no", "vol", "chap", "fig", "t", "éd", "sect", "ch", "réf",
    "tél", "env", "ca", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
})

# A capital letter alone before a period is an initial ("J. Dupont", "J.-P. Dupont",
# "George W. Bush", "av. J.-C."), not the end of a sentence.
INITIALS = True
