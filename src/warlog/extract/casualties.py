"""Killed and injured figures as (low, high) ranges, with the victims they name.

A figure is a quantity that counts people: digits ("12", "1,200", "10-15"), number
words ("twenty-three", "a dozen", "ثلاثة"), vague words coded as ACLED does ("dozens"
= 12 at the low end, "tens"/"عشرات" = 10, "hundreds" = 100), a singular person ("a
child was killed") or an Arabic dual ("طفلان", two children). Every candidate goes
through the same steps, sentence by sentence:

1. Not a count: dates, clock times, ages, distances, years, street and camp numbers.
2. Its noun phrase: the words after it must name people ("civilians", "rebel
   fighters", "members of one family") or say the toll itself ("40 dead", "15
   injured", "11 شهيدا"); a count of anything else ("five air strikes", "six days of
   bombing") is not a casualty figure. The phrase also gives the victims.
3. Its kind, in this order: the noun itself ("40 dead"); the verb right after the
   phrase ("12 civilians were reportedly killed"); the verb right before the figure
   ("killing 12", "the death toll rose to 12"); a killed/injured verb a few words on
   in the same clause. A figure right after "killed and" is never read as killed
   from that verb: it is the wounded ("killed and 15 injured").
4. Subsets ("including four children", "بينهم طفلان") take the kind of the figure
   they belong to; family phrases ("X, his wife and their three children", "a family
   of five") also give the family's total.

Killed and injured told together are split only when honest: "a number of civilians
were killed and injured" gives both kinds (at least two of each, no more than the vague
word allows); "12 people were killed or injured" gives nothing. "... and others were
injured" is read as "a number of" others.

Arabic reports often count people without a figure: one person by a noun ("استشهد
طفل", "امرأة قتلت", "شهيدة طفلة"), a name ('مقتل "سامر العبدالله"', "استشهاد أحمد ..."),
people joined to them ("امرأة وطفلتها", "رجلين وطفل"), a plural ("مقتل نازحين": two
or more, how many untold), a list of names under a heading ("أسماء الشهداء:"). These
are read in ``_arabic_people`` and ``_name_lists``. A massacre told with no toll ("ارتكبت
مجزرة") is five or more (``ar.MASSACRE_RANGE``); children followed by their parents ("3
أطفال ووالدتهم") give the family's total too.

Not every line of a page is the report: the headlines listed under "اقرأ أيضاً", "Related",
"السابق/التالي" (``DocContext.other_stories``) are other stories', and a sentence opened as an aside
("يذكر أن") or naming "those attacks" of a period recalls other incidents; their figures
are skipped. So are, in an Arabic report, a sentence that opens on another time once the
report has given its toll ("وقبل ساعات، سقط أربعة شهداء"), and a day's roundup over many
places ("حصيلة ضحايا القصف على مدن وبلدات ريف إدلب") with the breakdown after it in its
paragraph: they recall or sum other incidents (``_not_recalled``, ``_roundups``).

Sentences about a whole war or a long period ("... have been killed since 2011", "the
war has killed", "over the past year", "منذ بداية 2025", "خلال شهر أيار") are
background: their figures are skipped, as are those of no act of war (road accidents,
epidemics), figures whose own clause is the war's ("... have died in the war") and any
above what one event can cost (``_WAR_SCALE``). Figures are not summed here; readers take
the largest (``Mention.figure``) or the lead one (the evaluators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warlog.extract.context import DocContext
from warlog.extract.lang import ar, en
from warlog.extract.lang.ar_normalise import ARABIC_BLOCK, WORD_START
from warlog.model import CasualtyCount

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


# -- numbers --------------------------------------------------------------------------
_QUALIFIERS = (
    "at least", "no fewer than", "no less than", "not less than", "more than", "over",
    "nearly", "almost", "about", "around", "some", "up to", "as many as", "approximately",
    "roughly", "an estimated", "a total of", "at most", "fewer than", "less than", "close to",
    "upwards of", "in excess of", "a further", "another", "an additional", "all", "only",
    "just", "well over", "well above", "ما لا يقل عن", "لا يقل عن", "اكثر من", "ما يزيد عن", "ما يزيد علي", "نحو",
    "حوالي", "قرابه",
)
_QUALIFIER = rf"(?:{_alternation(_QUALIFIERS)})"
_EN_WORD = _alternation(w for w in (*en.NUMBER_WORDS, *en.SCALE_WORDS, *en.VAGUE_NUMBERS)
                        if w not in ("a", "an"))
_AR_WORD = _alternation((*ar.NUMBER_WORDS, *ar.VAGUE_NUMBERS))
_DIG = "[0-9٠-٩۰-۹]"
_D = rf"(?:{_DIG}{{1,3}}(?:,{_DIG}{{3}})+(?!{_DIG})|{_DIG}+)"
_EN_CHAIN = rf"(?:{_EN_WORD})(?:(?:[- ]|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_EN_WORD}))*"
_AR_CHAIN = rf"(?:{_AR_WORD})(?:\s+و?(?:{_AR_WORD}))*"
# One quantity: "12", "1,200", "10-15", "between 10 and 15", "twenty-three", "two or
# three", "a dozen", "dozens", "خمسه وعشرين".
NUMBER = (
    rf"(?:{_QUALIFIER}\s+)*"
    rf"(?:between\s+{_D}\s+and\s+{_D}|(?:ما\s+)?بين\s+{_D}\s+و\s*{_D}"
    rf"|{_D}(?:\s*(?:-|–|—|to|or|الي|الى|او)\s*{_D})?"
    rf"|between\s+{_EN_CHAIN}\s+and\s+{_EN_CHAIN}|{_EN_CHAIN}(?:\s+(?:or|to)\s+{_EN_CHAIN})?"
    rf"|{_AR_CHAIN})"
)
# A candidate starts and ends at word edges; Arabic "و"/"ب" may be glued on ("و20 جريحا").
_CANDIDATE = re.compile(
    rf"(?<![\w\-/.:,])(?:[وبل](?={_DIG}|(?:{_AR_WORD})(?!\w)))?(?P<n>{NUMBER})(?![\w/])", re.I)
_SINGULAR_EN = frozenset(
    """civilian resident villager citizen worshipper shopper mourner medic paramedic doctor
    nurse patient rescuer volunteer journalist reporter photographer cameraman student pupil
    teacher farmer shepherd fisherman worker employee passenger pedestrian refugee relative
    neighbour neighbor brother sister son daughter father husband cousin child kid boy girl
    infant baby toddler minor newborn woman mother wife fighter militant rebel gunman soldier
    jihadist insurgent militiaman policeman officer commander guard combatant pilot person
    man member teenager youth sheikh imam elder mukhtar driver trader merchant shopkeeper vendor
    grandfather grandmother uncle aunt nephew niece activist engineer baker labourer laborer
    herder""".split())


def parse_number(text: str) -> tuple[int, int] | None:
    """'at least 12' -> (12, 12); 'dozens' -> (12, 99); '10-15' -> (10, 15);
    'two or three' -> (2, 3); 'two dozen' -> (24, 24); 'خمسه وعشرين' -> (25, 25)."""
    t = re.sub(r"\s+", " ", text.lower().translate(_DIGITS)).strip()
    while True:
        stripped = re.sub(rf"^{_QUALIFIER}\s+", "", t)
        if stripped == t:
            break
        t = stripped
    t = re.sub(r"^(?:between|(?:ما )?بين)\s+", "", t)
    if re.search(r"\d", t):
        values = [int(n.replace(",", "")) for n in re.findall(r"\d+(?:,\d{3})*", t)]
        if not values:
            return None
        return (min(values), max(values))
    parts = re.split(r"\s+(?:or|to|and|او)\s+", t) if not _word_value(t) else [t]
    values = [_word_value(p) for p in parts]
    if not values or any(v is None for v in values):
        return None
    lows, highs = [v[0] for v in values if v], [v[1] for v in values if v]
    return (min(lows), max(highs))


def _word_value(t: str) -> tuple[int, int] | None:
    t = t.strip()
    for table in (en.VAGUE_NUMBERS, ar.VAGUE_NUMBERS):
        if t in table:
            return table[t]
    for table in (ar.NUMBER_WORDS, en.NUMBER_WORDS):
        if t in table and table[t] and t not in ("a", "an"):  # "a dozen" is 12, not 1 + 12
            return table[t], table[t]
    total = current = 0
    for n, word in enumerate(re.split(r"[\s-]+", t)):
        if n and word.startswith("و") and word[1:] in ar.NUMBER_WORDS:
            word = word[1:]  # "وعشرين": and twenty
        scale = en.SCALE_WORDS.get(word) or ar.CASUALTY_SCALE.get(word)
        if word == "dozen" and current:
            current *= 12
        elif scale and current:
            current *= scale
            if scale >= 1000:
                total, current = total + current, 0
        elif word in en.NUMBER_WORDS and word not in ("a", "an"):
            current += en.NUMBER_WORDS[word]
        elif word in ar.NUMBER_WORDS:
            current += ar.NUMBER_WORDS[word]
        elif scale:
            current = scale
        elif word in en.VAGUE_NUMBERS and n == 0:
            return en.VAGUE_NUMBERS[word]
        elif word not in ("and", "a", "an"):
            return None
    value = total + current
    return (value, value) if value else None


# -- not a count ----------------------------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|كانون|شباط|اذار|نيسان"
          r"|ايار|حزيران|تموز|اب|ايلول|تشرين|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس"
          r"|سبتمبر|اكتوبر|نوفمبر|ديسمبر)")
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?(?P<m>{_MONTH})\b\.?", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?P<m>{_MONTH})\.?\s*(?:the\s+)?$", re.I)
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:[ap]\.?m\b|gmt\b|utc\b|local time|o'clock|h\b|hrs\b|%|percent|per cent|km\b|kilomet"
    r"|miles?\b|metres?\b|meters?\b|kg\b|tons?\b|tonnes?\b|dollars\b|usd\b|bn\b|million dollars)"
    r"|\s*-?\s*(?:years?|yrs?|months?|weeks?|days?)[- ](?:old|of age)\b|\s*-\s*(?:years?|months?)\b"
    r"|[:.]\d|\s*years? old|'?s\b|’s\b|\s*(?:عاما|سنه|سنوات|عام|شهرا|اشهر)(?!\w))", re.I)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\d[:.]|[$£€#]|\b(?:aged|age|ages|aged between|block|camp|street|road|route|building|floor"
    r"|no\.?|number|resolution|article|sector|zone|gate|phase|tower|apartment|unit|flight|highway"
    r"|channel|page|chapter|paragraph|room|ward|division|brigade|battalion|regiment|squadron"
    r"|grade|class|level|section|plot|bus|line|code|id|isbn|tel|phone|قطاع|بلوك|رقم|شارع|الساعه(?:\s+\S+)?"
    r"|العمر|عمره|عمرها|عام"
    # who a vehicle carried, not who died: "سيارة تقل 5 أشخاص", "a car carrying four people"
    r"|carrying|تقل|يقل|تستقل|يستقل)"
    r"|\b(?:husband|wife|son|daughter|father|mother|brother|sister|man|woman|boy|girl),)\s*$",
    re.I)
_PAREN_AGE = re.compile(r"^\s*(?:years?(?: old)?|yrs?)?\s*\)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_BEFORE = re.compile(rf"(?:\b{_MONTH}\.?(?:\s+(?:الاول|الثاني))?|\b\d{{1,2}}(?:st|nd|rd|th)?)[\s,/.-]*$",
                          re.I)  # "1 كانون الأول 2024 الشاب ...": a date

# -- noun phrases ---------------------------------------------------------------------
_VICTIMS = {**en.VICTIM_WORDS, **ar.VICTIM_WORDS}
_STOP = frozenset(
    """were was have has had are is be been being got who that which whom whose when where
    while after before as at in on by from to for into with without during since until
    because and or but nor than then there their its his her our this these those the
    including among amongst across near inside outside following amid according said says
    told reported report reports if though although whereas despite under over yesterday
    today tonight overnight earlier last this next monday tuesday wednesday thursday friday
    saturday sunday morning evening afternoon so a an
    في من علي الي عن مع بعد قبل جراء اثر نتيجه خلال اليوم امس بينهم منهم بينهن منهن""".split())
_KILLED_NOUNS = re.compile(rf"(?:dead|deaths|fatalities|martyrs|bodies|corpses|killed|slain"
                           rf"|{ar.CASUALTY_KILLED_NOUNS})")
_INJURED_NOUNS = re.compile(rf"(?:wounded|injured|injuries|hurt|{ar.CASUALTY_INJURED_NOUNS})")
_NEUTRAL_HEADS = frozenset("members member men man personnel elements staff people".split())
_ARMED_MODIFIERS = frozenset(
    """regime pro-regime pro-government government army military security police opposition
    is isis isil daesh nusra hezbollah hamas jihadist islamist militia armed ypg sdf fsa
    paramilitary""".split())
_CIVIL_MODIFIERS = frozenset(
    """civilian aid medical health rescue humanitarian relief displaced unarmed innocent civil
    press media family""".split())
_FAMILY = re.compile(r"\b(?:famil(?:y|ies)|household|clan|relatives|عائله|اسره)\b", re.I)
_CIVIL_BODY = re.compile(r"\b(?:civil defen[cs]e|white helmets|red crescent|red cross|medical"
                         r"|relief|aid|msf|doctors without borders|press|media|unicef|unrwa|un)\b", re.I)
_ARMED_BODY = re.compile(r"\b(?:front|group|militia|army|forces|brigades?|factions?|movement"
                         r"|organi[sz]ation|hezbollah|hamas|jihad|is|isis|isil|daesh|nusra|qaeda"
                         r"|ypg|sdf|fsa|regime|committees|guards?|police|security|battalions?)\b", re.I)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians|ans|is|ites)")
_RANK = {"children": 5, "women": 4, "combatants": 3, "civilians": 2, "": 1}


@dataclass
class _Phrase:
    end: int  # offset in the sentence just after the phrase
    victims: str = ""
    kind: str = ""  # the phrase names the toll itself: "40 dead", "15 injured"
    person: bool = False  # it names people
    head: bool = False  # with a noun for them ("12 civilians"), not only a toll word
    partitive: bool = False  # "three of them children": a subset


def _category(words: list[str], heads: list[str]) -> str:
    cats = {_VICTIMS[h] for h in heads if h in _VICTIMS}
    neutral = all(h in _NEUTRAL_HEADS or _VICTIMS.get(h) == "" for h in heads)
    if neutral and any(w in _ARMED_MODIFIERS for w in words):
        return "combatants"
    if neutral and any(w in _CIVIL_MODIFIERS for w in words):
        return "civilians"
    cats.discard("")
    if "combatants" in cats and len(cats) > 1:
        return ""  # "civilians and fighters": nobody can split them
    if {"women", "children"} <= cats or ("civilians" in cats and len(cats) > 1):
        return "civilians"  # "women and children" together are civilians
    return max(cats, key=_RANK.__getitem__) if cats else ""


def _noun_phrase(text: str, pos: int, vague: bool) -> _Phrase | None:
    """The people counted by the figure ending at ``pos``; None when it counts things."""
    words: list[str] = []
    heads: list[str] = []
    unknown = 0
    end = pos
    token = re.compile(r"[ \t]+(?P<w>(?:\d+-)?[^\W\d_][\w'’\-]*)")  # "10-year-old" too
    p = pos
    while True:
        m = token.match(text, p)
        if not m:
            break
        raw = m.group("w")
        w = re.sub(r"(?:'s|’s|'|’)$", "", raw.lower())
        if w == "من" and not heads and not words and not vague:
            # "18 من جنود النظام", "19 من المدنيين": the people the figure counts
            part = token.match(text, m.end())
            v = part.group("w") if part else ""
            v = v if v in _VICTIMS else v[2:] if v.startswith("ال") and v[2:] in _VICTIMS else ""
            if v:
                heads.append(v)
                words.append(v)
                end = p = part.end()
                break
        if w == "of":
            rest = text[m.end():]
            part = re.match(r"\s+(them|whom|those|the|his|her|their)\b(?:\s+(?:were|are|was))?"
                            r"\s+(?P<v>[^\W\d_][\w\-]*)", rest)
            if not heads and not vague and part:
                # "three of them children", "three of her sons"
                v = part.group("v").lower()
                if v in _VICTIMS:
                    return _Phrase(end=m.end() + part.end(), victims=_VICTIMS[v], person=True,
                                   head=True, partitive=part.group(1) in ("them", "whom"))
                return None
            if heads and heads[-1] in _NEUTRAL_HEADS | {"staff", "members", "member", "family"}:
                # "members of one family", "members of the Nusra Front"
                comp = re.match(r"(?:\s+(?:[A-Z][a-z]{1,2}\.|[\w'’\-]+)){1,8}?(?=\s*(?:[,;:.()]|$"
                                r"|\s(?:were|was|have|has|had|are|is|who|in|on|when|after|killed"
                                r"|died)\b))", rest)
                if comp:
                    c = comp.group(0)
                    if _FAMILY.search(c) or _CIVIL_BODY.search(c) or "family" in heads:
                        cat = "civilians"
                    elif _ARMED_BODY.search(c) or re.search(r"\s[A-Z]", c):
                        cat = "combatants"
                    else:
                        cat = next((_VICTIMS[x] for x in c.lower().split() if x in _VICTIMS), "")
                    return _Phrase(end=m.end() + comp.end(), victims=cat, person=True, head=True)
                break
            if not heads and vague and not words:
                p = end = m.end()  # "dozens of people"
                continue
            break
        if w in _STOP and not (len(raw) > 1 and raw.isupper()):  # "IS fighters": not "is"
            break
        if not words and w.startswith("و") and w[1:] not in _VICTIMS:
            break  # "راح ضحيتها 12 وأصيب 23": "و" opens the next clause
        if (_KILLED_NOUNS.fullmatch(w) or _INJURED_NOUNS.fullmatch(w)) and (heads or not words):
            if w in ("killed", "injured", "wounded", "hurt") and _OWN_FIGURE.match(text, m.end()):
                break  # "killed 30 people injured 90": the verb of the next figure
            kind = "killed" if _KILLED_NOUNS.fullmatch(w) else "injured"
            nxt = text[m.end():]
            other = (r"(?:injured|wounded|hurt|injuries|" + ar.CASUALTY_INJURED_NOUNS + ")" if kind == "killed"
                     else r"(?:killed|dead|deaths|martyrs|" + ar.CASUALTY_KILLED_NOUNS + ")")
            if re.match(rf"\s*(?:,|or|and|and/or|و)\s*{other}", nxt, re.I):
                return _Phrase(end=m.end(), kind="combined", person=True)
            return _Phrase(end=m.end(), victims=_category(words, heads), kind=kind, person=True,
                           head=bool(heads))
        if w not in _VICTIMS and _DEMONYM.fullmatch(raw):
            w = "people"  # "Syrians", "Assyrians", "Yemenis"
        own = re.fullmatch(r"(\w+?)(?:ها|هم|هن|ه)", w)
        if w not in _VICTIMS and own and own.group(1) in ar.VICTIM_WORDS:
            w = own.group(1)  # "أحد أطفالها": one of her children
        if not words and w not in _VICTIMS and w.startswith("ال") and w[2:] in ar.VICTIM_WORDS:
            w = w[2:]  # "أحد المرضى"
        if w in _VICTIMS:
            heads.append(w)
            words.append(w)
            end = p = m.end()
            # "women and children", "civilian women", "rebel fighters"
            more = re.match(r"(?:\s+and|\s*,)?\s+([^\W\d_][\w\-]*)", text[p:])
            if more and more.group(1).lower() in _VICTIMS and not _CANDIDATE.match(more.group(1)):
                continue
            if more and (_KILLED_NOUNS.fullmatch(more.group(1).lower())
                         or _INJURED_NOUNS.fullmatch(more.group(1).lower())
                         or more.group(1).lower() == "of"):
                continue
            break
        if heads or w in en.CASUALTY_NOT_PEOPLE or _CANDIDATE.fullmatch(w):
            if not heads and w in en.CASUALTY_NOT_PEOPLE:
                return None
            break
        if w in ("more", "other", "additional", "further") and not heads:
            p = end = m.end()  # "dozens more were wounded", "five other people"
            continue
        peek = token.match(text, m.end())
        if not words and re.fullmatch(r"[a-z]+(?:ing|ed)|[a-z]+ly", w) and not (
                peek and peek.group("w").lower() in _VICTIMS):
            break  # "the toll at 58 saying ...": a verb or adverb ends the figure
        unknown += 1
        words.append(w)
        if unknown > 3:
            return None
        p = m.end()
    if not heads:
        if unknown:
            return None  # "five separate raids": not people
        return _Phrase(end=end)
    return _Phrase(end=end, victims=_category(words, heads), person=True, head=True)


# -- kinds ----------------------------------------------------------------------------
_VICTIM_ALT = _alternation(w for w in _VICTIMS if " " not in w)
_COORD = (rf"(?:\s*(?:,|\band\b|و)\s*(?:(?:a|an|one|{NUMBER})\s+)?(?:[\w'’\-]+\s+){{0,2}}?"
          rf"(?:{_VICTIM_ALT})\b)*")
_ASIDE = (r"(?:\s*(?:,|\s[-–—]|\()\s*(?:including|among them|among whom|of whom|mostly|most of them"
          r"|all of them|many of them|mainly|most|all|some of them|both)\b[^,;:()–—]{0,120}?"
          r"(?:,|\s[-–—]|\))\s*"
          # an Arabic breakdown in brackets: "5 مدنيين (4 أطفال وسيدة) قتلوا"
          r"|\s*\((?=[^()]*[\u0600-\u06ff])[^()]{1,80}\)\s*)?")
_AFTER = re.compile(
    rf"^{_COORD}{_ASIDE},?\s*(?:(?:{en.CASUALTY_AUX})\s+)*"
    rf"(?:(?P<combined>{en.CASUALTY_COMBINED})|(?P<killed>{en.CASUALTY_KILLED_AFTER}|قتلوا"
    rf"|استشهدوا|لقوا حتفهم|(?:فقدوا\s+)?ل?حيات(?:هم|هما|ه|ها))"  # "5 أشخاص لحياتهم": lost their lives
    rf"|(?P<injured>{en.CASUALTY_INJURED_AFTER}|اصيبوا|جرحوا))(?!\w)", re.I)
_FILLER = r"(?:(?:the|a total of|at least|more than|another|a further|all|some|only|just)\s+)*"
# a word's start (ar_normalise.WORD_START: "الصحة:استشهاد", "▪️الشهداء :"), and the
# one-letter prefix و، ب or ل
_AR_EDGE = rf"{WORD_START}[وبل]?"
# what a toll is of, between "حصيلة ضحايا" and "إلى N": "ارتفعت حصيلة ضحايا الغارات الجوية
# التي استهدفت أحياء المدينة عصر اليوم إلى 16 مدنياً" (up to 20 words, not past another
# toll's verb or a clause's end)
_AR_TOLL_OF = (r"(?:\s+(?!و?(?:اصيب|اصابه|جرح|قتل|مقتل|استشهد|استشهاد)(?!\w))[^\s.;:]+){0,20}?\s+")
_BEFORE_KILLED = re.compile(
    rf"(?:\b(?:{en.CASUALTY_KILLED_BEFORE})\s+{_FILLER}"
    rf"|{_AR_EDGE}(?:{ar.CASUALTY_KILLED_BEFORE})\s+(?:(?:{ar.CASUALTY_FILLERS})\s+)*"
    rf"|{_AR_EDGE}(?:حصيله|عدد)\s+(?:ال)?(?:شهداء|قتلي|ضحايا|وفيات){_AR_TOLL_OF}"
    rf"(?:الي|ل|بلغت|بلغ|هي|وصلت)\s+)$", re.I)
_BEFORE_INJURED = re.compile(
    rf"(?:\b(?:{en.CASUALTY_INJURED_BEFORE})\s+{_FILLER}"
    rf"|{_AR_EDGE}(?:{ar.CASUALTY_INJURED_BEFORE})\s+(?:(?:{ar.CASUALTY_FILLERS})\s+)*"
    rf"|{_AR_EDGE}(?:حصيله|عدد)\s+(?:ال)?(?:جرحي|مصابين|اصابات){_AR_TOLL_OF}"
    rf"(?:الي|ل|بلغت|بلغ|هي|وصلت)\s+)$", re.I)
# "مقتل وإصابة 5 مدنيين" (killing and wounding of five): killed and injured together, told
# before the figure as Syrian headlines tell a toll
_AR_COMBINED_CUE = (r"(?:مقتل|استشهاد|قتل|سقوط|يقتل|تقتل)\s+و\s*(?:اصابه|جرح|يصيب|تصيب|يجرح|تجرح)"
                    r"|(?:اصابه|جرح|يصيب|تصيب)\s+و\s*(?:مقتل|استشهاد|قتل|يقتل|تقتل)")
_AR_BEFORE_COMBINED = re.compile(
    rf"{_AR_EDGE}(?:{_AR_COMBINED_CUE})\s+(?:(?:{ar.CASUALTY_FILLERS})\s+)*$")
# "killed and 15 injured", "killing and wounding dozens": the verb before is not this figure's
_BEFORE_BLOCKED = re.compile(
    r"\b(?:killed|killing|dead|died|deaths|martyred|injured|injuring|wounded|wounding|hurt)"
    r"\s*,?\s*(?:and|or|while|with|as well as|in addition to)\s+(?:(?:injuring|wounding|injured"
    r"|wounded|killing|killed)\s+)?$"
    r"|(?:قتل|مقتل|استشهاد|استشهد|اصابه|اصيب)\s+و$", re.I)
_SUBSET_BEFORE = re.compile(
    rf"(?:\b(?:including|among them|amongst them|among whom|of whom|of them|most of them|mostly"
    rf"|mainly|among the dead were|among those killed were)|{_AR_EDGE}(?:{ar.CASUALTY_SUBSET})"
    # an Arabic breakdown in brackets: "5 مدنيين (4 أطفال وسيدة)"
    rf"|(?<=[\u0600-\u06ff])\s*\()\s*:?\s*$", re.I)
_COMPANION = re.compile(
    r"\b(?P<link>along with|alongside|together with|with|and)\s+(?:(?P<own>his|her|their)\s+)?"
    r"(?:(?P<spouse>wife|husband)\s*,?\s*and\s+(?:their|his|her)\s+)?$", re.I)
_FAMILY_OF = re.compile(r"\b(?:an?\s+)?(?:entire\s+|whole\s+)?family\s+of\s+$"
                        r"|(?:عائله|اسره)\s+(?:(?:مكونه|مؤلفه)\s+)?من\s+$", re.I)
_LOOSE_STOP = re.compile(
    r"[;:\[\]]|\.\s|\b(?:after|when|as|while|because|before|following|but|since|said|says|told"
    r"|according|than|until|if|though|although|whereas|despite|which|where)\b", re.I)
_KILLED_VERB = re.compile(rf"\b(?:{en.CASUALTY_KILLED_AFTER}|{en.CASUALTY_KILLED_BEFORE})\b"
                          rf"|{ar.CASUALTY_KILLED_BEFORE}|{ar.CASUALTY_KILLED_NOUNS}", re.I)
_INJURED_VERB = re.compile(rf"\b(?:{en.CASUALTY_INJURED_AFTER}|{en.CASUALTY_INJURED_BEFORE})\b"
                           rf"|{ar.CASUALTY_INJURED_BEFORE}|{ar.CASUALTY_INJURED_NOUNS}", re.I)
_OWN_FIGURE = re.compile(rf"\s+(?:{NUMBER})(?![\w/])", re.I)
_LOOSE_BEFORE = re.compile(
    r"\b(?:(?P<killed>killing|killed|kills)|(?P<injured>injuring|wounding|injured|wounded))"
    r"(?:\s+(?!and\b|or\b)[^\W\d]+){1,6}\s+$"
    rf"|{_AR_EDGE}(?:(?P<ar_killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<ar_injured>{ar.CASUALTY_INJURED_BEFORE}))"
    r"(?:\s+(?!و)\S+){1,6}\s+$", re.I)
_COMBINED = re.compile(en.CASUALTY_COMBINED + r"|قتلي وجرحي|شهداء وجرحي|بين قتيل وجريح", re.I)
# A toll of the war recalled, in two parts: the Arabic one is tried only on a sentence
# with Arabic in it (every match of it holds an Arabic word; see _background).
_BACKGROUND_EN = re.compile(en.CASUALTY_BACKGROUND, re.I)
_BACKGROUND_AR = re.compile(ar.CASUALTY_BACKGROUND, re.I)
_NOT_CONFLICT = re.compile(ar.CASUALTY_NOT_CONFLICT)  # Arabic words only
_AR_ASIDE = re.compile(ar.CASUALTY_ASIDE)  # an aside recalling another incident
# "the deadliest attack since 2016" compares this event with the war; it is not a war total
_SUPERLATIVE = re.compile(r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|highest|first"
                          r"|most \w+)\b[^.;]{0,60}\bsince\b", re.I)
# a single event's toll above this is a campaign's or a war's
_WAR_SCALE = 5000
_LOOKBACK = 250  # how far back the cue words before a figure are looked for
_WAR_CLAUSE = re.compile(
    r"\s+(?:[\w'’\-]+\s+){0,4}?(?:killed|died|dead|perished)\s+(?:so far\s+)?(?:in|during|throughout"
    r"|since the start of)\s+(?:the|this|syria's|syrias|the country's)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:war|conflict|uprising|revolution|crisis)(?![\w-])", re.I)

# "X was killed", "a young man was killed": one person
_ONE = re.compile(
    r"\b(?:(?:was|has been|had been)\s+(?:(?:reportedly|allegedly|also|later|then|subsequently"
    r"|tragically|apparently|instantly|immediately|critically|seriously|fatally|badly|severely"
    r"|moderately|lightly|slightly|confirmed|shot and|likely|probably|possibly|eventually"
    r"|believed to have been|said to have been)\s+)*"
    r"(?:(?P<killed>killed|martyred|slain|shot dead|executed|murdered|assassinated|beheaded"
    r"|gunned down)|(?P<injured>injured|wounded|hurt))"
    r"|(?:he|she)\s+(?:later\s+|subsequently\s+|eventually\s+)?(?P<died>died|succumbed))\b", re.I)
_SINGLE = re.compile(rf"\b(?:a|an|one)\s+(?:[\w'’\-]+\s+){{0,2}}?(?P<w>{_alternation(_SINGULAR_EN)})\b",
                     re.I)
# a headline drops the article: "Child killed in shelling on ...", "Woman and two children
# killed", "Father killed, ..." (at a line's, sentence's or title part's start)
_HEADLINE_ONE = re.compile(rf"(?:^|(?<=[|:\n–—])|(?<=[|:\n–—]\s)|(?<=[|:\n–—]\s\s))"
                           rf"(?P<w>{_alternation(w.capitalize() for w in _SINGULAR_EN)})\b")
# who the one person was, told between the noun and the verb: "a man named Kamal Hasan
# died of wounds", "a civilian from the countryside of Ain Issa died of injuries"
_WHO_THEY_WERE = re.compile(
    r"^,?\s+(?:(?:named|called)\s+(?:(?:al-|el-)?[A-Z][\w'’\-]*\s+){1,5}?"
    r"|from\s+(?:[\w'’\-]+\s+){0,6}?(?:(?:al-|el-)?[A-Z][\w'’\-]*\s+){1,3}?)"
    r"(?=(?:died|was|had)\b)")
# two people in one phrase: "a husband and wife", "a mother and her son"
_PAIR = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?P<w>(?:married\s+)?couple|husband and (?:his\s+)?wife"
    r"|man and his wife|woman and her (?:husband|son|daughter|child)|mother and (?:her\s+)?"
    r"(?:son|daughter|child|baby)|father and (?:his\s+)?(?:son|daughter|child))\b", re.I)
# the subject of "alongside N": one person ("X was killed alongside", "killing X alongside")
_ONE_SUBJECT = re.compile(
    r"(?:\bwas\s+(?:\w+\s+)?(?:killed|martyred)|\bkilling\s+(?:an?\s+[\w-]+|(?:[A-Z][\w'’\-]*\s*){1,6}))"
    r"[\s,]*$")
_BEFORE_COMBINED = re.compile(
    r"\b(?:killing|killed|deaths?|martyrs)\s*(?:,|and|or)\s*(?:injuring|wounding|injured|wounded"
    r"|injuries)(?:\s+of)?\s+$|\b(?:injuring|wounding|injuries|wounded|injured)\s*(?:,|and|or)\s*"
    r"(?:killing|killed|deaths?)(?:\s+of)?\s+$", re.I)
_OTHERS = re.compile(
    r"(?:\band|,|\bwhile|&)\s+(?P<w>others)\s+(?:(?:were|have been|had been|reportedly|also)\s+)*"
    r"(?:(?P<killed>killed|died)|(?P<injured>injured|wounded|hurt))\b", re.I)
# others hurt, after the verb: "injuring other civilians", "the injury of others": more
# than one, how many untold (as "others injured")
_OTHERS_HURT = re.compile(
    r"\b(?:injuring|wounding|(?:the\s+)?(?:injury|injuries|wounding)\s+of)\s+(?:several\s+|many\s+)?"
    r"(?P<w>others|other\s+(?:civilians|people|persons|residents))\b", re.I)
_NOBODY = re.compile(r"\b(?:no one|no-one|nobody|none|neither|no civilians?|no people|no"
                     r" person|not|whether|if)\b", re.I)
_AR_ONE_OF = re.compile(r"\s+(?:ال)?(?:(?P<killed>قتلي|ضحايا|شهداء)|جرحي|مصابين)(?!\w)")
# one person, and those joined to it: "استشهد طفل وطفلة", "مقتل امرأة وطفل", "استشهاد
# طفلة ووالدتها": one each
_AR_JOINED = (rf"\s*[،,]?\s*و\s*(?:(?:ال)?(?:{_alternation(ar.CASUALTY_SINGULAR)})|{ar.CASUALTY_KIN}"
              rf"|{ar.CASUALTY_KIN_TWO})(?!\w)")
# a name between the person and the one joined on: "إصابة المواطن محمد عبد الرحيم وابنه"
_AR_NAME_THEN_JOINED = (rf"(?:(?:\s+[\"“«(][^\"“”«»()\n]{{3,40}}[\"”»)]|\s+(?:{_alternation(ar.GIVEN_NAMES)})"
                        rf"(?:\s+(?!و)[^\s،,.]+){{0,3}})(?={_AR_JOINED}))?")
_AR_ONE = re.compile(
    rf"{_AR_EDGE}(?:(?P<killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))"
    rf"\s+(?:(?:ال)?(?P<noun>{_alternation(ar.CASUALTY_SINGULAR)})|(?P<kin>{ar.CASUALTY_KIN}))(?!\w)"
    rf"{_AR_NAME_THEN_JOINED}(?P<more>(?:{_AR_JOINED})*)")
# one who lost their life: "فقد مدني حياته", "فقدت طفلة تبلغ 12 عاما حياتها", "مواطن يفقد
# حياته"; two: "فقد مدنيان حياتهما", "فقدان طفلين حياتهما" (not "فقدان" alone: "فقدان
# ثلاثة أشخاص" is three missing)
_AR_LIFE_LOST = re.compile(
    rf"{_AR_EDGE}(?:(?:فقد|فقدت|فقدان|يفقد|تفقد)\s+(?:ال)?(?P<noun>{_alternation(ar.CASUALTY_SINGULAR)})"
    rf"(?:[\s،,]+[^\s.،,]+){{0,10}}?[\s،,]+ل?حيات(?:ه|ها)"
    rf"|(?:ال)?(?P<noun2>{_alternation(ar.CASUALTY_SINGULAR)})\s+(?:يفقد|تفقد|فقد|فقدت)\s+"
    rf"حيات(?:ه|ها)"
    rf"|(?:فقد|فقدت|فقدا|فقدتا|فقدان|يفقد|تفقد|يفقدان|تفقدان)\s+(?:ال)?"
    rf"(?P<two>{_alternation(ar.CASUALTY_DUALS)})(?:[\s،,]+[^\s.،,]+){{0,10}}?[\s،,]+ل?حياتهما)(?!\w)")
# the same person told before the verb: "امرأة قتلت متأثرة بجراحها", "طفل أصيب بجروح",
# "المدني الذي استشهد"
_AR_ONE_AFTER = re.compile(
    rf"{_AR_EDGE}(?:ال)?(?P<noun>{_alternation(ar.CASUALTY_SINGULAR)})\s+(?:(?:الذي|التي)\s+)?"
    rf"(?:(?P<killed>قتل|قتلت|استشهد"
    rf"|استشهدت|توفي|توفيت|لقي|لقيت)|(?P<injured>اصيب|اصيبت|جرح|جرحت))(?!\w)")
# a person named first, the deed after a comma: "محمد العلي، قتل إثر قصف", "سعيد
# الحسن، توفي في المستشفى": one; not "..., قتل 3 مدنيين" (who killed, not who died)
_AR_NAME_FIRST = re.compile(
    rf"{_AR_EDGE}(?P<name>{_alternation(ar.GIVEN_NAMES)})(?:\s+[^\s،,.:]+){{0,3}}\s*[،,]\s*"
    rf"(?:قتل|قتلت|استشهد|استشهدت|توفي|توفيت)(?!\w)(?!\s*(?:{_D}|{_AR_CHAIN})(?!\w))")
# people named in quotes or brackets right after the deed: 'مقتل "سامر العبدالله"',
# 'استشهاد (إسماعيل قداد)', 'مقتل كل من "أ" و"ب"': one each
_AR_QUOTED_NAME = r"[\"“«(][^\"“”«»()\n]{3,40}[\"”»)]"
_AR_NAMED = re.compile(
    rf"{_AR_EDGE}(?:(?P<killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))"
    rf"\s+(?:كل\s+من\s+)?(?:(?:ال)?(?P<noun>{_alternation(ar.CASUALTY_SINGULAR)})\s+)?"
    rf"(?P<names>{_AR_QUOTED_NAME}(?:\s*(?:[،,\-–]|و)\s*"
    # up to two words before the next name, none of them a new deed ("وإصابة والده")
    rf"(?:(?!و?(?:{ar.CASUALTY_KILLED_BEFORE}|{ar.CASUALTY_INJURED_BEFORE})\s)[^\s\"“«(]+\s+){{0,2}}"
    rf"{_AR_QUOTED_NAME})*)")
# each of a list of people told by name and age: "إصابة كل من أريج الحسن (20 عاماً)
# وآسيا الحسن (12 عاماً)": one for each age
_AR_AGE = r"\(\s*\d{1,3}\s*(?:عاما|عام|سنه|سنوات|اعوام)\s*\)"
_AR_EACH_AGED = re.compile(
    rf"{_AR_EDGE}(?:(?P<killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))"
    rf"\s+كل\s+من\s+(?P<names>(?:[^\s()،,.]+\s+){{1,5}}{_AR_AGE}"
    rf"(?:\s*[،,]?\s*و?\s*(?:[^\s()،,.]+\s+){{1,5}}{_AR_AGE})*)")
# the victim named: "الضحية فطيم البتال", "الضحية هي ...", 'الشهيد "أنس"', 'الشهيد الصحفي
# والإعلامي الحر "أنس"' (up to three words of who they were); not a street,
# square or school named after one ("شارع الشهيد ...")
_AR_THE_VICTIM = re.compile(
    rf"(?<!شارع )(?<!ساحه )(?<!مدرسه )(?<!دوار )(?<!حي )(?<!جامع )(?<!مسجد )(?<!لواء )(?<!كتيبه )"
    rf"{_AR_EDGE}ال(?:ضحيه|شهيد|شهيده|قتيل|قتيله)\s+(?:(?:هو|هي)\s+)?(?:و?ال\S+\s+){{0,3}}"
    rf"(?P<name>{_AR_QUOTED_NAME}|(?:{_alternation(ar.GIVEN_NAMES)})(?!\w))"
    # "الضحية" names no street: any name after it ("الضحية فطيم البتال")
    rf"|{_AR_EDGE}الضحيه\s+(?:(?:هو|هي)\s+)?(?P<name2>(?!(?:{_alternation(_STOP)})(?!\w))[^\W\d_]{{3,}})")
# ... or by a given name (ar.GIVEN_NAMES): "استشهاد أحمد نواف الخلف", one person
_AR_GIVEN = re.compile(
    rf"{_AR_EDGE}(?:(?P<killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))"
    rf"\s+(?:(?:ال)?(?P<noun>{_alternation(ar.CASUALTY_SINGULAR)})\s+)?"
    rf"(?P<name>{_alternation(ar.GIVEN_NAMES)})(?!\w)"
    rf"(?:(?:\s+(?!و)[^\s،,.]+){{0,3}}(?={_AR_JOINED}))?(?P<more>(?:{_AR_JOINED})*)")
_AR_BARE = re.compile(rf"{_AR_EDGE}(?P<w>{_alternation(ar.CASUALTY_BARE_PLURALS)})(?!\w)")
# "ارتكب مجزرة", "مجزرة مروعة": a massacre, told with no toll (see ar.MASSACRE_RANGE)
_AR_MASSACRE = re.compile(rf"{_AR_EDGE}(?:ال)?مجزره(?!\w)")
# "يزف كوكبة من الشهداء", "ثلة من الشهداء": a band of the dead, several, how many untold
_AR_BAND = re.compile(rf"{_AR_EDGE}(?:كوكبه|ثله)\s+من\s+(?:ال)?(?P<w>{_alternation(ar.CASUALTY_BARE_PLURALS)})(?!\w)")
# "عدد من الجرحى", "حصيلة الشهداء", "5 قتلى وجرحى": the plural is a figure's, not a bare one
_AR_BARE_BLOCKED = re.compile(r"(?:عدد|حصيله|ارتفاع|[0-9]|[0-9]\s*\S+\s+و?)\s*$")
# "دون وقوع إصابات", "لم يسقط قتلى أو جرحى", "عدم وجود إصابات": none, said so
_AR_DENIED = re.compile(rf"{_AR_EDGE}(?:{ar.CASUALTY_DENIED})(?:\s+\S+){{0,4}}\s*$")
_AR_PAIR = re.compile(rf"{_AR_EDGE}(?P<w>{ar.CASUALTY_PAIR})(?!\w)")
# "شهيدة طفلة", "طفل جريح": the toll noun with the person it names on either side
_AR_SINGULAR_NOUN = _alternation(ar.CASUALTY_SINGULAR)
_AR_TOLL_ONE = re.compile(
    rf"{_AR_EDGE}(?:(?P<pre>{_AR_SINGULAR_NOUN})\s+)?(?P<w>{_alternation(ar.CASUALTY_TOLL_SINGULAR)})"
    rf"(?:\s+(?P<post>{_AR_SINGULAR_NOUN}))?(?!\w)")
_AR_OF_ONE = re.compile(rf"{_AR_EDGE}(?P<w>{_alternation(ar.CASUALTY_OF_ONE)})(?!\w)")
_AR_PLURAL = re.compile(
    rf"{_AR_EDGE}(?:(?P<both>{_AR_COMBINED_CUE})|(?P<killed>{ar.CASUALTY_KILLED_BEFORE})"
    rf"|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))\s+(?P<w>{_alternation(ar.CASUALTY_PLURAL_PEOPLE)})"
    rf"(?!\w)(?!\s+(?:{_alternation(ar.NUMBER_WORDS)}|{_DIG})(?!\w))")
_AR_DUAL = re.compile(rf"{_AR_EDGE}(?:ال)?(?P<w>{_alternation(ar.CASUALTY_DUALS)})(?!\w)"
                      rf"(?P<more>(?:\s*[،,]?\s*و\s*(?:(?:ال)?(?:{_alternation(ar.CASUALTY_SINGULAR)}"
                      rf"|{_alternation(ar.CASUALTY_DUALS)})|{ar.CASUALTY_KIN}|{ar.CASUALTY_KIN_TWO})(?!\w))*)")


_AR_ARMED_AFTER = re.compile(ar.CASUALTY_ARMED_AFTER)


@dataclass
class _Figure:
    kind: str
    low: int
    high: int
    victims: str
    start: int
    end: int
    subset: bool = False
    bare: bool = False  # an Arabic plural with no figure ("شهداء"): dropped beside a figure


def _kind_before(before: str) -> str:
    before = re.sub(r"#\s*$", "", before)  # "#وفاة #طفلين": hashtags
    if _BEFORE_BLOCKED.search(before):
        return ""
    if _BEFORE_KILLED.search(before):
        return "killed"
    if _BEFORE_INJURED.search(before):
        return "injured"
    return ""


def _after(rest: str, before: str) -> re.Match[str] | None:
    """The verb right after a noun phrase, unless it has a figure of its own and this one
    has a verb before it ("killed 30 people injured 90": "injured" is the 90's; but in
    "25 civilians killed 80 injured", "killed" is the 25's)."""
    m = _AFTER.match(rest)
    if m and not m.group("combined") and _OWN_FIGURE.match(rest[m.end():]) and re.search(
            r"(?:killed|injured|wounded|hurt)$", m.group(0), re.I) and _kind_before(before):
        return None
    return m


_OTHER_FIGURE = re.compile(rf"(?<![\w-])\d[\d,]*\s+(?:[\w'’\-]+\s+){{0,2}}?(?:{_VICTIM_ALT})\b", re.I)


def _loose_kind(rest: str) -> str:
    stop = _LOOSE_STOP.search(rest)
    window = rest[: stop.start() if stop else len(rest)][:160]
    other = next((o for o in _OTHER_FIGURE.finditer(window)
                  if not _SUBSET_BEFORE.search(window[: o.start()])
                  and not re.search(r"\bamong\b(?:\s+\w+){0,3}\s*$", window[: o.start()])), None)
    window = window[: other.start()] if other else window  # not past another figure
    if _COMBINED.search(window):
        return "combined"
    k = next((v for v in _KILLED_VERB.finditer(window) if not _OWN_FIGURE.match(window[v.end():])), None)
    i = next((v for v in _INJURED_VERB.finditer(window) if not _OWN_FIGURE.match(window[v.end():])), None)
    if k and (not i or k.start() < i.start()):
        return "killed"
    return "injured" if i else ""


def _loose_kind_before(before: str) -> str:
    """"killing according to the latest toll 44 civilians": a verb a few words back."""
    m = _LOOSE_BEFORE.search(before)
    if not m or _BEFORE_BLOCKED.search(before[: m.end()]):
        return ""
    return "killed" if m.group("killed") or m.group("ar_killed") else "injured"


def _nearest_kind(before: str, figures: list[_Figure]) -> str:
    """The kind of the figure a subset belongs to: the last one before it, else the
    nearest killed/injured word before it."""
    if figures:
        return figures[-1].kind
    k = [m.end() for m in _KILLED_VERB.finditer(before)]
    i = [m.end() for m in _INJURED_VERB.finditer(before)]
    if not k and not i:
        return ""
    return "killed" if (k[-1] if k else -1) >= (i[-1] if i else -1) else "injured"


def _coordinated(text: str, start: int, figures: list[_Figure]) -> _Figure | None:
    """"killed five women and a child": a figure joined to the one before takes its kind
    (and is a subset when that one is)."""
    last = next((f for f in reversed(figures) if f.end <= start), None)
    if last and re.fullmatch(r"\s*(?:,|,?\s*and|as well as|و)?\s*", text[last.end:start]):
        return last
    return None


def _background(text: str, arabic: bool) -> bool:
    """Whether the text recalls a toll of the war, not of this event."""
    return bool(_BACKGROUND_EN.search(text) or arabic and _BACKGROUND_AR.search(text))


# a figure's people followed by their parents, and maybe one more: "3 أطفال ووالدتهم",
# "سبعة أطفال مع والديهم", "ثلاثة أطفال وأمهم وطفل آخر"
_AR_PARENTS_AFTER = re.compile(
    r"\s*،?\s*(?:مع\s+|و\s*)(?:(?P<both>والديهم|والديهما|والديهن|ابويهم|ابويهما)|(?:امهم|امهما|امهن"
    r"|والدتهم|والدتهما|والدتهن|والدهم|والدهما|والدهن|ابيهم|ابيهما|ابوهم))(?!\w)"
    r"(?P<more>\s*،?\s*و\s*(?:طفل|طفله|شخص|مدني|شاب|رجل|امراه|سيده)\s+(?:اخر|اخري|ثالث|ثالثه)(?!\w))?")


def _sentence_figures(text: str) -> list[_Figure]:
    arabic = ARABIC_BLOCK.search(text) is not None
    if (_background(text, arabic) and not _SUPERLATIVE.search(text)
            or arabic and _NOT_CONFLICT.search(text)):
        return []
    if arabic and _AR_ASIDE.match(text):
        return []
    figures: list[_Figure] = []
    taken: list[tuple[int, int]] = []  # verb spans already read for a figure

    def add(fig: _Figure) -> None:
        if fig.kind in ("killed", "injured") and fig.high <= _WAR_SCALE * 2 and fig.low <= _WAR_SCALE:
            figures.append(fig)

    for m in _CANDIDATE.finditer(text):
        a, b = m.start("n"), m.end("n")
        number = m.group("n")
        before, after = text[max(0, a - _LOOKBACK):a], text[b:]
        value = parse_number(number)
        if value is None or _not_a_count(before, after):
            continue
        core = re.sub(rf"^(?:{_QUALIFIER}\s+)*", "", number.lower())
        vague = not re.search(r"\d", core) and _word_value(core) is not None and (
            core in en.VAGUE_NUMBERS or core in ar.VAGUE_NUMBERS)
        if core == "one" and re.match(r"\s+of\b", after):
            continue  # "one of the victims": a person already counted
        if core in ("احد", "احدي") and (toll := _AR_ONE_OF.match(after)):
            # "أحد قتلى الانفجار": one of the dead, so two dead or more, how many untold
            kind = "killed" if toll.group("killed") else "injured"
            add(_Figure(kind, 2, 9, "", a, b + toll.end(), bare=True))
            continue
        phrase = _noun_phrase(text, b, vague)
        if phrase is None:
            continue
        if _YEAR.fullmatch(core.replace(",", "")) and (not phrase.head or _DATE_BEFORE.search(before)):
            continue  # "2016", "October 12 2016 Activists say"
        if _WAR_CLAUSE.match(text, phrase.end):
            continue  # "... have died in the war": a war total, not this event's
        if re.search(r"\bfrom\s+$", before) and re.search(r"\d\s*(?:to|-|–)\s*\d", number):
            value = (value[1], value[1])  # "the toll rose from 10 to 15": now 15
        victims = phrase.victims
        subset = phrase.partitive or bool(_SUBSET_BEFORE.search(before))
        family = _FAMILY_OF.search(before)
        companion = _COMPANION.search(before) if phrase.person else None
        if family:
            victims = victims or "civilians"
        rest = text[phrase.end:]
        after_m = _after(rest, before)
        kind = phrase.kind
        either = False  # "killed or injured": maybe nobody died
        if not kind and after_m and after_m.group("combined"):
            kind, either = "combined", bool(re.search(r"\bor\b", after_m.group("combined"), re.I))
        elif not kind and (combined := _BEFORE_COMBINED.search(before)):
            kind, either = "combined", bool(re.search(r"\bor\b", combined.group(0), re.I))
        split = False  # "مقتل وإصابة 5": some of the five died, the rest were hurt
        if not kind and _AR_BEFORE_COMBINED.search(before):
            kind, split = "combined", True
        elif kind == "combined" and ARABIC_BLOCK.search(text, b, phrase.end):
            split = True  # "7 قتلى وجرحى", told after the figure
        if kind == "combined":
            if vague and value[1] >= 2 and not either:
                # "a number of civilians were killed and injured": some of each, at least
                # two of each (plural), neither more than the vague word allows
                add(_Figure("killed", 2, value[1], victims, a, phrase.end))
                add(_Figure("injured", 2, value[1], victims, a, phrase.end))
            elif split and value[0] >= 2:
                # at least one of each, the others of the other kind
                add(_Figure("killed", 1, value[1] - 1, victims, a, phrase.end))
                add(_Figure("injured", 1, value[1] - 1, victims, a, phrase.end))
            continue
        if not kind and after_m:
            kind = "killed" if after_m.group("killed") else "injured"
            taken.append((phrase.end + after_m.start(), phrase.end + after_m.end()))
        if not kind and subset:
            kind = _nearest_kind(before, [f for f in figures if f.start < a])
        if not kind:
            lead = before[: family.start()] if family else before
            if companion:
                lead = before[: companion.start()]
                kind = _nearest_kind(lead, [])
            else:
                kind = _kind_before(lead)
        if not kind and (joined := _coordinated(text, a, figures)):
            kind, subset = joined.kind, subset or joined.subset
        if not kind and phrase.person:
            kind = _loose_kind(rest) or _loose_kind_before(before)
        if not kind or kind == "combined":
            continue
        if subset and not victims:
            continue  # "including 3 people" adds nothing
        add(_Figure(kind, value[0], value[1], victims, a, phrase.end, subset))
        parents = None if subset else _AR_PARENTS_AFTER.match(rest)
        if parents:
            # "ثلاثة أطفال وأمهم وطفل آخر": the children, their mother and one more
            extra = (2 if parents.group("both") else 1) + bool(parents.group("more"))
            add(_Figure(kind, value[0] + extra, value[1] + extra, "civilians", a,
                        phrase.end + parents.end()))
        own = companion.group("own") if companion else None
        if companion and (own or (companion.group("link").lower() not in ("and", "with")
                                  and _ONE_SUBJECT.search(before[: companion.start()]))):
            # "X was killed with his three children", "killing X alongside 11 relatives":
            # the toll is N + 1 (+ 1 more for a spouse or for "their")
            extra = 1 + bool(companion.group("spouse"))
            if own and own.lower() == "their" and not companion.group("spouse"):
                extra = 2 if re.search(r"\b(?:wife|husband|couple|parents)\b", before, re.I) else 1
            add(_Figure(kind, value[0] + extra, value[1] + extra, victims if victims in (
                "civilians", "combatants", "") and not own else "civilians",
                a - len(before) + companion.start(), phrase.end))
    _singulars(text, figures, taken, add, arabic)
    return sorted(figures, key=lambda f: f.start)


def _singulars(text: str, figures: list[_Figure], taken: list[tuple[int, int]], add,
               arabic: bool = True) -> None:
    """One person ("a paramedic was killed"), a pair ("a husband and wife"), "others";
    then the Arabic forms (``_arabic_people``), on a text with Arabic in it."""
    spans = [(f.start, f.end) for f in figures]
    found = [(2, m) for m in _PAIR.finditer(text)] + [(1, m) for m in _SINGLE.finditer(text)]
    found += [(1, m) for m in _HEADLINE_ONE.finditer(text)]
    for count, m in found:
        if any(s <= m.start() < e for s, e in spans):
            continue
        phrase_end = m.end()
        rest = text[phrase_end:]
        before = text[max(0, m.start() - _LOOKBACK): m.start()]
        if re.search(r"\bone(?:\s+of\s+(?:them|whom|those))?\s*$", before) or re.match(r"\s+of\b", rest):
            continue
        victims = _VICTIMS.get(m.group("w").lower(), "") if count == 1 else "civilians"
        if m.group("w").lower() in ("teenager", "youth"):
            victims = ""
        mods = m.group(0).lower().split()[1:-1]
        if any(x in _ARMED_MODIFIERS for x in mods) and victims in ("", "civilians"):
            victims = "combatants"
        subset = bool(_SUBSET_BEFORE.search(before))
        after_m = _after(rest, before)
        who = None if after_m or count != 1 else _WHO_THEY_WERE.match(rest)
        if who and _after(rest[who.end():], before):
            phrase_end += len(who.group().rstrip())
            rest = text[phrase_end:]
            after_m = _after(rest, before)
        if after_m and after_m.group("combined"):
            continue
        kind = ""
        if after_m:
            kind = "killed" if after_m.group("killed") else "injured"
            taken.append((phrase_end + after_m.start(), phrase_end + after_m.end()))
        elif subset:
            if not victims:
                continue
            kind = _nearest_kind(before, [f for f in figures if f.start < m.start()])
        else:
            joined = _coordinated(text, m.start(), figures)
            kind = _kind_before(before) or (joined.kind if joined else "")
            subset = subset or bool(joined and joined.subset)
        if kind:
            add(_Figure(kind, count, count, victims, m.start(), phrase_end, subset))
            spans.append((m.start(), phrase_end))
    for m in _ONE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or any(s <= m.start() < e for s, e in spans):
            continue
        clause = re.split(r"[;:!?]|\.(?:\s|$)|,\s+(?:and|but|while|as)\b", text[: m.start()])[-1]
        subject = clause.split()[-14:]
        if not subject or _NOBODY.search(" ".join(subject)) or _FAMILY.search(" ".join(subject[-3:])):
            continue
        first = m.start() - len(" ".join(subject)) - 1
        if any(first <= f.end <= m.start() for f in figures):
            continue  # "five people ... were": a figure already read
        lowered = [re.sub(r"\W", "", w.lower()) for w in subject]
        victims = _category(lowered, [w for w in lowered if w in _VICTIMS])
        # a chief or leader is a fighter's, unless of a civil body ("Deputy Chief of the
        # Civil Council", "head of the medical office")
        if victims in ("", "civilians") and any(
                w in _ARMED_MODIFIERS or w in ("leader", "commander", "chief", "emir") for w in lowered
        ) and not any(w in _CIVIL_MODIFIERS for w in lowered):
            victims = "combatants"
        kind = "killed" if m.group("killed") or m.group("died") else "injured"
        add(_Figure(kind, 1, 1, victims, max(0, m.start() - len(" ".join(subject[-4:])) - 1),
                    m.end()))
    for m in _OTHERS.finditer(text):
        # "three were killed and others injured": more than one, nobody says how many;
        # read as "a number of" (2-9)
        if not any(s <= m.start("w") < e for s, e in spans):
            kind = "killed" if m.group("killed") else "injured"
            add(_Figure(kind, 2, 9, "", m.start("w"), m.end()))
    for m in _OTHERS_HURT.finditer(text):
        if not any(s <= m.start("w") < e for s, e in spans):
            add(_Figure("injured", 2, 9, "", m.start("w"), m.end("w")))
    if arabic:  # every match of the Arabic patterns holds an Arabic word
        _arabic_people(text, figures, spans, add)


def _arabic_people(text: str, figures: list[_Figure], spans: list[tuple[int, int]], add) -> None:
    """Arabic people counted with no figure: pairs and relatives ("أم وابنها"), named
    people, one person by a noun before or after the verb, duals and the people joined to
    them, a toll noun on its own ("سقوط شهيد"), plurals ("مقتل نازحين", "جرحى")."""
    for m in _AR_PAIR.finditer(text):
        # "استشهاد أم وابنها": two people, civilians
        if any(s <= m.start("w") < e for s, e in spans):
            continue
        before = text[max(0, m.start() - _LOOKBACK): m.start()]
        kind = _kind_before(before) or _loose_kind(text[m.end():])
        if kind in ("killed", "injured"):
            add(_Figure(kind, 2, 2, "civilians", m.start("w"), m.end()))
            spans.append((m.start("w"), m.end()))
    for m in _AR_NAMED.finditer(text):
        if any(s <= m.start("names") < e for s, e in spans):
            continue
        kind = "killed" if m.group("killed") else "injured"
        count = len(re.findall(_AR_QUOTED_NAME, m.group("names")))
        victims = ar.CASUALTY_SINGULAR[m.group("noun")] if m.group("noun") and count == 1 else ""
        add(_Figure(kind, count, count, victims, m.start(), m.end()))
        spans.append((m.start(), m.end()))
    for m in _AR_EACH_AGED.finditer(text):
        if not any(s <= m.start("names") < e for s, e in spans):
            count = len(re.findall(_AR_AGE, m.group("names")))
            add(_Figure("killed" if m.group("killed") else "injured", count, count, "", m.start(),
                        m.end()))
            spans.append((m.start(), m.end()))
    for m in _AR_THE_VICTIM.finditer(text):
        if not any(s <= m.start("name" if m.group("name") else "name2") < e for s, e in spans):
            add(_Figure("killed", 1, 1, "", m.start(), m.end(), bare=True))
            spans.append((m.start(), m.end()))
    for m in _AR_GIVEN.finditer(text):
        if any(s <= m.start("name") < e for s, e in spans):
            continue
        kind = "killed" if m.group("killed") else "injured"
        victims = ar.CASUALTY_SINGULAR[m.group("noun")] if m.group("noun") else ""
        joined = re.findall(r"و\s*(\S+)", m.group("more"))
        count = 1 + sum(2 if re.fullmatch(ar.CASUALTY_KIN_TWO, w) else 1 for w in joined)
        add(_Figure(kind, count, count, victims if count == 1 else "civilians", m.start(), m.end()))
        spans.append((m.start(), m.end()))
    for m in _AR_ONE.finditer(text):
        noun = m.group("noun") or m.group("kin")
        start = m.start("noun") if m.group("noun") else m.start("kin")
        if any(s <= start < e for s, e in spans):
            continue
        kind = "killed" if m.group("killed") else "injured"
        victims = ar.CASUALTY_SINGULAR.get(noun, "civilians")  # a relative: family
        count = 1
        for w in re.findall(r"و\s*(\S+)", m.group("more")):
            count += 2 if re.fullmatch(ar.CASUALTY_KIN_TWO, w) else 1
            other = ar.CASUALTY_SINGULAR.get(w.removeprefix("ال"), "civilians")  # kin: family
            if other != victims:  # "امرأة وطفل": women and children are civilians
                victims = "civilians" if {victims, other} <= {"civilians", "children", "women"} else ""
        add(_Figure(kind, count, count, victims, m.start(), m.end()))
        spans.append((start, m.end()))
    for m in _AR_LIFE_LOST.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if m.group("two"):
            add(_Figure("killed", 2, 2, ar.CASUALTY_DUALS[m.group("two")][0], m.start(), m.end()))
        else:
            noun = m.group("noun") or m.group("noun2")
            add(_Figure("killed", 1, 1, ar.CASUALTY_SINGULAR[noun], m.start(), m.end()))
        spans.append((m.start(), m.end()))
    for m in _AR_ONE_AFTER.finditer(text):
        if any(s <= m.start("noun") < e for s, e in spans):
            continue
        kind = "killed" if m.group("killed") else "injured"
        add(_Figure(kind, 1, 1, ar.CASUALTY_SINGULAR[m.group("noun")], m.start(), m.end()))
        spans.append((m.start("noun"), m.end()))
    for m in _AR_NAME_FIRST.finditer(text):
        if not any(s <= m.start("name") < e for s, e in spans):
            add(_Figure("killed", 1, 1, "", m.start(), m.end()))
            spans.append((m.start(), m.end()))
    for m in _AR_DUAL.finditer(text):
        if any(s <= m.start("w") < e for s, e in spans):
            continue
        victims, kind = ar.CASUALTY_DUALS[m.group("w")]
        if victims in ("", "civilians") and _AR_ARMED_AFTER.match(text, m.end("w")):
            victims = "combatants"  # "قتل شخصان مسلحان": two fighters
        before = text[max(0, m.start() - _LOOKBACK): m.start()]
        if re.search(rf"(?:{_alternation(ar.CASUALTY_DUALS)})\s*$", before):
            continue  # "طفلين شقيقين": the same two, told again
        subset = bool(_SUBSET_BEFORE.search(before))
        if not kind:
            kind = (_nearest_kind(before, [f for f in figures if f.start < m.start()]) if subset
                    else _kind_before(before)
                    or getattr(_coordinated(text, m.start(), figures), "kind", "")
                    or _loose_kind(text[m.end():]))
        if kind not in ("killed", "injured"):
            continue
        count, end = 2, m.end("w")
        joined = re.findall(r"و\s*(\S+)", m.group("more"))
        if subset:  # "بينهم طفلان وامرأتان": each its own subset
            for w in joined:
                w = w.removeprefix("ال") if w.removeprefix("ال") in ar.CASUALTY_DUALS else w
                if w in ar.CASUALTY_DUALS:
                    add(_Figure(kind, 2, 2, ar.CASUALTY_DUALS[w][0], m.start(), m.end(), True))
                elif w.removeprefix("ال") in ar.CASUALTY_SINGULAR:
                    add(_Figure(kind, 1, 1, ar.CASUALTY_SINGULAR[w.removeprefix("ال")], m.start(),
                                m.end(), True))
        else:  # "استشهاد رجلين وطفل": the people joined on are counted too
            for w in joined:
                w = w.removeprefix("ال") if w.removeprefix("ال") in ar.CASUALTY_DUALS else w
                two = w in ar.CASUALTY_DUALS or re.fullmatch(ar.CASUALTY_KIN_TWO, w)
                count += 2 if two else 1
                other = (ar.CASUALTY_DUALS[w][0] if w in ar.CASUALTY_DUALS
                         else ar.CASUALTY_SINGULAR.get(w.removeprefix("ال"), "civilians"))
                if other != victims:
                    victims = ("civilians" if {victims, other} <= {"civilians", "children", "women"}
                               else "")
            end = m.end()
        add(_Figure(kind, count, count, victims, m.start(), end, subset))
        spans.append((m.start("w"), end))
    for m in _AR_TOLL_ONE.finditer(text):
        # "سقوط شهيد", "شهيدة طفلة وجرحى", "طفل جريح": one, and who it was; not "بين
        # قتيل وجريح" (some dead, some hurt: no count)
        if any(s <= m.start("w") < e for s, e in spans) or re.search(
                r"بين\s*$", text[max(0, m.start() - 8):m.start()]):
            continue
        if any(re.fullmatch(r"\s+(?:\S+\s+){0,2}", text[e:m.start()]) for _, e in spans):
            continue  # "ارتقى الشاب شهيداً": the person just counted
        noun = m.group("pre") or m.group("post")
        add(_Figure(ar.CASUALTY_TOLL_SINGULAR[m.group("w")], 1, 1,
                    ar.CASUALTY_SINGULAR[noun] if noun else "", m.start(), m.end()))
        spans.append((m.start(), m.end()))
    for m in _AR_PLURAL.finditer(text):
        # "مقتل نازحين", "إصابة مواطنين": some, not how many (see ar.CASUALTY_PLURAL_PEOPLE);
        # a figure elsewhere for the event says how many
        if any(s <= m.start("w") < e for s, e in spans):
            continue
        victims, low = ar.CASUALTY_PLURAL_PEOPLE[m.group("w")]
        if m.group("both"):  # "مقتل وإصابة مدنيين": at least one of each
            kinds, low = ("killed", "injured"), 1
        else:
            kinds = ("killed",) if m.group("killed") else ("injured",)
        for kind in kinds:
            add(_Figure(kind, low, 9, victims, m.start("w"), m.end("w"), bare=True))
        spans.append((m.start("w"), m.end("w")))
    for m in _AR_OF_ONE.finditer(text):
        # "ما أدى لمقتله": one person, most often one already counted (a weak figure)
        if not any(s <= m.start("w") < e for s, e in spans):
            add(_Figure(ar.CASUALTY_OF_ONE[m.group("w")], 1, 1, "", m.start("w"), m.end("w"),
                        bare=True))
    for m in _AR_MASSACRE.finditer(text):
        if not _AR_DENIED.search(text[max(0, m.start() - 60):m.start()]):
            low, high = ar.MASSACRE_RANGE
            add(_Figure("killed", low, high, "", m.start(), m.end(), bare=True))
    for m in _AR_BAND.finditer(text):
        if not any(s <= m.start("w") < e for s, e in spans):
            add(_Figure(ar.CASUALTY_BARE_PLURALS[m.group("w")], 2, ar.BARE_PLURAL_RANGE[1], "",
                        m.start(), m.end(), bare=True))
            spans.append((m.start(), m.end()))
    for m in _AR_BARE.finditer(text):
        # "شهداء وجرحى بقصف ...": dead and wounded, no figure given (ar.BARE_PLURAL_RANGE)
        if any(s <= m.start("w") < e for s, e in spans) or _AR_BARE_BLOCKED.search(
                text[max(0, m.start() - 12):m.start()]) or _AR_DENIED.search(
                text[max(0, m.start() - 60):m.start()]):
            continue
        low, high = ar.BARE_PLURAL_RANGE
        add(_Figure(ar.CASUALTY_BARE_PLURALS[m.group("w")], low, high, "", m.start("w"),
                    m.end("w"), bare=True))


def _not_a_count(before: str, after: str) -> bool:
    month = _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before)
    if month and month.group("m") != "may":  # "may" lower case is the verb
        return True
    if _NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_BEFORE.search(before):
        return True
    return bool(re.search(r"\(\s*$", before) and _PAREN_AGE.match(after))


