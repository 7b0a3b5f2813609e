"""The store, on SQLite and on PostgreSQL: schema migrations (and their PostgreSQL
rendering), WAL, reopening, search, sources and failures, the SQL dialect layer; and the
text normalisation the store's document ids rest on."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.ingest.readers import make_document
from warlog.ingest.text import clean, text_hash
from warlog.model import Failure, RawSource
from warlog.store import is_url, open_store
from warlog.store.migrations import MIGRATIONS
from warlog.store.postgres import PostgresStore, StoreError

EN = "An air strike on a market in Mosul killed at least 12 civilians on Friday, residents said."
AR = "قتل اثنا عشر مدنيا في غارة جوية على سوق في مدينة الرقة يوم الجمعة حسب مصادر طبية."


def _schema(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def _columns(store) -> dict[str, list[str]]:
    """Every table's columns, in order, as the backend reports them."""
    if isinstance(store, PostgresStore):
        rows = store.conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
    else:
        rows = store.conn.execute(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
            " WHERE m.type = 'table' ORDER BY m.name, p.cid").fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def test_store_migrations_set_user_version(tmp_path):
    path = tmp_path / "w.db"
    store = open_store(path)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sources", "documents", "document_sources", "documents_fts", "mentions", "incidents",
            "incident_mentions", "failures"} <= tables


def test_store_postgres_migrations_make_the_same_tables_and_columns(tmp_path, pg_databases):
    """Every migration, rendered for PostgreSQL, gives the tables and columns SQLite has; the
    full-text index is a column there (plus the rowid it joins on), a table here."""
    lite = open_store(tmp_path / "w.db")
    pg = open_store(pg_databases.create())  # empty: every migration runs
    try:
        assert pg.schema_version == lite.schema_version == len(MIGRATIONS)
        want = {t: cols for t, cols in _columns(lite).items()
            if not t.startswith(("documents_fts", "sqlite_"))}
        got = _columns(pg)
        assert got.pop("schema_version") == ["version"]
        assert got["documents"][-2:] == ["rowid", "documents_fts"]
        got["documents"] = got["documents"][:-2]
        assert got == want
    finally:
        lite.close()
        pg.close()


def test_store_postgres_bad_url_says_which_database(closed_port):
    url = f"postgresql://someone:secret@127.0.0.1:{closed_port}/ledger"
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert f"127.0.0.1:{closed_port}/ledger" in str(err.value) and "secret" not in str(err.value)


def test_store_uses_wal_mode(tmp_path):
    path = tmp_path / "w.db"
    store = open_store(path)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    with closing(sqlite3.connect(path)) as conn:  # WAL is a property of the file, seen by any reader
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_reopen_is_noop(backend_db):
    store = open_store(backend_db)
    doc = make_document(EN, "/r/a.txt", title="Mosul strike")
    assert store.add_document(doc)
    store.record_failure(Failure(locator="/r/b.txt", reason="the file is empty"))
    schema = _columns(store)
    store.close()
    sqlite_schema = None if is_url(backend_db) else _schema(backend_db)

    for _ in range(2):
        again = open_store(backend_db)
        assert again.schema_version == len(MIGRATIONS)
        assert [d.id for d in again.documents()] == [doc.id]
        assert [f.locator for f in again.failures()] == ["/r/b.txt"]
        assert _columns(again) == schema
        again.close()
    if sqlite_schema is not None:
        assert _schema(backend_db) == sqlite_schema


@pytest.mark.parametrize("query, expected", [
    ("Mosul", ["en"]),
    ("mosul", ["en"]),
    ("civilians AND market", ["en"]),
    ('"at least 12"', ["en"]),
    ("strike", ["en"]),  # a word of the title only
    ("الرقة", ["ar"]),
    ("Aleppo", []),
])
def test_store_search_finds_words(store, query, expected):
    docs = {"en": make_document(EN, "/r/en.txt", title="Market strike"),
            "ar": make_document(AR, "/r/ar.txt", title="غارة")}
    for doc in docs.values():
        store.add_document(doc)
    hits = store.search(query)
    assert [h["id"] for h in hits] == [docs[k].id for k in expected]
    for hit in hits:
        assert "[" in hit["snippet"] or query == "strike"


