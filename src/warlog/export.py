"""Exports in the formats the field uses: ACLED-style CSV, GeoJSON, JSON Lines, Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
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


def to_acled_csv(store: SQLiteStore, incidents: list[Incident] | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in store.incidents() if incidents is None else incidents:
        writer.writerow(_csv_row(incident))
    return out.getvalue()


def to_geojson(store: SQLiteStore, incidents: list[Incident] | None = None) -> str:
    features = []
    for incident in store.incidents() if incidents is None else incidents:
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


def to_jsonl(store: SQLiteStore, incidents: list[Incident] | None = None) -> str:
    """Everything: the incident, each source document's metadata, every mention with its
    evidence spans, and all quotes and claims."""
    mentions = {m.id: m for m in store.mentions()}
    lines = []
    for incident in store.incidents() if incidents is None else incidents:
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


FORMATS: dict[str, tuple[Callable[..., str], str]] = {
    "acled-csv": (to_acled_csv, "csv"),
    "geojson": (to_geojson, "geojson"),
    "jsonl": (to_jsonl, "jsonl"),
}


def as_of_moment(value: str | date | datetime) -> datetime:
    """``--as-of`` reads a date (the end of that day, UTC) or an ISO date-time."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59), tzinfo=UTC)
    text = value.strip()
    try:
        if len(text) == 10:
            return as_of_moment(date.fromisoformat(text))
        return as_of_moment(datetime.fromisoformat(text))
    except ValueError as err:
        raise ValueError(f"--as-of wants a date like 2024-03-31 or 2024-03-31T18:00, not {value!r}") from err


def ledger(store: SQLiteStore, as_of: str | date | datetime | None = None,
           reviewed_only: bool = False) -> list[Incident]:
    """The incidents to publish: analysts' corrections applied, incidents they marked not an
    event or merged away left out; with ``as_of``, the ledger as it stood then; with
    ``reviewed_only``, only what an analyst marked reviewed."""
    from warlog.store.review import SQLiteReview

    review = SQLiteReview(store)
    if as_of is not None:
        return review.incidents_as_of(as_of_moment(as_of), reviewed_only)
    return review.published(reviewed_only)


def export(store: SQLiteStore, fmt: str, as_of: str | date | datetime | None = None,
           reviewed_only: bool = False) -> str:
    return FORMATS[fmt][0](store, ledger(store, as_of, reviewed_only))


# -- Parquet (binary, so not in FORMATS: it is written to a file) -----------------------
def parquet_schema():
    """The CSV's columns with their types (dates as dates, counts as integers, missing
    values as nulls), so pandas, polars and DuckDB read them without guessing."""
    import pyarrow as pa

    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64(), date: pa.date32(),
             bool: pa.bool_()}
    fields = []
    for name in CSV_COLUMNS:
        info = Incident.model_fields.get(name)
        base = next((t for t in get_args(info.annotation) or (info.annotation,)
                     if t is not type(None)), str) if info else str
        kind = pa.int64() if name == "year" else kinds.get(base, pa.string())
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def incidents_table(store: SQLiteStore, as_of: str | date | datetime | None = None,
                    reviewed_only: bool = False):
    """The incidents as an Arrow table with the CSV's columns, typed."""
    import pyarrow as pa

    schema = parquet_schema()
    rows = []
    for incident in ledger(store, as_of, reviewed_only):
        row = incident.model_dump()
        row["year"] = incident.event_date.year
        row["provenance"] = _provenance(incident)
        rows.append({c: row.get(c) for c in CSV_COLUMNS})
    return pa.Table.from_pylist(rows, schema=schema)


def to_parquet(store: SQLiteStore, path, as_of: str | date | datetime | None = None,
               reviewed_only: bool = False) -> int:
    """Write the incidents to a Parquet file; returns the number of rows."""
    import pyarrow.parquet as pq

    table = incidents_table(store, as_of, reviewed_only)
    pq.write_table(table, path, compression="zstd")
    return table.num_rows
