"""Dates Arabic pages write with the year first ("2021/11/14", as news sites stamp their
pages) or month first after all ("11/22/2021"): read as the page's date and as an
event's. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.eval import extract_text
from warlog.extract.lang.ar_dateline import full_date, publication_date
from warlog.extract.pipeline import Extractor


@pytest.mark.parametrize(("text", "expected"), [
    ("الرئيسية\n2021/11/14\nقصف مدفعي على القرية", date(2021, 11, 14)),
    ("آخر تحديث 2022-1-3 | قصف مدفعي على القرية", date(2022, 1, 3)),
    ("نشر في 2023.07.09 قصف مدفعي على القرية", date(2023, 7, 9)),
    ("11/22/2021 قصف مدفعي على القرية", date(2021, 11, 22)),   # no 22nd month
    ("22/11/2021 قصف مدفعي على القرية", date(2021, 11, 22)),
    ("قصف مدفعي على القرية 2021/13/40", None),
    ("رقم الهاتف 2021/11/14/7", None),
])
def test_ar_dateline_year_first_and_month_first_numeric_dates(text, expected):
    assert full_date(text) == expected
    assert publication_date(text) == expected or expected is None


@pytest.mark.parametrize(("text", "expected"), [
    # an agreement's day or a span's start tells history, not the page's day
    ("قتلت امرأة الأربعاء بقصف على مركز طبي.\nوتهاجم قوات النظام المنطقة رغم اتفاق وقف إطلاق "
     "النار الموقع في 5 مارس/ آذار 2020.", None),
    ("قتل طفل بقصف مدفعي اليوم.\nوفي 5 مايو/ أيار 2020 توصلت موسكو وأنقرة إلى اتفاق جديد.", None),
    ("A child was killed on Friday despite the ceasefire, which came into effect on March 6, 2020.",
     None),
    ("قتل طفل بقصف مدفعي منذ 8 حزيران 2020 على البلدة.", None),
    # a dateline stays the page's day, and so does an event's date beside an agreement
    ("إدلب، 5 آذار 2020 (الأناضول) - قتل طفل بقصف مدفعي.", date(2020, 3, 5)),
    ("قتل طفل في 5 آذار 2020 رغم اتفاق وقف إطلاق النار.", date(2020, 3, 5)),
    ("قتل طفل بقصف مدفعي على البلدة في 5 آذار 2020.", date(2020, 3, 5)),
])
def test_ar_dateline_a_date_that_tells_history_is_not_the_pages(text, expected):
    assert full_date(text) == expected


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(("text", "expected"), [
    # the page's stamp anchors "اليوم"
    ("2021/11/14\nقصف مدفعي على بلدة سرمين اليوم أدى لإصابة مدنيين.", date(2021, 11, 14)),
    ("قصف مدفعي على بلدة سرمين في 2022/1/3 أدى لإصابة مدنيين.", date(2022, 1, 3)),
])
def test_dates_year_first_numeric_date_dates_the_event(extractor, text, expected):
    mentions = extract_text(extractor, text, "test#dates-ar", None, "ar", "")
    assert mentions and mentions[0].date.event_date == expected


@pytest.mark.parametrize("text", [
    # a span's start or an agreement's day is not the event's day
    "2021/11/14\nقتل مدني بقصف مدفعي على بلدة سرمين رغم الهدنة السارية منذ 5 آذار 2020.",
    "2021/11/14\nقتل مدني بقصف مدفعي على بلدة سرمين خرقاً لاتفاق موسكو الموقع في 5 آذار 2020.",
])
def test_dates_a_date_that_tells_history_does_not_date_the_event(extractor, text):
    mentions = extract_text(extractor, text, "test#dates-ar", None, "ar", "")
    assert mentions and mentions[0].date.event_date == date(2021, 11, 14)
