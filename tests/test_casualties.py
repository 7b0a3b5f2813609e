"""Casualty figures on sentences written for these tests (English and Arabic): what
counts as a figure, its kind (killed / injured), its victims and its (low, high) range."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.eval import airwars_gaza, fakes
from warlog.extract.casualties import find_casualties, parse_number
from warlog.extract.context import DocContext
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import DateRef, Document, Mention
from warlog.registry import default_registry


def figures(text: str, language: str = "en") -> list[tuple[str, int, int, str]]:
    doc = Document(id=text_hash(text), text=text, language=language)
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    return [(c.kind, c.low, c.high, c.victims) for c in find_casualties(ctx, ctx.sentences)]


def spans(text: str, language: str = "en"):
    doc = Document(id=text_hash(text), text=text, language=language)
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    return doc, find_casualties(ctx, ctx.sentences)


def arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


# -- the figure, its kind and its victims ---------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Artillery fire on the old town killed 14 civilians on Tuesday.",
     {("killed", 14, 14, "civilians")}),
    ("Nine villagers were reportedly killed when the drone hit a wedding party.",
     {("killed", 9, 9, "civilians")}),
    ("Seven rebels died in the assault on the checkpoint.", {("killed", 7, 7, "combatants")}),
    ("The raid killed 23 fighters and three gunmen.",
     {("killed", 23, 23, "combatants"), ("killed", 3, 3, "combatants")}),
    ("Twelve militants were killed in the ambush.", {("killed", 12, 12, "combatants")}),
    ("Three medics and two aid workers were killed when the clinic was shelled.",
     {("killed", 3, 3, "civilians"), ("killed", 2, 2, "civilians")}),
    ("Eleven patients died after the hospital was struck.", {("killed", 11, 11, "civilians")}),
    ("Two journalists were wounded by shrapnel.", {("injured", 2, 2, "civilians")}),
    ("Six students and a teacher were injured in the blast near the school.",
     {("injured", 6, 6, "civilians"), ("injured", 1, 1, "civilians")}),
    ("Four worshippers were killed as they left the mosque.", {("killed", 4, 4, "civilians")}),
    ("The bombing left 40 dead and 70 wounded.",
     {("killed", 40, 40, ""), ("injured", 70, 70, "")}),
    ("A car bomb killed 8 people and wounded 31 others in the market.",
     {("killed", 8, 8, ""), ("injured", 31, 31, "")}),
    ("The toll from the strike on the bakery has risen to 19.", {("killed", 19, 19, "")}),
    ("Rescuers said the death toll stood at 27 by the evening.", {("killed", 27, 27, "")}),
    ("At least 17 members of the same family were killed in the strike.",
     {("killed", 17, 17, "civilians")}),
    ("The blast killed 30 members of the Revolutionary Front at their base.",
     {("killed", 30, 30, "combatants")}),
    ("The shelling killed nine people, among them four children.",
     {("killed", 9, 9, ""), ("killed", 4, 4, "children")}),
    ("Fifteen people, including three women, were injured.",
     {("injured", 15, 15, ""), ("injured", 3, 3, "women")}),
    ("Eight people were killed, five of them children.",
     {("killed", 8, 8, ""), ("killed", 5, 5, "children")}),
    ("The air raid killed five women and a child.",
     {("killed", 5, 5, "women"), ("killed", 1, 1, "children")}),
    ("A paramedic was killed and a nurse was wounded in the attack on the ambulance.",
     {("killed", 1, 1, "civilians"), ("injured", 1, 1, "civilians")}),
    ("A husband and wife were killed when the shell hit their house.",
     {("killed", 2, 2, "civilians")}),
    ("Two 12-year-old boys were killed by the mortar round.", {("killed", 2, 2, "children")}),
    ("Sixteen Afghans were killed when the bus hit a mine.", {("killed", 16, 16, "")}),
    # Arabic
    ("استشهد 14 مدنياً في قصف على البلدة.", {("killed", 14, 14, "civilians")}),
    ("قتل ثلاثة أطفال وأصيب خمسة آخرون في القصف.",
     {("killed", 3, 3, "children"), ("injured", 5, 5, "")}),
    ("استشهد تسعة مدنيين بينهم طفلان وامرأتان.",
     {("killed", 9, 9, "civilians"), ("killed", 2, 2, "children"), ("killed", 2, 2, "women")}),
    ("سقط 6 قتلى و17 جريحاً في انفجار سيارة.",
     {("killed", 6, 6, ""), ("injured", 17, 17, "")}),
    ("ارتفع عدد الشهداء إلى 31 شهيداً.", {("killed", 31, 31, "")}),
    ("قتل سبعة عناصر من قوات النظام في الهجوم.", {("killed", 7, 7, "combatants")}),
    ("استشهد طفل وأصيب اثنان آخران بجروح.", {("killed", 1, 1, "children"), ("injured", 2, 2, "")}),
    ("أسفرت الغارة عن مقتل شهيدين.", {("killed", 2, 2, "")}),
])
def test_casualties_kind_and_victims(text, expected):
    assert set(figures(text, "ar" if arabic(text) else "en")) == expected


# -- what is not a count of people -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Three children were killed in five separate air strikes on the town.",
    "Six days of shelling have killed three children in the camp.",
    "A strike on Tuesday 14 March 2017 killed three children.",
    "Three children, one of them a 13-year-old girl, were killed at about 9:30 pm.",
    "Three children were killed in the strike, which hit 12 homes and 4 schools.",
    "The 2016 offensive killed three children in Block 9 of the camp.",
    "Three children (aged 7, 9 and 11) were killed, their uncle, 45, said.",
    "Three children were killed on 3 October, 20 km from the border.",
])
def test_casualties_not_a_count(text):
    assert figures(text) == [("killed", 3, 3, "children")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four people were killed and 15 injured in the attack.",
     [("killed", 4, 4, ""), ("injured", 15, 15, "")]),
    ("Two civilians were killed and at least nine others were wounded.",
     [("killed", 2, 2, "civilians"), ("injured", 9, 9, "")]),
    ("Six people were killed and dozens more were wounded.",
     [("killed", 6, 6, ""), ("injured", 12, 99, "")]),
    ("The strike killed two and injured 15.", [("killed", 2, 2, ""), ("injured", 15, 15, "")]),
    ("The suicide bomber killed 30 people injured 90 at the wedding.",  # punctuation lost
     [("killed", 30, 30, ""), ("injured", 90, 90, "")]),
    ("11 civilians killed 40 injured in rocket attack on the city",  # a headline
     [("killed", 11, 11, "civilians"), ("injured", 40, 40, "")]),
])
def test_casualties_killed_and_n_is_the_wounded(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "More than 300,000 people have been killed since 2011.",
    "The war, which has killed hundreds of thousands of people, is in its seventh year.",
    "The conflict has killed 400,000 people and displaced millions.",
    "The monitor documented the killing of 5,000 civilians over the past year.",
    "Since the start of the war, 20,000 children have been killed.",
    "قتل أكثر من 300 ألف شخص منذ عام 2011.",
    "قتل 25 شخصا منذ بداية الحرب في المدينة.",
])
def test_casualties_war_totals_are_background(text):
    assert figures(text, "ar" if arabic(text) else "en") == []


def test_casualties_superlative_since_is_not_background():
    text = "The strike killed 41 people, the deadliest attack on the city since 2015."
    assert figures(text) == [("killed", 41, 41, "")]


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 2,000 people have died in the war so far, and the strike killed 12 civilians.",
     [("killed", 12, 12, "civilians")]),
    ("The strike killed 12 civilians in the war-torn city.", [("killed", 12, 12, "civilians")]),
    ("The death toll from the market bombing rose from 10 to 15 overnight.",
     [("killed", 15, 15, "")]),
])
def test_casualties_war_clause_and_updated_toll(text, expected):
    assert figures(text) == expected


# -- ranges and vague quantities (ACLED: dozens = 12, tens = 10, hundreds = 100) -------
@pytest.mark.parametrize(("text", "expected"), [
    ("Dozens of people were killed in the raids.", ("killed", 12, 99, "")),
    ("A dozen soldiers were killed.", ("killed", 12, 12, "combatants")),
    ("Two dozen civilians were killed.", ("killed", 24, 24, "civilians")),
    ("Hundreds of people were injured.", ("injured", 100, 999, "")),
    ("Between 10 and 15 civilians were killed.", ("killed", 10, 15, "civilians")),
    ("Up to 40 fighters died in the assault.", ("killed", 40, 40, "combatants")),
    ("More than 20 people were killed.", ("killed", 20, 20, "")),
    ("Two or three civilians were killed.", ("killed", 2, 3, "civilians")),
    ("Scores of troops were killed.", ("killed", 20, 99, "combatants")),
    ("قتل عشرات المدنيين في الغارات.", ("killed", 10, 99, "civilians")),
    ("قتل ما لا يقل عن عشرين شخصا.", ("killed", 20, 20, "")),
    ("قتل ما بين 10 و15 شخصا في الهجوم.", ("killed", 10, 15, "")),
])
def test_casualties_ranges_and_vague_words(text, expected):
    assert figures(text, "ar" if arabic(text) else "en") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("A number of civilians were killed and injured in the strike.",
     {("killed", 2, 9, "civilians"), ("injured", 2, 9, "civilians")}),
    ("The raid caused an unknown number of deaths and injuries.",
     {("killed", 2, 99, ""), ("injured", 2, 99, "")}),
    ("Twelve people were killed or injured.", set()),  # no split is honest
    ("Dozens of people were killed or wounded.", set()),  # maybe nobody died
])
def test_casualties_killed_and_injured_together(text, expected):
    assert set(figures(text)) == expected


# -- families ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("A family of five was killed when the strike hit their home.",
     {("killed", 5, 5, "civilians")}),
    ("Ahmad, his wife and their three children were killed in the strike.",
     {("killed", 5, 5, "civilians"), ("killed", 3, 3, "children")}),
    ("A farmer was killed along with his four children.",
     {("killed", 1, 1, "civilians"), ("killed", 5, 5, "civilians"), ("killed", 4, 4, "children")}),
    ("The strike hit the house, killing Samir Haddad alongside 9 relatives.",
     {("killed", 10, 10, "civilians"), ("killed", 9, 9, "civilians")}),
    ("Six members of the Nasser family, including two children, were killed.",
     {("killed", 6, 6, "civilians"), ("killed", 2, 2, "children")}),
])
def test_casualties_family_totals(text, expected):
    assert set(figures(text)) == expected


# -- Arabic: people counted without a figure -------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a toll noun on its own is one; the person it names gives the victims
    ("سقوط شهيد وعدد من الجرحى بقصف مدفعي على بلدة كفرنبل.",
     {("killed", 1, 1, ""), ("injured", 2, 9, "")}),
    ("شهيدة طفلة وجرحى من عائلتها بقصف على قرية الهبيط.",
     {("killed", 1, 1, "children"), ("injured", 1, 9, "")}),
    ("طفل جريح جراء قصف صاروخي على أطراف المخيم.", {("injured", 1, 1, "children")}),
    ("ارتقى الشاب شهيداً بقصف الطائرات على البلدة.", {("killed", 1, 1, "")}),
    # a person after the verb, as its object, or before it
    ("استشهد الإعلامي أنس بغارة جوية على مدينة مورك.", {("killed", 1, 1, "civilians")}),
    ("قذائف النظام تقتل طفلاً شرق إدلب.", {("killed", 1, 1, "children")}),
    ("امرأة قتلت متأثرة بجراحها بعد القصف على البلدة.", {("killed", 1, 1, "women")}),
    ("هوية المدني الذي استشهد في قصف على القرية.", {("killed", 1, 1, "civilians")}),
    ("استشهد مواطن وأصيب آخر بقصف مدفعي على البلدة.",
     {("killed", 1, 1, "civilians"), ("injured", 1, 1, "")}),
    ("استهدفت الطائرة شخصاً في البادية ما أدى لمقتله على الفور.", {("killed", 1, 1, "")}),
    # named people: in quotes, a list of quoted names, a given name
    ('مقتل "سامر العبد الله" برصاص دورية في القرية.', {("killed", 1, 1, "")}),
    ('مقتل كل من "عبد الفتاح الحمد" و"علي الحسن" في القصف.', {("killed", 2, 2, "")}),
    ("استشهاد أحمد نواف الخلف وإصابة ستة آخرين بقصف على المدينة.",
     {("killed", 1, 1, ""), ("injured", 6, 6, "")}),
    ("ارتقاء كل من السيدتين حفيظة وصباح جراء القصف.", {("killed", 2, 2, "women")}),
    # the martyr named after three words of who he was
    ('شيعت المدينة اليوم الشهيد الصحفي والإعلامي الحر "أنس خربطلي" الذي ارتقى إثر غارة جوية.',
     {("killed", 1, 1, "")}),
])
def test_casualties_arabic_one_person(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people joined by "و" are added: pairs, relatives tied by a pronoun, duals
    ("استشهاد أم وابنها في الاستهداف التركي لسيارة.", {("killed", 2, 2, "civilians")}),
    ("استشهاد امرأة وطفلتها بقصف مدفعي على البلدة.", {("killed", 2, 2, "civilians")}),
    ("استشهد طفل وطفلة وأصيب أربعة آخرون بقصف على المدرسة.",
     {("killed", 2, 2, "children"), ("injured", 4, 4, "")}),
    ("مقتل رجل وإصابة زوجته وطفليهما جراء غارة على المنزل.",
     {("killed", 1, 1, ""), ("injured", 3, 3, "civilians")}),
    ("مما أدى إلى استشهاد رجلين وطفل من عائلة واحدة.", {("killed", 3, 3, "")}),
    ("بقي ضحيتين يتم الكشف عليهم في المشفى.", {("killed", 2, 2, "")}),
    ("مقتل طفلين شقيقين بانفجار لغم في الحقل.", {("killed", 2, 2, "children")}),  # the same two
    # a subset's members stay apart; "بينهم" ends the figure's phrase
    ("استشهاد 5 بينهم طفلان وامرأة بقصف على الحي.",
     {("killed", 5, 5, ""), ("killed", 2, 2, "children"), ("killed", 1, 1, "women")}),
])
def test_casualties_arabic_people_joined(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a plural with no figure: "-ين" may be a dual, so two or more; up to nine
    ("مقتل نازحين بغارات على مخيم قرب سرمدا.", {("killed", 2, 9, "civilians")}),
    ("إصابة مواطنين في القصف التركي على قرية المشيرفة.", {("injured", 2, 9, "civilians")}),
    ("مقتل أربعة أشخاص وإصابة آخرين بقصف على السوق.",
     {("killed", 4, 4, ""), ("injured", 2, 9, "")}),
    ("مقتل عائلة كاملة بقصف على القرية.", {("killed", 2, 9, "civilians")}),
    ("وزارة الصحة:استشهاد مدنيين في العناية المشددة.", {("killed", 2, 9, "civilians")}),
    # killed and injured told together: at least one of each
    ("صاروخ يقتل ويصيب مدنيين في حي الصناعة.",
     {("killed", 1, 9, "civilians"), ("injured", 1, 9, "civilians")}),
    ("سقوط 7 قتلى وجرحى بقصف على السوق.", {("killed", 1, 6, ""), ("injured", 1, 6, "")}),
    # a figure says how many: the family's, the toll's with no noun
    ("استشهاد عائلة مؤلفة من 5 أشخاص بقصف على منزلهم.", {("killed", 5, 5, "civilians")}),
    ("وراح ضحيتها في حصيلة أولية 12 وأصيب 23 آخرون.",
     {("killed", 12, 12, ""), ("injured", 23, 23, "")}),
    ("أحفاده الذين أضحوا بين قتيل ومصاب في القصف.", set()),  # some of each: no count
    # a plural with no count at all: some, how many untold
    ("جرحى مدنيون في حصيلة أولية لقصف مدفعي على البلدة.", {("injured", 1, 9, "")}),
    # "one of the dead": two dead or more
    ("طارق الأعور أحد قتلى انفجار المنطقة الصناعية.", {("killed", 2, 9, "")}),
    # lives lost
    ("فقد مدني حياته وأصيب 3 آخرون بقصف على السيارة.",
     {("killed", 1, 1, "civilians"), ("injured", 3, 3, "")}),
    ("فقدان خمسة أشخاص لحياتهم بقصف على منبج.", {("killed", 5, 5, "")}),
    ("فقدت طفلة تبلغ من العمر 12 عاما حياتها بقصف على القرية.", {("killed", 1, 1, "children")}),
    # two who lost their lives, told by a dual
    ("فقد مدنيان حياتهما وأصيب ثلاثة آخرون بقصف على القرية.",
     {("killed", 2, 2, "civilians"), ("injured", 3, 3, "")}),
    ("فقدان طفلين حياتهما بقصف استهدف ريف عين عيسى.", {("killed", 2, 2, "children")}),
    # "N من X": X are the people counted
    ("مقتل 18 من جنود النظام بانفجار في الثكنة.", {("killed", 18, 18, "combatants")}),
    ("استشهاد 19 من المدنيين بقصف على السوق.", {("killed", 19, 19, "civilians")}),
    # a breakdown in brackets is a subset of the figure before it
    ("قال المراسل إن 5 مدنيين (4 أطفال وسيدة) قتلوا جراء القصف.",
     {("killed", 5, 5, "civilians"), ("killed", 4, 4, "children")}),
])
def test_casualties_arabic_some_people(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize("text", [
    "81 قتيلا ونحو 1300 إصابة في حوادث السير منذ بداية 2025.",
    "وثق الفريق مقتل 65 مدنيا بينهم 29 طفلا خلال الفترة الممتدة من مطلع حزيران حتى تموز.",
    "قتل أكثر من 65 مدنيا منذ بدء تصعيد القصف على المنطقة.",
    "وثقت الشبكة مقتل 501 مدني خلال النصف الأول من العام.",
    "مقتل 23 مدنيا خلال شهر أيار في القصف على المنطقة.",
    "قتل 40 مدنيا خلال الشهر الماضي في المحافظة.",
])
def test_casualties_arabic_tallies_of_a_period_are_background(text):
    assert figures(text, "ar") == []


@pytest.mark.parametrize("text", [
    # told to be none
    "استهدف القصف أطراف البلدة دون وقوع إصابات بين المدنيين.",
    "وأكدت القيادة أنه لم يسقط قتلى أو جرحى مدنيين في هذه الضربة.",
    # no act of war: a road accident, a boat lost at sea
    "فقدان 25 شخصا لحياتهم وإصابة 44 جراء انقلاب حافلة على الطريق.",
    "مقتل 12 شخصا في حوادث سير خلال عطلة العيد.",
    "وفاة 62 شخصا وإصابة نحو 9500 بالكوليرا في المحافظة.",
    # a day's roundup of many places is no one event's toll
    "مقتل 11 شخصا في حوادث متفرقة بسوريا.",
    # a clock time: "الساعة الحادية عشرة"
    "موعد الدفن الساعة الحادية عشرة موقف النساء في صالة العزاء.",
])
def test_casualties_arabic_no_conflict_toll(text):
    assert figures(text, "ar") == []


def test_casualties_arabic_glued_full_stop_ends_the_clause():
    # "…بادلب.وقال": no space after the stop; the month's tally after it is background,
    # the strike's toll before it is not
    text = ("تجدد القصف المدفعي على جبل الزاوية. استشهد طفل وأصيب رجل بقصف على قرية كنصفره.وقال "
            "الفريق إن 40 مدنيا قتلوا خلال شهر أيار في المنطقة.")
    assert set(figures(text, "ar")) == {("killed", 1, 1, "children"), ("injured", 1, 1, "")}


@pytest.mark.parametrize(("text", "expected"), [
    ("أسماء الشهداء:\nأحمد خالد العلي\nمحمود خالد العلي\nياسر خالد العلي\n\nوأصيب آخرون بجروح.",
     {("killed", 3, 3, ""), ("injured", 2, 9, "")}),
    ("الشهداء هم: فاطمة حسين، وابنتها نسرين، ومريم باسل العبود.", {("killed", 3, 3, "")}),
    ("وإصابة كل من:\n1_ محمد الأحمد\n2_ خالد السعيد\n3_ زكريا حلبية", {("injured", 3, 3, "")}),
    # a heading right after a bullet, numbered "1." lines
    ("▪️الشهداء :\n1. السيدة فاطمة حسين 28 سنة\n2. نسرين حسن 2 سنة\n3. مريم باسل",
     {("killed", 3, 3, "")}),
    # a heading over lines of prose is no list
    ("والشهداء هم:\n– 19 من المدنيين بينهم 4 سيدات قتلوا بقصف بري لقوات النظام منذ مطلع العام",
     set()),
])
def test_casualties_arabic_lists_of_names(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the related-articles list under the report: its headlines' tolls are other stories'
    ("استشهد طفل بقصف مدفعي على بلدة كفرعويد جنوب إدلب صباح اليوم.\n\nاقرأ أيضاً\n\n"
     "مقتل 7 مدنيين بغارة على سوق في ريف حماة\n\nإصابة 4 أشخاص بانفجار في الباب",
     {("killed", 1, 1, "children")}),
    ("قتلت امرأة بقصف على قرية مرعيان.\n\nالسابق\n\n11 قتيلا بظروف مختلفة في يوم واحد\n\n"
     "التالي\n\nمقتل شابين برصاص مجهولين في درعا", {("killed", 1, 1, "women")}),
    # the heading and the headline on one line
    ("أصيب 3 مدنيين بقصف صاروخي على مدينة الأتارب.\nاقرأ أيضا: مقتل 9 أشخاص في غارة على إدلب",
     {("injured", 3, 3, "civilians")}),
    ("Two civilians were killed in a drone strike near Raqqa.\n\nRelated\n\n"
     "Five killed in shelling of Idlib market", {("killed", 2, 2, "civilians")}),
    # the list ends where prose starts again: the report's own toll after it is read
    ("مقالات ذات صلة\n\nمقتل 6 أشخاص بقصف على معرة النعمان\n\nقال الدفاع المدني إن 4 مدنيين "
     "قتلوا اليوم بقصف جوي روسي استهدف منازل المدنيين في بلدة البارة بريف إدلب الجنوبي، "
     "وإن فرقه انتشلت الجثث من تحت الأنقاض.", {("killed", 4, 4, "civilians")}),
    # no heading: short lines of the report itself are read
    ("مقتل 5 مدنيين بغارة على سرمدا\n\nإصابة 8 آخرين", {("killed", 5, 5, "civilians"),
                                                          ("injured", 8, 8, "")}),
    # a news site's column of latest headlines between the title and the article
    ("إصابة طفلين بقصف مدفعي على قرية في ريف تل تمر -وكالة\n\nالأحد 3 أيار, 2026\n\n"
     "مقتل رجل مسن في الرقة برصاص مجهولين مساء أمس\n\n6 قتلى و3 مصابين في هجمات متفرقة خلال "
     "الشهر الماضي\n\nافتتاح معرض للكتاب في مدينة القامشلي بمشاركة واسعة\n\nتوثيق مقتل 120 "
     "شخصاً في سوريا خلال نيسان بينهم 9 نساء\n\nارتفاع أسعار الخبز في أسواق الحسكة هذا الأسبوع",
     {("injured", 2, 2, "children")}),
    # a list of the dead above the text is the report's own, however long
    ("الشهداء :\n1. السيدة فاطمة حسين من أهالي القرية 28 سنة\n2. الطفلة نسرين حسن من أهالي "
     "القرية\n3. الشاب مريم باسل العبود من أهالي القرية\n4. الشاب خالد سامر العبود من أهالي "
     "القرية\n5. الشاب يوسف سامر العبود من أهالي القرية\nقضوا بقصف مدفعي على القرية صباح اليوم، "
     "وفق ما أفاد به ناشطون من المنطقة لمراسلنا هناك.", {("killed", 5, 5, "")}),
])
def test_casualties_other_stories_headlines_skipped(text, expected):
    assert set(figures(text, "ar" if arabic(text) else "en")) == expected


def test_casualties_arabic_word_glued_to_page_buttons():
    # a copied Facebook post: "شخص" runs into "All reactions"
    text = "طائرة مسيرة تستهدف سيارة شمالي إدلب وتسفر عن مقتل شخصAll reactions:58 comments"
    assert figures(text, "ar") == [("killed", 1, 1, "")]


@pytest.mark.parametrize(("text", "expected"), [
    # the children, their mother (or both parents) and one more
    ("مقتل ثلاثة أطفال وأمهم وطفل آخر بقصف مدفعي على قرية بليون.",
     {("killed", 3, 3, "children"), ("killed", 5, 5, "civilians")}),
    ("استشهد 4 أطفال ووالدتهم بغارة على منزلهم في سرمين.",
     {("killed", 4, 4, "children"), ("killed", 5, 5, "civilians")}),
    ("قتل خمسة أطفال مع والديهم بقصف جوي على مزرعة قرب جسر الشغور.",
     {("killed", 5, 5, "children"), ("killed", 7, 7, "civilians")}),
    # a subset is no family: "بينهم 3 أطفال وأمهم" adds nothing to the toll
    ("قتل 8 مدنيين بينهم 3 أطفال وأمهم بقصف على أريحا.",
     {("killed", 8, 8, "civilians"), ("killed", 3, 3, "children")}),
])
def test_casualties_arabic_children_and_their_parents(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "فقيداً": Kurdish agencies' word for the dead
    ("ارتفع عدد ضحايا القصف على قرية تل شعير إلى 7 فقيداً.", {("killed", 7, 7, "")}),
    # a band of the dead, how many untold
    ("تزف بلدة كفرتخاريم كوكبة من الشهداء قضوا بغارة جوية على مخيمهم.", {("killed", 2, 9, "")}),
    # a massacre with no toll: five or more (SNHR's definition)
    ("مجزرة مروعة ترتكبها الطائرات الحربية بقصف سوق مدينة بنش.", {("killed", 5, 99, "")}),
    # ... a toll in the same event says how many
    ("ارتكبت الطائرات مجزرة في بنش راح ضحيتها 6 مدنيين.", {("killed", 6, 6, "civilians")}),
    # plural massacres are rhetoric, not one event's toll
    ("يصمت العالم أمام مجازر النظام في الشمال.", set()),
])
def test_casualties_arabic_tolls_without_a_figure(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the tally of a period's attacks, in the sentence after the period is named
    ("استشهد طفل بقصف على كفرنبل. واستجابت الفرق منذ بداية حزيران لأكثر من 200 هجوم. "
     "وتسببت تلك الهجمات بمقتل 61 شخصاً بينهم 20 طفلاً.", {("killed", 1, 1, "children")}),
    # ... but "the latest of those violations" is this report
    ("وآخر تلك الخروقات قصف مدفعي على قرية الحردانة أسفر عن إصابة 3 مدنيين.",
     {("injured", 3, 3, "civilians")}),
    # an anniversary recalls an old massacre's toll
    ("قتل رجل بقصف على خان شيخون. ونستذكر اليوم الذكرى الأليمة لمجزرة الكيماوي التي قتل فيها "
     "أكثر من 90 شخصاً.", {("killed", 1, 1, "")}),
    # an aside recalls another incident
    ("قتلت امرأة بقصف على مرعيان. يذكر أن الطيران استهدف بلدة قطمة الأسبوع الفائت ما أدى "
     "إلى مقتل ستة أشخاص.", {("killed", 1, 1, "women")}),
    ("أصيب طفلان بقصف على الأتارب. والجدير بالذكر أن قصفاً مماثلاً قتل 4 مدنيين في المدينة.",
     {("injured", 2, 2, "children")}),
])
def test_casualties_arabic_other_incidents_recalled(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected", "language"), [
    # who a vehicle carried is no toll; who died in it is
    ("صاروخ موجه يستهدف سيارة تقل 5 أشخاص قرب مريمين، ما أدى لاستشهاد امرأة.",
     {("killed", 1, 1, "women")}, "ar"),
    ("A missile hit a car carrying four people near Afrin, killing a woman.",
     {("killed", 1, 1, "women")}, "en"),
])
def test_casualties_passengers_are_not_a_toll(text, expected, language):
    assert set(figures(text, language)) == expected


# -- numbers ----------------------------------------------------------------------------
@pytest.mark.parametrize(("words", "expected"), [
    ("two dozen", (24, 24)), ("two or three", (2, 3)), ("one hundred and twenty", (120, 120)),
    ("a couple of", (2, 2)), ("more than 1,200", (1200, 1200)), ("well over 100", (100, 100)),
    ("خمسه وعشرين", (25, 25)), ("ثلاثه عشر", (13, 13)), ("اثنا عشر", (12, 12)),
    ("مئه وعشرون", (120, 120)), ("ثلاث مئه", (300, 300)), ("ما لا يقل عن عشرين", (20, 20)),
    ("ما بين 10 و15", (10, 15)), ("عشرات", (10, 99)),
])
def test_casualties_parse_number_more_forms(words, expected):
    assert parse_number(words) == expected


_ONES = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "zero ten twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """1..999 in English words, as a reporter writes them."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        parts.append(_TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest >= 10:
        parts.append(_TEENS[rest - 10])
    elif rest:
        parts.append(_ONES[rest])
    return " and ".join(parts) if hundreds and rest else " ".join(parts)


