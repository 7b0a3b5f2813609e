"""The publication date a copied page carries in its own text, for reports stored without
one: X's timestamp line ("10:04 PM · Jan 16, 2025"), an Arabic dateline
("الأربعاء, ٥ يوليو ٢٠٢٣", "1 مارس 2026", "سبتمبر 19, 2021") or an English one.

Relative dates ("أمس", "الثلاثاء الماضي") are read against it, so it must be the day the
page was written: X's timestamp wins; else the first full date (day, month, year) of the
text, which on news pages and NGO reports is the dateline at the top."""

from __future__ import annotations

import re
from datetime import date

from warlog.extract.page import other_stories
from warlog.gazetteer import normalise_arabic

# Both Arabic month systems: the Levantine (كانون الثاني ...) and the transliterated (يناير ...),
# written as the matching text writes them (see ar_normalise).
AR_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "كانون ثاني": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "نيسان ابريل": 4,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9,
    "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "تشرين اول": 10, "تشرين ثاني": 11,
    "كانون اول": 12,
}
EN_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
AR_MONTH = "(" + "|".join(sorted(AR_MONTHS, key=len, reverse=True)) + ")"
# Syrian pages often give both month names, Levantine then transliterated ("9
# تموز/يوليو 2023"), and may glue the day to the month ("4تموز"); a month is a whole word.
_SECOND_MONTH = r"(?![\u0621-\u064a])(?:\s*/\s*(?:" + AR_MONTH[1:-1] + r")(?![\u0621-\u064a]))?"
_EN_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"

_X_STAMP = re.compile(r"\d{1,2}:\d\d\s?[ap]m\s?·\s?" + _EN_MONTH + r"\s(\d{1,2}),\s(\d{4})", re.I)
# Facebook's: "April 30, 2025 · Shared with Public"
_FB_STAMP = re.compile(_EN_MONTH + r"\s(\d{1,2}),\s(\d{4})\s?·\s?Shared with", re.I)
# (pattern, order of its groups: d day, m month, y year, and whether the month is Arabic)
_FULL: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(r"(?<!\d)(\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?" + AR_MONTH + _SECOND_MONTH
                + r"[,،]?\s+(?:عام\s+|سنه\s+)?(\d{4})"), "dmy", True),
    (re.compile(AR_MONTH + r"\s+(\d{1,2})[,،]\s*(\d{4})"), "mdy", True),
    (re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*" + AR_MONTH + r"\s*[/\-.]\s*(\d{4})"), "dmy", True),
    (re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH + r"[,،]?\s+(\d{4})", re.I),
     "dmy", False),
    (re.compile(_EN_MONTH + r"\s+(\d{1,2}),\s*(\d{4})", re.I), "mdy", False),
    # year first, as news sites stamp their pages: "2021-11-14", "2021/11/14", "2022/1/3"
    (re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)([/\-.])(\d{1,2})\2(\d{1,2})(?![\d/\-])"), "ysmd", False),
    # Syrian and Arab pages write numeric dates day first: "15-11-2021", "25/9/2023"
    (re.compile(r"(?<!\d)(\d{1,2})\s?[/\-.]\s?(\d{1,2})\s?[/\-.]\s?((?:19|20)\d\d)(?!\d)"), "dmy", False),
]
# A date's span that writes its year (in either digits) dates itself; one without a year
# was given one by the reader.
WRITTEN_YEAR = re.compile(r"[12][0-9]{3}|[١٢][٠-٩]{3}")
AR_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
               "السبت": 5, "الاحد": 6}
# "السبت 6 آب" with no year: the year is the latest one in which that day was that weekday
_WEEKDAY_DAY_MONTH = re.compile(
    "(" + "|".join(AR_WEEKDAYS) + r")[,،]?\s+(?:الموافق\s+)?(\d{1,2})\s*/?\s*(?:من\s+)?(?:شهر\s+)?" + AR_MONTH)
# How far back a weekday-dated post is placed: a weekday and a day of the month repeat
# every 5, 6 or 11 years, so a wider window would give older years to recent posts.
WEEKDAY_YEARS_BACK = 10


# Each Arabic letter as normalise_arabic folds it, where that leaves one letter (a
# diacritic, which it drops, stays as it is): one character for one.
_LETTERS = str.maketrans({c: normalise_arabic(c) for c in map(chr, range(0x600, 0x700))
                          if len(normalise_arabic(c)) == 1 and normalise_arabic(c) != c})


def matching_form(text: str) -> str:
    """Arabic folded and digits made ASCII, one character for one (offsets kept)."""
    return text.translate(_LETTERS).translate(_DIGITS)


