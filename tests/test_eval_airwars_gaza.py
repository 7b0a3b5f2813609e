"""`warlog eval airwars-gaza`: the loader, the range rule, the belligerent and strike type
mappings and the metric arithmetic, on invented records; plus one run on the real gold
file when ../shared/gold is there."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from warlog.eval import airwars_gaza as aw
from warlog.model import ActorRef, CasualtyCount, DateRef, Mention, PlaceRef, Span

FIXTURE = Path(__file__).parent / "fixtures" / "gold" / "airwars_gaza" / "incidents.csv"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "airwars_gaza" / "incidents.csv"
KM_PER_DEGREE = 6371.0 * math.pi / 180


def test_eval_airwars_gaza_loader_reads_every_column_form():
    golds = aw.load(FIXTURE)
    assert [g.id for g in golds] == ["test0001", "test0002", "test0003", "test0004"]
    first, contested, ground, undated = golds
    assert first.date == date(2023, 10, 9)
    assert first.killed == (3, 3) and first.injured is None
    assert (first.lat, first.lon) == (31.5, 34.46)
    assert first.belligerents == {"Israeli Military"}
    assert contested.killed == (1, 2) and contested.injured == (12, 24)
    assert contested.belligerents == {"Israeli Military", "Palestinian Militants"}
    assert contested.strike_types == {"Airstrike", "Artillery"}
    assert contested.lat is None and contested.lon is None
    assert ground.killed is None and ground.belligerents == frozenset()
    assert ground.strike_types == {"Ground operation"}
    assert undated.date is None and undated.strike_types == {"Airstrike"}
    assert len(aw.load(FIXTURE, limit=2)) == 2


@pytest.mark.parametrize("cell, expected", [
    ("5", (5, 5)), ("1 – 2", (1, 2)), ("12–24", (12, 24)), ("3-7", (3, 7)),
    ("NA", None), ("Unknown", None), ("", None),
])
def test_eval_airwars_gaza_parses_counts_and_ranges(cell, expected):
    assert aw.parse_range(cell) == expected


def test_eval_airwars_gaza_range_rule_is_overlap():
    assert aw.in_range((3, 3), (2, 4))  # a gold number inside warlog's range
    assert aw.in_range((1, 2), (2, 9))  # ranges that share a value
    assert not aw.in_range((1, 2), (3, 9))
    assert not aw.in_range((8, 8), (2, 4))
    assert not aw.in_range((3, 3), None)


def _span(text: str = "x") -> Span:
    return Span(document_id="d", start=0, end=len(text), text=text)


def _mention(sub_event_type: str, casualties: list[tuple[str, int, int, str]],
             actor: ActorRef | None = None, when: date = date(2023, 10, 9)) -> Mention:
    return Mention(
        id="m", document_id="d", event_type="Explosions/Remote violence",
        sub_event_type=sub_event_type, trigger=_span(), actor1=actor,
        date=DateRef(event_date=when, span=_span()),
        place=PlaceRef(name="Somewhere", latitude=31.5, longitude=34.4),
        casualties=[CasualtyCount(kind=k, low=lo, high=hi, victims=v, span=_span())
                    for k, lo, hi, v in casualties])


def test_eval_airwars_gaza_prediction_rule():
    idf = ActorRef(name="Military Forces of Israel", actor_id="israel_army", inter=1,
                   country="IL")
    mentions = [
        _mention("Air/drone strike", [("killed", 3, 3, "civilians"), ("killed", 1, 1, "children"),
                                      ("injured", 10, 12, "")]),
        _mention("Shelling/artillery/missile attack", [("killed", 5, 7, ""),
                                                       ("killed", 40, 40, "combatants")],
                 actor=idf, when=date(2023, 10, 8)),
    ]
    pred = aw.predict(mentions)
    assert pred.killed == (3, 7)  # civilian and unspecified figures only
    assert pred.injured == (10, 12)
    assert pred.belligerent == "Israeli Military"  # first mention that has an actor1
    assert pred.strike_type == "Airstrike"  # the first mention's type
    assert pred.date == date(2023, 10, 9)
    assert (pred.lat, pred.lon) == (31.5, 34.4)
    assert aw.predict([]).belligerent == "unknown" and aw.predict([]).killed is None


def test_eval_airwars_gaza_belligerent_mapping():
    assert aw.belligerent_of(None) == "unknown"
    assert aw.belligerent_of(ActorRef(name="x", actor_id="israel_air_force", inter=8,
                                      country="IL")) == "Israeli Military"
    assert aw.belligerent_of(ActorRef(name="x", inter=2, country="PS")) == "Palestinian Militants"
    assert aw.belligerent_of(ActorRef(name="x", inter=7, country="PS")) == "other"
    assert aw.belligerent_of(ActorRef(name="x", inter=1, country="SY")) == "other"


def test_eval_airwars_gaza_metric_arithmetic():
    golds = aw.load(FIXTURE)
    preds = [
        # right on all counts, but its place is 0.09 degrees (10 km) north of the gold one
        aw.Prediction(killed=(2, 4), belligerent="Israeli Military", strike_type="Airstrike",
                      date=date(2023, 10, 9), lat=31.59, lon=34.46, mentions=1),
        # contested incident: either belligerent is right; the date is wrong
        aw.Prediction(killed=(2, 2), injured=(30, 40), belligerent="Palestinian Militants",
                      strike_type="Artillery", date=date(2023, 11, 1), mentions=1),
        # no place found: a miss for location
        aw.Prediction(injured=(4, 4), strike_type="Airstrike", date=date(2023, 12, 15),
                      mentions=1),
        aw.Prediction(killed=(5, 5), strike_type="Airstrike", mentions=1),
    ]
    metrics, details = aw.score(golds, preds)
    assert metrics == pytest.approx({
        "killed_in_range": 3 / 3, "killed_exact": 1 / 3, "injured_in_range": 1 / 3,
        "belligerent_acc": 2 / 3, "strike_type_acc": 3 / 4, "date_exact": 2 / 3,
        "loc_5km": 0 / 2, "loc_25km": 1 / 2,
    })
    assert 0.09 * KM_PER_DEGREE == pytest.approx(10.0, abs=0.1)
    counts = dict(details)
    assert counts["killed_in_range n"] == "3" and counts["loc_5km n"] == "2"


def test_eval_airwars_gaza_runs_on_fixture():
    result = aw.evaluate(FIXTURE, None)
    assert result.set == "airwars-gaza" and result.n == 4 and result.gazetteer
    assert set(result.metrics) == {"killed_in_range", "killed_exact", "injured_in_range",
                                   "belligerent_acc", "strike_type_acc", "date_exact",
                                   "loc_5km", "loc_25km"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())


@pytest.mark.slow
def test_eval_airwars_gaza_real_gold():
    if not GOLD.is_file():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    result = aw.evaluate(GOLD, 60)
    assert result.n == 60
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    counts = dict(result.details)
    assert int(counts["killed_in_range n"]) > 0 and int(counts["loc_5km n"]) > 0


@pytest.mark.parametrize("assessment, prose", [
    ("A strike hit a house in Rafah.The local time is unknown., SummaryStrike statusSingle strike"
     "Civilians reported killed3", "A strike hit a house in Rafah.The local time is unknown."),
    ("Two were hurt. Summary Civilian harm reportedYes", "Two were hurt."),
    ("A report that only summarises nothing.", "A report that only summarises nothing."),
])
def test_eval_airwars_gaza_reads_the_narrative_not_the_coded_summary(assessment, prose):
    assert aw.narrative(assessment) == prose