# -- lists of names --------------------------------------------------------------------
# Arabic pages often give the toll as a list of the dead or wounded under a heading
# ("أسماء الشهداء:", "الشهداء هم:", "وإصابة كل من:"), one name a line, numbered, or
# between commas; the list's length is the count.
_LIST_HEAD = re.compile(
    rf"{_AR_EDGE}(?:(?:اسماء|لاسماء)\s+)?(?:ال)?(?P<noun>شهداء|ضحايا|قتلي|جرحي|مصابين|اصابات)"
    rf"(?:[ \t]+(?!و?(?:ال)?(?:شهداء|ضحايا|قتلي|جرحي|مصابين|اصابات)(?!\w))[^\W\d_]+){{0,6}}?[ \t]*:"
    rf"|{_AR_EDGE}(?:(?P<killed>{ar.CASUALTY_KILLED_BEFORE})|(?P<injured>{ar.CASUALTY_INJURED_BEFORE}))"
    rf"\s+(?:كل|كلا)\s+من\s*:?")
_LIST_KILLED = ("شهداء", "ضحايا", "قتلي")
# where a list ends: the other kind's heading
_LIST_END = re.compile(r"(?:^|\s)(?:اما\s+|و)?(?:اسماء\s+)?(?:ال)?(?:شهداء|ضحايا|قتلي|جرحي|مصابين|اصابات)"
                       r"(?:\s+\S+){0,2}?\s*(?:هم|هي|فهم|فهما)?\s*:")
