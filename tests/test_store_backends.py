# ruff: noqa: F811 - the fixtures imported from web_support are named as arguments
"""What must hold on SQLite and on PostgreSQL alike, on a real ledger: one writer at a time
(a save that raced another is refused, not lost), the change counter, copying a whole
ledger between backends, and the commands taking a ``postgresql://`` URL."""

from __future__ import annotations

import json
import threading
import time
from contextlib import closing

import pytest
from click.testing import CliRunner
from web_support import built_ledger, ledger_db  # noqa: F401 - fixtures

from warlog.cli import main
from warlog.store import open_store
from warlog.store.copy import CopyError, copy_ledger, ledger_tables
from warlog.store.review import Conflict, SQLiteReview


def pytest_generate_tests(metafunc):
    if "ledger_db" in metafunc.fixturenames:
        metafunc.parametrize("ledger_db", ["sqlite", "postgres"], indirect=True)


def _rows(store, table: str) -> list[tuple]:
    """A table's rows, sorted, as plain tuples (the full-text index columns left out)."""
    _, fts = ledger_tables()
    cur = store.conn.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cur.description]
    keep = [i for i, n in enumerate(names) if n not in fts and n != "rowid"]
    return sorted((tuple(r[i] for i in keep) for r in cur.fetchall()), key=repr)


def test_store_backends_save_waits_for_the_other_writer(ledger_db):
    """A transaction that read version v holds the write lock; a second analyst's save
    meanwhile waits, then finds version v+1 and is refused with the latest version."""
    first = SQLiteReview(open_store(ledger_db))
    incident = first.published()[0]
    outcome: dict[str, object] = {}
    started = threading.Event()

    def other_save() -> None:
        second = SQLiteReview(open_store(ledger_db))  # its own connection, in its own thread
        started.set()
        try:
            outcome["saved"] = second.act(incident.id, 0, "lock", "bo")
        except Conflict as err:
            outcome["conflict"] = err

    with first.store.transaction():
        current = first._locked_view(incident.id, 0)
        thread = threading.Thread(target=other_save)
        thread.start()
        started.wait()
        time.sleep(0.5)  # the other save is under way and must be waiting on the lock
        assert "saved" not in outcome and "conflict" not in outcome
        state = first._copy_state(current.state)
        state.reviewed = True
        first._commit(current, current.incident, state, "ana", "review", "")
    thread.join(timeout=30)
    assert "saved" not in outcome, "both analysts saved from the same version"
    assert outcome["conflict"].latest.state.version == 1
    assert [r.action for r in first.history(incident.id)] == ["review"]


def test_store_backends_generation_moves_on_every_change(ledger_db):
    review = SQLiteReview(open_store(ledger_db))
    before = review.generation()[1]
    incident = review.published()[0]
    review.act(incident.id, 0, "review", "ana")
    after = review.generation()[1]
    assert after > before
    review.store.replace_incidents([])
    assert review.generation()[1] > after


@pytest.mark.parametrize("query", ["strike", "killed", "civilians", '"air strike"', "zzzunfound"])
def test_store_backends_copy_round_trip_keeps_every_row(built_ledger, pg_url, tmp_path, query):
    """SQLite -> PostgreSQL -> SQLite gives back every row of every table; search finds the
    same documents in each."""
    back_path = tmp_path / "back.db"
    with closing(open_store(built_ledger)) as lite, closing(open_store(pg_url)) as pg, \
            closing(open_store(back_path)) as back:
        counts = copy_ledger(lite, pg)
        assert counts["documents"] > 0 and counts["incidents"] > 0
        assert copy_ledger(pg, back) == counts
        tables, fts = ledger_tables()
        for table in tables:
            if table in fts:
                continue
            want = _rows(lite, table)
            assert _rows(back, table) == want, table
            if table != "ledger_generation":
                assert _rows(pg, table) == want, table
        assert [d.id for d in pg.documents()] == [d.id for d in lite.documents()]
        found = lite.matching_documents(query)
        assert pg.matching_documents(query) == found == back.matching_documents(query)
        assert back.fts_rows() == pg.fts_rows() == counts["documents"]


def test_store_backends_copy_keeps_history_and_new_ids_follow(ledger_db, pg_databases):
    review = SQLiteReview(open_store(ledger_db))
    incident = review.published()[0]
    review.act(incident.id, 0, "review", "ana")
    target = pg_databases.create()
    copy_ledger(review.store, open_store(target))
    copied = SQLiteReview(open_store(target))
    old = copied.history(incident.id)
    assert [(r.id, r.action) for r in old] == [(r.id, r.action) for r in review.history(incident.id)]
    copied.act(incident.id, 1, "lock", "ana")
    assert copied.history(incident.id)[0].id == old[0].id + 1
    with pytest.raises(CopyError, match="already holds a ledger"):
        copy_ledger(review.store, open_store(target))


def test_store_backends_commands_take_a_url(built_ledger, pg_url):
    runner = CliRunner()
    copied = runner.invoke(main, ["copy-db", str(built_ledger), pg_url, "--quiet"])
    assert copied.exit_code == 0, copied.output
    assert "documents" in copied.output and "127.0.0.1" in copied.output
    shown = runner.invoke(main, ["show", "--db", pg_url, "--json"])
    assert shown.exit_code == 0, shown.output
    with closing(open_store(built_ledger)) as lite:
        assert json.loads(shown.output)["documents"] == lite.count("documents")
    hits = runner.invoke(main, ["search", "strike", "--db", pg_url, "--json"])
    assert hits.exit_code == 0 and hits.output.count("\n") >= 1
    assert all("[" in json.loads(line)["snippet"] for line in hits.output.splitlines())


def test_store_backends_unreachable_server_is_named(closed_port, warlog_command):
    import subprocess

    url = f"postgresql://warlog:hunter2@127.0.0.1:{closed_port}/ledger"
    done = subprocess.run([*warlog_command, "show", "--db", url], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert f"127.0.0.1:{closed_port}/ledger" in done.stderr and "hunter2" not in done.stderr
    assert "Traceback" not in done.stderr
