"""`warlog network`: actors and who fights, backs and is allied with whom."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date
from xml.etree import ElementTree as ET

import pytest

from warlog import network
from warlog.model import ActorRef, DateRef, Incident, Mention, Relation, Span

RUS = ActorRef(name="Russian Air Force", actor_id="rus_air", inter=8)
SYR = ActorRef(name="Military Forces of Syria", actor_id="syr", inter=1)
HTS = ActorRef(name="Hayat Tahrir al-Sham", actor_id="hts", inter=2)
CIV = ActorRef(name="Civilians (Syria)", actor_id="civilians_sy", inter=7)


def _mention(mid: str, day: date, actor1, actor2, relations=()) -> Mention:
    span = Span(document_id=f"doc-{mid}", start=0, end=4, text="text")
    return Mention(id=mid, document_id=f"doc-{mid}", event_type="Battles",
                   sub_event_type="Armed clash", trigger=span, date=DateRef(event_date=day),
                   actor1=actor1, actor2=actor2, relations=list(relations), sentences=[span])


def _relation(kind, a, b, asserted=True, claimant=None, mid="m") -> Relation:
    return Relation(kind=kind, actor_a=a, actor_b=b, asserted=asserted, claimant=claimant,
                    span=Span(document_id=f"doc-{mid}", start=0, end=4, text="text"))


def _incident(n: int, day: date, mention_ids: list[str]) -> Incident:
    return Incident(id=f"i{n}", event_id_cnty=f"SYR{n}", event_date=day, time_precision=1,
                    event_type="Battles", sub_event_type="Armed clash", mention_ids=mention_ids)


@pytest.fixture
def graph_parts():
    d1, d2 = date(2019, 5, 1), date(2019, 8, 1)
    mentions = [
        _mention("m1", d1, SYR, HTS, [_relation("supports", RUS, SYR, mid="m1")]),
        _mention("m2", d2, SYR, HTS, [_relation("supports", RUS, SYR, asserted=False,
                                                claimant="HTS media", mid="m2")]),
        _mention("m3", d2, RUS, CIV),
    ]
    incidents = [_incident(1, d1, ["m1"]), _incident(2, d2, ["m2", "m3"])]
    return incidents, mentions


def test_network_edges_weighted_by_incidents_and_claims(graph_parts):
    data = network.build(*graph_parts).as_json()
    edges = {(e["source"], e["target"], e["kind"], e["asserted"]): e for e in data["edges"]}
    fight = edges[("hts", "syr", "fights", True)]  # undirected: ids in order
    assert (fight["incidents"], fight["first_date"], fight["last_date"]) == (2, "2019-05-01",
                                                                             "2019-08-01")
    assert fight["evidence"] == ["SYR1", "SYR2"]
    # one asserted and one reported "supports": kept apart
    assert edges[("rus_air", "syr", "supports", True)]["claims"] == 1
    assert edges[("rus_air", "syr", "supports", False)]["claimants"] == ["HTS media"]
    # civilians are targets, not a side in a fight
    assert not [e for e in data["edges"] if "civilians_sy" in (e["source"], e["target"])]
    assert {n["id"] for n in data["nodes"]} >= {"rus_air", "syr", "hts"}


def test_network_time_range_filters(graph_parts):
    data = network.build(*graph_parts, since=date(2019, 6, 1)).as_json()
    fight = next(e for e in data["edges"] if e["kind"] == "fights")
    assert fight["incidents"] == 1 and fight["first_date"] == "2019-08-01"
    assert not [e for e in data["edges"] if e["kind"] == "supports" and e["asserted"]]


def test_network_formats_parse(graph_parts):
    net = network.build(*graph_parts)
    assert set(json.loads(network.to_json(net))) == {"nodes", "edges"}
    rows = list(csv.DictReader(io.StringIO(network.to_csv(net))))
    assert {r["kind"] for r in rows} == {"fights", "supports"}
    root = ET.fromstring(network.to_graphml(net))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", ns)) == len(rows)


@pytest.mark.slow
def test_network_cli_on_a_run(tmp_path, warlog_command):
    from pathlib import Path
    corpus = Path(__file__).parent / "fixtures" / "corpus"
    db = tmp_path / "w.db"
    subprocess.run([*warlog_command, "run", str(corpus), "--db", str(db), "-q"], check=True,
                   capture_output=True, timeout=300)
    for fmt in ("json", "graphml", "csv"):
        out = tmp_path / f"net.{fmt}"
        proc = subprocess.run([*warlog_command, "network", "--db", str(db), "--format", fmt,
                               "--out", str(out), "--since", "2010-01-01"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 0
    data = json.loads((tmp_path / "net.json").read_text())
    assert data["nodes"]
