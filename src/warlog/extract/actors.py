"""Actors: registry aliases and "Russian warplanes"-style names, with their roles."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from warlog.extract.context import DocContext, Match
from warlog.extract.lang import ar_actors, en
from warlog.extract.lang.ar_normalise import ARABIC_BLOCK, join_hashtags
from warlog.extract.names import _BREAK, scan_names
from warlog.model import ActorRef
from warlog.registry import Actor

_STATE_FORCES = re.compile(
    rf"\b({'|'.join(re.escape(d) for d in sorted(en.DEMONYMS, key=len, reverse=True))})"
    rf"(?:[- ]led)?\s+(?:(?:government|regime|state)\s+)?({en.AIR_NOUNS}|{en.FORCE_NOUNS})\b",
    re.I,
)


# "government forces", "regime helicopters": the state forces of wherever the event is;
# resolved once the event's place is known (see roles()).
_GENERIC_STATE = re.compile(
    rf"\b(?:(?:pro-)?government|regime|state|loyalist)\s+({en.AIR_NOUNS}|{en.FORCE_NOUNS})\b"
    r"|(قوات النظام|جيش النظام|القوات الحكوميه|طيران النظام|الطيران الحربي|الطيران المروحي|مروحيات النظام)",
    re.I,
)


_ARABIC = re.compile(r"[\u0621-\u064a]")
# Arabic letters, digits and marks, whose words the name scan reads across a break


@dataclass(frozen=True)
class GenericState:
    air: bool


# a possessive ending ("the SDF's", "rebels'"), blanked so the name before it is read
_POSSESSIVE = re.compile(r"['’]s?\b")


def names_past_possessives(ctx: DocContext) -> list[Match]:
    """Registry names in the text once possessives are blanked ("the SDF's press office"),
    same offsets. One scan per document, shared by the relation and quote finders (names
    never run across a sentence break, so a sentence's names are the document's names
    that lie inside it)."""
    cached = ctx.__dict__.get("_names_past_possessives")
    if cached is None:
        cached = ctx.__dict__["_names_past_possessives"] = _past_possessives(ctx)
    return cached


def _past_possessives(ctx: DocContext) -> list[Match]:
    marks = [p.start() for p in _POSSESSIVE.finditer(ctx.norm)]
    if not marks:  # nothing to blank: the names of the text as it is (6 % of an Arabic
        # report's extraction had gone to scanning it again, demo reports under cProfile)
        return [Match(m.start, m.end, m.text, m.value) for m in _registry_names(ctx)]
    masked = _POSSESSIVE.sub(lambda p: " " * len(p.group()), ctx.norm)
    if ARABIC_BLOCK.search(ctx.norm):
        return scan_names(join_hashtags(masked), ctx.registry.lookup, max_tokens=8)
    # A text without Arabic is scanned stretch by stretch: no name, and nothing the scan
    # reads, runs across a break (names._BREAK). Only the stretches holding a possessive
    # read differently once it is blanked; the others keep the names of the text as it
    # is, which the actor scan has found already.
    plain = _registry_names(ctx)
    found: list[Match] = []
    lo = at = 0
    for hi in [b.start() for b in _BREAK.finditer(ctx.norm)] + [len(ctx.norm)]:
        first = bisect_left(marks, lo)
        if first < len(marks) and marks[first] < hi:  # a possessive in this stretch
            found.extend(Match(m.start + lo, m.end + lo, m.text, m.value)
                         for m in scan_names(masked[lo:hi], ctx.registry.lookup, max_tokens=8))
            while at < len(plain) and plain[at].start < hi:
                at += 1
        else:
            while at < len(plain) and plain[at].start < hi:
                m = plain[at]
                found.append(Match(m.start, m.end, m.text, m.value))
                at += 1
        lo = hi + 1
    return found


def _registry_names(ctx: DocContext) -> list[Match]:
    """The registry's names in the text, as the scan finds them (read once per report)."""
    cached = ctx.__dict__.get("_registry_names")
    if cached is None:
        cached = ctx.__dict__["_registry_names"] = scan_names(
            _hashtags_apart(ctx), ctx.registry.lookup, max_tokens=8)
    return cached


def _hashtags_apart(ctx: DocContext) -> str:
    """The matching text with an Arabic hashtag's words apart ("#التحالف_الدولي"), once per
    report; English text as it is."""
    if "_hashtags_apart" not in ctx.__dict__:
        ctx.__dict__["_hashtags_apart"] = (join_hashtags(ctx.norm) if ARABIC_BLOCK.search(ctx.norm)
                                           else ctx.norm)
    return ctx.__dict__["_hashtags_apart"]