def _date(order: str, groups: tuple[str, ...], arabic: bool) -> date | None:
    parts = dict(zip(order, groups, strict=True))
    if not arabic and order == "dmy" and parts["m"].isdigit() and int(parts["m"]) > 12:
        parts["d"], parts["m"] = parts["m"], parts["d"]  # "11/22/2021": month first after all
    month = parts["m"]
    try:
        m = (AR_MONTHS[month] if arabic else int(month) if month.isdigit()
             else EN_MONTHS[month.lower()[:3]])
        return date(int(parts["y"]), m, int(parts["d"]))
    except (KeyError, ValueError):
        return None


def platform_date(text: str) -> date | None:
    """The day X or Facebook stamped on a copied post, or None."""
    norm = matching_form(text)
    stamp = _X_STAMP.search(norm) or _FB_STAMP.search(norm)
    return _date("mdy", stamp.groups(), False) if stamp else None


def publication_date(text: str) -> date | None:
    """The page's own date, or None when it gives no full date."""
    norm = matching_form(text)
    return platform_date(norm) or full_date(norm) or weekday_date(norm, date.today())


def full_date(text: str) -> date | None:
    """The first date with day, month and year a text writes, in Arabic (either month
    system, Arabic-Indic digits too), English or digits (day first)."""
    norm = matching_form(text)
    found: list[tuple[int, date]] = []
    column: list[int] | None = None  # where columns of other stories start (read once)
    for pattern, order, arabic in _FULL:
        for m in pattern.finditer(norm):
            if _caption(norm, m.start(), m.end()) or tells_history(norm, m.start(), m.end()):
                continue
            if column is None:
                column = _column_starts(norm)
            if _over_column(norm, m.end(), column):
                continue
            d = _date(order, m.groups(), arabic)
            if d is not None and 1990 <= d.year <= 2100:
                found.append((m.start(), d))
            break
    if found:
        return min(found)[1]
    return None


# A date that tells history is not the page's: an agreement's, or the start of a span
# ("رغم اتفاق وقف إطلاق النار الموقع في 5 آذار 2020", "منذ 8 حزيران 2020", "وفي 5 أيار
# 2020 توصلت موسكو وأنقرة إلى اتفاق", "came into effect on March 6, 2020"): Anadolu's
# Arabic pages end with such a paragraph, and undated they were dated by it.
# The cue right before the date (one word between at most: "الموقع في", "signed on"), or
# a verb of making an agreement right after it; "قتل طفل في 5 آذار 2020 رغم اتفاق وقف
# إطلاق النار" keeps its date.
_HISTORY_BEFORE = re.compile(
    r"(?<!\w)(?:منذ|الموقع|الموقعه|تاريخها|ذكري|since|signed|anniversary|came into (?:effect|force)"
    r"|dating back)\W+(?:\w+\W+)?$", re.I)
_HISTORY_AFTER = re.compile(r"^\W*(?:\w+\W+)?(?:توصلت|توصل|توصلوا|وقعت|وقع|وقعوا|ابرمت|ابرم"
                            r"|agreed|signed|reached|brokered)(?!\w)", re.I)


def tells_history(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is an agreement's or a span's start (above)."""
    return bool(_HISTORY_BEFORE.search(text[max(0, start - 60):start])
                or _HISTORY_AFTER.match(text[end:end + 60]))


def _column_starts(norm: str) -> list[int]:
    """Where the text's lists and columns of other stories' headlines start."""
    return [start for start, _ in other_stories(norm, True)]


# What may follow a date on its own line: a year after "weekday day month", a time.
_DATE_TAIL = 12


def _over_column(text: str, end: int, column: list[int]) -> bool:
    """Whether a date's line heads a column of other stories: a news site's header shows
    the day the page was saved above its latest headlines, not the day it was written."""
    line_end = text.find("\n", end)
    if line_end < 0 or len(text[end:line_end].strip()) > _DATE_TAIL:  # a year, a time
        return False
    after = len(text) - len(text[line_end:].lstrip())
    return after in column


# A photo's caption ends with the day it was taken and its source: "قصف على محيط مدينة
# إدلب - 9 أيلول 2020 (عنب بلدي)"; news pages show archive photos, so that day is not
# the page's.
_CAPTION_BEFORE = re.compile(r"[-–]\s*$")
_CAPTION_AFTER = re.compile(r"\s*\(")


def _caption(text: str, start: int, end: int) -> bool:
    return bool(_CAPTION_BEFORE.search(text, max(0, start - 3), start)
                and _CAPTION_AFTER.match(text, end))


def weekday_date(norm: str, latest: date) -> date | None:
    """The first "weekday day month" of a text placed in the latest year (not after
    ``latest``) in which that day falls on that weekday."""
    found = list(_WEEKDAY_DAY_MONTH.finditer(norm))
    column = _column_starts(norm) if found else []
    m = next((m for m in found if not _over_column(norm, m.end(), column)), None)
    if not m:
        return None
    weekday, day, month = AR_WEEKDAYS[m.group(1)], int(m.group(2)), AR_MONTHS[m.group(3)]
    for year in range(latest.year, latest.year - WEEKDAY_YEARS_BACK, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= latest and d.weekday() == weekday:
            return d
    return None
