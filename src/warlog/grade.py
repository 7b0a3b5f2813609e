"""Airwars' grading of an incident, computed from its sources and explained in one line.

Confirmed: a belligerent's own statement accepts responsibility (a claim of responsibility,
an admission). Contested: sources blame different belligerents. Fair: two or more
independent sources. Weak: a single source. Discounted is an analyst's call, never made
here. The order is Airwars': an acceptance settles a contest, and a contest is graded as
such however many sources carry it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from warlog.model import ActorRef, IncidentActor, Mention
from warlog.registry import Registry, default_registry

# An actor accepting responsibility, in the sentence or quote that names it.
ACCEPT = re.compile(
    r"\b(?:claimed|claims|claiming|took|takes|accepted|accepts|admitted|admits|assumed)"
    r" (?:full )?responsibility\b|\bresponsibility was claimed\b|\badmitted\b|\backnowledged"
    r" (?:carrying out|that (?:its|it|their))|"
    r"تبن[ىّ]|يتبنى|تتبنى|أعلن(?:ت)? مسؤوليت|مسؤوليته عن|مسؤوليتها عن|اعترف|اعترفت",
    re.I,
)
DENY = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|rejects|refuted)\b|نفى|نفت|ينفي|تنفي|نفي",
    re.I,
)
# actors that are never a belligerent to blame: the victims' side
_NOT_BELLIGERENT_INTER = {7}  # ACLED inter 7: civilians


@dataclass
class Attribution:
    """Who the sources blame, each belligerent counted once per independent source."""

    # top-level belligerent -> independent source groups (ids) that blame it
    blamed: dict[str, set[int]] = field(default_factory=dict)
    accepted_by: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)

    @property
    def contested(self) -> bool:
        return len(self.blamed) > 1


def top_level(ref: ActorRef, registry: Registry | None = None) -> str:
    """The belligerent an actor belongs to: a unit's parent force, walked to the top."""
    registry = registry or default_registry()
    actor = registry.get(ref.actor_id) if ref.actor_id else None
    seen: set[str] = set()
    while actor is not None and actor.parent and actor.parent not in seen:
        seen.add(actor.id)
        parent = registry.get(actor.parent)
        if parent is None:
            break
        actor = parent
    return actor.name if actor is not None else ref.name


def _within(inner, outer) -> bool:
    return inner is not None and outer.start <= inner.start and inner.end <= outer.end


def attribution(mentions: list[Mention], source_group: dict[str, int],
                registry: Registry | None = None) -> Attribution:
    """Blame and acceptance across an incident's mentions; ``source_group`` maps each
    document to its independent-source group."""
    registry = registry or default_registry()
    out = Attribution()
    blamed: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if m.actor1 is None or m.actor1.inter in _NOT_BELLIGERENT_INTER:
            continue
        who = top_level(m.actor1, registry)
        blamed[who].add(source_group.get(m.document_id, 0))
        for s in m.sentences:
            if _within(m.actor1.span, s) and ACCEPT.search(s.text) and not DENY.search(s.text):
                out.accepted_by.add(who)
                out.evidence.append(f"{s.document_id}:{s.start}-{s.end}")
        for q in m.quotes:
            speaker = registry.get(q.speaker_actor_id) if q.speaker_actor_id else None
            if speaker is None:
                continue
            said = " ".join(filter(None, [q.cue, q.text]))
            speaker_top = top_level(ActorRef(name=speaker.name, actor_id=speaker.id), registry)
            if speaker_top == who and ACCEPT.search(said) and not DENY.search(said):
                out.accepted_by.add(who)
                out.evidence.append(f"{q.span.document_id}:{q.span.start}-{q.span.end}")
    out.blamed = dict(blamed)
    return out


def grade(att: Attribution, independent_sources: int) -> tuple[str, str]:
    """(grade, the reason in words)."""
    if att.accepted_by:
        return "Confirmed", (f"{', '.join(sorted(att.accepted_by))} accepted responsibility "
                             f"({', '.join(att.evidence[:3])})")
    if att.contested:
        named = "; ".join(f"{who} ({len(groups)} source{'s' * (len(groups) > 1)})"
                          for who, groups in sorted(att.blamed.items()))
        return "Contested", f"sources blame different belligerents: {named}"
    if independent_sources >= 2:
        return "Fair", f"{independent_sources} independent sources report it"
    return "Weak", "a single source (copies and one publisher's reports count once)"


def incident_actors(mentions: list[Mention], source_group: dict[str, int], att: Attribution,
                    registry: Registry | None = None) -> list[IncidentActor]:
    """Every actor named on either side, Known or Suspected.

    Known: accepted by the actor itself, or named on its side by two or more independent
    sources while no source names a competitor on that side. Suspected: anything less.
    """
    registry = registry or default_registry()
    sides: dict[str, dict[str, tuple[ActorRef, set[int], set[str]]]] = {"actor1": {}, "actor2": {}}
    for m in mentions:
        for side, refs in (("actor1", [m.actor1, *m.assoc_actor_1]),
                           ("actor2", [m.actor2, *m.assoc_actor_2])):
            for ref in refs:
                if ref is None:
                    continue
                entry = sides[side].setdefault(ref.name, (ref, set(), set()))
                entry[1].add(source_group.get(m.document_id, 0))
                entry[2].add(m.document_id)
    out: list[IncidentActor] = []
    for side, named in sides.items():
        tops = {top_level(ref, registry) for ref, _, _ in named.values()}
        for name, (ref, groups, docs) in sorted(named.items()):
            accepted = side == "actor1" and top_level(ref, registry) in att.accepted_by
            known = accepted or (len(groups) >= 2 and len(tops) == 1)
            out.append(IncidentActor(name=name, actor_id=ref.actor_id, side=side,
                                     status="Known" if known else "Suspected",
                                     source_count=len(groups), document_ids=sorted(docs)))
    return out
