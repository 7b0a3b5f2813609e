"""Arabic ways of naming who struck, beyond the registry's names: a nationality adjective
after the weapon ("القصف الروسي", "غارات روسية", "مسيرة تركية", "صاروخ إيراني"), a
country as the subject of a strike verb ("تركيا تستهدف", "النظام وروسيا"), and the names
partisan Syrian pages give the government's forces ("ميليشيا أسد", "عصابات الأسد",
"النظام المجرم"). Patterns run on the matching text (see ar_normalise), with a hashtag's
words apart (``ar_normalise.join_hashtags``), and a name may open right after a quote, a hashtag's mark
or a colon (an X post's text opens with a quote: 'on X: "غارات روسية ...') and end at a
comma or stop ("مسيرة تركية، مساء اليوم")."""

from __future__ import annotations

import re

from warlog.extract.lang.ar_normalise import WORD_END, WORD_START

# nationality stem -> (registry id of its forces, of its air force)
NATIONALITIES: dict[str, tuple[str, str]] = {
    "روس": ("russia_army", "russia_air_force"),
    "ترك": ("turkey_army", "turkey_air_force"),
    "ايران": ("iran_army", "iran_air_force"),
    "اسرائيل": ("israel_army", "israel_air_force"),
    "امريك": ("us_army", "us_air_force"),
    "اميرك": ("us_army", "us_air_force"),
    "اردن": ("jordan_army", "jordan_air_force"),
    "بريطان": ("uk_army", "uk_air_force"),
    "فرنس": ("france_army", "france_air_force"),
}
COUNTRIES: dict[str, str] = {
    "روسيا": "russia_army", "تركيا": "turkey_army", "ايران": "iran_army",
    "اسرائيل": "israel_army", "امريكا": "us_army", "واشنطن": "us_army", "انقره": "turkey_army",
    "موسكو": "russia_army",
}
# Weapons and forces a nationality adjective may follow (air ones first: they pick the
# air force); a strike or an aircraft may be two ("غارتين جويتين روسيتين").
AIR_NOUNS = (r"طيران|الطيران|الطيران الحربي|الطيران المسير|طائره|طائرات|الطائره|الطائرات|مقاتلات"
             r"|المقاتلات|غاره|غارات|الغاره|الغارات|ضربه جويه|ضربات جويه|مسيره|مسيرات|المسيره"
             r"|المسيرات|طائره مسيره|طائرات مسيره|الطائره المسيره|الحربي|الحربيه|المروحي"
             r"|غارتين|غارتان|الغارتين|طائرتين|طائرتان|مسيرتين|مسيرتان")
# (the enemy: "العدو الروسي يقصف", as partisan pages name an attacker)
GROUND_NOUNS = (r"قصف|القصف|صاروخ|صواريخ|الصاروخ|الصواريخ|قذائف|القذائف|قذيفه|مدفعيه|المدفعيه"
                r"|استهداف|هجوم|الهجوم|قوات|القوات|جيش|الجيش|الاحتلال|احتلال|المحتل|دوريه|الدوريه"
                r"|دبابات|الدبابات|جنود|الجنود|قاعده|القاعده|ضربه|الضربه|ضربات|الضربات|عدوان|العدوان"
                r"|الجندرمه|الجندرما|مرتزقه|ميليشيات|ميليشيا|العدو|عدو")
# a word's edges, as every Arabic cue reads them (ar_normalise.WORD_START, WORD_END)
_OPEN, _CLOSE = WORD_START, WORD_END
_ADJ = "#?(?:ال)?(?P<nat>" + "|".join(NATIONALITIES) + r")(?:ي|يه|يين|يتين|يون)" + _CLOSE
_PREFIX = r"(?:و?(?:لل|[بل])|و)?"  # و and, ب by, ل of; ل + ال is written لل
ADJECTIVE = re.compile(rf"{_OPEN}{_PREFIX}(?:(?P<air>{AIR_NOUNS})|(?:{GROUND_NOUNS}))"
                       rf"(?:\s+\S+){{0,2}}?\s+{_ADJ}")
