"""Event type and sub-type coding (extract/events.py, the EVENT_RULES of lang/en.py and
lang/ar.py, pipeline.refine_types), on sentences written for these tests from ACLED's
sub-event definitions."""

from __future__ import annotations

import re
from datetime import date

import pytest

from warlog.extract.lang import ar, en
from warlog.extract.pipeline import Extractor
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document
from warlog.registry import default_registry

PUBLISHED = date(2016, 6, 5)

# ACLED's 6 event types and 25 sub-event types (codebook).
ACLED = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
ALL_SUB_TYPES = set().union(*ACLED.values())


def doc(text: str, language: str = "en", published: date | None = PUBLISHED) -> Document:
    return Document(id=text_hash(text), text=text, language=language, published=published)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(default_gazetteer(), default_registry())


def coded(extractor: Extractor, text: str, language: str = "en",
          published: date | None = PUBLISHED) -> str | None:
    mentions = extractor(doc(text, language, published))
    return mentions[0].sub_event_type if mentions else None


@pytest.mark.parametrize("module", [en, ar], ids=["en", "ar"])
def test_events_rules_name_acled_types_and_compile(module):
    rules = module.EVENT_RULES + getattr(module, "TOLL_RULES", [])
    for event_type, sub_event_type, pattern in rules:
        assert sub_event_type in ACLED[event_type], (event_type, sub_event_type)
        re.compile(pattern, re.I)


@pytest.mark.parametrize("module", [en, ar], ids=["en", "ar"])
def test_events_rules_cover_every_acled_sub_type(module):
    assert {sub for _, sub, _ in module.EVENT_RULES} == ALL_SUB_TYPES


