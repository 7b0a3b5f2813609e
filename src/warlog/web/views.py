"""What the pages show, computed from the ledger: the review queue's order, evidence
highlighted in source texts, weekly timelines and the actor network."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from warlog.model import Document, Incident, Mention, Span
from warlog.store.review import IncidentView


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown: javascript:, data: and the like are dropped."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(
            c in url for c in "\x00\r\n\t "):
        return url
    return None


def _get(inc: Incident, name: str, default=None):
    """Fields the grouping rewrite adds (contested, independent_source_count ...) are read
    when present."""
    return getattr(inc, name, default) if name in Incident.model_fields else default


@dataclass
class QueueItem:
    view: IncidentView
    need: float
    reasons: list[str]


def need_of_review(view: IncidentView) -> QueueItem:
    """Higher first. Weights: an unreviewed incident that is contested or weakly sourced
    is what an analyst should open first; ties go to the newest event."""
    inc = view.incident
    reasons: list[str] = []
    need = 0.0
    grade = (inc.grade or "").lower()
    confidence = _get(inc, "confidence")
    if grade in ("weak", "low", "") or (isinstance(confidence, int | float) and confidence < 0.5):
        need += 3
        reasons.append("low confidence")
    if grade == "contested" or _get(inc, "contested", False):
        need += 3
        reasons.append("contested")
    sources = _get(inc, "independent_source_count", None) or inc.source_count
    if sources <= 1:
        need += 2
        reasons.append("single source")
    low, high = inc.fatalities_low, inc.fatalities_high
    if high - low >= 5 and high > 2 * max(low, 1):
        need += 2
        reasons.append(f"casualty figures disagree ({low}–{high})")
    if view.state.reviewed:
        need -= 100
    return QueueItem(view, need, reasons)


_NEED: dict[tuple[int, int], QueueItem] = {}


def queue(views: list[IncidentView]) -> list[QueueItem]:
    """Most in need of review first. Scores are remembered per incident object and version
    (the store hands out the same objects until the ledger changes)."""
    if len(_NEED) > 200_000:
        _NEED.clear()
    items = []
    for v in views:
        key = (id(v.incident), v.state.version * 2 + v.state.reviewed)
        item = _NEED.get(key)
        if item is None or item.view.incident is not v.incident:
            item = _NEED[key] = need_of_review(v)
        items.append(item if item.view is v else QueueItem(v, item.need, item.reasons))
    return sorted(items, key=lambda q: (-q.need, -q.view.incident.event_date.toordinal(),
                                        q.view.incident.event_id_cnty))


# -- evidence ---------------------------------------------------------------
@dataclass
class Segment:
    text: str
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join("ev-" + re.sub(r"[^a-z0-9_]", "", lab.lower()) for lab in self.labels[:3])


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut a text at every span boundary; each piece carries the labels of the spans that
    cover it. Spans outside the text are ignored."""
    n = len(text)
    spans = [(max(0, s), min(n, e), lab) for s, e, lab in spans if 0 <= s < e and s < n]
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = sorted({lab for s, e, lab in spans if s <= a and b <= e})
        out.append(Segment(text[a:b], labels))
    return out


