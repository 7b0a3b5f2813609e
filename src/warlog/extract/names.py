"""Longest-match scanning of multi-word names (places, actors) over a text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from warlog.extract.context import Match
from warlog.extract.lang.ar_normalise import ARABIC_BLOCK
from warlog.gazetteer import SCAN_TABLE, name_key

_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
# One-letter Arabic prefixes glued to a name: و and, ب in/by, ل for, ف so.
AR_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?=[\u0600-\u06ff]{3})")


# A copied post glues page chrome to its last word ("#السويداءAll reactions",
# "عفرينpic.twitter.com"): a change of script inside a token splits it there.
_SCRIPT_CHANGE = re.compile(r"(?<=[\u0621-\u064a])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0621-\u064a])")


def tokens(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TOKEN.finditer(text)]
    # (a text with no Arabic letter has no change of script: the scan's commonest case,
    # and splitting token by token had cost ~1 ms of a 500-word English report's ~35)
    if not ARABIC_BLOCK.search(text):
        return spans
    cuts = [m.start() for m in _SCRIPT_CHANGE.finditer(text)]
    if not cuts:
        return spans
    out = []
    at = 0
    for start, end in spans:
        while at < len(cuts) and cuts[at] <= start:
            at += 1
        while at < len(cuts) and cuts[at] < end:
            out.append((start, cuts[at]))
            start = cuts[at]
            at += 1
        out.append((start, end))
    return out


# Where a name cannot run across: a sentence or clause break.
_BREAK = re.compile(r"[\n,;:!?]|\.(?=\s)")


@lru_cache(maxsize=4)  # actors, their relations and places scan the same text in turn
def _layout(text: str) -> tuple[list[tuple[int, int]], list[int], list[bool] | None]:
    """The text's tokens, where its breaks are (with its end), and whether each token is
    followed by a gap that a key reads as one space and a word with a key (see _reach;
    None where no word starts at U+0600 or above: the scan reads it only for those)."""
    toks = tokens(text)
    spaced = None
    if _WIDE_WORD.search(text):
        spaced = [bool(_SPACE_GAP.fullmatch(text, end, after) and _KEYED.match(text, after))
                  for (_, end), (after, _) in zip(toks, toks[1:], strict=False)] + [False]
    return toks, [m.start() for m in _BREAK.finditer(text)] + [len(text)], spaced


# A word character at U+0600 or above (Arabic script and beyond).
_WIDE_WORD = re.compile(r"[^\W_\x00-\u05ff]")


# A gap between two tokens that a match key reads as one space (gazetteer.name_key).
_SPACE_GAP = re.compile(r"[\s\-.]+")
# A word whose match key is not empty: its first character survives name_key.
_KEYED = re.compile(r"[A-Za-z0-9\u0621-\u063a\u0641-\u064a]")


@lru_cache(maxsize=4096)
def _starter(char: str) -> bool:
    """Whether a gap that begins with this character leaves the match key of the words
    before it as it is, so that it begins the key of every longer run: it must not be a
    combining mark, which Unicode folding would reorder with the marks before it."""
    return not unicodedata.combining(unicodedata.normalize("NFKD", char)[0])


def _reach(text: str, toks: list[tuple[int, int]], i: int, longest: int,
           cuts: tuple[Callable[[str], bool] | None, Callable[[str], bool] | None],
           start: int | None = None, lead: str = "") -> int:
    """How many tokens from toks[i] a name may still span: a run grows past its n-th
    token only while the match key of its first n tokens may begin a name. Where a space
    follows those words (a gap that the key reads as one space, before a word with a key
    of its own) that key is the start of every longer run's key up to a space, and the
    owner's ``may_continue_name`` tells (the first element of ``cuts``); after any other
    gap (",", a quote, "#") it is only the start of the longer keys as a string, and the
    owner's ``may_begin_name`` tells (the second). A gap that begins with a combining mark
    cuts nothing. ``start`` and ``lead`` give the form of the run the scan looks up (an
    Arabic word without its glued prefix; "ا" before "لل" made "ال")."""
    continues, begins = cuts
    start = toks[i][0] if start is None else start
    for n in range(1, longest):
        end = toks[i + n - 1][1]
        after = toks[i + n][0]
        if _SPACE_GAP.fullmatch(text, end, after):
            test = continues if _KEYED.match(text, after) else begins
        else:
            test = begins if _starter(text[end]) else None
        if test is None:
            continue
        key = name_key(lead + text[start:end])
        if key and not test(key):
            return n
    return longest


@lru_cache(maxsize=1 << 15)  # the same words recur in every scan and report
def _lookup_forms(first: str) -> tuple[tuple[int, str], ...]:
    """Where in a run's first word the scan starts a look-up, and the letters it puts
    before it, in the order tried: as written; "لل..." read as "ال..." (ل + ال is written
    لل: "للطيران الروسي" is "الطيران الروسي"); without a glued prefix (و، ف، ب، ل)."""
    forms = [(0, "")]
    if first.startswith(("لل", "ولل")):
        forms.append((first.index("لل") + 1, "ا"))
    prefix = AR_PREFIX.match(first)
    if prefix and prefix.end():
        forms.append((prefix.end(), ""))
    return tuple(forms)


@lru_cache(maxsize=1 << 15)
def _arabic_forms(first: str) -> tuple[tuple[int, str, str], ...]:
    """Each look-up form of an Arabic first word (_lookup_forms) with the match key of
    the word alone in that form."""
    return tuple((at, lead, name_key(lead + first[at:])) for at, lead in _lookup_forms(first))


def _word_starts(owner: object) -> dict[str, tuple[tuple[tuple[int, str, str], ...], bool]]:
    """The owner's table of Arabic words scanned so far: their look-up forms, and whether
    one of them may begin a name. A report's words recur in every report: asking the
    owner afresh in each scan was 12 % of the samples (py-spy over the demo corpus'
    Arabic reports), and keeping the table raised Arabic extraction from 14,517 to 16,207
    words per CPU second (the two alternated in one process). The owner empties it when
    its names change (``add``)."""
    table = owner.__dict__.get(SCAN_TABLE)
    if table is None or len(table) > WORD_TABLE_MAX:
        table = owner.__dict__[SCAN_TABLE] = {}
    return table


# Words kept in that table before it starts afresh: a long stream's vocabulary grows
# without end, and a worker's memory must not. (Only words that may start a name are
# kept: 100,000 random Arabic words left 476 in the gazetteer's table.)
WORD_TABLE_MAX = 100_000


def scan_names(
    text: str,
    lookup: Callable[[str], object | None],
    *,
    max_tokens: int = 6,
    starts_name: Callable[[str], bool] | None = None,
) -> list[Match]:
    """Find the longest runs of tokens that ``lookup`` recognises, left to right. Only
    tokens that ``starts_name`` accepts start a run; by default, those that the lookup's
    owner says may start a name (``may_start_name``: the registry's, the gazetteer's), as
    trying every run of words from every token is most of the scan's cost. For the same
    reason a run is cut where its words begin no name (the owner's ``may_continue_name``
    and ``may_begin_name``; see _reach), and an Arabic word starts no run where no form
    of it that is looked up begins a name (``may_start_key``)."""
    owner = getattr(lookup, "__self__", None)
    if starts_name is None:
        starts_name = getattr(owner, "may_start_name", None) or (lambda word: True)
    cuts = (getattr(owner, "may_continue_name", None), getattr(owner, "may_begin_name", None))
    starts_key = getattr(owner, "may_start_key", None)
    arabic_cuts = starts_key is not None and cuts[1] is not None
    # an Arabic word's forms, and whether the first word of some form's key begins a name:
    # kept on the owner across scans (see _word_starts)
    words = _word_starts(owner) if arabic_cuts else {}
    toks, breaks, spaced_after = _layout(text)
    count = len(toks)
    found: list[Match] = []
    resume = 0  # the first token after the last name found
    for i, (tok_start, tok_end) in enumerate(toks):
        if i < resume:
            continue
        first = text[tok_start:tok_end]
        if not starts_name(first):
            continue
        arabic = first[0] >= "\u0600"
        if arabic and arabic_cuts:
            # An Arabic word is looked up in several forms (_arabic_forms): it starts no
            # run where no form may begin a name. Before a space (and a word with a key),
            # the first word of a form's key is that of every longer run's key.
            known = words.get(first)
            if known is None:
                forms = _arabic_forms(first)
                known = words[first] = (forms, any(starts_key(key) for *_, key in forms))
            forms, may_start = known
            spaced = spaced_after[i]  # type: ignore[index]  (never None here: see _layout)
            if spaced and not may_start:
                continue
        # a name never runs across a sentence or clause break
        limit = breaks[bisect_left(breaks, tok_start)]
        longest = 0
        most = min(max_tokens, count - i)
        while longest < most and toks[i + longest][1] <= limit:
            longest += 1
        if not arabic:
            if longest > 1 and cuts != (None, None):
                longest = _reach(text, toks, i, longest, cuts)
        elif arabic_cuts:
            if not spaced:
                if longest <= 1:  # the word alone: its key's first word is a name's
                    may = may_start
                elif _starter(text[tok_end]):  # a gap the key keeps: the key as a string
                    may = any(cuts[1](key) for *_, key in forms)
                else:
                    may = True
                if not may:
                    continue
            if longest > 1:  # a run is cut where no form's words may go on
                longest = max(_reach(text, toks, i, longest, cuts, tok_start + at, lead)
                              for at, lead, _ in forms)
        match = None
        for n in range(longest, 0, -1):
            end = toks[i + n - 1][1]
            for at, lead in _lookup_forms(first):
                start = tok_start + at
                phrase = text[start:end].rstrip(".")
                value = lookup(lead + phrase)
                if value:
                    match = Match(start, start + len(phrase), phrase, value)
                    break
            if match:
                found.append(match)
                resume = i + n
                break
    return found
