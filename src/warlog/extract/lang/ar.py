"""Arabic cue lists, a first pass: enough to code the common strike, shelling and
clash reports of Syrian and Iraqi local pages. Patterns run on text normalised by
``normalise_arabic`` (alef forms, ta marbuta, alef maqsura, diacritics)."""

from __future__ import annotations

# A protest told as done (the Peaceful protest rule below): who protested, gathered,
# marched, sat in or went on strike (the verb in the past, as reports tell it); a protest
# that broke out, was held or went round the streets; a counted crowd of protesters.
_CROWD = (r"(?:الاف|الالاف|الوف|الف|الفي|مليون|ملايين|مئات|المئات|عشرات|العشرات|نحو|حوالي|قرابه|زهاء|اكثر من"
          r"|[0-9]+|عدد من|حشود|جموع|جمع من|مجموعه من|الحشود)")
# A crowd counted ("آلاف المتظاهرين", "نحو 200 متظاهر"); "عدد من المتظاهرين" is more
# often hurt or detained than protesting.
_COUNTED = r"(?:الاف|الالاف|الوف|مئات|المئات|عشرات|العشرات|مليون|ملايين|(?:(?:نحو|حوالي|قرابه|زهاء|اكثر من) )?[0-9]+)"
_PROTESTERS = r"(?:المتظاهرين|المتظاهرون|متظاهرين|متظاهرون|متظاهرا|متظاهر|المحتجين|المحتجون|محتجين|محتجون|محتجا|المعتصمين|المعتصمون|معتصمين)"
_PROTEST_NOUNS = (r"(?:مظاهره|مظاهرات|تظاهره|تظاهرات|احتجاجات|احتجاج|مسيره|مسيرات|اعتصام|اعتصاما|اعتصامات|وقفه"
                  r"|وقفات|اضراب|اضرابا|اضرابات|المظاهره|المظاهرات|التظاهره|التظاهرات|الاحتجاجات|المسيره"
                  r"|المسيرات|الاعتصام|الاعتصامات|الاضراب|تجمعا احتجاجيا)")
PROTEST_DONE = (
    # "تظاهر الآلاف", "واعتصم عشرات", "أضرب العمال", "تجمهر الأهالي"
    r"(?<!\w)[وف]?(?:تظاهر|تظاهرت|تظاهروا|اعتصم|اعتصمت|اعتصموا|احتج|احتجت|احتجوا|تجمهر|تجمهرت|تجمهروا"
    r"|اضرب|اضربت|اضربوا)(?!\w)"
    # "تجمع نحو 40 متظاهرا", "احتشد الآلاف", "خرج المتظاهرون الى الشوارع"
    r"|(?<!\w)[وف]?(?:تجمع|تجمعت|تجمعوا|احتشد|احتشدت|احتشدوا|خرج|خرجت|خرجوا|نزل|نزلت|نزلوا|سار|سارت"
    r"|ساروا|شارك|شاركت|شاركوا|تدفق|تدفقت|تدفقوا)(?: \S+){0,2}? (?:" + _CROWD + r"|" + _PROTESTERS
    + r"|(?:ال)?(?:طلاب|طلبه|عمال|اهالي|مواطنين|مواطنون|انصار|مناصري|انصاره|سكان)|الي الشوارع|الي الشارع|في شوارع)(?!\w)"
    # "خرجت مظاهرات", "اندلعت احتجاجات", "نظم الحزب اعتصاما", "شهدت المدينة مسيرة"
    r"|(?<!\w)[وف]?(?:خرجت|انطلقت|اندلعت|انفجرت|تجددت|عمت|اجتاحت|جابت|سارت|نظم|نظمت|نظموا|اقيمت|اقام|اقاموا"
    r"|شهدت|شهد|جرت|تواصلت|استمرت|بدات|بدا|بداوا|نفذ|نفذت|نفذوا)(?: \S+){0,3}? " + _PROTEST_NOUNS + r"(?!\w)"
    # "مظاهرات جابت شوارع", "مسيرة انطلقت من"
    r"|" + _PROTEST_NOUNS + r"(?: \S+){0,3}? (?:جابت|طافت|انطلقت|اندلعت|توجهت|خرجت|شارك فيها|شارك فيه|ضمت)(?!\w)"
    # "خرجوا في مسيرات", "شاركوا في الاعتصام"; "احتشدوا" (people: the masculine plural)
    r"|(?<!\w)[وف]?(?:خرجوا|خرج|خرجت|شاركوا|شارك|شاركت|انخرطت|انخرطوا) في " + _PROTEST_NOUNS + r"(?!\w)"
    r"|(?<!\w)[وف]?احتشدوا(?!\w)"
    # "آلاف المتظاهرين", "نحو 200 محتج", "المتظاهرون ... الى الشوارع"
    + r"|" + _COUNTED + r"(?: من)? " + _PROTESTERS
    + r"|" + _PROTESTERS + r"(?: \S+){0,3}? (?:الي الشوارع|الي الشارع|في شوارع|امام مقر|امام مبني|امام السفاره)"
    # "وقفة احتجاجية", "مسيرة احتجاجية": a protest by its name
    r"|وقفه احتجاجيه|وقفات احتجاجيه|مسيره احتجاجيه|مسيرات احتجاجيه|وقفه صامته|اعتصام مفتوح")

