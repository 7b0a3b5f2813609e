"""Golden-file tests: the three exports of the fixture corpus, byte for byte.

Regenerate after an intended change with ``WARLOG_UPDATE_GOLDEN=1 make test`` and
read the diff before committing it."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from warlog import runner
from warlog.export import ACLED_COLUMNS, CSV_COLUMNS, FORMATS, export
from warlog.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("golden") / "warlog.db")
    feedback = runner.Feedback(quiet=True)
    runner.ingest(store, [str(FIXTURES)], feedback)
    runner.extract(store, feedback)
    runner.group(store)
    return store


def _normalise(text: str) -> str:
    # locators hold the absolute path of the checkout; the golden files must not
    return text.replace(str(FIXTURES.resolve()), "<corpus>")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_matches_golden(store, fmt):
    produced = _normalise(export(store, fmt))
    golden = GOLDEN / f"fixtures.{FORMATS[fmt][1]}"
    if os.environ.get("WARLOG_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_export_csv_has_acled_columns_in_order(store):
    rows = list(csv.reader(io.StringIO(export(store, "acled-csv"))))
    assert rows[0] == CSV_COLUMNS
    assert rows[0][: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(rows) > 1


def test_export_geojson_points_are_lon_lat(store):
    data = json.loads(export(store, "geojson"))
    assert data["type"] == "FeatureCollection"
    fallujah = [f for f in data["features"] if f["properties"]["geonameid"] == 99454]
    assert fallujah
    lon, lat = fallujah[0]["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (33, 44)


def test_export_jsonl_carries_evidence(store):
    records = [json.loads(line) for line in export(store, "jsonl").splitlines()]
    assert records
    for record in records:
        assert record["documents"] and record["mentions"]
        for mention in record["mentions"]:
            doc = store.document(mention["document_id"])
            span = mention["trigger"]
            assert doc.text[span["start"]:span["end"]] == span["text"]
    assert any(record["quotes"] for record in records)
