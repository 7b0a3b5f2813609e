"""The default store: one SQLite file in WAL mode. Its methods' SQL is also what the
PostgreSQL store runs (``warlog.store.postgres``, rendered by ``warlog.store.dialect``): write
new methods here, through ``self.conn.execute`` with ``?`` placeholders, and both have them.

Each write is its own short transaction, so a crash or kill -9 loses at most
the document (or batch of extracted documents) being written; a rerun skips what is
already there.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warlog.model import Document, Failure, Incident, Mention, RawSource
from warlog.store.migrations import MIGRATIONS


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class MentionRows:
    """One document's mentions as the rows the store writes (mentions, places, quotes).
    Made where the mentions are found: a Dask worker sends these plain tuples, cheaper to
    pickle than the records, and the client only inserts them."""

    document_id: str
    mentions: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)


def mention_rows(document_id: str, mentions: list[Mention]) -> MentionRows:
    rows = MentionRows(document_id)
    for m in mentions:
        place = m.place
        rows.mentions.append((
            m.id, m.document_id, m.event_type, m.sub_event_type,
            m.date.event_date.isoformat(), place.iso if place else "",
            place.geonameid if place else None, m.model_dump_json()))
        if place and place.geonameid is not None:
            rows.places.append((place.geonameid, place.name, place.latitude, place.longitude,
                                place.iso, place.admin1, place.feature))
        rows.quotes.extend(
            (document_id, m.id, q.kind, q.speaker, q.speaker_actor_id, q.text, q.span.start,
             q.span.end) for q in m.quotes)
    return rows


class SQLiteStore:
    # what a broken constraint raises, for methods that catch it on either backend
    IntegrityError: type[Exception] = sqlite3.IntegrityError

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # -- schema ---------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in script.split(";\n"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    # -- sources and documents ----------------------------------------------
    def source_done(self, locator: str, raw_sha256: str) -> bool:
        row = self.conn.execute(
            "SELECT raw_sha256, done FROM sources WHERE locator = ?", (locator,)
        ).fetchone()
        return bool(row and row["done"] and row["raw_sha256"] == raw_sha256)

    def put_source(self, source: RawSource) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO sources (locator, kind, raw_sha256, raw, media_type, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(locator) DO UPDATE SET kind=excluded.kind,"
                " raw_sha256=excluded.raw_sha256, raw=excluded.raw,"
                " media_type=excluded.media_type, done=0"
                " WHERE sources.raw_sha256 != excluded.raw_sha256",
                (
                    source.locator,
                    source.kind,
                    source.raw_sha256,
                    zlib.compress(source.raw, 6),
                    source.media_type,
                    _now(),
                ),
            )

    def mark_source_done(self, locator: str) -> None:
        with self.transaction():
            self.conn.execute("UPDATE sources SET done = 1 WHERE locator = ?", (locator,))

    def raw_bytes(self, locator: str) -> bytes | None:
        row = self.conn.execute("SELECT raw FROM sources WHERE locator = ?", (locator,)).fetchone()
        return zlib.decompress(row["raw"]) if row else None

    def add_document(self, doc: Document) -> bool:
        """Store a document; False when the same text is already stored (then only the
        new place it was seen is recorded)."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO documents (id, text, title, publisher, author, published,"
                " url, language, tags, source_locator, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    doc.text,
                    doc.title,
                    doc.publisher,
                    doc.author,
                    doc.published.isoformat() if doc.published else None,
                    doc.url,
                    doc.language,
                    json.dumps(doc.tags, ensure_ascii=False),
                    doc.source_locator,
                    _now(),
                ),
            )
            new = cur.rowcount == 1
            if new:
                self._index_document(doc.id)
            self.conn.execute(
                "INSERT OR IGNORE INTO document_sources (document_id, locator) VALUES (?, ?)",
                (doc.id, doc.source_locator),
            )
        return new

    def _document(self, row: sqlite3.Row) -> Document:
        return Document(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            publisher=row["publisher"],
            author=row["author"],
            published=row["published"],
            url=row["url"],
            language=row["language"],
            tags=json.loads(row["tags"]),
            source_locator=row["source_locator"],
        )

    def document(self, document_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        return self._document(row) if row else None

    def documents(self, pending_only: bool = False) -> Iterator[Document]:
        sql = "SELECT * FROM documents"
        if pending_only:
            sql += " WHERE extracted_at IS NULL"
        for row in self.conn.execute(sql + " ORDER BY rowid").fetchall():
            yield self._document(row)

    def pending_batches(self, size: int) -> Iterator[list[Document]]:
        """Documents not yet extracted, ``size`` at a time, read by rowid so a batch written
        meanwhile never shifts the next page and the whole corpus is never in memory."""
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT rowid, * FROM documents WHERE extracted_at IS NULL AND rowid > ?"
                " ORDER BY rowid LIMIT ?", (last, size)).fetchall()
            if not rows:
                return
            last = rows[-1]["rowid"]
            yield [self._document(r) for r in rows]

    def count(self, table: str, where: str = "") -> int:
        allowed = {"documents", "sources", "mentions", "incidents", "failures", "quotes"}
        if table not in allowed:
            raise ValueError(f"unknown table {table!r}")
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql).fetchone()[0]

    # -- full-text search (each backend its own index: here FTS5) ----------------
    def _index_document(self, document_id: str) -> None:
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, title, text)"
            " SELECT rowid, coalesce(title, ''), text FROM documents WHERE id = ?",
            (document_id,),
        )

    def _after_copy(self, tables: list[str]) -> None:
        """After ``warlog.store.copy`` wrote rows with their ids: nothing to set here."""

    def fts_rows(self) -> int:
        """How many documents the full-text index holds."""
        return self.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]

    def matching_documents(self, query: str) -> set[str]:
        """Ids of the documents a full-text query finds; a query that is not FTS syntax
        (a stray quote, a colon) is searched as one phrase."""
        sql = ("SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
               " WHERE documents_fts MATCH ?")
        for attempt in (query, '"' + query.replace('"', " ") + '"'):
            try:
                return {r[0] for r in self.conn.execute(sql, (attempt,)).fetchall()}
            except sqlite3.OperationalError:
                continue
        return set()

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT d.id, d.title, d.publisher, d.published, d.language,"
            " snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()

    # -- failures -------------------------------------------------------------
    def record_failure(self, failure: Failure) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO failures (locator, reason, detail, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(locator) DO UPDATE SET reason=excluded.reason,"
                " detail=excluded.detail, at=excluded.at",
                (failure.locator, failure.reason, failure.detail, _now()),
            )

    def clear_failures(self, locator: str) -> None:
        """Forget earlier failures of an input (and of the records inside it) that now reads."""
        with self.transaction():
            self.conn.execute(
                "DELETE FROM failures WHERE locator = ? OR substr(locator, 1, ?) = ?",
                (locator, len(locator) + 1, locator + "#"),
            )

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT * FROM failures ORDER BY locator").fetchall()
        return [Failure(locator=r["locator"], reason=r["reason"], detail=r["detail"]) for r in rows]

    # -- mentions -------------------------------------------------------------
    def replace_mentions(self, document_id: str, mentions: list[Mention]) -> None:
        """Write a document's mentions and quotes and mark it extracted, all at once."""
        self.write_mentions([mention_rows(document_id, mentions)])

    def write_mentions(self, documents: list[MentionRows]) -> None:
        """Replace the mentions, places and quotes of several documents and mark them
        extracted, in one transaction and one statement per table (executemany)."""
        ids = [(d.document_id,) for d in documents]
        with self.transaction():
            self.conn.executemany(
                "DELETE FROM incident_mentions WHERE mention_id IN"
                " (SELECT id FROM mentions WHERE document_id = ?)", ids)
            self.conn.executemany("DELETE FROM quotes WHERE document_id = ?", ids)
            self.conn.executemany("DELETE FROM mentions WHERE document_id = ?", ids)
            self.conn.executemany(
                "INSERT INTO mentions (id, document_id, event_type, sub_event_type,"
                " event_date, iso, geonameid, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [row for d in documents for row in d.mentions])
            self.conn.executemany(
                "INSERT OR IGNORE INTO places (geonameid, name, latitude, longitude, iso,"
                " admin1, feature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [row for d in documents for row in d.places])
            self.conn.executemany(
                'INSERT OR IGNORE INTO quotes (document_id, mention_id, kind, speaker,'
                ' speaker_actor_id, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                [row for d in documents for row in d.quotes])
            now = _now()
            self.conn.executemany("UPDATE documents SET extracted_at = ? WHERE id = ?",
                                  [(now, d.document_id) for d in documents])

    def mentions(self) -> list[Mention]:
        rows = self.conn.execute("SELECT data FROM mentions ORDER BY id").fetchall()
        return [Mention.model_validate_json(r["data"]) for r in rows]

    # -- incidents ------------------------------------------------------------
    def replace_incidents(
        self, incidents: Iterable[tuple[Incident, dict[str, dict[str, object]]]]
    ) -> int:
        """Replace all incidents; each comes with, per mention id, the features of its link."""
        n = 0
        with self.transaction():
            self.conn.execute("DELETE FROM incident_mentions")
            self.conn.execute("DELETE FROM incidents")
            for incident, links in incidents:
                self.conn.execute(
                    "INSERT INTO incidents (id, event_id_cnty, event_date, event_type, iso,"
                    " location, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        incident.id,
                        incident.event_id_cnty,
                        incident.event_date.isoformat(),
                        incident.event_type,
                        incident.iso,
                        incident.location,
                        incident.model_dump_json(),
                    ),
                )
                for mention_id, features in links.items():
                    self.conn.execute(
                        "INSERT INTO incident_mentions (incident_id, mention_id, score, features)"
                        " VALUES (?, ?, ?, ?)",
                        (
                            incident.id,
                            mention_id,
                            float(features.get("score", 1.0)),  # type: ignore[arg-type]
                            json.dumps(features, sort_keys=True),
                        ),
                    )
                n += 1
        return n

    def incidents(self) -> list[Incident]:
        rows = self.conn.execute(
            "SELECT data, locked FROM incidents ORDER BY event_date, event_id_cnty"
        ).fetchall()
        out = []
        for r in rows:
            inc = Incident.model_validate_json(r["data"])
            inc.locked = bool(r["locked"])
            out.append(inc)
        return out

    def incident(self, incident_id: str) -> Incident | None:
        row = self.conn.execute("SELECT data, locked FROM incidents WHERE id = ?",
                                (incident_id,)).fetchone()
        if row is None:
            return None
        inc = Incident.model_validate_json(row["data"])
        inc.locked = bool(row["locked"])
        return inc

    def mentions_by_id(self, ids: list[str]) -> list[Mention]:
        out = []
        for mid in sorted(ids):
            row = self.conn.execute("SELECT data FROM mentions WHERE id = ?", (mid,)).fetchone()
            if row:
                out.append(Mention.model_validate_json(row["data"]))
        return out

    def incident_links(self) -> dict[str, dict[str, tuple[float, dict, str]]]:
        """incident id -> {mention id: (score, features, decided_by)}."""
        out: dict[str, dict[str, tuple[float, dict, str]]] = {}
        for r in self.conn.execute(
            "SELECT incident_id, mention_id, score, features, decided_by FROM incident_mentions"
            " ORDER BY incident_id, mention_id"
        ):
            out.setdefault(r["incident_id"], {})[r["mention_id"]] = (
                r["score"], json.loads(r["features"]), r["decided_by"])
        return out

    def locked_incidents(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM incidents WHERE locked = 1")}

    def save_incidents(
        self, incidents: Iterable[tuple[Incident, dict[str, tuple[float, dict, str]]]],
        delete: Iterable[str] = (),
    ) -> None:
        """Write incidents with their links (replacing what each had), drop others; one
        transaction."""
        with self.transaction():
            for inc_id in delete:
                self.conn.execute("DELETE FROM incident_mentions WHERE incident_id = ?", (inc_id,))
                self.conn.execute("DELETE FROM incidents WHERE id = ?", (inc_id,))
            for incident, links in incidents:
                self.conn.execute("DELETE FROM incident_mentions WHERE incident_id = ?",
                                  (incident.id,))
                # a mention belongs to one incident: a link here replaces any elsewhere
                self.conn.executemany("DELETE FROM incident_mentions WHERE mention_id = ?",
                                      [(mid,) for mid in links])
                self.conn.execute(
                    "INSERT INTO incidents (id, event_id_cnty, event_date, event_type, iso,"
                    " location, data, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET event_id_cnty=excluded.event_id_cnty,"
                    " event_date=excluded.event_date, event_type=excluded.event_type,"
                    " iso=excluded.iso, location=excluded.location, data=excluded.data,"
                    " locked=excluded.locked",
                    (incident.id, incident.event_id_cnty, incident.event_date.isoformat(),
                     incident.event_type, incident.iso, incident.location,
                     incident.model_dump_json(), int(incident.locked)),
                )
                self.conn.executemany(
                    "INSERT INTO incident_mentions (incident_id, mention_id, score, features,"
                    " decided_by) VALUES (?, ?, ?, ?, ?)",
                    [(incident.id, mid, float(sc), json.dumps(f, sort_keys=True, default=str), by)
                     for mid, (sc, f, by) in sorted(links.items())],
                )

    def signatures(self, compute) -> dict[str, tuple[int, ...]]:
        """Every document's near-copy signature; those not stored yet are computed with
        ``compute(text)`` and stored, so each text is hashed once."""
        out = {r[0]: tuple(json.loads(r[1])) for r in self.conn.execute(
            "SELECT document_id, signature FROM document_signatures")}
        missing = self.conn.execute(
            "SELECT id, text FROM documents WHERE id NOT IN"
            " (SELECT document_id FROM document_signatures) ORDER BY rowid").fetchall()
        if missing:
            with self.transaction():
                for row in missing:
                    out[row["id"]] = tuple(compute(row["text"]))
                    self.conn.execute(
                        "INSERT INTO document_signatures (document_id, signature) VALUES (?, ?)",
                        (row["id"], json.dumps(list(out[row["id"]]))))
        return out

    def revised_incidents(self) -> set[str]:
        """Incidents an analyst has changed in any way (merged, split, locked, edited,
        reviewed...): their revisions are in ``revisions``, the one log of analysts' changes."""
        return {r[0] for r in self.conn.execute("SELECT DISTINCT incident_id FROM revisions")}

    def sync_actors(self, rows: Iterable[tuple[str, str, str, int, str, str]]) -> None:
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO actors (id, name, type, inter, country, parent)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                list(rows),
            )


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; nests as a no-op."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def open_store(path: str | Path) -> SQLiteStore:
    return SQLiteStore(path)