# The same families and the same order as en.EVENT_RULES (see there): what stops or
# reorganises violence first, then crowds, territory, weapons, agreements, fighting,
# weaker cues.
# Arabic joins prefixes (و، ب، ال، ل) to words, so the cues are stems without \b.
EVENT_RULES: list[tuple[str, str, str]] = [
    # a weapon named but not used: dismantled, defused, intercepted, shot down, seized, foiled
    ("Strategic developments", "Disrupted weapons use",
     r"((?:تفكيك|فكك|فككت|ابطال مفعول|ازاله|نزع|تفجير متحكم)( \S+){0,3} (?:عبوه|عبوات|لغم|الغام|متفجرات"
     r"|ناسفه|مفخخه|حزام)|ابطال مفعول|فرق الهندسه|نزع الالغام"
     r"|(?:اسقاط|اسقط|اسقطت|اعتراض|اعترض|اعترضت|التصدي ل|تصدت)( \S+){0,3} (?:طائره|طائرات|مسيره|مسيرات"
     r"|صاروخ|صواريخ|قذيفه|المسيره|الطائره)|الدفاعات الجويه|الدفاع الجوي"
     r"|(?:ضبط|ضبطت|مصادره|صادرت|صادر|العثور علي|عثرت|عثر|كشف|ضبطه)( \S+){0,4} (?:اسلحه|الاسلحه|ذخائر|ذخيره"
     r"|متفجرات|عبوات|عبوه|مخزن|مستودع|مخبا|صواريخ|قذائف|قنابل)"
     r"|(?:مخزن|مستودع|مخبا) (?:اسلحه|للاسلحه|ذخيره|للذخيره)"
     r"|(?:احباط|احبط|احبطت|افشال|افشل)( \S+){0,2} (?:هجوم|عمليه|مخطط|محاوله|تفجير))"),
    # control handed over without a fight
    ("Strategic developments", "Non-violent transfer of territory",
     r"(دون قتال|بدون قتال|دون مقاومه|بدون مقاومه|دون اي مقاومه|دون اشتباك"
     r"|(?:تسليم|تسلم|تسلمت|سلم|سلمت)( \S+){0,2} (?:المدينه|البلده|القريه|المنطقه|المناطق|النقاط|المواقع"
     r"|مواقع|نقاط|الحاجز|المعبر|القاعده|مقرات|السيطره)"
     r"|(?:بعد|اثر|عقب|اعقاب) انسحاب)"),
    # a group changes: merges, forms, pledges allegiance, defects, splits, renames, disbands
    ("Strategic developments", "Change to group/activity",
     r"(اندماج|اندمج|اندمجت|تشكيل (?:فصيل|جماعه|تحالف|كتيبه|لواء|قوه|جيش|غرفه عمليات|مجلس)"
     r"|الاعلان عن تشكيل|مبايعه|بايع|بايعت|انشقاق|انشق|انشقت|انشقوا"
     r"|(?:انضمام|انضم|انضمت|انضموا) (?:الي|ل)(?: \S+)? ?(?:صفوف|فصيل|جماعه|تنظيم|تحالف|قوات)"
     r"|حل (?:الفصيل|التنظيم|الجماعه|الميليشيا|الكتيبه|اللواء|نفسه|نفسها)|تغيير اسم|اسمها الجديد)"),
    # a base, headquarters, checkpoint or observation point set up
    ("Strategic developments", "Headquarters or base established",
     r"((?:انشاء|انشات|انشا|اقامه|اقامت|اقام|نصب|نصبت|تثبيت|ثبتت|افتتاح|افتتحت)( \S+){0,2} (?:قاعده|قواعد"
     r"|مقر|مقرات|حاجز|حواجز|نقطه|نقاط|ثكنه|معسكر|مركز عسكري)(?!\S))"),
    # leaflets dropped, mass graves found
    ("Strategic developments", "Other", r"(مناشير|منشورات|مقبره جماعيه|مقابر جماعيه)"),
    # crowds that turn violent (riots)
    ("Riots", "Mob violence", r"(حشد غاضب|حشود غاضبه|غوغاء|سحل|سحلوا)"),
    ("Riots", "Violent demonstration",
     r"(اعمال شغب|مثيري الشغب|(?<!مكافحه ال)(?<!مكافحه )شغب|رشق|رشقوا|حرق الاطارات|اطارات مشتعله|قطع الطرق"
     r"|(?:المتظاهرون|المتظاهرين|المحتجون|المحتجين)( \S+){0,4} (?:احرقوا|اضرموا|اقتحموا|هاجموا|رشقوا|اشتبكوا)"
     # the verb first: "أحرق المتظاهرون", "أضرم محتجون النار"
     r"|(?:احرق|اضرم|اقتحم|رشق)( \S+){0,1} (?:المتظاهرون|متظاهرون|المحتجون|محتجون)"
     r"|اشتباكات بين (?:المحتجين|المتظاهرين)|زجاجات حارقه|مولوتوف)"),
    # protests met with force, then protests
    ("Protests", "Excessive force against protesters",
     r"((?:اطلاق|اطلقت|اطلق|اطلقوا)( \S+){0,2} (?:النار|الرصاص الحي|الرصاص)( \S+){0,2} (?:علي )?(?:المتظاهرين"
     r"|المحتجين|المعتصمين)|(?:مقتل|استشهاد|قتل)( \S+){0,2} (?:متظاهر|متظاهرين|محتج|محتجين|المتظاهرين|المحتجين)"
     r")"),
    ("Protests", "Protest with intervention",
     r"(مسيله للدموع|المسيل للدموع|الغاز المسيل|خراطيم المياه|الرصاص المطاطي|الهراوات"
     r"|(?:تفريق|فرقت|فض|فضت)( \S+){0,2} (?:المتظاهرين|المحتجين|التظاهره|المظاهره|الاعتصام|الوقفه|المعتصمين)"
     r"|(?:اعتقال|اعتقلت|اعتقل)( \S+){0,3} (?:متظاهرين|محتجين|المتظاهرين|المحتجين|ناشطين))"),
    # a protest told as done: a crowd protested, gathered, marched or went on strike; a
    # protest broke out or was held; a crowd of protesters counted. A protest only named
    # ("طالب المتظاهرون", "دعا الى التظاهر", "استهدف مظاهرة") is no protest report.
    ("Protests", "Peaceful protest", r"(" + PROTEST_DONE + r")"),
    # control of a place taken by force (who took it is settled in events.py)
    ("Battles", "Government regains territory",
     # not the word in a group's name: "هيئة تحرير الشام", "الجبهة الشعبية لتحرير فلسطين"
     r"(استعاد|استعادت|استعاده السيطره|استعادوا|(?<!هيئه )(?<!هيئه_)(?<!ل)تحرير(?![ _]الشام)|حرر|حررت"
     r"|(?:طرد|طردت)( \S+){0,1} (?:عناصر|مسلحي|تنظيم|داعش|المسلحين|الارهابيين|مقاتلي))"),
    ("Battles", "Non-state actor overtakes territory",
     # the verb as a word: "مناطق سيطرة قسد" (areas the SDF holds) tells no takeover
     r"((?<!\S)[وف]?(?:سيطر|سيطرت|سيطروا|تسيطر|يسيطر)(?!\S)|السيطره علي|احكم|احكمت|اجتاح|اجتاحت"
     r"|سقوط (?:مدينه|بلده|قريه|المدينه|البلده|القريه)"
     r"|سقطت (?:المدينه|البلده|القريه|بيد|في يد|بايدي))"),
    # weapons, most specific first
    ("Explosions/Remote violence", "Chemical weapon",
     r"(كيماوي|كيميائي|غاز الكلور|السارين|غازات سامه|غاز سام|الغازات السامه|غاز الخردل)"),
    ("Explosions/Remote violence", "Suicide bomb", r"(انتحاري|انتحاريه|حزام ناسف|احزمه ناسفه)"),
    # a landing raid ("انزال جوي", helicopters set troops down): a ground operation,
    # though aircraft carry it
    ("Battles", "Armed clash", r"(انزال جوي|عمليه انزال|عمليات انزال|بانزال|انزال مظلي)"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"(غاره|غارات|غارتين|غارتان|الطيران الحربي|(?:ال)?(?:طائره|طائرات|طائرتين|طائرتان)\s+(?:ال)?حربيه"
     r"|الطيران الروسي|طيران التحالف|براميل متفجره|برميل متفجر"
     # "القصف الجوي", "قصف الطيران"; warplanes named by "طيران"/"طائرات" alone, but not
     # anti-aircraft guns ("مضادات الطائرات")
     # Russia's and Israel's strikes on Syria come from the air: "القصف الروسي",
     # "عدوان إسرائيلي" with no weapon named ("قصف مدفعي روسي" stays shelling)
     r"|(?:ال)?(?:قصف|عدوان|غارات|ضربات) #?(?:ال)?(?:روسي|اسرائيلي)(?:ه)?(?!\S)"
     r"|(?:ضربه|ضربات|استهداف) (?:لل|ال)تحالف"
     r"|(?:ال)?قصف (?:ال)?جوي|قصف (?:ال)?طيران|(?<!مضادات )(?<!مضاد )(?<!\S)[وبل]?(?:ال)?(?:طيران|طائرات)(?!\S)"
     r"|طائره مسيره|طائرات مسيره|الطيران المسير|طائره بدون طيار|طائرات بدون طيار|قصف جوي|ضربه جويه"
     r"|ضربات جويه|المقاتلات|الطيران المروحي|مروحيه|مروحيات"
     # a drone named by "مسيره" alone (also a march): after a strike word, or with its owner
     r"|(?:قصف|ضربه|استهداف|هجوم|غاره|استهدفت|استهدفته|استهدفتها)\s(?:من\s|ب|ل)?(?:طائره\s)?مسيره"
     r"|مسيره\s(?:\S+\s){0,3}?(?:تركيه|روسيه|اسرائيليه|امريكيه|اميركيه|ايرانيه|انتحاريه|مجهوله|للتحالف"
     r"|تابعه|حربيه|للاحتلال)|المسيرات (?:التركيه|الروسيه|الاسرائيليه|الانتحاريه)"
     # a drone as the subject of a strike verb: "مسيرة يعتقد أنها ... تستهدف سيارة"
     r"|مسيره\s(?:\S+\s){0,5}?(?:تستهدف|استهدفت|تقصف|قصفت|تضرب|ضربت))"),
    ("Explosions/Remote violence", "Grenade", r"(قنبله يدويه|قنابل يدويه|رمانه يدويه)"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"(عبوه ناسفه|عبوات ناسفه|سياره مفخخه|دراجه مفخخه|مفخخه|لغم|الغام|تفجير|انفجار|متفجرات"
     r"|(?<!\w)[وف]?(?:انفجر|انفجرت|انفجرا|تفجرت|فجر نفسه|فجرت نفسها|فجروا|فجرت)(?!\w))"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"(قصف مدفعي|قصف صاروخي|قذائف|قذيفه|قذيفتين|قذيفتان|صواريخ|صاروخ|مدفعيه|هاون|راجمات|قصف)"),
    # settled: truces, agreements, prisoner exchanges, surrenders (with their verb)
    ("Strategic developments", "Agreement",
     r"((?:توقيع|وقع|وقعت|التوصل|توصل|توصلت|ابرام|ابرم|اعلان|اعلن|اعلنت)( \S+){0,3} (?:اتفاق|اتفاقيه|هدنه"
     r"|وقف اطلاق النار|تسويه|صفقه|مصالحه)|تبادل (?:الاسري|اسري|المعتقلين|المختطفين|الجثث|الجثامين)"
     r"|صفقه تبادل|اتفاق (?:التسويه|المصالحه|وقف|الهدنه|تبادل|اخراج|اجلاء)"
     r"|(?:سلموا|تسليم) (?:انفسهم|سلاحهم|اسلحتهم))"),
    ("Violence against civilians", "Sexual violence", r"(اغتصاب|اغتصب|اعتداء جنسي|اعتداءات جنسيه|عنف جنسي)"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"(اختطاف|خطف|اختطف|مختطف|اخفاء قسري|الاخفاء القسري|مخفيين قسريا"
     r"|(?:احتجز|احتجزوا|احتجزت)(?: \S+){0,4} (?:رهائن|رهينه|كرهائن|كرهينه))"),
    # fighting, then attacks on civilians
    ("Battles", "Armed clash", r"(اشتباكات|اشتباك|اشتبك|معارك|معركه|كمين|هجوم|صد هجوم|تصدت)"),
    ("Violence against civilians", "Attack",
     r"(مجزره|اعدام|اعدم|اعدمت|اغتيال|اغتيل|اغتال|ذبح|قنص(?!ل)|طعن|برصاص|برصاصه|اطلاق (?:ال)?نار"
     # force by hand or by fire: "اعتدوا عليهم بالضرب", "تعرض للتعذيب", "فتحت النار على"
     r"|اعتدي علي|اعتدت علي|اعتدوا علي|بالضرب|للضرب|تعذيب|التعذيب|للتعذيب|(?:فتح|فتحت|فتحوا) النار"
     r"|(?:اطلق|اطلقت|اطلقوا)(?: \S+){0,2} (?:النار|الرصاص|اعيره)"
     r"|(?<!\w)[وف]?(?:قتلت|قتلوا|قتلتهم|قتلهم|هاجم|هاجمت|هاجموا|هاجمه|هاجمهم|هاجمتهم)(?!\w))"),
    # a strike whose weapon is not named: "استهداف منزل", "العدوان الاسرائيلي" (Syrian
    # pages' word for a foreign strike; "ردع العدوان" is the name of an offensive)
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"(استهداف|استهدف|استهدفت|تستهدف|يستهدف|المستهدفه|المستهدف"
     r"|(?<!ردع ال)(?<!ردع_ال)(?<!\S)[وبل]?(?:ال)?عدوان(?!\S))"),
    # weaker cues
    ("Strategic developments", "Arrests",
     r"(اعتقال|اعتقل|اعتقلت|تعتقل|يعتقل|اعتقلوا|اعتقالات|حمله مداهمات|احتجاز|احتجزت|القبض علي|القت القبض|توقيف|اوقفت)"),
    ("Strategic developments", "Looting/property destruction",
     r"(نهب|سرقه|سرقوا|سلب|تعفيش|(?:احراق|حرق|احرقوا|هدم|تدمير|جرف)( \S+){0,1} (?:منازل|المنازل|منزل|محال"
     r"|المحال|المحاصيل|ممتلكات|الممتلكات|بيوت))"),
    # a withdrawal alone, a deployment or reinforcements: a change in a group's activity
    ("Strategic developments", "Change to group/activity",
     r"(انسحب|انسحبت|انسحاب|انسحبوا|تعزيزات|استقدام (?:تعزيزات|قوات)|حشود عسكريه|نشر (?:قوات|جنود)"
     r"|انتشار (?:قوات|عناصر|الجيش|وحدات)"
     r"|تجنيد)"),
    ("Strategic developments", "Agreement",
     r"(هدنه|اتفاق|اتفاقيه|وقف اطلاق النار|مصالحه|تسويه|مفاوضات"
     r"|اطلاق سراح( \S+){0,2} (?:اسري|الاسري|معتقلين|المعتقلين))"),
]

