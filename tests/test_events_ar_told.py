"""Arabic sentences that tell an event, and sentences that only name one (extract/events.py
find_events with lang/ar.py: PROTEST_DONE, EVENT_TOLD, EVENT_NOT_TOLD, PROTEST_NOT_DONE,
WEAPONS_TALK, WEAPON_USED). Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.extract.pipeline import Extractor
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document
from warlog.registry import default_registry

PUBLISHED = date(2016, 6, 5)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
CROWD = {"Protests", "Riots"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(default_gazetteer(), default_registry())


def mentions(extractor: Extractor, text: str):
    return extractor(Document(id=text_hash(text), text=text, language="ar", published=PUBLISHED))


def types(extractor: Extractor, text: str) -> set[str]:
    return {m.event_type for m in mentions(extractor, text)}


# A crowd that protested, gathered, marched, sat in or struck, told by its verb, by a
# protest that broke out or was held, or by a counted crowd of protesters.
PROTESTS_DONE = [
    "تجمع نحو مئتي متظاهر أمام مبنى المحافظة للمطالبة بإطلاق سراح المعتقلين.",
    "احتشد المئات في الساحة الرئيسية رافعين الأعلام.",
    "خرجت مظاهرات في عدة مدن تنديدا بارتفاع الأسعار.",
    "اعتصم العشرات من المعلمين أمام وزارة التربية.",
    "أضرب عمال مصنع الإسمنت عن العمل ثلاثة أيام.",
    "خرج آلاف المحتجين إلى الشوارع بعد صلاة الجمعة.",
    "وكان الطلاب قد خرجوا في مسيرات جابت شوارع الجامعة.",
    "نظم أهالي القرية وقفة احتجاجية أمام مبنى البلدية.",
]


@pytest.mark.parametrize("text", PROTESTS_DONE)
def test_events_ar_protest_told_as_done(extractor, text):
    assert types(extractor, text) & CROWD


# Protesters or a protest only named: what they demanded, a call to protest, a protest
# that was the target of an attack.
PROTESTS_NAMED = [
    ("طالب المتظاهرون الحكومة بتقديم استقالتها.", set()),
    ("دعا الحزب أنصاره إلى التظاهر يوم الجمعة المقبل.", set()),
    ("تعتزم النقابة تنظيم اعتصام مفتوح الأسبوع القادم.", set()),
    ("استهدف انتحاري بحزام ناسف مظاهرة في وسط المدينة ما أدى إلى مقتل خمسة أشخاص.",
     {"Explosions/Remote violence"}),
]


@pytest.mark.parametrize(("text", "expected"), PROTESTS_NAMED)
def test_events_ar_protest_only_named_is_no_protest(extractor, text, expected):
    found = types(extractor, text)
    assert not found & CROWD
    assert expected <= found


# An attack told: its toll, its deed in the past or present, or the attack as the
# headline ("تفجير انتحاري في ..."), and the cues added for force by hand and blasts told
# by their verb.
ATTACKS_TOLD = [
    ("خطف مسلحون مهندسا أجنبيا من منزله في المدينة.", "Abduction/forced disappearance"),
    ("اعتدى أفراد من الشرطة على المصلين بالضرب داخل المسجد.", "Attack"),
    ("انفجرت قنبلة في سوق الخضار وسط البلدة.", "Remote explosive/landmine/IED"),
    ("قتلت القوات خمسة مسلحين خلال عملية في الريف الشرقي.", "Attack"),
    ("تفجير انتحاري في فندق كبير بالعاصمة.", "Suicide bomb"),
    ("تعرضت الصحفية للتعذيب على أيدي عناصر الحاجز.", "Attack"),
    ("أقدم مجهولون على اغتيال مختار القرية أمام منزله.", "Attack"),
    ("فتح مسلحون النار على حافلة تقل عمالا فقتلوا سائقها.", "Attack"),
    ("احتجز المسلحون ثلاثة موظفين رهائن داخل المصرف.", "Abduction/forced disappearance"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), ATTACKS_TOLD)
def test_events_ar_attack_told(extractor, text, sub_event_type):
    assert sub_event_type in {m.sub_event_type for m in mentions(extractor, text)}


# An attack named in passing: an inquiry, a trial, a condemnation, a commemoration, an
# opinion, arms talked of.
ATTACKS_NAMED = [
    "وتواصلت التحقيقات في التفجير الذي استهدف مقر البعثة الشهر الماضي.",
    "وأصدرت المحكمة حكمها على المتهمين بالتخطيط لاغتيال الوزير.",
    "وأدان المجلس عملية الاغتيال ووصفها بالعمل الجبان.",
    "وأحيا السكان الذكرى السنوية للتفجير الذي هز المدينة.",
    "ويرى محللون أن اغتيال الزعيم غير المشهد السياسي في البلاد.",
    "ووقعت الحكومة صفقة لشراء منظومة صواريخ جديدة.",
    "وتحدث الخبير عن مدى الصواريخ الجديدة ودقتها.",
]


# ... and words that only look like cues
LOOK_LIKE_CUES = [
    "التقى وفد من هيئة تحرير الشام وجهاء المنطقة لبحث أوضاع المخيمات.",  # a group's name
    "استقبل القنصل العام وفدا من التجار في مكتبه.",  # "قنصل" is no sniping ("قنص")
]


@pytest.mark.parametrize("text", ATTACKS_NAMED + LOOK_LIKE_CUES)
def test_events_ar_attack_named_in_passing_is_no_event(extractor, text):
    assert not types(extractor, text) & VIOLENT


# A post that opens on its place, then the event, with no toll or verb telling it
# (events.HEADLINE_WORDS: one word may stand before a headline's event)
@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("سرمين تفجير عبوة ناسفة بسيارة عسكرية على طريق البلدة", "Remote explosive/landmine/IED"),
    ("كفرنبل اغتيال قيادي في فصيل معارض بإطلاق نار على سيارته", "Attack"),
])
def test_events_ar_headline_opening_on_its_place_is_told(extractor, text, sub_event_type):
    assert [m.sub_event_type for m in mentions(extractor, text)] == [sub_event_type]


def test_events_ar_strike_post_needs_no_toll(extractor):
    # Syrian pages post a strike as it falls, in a few words: no toll, no verb.
    found = {m.sub_event_type for m in mentions(extractor, "قصف مدفعي على أطراف بلدة كفرنبل")}
    assert found == {"Shelling/artillery/missile attack"}


def test_events_ar_condemnation_keeps_the_toll_of_the_event_before(extractor):
    text = ("قصف مدفعي لقوات النظام على بلدة كفرنبل صباح اليوم. وأدان الائتلاف القصف الذي "
            "أدى إلى مقتل ثلاثة مدنيين.")
    found = mentions(extractor, text)
    assert [m.sub_event_type for m in found] == ["Shelling/artillery/missile attack"]
    assert found[0].figure("killed", "civilians") == (3, 3)


def test_events_ar_passing_attack_gives_way_to_the_arrest_told(extractor):
    # the attack named as the reason of an arrest: the arrest is the event
    text = "اعتقلت الشرطة ثلاثة شبان بتهمة الضلوع في اغتيال ضابط العام الماضي."
    assert {m.sub_event_type for m in mentions(extractor, text)} == {"Arrests"}