def test_store_add_document_twice_keeps_one_row_and_both_places(store):
    first = make_document(EN, "/r/a.txt")
    second = make_document(EN.replace(" ", "\n", 3), "/r/b.md")
    assert first.id == second.id
    assert store.add_document(first) is True
    assert store.add_document(second) is False
    assert store.add_document(first) is False
    assert store.count("documents") == 1
    assert store.fts_rows() == 1
    assert len(store.search("Mosul")) == 1
    rows = store.conn.execute("SELECT locator FROM document_sources ORDER BY locator").fetchall()
    assert [r[0] for r in rows] == ["/r/a.txt", "/r/b.md"]


@pytest.mark.parametrize("raw", [b"", b"plain text\n", bytes(range(256)) * 40],
                         ids=["empty", "text", "binary"])
def test_store_raw_bytes_round_trip(store, raw):
    store.put_source(RawSource(locator="/r/x", kind="text", raw_sha256="h1", raw=raw))
    assert store.raw_bytes("/r/x") == raw
    assert store.raw_bytes("/r/missing") is None


def test_store_source_done_only_for_same_bytes_read_in_full(store):
    store.put_source(RawSource(locator="/r/x", kind="text", raw_sha256="h1", raw=b"one"))
    assert not store.source_done("/r/x", "h1")  # stored, but its records not all handled
    store.mark_source_done("/r/x")
    assert store.source_done("/r/x", "h1")
    assert not store.source_done("/r/x", "h2")
    store.put_source(RawSource(locator="/r/x", kind="text", raw_sha256="h2", raw=b"two"))
    assert not store.source_done("/r/x", "h2") and store.raw_bytes("/r/x") == b"two"


def test_store_clear_failures_only_of_that_input(store):
    for locator in ["/r/a.json", "/r/a.json#item=3", "/r/a.jsonl#line=2", "/r/a.json.bak", "/r/b"]:
        store.record_failure(Failure(locator=locator, reason="the file is empty"))
    store.record_failure(Failure(locator="/r/b", reason="the file is binary", detail="x"))
    store.clear_failures("/r/a.json")
    assert [(f.locator, f.reason) for f in store.failures()] == [
        ("/r/a.json.bak", "the file is empty"), ("/r/a.jsonl#line=2", "the file is empty"),
        ("/r/b", "the file is binary")]


def test_store_sync_actors_replaces_by_id(store):
    """INSERT OR REPLACE (rendered as an upsert on PostgreSQL): a second sync updates."""
    store.sync_actors([("a1", "Old name", "state", 1, "SY", ""), ("a2", "Other", "rebel", 2, "", "")])
    store.sync_actors([("a1", "New name", "state", 1, "SY", "")])
    rows = store.conn.execute("SELECT id, name FROM actors ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("a1", "New name"), ("a2", "Other")]


def test_store_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.record_failure(Failure(locator="/r/x", reason="the file is empty"))
        raise RuntimeError("stop")
    assert store.failures() == []
    store.record_failure(Failure(locator="/r/y", reason="the file is empty"))  # usable after
    assert [f.locator for f in store.failures()] == ["/r/y"]


# -- text normalisation (document identity) ----------------------------------------
# Any text, weighted towards what clean() acts on: line ends, control characters, no-break
# and other spaces, and combining marks that compose with the letter before them.
TRICKY = st.sampled_from(list("e\u0301\u0308\x01\x7f\r\n \u00a0\u2028"))
ANY_CHAR = st.characters(codec="utf-8", exclude_categories=["Cs"])
TEXT = st.lists(st.one_of(TRICKY, ANY_CHAR), max_size=80).map("".join)
WHITESPACE = st.text(alphabet=" \t\n\r\u00a0\u2003\u3000\f\v", min_size=1, max_size=4)
WORD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Zs", "Zl", "Zp", "Cc", "Cs"]),
               min_size=1, max_size=12).filter(lambda w: not any(c.isspace() for c in w))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_store_clean_is_idempotent(text):
    once = clean(text)
    assert clean(once) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORD, WHITESPACE), min_size=1, max_size=12), WHITESPACE, WHITESPACE)
def test_store_text_hash_ignores_whitespace(pairs, lead, trail):
    words = [w for w, _ in pairs]
    spaced = lead + "".join(w + sep for w, sep in pairs) + trail
    assert text_hash(spaced) == text_hash(" ".join(words))
    assert text_hash(spaced) != text_hash(" ".join(words) + " x")