# A toll with no weapon or act named ("استشهاد طفل في درعا"): provisional, replaced by
# the weapon a following sentence names (events.classify); coded an attack until then.
TOLL_RULES: list[tuple[str, str, str]] = [
    ("Violence against civilians", "Attack",
     r"(مقتل|استشهاد|استشهد|استشهدت|ارتقاء|ارتقي|شهيدا|شهيدان|شهيدين|شهداء|قتيلا|قتلي|جثه|جثث|جثتين"
     r"|(?<!\S)[و]?قتل(?!\S))"),
]

# A strike word that names no weapon: coded shelling (the rules above) until its doer says
# otherwise (pipeline.refine_types: an air force's came from the air).
UNNAMED_STRIKE = r"[وب]?(?:ال)?(?:قصف|استهداف|استهدف|استهدفت|تستهدف|يستهدف|عدوان)"

# Weaker than a toll: a raid on homes or a village, the way arrests are made ("نفذت قسد
# عملية مداهمة", "قوات التحالف تداهم قرية"); a raid that kills is the toll's attack
# ("مقتل شخصين في عملية مداهمة").
AFTER_TOLL_RULES: list[tuple[str, str, str]] = [
    ("Strategic developments", "Arrests",
     r"(عمليه مداهمه|عمليات مداهمه|(?<!\S)[و]?(?:داهمت|داهم|داهموا|تداهم|يداهم)(?!\S))"),
]

