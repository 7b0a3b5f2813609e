"""`warlog eval arabic-events`: assault and protest sentence detection (invented rows in the
gold files' format; the real files when ../shared/gold is there)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warlog.eval import arabic_events as ae

COLUMNS = ["", "accept", "event_type", "id", "label", "reject", "text", "total"]


def _write(path: Path, event_type: str, rows: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n, (label, text) in enumerate(rows):
            writer.writerow([n, 3 if label == "yes" else 0, event_type, f"INV-{n}", label,
                             0 if label == "yes" else 3, text, 3])


def _folder(tmp_path: Path) -> Path:
    _write(tmp_path / "assault_gsr.csv", "ASSAULT", [
        ("yes", "قتل ثلاثة مدنيين في غارة جوية على بلدة في ريف إدلب صباح اليوم."),
        ("yes", "انفجرت عبوة ناسفة بدورية للشرطة في المدينة وأصيب عنصران."),
        ("easy no", "وقال الوزير إن الحكومة ستعقد اجتماعها المقبل الأسبوع القادم."),
        ("ambiguous", "تحدث التقرير عن ظروف المعتقلين في السجون."),
        ("difficult no", "افتتح المعرض الدولي للكتاب أبوابه أمس بحضور الوزير."),
    ])
    _write(tmp_path / "protest_gsr.csv", "PROTEST", [
        ("yes", "تظاهر مئات الطلاب أمام مبنى الجامعة احتجاجا على رفع الرسوم."),
        ("easy no", "ناقش البرلمان مشروع قانون الموازنة في جلسته أمس."),
    ])
    return tmp_path


def test_eval_arabic_events_loader_leaves_out_ambiguous(tmp_path):
    rows = ae.load(_folder(tmp_path) / "assault_gsr.csv")
    assert [gold for _, gold in rows] == [True, True, False, False]


def test_eval_arabic_events_scores_invented_sentences(tmp_path):
    result = ae.evaluate(_folder(tmp_path))
    assert result.n == 6
    assert result.metrics == {"assault_f1": 1.0, "protest_f1": 1.0}


def test_eval_arabic_events_missing_file_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="assault_gsr.csv"):
        ae.evaluate(tmp_path)
