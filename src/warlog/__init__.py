"""warlog: conflict reports in, a sourced, geolocated, deduplicated ledger of events out.

For notebooks::

    import warlog
    incidents = warlog.read_incidents("warlog.db")  # a pandas DataFrame, one row an incident
"""

from __future__ import annotations

from pathlib import Path


def read_incidents(db: str | Path = "warlog.db"):
    """The incidents of a warlog database as a pandas DataFrame: ACLED's columns and
    warlog's (the CSV export's), typed (event_date a date, missing values nulls)."""
    import pandas as pd
    import pyarrow as pa

    from warlog.export import incidents_table
    from warlog.store import open_store

    if not Path(db).is_file():
        raise FileNotFoundError(f"there is no warlog database at {db}; create one with "
                                f"`warlog run PATH --db {db}`")
    store = open_store(db)
    try:
        # dates as datetime64 and counts as nullable integers, not objects and floats
        return incidents_table(store).to_pandas(
            date_as_object=False, types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    finally:
        store.close()
