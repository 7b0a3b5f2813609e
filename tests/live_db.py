"""Reading a SQLite ledger that another process (a killed or running warlog) is writing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def count_while_written(db: Path, sql: str) -> int:
    """A count from a database another process is writing; 0 until it exists."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.DatabaseError:  # not created yet, or locked for a moment
        return 0