# "القصف الروسي والإيراني": a second nationality joined to the first
AND_ADJECTIVE = re.compile(rf"\s+و{_ADJ}")
_AIR_WORD = re.compile(rf"{_OPEN}{_PREFIX}(?:{AIR_NOUNS}){_CLOSE}")
_STRIKE_VERB = r"(?:تستهدف|تقصف|تشن|قصفت|استهدفت|شنت|تضرب|ضربت|تواصل|قتلت|تقتل)"
COUNTRY_ACTS = re.compile(
    _OPEN + "[وبل]?(?P<country>" + "|".join(COUNTRIES) + rf")\s+{_STRIKE_VERB}"
    "|(?:النظام|الاسد|قوات النظام)\\s+و(?P<ally>" + "|".join(COUNTRIES) + ")" + _CLOSE
    + "|(?:من قبل|بواسطه|من طرف)\\s+(?P<by>" + "|".join(COUNTRIES) + ")" + _CLOSE)
# How partisan pages name the Syrian government's forces. Syrian Arabic reporting says
# "النظام" (the regime) alone for Assad's government; "البائد" (the fallen) after 2024.
SYRIAN_GOVERNMENT = re.compile(
    _OPEN + r"[وبل]?(?:(?:ميليشيا|ميليشيات|مليشيا|مليشيات|عصابات|عصابه|قوات|جيش|كلاب|شبيحه|نظام"
    r"|طائرات|طيران|مدفعيه|صواريخ|قذائف)"
    r"\s+(?:ال)?اسد|(?:ال)?نظام(?:\s+(?:السوري|المجرم|البائد|الاسدي))?|(?:ال)?شبيحه)" + _CLOSE)
SYRIAN_GOVERNMENT_ID = "syria_army"
# The coalition named after a strike, an aircraft or a raid: "غارة التحالف", "مسيرة
# للتحالف", "طائرة تحالف", 'طائرة "للتحالف"', "غارة من التحالف", "إنزال جوي للتحالف" (the
# registry knows "طيران التحالف", "طائرات التحالف")
COALITION = re.compile(rf"{_OPEN}{_PREFIX}(?:{AIR_NOUNS}|قصف|القصف|ضربه|ضربات|انزال|الانزال)"
                       rf"(?:\s+(?:ال)?جوي(?:ه)?)?\s+(?:من(?:\s+قبل)?\s+|(?:ال)?تابع(?:ه)?\s+)?"
                       rf"[#\"“«]?(?:لل|ل|ال)?تحالف{_CLOSE}")
