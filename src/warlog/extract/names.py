"""Longest-match scanning of multi-word names (places, actors) over a text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from warlog.extract.context import Match
from warlog.gazetteer import name_key

_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
# One-letter Arabic prefixes glued to a name: و and, ب in/by, ل for, ف so.
AR_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?=[\u0600-\u06ff]{3})")


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


# Where a name cannot run across: a sentence or clause break.
_BREAK = re.compile(r"[\n,;:!?]|\.(?=\s)")


# A gap between two tokens that a match key reads as one space (gazetteer.name_key).
_SPACE_GAP = re.compile(r"[\s\-.]+")


def _reach(text: str, toks: list[tuple[int, int]], i: int, longest: int,
           continues: Callable[[str], bool]) -> int:
    """How many tokens from toks[i] a name may still span: a run grows past its n-th
    token only while the match key of its first n tokens begins some name (the owner's
    ``may_continue_name``). Sound only where the gaps read as spaces, as then that key
    is the start of every longer run's key, up to a space; at any other gap every length
    is tried, as before."""
    start = toks[i][0]
    for n in range(1, longest):
        end = toks[i + n - 1][1]
        if not _SPACE_GAP.fullmatch(text, end, toks[i + n][0]):
            return longest
        if not continues(name_key(text[start:end])):
            return n
    return longest


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
    reason a run in Latin script is cut where its words begin no name (the owner's
    ``may_continue_name``; see _reach)."""
    owner = getattr(lookup, "__self__", None)
    if starts_name is None:
        starts_name = getattr(owner, "may_start_name", None) or (lambda word: True)
    continues = getattr(owner, "may_continue_name", None)
    toks = tokens(text)
    count = len(toks)
    breaks = [m.start() for m in _BREAK.finditer(text)] + [len(text)]
    found: list[Match] = []
    resume = 0  # the first token after the last name found
    for i, (tok_start, tok_end) in enumerate(toks):
        if i < resume:
            continue
        first = text[tok_start:tok_end]
        if not starts_name(first):
            continue
        prefix = AR_PREFIX.match(first)
        shifts = [0, prefix.end()] if prefix and prefix.end() else [0]
        # a name never runs across a sentence or clause break
        limit = breaks[bisect_left(breaks, tok_start)]
        longest = 0
        most = min(max_tokens, count - i)
        while longest < most and toks[i + longest][1] <= limit:
            longest += 1
        if continues is not None and longest > 1 and first[0] < "\u0600":
            # (Arabic words keep every length: a glued prefix and an article that
            # lookup drops make their keys no plain start of a longer one)
            longest = _reach(text, toks, i, longest, continues)
        match = None
        for n in range(longest, 0, -1):
            end = toks[i + n - 1][1]
            for shift in shifts:
                start = tok_start + shift
                phrase = text[start:end].rstrip(".")
                value = lookup(phrase)
                if not value and shift == 0 and first.startswith(("لل", "ولل")):
                    # ل + ال is written لل: "للطيران الروسي" is "الطيران الروسي"
                    start = tok_start + first.index("لل") + 1
                    value = lookup("ا" + text[start:end].rstrip("."))
                    phrase = text[start:end].rstrip(".")
                if value:
                    match = Match(start, start + len(phrase), phrase, value)
                    break
            if match:
                found.append(match)
                resume = i + n
                break
    return found
