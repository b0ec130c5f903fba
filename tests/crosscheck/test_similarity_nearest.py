"""The nearest-neighbour search of similarity.nearest: exact below a size, a graph index
above it, the same neighbours either way, never a row of the same owner."""

import numpy as np
import pytest

from recoupe.crosscheck.similarity import nearest


def _unit_rows(n, dim=24, seed=7):
    rows = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.mark.parametrize("exact_up_to", [10_000, 0])  # exact product, then the index
def test_similarity_nearest_skips_rows_of_the_same_owner(exact_up_to):
    matrix = _unit_rows(300)
    owner = np.arange(300) // 5  # five rows per article
    rows, cols = nearest(matrix, owner, 4, exact_up_to)
    assert len(rows) == 300 * 4
    assert not (owner[rows] == owner[cols]).any()


def test_similarity_nearest_index_finds_the_exact_neighbours():
    matrix = _unit_rows(600)
    owner = np.arange(600) // 3
    exact = set(zip(*(a.tolist() for a in nearest(matrix, owner, 6, 10_000)), strict=True))
    index = set(zip(*(a.tolist() for a in nearest(matrix, owner, 6, 0)), strict=True))
    assert len(exact & index) / len(exact) >= 0.95


def test_similarity_nearest_of_a_near_copy_is_that_copy():
    matrix = _unit_rows(200)
    matrix[100] = matrix[3] + 0.01
    matrix[100] /= np.linalg.norm(matrix[100])
    owner = np.arange(200)
    for exact_up_to in (10_000, 0):
        rows, cols = nearest(matrix, owner, 1, exact_up_to)
        assert dict(zip(rows.tolist(), cols.tolist(), strict=True))[100] == 3


def test_similarity_nearest_with_one_row_finds_nothing():
    rows, cols = nearest(_unit_rows(1), np.zeros(1), 3)
    assert len(rows) == len(cols) == 0