@given(st.integers(min_value=1, max_value=999))
def test_casualties_parse_number_words_roundtrip(n):
    assert parse_number(_words(n)) == (n, n)


_VICTIMS = {"civilians": "civilians", "children": "children", "women": "women",
            "fighters": "combatants", "soldiers": "combatants", "people": "",
            "residents": "civilians", "militants": "combatants"}
_QUALIFIERS = ["", "at least ", "more than ", "some ", "nearly ", "an estimated "]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=4000), st.sampled_from(sorted(_VICTIMS)),
       st.sampled_from(_QUALIFIERS), st.sampled_from(["were killed", "died", "were injured"]))
def test_casualties_any_figure_with_victims_and_verb(n, noun, qualifier, verb):
    text = f"{qualifier.capitalize() or ''}{n:,} {noun} {verb} in the attack on Sunday."
    kind = "injured" if "injured" in verb else "killed"
    assert figures(text) == [(kind, n, n, _VICTIMS[noun])]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=900), st.integers(min_value=2, max_value=900),
       st.sampled_from(sorted(_VICTIMS)))
def test_casualties_killed_then_wounded_are_two_figures(killed, injured, noun):
    text = f"The strike killed {killed} {noun} and wounded {injured} others, medics said."
    assert figures(text) == [("killed", killed, killed, _VICTIMS[noun]),
                             ("injured", injured, injured, "")]
    text = f"{killed} {noun} were killed and {injured} injured."
    assert figures(text) == [("killed", killed, killed, _VICTIMS[noun]),
                             ("injured", injured, injured, "")]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=28), st.integers(min_value=1990, max_value=2030))
