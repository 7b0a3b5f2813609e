"""`warlog eval case2021`: the loader, the CASE code mapping and the F1 arithmetic on
invented snippets, and one run on the real gold file when it is there."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from warlog.cli import main
from warlog.eval import case2021
from warlog.eval.case2021 import ACLED_CODES, CASE_CODES, NONE, Snippet

FIXTURE = Path(__file__).parent / "fixtures" / "gold" / "case2021" / "invented-snippets.tsv"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "case2021" / "snippets.tsv"


def test_eval_case2021_loader_reads_quoted_fields_and_maps_non_acled_to_none():
    snippets = case2021.load(FIXTURE)
    assert [s.id for s in snippets] == ["101", "102", "103", "104", "105"]
    assert [s.label for s in snippets] == ["AIR_STRIKE", "ARREST", NONE, "PEACE_PROTEST", NONE]
    # a quoted field loses its outer quotes and keeps the doubled inner ones as one
    assert snippets[1].text.startswith("Police detained")
    assert '"brief"' in snippets[1].text
    assert all("\t" not in s.text for s in snippets)


def test_eval_case2021_loader_honours_limit():
    assert [s.id for s in case2021.load(FIXTURE, limit=2)] == ["101", "102"]


def test_eval_case2021_gold_label_rejects_unknown_codes():
    assert case2021.gold_label(" suic_bomb ") == "SUIC_BOMB"
    for other in ("NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"):
        assert case2021.gold_label(other) == NONE
    with pytest.raises(ValueError):
        case2021.gold_label("RIOT")


def test_eval_case2021_mapping_covers_the_25_acled_types_once():
    assert len(CASE_CODES) == 25
    assert len(set(CASE_CODES.values())) == 25
    assert set(ACLED_CODES) == set(CASE_CODES.values())
    assert case2021.case_code("Shelling/artillery/missile attack") == "ART_MISS_ATTACK"
    assert case2021.case_code("Looting/property destruction") == "PROPERTY_DISTRUCT"
    assert case2021.case_code(None) == NONE
    assert case2021.case_code("Something new") == NONE


def test_eval_case2021_mapping_knows_every_type_the_rules_emit():
    from warlog.extract.lang import en

    emitted = {sub for _, sub, _ in en.EVENT_RULES}
    assert emitted <= set(CASE_CODES), emitted - set(CASE_CODES)


def test_eval_case2021_perfect_predictions_score_one():
    gold = ["AIR_STRIKE", "ARREST", NONE, "PEACE_PROTEST", "AIR_STRIKE"]
    metrics, details = case2021.score(gold, list(gold))
    assert metrics == {"weighted_f1": 1.0, "macro_f1": 1.0, "accuracy_all": 1.0}
    rows = dict(details)
    assert rows["f1_AIR_STRIKE"].startswith("1.000")
    assert rows["f1_GRENADE"].startswith("0.000")  # absent from gold: shown, not averaged


def test_eval_case2021_known_mix_gives_exact_values():
    gold = ["AIR_STRIKE", "AIR_STRIKE", "AIR_STRIKE", "ARREST", "ARREST", NONE]
    pred = ["AIR_STRIKE", "AIR_STRIKE", NONE, "ARREST", NONE, "ARREST"]
    metrics, details = case2021.score(gold, pred)
    # AIR_STRIKE: tp 2, fp 0, fn 1 -> F1 0.8. ARREST: tp 1, fn 1 -> F1 2/3; the "none" row
    # predicted ARREST is outside the 25-type rows, so it is no false positive here.
    assert metrics["weighted_f1"] == pytest.approx((0.8 * 3 + 2 / 3 * 2) / 5)
    assert metrics["macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert metrics["accuracy_all"] == pytest.approx(3 / 6)
    assert dict(details)["f1_ARREST"].startswith("0.667")


def test_eval_case2021_wrong_type_is_a_false_positive_for_the_predicted_type():
    gold = ["AIR_STRIKE", "ARREST"]
    pred = ["ARREST", "ARREST"]
    metrics, _ = case2021.score(gold, pred)
    # AIR_STRIKE F1 0; ARREST: tp 1, fp 1 -> F1 2/3
    assert metrics["weighted_f1"] == pytest.approx((0 + 2 / 3) / 2)
    assert metrics["accuracy_all"] == pytest.approx(0.5)


def test_eval_case2021_prediction_is_the_first_mentions_type():
    def fake_extractor(doc):
        if "warplanes" in doc.text:
            return [SimpleNamespace(sub_event_type="Air/drone strike"),
                    SimpleNamespace(sub_event_type="Arrests")]
        return []

    snippets = [Snippet("1", "Two warplanes struck a depot at dawn today.", "AIR_STRIKE"),
                Snippet("2", "Nothing of the kind happened in the town today.", NONE),
                Snippet("3", "", NONE)]  # too short to be a document
    assert case2021.run(snippets, fake_extractor) == ["AIR_STRIKE", NONE, NONE]


def test_eval_case2021_cli_runs_on_fixture():
    result = CliRunner().invoke(main, ["eval", "case2021", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.strip().splitlines()[-1])
    assert out["set"] == "case2021" and out["n"] == 5
    assert set(out["metrics"]) == {"weighted_f1", "macro_f1", "accuracy_all"}
    assert all(0.0 <= v <= 1.0 for v in out["metrics"].values())


@pytest.mark.slow
def test_eval_case2021_real_gold_file():
    if not GOLD.is_file():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    # the full run is scored by tests/test_accuracy.py; here the table's shape on a slice
    result = case2021.evaluate(GOLD, 60)
    assert result.n == 60
    assert set(result.metrics) == {"weighted_f1", "macro_f1", "accuracy_all"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert sum(label.startswith("f1_") for label, _ in result.details) == 25
