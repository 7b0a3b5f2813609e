"""The Airwars Syria reader turns Arabic-keyed lines into typed records (invented lines)."""

import gzip
import json
from datetime import date

import pytest

from warlog.eval.airwars_syria_data import load_cases, load_sources


def _write(folder, cases, sources):
    with gzip.open(folder / "cases.jsonl.gz", "wt", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    (folder / "sources.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sources), encoding="utf-8")


INVENTED_CASE = {
    "case": {"airwars_id": "1001", "code": "INV0001"},
    "incident": {
        "رمز الحادثة": "INV0001", "تاريخ الحادثة": "2025-02-03", "نوع التاريخ — الأصل": "date",
        "الموقع بالعربية": "كفرنبل", "الموقع بالإنجليزية": "Kafr Nabl",
        "المنطقة — عربي": "إدلب", "المنطقة — الأصل": "Idlib", "خط العرض": 35.61, "خط الطول": 36.56,
        "دقة تحديد الموقع": "town", "الجهة العسكرية — الأصل": "Russian Military, Syrian Regime",
        "الجهة العسكرية — عربي": "الجيش الروسي، النظام السوري",
        "نوع الضربة — الأصل": "Airstrike and/or Artillery", "قوة الأدلة — الأصل": "Fair",
        "مدنيون قتلى — حد أدنى": 3, "مدنيون قتلى — حد أعلى": 5, "أطفال جرحى — حد أدنى": 2,
    },
}
INVENTED_SOURCE = {
    "source_id": "source-x1", "incident_ids": ["airwars-1001"], "source_type": "public_facebook_post",
    "publisher": "'@invented_page", "publication_date": "2025-02-03T10:00:00.000Z",
    "page_title": "t", "text_original_language": "ar", "original_url": "https://example.org/p/1",
    "text_original": "غارة جوية على كفرنبل",
}


def test_airwars_syria_data_reads_cases_and_sources(tmp_path):
    _write(tmp_path, [INVENTED_CASE], [INVENTED_SOURCE, {**INVENTED_SOURCE, "source_id": "source-x2"}])
    case = load_cases(tmp_path)["airwars-1001"]
    assert case.event_date == date(2025, 2, 3) and not case.date_is_range
    assert case.belligerents == ["Russian Military", "Syrian Regime"]
    assert case.strike_types == ["Airstrike", "Artillery"]
    assert case.count("civilians", "killed").overlaps(5, 9)
    assert not case.count("civilians", "killed").overlaps(6, 9)
    assert (case.count("children", "injured").low, case.count("children", "injured").high) == (2, 2)
    assert case.count("women", "killed") is None
    sources = load_sources(tmp_path, limit=1)
    assert len(sources) == 1 and sources[0].publisher == "@invented_page"
    assert sources[0].published.year == 2025 and sources[0].incident_ids == ["airwars-1001"]


@pytest.mark.parametrize("loader", [load_cases, load_sources])
def test_airwars_syria_data_names_missing_file(tmp_path, loader):
    with pytest.raises(FileNotFoundError, match="Airwars Syria folder"):
        loader(tmp_path)