def test_casualties_dates_are_never_figures(day, year):
    text = f"On {day} June {year}, an air strike killed 3 civilians."
    assert figures(text) == [("killed", 3, 3, "civilians")]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=99), st.sampled_from(["مدنيا", "شخصا", "عنصرا"]))
def test_casualties_arabic_digits_and_verbs(n, noun):
    eastern = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    victims = {"مدنيا": "civilians", "شخصا": "", "عنصرا": "combatants"}[noun]
    assert figures(f"استشهد {eastern} {noun} في القصف.", "ar") == [("killed", n, n, victims)]
    assert figures(f"أصيب {n} {noun} بجروح.", "ar") == [("injured", n, n, victims)]


def test_casualties_spans_point_into_the_text():
    text = ("DARAYA (Wire) - Eleven civilians, including two women, were killed and 20 "
            "injured on Friday. استشهد طفلان في القصف.")
    doc, found = spans(text, "en")
    assert found
    for c in found:
        assert doc.text[c.span.start:c.span.end] == c.span.text


# -- article-level figures in the evaluators --------------------------------------------
def _mention_from(text: str) -> Mention:
    """One mention holding every sentence of ``text`` and every figure in it."""
    doc = Document(id=text_hash(text), text=text, language="en")
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    return Mention(
        id="m", document_id=doc.id, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", trigger=ctx.span(0, 1),
        date=DateRef(event_date=date(2016, 1, 1)),
        sentences=[ctx.span(s, e) for s, e in ctx.sentences],
        casualties=find_casualties(ctx, ctx.sentences))


