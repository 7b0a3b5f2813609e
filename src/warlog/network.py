"""`warlog network`: who fights, backs and is allied with whom, from the ledger.

Nodes are actors; edges are ``fights``, ``allied_with`` and ``supports`` (directed: a
supports b). An edge's evidence comes from two places, counted apart:
- ``incidents``: incidents whose acting and targeted sides are both armed actors (a
  ``fights`` edge), and incidents whose mentions state the relation;
- ``claims``: sentences stating the relation (each ``Relation`` a mention carries).
Asserted relations (the author's own statement) and reported ones (the author relays
someone's claim: "the Observatory said Russia backs ...") are separate edges, so a
reader never mistakes an allegation for a fact. Each edge carries its first and last
date and the ids of its evidence: incident ``event_id_cnty`` and ``document:start-end``
spans.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from xml.etree import ElementTree as ET

from warlog.model import ActorRef, Incident, Mention
from warlog.store import SQLiteStore

SYMMETRIC = {"fights", "allied_with"}
_CIVILIANS_INTER = 7  # ACLED inter: civilians are targets, not a side in a fight


@dataclass
class Node:
    id: str
    name: str
    inter: int = 0
    country: str = ""
    incidents: set[str] = field(default_factory=set)


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    asserted: bool
    incidents: set[str] = field(default_factory=set)
    claims: int = 0
    first: date | None = None
    last: date | None = None
    evidence: set[str] = field(default_factory=set)
    claimants: set[str] = field(default_factory=set)

    def seen(self, when: date) -> None:
        self.first = min(self.first or when, when)
        self.last = max(self.last or when, when)

    def as_json(self) -> dict:
        return {"source": self.source, "target": self.target, "kind": self.kind,
                "asserted": self.asserted, "incidents": len(self.incidents),
                "claims": self.claims, "weight": len(self.incidents) + self.claims,
                "first_date": self.first.isoformat() if self.first else None,
                "last_date": self.last.isoformat() if self.last else None,
                "evidence": sorted(self.evidence), "claimants": sorted(self.claimants)}


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, bool], Edge] = field(default_factory=dict)

    def node(self, ref: ActorRef) -> str:
        key = ref.actor_id or ref.name
        if key not in self.nodes:
            self.nodes[key] = Node(key, ref.name, ref.inter, ref.country)
        return key

    def edge(self, a: ActorRef, b: ActorRef, kind: str, asserted: bool) -> Edge | None:
        ka, kb = self.node(a), self.node(b)
        if ka == kb:
            return None
        if kind in SYMMETRIC:
            ka, kb = sorted((ka, kb))
        key = (ka, kb, kind, asserted)
        if key not in self.edges:
            self.edges[key] = Edge(ka, kb, kind, asserted)
        return self.edges[key]

    def as_json(self) -> dict:
        return {
            "nodes": [{"id": n.id, "name": n.name, "inter": n.inter, "country": n.country,
                       "incidents": len(n.incidents)} for _, n in sorted(self.nodes.items())],
            "edges": [e.as_json() for _, e in sorted(self.edges.items())],
        }


def _within(when: date, since: date | None, until: date | None) -> bool:
    return (since is None or when >= since) and (until is None or when <= until)


def build(incidents: list[Incident], mentions: list[Mention], since: date | None = None,
          until: date | None = None) -> Network:
    net = Network()
    by_mention = {mid: inc for inc in incidents for mid in inc.mention_ids}
    for m in sorted(mentions, key=lambda m: m.id):
        inc = by_mention.get(m.id)
        when = inc.event_date if inc else m.date.event_date
        if not _within(when, since, until):
            continue
        label = inc.event_id_cnty if inc else f"mention:{m.id}"
        for ref in (m.actor1, m.actor2):
            if ref is not None and inc is not None:
                net.nodes[net.node(ref)].incidents.add(label)
        if (m.actor1 and m.actor2 and m.actor1.inter != _CIVILIANS_INTER
                and m.actor2.inter != _CIVILIANS_INTER and inc is not None):
            e = net.edge(m.actor1, m.actor2, "fights", True)
            if e is not None:
                e.incidents.add(label)
                e.evidence.add(label)
                e.seen(when)
        for r in m.relations:
            e = net.edge(r.actor_a, r.actor_b, r.kind, r.asserted)
            if e is None:
                continue
            e.claims += 1
            e.evidence.add(f"{r.span.document_id}:{r.span.start}-{r.span.end}")
            if inc is not None:
                e.incidents.add(label)
            if r.claimant:
                e.claimants.add(r.claimant)
            e.seen(when)
    used = {k for e in net.edges.values() for k in (e.source, e.target)}
    net.nodes = {k: n for k, n in net.nodes.items() if k in used or n.incidents}
    return net


def from_store(store: SQLiteStore, since: date | None = None, until: date | None = None) -> Network:
    from warlog.export import ledger

    # as published: incidents analysts merged away or marked not an event left out
    return build(ledger(store), store.mentions(), since, until)


def to_json(net: Network) -> str:
    return json.dumps(net.as_json(), ensure_ascii=False, indent=1) + "\n"


def to_csv(net: Network) -> str:
    """The edges, one a row (nodes are named in them)."""
    out = io.StringIO()
    cols = ["source", "target", "kind", "asserted", "incidents", "claims", "weight",
            "first_date", "last_date", "evidence", "claimants"]
    writer = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    writer.writeheader()
    names = {k: n.name for k, n in net.nodes.items()}
    for row in net.as_json()["edges"]:
        row["source"], row["target"] = names.get(row["source"], row["source"]), names.get(
            row["target"], row["target"])
        row["evidence"] = " ".join(row["evidence"])
        row["claimants"] = "; ".join(row["claimants"])
        writer.writerow(row)
    return out.getvalue()


def to_graphml(net: Network) -> str:
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [("name", "node", "string"), ("inter", "node", "int"), ("country", "node", "string"),
            ("node_incidents", "node", "int"), ("kind", "edge", "string"),
            ("asserted", "edge", "boolean"), ("incidents", "edge", "int"),
            ("claims", "edge", "int"), ("weight", "edge", "int"), ("first_date", "edge", "string"),
            ("last_date", "edge", "string"), ("evidence", "edge", "string")]
    for name, kind, typ in keys:
        ET.SubElement(root, "key", {"id": name, "for": kind, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", id="warlog", edgedefault="directed")
    data = net.as_json()
    for n in data["nodes"]:
        el = ET.SubElement(graph, "node", id=n["id"])
        for k, v in (("name", n["name"]), ("inter", n["inter"]), ("country", n["country"]),
                     ("node_incidents", n["incidents"])):
            ET.SubElement(el, "data", key=k).text = str(v)
    for i, e in enumerate(data["edges"]):
        el = ET.SubElement(graph, "edge", id=f"e{i}", source=e["source"], target=e["target"])
        for k in ("kind", "incidents", "claims", "weight", "first_date", "last_date"):
            ET.SubElement(el, "data", key=k).text = "" if e[k] is None else str(e[k])
        ET.SubElement(el, "data", key="asserted").text = "true" if e["asserted"] else "false"
        ET.SubElement(el, "data", key="evidence").text = " ".join(e["evidence"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


FORMATS = {"json": to_json, "graphml": to_graphml, "csv": to_csv}
