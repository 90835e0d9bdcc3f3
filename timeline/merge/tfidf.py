"""TF-IDF vectors of bags of features, as one sparse matrix and as dicts.

Merging compares thousands of mentions: their vectors live in one CSR matrix (numpy)
built in a single pass, and are turned into dicts only for the rows that need one.
Sums add their terms in a fixed order (a row's features in bag order, with the builtin
`sum`), so a similarity is the same number however the candidates were found.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat
from operator import mul
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

ENTITY_WEIGHT = 2.0
"""Names are stronger evidence of identity than common words (features marked `@`)."""

Vector = dict[str, float]
Ints: TypeAlias = npt.NDArray[np.int64]
Floats: TypeAlias = npt.NDArray[np.float64]
Flags: TypeAlias = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Matrix:
    """TF-IDF vectors as one sparse matrix in CSR form.

    Row i holds entries start[i]:start[i + 1], in the order of the row's bag: `keys`
    names each entry's feature, `feature` numbers it (an index into `names`), `weight`
    is its L2-normalised TF-IDF weight. `df` counts the rows that have each feature.
    """

    keys: list[str]
    names: list[str]
    df: Ints
    start: Ints
    row: Ints  # each entry's row
    feature: Ints
    weight: Floats

    @property
    def rows(self) -> int:
        return len(self.start) - 1


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows of a matrix as dicts, built on first use: most mentions never need theirs."""

    keys: list[str]
    weights: list[float]
    start: list[int]
    built: dict[int, Vector]

    @staticmethod
    def of(matrix: Matrix) -> Rows:
        return Rows(matrix.keys, matrix.weight.tolist(), matrix.start.tolist(), {})

    def __getitem__(self, i: int) -> Vector:
        found = self.built.get(i)
        if found is None:
            a, b = self.start[i], self.start[i + 1]
            found = self.built[i] = dict(zip(self.keys[a:b], self.weights[a:b], strict=True))
        return found


def tfidf_matrix(bags: Sequence[Mapping[str, int]]) -> Matrix:
    """L2-normalised TF-IDF vectors of `bags`; IDF is smoothed over the bags given."""
    keys = list(chain.from_iterable(bags))
    names = list(dict.fromkeys(keys))
    ids = dict(zip(names, range(len(names)), strict=True))
    feature = np.array(list(map(ids.__getitem__, keys)), np.int64)
    tf = np.fromiter(chain.from_iterable(bag.values() for bag in bags), np.float64, len(keys))
    sizes = np.fromiter(map(len, bags), np.int64, len(bags))
    start = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    df = np.bincount(feature, minlength=len(names)).astype(np.int64)
    n = len(bags)
    idf = np.array(
        [
            (math.log((n + 1) / (count + 1)) + 1.0) * (ENTITY_WEIGHT if f[:1] == "@" else 1.0)
            for f, count in zip(names, df.tolist(), strict=True)
        ],
        np.float64,
    )
    weight = tf * idf[feature]
    norms = [math.sqrt(total) or 1.0 for total in row_sums(weight * weight, start)]
    weight /= np.repeat(np.array(norms, np.float64), sizes)
    row = np.repeat(np.arange(n, dtype=np.int64), sizes)
    return Matrix(
        keys=keys, names=names, df=df, start=start, row=row, feature=feature, weight=weight
    )


def row_sums(values: Floats, start: Ints) -> list[float]:
    """The builtin `sum` of each row's values, in order (start[i]:start[i + 1] is row i)."""
    flat = values.tolist()
    return [sum(flat[a:b]) for a, b in pairwise(start.tolist())]


def norm(v: Vector) -> float:
    return math.sqrt(sum(map(mul, v.values(), v.values())))


def cosine_with(a: Vector, b: Vector, na: float, nb: float) -> float:
    """Cosine given both norms, so a vector compared many times is measured once."""
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    return dot / (na * nb) if na and nb else 0.0