# -- whether a sentence tells an event or names it in passing (read by extract/events.py)
# Annotators of Arabic news (and ACLED's coders) take a sentence as an event report when
# it tells the event: its toll, the deed done, or the event as its headline. An attack
# named in passing ("after the assassination of ...", "the crime of ...") is no report.
# A toll or a harm done: "قتل 13 ...", "أصيب خمسة بجروح", "لقي مصرعه".
_TOLD_TOLL = (r"قتل|قتلا|قتلوا|قتلت|قتله|قتلها|قتلهم|مقتل|مصرع|مصرعه|مصرعها|مصرعهم"
              r"|استشهد|استشهدوا|استشهدت|استشهاد|قتيل|قتلي|قتيلا|قتيلين|قتيلان|اصيب|اصيبت|اصيبوا|اصيبا"
              r"|اصابه|اصابت|جرح|جرحي|جريح|جريحا|جرحوا|بجروح|اصابات|لقي|لقوا|لقيت|نجا|نجت"
              # the dead of a strike as the Syrian pages name them, and what it caused
              r"|شهيد|شهيدا|شهيدان|شهيدين|شهداء|الشهداء|شهدائها|وفاته|وفاتها|توفي|توفيت|جراء|بجراح"
              r"|القضاء علي|نتيجه|علي اثر|المصابين|مصابين|الجرحي|القتلي|ضحايا|الضحايا|ضحيه|ضحيتين"
              r"|جثه|جثث|الجثث|جثتين|راح ضحيتها|راح ضحيته"
              # a massacre: five dead or more, as the Syrian pages use the word (MASSACRE_RANGE)
              r"|مجزره|المجزره|بالمجزره|مجازر|مجزرتين")
# The deed told by its verb in the past: "خطف مسلحون", "فجر نفسه", "اقتحموا", "وقع الهجوم".
_TOLD_DEED = (r"خطفوا|خطفت|خطفا|اختطف|اختطفت|اختطفوا|اختطفا|اغتيل|اغتال|اغتالت|اغتالوا|فجرت|فجروا"
              r"|انفجر|انفجرت|انفجرا|تفجرت|اطلقوا|فتحت|فتحوا|قصفت|قصفوا|اغارت|اغاروا|هاجم|هاجمت|هاجموا"
              r"|هاجمه|هاجمهم|هاجمتهم|اقتحم|اقتحمت|اقتحموا|طعنت|طعنه|ذبحوا|اعدموا|اغتصب|اغتصبوا|اغتصبت"
              r"|اعتدي|اعتدت|اعتدوا|اسفر|اسفرت|اوقع|اوقعت|تعرضت|تعرضوا|تعرضا|شنت|شنوا|شنه|شنها|نفذ|نفذت"
              r"|نفذوا|نفذه|نفذها|نفذتا|احتجزوا|ارتكب|ارتكبت|ارتكبوا"
              # "أقدم مسلحون على خطف", "قام مسلحون بخطف"
              r"|اقدم|اقدمت|اقدموا|قام|قامت|قاموا|اعدم|اعدمت"
              # threw (a grenade), not "ألقى القبض" (arrested)
              r"|(?:القي|القت|القوا)(?! القبض)")
# The deed as a headline tells it, in the present: "طائرات روسية تستهدف ...", "قوات
# النظام تقصف ...". (The hour alone, "أمس", "صباح اليوم", tells nothing: on the
# arabic-events dev half 1 of 34 such sentences was an assault.)
_TOLD_NOW = (r"يستهدف|تستهدف|يقصف|تقصف|ينفذ|تنفذ|يشن|تشن|تغير|يغير|يضرب|تضرب|يقتل|تقتل|تطال|يطال"
             r"|يطلق|تطلق|يلقي|تلقي|يهاجم|تهاجم|يختطف|تختطف|يغتال|تغتال|يرتكب|ترتكب")
EVENT_TOLD = (r"(?<!\w)[وف]?(?:" + _TOLD_TOLL + "|(?:" + _TOLD_DEED + "|" + _TOLD_NOW
              # a verb with its object's pronoun: "تنفذها", "اغتالته"; "بتعرض البلدة لقصف"
              + r")(?:ه|ها|هم|هما)?|بتعرض|لتعرض|تعرضها|تعرضه|بمقتل|لمقتل|بمصرع|باصابه)(?!\w)")
# A bare weapon word ("صواريخ", "مدفعية") is an attack only where the sentence uses it:
# the instrument ("بالصواريخ"), fired or fallen ("إطلاق صواريخ", "سقوط قذيفة"), or aimed
# ("صواريخ على البلدة"). Otherwise the weapon is talked of (arabic-events dev: 49 such
# sentences, none an assault).
BARE_WEAPON = r"(?:ال)?(?:صاروخ|صواريخ|قذائف|قذيفه|مدفعيه|هاون|راجمات)"
WEAPON_USED = (r"(?<!\w)[وف]?(?:ب|بال)(?:صاروخ|صواريخ|قذائف|قذيفه|مدفعيه|هاون|راجمات)"
               r"|(?:سقوط|سقط|سقطت|اطلاق|اطلق|اطلقت|اطلقوا|اصاب|اصابت)(?: \S+){0,2} " + BARE_WEAPON
               + r"|" + BARE_WEAPON + r"(?: \S+){0,3} (?:علي|باتجاه|نحو|سقط|سقطت|اصاب|اصابت|يصيب|تصيب"
               r"|استهدف|استهدفت|يستهدف|تستهدف|ضرب|ضربت|يضرب|تضرب)")
# Weapons named as arms, not as an attack: an arms deal, a missile system, a test.
WEAPONS_TALK = (r"(?<!\w)[وفبل]?(?:ال)?(?:منظومه|منظومات|صفقه|صفقات|شراء|تسليح|امتلاك|تطوير|اختبار|تجربه|تجارب"
                r"|الدرع|ترسانه|تصنيع|صنع|يصنع|لصنع|تهريب|مخزون|بيع|تزويد|يمتلك|تمتلك|منصات|برنامج)(?!\w)")
# What makes a sentence about something else than the attack it names: a trial, charge
# or inquiry; a condemnation; an anniversary; a threat, a plan, a fear. ("جريمة" and
# "بتهمة" are left out: Syrian pages call a strike a crime, and tell of a man killed "on
# the charge of" belonging to a group.)
EVENT_NOT_TOLD = (
    r"(?<!\w)[وفبل]?(?:محكمه|المحكمه|محاكمه|المحاكمه|متهم|المتهم|المتهمين|متهمين|اتهم"
    r"|اتهمت|اتهام|الاتهام|القاضي|قاضي|الادعاء|التحقيق|التحقيقات|تحقيق|ادان|ادانت|يدين|تدين|استنكر"
    r"|استنكرت|ندد|نددت|شجب|شجبت|ذكري|الذكري|يهدد|تهدد|هدد|هددت|تهديد|تهديدات"
    r"|سوف|محتمل|محتمله|مخاوف|خشيه|مخطط|يخطط|تخطط|مكافحه|تعويض|تعويضات)(?!\w)")
# A protest called for or planned, not held: "دعا الى التظاهر", "تعتزم تنظيم اعتصام".
PROTEST_NOT_DONE = (
    r"(?:دعا|دعت|دعوا|يدعو|تدعو|دعوه|دعوات|تعتزم|يعتزم|تنوي|ينوي|المقرر|تستعد|يستعد|يعتزمون)"
    r"(?: \S+){0,3} (?:الي |ل)?(?:التظاهر|تظاهر|مظاهره|مظاهرات|الاعتصام|اعتصام|الاضراب|اضراب|تنظيم|مسيره|وقفه"
    r"|الخروج|النزول|احتجاج|الاحتجاج)")

