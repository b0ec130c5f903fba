"""Sentence vectors: one packed row per sentence, from the model's word vectors."""

import numpy as np
import pytest

from recoupe.annotate import annotate
from recoupe.annotate.vectors import unpack
from recoupe.config import AnnotateConfig
from recoupe.model import Article

TEXT = ("Le conseil municipal a voté le budget de la commune.\n"
        "Les élus de la ville ont adopté les comptes municipaux.\n"
        "Un orage de grêle a abîmé les vignes du coteau.")


@pytest.fixture(scope="module")
def annotated():
    return annotate([Article(id="v", source="v", text=TEXT)], AnnotateConfig())[0]


def test_vectors_one_unit_row_per_sentence(annotated):
    rows = unpack(annotated.vectors, len(annotated.sentences))
    assert rows is not None and rows.shape[0] == len(annotated.sentences) == 3
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-2)


def test_vectors_alike_sentences_are_closer(annotated):
    rows = unpack(annotated.vectors, 3)
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


@pytest.mark.parametrize("packed, n", [("", 3), (None, 0)])
def test_vectors_nothing_unpacks_to_none(packed, n):
    assert unpack(packed or "", n) is None
