"""The matching form of a text: Arabic folded for matching, social-media chrome blanked,
with a map from every character of it back to the stored text.

What changes (each kept character stays one character, so a span of the matching text
maps back through ``orig``):

* Arabic letters folded: alef forms (أ إ آ ٱ) to ا, ta marbuta ة to ه, alef maqsura ى
  to ي (``gazetteer.normalise_arabic``); Arabic-Indic and Persian digits to 0-9.
* read as spaces: the invisible direction marks (LRM, RLM and the like).
* dropped: diacritics, tatweel, and the marks pages put inside words so that platforms
  do not flag them ("مقـ.ـتل", "اسـ ـتـ ـهداف": a tatweel, then dots, commas or spaces,
  then a letter).
* blanked (each character becomes a space): the lines and phrases a copied Facebook or
  X page wraps a post in ("Shared with Public", "See translation", reaction and view
  counts, "Post", "1y", the X timestamp line, Facebook's footer of languages, YouTube's
  footer).
"""

from __future__ import annotations

import re
from functools import lru_cache

from warlog.extract.screen import Screened, alternatives
from warlog.extract.screen import fold as screen_fold

_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670]")
# A tatweel run with the dots, commas, stars, spaces or small yeh (ۦ) a page puts after
# it, when a letter follows: "مقـ.ـتل", "سقـ.ـوط", "اسـ ـتـ ـهداف", "الجـۦـنود".
# A dot or star alone between two letters of a word does the same: "ق.صف", "ا.ستشها.د",
# "العد.وان", "ق*صف"; but not a full stop that lost its space before a sentence opening
# with و or ف and a word that opens sentences ("على كنصفره.وقال": casualties._GLUED_STOP).
_OPENERS = ("قال|قالت|اكد|أكد|اكدت|أكدت|اضاف|أضاف|اضافت|أضافت|اشار|أشار|اشارت|أشارت|افاد|أفاد|"
            "افادت|أفادت|ذكر|ذكرت|اعلن|أعلن|اعلنت|أعلنت|كان|كانت|تم|في|من|قد|لم|يذكر|بحسب|حسب")
_OBFUSCATION = re.compile(r"\u0640+(?:[ .،,*•_\-\u06e6]+\u0640*)?(?=[\u0621-\u064a])|\u0640+"
                          r"|(?<=[\u0621-\u064a])[.*](?=[\u0621-\u064a])"
                          rf"(?![وف](?:{_OPENERS})(?![\u0621-\u064a]))")