KILLED = r"(استشهد|استشهاد|شهيد|شهداء|شهيدا|قتل|قتلي|قتيل|مقتل|ضحايا|ضحيه|وفاه|جثث)"
INJURED = r"(جرحي|جريح|اصابه|اصابات|مصاب|مصابين|جرح|اصيب)"

VICTIM_WORDS: dict[str, str] = {
    "مدنيين": "civilians", "مدنيا": "civilians", "مدني": "civilians", "المدنيين": "civilians",
    "مدنيون": "civilians", "مواطنين": "civilians", "مواطنا": "civilians", "مواطن": "civilians",
    "المواطنين": "civilians", "مواطنون": "civilians", "مسعفين": "civilians", "مسعفا": "civilians",
    "مسعف": "civilians", "صحفيين": "civilians", "صحفيا": "civilians", "صحفي": "civilians",
    "طلاب": "civilians", "مرضي": "civilians", "عمال": "civilians", "مصلين": "civilians",
    "نازحين": "civilians", "النازحين": "civilians", "مزارعين": "civilians", "رعاه": "civilians",
    "افراد": "", "اشخاص": "", "شخصا": "", "شخص": "", "اخرين": "", "اخرون": "", "اخران": "", "اخرين اثنين": "", "شبان": "",
    "شابا": "", "شاب": "", "رجال": "", "رجلا": "", "رجل": "", "الاشخاص": "",
    "اطفال": "children", "الاطفال": "children", "طفل": "children", "طفلا": "children",
    "اطفالا": "children", "طفله": "children", "طفلات": "children", "رضيع": "children",
    "نساء": "women", "امراه": "women", "سيده": "women", "النساء": "women", "سيدات": "women",
    "عنصر": "combatants", "عناصر": "combatants", "عنصرا": "combatants", "مقاتل": "combatants",
    "مقاتلين": "combatants", "مقاتلا": "combatants", "جنود": "combatants", "جندي": "combatants",
    "جنديا": "combatants", "عسكريين": "combatants", "عسكريا": "combatants", "مسلحين": "combatants",
    "مسلحا": "combatants", "مسلح": "combatants", "مسلحون": "combatants", "المسلحين": "combatants",
    # partisan words for fighters: "terrorists", "Daesh members"
    "ارهابيين": "combatants", "ارهابيا": "combatants", "ارهابي": "combatants",
    "الارهابيين": "combatants", "ارهابيون": "combatants", "دواعش": "combatants",
    # "أحد سكان القرية", "أحد أهالي البلدة"
    "سكان": "civilians", "اهالي": "civilians",
}

NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8,
    "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "عشرين": 20, "عشرون": 20,
    "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50,
    "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80,
    "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200,
    "مائتان": 200, "مائتين": 200, "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400,
    "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500, "ستمئه": 600, "ستمائه": 600,
    "سبعمئه": 700, "سبعمائه": 700, "ثمانمئه": 800, "ثمانمائه": 800, "تسعمئه": 900,
    "تسعمائه": 900, "الف": 1000, "الفان": 2000, "الفين": 2000,
}
VAGUE_NUMBERS: dict[str, tuple[int, int]] = {
    "عشرات": (10, 99), "العشرات": (10, 99), "مئات": (100, 999), "المئات": (100, 999),
    "بضعه": (3, 9), "بضع": (3, 9), "عده": (3, 9), "الاف": (1000, 9999), "الالاف": (1000, 9999),
    # "a number of", as en.VAGUE_NUMBERS codes it
    "عدد من": (2, 9), "عددا من": (2, 9),
}

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
            "السبت": 5, "الاحد": 6}
RELATIVE_DAYS = {"امس": -1, "البارحه": -1, "اليوم": 0, "فجر اليوم": 0, "صباح اليوم": 0}
SAY_VERBS = r"(قال|قالت|اكد|اكدت|افاد|افادت|صرح|اعلن|اعلنت|ذكر|ذكرت)"

# Common words that are also names of places somewhere ("مدينة" is Medina, "سوق" a
# Yemeni village, "بلا" (without) one of Jerusalem's names, "المصدر" (the source) a
# village in Gaza, "المنطقة الوسطى" Israel's Central District); alone they are never the
# place a report means.
NOT_PLACES = frozenset(
    """مدينه المدينه قريه القريه بلده البلده حي الحي ريف الريف منطقه المنطقه سوق السوق شمال
    جنوب شرق غرب الشمال الجنوب الشرق الغرب مركز المركز محافظه المحافظه جسر الجسر مستشفي
    المستشفي مدرسه المدرسه بيت البيت دار الدار جامع الجامع مسجد المسجد عين العين تل التل
    دير الدير جبل الجبل وادي الوادي قلعه القلعه حاره الحاره الشيخ شيخ الحرب الحرس السلام
    النصر الفتح الامن الشعب الدوله الجيش الثوره العرب عرب الحياه الساحه ساحه الطريق
    كان ليل سنه سنوات شهداء الشهداء شهيد التحالف السوري السوريه سوري المدني مدني الدفاع
    الاحرار احرار الوطن وطن الخير البلد بلد الكرامه العزه الامل النور الفرقان الاقصي
    الشهيد المحرر الحره الحريه اليوم غدا امس الليل ليله مساء صباح فجر عاجل خاص
    الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد دوله جديد جديده الجديد الجديده
    بيان البيان خبر الخبر خالص ان وان فان خليل مزرعه المزرعه سجن السجن
    منزل منزله المنزل البلاد النساء الاباده العبور العمال قوم راس الراس الصور طول حول
    معبر المعبر باب بلا المصدر مصدر برج البرج رجم مفرق""".split()
) | {"المنطقه الوسطي", "المنطقه الجنوبيه", "المنطقه الشماليه"}

# Two-letter words that begin names of places ("تل ابيض", "تل رفعت"): a scan for names
# starts only at words of three letters or more, as two-letter words are particles.
SHORT_NAME_WORDS = frozenset({"تل"})

# Words before a one-word name that make it a place (read by extract/places.py): "في",
# "على" (a strike on), "مدينة", "بلدة", "ريف", a direction ("شرقي"), with their glued
# prefixes ("بريف", "وقرية", "لمدينة").
PLACE_CUE_BEFORE = (
    r"[وبل]?(?:في|من|الى|علي|نحو|باتجاه|مدينه|بلده|قريه|ريف|حي|منطقه|محافظه|قرب|شمال|جنوب|شرق|غرب"
    r"|شمالي|جنوبي|شرقي|غربي|مخيم|ناحيه|اطراف|محيط|مدن|بلدات|قري|مدينتي|بلدتي|قريتي|بلدات"
    r"|مدخل|وسط|داخل|ضواحي|جبل|سهل|بادیه|باديه)")
# Words after it: "كفرنبل جنوب إدلب", "سرمين بريف إدلب".
PLACE_CUE_AFTER = (r"(?:شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|بريف|في ريف|قرب|بالقرب"
                   r"|شمال غرب|جنوب شرق)")