@pytest.mark.parametrize(("text", "expected"), [
    # the lead toll, not a larger figure from another strike or a campaign total
    ("An air strike on the market killed 12 civilians, including three children. "
     "Strikes across the province have killed 230 civilians this week.", (12, 3, 0)),
    # a vague lead gives way to the first number
    ("Dozens of people were killed in the shelling. The monitor put the toll at 58, "
     "among them 11 children.", (58, 11, 0)),
    # nobody says who the dead were: they count as civilians
    ("A car bomb killed 9 people outside the bakery. Later raids killed 40 people.", (9, 0, 0)),
    # the lead counts fighters only: no civilians in this event
    ("The ambush killed 14 soldiers. Elsewhere shelling killed 6 civilians.", (0, 0, 0)),
    ("Two women and three children were killed when the shell hit the house.", (5, 3, 2)),
])
def test_casualties_fakes_article_reads_the_lead_toll(text, expected):
    assert fakes.civilian_count([_mention_from(text)]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two children and a woman were killed in the strike.", (3, 3)),  # only subsets named
    ("Three children and two women were killed; 4 others were injured.", (5, 5)),
    ("At least 6 civilians, among them two children, were killed.", (6, 6)),
    ("The strike killed 4 people; medics later said 7 had died.", (4, 7)),
])
def test_casualties_airwars_killed_range_counts_children_and_women(text, expected):
    assert airwars_gaza.figure_range([_mention_from(text)], "killed") == expected


