"""What of a scraped page is not its report: other stories' headlines (related articles,
most read, the previous and next post). Their places and tolls are not this report's;
extraction reads them once a report (``DocContext.other_stories``)."""

from __future__ import annotations

import re


def other_stories(text: str, arabic: bool) -> list[tuple[int, int]]:
    """Spans of the matching text that are other stories' headlines: the lines of a list
    a heading opens ("اقرأ أيضاً", "Related"), and on an Arabic page, runs of headline
    lines with no heading."""
    spans = _listed(text)
    if arabic and "\n" in text:
        spans += _runs(text)
    return sorted(spans)


# A heading that opens a list of other stories.
_OTHERS_HEADING = re.compile(
    r"^\W*(?:اقرا|اقرئي|شاهد|طالع)\s+(?:ايضا|كذلك)|^\W*(?:مقالات|اخبار|مواضيع)\s+"
    r"(?:ذات\s+صله|متعلقه|مشابهه|مرتبطه)|^\W*(?:الاكثر\s+(?:قراءه|مشاهده|تداولا)|"
    r"(?:المقال|الخبر)?\s*(?:السابق|التالي)|مرتبط|قد\s+يهمك|ننصحك|اخترنا\s+لك|"
    r"related(?:\s+(?:articles|news|stories|posts))?|read\s+(?:more|also|next)|most\s+read|"
    r"more\s+from|you\s+may\s+(?:also\s+)?like|see\s+also|recommended)\W*$",
    re.I)
# a headline: a short line that is not a sentence (no full stop); 20 words and more is
# prose. Chosen by reading the dev half's related-article lists (headlines run 4-16 words).
_HEADLINE_WORDS = 20


def _headline_like(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) < _HEADLINE_WORDS and not re.search(r"[.!?؟]\W*$", line)


def _listed(text: str) -> list[tuple[int, int]]:
    """The lines under a heading that opens other stories' list."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    title = lines[0][2][:40] if lines else ""
    spans: list[tuple[int, int]] = []
    listing = False
    for start, end, line in lines:
        if not line:
            continue
        heading = _OTHERS_HEADING.match(line)
        if heading:
            listing = True
            if line[heading.end():].strip():
                spans.append((start, end))
            continue
        if listing and _headline_like(line) and not (title and title in line):
            spans.append((start, end))
        else:
            listing = False
    return spans


# With no heading, a news page lists its other stories' headlines after the article: a run
# of at least HEADLINE_RUN lines that read as headlines (HEADLINE_CHARS characters, four
# words or more, none ending a sentence) after the article's first paragraph (the first
# line longer than a headline); some sites also put a column of them above it (see
# HEADLINE_RUN_ABOVE). Their places locate nothing the article reports (a Kobani report
# beside Erbil's headlines). A post's own short lines (a signature, "حسبنا الله", a
# hashtag) are no headlines and break a run.
# (airwars-syria development half, loc_25km / governorate_acc in sources: +3 / +4-1 so;
# with every short line a headline, 0 / -1, as posts' own lines were taken)
HEADLINE_RUN = 3
HEADLINE_CHARS = (25, 100)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = ".:،؟!"


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of lines that read as headlines, after the article's first paragraph, and
    long runs of them before it (a news site's "latest news" column above the article)."""
    lines = [(m.start(), m.end(), m.group().strip(" \t/|")) for m in _LINE.finditer(text)]
    first = next((i for i, (s, e, t) in enumerate(lines) if len(t) > HEADLINE_CHARS[1]), None)
    out = _headline_runs(lines[1:first], HEADLINE_RUN_ABOVE, above=True)
    if first is not None:
        out += _headline_runs(lines[first + 1:], HEADLINE_RUN)
    return out


# Above the article a run must be longer: a post's own title, dateline and byline, or a
# list of the dead (whose lines start "1-", a bullet or "الشهيد", and are never taken),
# come first. (airwars-syria development half: 5 to 8 give the same figures; 3 or 4 move
# two sources each way.)
HEADLINE_RUN_ABOVE = 5
_LISTED_ITEM = re.compile(r"^(?:[\d٠-٩]+\s*[-.)/]|[-•▪️🔴*]|(?:ال)?شهيد)")


def _headline_runs(lines: list[tuple[int, int, str]], least: int, above: bool = False
                   ) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for s, e, t in [*lines, (0, 0, ".")]:
        if not t:
            continue
        if HEADLINE_CHARS[0] <= len(t) <= HEADLINE_CHARS[1] and t[-1] not in _SENTENCE_END \
                and t.count(" ") >= 3 and not (above and _LISTED_ITEM.match(t)):
            run.append((s, e))
            continue
        if len(run) >= least:
            out.append((run[0][0], run[-1][1]))
        run = []
    return out
