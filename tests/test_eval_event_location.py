"""`warlog eval event-location`: the reader of Halterman's records (offsets given as
characters or as token indices), the overlap rule and the accuracy arithmetic, on
invented sentences in the set's format; plus one run on the real gold file when
../shared/gold is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.eval import event_location as el
from warlog.eval import load_sets

FIXTURE = (Path(__file__).parent / "fixtures" / "gold" / "halterman_event_location"
           / "labeled_text.jsonl.zip")
GOLD = (Path(__file__).parents[2] / "shared" / "gold" / "halterman_event_location"
        / "labeled_text.jsonl.zip")


def test_eval_event_location_loader_reads_both_offset_forms():
    records = el.load(FIXTURE)
    # test-3 names no event place and is left out
    assert [r.id for r in records] == ["test-1", "test-2", "test-4"]
    spans = [(r.text[r.verb[0]:r.verb[1]], [r.text[s:e] for s, e in r.locations]) for r in records]
    # test-2 and test-4 give token indices as offsets: read from the tokens
    assert spans == [("attacked", ["Mosul"]), ("shelled", ["Aleppo"]), ("fired", ["Hama"])]
    assert [r.source for r in records] == ["TEST_RA", "RELABEL", "RELABEL"]
    assert len(el.load(FIXTURE, limit=2)) == 2


def test_eval_event_location_gold_span_falls_back_to_text():
    row = {"text": "Clashes in Homs and Hama.", "tokens": [{"start": 0, "end": 7}]}
    # tokens out of range: the span's text, nearest its given start
    assert el.gold_span(row, {"token_start": 3, "token_end": 3, "start": 3, "end": 3,
                              "text": "Hama"}) == (20, 24)
    # no tokens, no text: the characters as given; nothing usable: None
    assert el.gold_span({"text": "Clashes in Homs."}, {"start": 11, "end": 15}) == (11, 15)
    assert el.gold_span({"text": "Clashes."}, {"start": 3, "end": 3}) is None


def test_eval_event_location_accuracy_arithmetic():
    records = [
        el.Record(id="1", source="RELABEL", text="", verb=(0, 1), locations=[(10, 15)]),
        el.Record(id="2", source="X", text="", verb=(0, 1), locations=[(10, 15), (30, 35)]),
        el.Record(id="3", source="RELABEL", text="", verb=(0, 1), locations=[(10, 15)]),
        el.Record(id="4", source="X", text="", verb=(0, 1), locations=[(10, 15)]),
    ]
    preds = [
        el.Prediction(place=(12, 20), toponyms=[(12, 20)]),  # overlaps: right
        el.Prediction(place=(34, 40), toponyms=[(34, 40)]),  # the second gold place: right
        el.Prediction(place=(15, 20), toponyms=[(0, 5), (15, 20)]),  # touches, shares nothing
        el.Prediction(place=None, toponyms=[(10, 15)]),  # none chosen: a miss
    ]
    metrics, details = el.score(records, preds)
    assert metrics == pytest.approx({"event_location_acc": 2 / 4})
    rows = dict(details)
    assert rows["RELABEL records acc"] == "0.500 of 2"
    assert rows["place chosen"] == "3 of 4"
    assert rows["gold place among toponyms"] == "3 of 4"


def test_eval_event_location_runs_on_fixture():
    assert "event-location" in load_sets()
    result = el.evaluate(FIXTURE, None)
    assert result.set == "event-location" and result.n == 3 and result.gazetteer
    assert set(result.metrics) == {"event_location_acc"}
    assert 0.0 <= result.metrics["event_location_acc"] <= 1.0


@pytest.mark.slow
def test_eval_event_location_real_gold():
    if not GOLD.is_file():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    result = el.evaluate(GOLD, 150)
    assert result.n == 150
    assert result.metrics["event_location_acc"] > 0.3
