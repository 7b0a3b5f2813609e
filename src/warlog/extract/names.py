"""Longest-match scanning of multi-word names (places, actors) over a text."""

from __future__ import annotations

import re
from collections.abc import Callable

from warlog.extract.context import Match

_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
# One-letter Arabic prefixes glued to a name: و and, ب in/by, ل for, ف so.
AR_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل)?(?=[\u0600-\u06ff]{3})")


def tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def scan_names(
    text: str,
    lookup: Callable[[str], object | None],
    *,
    max_tokens: int = 6,
    starts_name: Callable[[str], bool] = lambda word: True,
) -> list[Match]:
    """Find the longest runs of tokens that ``lookup`` recognises, left to right."""
    toks = tokens(text)
    found: list[Match] = []
    i = 0
    while i < len(toks):
        first = text[toks[i][0] : toks[i][1]]
        match = None
        if starts_name(first):
            prefix = AR_PREFIX.match(first)
            shifts = [0, prefix.end()] if prefix and prefix.end() else [0]
            for n in range(min(max_tokens, len(toks) - i), 0, -1):
                end = toks[i + n - 1][1]
                for shift in shifts:
                    start = toks[i][0] + shift
                    # a name never runs across a sentence or clause break
                    phrase = text[start:end]
                    if re.search(r"[\n,;:!?]|\.\s", phrase):
                        continue
                    value = lookup(phrase.rstrip("."))
                    if value:
                        match = Match(start, start + len(phrase.rstrip(".")), phrase.rstrip("."), value)
                        break
                if match:
                    i += n
                    break
        if match:
            found.append(match)
        else:
            i += 1
    return found
