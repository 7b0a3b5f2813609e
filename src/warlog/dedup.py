"""Near-copies of one text (a wire story republished, a post shared with a line added),
found with MinHash over word 3-grams, so one story told by ten reposts counts once.

MinHash estimates the Jaccard similarity of two texts' sets of word 3-grams from a short
signature; LSH bands of the signature find the near-copies of a text without comparing it
with every other. Words are split on Unicode letters and digits, so English and Arabic
are fingerprinted alike. (SimHash was tried first: on posts of 30 words one added line
moved it past any safe bit threshold.)
"""

from __future__ import annotations

import bisect
import hashlib
import operator
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
    return sum(map(operator.eq, a, b)) / PERMUTATIONS


def near_copies(a: Signature, b: Signature) -> bool:
    return similarity(a, b) >= NEAR_JACCARD


# Words two reports of one strike share (the village, the family, the weapon) beside the
# words every strike report uses: a bottom-k sketch of each text's set of words of three
# or more letters (Arabic article and joined conjunction/preposition dropped), compared by
# the estimated Jaccard similarity of the two sets. The text comes with its Arabic letters
# folded (``group.vocabulary`` passes the extractor's matching form), and so is this list.
VOCABULARY_K = 48
_VOCAB_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_ARABIC_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل)(?=\w{3})")
# Words any report of any strike may use (function words, the vocabulary of strikes and
# of Syria's map at large), without the article as ``vocabulary`` reads them:
# left out, so that what two reports share is what sets one strike apart.
_COMMON = """
في من علي الي عن مع بعد قبل بين حتي منذ خلال ضد عند لدي نحو حول دون غير كان كانت يكون تم
هذا هذه ذلك تلك التي الذي الذين اللذين هناك هنا وقد قد لقد لم لن ما لا او ثم كما حيث اذا اثر
جراء نتيجه بسبب عدد عده اكثر اقل اخر اخري احد احدي كل بعض جميع ايضا فقط وفق وفقا بحسب حسب
يوم اليوم امس صباح مساء ليل ليله فجر ظهر ساعه ساعات الساعه الاحد الاثنين الثلاثاء الاربعاء
الخميس الجمعه السبت
قصف قصفا غاره غارات جويه جوي طيران الطيران طائره طائرات مسيره مسيرات حربي حربيه صاروخ صواريخ
صاروخيه قذيفه قذائف مدفعيه مدفعي استهداف استهدف استهدفت تستهدف يستهدف هجوم هجمات ضربه ضربات
قتل مقتل قتلي قتيل شهيد شهداء استشهاد استشهد اصابه اصابات جرحي جريح اصيب مصاب مدني مدنيين
مدنيون طفل اطفال امراه نساء رجل شاب عائله سكان اهالي منزل منازل مبني سياره
قوات القوات جيش الجيش عناصر عنصر فصائل مقاتلين النظام نظام الروسي الروسيه روسيا التركي
التركيه تركيا الاسد قسد الامريكي التحالف الدولي داعش تنظيم
سوريا السوري السوريه سوري ريف الريف مدينه بلده قريه حي منطقه مناطق محافظه الشمالي الجنوبي
الشرقي الغربي شمال جنوب شرق غرب شمالي جنوبي شرقي غربي قرب بالقرب اطراف محيط
مراسل مصادر مصدر محليه وكاله شبكه مرصد المرصد الدفاع المدني اخبار عاجل متابعه
the and for with from that this was were are has have had been into onto over after before
about which who their they them its his her near north south east west northern southern
eastern western city town village province countryside syria syrian regime forces killed
injured wounded civilians civilian people children women strike strikes airstrike airstrikes
air drone shelling attack attacks targeted russian turkish military according sources local
"""


def _word(w: str) -> str:
    return _ARABIC_PREFIX.sub("", w)


COMMON_WORDS = frozenset(_word(w) for w in _COMMON.split())


def vocabulary(text: str) -> Signature:
    """A bottom-k sketch (the ``VOCABULARY_K`` smallest 64-bit hashes) of the text's set
    of content words; empty for a text with none."""
    found = set()
    for w in _VOCAB_WORD.findall(_MARKS.sub("", text.casefold())):
        w = _word(w)
        if w not in COMMON_WORDS:
            found.add(w)
    hashes = sorted(int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big")
                    for w in found)
    return tuple(hashes[:VOCABULARY_K])


def vocabulary_similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two texts' word sets from their bottom-k sketches:
    below the smaller of the two sketches' largest hashes both sketches hold every hash
    of their text, so the share of those hashes found in both estimates it."""
    if not a or not b:
        return 0.0
    top = min(a[-1], b[-1])
    a, b = a[:bisect.bisect_right(a, top)], b[:bisect.bisect_right(b, top)]
    both = len(set(a).intersection(b))
    return both / (len(a) + len(b) - both)


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
