"""Near-copies of one text (a wire story republished, a post shared with a line added),
found with MinHash over word 3-grams, so one story told by ten reposts counts once.

MinHash estimates the Jaccard similarity of two texts' sets of word 3-grams from a short
signature; LSH bands of the signature find the near-copies of a text without comparing it
with every other. Words are split on Unicode letters and digits, so English and Arabic
are fingerprinted alike. (SimHash was tried first: on posts of 30 words one added line
moved it past any safe bit threshold.)
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict

PERMUTATIONS = 32
ROWS = 4  # rows per LSH band: 8 bands of 4
_BANDS = PERMUTATIONS // ROWS
# Texts sharing this share of their word 3-grams or more are one source. A post reposted
# with a line or a hashtag added stays above 0.6; two outlets writing up one strike in
# their own words share a few names and numbers, far below (tests/test_grade.py).
NEAR_JACCARD = 0.6
_MASK32 = (1 << 32) - 1
_rng = random.Random(20240501)  # fixed: signatures must be comparable across runs
_SEEDS = [(_rng.getrandbits(61) | 1, _rng.getrandbits(61)) for _ in range(PERMUTATIONS)]
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+", re.UNICODE)
# Arabic diacritics and tatweel vary between copies of one text
_MARKS = re.compile("[\u064b-\u0652\u0640]")

Signature = tuple[int, ...]


def words(text: str) -> list[str]:
    return _WORD.findall(_MARKS.sub("", text.casefold()))


def signature(text: str, n: int = 3) -> Signature:
    """A MinHash signature of the text's word n-grams (empty for a text with no words)."""
    tokens = words(text)
    if not tokens:
        return ()
    grams = {" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))}
    hashes = [int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
              for g in grams]
    return tuple(min((a * h + b) % _PRIME for h in hashes) & _MASK32 for a, b in _SEEDS)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' word 3-grams."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / PERMUTATIONS


def near_copies(a: Signature, b: Signature) -> bool:
    return similarity(a, b) >= NEAR_JACCARD


def _bands(sig: Signature) -> list[tuple[int, Signature]]:
    return [(i, sig[i * ROWS:(i + 1) * ROWS]) for i in range(_BANDS)]


class CopyIndex:
    """Finds stored signatures that are near-copies of a new one without comparing all."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, Signature], dict[str, Signature]] = defaultdict(dict)

    def add(self, key: str, sig: Signature) -> None:
        for band in _bands(sig):
            self._bands[band][key] = sig

    def discard(self, key: str, sig: Signature) -> None:
        for band in _bands(sig):
            bucket = self._bands.get(band)
            if bucket is not None:
                bucket.pop(key, None)
                if not bucket:
                    del self._bands[band]

    def near(self, sig: Signature) -> list[str]:
        if not sig:
            return []
        found = {key for band in _bands(sig) for key, other in self._bands.get(band, {}).items()
                 if near_copies(sig, other)}
        return sorted(found)


def copy_groups(signatures: dict[str, Signature], publishers: dict[str, str]) -> list[list[str]]:
    """Documents that are one source: near-copies of each other, or from one publisher.
    Each group counts once towards ``independent_source_count``."""
    parent = {key: key for key in signatures}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    keys = sorted(signatures)
    by_publisher: dict[str, str] = {}
    index = CopyIndex()
    for key in keys:
        for other in index.near(signatures[key]):
            union(key, other)
        index.add(key, signatures[key])
        publisher = (publishers.get(key) or "").strip().casefold()
        if publisher:
            if publisher in by_publisher:
                union(key, by_publisher[publisher])
            else:
                by_publisher[publisher] = key
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[find(key)].append(key)
    return sorted(groups.values())