_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s*[-_.)]\s*(?=[^\W\d_])")
# How far past its heading a list of names is read (characters)
LIST_REACH = 1500


def _list_length(body: str) -> tuple[int, bool]:
    """How many names the list that opens ``body`` holds (0 when it is not a list), and
    whether a numbered list's last name is cut short ("2. نسرين..."): a preview's copy,
    so more names may follow; read as a weak figure, one a full toll overrides."""
    run, last = 0, None
    for m in _NUMBERED.finditer(body):  # 1, 2, 3, ...: the last of an unbroken run
        if int(m.group(1)) == run + 1:
            run, last = run + 1, m
        elif run:
            break
    if run >= 2:
        return run, bool(re.match(r"[^\n]*?(?:\.\.\.|…)[ \t]*(?:\n|$)", body[last.end():]))
    lines = [ln.strip(" -–•▪️🔳🔴") for ln in body.split("\n")]
    items = []
    for ln in (ln for ln in lines if ln):
        if len(ln.split()) > 5 or not re.match(r"[^\W\d_]", ln) or _KILLED_VERB.search(ln) or (
                _INJURED_VERB.search(ln)):
            break  # prose again: "وأصيب آخرون بجروح"
        items.append(ln)
    if len(items) >= 2:
        return len(items), False
    first = re.split(r"[.\n]", body.strip(), maxsplit=1)[0]
    names = 0
    for part in re.split(r"[،,]", first):  # the names up to the first that runs on
        if not 1 < len(part.split()) <= 6:  # a name has two words or more
            break
        names += 1
    return (names if names >= 2 else 0), False


