"""French words that change what a sentence asserts, read by `crosscheck.similarity`.

In: nothing (data). Out: the modal verbs that make a predicate a possibility or an intention
rather than a fact ("peut être prolongée", "doit rencontrer"). Two sentences on one
predicate, one asserted and one hedged, do not state one fact. Lemmas, lower case, as the
parser gives them.
"""

MODALS = frozenset({"pouvoir", "devoir", "risquer", "sembler", "envisager", "espérer",
                    "souhaiter", "vouloir"})
