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


def _report(sid: str, incident: str, published: str, text: str) -> dict:
    return {"source_id": sid, "incident_ids": [incident], "source_type": "public_facebook_post",
            "publication_date": published, "text_original_language": "ar", "text_original": text}


# two incidents of an invented archive: two reports of one strike on Kafr Nabl, one of a
# shelling of Atarib
_REPORTS = [
    _report("a", "airwars-1", "2024-03-05", "استشهاد مدنيين اثنين بغارة جوية للطيران "
            "الروسي على بلدة كفرنبل في ريف إدلب اليوم."),
    _report("b", "airwars-1", "2024-03-05", "قتل ثلاثة مدنيين بقصف جوي روسي على كفرنبل "
            "جنوب إدلب صباح اليوم."),
    _report("c", "airwars-2", "2024-06-20", "مقتل طفل بقصف مدفعي لقوات النظام على مدينة "
            "الأتارب غربي حلب اليوم."),
]


def _evaluate(tmp_path, sources: list[dict]):
    import gzip
    import json

    from warlog.eval.airwars_syria_groups import evaluate

    cases = [{"case": {"airwars_id": n}, "incident": {"تاريخ الحادثة": day}}
             for n, day in (("1", "2024-03-05"), ("2", "2024-06-20"))]
    with gzip.open(tmp_path / "cases.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    (tmp_path / "sources.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sources), encoding="utf-8")
    return evaluate(tmp_path)


def test_eval_airwars_syria_groups_leaves_pages_without_a_report_out(tmp_path):
    # a wall the archive cites for incident 1: nothing to group
    wall = _report("d", "airwars-1", "", "Post / X\n\nPostLog inSign upPostThis post is unavailable.")
    result = _evaluate(tmp_path, [*_REPORTS, wall])
    details = dict(result.details)
    assert result.n == 3 and details["pages with no report text (left out)"] == "1"
    assert result.metrics["bcubed_f1"] == 1.0
    # kept in, alone, the wall costs recall (a and b miss d, d misses both) but no precision
    kept_in = details["bcubed_f1 (P / R) with those pages kept in, each alone"]
    f1, precision, recall = (float(x) for x in kept_in.replace("(", "").replace(")", "")
                             .replace("/", "").split())
    assert precision == 1.0 and recall == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 3)
    assert f1 < 1.0


def test_eval_airwars_syria_groups_scores_dated_and_undated_sources_apart(tmp_path):
    # e, of incident 2, says only "today": no record date, address or dateline dates it
    undated = _report("e", "airwars-2", "", "مقتل طفل بقصف مدفعي على مدينة الأتارب غربي "
                      "حلب اليوم.")
    details = dict(_evaluate(tmp_path, [*_REPORTS, undated]).details)
    among_dated = details["bcubed_f1 (P / R) among sources with a date (n)"]
    among_undated = details["bcubed_f1 (P / R) among sources with none (n)"]
    assert among_dated == "1.000 (1.000 / 1.000) (3)"  # a and b together, c alone
    assert among_undated.endswith("(1)")