# One or more sentences per sub-event type, English.
EN_CASES = [
    ("Dozens of residents were treated for breathing problems after a chlorine attack on the "
     "town on Tuesday.", "Chemical weapon"),
    ("A suicide bomber blew himself up at a crowded bus station on Friday, killing nine people.",
     "Suicide bomb"),
    ("Warplanes struck a fuel depot on the outskirts of the city overnight.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders on the highway.", "Air/drone strike"),
    ("Mortar shells landed on a residential district on Sunday, wounding four people.",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb hit a minibus carrying farm workers near the village on Monday.",
     "Remote explosive/landmine/IED"),
    ("An attacker threw a hand grenade into a police station on Saturday evening.", "Grenade"),
    ("Human rights investigators said soldiers raped at least five women in the village.",
     "Sexual violence"),
    ("Gunmen kidnapped a local aid worker from his car on the main road.",
     "Abduction/forced disappearance"),
    ("Militiamen executed seven villagers accused of helping the army.", "Attack"),
    ("Rebels and government troops clashed for hours on the edge of the town.", "Armed clash"),
    ("Soldiers exchanged fire with insurgents at a checkpoint before dawn.", "Armed clash"),
    ("Government troops recaptured the town from the rebels on Wednesday.",
     "Government regains territory"),
    ("Insurgents overran an army base in the north of the province.",
     "Non-state actor overtakes territory"),
    ("Rebel fighters entered the town after government forces withdrew overnight.",
     "Non-violent transfer of territory"),
    ("The army handed over control of the border crossing to the local police.",
     "Non-violent transfer of territory"),
    ("The two sides signed a ceasefire agreement in the capital on Thursday.", "Agreement"),
    ("The government and the rebels completed an exchange of prisoners on Monday.", "Agreement"),
    ("Police arrested a senior opposition leader at his home on Monday.", "Arrests"),
    ("Three armed factions announced they had merged into a single coalition.",
     "Change to group/activity"),
    ("The local commander and his men pledged allegiance to the group's new leader.",
     "Change to group/activity"),
    ("Army engineers defused a bomb planted under a bridge.", "Disrupted weapons use"),
    ("Air defences intercepted two drones over the airport late on Sunday.",
     "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition in a farmhouse.",
     "Disrupted weapons use"),
    ("The militia set up a new headquarters in the old school building.",
     "Headquarters or base established"),
    ("Armed men looted shops and stole cattle in the village overnight.",
     "Looting/property destruction"),
    ("Aircraft dropped leaflets over the city urging residents to leave.", "Other"),
    ("Hundreds of teachers staged a rally outside parliament to demand higher pay.",
     "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting outside the university.",
     "Protest with intervention"),
    ("Security forces opened fire on demonstrators in the capital, killing four.",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and set fire to a bank.", "Violent demonstration"),
    ("A mob lynched a man accused of stealing a motorcycle.", "Mob violence"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), EN_CASES)
def test_events_code_english_sub_types(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


# The same, Arabic.
AR_CASES = [
    ("قصفت قوات النظام بلدة في ريف إدلب بغاز الكلور صباح اليوم.", "Chemical weapon"),
    ("فجّر انتحاري حزاماً ناسفاً عند مدخل سوق شعبي في المدينة أمس.", "Suicide bomb"),
    ("شنّت طائرات حربية غارات جوية على أحياء سكنية في المدينة فجر اليوم.", "Air/drone strike"),
    ("سقطت قذائف هاون على حي سكني في المدينة مساء أمس.", "Shelling/artillery/missile attack"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية على الطريق الدولي صباح اليوم.",
     "Remote explosive/landmine/IED"),
    ("ألقى مجهولون قنبلة يدوية على محل تجاري وسط البلدة ليلة أمس.", "Grenade"),
    ("وثّقت منظمة حقوقية حالات اغتصاب ارتكبها مسلحون بحق نساء في القرية.", "Sexual violence"),
    ("أقدم مسلحون مجهولون على خطف طبيب من منزله في المدينة.", "Abduction/forced disappearance"),
    ("أعدم عناصر التنظيم خمسة مدنيين رمياً بالرصاص في ساحة البلدة.", "Attack"),
    ("اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على أطراف المدينة.", "Armed clash"),
    ("استعاد الجيش السيطرة على البلدة بعد معارك مع مسلحي التنظيم.",
     "Government regains territory"),
    ("سيطر مسلحو تنظيم الدولة على قرية في ريف المحافظة.", "Non-state actor overtakes territory"),
    ("دخلت قوات الجيش إلى البلدة دون قتال بعد انسحاب المسلحين منها.",
     "Non-violent transfer of territory"),
    ("توصّلت الأطراف المتحاربة إلى اتفاق لوقف إطلاق النار في المدينة.", "Agreement"),
    ("شنّت قوات الأمن حملة مداهمات واعتقلت عشرة شبان في الحي.", "Arrests"),
    ("أعلنت ثلاثة فصائل مسلحة اندماجها في تشكيل عسكري جديد.", "Change to group/activity"),
    ("فككت فرق الهندسة عبوة ناسفة زرعت على جانب الطريق.", "Disrupted weapons use"),
    ("أنشأت القوات التركية نقطة مراقبة جديدة في ريف إدلب.", "Headquarters or base established"),
    ("نهب مسلحون محتويات المنازل في القرية بعد تهجير سكانها.", "Looting/property destruction"),
    ("عُثر على مقبرة جماعية تضم رفات عشرات الأشخاص قرب المدينة.", "Other"),
    ("خرج مئات المتظاهرين في مظاهرة سلمية وسط المدينة للمطالبة بتحسين الخدمات.",
     "Peaceful protest"),
    ("فرّقت قوات الأمن المحتجين باستخدام الغاز المسيل للدموع أمام مبنى المحافظة.",
     "Protest with intervention"),
    ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين ما أدى إلى مقتل ثلاثة منهم.",
     "Excessive force against protesters"),
    ("رشق المحتجون قوات الأمن بالحجارة وأحرقوا إطارات السيارات في الشارع الرئيسي.",
     "Violent demonstration"),
    ("سحل حشد غاضب رجلاً متهماً بالسرقة في سوق البلدة.", "Mob violence"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), AR_CASES)
def test_events_code_arabic_sub_types(extractor, text, sub_event_type):
    assert coded(extractor, text, "ar") == sub_event_type


# Further sentences, in the words of other reports than the ones above.
EN_MORE = [
    ("Students were attacked by gunmen at the university.", "Attack"),
    ("Two police officers were attacked by militants at a checkpoint.", "Armed clash"),
    ("A bomb hit a family home in the east of the city, killing five.", "Air/drone strike"),
    ("A car bomb hit a crowded market on Sunday, killing 20.", "Remote explosive/landmine/IED"),
    ("Jihadists stormed a military outpost overnight, killing six soldiers.", "Armed clash"),
    ("Two policemen were shot dead by unidentified gunmen at a market.", "Attack"),
    ("Unknown assailants shot and killed a village chief on his farm.", "Attack"),
    ("An improvised explosive device went off beside a patrol vehicle, wounding three troops.",
     "Remote explosive/landmine/IED"),
    ("A landmine killed two shepherds grazing their flock near the frontline.",
     "Remote explosive/landmine/IED"),
    ("Artillery pounded rebel positions east of the city throughout the night.",
     "Shelling/artillery/missile attack"),
    ("A ballistic missile slammed into a residential tower, killing 11.",
     "Shelling/artillery/missile attack"),
    ("Coalition aircraft bombed a weapons depot used by the militants.", "Air/drone strike"),
    ("Helicopter gunships fired on a convoy of trucks heading to the border.", "Air/drone strike"),
    ("A female suicide bomber detonated her explosive vest at a checkpoint.", "Suicide bomb"),
    ("Residents reported a strong smell of chlorine after the shells hit.", "Chemical weapon"),
    ("Fighters abducted 20 schoolgirls from their dormitory in a night raid.",
     "Abduction/forced disappearance"),
    ("Witnesses said troops sexually assaulted women at the camp.", "Sexual violence"),
    ("Government forces regained control of the oil field on Tuesday.", "Government regains territory"),
    ("Rebels seized control of the main highway linking the two cities.",
     "Non-state actor overtakes territory"),
    ("The jihadists captured the airport after days of heavy fighting.",
     "Non-state actor overtakes territory"),
    ("Kurdish forces handed over several villages to government troops under a Russian-brokered deal.",
     "Non-violent transfer of territory"),
    ("The warring parties agreed to a 72-hour humanitarian truce starting Monday.", "Agreement"),
    ("The two militias swapped prisoners at a crossing point on Wednesday.", "Agreement"),
    ("Security forces detained 14 suspected members of an armed group in dawn raids.", "Arrests"),
    ("The rebel group changed its name and cut ties with al-Qaeda.", "Change to group/activity"),
    ("Hundreds of fighters defected from the armed opposition to government ranks.",
     "Change to group/activity"),
    ("The army sent reinforcements to the northern front on Friday.", "Change to group/activity"),
    ("Militants established a new base in the forest near the border.", "Headquarters or base established"),
    ("Troops set up checkpoints on all roads leading into the city.", "Headquarters or base established"),
    ("Bomb disposal experts dismantled an explosive device found near a school.", "Disrupted weapons use"),
    ("The navy intercepted a missile fired towards a commercial ship.", "Disrupted weapons use"),
    ("Police foiled a bomb plot targeting a church in the capital.", "Disrupted weapons use"),
    ("Border guards seized 200 rifles and thousands of rounds of ammunition from a smuggler's truck.",
     "Disrupted weapons use"),
    ("Militiamen torched dozens of houses in the village after the residents fled.",
     "Looting/property destruction"),
    ("Gunmen burned down a church and looted nearby shops.", "Looting/property destruction"),
    ("Thousands of workers went on strike over unpaid wages.", "Peaceful protest"),
    ("Riot police used batons and water cannon to break up a sit-in by students.",
     "Protest with intervention"),
    ("Soldiers shot dead three protesters at a demonstration in the capital.",
     "Excessive force against protesters"),
    ("Angry residents set fire to a police station after a man died in custody.", "Mob violence"),
    ("Rioters smashed shop windows and torched cars in the city centre.", "Violent demonstration"),
    ("Villagers beat a suspected thief to death.", "Mob violence"),
    ("Demonstrators chanted slogans against the government outside the embassy.", "Peaceful protest"),
    ("Ten people died when a building collapsed after heavy rains.", None),
    ("A fire at a textile factory killed 12 workers.", None),
    ("Rebels attacked an army convoy in an ambush on the highway.", "Armed clash"),
    ("Troops killed 15 militants in an operation in the mountains.", "Armed clash"),
    ("Gunmen opened fire on worshippers leaving a mosque, killing seven.", "Attack"),
    ("The government announced a unilateral ceasefire for the holiday.", "Agreement"),
    # a ground raid (the coalition's, against ISIS figures) is a clash; raids by warplanes
    # stay strikes from the air
    ("Coalition forces conducted a raid in al-Bab, killing an ISIS leader and his two sons.",
     "Armed clash"),
    ("The coalition carried out a landing operation in eastern Deir ez-Zor on Tuesday.", "Armed clash"),
    ("Russian warplanes carried out raids on Idlib, killing five.", "Air/drone strike"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), EN_MORE)
def test_events_code_more_english_phrasings(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


AR_MORE = [
    ("قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة في ريف حماة.", "Shelling/artillery/missile attack"),
    ("استهدفت طائرة مسيرة سيارة تقل قياديين في التنظيم على الطريق العام.", "Air/drone strike"),
    ("أسقطت الدفاعات الجوية طائرة مسيرة حاولت الاقتراب من القاعدة.", "Disrupted weapons use"),
    ("ضبطت الشرطة مستودعاً للأسلحة والذخائر في أحد المنازل.", "Disrupted weapons use"),
    ("أعلنت الحكومة هدنة إنسانية لمدة ثلاثة أيام بمناسبة العيد.", "Agreement"),
    ("جرت عملية تبادل الأسرى بين الطرفين عند معبر حدودي.", "Agreement"),
    ("انسحبت القوات الأمريكية من قاعدة عسكرية شمال البلاد.", "Change to group/activity"),
    ("وصلت تعزيزات عسكرية كبيرة للجيش إلى خطوط التماس.", "Change to group/activity"),
    ("أعلن فصيل مسلح مبايعته لتنظيم الدولة.", "Change to group/activity"),
    ("تظاهر المئات أمام مبنى البلدية احتجاجاً على انقطاع الكهرباء.", "Peaceful protest"),
    ("استخدمت الشرطة خراطيم المياه لتفريق المعتصمين.", "Protest with intervention"),
    ("اعتقلت قوات الأمن قيادياً في المعارضة من منزله.", "Arrests"),
    ("قُتل جندي وأصيب آخران في كمين نصبه مسلحون على الطريق.", "Armed clash"),
    ("اغتال مجهولون ناشطاً إعلامياً بإطلاق النار عليه في المدينة.", "Attack"),
    ("نصبت القوات حواجز على مداخل المدينة.", "Headquarters or base established"),
    ("أحرق مسلحون منازل المدنيين في القرية بعد تهجير سكانها.", "Looting/property destruction"),
    ("سلمت الفصائل مواقعها للجيش بموجب اتفاق التسوية.", "Non-violent transfer of territory"),
    ("حررت قوات الجيش عدة قرى من سيطرة التنظيم.", "Government regains territory"),
    # "areas the SDF holds" tells where a shell came from, not a takeover
    ("قصف مدفعي مصدره مناطق سيطرة قسد يستهدف مدينة اعزاز.", "Shelling/artillery/missile attack"),
    ("سيطرت هيئة تحرير الشام على بلدة كفرنبل بعد معارك عنيفة.", "Non-state actor overtakes territory"),
    # a raid is how arrests are made; a raid that kills is an attack
    ("قوات التحالف الدولي تداهم قرية الشاهر بريف الرقة الشرقي.", "Arrests"),
    ("نفذت قسد عملية مداهمة في قرية الشاهر شرقي الرقة فجر اليوم.", "Arrests"),
    ("مقتل شخصين وإصابة ثالث في عملية مداهمة لقسد في قرية الشاهر.", "Attack"),
    # a warplane, singular or definite; a bare strike by an air force came from the air
    ("قصفت طائرة حربية تركية قرية في ريف عين العرب اليوم.", "Air/drone strike"),
    ("مقتل ثلاثة أشخاص بقصف للطائرات الحربية الروسية على بلدة الجديدة.", "Air/drone strike"),
    ("إصابة شخصين باستهداف طيران الاحتلال الإسرائيلي قرية شطحة بريف حماة.", "Air/drone strike"),
    # two strikes or two shells: the dual names the weapon as the plural does
    ("قتل رجل في غارتين جويتين روسيتين على منزله في قرية الكريدية.", "Air/drone strike"),
    ("أصيب طفلان بسقوط قذيفتين على حي سكني في المدينة.", "Shelling/artillery/missile attack"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), AR_MORE)
def test_events_code_more_arabic_phrasings(extractor, text, sub_event_type):
    assert coded(extractor, text, "ar") == sub_event_type


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("The army recaptured the village on Monday.", "Government regains territory"),
    ("The militants recaptured the village on Monday.", "Non-state actor overtakes territory"),
    ("Security forces captured three villages from the insurgents.",
     "Government regains territory"),
    ("The rebels captured three villages from the army.", "Non-state actor overtakes territory"),
    ("The town fell to the militants after a week of fighting.",
     "Non-state actor overtakes territory"),
    ("The district was retaken by government forces on Friday.", "Government regains territory"),
])
def test_events_territory_taken_is_coded_by_who_took_it(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


def test_events_territory_arabic_subject_follows_the_verb(extractor):
    assert coded(extractor, "سيطر الجيش على القرية بعد معارك عنيفة.", "ar") == (
        "Government regains territory")


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a withdrawal with nobody named taking over changes the group's activity
    ("Foreign troops withdrew from the air base on Tuesday.", "Change to group/activity"),
    # a place taken once the other side left is a non-violent transfer
    ("Militia fighters took over the air base after foreign troops withdrew.",
     "Non-violent transfer of territory"),
    ("The insurgents seized a deserted army post near the border.",
     "Non-violent transfer of territory"),
    ("Tribal fighters took control of the town without a fight.",
     "Non-violent transfer of territory"),
])
def test_events_withdrawal_and_transfer(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Thousands marched through the capital on Friday against the new tax. Later in the day, "
     "clashes broke out between youths and police near parliament.", "Violent demonstration"),
    ("Teachers held a sit-in outside the ministry on Monday. Police detained 15 of them.",
     "Protest with intervention"),
    ("Opposition supporters staged a rally in the main square on Sunday. Speakers demanded "
     "new elections.", "Peaceful protest"),
    ("Police used water cannon against protesters on Saturday, and some protesters hurled "
     "bottles at officers.", "Violent demonstration"),
])
def test_events_protest_coded_by_what_crowd_and_police_did(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Shelling resumed on the southern districts despite the ceasefire.",
     "Shelling/artillery/missile attack"),
    ("Police found explosives hidden in a car and a bomb disposal team defused them.",
     "Disrupted weapons use"),
    ("Air defences shot down a drone approaching the base.", "Disrupted weapons use"),
    ("The ministry condemned the latest ballistic missile tests.", None),
])
def test_events_weapon_named_but_not_used(extractor, text, sub_event_type):
    assert coded(extractor, text) == sub_event_type


