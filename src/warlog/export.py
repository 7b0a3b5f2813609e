"""Exports in the formats the field uses: ACLED-style CSV, GeoJSON, JSON Lines, Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from typing import get_args

from warlog.model import Incident
from warlog.store import SQLiteStore

# ACLED's column names where ACLED has the field, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
]
# warlog's own, after ACLED's: UCDP-style ranges, Airwars-style civilian harm, grading.
WARLOG_COLUMNS = [
    "fatalities_low", "fatalities_best", "fatalities_high", "civilians_killed_min",
    "civilians_killed_max", "injured_min", "injured_max", "children_killed", "women_killed",
    "grade", "source_count", "geonameid", "provenance",
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


# -- Parquet (binary, so not in FORMATS: it is written to a file) -----------------------
def parquet_schema():
    """The CSV's columns with their types (dates as dates, counts as integers, missing
    values as nulls), so pandas, polars and DuckDB read them without guessing."""
    import pyarrow as pa

    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64(), date: pa.date32()}
    fields = []
    for name in CSV_COLUMNS:
        info = Incident.model_fields.get(name)
        base = next((t for t in get_args(info.annotation) or (info.annotation,)
                     if t is not type(None)), str) if info else str
        kind = pa.int64() if name == "year" else kinds.get(base, pa.string())
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def incidents_table(store: SQLiteStore):
    """The incidents as an Arrow table with the CSV's columns, typed."""
    import pyarrow as pa

    schema = parquet_schema()
    rows = []
    for incident in store.incidents():
        row = incident.model_dump()
        row["year"] = incident.event_date.year
        row["provenance"] = _provenance(incident)
        rows.append({c: row.get(c) for c in CSV_COLUMNS})
    return pa.Table.from_pylist(rows, schema=schema)


def to_parquet(store: SQLiteStore, path) -> int:
    """Write the incidents to a Parquet file; returns the number of rows."""
    import pyarrow.parquet as pq

    table = incidents_table(store)
    pq.write_table(table, path, compression="zstd")
    return table.num_rows


def export(store: SQLiteStore, fmt: str) -> str:
    return FORMATS[fmt][0](store)