COALITION_ID = "global_coalition"
def find(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, registry actor id) of every attacker the patterns name."""
    found: list[tuple[int, int, str]] = []
    for m in ADJECTIVE.finditer(norm):
        # the air force when an air word is named anywhere in the phrase
        by_air = bool(m.group("air") or _AIR_WORD.search(m.group()))
        army, air = NATIONALITIES[m.group("nat")]
        found.append((m.start(), m.end(), air if by_air else army))
        more = AND_ADJECTIVE.match(norm, m.end())
        if more:
            army, air = NATIONALITIES[more.group("nat")]
            found.append((more.start(), more.end(), air if by_air else army))
    for m in COUNTRY_ACTS.finditer(norm):
        name = m.group("country") or m.group("ally") or m.group("by")
        group = "country" if m.group("country") else "ally" if m.group("ally") else "by"
        found.append((m.start(group), m.end(group), COUNTRIES[name]))
    for m in SYRIAN_GOVERNMENT.finditer(norm):
        found.append((m.start(), m.end(), SYRIAN_GOVERNMENT_ID))
    for m in COALITION.finditer(norm):
        found.append((m.start(), m.end(), COALITION_ID))
    return sorted(found)


# Who struck, by the words right before an actor named after the weapon: the genitive ل
# ("قصف مدفعي لميليشيا قسد", "لطائرة مسيرة تابعة للتحالف"), "مصدره" (its source was),
# "تابعة ل" (belonging to), "من قبل" / "بواسطة" (by).
# A hashtag or quotes may stand before the name ('لـ"قسد"').
# A kind of force, or the areas it holds, between the cue and the name: "مصدره ميليشيا
# #قسد", "مصدرها مناطق سيطرة قسد", "مصدرها المناطق الخاضعة لسيطرة قسد", "مصدره مناطق
# سيطرة ميليشيا قسد", "لإرهابيي واي بي جي" (each spelling pages use)
_KIND = (r"(?:ميليشيا|ميليشيات|مليشيا|مليشيات|ميلشيا|ميلشيات|قوات|عناصر|عصابات|ارهابيي|مرتزقه"
         r"|(?:ال)?(?:مناطق|منطقه)(?:\s+(?:(?:ال)?خاضعه\s+ل)?(?:سيطره|انتشار|تواجد|نفوذ))?)")
_ATTACKER_BEFORE = re.compile(
    r"(?:(?<!\S)ل|مصدره|مصدرها|(?:ال)?تابع(?:ه)?(?:\s+(?:ل|الي\s+))?|بواسطه|نفذها|شنها"
    r"|من جانب|من طرف|من قبل"
    # a force backing the doer is on its side: "بمساندة التحالف", "مدعومة من التحالف",
    # "مدعومة بطيران التحالف"
    r"|بمسانده|بدعم(?:\s+(?:جوي|وتغطيه|واسناد))?(?:\s+من)?|بمشاركه|ومشاركه|باسناد|بغطاء(?:\s+جوي)?(?:\s+من)?"
    r"|(?:ال)?مدعوم(?:ه|ين)?\s+(?:من|ب?طيران|بطائرات|بغطاء(?:\s+جوي)?(?:\s+من)?|ب)"
    r"|(?:ال)?مشتركه\s+مع|بالتعاون\s+مع|بالاشتراك\s+مع"
    # "بقصف مشترك من قوات قسد": an attack "from" someone
    r"|(?<!\S)[بو]?(?:ال)?(?:قصف|هجوم|استهداف|غاره|غارات|ضربه|ضربات)(?:\s+\S+)?\s+من)\s*"
    rf"(?:{_KIND}\s+){{0,2}}[#\"“«]?$")
# Arabic puts the doer right after the verb or noun of the act: "اعتقلت قسد", "قصف النظام",
# "قصف ميليشيا قسد".
_RIGHT_AFTER = re.compile(rf"\S+\s+(?:{_KIND}\s+)?[#\"“«(]?$")


# A strike verb that opens its clause has the doer right after it: "استهدفت قوات النظام
# بلدة ..." (Arabic puts the verb first); after a noun it opens a relative clause whose
# object follows ("غارة استهدفت قوات النظام": the forces were hit).
_VERB_FIRST = re.compile(r"(?P<open>^|[.،,:;!؟\n\"“«|])\s*[وف]?(?:استهدفت|استهدف|قصفت|شنت"
                         r"|نفذت|ضربت|تستهدف|تقصف)\s+[#\"“«]?$")


def acted(before: str, since_trigger: str | None, opens: bool = False) -> bool:
    """Whether an Arabic actor name is the doer: ``before`` is the text just before the
    name, ``since_trigger`` the text from the trigger to the name (None when the name
    comes before the trigger); ``opens``: ``before`` starts where the text does."""
    if _ATTACKER_BEFORE.search(before):
        return True
    verb = _VERB_FIRST.search(before)
    if verb and (verb.group("open") or opens):
        return True
    return since_trigger is not None and bool(_RIGHT_AFTER.fullmatch(since_trigger))


# A force named by its kind alone, then whose it is: "الطيران المروحي التابع للتحالف",
# "الطيران الحربي التابع إلى روسيا"; the owner named after it is the actor.
OWNED_AFTER = re.compile(r"\s+(?:ال)?تابع(?:ه)?\s+(?:ل|الي\s+)")
# Forces joined to the doer: "قوات النظام وقسد", "قصف مشترك من قوات قسد والنظام",
# "مصدره مناطق سيطرة النظام وقوات سوريا الديمقراطية": the second acted too.
_JOINED = re.compile(rf"[\"”»]?\s*[،,]?\s*و\s*(?:{_KIND}\s+)?[#\"“«]?")


def joined(between: str, name: str) -> bool:
    """Whether ``between`` (the text from one actor name to the next, ``name``) joins the
    two (a pattern's name may hold the "و" itself: "والنظام")."""
    return _JOINED.fullmatch(between + "و" if name.startswith("و") else between) is not None


# "جيش الاحتلال" / "طيران الاحتلال" (the occupation's army, air force) name Israel's forces
# in the registry; a page that says "الاحتلال التركي" elsewhere means Turkey's by them.
_OCCUPIER = re.compile(r"(?:الاحتلال|المحتل)\s+" + _ADJ)
_BARE_OCCUPATION = re.compile(r"(?:الاحتلال|المحتل)$")


def occupier_of(norm: str, name: str) -> str | None:
    """The registry id that a bare "occupation" name stands for on this page, or None
    when the page names no occupier or the name says whose occupation it is."""
    if not _BARE_OCCUPATION.search(name.strip()):
        return None
    m = _OCCUPIER.search(norm)
    if not m:
        return None
    army, air = NATIONALITIES[m.group("nat")]
    return air if _AIR_WORD.search(name) else army