# -- casualty cues (read by extract/casualties.py) -----------------------------------
# Scale words: "ثلاث مئه" is 300, not 103.
CASUALTY_SCALE = {"مئه": 100, "مائه": 100, "الف": 1000}
# Nouns after a figure that give its kind: "11 شهيدا", "سقوط 5 قتلي", "و20 جريحا".
# "12 فقيداً" (12 lost: Kurdish media's word for the dead)
CASUALTY_KILLED_NOUNS = (r"(?:شهيدا|شهداء|شهيد|الشهداء|قتيلا|قتلي|القتلي|قتيل|ضحايا|ضحيه|جثث|جثه|وفيات"
                         r"|فقيدا|فقداء|فقيد)")
CASUALTY_INJURED_NOUNS = r"(?:جريحا|جرحي|الجرحي|جريح|مصابا|مصابين|المصابين|اصابات|اصابه|مصاب)"
# Words before a figure that give its kind: "استشهد 11", "مقتل 5", "اصابه 15".
CASUALTY_KILLED_BEFORE = (r"(?:استشهد|استشهدت|استشهاد|قتل|قتلت|مقتل|سقوط|وفاه|مصرع|ارتقاء|ارتقي"
                          r"|ارتقت|توفي|توفيت|لقي|لقيت|لقوا|قضي|قضت|قضوا|يقتل|تقتل|اعدام|اعدم|اعدمت"
                          # "راح ضحيتها 12": of whom 12 were the victims
                          r"|تعدم|يعدم|ضحيتها|ضحيته|ضحيتهم|حصيله|عدد الشهداء|عدد القتلي|عدد الضحايا|حياه)")
CASUALTY_INJURED_BEFORE = r"(?:اصابه|اصيب|اصيبت|اصاب|اصابت|يصيب|تصيب|جرح|جرحت|عدد الجرحي|عدد المصابين)"
# Fillers between such a word and its figure: "اسفر عن مقتل", "ارتفع ... الي 20".
CASUALTY_FILLERS = (r"(?:عن|الي|حتي|الي نحو|ل|من|كل من|(?:في |ك)?حصيله (?:اوليه|اوليه جديده|نهائيه|جديده)"
                    r"|ما يزيد عن|ما يزيد علي|نحو|حوالي|قرابه)")
# Dual nouns: one word for two people ("طفلان" two children, "شهيدان" two dead).
# an armed word right after two people says they were fighters: "شخصان مسلحان",
# "رجلين مسلحين", "شخصين يرجح أنهما عنصران"
CASUALTY_ARMED_AFTER = (r"\s+(?:مسلحان|مسلحين|مسلحون|مقاتلان|مقاتلين|عسكريان|عسكريين|ارهابيان"
                        r"|ارهابيين|(?:\S+\s+){0,2}?(?:انهما|انهم)\s+(?:من\s+)?(?:عنصران|عنصرين|عناصر|مقاتلان"
                        r"|مقاتلين|مسلحان|مسلحين))(?!\w)")
CASUALTY_DUALS: dict[str, tuple[str, str]] = {
    # word: (victims, kind it states itself or "")
    "طفلان": ("children", ""), "طفلين": ("children", ""), "طفلتان": ("children", ""),
    "طفلتين": ("children", ""), "امراتان": ("women", ""), "امراتين": ("women", ""),
    "سيدتان": ("women", ""), "سيدتين": ("women", ""), "شخصان": ("", ""), "شخصين": ("", ""),
    "رجلان": ("", ""), "رجلين": ("", ""), "شابان": ("", ""), "شابين": ("", ""),
    "مدنيان": ("civilians", ""), "مواطنان": ("civilians", ""), "مواطنين اثنين": ("civilians", ""),
    # a plural with "two" after it: "مدنيين اثنين" is two civilians
    "مدنيين اثنين": ("civilians", ""), "مدنيان اثنان": ("civilians", ""),
    "شخصين اثنين": ("", ""), "اطفال اثنين": ("children", ""), "طفلين اثنين": ("children", ""),
    "عنصران": ("combatants", ""), "عنصرين": ("combatants", ""), "جنديان": ("combatants", ""),
    "جنديين": ("combatants", ""), "شهيدان": ("", "killed"), "شهيدين": ("", "killed"),
    "قتيلان": ("", "killed"), "قتيلين": ("", "killed"), "جريحان": ("", "injured"),
    "جريحين": ("", "injured"),
    # victims, injuries, dead women; two brothers, sisters, spouses
    "ضحيتان": ("", "killed"), "ضحيتين": ("", "killed"), "قتيلتان": ("", "killed"),
    "قتيلتين": ("", "killed"), "شهيدتان": ("", "killed"), "شهيدتين": ("", "killed"),
    "اصابتان": ("", "injured"), "اصابتين": ("", "injured"), "جريحتان": ("", "injured"),
    "جريحتين": ("", "injured"), "اخوان": ("", ""), "اخوين": ("", ""), "شقيقان": ("", ""),
    "شقيقين": ("", ""), "شقيقتان": ("", ""), "شقيقتين": ("", ""), "زوجان": ("civilians", ""),
    "زوجين": ("civilians", ""), "امراتين اثنتين": ("women", ""), "نازحين اثنين": ("civilians", ""),
}
# One person named by a singular noun right after a killed/injured word: "استشهد طفل".
CASUALTY_SINGULAR: dict[str, str] = {
    "طفل": "children", "طفله": "children", "رضيع": "children", "امراه": "women", "سيده": "women",
    "مواطن": "civilians", "مدني": "civilians", "مسعف": "civilians", "صحفي": "civilians",
    "شاب": "", "رجل": "", "شخص": "", "مسن": "civilians", "عنصر": "combatants",
    # people by their work or lot, civilians all: "مقتل راعي أغنام", "استشهاد مزارع"
    "راعي": "civilians", "مزارع": "civilians", "فلاح": "civilians", "سائق": "civilians",
    "طالب": "civilians", "طالبه": "civilians", "معلم": "civilians", "معلمه": "civilians",
    "طبيب": "civilians", "ممرض": "civilians", "نازح": "civilians", "لاجئ": "civilians",
    "فتاه": "children", "فتي": "children", "عامل": "civilians", "صياد": "civilians",
    "مقاتل": "combatants", "جندي": "combatants",
    # more of the same: a journalist, an activist, an old woman, a mother, a brother
    "اعلامي": "civilians", "مصور": "civilians", "ناشط": "civilians", "مسنه": "civilians",
    "عجوز": "civilians", "مواطنه": "civilians", "مدنيه": "civilians", "شابه": "",
    "ممرضه": "civilians", "طبيبه": "civilians", "مسعفه": "civilians", "متطوع": "civilians",
    "مهندس": "civilians", "صيدلي": "civilians", "ام": "women", "والد": "", "شقيق": "",
    "شقيقه": "", "مسلح": "combatants", "طفلها": "children",
    # a teacher, an employee, a trader; a "terrorist" as partisan pages name a fighter
    "استاذ": "civilians", "موظف": "civilians", "موظفه": "civilians", "تاجر": "civilians",
    "ارهابي": "combatants",
    "والده": "",  # a mother (والدة) or his father (والده): the same letters
    # the object of a verb: "تقتل طفلاً", "قتلت شاباً"
    "طفلا": "children", "شابا": "", "رجلا": "", "مدنيا": "civilians", "مواطنا": "civilians",
    "شخصا": "", "عنصرا": "combatants", "مقاتلا": "combatants", "جنديا": "combatants",
    # "ارتقاء الشهيد صالح", "استشهاد الأخت رونيدا"
    "شهيد": "", "شهيده": "", "اخ": "", "اخت": "", "مراه": "women",
    # "واصيب آخر": another one
    "اخر": "", "اخري": "",
    # people by their office: "مقتل نائب الرئاسة", "مقتل قيادي في التنظيم"
    "مسؤول": "", "نائب": "", "مختار": "civilians", "قيادي": "combatants", "ضابط": "combatants",
    "لاعب": "civilians",
}
# A relative tied to the person before by a pronoun: "وابنها", "ووالدته", "ووالدتهما"
CASUALTY_KIN = (r"(?:ابن|ابنت|طفل|طفلت|زوج|زوجت|شقيق|شقيقت|اخ|اخت|حفيد|حفيدت|والد|والدت|ام|عم)"
                r"(?:ها|هما|هم|ه)|ابيه|اخيه|ابوه|اخوه")
