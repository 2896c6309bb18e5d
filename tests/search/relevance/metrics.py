"""Ranking metrics for the relevance suite.

nDCG@k with graded gains (Järvelin & Kekäläinen; the exponential gain 2^rel - 1 used by
TREC and most search teams): a grade-3 page at rank 1 counts far more than a grade-1 page.
Pages without a judgment count as grade 0.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence


def gain(grade: float) -> float:
    return 2.0**grade - 1.0


def dcg(grades: Sequence[float], k: int = 10) -> float:
    """Discounted cumulative gain of grades in ranked order (rank 1 has discount log2(2) = 1)."""
    return sum(gain(g) / math.log2(rank + 2) for rank, g in enumerate(grades[:k]))


def ndcg(ranking: Sequence[Hashable], judgments: Mapping[Hashable, float], k: int = 10) -> float:
    """nDCG@k of a ranked list of ids against graded judgments (id -> grade 0..3).

    1.0 means the best possible order. A query without any positive judgment measures
    nothing, so it is rejected rather than scored.
    """
    ideal = dcg(sorted((g for g in judgments.values() if g > 0), reverse=True), k)
    if ideal == 0:
        raise ValueError("a query needs at least one positive judgment")
    seen = set()
    grades = []
    for item in ranking:
        if item in seen:  # a duplicate hit must not earn its gain twice
            grades.append(0.0)
            continue
        seen.add(item)
        grades.append(float(judgments.get(item, 0.0)))
    return dcg(grades, k) / ideal


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
