"""Exports in the formats the field uses: ACLED-style CSV, GeoJSON, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from warlog.model import Incident
from warlog.store import SQLiteStore

# ACLED's column names where ACLED has the field, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
]
# warlog's own, after ACLED's: UCDP-style ranges, Airwars-style civilian harm, grading
# (docs/schema.md gives each rule).
WARLOG_COLUMNS = [
    "fatalities_low", "fatalities_best", "fatalities_high", "civilians_killed_min",
    "civilians_killed_max", "injured_min", "injured_max", "children_killed", "women_killed",
    "grade", "source_count", "geonameid", "provenance",
    "event_date_end", "civilians_killed_best", "children_killed_max", "women_killed_max",
    "independent_source_count", "contested", "grade_reason",
]
CSV_COLUMNS = ACLED_COLUMNS + WARLOG_COLUMNS


def _provenance(incident: Incident) -> str:
    """Compact evidence: field -> ["document_id:start-end", ...]."""
    compact = {
        name: [f"{s.document_id}:{s.start}-{s.end}" for s in spans]
        for name, spans in incident.provenance.items()
        if spans
    }
    return json.dumps(compact, sort_keys=True, ensure_ascii=False)


def _csv_row(incident: Incident) -> dict[str, object]:
    row = incident.model_dump(mode="json")
    row["year"] = incident.event_date.year
    row["provenance"] = _provenance(incident)
    return {c: "" if row.get(c) is None else row[c] for c in CSV_COLUMNS}


def to_acled_csv(store: SQLiteStore) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in store.incidents():
        writer.writerow(_csv_row(incident))
    return out.getvalue()


def to_geojson(store: SQLiteStore) -> str:
    features = []
    for incident in store.incidents():
        props = _csv_row(incident)
        props.pop("latitude")
        props.pop("longitude")
        geometry = None
        if incident.latitude is not None and incident.longitude is not None:
            geometry = {"type": "Point", "coordinates": [incident.longitude, incident.latitude]}
        features.append({"type": "Feature", "id": incident.event_id_cnty,
                         "geometry": geometry, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1) + "\n"


def to_jsonl(store: SQLiteStore) -> str:
    """Everything: the incident, each source document's metadata, every mention with its
    evidence spans, and all quotes and claims."""
    mentions = {m.id: m for m in store.mentions()}
    lines = []
    for incident in store.incidents():
        record = incident.model_dump(mode="json")
        record["documents"] = []
        for doc_id in incident.document_ids:
            doc = store.document(doc_id)
            if doc:
                record["documents"].append(doc.model_dump(mode="json", exclude={"text"}))
        record["mentions"] = [mentions[i].model_dump(mode="json") for i in incident.mention_ids
                              if i in mentions]
        record["quotes"] = [q for m in record["mentions"] for q in m["quotes"]]
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, tuple[Callable[[SQLiteStore], str], str]] = {
    "acled-csv": (to_acled_csv, "csv"),
    "geojson": (to_geojson, "geojson"),
    "jsonl": (to_jsonl, "jsonl"),
}


def export(store: SQLiteStore, fmt: str) -> str:
    return FORMATS[fmt][0](store)