def _name_lists(text: str, heads_end: int | None = None) -> list[_Figure]:
    """The lists whose heading starts before ``heads_end`` (all when None); a list's
    names may run on past it."""
    figures: list[_Figure] = []
    if not ARABIC_BLOCK.search(text):  # every heading is Arabic: skip a scan of the text
        return figures
    for m in _LIST_HEAD.finditer(text, 0, len(text) if heads_end is None else heads_end):
        body = text[m.end():m.end() + LIST_REACH]
        end = _LIST_END.search(body)
        body = body[: end.start()] if end else body
        count, cut_short = _list_length(body)
        if count:
            killed = m.group("killed") or m.group("noun") in _LIST_KILLED
            figures.append(_Figure("killed" if killed else "injured", count, count, "", m.start(),
                                   m.end(), bare=cut_short))
    return figures


# a full stop with no space after it, before an Arabic letter ("بادلب.وقال"): copied pages
# lose the space, and the sentence splitter then runs two sentences (and a background
# clause in the second) together
_GLUED_STOP = re.compile(r"(?<=[.!?؟])(?=[\u0600-\u06ff])")
# an Arabic word run into a Latin one ("مقتل شخصAll reactions"): a copied Facebook post
# loses the break before the page's buttons, and the last word no longer ends
_GLUED_LATIN = re.compile(r"(?<=[\u0600-\u06ff])(?=[A-Za-z])")