# Two relatives in one word: "وطفليهما", "وابنيها", "وطفلاه"
CASUALTY_KIN_TWO = r"(?:طفلي|ابني|طفلتي|ابنتي|شقيقي|اخوي|طفلا|ابنا|طفلتا|ابنتا|شقيقا|اخوا)(?:ها|هما|هم|ه)"
# Two people named as a pair: "أم وابنها", "امرأة وطفلتها", "رجل وزوجته" (a parent and
# a child or a spouse; the pronoun ties them)
CASUALTY_PAIR = (r"(?:ام|اما|امراه|سيده|اب|ابا|رجل|رجلا|والد|والده|شاب|شابا|مسن)\s+و\s*(?:"
                 + CASUALTY_KIN + ")")
# A singular toll noun on its own: "سقوط شهيد", "شهيدة طفلة وجرحى", "طفل جريح".
CASUALTY_TOLL_SINGULAR = {"شهيد": "killed", "شهيده": "killed", "قتيل": "killed", "قتيله": "killed",
                          # "ارتقى شهيداً", "سقط قتيلاً": died
                          "شهيدا": "killed", "قتيلا": "killed",
                          "ضحيه": "killed", "جريح": "injured", "جريحه": "injured"}
# The deed told of one person by a pronoun: "ما أدى لمقتله", "أودى بحياتها".
CASUALTY_OF_ONE = {"مقتله": "killed", "مقتلها": "killed", "استشهاده": "killed",
                   "استشهادها": "killed", "وفاته": "killed", "وفاتها": "killed",
                   "مصرعه": "killed", "مصرعها": "killed", "بحياته": "killed", "بحياتها": "killed",
                   "بقتله": "killed", "بقتلها": "killed", "تم قتله": "killed", "تم قتلها": "killed"}
# Common given names (normalised), and "أبو"/"عبد" that open a name: "استشهاد أحمد
# نواف الخلف" is one person. Only names that are no common word ("علي" is "on",
# "عمر" "age", "نور" "light", "صباح" "morning").
GIVEN_NAMES = frozenset(
    """محمد احمد محمود مصطفي حسن حسين خالد ابراهيم اسماعيل يوسف يحيي موسي عيسي سليمان
    داود يونس ياسين ياسر عمار عماد مازن ماهر سامر سمير سالم صالح فراس فادي فايز فيصل طارق
    وليد نزار نبيل جاسم حمزه حمود حامد حسام رامي رياض زياد زكريا سعيد سعد شادي عادل عامر
    عدنان عصام غسان فواز قاسم كمال مالك مراد مهند ناصر هاني هيثم انس ايمن بلال ثائر جهاد
    خليل راتب ربيع رضوان زاهر شريف صلاح عزام عمرو غياث فاروق لؤي مصعب معاذ منير نادر هشام
    وائل بسام باسل تامر حازم حمدي رائد رشيد سامي صبحي ضياء عبدالله عبدالرحمن عبدالكريم
    عبدالقادر مجدي مروان منذر نضال هادي وسيم ابو عبد فاطمه عائشه خديجه مريم زينب امنه امينه
    ساره سلمي سعاد ناديه هند ليلي رنا ريم حنان اسماء رقيه رغد رهف بشري نوال وفاء سيف طه عثمان
    بكر زيد معتز مهدي""".split())
# Plural people with no figure after a killed/injured word: "مقتل نازحين", "إصابة
# مواطنين", "وإصابة آخرين", "مقتل عائلة": some, not how many; up to nine, as ACLED codes
# "several".
# Written Arabic does not tell "مدنيين" (plural) from "مدنيَين" (dual), so the sound
# plurals in -ين are two or more, the others three or more. Indefinite only: "مقتل
# المدنيين" is the killing of civilians in general.
CASUALTY_PLURAL_PEOPLE: dict[str, tuple[str, int]] = {
    # word: (victims, fewest it can mean)
    "مدنيين": ("civilians", 2), "مدنيون": ("civilians", 2), "مواطنين": ("civilians", 2),
    "مواطنون": ("civilians", 2), "نازحين": ("civilians", 2), "مسعفين": ("civilians", 2),
    "صحفيين": ("civilians", 2), "مزارعين": ("civilians", 2), "مصلين": ("civilians", 2),
    "عمال": ("civilians", 3), "طلاب": ("civilians", 3), "اشخاص": ("", 3), "شبان": ("", 3),
    "شباب": ("", 3), "رجال": ("", 3), "اطفال": ("children", 3), "تلاميذ": ("children", 3),
    "نساء": ("women", 3), "سيدات": ("women", 3), "افراد": ("", 3),
    # a family: two people at least; "others", "another number" of them
    "عائله": ("civilians", 2), "اسره": ("civilians", 2), "اخرين": ("", 2), "اخرون": ("", 2),
    "عدد اخر": ("", 2), "عددا اخر": ("", 2),
}
# A plural with no figure: "شهداء وجرحى بقصف ...", "جرحى مدنيون في حصيلة أولية". Arabic
# has a dual for two, but a first report uses the plural before anyone has counted: on
# the development half, of the reports whose only toll is such a plural, 13 of 43 (killed)
# and 32 of 78 (injured) had one or two victims. So it says "some, how many untold": one
# up to nine (ACLED's "several" at most). Indefinite forms only: "الشهداء" points back to
# people already counted.
CASUALTY_BARE_PLURALS = {"شهداء": "killed", "قتلي": "killed", "ضحايا": "killed",
                         "جرحي": "injured", "اصابات": "injured", "مصابين": "injured"}
BARE_PLURAL_RANGE = (1, 9)
# "مجزرة" told with no toll: the Syrian Network for Human Rights counts a massacre as five
# or more killed in one attack; how many more is untold (the high end as "عشرات": 99).
# airwars-syria dev: killed_overlap 0.594 -> 0.604; (5, 9) gave 0.597, (2, 9) 0.598.
MASSACRE_RANGE = (5, 99)
# Words that deny a toll before such a plural: "دون وقوع إصابات", "لم يسقط قتلى".
CASUALTY_DENIED = r"دون|بدون|لم|عدم|لا|ولا|نفي|نفت|ينفي|تنفي"
# Subsets: "بينهم طفلان", "منهم ثلاثه اطفال".
CASUALTY_SUBSET = r"(?:بينهم|بينهن|منهم|منهن|من بينهم)"
# Sentences about the whole war or a long period: "منذ عام 2011", "منذ بدايه الحرب".
_MONTHS = (r"كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين|يناير|فبراير|مارس|ابريل|مايو"
           r"|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر")
