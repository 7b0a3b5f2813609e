"""Arabic reports through the whole extractor: dates, casualties, attackers, event types
and places (invented reports about real Syrian towns)."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.eval import extract_text
from warlog.extract.lang import ar_actors
from warlog.extract.lang.ar_dateline import full_date, publication_date, weekday_date
from warlog.extract.pipeline import Extractor
from warlog.ingest.readers import parse_date

PUBLISHED = date(2024, 3, 7)  # a Thursday


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _first(extractor, text, published=PUBLISHED):
    mentions = extract_text(extractor, text, "test#ar", published, "ar")
    assert mentions, text
    return mentions[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("قصف مدفعي على بلدة كفرنبل أمس أدى لإصابة مدنيين.", date(2024, 3, 6)),
    ("غارة جوية على مدينة سراقب فجر اليوم.", date(2024, 3, 7)),
    ("قصف صاروخي على مدينة أريحا يوم الثلاثاء الماضي.", date(2024, 3, 5)),
    ("قصف مدفعي على بلدة سرمين يوم الإثنين.", date(2024, 3, 4)),
    ("غارة جوية على مدينة سراقب في 2 آذار 2024.", date(2024, 3, 2)),
    ("غارة جوية على مدينة سراقب في 1 مارس.", date(2024, 3, 1)),
    ("قصف صاروخي على مدينة الباب بتاريخ ٢٨ شباط ٢٠٢٤.", date(2024, 2, 28)),
])
def test_lang_ar_extract_event_dates(extractor, text, expected):
    assert _first(extractor, text).date.event_date == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Post\n\nPost\n\nشبكة البلدة@town_inv قصف على البلدة11:05 AM · Mar 3, 20252.1KViews12",
     date(2025, 3, 3)),
    ("وكالة الأنباء\n\nالأربعاء, ٥ يوليو ٢٠٢٣, ١٧:٠٨\n\nقصف على البلدة", date(2023, 7, 5)),
    ("أخبار عاجلة\nسبتمبر 19, 2021\nقصف على القرية", date(2021, 9, 19)),
    ("حصاد الأحداث الميدانية ليوم الاثنين 15-11-2021", date(2021, 11, 15)),
    ("حصاد الأحداث ليوم الأربعاء 13/ أيلول/ 2023", date(2023, 9, 13)),
    ("On the eve of 19th August 2021 a strike hit a depot", date(2021, 8, 19)),
    ("قصف مدفعي على القرية دون ذكر تاريخ", None),
])
def test_lang_ar_extract_publication_date_from_the_page(text, expected):
    assert publication_date(text) == expected


def test_lang_ar_extract_weekday_gives_the_year():
    # 6 August fell on a Saturday in 2022, the latest such year before the report
    assert weekday_date("اليوم السبت 6 اب", date(2026, 11, 27)) == date(2022, 8, 6)
    assert weekday_date("الخميس 29 شباط", date(2026, 11, 27)) == date(2024, 2, 29)


@pytest.mark.parametrize(("written", "expected"), [
    ("1 مارس 2026", date(2026, 3, 1)),
    ("٥ آذار ٢٠٢٤", date(2024, 3, 5)),
    ("3 أيار 2025", date(2025, 5, 3)),
    ("28 تشرين الثاني 2024", date(2024, 11, 28)),
])
def test_lang_ar_extract_publication_dates_written_in_arabic(written, expected):
    assert full_date(written) == expected
    assert parse_date(written) == expected


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("استشهد ثلاثة مدنيين بينهم طفلان وأصيب سبعة آخرون جراء غارة جوية على بلدة كفرنبل.",
     (3, 3), (7, 7)),
    ("مقتل ما لا يقل عن 12 مدنياً بقصف مدفعي على مدينة سراقب.", (12, 12), None),
    ("ارتفاع حصيلة الشهداء إلى ١٥ شهيداً و٣٠ جريحاً في مجزرة بمدينة سراقب.", (15, 15), (30, 30)),
    ("سقوط 5 قتلى و10 جرحى بانفجار عبوة ناسفة في مدينة الباب.", (5, 5), (10, 10)),
    ("قتل بين 7 و9 مدنيين في غارات على بلدة الشعفة.", (7, 9), None),
    ("شهداء وجرحى بقصف صاروخي على مدينة أريحا.", (3, 9), (3, 9)),
    ("شهداء بقصف صاروخي على مدينة أريحا، وارتفع عدد الشهداء إلى 6 شهداء.", (6, 6), None),
    ("إصابة ٣ مدنيين بقصف مدفعي على بلدة سرمين.", None, (3, 3)),
])
def test_lang_ar_extract_casualties(extractor, text, killed, injured):
    from warlog.eval.airwars_gaza import figure_range

    mention = _first(extractor, text)
    assert figure_range([mention], "killed") == killed
    assert figure_range([mention], "injured") == injured


@pytest.mark.parametrize(("text", "ids"), [
    ("القصف الروسي والإيراني على المخيم", {"russia_army", "iran_army"}),
    ("غارات روسية على البلدة", {"russia_air_force"}),
    ("استهداف بطائرة مسيرة تركية", {"turkey_air_force"}),
    ("قصف لميليشيا أسد على القرية", {"syria_army"}),
    ("قصف لعصابات الأسد", {"syria_army"}),
    ("تركيا تستهدف مواقع في الريف", {"turkey_army"}),
    ("قصف لقوات النظام وروسيا على البلدة", {"syria_army", "russia_army"}),
    ("صاروخ إسرائيلي على مستودع", {"israel_army"}),
    ("مظاهرة في ساحة البلدة", set()),
])
def test_lang_ar_extract_attacker_cues(text, ids):
    from warlog.extract.lang.ar_normalise import fold

    assert {actor for _, _, actor in ar_actors.find(fold(text)[0])} == ids


@pytest.mark.parametrize(("text", "actor_country"), [
    ("قصف مدفعي لقوات النظام على بلدة كفرنبل.", "SY"),
    ("غارة جوية للطيران الروسي على مدينة سراقب.", "RU"),
    ("طيران التحالف الدولي يستهدف سيارة قرب مدينة الباب.", ""),
    ("قصف مسيرة تركية على قرية قرب مدينة عين العرب.", "TR"),
])
def test_lang_ar_extract_actor1(extractor, text, actor_country):
    mention = _first(extractor, text)
    assert mention.actor1 is not None
    assert mention.actor1.country == actor_country


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("غارة جوية على بلدة كفرنبل", "Air/drone strike"),
    ("قصف مدفعي على بلدة كفرنبل", "Shelling/artillery/missile attack"),
    ("قصف صاروخي على مدينة أريحا", "Shelling/artillery/missile attack"),
    ("إلقاء برميل متفجر على مدينة سراقب", "Air/drone strike"),
    ("استهداف بطائرة مسيرة لسيارة في مدينة الباب", "Air/drone strike"),
    ("قصف مسيرة تركية على قرية في ريف عين العرب", "Air/drone strike"),
    ("اشتباكات بين الفصائل في مدينة عفرين", "Armed clash"),
    ("انفجار عبوة ناسفة في مدينة الباب", "Remote explosive/landmine/IED"),
])
def test_lang_ar_extract_event_types(extractor, text, sub_event_type):
    assert _first(extractor, text + " أمس.").sub_event_type == sub_event_type


def test_lang_ar_extract_place_and_mixed_post(extractor):
    text = ("Breaking news from the north\n\nقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي أمس "
            "أدى لمقتل مدني.")
    mention = _first(extractor, text)
    assert mention.sub_event_type == "Shelling/artillery/missile attack"
    assert mention.place is not None and mention.place.iso == "SY"
    assert mention.trigger.text == "قصف مدفعي"
    assert text[mention.trigger.start:mention.trigger.end] == "قصف مدفعي"


def test_lang_ar_extract_common_word_is_no_town_abroad(extractor):
    # "كان" (was) is also Cannes; "ليل" (night) is Lille
    mention = _first(extractor, "قصف مدفعي على بلدة سرمين في ريف إدلب وكان القصف في الليل.")
    assert mention.place is not None and mention.place.iso == "SY"


def test_lang_ar_extract_hashtags_are_tags():
    from warlog.ingest.readers import make_document

    doc = make_document("#حلب_تحترق قصف جوي على الأحياء الشرقية #عاجل", "t#1", language="ar")
    assert "حلب_تحترق" in doc.tags and "عاجل" in doc.tags


@pytest.mark.parametrize(("text", "actor_id"), [
    ("غارة للطيران الروسي على البلدة", "russia_air_force"),   # ل + ال written لل
    ("قصف وللتحالف الدولي دور فيه", "global_coalition"),
    ("قصف لقوات النظام على القرية", "syria_army"),
])
def test_lang_ar_extract_registry_names_after_glued_prefixes(text, actor_id):
    from warlog.extract.names import scan_names
    from warlog.registry import default_registry

    registry = default_registry()
    assert [m.value.id for m in scan_names(text, registry.lookup, max_tokens=8)] == [actor_id]


@pytest.mark.parametrize(("text", "doer"), [
    ("قصف مدفعي مصدره ميليشيا قسد استهدف مدينة اعزاز أمس.", "sdf"),
    ("قصف مدفعي لميليشيات قسد على قرية مريمين أمس.", "sdf"),
    ("اعتقلت قسد خمسة شبان في بلدة الشحيل أمس.", "sdf"),
])
def test_lang_ar_extract_doer_named_after_the_act(extractor, text, doer):
    mention = _first(extractor, text)
    assert mention.actor1 is not None and mention.actor1.actor_id == doer


def test_lang_ar_extract_bare_occupation_follows_the_page(extractor):
    text = "قصف طيران الاحتلال قرية في ريف عين عيسى أمس، وتواصل دولة الاحتلال التركي هجماتها."
    assert _first(extractor, text).actor1.country == "TR"