def _pieces(start: int, end: int, text: str) -> list[tuple[int, int]]:
    glued = [m.start() for pattern in (_GLUED_STOP, _GLUED_LATIN)
             for m in pattern.finditer(text, start, end)]
    cuts = [start, *sorted(glued), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


_AR_ROUNDUP = re.compile(ar.CASUALTY_ROUNDUP)


def _roundups(norm: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a day's roundup over many places: from its toll sentence to the end of
    its paragraph (a blank line)."""
    spans = []
    for start, end in sentences:
        if _AR_ROUNDUP.search(norm, start, end):
            stop = norm.find("\n\n", end)
            spans.append((start, stop if stop >= 0 else len(norm)))
    return spans


_AR_RECALL_OPENS = re.compile(ar.CASUALTY_RECALL_OPENS)


def _not_recalled(norm: str, sentences: list[tuple[int, int]], figures: list[tuple[int, _Figure]]
                  ) -> list[tuple[int, _Figure]]:
    """The figures less those of another incident that an Arabic report recalls: in a
    sentence opening on another time once the report has given a toll before it."""
    if not figures:
        return figures
    first = min(at + f.start for at, f in figures)
    cut = [(start, end) for start, end in sentences  # another incident's sentences
           if start > first and _AR_RECALL_OPENS.match(norm[start:end])]
    return [(at, f) for at, f in figures if not any(a <= at + f.start < b for a, b in cut)]


# A copied Facebook post ends with its reactions line ("All reactions:", "كل التفاعلات"),
# and its readers' comments follow: their words ("قتلت عنصر بالجيش", "الله يتقبله من
# الشهداء") tell no toll of the event where the post tells one of that kind; but the
# post's author may update it in a comment of their own ("Author", "ارتفاع عدد الإصابات
# إلى 4"), which runs to its age ("21w", "1y")
_COMMENT_AGE = re.compile(r"\d{1,3}[ywdh](?![a-z])")


def _by_the_author(norm: str, comments: int, at: int) -> bool:
    """Whether the comment holding ``at`` is the post's author's."""
    author = norm.rfind("Author", comments, at)
    return author >= 0 and not _COMMENT_AGE.search(norm, author, at)


def find_casualties(ctx: DocContext, sentences: list[tuple[int, int]]) -> list[CasualtyCount]:
    others = ctx.other_stories
    if others:
        sentences = [(s, e) for s, e in sentences
                     if not any(a <= s < b for a, b in others)]
    figures = [(p_start, f) for s_start, s_end in sentences
               for p_start, p_end in _pieces(s_start, s_end, ctx.norm)
               for f in _sentence_figures(ctx.norm[p_start:p_end])]
    if figures and ARABIC_BLOCK.search(  # (every cue below is Arabic)
            ctx.norm, min(s for s, _ in sentences), max(e for _, e in sentences)):
        roundups = _roundups(ctx.norm, sentences)
        figures = [(at, f) for at, f in figures if not any(a <= at < b for a, b in roundups)]
        figures = _not_recalled(ctx.norm, sentences, figures)
    comments = ctx.comments_start
    if comments < len(ctx.norm):
        told = {f.kind for at, f in figures if at + f.start < comments}
        figures = [(at, f) for at, f in figures if at + f.start < comments or f.kind not in told
                   or _by_the_author(ctx.norm, comments, at + f.start)]
    if sentences:  # a list runs over several lines, past one sentence, and past the
        # event's last sentence: a heading ends it ("▪️الشهداء :") and its names follow
        first, last = min(s for s, _ in sentences), max(e for _, e in sentences)
        figures += [(first, f) for f in _name_lists(ctx.norm[first:last + LIST_REACH], last - first)]
    # a bare Arabic plural says "some"; a figure of the same kind anywhere in the event
    # says how many (restated, not added)
    counted = {f.kind for _, f in figures if not f.bare}
    return [CasualtyCount(kind=f.kind, low=f.low, high=f.high, victims=f.victims,
                          span=ctx.span(s_start + f.start, s_start + f.end))
            for s_start, f in figures if not (f.bare and f.kind in counted)]
