"""The store on PostgreSQL, for many analysts at once: the same methods and SQL as the SQLite
store (``SQLiteStore``), run through a connection that renders SQLite's SQL for PostgreSQL
(see ``warlog.store.dialect``). Only what differs is here: connecting, the schema version
table, transactions, and full-text search (a ``tsvector`` column with a GIN index).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from warlog.store.dialect import fts_query, render_postgres, to_postgres
from warlog.store.errors import StoreError, redact
from warlog.store.migrations import MIGRATIONS
from warlog.store.sqlite import SQLiteStore

# The advisory lock every write transaction takes first: one writer at a time, as SQLite's
# BEGIN IMMEDIATE gives, so a version read inside a transaction is still current at its
# end (the review desk's optimistic locking rests on this). Readers never wait for it.
WRITE_LOCK = 0x7761726C  # "warl"
MIGRATE_LOCK = WRITE_LOCK + 1


class Row(tuple):
    """A result row read by position or by column name, as ``sqlite3.Row`` is."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@functools.lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)  # the first of two same-named columns, as sqlite3.Row
    return type("Row", (Row,), {"__slots__": (), "_index": index})


def _row_factory(cursor: psycopg.Cursor[Any]):
    if cursor.description is None:
        return tuple
    return _row_class(tuple(c.name for c in cursor.description))


class PgConnection:
    """What the store uses of a sqlite3 connection (execute, executemany, in_transaction),
    on psycopg: each statement is rendered for PostgreSQL once and remembered."""

    def __init__(self, url: str):
        try:
            self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                       connect_timeout=10)
        except psycopg.OperationalError as err:
            reason = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            raise StoreError(f"cannot open the PostgreSQL database {redact(url)}: {reason}") from err
        self._rendered: dict[tuple[str, bool], str] = {}
        self._keys: dict[str, list[str]] = {}

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def primary_key(self, table: str) -> list[str]:
        if table not in self._keys:
            rows = self.raw.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
                (table,)).fetchall()
            self._keys[table] = [r[0] for r in rows]
        return self._keys[table]

    def render(self, sql: str, params: bool = True) -> str:
        key = (sql, params)
        if key not in self._rendered:
            self._rendered[key] = to_postgres(sql, self.primary_key, params)
        return self._rendered[key]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.raw.execute(self.render(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cur = self.raw.cursor()
        cur.executemany(self.render(sql), [tuple(p) for p in seq])  # type: ignore[arg-type]
        return cur

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLiteStore):
    """The store in a PostgreSQL database named by a ``postgresql://`` URL."""

    IntegrityError = psycopg.IntegrityError

    def __init__(self, url: str):  # noqa: D107 - the base opens a file; this, a server
        self.path = url  # what identifies the ledger (caches are keyed by it)
        self.conn = PgConnection(url)  # type: ignore[assignment]
        self._migrate()

    # -- schema ---------------------------------------------------------------
    def _migrate(self) -> None:
        raw = self.conn.raw
        version = self._read_version()
        if version >= len(MIGRATIONS):
            return
        with raw.transaction():  # two processes opening a new database migrate one at a time
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            raw.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            if raw.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
                raw.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = raw.execute("SELECT version FROM schema_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in render_postgres(script):
                    try:
                        raw.execute(self.conn.render(statement, params=False))
                    except psycopg.Error as err:
                        raise StoreError(f"migration {number} failed on PostgreSQL: {err}"
                                         f"\n  statement: {statement[:200]}") from err
                raw.execute("UPDATE schema_version SET version = %s", (number,))

    def _read_version(self) -> int:
        row = self.conn.raw.execute(
            "SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        found = self.conn.raw.execute("SELECT version FROM schema_version").fetchone()
        return found[0] if found else 0

    @property
    def schema_version(self) -> int:
        return self._read_version()

    def transaction(self) -> _PgTransaction:  # type: ignore[override]
        return _PgTransaction(self.conn)  # type: ignore[arg-type]

    def close(self) -> None:
        self.conn.close()

    # -- full-text search -------------------------------------------------------
    def _index_document(self, document_id: str) -> None:
        """The generated ``documents_fts`` column indexes a document as it is written."""

    def search(self, query: str, limit: int = 20) -> list[Row]:
        return self.conn.raw.execute(
            "SELECT d.id, d.title, d.publisher, d.published, d.language,"
            " ts_headline('simple', d.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=5,"
            " MaxFragments=1, FragmentDelimiter=\" … \"') AS snippet"
            " FROM documents d, websearch_to_tsquery('simple', %s) q"
            " WHERE d.documents_fts @@ q ORDER BY ts_rank(d.documents_fts, q) DESC, d.rowid"
            " LIMIT %s", (fts_query(query), limit)).fetchall()

    def matching_documents(self, query: str) -> set[str]:
        rows = self.conn.raw.execute(
            "SELECT d.id FROM documents d WHERE d.documents_fts @@ websearch_to_tsquery('simple', %s)",
            (fts_query(query),)).fetchall()
        return {r[0] for r in rows}

    def _after_copy(self, tables: list[str]) -> None:
        """Rows were copied in with their ids: the next id each table hands out follows them."""
        rows = self.conn.raw.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"
            " AND identity_generation = 'BY DEFAULT'").fetchall()
        for table, column in rows:
            self.conn.raw.execute(
                f'SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max("{column}"), 0) + 1,'
                f' false) FROM "{table}"', (table, column))

    def fts_rows(self) -> int:
        """How many documents the full-text index holds."""
        return self.conn.raw.execute(
            "SELECT count(*) FROM documents WHERE documents_fts IS NOT NULL").fetchone()[0]


class _PgTransaction:
    """BEGIN, then the write lock; COMMIT, or ROLLBACK on any error; nests as a no-op."""

    def __init__(self, conn: PgConnection):
        self.conn = conn
        self.outer = False

    def __enter__(self) -> PgConnection:
        if not self.conn.in_transaction:
            self.conn.raw.execute("BEGIN")
            self.outer = True
            self.conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.outer:
            return
        self.conn.raw.execute("COMMIT" if exc_type is None else "ROLLBACK")
