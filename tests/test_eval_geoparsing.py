"""`warlog eval geoparsing`: both XML shapes, span alignment, pairing and the metric
arithmetic, on invented articles; plus one run on the real gold files when
../shared/gold is there."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from warlog.eval import geoparsing as gp

FIXTURES = Path(__file__).parent / "fixtures" / "gold" / "geoparsing"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "geoparsing"
KM_PER_DEGREE = 6371.0 * math.pi / 180


def test_eval_geoparsing_loads_lgl_shape():
    articles = gp.load(FIXTURES / "invented-lgl.xml")
    assert [a.id for a in articles] == ["9001", "9002"]
    first = articles[0]
    assert [(t.name, t.start, t.end) for t in first.toponyms] == [
        ("Baghdad", 25, 32), ("Mosul", 37, 42), ("Basra", 67, 72)]
    assert all(first.text[t.start : t.end] == t.name for t in first.toponyms)
    baghdad, _, basra = first.toponyms
    assert (baghdad.lat, baghdad.lon, baghdad.geonameid) == (33.34058, 44.40088, 98182)
    assert basra.lat is None and basra.lon is None  # no gaztag: no coordinates
    assert len(gp.load(FIXTURES / "invented-lgl.xml", limit=1)) == 1


def test_eval_geoparsing_aligns_geovirus_spans():
    articles = gp.load(FIXTURES / "invented-GeoVirus.xml")
    spans = [(t.name, t.start, t.end, t.aligned) for a in articles for t in a.toponyms]
    assert spans == [
        ("Nairobi", 18, 25, True),  # given one character late
        ("Mombasa", 30, 37, True),
        ("Kinshasa", 15, 23, True),  # given three characters late
        ("Lagos", 40, 45, False),  # not within 5 characters: the given span is kept
    ]
    assert all(a.text[t.start : t.end] == t.name for a in articles for t in a.toponyms
               if t.aligned)


def test_eval_geoparsing_align_prefers_nearest():
    text = "Paris and Paris"
    assert gp.align(text, "Paris", 1, 6) == (0, 5, True)
    assert gp.align(text, "Paris", 9, 14) == (10, 15, True)
    assert gp.align(text, "Paris", 5, 10) == (0, 5, True)  # a tie goes to the earlier one
    assert gp.align(text, "Rome", 3, 7) == (3, 7, False)


def test_eval_geoparsing_pairs_one_to_one():
    gold = [gp.Toponym(0, 5, "Pandi"), gp.Toponym(7, 14, "Bulacan")]
    wide = gp.Toponym(0, 14, "Pandi, Bulacan")
    pairs = gp.pair(gold, [wide])
    assert pairs[0][1] is wide and pairs[1][1] is None


def test_eval_geoparsing_metric_arithmetic():
    gold = [
        gp.Toponym(0, 5, "Alpha", 10.0, 20.0),
        gp.Toponym(10, 16, "Bravos", 12.0, 20.0),
        gp.Toponym(20, 25, "Coast"),  # no coordinates
        gp.Toponym(30, 36, "Deltas", 0.0, 0.0),  # not recognised
    ]
    pred = [
        gp.Toponym(0, 5, "Alpha", 10.0, 20.0),  # exact
        gp.Toponym(9, 13, "Brav", 10.0, 20.0),  # overlaps, 2 degrees (222 km) off
        gp.Toponym(40, 45, "Extra", 1.0, 1.0),  # false positive
    ]
    tally = gp.Tally()
    gp.score_article(gold, pred, tally)
    metrics, details = gp.metrics_of(tally)
    two_degrees = 2 * KM_PER_DEGREE
    assert metrics["ner_f1"] == pytest.approx(4 / 7)  # P 2/3, R 2/4
    assert metrics["acc_161"] == pytest.approx(1 / 3)  # of the 3 with coordinates
    assert metrics["mean_km"] == pytest.approx(two_degrees / 2)
    assert metrics["median_km"] == pytest.approx(two_degrees / 2)
    counts = dict(details)
    assert counts["with gold coordinates"] == "3" and counts["recognised and resolved"] == "2"


def test_eval_geoparsing_runs_on_fixture():
    result = gp.evaluate(FIXTURES / "invented-GeoVirus.xml", None)
    assert result.set == "geoparsing/invented-GeoVirus" and result.n == 2 and result.gazetteer
    assert set(result.metrics) == {"ner_f1", "acc_161", "mean_km", "median_km"}
    assert 0.0 <= result.metrics["ner_f1"] <= 1.0 and 0.0 <= result.metrics["acc_161"] <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lgl.xml", "GeoVirus.xml"])
def test_eval_geoparsing_real_gold(name):
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"gold data not found at {path} (../shared/gold beside the checkout)")
    result = gp.evaluate(path, 60)
    assert result.n == 60
    assert 0.0 <= result.metrics["ner_f1"] <= 1.0 and 0.0 <= result.metrics["acc_161"] <= 1.0
    counts = dict(result.details)
    assert counts["gold spans not re-aligned"] == "0"