@pytest.mark.parametrize("text", [
    "The war has killed more than 300,000 people since 2011.",
    "Five civilians were killed on Monday.",
    "قتل أكثر من 500 ألف شخص منذ عام 2011 في سوريا.",
    "قتل خمسة مدنيين منذ بداية الحرب",
    "The strike, the deadliest since March, killed 12.",
    "منذ الصباح قتل ثلاثة",
])
def test_casualties_background_in_two_parts_same_as_one_pattern(text):
    import re

    from warlog.extract import casualties
    from warlog.extract.lang import ar, en

    joined = re.compile(en.CASUALTY_BACKGROUND + "|" + ar.CASUALTY_BACKGROUND, re.I)
    arabic = casualties.ARABIC_BLOCK.search(text) is not None
    assert casualties._background(text, arabic) == bool(joined.search(text))


@pytest.mark.parametrize(("text", "expected"), [
    # partisan words for fighters, and two people called armed
    ("أفادت مصادر بمقتل ثلاثة إرهابيين بغارة على سيارة قرب البلدة.",
     {("killed", 3, 3, "combatants")}),
    ("قتل شخصان مسلحان يرجح أنهما من عناصر التنظيم في مداهمة للقرية.",
     {("killed", 2, 2, "combatants")}),
    ("قتل رجلين يرجح أنهما من عناصر التنظيم في مداهمة للقرية.",
     {("killed", 2, 2, "combatants")}),
    # two people with no such word are who they are
    ("قتل شخصان بقصف على القرية.", {("killed", 2, 2, "")}),
])
def test_casualties_arabic_fighters_by_partisan_words(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day's toll over many towns, and its breakdown in the same paragraph, sum several
    # incidents; the next paragraph's incident is counted
    ("حصيلة أولية لضحايا القصف على مدن وبلدات ريف إدلب اليوم.\nالقتلى: 7 قتلى بينهم طفلان.\n\n"
     "وفي بلدة سرمين قتل مدني بقصف مدفعي.", {("killed", 1, 1, "civilians")}),
    ("حصيلة شهداء القصف على محافظة إدلب وأريافها حتى اللحظة 9 شهداء.", set()),
    # a toll of one town is its own
    ("حصيلة القصف على بلدة سرمين اليوم 3 شهداء.", {("killed", 3, 3, "")}),
])
def test_casualties_arabic_roundup_of_many_places(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence opening on another time, once the report has given its own toll
    ("قتلت امرأة بقصف على قرية مرعيان.\n\nوقبل ساعات، سقط أربعة شهداء بقصف على مدينة "
     "إدلب.", {("killed", 1, 1, "women")}),
    ("أصيب رجل بقصف على بلدة سرمين. والثلاثاء، قتل 4 مدنيين بقصف على مدينة أريحا.",
     {("injured", 1, 1, "")}),
    # ... but a report that opens on its day is its own
    ("وأمس الثلاثاء، قتل 4 مدنيين بقصف على مدينة أريحا.", {("killed", 4, 4, "civilians")}),
])
def test_casualties_arabic_earlier_incident_recalled(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a toll's subject told at length before "إلى N"
    ("ارتفعت حصيلة ضحايا الغارات الجوية التي استهدفت أحياء المدينة عصر اليوم الأحد، إلى 12 "
     "مدنياً، وأصيب 30 آخرون.", {("killed", 12, 12, "civilians"), ("injured", 30, 30, "")}),
    ("ارتفع عدد المصابين جراء القصف المدفعي على أطراف البلدة إلى 9 أشخاص.",
     {("injured", 9, 9, "")}),
    # a teacher, a trader: civilians
    ("استشهاد أستاذ بقصف على البلدة.", {("killed", 1, 1, "civilians")}),
    ("مقتل تاجر بقصف على السوق.", {("killed", 1, 1, "civilians")}),
])
def test_casualties_arabic_toll_told_at_length(text, expected):
    assert set(figures(text, "ar")) == expected


