"""`warlog eval re3d`: the loader, the span and relation matching and the metric
arithmetic, on invented documents in re3d's format; plus one run on the real gold set
when ../shared/gold is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.eval import load_sets
from warlog.eval import re3d as r3

FIXTURE = Path(__file__).parent / "fixtures" / "gold" / "re3d"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "re3d"


def test_eval_re3d_loader_reads_every_publisher():
    docs = r3.load(FIXTURE)
    assert [(d.id, d.publisher) for d in docs] == [("A1", "Alpha Wire"), ("B1", "Beta Desk")]
    a1, b1 = docs
    # Temporal entities are left out; "Mosul", annotated twice, counts once
    assert [(t, a1.text[s:e]) for t, s, e in a1.entities] == [
        ("Organisation", "Iraqi forces"), ("Organisation", "Islamic State fighters"),
        ("Location", "Mosul"), ("Organisation", "The SDF"), ("Organisation", "coalition aircraft"),
        ("Organisation", "ISIS"), ("Location", "Raqqa")]
    # CoLocated is left out; the AlliesOf pair given both ways counts once
    assert [(t, a1.text[s[0]:s[1]], a1.text[g[0]:g[1]]) for t, s, g in a1.relations] == [
        ("FightingAgainst", "Iraqi forces", "Islamic State fighters"),
        ("FightingAgainst", "The SDF", "ISIS"),
        ("AlliesOf", "coalition aircraft", "The SDF")]
    assert [t for t, _, _ in b1.entities] == ["Person", "Location", "Organisation", "Location"]
    assert len(r3.load(FIXTURE, limit=1)) == 1


def test_eval_re3d_relation_matching_rules():
    gold = [("FightingAgainst", (0, 10), (20, 30)), ("AlliesOf", (40, 45), (50, 60))]
    # fights are directed: the reversed pair does not match
    assert r3.match_relations(gold, [("FightingAgainst", (20, 30), (0, 10))], "FightingAgainst") == (0, 1, 1)
    # any shared character is overlap
    assert r3.match_relations(gold, [("FightingAgainst", (9, 12), (29, 40))], "FightingAgainst") == (1, 1, 1)
    assert r3.match_relations(gold, [("FightingAgainst", (10, 12), (20, 30))], "FightingAgainst") == (0, 1, 1)
    # alliances match either way round
    assert r3.match_relations(gold, [("AlliesOf", (50, 60), (40, 45))], "AlliesOf") == (1, 1, 1)


def test_eval_re3d_metric_arithmetic():
    gold = r3.GoldDocument(id="d", publisher="p", text="", entities=[
        ("Organisation", 0, 10), ("Organisation", 20, 30), ("Location", 40, 45), ("Person", 50, 60)],
        relations=[("FightingAgainst", (0, 10), (20, 30)), ("FightingAgainst", (20, 30), (0, 10)),
                   ("AlliesOf", (40, 45), (50, 60))])
    pred = r3.Prediction(
        entities=[("Organisation", 2, 8), ("Organisation", 20, 30), ("Location", 41, 43),
                  ("Location", 46, 48),  # no gold place there
                  ("Person", 70, 80),  # no gold person there
                  ("Organisation", 0, 3)],  # overlaps a gold entity already paired
        relations=[("FightingAgainst", (0, 5), (22, 25)),  # pairs with the first
                   ("FightingAgainst", (0, 5), (22, 25)),  # the same again: unpaired
                   ("AlliesOf", (50, 60), (40, 45)),  # reversed: pairs
                   ("AlliesOf", (0, 10), (20, 30))])  # no such alliance
    metrics, details = r3.score([gold], [pred])
    # entities: 3 paired of 6 predicted and 4 gold -> P 1/2, R 3/4, F1 0.6
    # fighting: 1 of 2 predicted, 1 of 2 gold -> F1 0.5; allies: 1 of 2, 1 of 1 -> F1 2/3
    assert metrics == pytest.approx({"entity_f1": 0.6, "fighting_f1": 0.5, "allies_f1": 2 / 3})
    rows = dict(details)
    assert rows["FightingAgainst"].endswith("(paired 1, predicted 2, gold 2)")
    assert rows["Organisation"].endswith("(paired 2, predicted 3, gold 2)")


def test_eval_re3d_runs_on_fixture():
    assert "re3d" in load_sets()
    result = r3.evaluate(FIXTURE, None)
    assert result.set == "re3d" and result.n == 2 and result.gazetteer
    assert set(result.metrics) == {"entity_f1", "fighting_f1", "allies_f1"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    # "Iraqi forces attacked Islamic State fighters" is found as gold has it
    assert result.metrics["fighting_f1"] > 0


@pytest.mark.slow
def test_eval_re3d_real_gold():
    if not GOLD.is_dir():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    result = r3.evaluate(GOLD, 20)
    assert result.n == 20
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.metrics["entity_f1"] > 0.3 and result.metrics["fighting_f1"] > 0.1
