"""Arabic cue lists, a first pass: enough to code the common strike, shelling and
clash reports of Syrian and Iraqi local pages. Patterns run on text normalised by
``normalise_arabic`` (alef forms, ta marbuta, alef maqsura, diacritics)."""

from __future__ import annotations

EVENT_RULES: list[tuple[str, str, str]] = [
    ("Explosions/Remote violence", "Chemical weapon", r"(كيماوي|كيميائي|غاز الكلور|السارين|غازات سامه)"),
    ("Explosions/Remote violence", "Suicide bomb", r"(انتحاري|انتحاريه|حزام ناسف)"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"(غاره|غارات|الطيران الحربي|طائرات? حربيه|الطيران الروسي|طيران التحالف|براميل متفجره|برميل متفجر"
     r"|طائره مسيره|طائرات مسيره|قصف جوي|المقاتلات)"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"(عبوه ناسفه|سياره مفخخه|مفخخه|لغم|الغام|تفجير|انفجار)"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"(قصف مدفعي|قصف صاروخي|قذائف|قذيفه|صواريخ|صاروخ|مدفعيه|هاون|قصف)"),
    ("Violence against civilians", "Abduction/forced disappearance", r"(اختطاف|خطف|اختطف|مختطف)"),
    ("Strategic developments", "Other", r"(مناشير|منشورات)"),
    ("Battles", "Government regains territory", r"(استعاد|استعادت|استعاده السيطره|تحرير)"),
    ("Battles", "Non-state actor overtakes territory", r"(سيطر|سيطرت|السيطره علي)"),
    ("Violence against civilians", "Attack", r"(مجزره|اعدام|اعدم|اعدمت)"),
    ("Battles", "Armed clash", r"(اشتباكات|اشتباك|معارك|معركه|هجوم)"),
    ("Strategic developments", "Arrests", r"(اعتقال|اعتقل|اعتقلت|حمله مداهمات|احتجاز)"),
]

KILLED = r"(استشهد|استشهاد|شهيد|شهداء|شهيدا|قتل|قتلي|قتيل|مقتل|ضحايا|ضحيه|وفاه|جثث)"
INJURED = r"(جرحي|جريح|اصابه|اصابات|مصاب|مصابين|جرح|اصيب)"

VICTIM_WORDS: dict[str, str] = {
    "مدنيين": "civilians", "مدنيا": "civilians", "مدني": "civilians", "المدنيين": "civilians",
    "اطفال": "children", "الاطفال": "children", "طفل": "children", "طفلا": "children",
    "نساء": "women", "امراه": "women", "سيده": "women", "النساء": "women",
    "عنصر": "combatants", "عناصر": "combatants", "مقاتل": "combatants", "مقاتلين": "combatants",
}

NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8,
    "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
    "اربعين": 40, "خمسين": 50, "مئه": 100, "مائه": 100,
}
VAGUE_NUMBERS: dict[str, tuple[int, int]] = {
    "عشرات": (10, 99), "العشرات": (10, 99), "مئات": (100, 999), "المئات": (100, 999),
    "بضعه": (3, 9), "عده": (3, 9),
}

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
            "السبت": 5, "الاحد": 6}
RELATIVE_DAYS = {"امس": -1, "البارحه": -1, "اليوم": 0, "فجر اليوم": 0, "صباح اليوم": 0}
SAY_VERBS = r"(قال|قالت|اكد|اكدت|افاد|افادت|صرح|اعلن|اعلنت|ذكر|ذكرت)"

# Common words that are also names of places somewhere ("مدينة" is Medina, "سوق" a
# Yemeni village); alone they are never the place a report means.
NOT_PLACES = frozenset(
    """مدينه المدينه قريه القريه بلده البلده حي الحي ريف الريف منطقه المنطقه سوق السوق شمال
    جنوب شرق غرب الشمال الجنوب الشرق الغرب مركز المركز محافظه المحافظه جسر الجسر مستشفي
    المستشفي مدرسه المدرسه بيت البيت دار الدار جامع الجامع مسجد المسجد عين العين تل التل
    دير الدير جبل الجبل وادي الوادي قلعه القلعه حاره الحاره الشيخ شيخ الحرب الحرس السلام
    النصر الفتح الامن الشعب الدوله الجيش الثوره العرب عرب الحياه الساحه ساحه الطريق""".split()
)