def test_casualties_arabic_evening_is_no_other_day():
    # "أمسية" (evening) begins with the letters of "أمس" (yesterday)
    assert set(figures("قتل مدني بقصف على بلدة سرمين. أمسية اليوم قتل رجلان بقصف على البلدة.",
                       "ar")) >= {("killed", 2, 2, "")}


@pytest.mark.parametrize(("text", "expected"), [
    # the "#عاجل" (breaking) tag glued to the post's first word
    ("#عاجلفقد مدني حياته وأصيب 4 آخرين بقصف على سيارة قرب البلدة.",
     {("killed", 1, 1, "civilians"), ("injured", 4, 4, "")}),
    ("#عاجلاستشهاد طفل بقصف مدفعي على البلدة.", {("killed", 1, 1, "children")}),
])
def test_casualties_arabic_breaking_tag_glued_to_the_post(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person named first, the deed after a comma: one dead
    ("أحمد الخليل، قتل إثر قصف مدفعي على قرية في ريف المدينة.", {("killed", 1, 1, "")}),
    ("وليد سعيد العمر، استشهد بقصف صاروخي على البلدة.", {("killed", 1, 1, "")}),
    # ... not the one who killed
    ("سعيد الحسن، قتل 3 مدنيين في القرية.", {("killed", 3, 3, "civilians")}),
])
def test_casualties_arabic_named_person_then_deed(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a village's notables and the people of its daily life, one each: civilians
    ("In the raid a boy and a local sheikh were killed, residents said.",
     {("killed", 1, 1, "children"), ("killed", 1, 1, "civilians")}),
    ("A truck driver was killed when the drone struck the road.", {("killed", 1, 1, "civilians")}),
    ("An elderly imam was wounded by shrapnel near the mosque.", {("injured", 1, 1, "civilians")}),
    ("Shelling killed a grandmother and injured a shopkeeper in the market.",
     {("killed", 1, 1, "women"), ("injured", 1, 1, "civilians")}),
])
def test_casualties_one_villager_by_trade_or_standing(text, expected):
    assert set(figures(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who the one person was, told between the noun and the verb
    ("On Nov 3, a man named Kamal Hasan died of wounds sustained in an air attack on the town.",
     {("killed", 1, 1, "")}),
    ("A woman named Hala al-Omar died on Nov 3 of wounds sustained in shelling on the village.",
     {("killed", 1, 1, "women")}),
    ("A 54-year-old civilian from the western countryside of Tal Abyad died of injuries he "
     "sustained in shelling.", {("killed", 1, 1, "civilians")}),
    ("A boy from the village of Kafr Nabl was wounded by a shell.", {("injured", 1, 1, "children")}),
])
def test_casualties_one_person_and_who_they_were(text, expected):
    assert set(figures(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a headline drops the article
    ("Boy killed in regime shelling on the town", {("killed", 1, 1, "children")}),
    ("Turkish bombardment | Farmer killed by a drone near the village",
     {("killed", 1, 1, "civilians")}),
    ("Mother and three children killed, five injured in airstrikes on the camp",
     {("killed", 1, 1, "women"), ("killed", 3, 3, "children"), ("injured", 5, 5, "")}),
    ("Shepherd killed, his son injured by a landmine east of the town",
     {("killed", 1, 1, "civilians")}),
    # not a noun opening a sentence with no verb of death after it
    ("Civilian homes were damaged by the shelling.", set()),
])
def test_casualties_headline_without_article(text, expected):
    assert set(figures(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the injury of N", as "the death of N" tells the dead
    ("The shelling caused the killing of five civilians, in addition to the injury of 12 others.",
     {("killed", 5, 5, "civilians"), ("injured", 12, 12, "")}),
    ("Activists documented the wounding of three children in the village.",
     {("injured", 3, 3, "children")}),
])
def test_casualties_injury_of_a_figure(text, expected):
    assert set(figures(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # each of a list told by name and age: one for each age
    ("أسفر القصف عن إصابة كل من سلمى خالد العمر (20 عاماً) وهبة حمد العمر (12 عاماً) في القرية.",
     {("injured", 2, 2, "")}),
    ("أدى القصف إلى مقتل كل من رامي سعيد (30 عاما)، وعمر سعيد (25 عاما) وخديجة سعيد (8 سنوات).",
     {("killed", 3, 3, "")}),
])
def test_casualties_arabic_each_named_with_an_age(text, expected):
    assert set(figures(text, "ar")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the chief of a civil body is no fighter
    ('"Karim Haddad", Deputy Chief of the local Civil Council, was killed in a raid on the town.',
     {("killed", 1, 1, "civilians")}),
    # ... a chief of an armed group is
    ("Abu Khaled, a field chief of the militia, was killed in the strike.",
     {("killed", 1, 1, "combatants")}),
])
def test_casualties_chief_of_a_civil_body(text, expected):
    assert set(figures(text)) == expected


