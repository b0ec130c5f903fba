"""The speakers' indexed look-ups give exactly what a scan of every spelling or apposition
gives, on invented stories with many speakers (names, roles and ties written for the test)."""

import random
from collections import Counter

import pytest

from recoupe.crosscheck.speakers import _by_words, _governed, _Roles, _Spellings, _variant_index
from recoupe.model import Entity
from recoupe.text import fold

_FIRST = ["Paul", "Claire", "Jean-Marc", "Élodie", "Hugo", "Léa", "Anne", "Marc"]
_LAST = ["Verdier", "Verdoux", "Dufresne", "Le Goff", "Pérez", "Kessler", "Morel", "Malraison",
         "Roux", "Faure", "Da Silva", "Tessandier"]
_ORGS = ["Fédération des éleveurs", "Syndicat du lait", "Conseil régional", "Croix-Rouge"]
_ROLES = ["le ministre de l'Agriculture", "la présidente de la région", "le porte-parole",
          "la maire", "le préfet du Nord", "le secrétaire général", "la ministre",
          "le directeur de l'usine", "l'avocat de la famille", "le Belge"]
_FILLER = ["a", "déclaré", "selon", "lundi", "devant", "la", "presse", "aussi", "M.", "Mme",
           "du", "de", "l'", "fils", "avocat"]


def _scan_by_words(words, by_variant, kinds):
    """The plain look-up: every spelling tried against the speaker's words."""
    if not words:
        return None
    folded = f" {fold(words)} "
    best = None
    for variant, entity in by_variant.items():
        if len(variant) > 2 and entity.type in kinds and f" {variant} " in folded and (
                best is None or len(variant) > len(best[0])):
            best = (variant, entity)
    return best[1] if best else None


def _scan_role_holder(role, appositions):
    """The plain look-up: every apposition tried against the role."""
    if len(role) < 4:
        return None
    counts = Counter()
    for before, names in appositions.items():
        if before == role or (before.endswith(" " + role)
                              and not _governed(before[:-len(role) - 1])):
            counts.update(names)
    if not counts:
        return None
    (first, n1), *rest = counts.most_common(2)
    if rest and rest[0][1] * 2 > n1:
        return None
    return first


def _story(seed):
    """Many entities sharing surnames (so that spellings tie), speaker words mixing names,
    roles and filler, and appositions whose counts tie now and then."""
    rng = random.Random(seed)
    entities = []
    for i, (first, last) in enumerate((f, la) for f in _FIRST for la in _LAST):
        if rng.random() < 0.6:
            variants = (f"{first} {last}", last, f"M. {last}")[:rng.randint(1, 3)]
            entities.append(Entity(f"e{i}", f"{first} {last}", "PER", variants, ("a",),
                                   rng.randint(1, 9)))
    for i, org in enumerate(_ORGS):
        entities.append(Entity(f"o{i}", org, "ORG", (org, org.split()[0]), ("a",),
                               rng.randint(1, 9)))
    pool = [v for e in entities for v in e.variants] + _ROLES
    speakers = [" ".join(rng.choice(pool + _FILLER) for _ in range(rng.randint(1, 6)))
                for _ in range(300)] + ["", "M.", "Le Goff", "de"]
    names = [e.name for e in entities if e.type == "PER"]
    holders = {role: rng.choice(names) for role in _ROLES}  # the person each role mostly is
    appositions = {}
    for _ in range(200):
        role = rng.choice(_ROLES)
        before = fold(" ".join([*(rng.choice(_FILLER) for _ in range(rng.randint(0, 3))),
                                role]))
        counts = {holders[role]: rng.randint(1, 3)}
        if rng.random() < 0.4:  # another person after the same words, now and then as often
            counts[rng.choice(names)] = rng.choice([1, counts[holders[role]]])
        appositions.setdefault(before, Counter()).update(counts)
    roles = [fold(r) for r in _ROLES] + [fold(s) for s in speakers] + ["", "la", "nord"]
    return entities, speakers, appositions, roles


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("kinds", [("PER", "ORG"), ("PER",)])
def test_speakers_indexed_spelling_equals_scan(seed, kinds):
    entities, speakers, _, _ = _story(seed)
    by_variant = _variant_index(entities)
    spellings = _Spellings(by_variant)
    found = [_by_words(s, spellings, kinds) for s in speakers]
    assert found == [_scan_by_words(s, by_variant, kinds) for s in speakers]
    assert sum(e is not None for e in found) > 50  # the input does exercise the look-up


@pytest.mark.parametrize("seed", range(8))
def test_speakers_indexed_role_holder_equals_scan(seed):
    _, _, appositions, roles = _story(seed)
    index = _Roles(appositions)
    found = [index.holder(r) for r in roles + roles]  # the second pass is answered from memory
    assert found == [_scan_role_holder(r, appositions) for r in roles + roles]
    assert sum(h is not None for h in found) > 5


@pytest.mark.parametrize(("words", "expected"), [
    ("le ministre Paul Verdier", "Paul Verdier"),  # the longest spelling wins over "Verdier"
    ("M. Verdier", "Paul Verdier"),
    ("Verdiers", None),  # whole words only
    ("la porte-parole de la Croix-Rouge", "Croix-Rouge"),
    ("", None),
])
def test_speakers_spelling_lookup_by_word_spans(words, expected):
    entities = [Entity("e1", "Paul Verdier", "PER", ("Paul Verdier", "Verdier"), ("a",), 3),
                Entity("o1", "Croix-Rouge", "ORG", ("Croix-Rouge",), ("a",), 2)]
    found = _by_words(words, _Spellings(_variant_index(entities)), ("PER", "ORG"))
    assert (found.name if found else None) == expected
