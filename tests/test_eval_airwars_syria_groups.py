"""The grouping evaluator: B-cubed and pairwise scores, sources citing several incidents."""

from __future__ import annotations

import pytest

from warlog.eval.airwars_syria_groups import score_clusters


@pytest.mark.parametrize(("assigned", "bp", "br", "pf"), [
    ({"a": 0, "b": 0, "c": 1, "d": 2}, 1.0, 1.0, 1.0),  # the gold grouping
    ({"a": 0, "b": 1, "c": 2, "d": 3}, 1.0, 0.75, 0.0),  # all alone
    ({"a": 0, "b": 0, "c": 0, "d": 0}, 0.375, 1.0, 0.286),  # all in one: 1 of 6 pairs
])
def test_eval_airwars_syria_groups_bcubed(assigned, bp, br, pf):
    gold = {"a": ["x"], "b": ["x"], "c": ["y"], "d": ["z"]}
    score = score_clusters(assigned, gold)
    assert (round(score.bcubed_precision, 3), round(score.bcubed_recall, 3)) == (bp, br)
    assert round(score.pairwise_f1, 3) == pf
    assert score.incidents_gold == 3


def test_eval_airwars_syria_groups_source_of_two_incidents_belongs_with_either():
    # b cites x and y: grouped with a (x) or with c (y), it is right either way
    gold = {"a": ["x"], "b": ["x", "y"], "c": ["y"]}
    with_a = score_clusters({"a": 0, "b": 0, "c": 1}, gold)
    assert with_a.bcubed_precision == 1.0
    assert with_a.bcubed_recall < 1.0  # b's gold class is a, b and c