# A word glued to the one before it, where the one before ends in ة or ى (letters that only
# end words: a suffix turns them into ت and ي): copied posts lose the space after a
# hashtag or a line ("#الرقةمقتل شقيقين", "بريف الرقةنفذت قوات", "عائلة واحدةوإصابة").
# The matching text gets a space there, which maps back to the ة or ى before it.
# Likewise after the "#عاجل" (breaking) tag that opens many posts: the tag is the whole
# word, so a letter right after it starts the post ("#عاجلفقد مدني حياته").
_GLUED_WORD = re.compile(r"(?:(?<=[ةى])|(?<=#عاجل)(?!ة))[\u0621-\u063f\u0641-\u064a]")
# Where an Arabic word starts in the matching text: after anything but a letter (a space,
# punctuation, a quote, a hashtag's mark, a digit, a bullet or an emoji: "▪️الشهداء",
# 'on X: "غارات روسية'); where one ends: before anything but a letter or digit.
WORD_START = r"(?<![^\W\d])"
WORD_END = r"(?![^\W_])"
# Letters folded as gazetteer.normalise_arabic folds them, digits made ASCII
_FOLD = str.maketrans("أإآٱةى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "ااااهي01234567890123456789")
# The invisible direction marks a copied post puts between words read as spaces: "ريف
# \u200e#ادلب" is the countryside of Idlib, as "ريف #ادلب" is (in an Arabic text only).
_FOLD.update(dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069\ufeff"), " "))
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# The line a copied Facebook post's readers' comments follow (DocContext.comments_start).
REACTIONS = ("All reactions", "كل التفاعلات")
# Chrome of copied social-media pages: whole lines, or runs inside a line (X glues the
# timestamp and view counts to the post's last word).
CHROME = re.compile(
    r"(?im)^(?:Post|Posts|Shared with Public|Shared with .{0,20}|See translation|"
    r"See original|Rate this translation|All reactions:?|Like|Comment|Share|Reply|Follow|"
    r"Facebook|Log In|Sign Up|Forgot account\?|\d+[ywdhm]|\d+ (?:comments?|shares?)|"
    r"[\d.,]+[KM]?|Most relevant|Write a comment.*|Translate post|عرض الترجمة|"
    r"مشاركة مع العامة|كل التفاعلات:?|أعجبني|تعليق|مشاركة|متابعة)$"
    r"|\d{1,2}:\d\d\s?[AP]M\s?·\s?" + _MONTH_EN + r"\s\d{1,2},\s\d{4}(?:[\d.,]+[KM]?\s?Views?)?"
    r"(?:[\d.,]+[KM]?)*"
    r"|English \(US\).*?Meta © \d{4}|\u200e?'s Post\b"
    # walls a copied page hit instead of the post
    r"|Age-restricted adult content[^\n]*|This (?:page|content) isn't available[^\n]*"
    r"|Something went wrong[^\n]*|Loading seems to be taking a while\.?|Twitter may be over capacity[^\n]*"
    r"|Copy link to Tweet|Embed Tweet|Back to top ↑|Log in to X[^\n]*"
    r"|This post is unavailable\.?|This browser is not supported[^\n]*"
    r"|One moment, please\.*|Please wait while your request is being verified\.*"
    r"|Redirect Notice[^\n]*"
    # YouTube's footer, glued to a video's title: "... - YouTubeAboutPressCopyright..."
    r"|YouTubeAboutPress[^\n]*"
    r"|(?:" + _MONTH_EN + r"\s\d{1,2}(?:,\s\d{4})?\s?·\s?)?Shared with Public|See translation|See original"
    r"|\b[\d.,]+[KM]? (?:Views|views|likes|reactions|comments|shares|reposts)\b"
)
# Each alternative behind its screen (see extract.screen): a report is read for chrome
# with only the alternatives whose words it holds, the same matches found sooner (the
# whole alternation cost ~1.7 ms on a 500-word report, most of it the "Shared with
# Public" alternative tried at every letter).
_CHROME_PARTS = [(alternative, Screened(re.compile("(?im)" + alternative)))
                 for alternative in alternatives(CHROME.pattern.removeprefix("(?im)"))]


@lru_cache(maxsize=64)
def _chrome_of(kept: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?im)" + "|".join(kept))


def _chrome(text: str) -> list[tuple[int, int]]:
    """CHROME's matches in the text."""
    folded = screen_fold(text)
    kept = tuple(alternative for alternative, screened in _CHROME_PARTS
                 if screened.possible(folded))
    return [m.span() for m in _chrome_of(kept).finditer(text)]


# Where a copied page names the page or account that posted: Facebook's "NAME's Post",
# X's "NAME on X:" title (before 2023 "NAME on Twitter:") and "NAME@handle" line. The
# name is blanked wherever it recurs: a page called "تنسيقية مدينة ادلب" or "القادسية
# ثانية" names no place of the event.
# (Each is tried only on lines holding its marker: the patterns are slow on long lines.)
PAGE_NAME_LINES: list[tuple[str, re.Pattern[str]]] = [
    ("'s Post", re.compile(r"\u200e?(?P<name>[^\n\u200e]{3,80}?)\u200e?'s Post")),
    (" on X: ", re.compile(r"^(?P<name>[^\n]{3,80}?) on X: ")),
    (" on Twitter", re.compile(r"^(?P<name>[^\n]{3,80}?) on Twitter(?:: |$)")),
    # the name glued to the handle, as X's copy writes it ("According to @x" is prose); a
    # handle is Latin letters, digits and "_" only: the post's first word, glued on after
    # it, is no part of it ("@SyriaCivilDefeإصابة امرأتين")
    ("@", re.compile(r"^(?P<name>[^\n@]{2,59}[^\s@])(?P<handle>@[A-Za-z0-9_]{2,30})")),
    ("Facebook", re.compile(r"\.\.\. - (?P<name>[^\n/]{3,80}?)(?: /)? ?Facebook")),
]
# An older Facebook copy's title: the page's name two or three times, the post's opening
# cut short, the name again ("الدفاع المدني السوري الدفاع المدني السوري لم يجف... -
# الدفاع المدني السوري"). A page named after its town ("أريحا اليوم", "اتحاد شباب
# الحسكة") says where the page is, not where the event was.
_TITLE_NAME = re.compile(r"(?P<name>[^\n]{3,80}?)(?: (?P=name))+[ \n].{0,600}?\.\.\. - (?P=name)(?!\S)",
                         re.S)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Every character that _FOLD, _DIACRITICS or _OBFUSCATION changes lies in this block (but
# the direction marks, which a text without Arabic keeps).
ARABIC_BLOCK = re.compile(r"[\u0600-\u06ff]")
# An Arabic hashtag joins its words with "_" ("#التحالف_الدولي", "#تل_ابيض").
HASHTAG_JOIN = re.compile(r"(?<=[\u0621-\u064a])_(?=[\u0621-\u064a])")
# A Latin hashtag joins names the same way: "#PYD_PKK", "#Deir_ez_Zor".
_LATIN_HASHTAG = re.compile(r"#[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")


def join_hashtags(text: str) -> str:
    """The text with a hashtag's "_" read as a space (same length, so offsets hold)."""
    if "_" not in text:
        return text
    return _LATIN_HASHTAG.sub(lambda m: m.group().replace("_", " "), HASHTAG_JOIN.sub(" ", text))


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def fold(text: str) -> tuple[str, list[int]]:
    """The matching text and, for each of its characters, its offset in ``text`` (plus
    one final entry, ``len(text)``). The offsets rise, but for a space put in after a
    word's last letter (``_GLUED_WORD``), which shares that letter's offset."""
    chrome = _chrome(text)
    if not chrome and max(text, default="") < "\u0600":
        return text, list(range(len(text) + 1))
    regions = chrome
    for name in page_names(text):
        at = text.find(name)
        while at >= 0:
            regions.append((at, at + len(name)))
            at = text.find(name, at + len(name))
    if not ARABIC_BLOCK.search(text):
        # no Arabic letter, digit or mark: nothing to fold or drop (a dash or a curly
        # quote brought the text here), only chrome and page names to blank
        return _blank(text, regions), list(range(len(text) + 1))
    # (start, end): characters dropped; (at, at): a space put in before the character at
    drops = sorted([(m.start(), m.end()) for pattern in (_DIACRITICS, _OBFUSCATION)
                    for m in pattern.finditer(text)]
                   + [(m.start(), m.start()) for m in _GLUED_WORD.finditer(text)])
    folded = _blank(text, regions).translate(_FOLD)  # one character for one
    if not drops:
        return folded, list(range(len(text) + 1))
    pieces: list[str] = []
    orig: list[int] = []
    at = 0
    for start, end in drops:
        if start > at:
            pieces.append(folded[at:start])
            orig.extend(range(at, start))
        if start == end and start >= at:  # the space, read as if the page had kept it
            pieces.append(" ")
            orig.append(start - 1)  # with the ة or ى: offsets of the stored text still
            # map to their own letter (see DocContext.norm_offset)
        at = max(at, end)
    pieces.append(folded[at:])
    orig.extend(range(at, len(text)))
    return "".join(pieces), orig + [len(text)]


def _blank(text: str, regions: list[tuple[int, int]]) -> str:
    """The text with each character of the regions a space (line ends kept)."""
    if not regions:
        return text
    blanked = list(text)
    for start, end in regions:
        for i in range(start, end):
            if blanked[i] != "\n":
                blanked[i] = " "
    return "".join(blanked)


def page_names(text: str) -> set[str]:
    """Names of the page or account a copied post was taken from (see PAGE_NAME_LINES)."""
    names: set[str] = set()
    if "... - " in text[:800] and (m := _TITLE_NAME.match(text)):
        names.add(m.group("name"))
    for line in text[:3000].split("\n"):
        for marker, pattern in PAGE_NAME_LINES:
            if marker not in line:
                continue
            for m in pattern.finditer(line):
                for name in m.groups():
                    name = (name or "").removeprefix("Facebook").strip("\u200e ")
                    if len(name) >= 3 and not name.startswith(("#", "Post")):
                        names.add(name)
    return names


def script_lang(text: str) -> str:
    """``ar`` when Arabic letters outnumber Latin ones in this stretch, else ``en``: the
    language a paragraph or sentence of a mixed post is read in."""
    if not _ARABIC_LETTER.search(text):
        return "en"
    arabic = len(_ARABIC_LETTER.findall(text))
    return "ar" if arabic and arabic >= len(_LATIN_LETTER.findall(text)) else "en"