def test_events_bare_toll_takes_the_weapon_named_next(extractor):
    text = ("At least 12 civilians were killed in the town on Sunday. Witnesses said the "
            "bombs were dropped by warplanes circling overhead.")
    assert coded(extractor, text) == "Air/drone strike"


def test_events_toll_of_armed_men_alone_is_a_clash(extractor):
    text = "Eight soldiers were killed near the border on Saturday, officials said."
    assert coded(extractor, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "A powerful earthquake killed 30 people and destroyed hundreds of homes in the province.",
    "A gas explosion in a restaurant kitchen killed four people on Friday.",
    "Floods swept through three villages on Tuesday, and 17 people died.",
    "Nine passengers died when a bus collided with a truck on the highway.",
])
def test_events_disaster_tolls_are_no_event(extractor, text):
    assert extractor(doc(text)) == []


def test_events_undated_report_keeps_its_own_old_dates(extractor):
    # no publication date: a date years before today is the report's own date, not background
    text = "On 3 March 2019, rebels shelled the market of the town, killing five people."
    assert coded(extractor, text, published=None) == "Shelling/artillery/missile attack"


def test_events_dated_report_drops_old_events_as_background(extractor):
    text = ("Police arrested three opposition organisers in the city on Saturday. "
            "On 3 January 2016, rebels had shelled the same district, killing five people.")
    mentions = extractor(doc(text))
    assert [m.sub_event_type for m in mentions] == ["Arrests"]


def test_events_undated_report_drops_what_is_old_against_its_latest_date(extractor):
    text = ("Police arrested three opposition organisers in the city on 4 June 2016. "
            "On 3 January 2016, rebels had shelled the same district, killing five people.")
    mentions = extractor(doc(text, published=None))
    assert [m.sub_event_type for m in mentions] == ["Arrests"]
