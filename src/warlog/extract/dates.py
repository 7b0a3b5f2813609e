"""Event dates: expressions in the text resolved against the publication date, with
ACLED time_precision (1 day, 2 week, 3 month)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from warlog.extract.context import DocContext
from warlog.extract.lang import ar
from warlog.extract.lang.ar_dateline import tells_history
from warlog.extract.screen import Screened, ScreenSet, fold
from warlog.model import DateRef

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# Both Arabic month systems: the Levantine (كانون الثاني ...) and the transliterated (يناير ...).
AR_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_AR_MONTH = "(" + "|".join(sorted(AR_MONTHS, key=len, reverse=True)) + ")"
# A month name is a whole word ("اب", August, begins "ابو"); Syrian pages often give
# both month names, Levantine then transliterated: "9 تموز/يوليو 2023".
_AR_MONTH_END = r"(?![\u0621-\u064a])(?:\s*/\s*(?:" + _AR_MONTH[1:-1] + r")(?![\u0621-\u064a]))?"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # year first: "2021-11-14", and as Arabic news sites stamp pages, "2021/11/14"
    ("iso", re.compile(r"\b((?:19|20)\d\d)([/\-])(\d{1,2})\2(\d{1,2})\b")),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+((?:19|20)\d\d))?\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?", re.I)),
    # "الجمعة 31 تموز, 2026": a weekday before the date is part of it, and a comma may
    # stand before the year
    # (the day is no tail of another token: "1y1ابو" in a comment's stamp is no date)
    ("ar_day_month", re.compile(rf"(?:(?:{'|'.join(ar.WEEKDAYS)})[,،]?\s+(?:الموافق\s+)?)?"
                                rf"(?<![A-Za-z0-9])([0-9٠-٩]{{1,2}})\s*/?\s*(?:من\s+)?(?:شهر\s+)?"
                                rf"{_AR_MONTH}{_AR_MONTH_END}"
                                rf"(?:\s*/?[,،]?\s*(?:عام\s+|سنه\s+)?([0-9٠-٩]{{4}}))?")),
    # Arabic pages write numeric dates day first: "في 1-12-2024", "25/9/2023"
    ("ar_numeric", re.compile(r"(?<![\w/.\-])([0-9٠-٩]{1,2})\s?[/\-.]\s?([0-9٠-٩]{1,2})\s?[/\-.]\s?"
                              r"((?:19|20|١٩|٢٠)[0-9٠-٩]{2})(?![\w/\-])")),
    ("month_year", re.compile(rf"\b(?:in|during|since|early|late|mid-?)\s+{_MONTH}\s+((?:19|20)\d\d)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(today|this morning|this afternoon|this evening|tonight|overnight)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on|late on|early on|last|since|from)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("last_week", re.compile(r"\b(last week|earlier this week|this week|past week)\b", re.I)),
    ("last_month", re.compile(r"\b(last month|earlier this month|this month)\b", re.I)),
    # whole words only: "الاحد" (Sunday) is inside "الاحداث" (events), "امس" (yesterday)
    # inside "الخامس" (fifth), "اليوم" in a hashtag ("#حلب_اليوم", a channel's name)
    ("ar_relative", re.compile("(?<!\\w)(?:[وب]|بال|ال)?(" + "|".join(
        sorted(ar.RELATIVE_DAYS, key=len, reverse=True)) + ")(?!\\w)")),
    # "قبل يومين", "قبل ثلاثة أيام", "منذ 4 أيام": so many days before the report
    ("ar_days_ago", re.compile(r"(?<!\w)(?:قبل|منذ)\s+(يومين|(?:[0-9٠-٩]{1,2}|"
                               + "|".join(w for w, n in ar.NUMBER_WORDS.items() if 3 <= n <= 10)
                               + r")\s+(?:ايام|يوما|يوم))(?!\w)")),
    ("ar_weekday", re.compile("(?<!\\w)(?:يوم\\s+)?[وب]?(" + "|".join(ar.WEEKDAYS)
                              + ")(?!\\w)(?:\\s+الماضي)?")),
]


def _year_for(month: int, day: int, base: date) -> int:
    """A date without a year is the latest such date not after the report (+1 day slack)."""
    try:
        candidate = date(base.year, month, day)
    except ValueError:
        return base.year
    return base.year - 1 if candidate > base + timedelta(days=1) else base.year


def _weekday_before(base: date, weekday: int) -> date:
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def resolve(kind: str, m: re.Match[str], base: date) -> tuple[date, int] | None:
    g = m.groups()
    try:
        if kind == "iso":
            return date(int(g[0]), int(g[2]), int(g[3])), 1
        if kind in ("day_month", "month_day", "ar_day_month"):
            day_s, month_s = (g[0], g[1]) if kind != "month_day" else (g[1], g[0])
            day = int(day_s.translate(_DIGITS))
            month = AR_MONTHS[month_s] if kind == "ar_day_month" else MONTHS[month_s.lower().rstrip(".")]
            year = int(g[2].translate(_DIGITS)) if g[2] else _year_for(month, day, base)
            return date(year, month, day), 1
        if kind == "ar_numeric":
            day, month, year = (int(x.translate(_DIGITS)) for x in g)
            return date(year, month, day), 1
        if kind == "month_year":
            return date(int(g[1]), MONTHS[g[0].lower().rstrip(".")], 1), 3
    except (ValueError, KeyError):
        return None
    if kind == "yesterday":
        return base - timedelta(days=1), 1
    if kind == "today":
        return base, 1
    if kind == "weekday":
        return _weekday_before(base, WEEKDAYS[g[0].lower()]), 1
    if kind == "ar_weekday":
        return _weekday_before(base, ar.WEEKDAYS[g[0]]), 1
    if kind == "ar_days_ago":
        words = g[0].split()
        n = 2 if words[0] == "يومين" else int(words[0].translate(_DIGITS)) if words[0][0] in (
            "0123456789٠١٢٣٤٥٦٧٨٩") else ar.NUMBER_WORDS[words[0]]
        return base - timedelta(days=n), 1
    if kind == "ar_relative":
        return base + timedelta(days=ar.RELATIVE_DAYS[g[0]]), 1
    if kind == "last_week":
        return base - timedelta(days=7 if g[0].lower() == "last week" else 2), 2
    if kind == "last_month":
        if g[0].lower() == "last month":
            first = base.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), 3
        return base.replace(day=1), 3
    return None


_CALENDAR = frozenset({"iso", "day_month", "month_day", "ar_day_month", "ar_numeric"})
_RELATIVE = frozenset({"yesterday", "today", "weekday", "ar_relative", "ar_weekday"})
# What may stand between a relative day and the calendar date that restates it: "اليوم
# الأحد 9 تموز", "يوم أمس الأربعاء 18 آب", "today, Sunday 9 July".
_APPOSITION = re.compile(r"[\s,،(\-]*(?:the\s+)?$", re.I)
APPOSITION_GAP = 12  # characters; longer gaps are other words

# Each pattern behind its screen (see extract.screen): a report's every sentence is read
# for dates, and most sentences hold none.
_SCREENED = [(kind, Screened(pattern)) for kind, pattern in PATTERNS]
_SCREEN_SET = ScreenSet([s for _, s in _SCREENED])


def find_dates(ctx: DocContext, start: int, end: int, base: date) -> list[DateRef]:
    """The dates of norm[start:end], in text order (read once per sentence and base:
    event detection and event dating ask for the same sentences)."""
    key = (start, end, base)
    cache = ctx.__dict__.setdefault("_dates", {})
    if key not in cache:
        cache[key] = _find_dates(ctx, start, end, base)
    return cache[key]


def _find_dates(ctx: DocContext, start: int, end: int, base: date) -> list[DateRef]:
    text = ctx.norm[start:end]
    folded = fold(text)
    found: list[tuple[int, int, str, DateRef]] = []
    taken: list[tuple[int, int]] = []
    may = _SCREEN_SET.possible(folded)
    for i, (kind, screened) in enumerate(_SCREENED):
        if kind == "ar_numeric" and ctx.lang is not ar:
            continue  # "9/10/2021" is month first in American English
        if i not in may:
            continue
        for m in screened.pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind in _CALENDAR and tells_history(ctx.norm, start + m.start(), start + m.end()):
                taken.append((m.start(), m.end()))  # an agreement's day, a span's start
                continue
            resolved = resolve(kind, m, base)
            # a date after the report (a page's own crawl-day header) is no event's, and
            # the weekday or day inside it is no date of its own either
            taken.append((m.start(), m.end()))
            if resolved is None or resolved[0] > base + timedelta(days=1):
                continue
            found.append((m.start(), m.end(), kind, DateRef(
                event_date=resolved[0], time_precision=resolved[1],
                span=ctx.span(start + m.start(), start + m.end()))))
    # A relative day followed by the calendar date it stands for ("اليوم الأحد 9 تموز")
    # is that date: the relative one is read against a publication date that may be a
    # page's header or a sidebar's, the written one is not.
    calendar = [s for s, _, kind, _ in found if kind in _CALENDAR]
    found = [f for f in found if f[2] not in _RELATIVE or not any(
        0 <= c - f[1] <= APPOSITION_GAP and _APPOSITION.match(text[f[1]:c]) for c in calendar)]
    return [d for *_, d in sorted(found, key=lambda x: x[0])]


# "The coalition said on Saturday that ..." dates the statement, not the event.
_STATEMENT = re.compile(r"\b(said|announced|stated|reported|confirmed|admitted|denied|told \w+)"
                        r"(?: \w+)?\s+(?:late |early )?$", re.I)


def _is_statement(ctx: DocContext, d: DateRef, floor: int) -> bool:
    at = ctx.norm_range(d.span)[0] if d.span else floor
    return bool(_STATEMENT.search(ctx.norm[max(floor, at - 30) : at]))


def event_date(ctx: DocContext, sentences: list[tuple[int, int]], base: date) -> DateRef:
    """The first date the event's sentences give (dates of statements last); else the
    report's first dated sentence near the top; else the publication date at week
    precision (the event came before it)."""
    for start, end in sentences:
        dates = find_dates(ctx, start, end, base)
        if dates:
            return min(dates, key=lambda d: (_is_statement(ctx, d, start), d.time_precision))
    for start, end in ctx.sentences[:3]:
        dates = find_dates(ctx, start, end, base)
        if dates:
            return dates[0]
    return DateRef(event_date=base, time_precision=2)
