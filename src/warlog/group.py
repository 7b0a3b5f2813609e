"""Mentions to incidents: reports of one event (same place, event type and day) become one
record, with its casualty range taken across the sources.

This first pass merges on exact keys; blocking, scoring and incremental grouping
across languages come with the incidents issue.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter, defaultdict
from datetime import timedelta

from warlog.model import ActorRef, Document, Incident, Mention, Span

# Reports of one event often date it a day apart (a night strike, a report the next
# morning); two mentions at day precision within this many days may merge.
DATE_SLACK_DAYS = 1


def _place_key(m: Mention) -> str:
    if m.place is None:
        return f"doc:{m.document_id}"  # no place: never merged with other reports
    return f"{m.place.iso}:{m.place.geonameid or m.place.name}"


def _same_event(a: Mention, b: Mention) -> bool:
    if _place_key(a) != _place_key(b) or a.event_type != b.event_type:
        return False
    slack = timedelta(days=DATE_SLACK_DAYS if max(a.date.time_precision, b.date.time_precision) == 1
                      else 7 if max(a.date.time_precision, b.date.time_precision) == 2 else 31)
    return abs(a.date.event_date - b.date.event_date) <= slack and a.document_id != b.document_id


def cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Deterministic single-link clustering inside (place, event type) blocks."""
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.date.event_date, m.id)):
        blocks[(_place_key(m), m.event_type)].append(m)
    clusters: list[list[Mention]] = []
    for block in blocks.values():
        groups: list[list[Mention]] = []
        for m in block:
            home = next((g for g in groups if any(_same_event(m, o) for o in g)
                         and m.document_id not in {o.document_id for o in g}), None)
            if home is None:
                groups.append([m])
            else:
                home.append(m)
        clusters.extend(groups)
    return sorted(clusters, key=lambda g: (g[0].date.event_date, g[0].id))


def _total(m: Mention, kind: str, victims: tuple[str, ...]) -> tuple[int, int] | None:
    """A report's figure for a kind: its largest, since later sentences restate totals."""
    figures = [(c.low, c.high) for c in m.casualties if c.kind == kind and c.victims in victims]
    return (max(f[0] for f in figures), max(f[1] for f in figures)) if figures else None


def _range(mentions: list[Mention], kind: str, victims: tuple[str, ...]) -> tuple[int, int, int]:
    """(low, best, high) across reports: low the most conservative report (ACLED), high
    the highest credible, best the median of the reports' figures."""
    figures = [f for f in (_total(m, kind, victims) for m in mentions) if f]
    if not figures:
        return 0, 0, 0
    lows = [f[0] for f in figures]
    return min(lows), int(statistics.median_low(lows)), max(f[1] for f in figures)


def _common(refs: list[ActorRef | None]) -> ActorRef | None:
    named = [r for r in refs if r is not None]
    if not named:
        return None
    counts = Counter(r.name for r in named)
    top = max(counts.items(), key=lambda kv: (kv[1], -[r.name for r in named].index(kv[0])))[0]
    return next(r for r in named if r.name == top)


def _spans(*groups: list[Span | None]) -> list[Span]:
    return [s for group in groups for s in group if s is not None]


def build_incident(group: list[Mention], docs: dict[str, Document]) -> Incident:
    first = group[0]
    dated = min(group, key=lambda m: (m.date.time_precision, m.date.event_date))
    placed = [m for m in group if m.place]
    where = min(placed, key=lambda m: (m.place.geo_precision, m.id)).place if placed else None  # type: ignore[union-attr]
    actor1 = _common([m.actor1 for m in group])
    actor2 = _common([m.actor2 for m in group])
    assoc1 = sorted({a.name for m in group for a in ([m.actor1] if m.actor1 else []) + m.assoc_actor_1}
                    - {actor1.name if actor1 else ""})
    assoc2 = sorted({a.name for m in group for a in ([m.actor2] if m.actor2 else []) + m.assoc_actor_2}
                    - {actor2.name if actor2 else ""})
    killed = _range(group, "killed", ("", "civilians", "children", "women", "combatants"))
    civilians = _range(group, "killed", ("civilians",))
    children = _range(group, "killed", ("children",))
    women = _range(group, "killed", ("women",))
    injured = _range(group, "injured", ("", "civilians", "children", "women", "combatants"))
    doc_ids = sorted({m.document_id for m in group})
    publishers = sorted({docs[d].publisher or "unknown publisher" for d in doc_ids if d in docs})
    belligerents = {m.actor1.name for m in group if m.actor1}
    grade = "Contested" if len(belligerents) > 1 else "Fair" if len(publishers) > 1 else "Weak"
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    inters = sorted(i for i in (inter1, inter2) if i)
    sentence = first.sentences[0].text if first.sentences else first.trigger.text
    ident = hashlib.sha256("|".join(sorted(m.id for m in group)).encode()).hexdigest()[:16]
    return Incident(
        id=ident,
        event_id_cnty="",
        event_date=dated.date.event_date,
        time_precision=dated.date.time_precision,
        event_type=first.event_type,
        sub_event_type=Counter(m.sub_event_type for m in group).most_common(1)[0][0],
        actor1=actor1.name if actor1 else "",
        assoc_actor_1="; ".join(assoc1),
        inter1=inter1,
        actor2=actor2.name if actor2 else "",
        assoc_actor_2="; ".join(assoc2),
        inter2=inter2,
        interaction=int("".join(map(str, inters))) if inters else None,
        civilian_targeting="Civilian targeting" if any(m.civilian_targeting for m in group) else "",
        iso=where.iso if where else "",
        country=where.country if where else "",
        admin1=where.admin1 if where else "",
        admin2=where.admin2 if where else "",
        location=where.name if where else "",
        latitude=where.latitude if where else None,
        longitude=where.longitude if where else None,
        geo_precision=where.geo_precision if where else None,
        geonameid=where.geonameid if where else None,
        source="; ".join(publishers),
        notes=f"On {dated.date.event_date.isoformat()}: {sentence}"[:500],
        fatalities=killed[0],
        fatalities_low=killed[0],
        fatalities_best=killed[1],
        fatalities_high=killed[2],
        civilians_killed_min=civilians[0],
        civilians_killed_max=max(civilians[2], children[2] + women[2]),
        injured_min=injured[0],
        injured_max=injured[2],
        children_killed=children[0],
        women_killed=women[0],
        grade=grade,
        source_count=len(doc_ids),
        mention_ids=[m.id for m in group],
        document_ids=doc_ids,
        provenance={
            "event_type": [m.trigger for m in group],
            "event_date": _spans([m.date.span for m in group]),
            "location": _spans([m.place.span for m in group if m.place]),
            "actor1": _spans([m.actor1.span for m in group if m.actor1]),
            "actor2": _spans([m.actor2.span for m in group if m.actor2]),
            "fatalities": [c.span for m in group for c in m.casualties if c.kind == "killed"],
            "injured": [c.span for m in group for c in m.casualties if c.kind == "injured"],
        },
    )


def group_mentions(mentions: list[Mention], docs: dict[str, Document]) -> list[Incident]:
    incidents = [build_incident(g, docs) for g in cluster(mentions)]
    # ACLED-style ids: the country's ISO3 code and a number, in date order.
    from warlog.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    counters: Counter[str] = Counter()
    for inc in sorted(incidents, key=lambda i: (i.event_date, i.id)):
        prefix = gaz.iso3(inc.iso) or "XXX"
        counters[prefix] += 1
        inc.event_id_cnty = f"{prefix}{counters[prefix]}"
    return incidents