def test_casualties_arabic_post_glued_to_the_handle():
    # X's copy glues the post's first word to the account's handle: the handle (Latin
    # letters only) is blanked, the word is read
    text = "الدفاع المدني@CivilDefTestإصابة امرأتين بجروح إثر قصف مدفعي على البلدة."
    assert set(figures(text, "ar")) == {("injured", 2, 2, "women")}


@pytest.mark.parametrize(("text", "expected"), [
    # others hurt, how many untold: more than one (2-9)
    ("The strike hit a house, killing two brothers and injuring other civilians.",
     {("killed", 2, 2, "civilians"), ("injured", 2, 9, "")}),
    ("Monitors documented the death of four men and the injury of others in the shelling.",
     {("killed", 4, 4, ""), ("injured", 2, 9, "")}),
    ("A boy was killed while others were wounded when shells hit the market.",
     {("killed", 1, 1, "children"), ("injured", 2, 9, "")}),
])
def test_casualties_others_hurt_how_many_untold(text, expected):
    assert set(figures(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list cut short by a preview ("2. هبة..."): more names may follow, so a full toll
    # told for the event overrides it
    ("استشهد 4 مدنيين بغارة جوية على البلدة فجر اليوم.\n\nالشهداء :\n1. سلمى حسين الخالد\n2. هبة...",
     {("killed", 4, 4, "civilians")}),
    # ... and by the full copy of the list after it
    ("غارة جوية على البلدة فجر اليوم\n\nالشهداء :\n1. سلمى حسين الخالد\n2. هبة...\n\n"
     "غارة جوية على البلدة فجر اليوم\n\nالشهداء :\n1. سلمى حسين الخالد\n2. هبة خالد النعسان\n"
     "3. مريم باسل الخالد", {("killed", 3, 3, "")}),
])
def test_casualties_arabic_list_cut_short(text, expected):
    assert set(figures(text, "ar")) == expected


