"""Longest-match scanning of multi-word names (places, actors) over a text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from warlog.extract.context import Match

_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
# One-letter Arabic prefixes glued to a name: و and, ب in/by, ل for, ف so.
AR_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?=[\u0600-\u06ff]{3})")


def tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Where a name cannot run across: a sentence or clause break.
_BREAK = re.compile(r"[\n,;:!?]|\.(?=\s)")


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
    trying every run of words from every token is most of the scan's cost."""
    if starts_name is None:
        starts_name = getattr(getattr(lookup, "__self__", None), "may_start_name", None) or (
            lambda word: True)
    toks = tokens(text)
    breaks = [m.start() for m in _BREAK.finditer(text)] + [len(text)]
    found: list[Match] = []
    i = 0
    while i < len(toks):
        first = text[toks[i][0] : toks[i][1]]
        match = None
        if starts_name(first):
            prefix = AR_PREFIX.match(first)
            shifts = [0, prefix.end()] if prefix and prefix.end() else [0]
            # a name never runs across a sentence or clause break
            limit = breaks[bisect_left(breaks, toks[i][0])]
            longest = 0
            while longest < min(max_tokens, len(toks) - i) and toks[i + longest][1] <= limit:
                longest += 1
            for n in range(longest, 0, -1):
                end = toks[i + n - 1][1]
                for shift in shifts:
                    start = toks[i][0] + shift
                    phrase = text[start:end].rstrip(".")
                    value = lookup(phrase)
                    if not value and shift == 0 and first.startswith(("لل", "ولل")):
                        # ل + ال is written لل: "للطيران الروسي" is "الطيران الروسي"
                        start = toks[i][0] + first.index("لل") + 1
                        value = lookup("ا" + text[start:end].rstrip("."))
                        phrase = text[start:end].rstrip(".")
                    if value:
                        match = Match(start, start + len(phrase), phrase, value)
                        break
                if match:
                    i += n
                    break
        if match:
            found.append(match)
        else:
            i += 1
    return found