def find_actors(ctx: DocContext) -> list[Match]:
    registry = ctx.registry
    found = list(_registry_names(ctx))
    arabic = _ARABIC.search(ctx.norm) is not None
    if arabic:  # "جيش الاحتلال" on a page about Turkey's occupation
        found = [Match(m.start, m.end, m.text, registry.get(other) or m.value)
                 if (other := ar_actors.occupier_of(ctx.norm, m.text)) else m for m in found]
    taken = [(m.start, m.end) for m in found]
    for m in _STATE_FORCES.finditer(ctx.norm):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        iso = en.DEMONYMS[m.group(1).lower()]
        air = bool(re.fullmatch(en.AIR_NOUNS, m.group(2), re.I))
        actor = registry.state_forces(iso, air=air)
        if actor:
            found.append(Match(m.start(), m.end(), m.group(), actor))
            taken.append((m.start(), m.end()))
    for m in _GENERIC_STATE.finditer(ctx.norm):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        noun = m.group(1) or m.group(2)
        air = bool(re.fullmatch(en.AIR_NOUNS, noun, re.I)) or "طيران" in noun or "مروحيات" in noun
        found.append(Match(m.start(), m.end(), m.group(), GenericState(air)))
    for start, end, actor_id in ar_actors.find(_hashtags_apart(ctx)) if arabic else []:
        # Arabic attacker cues beyond the registry's names ("القصف الروسي", "ميليشيا أسد")
        actor = registry.get(actor_id)
        # a nationality after a force the registry names alone ("الطيران الحربي
        # الامريكي") says whose force it is: the longer name wins
        inside = [m for m in found if start <= m.start and m.end <= end
                  and m.end - m.start < end - start and getattr(m.value, "id", None) != actor_id]
        if actor and inside:
            found = [m for m in found if m not in inside]
            taken = [t for t in taken if t not in {(m.start, m.end) for m in inside}]
        if actor and not any(s < end and start < e for s, e in taken):
            found.append(Match(start, end, ctx.norm[start:end], actor))
            taken.append((start, end))
    if arabic:
        # "الطيران المروحي التابع للتحالف": a force named by its kind, then its owner,
        # who is the actor
        starts = {m.start for m in found}
        found = [m for m in found if not (
            (owned := ar_actors.OWNED_AFTER.match(ctx.norm, m.end)) and owned.end() in starts)]
    return sorted(found, key=lambda m: m.start)


def actor_ref(ctx: DocContext, match: Match, place_iso: str = "") -> ActorRef:
    actor: Actor = match.value  # type: ignore[assignment]
    inter = actor.inter
    # ACLED codes a state's forces acting outside their own country as external (8).
    if inter == 1 and place_iso and actor.country and actor.country != place_iso:
        inter = 8
    return ActorRef(
        name=actor.name,
        actor_id=actor.id,
        inter=inter,
        country=actor.country,
        span=ctx.span(match.start, match.end),
    )


_BY = re.compile(r"\b(by)\s+(?:the\s+)?$|(من قبل|من)\s*$", re.I)
_TARGET = re.compile(r"\b(against|on|targeting|targeted|at|hit|struck|killing)\s+(?:the\s+)?$"
                     r"|(استهدف|استهدفت|على|ضد)\s*$", re.I)


def resolved_actors(ctx: DocContext, iso: str) -> list[Match]:
    """The document's actor matches, with generic state forces named for country ``iso``."""
    out = []
    for m in ctx.actors:
        if isinstance(m.value, GenericState):
            actor = ctx.registry.state_forces(iso, air=m.value.air) if iso else None
            if actor is None:
                continue
            m = Match(m.start, m.end, m.text, actor)
        out.append(m)
    return out


# How far before an actor's name its cue is read (characters): the cue and the words
# between take 27 in "مصدره مناطق سيطرة ميليشيا قسد" and 38 in "مصدرها المناطق الخاضعة
# لسيطرة ميليشيا قسد"; 25 cut the cue off.
_LOOKBACK = 45


def roles(ctx: DocContext, sentences: list[tuple[int, int]], trigger_at: int, iso: str = ""
          ) -> tuple[list[Match], list[Match]]:
    """Split the combatant actors of an event's sentences into side 1 (who acted) and
    side 2 (who was targeted): an actor after 'by', or before the trigger, acted; one
    after 'against/on/targeting', or after the trigger, was the target."""
    side1: list[Match] = []
    side2: list[Match] = []
    seen: set[str] = set()
    for m in resolved_actors(ctx, iso):
        actor: Actor = m.value  # type: ignore[assignment]
        if not actor.combatant or actor.id in seen:
            continue
        if not any(s <= m.start < e for s, e in sentences):
            continue
        seen.add(actor.id)
        lo = max(0, m.start - _LOOKBACK)
        before = ctx.norm[lo : m.start]
        # (a Latin name in Arabic prose is read by the Arabic cues: "قصف لميليشيا YPG")
        arabic = _ARABIC.match(m.text) is not None or _ARABIC.search(before[-12:]) is not None
        if arabic and side1 and side1[-1].end <= m.start and ar_actors.joined(
                ctx.norm[side1[-1].end:m.start], m.text):
            side1.append(m)  # "قوات النظام وقسد": joined to the doer, a doer too
        elif _BY.search(before) or arabic and ar_actors.acted(
                before, ctx.norm[trigger_at:m.start] if m.start > trigger_at else None,
                opens=lo == 0):  # the words before it are all the text's
            side1.append(m)
        elif _TARGET.search(before):
            side2.append(m)
        elif m.start <= trigger_at or actor.inter in (1, 8) and not side1:
            # (an actor the trigger itself names acted: "طيران التحالف", "Russian jets")
            side1.append(m)
        else:
            side2.append(m)
    return side1, side2
