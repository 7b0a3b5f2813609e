"""`warlog eval airwars-syria`: scoring rules on invented records, and a run on the real
archive when ../shared/gold is there."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from warlog.eval import airwars_syria as aws
from warlog.eval.airwars_syria_data import AirwarsCase, AirwarsSource, CountRange
from warlog.gazetteer import default_gazetteer
from warlog.model import ActorRef
from warlog.registry import default_registry


def _case(**kw) -> AirwarsCase:
    base = dict(incident_id="airwars-1", code="INV1", event_date=date(2024, 3, 5),
                date_is_range=False, place_ar="كفرنبل", place_en="Kafr Nabl", region_ar="إدلب",
                region_en="Idlib", latitude=35.614, longitude=36.561, geo_precision="town",
                belligerents=["Russian Military"], belligerents_ar=[], strike_types=["Airstrike"],
                grade="Fair", counts={("civilians", "killed"): CountRange(2, 3)})
    base.update(kw)
    return AirwarsCase(**base)


def _source(text: str, **kw) -> AirwarsSource:
    base = dict(source_id="s1", incident_ids=["airwars-1"], source_type="public_x_post",
                publisher="@inv", published=None, published_text="", language="ar", title="",
                url="", text=text)
    base.update(kw)
    return AirwarsSource(**base)


@pytest.mark.parametrize(("actor", "expected"), [
    (ActorRef(name="r", actor_id="russia_air_force", inter=8, country="RU"), {"Russian Military"}),
    (ActorRef(name="s", actor_id="syria_army", inter=1, country="SY"),
     {"Syrian Regime", "Russian Military"}),
    (ActorRef(name="c", actor_id="global_coalition", inter=8, country=""), {"U.S.-led Coalition"}),
    (ActorRef(name="t", actor_id="turkey_army", inter=8, country="TR"), {"Turkish Military"}),
    (ActorRef(name="m", actor_id="sultan_murad", inter=2, country="SY"), {"Turkish Military"}),
    (ActorRef(name="y", actor_id="ypg", inter=2, country="SY"), {"YPG"}),
    (ActorRef(name="i", actor_id="isis", inter=2, country=""), set()),
])
def test_eval_airwars_syria_belligerent_vocabulary(actor, expected):
    assert aws.belligerents_of(actor, default_registry()) == expected


def test_eval_airwars_syria_scores_any_cited_incident():
    gaz = default_gazetteer()
    other = _case(incident_id="airwars-2", event_date=date(2024, 1, 1), latitude=36.2,
                  longitude=37.16, place_ar="حلب", place_en="Aleppo", region_ar="حلب",
                  belligerents=["Turkish Military"], strike_types=["Artillery"], counts={})
    pred = aws.Prediction(found=True, lat=35.62, lon=36.56, region=("SY", "idlib"),
                          date=date(2024, 3, 6), belligerents={"Turkish Military"},
                          strike_type="Artillery", killed=(3, 5), injured=None)
    row = aws.score_source(_source("قصف على كفرنبل"), [_case(), other], pred, gaz)
    assert row["found_rate"] and row["loc_5km"] and row["loc_25km"]
    assert row["date_1day"] and not row["date_exact"]
    assert row["belligerent_acc"] and row["strike_type_acc"]   # both right for incident 2
    assert row["killed_overlap"]                               # (3, 5) meets (2, 3)
    assert "injured_overlap" not in row                        # no incident has injured


def test_eval_airwars_syria_place_counted_only_when_the_text_names_it():
    gaz = default_gazetteer()
    pred = aws.Prediction(found=True)
    assert "loc_25km" not in aws.score_source(_source("قصف على بلدة أخرى"), [_case()], pred, gaz)
    named = aws.score_source(_source("غارة على الكفرنبل"), [_case(place_ar="الكفرنبل")], pred, gaz)
    assert named["loc_25km"] is False                          # no place predicted: a miss


def test_eval_airwars_syria_no_figure_matches_only_a_zero_range():
    gaz = default_gazetteer()
    zero = _case(counts={("civilians", "killed"): CountRange(0, 1)})
    pred = aws.Prediction(found=True)
    assert aws.score_source(_source("قصف"), [zero], pred, gaz)["killed_overlap"]
    assert not aws.score_source(_source("قصف"), [_case()], pred, gaz)["killed_overlap"]


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("Post\n\nPost\n\nAge-restricted adult content. Log in", "", False),
    ("Post / X\n\nPostLog inSign upPostThis post is unavailable.", "", False),
    ("One moment, please...\n\nPlease wait while your request is being verified...", "", False),
    ("This browser is not supportedtap to use a supported browserChromeFirefoxEdge", "", False),
    ("Redirect NoticeRedirect Notice The previous page is sending you to https://example.org/"
     "news/1. If you do not want to visit that page, you can return to the previous page.", "",
     False),
    ("Facebook", "قصف مدفعي على أطراف بلدة كفرنبل جنوب إدلب - صفحة", True),
    ("قصف مدفعي على أطراف بلدة كفرنبل جنوب إدلب", "", True),
])
def test_eval_airwars_syria_pages_without_a_report(text, title, expected):
    assert aws.has_report(aws.document_text(_source(text, title=title))) is expected


def _write_folder(folder: Path) -> None:
    case = {"case": {"airwars_id": "1"}, "incident": {
        "تاريخ الحادثة": "2024-03-05", "الموقع بالعربية": "كفرنبل", "الموقع بالإنجليزية": "Kafr Nabl",
        "المنطقة — عربي": "إدلب", "المنطقة — الأصل": "Idlib", "خط العرض": 35.614, "خط الطول": 36.561,
        "الجهة العسكرية — الأصل": "Russian Military", "نوع الضربة — الأصل": "Airstrike",
        "مدنيون قتلى — حد أدنى": 2, "مدنيون قتلى — حد أعلى": 3}}
    sources = [
        {"source_id": "s1", "incident_ids": ["airwars-1"], "source_type": "public_facebook_post",
         "publication_date": "5 مارس 2024", "text_original_language": "ar",
         "text_original": "استشهاد مدنيين اثنين بغارة جوية للطيران الروسي على بلدة كفرنبل "
                          "في ريف إدلب اليوم."},
        {"source_id": "s2", "incident_ids": ["airwars-1"], "source_type": "news_article",
         "publication_date": "", "text_original_language": "ar",
         "text_original": "الثلاثاء, ٥ مارس ٢٠٢٤\n\nقتل ثلاثة مدنيين بقصف روسي على كفرنبل جنوب إدلب."},
        {"source_id": "s3", "incident_ids": ["airwars-1"], "source_type": "public_x_post",
         "publication_date": "", "text_original_language": "ar", "text_original": "Post\n\nPost"},
        # no date anywhere: "yesterday" can only be read against the day it is ingested
        {"source_id": "s4", "incident_ids": ["airwars-1"], "source_type": "public_facebook_post",
         "publication_date": "", "text_original_language": "ar",
         "text_original": "مقتل مدنيين اثنين بقصف روسي على بلدة كفرنبل جنوب إدلب أمس."},
    ]
    with gzip.open(folder / "cases.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    (folder / "sources.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sources), encoding="utf-8")


def test_eval_airwars_syria_runs_on_invented_folder(tmp_path):
    _write_folder(tmp_path)
    result = aws.evaluate(tmp_path)
    assert result.n == 3                                       # the empty X page is left out
    m = result.metrics
    assert m["found_rate"] == 1.0 and m["belligerent_acc"] == 1.0
    assert m["date_exact"] == 2 / 3 and m["killed_overlap"] == 1.0
    assert m["loc_25km"] == 1.0 and m["governorate_acc"] == 1.0
    details = dict(result.details)
    assert "source Facebook (2)" in details and "language ar (3)" in details
    assert details["date_1day, sources with a date (n)"] == "1.000 (2)"
    assert details["date_1day, sources with none (n)"] == "0.000 (1)"


@pytest.mark.parametrize(("sub_event_type", "gold", "right"), [
    # an arrest raid is done on the ground: Airwars' counter-terrorism action on the ground
    ("Arrests", "Counter-Terrorism Action (Ground)", True),
    ("Armed clash", "Counter-Terrorism Action (Ground)", True),
    ("Air/drone strike", "Drone Strike", True),
    ("Arrests", "Airstrike", False),
    ("Shelling/artillery/missile attack", "Airstrike", False),
])
def test_eval_airwars_syria_strike_type_vocabulary(sub_event_type, gold, right):
    from warlog.eval.airwars_gaza import STRIKE_TYPES

    case = _case(strike_types=[gold])
    assert aws._strike_ok(STRIKE_TYPES.get(sub_event_type, ""), case) is right
