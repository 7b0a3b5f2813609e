"""Copy a whole ledger from one store into another, empty one: a SQLite file into PostgreSQL
when a team outgrows one machine, or back. Every table the migrations make is copied with
its rows as they are (revisions keep their ids, so history and reverts still point right);
the full-text index is rebuilt on the target's side.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from warlog.store.errors import StoreError
from warlog.store.migrations import MIGRATIONS
from warlog.store.sqlite import SQLiteStore

BATCH = 500
# kept by the target's own triggers, not copied
SKIP = {"ledger_generation"}


def ledger_tables() -> tuple[list[str], set[str]]:
    """The tables the migrations create, in creation order (so a row's references are
    copied before it), and the full-text index tables (rebuilt, never copied)."""
    text = "\n".join(MIGRATIONS)
    tables = list(dict.fromkeys(re.findall(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
                                           text, re.IGNORECASE)))
    dropped = set(re.findall(r"DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(\w+)", text, re.IGNORECASE))
    fts = set(re.findall(r"CREATE\s+VIRTUAL\s+TABLE\s+(\w+)", text, re.IGNORECASE))
    return [t for t in tables if t not in dropped], fts


def _columns(store: SQLiteStore, table: str) -> list[str]:
    cur = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    names = [d[0] for d in cur.description]
    cur.fetchall()
    return names


class CopyError(StoreError):
    """The copy cannot be made; the message says why."""


def rows_to_copy(source: SQLiteStore) -> int:
    """How many rows ``copy_ledger`` will copy from ``source`` (for a progress bar)."""
    tables, fts = ledger_tables()
    return sum(source.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in tables if t not in SKIP and t not in fts)


def copy_ledger(source: SQLiteStore, target: SQLiteStore,
                progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` in one transaction; returns rows per table.
    The target must hold no ledger yet."""
    tables, fts = ledger_tables()
    filled = [t for t in ("documents", "incidents", "users", "revisions")
              if target.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]]
    if filled:
        raise CopyError(f"the target {target.path} already holds a ledger ({', '.join(filled)}); "
                        "copy into an empty database")
    counts: dict[str, int] = {}
    with target.transaction():
        for table in tables:
            if table in SKIP or table in fts:
                continue
            theirs = set(_columns(target, table))
            # rowid and the full-text column are made by the target as rows arrive
            columns = [c for c in _columns(source, table)
                       if c in theirs and c not in fts and c != "rowid"]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            # documents in the order they were stored, which their rowid (and index) keep
            order = " ORDER BY rowid" if table == "documents" else ""
            cur = source.conn.execute(f"SELECT {names} FROM {table}{order}")
            n = 0
            while rows := cur.fetchmany(BATCH):
                target.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                                        [tuple(r) for r in rows])
                if table == "documents":
                    for r in rows:
                        target._index_document(r[columns.index("id")])
                n += len(rows)
                if progress:
                    progress(table, len(rows))
            counts[table] = n
        target._after_copy(tables)
    return counts
