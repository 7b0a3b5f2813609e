"""Storage behind one small interface, so another backend (PostgreSQL) can follow."""

from warlog.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "open_store"]
