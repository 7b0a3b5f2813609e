"""`warlog export --format parquet` and `warlog.read_incidents`: the CSV's rows, typed,
read back the same by pyarrow, pandas, polars and DuckDB."""

from __future__ import annotations

import csv
import io
from datetime import date
from importlib import resources

import pytest
from click.testing import CliRunner

import warlog
from warlog import runner
from warlog.cli import main
from warlog.export import CSV_COLUMNS, export, to_parquet
from warlog.store import open_store


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    """The demo corpus run through warlog once: (database path, its CSV export rows)."""
    db = tmp_path_factory.mktemp("parquet") / "warlog.db"
    store = open_store(db)
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
        runner.ingest(store, [str(demo)], runner.Feedback(quiet=True))
    runner.extract(store, runner.Feedback(quiet=True))
    runner.group(store)
    rows = list(csv.DictReader(io.StringIO(export(store, "acled-csv"))))
    store.close()
    return db, rows


def test_export_parquet_cli_writes_typed_columns(ledger, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    db, rows = ledger
    out = tmp_path / "incidents.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == CSV_COLUMNS and table.num_rows == len(rows) > 10
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("inter2").type == pa.int64()


def test_export_parquet_needs_out(ledger):
    result = CliRunner().invoke(main, ["export", "--db", str(ledger[0]), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb"])
def test_export_parquet_same_rows_as_csv(ledger, tmp_path, reader):
    db, rows = ledger
    out = tmp_path / "i.parquet"
    store = open_store(db)
    to_parquet(store, out)
    store.close()
    if reader == "pandas":
        import pandas as pd

        records = pd.read_parquet(out).to_dict("records")
    elif reader == "polars":
        pl = pytest.importorskip("polars")
        records = pl.read_parquet(out).to_dicts()
    else:
        duckdb = pytest.importorskip("duckdb")
        rel = duckdb.sql(f"SELECT * FROM read_parquet('{out}')")
        records = [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]
    assert len(records) == len(rows)
    for got, want in zip(records, rows, strict=True):
        for column in ("event_id_cnty", "event_type", "location", "actor1", "notes"):
            assert got[column] == want[column]
        assert str(got["event_date"])[:10] == want["event_date"]
        assert int(got["fatalities"]) == int(want["fatalities"])
        if want["latitude"]:
            assert got["latitude"] == pytest.approx(float(want["latitude"]))


def test_read_incidents_dataframe(ledger):
    db, rows = ledger
    df = warlog.read_incidents(db)
    assert list(df.columns) == CSV_COLUMNS and len(df) == len(rows)
    assert str(df["event_date"].dtype).startswith("datetime64")
    assert str(df["fatalities"].dtype) == "Int64" and str(df["inter2"].dtype) == "Int64"
    assert df["fatalities"].sum() == sum(int(r["fatalities"]) for r in rows)
    assert df["event_date"].min().date() >= date(2014, 1, 1)


def test_read_incidents_missing_database_said_in_words(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warlog database at .*warlog run"):
        warlog.read_incidents(tmp_path / "none.db")
