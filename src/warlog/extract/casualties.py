"""Killed and injured figures as (low, high) ranges, with the victims they name."""

from __future__ import annotations

import re

from warlog.extract.context import DocContext
from warlog.extract.lang import ar, en
from warlog.model import CasualtyCount

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUM_WORD = "|".join(sorted(
    [re.escape(w) for w in (*en.NUMBER_WORDS, *en.SCALE_WORDS, *en.VAGUE_NUMBERS)
     if w not in ("a", "an")], key=len, reverse=True))
_AR_NUM = "|".join(sorted((*ar.NUMBER_WORDS, *ar.VAGUE_NUMBERS), key=len, reverse=True))
# One quantity: "12", "1,200", "twenty-three", "a dozen", "dozens", "between 10 and 15".
NUMBER = (
    rf"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|approximately"
    rf"|roughly|an estimated|ما لا يقل عن|لا يقل عن|اكثر من|نحو|حوالي)\s+)?"
    rf"(?:(?:between\s+)?[0-9٠-٩][0-9٠-٩,]*(?:\s*(?:-|–|to|and|و|الى)\s*[0-9٠-٩][0-9٠-٩,]*)?"
    rf"|(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))*|(?:{_AR_NUM}))"
)
_VICTIMS = "|".join(sorted(map(re.escape, (*en.VICTIM_WORDS, *ar.VICTIM_WORDS)), key=len, reverse=True))
_FILL = r"(?:[\w'’\-]+,?\s+){0,6}?"  # a few words between a figure and its verb
_INCLUDING = re.compile(rf"\b(?:including|among them|among whom|of whom|بينهم|منهم)\s+({NUMBER})\s+({_VICTIMS})", re.I)

# "30 PM", "13-year-old", "a 43-year-old", "husband, 43": clock times and ages, not tolls
_NOT_A_COUNT = re.compile(r"^\s*(?:[ap]\.?m\b|-?\s*years?[- ]old|-?\s*year\b|-?\s*months?[- ]old|:\d|%|km|kilomet|miles?|metres?|meters?|percent|per cent|o'clock)", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|husband|wife|son|daughter|father|mother|brother|sister|man|woman|boy|girl),\s*$", re.I)


def _patterns(killed: str, injured: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for kind, verb in (("killed", killed), ("injured", injured)):
        # "12 civilians were killed", "killing 12 people", "the death toll rose to 12"
        out.append((kind, re.compile(rf"(?P<n>{NUMBER})\s+(?P<rest>{_FILL})(?:(?:were|was|have been|had been|are|got)\s+)?(?:{verb})", re.I)))
        out.append((kind, re.compile(rf"(?:{verb})\s+(?:at least\s+|of\s+|to\s+|rose to\s+|stood at\s+)?(?:{_FILL})?(?P<n>{NUMBER})(?P<rest>\s+(?:{_VICTIMS}))?", re.I)))
    return out


PATTERNS = _patterns(en.KILLED, en.INJURED) + _patterns(ar.KILLED, ar.INJURED)


def parse_number(text: str) -> tuple[int, int] | None:
    """'at least 12' -> (12, 12); 'dozens' -> (12, 99); '10-15' -> (10, 15)."""
    t = text.lower().translate(_DIGITS).strip()
    t = re.sub(r"^(at least|more than|over|nearly|almost|about|around|some|up to|as many as"
               r"|approximately|roughly|an estimated|ما لا يقل عن|لا يقل عن|اكثر من|نحو|حوالي)\s+", "", t)
    t = t.removeprefix("between ").strip()
    nums = re.findall(r"\d[\d,]*", t)
    if nums:
        values = [int(n.replace(",", "")) for n in nums if n.replace(",", "").isdigit()]
        if not values:
            return None
        return (min(values), max(values)) if len(values) > 1 else (values[0], values[0])
    for table in (en.VAGUE_NUMBERS, ar.VAGUE_NUMBERS):
        if t in table:
            return table[t]
    for table in (ar.NUMBER_WORDS, en.NUMBER_WORDS):
        if t in table:  # whole phrases first: "a dozen" is 12, not 1 + 12
            return table[t], table[t]
    total = current = 0
    for word in re.split(r"[\s-]+", t):
        if word in en.NUMBER_WORDS:
            current += en.NUMBER_WORDS[word]
        elif word in en.SCALE_WORDS:
            current = max(current, 1) * en.SCALE_WORDS[word]
            if en.SCALE_WORDS[word] >= 1000:
                total, current = total + current, 0
        elif word in en.VAGUE_NUMBERS:
            return en.VAGUE_NUMBERS[word]
        elif word != "and":
            return None
    value = total + current
    return (value, value) if value else None


def _victims(words: str) -> str:
    for word in re.findall(r"[\w']+", words.lower()):
        if word in en.VICTIM_WORDS:
            return en.VICTIM_WORDS[word]
        if word in ar.VICTIM_WORDS:
            return ar.VICTIM_WORDS[word]
    return ""


def find_casualties(ctx: DocContext, sentences: list[tuple[int, int]]) -> list[CasualtyCount]:
    found: list[CasualtyCount] = []
    for s_start, s_end in sentences:
        text = ctx.norm[s_start:s_end]
        taken: list[tuple[int, int]] = []
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(text):
                number = m.group("n")
                if any(s <= m.start("n") < e for s, e in taken):
                    continue
                if re.fullmatch(r"(?:19|20)\d\d", number.strip(" ,")):  # a year, not a count
                    continue
                if _NOT_A_COUNT.match(text[m.end("n"):]) or _AGE_BEFORE.search(text[:m.start("n")]):
                    continue
                value = parse_number(number)
                if value is None:
                    continue
                taken.append((m.start("n"), m.end("n")))
                rest = m.group("rest") or ""
                found.append(CasualtyCount(
                    kind=kind, low=value[0], high=value[1], victims=_victims(rest),
                    span=ctx.span(s_start + m.start(), s_start + m.end())))
        for m in _INCLUDING.finditer(text):
            value = parse_number(m.group(1))
            victims = _victims(m.group(2))
            if value and victims in ("children", "women", "civilians"):
                before = text[: m.start()]
                kind = "injured" if re.search(en.INJURED + "|" + ar.INJURED, before[-60:], re.I) and not re.search(en.KILLED + "|" + ar.KILLED, before[-40:], re.I) else "killed"
                found.append(CasualtyCount(kind=kind, low=value[0], high=value[1], victims=victims,
                                           span=ctx.span(s_start + m.start(), s_start + m.end())))
    return found