def test_casualties_arabic_list_after_the_events_last_sentence():
    # the event's sentences end with a list's heading: its names, after them, are read
    text = ("غارة جوية على البلدة فجر اليوم.\n\nالشهداء :\n1. سلمى حسين الخالد\n"
            "2. هبة خالد النعسان\n3. مريم باسل الخالد...")
    doc = Document(id=text_hash(text), text=text, language="ar")
    ctx = DocContext(doc, default_gazetteer(), default_registry())
    heading = ctx.norm.index(":") + 1
    sentences = [(s, e) for s, e in ctx.sentences if s < heading]
    assert sentences[-1][1] <= heading + 1
    found = {(c.kind, c.low, c.high) for c in find_casualties(ctx, sentences)}
    assert found == {("killed", 3, 3)}


@pytest.mark.parametrize(("text", "expected"), [
    # a reader's comment tells no toll where the post tells one of that kind
    ("مسيرة تستهدف سيارة في ريف حلب ما أدى إلى مقتله على الفور.All reactions:52 comments"
     "Most relevantسامر خالدمسيرة قتلت 3 عناصر ورجعت مكانها1y",
     {("killed", 1, 1, "")}),
    # ... but the post's author may update it in a comment of their own
    ("سقوط صاروخ على البلدة أدى إلى إصابة شخصين.All reactions:17 commentsMost relevant"
     "Authorصفحة البلدةارتفاع عدد الإصابات إلى 4 أشخاص 21wسامر خالدأصيب 9 أشخاص1y",
     {("injured", 2, 2, ""), ("injured", 4, 4, "")}),
])
def test_casualties_comments_of_a_copied_post(text, expected):
    assert set(figures(text, "ar")) == expected