def evidence_spans(inc: Incident, mentions: list[Mention], doc_id: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name, group in inc.provenance.items():
        spans += [(s.start, s.end, name) for s in group if s.document_id == doc_id]
    for m in mentions:
        if m.document_id != doc_id:
            continue
        for q in m.quotes:
            spans.append((q.span.start, q.span.end, q.kind))
    return spans


@dataclass
class Source:
    document: Document
    url: str | None
    segments: list[Segment]
    mentions: list[Mention]


def sources(inc: Incident, mentions: list[Mention], docs: dict[str, Document]) -> list[Source]:
    out = []
    for doc_id in inc.document_ids:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        mine = [m for m in mentions if m.document_id == doc_id]
        out.append(Source(doc, safe_url(doc.url), segments(doc.text, evidence_spans(inc, mine, doc_id)),
                          mine))
    return out


def field_evidence(inc: Incident) -> dict[str, list[Span]]:
    return {k: v for k, v in inc.provenance.items() if v}


# -- timeline ---------------------------------------------------------------
def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def civilian_deaths(inc: Incident) -> int:
    return max(inc.civilians_killed_min, 0)


@dataclass
class Week:
    start: date
    incidents: int = 0
    civilians: int = 0


def weekly(incidents: list[Incident]) -> list[Week]:
    if not incidents:
        return []
    weeks: dict[date, Week] = {}
    first = week_of(min(i.event_date for i in incidents))
    last = week_of(max(i.event_date for i in incidents))
    # at most ten years of empty weeks are drawn; beyond that only weeks with events
    if (last - first).days <= 3660:
        day = first
        while day <= last:
            weeks[day] = Week(day)
            day += timedelta(days=7)
    for inc in incidents:
        w = weeks.setdefault(week_of(inc.event_date), Week(week_of(inc.event_date)))
        w.incidents += 1
        w.civilians += civilian_deaths(inc)
    return [weeks[k] for k in sorted(weeks)]


def actors_of(inc: Incident) -> list[str]:
    names = [inc.actor1, inc.actor2]
    for assoc in (inc.assoc_actor_1, inc.assoc_actor_2):
        names += [a.strip() for a in assoc.split(";")]
    return list(dict.fromkeys(n for n in names if n))


def by_actor(incidents: list[Incident], top: int = 8) -> list[tuple[str, list[Week]]]:
    counts = Counter(a for inc in incidents for a in actors_of(inc))
    weeks_all = [w.start for w in weekly(incidents)]
    out = []
    for actor, _ in counts.most_common(top):
        mine = weekly([i for i in incidents if actor in actors_of(i)])
        index = {w.start: w for w in mine}
        out.append((actor, [index.get(d, Week(d)) for d in weeks_all]))
    return out


# -- actor network ----------------------------------------------------------
@dataclass
class Edge:
    a: str
    b: str
    incidents: list[Incident] = field(default_factory=list)
    relations: list[tuple[str, Span, bool]] = field(default_factory=list)  # kind, sentence, asserted

    @property
    def weight(self) -> int:
        return len(self.incidents) + len(self.relations)


def network(incidents: list[Incident], mentions: list[Mention]) -> tuple[dict[str, int], list[Edge]]:
    """Actors and who they are linked with: as the two sides of an incident, or in a
    sentence saying who fights, backs or allies with whom."""
    edges: dict[tuple[str, str], Edge] = {}
    nodes: Counter[str] = Counter()

    def edge(a: str, b: str) -> Edge:
        key = (a, b) if a <= b else (b, a)
        return edges.setdefault(key, Edge(*key))

    for inc in incidents:
        for name in actors_of(inc):
            nodes[name] += 1
        if inc.actor1 and inc.actor2 and inc.actor1 != inc.actor2:
            edge(inc.actor1, inc.actor2).incidents.append(inc)
    wanted = {m for inc in incidents for m in inc.mention_ids}
    for m in mentions:
        if m.id not in wanted:
            continue
        for rel in m.relations:
            a, b = rel.actor_a.name, rel.actor_b.name
            if a and b and a != b:
                nodes[a] += 0
                nodes[b] += 0
                edge(a, b).relations.append((rel.kind, rel.span, rel.asserted))
    return dict(nodes), sorted(edges.values(), key=lambda e: -e.weight)


@dataclass
class Layout:
    nodes: list[tuple[str, float, float, float]]  # name, x, y, radius
    edges: list[tuple[Edge, float, float, float, float]]
    size: int


def circle_layout(nodes: dict[str, int], edges: list[Edge], size: int = 760) -> Layout:
    names = sorted(nodes, key=lambda n: (-nodes[n], n))[:60]
    keep = set(names)
    centre, ring = size / 2, size / 2 - 130
    pos = {}
    for k, name in enumerate(names):
        angle = 2 * math.pi * k / max(len(names), 1)
        pos[name] = (centre + ring * math.cos(angle), centre + ring * math.sin(angle))
    laid = [(n, *pos[n], 4 + 2.5 * math.sqrt(nodes[n])) for n in names]
    lines = [(e, *pos[e.a], *pos[e.b]) for e in edges if e.a in keep and e.b in keep]
    return Layout(laid, lines, size)


def group_by(items, key):
    out = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return out
