"""Storage behind one interface: a SQLite file (the default) or a PostgreSQL database for
many users, chosen by what ``--db`` names. Both run the same methods and SQL."""

from __future__ import annotations

from pathlib import Path

from warlog.store.errors import StoreError, redact
from warlog.store.sqlite import SQLiteStore

Store = SQLiteStore  # the interface; PostgresStore is a subclass running the same SQL

URL_PREFIXES = ("postgresql://", "postgres://")


def is_url(db: str | Path) -> bool:
    """True when ``db`` names a PostgreSQL database rather than a SQLite file."""
    return str(db).startswith(URL_PREFIXES)


def open_store(db: str | Path) -> SQLiteStore:
    """The store at ``db``: a ``postgresql://`` URL or the path of a SQLite file."""
    if is_url(db):
        from warlog.store.postgres import PostgresStore

        return PostgresStore(str(db))
    return SQLiteStore(db)


__all__ = ["SQLiteStore", "Store", "StoreError", "is_url", "open_store", "redact"]