# A tally of a month or a year ("منذ بداية 2025", "منذ مطلع الشهر الجاري", "خلال الشهر
# الماضي", "خلال الفترة الممتدة من ...") is background too, as is a campaign's ("منذ بدء
# الحملة").
CASUALTY_BACKGROUND = (r"منذ\s+(?:عام\s+)?(?:19|20)\d\d|منذ\s+(?:بدايه|بدء|اندلاع|انطلاق)\s+"
                       r"(?:الحرب|النزاع|الثوره|الازمه|الصراع|الاحداث)|منذ\s+مطلع\s+(?:العام|السنه)"
                       r"|منذ\s+(?:بدايه|بدء|مطلع|اول|انطلاق)\s+(?:(?:عام|العام|السنه|عامي)\s+)?"
                       r"(?:(?:19|20)\d\d|العام|السنه|الشهر|شهر|الاسبوع|(?:ال)?حمله|(?:ال)?تصعيد|العمليه"
                       r"|الهجوم|الغزو|العدوان|الهجمات|" + _MONTHS + r")"
                       r"|خلال\s+(?:شهر\s+)?(?:" + _MONTHS + r")(?!\s+(?:ال)?(?:جاري|حالي))"
                       r"|(?:النصف|الربع)\s+(?:الاول|الثاني|الثالث|الرابع)\s+من\s+(?:العام|عام|السنه)"
                       r"|خلال\s+(?:(?:ال)?(?:شهر|اسبوع|عام|سنه|اشهر|اسابيع|اعوام|سنوات)\s+(?:ال)?"
                       r"(?:ماضي|ماضيه|منصرم|منصرمه|فائت|فائته|حالي|جاري|اخير|اخيره|سابق)"
                       r"|(?:عام|العام|شهر)\s+(?:19|20)\d\d|الفتره\s+(?:الممتده|الواقعه|ما)\s+بين|الفتره\s+الممتده)"
                       # the tally of a period's attacks, told in the sentence after the
                       # period: "وتسببت تلك الهجمات بمقتل أكثر من 94 شخصاً" (not "آخر تلك
                       # الخروقات", the latest of them: this report's)
                       r"|(?<!اخر )(?<!احدث )(?:تلك|هذه)\s+(?:الهجمات|الاعتداءات|الخروقات|الانتهاكات)"
                       # an anniversary: "نستذكر اليوم الذكرى المؤلمة ... قتل أكثر من 90"
                       r"|الذكري\s+(?:السنويه|المؤلمه|الاليمه|ال\S+\s+ل)|ذكري\s+(?:ال)?مجزره")
# A sentence opened as an aside ("يذكر أن", "يشار إلى أن", "الجدير بالذكر"): the report
# recalls another, earlier incident; its toll is that one's (airwars-syria dev: +1 source
# right, none lost, several ranges narrowed to the report's own toll).
CASUALTY_ASIDE = r"^\W*و?(?:يذكر\s+ان|يشار\s+الي|(?:من\s+)?الجدير\s+بالذكر)"
# Another incident recalled in a report of this one: a sentence that opens on another
# time ("وقبل ساعات، سقط أربعة شهداء", "وأمس الثلاثاء، قتل", "والثلاثاء، قتل 4 مدنيين", "في
# اليوم نفسه"), once the report has given its own toll. (A recall inside a sentence, "سبق
# ذلك بيوم مقتل ...", was tried too and left out: Airwars often cites a report for the
# incident it recalls so, and on airwars-syria's development half dropping those figures
# gave killed_overlap nothing and cost injured_overlap 0.003.)
CASUALTY_RECALL_OPENS = (r"^\W*و?(?:قبل\s+(?:ساعات|ساعه|ساعتين|يوم|يومين|ايام)|امس|يوم\s+امس"
                         r"|في\s+(?:اليوم|الوقت)\s+(?:نفسه|ذاته|السابق)|(?:يوم\s+)?(?:ال)?(?:سبت|احد|اثنين"
                         r"|ثلاثاء|اربعاء|خميس|جمعه)\s*[،,])(?!\w)")
# A toll of a day's strikes on many places ("حصيلة أولية لضحايا القصف ... على مدن وبلدات
# ريف إدلب اليوم", "حصيلة شهداء القصف على محافظة إدلب وأريافها"): it sums several incidents,
# and the breakdown told after it in the same paragraph is of those incidents too.
CASUALTY_ROUNDUP = (r"حصيله[^.\n]{0,120}?(?:علي|في)\s+(?:(?:ال)?محافظه\s+)?(?:(?:مدن|قري)\s+و(?:بلدات|قري)"
                    r"|مناطق\s+متفرقه|عده\s+(?:مناطق|قري|بلدات)|#?\S+\s+و(?:اريافها|ريفها|محيطها|ارياف))")
# A toll of no act of war: road accidents, drownings, a capsized boat, a stampede, an
# epidemic ("فقدان 25 شخصا لحياتهم جراء انقلاب سيارة" in a page's list of other stories).
# ACLED and Airwars record none of them. A roundup of separate incidents is no one
# event's toll either.
CASUALTY_NOT_CONFLICT = (r"حوادث سير|حادث سير|حوادث السير|حادث مروري|حوادث مروريه"
                         r"|(?:جراء|اثر|بسبب)\s+انقلاب|انقلاب\s+(?:سياره|حافله|شاحنه|باص|قارب|مركب)|غرق\s+(?:ال)?(?:قارب|مركب|زورق|سفينه)"
                         r"|قارب الموت|حادث غرق|صعق كهربائي|صعقه كهربائيه|حادث تدافع|الكوليرا|كورونا|كوفيد"
                         # a day's roundup of many places: "مقتل 11 شخصا في حوادث متفرقة"
                         r"|حوادث متفرقه|احداث متفرقه")


# -- event coding beyond the trigger (read by extract/events.py) ----------------------
# Who took a place (see en.py): state forces, and everyone else.
STATE_ACTOR_WORDS = (
    r"(الجيش|القوات الحكوميه|قوات النظام|جيش النظام|القوات العراقيه|القوات الامنيه|الشرطه"
    r"|القوات المسلحه|قوات الجيش|القوات السوريه|قوات الامن|الحكومه)")
NONSTATE_ACTOR_WORDS = (
    r"(تنظيم الدوله|داعش|المسلحين|مسلحي|مسلحو|مسلحون|الفصائل|فصائل|المعارضه|الارهابيين|الارهابي|الثوار"
    r"|المتمردين|المتمردون|جبهه النصره|هيئه تحرير الشام|قوات سوريا الديمقراطيه|قسد|طالبان|الحوثيين"
    r"|الحوثي|الميليشيات|ميليشيا|المقاتلين|مقاتلي)")
# The passive: "سقطت بيد/في يد ..." (fell to), "... على يد / من قبل" (by). Arabic marks
# the passive on the verb, so no auxiliary is looked for.
TAKEN_BY = r"^(?P<fell>سقط|سقطت)|^\S+(?: \S+){0,5}? (?:علي يد|من قبل|بيد)"
PASSIVE_AUX = r""
# A protest turned violent, or met with arrests (see en.py).
CROWD_VIOLENCE = (r"(اشتباكات|اشتبك|رشق|رشقوا|الحجاره|احرق|احرقوا|اضرموا النار|اعمال شغب|شغب|تخريب"
                  r"|زجاجات حارقه|مولوتوف)")
CROWD_ARRESTS = r"(اعتقال|اعتقلت|اعتقل|احتجاز|احتجزت)( \S+){0,3} (\d+|[٠-٩]+|عدد|العشرات|عشرات|المحتجين|المتظاهرين)"
