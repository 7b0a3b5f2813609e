"""`warlog eval polnear`: the brat reader, the soft-overlap matching and the metric
arithmetic, on invented articles in PolNeAR's format; plus one run on the real gold set
when ../shared/gold is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.eval import load_sets
from warlog.eval import polnear as pn

FIXTURE = Path(__file__).parent / "fixtures" / "gold" / "polnear" / "dev"
GOLD = Path(__file__).parents[2] / "shared" / "gold" / "polnear" / "dev"


def test_eval_polnear_loader_reads_brat_attributions():
    articles = pn.load(FIXTURE)
    assert [a.name for a in articles] == ["wire_2016-10-01_bridge-reopens",
                                          "wire_2016-10-02_budget-too-small"]
    bridge = articles[0]
    # the first annotator's file is read, the second (bb22) is not
    assert len(bridge.attributions) == 3
    mayor, engineer, unsourced = bridge.attributions

    def text(frags):
        return [bridge.text[s:e] for s, e in frags]

    assert (text(mayor.source), text(mayor.cue), text(mayor.content)) == (
        ["The mayor"], ["said"], ["the bridge would reopen in May"])
    # a discontinuous content keeps both fragments
    assert text(engineer.content) == ["\"We are ready,\"", "\"and the money is there.\""]
    assert unsourced.source is None and text(unsourced.cue) == ["Reportedly"]
    assert len(pn.load(FIXTURE, limit=1)) == 1


def test_eval_polnear_overlap_is_one_shared_character():
    assert pn.overlap(((0, 5),), ((4, 9),))
    assert not pn.overlap(((0, 5),), ((5, 9),))
    assert pn.overlap(((0, 5), (20, 30)), ((29, 40),))  # any fragment
    assert pn.pair_count([((0, 5),), ((10, 15),)], [((1, 2),), ((3, 4),), ((12, 13),)]) == 2


def test_eval_polnear_metric_arithmetic():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    article = pn.Article(name="a", text=text, attributions=[
        pn.Attribution(source=((0, 5),), cue=((6, 10),), content=((11, 22),)),  # gamma delta
        pn.Attribution(source=None, cue=((23, 30),), content=((31, 35),)),  # zeta
        pn.Attribution(source=((36, 39),), cue=((40, 45),), content=((46, 50), (51, 56))),
    ])
    pred = [
        pn.Attribution(source=((0, 3),), cue=((6, 10),), content=((17, 30),)),  # delta epsilon
        pn.Attribution(source=((31, 35),), cue=((36, 39),), content=((51, 56),)),  # kappa
    ]
    metrics, details = pn.score([article], [pred])
    # sources: gold {alpha, eta}, predicted {alp, zeta}: 1 paired -> P 1/2, R 1/2
    # cues: gold {beta, epsilon, theta}, predicted {beta, eta}: 1 paired -> P 1/2, R 1/3
    # contents: gold 3, predicted 2, both paired -> P 1, R 2/3
    # content tokens: gold {gamma, delta, zeta, iota, kappa}, predicted {delta, epsilon,
    # kappa}: 2 shared -> P 2/3, R 2/5
    assert metrics == pytest.approx({
        "source_f1": 0.5, "cue_f1": 0.4, "content_f1": 0.8, "content_token_f1": 0.5})
    assert dict(details)["cue"].endswith("(paired 1, predicted 2, gold 3)")


def test_eval_polnear_split_quote_is_one_attribution():
    from warlog.gazetteer import default_gazetteer
    from warlog.registry import default_registry

    text = "\"We are ready,\" said Jane Roe, a city engineer, \"and the money is there.\""
    (attribution,) = pn.predict(text, default_gazetteer(), default_registry())
    assert [text[s:e] for s, e in attribution.content] == ["We are ready,", "and the money is there."]
    assert [text[s:e] for s, e in attribution.source] == ["Jane Roe, a city engineer"]


def test_eval_polnear_runs_on_fixture():
    assert "polnear" in load_sets()
    result = pn.evaluate(FIXTURE, None)
    assert result.set == "polnear" and result.n == 2
    assert set(result.metrics) == {"source_f1", "content_f1", "cue_f1", "content_token_f1"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.metrics["source_f1"] > 0


@pytest.mark.slow
def test_eval_polnear_real_gold():
    if not GOLD.is_dir():
        pytest.skip(f"gold data not found at {GOLD} (../shared/gold beside the checkout)")
    result = pn.evaluate(GOLD, 20)
    assert result.n == 20
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.metrics["source_f1"] > 0.3
