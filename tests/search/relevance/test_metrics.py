import math

import pytest

from tests.search.relevance.metrics import dcg, mean, ndcg


def test_perfect_ranking_scores_one():
    assert ndcg(["a", "b", "c"], {"a": 3, "b": 2, "c": 1}) == pytest.approx(1.0)


def test_graded_gains_and_log_discount():
    # gains 7, 3 at ranks 1, 2 -> 7/1 + 3/log2(3)
    assert dcg([3, 2]) == pytest.approx(7 + 3 / math.log2(3))
    swapped = ndcg(["b", "a"], {"a": 3, "b": 2})
    assert swapped == pytest.approx((3 + 7 / math.log2(3)) / (7 + 3 / math.log2(3)))
    assert 0 < swapped < 1


def test_unjudged_and_missing_pages_count_as_zero():
    assert ndcg(["x", "y"], {"a": 3}) == 0.0
    assert ndcg([], {"a": 3}) == 0.0
    assert ndcg(["x", "a"], {"a": 3}) == pytest.approx(1 / math.log2(3))


def test_only_top_k_counts():
    ranking = [f"x{i}" for i in range(10)] + ["a"]
    assert ndcg(ranking, {"a": 3}, k=10) == 0.0
    assert ndcg(ranking, {"a": 3}, k=11) > 0.0


def test_ideal_uses_all_judged_pages_even_if_not_retrieved():
    assert ndcg(["a"], {"a": 3, "b": 3}) < 1.0


def test_duplicates_do_not_earn_twice():
    assert ndcg(["a", "a"], {"a": 3, "b": 3}) == ndcg(["a", "z"], {"a": 3, "b": 3})


def test_query_without_positive_judgment_is_rejected():
    with pytest.raises(ValueError):
        ndcg(["a"], {"a": 0})


def test_mean():
    assert mean([0.5, 1.0]) == 0.75 and mean([]) == 0.0
