"""`warlog eval fakes`: the loader, the governorate / perpetrator / weapon mappings, the
article-level casualty count and the metric arithmetic on invented articles, and one
run on the real gold file when it is there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from warlog.cli import main
from warlog.eval import fakes
from warlog.eval.case2021 import CASE_CODES
from warlog.eval.fakes import (
    COALITION,
    GOVERNMENT,
    ISIS,
    NUSRA,
    OPPOSITION,
    PERPETRATORS,
    SELF_ADMIN,
    UNKNOWN,
    Article,
    Prediction,
)
from warlog.model import ActorRef, CasualtyCount, DateRef, Mention, PlaceRef, Span
from warlog.registry import default_registry

FIXTURE = Path(__file__).parent / "fixtures" / "gold" / "fakes" / "articles.csv"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "fakes" / "articles.csv"


def _span(text: str = "x") -> Span:
    return Span(document_id="d", start=0, end=len(text), text=text)


def _mention(sub: str = "Shelling/artillery/missile attack", figures=(), admin1: str = "",
             actor_id: str | None = None) -> Mention:
    return Mention(
        id="m", document_id="d", event_type="Explosions/Remote violence", sub_event_type=sub,
        trigger=_span(), date=DateRef(event_date=date(2016, 1, 1)),
        place=PlaceRef(name="somewhere", admin1=admin1) if admin1 else None,
        actor1=ActorRef(name=actor_id, actor_id=actor_id) if actor_id else None,
        casualties=[CasualtyCount(kind=k, low=n, high=n, victims=v, span=_span())
                    for k, n, v in figures],
    )


def _article(**kw) -> Article:
    base = dict(id="a", text="", published=None, governorate="aleppo", actor=UNKNOWN,
                cause="shelling", civilians=0, children=0, women=0)
    return Article(**{**base, **kw})


# -- loader --------------------------------------------------------------------------


def test_eval_fakes_loader_reads_multiline_quoted_fields():
    articles = fakes.load(FIXTURE)
    assert [a.id for a in articles] == ["9001", "9002", "9003", "9004"]
    assert "\n" in articles[0].text and articles[0].text.startswith("Artillery shells")
    assert [(a.civilians, a.children, a.women) for a in articles] == [
        (7, 2, 1), (0, 0, 0), (0, 0, 0), (12, 0, 0)]
    assert [a.governorate for a in articles] == ["idlib", "deir ezzor", "damascus", "damascus"]
    assert articles[0].actor == GOVERNMENT and articles[2].actor == OPPOSITION
    assert [a.cause for a in articles] == ["shelling", "explosion", "shooting",
                                           "chemical and toxic gases"]


def test_eval_fakes_loader_parses_month_first_dates():
    articles = fakes.load(FIXTURE)
    assert articles[0].published == date(2017, 4, 5)
    assert articles[1].published == date(2016, 11, 23)
    assert articles[2].published is None  # 30 February: no date rather than a wrong one
    assert fakes.parse_date("2016-03-01") == date(2016, 3, 1)
    assert fakes.parse_date("") is None and fakes.parse_date("soon") is None


def test_eval_fakes_loader_honours_limit():
    assert len(fakes.load(FIXTURE, limit=3)) == 3


# -- mappings ------------------------------------------------------------------------


@pytest.mark.parametrize("name, key", [
    ("Deir ez-Zor", "deir ezzor"), ("deir ezzor", "deir ezzor"), ("Deir al-Zour", "deir ezzor"),
    ("Rif Dimashq", "damascus"), ("Damascus Countryside", "damascus"), ("Damascus", "damascus"),
    ("Al-Hasakah", "hasakeh"), ("hasakeh", "hasakeh"), ("Ar-Raqqah", "raqqa"), ("raqqa", "raqqa"),
    ("Latakia", "lattakia"), ("Tartus", "tartous"), ("Dar'a", "daraa"), ("Idlib", "idlib"),
    ("Idlib Governorate", "idlib"), ("As-Suwayda", "suwayda"), ("Al Anbar", "anbar"),
])
def test_eval_fakes_governorate_names_normalise(name, key):
    assert fakes.governorate_key(name) == key


def test_eval_fakes_every_warlog_syrian_governorate_has_a_key():
    import csv
    from importlib import resources

    table = resources.files("warlog.gazetteer").joinpath("admin1.tsv").read_text("utf-8")
    names = [r["name"] for r in csv.DictReader(table.splitlines(), delimiter="\t")
             if r["country"] == "SY"]
    keys = {fakes.governorate_key(n) for n in names}
    assert keys <= set(fakes.GOVERNORATE_ALIASES.values()), keys


@pytest.mark.parametrize("actor_id, expected", [
    ("syria_army", GOVERNMENT), ("syria_air_force", GOVERNMENT), ("russia_air_force", GOVERNMENT),
    ("hezbollah", GOVERNMENT), ("isis", ISIS), ("hts", NUSRA), ("nusra", NUSRA),
    ("fsa", OPPOSITION), ("jaysh_al_islam", OPPOSITION), ("sdf", SELF_ADMIN), ("ypg", SELF_ADMIN),
    ("global_coalition", COALITION), ("us_air_force", COALITION), ("unidentified_sy", UNKNOWN),
    ("civilians_sy", UNKNOWN), ("sohr", UNKNOWN), ("no_such_actor", UNKNOWN), (None, UNKNOWN),
])
def test_eval_fakes_perpetrator_mapping(actor_id, expected):
    assert fakes.perpetrator_of(actor_id, default_registry()) == expected


def test_eval_fakes_perpetrator_table_names_registry_actors_and_gold_classes():
    registry = default_registry()
    missing = [a for a in fakes.PERPETRATOR_BY_ID if registry.get(a) is None]
    assert not missing, f"registry ids gone: {missing}"
    assert set(fakes.PERPETRATOR_BY_ID.values()) <= set(PERPETRATORS)


def test_eval_fakes_weapon_mapping_uses_real_sub_event_types():
    assert set(fakes.CAUSES) <= set(CASE_CODES)
    assert set(fakes.CAUSES.values()) <= {"shelling", "explosion", "chemical and toxic gases",
                                          "execution", "shooting", UNKNOWN}


# -- article-level prediction ---------------------------------------------------------


def test_eval_fakes_civilians_take_the_largest_civilian_figure_and_subsets_as_floor():
    m = _mention(figures=[("killed", 5, "civilians"), ("killed", 8, "civilians"),
                          ("killed", 2, "children"), ("killed", 1, "women"),
                          ("injured", 30, "civilians"), ("killed", 40, "")])
    assert fakes.civilian_count([m]) == (8, 2, 1)
    only_subsets = _mention(figures=[("killed", 3, "children"), ("killed", 2, "women")])
    assert fakes.civilian_count([only_subsets]) == (5, 3, 2)


def test_eval_fakes_unspecified_dead_count_only_when_no_group_is_named():
    unnamed = _mention(figures=[("killed", 12, ""), ("killed", 4, "children")])
    assert fakes.civilian_count([unnamed]) == (12, 4, 0)
    with_fighters = _mention(figures=[("killed", 12, ""), ("killed", 9, "combatants")])
    assert fakes.civilian_count([with_fighters]) == (0, 0, 0)
    assert fakes.civilian_count([]) == (0, 0, 0)


def test_eval_fakes_predict_reads_first_mention_and_first_place_and_actor():
    first = _mention(sub="Air/drone strike", figures=[("killed", 6, "civilians")],
                     actor_id=None)
    second = _mention(sub="Armed clash", figures=[("killed", 300, "")],
                      admin1="Deir ez-Zor", actor_id="isis")
    pred = fakes.predict([first, second], default_registry())
    assert (pred.civilians, pred.children, pred.women) == (6, 0, 0)  # the lead event's toll
    assert pred.governorate == "deir ezzor"
    assert pred.actor == ISIS
    assert pred.cause == "shelling"  # air strikes are "warplane shelling" in FA-KES
    assert pred.mentions == 2
    nothing = fakes.predict([], default_registry())
    assert (nothing.civilians, nothing.governorate, nothing.actor, nothing.cause) == (
        0, "", UNKNOWN, UNKNOWN)


# -- metric arithmetic ----------------------------------------------------------------


def test_eval_fakes_perfect_predictions_score_one():
    golds = [_article(civilians=7, children=2, women=1, governorate="idlib", actor=GOVERNMENT),
             _article(civilians=0, cause="explosion", governorate="damascus")]
    preds = [Prediction(civilians=7, children=2, women=1, governorate="idlib", actor=GOVERNMENT,
                        cause="shelling", mentions=1),
             Prediction(civilians=0, governorate="damascus", cause="explosion", mentions=1)]
    metrics, _ = fakes.score(golds, preds)
    assert set(metrics) == {"civilians_exact", "civilians_within_20pct", "children_exact",
                            "women_exact", "governorate_acc", "perpetrator_acc", "weapon_acc"}
    assert all(v == 1.0 for v in metrics.values()), metrics


def test_eval_fakes_known_mix_gives_exact_values():
    golds = [_article(civilians=10, children=2, governorate="aleppo", actor=GOVERNMENT),
             _article(civilians=10, governorate="hasakeh", actor=ISIS, cause="explosion"),
             _article(civilians=0, governorate="raqqa", actor=COALITION),
             _article(civilians=5, women=1, governorate="homs", actor=UNKNOWN, cause="unknown")]
    preds = [Prediction(civilians=10, children=2, governorate="aleppo", actor=GOVERNMENT,
                        cause="shelling"),
             Prediction(civilians=12, governorate="hasakeh", actor=SELF_ADMIN, cause="shooting"),
             Prediction(civilians=1, governorate="", actor=COALITION, cause="shelling"),
             Prediction(civilians=7, women=1, governorate="hama", actor=UNKNOWN, cause="unknown")]
    metrics, _ = fakes.score(golds, preds)
    assert metrics["civilians_exact"] == pytest.approx(1 / 4)
    assert metrics["civilians_within_20pct"] == pytest.approx(2 / 4)  # 10 and 12 (of 10)
    assert metrics["children_exact"] == pytest.approx(4 / 4)
    assert metrics["women_exact"] == pytest.approx(4 / 4)
    assert metrics["governorate_acc"] == pytest.approx(2 / 4)
    assert metrics["perpetrator_acc"] == pytest.approx(3 / 4)
    assert metrics["weapon_acc"] == pytest.approx(3 / 4)


def test_eval_fakes_within_20pct_bounds():
    assert fakes.within(0, 0) and not fakes.within(1, 0)
    assert fakes.within(12, 10) and fakes.within(8, 10)
    assert not fakes.within(13, 10) and not fakes.within(7, 10)


def test_eval_fakes_cli_runs_on_fixture():
    result = CliRunner().invoke(main, ["eval", "fakes", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.strip().splitlines()[-1])
    assert out["set"] == "fakes" and out["n"] == 4
    assert len(out["metrics"]) == 7
    assert all(0.0 <= v <= 1.0 for v in out["metrics"].values())


@pytest.mark.slow
def test_eval_fakes_real_gold_file():
    if not GOLD.is_file():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    # the full run is scored by tests/test_accuracy.py; here the loader on a slice
    result = fakes.evaluate(GOLD, 20)
    assert result.n == 20 and len(result.metrics) == 7
    # every gold perpetrator and governorate is one the maps can produce
    golds = fakes.load(GOLD)
    assert golds
    assert {a.actor for a in golds} <= set(PERPETRATORS)
    assert {a.governorate for a in golds} <= set(fakes.GOVERNORATE_ALIASES.values())
